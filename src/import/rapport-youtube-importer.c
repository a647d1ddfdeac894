/* rapport-youtube-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The channel's part of a Google Takeout, under "YouTube and YouTube Music/": channel.csv
 * names the channel, videos.csv (2023–) or Video Metadata.csv (2022, with like and view
 * counts) lists its videos, subscriptions.csv the channels it subscribes to.  There is no
 * list of subscribers.  Folder, file and header case changed between years, so files and
 * columns are found without case.  Playlists, comments and history are not the creator's
 * audience and are left alone without a word.
 *
 * The account's handle is the channel's title: YouTube Studio's exports name the channel only
 * by its title (in the zip's name), and the same handle is what lets the store join them.
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

/* How many rows pass between looks at the cancellable. */
#define ROWS_PER_BATCH 1000

static const char * const channel_id_names[] = { "Channel ID", NULL };
static const char * const channel_title_names[] = {
  "Channel Title (Original)", "Channel Title", "Title", NULL,
};
static const char * const video_id_names[] = { "Video ID", "ID", NULL };
static const char * const video_title_names[] = {
  "Video Title (Original)", "Video Title", "Title", NULL,
};
static const char * const publish_names[] = {
  "Video Publish Timestamp", "Time Published", "Publish Timestamp", NULL,
};
static const char * const create_names[] = { "Video Create Timestamp", "Time Created", NULL };

/* A file of the Takeout: where it may be, by the end of its path (lower case) in order of
 * trust, the name alone last for a file opened on its own; and a column of each of @first and
 * @second that its header must have. */
typedef struct
{
  const char * const *suffixes;
  const char * const *first;
  const char * const *second;
} TakeoutFile;

static const TakeoutFile channel_file = {
  NAMES ("channels/channel.csv", "channel.csv"), channel_id_names, channel_title_names,
};
static const TakeoutFile video_file = {
  NAMES ("video metadata/videos.csv", "video metadata/video metadata.csv",
         "videos/video metadata.csv", "videos/videos.csv", "videos.csv", "video metadata.csv"),
  NAMES ("Video Publish Timestamp", "Time Published", "Publish Timestamp",
         "Video Create Timestamp", "Time Created"),
  NAMES ("Video ID", "ID", "Video Title (Original)", "Video Title", "Title"),
};
static const TakeoutFile subscription_file = {
  NAMES ("subscriptions/subscriptions.csv", "subscriptions.csv"), channel_id_names,
  NAMES ("Channel Url", "Channel Title"),
};

/* ── shared with the Studio reader ─────────────────────────────────────────────────────── */

gboolean
rapport_youtube_is_video_id (const char *text)
{
  static const char id_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  return text != NULL && strlen (text) == 11 && strspn (text, id_chars) == 11;
}

char *
rapport_youtube_video_url (const char *id)
{
  g_return_val_if_fail (rapport_youtube_is_video_id (id), NULL);

  return g_strconcat ("https://www.youtube.com/watch?v=", id, NULL);
}

gboolean
rapport_youtube_parse_time (const char *text,
                            gint64     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (rapport_value_is_missing (text))
    return FALSE;
  return rapport_date_parse_iso8601 (text, out) ||
         rapport_date_parse_naive_utc (text, out) ||
         rapport_date_parse_meta_text (text, out) ||
         rapport_date_parse_day_first (text, out);
}

gboolean
rapport_youtube_table_open (RapportYoutubeTable  *table,
                            RapportArchive       *archive,
                            const char           *entry,
                            GError              **error)
{
  g_return_val_if_fail (table->reader == NULL, FALSE);

  table->reader = rapport_csv_reader_open (archive, entry, RAPPORT_CSV_DEFAULT, NULL, error);
  if (table->reader == NULL)
    return FALSE;
  table->entry = entry;
  table->n_rows = 0;
  if (!rapport_csv_reader_read_header (table->reader, NULL))
    {
      g_clear_pointer (&table->reader, rapport_csv_reader_free);
      return FALSE;
    }
  return TRUE;
}

