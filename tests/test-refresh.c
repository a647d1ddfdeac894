/* test-refresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refreshes from the web against a local SoupServer that replays hand-written answers of the
 * Bluesky AppView and the Mastodon REST API (tests/fixtures/live): what is stored, and that
 * every failure leaves the database as it was.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "analysis/rapport-audience.h"
#include "net/rapport-http.h"
#include "session/rapport-import-batch.h"
#include "session/rapport-refresh.h"
#include "rapport-test-server.h"
#include "rapport-test-util.h"

typedef struct
{
  RapportTestServer *server;
  char *dir;
  RapportRefreshRequest request;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = rapport_test_server_new ();
  fixture->dir = rapport_test_make_temp_dir ();
  fixture->request.options.bluesky_appview = rapport_test_server_get_base (fixture->server);
  fixture->request.options.mastodon_server = rapport_test_server_get_base (fixture->server);
  fixture->request.options.timeout = 1;
  fixture->request.options.max_wait = 5;
  /* The master switch, off by default; /refresh/not-allowed turns it off. */
  g_assert_true (rapport_refresh_set_allowed (TRUE, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rapport_test_server_free (fixture->server);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
add (Fixture                *fixture,
     const char             *spec,
     RapportRefreshSummary  *summary,
     GError                **error)
{
  return rapport_refresh_add (fixture->dir, spec, &fixture->request, NULL, NULL, NULL, summary,
                              error);
}

static RapportDataset *
load (Fixture *fixture,
      gint64   account_id)
{
  g_autoptr(RapportStore) store = rapport_store_open (fixture->dir, NULL);
  g_autoptr(GError) error = NULL;
  RapportDataset *dataset = rapport_store_load_dataset (store, account_id, &error);

  g_assert_no_error (error);
  return dataset;
}

static const RapportDatasetPost *
find_post (const RapportDataset *dataset,
           const char           *id)
{
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, id))
        return post;
    }
  g_error ("no post %s", id);
  return NULL;
}

static gint64
live_count (const RapportDataset *dataset)
{
  for (guint i = 0; i < dataset->counts->len; i++)
    {
      const RapportFollowerCount *count = &g_array_index (dataset->counts, RapportFollowerCount, i);

      if (count->source == RAPPORT_COUNT_SOURCE_LIVE)
        return count->count;
    }
  return -1;
}

