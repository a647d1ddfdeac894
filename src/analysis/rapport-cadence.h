/* rapport-cadence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Consistency of posting: posts per week, gaps, the spread of the intervals between posts, weeks
 * without posts, and engagement by weekday × hour.  The definitions are in rapport-cadence.c.
 */

#pragma once

#include "analysis/rapport-engagement.h"

G_BEGIN_DECLS

/* A pause longer than this many days is listed as a gap. */
#define RAPPORT_CADENCE_GAP_DAYS       14
/* Posts with a known ER a slot needs before it can be the best slot. */
#define RAPPORT_CADENCE_MIN_SLOT_POSTS 5
/* Hours in one block of the day for the best block. */
#define RAPPORT_CADENCE_BLOCK_HOURS    3

typedef struct
{
  gint64 from;  /* time of the post before the pause */
  gint64 to;    /* time of the post after it */
  double days;  /* (to − from) in days, with fractions */
} RapportCadenceGap;

typedef struct
{
  guint n_posts;      /* posts in this slot (own posts and stories) */
  guint n_rated;      /* of those, own posts with a known ER by followers */
  double median_rate; /* median ER of those, NAN when n_rated is 0 */
} RapportCadenceCell;

/* One slot of the week.  A weekday slot has hour_start 0 and hour_end 24; a block of the day
 * taken over every weekday has weekday -1. */
typedef struct
{
  int weekday;        /* 0 = Monday … 6 = Sunday, -1 = any day */
  guint hour_start;   /* local hour, inclusive */
  guint hour_end;     /* local hour, exclusive */
  guint n;            /* posts with a known ER in the slot */
  double median_rate;
} RapportCadenceSlot;

typedef struct
{
  guint n_posts;               /* own posts and stories; reposts are not the creator's posts */
  gint64 first;                /* time of the first post, 0 without posts */
  gint64 last;                 /* time of the last post, 0 without posts */
  /* Calendar weeks (Monday to Sunday, UTC) from the first post's to the last post's. */
  guint n_weeks;
  double posts_per_week;       /* n_posts / n_weeks, NAN without posts */
  guint weeks_without_posts;   /* of those n_weeks */
  /* The posts of each of those weeks, [0] the first: the rhythm the Overview draws when the
   * exports give no engagement.  NULL without posts. */
  guint *posts_by_week;
  gint64 first_week;           /* 00:00 UTC of the Monday the first week starts; 0 without */

  guint n_intervals;           /* n_posts − 1 */
  double interval_median;      /* days between consecutive posts; NAN without intervals */
  double interval_q1;          /* quartiles (type 7) */
  double interval_q3;
  double interval_iqr;         /* q3 − q1 */
  /* Sample standard deviation / mean; NAN for fewer than 2 intervals or a mean of 0. */
  double interval_cv;

  RapportCadenceGap longest_gap; /* all zero for fewer than two posts */
  /* RapportCadenceGap longer than RAPPORT_CADENCE_GAP_DAYS, oldest first. */
  GArray *gaps;

  RapportCadenceCell heatmap[7][24]; /* [weekday, 0 = Monday][local hour] */
  RapportCadenceSlot *best_cell;     /* best weekday × hour, NULL when no cell qualifies */
  RapportCadenceSlot *best_weekday;  /* NULL when no weekday qualifies */
  RapportCadenceSlot *best_block;    /* best 3-hour block of the day over all weekdays, or NULL */
} RapportCadence;

/* @per_post is rapport_engagement_per_post() of the same dataset (for the ER of each slot);
 * @tz is the time zone of the heatmap, NULL for the local one.  Never NULL. */
RapportCadence *rapport_cadence_compute (const RapportDataset *dataset,
                                         const GArray         *per_post,
                                         GTimeZone            *tz);
void            rapport_cadence_free    (RapportCadence       *cadence);
/* The weekday (0 = Monday) and hour of @t in @tz, as the heatmap counts them; FALSE for a time
 * out of range (rapport-records.h), which has no slot. */
gboolean        rapport_cadence_slot_of (gint64                t,
                                         GTimeZone            *tz,
                                         guint                *weekday,
                                         guint                *hour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCadence, rapport_cadence_free)

G_END_DECLS
