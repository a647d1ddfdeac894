/* rapport-export-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the drawn report says, section by section: the account and its exports, the chart, the
 * key figures, reciprocity, churn, hashtags, the coach's suggestions with their evidence, and
 * the data coverage.  A section without its data says why, in the coverage unit's words.
 * Long lists are cut to a sample here; the CSV tables hold them whole.
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "export/rapport-export-chart.h"
#include "export/rapport-export-private.h"

/* Rows of a table of names or tags before "and N more". */
#define SAMPLE_ROWS 12
/* Pieces of evidence of one suggestion shown. */
#define MAX_EVIDENCE 4

#define PARA(self, ...) _rapport_export_add_text (self, RAPPORT_EXPORT_BLOCK_PARA, 0, __VA_ARGS__)
#define SMALL(self, indent, ...) \
  _rapport_export_add_text (self, RAPPORT_EXPORT_BLOCK_SMALL, indent, __VA_ARGS__)
#define HEADING(self, text) \
  _rapport_export_add_text (self, RAPPORT_EXPORT_BLOCK_HEADING, 0, "%s", text)

static void
not_available (RapportExportDocument *self,
               RapportFigure          figure)
{
  const RapportCoverageItem *item = rapport_coverage_get (self->report->coverage, figure);

  PARA (self, _("Not available: %s"),
        item->explanation != NULL ? item->explanation
                                  : _("the imported exports do not have it."));
}

/* A two-column table of figures: a label and its value. */
static RapportExportBlock *
figures_table (RapportExportDocument *self)
{
  static const double widths[] = { 0.55, 0.45 };

  return _rapport_export_add_table (self, 2, widths, 1u << 1, NULL);
}

static void
figure_row (RapportExportBlock *table,
            const char         *label,
            const char         *value)
{
  const char *cells[] = { label, value };

  _rapport_export_table_row (table, cells);
}

/* "@jo" (or a name, as rapport_format_name()), or "id 1234" for an account known only by its
 * id. */
static char *
person_name (RapportPlatform      platform,
             const RapportPerson *person)
{
  if (person->handle != NULL)
    return rapport_format_name (platform, person->handle);
  /* Translators: an account known only by its numeric id. */
  return g_strdup_printf (_("id %s"), person->who);
}

/* The names of @indices (guint32 into @people), the first SAMPLE_ROWS of them, and how many
 * more, as one line. */
static void
names_line (RapportExportDocument *self,
            const char            *label,
            const RapportPeople   *people,
            GArray                *indices,
            gboolean               mutuals)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown;

  if (indices == NULL || people == NULL || indices->len == 0)
    return;
  shown = MIN (indices->len, SAMPLE_ROWS);
  for (guint i = 0; i < shown; i++)
    {
      guint32 index = mutuals ? g_array_index (indices, RapportMutual, i).follower
                              : g_array_index (indices, guint32, i);
      g_autofree char *name = person_name (self->report->dataset->platform,
                                           &people->items[index]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
    }
  if (indices->len > shown)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %'u more", " and %'u more",
                                               indices->len - shown),
                            indices->len - shown);
  SMALL (self, 0, "%s: %s", label, text->str);
}

static void
add_header (RapportExportDocument *self)
{
  const RapportDataset *dataset = self->report->dataset;
  g_autofree char *name = rapport_format_name (dataset->platform, dataset->handle);
  gint64 first = 0, last = 0;

  /* Translators: the report's title, "@jo on Instagram" or "Mira Makes on YouTube". */
  _rapport_export_add_text (self, RAPPORT_EXPORT_BLOCK_TITLE, 0,
                            C_("report title", "%s on %s"), name,
                            rapport_platform_display_name (dataset->platform));
  /* A channel's title or a member's name is the title already. */
  if (dataset->display_name != NULL && dataset->display_name[0] != '\0' &&
      g_strcmp0 (dataset->display_name, dataset->handle) != 0)
    PARA (self, "%s", dataset->display_name);

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (snapshot->exported_at <= 0)
        continue;
      first = first == 0 ? snapshot->exported_at : MIN (first, snapshot->exported_at);
      last = MAX (last, snapshot->exported_at);
    }
  if (first > 0)
    {
      g_autofree char *from = rapport_format_day (first);
      g_autofree char *to = rapport_format_day (last);

      SMALL (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                   "A Rapport report of %u export, from %s to %s.",
                                   "A Rapport report of %u exports, from %s to %s.",
                                   dataset->snapshots->len),
             dataset->snapshots->len, from, to);
    }
}

static void
add_chart (RapportExportDocument *self)
{
  HEADING (self, _("Followers and engagement"));
  if (!rapport_export_chart_has_data (self->report))
    {
      not_available (self, RAPPORT_FIGURE_FOLLOWER_HISTORY);
      return;
    }
  _rapport_export_add_chart (self);
}

