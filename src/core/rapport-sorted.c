/* rapport-sorted.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-sorted.h"

/* The lower bound, or with @past_equal the upper bound: values equal to @key lie before it. */
static inline gsize
search_double (const double *values,
               gsize         n,
               double        key,
               gboolean      past_equal)
{
  gsize lo = 0;
  gsize hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (values[mid] < key || (past_equal && values[mid] == key))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gsize
rapport_sorted_lower_bound_double (const double *values,
                                   gsize         n,
                                   double        key)
{
  g_return_val_if_fail (n == 0 || values != NULL, 0);

  return search_double (values, n, key, FALSE);
}

gsize
rapport_sorted_upper_bound_double (const double *values,
                                   gsize         n,
                                   double        key)
{
  g_return_val_if_fail (n == 0 || values != NULL, 0);

  return search_double (values, n, key, TRUE);
}

gsize
rapport_sorted_lower_bound_i64 (const gint64 *first,
                                gsize         n,
                                gsize         stride,
                                gint64        key)
{
  const guint8 *base = (const guint8 *) first;
  gsize lo = 0;
  gsize hi = n;

  g_return_val_if_fail (n == 0 || first != NULL, 0);
  g_return_val_if_fail (stride >= sizeof (gint64), 0);

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (*(const gint64 *) (base + mid * stride) < key)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}
