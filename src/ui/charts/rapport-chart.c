/* rapport-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The class, its series and markers, and the visible range.  A frame is drawn in
 * rapport-chart-drawing.c, the cursor and its read-out are in rapport-chart-cursor.c.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ui/charts/rapport-chart-private.h"

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

/* ── data ───────────────────────────────────────────────────────────────────────────────── */

Series *
_rapport_chart_get_series (RapportChart *self,
                           guint         index)
{
  return g_ptr_array_index (self->series, index);
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
      Series *series = _rapport_chart_get_series (self, i);
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

void
_rapport_chart_visible_range (RapportChart *self,
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

/* ── GtkWidget ──────────────────────────────────────────────────────────────────────────── */

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
rapport_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_chart_parent_class)->css_changed (widget, change);

  _rapport_chart_style_changed (RAPPORT_CHART (widget));
}

static void
rapport_chart_system_setting_changed (GtkWidget         *widget,
                                      GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (rapport_chart_parent_class)->system_setting_changed (widget, setting);

  /* Fonts change the labels' sizes and with them the plot area. */
  _rapport_chart_invalidate (RAPPORT_CHART (widget));
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
  _rapport_chart_set_cursor_internal (self, FALSE, 0);
  _rapport_chart_invalidate (self);
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
  _rapport_chart_invalidate (self);
  if (self->has_cursor)
    _rapport_chart_update_readout (self);

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

  _rapport_chart_compute_palette (self, &palette);
  *color = palette.colors[_rapport_chart_get_series (self, series)->color];
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
  _rapport_chart_invalidate (self);
  if (self->has_cursor)
    _rapport_chart_update_readout (self);
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
  _rapport_chart_invalidate (self);
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

  _rapport_chart_compute_palette (self, &palette);
  if (kind == RAPPORT_CHART_MARKER_BAND)
    *color = _rapport_chart_with_alpha (&palette.band, BAND_ALPHA);
  else
    *color = _rapport_chart_with_alpha (&palette.foreground, RULE_ALPHA);
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
  _rapport_chart_invalidate (self);

  /* The read-out follows only while its point is still in sight. */
  if (self->has_cursor && (self->cursor < start || self->cursor > end))
    _rapport_chart_set_cursor_internal (self, FALSE, 0);

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

  _rapport_chart_visible_range (self, &x_min, &x_max);
  return (gint64) x_min;
}

gint64
rapport_chart_get_range_end (RapportChart *self)
{
  double x_min;
  double x_max;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), 0);

  _rapport_chart_visible_range (self, &x_min, &x_max);
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
  _rapport_chart_invalidate (self);
}

/* ── GObject ────────────────────────────────────────────────────────────────────────────── */

static void
rapport_chart_dispose (GObject *object)
{
  RapportChart *self = RAPPORT_CHART (object);

  g_clear_pointer (&self->readout, gtk_widget_unparent);
  self->readout_label = NULL;
  self->readout_post = NULL;
  self->readout_picture = NULL;
  self->readout_post_label = NULL;

  G_OBJECT_CLASS (rapport_chart_parent_class)->dispose (object);
}

static void
rapport_chart_finalize (GObject *object)
{
  RapportChart *self = RAPPORT_CHART (object);

  _rapport_chart_clear_geometry (self);
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

  widget_class->measure = rapport_chart_measure;
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

  _rapport_chart_drawing_class_init (widget_class);
  _rapport_chart_cursor_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
style_manager_changed_cb (RapportChart *self)
{
  _rapport_chart_style_changed (self);
}

static void
rapport_chart_init (RapportChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();

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

  _rapport_chart_cursor_init (self);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::accent-color", G_CALLBACK (style_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
