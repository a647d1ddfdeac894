/* rapport-chart-axes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart's axes as numbers and text: "nice" value ticks a round step apart, time ticks on
 * days, months or years as far apart as their labels need, and the labels' texts.  GLib only,
 * so tests check it without a display; the widget measures and draws the labels.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The chart's time unit: days in UTC. */
#define RAPPORT_CHART_DAY         G_GINT64_CONSTANT (86400)
#define RAPPORT_CHART_MAX_Y_TICKS 12
#define RAPPORT_CHART_MAX_X_TICKS 64

/* A value axis: the range it shows, from tick to tick. */
typedef struct
{
  gboolean percent;   /* the values are fractions, shown as percentages */
  double min;
  double max;
  double step;
  guint n_ticks;
  double ticks[RAPPORT_CHART_MAX_Y_TICKS];
} RapportChartScale;

typedef enum
{
  RAPPORT_CHART_TICK_DAY,
  RAPPORT_CHART_TICK_MONTH,
  RAPPORT_CHART_TICK_YEAR,
} RapportChartTickUnit;

#define RAPPORT_CHART_N_TICK_UNITS 3

/* The ticks of the time axis. */
typedef struct
{
  guint n_ticks;
  gint64 ticks[RAPPORT_CHART_MAX_X_TICKS];
  /* g_date_time_format() formats of the labels, static strings */
  const char *formats[RAPPORT_CHART_MAX_X_TICKS];
} RapportChartTimeTicks;

/* A round step (1, 2, 2.5 or 5 times a power of ten) that cuts @span into about
 * @target_ticks parts, never fewer. */
double      rapport_chart_nice_step          (double                   span,
                                              double                   target_ticks);
/* Fits @scale to the values from @lo to @hi (infinite when there are none) on a plot
 * @plot_height pixels high.  Rates start at zero; counts too, unless the values then fill
 * less than the top half. */
void        rapport_chart_scale_compute      (RapportChartScale       *scale,
                                              gboolean                 percent,
                                              double                   lo,
                                              double                   hi,
                                              double                   plot_height);
/* A tick's label, short: "12K", "1.2M", "2.5 %", with decimals only as far as the step needs
 * them. */
char       *rapport_chart_scale_format_tick  (const RapportChartScale *scale,
                                              double                   value);

/* @t (Unix seconds) in UTC with a g_date_time_format() @format; "" outside the years 1–9999. */
char       *rapport_chart_format_date        (gint64                   t,
                                              const char              *format);
/* The format of a time tick's label; @with_year for a month where the year changes. */
const char *rapport_chart_tick_format        (RapportChartTickUnit     unit,
                                              gboolean                 with_year);
/* A wide label of @unit, to measure the room each label of that unit needs. */
char       *rapport_chart_tick_example       (RapportChartTickUnit     unit);
/* The ticks from @x_min to @x_max on a plot @plot_width pixels wide, on the shortest interval
 * (1, 2, 7 or 14 days, 1, 2, 3 or 6 months, 1 to 500 years) whose ticks lie on average at least
 * @label_room[unit] pixels apart (RAPPORT_CHART_N_TICK_UNITS widths); weeks start on Monday. */
void        rapport_chart_time_ticks_compute (RapportChartTimeTicks   *ticks,
                                              double                   x_min,
                                              double                   x_max,
                                              double                   plot_width,
                                              const double            *label_room);

G_END_DECLS
