/* test-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-engagement.h"
#include "analysis/rapport-headline.h"

/* 2025-01-01 00:00 UTC, and day n after it. */
#define JAN1 G_GINT64_CONSTANT (1735689600)
#define DAY_N(n) (JAN1 + (gint64) (n) * RAPPORT_SECONDS_PER_DAY)
#define HOUR G_GINT64_CONSTANT (3600)
#define U RAPPORT_COUNT_UNKNOWN

static void
add_count (RapportDataset *dataset,
           gint64          at,
           gint64          count)
{
  RapportFollowerCount total = { at, count, RAPPORT_COUNT_SOURCE_PROFILE };

  g_array_append_val (dataset->counts, total);
}

static RapportDatasetPost *
add_post (RapportDataset  *dataset,
          RapportPostType  type,
          gint64           created_at,
          gint64           likes,
          gint64           comments)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->id = dataset->posts->len + 1;
  post->type = type;
  post->created_at = created_at;
  post->likes = likes;
  post->comments = comments;
  post->hashtags = g_new0 (char *, 1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
  return post;
}

static const RapportPostEngagement *
entry_at (GArray *per_post,
          guint   index)
{
  g_assert_cmpuint (index, <, per_post->len);
  return &g_array_index (per_post, RapportPostEngagement, index);
}

static void
test_interactions (void)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  g_assert_cmpint (rapport_post_interactions (post), ==, -1);
  post->views = 1000;
  post->impressions = 1000;
  g_assert_cmpint (rapport_post_interactions (post), ==, -1);
  /* The platform's own total stands in while no part is known, and only then. */
  post->engagements = 17;
  g_assert_cmpint (rapport_post_interactions (post), ==, 17);
  post->saves = 0;
  g_assert_cmpint (rapport_post_interactions (post), ==, 0);
  post->likes = 10;
  post->comments = 2;
  post->shares = 3;
  post->replies = 4;
  post->quotes = 5;
  post->saves = 6;
  g_assert_cmpint (rapport_post_interactions (post), ==, 30);

  post->type = RAPPORT_POST_REPLY;
  g_assert_true (rapport_post_is_own (post));
  post->type = RAPPORT_POST_REPOST;
  g_assert_false (rapport_post_is_own (post));
  post->type = RAPPORT_POST_STORY;
  g_assert_false (rapport_post_is_own (post));
  rapport_dataset_post_free (post);
}

/* Followers 100 on day 0 and 200 on day 10 (straight line between), then a follower list
 * exported on day 20 whose follow dates reconstruct days 12–19. */
static RapportDataset *
build_per_post_dataset (void)
{
  RapportDataset *dataset = rapport_dataset_new ();
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
  RapportDatasetPost *post;

  add_count (dataset, DAY_N (0), 100);
  add_count (dataset, DAY_N (10), 200);
  snapshot->exported_at = DAY_N (20);
  snapshot->followers = rapport_people_new (4);
  rapport_people_add (snapshot->followers, "a", "a", NULL, DAY_N (12));
  rapport_people_add (snapshot->followers, "b", "b", NULL, DAY_N (12) + HOUR);
  rapport_people_add (snapshot->followers, "c", "c", NULL, DAY_N (14));
  rapport_people_add (snapshot->followers, "d", "d", NULL, DAY_N (15));
  rapport_people_sort (snapshot->followers);
  g_ptr_array_add (dataset->snapshots, snapshot);

  /* Day 5 12:00: 10 + 2 + 3 saves = 15 over 150 followers (interpolated) and 500 impressions. */
  post = add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (5) + 12 * HOUR, 10, 2);
  post->saves = 3;
  post->impressions = 500;
  /* Out of order on purpose: day 13, 4 likes over 2 reconstructed followers. */
  add_post (dataset, RAPPORT_POST_REEL, DAY_N (13), 4, U);
  /* Day 10: zero interactions over 200. */
  add_post (dataset, RAPPORT_POST_TEXT, DAY_N (10) + 23 * HOUR, 0, 0);
  /* Not own posts. */
  add_post (dataset, RAPPORT_POST_REPOST, DAY_N (3), 100, 100);
  add_post (dataset, RAPPORT_POST_STORY, DAY_N (4), U, U);
  /* Before the series: interactions but no followers. */
  add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (0) - 1, 5, U);
  /* No counts at all, but impressions. */
  post = add_post (dataset, RAPPORT_POST_VIDEO, DAY_N (7), U, U);
  post->impressions = 100;
  /* Day 8: replies 3 + quotes 1 + shares 2 = 6 over 180. */
  post = add_post (dataset, RAPPORT_POST_REPLY, DAY_N (8), U, U);
  post->replies = 3;
  post->quotes = 1;
  post->shares = 2;

  return dataset;
}

