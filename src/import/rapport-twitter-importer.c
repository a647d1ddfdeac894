/* rapport-twitter-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the files of an X archive and its analytics and reads them in the order the sink wants:
 * the account, the posts, the follow lists (named by the posts), the likes, the analytics, and
 * last the export date.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"
#include "import/rapport-twitter-private.h"

#define ANALYTICS_PREFIX "tweet_activity_metrics_"
#define ANALYTICS_PATTERN "tweet_activity_metrics_*.csv"

static void
twitter_import_clear (RapportTwitterImport *self)
{
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->post_ids, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->contents, g_ptr_array_unref);
  g_clear_pointer (&self->overviews, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportTwitterImport, twitter_import_clear)

const char *
rapport_twitter_find_data_entry (RapportArchive *archive,
                                 const char     *name)
{
  g_autofree char *path = g_strconcat ("data/", name, NULL);
  const char * const *entries;
  const char *found;
  guint n_entries;

  if ((found = rapport_archive_find (archive, path)) != NULL)
    return found;

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (entries[i], name) == 0)
        return entries[i];
    }

  return NULL;
}

static char *
dirname_of (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash != NULL ? g_strndup (entry, slash - entry) : g_strdup ("");
}

GPtrArray *
rapport_twitter_find_data_parts (RapportArchive *archive,
                                 const char     *name)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".js"));
  g_autofree char *pattern = g_strconcat (stem, "-part*.js", NULL);
  g_autofree char *folder = NULL;
  GPtrArray *found = g_ptr_array_new ();
  const char *first = rapport_twitter_find_data_entry (archive, name);

  if (first != NULL)
    {
      folder = dirname_of (first);
      g_ptr_array_add (found, (gpointer) first);
    }

  parts = rapport_archive_find_all (archive, NULL, pattern);
  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      g_autofree char *part_folder = dirname_of (part);

      if (folder == NULL)
        folder = g_strdup (part_folder);
      if (g_strcmp0 (folder, part_folder) == 0)
        g_ptr_array_add (found, (gpointer) part);
    }

  return found;
}

static const char *
base_name (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash != NULL ? slash + 1 : entry;
}

/* User names may contain underscores, so the two dates are found from the end. */
char *
rapport_twitter_analytics_user (const char *entry)
{
  g_autofree char *name = g_strdup (base_name (entry));
  g_auto(GStrv) parts = NULL;
  gsize name_len = strlen (name);
  guint n_parts;

  if (name_len <= strlen (ANALYTICS_PREFIX) + strlen (".csv") ||
      g_ascii_strncasecmp (name, ANALYTICS_PREFIX, strlen (ANALYTICS_PREFIX)) != 0 ||
      g_ascii_strcasecmp (name + name_len - strlen (".csv"), ".csv") != 0)
    return NULL;

  name[name_len - strlen (".csv")] = '\0';
  parts = g_strsplit (name + strlen (ANALYTICS_PREFIX), "_", -1);
  n_parts = g_strv_length (parts);

  /* The dates end the name, or only the language follows them. */
  for (guint i = n_parts; i >= 3 && n_parts - i <= 1; i--)
    {
      const char *from = parts[i - 2];
      const char *to = parts[i - 1];
      gboolean dates = strlen (from) == 8 && strlen (to) == 8;

      for (guint j = 0; dates && j < 8; j++)
        dates = g_ascii_isdigit (from[j]) && g_ascii_isdigit (to[j]);

      if (dates)
        {
          g_autoptr(GString) user = g_string_new (parts[0]);

          for (guint j = 1; j + 2 < i; j++)
            g_string_append_printf (user, "_%s", parts[j]);
          return user->len > 0 ? g_string_free (g_steal_pointer (&user), FALSE) : NULL;
        }
    }

  return NULL;
}

