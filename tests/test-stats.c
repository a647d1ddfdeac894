/* test-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "core/rapport-stats.h"

static void
test_median (void)
{
  const double odd[] = { 5, 1, 3 };
  const double even[] = { 7, 1, 3, 10 };
  const double with_nan[] = { NAN, 4, NAN, 2 };
  const double original[] = { 7, 1, 3, 10 };
  double copy[] = { 7, 1, 3, 10 };

  g_assert_cmpfloat (rapport_stats_median (odd, 3), ==, 3);
  g_assert_cmpfloat (rapport_stats_median (even, 4), ==, 5);
  g_assert_cmpfloat (rapport_stats_median (with_nan, 4), ==, 3);
  g_assert_true (isnan (rapport_stats_median (NULL, 0)));
  g_assert_true (isnan (rapport_stats_median (with_nan, 1)));

  /* The input stays as it was. */
  g_assert_cmpfloat (rapport_stats_median (copy, 4), ==, 5);
  g_assert_cmpmem (copy, sizeof copy, original, sizeof original);
}

static void
test_quantile (void)
{
  /* Sorted: 1 3 7 10; h = 3q. */
  const double values[] = { 7, 1, 3, 10 };

  g_assert_cmpfloat (rapport_stats_quantile (values, 4, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (rapport_stats_quantile (values, 4, 0.1), 1.6, 1e-12);
  g_assert_cmpfloat (rapport_stats_quantile (values, 4, 0.25), ==, 2.5);
  g_assert_cmpfloat (rapport_stats_quantile (values, 4, 0.75), ==, 7.75);
  g_assert_cmpfloat (rapport_stats_quantile (values, 4, 1), ==, 10);
  g_assert_cmpfloat (rapport_stats_quantile (values, 1, 0.75), ==, 7);
}

static void
test_mean_stddev (void)
{
  const double values[] = { 2, 4, 4, 4, 5, 5, 7, 9 };

  g_assert_cmpfloat (rapport_stats_mean (values, 8), ==, 5);
  /* Sum of squares 32 over n − 1 = 7. */
  g_assert_cmpfloat_with_epsilon (rapport_stats_stddev (values, 8), sqrt (32.0 / 7), 1e-12);
  g_assert_true (isnan (rapport_stats_stddev (values, 1)));
  g_assert_cmpuint (rapport_stats_count_valid ((double[]) { 1, NAN, 2 }, 3), ==, 2);
}

static void
test_mad (void)
{
  /* Median 5, deviations 2 2 4 5, their median 3. */
  const double values[] = { 7, 1, 3, 10 };
  /* Median 0, MAD 0, mean absolute deviation 2. */
  const double quiet[] = { 0, 0, 0, 0, 10 };
  const double flat[] = { 2, 2, 2 };
  double median = 0;

  g_assert_cmpfloat (rapport_stats_mad (values, 4), ==, 3);
  g_assert_cmpfloat (rapport_stats_mad (quiet, 5), ==, 0);
  g_assert_true (isnan (rapport_stats_mad (NULL, 0)));

  g_assert_cmpfloat_with_epsilon (rapport_stats_robust_scale (values, 4, &median), 4.4478, 1e-12);
  g_assert_cmpfloat (median, ==, 5);
  g_assert_cmpfloat_with_epsilon (rapport_stats_robust_scale (quiet, 5, &median), 2.506628, 1e-12);
  g_assert_cmpfloat (median, ==, 0);
  g_assert_cmpfloat (rapport_stats_robust_scale (flat, 3, NULL), ==, 0);
}

/* The one-pass scale of sorted values is the scale from the MAD of rapport_stats_mad(), which
 * sorts the deviations, or from the mean absolute deviation when that is 0: every length from
 * 1 to 60, with many ties, odd and even. */
static void
test_robust_scale_sorted (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint n = 1; n <= 60; n++)
    for (guint round = 0; round < 20; round++)
      {
        g_autofree double *values = g_new (double, n);
        g_autofree double *sorted = NULL;
        double median, mad, mean_ad = 0, sorted_median = 0;
        double scale, sorted_scale;

        for (guint i = 0; i < n; i++)
          values[i] = g_rand_int_range (rand, -3, round % 2 ? 4 : 40);
        sorted = g_memdup2 (values, n * sizeof (double));
        for (guint i = 1; i < n; i++)
          for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
            {
              double t = sorted[j];

              sorted[j] = sorted[j - 1];
              sorted[j - 1] = t;
            }
        median = rapport_stats_median (values, n);
        mad = rapport_stats_mad (values, n);
        for (guint i = 0; i < n; i++)
          mean_ad += fabs (sorted[i] - median);
        scale = mad > 0 ? RAPPORT_STATS_MAD_SCALE * mad
                        : RAPPORT_STATS_MEAN_AD_SCALE * (mean_ad / n);
        sorted_scale = rapport_stats_robust_scale_sorted (sorted, n, &sorted_median);
        g_assert_cmpfloat (sorted_scale, ==, scale);
        g_assert_cmpfloat (sorted_median, ==, median);
      }
  g_assert_true (isnan (rapport_stats_robust_scale_sorted (NULL, 0, NULL)));
}

static void
test_mann_whitney_separated (void)
{
  /* Every a below every b: U = 0.  Variance 5·5/12·11 = 22.9166…, z = (12.5 − 0.5)/√22.9166…;
   * p = erfc (z/√2), from python3 math.erfc. */
  const double a[] = { 1, 2, 3, 4, 5 };
  const double b[] = { 6, 7, 8, 9, 10 };
  double p = 0;

  g_assert_cmpfloat (rapport_stats_mann_whitney (a, 5, b, 5, &p), ==, 0);
  g_assert_cmpfloat_with_epsilon (p, 0.012185780355344818, 1e-12);
  /* Swapped, U of the other side is 25 and p the same. */
  g_assert_cmpfloat (rapport_stats_mann_whitney (b, 5, a, 5, &p), ==, 25);
  g_assert_cmpfloat_with_epsilon (p, 0.012185780355344818, 1e-12);
}

static void
test_mann_whitney_ties (void)
{
  /* Ranks of the 11 values: 1→1, 2 (×3)→3, 3 (×2)→5.5, 4→7, 5→8, 6 (×2)→9.5, 7→11.
   * R(a) = 1 + 3 + 3 + 5.5 + 8 = 20.5, U = 20.5 − 15 = 5.5 (pairs: 5.5 by counting too).
   * Ties 3, 2, 2: Σ(t³ − t) = 24 + 6 + 6 = 36; variance = 30/12 · (12 − 36/110) = 29.1818…;
   * z = (|5.5 − 15| − 0.5)/√29.1818… = 1.66604…; p from python3 math.erfc. */
  const double a[] = { 1, 2, 2, 3, 5 };
  const double b[] = { 2, 3, 4, 6, 6, 7 };
  const double c[] = { 3.2, 1.1, 4.8, 2.0 };
  const double d[] = { 5.5, 6.1, 4.8, 7.7, 3.9 };
  double p = 0;

  g_assert_cmpfloat (rapport_stats_mann_whitney (a, 5, b, 6, &p), ==, 5.5);
  g_assert_cmpfloat_with_epsilon (p, 0.09570475117488145, 1e-12);

  g_assert_cmpfloat (rapport_stats_mann_whitney (c, 4, d, 5, &p), ==, 1.5);
  g_assert_cmpfloat_with_epsilon (p, 0.049090116322607596, 1e-12);

  /* |U − mean| = 0 is below the continuity correction: p is 1, not more. */
  g_assert_cmpfloat (rapport_stats_mann_whitney ((double[]) { 10, 20 }, 2, (double[]) { 10 }, 1, &p), ==, 1.5);
  g_assert_cmpfloat (p, ==, 1);
}

static void
test_mann_whitney_degenerate (void)
{
  const double same[] = { 0.5, 0.5, 0.5 };
  double p = 0;

  /* All tied: no variance, nothing to tell apart. */
  g_assert_cmpfloat (rapport_stats_mann_whitney (same, 3, same, 2, &p), ==, 3);
  g_assert_cmpfloat (p, ==, 1);

  g_assert_true (isnan (rapport_stats_mann_whitney (same, 3, NULL, 0, &p)));
  g_assert_true (isnan (p));
  g_assert_true (isnan (rapport_stats_mann_whitney ((double[]) { NAN }, 1, same, 3, NULL)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/median", test_median);
  g_test_add_func ("/stats/quantile", test_quantile);
  g_test_add_func ("/stats/mean-stddev", test_mean_stddev);
  g_test_add_func ("/stats/mad", test_mad);
  g_test_add_func ("/stats/robust-scale-sorted", test_robust_scale_sorted);
  g_test_add_func ("/stats/mann-whitney/separated", test_mann_whitney_separated);
  g_test_add_func ("/stats/mann-whitney/ties", test_mann_whitney_ties);
  g_test_add_func ("/stats/mann-whitney/degenerate", test_mann_whitney_degenerate);

  return g_test_run ();
}
