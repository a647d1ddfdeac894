/* rapport-tiktok-studio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Studio writes days without a year ("February 28"), so they are read against a reference
 * day: the date in the export's name when it has one, else the time of the file.  The export
 * date is then the newest day read.  The business accounts' variant writes "2025/10/31" and
 * "NAN" or "--" where Studio writes "undefined".
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"

#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-tiktok-importer.h"
#include "import/rapport-tiktok-studio.h"

#define DAY G_GINT64_CONSTANT (86400)

/* How many rows pass between looks at the cancellable. */
#define ROWS_PER_BATCH 1000

static const char * const date_names[] = { "Date", NULL };
static const char * const followers_names[] = { "Followers", "Total followers", NULL };
static const char * const link_names[] = { "Video link", NULL };
static const char * const views_names[] = { "Total views", "Video views", NULL };

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  gint64 reference;
  gint64 newest; /* the newest day read, 0 for none */
} Studio;

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* 1 to 12 for a month's name or its first three letters, without case; 0 otherwise. */
static int
parse_month (const char *text,
             gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if ((len == 3 || len == strlen (month_names[i])) &&
        g_ascii_strncasecmp (text, month_names[i], len) == 0)
      return (int) i + 1;
  return 0;
}

static gboolean
day_at (int     year,
        int     month,
        int     day,
        gint64 *out)
{
  g_autoptr(GDateTime) time = NULL;

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return FALSE;
  *out = g_date_time_to_unix (time);
  return TRUE;
}

/* "2025/10/31" or "2025-10-31", possibly followed by a time that does not matter for a day. */
static gboolean
parse_numeric_day (const char *text,
                   gint64     *out)
{
  char separator;
  int year, month, day;
  char *end;

  if (strspn (text, "0123456789") != 4 || (text[4] != '/' && text[4] != '-'))
    return FALSE;
  separator = text[4];
  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, &end, 10);
  if (end == text + 5 || *end != separator || !g_ascii_isdigit (end[1]))
    return FALSE;
  day = (int) g_ascii_strtoll (end + 1, &end, 10);
  if (*end != '\0' && *end != ' ' && *end != 'T')
    return FALSE;
  return day_at (year, month, day, out);
}

gboolean
rapport_tiktok_studio_parse_day (const char *text,
                                 gint64      reference,
                                 gint64     *out)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) ref = NULL;
  gsize word_len;
  char *end;
  int month, day, year;
  gint64 at = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (parse_numeric_day (trimmed, out))
    return TRUE;

  word_len = strspn (trimmed, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  month = word_len >= 3 ? parse_month (trimmed, word_len) : 0;
  if (month == 0 || trimmed[word_len] != ' ' || !g_ascii_isdigit (trimmed[word_len + 1]))
    return FALSE;
  day = (int) g_ascii_strtoll (trimmed + word_len + 1, &end, 10);
  if (*end != '\0')
    return FALSE;

  ref = g_date_time_new_from_unix_utc (reference);
  if (ref == NULL)
    return FALSE;
  /* February 29 may lie up to eight years back; any other day at most one. */
  for (year = g_date_time_get_year (ref); year > g_date_time_get_year (ref) - 9; year--)
    if (day_at (year, month, day, &at) && at <= reference + DAY)
      {
        *out = at;
        return TRUE;
      }
  return FALSE;
}

/* A post's time: a full date and time where Studio gives one, else its day. */
static gboolean
parse_time (const Studio *studio,
            const char   *text,
            gint64       *out)
{
  if (rapport_value_is_missing (text))
    return FALSE;
  return rapport_date_parse_naive_utc (text, out) ||
         rapport_date_parse_meta_text (text, out) ||
         rapport_tiktok_studio_parse_day (text, studio->reference, out);
}

static void
note_date (Studio *studio,
           gint64  at)
{
  if (at > studio->newest && at <= rapport_time_max ())
    studio->newest = at;
}

