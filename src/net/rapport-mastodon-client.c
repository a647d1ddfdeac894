/* rapport-mastodon-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The REST API of the account's own Mastodon server, read without an account:
 * /api/v1/accounts/lookup finds the account, /api/v1/accounts/:id gives its counts, and
 * /followers, /following and /statuses its lists and posts, page after page by the Link
 * header.  A server may hide an account's lists from logged-out readers: it then answers
 * 401 or 403, or an empty list for an account with followers; the list is left out and the
 * refresh says so.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-text.h"

#include "rapport-live-private.h"

#define PAGE_SIZE_ACCOUNTS 80
#define PAGE_SIZE_STATUSES 40

typedef struct
{
  RapportLiveFetch *fetch;
  const char *base;
  const char *domain; /* the server of the handle, for local accounts' addresses */
  char *id;           /* escaped for a path */
} Client;

static gboolean
fetch_account (Client           *client,
               const char       *handle,
               RapportLiveData  *data,
               GError          **error)
{
  g_autofree char *user = g_strndup (handle, strcspn (handle, "@"));
  g_autofree char *escaped = g_uri_escape_string (user, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/api/v1/accounts/lookup?acct=%s", client->base,
                                          escaped);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *account;
  const char *id;
  const char *uri;
  const char *name;

  rapport_live_progress (client->fetch, RAPPORT_LIVE_STAGE_PROFILE, 0, -1);
  root = rapport_http_get_json (client->fetch->http, url, NULL, client->fetch->cancellable,
                                &local);
  if (root == NULL)
    {
      if (g_error_matches (local, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND))
        g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND,
                     _("%s has no account @%s"), client->domain, handle);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if ((account = rapport_live_expect_object (root, "accounts/lookup", error)) == NULL)
    return FALSE;
  id = rapport_live_get_string (account, "id");
  if (!rapport_live_is_name (id))
    return rapport_live_set_malformed ("accounts/lookup", error);
  client->id = g_uri_escape_string (id, NULL, FALSE);

  /* The lookup may come from a cache; the account itself has the current counts. */
  g_free (url);
  url = g_strdup_printf ("%s/api/v1/accounts/%s", client->base, client->id);
  again = rapport_http_get_json (client->fetch->http, url, NULL, client->fetch->cancellable,
                                 error);
  if (again == NULL || (account = rapport_live_expect_object (again, "accounts/:id",
                                                              error)) == NULL)
    return FALSE;

  data->handle = g_strdup (handle);
  uri = rapport_live_get_string (account, "uri");
  if (rapport_live_is_name (uri) && g_str_has_prefix (uri, "https://"))
    data->platform_id = g_strdup (uri);
  name = rapport_live_get_string (account, "display_name");
  if (name != NULL && name[0] != '\0')
    data->display_name = g_strdup (name);
  data->followers = rapport_live_get_count (account, "followers_count");
  data->following = rapport_live_get_count (account, "following_count");
  data->posts = rapport_live_get_count (account, "statuses_count");
  return TRUE;
}

/* "user@server" of an account's acct, which is "user" for the server's own accounts. */
static char *
address_of (Client     *client,
            JsonObject *account)
{
  const char *acct = rapport_live_get_string (account, "acct");
  g_autofree char *address = NULL;
  const char *at;

  if (!rapport_live_is_name (acct))
    return NULL;
  if (acct[0] == '@')
    acct++;
  if ((at = strchr (acct, '@')) == NULL)
    address = g_strdup_printf ("%s@%s", acct, client->domain);
  else if (at != acct && at[1] != '\0' && strchr (at + 1, '@') == NULL)
    address = g_strdup (acct);
  else
    return NULL;
  return g_ascii_strdown (address, -1);
}

static gboolean
fetch_list (Client            *client,
            RapportLiveData   *data,
            RapportDirection   direction,
            GError           **error)
{
  RapportLiveFetch *fetch = client->fetch;
  gboolean followers = direction == RAPPORT_DIRECTION_FOLLOWER;
  const char *what = followers ? "followers" : "following";
  RapportLiveStage stage = followers ? RAPPORT_LIVE_STAGE_FOLLOWERS
                                     : RAPPORT_LIVE_STAGE_FOLLOWING;
  gint64 total = followers ? data->followers : data->following;
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_live_account_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = g_strdup_printf ("%s/api/v1/accounts/%s/%s?limit=%d", client->base,
                                          client->id, what, PAGE_SIZE_ACCOUNTS);

  if (total > (gint64) fetch->max_list)
    {
      data->list_state[direction] = RAPPORT_LIVE_LIST_TOO_LONG;
      return TRUE;
    }

  for (guint page = 0; url != NULL && page < RAPPORT_LIVE_MAX_PAGES; page++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *next = NULL;
      JsonArray *items;
      guint n_new = 0;

      root = rapport_http_get_json (fetch->http, url, &next, fetch->cancellable, &local);
      if (root == NULL && g_error_matches (local, RAPPORT_NET_ERROR,
                                           RAPPORT_NET_ERROR_NOT_PUBLIC))
        {
          data->list_state[direction] = RAPPORT_LIVE_LIST_HIDDEN;
          return TRUE;
        }
      if (root == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_ARRAY (root))
        return rapport_live_set_malformed (what, error);

      items = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *item = json_array_get_element (items, i);
          char *address = JSON_NODE_HOLDS_OBJECT (item)
                          ? address_of (client, json_node_get_object (item)) : NULL;
          RapportLiveAccount *account;

          if (address == NULL || g_hash_table_contains (seen, address))
            {
              g_free (address);
              continue;
            }
          g_hash_table_add (seen, address);
          account = g_new0 (RapportLiveAccount, 1);
          account->handle = g_strdup (address);
          g_ptr_array_add (list, account);
          n_new++;
        }
      if (list->len > fetch->max_list)
        {
          data->list_state[direction] = RAPPORT_LIVE_LIST_TOO_LONG;
          return TRUE;
        }
      rapport_live_progress (fetch, stage, list->len, total);

      g_clear_pointer (&url, g_free);
      if (n_new > 0)
        url = g_steal_pointer (&next);
    }

  /* An account with followers whose list comes back empty hides it. */
  if (list->len == 0 && total > 0)
    {
      data->list_state[direction] = RAPPORT_LIVE_LIST_HIDDEN;
      return TRUE;
    }

  data->list_state[direction] = RAPPORT_LIVE_LIST_FETCHED;
  data->lists[direction] = g_steal_pointer (&list);
  return TRUE;
}

