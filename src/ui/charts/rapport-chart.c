/* rapport-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a frame is drawn: the series are kept as plain arrays of doubles.  When the data, the
 * visible range, the size or the style change, the next frame computes the geometry (value
 * ranges of what is visible, "nice" ticks, the plot area), decimates each series to the plot's
 * pixel columns (rapport-chart-decimate.c), maps what is left to pixels and appends one path per
 * series and style.  That render node is kept; frames that only move the read-out append the
 * kept node and draw the rule, the highlighted points and the read-out on top.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-sorted.h"
#include "ui/charts/rapport-chart.h"
#include "ui/charts/rapport-chart-decimate.h"

#define DAY            G_GINT64_CONSTANT (86400)
#define MAX_Y_TICKS    12
#define MAX_X_TICKS    64
#define LINE_WIDTH     2.0
#define DOT_RADIUS     2.5
#define LABEL_GAP      6.0
/* Pixels per value-axis tick at least: tighter makes the labels crowd. */
#define TICK_SPACING   44.0
#define RULE_ALPHA     0.4f
#define BAND_ALPHA     0.16f

typedef struct
{
  char *name;
  RapportChartStyle style;
  RapportChartAxis axis;
  RapportChartColor color;
  double *x;
  double *y;
  guint8 *flags;  /* NULL when no point has a flag */
  gsize n;
} Series;

typedef struct
{
  RapportChartMarkerKind kind;
  gint64 start;
  gint64 end;
  char *label;
} Marker;

typedef struct
{
  gboolean used;
  RapportChartFormat format;
  double min;
  double max;
  double step;
  guint n_ticks;
  double ticks[MAX_Y_TICKS];
  PangoLayout *labels[MAX_Y_TICKS];
  int label_width;
} Axis;

struct _RapportChart
{
  GtkWidget          parent_instance;

  GPtrArray         *series;      /* Series */
  GArray            *markers;     /* Marker */
  RapportChartFormat formats[2];

  gboolean           range_set;
  gint64             range_start;
  gint64             range_end;
  gint64             highlight_start;
  gint64             highlight_end;

  gboolean           has_cursor;
  gint64             cursor;

  /* Computed by the first frame after a change, kept with the node. */
  gboolean           geometry_valid;
  int                geometry_width;
  int                geometry_height;
  double             x_min;
  double             x_max;
  graphene_rect_t    plot;
  Axis               axes[2];
  guint              n_x_ticks;
  double             x_ticks[MAX_X_TICKS];
  PangoLayout       *x_labels[MAX_X_TICKS];
  int                line_height;

  GskRenderNode     *cache;
  guint32           *scratch;     /* decimated indices */
  gsize              scratch_len;

  GdkRGBA            foreground;
  GdkRGBA            colors[2];
  GdkRGBA            band_color;

  GtkWidget         *readout;
  GtkWidget         *readout_label;
  char              *readout_text;
  /* Whether the read-out has been placed since it last changed: only a placed one is drawn. */
  gboolean           readout_placed;
};

G_DEFINE_FINAL_TYPE (RapportChart, rapport_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RANGE_START,
  PROP_RANGE_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->x);
  g_free (series->y);
  g_free (series->flags);
  g_free (series);
}

static void
marker_clear (gpointer data)
{
  Marker *marker = data;

  g_clear_pointer (&marker->label, g_free);
}

/* ── formatting ─────────────────────────────────────────────────────────────────────────── */

static char *
format_date (gint64      t,
             const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (t);

  return date != NULL ? g_date_time_format (date, format) : g_strdup ("");
}

/* Exact, for the read-out. */
static char *
format_value (RapportChartFormat format,
              double             value)
{
  if (format == RAPPORT_CHART_FORMAT_PERCENT)
    /* Translators: a percentage in the chart's read-out; "%%" is the percent sign. */
    return g_strdup_printf (_("%.1f %%"), value * 100);

  return g_strdup_printf ("%'.0f", value);
}

/* Short, for the axis: decimals only as far as the step needs them. */
static char *
format_tick (const Axis *axis,
             double      value)
{
  double top = MAX (fabs (axis->min), fabs (axis->max));
  double unit = 1;
  double scaled_step;
  int decimals;

  if (axis->format == RAPPORT_CHART_FORMAT_PERCENT)
    {
      scaled_step = axis->step * 100;
      decimals = scaled_step >= 1 ? 0 : scaled_step >= 0.1 ? 1 : 2;
      /* Translators: a percentage on the chart's axis; "%%" is the percent sign. */
      return g_strdup_printf (_("%.*f %%"), decimals, value * 100);
    }

  if (top >= 1e6)
    unit = 1e6;
  else if (top >= 1e4)
    unit = 1e3;

  scaled_step = axis->step / unit;
  decimals = scaled_step >= 1 ? 0 : CLAMP ((int) ceil (-log10 (scaled_step) - 1e-9), 0, 3);

  if (unit == 1e6)
    /* Translators: millions on the chart's axis, "1.2M". */
    return g_strdup_printf (_("%.*fM"), decimals, value / unit);
  if (unit == 1e3)
    /* Translators: thousands on the chart's axis, "12K". */
    return g_strdup_printf (_("%.*fK"), decimals, value / unit);

  return g_strdup_printf ("%'.*f", decimals, value);
}

/* ── data ───────────────────────────────────────────────────────────────────────────────── */

static Series *
get_series (RapportChart *self,
            guint         index)
{
  return g_ptr_array_index (self->series, index);
}

/* The series the cursor steps along: the first one with points. */
static Series *
cursor_series (RapportChart *self)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      if (series->n > 0)
        return series;
    }

  return NULL;
}

gboolean
rapport_chart_get_data_range (RapportChart *self,
                              gint64       *start,
                              gint64       *end)
{
  double lo = INFINITY;
  double hi = -INFINITY;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), FALSE);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      gsize first = 0;
      gsize last = series->n;

      /* Gaps at the ends (where a line stops) are no data. */
      while (first < series->n && !isfinite (series->y[first]))
        first++;
      while (last > first && !isfinite (series->y[last - 1]))
        last--;
      if (first == last)
        continue;
      lo = MIN (lo, series->x[first]);
      hi = MAX (hi, series->x[last - 1]);
    }

  if (!isfinite (lo))
    return FALSE;

  if (start != NULL)
    *start = (gint64) lo;
  if (end != NULL)
    *end = (gint64) hi;

  return TRUE;
}

