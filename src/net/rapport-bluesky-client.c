/* rapport-bluesky-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bluesky's public AppView, read without an account: app.bsky.actor.getProfile for the
 * counts, app.bsky.graph.getFollowers and getFollows for the lists and
 * app.bsky.feed.getAuthorFeed for the posts, each page after page by its cursor.  An account
 * labelled !no-unauthenticated asks not to be shown to logged-out readers: it is not fetched.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-text.h"
#include "rapport-live-private.h"

#define PAGE_SIZE 100

static char *
xrpc_url (const char *base,
          const char *method,
          const char *actor,
          const char *cursor,
          gboolean    paged)
{
  g_autofree char *escaped_actor = g_uri_escape_string (actor, NULL, FALSE);
  g_autofree char *escaped_cursor = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE)
                                                   : NULL;
  GString *url = g_string_new (base);

  g_string_append_printf (url, "/xrpc/%s?actor=%s", method, escaped_actor);
  if (paged)
    g_string_append_printf (url, "&limit=%d", PAGE_SIZE);
  if (escaped_cursor != NULL)
    g_string_append_printf (url, "&cursor=%s", escaped_cursor);
  return g_string_free (url, FALSE);
}

static gboolean
is_did (const char *text)
{
  return g_str_has_prefix (text, "did:") && rapport_live_is_name (text);
}

static gboolean
has_no_unauthenticated_label (JsonObject *profile)
{
  JsonNode *node = json_object_get_member (profile, "labels");
  JsonArray *labels;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  labels = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *label = json_array_get_element (labels, i);

      if (JSON_NODE_HOLDS_OBJECT (label) &&
          g_strcmp0 (rapport_live_get_string (json_node_get_object (label), "val"),
                     "!no-unauthenticated") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
fetch_profile (RapportLiveFetch  *fetch,
               const char        *base,
               const char        *handle,
               RapportLiveData   *data,
               GError           **error)
{
  g_autofree char *url = xrpc_url (base, "app.bsky.actor.getProfile", handle, NULL, FALSE);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *profile;
  const char *did;
  const char *own;
  const char *name;

  rapport_live_progress (fetch, RAPPORT_LIVE_STAGE_PROFILE, 0, -1);
  root = rapport_http_get_json (fetch->http, url, NULL, fetch->cancellable, &local);
  if (root == NULL)
    {
      if (g_error_matches (local, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND))
        g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND,
                     _("Bluesky has no account @%s"), handle);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if ((profile = rapport_live_expect_object (root, "getProfile", error)) == NULL)
    return FALSE;

  did = rapport_live_get_string (profile, "did");
  if (!is_did (did))
    return rapport_live_set_malformed ("getProfile", error);
  if (has_no_unauthenticated_label (profile))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_PUBLIC,
                   _("@%s asks Bluesky not to show the account to people who are not logged "
                     "in, so Rapport does not fetch it"), handle);
      return FALSE;
    }

  data->platform_id = g_strdup (did);
  own = rapport_live_get_string (profile, "handle");
  data->handle = g_ascii_strdown (rapport_live_is_name (own) ? own : handle, -1);
  name = rapport_live_get_string (profile, "displayName");
  if (name != NULL && name[0] != '\0')
    data->display_name = g_strdup (name);
  data->followers = rapport_live_get_count (profile, "followersCount");
  data->following = rapport_live_get_count (profile, "followsCount");
  data->posts = rapport_live_get_count (profile, "postsCount");
  return TRUE;
}

/* getFollowers or getFollows, page after page; a list longer than max_list is left out. */
static gboolean
fetch_list (RapportLiveFetch  *fetch,
            const char        *base,
            RapportLiveData   *data,
            RapportDirection   direction,
            GError           **error)
{
  gboolean followers = direction == RAPPORT_DIRECTION_FOLLOWER;
  const char *method = followers ? "app.bsky.graph.getFollowers" : "app.bsky.graph.getFollows";
  const char *member = followers ? "followers" : "follows";
  RapportLiveStage stage = followers ? RAPPORT_LIVE_STAGE_FOLLOWERS
                                     : RAPPORT_LIVE_STAGE_FOLLOWING;
  gint64 total = followers ? data->followers : data->following;
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_live_account_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  if (total > (gint64) fetch->max_list)
    {
      data->list_state[direction] = RAPPORT_LIVE_LIST_TOO_LONG;
      return TRUE;
    }

  for (guint page = 0; page < RAPPORT_LIVE_MAX_PAGES; page++)
    {
      g_autofree char *url = xrpc_url (base, method, data->platform_id, cursor, TRUE);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      JsonNode *items;
      const char *next;
      guint n_new = 0;

      root = rapport_http_get_json (fetch->http, url, NULL, fetch->cancellable, error);
      if (root == NULL || (object = rapport_live_expect_object (root, method, error)) == NULL)
        return FALSE;
      items = json_object_get_member (object, member);
      if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
        return rapport_live_set_malformed (method, error);

      for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (items), i);
          JsonObject *actor = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          const char *did = rapport_live_get_string (actor, "did");
          const char *handle = rapport_live_get_string (actor, "handle");
          RapportLiveAccount *account;

          /* An account with no readable DID is left out; a page repeated is counted once. */
          if (!is_did (did) || g_hash_table_contains (seen, did))
            continue;
          g_hash_table_add (seen, g_strdup (did));
          account = g_new0 (RapportLiveAccount, 1);
          account->platform_id = g_strdup (did);
          account->handle = rapport_live_is_name (handle) ? g_ascii_strdown (handle, -1) : NULL;
          g_ptr_array_add (list, account);
          n_new++;
        }
      if (list->len > fetch->max_list)
        {
          data->list_state[direction] = RAPPORT_LIVE_LIST_TOO_LONG;
          return TRUE;
        }
      rapport_live_progress (fetch, stage, list->len, total);

      next = rapport_live_get_string (object, "cursor");
      if (n_new == 0 || next == NULL || next[0] == '\0' || g_strcmp0 (next, cursor) == 0)
        break;
      g_free (cursor);
      cursor = g_strdup (next);
    }

  data->list_state[direction] = RAPPORT_LIVE_LIST_FETCHED;
  data->lists[direction] = g_steal_pointer (&list);
  return TRUE;
}

