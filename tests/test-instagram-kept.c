/* test-instagram-kept.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instagram exports as people keep them: parts of exports, exports named only by their file or
 * folder names, the Accounts Center's wrapper, the files of 2025 and 2026, and what is refused.
 * Every expected value below was worked out by hand from the fixtures in
 * tests/fixtures/instagram/ or the files written here; the dates in the comments are UTC.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-importer.h"

#include "rapport-test-instagram.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

/* A 2022 zip as people keep it: only the follow lists, no personal information, in the zip's
 * top folder <user>_<YYYYMMDD>, which says whose export it is and when it was made. */
static void
test_followers_only (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("followers-only");

  g_assert_cmpstr (sink->handle, ==, "ruth.m");
  g_assert_false (sink->provisional);
  g_assert_null (sink->display_name);

  g_assert_cmpuint (sink->followers->len, ==, 2);
  /* 2022-03-01 09:00 and 2022-05-10 18:30 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "pia.q", 1646125200);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "tomas_v", 1652207400);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "pia.q", 1654084800);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->interactions->len, ==, 0);

  g_assert_cmpint (sink->exported_at, ==, 1659225600); /* 2022-07-31, the folder's date */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* The Accounts Center wraps the Instagram export and a Facebook one in meta-<date>/.  Only the
 * Instagram part is read: the Facebook part's personal information names another user. */
static void
test_meta_wrapper (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("meta-wrapper");

  g_assert_cmpstr (sink->handle, ==, "lena.s");
  g_assert_false (sink->provisional);
  g_assert_null (sink->display_name);

  g_assert_cmpuint (sink->followers->len, ==, 2);
  /* 2025-11-02 17:45 and 2025-12-20 08:00 */
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "omar.f", 1762105500);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "pia.q", 1766217600);
  /* 2025 following: the name in "title", the link through /_u/. */
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "pia.q", 1766916000);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  rapport_test_assert_post (sink, "1767387600", RAPPORT_POST_PHOTO, 1767387600,
                            "Winter light #snow");

  /* The day in the export's folder name, later than anything inside (2026-01-02 21:00). */
  g_assert_cmpint (sink->exported_at, ==, 1767484800); /* 2026-01-04 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_skipped (sink, 0, "facebook-lena.s-2026-01-04-Xy9Zq: "
                               "the Facebook export beside the Instagram one is not read yet");
}


/* 2026: likes as label_values records, the owner of a liked post one level deeper, a text date;
 * every other relationship file and Threads' lists beside the follow lists, not read. */
static void
test_2026 (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2026");

  g_assert_cmpstr (sink->handle, ==, "noor.h");
  g_assert_false (sink->provisional);
  g_assert_cmpstr (sink->display_name, ==, "Noor H");

  g_assert_cmpuint (sink->followers->len, ==, 2);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "ines.r", 1769940000);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "omar.f", 1773577800);
  g_assert_cmpuint (sink->following->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "ines.r", 1776672900);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  rapport_test_assert_kinds (sink, 1, 0, 0, 0);
  rapport_test_assert_post (sink, "1777134000", RAPPORT_POST_PHOTO, 1777134000,
                            "Spring again #garden");

  /* Saved posts are not likes. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_LIKE, "ines.r", 1775152800, NULL);
  rapport_test_assert_interaction (sink, 1, RAPPORT_INTERACTION_LIKE, "omar.f", 1775814300, NULL);
  /* "May 07, 2026 7:26:55pm" */
  rapport_test_assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, "pia.q", 1778182015, NULL);

  /* The text date is the newest time inside. */
  g_assert_cmpint (sink->exported_at, ==, 1778182015);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* Files of a single row that hold the row bare: a follower, a post, and a like whose first list
 * is an empty "media": [], not its rows. */
static void
test_single_row (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("single-row");

  g_assert_cmpstr (sink->handle, ==, "tariq.b");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "vera.l", 1748779200);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  rapport_test_assert_post (sink, "1749978000", RAPPORT_POST_PHOTO, 1749978000, "Just one");
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_LIKE, "vera.l", 1751439108, NULL);

  g_assert_cmpint (sink->exported_at, ==, 1751439108); /* 2025-07-02 06:51:48 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* The 2025 tree: start_here.html, and a public-media/ tree that repeats the posts and reels;
 * posts, reels, stories and archived posts each counted once, with their kind. */
