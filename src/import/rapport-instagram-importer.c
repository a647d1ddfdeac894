/* rapport-instagram-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the files of every Instagram export generation and reads them in the order the sink
 * wants: the account, the follow lists, the posts with their insights, the comments and likes
 * the creator gave, and last the export date with the insights follower total.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"
#include "import/rapport-json-util.h"

/* How often progress is reported and cancellation checked, in records. */
#define TICK_INTERVAL 4096

void
rapport_instagram_note_time (RapportInstagramImport *self,
                             gint64                  unix_seconds)
{
  g_assert (self != NULL);

  if (unix_seconds > self->newest)
    self->newest = unix_seconds;
}

gboolean
rapport_instagram_tick (RapportInstagramImport  *self,
                        const char              *entry,
                        GError                 **error)
{
  g_assert (self != NULL);

  self->n_records++;
  if (self->n_records % TICK_INTERVAL != 0)
    return TRUE;
  rapport_import_sink_progress (self->sink, entry, self->n_records);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

char *
rapport_instagram_user_from_href (const char *href)
{
  const char *path;
  gsize len;

  if (href == NULL)
    return NULL;

  path = strstr (href, "://");
  if (path != NULL)
    {
      path = strchr (path + 3, '/');
      if (path == NULL)
        return NULL;
    }
  else
    {
      path = href;
    }

  while (*path == '/')
    path++;
  /* 2025 links go through https://www.instagram.com/_u/<user>. */
  if (g_str_has_prefix (path, "_u/"))
    path += 3;
  len = strcspn (path, "/?#");
  if (len == 0)
    return NULL;
  return g_strndup (path, len);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }
  return TRUE;
}

/* Meta's text, repaired and made safe to store: never invalid UTF-8. */
static char *
repair_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return rapport_text_repair_mojibake (text);
}

gboolean
rapport_instagram_add_relation (RapportInstagramImport  *self,
                                const char              *entry,
                                RapportDirection         direction,
                                const char              *name,
                                gint64                   since,
                                GError                 **error)
{
  g_autofree char *handle = repair_text (name);
  RapportRelation relation = { 0 };

  g_assert (self != NULL);

  if (handle != NULL)
    g_strstrip (handle);
  if (handle == NULL || handle[0] == '\0')
    {
      rapport_import_sink_skip (self->sink, entry,
                                direction == RAPPORT_DIRECTION_FOLLOWER
                                ? _("a follower without a user name")
                                : _("a followed account without a user name"));
      return TRUE;
    }

  relation.direction = direction;
  relation.handle = handle;
  relation.since = since > 0 ? since : 0;
  rapport_instagram_note_time (self, relation.since);
  if (!rapport_import_sink_add_relation (self->sink, &relation, error))
    return FALSE;
  return rapport_instagram_tick (self, entry, error);
}

JsonArray *
rapport_instagram_require_rows (JsonNode    *root,
                                GError     **error,
                                const char  *message_format,
                                ...)
{
  JsonArray *rows = rapport_instagram_root_rows (root);
  va_list args;

  if (rows != NULL)
    return rows;
  if (error != NULL)
    {
      va_start (args, message_format);
      *error = g_error_new_valist (RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                                   message_format, args);
      va_end (args);
    }
  return NULL;
}

JsonArray *
rapport_instagram_root_rows (JsonNode *root)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (root == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_ARRAY (node))
        return json_node_get_array (node);
    }
  return NULL;
}

JsonNode *
rapport_instagram_read_json (RapportInstagramImport  *self,
                             const char              *entry,
                             GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;
  bytes = rapport_archive_read (self->archive, entry, error);
  if (bytes == NULL)
    return NULL;
  return rapport_json_parse_bytes (bytes, entry, error);
}

