/* rapport-threads-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Threads part of an Instagram export, read with the Instagram importer's readers: the
 * same scope, rows, text repair, profile and export date.  Its files hold no counts.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"
#include "import/rapport-threads-importer.h"

#define THREADS_FOLDER "threads"

/* The files read, by name in the Threads folder. */
#define POSTS_PATTERN "threads_and_replies*.json"
#define LIKES_FILE "liked_threads.json"
#define PROFILE_FILE "personal_information.json"

/* Whether @entry lies in the Threads folder of an Instagram export: your_instagram_activity/
 * threads/, or threads/ at the top when the export holds nothing else (the archive drops the
 * folders that every entry shares). */
static gboolean
is_threads_entry (const char *entry)
{
  const char *slash = strrchr (entry, '/');
  g_autofree char *folder = NULL;
  const char *parent_end;
  const char *parent;

  if (slash == NULL)
    return FALSE;
  folder = g_strndup (entry, slash - entry);
  if (!g_str_has_suffix (folder, THREADS_FOLDER))
    return FALSE;
  parent_end = folder + strlen (folder) - strlen (THREADS_FOLDER);
  if (parent_end == folder)
    return TRUE;
  if (parent_end[-1] != '/')
    return FALSE;
  parent = g_strrstr_len (folder, parent_end - 1 - folder, "/");
  parent = parent != NULL ? parent + 1 : folder;
  return (gsize) (parent_end - 1 - parent) == strlen ("your_instagram_activity") &&
         strncmp (parent, "your_instagram_activity", strlen ("your_instagram_activity")) == 0;
}

static gboolean
is_threads_base_name (const char *base)
{
  g_autoptr(GPatternSpec) posts = g_pattern_spec_new (POSTS_PATTERN);
  g_autoptr(GPatternSpec) lists = g_pattern_spec_new ("follow*.json");

  return g_pattern_spec_match_string (posts, base) ||
         g_pattern_spec_match_string (lists, base) || strcmp (base, LIKES_FILE) == 0;
}

gboolean
rapport_threads_recognizes (RapportArchive *archive)
{
  const char * const *entries;
  guint n_entries = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const char *slash = strrchr (entries[i], '/');

      if (slash != NULL && is_threads_entry (entries[i]) && is_threads_base_name (slash + 1))
        return TRUE;
    }
  return FALSE;
}

gboolean
rapport_threads_recognizes_alone (RapportArchive *archive)
{
  RapportInstagramImport scope;
  gboolean instagram;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  if (!rapport_threads_recognizes (archive))
    return FALSE;
  rapport_instagram_import_init (&scope, archive, NULL, NULL);
  instagram = rapport_instagram_has_own_files (&scope);
  rapport_instagram_import_clear (&scope);
  return !instagram;
}

/* The Instagram export's entries in its Threads folder that match @pattern, or the files
 * @stem.json, @stem_1.json … when @numbered. */
static GPtrArray *
find_threads_files (RapportInstagramImport *self,
                    const char             *pattern,
                    gboolean                numbered)
{
  GPtrArray *found = numbered
    ? rapport_instagram_find_numbered (self, THREADS_FOLDER, pattern, ".json")
    : rapport_instagram_find_all (self, THREADS_FOLDER, pattern);

  for (guint i = found->len; i > 0; i--)
    {
      if (!is_threads_entry (g_ptr_array_index (found, i - 1)))
        g_ptr_array_remove_index (found, i - 1);
    }
  return found;
}

/* ── the account ─────────────────────────────────────────────────────────────────────────── */

/* threads/personal_information.json: {"text_post_app_text_post_app_profile": [{
 * "string_map_data": {"Username": {"value": …}, "Name": {"value": …}}}]}.  A damaged file is
 * named and passed over: the Instagram profile and the export's names may still say whose it
 * is. */
