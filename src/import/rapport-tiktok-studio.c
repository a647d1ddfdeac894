/* rapport-tiktok-studio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Studio writes days without a year ("February 28"), so they are read against a reference
 * day: the date in the export's name when it has one, else the time of the file.  The export
 * date is then the newest day read.  The business accounts' variant writes "2025/10/31" and
 * "NAN" or "--" where Studio writes "undefined".  The XLSX files hold the same tables as
 * text (numbers too), read through the same row logic (rapport-table.h).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"

#include "import/rapport-export-name.h"
#include "import/rapport-table.h"
#include "import/rapport-tiktok-importer.h"
#include "import/rapport-tiktok-studio.h"

#define DAY G_GINT64_CONSTANT (86400)

/* How many rows pass between looks at the cancellable. */
#define ROWS_PER_BATCH 1000

static const char * const date_names[] = { "Date", NULL };
static const char * const followers_names[] = { "Followers", "Total followers", NULL };
static const char * const link_names[] = { "Video link", NULL };
static const char * const views_names[] = { "Total views", "Video views", NULL };
static const char * const time_names[] = { "Time", NULL };
static const char * const title_names[] = { "Video title", NULL };
static const char * const post_time_names[] = { "Post time", NULL };
static const char * const likes_names[] = { "Total likes", NULL };
static const char * const comments_names[] = { "Total comments", NULL };
static const char * const shares_names[] = { "Total shares", NULL };

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
skip_row (Studio       *studio,
          RapportTable *table,
          const char   *what,
          const char   *value)
{
  g_autofree char *where = rapport_table_describe_row (table);
  g_autofree char *quoted = rapport_text_excerpt (value);
  g_autofree char *reason = NULL;

  /* TRANSLATORS: "line 4: no readable date (“Feb 30”)", or "row 4: …" of a spreadsheet */
  reason = g_strdup_printf (_("%s: %s (“%s”)"), where, what, quoted);
  rapport_import_sink_skip (studio->sink, rapport_table_get_entry (table), reason);
}

/* The table @base_name names (its .csv or .xlsx file) when @archive has it and its header has
 * @first and @second; else NULL, telling the sink of a file that could not be read when
 * @sink is not NULL. */