static JsonObject *
array_get_object (JsonArray *array,
                  guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "string_map_data": {"Label": {"value": "…", "timestamp": 0}} */
static const char *
label_value (JsonObject *map,
             const char *label)
{
  JsonObject *item = map != NULL ? rapport_json_get_object (map, label) : NULL;

  return item != NULL ? rapport_json_get_string (item, "value") : NULL;
}

static gint64
label_timestamp (JsonObject *map,
                 const char *label)
{
  JsonObject *item = map != NULL ? rapport_json_get_object (map, label) : NULL;
  gint64 when;

  if (item == NULL)
    return 0;
  when = rapport_json_get_count (item, "timestamp");
  if (when <= 0)
    when = rapport_json_get_count (item, "value");
  return when > 0 ? when : 0;
}

/* A timestamp that is either Unix seconds or, in 2020 exports, ISO 8601 text. */
static gint64
node_time (JsonNode *node)
{
  gint64 when = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    when = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    when = (gint64) json_node_get_double (node);
  else if (json_node_get_value_type (node) == G_TYPE_STRING &&
           !rapport_date_parse_iso8601 (json_node_get_string (node), &when))
    when = 0;
  return when > 0 ? when : 0;
}

/* ── discovery ───────────────────────────────────────────────────────────────────────────── */

static gboolean
is_numbered_name (const char *base,
                  const char *stem,
                  const char *extension)
{
  gsize stem_len = strlen (stem);
  const char *rest;
  gsize digits;

  if (!g_str_has_prefix (base, stem) || !g_str_has_suffix (base, extension))
    return FALSE;
  rest = base + stem_len;
  if (strcmp (rest, extension) == 0)
    return TRUE;
  if (*rest != '_')
    return FALSE;
  digits = strspn (rest + 1, "0123456789");
  return digits > 0 && strcmp (rest + 1 + digits, extension) == 0;
}

/* "followers.json", "followers_1.json", "followers_2.json" … of @folder, in natural order;
 * "following_hashtags.json" is not a list of accounts. */
static GPtrArray *
find_numbered (RapportArchive *archive,
               const char     *folder,
               const char     *stem,
               const char     *extension)
{
  g_autofree char *pattern = g_strconcat (stem, "*", extension, NULL);
  g_autoptr(GPtrArray) candidates = rapport_archive_find_all (archive, folder, pattern);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *name = g_ptr_array_index (candidates, i);
      const char *slash = strrchr (name, '/');

      if (is_numbered_name (slash != NULL ? slash + 1 : name, stem, extension))
        g_ptr_array_add (found, (gpointer) name);
    }
  return found;
}

static void
append_all (GPtrArray *to,
            GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_ptr_array_index (from, i));
  g_ptr_array_unref (from);
}

/* Own posts sit in content/ (2021–2024) or media/ (2025–). */
static GPtrArray *
find_in_post_folders (RapportArchive *archive,
                      const char     *stem,
                      gboolean        numbered)
{
  static const char * const folders[] = { "content", "media" };
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      if (numbered)
        append_all (found, find_numbered (archive, folders[i], stem, ".json"));
      else
        append_all (found, rapport_archive_find_all (archive, folders[i], stem));
    }
  return found;
}

gboolean
rapport_instagram_recognizes (RapportArchive *archive)
{
  const char * const *entries;
  guint n_entries = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const char *name = entries[i];

      if (g_str_has_prefix (name, "followers_and_following/") ||
          strstr (name, "/followers_and_following/") != NULL ||
          g_str_has_prefix (name, "your_instagram_activity/") ||
          strstr (name, "/your_instagram_activity/") != NULL ||
          g_str_has_prefix (name, "past_instagram_insights/") ||
          strstr (name, "/past_instagram_insights/") != NULL)
        return TRUE;
    }

  /* Facebook's export names its profile file differently. */
  if (rapport_archive_find (archive, "personal_information/personal_information.json") != NULL)
    return TRUE;

  /* Until 2020 everything sat in a few files at the top. */
  return rapport_archive_find (archive, "connections.json") != NULL &&
         (rapport_archive_find (archive, "profile.json") != NULL ||
          rapport_archive_find (archive, "media.json") != NULL);
}

