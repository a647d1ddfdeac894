/* test-meta-daily.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's per-metric daily exports (Follows.csv and its siblings).  Every expected
 * value is read by hand from the fixtures in fixtures/meta/ (UTF-16LE with a BOM, a "sep=," line,
 * CRLF); days are midnight UTC, checked with `date -u -d "<day> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-meta-analytics.h"
#include "import/rapport-meta-daily.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define POSTS_CSV "May-25-2026_Jun-21-2026_17841400000000001.csv"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "meta", name, NULL);
}

static RapportArchive *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  RapportArchive *archive = rapport_archive_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (archive);
  return archive;
}

static RapportTestSink *
import_daily (const char *path)
{
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_meta_daily_recognizes (archive));
  g_assert_true (rapport_meta_daily_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  return g_steal_pointer (&sink);
}

static void
assert_gain (RapportTestSink *sink,
             guint            index,
             gint64           day,
             gint64           gained)
{
  const RapportFollowerGain *gain;

  g_assert_cmpuint (index, <, sink->gains->len);
  gain = &g_array_index (sink->gains, RapportFollowerGain, index);
  g_assert_cmpint (gain->day, ==, day);
  g_assert_cmpint (gain->gained, ==, gained);
  g_assert_cmpint (gain->lost, ==, RAPPORT_COUNT_UNKNOWN);
}

static void
write_file (const char *dir,
            const char *name,
            const char *content)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
}

/* Follows.csv with a Facebook and an Instagram block beside Views.csv and Audience.csv: the
 * Instagram follows, a day left out, the time shifted by daylight saving. */
static void
test_follows (void)
{
  g_autofree char *path = fixture_path ("daily");
  g_autoptr(RapportTestSink) sink = import_daily (path);

  /* Nothing names the account: the folder's name stands in. */
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (sink->handle, ==, "daily");
  g_assert_true (sink->provisional);
  g_assert_null (sink->platform_id);

  g_assert_cmpuint (sink->gains->len, ==, 4);
  assert_gain (sink, 0, 1774569600, 65);   /* 2026-03-27 */
  assert_gain (sink, 1, 1774656000, 71);   /* 2026-03-28 */
  assert_gain (sink, 2, 1774828800, 12);   /* 2026-03-30, written T01:00:00 */
  assert_gain (sink, 3, 1774915200, 0);    /* 2026-03-31 */
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->counts->len, ==, 0);

  /* The Facebook block is another account's; views and the audience pass silently. */
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "Follows.csv: the Facebook follows on line 2 belong to another "
                                "account than this Instagram one");

  /* No date in the names: the latest day. */
  g_assert_cmpint (sink->exported_at, ==, 1774915200);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* A folder named "facebook-<user>-<date>" holding Facebook follows only. */
static void
test_facebook_named (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *export_dir = g_build_filename (dir, "facebook-jo.studio-2026-04-01", NULL);
  g_autoptr(RapportTestSink) sink = NULL;

  g_assert_cmpint (g_mkdir (export_dir, 0700), ==, 0);
  write_file (export_dir, "Follows.csv",
              "sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n"
              "\"2026-03-28T00:00:00\",\"4\"\n\"2026-03-29T00:00:00\",\"1\"\n");

  sink = import_daily (export_dir);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_FACEBOOK);
  g_assert_cmpstr (sink->handle, ==, "jo.studio");
  g_assert_false (sink->provisional);
  g_assert_cmpuint (sink->gains->len, ==, 2);
  assert_gain (sink, 0, 1774656000, 4);
  assert_gain (sink, 1, 1774742400, 1);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  /* 2026-04-01, from the name. */
  g_assert_cmpint (sink->exported_at, ==, 1775001600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  rapport_test_remove_tree (dir);
}

