/* rapport-youtube-studio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * YouTube Studio's "Export current view": Table data.csv (one row per video, the first a
 * "Total"), Chart data.csv (per video per day), Totals.csv (per day), alone, in a folder or
 * zipped together, and audience files such as Subscribers.csv.  Which metrics are there
 * depends on what the creator chose, so every column is looked up and a missing one is
 * unknown.  The counts of Table data are those of the view's date range: an export of the
 * "Lifetime" range gives the videos' totals.
 *
 * The files name no channel; the zip Studio writes does ("Content 2024-09-01_2024-09-30
 * Mira Makes.zip"): its last part is the channel's title, the date after the underscore the
 * end of the range.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"

#include "import/rapport-export-name.h"
#include "import/rapport-youtube-private.h"

#define DAY G_GINT64_CONSTANT (86400)

static const char * const content_names[] = { "Content", NULL };
static const char * const date_names[] = { "Date", NULL };
static const char * const title_names[] = { "Video title", NULL };
static const char * const publish_names[] = { "Video publish time", NULL };
static const char * const subscribers_names[] = { "Subscribers", NULL };

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  GHashTable *seen; /* the videos of Table data and Chart data read so far */
  GStringChunk *ids; /* their ids, one allocation for thousands */
  gint64 newest;    /* the newest day read, 0 for none */
  /* The first day the counts cover, from the export's name; 0 when unknown, then they are
   * taken for the video's lifetime, the range the data guide asks for. */
  gint64 range_start;
  guint n_partial;  /* videos published before range_start, whose counts are left out */
} Studio;

/* What a Totals.csv counts. */
typedef enum
{
  TOTALS_OTHER,
  TOTALS_NET,    /* "Subscribers": subscribers gained minus lost */
  TOTALS_GAINED, /* "Subscribers gained" */
  TOTALS_LOST,   /* "Subscribers lost" */
} TotalsKind;

static const char *
find_file (RapportArchive *archive,
           const char     *name)
{
  return rapport_archive_find (archive, name);
}

/* @entry opened when its header has a column of each of @first and @second; FALSE otherwise,
 * with @error set only when the file could not be read. */
static gboolean
open_table (Studio               *studio,
            RapportYoutubeTable  *table,
            const char           *name,
            const char * const   *first,
            const char * const   *second,
            GError              **error)
{
  const char *entry = find_file (studio->archive, name);

  table->sink = studio->sink;
  table->cancellable = studio->cancellable;
  if (entry == NULL || !rapport_youtube_table_open (table, studio->archive, entry, error))
    return FALSE;
  if (rapport_youtube_table_column (table, first) < 0 ||
      rapport_youtube_table_column (table, second) < 0)
    {
      rapport_youtube_table_clear (table);
      return FALSE;
    }
  return TRUE;
}

/* Ends a table: FALSE with @error set when it stopped on an error. */
static gboolean
close_table (RapportYoutubeTable  *table,
             GError              **local_error,
             GError              **error)
{
  rapport_youtube_table_clear (table);
  if (*local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (local_error));
      return FALSE;
    }
  return TRUE;
}

static void
note_date (Studio *studio,
           gint64  at)
{
  if (at > studio->newest && rapport_time_is_valid (at))
    studio->newest = at;
}

/* The day of a Date column, as midnight UTC. */
static gboolean
read_day (RapportYoutubeTable *table,
          int                  column,
          gint64              *day)
{
  const char *text = rapport_youtube_table_text (table, column);
  gint64 at;

  if (!rapport_youtube_parse_time (text, &at) || at < 0)
    {
      rapport_youtube_table_skip (table, _("no readable date"), text);
      return FALSE;
    }
  *day = at - at % DAY;
  return TRUE;
}

typedef struct
{
  int content, title, publish;
  int views, impressions, likes, comments, shares, gained;
} VideoColumns;

static void
find_video_columns (RapportYoutubeTable *table,
                    VideoColumns        *columns)
{
  columns->content = rapport_youtube_table_column (table, content_names);
  columns->title = rapport_youtube_table_column (table, title_names);
  columns->publish = rapport_youtube_table_column (table, publish_names);
  columns->views = rapport_youtube_table_column (table, NAMES ("Views"));
  columns->impressions = rapport_youtube_table_column (table, NAMES ("Impressions"));
  columns->likes = rapport_youtube_table_column (table, NAMES ("Likes"));
  columns->comments = rapport_youtube_table_column (table, NAMES ("Comments added",
                                                                  "Comments"));
  columns->shares = rapport_youtube_table_column (table, NAMES ("Shares"));
  /* "Subscribers" is gained minus lost: no count of follows a video brought. */
  columns->gained = rapport_youtube_table_column (table, NAMES ("Subscribers gained"));
}