/* The visible range in seconds, never empty. */
static void
visible_range (RapportChart *self,
               double       *x_min,
               double       *x_max)
{
  gint64 start = 0;
  gint64 end = 0;

  if (self->range_set)
    {
      start = self->range_start;
      end = self->range_end;
    }
  else if (!rapport_chart_get_data_range (self, &start, &end))
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      start = now - 30 * DAY;
      end = now;
    }

  if (end <= start)
    {
      start -= DAY;
      end += DAY;
    }

  *x_min = (double) start;
  *x_max = (double) end;
}

/* ── geometry ───────────────────────────────────────────────────────────────────────────── */

static PangoLayout *
create_label (RapportChart *self,
              const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* Smaller than body text, with figures of equal width so ticks line up. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
clear_geometry (RapportChart *self)
{
  for (guint a = 0; a < G_N_ELEMENTS (self->axes); a++)
    {
      for (guint i = 0; i < self->axes[a].n_ticks; i++)
        g_clear_object (&self->axes[a].labels[i]);
      self->axes[a].n_ticks = 0;
    }
  for (guint i = 0; i < self->n_x_ticks; i++)
    g_clear_object (&self->x_labels[i]);
  self->n_x_ticks = 0;
  self->geometry_valid = FALSE;
}

static double
nice_step (double span,
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

static void
compute_axis (RapportChart *self,
              Axis         *axis,
              double        lo,
              double        hi,
              double        plot_height)
{
  double target = CLAMP (plot_height / TICK_SPACING, 2, MAX_Y_TICKS - 2);
  double min_span = axis->format == RAPPORT_CHART_FORMAT_PERCENT ? 0.01 : 4;

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0;
      hi = min_span;
    }

  /* Rates start at zero; counts too, unless that squeezes the visible change into the top
   * half (a three-month view of a large account). */
  if (lo >= 0 && (axis->format == RAPPORT_CHART_FORMAT_PERCENT || lo <= hi * 0.5))
    lo = 0;
  if (hi - lo < min_span)
    {
      double middle = (hi + lo) / 2;

      lo = lo == 0 ? 0 : middle - min_span / 2;
      hi = lo + min_span;
    }

  axis->step = nice_step (hi - lo, target);
  if (axis->format == RAPPORT_CHART_FORMAT_COUNT)
    axis->step = MAX (axis->step, 1);
  axis->min = floor (lo / axis->step) * axis->step;
  axis->max = ceil (hi / axis->step) * axis->step;
  if (axis->max <= axis->min)
    axis->max = axis->min + axis->step;

  axis->n_ticks = 0;
  axis->label_width = 0;
  for (double value = axis->min;
       value <= axis->max + axis->step * 1e-6 && axis->n_ticks < MAX_Y_TICKS;
       value += axis->step)
    {
      g_autofree char *text = NULL;
      guint i = axis->n_ticks++;

      /* Sums of steps drift; zero must read "0", not "-0". */
      if (fabs (value) < axis->step * 1e-6)
        value = 0;
      axis->ticks[i] = value;
      text = format_tick (axis, value);
      axis->labels[i] = create_label (self, text);
      axis->label_width = MAX (axis->label_width, layout_width (axis->labels[i]));
    }
}

typedef enum
{
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} TickUnit;

static const struct
{
  TickUnit unit;
  guint count;
} intervals[] = {
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 7 }, { UNIT_DAY, 14 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 2 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
  { UNIT_YEAR, 1 }, { UNIT_YEAR, 2 }, { UNIT_YEAR, 5 }, { UNIT_YEAR, 10 }, { UNIT_YEAR, 20 },
  { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 }, { UNIT_YEAR, 200 }, { UNIT_YEAR, 500 },
};

static double
interval_seconds (guint i)
{
  switch (intervals[i].unit)
    {
    case UNIT_DAY:
      return intervals[i].count * (double) DAY;
    case UNIT_MONTH:
      return intervals[i].count * 30.44 * DAY;
    case UNIT_YEAR:
    default:
      return intervals[i].count * 365.25 * DAY;
    }
}

static const char *
tick_format (TickUnit unit,
             gboolean with_year)
{
  switch (unit)
    {
    case UNIT_DAY:
      /* Translators: a day on the chart's time axis, a g_date_time_format() format: "3 Mar". */
      return _("%-d %b");
    case UNIT_MONTH:
      return with_year
        /* Translators: a month on the chart's time axis where the year changes: "Jan 2024". */
        ? _("%b %Y")
        /* Translators: a month on the chart's time axis: "Mar". */
        : _("%b");
    case UNIT_YEAR:
    default:
      return "%Y";
    }
}

static void
add_x_tick (RapportChart *self,
            gint64        t,
            const char   *format)
{
  g_autofree char *text = NULL;

  if (self->n_x_ticks >= MAX_X_TICKS)
    return;

  text = format_date (t, format);
  self->x_ticks[self->n_x_ticks] = (double) t;
  self->x_labels[self->n_x_ticks] = create_label (self, text);
  self->n_x_ticks++;
}

static void
compute_x_ticks (RapportChart *self,
                 double        plot_width)
{
  static const gint64 samples[] = {
    G_GINT64_CONSTANT (1727654400), /* 30 Sep 2024: a wide day and month */
    G_GINT64_CONSTANT (1725148800), /* 1 Sep 2024 */
  };
  double seconds_per_pixel = (self->x_max - self->x_min) / MAX (plot_width, 1);
  guint chosen = G_N_ELEMENTS (intervals) - 1;
  double needed[3];
  gint64 x_min = (gint64) ceil (self->x_min);
  gint64 x_max = (gint64) floor (self->x_max);
  g_autoptr(GDateTime) first = NULL;

  /* The room one label needs, measured on a wide example of each kind. */
  for (guint unit = UNIT_DAY; unit <= UNIT_YEAR; unit++)
    {
      g_autofree char *text = format_date (unit == UNIT_DAY ? samples[0] : samples[1],
                                           tick_format (unit, TRUE));
      g_autoptr(PangoLayout) layout = create_label (self, text);

      needed[unit] = layout_width (layout) + 3 * LABEL_GAP;
    }

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      if (interval_seconds (i) / seconds_per_pixel >= needed[intervals[i].unit])
        {
          chosen = i;
          break;
        }
    }

  self->n_x_ticks = 0;
  first = g_date_time_new_from_unix_utc (x_min);
  if (first == NULL)
    return;

  switch (intervals[chosen].unit)
    {
    case UNIT_DAY:
      {
        gint64 count = intervals[chosen].count;
        gint64 day = (x_min + DAY - 1) / DAY;

        /* Weeks start on Monday; 5 Jan 1970 was one. */
        while (((day - 4) % count + count) % count != 0)
          day++;
        for (; day * DAY <= x_max; day += count)
          add_x_tick (self, day * DAY, tick_format (UNIT_DAY, FALSE));
      }
      break;

    case UNIT_MONTH:
      {
        int count = intervals[chosen].count;
        int month = g_date_time_get_year (first) * 12 + g_date_time_get_month (first) - 1;
        gboolean first_label = TRUE;

        if (g_date_time_get_day_of_month (first) != 1 || x_min % DAY != 0)
          month++;
        while (month % count != 0)
          month++;
        for (;; month += count)
          {
            g_autoptr(GDateTime) date = g_date_time_new_utc (month / 12, month % 12 + 1, 1, 0, 0, 0);
            gint64 t;

            if (date == NULL || (t = g_date_time_to_unix (date)) > x_max)
              break;
            add_x_tick (self, t, tick_format (UNIT_MONTH, first_label || month % 12 == 0));
            first_label = FALSE;
          }
      }
      break;

    case UNIT_YEAR:
    default:
      {
        int count = intervals[chosen].count;
        int year = g_date_time_get_year (first);

        if (g_date_time_get_day_of_year (first) != 1 || x_min % DAY != 0)
          year++;
        while (year % count != 0)
          year++;
        for (; year <= 9999; year += count)
          {
            g_autoptr(GDateTime) date = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
            gint64 t = g_date_time_to_unix (date);

            if (t > x_max)
              break;
            add_x_tick (self, t, tick_format (UNIT_YEAR, TRUE));
          }
      }
      break;
    }
}

