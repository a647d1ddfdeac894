/* rapport-chart-decimate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thins a time series out to what a row of pixels can show, without losing its extremes: for
 * every pixel column the first, the lowest, the highest and the last point are kept, so a
 * one-day spike among 200,000 points still reaches its height on screen.  GLib only, so tests
 * check it without a display.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most indices rapport_chart_decimate() writes for @n_columns columns: five per column
 * (first, lowest, highest, last and the first gap) and the two neighbours outside the range. */
#define RAPPORT_CHART_DECIMATE_MAX(n_columns) (5 * (gsize) (n_columns) + 2)

gsize rapport_chart_decimate (const double *x,
                              const double *y,
                              gsize         n,
                              double        x_min,
                              double        x_max,
                              guint         n_columns,
                              guint32      *out);

G_END_DECLS