/* ── the account ─────────────────────────────────────────────────────────────────────────── */

/* "instagram-jo.doe-2024-05-01-AbCd.zip" (2021–) or "jo.doe_20200115.zip" (until 2020). */
static char *
user_from_archive_name (const char *name)
{
  const char *p;

  if (g_ascii_strncasecmp (name, "instagram-", 10) == 0)
    {
      const char *user = name + 10;
      gsize len = strcspn (user, "-");

      p = user + len;
      if (len > 0 && *p == '-' && strlen (p + 1) >= 10 &&
          g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[4]) && p[5] == '-' && p[8] == '-')
        return g_strndup (user, len);
      return NULL;
    }

  for (p = strrchr (name, '_'); p != NULL && p > name; p = g_strrstr_len (name, p - name, "_"))
    {
      if (strspn (p + 1, "0123456789") == 8 &&
          (p[9] == '\0' || p[9] == '.' || p[9] == '_'))
        {
          for (const char *c = name; c < p; c++)
            {
              if (!g_ascii_isalnum (*c) && *c != '.' && *c != '_')
                return NULL;
            }
          return g_strndup (name, p - name);
        }
    }
  return NULL;
}

static gboolean
read_account (RapportInstagramImport  *self,
              char                   **handle,
              char                   **display_name,
              GError                 **error)
{
  const char *entry;

  entry = rapport_archive_find (self->archive, "personal_information.json");
  if (entry != NULL)
    {
      g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
      JsonObject *object;
      JsonObject *profile;
      JsonObject *map;

      if (root == NULL)
        return FALSE;
      object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      profile = object != NULL ? array_get_object (rapport_json_get_array (object, "profile_user"), 0) : NULL;
      map = profile != NULL ? rapport_json_get_object (profile, "string_map_data") : NULL;
      if (map != NULL)
        {
          const char *username = label_value (map, "Username");

          if (username == NULL)
            username = label_value (map, "Benutzername");
          *handle = repair_text (username);
          *display_name = repair_text (label_value (map, "Name"));
        }
    }

  /* Until 2020: profile.json = {"username": …, "name": …}. */
  entry = *handle == NULL && self->until_2020 ? rapport_archive_find (self->archive, "profile.json") : NULL;
  if (entry != NULL)
    {
      g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);

      if (root == NULL)
        return FALSE;
      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *object = json_node_get_object (root);

          *handle = repair_text (rapport_json_get_string (object, "username"));
          g_free (*display_name);
          *display_name = repair_text (rapport_json_get_string (object, "name"));
        }
    }

  if (*handle != NULL)
    g_strstrip (*handle);
  if (*handle == NULL || **handle == '\0')
    {
      g_free (*handle);
      *handle = user_from_archive_name (rapport_archive_get_name (self->archive));
    }
  if (*display_name != NULL && g_strstrip (*display_name)[0] == '\0')
    g_clear_pointer (display_name, g_free);

  if (*handle == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the export has no username: personal_information.json is missing "
                     "or empty, and the file name does not start with instagram-<username>-"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }
  return TRUE;
}

/* ── follow lists ────────────────────────────────────────────────────────────────────────── */

static gboolean
read_relation_files (RapportInstagramImport  *self,
                     GPtrArray               *files,
                     RapportDirection         direction,
                     gboolean                 html,
                     GError                 **error)
{
  if (files->len == 0)
    return TRUE;
  if (!rapport_import_sink_begin_list (self->sink, direction, error))
    return FALSE;
  if (!html)
    return rapport_instagram_read_relation_files_json (self, files, direction, error);
  for (guint i = 0; i < files->len; i++)
    {
      if (!rapport_instagram_read_relations_html (self, g_ptr_array_index (files, i), direction,
                                                  error))
        return FALSE;
    }
  return TRUE;
}