static void
test_per_post (void)
{
  g_autoptr(RapportDataset) dataset = build_per_post_dataset ();
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(GArray) without_series = rapport_engagement_per_post (dataset, NULL);
  const RapportPostEngagement *e;

  g_assert_cmpuint (per_post->len, ==, 6);

  e = entry_at (per_post, 0);
  g_assert_cmpint (e->post->created_at, ==, DAY_N (0) - 1);
  g_assert_cmpint (e->interactions, ==, 5);
  g_assert_true (isnan (e->followers));
  g_assert_true (isnan (e->rate));
  g_assert_true (isnan (e->rate_by_impressions));
  g_assert_false (e->followers_lower_bound);

  e = entry_at (per_post, 1);
  g_assert_cmpint (e->post->created_at, ==, DAY_N (5) + 12 * HOUR);
  g_assert_cmpint (e->interactions, ==, 15);
  g_assert_cmpfloat (e->followers, ==, 150);
  g_assert_cmpfloat_with_epsilon (e->rate, 0.1, 1e-15);
  g_assert_cmpfloat_with_epsilon (e->rate_by_impressions, 0.03, 1e-15);
  g_assert_false (e->followers_lower_bound);

  e = entry_at (per_post, 2);
  g_assert_cmpint (e->post->created_at, ==, DAY_N (7));
  g_assert_cmpint (e->interactions, ==, -1);
  g_assert_cmpfloat (e->followers, ==, 170);
  g_assert_true (isnan (e->rate));
  g_assert_true (isnan (e->rate_by_impressions));

  e = entry_at (per_post, 3);
  g_assert_cmpint (e->interactions, ==, 6);
  g_assert_cmpfloat (e->followers, ==, 180);
  g_assert_cmpfloat_with_epsilon (e->rate, 6.0 / 180, 1e-15);

  e = entry_at (per_post, 4);
  g_assert_cmpint (e->post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (e->interactions, ==, 0);
  g_assert_cmpfloat (e->followers, ==, 200);
  g_assert_cmpfloat (e->rate, ==, 0);

  e = entry_at (per_post, 5);
  g_assert_cmpint (e->post->type, ==, RAPPORT_POST_REEL);
  g_assert_cmpint (e->interactions, ==, 4);
  g_assert_cmpfloat (e->followers, ==, 2);
  g_assert_cmpfloat (e->rate, ==, 2);
  g_assert_true (e->followers_lower_bound);

  /* Without a series only the rate by impressions is known. */
  g_assert_cmpuint (without_series->len, ==, 6);
  g_assert_true (isnan (entry_at (without_series, 1)->rate));
  g_assert_cmpfloat_with_epsilon (entry_at (without_series, 1)->rate_by_impressions, 0.03, 1e-15);
}

static void
test_summary (void)
{
  g_autoptr(RapportDataset) dataset = build_per_post_dataset ();
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  RapportEngagementSummary summary;

  rapport_engagement_summarize (per_post, &summary);
  g_assert_cmpuint (summary.n_posts, ==, 6);
  /* 5, 15, 6, 0, 4 */
  g_assert_cmpuint (summary.n_with_interactions, ==, 5);
  g_assert_cmpfloat (summary.median_interactions, ==, 5);
  /* 0.1, 6/180, 0, 2 */
  g_assert_cmpuint (summary.n_with_rate, ==, 4);
  g_assert_cmpuint (summary.n_rate_lower_bound, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.median_rate, (0.1 + 6.0 / 180) / 2, 1e-15);
  g_assert_cmpuint (summary.n_with_impressions, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.median_rate_by_impressions, 0.03, 1e-15);

  rapport_engagement_summarize (empty, &summary);
  g_assert_cmpuint (summary.n_posts, ==, 0);
  g_assert_true (isnan (summary.median_rate));
}

static void
test_rolling_median (void)
{
  const gint64 days[] = { 0, 10, 20, 30, 30, 40, 45 };
  const double rates[] = { 0.1, 0.3, 0.2, 0.5, 0.4, NAN, 0.05 };
  /* (t − 30 days, t]: the post of day 0 leaves on day 30; both posts of day 30 count for each. */
  const double medians[] = { 0.1, 0.2, 0.2, 0.35, 0.35, 0.3 };
  const guint counts[] = { 1, 2, 3, 4, 4, 4 };
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_dataset_post_free);
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GArray) rolling = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      RapportDatasetPost *post = rapport_dataset_post_new ();
      RapportPostEngagement entry = { post, 1, 10, rates[i], NAN, FALSE };

      post->created_at = DAY_N (days[i]) + 6 * HOUR;
      g_ptr_array_add (posts, post);
      g_array_append_val (per_post, entry);
    }

  rolling = rapport_engagement_rolling_median (per_post);
  g_assert_cmpuint (rolling->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const RapportRollingMedian *point = &g_array_index (rolling, RapportRollingMedian, i);

      g_assert_cmpint (point->t, ==, DAY_N (days[i < 5 ? i : i + 1]) + 6 * HOUR);
      g_assert_cmpfloat_with_epsilon (point->median, medians[i], 1e-15);
      g_assert_cmpuint (point->n, ==, counts[i]);
    }
}

