/* test-coverage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis/rapport-coverage.h"

#define T0 G_GINT64_CONSTANT (1700000000)
#define DAY G_GINT64_CONSTANT (86400)

static RapportPeople *
people (gboolean with_handles,
        gboolean with_dates,
        guint    n)
{
  RapportPeople *list = rapport_people_new (0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *who = g_strdup_printf ("p%02u", i);

      rapport_people_add (list, who, with_handles ? who : NULL, with_handles ? NULL : who,
                          with_dates ? T0 - i * DAY : 0);
    }
  rapport_people_sort (list);
  return list;
}

static void
add_snapshot (RapportDataset *dataset,
              gint64          exported_at,
              const char     *name,
              RapportPeople  *followers,
              RapportPeople  *following)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = dataset->snapshots->len + 1;
  snapshot->exported_at = exported_at;
  snapshot->source_name = g_strdup (name);
  snapshot->followers = followers;
  snapshot->following = following;
  g_ptr_array_add (dataset->snapshots, snapshot);
}

static RapportDatasetPost *
add_post (RapportDataset  *dataset,
          RapportPostType  type,
          const char      *mentions)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->type = type;
  post->created_at = T0 + dataset->posts->len * DAY;
  post->hashtags = g_new0 (char *, 1);
  post->mentions = g_strsplit (mentions, ",", -1);
  if (mentions[0] == '\0')
    {
      g_strfreev (post->mentions);
      post->mentions = g_new0 (char *, 1);
    }
  g_ptr_array_add (dataset->posts, post);
  return post;
}

static const RapportCoverageItem *
check (const RapportCoverage *coverage,
       RapportFigure          figure,
       RapportCoverageLevel   level,
       guint                  n,
       guint                  total,
       const char            *quoted)
{
  const RapportCoverageItem *item = rapport_coverage_get (coverage, figure);

  g_test_message ("%s: %s", rapport_figure_to_string (figure),
                  item->explanation ? item->explanation : "(full)");
  g_assert_cmpint (item->figure, ==, figure);
  g_assert_cmpstr (rapport_coverage_level_to_string (item->level), ==,
                   rapport_coverage_level_to_string (level));
  g_assert_cmpuint (item->n, ==, n);
  g_assert_cmpuint (item->total, ==, total);
  if (level == RAPPORT_COVERAGE_FULL)
    g_assert_null (item->explanation);
  else
    g_assert_nonnull (strstr (item->explanation, quoted));
  return item;
}

static void
test_instagram_personal (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportDatasetInteraction *like = g_new0 (RapportDatasetInteraction, 1);

  /* A personal account: lists with dates, posts without counts, the creator's likes. */
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  dataset->handle = g_strdup ("jo");
  add_snapshot (dataset, T0, "instagram-jo-2023-11-14.zip",
                people (TRUE, TRUE, 10), people (TRUE, TRUE, 4));
  for (guint i = 0; i < 5; i++)
    add_post (dataset, RAPPORT_POST_PHOTO, "");
  add_post (dataset, RAPPORT_POST_STORY, "");
  like->kind = RAPPORT_INTERACTION_LIKE;
  like->target = g_strdup ("p01");
  g_ptr_array_add (dataset->interactions, like);

  coverage = rapport_coverage_compute (dataset);
  g_assert_cmpint (coverage->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  /* One export: one real point, and the rebuilt curve before it. */
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_PARTIAL, 1, 0,
         "past_instagram_insights/audience_insights.json");
  g_assert_nonnull (strstr (rapport_coverage_get (coverage,
                                                  RAPPORT_FIGURE_FOLLOWER_HISTORY)->explanation,
                            "lower bound"));
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_FULL, 10, 10, NULL);
  /* Stories are not own posts with counts: five posts, none with counts. */
  check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_MISSING, 0, 5,
         "professional account's insights (past_instagram_insights/posts.json)");
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 5, "posts.json");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_MISSING, 0, 5,
         "never include the comments you received");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_FULL, 1, 1, NULL);
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_MISSING, 1, 1,
         "import a second one made later");
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_FULL, 1, 0, NULL);
}

