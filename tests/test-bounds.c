/* test-bounds.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values out of range (rapport-records.h): an export that holds some imports the rest and names
 * what it skipped; a database that holds some, whoever wrote it, loads without them; and the
 * report of either prints without a crash and without "nan" or "inf".  The exports are written
 * here; Unix times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "cli/rapport-report-text.h"
#include "core/rapport-dates.h"
#include "import/rapport-instagram-importer.h"
#include "import/rapport-tiktok-importer.h"
#include "import/rapport-twitter-importer.h"
#include "session/rapport-analysis.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

/* 2024-05-01 10:00 UTC, and the same hour on the days after. */
#define MAY1 G_GINT64_CONSTANT (1714557600)
#define DAY G_GINT64_CONSTANT (86400)
/* 9999-12-31 23:59:59 UTC, the last second GDateTime knows, and the first one it does not. */
#define LAST_SECOND G_GINT64_CONSTANT (253402300799)
#define BEYOND G_GINT64_CONSTANT (253402300800)
/* 1990-01-01 00:00 UTC, before the range. */
#define Y1990 G_GINT64_CONSTANT (631152000)

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

/* Closes the fixture's store, runs @sql on its database as another program would, and opens
 * the store again. */
static void
write_database (Fixture    *fixture,
                const char *sql)
{
  g_autofree char *path = rapport_store_dup_database_path (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

/* `rapport accounts`, `rapport report` and `rapport report --json` on the fixture's database:
 * exit 0, and no "nan". */
static void
assert_command_line_report (Fixture *fixture)
{
  const char *rapport = g_getenv ("RAPPORT_BIN");
  const char *commands[][2] = { { "accounts", NULL }, { "report", NULL }, { "report", "--json" } };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[] = {
        rapport, commands[i][0], "--data-dir", fixture->data_dir, commands[i][1], NULL
      };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("rapport %s failed: %s", commands[i][0], err);
      g_assert_cmpuint (strlen (out), >, 0);
      rapport_test_assert_no_nan (out);
    }
}

/* Loads the account as the command line and the window do, computes everything, and prints the
 * report and the suggestions as text and JSON.  A database written by someone else may say
 * other things in its lists than in what it counted of them, so the summary's Overview is
 * only computed, not compared. */
static RapportDataset *
assert_report_sane (Fixture *fixture,
                    gint64   account_id)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  dataset = rapport_test_report_hostile_account (fixture->store, account_id, NULL);

  /* What the window loads. */
  analysis = rapport_analysis_load (fixture->store, account_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rapport_analysis_get_report (analysis));

  assert_command_line_report (fixture);
  return g_steal_pointer (&dataset);
}

/* Imports @path into a test sink with @import, whose skipped records must be @reasons (as
 * prefixes, in any order), then into the fixture's database, which must count them and name
 * the first one as the sink saw it. */
