/* test-follower-days.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two exports that count the same days: the newer export's figure of a day is kept, whatever
 * the order they are imported in, and a figure only the older one has fills in.  The daily
 * totals come from TikTok Studio's FollowerHistory.csv and the daily gains from Meta's
 * Follows.csv (fixtures/follower-days/, written from FORMATS.md); the rest goes through the
 * store's sink.  Days are midnight UTC, checked with `date -u -d "<day> UTC" +%s`.
 */

#include "config.h"

#include <sqlite3.h>

#include "core/rapport-import-error.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "store/rapport-store-private.h"
#include "rapport-test-util.h"

#define DAY G_GINT64_CONSTANT (86400)

/* 2025-06-08 .. 2025-06-12 */
#define JUNE_8 G_GINT64_CONSTANT (1749340800)
#define JUNE_10 G_GINT64_CONSTANT (1749513600)
#define JUNE_12 G_GINT64_CONSTANT (1749686400)

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "follower-days", name, NULL);
}

/* The rows of @sql, each column's text joined by ":" and the rows by " ". */
static char *
dump (RapportStore *store,
      const char   *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (rapport_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? ":" : "", value != NULL ? value : "-");
        }
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (text, FALSE);
}

/* Every total: its time, count and source, and the export date of the snapshot it is from. */
static char *
dump_counts (RapportStore *store)
{
  return dump (store,
               "SELECT c.at, c.count, c.source, s.exported_at FROM follower_count c"
               "  LEFT JOIN snapshot s ON s.id = c.snapshot_id ORDER BY c.at, c.source");
}

/* Every day's gains: day, gained, lost ("-" for unknown) and the export date of the row. */
static char *
dump_gains (RapportStore *store)
{
  return dump (store,
               "SELECT g.day, g.gained, g.lost, s.exported_at FROM follower_gain g"
               "  LEFT JOIN snapshot s ON s.id = g.snapshot_id ORDER BY g.day");
}

