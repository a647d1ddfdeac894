/* test-twitter-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * X's analytics exports of 2025–: every expected value is computed by hand from the fixtures in
 * fixtures/twitter-analytics/; the Unix times were checked with
 * `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-twitter-importer.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define CONTENT_CSV "account_analytics_content_2024-11-01_2024-11-10.csv"
#define EARLY_CSV "account_analytics_content_early_2025.csv"
#define OVERVIEW_FOLDER "x-jodoe-2026-08-16"
#define OVERVIEW_CSV "account_overview_analytics.csv"

#define NOV_09_2024 G_GINT64_CONSTANT (1731110400)
#define NOV_10_2024 G_GINT64_CONSTANT (1731196800)
#define AUG_15_2026 G_GINT64_CONSTANT (1786752000)

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "twitter-analytics", name, NULL);
}

static char *
fixture_text (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Opens @path, checks that the importers table sends it to the X importer, and imports it. */
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
                   RAPPORT_PLATFORM_TWITTER);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_twitter_import);
  g_assert_true (rapport_twitter_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_TWITTER);
  return g_steal_pointer (&sink);
}

static RapportTestSink *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return import_path (path);
}

static const RapportPost *
find_post (RapportTestSink *sink,
           const char      *id)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);

  g_assert_nonnull (post);
  return post;
}

static void
assert_post (const RapportPost *post,
             RapportPostType    type,
             gint64             day,
             gint64             impressions,
             gint64             likes,
             gint64             engagements,
             gint64             saves,
             gint64             follows,
             gint64             replies,
             gint64             shares)
{
  g_assert_cmpint (post->type, ==, type);
  g_assert_cmpint (post->created_at, ==, day);
  g_assert_true (post->day_only);
  g_assert_false (post->minute_only);
  g_assert_cmpint (post->impressions, ==, impressions);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->engagements, ==, engagements);
  g_assert_cmpint (post->saves, ==, saves);
  g_assert_cmpint (post->follows, ==, follows);
  g_assert_cmpint (post->replies, ==, replies);
  g_assert_cmpint (post->shares, ==, shares);
  /* Neither file counts these. */
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->quotes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->reach, ==, RAPPORT_COUNT_UNKNOWN);
}

static void
assert_gain (RapportTestSink *sink,
             guint            index,
             gint64           day,
             gint64           gained,
             gint64           lost)
{
  const RapportFollowerGain *gain;

  g_assert_cmpuint (index, <, sink->gains->len);
  gain = &g_array_index (sink->gains, RapportFollowerGain, index);
  g_assert_cmpint (gain->day, ==, day);
  g_assert_cmpint (gain->gained, ==, gained);
  g_assert_cmpint (gain->lost, ==, lost);
}

/* The three posts of the content fixture that can be read. */
static void
assert_content_posts (RapportTestSink *sink,
                      const char      *handle)
{
  g_autofree char *url = NULL;
  const RapportPost *post;

  g_assert_cmpuint (sink->posts->len, ==, 3);

  post = find_post (sink, "1855269123456789012");
  assert_post (post, RAPPORT_POST_TEXT, NOV_09_2024, 2633, 14, 160, 5, 1, 3, 4);
  g_assert_cmpstr (post->text, ==, "Sunset over the bay #GNOME #Photography with @Alice_Dev & "
                   "friends \xF0\x9F\x8C\x85 #gnome https://t.co/AbCdEf1234");
  url = g_strdup_printf ("https://x.com/%s/status/1855269123456789012", handle);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_true (rapport_test_post_has_hashtag (post, "gnome"));
  g_assert_true (rapport_test_post_has_hashtag (post, "photography"));
  g_assert_true (rapport_test_post_has_mention (post, "alice_dev"));

  /* Empty and "-" are unknown, not zero. */
  post = find_post (sink, "1849000000000000005");
  assert_post (post, RAPPORT_POST_REPLY, 1730073600 /* 2024-10-28 */, 90,
               RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN, 0, 0, 1, 0);

  /* A twitter.com link; text over two lines; "1,700". */
  post = find_post (sink, "1856000000000000010");
  assert_post (post, RAPPORT_POST_TEXT, NOV_10_2024, 1700, 20, 95, 3, 4, 2, 6);
  g_assert_cmpstr (post->text, ==, "Only here for now:\nthe analytics know it first #Rust");
  g_assert_true (rapport_test_post_has_hashtag (post, "rust"));
}