static RapportTestSink *
import_both (Fixture                 *fixture,
             const char              *path,
             RapportImportFunc        import,
             const char * const      *reasons,
             RapportImportSummary    *summary)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  guint n_reasons = g_strv_length ((char **) reasons);

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sink->skipped->len, ==, n_reasons);
  for (guint i = 0; i < n_reasons; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < sink->skipped->len && !found; j++)
        found = g_str_has_prefix (g_ptr_array_index (sink->skipped, j), reasons[i]);
      if (!found)
        g_error ("no record was skipped as \"%s…\"", reasons[i]);
    }

  g_assert_true (rapport_import_path (fixture->store, path, summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (summary->already_imported);
  g_assert_cmpuint (summary->snapshot.n_skipped, ==, n_reasons);
  g_assert_cmpstr (summary->first_skip, ==, g_ptr_array_index (sink->skipped, 0));
  return g_steal_pointer (&sink);
}

static gboolean
dataset_has_post (const RapportDataset *dataset,
                  const char           *platform_id)
{
  for (guint i = 0; i < dataset->posts->len; i++)
    if (g_str_equal (((RapportDatasetPost *) g_ptr_array_index (dataset->posts, i))->platform_id,
                     platform_id))
      return TRUE;
  return FALSE;
}

/* The check of every kind of record, with the test sink behind the checking functions. */
static void
test_sink (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  RapportImportSink *parent = &sink->parent;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, NULL };
  RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, "ann", NULL, MAY1 };
  RapportFollowerCount count = { MAY1, 100, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportInteraction like = { RAPPORT_INTERACTION_LIKE, "ann", 0, NULL };
  RapportPost post;
  g_autofree char *last_day = rapport_date_format_day (rapport_time_max ());
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_sink_set_account (parent, &account, &error));
  g_assert_true (rapport_import_sink_begin_list (parent, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_begin_list (parent, RAPPORT_DIRECTION_FOLLOWING, &error));

  /* In range, or unknown where that is allowed: kept. */
  rapport_post_init (&post);
  post.platform_id = "1";
  post.created_at = MAY1;
  post.likes = 0;
  post.views = RAPPORT_COUNT_MAX;
  g_assert_true (rapport_import_sink_add_post (parent, &post, &error));
  g_assert_true (rapport_import_sink_add_relation (parent, &relation, &error));
  relation.since = 0;
  relation.handle = "bo";
  g_assert_true (rapport_import_sink_add_relation (parent, &relation, &error));
  g_assert_true (rapport_import_sink_add_follower_count (parent, &count, &error));
  g_assert_true (rapport_import_sink_add_interaction (parent, &like, &error));
  rapport_import_sink_set_export_date (parent, MAY1 + DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_cmpuint (sink->counts->len, ==, 1);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  /* Out of range: skipped, each for its first value out of range, and the import goes on. */
  post.platform_id = "123";
  post.created_at = BEYOND;
  g_assert_true (rapport_import_sink_add_post (parent, &post, &error));
  post.created_at = 0;
  g_assert_true (rapport_import_sink_add_post (parent, &post, &error));
  post.created_at = MAY1;
  post.shares = -5;
  g_assert_true (rapport_import_sink_add_post (parent, &post, &error));
  post.shares = RAPPORT_COUNT_UNKNOWN;
  post.follows = RAPPORT_COUNT_MAX + 1;
  g_assert_true (rapport_import_sink_add_post (parent, &post, &error));
  relation.since = G_GINT64_CONSTANT (1000000000000000);
  g_assert_true (rapport_import_sink_add_relation (parent, &relation, &error));
  relation.direction = RAPPORT_DIRECTION_FOLLOWING;
  relation.handle = NULL;
  relation.platform_id = "77";
  relation.since = -1;
  g_assert_true (rapport_import_sink_add_relation (parent, &relation, &error));
  count.at = 0;
  g_assert_true (rapport_import_sink_add_follower_count (parent, &count, &error));
  count.at = MAY1;
  count.count = RAPPORT_COUNT_UNKNOWN;
  g_assert_true (rapport_import_sink_add_follower_count (parent, &count, &error));
  like.at = G_MAXINT64;
  g_assert_true (rapport_import_sink_add_interaction (parent, &like, &error));
  rapport_import_sink_set_export_date (parent, BEYOND, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  rapport_import_sink_set_export_date (parent, -1, RAPPORT_DATE_SOURCE_FILE_TIME);
  g_assert_no_error (error);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_cmpuint (sink->following->len, ==, 0);
  g_assert_cmpuint (sink->counts->len, ==, 1);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  g_assert_cmpint (sink->exported_at, ==, MAY1 + DAY);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);

  g_assert_cmpuint (sink->skipped->len, ==, 9);
  after = g_strdup_printf ("post 123: time 253402300800 is after %s", last_day);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==, after);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "post 123: time 0 is before 2004-01-01");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==, "post 123: shares -5 is negative");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 3), ==,
                   "post 123: follows 1000000000001 is more than 1000000000000");
  g_clear_pointer (&after, g_free);
  after = g_strdup_printf ("follower bo: follow date 1000000000000000 is after %s", last_day);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 4), ==, after);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 5), ==,
                   "followed account 77: follow date -1 is before 2004-01-01");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 6), ==,
                   "follower count: time 0 is before 2004-01-01");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 7), ==,
                   "follower count: followers -1 is negative");
  g_clear_pointer (&after, g_free);
  after = g_strdup_printf ("like: time 9223372036854775807 is after %s", last_day);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 8), ==, after);
}

/* Instagram's rows of followers, from name, timestamp pairs ending with NULL. */
static char *
follower_rows (const char *first_name,
               ...)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    g_string_append_printf (rows,
      "%s{\"title\": \"\", \"media_list_data\": [], \"string_list_data\": [{\"href\": "
      "\"https://www.instagram.com/%s\", \"value\": \"%s\", \"timestamp\": %" G_GINT64_FORMAT
      "}]}", rows->len > 0 ? ", " : "", name, name, va_arg (args, gint64));
  va_end (args);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static void
