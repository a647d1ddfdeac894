/* rapport-live-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the service clients share: one client per service fills a RapportLiveData through
 * the shared HTTP part, reading answers with the checked accessors below.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rapport-http.h"
#include "rapport-live.h"

G_BEGIN_DECLS

#define RAPPORT_LIVE_MAX_LIST  20000
#define RAPPORT_LIVE_MAX_POSTS 1000
/* A handle longer than this is none (atproto allows 253 characters, so do host names). */
#define RAPPORT_LIVE_MAX_HANDLE 253
/* A page that brings nothing new, or more pages than this, ends a list. */
#define RAPPORT_LIVE_MAX_PAGES 1000

typedef struct
{
  RapportHttp *http;
  const RapportLiveOptions *options;
  guint max_list;
  guint max_posts;
  RapportLiveProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;
} RapportLiveFetch;

/* The string member @name of @object, or NULL when it is missing or not a string. */
const char *rapport_live_get_string    (JsonObject        *object,
                                        const char        *name);
/* The integer member @name in count range, else RAPPORT_COUNT_UNKNOWN. */
gint64      rapport_live_get_count     (JsonObject        *object,
                                        const char        *name);
/* The object member @name, or NULL. */
JsonObject *rapport_live_get_object    (JsonObject        *object,
                                        const char        *name);
/* Sets a MALFORMED error naming @what (the method or path) and returns FALSE. */
gboolean    rapport_live_set_malformed (const char        *what,
                                        GError           **error);
/* @node as an object, else NULL and a MALFORMED error naming @what. */
JsonObject *rapport_live_expect_object (JsonNode          *node,
                                        const char        *what,
                                        GError           **error);
/* Unix seconds of an ISO 8601 time, 0 when it is none. */
gint64      rapport_live_parse_time    (const char        *text);
/* Whether @text is a handle-like name: printable ASCII without spaces, at most 253 bytes. */
gboolean    rapport_live_is_name       (const char        *text);
void        rapport_live_progress      (RapportLiveFetch  *fetch,
                                        RapportLiveStage   stage,
                                        guint64            done,
                                        gint64             total);
/* Adds @live to @data's posts unless @seen (platform ids) has it: a page may repeat a post. */
void        rapport_live_add_post      (RapportLiveData   *data,
                                        GHashTable        *seen,
                                        RapportLivePost   *live);
void        rapport_live_account_free  (RapportLiveAccount *account);
void        rapport_live_post_free     (RapportLivePost   *post);

gboolean    rapport_bluesky_fetch      (RapportLiveFetch  *fetch,
                                        const char        *base,
                                        const char        *handle,
                                        RapportLiveData   *data,
                                        GError           **error);
gboolean    rapport_mastodon_fetch     (RapportLiveFetch  *fetch,
                                        const char        *base,
                                        const char        *handle,
                                        RapportLiveData   *data,
                                        GError           **error);

G_END_DECLS
