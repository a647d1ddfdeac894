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

#include "rapport-test-sink.h"
#include "rapport-test-util.h"

/* "😂" */
#define TEARS_OF_JOY "\xf0\x9f\x98\x82"

static RapportTestSink *
import_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, &error);
  RapportTestSink *sink;

  g_assert_no_error (error);
  g_assert_true (rapport_instagram_recognizes (archive));

  sink = rapport_test_sink_new ();
  g_assert_true (rapport_instagram_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  return sink;
}

static RapportTestSink *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "instagram", name, NULL);

  return import_path (path);
}

static void
assert_relation (RapportTestSink  *sink,
                 RapportDirection  direction,
                 guint             index,
                 const char       *handle,
                 gint64            since)
{
  GPtrArray *list = direction == RAPPORT_DIRECTION_FOLLOWER ? sink->followers : sink->following;
  const RapportRelation *relation;

  g_assert_cmpuint (index, <, list->len);
  relation = g_ptr_array_index (list, index);
  g_assert_cmpint (relation->direction, ==, direction);
  g_assert_cmpstr (relation->handle, ==, handle);
  g_assert_null (relation->platform_id);
  g_assert_cmpint (relation->since, ==, since);
}

static const RapportPost *
assert_post (RapportTestSink *sink,
             const char      *id,
             RapportPostType  type,
             gint64           created_at,
             const char      *text)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, type);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpstr (post->text, ==, text);
  g_assert_null (post->url);
  return post;
}

static void
assert_strv (const char * const *actual,
             const char         *expected)
{
  g_autofree char *joined = actual != NULL ? g_strjoinv ("|", (char **) actual) : g_strdup ("");

  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_no_counts (const RapportPost *post)
{
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->reach, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
}

static void
assert_interaction (RapportTestSink        *sink,
                    guint                   index,
                    RapportInteractionKind  kind,
                    const char             *target,
                    gint64                  at,
                    const char             *text)
{
  const RapportInteraction *interaction;

  g_assert_cmpuint (index, <, sink->interactions->len);
  interaction = g_ptr_array_index (sink->interactions, index);
  g_assert_cmpint (interaction->kind, ==, kind);
  g_assert_cmpstr (interaction->target_handle, ==, target);
  g_assert_cmpint (interaction->at, ==, at);
  g_assert_cmpstr (interaction->text, ==, text);
}

static void
assert_skipped (RapportTestSink *sink,
                guint            index,
                const char      *message)
{
  g_assert_cmpuint (index, <, sink->skipped->len);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, index), ==, message);
}

/* The posts the sink got, by kind: feed posts (photos, videos and carousels), reels and
 * stories, and how many of them all were archived. */
static void
assert_kinds (RapportTestSink *sink,
              guint            feed,
              guint            reels,
              guint            stories,
              guint            archived)
{
  guint counted[4] = { 0 };

  for (guint i = 0; i < sink->posts->len; i++)
    {
      const RapportPost *post = g_ptr_array_index (sink->posts, i);

      if (post->type == RAPPORT_POST_REEL)
        counted[1]++;
      else if (post->type == RAPPORT_POST_STORY)
        counted[2]++;
      else
        {
          g_assert_true (post->type == RAPPORT_POST_PHOTO || post->type == RAPPORT_POST_VIDEO ||
                         post->type == RAPPORT_POST_CAROUSEL);
          counted[0]++;
        }
      counted[3] += post->archived ? 1 : 0;
    }
  g_assert_cmpuint (counted[0], ==, feed);
  g_assert_cmpuint (counted[1], ==, reels);
  g_assert_cmpuint (counted[2], ==, stories);
  g_assert_cmpuint (counted[3], ==, archived);
}

