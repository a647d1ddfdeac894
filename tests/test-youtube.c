/* test-youtube.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/youtube/; the Unix
 * times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-youtube-importer.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define TAKEOUT_2023 "takeout-20241001T101500Z-001"
#define TAKEOUT_2022 "takeout-20220815T120000Z-001"
#define STUDIO       "Content 2024-09-01_2024-09-30 Mira Makes"

#define SEP_02_1600 G_GINT64_CONSTANT (1725292800)
#define SEP_12_1730 G_GINT64_CONSTANT (1726162200)
#define SEP_21_1000 G_GINT64_CONSTANT (1726912800)
#define SEP_02      G_GINT64_CONSTANT (1725235200)
#define SEP_12      G_GINT64_CONSTANT (1726099200)
#define SEP_21      G_GINT64_CONSTANT (1726876800)
#define SEP_27      G_GINT64_CONSTANT (1727395200)
#define SEP_28      G_GINT64_CONSTANT (1727481600)
#define SEP_29      G_GINT64_CONSTANT (1727568000)
#define SEP_30      G_GINT64_CONSTANT (1727654400)
#define OCT_01      G_GINT64_CONSTANT (1727740800)

#define UNKNOWN RAPPORT_COUNT_UNKNOWN

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "youtube", name, NULL);
}

/* Imports @path through detection, which must pick @expected. */
static RapportTestSink *
import_path (const char        *path,
             RapportImportFunc  expected)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_YOUTUBE);
  g_assert_no_error (error);
  g_assert_true (import_func == expected);
  g_assert_true (import_func (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_YOUTUBE);
  return g_steal_pointer (&sink);
}

static RapportTestSink *
import_fixture (const char        *name,
                RapportImportFunc  expected)
{
  g_autofree char *path = fixture_path (name);

  return import_path (path, expected);
}

static void
assert_post (RapportTestSink *sink,
             const char      *id,
             gint64           created_at,
             const char      *title,
             gint64           views,
             gint64           likes,
             gint64           comments)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);
  g_autofree char *url = g_strconcat ("https://www.youtube.com/watch?v=", id, NULL);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_VIDEO);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpstr (post->text, ==, title);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_cmpint (post->views, ==, views);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->comments, ==, comments);
}

static void
assert_skipped (RapportTestSink *sink,
                guint            index,
                const char      *text)
{
  g_assert_cmpuint (index, <, sink->skipped->len);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, index), ==, text);
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

/* The 2023– layout: the channel names the account; private and unlisted videos stay, a
 * draft and a deleted video do not, playlists and comments are passed over in silence. */
static void
test_takeout_2023 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (TAKEOUT_2023, rapport_youtube_import);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "Mira Makes");
  g_assert_cmpstr (sink->display_name, ==, "Mira Makes");
  g_assert_cmpstr (sink->platform_id, ==, "UCmiraMakes0000000000000");
  g_assert_false (sink->provisional);

  g_assert_cmpuint (sink->posts->len, ==, 3);
  assert_post (sink, "Kiln0pen001", SEP_02_1600, "Kiln opening #pottery",
               UNKNOWN, UNKNOWN, UNKNOWN);
  assert_post (sink, "Glaze_Test2", SEP_12_1730, "Glaze test tiles", UNKNOWN, UNKNOWN, UNKNOWN);
  assert_post (sink, "Trim-Bowl03", SEP_21_1000, "Trimming a bowl", UNKNOWN, UNKNOWN, UNKNOWN);
  post = rapport_test_sink_find_post (sink, "Kiln0pen001");
  g_assert_true (rapport_test_post_has_hashtag (post, "pottery"));
  g_assert_null (rapport_test_sink_find_post (sink, "DraftVideo4"));
  g_assert_null (rapport_test_sink_find_post (sink, "GoneVideo05"));

  /* Subscriptions are the channels followed; there is no subscriber list. */
  g_assert_false (sink->has_follower_list);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_cmpstr (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                    "UCstudioNord000000000000")->handle,
                   ==, "Studio Nord");
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "Clay Collective"));
  g_assert_cmpuint (sink->counts->len, ==, 0);

  /* The video with an unreadable time is on line 8: the description before spans two. */
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  assert_skipped (sink, 0, "video metadata/videos.csv: line 8: no readable publish time "
                           "(“yesterday”)");
  assert_skipped (sink, 1, "subscriptions/subscriptions.csv: line 4: no channel id "
                           "(“Nameless”)");

  g_assert_cmpint (sink->exported_at, ==, OCT_01);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* The 2022 layout: other folder and header case, like and view counts, no channel.csv. */
