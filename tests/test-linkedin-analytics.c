/* test-linkedin-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the workbooks in fixtures/linkedin/, which
 * fixtures/generate-xlsx-fixtures.py writes; the Unix times were checked with
 * `date -u -d "<date> UTC" +%s`.  The importer hands each row of TOP POSTS to the sink as it
 * reads it, so a post that both tables name is merged by the store: its posts are checked
 * there.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "analysis/rapport-series.h"
#include "core/rapport-import-error.h"
#include "import/rapport-export-name.h"
#include "import/rapport-linkedin-analytics.h"
#include "import/rapport-linkedin-private.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define MAY_2024 "Content_2024-05-01_2024-05-31.xlsx"
#define APRIL_2026 "AggregateAnalytics_Jo Doe_2026-04-01_2026-04-28.xlsx"
#define JUNE_2024 "Content_2024-06-01_2024-06-30.xlsx"
#define BROKEN "Content_2024-07-01_2024-07-31.xlsx"

static char *
fixture_path (const char *first,
              ...) G_GNUC_NULL_TERMINATED;

static char *
fixture_path (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "fixtures");
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  return g_build_filenamev ((char **) parts->pdata);
}

static RapportArchive *
open_fixture (const char *name)
{
  g_autofree char *path = fixture_path ("linkedin", name, NULL);
  g_autoptr(GError) error = NULL;
  RapportArchive *archive = rapport_archive_open (path, &error);

  g_assert_no_error (error);
  return archive;
}

/* Imports the workbook @name opened alone, as a person would, after checking that it is
 * recognized as this export. */
static RapportTestSink *
import_fixture (const char *name)
{
  g_autoptr(RapportArchive) archive = open_fixture (name);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_LINKEDIN);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_linkedin_analytics_import);
  g_assert_true (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_LINKEDIN);
  return g_steal_pointer (&sink);
}

/* The posts as the store keeps them after importing @path alone into a new database: a post
 * handed twice merged into one.  *@n_posts is the posts the import counted. */
static RapportDataset *
import_into_store (const char *path,
                   guint64    *n_posts)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RapportDataset *dataset;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  *n_posts = summary.snapshot.n_posts;
  dataset = rapport_store_load_dataset (store, summary.account_id, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
  return dataset;
}

/* The same for the workbook @name of fixtures/linkedin/. */
static RapportDataset *
import_fixture_into_store (const char *name,
                           guint64    *n_posts)
{
  g_autofree char *path = fixture_path ("linkedin", name, NULL);

  return import_into_store (path, n_posts);
}

