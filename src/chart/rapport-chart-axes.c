/* rapport-chart-axes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chart/rapport-chart-axes.h"

#define DAY RAPPORT_CHART_DAY
/* Pixels per value-axis tick at least: tighter makes the labels crowd. */
#define TICK_SPACING 44.0

/* ── value axes ─────────────────────────────────────────────────────────────────────────── */

double
rapport_chart_nice_step (double span,
                         double target_ticks)
{
  double raw = span / MAX (target_ticks, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double normal = raw / magnitude;
  double nice;

  if (normal <= 1)
    nice = 1;
  else if (normal <= 2)
    nice = 2;
  else if (normal <= 2.5)
    nice = 2.5;
  else if (normal <= 5)
    nice = 5;
  else
    nice = 10;

  return nice * magnitude;
}

void
rapport_chart_scale_compute (RapportChartScale *scale,
                             gboolean           percent,
                             double             lo,
                             double             hi,
                             double             plot_height)
{
  double target = CLAMP (plot_height / TICK_SPACING, 2, RAPPORT_CHART_MAX_Y_TICKS - 2);
  double min_span = percent ? 0.01 : 4;

  g_return_if_fail (scale != NULL);

  scale->percent = percent;

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0;
      hi = min_span;
    }

  /* Rates start at zero; counts too, unless that squeezes the visible change into the top
   * half (a three-month view of a large account). */
  if (lo >= 0 && (percent || lo <= hi * 0.5))
    lo = 0;
  if (hi - lo < min_span)
    {
      double middle = (hi + lo) / 2;

      lo = lo == 0 ? 0 : middle - min_span / 2;
      hi = lo + min_span;
    }

  scale->step = rapport_chart_nice_step (hi - lo, target);
  if (!percent)
    scale->step = MAX (scale->step, 1);
  scale->min = floor (lo / scale->step) * scale->step;
  scale->max = ceil (hi / scale->step) * scale->step;
  if (scale->max <= scale->min)
    scale->max = scale->min + scale->step;

  scale->n_ticks = 0;
  for (double value = scale->min;
       value <= scale->max + scale->step * 1e-6 && scale->n_ticks < RAPPORT_CHART_MAX_Y_TICKS;
       value += scale->step)
    {
      /* Sums of steps drift; zero must read "0", not "-0". */
      if (fabs (value) < scale->step * 1e-6)
        value = 0;
      scale->ticks[scale->n_ticks++] = value;
    }
}

/* Not rapport_format_percent() or _count(): a tick has only the decimals its step needs, and
 * large values shorten to K and M, so the labels stay narrow. */
char *
rapport_chart_scale_format_tick (const RapportChartScale *scale,
                                 double                   value)
{
  double top;
  double unit = 1;
  double scaled_step;
  int decimals;

  g_return_val_if_fail (scale != NULL, NULL);

  if (scale->percent)
    {
      scaled_step = scale->step * 100;
      decimals = scaled_step >= 1 ? 0 : scaled_step >= 0.1 ? 1 : 2;
      /* Translators: a percentage on the chart's axis; "%%" is the percent sign. */
      return g_strdup_printf (_("%.*f %%"), decimals, value * 100);
    }

  top = MAX (fabs (scale->min), fabs (scale->max));
  if (top >= 1e6)
    unit = 1e6;
  else if (top >= 1e4)
    unit = 1e3;

  scaled_step = scale->step / unit;
  decimals = scaled_step >= 1 ? 0 : CLAMP ((int) ceil (-log10 (scaled_step) - 1e-9), 0, 3);

  if (unit == 1e6)
    /* Translators: millions on the chart's axis, "1.2M". */
    return g_strdup_printf (_("%.*fM"), decimals, value / unit);
  if (unit == 1e3)
    /* Translators: thousands on the chart's axis, "12K". */
    return g_strdup_printf (_("%.*fK"), decimals, value / unit);

  return g_strdup_printf ("%'.*f", decimals, value);
}

/* ── the time axis ──────────────────────────────────────────────────────────────────────── */

char *
rapport_chart_format_date (gint64      t,
                           const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (t);

  return date != NULL ? g_date_time_format (date, format) : g_strdup ("");
}

static const struct
{
  RapportChartTickUnit unit;
  guint count;
} intervals[] = {
  { RAPPORT_CHART_TICK_DAY, 1 }, { RAPPORT_CHART_TICK_DAY, 2 }, { RAPPORT_CHART_TICK_DAY, 7 },
  { RAPPORT_CHART_TICK_DAY, 14 },
  { RAPPORT_CHART_TICK_MONTH, 1 }, { RAPPORT_CHART_TICK_MONTH, 2 },
  { RAPPORT_CHART_TICK_MONTH, 3 }, { RAPPORT_CHART_TICK_MONTH, 6 },
  { RAPPORT_CHART_TICK_YEAR, 1 }, { RAPPORT_CHART_TICK_YEAR, 2 }, { RAPPORT_CHART_TICK_YEAR, 5 },
  { RAPPORT_CHART_TICK_YEAR, 10 }, { RAPPORT_CHART_TICK_YEAR, 20 },
  { RAPPORT_CHART_TICK_YEAR, 50 }, { RAPPORT_CHART_TICK_YEAR, 100 },
  { RAPPORT_CHART_TICK_YEAR, 200 }, { RAPPORT_CHART_TICK_YEAR, 500 },
};

