/* rapport-meta-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads Meta Business Suite's per-post CSV for Instagram.  Columns are found by name, since
 * their order changes between versions.  The file's rows carry Meta's post ids, which the data
 * export does not know: an Instagram export keys its posts by creation time.  The rows' publish
 * time is written to the minute only, so each post is marked RapportPost.minute_only and the
 * store joins it to a post of the account created within that minute.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"
#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-meta-analytics.h"

/* How many CSV rows pass between two progress reports. */
#define CSV_PROGRESS_ROWS 2000

#define NAMES(...) ((const char * const[]) { __VA_ARGS__, NULL })

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  const char *entry;
  gint64 newest;
} MetaImport;

/* The header that makes a CSV this export: Facebook's per-post file has the same three columns
 * but names a page rather than an account. */
static gboolean
is_instagram_posts_header (RapportCsvReader *reader)
{
  return rapport_csv_reader_find_column (reader, "Post ID") >= 0 &&
         rapport_csv_reader_find_column (reader, "Publish time") >= 0 &&
         rapport_csv_reader_find_column (reader, "Permalink") >= 0 &&
         rapport_csv_reader_find_column (reader, "Page ID") < 0;
}

/* A reader at the first row of @entry when it is this export; NULL otherwise, with @error set
 * only when the entry could not be read. */
static RapportCsvReader *
open_posts_csv (RapportArchive  *archive,
                const char      *entry,
                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;

  if (!(bytes = rapport_archive_read (archive, entry, NULL, error)))
    return NULL;

  reader = rapport_csv_reader_new (bytes, entry);
  if (!rapport_csv_reader_read_header (reader, NULL) || !is_instagram_posts_header (reader))
    return NULL;
  return g_steal_pointer (&reader);
}

/* The CSV entries that are this export, in natural order. */
static GPtrArray *
find_posts_csvs (RapportArchive *archive)
{
  g_autoptr(GPtrArray) csvs = rapport_archive_find_all (archive, NULL, "*.csv");
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < csvs->len; i++)
    {
      const char *entry = g_ptr_array_index (csvs, i);
      g_autoptr(RapportCsvReader) reader = open_posts_csv (archive, entry, NULL);

      if (reader != NULL)
        g_ptr_array_add (found, (gpointer) entry);
    }
  return found;
}

gboolean
rapport_meta_analytics_recognizes (RapportArchive *archive)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  found = find_posts_csvs (archive);
  return found->len > 0;
}

