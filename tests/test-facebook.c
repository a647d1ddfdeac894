/* test-facebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/facebook/; the Unix
 * times were checked with `date -u -d @<seconds>`.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-facebook-importer.h"
#include "import/rapport-instagram-importer.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define EXPORT_2024 "facebook-renee.dupont-2024-06-01-aB3dE5f"
#define EXPORT_2026 "facebook-sam.lee-2026-03-10-Qw7Er9"

#define JUN_01_2024 G_GINT64_CONSTANT (1717200000)
#define MAR_10_2026 G_GINT64_CONSTANT (1773100800)

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "facebook", name, NULL);
}

/* Imports @path through detection, which must pick Facebook. */
static RapportTestSink *
import_path (const char *path)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_FACEBOOK);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_facebook_import);
  g_assert_true (import_func (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_FACEBOOK);
  return g_steal_pointer (&sink);
}

static void
assert_relation (RapportTestSink  *sink,
                 RapportDirection  direction,
                 const char       *handle,
                 gint64            since)
{
  const RapportRelation *relation = rapport_test_sink_find_relation (sink, direction, handle);

  g_assert_nonnull (relation);
  g_assert_null (relation->platform_id);
  g_assert_cmpint (relation->since, ==, since);
}

/* Every person of a list handed on once. */
static void
assert_each_once (GPtrArray *relations)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < relations->len; i++)
    {
      const RapportRelation *relation = g_ptr_array_index (relations, i);

      g_assert_true (g_hash_table_add (seen, (gpointer) relation->handle));
    }
}

static void
test_2024 (void)
{
  g_autofree char *path = fixture_path (EXPORT_2024);
  g_autoptr(RapportTestSink) sink = import_path (path);
  const RapportPost *post;

  /* The profile's address names the account; its full name is repaired. */
  g_assert_cmpstr (sink->handle, ==, "renee.dupont");
  g_assert_cmpstr (sink->display_name, ==, "Ren\xc3\xa9" "e Dupont");
  g_assert_false (sink->provisional);

  /* Followers and friends; André is both, with the earlier date, the friendship's; the two
   * Kim Parks of your_friends.json are two people, kept apart by date. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 5);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Andr\xc3\xa9 Martin", 1600000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Zo\xc3\xab Lee", 1716000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Bo Chen", 1715000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park", 1650000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park (2)", 1660000000);

  /* Who was followed and the friends; removed friends and requests are nowhere. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 5);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Bo Chen", 1710000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Ana Silva", 1711000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Andr\xc3\xa9 Martin", 1600000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Kim Park", 1650000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Kim Park (2)", 1660000000);
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                  "Old Pal"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                  "Sent Person"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                  "Asking Person"));

  /* Three posts with a time; the third has none. */
  g_assert_cmpuint (sink->posts->len, ==, 3);
  post = rapport_test_sink_find_post (sink, "1717200000");
  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1717200000);
  g_assert_cmpstr (post->text, ==, "Caf\xc3\xa9 opening today \xf0\x9f\x98\x82");
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  post = rapport_test_sink_find_post (sink, "1716500000");
  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_null (post->text);
  /* A link alone makes no photo. */
  post = rapport_test_sink_find_post (sink, "1716400000");
  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_null (post->text);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "connections/followers/people_who_followed_you.json: item 4: no name");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json:"
                   " item 3: no time");
  g_assert_cmpint (sink->exported_at, ==, JUN_01_2024);
}

static void
test_2026 (void)
{
  g_autofree char *path = fixture_path (EXPORT_2026);
  g_autoptr(RapportTestSink) sink = import_path (path);

  /* No profile file: the export's name says whose it is. */
  g_assert_cmpstr (sink->handle, ==, "sam.lee");
  g_assert_false (sink->provisional);

  g_assert_cmpuint (sink->followers->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Jos\xc3\xa9 Ruiz", 1760000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Mia Wong", 1761000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Leo Brandt", 1762000000);
  g_assert_cmpuint (sink->following->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Jos\xc3\xa9 Ruiz", 1760000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Mia Wong", 1761000000);
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                  "Gone Friend"));
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  g_assert_cmpint (sink->exported_at, ==, MAR_10_2026);
}

