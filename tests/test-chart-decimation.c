/* test-chart-decimation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport_chart_decimate() keeps, of every pixel column, the first and the last point and the
 * points with the lowest and the highest value, so spikes survive; and it keeps gaps and the
 * neighbours just outside the range.  No display needed.
 */

#include "config.h"

#include <math.h>

#include "chart/rapport-chart-decimate.h"

typedef struct
{
  gsize first;
  gsize last;
  double lowest;
  double highest;
  gsize first_gap;
  gboolean used;
} Column;

static gboolean
kept (const guint32 *out,
      gsize          count,
      gsize          index)
{
  for (gsize i = 0; i < count; i++)
    if (out[i] == index)
      return TRUE;

  return FALSE;
}

/* Checks the result against the definition, column by column, by brute force. */
static void
assert_decimation (const double  *x,
                   const double  *y,
                   gsize          n,
                   double         x_min,
                   double         x_max,
                   guint          n_columns,
                   const guint32 *out,
                   gsize          count)
{
  g_autofree Column *columns = g_new0 (Column, n_columns);
  gsize before = G_MAXSIZE;
  gsize after = G_MAXSIZE;

  g_assert_cmpuint (count, <=, RAPPORT_CHART_DECIMATE_MAX (n_columns));

  /* Ascending, each index once. */
  for (gsize i = 1; i < count; i++)
    g_assert_cmpuint (out[i - 1], <, out[i]);

  for (gsize i = 0; i < n; i++)
    {
      Column *column;
      guint c;

      if (x[i] < x_min)
        {
          before = i;
          continue;
        }
      if (x[i] > x_max)
        {
          if (after == G_MAXSIZE)
            after = i;
          continue;
        }

      c = MIN ((guint) floor ((x[i] - x_min) / (x_max - x_min) * n_columns), n_columns - 1);
      column = &columns[c];
      if (!column->used)
        {
          column->used = TRUE;
          column->first = i;
          column->lowest = INFINITY;
          column->highest = -INFINITY;
          column->first_gap = G_MAXSIZE;
        }
      column->last = i;
      if (isnan (y[i]))
        {
          if (column->first_gap == G_MAXSIZE)
            column->first_gap = i;
          continue;
        }
      column->lowest = MIN (column->lowest, y[i]);
      column->highest = MAX (column->highest, y[i]);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      Column *column = &columns[c];
      gboolean lowest_kept = FALSE;
      gboolean highest_kept = FALSE;

      if (!column->used)
        continue;

      g_assert_true (kept (out, count, column->first));
      g_assert_true (kept (out, count, column->last));
      if (column->first_gap != G_MAXSIZE)
        g_assert_true (kept (out, count, column->first_gap));

      /* The extremes of the column are among the kept points of the column. */
      for (gsize k = 0; k < count; k++)
        {
          gsize i = out[k];

          if (i < column->first || i > column->last || isnan (y[i]))
            continue;
          lowest_kept |= y[i] == column->lowest;
          highest_kept |= y[i] == column->highest;
        }
      if (isfinite (column->lowest))
        {
          g_assert_true (lowest_kept);
          g_assert_true (highest_kept);
        }
    }

  if (before != G_MAXSIZE)
    {
      g_assert_cmpuint (count, >, 0);
      g_assert_cmpuint (out[0], ==, before);
    }
  if (after != G_MAXSIZE)
    {
      g_assert_cmpuint (count, >, 0);
      g_assert_cmpuint (out[count - 1], ==, after);
    }
}

static void
test_decimation_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240912);
  const gsize n = 200000;
  const guint n_columns = 1200;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree guint32 *out = g_new (guint32, RAPPORT_CHART_DECIMATE_MAX (n_columns));
  double t = 1.6e9;
  gsize count;

  /* Irregular steps, a random walk. */
  for (gsize i = 0; i < n; i++)
    {
      t += g_rand_double_range (rand, 60, 7200);
      x[i] = t;
      y[i] = (i > 0 ? y[i - 1] : 1000) + g_rand_double_range (rand, -10, 10);
    }

  count = rapport_chart_decimate (x, y, n, x[0], x[n - 1], n_columns, out);
  assert_decimation (x, y, n, x[0], x[n - 1], n_columns, out, count);
  /* About four points per column: a 200,000-point line becomes a few thousand. */
  g_assert_cmpuint (count, >, 3 * n_columns);
  g_assert_cmpuint (count, <=, 4 * n_columns);

  /* A range inside the data: the neighbours outside are kept. */
  count = rapport_chart_decimate (x, y, n, x[50000] + 1, x[120000] - 1, 300, out);
  assert_decimation (x, y, n, x[50000] + 1, x[120000] - 1, 300, out, count);
  g_assert_cmpuint (out[0], ==, 50000);
  g_assert_cmpuint (out[count - 1], ==, 120000);
}

