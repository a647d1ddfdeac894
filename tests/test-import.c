/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole imports, from a path on disk into the store, as the app and `rapport import` run them.
 */

#include "config.h"

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

static const RapportDatasetPost *
find_post (RapportDataset *dataset,
           const char     *platform_id)
{
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, platform_id))
        return post;
    }
  return NULL;
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
  post = find_post (dataset, "1855269123456789012");
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
  g_assert_true (g_str_has_prefix (description,
                                   "X/Twitter · @old-x-backup · exported 15 Jun 2019"));
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
  ADD ("/import/twitter-with-analytics", test_twitter_with_analytics);
  ADD ("/import/unrecognized", test_unrecognized);
  ADD ("/import/broken-file-changes-nothing", test_broken_file_changes_nothing);
  ADD ("/import/cancelled", test_cancelled);
  ADD ("/import/command-line", test_command_line);
  ADD ("/import/accounts-table", test_accounts_table);
  ADD ("/import/same-size-exports", test_same_size_exports);
  ADD ("/import/unreadable-list", test_unreadable_list);
  ADD ("/import/command-line-names-the-export", test_command_line_names_the_export);
  ADD ("/import/twitter-without-account", test_twitter_without_account);
#undef ADD

  return g_test_run ();
}