/* A German interface translates the header; the file keeps Meta's name. */
static void
test_localized (void)
{
  g_autofree char *path = fixture_path ("localized");
  g_autoptr(RapportTestSink) sink = import_daily (path);

  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpuint (sink->gains->len, ==, 2);
  assert_gain (sink, 0, 1779667200, 7);   /* 2026-05-25 */
  assert_gain (sink, 1, 1779753600, 8);   /* 2026-05-26 */
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* A value column under a name not known: the one other column of a two-column block; a block
 * of three columns without one is no day-by-day table. */
static void
test_unknown_value_name (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Follows.csv", NULL);
  g_autoptr(RapportTestSink) sink = NULL;

  write_file (dir, "Follows.csv",
              "sep=,\n"
              "\"Instagram follows\"\n"
              "\"Fecha\",\"Valor\"\n"
              "\"2026-05-25T00:00:00\",\"9\"\n"
              "\n"
              "\"Instagram follows\"\n"             /* line 6 */
              "\"Date\",\"This period\",\"Last period\"\n"
              "\"2026-05-26T00:00:00\",\"3\",\"4\"\n");

  sink = import_daily (path);
  g_assert_cmpuint (sink->gains->len, ==, 1);
  assert_gain (sink, 0, 1779667200, 9);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "the block on line 6 is not a day-by-day table");

  rapport_test_remove_tree (dir);
}

/* Rows that cannot be a day's follows are skipped with the line and why; an empty value is a
 * day without a figure. */
static void
test_bad_rows (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Follows.csv", NULL);
  g_autoptr(RapportTestSink) sink = NULL;

  write_file (dir, "Follows.csv",
              "sep=,\n"
              "\"Instagram follows\"\n"
              "\"Date\",\"Primary\"\n"
              "\"2026-03-27T00:00:00\",\"5\"\n"        /* line 4 */
              "\"27/03/2026\",\"6\"\n"                 /* line 5: not a date */
              "\"2026-03-27T01:00:00\",\"7\"\n"        /* line 6: the day again */
              "\"2026-03-28T00:00:00\",\"many\"\n"     /* line 7 */
              "\"2026-03-29T00:00:00\",\"\"\n"         /* line 8: no figure */
              "\"2026-03-30T00:00:00\",\"-3\"\n"       /* line 9: negative */
              "\"2026-02-30T00:00:00\",\"1\"\n"        /* line 10: no such day */
              "\"2026-03-31T00:00:00\",\"1,204\"\n"   /* line 11 */
              "\"2026-04-01 00:00\",\"2\"\n");         /* line 12: saved again */

  sink = import_daily (path);
  g_assert_cmpuint (sink->gains->len, ==, 3);
  assert_gain (sink, 0, 1774569600, 5);
  assert_gain (sink, 1, 1774915200, 1204);
  assert_gain (sink, 2, 1775001600, 2);

  g_assert_cmpuint (sink->skipped->len, ==, 5);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "line 5 has no readable date");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 1), "line 6 repeats a day");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 2),
                                "line 7 has no readable number of follows");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 3), "-3 is negative");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 4),
                                "line 10 has no readable date");

  rapport_test_remove_tree (dir);
}

/* A quote that never closes: the file and the line. */
static void
test_malformed (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Follows.csv", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  write_file (dir, "Follows.csv",
              "sep=,\n\"Instagram follows\"\n\"Date\",\"Primary\"\n"
              "\"2026-03-27T00:00:00\",\"5\"\n\"2026-03-28T00:00:00\",\"6\n");
  archive = open_path (path);
  g_assert_false (rapport_meta_daily_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, "Follows.csv");
  rapport_test_assert_contains (error->message, "line 5");

  rapport_test_remove_tree (dir);
}