/* The lowest and the highest finite value of the visible points on @axis. */
static void
visible_extent (RapportChart     *self,
                RapportChartAxis  axis,
                gboolean         *used,
                double           *lo,
                double           *hi)
{
  *used = FALSE;
  *lo = INFINITY;
  *hi = -INFINITY;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      gsize first;
      gsize end;

      if (series->axis != axis)
        continue;
      *used = TRUE;

      first = rapport_sorted_lower_bound_double (series->x, series->n, self->x_min);
      end = rapport_sorted_upper_bound_double (series->x, series->n, self->x_max);
      for (gsize k = first; k < end; k++)
        {
          double value = series->y[k];

          if (!isfinite (value))
            continue;
          if (value < *lo)
            *lo = value;
          if (value > *hi)
            *hi = value;
        }
    }
}

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA colors[2];
  GdkRGBA band;
} Palette;

static void
compute_palette (RapportChart *self,
                 Palette      *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AdwAccentColor accent = adw_style_manager_get_accent_color (manager);
  gboolean dark = adw_style_manager_get_dark (manager);
  AdwAccentColor second;

  gtk_widget_get_color (GTK_WIDGET (self), &palette->foreground);

  /* The second colour must not be mistaken for the accent, whichever the user picked. */
  switch (accent)
    {
    case ADW_ACCENT_COLOR_ORANGE:
    case ADW_ACCENT_COLOR_YELLOW:
    case ADW_ACCENT_COLOR_RED:
      second = ADW_ACCENT_COLOR_PURPLE;
      break;
    default:
      second = ADW_ACCENT_COLOR_ORANGE;
      break;
    }

  adw_accent_color_to_standalone_rgba (accent, dark, &palette->colors[RAPPORT_CHART_COLOR_ACCENT]);
  adw_accent_color_to_standalone_rgba (second, dark, &palette->colors[RAPPORT_CHART_COLOR_SECOND]);
  adw_accent_color_to_standalone_rgba (ADW_ACCENT_COLOR_YELLOW, dark, &palette->band);
}

static void
update_colors (RapportChart *self)
{
  Palette palette;

  compute_palette (self, &palette);
  self->foreground = palette.foreground;
  self->colors[0] = palette.colors[0];
  self->colors[1] = palette.colors[1];
  self->band_color = palette.band;
}

static void
ensure_geometry (RapportChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) probe = NULL;
  double plot_height;
  double left;
  double right;
  double top;
  double bottom;

  if (self->geometry_valid && self->geometry_width == width && self->geometry_height == height)
    return;

  clear_geometry (self);
  update_colors (self);

  self->geometry_width = width;
  self->geometry_height = height;
  visible_range (self, &self->x_min, &self->x_max);

  probe = create_label (self, "0");
  pango_layout_get_pixel_size (probe, NULL, &self->line_height);

  /* Marker labels above the plot, time labels below it. */
  top = self->line_height + 8;
  bottom = self->line_height + 10;
  plot_height = MAX (height - top - bottom, 1);

  for (guint a = 0; a < G_N_ELEMENTS (self->axes); a++)
    {
      Axis *axis = &self->axes[a];
      double lo;
      double hi;

      axis->format = self->formats[a];
      visible_extent (self, a, &axis->used, &lo, &hi);
      if (axis->used)
        compute_axis (self, axis, lo, hi, plot_height);
    }

  left = self->axes[RAPPORT_CHART_AXIS_LEFT].used
    ? self->axes[RAPPORT_CHART_AXIS_LEFT].label_width + 2 * LABEL_GAP : LABEL_GAP;
  right = self->axes[RAPPORT_CHART_AXIS_RIGHT].used
    ? self->axes[RAPPORT_CHART_AXIS_RIGHT].label_width + 2 * LABEL_GAP : LABEL_GAP;

  graphene_rect_init (&self->plot, left, top, MAX (width - left - right, 1), plot_height);
  compute_x_ticks (self, self->plot.size.width);

  self->geometry_valid = TRUE;
}

static double
map_x (RapportChart *self,
       double        x)
{
  return self->plot.origin.x + (x - self->x_min) / (self->x_max - self->x_min) * self->plot.size.width;
}

static double
map_y (RapportChart *self,
       const Axis   *axis,
       double        y)
{
  return self->plot.origin.y + self->plot.size.height -
         (y - axis->min) / (axis->max - axis->min) * self->plot.size.height;
}

