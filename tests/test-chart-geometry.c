/* test-chart-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers behind a chart's frame: value axes with round steps, time ticks on days, months
 * and years, the mapping of times and values to pixels, and the points a frame and the
 * read-out look at.  Every expected value is worked out by hand in the comments.  No display
 * needed.
 */

#include "config.h"

#include <math.h>

#include "chart/rapport-chart-axes.h"
#include "chart/rapport-chart-geometry.h"

#define DAY RAPPORT_CHART_DAY

/* 1 March 2024, 00:00 UTC, a Friday. */
#define MARCH_1 G_GINT64_CONSTANT (1709251200)

static void
assert_ticks (const RapportChartScale *scale,
              double                   first,
              double                   step,
              guint                    n_ticks)
{
  g_assert_cmpuint (scale->n_ticks, ==, n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    g_assert_cmpfloat_with_epsilon (scale->ticks[i], first + i * step, step * 1e-9);
}

static void
assert_tick_label (const RapportChartScale *scale,
                   double                   value,
                   const char              *expected)
{
  g_autofree char *text = rapport_chart_scale_format_tick (scale, value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_nice_step (void)
{
  /* 100 / 5 = 20 = 2 · 10. */
  g_assert_cmpfloat_with_epsilon (rapport_chart_nice_step (100, 5), 20, 1e-12);
  /* 7 / 3 = 2.33, up to 2.5. */
  g_assert_cmpfloat_with_epsilon (rapport_chart_nice_step (7, 3), 2.5, 1e-12);
  /* 9 / 3 = 3, up to 5. */
  g_assert_cmpfloat_with_epsilon (rapport_chart_nice_step (9, 3), 5, 1e-12);
  /* 0.37 / 4 = 0.0925 = 9.25 · 0.01, up to 10 · 0.01. */
  g_assert_cmpfloat_with_epsilon (rapport_chart_nice_step (0.37, 4), 0.1, 1e-12);
  /* Fewer than one tick counts as one: 30 / 1 = 30 = 3 · 10, up to 5 · 10. */
  g_assert_cmpfloat_with_epsilon (rapport_chart_nice_step (30, 0.5), 50, 1e-12);
}

static void
test_scale_counts (void)
{
  RapportChartScale scale;

  /* 220 px / 44 px = 5 ticks wanted.  120 is below half of 980, so the axis starts at 0;
   * 980 / 5 = 196, up to a step of 200: 0 to 1000, six ticks. */
  rapport_chart_scale_compute (&scale, FALSE, 120, 980, 220);
  g_assert_false (scale.percent);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1000);
  g_assert_cmpfloat (scale.step, ==, 200);
  assert_ticks (&scale, 0, 200, 6);
  assert_tick_label (&scale, 0, "0");
  assert_tick_label (&scale, 400, "400");

  /* A large account over three months: 52,000 is above half of 61,000, so the axis does not
   * start at 0.  9,000 / 5 = 1,800, up to 2,000: 52,000 to 62,000, labelled in thousands. */
  rapport_chart_scale_compute (&scale, FALSE, 52000, 61000, 220);
  g_assert_cmpfloat (scale.min, ==, 52000);
  g_assert_cmpfloat (scale.max, ==, 62000);
  assert_ticks (&scale, 52000, 2000, 6);
  assert_tick_label (&scale, 54000, "54K");

  /* Millions, with the one decimal a step of 0.5M needs: 2.2M / 5 = 440,000, up to 500,000. */
  rapport_chart_scale_compute (&scale, FALSE, 0, 2200000, 220);
  g_assert_cmpfloat (scale.max, ==, 2500000);
  assert_ticks (&scale, 0, 500000, 6);
  assert_tick_label (&scale, 1500000, "1.5M");
  assert_tick_label (&scale, 2000000, "2.0M");

  /* A flat line of 100 is widened to the least span of 4 around it: 98 to 102, step 1. */
  rapport_chart_scale_compute (&scale, FALSE, 100, 100, 220);
  g_assert_cmpfloat (scale.min, ==, 98);
  g_assert_cmpfloat (scale.max, ==, 102);
  assert_ticks (&scale, 98, 1, 5);

  /* Counts never step by less than 1: 0 to 2 on a tall plot (400 / 44 = 9 ticks wanted) still
   * steps by 1, over the least span of 4. */
  rapport_chart_scale_compute (&scale, FALSE, 0, 2, 400);
  g_assert_cmpfloat (scale.step, ==, 1);
  assert_ticks (&scale, 0, 1, 5);

  /* Nothing visible: 0 to 4. */
  rapport_chart_scale_compute (&scale, FALSE, INFINITY, -INFINITY, 220);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 4);
  assert_ticks (&scale, 0, 1, 5);

  /* Negative values: -30 to 70, 100 / 5 = 20. */
  rapport_chart_scale_compute (&scale, FALSE, -30, 70, 220);
  g_assert_cmpfloat (scale.min, ==, -40);
  g_assert_cmpfloat (scale.max, ==, 80);
  assert_ticks (&scale, -40, 20, 7);
  assert_tick_label (&scale, -20, "-20");
}

static void
test_scale_percent (void)
{
  RapportChartScale scale;

  /* Rates start at 0 even when they never come near it.  0.047 / 5 = 0.0094, up to 0.01:
   * 0 to 5 %, whole percents. */
  rapport_chart_scale_compute (&scale, TRUE, 0.031, 0.047, 220);
  g_assert_true (scale.percent);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat_with_epsilon (scale.max, 0.05, 1e-12);
  assert_ticks (&scale, 0, 0.01, 6);
  assert_tick_label (&scale, scale.ticks[0], "0 %");
  assert_tick_label (&scale, scale.ticks[3], "3 %");

  /* Nothing visible: the least span, 0 to 1 %, in steps of 0.2 % with one decimal. */
  rapport_chart_scale_compute (&scale, TRUE, NAN, NAN, 220);
  g_assert_cmpfloat_with_epsilon (scale.max, 0.01, 1e-12);
  assert_ticks (&scale, 0, 0.002, 6);
  assert_tick_label (&scale, scale.ticks[1], "0.2 %");

  /* A short plot wants 2 ticks at the least: 0.3 / 2 = 0.15, up to 0.2; 0 to 40 %. */
  rapport_chart_scale_compute (&scale, TRUE, 0.1, 0.3, 40);
  assert_ticks (&scale, 0, 0.2, 3);
  assert_tick_label (&scale, scale.ticks[2], "40 %");
}

static void
test_time_ticks_days (void)
{
  const double room[RAPPORT_CHART_N_TICK_UNITS] = { 60, 60, 60 };
  RapportChartTimeTicks ticks;

  /* March 2024 over 600 px: 30 days · 86,400 s / 600 px = 4,320 s a pixel.  A day is 20 px, two
   * are 40 px, a week is 140 px: the first that leaves 60 px.  Mondays: 4, 11, 18, 25 March. */
  rapport_chart_time_ticks_compute (&ticks, MARCH_1, MARCH_1 + 30 * DAY, 600, room);
  g_assert_cmpuint (ticks.n_ticks, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (ticks.ticks[i], ==, MARCH_1 + (3 + 7 * i) * DAY);
      g_assert_cmpstr (ticks.formats[i], ==, "%-d %b");
    }

  /* Wide enough for every day: 1 to 5 March over 400 px is 100 px a day. */
  rapport_chart_time_ticks_compute (&ticks, MARCH_1, MARCH_1 + 4 * DAY, 400, room);
  g_assert_cmpuint (ticks.n_ticks, ==, 5);
  g_assert_cmpint (ticks.ticks[0], ==, MARCH_1);
  g_assert_cmpint (ticks.ticks[4], ==, MARCH_1 + 4 * DAY);

  /* A range that starts after midnight starts with the next day. */
  rapport_chart_time_ticks_compute (&ticks, MARCH_1 + 1, MARCH_1 + 4 * DAY, 400, room);
  g_assert_cmpuint (ticks.n_ticks, ==, 4);
  g_assert_cmpint (ticks.ticks[0], ==, MARCH_1 + DAY);
}

/* Midnight UTC of a date. */
static gint64
utc (int year,
     int month,
     int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (date);
}

static void
test_time_ticks_months_years (void)
{
  const double room[RAPPORT_CHART_N_TICK_UNITS] = { 60, 60, 60 };
  RapportChartTimeTicks ticks;

  /* 15 Nov 2023 to 15 Jun 2024 (213 days) over 300 px: 61,344 s a pixel.  Two weeks are 20 px,
   * a month (30.44 days) 43 px, two months 86 px.  The first even month after the start is
   * January; it names the year, and so would any later January. */
  rapport_chart_time_ticks_compute (&ticks, utc (2023, 11, 15), utc (2024, 6, 15), 300, room);
  g_assert_cmpuint (ticks.n_ticks, ==, 3);
  g_assert_cmpint (ticks.ticks[0], ==, utc (2024, 1, 1));
  g_assert_cmpint (ticks.ticks[1], ==, utc (2024, 3, 1));
  g_assert_cmpint (ticks.ticks[2], ==, utc (2024, 5, 1));
  g_assert_cmpstr (ticks.formats[0], ==, "%b %Y");
  g_assert_cmpstr (ticks.formats[1], ==, "%b");
  g_assert_cmpstr (ticks.formats[2], ==, "%b");

  /* June 2010 to June 2024 over 300 px: a year (365.25 days) is 21 px, two are 43 px, five are
   * 107 px.  Years divisible by five after the start: 2015 and 2020. */
  rapport_chart_time_ticks_compute (&ticks, utc (2010, 6, 1), utc (2024, 6, 1), 300, room);
  g_assert_cmpuint (ticks.n_ticks, ==, 2);
  g_assert_cmpint (ticks.ticks[0], ==, utc (2015, 1, 1));
  g_assert_cmpint (ticks.ticks[1], ==, utc (2020, 1, 1));
  g_assert_cmpstr (ticks.formats[0], ==, "%Y");

  /* A range starting on the first of a month at midnight starts with that month. */
  rapport_chart_time_ticks_compute (&ticks, utc (2024, 1, 1), utc (2024, 12, 31), 300, room);
  g_assert_cmpint (ticks.ticks[0], ==, utc (2024, 1, 1));
}

static void
test_time_labels (void)
{
  g_autofree char *day = rapport_chart_format_date (MARCH_1 + 3 * DAY, "%-d %b");
  /* 1 January 10000. */
  g_autofree char *outside = rapport_chart_format_date (G_GINT64_CONSTANT (253402300800), "%Y");
  g_autofree char *day_example = rapport_chart_tick_example (RAPPORT_CHART_TICK_DAY);
  g_autofree char *month_example = rapport_chart_tick_example (RAPPORT_CHART_TICK_MONTH);

  g_assert_cmpstr (day, ==, "4 Mar");
  g_assert_cmpstr (outside, ==, "");
  g_assert_cmpstr (day_example, ==, "30 Sep");
  g_assert_cmpstr (month_example, ==, "Sep 2024");
}

static void
test_plot_mapping (void)
{
  /* 1000 s to 2000 s across 400 px from x = 50; values 0 to 1000 up 200 px from y = 210. */
  const RapportChartPlot plot = { 1000, 2000, 50, 10, 400, 200 };
  RapportChartScale scale = { 0 };

  scale.min = 0;
  scale.max = 1000;

  g_assert_cmpfloat (rapport_chart_plot_x (&plot, 1000), ==, 50);
  g_assert_cmpfloat (rapport_chart_plot_x (&plot, 1500), ==, 250);
  g_assert_cmpfloat (rapport_chart_plot_x (&plot, 2000), ==, 450);
  /* Outside the range, outside the plot. */
  g_assert_cmpfloat (rapport_chart_plot_x (&plot, 500), ==, -150);

  g_assert_cmpfloat (rapport_chart_plot_y (&plot, &scale, 0), ==, 210);
  g_assert_cmpfloat (rapport_chart_plot_y (&plot, &scale, 250), ==, 160);
  g_assert_cmpfloat (rapport_chart_plot_y (&plot, &scale, 1000), ==, 10);

  g_assert_cmpfloat (rapport_chart_plot_time_at (&plot, 250), ==, 1500);
  g_assert_cmpfloat (rapport_chart_plot_time_at (&plot, 50), ==, 1000);
}

static void
test_range (void)
{
  double x_min;
  double x_max;

  rapport_chart_range_widen (MARCH_1, MARCH_1 + 10 * DAY, &x_min, &x_max);
  g_assert_cmpfloat (x_min, ==, MARCH_1);
  g_assert_cmpfloat (x_max, ==, MARCH_1 + 10 * DAY);

  /* A single instant, or an inverted range, becomes the days around it. */
  rapport_chart_range_widen (MARCH_1, MARCH_1, &x_min, &x_max);
  g_assert_cmpfloat (x_min, ==, MARCH_1 - DAY);
  g_assert_cmpfloat (x_max, ==, MARCH_1 + DAY);
  rapport_chart_range_widen (100, 40, &x_min, &x_max);
  g_assert_cmpfloat (x_min, ==, 100 - DAY);
  g_assert_cmpfloat (x_max, ==, 40 + DAY);

  g_assert_cmpint (rapport_chart_day_start (MARCH_1), ==, MARCH_1);
  g_assert_cmpint (rapport_chart_day_start (MARCH_1 + DAY - 1), ==, MARCH_1);
  /* Before 1970 too. */
  g_assert_cmpint (rapport_chart_day_start (-1), ==, -DAY);
  g_assert_cmpint (rapport_chart_day_start (-DAY), ==, -DAY);
}

static void
test_culling (void)
{
  const double x[] = { 10, 20, 20, 30, 40 };
  const double y[] = { 5, NAN, 7, -2, 100 };
  gsize first = 99;
  gsize last = 99;
  double lo = INFINITY;
  double hi = -INFINITY;

  /* 20 to 30 holds the points 1 to 3. */
  g_assert_true (rapport_chart_visible_points (x, 5, 20, 30, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 3);
  g_assert_true (rapport_chart_visible_points (x, 5, 0, 100, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 4);
  /* Between points, before them, after them, and no points at all. */
  g_assert_false (rapport_chart_visible_points (x, 5, 21, 29, &first, &last));
  g_assert_false (rapport_chart_visible_points (x, 5, 0, 9, &first, &last));
  g_assert_false (rapport_chart_visible_points (x, 5, 41, 50, &first, &last));
  g_assert_false (rapport_chart_visible_points (NULL, 0, 0, 50, &first, &last));

  /* Of 20 to 30: NAN is passed over, 7 and -2 remain. */
  rapport_chart_visible_extent (x, y, 5, 20, 30, &lo, &hi);
  g_assert_cmpfloat (lo, ==, -2);
  g_assert_cmpfloat (hi, ==, 7);
  /* It widens what it is given, and only with what is in range. */
  rapport_chart_visible_extent (x, y, 5, 35, 45, &lo, &hi);
  g_assert_cmpfloat (lo, ==, -2);
  g_assert_cmpfloat (hi, ==, 100);
  lo = INFINITY;
  hi = -INFINITY;
  rapport_chart_visible_extent (x, y, 5, 21, 29, &lo, &hi);
  g_assert_cmpfloat (lo, ==, INFINITY);
  g_assert_cmpfloat (hi, ==, -INFINITY);
}

static void
test_finite_span (void)
{
  const double gaps[] = { NAN, 1, NAN, 2, INFINITY };
  const double none[] = { NAN, NAN };
  gsize first = 99;
  gsize end = 99;

  g_assert_true (rapport_chart_finite_span (gaps, 5, &first, &end));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (end, ==, 4);
  g_assert_true (rapport_chart_finite_span (gaps, 2, &first, &end));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (end, ==, 2);
  g_assert_false (rapport_chart_finite_span (none, 2, &first, &end));
  g_assert_false (rapport_chart_finite_span (NULL, 0, &first, &end));
}

static void
test_nearest_point (void)
{
  const double x[] = { 10, 20, 20, 30, 40 };

  /* 24 is 4 from 20 and 6 from 30; 25 is as near to both, and the earlier wins; 26 is
   * nearer to 30. */
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 0, 4, 24), ==, 2);
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 0, 4, 25), ==, 2);
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 0, 4, 26), ==, 3);
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 0, 4, 30), ==, 3);
  /* Only the points from first to last count. */
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 1, 3, 0), ==, 1);
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 1, 3, 100), ==, 3);
  g_assert_cmpuint (rapport_chart_nearest_point (x, 5, 0, 4, 100), ==, 4);
}