static void
test_2024 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2024");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo D\xc3\xb6" "e");
  g_assert_null (sink->platform_id);

  /* followers_1.json: three accounts and a row without any name. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);          /* 2024-01-01 10:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "j\xc3\xbcrgen.k", 1706781600); /* 2024-02-01 10:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "__deleted__61820", 1709290800);

  /* following.json; following_hashtags.json and recently_unfollowed_profiles.json are not read. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704189600);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "dora.d", 1711965600);

  /* Three feed posts (one without a time is skipped), a reel and a story. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  assert_kinds (sink, 3, 1, 1, 0);

  post = assert_post (sink, "1714557600", RAPPORT_POST_PHOTO, 1714557600,
                      "Morning run " TEARS_OF_JOY " #RunningMan #5k with @Anna_B and @dora.d.");
  assert_strv (post->hashtags, "runningman|5k");
  assert_strv (post->mentions, "anna_b|dora.d");
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
  post = assert_post (sink, "1715162400", RAPPORT_POST_CAROUSEL, 1715162400,
                      "Trip recap #travel #Caf\xc3\xa9Life #travel");
  assert_strv (post->hashtags, "travel|caf\xc3\xa9life");
  assert_strv (post->mentions, "");
  /* Lower-case labels in the insights. */
  g_assert_cmpint (post->likes, ==, 40);
  g_assert_cmpint (post->comments, ==, 0);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);

  post = assert_post (sink, "1717236000", RAPPORT_POST_VIDEO, 1717236000, "Clip");
  assert_no_counts (post);

  post = assert_post (sink, "1718100000", RAPPORT_POST_REEL, 1718100000, "Reel time #Reels");
  assert_strv (post->hashtags, "reels");
  assert_no_counts (post);

  post = assert_post (sink, "1718200000", RAPPORT_POST_STORY, 1718200000, NULL);
  assert_strv (post->hashtags, "");

  /* Comments and likes given. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "dora.d", 1719000000, "So good " TEARS_OF_JOY);
  assert_interaction (sink, 1, RAPPORT_INTERACTION_COMMENT, "anna_b", 1719100000, "Nice");
  assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, "carl.c", 1719200000, NULL);

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
  assert_skipped (sink, 0, "connections/followers_and_following/followers_1.json: a follower without a user name");
  assert_skipped (sink, 1, "your_instagram_activity/content/posts_1.json: a post without a creation time");
  assert_skipped (sink, 2, "logged_information/past_instagram_insights/posts.json: insights of a post "
                           "from 2023-11-14 that is not among the exported posts");
}

static void
test_2020 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2020");
  const RapportPost *post;

  /* profile.json */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo D\xc3\xb6" "e");

  /* connections.json maps names to ISO 8601 dates; follow requests and hashtags are not lists. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1556712000); /* 2019-05-01 12:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "carl.c", 1579077000); /* 2020-01-15 08:30 */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1556787600);

  /* media.json: photos, videos and stories; profile pictures are not posts. */
  g_assert_cmpuint (sink->posts->len, ==, 3);
  post = assert_post (sink, "1559372400", RAPPORT_POST_PHOTO, 1559372400,
                      "First light #Sunrise with @anna_b " TEARS_OF_JOY);
  assert_strv (post->hashtags, "sunrise");
  assert_strv (post->mentions, "anna_b");
  assert_no_counts (post);
  /* "2019-07-01T18:00:00" has no zone: UTC. */
  post = assert_post (sink, "1562004000", RAPPORT_POST_VIDEO, 1562004000, "Sea #waves");
  assert_strv (post->hashtags, "waves");
  assert_post (sink, "1564689600", RAPPORT_POST_STORY, 1564689600, NULL);

  /* comments.json rows are [time, text, owner]; likes.json media_likes [time, owner]; likes of
   * comments are not likes of posts. */
  g_assert_cmpuint (sink->interactions->len, ==, 2);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "anna_b", 1580551200, "Love this! " TEARS_OF_JOY);
  assert_interaction (sink, 1, RAPPORT_INTERACTION_LIKE, "carl.c", 1580641200, NULL);

  g_assert_cmpint (sink->exported_at, ==, 1580641200); /* 2020-02-02 11:00 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->counts->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_2022 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2022");
  const RapportPost *post;

  /* account_information/personal_information.json with an empty name. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_null (sink->display_name);

  /* {"relationships_followers": [...]}; a row without timestamp has since 0.  The garbage
   * followers_2.json under __MACOSX/ and the .DS_Store files are not read. */
  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1650000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "emil.e", 0);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "emil.e", 1650100000);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = assert_post (sink, "1650200000", RAPPORT_POST_PHOTO, 1650200000,
                      "Spring \xf0\x9f\x8c\xb8 #Fr\xc3\xbchling");
  assert_strv (post->hashtags, "fr\xc3\xbchling");

  /* comments/post_comments.json wrapped in {"comments_media_comments": [...]}. */
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, "emil.e", 1650300000, "Sch\xc3\xb6n!");

  g_assert_cmpint (sink->exported_at, ==, 1650300000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  assert_skipped (sink, 0, "followers_and_following/followers.json: a row that does not describe an account");
  assert_skipped (sink, 1, "followers_and_following/followers.json: a follower without a user name");
}