/* Until 2020: connections.json = {"followers": {"name": "2019-05-01T12:00:00+00:00"}, …}. */
static gboolean
read_connections (RapportInstagramImport  *self,
                  const char              *entry,
                  GError                 **error)
{
  static const struct { const char *member; RapportDirection direction; } lists[] = {
    { "followers", RAPPORT_DIRECTION_FOLLOWER },
    { "following", RAPPORT_DIRECTION_FOLLOWING },
  };
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonObject *object;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file does not hold lists of accounts"), entry);
      return FALSE;
    }
  object = json_node_get_object (root);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      JsonObject *map = rapport_json_get_object (object, lists[i].member);
      g_autoptr(GList) names = NULL;

      if (map == NULL)
        continue;
      if (!rapport_import_sink_begin_list (self->sink, lists[i].direction, error))
        return FALSE;
      names = json_object_get_members (map);
      for (const GList *l = names; l != NULL; l = l->next)
        {
          gint64 since = node_time (json_object_get_member (map, l->data));

          if (!rapport_instagram_add_relation (self, entry, lists[i].direction, l->data, since, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ── posts ───────────────────────────────────────────────────────────────────────────────── */

/* The kind of feed posts: a photo, a video or a carousel, as the post's media say. */
#define KIND_FEED (-1)

static gboolean
media_is_video (JsonObject *media)
{
  const char *uri = rapport_json_get_string (media, "uri");
  JsonObject *metadata = rapport_json_get_object (media, "media_metadata");
  g_autofree char *lower = uri != NULL ? g_ascii_strdown (uri, -1) : NULL;

  if (metadata != NULL && rapport_json_get_object (metadata, "video_metadata") != NULL)
    return TRUE;
  return lower != NULL && (g_str_has_suffix (lower, ".mp4") || g_str_has_suffix (lower, ".mov"));
}

static gboolean
emit_post (RapportInstagramImport  *self,
           const char              *entry,
           RapportPostType          type,
           gint64                   created_at,
           const char              *caption,
           const gint64            *times,
           guint                    n_times,
           GError                 **error)
{
  g_autofree char *text = repair_text (caption);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, created_at);
  g_auto(GStrv) hashtags = NULL;
  g_auto(GStrv) mentions = NULL;
  RapportPost post;

  if (is_blank (text))
    g_clear_pointer (&text, g_free);

  hashtags = rapport_text_extract_hashtags (text);
  mentions = rapport_text_extract_mentions (text);

  rapport_post_init (&post);
  post.platform_id = id;
  post.type = type;
  post.created_at = created_at;
  post.text = text;
  post.hashtags = (const char * const *) hashtags;
  post.mentions = (const char * const *) mentions;
  rapport_instagram_apply_insights (self, &post, times, n_times);

  rapport_instagram_note_time (self, created_at);
  if (!rapport_import_sink_add_post (self->sink, &post, error))
    return FALSE;
  return rapport_instagram_tick (self, entry, error);
}

/* A post is either {"media": [{…, "title", "creation_timestamp"}]} (one photo or video, its
 * caption inside), {"title", "creation_timestamp", "media": [several]} (a carousel), or, in
 * stories.json, the media item itself. */
static gboolean
read_post (RapportInstagramImport  *self,
           const char              *entry,
           JsonObject              *row,
           int                      kind,
           GError                 **error)
{
  g_autofree gint64 *times = NULL;
  JsonArray *media = rapport_json_get_array (row, "media");
  JsonObject *first = media != NULL ? array_get_object (media, 0) : row;
  guint n_media = media != NULL ? json_array_get_length (media) : 1;
  guint n_times = 0;
  const char *caption;
  gint64 created_at;
  RapportPostType type;

  caption = rapport_json_get_string (row, "title");
  if ((caption == NULL || caption[0] == '\0') && first != NULL)
    caption = rapport_json_get_string (first, "title");

  created_at = rapport_json_get_count (row, "creation_timestamp");
  if (created_at <= 0 && first != NULL)
    created_at = rapport_json_get_count (first, "creation_timestamp");
  if (created_at <= 0)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post without a creation time"));
      return TRUE;
    }

  if (kind != KIND_FEED)
    type = kind;
  else if (n_media > 1)
    type = RAPPORT_POST_CAROUSEL;
  else if (first != NULL && media_is_video (first))
    type = RAPPORT_POST_VIDEO;
  else
    type = RAPPORT_POST_PHOTO;

  /* Insights may be keyed by the post's time or by that of one of its media. */
  times = g_new0 (gint64, n_media + 1);
  times[n_times++] = created_at;
  for (guint i = 0; media != NULL && i < n_media; i++)
    {
      JsonObject *item = array_get_object (media, i);
      gint64 when = item != NULL ? rapport_json_get_count (item, "creation_timestamp") : 0;

      if (when > 0 && when != created_at)
        times[n_times++] = when;
    }

  return emit_post (self, entry, type, created_at, caption, times, n_times, error);
}

static gboolean
read_posts_file (RapportInstagramImport  *self,
                 const char              *entry,
                 int                      kind,
                 GError                 **error)
{
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonArray *rows;

  if (root == NULL)
    return FALSE;
  rows = rapport_instagram_require_rows (root, error, _("%s: the file does not hold a list of posts"),
                                         entry);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = array_get_object (rows, i);

      if (row == NULL)
        rapport_import_sink_skip (self->sink, entry, _("a post that is not an object"));
      else if (!read_post (self, entry, row, kind, error))
        return FALSE;
    }
  rapport_import_sink_progress (self->sink, entry, self->n_records);
  return TRUE;
}