/* ── drawing ────────────────────────────────────────────────────────────────────────────── */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_stroke (GtkSnapshot    *snapshot,
               GskPathBuilder *builder,
               double          width,
               const float    *dash,
               gsize           n_dash,
               const GdkRGBA  *color)
{
  g_autoptr(GskPath) path = gsk_path_builder_free_to_path (builder);
  g_autoptr(GskStroke) stroke = NULL;

  if (gsk_path_is_empty (path))
    return;

  stroke = gsk_stroke_new (width);
  gsk_stroke_set_line_join (stroke, GSK_LINE_JOIN_ROUND);
  gsk_stroke_set_line_cap (stroke, dash != NULL ? GSK_LINE_CAP_BUTT : GSK_LINE_CAP_ROUND);
  if (dash != NULL)
    gsk_stroke_set_dash (stroke, dash, n_dash);
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const Marker *x = a;
  const Marker *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

static void
draw_markers (RapportChart *self,
              GtkSnapshot  *snapshot)
{
  static const float dash[] = { 3, 3 };
  GskPathBuilder *rules = gsk_path_builder_new ();
  GdkRGBA rule_color = with_alpha (&self->foreground, RULE_ALPHA);
  GdkRGBA band_fill = with_alpha (&self->band_color, BAND_ALPHA);
  GdkRGBA label_color = with_alpha (&self->foreground, 0.7);
  double plot_left = self->plot.origin.x;
  double plot_right = plot_left + self->plot.size.width;
  double plot_top = self->plot.origin.y;
  double plot_bottom = plot_top + self->plot.size.height;
  double label_end = -G_MAXDOUBLE;

  /* The selected range under everything else. */
  if (self->highlight_start <= self->highlight_end)
    {
      GdkRGBA fill = with_alpha (&self->colors[RAPPORT_CHART_COLOR_ACCENT], 0.14);
      double x0 = CLAMP (map_x (self, self->highlight_start), plot_left, plot_right);
      double x1 = CLAMP (map_x (self, self->highlight_end + DAY), plot_left, plot_right);

      if (x1 > x0)
        gtk_snapshot_append_color (snapshot, &fill,
                                   &GRAPHENE_RECT_INIT (x0, plot_top, x1 - x0, plot_bottom - plot_top));
    }

  /* Left to right, so that overlapping labels are found. */
  g_array_sort (self->markers, compare_markers);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);
      double x0 = map_x (self, marker->start);
      double x1 = marker->kind == RAPPORT_CHART_MARKER_BAND ? map_x (self, marker->end + DAY) : x0;

      if (x1 < plot_left || x0 > plot_right)
        continue;

      if (marker->kind == RAPPORT_CHART_MARKER_BAND)
        {
          double left = MAX (x0, plot_left);
          double right = MIN (MAX (x1, x0 + 2), plot_right);

          gtk_snapshot_append_color (snapshot, &band_fill,
                                     &GRAPHENE_RECT_INIT (left, plot_top, right - left,
                                                          plot_bottom - plot_top));
        }
      else
        {
          gsk_path_builder_move_to (rules, round (x0) + 0.5, plot_top);
          gsk_path_builder_line_to (rules, round (x0) + 0.5, plot_bottom);
        }

      /* Labels sit above the plot; one that would cover the previous one is left out (the
       * read-out and the page's own texts still name every marker). */
      if (marker->label != NULL && marker->label[0] != '\0')
        {
          g_autoptr(PangoLayout) layout = create_label (self, marker->label);
          int width = layout_width (layout);
          double x = CLAMP (x0 - width / 2.0, 0, self->geometry_width - width);

          if (x >= label_end + LABEL_GAP)
            {
              append_layout (snapshot, layout, x, plot_top - self->line_height - 4, &label_color);
              label_end = x + width;
            }
        }
    }

  append_stroke (snapshot, rules, 1, dash, G_N_ELEMENTS (dash), &rule_color);
}

static void
draw_grid (RapportChart *self,
           GtkSnapshot  *snapshot)
{
  const Axis *axis = &self->axes[RAPPORT_CHART_AXIS_LEFT];
  GdkRGBA grid = with_alpha (&self->foreground, 0.1);
  GdkRGBA tick = with_alpha (&self->foreground, 0.25);
  double plot_bottom = self->plot.origin.y + self->plot.size.height;

  if (!axis->used)
    axis = &self->axes[RAPPORT_CHART_AXIS_RIGHT];

  for (guint i = 0; axis->used && i < axis->n_ticks; i++)
    {
      double y = round (map_y (self, axis, axis->ticks[i]));

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (self->plot.origin.x, y - 0.5,
                                                      self->plot.size.width, 1));
    }

  for (guint i = 0; i < self->n_x_ticks; i++)
    {
      double x = round (map_x (self, self->x_ticks[i]));

      gtk_snapshot_append_color (snapshot, &tick,
                                 &GRAPHENE_RECT_INIT (x - 0.5, plot_bottom, 1, 4));
    }
}

static void
draw_labels (RapportChart *self,
             GtkSnapshot  *snapshot)
{
  GdkRGBA dim = with_alpha (&self->foreground, 0.7);
  double label_end = -G_MAXDOUBLE;

  for (guint a = 0; a < G_N_ELEMENTS (self->axes); a++)
    {
      const Axis *axis = &self->axes[a];
      GdkRGBA color = dim;

      if (!axis->used)
        continue;

      /* An axis takes the colour of its first series, which is all the key it needs. */
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *series = get_series (self, i);

          if (series->axis == a)
            {
              color = with_alpha (&self->colors[series->color], 0.9);
              break;
            }
        }

      for (guint i = 0; i < axis->n_ticks; i++)
        {
          int width;
          double x;
          double y = map_y (self, axis, axis->ticks[i]) - self->line_height / 2.0;

          pango_layout_get_pixel_size (axis->labels[i], &width, NULL);
          if (a == RAPPORT_CHART_AXIS_LEFT)
            x = self->plot.origin.x - LABEL_GAP - width;
          else
            x = self->plot.origin.x + self->plot.size.width + LABEL_GAP;
          append_layout (snapshot, axis->labels[i], x, y, &color);
        }
    }

  for (guint i = 0; i < self->n_x_ticks; i++)
    {
      int width = layout_width (self->x_labels[i]);
      double x = map_x (self, self->x_ticks[i]) - width / 2.0;

      /* Labels that would leave the widget or crowd the one before are left out. */
      if (x < 0 || x + width > self->geometry_width || x < label_end + LABEL_GAP)
        continue;
      append_layout (snapshot, self->x_labels[i], x,
                     self->plot.origin.y + self->plot.size.height + 6, &dim);
      label_end = x + width;
    }
}

static guint32 *
ensure_scratch (RapportChart *self,
                gsize         len)
{
  if (self->scratch_len < len)
    {
      g_free (self->scratch);
      self->scratch = g_new (guint32, len);
      self->scratch_len = len;
    }

  return self->scratch;
}