static void
test_decimation_spike (void)
{
  const gsize n = 100000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree guint32 *out = g_new (guint32, RAPPORT_CHART_DECIMATE_MAX (100));
  gboolean spike = FALSE;
  gboolean dip = FALSE;
  gsize count;

  for (gsize i = 0; i < n; i++)
    {
      x[i] = (double) i;
      y[i] = 500;
    }
  /* One point in a thousand per column stands out, in the middle of a column. */
  y[43210] = 9000;
  y[77777] = -3;

  count = rapport_chart_decimate (x, y, n, 0, (double) (n - 1), 100, out);
  assert_decimation (x, y, n, 0, (double) (n - 1), 100, out, count);

  for (gsize k = 0; k < count; k++)
    {
      spike |= out[k] == 43210;
      dip |= out[k] == 77777;
    }
  g_assert_true (spike);
  g_assert_true (dip);

  /* Flat columns keep only their first and last point: two per column, plus the spike and
   * the dip. */
  g_assert_cmpuint (count, ==, 2 * 100 + 2);
}

static void
test_decimation_edges (void)
{
  /* Points on the range's edges belong to the first and to the last column; points outside
   * only lend their nearest neighbour. */
  const double x[] = { -5, -2, 0, 0.5, 1, 9.5, 9.99, 10, 12, 15 };
  const double y[] = {  1,  2, 3, 8,   1, 4,   7,    2,  6,  1 };
  guint32 out[RAPPORT_CHART_DECIMATE_MAX (10)];
  gsize count;

  count = rapport_chart_decimate (x, y, G_N_ELEMENTS (x), 0, 10, 10, out);
  assert_decimation (x, y, G_N_ELEMENTS (x), 0, 10, 10, out, count);

  /* -2 (neighbour); column 0: 0, 0.5; column 1: 1; column 9: 9.5, 9.99, 10; 12 (neighbour). */
  g_assert_cmpuint (count, ==, 8);
  g_assert_cmpuint (out[0], ==, 1);
  g_assert_cmpuint (out[1], ==, 2);
  g_assert_cmpuint (out[2], ==, 3);
  g_assert_cmpuint (out[3], ==, 4);
  g_assert_cmpuint (out[4], ==, 5);
  g_assert_cmpuint (out[5], ==, 6);
  g_assert_cmpuint (out[6], ==, 7);
  g_assert_cmpuint (out[7], ==, 8);

  /* Everything outside: only the neighbours. */
  count = rapport_chart_decimate (x, y, G_N_ELEMENTS (x), 10.5, 11.5, 4, out);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (out[0], ==, 7);
  g_assert_cmpuint (out[1], ==, 8);

  /* Nothing at all. */
  g_assert_cmpuint (rapport_chart_decimate (x, y, 0, 0, 10, 10, out), ==, 0);
}

static void
test_decimation_gaps (void)
{
  /* A gap inside a column survives, so the line breaks there; it does not count as an
   * extreme. */
  const double x[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  const double y[] = { 5, 6, NAN, NAN, 9, 1, 4, 3 };
  guint32 out[RAPPORT_CHART_DECIMATE_MAX (1)];
  gsize count;

  count = rapport_chart_decimate (x, y, G_N_ELEMENTS (x), 0, 7, 1, out);
  assert_decimation (x, y, G_N_ELEMENTS (x), 0, 7, 1, out, count);

  /* first 0, gap 2, highest 4, lowest 5, last 7 */
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpuint (out[0], ==, 0);
  g_assert_cmpuint (out[1], ==, 2);
  g_assert_cmpuint (out[2], ==, 4);
  g_assert_cmpuint (out[3], ==, 5);
  g_assert_cmpuint (out[4], ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-decimation/random", test_decimation_random);
  g_test_add_func ("/chart-decimation/spike", test_decimation_spike);
  g_test_add_func ("/chart-decimation/edges", test_decimation_edges);
  g_test_add_func ("/chart-decimation/gaps", test_decimation_gaps);

  return g_test_run ();
}
