/* rapport-instagram-posts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the account did: its posts, reels and stories with their insights, and the comments and
 * likes it gave, in every export generation.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "core/rapport-import-error.h"
#include "import/rapport-image-header.h"
#include "import/rapport-instagram-private.h"

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

/* Unix seconds, written as a number or as text, or a date in words; 0 if none. */
static gint64
member_time (const RapportJsonValue *object,
             const char             *name)
{
  gint64 when = rapport_json_value_get_count (object, name);

  if (when <= 0)
    when = rapport_instagram_value_time (rapport_json_value_get_member (object, name));
  return when > 0 ? when : 0;
}

static gint64
label_timestamp (const RapportJsonValue *map,
                 const char             *label)
{
  const RapportJsonValue *item = rapport_json_value_get_object (map, label);
  gint64 when;

  if (item == NULL)
    return 0;
  when = member_time (item, "timestamp");
  return when > 0 ? when : member_time (item, "value");
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
find_in_post_folders (RapportInstagramImport *self,
                      const char             *stem,
                      gboolean                numbered)
{
  static const char * const folders[] = { "content", "media" };
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      if (numbered)
        append_all (found, rapport_instagram_find_numbered (self, folders[i], stem, ".json"));
      else
        append_all (found, rapport_instagram_find_all (self, folders[i], stem));
    }
  return found;
}

/* ── posts ───────────────────────────────────────────────────────────────────────────────── */

/* The kind of feed posts: a photo, a video or a carousel, as the post's media say. */
#define KIND_FEED (-1)

/* What the posts of one file are. */
typedef struct
{
  int kind;          /* a RapportPostType or KIND_FEED */
  gboolean archived; /* archived_posts.json */
} PostFile;

gboolean
rapport_instagram_media_is_video (const RapportJsonValue *media)
{
  const char *uri = rapport_json_value_get_string (media, "uri");
  const RapportJsonValue *metadata = rapport_json_value_get_object (media, "media_metadata");
  g_autofree char *lower = uri != NULL ? g_ascii_strdown (uri, -1) : NULL;

  if (rapport_json_value_get_object (metadata, "video_metadata") != NULL)
    return TRUE;
  return lower != NULL && (g_str_has_suffix (lower, ".mp4") || g_str_has_suffix (lower, ".mov"));
}

gboolean
rapport_instagram_emit_post (RapportInstagramImport  *self,
                             const char              *entry,
                             RapportPostType          type,
                             gboolean                 archived,
                             gint64                   created_at,
                             const char              *caption,
                             const gint64            *times,
                             guint                    n_times,
                             GError                 **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, created_at);

  return rapport_instagram_emit_post_with_id (self, entry, id, type, archived, created_at,
                                              caption, times, n_times, error);
}

gboolean
rapport_instagram_emit_post_with_id (RapportInstagramImport  *self,
                                     const char              *entry,
                                     const char              *id,
                                     RapportPostType          type,
                                     gboolean                 archived,
                                     gint64                   created_at,
                                     const char              *caption,
                                     const gint64            *times,
                                     guint                    n_times,
                                     GError                 **error)
{
  g_autofree char *text = rapport_instagram_repair_text (caption);
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
  post.archived = archived;
  rapport_instagram_apply_insights (self, &post, times, n_times);

  rapport_instagram_note_time (self, created_at);
  if (!rapport_import_sink_add_post (self->sink, &post, error))
    return FALSE;
  return rapport_instagram_tick (self, entry, error);
}

/* The first picture of a post's media (its "uri", relative to the export's root) that the
 * export holds: a post of videos only, or an export without its media folder, has none. */
static gboolean
add_image (RapportInstagramImport  *self,
           const RapportJsonValue  *media,
           const RapportJsonValue  *first,
           gint64                   created_at,
           GError                 **error)
{
  guint n_media = media != NULL ? media->length : 1;

  for (guint i = 0; i < n_media; i++)
    {
      const RapportJsonValue *item = media != NULL ? rapport_instagram_array_get_object (media, i)
                                                   : first;
      const char *uri = rapport_json_value_get_string (item, "uri");
      g_autofree char *id = NULL;
      RapportPostImage image;

      /* The name is matched as a glob: one with wildcards is no file of a post. */
      if (!rapport_image_name_is_picture (uri) || strpbrk (uri, "*?[") != NULL ||
          (image.entry = rapport_instagram_find (self, uri)) == NULL)
        continue;
      image.post_id = id = g_strdup_printf ("%" G_GINT64_FORMAT, created_at);
      return rapport_import_sink_add_post_image (self->sink, &image, error);
    }
  return TRUE;
}

