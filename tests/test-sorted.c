/* test-sorted.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary searches over ascending arrays: where a key would go, at the edges, among equal
 * values and in arrays of structs.  No display needed.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "core/rapport-sorted.h"

static void
test_lower_bound_double (void)
{
  const double values[] = { 1, 3, 3, 3, 7 };

  g_assert_cmpuint (rapport_sorted_lower_bound_double (NULL, 0, 5), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 0), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 1), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 2), ==, 1);
  /* Before the first of equal values. */
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 3), ==, 1);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 3.5), ==, 4);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 7), ==, 4);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, 8), ==, 5);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, INFINITY), ==, 5);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 5, -INFINITY), ==, 0);
  /* Only the first @n count. */
  g_assert_cmpuint (rapport_sorted_lower_bound_double (values, 2, 7), ==, 2);
}

static void
test_upper_bound_double (void)
{
  const double values[] = { 1, 3, 3, 3, 7 };
  const double same[] = { 2, 2, 2 };

  g_assert_cmpuint (rapport_sorted_upper_bound_double (NULL, 0, 5), ==, 0);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 0), ==, 0);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 1), ==, 1);
  /* After the last of equal values. */
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 3), ==, 4);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 6.9), ==, 4);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 7), ==, 5);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (values, 5, 8), ==, 5);

  /* All equal: the lower bound is before them, the upper bound after. */
  g_assert_cmpuint (rapport_sorted_lower_bound_double (same, 3, 2), ==, 0);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (same, 3, 2), ==, 3);
  g_assert_cmpuint (rapport_sorted_upper_bound_double (same, 3, 1), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_double (same, 3, 3), ==, 3);
}

static void
test_lower_bound_i64 (void)
{
  const gint64 days[] = { -86400, 0, 86400, 86400, 3 * 86400 };
  const gint64 one[] = { 42 };

  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (NULL, 0, sizeof (gint64), 1), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), G_MININT64), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), -86400), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), -1), ==, 1);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), 86400), ==, 2);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), 86401), ==, 4);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), 3 * 86400), ==, 4);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (days, 5, sizeof (gint64), G_MAXINT64), ==, 5);

  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (one, 1, sizeof (gint64), 41), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (one, 1, sizeof (gint64), 42), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (one, 1, sizeof (gint64), 43), ==, 1);
}

typedef struct
{
  double value;
  gint64 t;
  guint8 flag;
} Item;

/* A field of an array of structs: only the field is compared, the rest may be anything. */
static void
test_lower_bound_i64_field (void)
{
  const Item items[] = {
    { 9, 100, 3 },
    { 1, 200, 0 },
    { 5, 200, 1 },
    { 0, 400, 2 },
  };

  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 50), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 100), ==, 0);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 101), ==, 1);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 200), ==, 1);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 300), ==, 3);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 400), ==, 3);
  g_assert_cmpuint (rapport_sorted_lower_bound_i64 (&items[0].t, 4, sizeof (Item), 401), ==, 4);
}

/* Every position in arrays of every length up to 9 with runs of equal values, against a scan. */
static void
test_against_scan (void)
{
  for (gsize n = 0; n <= 9; n++)
    {
      double values[9];
      gint64 times[9];

      for (gsize i = 0; i < n; i++)
        {
          values[i] = (double) (i / 2);
          times[i] = (gint64) (i / 3) * 10;
        }

      for (int key = -1; key <= 5; key++)
        {
          gsize lower = 0;
          gsize upper = 0;
          gsize lower_t = 0;

          while (lower < n && values[lower] < key)
            lower++;
          while (upper < n && values[upper] <= key)
            upper++;
          while (lower_t < n && times[lower_t] < key * 5)
            lower_t++;

          g_assert_cmpuint (rapport_sorted_lower_bound_double (values, n, key), ==, lower);
          g_assert_cmpuint (rapport_sorted_upper_bound_double (values, n, key), ==, upper);
          g_assert_cmpuint (rapport_sorted_lower_bound_i64 (times, n, sizeof (gint64), key * 5),
                            ==, lower_t);
        }
    }
}

/* An element of an awkward size: a key, a tag that makes each unique, and padding. */
typedef struct
{
  gint32 key;
  guint32 tag;
  char padding[5];
} Element;

static int
compare_elements (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const Element *ea = a;
  const Element *eb = b;
  guint *n_compared = data;

  (*n_compared)++;
  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return ea->tag < eb->tag ? -1 : ea->tag > eb->tag;
}

/* Sorted in place, every pattern comes out as g_sort_array() has it (the tags make the order
 * total), within n log n comparisons give or take. */
static void
test_sort_in_place (void)
{
  const gsize sizes[] = { 0, 1, 2, 3, 15, 16, 17, 100, 1000, 30000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int pattern = 0; pattern < 6; pattern++)
      {
        gsize n = sizes[s];
        g_autofree Element *sorted = g_new0 (Element, MAX (n, 1));
        g_autofree Element *expected = g_new0 (Element, MAX (n, 1));
        guint n_compared = 0;
        guint ignored = 0;
        double log_n = 1;

        for (gsize i = 0; i < n; i++)
          {
            gint32 key;

            switch (pattern)
              {
              case 0: key = g_rand_int_range (rand, 0, G_MAXINT32); break;
              case 1: key = (gint32) i; break;                          /* sorted */
              case 2: key = (gint32) (n - i); break;                    /* reversed */
              case 3: key = 42; break;                                  /* all equal */
              case 4: key = g_rand_int_range (rand, 0, 3); break;       /* few values */
              default: key = (gint32) MIN (i, n - i); break;            /* organ pipe */
              }
            sorted[i] = (Element) { key, (guint32) (pattern == 3 ? n - i : i), "pad" };
          }
        memcpy (expected, sorted, n * sizeof (Element));

        rapport_sort_in_place (sorted, n, sizeof (Element), compare_elements, &n_compared);
        g_sort_array (expected, n, sizeof (Element), compare_elements, &ignored);
        g_assert_cmpmem (sorted, n * sizeof (Element), expected, n * sizeof (Element));
        for (gsize m = n; m > 1; m >>= 1)
          log_n++;
        g_assert_cmpfloat (n_compared, <=, 4 * n * log_n + 64);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sorted/lower-bound-double", test_lower_bound_double);
  g_test_add_func ("/sorted/upper-bound-double", test_upper_bound_double);
  g_test_add_func ("/sorted/lower-bound-i64", test_lower_bound_i64);
  g_test_add_func ("/sorted/lower-bound-i64-field", test_lower_bound_i64_field);
  g_test_add_func ("/sorted/against-scan", test_against_scan);
  g_test_add_func ("/sorted/sort-in-place", test_sort_in_place);

  return g_test_run ();
}
