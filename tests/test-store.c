/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/rapport-import-error.h"
#include "analysis/rapport-audience.h"
#include "analysis/rapport-series.h"
#include "store/rapport-store.h"
#include "store/rapport-store-private.h"
#include "rapport-test-util.h"

typedef struct
{
  char *dir;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* One number from the database, read behind the store's back. */
static gint64
query_dir_int (const char *dir,
               const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return query_dir_int (fixture->dir, sql);
}

static void
import_small_export (Fixture    *fixture,
                     const char *hash,
                     gboolean    with_analytics)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "Jo.Creates", NULL, "Jo" };
  RapportRelation relations[] = {
    { RAPPORT_DIRECTION_FOLLOWER, "anna", NULL, 1700000000 },
    { RAPPORT_DIRECTION_FOLLOWER, "Ben", NULL, 0 },
    { RAPPORT_DIRECTION_FOLLOWER, "ben", NULL, 0 }, /* the same account twice in split files */
    { RAPPORT_DIRECTION_FOLLOWING, "anna", NULL, 1700003600 },
  };
  const char * const tags[] = { "sunset", "f4f", NULL };
  const char * const mentions[] = { "anna", NULL };
  RapportPost post;

  import = rapport_store_begin_import (fixture->store, "export.zip", hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, &error));
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    g_assert_true (rapport_import_sink_add_relation (sink, &relations[i], &error));

  rapport_post_init (&post);
  post.platform_id = "1700100000";
  post.type = RAPPORT_POST_PHOTO;
  post.created_at = 1700100000;
  post.text = "Sunset #sunset #f4f with @anna";
  post.likes = 40;
  post.comments = 2;
  post.hashtags = tags;
  post.mentions = mentions;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));

  if (with_analytics)
    {
      /* A later file knows impressions but not the type, and truncates the text. */
      rapport_post_init (&post);
      post.platform_id = "1700100000";
      post.type = RAPPORT_POST_TEXT;
      post.created_at = 1700100000;
      post.text = "Sunset";
      post.likes = 41;
      post.impressions = 900;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }

  rapport_import_sink_set_export_date (sink, 1701000000, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_false (summary.already_imported);
  g_assert_cmpstr (summary.handle, ==, "Jo.Creates");
  g_assert_true (summary.snapshot.has_followers);
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 2);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 1);
  g_assert_cmpint (summary.snapshot.exported_at, ==, 1701000000);
}

static void
test_open_and_migrate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpint (rapport_store_get_schema_version (fixture->store), ==, RAPPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture, "PRAGMA foreign_keys"), ==, 0); /* per connection: off here */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM account"), ==, 0);
  g_assert_cmpstr (g_strrstr (rapport_store_get_path (fixture->store), "/rapport.db"), ==, "/rapport.db");
}

