/* test-anomalies.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-anomalies.h"

/* 2025-01-01 00:00 UTC, and day n after it. */
#define JAN1 G_GINT64_CONSTANT (1735689600)
#define DAY_N(n) (JAN1 + (gint64) (n) * RAPPORT_SECONDS_PER_DAY)
#define HOUR G_GINT64_CONSTANT (3600)

static void
add_count (RapportDataset     *dataset,
           gint64              at,
           gint64              count,
           RapportCountSource  source)
{
  RapportFollowerCount total = { at, count, source };

  g_array_append_val (dataset->counts, total);
}

/* @count followers more in @followers, who followed on day @day; *@n numbers them. */
static void
add_follows (RapportPeople *followers,
             guint          day,
             guint          count,
             guint         *n)
{
  for (guint k = 0; k < count; k++)
    {
      char who[16];

      g_snprintf (who, sizeof who, "f%u", (*n)++);
      rapport_people_add (followers, who, who, NULL, DAY_N (day) + HOUR);
    }
}

/* The events in the curve rebuilt from one export on @exported_at whose only list is
 * @followers (taken). */
static GArray *
detect_in_follows (gint64         exported_at,
                   RapportPeople *followers)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  g_autoptr(GArray) per_post = NULL;
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->exported_at = exported_at;
  snapshot->followers = followers;
  rapport_people_sort (followers);
  g_ptr_array_add (dataset->snapshots, snapshot);
  series = rapport_follower_series_compute (dataset);
  per_post = rapport_engagement_per_post (dataset, series);
  return rapport_anomalies_detect (series, per_post);
}

static void
add_post (RapportDataset *dataset,
          gint64          created_at,
          gint64          likes)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->id = dataset->posts->len + 1;
  post->type = RAPPORT_POST_PHOTO;
  post->created_at = created_at;
  post->likes = likes;
  post->hashtags = g_new0 (char *, 1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
}

/*
 * Daily insights totals for days 0–59 from 1,000, growing 8, 9, 10, 11, 12, 8, … a day, except
 * +300 on day 20 and +250 on day 21 (a planted spike) and −200 on day 45 (a drop).  Day 50 is a
 * profile total instead, so the changes into and out of it do not count: 57 changes, median 10,
 * MAD 1.  A post every second day at noon with 50 likes; with @likes_after_drop, the posts after
 * day 45 have that many instead.
 */
static RapportDataset *
build_real_dataset (gint64 likes_after_drop)
{
  RapportDataset *dataset = rapport_dataset_new ();
  const gint64 cycle[] = { 8, 9, 10, 11, 12 };
  gint64 followers = 1000;

  for (guint day = 0; day < 60; day++)
    {
      if (day > 0)
        followers += day == 20 ? 300 : day == 21 ? 250 : day == 45 ? -200 : cycle[(day - 1) % 5];
      add_count (dataset, DAY_N (day) + 23 * HOUR, followers,
                 day == 50 ? RAPPORT_COUNT_SOURCE_PROFILE : RAPPORT_COUNT_SOURCE_INSIGHTS);
    }
  for (guint day = 0; day < 60; day += 2)
    add_post (dataset, DAY_N (day) + 12 * HOUR, day > 45 ? likes_after_drop : 50);
  return dataset;
}

