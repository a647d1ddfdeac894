/* test-meta-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's per-post CSVs for Instagram and Facebook.  Every expected value is read by hand from
 * the fixtures in fixtures/meta/; the Unix times were checked with
 * `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-meta-analytics.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define RECENT_CSV "May-25-2026_Jun-21-2026_17841400000000001.csv"
#define OLDER_CSV "Jan-01-2024_Jun-30-2024_17841400000000001.csv"
#define FACEBOOK_CSV "May-25-2026_Jun-21-2026_100000000000001.csv"

static char *
fixture_path (const char *first,
              const char *second)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", first, second, NULL);
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
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path ("meta", name);
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_meta_analytics_recognizes (archive));
  g_assert_true (rapport_meta_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  return g_steal_pointer (&sink);
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
assert_counts (const RapportPost *post,
               gint64             views,
               gint64             reach,
               gint64             likes,
               gint64             shares,
               gint64             follows,
               gint64             comments,
               gint64             saves)
{
  g_assert_cmpint (post->views, ==, views);
  g_assert_cmpint (post->reach, ==, reach);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->shares, ==, shares);
  g_assert_cmpint (post->follows, ==, follows);
  g_assert_cmpint (post->comments, ==, comments);
  g_assert_cmpint (post->saves, ==, saves);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->replies, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_true (post->minute_only);
}

/* BOM, CRLF line ends, a caption over two lines, a quoted count, an error row. */
static void
test_posts (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (RECENT_CSV);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->platform_id, ==, "17841400000000001");
  g_assert_cmpstr (sink->display_name, ==, "Jo Doe");
  g_assert_false (sink->provisional);

  /* The name's end date, 2026-06-21: nothing inside is newer. */
  g_assert_cmpint (sink->exported_at, ==, 1782000000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  g_assert_cmpuint (sink->posts->len, ==, 3);

  post = find_post (sink, "18000000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  /* 2026-05-26 10:23 */
  g_assert_cmpint (post->created_at, ==, 1779790980);
  g_assert_cmpstr (post->text, ==, "Morning light #Sunrise\nwith @alice_dev, again");
  g_assert_cmpstr (post->url, ==, "https://www.instagram.com/p/AbC123/");
  g_assert_true (rapport_test_post_has_hashtag (post, "sunrise"));
  g_assert_true (rapport_test_post_has_mention (post, "alice_dev"));
  assert_counts (post, 1520, 1210, 87, 4, 2, 9, 11);

  post = find_post (sink, "18000000000000002");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REEL);
  /* 2026-06-02 18:05 */
  g_assert_cmpint (post->created_at, ==, 1780423500);
  g_assert_cmpstr (post->text, ==, "Reel \"take two\", finally");
  g_assert_cmpstr (post->url, ==, "https://www.instagram.com/reel/DeF456/");
  /* "--" and an empty field are unknown; "10,482" has a thousands separator. */
  assert_counts (post, 10482, 8311, 402, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN, 31, 57);

  post = find_post (sink, "18000000000000003");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_CAROUSEL);
  /* 2026-06-15 07:00 */
  g_assert_cmpint (post->created_at, ==, 1781506800);
  g_assert_null (post->text);
  assert_counts (post, RAPPORT_COUNT_UNKNOWN, 0, 5, 0, 0, 0, 1);

  /* The row Meta could not fill, with its reason. */
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "line 5 has no post id: Error: the data of this post is not "
                                "available");
}

/* Another version's column order, LF line ends. */
static void
test_column_order (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (OLDER_CSV);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  /* 2024-06-30 */
  g_assert_cmpint (sink->exported_at, ==, 1719705600);
  g_assert_cmpuint (sink->posts->len, ==, 4);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  post = find_post (sink, "17900000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  /* 2024-05-01 10:00 */
  g_assert_cmpint (post->created_at, ==, 1714557600);
  g_assert_cmpstr (post->text, ==, "Morning run #RunningMan\n#5k with @Anna_B and @dora.d.");
  g_assert_cmpstr (post->url, ==, "https://www.instagram.com/p/Run5k/");
  assert_counts (post, 900, 700, 120, 3, 1, 14, 6);

  post = find_post (sink, "17900000000000002");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_CAROUSEL);
  assert_counts (post, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN, 44, RAPPORT_COUNT_UNKNOWN,
                 0, 2, RAPPORT_COUNT_UNKNOWN);

  post = find_post (sink, "17900000000000003");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REEL);
  assert_counts (post, 5000, 4100, 310, 12, 7, 25, 40);

  post = find_post (sink, "17900000000000004");
  /* 2024-06-20 12:30 */
  g_assert_cmpint (post->created_at, ==, 1718886600);
  assert_counts (post, 80, 75, 9, 0, 0, 1, 0);
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