void
rapport_youtube_table_clear (RapportYoutubeTable *table)
{
  g_clear_pointer (&table->reader, rapport_csv_reader_free);
}

int
rapport_youtube_table_column (RapportYoutubeTable *table,
                              const char * const  *names)
{
  return rapport_csv_reader_find_column_any (table->reader, names);
}

gboolean
rapport_youtube_table_next (RapportYoutubeTable  *table,
                            GError              **error)
{
  while (TRUE)
    {
      gboolean blank = TRUE;

      if (table->n_rows > 0 && table->n_rows % ROWS_PER_BATCH == 0)
        {
          rapport_import_sink_progress (table->sink, table->entry, table->n_rows);
          if (g_cancellable_set_error_if_cancelled (table->cancellable, error))
            return FALSE;
        }
      table->n_rows++;
      if (!rapport_csv_reader_next (table->reader, error))
        return FALSE;
      /* Takeout's files may end in rows of empty fields. */
      for (guint i = 0; i < rapport_csv_reader_get_n_fields (table->reader) && blank; i++)
        for (const char *p = rapport_csv_reader_get_field (table->reader, i); *p != '\0'; p++)
          if (!g_ascii_isspace (*p))
            {
              blank = FALSE;
              break;
            }
      if (!blank)
        return TRUE;
    }
}

const char *
rapport_youtube_table_text (RapportYoutubeTable *table,
                            int                  column)
{
  const char *text = rapport_csv_reader_get_column (table->reader, column);

  return rapport_value_is_missing (text) ? NULL : text;
}

void
rapport_youtube_table_skip (RapportYoutubeTable *table,
                            const char          *what,
                            const char          *value)
{
  g_autofree char *quoted = rapport_text_excerpt (value);
  g_autofree char *reason = NULL;

  /* TRANSLATORS: "line 4: no readable date (“Smarch 3”)" */
  reason = g_strdup_printf (_("line %u: %s (“%s”)"), rapport_csv_reader_get_line (table->reader),
                            what, quoted);
  rapport_import_sink_skip (table->sink, table->entry, reason);
}

/* ── Takeout ────────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  gint64 newest; /* the newest publish time read, 0 for none */
} Takeout;

/* The first entry whose path ends with one of @suffixes (lower case) on a '/' boundary,
 * compared without case. */
static const char *
find_entry (RapportArchive     *archive,
            const char * const *suffixes)
{
  const char * const *entries;
  guint n_entries;

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint s = 0; suffixes[s] != NULL; s++)
    {
      gsize suffix_len = strlen (suffixes[s]);

      for (guint i = 0; i < n_entries; i++)
        {
          gsize len = strlen (entries[i]);

          if (len >= suffix_len &&
              g_ascii_strcasecmp (entries[i] + len - suffix_len, suffixes[s]) == 0 &&
              (len == suffix_len || entries[i][len - suffix_len - 1] == '/'))
            return entries[i];
        }
    }
  return NULL;
}

/* @file opened at its header when the archive has it; NULL otherwise, with @error set only
 * when the file could not be read. */
static const char *
open_file (RapportYoutubeTable  *table,
           RapportArchive       *archive,
           const TakeoutFile    *file,
           GError              **error)
{
  const char *entry = find_entry (archive, file->suffixes);

  if (entry == NULL || !rapport_youtube_table_open (table, archive, entry, error))
    return NULL;
  if (rapport_youtube_table_column (table, file->first) < 0 ||
      rapport_youtube_table_column (table, file->second) < 0)
    {
      rapport_youtube_table_clear (table);
      return NULL;
    }
  return entry;
}

static gboolean
has_file (RapportArchive    *archive,
          const TakeoutFile *file)
{
  RapportYoutubeTable table = { 0 };
  gboolean found = open_file (&table, archive, file, NULL) != NULL;

  rapport_youtube_table_clear (&table);
  return found;
}