static void
test_instagram_professional (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportFollowerCount total = { T0 - 30 * DAY, 900, RAPPORT_COUNT_SOURCE_INSIGHTS };
  RapportFollowerCount rebuilt = { T0 - 60 * DAY, 800, RAPPORT_COUNT_SOURCE_RECONSTRUCTION };
  const RapportCoverageItem *item;
  RapportDatasetPost *post;

  /* Insights give counts for the newer posts only; lists from two exports, neither with both,
   * and some followers without a date. */
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  g_array_append_val (dataset->counts, total);
  g_array_append_val (dataset->counts, rebuilt);
  add_snapshot (dataset, T0, "jo_20231114.zip", people (TRUE, TRUE, 3), NULL);
  add_snapshot (dataset, T0 + 90 * DAY, "jo_20240212.zip", NULL, people (TRUE, FALSE, 2));
  add_snapshot (dataset, T0 + 180 * DAY, "jo_20240512.zip", people (TRUE, FALSE, 3), NULL);
  add_post (dataset, RAPPORT_POST_PHOTO, "");
  post = add_post (dataset, RAPPORT_POST_PHOTO, "");
  post->likes = 10;
  post->impressions = 400;
  post = add_post (dataset, RAPPORT_POST_REEL, "");
  post->saves = 0;
  post->comments = 2;
  add_post (dataset, RAPPORT_POST_REPOST, "");

  coverage = rapport_coverage_compute (dataset);
  /* The insights total and two exported lists: three days (the reconstruction does not count). */
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_FULL, 3, 0, NULL);
  /* The newest list has no dates. */
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 3, "followers_1.json");
  item = check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_PARTIAL, 2, 3,
                "about the last 90 days");
  g_assert_true (g_str_has_prefix (item->explanation,
                                   "2 of 3 posts have counts. Instagram exports carry"));
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_PARTIAL, 1, 3,
         "1 of 3 posts have impressions.");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_PARTIAL, 1, 3, "posts.json");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_PARTIAL, 0, 3,
         "the followers come from jo_20240512.zip "
         "and the accounts you follow from jo_20240212.zip");
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_FULL, 2, 3, NULL);
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "likes/liked_posts.json");
}

static void
test_twitter (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportDatasetPost *post;

  /* An archive: ids only, no dates; favorite and retweet counts on every tweet; replies. */
  dataset->platform = RAPPORT_PLATFORM_TWITTER;
  add_snapshot (dataset, T0, "twitter-2023-11-14.zip",
                people (FALSE, FALSE, 6), people (FALSE, FALSE, 4));
  post = add_post (dataset, RAPPORT_POST_TEXT, "");
  post->likes = 3;
  post->shares = 1;
  post = add_post (dataset, RAPPORT_POST_REPLY, "ana");
  post->likes = 0;
  post->shares = 0;

  coverage = rapport_coverage_compute (dataset);
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_PARTIAL, 1, 0,
         "data/follower.js");
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 6,
         "follow-for-follow pairs cannot be detected");
  check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_FULL, 2, 2, NULL);
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 2,
         "tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_MISSING, 0, 2,
         "the content export or tweet_activity_metrics_*.csv) give the replies per post");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_FULL, 1, 1, NULL);
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_MISSING, 1, 1, "two X/Twitter exports");
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 1, 0,
         "by account id only");
  g_assert_false (rapport_coverage_get (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES)
                  ->importable);
}

/* The archive's own posts named two of the six followers' ids: candidates can be matched with
 * those two only. */
static void
test_twitter_named (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportPeople *followers = rapport_people_new (0);
  const RapportCoverageItem *item;

  dataset->platform = RAPPORT_PLATFORM_TWITTER;
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 100 + i);

      rapport_people_add (followers, id, i == 1 ? "Ana" : i == 4 ? "bo" : NULL, id, 0);
    }
  rapport_people_sort (followers);
  add_snapshot (dataset, T0, "twitter-2023-11-14.zip", followers, people (FALSE, FALSE, 4));
  add_post (dataset, RAPPORT_POST_REPLY, "ana");
  add_post (dataset, RAPPORT_POST_REPLY, "cy,dee");

  coverage = rapport_coverage_compute (dataset);
  item = check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_PARTIAL, 3, 0,
                "Your own mentions and replies name 2 of the 6 followers known by account id "
                "only; mutuals without a name cannot be matched");
  g_assert_false (item->importable);
}