/* No row names the account: the file's name stands in.  No date in the name: the newest
 * publish time.  A Facebook file, with the same three columns, is not this export. */
static void
test_provisional (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "posts.csv", NULL);
  g_autofree char *facebook = g_build_filename (dir, "facebook.csv", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  write_file (dir, "posts.csv",
              "Post ID,Publish time,Permalink,Post type,Likes\n"
              "1,05/26/2026 10:23,https://www.instagram.com/p/A/,IG image,3\n"
              "2,05/27/2026 08:00,https://www.instagram.com/p/B/,IG video,\n"
              "3,yesterday,https://www.instagram.com/p/C/,IG image,1\n");
  write_file (dir, "facebook.csv",
              "Post ID,Page ID,Page name,Publish time,Permalink\n"
              "1,2,Jo,05/26/2026 10:23,https://www.facebook.com/1\n");

  archive = open_path (path);
  g_assert_true (rapport_meta_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sink->handle, ==, "posts");
  g_assert_true (sink->provisional);
  g_assert_null (sink->platform_id);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpint (find_post (sink, "1")->likes, ==, 3);
  g_assert_cmpint (find_post (sink, "2")->type, ==, RAPPORT_POST_VIDEO);
  /* 2026-05-27 08:00 */
  g_assert_cmpint (sink->exported_at, ==, 1779868800);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0), "post 3");
  g_clear_object (&archive);

  archive = open_path (facebook);
  g_assert_false (rapport_meta_analytics_recognizes (archive));
  g_assert_true (rapport_meta_analytics_recognizes_facebook (archive));
  g_assert_cmpint (rapport_import_detect (archive, NULL, NULL), ==, RAPPORT_PLATFORM_FACEBOOK);

  rapport_test_remove_tree (dir);
}

/* The importers table sends the CSV here, and X's analytics CSV still to the X importer. */
static void
test_detect (void)
{
  g_autofree char *meta = fixture_path ("meta", RECENT_CSV);
  g_autofree char *twitter = g_test_build_filename (G_TEST_DIST, "fixtures", "twitter",
    "analytics", "tweet_activity_metrics_jo_doe_20241001_20241110_en.csv", NULL);
  g_autoptr(RapportArchive) meta_archive = open_path (meta);
  g_autoptr(RapportArchive) twitter_archive = open_path (twitter);
  RapportImportFunc func = NULL;

  g_assert_cmpint (rapport_import_detect (meta_archive, &func, NULL), ==,
                   RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_true (func == rapport_meta_analytics_import);
  g_assert_false (rapport_meta_analytics_recognizes (twitter_archive));
  g_assert_cmpint (rapport_import_detect (twitter_archive, NULL, NULL), ==,
                   RAPPORT_PLATFORM_TWITTER);
}

static RapportTestSink *
import_facebook (const char *path)
{
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;
  RapportImportFunc func = NULL;

  g_assert_false (rapport_meta_analytics_recognizes (archive));
  g_assert_true (rapport_meta_analytics_recognizes_facebook (archive));
  g_assert_cmpint (rapport_import_detect (archive, &func, NULL), ==, RAPPORT_PLATFORM_FACEBOOK);
  g_assert_true (func == rapport_meta_analytics_import_facebook);
  g_assert_true (rapport_meta_analytics_import_facebook (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_FACEBOOK);
  return g_steal_pointer (&sink);
}

static void
assert_facebook_counts (const RapportPost *post,
                        gint64             views,
                        gint64             reach,
                        gint64             engagements,
                        gint64             reactions,
                        gint64             comments,
                        gint64             shares)
{
  g_assert_cmpint (post->views, ==, views);
  g_assert_cmpint (post->reach, ==, reach);
  g_assert_cmpint (post->engagements, ==, engagements);
  g_assert_cmpint (post->likes, ==, reactions);
  g_assert_cmpint (post->comments, ==, comments);
  g_assert_cmpint (post->shares, ==, shares);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_true (post->minute_only);
}

/* 32 columns, "Reactions" twice, a caption over two lines, a shared post, an error row and a
 * row of another page. */
static void
test_facebook (void)
{
  g_autofree char *path = fixture_path ("meta", "facebook" G_DIR_SEPARATOR_S FACEBOOK_CSV);
  g_autoptr(RapportTestSink) sink = import_facebook (path);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "Jo Doe Studio");
  g_assert_cmpstr (sink->platform_id, ==, "100000000000001");
  g_assert_cmpstr (sink->display_name, ==, "Jo Doe Studio");
  g_assert_false (sink->provisional);
  /* 2026-06-21, the end of the name's range. */
  g_assert_cmpint (sink->exported_at, ==, 1782000000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  /* Alone, the file reads no Follows.csv. */
  g_assert_cmpuint (sink->gains->len, ==, 0);

  g_assert_cmpuint (sink->posts->len, ==, 3);

  post = find_post (sink, "1000000000000101");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  /* 2026-05-26 10:23 */
  g_assert_cmpint (post->created_at, ==, 1779790980);
  g_assert_cmpstr (post->text, ==, "Open studio day #Art with @mira.k");
  g_assert_cmpstr (post->url, ==,
                   "https://www.facebook.com/100000000000001/posts/1000000000000101");
  g_assert_true (rapport_test_post_has_hashtag (post, "art"));
  g_assert_true (rapport_test_post_has_mention (post, "mira.k"));
  /* The first "Reactions" (80), not the last one (3). */
  assert_facebook_counts (post, 2400, 1800, 96, 80, 9, 7);

  post = find_post (sink, "1000000000000102");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REEL);
  /* 2026-06-02 18:05 */
  g_assert_cmpint (post->created_at, ==, 1780423500);
  g_assert_cmpstr (post->text, ==, "Behind the scenes\nof the shoot");
  assert_facebook_counts (post, 12345, 9000, 410, 350, 35, 25);

  /* "Is share": the page shared someone else's post. */
  post = find_post (sink, "1000000000000104");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPOST);
  /* 2026-06-10 08:00 */
  g_assert_cmpint (post->created_at, ==, 1781078400);
  assert_facebook_counts (post, RAPPORT_COUNT_UNKNOWN, 300, 12, 10, 2, 0);

  g_assert_null (rapport_test_sink_find_post (sink, "2000000000000105"));
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                FACEBOOK_CSV ": the row on line 5 has no post id: Error: data is "
                                "not available for this post");
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 1),
                                "post 2000000000000105 belongs to another account");
}

