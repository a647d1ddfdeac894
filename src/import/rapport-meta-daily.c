/* rapport-meta-daily.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads Meta Business Suite's per-metric daily exports.  Each file holds one metric for every
 * platform the export covered, a block per platform: a title ("Facebook follows", "Instagram
 * follows"), a header "Date","Primary", and a row per day ("2026-05-25T00:00:00","65"), days
 * without data left out.  The time is local midnight as Meta shifts it for daylight saving
 * ("T01:00:00" in summer): only the date counts.
 *
 * Of the metrics, only Follows has a home in Rapport's data: the new follows of a day are a
 * RapportFollowerGain (no one left counted, no total).  Views, reach, profile visits,
 * interactions and link clicks are counted for the whole account per day, and Rapport keeps
 * such figures per post only, so those files are read no further than their first block;
 * Audience.csv (age, cities, countries) is not a daily file and is passed over.
 *
 * Identity: the files name no account.  Beside a posts CSV, that CSV names it and reads the
 * follows of its own platform here (rapport_meta_daily_import_follows()), so that one export
 * folder lands in one account.  Alone, the export's name may say whose it is; otherwise the
 * account is provisional and the creator says whose it is.  One import is one account: of the
 * Facebook and the Instagram block, one is read and the other skipped with a reason.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "import/rapport-export-name.h"
#include "import/rapport-meta-daily.h"
#include "import/rapport-meta-private.h"

#define SECONDS_PER_DAY 86400

/* Meta translates the header with the interface; the block's shape, a date and one value, stays
 * the same, so a two-column block whose value column has another name is read too. */
static const char * const date_names[] = { "Date", "Datum", "Fecha", "Data", NULL };
static const char * const value_names[] = { "Primary", "Primär", "Principal", NULL };

typedef struct
{
  const char *entry;
  gboolean follows;
} DailyFile;

typedef struct
{
  RapportImportSink *sink;
  GCancellable *cancellable;
  RapportPlatform platform;
  const char *entry;
  gint64 newest;
  guint n_gains;
} DailyImport;

/* The platform the block's title names, and in *@metric the rest of the title; UNKNOWN when
 * the block is not one of a per-metric file. */
static RapportPlatform
block_platform (RapportCsvReader  *reader,
                const char       **metric)
{
  static const struct { const char *name; RapportPlatform platform; } platforms[] = {
    { "Instagram", RAPPORT_PLATFORM_INSTAGRAM },
    { "Facebook", RAPPORT_PLATFORM_FACEBOOK },
  };
  const char *title = rapport_csv_reader_get_title (reader);

  if (title == NULL || rapport_csv_reader_find_column_any (reader, date_names) < 0)
    return RAPPORT_PLATFORM_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      gsize len = strlen (platforms[i].name);

      if (g_ascii_strncasecmp (title, platforms[i].name, len) == 0)
        {
          const char *rest = title + len;

          /* "Instagram follows", "Instagram-Follows", "Instagram: follows". */
          rest += strspn (rest, " -:");
          *metric = rest;
          return platforms[i].platform;
        }
    }
  return RAPPORT_PLATFORM_UNKNOWN;
}

/* Whether the file counts follows: its title says so, or, where the title is in another
 * language, the file keeps the metric's name. */
static gboolean
is_follows (const char *metric,
            const char *entry)
{
  static const char * const follows_names[] = {
    "follows", "new follows", "followers", "new followers", NULL
  };
  g_autofree char *base = g_path_get_basename (entry);
  g_autofree char *stripped = rapport_export_name_strip (base);

  for (guint i = 0; follows_names[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (metric, follows_names[i]) == 0)
        return TRUE;
    }
  return stripped != NULL && g_ascii_strcasecmp (stripped, "Follows") == 0;
}

/* A reader at the first block of @entry when it is a per-metric file; NULL otherwise, with
 * @error set only when the entry could not be read. */
static RapportCsvReader *
open_daily_csv (RapportArchive  *archive,
                const char      *entry,
                gboolean        *follows,
                GError         **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  const char *metric = NULL;

  if (!(reader = rapport_csv_reader_open (archive, entry, RAPPORT_CSV_DEFAULT, NULL, error)))
    return NULL;
  if (!rapport_csv_reader_next_block (reader, NULL) ||
      block_platform (reader, &metric) == RAPPORT_PLATFORM_UNKNOWN)
    return NULL;
  if (follows != NULL)
    *follows = is_follows (metric, entry);
  return g_steal_pointer (&reader);
}

