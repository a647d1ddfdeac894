/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole imports, from a path on disk into the store, as the app and `rapport import` run them.
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/rapport-import-error.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-util.h"

typedef struct
{
  char *dir;
  char *data_dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rapport_test_make_temp_dir ();
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->dir);
}

static char *
fixture_path (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "fixtures");
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
import_ok (Fixture              *fixture,
           const char           *path,
           RapportImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (fixture->store, path, summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (summary->already_imported);
}

static void
test_tiktok_and_reimport (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path ("tiktok", "old", NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;

  import_ok (fixture, path, &summary);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_TIKTOK);
  g_assert_cmpstr (summary.handle, ==, "jocats");
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 4);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 2);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_cmpint (summary.snapshot.exported_at, ==, 1712083500);
  g_assert_cmpint (summary.snapshot.date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (summary.snapshot.n_skipped, >, 0);

  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==, "TikTok · @jocats · exported 2 Apr 2024 · 4 followers, 2 following, 3 posts");

  /* The same export again is a no-op that says so. */
  before = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_false (rapport_import_path (fixture->store, path, &again, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (again.already_imported);
  g_assert_cmpstr (again.handle, ==, "jocats");
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_instagram_snapshots (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *generations[] = { "2020", "2022", "2023", "2024", "2025" };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccount *account;
  gint64 newest_at = 0;
  guint64 newest_followers = 0;

  /* Five generations of one account's export become five snapshots of one account. */
  for (guint i = 0; i < G_N_ELEMENTS (generations); i++)
    {
      g_autofree char *path = fixture_path ("instagram", generations[i], NULL);
      g_auto(RapportImportSummary) summary = { 0 };

      import_ok (fixture, path, &summary);
      g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
      g_assert_cmpstr (summary.handle, ==, "jo.doe");
      if (summary.snapshot.has_followers && summary.snapshot.exported_at > newest_at)
        {
          newest_at = summary.snapshot.exported_at;
          newest_followers = summary.snapshot.n_followers;
        }
    }

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpuint (account->n_snapshots, ==, G_N_ELEMENTS (generations));
  g_assert_cmpint (account->followers, ==, newest_followers);

  snapshots = rapport_store_list_snapshots (fixture->store, account->id, &error);
  g_assert_cmpuint (snapshots->len, ==, G_N_ELEMENTS (generations));
  for (guint i = 1; i < snapshots->len; i++)
    g_assert_cmpint (((RapportSnapshot *) g_ptr_array_index (snapshots, i - 1))->exported_at, <=,
                     ((RapportSnapshot *) g_ptr_array_index (snapshots, i))->exported_at);
}

/* Instagram exports as people keep them, through the store: each kind of post counted apart,
 * the Accounts Center's wrapper, and a part with no name in it. */
static void
test_instagram_as_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *tree = fixture_path ("instagram", "2025-tree", NULL);
  g_autofree char *wrapped = fixture_path ("instagram", "meta-wrapper", NULL);
  g_autofree char *lists = g_build_filename (fixture->dir, "Instagram lists.zip", NULL);
  g_auto(RapportImportSummary) kinds = { 0 };
  g_auto(RapportImportSummary) meta = { 0 };
  g_auto(RapportImportSummary) kept = { 0 };

  /* Three feed posts (one of them archived), a reel and two stories; public-media/ repeats
   * the feed posts and the reel. */
  import_ok (fixture, tree, &kinds);
  g_assert_cmpstr (kinds.handle, ==, "sol.e");
  g_assert_cmpuint (kinds.snapshot.n_posts, ==, 3);
  g_assert_cmpuint (kinds.snapshot.n_reels, ==, 1);
  g_assert_cmpuint (kinds.snapshot.n_stories, ==, 2);
  g_assert_cmpuint (kinds.snapshot.n_archived, ==, 1);
  g_assert_cmpuint (kinds.snapshot.n_followers, ==, 1);

  import_ok (fixture, wrapped, &meta);
  g_assert_cmpstr (meta.handle, ==, "lena.s");
  g_assert_false (meta.provisional);
  g_assert_cmpint (meta.snapshot.exported_at, ==, 1767484800); /* 2026-01-04 */
  g_assert_cmpint (meta.snapshot.date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (meta.snapshot.n_skipped, ==, 1); /* the Facebook part */

  /* No name anywhere: a stand-in, provisional.  An empty follower list stays a list: the file
   * of close friends beside it and a post dated 2100 are skipped, but not as its records. */
  rapport_test_write_archive (lists, "zip",
    "connections/followers_and_following/followers_1.json", "[]",
    "connections/followers_and_following/following.json",
    "{\"relationships_close_friends\": []}",
    "your_instagram_activity/content/posts_1.json",
    "[{\"media\": [{\"uri\": \"a.jpg\", \"creation_timestamp\": 1704103200, \"title\": \"A\"}]},"
    " {\"media\": [{\"uri\": \"b.jpg\", \"creation_timestamp\": 4102444800, \"title\": \"B\"}]}]",
    NULL);
  import_ok (fixture, lists, &kept);
  g_assert_cmpstr (kept.handle, ==, "Instagram lists");
  g_assert_true (kept.provisional);
  g_assert_true (kept.snapshot.has_followers);
  g_assert_cmpuint (kept.snapshot.n_followers, ==, 0);
  g_assert_false (kept.snapshot.has_following);
  g_assert_cmpuint (kept.snapshot.n_posts, ==, 1);
  g_assert_cmpuint (kept.snapshot.n_skipped, ==, 2);
}

static void
test_twitter_with_analytics (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *archive = fixture_path ("twitter", "archive-2024", NULL);
  g_autofree char *csv_source = fixture_path ("twitter", "analytics",
                                              "tweet_activity_metrics_jo_doe_20241001_20241110_en.csv", NULL);
  /* The same rows, under the archive's user name, as that account's analytics file would be. */
  g_autofree char *csv = g_build_filename (fixture->dir, "tweet_activity_metrics_JoDoe_20241001_20241110_en.csv", NULL);
  g_autofree char *content = NULL;
  g_auto(RapportImportSummary) first = { 0 };
  g_auto(RapportImportSummary) second = { 0 };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetPost *post;
  gsize len;

  import_ok (fixture, archive, &first);
  g_assert_cmpint (first.platform, ==, RAPPORT_PLATFORM_TWITTER);
  g_assert_cmpstr (first.handle, ==, "JoDoe");
  g_assert_cmpint (first.snapshot.date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);

  g_assert_true (g_file_get_contents (csv_source, &content, &len, NULL));
  g_assert_true (g_file_set_contents (csv, content, len, NULL));
  import_ok (fixture, csv, &second);
  g_assert_cmpint (second.account_id, ==, first.account_id);
  g_assert_cmpuint (second.snapshot.n_posts, ==, 2);

  dataset = rapport_store_load_dataset (fixture->store, first.account_id, &error);
  g_assert_no_error (error);
  /* One of the two analytics rows is a tweet of the archive: merged, not added. */
  g_assert_cmpuint (dataset->posts->len, ==,
                    first.snapshot.n_posts + first.snapshot.n_reposts + 1);
  /* The archive's retweet is counted apart from the posts. */
  g_assert_cmpuint (first.snapshot.n_reposts, ==, 1);
  post = rapport_test_find_post (dataset, "1855269123456789012");
  g_assert_nonnull (post);
  g_assert_cmpint (post->impressions, ==, 2633);
  g_assert_cmpint (post->likes, ==, 12);
  g_assert_cmpint (post->replies, ==, 2);
  g_assert_cmpint (post->follows, ==, 1);
  /* The archive's own facts stay: its type and its full text. */
  g_assert_cmpint (post->type, !=, RAPPORT_POST_TEXT);
  g_assert_true (g_strv_contains ((const char * const *) post->hashtags, "gnome"));
}

static void
test_unrecognized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *export_dir = g_build_filename (fixture->dir, "holiday-photos", NULL);
  g_autofree char *file = g_build_filename (export_dir, "IMG_0001.jpg", NULL);
  g_autofree char *notes = g_build_filename (export_dir, "notes.txt", NULL);
  g_autofree char *before = rapport_test_database_fingerprint (fixture->data_dir);
  g_autofree char *after = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "\xff\xd8\xff", 3, NULL));
  g_assert_true (g_file_set_contents (notes, "hello", -1, NULL));

  g_assert_false (rapport_import_path (fixture->store, export_dir, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  /* The message names the export, what it holds and what Rapport reads. */
  g_assert_nonnull (strstr (error->message, "holiday-photos"));
  g_assert_nonnull (strstr (error->message, "IMG_0001.jpg, notes.txt"));
  g_assert_nonnull (strstr (error->message, "Instagram"));
  g_assert_nonnull (strstr (error->message, "TikTok"));
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_broken_file_changes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *good = fixture_path ("tiktok", "old", NULL);
  g_autofree char *bad_dir = g_build_filename (fixture->dir, "tiktok-broken", NULL);
  g_autofree char *bad = g_build_filename (bad_dir, "user_data.json", NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "damaged.zip", NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) ignored = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (fixture, good, &summary);
  before = rapport_test_database_fingerprint (fixture->data_dir);

  g_assert_cmpint (g_mkdir (bad_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "{\"Activity\": {\"Follower List\": {\"FansList\": [", -1, NULL));
  g_assert_false (rapport_import_path (fixture->store, bad_dir, &ignored, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "user_data.json"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (zip, "PK\003\004 this is no zip", -1, NULL));
  g_assert_false (rapport_import_path (fixture->store, zip, &ignored, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "damaged.zip"));

  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path ("tiktok", "new", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rapport_test_database_fingerprint (fixture->data_dir);
  g_autofree char *after = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_import_path (fixture->store, path, &summary, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);

  /* The same export imports afterwards. */
  g_clear_error (&error);
  import_ok (fixture, path, &summary);
}

/* Imports @path, which must fail with @code and a message containing @fragment and never
 * "(null)", and leave the database as it was. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code,
                const char *fragment)
{
  g_autofree char *before = rapport_test_database_fingerprint (fixture->data_dir);
  g_autofree char *after = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_import_path (fixture->store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_null (strstr (error->message, "(null)"));
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

#define PROFILE_JSON \
  "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.doe\"}}}]}"
#define INSTAGRAM_TOP "instagram-jo.doe-2024-03-01"
#define PROFILE_ENTRY "personal_information/personal_information/personal_information.json"
#define LISTS_FOLDER "connections/followers_and_following"

/* An unpacked Instagram export in @fixture's folder, its followers_1.json left to the caller. */
static char *
make_instagram_folder (Fixture *fixture)
{
  g_autofree char *top = g_build_filename (fixture->dir, INSTAGRAM_TOP, NULL);
  g_autofree char *profile = g_build_filename (top, PROFILE_ENTRY, NULL);
  g_autofree char *profile_dir = g_path_get_dirname (profile);
  g_autofree char *lists = g_build_filename (top, LISTS_FOLDER, NULL);

  g_assert_cmpint (g_mkdir_with_parents (profile_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (lists, 0700), ==, 0);
  g_assert_true (g_file_set_contents (profile, PROFILE_JSON, -1, NULL));
  return g_steal_pointer (&top);
}

/* A pipe or a device is refused at once, as the export or inside one: opening a pipe to read
 * it would wait for a writer forever.  The test runs in a child that a timeout stops. */
static void
test_special_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *good = fixture_path ("tiktok", "old", NULL);
  g_autofree char *pipe = g_build_filename (fixture->dir, "export.zip", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *inner = NULL;
  g_auto(RapportImportSummary) summary = { 0 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  import_ok (fixture, good, &summary);

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  assert_refused (fixture, pipe, RAPPORT_IMPORT_ERROR_UNREADABLE,
                  "export.zip: not a file but a pipe, a socket or a device");
  assert_refused (fixture, "/dev/zero", RAPPORT_IMPORT_ERROR_UNREADABLE,
                  "zero: not a file but a pipe, a socket or a device");

  folder = make_instagram_folder (fixture);
  inner = g_build_filename (folder, LISTS_FOLDER, "followers_1.json", NULL);
  g_assert_cmpint (mkfifo (inner, 0600), ==, 0);
  assert_refused (fixture, folder, RAPPORT_IMPORT_ERROR_UNREADABLE,
                  LISTS_FOLDER "/followers_1.json: not a file but a pipe, a socket or a device");
}

/* What a damaged, empty or unreadable export says: its name and what is wrong. */
static void
test_damaged_and_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *good = fixture_path ("tiktok", "old", NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "whole.zip", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "instagram-cut.zip", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "instagram-empty.zip", NULL);
  g_autofree char *empty_dir = g_build_filename (fixture->dir, "nothing", NULL);
  g_autoptr(GString) followers = g_string_new ("[");
  g_autofree char *content = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *locked = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  gsize length;

  import_ok (fixture, good, &summary);

  /* Varied rows, so that the zip is long and its middle is deflated data. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (followers, "%s{\"string_list_data\": [{\"value\": \"fan%u\", "
                            "\"timestamp\": %u}]}", i > 0 ? ", " : "", i * 7919u, 1700000000u + i);
  g_string_append (followers, "]");
  rapport_test_write_archive (zip, "zip",
                              INSTAGRAM_TOP "/" PROFILE_ENTRY, PROFILE_JSON,
                              INSTAGRAM_TOP "/" LISTS_FOLDER "/followers_1.json", followers->str,
                              NULL);
  g_assert_true (g_file_get_contents (zip, &content, &length, NULL));
  g_assert_true (g_file_set_contents (cut, content, length / 2, NULL));
  assert_refused (fixture, cut, RAPPORT_IMPORT_ERROR_UNREADABLE,
                  "instagram-cut.zip: the archive is damaged or incomplete");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (fixture, empty, RAPPORT_IMPORT_ERROR_EMPTY,
                  "instagram-empty.zip: the file is empty (0 bytes)");

  g_assert_cmpint (g_mkdir (empty_dir, 0700), ==, 0);
  assert_refused (fixture, empty_dir, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                  "nothing is not an export Rapport knows. It contains no files.");

  /* Permissions do not hold root back. */
  if (geteuid () != 0)
    {
      folder = make_instagram_folder (fixture);
      locked = g_build_filename (folder, LISTS_FOLDER, "followers_1.json", NULL);
      g_assert_true (g_file_set_contents (locked, "[]", -1, NULL));
      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      assert_refused (fixture, folder, RAPPORT_IMPORT_ERROR_UNREADABLE,
                      LISTS_FOLDER "/followers_1.json: cannot be opened (Permission denied)");
    }
}

/* Files crafted to take far more memory than their size: ten million empty posts (a zip of
 * 30 KB that json-glib made into gigabytes), and a profile that is one object of four million
 * members.  The first imports within a bound, the second is refused as too large; neither
 * aborts.  A child with 1 GiB of address space proves the bound. */
static void
test_crafted_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good = fixture_path ("tiktok", "old", NULL);
  g_autofree char *posts = g_build_filename (fixture->dir, INSTAGRAM_TOP "-posts.zip", NULL);
  g_autofree char *wide = g_build_filename (fixture->dir, INSTAGRAM_TOP "-wide.zip", NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  struct rlimit limit = { 1 << 30, 1 << 30 };
  RapportTestArchive *archive;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  import_ok (fixture, good, &summary);
  /* AddressSanitizer reserves terabytes of address space for its shadow memory: under it the
   * bound is the refusal alone. */
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#else
  (void) limit;
#endif

  archive = rapport_test_archive_new (posts, "zip");
  rapport_test_archive_add (archive, INSTAGRAM_TOP "/" PROFILE_ENTRY, PROFILE_JSON);
  rapport_test_archive_add_repeated (archive,
                                     INSTAGRAM_TOP "/your_instagram_activity/content/posts_1.json",
                                     "[", "[], ", 10000000, "[]]");
  rapport_test_archive_close (archive);
  assert_refused (fixture, posts, RAPPORT_IMPORT_ERROR_EMPTY,
                  INSTAGRAM_TOP "-posts.zip: nothing in the export describes the account’s "
                  "audience or posts");

  archive = rapport_test_archive_new (wide, "zip");
  rapport_test_archive_add_repeated (archive, INSTAGRAM_TOP "/" PROFILE_ENTRY,
                                     "{\"profile_user\": [], \"x\": {", "\"\": [], ", 4000000,
                                     "\"\": []}}");
  rapport_test_archive_close (archive);
  assert_refused (fixture, wide, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                  "personal_information.json: too large to read: its data would take more "
                  "than 268.4\xc2\xa0MB of memory");
}

#define N_LIST_FILES 3000
#define LIST_ROW(name) \
  "{\"string_list_data\": [{\"value\": \"" name "\", \"timestamp\": 1700000000}]}"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* An export split into thousands of small list files takes one pass over its zip, whether
 * the zip holds them in their natural order or sorted as text (followers_10 before _2): each
 * file used to walk the zip from its start, minutes under the import's write lock. */
static void
test_many_list_files (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint sorted_as_text = 0; sorted_as_text < 2; sorted_as_text++)
    {
      g_autofree char *zip = g_strdup_printf ("%s/" INSTAGRAM_TOP "-%u.zip", fixture->dir,
                                              sorted_as_text);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_auto(RapportImportSummary) summary = { 0 };
      g_autoptr(GTimer) timer = NULL;
      RapportTestArchive *archive;

      for (guint i = 1; i <= N_LIST_FILES; i++)
        g_ptr_array_add (names, g_strdup_printf (INSTAGRAM_TOP "/" LISTS_FOLDER
                                                 "/followers_%u.json", i));
      if (sorted_as_text)
        g_ptr_array_sort (names, compare_strings);

      archive = rapport_test_archive_new (zip, "zip");
      rapport_test_archive_add (archive, INSTAGRAM_TOP "/" PROFILE_ENTRY, PROFILE_JSON);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *content = g_strdup_printf ("[" LIST_ROW ("a%s") ", " LIST_ROW ("b%s")
                                                      "]", name, name);

          rapport_test_archive_add (archive, name, content);
        }
      rapport_test_archive_close (archive);

      timer = g_timer_new ();
      import_ok (fixture, zip, &summary);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);
      g_assert_cmpuint (summary.snapshot.n_followers, ==, 2 * N_LIST_FILES);
    }
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path ("tiktok", "old", NULL);
  const char *rapport = g_getenv ("RAPPORT_BIN");
  const char *import_argv[] = { rapport, "import", "--data-dir", fixture->data_dir, path, NULL };
  const char *again_argv[] = { rapport, "import", path, "--data-dir", fixture->data_dir, NULL };
  /* The option may also come before the command. */
  const char *accounts_argv[] = { rapport, "--data-dir", fixture->data_dir, "accounts", NULL };
  const char *rename_argv[] = { rapport, "accounts", "rename", "1", "@jo.cats", "--data-dir",
                                fixture->data_dir, NULL };
  const char *merge_argv[] = { rapport, "accounts", "merge", "1", "x", "--data-dir",
                               fixture->data_dir, NULL };
  const char *missing_argv[] = { rapport, "import", "--data-dir", fixture->data_dir, "/nonexistent/export.zip", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_clear_object (&fixture->store);

  g_spawn_sync (NULL, (char **) import_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "Imported TikTok · @jocats · exported 2 Apr 2024 · 4 followers, 2 following, 3 posts\n"
                            "  1 record could not be read, the first: user_data.json: "
                            "follower 4 has no user name\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) again_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "already imported"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) accounts_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "TikTok     @jocats"));
  g_assert_nonnull (strstr (out, "snapshot 1: exported 2024-04-02 (newest-timestamp) from old · 4 followers, 2 following, 3 posts"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) missing_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (err, "rapport: export.zip: cannot be opened"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Renaming, and the refusals of a merge. */
  g_spawn_sync (NULL, (char **) rename_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "Account 1 is now @jo.cats\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) accounts_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_nonnull (strstr (out, "TikTok     @jo.cats"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) merge_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "rapport: “x” is not an account id (see rapport accounts)\n");
}

/* The columns of `rapport accounts` line up when a count is unknown: "—" is three bytes wide
 * and one character. */
static void
test_accounts_table (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("twitter", "analytics", NULL);
  const char *rapport = g_getenv ("RAPPORT_BIN");
  const char *import_argv[] = { rapport, "import", "--data-dir", fixture->data_dir, path, NULL };
  const char *accounts_argv[] = { rapport, "accounts", "--data-dir", fixture->data_dir, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_clear_object (&fixture->store);

  g_spawn_sync (NULL, (char **) import_argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_spawn_sync (NULL, (char **) accounts_argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_cmpstr (lines[0], ==,
                   "ID   Platform   Account                   Followers  Following    Posts  "
                   "Last export");
  g_assert_cmpstr (lines[1], ==,
                   "1    X/Twitter  @JoDoe                            —          —        4  "
                   "2024-11-09");
}

/* A TikTok export at @path of @n followers named follower0000000 … in a fixed-width form, so
 * that two exports differing in one name have the same size. */
static void
write_big_tiktok_export (const char *path,
                         guint       n)
{
  g_autoptr(GString) json = g_string_new ("{\"Profile\": {\"Profile Info\": {\"ProfileMap\": "
                                          "{\"userName\": \"jo.same\"}}}, \"Your Activity\": "
                                          "{\"Follower\": {\"FansList\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"Date\": \"2025-01-01 00:00:00\", "
                            "\"UserName\": \"follower%07u\"}", i > 0 ? ",\n" : "", i);
  g_string_append (json, "]}}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
}

/* Two exports of one size that differ in one name between the samples the quick hash reads:
 * the second is a new export, not "already imported", and its change is kept. */
static void
test_same_size_exports (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second", NULL);
  g_autofree char *first_file = g_build_filename (first, "user_data_tiktok.json", NULL);
  g_autofree char *second_file = g_build_filename (second, "user_data_tiktok.json", NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) again = { 0 };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  const RapportDatasetSnapshot *latest;
  gsize length;
  char *name;

  g_assert_cmpint (g_mkdir (first, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (second, 0700), ==, 0);
  /* Over 8 MiB, where the quick hash reads 64 samples of 16 KiB. */
  write_big_tiktok_export (first_file, 160000);
  g_assert_true (g_file_get_contents (first_file, &content, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 1024 * 1024);

  /* 20 KiB after the start of the fourth sample: past its 16 KiB, before the fifth. */
  name = strstr (content + (length - 16384) / 63 * 3 + 20480, "follower");
  g_assert_nonnull (name);
  name[8] = name[8] == '0' ? '9' : '0';
  g_assert_true (g_file_set_contents (second_file, content, length, NULL));

  import_ok (fixture, first, &summary);
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 160000);
  import_ok (fixture, second, &again);
  g_assert_cmpint (again.account_id, ==, summary.account_id);
  g_assert_cmpint (again.snapshot.id, !=, summary.snapshot.id);

  /* The very same export again is known, at once. */
  rapport_import_summary_clear (&again);
  g_assert_false (rapport_import_path (fixture->store, second, &again, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (again.already_imported);

  dataset = rapport_store_load_dataset (fixture->store, summary.account_id, NULL);
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  latest = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  name[15] = '\0';
  g_assert_nonnull (rapport_people_find (latest->followers, name));
}

/* A follower list of which no record could be read fails the import: a snapshot of zero
 * followers would be a false point in the history.  An empty list is an empty list. */
static void
test_unreadable_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->dir, "broken", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty", NULL);
  g_autofree char *broken_file = g_build_filename (broken, "user_data_tiktok.json", NULL);
  g_autofree char *empty_file = g_build_filename (empty, "user_data_tiktok.json", NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (broken, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken_file,
    "{\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jo.lists\"}}},"
    " \"Your Activity\": {\"Follower\": {\"FansList\": ["
    "{\"Date\": \"2025-01-01 00:00:00\"}, {\"Date\": \"2025-01-02 00:00:00\"}]}}}", -1, NULL));
  g_assert_true (g_file_set_contents (empty_file,
    "{\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jo.lists\"}}},"
    " \"Your Activity\": {\"Follower\": {\"FansList\": []}}}", -1, NULL));

  before = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_false (rapport_import_path (fixture->store, broken, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "broken: the list of followers could not be "
                                   "read: all 2 records were skipped, the first: "));
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);

  rapport_import_summary_clear (&summary);
  import_ok (fixture, empty, &summary);
  g_assert_true (summary.snapshot.has_followers);
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 0);

  /* A record skipped after an empty list is not the list's: a video dated 9999. */
  rapport_import_summary_clear (&summary);
  g_assert_true (g_file_set_contents (empty_file,
    "{\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jo.lists\"}}},"
    " \"Your Activity\": {\"Following\": {\"Following\": []}},"
    " \"Post\": {\"Posts\": {\"VideoList\": [{\"Date\": \"9999-01-01 00:00:00\","
    " \"Link\": \"https://www.tiktok.com/@jo.lists/video/7400000000000000009\"},"
    " {\"Date\": \"2025-01-01 00:00:00\","
    " \"Link\": \"https://www.tiktok.com/@jo.lists/video/7400000000000000010\"}]}}}",
    -1, NULL));
  import_ok (fixture, empty, &summary);
  g_assert_true (summary.snapshot.has_following);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 0);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 1);
}

/* An X archive that names no one is imported under its folder's name, marked provisional, and
 * the line says so; one that names its account by the manifest alone keeps the names its posts
 * give the followers' ids. */
static void
test_twitter_without_account (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *nameless = fixture_path ("twitter", "old-x-backup", NULL);
  g_autofree char *manifest_only = fixture_path ("twitter", "no-account", NULL);
  g_auto(RapportImportSummary) first = { 0 };
  g_auto(RapportImportSummary) second = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const RapportPeople *followers;

  import_ok (fixture, nameless, &first);
  g_assert_cmpint (first.platform, ==, RAPPORT_PLATFORM_TWITTER);
  g_assert_cmpstr (first.handle, ==, "old-x-backup");
  description = rapport_import_summary_describe (&first);
  /* A stand-in made of the archive's name, which no X handle can be: no "@". */
  g_assert_true (g_str_has_prefix (description,
                                   "X/Twitter · old-x-backup · exported 15 Jun 2019"));
  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_true (((RapportAccount *) g_ptr_array_index (accounts, 0))->provisional);

  import_ok (fixture, manifest_only, &second);
  g_assert_cmpstr (second.handle, ==, "river_notes");
  g_assert_cmpint (second.snapshot.date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_cmpuint (second.snapshot.n_followers, ==, 3);
  dataset = rapport_store_load_dataset (fixture->store, second.account_id, &error);
  g_assert_no_error (error);
  followers = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER)->followers;
  g_assert_cmpstr (rapport_people_find (followers, "1001")->handle, ==, "Mira_Builds");
  g_assert_cmpstr (rapport_people_find (followers, "1002")->handle, ==, "tomas_k");
  g_assert_null (rapport_people_find (followers, "1003")->handle);
}

/* Adds every file under @folder to @archive, named from @prefix, in a stable order. */
static void
zip_folder (RapportTestArchive *archive,
            const char         *folder,
            const char         *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (folder, child_name, NULL);
      g_autofree char *entry = g_strconcat (prefix, child_name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *below = g_strconcat (entry, "/", NULL);

          zip_folder (archive, child, below);
          continue;
        }
      g_assert_true (g_file_get_contents (child, &contents, NULL, NULL));
      rapport_test_archive_add (archive, entry, contents);
    }
}

/* What an import wrote, without the names, hashes and times of the export itself. */
static char *
database_contents (const char *data_dir)
{
  static const char * const queries[] = {
    "SELECT platform || ':' || handle || ':' || ifnull (platform_id, '') AS x FROM account",
    "SELECT exported_at || ',' || date_source || ',' || n_followers || ',' || n_following"
    "       || ',' || n_posts || ',' || n_reels || ',' || n_interactions || ',' || n_skipped"
    "       AS x FROM snapshot",
    "SELECT direction || ',' || who || ',' || ifnull (handle, '') || ',' || ifnull (since, '')"
    "       AS x FROM follow_span",
    "SELECT platform_post_id || ',' || type || ',' || created_at || ',' || ifnull (text, '')"
    "       || ',' || ifnull (url, '') || ',' || ifnull (likes, '') || ',' || ifnull (comments, '')"
    "       || ',' || ifnull (shares, '') || ',' || ifnull (views, '') AS x FROM post",
    "SELECT p.platform_post_id || ',' || t.kind || ',' || t.value AS x"
    "  FROM post_tag t JOIN post p ON p.id = t.post_id",
    "SELECT kind || ',' || ifnull (target, '') || ',' || at || ',' || ifnull (text, '') AS x"
    "  FROM interaction",
    "SELECT at || ',' || count || ',' || source AS x FROM follower_count",
  };
  g_autofree char *path = g_build_filename (data_dir, "rapport.db", NULL);
  GString *contents = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*), group_concat (x, '|')"
                                              " FROM (%s ORDER BY x)", queries[i]);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (contents, "%lld: %s\n", sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (contents, FALSE);
}

static void
write_export_file (const char *folder,
                   const char *name,
                   const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* A zip of an export's folder imports exactly what the folder does: every entry read as a
 * stream or whole gives the same records. */
static void
test_zipped_like_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const exports[][2] = {
    { "twitter", "archive-2024" },
    { "tiktok", "new" },
    { "instagram", "2025" },
    { "instagram", "html" },
    { "twitter", "grailbird" },
  };

  g_autofree char *generated = g_build_filename (fixture->dir, "x-generated", NULL);
  g_autoptr(GString) tweets = g_string_new ("window.YTD.tweets.part0 = [");

  /* An archive of a million bytes of posts, so that its entries pass through many chunks of
   * the reader's window (a quarter of a megabyte), cut anywhere in a post. */
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (tweets,
                            "%s{ \"tweet\" : { \"id_str\" : \"%u\", \"created_at\" : "
                            "\"Sat Nov 09 12:%02u:%02u +0000 2024\", \"full_text\" : "
                            "\"Post %u \\\"quoted\\\" caf\u00e9 \\u00e9t\u00e9 #tag%u @fan%u "
                            "%.*s\", \"favorite_count\" : \"%u\", \"retweet_count\" : \"%u\","
                            " \"entities\" : { \"hashtags\" : [ { \"text\" : \"tag%u\" } ] } } }",
                            i > 0 ? ",\n" : "", 100000 + i, (i / 60) % 60, i % 60, i, i % 7,
                            i % 13, (int) (i % 97), "................................................"
                            "..................................................", i * 3 % 101,
                            i % 5, i % 7);
  g_string_append (tweets, "\n]");
  write_export_file (generated, "data/account.js",
                     "window.YTD.account.part0 = [ { \"account\" : { \"accountId\" : \"5\","
                     " \"username\" : \"jo\" } } ]");
  write_export_file (generated, "data/tweets.js", tweets->str);

  for (guint i = 0; i <= G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *folder = i < G_N_ELEMENTS (exports)
        ? fixture_path (exports[i][0], exports[i][1], NULL) : g_strdup (generated);
      g_autofree char *name = g_path_get_basename (folder);
      g_autofree char *zip = g_build_filename (fixture->dir, "zips", name, "export.zip", NULL);
      g_autofree char *zip_dir = g_path_get_dirname (zip);
      g_autofree char *from_folder = g_build_filename (fixture->dir, "folder", name, NULL);
      g_autofree char *from_zip = g_build_filename (fixture->dir, "zip", name, NULL);
      g_autofree char *prefix = g_strconcat (name, "/", NULL);
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      RapportTestArchive *archive;
      const char *paths[][2] = { { folder, from_folder }, { zip, from_zip } };

      g_assert_cmpint (g_mkdir_with_parents (zip_dir, 0700), ==, 0);
      archive = rapport_test_archive_new (zip, "zip");
      zip_folder (archive, folder, prefix);
      rapport_test_archive_close (archive);

      for (guint j = 0; j < G_N_ELEMENTS (paths); j++)
        {
          g_autoptr(RapportStore) store = NULL;
          g_auto(RapportImportSummary) summary = { 0 };
          g_autoptr(GError) error = NULL;

          store = rapport_store_open (paths[j][1], &error);
          g_assert_no_error (error);
          g_assert_true (rapport_import_path (store, paths[j][0], &summary, NULL, &error));
          g_assert_no_error (error);
        }
      expected = database_contents (from_folder);
      actual = database_contents (from_zip);
      g_assert_cmpstr (actual, ==, expected);
      /* Not an empty comparison. */
      g_assert_false (g_str_has_prefix (expected, "0: "));
      if (i == G_N_ELEMENTS (exports))
        rapport_test_assert_contains (expected, "\n4000: 100000,text,");
    }
}

/* Changes the CRC-32 that the zip @content gives its entry @name, wherever it is written (the
 * local header, the data descriptor, the central directory). */
static void
break_checksum (char       *content,
                gsize       length,
                const char *name)
{
  gsize name_length = strlen (name);
  char crc[4];
  gboolean found = FALSE;
  guint changed = 0;

  /* The central directory's record: "PK\1\2", the CRC at 16, the name's length at 28, the
   * name at 46. */
  for (gsize i = 0; i + 46 + name_length <= length && !found; i++)
    {
      if (memcmp (content + i, "PK\1\2", 4) == 0 &&
          (guchar) content[i + 28] + ((guchar) content[i + 29] << 8) == name_length &&
          memcmp (content + i + 46, name, name_length) == 0)
        {
          memcpy (crc, content + i + 16, 4);
          found = TRUE;
        }
    }
  g_assert_true (found);
  for (gsize i = 0; i + 4 <= length; i++)
    {
      if (memcmp (content + i, crc, 4) == 0)
        {
          content[i] ^= 0x01;
          changed++;
        }
    }
  g_assert_cmpuint (changed, >=, 2);
}

/* An archive damaged in the middle of an entry read as a stream is refused as damaged, after
 * its start was read, and the database keeps what it held. */
static void
test_damaged_in_a_stream (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = fixture_path ("tiktok", "old", NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "twitter-whole.zip", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "twitter-damaged.zip", NULL);
  g_autoptr(GString) tweets = g_string_new ("window.YTD.tweets.part0 = [");
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) refused = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *content = NULL;
  gsize length;

  import_ok (fixture, good, &summary);

  /* Varied posts, so that the middle of the zip is deflated data of tweets.js. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (tweets, "%s{ \"tweet\" : { \"id_str\" : \"%u\", \"created_at\" : "
                            "\"Sat Nov 09 12:14:18 +0000 2024\", \"full_text\" : \"%u\" } }",
                            i > 0 ? ", " : "", i * 7919u, i * 104729u);
  g_string_append (tweets, "]");
  rapport_test_write_archive (zip, "zip",
                              "x/data/account.js",
                              "window.YTD.account.part0 = [ { \"account\" : { \"accountId\" : "
                              "\"5\", \"username\" : \"jo\" } } ]",
                              "x/data/tweets.js", tweets->str,
                              NULL);
  g_assert_true (g_file_get_contents (zip, &content, &length, NULL));
  /* The zip's directory, at its end, stays whole: only the deflated data is damaged. */
  memset (content + length * 3 / 5, 0x5a, 64);
  g_assert_true (g_file_set_contents (cut, content, length, NULL));
  /* Damaged deflate data may still unpack to bytes, which then fail as JSON before the
   * entry's checksum is reached: either way the error names the entry. */
  before = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_false (rapport_import_path (fixture->store, cut, &refused, NULL, &error));
  g_assert_true (g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE) ||
                 g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED));
  rapport_test_assert_contains (error->message, "data/tweets.js: ");
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (after, ==, before);

  /* A wrong checksum shows only once the whole entry is read: every post was handed on. */
  g_clear_error (&error);
  g_clear_pointer (&content, g_free);
  g_assert_true (g_file_get_contents (zip, &content, &length, NULL));
  break_checksum (content, length, "x/data/tweets.js");
  g_assert_true (g_file_set_contents (cut, content, length, NULL));
  assert_refused (fixture, cut, RAPPORT_IMPORT_ERROR_UNREADABLE,
                  "data/tweets.js: cannot be unpacked (the archive is damaged or incomplete");
}

/* A post named twice in one tweets.js is one post, one reply and one post counted. */
static void
test_twitter_post_twice (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char tweet[] =
    "{ \"tweet\" : { \"id_str\" : \"42\", \"created_at\" : \"Sat Nov 09 12:14:18 +0000 2024\","
    " \"full_text\" : \"@ana thanks!\", \"favorite_count\" : \"3\", \"retweet_count\" : \"0\","
    " \"in_reply_to_status_id_str\" : \"41\", \"in_reply_to_screen_name\" : \"ana\","
    " \"in_reply_to_user_id_str\" : \"7\" } }";
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *account = g_build_filename (data_dir, "account.js", NULL);
  g_autofree char *tweets = g_build_filename (data_dir, "tweets.js", NULL);
  g_autofree char *contents = g_strdup_printf ("window.YTD.tweets.part0 = [ %s, %s ]", tweet,
                                               tweet);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_file_set_contents (account,
                       "window.YTD.account.part0 = [ { \"account\" : { \"accountId\" : \"5\","
                       " \"username\" : \"jo\" } } ]", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (tweets, contents, -1, &error);
  g_assert_no_error (error);

  import_ok (fixture, dir, &summary);
  g_assert_cmpuint (summary.snapshot.n_posts + summary.snapshot.n_reposts, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_interactions, ==, 1);
  dataset = rapport_store_load_dataset (fixture->store, summary.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->posts->len, ==, 1);
  g_assert_cmpint (((RapportDatasetPost *) g_ptr_array_index (dataset->posts, 0))->likes, ==, 3);
  g_assert_cmpuint (dataset->interactions->len, ==, 1);
  rapport_test_remove_tree (dir);
}

/* A failure whose message names no export (another program holds the database) is printed
 * with the name of the export it stopped. */
static void
test_command_line_names_the_export (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = fixture_path ("tiktok", "old", NULL);
  g_autofree char *database = g_build_filename (fixture->data_dir, "rapport.db", NULL);
  const char *rapport = g_getenv ("RAPPORT_BIN");
  const char *import_argv[] = { rapport, "import", "--data-dir", fixture->data_dir, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  int status;

  g_assert_cmpint (sqlite3_open (database, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; DELETE FROM suggestion_state;", NULL,
                                 NULL, NULL), ==, SQLITE_OK);

  g_spawn_sync (NULL, (char **) import_argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (err, "rapport: old: Another program is using the database"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/tiktok-and-reimport", test_tiktok_and_reimport);
  ADD ("/import/instagram-snapshots", test_instagram_snapshots);
  ADD ("/import/instagram-as-kept", test_instagram_as_kept);
  ADD ("/import/twitter-with-analytics", test_twitter_with_analytics);
  ADD ("/import/unrecognized", test_unrecognized);
  ADD ("/import/broken-file-changes-nothing", test_broken_file_changes_nothing);
  ADD ("/import/cancelled", test_cancelled);
  ADD ("/import/special-files", test_special_files);
  ADD ("/import/damaged-and-empty", test_damaged_and_empty);
  ADD ("/import/many-list-files", test_many_list_files);
  ADD ("/import/crafted-json", test_crafted_json);
  ADD ("/import/command-line", test_command_line);
  ADD ("/import/accounts-table", test_accounts_table);
  ADD ("/import/same-size-exports", test_same_size_exports);
  ADD ("/import/unreadable-list", test_unreadable_list);
  ADD ("/import/command-line-names-the-export", test_command_line_names_the_export);
  ADD ("/import/twitter-without-account", test_twitter_without_account);
  ADD ("/import/twitter-post-twice", test_twitter_post_twice);
  ADD ("/import/zipped-like-folder", test_zipped_like_folder);
  ADD ("/import/damaged-in-a-stream", test_damaged_in_a_stream);
#undef ADD

  return g_test_run ();
}
