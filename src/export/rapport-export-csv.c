/* rapport-export-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's tables as CSV.  Each table is built as a whole text first and written at once
 * (g_file_set_contents()), so a file is never left half written.
 */

#include "config.h"

#include <errno.h>
#include <math.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/rapport-escape.h"
#include "core/rapport-format.h"
#include "export/rapport-export-csv.h"

static const char * const file_names[RAPPORT_EXPORT_N_TABLES] = {
  [RAPPORT_EXPORT_TABLE_POSTS] = "posts.csv",
  [RAPPORT_EXPORT_TABLE_SERIES] = "followers-series.csv",
  [RAPPORT_EXPORT_TABLE_MEDIAN] = "engagement-median.csv",
  [RAPPORT_EXPORT_TABLE_FOLLOWERS_GAINED] = "followers-gained.csv",
  [RAPPORT_EXPORT_TABLE_FOLLOWERS_LOST] = "followers-lost.csv",
  [RAPPORT_EXPORT_TABLE_MUTUALS] = "mutuals.csv",
  [RAPPORT_EXPORT_TABLE_FANS] = "fans.csv",
  [RAPPORT_EXPORT_TABLE_NOT_FOLLOWING_BACK] = "not-following-back.csv",
  [RAPPORT_EXPORT_TABLE_HASHTAGS] = "hashtags.csv",
  [RAPPORT_EXPORT_TABLE_BAIT_TAGS] = "bait-tags.csv",
  [RAPPORT_EXPORT_TABLE_SUGGESTIONS] = "suggestions.csv",
};

const char *
rapport_export_table_file_name (RapportExportTable table)
{
  g_return_val_if_fail (table < RAPPORT_EXPORT_N_TABLES, NULL);
  return file_names[table];
}

/* A row is built field by field: each one but the first after a comma. */
static void
field (GString    *out,
       const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  rapport_escape_append_csv_field (out, text);
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
header (GString            *out,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    field (out, names[i]);
  end_row (out);
}

/* A count, empty when unknown (negative). */
static void
count_field (GString *out,
             gint64   count)
{
  g_autofree char *text = count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;

  field (out, text);
}

/* A number in the C locale, empty when unknown. */
static void
number_field (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  field (out, isfinite (value) ? g_ascii_formatd (buffer, sizeof buffer, "%.6g", value) : NULL);
}

static void
day_field (GString *out,
           gint64   t)
{
  g_autofree char *day = t > 0 ? rapport_format_iso_day (t) : NULL;

  field (out, day != NULL && g_strcmp0 (day, RAPPORT_FORMAT_NONE) != 0 ? day : NULL);
}

static void
time_field (GString *out,
            gint64   t)
{
  g_autoptr(GDateTime) time = t > 0 ? g_date_time_new_from_unix_utc (t) : NULL;
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  field (out, text);
}

static void
posts_table (GString             *out,
             const RapportReport *report)
{
  static const char * const names[] = {
    "created_at", "type", "url", "text", "likes", "comments", "shares", "saves", "replies",
    "quotes", "views", "impressions", "reach", "interactions", "followers",
    "engagement_rate", "engagement_rate_by_impressions", "followers_lower_bound", "hashtags",
    NULL
  };

  header (out, names);
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *engagement = &g_array_index (report->per_post,
                                                                RapportPostEngagement, i);
      const RapportDatasetPost *post = engagement->post;
      g_autofree char *tags = g_strjoinv (" ", post->hashtags);

      time_field (out, post->created_at);
      field (out, rapport_post_type_to_string (post->type));
      field (out, post->url);
      field (out, post->text);
      count_field (out, post->likes);
      count_field (out, post->comments);
      count_field (out, post->shares);
      count_field (out, post->saves);
      count_field (out, post->replies);
      count_field (out, post->quotes);
      count_field (out, post->views);
      count_field (out, post->impressions);
      count_field (out, post->reach);
      count_field (out, engagement->interactions);
      number_field (out, engagement->followers);
      number_field (out, engagement->rate);
      number_field (out, engagement->rate_by_impressions);
      field (out, engagement->followers_lower_bound ? "true" : "false");
      field (out, tags);
      end_row (out);
    }
}