/* The per-metric files of @archive, in natural order. */
static GArray *
find_daily_files (RapportArchive *archive)
{
  g_autoptr(GPtrArray) csvs = rapport_archive_find_all (archive, NULL, "*.csv");
  GArray *found = g_array_new (FALSE, FALSE, sizeof (DailyFile));

  for (guint i = 0; i < csvs->len; i++)
    {
      DailyFile file = { g_ptr_array_index (csvs, i), FALSE };
      g_autoptr(RapportCsvReader) reader = NULL;

      reader = open_daily_csv (archive, file.entry, &file.follows, NULL);
      if (reader != NULL)
        g_array_append_val (found, file);
    }
  return found;
}

gboolean
rapport_meta_daily_recognizes (RapportArchive *archive)
{
  g_autoptr(GArray) files = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  files = find_daily_files (archive);
  return files->len > 0;
}

/* Midnight UTC of the date a field starts with ("2026-05-25T01:00:00" → 2026-05-25; a
 * spreadsheet program that saved the file again may have written a space for the T). */
static gboolean
parse_day (const char *text,
           gint64     *day)
{
  g_autofree char *date = NULL;

  if (text == NULL || strlen (text) < 10 ||
      (text[10] != '\0' && text[10] != 'T' && text[10] != ' '))
    return FALSE;
  date = g_strndup (text, 10);
  return rapport_date_parse_naive_utc (date, day) && *day % SECONDS_PER_DAY == 0;
}

static gboolean
import_row (DailyImport       *self,
            RapportCsvReader  *reader,
            int                date_column,
            int                value_column,
            GHashTable        *days,
            GError           **error)
{
  g_autofree char *when = rapport_meta_dup_field (reader, date_column);
  const char *value = rapport_csv_reader_get_column (reader, value_column);
  g_autofree char *reason = NULL;
  guint line = rapport_csv_reader_get_line (reader);
  RapportFollowerGain gain = { 0, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN };

  if (!parse_day (when, &gain.day))
    reason = g_strdup_printf (_("the row on line %u has no readable date"), line);
  else if (g_hash_table_contains (days, &gain.day))
    reason = g_strdup_printf (_("the row on line %u repeats a day"), line);
  else if (rapport_value_is_missing (value))
    /* A day without a figure is a day without a record, as a day left out is. */
    return TRUE;
  else if (!rapport_parse_count (value, &gain.gained))
    reason = g_strdup_printf (_("the row on line %u has no readable number of follows"), line);

  if (reason != NULL)
    {
      rapport_import_sink_skip (self->sink, self->entry, reason);
      return TRUE;
    }

  g_hash_table_add (days, g_memdup2 (&gain.day, sizeof gain.day));
  if (!rapport_import_sink_add_follower_gain (self->sink, &gain, error))
    return FALSE;
  self->n_gains++;
  if (gain.day > self->newest && rapport_time_is_valid (gain.day))
    self->newest = gain.day;
  return TRUE;
}

