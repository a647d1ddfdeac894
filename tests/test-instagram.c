/* test-instagram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value below was worked out by hand from the fixtures in
 * tests/fixtures/instagram/; the dates in the comments are UTC.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-importer.h"

#include "rapport-test-instagram.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

static void
test_2024 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2024");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo D\xc3\xb6" "e");
  g_assert_null (sink->platform_id);

  /* followers_1.json: three accounts and a row without any name. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 3);
  /* 2024-01-01 10:00 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  /* 2024-02-01 10:00 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "j\xc3\xbcrgen.k", 1706781600);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "__deleted__61820",
                                1709290800);

  /* following.json; following_hashtags.json and recently_unfollowed_profiles.json are not read. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704189600);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "dora.d", 1711965600);

  /* Three feed posts (one without a time is skipped), a reel and a story. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  rapport_test_assert_kinds (sink, 3, 1, 1, 0);

  post = rapport_test_assert_post (sink, "1714557600", RAPPORT_POST_PHOTO, 1714557600,
                                   "Morning run " TEARS_OF_JOY
                                   " #RunningMan #5k with @Anna_B and @dora.d.");
  rapport_test_assert_strv (post->hashtags, "runningman|5k");
  rapport_test_assert_strv (post->mentions, "anna_b|dora.d");
  /* Joined from insights posts.json on the creation time; "1,204" has a thousands separator
   * and "--" (Follows) stays unknown. */
  g_assert_cmpint (post->likes, ==, 85);
  g_assert_cmpint (post->comments, ==, 9);
  g_assert_cmpint (post->saves, ==, 12);
  g_assert_cmpint (post->shares, ==, 3);
  g_assert_cmpint (post->impressions, ==, 1204);
  g_assert_cmpint (post->reach, ==, 980);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->replies, ==, RAPPORT_COUNT_UNKNOWN);

  /* A carousel keeps its caption at the top level; a tag used twice counts once. */
  post = rapport_test_assert_post (sink, "1715162400", RAPPORT_POST_CAROUSEL, 1715162400,
                                   "Trip recap #travel #Caf\xc3\xa9Life #travel");
  rapport_test_assert_strv (post->hashtags, "travel|caf\xc3\xa9life");
  rapport_test_assert_strv (post->mentions, "");
  /* Lower-case labels in the insights. */
  g_assert_cmpint (post->likes, ==, 40);
  g_assert_cmpint (post->comments, ==, 0);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);

  post = rapport_test_assert_post (sink, "1717236000", RAPPORT_POST_VIDEO, 1717236000, "Clip");
  rapport_test_assert_no_counts (post);

  post = rapport_test_assert_post (sink, "1718100000", RAPPORT_POST_REEL, 1718100000,
                                   "Reel time #Reels");
  rapport_test_assert_strv (post->hashtags, "reels");
  rapport_test_assert_no_counts (post);

  post = rapport_test_assert_post (sink, "1718200000", RAPPORT_POST_STORY, 1718200000, NULL);
  rapport_test_assert_strv (post->hashtags, "");

  /* Comments and likes given. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "dora.d", 1719000000,
                                   "So good " TEARS_OF_JOY);
  rapport_test_assert_interaction (sink, 1, RAPPORT_INTERACTION_COMMENT, "anna_b", 1719100000,
                                   "Nice");
  rapport_test_assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, "carl.c", 1719200000, NULL);

  /* The newest timestamp inside is the like of 2024-06-24 03:33:20. */
  g_assert_cmpint (sink->exported_at, ==, 1719200000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  /* audience_insights.json: "Followers": "1,532" at the export date; no snapshot count is
   * emitted (the store derives it from the list). */
  g_assert_cmpuint (sink->counts->len, ==, 1);
  count = g_array_index (sink->counts, RapportFollowerCount, 0);
  g_assert_cmpint (count.at, ==, 1719200000);
  g_assert_cmpint (count.count, ==, 1532);
  g_assert_cmpint (count.source, ==, RAPPORT_COUNT_SOURCE_INSIGHTS);

  g_assert_cmpuint (sink->skipped->len, ==, 3);
  rapport_test_assert_skipped (sink, 0,
                               "connections/followers_and_following/followers_1.json: "
                               "a follower without a user name");
  rapport_test_assert_skipped (sink, 1,
                               "your_instagram_activity/content/posts_1.json: "
                               "a post without a creation time");
  rapport_test_assert_skipped (sink, 2,
                               "logged_information/past_instagram_insights/posts.json: "
                               "insights of a post from 2023-11-14 that is not among the "
                               "exported posts");
}