static char *
write_file (const char *dir,
            const char *export_name,
            const char *entry,
            const char *content)
{
  g_autofree char *root = g_build_filename (dir, export_name, NULL);
  g_autofree char *path = g_build_filename (root, entry, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&root);
}

/* Each of Meta's exports is detected as itself, and a wrapper holding both stays Instagram's. */
static void
test_detection (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *instagram = g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures",
                                                 "instagram", "2024", NULL);
  g_autofree char *facebook = fixture_path (EXPORT_2024);
  g_autofree char *both = NULL;
  g_autofree char *nothing = NULL;
  const char *paths[] = { instagram, facebook };
  const RapportPlatform expected[] = { RAPPORT_PLATFORM_INSTAGRAM, RAPPORT_PLATFORM_FACEBOOK };

  both = write_file (dir, "meta-2026-Jan-04-10-15-30",
                     "instagram-jo-2026-01-04-x/your_instagram_activity/media/posts_1.json",
                     "[]");
  g_free (write_file (dir, "meta-2026-Jan-04-10-15-30",
                      "facebook-jo-2026-01-04-y/connections/friends/your_friends.json",
                      "{\"friends_v2\": []}"));
  nothing = write_file (dir, "other", "connections/followers.json", "[]");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(GError) error = NULL;

      archive = rapport_archive_open (paths[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_import_detect (archive, NULL, &error), ==, expected[i]);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_facebook_recognizes (archive), ==,
                       expected[i] == RAPPORT_PLATFORM_FACEBOOK);
      g_assert_cmpint (rapport_instagram_recognizes (archive), ==,
                       expected[i] == RAPPORT_PLATFORM_INSTAGRAM);
    }

  {
    g_autoptr(RapportArchive) archive = rapport_archive_open (both, NULL);
    g_autoptr(RapportArchive) other = rapport_archive_open (nothing, NULL);
    g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_facebook_recognizes (archive));
    g_assert_cmpint (rapport_import_detect (archive, NULL, NULL), ==,
                     RAPPORT_PLATFORM_INSTAGRAM);
    g_assert_false (rapport_facebook_recognizes (other));
    g_assert_false (rapport_facebook_import (other, &sink->parent, NULL, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
    g_assert_cmpstr (error->message, ==, "other: not a Facebook export (no friends, followers, "
                     "posts or profile were found)");
    g_assert_cmpuint (sink->n_set_account, ==, 0);
  }
  rapport_test_remove_tree (dir);
}

/* Lists longer than a batch (64 KiB) are read in batches: the people of one name in two
 * batches are still told apart by date, a row met twice is one, the number of a row without a
 * name counts every batch, a friend already a follower keeps the earlier date, and each list
 * hands each person on once. */