static void
assert_content_skips (RapportTestSink *sink,
                      const char      *entry)
{
  g_autofree char *bad_date = NULL;
  g_autofree char *bad_id = NULL;
  g_autofree char *no_id = NULL;

  bad_date = g_strdup_printf ("%s: line 6: no readable date (“Smarch 3, 2024”)", entry);
  bad_id = g_strdup_printf ("%s: line 7: the post id is not a number (“1.85600000000001E+18”)",
                            entry);
  no_id = g_strdup_printf ("%s: the row on line 8 has no post id", entry);
  g_assert_cmpuint (sink->skipped->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, bad_date);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, bad_id);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==, no_id);
}

static void
assert_overview_gains (RapportTestSink *sink)
{
  /* Newest day first, as the file has them; August 13 has neither figure. */
  g_assert_cmpuint (sink->gains->len, ==, 4);
  assert_gain (sink, 0, AUG_15_2026, 5, 2);
  assert_gain (sink, 1, 1786665600 /* 2026-08-14 */, 3, RAPPORT_COUNT_UNKNOWN);
  assert_gain (sink, 2, 1786492800 /* 2026-08-12 */, 0, 4);
  assert_gain (sink, 3, 1786233600 /* 2026-08-09 */, 1204, 0);
}

static void
assert_overview_skips (RapportTestSink *sink,
                       const char      *entry)
{
  g_autofree char *bad_date = NULL;
  g_autofree char *bad_count = NULL;

  bad_date = g_strdup_printf ("%s: line 6: no readable date (“Smarch 11, 2026”)", entry);
  bad_count = g_strdup_printf ("%s: line 7: no readable count of new follows (“lots”)", entry);
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, bad_date);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, bad_count);
}

/* The content export of 2025– alone: the account from the posts' addresses, and the export's
 * date from its newest day, since the name holds the range it covers. */
static void
test_content (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (CONTENT_CSV);

  g_assert_cmpstr (sink->handle, ==, "JoDoe");
  g_assert_null (sink->platform_id);
  g_assert_false (sink->provisional);

  assert_content_posts (sink, "JoDoe");
  assert_content_skips (sink, CONTENT_CSV);
  g_assert_cmpuint (sink->gains->len, ==, 0);

  g_assert_cmpint (sink->exported_at, ==, NOV_10_2024);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* The early-2025 variant: other column names, dates without commas, CRLF. */
static void
test_content_early (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (EARLY_CSV);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "JoDoe");
  g_assert_false (sink->provisional);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  post = find_post (sink, "1890000000000000001");
  assert_post (post, RAPPORT_POST_TEXT, 1739750400 /* 2025-02-17 */, 1500, 25, 80, 4, 1, 3, 6);
  g_assert_cmpstr (post->text, ==, "Two lines\r\nin one post #Early");
  g_assert_cmpstr (post->url, ==, "https://x.com/JoDoe/status/1890000000000000001");
  g_assert_true (rapport_test_post_has_hashtag (post, "early"));

  post = find_post (sink, "1889000000000000002");
  assert_post (post, RAPPORT_POST_REPOST, 1739577600 /* 2025-02-15 */, 300, 0, 5, 0, 0, 0, 0);

  g_assert_cmpint (sink->exported_at, ==, 1739750400);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* The account overview in a folder whose name says whose it is and when it was made; the file
 * alone takes the same from the folder it sits in. */
static void
test_overview (void)
{
  g_autofree char *file = g_build_filename (OVERVIEW_FOLDER, OVERVIEW_CSV, NULL);
  const char *paths[] = { OVERVIEW_FOLDER, file };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RapportTestSink) sink = import_fixture (paths[i]);

      g_assert_cmpstr (sink->handle, ==, "jodoe");
      g_assert_false (sink->provisional);
      g_assert_cmpuint (sink->posts->len, ==, 0);
      g_assert_cmpuint (sink->counts->len, ==, 0);
      assert_overview_gains (sink);
      assert_overview_skips (sink, OVERVIEW_CSV);

      /* The name's day, since nothing inside is newer. */
      g_assert_cmpint (sink->exported_at, ==, 1786838400); /* 2026-08-16 */
      g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
    }
}

/* Files that name no one: a stand-in made of the name, marked provisional, and addresses
 * without a user. */