static void
test_real_spike_and_purge (void)
{
  g_autoptr(RapportDataset) dataset = build_real_dataset (50);
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(GArray) events = rapport_anomalies_detect (series, per_post);
  const RapportAnomaly *jump;
  const RapportAnomaly *drop;

  g_assert_cmpuint (events->len, ==, 2);

  /* Days 20 and 21 merge: 1,188 on day 19, 1,738 on day 21. */
  jump = &g_array_index (events, RapportAnomaly, 0);
  g_assert_cmpint (jump->kind, ==, RAPPORT_ANOMALY_JUMP);
  g_assert_cmpint (jump->found_in, ==, RAPPORT_SERIES_REAL);
  g_assert_cmpint (jump->start, ==, DAY_N (20));
  g_assert_cmpint (jump->end, ==, DAY_N (21));
  g_assert_cmpuint (jump->n_days, ==, 2);
  g_assert_cmpfloat (jump->followers_before, ==, 1188);
  g_assert_cmpfloat (jump->change, ==, 550);
  g_assert_cmpfloat_with_epsilon (jump->z, 290 / 1.4826, 1e-9);
  g_assert_cmpfloat (jump->typical_change, ==, 10);
  /* Before: the ten posts of days 0–18 (1,000 … 1,177 followers; the middle two on 1,077 and
   * 1,100).  After, days 22–50: fifteen posts, the middle one on 1,830 followers. */
  g_assert_cmpuint (jump->n_rate_before, ==, 10);
  g_assert_cmpfloat_with_epsilon (jump->rate_before, (50.0 / 1077 + 50.0 / 1100) / 2, 1e-15);
  g_assert_cmpuint (jump->n_rate_after, ==, 15);
  g_assert_cmpfloat_with_epsilon (jump->rate_after, 50.0 / 1830, 1e-15);
  g_assert_cmpfloat (jump->interactions_before, ==, 50);
  g_assert_cmpfloat (jump->interactions_after, ==, 50);
  g_assert_false (jump->looks_like_purge);

  /* 1,968 → 1,768: 10 % gone, and the posts after still get 50 interactions. */
  drop = &g_array_index (events, RapportAnomaly, 1);
  g_assert_cmpint (drop->kind, ==, RAPPORT_ANOMALY_DROP);
  g_assert_cmpint (drop->start, ==, DAY_N (45));
  g_assert_cmpint (drop->end, ==, DAY_N (45));
  g_assert_cmpuint (drop->n_days, ==, 1);
  g_assert_cmpfloat (drop->followers_before, ==, 1968);
  g_assert_cmpfloat (drop->change, ==, -200);
  g_assert_cmpfloat_with_epsilon (drop->z, -210 / 1.4826, 1e-9);
  /* Before, days 16–44: fifteen posts, the middle one on 1,830.  After, days 46–58: seven, the
   * middle one on 1,835. */
  g_assert_cmpuint (drop->n_rate_before, ==, 15);
  g_assert_cmpfloat_with_epsilon (drop->rate_before, 50.0 / 1830, 1e-15);
  g_assert_cmpuint (drop->n_rate_after, ==, 7);
  g_assert_cmpfloat_with_epsilon (drop->rate_after, 50.0 / 1835, 1e-15);
  g_assert_cmpuint (drop->n_interactions_after, ==, 7);
  g_assert_true (drop->looks_like_purge);
}

static void
test_drop_with_engagement (void)
{
  g_autoptr(RapportDataset) dataset = build_real_dataset (20);
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  g_autoptr(GArray) per_post = rapport_engagement_per_post (dataset, series);
  g_autoptr(GArray) events = rapport_anomalies_detect (series, per_post);
  const RapportAnomaly *drop;

  /* The followers who left took engagement with them: no purge. */
  g_assert_cmpuint (events->len, ==, 2);
  drop = &g_array_index (events, RapportAnomaly, 1);
  g_assert_cmpint (drop->kind, ==, RAPPORT_ANOMALY_DROP);
  g_assert_cmpfloat (drop->interactions_before, ==, 50);
  g_assert_cmpfloat (drop->interactions_after, ==, 20);
  g_assert_false (drop->looks_like_purge);
}

/*
 * A list exported on day 30 whose followers followed one a day on days 0–29, none on day 5 and
 * 41 on day 10.  The 29 reconstructed changes are 27 ones, a 0 and a 41: median 1, MAD 0, so
 * the scale is 1.253314 · mean absolute deviation = 1.253314 · 41 / 29.
 */
static void
test_reconstructed_burst (void)
{
  g_autoptr(GArray) events = NULL;
  RapportPeople *followers = rapport_people_new (64);
  const RapportAnomaly *burst;
  guint n = 0;

  for (guint day = 0; day < 30; day++)
    add_follows (followers, day, day == 5 ? 0 : day == 10 ? 41 : 1, &n);
  events = detect_in_follows (DAY_N (30), followers);

  /* The quiet day 5 (z = −0.56) is no drop; day 10 is a jump. */
  g_assert_cmpuint (events->len, ==, 1);
  burst = &g_array_index (events, RapportAnomaly, 0);
  g_assert_cmpint (burst->kind, ==, RAPPORT_ANOMALY_JUMP);
  g_assert_cmpint (burst->found_in, ==, RAPPORT_SERIES_RECONSTRUCTED);
  g_assert_cmpint (burst->start, ==, DAY_N (10));
  g_assert_cmpint (burst->end, ==, DAY_N (10));
  g_assert_cmpfloat (burst->followers_before, ==, 9);
  g_assert_cmpfloat (burst->change, ==, 41);
  g_assert_cmpfloat_with_epsilon (burst->z, 40 / (1.253314 * 41 / 29), 1e-9);
  g_assert_cmpfloat (burst->typical_change, ==, 1);
  /* No posts at all. */
  g_assert_cmpuint (burst->n_rate_before, ==, 0);
  g_assert_true (isnan (burst->rate_before));
  g_assert_cmpuint (burst->n_interactions_after, ==, 0);
  g_assert_false (burst->looks_like_purge);
}

static void
test_immaterial_jump (void)
{
  g_autoptr(GArray) events = NULL;
  RapportPeople *followers = rapport_people_new (1100);
  guint n = 0;

  /* 1,000 followers who followed long ago, then one new follower a day and, on day 10, seven:
   * statistically rare, but 7 followers are below both the 10-follower and the 0.5 % floor. */
  for (guint day = 0; day < 30; day++)
    add_follows (followers, day, day == 0 ? 1000 : day == 10 ? 7 : 1, &n);
  events = detect_in_follows (DAY_N (30), followers);
  g_assert_cmpuint (events->len, ==, 0);
}