static void
series_table (GString             *out,
              const RapportReport *report)
{
  static const char * const names[] = { "day", "followers", "kind", "lower_bound", NULL };
  GArray *points = report->series->points;

  header (out, names);
  for (guint i = 0; i < points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, i);

      day_field (out, point->day);
      number_field (out, point->followers);
      field (out, rapport_series_kind_to_string (point->kind));
      field (out, point->lower_bound ? "true" : "false");
      end_row (out);
    }
}

static void
median_table (GString             *out,
              const RapportReport *report)
{
  static const char * const names[] = { "time", "median_engagement_rate", "posts", NULL };

  header (out, names);
  for (guint i = 0; i < report->rolling_median->len; i++)
    {
      const RapportRollingMedian *median = &g_array_index (report->rolling_median,
                                                           RapportRollingMedian, i);

      time_field (out, median->t);
      number_field (out, median->median);
      count_field (out, median->n);
      end_row (out);
    }
}

/* Accounts of @people at @indices (guint32, or RapportMutual for mutuals, their follower
 * side). */
static void
people_table (GString             *out,
              const RapportPeople *people,
              GArray              *indices,
              gboolean             mutuals)
{
  static const char * const names[] = { "handle", "id", "platform_id", "since", NULL };

  header (out, names);
  for (guint i = 0; indices != NULL && people != NULL && i < indices->len; i++)
    {
      guint32 index = mutuals ? g_array_index (indices, RapportMutual, i).follower
                              : g_array_index (indices, guint32, i);
      const RapportPerson *person = &people->items[index];

      field (out, person->handle);
      field (out, person->who);
      field (out, person->platform_id);
      time_field (out, person->since);
      end_row (out);
    }
}

static void
hashtags_table (GString                    *out,
                const RapportHashtagReport *hashtags)
{
  static const char * const names[] = {
    "tag", "bait", "posts_with_rate", "posts_without", "median_rate_with",
    "median_rate_without", "uplift", "difference_pp", "p_value", "confidence", NULL
  };

  header (out, names);
  for (guint i = 0; hashtags != NULL && i < hashtags->tags->len; i++)
    {
      const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);

      field (out, tag->tag);
      field (out, tag->is_bait ? "true" : "false");
      count_field (out, tag->uplift.n_with);
      count_field (out, tag->uplift.n_without);
      number_field (out, tag->uplift.median_with);
      number_field (out, tag->uplift.median_without);
      number_field (out, tag->uplift.uplift);
      number_field (out, tag->uplift.difference_pp);
      number_field (out, tag->uplift.p_value);
      field (out, rapport_confidence_to_string (tag->uplift.confidence));
      end_row (out);
    }
}

static void
bait_table (GString                    *out,
            const RapportHashtagReport *hashtags)
{
  static const char * const names[] = {
    "tag", "posts", "posts_with_rate", "median_rate_with", "median_rate_without", NULL
  };

  header (out, names);
  for (guint i = 0; hashtags != NULL && i < hashtags->bait->len; i++)
    {
      const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

      field (out, tag->tag);
      count_field (out, tag->n_posts);
      count_field (out, tag->n_with_rate);
      number_field (out, tag->median_with);
      number_field (out, tag->median_without);
      end_row (out);
    }
}

/* A suggestion's evidence in one field: "label: 2025-03-01..2025-03-31", "label: post ids",
 * "label: accounts", separated by " | ". */
