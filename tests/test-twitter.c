/* test-twitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/twitter/; the Unix
 * times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-twitter-importer.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "twitter", name, NULL);
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

static RapportArchive *
open_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return open_path (path);
}

static RapportTestSink *
import_ok (RapportArchive *archive)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_twitter_recognizes (archive));
  g_assert_true (rapport_twitter_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_TWITTER);
  return g_steal_pointer (&sink);
}

static GError *
import_fails (RapportArchive *archive)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  GError *error = NULL;

  g_assert_true (rapport_twitter_recognizes (archive));
  g_assert_false (rapport_twitter_import (archive, &sink->parent, NULL, &error));
  g_assert_nonnull (error);
  return error;
}

/* Compares a whole NULL-terminated list, in order; NULL and an empty list both mean none. */
static void
assert_strv (const char * const *list,
             const char * const *expected)
{
  guint n = list != NULL ? g_strv_length ((char **) list) : 0;

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (list[i], ==, expected[i]);
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
               gint64             likes,
               gint64             shares)
{
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->shares, ==, shares);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->replies, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->engagements, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);
}

static void
write_file (const char *dir,
            const char *name,
            const char *content)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
}

static const char account_js[] =
  "window.YTD.account.part0 = [\n"
  "  {\n"
  "    \"account\" : {\n"
  "      \"username\" : \"JoDoe\",\n"
  "      \"accountId\" : \"1187654321\",\n"
  "      \"accountDisplayName\" : \"Jo Doe\"\n"
  "    }\n"
  "  }\n"
  "]\n";

static void
test_recognizes (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *single = g_build_filename (dir, "tweets.js", NULL);
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *analytics = fixture_path ("analytics");
  g_autofree char *csv = g_build_filename (analytics,
                                           "tweet_activity_metrics_jo_doe_20241001_20241110_en.csv",
                                           NULL);
  g_autoptr(RapportArchive) archive_2024 = open_fixture ("archive-2024");
  g_autoptr(RapportArchive) archive_2021 = open_fixture ("archive-2021");
  g_autoptr(RapportArchive) csv_archive = open_path (csv);
  g_autoptr(RapportArchive) single_archive = NULL;
  g_autoptr(RapportArchive) other_archive = NULL;

  g_assert_true (rapport_twitter_recognizes (archive_2024));
  g_assert_true (rapport_twitter_recognizes (archive_2021));
  g_assert_true (rapport_twitter_recognizes (csv_archive));

  write_file (dir, "tweets.js", "window.YTD.tweets.part0 = [ ]");
  single_archive = open_path (single);
  g_assert_true (rapport_twitter_recognizes (single_archive));

  /* What people keep of an archive: the parts of tweets.js, or an old archive's months. */
  {
    g_autofree char *parts = g_build_filename (dir, "parts", NULL);
    g_autofree char *months = g_build_filename (dir, "months", NULL);
    g_autoptr(RapportArchive) parts_archive = NULL;
    g_autoptr(RapportArchive) months_archive = NULL;

    write_file (parts, "data/tweets-part2.js", "window.YTD.tweets.part2 = [ ]");
    write_file (months, "data/js/tweets/2017_03.js", "Grailbird.data.tweets_2017_03 = [ ]");
    write_file (months, "data/js/tweets/2017_04.js", "Grailbird.data.tweets_2017_04 = [ ]");
    parts_archive = open_path (parts);
    months_archive = open_path (months);
    g_assert_true (rapport_twitter_recognizes (parts_archive));
    g_assert_true (rapport_twitter_recognizes (months_archive));
  }

  write_file (other, "data/posts.js", "[]");
  write_file (other, "tweets.js.txt", "[]");
  write_file (other, "metrics.csv", "a,b\n");
  other_archive = open_path (other);
  g_assert_false (rapport_twitter_recognizes (other_archive));

  rapport_test_remove_tree (dir);
}