gboolean
rapport_twitter_recognizes (RapportArchive *archive)
{
  /* Any of these is enough: people keep only some files of an archive. */
  static const char * const data_files[] = {
    "data/tweets.js", "data/tweet.js", "data/manifest.js", "data/account.js", "data/follower.js",
    "data/following.js", "data/like.js", "data/note-tweet.js",
    /* Archives from before 2019 ("Grailbird") keep theirs in data/js/. */
    "user_details.js", "payload_details.js", "tweet_index.js",
  };
  g_autoptr(GPtrArray) analytics = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      if (rapport_archive_find (archive, data_files[i]) != NULL)
        return TRUE;
    }

  posts = rapport_twitter_find_posts (archive);
  if (posts->len > 0)
    return TRUE;

  analytics = rapport_archive_find_all (archive, NULL, ANALYTICS_PATTERN);
  return analytics->len > 0;
}

const RapportJsonValue *
rapport_twitter_unwrap (const RapportJsonValue *element,
                        const char             *wrapper)
{
  const RapportJsonValue *inner;

  if (element->kind != RAPPORT_JSON_OBJECT)
    return NULL;

  inner = rapport_json_value_get_object (element, wrapper);
  return inner != NULL ? inner : element;
}

gboolean
rapport_twitter_skip_record (RapportTwitterImport *self,
                             const char           *format,
                             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  rapport_import_sink_skip (self->sink, self->entry, reason);
  return TRUE;
}

gboolean
rapport_twitter_read_js_array (RapportTwitterImport  *self,
                               const char            *entry,
                               RapportJsonArrayFunc   func,
                               GError               **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  /* Read as a stream, zipped or not: a 190 MB tweets.js is never in memory whole. */
  self->entry = entry;
  return rapport_json_array_foreach_entry (self->archive, entry, func, self, self->cancellable,
                                           error);
}

/* A small file read whole: no list in it is left for later. */
RapportJsonTree *
rapport_twitter_read_js_document (RapportTwitterImport  *self,
                                  const char            *entry,
                                  GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) json = NULL;

  if (!(bytes = rapport_archive_read (self->archive, entry, NULL, error)))
    return NULL;

  json = rapport_json_strip_js_prefix (bytes);
  return rapport_json_tree_parse (json, entry, G_MAXSIZE, RAPPORT_JSON_TREE_NONE, error);
}

/* Nothing of profile.js is used yet; a broken one is named in the summary. */
static void
check_profile (RapportTwitterImport *self)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;
  const char *entry = rapport_twitter_find_data_entry (self->archive, "profile.js");

  if (entry != NULL && !(tree = rapport_twitter_read_js_document (self, entry, &local_error)))
    rapport_import_sink_skip_error (self->sink, entry, local_error);
}

static gboolean
relations_batch (const RapportJsonValue  *elements,
                 guint                    n_elements,
                 guint64                  first_index,
                 gpointer                 user_data,
                 GError                 **error)
{
  RapportTwitterImport *self = user_data;
  const char *wrapper = self->direction == RAPPORT_DIRECTION_FOLLOWER ? "follower" : "following";

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *object = rapport_twitter_unwrap (&elements[i], wrapper);
      RapportRelation relation = { self->direction, NULL, NULL, 0 };

      if (object == NULL ||
          (relation.platform_id = rapport_json_value_get_string (object, "accountId")) == NULL ||
          *relation.platform_id == '\0')
        {
          rapport_twitter_skip_record (self, _("item %'" PRIu64 " is an account without an id"),
                                       first_index + i + 1);
          continue;
        }
      /* The list has ids only; the posts read before it name some of them. */
      relation.handle = rapport_twitter_name_of (self, relation.platform_id);

      if (!rapport_import_sink_add_relation (self->sink, &relation, error))
        return FALSE;
    }

  rapport_import_sink_progress (self->sink, self->entry, first_index + n_elements);
  return TRUE;
}