static RapportStore *
open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_open (dir, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
import_fixture (RapportStore *store,
                const char   *name)
{
  g_autofree char *path = fixture_path (name);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  return summary.account_id;
}

/* Imports @older and @newer into one store in both orders: each store ends with the same rows,
 * which are returned (totals, then a space, then gains), after the older is refused again. */
static char *
import_both_orders (const char *older,
                    const char *newer)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *dir_a = g_build_filename (dir, "older-first", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "newer-first", NULL);
  g_autoptr(RapportStore) store_a = open_store (dir_a);
  g_autoptr(RapportStore) store_b = open_store (dir_b);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autofree char *path = fixture_path (older);
  g_autofree char *counts_a = NULL, *counts_b = NULL, *gains_a = NULL, *gains_b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (import_fixture (store_a, older), ==, import_fixture (store_a, newer));
  g_assert_cmpint (import_fixture (store_b, newer), ==, import_fixture (store_b, older));

  counts_a = dump_counts (store_a);
  counts_b = dump_counts (store_b);
  gains_a = dump_gains (store_a);
  gains_b = dump_gains (store_b);
  g_assert_cmpstr (counts_a, ==, counts_b);
  g_assert_cmpstr (gains_a, ==, gains_b);

  /* The older export again is the same export: refused, and nothing changes. */
  g_assert_false (rapport_import_path (store_b, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (summary.already_imported);
  g_clear_pointer (&counts_b, g_free);
  g_clear_pointer (&gains_b, g_free);
  counts_b = dump_counts (store_b);
  gains_b = dump_gains (store_b);
  g_assert_cmpstr (counts_a, ==, counts_b);
  g_assert_cmpstr (gains_a, ==, gains_b);

  g_clear_object (&store_a);
  g_clear_object (&store_b);
  rapport_test_remove_tree (dir);
  return g_strconcat (counts_a, " | ", gains_a, NULL);
}

/* TikTok Studio's totals of 6 to 10 June (exported on the 10th, the 10th's figure partial) and
 * of 8 to 12 June (exported on the 12th, the 9th "undefined"): the 8th and 10th are the newer
 * export's, the 9th the older one's; Studio sets the export date after the rows. */
static void
test_totals_either_order (void)
{
  g_autofree char *rows = import_both_orders ("tiktok-jo.days-2025-06-10",
                                              "tiktok-jo.days-2025-06-12");

  g_assert_cmpstr (rows, ==,
                   "1749168000:1000:analytics:1749513600 "  /* 6 June, older */
                   "1749254400:1010:analytics:1749513600 "  /* 7 June, older */
                   "1749340800:1021:analytics:1749686400 "  /* 8 June, newer, not 1020 */
                   "1749427200:1031:analytics:1749513600 "  /* 9 June, only the older */
                   "1749513600:1045:analytics:1749686400 "  /* 10 June, newer, not 1033 */
                   "1749600000:1050:analytics:1749686400 "  /* 11 June */
                   "1749686400:1058:analytics:1749686400 | "); /* 12 June; no gains */
}

/* Meta's follows of 5 to 9 April (exported on the 9th, its figure of the 9th partial) and of
 * 7 to 12 April without the 8th (exported on the 12th): the 7th and 9th are the newer
 * export's, the 8th the older one's; Meta gives no losses. */
static void
test_gains_either_order (void)
{
  g_autofree char *rows = import_both_orders ("instagram-jo.days-2026-04-09",
                                              "instagram-jo.days-2026-04-12");

  g_assert_cmpstr (rows, ==,
                   " | "
                   "1775347200:7:-:1775692800 "   /* 5 April, older */
                   "1775433600:9:-:1775692800 "   /* 6 April, older */
                   "1775520000:5:-:1775952000 "   /* 7 April, newer, not 4 */
                   "1775606400:6:-:1775692800 "   /* 8 April, only the older */
                   "1775692800:8:-:1775952000 "   /* 9 April, newer, not 2 */
                   "1775779200:3:-:1775952000 "   /* 10 April */
                   "1775865600:0:-:1775952000 "   /* 11 April */
                   "1775952000:6:-:1775952000");  /* 12 April */
}

typedef struct
{
  const char *hash;
  gint64 exported_at;  /* 0: the export does not say */
  RapportFollowerCount counts[3];
  RapportFollowerGain gains[3];
} FakeExport;

/* Writes the rows of @export into @sink, then its date, as the analytics importers do. */
static void
write_export (RapportImportSink        *sink,
              const RapportAccountInfo *account,
              const FakeExport         *export)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_sink_set_account (sink, account, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (export->counts) && export->counts[i].at != 0; i++)
    g_assert_true (rapport_import_sink_add_follower_count (sink, &export->counts[i], &error));
  for (guint i = 0; i < G_N_ELEMENTS (export->gains) && export->gains[i].day != 0; i++)
    g_assert_true (rapport_import_sink_add_follower_gain (sink, &export->gains[i], &error));
  g_assert_no_error (error);
  if (export->exported_at != 0)
    rapport_import_sink_set_export_date (sink, export->exported_at,
                                         RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

static gint64
import_fake (RapportStore             *store,
             const RapportAccountInfo *account,
             const FakeExport         *export)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;

  import = rapport_store_begin_import (store, export->hash, export->hash, export->hash, NULL,
                                       &error);
  g_assert_no_error (error);
  write_export (rapport_store_import_get_sink (import), account, export);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  return summary.account_id;
}

#define UNKNOWN RAPPORT_COUNT_UNKNOWN
#define TOTAL(at, n) { (at), (n), RAPPORT_COUNT_SOURCE_ANALYTICS }

static const RapportAccountInfo jo = { RAPPORT_PLATFORM_TIKTOK, "jo", NULL, NULL, FALSE };

/* Exported on 10 June: the 8th's gains in full, the 9th's follows only. */
static const FakeExport older = {
  "older", JUNE_10,
  { TOTAL (JUNE_8, 1020), TOTAL (JUNE_8 + DAY, 1031) },
  { { JUNE_8, 5, 2 }, { JUNE_8 + DAY, 3, UNKNOWN } },
};
/* Exported on 12 June: the 8th's follows only, the 9th's losses only. */
static const FakeExport newer = {
  "newer", JUNE_12,
  { TOTAL (JUNE_8, 1021), TOTAL (JUNE_10, 1045) },
  { { JUNE_8, 6, UNKNOWN }, { JUNE_8 + DAY, UNKNOWN, 1 } },
};
/* What the two give together: each figure from the newer export that knows it; each row of
 * gains from the newest export that gave any of it. */
static const char older_and_newer_counts[] =
  "1749340800:1021:analytics:1749686400 1749427200:1031:analytics:1749513600 "
  "1749513600:1045:analytics:1749686400";
static const char older_and_newer_gains[] =
  "1749340800:6:2:1749686400 1749427200:3:1:1749686400";

/* Figure by figure, through the sink with the date set last: the same rows in either order. */
static void
test_figures_by_export_date (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *dir_a = g_build_filename (dir, "a", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "b", NULL);
  g_autoptr(RapportStore) store_a = open_store (dir_a);
  g_autoptr(RapportStore) store_b = open_store (dir_b);
  /* No date at all: older than any dated export, whatever its import. */
  const FakeExport undated = {
    "undated", 0,
    { TOTAL (JUNE_8, 999) },
    { { JUNE_8, 1, 1 }, { JUNE_8 + 3 * DAY, 4, 0 } },
  };
  /* The same date as the newer one: imported later, it wins. */
  const FakeExport same_date = {
    "same-date", JUNE_12,
    { TOTAL (JUNE_10, 1046) },
    { { JUNE_8 + DAY, 2, UNKNOWN } },
  };
  g_autofree char *counts = NULL, *gains = NULL;

  import_fake (store_a, &jo, &older);
  import_fake (store_a, &jo, &newer);
  import_fake (store_b, &jo, &newer);
  import_fake (store_b, &jo, &older);
  counts = dump_counts (store_a);
  gains = dump_gains (store_a);
  g_assert_cmpstr (counts, ==, older_and_newer_counts);
  g_assert_cmpstr (gains, ==, older_and_newer_gains);
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&gains, g_free);
  counts = dump_counts (store_b);
  gains = dump_gains (store_b);
  g_assert_cmpstr (counts, ==, older_and_newer_counts);
  g_assert_cmpstr (gains, ==, older_and_newer_gains);
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&gains, g_free);

  import_fake (store_a, &jo, &undated);
  counts = dump_counts (store_a);
  gains = dump_gains (store_a);
  g_assert_cmpstr (counts, ==, older_and_newer_counts);
  g_assert_cmpstr (gains, ==, "1749340800:6:2:1749686400 1749427200:3:1:1749686400 "
                              "1749600000:4:0:0");
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&gains, g_free);

  import_fake (store_a, &jo, &same_date);
  counts = dump_counts (store_a);
  gains = dump_gains (store_a);
  g_assert_cmpstr (counts, ==,
                   "1749340800:1021:analytics:1749686400 1749427200:1031:analytics:1749513600 "
                   "1749513600:1046:analytics:1749686400");
  g_assert_cmpstr (gains, ==, "1749340800:6:2:1749686400 1749427200:2:1:1749686400 "
                              "1749600000:4:0:0");
  g_clear_pointer (&gains, g_free);
  gains = dump (store_a, "SELECT s.source_name FROM follower_gain g"
                         "  JOIN snapshot s ON s.id = g.snapshot_id WHERE g.day = 1749427200");
  g_assert_cmpstr (gains, ==, "same-date");

  g_clear_object (&store_a);
  g_clear_object (&store_b);
  rapport_test_remove_tree (dir);
}