static void
test_archive_2024 (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("archive-2024");
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;
  const RapportInteraction *interaction;
  const RapportRelation *relation;

  g_assert_cmpstr (sink->handle, ==, "JoDoe");
  g_assert_cmpstr (sink->platform_id, ==, "1187654321");
  g_assert_cmpstr (sink->display_name, ==, "Jo Doe");

  /* generationDate 2024-11-10T08:15:42.123Z */
  g_assert_cmpint (sink->exported_at, ==, 1731226542);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);

  /* Six readable posts of eight, in file order: tweets.js, then tweets-part1.js. */
  g_assert_cmpuint (sink->posts->len, ==, 6);
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, 0))->platform_id, ==,
                   "1855269123456789012");
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, 3))->platform_id, ==,
                   "1852000000000000003");
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, 5))->platform_id, ==,
                   "1849000000000000005");

  post = find_post (sink, "1855269123456789012");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_PHOTO);
  g_assert_cmpint (post->created_at, ==, 1731154458);
  g_assert_cmpstr (post->text, ==,
                   "Sunset over the bay #GNOME #Photography with @Alice_Dev & friends "
                   "\xF0\x9F\x8C\x85 #gnome https://t.co/AbCdEf1234");
  g_assert_cmpstr (post->url, ==, "https://x.com/JoDoe/status/1855269123456789012");
  assert_counts (post, 12, 3);
  assert_strv (post->hashtags, (const char * const[]) { "gnome", "photography", NULL });
  assert_strv (post->mentions, (const char * const[]) { "alice_dev", NULL });

  post = find_post (sink, "1854000000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (post->created_at, ==, 1731056400);
  g_assert_cmpstr (post->text, ==, "@Bob Thanks, that helps!");
  assert_counts (post, 1, 0);
  assert_strv (post->hashtags, (const char * const[]) { NULL });
  assert_strv (post->mentions, (const char * const[]) { "bob", NULL });

  post = find_post (sink, "1853000000000000002");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPOST);
  g_assert_cmpint (post->created_at, ==, 1730831400);
  assert_counts (post, 0, 25);
  assert_strv (post->mentions, (const char * const[]) { "carol", NULL });

  /* The long post: full text and tags from note-tweet.js, not the draft of the same second. */
  post = find_post (sink, "1852000000000000003");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1730619910);
  g_assert_cmpstr (post->text, ==,
                   "Building GNOME apps in C taught me three things & all of them are about "
                   "patience.\n\nFirst, read the docs. Second, read the source. Third, ask "
                   "@gnome_dev before you guess. #LongReads");
  assert_counts (post, 40, 4);
  assert_strv (post->hashtags, (const char * const[]) { "longreads", NULL });
  assert_strv (post->mentions, (const char * const[]) { "gnome_dev", NULL });

  post = find_post (sink, "1850000000000000004");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_VIDEO);
  g_assert_cmpint (post->created_at, ==, 1730412300);
  assert_counts (post, 7, 1);
  assert_strv (post->hashtags, (const char * const[]) { "spooky", NULL });

  post = find_post (sink, "1849000000000000005");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (post->created_at, ==, 1730109600);
  assert_counts (post, 2, 0);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "data/tweets-part1.js: item 3 is a post without an id");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "data/tweets-part1.js: post 1848000000000000007 has no readable date");

  /* One comment on someone else's post (the self-reply is a thread), then the two likes. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  interaction = g_ptr_array_index (sink->interactions, 0);
  g_assert_cmpint (interaction->kind, ==, RAPPORT_INTERACTION_COMMENT);
  g_assert_cmpstr (interaction->target_handle, ==, "bob");
  g_assert_cmpint (interaction->at, ==, 1731056400);
  g_assert_cmpstr (interaction->text, ==, "@Bob Thanks, that helps!");
  for (guint i = 1; i < 3; i++)
    {
      interaction = g_ptr_array_index (sink->interactions, i);
      g_assert_cmpint (interaction->kind, ==, RAPPORT_INTERACTION_LIKE);
      g_assert_null (interaction->target_handle);
      g_assert_cmpint (interaction->at, ==, 0);
      g_assert_null (interaction->text);
    }

  g_assert_true (sink->has_follower_list);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->followers->len, ==, 3);
  g_assert_cmpuint (sink->following->len, ==, 2);
  relation = rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "2244994945");
  g_assert_nonnull (relation);
  g_assert_null (relation->handle);
  g_assert_cmpint (relation->since, ==, 0);
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "44196397"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "783214"));
}

static void
test_archive_2021 (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("archive-2021");
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "sam_writes");
  g_assert_cmpstr (sink->platform_id, ==, "98765");
  g_assert_cmpstr (sink->display_name, ==, "Sam");

  /* No manifest: the newest post, Sun Mar 14 15:09:26 2021. */
  g_assert_cmpint (sink->exported_at, ==, 1615734566);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = find_post (sink, "1371134000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1615734566);
  g_assert_cmpstr (post->url, ==, "https://x.com/sam_writes/status/1371134000000000001");
  assert_counts (post, 9, 2);
  assert_strv (post->hashtags, (const char * const[]) { "writing", NULL });

  post = find_post (sink, "1344784000000000002");
  g_assert_cmpint (post->created_at, ==, 1609459199);
  g_assert_cmpstr (post->text, ==, "Goodbye, 2020 <3");
  assert_counts (post, 0, 0);

  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->interactions->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_analytics (void)
{
  g_autofree char *dir = fixture_path ("analytics");
  g_autofree char *path = g_build_filename (dir,
                                            "tweet_activity_metrics_jo_doe_20241001_20241110_en.csv",
                                            NULL);
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;

  /* Without account.js the user comes from the file name, underscores and all. */
  g_assert_cmpstr (sink->handle, ==, "jo_doe");
  g_assert_null (sink->platform_id);
  g_assert_null (sink->display_name);

  /* 2024-11-09 12:14 +0000, the newest row. */
  g_assert_cmpint (sink->exported_at, ==, 1731154440);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = find_post (sink, "1855269123456789012");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1731154440);
  g_assert_cmpstr (post->url, ==, "https://twitter.com/jo_doe/status/1855269123456789012");
  g_assert_cmpstr (post->text, ==,
                   "Sunset over the bay #GNOME #Photography with @Alice_Dev & friends "
                   "https://t.co/AbCdEf1234");
  g_assert_cmpint (post->impressions, ==, 2633);
  g_assert_cmpint (post->engagements, ==, 120);
  g_assert_cmpint (post->shares, ==, 3);
  g_assert_cmpint (post->replies, ==, 2);
  g_assert_cmpint (post->likes, ==, 12);
  g_assert_cmpint (post->follows, ==, 1);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
  assert_strv (post->hashtags, (const char * const[]) { "gnome", "photography", NULL });
  assert_strv (post->mentions, (const char * const[]) { "alice_dev", NULL });

  post = find_post (sink, "1854500000000000000");
  g_assert_cmpint (post->created_at, ==, 1730997600);
  g_assert_cmpstr (post->text, ==, "Line one\nLine two with \"quotes\", a comma #Multi");
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->engagements, ==, 7);
  g_assert_cmpint (post->shares, ==, 0);
  g_assert_cmpint (post->replies, ==, 1);
  g_assert_cmpint (post->likes, ==, 5);
  g_assert_cmpint (post->follows, ==, 0);
  assert_strv (post->hashtags, (const char * const[]) { "multi", NULL });

  g_assert_false (sink->has_follower_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_analytics_old (void)
{
  g_autofree char *dir = fixture_path ("analytics");
  g_autofree char *path = g_build_filename (dir,
                                            "tweet_activity_metrics_JoDoe_20190101_20190201_en.csv",
                                            NULL);
  g_autoptr(RapportArchive) archive = open_path (path);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "JoDoe");
  g_assert_cmpint (sink->exported_at, ==, 1548977520);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = find_post (sink, "1090752000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (post->created_at, ==, 1548977520);
  g_assert_cmpint (post->impressions, ==, 310);
  g_assert_cmpint (post->likes, ==, 4);
  assert_strv (post->mentions, (const char * const[]) { "bob", NULL });

  /* "favorites" is the old name of "likes"; the file has a BOM, CRLF and no final newline. */
  post = find_post (sink, "1085062000000000002");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1547535900);
  g_assert_cmpstr (post->text, ==, "New year, new camera #photography");
  g_assert_cmpint (post->likes, ==, 31);
  g_assert_cmpint (post->shares, ==, 5);
  g_assert_cmpint (post->replies, ==, 3);
  g_assert_cmpint (post->engagements, ==, 77);
  g_assert_cmpint (post->follows, ==, 2);
}

