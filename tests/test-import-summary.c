/* test-import-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import says it read: each kind of post on its own, archived posts among them, and
 * what the export lacked with where to ask for it.
 */

#include "config.h"

#include "rapport-test-util.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"

static void
add_post (RapportImportSink *sink,
          const char        *id,
          RapportPostType    type,
          gboolean           archived)
{
  g_autoptr(GError) error = NULL;
  RapportPost post;

  rapport_post_init (&post);
  post.platform_id = id;
  post.type = type;
  post.created_at = 1700000000;
  post.archived = archived;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_no_error (error);
}

static void
test_counts_by_kind (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *posts = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "jo", NULL, NULL, FALSE };
  RapportStoreImport *import;
  RapportImportSink *sink;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "jo.zip", "h", "h", NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  add_post (sink, "1", RAPPORT_POST_PHOTO, FALSE);
  add_post (sink, "2", RAPPORT_POST_CAROUSEL, FALSE);
  add_post (sink, "3", RAPPORT_POST_PHOTO, TRUE);
  add_post (sink, "4", RAPPORT_POST_REEL, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      add_post (sink, id, RAPPORT_POST_STORY, FALSE);
    }
  /* The same post from a second file of the export counts once. */
  add_post (sink, "1", RAPPORT_POST_PHOTO, FALSE);
  rapport_import_sink_set_export_date (sink, 1700000000, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_reels, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_stories, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_reposts, ==, 0);
  g_assert_cmpuint (summary.snapshot.n_archived, ==, 1);

  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==,
                   "Instagram · @jo · exported 14 Nov 2023 · 3 posts, 1 reel, 3 stories, "
                   "1 archived");
  missing = rapport_import_summary_describe_missing (&summary);
  g_assert_true (g_str_has_prefix (missing, "This export has no list of followers, no list of "
                                   "accounts followed: request them in Accounts Center"));

  /* `rapport accounts` reads the same counts back. */
  snapshots = rapport_store_list_snapshots (store, summary.account_id, &error);
  g_assert_no_error (error);
  posts = rapport_snapshot_describe_contents (g_ptr_array_index (snapshots, 0));
  g_assert_cmpstr (posts, ==, "3 posts, 1 reel, 3 stories, 1 archived");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* An analytics export with no lists or posts still says what it brought: days of follower
 * totals and of daily follows, and not the size of a list it did not have. */
static void
test_follower_history (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL, FALSE };
  RapportStoreImport *import;
  RapportImportSink *sink;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "FollowerHistory.csv", "h", "h", NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (guint i = 0; i < 2; i++)
    {
      RapportFollowerCount count = { 1700006400 + i * 86400, 120 + i,
                                     RAPPORT_COUNT_SOURCE_ANALYTICS };

      g_assert_true (rapport_import_sink_add_follower_count (sink, &count, &error));
    }
  for (guint i = 0; i < 3; i++)
    {
      RapportFollowerGain gain = { 1699920000 - i * 86400, 2, RAPPORT_COUNT_UNKNOWN };

      g_assert_true (rapport_import_sink_add_follower_gain (sink, &gain, &error));
    }
  rapport_import_sink_set_export_date (sink, 1700100000, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.snapshot.n_follower_days, ==, 5);
  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==,
                   "TikTok · @jo · exported 16 Nov 2023 · 5 days of follower history");
  missing = rapport_import_summary_describe_missing (&summary);
  snapshots = rapport_store_list_snapshots (store, summary.account_id, &error);
  g_assert_no_error (error);
  contents = rapport_snapshot_describe_contents (g_ptr_array_index (snapshots, 0));
  g_assert_cmpstr (contents, ==, "no posts, 5 days of follower history");
  /* Without a list, the account's followers are the newest daily total. */
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((RapportAccount *) g_ptr_array_index (accounts, 0))->followers, ==, 121);
  g_assert_cmpstr (missing, ==, "Lists of followers and of accounts followed come with the data "
                   "export: request all data, as JSON, in Settings and privacy → Account → "
                   "Download your data.");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* LinkedIn's export lists connections, mutual by definition: said once, as connections. */
static void
test_connections (void)
{
  RapportImportSummary summary = { 0 };
  g_autofree char *description = NULL;

  summary.platform = RAPPORT_PLATFORM_LINKEDIN;
  summary.handle = (char *) "Jo Doe";
  summary.snapshot.exported_at = 1717027200;
  summary.snapshot.has_followers = summary.snapshot.has_following = TRUE;
  summary.snapshot.n_followers = summary.snapshot.n_following = 6;
  summary.snapshot.n_posts = 4;
  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==,
                   "LinkedIn · Jo Doe · exported 30 May 2024 · 6 connections, 4 posts");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-summary/counts-by-kind", test_counts_by_kind);
  g_test_add_func ("/import-summary/follower-history", test_follower_history);
  g_test_add_func ("/import-summary/connections", test_connections);

  return g_test_run ();
}
