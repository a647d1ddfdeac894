/* rapport-report-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis/rapport-since-export.h"
#include "cli/rapport-report-json-private.h"

static void
json_uplift (JsonBuilder         *builder,
             const char          *name,
             const RapportUplift *uplift)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_int (builder, "n_with", uplift->n_with);
  json_int (builder, "n_without", uplift->n_without);
  json_double (builder, "median_with", uplift->median_with);
  json_double (builder, "median_without", uplift->median_without);
  json_double (builder, "uplift", uplift->uplift);
  json_double (builder, "difference_pp", uplift->difference_pp);
  json_double (builder, "u", uplift->u);
  json_double (builder, "p_value", uplift->p_value);
  json_string (builder, "confidence", rapport_confidence_to_string (uplift->confidence));
  json_builder_end_object (builder);
}

/* Post ids (store ids of the engagement array entries at @indices). */
static void
json_post_ids (JsonBuilder  *builder,
               const char   *name,
               const GArray *per_post,
               const GArray *indices)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < indices->len; i++)
    json_builder_add_int_value (builder,
                                g_array_index (per_post, RapportPostEngagement,
                                               g_array_index (indices, guint32, i)).post->id);
  json_builder_end_array (builder);
}

static void
json_strv (JsonBuilder *builder,
           const char  *name,
           char       **strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (; strv != NULL && *strv != NULL; strv++)
    json_builder_add_string_value (builder, *strv);
  json_builder_end_array (builder);
}

static void
json_account (JsonBuilder         *builder,
              const RapportReport *report)
{
  const RapportDataset *dataset = report->dataset;

  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  json_int (builder, "id", dataset->account_id);
  json_string (builder, "platform", rapport_platform_to_string (dataset->platform));
  json_string (builder, "handle", dataset->handle);
  json_string (builder, "display_name", dataset->display_name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "snapshots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      json_builder_begin_object (builder);
      json_int (builder, "id", snapshot->id);
      json_string (builder, "source_name", snapshot->source_name);
      json_time (builder, "exported_at", snapshot->exported_at);
      json_string (builder, "date_source", rapport_date_source_to_string (snapshot->date_source));
      json_count (builder, "followers",
                  rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER)
                  ? (gint64) rapport_dataset_snapshot_list_size (snapshot,
                                                                 RAPPORT_DIRECTION_FOLLOWER)
                  : -1);
      json_count (builder, "following",
                  rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWING)
                  ? (gint64) rapport_dataset_snapshot_list_size (snapshot,
                                                                 RAPPORT_DIRECTION_FOLLOWING)
                  : -1);
      json_int (builder, "n_posts", snapshot->n_posts);
      json_int (builder, "n_follower_days", snapshot->n_follower_days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
json_series_point (JsonBuilder              *builder,
                   const RapportSeriesPoint *point)
{
  json_builder_begin_object (builder);
  json_time (builder, "day", point->day);
  json_double (builder, "followers", point->followers);
  json_string (builder, "kind", rapport_series_kind_to_string (point->kind));
  json_string (builder, "source", rapport_count_source_to_string (point->source));
  json_bool (builder, "lower_bound", point->lower_bound);
  json_builder_end_object (builder);
}

/* Evenly spread indices into @n entries, first and last included. */
static guint
sample_index (guint k,
              guint n_samples,
              guint n)
{
  if (n_samples <= 1)
    return 0;
  return (guint) ((guint64) k * (n - 1) / (n_samples - 1));
}

static void
json_series (JsonBuilder         *builder,
             const RapportReport *report)
{
  const GArray *points = report->series->points;
  guint n_samples = MIN (points->len, RAPPORT_REPORT_JSON_SAMPLE);

  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  json_int (builder, "n_days", points->len);
  json_int (builder, "n_real",
            rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_REAL));
  json_int (builder, "n_reconstructed",
            rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_RECONSTRUCTED));
  json_int (builder, "n_interpolated",
            rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_INTERPOLATED));
  json_int (builder, "n_anchored",
            rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_ANCHORED));
  json_builder_set_member_name (builder, "first");
  if (points->len > 0)
    json_series_point (builder, &g_array_index (points, RapportSeriesPoint, 0));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last");
  if (points->len > 0)
    json_series_point (builder, &g_array_index (points, RapportSeriesPoint, points->len - 1));
  else
    json_builder_add_null_value (builder);
  json_begin_list (builder, "points", points->len);
  for (guint k = 0; k < n_samples; k++)
    json_series_point (builder, &g_array_index (points, RapportSeriesPoint,
                                                sample_index (k, n_samples, points->len)));
  json_end_list (builder);
  json_builder_end_object (builder);
}