static RapportTable *
open_table (RapportArchive     *archive,
            RapportImportSink  *sink,
            const char         *base_name,
            const char * const *first,
            const char * const *second)
{
  g_autoptr(RapportTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = rapport_table_open (archive, base_name, &error);
  if (table == NULL)
    {
      if (error != NULL && sink != NULL)
        rapport_import_sink_skip_error (sink, rapport_table_find (archive, base_name), error);
      return NULL;
    }
  if (rapport_table_find_column (table, first) < 0 ||
      rapport_table_find_column (table, second) < 0)
    return NULL;
  return g_steal_pointer (&table);
}

/* Reads the next row, reporting progress and looking at the cancellable now and then. */
static gboolean
next_row (Studio        *studio,
          RapportTable  *table,
          guint64       *n_rows,
          GError       **error)
{
  if (*n_rows > 0 && *n_rows % ROWS_PER_BATCH == 0)
    {
      rapport_import_sink_progress (studio->sink, rapport_table_get_entry (table), *n_rows);
      if (g_cancellable_set_error_if_cancelled (studio->cancellable, error))
        return FALSE;
    }
  (*n_rows)++;
  return rapport_table_next (table, error);
}

static gboolean
import_follower_history (Studio  *studio,
                         GError **error)
{
  g_autoptr(RapportTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  int date_column, followers_column;
  guint64 n_rows = 0;

  table = open_table (studio->archive, studio->sink, "FollowerHistory", date_names,
                      followers_names);
  if (table == NULL)
    return TRUE;
  date_column = rapport_table_find_column (table, date_names);
  followers_column = rapport_table_find_column (table, followers_names);

  while (next_row (studio, table, &n_rows, &local_error))
    {
      const char *date = rapport_table_get_column (table, date_column);
      const char *followers = rapport_table_get_column (table, followers_column);
      RapportFollowerCount count = { 0, 0, RAPPORT_COUNT_SOURCE_ANALYTICS };

      if (!rapport_tiktok_studio_parse_day (date, studio->reference, &count.at))
        {
          skip_row (studio, table, _("no readable date"), date);
          continue;
        }
      note_date (studio, count.at);
      /* A day without a figure is no point of the series. */
      if (rapport_value_is_missing (followers))
        continue;
      if ((count.count = rapport_count_or_unknown (followers)) == RAPPORT_COUNT_UNKNOWN)
        {
          skip_row (studio, table, _("no readable follower count"), followers);
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
get_text (RapportTable *table,
          int           column)
{
  const char *text = rapport_table_get_column (table, column);

  return rapport_value_is_missing (text) ? NULL : text;
}

static gint64
get_count (RapportTable *table,
           int           column)
{
  return rapport_count_or_unknown (rapport_table_get_column (table, column));
}

static gboolean
import_content (Studio  *studio,
                GError **error)
{
  g_autoptr(RapportTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  int time_column, title_column, link_column, post_time_column;
  int likes_column, comments_column, shares_column, views_column;
  guint64 n_rows = 0;

  table = open_table (studio->archive, studio->sink, "Content", link_names, views_names);
  if (table == NULL)
    return TRUE;
  time_column = rapport_table_find_column (table, time_names);
  title_column = rapport_table_find_column (table, title_names);
  link_column = rapport_table_find_column (table, link_names);
  post_time_column = rapport_table_find_column (table, post_time_names);
  likes_column = rapport_table_find_column (table, likes_names);
  comments_column = rapport_table_find_column (table, comments_names);
  shares_column = rapport_table_find_column (table, shares_names);
  views_column = rapport_table_find_column (table, views_names);

  while (next_row (studio, table, &n_rows, &local_error))
    {
      const char *post_time = rapport_table_get_column (table, post_time_column);
      const char *time = rapport_table_get_column (table, time_column);
      const char *read_time;
      g_autofree char *id = NULL;
      g_auto(GStrv) hashtags = NULL;
      RapportPost post;
      gint64 at;

      rapport_post_init (&post);
      post.type = RAPPORT_POST_VIDEO;
      if (parse_time (studio, post_time, &post.created_at))
        read_time = post_time;
      else if (parse_time (studio, time, &post.created_at))
        read_time = time;
      else
        {
          skip_row (studio, table, _("no readable post time"), post_time);
          continue;
        }
      /* "February 28" is a day; a time of the day has a colon. */
      post.day_only = strchr (read_time, ':') == NULL;
      note_date (studio, post.created_at);
      if (parse_time (studio, time, &at))
        note_date (studio, at);

      /* The id the account export keys the video by, so both describe one post. */
      post.url = get_text (table, link_column);
      id = rapport_tiktok_video_id_from_link (post.url);
      if (id == NULL)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);
      post.platform_id = id;

      post.text = get_text (table, title_column);
      if (post.text != NULL)
        {
          hashtags = rapport_text_extract_hashtags (post.text);
          post.hashtags = (const char * const *) hashtags;
        }

      post.likes = get_count (table, likes_column);
      post.comments = get_count (table, comments_column);
      post.shares = get_count (table, shares_column);
      post.views = get_count (table, views_column);

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
           const char         *base_name,
           const char * const *first,
           const char * const *second)
{
  g_autoptr(RapportTable) table = open_table (archive, NULL, base_name, first, second);

  return table != NULL;
}

gboolean
rapport_tiktok_studio_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return has_table (archive, "FollowerHistory", date_names, followers_names) ||
         has_table (archive, "Content", link_names, views_names);
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
                   _("%s: there is no FollowerHistory or Content table (.csv or .xlsx) of TikTok "
                     "Studio in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  entry = rapport_table_find (archive, "FollowerHistory");
  if (entry == NULL)
    entry = rapport_table_find (archive, "Content");
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
