/* test-tiktok-studio.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/tiktok-studio/; the
 * Unix times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include "analysis/rapport-series.h"
#include "import/rapport-tiktok-studio.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

static char *
fixture_path (const char *platform,
              const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", platform, name, NULL);
}

static RapportTestSink *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path ("tiktok-studio", name);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_TIKTOK);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_tiktok_studio_import);
  g_assert_true (rapport_tiktok_studio_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_TIKTOK);
  return g_steal_pointer (&sink);
}

static void
assert_count (RapportTestSink *sink,
              guint            index,
              gint64           at,
              gint64           count)
{
  const RapportFollowerCount *point;

  g_assert_cmpuint (index, <, sink->counts->len);
  point = &g_array_index (sink->counts, RapportFollowerCount, index);
  g_assert_cmpint (point->at, ==, at);
  g_assert_cmpint (point->count, ==, count);
  g_assert_cmpint (point->source, ==, RAPPORT_COUNT_SOURCE_ANALYTICS);
}

static void
assert_post (RapportTestSink *sink,
             const char      *platform_id,
             gint64           created_at,
             gint64           likes,
             gint64           comments,
             gint64           shares,
             gint64           views)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, platform_id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_VIDEO);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->comments, ==, comments);
  g_assert_cmpint (post->shares, ==, shares);
  g_assert_cmpint (post->views, ==, views);
}

static void
test_parse_day (void)
{
  gint64 jan3 = 1767398400; /* 2026-01-03 */
  gint64 jan1 = 1767225600; /* 2026-01-01 */
  gint64 at = 0;

  g_assert_true (rapport_tiktok_studio_parse_day ("December 31", jan1, &at));
  g_assert_cmpint (at, ==, 1767139200);
  /* The day after the reference still counts: time zones. */
  g_assert_true (rapport_tiktok_studio_parse_day (" January 2 ", jan1, &at));
  g_assert_cmpint (at, ==, 1767312000);
  g_assert_true (rapport_tiktok_studio_parse_day ("Jan 4", jan1, &at));
  g_assert_cmpint (at, ==, 1735948800); /* 2025-01-04 */
  g_assert_true (rapport_tiktok_studio_parse_day ("february 29", jan3, &at));
  g_assert_cmpint (at, ==, 1709164800); /* 2024-02-29 */
  g_assert_true (rapport_tiktok_studio_parse_day ("Feb 28", jan3, &at));
  g_assert_cmpint (at, ==, 1740700800); /* 2025-02-28 */
  g_assert_true (rapport_tiktok_studio_parse_day ("2025/10/31", jan3, &at));
  g_assert_cmpint (at, ==, 1761868800);
  g_assert_true (rapport_tiktok_studio_parse_day ("2025-10-31", jan3, &at));
  g_assert_cmpint (at, ==, 1761868800);

  at = 7;
  g_assert_false (rapport_tiktok_studio_parse_day ("undefined", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("NAN", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("February", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("February 30", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("28 February", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("Fe 28", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day ("2025/13/01", jan3, &at));
  g_assert_false (rapport_tiktok_studio_parse_day (NULL, jan3, &at));
  g_assert_cmpint (at, ==, 7);
}

/* The values of studio-2026-01-03/, in CSV or in XLSX: @skipped_date and @skipped_time say where
 * the rows that cannot be read are, "line 6" of a CSV file or "row 6" of a sheet. */
static void
assert_studio (RapportTestSink *sink,
               const char      *name,
               const char      *skipped_date,
               const char      *skipped_time)
{
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, name);
  g_assert_true (sink->provisional);

  /* December 30 and 31 of 2025, January 2 of 2026; January 1 has no figure. */
  g_assert_cmpuint (sink->counts->len, ==, 3);
  assert_count (sink, 0, 1767052800, 1200);
  assert_count (sink, 1, 1767139200, 1215);
  assert_count (sink, 2, 1767312000, 1230);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_post (sink, "7450000000000000001", 1767139200, 120, 8, 3, 4500);
  assert_post (sink, "7450000000000000002", 1767312000,
               RAPPORT_COUNT_UNKNOWN, 0, RAPPORT_COUNT_UNKNOWN, 900);
  post = rapport_test_sink_find_post (sink, "7450000000000000001");
  g_assert_cmpstr (post->text, ==, "New year #NYE");
  g_assert_true (rapport_test_post_has_hashtag (post, "nye"));
  g_assert_cmpstr (post->url, ==, "https://www.tiktok.com/@studio/video/7450000000000000001");
  post = rapport_test_sink_find_post (sink, "7450000000000000002");
  g_assert_null (post->text);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, skipped_date);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, skipped_time);

  /* The name's date, since nothing inside is newer. */
  g_assert_cmpint (sink->exported_at, ==, 1767398400);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* Quoted fields after a BOM, no final line end, year-less days across New Year read against
 * the date in the folder's name, "undefined" where a value is missing. */
static void
test_studio (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("studio-2026-01-03");

  assert_studio (sink, "studio-2026-01-03",
                 "FollowerHistory.csv: line 6: no readable date (“Smarch 3”)",
                 "Content.csv: line 4: no readable post time (“undefined”)");
}

/* The same tables as Studio writes them in XLSX: stored entries, inline strings, numbers as
 * text, no shared strings. */
static void
test_studio_xlsx (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("studio-xlsx-2026-01-03");

  assert_studio (sink, "studio-xlsx-2026-01-03",
                 "FollowerHistory.xlsx: row 6: no readable date (“Smarch 3”)",
                 "Content.xlsx: row 4: no readable post time (“undefined”)");
}

/* The history saved again by a spreadsheet program (deflated, shared strings, numbers as
 * numbers), in its folder and opened alone. */
static void
test_excel (void)
{
  for (guint alone = 0; alone < 2; alone++)
    {
      g_autoptr(RapportTestSink) sink = import_fixture (alone ? "excel-2026-01-03/"
                                                                "FollowerHistory.xlsx"
                                                              : "excel-2026-01-03");

      /* The folder it sits in names it either way. */
      g_assert_cmpstr (sink->handle, ==, "excel-2026-01-03");
      g_assert_cmpuint (sink->counts->len, ==, 3);
      assert_count (sink, 0, 1767052800, 1200);
      assert_count (sink, 1, 1767139200, 1215);
      assert_count (sink, 2, 1767312000, 1230);
      g_assert_cmpuint (sink->posts->len, ==, 0);
      g_assert_cmpuint (sink->skipped->len, ==, 0);
      g_assert_cmpint (sink->exported_at, ==, 1767398400);
    }
}

/* A workbook that cannot be read is skipped, naming the file and the problem; the other
 * table is still read. */
static void
test_damaged_xlsx (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "studio-2026-01-03", NULL);
  g_autofree char *source = fixture_path ("tiktok-studio", "studio-2026-01-03/Content.csv");
  g_autofree char *content = g_build_filename (folder, "Content.csv", NULL);
  g_autofree char *history = g_build_filename (folder, "FollowerHistory.xlsx", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_assert_true (g_file_set_contents (content, text, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (history, "PK\003\004 not a zip at all", -1, NULL));

  archive = rapport_archive_open (folder, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_tiktok_studio_recognizes (archive));
  g_assert_true (rapport_tiktok_studio_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sink->counts->len, ==, 0);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (sink->skipped, 0),
                                   "FollowerHistory.xlsx: the spreadsheet cannot be read ("));

  rapport_test_remove_tree (dir);
}

/* A sheet whose last cell lies in Excel's last row and column: the rows between cost nothing,
 * and the row there is read. */
static void
test_sparse_xlsx (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "studio-2026-01-03", NULL);
  g_autofree char *path = g_build_filename (folder, "FollowerHistory.xlsx", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  rapport_test_write_archive (path, "zip-stored",
    "[Content_Types].xml", "<Types/>",
    "xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", "<Relationships>"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Date</t></is></c>"
    "<c r=\"B2\" t=\"inlineStr\"><is><t>Followers</t></is></c></row>"
    "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>January 2</t></is></c>"
    "<c r=\"B1048576\"><v>1230</v></c><c r=\"XFD1048576\"><v>1</v></c></row>"
    "</sheetData></worksheet>",
    NULL);

  archive = rapport_archive_open (folder, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_tiktok_studio_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->counts->len, ==, 1);
  assert_count (sink, 0, 1767312000, 1230);

  rapport_test_remove_tree (dir);
}

/* The business accounts' variant: unquoted, dates with their year, NAN and --. */
static void
test_business (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("business");

  g_assert_cmpstr (sink->handle, ==, "business");
  g_assert_true (sink->provisional);

  g_assert_cmpuint (sink->counts->len, ==, 2);
  assert_count (sink, 0, 1761782400, 5010); /* 2025-10-30 */
  assert_count (sink, 1, 1761955200, 5025); /* 2025-11-01 */

  g_assert_cmpuint (sink->posts->len, ==, 1);
  assert_post (sink, "7430000000000000001", 1761782400,
               RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN, 4, 2500);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  g_assert_cmpint (sink->exported_at, ==, 1761955200);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

static gint64
import_into (RapportStore *store,
             const char   *platform,
             const char   *name)
{
  g_autofree char *path = fixture_path (platform, name);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  return summary.account_id;
}

/* The account export, then a Studio export named after the same user: the videos get their
 * views without being stored twice, and the daily totals are real points of the series. */
static void
test_join (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  RapportFollowerSeries *series;
  gint64 account_id;
  guint n_analytics = 0;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  account_id = import_into (store, "tiktok", "new");
  g_assert_cmpint (import_into (store, "tiktok-studio", "tiktok-jo.new-2025-06-10"), ==,
                   account_id);

  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->posts->len, ==, 2);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, "7400000000000000001"))
        {
          /* The account export's time and title stay. */
          g_assert_cmpint (post->created_at, ==, 1746421505); /* 2025-05-05 05:05:05 */
          g_assert_cmpstr (post->text, ==, "Morning routine #Morning #routine #morning");
          g_assert_cmpint (post->likes, ==, 41);
          g_assert_cmpint (post->comments, ==, 2);
          g_assert_cmpint (post->views, ==, 1000);
        }
      else
        {
          g_assert_cmpstr (post->platform_id, ==, "7400000000000000002");
          g_assert_cmpint (post->likes, ==, 5);
          g_assert_cmpint (post->views, ==, 300);
        }
    }

  series = rapport_follower_series_compute (dataset);
  for (guint i = 0; i < series->points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);

      if (point->kind != RAPPORT_SERIES_REAL || point->source != RAPPORT_COUNT_SOURCE_ANALYTICS)
        continue;
      n_analytics++;
      if (point->day == 1749340800) /* 2025-06-08 */
        g_assert_cmpfloat (point->followers, ==, 10);
      else
        {
          g_assert_cmpint (point->day, ==, 1749427200); /* 2025-06-09 */
          g_assert_cmpfloat (point->followers, ==, 12);
        }
    }
  g_assert_cmpuint (n_analytics, ==, 2);
  rapport_follower_series_free (series);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tiktok-studio/parse-day", test_parse_day);
  g_test_add_func ("/tiktok-studio/studio", test_studio);
  g_test_add_func ("/tiktok-studio/xlsx", test_studio_xlsx);
  g_test_add_func ("/tiktok-studio/excel", test_excel);
  g_test_add_func ("/tiktok-studio/damaged-xlsx", test_damaged_xlsx);
  g_test_add_func ("/tiktok-studio/sparse-xlsx", test_sparse_xlsx);
  g_test_add_func ("/tiktok-studio/business", test_business);
  g_test_add_func ("/tiktok-studio/join", test_join);

  return g_test_run ();
}