static gboolean
read_profile (RapportInstagramImport  *self,
              const char              *entry,
              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, &local_error);
  const RapportJsonValue *rows;
  const RapportJsonValue *map;
  g_autofree char *handle = NULL;

  if (tree == NULL)
    {
      if (!g_error_matches (local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      rapport_import_sink_skip_error (self->sink, entry, local_error);
      return TRUE;
    }

  rows = rapport_instagram_root_rows (rapport_json_tree_get_root (tree));
  map = rapport_json_value_get_object (rapport_instagram_array_get_object (rows, 0),
                                       "string_map_data");
  handle = rapport_instagram_repair_text (rapport_instagram_label_value (map, "Username"));
  if (handle == NULL || g_strstrip (handle)[0] == '\0')
    return TRUE;

  self->handle = g_steal_pointer (&handle);
  g_clear_pointer (&self->display_name, g_free);
  self->display_name = rapport_instagram_repair_text (rapport_instagram_label_value (map,
                                                                                     "Name"));
  if (self->display_name != NULL && g_strstrip (self->display_name)[0] == '\0')
    g_clear_pointer (&self->display_name, g_free);
  return TRUE;
}

/* Threads' own profile, else the Instagram account's: a Threads profile has its handle. */
static gboolean
read_account (RapportInstagramImport  *self,
              RapportAccountInfo      *account,
              GError                 **error)
{
  g_autoptr(GPtrArray) profiles = find_threads_files (self, PROFILE_FILE, FALSE);

  if (profiles->len > 0 && !read_profile (self, g_ptr_array_index (profiles, 0), error))
    return FALSE;
  if (self->handle != NULL)
    {
      account->handle = self->handle;
      account->display_name = self->display_name;
    }
  else if (!rapport_instagram_read_account (self, account, error))
    {
      return FALSE;
    }
  account->platform = RAPPORT_PLATFORM_THREADS;
  return TRUE;
}

/* ── the follow lists ────────────────────────────────────────────────────────────────────── */

/* {"title": display name, "string_list_data": [{"href": "https://www.threads.com/<user>",
 * "value": "<user>", "timestamp": …}]}.  The title is the display name, never the user name;
 * older links read https://www.threads.net/@<user>. */
static gboolean
relation_row (RapportInstagramImport  *self,
              const char              *entry,
              const RapportJsonValue  *row,
              gpointer                 user_data,
              GError                 **error)
{
  RapportDirection direction = GPOINTER_TO_INT (user_data);
  const RapportJsonValue *item =
    rapport_instagram_array_get_object (rapport_json_value_get_array (row, "string_list_data"),
                                        0);
  const char *value = rapport_json_value_get_string (item, "value");
  g_autofree char *from_link = NULL;

  if (row->kind != RAPPORT_JSON_OBJECT)
    {
      rapport_import_sink_skip (self->sink, entry, _("a row that does not describe an account"));
      return TRUE;
    }
  if (value == NULL || value[0] == '\0')
    value = from_link =
      rapport_instagram_user_from_href (rapport_json_value_get_string (item, "href"));
  return rapport_instagram_add_relation (self, entry, direction, value,
                                         rapport_instagram_value_time (
                                           rapport_json_value_get_member (item, "timestamp")),
                                         error);
}

static gboolean
read_list (RapportInstagramImport  *self,
           RapportDirection         direction,
           GError                 **error)
{
  g_autoptr(GPtrArray) files =
    find_threads_files (self, direction == RAPPORT_DIRECTION_FOLLOWER ? "followers"
                                                                      : "following", TRUE);

  for (guint i = 0; i < files->len; i++)
    {
      const char *entry = g_ptr_array_index (files, i);

      if (!rapport_instagram_begin_list (self, direction, error) ||
          !rapport_instagram_read_rows (self, entry, relation_row, GINT_TO_POINTER (direction),
                                        error, _("%s: the file does not hold a list of accounts"),
                                        entry))
        return FALSE;
      rapport_import_sink_progress (self->sink, entry, self->n_records);
    }
  rapport_instagram_end_list (self);
  return TRUE;
}

/* ── threads and replies ─────────────────────────────────────────────────────────────────── */

typedef struct
{
  /* The ids given so far: the parts of a thread posted at once share their second. */
  GHashTable *ids;
} Posts;

/* "text_app_post": {"is_reply": true} on the post or on one of its media. */
static gboolean
is_reply (const RapportJsonValue *object)
{
  const RapportJsonValue *flag =
    rapport_json_value_get_member (rapport_json_value_get_object (object, "text_app_post"),
                                   "is_reply");

  if (flag == NULL)
    return FALSE;
  if (flag->kind == RAPPORT_JSON_BOOLEAN)
    return flag->length != 0;
  return flag->kind == RAPPORT_JSON_STRING && g_ascii_strcasecmp (flag->text, "true") == 0;
}

/* A reply; else by its media: several make a carousel, one a photo or a video, none a text. */
static RapportPostType
post_type (const RapportJsonValue *row,
           const RapportJsonValue *media)
{
  guint n_media = 0;
  gboolean video = FALSE;
  gboolean reply = is_reply (row);

  for (guint i = 0; media != NULL && i < media->length; i++)
    {
      const RapportJsonValue *item = rapport_instagram_array_get_object (media, i);
      const char *uri = rapport_json_value_get_string (item, "uri");

      reply |= is_reply (item);
      if (uri == NULL || uri[0] == '\0')
        continue;
      n_media++;
      video |= rapport_instagram_media_is_video (item);
    }

  if (reply)
    return RAPPORT_POST_REPLY;
  if (n_media > 1)
    return RAPPORT_POST_CAROUSEL;
  if (n_media == 1)
    return video ? RAPPORT_POST_VIDEO : RAPPORT_POST_PHOTO;
  return RAPPORT_POST_TEXT;
}

/* The second part of a thread posted in the same second is "<time>-2", and so on, in the order
 * of the file: every export lists them alike. */
static gboolean
emit_post (RapportInstagramImport  *self,
           Posts                   *posts,
           const char              *entry,
           RapportPostType          type,
           gint64                   created_at,
           const char              *caption,
           GError                 **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, created_at);

  for (guint n = 2; g_hash_table_contains (posts->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%" G_GINT64_FORMAT "-%u", created_at, n);
    }
  g_hash_table_add (posts->ids, g_strdup (id));

  /* No insights describe Threads' posts. */
  return rapport_instagram_emit_post_with_id (self, entry, id, type, FALSE, created_at, caption,
                                              NULL, 0, error);
}

/* Shaped like Instagram's posts: {"media": [{"title", "creation_timestamp", "uri",
 * "text_app_post": {"is_reply"}}]}, or the title and time on the post itself. */
static gboolean
post_row (RapportInstagramImport  *self,
          const char              *entry,
          const RapportJsonValue  *row,
          gpointer                 user_data,
          GError                 **error)
{
  const RapportJsonValue *media = rapport_json_value_get_array (row, "media");
  const RapportJsonValue *first = media != NULL ? rapport_instagram_array_get_object (media, 0)
                                                : row;
  const char *caption;
  gint64 created_at;

  if (row->kind != RAPPORT_JSON_OBJECT)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post that is not an object"));
      return TRUE;
    }

  caption = rapport_json_value_get_string (row, "title");
  if (caption == NULL || caption[0] == '\0')
    caption = rapport_json_value_get_string (first, "title");
  created_at = rapport_instagram_value_time (rapport_json_value_get_member (row,
                                                                            "creation_timestamp"));
  if (created_at <= 0)
    created_at = rapport_instagram_value_time (rapport_json_value_get_member (
                                                 first, "creation_timestamp"));
  if (created_at <= 0)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post without a creation time"));
      return TRUE;
    }

  return emit_post (self, user_data, entry, post_type (row, media), created_at, caption, error);
}

