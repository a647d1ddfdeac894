/* rapport-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rapport-http.h"

#define DEFAULT_TIMEOUT  30
#define DEFAULT_MAX_WAIT 60
#define MAX_RETRIES      3

struct _RapportHttp
{
  GObject parent_instance;

  SoupSession *session;
  guint max_wait;
  guint n_requests;
  /* Real time (seconds) until which the server's rate limit is spent; 0 when it is not. */
  gint64 limit_reset_at;
};

G_DEFINE_FINAL_TYPE (RapportHttp, rapport_http, G_TYPE_OBJECT)

G_DEFINE_QUARK (rapport-net-error-quark, rapport_net_error)

static void
rapport_http_finalize (GObject *object)
{
  RapportHttp *self = RAPPORT_HTTP (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (rapport_http_parent_class)->finalize (object);
}

static void
rapport_http_class_init (RapportHttpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_http_finalize;
}

static void
rapport_http_init (RapportHttp *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Rapport/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT,
                                                 "idle-timeout", DEFAULT_TIMEOUT,
                                                 NULL);
  self->max_wait = DEFAULT_MAX_WAIT;
}

RapportHttp *
rapport_http_new (void)
{
  return g_object_new (RAPPORT_TYPE_HTTP, NULL);
}

void
rapport_http_set_timeout (RapportHttp *self,
                          guint        seconds)
{
  g_return_if_fail (RAPPORT_IS_HTTP (self));

  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

void
rapport_http_set_max_wait (RapportHttp *self,
                           guint        seconds)
{
  g_return_if_fail (RAPPORT_IS_HTTP (self));
  self->max_wait = seconds;
}

guint
rapport_http_get_n_requests (RapportHttp *self)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), 0);
  return self->n_requests;
}

/* The server's name for messages: host and, where it is not the default, the port. */
static char *
server_name (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

/* Sleeps @seconds unless @cancellable is cancelled first. */
static gboolean
wait_seconds (guint          seconds,
              GCancellable  *cancellable,
              GError       **error)
{
  GPollFD fd;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_poll (&fd, 1, seconds * 1000);
      g_cancellable_release_fd (cancellable);
    }
  else
    g_usleep (seconds * G_USEC_PER_SEC);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Seconds from now to a header's time: delta seconds, a Unix time (Bluesky), an ISO 8601
 * time (Mastodon) or an HTTP date (Retry-After); -1 when it is none of them. */
static gint64
seconds_until (const char *value)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) when = NULL;
  guint64 number;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &number, NULL))
    return number > 1000000000 ? MAX ((gint64) number - now, 0) : (gint64) number;
  when = g_date_time_new_from_iso8601 (value, NULL);
  if (when == NULL)
    when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;
  return MAX (g_date_time_to_unix (when) - now, 0);
}

static const char *
header (SoupMessageHeaders *headers,
        const char         *name,
        const char         *other_name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  return value != NULL ? value : soup_message_headers_get_one (headers, other_name);
}

/* Notes when the server says the requests allowed in its window are spent. */
static void
note_rate_limit (RapportHttp        *self,
                 SoupMessageHeaders *headers)
{
  const char *remaining = header (headers, "X-RateLimit-Remaining", "RateLimit-Remaining");
  gint64 wait;

  self->limit_reset_at = 0;
  if (remaining == NULL || g_ascii_strtoll (remaining, NULL, 10) > 0)
    return;
  wait = seconds_until (header (headers, "X-RateLimit-Reset", "RateLimit-Reset"));
  if (wait > 0)
    self->limit_reset_at = g_get_real_time () / G_USEC_PER_SEC + wait;
}

static gboolean
set_rate_limited (const char  *url,
                  gint64       seconds,
                  GError     **error)
{
  g_autofree char *server = server_name (url);
  guint minutes = (guint) MIN ((seconds + 59) / 60, G_MAXUINT);

  g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_RATE_LIMITED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s is limiting requests and asks to wait %u minute; try again "
                            "later",
                            "%s is limiting requests and asks to wait %u minutes; try again "
                            "later",
                            minutes),
               server, minutes);
  return FALSE;
}

/* Waits for a spent rate limit to reset, when that is soon enough. */
static gboolean
wait_for_rate_limit (RapportHttp   *self,
                     const char    *url,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gint64 wait = self->limit_reset_at - g_get_real_time () / G_USEC_PER_SEC;

  if (self->limit_reset_at == 0 || wait <= 0)
    return TRUE;
  if (wait > self->max_wait)
    return set_rate_limited (url, wait, error);
  g_debug ("Rate limit spent: waiting %" G_GINT64_FORMAT " s", wait);
  return wait_seconds (wait, cancellable, error);
}

/* @error of libsoup or GIO in the words of RapportNetError. */
static void
set_transport_error (const char  *url,
                     GError      *local,
                     GError     **error)
{
  g_autofree char *server = server_name (url);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_TIMEOUT,
                   _("%s did not answer in time"), server);
      g_error_free (local);
    }
  /* A name that does not exist is no network trouble: it is most often a mistyped handle. */
  else if (g_error_matches (local, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
           g_error_matches (local, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNKNOWN_HOST,
                   _("The server name %s could not be found"), server);
      g_error_free (local);
    }
  else if (local->domain == G_RESOLVER_ERROR ||
           g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_OFFLINE,
                   _("Cannot reach %s: this computer seems to be offline"), server);
      g_error_free (local);
    }
  else
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNREACHABLE,
                   _("Cannot reach %s (%s)"), server, local->message);
      g_error_free (local);
    }
}

