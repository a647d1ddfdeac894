/* test-store-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts the creator names or joins: a provisional account renamed, a later export imported
 * under another name merged into the first, and a handle change on X found by the account id.
 */

#include "config.h"

#include "rapport-test-util.h"
#include "store/rapport-store.h"

typedef struct
{
  char *dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Imports an export of @account with one follower and the posts @post_ids (NULL-ended), each
 * with @likes, exported at @exported_at.  Returns the account id. */
static gint64
import_export (Fixture                  *fixture,
               const char               *hash,
               const RapportAccountInfo *account,
               const char               *follower,
               const char * const       *post_ids,
               gint64                    likes,
               gint64                    exported_at)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, follower, NULL, 0 };
  RapportFollowerGain gain = { 0, 1, RAPPORT_COUNT_UNKNOWN };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
  for (guint i = 0; post_ids != NULL && post_ids[i] != NULL; i++)
    {
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = post_ids[i];
      post.type = RAPPORT_POST_PHOTO;
      post.created_at = 1700000000 + i * 86400;
      post.likes = likes;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  /* A day of follower gains, so a merge is seen to carry them along. */
  gain.day = exported_at - exported_at % RAPPORT_SECONDS_PER_DAY;
  g_assert_true (rapport_import_sink_add_follower_gain (sink, &gain, &error));
  rapport_import_sink_set_export_date (sink, exported_at, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  return summary.account_id;
}

static RapportAccount *
find_account (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (fixture->store, NULL);

  for (guint i = 0; i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);

      if (account->id == id)
        return g_ptr_array_steal_index (accounts, i);
    }
  return NULL;
}

static guint
count_accounts (Fixture *fixture)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (fixture->store, NULL);

  return accounts->len;
}

/* A provisional account is listed as such until renamed; a taken handle is refused. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  RapportAccountInfo named = { RAPPORT_PLATFORM_INSTAGRAM, "jo", NULL, NULL, FALSE };
  RapportAccountInfo stand_in = { RAPPORT_PLATFORM_INSTAGRAM, "export-folder", NULL, NULL, TRUE };
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jo, other;

  jo = import_export (fixture, "a", &named, "anna", NULL, 0, 1700000000);
  other = import_export (fixture, "b", &stand_in, "ben", NULL, 0, 1710000000);
  g_assert_cmpint (jo, !=, other);

  account = find_account (fixture, other);
  g_assert_true (account->provisional);
  g_assert_cmpstr (account->handle, ==, "export-folder");
  g_clear_pointer (&account, rapport_account_free);

  g_assert_false (rapport_store_rename_account (fixture->store, other, "JO", &error));
  g_assert_nonnull (strstr (error->message, "merge"));
  g_clear_error (&error);

  g_assert_true (rapport_store_rename_account (fixture->store, other, "@jo.second", &error));
  g_assert_no_error (error);
  account = find_account (fixture, other);
  g_assert_false (account->provisional);
  g_assert_cmpstr (account->handle, ==, "jo.second");
}

/* A later export imported under a stand-in joins the account: its snapshot, its posts (the
 * shared one keeps both snapshots' counts) and its follower counts; the stand-in takes the
 * real name when it is the one that stays. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  RapportAccountInfo named = { RAPPORT_PLATFORM_INSTAGRAM, "jo", NULL, "Jo", FALSE };
  RapportAccountInfo stand_in = { RAPPORT_PLATFORM_INSTAGRAM, "download-2", NULL, NULL, TRUE };
  RapportAccountInfo tiktok = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL, FALSE };
  const char * const first_posts[] = { "p1", "p2", NULL };
  const char * const later_posts[] = { "p2", "p3", NULL };
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jo, later, other_platform;

  jo = import_export (fixture, "a", &named, "anna", first_posts, 10, 1700000000);
  later = import_export (fixture, "b", &stand_in, "ben", later_posts, 20, 1710000000);
  other_platform = import_export (fixture, "c", &tiktok, "cleo", NULL, 0, 1710000000);
  g_assert_cmpuint (count_accounts (fixture), ==, 3);

  g_assert_false (rapport_store_merge_accounts (fixture->store, other_platform, jo, &error));
  g_assert_nonnull (strstr (error->message, "different platforms"));
  g_clear_error (&error);
  g_assert_false (rapport_store_merge_accounts (fixture->store, jo, jo, &error));
  g_clear_error (&error);

  /* The named account into the stand-in: the stand-in stays, under the real name. */
  g_assert_true (rapport_store_merge_accounts (fixture->store, jo, later, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_accounts (fixture), ==, 2);

  account = find_account (fixture, later);
  g_assert_cmpstr (account->handle, ==, "jo");
  g_assert_cmpstr (account->display_name, ==, "Jo");
  g_assert_false (account->provisional);
  g_assert_cmpuint (account->n_snapshots, ==, 2);
  g_assert_cmpint (account->posts, ==, 3);
  g_assert_cmpint (account->followers, ==, 1);

  dataset = rapport_store_load_dataset_every_list (fixture->store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  /* Each export keeps its own list: the two accounts' follow spans were written again. */
  for (guint i = 0; i < 2; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      g_assert_cmpuint (snapshot->followers->len, ==, 1);
      g_assert_cmpstr (snapshot->followers->items[0].who, ==, i == 0 ? "anna" : "ben");
    }
  /* One follower-count point per snapshot, and each export's day of gains. */
  g_assert_cmpuint (dataset->counts->len, ==, 2);
  g_assert_cmpuint (dataset->gains->len, ==, 2);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      /* The shared post has the later export's counts as its latest. */
      if (g_str_equal (post->platform_id, "p1"))
        g_assert_cmpint (post->likes, ==, 10);
      else
        g_assert_cmpint (post->likes, ==, 20);
    }
}

