/* test-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-series.h"

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

/* A snapshot with a follower list; since[i] == 0 means no follow date. */
static void
add_snapshot (RapportDataset *dataset,
              gint64          exported_at,
              const char     *who[],
              const gint64    since[],
              guint           n)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = dataset->snapshots->len + 1;
  snapshot->exported_at = exported_at;
  snapshot->followers = rapport_people_new (n);
  for (guint i = 0; i < n; i++)
    rapport_people_add (snapshot->followers, who[i], who[i], NULL, since[i]);
  rapport_people_sort (snapshot->followers);
  g_ptr_array_add (dataset->snapshots, snapshot);
}

static void
add_gain (RapportDataset *dataset,
          guint           day,
          gint64          gained,
          gint64          lost)
{
  RapportFollowerGain gain = { DAY_N (day), gained, lost };

  g_array_append_val (dataset->gains, gain);
}

static const RapportSeriesPoint *
point_at (const RapportFollowerSeries *series,
          guint                        index)
{
  g_assert_cmpuint (index, <, series->points->len);
  return &g_array_index (series->points, RapportSeriesPoint, index);
}

static void
assert_point (const RapportFollowerSeries *series,
              guint                        index,
              gint64                       day,
              double                       followers,
              RapportSeriesKind            kind,
              RapportCountSource           source)
{
  const RapportSeriesPoint *point = point_at (series, index);

  g_assert_cmpint (point->day, ==, day);
  g_assert_cmpfloat_with_epsilon (point->followers, followers, 1e-9);
  g_assert_cmpint (point->kind, ==, kind);
  g_assert_cmpint (point->source, ==, source);
  g_assert_cmpint (point->lower_bound, ==, kind == RAPPORT_SERIES_RECONSTRUCTED);
}

static void
test_empty (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = rapport_follower_series_compute (dataset);
  RapportSeriesKind kind = RAPPORT_SERIES_INTERPOLATED;

  g_assert_cmpuint (series->points->len, ==, 0);
  g_assert_true (isnan (rapport_follower_series_at (series, JAN1, &kind)));
  g_assert_cmpint (kind, ==, RAPPORT_SERIES_INTERPOLATED);
  g_assert_null (rapport_follower_series_point (series, JAN1));
}

static void
test_day_of (void)
{
  g_assert_cmpint (rapport_day_of (JAN1), ==, JAN1);
  g_assert_cmpint (rapport_day_of (JAN1 + 86399), ==, JAN1);
  g_assert_cmpint (rapport_day_of (JAN1 + 86400), ==, JAN1 + 86400);
  g_assert_cmpint (rapport_day_of (-1), ==, -86400);
  g_assert_cmpint (rapport_day_of (0), ==, 0);
}