/* A post is either {"media": [{…, "title", "creation_timestamp"}]} (one photo or video, its
 * caption inside), {"title", "creation_timestamp", "media": [several]} (a carousel), or, in
 * stories.json, the media item itself. */
static gboolean
read_post (RapportInstagramImport  *self,
           const char              *entry,
           const RapportJsonValue  *row,
           const PostFile          *file,
           GError                 **error)
{
  g_autofree gint64 *times = NULL;
  const RapportJsonValue *media = rapport_json_value_get_array (row, "media");
  const RapportJsonValue *first = media != NULL ? rapport_instagram_array_get_object (media, 0)
                                                : row;
  guint n_media = media != NULL ? media->length : 1;
  guint n_times = 0;
  const char *caption;
  gint64 created_at;
  RapportPostType type;

  caption = rapport_json_value_get_string (row, "title");
  if ((caption == NULL || caption[0] == '\0') && first != NULL)
    caption = rapport_json_value_get_string (first, "title");

  created_at = rapport_json_value_get_count (row, "creation_timestamp");
  if (created_at <= 0 && first != NULL)
    created_at = rapport_json_value_get_count (first, "creation_timestamp");
  if (created_at <= 0)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post without a creation time"));
      return TRUE;
    }

  if (file->kind != KIND_FEED)
    type = file->kind;
  else if (n_media > 1)
    type = RAPPORT_POST_CAROUSEL;
  else if (first != NULL && rapport_instagram_media_is_video (first))
    type = RAPPORT_POST_VIDEO;
  else
    type = RAPPORT_POST_PHOTO;

  /* Insights may be keyed by the post's time or by that of one of its media. */
  times = g_new0 (gint64, n_media + 1);
  times[n_times++] = created_at;
  for (guint i = 0; media != NULL && i < n_media; i++)
    {
      const RapportJsonValue *item = rapport_instagram_array_get_object (media, i);
      gint64 when = rapport_json_value_get_count (item, "creation_timestamp");

      if (when > 0 && when != created_at)
        times[n_times++] = when;
    }

  /* Stories are not among the posts a page shows with their pictures. */
  return rapport_instagram_emit_post (self, entry, type, file->archived, created_at, caption,
                                      times, n_times, error) &&
         (type == RAPPORT_POST_STORY || add_image (self, media, first, created_at, error));
}

static gboolean
post_row (RapportInstagramImport  *self,
          const char              *entry,
          const RapportJsonValue  *row,
          gpointer                 user_data,
          GError                 **error)
{
  if (row->kind != RAPPORT_JSON_OBJECT)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post that is not an object"));
      return TRUE;
    }
  return read_post (self, entry, row, user_data, error);
}

static gboolean
read_posts_file (RapportInstagramImport  *self,
                 const char              *entry,
                 int                      kind,
                 gboolean                 archived,
                 GError                 **error)
{
  PostFile file = { kind, archived };

  self->has_post_files = TRUE;
  if (!rapport_instagram_read_rows (self, entry, post_row, &file, error,
                                    _("%s: the file does not hold a list of posts"), entry))
    return FALSE;
  rapport_import_sink_progress (self->sink, entry, self->n_records);
  return TRUE;
}

/* Until 2020: media.json = {"photos": [{"caption", "taken_at", "path"}], "videos": …,
 * "stories": …}. */