test_instagram (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "instagram-jo.bounds-2024-05-10.zip",
                                            NULL);
  g_autofree char *follower_list = follower_rows ("ann", MAY1 - 30 * DAY,
                                                 "far", G_GINT64_CONSTANT (1000000000000000),
                                                 "old", G_GINT64_CONSTANT (1000),
                                                 "neg", G_GINT64_CONSTANT (-5), NULL);
  g_autofree char *following_list = follower_rows ("ann", MAY1 - 20 * DAY, NULL);
  g_autofree char *followers = g_strdup_printf ("[%s]", follower_list);
  g_autofree char *following = g_strdup_printf ("{\"relationships_following\": [%s]}",
                                                following_list);
  g_autofree char *posts = g_strdup_printf (
    "[{\"media\": [{\"uri\": \"a.jpg\", \"creation_timestamp\": %" G_GINT64_FORMAT
    ", \"title\": \"fine\"}]},"
    " {\"media\": [{\"uri\": \"b.jpg\", \"creation_timestamp\": %" G_GINT64_FORMAT
    ", \"title\": \"far\"}]},"
    " {\"media\": [{\"uri\": \"c.jpg\", \"creation_timestamp\": %" G_GINT64_FORMAT
    ", \"title\": \"counted\"}]}]", MAY1, BEYOND, MAY1 + DAY);
  g_autofree char *insights = g_strdup_printf (
    "{\"organic_insights_posts\": [{\"media_map_data\": {\"Media Thumbnail\": {\"uri\": "
    "\"c.jpg\", \"creation_timestamp\": %" G_GINT64_FORMAT ", \"title\": \"counted\"}},"
    " \"string_map_data\": {\"Likes\": {\"value\": \"1000000000000000\", \"timestamp\": 0}}}]}",
    MAY1 + DAY);
  const char *reasons[] = {
    "follower far: follow date 1000000000000000 is after ",
    "follower old: follow date 1000 is before 2004-01-01",
    "post 253402300800: time 253402300800 is after ",
    "post 1714644000: likes 1000000000000000 is more than 1000000000000",
    "follower count: followers 1000000000000000 is more than 1000000000000",
    NULL,
  };
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  const RapportDatasetSnapshot *snapshot;

  rapport_test_write_archive (path, "zip",
    "personal_information/personal_information.json",
    "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.bounds\"}}}]}",
    "followers_and_following/followers_1.json", followers,
    "followers_and_following/following.json", following,
    "content/posts_1.json", posts,
    "past_instagram_insights/posts.json", insights,
    "past_instagram_insights/audience_insights.json",
    "{\"organic_insights_audience\": [{\"string_map_data\": {\"Followers\": "
    "{\"value\": \"1000000000000000\", \"timestamp\": 0}}}]}",
    NULL);

  sink = import_both (fixture, path, rapport_instagram_import, reasons, &summary);
  /* A negative follow date was unknown already: kept without a date. */
  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_cmpint (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                    "neg")->since, ==, 0);
  g_assert_nonnull (rapport_test_sink_find_post (sink, "1714557600"));
  g_assert_cmpuint (sink->posts->len, ==, 1);
  g_assert_cmpuint (sink->counts->len, ==, 0);
  /* The archive's name says when, the post beyond the range does not. */
  g_assert_cmpint (sink->exported_at, ==, MAY1 - 10 * 3600 + 9 * DAY);

  g_assert_cmpuint (summary.snapshot.n_followers, ==, 2);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 1);

  dataset = assert_report_sane (fixture, summary.account_id);
  g_assert_cmpuint (dataset->posts->len, ==, 1);
  g_assert_true (dataset_has_post (dataset, "1714557600"));
  snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_assert_cmpuint (snapshot->followers->len, ==, 2);
  g_assert_cmpint (snapshot->exported_at, ==, sink->exported_at);
}

/* One item of tweets.js. */
static char *
tweet (const char *id,
       const char *created_at,
       const char *likes,
       const char *retweets)
{
  return g_strdup_printf ("{\"tweet\": {\"id_str\": \"%s\", \"created_at\": \"%s\","
                          " \"favorite_count\": \"%s\", \"retweet_count\": \"%s\","
                          " \"full_text\": \"tweet %s\"}}", id, created_at, likes, retweets, id);
}