static void
add_key_figures (RapportExportDocument *self)
{
  const RapportReport *report = self->report;
  const RapportEngagementSummary *engagement = &report->engagement;
  GArray *points = report->series->points;
  const RapportDatasetSnapshot *following =
    rapport_dataset_latest_with_list (report->dataset, RAPPORT_DIRECTION_FOLLOWING);
  RapportExportBlock *table;

  HEADING (self, _("Key figures"));
  table = figures_table (self);

  if (points->len > 0)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint,
                                                        points->len - 1);
      g_autofree char *count = rapport_format_count (point->followers);
      g_autofree char *day = rapport_format_day (point->day);
      /* Translators: a count and its day, "1,204 on 3 Mar 2025". */
      g_autofree char *value = g_strdup_printf (_("%s on %s"), count, day);

      figure_row (table, _("Followers"), value);
    }
  else
    figure_row (table, _("Followers"), "—");
  if (following != NULL)
    {
      g_autofree char *value = rapport_format_count (
        (double) rapport_dataset_snapshot_list_size (following, RAPPORT_DIRECTION_FOLLOWING));

      figure_row (table, _("Following"), value);
    }
  {
    g_autofree char *posts = rapport_format_count (engagement->n_posts);
    g_autofree char *counted = rapport_format_count (engagement->n_with_interactions);

    figure_row (table, _("Posts"), posts);
    figure_row (table, _("Posts with interactions counted"), counted);
  }
  if (engagement->n_with_interactions > 0)
    {
      g_autofree char *median = rapport_format_count (engagement->median_interactions);
      g_autofree char *value = g_strdup_printf ("%s (n = %u)", median,
                                                engagement->n_with_interactions);

      figure_row (table, _("Median interactions per post"), value);
    }
  if (engagement->n_with_rate > 0)
    {
      g_autofree char *median = rapport_format_percent (engagement->median_rate);
      g_autofree char *value = g_strdup_printf ("%s (n = %u)", median, engagement->n_with_rate);

      figure_row (table, _("Median engagement rate by followers"), value);
    }
  if (engagement->n_with_impressions > 0)
    {
      g_autofree char *median = rapport_format_percent (engagement->median_rate_by_impressions);
      g_autofree char *value = g_strdup_printf ("%s (n = %u)", median,
                                                engagement->n_with_impressions);

      figure_row (table, _("Median engagement rate by impressions"), value);
    }
  if (report->overall != NULL)
    {
      g_autofree char *from = rapport_format_count (report->overall->followers_from);
      g_autofree char *to = rapport_format_count (report->overall->followers_to);
      g_autofree char *before = rapport_format_percent (report->overall->median_before);
      g_autofree char *after = rapport_format_percent (report->overall->median_after);
      g_autofree char *followers = g_strdup_printf ("%s → %s", from, to);
      g_autofree char *rates = g_strdup_printf ("%s → %s", before, after);

      figure_row (table, _("Followers, first to last post"), followers);
      figure_row (table, _("Median engagement rate, first to last window"), rates);
    }
  if (engagement->n_rate_lower_bound > 0)
    SMALL (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                 "%u rate rests on followers rebuilt from follow dates, a lower "
                                 "bound: that rate is an upper bound.",
                                 "%u rates rest on followers rebuilt from follow dates, a lower "
                                 "bound: those rates are upper bounds.",
                                 engagement->n_rate_lower_bound),
           engagement->n_rate_lower_bound);
  if (report->divergence != NULL && report->divergence->headline != NULL)
    PARA (self, "%s", report->divergence->headline);
}

static void
add_reciprocity (RapportExportDocument *self)
{
  const RapportReciprocity *reciprocity = self->report->reciprocity;
  RapportExportBlock *table;
  g_autofree char *mutuals = NULL;
  g_autofree char *fans = NULL;
  g_autofree char *not_back = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *f4f = NULL;
  g_autofree char *share = NULL;

  HEADING (self, _("Reciprocity"));
  if (reciprocity == NULL)
    {
      not_available (self, RAPPORT_FIGURE_RECIPROCITY);
      return;
    }

  mutuals = rapport_format_count ((double) reciprocity->n_mutuals);
  /* A LinkedIn list is of connections, each both ways: nothing to follow back. */
  if (!rapport_platform_lists_count_followers (self->report->dataset->platform))
    {
      table = figures_table (self);
      figure_row (table, _("Connections (each both ways)"), mutuals);
      return;
    }
  fans = rapport_format_count ((double) reciprocity->n_fans);
  not_back = rapport_format_count ((double) reciprocity->n_not_following_back);
  ratio = rapport_format_percent (reciprocity->follow_back_ratio);
  f4f = g_strdup_printf ("%'" G_GSIZE_FORMAT " / %'" G_GSIZE_FORMAT, reciprocity->n_f4f_pairs,
                         reciprocity->n_mutuals_dated);
  share = rapport_format_percent (reciprocity->reciprocal_share);

  table = figures_table (self);
  figure_row (table, _("Mutuals (you follow each other)"), mutuals);
  figure_row (table, _("Followers you do not follow"), fans);
  figure_row (table, _("Accounts you follow that do not follow back"), not_back);
  figure_row (table, _("Follow-back ratio"), ratio);
  figure_row (table, _("Follow-for-follow pairs, of mutuals with both dates"), f4f);
  figure_row (table, _("Followers you follow back"), share);
  names_line (self, _("Not following back"), reciprocity->following,
              reciprocity->not_following_back, FALSE);
}

