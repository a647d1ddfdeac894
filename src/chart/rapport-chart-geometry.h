/* rapport-chart-geometry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the chart's points land: the visible time range and the plot area that map a time
 * and a value to pixels, and the points a frame or the read-out looks at (those in the range,
 * those of a day, the one nearest to a time).  Series are parallel arrays: times in Unix
 * seconds, ascending, and values, where NAN breaks a line.  GLib only, so tests check it
 * without a display.
 */

#pragma once

#include <glib.h>

#include "chart/rapport-chart-axes.h"

G_BEGIN_DECLS

/* A frame's mapping: the visible range across the plot area. */
typedef struct
{
  double x_min;   /* the visible range, Unix seconds */
  double x_max;
  double left;    /* the plot area, pixels from the widget's top left corner */
  double top;
  double width;
  double height;
} RapportChartPlot;

/* Inline: a frame maps every point it draws. */
static inline double
rapport_chart_plot_x (const RapportChartPlot *plot,
                      double                  t)
{
  return plot->left + (t - plot->x_min) / (plot->x_max - plot->x_min) * plot->width;
}

static inline double
rapport_chart_plot_y (const RapportChartPlot  *plot,
                      const RapportChartScale *scale,
                      double                   value)
{
  return plot->top + plot->height -
         (value - scale->min) / (scale->max - scale->min) * plot->height;
}

/* The time under the pixel column @x: the inverse of rapport_chart_plot_x(). */
double   rapport_chart_plot_time_at     (const RapportChartPlot  *plot,
                                         double                   x);

/* The range from @start to @end in seconds, a day wider on each side when it is empty, so a
 * frame never divides by zero. */
void     rapport_chart_range_widen      (gint64                   start,
                                         gint64                   end,
                                         double                  *x_min,
                                         double                  *x_max);
/* The start (midnight UTC) of the day @t falls in. */
gint64   rapport_chart_day_start        (gint64                   t);

/* The first and the one past the last index with a finite value: the data without the gaps
 * at its ends.  FALSE when no value is finite. */
gboolean rapport_chart_finite_span      (const double            *y,
                                         gsize                    n,
                                         gsize                   *first,
                                         gsize                   *end);
/* The first and the last index of the points within [@x_min, @x_max]; FALSE when none is. */
gboolean rapport_chart_visible_points   (const double            *x,
                                         gsize                    n,
                                         double                   x_min,
                                         double                   x_max,
                                         gsize                   *first,
                                         gsize                   *last);
/* Lowers *@lo and raises *@hi to the finite values of the points within [@x_min, @x_max]. */
void     rapport_chart_visible_extent   (const double            *x,
                                         const double            *y,
                                         gsize                    n,
                                         double                   x_min,
                                         double                   x_max,
                                         double                  *lo,
                                         double                  *hi);
/* Of the points from @first to @last, the one nearest to @t; the earlier of two as near. */
gsize    rapport_chart_nearest_point    (const double            *x,
                                         gsize                    n,
                                         gsize                    first,
                                         gsize                    last,
                                         double                   t);
/* The point a line shows before @t: the last one before it, unless that one is a gap.  FALSE
 * without such a point. */
gboolean rapport_chart_last_point_before (const double           *x,
                                          const double           *y,
                                          gsize                   n,
                                          double                  t,
                                          gsize                  *index);
/* The points of the day starting at @day: from *@first to one before *@end. */
void     rapport_chart_day_points       (const double            *x,
                                         gsize                    n,
                                         gint64                   day,
                                         gsize                   *first,
                                         gsize                   *end);

G_END_DECLS
