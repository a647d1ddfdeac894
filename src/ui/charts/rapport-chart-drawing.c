/* rapport-chart-drawing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a frame is drawn: the series are kept as plain arrays of doubles.  When the data, the
 * visible range, the size or the style change, the next frame computes the geometry (value
 * ranges of what is visible, "nice" ticks, the plot area), decimates each series to the plot's
 * pixel columns (rapport-chart-decimate.c), maps what is left to pixels and appends one path per
 * series and style.  That render node is kept; frames that only move the read-out append the
 * kept node and draw the rule, the highlighted points and the read-out on top
 * (rapport-chart-cursor.c).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "chart/rapport-chart-decimate.h"
#include "ui/charts/rapport-chart-private.h"

#define LINE_WIDTH 2.0
#define LABEL_GAP  6.0

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

void
_rapport_chart_clear_geometry (RapportChart *self)
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
      Series *series = _rapport_chart_get_series (self, i);

      /* An empty series (an account without any follower figure) draws no axis: a scale of
       * nothing would read as zero followers. */
      if (series->axis != axis || series->n == 0)
        continue;
      *used = TRUE;
      rapport_chart_visible_extent (series->x, series->y, series->n,
                                    self->plot.x_min, self->plot.x_max, lo, hi);
    }
}

void
_rapport_chart_compute_palette (RapportChart *self,
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
  palette->colors[RAPPORT_CHART_COLOR_FOREGROUND] = palette->foreground;
  for (guint c = RAPPORT_CHART_COLOR_BLUE; c < RAPPORT_CHART_N_COLORS; c++)
    adw_accent_color_to_standalone_rgba (ADW_ACCENT_COLOR_BLUE + (c - RAPPORT_CHART_COLOR_BLUE),
                                         dark, &palette->colors[c]);
}

static void
update_colors (RapportChart *self)
{
  Palette palette;

  _rapport_chart_compute_palette (self, &palette);
  self->foreground = palette.foreground;
  for (guint c = 0; c < RAPPORT_CHART_N_COLORS; c++)
    self->colors[c] = palette.colors[c];
  self->band_color = palette.band;
}

void
_rapport_chart_ensure_geometry (RapportChart *self)
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

  _rapport_chart_clear_geometry (self);
  update_colors (self);

  self->geometry_width = width;
  self->geometry_height = height;
  _rapport_chart_visible_range (self, &self->plot.x_min, &self->plot.x_max);

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

/* ── drawing ────────────────────────────────────────────────────────────────────────────── */

GdkRGBA
_rapport_chart_with_alpha (const GdkRGBA *color,
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
  GdkRGBA rule_color = _rapport_chart_with_alpha (&self->foreground, RULE_ALPHA);
  GdkRGBA band_fill = _rapport_chart_with_alpha (&self->band_color, BAND_ALPHA);
  GdkRGBA label_color = _rapport_chart_with_alpha (&self->foreground, 0.7);
  double plot_left = self->plot.left;
  double plot_right = plot_left + self->plot.width;
  double plot_top = self->plot.top;
  double plot_bottom = plot_top + self->plot.height;
  double label_end = -G_MAXDOUBLE;

  /* The selected range under everything else. */
  if (self->highlight_start <= self->highlight_end)
    {
      GdkRGBA fill = _rapport_chart_with_alpha (&self->colors[RAPPORT_CHART_COLOR_ACCENT], 0.14);
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
  GdkRGBA grid = _rapport_chart_with_alpha (&self->foreground, 0.1);
  GdkRGBA tick = _rapport_chart_with_alpha (&self->foreground, 0.25);
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
  GdkRGBA dim = _rapport_chart_with_alpha (&self->foreground, 0.7);
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
          Series *series = _rapport_chart_get_series (self, i);

          if (series->axis == a)
            {
              color = _rapport_chart_with_alpha (&self->colors[series->color], 0.9);
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

void
_rapport_chart_add_point (RapportChart   *self,
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
          _rapport_chart_add_point (self, builder, series, i, DOT_RADIUS);
          visible = TRUE;
        }

      path = gsk_path_builder_free_to_path (builder);
      if (!gsk_path_is_empty (path))
        {
          /* Lighter than lines, so a line through the dots (their median) stands out. */
          GdkRGBA fill = _rapport_chart_with_alpha (color, 0.45);

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
          _rapport_chart_add_point (self, solid, series, kept[0], LINE_WIDTH);
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
              _rapport_chart_add_point (self, points, series, i, LINE_WIDTH * 1.75);
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
  GdkRGBA dim = _rapport_chart_with_alpha (&self->foreground, 0.55);
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
    any_visible |= draw_series (self, snapshot, _rapport_chart_get_series (self, i), n_columns);
  gtk_snapshot_pop (snapshot);

  draw_labels (self, snapshot);
  if (!any_visible)
    draw_empty (self, snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

/* ── the kept node ──────────────────────────────────────────────────────────────────────── */

void
_rapport_chart_invalidate (RapportChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  _rapport_chart_clear_geometry (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->has_cursor)
    {
      self->readout_placed = FALSE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

void
_rapport_chart_style_changed (RapportChart *self)
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
    _rapport_chart_invalidate (self);
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
      _rapport_chart_ensure_geometry (self);
      self->cache = render_static (self);
    }

  gtk_snapshot_append_node (snapshot, self->cache);

  if (self->has_cursor)
    _rapport_chart_draw_cursor (self, snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA color = _rapport_chart_with_alpha (&self->colors[RAPPORT_CHART_COLOR_ACCENT], 0.5);
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { color, color, color, color };

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

void
_rapport_chart_drawing_class_init (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = rapport_chart_snapshot;
}