/* The user name in an analytics file's name: underscores anywhere, with or without language. */
static void
test_analytics_names (void)
{
  static const struct
  {
    const char *file;
    const char *user;
  } cases[] = {
    { "tweet_activity_metrics__jo_x_20190101_20190201_en.csv", "_jo_x" },
    { "tweet_activity_metrics_jo_20190101_20190201.csv", "jo" },
    { "tweet_activity_metrics_Jo_2019_20190101_20190201_pt-br.csv", "Jo_2019" },
  };
  static const char csv[] =
    "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"likes\"\n"
    "\"1\",\"\",\"fine\",\"2019-01-31 23:32 +0000\",\"4.0\"\n"
    "\"\",\"\",\"no id\",\"2019-01-31 23:32 +0000\",\"4.0\"\n"
    "\"3\",\"\",\"bad date\",\"yesterday\",\"4.0\"\n";
  g_autofree char *dir = rapport_test_make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/case%u", dir, i);
      g_autofree char *path = g_build_filename (folder, cases[i].file, NULL);
      g_autofree char *url = g_strdup_printf ("https://x.com/%s/status/1", cases[i].user);
      g_autofree char *skip_id = g_strdup_printf ("%s: the row on line 3 has no post id", cases[i].file);
      g_autofree char *skip_date = g_strdup_printf ("%s: post 3 has no readable date", cases[i].file);
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(RapportTestSink) sink = NULL;

      write_file (folder, cases[i].file, csv);
      archive = open_path (path);
      sink = import_ok (archive);
      g_assert_cmpstr (sink->handle, ==, cases[i].user);
      g_assert_cmpuint (sink->posts->len, ==, 1);
      /* Without a permalink the post's address is made from the user name. */
      g_assert_cmpstr (find_post (sink, "1")->url, ==, url);
      g_assert_cmpint (find_post (sink, "1")->likes, ==, 4);
      g_assert_cmpuint (sink->skipped->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, skip_id);
      g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, skip_date);
    }

  /* A name without the dates gives no user, and there is no account.js either: the file's
   * name stands in, and the posts' addresses need none. */
  {
    g_autofree char *folder = g_build_filename (dir, "no-dates", NULL);
    g_autofree char *path = g_build_filename (folder, "tweet_activity_metrics_export.csv", NULL);
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (folder, "tweet_activity_metrics_export.csv", csv);
    archive = open_path (path);
    sink = import_ok (archive);
    g_assert_cmpstr (sink->handle, ==, "tweet_activity_metrics_export");
    g_assert_true (sink->provisional);
    g_assert_cmpstr (find_post (sink, "1")->url, ==, "https://x.com/i/status/1");
  }

  rapport_test_remove_tree (dir);
}