static gboolean
read_posts (RapportInstagramImport  *self,
            GError                 **error)
{
  g_autoptr(GPtrArray) files = find_threads_files (self, POSTS_PATTERN, FALSE);
  Posts posts = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < files->len; i++)
    {
      const char *entry = g_ptr_array_index (files, i);

      ok = rapport_instagram_read_rows (self, entry, post_row, &posts, error,
                                        _("%s: the file does not hold a list of posts"), entry);
      if (ok)
        rapport_import_sink_progress (self->sink, entry, self->n_records);
    }
  g_hash_table_unref (posts.ids);
  return ok;
}

/* ── the whole part ──────────────────────────────────────────────────────────────────────── */

static gboolean
import_part (RapportInstagramImport  *self,
             GError                 **error)
{
  g_autoptr(GPtrArray) likes = find_threads_files (self, LIKES_FILE, FALSE);
  RapportAccountInfo account = { 0 };
  gint64 exported_at = 0;

  if (!rapport_threads_recognizes (self->archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: no Threads files were found (your_instagram_activity/threads/)"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }

  if (!read_account (self, &account, error) ||
      !rapport_import_sink_set_account (self->sink, &account, error))
    return FALSE;

  if (!read_list (self, RAPPORT_DIRECTION_FOLLOWER, error) ||
      !read_list (self, RAPPORT_DIRECTION_FOLLOWING, error) ||
      !read_posts (self, error))
    return FALSE;
  for (guint i = 0; i < likes->len; i++)
    {
      if (!rapport_instagram_read_likes (self, g_ptr_array_index (likes, i), TRUE, error))
        return FALSE;
    }

  /* The day in the export's name, else the newest time in the Threads files. */
  rapport_instagram_set_export_date (self, &exported_at);
  rapport_import_sink_progress (self->sink, rapport_archive_get_name (self->archive),
                                self->n_records);
  return TRUE;
}

gboolean
rapport_threads_import (RapportArchive     *archive,
                        RapportImportSink  *sink,
                        GCancellable       *cancellable,
                        GError            **error)
{
  RapportInstagramImport self;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rapport_instagram_import_init (&self, archive, sink, cancellable);
  ok = import_part (&self, error);
  rapport_instagram_import_clear (&self);
  return ok;
}
