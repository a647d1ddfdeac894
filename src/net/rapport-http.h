/* rapport-http.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP part the service clients share: one libsoup session with Rapport's User-Agent and
 * timeouts, JSON responses of a bounded size, the servers' rate-limit headers honoured, and
 * backoff on 429 and 5xx as Retry-After asks.  Blocking: a refresh runs it in a thread of its
 * own, which creates, uses and frees it (a SoupSession belongs to one thread).
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RAPPORT_NET_ERROR (rapport_net_error_quark ())

/* What went wrong, in the words the window and the command line show. */
typedef enum
{
  RAPPORT_NET_ERROR_OFFLINE,      /* no network, or no name server to ask */
  RAPPORT_NET_ERROR_UNREACHABLE,  /* the server refuses or drops the connection */
  RAPPORT_NET_ERROR_TIMEOUT,      /* the server did not answer in time */
  RAPPORT_NET_ERROR_NOT_FOUND,    /* no such account */
  RAPPORT_NET_ERROR_RATE_LIMITED, /* the server asks to wait longer than we would */
  RAPPORT_NET_ERROR_SERVER,       /* an error status that retrying did not cure */
  RAPPORT_NET_ERROR_MALFORMED,    /* the answer is not what the service documents */
  RAPPORT_NET_ERROR_NOT_PUBLIC,   /* the account asks not to be shown to logged-out readers */
  RAPPORT_NET_ERROR_BUSY,         /* another refresh is running */
  RAPPORT_NET_ERROR_TOO_SOON,     /* refreshed less than an hour ago */
  RAPPORT_NET_ERROR_UNSUPPORTED,  /* not a Bluesky or Mastodon account */
  RAPPORT_NET_ERROR_NOT_ALLOWED,  /* refreshing from the web is turned off */
  RAPPORT_NET_ERROR_UNKNOWN_HOST, /* the server's name does not exist: a mistyped handle */
} RapportNetError;

/* The largest answer read: a page of 100 accounts or posts is far below it. */
#define RAPPORT_HTTP_MAX_BODY (8 * 1024 * 1024)

#define RAPPORT_TYPE_HTTP (rapport_http_get_type ())

G_DECLARE_FINAL_TYPE (RapportHttp, rapport_http, RAPPORT, HTTP, GObject)

GQuark       rapport_net_error_quark  (void);

RapportHttp *rapport_http_new         (void);
/* Seconds a request may take to connect or stay silent; 30 by default. */
void         rapport_http_set_timeout (RapportHttp   *self,
                                       guint          seconds);
/* The longest wait a Retry-After or a spent rate limit is honoured with before giving up;
 * 60 seconds by default.  Retries of 429 and 5xx: three. */
void         rapport_http_set_max_wait (RapportHttp  *self,
                                       guint          seconds);
/* How many requests were sent, retries included. */
guint        rapport_http_get_n_requests (RapportHttp *self);

/* GETs @url and parses its JSON body.  @next_out, when not NULL, receives the URL of the
 * Link header's rel="next" on the same origin as @url, or NULL.  404 and 410 fail with
 * NOT_FOUND; 401 and 403 with NOT_PUBLIC. */
JsonNode    *rapport_http_get_json    (RapportHttp   *self,
                                       const char    *url,
                                       char         **next_out,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* The rel="next" URL of a Link header value, or NULL. */
char        *rapport_http_link_next   (const char    *link);

G_END_DECLS
