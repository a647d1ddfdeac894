/* test-cadence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-cadence.h"

/* 2025-01-01 00:00 UTC was a Wednesday; day 5 (6 January) a Monday. */
#define JAN1 G_GINT64_CONSTANT (1735689600)
#define DAY_N(n) (JAN1 + (gint64) (n) * RAPPORT_SECONDS_PER_DAY)
#define HOUR G_GINT64_CONSTANT (3600)
#define MONDAY 0
#define TUESDAY 1
#define WEDNESDAY 2
#define THURSDAY 3
#define FRIDAY 4
#define SATURDAY 5
#define SUNDAY 6

/* Adds a post and, unless it is a repost or a story, its engagement with @rate (NAN: unknown). */
static void
add_post (RapportDataset  *dataset,
          GArray          *per_post,
          RapportPostType  type,
          gint64           created_at,
          double           rate)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();
  RapportPostEngagement entry = { post, isnan (rate) ? -1 : 1, 100, rate, NAN, FALSE };

  post->id = dataset->posts->len + 1;
  post->type = type;
  post->created_at = created_at;
  post->hashtags = g_new0 (char *, 1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
  if (rapport_post_is_own (post))
    g_array_append_val (per_post, entry);
}

static void
test_empty (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportCadence) cadence = rapport_cadence_compute (dataset, per_post, utc);

  g_assert_cmpuint (cadence->n_posts, ==, 0);
  g_assert_cmpuint (cadence->n_weeks, ==, 0);
  g_assert_null (cadence->posts_by_week);
  g_assert_true (isnan (cadence->posts_per_week));
  g_assert_true (isnan (cadence->interval_median));
  g_assert_cmpuint (cadence->gaps->len, ==, 0);
  g_assert_null (cadence->best_cell);
  g_assert_true (isnan (cadence->heatmap[MONDAY][0].median_rate));
}

/*
 * Mon 6 Jan 09:00, Wed 8 Jan 09:00, a story Fri 10 Jan 21:00, a repost (left out) Sat 11 Jan,
 * Mon 13 Jan 09:00, Thu 6 Feb 09:00, Fri 7 Feb 09:00.  Intervals in days: 2, 2.5, 2.5, 24, 1.
 * Weeks from 6 Jan to the week of 3 Feb: five, of which 20 and 27 Jan have no post.
 */