static gboolean
likes_batch (const RapportJsonValue  *elements,
             guint                    n_elements,
             guint64                  first_index,
             gpointer                 user_data,
             GError                 **error)
{
  RapportTwitterImport *self = user_data;
  RapportInteraction interaction = { RAPPORT_INTERACTION_LIKE, NULL, 0, NULL };

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *like = rapport_twitter_unwrap (&elements[i], "like");

      if (like == NULL || rapport_json_value_get_string (like, "tweetId") == NULL)
        {
          rapport_twitter_skip_record (self, _("item %'" PRIu64 " is not a liked post"),
                                       first_index + i + 1);
          continue;
        }

      if (!rapport_import_sink_add_interaction (self->sink, &interaction, error))
        return FALSE;
    }

  rapport_import_sink_progress (self->sink, self->entry, first_index + n_elements);
  return TRUE;
}

static gboolean
read_relations (RapportTwitterImport  *self,
                const char            *name,
                RapportDirection       direction,
                gboolean              *found,
                GError               **error)
{
  g_autoptr(GPtrArray) entries = rapport_twitter_find_data_parts (self->archive, name);

  if (entries->len == 0)
    return TRUE;

  *found = TRUE;
  if (!rapport_import_sink_begin_list (self->sink, direction, error))
    return FALSE;

  self->direction = direction;
  for (guint i = 0; i < entries->len; i++)
    {
      if (!rapport_twitter_read_js_array (self, g_ptr_array_index (entries, i), relations_batch,
                                          error))
        return FALSE;
    }
  rapport_import_sink_end_list (self->sink);

  return TRUE;
}

gboolean
rapport_twitter_add_analytics_post (RapportTwitterImport  *self,
                                    RapportPost           *post,
                                    const char            *raw_text,
                                    const char            *link,
                                    const char            *username,
                                    GError               **error)
{
  g_auto(GStrv) hashtags = NULL;
  g_auto(GStrv) mentions = NULL;
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;

  text = g_utf8_make_valid (raw_text != NULL ? raw_text : "", -1);
  hashtags = rapport_text_extract_hashtags (text);
  mentions = rapport_text_extract_mentions (text);

  /* The files do not say what a post is; its text tells reposts and replies. */
  if (g_str_has_prefix (text, "RT @"))
    post->type = RAPPORT_POST_REPOST;
  else if (text[0] == '@')
    post->type = RAPPORT_POST_REPLY;
  else
    post->type = RAPPORT_POST_TEXT;
  post->text = *text != '\0' ? text : NULL;
  if (link != NULL && *link != '\0')
    post->url = link;
  else
    post->url = url = rapport_platform_post_url (RAPPORT_PLATFORM_TWITTER, username,
                                                        post->platform_id);
  post->hashtags = (const char * const *) hashtags;
  post->mentions = (const char * const *) mentions;

  if (!rapport_import_sink_add_post (self->sink, post, error))
    return FALSE;

  if (post->created_at > self->newest && rapport_time_is_valid (post->created_at))
    self->newest = post->created_at;
  return TRUE;
}

static int
require_column (RapportCsvReader  *reader,
                const char        *entry,
                const char        *name,
                GError           **error)
{
  int column = rapport_csv_reader_find_column (reader, name);

  if (column < 0)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                 _("%s: the column “%s” is missing"), entry, name);
  return column;
}