/* The status id of a status's ActivityPub id (".../statuses/<id>"), as the archives name
 * posts; else the API's id. */
static char *
status_id (JsonObject *status)
{
  const char *uri = rapport_live_get_string (status, "uri");
  const char *id = rapport_live_get_string (status, "id");
  const char *start;

  if (uri != NULL && (start = strstr (uri, "/statuses/")) != NULL)
    {
      start += strlen ("/statuses/");
      if (start[0] != '\0' && start[0] != '/')
        return g_strndup (start, strcspn (start, "/?#"));
    }
  return rapport_live_is_name (id) ? g_strdup (id) : NULL;
}

static char **
read_tags (JsonObject *status)
{
  JsonNode *node = json_object_get_member (status, "tags");
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (tag)
                         ? rapport_live_get_string (json_node_get_object (tag), "name") : NULL;

      if (name != NULL && name[0] != '\0' && strlen (name) <= RAPPORT_LIVE_MAX_HANDLE)
        g_ptr_array_add (tags, g_utf8_strdown (name, -1));
    }
  if (tags->len == 0)
    return NULL;
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

static RapportLivePost *
read_status (JsonObject *status)
{
  g_autofree char *id = status_id (status);
  const char *url = rapport_live_get_string (status, "url");
  RapportLivePost *live;

  /* Boosts are others' posts. */
  if (id == NULL || rapport_live_get_object (status, "reblog") != NULL)
    return NULL;

  live = g_new0 (RapportLivePost, 1);
  live->platform_id = g_steal_pointer (&id);
  live->type = rapport_live_get_string (status, "in_reply_to_id") != NULL ? RAPPORT_POST_REPLY
                                                                          : RAPPORT_POST_TEXT;
  live->created_at = rapport_live_parse_time (rapport_live_get_string (status, "created_at"));
  live->url = rapport_live_is_name (url) ? g_strdup (url) : NULL;
  live->text = rapport_text_from_html (rapport_live_get_string (status, "content"));
  live->likes = rapport_live_get_count (status, "favourites_count");
  live->shares = rapport_live_get_count (status, "reblogs_count");
  live->replies = rapport_live_get_count (status, "replies_count");
  live->quotes = RAPPORT_COUNT_UNKNOWN;
  live->hashtags = read_tags (status);
  return live;
}

static gboolean
fetch_statuses (Client           *client,
                RapportLiveData  *data,
                GError          **error)
{
  RapportLiveFetch *fetch = client->fetch;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = g_strdup_printf ("%s/api/v1/accounts/%s/statuses?limit=%d"
                                          "&exclude_reblogs=true", client->base, client->id,
                                          PAGE_SIZE_STATUSES);

  for (guint page = 0; url != NULL && page < RAPPORT_LIVE_MAX_PAGES; page++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *next = NULL;
      JsonArray *items;
      guint n_items;

      root = rapport_http_get_json (fetch->http, url, &next, fetch->cancellable, error);
      if (root == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_ARRAY (root))
        return rapport_live_set_malformed ("statuses", error);

      items = json_node_get_array (root);
      n_items = json_array_get_length (items);
      for (guint i = 0; i < n_items && data->post_list->len < fetch->max_posts; i++)
        {
          JsonNode *item = json_array_get_element (items, i);
          RapportLivePost *live;

          if (JSON_NODE_HOLDS_OBJECT (item) &&
              (live = read_status (json_node_get_object (item))) != NULL)
            rapport_live_add_post (data, seen, live);
        }
      rapport_live_progress (fetch, RAPPORT_LIVE_STAGE_POSTS, data->post_list->len,
                             data->posts);

      g_clear_pointer (&url, g_free);
      if (n_items > 0 && data->post_list->len < fetch->max_posts)
        url = g_steal_pointer (&next);
    }

  return TRUE;
}

gboolean
rapport_mastodon_fetch (RapportLiveFetch  *fetch,
                        const char        *base,
                        const char        *handle,
                        RapportLiveData   *data,
                        GError           **error)
{
  Client client = { fetch, base, strchr (handle, '@') + 1, NULL };
  gboolean ok;

  ok = fetch_account (&client, handle, data, error) &&
       fetch_list (&client, data, RAPPORT_DIRECTION_FOLLOWER, error) &&
       fetch_list (&client, data, RAPPORT_DIRECTION_FOLLOWING, error) &&
       fetch_statuses (&client, data, error);
  g_free (client.id);
  return ok;
}