static void
test_twitter (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "twitter-bounds.zip", NULL);
  g_autofree char *t1 = tweet ("1001", "Wed May 01 10:00:00 +0000 2024", "3", "1");
  g_autofree char *t2 = tweet ("1002", "Fri Dec 31 23:59:59 +0000 9999", "3", "1");
  g_autofree char *t3 = tweet ("1003", "Mon Jan 01 00:00:00 +0000 1990", "3", "1");
  g_autofree char *t4 = tweet ("1004", "Thu May 02 10:00:00 +0000 2024", "1000000000000000", "1");
  g_autofree char *t5 = tweet ("1005", "Fri May 03 10:00:00 +0000 2024", "3", "-5");
  g_autofree char *t6 = tweet ("1006", "Sat May 04 10:00:00 +0000 2024", "0", "0");
  g_autofree char *tweets = g_strdup_printf ("window.YTD.tweets.part0 = [%s, %s, %s, %s, %s, %s]",
                                             t1, t2, t3, t4, t5, t6);
  const char *reasons[] = {
    "post 1002: time 253402300799 is after ",
    "post 1003: time 631152000 is before 2004-01-01",
    "post 1004: likes 1000000000000000 is more than 1000000000000",
    "post 1005: shares -5 is negative",
    NULL,
  };
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(RapportDataset) dataset = NULL;

  rapport_test_write_archive (path, "zip",
    "data/account.js",
    "window.YTD.account.part0 = [{\"account\": {\"username\": \"jo_bounds\", "
    "\"accountId\": \"42\"}}]",
    "data/tweets.js", tweets,
    "data/follower.js",
    "window.YTD.follower.part0 = [{\"follower\": {\"accountId\": \"7\"}}]",
    NULL);

  sink = import_both (fixture, path, rapport_twitter_import, reasons, &summary);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_nonnull (rapport_test_sink_find_post (sink, "1001"));
  g_assert_nonnull (rapport_test_sink_find_post (sink, "1006"));
  g_assert_cmpuint (sink->followers->len, ==, 1);
  /* The newest time in range: the post of 4 May, not the one of the year 9999. */
  g_assert_cmpint (sink->exported_at, ==, MAY1 + 3 * DAY);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (summary.snapshot.n_posts, ==, 2);
  g_assert_cmpint (summary.snapshot.exported_at, ==, MAY1 + 3 * DAY);
  dataset = assert_report_sane (fixture, summary.account_id);
  g_assert_cmpuint (dataset->posts->len, ==, 2);
  g_assert_true (dataset_has_post (dataset, "1001"));
  g_assert_true (dataset_has_post (dataset, "1006"));
}

static void
test_tiktok (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "tiktok-bounds.zip", NULL);
  const char *json =
    "{\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jo.tok\","
    "   \"followerCount\": 1000000000000000}}},"
    " \"Your Activity\": {"
    "   \"Follower\": {\"FansList\": ["
    "     {\"date\": \"2024-04-01 10:00:00\", \"username\": \"ann\"},"
    "     {\"date\": \"1990-01-01 00:00:00\", \"username\": \"old\"},"
    "     {\"date\": \"9999-12-31 00:00:00\", \"username\": \"far\"}]},"
    "   \"Following\": {\"Following\": ["
    "     {\"date\": \"2024-04-02 10:00:00\", \"username\": \"bea\"}]}},"
    " \"Post\": {\"Posts\": {\"VideoList\": ["
    "   {\"Date\": \"2024-05-01 10:00:00\","
    "    \"Link\": \"https://www.tiktokv.com/share/video/7400000000000000001/\","
    "    \"Likes\": \"40\"},"
    "   {\"Date\": \"9999-12-31 23:59:59\","
    "    \"Link\": \"https://www.tiktokv.com/share/video/7400000000000000002/\", \"Likes\": \"1\"},"
    "   {\"Date\": \"2024-05-02 10:00:00\","
    "    \"Link\": \"https://www.tiktokv.com/share/video/7400000000000000003/\","
    "    \"Likes\": \"1000000000000000\"},"
    "   {\"Date\": \"2024-05-03 10:00:00\","
    "    \"Link\": \"https://www.tiktokv.com/share/video/7400000000000000004/\","
    "    \"Likes\": \"-5\"},"
    "   {\"Date\": \"2024-05-04 10:00:00\","
    "    \"Link\": \"https://www.tiktokv.com/share/video/7400000000000000005/\", \"Likes\": \"7\"}"
    " ]}},"
    " \"Comment\": {\"Comments\": {\"CommentsList\": ["
    "   {\"date\": \"9999-12-31 23:59:59\", \"comment\": \"far\"},"
    "   {\"date\": \"2024-05-01 12:00:00\", \"comment\": \"near\"}]}}}";
  const char *reasons[] = {
    "follower old: follow date 631152000 is before 2004-01-01",
    "follower far: follow date 253402214400 is after ",
    "post 7400000000000000002: time 253402300799 is after ",
    "post 7400000000000000003: likes 1000000000000000 is more than 1000000000000",
    "post 7400000000000000004: likes -5 is negative",
    "comment: time 253402300799 is after ",
    "follower count: followers 1000000000000000 is more than 1000000000000",
    NULL,
  };
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(RapportDataset) dataset = NULL;

  rapport_test_write_archive (path, "zip", "user_data_tiktok.json", json, NULL);

  sink = import_both (fixture, path, rapport_tiktok_import, reasons, &summary);
  g_assert_cmpuint (sink->followers->len, ==, 1);
  g_assert_cmpuint (sink->following->len, ==, 1);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  g_assert_cmpuint (sink->counts->len, ==, 0);
  /* The newest date in range: the video of 4 May. */
  g_assert_cmpint (sink->exported_at, ==, MAY1 + 3 * DAY);

  g_assert_cmpuint (summary.snapshot.n_followers, ==, 1);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 2);
  dataset = assert_report_sane (fixture, summary.account_id);
  g_assert_cmpuint (dataset->posts->len, ==, 2);
  g_assert_true (dataset_has_post (dataset, "7400000000000000001"));
  g_assert_true (dataset_has_post (dataset, "7400000000000000005"));
  g_assert_cmpuint (dataset->interactions->len, ==, 1);
}