/* Until 2020: media.json = {"photos": [{"caption", "taken_at", "path"}], "videos": …, "stories": …}. */
static gboolean
read_media_2020 (RapportInstagramImport  *self,
                 const char              *entry,
                 GError                 **error)
{
  static const struct { const char *member; RapportPostType type; } kinds[] = {
    { "photos", RAPPORT_POST_PHOTO },
    { "videos", RAPPORT_POST_VIDEO },
    { "stories", RAPPORT_POST_STORY },
  };
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonObject *object;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file does not hold lists of posts"), entry);
      return FALSE;
    }
  object = json_node_get_object (root);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *items = rapport_json_get_array (object, kinds[k].member);

      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *item = array_get_object (items, i);
          gint64 taken_at = item != NULL
            ? node_time (rapport_json_object_get_member_ci (item, "taken_at"))
            : 0;

          if (taken_at <= 0)
            {
              rapport_import_sink_skip (self->sink, entry, _("a post without a creation time"));
              continue;
            }
          if (!emit_post (self, entry, kinds[k].type, taken_at,
                          rapport_json_get_string (item, "caption"), &taken_at, 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_posts (RapportInstagramImport  *self,
            GError                 **error)
{
  g_autoptr(GPtrArray) feed = find_in_post_folders (self->archive, "posts", TRUE);
  g_autoptr(GPtrArray) reels = find_in_post_folders (self->archive, "reels.json", FALSE);
  g_autoptr(GPtrArray) stories = find_in_post_folders (self->archive, "stories.json", FALSE);
  const char *media_2020;

  for (guint i = 0; i < feed->len; i++)
    if (!read_posts_file (self, g_ptr_array_index (feed, i), KIND_FEED, error))
      return FALSE;
  for (guint i = 0; i < reels->len; i++)
    if (!read_posts_file (self, g_ptr_array_index (reels, i), RAPPORT_POST_REEL, error))
      return FALSE;
  for (guint i = 0; i < stories->len; i++)
    if (!read_posts_file (self, g_ptr_array_index (stories, i), RAPPORT_POST_STORY, error))
      return FALSE;

  media_2020 = self->until_2020 ? rapport_archive_find (self->archive, "media.json") : NULL;
  if (media_2020 != NULL && !read_media_2020 (self, media_2020, error))
    return FALSE;
  return TRUE;
}

/* ── comments and likes given ────────────────────────────────────────────────────────────── */

static gboolean
emit_interaction (RapportInstagramImport  *self,
                  const char              *entry,
                  RapportInteractionKind   kind,
                  const char              *target,
                  gint64                   at,
                  const char              *text,
                  GError                 **error)
{
  g_autofree char *target_repaired = repair_text (target);
  g_autofree char *text_repaired = repair_text (text);
  RapportInteraction interaction = { 0 };

  if (target_repaired != NULL && g_strstrip (target_repaired)[0] == '\0')
    g_clear_pointer (&target_repaired, g_free);

  if (target_repaired == NULL && at <= 0 && (text_repaired == NULL || text_repaired[0] == '\0'))
    {
      rapport_import_sink_skip (self->sink, entry,
                                kind == RAPPORT_INTERACTION_COMMENT
                                ? _("a comment without text, account or time")
                                : _("a like without account or time"));
      return TRUE;
    }

  interaction.kind = kind;
  interaction.target_handle = target_repaired;
  interaction.at = at > 0 ? at : 0;
  interaction.text = kind == RAPPORT_INTERACTION_COMMENT ? text_repaired : NULL;
  rapport_instagram_note_time (self, interaction.at);
  if (!rapport_import_sink_add_interaction (self->sink, &interaction, error))
    return FALSE;
  return rapport_instagram_tick (self, entry, error);
}

/* comments/post_comments_1.json: rows of {"string_map_data": {"Comment", "Media Owner", "Time"}}. */
static gboolean
read_comments_file (RapportInstagramImport  *self,
                    const char              *entry,
                    GError                 **error)
{
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonArray *rows;

  if (root == NULL)
    return FALSE;
  rows = rapport_instagram_require_rows (root, error, _("%s: the file does not hold a list of comments"),
                                         entry);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = array_get_object (rows, i);
      JsonObject *map = row != NULL ? rapport_json_get_object (row, "string_map_data") : NULL;
      gint64 at;

      if (map == NULL)
        {
          rapport_import_sink_skip (self->sink, entry, _("a comment without its details"));
          continue;
        }
      at = label_timestamp (map, "Time");
      if (at <= 0)
        at = label_timestamp (map, "Comment creation time");
      if (!emit_interaction (self, entry, RAPPORT_INTERACTION_COMMENT,
                             label_value (map, "Media Owner"), at,
                             label_value (map, "Comment"), error))
        return FALSE;
    }
  return TRUE;
}

/* likes/liked_posts.json: rows of {"title": owner, "string_list_data": [{"timestamp"}]}. */
static gboolean
read_likes_file (RapportInstagramImport  *self,
                 const char              *entry,
                 GError                 **error)
{
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonArray *rows;

  if (root == NULL)
    return FALSE;
  rows = rapport_instagram_require_rows (root, error, _("%s: the file does not hold a list of likes"),
                                         entry);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = array_get_object (rows, i);
      JsonObject *item;

      if (row == NULL)
        {
          rapport_import_sink_skip (self->sink, entry, _("a like that is not an object"));
          continue;
        }
      item = array_get_object (rapport_json_get_array (row, "string_list_data"), 0);
      if (!emit_interaction (self, entry, RAPPORT_INTERACTION_LIKE,
                             rapport_json_get_string (row, "title"),
                             item != NULL ? rapport_json_get_count (item, "timestamp") : 0,
                             NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Until 2020: comments.json {"media_comments": [[time, text, owner]]} and likes.json
 * {"media_likes": [[time, owner]]}. */
static gboolean
read_interactions_2020 (RapportInstagramImport  *self,
                        const char              *entry,
                        RapportInteractionKind   kind,
                        GError                 **error)
{
  g_autoptr(JsonNode) root = rapport_instagram_read_json (self, entry, error);
  JsonArray *rows;

  if (root == NULL)
    return FALSE;
  /* Other files of that name are not ours to read. */
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  rows = rapport_json_get_array (json_node_get_object (root),
                                 kind == RAPPORT_INTERACTION_COMMENT ? "media_comments" : "media_likes");

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonArray *row = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint length = row != NULL ? json_array_get_length (row) : 0;
      guint owner_index = kind == RAPPORT_INTERACTION_COMMENT ? 2 : 1;
      JsonNode *owner;
      JsonNode *text;

      if (length <= owner_index)
        {
          rapport_import_sink_skip (self->sink, entry,
                                    kind == RAPPORT_INTERACTION_COMMENT
                                    ? _("a comment without its details")
                                    : _("a like without its details"));
          continue;
        }
      owner = json_array_get_element (row, owner_index);
      text = kind == RAPPORT_INTERACTION_COMMENT ? json_array_get_element (row, 1) : NULL;
      if (!emit_interaction (self, entry, kind,
                             JSON_NODE_HOLDS_VALUE (owner) ? json_node_get_string (owner) : NULL,
                             node_time (json_array_get_element (row, 0)),
                             text != NULL && JSON_NODE_HOLDS_VALUE (text) ? json_node_get_string (text) : NULL,
                             error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_interactions (RapportInstagramImport  *self,
                   GError                 **error)
{
  g_autoptr(GPtrArray) comments = rapport_archive_find_all (self->archive, "comments", "post_comments*.json");
  const char *likes = rapport_archive_find (self->archive, "likes/liked_posts.json");
  const char *old;

  for (guint i = 0; i < comments->len; i++)
    if (!read_comments_file (self, g_ptr_array_index (comments, i), error))
      return FALSE;
  if (likes != NULL && !read_likes_file (self, likes, error))
    return FALSE;

  if (!self->until_2020)
    return TRUE;
  old = rapport_archive_find (self->archive, "comments.json");
  if (old != NULL && !read_interactions_2020 (self, old, RAPPORT_INTERACTION_COMMENT, error))
    return FALSE;
  old = rapport_archive_find (self->archive, "likes.json");
  if (old != NULL && !read_interactions_2020 (self, old, RAPPORT_INTERACTION_LIKE, error))
    return FALSE;
  return TRUE;
}

/* ── the whole export ────────────────────────────────────────────────────────────────────── */

/* The archive's name gives the day the export was requested ("instagram-jo-2024-05-01-…");
 * the newest timestamp inside is a lower bound of when it was made.  The later of the two is
 * the better estimate, and the timestamp wins on the same day because it is more precise. */
static void
set_export_date (RapportInstagramImport *self,
                 gint64                 *exported_at)
{
  gint64 from_name = 0;

  if (rapport_date_find_in_name (rapport_archive_get_name (self->archive), &from_name) &&
      from_name > self->newest)
    {
      *exported_at = from_name;
      rapport_import_sink_set_export_date (self->sink, from_name, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
    }
  else if (self->newest > 0)
    {
      *exported_at = self->newest;
      rapport_import_sink_set_export_date (self->sink, self->newest,
                                           RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
    }
  else
    {
      *exported_at = rapport_archive_get_mtime (self->archive);
      rapport_import_sink_set_export_date (self->sink, *exported_at, RAPPORT_DATE_SOURCE_FILE_TIME);
    }
}

static gboolean
import_export (RapportInstagramImport  *self,
               GError                 **error)
{
  g_autoptr(GPtrArray) followers = find_numbered (self->archive, "followers_and_following", "followers", ".json");
  g_autoptr(GPtrArray) following = find_numbered (self->archive, "followers_and_following", "following", ".json");
  g_autoptr(GPtrArray) followers_html = find_numbered (self->archive, "followers_and_following", "followers", ".html");
  g_autoptr(GPtrArray) following_html = find_numbered (self->archive, "followers_and_following", "following", ".html");
  const char *connections = rapport_archive_find (self->archive, "connections.json");
  const char *post_insights = rapport_archive_find (self->archive, "past_instagram_insights/posts.json");
  const char *audience = rapport_archive_find (self->archive, "past_instagram_insights/audience_insights.json");
  g_autofree char *handle = NULL;
  g_autofree char *display_name = NULL;
  RapportAccountInfo account = { 0 };
  gint64 exported_at = 0;
  gint64 insights_followers = RAPPORT_COUNT_UNKNOWN;
  gboolean has_lists;

  /* The files of the first layout are only looked for in an export of that layout: their
   * names are too plain to trust elsewhere. */
  self->until_2020 = connections != NULL && followers->len == 0 && following->len == 0 &&
                     followers_html->len == 0 && following_html->len == 0;

  if (!rapport_instagram_recognizes (self->archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: not an Instagram export (no followers, following or posts were found)"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }

  if (!read_account (self, &handle, &display_name, error))
    return FALSE;
  account.platform = RAPPORT_PLATFORM_INSTAGRAM;
  account.handle = handle;
  account.display_name = display_name;
  if (!rapport_import_sink_set_account (self->sink, &account, error))
    return FALSE;

  /* Each list as JSON when the export has it, else as HTML; connections.json is older than both. */
  has_lists = followers->len > 0 || following->len > 0 || followers_html->len > 0 ||
              following_html->len > 0;
  if (has_lists)
    {
      if (!read_relation_files (self, followers->len > 0 ? followers : followers_html,
                                RAPPORT_DIRECTION_FOLLOWER, followers->len == 0, error) ||
          !read_relation_files (self, following->len > 0 ? following : following_html,
                                RAPPORT_DIRECTION_FOLLOWING, following->len == 0, error))
        return FALSE;
    }
  else if (connections != NULL)
    {
      if (!read_connections (self, connections, error))
        return FALSE;
      has_lists = TRUE;
    }

  if (post_insights != NULL && !rapport_instagram_read_post_insights (self, post_insights, error))
    return FALSE;
  if (!read_posts (self, error))
    return FALSE;
  if (post_insights != NULL)
    rapport_instagram_skip_unmatched_insights (self, post_insights);

  if (!read_interactions (self, error))
    return FALSE;

  if (audience != NULL &&
      !rapport_instagram_read_audience_insights (self, audience, &insights_followers, error))
    return FALSE;

  if (!has_lists && self->n_records == 0 && insights_followers == RAPPORT_COUNT_UNKNOWN)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: the export holds no followers, posts, comments or likes"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }

  set_export_date (self, &exported_at);
  if (insights_followers != RAPPORT_COUNT_UNKNOWN)
    {
      RapportFollowerCount count = { exported_at, insights_followers, RAPPORT_COUNT_SOURCE_INSIGHTS };

      if (!rapport_import_sink_add_follower_count (self->sink, &count, error))
        return FALSE;
    }

  rapport_import_sink_progress (self->sink, rapport_archive_get_name (self->archive), self->n_records);
  return TRUE;
}

gboolean
rapport_instagram_import (RapportArchive     *archive,
                          RapportImportSink  *sink,
                          GCancellable       *cancellable,
                          GError            **error)
{
  RapportInstagramImport self = { 0 };
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.archive = archive;
  self.sink = sink;
  self.cancellable = cancellable;
  self.insights = g_array_new (FALSE, TRUE, sizeof (RapportInstagramInsights));
  self.insights_by_time = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  ok = import_export (&self, error);

  g_array_unref (self.insights);
  g_hash_table_unref (self.insights_by_time);
  return ok;
}