/* The folder of the export: the posts, the Facebook follows of Follows.csv beside them, and
 * the Instagram block said to be another account's. */
static void
test_facebook_folder (void)
{
  g_autofree char *path = fixture_path ("meta", "facebook");
  g_autoptr(RapportTestSink) sink = import_facebook (path);
  const RapportFollowerGain *gain;

  g_assert_cmpstr (sink->handle, ==, "Jo Doe Studio");
  g_assert_cmpuint (sink->posts->len, ==, 3);
  g_assert_cmpuint (sink->gains->len, ==, 1);
  gain = &g_array_index (sink->gains, RapportFollowerGain, 0);
  /* 2026-05-26 */
  g_assert_cmpint (gain->day, ==, 1779753600);
  g_assert_cmpint (gain->gained, ==, 2);
  g_assert_cmpint (gain->lost, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpuint (sink->skipped->len, ==, 3);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 2),
                                "Follows.csv: the Instagram follows on line 6 belong to another "
                                "account than this Facebook one");
}

/* An older file: the reach under its insights name, impressions, no views; no row names the
 * page, so the file's name stands in. */
static void
test_facebook_older (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "page-posts.csv", NULL);
  g_autoptr(RapportTestSink) sink = NULL;
  const RapportPost *post;

  write_file (dir, "page-posts.csv",
              "Post ID,Page ID,Page name,Description,Publish time,Permalink,Post type,"
              "Data comment,Date,IMPRESSION:UNIQUE_USERS,Impressions,Reactions,Comments,Shares\n"
              "11,,,Hello,03/04/2024 09:15,https://www.facebook.com/11,Photo,,Lifetime,"
              "120,150,8,1,0\n"
              "12,,,,03/05/2024 25:00,https://www.facebook.com/12,Video,,Lifetime,1,1,1,1,1\n");

  sink = import_facebook (path);
  g_assert_cmpstr (sink->handle, ==, "page-posts");
  g_assert_true (sink->provisional);
  g_assert_null (sink->platform_id);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = find_post (sink, "11");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  /* 2024-03-04 09:15 */
  g_assert_cmpint (post->created_at, ==, 1709543700);
  g_assert_cmpint (post->reach, ==, 120);
  g_assert_cmpint (post->impressions, ==, 150);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->engagements, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->likes, ==, 8);
  g_assert_cmpint (post->comments, ==, 1);
  g_assert_cmpint (post->shares, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "post 12 has no readable publish time");

  rapport_test_remove_tree (dir);
}