static void
json_gains (JsonBuilder         *builder,
            const RapportReport *report)
{
  const RapportGainSummary *gains = &report->gains;

  json_builder_set_member_name (builder, "gains");
  json_builder_begin_object (builder);
  json_int (builder, "n_days", gains->n_days);
  json_time (builder, "first", gains->first_day);
  json_time (builder, "last", gains->last_day);
  json_int (builder, "gained", gains->gained);
  json_builder_set_member_name (builder, "lost");
  if (gains->lost != RAPPORT_COUNT_UNKNOWN)
    json_builder_add_int_value (builder, gains->lost);
  else
    json_builder_add_null_value (builder);
  json_int (builder, "n_anchored", gains->n_anchored);
  json_builder_end_object (builder);
}

static void
json_divergence (JsonBuilder             *builder,
                 const char              *name,
                 const RapportDivergence *divergence)
{
  json_builder_set_member_name (builder, name);
  if (divergence == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_time (builder, "from", divergence->from);
  json_time (builder, "to", divergence->to);
  json_int (builder, "window_days", divergence->window_days);
  json_double (builder, "followers_from", divergence->followers_from);
  json_double (builder, "followers_to", divergence->followers_to);
  json_double (builder, "follower_growth_percent", divergence->follower_growth);
  json_bool (builder, "followers_lower_bound", divergence->followers_lower_bound);
  json_double (builder, "median_rate_before", divergence->median_before);
  json_int (builder, "n_before", divergence->n_before);
  json_double (builder, "median_rate_after", divergence->median_after);
  json_int (builder, "n_after", divergence->n_after);
  json_double (builder, "rate_change_percent", divergence->rate_change);
  json_bool (builder, "diverges", divergence->diverges);
  json_string (builder, "headline", divergence->headline);
  json_builder_end_object (builder);
}

/* What the report opens with, and why it says no more. */
static void
json_headline (JsonBuilder           *builder,
               const RapportHeadline *headline)
{
  json_builder_set_member_name (builder, "headline");
  if (headline == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_string (builder, "kind", rapport_headline_kind_to_string (headline->kind));
  json_string (builder, "text", headline->text);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint bit = 1; bit <= RAPPORT_HEADLINE_NO_ENGAGEMENT; bit <<= 1)
    if (headline->reasons & bit)
      json_builder_add_string_value (builder, rapport_headline_reason_to_string (bit));
  json_builder_end_array (builder);
  json_int (builder, "min_posts", RAPPORT_HEADLINE_MIN_POSTS);
  json_int (builder, "min_followers", RAPPORT_HEADLINE_MIN_FOLLOWERS);
  json_builder_end_object (builder);
}

static void
json_post (JsonBuilder                 *builder,
           const RapportPostEngagement *entry)
{
  const RapportDatasetPost *post = entry->post;

  json_builder_begin_object (builder);
  json_int (builder, "id", post->id);
  json_string (builder, "platform_id", post->platform_id);
  json_string (builder, "type", rapport_post_type_to_string (post->type));
  json_time (builder, "created_at", post->created_at);
  json_string (builder, "url", post->url);
  json_count (builder, "interactions", entry->interactions);
  json_double (builder, "followers", entry->followers);
  json_double (builder, "rate", entry->rate);
  json_double (builder, "rate_by_impressions", entry->rate_by_impressions);
  json_bool (builder, "followers_lower_bound", entry->followers_lower_bound);
  json_bool (builder, "rate_unreliable", entry->rate_unreliable);
  json_strv (builder, "hashtags", post->hashtags);
  json_strv (builder, "mentions", post->mentions);
  json_builder_end_object (builder);
}

static void
json_engagement (JsonBuilder         *builder,
                 const RapportReport *report)
{
  const RapportEngagementSummary *summary = &report->engagement;
  const GArray *rolling = report->rolling_median;
  guint n_samples = MIN (rolling->len, RAPPORT_REPORT_JSON_SAMPLE);
  guint n_posts = report->per_post->len;

  json_builder_set_member_name (builder, "engagement");
  json_builder_begin_object (builder);
  json_int (builder, "n_posts", summary->n_posts);
  json_int (builder, "n_with_interactions", summary->n_with_interactions);
  json_int (builder, "n_with_rate", summary->n_with_rate);
  json_int (builder, "n_rate_lower_bound", summary->n_rate_lower_bound);
  json_int (builder, "n_rate_unreliable", summary->n_rate_unreliable);
  json_int (builder, "n_with_impressions", summary->n_with_impressions);
  json_double (builder, "median_interactions", summary->median_interactions);
  json_double (builder, "median_rate", summary->median_rate);
  json_double (builder, "median_rate_by_impressions", summary->median_rate_by_impressions);
  json_divergence (builder, "divergence", report->divergence);
  json_divergence (builder, "overall", report->overall);
  json_headline (builder, report->headline);

  json_begin_list (builder, "rolling_median", rolling->len);
  for (guint k = 0; k < n_samples; k++)
    {
      const RapportRollingMedian *point =
        &g_array_index (rolling, RapportRollingMedian, sample_index (k, n_samples, rolling->len));

      json_builder_begin_object (builder);
      json_time (builder, "at", point->t);
      json_double (builder, "median_rate", point->median);
      json_int (builder, "n", point->n);
      json_builder_end_object (builder);
    }
  json_end_list (builder);

  /* The newest posts, oldest first. */
  json_begin_list (builder, "posts", n_posts);
  for (guint i = n_posts - MIN (n_posts, RAPPORT_REPORT_JSON_SAMPLE); i < n_posts; i++)
    json_post (builder, &g_array_index (report->per_post, RapportPostEngagement, i));
  json_end_list (builder);
  json_builder_end_object (builder);
}

static void
json_snapshot_id (JsonBuilder                  *builder,
                  const char                   *name,
                  const RapportDatasetSnapshot *snapshot)
{
  json_builder_set_member_name (builder, name);
  if (snapshot != NULL)
    json_builder_add_int_value (builder, snapshot->id);
  else
    json_builder_add_null_value (builder);
}

/* A list's accounts known by id and how many have a name; null without ids to name. */
static void
json_named_ids (JsonBuilder           *builder,
                const char            *name,
                const RapportNamedIds *named)
{
  json_builder_set_member_name (builder, name);
  if (named->snapshot == NULL || named->n_with_id == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_snapshot_id (builder, "snapshot_id", named->snapshot);
  json_int (builder, "n_listed", named->n_listed);
  json_int (builder, "n_with_id", named->n_with_id);
  json_int (builder, "n_named", named->n_named);
  json_builder_end_object (builder);
}

static void
json_names (JsonBuilder         *builder,
            const RapportReport *report)
{
  json_builder_set_member_name (builder, "names");
  json_builder_begin_object (builder);
  json_named_ids (builder, "followers", &report->named_followers);
  json_named_ids (builder, "following", &report->named_following);
  json_builder_end_object (builder);
}

static void
json_reciprocity (JsonBuilder         *builder,
                  const RapportReport *report)
{
  const RapportReciprocity *reciprocity = report->reciprocity;

  json_builder_set_member_name (builder, "reciprocity");
  if (reciprocity == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_snapshot_id (builder, "followers_snapshot_id", reciprocity->followers_snapshot);
  json_snapshot_id (builder, "following_snapshot_id", reciprocity->following_snapshot);
  json_bool (builder, "same_snapshot", reciprocity->same_snapshot);
  json_int (builder, "n_followers", reciprocity->n_followers);
  json_int (builder, "n_following", reciprocity->n_following);
  json_int (builder, "n_mutuals", reciprocity->n_mutuals);
  json_int (builder, "n_fans", reciprocity->n_fans);
  json_int (builder, "n_not_following_back", reciprocity->n_not_following_back);
  json_int (builder, "n_kept", report->dataset != NULL ? report->dataset->kept->len : 0);
  json_int (builder, "n_not_following_back_kept", reciprocity->n_not_following_back_kept);
  json_int (builder, "n_not_following_back_unkept", reciprocity->n_not_following_back_unkept);
  json_double (builder, "follow_back_ratio", reciprocity->follow_back_ratio);
  json_int (builder, "n_mutuals_dated", reciprocity->n_mutuals_dated);
  json_int (builder, "n_f4f_pairs", reciprocity->n_f4f_pairs);
  json_double (builder, "f4f_share_of_followers", reciprocity->f4f_share_of_followers);
  json_double (builder, "f4f_share_of_mutuals", reciprocity->f4f_share_of_mutuals);
  json_double (builder, "reciprocal_share", reciprocity->reciprocal_share);
  json_people (builder, "mutuals", reciprocity->followers, reciprocity->mutuals, TRUE);
  json_people (builder, "fans", reciprocity->followers, reciprocity->fans, FALSE);
  json_people (builder, "not_following_back", reciprocity->following,
               reciprocity->not_following_back_unkept, FALSE);
  json_people (builder, "not_following_back_kept", reciprocity->following,
               reciprocity->not_following_back_kept, FALSE);
  json_people (builder, "f4f_pairs", reciprocity->followers, reciprocity->f4f_pairs, TRUE);
  json_builder_end_object (builder);
}

static void
json_churn (JsonBuilder         *builder,
            const RapportReport *report)
{
  json_builder_set_member_name (builder, "churn");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint s = 0; s < report->churn->steps->len; s++)
    {
      const RapportChurnStep *step = g_ptr_array_index (report->churn->steps, s);

      json_builder_begin_object (builder);
      json_snapshot_id (builder, "older_snapshot_id", step->older);
      json_snapshot_id (builder, "newer_snapshot_id", step->newer);
      json_time (builder, "older_exported_at", step->older ? step->older->exported_at : 0);
      json_time (builder, "newer_exported_at", step->newer ? step->newer->exported_at : 0);
      json_int (builder, "n_older", step->n_older);
      json_int (builder, "n_newer", step->n_newer);
      json_counted_people (builder, "gained", step->n_gained, step->newer_people, step->gained,
                           FALSE);
      json_counted_people (builder, "lost", step->n_lost, step->older_people, step->lost, FALSE);
      json_counted_people (builder, "refollowed", step->n_refollowed, step->newer_people,
                           step->refollowed, FALSE);

      json_begin_list (builder, "renames", step->n_renamed);
      for (guint i = 0; i < MIN (step->renames->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
        {
          const RapportRename *rename = &g_array_index (step->renames, RapportRename, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "old");
          json_person (builder, &step->older_people->items[rename->old_index]);
          json_builder_set_member_name (builder, "new");
          json_person (builder, &step->newer_people->items[rename->new_index]);
          json_string (builder, "evidence", rename->evidence == RAPPORT_RENAME_BY_PLATFORM_ID
                                            ? "platform_id" : "since");
          json_builder_end_object (builder);
        }
      json_end_list (builder);

      json_snapshot_id (builder, "following_snapshot_id", step->following_snapshot);
      /* Null where neither export has a following list to look in. */
      if (step->following_snapshot != NULL)
        json_counted_people (builder, "dropped_after_follow_back",
                             step->n_dropped_after_follow_back, step->older_people,
                             step->dropped_after_follow_back, FALSE);
      else
        {
          json_builder_set_member_name (builder, "dropped_after_follow_back");
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* "Since your last export" as the Overview gives it: the step into the newest follower list,
 * or the state and the sentence that says why there is none. */
static void
json_since_export (JsonBuilder         *builder,
                   const RapportReport *report)
{
  g_autoptr(RapportSinceExport) since = rapport_since_export_compute (report->dataset,
                                                                      report->churn);
  g_autofree char *why = rapport_since_export_explain (since, report->coverage, TRUE);
  const RapportChurnStep *step = since->step;

  json_builder_set_member_name (builder, "since_last_export");
  json_builder_begin_object (builder);
  json_string (builder, "state", rapport_since_export_state_name (since->state));
  json_int (builder, "n_exports", since->n_exports);
  json_int (builder, "n_with_followers", since->n_with_followers);
  json_string (builder, "explanation", why);
  json_snapshot_id (builder, "older_snapshot_id", step != NULL ? step->older : NULL);
  json_snapshot_id (builder, "newer_snapshot_id", step != NULL ? step->newer : NULL);
  json_count (builder, "gained", step != NULL ? (gint64) step->n_gained : -1);
  json_count (builder, "lost", step != NULL ? (gint64) step->n_lost : -1);
  /* Null where neither export has a following list to look in. */
  json_count (builder, "dropped_after_follow_back",
              rapport_since_export_knows_dropped (since)
              ? (gint64) step->n_dropped_after_follow_back : -1);
  json_count (builder, "renamed", step != NULL ? (gint64) step->n_renamed : -1);
  json_builder_end_object (builder);
}

static const char * const bucket_keys[RAPPORT_N_TAG_BUCKETS] = {
  "0", "1-2", "3-5", "6-10", "11-plus",
};

static void
json_hashtags (JsonBuilder         *builder,
               const RapportReport *report)
{
  const RapportHashtagReport *hashtags = report->hashtags;

  json_builder_set_member_name (builder, "hashtags");
  json_builder_begin_object (builder);
  json_int (builder, "n_posts", hashtags->n_posts);
  json_int (builder, "n_with_rate", hashtags->n_with_rate);
  json_int (builder, "n_tagged_posts", hashtags->n_tagged_posts);
  json_int (builder, "n_tag_uses", hashtags->n_tag_uses);

  json_begin_list (builder, "usage", hashtags->usage->len);
  for (guint i = 0; i < MIN (hashtags->usage->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      const RapportTagUsage *usage = &g_array_index (hashtags->usage, RapportTagUsage, i);

      json_builder_begin_object (builder);
      json_string (builder, "tag", usage->tag);
      json_bool (builder, "is_bait", usage->is_bait);
      json_int (builder, "n_posts", usage->n_posts);
      json_time (builder, "first", usage->first);
      json_time (builder, "last", usage->last);
      json_builder_end_object (builder);
    }
  json_end_list (builder);

  json_begin_list (builder, "tags", hashtags->tags->len);
  for (guint i = 0; i < MIN (hashtags->tags->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);

      json_builder_begin_object (builder);
      json_string (builder, "tag", tag->tag);
      json_bool (builder, "is_bait", tag->is_bait);
      json_uplift (builder, "uplift", &tag->uplift);
      json_builder_end_object (builder);
    }
  json_end_list (builder);

  json_builder_set_member_name (builder, "buckets");
  json_builder_begin_array (builder);
  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      const RapportTagBucket *bucket = &hashtags->buckets[b];

      json_builder_begin_object (builder);
      json_string (builder, "key", bucket_keys[b]);
      json_int (builder, "min_tags", bucket->min_tags);
      json_builder_set_member_name (builder, "max_tags");
      if (bucket->max_tags == G_MAXUINT)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, bucket->max_tags);
      json_int (builder, "n", bucket->n);
      json_int (builder, "n_posts", hashtags->bucket_posts[b]);
      json_double (builder, "median_rate", bucket->median);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_string (builder, "best_bucket",
               hashtags->best_bucket >= 0 ? bucket_keys[hashtags->best_bucket] : NULL);

  json_builder_set_member_name (builder, "bait");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hashtags->bait->len; i++)
    {
      const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

      json_builder_begin_object (builder);
      json_string (builder, "tag", tag->tag);
      json_int (builder, "n_posts", tag->n_posts);
      json_int (builder, "n_with_rate", tag->n_with_rate);
      json_int (builder, "n_without", tag->n_without);
      json_double (builder, "median_with", tag->median_with);
      json_double (builder, "median_without", tag->median_without);
      json_post_ids (builder, "post_ids", report->per_post, tag->posts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_int (builder, "n_bait_posts", hashtags->n_bait_posts);
  json_uplift (builder, "bait_uplift", &hashtags->bait_uplift);
  json_builder_end_object (builder);
}

static void
json_collaborations (JsonBuilder         *builder,
                     const RapportReport *report)
{
  const RapportCollaborations *collaborations = report->collaborations;

  json_builder_set_member_name (builder, "collaborations");
  json_builder_begin_object (builder);
  json_int (builder, "n_posts", collaborations->n_posts);
  json_int (builder, "n_with_mentions", collaborations->n_with_mentions);
  json_uplift (builder, "mentions", &collaborations->mentions);

  json_begin_list (builder, "partners", collaborations->partners->len);
  for (guint i = 0; i < MIN (collaborations->partners->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      const RapportPartner *partner = &g_array_index (collaborations->partners, RapportPartner, i);

      json_builder_begin_object (builder);
      json_string (builder, "handle", partner->handle);
      json_string (builder, "name", partner->name);
      json_int (builder, "n_posts", partner->n_posts);
      json_int (builder, "n_with_rate", partner->n_with_rate);
      json_double (builder, "median_rate", partner->median_rate);
      json_post_ids (builder, "post_ids", report->per_post, partner->posts);
      json_builder_end_object (builder);
    }
  json_end_list (builder);

  json_bool (builder, "candidates_available", collaborations->candidates_available);
  json_bool (builder, "candidates_from_following", collaborations->candidates_from_following);
  json_int (builder, "n_interactions", collaborations->n_interactions);
  json_begin_list (builder, "candidates", collaborations->candidates->len);
  for (guint i = 0; i < MIN (collaborations->candidates->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (collaborations->candidates, RapportCollaborationCandidate, i);

      json_builder_begin_object (builder);
      json_string (builder, "who", candidate->person->who);
      json_string (builder, "handle", candidate->person->handle);
      json_int (builder, "n_comments", candidate->n_comments);
      json_int (builder, "n_likes", candidate->n_likes);
      json_int (builder, "n_replies", candidate->n_replies);
      json_int (builder, "n_reposts", candidate->n_reposts);
      json_int (builder, "n_interactions", candidate->n_interactions);
      json_time (builder, "latest", candidate->latest);
      json_builder_end_object (builder);
    }
  json_end_list (builder);
  json_builder_end_object (builder);
}

static void
json_gap (JsonBuilder             *builder,
          const RapportCadenceGap *gap)
{
  json_builder_begin_object (builder);
  json_time (builder, "from", gap->from);
  json_time (builder, "to", gap->to);
  json_double (builder, "days", gap->days);
  json_builder_end_object (builder);
}

static void
json_slot (JsonBuilder              *builder,
           const char               *name,
           const RapportCadenceSlot *slot)
{
  json_builder_set_member_name (builder, name);
  if (slot == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weekday");
  if (slot->weekday >= 0)
    json_builder_add_int_value (builder, slot->weekday);
  else
    json_builder_add_null_value (builder);
  json_int (builder, "hour_start", slot->hour_start);
  json_int (builder, "hour_end", slot->hour_end);
  json_int (builder, "n", slot->n);
  json_double (builder, "median_rate", slot->median_rate);
  json_builder_end_object (builder);
}

static void
json_cadence (JsonBuilder         *builder,
              const RapportReport *report)
{
  const RapportCadence *cadence = report->cadence;
  guint n_gaps = cadence->gaps->len;

  json_builder_set_member_name (builder, "cadence");
  json_builder_begin_object (builder);
  json_int (builder, "n_posts", cadence->n_posts);
  json_time (builder, "first", cadence->n_posts > 0 ? cadence->first : 0);
  json_time (builder, "last", cadence->n_posts > 0 ? cadence->last : 0);
  json_int (builder, "n_weeks", cadence->n_weeks);
  json_double (builder, "posts_per_week", cadence->posts_per_week);
  json_int (builder, "weeks_without_posts", cadence->weeks_without_posts);
  json_int (builder, "n_intervals", cadence->n_intervals);
  json_double (builder, "interval_median_days", cadence->interval_median);
  json_double (builder, "interval_q1_days", cadence->interval_q1);
  json_double (builder, "interval_q3_days", cadence->interval_q3);
  json_double (builder, "interval_iqr_days", cadence->interval_iqr);
  json_double (builder, "interval_cv", cadence->interval_cv);
  json_builder_set_member_name (builder, "longest_gap");
  if (cadence->n_intervals > 0)
    json_gap (builder, &cadence->longest_gap);
  else
    json_builder_add_null_value (builder);
  /* The newest gaps. */
  json_begin_list (builder, "gaps", n_gaps);
  for (guint i = n_gaps - MIN (n_gaps, RAPPORT_REPORT_JSON_SAMPLE); i < n_gaps; i++)
    json_gap (builder, &g_array_index (cadence->gaps, RapportCadenceGap, i));
  json_end_list (builder);

  json_string (builder, "time_zone", g_time_zone_get_identifier (report->tz));
  json_builder_set_member_name (builder, "heatmap");
  json_builder_begin_array (builder);
  for (guint d = 0; d < 7; d++)
    {
      json_builder_begin_array (builder);
      for (guint h = 0; h < 24; h++)
        {
          const RapportCadenceCell *cell = &cadence->heatmap[d][h];

          json_builder_begin_object (builder);
          json_int (builder, "n_posts", cell->n_posts);
          json_int (builder, "n_rated", cell->n_rated);
          json_double (builder, "median_rate", cell->median_rate);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_slot (builder, "best_cell", cadence->best_cell);
  json_slot (builder, "best_weekday", cadence->best_weekday);
  json_slot (builder, "best_block", cadence->best_block);
  json_builder_end_object (builder);
}

static void
json_anomalies (JsonBuilder         *builder,
                const RapportReport *report)
{
  const GArray *anomalies = report->anomalies;

  json_begin_list (builder, "anomalies", anomalies->len);
  for (guint i = 0; i < MIN (anomalies->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      const RapportAnomaly *anomaly = &g_array_index (anomalies, RapportAnomaly, i);

      json_builder_begin_object (builder);
      json_string (builder, "kind", anomaly->kind == RAPPORT_ANOMALY_JUMP ? "jump" : "drop");
      json_string (builder, "found_in", rapport_series_kind_to_string (anomaly->found_in));
      json_time (builder, "start", anomaly->start);
      json_time (builder, "end", anomaly->end);
      json_int (builder, "n_days", anomaly->n_days);
      json_double (builder, "followers_before", anomaly->followers_before);
      json_double (builder, "change", anomaly->change);
      json_double (builder, "z", anomaly->z);
      json_double (builder, "typical_change", anomaly->typical_change);
      json_double (builder, "rate_before", anomaly->rate_before);
      json_int (builder, "n_rate_before", anomaly->n_rate_before);
      json_double (builder, "rate_after", anomaly->rate_after);
      json_int (builder, "n_rate_after", anomaly->n_rate_after);
      json_double (builder, "interactions_before", anomaly->interactions_before);
      json_int (builder, "n_interactions_before", anomaly->n_interactions_before);
      json_double (builder, "interactions_after", anomaly->interactions_after);
      json_int (builder, "n_interactions_after", anomaly->n_interactions_after);
      json_bool (builder, "looks_like_purge", anomaly->looks_like_purge);
      json_builder_end_object (builder);
    }
  json_end_list (builder);
}

static void
json_coverage (JsonBuilder         *builder,
               const RapportReport *report)
{
  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_array (builder);
  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);

      json_builder_begin_object (builder);
      json_string (builder, "figure", rapport_figure_to_string (figure));
      json_string (builder, "title", rapport_figure_title (figure, report->dataset->platform));
      json_string (builder, "level", rapport_coverage_level_to_string (item->level));
      json_int (builder, "n", item->n);
      json_int (builder, "total", item->total);
      json_string (builder, "explanation", item->explanation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
json_evidence (JsonBuilder           *builder,
               const RapportReport   *report,
               const RapportEvidence *evidence)
{
  gboolean range = evidence->kind == RAPPORT_EVIDENCE_DATE_RANGE;

  json_builder_begin_object (builder);
  json_string (builder, "kind", rapport_evidence_kind_to_string (evidence->kind));
  json_string (builder, "label", evidence->label);
  json_time (builder, "start", range ? evidence->start : 0);
  json_time (builder, "end", range ? evidence->end : 0);

  /* Evidence grows with the data too: the coverage rules point at every post without a
   * figure, three of them at once, which for 200,000 posts wrote them three times. */
  if (evidence->kind == RAPPORT_EVIDENCE_POSTS)
    {
      guint n_posts = evidence->posts->len;

      /* The newest, oldest first, as the engagement's posts. */
      json_begin_list (builder, "posts", n_posts);
      for (guint i = n_posts - MIN (n_posts, RAPPORT_REPORT_JSON_SAMPLE); i < n_posts; i++)
        {
          gint64 id = g_array_index (evidence->posts, gint64, i);
          const RapportDatasetPost *post = rapport_report_find_post (report, id);

          json_builder_begin_object (builder);
          json_int (builder, "id", id);
          json_string (builder, "platform_id", post ? post->platform_id : NULL);
          json_time (builder, "created_at", post ? post->created_at : 0);
          json_string (builder, "url", post ? post->url : NULL);
          json_builder_end_object (builder);
        }
      json_end_list (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "posts");
      json_builder_add_null_value (builder);
    }

  if (evidence->kind == RAPPORT_EVIDENCE_ACCOUNTS)
    {
      json_begin_list (builder, "accounts", evidence->accounts->len);
      for (guint i = 0; i < MIN (evidence->accounts->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
        json_builder_add_string_value (builder, g_ptr_array_index (evidence->accounts, i));
      json_end_list (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "accounts");
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static void
json_suggestions (JsonBuilder         *builder,
                  const RapportReport *report,
                  GPtrArray           *suggestions)
{
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      json_builder_begin_object (builder);
      json_string (builder, "key", suggestion->key);
      json_string (builder, "category",
                   rapport_suggestion_category_to_string (suggestion->category));
      json_string (builder, "title", suggestion->title);
      json_string (builder, "explanation", suggestion->explanation);
      json_string (builder, "action", suggestion->action);
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint e = 0; e < suggestion->evidence->len; e++)
        json_evidence (builder, report, g_ptr_array_index (suggestion->evidence, e));
      json_builder_end_array (builder);
      json_int (builder, "n", suggestion->n);
      json_double (builder, "confidence", suggestion->confidence);
      json_string (builder, "confidence_label",
                   rapport_confidence_to_string (suggestion->confidence_label));
      json_double (builder, "priority", suggestion->priority);
      json_string (builder, "state", rapport_suggestion_state_to_string (suggestion->state));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
rapport_report_to_json (const RapportReport *report,
                        GPtrArray           *suggestions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (suggestions != NULL, NULL);

  json_builder_begin_object (builder);
  json_int (builder, "version", RAPPORT_REPORT_JSON_VERSION);
  json_account (builder, report);
  json_names (builder, report);
  json_series (builder, report);
  json_gains (builder, report);
  json_engagement (builder, report);
  json_reciprocity (builder, report);
  json_churn (builder, report);
  json_since_export (builder, report);
  json_hashtags (builder, report);
  json_collaborations (builder, report);
  json_cadence (builder, report);
  json_anomalies (builder, report);
  json_coverage (builder, report);
  json_suggestions (builder, report, suggestions);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
