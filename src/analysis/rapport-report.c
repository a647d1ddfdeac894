/* rapport-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-report.h"

/*
 * The overall trend: the divergence figures (rapport_engagement_divergence()) over the days
 * from the first to the last own post with a known ER.  Posts outside the follower series have
 * no ER, so both days lie inside the series.  Unlike the headline it is given whether or not
 * followers and engagement diverge, so the report always has a "then and now".
 */
static RapportDivergence *
overall_trend (const GArray                *per_post,
               const RapportFollowerSeries *series)
{
  gint64 first = 0;
  gint64 last = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);

      if (isnan (entry->rate))
        continue;
      if (!any)
        first = entry->post->created_at;
      last = entry->post->created_at;
      any = TRUE;
    }
  if (!any || rapport_day_of (last) <= rapport_day_of (first))
    return NULL;
  return rapport_engagement_divergence (per_post, series, first, last);
}

RapportReport *
rapport_report_compute_overview (const RapportDataset *dataset,
                                 GTimeZone            *tz)
{
  RapportReport *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (RapportReport, 1);
  self->dataset = dataset;
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();

  self->series = rapport_follower_series_compute (dataset);
  self->gains = rapport_follower_gains_summarize (dataset, self->series);
  self->per_post = rapport_engagement_per_post (dataset, self->series);
  self->rolling_median = rapport_engagement_rolling_median (self->per_post);
  self->rolling_interactions = rapport_engagement_rolling_interactions (self->per_post);
  rapport_engagement_summarize (self->per_post, &self->engagement);
  self->divergence = rapport_engagement_divergence_strongest (self->per_post, self->series);
  self->overall = overall_trend (self->per_post, self->series);
  self->headline = rapport_headline_compute (self->per_post, &self->engagement,
                                             self->divergence, self->overall);

  self->hashtags = rapport_hashtags_compute (self->per_post);
  self->cadence = rapport_cadence_compute (dataset, self->per_post, self->tz);
  self->anomalies = rapport_anomalies_detect (self->series, self->per_post);
  self->coverage = rapport_coverage_compute (dataset);
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWER, &self->named_followers);
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWING, &self->named_following);

  self->posts_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      g_hash_table_insert (self->posts_by_id, &post->id, post);
    }

  return self;
}

RapportReport *
rapport_report_compute (const RapportDataset *dataset,
                        GTimeZone            *tz)
{
  RapportReport *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = rapport_report_compute_overview (dataset, tz);
  self->reciprocity = rapport_reciprocity_compute (dataset);
  self->churn = rapport_churn_compute (dataset);
  self->collaborations = rapport_collaborations_compute (dataset, self->per_post,
                                                         self->reciprocity);

  return self;
}

const RapportDatasetPost *
rapport_report_find_post (const RapportReport *report,
                          gint64               post_id)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->posts_by_id != NULL)
    return g_hash_table_lookup (report->posts_by_id, &post_id);

  /* A report put together by hand (in tests) has no index. */
  for (guint i = 0; report->dataset != NULL && i < report->dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (report->dataset->posts, i);

      if (post->id == post_id)
        return post;
    }
  return NULL;
}

void
rapport_report_free (RapportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->tz, g_time_zone_unref);
  g_clear_pointer (&report->series, rapport_follower_series_free);
  g_clear_pointer (&report->per_post, g_array_unref);
  g_clear_pointer (&report->rolling_median, g_array_unref);
  g_clear_pointer (&report->rolling_interactions, g_array_unref);
  g_clear_pointer (&report->headline, rapport_headline_free);
  g_clear_pointer (&report->divergence, rapport_divergence_free);
  g_clear_pointer (&report->overall, rapport_divergence_free);
  g_clear_pointer (&report->collaborations, rapport_collaborations_free);
  g_clear_pointer (&report->reciprocity, rapport_reciprocity_free);
  g_clear_pointer (&report->churn, rapport_churn_free);
  g_clear_pointer (&report->hashtags, rapport_hashtag_report_free);
  g_clear_pointer (&report->cadence, rapport_cadence_free);
  g_clear_pointer (&report->anomalies, g_array_unref);
  g_clear_pointer (&report->coverage, rapport_coverage_free);
  g_clear_pointer (&report->posts_by_id, g_hash_table_unref);
  g_free (report);
}