static const RapportDatasetPost *
find_stored_post (RapportDataset *dataset,
                  gint64          created_at)
{
  const RapportDatasetPost *found = NULL;

  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (post->created_at == created_at)
        {
          g_assert_null (found);
          found = post;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
import_ok (RapportStore         *store,
           const char           *path,
           RapportImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, summary, NULL, &error));
  g_assert_no_error (error);
}

/* The data export keys its posts by creation time; the CSV's rows join them by the minute of
 * their publish time, and only the post the export lacks is added. */
static void
test_join_instagram (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *instagram = fixture_path ("instagram", "2024");
  g_autofree char *csv = fixture_path ("meta", OLDER_CSV);
  g_auto(RapportImportSummary) first = { 0 };
  g_auto(RapportImportSummary) second = { 0 };
  g_autoptr(RapportDataset) before = NULL;
  g_autoptr(RapportDataset) after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetPost *post;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);

  import_ok (store, instagram, &first);
  g_assert_cmpstr (first.handle, ==, "jo.doe");
  before = rapport_store_load_dataset (store, first.account_id, &error);
  g_assert_no_error (error);

  import_ok (store, csv, &second);
  g_assert_cmpint (second.account_id, ==, first.account_id);
  after = rapport_store_load_dataset (store, first.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->posts->len, ==, before->posts->len + 1);

  /* 2024-05-01 10:00: the photo keeps its id, time and type and gains the CSV's counts. */
  post = find_stored_post (after, 1714557600);
  g_assert_cmpstr (post->platform_id, ==, "1714557600");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_cmpstr (post->url, ==, "https://www.instagram.com/p/Run5k/");
  g_assert_cmpint (post->views, ==, 900);
  g_assert_cmpint (post->reach, ==, 700);
  g_assert_cmpint (post->likes, ==, 120);
  g_assert_cmpint (post->comments, ==, 14);
  g_assert_cmpint (post->shares, ==, 3);
  g_assert_cmpint (post->saves, ==, 6);
  g_assert_cmpint (post->follows, ==, 1);

  post = find_stored_post (after, 1715162400);
  g_assert_cmpstr (post->platform_id, ==, "1715162400");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_CAROUSEL);
  g_assert_cmpint (post->likes, ==, 44);
  g_assert_cmpint (post->comments, ==, 2);

  /* 2024-06-11 10:00, the reel. */
  post = find_stored_post (after, 1718100000);
  g_assert_cmpstr (post->platform_id, ==, "1718100000");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REEL);
  g_assert_cmpint (post->views, ==, 5000);
  g_assert_cmpint (post->saves, ==, 40);

  /* Only in the CSV: kept under Meta's id. */
  post = find_stored_post (after, 1718886600);
  g_assert_cmpstr (post->platform_id, ==, "17900000000000004");
  g_assert_cmpint (post->likes, ==, 9);
  g_assert_cmpint (post->views, ==, 80);

  /* The CSV again: the same posts, nothing added. */
  {
    g_auto(RapportImportSummary) third = { 0 };
    g_autoptr(RapportDataset) again = NULL;
    g_autofree char *copy = g_build_filename (dir, OLDER_CSV, NULL);
    g_autofree char *content = NULL;
    gsize len;

    /* A later export of the same posts: one view more. */
    g_assert_true (g_file_get_contents (csv, &content, &len, NULL));
    strstr (content, ",80,75,")[2] = '1';
    g_assert_true (g_file_set_contents (copy, content, len, NULL));
    import_ok (store, copy, &third);
    g_assert_false (third.already_imported);
    again = rapport_store_load_dataset (store, first.account_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->posts->len, ==, after->posts->len);
    g_assert_cmpint (find_stored_post (again, 1718886600)->views, ==, 81);
  }

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meta-analytics/posts", test_posts);
  g_test_add_func ("/meta-analytics/column-order", test_column_order);
  g_test_add_func ("/meta-analytics/provisional", test_provisional);
  g_test_add_func ("/meta-analytics/detect", test_detect);
  g_test_add_func ("/meta-analytics/join-instagram", test_join_instagram);
  g_test_add_func ("/meta-analytics/facebook", test_facebook);
  g_test_add_func ("/meta-analytics/facebook-folder", test_facebook_folder);
  g_test_add_func ("/meta-analytics/facebook-older", test_facebook_older);

  return g_test_run ();
}