static void
test_long_lists (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(GString) followers = g_string_new ("[\n");
  g_autoptr(GString) friends = g_string_new ("{\"friends_v2\": [\n");
  g_autoptr(RapportTestSink) sink = NULL;
  g_autofree char *root = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append (followers, i > 0 ? ",\n  " : "  ");
      if (i == 10)
        g_string_append (followers, "{\"name\": \"Kim Park\", \"timestamp\": 1650000000}");
      else if (i == 2999)
        g_string_append (followers, "{\"name\": \"Kim Park\", \"timestamp\": 1660000000}");
      else if (i == 20 || i == 2990)
        g_string_append (followers, "{\"name\": \"Bo Chen\", \"timestamp\": 1715000000}");
      else if (i == 1500)
        g_string_append (followers, "{\"timestamp\": 1715000000}");
      else
        g_string_append_printf (followers, "{\"name\": \"Person %04u\", \"timestamp\": %u}", i,
                                1600000000 + i);
    }
  g_string_append (followers, "\n]\n");
  for (guint i = 0; i < 2000; i++)
    {
      g_string_append (friends, i > 0 ? ",\n  " : "  ");
      if (i == 0)
        g_string_append (friends, "{\"name\": \"Kim Park\", \"timestamp\": 1640000000}");
      else
        g_string_append_printf (friends, "{\"name\": \"Friend %04u\", \"timestamp\": %u}", i,
                                1500000000 + i);
    }
  g_string_append (friends, "\n]}\n");
  g_assert_cmpuint (followers->len, >, 64 * 1024);
  g_assert_cmpuint (friends->len, >, 64 * 1024);
  root = write_file (dir, "facebook-kim.lists-2024-06-01-Ab1",
                     "connections/followers/people_who_followed_you.json", followers->str);
  g_free (write_file (dir, "facebook-kim.lists-2024-06-01-Ab1",
                      "connections/friends/your_friends.json", friends->str));
  sink = import_path (root);

  /* 2,995 people, Kim Park twice, Bo Chen once; then 1,999 friends besides Kim Park. */
  g_assert_cmpuint (sink->followers->len, ==, 2995 + 2 + 1 + 1999);
  g_assert_cmpuint (sink->following->len, ==, 2000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park", 1640000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park (2)", 1660000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Bo Chen", 1715000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Person 2998", 1600002998);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Friend 1999", 1500001999);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Kim Park", 1640000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Friend 0001", 1500000001);
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                  "Person 0000"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                  "Bo Chen (2)"));
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "followers/people_who_followed_you.json: item 1501: no name");
  assert_each_once (sink->followers);
  assert_each_once (sink->following);

  /* The same files zipped, whose long lists are read as they are unpacked: the same lists. */
  {
    g_autofree char *zip = g_build_filename (dir, "facebook-kim.lists-2024-06-01-Ab1.zip", NULL);
    g_autoptr(RapportTestSink) zipped = NULL;

    rapport_test_write_archive (zip, "zip",
                                "connections/followers/people_who_followed_you.json",
                                followers->str,
                                "connections/friends/your_friends.json", friends->str, NULL);
    zipped = import_path (zip);
    g_assert_cmpuint (zipped->followers->len, ==, sink->followers->len);
    g_assert_cmpuint (zipped->following->len, ==, sink->following->len);
    for (guint i = 0; i < sink->followers->len; i++)
      {
        const RapportRelation *a = g_ptr_array_index (sink->followers, i);
        const RapportRelation *b = g_ptr_array_index (zipped->followers, i);

        g_assert_cmpstr (a->handle, ==, b->handle);
        g_assert_cmpint (a->since, ==, b->since);
      }
    g_assert_cmpuint (zipped->skipped->len, ==, 1);
  }
  rapport_test_remove_tree (dir);
}

/* A file that cannot be read stops the import with its name and problem, and changes
 * nothing in the store. */
static void
assert_refused (const char *entry,
                const char *content,
                const char *message)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_free (write_file (dir, EXPORT_2024, "connections/friends/your_friends.json",
                      "{\"friends_v2\": [{\"name\": \"Kim Park\", \"timestamp\": 1650000000}]}"));
  path = write_file (dir, EXPORT_2024, entry, content);
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, message);
  g_clear_object (&store);
  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);
  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  assert_refused ("connections/followers/people_who_followed_you.json",
                  "[{\"name\": \"Bo\", \"timestamp\": 17}",
                  "followers/people_who_followed_you.json: not valid JSON (line 1: an "
                  "unexpected end)");
  assert_refused ("connections/followers/who_you've_followed.json", "\"text\"",
                  "followers/who_you've_followed.json: the file holds no JSON list or object");
  assert_refused ("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
                  "[{\"timestamp\": 1}, ]",
                  "your_posts__check_ins__photos_and_videos_1.json: not valid JSON");
  assert_refused ("personal_information/profile_information/profile_information.json",
                  "{\"profile_v2\": {", "profile_information.json: not valid JSON");
}