/* Views and reach alone: refused with what Rapport reads from Meta, the database unchanged. */
static void
test_views_only (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = fixture_path ("views-only");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportImportFunc func = NULL;

  g_assert_cmpint (rapport_import_detect (archive, &func, NULL), ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_true (func == rapport_meta_daily_import);
  g_assert_false (rapport_meta_daily_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
  rapport_test_assert_contains (error->message, "views-only holds Meta Business Suite's daily");
  rapport_test_assert_contains (error->message, "Follows.csv");
  rapport_test_assert_contains (error->message, "posts CSV");
  g_assert_cmpuint (sink->n_set_account, ==, 0);
  g_clear_error (&error);

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  rapport_test_assert_contains (error->message, "Follows.csv");
  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Audience.csv is no daily file: alone, it is no export Rapport knows. */
static void
test_detect (void)
{
  g_autofree char *daily = fixture_path ("daily");
  g_autofree char *audience = g_build_filename (daily, "Audience.csv", NULL);
  g_autofree char *views = g_build_filename (daily, "Views.csv", NULL);
  g_autofree char *export_dir = fixture_path ("export");
  g_autoptr(RapportArchive) daily_archive = open_path (daily);
  g_autoptr(RapportArchive) audience_archive = open_path (audience);
  g_autoptr(RapportArchive) views_archive = open_path (views);
  g_autoptr(RapportArchive) export_archive = open_path (export_dir);
  g_autoptr(GError) error = NULL;
  RapportImportFunc func = NULL;

  g_assert_cmpint (rapport_import_detect (daily_archive, &func, NULL), ==,
                   RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_true (func == rapport_meta_daily_import);
  g_assert_true (rapport_meta_daily_recognizes (views_archive));
  g_assert_false (rapport_meta_daily_recognizes (audience_archive));
  g_assert_cmpint (rapport_import_detect (audience_archive, NULL, &error), ==,
                   RAPPORT_PLATFORM_UNKNOWN);
  rapport_test_assert_contains (error->message, "Follows.csv");

  /* With the posts CSV, the posts importer reads the whole folder. */
  g_assert_cmpint (rapport_import_detect (export_archive, &func, NULL), ==,
                   RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_true (func == rapport_meta_analytics_import);
}

/* One export folder, the posts CSV and Follows.csv: one account, named by the CSV, with both
 * the posts and the Instagram follows. */
static void
test_join (void)
{
  g_autofree char *path = fixture_path ("export");
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *csv = fixture_path (POSTS_CSV);
  g_auto(RapportImportSummary) first = { 0 };
  g_auto(RapportImportSummary) second = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  g_assert_true (rapport_meta_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_false (sink->provisional);
  g_assert_cmpuint (sink->posts->len, ==, 3);
  g_assert_cmpuint (sink->gains->len, ==, 3);
  assert_gain (sink, 0, 1779667200, 65);    /* 2026-05-25 */
  assert_gain (sink, 1, 1779753600, 40);    /* 2026-05-26 */
  assert_gain (sink, 2, 1780358400, 118);   /* 2026-06-02 */
  /* The error row of the CSV, and the Facebook block. */
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0), "has no post id");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 1),
                                "Follows.csv: the Facebook follows on line 2");
  /* The newest publish time, 2026-06-15 07:00, is before the end of the name's range. */
  g_assert_cmpint (sink->exported_at, ==, 1782000000);

  /* In the store: the folder, then the same account's CSV alone, land in one account. */
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first.handle, ==, "jo.doe");
  g_assert_false (first.provisional);
  g_assert_cmpuint (first.snapshot.n_posts + first.snapshot.n_reels, ==, 3);
  g_assert_true (rapport_import_path (store, csv, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.account_id, ==, first.account_id);

  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  dataset = rapport_store_load_dataset (store, first.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->posts->len, ==, 3);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meta-daily/follows", test_follows);
  g_test_add_func ("/meta-daily/facebook-named", test_facebook_named);
  g_test_add_func ("/meta-daily/localized", test_localized);
  g_test_add_func ("/meta-daily/unknown-value-name", test_unknown_value_name);
  g_test_add_func ("/meta-daily/bad-rows", test_bad_rows);
  g_test_add_func ("/meta-daily/malformed", test_malformed);
  g_test_add_func ("/meta-daily/views-only", test_views_only);
  g_test_add_func ("/meta-daily/detect", test_detect);
  g_test_add_func ("/meta-daily/join", test_join);

  return g_test_run ();
}