/* Records of the wrong shape are named and skipped; the rest is imported. */
static void
test_odd_records (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  write_file (dir, "data/account.js", account_js);
  write_file (dir, "data/tweets.js",
              "window.YTD.tweets.part0 = [ 5, { \"tweet\" : { \"id_str\" : \"9\","
              " \"created_at\" : \"Sat Nov 09 12:14:18 +0000 2024\", \"full_text\" : \"\","
              " \"favorite_count\" : \"-\", \"retweet_count\" : 2.0 } } ]");
  write_file (dir, "data/like.js",
              "window.YTD.like.part0 = [ { \"like\" : { } }, { \"like\" : { \"tweetId\" : \"1\" } } ]");
  write_file (dir, "data/note-tweet.js",
              "window.YTD.note_tweet.part0 = [ { \"noteTweet\" : { \"createdAt\" : \"2024-11-09T12:14:18.000Z\" } } ]");
  archive = open_path (dir);
  sink = import_ok (archive);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  g_assert_null (find_post (sink, "9")->text);
  g_assert_cmpint (find_post (sink, "9")->type, ==, RAPPORT_POST_TEXT);
  assert_counts (find_post (sink, "9"), RAPPORT_COUNT_UNKNOWN, 2);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  g_assert_cmpuint (sink->skipped->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "data/note-tweet.js: item 1 is not a readable long post");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==, "data/tweets.js: item 1 is not a post");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==, "data/like.js: item 1 is not a liked post");

  rapport_test_remove_tree (dir);
}

/* An analytics file inside an archive whose account.js names the account. */
static void
test_analytics_in_archive (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *zip = g_build_filename (dir, "twitter-export.zip", NULL);
  g_autofree char *csv_path = fixture_path ("analytics/tweet_activity_metrics_jo_doe_20241001_20241110_en.csv");
  g_autofree char *csv = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  rapport_test_write_archive (zip, "zip",
                              "export/data/account.js", account_js,
                              "export/tweet_activity_metrics_jo_doe_20241001_20241110_en.csv", csv,
                              NULL);
  archive = open_path (zip);
  sink = import_ok (archive);

  g_assert_cmpstr (sink->handle, ==, "JoDoe");
  g_assert_cmpstr (sink->platform_id, ==, "1187654321");
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpint (find_post (sink, "1855269123456789012")->impressions, ==, 2633);

  rapport_test_remove_tree (dir);
}

/* Archives from 2019 hold bare post objects, without the {"tweet": …} wrapper. */
static void
test_bare_posts (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  const RapportPost *post;

  write_file (dir, "data/account.js", account_js);
  write_file (dir, "data/tweet.js",
              "window.YTD.tweet.part0 = [ {\n"
              "  \"retweeted\" : false,\n"
              "  \"entities\" : {\n"
              "    \"hashtags\" : [ { \"text\" : \"Old\", \"indices\" : [ \"5\", \"9\" ] } ],\n"
              "    \"user_mentions\" : [ ]\n"
              "  },\n"
              "  \"favorite_count\" : \"5\",\n"
              "  \"id_str\" : \"1100000000000000001\",\n"
              "  \"retweet_count\" : \"1\",\n"
              "  \"created_at\" : \"Mon Feb 25 08:00:00 +0000 2019\",\n"
              "  \"full_text\" : \"Test #Old\"\n"
              "} ]\n");
  archive = open_path (dir);
  sink = import_ok (archive);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = find_post (sink, "1100000000000000001");
  g_assert_cmpint (post->created_at, ==, 1551081600);
  assert_counts (post, 5, 1);
  assert_strv (post->hashtags, (const char * const[]) { "old", NULL });

  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  {
    g_autoptr(RapportArchive) archive = open_fixture ("bad/truncated");
    g_autoptr(GError) error = import_fails (archive);

    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "data/tweets.js: the list is cut off after 2 items (the file is incomplete)");
  }
  {
    g_autoptr(RapportArchive) archive = open_fixture ("bad/object-root");
    g_autoptr(GError) error = import_fails (archive);

    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "data/tweets.js: a list was expected, but the file holds a single object (line 1)");
  }
  {
    g_autofree char *path = fixture_path ("bad/unterminated/tweet_activity_metrics_jo_20190101_20190201_en.csv");
    g_autoptr(RapportArchive) archive = open_path (path);
    g_autoptr(GError) error = import_fails (archive);

    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "tweet_activity_metrics_jo_20190101_20190201_en.csv: a quoted field that "
                     "starts on line 3 never ends");
  }
}

