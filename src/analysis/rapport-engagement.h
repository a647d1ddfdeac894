/* rapport-engagement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Engagement of own posts: interactions and engagement rate (ER) per post, the rolling 30-day
 * median ER, and the divergence between follower growth and ER — the app's headline.
 *
 * Own posts are every post except reposts (RAPPORT_POST_REPOST) and stories
 * (RAPPORT_POST_STORY, which exports give without counts).
 */

#pragma once

#include "analysis/rapport-series.h"

G_BEGIN_DECLS

/* Rolling median window and divergence windows, in days. */
#define RAPPORT_ENGAGEMENT_ROLLING_DAYS   30
#define RAPPORT_DIVERGENCE_WINDOW_DAYS    90
/* What a headline or a change in percent needs (src/DESIGN.md, "Enough data"): this many
 * posts with a known ER in each of the two windows it compares, since a median of fewer is
 * swung by one post … */
#define RAPPORT_HEADLINE_MIN_POSTS        10
/* … and a base of at least this many followers, since below it one follower is a percent or
 * more, and a count rebuilt from follow dates is at its least reliable. */
#define RAPPORT_HEADLINE_MIN_FOLLOWERS    100
/* An ER above this (more interactions than followers) says the follower figure under it is
 * wrong or too small: such a rate is flagged as unreliable, never headlined. */
#define RAPPORT_RATE_RELIABLE_MAX         1.0
/* Posts with a known ER needed in each divergence window. */
#define RAPPORT_DIVERGENCE_MIN_POSTS      RAPPORT_HEADLINE_MIN_POSTS
/* Followers the strongest divergence must start from. */
#define RAPPORT_DIVERGENCE_MIN_FOLLOWERS  RAPPORT_HEADLINE_MIN_FOLLOWERS

typedef struct
{
  const RapportDatasetPost *post;  /* borrowed from the dataset */
  gint64 interactions;             /* -1 when the export has no counts for this post */
  double followers;                /* followers on the post's day, NAN when unknown */
  /* Interactions / followers, NAN when either is unknown or followers is 0. */
  double rate;
  double rate_by_impressions;      /* interactions / impressions, NAN without impressions */
  /* The followers came from the reconstruction: the rate is an upper bound. */
  gboolean followers_lower_bound;
  /* The rate is above RAPPORT_RATE_RELIABLE_MAX, or rests on a rebuilt count below
   * RAPPORT_HEADLINE_MIN_FOLLOWERS: shown flagged, never headlined. */
  gboolean rate_unreliable;
} RapportPostEngagement;

/* Likes + comments + shares + saves + replies + quotes, summing the known ones; when all are
 * unknown, the platform's own engagement total where an export gave it, else -1. */
gint64  rapport_post_interactions          (const RapportDatasetPost    *post);
/* TRUE for posts that count in engagement figures (not reposts, not stories). */
gboolean rapport_post_is_own               (const RapportDatasetPost    *post);

/* One entry per own post (no reposts, no stories), oldest first.  @series may be NULL, then no
 * rate by followers is known. */
GArray *rapport_engagement_per_post        (const RapportDataset        *dataset,
                                            const RapportFollowerSeries *series);

typedef struct
{
  gint64 t;       /* time of the post the window ends with */
  double median;  /* median ER of own posts in (t − 30 days, t] */
  guint n;        /* posts with a known ER in that window (at least 1) */
} RapportRollingMedian;

/* One entry per post of @per_post (RapportPostEngagement, oldest first) that has a known ER,
 * oldest first.  Returns a GArray of RapportRollingMedian; never NULL. */
GArray *rapport_engagement_rolling_median  (const GArray                *per_post);
/* The same over interactions (absolute) of the posts with counts, for accounts without a
 * follower figure on the days of their posts: the next-best trend. */
GArray *rapport_engagement_rolling_interactions (const GArray           *per_post);
/* TRUE for an ER that can be stated (see rate_unreliable); FALSE for NAN too. */
gboolean rapport_engagement_rate_is_reliable (double                    rate,
                                              double                    followers,
                                              gboolean                  followers_lower_bound);

typedef struct
{
  guint n_posts;                     /* own posts */
  guint n_with_interactions;         /* posts whose export gave any count */
  guint n_with_rate;                 /* posts with a known ER by followers */
  /* Of those, over reconstructed followers (the ER is an upper bound). */
  guint n_rate_lower_bound;
  guint n_rate_unreliable;           /* of those, flagged as unreliable (rate_unreliable) */
  guint n_with_impressions;          /* posts with a known ER by impressions */
  double median_interactions;        /* over n_with_interactions */
  double median_rate;                /* over n_with_rate */
  double median_rate_by_impressions; /* over n_with_impressions */
} RapportEngagementSummary;

void    rapport_engagement_summarize       (const GArray                *per_post,
                                            RapportEngagementSummary    *summary);

typedef struct
{
  gint64 from;                    /* first day of the range (00:00 UTC) */
  gint64 to;                      /* last day of the range (00:00 UTC) */
  guint window_days;              /* length of the 'before' and 'after' windows */
  double followers_from;          /* followers on day 'from' */
  double followers_to;            /* followers on day 'to' */
  double follower_growth;         /* percent, (to − from) / from · 100; NAN when from is 0 */
  gboolean followers_lower_bound; /* either end comes from the reconstruction */
  double median_before;           /* median ER of posts in the first window, NAN when none */
  guint n_before;
  double median_after;            /* median ER of posts in the last window, NAN when none */
  guint n_after;
  double rate_change;             /* percent, (after − before) / before · 100 */
  gboolean diverges;              /* followers grew while the median ER fell, with at least
                                   * RAPPORT_DIVERGENCE_MIN_POSTS posts in each window, from at
                                   * least RAPPORT_DIVERGENCE_MIN_FOLLOWERS, both medians at
                                   * most RAPPORT_RATE_RELIABLE_MAX */
  char *headline;                 /* translated sentence when diverges, NULL otherwise, e.g.
                                   * "Followers +40.0 % since 3 Mar 2025 while the median
                                   * engagement rate fell from 4.1 % to 1.9 %" */
} RapportDivergence;

/* Compares the first and the last window of the days [from, to] (both rounded down to their
 * UTC day); see the definition in rapport-engagement.c.  NULL when to is not after from or the
 * series has no value on either end. */
RapportDivergence *rapport_engagement_divergence          (const GArray                *per_post,
                                                           const RapportFollowerSeries *series,
                                                           gint64                       from,
                                                           gint64                       to);
/* The strongest divergence over the whole history, NULL when no range diverges. */
RapportDivergence *rapport_engagement_divergence_strongest (const GArray                *per_post,
                                                            const RapportFollowerSeries *series);
void               rapport_divergence_free                 (RapportDivergence         *divergence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDivergence, rapport_divergence_free)

G_END_DECLS
