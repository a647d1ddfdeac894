/* rapport-tiktok-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole export is one JSON document whose section names changed in 2025 ("Activity" became
 * "Your Activity", "Video" became "Post") and whose keys changed case between versions, so every
 * lookup tries each generation's name and ignores case.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"

#include "rapport-import-error.h"
#include "rapport-json-util.h"
#include "rapport-tiktok-importer.h"

/* How many rows pass between progress reports and looks at the cancellable. */
#define ROWS_PER_BATCH 10000

/* Dates nested deeper than this are not looked at when guessing the export date. */
#define MAX_DATE_DEPTH 32

typedef struct
{
  JsonObject *followers; /* holds FansList */
  JsonObject *following; /* holds Following */
  JsonObject *videos;    /* holds VideoList */
  JsonObject *profile;   /* the ProfileMap */
  JsonObject *comments;  /* holds CommentsList */
} Sections;

typedef struct
{
  JsonNode *node;
  guint depth;
} PendingNode;

static const char *
find_entry (RapportArchive *archive)
{
  const char *entry;

  g_assert (RAPPORT_IS_ARCHIVE (archive));

  if ((entry = rapport_archive_find (archive, "user_data_tiktok.json")) != NULL)
    return entry;
  return rapport_archive_find (archive, "user_data.json");
}

gboolean
rapport_tiktok_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return find_entry (archive) != NULL;
}

/* An object member under its new name or its old one; NULL-safe so paths can be chained. */
static JsonObject *
get_section (JsonObject *parent,
             const char *new_name,
             const char *old_name)
{
  JsonObject *found;

  if (parent == NULL)
    return NULL;
  if ((found = rapport_json_get_object (parent, new_name)) != NULL)
    return found;
  if (old_name != NULL)
    return rapport_json_get_object (parent, old_name);
  return NULL;
}

static gboolean
find_sections (JsonObject *root,
               Sections   *sections)
{
  JsonObject *activity;
  JsonObject *posts;
  JsonObject *profile;

  g_assert (root != NULL);
  g_assert (sections != NULL);

  activity = get_section (root, "Your Activity", "Activity");
  posts = get_section (root, "Post", "Video");
  profile = get_section (get_section (root, "Profile", NULL), "Profile Info", "Profile Information");

  sections->followers = get_section (activity, "Follower", "Follower List");
  sections->following = get_section (activity, "Following", "Following List");
  sections->videos = get_section (posts, "Posts", "Videos");
  sections->profile = get_section (profile, "ProfileMap", NULL);
  sections->comments = get_section (get_section (root, "Comment", NULL), "Comments", NULL);

  return sections->followers != NULL ||
         sections->following != NULL ||
         sections->videos != NULL ||
         sections->profile != NULL ||
         sections->comments != NULL;
}

/* A string member with the export's placeholders for "nothing" taken as absent. */
static const char *
get_text (JsonObject *object,
          const char *name)
{
  const char *text;

  g_assert (object != NULL);

  text = rapport_json_get_string (object, name);
  if (text == NULL || text[0] == '\0' || g_ascii_strcasecmp (text, "N/A") == 0)
    return NULL;
  return text;
}

/* TikTok writes "None" where a count is zero (likesReceived, sometimes Likes). */
static gint64
get_tiktok_count (JsonObject *object,
                  const char *name)
{
  const char *text;

  g_assert (object != NULL);

  text = rapport_json_get_string (object, name);
  if (text != NULL && g_ascii_strcasecmp (text, "None") == 0)
    return 0;
  return rapport_json_get_count (object, name);
}

/* Every "Date" anywhere in the document (follows, videos, comments, but also watch and login
 * history, which run up to the day of the export) is a candidate for the export date. */
static gboolean
find_newest_date (JsonNode *root,
                  gint64   *newest)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingNode));
  PendingNode first = { root, 0 };
  /* A date beyond tomorrow is a broken value, not the export's age. */
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC + 24 * 60 * 60;
  gboolean found = FALSE;

  g_assert (root != NULL);
  g_assert (newest != NULL);

  g_array_append_val (pending, first);
  while (pending->len > 0)
    {
      PendingNode current = g_array_index (pending, PendingNode, pending->len - 1);

      g_array_set_size (pending, pending->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (current.node))
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, json_node_get_object (current.node));
          while (json_object_iter_next (&iter, &name, &member))
            {
              if (JSON_NODE_HOLDS_VALUE (member))
                {
                  gint64 at;

                  if (json_node_get_value_type (member) == G_TYPE_STRING &&
                      g_ascii_strcasecmp (name, "Date") == 0 &&
                      rapport_date_parse_naive_utc (json_node_get_string (member), &at) &&
                      at <= limit && (!found || at > *newest))
                    {
                      *newest = at;
                      found = TRUE;
                    }
                }
              else if (current.depth < MAX_DATE_DEPTH &&
                       (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member)))
                {
                  PendingNode child = { member, current.depth + 1 };

                  g_array_append_val (pending, child);
                }
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (current.node) && current.depth < MAX_DATE_DEPTH)
        {
          JsonArray *array = json_node_get_array (current.node);
          guint n = json_array_get_length (array);

          for (guint i = 0; i < n; i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (element) || JSON_NODE_HOLDS_ARRAY (element))
                {
                  PendingNode child = { element, current.depth + 1 };

                  g_array_append_val (pending, child);
                }
            }
        }
    }

  return found;
}

