/* rapport-chart-cursor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cursor and its read-out: the exact values of a day, moved by the pointer, by the arrow
 * keys, Home and End, and from outside with rapport_chart_set_cursor().  The cursor snaps to
 * the points of the first series with points; it is drawn over the kept node, so moving it
 * costs no new one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "core/rapport-sorted.h"
#include "ui/charts/rapport-chart-private.h"

enum
{
  CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ── the read-out ───────────────────────────────────────────────────────────────────────── */

/* Exact, for the read-out: as the pages and the report write the figure. */
static char *
format_value (RapportChartFormat format,
              double             value)
{
  if (format == RAPPORT_CHART_FORMAT_PERCENT)
    return rapport_format_percent (value);

  return rapport_format_count (value);
}

void
_rapport_chart_update_readout (RapportChart *self)
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
      const Series *series = _rapport_chart_get_series (self, s);
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

/* The rule, and the values named in the read-out marked on their series in the series'
 * colour: a disc on a line (at the point the value comes from), a ring around each dot of
 * the day. */
static void
draw_rule (RapportChart *self,
           GtkSnapshot  *snapshot)
{
  GdkRGBA rule = _rapport_chart_with_alpha (&self->foreground, 0.5);
  gint64 day = rapport_chart_day_start (self->cursor);
  double x = map_x (self, self->cursor);

  if (x < self->plot.left - 0.5 || x > self->plot.left + self->plot.width + 0.5)
    return;

  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (round (x) - 0.5, self->plot.top, 1,
                                                  self->plot.height));

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = _rapport_chart_get_series (self, s);
      GskPathBuilder *builder = gsk_path_builder_new ();
      g_autoptr(GskPath) path = NULL;

      if (series->style == RAPPORT_CHART_LINE)
        {
          gsize i;

          if (rapport_chart_last_point_before (series->x, series->y, series->n,
                                               (double) (day + DAY), &i) &&
              series->x[i] >= self->plot.x_min)
            _rapport_chart_add_point (self, builder, series, i, 4.5);
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
              _rapport_chart_add_point (self, builder, series, i, DOT_RADIUS + 2.5);
          path = gsk_path_builder_free_to_path (builder);
          if (!gsk_path_is_empty (path))
            {
              g_autoptr(GskStroke) stroke = gsk_stroke_new (2);

              gtk_snapshot_append_stroke (snapshot, path, stroke, &self->colors[series->color]);
            }
        }
    }
}

