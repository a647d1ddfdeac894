/* test-threads.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Threads part of Meta's Instagram export: what its importer reads from hand-made
 * fixtures, and whole imports through the store, where one export writes two accounts.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-importer.h"
#include "import/rapport-threads-importer.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-instagram.h"
#include "rapport-test-util.h"

/* 2026-05-20 and 2026-06-01 at 00:00 UTC: the days in the fixtures' names. */
#define WITH_INSTAGRAM_DAY G_GINT64_CONSTANT (1779235200)
#define ALONE_DAY G_GINT64_CONSTANT (1780272000)

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "threads", name, NULL);
}

static RapportTestSink *
import_threads (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, &error);
  RapportTestSink *sink;

  g_assert_no_error (error);
  sink = rapport_test_sink_new ();
  g_assert_true (rapport_threads_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_THREADS);
  return sink;
}

/* ── the importer ────────────────────────────────────────────────────────────────────────── */

static void
test_threads_part (void)
{
  g_autofree char *path = fixture_path ("with-instagram");
  g_autoptr(RapportTestSink) sink = import_threads (path);
  const RapportPost *post;

  /* The Threads profile names the account; its name was mis-encoded. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo \xe2\x9a\xa1 Doe");
  g_assert_false (sink->provisional);
  g_assert_cmpint (sink->exported_at, ==, WITH_INSTAGRAM_DAY);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* The user name from the value, else from either form of link; never the title, which is
   * the display name. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 3);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "sam.k", 1740000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "ren_writes", 1740100000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "ola.p", 1740200000);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "sam.k", 1741000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "zine.club", 1741100000);

  /* Five threads: a text, a reply, a photo, and two parts of one thread in the same second. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  post = rapport_test_assert_post (sink, "1747900000", RAPPORT_POST_TEXT, 1747900000,
                                   "Morning pages \xe2\x98\x95 #writing #Slow_Living "
                                   "\xe2\x80\x94 day 12");
  rapport_test_assert_strv (post->hashtags, "writing|slow_living");
  rapport_test_assert_no_counts (post);
  post = rapport_test_assert_post (sink, "1747910000", RAPPORT_POST_REPLY, 1747910000,
                                   "@sam.k thanks! caf\xc3\xa9 later?");
  rapport_test_assert_strv (post->mentions, "sam.k");
  rapport_test_assert_strv (post->hashtags, "");
  rapport_test_assert_post (sink, "1747920000", RAPPORT_POST_PHOTO, 1747920000,
                            "New zine is out");
  rapport_test_assert_post (sink, "1747930000", RAPPORT_POST_TEXT, 1747930000,
                            "A thread (1/2)");
  rapport_test_assert_post (sink, "1747930000-2", RAPPORT_POST_TEXT, 1747930000,
                            "(2/2) the end \xf0\x9f\x91\x8b");

  /* Liked threads, the author from the title or from the link; saved ones are not read. */
  g_assert_cmpuint (sink->interactions->len, ==, 2);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_LIKE, "sam.k", 1747950000, NULL);
  rapport_test_assert_interaction (sink, 1, RAPPORT_INTERACTION_LIKE, "zine.club", 1747960000,
                                   NULL);

  /* Nothing of Instagram's own part. */
  g_assert_null (rapport_test_sink_find_post (sink, "1747000000"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                  "lu.paints"));

  g_assert_cmpuint (sink->skipped->len, ==, 3);
  /* The archive drops the export's folder, which every file shares. */
  rapport_test_assert_skipped (sink, 0, "your_instagram_activity/threads/followers_1.json: "
                               "a follower without a user name");
  rapport_test_assert_skipped (sink, 1, "your_instagram_activity/threads/threads_and_replies.json: "
                               "a post without a creation time");
  rapport_test_assert_skipped (sink, 2, "your_instagram_activity/threads/threads_and_replies.json: "
                               "a post that is not an object");
}