/* The video of the current row, once per video id; the counts only from Table data, whose
 * rows are one per video (Chart data's are one per day).  The "Total" row is no video. */
static gboolean
import_video (Studio               *studio,
              RapportYoutubeTable  *table,
              const VideoColumns   *columns,
              gboolean              with_counts,
              GError              **error)
{
  const char *id = rapport_youtube_table_text (table, columns->content);
  const char *when = rapport_youtube_table_text (table, columns->publish);
  g_autofree char *url = NULL;
  g_auto(GStrv) hashtags = NULL;
  RapportPost post;

  if (id != NULL && g_ascii_strcasecmp (id, "Total") == 0)
    return TRUE;
  if (id != NULL && g_hash_table_contains (studio->seen, id))
    return TRUE;
  /* A video skipped once is not skipped again on each of its days. */
  g_hash_table_add (studio->seen, g_string_chunk_insert (studio->ids, id != NULL ? id : ""));
  if (!rapport_youtube_is_video_id (id))
    {
      rapport_youtube_table_skip (table, _("no video id"), id);
      return TRUE;
    }

  rapport_post_init (&post);
  post.type = RAPPORT_POST_VIDEO;
  if (!rapport_youtube_parse_time (when, &post.created_at))
    {
      rapport_youtube_table_skip (table, _("no readable publish time"), when);
      return TRUE;
    }
  note_date (studio, post.created_at);
  /* Studio gives the publish day only: the Takeout's exact time wins in either order. */
  post.day_only = TRUE;
  post.platform_id = id;
  post.url = url = rapport_youtube_video_url (id);
  post.text = rapport_youtube_table_text (table, columns->title);
  hashtags = rapport_text_extract_hashtags (post.text);
  post.hashtags = (const char * const *) hashtags;
  /* Counts of a range that began after the video was published are only part of its life:
   * they would replace its lifetime counts and read as a drop. */
  if (with_counts && studio->range_start > 0 &&
      post.created_at < studio->range_start - RAPPORT_SECONDS_PER_DAY)
    {
      studio->n_partial++;
      with_counts = FALSE;
    }
  if (with_counts)
    {
      RapportCsvReader *reader = table->reader;

      post.views = rapport_csv_reader_get_count (reader, columns->views);
      post.impressions = rapport_csv_reader_get_count (reader, columns->impressions);
      post.likes = rapport_csv_reader_get_count (reader, columns->likes);
      post.comments = rapport_csv_reader_get_count (reader, columns->comments);
      post.shares = rapport_csv_reader_get_count (reader, columns->shares);
      post.follows = rapport_csv_reader_get_count (reader, columns->gained);
    }
  return rapport_import_sink_add_post (studio->sink, &post, error);
}

static gboolean
import_videos (Studio      *studio,
               const char  *name,
               GError     **error)
{
  RapportYoutubeTable table = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean per_day = g_str_equal (name, "Chart data.csv");
  VideoColumns columns;
  int date_column;

  if (!open_table (studio, &table, name, content_names,
                   per_day ? date_names : title_names, &local_error) &&
      (local_error != NULL ||
       !open_table (studio, &table, name, content_names,
                    per_day ? date_names : publish_names, &local_error)))
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (studio->sink, name, local_error);
      return TRUE;
    }
  find_video_columns (&table, &columns);
  date_column = rapport_youtube_table_column (&table, date_names);

  studio->n_partial = 0;
  while (rapport_youtube_table_next (&table, &local_error))
    {
      gint64 day;

      if (per_day)
        {
          if (!read_day (&table, date_column, &day))
            continue;
          note_date (studio, day);
        }
      if (!import_video (studio, &table, &columns, !per_day, error))
        {
          rapport_youtube_table_clear (&table);
          return FALSE;
        }
    }
  if (studio->n_partial > 0)
    {
      g_autofree char *reason = NULL;

      /* Translators: a note on a YouTube Studio export whose date range is not "Lifetime" */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "the counts cover the exported range only, not the "
                                             "lifetime of %u video published before it; export "
                                             "the Lifetime range for its counts",
                                             "the counts cover the exported range only, not the "
                                             "lifetime of %u videos published before it; export "
                                             "the Lifetime range for their counts",
                                             studio->n_partial),
                                studio->n_partial);
      rapport_import_sink_skip (studio->sink, name, reason);
    }
  return close_table (&table, &local_error, error);
}