static void
test_rhythm (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportCadence) cadence = NULL;
  const RapportCadenceGap *gap;

  add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (5) + 9 * HOUR, 0.1);
  add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (7) + 9 * HOUR, 0.2);
  add_post (dataset, per_post, RAPPORT_POST_STORY, DAY_N (9) + 21 * HOUR, NAN);
  add_post (dataset, per_post, RAPPORT_POST_REPOST, DAY_N (10) + 12 * HOUR, NAN);
  add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (12) + 9 * HOUR, 0.3);
  add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (36) + 9 * HOUR, NAN);
  add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (37) + 9 * HOUR, 0.05);

  cadence = rapport_cadence_compute (dataset, per_post, utc);
  g_assert_cmpuint (cadence->n_posts, ==, 6);
  g_assert_cmpint (cadence->first, ==, DAY_N (5) + 9 * HOUR);
  g_assert_cmpint (cadence->last, ==, DAY_N (37) + 9 * HOUR);
  g_assert_cmpuint (cadence->n_weeks, ==, 5);
  g_assert_cmpfloat_with_epsilon (cadence->posts_per_week, 1.2, 1e-12);
  g_assert_cmpuint (cadence->weeks_without_posts, ==, 2);
  /* The weeks of 6, 13, 20, 27 Jan and 3 Feb: 3 posts, 1, none, none, 2. */
  g_assert_cmpint (cadence->first_week, ==, DAY_N (5));
  g_assert_cmpuint (cadence->posts_by_week[0], ==, 3);
  g_assert_cmpuint (cadence->posts_by_week[1], ==, 1);
  g_assert_cmpuint (cadence->posts_by_week[2], ==, 0);
  g_assert_cmpuint (cadence->posts_by_week[3], ==, 0);
  g_assert_cmpuint (cadence->posts_by_week[4], ==, 2);

  /* Sorted 1, 2, 2.5, 2.5, 24; mean 6.4, squared deviations 388.7 over 4. */
  g_assert_cmpuint (cadence->n_intervals, ==, 5);
  g_assert_cmpfloat (cadence->interval_median, ==, 2.5);
  g_assert_cmpfloat (cadence->interval_q1, ==, 2);
  g_assert_cmpfloat (cadence->interval_q3, ==, 2.5);
  g_assert_cmpfloat (cadence->interval_iqr, ==, 0.5);
  g_assert_cmpfloat_with_epsilon (cadence->interval_cv, sqrt (388.7 / 4) / 6.4, 1e-12);

  g_assert_cmpint (cadence->longest_gap.from, ==, DAY_N (12) + 9 * HOUR);
  g_assert_cmpint (cadence->longest_gap.to, ==, DAY_N (36) + 9 * HOUR);
  g_assert_cmpfloat (cadence->longest_gap.days, ==, 24);
  g_assert_cmpuint (cadence->gaps->len, ==, 1);
  gap = &g_array_index (cadence->gaps, RapportCadenceGap, 0);
  g_assert_cmpfloat (gap->days, ==, 24);

  /* Monday 09:00 twice (0.1 and 0.3); the story counts as a post without a rate. */
  g_assert_cmpuint (cadence->heatmap[MONDAY][9].n_posts, ==, 2);
  g_assert_cmpuint (cadence->heatmap[MONDAY][9].n_rated, ==, 2);
  g_assert_cmpfloat_with_epsilon (cadence->heatmap[MONDAY][9].median_rate, 0.2, 1e-15);
  g_assert_cmpuint (cadence->heatmap[FRIDAY][21].n_posts, ==, 1);
  g_assert_cmpuint (cadence->heatmap[FRIDAY][21].n_rated, ==, 0);
  g_assert_true (isnan (cadence->heatmap[FRIDAY][21].median_rate));
  g_assert_cmpuint (cadence->heatmap[THURSDAY][9].n_posts, ==, 1);
  g_assert_cmpuint (cadence->heatmap[THURSDAY][9].n_rated, ==, 0);
  g_assert_cmpuint (cadence->heatmap[FRIDAY][9].n_rated, ==, 1);
  g_assert_cmpfloat (cadence->heatmap[FRIDAY][9].median_rate, ==, 0.05);
  g_assert_cmpuint (cadence->heatmap[SATURDAY][12].n_posts, ==, 0);

  /* No slot has five rated posts. */
  g_assert_null (cadence->best_cell);
  g_assert_null (cadence->best_weekday);
  g_assert_null (cadence->best_block);
}

/*
 * Five Tuesdays at 18:xx (ER 5–9 %, median 7 %), six Saturdays at 10:00 (median 5 %), four
 * Sundays at 20:00 at 50 % (too few on their own), one Sunday at 23:30.
 */
static void
build_slots (RapportDataset *dataset,
             GArray         *per_post)
{
  const double saturday_rates[] = { 0.03, 0.04, 0.05, 0.05, 0.06, 0.07 };

  for (guint i = 0; i < 6; i++)
    add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (3 + 7 * i) + 10 * HOUR, saturday_rates[i]);
  for (guint i = 0; i < 4; i++)
    add_post (dataset, per_post, RAPPORT_POST_VIDEO, DAY_N (4 + 7 * i) + 20 * HOUR, 0.5);
  for (guint i = 0; i < 5; i++)
    add_post (dataset, per_post, RAPPORT_POST_PHOTO, DAY_N (6 + 7 * i) + 18 * HOUR + i * 60, 0.05 + 0.01 * i);
  add_post (dataset, per_post, RAPPORT_POST_TEXT, DAY_N (32) + 23 * HOUR + 1800, NAN);
}

static void
assert_slot (const RapportCadenceSlot *slot,
             int                       weekday,
             guint                     hour_start,
             guint                     hour_end,
             guint                     n,
             double                    median_rate)
{
  g_assert_nonnull (slot);
  g_assert_cmpint (slot->weekday, ==, weekday);
  g_assert_cmpuint (slot->hour_start, ==, hour_start);
  g_assert_cmpuint (slot->hour_end, ==, hour_end);
  g_assert_cmpuint (slot->n, ==, n);
  g_assert_cmpfloat_with_epsilon (slot->median_rate, median_rate, 1e-15);
}