/*
 * Followers 1,000 from day 0 to day 40, 1,400 from day 150 to day 199 (+40 %), a straight line
 * between.  Ten posts in the first 90 days (days 0–36) with 38–42 interactions (median ER
 * 4.0 %), ten in the last 90 days (days 150–195) with 26–30 (median 28 / 1,400 = 2.0 %: halved),
 * as many as a headline needs.  With @later, the series goes on to day 400 at 1,400 followers
 * and ten posts at days 310–355 are back at 4 %.
 */
static RapportDataset *
build_divergence_dataset (gboolean later)
{
  RapportDataset *dataset = rapport_dataset_new ();
  const gint64 early[] = { 40, 41, 38, 42, 39 };
  const gint64 late[] = { 28, 26, 30, 27, 29 };

  add_count (dataset, DAY_N (0), 1000);
  add_count (dataset, DAY_N (40), 1000);
  add_count (dataset, DAY_N (150), 1400);
  add_count (dataset, DAY_N (199) + 20 * HOUR, 1400);
  for (guint i = 0; i < 10; i++)
    add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (i * 4) + 18 * HOUR, early[i % 5] - 1, 1);
  /* Neither count in engagement. */
  add_post (dataset, RAPPORT_POST_REPOST, DAY_N (60), 1000, 0);
  add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (61), U, U);
  for (guint i = 0; i < 10; i++)
    add_post (dataset, RAPPORT_POST_CAROUSEL, DAY_N (150 + i * 5) + 9 * HOUR, late[i % 5], 0);
  if (later)
    {
      add_count (dataset, DAY_N (400), 1400);
      for (guint i = 0; i < 10; i++)
        add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (310 + i * 5), 56, 0);
    }
  return dataset;
}

