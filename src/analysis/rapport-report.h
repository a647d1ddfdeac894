/* rapport-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every analysis of one account, computed once and shared: the follower series feeds the
 * engagement rates, the rates feed hashtags, collaborations, cadence and anomalies, and the
 * reciprocity feeds the collaboration candidates.  The report borrows the dataset: free the
 * report first.
 */

#pragma once

#include "analysis/rapport-anomalies.h"
#include "analysis/rapport-audience.h"
#include "analysis/rapport-cadence.h"
#include "analysis/rapport-collaborations.h"
#include "analysis/rapport-coverage.h"
#include "analysis/rapport-engagement.h"
#include "analysis/rapport-hashtags.h"
#include "analysis/rapport-headline.h"
#include "analysis/rapport-series.h"

G_BEGIN_DECLS

typedef struct
{
  const RapportDataset *dataset;        /* borrowed */
  GTimeZone *tz;                        /* the time zone of the weekday × hour figures */

  RapportFollowerSeries *series;
  RapportGainSummary gains;             /* the daily follows of analytics exports */
  GArray *per_post;                     /* RapportPostEngagement, own posts, oldest first */
  GArray *rolling_median;               /* RapportRollingMedian, one per post with a known ER */
  /* RapportRollingMedian of interactions, one per post with counts: the trend to draw when no
   * post has an ER. */
  GArray *rolling_interactions;
  RapportEngagementSummary engagement;
  /* The headline: the strongest range where followers grew while the median ER fell; NULL
   * when no range does. */
  RapportDivergence *divergence;
  /* Followers and median ER from the first to the last post with a known ER, whether or not
   * they diverge; NULL when those posts do not span two days of the series. */
  RapportDivergence *overall;
  /* The sentence the Overview and the report open with: the divergence, the overall trend, or
   * the next-best statement with why; never NULL. */
  RapportHeadline *headline;

  /* The newest lists' accounts known by id, and how many of them have a name. */
  RapportNamedIds named_followers;
  RapportNamedIds named_following;
  RapportReciprocity *reciprocity;      /* NULL without a follower and a following list */
  RapportChurn *churn;
  RapportHashtagReport *hashtags;
  RapportCollaborations *collaborations;
  RapportCadence *cadence;
  GArray *anomalies;                    /* RapportAnomaly, oldest first */
  RapportCoverage *coverage;

  /* Private: post ids to posts, for rapport_report_find_post(). */
  GHashTable *posts_by_id;
} RapportReport;

/* @tz: the time zone of the weekday × hour heatmap, NULL for the local one.  Never NULL. */
RapportReport            *rapport_report_compute   (const RapportDataset *dataset,
                                                    GTimeZone            *tz);
/* Every figure but those that compare people by name: reciprocity, churn and collaborations
 * are NULL.  Of the lists of people only the sizes, the follow dates and whether handles and
 * ids are given are read, so lists without the names will do. */
RapportReport            *rapport_report_compute_overview (const RapportDataset *dataset,
                                                           GTimeZone            *tz);
/* The post of the dataset with that store id (RapportDatasetPost.id), or NULL. */
const RapportDatasetPost *rapport_report_find_post (const RapportReport  *report,
                                                    gint64                post_id);
void                      rapport_report_free      (RapportReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReport, rapport_report_free)

G_END_DECLS
