/* rapport-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a frame is drawn: the series are kept as plain arrays of doubles.  When the data, the
 * visible range, the size or the style change, the next frame computes the geometry (value
 * ranges of what is visible, "nice" ticks, the plot area), decimates each series to the plot's
 * pixel columns (rapport-chart-decimate.c), maps what is left to pixels and appends one path per
 * series and style.  That render node is kept; frames that only move the read-out append the
 * kept node and draw the rule, the highlighted points and the read-out on top.  The numbers
 * behind a frame (ticks, the mapping to pixels, which points are in sight) come from
 * rapport-chart-axes.c and rapport-chart-geometry.c, which need no display.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-sorted.h"
#include "ui/charts/rapport-chart.h"
#include "ui/charts/rapport-chart-decimate.h"
#include "ui/charts/rapport-chart-geometry.h"

#define DAY            RAPPORT_CHART_DAY
#define LINE_WIDTH     2.0
#define DOT_RADIUS     2.5
#define LABEL_GAP      6.0
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
  RapportChartScale scale;
  PangoLayout *labels[RAPPORT_CHART_MAX_Y_TICKS];
  int label_width;
} Axis;

struct _RapportChart
{
  GtkWidget              parent_instance;

  GPtrArray             *series;      /* Series */
  GArray                *markers;     /* Marker */
  RapportChartFormat     formats[2];

  gboolean               range_set;
  gint64                 range_start;
  gint64                 range_end;
  gint64                 highlight_start;
  gint64                 highlight_end;

  gboolean               has_cursor;
  gint64                 cursor;

  /* Computed by the first frame after a change, kept with the node. */
  gboolean               geometry_valid;
  int                    geometry_width;
  int                    geometry_height;
  RapportChartPlot       plot;
  Axis                   axes[2];
  RapportChartTimeTicks  x_ticks;
  PangoLayout           *x_labels[RAPPORT_CHART_MAX_X_TICKS];
  int                    line_height;

  GskRenderNode         *cache;
  guint32               *scratch;     /* decimated indices */
  gsize                  scratch_len;

  GdkRGBA                foreground;
  GdkRGBA                colors[2];
  GdkRGBA                band_color;

  GtkWidget             *readout;
  GtkWidget             *readout_label;
  char                  *readout_text;
  /* Whether the read-out has been placed since it last changed: only a placed one is drawn. */
  gboolean               readout_placed;
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
      gsize first;
      gsize last;

      /* Gaps at the ends (where a line stops) are no data. */
      if (!rapport_chart_finite_span (series->y, series->n, &first, &last))
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

  rapport_chart_range_widen (start, end, x_min, x_max);
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
      for (guint i = 0; i < self->axes[a].scale.n_ticks; i++)
        g_clear_object (&self->axes[a].labels[i]);
      self->axes[a].scale.n_ticks = 0;
    }
  for (guint i = 0; i < self->x_ticks.n_ticks; i++)
    g_clear_object (&self->x_labels[i]);
  self->x_ticks.n_ticks = 0;
  self->geometry_valid = FALSE;
}


static void
compute_axis (RapportChart *self,
              Axis         *axis,
              gboolean      percent,
              double        lo,
              double        hi,
              double        plot_height)
{
  rapport_chart_scale_compute (&axis->scale, percent, lo, hi, plot_height);

  axis->label_width = 0;
  for (guint i = 0; i < axis->scale.n_ticks; i++)
    {
      g_autofree char *text = rapport_chart_scale_format_tick (&axis->scale, axis->scale.ticks[i]);

      axis->labels[i] = create_label (self, text);
      axis->label_width = MAX (axis->label_width, layout_width (axis->labels[i]));
    }
}