static void
test_import_and_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccount *account;
  RapportSnapshot *snapshot;

  import_small_export (fixture, "hash-1", FALSE);

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpint (account->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (account->handle, ==, "Jo.Creates");
  g_assert_cmpstr (account->display_name, ==, "Jo");
  g_assert_cmpint (account->followers, ==, 2);
  g_assert_cmpint (account->following, ==, 1);
  g_assert_cmpint (account->posts, ==, 1);
  g_assert_cmpint (account->last_exported_at, ==, 1701000000);

  snapshots = rapport_store_list_snapshots (fixture->store, account->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (snapshots, 0);
  g_assert_cmpstr (snapshot->source_name, ==, "export.zip");
  g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  /* Names are compared case-insensitively: "Ben" and "ben" are one follower. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span WHERE who = 'ben'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT since FROM follow_span WHERE who = 'anna' AND direction = 1"),
                   ==, 1700003600);
  g_assert_cmpint (query_int (fixture, "SELECT since FROM follow_span WHERE who = 'ben'"), ==, -2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_tag WHERE kind = 0"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_tag WHERE kind = 1 AND value = 'anna'"), ==, 1);
  /* The follower list's size becomes a point of the follower curve at the export date. */
  g_assert_cmpint (query_int (fixture, "SELECT count FROM follower_count WHERE source = 'snapshot'"
                                       " AND at = 1701000000"), ==, 2);
}

static void
test_merge_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  import_small_export (fixture, "hash-1", TRUE);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post"), ==, 41);
  g_assert_cmpint (query_int (fixture, "SELECT comments FROM post"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT impressions FROM post"), ==, 900);
  g_assert_cmpint (query_int (fixture, "SELECT length (text) FROM post"), ==, 30);
  g_assert_cmpint (query_int (fixture, "SELECT type = 'photo' FROM post"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT saves FROM post"), ==, -2);
  /* The snapshot's history row merges the same way. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_counts"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post_counts"), ==, 41);
  g_assert_cmpint (query_int (fixture, "SELECT comments FROM post_counts"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT impressions FROM post_counts"), ==, 900);
}

/* Relations arrive in follow-date order, not by name, and split files repeat some: all of them
 * are written once, the first spelling kept, and the platform ids and dates with them. */
static void
test_many_relations (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;
  /* More than the store sorts on one core, so the two sorted halves are merged. */
  const guint n = 20000;

  import = rapport_store_begin_import (fixture->store, "many.zip", "hash-many", "hash-many", NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  /* 7 is coprime to n, so i * 7 % n visits every number once, out of order. */
  for (guint i = 0; i < n; i++)
    {
      guint k = i * 7 % n;
      g_autofree char *handle = g_strdup_printf ("Fan%05u", k);
      g_autofree char *id = g_strdup_printf ("%u", 5000 + k);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, id, 1600000000 + k };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  /* A second file repeats the first 100 in lower case. */
  for (guint k = 0; k < 100; k++)
    {
      g_autofree char *handle = g_strdup_printf ("fan%05u", k);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL, 0 };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.snapshot.n_followers, ==, n);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"), ==, n);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span WHERE handle = 'Fan' || substr (who, 4)"), ==, n);
  g_assert_cmpint (query_int (fixture, "SELECT sum (platform_id - 5000) FROM follow_span"), ==, n * (n - 1) / 2);
  g_assert_cmpint (query_int (fixture, "SELECT since FROM follow_span WHERE who = 'fan00042'"), ==, 1600000042);
  g_assert_cmpint (query_int (fixture, "SELECT n_followers FROM snapshot"), ==, n);
}

/* One X export of @hash with followers 1001 and 1002, named @name_1001 and @name_1002 (NULL
 * for none). */
static void
import_twitter_followers (Fixture    *fixture,
                          const char *hash,
                          gint64      exported_at,
                          const char *name_1001,
                          const char *name_1002)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "river_notes", "3141592653", NULL };
  RapportRelation relations[] = {
    { RAPPORT_DIRECTION_FOLLOWER, name_1001, "1001", 0 },
    { RAPPORT_DIRECTION_FOLLOWER, name_1002, "1002", 0 },
  };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    g_assert_true (rapport_import_sink_add_relation (sink, &relations[i], &error));
  rapport_import_sink_set_export_date (sink, exported_at, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

/* X's followers are ids, named where the posts name them: the id stays the key, so exports that
 * name an account differently, or not at all, still see the same follower. */
static void
test_twitter_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(GError) error = NULL;
  const RapportPeople *older;
  const RapportPeople *newer;
  gint64 account_id;

  import_twitter_followers (fixture, "x-1", 1730000000, "Mira_Builds", NULL);
  import_twitter_followers (fixture, "x-2", 1740000000, "mira_new", "tomas_k");
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT who) FROM follow_span"), ==, 2);

  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account_id = ((RapportAccount *) g_ptr_array_index (accounts, 0))->id;
  dataset = rapport_store_load_dataset_every_list (fixture->store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  older = ((RapportDatasetSnapshot *) g_ptr_array_index (dataset->snapshots, 0))->followers;
  newer = ((RapportDatasetSnapshot *) g_ptr_array_index (dataset->snapshots, 1))->followers;
  g_assert_cmpstr (older->items[0].who, ==, "1001");
  g_assert_cmpstr (older->items[0].handle, ==, "Mira_Builds");
  g_assert_cmpstr (older->items[0].platform_id, ==, "1001");
  g_assert_cmpstr (older->items[1].who, ==, "1002");
  g_assert_null (older->items[1].handle);
  g_assert_cmpstr (newer->items[0].who, ==, "1001");
  g_assert_cmpstr (newer->items[0].handle, ==, "mira_new");
  g_assert_cmpstr (newer->items[1].handle, ==, "tomas_k");

  /* The summary reads no list: each is known by its size and what the import counted of it,
   * the first list (written straight) as the second (compared with the first). */
  summary = rapport_store_load_dataset_summary (fixture->store, account_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (summary->snapshots, i);
      RapportListCounts counts;

      g_assert_null (snapshot->followers);
      g_assert_true (snapshot->has_followers);
      rapport_dataset_snapshot_count_list (snapshot, RAPPORT_DIRECTION_FOLLOWER, &counts);
      g_assert_cmpuint (counts.n_listed, ==, 2);
      g_assert_cmpuint (counts.n_with_id, ==, 2);
      /* 1002 has no name in the first export; both have one in the second. */
      g_assert_cmpuint (counts.n_named, ==, i == 0 ? 1 : 2);
      g_assert_cmpuint (counts.n_dated, ==, 0);
    }
}

/* One import of followers with follow dates: "who:day" pairs, days after DAY_ZERO. */
#define DAY_ZERO G_GINT64_CONSTANT (1704067200) /* 2024-01-01 */
static void
import_dated_followers (Fixture            *fixture,
                        const char         *hash,
                        gint64              exported_at,
                        const char * const *followers)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  for (guint i = 0; followers[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (followers[i], ":", 2);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, parts[0], NULL,
                                   DAY_ZERO + g_ascii_strtoll (parts[1], NULL, 10) * 86400 + 3600 };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  rapport_import_sink_set_export_date (sink, exported_at, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

/* Each export's follow days are kept (the first list's from its spans, a later one's from the
 * staged list), and the summary that leaves the older lists out rebuilds the same follower
 * curve as the dataset with every list. */
static void
test_follow_days (Fixture       *fixture,
                  gconstpointer  data)
{
  const char * const first[] = { "ann:0", "bob:1", "cy:1", NULL };
  const char * const second[] = { "ann:0", "bob:1", "dee:5", NULL };
  const char * const third[] = { "ann:0", "dee:5", "eve:9", "fay:9", NULL };
  g_autoptr(RapportDataset) full = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(RapportFollowerSeries) full_series = NULL;
  g_autoptr(RapportFollowerSeries) summary_series = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetSnapshot *snapshot;

  import_dated_followers (fixture, "d1", DAY_ZERO + 3 * 86400, first);
  import_dated_followers (fixture, "d2", DAY_ZERO + 7 * 86400, second);
  import_dated_followers (fixture, "d3", DAY_ZERO + 12 * 86400, third);
  g_assert_cmpint (query_int (fixture, "SELECT n FROM follow_dates"
                                       " WHERE snapshot_id = 1 AND day = 1704153600"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_dates WHERE snapshot_id = 2"),
                   ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT n FROM follow_dates"
                                       " WHERE snapshot_id = 3 AND day = 1704844800"), ==, 2);

  full = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  summary = rapport_store_load_dataset_summary (fixture->store, 1, &error);
  g_assert_no_error (error);
  snapshot = g_ptr_array_index (summary->snapshots, 0);
  g_assert_null (snapshot->followers);
  g_assert_cmpuint (snapshot->follow_days->len, ==, 2);
  g_assert_cmpint (g_array_index (snapshot->follow_days, RapportFollowDay, 1).n, ==, 2);
  /* The newest list too: the summary reads none. */
  snapshot = g_ptr_array_index (summary->snapshots, 2);
  g_assert_null (snapshot->followers);
  g_assert_cmpuint (snapshot->follow_days->len, ==, 3);
  g_assert_cmpuint (snapshot->list_counts[RAPPORT_DIRECTION_FOLLOWER].n_dated, ==, 4);

  full_series = rapport_follower_series_compute (full);
  summary_series = rapport_follower_series_compute (summary);
  g_assert_cmpuint (summary_series->points->len, ==, full_series->points->len);
  g_assert_cmpuint (full_series->points->len, ==, 13);
  for (guint i = 0; i < full_series->points->len; i++)
    {
      const RapportSeriesPoint *a = &g_array_index (full_series->points, RapportSeriesPoint, i);
      const RapportSeriesPoint *b = &g_array_index (summary_series->points, RapportSeriesPoint, i);

      g_assert_cmpint (a->day, ==, b->day);
      g_assert_cmpfloat (a->followers, ==, b->followers);
      g_assert_cmpint (a->kind, ==, b->kind);
    }
}

/* A list longer than a run of the store (2^17 rows) is written in several sorted runs: every
 * account once, the count exact, and of an account listed again in a later run the first row
 * stays. */
static void
test_relation_runs (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;
  const guint n = 300000;

  import = rapport_store_begin_import (fixture->store, "runs.zip", "hash-runs", "hash-runs",
                                       NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  for (guint i = 0; i < n; i++)
    {
      guint k = i * 7 % n;
      g_autofree char *handle = g_strdup_printf ("fan%06u", k);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL, 1600000000 + k };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  /* Listed again, with a later date, in the second run. */
  for (guint k = 0; k < 10; k++)
    {
      g_autofree char *handle = g_strdup_printf ("fan%06u", k);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL, 1700000000 };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.snapshot.n_followers, ==, n);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"), ==, n);
  g_assert_cmpint (query_int (fixture, "SELECT since FROM follow_span WHERE who = 'fan000003'"), ==,
                   1600000003);
  g_assert_cmpint (query_int (fixture, "SELECT n_followers FROM snapshot"), ==, n);
}

/* One analytics file's daily gains, as an import of its own. */
static void
import_gains (Fixture                   *fixture,
              const char                *hash,
              const RapportFollowerGain *gains,
              guint                      n_gains,
              RapportImportSummary      *summary)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "Jo.Creates", NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, "Follows.csv", hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (guint i = 0; i < n_gains; i++)
    g_assert_true (rapport_import_sink_add_follower_gain (sink, &gains[i], &error));
  g_assert_true (rapport_store_import_commit (import, summary, &error));
  g_assert_no_error (error);
}

/* Daily gains: one row per day whatever the number of exports that count it; a later export
 * replaces what it knows of a day and keeps what it does not; a gain out of range is skipped;
 * the summary counts the days an export brought. */
static void
test_follower_gains (Fixture       *fixture,
                     gconstpointer  data)
{
  const gint64 day = 1700870400; /* 2023-11-25 00:00 UTC */
  const RapportFollowerGain first[] = {
    { day, 4, RAPPORT_COUNT_UNKNOWN },
    { day + 86400, 2, 1 },
    { day + 2 * 86400, -3, RAPPORT_COUNT_UNKNOWN }, /* skipped: negative */
  };
  const RapportFollowerGain second[] = {
    { day + 86400, 3, RAPPORT_COUNT_UNKNOWN }, /* overlaps: new gains, the losses stay */
    { day + 3 * 86400, 0, 5 },
  };
  g_auto(RapportImportSummary) summary_first = { 0 };
  g_auto(RapportImportSummary) summary_second = { 0 };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportFollowerGain *gain;

  import_small_export (fixture, "hash-1", FALSE);
  import_gains (fixture, "hash-gains-1", first, G_N_ELEMENTS (first), &summary_first);
  g_assert_cmpuint (summary_first.snapshot.n_follower_days, ==, 2);
  g_assert_cmpuint (summary_first.snapshot.n_skipped, ==, 1);
  g_assert_nonnull (strstr (summary_first.first_skip, "new followers -3 is negative"));
  import_gains (fixture, "hash-gains-2", second, G_N_ELEMENTS (second), &summary_second);
  g_assert_cmpuint (summary_second.snapshot.n_follower_days, ==, 2);
  g_assert_cmpint (summary_second.account_id, ==, summary_first.account_id);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follower_gain"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT n_follower_days FROM snapshot WHERE id = 2"), ==, 2);
  dataset = rapport_store_load_dataset (fixture->store, summary_first.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->gains->len, ==, 3);
  gain = &g_array_index (dataset->gains, RapportFollowerGain, 0);
  g_assert_cmpint (gain->day, ==, day);
  g_assert_cmpint (gain->gained, ==, 4);
  g_assert_cmpint (gain->lost, ==, RAPPORT_COUNT_UNKNOWN);
  gain = &g_array_index (dataset->gains, RapportFollowerGain, 1);
  g_assert_cmpint (gain->gained, ==, 3);
  g_assert_cmpint (gain->lost, ==, 1);
  gain = &g_array_index (dataset->gains, RapportFollowerGain, 2);
  g_assert_cmpint (gain->day, ==, day + 3 * 86400);
  g_assert_cmpint (gain->gained, ==, 0);
  g_assert_cmpint (gain->lost, ==, 5);

  /* The account's deletion takes its gains along. */
  g_assert_true (rapport_store_delete_account (fixture->store, summary_first.account_id, &error));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follower_gain"), ==, 0);
}

/* One post through its own import: @minute_only as Meta Business Suite's CSV gives it. */
static void
import_one_post (Fixture    *fixture,
                 const char *hash,
                 const char *platform_id,
                 gint64      created_at,
                 gboolean    minute_only,
                 gint64      likes,
                 gint64      reach)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "Jo.Creates", NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportPost post;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_post_init (&post);
  post.platform_id = platform_id;
  post.type = RAPPORT_POST_PHOTO;
  post.created_at = created_at;
  post.minute_only = minute_only;
  post.likes = likes;
  post.reach = reach;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
}

/* An analytics file first, the export after: the export's post takes over the one the file
 * gave for that minute, with its counts and history, instead of doubling it.  Two posts of
 * the file in one minute are left alone: which one is the export's cannot be told. */