static void
test_missing_parts (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *single_dir = g_build_filename (dir, "single", NULL);
  g_autofree char *single = g_build_filename (single_dir, "tweets.js", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *no_name = g_build_filename (dir, "no-name", NULL);
  g_autofree char *csv = g_build_filename (dir, "columns", NULL);

  /* A lone tweets.js does not say whose posts these are: its folder's name stands in. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (single_dir, "tweets.js",
                "window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : \"5\","
                " \"created_at\" : \"Sat Nov 09 12:14:18 +0000 2024\","
                " \"full_text\" : \"hi\" } } ]");
    archive = open_path (single);
    sink = import_ok (archive);
    g_assert_cmpstr (sink->handle, ==, "single");
    g_assert_null (sink->platform_id);
    g_assert_true (sink->provisional);
    g_assert_cmpuint (sink->posts->len, ==, 1);
    g_assert_cmpstr (find_post (sink, "5")->url, ==, "https://x.com/i/status/5");
  }

  /* An account and nothing else. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(GError) error = NULL;

    write_file (empty, "data/account.js", account_js);
    write_file (empty, "data/manifest.js", "window.__THAR_CONFIG = { }");
    archive = open_path (empty);
    error = import_fails (archive);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==,
                     "empty: the archive holds no posts, followers, followed accounts or likes");
  }

  /* account.js without a user name: the account's id is enough to know whose it is. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (no_name, "data/account.js",
                "window.YTD.account.part0 = [ { \"account\" : { \"accountId\" : \"1\" } } ]");
    write_file (no_name, "data/follower.js", "window.YTD.follower.part0 = [ ]");
    archive = open_path (no_name);
    sink = import_ok (archive);
    g_assert_null (sink->handle);
    g_assert_cmpstr (sink->platform_id, ==, "1");
    g_assert_false (sink->provisional);
    g_assert_cmpuint (sink->skipped->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                     "data/account.js: the account’s user name is missing");
  }

  /* An analytics file without the post id column. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(GError) error = NULL;

    write_file (csv, "tweet_activity_metrics_jo_20190101_20190201_en.csv",
                "\"Tweet permalink\",\"time\"\n\"x\",\"2019-01-31 23:32 +0000\"\n");
    archive = open_path (csv);
    error = import_fails (archive);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "tweet_activity_metrics_jo_20190101_20190201_en.csv: the column “Tweet id” "
                     "is missing");
  }

  rapport_test_remove_tree (dir);
}

static void
test_date_fallbacks (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *named = g_build_filename (dir, "twitter-2023-05-06-a1b2c3", NULL);
  g_autofree char *unnamed = g_build_filename (dir, "export", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken-manifest", NULL);

  /* Followers only and no manifest: the date in the archive's name. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (named, "data/account.js", account_js);
    write_file (named, "data/follower.js", "window.YTD.follower.part0 = [ ]");
    archive = open_path (named);
    sink = import_ok (archive);
    g_assert_cmpint (sink->exported_at, ==, 1683331200);
    g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
    /* An empty list is still a list. */
    g_assert_true (sink->has_follower_list);
    g_assert_false (sink->has_following_list);
    g_assert_cmpuint (sink->followers->len, ==, 0);
  }

  /* Nothing else to go by: the folder's modification time. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (unnamed, "data/account.js", account_js);
    write_file (unnamed, "data/following.js",
                "window.YTD.following.part0 = [ { \"following\" : { \"accountId\" : \"7\" } },"
                " { \"following\" : { \"userLink\" : \"https://twitter.com/intent/user?user_id=\" } } ]");
    archive = open_path (unnamed);
    sink = import_ok (archive);
    g_assert_cmpint (sink->exported_at, ==, rapport_archive_get_mtime (archive));
    g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_FILE_TIME);
    g_assert_cmpuint (sink->following->len, ==, 1);
    g_assert_cmpuint (sink->skipped->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                     "data/following.js: item 2 is an account without an id");
  }

  /* A broken manifest and profile cost only the date and are named; the posts still count. */
  {
    g_autoptr(RapportArchive) archive = NULL;
    g_autoptr(RapportTestSink) sink = NULL;

    write_file (broken, "data/account.js", account_js);
    write_file (broken, "data/manifest.js", "window.__THAR_CONFIG = {\n  \"archiveInfo\" : {");
    write_file (broken, "data/profile.js", "window.YTD.profile.part0 = [ { ]");
    write_file (broken, "data/tweets.js",
                "window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : \"5\","
                " \"created_at\" : \"Sat Nov 09 12:14:18 +0000 2024\", \"full_text\" : \"hi\" } } ]");
    archive = open_path (broken);
    sink = import_ok (archive);
    g_assert_cmpint (sink->exported_at, ==, 1731154458);
    g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
    g_assert_cmpuint (sink->posts->len, ==, 1);
    g_assert_cmpint (find_post (sink, "5")->likes, ==, RAPPORT_COUNT_UNKNOWN);
    g_assert_cmpuint (sink->skipped->len, ==, 2);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (sink->skipped, 0), "data/manifest.js: "));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (sink->skipped, 1), "data/profile.js: "));
  }

  rapport_test_remove_tree (dir);
}

