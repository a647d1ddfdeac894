/* rapport-live.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-live-private.h"

const char *
rapport_live_get_string (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
rapport_live_get_count (JsonObject *object,
                        const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return RAPPORT_COUNT_UNKNOWN;
  value = json_node_get_int (node);
  return rapport_count_is_valid (value) ? value : RAPPORT_COUNT_UNKNOWN;
}

JsonObject *
rapport_live_get_object (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
rapport_live_set_malformed (const char  *what,
                            GError     **error)
{
  g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_MALFORMED,
               _("The answer to %s is not what the service documents"), what);
  return FALSE;
}

JsonObject *
rapport_live_expect_object (JsonNode    *node,
                            const char  *what,
                            GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  rapport_live_set_malformed (what, error);
  return NULL;
}

gint64
rapport_live_parse_time (const char *text)
{
  g_autoptr(GDateTime) when = NULL;

  if (text == NULL || (when = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return 0;
  return g_date_time_to_unix (when);
}

gboolean
rapport_live_is_name (const char *text)
{
  if (text == NULL || text[0] == '\0' || strlen (text) > RAPPORT_LIVE_MAX_HANDLE)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p <= ' ' || *p >= 0x7f)
      return FALSE;
  return TRUE;
}

void
rapport_live_progress (RapportLiveFetch *fetch,
                       RapportLiveStage  stage,
                       guint64           done,
                       gint64            total)
{
  if (fetch->progress != NULL)
    fetch->progress (stage, done, total, fetch->progress_data);
}

void
rapport_live_account_free (RapportLiveAccount *account)
{
  g_free (account->handle);
  g_free (account->platform_id);
  g_free (account);
}

void
rapport_live_post_free (RapportLivePost *post)
{
  g_free (post->platform_id);
  g_free (post->text);
  g_free (post->url);
  g_strfreev (post->hashtags);
  g_free (post);
}

void
rapport_live_add_post (RapportLiveData *data,
                       GHashTable      *seen,
                       RapportLivePost *live)
{
  if (g_hash_table_contains (seen, live->platform_id))
    {
      rapport_live_post_free (live);
      return;
    }
  g_hash_table_add (seen, g_strdup (live->platform_id));
  g_ptr_array_add (data->post_list, live);
}

RapportLiveData *
rapport_live_data_new (RapportPlatform platform)
{
  RapportLiveData *data = g_new0 (RapportLiveData, 1);

  data->platform = platform;
  data->followers = RAPPORT_COUNT_UNKNOWN;
  data->following = RAPPORT_COUNT_UNKNOWN;
  data->posts = RAPPORT_COUNT_UNKNOWN;
  data->post_list = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_live_post_free);
  return data;
}

void
rapport_live_data_free (RapportLiveData *data)
{
  if (data == NULL)
    return;
  g_free (data->handle);
  g_free (data->platform_id);
  g_free (data->display_name);
  g_clear_pointer (&data->lists[0], g_ptr_array_unref);
  g_clear_pointer (&data->lists[1], g_ptr_array_unref);
  g_clear_pointer (&data->post_list, g_ptr_array_unref);
  g_free (data);
}

/* A host name or a Bluesky handle: letters, digits, '-' and '.', with a dot. */
static gboolean
is_domain (const char *text)
{
  return text[0] != '\0' && strlen (text) <= RAPPORT_LIVE_MAX_HANDLE &&
         strchr (text, '.') != NULL && text[0] != '.' && text[0] != '-' &&
         strspn (text, "abcdefghijklmnopqrstuvwxyz0123456789.-") == strlen (text);
}

gboolean
rapport_live_parse_spec (const char       *spec,
                         RapportPlatform  *platform_out,
                         char            **handle_out,
                         GError          **error)
{
  g_autofree char *handle = NULL;
  const char *colon = spec != NULL ? strchr (spec, ':') : NULL;
  const char *name = colon != NULL ? colon + 1 : NULL;
  RapportPlatform platform = RAPPORT_PLATFORM_UNKNOWN;
  const char *at;

  if (colon != NULL && colon - spec == strlen ("bluesky") &&
      g_ascii_strncasecmp (spec, "bluesky", colon - spec) == 0)
    platform = RAPPORT_PLATFORM_BLUESKY;
  else if (colon != NULL && colon - spec == strlen ("mastodon") &&
           g_ascii_strncasecmp (spec, "mastodon", colon - spec) == 0)
    platform = RAPPORT_PLATFORM_MASTODON;

  if (name != NULL && name[0] == '@')
    name++;
  if (name != NULL)
    handle = g_ascii_strdown (name, -1);

  if (platform == RAPPORT_PLATFORM_BLUESKY && handle != NULL && is_domain (handle))
    ;
  else if (platform == RAPPORT_PLATFORM_MASTODON && handle != NULL &&
           (at = strchr (handle, '@')) != NULL && at != handle && at - handle <= 64 &&
           strspn (handle, "abcdefghijklmnopqrstuvwxyz0123456789_.-") == (gsize) (at - handle) &&
           is_domain (at + 1))
    ;
  else
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED,
                   _("“%s” is no account Rapport can follow: give bluesky:NAME.bsky.social or "
                     "mastodon:NAME@SERVER"), spec != NULL ? spec : "");
      return FALSE;
    }

  *platform_out = platform;
  *handle_out = g_steal_pointer (&handle);
  return TRUE;
}