static TotalsKind
totals_kind (const char *metric)
{
  if (metric == NULL)
    return TOTALS_OTHER;
  if (g_ascii_strcasecmp (metric, "Subscribers") == 0)
    return TOTALS_NET;
  if (g_ascii_strcasecmp (metric, "Subscribers gained") == 0)
    return TOTALS_GAINED;
  if (g_ascii_strcasecmp (metric, "Subscribers lost") == 0)
    return TOTALS_LOST;
  return TOTALS_OTHER;
}

/* A day's net change is no count of the people who came and left.  It is written as a gain
 * of that many followers with none lost, or a loss with none gained, because the series
 * carries a real total along gained minus lost: that difference is exactly the net change,
 * so the total between two anchors stays the one Studio counts. */
static RapportFollowerGain
gain_of (TotalsKind kind,
         gint64     day,
         gint64     value)
{
  RapportFollowerGain gain = { day, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN };

  switch (kind)
    {
    case TOTALS_NET:
      gain.gained = MAX (value, 0);
      gain.lost = MAX (-value, 0);
      break;
    case TOTALS_GAINED:
      gain.gained = value;
      break;
    case TOTALS_LOST:
      gain.lost = value;
      break;
    case TOTALS_OTHER:
    default:
      g_assert_not_reached ();
    }
  return gain;
}

/* Totals.csv: "Date" and the one metric of the view.  Only subscribers matter here; the days
 * of any other metric still date the export. */
static gboolean
import_totals (Studio  *studio,
               GError **error)
{
  RapportYoutubeTable table = { 0 };
  g_autoptr(GError) local_error = NULL;
  const char * const *header;
  int date_column, metric_column = -1;
  TotalsKind kind;

  if (!open_table (studio, &table, "Totals.csv", date_names, date_names, &local_error))
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (studio->sink, "Totals.csv", local_error);
      return TRUE;
    }
  date_column = rapport_youtube_table_column (&table, date_names);
  header = rapport_csv_reader_get_header (table.reader);
  for (int i = 0; header[i] != NULL && metric_column < 0; i++)
    if (i != date_column)
      metric_column = i;
  kind = metric_column >= 0 ? totals_kind (header[metric_column]) : TOTALS_OTHER;

  while (rapport_youtube_table_next (&table, &local_error))
    {
      const char *text = rapport_youtube_table_text (&table, metric_column);
      RapportFollowerGain gain;
      gint64 day, value;

      if (!read_day (&table, date_column, &day))
        continue;
      note_date (studio, day);
      if (kind == TOTALS_OTHER || text == NULL)
        continue;
      if (!rapport_parse_count (text, &value) || (kind != TOTALS_NET && value < 0))
        {
          rapport_youtube_table_skip (&table, _("no readable subscriber count"), text);
          continue;
        }
      gain = gain_of (kind, day, value);
      if (!rapport_import_sink_add_follower_gain (studio->sink, &gain, error))
        {
          rapport_youtube_table_clear (&table);
          return FALSE;
        }
    }
  return close_table (&table, &local_error, error);
}

/* Subscribers.csv of the audience view: the channel's subscribers at the end of each day. */
static gboolean
import_subscribers (Studio  *studio,
                    GError **error)
{
  RapportYoutubeTable table = { 0 };
  g_autoptr(GError) local_error = NULL;
  int date_column, count_column;

  if (!open_table (studio, &table, "Subscribers.csv", date_names, subscribers_names,
                   &local_error))
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (studio->sink, "Subscribers.csv", local_error);
      return TRUE;
    }
  date_column = rapport_youtube_table_column (&table, date_names);
  count_column = rapport_youtube_table_column (&table, subscribers_names);

  while (rapport_youtube_table_next (&table, &local_error))
    {
      const char *text = rapport_youtube_table_text (&table, count_column);
      RapportFollowerCount count = { 0, 0, RAPPORT_COUNT_SOURCE_ANALYTICS };

      if (!read_day (&table, date_column, &count.at))
        continue;
      note_date (studio, count.at);
      /* A day without a figure is no point of the series. */
      if (text == NULL)
        continue;
      if ((count.count = rapport_count_or_unknown (text)) == RAPPORT_COUNT_UNKNOWN)
        {
          rapport_youtube_table_skip (&table, _("no readable subscriber count"), text);
          continue;
        }
      if (!rapport_import_sink_add_follower_count (studio->sink, &count, error))
        {
          rapport_youtube_table_clear (&table);
          return FALSE;
        }
    }
  return close_table (&table, &local_error, error);
}