static gboolean
report_batch (RapportImportSink  *sink,
              const char         *entry,
              guint               rows_read,
              GCancellable       *cancellable,
              GError            **error)
{
  g_assert (sink != NULL);

  rapport_import_sink_progress (sink, entry, rows_read);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static JsonObject *
get_row (JsonArray *rows,
         guint      index)
{
  JsonNode *node;

  g_assert (rows != NULL);

  node = json_array_get_element (rows, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static void
skip_nameless_relation (RapportImportSink *sink,
                        const char        *entry,
                        RapportDirection   direction,
                        guint              row_number)
{
  g_autofree char *reason = NULL;

  g_assert (sink != NULL);

  reason = direction == RAPPORT_DIRECTION_FOLLOWER
    ? g_strdup_printf (_("follower %u has no user name"), row_number)
    : g_strdup_printf (_("followed account %u has no user name"), row_number);
  rapport_import_sink_skip (sink, entry, reason);
}

static gboolean
import_relations (RapportImportSink  *sink,
                  const char         *entry,
                  JsonObject         *section,
                  RapportDirection    direction,
                  GCancellable       *cancellable,
                  GError            **error)
{
  JsonArray *rows;
  guint n_rows;

  g_assert (sink != NULL);
  g_assert (section != NULL);

  rows = rapport_json_get_array (section, direction == RAPPORT_DIRECTION_FOLLOWER ? "FansList" : "Following");
  n_rows = rows != NULL ? json_array_get_length (rows) : 0;

  /* A null list is an empty one: the export has the section. */
  if (!rapport_import_sink_begin_list (sink, direction, error))
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      RapportRelation relation = { direction, NULL, NULL, 0 };
      JsonObject *row;
      const char *date;

      if (i > 0 && i % ROWS_PER_BATCH == 0 && !report_batch (sink, entry, i, cancellable, error))
        return FALSE;

      row = get_row (rows, i);
      relation.handle = row != NULL ? rapport_json_get_string (row, "UserName") : NULL;
      if (relation.handle != NULL && relation.handle[0] == '@')
        relation.handle++;
      if (relation.handle == NULL || relation.handle[0] == '\0')
        {
          skip_nameless_relation (sink, entry, direction, i + 1);
          continue;
        }

      /* The account follows all the same when its date cannot be read: it counts in the list
       * size, with an unknown start. */
      date = rapport_json_get_string (row, "Date");
      if (date == NULL || !rapport_date_parse_naive_utc (date, &relation.since))
        relation.since = 0;

      if (!rapport_import_sink_add_relation (sink, &relation, error))
        return FALSE;
    }

  rapport_import_sink_progress (sink, entry, n_rows);
  return TRUE;
}

/* "https://www.tiktokv.com/share/video/7300000000000000001/" → "7300000000000000001" */
static char *
video_id_from_link (const char *link)
{
  const char *p;
  gsize len = 0;

  if (link == NULL || (p = strstr (link, "/video/")) == NULL)
    return NULL;

  p += strlen ("/video/");
  while (g_ascii_isdigit (p[len]))
    len++;
  if (len == 0)
    return NULL;

  return g_strndup (p, len);
}

static gboolean
import_videos (RapportImportSink  *sink,
               const char         *entry,
               JsonObject         *section,
               GCancellable       *cancellable,
               GError            **error)
{
  JsonArray *rows;
  guint n_rows;

  g_assert (sink != NULL);
  g_assert (section != NULL);

  rows = rapport_json_get_array (section, "VideoList");
  n_rows = rows != NULL ? json_array_get_length (rows) : 0;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = NULL;
      g_auto(GStrv) hashtags = NULL;
      RapportPost post;
      JsonObject *row;
      const char *date;

      if (i > 0 && i % ROWS_PER_BATCH == 0 && !report_batch (sink, entry, i, cancellable, error))
        return FALSE;

      if ((row = get_row (rows, i)) == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("video %u is not a record"), i + 1);

          rapport_import_sink_skip (sink, entry, reason);
          continue;
        }

      rapport_post_init (&post);
      post.type = RAPPORT_POST_VIDEO;

      /* The creation time is the fallback id, so a video without one cannot be stored. */
      date = rapport_json_get_string (row, "Date");
      if (date == NULL || !rapport_date_parse_naive_utc (date, &post.created_at))
        {
          g_autofree char *reason = g_strdup_printf (_("video %u has no readable date (“%s”)"),
                                                     i + 1, date != NULL ? date : "");

          rapport_import_sink_skip (sink, entry, reason);
          continue;
        }

      post.url = get_text (row, "Link");
      id = video_id_from_link (post.url);
      if (id == NULL)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);
      post.platform_id = id;

      post.text = get_text (row, "Title");
      if (post.text != NULL)
        {
          hashtags = rapport_text_extract_hashtags (post.text);
          post.hashtags = (const char * const *) hashtags;
        }

      post.likes = get_tiktok_count (row, "Likes");

      if (!rapport_import_sink_add_post (sink, &post, error))
        return FALSE;
    }

  rapport_import_sink_progress (sink, entry, n_rows);
  return TRUE;
}