/* @configured, else the environment variable @variable, else @fallback; without a trailing
 * '/'.  NULL with an error when it is no http or https address. */
static char *
base_url (const char  *configured,
          const char  *variable,
          const char  *fallback,
          GError     **error)
{
  const char *value = configured;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *base = NULL;

  if (value == NULL || value[0] == '\0')
    value = g_getenv (variable);
  if (value == NULL || value[0] == '\0')
    value = fallback;

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNREACHABLE,
                   _("“%s” is not a web address (%s)"), value, variable);
      return NULL;
    }

  base = g_strdup (value);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return g_steal_pointer (&base);
}

RapportLiveData *
rapport_live_fetch (RapportPlatform            platform,
                    const char                *handle,
                    const RapportLiveOptions  *options,
                    RapportLiveProgressFunc    progress,
                    gpointer                   user_data,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  static const RapportLiveOptions defaults = { 0 };
  g_autoptr(RapportLiveData) data = rapport_live_data_new (platform);
  g_autoptr(RapportHttp) http = rapport_http_new ();
  g_autofree char *base = NULL;
  RapportLiveFetch fetch = { 0 };
  gboolean ok;

  g_return_val_if_fail (handle != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if (options->timeout > 0)
    rapport_http_set_timeout (http, options->timeout);
  if (options->max_wait > 0)
    rapport_http_set_max_wait (http, options->max_wait);

  fetch.http = http;
  fetch.options = options;
  fetch.max_list = options->max_list > 0 ? options->max_list : RAPPORT_LIVE_MAX_LIST;
  fetch.max_posts = options->max_posts > 0 ? options->max_posts : RAPPORT_LIVE_MAX_POSTS;
  fetch.progress = progress;
  fetch.progress_data = user_data;
  fetch.cancellable = cancellable;

  if (platform == RAPPORT_PLATFORM_BLUESKY)
    {
      base = base_url (options->bluesky_appview, "RAPPORT_BLUESKY_APPVIEW",
                       RAPPORT_LIVE_BLUESKY_APPVIEW, error);
      ok = base != NULL && rapport_bluesky_fetch (&fetch, base, handle, data, error);
    }
  else if (platform == RAPPORT_PLATFORM_MASTODON)
    {
      const char *server = strchr (handle, '@');
      g_autofree char *own = NULL;

      if (server == NULL || server == handle || server[1] == '\0')
        {
          g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND,
                       _("The server of @%s is not known: rename the account to its full "
                         "address, NAME@SERVER"), handle);
          return NULL;
        }
      own = g_strdup_printf ("https://%s", server + 1);
      base = base_url (options->mastodon_server, "RAPPORT_MASTODON_SERVER", own, error);
      ok = base != NULL && rapport_mastodon_fetch (&fetch, base, handle, data, error);
    }
  else
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED,
                   _("Only Bluesky and Mastodon accounts can be refreshed from the web"));
      ok = FALSE;
    }

  g_debug ("%u requests", rapport_http_get_n_requests (http));
  return ok ? g_steal_pointer (&data) : NULL;
}

gboolean
rapport_live_data_write (const RapportLiveData  *data,
                         gint64                  at,
                         RapportImportSink      *sink,
                         GError                **error)
{
  RapportAccountInfo account = {
    .platform = data->platform,
    .handle = data->handle,
    .platform_id = data->platform_id,
    .display_name = data->display_name,
  };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;
  rapport_import_sink_set_export_date (sink, at, RAPPORT_DATE_SOURCE_LIVE);

  if (data->followers != RAPPORT_COUNT_UNKNOWN)
    {
      RapportFollowerCount count = { at, data->followers, RAPPORT_COUNT_SOURCE_LIVE };

      if (!rapport_import_sink_add_follower_count (sink, &count, error))
        return FALSE;
    }

  for (int direction = 0; direction < 2; direction++)
    {
      GPtrArray *list = data->lists[direction];

      if (data->list_state[direction] != RAPPORT_LIVE_LIST_FETCHED || list == NULL)
        continue;
      if (!rapport_import_sink_begin_list (sink, direction, error))
        return FALSE;
      for (guint i = 0; i < list->len; i++)
        {
          const RapportLiveAccount *other = g_ptr_array_index (list, i);
          RapportRelation relation = { direction, other->handle, other->platform_id, 0 };

          if (!rapport_import_sink_add_relation (sink, &relation, error))
            return FALSE;
        }
      rapport_import_sink_end_list (sink);
    }

  for (guint i = 0; i < data->post_list->len; i++)
    {
      const RapportLivePost *live = g_ptr_array_index (data->post_list, i);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = live->platform_id;
      post.type = live->type;
      post.created_at = live->created_at;
      post.text = live->text;
      post.url = live->url;
      post.likes = live->likes;
      post.shares = live->shares;
      post.replies = live->replies;
      post.quotes = live->quotes;
      post.hashtags = (const char * const *) live->hashtags;
      if (!rapport_import_sink_add_post (sink, &post, error))
        return FALSE;
    }

  return TRUE;
}