static void
test_day_points (void)
{
  const double x[] = { MARCH_1 + 3600, MARCH_1 + 7200, MARCH_1 + DAY, MARCH_1 + 3 * DAY };
  const double y[] = { 1, 2, NAN, 4 };
  gsize first = 99;
  gsize end = 99;
  gsize index = 99;

  /* Two points on 1 March, one on 2 March, none on 3 March. */
  rapport_chart_day_points (x, 4, MARCH_1, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 2);
  rapport_chart_day_points (x, 4, MARCH_1 + DAY, &first, &end);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (end, ==, 3);
  rapport_chart_day_points (x, 4, MARCH_1 + 2 * DAY, &first, &end);
  g_assert_cmpuint (first, ==, end);

  /* What a line shows at the end of 1 March: its last point that day. */
  g_assert_true (rapport_chart_last_point_before (x, y, 4, MARCH_1 + DAY, &index));
  g_assert_cmpuint (index, ==, 1);
  /* At the end of 2 March the last point is a gap; at the end of 3 March it still is. */
  g_assert_false (rapport_chart_last_point_before (x, y, 4, MARCH_1 + 2 * DAY, &index));
  g_assert_false (rapport_chart_last_point_before (x, y, 4, MARCH_1 + 3 * DAY, &index));
  g_assert_true (rapport_chart_last_point_before (x, y, 4, MARCH_1 + 4 * DAY, &index));
  g_assert_cmpuint (index, ==, 3);
  /* Before the first point there is nothing to show. */
  g_assert_false (rapport_chart_last_point_before (x, y, 4, MARCH_1 + 3600, &index));
  g_assert_false (rapport_chart_last_point_before (NULL, NULL, 0, MARCH_1, &index));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-geometry/nice-step", test_nice_step);
  g_test_add_func ("/chart-geometry/scale-counts", test_scale_counts);
  g_test_add_func ("/chart-geometry/scale-percent", test_scale_percent);
  g_test_add_func ("/chart-geometry/time-ticks-days", test_time_ticks_days);
  g_test_add_func ("/chart-geometry/time-ticks-months-years", test_time_ticks_months_years);
  g_test_add_func ("/chart-geometry/time-labels", test_time_labels);
  g_test_add_func ("/chart-geometry/plot-mapping", test_plot_mapping);
  g_test_add_func ("/chart-geometry/range", test_range);
  g_test_add_func ("/chart-geometry/culling", test_culling);
  g_test_add_func ("/chart-geometry/finite-span", test_finite_span);
  g_test_add_func ("/chart-geometry/nearest-point", test_nearest_point);
  g_test_add_func ("/chart-geometry/day-points", test_day_points);

  return g_test_run ();
}