static void
test_divergence_range (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(RapportDivergence) whole = NULL;
  g_autoptr(RapportDivergence) cut = NULL;
  g_autoptr(RapportDivergence) shorter = NULL;

  g_assert_cmpuint (series->points->len, ==, 200);

  whole = rapport_engagement_divergence (per_post, series, DAY_N (0) + 5, DAY_N (199) + 7);
  g_assert_nonnull (whole);
  g_assert_cmpint (whole->from, ==, DAY_N (0));
  g_assert_cmpint (whole->to, ==, DAY_N (199));
  g_assert_cmpuint (whole->window_days, ==, 90);
  g_assert_cmpfloat (whole->followers_from, ==, 1000);
  g_assert_cmpfloat (whole->followers_to, ==, 1400);
  g_assert_cmpfloat_with_epsilon (whole->follower_growth, 40, 1e-12);
  g_assert_false (whole->followers_lower_bound);
  g_assert_cmpuint (whole->n_before, ==, 10);
  g_assert_cmpfloat_with_epsilon (whole->median_before, 0.04, 1e-15);
  g_assert_cmpuint (whole->n_after, ==, 10);
  g_assert_cmpfloat_with_epsilon (whole->median_after, 0.02, 1e-15);
  g_assert_cmpfloat_with_epsilon (whole->rate_change, -50, 1e-9);
  g_assert_true (whole->diverges);
  g_assert_cmpstr (whole->headline, ==,
                   "Followers +40.0 % since 1 Jan 2025 while the median engagement rate fell "
                   "from 4.0 % to 2.0 %");

  /* Ending on day 189, the last window [100, 190) misses the posts of days 190 and 195: eight
   * posts, fewer than a headline needs, though the median fell as much. */
  cut = rapport_engagement_divergence (per_post, series, DAY_N (0), DAY_N (189));
  g_assert_nonnull (cut);
  g_assert_cmpuint (cut->n_after, ==, 8);
  g_assert_cmpfloat_with_epsilon (cut->median_after, 28.0 / 1400, 1e-15);
  g_assert_false (cut->diverges);
  g_assert_null (cut->headline);

  /* Forty-one days: windows of 20 days, [0, 20) and [21, 41). */
  shorter = rapport_engagement_divergence (per_post, series, DAY_N (0), DAY_N (40));
  g_assert_cmpuint (shorter->window_days, ==, 20);
  g_assert_cmpuint (shorter->n_before, ==, 5);
  g_assert_cmpfloat_with_epsilon (shorter->median_before, 0.04, 1e-15);
  g_assert_cmpuint (shorter->n_after, ==, 4);
  g_assert_cmpfloat (shorter->follower_growth, ==, 0);
  g_assert_false (shorter->diverges);

  /* Outside the series, or backwards. */
  g_assert_null (rapport_engagement_divergence (per_post, series, DAY_N (-1), DAY_N (100)));
  g_assert_null (rapport_engagement_divergence (per_post, series, DAY_N (0), DAY_N (200)));
  g_assert_null (rapport_engagement_divergence (per_post, series, DAY_N (50), DAY_N (50) + 10));
}

static void
test_divergence_strongest (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(RapportDivergence) strongest = rapport_engagement_divergence_strongest (per_post, series);

  /* Only day 0 has ten posts in its first window; every end from day 195 to 199 has the same
   * ten in its last one and the same followers: the latest end wins. */
  g_assert_nonnull (strongest);
  g_assert_cmpint (strongest->from, ==, DAY_N (0));
  g_assert_cmpint (strongest->to, ==, DAY_N (199));
  g_assert_cmpstr (strongest->headline, ==,
                   "Followers +40.0 % since 1 Jan 2025 while the median engagement rate fell "
                   "from 4.0 % to 2.0 %");
}

static void
test_divergence_in_the_middle (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (TRUE);
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(RapportDivergence) strongest = rapport_engagement_divergence_strongest (per_post, series);
  g_autoptr(RapportDivergence) recent = NULL;

  /* The last windows holding the ten posts of days 150–195 and none of 310–355 end on days
   * 195 to 239; day 239 is 28 Aug 2025. */
  g_assert_nonnull (strongest);
  g_assert_cmpint (strongest->from, ==, DAY_N (0));
  g_assert_cmpint (strongest->to, ==, DAY_N (239));
  g_assert_cmpfloat (strongest->followers_to, ==, 1400);
  g_assert_cmpuint (strongest->n_after, ==, 10);
  g_assert_cmpstr (strongest->headline, ==,
                   "Followers +40.0 % from 1 Jan 2025 to 28 Aug 2025 while the median engagement "
                   "rate fell from 4.0 % to 2.0 %");

  /* Over the whole history engagement came back: the last window [311, 401) holds nine posts
   * at 56 / 1,400 = 4.0 %, no fall, and too few posts anyway. */
  recent = rapport_engagement_divergence (per_post, series, DAY_N (0), DAY_N (400));
  g_assert_cmpuint (recent->n_after, ==, 9);
  g_assert_cmpfloat_with_epsilon (recent->median_after, 0.04, 1e-15);
  g_assert_false (recent->diverges);
  g_assert_null (recent->headline);
}