static void
test_2020 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2020");
  const RapportPost *post;

  /* profile.json */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo D\xc3\xb6" "e");

  /* connections.json maps names to ISO 8601 dates; follow requests and hashtags are not lists. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  /* 2019-05-01 12:00 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1556712000);
  /* 2020-01-15 08:30 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "carl.c", 1579077000);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1556787600);

  /* media.json: photos, videos and stories; profile pictures are not posts. */
  g_assert_cmpuint (sink->posts->len, ==, 3);
  post = rapport_test_assert_post (sink, "1559372400", RAPPORT_POST_PHOTO, 1559372400,
                                   "First light #Sunrise with @anna_b " TEARS_OF_JOY);
  rapport_test_assert_strv (post->hashtags, "sunrise");
  rapport_test_assert_strv (post->mentions, "anna_b");
  rapport_test_assert_no_counts (post);
  /* "2019-07-01T18:00:00" has no zone: UTC. */
  post = rapport_test_assert_post (sink, "1562004000", RAPPORT_POST_VIDEO, 1562004000,
                                   "Sea #waves");
  rapport_test_assert_strv (post->hashtags, "waves");
  rapport_test_assert_post (sink, "1564689600", RAPPORT_POST_STORY, 1564689600, NULL);

  /* comments.json rows are [time, text, owner]; likes.json media_likes [time, owner]; likes of
   * comments are not likes of posts. */
  g_assert_cmpuint (sink->interactions->len, ==, 2);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "anna_b", 1580551200,
                                   "Love this! " TEARS_OF_JOY);
  rapport_test_assert_interaction (sink, 1, RAPPORT_INTERACTION_LIKE, "carl.c", 1580641200, NULL);

  g_assert_cmpint (sink->exported_at, ==, 1580641200); /* 2020-02-02 11:00 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->counts->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_2022 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2022");
  const RapportPost *post;

  /* account_information/personal_information.json with an empty name. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_null (sink->display_name);

  /* {"relationships_followers": [...]}; a row without timestamp has since 0.  The garbage
   * followers_2.json under __MACOSX/ and the .DS_Store files are not read. */
  g_assert_cmpuint (sink->followers->len, ==, 2);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1650000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "emil.e", 0);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "emil.e", 1650100000);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = rapport_test_assert_post (sink, "1650200000", RAPPORT_POST_PHOTO, 1650200000,
                                   "Spring \xf0\x9f\x8c\xb8 #Fr\xc3\xbchling");
  rapport_test_assert_strv (post->hashtags, "fr\xc3\xbchling");

  /* comments/post_comments.json wrapped in {"comments_media_comments": [...]}. */
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "emil.e", 1650300000,
                                   "Sch\xc3\xb6n!");

  g_assert_cmpint (sink->exported_at, ==, 1650300000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  rapport_test_assert_skipped (sink, 0,
                               "followers_and_following/followers.json: "
                               "a row that does not describe an account");
  rapport_test_assert_skipped (sink, 1,
                               "followers_and_following/followers.json: "
                               "a follower without a user name");
}

static void
test_2023 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2023");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo");

  /* followers_1, _2, _3 (empty) and _10, in natural order. */
  g_assert_cmpuint (sink->followers->len, ==, 4);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1672567200);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "bert.b", 1672653600);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "carl.c", 1672740000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 3, "dora.d", 1672826400);

  /* An empty following list is still a list. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  post = rapport_test_assert_post (sink, "1673000000", RAPPORT_POST_PHOTO, 1673000000,
                                   "\xe6\x9d\xb1\xe4\xba\xac #\xe6\x9d\xb1\xe4\xba\xac"
                                   "\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc #night");
  rapport_test_assert_strv (post->hashtags,
                            "\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc|night");

  g_assert_cmpint (sink->exported_at, ==, 1673000000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_2025 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2025");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo \xf0\x9f\x8f\x83");

  g_assert_cmpuint (sink->followers->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "mara.m", 1735725600);

  /* The name in "title", else from the /_u/ link without query or trailing slash. */
  g_assert_cmpuint (sink->following->len, ==, 3);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "mara.m", 1735812000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "nils.n", 1736000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 2, "otto_o", 0);

  /* your_instagram_activity/media/posts_1.json */
  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = rapport_test_assert_post (sink, "1736200000", RAPPORT_POST_VIDEO, 1736200000,
                                   "New year, new trails #trailrunning @mara.m");
  rapport_test_assert_strv (post->hashtags, "trailrunning");
  rapport_test_assert_strv (post->mentions, "mara.m");

  /* The skipped row's timestamp (2025-01-05) does not count; the post is the newest. */
  g_assert_cmpint (sink->exported_at, ==, 1736200000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_skipped (sink, 0, "connections/followers_and_following/following.json: "
                               "a followed account without a user name");
}