static gboolean
media_2020_row (RapportInstagramImport  *self,
                const char              *entry,
                const RapportJsonValue  *item,
                gpointer                 user_data,
                GError                 **error)
{
  gint64 taken_at = rapport_instagram_value_time (rapport_json_value_get_member (item,
                                                                                 "taken_at"));

  if (taken_at <= 0)
    {
      rapport_import_sink_skip (self->sink, entry, _("a post without a creation time"));
      return TRUE;
    }
  return rapport_instagram_emit_post (self, entry, GPOINTER_TO_INT (user_data), FALSE, taken_at,
                                      rapport_json_value_get_string (item, "caption"),
                                      &taken_at, 1, error);
}

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
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
  const RapportJsonValue *root;

  if (tree == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);
  if (root->kind != RAPPORT_JSON_OBJECT)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file does not hold lists of posts"), entry);
      return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const RapportJsonValue *items = rapport_instagram_get_list (root, kinds[k].member);

      if (items != NULL &&
          !rapport_instagram_foreach_row (self, tree, entry, items, media_2020_row,
                                          GINT_TO_POINTER (kinds[k].type), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_instagram_read_posts (RapportInstagramImport  *self,
                              GError                 **error)
{
  /* Archived posts are the creator's posts too, hidden from the profile: they count. */
  static const struct { const char *stem; gboolean numbered; int kind; gboolean archived; }
  files[] = {
    { "posts", TRUE, KIND_FEED, FALSE },
    { "reels.json", FALSE, RAPPORT_POST_REEL, FALSE },
    { "stories.json", FALSE, RAPPORT_POST_STORY, FALSE },
    { "archived_posts.json", FALSE, KIND_FEED, TRUE },
  };
  const char *media_2020;

  for (guint k = 0; k < G_N_ELEMENTS (files); k++)
    {
      g_autoptr(GPtrArray) found = find_in_post_folders (self, files[k].stem, files[k].numbered);

      for (guint i = 0; i < found->len; i++)
        if (!read_posts_file (self, g_ptr_array_index (found, i), files[k].kind,
                              files[k].archived, error))
          return FALSE;
    }

  media_2020 = self->until_2020 ? rapport_instagram_find (self, "media.json") : NULL;
  if (media_2020 != NULL)
    self->has_post_files = TRUE;
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
  g_autofree char *target_repaired = rapport_instagram_repair_text (target);
  g_autofree char *text_repaired = rapport_instagram_repair_text (text);
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

/* comments/post_comments_1.json: rows of {"string_map_data": {"Comment", "Media Owner",
 * "Time"}}. */
static gboolean
comment_row (RapportInstagramImport  *self,
             const char              *entry,
             const RapportJsonValue  *row,
             gpointer                 user_data,
             GError                 **error)
{
  const RapportJsonValue *map = rapport_json_value_get_object (row, "string_map_data");
  gint64 at;

  if (map == NULL)
    {
      rapport_import_sink_skip (self->sink, entry, _("a comment without its details"));
      return TRUE;
    }
  at = label_timestamp (map, "Time");
  if (at <= 0)
    at = label_timestamp (map, "Comment creation time");
  return emit_interaction (self, entry, RAPPORT_INTERACTION_COMMENT,
                           rapport_instagram_label_value (map, "Media Owner"), at,
                           rapport_instagram_label_value (map, "Comment"), error);
}

/* The value of @label in a list of {"label": …, "value": …}, or one level of "dict" deeper:
 * {"title": "Owner", "dict": [{"dict": [{"label": "Username", "value": …}]}]}. */
static const char *
find_label (const RapportJsonValue *items,
            const char             *label,
            guint                   depth)
{
  if (items == NULL || items->kind != RAPPORT_JSON_ARRAY || depth > 4)
    return NULL;
  for (guint i = 0; i < items->length; i++)
    {
      const char *name = rapport_json_value_get_string (&items->elements[i], "label");

      if (name != NULL && g_ascii_strcasecmp (name, label) == 0)
        return rapport_json_value_get_string (&items->elements[i], "value");
    }
  for (guint i = 0; i < items->length; i++)
    {
      const char *value = find_label (rapport_json_value_get_array (&items->elements[i], "dict"),
                                      label, depth + 1);

      if (value != NULL)
        return value;
    }
  return NULL;
}

/* The first value of @items that is a date ("May 07, 2026 7:26:55pm"). */
static gint64
find_label_time (const RapportJsonValue *items)
{
  for (guint i = 0; items != NULL && items->kind == RAPPORT_JSON_ARRAY && i < items->length; i++)
    {
      const RapportJsonValue *value = rapport_json_value_get_member (&items->elements[i], "value");
      gint64 when = 0;

      if (value != NULL && value->kind == RAPPORT_JSON_STRING &&
          rapport_date_parse_meta_text (value->text, &when) && when > 0)
        return when;
    }
  return 0;
}

/* likes/liked_posts.json: rows of {"title": owner, "string_list_data": [{"timestamp"}]}, or
 * since 2026 {"timestamp": …, "media": [], "label_values": [{"label": "Username", …}]}.
 * @user_data, as a boolean, says whether the link names the owner (see
 * rapport_instagram_read_likes()). */
static gboolean
like_row (RapportInstagramImport  *self,
          const char              *entry,
          const RapportJsonValue  *row,
          gpointer                 user_data,
          GError                 **error)
{
  const RapportJsonValue *labels;
  const RapportJsonValue *item;
  g_autofree char *from_link = NULL;
  const char *owner;
  gint64 at;

  if (row->kind != RAPPORT_JSON_OBJECT)
    {
      rapport_import_sink_skip (self->sink, entry, _("a like that is not an object"));
      return TRUE;
    }
  labels = rapport_json_value_get_array (row, "label_values");
  item = rapport_instagram_array_get_object (rapport_json_value_get_array (row,
                                                                           "string_list_data"),
                                             0);

  owner = rapport_json_value_get_string (row, "title");
  if (owner == NULL || owner[0] == '\0')
    owner = find_label (labels, "Username", 0);
  if ((owner == NULL || owner[0] == '\0') && GPOINTER_TO_INT (user_data))
    owner = from_link =
      rapport_instagram_user_from_href (rapport_json_value_get_string (item, "href"));

  at = member_time (row, "timestamp");
  if (at <= 0 && item != NULL)
    at = member_time (item, "timestamp");
  if (at <= 0)
    at = find_label_time (labels);
  return emit_interaction (self, entry, RAPPORT_INTERACTION_LIKE, owner, at, NULL, error);
}

/* Until 2020: comments.json {"media_comments": [[time, text, owner]]} and likes.json
 * {"media_likes": [[time, owner]]}. */
static gboolean
interaction_2020_row (RapportInstagramImport  *self,
                      const char              *entry,
                      const RapportJsonValue  *row,
                      gpointer                 user_data,
                      GError                 **error)
{
  RapportInteractionKind kind = GPOINTER_TO_INT (user_data);
  guint owner_index = kind == RAPPORT_INTERACTION_COMMENT ? 2 : 1;
  const RapportJsonValue *owner;
  const RapportJsonValue *text;

  if (row->kind != RAPPORT_JSON_ARRAY || row->length <= owner_index)
    {
      rapport_import_sink_skip (self->sink, entry,
                                kind == RAPPORT_INTERACTION_COMMENT
                                ? _("a comment without its details")
                                : _("a like without its details"));
      return TRUE;
    }
  owner = &row->elements[owner_index];
  text = kind == RAPPORT_INTERACTION_COMMENT ? &row->elements[1] : NULL;
  return emit_interaction (self, entry, kind,
                           owner->kind == RAPPORT_JSON_STRING ? owner->text : NULL,
                           rapport_instagram_value_time (&row->elements[0]),
                           text != NULL && text->kind == RAPPORT_JSON_STRING ? text->text : NULL,
                           error);
}

static gboolean
read_interactions_2020 (RapportInstagramImport  *self,
                        const char              *entry,
                        RapportInteractionKind   kind,
                        GError                 **error)
{
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
  const RapportJsonValue *rows;

  if (tree == NULL)
    return FALSE;
  /* Other files of that name are not ours to read. */
  rows = rapport_instagram_get_list (rapport_json_tree_get_root (tree),
                                     kind == RAPPORT_INTERACTION_COMMENT ? "media_comments"
                                                                         : "media_likes");
  return rows == NULL ||
         rapport_instagram_foreach_row (self, tree, entry, rows, interaction_2020_row,
                                        GINT_TO_POINTER (kind), error);
}

gboolean
rapport_instagram_read_likes (RapportInstagramImport  *self,
                              const char              *entry,
                              gboolean                 owner_from_link,
                              GError                 **error)
{
  return rapport_instagram_read_rows (self, entry, like_row, GINT_TO_POINTER (owner_from_link),
                                      error, _("%s: the file does not hold a list of likes"),
                                      entry);
}

gboolean
rapport_instagram_read_interactions (RapportInstagramImport  *self,
                                     GError                 **error)
{
  g_autoptr(GPtrArray) comments = rapport_instagram_find_all (self, "comments",
                                                            "post_comments*.json");
  const char *likes = rapport_instagram_find (self, "likes/liked_posts.json");
  const char *old;

  for (guint i = 0; i < comments->len; i++)
    {
      const char *entry = g_ptr_array_index (comments, i);

      if (!rapport_instagram_read_rows (self, entry, comment_row, NULL, error,
                                        _("%s: the file does not hold a list of comments"), entry))
        return FALSE;
    }
  if (likes != NULL && !rapport_instagram_read_likes (self, likes, FALSE, error))
    return FALSE;

  if (!self->until_2020)
    return TRUE;
  old = rapport_instagram_find (self, "comments.json");
  if (old != NULL && !read_interactions_2020 (self, old, RAPPORT_INTERACTION_COMMENT, error))
    return FALSE;
  old = rapport_instagram_find (self, "likes.json");
  if (old != NULL && !read_interactions_2020 (self, old, RAPPORT_INTERACTION_LIKE, error))
    return FALSE;
  return TRUE;
}