static void
assert_post (RapportDataset *dataset,
             const char     *platform_id,
             gint64          created_at,
             gint64          impressions,
             gint64          engagements)
{
  const RapportDatasetPost *post = rapport_test_find_post (dataset, platform_id);
  g_autofree char *url = NULL;

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpint (post->impressions, ==, impressions);
  g_assert_cmpint (post->engagements, ==, engagements);
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_null (post->text);
  url = g_strdup_printf ("https://www.linkedin.com/feed/update/urn:li:activity:%s/", platform_id);
  if (!g_str_equal (platform_id, "7190000000000000003"))
    g_assert_cmpstr (post->url, ==, url);
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
assert_total (RapportTestSink *sink,
              gint64           at,
              gint64           count)
{
  const RapportFollowerCount *total;

  g_assert_cmpuint (sink->counts->len, ==, 1);
  total = &g_array_index (sink->counts, RapportFollowerCount, 0);
  g_assert_cmpint (total->at, ==, at);
  g_assert_cmpint (total->count, ==, count);
  g_assert_cmpint (total->source, ==, RAPPORT_COUNT_SOURCE_ANALYTICS);
}

static void
test_activity_id (void)
{
  static const struct { const char *url; const char *id; } cases[] = {
    { "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000001/",
      "7190000000000000001" },
    { "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000001",
      "7190000000000000001" },
    { "urn:li:activity:42", "42" },
    { "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7190000000000000003?x=1",
      "7190000000000000003" },
    { "https://www.linkedin.com/in/jo-doe/", NULL },
    { "https://www.linkedin.com/feed/update/urn:li:activity:/", NULL },
    { "urn:li:activity:12ab", NULL },
    { "urn:li:activity:12345678901234567890", NULL },
    { "https://www.linkedin.com/posts/jo-doe_pottery-glaze-activity-7190000000000000004-AbCd"
      "?utm_source=share", "7190000000000000004" },
    { "https://www.linkedin.com/posts/jo-doe_the-activity-report-ugcPost-7190000000000000005-x",
      NULL },
    { "urn:li:share:7190000000000000001", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = rapport_linkedin_activity_id (cases[i].url);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_person_name (void)
{
  static const struct { const char *name; const char *person; } cases[] = {
    { APRIL_2026, "Jo Doe" },
    { "aggregateanalytics_Jo_Doe_20260401_20260428.xlsx", "Jo_Doe" },
    { "AggregateAnalytics_Zoë_2026-04-01.xlsx", "Zoë" },
    { "AggregateAnalytics_2026-04-01_2026-04-28.xlsx", NULL },
    { "AggregateAnalytics_.xlsx", NULL },
    { MAY_2024, NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *person = rapport_export_name_get_person (cases[i].name,
                                                                "AggregateAnalytics");

      g_assert_cmpstr (person, ==, cases[i].person);
    }
}

/* Before 2026, as Excel writes: shared strings, numbers as numbers, the total beside its
 * label; two tables of top posts merged, one post's URL percent-encoded. */
static void
test_before_2026 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (MAY_2024);
  g_autoptr(RapportDataset) stored = NULL;
  guint64 n_posts = 0;

  /* Nothing in the file names the member. */
  g_assert_cmpstr (sink->handle, ==, "LinkedIn");
  g_assert_null (sink->display_name);
  g_assert_true (sink->provisional);

  /* A row a post: two in the first table, three in the second. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  stored = import_fixture_into_store (MAY_2024, &n_posts);
  g_assert_cmpuint (stored->posts->len, ==, 3);
  g_assert_cmpuint (n_posts, ==, 3);
  assert_post (stored, "7190000000000000001", 1714694400, 3900, 85);
  assert_post (stored, "7190000000000000002", 1716163200, 5400, 61);
  /* Only among the most seen. */
  assert_post (stored, "7190000000000000003", 1716854400, 1200, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpstr (rapport_test_find_post (stored, "7190000000000000003")->url, ==,
                   "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A"
                   "7190000000000000003");

  assert_total (sink, 1717113600, 1234);
  g_assert_cmpuint (sink->gains->len, ==, 3);
  assert_gain (sink, 0, 1716940800, 3);
  assert_gain (sink, 1, 1717027200, 0);
  assert_gain (sink, 2, 1717113600, 5);

  g_assert_cmpuint (sink->skipped->len, ==, 0);
  /* The period's end in the name. */
  g_assert_cmpint (sink->exported_at, ==, 1717113600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* From 2026, as a web exporter writes: inline strings, numbers and percentages as text, the
 * total inside its label, and rows that cannot be read. */
static void
test_from_2026 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (APRIL_2026);
  g_autoptr(RapportDataset) stored = NULL;
  const RapportDatasetPost *post;
  guint64 n_posts = 0;

  g_assert_cmpstr (sink->handle, ==, "Jo Doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo Doe");
  g_assert_true (sink->provisional);

  /* 003 is named by its feed link in the first table and by its public link in the second:
   * the first row's link stays. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  stored = import_fixture_into_store (APRIL_2026, &n_posts);
  g_assert_cmpuint (stored->posts->len, ==, 3);
  g_assert_cmpuint (n_posts, ==, 3);
  assert_post (stored, "7310000000000000001", 1775088000, 15230, 1024);
  assert_post (stored, "7310000000000000003", 1775952000, 95, RAPPORT_COUNT_UNKNOWN);
  /* No activity id: the ugcPost's number, marked. */
  post = rapport_test_find_post (stored, "ugcPost:7310000000000000009");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1776643200); /* 2026-04-20 */
  g_assert_cmpint (post->engagements, ==, 40);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);

  assert_total (sink, 1777334400, 2633);
  /* 27 April has no figure: no gain of zero. */
  g_assert_cmpuint (sink->gains->len, ==, 2);
  assert_gain (sink, 0, 1777161600, 12);
  assert_gain (sink, 1, 1777334400, 1003);

  g_assert_cmpuint (sink->skipped->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   APRIL_2026 ": TOP POSTS row 5: no post id in the URL");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   APRIL_2026 ": TOP POSTS row 5: no readable publish date (“4/31/2026”)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==,
                   APRIL_2026 ": FOLLOWERS row 4: no readable number of new followers (“some”)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 3), ==,
                   APRIL_2026 ": FOLLOWERS row 8: no readable date (“Apr 29”)");

  g_assert_cmpint (sink->exported_at, ==, 1777334400);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* A period without posts: no TOP POSTS sheet and nothing in FOLLOWERS, said as skips. */
static void
test_missing_sheets (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (JUNE_2024);

  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->counts->len, ==, 0);
  g_assert_cmpuint (sink->gains->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, JUNE_2024 ": no sheet TOP POSTS");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   JUNE_2024 ": the sheet FOLLOWERS is empty");
  /* Nothing inside is dated: the period's end in the name is the export's day. */
  g_assert_cmpint (sink->exported_at, ==, 1719705600); /* 2024-06-30 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

#define CELL(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

/* Imports Content_variant.xlsx, a workbook of DISCOVERY and a FOLLOWERS sheet whose
 * <sheetData> holds @rows. */
static RapportTestSink *
import_followers (const char *rows)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Content_variant.xlsx", NULL);
  g_autofree char *sheet = g_strconcat ("<worksheet><sheetData>", rows,
                                        "</sheetData></worksheet>", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip-stored",
    "[Content_Types].xml", "<Types/>",
    "xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets>"
    "<sheet name=\"DISCOVERY\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"FOLLOWERS\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", "<Relationships>"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>",
    "xl/worksheets/sheet2.xml", sheet,
    NULL);

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  rapport_test_remove_tree (dir);
  return g_steal_pointer (&sink);
}

/* The total's other places: below its label; without a date, on the table's last day, whose
 * days are Excel serial dates here; a label whose date cannot be read. */
static void
test_followers_variants (void)
{
  g_autoptr(RapportTestSink) below = NULL;
  g_autoptr(RapportTestSink) undated = NULL;
  g_autoptr(RapportTestSink) bad = NULL;

  below = import_followers ("<row r=\"1\">" CELL ("A1", "Total followers on 4/28/2026") "</row>"
                            "<row r=\"2\">" CELL ("A2", "1,500") "</row>");
  assert_total (below, 1777334400, 1500);
  /* The first skip: no sheet TOP POSTS. */
  g_assert_cmpuint (below->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (below->skipped, 1), ==,
                   "Content_variant.xlsx: the sheet FOLLOWERS has no header row with "
                   "“New followers”");

  undated = import_followers ("<row r=\"1\">" CELL ("A1", "Total followers:")
                              "<c r=\"B1\"><v>700</v></c></row>"
                              "<row r=\"3\">" CELL ("A3", "Date") CELL ("B3", "New followers")
                              "</row>"
                              "<row r=\"4\"><c r=\"A4\"><v>46143</v></c>"
                              "<c r=\"B4\"><v>2</v></c></row>"
                              "<row r=\"5\"><c r=\"A5\"><v>46144</v></c>"
                              "<c r=\"B5\"><v>1</v></c></row>");
  assert_total (undated, 1777680000, 700); /* 2026-05-02 */
  g_assert_cmpuint (undated->gains->len, ==, 2);
  assert_gain (undated, 0, 1777593600, 2);
  assert_gain (undated, 1, 1777680000, 1);
  g_assert_cmpuint (undated->skipped->len, ==, 1);

  bad = import_followers ("<row r=\"1\">" CELL ("A1", "Total followers on 31/5/2026: 10")
                          "</row>");
  g_assert_cmpuint (bad->counts->len, ==, 0);
  g_assert_cmpuint (bad->skipped->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (bad->skipped, 2), ==,
                   "Content_variant.xlsx: FOLLOWERS row 1: no readable follower total "
                   "(“Total followers on 31/5/2026: 10”)");
}

/* A folder of workbooks: each is read, the other files left alone. */
static void
test_folder (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "linkedin-jo.doe-2026-05-01", NULL);
  g_autofree char *notes = g_build_filename (path, "notes.txt", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportDataset) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_posts = 0;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? MAY_2024 : APRIL_2026;
      g_autofree char *source = fixture_path ("linkedin", name, NULL);
      g_autofree char *target = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
    }
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_linkedin_analytics_recognizes (archive));
  g_assert_true (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);

  /* The person in the 2026 file's name comes first. */
  g_assert_cmpstr (sink->handle, ==, "Jo Doe");
  /* Five rows of posts in each workbook, three posts in each. */
  g_assert_cmpuint (sink->posts->len, ==, 10);
  g_assert_cmpuint (sink->counts->len, ==, 2);
  g_assert_cmpuint (sink->gains->len, ==, 5);
  g_assert_cmpint (sink->exported_at, ==, 1777334400);

  stored = import_into_store (path, &n_posts);
  g_assert_cmpuint (stored->posts->len, ==, 6);
  g_assert_cmpuint (n_posts, ==, 6);

  rapport_test_remove_tree (dir);
}