static void
test_no_divergence (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportFollowerSeries) series = NULL;
  g_autoptr(GArray) per_post = NULL;

  /* Engagement that keeps up with the followers: 58 interactions on 1,400 is 4.1 %, no fall. */
  for (guint i = dataset->posts->len - 10; i < dataset->posts->len; i++)
    ((RapportDatasetPost *) g_ptr_array_index (dataset->posts, i))->likes = 58;
  series = rapport_follower_series_compute (dataset);
  per_post = rapport_engagement_per_post (dataset, series);
  g_assert_null (rapport_engagement_divergence_strongest (per_post, series));
}

static void
test_divergence_small_base (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportFollowerSeries) series = NULL;
  g_autoptr(GArray) per_post = NULL;
  g_autoptr(RapportDivergence) range = NULL;

  /* 99 followers on days 0–40: too small a base for the headline, and for a range the user
   * picks, which states the figures but no divergence. */
  g_array_index (dataset->counts, RapportFollowerCount, 0).count = 99;
  g_array_index (dataset->counts, RapportFollowerCount, 1).count = 99;
  series = rapport_follower_series_compute (dataset);
  per_post = rapport_engagement_per_post (dataset, series);
  g_assert_null (rapport_engagement_divergence_strongest (per_post, series));

  range = rapport_engagement_divergence (per_post, series, DAY_N (0), DAY_N (199));
  g_assert_false (range->diverges);
  g_assert_null (range->headline);
  g_assert_cmpfloat_with_epsilon (range->follower_growth, (1400.0 - 99) / 99 * 100, 1e-9);
}

/* A rate is stated up to 100 %, and over a rebuilt count from 100 followers on. */
static void
test_rate_reliable (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  g_autoptr(GArray) per_post = NULL;
  RapportEngagementSummary summary;

  g_assert_true (rapport_engagement_rate_is_reliable (0.5, 1000, FALSE));
  g_assert_true (rapport_engagement_rate_is_reliable (1.0, 1000, FALSE));
  g_assert_false (rapport_engagement_rate_is_reliable (1.001, 1000, FALSE));
  g_assert_true (rapport_engagement_rate_is_reliable (0.5, 99, FALSE));
  g_assert_false (rapport_engagement_rate_is_reliable (0.5, 99, TRUE));
  g_assert_true (rapport_engagement_rate_is_reliable (0.5, 100, TRUE));
  g_assert_false (rapport_engagement_rate_is_reliable (NAN, 1000, FALSE));

  /* 50 followers: 60 interactions are 120 %, flagged; 10 are 20 %, a real total, stated. */
  add_count (dataset, DAY_N (0), 50);
  add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (0) + HOUR, 60, 0);
  add_post (dataset, RAPPORT_POST_PHOTO, DAY_N (0) + 2 * HOUR, 10, 0);
  series = rapport_follower_series_compute (dataset);
  per_post = rapport_engagement_per_post (dataset, series);
  g_assert_cmpfloat_with_epsilon (entry_at (per_post, 0)->rate, 1.2, 1e-12);
  g_assert_true (entry_at (per_post, 0)->rate_unreliable);
  g_assert_false (entry_at (per_post, 1)->rate_unreliable);
  rapport_engagement_summarize (per_post, &summary);
  g_assert_cmpuint (summary.n_rate_unreliable, ==, 1);
}

static RapportHeadline *
headline_of (const RapportDataset *dataset,
             gint64                overall_to)
{
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(RapportDivergence) strongest = rapport_engagement_divergence_strongest (per_post,
                                                                                    series);
  g_autoptr(RapportDivergence) overall = NULL;
  RapportEngagementSummary summary;

  if (overall_to != 0)
    overall = rapport_engagement_divergence (per_post, series, DAY_N (0), overall_to);
  rapport_engagement_summarize (per_post, &summary);
  return rapport_headline_compute (per_post, &summary, strongest, overall);
}