static void
test_analytics (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir,
                                            "tweet_activity_metrics_jo_20240401_20240601_en.csv",
                                            NULL);
  const char *csv =
    "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\","
    "\"retweets\",\"replies\",\"likes\",\"follows\"\n"
    "\"2001\",\"https://twitter.com/jo/status/2001\",\"fine\",\"2024-05-01 10:00 +0000\","
    "\"100\",\"10\",\"1\",\"2\",\"3\",\"0\"\n"
    "\"2002\",\"https://twitter.com/jo/status/2002\",\"far\",\"9999-12-31 23:59 +0000\","
    "\"100\",\"10\",\"1\",\"2\",\"3\",\"0\"\n"
    "\"2003\",\"https://twitter.com/jo/status/2003\",\"old\",\"1990-01-01 00:00 +0000\","
    "\"100\",\"10\",\"1\",\"2\",\"3\",\"0\"\n"
    "\"2004\",\"https://twitter.com/jo/status/2004\",\"huge\",\"2024-05-02 10:00 +0000\","
    "\"1000000000000000\",\"10\",\"1\",\"2\",\"3\",\"0\"\n"
    "\"2005\",\"https://twitter.com/jo/status/2005\",\"negative\",\"2024-05-03 10:00 +0000\","
    "\"100\",\"10\",\"1\",\"-5\",\"3\",\"0\"\n"
    "\"2006\",\"https://twitter.com/jo/status/2006\",\"fine too\",\"2024-05-04 10:00 +0000\","
    "\"200\",\"20\",\"2\",\"3\",\"4\",\"1\"\n";
  const char *reasons[] = {
    "post 2002: time 253402300740 is after ",
    "post 2003: time 631152000 is before 2004-01-01",
    "post 2004: impressions 1000000000000000 is more than 1000000000000",
    "post 2005: replies -5 is negative",
    NULL,
  };
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportTestSink) sink = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);

  sink = import_both (fixture, path, rapport_twitter_import, reasons, &summary);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpint (rapport_test_sink_find_post (sink, "2006")->impressions, ==, 200);

  g_assert_cmpuint (summary.snapshot.n_posts, ==, 2);
  dataset = assert_report_sane (fixture, summary.account_id);
  g_assert_cmpuint (dataset->posts->len, ==, 2);
  g_assert_true (dataset_has_post (dataset, "2001"));
  g_assert_true (dataset_has_post (dataset, "2006"));
}

/* Rows as an older version or someone else may have written them, beside rows in range:
 * snapshots out of range, a list size of 10^15, follow dates of every kind, posts and follower
 * counts with times and counts out of range, interactions of the far future. */