static double
interval_seconds (guint i)
{
  switch (intervals[i].unit)
    {
    case RAPPORT_CHART_TICK_DAY:
      return intervals[i].count * (double) DAY;
    case RAPPORT_CHART_TICK_MONTH:
      return intervals[i].count * 30.44 * DAY;
    case RAPPORT_CHART_TICK_YEAR:
    default:
      return intervals[i].count * 365.25 * DAY;
    }
}

const char *
rapport_chart_tick_format (RapportChartTickUnit unit,
                           gboolean             with_year)
{
  switch (unit)
    {
    case RAPPORT_CHART_TICK_DAY:
      /* Translators: a day on the chart's time axis, a g_date_time_format() format: "3 Mar". */
      return _("%-d %b");
    case RAPPORT_CHART_TICK_MONTH:
      return with_year
        /* Translators: a month on the chart's time axis where the year changes: "Jan 2024". */
        ? _("%b %Y")
        /* Translators: a month on the chart's time axis: "Mar". */
        : _("%b");
    case RAPPORT_CHART_TICK_YEAR:
    default:
      return "%Y";
    }
}

char *
rapport_chart_tick_example (RapportChartTickUnit unit)
{
  /* 30 Sep 2024: a wide day and month; 1 Sep 2024. */
  gint64 t = unit == RAPPORT_CHART_TICK_DAY ? G_GINT64_CONSTANT (1727654400)
                                            : G_GINT64_CONSTANT (1725148800);

  return rapport_chart_format_date (t, rapport_chart_tick_format (unit, TRUE));
}

static void
add_tick (RapportChartTimeTicks *ticks,
          gint64                 t,
          const char            *format)
{
  if (ticks->n_ticks >= RAPPORT_CHART_MAX_X_TICKS)
    return;

  ticks->ticks[ticks->n_ticks] = t;
  ticks->formats[ticks->n_ticks] = format;
  ticks->n_ticks++;
}

void
rapport_chart_time_ticks_compute (RapportChartTimeTicks *ticks,
                                  double                 x_min,
                                  double                 x_max,
                                  double                 plot_width,
                                  const double          *label_room)
{
  double seconds_per_pixel = (x_max - x_min) / MAX (plot_width, 1);
  guint chosen = G_N_ELEMENTS (intervals) - 1;
  gint64 start = (gint64) ceil (x_min);
  gint64 end = (gint64) floor (x_max);
  g_autoptr(GDateTime) first = NULL;

  g_return_if_fail (ticks != NULL);
  g_return_if_fail (label_room != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      if (interval_seconds (i) / seconds_per_pixel >= label_room[intervals[i].unit])
        {
          chosen = i;
          break;
        }
    }

  ticks->n_ticks = 0;
  first = g_date_time_new_from_unix_utc (start);
  if (first == NULL)
    return;

  switch (intervals[chosen].unit)
    {
    case RAPPORT_CHART_TICK_DAY:
      {
        gint64 count = intervals[chosen].count;
        gint64 day = (start + DAY - 1) / DAY;

        /* Weeks start on Monday; 5 Jan 1970 was one. */
        while (((day - 4) % count + count) % count != 0)
          day++;
        for (; day * DAY <= end; day += count)
          add_tick (ticks, day * DAY, rapport_chart_tick_format (RAPPORT_CHART_TICK_DAY, FALSE));
      }
      break;

    case RAPPORT_CHART_TICK_MONTH:
      {
        int count = intervals[chosen].count;
        int month = g_date_time_get_year (first) * 12 + g_date_time_get_month (first) - 1;
        gboolean first_label = TRUE;

        if (g_date_time_get_day_of_month (first) != 1 || start % DAY != 0)
          month++;
        while (month % count != 0)
          month++;
        for (;; month += count)
          {
            g_autoptr(GDateTime) date = g_date_time_new_utc (month / 12, month % 12 + 1, 1,
                                                             0, 0, 0);
            gint64 t;

            if (date == NULL || (t = g_date_time_to_unix (date)) > end)
              break;
            add_tick (ticks, t, rapport_chart_tick_format (RAPPORT_CHART_TICK_MONTH,
                                                           first_label || month % 12 == 0));
            first_label = FALSE;
          }
      }
      break;

    case RAPPORT_CHART_TICK_YEAR:
    default:
      {
        int count = intervals[chosen].count;
        int year = g_date_time_get_year (first);

        if (g_date_time_get_day_of_year (first) != 1 || start % DAY != 0)
          year++;
        while (year % count != 0)
          year++;
        for (; year <= 9999; year += count)
          {
            g_autoptr(GDateTime) date = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
            gint64 t = g_date_time_to_unix (date);

            if (t > end)
              break;
            add_tick (ticks, t, rapport_chart_tick_format (RAPPORT_CHART_TICK_YEAR, TRUE));
          }
      }
      break;
    }
}