static void
add_churn (RapportExportDocument *self)
{
  const RapportChurn *churn = self->report->churn;
  const RapportChurnStep *latest = churn != NULL ? rapport_churn_latest (churn) : NULL;
  static const double widths[] = { 0.28, 0.28, 0.15, 0.14, 0.15 };
  const char *header[] = { _("From"), _("To"), _("Gained"), _("Lost"), _("Renamed") };
  RapportExportBlock *table;
  guint first;

  HEADING (self, rapport_platform_lists_count_followers (self->report->dataset->platform)
                 ? _("Follower churn") : _("Connection churn"));
  if (latest == NULL)
    {
      not_available (self, RAPPORT_FIGURE_CHURN);
      return;
    }

  table = _rapport_export_add_table (self, 5, widths, 0x1c, header);
  /* The newest steps, newest first. */
  first = churn->steps->len > SAMPLE_ROWS ? churn->steps->len - SAMPLE_ROWS : 0;
  for (guint i = churn->steps->len; i > first; i--)
    {
      const RapportChurnStep *step = g_ptr_array_index (churn->steps, i - 1);
      g_autofree char *from = rapport_format_day (step->older->exported_at);
      g_autofree char *to = rapport_format_day (step->newer->exported_at);
      g_autofree char *gained = rapport_format_count ((double) step->n_gained);
      g_autofree char *lost = rapport_format_count ((double) step->n_lost);
      g_autofree char *renamed = rapport_format_count ((double) step->n_renamed);
      const char *cells[] = { from, to, gained, lost, renamed };

      _rapport_export_table_row (table, cells);
    }

  if (latest->dropped_after_follow_back != NULL)
    SMALL (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                 "In the newest step, %'" PRIu64 " follower left "
                                 "after you followed back.",
                                 "In the newest step, %'" PRIu64 " followers left "
                                 "after you followed back.",
                                 latest->n_dropped_after_follow_back),
           latest->n_dropped_after_follow_back);
  names_line (self, _("Gained"), latest->newer_people, latest->gained, FALSE);
  names_line (self, _("Lost"), latest->older_people, latest->lost, FALSE);
}

static char *
rate_or_none (double rate,
              guint  n)
{
  g_autofree char *percent = rapport_format_percent (rate);

  return g_strdup_printf ("%s (%u)", percent, n);
}