static void
test_takeout_2022 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (TAKEOUT_2022, rapport_youtube_import);

  g_assert_cmpstr (sink->handle, ==, TAKEOUT_2022);
  g_assert_true (sink->provisional);
  g_assert_null (sink->platform_id);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  /* date -u -d "2022-03-04 05:06:07 UTC" +%s, and 2022-05-06 07:08:09 */
  assert_post (sink, "Old_Video01", 1646370367, "First throw on the wheel", 340, 12, UNKNOWN);
  assert_post (sink, "Old_Video02", 1651820889, "Glaze disaster #fail",
               UNKNOWN, UNKNOWN, UNKNOWN);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  /* 2022-08-15 from the name. */
  g_assert_cmpint (sink->exported_at, ==, 1660521600);
}

/* One Takeout file opened on its own: its name is the stand-in. */
static void
test_takeout_single_file (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "youtube",
                                            TAKEOUT_2023, "Takeout", "YouTube and YouTube Music",
                                            "subscriptions", "subscriptions.csv", NULL);
  g_autoptr(RapportTestSink) sink = import_path (path, rapport_youtube_import);

  g_assert_cmpstr (sink->handle, ==, "subscriptions");
  g_assert_true (sink->provisional);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_cmpuint (sink->posts->len, ==, 0);
}

/* Table data with its Total row, Chart data for a video Table data does not list, the net
 * daily change in Totals.csv and the cumulative Subscribers.csv with a day missing. */
static void
test_studio (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (STUDIO, rapport_youtube_studio_import);
  const RapportPost *post;

  /* The zip's (here the folder's) name ends in the channel's title. */
  g_assert_cmpstr (sink->handle, ==, "Mira Makes");
  g_assert_false (sink->provisional);
  g_assert_null (sink->platform_id);

  g_assert_cmpuint (sink->posts->len, ==, 3);
  assert_post (sink, "Kiln0pen001", SEP_02, "Kiln opening #pottery", 3100, 250, 20);
  post = rapport_test_sink_find_post (sink, "Kiln0pen001");
  g_assert_cmpint (post->impressions, ==, 35000);
  g_assert_cmpint (post->shares, ==, 15);
  g_assert_cmpint (post->follows, ==, 33);
  assert_post (sink, "Glaze_Test2", SEP_12, "Glaze test tiles", 2130, 152, 17);
  g_assert_cmpint (rapport_test_sink_find_post (sink, "Glaze_Test2")->follows, ==, 15);
  /* Only from Chart data: its day and title, no counts. */
  assert_post (sink, "Trim-Bowl03", SEP_21, "Trimming a bowl", UNKNOWN, UNKNOWN, UNKNOWN);
  g_assert_cmpint (rapport_test_sink_find_post (sink, "Trim-Bowl03")->impressions, ==,
                   UNKNOWN);
  g_assert_null (rapport_test_sink_find_post (sink, "Total"));

  g_assert_cmpuint (sink->gains->len, ==, 3);
  assert_gain (sink, 0, SEP_28, 5, 0);
  assert_gain (sink, 1, SEP_29, 0, 2);
  assert_gain (sink, 2, SEP_30, 0, 0);

  g_assert_cmpuint (sink->counts->len, ==, 3);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 0).at, ==, SEP_27);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 0).count, ==, 1200);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 1).count, ==, 1205);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 2).at, ==, SEP_30);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 2).count, ==, 1203);
  g_assert_cmpint (g_array_index (sink->counts, RapportFollowerCount, 2).source, ==,
                   RAPPORT_COUNT_SOURCE_ANALYTICS);

  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  g_assert_cmpint (sink->exported_at, ==, SEP_30);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* One file opened alone: the folder it sits in names the channel. */