/* An import that fails after its figures were staged, even after a part of it was merged,
 * changes nothing, and leaves nothing behind for the next import of the connection, which
 * gets the same snapshot id. */
static void
test_failed_import_leaves_nothing (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportStore) store = open_store (dir);
  /* The newer export with a day more, which must never reach the database. */
  const FakeExport newer_and_more = {
    "newer", JUNE_12,
    { TOTAL (JUNE_8, 1021), TOTAL (JUNE_10, 1045), TOTAL (JUNE_12 + DAY, 1070) },
    { { JUNE_8, 6, UNKNOWN }, { JUNE_8 + DAY, UNKNOWN, 1 }, { JUNE_12 + DAY, 9, 9 } },
  };
  /* Followed in the 35th millennium: skipped, and with it the whole list. */
  const RapportRelation unreadable = {
    RAPPORT_DIRECTION_FOLLOWER, "anna", NULL, G_GINT64_CONSTANT (1) << 40,
  };
  g_autofree char *fingerprint = NULL, *counts = NULL, *gains = NULL, *again = NULL;
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportImportSink *part_sink;

  import_fake (store, &jo, &older);
  fingerprint = rapport_test_database_fingerprint (dir);
  counts = dump_counts (store);
  gains = dump_gains (store);

  /* Cancelled. */
  import = rapport_store_begin_import (store, "newer", "newer", "newer", NULL, &error);
  g_assert_no_error (error);
  write_export (rapport_store_import_get_sink (import), &jo, &newer_and_more);
  rapport_store_import_abort (import);

  /* A second account of the export merged at the commit, then the first account's list
   * found unreadable: the whole import fails. */
  import = rapport_store_begin_import (store, "newer", "newer", "newer", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_import_add_part (import, "part", &part_sink, &error));
  g_assert_nonnull (part_sink);
  sink = rapport_store_import_get_sink (import);
  write_export (sink, &jo, &newer_and_more);
  write_export (part_sink, &jo, &newer_and_more);
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_add_relation (sink, &unreadable, &error));
  rapport_import_sink_end_list (sink);
  g_assert_false (rapport_store_import_commit (import, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);

  again = rapport_test_database_fingerprint (dir);
  g_assert_cmpstr (again, ==, fingerprint);
  g_clear_pointer (&again, g_free);
  again = dump_counts (store);
  g_assert_cmpstr (again, ==, counts);
  g_clear_pointer (&again, g_free);
  again = dump_gains (store);
  g_assert_cmpstr (again, ==, gains);
  g_clear_pointer (&again, g_free);

  /* The same export without the day more goes through, with none of the staged rows. */
  import_fake (store, &jo, &newer);
  again = dump_counts (store);
  g_assert_cmpstr (again, ==, older_and_newer_counts);
  g_clear_pointer (&again, g_free);
  again = dump_gains (store);
  g_assert_cmpstr (again, ==, older_and_newer_gains);
  g_clear_pointer (&again, g_free);
  again = dump (store, "SELECT (SELECT count(*) FROM temp.staged_follower_count) +"
                       "       (SELECT count(*) FROM temp.staged_follower_gain)");
  g_assert_cmpstr (again, ==, "0");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Two accounts joined, either into the other: the days both have take the newer export's
 * figures, as if both exports had been imported into one account. */
static void
test_merge_accounts (void)
{
  const RapportAccountInfo stand_in = {
    RAPPORT_PLATFORM_TIKTOK, "TikTok Studio", NULL, NULL, TRUE,
  };

  for (int into_older = 0; into_older < 2; into_older++)
    for (int newer_first = 0; newer_first < 2; newer_first++)
      {
        g_autofree char *dir = rapport_test_make_temp_dir ();
        g_autoptr(RapportStore) store = open_store (dir);
        g_autofree char *counts = NULL, *gains = NULL;
        g_autoptr(GError) error = NULL;
        gint64 of_older, of_newer;

        g_test_message ("into the older: %d, newer first: %d", into_older, newer_first);
        if (newer_first)
          {
            of_newer = import_fake (store, &stand_in, &newer);
            of_older = import_fake (store, &jo, &older);
          }
        else
          {
            of_older = import_fake (store, &jo, &older);
            of_newer = import_fake (store, &stand_in, &newer);
          }
        g_assert_cmpint (of_older, !=, of_newer);

        g_assert_true (rapport_store_merge_accounts (store, into_older ? of_newer : of_older,
                                                     into_older ? of_older : of_newer, &error));
        g_assert_no_error (error);
        counts = dump_counts (store);
        gains = dump_gains (store);
        g_assert_cmpstr (counts, ==, older_and_newer_counts);
        g_assert_cmpstr (gains, ==, older_and_newer_gains);

        g_clear_object (&store);
        rapport_test_remove_tree (dir);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follower-days/totals-either-order", test_totals_either_order);
  g_test_add_func ("/follower-days/gains-either-order", test_gains_either_order);
  g_test_add_func ("/follower-days/figures-by-export-date", test_figures_by_export_date);
  g_test_add_func ("/follower-days/failed-import-leaves-nothing",
                   test_failed_import_leaves_nothing);
  g_test_add_func ("/follower-days/merge-accounts", test_merge_accounts);

  return g_test_run ();
}