/* A generated tweets.js of about 20 MB: every post arrives, in file order. */
static void
test_big_archive (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(GString) tweets = g_string_new ("window.YTD.tweets.part0 = [\n");
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  g_autofree char *path = NULL;
  const guint n = 20000;
  gboolean in_order = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (tweets,
        "  {\n"
        "    \"tweet\" : {\n"
        "      \"edit_info\" : {\n"
        "        \"initial\" : {\n"
        "          \"editTweetIds\" : [\n"
        "            \"%u\"\n"
        "          ],\n"
        "          \"editableUntil\" : \"2024-11-09T13:14:18.000Z\",\n"
        "          \"editsRemaining\" : \"5\",\n"
        "          \"isEditEligible\" : false\n"
        "        }\n"
        "      },\n"
        "      \"retweeted\" : false,\n"
        "      \"source\" : \"<a href=\\\"https://mobile.twitter.com\\\" rel=\\\"nofollow\\\">Twitter Web App</a>\",\n"
        "      \"entities\" : {\n"
        "        \"hashtags\" : [\n"
        "          {\n"
        "            \"text\" : \"tag%u\",\n"
        "            \"indices\" : [\n"
        "              \"10\",\n"
        "              \"16\"\n"
        "            ]\n"
        "          }\n"
        "        ],\n"
        "        \"symbols\" : [ ],\n"
        "        \"user_mentions\" : [ ],\n"
        "        \"urls\" : [ ]\n"
        "      },\n"
        "      \"display_text_range\" : [\n"
        "        \"0\",\n"
        "        \"120\"\n"
        "      ],\n"
        "      \"favorite_count\" : \"%u\",\n"
        "      \"id_str\" : \"%u\",\n"
        "      \"truncated\" : false,\n"
        "      \"retweet_count\" : \"0\",\n"
        "      \"id\" : \"%u\",\n"
        "      \"created_at\" : \"Sat Nov 09 12:14:18 +0000 2024\",\n"
        "      \"favorited\" : false,\n"
        "      \"full_text\" : \"Post number %u says [hello] to \\\"everyone\\\" \\\\ with a long enough text to look real\",\n"
        "      \"lang\" : \"en\"\n"
        "    }\n"
        "  }%s\n",
        1000000 + i, i % 7, i % 100, 1000000 + i, 1000000 + i, i, i + 1 < n ? "," : "");
    }
  g_string_append (tweets, "]\n");
  g_assert_cmpuint (tweets->len, >, 20 * 1000 * 1000);

  write_file (dir, "data/account.js", account_js);
  write_file (dir, "data/tweets.js", tweets->str);
  path = g_strdup (dir);
  archive = open_path (path);
  sink = import_ok (archive);

  g_assert_cmpuint (sink->posts->len, ==, n);
  for (guint i = 0; i < n && in_order; i++)
    {
      const RapportPost *post = g_ptr_array_index (sink->posts, i);
      g_autofree char *id = g_strdup_printf ("%u", 1000000 + i);
      g_autofree char *tag = g_strdup_printf ("tag%u", i % 7);

      in_order = g_str_equal (post->platform_id, id) && post->likes == i % 100 &&
                 g_str_equal (post->hashtags[0], tag) && post->hashtags[1] == NULL;
    }
  g_assert_true (in_order);
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, n - 1))->text, ==,
                   "Post number 19999 says [hello] to \"everyone\" \\ with a long enough text to look real");

  rapport_test_remove_tree (dir);
}