static void
test_threads_alone (void)
{
  g_autofree char *path = fixture_path ("alone");
  g_autoptr(RapportTestSink) sink = import_threads (path);

  /* No profile: the export's name says whose it is, and when it was made. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_null (sink->display_name);
  g_assert_false (sink->provisional);
  g_assert_cmpint (sink->exported_at, ==, ALONE_DAY);

  g_assert_true (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "ola.p", 1748050000);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  rapport_test_assert_post (sink, "1748000000", RAPPORT_POST_TEXT, 1748000000,
                            "Hello Threads #intro");
  rapport_test_assert_post (sink, "1748100000", RAPPORT_POST_REPLY, 1748100000,
                            "@ola.p same here");
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_detection (void)
{
  g_autofree char *with = fixture_path ("with-instagram");
  g_autofree char *alone = fixture_path ("alone");
  g_autofree char *instagram = g_test_build_filename (G_TEST_DIST, "fixtures", "instagram",
                                                      "2025", NULL);
  g_autoptr(RapportArchive) with_archive = rapport_archive_open (with, NULL);
  g_autoptr(RapportArchive) alone_archive = rapport_archive_open (alone, NULL);
  g_autoptr(RapportArchive) instagram_archive = rapport_archive_open (instagram, NULL);
  RapportImportFunc func = NULL;

  /* An Instagram export with its Threads part is an Instagram export ... */
  g_assert_cmpint (rapport_import_detect (with_archive, &func, NULL), ==,
                   RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_true (func == rapport_instagram_import);
  g_assert_true (rapport_threads_recognizes (with_archive));
  g_assert_false (rapport_threads_recognizes_alone (with_archive));

  /* ... the Threads part alone (the archive drops the folders every file shares: its files
   * are threads/…) is a Threads export ... */
  g_assert_cmpint (rapport_import_detect (alone_archive, &func, NULL), ==,
                   RAPPORT_PLATFORM_THREADS);
  g_assert_true (func == rapport_threads_import);

  /* ... and an Instagram export without it has no Threads part. */
  g_assert_false (rapport_threads_recognizes (instagram_archive));
}

/* ── through the store ───────────────────────────────────────────────────────────────────── */

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

static RapportAccount *
find_account (GPtrArray       *accounts,
              RapportPlatform  platform)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);

      if (account->platform == platform)
        return account;
    }
  return NULL;
}