static const char hostile_sql[] =
  "INSERT INTO account (id, platform, handle, created_at) VALUES (1, 'instagram', 'jo', 0);"
  "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at, date_source,"
  "  imported_at, importer_version, has_followers, has_following, n_followers, n_following)"
  " VALUES (1, 1, 'in-range.zip', 'a', 1715335200, 'manifest', 0, 1, 1, 1, 1000000000000000,"
  "         1000000000000000),"
  "        (2, 1, 'beyond.zip', 'b', 253402300800, 'manifest', 0, 1, 1, 0, 1, 0),"
  "        (3, 1, 'negative.zip', 'c', -5, 'manifest', 0, 1, 1, 0, 1, 0),"
  "        (4, 1, 'undated.zip', 'd', 0, 'unknown', 0, 1, 1, 0, 1, 0),"
  "        (5, 1, 'largest.zip', 'e', 9223372036854775807, 'manifest', 0, 1, 1, 0, 1, 0);"
  "INSERT INTO follow_span_closed (account_id, direction, who, first_snapshot, last_snapshot,"
  "                                handle, platform_id, since)"
  " VALUES (1, 0, 'ann', 1, 1, 'ann', NULL, 1712000000),"
  "  (1, 0, 'bob', 1, 1, 'bob', NULL, 1000000000000000), (1, 0, 'cy', 1, 1, 'cy', NULL, -1),"
  "  (1, 0, 'dee', 1, 1, 'dee', NULL, NULL), (1, 0, 'eve', 1, 1, 'eve', NULL, 'yesterday'),"
  "  (1, 0, 'fay', 1, 1, 'fay', NULL, -9223372036854775808),"
  "  (1, 0, 'gus', 1, 1, 'gus', NULL, 1e300),"
  "  (1, 1, 'ann', 1, 1, 'ann', NULL, 9223372036854775807),"
  "  (1, 0, 'far', 2, 2, 'far', NULL, 1000),"
  "  (1, 0, 'ann', 4, 4, 'ann', NULL, 1712000000);"
  "INSERT INTO follow_span_open (account_id, direction, who, first_snapshot, handle,"
  "                              platform_id, since)"
  " VALUES (1, 0, 'max', 5, 'max', NULL, 1712000000);"
  "INSERT INTO post (id, account_id, platform_post_id, type, created_at, likes, comments, views)"
  " VALUES (1, 1, 'fine', 'photo', 1714557600, 10, 2, NULL),"
  "        (2, 1, 'fine-too', 'photo', 1714644000, 12, 1, 300),"
  "        (3, 1, 'max', 'photo', 9223372036854775807, 1, 1, 1),"
  "        (4, 1, 'min', 'photo', -9223372036854775808, 1, 1, 1),"
  "        (5, 1, 'beyond', 'photo', 253402300800, 1, 1, 1),"
  "        (6, 1, 'zero', 'photo', 0, 1, 1, 1),"
  "        (7, 1, 'negative-likes', 'photo', 1714730400, -5, 1, 1),"
  "        (8, 1, 'huge-likes', 'photo', 1714730400, 1000000000000000, 1, 1),"
  "        (9, 1, 'max-views', 'video', 1714730400, 1, 1, 9223372036854775807),"
  "        (10, 1, 'real', 'photo', 1e300, 1, 1, 1),"
  "        (11, 1, 'text', 'photo', 'tomorrow', 1, 1, 1);"
  "INSERT INTO post_tag VALUES (1, 0, 'fine'), (3, 0, 'gone'), (8, 1, 'gone');"
  "INSERT INTO follower_count VALUES (1, 1, 1714471200, 100, 'insights'),"
  "  (1, 1, 9223372036854775807, 5, 'profile'), (1, 1, 1714557600, -5, 'profile'),"
  "  (1, 1, 1714644000, 1000000000000000, 'profile'), (1, 1, 0, 10, 'profile'),"
  "  (1, 1, -31536000000, 10, 'insights'), (1, 1, 1714730400, 9223372036854775807, 'live');"
  "INSERT INTO interaction (account_id, snapshot_id, kind, target, at, text)"
  " VALUES (1, 1, 0, 'ann', 9223372036854775807, 'far'), (1, 1, 0, 'ann', -5, 'negative'),"
  "        (1, 1, 1, 'ann', 0, NULL), (1, 1, 0, 'ann', 1714557600, 'near'),"
  "        (1, 1, 7, NULL, 1714557600, 'odd kind');";

static void
load_summary_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RapportAnalysis **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rapport_analysis_load_summary_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_hostile_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportAnalysis) summary = NULL;
  const RapportDatasetSnapshot *snapshot;
  const RapportFollowerCount *count;

  write_database (fixture, hostile_sql);
  dataset = assert_report_sane (fixture, 1);

  /* The snapshot in range and the one of unknown date, with their lists as stored. */
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_assert_cmpstr (snapshot->source_name, ==, "undated.zip");
  g_assert_cmpint (snapshot->exported_at, ==, 0);
  snapshot = g_ptr_array_index (dataset->snapshots, 1);
  g_assert_cmpstr (snapshot->source_name, ==, "in-range.zip");
  g_assert_cmpuint (snapshot->followers->len, ==, 7);
  g_assert_cmpuint (snapshot->following->len, ==, 1);
  /* Only Ann's follow date is in range; the others are unknown. */
  g_assert_cmpint (rapport_people_find (snapshot->followers, "ann")->since, ==, 1712000000);
  for (const char * const *who = (const char * const[]) { "bob", "cy", "dee", "eve", "fay",
                                                          "gus", NULL };
       *who != NULL; who++)
    g_assert_cmpint (rapport_people_find (snapshot->followers, *who)->since, ==, 0);
  g_assert_cmpint (rapport_people_find (snapshot->following, "ann")->since, ==, 0);

  g_assert_cmpuint (dataset->posts->len, ==, 2);
  g_assert_true (dataset_has_post (dataset, "fine"));
  g_assert_true (dataset_has_post (dataset, "fine-too"));

  g_assert_cmpuint (dataset->counts->len, ==, 1);
  count = &g_array_index (dataset->counts, RapportFollowerCount, 0);
  g_assert_cmpint (count->at, ==, 1714471200);
  g_assert_cmpint (count->count, ==, 100);

  /* The comment of the far future and the one before 1970 are left out. */
  g_assert_cmpuint (dataset->interactions->len, ==, 3);

  /* The summary the window loads first, with the reciprocity counted by the store. */
  rapport_analysis_load_summary_async (fixture->store, 1, NULL, load_summary_cb, &summary);
  while (summary == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (rapport_analysis_get_report (summary));
  g_assert_cmpuint (rapport_analysis_get_reciprocity (summary)->n_followers, ==, 7);
  g_assert_cmpuint (rapport_analysis_get_reciprocity (summary)->n_mutuals, ==, 1);
}