static void
test_bluesky (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *described = NULL;
  const RapportDatasetSnapshot *snapshot;
  const RapportDatasetPost *post;
  RapportAccount *account;

  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  g_assert_true (add (fixture, "bluesky:@Alice.test", &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (summary.import.handle, ==, "alice.test");
  g_assert_cmpint (summary.import.platform, ==, RAPPORT_PLATFORM_BLUESKY);
  g_assert_cmpint (summary.followers, ==, 3);
  g_assert_cmpint (summary.following, ==, 2);
  g_assert_cmpuint (summary.n_posts, ==, 3);
  g_assert_cmpint (summary.list_state[0], ==, RAPPORT_LIVE_LIST_FETCHED);
  described = rapport_refresh_summary_describe (&summary);
  g_assert_cmpstr (described, ==, "3 followers, following 2; the counts of 3 posts\n");
  agent = rapport_test_server_dup_user_agent (fixture->server);
  g_assert_cmpstr (agent, ==, "Rapport/" PACKAGE_VERSION);

  store = rapport_store_open (fixture->dir, &error);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (account->handle, ==, "alice.test");
  g_assert_cmpstr (account->platform_id, ==, "did:plc:alice");
  g_assert_cmpstr (account->display_name, ==, "Alice Draws");
  g_assert_true (account->refresh_enabled);
  g_assert_cmpint (account->last_refreshed_at, >, 0);
  g_assert_cmpint (account->followers, ==, 3);

  dataset = load (fixture, account->id);
  g_assert_cmpuint (dataset->snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_LIVE);
  g_assert_cmpuint (snapshot->followers->len, ==, 3);
  /* Bluesky's lists compare by DID, so a renamed follower stays the same follower. */
  g_assert_cmpstr (rapport_people_find (snapshot->followers, "did:plc:carol")->handle, ==,
                   "carol.test");
  g_assert_cmpuint (snapshot->following->len, ==, 2);
  g_assert_cmpint (live_count (dataset), ==, 3);

  /* The repost of Bob's post is not Alice's. */
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  post = find_post (dataset, "3kaaa");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1740823200);
  g_assert_cmpint (post->likes, ==, 5);
  g_assert_cmpint (post->shares, ==, 2);
  g_assert_cmpint (post->replies, ==, 1);
  g_assert_cmpint (post->quotes, ==, 0);
  g_assert_cmpstr (post->text, ==, "Sketch day #Art");
  g_assert_cmpstr (post->hashtags[0], ==, "art");
  g_assert_cmpstr (post->url, ==, "https://bsky.app/profile/alice.test/post/3kaaa");
  g_assert_cmpint (find_post (dataset, "3kbbb")->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (find_post (dataset, "3kccc")->quotes, ==, 2);
}

/* Two refreshes with different follower pages: the second shows who came and who left, as
 * two exports would; within the hour only when forced. */
static void
check_churn (Fixture    *fixture,
             const char *spec,
             const char *gained,
             const char *lost)
{
  g_auto(RapportRefreshSummary) first = { { 0 } };
  g_auto(RapportRefreshSummary) second = { { 0 } };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const RapportChurnStep *step;

  g_assert_true (add (fixture, spec, &first, &error));
  g_assert_no_error (error);

  before = rapport_test_database_fingerprint (fixture->dir);
  g_assert_false (rapport_refresh_account (fixture->dir, first.import.account_id,
                                           &fixture->request, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_TOO_SOON);
  rapport_test_assert_contains (error->message, "less than an hour ago");
  g_clear_error (&error);
  after = rapport_test_database_fingerprint (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  fixture->request.force = TRUE;
  g_assert_true (rapport_refresh_account (fixture->dir, first.import.account_id,
                                          &fixture->request, NULL, NULL, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.import.account_id, ==, first.import.account_id);

  dataset = load (fixture, first.import.account_id);
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  churn = rapport_churn_compute (dataset);
  step = rapport_churn_latest (churn);
  g_assert_nonnull (step);
  g_assert_cmpuint (step->gained->len, ==, 1);
  g_assert_cmpuint (step->lost->len, ==, 1);
  g_assert_cmpstr (step->newer_people->items[g_array_index (step->gained, guint32, 0)].handle,
                   ==, gained);
  g_assert_cmpstr (step->older_people->items[g_array_index (step->lost, guint32, 0)].handle,
                   ==, lost);
}

static void
test_bluesky_churn (Fixture       *fixture,
                    gconstpointer  data)
{
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  /* The second refresh finds Erin on the second page, where Dan was. */
  rapport_test_server_add (fixture->server, LIVE_FOLLOWERS "&cursor=page2", 200,
                           "bluesky-followers-2b.json", NULL, NULL);
  check_churn (fixture, "bluesky:alice.test", "erin.test", "dan.test");
}

static void
test_mastodon (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  const RapportDatasetSnapshot *snapshot;
  const RapportDatasetPost *post;

  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  g_assert_true (add (fixture, "mastodon:Mira@Example.social", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.import.handle, ==, "mira@example.social");
  g_assert_cmpint (summary.list_state[RAPPORT_DIRECTION_FOLLOWER], ==, RAPPORT_LIVE_LIST_FETCHED);
  g_assert_cmpint (summary.list_state[RAPPORT_DIRECTION_FOLLOWING], ==, RAPPORT_LIVE_LIST_HIDDEN);
  described = rapport_refresh_summary_describe (&summary);
  rapport_test_assert_contains (described, "The server does not show whom @mira@example.social "
                                "follows");
  /* The three pages were asked for once each: the second's Link leads to the empty third. */
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_M_FOLLOWERS "&max_id=99"),
                    ==, 1);

  dataset = load (fixture, summary.import.account_id);
  g_assert_cmpuint (dataset->snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_assert_cmpuint (snapshot->followers->len, ==, 3);
  g_assert_nonnull (rapport_people_find (snapshot->followers, "carol@example.social"));
  g_assert_nonnull (rapport_people_find (snapshot->followers, "dave@other.example"));
  g_assert_nonnull (rapport_people_find (snapshot->followers, "erin@third.example"));
  g_assert_null (snapshot->following);
  g_assert_false (snapshot->has_following);
  g_assert_cmpint (live_count (dataset), ==, 3);

  /* The boost is left out. */
  g_assert_cmpuint (dataset->posts->len, ==, 2);
  post = find_post (dataset, "2001");
  g_assert_cmpint (post->likes, ==, 4);
  g_assert_cmpint (post->shares, ==, 1);
  g_assert_cmpint (post->replies, ==, 2);
  g_assert_cmpstr (post->hashtags[0], ==, "pottery");
  g_assert_cmpint (post->created_at, ==, 1740906000);
  /* The status's HTML is stored as text, as an archive's is. */
  g_assert_cmpstr (post->text, ==, "Kiln day #Pottery");
  g_assert_cmpint (find_post (dataset, "2003")->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpstr (find_post (dataset, "2003")->text, ==, "Thanks!");
}

static void
test_mastodon_churn (Fixture       *fixture,
                     gconstpointer  data)
{
  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  rapport_test_server_add (fixture->server, LIVE_M_FOLLOWERS "&max_id=12", 200,
                           "mastodon-followers-2b.json",
                           "<BASE" LIVE_M_FOLLOWERS "&max_id=99>; rel=\"next\"", NULL);
  check_churn (fixture, "mastodon:mira@example.social", "fay@example.social",
               "erin@third.example");
}

/* A Mastodon archive imported after the account was added by its handle joins it: the
 * server gives the same ActivityPub id as the archive's actor.json. */
static void
test_export_joins (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(RapportImportBatch) batch = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "fixtures", "mastodon",
                                                    "archive-20260412094512-5f3c2a1b", NULL);
  RapportAccount *account;

  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  g_assert_true (add (fixture, "mastodon:mira@example.social", &summary, &error));
  g_assert_no_error (error);

  batch = rapport_import_batch_new (fixture->dir);
  rapport_import_batch_add_path (batch, archive);
  g_assert_true (rapport_import_batch_run (batch, NULL, &error));
  g_assert_null (rapport_import_batch_get_item_error (batch, 0));
  g_assert_cmpint (rapport_import_batch_get_item_summary (batch, 0)->account_id, ==,
                   summary.import.account_id);

  store = rapport_store_open (fixture->dir, &error);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpuint (account->n_snapshots, ==, 2);
  g_assert_true (account->refresh_enabled);
}

/* The account's switch: off, it is left out of the accounts `rapport refresh` refreshes; an
 * account of a platform without a refresh cannot have it on. */
static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo channel = { RAPPORT_PLATFORM_YOUTUBE, "Mira Makes", "UCmiramakes",
                                 "Mira Makes", FALSE };
  gboolean enabled = TRUE;
  gint64 youtube;

  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  g_assert_true (add (fixture, "mastodon:mira@example.social", &summary, &error));
  g_assert_no_error (error);
  store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_refresh_set_enabled (store, summary.import.account_id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_get_refresh (store, summary.import.account_id, &enabled, NULL,
                                            &error));
  g_assert_false (enabled);
  ids = rapport_store_list_refreshed_accounts (store, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (rapport_refresh_set_enabled (store, summary.import.account_id, TRUE, &error));
  ids = rapport_store_list_refreshed_accounts (store, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, summary.import.account_id);

  g_assert_false (rapport_refresh_set_enabled (store, 999, FALSE, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED);
  rapport_test_assert_contains (error->message, "no account 999");
  g_clear_error (&error);

  /* A YouTube channel cannot be turned on; the error calls it by its title, no handle. */
  youtube = rapport_test_import_account (fixture->dir, "youtube", &channel);
  g_assert_false (rapport_refresh_set_enabled (store, youtube, TRUE, &error));
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "Only Bluesky and Mastodon accounts can be refreshed "
                   "from the web; Mira Makes is on YouTube");
}

/* Every failure: the error a person reads, and a database as it was. */
static void
check_fails (Fixture    *fixture,
             const char *spec,
             GQuark      domain,
             int         code,
             const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (fixture->dir, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  before = rapport_test_database_fingerprint (fixture->dir);
  g_assert_false (add (fixture, spec, NULL, &error));
  g_assert_error (error, domain, code);
  rapport_test_assert_contains (error->message, message_part);
  after = rapport_test_database_fingerprint (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_no_unauthenticated (Fixture       *fixture,
                         gconstpointer  data)
{
  rapport_test_server_add (fixture->server, "/xrpc/app.bsky.actor.getProfile?actor=shy.test",
                           200, "bluesky-profile-shy.json", NULL, NULL);
  check_fails (fixture, "bluesky:shy.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_PUBLIC,
               "asks Bluesky not to show the account");
  /* Nothing past the profile was asked for. */
  g_assert_cmpuint (rapport_test_server_count (fixture->server,
                    "/xrpc/app.bsky.graph.getFollowers?actor=did%3Aplc%3Ashy&limit=100"), ==, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  rapport_test_server_add (fixture->server, "/xrpc/app.bsky.actor.getProfile?actor=nobody.test",
                           400, "bluesky-not-found.json", NULL, NULL);
  check_fails (fixture, "bluesky:nobody.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_FOUND,
               "Bluesky has no account @nobody.test");
  check_fails (fixture, "mastodon:mira@example.social", RAPPORT_NET_ERROR,
               RAPPORT_NET_ERROR_NOT_FOUND, "has no account @mira@example.social");
  check_fails (fixture, "twitter:someone", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED,
               "is no account Rapport can follow");
}

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* 429 asking for a second, then the page. */
  rapport_test_server_add (fixture->server, LIVE_FOLLOWERS, 429, NULL, NULL, "1");
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  g_assert_true (add (fixture, "bluesky:alice.test", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_FOLLOWERS), ==, 2);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  rapport_test_server_add (fixture->server, LIVE_FOLLOWERS, 429, NULL, NULL, "3600");
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_RATE_LIMITED,
               "asks to wait 60 minutes");
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_FOLLOWERS), ==, 1);
}

/* The rate-limit headers say the window is spent for an hour: the next request is not sent. */
static void
test_rate_limit_headers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) reset = g_date_time_add_hours (now, 1);
  g_autofree char *reset_text = g_date_time_format_iso8601 (reset);

  rapport_test_server_add_limited (fixture->server, LIVE_LOOKUP, "mastodon-account.json", "0",
                                   reset_text);
  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  check_fails (fixture, "mastodon:mira@example.social", RAPPORT_NET_ERROR,
               RAPPORT_NET_ERROR_RATE_LIMITED, "is limiting requests");
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_ACCOUNT), ==, 0);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A 500, then the profile. */
  rapport_test_server_add (fixture->server, LIVE_PROFILE, 500, NULL, NULL, "0");
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  g_assert_true (add (fixture, "bluesky:alice.test", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_PROFILE), ==, 2);

  /* A 503 that lasts: three retries, then the error. */
  rapport_test_server_clear (fixture->server);
  rapport_test_server_add (fixture->server, LIVE_LOOKUP, 503, NULL, NULL, "0");
  check_fails (fixture, "mastodon:mira@example.social", RAPPORT_NET_ERROR,
               RAPPORT_NET_ERROR_SERVER, "answered with an error (503)");
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_LOOKUP), ==, 4);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  rapport_test_server_add_silence (fixture->server, LIVE_FOLLOWERS);
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_TIMEOUT,
               "did not answer in time");
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  rapport_test_server_add (fixture->server, LIVE_FEED, 200, "malformed.json", NULL, NULL);
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_MALFORMED,
               "cannot read");

  /* A followers page that is an object, not the list Mastodon documents. */
  rapport_test_server_clear (fixture->server);
  rapport_test_server_add (fixture->server, LIVE_M_FOLLOWERS, 200, "mastodon-account.json", NULL,
                           NULL);
  rapport_test_server_serve_mastodon (fixture->server, "mastodon-followers-2.json");
  check_fails (fixture, "mastodon:mira@example.social", RAPPORT_NET_ERROR,
               RAPPORT_NET_ERROR_MALFORMED, "followers");
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Port 9 (discard) of this machine refuses connections. */
  fixture->request.options.bluesky_appview = "http://127.0.0.1:9";
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNREACHABLE,
               "Cannot reach 127.0.0.1:9");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (fixture->dir, NULL);

  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  before = rapport_test_database_fingerprint (fixture->dir);
  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_refresh_add (fixture->dir, "bluesky:alice.test", &fixture->request,
                                       NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = rapport_test_database_fingerprint (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

/* Never two at once: a refresh holding the lock keeps another out. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "refresh.lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT, 0600);

  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_BUSY,
               "Another refresh is running");
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_PROFILE), ==, 0);
  close (fd);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (rapport_refresh_run_finish (result, NULL, error));
}

/* The master switch off: nothing is asked of any server and nothing is stored, whichever way
 * the refresh is started. */
static void
test_not_allowed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rapport_test_server_serve_bluesky (fixture->server, "bluesky-followers-2.json");
  g_assert_true (add (fixture, "bluesky:alice.test", &summary, &error));
  g_assert_true (rapport_refresh_set_allowed (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_settings_get_boolean (settings, "refresh-from-web"));

  before = rapport_test_database_fingerprint (fixture->dir);
  fixture->request.force = TRUE;
  check_fails (fixture, "bluesky:alice.test", RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_ALLOWED,
               "Refreshing from the web is turned off");
  g_assert_false (rapport_refresh_account (fixture->dir, summary.import.account_id,
                                           &fixture->request, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  rapport_refresh_run_async (fixture->dir, summary.import.account_id, NULL, TRUE, NULL, NULL,
                             NULL, run_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_ALLOWED);

  after = rapport_test_database_fingerprint (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  /* Only the first refresh, before the switch went off, asked for the profile. */
  g_assert_cmpuint (rapport_test_server_count (fixture->server, LIVE_PROFILE), ==, 1);
}

/* What the window says of a failed refresh: each fault in its own plain sentence, without
 * the transport's words. */
static void
test_describe_error (void)
{
  static const struct
  {
    RapportNetError code;
    const char *message;
    const char *expected;
  } cases[] = {
    { RAPPORT_NET_ERROR_OFFLINE, "Cannot reach bsky.app: this computer seems to be offline",
      "@jo could not be refreshed: this computer seems to be offline. Try again when it is "
      "connected." },
    { RAPPORT_NET_ERROR_UNKNOWN_HOST, "The server name mastodon.exmaple could not be found",
      "@jo could not be refreshed: the server name could not be found (check the handle)." },
    { RAPPORT_NET_ERROR_UNREACHABLE, "Cannot reach 127.0.0.1:9 (Connection refused)",
      "@jo could not be refreshed: its server cannot be reached now. Try again later." },
    { RAPPORT_NET_ERROR_TIMEOUT, "bsky.app did not answer in time",
      "@jo could not be refreshed: its server did not answer in time. Try again later." },
    { RAPPORT_NET_ERROR_SERVER, "bsky.app answered with an error (503)",
      "@jo could not be refreshed: its server is having trouble. Try again later." },
    { RAPPORT_NET_ERROR_MALFORMED, "bsky.app sent an answer Rapport cannot read (x)",
      "@jo could not be refreshed: its server answered in a way Rapport cannot read. Try "
      "again later." },
    { RAPPORT_NET_ERROR_NOT_FOUND, "Bluesky has no account @jo",
      "@jo was not found: check the handle, or whether the account was renamed or deleted." },
    /* Already plain, with the wait the server asks for. */
    { RAPPORT_NET_ERROR_RATE_LIMITED, "bsky.app is limiting requests and asks to wait 60 "
      "minutes; try again later",
      "bsky.app is limiting requests and asks to wait 60 minutes; try again later" },
    { RAPPORT_NET_ERROR_TOO_SOON, "@jo was refreshed less than an hour ago",
      "@jo was refreshed less than an hour ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (RAPPORT_NET_ERROR, cases[i].code,
                                                     cases[i].message);
      g_autofree char *text = rapport_refresh_describe_error ("@jo", FALSE, error);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Follow an Account: the account was not added, not "not refreshed". */
  {
    g_autoptr(GError) error = g_error_new_literal (RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_TIMEOUT,
                                                   "bsky.app did not answer in time");
    g_autofree char *text = rapport_refresh_describe_error ("@jo", TRUE, error);

    g_assert_cmpstr (text, ==, "@jo could not be added: its server did not answer in time. Try "
                     "again later.");
  }
}

static void
test_link_next (void)
{
  g_autofree char *next = rapport_http_link_next (
    "<https://a.example/api/v1/accounts/1/followers?limit=80&max_id=7>; rel=\"next\", "
    "<https://a.example/api/v1/accounts/1/followers?limit=80&since_id=9>; rel=\"prev\"");
  g_autofree char *prev_only = rapport_http_link_next ("<https://a.example/x>; rel=\"prev\"");

  g_assert_cmpstr (next, ==, "https://a.example/api/v1/accounts/1/followers?limit=80&max_id=7");
  g_assert_null (prev_only);
  g_assert_null (rapport_http_link_next ("garbage"));
}

static void
test_parse_spec (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *handle = NULL;
  RapportPlatform platform;

  g_assert_true (rapport_live_parse_spec ("Mastodon:@Mira@Example.Social", &platform, &handle,
                                          &error));
  g_assert_cmpint (platform, ==, RAPPORT_PLATFORM_MASTODON);
  g_assert_cmpstr (handle, ==, "mira@example.social");
  g_assert_false (rapport_live_parse_spec ("mastodon:mira", &platform, &handle, &error));
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (rapport_live_parse_spec ("bluesky:bad handle.test", &platform, &handle,
                                           &error));
  g_assert_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/refresh/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("bluesky", test_bluesky);
  ADD ("bluesky-churn", test_bluesky_churn);
  ADD ("mastodon", test_mastodon);
  ADD ("mastodon-churn", test_mastodon_churn);
  ADD ("export-joins", test_export_joins);
  ADD ("switch", test_switch);
  ADD ("no-unauthenticated", test_no_unauthenticated);
  ADD ("not-found", test_not_found);
  ADD ("retry-after", test_retry_after);
  ADD ("rate-limited", test_rate_limited);
  ADD ("rate-limit-headers", test_rate_limit_headers);
  ADD ("server-error", test_server_error);
  ADD ("timeout", test_timeout);
  ADD ("malformed", test_malformed);
  ADD ("unreachable", test_unreachable);
  ADD ("cancelled", test_cancelled);
  ADD ("busy", test_busy);
  ADD ("not-allowed", test_not_allowed);
#undef ADD
  g_test_add_func ("/refresh/describe-error", test_describe_error);
  g_test_add_func ("/refresh/link-next", test_link_next);
  g_test_add_func ("/refresh/parse-spec", test_parse_spec);

  return g_test_run ();
}
