/* rapport-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small, robust statistics for the analysis.  Inputs are never modified; NAN values in an input
 * are treated as missing and skipped, so callers may pass "rate unknown" entries as they are.
 * Every function returns NAN when nothing is left to compute from.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1.4826 · MAD estimates the standard deviation of normally distributed data. */
#define RAPPORT_STATS_MAD_SCALE 1.4826
/* sqrt(pi / 2) · mean absolute deviation does the same, used when the MAD is 0. */
#define RAPPORT_STATS_MEAN_AD_SCALE 1.253314

/* Number of values that are not NAN. */
gsize  rapport_stats_count_valid (const double *values,
                                  gsize         n);
double rapport_stats_mean        (const double *values,
                                  gsize         n);
/* Sample standard deviation (divides by n − 1); NAN for fewer than two values. */
double rapport_stats_stddev      (const double *values,
                                  gsize         n);
double rapport_stats_median      (const double *values,
                                  gsize         n);
/* Linear interpolation between order statistics (Hyndman & Fan type 7, the default of R and
 * NumPy): h = (n − 1)·q, x[floor h] + (h − floor h)·(x[floor h + 1] − x[floor h]).  q in [0, 1]. */
double rapport_stats_quantile    (const double *values,
                                  gsize         n,
                                  double        q);
/* Median absolute deviation from the median, unscaled. */
double rapport_stats_mad         (const double *values,
                                  gsize         n);
/* Two-sided Mann–Whitney U test of a against b: returns U of a (the number of pairs where the
 * a value is larger, ties counting one half, computed from average ranks).  *p_value (may be
 * NULL) comes from the normal approximation with the tie correction of the variance and a
 * continuity correction of 0.5, two-sided, capped at 1; it is 1 when every value is tied.
 * Returns NAN, and sets *p_value to NAN, when a or b has no values. */
double rapport_stats_mann_whitney (const double *a,
                                   gsize         na,
                                   const double *b,
                                   gsize         nb,
                                   double       *p_value);

/* Robust location and scale for z-scores: *median_out (may be NULL) receives the median and the
 * return value the scale, 1.4826 · MAD, or 1.253314 · mean absolute deviation from the median
 * when the MAD is 0 (more than half the values equal, as with quiet days).  Returns 0 when all
 * values are equal and NAN for empty input.  The robust z of x is (x − median) / scale. */
double rapport_stats_robust_scale (const double *values,
                                   gsize         n,
                                   double       *median_out);
/* The same of values already sorted, none NAN, in one pass: for a window that slides. */
double rapport_stats_robust_scale_sorted (const double *sorted,
                                          gsize         n,
                                          double       *median_out);

G_END_DECLS