/* Reads the rows of the current block, or passes over them when it is another platform's. */
static gboolean
import_block (DailyImport       *self,
              RapportCsvReader  *reader,
              GError           **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  const char *metric = NULL;
  RapportPlatform platform = block_platform (reader, &metric);
  int date_column = rapport_csv_reader_find_column_any (reader, date_names);
  int value_column = rapport_csv_reader_find_column_any (reader, value_names);
  const char * const *header = rapport_csv_reader_get_header (reader);
  /* The title sits on the line above the header. */
  guint title_line = rapport_csv_reader_get_line (reader) -
                     (rapport_csv_reader_get_title (reader) != NULL ? 1 : 0);

  if (value_column < 0 && date_column >= 0 && g_strv_length ((char **) header) == 2)
    value_column = date_column == 0 ? 1 : 0;

  if (platform != self->platform || value_column < 0)
    {
      g_autofree char *reason = NULL;

      if (platform == RAPPORT_PLATFORM_UNKNOWN || value_column < 0)
        reason = g_strdup_printf (_("the block on line %u is not a day-by-day table"),
                                  title_line);
      else
        /* Translators: the first %s is the platform of a block of the file, the second that
         * of the account imported. */
        reason = g_strdup_printf (_("the %s follows on line %u belong to another account than "
                                    "this %s one: import them with that account's posts CSV"),
                                  rapport_platform_display_name (platform), title_line,
                                  rapport_platform_display_name (self->platform));
      rapport_import_sink_skip (self->sink, self->entry, reason);
      while (rapport_csv_reader_next (reader, &local_error))
        ;
    }
  else
    {
      while (rapport_csv_reader_next (reader, &local_error))
        {
          if (!import_row (self, reader, date_column, value_column, days, error))
            return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_follows_file (DailyImport     *self,
                     RapportArchive  *archive,
                     const char      *entry,
                     GError         **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!(reader = open_daily_csv (archive, entry, NULL, error)))
    return FALSE;

  self->entry = entry;
  do
    {
      if (!import_block (self, reader, error))
        return FALSE;
    }
  while (rapport_csv_reader_next_block (reader, &local_error));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rapport_import_sink_progress (self->sink, entry, self->n_gains);
  return TRUE;
}

gboolean
rapport_meta_daily_import_follows (RapportArchive     *archive,
                                   RapportImportSink  *sink,
                                   RapportPlatform     platform,
                                   GCancellable       *cancellable,
                                   gint64             *newest,
                                   GError            **error)
{
  g_autoptr(GArray) files = NULL;
  DailyImport self = { sink, cancellable, platform, NULL, 0, 0 };

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (newest != NULL, FALSE);

  files = find_daily_files (archive);
  for (guint i = 0; i < files->len; i++)
    {
      const DailyFile *file = &g_array_index (files, DailyFile, i);

      /* The other metrics have no per-day home in Rapport's data: see the top of this file. */
      if (file->follows && !import_follows_file (&self, archive, file->entry, error))
        return FALSE;
    }
  if (self.newest > *newest)
    *newest = self.newest;
  return TRUE;
}

/* The platforms whose follows the files hold, as PLATFORM bits. */
static guint
follows_platforms (RapportArchive *archive,
                   GArray         *files)
{
  guint platforms = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const DailyFile *file = &g_array_index (files, DailyFile, i);
      g_autoptr(RapportCsvReader) reader = NULL;
      gboolean more = TRUE;

      if (!file->follows || !(reader = open_daily_csv (archive, file->entry, NULL, NULL)))
        continue;
      while (more)
        {
          const char *metric;

          platforms |= 1u << block_platform (reader, &metric);
          while (rapport_csv_reader_next (reader, NULL))
            ;
          more = rapport_csv_reader_next_block (reader, NULL);
        }
    }
  return platforms;
}

/* Whose export this is: the user its name gives, for either platform; else a stand-in, for
 * the Instagram block when there is one (the platform the posts CSV most often comes from). */
static gboolean
set_account (RapportArchive     *archive,
             RapportImportSink  *sink,
             const char         *entry,
             guint               platforms,
             RapportPlatform    *platform,
             GError            **error)
{
  RapportAccountInfo info = { RAPPORT_PLATFORM_UNKNOWN, NULL, NULL, NULL, FALSE };
  g_autofree char *name = rapport_export_name_of_archive (archive, entry);
  g_autofree char *handle = NULL;

  if ((handle = rapport_export_name_get_user (name, "instagram")) != NULL)
    info.platform = RAPPORT_PLATFORM_INSTAGRAM;
  else if ((handle = rapport_export_name_get_user (name, "facebook")) != NULL)
    info.platform = RAPPORT_PLATFORM_FACEBOOK;
  else
    {
      info.platform = (platforms & (1u << RAPPORT_PLATFORM_INSTAGRAM)) != 0
                      ? RAPPORT_PLATFORM_INSTAGRAM : RAPPORT_PLATFORM_FACEBOOK;
      handle = rapport_export_name_strip (name);
      info.provisional = TRUE;
    }
  info.handle = handle != NULL ? handle : "Meta Business Suite";
  *platform = info.platform;
  return rapport_import_sink_set_account (sink, &info, error);
}

/* The end of the range a name gives ("May-25-2026_Jun-21-2026"), or any date in it. */
static gint64
date_from_name (const char *name)
{
  gint64 date = 0;

  if (rapport_date_find_last_month_day_year (name, &date) ||
      rapport_date_find_in_name (name, &date))
    return date;
  return 0;
}

gboolean
rapport_meta_daily_import (RapportArchive     *archive,
                           RapportImportSink  *sink,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GArray) files = NULL;
  g_autofree char *name = NULL;
  const DailyFile *follows = NULL;
  RapportPlatform platform;
  RapportDateSource source;
  gint64 newest = 0;
  gint64 exported_at = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  files = find_daily_files (archive);
  for (guint i = 0; i < files->len && follows == NULL; i++)
    {
      if (g_array_index (files, DailyFile, i).follows)
        follows = &g_array_index (files, DailyFile, i);
    }
  if (follows == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s holds Meta Business Suite's daily totals of views, reach, visits, "
                     "interactions or link clicks, which Rapport does not keep. From Meta "
                     "Business Suite, Rapport reads the posts CSV (Insights → Content → Export "
                     "data) and Follows.csv, the new follows of each day (Insights → Results → "
                     "Export)."),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  if (!set_account (archive, sink, follows->entry, follows_platforms (archive, files), &platform,
                    error) ||
      !rapport_meta_daily_import_follows (archive, sink, platform, cancellable, &newest, error))
    return FALSE;

  name = rapport_export_name_of_archive (archive, follows->entry);
  source = rapport_export_name_choose_date (date_from_name (name), newest,
                                            rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, source);
  return TRUE;
}