/* X: the same account id under a new handle is the same account, which takes the new name. */
static void
test_handle_change_by_id (Fixture       *fixture,
                          gconstpointer  user_data)
{
  RapportAccountInfo before = { RAPPORT_PLATFORM_TWITTER, "jo_old", "1234", NULL, FALSE };
  RapportAccountInfo after = { RAPPORT_PLATFORM_TWITTER, "jo_new", "1234", NULL, FALSE };
  RapportAccountInfo someone = { RAPPORT_PLATFORM_TWITTER, "jo_old", "999", NULL, FALSE };
  g_autoptr(RapportAccount) account = NULL;
  gint64 first, second, third;

  first = import_export (fixture, "a", &before, "1", NULL, 0, 1700000000);
  second = import_export (fixture, "b", &after, "2", NULL, 0, 1710000000);
  g_assert_cmpint (first, ==, second);
  account = find_account (fixture, first);
  g_assert_cmpstr (account->handle, ==, "jo_new");
  g_assert_cmpuint (account->n_snapshots, ==, 2);

  /* The old handle, taken later by another account id, is another account. */
  third = import_export (fixture, "c", &someone, "3", NULL, 0, 1720000000);
  g_assert_cmpint (third, !=, first);
  g_assert_cmpuint (count_accounts (fixture), ==, 2);
}

/* Two YouTube channels of one title are two accounts: the second keeps its id under its
 * title and that id, and the first keeps its own id; a later export of each finds its own. */
static void
test_same_title_other_id (Fixture       *fixture,
                          gconstpointer  user_data)
{
  RapportAccountInfo first_channel = { RAPPORT_PLATFORM_YOUTUBE, "Cooking", "UC1", NULL, FALSE };
  RapportAccountInfo second_channel = { RAPPORT_PLATFORM_YOUTUBE, "Cooking", "UC2", NULL, FALSE };
  g_autoptr(RapportAccount) first = NULL;
  g_autoptr(RapportAccount) second = NULL;
  gint64 first_id, second_id;

  first_id = import_export (fixture, "a", &first_channel, "ann", NULL, 0, 1700000000);
  second_id = import_export (fixture, "b", &second_channel, "bob", NULL, 0, 1710000000);
  g_assert_cmpint (second_id, !=, first_id);
  first = find_account (fixture, first_id);
  second = find_account (fixture, second_id);
  g_assert_cmpstr (first->handle, ==, "Cooking");
  g_assert_cmpstr (first->platform_id, ==, "UC1");
  g_assert_cmpstr (second->handle, ==, "Cooking (UC2)");
  g_assert_cmpstr (second->platform_id, ==, "UC2");

  g_assert_cmpint (import_export (fixture, "c", &second_channel, "bob", NULL, 0, 1720000000), ==,
                   second_id);
  g_assert_cmpint (import_export (fixture, "d", &first_channel, "ann", NULL, 0, 1720000000), ==,
                   first_id);
  g_assert_cmpuint (count_accounts (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-accounts/rename", Fixture, NULL, fixture_set_up, test_rename,
              fixture_tear_down);
  g_test_add ("/store-accounts/merge", Fixture, NULL, fixture_set_up, test_merge,
              fixture_tear_down);
  g_test_add ("/store-accounts/handle-change-by-id", Fixture, NULL, fixture_set_up,
              test_handle_change_by_id, fixture_tear_down);
  g_test_add ("/store-accounts/same-title-other-id", Fixture, NULL, fixture_set_up,
              test_same_title_other_id, fixture_tear_down);

  return g_test_run ();
}