static void
test_studio_single_file (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "youtube",
                                            STUDIO, "Subscribers.csv", NULL);
  g_autoptr(RapportTestSink) sink = import_path (path, rapport_youtube_studio_import);

  g_assert_cmpstr (sink->handle, ==, "Mira Makes");
  g_assert_false (sink->provisional);
  g_assert_cmpuint (sink->counts->len, ==, 3);
  g_assert_cmpuint (sink->posts->len, ==, 0);
}

/* Re-saved by a spreadsheet: CRLF, day-first dates, fewer columns, bad rows. */
static void
test_studio_resaved (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("studio-resaved",
                                                    rapport_youtube_studio_import);

  g_assert_cmpstr (sink->handle, ==, "studio-resaved");
  g_assert_true (sink->provisional);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_post (sink, "Kiln0pen001", SEP_02, "Kiln opening #pottery", 600, UNKNOWN, UNKNOWN);
  assert_post (sink, "Trim-Bowl03", SEP_21, "Trimming a bowl", UNKNOWN, UNKNOWN, UNKNOWN);
  g_assert_cmpint (rapport_test_sink_find_post (sink, "Kiln0pen001")->follows, ==, UNKNOWN);

  /* Gained subscribers alone: the losses are not known. */
  g_assert_cmpuint (sink->gains->len, ==, 2);
  assert_gain (sink, 0, SEP_28, 4, UNKNOWN);
  assert_gain (sink, 1, SEP_30, 3, UNKNOWN);
  g_assert_cmpuint (sink->counts->len, ==, 0);

  g_assert_cmpuint (sink->skipped->len, ==, 3);
  assert_skipped (sink, 0, "Table data.csv: line 4: no video id (“not-an-id”)");
  assert_skipped (sink, 1, "Table data.csv: line 5: no readable publish time (“31-02-2024”)");
  assert_skipped (sink, 2, "Totals.csv: line 5: no readable date (“Smarch 3”)");

  g_assert_cmpint (sink->exported_at, ==, SEP_30);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

static gint64
import_into (RapportStore *store,
             const char   *name)
{
  g_autofree char *path = fixture_path (name);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  return summary.account_id;
}

/* The Takeout, then the Studio export of the same channel: one account, the Takeout's times
 * and the Studio's counts on the same videos, the subscriber totals as real points. */
static void
test_join (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  account_id = import_into (store, TAKEOUT_2023);
  g_assert_cmpint (import_into (store, STUDIO), ==, account_id);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);

  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dataset->platform, ==, RAPPORT_PLATFORM_YOUTUBE);
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, "Kiln0pen001"))
        {
          /* The Takeout's time stays; Studio knows the day only. */
          g_assert_cmpint (post->created_at, ==, SEP_02_1600);
          g_assert_cmpstr (post->text, ==, "Kiln opening #pottery");
          g_assert_cmpint (post->views, ==, 3100);
          g_assert_cmpint (post->impressions, ==, 35000);
          g_assert_cmpint (post->likes, ==, 250);
          g_assert_cmpint (post->comments, ==, 20);
          g_assert_cmpint (post->shares, ==, 15);
          g_assert_cmpint (post->follows, ==, 33);
        }
      else if (g_str_equal (post->platform_id, "Glaze_Test2"))
        {
          g_assert_cmpint (post->created_at, ==, SEP_12_1730);
          g_assert_cmpint (post->views, ==, 2130);
          g_assert_cmpint (post->likes, ==, 152);
        }
      else
        {
          /* Chart data adds no counts to a video the Takeout has. */
          g_assert_cmpstr (post->platform_id, ==, "Trim-Bowl03");
          g_assert_cmpint (post->created_at, ==, SEP_21_1000);
          g_assert_cmpint (post->views, ==, UNKNOWN);
          g_assert_cmpint (post->likes, ==, UNKNOWN);
        }
    }

  g_assert_cmpuint (dataset->counts->len, ==, 3);
  for (guint i = 0; i < dataset->counts->len; i++)
    {
      const RapportFollowerCount *count = &g_array_index (dataset->counts,
                                                          RapportFollowerCount, i);
      const gint64 days[] = { SEP_27, SEP_28, SEP_30 };
      const gint64 totals[] = { 1200, 1205, 1203 };

      g_assert_cmpint (count->at, ==, days[i]);
      g_assert_cmpint (count->count, ==, totals[i]);
      g_assert_cmpint (count->source, ==, RAPPORT_COUNT_SOURCE_ANALYTICS);
    }

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Writes @content as @name in a new folder "<dir>/@folder". */
static char *
write_export (const char *dir,
              const char *folder,
              const char *name,
              const char *content)
{
  g_autofree char *path = g_build_filename (dir, folder, NULL);
  g_autofree char *file_path = g_build_filename (path, name, NULL);
  g_autofree char *parent = g_path_get_dirname (file_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (file_path, content, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A range that began after a video was published counts only part of its life: its counts
 * are left out, said once, and the video is still a post; a video of the range keeps them. */
static void
test_studio_partial_range (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *source = fixture_path (STUDIO G_DIR_SEPARATOR_S "Table data.csv");
  g_autofree char *table = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (source, &table, NULL, &error));
  folder = write_export (dir, "Content 2024-09-10_2024-09-30 Mira Makes", "Table data.csv",
                         table);
  sink = import_path (folder, rapport_youtube_studio_import);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_post (sink, "Kiln0pen001", SEP_02, "Kiln opening #pottery", UNKNOWN, UNKNOWN, UNKNOWN);
  g_assert_cmpint (rapport_test_sink_find_post (sink, "Kiln0pen001")->follows, ==, UNKNOWN);
  assert_post (sink, "Glaze_Test2", SEP_12, "Glaze test tiles", 2130, 152, 17);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  assert_skipped (sink, 0, "Table data.csv: the counts cover the exported range only, not the "
                           "lifetime of 1 video published before it; export the Lifetime range "
                           "for its counts");
  rapport_test_remove_tree (dir);
}

/* A file that cannot be read stops the import with its name and line, and changes nothing. */
static void
assert_refused (const char *folder,
                const char *name,
                const char *content,
                const char *message)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = write_export (dir, folder, name, content);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, message);
  g_clear_object (&store);
  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);
  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  assert_refused ("studio", "Table data.csv",
                  "Content,Video title,Video publish time,Views\n"
                  "Kiln0pen001,\"Kiln opening,Sep 2,3\n",
                  "Table data.csv");
  assert_refused ("takeout", "Takeout/YouTube and YouTube Music/video metadata/videos.csv",
                  "Video ID,Video Title (Original),Video Publish Timestamp\n"
                  "Kiln0pen001,\"Kiln opening,2024-09-02T16:00:00+00:00\n",
                  "videos.csv");
}