static void
test_provisional (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *overview = fixture_text (OVERVIEW_FOLDER "/" OVERVIEW_CSV);
  g_autofree char *overview_path = g_build_filename (dir, "overview.csv", NULL);
  g_autofree char *content_path = g_build_filename (dir, "content.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (overview_path, overview, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportTestSink) sink = import_path (overview_path);

    g_assert_cmpstr (sink->handle, ==, "overview");
    g_assert_true (sink->provisional);
    assert_overview_gains (sink);
    g_assert_cmpint (sink->exported_at, ==, AUG_15_2026);
    g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  }

  g_file_set_contents (content_path,
                       "Post id,Date,Post text,Post Link,Impressions,Likes\n"
                       "1856000000000000010,\"Sun, Nov 10, 2024\",Hello,,70,\n"
                       "1856000000000000020,\"Sun, Nov 10, 2024\",Bye,https://x.com/i/status/"
                       "1856000000000000020,5,1", -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportTestSink) sink = import_path (content_path);
    const RapportPost *post;

    g_assert_cmpstr (sink->handle, ==, "content");
    g_assert_true (sink->provisional);
    g_assert_cmpuint (sink->posts->len, ==, 2);
    post = find_post (sink, "1856000000000000010");
    g_assert_cmpstr (post->url, ==, "https://x.com/i/status/1856000000000000010");
    g_assert_cmpint (post->impressions, ==, 70);
    g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
    g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
    post = find_post (sink, "1856000000000000020");
    g_assert_cmpstr (post->url, ==, "https://x.com/i/status/1856000000000000020");
  }

  rapport_test_remove_tree (dir);
}

/* Both exports zipped together, and next to an X archive: the archive names the account and
 * reads them too. */
static void
test_zipped (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *exports_zip = g_build_filename (dir, "analytics.zip", NULL);
  g_autofree char *archive_zip = g_build_filename (dir, "twitter-backup.zip", NULL);
  g_autofree char *content = fixture_text (CONTENT_CSV);
  g_autofree char *overview = fixture_text (OVERVIEW_FOLDER "/" OVERVIEW_CSV);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (exports_zip, "zip",
                              "analytics/content.csv", content,
                              "analytics/overview.csv", overview,
                              NULL);
  {
    g_autoptr(RapportTestSink) sink = import_path (exports_zip);

    g_assert_cmpstr (sink->handle, ==, "JoDoe");
    g_assert_false (sink->provisional);
    assert_content_posts (sink, "JoDoe");
    assert_overview_gains (sink);
    g_assert_cmpuint (sink->skipped->len, ==, 5);
    g_assert_cmpint (sink->exported_at, ==, AUG_15_2026);
  }

  rapport_test_write_archive (archive_zip, "zip",
                              "backup/data/account.js",
                              "window.YTD.account.part0 = [{\"account\": {\"username\": "
                              "\"Jo_Doe\", \"accountId\": \"1187654321\"}}]",
                              "backup/content.csv", content,
                              "backup/overview.csv", overview,
                              NULL);
  archive = rapport_archive_open (archive_zip, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_twitter_recognizes (archive));
  {
    g_autoptr(RapportTestSink) sink = import_path (archive_zip);

    g_assert_cmpstr (sink->handle, ==, "Jo_Doe");
    g_assert_cmpstr (sink->platform_id, ==, "1187654321");
    /* The links name the user too; the address is the one of the link. */
    assert_content_posts (sink, "JoDoe");
    assert_overview_gains (sink);
    g_assert_cmpint (sink->exported_at, ==, AUG_15_2026);
    g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  }

  rapport_test_remove_tree (dir);
}

/* The exports are found by their header, and only theirs. */
static void
test_detect (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *content_path = fixture_path (CONTENT_CSV);
  g_autofree char *other_path = g_build_filename (dir, "Overview.csv", NULL);
  g_autoptr(RapportArchive) content = NULL;
  g_autoptr(RapportArchive) other = NULL;
  g_autoptr(GError) error = NULL;

  content = rapport_archive_open (content_path, &error);
  g_assert_no_error (error);
  /* Not an archive: found by the last row of the importers table. */
  g_assert_false (rapport_twitter_recognizes (content));
  g_assert_true (rapport_twitter_analytics_recognizes (content));

  /* TikTok Studio's overview has a Date and counts, but no follows and unfollows. */
  g_file_set_contents (other_path, "Date,Video Views,Profile Views,Likes,Comments,Shares\n"
                       "\"February 28\",\"10\",\"1\",\"2\",\"0\",\"0\"", -1, &error);
  g_assert_no_error (error);
  other = rapport_archive_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_twitter_analytics_recognizes (other));

  rapport_test_remove_tree (dir);
}

/* A quote that never closes: the import fails and names the file. */
static void
test_bad_input (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "content.csv", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Post id,Date,Post text,Post Link,Impressions\n"
                       "1856000000000000010,\"Sun, Nov 10, 2024\",\"Never closed,,70\n", -1,
                       &error);
  g_assert_no_error (error);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_twitter_analytics_recognizes (archive));
  g_assert_false (rapport_twitter_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, "content.csv");
  rapport_test_assert_contains (error->message, "line 2");
  g_assert_cmpuint (sink->posts->len, ==, 0);

  rapport_test_remove_tree (dir);
}