static gboolean
import_analytics (RapportTwitterImport  *self,
                  const char            *entry,
                  GError               **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_user = rapport_twitter_analytics_user (entry);
  const char *username = file_user != NULL ? file_user : self->username;
  int col_id, col_link, col_text, col_time;
  int col_impressions, col_engagements, col_retweets, col_replies, col_likes, col_follows;
  guint64 rows = 0;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (!(reader = rapport_csv_reader_open (self->archive, entry, RAPPORT_CSV_DEFAULT,
                                         self->cancellable, error)))
    return FALSE;

  self->entry = entry;
  if (!rapport_csv_reader_read_header (reader, error))
    return FALSE;

  if ((col_id = require_column (reader, entry, "Tweet id", error)) < 0 ||
      (col_time = require_column (reader, entry, "time", error)) < 0)
    return FALSE;
  col_link = rapport_csv_reader_find_column (reader, "Tweet permalink");
  col_text = rapport_csv_reader_find_column (reader, "Tweet text");
  col_impressions = rapport_csv_reader_find_column (reader, "impressions");
  col_engagements = rapport_csv_reader_find_column (reader, "engagements");
  col_retweets = rapport_csv_reader_find_column (reader, "retweets");
  col_replies = rapport_csv_reader_find_column (reader, "replies");
  col_follows = rapport_csv_reader_find_column (reader, "follows");
  /* Files from before 2020 say "favorites". */
  col_likes = rapport_csv_reader_find_column (reader, "likes");
  if (col_likes < 0)
    col_likes = rapport_csv_reader_find_column (reader, "favorites");

  while (rapport_csv_reader_next (reader, &local_error))
    {
      const char *id = rapport_csv_reader_get_column (reader, col_id);
      const char *when = rapport_csv_reader_get_column (reader, col_time);
      RapportPost post;
      gint64 at;

      if (++rows % RAPPORT_TWITTER_CSV_PROGRESS_ROWS == 0)
        {
          rapport_import_sink_progress (self->sink, entry, rows);
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
        }

      if (id == NULL || *id == '\0')
        {
          rapport_twitter_skip_record (self, _("the row on line %u has no post id"),
                                       rapport_csv_reader_get_line (reader));
          continue;
        }
      if (when == NULL || !rapport_date_parse_analytics (when, &at))
        {
          rapport_twitter_skip_record (self, _("post %s has no readable date"), id);
          continue;
        }

      rapport_post_init (&post);
      post.platform_id = id;
      post.created_at = at;
      post.impressions = rapport_csv_reader_get_count (reader, col_impressions);
      post.engagements = rapport_csv_reader_get_count (reader, col_engagements);
      post.shares = rapport_csv_reader_get_count (reader, col_retweets);
      post.replies = rapport_csv_reader_get_count (reader, col_replies);
      post.likes = rapport_csv_reader_get_count (reader, col_likes);
      post.follows = rapport_csv_reader_get_count (reader, col_follows);
      if (!rapport_twitter_add_analytics_post (self, &post,
                                               rapport_csv_reader_get_column (reader, col_text),
                                               rapport_csv_reader_get_column (reader, col_link),
                                               username, error))
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

gboolean
rapport_twitter_import (RapportArchive     *archive,
                        RapportImportSink  *sink,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_auto(RapportTwitterImport) self = { 0 };
  g_autoptr(GPtrArray) analytics = NULL;
  g_autoptr(GPtrArray) tweets = NULL;
  g_autoptr(GPtrArray) likes = NULL;
  gboolean has_relations = FALSE;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.archive = archive;
  self.sink = sink;
  self.cancellable = cancellable;

  analytics = rapport_archive_find_all (archive, NULL, ANALYTICS_PATTERN);
  tweets = rapport_twitter_find_posts (archive);
  likes = rapport_twitter_find_data_parts (archive, "like.js");
  rapport_twitter_find_exports (&self);

  if (!rapport_twitter_read_account (&self, analytics, error))
    return FALSE;

  check_profile (&self);

  /* The posts come before the follow lists: their mentions and replies name the ids. */
  if (!rapport_twitter_read_posts (&self, tweets, error))
    return FALSE;

  if (!read_relations (&self, "follower.js", RAPPORT_DIRECTION_FOLLOWER, &has_relations, error) ||
      !read_relations (&self, "following.js", RAPPORT_DIRECTION_FOLLOWING, &has_relations, error))
    return FALSE;

  for (guint i = 0; i < likes->len; i++)
    {
      if (!rapport_twitter_read_js_array (&self, g_ptr_array_index (likes, i), likes_batch, error))
        return FALSE;
    }

  for (guint i = 0; i < analytics->len; i++)
    {
      if (!import_analytics (&self, g_ptr_array_index (analytics, i), error))
        return FALSE;
    }
  if (!rapport_twitter_read_exports (&self, error))
    return FALSE;

  if (tweets->len == 0 && analytics->len == 0 && likes->len == 0 && !has_relations &&
      self.contents->len == 0 && self.overviews->len == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: the archive holds no posts, followers, followed accounts or likes"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  rapport_twitter_set_export_date (&self);
  return TRUE;
}