/* What the store counted of a list, out of range or beyond the list's size, is read within
 * that size: the coverage never says more followers are dated than listed. */
static void
test_hostile_list_counts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetSnapshot *snapshot;
  RapportListCounts counts;

  write_database (fixture,
    "INSERT INTO account (id, platform, handle, created_at) VALUES (1, 'x', 'jo', 0);"
    "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at, date_source,"
    "  imported_at, importer_version, has_followers, has_following, n_followers, n_following,"
    "  n_followers_dated, n_followers_with_id, n_followers_named, n_following_dated,"
    "  n_following_with_id, n_following_named)"
    " VALUES (1, 1, 'x.zip', 'a', 1715335200, 'manifest', 0, 1, 1, 1, 3, 2,"
    "         1000000000000000, -5, 3, 9223372036854775807, 2, 1e300);");
  dataset = assert_report_sane (fixture, 1);

  summary = rapport_store_load_dataset_summary (fixture->store, 1, &error);
  g_assert_no_error (error);
  snapshot = g_ptr_array_index (summary->snapshots, 0);
  rapport_dataset_snapshot_count_list (snapshot, RAPPORT_DIRECTION_FOLLOWER, &counts);
  g_assert_cmpuint (counts.n_listed, ==, 3);
  g_assert_cmpuint (counts.n_dated, ==, 3);
  g_assert_cmpuint (counts.n_with_id, ==, 0);
  /* Named ones are known by an id too. */
  g_assert_cmpuint (counts.n_named, ==, 0);
  rapport_dataset_snapshot_count_list (snapshot, RAPPORT_DIRECTION_FOLLOWING, &counts);
  g_assert_cmpuint (counts.n_listed, ==, 2);
  g_assert_cmpuint (counts.n_dated, ==, 2);
  g_assert_cmpuint (counts.n_with_id, ==, 2);
  g_assert_cmpuint (counts.n_named, ==, 2);
}

static void
add_post (RapportDataset *dataset,
          gint64          created_at,
          gint64          likes,
          gint64          comments)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->id = dataset->posts->len + 1;
  post->platform_id = g_strdup_printf ("p%u", dataset->posts->len + 1);
  post->type = RAPPORT_POST_PHOTO;
  post->created_at = created_at;
  post->likes = likes;
  post->comments = comments;
  post->hashtags = g_strsplit ("cats", ",", -1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
}

static RapportDatasetSnapshot *
add_snapshot (RapportDataset *dataset,
              gint64          exported_at)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = dataset->snapshots->len + 1;
  snapshot->exported_at = exported_at;
  snapshot->source_name = g_strdup_printf ("export-%u.zip", dataset->snapshots->len + 1);
  snapshot->followers = rapport_people_new (4);
  g_ptr_array_add (dataset->snapshots, snapshot);
  return snapshot;
}

/* A dataset put together by hand, as a test or a future caller might, with the values the
 * store leaves out: the analysis functions keep to the range by themselves. */