static void
test_best_slots (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportCadence) cadence = NULL;

  build_slots (dataset, per_post);
  cadence = rapport_cadence_compute (dataset, per_post, utc);

  g_assert_cmpuint (cadence->heatmap[TUESDAY][18].n_rated, ==, 5);
  g_assert_cmpfloat_with_epsilon (cadence->heatmap[TUESDAY][18].median_rate, 0.07, 1e-15);
  g_assert_cmpuint (cadence->heatmap[SATURDAY][10].n_rated, ==, 6);
  g_assert_cmpfloat_with_epsilon (cadence->heatmap[SATURDAY][10].median_rate, 0.05, 1e-15);
  g_assert_cmpuint (cadence->heatmap[SUNDAY][20].n_rated, ==, 4);
  g_assert_cmpuint (cadence->heatmap[SUNDAY][23].n_posts, ==, 1);

  /* Sunday 20:00 has the highest median but only four posts. */
  assert_slot (cadence->best_cell, TUESDAY, 18, 19, 5, 0.07);
  assert_slot (cadence->best_weekday, TUESDAY, 0, 24, 5, 0.07);
  /* 18–21 holds Tuesday's five and Sunday's four: 0.05 … 0.09, 0.5 ×4, median 0.09. */
  assert_slot (cadence->best_block, -1, 18, 21, 9, 0.09);
}

static void
test_time_zone (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  g_autoptr(RapportCadence) cadence = NULL;

  g_assert_nonnull (plus_two);
  build_slots (dataset, per_post);
  cadence = rapport_cadence_compute (dataset, per_post, plus_two);

  /* Two hours later: Tuesday 20:00, Saturday 12:00, Sunday 22:00; Sunday 23:30 is Monday 01:30. */
  g_assert_cmpuint (cadence->heatmap[TUESDAY][18].n_posts, ==, 0);
  g_assert_cmpuint (cadence->heatmap[TUESDAY][20].n_rated, ==, 5);
  g_assert_cmpuint (cadence->heatmap[SATURDAY][12].n_rated, ==, 6);
  g_assert_cmpuint (cadence->heatmap[SUNDAY][22].n_rated, ==, 4);
  g_assert_cmpuint (cadence->heatmap[SUNDAY][23].n_posts, ==, 0);
  g_assert_cmpuint (cadence->heatmap[MONDAY][1].n_posts, ==, 1);

  assert_slot (cadence->best_cell, TUESDAY, 20, 21, 5, 0.07);
  assert_slot (cadence->best_weekday, TUESDAY, 0, 24, 5, 0.07);
  /* Sunday's four now sit alone in 21–24. */
  assert_slot (cadence->best_block, -1, 18, 21, 5, 0.07);

  /* Weeks stay UTC calendar weeks: Sat 4 Jan to Sat 8 Feb, six weeks, all with posts. */
  g_assert_cmpuint (cadence->n_posts, ==, 16);
  g_assert_cmpuint (cadence->n_weeks, ==, 6);
  g_assert_cmpuint (cadence->weeks_without_posts, ==, 0);
}

/* Posts known to the day only (analytics exports) count for the rhythm but have no cell in the
 * heatmap: their midnight is no time of posting. */
static void
test_day_only (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) per_post = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportCadence) cadence = NULL;

  build_slots (dataset, per_post);
  for (guint i = 0; i < 3; i++)
    {
      add_post (dataset, per_post, RAPPORT_POST_TEXT, DAY_N (8 + i), 0.2);
      ((RapportDatasetPost *) g_ptr_array_index (dataset->posts,
                                                 dataset->posts->len - 1))->time_unit = 86400;
    }
  cadence = rapport_cadence_compute (dataset, per_post, utc);

  g_assert_cmpuint (cadence->n_posts, ==, 19);
  /* 8, 9 and 10 Jan 2025 are a Wednesday, a Thursday and a Friday: nothing at midnight. */
  g_assert_cmpuint (cadence->heatmap[WEDNESDAY][0].n_posts, ==, 0);
  g_assert_cmpuint (cadence->heatmap[THURSDAY][0].n_rated, ==, 0);
  g_assert_cmpuint (cadence->heatmap[FRIDAY][0].n_posts, ==, 0);
  /* Their high rates move no best slot. */
  assert_slot (cadence->best_cell, TUESDAY, 18, 19, 5, 0.07);
  assert_slot (cadence->best_block, -1, 18, 21, 9, 0.09);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cadence/empty", test_empty);
  g_test_add_func ("/cadence/rhythm", test_rhythm);
  g_test_add_func ("/cadence/best-slots", test_best_slots);
  g_test_add_func ("/cadence/time-zone", test_time_zone);
  g_test_add_func ("/cadence/day-only", test_day_only);

  return g_test_run ();
}