static void
test_headline_divergence (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportHeadline) headline = headline_of (dataset, DAY_N (199));

  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_DIVERGENCE);
  g_assert_cmpuint (headline->reasons, ==, 0);
  g_assert_cmpstr (headline->text, ==,
                   "Followers +40.0 % since 1 Jan 2025 while the median engagement rate fell "
                   "from 4.0 % to 2.0 %");
  g_assert_cmpstr (rapport_headline_kind_to_string (headline->kind), ==, "divergence");
}

static void
test_headline_trend (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportHeadline) headline = NULL;

  /* Engagement that keeps up, 58 / 1,400 = 4.1 %: no divergence, the trend instead. */
  for (guint i = dataset->posts->len - 10; i < dataset->posts->len; i++)
    ((RapportDatasetPost *) g_ptr_array_index (dataset->posts, i))->likes = 58;
  headline = headline_of (dataset, DAY_N (199));
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_TREND);
  g_assert_cmpstr (headline->text, ==,
                   "From 1 Jan 2025 to 19 Jul 2025 followers changed by +40.0 % while the "
                   "median engagement rate went from 4.0 % to 4.1 %");
}

static void
test_headline_few_posts (void)
{
  g_autoptr(RapportDataset) dataset = build_divergence_dataset (FALSE);
  g_autoptr(RapportHeadline) headline = NULL;

  /* Nine posts at the end, one short of a headline: the strongest divergence is gone, and the
   * trend to day 199 is held back. */
  g_ptr_array_remove_index (dataset->posts, dataset->posts->len - 1);
  headline = headline_of (dataset, DAY_N (199));
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_HELD_BACK);
  g_assert_cmpuint (headline->reasons, ==, RAPPORT_HEADLINE_FEW_POSTS);
  g_assert_cmpstr (headline->text, ==,
                   "From 1 Jan 2025 to 19 Jul 2025 followers went from 1000 to 1400, but no "
                   "headline yet: 10 and 9 posts with an engagement rate at the start and at "
                   "the end, where a change takes 10 at each");
  g_assert_cmpstr (rapport_headline_kind_to_string (headline->kind), ==, "held-back");
  g_assert_cmpstr (rapport_headline_reason_to_string (RAPPORT_HEADLINE_FEW_POSTS), ==,
                   "few-posts");
}

/* The small TikTok account of issue 17: three posts over a count rebuilt from one follower,
 * the last at 101.8 %.  No percentage of followers or engagement is headlined. */
static void
test_headline_small_rebuilt (void)
{
  g_autoptr(GArray) per_post = g_array_new (FALSE, TRUE, sizeof (RapportPostEngagement));
  g_autoptr(RapportHeadline) headline = NULL;
  RapportEngagementSummary summary = { 0 };
  RapportDivergence overall = {
    .from = DAY_N (0), .to = DAY_N (60), .window_days = 30,
    .followers_from = 1, .followers_to = 57, .follower_growth = 5600,
    .followers_lower_bound = TRUE,
    .median_before = 0, .n_before = 2, .median_after = 1.018, .n_after = 1,
    .rate_change = NAN,
  };

  summary.n_posts = summary.n_with_interactions = summary.n_with_rate = 3;
  headline = rapport_headline_compute (per_post, &summary, NULL, &overall);
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_HELD_BACK);
  g_assert_cmpuint (headline->reasons, ==, RAPPORT_HEADLINE_FEW_POSTS
                                         | RAPPORT_HEADLINE_SMALL_BASE
                                         | RAPPORT_HEADLINE_REBUILT_BASE
                                         | RAPPORT_HEADLINE_UNRELIABLE_RATE);
  g_assert_cmpstr (headline->text, ==,
                   "No headline yet: 2 and 1 posts with an engagement rate at the start and at "
                   "the end, where a change takes 10 at each; a base of 1 follower rebuilt from "
                   "follow dates, where it takes 100; a median engagement rate above 100 %, more "
                   "interactions than followers, so the follower figure under it is too small");
  g_assert_null (strstr (headline->text, "5600"));

  /* 100 real followers and ten posts at each end are enough. */
  overall.followers_from = 100;
  overall.followers_lower_bound = FALSE;
  overall.follower_growth = -43;
  overall.n_before = overall.n_after = 10;
  overall.median_after = 0.05;
  g_clear_pointer (&headline, rapport_headline_free);
  headline = rapport_headline_compute (per_post, &summary, NULL, &overall);
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_TREND);
  g_assert_cmpstr (headline->text, ==,
                   "From 1 Jan 2025 to 2 Mar 2025 followers changed by -43.0 % while the median "
                   "engagement rate went from 0.0 % to 5.0 %");
}