static void
test_hostile_dataset (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  RapportDatasetSnapshot *snapshot;
  const RapportFollowerCount counts[] = {
    { MAY1, 100, RAPPORT_COUNT_SOURCE_INSIGHTS },
    { G_MAXINT64, 5, RAPPORT_COUNT_SOURCE_PROFILE },
    { G_MININT64, 5, RAPPORT_COUNT_SOURCE_PROFILE },
    { 0, 10, RAPPORT_COUNT_SOURCE_PROFILE },
    { MAY1 + DAY, G_MAXINT64, RAPPORT_COUNT_SOURCE_PROFILE },
    { MAY1 + 2 * DAY, -5, RAPPORT_COUNT_SOURCE_PROFILE },
  };
  RapportDatasetInteraction *interaction = g_new0 (RapportDatasetInteraction, 1);

  dataset->account_id = 9;
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  dataset->handle = g_strdup ("jo");
  g_array_append_vals (dataset->counts, counts, G_N_ELEMENTS (counts));

  /* Oldest first, as the store gives them.  The one exported on 10 May has both lists; Ann
   * followed on 21 April, the others' dates are out of range. */
  snapshot = add_snapshot (dataset, G_MININT64);
  rapport_people_add (snapshot->followers, "min", "min", NULL, G_MININT64);
  snapshot = add_snapshot (dataset, MAY1 + 9 * DAY);
  rapport_people_add (snapshot->followers, "ann", "ann", NULL, MAY1 - 10 * DAY);
  rapport_people_add (snapshot->followers, "bob", "bob", NULL, G_MININT64);
  rapport_people_add (snapshot->followers, "cy", "cy", NULL, 1);
  rapport_people_add (snapshot->followers, "dee", "dee", NULL, G_MAXINT64);
  rapport_people_sort (snapshot->followers);
  snapshot->following = rapport_people_new (1);
  rapport_people_add (snapshot->following, "bob", "bob", NULL, G_MAXINT64);
  rapport_people_sort (snapshot->following);
  snapshot = add_snapshot (dataset, BEYOND);
  rapport_people_add (snapshot->followers, "old", "old", NULL, 1000);

  add_post (dataset, MAY1, 10, 1);
  add_post (dataset, MAY1 + DAY, 20, 2);
  add_post (dataset, MAY1 + 2 * DAY, G_MAXINT64, G_MAXINT64);
  add_post (dataset, BEYOND, 1, 1);
  add_post (dataset, LAST_SECOND, 1, 1);
  add_post (dataset, G_MININT64, 1, 1);
  add_post (dataset, G_MAXINT64, G_MAXINT64, G_MAXINT64);
  interaction->kind = RAPPORT_INTERACTION_COMMENT;
  interaction->target = g_strdup ("ann");
  interaction->at = G_MAXINT64;
  g_ptr_array_add (dataset->interactions, interaction);

  report = rapport_report_compute (dataset, utc);
  /* From Ann's follow day, 21 April, to the export, 10 May: 20 days. */
  g_assert_cmpuint (report->series->points->len, ==, 20);
  g_assert_cmpint (g_array_index (report->series->points, RapportSeriesPoint, 0).day,
                   ==, MAY1 - 10 * 3600 - 10 * DAY);
  /* The three posts dated in range; of those, the one with counts beyond the range has no
   * interactions. */
  g_assert_cmpuint (report->cadence->n_posts, ==, 3);
  g_assert_cmpuint (report->cadence->n_weeks, ==, 1);
  g_assert_cmpuint (report->engagement.n_posts, ==, 3);
  g_assert_cmpuint (report->engagement.n_with_interactions, ==, 2);
  /* Bob follows back, but neither date of the two is in range: no follow-for-follow to tell. */
  g_assert_cmpuint (report->reciprocity->n_mutuals, ==, 1);
  g_assert_cmpuint (report->reciprocity->n_mutuals_dated, ==, 0);
  g_assert_cmpuint (report->reciprocity->n_f4f_pairs, ==, 0);

  rapport_test_print_report (report, states);
}

/* Two posts, one interval between them: its spread is no number, and the text says "—". */
static void
test_one_interval (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();
  g_autoptr(GRegex) wrap = g_regex_new ("\n +", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *unwrapped = NULL;
  g_autoptr(GError) error = NULL;

  write_database (fixture,
    "INSERT INTO account (id, platform, handle, created_at) VALUES (1, 'instagram', 'jo', 0);"
    "INSERT INTO post (account_id, platform_post_id, type, created_at, likes)"
    " VALUES (1, 'a', 'photo', 1714557600, 10), (1, 'b', 'photo', 1714644000, 12);");

  dataset = rapport_store_load_dataset (fixture->store, 1, &error);
  g_assert_no_error (error);
  report = rapport_report_compute (dataset, NULL);
  g_assert_cmpuint (report->cadence->n_intervals, ==, 1);
  g_assert_true (isnan (report->cadence->interval_cv));
  text = rapport_report_print_text (report, suggestions);
  rapport_test_assert_no_nan (text);
  /* The paragraph as one line, without the wrapping. */
  unwrapped = g_regex_replace_literal (wrap, text, -1, 0, " ", 0, NULL);
  rapport_test_assert_contains (unwrapped, "median 1.0, middle half 1.0 to 1.0, spread (standard "
                                           "deviation / mean) —.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bounds/sink", test_sink);
  g_test_add_func ("/bounds/hostile-dataset", test_hostile_dataset);
  g_test_add ("/bounds/instagram", Fixture, NULL, fixture_set_up, test_instagram,
              fixture_tear_down);
  g_test_add ("/bounds/twitter", Fixture, NULL, fixture_set_up, test_twitter, fixture_tear_down);
  g_test_add ("/bounds/tiktok", Fixture, NULL, fixture_set_up, test_tiktok, fixture_tear_down);
  g_test_add ("/bounds/analytics", Fixture, NULL, fixture_set_up, test_analytics,
              fixture_tear_down);
  g_test_add ("/bounds/hostile-database", Fixture, NULL, fixture_set_up, test_hostile_database,
              fixture_tear_down);
  g_test_add ("/bounds/hostile-list-counts", Fixture, NULL, fixture_set_up,
              test_hostile_list_counts, fixture_tear_down);
  g_test_add ("/bounds/one-interval", Fixture, NULL, fixture_set_up, test_one_interval,
              fixture_tear_down);

  return g_test_run ();
}