static void
skip_row (Studio           *studio,
          RapportCsvReader *reader,
          const char       *entry,
          const char       *what,
          const char       *value)
{
  g_autofree char *reason = NULL;

  /* TRANSLATORS: "line 4: no readable date (“Feb 30”)" */
  reason = g_strdup_printf (_("line %u: %s (“%s”)"), rapport_csv_reader_get_line (reader), what,
                            value != NULL ? value : "");
  rapport_import_sink_skip (studio->sink, entry, reason);
}

/* The reader of @name's header when @archive has that file and its header has @first and
 * @second; else NULL (with @error set only when the file could not be read). */
static RapportCsvReader *
open_table (RapportArchive     *archive,
            const char         *name,
            const char * const *first,
            const char * const *second,
            GError            **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *entry = rapport_archive_find (archive, name);

  if (entry == NULL || (bytes = rapport_archive_read (archive, entry, NULL, error)) == NULL)
    return NULL;
  reader = rapport_csv_reader_new (bytes, entry);
  if (!rapport_csv_reader_read_header (reader, NULL) ||
      rapport_csv_reader_find_column_any (reader, first) < 0 ||
      rapport_csv_reader_find_column_any (reader, second) < 0)
    return NULL;
  return g_steal_pointer (&reader);
}

/* Reads the next row, reporting progress and looking at the cancellable now and then. */
static gboolean
next_row (Studio            *studio,
          RapportCsvReader  *reader,
          const char        *entry,
          guint64           *n_rows,
          GError           **error)
{
  if (*n_rows > 0 && *n_rows % ROWS_PER_BATCH == 0)
    {
      rapport_import_sink_progress (studio->sink, entry, *n_rows);
      if (g_cancellable_set_error_if_cancelled (studio->cancellable, error))
        return FALSE;
    }
  (*n_rows)++;
  return rapport_csv_reader_next (reader, error);
}