/* The handle of the relation with id @id in @direction; NULL when it has none. */
static const char *
relation_handle (RapportTestSink  *sink,
                 RapportDirection  direction,
                 const char       *id)
{
  const RapportRelation *relation = rapport_test_sink_find_relation (sink, direction, id);

  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->platform_id, ==, id);
  return relation->handle;
}

/* No account.js: the manifest's userInfo names the account.  The follow lists' ids are named by
 * the posts: 1001 by a mention (renamed since: the newest name wins), 1002 only by a reply
 * without a mention entity, 1003 and 1004 by nothing. */
static void
test_manifest_identity (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("no-account");
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportInteraction *interaction;

  g_assert_cmpstr (sink->handle, ==, "river_notes");
  g_assert_cmpstr (sink->platform_id, ==, "3141592653");
  g_assert_cmpstr (sink->display_name, ==, "River Notes");
  g_assert_false (sink->provisional);

  /* generationDate 2025-02-03T10:20:30.000Z */
  g_assert_cmpint (sink->exported_at, ==, 1738578030);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);

  g_assert_cmpuint (sink->posts->len, ==, 4);
  g_assert_cmpint (find_post (sink, "1883000000000000002")->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (find_post (sink, "1882000000000000003")->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpstr (find_post (sink, "1881000000000000004")->url, ==,
                   "https://x.com/river_notes/status/1881000000000000004");
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  /* The reply to @tomas_k; the one to the account's own post is a thread. */
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  interaction = g_ptr_array_index (sink->interactions, 0);
  g_assert_cmpint (interaction->kind, ==, RAPPORT_INTERACTION_COMMENT);
  g_assert_cmpstr (interaction->target_handle, ==, "tomas_k");
  g_assert_cmpint (interaction->at, ==, 1737567900);

  g_assert_cmpuint (sink->followers->len, ==, 3);
  g_assert_cmpstr (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWER, "1001"), ==, "Mira_Builds");
  g_assert_cmpstr (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWER, "1002"), ==, "tomas_k");
  g_assert_null (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWER, "1003"));
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_cmpstr (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWING, "1001"), ==, "Mira_Builds");
  g_assert_null (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWING, "1004"));
}