/* A post of the feed, or NULL for a repost of someone else's or a record that cannot be read. */
static RapportLivePost *
read_post (RapportLiveData *data,
           JsonObject      *item)
{
  JsonObject *post = rapport_live_get_object (item, "post");
  JsonObject *author = rapport_live_get_object (post, "author");
  JsonObject *record = rapport_live_get_object (post, "record");
  const char *uri = rapport_live_get_string (post, "uri");
  const char *text = rapport_live_get_string (record, "text");
  g_autofree char *prefix = g_strdup_printf ("at://%s/app.bsky.feed.post/", data->platform_id);
  RapportLivePost *live;
  const char *rkey;

  if (rapport_live_get_object (item, "reason") != NULL ||
      g_strcmp0 (rapport_live_get_string (author, "did"), data->platform_id) != 0 ||
      uri == NULL || !g_str_has_prefix (uri, prefix))
    return NULL;
  rkey = uri + strlen (prefix);
  if (!rapport_live_is_name (rkey) || strchr (rkey, '/') != NULL)
    return NULL;

  live = g_new0 (RapportLivePost, 1);
  live->platform_id = g_strdup (rkey);
  live->type = rapport_live_get_object (record, "reply") != NULL ? RAPPORT_POST_REPLY
                                                                 : RAPPORT_POST_TEXT;
  live->created_at = rapport_live_parse_time (rapport_live_get_string (record, "createdAt"));
  if (text != NULL && text[0] != '\0')
    {
      live->text = g_utf8_make_valid (text, -1);
      live->hashtags = rapport_text_extract_hashtags (live->text);
    }
  live->url = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", data->handle, rkey);
  live->likes = rapport_live_get_count (post, "likeCount");
  live->shares = rapport_live_get_count (post, "repostCount");
  live->replies = rapport_live_get_count (post, "replyCount");
  live->quotes = rapport_live_get_count (post, "quoteCount");
  return live;
}

static gboolean
fetch_posts (RapportLiveFetch  *fetch,
             const char        *base,
             RapportLiveData   *data,
             GError           **error)
{
  const char *method = "app.bsky.feed.getAuthorFeed";
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  for (guint page = 0; page < RAPPORT_LIVE_MAX_PAGES; page++)
    {
      g_autofree char *url = xrpc_url (base, method, data->platform_id, cursor, TRUE);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      JsonNode *feed;
      const char *next;
      guint n_items;

      root = rapport_http_get_json (fetch->http, url, NULL, fetch->cancellable, error);
      if (root == NULL || (object = rapport_live_expect_object (root, method, error)) == NULL)
        return FALSE;
      feed = json_object_get_member (object, "feed");
      if (feed == NULL || !JSON_NODE_HOLDS_ARRAY (feed))
        return rapport_live_set_malformed (method, error);

      n_items = json_array_get_length (json_node_get_array (feed));
      for (guint i = 0; i < n_items && data->post_list->len < fetch->max_posts; i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (feed), i);
          RapportLivePost *live;

          if (JSON_NODE_HOLDS_OBJECT (item) &&
              (live = read_post (data, json_node_get_object (item))) != NULL)
            rapport_live_add_post (data, seen, live);
        }
      rapport_live_progress (fetch, RAPPORT_LIVE_STAGE_POSTS, data->post_list->len,
                             data->posts);

      next = rapport_live_get_string (object, "cursor");
      if (n_items == 0 || data->post_list->len >= fetch->max_posts || next == NULL ||
          next[0] == '\0' || g_strcmp0 (next, cursor) == 0)
        break;
      g_free (cursor);
      cursor = g_strdup (next);
    }

  return TRUE;
}

gboolean
rapport_bluesky_fetch (RapportLiveFetch  *fetch,
                       const char        *base,
                       const char        *handle,
                       RapportLiveData   *data,
                       GError           **error)
{
  return fetch_profile (fetch, base, handle, data, error) &&
         fetch_list (fetch, base, data, RAPPORT_DIRECTION_FOLLOWER, error) &&
         fetch_list (fetch, base, data, RAPPORT_DIRECTION_FOLLOWING, error) &&
         fetch_posts (fetch, base, data, error);
}