/* One series: decimated to the plot's pixel columns, then one path per style. */
static gboolean
draw_series (RapportChart *self,
             GtkSnapshot  *snapshot,
             Series       *series,
             guint         n_columns)
{
  static const float dash[] = { 5, 4 };
  const Axis *axis = &self->axes[series->axis];
  const GdkRGBA *color = &self->colors[series->color];
  guint32 *kept = ensure_scratch (self, RAPPORT_CHART_DECIMATE_MAX (n_columns));
  gboolean visible = FALSE;
  gsize count;

  count = rapport_chart_decimate (series->x, series->y, series->n, self->x_min, self->x_max,
                                  n_columns, kept);

  if (series->style == RAPPORT_CHART_DOTS)
    {
      GskPathBuilder *builder = gsk_path_builder_new ();
      g_autoptr(GskPath) path = NULL;

      for (gsize k = 0; k < count; k++)
        {
          guint32 i = kept[k];

          if (!isfinite (series->y[i]) || series->x[i] < self->x_min || series->x[i] > self->x_max)
            continue;
          gsk_path_builder_add_circle (builder,
                                       &GRAPHENE_POINT_INIT (map_x (self, series->x[i]),
                                                             map_y (self, axis, series->y[i])),
                                       DOT_RADIUS);
          visible = TRUE;
        }

      path = gsk_path_builder_free_to_path (builder);
      if (!gsk_path_is_empty (path))
        {
          /* Lighter than lines, so a line through the dots (their median) stands out. */
          GdkRGBA fill = with_alpha (color, 0.45);

          gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, &fill);
        }
    }
  else
    {
      GskPathBuilder *solid = gsk_path_builder_new ();
      GskPathBuilder *dashed = gsk_path_builder_new ();
      gsize solid_end = G_MAXSIZE;
      gsize dashed_end = G_MAXSIZE;

      /* A stretch touching an estimate is drawn dashed.  Each builder continues its contour
       * when the next segment starts where its last one ended. */
      for (gsize k = 0; k + 1 < count; k++)
        {
          guint32 a = kept[k];
          guint32 b = kept[k + 1];
          gboolean estimate;
          GskPathBuilder *builder;
          gsize *end;

          if (!isfinite (series->y[a]) || !isfinite (series->y[b]))
            continue;

          estimate = series->flags != NULL &&
                     ((series->flags[a] | series->flags[b]) & RAPPORT_CHART_POINT_ESTIMATE) != 0;
          builder = estimate ? dashed : solid;
          end = estimate ? &dashed_end : &solid_end;

          if (*end != a)
            gsk_path_builder_move_to (builder, map_x (self, series->x[a]),
                                      map_y (self, axis, series->y[a]));
          gsk_path_builder_line_to (builder, map_x (self, series->x[b]),
                                    map_y (self, axis, series->y[b]));
          *end = b;
          visible = TRUE;
        }

      /* A single visible point still shows. */
      if (count == 1 && isfinite (series->y[kept[0]]))
        {
          gsk_path_builder_add_circle (solid,
                                       &GRAPHENE_POINT_INIT (map_x (self, series->x[kept[0]]),
                                                             map_y (self, axis, series->y[kept[0]])),
                                       LINE_WIDTH);
          visible = TRUE;
        }

      /* A point that is not an estimate between estimates has no solid stretch to show it:
       * it gets a dot of its own. */
      if (series->flags != NULL)
        {
          GskPathBuilder *points = gsk_path_builder_new ();
          g_autoptr(GskPath) path = NULL;

          for (gsize k = 0; k < count; k++)
            {
              guint32 i = kept[k];

              if ((series->flags[i] & RAPPORT_CHART_POINT_ESTIMATE) != 0 ||
                  !isfinite (series->y[i]) ||
                  (i > 0 && (series->flags[i - 1] & RAPPORT_CHART_POINT_ESTIMATE) == 0) ||
                  (i + 1 < series->n && (series->flags[i + 1] & RAPPORT_CHART_POINT_ESTIMATE) == 0))
                continue;
              gsk_path_builder_add_circle (points,
                                           &GRAPHENE_POINT_INIT (map_x (self, series->x[i]),
                                                                 map_y (self, axis, series->y[i])),
                                           LINE_WIDTH * 1.75);
            }

          path = gsk_path_builder_free_to_path (points);
          if (!gsk_path_is_empty (path))
            gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, color);
        }

      append_stroke (snapshot, solid, LINE_WIDTH, NULL, 0, color);
      append_stroke (snapshot, dashed, LINE_WIDTH, dash, G_N_ELEMENTS (dash), color);
    }

  return visible;
}

static void
draw_empty (RapportChart *self,
            GtkSnapshot  *snapshot)
{
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA dim = with_alpha (&self->foreground, 0.55);
  int width;
  int height;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("No data in this range"));
  pango_layout_get_pixel_size (layout, &width, &height);
  append_layout (snapshot, layout,
                 self->plot.origin.x + (self->plot.size.width - width) / 2,
                 self->plot.origin.y + (self->plot.size.height - height) / 2,
                 &dim);
}

static GskRenderNode *
render_static (RapportChart *self)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint n_columns = MAX (1, (guint) ceil (self->plot.size.width * scale));
  gboolean any_visible = FALSE;
  graphene_rect_t clip;

  draw_markers (self, snapshot);
  draw_grid (self, snapshot);

  /* Lines may reach a little past the plot (the width of the stroke, a dot's radius) but not
   * into the labels. */
  graphene_rect_inset_r (&self->plot, -DOT_RADIUS - 1, -DOT_RADIUS - 1, &clip);
  gtk_snapshot_push_clip (snapshot, &clip);
  for (guint i = 0; i < self->series->len; i++)
    any_visible |= draw_series (self, snapshot, get_series (self, i), n_columns);
  gtk_snapshot_pop (snapshot);

  draw_labels (self, snapshot);
  if (!any_visible)
    draw_empty (self, snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

/* ── the read-out ───────────────────────────────────────────────────────────────────────── */

/* The value a line shows on the cursor's day: its last point before the day ends. */
static gboolean
line_value_at (const Series *series,
               gint64        day_end,
               gsize        *index)
{
  gsize i = rapport_sorted_lower_bound_double (series->x, series->n, (double) day_end);

  if (i == 0)
    return FALSE;
  if (!isfinite (series->y[i - 1]))
    return FALSE;

  *index = i - 1;
  return TRUE;
}

static void
update_readout (RapportChart *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;
  gint64 day;

  if (!self->has_cursor)
    {
      g_clear_pointer (&self->readout_text, g_free);
      self->readout_text = g_strdup ("");
      gtk_widget_set_visible (self->readout, FALSE);
      return;
    }

  day = self->cursor - ((self->cursor % DAY) + DAY) % DAY;
  /* Translators: the date in the chart's read-out, a g_date_time_format() format: "Thu, 12 Sep
   * 2024". */
  date = format_date (day, _("%a, %-d %b %Y"));
  text = g_string_new (date);

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = get_series (self, s);
      RapportChartFormat format = self->formats[series->axis];

      if (series->style == RAPPORT_CHART_LINE)
        {
          g_autofree char *value = NULL;
          gsize i;

          if (!line_value_at (series, day + DAY, &i))
            continue;
          value = format_value (format, series->y[i]);
          g_string_append_c (text, '\n');
          if (series->flags != NULL && (series->flags[i] & RAPPORT_CHART_POINT_ESTIMATE) != 0)
            /* Translators: a line of the chart's read-out: a series' name and its value, which
             * is an estimate. */
            g_string_append_printf (text, _("%s: at least %s"), series->name, value);
          else
            /* Translators: a line of the chart's read-out: a series' name and its value. */
            g_string_append_printf (text, _("%s: %s"), series->name, value);
        }
      else
        {
          gsize first = rapport_sorted_lower_bound_double (series->x, series->n, (double) day);
          gsize last = rapport_sorted_lower_bound_double (series->x, series->n,
                                                          (double) (day + DAY));

          /* Dots of that day, each one. */
          for (gsize i = first; i < last && i < first + 3; i++)
            {
              g_autofree char *value = NULL;

              if (!isfinite (series->y[i]))
                continue;
              value = format_value (format, series->y[i]);
              g_string_append_c (text, '\n');
              g_string_append_printf (text, _("%s: %s"), series->name, value);
            }
          if (last - first > 3)
            {
              g_string_append_c (text, '\n');
              g_string_append_printf (text,
                                      g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                   "… and %u more", (gulong) (last - first - 3)),
                                      (guint) (last - first - 3));
            }
        }
    }

  g_free (self->readout_text);
  self->readout_text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_label_set_text (GTK_LABEL (self->readout_label), self->readout_text);
  gtk_widget_set_visible (self->readout, TRUE);
}