static char *
evidence_text (const RapportSuggestion *suggestion)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint e = 0; e < suggestion->evidence->len; e++)
    {
      const RapportEvidence *evidence = g_ptr_array_index (suggestion->evidence, e);

      g_string_append_printf (text, "%s%s: ", e > 0 ? " | " : "", evidence->label);
      if (evidence->kind == RAPPORT_EVIDENCE_DATE_RANGE)
        {
          g_autofree char *start = rapport_format_iso_day (evidence->start);
          g_autofree char *end = rapport_format_iso_day (evidence->end);

          g_string_append_printf (text, "%s..%s", start, end);
        }
      else if (evidence->kind == RAPPORT_EVIDENCE_POSTS)
        for (guint i = 0; i < evidence->posts->len; i++)
          g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                                  g_array_index (evidence->posts, gint64, i));
      else
        for (guint i = 0; i < evidence->accounts->len; i++)
          g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                                  (const char *) g_ptr_array_index (evidence->accounts, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
suggestions_table (GString   *out,
                   GPtrArray *suggestions)
{
  static const char * const names[] = {
    "rank", "key", "state", "category", "title", "explanation", "action", "confidence",
    "confidence_label", "n", "priority", "evidence", NULL
  };

  header (out, names);
  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *evidence = evidence_text (suggestion);

      count_field (out, i + 1);
      field (out, suggestion->key);
      field (out, rapport_suggestion_state_to_string (suggestion->state));
      field (out, rapport_suggestion_category_to_string (suggestion->category));
      field (out, suggestion->title);
      field (out, suggestion->explanation);
      field (out, suggestion->action);
      number_field (out, suggestion->confidence);
      field (out, rapport_confidence_to_string (suggestion->confidence_label));
      count_field (out, suggestion->n);
      number_field (out, suggestion->priority);
      field (out, evidence);
      end_row (out);
    }
}

char *
rapport_export_csv_table (const RapportReport *report,
                          GPtrArray           *suggestions,
                          RapportExportTable   table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const RapportReciprocity *reciprocity = report->reciprocity;
  const RapportChurnStep *step = report->churn != NULL ? rapport_churn_latest (report->churn)
                                                       : NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (table < RAPPORT_EXPORT_N_TABLES, NULL);

  switch (table)
    {
    case RAPPORT_EXPORT_TABLE_POSTS:
      posts_table (out, report);
      break;
    case RAPPORT_EXPORT_TABLE_SERIES:
      series_table (out, report);
      break;
    case RAPPORT_EXPORT_TABLE_MEDIAN:
      median_table (out, report);
      break;
    case RAPPORT_EXPORT_TABLE_FOLLOWERS_GAINED:
    case RAPPORT_EXPORT_TABLE_FOLLOWERS_LOST:
      /* A step counted at an import without its lists has no names to write. */
      if (step == NULL || step->gained == NULL)
        return NULL;
      if (table == RAPPORT_EXPORT_TABLE_FOLLOWERS_GAINED)
        people_table (out, step->newer_people, step->gained, FALSE);
      else
        people_table (out, step->older_people, step->lost, FALSE);
      break;
    case RAPPORT_EXPORT_TABLE_MUTUALS:
    case RAPPORT_EXPORT_TABLE_FANS:
    case RAPPORT_EXPORT_TABLE_NOT_FOLLOWING_BACK:
      if (reciprocity == NULL)
        return NULL;
      if (table == RAPPORT_EXPORT_TABLE_MUTUALS)
        people_table (out, reciprocity->followers, reciprocity->mutuals, TRUE);
      else if (table == RAPPORT_EXPORT_TABLE_FANS)
        people_table (out, reciprocity->followers, reciprocity->fans, FALSE);
      else
        people_table (out, reciprocity->following, reciprocity->not_following_back, FALSE);
      break;
    case RAPPORT_EXPORT_TABLE_HASHTAGS:
      hashtags_table (out, report->hashtags);
      break;
    case RAPPORT_EXPORT_TABLE_BAIT_TAGS:
      bait_table (out, report->hashtags);
      break;
    case RAPPORT_EXPORT_TABLE_SUGGESTIONS:
    case RAPPORT_EXPORT_N_TABLES:
    default:
      suggestions_table (out, suggestions);
      break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
rapport_export_csv_write_dir (const RapportReport  *report,
                              GPtrArray            *suggestions,
                              const char           *dir,
                              guint                *n_written,
                              GError              **error)
{
  guint written = 0;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  for (RapportExportTable table = 0; table < RAPPORT_EXPORT_N_TABLES; table++)
    {
      g_autofree char *text = rapport_export_csv_table (report, suggestions, table);
      g_autofree char *path = NULL;
      g_autoptr(GError) local_error = NULL;

      if (text == NULL)
        continue;
      path = g_build_filename (dir, file_names[table], NULL);
      if (!g_file_set_contents (path, text, -1, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      written++;
    }

  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}
