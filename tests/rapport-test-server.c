/* rapport-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "rapport-test-server.h"

typedef struct
{
  guint status;
  char *fixture;
  char *link;
  char *retry_after;
  char *remaining;
  char *reset;
  gboolean silence;
} Answer;

struct _RapportTestServer
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  char *base;

  GMutex lock;
  GCond ready;
  GHashTable *routes; /* path and query → GQueue of Answer */
  GHashTable *counts; /* path and query → count */
  char *user_agent;
};

static void
answer_free (Answer *answer)
{
  g_free (answer->fixture);
  g_free (answer->link);
  g_free (answer->retry_after);
  g_free (answer->remaining);
  g_free (answer->reset);
  g_free (answer);
}

static void
queue_free (GQueue *queue)
{
  g_queue_free_full (queue, (GDestroyNotify) answer_free);
}

static Answer *
answer_copy (const Answer *answer)
{
  Answer *copy = g_new0 (Answer, 1);

  *copy = *answer;
  copy->fixture = g_strdup (answer->fixture);
  copy->link = g_strdup (answer->link);
  copy->retry_after = g_strdup (answer->retry_after);
  copy->remaining = g_strdup (answer->remaining);
  copy->reset = g_strdup (answer->reset);
  return copy;
}

static void
handle (SoupServer        *soup_server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  RapportTestServer *server = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autofree char *key = NULL;
  Answer *answer = NULL;
  GQueue *queue;

  key = g_uri_get_query (uri) != NULL ? g_strdup_printf ("%s?%s", path, g_uri_get_query (uri))
                                      : g_strdup (path);

  g_mutex_lock (&server->lock);
  g_hash_table_insert (server->counts, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (server->counts,
                                                                                key)) + 1));
  g_free (server->user_agent);
  server->user_agent = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "User-Agent"));
  if ((queue = g_hash_table_lookup (server->routes, key)) != NULL)
    answer = queue->length > 1 ? g_queue_pop_head (queue)
                               : answer_copy (g_queue_peek_head (queue));
  g_mutex_unlock (&server->lock);

  if (answer == NULL)
    {
      g_test_message ("no answer for %s", key);
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  if (answer->silence)
    {
      soup_server_message_pause (message);
      answer_free (answer);
      return;
    }

  soup_server_message_set_status (message, answer->status, NULL);
  if (answer->fixture != NULL)
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "live",
                                                     answer->fixture, NULL);
      g_autofree char *body = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &body, &length, NULL));
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body,
                                        length);
    }
  if (answer->link != NULL)
    {
      g_autoptr(GString) link = g_string_new (answer->link);

      g_string_replace (link, "BASE", server->base, 0);
      soup_message_headers_replace (headers, "Link", link->str);
    }
  if (answer->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", answer->retry_after);
  if (answer->remaining != NULL)
    soup_message_headers_replace (headers, "X-RateLimit-Remaining", answer->remaining);
  if (answer->reset != NULL)
    soup_message_headers_replace (headers, "X-RateLimit-Reset", answer->reset);
  answer_free (answer);
}

static gpointer
server_thread (gpointer user_data)
{
  RapportTestServer *server = user_data;
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  soup_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (soup_server, NULL, handle, server, NULL);
  g_assert_true (soup_server_listen_local (soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup_server);
  g_assert_nonnull (uris);

  g_mutex_lock (&server->lock);
  server->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (server->loop);
  soup_server_disconnect (soup_server);
  g_clear_object (&soup_server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

RapportTestServer *
rapport_test_server_new (void)
{
  RapportTestServer *server = g_new0 (RapportTestServer, 1);

  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) queue_free);
  server->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);

  g_mutex_lock (&server->lock);
  server->thread = g_thread_new ("test-server", server_thread, server);
  while (server->base == NULL)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);
  return server;
}

