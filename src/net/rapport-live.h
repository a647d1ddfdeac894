/* rapport-live.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public figures of a Bluesky or Mastodon account, fetched without logging in: the
 * profile's counts, the follower and following lists, and the counts of its own posts.  A
 * fetch only reads the network; rapport_live_data_write() then hands what was fetched to an
 * import sink, so that a refresh is stored as an import is, in one transaction.
 */

#pragma once

#include <gio/gio.h>

#include "core/rapport-import-sink.h"
#include "core/rapport-records.h"

G_BEGIN_DECLS

/* The public AppView answers unauthenticated reads of Bluesky. */
#define RAPPORT_LIVE_BLUESKY_APPVIEW "https://public.api.bsky.app"

typedef struct
{
  /* Base URLs such as "http://127.0.0.1:8080"; NULL takes RAPPORT_BLUESKY_APPVIEW or the
   * public AppView, and RAPPORT_MASTODON_SERVER or https:// the server of the handle. */
  const char *bluesky_appview;
  const char *mastodon_server;
  guint timeout;   /* seconds per request; 0 for the default */
  guint max_wait;  /* the longest Retry-After honoured, in seconds; 0 for the default */
  guint max_list;  /* a longer follower or following list is not fetched; 0: 20,000 */
  guint max_posts; /* the newest posts whose counts are fetched; 0: 1,000 */
} RapportLiveOptions;

typedef enum
{
  RAPPORT_LIVE_LIST_FETCHED,
  RAPPORT_LIVE_LIST_HIDDEN,   /* the account or its server does not show it */
  RAPPORT_LIVE_LIST_TOO_LONG, /* longer than max_list: left out rather than cut short */
} RapportLiveListState;

typedef enum
{
  RAPPORT_LIVE_STAGE_PROFILE,
  RAPPORT_LIVE_STAGE_FOLLOWERS,
  RAPPORT_LIVE_STAGE_FOLLOWING,
  RAPPORT_LIVE_STAGE_POSTS,
} RapportLiveStage;

/* Called in the fetching thread after each page: @done records of @total (-1 if unknown). */
typedef void (*RapportLiveProgressFunc) (RapportLiveStage stage,
                                         guint64          done,
                                         gint64           total,
                                         gpointer         user_data);

typedef struct
{
  char *handle;
  char *platform_id;
} RapportLiveAccount;

typedef struct
{
  char *platform_id;
  RapportPostType type;
  gint64 created_at;
  char *text;
  char *url;
  gint64 likes;
  gint64 shares;
  gint64 replies;
  gint64 quotes;
  char **hashtags;
} RapportLivePost;

typedef struct
{
  RapportPlatform platform;
  char *handle;
  char *platform_id;  /* Bluesky's DID; Mastodon's ActivityPub id, as its archives give */
  char *display_name;
  gint64 followers;   /* the profile's counts; RAPPORT_COUNT_UNKNOWN when not given */
  gint64 following;
  gint64 posts;
  RapportLiveListState list_state[2]; /* by RapportDirection */
  GPtrArray *lists[2];                /* RapportLiveAccount; NULL unless FETCHED */
  GPtrArray *post_list;               /* RapportLivePost, own posts and replies only */
} RapportLiveData;

RapportLiveData *rapport_live_data_new   (RapportPlatform           platform);
void             rapport_live_data_free  (RapportLiveData          *data);

/* Reads "bluesky:HANDLE" or "mastodon:USER@SERVER" (a leading '@' allowed); the handle in
 * lower case. */
gboolean         rapport_live_parse_spec (const char               *spec,
                                          RapportPlatform          *platform_out,
                                          char                    **handle_out,
                                          GError                  **error);

/* Blocking; fails with a RAPPORT_NET_ERROR or G_IO_ERROR_CANCELLED. */
RapportLiveData *rapport_live_fetch      (RapportPlatform           platform,
                                          const char               *handle,
                                          const RapportLiveOptions *options,
                                          RapportLiveProgressFunc   progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* Hands @data to @sink as an import would: the account, the refresh time @at as the export
 * date, the profile's follower count (source "live"), the lists that were fetched and the
 * posts. */
gboolean         rapport_live_data_write (const RapportLiveData    *data,
                                          gint64                    at,
                                          RapportImportSink        *sink,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportLiveData, rapport_live_data_free)

G_END_DECLS