/* A damaged sheet fails the import with the file and the problem; the database is left as it
 * was. */
static void
test_broken (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("broken");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = fixture_path ("linkedin", "broken", BROKEN, NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_linkedin_analytics_recognizes (archive));
  g_assert_false (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, BROKEN ": xl/worksheets/sheet2.xml "));
  g_clear_error (&error);

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, BROKEN ": xl/worksheets/sheet2.xml "));
  after = rapport_test_database_fingerprint (dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

#define INLINE(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define URL_OF(n) "https://www.linkedin.com/feed/update/urn:li:activity:720000000000000000" n "/"

/* Writes @path, a workbook of DISCOVERY and a TOP POSTS sheet whose <sheetData> holds its two
 * tables' header in row 3 and then @rows, and imports it into @sink. */
static void
import_top_posts (const char      *path,
                  const char      *rows,
                  RapportTestSink *sink)
{
  g_autofree char *sheet = g_strconcat ("<worksheet><sheetData>"
    "<row r=\"1\">" INLINE ("A1", "Maximum of 50 posts") "</row>"
    "<row r=\"3\">" INLINE ("A3", "Post URL") INLINE ("B3", "Post publish date")
    INLINE ("C3", "Engagements") INLINE ("E3", "Post URL") INLINE ("F3", "Post publish date")
    INLINE ("G3", "Impressions") "</row>", rows, "</sheetData></worksheet>", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip-stored",
    "[Content_Types].xml", "<Types/>",
    "xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets>"
    "<sheet name=\"DISCOVERY\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"TOP POSTS\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", "<Relationships>"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>",
    "xl/worksheets/sheet2.xml", sheet,
    NULL);

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_handed (RapportTestSink *sink,
               guint            index,
               const char      *platform_id,
               gint64           created_at,
               const char      *url,
               gint64           impressions,
               gint64           engagements)
{
  const RapportPost *post;

  g_assert_cmpuint (index, <, sink->posts->len);
  post = g_ptr_array_index (sink->posts, index);
  g_assert_cmpstr (post->platform_id, ==, platform_id);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_true (post->day_only);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_cmpint (post->impressions, ==, impressions);
  g_assert_cmpint (post->engagements, ==, engagements);
}

/* TOP POSTS read row by row: the first table's rows all come before the second's, so that a
 * post the second table names first still takes its date from the first, and a date the
 * first cannot read is told even when the second has the post. */
static void
test_table_order (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, MAY_2024, NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportDataset) stored = NULL;
  const RapportDatasetPost *post;
  guint64 n_posts = 0;

  import_top_posts (path,
    "<row r=\"4\">" INLINE ("A4", URL_OF ("1")) INLINE ("B4", "5/1/2024")
    "<c r=\"C4\"><v>10</v></c>" INLINE ("E4", URL_OF ("2")) INLINE ("F4", "5/2/2024")
    "<c r=\"G4\"><v>200</v></c></row>"
    "<row r=\"5\">" INLINE ("A5", URL_OF ("2")) INLINE ("B5", "x") "<c r=\"C5\"><v>20</v></c>"
    INLINE ("E5", URL_OF ("1")) INLINE ("F5", "5/9/2024") "<c r=\"G5\"><v>100</v></c></row>",
    sink);

  /* A row a post as read; 001 again with its first date and no URL, which the store keeps. */
  g_assert_cmpuint (sink->posts->len, ==, 3);
  assert_handed (sink, 0, "7200000000000000001", 1714521600, URL_OF ("1"),
                 RAPPORT_COUNT_UNKNOWN, 10);
  assert_handed (sink, 1, "7200000000000000002", 1714608000, URL_OF ("2"), 200,
                 RAPPORT_COUNT_UNKNOWN);
  assert_handed (sink, 2, "7200000000000000001", 1714521600, NULL, 100,
                 RAPPORT_COUNT_UNKNOWN);

  stored = import_into_store (path, &n_posts);
  g_assert_cmpuint (stored->posts->len, ==, 2);
  g_assert_cmpuint (n_posts, ==, 2);
  post = g_ptr_array_index (stored->posts, 0);
  g_assert_cmpstr (post->platform_id, ==, "7200000000000000001");
  g_assert_cmpint (post->created_at, ==, 1714521600); /* 2024-05-01 */
  g_assert_cmpint (post->engagements, ==, 10);
  g_assert_cmpint (post->impressions, ==, 100);
  post = g_ptr_array_index (stored->posts, 1);
  g_assert_cmpstr (post->platform_id, ==, "7200000000000000002");
  g_assert_cmpint (post->created_at, ==, 1714608000); /* 2024-05-02 */
  g_assert_cmpint (post->engagements, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, 200);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   MAY_2024 ": TOP POSTS row 5: no readable publish date (“x”)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, MAY_2024 ": no sheet FOLLOWERS");
  rapport_test_remove_tree (dir);
}

/* A post both tables name, the second's row first in the sheet, spelled another way there and
 * with a date that cannot be read: one post with the first row's link and date, and no skip.
 * Each table's figure is kept, known or not ("undefined", "--"); a post of the second table
 * alone keeps its own link and date. */
static void
test_both_tables (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Content.xlsx", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportDataset) stored = NULL;
  const RapportDatasetPost *post;
  guint64 n_posts = 0;

  import_top_posts (path,
    "<row r=\"4\">" INLINE ("A4", URL_OF ("1")) INLINE ("B4", "5/1/2024")
    "<c r=\"C4\"><v>10</v></c>" INLINE ("E4", "https://www.linkedin.com/posts/jo-doe_kiln-"
                                        "activity-7200000000000000003-Xy")
    INLINE ("F4", "soon") INLINE ("G4", "1,300") "</row>"
    "<row r=\"5\">" INLINE ("A5", URL_OF ("3")) INLINE ("B5", "5/3/2024")
    INLINE ("C5", "undefined") INLINE ("E5", URL_OF ("1")) INLINE ("F5", "5/9/2024")
    INLINE ("G5", "--") "</row>"
    "<row r=\"6\">" INLINE ("E6", URL_OF ("4")) INLINE ("F6", "5/4/2024")
    INLINE ("G6", "40") "</row>",
    sink);

  g_assert_cmpuint (sink->posts->len, ==, 5);
  assert_handed (sink, 2, "7200000000000000003", 1714694400, NULL, 1300,
                 RAPPORT_COUNT_UNKNOWN);
  /* Only the missing FOLLOWERS sheet. */
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  /* A name without dates: the newest day of the posts as first met, not 001's second row's. */
  g_assert_cmpint (sink->exported_at, ==, 1714780800); /* 2024-05-04 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  stored = import_into_store (path, &n_posts);
  g_assert_cmpuint (stored->posts->len, ==, 3);
  g_assert_cmpuint (n_posts, ==, 3);
  post = rapport_test_find_post (stored, "7200000000000000001");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1714521600); /* 2024-05-01 */
  g_assert_cmpint (post->time_unit, ==, 86400);
  g_assert_cmpstr (post->url, ==, URL_OF ("1"));
  g_assert_cmpint (post->engagements, ==, 10);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  post = rapport_test_find_post (stored, "7200000000000000003");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1714694400); /* 2024-05-03 */
  g_assert_cmpstr (post->url, ==, URL_OF ("3"));
  g_assert_cmpint (post->engagements, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, 1300);
  post = rapport_test_find_post (stored, "7200000000000000004");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1714780800); /* 2024-05-04 */
  g_assert_cmpstr (post->url, ==, URL_OF ("4"));
  g_assert_cmpint (post->impressions, ==, 40);
  rapport_test_remove_tree (dir);
}