static void
test_html (void)
{
  g_autoptr(RapportTestSink) sink =
    rapport_test_instagram_fixture ("html/instagram-jo.doe-2024-07-10-Xyz12");

  /* No personal information in this export: the name of the archive says whose it is. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_null (sink->display_name);

  /* Profile links only: not help, login, explore or post links.  The German date is not read. */
  g_assert_cmpuint (sink->followers->len, ==, 3);
  /* Jul 5, 2024, 2:34 PM */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1720190040);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "carl.c", 0);
  /* Jun 30, 2024 11:05 am */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "dora.d", 1719745500);

  g_assert_cmpuint (sink->following->len, ==, 2);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704189600);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "emil.e", 0);

  g_assert_cmpuint (sink->posts->len, ==, 0);
  /* The archive's day (2024-07-10) is later than anything inside. */
  g_assert_cmpint (sink->exported_at, ==, 1720569600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_insights_german (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("insights-de");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);

  /* "Gef\u00c3\u00a4llt mir" is "Gefällt mir" once repaired; "12.345" groups thousands. */
  post = rapport_test_assert_post (sink, "1714557600", RAPPORT_POST_PHOTO, 1714557600,
                                   "Sonntag am See #sonntag");
  g_assert_cmpint (post->likes, ==, 12345);
  g_assert_cmpint (post->comments, ==, 1002);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, 7);
  g_assert_cmpint (post->impressions, ==, 45678);
  g_assert_cmpint (post->reach, ==, 30001);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);

  /* Upper case label, and the creation time under a translated label. */
  post = rapport_test_assert_post (sink, "1715162400", RAPPORT_POST_PHOTO, 1715162400, "Regen");
  g_assert_cmpint (post->likes, ==, 8);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);

  g_assert_cmpint (sink->exported_at, ==, 1715162400);
  g_assert_cmpuint (sink->counts->len, ==, 1);
  count = g_array_index (sink->counts, RapportFollowerCount, 0);
  g_assert_cmpint (count.at, ==, 1715162400);
  g_assert_cmpint (count.count, ==, 2048);
  g_assert_cmpint (count.source, ==, RAPPORT_COUNT_SOURCE_INSIGHTS);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* A zip as macOS makes it: one top folder, __MACOSX/ shadows and .DS_Store files.  One
 * timestamp is quoted, which says the same as a number. */
static void
test_zip_from_mac (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "instagram-zip.user-2024-03-01-Ab12.zip", NULL);
  g_autoptr(RapportTestSink) sink = NULL;

  rapport_test_write_archive (path, "zip",
    "instagram-zip.user-2024-03-01-Ab12/", NULL,
    "instagram-zip.user-2024-03-01-Ab12/.DS_Store", "\x01\x02 not json",
    "instagram-zip.user-2024-03-01-Ab12/connections/followers_and_following/followers_1.json",
      "[" FOLLOWER_ROW ("anna_b", "1704103200") "]",
    "instagram-zip.user-2024-03-01-Ab12/connections/followers_and_following/following.json",
      "{\"relationships_following\": [" FOLLOWER_ROW ("bert.b", "\"1704189600\"") "]}",
    "__MACOSX/instagram-zip.user-2024-03-01-Ab12/connections/followers_and_following/followers_2.json",
      "\x00\x05\x16\x07 not json",
    "__MACOSX/instagram-zip.user-2024-03-01-Ab12/connections/followers_and_following/._followers_1.json",
      "\x00\x05\x16\x07 not json",
    NULL);

  sink = rapport_test_instagram_import (path);
  g_assert_cmpstr (sink->handle, ==, "zip.user");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "bert.b", 1704189600);
  g_assert_cmpint (sink->exported_at, ==, 1709251200); /* 2024-03-01 from the name */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  rapport_test_remove_tree (dir);
}

/* Imports a zip named @zip_name holding @entry with @content (and, with @with_profile, the
 * account's personal information) and expects @code with a message containing @fragment. */