static void
test_2023 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2023");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo");

  /* followers_1, _2, _3 (empty) and _10, in natural order. */
  g_assert_cmpuint (sink->followers->len, ==, 4);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1672567200);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "bert.b", 1672653600);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "carl.c", 1672740000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 3, "dora.d", 1672826400);

  /* An empty following list is still a list. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  post = assert_post (sink, "1673000000", RAPPORT_POST_PHOTO, 1673000000,
                      "\xe6\x9d\xb1\xe4\xba\xac #\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc #night");
  assert_strv (post->hashtags, "\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc|night");

  g_assert_cmpint (sink->exported_at, ==, 1673000000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_2025 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2025");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo \xf0\x9f\x8f\x83");

  g_assert_cmpuint (sink->followers->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "mara.m", 1735725600);

  /* The name in "title", else from the /_u/ link without query or trailing slash. */
  g_assert_cmpuint (sink->following->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "mara.m", 1735812000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "nils.n", 1736000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 2, "otto_o", 0);

  /* your_instagram_activity/media/posts_1.json */
  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = assert_post (sink, "1736200000", RAPPORT_POST_VIDEO, 1736200000,
                      "New year, new trails #trailrunning @mara.m");
  assert_strv (post->hashtags, "trailrunning");
  assert_strv (post->mentions, "mara.m");

  /* The skipped row's timestamp (2025-01-05) does not count; the post is the newest. */
  g_assert_cmpint (sink->exported_at, ==, 1736200000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  assert_skipped (sink, 0, "connections/followers_and_following/following.json: "
                           "a followed account without a user name");
}

static void
test_html (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("html/instagram-jo.doe-2024-07-10-Xyz12");

  /* No personal information in this export: the name of the archive says whose it is. */
  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_null (sink->display_name);

  /* Profile links only: not help, login, explore or post links.  The German date is not read. */
  g_assert_cmpuint (sink->followers->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1720190040); /* Jul 5, 2024, 2:34 PM */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "carl.c", 0);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "dora.d", 1719745500); /* Jun 30, 2024 11:05 am */

  g_assert_cmpuint (sink->following->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704189600);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 1, "emil.e", 0);

  g_assert_cmpuint (sink->posts->len, ==, 0);
  /* The archive's day (2024-07-10) is later than anything inside. */
  g_assert_cmpint (sink->exported_at, ==, 1720569600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_insights_german (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("insights-de");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "jo.doe");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);

  /* "Gef\u00c3\u00a4llt mir" is "Gefällt mir" once repaired; "12.345" groups thousands. */
  post = assert_post (sink, "1714557600", RAPPORT_POST_PHOTO, 1714557600, "Sonntag am See #sonntag");
  g_assert_cmpint (post->likes, ==, 12345);
  g_assert_cmpint (post->comments, ==, 1002);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, 7);
  g_assert_cmpint (post->impressions, ==, 45678);
  g_assert_cmpint (post->reach, ==, 30001);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);

  /* Upper case label, and the creation time under a translated label. */
  post = assert_post (sink, "1715162400", RAPPORT_POST_PHOTO, 1715162400, "Regen");
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

/* A 2022 zip as people keep it: only the follow lists, no personal information, in the zip's
 * top folder <user>_<YYYYMMDD>, which says whose export it is and when it was made. */