static void
test_minute_post_adopted (Fixture       *fixture,
                          gconstpointer  data)
{
  const gint64 minute = 1716718980; /* 2024-05-26 10:23:00 UTC */

  import_one_post (fixture, "csv", "18000000000000001", minute, TRUE, 50, 900);
  g_assert_cmpint (query_int (fixture, "SELECT time_unit FROM post"), ==, 60);

  import_one_post (fixture, "export", "1716719017", minute + 37, FALSE, 48, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT platform_post_id FROM post"), ==, 1716719017);
  g_assert_cmpint (query_int (fixture, "SELECT created_at FROM post"), ==, minute + 37);
  g_assert_cmpint (query_int (fixture, "SELECT time_unit FROM post"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post"), ==, 48);
  g_assert_cmpint (query_int (fixture, "SELECT reach FROM post"), ==, 900);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_counts"), ==, 2);

  /* A later CSV of the same post joins it as before. */
  import_one_post (fixture, "csv-2", "18000000000000001", minute, TRUE, 55, 950);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT reach FROM post"), ==, 950);

  /* Two analytics posts in one later minute: the export's post stays a post of its own. */
  import_one_post (fixture, "csv-3", "18000000000000002", minute + 600, TRUE, 1, 10);
  import_one_post (fixture, "csv-4", "18000000000000003", minute + 600, TRUE, 2, 20);
  import_one_post (fixture, "export-2", "1716719590", minute + 610, FALSE, 3, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"), ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post WHERE time_unit = 60"), ==, 2);
}

/* One import of @handle's lists: @followers and @following are NULL-terminated "who:Handle"
 * pairs, or NULL for an export without that list. */
static gint64
import_lists (Fixture            *fixture,
              const char         *hash,
              const char * const *followers,
              const char * const *following)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
  const char * const *lists[] = { followers, following };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (int direction = 0; direction < 2; direction++)
    {
      if (lists[direction] == NULL)
        continue;
      g_assert_true (rapport_import_sink_begin_list (sink, direction, &error));
      for (guint i = 0; lists[direction][i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lists[direction][i], ":", 2);
          RapportRelation relation = { direction, parts[1], NULL, 1700000000 + i };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
    }
  if (followers == NULL && following == NULL)
    {
      RapportFollowerCount count = { 1700000000, 5, RAPPORT_COUNT_SOURCE_ANALYTICS };

      g_assert_true (rapport_import_sink_add_follower_count (sink, &count, &error));
    }
  rapport_import_sink_set_export_date (sink, 1701000000, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  return summary.snapshot.id;
}

/* "a:Anna,b:Ben" for the list of @snapshot in @dataset, or NULL without one. */
static char *
describe_list (const RapportDataset *dataset,
               gint64                snapshot_id,
               RapportDirection      direction)
{
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      const RapportPeople *people = direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->followers
                                                                            : snapshot->following;
      GString *text;

      if (snapshot->id != snapshot_id)
        continue;
      if (people == NULL)
        return NULL;
      text = g_string_new (NULL);
      for (gsize j = 0; j < people->len; j++)
        g_string_append_printf (text, "%s%s:%s", j > 0 ? "," : "", people->items[j].who,
                                people->items[j].handle);
      return g_string_free (text, FALSE);
    }
  g_assert_not_reached ();
}

static void
assert_list (const RapportDataset *dataset,
             gint64                snapshot_id,
             RapportDirection      direction,
             const char           *expected)
{
  g_autofree char *list = describe_list (dataset, snapshot_id, direction);

  g_assert_cmpstr (list, ==, expected);
}

/* Lists as spans: only the accounts that come, leave, return or change add a row, an export
 * without a list leaves the spans as they are, an empty list ends them all, and every
 * export's list reads back as it was, mutuals included. */
static void
test_follow_spans (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const first[] = { "a:A", "b:B", "c:C", NULL };
  const char * const second[] = { "a:A", "b:B", "d:D", NULL };
  const char * const fourth[] = { "a:A", "c:C", "d:d", NULL };
  const char * const followed[] = { "a:A", NULL };
  const char * const followed_later[] = { "a:A", "e:E", NULL };
  const char * const nobody[] = { NULL };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 s1, s2, s3, s4, s5;
  guint64 mutuals = 0;

  s1 = import_lists (fixture, "s1", first, followed);
  s2 = import_lists (fixture, "s2", second, NULL);
  s3 = import_lists (fixture, "s3", NULL, NULL);
  s4 = import_lists (fixture, "s4", fourth, followed_later);

  /* a, b and c; d from the second export; c again and d with its name in lower case from the fourth; a and e. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span WHERE direction = 0"),
                   ==, 6);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span WHERE direction = 1"),
                   ==, 2);
  dataset = rapport_store_load_dataset_every_list (fixture->store, 1, &error);
  g_assert_no_error (error);
  assert_list (dataset, s1, RAPPORT_DIRECTION_FOLLOWER, "a:A,b:B,c:C");
  assert_list (dataset, s2, RAPPORT_DIRECTION_FOLLOWER, "a:A,b:B,d:D");
  assert_list (dataset, s3, RAPPORT_DIRECTION_FOLLOWER, NULL);
  assert_list (dataset, s4, RAPPORT_DIRECTION_FOLLOWER, "a:A,c:C,d:d");
  assert_list (dataset, s1, RAPPORT_DIRECTION_FOLLOWING, "a:A");
  assert_list (dataset, s2, RAPPORT_DIRECTION_FOLLOWING, NULL);
  assert_list (dataset, s4, RAPPORT_DIRECTION_FOLLOWING, "a:A,e:E");
  g_assert_true (rapport_store_count_mutuals (fixture->store, s4, s4, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 1);
  g_assert_true (rapport_store_count_mutuals (fixture->store, s2, s1, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 1);
  g_clear_pointer (&dataset, rapport_dataset_free);

  /* Nobody follows any more: every open span ends, the older lists stay. */
  s5 = import_lists (fixture, "s5", nobody, NULL);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"
                                       " WHERE direction = 0 AND last_snapshot IS NULL"), ==, 0);
  dataset = rapport_store_load_dataset_every_list (fixture->store, 1, &error);
  g_assert_no_error (error);
  assert_list (dataset, s5, RAPPORT_DIRECTION_FOLLOWER, "");
  assert_list (dataset, s4, RAPPORT_DIRECTION_FOLLOWER, "a:A,c:C,d:d");
  assert_list (dataset, s1, RAPPORT_DIRECTION_FOLLOWER, "a:A,b:B,c:C");
  assert_list (dataset, s5, RAPPORT_DIRECTION_FOLLOWING, NULL);
  assert_list (dataset, s4, RAPPORT_DIRECTION_FOLLOWING, "a:A,e:E");
}

static void
count_churn_step (const RapportFollowerDiff *diff,
                  RapportChurnCounts        *counts,
                  gpointer                   user_data)
{
  rapport_churn_count_diff (diff, counts);
}

/* One import of jo's lists as the import job makes it (the steps counted), dated @day:
 * @followers and @following are NULL-terminated "handle:since" pairs, or NULL. */
static gint64
import_churn_export (Fixture            *fixture,
                     const char         *hash,
                     gint64              day,
                     const char * const *followers,
                     const char * const *following)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
  const char * const *lists[] = { followers, following };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  rapport_store_import_set_churn_func (import, count_churn_step, NULL);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (int direction = 0; direction < 2; direction++)
    {
      if (lists[direction] == NULL)
        continue;
      g_assert_true (rapport_import_sink_begin_list (sink, direction, &error));
      for (guint i = 0; lists[direction][i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lists[direction][i], ":", 2);
          RapportRelation relation = { direction, parts[0], NULL,
                                       g_ascii_strtoll (parts[1], NULL, 10) };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
    }
  rapport_import_sink_set_export_date (sink, day * RAPPORT_SECONDS_PER_DAY,
                                       RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  return summary.snapshot.id;
}

/* "who,who" of @indices into @people. */
static char *
describe_indices (const RapportPeople *people,
                  const GArray        *indices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                            people->items[g_array_index (indices, guint32, i)].who);
  return g_string_free (text, FALSE);
}

static void
assert_step (const RapportChurn *churn,
             guint               index,
             const char         *expected)
{
  const RapportChurnStep *step = g_ptr_array_index (churn->steps, index);
  g_autofree char *counts = NULL;

  counts = g_strdup_printf ("%" G_GSIZE_FORMAT "->%" G_GSIZE_FORMAT " +%" G_GUINT64_FORMAT
                            " -%" G_GUINT64_FORMAT " renamed %" G_GUINT64_FORMAT
                            " refollowed %" G_GUINT64_FORMAT " dropped %" G_GINT64_FORMAT,
                            step->n_older, step->n_newer, step->n_gained, step->n_lost,
                            step->n_renamed, step->n_refollowed,
                            step->following_snapshot != NULL
                            ? (gint64) step->n_dropped_after_follow_back : -1);
  g_assert_cmpstr (counts, ==, expected);
}