/* Totals only: the best source wins a day, the days between are a straight line. */
static void
test_totals_interpolated (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  RapportSeriesKind kind = RAPPORT_SERIES_REAL;

  add_count (dataset, DAY_N (0) + 9 * HOUR, 100, RAPPORT_COUNT_SOURCE_PROFILE);
  add_count (dataset, DAY_N (4) + 1 * HOUR, 140, RAPPORT_COUNT_SOURCE_INSIGHTS);
  add_count (dataset, DAY_N (4) + 2 * HOUR, 150, RAPPORT_COUNT_SOURCE_PROFILE);
  add_count (dataset, DAY_N (4) + 3 * HOUR, 145, RAPPORT_COUNT_SOURCE_INSIGHTS);
  /* Not real totals: ignored. */
  add_count (dataset, DAY_N (2), 999, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  add_count (dataset, DAY_N (3), -1, RAPPORT_COUNT_SOURCE_PROFILE);
  /* Two profile readings on one day: the newer wins. */
  add_count (dataset, DAY_N (6) + 8 * HOUR, 170, RAPPORT_COUNT_SOURCE_PROFILE);
  add_count (dataset, DAY_N (6) + 20 * HOUR, 160, RAPPORT_COUNT_SOURCE_PROFILE);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 7);
  assert_point (series, 0, DAY_N (0), 100, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 1, DAY_N (1), 112.5, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 2, DAY_N (2), 125, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 3, DAY_N (3), 137.5, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 4, DAY_N (4), 150, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 5, DAY_N (5), 155, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 6, DAY_N (6), 160, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);

  g_assert_cmpfloat (rapport_follower_series_at (series, DAY_N (2) + 23 * HOUR, &kind), ==, 125);
  g_assert_cmpint (kind, ==, RAPPORT_SERIES_INTERPOLATED);
  g_assert_true (isnan (rapport_follower_series_at (series, DAY_N (0) - 1, NULL)));
  g_assert_true (isnan (rapport_follower_series_at (series, DAY_N (7), NULL)));
  g_assert_cmpfloat (rapport_follower_series_at (series, DAY_N (7) - 1, NULL), ==, 160);

  g_assert_cmpuint (rapport_follower_series_count_kind (series, RAPPORT_SERIES_REAL), ==, 3);
  g_assert_cmpuint (rapport_follower_series_count_kind (series, RAPPORT_SERIES_INTERPOLATED), ==, 4);
  g_assert_cmpuint (rapport_follower_series_count_kind (series, RAPPORT_SERIES_RECONSTRUCTED), ==, 0);
}

/* One export with follow dates: the days before it are counted from those dates. */
static void
test_reconstruction (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[] = { "ann", "bob", "cy", "dee", "eve" };
  /* dee has no date; eve's date lies after the export, so it is not believed. */
  const gint64 since[] = { DAY_N (1) + 5, DAY_N (1) + 10 * HOUR, DAY_N (4) + 23 * HOUR, 0, DAY_N (12) };

  add_snapshot (dataset, DAY_N (9) + 12 * HOUR, who, since, 5);
  add_count (dataset, DAY_N (6) + 12 * HOUR, 4, RAPPORT_COUNT_SOURCE_PROFILE);
  /* The list size beats a profile total of the same day. */
  add_count (dataset, DAY_N (9), 7, RAPPORT_COUNT_SOURCE_PROFILE);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 9);
  assert_point (series, 0, DAY_N (1), 2, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 1, DAY_N (2), 2, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 2, DAY_N (3), 2, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 3, DAY_N (4), 3, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 4, DAY_N (5), 3, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 5, DAY_N (6), 4, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 6, DAY_N (7), 3, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 7, DAY_N (8), 3, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 8, DAY_N (9), 5, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);

  g_assert_true (rapport_follower_series_point (series, DAY_N (3) + 5)->lower_bound);
  g_assert_true (isnan (rapport_follower_series_at (series, DAY_N (1) - 1, NULL)));
}

/* Two dated lists: each speaks for the days up to its export; the larger lower bound wins. */
static void
test_two_lists (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *old_who[] = { "x", "y", "z" };
  const gint64 old_since[] = { DAY_N (1), DAY_N (2), DAY_N (3) };
  /* y and z left, w came. */
  const char *new_who[] = { "x", "w" };
  const gint64 new_since[] = { DAY_N (1), DAY_N (15) };
  const double expected[] = {
    1, 2, 3, 3, 3, 3, 3, 3, 3, 3,   /* days 1–10, day 10 the old list's size */
    1, 1, 1, 1, 2, 2, 2, 2, 2, 2,   /* days 11–20, day 20 the new list's size */
  };

  add_snapshot (dataset, DAY_N (10), old_who, old_since, 3);
  add_snapshot (dataset, DAY_N (20) + 5 * HOUR, new_who, new_since, 2);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      const RapportSeriesPoint *point = point_at (series, i);
      gboolean real = i == 9 || i == 19;

      g_assert_cmpint (point->day, ==, DAY_N (i + 1));
      g_assert_cmpfloat (point->followers, ==, expected[i]);
      g_assert_cmpint (point->kind, ==, real ? RAPPORT_SERIES_REAL : RAPPORT_SERIES_RECONSTRUCTED);
      g_assert_cmpint (point->lower_bound, ==, !real);
    }
}