static void
test_followers_only (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("followers-only");

  g_assert_cmpstr (sink->handle, ==, "ruth.m");
  g_assert_false (sink->provisional);
  g_assert_null (sink->display_name);

  g_assert_cmpuint (sink->followers->len, ==, 2);
  /* 2022-03-01 09:00 and 2022-05-10 18:30 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "pia.q", 1646125200);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "tomas_v", 1652207400);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "pia.q", 1654084800);
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
  g_autoptr(RapportTestSink) sink = import_fixture ("meta-wrapper");

  g_assert_cmpstr (sink->handle, ==, "lena.s");
  g_assert_false (sink->provisional);
  g_assert_null (sink->display_name);

  g_assert_cmpuint (sink->followers->len, ==, 2);
  /* 2025-11-02 17:45 and 2025-12-20 08:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "omar.f", 1762105500);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "pia.q", 1766217600);
  /* 2025 following: the name in "title", the link through /_u/. */
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "pia.q", 1766916000);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  assert_post (sink, "1767387600", RAPPORT_POST_PHOTO, 1767387600, "Winter light #snow");

  /* The day in the export's folder name, later than anything inside (2026-01-02 21:00). */
  g_assert_cmpint (sink->exported_at, ==, 1767484800); /* 2026-01-04 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  g_assert_cmpuint (sink->skipped->len, ==, 1);
  assert_skipped (sink, 0, "facebook-lena.s-2026-01-04-Xy9Zq: "
                           "the Facebook export beside the Instagram one is not read yet");
}

/* 2026: likes as label_values records, the owner of a liked post one level deeper, a text date;
 * every other relationship file and Threads' lists beside the follow lists, not read. */
static void
test_2026 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2026");

  g_assert_cmpstr (sink->handle, ==, "noor.h");
  g_assert_false (sink->provisional);
  g_assert_cmpstr (sink->display_name, ==, "Noor H");

  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "ines.r", 1769940000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "omar.f", 1773577800);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "ines.r", 1776672900);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  assert_kinds (sink, 1, 0, 0, 0);
  assert_post (sink, "1777134000", RAPPORT_POST_PHOTO, 1777134000, "Spring again #garden");

  /* Saved posts are not likes. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_LIKE, "ines.r", 1775152800, NULL);
  assert_interaction (sink, 1, RAPPORT_INTERACTION_LIKE, "omar.f", 1775814300, NULL);
  /* "May 07, 2026 7:26:55pm" */
  assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, "pia.q", 1778182015, NULL);

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
  g_autoptr(RapportTestSink) sink = import_fixture ("single-row");

  g_assert_cmpstr (sink->handle, ==, "tariq.b");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "vera.l", 1748779200);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  assert_post (sink, "1749978000", RAPPORT_POST_PHOTO, 1749978000, "Just one");
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_LIKE, "vera.l", 1751439108, NULL);

  g_assert_cmpint (sink->exported_at, ==, 1751439108); /* 2025-07-02 06:51:48 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* The 2025 tree: start_here.html, and a public-media/ tree that repeats the posts and reels;
 * posts, reels, stories and archived posts each counted once, with their kind. */
static void
test_2025_tree (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("2025-tree");
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "sol.e");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "kim.o", 1746885600);

  g_assert_cmpuint (sink->posts->len, ==, 6);
  assert_kinds (sink, 3, 1, 2, 1);
  post = assert_post (sink, "1748779200", RAPPORT_POST_PHOTO, 1748779200, "Harbour #sea");
  g_assert_false (post->archived);
  assert_post (sink, "1749978000", RAPPORT_POST_CAROUSEL, 1749978000, "Two views");
  assert_post (sink, "1753041600", RAPPORT_POST_REEL, 1753041600, "Reel #one");
  assert_post (sink, "1754031600", RAPPORT_POST_STORY, 1754031600, NULL);
  assert_post (sink, "1754118000", RAPPORT_POST_STORY, 1754118000, "Morning");
  /* archived_posts.json: still the creator's post, and it counts for cadence. */
  post = assert_post (sink, "1737363600", RAPPORT_POST_PHOTO, 1737363600, "Old one");
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
  g_autoptr(RapportTestSink) sink = import_fixture ("insights-only");
  const RapportPost *post;
  RapportFollowerCount count;

  g_assert_cmpstr (sink->handle, ==, "dev.k");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_kinds (sink, 1, 1, 0, 0);
  post = assert_post (sink, "1730628000", RAPPORT_POST_PHOTO, 1730628000, "Autumn walk #leaves");
  assert_strv (post->hashtags, "leaves");
  g_assert_cmpint (post->likes, ==, 120);
  g_assert_cmpint (post->comments, ==, 4);
  g_assert_cmpint (post->impressions, ==, 2048);
  g_assert_cmpint (post->reach, ==, 1500);
  g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
  post = assert_post (sink, "1733067000", RAPPORT_POST_REEL, 1733067000, "Quick tip");
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