static gboolean
has_table (RapportArchive     *archive,
           const char         *name,
           const char * const *first,
           const char * const *second)
{
  Studio studio = { archive, NULL, NULL, NULL, NULL, 0 };
  RapportYoutubeTable table = { 0 };
  gboolean found = open_table (&studio, &table, name, first, second, NULL);

  rapport_youtube_table_clear (&table);
  return found;
}

gboolean
rapport_youtube_studio_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return has_table (archive, "Table data.csv", content_names, title_names) ||
         has_table (archive, "Table data.csv", content_names, publish_names) ||
         has_table (archive, "Chart data.csv", date_names, content_names) ||
         has_table (archive, "Totals.csv", date_names, date_names) ||
         has_table (archive, "Subscribers.csv", date_names, subscribers_names);
}

/* "… YYYY-MM-DD_YYYY-MM-DD <channel>": the channel's title (NULL when nothing follows the
 * range) and the range's last day.  FALSE when @name has no such range. */
static gboolean
parse_studio_name (const char  *name,
                   char       **channel,
                   gint64      *range_start,
                   gint64      *range_end)
{
  g_autofree char *stripped = name != NULL ? rapport_export_name_strip (name) : NULL;
  gint64 start;

  for (const char *p = stripped; p != NULL && strlen (p) >= 21; p++)
    {
      g_autofree char *first = g_strndup (p, 10);
      g_autofree char *second = g_strndup (p + 11, 10);

      if (p[10] != '_' || !rapport_date_parse_naive_utc (first, &start) ||
          !rapport_date_parse_naive_utc (second, range_end))
        continue;
      *range_start = start;
      *channel = g_strstrip (g_strdup (p + 21));
      if (**channel == '\0')
        g_clear_pointer (channel, g_free);
      return TRUE;
    }
  return FALSE;
}

static const char *
first_file (RapportArchive *archive)
{
  static const char * const names[] = {
    "Table data.csv", "Chart data.csv", "Totals.csv", "Subscribers.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (find_file (archive, names[i]) != NULL)
      return find_file (archive, names[i]);
  return NULL;
}

gboolean
rapport_youtube_studio_import (RapportArchive     *archive,
                               RapportImportSink  *sink,
                               GCancellable       *cancellable,
                               GError            **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_YOUTUBE, NULL, NULL, NULL, FALSE };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) ids = g_string_chunk_new (16 * 1024);
  Studio studio = { archive, sink, cancellable, seen, ids, 0 };
  g_autofree char *export_name = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *stand_in = NULL;
  RapportDateSource date_source;
  gint64 from_name = 0, exported_at;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_youtube_studio_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no Table data.csv, Chart data.csv, Totals.csv or "
                     "Subscribers.csv of YouTube Studio in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  export_name = rapport_export_name_of_archive (archive, first_file (archive));
  if (parse_studio_name (export_name, &channel, &studio.range_start, &from_name) &&
      channel != NULL)
    account.handle = channel;
  else
    {
      stand_in = rapport_export_name_get_handle (export_name, "youtube", &account.provisional);
      account.handle = stand_in != NULL ? stand_in : "YouTube Studio";
      account.provisional = account.provisional || stand_in == NULL;
      if (from_name == 0 && !rapport_date_find_in_name (export_name, &from_name))
        from_name = 0;
    }
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  if (!import_videos (&studio, "Table data.csv", error) ||
      !import_videos (&studio, "Chart data.csv", error) ||
      !import_totals (&studio, error) || !import_subscribers (&studio, error))
    return FALSE;

  date_source = rapport_export_name_choose_date (from_name, studio.newest,
                                                 rapport_archive_get_mtime (archive),
                                                 &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