static const RapportDatasetPost *
find_stored_post (RapportDataset *dataset,
                  const char     *platform_id)
{
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, platform_id))
        return post;
    }
  g_assert_not_reached ();
}

static gint64
import_into (RapportStore *store,
             const char   *path)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  return summary.account_id;
}

/* The archive, then the content export: the archive's posts get the counts and keep their
 * exact times, and the post only the export knows becomes a post of the account. */
static void
test_join (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "fixtures", "twitter",
                                                    "archive-2024", NULL);
  g_autofree char *content = fixture_path (CONTENT_CSV);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) before = NULL;
  g_autoptr(RapportDataset) after = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetPost *post;
  gint64 account_id;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  account_id = import_into (store, archive);
  before = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (import_into (store, content), ==, account_id);
  after = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->posts->len, ==, before->posts->len + 1);

  /* 2024-11-09 12:14:18, the photo: its time and type stay, the counts are the export's. */
  post = find_stored_post (after, "1855269123456789012");
  g_assert_cmpint (post->created_at, ==, 1731154458);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_cmpint (post->impressions, ==, 2633);
  g_assert_cmpint (post->likes, ==, 14);
  g_assert_cmpint (post->shares, ==, 4);
  g_assert_cmpint (post->saves, ==, 5);
  g_assert_cmpint (post->replies, ==, 3);
  g_assert_cmpint (post->engagements, ==, 160);
  g_assert_cmpint (post->follows, ==, 1);

  /* 2024-10-28 10:00, the reply: the export does not count its likes, the archive's stay. */
  post = find_stored_post (after, "1849000000000000005");
  g_assert_cmpint (post->created_at, ==, 1730109600);
  g_assert_cmpint (post->likes, ==, 2);
  g_assert_cmpint (post->impressions, ==, 90);

  /* Only in the export: a post of its day. */
  post = find_stored_post (after, "1856000000000000010");
  g_assert_cmpint (post->created_at, ==, NOV_10_2024);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->impressions, ==, 1700);
  g_assert_cmpstr (post->url, ==, "https://x.com/JoDoe/status/1856000000000000010");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* The other order: the archive's exact time replaces the day the export stored; another
 * export's day does not. */
static void
test_join_reversed (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "fixtures", "twitter",
                                                    "archive-2024", NULL);
  g_autofree char *content = fixture_path (CONTENT_CSV);
  g_autofree char *other_folder = g_build_filename (dir, "x-JoDoe-2024-11-11", NULL);
  g_autofree char *other_day = g_build_filename (other_folder, "content.csv", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetPost *post;
  gint64 account_id;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  account_id = import_into (store, content);
  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_stored_post (dataset, "1855269123456789012")->created_at, ==,
                   NOV_09_2024);
  g_clear_pointer (&dataset, rapport_dataset_free);

  /* Another day for the same post from a file of days: a day never replaces a stored time. */
  g_assert_cmpint (g_mkdir (other_folder, 0700), ==, 0);
  g_file_set_contents (other_day, "Post id,Date,Post text,Post Link,Impressions\n"
                       "1855269123456789012,\"Fri, Nov 8, 2024\",,,2700", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import_into (store, other_day), ==, account_id);
  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  post = find_stored_post (dataset, "1855269123456789012");
  g_assert_cmpint (post->created_at, ==, NOV_09_2024);
  g_assert_cmpint (post->impressions, ==, 2700);
  g_clear_pointer (&dataset, rapport_dataset_free);

  g_assert_cmpint (import_into (store, archive), ==, account_id);
  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  post = find_stored_post (dataset, "1855269123456789012");
  g_assert_cmpint (post->created_at, ==, 1731154458);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_cmpint (post->impressions, ==, 2700);
  /* The export's own post keeps its day: no archive knows it. */
  g_assert_cmpint (find_stored_post (dataset, "1856000000000000010")->created_at, ==,
                   NOV_10_2024);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/twitter-analytics/content", test_content);
  g_test_add_func ("/twitter-analytics/content-early", test_content_early);
  g_test_add_func ("/twitter-analytics/overview", test_overview);
  g_test_add_func ("/twitter-analytics/provisional", test_provisional);
  g_test_add_func ("/twitter-analytics/zipped", test_zipped);
  g_test_add_func ("/twitter-analytics/detect", test_detect);
  g_test_add_func ("/twitter-analytics/bad-input", test_bad_input);
  g_test_add_func ("/twitter-analytics/join", test_join);
  g_test_add_func ("/twitter-analytics/join-reversed", test_join_reversed);

  return g_test_run ();
}