#define FOLLOWER_ROW(name, when) \
  "{\"title\": \"\", \"media_list_data\": [], \"string_list_data\": [{\"href\": " \
  "\"https://www.instagram.com/" name "\", \"value\": \"" name "\", \"timestamp\": " when "}]}"

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

  sink = import_path (path);
  g_assert_cmpstr (sink->handle, ==, "zip.user");
  g_assert_cmpuint (sink->followers->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "bert.b", 1704189600);
  g_assert_cmpint (sink->exported_at, ==, 1709251200); /* 2024-03-01 from the name */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  rapport_test_remove_tree (dir);
}

#define PROFILE_ENTRY "personal_information/personal_information/personal_information.json"
#define PROFILE_JSON "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.doe\"}}}]}"

/* Imports a zip named @zip_name written from the NULL-terminated entry names and contents. */
static RapportTestSink *
import_zip (const char *dir,
            const char *zip_name,
            ...)
{
  g_autofree char *path = g_build_filename (dir, zip_name, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, zip_name);
  while ((arg = va_arg (list, const char *)) != NULL)
    {
      g_ptr_array_add (args, (gpointer) arg);
      g_ptr_array_add (args, va_arg (list, gpointer));
    }
  va_end (list);
  g_assert_cmpuint (args->len, <=, 6);
  g_ptr_array_set_size (args, 6);

  rapport_test_write_archive (path, "zip",
                              g_ptr_array_index (args, 0), g_ptr_array_index (args, 1),
                              g_ptr_array_index (args, 2), g_ptr_array_index (args, 3),
                              g_ptr_array_index (args, 4), g_ptr_array_index (args, 5),
                              NULL);
  return import_path (path);
}

#define FOLLOWERS_ENTRY "connections/followers_and_following/followers_1.json"

#define BARE_ROW(name, when) \
  "{\"title\": \"\", \"media_list_data\": [], \"string_list_data\": [{\"href\": " \
  "\"https://www.instagram.com/" name "\", \"value\": \"" name "\", \"timestamp\": " when "}]}"

/* A follow list of one row may hold it bare, its first list an empty media_list_data; the
 * files of other lists are not follow lists, whatever their name. */