static gboolean
import_comments (RapportImportSink  *sink,
                 const char         *entry,
                 JsonObject         *section,
                 GCancellable       *cancellable,
                 GError            **error)
{
  JsonArray *rows;
  guint n_rows;

  g_assert (sink != NULL);
  g_assert (section != NULL);

  rows = rapport_json_get_array (section, "CommentsList");
  n_rows = rows != NULL ? json_array_get_length (rows) : 0;

  for (guint i = 0; i < n_rows; i++)
    {
      RapportInteraction interaction = { RAPPORT_INTERACTION_COMMENT, NULL, 0, NULL };
      JsonObject *row;
      const char *date;

      if (i > 0 && i % ROWS_PER_BATCH == 0 && !report_batch (sink, entry, i, cancellable, error))
        return FALSE;

      row = get_row (rows, i);
      interaction.text = row != NULL ? rapport_json_get_string (row, "Comment") : NULL;
      if (interaction.text == NULL || interaction.text[0] == '\0')
        {
          g_autofree char *reason = g_strdup_printf (_("comment %u has no text"), i + 1);

          rapport_import_sink_skip (sink, entry, reason);
          continue;
        }

      date = rapport_json_get_string (row, "Date");
      if (date != NULL && !rapport_date_parse_naive_utc (date, &interaction.at))
        {
          g_autofree char *reason = g_strdup_printf (_("comment %u has an unreadable date “%s”"),
                                                     i + 1, date);

          rapport_import_sink_skip (sink, entry, reason);
          continue;
        }

      if (!rapport_import_sink_add_interaction (sink, &interaction, error))
        return FALSE;
    }

  rapport_import_sink_progress (sink, entry, n_rows);
  return TRUE;
}

gboolean
rapport_tiktok_import (RapportArchive     *archive,
                       RapportImportSink  *sink,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, NULL, NULL, NULL };
  Sections sections = { NULL };
  const char *entry;
  gint64 follower_count = RAPPORT_COUNT_UNKNOWN;
  gint64 exported_at = 0;
  RapportDateSource date_source;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = find_entry (archive);
  if (entry == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no user_data.json or user_data_tiktok.json in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  bytes = rapport_archive_read (archive, entry, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  root = rapport_json_parse_bytes (bytes, entry, error);
  /* The text is no longer needed once the document is built; a large export holds both. */
  g_clear_pointer (&bytes, g_bytes_unref);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: this is not a TikTok export (the file holds no JSON object)"), entry);
      return FALSE;
    }

  if (!find_sections (json_node_get_object (root), &sections))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: none of the parts of a TikTok export (profile, followers, following, "
                     "videos, comments) is in it"), entry);
      return FALSE;
    }

  if (sections.profile != NULL)
    {
      account.handle = get_text (sections.profile, "userName");
      account.display_name = get_text (sections.profile, "displayName");
      follower_count = get_tiktok_count (sections.profile, "followerCount");
    }
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  if (find_newest_date (root, &exported_at))
    date_source = RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP;
  else if (rapport_date_find_in_name (rapport_archive_get_name (archive), &exported_at))
    date_source = RAPPORT_DATE_SOURCE_ARCHIVE_NAME;
  else
    {
      exported_at = rapport_archive_get_mtime (archive);
      date_source = RAPPORT_DATE_SOURCE_FILE_TIME;
    }

  if (sections.followers != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_relations (sink, entry, sections.followers, RAPPORT_DIRECTION_FOLLOWER,
                             cancellable, error))
        return FALSE;
    }

  if (sections.following != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_relations (sink, entry, sections.following, RAPPORT_DIRECTION_FOLLOWING,
                             cancellable, error))
        return FALSE;
    }

  if (sections.videos != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_videos (sink, entry, sections.videos, cancellable, error))
        return FALSE;
    }

  if (sections.comments != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !import_comments (sink, entry, sections.comments, cancellable, error))
        return FALSE;
    }

  /* Everything left to hand over is numbers: release the document before the sink commits. */
  g_clear_pointer (&root, json_node_unref);

  if (follower_count >= 0)
    {
      RapportFollowerCount count = { exported_at, follower_count, RAPPORT_COUNT_SOURCE_PROFILE };

      if (!rapport_import_sink_add_follower_count (sink, &count, error))
        return FALSE;
    }

  rapport_import_sink_set_export_date (sink, exported_at, date_source);

  return TRUE;
}
