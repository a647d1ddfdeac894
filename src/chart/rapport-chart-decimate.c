/* rapport-chart-decimate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "core/rapport-sorted.h"
#include "chart/rapport-chart-decimate.h"

#define NONE G_MAXUINT32

/* Appends the kept indices of one column in ascending order, each once. */
static gsize
emit_column (guint32 *out,
             gsize    count,
             guint32  keep[5])
{
  /* Five values: an insertion sort is all it takes. */
  for (guint i = 1; i < 5; i++)
    {
      guint32 value = keep[i];
      guint j = i;

      while (j > 0 && keep[j - 1] > value)
        {
          keep[j] = keep[j - 1];
          j--;
        }
      keep[j] = value;
    }

  for (guint i = 0; i < 5; i++)
    {
      if (keep[i] == NONE)
        break;
      if (i > 0 && keep[i] == keep[i - 1])
        continue;
      out[count++] = keep[i];
    }

  return count;
}

/**
 * rapport_chart_decimate:
 * @x: (array length=n): the times (or any x), ascending
 * @y: (array length=n): the values; NAN marks a gap in a line
 * @n: the number of points
 * @x_min: the left edge of the visible range
 * @x_max: the right edge of the visible range, above @x_min
 * @n_columns: the number of pixel columns the range is drawn over, at least 1
 * @out: room for RAPPORT_CHART_DECIMATE_MAX (@n_columns) indices
 *
 * Points with @x_min ≤ x ≤ @x_max fall into @n_columns columns of equal width, column
 * ⌊(x − @x_min) / (@x_max − @x_min) · @n_columns⌋ (x = @x_max belongs to the last one).  Of each
 * column the first and the last point are kept, the points with the lowest and the highest
 * finite y (the first of equal ones) and the first point with a non-finite y, so that a line
 * drawn through the kept points has the same extent in every column as the full line, and
 * gaps stay gaps.  The last point before @x_min and the first after @x_max are kept as well, so
 * a line runs to the edges.
 *
 * Returns: the number of indices written to @out, ascending, each index once
 */
gsize
rapport_chart_decimate (const double *x,
                        const double *y,
                        gsize         n,
                        double        x_min,
                        double        x_max,
                        guint         n_columns,
                        guint32      *out)
{
  gsize lo;
  gsize hi;
  gsize count = 0;
  double scale;
  gsize i;

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), 0);
  g_return_val_if_fail (n < NONE, 0);
  g_return_val_if_fail (out != NULL, 0);
  g_return_val_if_fail (n_columns > 0, 0);
  g_return_val_if_fail (x_max > x_min, 0);

  if (n == 0)
    return 0;

  lo = rapport_sorted_lower_bound_double (x, n, x_min);
  hi = rapport_sorted_upper_bound_double (x, n, x_max);
  scale = n_columns / (x_max - x_min);

  if (lo > 0)
    out[count++] = (guint32) (lo - 1);

  i = lo;
  while (i < hi)
    {
      guint column = MIN ((guint) ((x[i] - x_min) * scale), n_columns - 1);
      guint32 keep[5] = { (guint32) i, NONE, NONE, NONE, NONE };
      double lowest = INFINITY;
      double highest = -INFINITY;

      for (; i < hi; i++)
        {
          double value = y[i];

          if (MIN ((guint) ((x[i] - x_min) * scale), n_columns - 1) != column)
            break;

          if (!isfinite (value))
            {
              if (keep[3] == NONE)
                keep[3] = (guint32) i;
              continue;
            }
          if (value < lowest)
            {
              lowest = value;
              keep[1] = (guint32) i;
            }
          if (value > highest)
            {
              highest = value;
              keep[2] = (guint32) i;
            }
        }

      keep[4] = (guint32) (i - 1);
      count = emit_column (out, count, keep);
    }

  if (hi < n)
    out[count++] = (guint32) hi;

  return count;
}
