/* rapport-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rapport-stats.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A sorted copy without NANs; *n_out receives its length. */
static double *
sorted_valid (const double *values,
              gsize         n,
              gsize        *n_out)
{
  double *copy;
  gsize len = 0;

  g_assert (n_out != NULL);

  copy = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      copy[len++] = values[i];
  qsort (copy, len, sizeof (double), compare_doubles);
  *n_out = len;
  return copy;
}

static double
quantile_of_sorted (const double *sorted,
                    gsize         n,
                    double        q)
{
  double h;
  gsize lo;

  g_assert (n > 0);

  h = (n - 1) * q;
  lo = (gsize) floor (h);
  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

gsize
rapport_stats_count_valid (const double *values,
                           gsize         n)
{
  gsize count = 0;

  g_return_val_if_fail (values != NULL || n == 0, 0);

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      count++;
  return count;
}

double
rapport_stats_mean (const double *values,
                    gsize         n)
{
  double sum = 0;
  gsize count = 0;

  g_return_val_if_fail (values != NULL || n == 0, NAN);

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        sum += values[i];
        count++;
      }
  return count == 0 ? NAN : sum / count;
}

double
rapport_stats_stddev (const double *values,
                      gsize         n)
{
  double mean;
  double sum = 0;
  gsize count = 0;

  g_return_val_if_fail (values != NULL || n == 0, NAN);

  mean = rapport_stats_mean (values, n);
  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        sum += (values[i] - mean) * (values[i] - mean);
        count++;
      }
  return count < 2 ? NAN : sqrt (sum / (count - 1));
}

double
rapport_stats_median (const double *values,
                      gsize         n)
{
  return rapport_stats_quantile (values, n, 0.5);
}

double
rapport_stats_quantile (const double *values,
                        gsize         n,
                        double        q)
{
  g_autofree double *sorted = NULL;
  gsize len;

  g_return_val_if_fail (values != NULL || n == 0, NAN);
  g_return_val_if_fail (q >= 0 && q <= 1, NAN);

  sorted = sorted_valid (values, n, &len);
  if (len == 0)
    return NAN;
  return quantile_of_sorted (sorted, len, q);
}

double
rapport_stats_mad (const double *values,
                   gsize         n)
{
  g_autofree double *sorted = NULL;
  double median;
  gsize len;

  g_return_val_if_fail (values != NULL || n == 0, NAN);

  sorted = sorted_valid (values, n, &len);
  if (len == 0)
    return NAN;
  median = quantile_of_sorted (sorted, len, 0.5);
  for (gsize i = 0; i < len; i++)
    sorted[i] = fabs (sorted[i] - median);
  qsort (sorted, len, sizeof (double), compare_doubles);
  return quantile_of_sorted (sorted, len, 0.5);
}

double
rapport_stats_robust_scale (const double *values,
                            gsize         n,
                            double       *median_out)
{
  g_autofree double *sorted = NULL;
  gsize len;

  g_return_val_if_fail (values != NULL || n == 0, NAN);

  sorted = sorted_valid (values, n, &len);
  return rapport_stats_robust_scale_sorted (sorted, len, median_out);
}

double
rapport_stats_robust_scale_sorted (const double *sorted,
                                   gsize         n,
                                   double       *median_out)
{
  double median;
  double mad;
  double mean_ad = 0;
  double deviation = 0, next = 0;
  gsize left, right;
  double h;
  gsize lo;

  g_return_val_if_fail (sorted != NULL || n == 0, NAN);

  if (n == 0)
    {
      if (median_out != NULL)
        *median_out = NAN;
      return NAN;
    }
  median = quantile_of_sorted (sorted, n, 0.5);
  if (median_out != NULL)
    *median_out = median;
  for (gsize i = 0; i < n; i++)
    mean_ad += fabs (sorted[i] - median);

  /* The deviations in order without sorting them: they grow outwards from the median on both
   * sides, so the two runs merge from there.  @left is one past the next value below. */
  for (left = 0; left < n && sorted[left] <= median; left++)
    ;
  right = left;
  h = (n - 1) * 0.5;
  lo = (gsize) floor (h);
  for (gsize k = 0; k <= lo + 1 && k < n; k++)
    {
      double below = left > 0 ? median - sorted[left - 1] : INFINITY;
      double above = right < n ? sorted[right] - median : INFINITY;
      double smallest;

      if (below <= above)
        {
          smallest = below;
          left--;
        }
      else
        {
          smallest = above;
          right++;
        }
      if (k == lo)
        deviation = smallest;
      else if (k == lo + 1)
        next = smallest;
    }
  mad = lo + 1 >= n ? deviation : deviation + (h - lo) * (next - deviation);
  if (mad > 0)
    return RAPPORT_STATS_MAD_SCALE * mad;
  /* Iglewicz and Hoaglin's fallback: with the MAD at 0, the mean absolute deviation still tells
   * an ordinary day from an outlier. */
  return RAPPORT_STATS_MEAN_AD_SCALE * (mean_ad / n);
}

typedef struct
{
  double value;
  gboolean from_a;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return compare_doubles (&((const Ranked *) a)->value, &((const Ranked *) b)->value);
}

double
rapport_stats_mann_whitney (const double *a,
                            gsize         na,
                            const double *b,
                            gsize         nb,
                            double       *p_value)
{
  g_autofree Ranked *all = NULL;
  double rank_sum_a = 0;
  double tie_term = 0;
  double n1 = 0;
  double n2 = 0;
  double n;
  double u;
  double mean_u;
  double variance;
  double z;
  gsize len = 0;

  g_return_val_if_fail (a != NULL || na == 0, NAN);
  g_return_val_if_fail (b != NULL || nb == 0, NAN);

  all = g_new (Ranked, MAX (na + nb, 1));
  for (gsize i = 0; i < na; i++)
    if (!isnan (a[i]))
      {
        all[len++] = (Ranked) { a[i], TRUE };
        n1++;
      }
  for (gsize i = 0; i < nb; i++)
    if (!isnan (b[i]))
      {
        all[len++] = (Ranked) { b[i], FALSE };
        n2++;
      }

  if (n1 == 0 || n2 == 0)
    {
      if (p_value != NULL)
        *p_value = NAN;
      return NAN;
    }

  qsort (all, len, sizeof (Ranked), compare_ranked);

  /* Tied values share the average of the ranks they span (ranks start at 1). */
  for (gsize i = 0; i < len;)
    {
      gsize j = i;
      double t;
      double rank;

      while (j + 1 < len && all[j + 1].value == all[i].value)
        j++;
      t = j - i + 1;
      rank = (i + 1 + j + 1) / 2.0;
      for (gsize k = i; k <= j; k++)
        if (all[k].from_a)
          rank_sum_a += rank;
      tie_term += t * t * t - t;
      i = j + 1;
    }

  n = n1 + n2;
  u = rank_sum_a - n1 * (n1 + 1) / 2;
  mean_u = n1 * n2 / 2;
  variance = n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1)));

  if (p_value != NULL)
    {
      if (variance <= 0)
        *p_value = 1;
      else
        {
          /* Continuity correction toward the mean, never past it. */
          z = MAX (fabs (u - mean_u) - 0.5, 0) / sqrt (variance);
          *p_value = MIN (erfc (z / G_SQRT2), 1);
        }
    }
  return u;
}