static gboolean
quit (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
rapport_test_server_free (RapportTestServer *server)
{
  g_main_context_invoke (server->context, quit, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_hash_table_unref (server->routes);
  g_hash_table_unref (server->counts);
  g_free (server->base);
  g_free (server->user_agent);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server);
}

const char *
rapport_test_server_get_base (RapportTestServer *server)
{
  return server->base;
}

static void
add_answer (RapportTestServer *server,
            const char        *path_and_query,
            Answer            *answer)
{
  GQueue *queue;

  g_mutex_lock (&server->lock);
  if ((queue = g_hash_table_lookup (server->routes, path_and_query)) == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (server->routes, g_strdup (path_and_query), queue);
    }
  g_queue_push_tail (queue, answer);
  g_mutex_unlock (&server->lock);
}

void
rapport_test_server_add (RapportTestServer *server,
                         const char        *path_and_query,
                         guint              status,
                         const char        *fixture,
                         const char        *link,
                         const char        *retry_after)
{
  Answer answer = { status, (char *) fixture, (char *) link, (char *) retry_after };

  add_answer (server, path_and_query, answer_copy (&answer));
}

void
rapport_test_server_add_limited (RapportTestServer *server,
                                 const char        *path_and_query,
                                 const char        *fixture,
                                 const char        *remaining,
                                 const char        *reset)
{
  Answer answer = { 200, (char *) fixture, NULL, NULL, (char *) remaining, (char *) reset };

  add_answer (server, path_and_query, answer_copy (&answer));
}

void
rapport_test_server_add_silence (RapportTestServer *server,
                                 const char        *path_and_query)
{
  Answer answer = { .status = 200, .silence = TRUE };

  add_answer (server, path_and_query, answer_copy (&answer));
}

void
rapport_test_server_serve_bluesky (RapportTestServer *server,
                                   const char        *second_followers)
{
  rapport_test_server_add (server, LIVE_PROFILE, 200, "bluesky-profile.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_FOLLOWERS, 200, "bluesky-followers-1.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_FOLLOWERS "&cursor=page2", 200, second_followers, NULL,
                           NULL);
  rapport_test_server_add (server, LIVE_FOLLOWS, 200, "bluesky-follows.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_FEED, 200, "bluesky-feed-1.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_FEED "&cursor=feed2", 200, "bluesky-feed-2.json", NULL,
                           NULL);
}

void
rapport_test_server_serve_mastodon (RapportTestServer *server,
                                    const char        *second_followers)
{
  rapport_test_server_add (server, LIVE_LOOKUP, 200, "mastodon-account.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_ACCOUNT, 200, "mastodon-account.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_M_FOLLOWERS, 200, "mastodon-followers-1.json",
                           "<BASE" LIVE_M_FOLLOWERS "&max_id=12>; rel=\"next\", "
                           "<BASE" LIVE_M_FOLLOWERS "&since_id=11>; rel=\"prev\"", NULL);
  rapport_test_server_add (server, LIVE_M_FOLLOWERS "&max_id=12", 200, second_followers,
                           "<BASE" LIVE_M_FOLLOWERS "&max_id=99>; rel=\"next\"", NULL);
  rapport_test_server_add (server, LIVE_M_FOLLOWERS "&max_id=99", 200, "mastodon-empty.json",
                           NULL, NULL);
  rapport_test_server_add (server, LIVE_M_FOLLOWING, 200, "mastodon-empty.json", NULL, NULL);
  rapport_test_server_add (server, LIVE_M_STATUSES, 200, "mastodon-statuses-1.json",
                           "<BASE" LIVE_M_STATUSES "&max_id=2003>; rel=\"next\"", NULL);
  rapport_test_server_add (server, LIVE_M_STATUSES "&max_id=2003", 200, "mastodon-empty.json",
                           NULL, NULL);
}

void
rapport_test_server_clear (RapportTestServer *server)
{
  g_mutex_lock (&server->lock);
  g_hash_table_remove_all (server->routes);
  g_hash_table_remove_all (server->counts);
  g_mutex_unlock (&server->lock);
}

guint
rapport_test_server_count (RapportTestServer *server,
                           const char        *path_and_query)
{
  guint count;

  g_mutex_lock (&server->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (server->counts, path_and_query));
  g_mutex_unlock (&server->lock);
  return count;
}

char *
rapport_test_server_dup_user_agent (RapportTestServer *server)
{
  char *agent;

  g_mutex_lock (&server->lock);
  agent = g_strdup (server->user_agent);
  g_mutex_unlock (&server->lock);
  return agent;
}