/* Neither account.js nor manifest.js: the folder's name stands in for the account. */
static void
test_provisional (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("old-x-backup");
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "old-x-backup");
  g_assert_null (sink->platform_id);
  g_assert_null (sink->display_name);
  g_assert_true (sink->provisional);

  /* No date in the name: the newest post, Sat Jun 15 12:00:00 2019. */
  g_assert_cmpint (sink->exported_at, ==, 1560600000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = find_post (sink, "1139900000000000001");
  g_assert_cmpint (post->created_at, ==, 1560600000);
  /* A stand-in name makes no address: the post's id alone does. */
  g_assert_cmpstr (post->url, ==, "https://x.com/i/status/1139900000000000001");
  assert_counts (post, 3, 0);
  assert_strv (post->hashtags, (const char * const[]) { "sketch", NULL });

  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_null (relation_handle (sink, RAPPORT_DIRECTION_FOLLOWER, "2001"));
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* An archive from before 2019: month files, user_details.js and payload_details.js. */
static void
test_grailbird (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("grailbird");
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportInteraction *interaction;
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "ola_sketches");
  g_assert_cmpstr (sink->platform_id, ==, "271828");
  g_assert_cmpstr (sink->display_name, ==, "Ola Sketches");
  g_assert_false (sink->provisional);

  /* payload_details.js: "2017-05-02 18:30:00 +0000". */
  g_assert_cmpint (sink->exported_at, ==, 1493749800);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_PAYLOAD_DETAILS);

  /* Six posts in the two month files, March first; the last of April repeats one of March. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, 0))->platform_id, ==,
                   "847000000000000001");
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, 2))->platform_id, ==,
                   "855000000000000004");

  post = find_post (sink, "847000000000000001");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1491004799);
  g_assert_cmpstr (post->text, ==, "Morning sketch #drawing");
  g_assert_cmpstr (post->url, ==, "https://x.com/ola_sketches/status/847000000000000001");
  /* Archives of that time carry no counts. */
  assert_counts (post, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN);
  assert_strv (post->hashtags, (const char * const[]) { "drawing", NULL });

  /* A midnight-only time is still a time. */
  g_assert_cmpint (find_post (sink, "842000000000000000")->created_at, ==, 1489536000);

  post = find_post (sink, "855000000000000004");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPOST);
  g_assert_cmpint (post->created_at, ==, 1492681777);

  /* A manual retweet: "RT @" and no retweeted_status. */
  post = find_post (sink, "853000000000000003");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPOST);
  g_assert_cmpint (post->created_at, ==, 1491984000);
  assert_strv (post->mentions, (const char * const[]) { "sam_ink", NULL });

  post = find_post (sink, "851000000000000002");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpstr (post->text, ==, "@pia_draws love the colours & the paper");

  g_assert_cmpuint (sink->interactions->len, ==, 1);
  interaction = g_ptr_array_index (sink->interactions, 0);
  g_assert_cmpstr (interaction->target_handle, ==, "pia_draws");
  g_assert_cmpint (interaction->at, ==, 1491401700);

  g_assert_false (sink->has_follower_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* tweets-part1.js and tweets-part2.js without tweets.js, the second first in the zip, and a
 * long post whose note has an id of its own. */
static void
test_parts_and_notes (void)
{
  static const char * const files[] = {
    "tweets-part2.js", "note-tweet.js", "account.js", "tweets-part1.js",
  };
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *zip = g_build_filename (dir, "twitter-2023-05-07-9f8e7d.zip", NULL);
  g_auto(GStrv) contents = g_new0 (char *, G_N_ELEMENTS (files) + 1);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  const char * const expected_order[] = {
    "1630000000000000001", "1624000000000000002", "1654000000000000003", "1606000000000000004",
  };
  const RapportPost *post;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures",
                                                "twitter", "parts", "data", files[i], NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents[i], NULL, &error);
      g_assert_no_error (error);
    }
  rapport_test_write_archive (zip, "zip",
                              "export/data/tweets-part2.js", contents[0],
                              "export/data/note-tweet.js", contents[1],
                              "export/data/account.js", contents[2],
                              "export/data/tweets-part1.js", contents[3],
                              NULL);
  archive = open_path (zip);
  sink = import_ok (archive);

  g_assert_cmpstr (sink->handle, ==, "lee_streams");
  g_assert_cmpstr (sink->platform_id, ==, "7777001");
  /* No manifest: the date in the archive's name comes before the newest post (May 5). */
  g_assert_cmpint (sink->exported_at, ==, 1683417600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* Every post of both parts, part 1 first, whatever the order of the files or the dates. */
  g_assert_cmpuint (sink->posts->len, ==, G_N_ELEMENTS (expected_order));
  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    g_assert_cmpstr (((RapportPost *) g_ptr_array_index (sink->posts, i))->platform_id, ==,
                     expected_order[i]);

  /* The note's id (…777) is not the post's: time and start of the text join them. */
  post = find_post (sink, "1624000000000000002");
  g_assert_cmpint (post->created_at, ==, 1676028153);
  g_assert_cmpstr (post->text, ==,
                   "Three lessons from a year of weekly sketch streams: show up, keep it small, "
                   "and thank the people who stay. #streaming");
  assert_counts (post, 21, 0);
  assert_strv (post->hashtags, (const char * const[]) { "streaming", NULL });
  g_assert_cmpstr (find_post (sink, "1654000000000000003")->text, ==,
                   "Last stream before the summer break");
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  rapport_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("archive-2024");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_twitter_import (archive, &sink->parent, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (sink->posts->len, ==, 0);
}

static void
test_sink_failure (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("archive-2024");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  sink->fail_after = 3;
  g_assert_false (rapport_twitter_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "test sink refused record 3");
  /* The photo, the reply, and its comment on @bob. */
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/twitter/recognizes", test_recognizes);
  g_test_add_func ("/twitter/archive-2024", test_archive_2024);
  g_test_add_func ("/twitter/archive-2021", test_archive_2021);
  g_test_add_func ("/twitter/analytics", test_analytics);
  g_test_add_func ("/twitter/analytics-old", test_analytics_old);
  g_test_add_func ("/twitter/analytics-names", test_analytics_names);
  g_test_add_func ("/twitter/analytics-in-archive", test_analytics_in_archive);
  g_test_add_func ("/twitter/odd-records", test_odd_records);
  g_test_add_func ("/twitter/bare-posts", test_bare_posts);
  g_test_add_func ("/twitter/bad-input", test_bad_input);
  g_test_add_func ("/twitter/missing-parts", test_missing_parts);
  g_test_add_func ("/twitter/date-fallbacks", test_date_fallbacks);
  g_test_add_func ("/twitter/manifest-identity", test_manifest_identity);
  g_test_add_func ("/twitter/provisional", test_provisional);
  g_test_add_func ("/twitter/grailbird", test_grailbird);
  g_test_add_func ("/twitter/parts-and-notes", test_parts_and_notes);
  g_test_add_func ("/twitter/big-archive", test_big_archive);
  g_test_add_func ("/twitter/cancelled", test_cancelled);
  g_test_add_func ("/twitter/sink-failure", test_sink_failure);

  return g_test_run ();
}