static void
draw_cursor (RapportChart *self,
             GtkSnapshot  *snapshot)
{
  GdkRGBA rule = with_alpha (&self->foreground, 0.5);
  gint64 day = self->cursor - ((self->cursor % DAY) + DAY) % DAY;
  double x = map_x (self, self->cursor);

  if (x < self->plot.origin.x - 0.5 || x > self->plot.origin.x + self->plot.size.width + 0.5)
    return;

  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, self->plot.origin.y, 1,
                                                  self->plot.size.height));

  /* The values named in the read-out, marked on their series in the series' colour: a disc on
   * a line (at the point the value comes from), a ring around each dot of the day. */
  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = get_series (self, s);
      const Axis *axis = &self->axes[series->axis];
      GskPathBuilder *builder = gsk_path_builder_new ();
      g_autoptr(GskPath) path = NULL;

      if (series->style == RAPPORT_CHART_LINE)
        {
          gsize i;

          if (line_value_at (series, day + DAY, &i) && series->x[i] >= self->x_min)
            gsk_path_builder_add_circle (builder,
                                         &GRAPHENE_POINT_INIT (map_x (self, series->x[i]),
                                                               map_y (self, axis, series->y[i])),
                                         4.5);
          path = gsk_path_builder_free_to_path (builder);
          if (!gsk_path_is_empty (path))
            gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING,
                                      &self->colors[series->color]);
        }
      else
        {
          gsize first = rapport_sorted_lower_bound_double (series->x, series->n, (double) day);
          gsize last = rapport_sorted_lower_bound_double (series->x, series->n,
                                                          (double) (day + DAY));

          for (gsize i = first; i < last; i++)
            if (isfinite (series->y[i]))
              gsk_path_builder_add_circle (builder,
                                           &GRAPHENE_POINT_INIT (map_x (self, series->x[i]),
                                                                 map_y (self, axis, series->y[i])),
                                           DOT_RADIUS + 2.5);
          path = gsk_path_builder_free_to_path (builder);
          if (!gsk_path_is_empty (path))
            {
              g_autoptr(GskStroke) stroke = gsk_stroke_new (2);

              gtk_snapshot_append_stroke (snapshot, path, stroke, &self->colors[series->color]);
            }
        }
    }
}

/* ── GtkWidget ──────────────────────────────────────────────────────────────────────────── */

static void
invalidate (RapportChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  clear_geometry (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->has_cursor)
    {
      self->readout_placed = FALSE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
rapport_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RapportChart *self = RAPPORT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  if (self->cache != NULL &&
      (!self->geometry_valid || self->geometry_width != width || self->geometry_height != height))
    g_clear_pointer (&self->cache, gsk_render_node_unref);

  if (self->cache == NULL)
    {
      ensure_geometry (self);
      self->cache = render_static (self);
    }

  gtk_snapshot_append_node (snapshot, self->cache);

  if (self->has_cursor)
    {
      draw_cursor (self, snapshot);

      if (gtk_widget_get_visible (self->readout) && self->readout_placed)
        {
          GskRoundedRect rounded;
          graphene_rect_t bounds;

          /* The on-screen-display style has square corners of its own. */
          if (gtk_widget_compute_bounds (self->readout, widget, &bounds))
            {
              gsk_rounded_rect_init_from_rect (&rounded, &bounds, 6);
              gtk_snapshot_push_rounded_clip (snapshot, &rounded);
              gtk_widget_snapshot_child (widget, self->readout, snapshot);
              gtk_snapshot_pop (snapshot);
            }
        }
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA color = with_alpha (&self->colors[RAPPORT_CHART_COLOR_ACCENT], 0.5);
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { color, color, color, color };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
rapport_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Narrow windows (360 px) still get a readable chart; wide ones a generous one. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 720;
    }
  else
    {
      *minimum = 220;
      *natural = 320;
    }
}

static void
rapport_chart_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RapportChart *self = RAPPORT_CHART (widget);
  GtkRequisition natural;
  double x;
  double y;

  if (self->geometry_valid && (self->geometry_width != width || self->geometry_height != height))
    invalidate (self);

  gtk_widget_get_preferred_size (self->readout, NULL, &natural);
  natural.width = MIN (natural.width, width);

  if (self->has_cursor && width > 0 && height > 0)
    {
      double cursor_x;

      ensure_geometry (self);
      cursor_x = map_x (self, self->cursor);
      /* Beside the rule, on the side with room. */
      x = cursor_x + 12;
      if (x + natural.width > width)
        x = cursor_x - 12 - natural.width;
      x = CLAMP (x, 0, MAX (width - natural.width, 0));
      y = self->plot.origin.y + 6;
    }
  else
    {
      x = 0;
      y = 0;
    }

  gtk_widget_size_allocate (self->readout,
                            &(GtkAllocation) { (int) x, (int) y, natural.width, natural.height },
                            -1);
  self->readout_placed = TRUE;
}