static void
add_hashtags (RapportExportDocument *self)
{
  const RapportHashtagReport *hashtags = self->report->hashtags;
  static const double widths[] = { 0.28, 0.18, 0.18, 0.14, 0.22 };
  const char *header[] = { _("Tag"), _("Median ER with (n)"), _("Without (n)"), _("Uplift"),
                           _("Confidence") };
  RapportExportBlock *table;
  guint shown;

  HEADING (self, _("Hashtags"));
  if (hashtags == NULL || hashtags->n_posts == 0)
    {
      PARA (self, _("No posts to look at."));
      return;
    }
  if (hashtags->tags->len == 0)
    PARA (self, _("No tag is on %u posts with a known engagement rate, so none is compared "
                  "(%u of %u posts have a rate)."),
          RAPPORT_HASHTAG_MIN_POSTS, hashtags->n_with_rate, hashtags->n_posts);
  else
    {
      table = _rapport_export_add_table (self, 5, widths, 0x0e, header);
      shown = MIN (hashtags->tags->len, SAMPLE_ROWS);
      for (guint i = 0; i < shown; i++)
        {
          const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);
          g_autofree char *name = g_strdup_printf ("#%s", tag->tag);
          g_autofree char *with = rate_or_none (tag->uplift.median_with, tag->uplift.n_with);
          g_autofree char *without = rate_or_none (tag->uplift.median_without,
                                                   tag->uplift.n_without);
          g_autofree char *uplift = rapport_format_change (tag->uplift.uplift);
          g_autofree char *confidence = rapport_format_significance (tag->uplift.p_value);
          const char *cells[] = { name, with, without, uplift, confidence };

          _rapport_export_table_row (table, cells);
        }
      if (hashtags->tags->len > shown)
        SMALL (self, 0, g_dngettext (GETTEXT_PACKAGE, "And %u more tag (all in hashtags.csv).",
                                     "And %u more tags (all in hashtags.csv).",
                                     hashtags->tags->len - shown),
               hashtags->tags->len - shown);
    }

  if (hashtags->bait->len > 0)
    {
      g_autoptr(GString) bait = g_string_new (NULL);

      for (guint i = 0; i < MIN (hashtags->bait->len, SAMPLE_ROWS); i++)
        {
          const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

          g_string_append_printf (bait, "%s#%s (%u)", i > 0 ? ", " : "", tag->tag,
                                  tag->n_posts);
        }
      PARA (self, g_dngettext (GETTEXT_PACKAGE,
                               "Bait tags on %u post: %s.", "Bait tags on %u posts: %s.",
                               hashtags->n_bait_posts),
            hashtags->n_bait_posts, bait->str);
    }
  if (hashtags->best_bucket >= 0)
    {
      const RapportTagBucket *bucket = &hashtags->buckets[hashtags->best_bucket];
      g_autofree char *median = rapport_format_percent (bucket->median);

      if (bucket->max_tags == G_MAXUINT)
        PARA (self, _("Posts with %u or more tags have the highest median rate, %s (n = %u)."),
              bucket->min_tags, median, bucket->n);
      else
        PARA (self, _("Posts with %u to %u tags have the highest median rate, %s (n = %u)."),
              bucket->min_tags, bucket->max_tags, median, bucket->n);
    }
}

static void
add_suggestions (RapportExportDocument *self)
{
  GPtrArray *suggestions = self->suggestions;

  HEADING (self, _("Suggestions"));
  if (suggestions == NULL || suggestions->len == 0)
    {
      PARA (self, _("None: no rule found enough in these exports to suggest anything."));
      return;
    }

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const char *state = "";

      if (suggestion->state == RAPPORT_SUGGESTION_DISMISSED)
        state = _("[dismissed] ");
      else if (suggestion->state == RAPPORT_SUGGESTION_DONE)
        state = _("[done] ");

      _rapport_export_add_text (self, RAPPORT_EXPORT_BLOCK_SUBHEADING, 0, "%u. %s%s", i + 1,
                                state, suggestion->title);
      /* Translators: category, confidence label and value, the n it rests on, priority. */
      SMALL (self, 0, _("%s · confidence %s (%.2f, n = %u) · priority %.0f"),
             rapport_suggestion_category_title (suggestion->category),
             rapport_confidence_to_string (suggestion->confidence_label),
             suggestion->confidence, suggestion->n, suggestion->priority);
      PARA (self, "%s", suggestion->explanation);
      PARA (self, _("→ %s"), suggestion->action);
      SMALL (self, 0, _("Evidence:"));
      for (guint e = 0; e < MIN (suggestion->evidence->len, MAX_EVIDENCE); e++)
        {
          g_autofree char *sentence =
            rapport_evidence_describe (g_ptr_array_index (suggestion->evidence, e),
                                       self->report, SAMPLE_ROWS);

          SMALL (self, 14, "%s", sentence);
        }
      if (suggestion->evidence->len > MAX_EVIDENCE)
        SMALL (self, 14, g_dngettext (GETTEXT_PACKAGE, "… and %'u more (in suggestions.csv).",
                                      "… and %'u more (in suggestions.csv).",
                                      suggestion->evidence->len - MAX_EVIDENCE),
               suggestion->evidence->len - MAX_EVIDENCE);
    }
}

static void
add_coverage (RapportExportDocument *self)
{
  static const double widths[] = { 0.3, 0.15, 0.55 };
  const char *header[] = { _("Figure"), _("Coverage"), _("What is missing") };
  RapportExportBlock *table;

  HEADING (self, _("Data coverage"));
  table = _rapport_export_add_table (self, 3, widths, 0, header);
  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (self->report->coverage, figure);
      g_autofree char *sample = rapport_coverage_item_sample (item);
      const char *cells[] = { rapport_figure_title (figure, self->report->dataset->platform),
                              sample,
                              item->explanation != NULL ? item->explanation : "" };

      _rapport_export_table_row (table, cells);
    }
}

void
_rapport_export_document_build (RapportExportDocument *self)
{
  add_header (self);
  add_chart (self);
  add_key_figures (self);
  add_reciprocity (self);
  add_churn (self);
  add_hashtags (self);
  add_suggestions (self);
  add_coverage (self);
}