/* Both churns step by step: the same exports, counts and (where named) the same accounts. */
static void
assert_same_churn (const RapportChurn *kept,
                   const RapportChurn *whole)
{
  g_assert_cmpuint (kept->steps->len, ==, whole->steps->len);
  for (guint i = 0; i < kept->steps->len; i++)
    {
      const RapportChurnStep *a = g_ptr_array_index (kept->steps, i);
      const RapportChurnStep *b = g_ptr_array_index (whole->steps, i);
      RapportChurnCounts counts_a, counts_b;

      rapport_churn_step_get_counts (a, &counts_a);
      rapport_churn_step_get_counts (b, &counts_b);
      g_assert_cmpmem (&counts_a, sizeof counts_a, &counts_b, sizeof counts_b);
      g_assert_cmpuint (a->n_older, ==, b->n_older);
      g_assert_cmpuint (a->n_newer, ==, b->n_newer);
      if (a->newer_people != NULL)
        {
          g_autofree char *gained_a = describe_indices (a->newer_people, a->gained);
          g_autofree char *gained_b = describe_indices (b->newer_people, b->gained);
          g_autofree char *lost_a = describe_indices (a->older_people, a->lost);
          g_autofree char *lost_b = describe_indices (b->older_people, b->lost);
          g_autofree char *dropped_a = describe_indices (a->older_people,
                                                         a->dropped_after_follow_back);
          g_autofree char *dropped_b = describe_indices (b->older_people,
                                                         b->dropped_after_follow_back);

          g_assert_cmpstr (gained_a, ==, gained_b);
          g_assert_cmpstr (lost_a, ==, lost_b);
          g_assert_cmpstr (dropped_a, ==, dropped_b);
        }
    }
}

/* Each step between follower lists is counted by the import that makes it and kept: the
 * dataset reads older steps as counts and the newest as what differs, and both agree with the
 * churn of the whole lists, also after an export imported between two others. */
static void
test_churn_steps_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  /* From the first to the second export d renames to g (the same follow time), b follows
   * again, e and f come; then b, c, f and g leave, of whom the creator still follows c. */
  const char * const first[] = { "a:1700000100", "b:1700000200", "c:1700000300",
                                 "d:1700000400", NULL };
  const char * const first_following[] = { "b:1690000000", "c:1690000000", "x:1690000000",
                                            NULL };
  const char * const second[] = { "a:1700000100", "b:1700900000", "c:1700000300",
                                  "e:1700000500", "f:1700000600", "g:1700000400", NULL };
  const char * const second_following[] = { "c:1690000000", "x:1690000000", NULL };
  const char * const third[] = { "a:1700000100", "e:1700000500", NULL };
  const char * const earliest[] = { "a:1700000100", "z:1699999999", NULL };
  g_autoptr(RapportDataset) kept = NULL;
  g_autoptr(RapportDataset) whole = NULL;
  g_autoptr(RapportChurn) kept_churn = NULL;
  g_autoptr(RapportChurn) whole_churn = NULL;
  g_autoptr(GError) error = NULL;
  const RapportChurnStep *newest;
  g_autofree char *lost = NULL;
  gint64 e2, e3;

  import_churn_export (fixture, "e1", 19700, first, first_following);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM churn_step"), ==, 0);
  e2 = import_churn_export (fixture, "e2", 19730, second, second_following);
  e3 = import_churn_export (fixture, "e3", 19760, third, NULL);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM churn_step"), ==, 2);

  kept = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  kept_churn = rapport_churn_compute (kept);
  g_assert_cmpuint (kept_churn->steps->len, ==, 2);
  /* Only the newest follower list is read whole; the older step comes from its counts. */
  g_assert_null (((RapportDatasetSnapshot *) g_ptr_array_index (kept->snapshots, 0))->followers);
  g_assert_nonnull (((RapportDatasetSnapshot *) g_ptr_array_index (kept->snapshots, 1))->churn_counts);
  g_assert_null (((const RapportChurnStep *) g_ptr_array_index (kept_churn->steps, 0))->newer_people);
  assert_step (kept_churn, 0, "4->6 +3 -1 renamed 1 refollowed 1 dropped 0");
  assert_step (kept_churn, 1, "6->2 +0 -4 renamed 0 refollowed 0 dropped 1");
  newest = rapport_churn_latest (kept_churn);
  g_assert_cmpint (newest->older->id, ==, e2);
  g_assert_cmpint (newest->newer->id, ==, e3);
  g_assert_true (newest->following_snapshot->id == e2);

  whole = rapport_store_load_dataset_every_list (fixture->store, 1, &error);
  g_assert_no_error (error);
  whole_churn = rapport_churn_compute (whole);
  assert_same_churn (kept_churn, whole_churn);
  g_clear_pointer (&kept_churn, rapport_churn_free);
  g_clear_pointer (&whole_churn, rapport_churn_free);
  g_clear_pointer (&kept, rapport_dataset_free);
  g_clear_pointer (&whole, rapport_dataset_free);

  /* An older export imported last makes a step before the first, counted from the spans. */
  import_churn_export (fixture, "e0", 19690, earliest, NULL);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM churn_step"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM churn_step WHERE n_dropped IS NULL"),
                   ==, 0);
  kept = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  kept_churn = rapport_churn_compute (kept);
  g_assert_cmpuint (kept_churn->steps->len, ==, 3);
  assert_step (kept_churn, 0, "2->4 +3 -1 renamed 0 refollowed 0 dropped 0");
  whole = rapport_store_load_dataset_every_list (fixture->store, 1, &error);
  g_assert_no_error (error);
  whole_churn = rapport_churn_compute (whole);
  assert_same_churn (kept_churn, whole_churn);

  newest = rapport_churn_latest (kept_churn);
  lost = describe_indices (newest->older_people, newest->lost);
  g_assert_cmpstr (lost, ==, "b,c,f,g");
}

/* Mutuals with an older follower list are looked up among spans that ended with several later
 * exports, one probe of the ended spans' key per export. */