static void
style_changed (RapportChart *self)
{
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA second;

  if (self->cache == NULL)
    return;

  /* Hover and focus restyle the widget without changing how the data look: only a change of
   * colour costs a new node. */
  foreground = self->foreground;
  accent = self->colors[RAPPORT_CHART_COLOR_ACCENT];
  second = self->colors[RAPPORT_CHART_COLOR_SECOND];
  update_colors (self);
  if (!gdk_rgba_equal (&foreground, &self->foreground) ||
      !gdk_rgba_equal (&accent, &self->colors[RAPPORT_CHART_COLOR_ACCENT]) ||
      !gdk_rgba_equal (&second, &self->colors[RAPPORT_CHART_COLOR_SECOND]))
    invalidate (self);
}

static void
rapport_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_chart_parent_class)->css_changed (widget, change);

  style_changed (RAPPORT_CHART (widget));
}

static void
rapport_chart_system_setting_changed (GtkWidget         *widget,
                                      GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (rapport_chart_parent_class)->system_setting_changed (widget, setting);

  /* Fonts change the labels' sizes and with them the plot area. */
  invalidate (RAPPORT_CHART (widget));
}

static void
rapport_chart_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (rapport_chart_parent_class)->state_flags_changed (widget, previous);

  /* The focus outline is drawn over the cached node. */
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (widget);
}

/* ── the cursor ─────────────────────────────────────────────────────────────────────────── */

static void
set_cursor_internal (RapportChart *self,
                     gboolean      has_cursor,
                     gint64        t)
{
  if (self->has_cursor == has_cursor && (!has_cursor || self->cursor == t))
    return;

  self->has_cursor = has_cursor;
  self->cursor = t;
  self->readout_placed = FALSE;
  update_readout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The index range of @series inside the visible range. */
static gboolean
visible_indices (RapportChart *self,
                 const Series *series,
                 gsize        *first,
                 gsize        *last)
{
  double x_min;
  double x_max;
  gsize hi;

  visible_range (self, &x_min, &x_max);
  *first = rapport_sorted_lower_bound_double (series->x, series->n, x_min);
  hi = rapport_sorted_upper_bound_double (series->x, series->n, x_max);
  if (hi <= *first)
    return FALSE;
  *last = hi - 1;

  return TRUE;
}

/* The point of the cursor series nearest to @t within the visible range. */
static gboolean
snap (RapportChart *self,
      double        t,
      gint64       *snapped)
{
  Series *series = cursor_series (self);
  gsize first;
  gsize last;
  gsize i;

  if (series == NULL)
    {
      *snapped = (gint64) floor (t / DAY) * DAY;
      return TRUE;
    }
  if (!visible_indices (self, series, &first, &last))
    return FALSE;

  i = rapport_sorted_lower_bound_double (series->x, series->n, t);
  i = CLAMP (i, first, last);
  if (i > first && fabs (series->x[i - 1] - t) <= fabs (series->x[i] - t))
    i--;

  *snapped = (gint64) series->x[i];
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RapportChart             *self)
{
  gint64 t;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  ensure_geometry (self);
  if (snap (self, self->x_min + (x - self->plot.origin.x) / self->plot.size.width * (self->x_max - self->x_min), &t))
    set_cursor_internal (self, TRUE, t);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RapportChart             *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_cursor_internal (self, FALSE, 0);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                RapportChart            *self)
{
  set_cursor_internal (self, FALSE, 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RapportChart          *self)
{
  Series *series = cursor_series (self);
  gsize first;
  gsize last;
  gsize i;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      break;
    default:
      return FALSE;
    }

  if (series == NULL)
    {
      double x_min;
      double x_max;
      gint64 t;

      /* Without points, a day at a time. */
      visible_range (self, &x_min, &x_max);
      if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
        t = (gint64) x_min;
      else if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
        t = (gint64) x_max;
      else if (!self->has_cursor)
        t = (gint64) x_max;
      else
        t = self->cursor + ((keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -DAY : DAY);
      set_cursor_internal (self, TRUE, CLAMP (t, (gint64) x_min, (gint64) x_max));
      return TRUE;
    }

  if (!visible_indices (self, series, &first, &last))
    return TRUE;

  i = self->has_cursor
    ? rapport_sorted_lower_bound_double (series->x, series->n, (double) self->cursor)
    : last + 1;

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      i = first;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      i = last;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      i = (!self->has_cursor || i > last) ? last : (i > first ? i - 1 : first);
      break;
    default:
      i = (!self->has_cursor || i > last) ? last : MIN (i + 1, last);
      break;
    }

  set_cursor_internal (self, TRUE, (gint64) series->x[i]);
  return TRUE;
}

/* ── public API ─────────────────────────────────────────────────────────────────────────── */

GtkWidget *
rapport_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_CHART, NULL);
}

void
rapport_chart_clear (RapportChart *self)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  g_array_set_size (self->markers, 0);
  set_cursor_internal (self, FALSE, 0);
  invalidate (self);
}

guint
rapport_chart_add_series (RapportChart      *self,
                          const char        *name,
                          RapportChartStyle  style,
                          RapportChartAxis   axis,
                          RapportChartColor  color,
                          const gint64      *t,
                          const double      *values,
                          const guint8      *flags,
                          gsize              n)
{
  Series *series;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (n == 0 || (t != NULL && values != NULL), 0);

  for (gsize i = 1; i < n; i++)
    {
      if (t[i] < t[i - 1])
        {
          g_critical ("%s: the times of the series “%s” are not in ascending order",
                      G_STRFUNC, name);
          return G_MAXUINT;
        }
    }

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->style = style;
  series->axis = axis;
  series->color = color;
  series->n = n;
  series->x = g_new (double, MAX (n, 1));
  series->y = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      series->x[i] = (double) t[i];
      series->y[i] = values[i];
    }

  if (flags != NULL)
    {
      for (gsize i = 0; i < n; i++)
        {
          if (flags[i] != 0)
            {
              series->flags = g_memdup2 (flags, n);
              break;
            }
        }
    }

  g_ptr_array_add (self->series, series);
  invalidate (self);
  if (self->has_cursor)
    update_readout (self);

  return self->series->len - 1;
}

guint
rapport_chart_get_n_series (RapportChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);

  return self->series->len;
}

void
rapport_chart_get_series_color (RapportChart *self,
                                guint         series,
                                GdkRGBA      *color)
{
  Palette palette;

  g_return_if_fail (RAPPORT_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (color != NULL);

  compute_palette (self, &palette);
  *color = palette.colors[get_series (self, series)->color];
}

void
rapport_chart_set_axis_format (RapportChart       *self,
                               RapportChartAxis    axis,
                               RapportChartFormat  format)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));
  g_return_if_fail (axis <= RAPPORT_CHART_AXIS_RIGHT);

  if (self->formats[axis] == format)
    return;

  self->formats[axis] = format;
  invalidate (self);
  if (self->has_cursor)
    update_readout (self);
}