static void
test_two_accounts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path ("with-instagram");
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) again = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const RapportImportSummary *threads;
  RapportAccount *account;

  g_assert_true (rapport_import_path (fixture->store, path, &summary, NULL, &error));
  g_assert_no_error (error);

  /* One import, two accounts, each with a snapshot of its own. */
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (summary.handle, ==, "jo.doe");
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 2);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 1);
  g_assert_cmpint (summary.snapshot.exported_at, ==, WITH_INSTAGRAM_DAY);
  threads = summary.companion;
  g_assert_nonnull (threads);
  g_assert_null (threads->companion);
  g_assert_cmpint (threads->platform, ==, RAPPORT_PLATFORM_THREADS);
  g_assert_cmpstr (threads->handle, ==, "jo.doe");
  g_assert_cmpint (threads->account_id, !=, summary.account_id);
  g_assert_cmpint (threads->snapshot.id, !=, summary.snapshot.id);
  g_assert_cmpuint (threads->snapshot.n_followers, ==, 3);
  g_assert_cmpuint (threads->snapshot.n_following, ==, 2);
  g_assert_cmpuint (threads->snapshot.n_posts, ==, 5);
  g_assert_cmpuint (threads->snapshot.n_interactions, ==, 2);
  g_assert_cmpuint (threads->snapshot.n_skipped, ==, 3);
  g_assert_cmpint (threads->snapshot.exported_at, ==, WITH_INSTAGRAM_DAY);

  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==,
                   "Instagram · @jo.doe · exported 20 May 2026 · 2 followers, 1 following, "
                   "1 post; Threads · @jo.doe · 3 followers, 2 following, 5 posts");

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  account = find_account (accounts, RAPPORT_PLATFORM_THREADS);
  g_assert_nonnull (account);
  g_assert_cmpint (account->id, ==, threads->account_id);
  g_assert_cmpstr (account->display_name, ==, "Jo \xe2\x9a\xa1 Doe");
  g_assert_cmpuint (account->n_snapshots, ==, 1);
  g_assert_cmpint (account->followers, ==, 3);
  g_assert_cmpint (account->posts, ==, 5);
  account = find_account (accounts, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpuint (account->n_snapshots, ==, 1);
  g_assert_cmpint (account->followers, ==, 2);

  /* The same export again changes nothing, for either account. */
  before = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_false (rapport_import_path (fixture->store, path, &again, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (again.already_imported);
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_threads_alone_stored (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("alone");
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_assert_true (rapport_import_path (fixture->store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_THREADS);
  g_assert_null (summary.companion);
  description = rapport_import_summary_describe (&summary);
  g_assert_cmpstr (description, ==,
                   "Threads · @jo.doe · exported 1 Jun 2026 · 1 follower, 2 posts");

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpint (((RapportAccount *) g_ptr_array_index (accounts, 0))->platform, ==,
                   RAPPORT_PLATFORM_THREADS);
}

/* An export whose Instagram account was deleted since it was imported: importing it again
 * brings Instagram's part back and leaves the stored Threads part as it is. */
static void
test_part_stored_already (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path ("with-instagram");
  g_auto(RapportImportSummary) first = { 0 };
  g_auto(RapportImportSummary) second = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (fixture->store, path, &first, NULL, &error));
  g_assert_true (rapport_store_delete_account (fixture->store, first.account_id, &error));
  g_assert_no_error (error);

  g_assert_true (rapport_import_path (fixture->store, path, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_null (second.companion);

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpuint (find_account (accounts, RAPPORT_PLATFORM_THREADS)->n_snapshots, ==, 1);
}

typedef struct
{
  guint64 last;
  gboolean decreased;
  gboolean saw_threads;
} Progress;

static void
progress_cb (const char *entry_name,
             guint64     records_read,
             gpointer    user_data)
{
  Progress *progress = user_data;

  progress->decreased |= records_read < progress->last;
  progress->last = records_read;
  progress->saw_threads |= strstr (entry_name, "threads/") != NULL;
}

/* The records read count on from the Instagram part into the Threads part. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path ("with-instagram");
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_assert_true (rapport_import_path_full (fixture->store, path, progress_cb, &progress,
                                           &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (progress.saw_threads);
  g_assert_false (progress.decreased);
  /* Instagram's 2 + 1 + 1 records, then Threads' 3 + 2 + 5 + 2. */
  g_assert_cmpuint (progress.last, ==, 16);
}

static void
cancel_in_threads_part (const char *entry_name,
                        guint64     records_read,
                        gpointer    user_data)
{
  if (strstr (entry_name, "threads/") != NULL)
    g_cancellable_cancel (user_data);
}

/* Failing or cancelled in the Threads part, after Instagram's was read: neither account is
 * stored. */
static void
test_nothing_on_failure (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *good = fixture_path ("with-instagram");
  g_autofree char *zip = g_build_filename (fixture->dir, "instagram-jo.doe-2026-05-21-Zz.zip",
                                           NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rapport_test_database_fingerprint (fixture->data_dir);
  g_autofree char *after = NULL;

  g_assert_false (rapport_import_path_full (fixture->store, good, cancel_in_threads_part,
                                            cancellable, &summary, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* A damaged threads file fails the whole export and names the file. */
  rapport_test_write_archive (zip, "zip",
                              "connections/followers_and_following/followers_1.json",
                              "[" FOLLOWER_ROW ("sam.k", "1735000000") "]",
                              "your_instagram_activity/threads/threads_and_replies.json",
                              "{\"text_post_app_text_posts\": [{\"media\": [",
                              NULL);
  g_assert_false (rapport_import_path (fixture->store, zip, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, "threads/threads_and_replies.json");
  g_clear_error (&error);
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

/* Files of the Threads part that are not what they should be. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (fixture->dir, "threads.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  /* A list file that holds no list. */
  rapport_test_write_archive (zip, "zip",
                              "your_instagram_activity/threads/followers.json",
                              "{\"text_post_app_text_post_app_followers\": 7}",
                              NULL);
  archive = rapport_archive_open (zip, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_threads_recognizes_alone (archive));
  g_assert_false (rapport_threads_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "threads/followers.json: the file does not hold a list of accounts");
  g_clear_error (&error);
  g_clear_object (&archive);

  /* Every follower without a user name: no list, rather than a list of nobody. */
  rapport_test_write_archive (zip, "zip",
                              "your_instagram_activity/threads/followers.json",
                              "{\"text_post_app_text_post_app_followers\": [{\"title\": \"A\"},"
                              " {\"title\": \"B\", \"string_list_data\": []}]}",
                              NULL);
  g_assert_false (rapport_import_path (fixture->store, zip, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, "the list of followers could not be read");
  g_clear_error (&error);

  /* Files of that name elsewhere are not Threads'. */
  rapport_test_write_archive (zip, "zip",
                              "notes/threads/threads_and_replies.json", "[]",
                              "threads_and_replies.json", "[]",
                              NULL);
  archive = rapport_archive_open (zip, &error);
  g_assert_false (rapport_threads_recognizes (archive));
  g_assert_false (rapport_threads_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/part", test_threads_part);
  g_test_add_func ("/threads/alone", test_threads_alone);
  g_test_add_func ("/threads/detection", test_detection);
  ADD ("/threads/two-accounts", test_two_accounts);
  ADD ("/threads/alone-stored", test_threads_alone_stored);
  ADD ("/threads/part-stored-already", test_part_stored_already);
  ADD ("/threads/progress", test_progress);
  ADD ("/threads/nothing-on-failure", test_nothing_on_failure);
  ADD ("/threads/bad-input", test_bad_input);

  return g_test_run ();
}