static void
test_threads (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;

  /* The Threads part of an Instagram export: dated lists, threads and replies without counts,
   * no liked threads, and a reply that names nobody. */
  dataset->platform = RAPPORT_PLATFORM_THREADS;
  dataset->handle = g_strdup ("jo");
  add_snapshot (dataset, T0, "instagram-jo-2023-11-14.zip",
                people (TRUE, TRUE, 6), people (TRUE, TRUE, 3));
  for (guint i = 0; i < 3; i++)
    add_post (dataset, RAPPORT_POST_TEXT, "");
  add_post (dataset, RAPPORT_POST_REPLY, "");

  coverage = rapport_coverage_compute (dataset);
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_PARTIAL, 1, 0,
         "with no follower count or history, and Threads has no analytics export");
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_FULL, 6, 6, NULL);
  check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_MISSING, 0, 4,
         "Threads posts in the Instagram export carry no counts");
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 4,
         "Threads exports contain no impressions");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_MISSING, 0, 4,
         "Threads exports contain no count of comments received");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_FULL, 1, 1, NULL);
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "threads_and_replies.json and liked_threads.json");
  g_assert_true (rapport_coverage_get (coverage,
                                       RAPPORT_FIGURE_COLLABORATION_CANDIDATES)->importable);
}

static void
test_mastodon (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;

  /* Only the accounts followed, and no posts. */
  dataset->platform = RAPPORT_PLATFORM_MASTODON;
  add_snapshot (dataset, T0, "archive-20231114.tar.gz", NULL, people (TRUE, FALSE, 4));

  coverage = rapport_coverage_compute (dataset);
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_MISSING, 0, 0,
         "following_accounts.csv");
  /* What the exports lack, a refresh from the web gives: the notes say where to turn it on. */
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_MISSING, 0, 0,
         "Turn on “Refresh From the Web” in the account’s menu");
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "no followers list");
  check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_MISSING, 0, 0,
         "likes.totalItems");
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 0,
         "Mastodon exports contain no impressions");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_MISSING, 0, 0,
         "replies.totalItems");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_MISSING, 0, 1,
         "reciprocity needs a refresh from the web");
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_MISSING, 0, 1,
         "Mastodon exports contain no followers list: two refreshes from the web give gained "
         "and lost followers");
  /* Without followers, the accounts followed stand in for the mutuals; no post names one.  No
   * import makes them full, so the coach does not ask for one. */
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "this export has none that name an account");
  g_assert_false (rapport_coverage_get (coverage,
                                        RAPPORT_FIGURE_COLLABORATION_CANDIDATES)->importable);
}

/* A reply and a repost interaction name accounts: candidates among the accounts followed,
 * partial; without the following list, missing, saying which file to include. */
static void
test_candidates_followed (void)
{
  g_autoptr(RapportDataset) bluesky = rapport_dataset_new ();
  g_autoptr(RapportDataset) mastodon = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportDatasetInteraction *repost = g_new0 (RapportDatasetInteraction, 1);

  bluesky->platform = RAPPORT_PLATFORM_BLUESKY;
  add_snapshot (bluesky, T0, "repo.car", NULL, people (FALSE, TRUE, 3));
  add_post (bluesky, RAPPORT_POST_REPLY, "did:plc:p01");
  repost->kind = RAPPORT_INTERACTION_REPOST;
  repost->target = g_strdup ("did:plc:p02");
  repost->at = T0;
  g_ptr_array_add (bluesky->interactions, repost);
  coverage = rapport_coverage_compute (bluesky);
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_PARTIAL, 2, 0,
         "chosen among them rather than among mutuals");
  g_clear_pointer (&coverage, rapport_coverage_free);

  mastodon->platform = RAPPORT_PLATFORM_MASTODON;
  add_snapshot (mastodon, T0, "archive-20231114.tar.gz", NULL, NULL);
  add_post (mastodon, RAPPORT_POST_REPLY, "jo@other.example");
  coverage = rapport_coverage_compute (mastodon);
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 1, 0,
         "include following_accounts.csv");
}