static void
compute_x_ticks (RapportChart *self)
{
  double label_room[RAPPORT_CHART_N_TICK_UNITS];

  /* The room one label needs, measured on a wide example of each kind. */
  for (guint unit = 0; unit < RAPPORT_CHART_N_TICK_UNITS; unit++)
    {
      g_autofree char *text = rapport_chart_tick_example (unit);
      g_autoptr(PangoLayout) layout = create_label (self, text);

      label_room[unit] = layout_width (layout) + 3 * LABEL_GAP;
    }

  rapport_chart_time_ticks_compute (&self->x_ticks, self->plot.x_min, self->plot.x_max,
                                    self->plot.width, label_room);
  for (guint i = 0; i < self->x_ticks.n_ticks; i++)
    {
      g_autofree char *text = rapport_chart_format_date (self->x_ticks.ticks[i],
                                                         self->x_ticks.formats[i]);

      self->x_labels[i] = create_label (self, text);
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

      if (series->axis != axis)
        continue;
      *used = TRUE;
      rapport_chart_visible_extent (series->x, series->y, series->n,
                                    self->plot.x_min, self->plot.x_max, lo, hi);
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
  visible_range (self, &self->plot.x_min, &self->plot.x_max);

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

      visible_extent (self, a, &axis->used, &lo, &hi);
      if (axis->used)
        compute_axis (self, axis, self->formats[a] == RAPPORT_CHART_FORMAT_PERCENT,
                      lo, hi, plot_height);
    }

  left = self->axes[RAPPORT_CHART_AXIS_LEFT].used
    ? self->axes[RAPPORT_CHART_AXIS_LEFT].label_width + 2 * LABEL_GAP : LABEL_GAP;
  right = self->axes[RAPPORT_CHART_AXIS_RIGHT].used
    ? self->axes[RAPPORT_CHART_AXIS_RIGHT].label_width + 2 * LABEL_GAP : LABEL_GAP;

  self->plot.left = left;
  self->plot.top = top;
  self->plot.width = MAX (width - left - right, 1);
  self->plot.height = plot_height;
  compute_x_ticks (self);

  self->geometry_valid = TRUE;
}

static double
map_x (RapportChart *self,
       double        t)
{
  return rapport_chart_plot_x (&self->plot, t);
}