/* Undated lists and totals after the last dated list: interpolation. */
static void
test_after_dated_list (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[] = { "a", "b" };
  const gint64 dated[] = { DAY_N (3), DAY_N (4) };
  const char *undated_who[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j" };
  const gint64 undated[10] = { 0 };

  add_snapshot (dataset, DAY_N (5), who, dated, 2);
  /* A list without dates is a real total and nothing more. */
  add_snapshot (dataset, DAY_N (9), undated_who, undated, 10);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 7);
  assert_point (series, 0, DAY_N (3), 1, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 1, DAY_N (4), 2, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 2, DAY_N (5), 2, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  assert_point (series, 3, DAY_N (6), 4, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  assert_point (series, 4, DAY_N (7), 6, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  assert_point (series, 5, DAY_N (8), 8, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  assert_point (series, 6, DAY_N (9), 10, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);
}

/* A real total before the first follow date: the list says nothing about those days. */
static void
test_total_before_follow_dates (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[] = { "a", "b", "c" };
  const gint64 since[] = { DAY_N (4), DAY_N (4), DAY_N (5) };

  add_count (dataset, DAY_N (0), 9, RAPPORT_COUNT_SOURCE_INSIGHTS);
  add_snapshot (dataset, DAY_N (6), who, since, 3);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 7);
  assert_point (series, 0, DAY_N (0), 9, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_INSIGHTS);
  assert_point (series, 1, DAY_N (1), 8, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_INSIGHTS);
  assert_point (series, 3, DAY_N (3), 6, RAPPORT_SERIES_INTERPOLATED, RAPPORT_COUNT_SOURCE_INSIGHTS);
  assert_point (series, 4, DAY_N (4), 2, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 5, DAY_N (5), 3, RAPPORT_SERIES_RECONSTRUCTED, RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 6, DAY_N (6), 3, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);
}

/* A large list: the histogram sweep gives the same as counting each day by hand. */
static void
test_large_list (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
  const guint n = 200000;
  GRand *rand = g_rand_new_with_seed (7);
  g_autofree guint *per_day = g_new0 (guint, 400);
  guint running = 0;

  snapshot->exported_at = DAY_N (399) + 10;
  snapshot->followers = rapport_people_new (n);
  for (guint i = 0; i < n; i++)
    {
      char who[32];
      guint day = g_rand_int_range (rand, 0, 400);

      g_snprintf (who, sizeof who, "user%u", i);
      rapport_people_add (snapshot->followers, who, who, NULL, DAY_N (day) + g_rand_int_range (rand, 0, 86400));
      per_day[day]++;
    }
  rapport_people_sort (snapshot->followers);
  g_ptr_array_add (dataset->snapshots, snapshot);
  g_rand_free (rand);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 400);
  for (guint d = 0; d < 400; d++)
    {
      running += per_day[d];
      g_assert_cmpfloat (point_at (series, d)->followers, ==, running);
    }
  g_assert_cmpuint (running, ==, n);
}

/* Gains on days 2 to 6 (day 4 missing: no change), a list of 50 followers exported on day 4:
 * the days around it carry 50 along the net changes, from day 1 (the day before the first
 * gain) to day 6. */
static void
test_gains_anchored (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[50];
  gint64 since[50] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      char name[8];

      g_snprintf (name, sizeof name, "f%02u", i);
      who[i] = g_intern_string (name);
    }
  add_gain (dataset, 2, 5, 1);
  add_gain (dataset, 3, 3, RAPPORT_COUNT_UNKNOWN);
  add_gain (dataset, 5, 10, 2);
  add_gain (dataset, 6, RAPPORT_COUNT_UNKNOWN, 4);
  add_snapshot (dataset, DAY_N (4) + 12 * HOUR, who, since, G_N_ELEMENTS (who));

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 6);
  /* 50 on day 4; day 3 is 50 minus day 4's change (none); day 2 minus day 3's +3; day 1
   * minus day 2's +4. */
  assert_point (series, 0, DAY_N (1), 43, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 1, DAY_N (2), 47, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 2, DAY_N (3), 50, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 3, DAY_N (4), 50, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  assert_point (series, 4, DAY_N (5), 58, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 5, DAY_N (6), 54, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  g_assert_cmpuint (rapport_follower_series_count_kind (series, RAPPORT_SERIES_ANCHORED), ==, 5);
}

/* Two totals inside the stretch: each day follows the nearer one, so a disagreement between
 * gains and totals shows as a step halfway, not as a drift over the whole stretch.  Anchored
 * days win over a reconstruction, which is only a lower bound; a total two days past the last
 * gain anchors nothing. */
static void
test_gains_nearest_total (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[] = { "a", "b" };
  const gint64 since[] = { DAY_N (0), DAY_N (0) };

  for (guint day = 2; day <= 8; day++)
    add_gain (dataset, day, 10, RAPPORT_COUNT_UNKNOWN);
  add_count (dataset, DAY_N (2), 1000, RAPPORT_COUNT_SOURCE_ANALYTICS);
  add_count (dataset, DAY_N (8), 1100, RAPPORT_COUNT_SOURCE_PROFILE);
  add_snapshot (dataset, DAY_N (10), who, since, G_N_ELEMENTS (who));

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 11);
  /* Day 0 is before the day before the first gain: rebuilt from the list's follow dates. */
  assert_point (series, 0, DAY_N (0), 2, RAPPORT_SERIES_RECONSTRUCTED,
                RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 1, DAY_N (1), 990, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 2, DAY_N (2), 1000, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 3, DAY_N (3), 1010, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 4, DAY_N (4), 1020, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  /* Day 5 is as near to day 2 as to day 8: the earlier total wins the tie. */
  assert_point (series, 5, DAY_N (5), 1030, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 6, DAY_N (6), 1080, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 7, DAY_N (7), 1090, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 8, DAY_N (8), 1100, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 9, DAY_N (9), 2, RAPPORT_SERIES_RECONSTRUCTED,
                RAPPORT_COUNT_SOURCE_RECONSTRUCTION);
  assert_point (series, 10, DAY_N (10), 2, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_SNAPSHOT);
}

/* Gains with no total beside them state no total: no point at all, and a total far away is
 * joined to nothing by them. */
static void
test_gains_without_anchor (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;

  add_gain (dataset, 10, 40, 2);
  add_gain (dataset, 11, 30, 1);
  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 0);
  g_clear_pointer (&series, rapport_follower_series_free);

  /* A total on day 13 is two days past the last gain: too far to carry. */
  add_count (dataset, DAY_N (13), 500, RAPPORT_COUNT_SOURCE_PROFILE);
  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 1);
  assert_point (series, 0, DAY_N (13), 500, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  g_clear_pointer (&series, rapport_follower_series_free);

  /* One on day 12, the day after: it anchors both days and the day before them. */
  add_count (dataset, DAY_N (12), 480, RAPPORT_COUNT_SOURCE_PROFILE);
  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 5);
  assert_point (series, 0, DAY_N (9), 413, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 1, DAY_N (10), 451, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 2, DAY_N (11), 480, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 3, DAY_N (12), 480, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 4, DAY_N (13), 500, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
}

/* Two exports' gains with months between them are two stretches, each carried from its own
 * total; the unknown days between are a straight line between real totals, not "no change". */
static void
test_gains_apart (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;

  for (guint day = 0; day <= 27; day++)
    add_gain (dataset, day, 10, RAPPORT_COUNT_UNKNOWN);
  for (guint day = 150; day <= 177; day++)
    add_gain (dataset, day, 10, RAPPORT_COUNT_UNKNOWN);
  add_count (dataset, DAY_N (28), 2000, RAPPORT_COUNT_SOURCE_PROFILE);
  add_count (dataset, DAY_N (178), 3000, RAPPORT_COUNT_SOURCE_PROFILE);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 180);
  assert_point (series, 1, DAY_N (0), 1730, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 28, DAY_N (27), 2000, RAPPORT_SERIES_ANCHORED,
                RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 29, DAY_N (28), 2000, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
  /* On the line from day 28's total to day 149, where the second run begins (3000 - 280). */
  assert_point (series, 29 + 60, DAY_N (88), 2000 + 720.0 * 60 / 121, RAPPORT_SERIES_INTERPOLATED,
                RAPPORT_COUNT_SOURCE_PROFILE);
  assert_point (series, 150, DAY_N (149), 2720, RAPPORT_SERIES_ANCHORED,
                RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 179, DAY_N (178), 3000, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_PROFILE);
}

/* LinkedIn's lists are the connections, a part of the audience: neither their size nor their
 * dates make a follower count, which comes from the creator analytics alone. */
static void
test_linkedin_connections (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;
  const char *who[] = { "a", "b", "c" };
  const gint64 since[] = { DAY_N (0), DAY_N (1), DAY_N (2) };

  dataset->platform = RAPPORT_PLATFORM_LINKEDIN;
  add_snapshot (dataset, DAY_N (5), who, since, G_N_ELEMENTS (who));
  add_count (dataset, DAY_N (5), 3, RAPPORT_COUNT_SOURCE_SNAPSHOT);
  add_count (dataset, DAY_N (4), 1234, RAPPORT_COUNT_SOURCE_ANALYTICS);

  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 1);
  assert_point (series, 0, DAY_N (4), 1234, RAPPORT_SERIES_REAL, RAPPORT_COUNT_SOURCE_ANALYTICS);

  /* Elsewhere the same list is a total and rebuilds the days before it. */
  dataset->platform = RAPPORT_PLATFORM_TIKTOK;
  g_clear_pointer (&series, rapport_follower_series_free);
  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 6);
}