static void
test_mutuals_among_ended_spans (Fixture       *fixture,
                                gconstpointer  data)
{
  const char * const first[] = { "a:A", "b:B", "c:C", "d:D", NULL };
  const char * const second[] = { "a:A", "b:B", NULL };
  const char * const third[] = { "a:A", NULL };
  const char * const nobody[] = { NULL };
  const char * const followed[] = { "b:B", "c:C", "x:X", NULL };
  g_autoptr(GError) error = NULL;
  gint64 s1, s2, s3, s4;
  guint64 mutuals = G_MAXUINT64;

  s1 = import_lists (fixture, "s1", first, followed);
  s2 = import_lists (fixture, "s2", second, NULL);
  s3 = import_lists (fixture, "s3", third, NULL);
  s4 = import_lists (fixture, "s4", nobody, NULL);

  /* c and d ended with the first export, b with the second, a with the third. */
  g_assert_cmpint (query_int (fixture, "SELECT count (DISTINCT last_snapshot) FROM follow_span"
                                       " WHERE direction = 0"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"
                                       " WHERE direction = 1 AND last_snapshot IS NULL"), ==, 3);

  /* The following list (three) is the shorter: each of it is looked up in the followers. */
  g_assert_true (rapport_store_count_mutuals (fixture->store, s1, s1, &mutuals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mutuals, ==, 2);
  /* The followers (two) are: each is looked up in the open following spans. */
  g_assert_true (rapport_store_count_mutuals (fixture->store, s2, s1, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 1);
  g_assert_true (rapport_store_count_mutuals (fixture->store, s3, s1, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 0);
  g_assert_true (rapport_store_count_mutuals (fixture->store, s4, s1, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 0);
}

/* Following lists for test_still_followed_since(): one short enough to be read beside who
 * left, one long enough for each of them to be looked up in it. */
static const char * const short_following[] = { "b:1600000000", "c:1650000000", NULL };
static const char * const long_following[] = {
  "a0:1650000000", "a1:1650000000", "a2:1650000000", "a3:1650000000", "b:1600000000",
  "c:1650000000", "c1:1650000000", "c2:1650000000", "c3:1650000000", NULL
};

/* Those who left and are still followed carry the day the creator followed them, the date the
 * Audience page shows as "You Follow Since". */
static void
test_still_followed_since (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const before[] = { "a:1700000000", "b:1700000100", NULL };
  const char * const after[] = { "a:1700000000", NULL };
  const char * const *following = data;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportFollowerDiff *diff;
  const RapportPerson *b;

  import_churn_export (fixture, "e1", 19700, before, following);
  import_churn_export (fixture, "e2", 19730, after, following);
  dataset = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  diff = ((RapportDatasetSnapshot *) g_ptr_array_index (dataset->snapshots, 1))->follower_diff;
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->still_followed->len, ==, 1);
  b = rapport_people_find (diff->still_followed, "b");
  g_assert_nonnull (b);
  g_assert_cmpint (b->since, ==, 1600000000);
}

/* The same steps without kept counts (exports imported by something that counts nothing,
 * or an older database): every step is read as what differs, with the same result. */
static void
test_churn_steps_read (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const first[] = { "a:A", "b:B", "c:C", NULL };
  /* Follow times go by position: c and d must not look like one account renamed. */
  const char * const second[] = { "a:A", "d:D", "b:B", NULL };
  const char * const third[] = { "b:B", "d:D", "e:E", NULL };
  const char * const followed[] = { "c:C", NULL };
  g_autoptr(RapportDataset) kept = NULL;
  g_autoptr(RapportDataset) whole = NULL;
  g_autoptr(RapportChurn) kept_churn = NULL;
  g_autoptr(RapportChurn) whole_churn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lost = NULL;
  const RapportChurnStep *step;

  import_lists (fixture, "s1", first, followed);
  import_lists (fixture, "s2", second, NULL);
  import_lists (fixture, "s3", third, followed);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM churn_step"), ==, 0);

  kept = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((RapportDatasetSnapshot *) g_ptr_array_index (kept->snapshots, 1))->follower_diff);
  kept_churn = rapport_churn_compute (kept);
  whole = rapport_store_load_dataset_every_list (fixture->store, 1, &error);
  g_assert_no_error (error);
  whole_churn = rapport_churn_compute (whole);
  g_assert_cmpuint (kept_churn->steps->len, ==, 2);
  assert_step (kept_churn, 0, "3->3 +1 -1 renamed 0 refollowed 0 dropped 1");
  assert_step (kept_churn, 1, "3->3 +1 -1 renamed 0 refollowed 0 dropped 0");
  assert_same_churn (kept_churn, whole_churn);

  /* The newest step names its accounts from what differs between the two lists alone: a
   * left, b's follow time changed, e came. */
  step = rapport_churn_latest (kept_churn);
  g_assert_cmpuint (step->older_people->len, ==, 2);
  g_assert_cmpuint (step->newer_people->len, ==, 2);
  lost = describe_indices (step->older_people, step->lost);
  g_assert_cmpstr (lost, ==, "a");
}

/* Two lists longer than a run of the store (2^17 rows) in two imports: the list written in
 * runs while the other is still being read keeps every row when the other is staged. */
static void
test_follow_spans_in_runs (Fixture       *fixture,
                           gconstpointer  data)
{
  const guint n = (1u << 17) + 10;
  g_autoptr(GError) error = NULL;

  for (guint export = 0; export < 2; export++)
    {
      g_auto(RapportImportSummary) summary = { 0 };
      g_autofree char *hash = g_strdup_printf ("runs-%u", export);
      RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL };
      RapportStoreImport *import;
      RapportImportSink *sink;

      import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
      sink = rapport_store_import_get_sink (import);
      g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
      g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, &error));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *handle = g_strdup_printf ("star%06u", i);
          RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, handle, NULL, 0 };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
      g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *handle = g_strdup_printf ("fan%u", i);
          RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL, 0 };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
      g_assert_true (rapport_store_import_commit (import, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.snapshot.n_following, ==, n);
    }

  /* The same lists twice: every span still open, none ended. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"), ==, n + 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"
                                       " WHERE last_snapshot IS NOT NULL"), ==, 0);
}

/* A database of schema 3 with three exports of one account becomes the same lists as spans. */
static void
test_spans_from_relations (void)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "store",
                                                         "schema-3.sql", NULL);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  /* Exports 2 and 3 after the fixture's first: ben leaves and comes back, carla's handle
   * changes case, emil comes; the following list is in the first and third only. */
  const char *more =
    "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at, date_source,"
    "  imported_at, importer_version, has_followers, has_following, n_followers, n_following)"
    " VALUES (2, 1, 'two.zip', 'two', 1702000000, 'manifest', 0, 1, 1, 0, 2, 0),"
    "        (3, 1, 'three.zip', 'three', 1703000000, 'manifest', 0, 1, 1, 1, 4, 1);"
    "INSERT INTO relation VALUES (2, 0, 'anna', 'anna', NULL, 1700000000),"
    "  (2, 0, 'carla', 'carla', NULL, 1699000000),"
    "  (3, 0, 'anna', 'anna', NULL, 1700000000), (3, 0, 'ben', 'Ben', NULL, NULL),"
    "  (3, 0, 'carla', 'Carla', NULL, 1699000000), (3, 0, 'emil', 'emil', NULL, 1702500000),"
    "  (3, 1, 'dora', 'Dora', NULL, 1698000000);";

  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, more, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  dataset = rapport_store_load_dataset_every_list (store, 1, &error);
  g_assert_no_error (error);
  assert_list (dataset, 1, RAPPORT_DIRECTION_FOLLOWER, "anna:anna,ben:Ben,carla:carla");
  assert_list (dataset, 2, RAPPORT_DIRECTION_FOLLOWER, "anna:anna,carla:carla");
  assert_list (dataset, 3, RAPPORT_DIRECTION_FOLLOWER, "anna:anna,ben:Ben,carla:Carla,emil:emil");
  assert_list (dataset, 1, RAPPORT_DIRECTION_FOLLOWING, "anna:anna,dora:Dora");
  assert_list (dataset, 2, RAPPORT_DIRECTION_FOLLOWING, NULL);
  assert_list (dataset, 3, RAPPORT_DIRECTION_FOLLOWING, "dora:Dora");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Imports @n posts "p<first>"… of X account Jo, each with the hashtag "t<i % 3>" and its likes
 * @likes_base + i; the post @repeated (if any) comes twice, the second time with impressions. */
static void
import_numbered_posts (Fixture    *fixture,
                       const char *hash,
                       guint       first,
                       guint       n,
                       gint64      likes_base,
                       int         repeated)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, "Jo" };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *tag = g_strdup_printf ("t%u", i % 3);
      const char * const tags[] = { tag, NULL };
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = id;
      post.created_at = 1700000000 + i;
      post.text = id;
      post.likes = likes_base + i;
      post.hashtags = tags;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
      if ((int) i == repeated)
        {
          post.impressions = 5000;
          g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
        }
    }
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, n);
}

/* Posts are written in batches: those stored already, and one twice in a batch, are merged
 * into the stored post as when they were written one by one. */
static void
test_posts_in_batches (Fixture       *fixture,
                       gconstpointer  data)
{
  import_numbered_posts (fixture, "hash-1", 0, 100, 0, -1);
  import_numbered_posts (fixture, "hash-2", 50, 150, 1000, 60);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"), ==, 200);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT id) FROM post"), ==, 200);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post WHERE platform_post_id = 'p10'"),
                   ==, 10);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post WHERE platform_post_id = 'p70'"),
                   ==, 1070);
  g_assert_cmpint (query_int (fixture, "SELECT likes FROM post WHERE platform_post_id = 'p199'"),
                   ==, 1199);
  g_assert_cmpint (query_int (fixture, "SELECT impressions FROM post"
                                       " WHERE platform_post_id = 'p60'"), ==, 5000);
  g_assert_cmpint (query_int (fixture, "SELECT impressions FROM post"
                                       " WHERE platform_post_id = 'p61'"), ==, -2);
  /* Each export's counts of its own posts, the repeated post's merged. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_counts"), ==, 250);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_counts c"
                                       " JOIN post p ON p.id = c.post_id"
                                       " WHERE p.platform_post_id = 'p60'"
                                       "   AND c.impressions = 5000 AND c.likes = 1060"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_tag"), ==, 200);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post_tag t"
                                       " JOIN post p ON p.id = t.post_id"
                                       " WHERE t.value = 't1' AND p.platform_post_id = 'p199'"),
                   ==, 1);
}

/* Imports posts "<id>:<type>[:archived]", in order, into one snapshot of X account Jo and
 * checks the snapshot's counts by kind, in the summary and as stored. */
static void
import_kinds (Fixture            *fixture,
              const char         *hash,
              const char * const *posts,
              guint64             n_posts,
              guint64             n_reels,
              guint64             n_stories,
              guint64             n_reposts,
              guint64             n_archived)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, "Jo" };
  RapportStoreImport *import;
  RapportImportSink *sink;
  g_autofree char *sql = NULL;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (guint i = 0; posts[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (posts[i], ":", -1);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = fields[0];
      post.created_at = 1700000000 + i;
      post.type = rapport_post_type_from_string (fields[1]);
      post.archived = fields[2] != NULL;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, n_posts);
  g_assert_cmpuint (summary.snapshot.n_reels, ==, n_reels);
  g_assert_cmpuint (summary.snapshot.n_stories, ==, n_stories);
  g_assert_cmpuint (summary.snapshot.n_reposts, ==, n_reposts);
  g_assert_cmpuint (summary.snapshot.n_archived, ==, n_archived);
  sql = g_strdup_printf ("SELECT n_posts * 10000 + n_reels * 1000 + n_stories * 100"
                         " + n_reposts * 10 + n_archived FROM snapshot WHERE id = %"
                         G_GINT64_FORMAT, summary.snapshot.id);
  g_assert_cmpint (query_int (fixture, sql), ==,
                   n_posts * 10000 + n_reels * 1000 + n_stories * 100 + n_reposts * 10 +
                   n_archived);
}