/* Facebook's friends make both lists, but its likes and comments are not read: the note says
 * so rather than that the export has none. */
static void
test_facebook (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;

  dataset->platform = RAPPORT_PLATFORM_FACEBOOK;
  add_snapshot (dataset, T0, "facebook-jo-2024-06-01-aB3dE5f", people (TRUE, TRUE, 3),
                people (TRUE, TRUE, 3));
  coverage = rapport_coverage_compute (dataset);
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_FULL, 1, 1, NULL);
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "does not read the likes and comments of Facebook's export");
}

static void
test_medium (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  const RapportCoverageItem *item;

  /* Stories and the accounts followed: cadence and content, nothing else. */
  dataset->platform = RAPPORT_PLATFORM_MEDIUM;
  add_snapshot (dataset, T0, "medium-export-2024-06-30.zip", NULL, people (TRUE, FALSE, 2));
  add_post (dataset, RAPPORT_POST_TEXT, "");

  coverage = rapport_coverage_compute (dataset);
  item = check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_MISSING, 0, 0,
                "Medium's export contains neither followers nor a follower count");
  g_assert_false (item->importable);
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "Medium's export has no followers list");
  item = check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_MISSING, 0, 1,
                "cadence and content, not of engagement");
  g_assert_false (item->importable);
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 1,
         "Medium exports contain no impressions");
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_MISSING, 0, 1,
         "pubs-following/), never your followers");
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_MISSING, 0, 1,
         "Medium exports contain no followers list");
}

static void
test_youtube (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  const RapportCoverageItem *item;

  /* A 2022 Takeout: subscriptions, two videos, one with counts; no subscribers at all. */
  dataset->platform = RAPPORT_PLATFORM_YOUTUBE;
  add_snapshot (dataset, T0, "takeout-20220815T120000Z-001.zip", NULL, people (TRUE, FALSE, 3));
  add_post (dataset, RAPPORT_POST_VIDEO, "")->likes = 12;
  add_post (dataset, RAPPORT_POST_VIDEO, "");

  coverage = rapport_coverage_compute (dataset);
  /* Studio's exports can give what the Takeout lacks. */
  item = check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_MISSING, 0, 0,
                "export the metric Subscribers as CSV");
  g_assert_true (item->importable);
  item = check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 0,
                "Neither YouTube Takeout nor YouTube Studio lists your subscribers");
  g_assert_false (item->importable);
  item = check (coverage, RAPPORT_FIGURE_POST_ENGAGEMENT, RAPPORT_COVERAGE_PARTIAL, 1, 2,
                "1 of 2 posts have counts. YouTube Takeout has no counts");
  g_assert_true (item->importable);
  check (coverage, RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_COVERAGE_MISSING, 0, 2,
         "the metric Impressions");
  check (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED, RAPPORT_COVERAGE_MISSING, 0, 2,
         "Comments added");
  g_assert_true (rapport_coverage_get (coverage, RAPPORT_FIGURE_COMMENTS_RECEIVED)->importable);
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_MISSING, 0, 1,
         "never your subscribers");
  check (coverage, RAPPORT_FIGURE_CHURN, RAPPORT_COVERAGE_MISSING, 0, 1,
         "YouTube exports contain no followers list");
}