void
_rapport_chart_draw_cursor (RapportChart *self,
                            GtkSnapshot  *snapshot)
{
  GskRoundedRect rounded;
  graphene_rect_t bounds;

  draw_rule (self, snapshot);

  if (!gtk_widget_get_visible (self->readout) || !self->readout_placed)
    return;

  /* The on-screen-display style has square corners of its own. */
  if (gtk_widget_compute_bounds (self->readout, GTK_WIDGET (self), &bounds))
    {
      gsk_rounded_rect_init_from_rect (&rounded, &bounds, 6);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_widget_snapshot_child (GTK_WIDGET (self), self->readout, snapshot);
      gtk_snapshot_pop (snapshot);
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
    _rapport_chart_invalidate (self);

  gtk_widget_get_preferred_size (self->readout, NULL, &natural);
  natural.width = MIN (natural.width, width);

  if (self->has_cursor && width > 0 && height > 0)
    {
      double cursor_x;

      _rapport_chart_ensure_geometry (self);
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

/* ── the cursor ─────────────────────────────────────────────────────────────────────────── */

void
_rapport_chart_set_cursor_internal (RapportChart *self,
                                    gboolean      has_cursor,
                                    gint64        t)
{
  if (self->has_cursor == has_cursor && (!has_cursor || self->cursor == t))
    return;

  self->has_cursor = has_cursor;
  self->cursor = t;
  self->readout_placed = FALSE;
  _rapport_chart_update_readout (self);
  rapport_chart_set_readout_post (self, NULL, NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Once per new day, never per frame: the page may read a post's picture here. */
  g_signal_emit (self, signals[CURSOR_MOVED], 0);
}

/* The series the cursor steps along: the first one with points. */
static Series *
cursor_series (RapportChart *self)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = _rapport_chart_get_series (self, i);

      if (series->n > 0)
        return series;
    }

  return NULL;
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

  _rapport_chart_visible_range (self, &x_min, &x_max);

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

  _rapport_chart_ensure_geometry (self);
  if (snap (self, rapport_chart_plot_time_at (&self->plot, x), &t))
    _rapport_chart_set_cursor_internal (self, TRUE, t);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RapportChart             *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    _rapport_chart_set_cursor_internal (self, FALSE, 0);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                RapportChart            *self)
{
  _rapport_chart_set_cursor_internal (self, FALSE, 0);
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
      _rapport_chart_visible_range (self, &x_min, &x_max);
      if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
        t = (gint64) x_min;
      else if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
        t = (gint64) x_max;
      else if (!self->has_cursor)
        t = (gint64) x_max;
      else
        t = self->cursor + ((keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -DAY : DAY);
      _rapport_chart_set_cursor_internal (self, TRUE, CLAMP (t, (gint64) x_min, (gint64) x_max));
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

  _rapport_chart_set_cursor_internal (self, TRUE, (gint64) series->x[i]);
  return TRUE;
}

/* ── public API ─────────────────────────────────────────────────────────────────────────── */

void
rapport_chart_set_cursor (RapportChart *self,
                          gint64        t)
{
  gint64 snapped;

  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (snap (self, (double) t, &snapped))
    _rapport_chart_set_cursor_internal (self, TRUE, snapped);
}

void
rapport_chart_unset_cursor (RapportChart *self)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  _rapport_chart_set_cursor_internal (self, FALSE, 0);
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

void
rapport_chart_set_readout_post (RapportChart *self,
                                GdkPaintable *picture,
                                const char   *text)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));
  g_return_if_fail (picture == NULL || GDK_IS_PAINTABLE (picture));

  gtk_image_set_from_paintable (GTK_IMAGE (self->readout_picture), picture);
  gtk_widget_set_visible (self->readout_picture, picture != NULL);
  /* Text from an export: a plain label, never markup. */
  gtk_label_set_text (GTK_LABEL (self->readout_post_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->readout_post_label, text != NULL && *text != '\0');
  gtk_widget_set_visible (self->readout_post,
                          picture != NULL || (text != NULL && *text != '\0'));
  self->readout_placed = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GdkPaintable *
rapport_chart_get_readout_picture (RapportChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), NULL);

  return gtk_image_get_paintable (GTK_IMAGE (self->readout_picture));
}

const char *
rapport_chart_get_readout_post_text (RapportChart *self)
{
  const char *text;

  g_return_val_if_fail (RAPPORT_IS_CHART (self), NULL);

  text = gtk_label_get_text (GTK_LABEL (self->readout_post_label));
  return gtk_widget_get_visible (self->readout_post_label) ? text : NULL;
}

/* ── set-up ─────────────────────────────────────────────────────────────────────────────── */

void
_rapport_chart_cursor_class_init (GtkWidgetClass *widget_class)
{
  widget_class->size_allocate = rapport_chart_size_allocate;

  /**
   * RapportChart::cursor-moved:
   *
   * The cursor moved to another day or went away; the read-out's post was cleared.
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_rapport_chart_cursor_init (RapportChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

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

  /* The post of the day: a small picture beside its text, each only when there is one. */
  self->readout_post = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (self->readout_post, FALSE);
  gtk_widget_set_margin_start (self->readout_post, 8);
  gtk_widget_set_margin_end (self->readout_post, 8);
  gtk_widget_set_margin_bottom (self->readout_post, 6);
  /* An image, not a picture: it keeps to its size whatever the thumbnail's (up to 160 px). */
  self->readout_picture = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->readout_picture), 48);
  gtk_widget_set_valign (self->readout_picture, GTK_ALIGN_START);
  gtk_widget_set_overflow (self->readout_picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (self->readout_picture, "post-thumbnail");
  gtk_widget_set_visible (self->readout_picture, FALSE);
  gtk_box_append (GTK_BOX (self->readout_post), self->readout_picture);
  self->readout_post_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->readout_post_label), 0);
  gtk_label_set_yalign (GTK_LABEL (self->readout_post_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->readout_post_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (self->readout_post_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (self->readout_post_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->readout_post_label), 32);
  gtk_label_set_width_chars (GTK_LABEL (self->readout_post_label), 20);
  gtk_widget_add_css_class (self->readout_post_label, "caption");
  gtk_widget_set_visible (self->readout_post_label, FALSE);
  gtk_box_append (GTK_BOX (self->readout_post), self->readout_post_label);
  gtk_box_append (GTK_BOX (self->readout), self->readout_post);
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
}