void
rapport_chart_add_marker (RapportChart           *self,
                          RapportChartMarkerKind  kind,
                          gint64                  start,
                          gint64                  end,
                          const char             *label)
{
  Marker marker = { 0 };

  g_return_if_fail (RAPPORT_IS_CHART (self));

  marker.kind = kind;
  marker.start = start;
  marker.end = kind == RAPPORT_CHART_MARKER_BAND ? MAX (start, end) : start;
  marker.label = g_strdup (label);
  g_array_append_val (self->markers, marker);
  invalidate (self);
}

guint
rapport_chart_get_n_markers (RapportChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);

  return self->markers->len;
}

void
rapport_chart_get_marker_color (RapportChart           *self,
                                RapportChartMarkerKind  kind,
                                GdkRGBA                *color)
{
  Palette palette;

  g_return_if_fail (RAPPORT_IS_CHART (self));
  g_return_if_fail (color != NULL);

  compute_palette (self, &palette);
  if (kind == RAPPORT_CHART_MARKER_BAND)
    *color = with_alpha (&palette.band, BAND_ALPHA);
  else
    *color = with_alpha (&palette.foreground, RULE_ALPHA);
}

void
rapport_chart_set_range (RapportChart *self,
                         gint64        start,
                         gint64        end)
{
  gboolean start_changed;
  gboolean end_changed;

  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (end <= start)
    end = start + DAY;

  start_changed = !self->range_set || self->range_start != start;
  end_changed = !self->range_set || self->range_end != end;
  if (!start_changed && !end_changed)
    return;

  self->range_set = TRUE;
  self->range_start = start;
  self->range_end = end;
  invalidate (self);

  /* The read-out follows only while its point is still in sight. */
  if (self->has_cursor && (self->cursor < start || self->cursor > end))
    set_cursor_internal (self, FALSE, 0);

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_END]);
}

gint64
rapport_chart_get_range_start (RapportChart *self)
{
  double x_min;
  double x_max;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);

  visible_range (self, &x_min, &x_max);
  return (gint64) x_min;
}

gint64
rapport_chart_get_range_end (RapportChart *self)
{
  double x_min;
  double x_max;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);

  visible_range (self, &x_min, &x_max);
  return (gint64) x_max;
}

void
rapport_chart_set_highlight (RapportChart *self,
                             gint64        start,
                             gint64        end)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (start > end)
    {
      start = 1;
      end = 0;
    }
  if (self->highlight_start == start && self->highlight_end == end)
    return;

  self->highlight_start = start;
  self->highlight_end = end;
  invalidate (self);
}

void
rapport_chart_set_cursor (RapportChart *self,
                          gint64        t)
{
  gint64 snapped;

  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (snap (self, (double) t, &snapped))
    set_cursor_internal (self, TRUE, snapped);
}

void
rapport_chart_unset_cursor (RapportChart *self)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  set_cursor_internal (self, FALSE, 0);
}

gboolean
rapport_chart_get_cursor (RapportChart *self,
                          gint64       *t)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), FALSE);

  if (self->has_cursor && t != NULL)
    *t = self->cursor;

  return self->has_cursor;
}

const char *
rapport_chart_get_readout_text (RapportChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), NULL);

  return self->readout_text != NULL ? self->readout_text : "";
}

/* ── GObject ────────────────────────────────────────────────────────────────────────────── */

static void
rapport_chart_dispose (GObject *object)
{
  RapportChart *self = RAPPORT_CHART (object);

  g_clear_pointer (&self->readout, gtk_widget_unparent);
  self->readout_label = NULL;

  G_OBJECT_CLASS (rapport_chart_parent_class)->dispose (object);
}

static void
rapport_chart_finalize (GObject *object)
{
  RapportChart *self = RAPPORT_CHART (object);

  clear_geometry (self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->scratch, g_free);
  g_clear_pointer (&self->readout_text, g_free);

  G_OBJECT_CLASS (rapport_chart_parent_class)->finalize (object);
}

static void
rapport_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportChart *self = RAPPORT_CHART (object);

  switch (prop_id)
    {
    case PROP_RANGE_START:
      g_value_set_int64 (value, rapport_chart_get_range_start (self));
      break;

    case PROP_RANGE_END:
      g_value_set_int64 (value, rapport_chart_get_range_end (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_chart_class_init (RapportChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_chart_dispose;
  object_class->finalize = rapport_chart_finalize;
  object_class->get_property = rapport_chart_get_property;

  widget_class->snapshot = rapport_chart_snapshot;
  widget_class->measure = rapport_chart_measure;
  widget_class->size_allocate = rapport_chart_size_allocate;
  widget_class->css_changed = rapport_chart_css_changed;
  widget_class->system_setting_changed = rapport_chart_system_setting_changed;
  widget_class->state_flags_changed = rapport_chart_state_flags_changed;

  /**
   * RapportChart:range-start:
   *
   * The first visible time, in Unix seconds.
   */
  properties[PROP_RANGE_START] =
    g_param_spec_int64 ("range-start", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportChart:range-end:
   *
   * The last visible time, in Unix seconds.
   */
  properties[PROP_RANGE_END] =
    g_param_spec_int64 ("range-end", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
style_manager_changed_cb (RapportChart *self)
{
  style_changed (self);
}

static void
rapport_chart_init (RapportChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;

  self->series = g_ptr_array_new_with_free_func (series_free);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->formats[RAPPORT_CHART_AXIS_LEFT] = RAPPORT_CHART_FORMAT_COUNT;
  self->formats[RAPPORT_CHART_AXIS_RIGHT] = RAPPORT_CHART_FORMAT_PERCENT;
  self->highlight_start = 1;
  self->highlight_end = 0;
  self->readout_text = g_strdup ("");

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  /* Themed like other overlays on content; the label wraps nothing and stays small. */
  self->readout = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->readout, "osd");
  gtk_widget_set_can_target (self->readout, FALSE);
  gtk_widget_set_visible (self->readout, FALSE);
  self->readout_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->readout_label), 0);
  gtk_widget_add_css_class (self->readout_label, "caption");
  gtk_widget_add_css_class (self->readout_label, "numeric");
  gtk_widget_set_margin_start (self->readout_label, 8);
  gtk_widget_set_margin_end (self->readout_label, 8);
  gtk_widget_set_margin_top (self->readout_label, 5);
  gtk_widget_set_margin_bottom (self->readout_label, 5);
  gtk_box_append (GTK_BOX (self->readout), self->readout_label);
  gtk_widget_set_parent (self->readout, widget);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::accent-color", G_CALLBACK (style_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