/* What is not YouTube's is left to the others, and the importers called directly say what
 * they looked for. */
static void
test_not_youtube (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = write_export (dir, "other", "Table data.csv", "Name,Value\na,1\n");
  /* Videos without a time are no Takeout's, subscriptions without channels neither. */
  g_autofree char *videos = write_export (dir, "other", "videos.csv", "ID,Title\n1,a\n");
  g_autofree char *subscriptions = write_export (dir, "other", "subscriptions.csv",
                                                 "Channel ID,Name\n1,a\n");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_youtube_recognizes (archive));
  g_assert_false (rapport_youtube_studio_recognizes (archive));

  g_assert_false (rapport_youtube_studio_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==, "other: there is no Table data.csv, Chart data.csv, "
                   "Totals.csv or Subscribers.csv of YouTube Studio in it");
  g_clear_error (&error);
  g_assert_false (rapport_youtube_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==, "other: there is no channel.csv, videos.csv or "
                   "subscriptions.csv of a YouTube Takeout in it");
  g_assert_cmpuint (sink->n_set_account, ==, 0);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/youtube/takeout-2023", test_takeout_2023);
  g_test_add_func ("/youtube/takeout-2022", test_takeout_2022);
  g_test_add_func ("/youtube/takeout-single-file", test_takeout_single_file);
  g_test_add_func ("/youtube/studio", test_studio);
  g_test_add_func ("/youtube/studio-single-file", test_studio_single_file);
  g_test_add_func ("/youtube/studio-resaved", test_studio_resaved);
  g_test_add_func ("/youtube/studio-partial-range", test_studio_partial_range);
  g_test_add_func ("/youtube/join", test_join);
  g_test_add_func ("/youtube/bad-input", test_bad_input);
  g_test_add_func ("/youtube/not-youtube", test_not_youtube);

  return g_test_run ();
}
