/* rapport-anomalies.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follower jumps and drops found by a robust z-score of the daily changes of the follower
 * series, with what engagement did around each.  The definitions are in rapport-anomalies.c.
 */

#pragma once

#include "analysis/rapport-engagement.h"

G_BEGIN_DECLS

/* A daily change is unusual at |robust z| ≥ 3.5 (Iglewicz and Hoaglin's cut-off). */
#define RAPPORT_ANOMALY_Z            3.5
/* A day is measured against the changes of its kind within this many days on either side:
 * a page's year of steady follows is its own baseline, not a jump out of the quiet years
 * around it, and a burst of a few weeks still stands out. */
#define RAPPORT_ANOMALY_BASELINE_DAYS 60
/* Daily changes of one kind in that window needed before their spread is trusted. */
#define RAPPORT_ANOMALY_MIN_CHANGES  14
/* A flagged day must also move at least this many followers and this share (%) of them:
 * on quiet reconstructed curves a day of +6 against a typical +0 is statistically rare yet
 * means nothing to a creator. */
#define RAPPORT_ANOMALY_MIN_FOLLOWERS 10
#define RAPPORT_ANOMALY_MIN_SHARE     0.5
/* Days of posts compared before and after an event. */
#define RAPPORT_ANOMALY_WINDOW_DAYS  30
/* A drop of at least this share of the followers (percent) can look like a purge. */
#define RAPPORT_ANOMALY_PURGE_SHARE  1.0
/* Posts with known interactions needed on each side for the purge check. */
#define RAPPORT_ANOMALY_PURGE_POSTS  3

typedef enum
{
  RAPPORT_ANOMALY_JUMP,
  RAPPORT_ANOMALY_DROP,
} RapportAnomalyKind;

typedef struct
{
  RapportAnomalyKind kind;
  RapportSeriesKind found_in;   /* REAL or RECONSTRUCTED: the daily changes it stood out from */
  gint64 start;                 /* first day of the event (00:00 UTC) */
  gint64 end;                   /* last day of the event, start for a one-day event */
  guint n_days;                 /* days from its first to its last */
  double followers_before;      /* followers on the day before start */
  double change;                /* followers on end − followers_before */
  double z;                     /* the robust z of its most extreme day, signed */
  double typical_change;        /* median daily change around its first day */

  /* Own posts in the 30 days before the event, [start − 30 d, start), and in the 30 days after
   * it, [end + 1 d, end + 31 d). */
  double rate_before;           /* median ER by followers, NAN without posts */
  guint n_rate_before;
  double rate_after;
  guint n_rate_after;
  double interactions_before;   /* median interactions per post, NAN without posts */
  guint n_interactions_before;
  double interactions_after;
  guint n_interactions_after;

  /* A drop that took no engagement with it; see rapport-anomalies.c. */
  gboolean looks_like_purge;
} RapportAnomaly;

/* The events of @series, oldest first, as a GArray of RapportAnomaly; never NULL.  @per_post is
 * rapport_engagement_per_post() of the same dataset. */
GArray *rapport_anomalies_detect (const RapportFollowerSeries *series,
                                  const GArray                *per_post);

G_END_DECLS