static double
map_y (RapportChart *self,
       const Axis   *axis,
       double        value)
{
  return rapport_chart_plot_y (&self->plot, &axis->scale, value);
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
  double plot_left = self->plot.left;
  double plot_right = plot_left + self->plot.width;
  double plot_top = self->plot.top;
  double plot_bottom = plot_top + self->plot.height;
  double label_end = -G_MAXDOUBLE;

  /* The selected range under everything else. */
  if (self->highlight_start <= self->highlight_end)
    {
      GdkRGBA fill = with_alpha (&self->colors[RAPPORT_CHART_COLOR_ACCENT], 0.14);
      double x0 = CLAMP (map_x (self, self->highlight_start), plot_left, plot_right);
      double x1 = CLAMP (map_x (self, self->highlight_end + DAY), plot_left, plot_right);

      if (x1 > x0)
        gtk_snapshot_append_color (snapshot, &fill,
                                   &GRAPHENE_RECT_INIT (x0, plot_top, x1 - x0,
                                                        plot_bottom - plot_top));
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
  double plot_bottom = self->plot.top + self->plot.height;

  if (!axis->used)
    axis = &self->axes[RAPPORT_CHART_AXIS_RIGHT];

  for (guint i = 0; axis->used && i < axis->scale.n_ticks; i++)
    {
      double y = round (map_y (self, axis, axis->scale.ticks[i]));

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (self->plot.left, y - 0.5,
                                                      self->plot.width, 1));
    }

  for (guint i = 0; i < self->x_ticks.n_ticks; i++)
    {
      double x = round (map_x (self, self->x_ticks.ticks[i]));

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

      for (guint i = 0; i < axis->scale.n_ticks; i++)
        {
          int width;
          double x;
          double y = map_y (self, axis, axis->scale.ticks[i]) - self->line_height / 2.0;

          pango_layout_get_pixel_size (axis->labels[i], &width, NULL);
          if (a == RAPPORT_CHART_AXIS_LEFT)
            x = self->plot.left - LABEL_GAP - width;
          else
            x = self->plot.left + self->plot.width + LABEL_GAP;
          append_layout (snapshot, axis->labels[i], x, y, &color);
        }
    }

  for (guint i = 0; i < self->x_ticks.n_ticks; i++)
    {
      int width = layout_width (self->x_labels[i]);
      double x = map_x (self, self->x_ticks.ticks[i]) - width / 2.0;

      /* Labels that would leave the widget or crowd the one before are left out. */
      if (x < 0 || x + width > self->geometry_width || x < label_end + LABEL_GAP)
        continue;
      append_layout (snapshot, self->x_labels[i], x,
                     self->plot.top + self->plot.height + 6, &dim);
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

/* A disc of @radius at the point @i of @series. */
static void
add_point (RapportChart   *self,
           GskPathBuilder *builder,
           const Series   *series,
           gsize           i,
           double          radius)
{
  const Axis *axis = &self->axes[series->axis];

  gsk_path_builder_add_circle (builder,
                               &GRAPHENE_POINT_INIT (map_x (self, series->x[i]),
                                                     map_y (self, axis, series->y[i])),
                               radius);
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

  count = rapport_chart_decimate (series->x, series->y, series->n,
                                  self->plot.x_min, self->plot.x_max, n_columns, kept);

  if (series->style == RAPPORT_CHART_DOTS)
    {
      GskPathBuilder *builder = gsk_path_builder_new ();
      g_autoptr(GskPath) path = NULL;

      for (gsize k = 0; k < count; k++)
        {
          guint32 i = kept[k];

          if (!isfinite (series->y[i]) ||
              series->x[i] < self->plot.x_min || series->x[i] > self->plot.x_max)
            continue;
          add_point (self, builder, series, i, DOT_RADIUS);
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
          add_point (self, solid, series, kept[0], LINE_WIDTH);
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
                  (i + 1 < series->n &&
                   (series->flags[i + 1] & RAPPORT_CHART_POINT_ESTIMATE) == 0))
                continue;
              add_point (self, points, series, i, LINE_WIDTH * 1.75);
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
                 self->plot.left + (self->plot.width - width) / 2,
                 self->plot.top + (self->plot.height - height) / 2,
                 &dim);
}

static GskRenderNode *
render_static (RapportChart *self)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint n_columns = MAX (1, (guint) ceil (self->plot.width * scale));
  gboolean any_visible = FALSE;
  graphene_rect_t clip;

  draw_markers (self, snapshot);
  draw_grid (self, snapshot);

  /* Lines may reach a little past the plot (the width of the stroke, a dot's radius) but not
   * into the labels. */
  graphene_rect_init (&clip, self->plot.left, self->plot.top, self->plot.width, self->plot.height);
  graphene_rect_inset (&clip, -DOT_RADIUS - 1, -DOT_RADIUS - 1);
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

  day = rapport_chart_day_start (self->cursor);
  /* Translators: the date in the chart's read-out, a g_date_time_format() format: "Thu, 12 Sep
   * 2024". */
  date = rapport_chart_format_date (day, _("%a, %-d %b %Y"));
  text = g_string_new (date);

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = get_series (self, s);
      RapportChartFormat format = self->formats[series->axis];

      if (series->style == RAPPORT_CHART_LINE)
        {
          g_autofree char *value = NULL;
          gsize i;

          if (!rapport_chart_last_point_before (series->x, series->y, series->n,
                                                (double) (day + DAY), &i))
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
          gsize first;
          gsize last;

          rapport_chart_day_points (series->x, series->n, day, &first, &last);

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
  gint64 day = rapport_chart_day_start (self->cursor);
  double x = map_x (self, self->cursor);

  if (x < self->plot.left - 0.5 || x > self->plot.left + self->plot.width + 0.5)
    return;

  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, self->plot.top, 1,
                                                  self->plot.height));

  /* The values named in the read-out, marked on their series in the series' colour: a disc on
   * a line (at the point the value comes from), a ring around each dot of the day. */
  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = get_series (self, s);
      GskPathBuilder *builder = gsk_path_builder_new ();
      g_autoptr(GskPath) path = NULL;

      if (series->style == RAPPORT_CHART_LINE)
        {
          gsize i;

          if (rapport_chart_last_point_before (series->x, series->y, series->n,
                                               (double) (day + DAY), &i) &&
              series->x[i] >= self->plot.x_min)
            add_point (self, builder, series, i, 4.5);
          path = gsk_path_builder_free_to_path (builder);
          if (!gsk_path_is_empty (path))
            gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING,
                                      &self->colors[series->color]);
        }
      else
        {
          gsize first;
          gsize last;

          rapport_chart_day_points (series->x, series->n, day, &first, &last);
          for (gsize i = first; i < last; i++)
            if (isfinite (series->y[i]))
              add_point (self, builder, series, i, DOT_RADIUS + 2.5);
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
      y = self->plot.top + 6;
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

  visible_range (self, &x_min, &x_max);

  return rapport_chart_visible_points (series->x, series->n, x_min, x_max, first, last);
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

  if (series == NULL)
    {
      *snapped = (gint64) floor (t / DAY) * DAY;
      return TRUE;
    }
  if (!visible_indices (self, series, &first, &last))
    return FALSE;

  *snapped = (gint64) series->x[rapport_chart_nearest_point (series->x, series->n,
                                                              first, last, t)];
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
  if (snap (self, rapport_chart_plot_time_at (&self->plot, x), &t))
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
