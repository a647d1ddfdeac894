/* rapport-test-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A local SoupServer, in a thread of its own, that replays hand-written answers by request:
 * no test reaches the internet.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RapportTestServer RapportTestServer;

/* What a refresh asks of the Bluesky AppView for @alice.test, and of a Mastodon server for
 * @mira, as sent. */
#define LIVE_PROFILE     "/xrpc/app.bsky.actor.getProfile?actor=alice.test"
#define LIVE_FOLLOWERS   "/xrpc/app.bsky.graph.getFollowers?actor=did%3Aplc%3Aalice&limit=100"
#define LIVE_FOLLOWS     "/xrpc/app.bsky.graph.getFollows?actor=did%3Aplc%3Aalice&limit=100"
#define LIVE_FEED        "/xrpc/app.bsky.feed.getAuthorFeed?actor=did%3Aplc%3Aalice&limit=100"

#define LIVE_LOOKUP      "/api/v1/accounts/lookup?acct=mira"
#define LIVE_ACCOUNT     "/api/v1/accounts/109"
#define LIVE_M_FOLLOWERS "/api/v1/accounts/109/followers?limit=80"
#define LIVE_M_FOLLOWING "/api/v1/accounts/109/following?limit=80"
#define LIVE_M_STATUSES  "/api/v1/accounts/109/statuses?limit=40&exclude_reblogs=true"

RapportTestServer *rapport_test_server_new      (void);
void               rapport_test_server_free     (RapportTestServer *server);
/* "http://127.0.0.1:PORT" */
const char        *rapport_test_server_get_base (RapportTestServer *server);

/* Queues an answer to @path_and_query ("/api/v1/accounts/109?x=1", as sent): @status with the
 * file @fixture of tests/fixtures/live (or no body when NULL), where "BASE" in @link is the
 * server's base.  Queued answers are given in turn; the last one stays for later requests.
 * @retry_after, @link and the rate-limit pair may be NULL. */
void               rapport_test_server_add      (RapportTestServer *server,
                                                 const char        *path_and_query,
                                                 guint              status,
                                                 const char        *fixture,
                                                 const char        *link,
                                                 const char        *retry_after);
/* The same with the X-RateLimit-Remaining and -Reset headers of Mastodon. */
void               rapport_test_server_add_limited (RapportTestServer *server,
                                                 const char        *path_and_query,
                                                 const char        *fixture,
                                                 const char        *remaining,
                                                 const char        *reset);
/* An answer that never comes, for a timeout. */
void               rapport_test_server_add_silence (RapportTestServer *server,
                                                 const char        *path_and_query);
/* Alice on Bluesky: three followers on two pages (the second @second_followers), two follows,
 * three own posts on two pages among a repost of Bob's. */
void               rapport_test_server_serve_bluesky (RapportTestServer *server,
                                                 const char        *second_followers);
/* Mira on Mastodon: followers on two pages linked by the Link header (the second
 * @second_followers), a hidden following list (empty for an account that follows two), and
 * three statuses, one of them a boost. */
void               rapport_test_server_serve_mastodon (RapportTestServer *server,
                                                 const char        *second_followers);
/* Forgets every answer and request. */
void               rapport_test_server_clear    (RapportTestServer *server);
/* How many requests asked for @path_and_query. */
guint              rapport_test_server_count    (RapportTestServer *server,
                                                 const char        *path_and_query);
/* The User-Agent of the last request. */
char              *rapport_test_server_dup_user_agent (RapportTestServer *server);

G_END_DECLS
