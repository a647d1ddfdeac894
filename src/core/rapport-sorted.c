/* rapport-sorted.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* Elements below this many are sorted by insertion. */
#define INSERTION_MAX 16

static inline void
swap_elements (guint8 *a,
               guint8 *b,
               gsize   size)
{
  for (; size >= sizeof (guint64); size -= sizeof (guint64))
    {
      guint64 t;

      memcpy (&t, a, sizeof t);
      memcpy (a, b, sizeof t);
      memcpy (b, &t, sizeof t);
      a += sizeof t;
      b += sizeof t;
    }
  for (; size > 0; size--, a++, b++)
    {
      guint8 t = *a;

      *a = *b;
      *b = t;
    }
}

static void
insertion_sort (guint8           *base,
                gsize             n,
                gsize             size,
                GCompareDataFunc  compare,
                gpointer          data)
{
  for (gsize i = 1; i < n; i++)
    for (gsize j = i; j > 0 && compare (base + (j - 1) * size, base + j * size, data) > 0; j--)
      swap_elements (base + (j - 1) * size, base + j * size, size);
}

static void
sift_down (guint8           *base,
           gsize             root,
           gsize             n,
           gsize             size,
           GCompareDataFunc  compare,
           gpointer          data)
{
  for (;;)
    {
      gsize child = 2 * root + 1;

      if (child >= n)
        return;
      if (child + 1 < n && compare (base + child * size, base + (child + 1) * size, data) < 0)
        child++;
      if (compare (base + root * size, base + child * size, data) >= 0)
        return;
      swap_elements (base + root * size, base + child * size, size);
      root = child;
    }
}

static void
heap_sort (guint8           *base,
           gsize             n,
           gsize             size,
           GCompareDataFunc  compare,
           gpointer          data)
{
  for (gsize i = n / 2; i-- > 0;)
    sift_down (base, i, n, size, compare, data);
  for (gsize end = n; end-- > 1;)
    {
      swap_elements (base, base + end * size, size);
      sift_down (base, 0, end, size, compare, data);
    }
}

/* Quicksort with the median of three as pivot, the smaller part first so that the stack stays
 * shallow, and a heap sort past @depth levels, which no input can drive to n². */
static void
intro_sort (guint8           *base,
            gsize             n,
            gsize             size,
            GCompareDataFunc  compare,
            gpointer          data,
            guint             depth)
{
  while (n > INSERTION_MAX)
    {
      guint8 *middle = base + n / 2 * size;
      guint8 *last = base + (n - 1) * size;
      gsize i = 0;
      gsize j = n;

      if (depth-- == 0)
        {
          heap_sort (base, n, size, compare, data);
          return;
        }

      /* The median of the first, middle and last goes first as the pivot; the last is then
       * not below it, which stops the scan up. */
      if (compare (middle, base, data) < 0)
        swap_elements (middle, base, size);
      if (compare (last, middle, data) < 0)
        {
          swap_elements (last, middle, size);
          if (compare (middle, base, data) < 0)
            swap_elements (middle, base, size);
        }
      swap_elements (base, middle, size);

      for (;;)
        {
          do
            i++;
          while (i < n && compare (base + i * size, base, data) < 0);
          do
            j--;
          while (compare (base + j * size, base, data) > 0);
          if (i >= j)
            break;
          swap_elements (base + i * size, base + j * size, size);
        }
      swap_elements (base, base + j * size, size);

      if (j < n - j - 1)
        {
          intro_sort (base, j, size, compare, data, depth);
          base += (j + 1) * size;
          n -= j + 1;
        }
      else
        {
          intro_sort (base + (j + 1) * size, n - j - 1, size, compare, data, depth);
          n = j;
        }
    }
  insertion_sort (base, n, size, compare, data);
}

void
rapport_sort_in_place (gpointer          base,
                       gsize             n,
                       gsize             size,
                       GCompareDataFunc  compare,
                       gpointer          data)
{
  guint depth = 0;

  g_return_if_fail (base != NULL || n == 0);
  g_return_if_fail (size > 0);

  for (gsize m = n; m > 1; m >>= 1)
    depth += 2;
  intro_sort (base, n, size, compare, data, depth);
}