/* The addresses a platform makes from a post's id, and what is not one. */
static void
test_post_url_made (void)
{
  g_autofree char *with_handle = rapport_platform_post_url (RAPPORT_PLATFORM_TWITTER, "jo", "7");
  g_autofree char *without = rapport_platform_post_url (RAPPORT_PLATFORM_TWITTER, NULL, "7");

  g_assert_cmpstr (with_handle, ==, "https://x.com/jo/status/7");
  g_assert_cmpstr (without, ==, "https://x.com/i/status/7");
  g_assert_null (rapport_platform_post_url (RAPPORT_PLATFORM_INSTAGRAM, "jo", "7"));

  g_assert_true (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7",
                                                    with_handle));
  g_assert_true (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, NULL, "7",
                                                    without));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7",
                                                     without));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "70",
                                                     with_handle));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7",
                                                     "https://x.com/jo/status/70"));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7",
                                                     "https://x.com/jo/status/"));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7",
                                                     "https://x.com/joe/status/7"));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_TWITTER, "jo", "7", NULL));
  g_assert_false (rapport_platform_post_url_is_made (RAPPORT_PLATFORM_INSTAGRAM, "jo", "7",
                                                     with_handle));
}

/* An address X makes from the post's id is not stored but made again when the posts are read;
 * any other address is kept as it came. */
static void
test_post_urls_made_again (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, "Jo" };
  const char *urls[] = { "https://x.com/jo/status/1", "https://twitter.com/jo/status/2", NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, "hash-1", "hash-1", "hash-1", NULL,
                                       &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = id;
      post.created_at = 1700000000 + i;
      post.url = urls[i];
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post WHERE url IS NULL"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM post"
                                       " WHERE url = 'https://twitter.com/jo/status/2'"), ==, 1);

  dataset = rapport_store_load_dataset (fixture->store, summary.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  g_assert_cmpstr (((RapportDatasetPost *) g_ptr_array_index (dataset->posts, 0))->url, ==,
                   "https://x.com/jo/status/1");
  g_assert_cmpstr (((RapportDatasetPost *) g_ptr_array_index (dataset->posts, 1))->url, ==,
                   "https://twitter.com/jo/status/2");
  /* A post that came without an address gets the one its id gives. */
  g_assert_cmpstr (((RapportDatasetPost *) g_ptr_array_index (dataset->posts, 2))->url, ==,
                   "https://x.com/jo/status/3");
}

/* @sql's one number on the store's own connection (a pragma is the connection's). */
static gint64
connection_int (Fixture    *fixture,
                const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_db (fixture->store), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* An import works with a smaller page cache, and the connection has its own back after a
 * commit or an abort. */
static void
test_import_cache (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, "Jo" };
  RapportStoreImport *import;

  g_assert_cmpint (connection_int (fixture, "PRAGMA cache_size"), ==, -16384);
  import = rapport_store_begin_import (fixture->store, "h1", "h1", "h1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (connection_int (fixture, "PRAGMA cache_size"), ==, -1024);
  g_assert_cmpint (connection_int (fixture, "PRAGMA foreign_keys"), ==, 0);
  rapport_store_import_abort (import);
  g_assert_cmpint (connection_int (fixture, "PRAGMA cache_size"), ==, -16384);
  g_assert_cmpint (connection_int (fixture, "PRAGMA foreign_keys"), ==, 1);

  import = rapport_store_begin_import (fixture->store, "h2", "h2", "h2", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_sink_set_account (rapport_store_import_get_sink (import),
                                                  &account, &error));
  {
    RapportPost post;

    rapport_post_init (&post);
    post.platform_id = "1";
    post.created_at = 1700000000;
    g_assert_true (rapport_import_sink_add_post (rapport_store_import_get_sink (import), &post,
                                                 &error));
  }
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (connection_int (fixture, "PRAGMA cache_size"), ==, -16384);
  g_assert_cmpint (connection_int (fixture, "PRAGMA foreign_keys"), ==, 1);
}

/* A snapshot counts its posts by kind once each: those all new as they were inserted, and
 * when a post repeats or was stored before, by the kind the store kept. */
static void
test_post_kinds_counted (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const all_new[] = {
    "a:photo", "b:reel", "c:story:archived", "d:repost", "e:text", "f:video:archived", NULL
  };
  /* "b" was a reel; "g" comes twice, the second time as a video and archived. */
  const char * const some_known[] = { "b:text", "g:text", "h:reel", "g:video:archived", NULL };

  import_kinds (fixture, "hash-1", all_new, 3, 1, 1, 1, 2);
  import_kinds (fixture, "hash-2", some_known, 1, 2, 0, 0, 1);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;

  import_small_export (fixture, "hash-1", FALSE);
  import = rapport_store_begin_import (fixture->store, "copy of export.zip", "hash-1", "hash-1", &summary, &error);
  g_assert_null (import);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "copy of export.zip"));
  g_assert_true (summary.already_imported);
  g_assert_cmpstr (summary.handle, ==, "Jo.Creates");
  g_assert_cmpuint (summary.snapshot.n_followers, ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM snapshot"), ==, 1);
}

static void
test_abort_changes_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "someone", NULL, NULL };
  RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, "carla", NULL, 0 };

  import_small_export (fixture, "hash-1", FALSE);

  import = rapport_store_begin_import (fixture->store, "second.zip", "hash-2", "hash-2", NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
  rapport_store_import_abort (import);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM account"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM snapshot"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM follow_span"), ==, 3);

  /* An import that never named an account is refused as empty, and leaves nothing. */
  import = rapport_store_begin_import (fixture->store, "empty.zip", "hash-3", "hash-3", NULL, &error);
  g_assert_false (rapport_store_import_commit (import, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.zip"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM snapshot"), ==, 1);
  g_clear_error (&error);

  /* Imports write without checking references; afterwards the cascades work again. */
  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_true (rapport_store_delete_account (fixture->store,
                                               ((RapportAccount *) g_ptr_array_index (accounts, 0))->id,
                                               &error));
  g_assert_cmpint (query_int (fixture, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM follow_span)"
                                       " + (SELECT count(*) FROM post) + (SELECT count(*) FROM post_tag)"), ==, 0);
}

static void
test_delete_account (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  import_small_export (fixture, "hash-1", FALSE);
  accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_true (rapport_store_delete_account (fixture->store,
                                               ((RapportAccount *) g_ptr_array_index (accounts, 0))->id,
                                               &error));
  g_assert_no_error (error);
  /* Everything of the account goes with it. */
  g_assert_cmpint (query_int (fixture, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM follow_span)"
                                       " + (SELECT count(*) FROM post) + (SELECT count(*) FROM post_tag)"
                                       " + (SELECT count(*) FROM follower_count)"), ==, 0);
}

static void
test_load_dataset (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetSnapshot *snapshot;
  const RapportDatasetPost *post;
  const RapportPerson *anna;

  import_small_export (fixture, "hash-1", TRUE);
  accounts = rapport_store_list_accounts (fixture->store, &error);
  dataset = rapport_store_load_dataset (fixture->store,
                                        ((RapportAccount *) g_ptr_array_index (accounts, 0))->id,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dataset->handle, ==, "Jo.Creates");
  g_assert_cmpuint (dataset->snapshots->len, ==, 1);

  snapshot = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (snapshot->exported_at, ==, 1701000000);
  g_assert_cmpuint (snapshot->followers->len, ==, 2);
  g_assert_cmpstr (snapshot->followers->items[0].who, ==, "anna");
  g_assert_cmpstr (snapshot->followers->items[1].who, ==, "ben");
  g_assert_cmpstr (snapshot->followers->items[1].handle, ==, "Ben");
  g_assert_cmpuint (snapshot->following->len, ==, 1);
  anna = rapport_people_find (snapshot->following, "anna");
  g_assert_nonnull (anna);
  g_assert_cmpint (anna->since, ==, 1700003600);
  g_assert_null (rapport_people_find (snapshot->following, "ben"));

  g_assert_cmpuint (dataset->counts->len, ==, 1);
  g_assert_cmpint (g_array_index (dataset->counts, RapportFollowerCount, 0).count, ==, 2);

  g_assert_cmpuint (dataset->posts->len, ==, 1);
  post = g_ptr_array_index (dataset->posts, 0);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_cmpint (post->likes, ==, 41);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpuint (g_strv_length (post->hashtags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) post->hashtags, "f4f"));
  g_assert_true (g_strv_contains ((const char * const *) post->mentions, "anna"));
}

static void
test_suggestion_state (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_set_suggestion_state (fixture->store, "1", "hashtags.drop-bait:f4f", "dismissed", &error));
  g_assert_true (rapport_store_set_suggestion_state (fixture->store, "1", "consistency.cadence", "done", &error));
  g_assert_true (rapport_store_set_suggestion_state (fixture->store, "all", "consistency.cadence", "dismissed", &error));
  g_assert_true (rapport_store_set_suggestion_state (fixture->store, "1", "consistency.cadence", NULL, &error));
  g_assert_no_error (error);

  /* A re-opened store (a restart) and a re-import keep the state. */
  g_clear_object (&fixture->store);
  fixture->store = rapport_store_open (fixture->dir, &error);
  import_small_export (fixture, "hash-after-restart", FALSE);

  states = rapport_store_get_suggestion_states (fixture->store, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (states), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (states, "hashtags.drop-bait:f4f"), ==, "dismissed");
  g_clear_pointer (&states, g_hash_table_unref);
  states = rapport_store_get_suggestion_states (fixture->store, "all", &error);
  g_assert_cmpstr (g_hash_table_lookup (states, "consistency.cadence"), ==, "dismissed");
}