static char *
dup_field (RapportCsvReader *reader,
           int               column)
{
  const char *value = rapport_csv_reader_get_column (reader, column);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return NULL;
  stripped = g_strstrip (g_utf8_make_valid (value, -1));
  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* The file's name without its extensions, as a stand-in for an account no row names. */
static char *
stand_in_name (RapportArchive *archive)
{
  char *name = rapport_export_name_strip (rapport_archive_get_name (archive));

  return name != NULL ? name : g_strdup ("instagram");
}

/* The first row that names the account, in any of the files. */
static gboolean
set_account (MetaImport  *self,
             GPtrArray   *entries,
             GError     **error)
{
  g_autofree char *handle = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *name = NULL;
  RapportAccountInfo info = { RAPPORT_PLATFORM_INSTAGRAM, NULL, NULL, NULL, FALSE };

  for (guint i = 0; i < entries->len && handle == NULL; i++)
    {
      const char *entry = g_ptr_array_index (entries, i);
      g_autoptr(RapportCsvReader) reader = NULL;
      int col_user, col_id, col_name;

      if (!(reader = open_posts_csv (self->archive, entry, error)))
        return FALSE;
      col_user = rapport_csv_reader_find_column (reader, "Account username");
      col_id = rapport_csv_reader_find_column (reader, "Account ID");
      col_name = rapport_csv_reader_find_column (reader, "Account name");
      while (handle == NULL && rapport_csv_reader_next (reader, NULL))
        {
          if ((handle = dup_field (reader, col_user)) == NULL)
            continue;
          account_id = dup_field (reader, col_id);
          name = dup_field (reader, col_name);
        }
    }

  if (handle != NULL && handle[0] == '@')
    memmove (handle, handle + 1, strlen (handle));
  if (handle == NULL || *handle == '\0')
    {
      g_free (handle);
      handle = stand_in_name (self->archive);
      info.provisional = TRUE;
    }
  info.handle = handle;
  info.platform_id = account_id;
  info.display_name = name;
  return rapport_import_sink_set_account (self->sink, &info, error);
}

static RapportPostType
post_type (const char *text)
{
  static const struct { const char *name; RapportPostType type; } types[] = {
    { "IG reel", RAPPORT_POST_REEL },
    { "IG image", RAPPORT_POST_PHOTO },
    { "IG carousel", RAPPORT_POST_CAROUSEL },
    { "IG video", RAPPORT_POST_VIDEO },
    { "IG story", RAPPORT_POST_STORY },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (types); i++)
    {
      if (g_ascii_strcasecmp (text, types[i].name) == 0)
        return types[i].type;
    }
  /* Not known: the store keeps a more specific type an export gave. */
  return RAPPORT_POST_TEXT;
}

typedef struct
{
  int id, text, time, link, type, comment;
  int views, reach, likes, shares, follows, comments, saves;
} Columns;

static void
find_columns (RapportCsvReader *reader,
              Columns          *columns)
{
  columns->id = rapport_csv_reader_find_column_any (reader, NAMES ("Post ID"));
  columns->text = rapport_csv_reader_find_column_any (reader, NAMES ("Description", "Caption"));
  columns->time = rapport_csv_reader_find_column_any (reader, NAMES ("Publish time"));
  columns->link = rapport_csv_reader_find_column_any (reader, NAMES ("Permalink"));
  columns->type = rapport_csv_reader_find_column_any (reader, NAMES ("Post type"));
  columns->comment = rapport_csv_reader_find_column_any (reader, NAMES ("Data comment"));
  columns->views = rapport_csv_reader_find_column_any (reader, NAMES ("Views", "Plays"));
  columns->reach = rapport_csv_reader_find_column_any (reader, NAMES ("Reach"));
  columns->likes = rapport_csv_reader_find_column_any (reader, NAMES ("Likes"));
  columns->shares = rapport_csv_reader_find_column_any (reader, NAMES ("Shares"));
  columns->follows = rapport_csv_reader_find_column_any (reader, NAMES ("Follows"));
  columns->comments = rapport_csv_reader_find_column_any (reader, NAMES ("Comments"));
  columns->saves = rapport_csv_reader_find_column_any (reader, NAMES ("Saves"));
}

static gboolean
import_row (MetaImport        *self,
            RapportCsvReader  *reader,
            const Columns     *columns,
            GError           **error)
{
  g_autofree char *id = dup_field (reader, columns->id);
  g_autofree char *text = dup_field (reader, columns->text);
  g_autofree char *url = dup_field (reader, columns->link);
  g_autofree char *when = dup_field (reader, columns->time);
  g_auto(GStrv) hashtags = NULL;
  g_auto(GStrv) mentions = NULL;
  RapportPost post;
  gint64 at;

  if (id == NULL)
    {
      g_autofree char *comment = dup_field (reader, columns->comment);

      g_autofree char *reason = NULL;

      /* Meta writes such a row where it could not get a post's data. */
      if (comment != NULL)
        reason = g_strdup_printf (_("the row on line %u has no post id: %s"),
                                  rapport_csv_reader_get_line (reader), comment);
      else
        reason = g_strdup_printf (_("the row on line %u has no post id"),
                                  rapport_csv_reader_get_line (reader));
      rapport_import_sink_skip (self->sink, self->entry, reason);
      return TRUE;
    }
  if (when == NULL || !rapport_date_parse_us (when, &at))
    {
      g_autofree char *reason = g_strdup_printf (_("post %s has no readable publish time"), id);

      rapport_import_sink_skip (self->sink, self->entry, reason);
      return TRUE;
    }

  hashtags = rapport_text_extract_hashtags (text);
  mentions = rapport_text_extract_mentions (text);

  rapport_post_init (&post);
  post.platform_id = id;
  post.type = post_type (rapport_csv_reader_get_column (reader, columns->type));
  post.created_at = at;
  post.minute_only = TRUE;
  post.text = text;
  post.url = url;
  post.views = rapport_csv_reader_get_count (reader, columns->views);
  post.reach = rapport_csv_reader_get_count (reader, columns->reach);
  post.likes = rapport_csv_reader_get_count (reader, columns->likes);
  post.shares = rapport_csv_reader_get_count (reader, columns->shares);
  post.follows = rapport_csv_reader_get_count (reader, columns->follows);
  post.comments = rapport_csv_reader_get_count (reader, columns->comments);
  post.saves = rapport_csv_reader_get_count (reader, columns->saves);
  post.hashtags = (const char * const *) hashtags;
  post.mentions = (const char * const *) mentions;

  if (!rapport_import_sink_add_post (self->sink, &post, error))
    return FALSE;

  if (at > self->newest && rapport_time_is_valid (at))
    self->newest = at;
  return TRUE;
}

static gboolean
import_file (MetaImport  *self,
             const char  *entry,
             GError     **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  Columns columns;
  guint64 rows = 0;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!(reader = open_posts_csv (self->archive, entry, error)))
    return FALSE;

  self->entry = entry;
  find_columns (reader, &columns);
  while (rapport_csv_reader_next (reader, &local_error))
    {
      if (++rows % CSV_PROGRESS_ROWS == 0)
        {
          rapport_import_sink_progress (self->sink, entry, rows);
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
        }
      if (!import_row (self, reader, &columns, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rapport_import_sink_progress (self->sink, entry, rows);
  return TRUE;
}

/* The name gives the range's end; a file inside an archive may carry it when the archive's
 * name does not. */
static gint64
date_from_names (RapportArchive *archive,
                 GPtrArray      *entries)
{
  gint64 date = 0;

  if (rapport_date_find_last_month_day_year (rapport_archive_get_name (archive), &date))
    return date;
  for (guint i = 0; i < entries->len; i++)
    {
      if (rapport_date_find_last_month_day_year (g_ptr_array_index (entries, i), &date))
        return date;
    }
  return 0;
}

gboolean
rapport_meta_analytics_import (RapportArchive     *archive,
                               RapportImportSink  *sink,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  MetaImport self = { archive, sink, cancellable, NULL, 0 };
  RapportDateSource source;
  gint64 exported_at = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = find_posts_csvs (archive);
  if (entries->len == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s holds no Meta Business Suite post analytics"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  if (!set_account (&self, entries, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!import_file (&self, g_ptr_array_index (entries, i), error))
        return FALSE;
    }

  source = rapport_export_name_choose_date (date_from_names (archive, entries), self.newest,
                                            rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, source);
  return TRUE;
}