/* The export into a store: both lists, the posts and the export date arrive. */
static void
test_store (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = fixture_path (EXPORT_2024);
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_FACEBOOK);
  g_assert_cmpstr (summary.handle, ==, "renee.dupont");
  g_assert_false (summary.provisional);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_true (summary.snapshot.has_followers);
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 5);
  g_assert_true (summary.snapshot.has_following);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 5);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 2);
  g_assert_cmpint (summary.snapshot.exported_at, ==, JUN_01_2024);
  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* The lists merged: each direction's people handed once, a person in two files once with
 * the earliest date known (an undated row takes the other's date), a real
 * "Kim Park (2)" the same person as the second Kim Park of a list, and a real
 * "Zed (2) (2)" the same as the second "Zed (2)" of another. */
static void
test_merged_lists (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *root = g_build_filename (dir, "facebook-jo.page-2024-06-01-Zz1", NULL);
  g_autofree char *followers = g_build_filename (root, "connections", "followers", NULL);
  g_autofree char *friends = g_build_filename (root, "connections", "friends", NULL);
  g_autofree char *followers_file = g_build_filename (followers, "people_who_followed_you.json",
                                                      NULL);
  g_autofree char *friends_file = g_build_filename (friends, "your_friends.json", NULL);
  g_autoptr(RapportTestSink) sink = NULL;

  g_assert_cmpint (g_mkdir_with_parents (followers, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (friends, 0700), ==, 0);
  g_assert_true (g_file_set_contents (followers_file,
    "[{\"name\": \"Kim Park (2)\", \"timestamp\": 1670000000},"
    " {\"name\": \"Bo Chen\"},"
    " {\"name\": \"Kim Park\", \"timestamp\": 1650000000},"
    " {\"name\": \"Ana Silva\", \"timestamp\": 1640000000},"
    " {\"name\": \"Zed (2)\", \"timestamp\": 1600000500},"
    " {\"name\": \"Zed (2)\", \"timestamp\": 1600000300}]", -1, NULL));
  g_assert_true (g_file_set_contents (friends_file,
    "{\"friends_v2\": [{\"name\": \"Bo Chen\", \"timestamp\": 1630000000},"
    " {\"name\": \"Kim Park\", \"timestamp\": 1660000000},"
    " {\"name\": \"Kim Park\", \"timestamp\": 1620000000},"
    " {\"name\": \"Ana Silva\", \"timestamp\": 1645000000},"
    " {\"name\": \"Zed (2) (2)\", \"timestamp\": 1600000400}]}", -1, NULL));

  sink = import_path (root);
  g_assert_cmpuint (sink->followers->len, ==, 6);
  assert_each_once (sink->followers);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Ana Silva", 1640000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Bo Chen", 1630000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park", 1620000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Kim Park (2)", 1660000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Zed (2)", 1600000300);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Zed (2) (2)", 1600000400);
  g_assert_cmpuint (sink->following->len, ==, 5);
  assert_each_once (sink->following);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Kim Park (2)", 1660000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Zed (2) (2)", 1600000400);
  rapport_test_remove_tree (dir);
}

/* A list file whose every row lacks a name leaves that list empty, its rows told as skipped,
 * and the rest of the export imports: the skips are no records of the list. */
static void
test_nameless_list (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *root = write_file (dir, "facebook-jo.page-2024-06-01-Zz2",
                                      "connections/followers/people_who_followed_you.json",
                                      "[{\"timestamp\": 1670000000}, {\"name\": \"\"}]");
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_free (write_file (dir, "facebook-jo.page-2024-06-01-Zz2",
                      "connections/followers/who_you've_followed.json",
                      "[{\"name\": \"Bo Chen\", \"timestamp\": 1660000000}]"));
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, root, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (summary.snapshot.has_followers);
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 0);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 2);
  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facebook/2024", test_2024);
  g_test_add_func ("/facebook/2026", test_2026);
  g_test_add_func ("/facebook/detection", test_detection);
  g_test_add_func ("/facebook/long-lists", test_long_lists);
  g_test_add_func ("/facebook/merged-lists", test_merged_lists);
  g_test_add_func ("/facebook/nameless-list", test_nameless_list);
  g_test_add_func ("/facebook/bad-input", test_bad_input);
  g_test_add_func ("/facebook/store", test_store);
  return g_test_run ();
}