gboolean
rapport_youtube_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return has_file (archive, &channel_file) || has_file (archive, &video_file) ||
         has_file (archive, &subscription_file);
}

/* The channel of channel.csv; else a stand-in made of the export's name. */
static gboolean
set_account (Takeout  *self,
             GError  **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_YOUTUBE, NULL, NULL, NULL, FALSE };
  RapportYoutubeTable table = { self->sink, self->cancellable, NULL, NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *stand_in = NULL;
  g_autofree char *channel_id = NULL;
  g_autofree char *title = NULL;

  if (open_file (&table, self->archive, &channel_file, &local_error) != NULL)
    {
      int id_column = rapport_youtube_table_column (&table, channel_id_names);
      int title_column = rapport_youtube_table_column (&table, channel_title_names);

      if (rapport_youtube_table_next (&table, NULL))
        {
          channel_id = g_strdup (rapport_youtube_table_text (&table, id_column));
          title = g_strdup (rapport_youtube_table_text (&table, title_column));
        }
      rapport_youtube_table_clear (&table);
    }
  else if (local_error != NULL)
    rapport_import_sink_skip_error (self->sink, "channel.csv", local_error);

  if (channel_id != NULL)
    g_strstrip (channel_id);
  if (title != NULL)
    g_strstrip (title);
  account.platform_id = channel_id != NULL && *channel_id != '\0' ? channel_id : NULL;
  account.display_name = title != NULL && *title != '\0' ? title : NULL;
  account.handle = account.display_name != NULL ? account.display_name : account.platform_id;
  if (account.handle == NULL)
    {
      export_name = rapport_export_name_of_archive (self->archive, NULL);
      stand_in = rapport_export_name_get_handle (export_name, "youtube", &account.provisional);
      account.handle = stand_in != NULL ? stand_in : "YouTube";
    }
  return rapport_import_sink_set_account (self->sink, &account, error);
}