static void
test_follow_list_shapes (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportTestSink) sink = NULL;

  sink = import_zip (dir, "instagram-jo.doe-2026-01-04-Ab1.zip",
                     "connections/followers_and_following/followers_1.json",
                     BARE_ROW ("anna_b", "1704103200"),
                     "connections/followers_and_following/followers_2.json",
                     "{\"relationships_follow_requests_received\": ["
                     FOLLOWER_ROW ("carl.c", "1704103300") "]}",
                     "connections/followers_and_following/following.json",
                     "{\"relationships_close_friends\": ["
                     FOLLOWER_ROW ("bert.b", "1704103400") "]}",
                     NULL);

  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  /* Close friends are not the accounts followed: the export has no following list. */
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  /* All entries share connections/: it is not part of their names. */
  assert_skipped (sink, 0, "followers_and_following/followers_2.json: the file holds "
                           "“relationships_follow_requests_received”, not followers");
  assert_skipped (sink, 1, "followers_and_following/following.json: the file holds "
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
  nobody = import_zip (dir, "Instagram backup.zip",
                       FOLLOWERS_ENTRY, "[" FOLLOWER_ROW ("anna_b", "1704103200") "]", NULL);
  g_assert_cmpstr (nobody->handle, ==, "Instagram backup");
  g_assert_true (nobody->provisional);
  g_assert_cmpuint (nobody->followers->len, ==, 1);
  g_assert_cmpint (nobody->exported_at, ==, 1704103200);
  g_assert_cmpint (nobody->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  /* A damaged profile is named and passed over; the zip's name says whose export it is. */
  damaged = import_zip (dir, "instagram-kai.w-2024-03-01-Zz9.zip",
                        PROFILE_ENTRY, "{\"profile_user\": [",
                        FOLLOWERS_ENTRY, "[" FOLLOWER_ROW ("anna_b", "1704103200") "]", NULL);
  g_assert_cmpstr (damaged->handle, ==, "kai.w");
  g_assert_false (damaged->provisional);
  g_assert_cmpuint (damaged->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (damaged->skipped, 0),
                            PROFILE_ENTRY ": not valid JSON"));
  g_assert_cmpint (damaged->exported_at, ==, 1709251200); /* 2024-03-01 */
  g_assert_cmpint (damaged->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* The Accounts Center's wrapper without a Facebook part: both folders are stripped from
   * the entry names, and the inner one names the account. */
  wrapped = import_zip (dir, "download (1).zip",
                        "meta-2026-Jan-04-10-15-30/instagram-lena.s-2026-01-04-Ab3dE/"
                        FOLLOWERS_ENTRY, "[" FOLLOWER_ROW ("omar.f", "1762105500") "]", NULL);
  g_assert_cmpstr (wrapped->handle, ==, "lena.s");
  g_assert_false (wrapped->provisional);
  g_assert_cmpint (wrapped->exported_at, ==, 1767484800); /* 2026-01-04 */
  g_assert_cmpint (wrapped->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* The personal information wins over the name; the name's day is the export date even
   * though a follower came later that day (2024-03-01 09:00). */
  same_day = import_zip (dir, "instagram-someone-2024-03-01-Ab1.zip",
                         PROFILE_ENTRY, PROFILE_JSON,
                         FOLLOWERS_ENTRY, "[" FOLLOWER_ROW ("anna_b", "1709283600") "]", NULL);
  g_assert_cmpstr (same_day->handle, ==, "jo.doe");
  g_assert_cmpint (same_day->exported_at, ==, 1709251200);
  g_assert_cmpint (same_day->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  /* A day in the name older than what is inside (2024-03-05 10:00) dates something else. */
  later = import_zip (dir, "instagram-someone-2024-03-01-Ab1.zip",
                      PROFILE_ENTRY, PROFILE_JSON,
                      FOLLOWERS_ENTRY, "[" FOLLOWER_ROW ("anna_b", "1709632800") "]", NULL);
  g_assert_cmpint (later->exported_at, ==, 1709632800);
  g_assert_cmpint (later->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

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
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 0, "anna_b", 1704103200);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 1, "Ben", 1704103300);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, 2, "fan0000", 1704000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 1, "fan2999", 1704000000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 2, "carla", 1704103400);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 3, "ben", 1704103450);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, N_SPLIT_FANS + 4, "dora", 1704103600);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, 0, "anna_b", 1704000000);
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
  g_test_add_func ("/instagram/2026", test_2026);
  g_test_add_func ("/instagram/single-row", test_single_row);
  g_test_add_func ("/instagram/2025-tree", test_2025_tree);
  g_test_add_func ("/instagram/insights-only", test_insights_only);
  g_test_add_func ("/instagram/followers-only", test_followers_only);
  g_test_add_func ("/instagram/meta-wrapper", test_meta_wrapper);
  g_test_add_func ("/instagram/identity", test_identity);
  g_test_add_func ("/instagram/follow-list-shapes", test_follow_list_shapes);
  g_test_add_func ("/instagram/bad-input", test_bad_input);
  g_test_add_func ("/instagram/refusal", test_refusal);
  g_test_add_func ("/instagram/split-lists", test_split_lists);
  g_test_add_func ("/instagram/recognizes", test_recognizes);
  g_test_add_func ("/instagram/cancel-and-sink-failure", test_cancel_and_sink_failure);

  return g_test_run ();
}