static void
test_2025_tree (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("2025-tree");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "sol.e");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "kim.o", 1746885600);

  g_assert_cmpuint (sink->posts->len, ==, 6);
  rapport_test_assert_kinds (sink, 3, 1, 2, 1);
  post = rapport_test_assert_post (sink, "1748779200", RAPPORT_POST_PHOTO, 1748779200,
                                   "Harbour #sea");
  g_assert_false (post->archived);
  rapport_test_assert_post (sink, "1749978000", RAPPORT_POST_CAROUSEL, 1749978000, "Two views");
  rapport_test_assert_post (sink, "1753041600", RAPPORT_POST_REEL, 1753041600, "Reel #one");
  rapport_test_assert_post (sink, "1754031600", RAPPORT_POST_STORY, 1754031600, NULL);
  rapport_test_assert_post (sink, "1754118000", RAPPORT_POST_STORY, 1754118000, "Morning");
  /* archived_posts.json: still the creator's post, and it counts for cadence. */
  post = rapport_test_assert_post (sink, "1737363600", RAPPORT_POST_PHOTO, 1737363600, "Old one");
  g_assert_true (post->archived);

  g_assert_cmpint (sink->exported_at, ==, 1754118000); /* the later story, 2025-08-02 07:00 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* A professional account's insights without the posts: each post they describe is imported
 * with its figures, its caption and kind from the thumbnail; the audience gives the total. */
static void
test_insights_only (void)
{
  g_autoptr(RapportTestSink) sink = rapport_test_instagram_fixture ("insights-only");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "dev.k");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  rapport_test_assert_kinds (sink, 1, 1, 0, 0);
  post = rapport_test_assert_post (sink, "1730628000", RAPPORT_POST_PHOTO, 1730628000,
                                   "Autumn walk #leaves");
  rapport_test_assert_strv (post->hashtags, "leaves");
  g_assert_cmpint (post->likes, ==, 120);
  g_assert_cmpint (post->comments, ==, 4);
  g_assert_cmpint (post->impressions, ==, 2048);
  g_assert_cmpint (post->reach, ==, 1500);
  g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
  post = rapport_test_assert_post (sink, "1733067000", RAPPORT_POST_REEL, 1733067000, "Quick tip");
  g_assert_cmpint (post->likes, ==, 1024);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, 17);

  g_assert_cmpint (sink->exported_at, ==, 1733067000); /* 2024-12-01 15:30 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->counts->len, ==, 1);
  count = g_array_index (sink->counts, RapportFollowerCount, 0);
  g_assert_cmpint (count.at, ==, 1733067000);
  g_assert_cmpint (count.count, ==, 2310);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}


#define FOLLOWERS_ENTRY "connections/followers_and_following/followers_1.json"

/* A follow list of one row may hold it bare, its first list an empty media_list_data; the
 * files of other lists are not follow lists, whatever their name. */
static void
test_follow_list_shapes (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportTestSink) sink = NULL;

  sink = rapport_test_instagram_zip (dir, "instagram-jo.doe-2026-01-04-Ab1.zip",
                                     "connections/followers_and_following/followers_1.json",
                                     FOLLOWER_ROW ("anna_b", "1704103200"),
                                     "connections/followers_and_following/followers_2.json",
                                     "{\"relationships_follow_requests_received\": ["
                                     FOLLOWER_ROW ("carl.c", "1704103300") "]}",
                                     "connections/followers_and_following/following.json",
                                     "{\"relationships_close_friends\": ["
                                     FOLLOWER_ROW ("bert.b", "1704103400") "]}",
                                     NULL);

  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 1);
  rapport_test_assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  /* Close friends are not the accounts followed: the export has no following list. */
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  /* All entries share connections/: it is not part of their names. */
  rapport_test_assert_skipped (sink, 0, "followers_and_following/followers_2.json: the file holds "
                               "“relationships_follow_requests_received”, not followers");
  rapport_test_assert_skipped (sink, 1, "followers_and_following/following.json: the file holds "
                               "“relationships_close_friends”, not followed accounts");

  rapport_test_remove_tree (dir);
}