/* YouTube's upload states of a video that never became one the channel shows. */
static gboolean
is_gone (const char *state)
{
  static const char * const gone[] = { "deleted", "failed", "rejected" };

  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (gone); i++)
    if (g_ascii_strcasecmp (state, gone[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  int id, title, publish, create, state, likes, views, comments;
} VideoColumns;

/* Private and unlisted videos stay: they are the creator's posts, and Rapport does not model
 * who may see a post.  Drafts (no publish time) and deleted, failed or rejected uploads are
 * left out without a skip: they were never posts. */
static gboolean
import_video (Takeout             *self,
              RapportYoutubeTable *table,
              const VideoColumns  *columns,
              GError             **error)
{
  const char *id = rapport_youtube_table_text (table, columns->id);
  const char *when;
  g_autofree char *url = NULL;
  g_autofree char *time_id = NULL;
  g_auto(GStrv) hashtags = NULL;
  RapportPost post;

  if (is_gone (rapport_youtube_table_text (table, columns->state)))
    return TRUE;
  /* A file without a publish column dates its videos by their upload. */
  when = rapport_youtube_table_text (table, columns->publish >= 0 ? columns->publish
                                                                   : columns->create);
  if (when == NULL)
    return TRUE;

  rapport_post_init (&post);
  post.type = RAPPORT_POST_VIDEO;
  if (!rapport_youtube_parse_time (when, &post.created_at))
    {
      rapport_youtube_table_skip (table, _("no readable publish time"), when);
      return TRUE;
    }
  if (columns->id >= 0 && !rapport_youtube_is_video_id (id))
    {
      rapport_youtube_table_skip (table, _("no video id"), id);
      return TRUE;
    }
  if (id != NULL)
    {
      post.platform_id = id;
      post.url = url = rapport_youtube_video_url (id);
    }
  else
    /* Without an id column, the video is keyed by its time, as records without ids are. */
    post.platform_id = time_id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);

  post.text = rapport_youtube_table_text (table, columns->title);
  hashtags = rapport_text_extract_hashtags (post.text);
  post.hashtags = (const char * const *) hashtags;
  post.likes = rapport_csv_reader_get_count (table->reader, columns->likes);
  post.views = rapport_csv_reader_get_count (table->reader, columns->views);
  post.comments = rapport_csv_reader_get_count (table->reader, columns->comments);

  if (post.created_at > self->newest && rapport_time_is_valid (post.created_at))
    self->newest = post.created_at;
  return rapport_import_sink_add_post (self->sink, &post, error);
}

static gboolean
import_videos (Takeout  *self,
               GError  **error)
{
  RapportYoutubeTable table = { self->sink, self->cancellable, NULL, NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  VideoColumns columns;

  if (open_file (&table, self->archive, &video_file, &local_error) == NULL)
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (self->sink, "videos.csv", local_error);
      return TRUE;
    }

  columns.id = rapport_youtube_table_column (&table, video_id_names);
  columns.title = rapport_youtube_table_column (&table, video_title_names);
  columns.publish = rapport_youtube_table_column (&table, publish_names);
  columns.create = rapport_youtube_table_column (&table, create_names);
  columns.state = rapport_youtube_table_column (&table, NAMES ("Video State", "State"));
  columns.likes = rapport_youtube_table_column (&table, NAMES ("Like Count", "Likes"));
  columns.views = rapport_youtube_table_column (&table, NAMES ("View Count", "Views"));
  columns.comments = rapport_youtube_table_column (&table, NAMES ("Comment Count"));

  while (rapport_youtube_table_next (&table, &local_error))
    {
      if (!import_video (self, &table, &columns, error))
        {
          rapport_youtube_table_clear (&table);
          return FALSE;
        }
    }
  rapport_youtube_table_clear (&table);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_subscriptions (Takeout  *self,
                      GError  **error)
{
  RapportYoutubeTable table = { self->sink, self->cancellable, NULL, NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  int id_column, title_column;

  if (open_file (&table, self->archive, &subscription_file, &local_error) == NULL)
    {
      if (local_error != NULL)
        rapport_import_sink_skip_error (self->sink, "subscriptions.csv", local_error);
      return TRUE;
    }
  id_column = rapport_youtube_table_column (&table, channel_id_names);
  title_column = rapport_youtube_table_column (&table, NAMES ("Channel Title", "Title"));

  if (!rapport_import_sink_begin_list (self->sink, RAPPORT_DIRECTION_FOLLOWING, error))
    {
      rapport_youtube_table_clear (&table);
      return FALSE;
    }
  while (rapport_youtube_table_next (&table, &local_error))
    {
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, NULL, NULL, 0 };

      relation.platform_id = rapport_youtube_table_text (&table, id_column);
      relation.handle = rapport_youtube_table_text (&table, title_column);
      if (relation.platform_id == NULL)
        {
          rapport_youtube_table_skip (&table, _("no channel id"), relation.handle);
          continue;
        }
      if (!rapport_import_sink_add_relation (self->sink, &relation, error))
        {
          rapport_youtube_table_clear (&table);
          return FALSE;
        }
    }
  rapport_import_sink_end_list (self->sink);
  rapport_youtube_table_clear (&table);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_youtube_import (RapportArchive     *archive,
                        RapportImportSink  *sink,
                        GCancellable       *cancellable,
                        GError            **error)
{
  Takeout self = { archive, sink, cancellable, 0 };
  g_autofree char *export_name = NULL;
  RapportDateSource date_source;
  gint64 exported_at;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_youtube_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no channel.csv, videos.csv or subscriptions.csv of a "
                     "YouTube Takeout in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  if (!set_account (&self, error) || !import_videos (&self, error) ||
      !import_subscriptions (&self, error))
    return FALSE;

  /* Takeout names its zips "takeout-20240912T080000Z-001.zip". */
  export_name = rapport_export_name_of_archive (archive, NULL);
  date_source = rapport_export_name_date_of (export_name, self.newest,
                                             rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