static void
test_damaged_file_is_kept (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_assert_true (g_file_set_contents (path, "this is not a database, but it is the user's file", -1, NULL));
  store = rapport_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *content = NULL;
      g_autofree char *full = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "rapport.db.damaged-") && !g_str_has_suffix (name, "-wal"))
        {
          g_assert_true (g_file_get_contents (full, &content, NULL, NULL));
          g_assert_cmpstr (content, ==, "this is not a database, but it is the user's file");
          kept = TRUE;
        }
    }
  g_assert_true (kept);

  /* The next start gets a fresh database. */
  g_clear_error (&error);
  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);

  rapport_test_remove_tree (dir);
}

/* A database written by every schema so far (tests/fixtures/store/schema-N.sql, frozen when
 * that schema was current) opens, is migrated to the current one and reads back without
 * losing a row. */
static void
test_migrate_earlier_schemas (void)
{
  for (int version = 1; version <= RAPPORT_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("schema-%d.sql", version);
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *dir = rapport_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GPtrArray) accounts = NULL;
      g_autoptr(RapportDataset) dataset = NULL;
      g_autoptr(GHashTable) states = NULL;
      g_autoptr(GError) error = NULL;
      const RapportDatasetSnapshot *snapshot;
      const RapportDatasetPost *post;
      RapportAccount *account;
      sqlite3 *db;

      g_test_message ("schema %d", version);
      g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      store = rapport_store_open (dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_store_get_schema_version (store), ==, RAPPORT_STORE_SCHEMA_VERSION);

      accounts = rapport_store_list_accounts (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (accounts->len, ==, 1);
      account = g_ptr_array_index (accounts, 0);
      g_assert_cmpstr (account->handle, ==, "Jo.Creates");
      /* Schema 6 keeps whether an account refreshes from the web; earlier ones never did. */
      g_assert_cmpint (account->refresh_enabled, ==, version >= 6);
      g_assert_cmpint (account->last_refreshed_at, ==, 0);

      dataset = rapport_store_load_dataset (store, account->id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (dataset->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
      g_assert_cmpstr (dataset->display_name, ==, "Jo");
      g_assert_cmpuint (dataset->snapshots->len, ==, 1);
      snapshot = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
      g_assert_cmpint (snapshot->exported_at, ==, 1701000000);
      g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
      g_assert_cmpuint (snapshot->followers->len, ==, 3);
      g_assert_cmpstr (rapport_people_find (snapshot->followers, "ben")->handle, ==, "Ben");
      g_assert_cmpint (rapport_people_find (snapshot->followers, "carla")->since, ==, 1699000000);
      g_assert_cmpuint (snapshot->following->len, ==, 2);
      g_assert_cmpint (rapport_people_find (snapshot->following, "dora")->since, ==, 1698000000);

      /* Schema 10 counts what each list holds; an upgrade counts the lists as they are. */
      {
        g_autoptr(RapportDataset) summary = rapport_store_load_dataset_summary (store,
                                                                                account->id,
                                                                                &error);
        const RapportDatasetSnapshot *counted;

        g_assert_no_error (error);
        counted = g_ptr_array_index (summary->snapshots, 0);
        g_assert_null (counted->followers);
        g_assert_cmpuint (counted->list_counts[RAPPORT_DIRECTION_FOLLOWER].n_dated, ==, 2);
        g_assert_cmpuint (counted->list_counts[RAPPORT_DIRECTION_FOLLOWER].n_with_id, ==, 0);
        g_assert_cmpuint (counted->list_counts[RAPPORT_DIRECTION_FOLLOWING].n_dated, ==, 2);
        g_assert_cmpuint (counted->follow_days->len, ==, 2);
      }

      g_assert_cmpuint (dataset->counts->len, ==, 2);
      g_assert_cmpint (g_array_index (dataset->counts, RapportFollowerCount, 0).count, ==, 1);
      g_assert_cmpint (g_array_index (dataset->counts, RapportFollowerCount, 1).count, ==, 3);

      g_assert_cmpuint (dataset->posts->len, ==, 2);
      post = g_ptr_array_index (dataset->posts, 0);
      g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
      g_assert_cmpint (post->likes, ==, 40);
      g_assert_cmpint (post->saves, ==, 5);
      g_assert_cmpint (post->reach, ==, 700);
      g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
      g_assert_cmpstr (post->hashtags[0], ==, "sunset");
      g_assert_cmpstr (post->mentions[0], ==, "anna");
      post = g_ptr_array_index (dataset->posts, 1);
      g_assert_cmpint (post->type, ==, RAPPORT_POST_REEL);
      g_assert_cmpint (post->views, ==, 3000);
      g_assert_cmpuint (dataset->interactions->len, ==, 1);
      g_assert_cmpuint (dataset->gains->len, ==, version >= 4 ? 2 : 0);
      if (version >= 4)
        {
          g_assert_cmpint (g_array_index (dataset->gains, RapportFollowerGain, 0).lost, ==, 1);
          g_assert_cmpint (g_array_index (dataset->gains, RapportFollowerGain, 1).lost, ==,
                           RAPPORT_COUNT_UNKNOWN);
        }

      /* Schema 7 keeps accounts on purpose: dora, whom Jo follows and who does not follow
       * back. */
      g_assert_cmpuint (dataset->kept->len, ==, version >= 7 ? 1 : 0);
      g_assert_cmpint (rapport_keep_set_contains (dataset->kept,
                                                  rapport_people_find (snapshot->following,
                                                                       "dora")),
                       ==, version >= 7);

      states = rapport_store_get_suggestion_states (store, "1", &error);
      g_assert_cmpstr (g_hash_table_lookup (states, "hashtags.drop-bait:f4f"), ==, "dismissed");

      /* Schema 8 keeps thumbnails of posts' pictures; earlier ones had none. */
      {
        g_autoptr(GBytes) thumbnail = NULL;
        g_autofree char *mime_type = NULL;

        post = g_ptr_array_index (dataset->posts, 0);
        thumbnail = rapport_store_get_post_thumbnail (store, post->id, &mime_type, &error);
        g_assert_no_error (error);
        if (version >= 8)
          {
            g_assert_nonnull (thumbnail);
            g_assert_cmpuint (g_bytes_get_size (thumbnail), ==, 4);
            g_assert_cmpuint (((const guint8 *) g_bytes_get_data (thumbnail, NULL))[1], ==, 0xd8);
            g_assert_cmpstr (mime_type, ==, "image/jpeg");
          }
        else
          g_assert_null (thumbnail);
      }

      /* The same export is still known, so it is not imported twice. */
      hash = g_strdup_printf ("hash-schema-%d", version);
      g_assert_null (rapport_store_begin_import (store, "again.zip", hash, hash, NULL, &error));
      g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);

      g_clear_object (&store);
      rapport_test_remove_tree (dir);
    }
}

/* Schema 9 keeps the spans that ended apart from the open ones: a schema-8 database with a
 * second export, where one follower left and one changed her name, reads back the same lists,
 * the same step between them and the same mutuals. */
static void
test_migrate_ended_spans (void)
{
  g_autofree char *dir = rapport_test_make_schema_data_dir (8);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetSnapshot *newest;
  guint64 mutuals = 0;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at, date_source,"
    "                      imported_at, importer_version, has_followers, has_following,"
    "                      n_followers, n_following)"
    " VALUES (2, 1, 'later.zip', 'hash-later', 1703000000, 'archive-name', 1703100000, 1, 1, 0,"
    "         3, 0);"
    "UPDATE follow_span SET last_snapshot = 1 WHERE direction = 0 AND who IN ('anna', 'carla');"
    "INSERT INTO follow_span VALUES (1, 0, 'carla', 2, NULL, 'Carla', NULL, 1699000000),"
    "                               (1, 0, 'eve', 2, NULL, 'eve', NULL, 1702000000);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);

  dataset = rapport_store_load_dataset_every_list (store, 1, &error);
  g_assert_no_error (error);
  assert_list (dataset, 1, RAPPORT_DIRECTION_FOLLOWER, "anna:anna,ben:Ben,carla:carla");
  assert_list (dataset, 2, RAPPORT_DIRECTION_FOLLOWER, "ben:Ben,carla:Carla,eve:eve");
  assert_list (dataset, 1, RAPPORT_DIRECTION_FOLLOWING, "anna:anna,dora:Dora");
  assert_list (dataset, 2, RAPPORT_DIRECTION_FOLLOWING, NULL);
  g_clear_pointer (&dataset, rapport_dataset_free);

  /* The newest step reads the two spans that ended with export 1 beside the open ones. */
  dataset = rapport_store_load_dataset (store, 1, &error);
  g_assert_no_error (error);
  newest = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  g_assert_cmpint (newest->id, ==, 2);
  g_assert_nonnull (newest->follower_diff);
  g_assert_cmpuint (newest->follower_diff->joined->len, ==, 2);
  g_assert_cmpstr (newest->follower_diff->joined->items[0].handle, ==, "Carla");
  g_assert_cmpstr (newest->follower_diff->joined->items[1].who, ==, "eve");
  g_assert_cmpuint (newest->follower_diff->left->len, ==, 2);
  g_assert_cmpstr (newest->follower_diff->left->items[0].who, ==, "anna");
  g_assert_cmpstr (newest->follower_diff->left->items[1].handle, ==, "carla");
  /* anna left, and export 1's following list, the newest, still holds her. */
  g_assert_cmpuint (newest->follower_diff->still_followed->len, ==, 1);
  g_assert_cmpint (newest->follower_diff->still_followed->items[0].since, ==, 1700003600);

  /* Each export's counts, from the spans around it: carla's old span ended with export 1. */
  g_clear_pointer (&dataset, rapport_dataset_free);
  dataset = rapport_store_load_dataset_summary (store, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      g_assert_cmpuint (snapshot->list_counts[RAPPORT_DIRECTION_FOLLOWER].n_dated, ==, 2);
      g_assert_cmpuint (snapshot->list_counts[RAPPORT_DIRECTION_FOLLOWING].n_dated, ==,
                        i == 0 ? 2 : 0);
    }

  g_assert_true (rapport_store_count_mutuals (store, 1, 1, &mutuals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mutuals, ==, 1);
  g_assert_true (rapport_store_count_mutuals (store, 2, 1, &mutuals, &error));
  g_assert_cmpuint (mutuals, ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (query_dir_int (dir, "SELECT count(*) FROM follow_span_open"), ==, 5);
  g_assert_cmpint (query_dir_int (dir, "SELECT count(*) FROM follow_span_closed"
                                       " WHERE last_snapshot = 1 AND direction = 0"), ==, 2);
  /* The old table's pages went with the upgrade. */
  g_assert_cmpint (query_dir_int (dir, "PRAGMA freelist_count"), ==, 0);
  rapport_test_remove_tree (dir);
}

/* Schema 10 counts what each export's lists hold: an upgrade counts them from the spans, an
 * export's own and those that ended after it, as the lists read back. */
static void
test_migrate_list_counts (void)
{
  g_autofree char *dir = rapport_test_make_schema_data_dir (9);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) every = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(GError) error = NULL;
  /* Per export and direction: listed, dated, with an id, named. */
  const guint64 expected[2][2][4] = {
    { { 3, 2, 0, 0 }, { 2, 2, 0, 0 } },
    { { 5, 2, 2, 1 }, { 2, 2, 1, 1 } },
  };
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Export 2: carla left; two followers known by id, one of them named, and one by name
   * without a date came; dora gained an id. */
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at, date_source,"
    "                      imported_at, importer_version, has_followers, has_following,"
    "                      n_followers, n_following)"
    " VALUES (2, 1, 'later.zip', 'hash-later', 1703000000, 'archive-name', 1703100000, 1, 1, 1,"
    "         5, 2);"
    "INSERT INTO follow_span_closed"
    "  SELECT account_id, direction, 1, who, first_snapshot, handle, platform_id, since"
    "    FROM follow_span_open WHERE who IN ('carla', 'dora');"
    "DELETE FROM follow_span_open WHERE who IN ('carla', 'dora');"
    "INSERT INTO follow_span_open VALUES (1, 0, 'id-1', 2, 'Fay', 'id-1', 1702000000),"
    "                                    (1, 0, 'id-2', 2, NULL, 'id-2', NULL),"
    "                                    (1, 0, 'hal', 2, 'hal', NULL, NULL),"
    "                                    (1, 1, 'dora', 2, 'Dora', 'id-3', 1698000000);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  every = rapport_store_load_dataset_every_list (store, 1, &error);
  g_assert_no_error (error);
  summary = rapport_store_load_dataset_summary (store, 1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    for (RapportDirection direction = 0; direction < 2; direction++)
      {
        const RapportDatasetSnapshot *listed = g_ptr_array_index (every->snapshots, i);
        const RapportDatasetSnapshot *counted = g_ptr_array_index (summary->snapshots, i);
        RapportListCounts from_list, stored;

        g_assert_nonnull (direction == RAPPORT_DIRECTION_FOLLOWER ? listed->followers
                                                                  : listed->following);
        rapport_dataset_snapshot_count_list (listed, direction, &from_list);
        rapport_dataset_snapshot_count_list (counted, direction, &stored);
        g_assert_cmpuint (stored.n_listed, ==, expected[i][direction][0]);
        g_assert_cmpuint (stored.n_dated, ==, expected[i][direction][1]);
        g_assert_cmpuint (stored.n_with_id, ==, expected[i][direction][2]);
        g_assert_cmpuint (stored.n_named, ==, expected[i][direction][3]);
        g_assert_cmpmem (&stored, sizeof stored, &from_list, sizeof from_list);
      }

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rapport_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);
  /* A newer Rapport's database is left exactly where it is. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open-and-migrate", Fixture, NULL, fixture_set_up, test_open_and_migrate, fixture_tear_down);
  g_test_add ("/store/import-and-list", Fixture, NULL, fixture_set_up, test_import_and_list, fixture_tear_down);
  g_test_add ("/store/merge-counts", Fixture, NULL, fixture_set_up, test_merge_counts, fixture_tear_down);
  g_test_add ("/store/posts-in-batches", Fixture, NULL, fixture_set_up, test_posts_in_batches,
              fixture_tear_down);
  g_test_add ("/store/still-followed-since/short", Fixture, short_following, fixture_set_up,
              test_still_followed_since, fixture_tear_down);
  g_test_add ("/store/still-followed-since/long", Fixture, long_following, fixture_set_up,
              test_still_followed_since, fixture_tear_down);
  g_test_add ("/store/import-cache", Fixture, NULL, fixture_set_up, test_import_cache,
              fixture_tear_down);
  g_test_add ("/store/post-kinds-counted", Fixture, NULL, fixture_set_up,
              test_post_kinds_counted, fixture_tear_down);
  g_test_add_func ("/store/post-url-made", test_post_url_made);
  g_test_add ("/store/post-urls-made-again", Fixture, NULL, fixture_set_up,
              test_post_urls_made_again, fixture_tear_down);
  g_test_add ("/store/many-relations", Fixture, NULL, fixture_set_up, test_many_relations, fixture_tear_down);
  g_test_add ("/store/relation-runs", Fixture, NULL, fixture_set_up, test_relation_runs,
              fixture_tear_down);
  g_test_add ("/store/twitter-names", Fixture, NULL, fixture_set_up, test_twitter_names,
              fixture_tear_down);
  g_test_add ("/store/follower-gains", Fixture, NULL, fixture_set_up, test_follower_gains,
              fixture_tear_down);
  g_test_add ("/store/minute-post-adopted", Fixture, NULL, fixture_set_up,
              test_minute_post_adopted, fixture_tear_down);
  g_test_add ("/store/follow-days", Fixture, NULL, fixture_set_up, test_follow_days,
              fixture_tear_down);
  g_test_add ("/store/follow-spans", Fixture, NULL, fixture_set_up, test_follow_spans,
              fixture_tear_down);
  g_test_add ("/store/mutuals-among-ended-spans", Fixture, NULL, fixture_set_up,
              test_mutuals_among_ended_spans, fixture_tear_down);
  g_test_add ("/store/follow-spans-in-runs", Fixture, NULL, fixture_set_up,
              test_follow_spans_in_runs, fixture_tear_down);
  g_test_add_func ("/store/spans-from-relations", test_spans_from_relations);
  g_test_add ("/store/churn-steps-kept", Fixture, NULL, fixture_set_up, test_churn_steps_kept,
              fixture_tear_down);
  g_test_add ("/store/churn-steps-read", Fixture, NULL, fixture_set_up, test_churn_steps_read,
              fixture_tear_down);
  g_test_add ("/store/duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/store/abort-changes-nothing", Fixture, NULL, fixture_set_up, test_abort_changes_nothing, fixture_tear_down);
  g_test_add ("/store/delete-account", Fixture, NULL, fixture_set_up, test_delete_account, fixture_tear_down);
  g_test_add ("/store/load-dataset", Fixture, NULL, fixture_set_up, test_load_dataset, fixture_tear_down);
  g_test_add ("/store/suggestion-state", Fixture, NULL, fixture_set_up, test_suggestion_state, fixture_tear_down);
  g_test_add_func ("/store/damaged-file-is-kept", test_damaged_file_is_kept);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/migrate-earlier-schemas", test_migrate_earlier_schemas);
  g_test_add_func ("/store/migrate-ended-spans", test_migrate_ended_spans);
  g_test_add_func ("/store/migrate-list-counts", test_migrate_list_counts);

  return g_test_run ();
}