/* Whose export it is, in order of trust, and when it was made. */
static void
test_identity (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportTestSink) nobody = NULL;
  g_autoptr(RapportTestSink) damaged = NULL;
  g_autoptr(RapportTestSink) wrapped = NULL;
  g_autoptr(RapportTestSink) same_day = NULL;
  g_autoptr(RapportTestSink) later = NULL;

  /* Nothing names the account: the archive's name stands in, and the account is provisional.
   * The newest time inside dates the export. */
  nobody = rapport_test_instagram_zip (dir, "Instagram backup.zip", FOLLOWERS_ENTRY,
                                       "[" FOLLOWER_ROW ("anna_b", "1704103200") "]", NULL);
  g_assert_cmpstr (nobody->handle, ==, "Instagram backup");
  g_assert_true (nobody->provisional);
  g_assert_cmpuint (nobody->followers->len, ==, 1);
  g_assert_cmpint (nobody->exported_at, ==, 1704103200);
  g_assert_cmpint (nobody->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  /* A damaged profile is named and passed over; the zip's name says whose export it is. */
  damaged = rapport_test_instagram_zip (dir, "instagram-kai.w-2024-03-01-Zz9.zip",
                                        PROFILE_ENTRY, "{\"profile_user\": [", FOLLOWERS_ENTRY,
                                        "[" FOLLOWER_ROW ("anna_b", "1704103200") "]", NULL);
  g_assert_cmpstr (damaged->handle, ==, "kai.w");
  g_assert_false (damaged->provisional);
  g_assert_cmpuint (damaged->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (damaged->skipped, 0),
                            PROFILE_ENTRY ": not valid JSON"));
  g_assert_cmpint (damaged->exported_at, ==, 1709251200); /* 2024-03-01 */
  g_assert_cmpint (damaged->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* The Accounts Center's wrapper without a Facebook part: both folders are stripped from
   * the entry names, and the inner one names the account. */
  wrapped = rapport_test_instagram_zip (dir, "download (1).zip",
                                        "meta-2026-Jan-04-10-15-30/"
                                        "instagram-lena.s-2026-01-04-Ab3dE/" FOLLOWERS_ENTRY,
                                        "[" FOLLOWER_ROW ("omar.f", "1762105500") "]", NULL);
  g_assert_cmpstr (wrapped->handle, ==, "lena.s");
  g_assert_false (wrapped->provisional);
  g_assert_cmpint (wrapped->exported_at, ==, 1767484800); /* 2026-01-04 */
  g_assert_cmpint (wrapped->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* The personal information wins over the name; the name's day is the export date even
   * though a follower came later that day (2024-03-01 09:00). */
  same_day = rapport_test_instagram_zip (dir, "instagram-someone-2024-03-01-Ab1.zip",
                                         PROFILE_ENTRY, PROFILE_JSON, FOLLOWERS_ENTRY,
                                         "[" FOLLOWER_ROW ("anna_b", "1709283600") "]", NULL);
  g_assert_cmpstr (same_day->handle, ==, "jo.doe");
  g_assert_cmpint (same_day->exported_at, ==, 1709251200);
  g_assert_cmpint (same_day->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* A day in the name older than what is inside (2024-03-05 10:00) dates something else. */
  later = rapport_test_instagram_zip (dir, "instagram-someone-2024-03-01-Ab1.zip",
                                      PROFILE_ENTRY, PROFILE_JSON, FOLLOWERS_ENTRY,
                                      "[" FOLLOWER_ROW ("anna_b", "1709632800") "]", NULL);
  g_assert_cmpint (later->exported_at, ==, 1709632800);
  g_assert_cmpint (later->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  rapport_test_remove_tree (dir);
}


/* Nothing in it describes the account's audience or posts: other lists of accounts, saved
 * posts and the page to start from.  The refusal names what the export holds. */
static void
test_refusal (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "instagram-jo.doe-2026-01-04-Ab1.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip",
                              "connections/followers_and_following/blocked_profiles.json",
                              "{\"relationships_blocked_users\": []}",
                              "connections/followers_and_following/close_friends.json",
                              "{\"relationships_close_friends\": []}",
                              PROFILE_ENTRY, PROFILE_JSON,
                              "start_here.html", "<html></html>",
                              "your_instagram_activity/saved/saved_posts.json",
                              "{\"saved_saved_media\": []}",
                              NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_instagram_recognizes (archive));

  g_assert_false (rapport_instagram_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "instagram-jo.doe-2026-01-04-Ab1.zip: nothing in the export describes the "
                   "account’s audience or posts (no followers, following, posts, insights, "
                   "comments or likes); it holds blocked_profiles.json, close_friends.json, "
                   "personal_information.json and 2 other files");

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instagram-kept/followers-only", test_followers_only);
  g_test_add_func ("/instagram-kept/meta-wrapper", test_meta_wrapper);
  g_test_add_func ("/instagram-kept/identity", test_identity);
  g_test_add_func ("/instagram-kept/2025-tree", test_2025_tree);
  g_test_add_func ("/instagram-kept/2026", test_2026);
  g_test_add_func ("/instagram-kept/single-row", test_single_row);
  g_test_add_func ("/instagram-kept/follow-list-shapes", test_follow_list_shapes);
  g_test_add_func ("/instagram-kept/insights-only", test_insights_only);
  g_test_add_func ("/instagram-kept/refusal", test_refusal);

  return g_test_run ();
}