/*
 * A page exported on day 1000 whose followers all followed on days 1–179, 15, 18, 20, 22 and
 * 25 a day in turn.  Against all 999 days (820 of none: median 0, MAD 0, a scale of 1.253314 ·
 * 3.58) most of those days would stand out as jumps.  Against the 121 days around each, the
 * stretch is its own baseline: a median of 20 and a MAD of 2 in its middle, a median of 15 and
 * a MAD of 10 at its last day, half of whose window is quiet.  No day is a jump.
 */
static void
test_busy_stretch (void)
{
  g_autoptr(GArray) events = NULL;
  RapportPeople *followers = rapport_people_new (4000);
  const guint pattern[] = { 15, 18, 20, 22, 25 };
  guint n = 0;

  for (guint day = 1; day < 180; day++)
    add_follows (followers, day, pattern[day % 5], &n);
  events = detect_in_follows (DAY_N (1000), followers);
  g_assert_cmpuint (events->len, ==, 0);
}

/*
 * Insights totals of 10,000 growing 8 to 12 a day, +300 on day 20 and +300 on day 22; days 21
 * and 22 are profile totals, the first of them 1,000 above the insights figure.  The switch of
 * source on day 21 is no change, so the two jumps around it are two events of +300, not one of
 * +1,600 across a change that was never scored.
 */
static void
test_no_bridge_over_unscored (void)
{
  g_autoptr(RapportFollowerSeries) series = g_new0 (RapportFollowerSeries, 1);
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GArray) events = NULL;
  const double cycle[] = { 8, 9, 10, 11, 12 };
  double followers = 10000;

  series->points = g_array_new (FALSE, TRUE, sizeof (RapportSeriesPoint));
  for (guint day = 0; day < 60; day++)
    {
      RapportSeriesPoint point = { 0 };

      if (day > 0)
        followers += day == 20 || day == 22 ? 300 : day == 21 ? 1000 : cycle[day % 5];
      point.day = DAY_N (day);
      point.followers = followers;
      point.kind = RAPPORT_SERIES_REAL;
      point.source = day == 21 || day == 22 ? RAPPORT_COUNT_SOURCE_PROFILE
                                            : RAPPORT_COUNT_SOURCE_INSIGHTS;
      g_array_append_val (series->points, point);
    }
  events = rapport_anomalies_detect (series, per_post);

  g_assert_cmpuint (events->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const RapportAnomaly *jump = &g_array_index (events, RapportAnomaly, i);

      g_assert_cmpint (jump->kind, ==, RAPPORT_ANOMALY_JUMP);
      g_assert_cmpint (jump->start, ==, DAY_N (i == 0 ? 20 : 22));
      g_assert_cmpuint (jump->n_days, ==, 1);
      g_assert_cmpfloat (jump->change, ==, 300);
    }
}

static void
test_too_little (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportDataset) flat = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  g_autoptr(RapportFollowerSeries) flat_series = NULL;
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) flat_events = NULL;

  /* Thirteen daily changes: too few to say what is unusual, spike or not. */
  for (guint day = 0; day < 14; day++)
    add_count (dataset, DAY_N (day), 100 + day * 5 + (day >= 7 ? 500 : 0), RAPPORT_COUNT_SOURCE_INSIGHTS);
  series = rapport_follower_series_compute (dataset);
  events = rapport_anomalies_detect (series, per_post);
  g_assert_cmpuint (events->len, ==, 0);

  /* Thirty identical changes, then interpolated days that do not count. */
  for (guint day = 0; day < 31; day++)
    add_count (flat, DAY_N (day), 100 + day * 5, RAPPORT_COUNT_SOURCE_INSIGHTS);
  add_count (flat, DAY_N (40), 10000, RAPPORT_COUNT_SOURCE_INSIGHTS);
  flat_series = rapport_follower_series_compute (flat);
  flat_events = rapport_anomalies_detect (flat_series, per_post);
  g_assert_cmpuint (flat_events->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anomalies/real-spike-and-purge", test_real_spike_and_purge);
  g_test_add_func ("/anomalies/drop-with-engagement", test_drop_with_engagement);
  g_test_add_func ("/anomalies/reconstructed-burst", test_reconstructed_burst);
  g_test_add_func ("/anomalies/immaterial-jump", test_immaterial_jump);
  g_test_add_func ("/anomalies/busy-stretch", test_busy_stretch);
  g_test_add_func ("/anomalies/no-bridge-over-unscored", test_no_bridge_over_unscored);
  g_test_add_func ("/anomalies/too-little", test_too_little);

  return g_test_run ();
}