/* A workbook that is not this export is refused by name. */
static void
test_not_linkedin (void)
{
  g_autofree char *path = fixture_path ("tiktok-studio", "excel-2026-01-03",
                                        "FollowerHistory.xlsx", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_linkedin_analytics_recognizes (archive));
  g_assert_false (rapport_linkedin_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==,
                   "FollowerHistory.xlsx: there is no workbook of LinkedIn's creator analytics "
                   "in it (with the sheets TOP POSTS and FOLLOWERS)");
  g_assert_cmpuint (sink->n_set_account, ==, 0);
}

/* Into a store: the top posts with their figures, the total a real point of the series. */
static void
test_store (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = fixture_path ("linkedin", APRIL_2026, NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  RapportFollowerSeries *series;
  guint n_real = 0;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_LINKEDIN);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 4);

  dataset = rapport_store_load_dataset (store, summary.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, "7310000000000000001"))
        {
          g_assert_cmpint (post->impressions, ==, 15230);
          g_assert_cmpint (post->engagements, ==, 1024);
        }
      else if (g_str_equal (post->platform_id, "7310000000000000003"))
        {
          g_assert_cmpint (post->impressions, ==, 95);
          g_assert_cmpint (post->engagements, ==, RAPPORT_COUNT_UNKNOWN);
        }
      else
        {
          g_assert_cmpstr (post->platform_id, ==, "ugcPost:7310000000000000009");
          g_assert_cmpint (post->engagements, ==, 40);
        }
    }

  series = rapport_follower_series_compute (dataset);
  for (guint i = 0; i < series->points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);

      if (point->kind != RAPPORT_SERIES_REAL)
        continue;
      n_real++;
      g_assert_cmpint (point->day, ==, 1777334400);
      g_assert_cmpfloat (point->followers, ==, 2633);
      g_assert_cmpint (point->source, ==, RAPPORT_COUNT_SOURCE_ANALYTICS);
    }
  g_assert_cmpuint (n_real, ==, 1);
  rapport_follower_series_free (series);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linkedin/activity-id", test_activity_id);
  g_test_add_func ("/linkedin/person-name", test_person_name);
  g_test_add_func ("/linkedin/before-2026", test_before_2026);
  g_test_add_func ("/linkedin/from-2026", test_from_2026);
  g_test_add_func ("/linkedin/missing-sheets", test_missing_sheets);
  g_test_add_func ("/linkedin/followers-variants", test_followers_variants);
  g_test_add_func ("/linkedin/folder", test_folder);
  g_test_add_func ("/linkedin/broken", test_broken);
  g_test_add_func ("/linkedin/table-order", test_table_order);
  g_test_add_func ("/linkedin/both-tables", test_both_tables);
  g_test_add_func ("/linkedin/not-linkedin", test_not_linkedin);
  g_test_add_func ("/linkedin/store", test_store);

  return g_test_run ();
}