static void
assert_import_fails (const char *zip_name,
                     gboolean    with_profile,
                     const char *entry,
                     const char *content,
                     int         code,
                     const char *fragment)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, zip_name, NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  if (with_profile)
    rapport_test_write_archive (path, "zip", PROFILE_ENTRY, PROFILE_JSON, entry, content, NULL);
  else
    rapport_test_write_archive (path, "zip", entry, content, NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (rapport_instagram_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);

  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  const char *name = "export.zip";
  const char *entry = "connections/followers_and_following/followers_1.json";

  /* Not JSON at all, cut off, or with trailing garbage: the entry and the line are named. */
  assert_import_fails (name, TRUE, entry, "<html>followers</html>", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: not valid JSON (line 1");
  assert_import_fails (name, TRUE, entry, "[\n" FOLLOWER_ROW ("anna_b", "1") ",\n{\"title\": \"x\", ",
                       RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: not valid JSON (line 3");
  assert_import_fails (name, TRUE, entry, "[" FOLLOWER_ROW ("anna_b", "1") "] ]",
                       RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: not valid JSON (line 1");
  assert_import_fails (name, TRUE, entry, "[{\"title\": \"a\\qb\"}]", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: not valid JSON (line 1");
  assert_import_fails (name, TRUE, entry, "", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: not valid JSON (line 1");

  /* Valid JSON, but not a list of accounts. */
  assert_import_fails (name, TRUE, entry, "\"followers\"", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: "
                       "the file does not hold a list of accounts");
  assert_import_fails (name, TRUE, entry, "{\"count\": 3, \"next\": null}", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "connections/followers_and_following/followers_1.json: "
                       "the file does not hold a list of accounts");

  /* Posts and other files are read whole: their errors name them too. */
  assert_import_fails (name, TRUE, "your_instagram_activity/content/posts_1.json", "{\"posts\": 1}",
                       RAPPORT_IMPORT_ERROR_MALFORMED,
                       "your_instagram_activity/content/posts_1.json: the file does not hold a list of posts");
  assert_import_fails (name, TRUE, "your_instagram_activity/content/posts_1.json", "[{",
                       RAPPORT_IMPORT_ERROR_MALFORMED,
                       "your_instagram_activity/content/posts_1.json: not valid JSON");
  /* A damaged profile is passed over (see test_identity()): with nothing else, nothing
   * is left to import. */
  assert_import_fails (name, FALSE, PROFILE_ENTRY, "{\"profile_user\": [",
                       RAPPORT_IMPORT_ERROR_EMPTY,
                       "export.zip: nothing in the export describes the account’s audience or "
                       "posts (no followers, following, posts, insights, comments or likes); "
                       "it holds personal_information.json");

  /* Something else entirely, and an Instagram export without anything Rapport reads: the one
   * line of the refusal says what it found. */
  assert_import_fails (name, FALSE, "data/tweets.js", "window.YTD.tweets.part0 = []",
                       RAPPORT_IMPORT_ERROR_UNRECOGNIZED, "export.zip: not an Instagram export");
  assert_import_fails (name, TRUE, "your_instagram_activity/saved/saved_posts.json",
                       "{\"saved_saved_media\": []}",
                       RAPPORT_IMPORT_ERROR_EMPTY,
                       "export.zip: nothing in the export describes the account’s audience or "
                       "posts (no followers, following, posts, insights, comments or likes); "
                       "it holds personal_information.json, saved_posts.json");
}

#define SPLIT_DIR "connections/followers_and_following/"
#define N_SPLIT_FANS 3000

/* Writes an export whose followers come in three files, @second holding followers_2.json. */
static RapportArchive *
open_split_export (const char *dir,
                   const char *second)
{
  g_autofree char *path = g_build_filename (dir, "instagram-jo.doe-20240301.zip", NULL);
  g_autoptr(GString) first = g_string_new ("[" FOLLOWER_ROW ("anna_b", "1704103200") ", 42, "
                                           FOLLOWER_ROW ("Ben", "1704103300"));
  g_autoptr(GError) error = NULL;
  RapportArchive *archive;

  /* The first file is much the longest, so it finishes scanning last. */
  for (guint i = 0; i < N_SPLIT_FANS; i++)
    g_string_append_printf (first, ", " FOLLOWER_ROW ("fan%04u", "1704000000"), i, i);
  g_string_append (first, "]");

  rapport_test_write_archive (path, "zip", PROFILE_ENTRY, PROFILE_JSON,
                              SPLIT_DIR "followers_1.json", first->str,
                              SPLIT_DIR "followers_2.json", second,
                              SPLIT_DIR "followers_3.json",
                              "[{\"title\": \"\", \"string_list_data\": [{\"timestamp\": 1704103500}]}, "
                              FOLLOWER_ROW ("dora", "1704103600") "]",
                              SPLIT_DIR "following.json",
                              "{\"relationships_following\": [" FOLLOWER_ROW ("anna_b", "1704000000") "]}",
                              NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  return archive;
}

/* Split lists are scanned side by side but reach the sink exactly in file order, with every
 * skipped row named by its file; a bad file or a failing sink stops the import cleanly. */
static void
test_split_lists (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchive) broken = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportTestSink) failing = rapport_test_sink_new ();
  g_autoptr(RapportTestSink) unused = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  archive = open_split_export (dir, "[" FOLLOWER_ROW ("carla", "1704103400") ", "
                                    FOLLOWER_ROW ("ben", "1704103450") "]");
  g_assert_true (rapport_instagram_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->followers->len, ==, N_SPLIT_FANS + 5);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "Ben", 1704103300);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "fan0000", 1704000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 1, "fan2999",
                                1704000000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 2, "carla",
                                1704103400);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 3, "ben",
                                1704103450);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 4, "dora",
                                1704103600);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704000000);
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   SPLIT_DIR "followers_1.json: a row that does not describe an account");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   SPLIT_DIR "followers_3.json: a follower without a user name");

  /* The sink fails while the later files may still be scanning. */
  failing->fail_after = 2;
  g_assert_false (rapport_instagram_import (archive, &failing->parent, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (failing->followers->len, ==, 2);
  g_clear_error (&error);

  /* A broken middle file is named, even though the files around it scanned fine. */
  broken = open_split_export (dir, "[" FOLLOWER_ROW ("carla", "1704103400") ", {\"title\": ");
  g_assert_false (rapport_instagram_import (broken, &unused->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, SPLIT_DIR "followers_2.json: not valid JSON (line 1"));

  rapport_test_remove_tree (dir);
}

static gboolean
zip_is_recognized (const char *first_entry,
                   ...)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "archive.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  const char *second_entry;
  va_list args;
  gboolean recognized;

  va_start (args, first_entry);
  second_entry = va_arg (args, const char *);
  va_end (args);

  rapport_test_write_archive (path, "zip", first_entry, "{}", second_entry, second_entry ? "{}" : NULL, NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  recognized = rapport_instagram_recognizes (archive);
  rapport_test_remove_tree (dir);
  return recognized;
}

static void
test_recognizes (void)
{
  g_assert_true (zip_is_recognized ("x/connections/followers_and_following/following.json", NULL));
  g_assert_true (zip_is_recognized ("your_instagram_activity/likes/liked_posts.json", "a/b.txt", NULL));
  g_assert_true (zip_is_recognized ("connections.json", "profile.json", NULL));
  g_assert_false (zip_is_recognized ("connections.json", "notes.txt", NULL));
  g_assert_false (zip_is_recognized ("data/tweets.js", "data/manifest.js", NULL));
  g_assert_false (zip_is_recognized ("user_data_tiktok.json", NULL));
}

static void
test_cancel_and_sink_failure (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "instagram", "2024", NULL);
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportTestSink) failing = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (archive);
  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_instagram_import (archive, &sink->parent, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The sink's error stops the import and comes back unchanged. */
  failing->fail_after = 2;
  g_assert_false (rapport_instagram_import (archive, &failing->parent, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (failing->followers->len, ==, 2);
  g_assert_cmpuint (failing->posts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instagram/2020", test_2020);
  g_test_add_func ("/instagram/2022", test_2022);
  g_test_add_func ("/instagram/2023", test_2023);
  g_test_add_func ("/instagram/2024", test_2024);
  g_test_add_func ("/instagram/2025", test_2025);
  g_test_add_func ("/instagram/html", test_html);
  g_test_add_func ("/instagram/insights-german", test_insights_german);
  g_test_add_func ("/instagram/zip-from-mac", test_zip_from_mac);
  g_test_add_func ("/instagram/bad-input", test_bad_input);
  g_test_add_func ("/instagram/split-lists", test_split_lists);
  g_test_add_func ("/instagram/recognizes", test_recognizes);
  g_test_add_func ("/instagram/cancel-and-sink-failure", test_cancel_and_sink_failure);

  return g_test_run ();
}