static void
test_linkedin (void)
{
  g_autoptr(RapportDataset) analytics = rapport_dataset_new ();
  g_autoptr(RapportDataset) member = rapport_dataset_new ();
  g_autoptr(RapportCoverage) coverage = NULL;
  RapportDatasetInteraction *comment = g_new0 (RapportDatasetInteraction, 1);
  const RapportCoverageItem *item;

  /* The creator analytics alone: no one named, and the member export would give both. */
  analytics->platform = RAPPORT_PLATFORM_LINKEDIN;
  add_snapshot (analytics, T0, "Content_2024-05-01_2024-05-31.xlsx", NULL, NULL);
  coverage = rapport_coverage_compute (analytics);
  item = check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_MISSING, 0, 0,
                "Connected On column of Connections.csv");
  g_assert_true (item->importable);
  item = check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_MISSING, 0, 1,
                "mutual by definition, so reciprocity is total");
  g_assert_true (item->importable);
  g_clear_pointer (&coverage, rapport_coverage_free);

  /* The member export: connections in both lists, dated; a comment on nobody known. */
  member->platform = RAPPORT_PLATFORM_LINKEDIN;
  add_snapshot (member, T0, "Basic_LinkedInDataExport_05-30-2024.zip",
                people (TRUE, TRUE, 6), people (TRUE, TRUE, 6));
  comment->kind = RAPPORT_INTERACTION_COMMENT;
  g_ptr_array_add (member->interactions, comment);
  coverage = rapport_coverage_compute (member);
  check (coverage, RAPPORT_FIGURE_FOLLOW_DATES, RAPPORT_COVERAGE_FULL, 6, 6, NULL);
  check (coverage, RAPPORT_FIGURE_RECIPROCITY, RAPPORT_COVERAGE_FULL, 1, 1, NULL);
  /* Connections are no follower count, and their dates rebuild none. */
  check (coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY, RAPPORT_COVERAGE_MISSING, 0, 0,
         "counts your connections only");
  check (coverage, RAPPORT_FIGURE_COLLABORATION_CANDIDATES, RAPPORT_COVERAGE_MISSING, 0, 0,
         "without naming their authors");
}

static void
test_names (void)
{
  g_assert_cmpstr (rapport_figure_to_string (RAPPORT_FIGURE_FOLLOWER_HISTORY), ==,
                   "follower-history");
  g_assert_cmpstr (rapport_figure_to_string (RAPPORT_FIGURE_COLLABORATION_CANDIDATES), ==,
                   "collaboration-candidates");
  for (guint f = 0; f < RAPPORT_N_FIGURES; f++)
    {
      g_assert_nonnull (rapport_figure_to_string (f));
      g_assert_nonnull (rapport_figure_title (f, RAPPORT_PLATFORM_INSTAGRAM));
    }
  g_assert_cmpstr (rapport_figure_title (RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_PLATFORM_INSTAGRAM),
                   ==, "Impressions");
  /* A LinkedIn list is of connections. */
  g_assert_cmpstr (rapport_figure_title (RAPPORT_FIGURE_CHURN, RAPPORT_PLATFORM_INSTAGRAM), ==,
                   "Gained and lost followers");
  g_assert_cmpstr (rapport_figure_title (RAPPORT_FIGURE_CHURN, RAPPORT_PLATFORM_LINKEDIN), ==,
                   "Gained and lost connections");
  g_assert_cmpstr (rapport_figure_title (RAPPORT_FIGURE_IMPRESSIONS, RAPPORT_PLATFORM_LINKEDIN),
                   ==, "Impressions");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coverage/instagram/personal", test_instagram_personal);
  g_test_add_func ("/coverage/instagram/professional", test_instagram_professional);
  g_test_add_func ("/coverage/twitter", test_twitter);
  g_test_add_func ("/coverage/twitter-named", test_twitter_named);
  g_test_add_func ("/coverage/threads", test_threads);
  g_test_add_func ("/coverage/mastodon", test_mastodon);
  g_test_add_func ("/coverage/candidates-followed", test_candidates_followed);
  g_test_add_func ("/coverage/facebook", test_facebook);
  g_test_add_func ("/coverage/medium", test_medium);
  g_test_add_func ("/coverage/youtube", test_youtube);
  g_test_add_func ("/coverage/linkedin", test_linkedin);
  g_test_add_func ("/coverage/names", test_names);

  return g_test_run ();
}
