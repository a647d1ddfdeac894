/* rapport-chart-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "core/rapport-sorted.h"
#include "chart/rapport-chart-geometry.h"

#define DAY RAPPORT_CHART_DAY

double
rapport_chart_plot_time_at (const RapportChartPlot *plot,
                            double                  x)
{
  return plot->x_min + (x - plot->left) / plot->width * (plot->x_max - plot->x_min);
}

void
rapport_chart_range_widen (gint64  start,
                           gint64  end,
                           double *x_min,
                           double *x_max)
{
  if (end <= start)
    {
      start -= DAY;
      end += DAY;
    }

  *x_min = (double) start;
  *x_max = (double) end;
}

gint64
rapport_chart_day_start (gint64 t)
{
  return t - ((t % DAY) + DAY) % DAY;
}

gboolean
rapport_chart_finite_span (const double *y,
                           gsize         n,
                           gsize        *first,
                           gsize        *end)
{
  gsize lo = 0;
  gsize hi = n;

  while (lo < n && !isfinite (y[lo]))
    lo++;
  while (hi > lo && !isfinite (y[hi - 1]))
    hi--;
  if (lo == hi)
    return FALSE;

  *first = lo;
  *end = hi;
  return TRUE;
}

gboolean
rapport_chart_visible_points (const double *x,
                              gsize         n,
                              double        x_min,
                              double        x_max,
                              gsize        *first,
                              gsize        *last)
{
  gsize lo = rapport_sorted_lower_bound_double (x, n, x_min);
  gsize hi = rapport_sorted_upper_bound_double (x, n, x_max);

  if (hi <= lo)
    return FALSE;

  *first = lo;
  *last = hi - 1;
  return TRUE;
}

void
rapport_chart_visible_extent (const double *x,
                              const double *y,
                              gsize         n,
                              double        x_min,
                              double        x_max,
                              double       *lo,
                              double       *hi)
{
  gsize first;
  gsize last;

  if (!rapport_chart_visible_points (x, n, x_min, x_max, &first, &last))
    return;

  for (gsize k = first; k <= last; k++)
    {
      double value = y[k];

      if (!isfinite (value))
        continue;
      if (value < *lo)
        *lo = value;
      if (value > *hi)
        *hi = value;
    }
}

gsize
rapport_chart_nearest_point (const double *x,
                             gsize         n,
                             gsize         first,
                             gsize         last,
                             double        t)
{
  gsize i = rapport_sorted_lower_bound_double (x, n, t);

  i = CLAMP (i, first, last);
  if (i > first && fabs (x[i - 1] - t) <= fabs (x[i] - t))
    i--;

  return i;
}

gboolean
rapport_chart_last_point_before (const double *x,
                                 const double *y,
                                 gsize         n,
                                 double        t,
                                 gsize        *index)
{
  gsize i = rapport_sorted_lower_bound_double (x, n, t);

  if (i == 0 || !isfinite (y[i - 1]))
    return FALSE;

  *index = i - 1;
  return TRUE;
}

void
rapport_chart_day_points (const double *x,
                          gsize         n,
                          gint64        day,
                          gsize        *first,
                          gsize        *end)
{
  *first = rapport_sorted_lower_bound_double (x, n, (double) day);
  *end = rapport_sorted_lower_bound_double (x, n, (double) (day + DAY));
}