/* Gains larger than the total behind them (losses not counted) never go below zero. */
static void
test_gains_never_negative (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportFollowerSeries) series = NULL;

  add_gain (dataset, 1, 30, RAPPORT_COUNT_UNKNOWN);
  add_gain (dataset, 2, 30, RAPPORT_COUNT_UNKNOWN);
  add_count (dataset, DAY_N (2), 40, RAPPORT_COUNT_SOURCE_PROFILE);
  series = rapport_follower_series_compute (dataset);
  g_assert_cmpuint (series->points->len, ==, 3);
  assert_point (series, 0, DAY_N (0), 0, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
  assert_point (series, 1, DAY_N (1), 10, RAPPORT_SERIES_ANCHORED, RAPPORT_COUNT_SOURCE_ANALYTICS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/empty", test_empty);
  g_test_add_func ("/series/day-of", test_day_of);
  g_test_add_func ("/series/totals-interpolated", test_totals_interpolated);
  g_test_add_func ("/series/reconstruction", test_reconstruction);
  g_test_add_func ("/series/two-lists", test_two_lists);
  g_test_add_func ("/series/after-dated-list", test_after_dated_list);
  g_test_add_func ("/series/total-before-follow-dates", test_total_before_follow_dates);
  g_test_add_func ("/series/large-list", test_large_list);
  g_test_add_func ("/series/gains-anchored", test_gains_anchored);
  g_test_add_func ("/series/gains-nearest-total", test_gains_nearest_total);
  g_test_add_func ("/series/gains-without-anchor", test_gains_without_anchor);
  g_test_add_func ("/series/gains-never-negative", test_gains_never_negative);
  g_test_add_func ("/series/gains-apart", test_gains_apart);
  g_test_add_func ("/series/linkedin-connections", test_linkedin_connections);

  return g_test_run ();
}