/* Without follower figures: interactions per post, then and now. */
static void
test_headline_interactions (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportHeadline) headline = NULL;

  for (guint i = 0; i < 10; i++)
    add_post (dataset, RAPPORT_POST_TEXT, DAY_N (i * 5) + HOUR, 30 + i, 10);
  for (guint i = 0; i < 10; i++)
    add_post (dataset, RAPPORT_POST_TEXT, DAY_N (200 + i * 5) + HOUR, 10 + i, 0);
  headline = headline_of (dataset, 0);
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_INTERACTIONS);
  g_assert_cmpuint (headline->reasons, ==, RAPPORT_HEADLINE_NO_FOLLOWERS);
  /* Windows of 90 days over days 0–245: 40–49 (median 44.5, rounded 45), 10–19 (14.5). */
  g_assert_cmpuint (headline->window_days, ==, 90);
  g_assert_cmpuint (headline->n_before, ==, 10);
  g_assert_cmpfloat (headline->before, ==, 44.5);
  g_assert_cmpuint (headline->n_after, ==, 10);
  g_assert_cmpfloat (headline->after, ==, 14.5);
  g_assert_cmpstr (headline->text, ==,
                   "From 1 Jan 2025 to 3 Sep 2025 the median interactions per post went from 45 "
                   "to 15 (n = 10 and 10); without follower figures for those days there is no "
                   "engagement rate");

  /* Three posts: what is known, not a change. */
  g_ptr_array_set_size (dataset->posts, 3);
  g_clear_pointer (&headline, rapport_headline_free);
  headline = headline_of (dataset, 0);
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_HELD_BACK);
  g_assert_cmpuint (headline->reasons, ==, RAPPORT_HEADLINE_NO_FOLLOWERS
                                         | RAPPORT_HEADLINE_FEW_POSTS);
  g_assert_cmpstr (headline->text, ==,
                   "Median interactions per post: 41 (n = 3), too few posts to tell a change "
                   "(it takes 10 at each end); without follower figures there is no engagement "
                   "rate");

  /* No counts at all. */
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      post->likes = post->comments = U;
    }
  g_clear_pointer (&headline, rapport_headline_free);
  headline = headline_of (dataset, 0);
  g_assert_cmpint (headline->kind, ==, RAPPORT_HEADLINE_NONE);
  g_assert_cmpuint (headline->reasons, ==, RAPPORT_HEADLINE_NO_ENGAGEMENT);
  g_assert_true (g_str_has_prefix (headline->text, "These exports give no likes, comments or "
                                                   "shares per post"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engagement/interactions", test_interactions);
  g_test_add_func ("/engagement/per-post", test_per_post);
  g_test_add_func ("/engagement/summary", test_summary);
  g_test_add_func ("/engagement/rolling-median", test_rolling_median);
  g_test_add_func ("/engagement/divergence/range", test_divergence_range);
  g_test_add_func ("/engagement/divergence/strongest", test_divergence_strongest);
  g_test_add_func ("/engagement/divergence/in-the-middle", test_divergence_in_the_middle);
  g_test_add_func ("/engagement/divergence/none", test_no_divergence);
  g_test_add_func ("/engagement/divergence/small-base", test_divergence_small_base);
  g_test_add_func ("/engagement/rate-reliable", test_rate_reliable);
  g_test_add_func ("/engagement/headline/divergence", test_headline_divergence);
  g_test_add_func ("/engagement/headline/trend", test_headline_trend);
  g_test_add_func ("/engagement/headline/few-posts", test_headline_few_posts);
  g_test_add_func ("/engagement/headline/small-rebuilt", test_headline_small_rebuilt);
  g_test_add_func ("/engagement/headline/interactions", test_headline_interactions);

  return g_test_run ();
}
