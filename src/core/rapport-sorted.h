/* rapport-sorted.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binary searches over ascending arrays: the times of a chart's points, of posts, of rolling
 * windows, and sorted values.  Each returns an index from 0 to @n, where @key would be inserted
 * to keep the order.  And a sort that needs no memory of its own.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first index whose value is not below @key (@n when every value is). */
gsize rapport_sorted_lower_bound_double (const double *values,
                                         gsize         n,
                                         double        key);
/* The first index whose value is above @key (@n when none is). */
gsize rapport_sorted_upper_bound_double (const double *values,
                                         gsize         n,
                                         double        key);
/* The first of @n gint64 values @stride bytes apart, starting at @first, that is not below
 * @key: sizeof (gint64) for a plain array, the size of the element for a field of an array of
 * structs (@first then points at the field of the first element). */
gsize rapport_sorted_lower_bound_i64    (const gint64 *first,
                                         gsize         n,
                                         gsize         stride,
                                         gint64        key);

/* Sorts @n elements of @size bytes at @base by @compare, in place: g_sort_array() is stable
 * but takes a copy of the array, megabytes for the runs of a follow list.  Not stable: equal
 * elements may end up in any order. */
void  rapport_sort_in_place             (gpointer          base,
                                         gsize             n,
                                         gsize             size,
                                         GCompareDataFunc  compare,
                                         gpointer          data);

G_END_DECLS