static gboolean
import_follower_history (Studio  *studio,
                         GError **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;
  int date_column, followers_column;
  guint64 n_rows = 0;

  reader = open_table (studio->archive, "FollowerHistory.csv", date_names, followers_names,
                       &local_error);
  if (reader == NULL)
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (studio->sink, "FollowerHistory.csv", local_error);
      return TRUE;
    }
  entry = rapport_archive_find (studio->archive, "FollowerHistory.csv");
  date_column = rapport_csv_reader_find_column_any (reader, date_names);
  followers_column = rapport_csv_reader_find_column_any (reader, followers_names);

  while (next_row (studio, reader, entry, &n_rows, &local_error))
    {
      const char *date = rapport_csv_reader_get_column (reader, date_column);
      const char *followers = rapport_csv_reader_get_column (reader, followers_column);
      RapportFollowerCount count = { 0, 0, RAPPORT_COUNT_SOURCE_ANALYTICS };

      if (!rapport_tiktok_studio_parse_day (date, studio->reference, &count.at))
        {
          skip_row (studio, reader, entry, _("no readable date"), date);
          continue;
        }
      note_date (studio, count.at);
      /* A day without a figure is no point of the series. */
      if (rapport_value_is_missing (followers))
        continue;
      if ((count.count = rapport_count_or_unknown (followers)) == RAPPORT_COUNT_UNKNOWN)
        {
          skip_row (studio, reader, entry, _("no readable follower count"), followers);
          continue;
        }
      if (!rapport_import_sink_add_follower_count (studio->sink, &count, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static const char *
get_text (RapportCsvReader *reader,
          int               column)
{
  const char *text = rapport_csv_reader_get_column (reader, column);

  return rapport_value_is_missing (text) ? NULL : text;
}

static gboolean
import_content (Studio  *studio,
                GError **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;
  int time_column, title_column, link_column, post_time_column;
  int likes_column, comments_column, shares_column, views_column;
  guint64 n_rows = 0;

  reader = open_table (studio->archive, "Content.csv", link_names, views_names, &local_error);
  if (reader == NULL)
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (studio->sink, "Content.csv", local_error);
      return TRUE;
    }
  entry = rapport_archive_find (studio->archive, "Content.csv");
  time_column = rapport_csv_reader_find_column (reader, "Time");
  title_column = rapport_csv_reader_find_column (reader, "Video title");
  link_column = rapport_csv_reader_find_column_any (reader, link_names);
  post_time_column = rapport_csv_reader_find_column (reader, "Post time");
  likes_column = rapport_csv_reader_find_column (reader, "Total likes");
  comments_column = rapport_csv_reader_find_column (reader, "Total comments");
  shares_column = rapport_csv_reader_find_column (reader, "Total shares");
  views_column = rapport_csv_reader_find_column_any (reader, views_names);

  while (next_row (studio, reader, entry, &n_rows, &local_error))
    {
      const char *post_time = rapport_csv_reader_get_column (reader, post_time_column);
      const char *time = rapport_csv_reader_get_column (reader, time_column);
      g_autofree char *id = NULL;
      g_auto(GStrv) hashtags = NULL;
      RapportPost post;
      gint64 at;

      rapport_post_init (&post);
      post.type = RAPPORT_POST_VIDEO;
      if (!parse_time (studio, post_time, &post.created_at) &&
          !parse_time (studio, time, &post.created_at))
        {
          skip_row (studio, reader, entry, _("no readable post time"), post_time);
          continue;
        }
      note_date (studio, post.created_at);
      if (parse_time (studio, time, &at))
        note_date (studio, at);

      /* The id the account export keys the video by, so both describe one post. */
      post.url = get_text (reader, link_column);
      id = rapport_tiktok_video_id_from_link (post.url);
      if (id == NULL)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);
      post.platform_id = id;

      post.text = get_text (reader, title_column);
      if (post.text != NULL)
        {
          hashtags = rapport_text_extract_hashtags (post.text);
          post.hashtags = (const char * const *) hashtags;
        }

      post.likes = rapport_count_or_unknown (rapport_csv_reader_get_column (reader, likes_column));
      post.comments = rapport_count_or_unknown (rapport_csv_reader_get_column (reader,
                                                                                comments_column));
      post.shares = rapport_count_or_unknown (rapport_csv_reader_get_column (reader,
                                                                              shares_column));
      post.views = rapport_count_or_unknown (rapport_csv_reader_get_column (reader, views_column));

      if (!rapport_import_sink_add_post (studio->sink, &post, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_table (RapportArchive     *archive,
           const char         *name,
           const char * const *first,
           const char * const *second)
{
  g_autoptr(RapportCsvReader) reader = open_table (archive, name, first, second, NULL);

  return reader != NULL;
}

gboolean
rapport_tiktok_studio_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return has_table (archive, "FollowerHistory.csv", date_names, followers_names) ||
         has_table (archive, "Content.csv", link_names, views_names);
}

gboolean
rapport_tiktok_studio_import (RapportArchive     *archive,
                              RapportImportSink  *sink,
                              GCancellable       *cancellable,
                              GError            **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, NULL, NULL, NULL, FALSE };
  g_autofree char *export_name = NULL;
  g_autofree char *handle = NULL;
  Studio studio = { archive, sink, cancellable, 0, 0 };
  RapportDateSource date_source;
  gint64 from_name, exported_at;
  const char *entry;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_tiktok_studio_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no FollowerHistory.csv or Content.csv of TikTok Studio in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  entry = rapport_archive_find (archive, "FollowerHistory.csv");
  if (entry == NULL)
    entry = rapport_archive_find (archive, "Content.csv");
  export_name = rapport_export_name_of_archive (archive, entry);
  handle = rapport_export_name_get_handle (export_name, "tiktok", &account.provisional);
  account.handle = handle != NULL ? handle : "TikTok Studio";
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  if (!rapport_date_find_in_name (export_name, &from_name))
    from_name = 0;
  studio.reference = from_name != 0 ? from_name : rapport_archive_get_mtime (archive);

  if (!import_follower_history (&studio, error) || !import_content (&studio, error))
    return FALSE;

  date_source = rapport_export_name_choose_date (from_name, studio.newest,
                                                 rapport_archive_get_mtime (archive),
                                                 &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