static GBytes *
read_body (GInputStream  *stream,
           const char    *url,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 chunk[16384];
  GError *local = NULL;
  gssize n;

  while ((n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local)) > 0)
    {
      if (body->len + (gsize) n > RAPPORT_HTTP_MAX_BODY)
        {
          g_autofree char *server = server_name (url);

          g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_MALFORMED,
                       _("%s sent an answer larger than %u MB"), server,
                       RAPPORT_HTTP_MAX_BODY / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, chunk, n);
    }
  if (n < 0)
    {
      set_transport_error (url, local, error);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static JsonNode *
parse_json (GBytes      *body,
            const char  *url,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local) ||
      json_parser_get_root (parser) == NULL)
    {
      g_autofree char *server = server_name (url);

      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_MALFORMED,
                   _("%s sent an answer Rapport cannot read (%s)"), server,
                   local != NULL ? local->message : _("empty"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* Bluesky answers 400 with {"message": "Profile not found"} for an unknown actor. */
static gboolean
says_not_found (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *object;
  const char *message;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (data == NULL || !json_parser_load_from_data (parser, data, size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  message = json_object_get_string_member_with_default (object, "message", NULL);
  return message != NULL && strstr (message, "not found") != NULL;
}

static gboolean
set_status_error (SoupMessage  *message,
                  GBytes       *body,
                  const char   *url,
                  GError      **error)
{
  g_autofree char *server = server_name (url);
  guint status = soup_message_get_status (message);

  if (status == 404 || status == 410 || (status == 400 && body != NULL && says_not_found (body)))
    g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND,
                 _("%s has no such account"), server);
  else if (status == 401 || status == 403)
    g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_PUBLIC,
                 _("%s shows this only to people who are logged in"), server);
  else
    g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_SERVER,
                 _("%s answered with an error (%u)"), server, status);
  return FALSE;
}

char *
rapport_http_link_next (const char *link)
{
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return NULL;

  /* <https://host/…?max_id=1>; rel="next", <https://host/…?min_id=9>; rel="prev" */
  parts = g_strsplit (link, ",", 16);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *open = strchr (parts[i], '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;

      if (close == NULL)
        continue;
      if (strstr (close, "rel=\"next\"") != NULL || strstr (close, "rel=next") != NULL)
        return g_strndup (open + 1, close - open - 1);
    }

  return NULL;
}

/* Whether @next is on the origin of @url: a page never sends us to another server. */
static gboolean
same_origin (const char *url,
             const char *next)
{
  g_autoptr(GUri) a = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) b = g_uri_parse (next, G_URI_FLAGS_NONE, NULL);

  return a != NULL && b != NULL &&
         g_strcmp0 (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_strcmp0 (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

JsonNode *
rapport_http_get_json (RapportHttp   *self,
                       const char    *url,
                       char         **next_out,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_HTTP (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GBytes) body = NULL;
      SoupMessageHeaders *headers;
      GError *local = NULL;
      guint status;
      gint64 delay;

      if (!wait_for_rate_limit (self, url, cancellable, error))
        return NULL;

      if ((message = soup_message_new (SOUP_METHOD_GET, url)) == NULL)
        {
          g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNREACHABLE,
                       _("“%s” is not a web address"), url);
          return NULL;
        }
      soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                    "application/json");
      g_debug ("GET %s", url);
      self->n_requests++;
      if ((stream = soup_session_send (self->session, message, cancellable, &local)) == NULL)
        {
          set_transport_error (url, local, error);
          return NULL;
        }

      status = soup_message_get_status (message);
      headers = soup_message_get_response_headers (message);
      note_rate_limit (self, headers);

      if (status == 429 || status >= 500)
        {
          g_input_stream_close (stream, NULL, NULL);
          delay = seconds_until (soup_message_headers_get_one (headers, "Retry-After"));
          if (delay < 0)
            delay = 1 << attempt;
          if (attempt >= MAX_RETRIES || delay > self->max_wait)
            {
              if (status == 429)
                set_rate_limited (url, delay, error);
              else
                set_status_error (message, NULL, url, error);
              return NULL;
            }
          g_debug ("%u from %s: retrying in %" G_GINT64_FORMAT " s", status, url, delay);
          if (!wait_seconds (delay, cancellable, error))
            return NULL;
          continue;
        }

      if ((body = read_body (stream, url, cancellable, error)) == NULL)
        return NULL;
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          set_status_error (message, body, url, error);
          return NULL;
        }

      if (next_out != NULL)
        {
          g_autofree char *next = rapport_http_link_next (soup_message_headers_get_one (headers,
                                                                                       "Link"));

          *next_out = next != NULL && same_origin (url, next) ? g_steal_pointer (&next) : NULL;
        }
      return parse_json (body, url, error);
    }
}
