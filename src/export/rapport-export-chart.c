/* rapport-export-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart for paper and image files: no cursor and no zoom, the whole range at once.  Long
 * series are thinned to the plot's width in points (rapport_chart_decimate()), so a PDF of
 * 200,000 days stays small and keeps every spike.
 */

#include "config.h"

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "chart/rapport-chart-decimate.h"
#include "chart/rapport-chart-geometry.h"
#include "export/rapport-export-chart.h"
#include "export/rapport-export-private.h"

#define LABEL_SIZE 7.5
#define GAP        4.0
#define DOT_RADIUS 1.6

typedef struct
{
  GArray *x;        /* double, Unix seconds, ascending */
  GArray *y;        /* double; NAN breaks a line */
} Series;

typedef struct
{
  Series followers;
  Series posts;     /* each post's rate, or its interactions without rates */
  Series median;    /* the 30-day median rate; empty without rates */
  gboolean rates;   /* posts and median are rates (the right axis in percent) */
} ChartData;

static void
series_init (Series *series)
{
  series->x = g_array_new (FALSE, FALSE, sizeof (double));
  series->y = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->x, g_array_unref);
  g_clear_pointer (&series->y, g_array_unref);
}

static void
series_add (Series *series,
            double  x,
            double  y)
{
  g_array_append_val (series->x, x);
  g_array_append_val (series->y, y);
}

static void
chart_data_init (ChartData           *data,
                 const RapportReport *report)
{
  GArray *points = report->series->points;

  series_init (&data->followers);
  series_init (&data->posts);
  series_init (&data->median);

  for (guint i = 0; i < points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, i);

      series_add (&data->followers, (double) point->day, point->followers);
    }

  data->rates = report->engagement.n_with_rate > 0;
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *post = &g_array_index (report->per_post,
                                                          RapportPostEngagement, i);

      if (data->rates && isfinite (post->rate))
        series_add (&data->posts, (double) post->post->created_at, post->rate);
      else if (!data->rates && post->interactions >= 0)
        series_add (&data->posts, (double) post->post->created_at, (double) post->interactions);
    }
  if (data->rates)
    for (guint i = 0; i < report->rolling_median->len; i++)
      {
        const RapportRollingMedian *median = &g_array_index (report->rolling_median,
                                                             RapportRollingMedian, i);

        series_add (&data->median, (double) median->t, median->median);
      }
}

static void
chart_data_clear (ChartData *data)
{
  series_clear (&data->followers);
  series_clear (&data->posts);
  series_clear (&data->median);
}

gboolean
rapport_export_chart_has_data (const RapportReport *report)
{
  ChartData data;
  gboolean any;

  g_return_val_if_fail (report != NULL, FALSE);

  chart_data_init (&data, report);
  any = data.followers.x->len > 0 || data.posts.x->len > 0;
  chart_data_clear (&data);
  return any;
}

static PangoLayout *
label_layout (PangoContext *context,
              const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (LABEL_SIZE * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  *width = (double) w / PANGO_SCALE;
  *height = (double) h / PANGO_SCALE;
}

/* The widest tick label of @scale. */
static double
scale_label_width (PangoContext            *context,
                   const RapportChartScale *scale)
{
  double widest = 0;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *text = rapport_chart_scale_format_tick (scale, scale->ticks[i]);
      g_autoptr(PangoLayout) layout = label_layout (context, text);
      double w, h;

      layout_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
extent (const Series *series,
        double       *x_lo,
        double       *x_hi)
{
  if (series->x->len == 0)
    return;
  *x_lo = MIN (*x_lo, g_array_index (series->x, double, 0));
  *x_hi = MAX (*x_hi, g_array_index (series->x, double, series->x->len - 1));
}

/* The series's points thinned to the plot's columns, as a line or as dots. */
static void
draw_series (cairo_t                 *cr,
             const RapportChartPlot  *plot,
             const RapportChartScale *scale,
             const Series            *series,
             gboolean                 dots)
{
  const double *x = (const double *) series->x->data;
  const double *y = (const double *) series->y->data;
  guint n_columns = MAX (1, (guint) ceil (plot->width));
  g_autofree guint32 *kept = NULL;
  gsize n_kept;
  gboolean drawing = FALSE;

  if (series->x->len == 0)
    return;
  kept = g_new (guint32, RAPPORT_CHART_DECIMATE_MAX (n_columns));
  n_kept = rapport_chart_decimate (x, y, series->x->len, plot->x_min, plot->x_max, n_columns,
                                   kept);
  for (gsize i = 0; i < n_kept; i++)
    {
      double px, py;

      if (!isfinite (y[kept[i]]))
        {
          drawing = FALSE;
          continue;
        }
      px = rapport_chart_plot_x (plot, x[kept[i]]);
      py = rapport_chart_plot_y (plot, scale, y[kept[i]]);
      if (dots)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, px, py, DOT_RADIUS, 0, 2 * G_PI);
        }
      else if (drawing)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      drawing = TRUE;
    }
  if (dots)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static void
draw_legend_entry (cairo_t      *cr,
                   PangoContext *context,
                   const char   *name,
                   const double  rgb[3],
                   double       *x,
                   double        y)
{
  g_autoptr(PangoLayout) layout = label_layout (context, name);
  double w, h;

  layout_size (layout, &w, &h);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, *x, y + h / 2 - 2, 10, 4);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, *x + 14, y);
  pango_cairo_show_layout (cr, layout);
  *x += 14 + w + 3 * GAP;
}

static void
draw_value_labels (cairo_t                 *cr,
                   PangoContext            *context,
                   const RapportChartPlot  *plot,
                   const RapportChartScale *scale,
                   gboolean                 right)
{
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *text = rapport_chart_scale_format_tick (scale, scale->ticks[i]);
      g_autoptr(PangoLayout) layout = label_layout (context, text);
      double ty = rapport_chart_plot_y (plot, scale, scale->ticks[i]);
      double w, h;

      layout_size (layout, &w, &h);
      cairo_move_to (cr, right ? plot->left + plot->width + GAP : plot->left - GAP - w,
                     ty - h / 2);
      pango_cairo_show_layout (cr, layout);
      if (!right)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, plot->left, ty);
          cairo_line_to (cr, plot->left + plot->width, ty);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
draw_time_labels (cairo_t                *cr,
                  PangoContext           *context,
                  const RapportChartPlot *plot)
{
  double label_room[RAPPORT_CHART_N_TICK_UNITS];
  RapportChartTimeTicks ticks;

  for (guint unit = 0; unit < RAPPORT_CHART_N_TICK_UNITS; unit++)
    {
      g_autofree char *text = rapport_chart_tick_example (unit);
      g_autoptr(PangoLayout) layout = label_layout (context, text);
      double w, h;

      layout_size (layout, &w, &h);
      label_room[unit] = w + 3 * GAP;
    }
  rapport_chart_time_ticks_compute (&ticks, plot->x_min, plot->x_max, plot->width, label_room);
  for (guint i = 0; i < ticks.n_ticks; i++)
    {
      g_autofree char *text = rapport_chart_format_date (ticks.ticks[i], ticks.formats[i]);
      g_autoptr(PangoLayout) layout = label_layout (context, text);
      double tx = rapport_chart_plot_x (plot, (double) ticks.ticks[i]);
      double w, h;

      layout_size (layout, &w, &h);
      cairo_move_to (cr, tx - w / 2, plot->top + plot->height + GAP);
      pango_cairo_show_layout (cr, layout);
    }
}

void
rapport_export_chart_draw (cairo_t             *cr,
                           PangoContext        *context,
                           const RapportReport *report,
                           double               x,
                           double               y,
                           double               width,
                           double               height)
{
  static const double followers_rgb[3] = { 0.21, 0.52, 0.89 };
  static const double posts_rgb[3] = { 0.90, 0.38, 0.0 };
  static const double median_rgb[3] = { 0.60, 0.20, 0.0 };
  g_autoptr(PangoLayout) probe = NULL;
  RapportChartScale left = { 0 }, right = { 0 };
  RapportChartPlot plot;
  ChartData data;
  double x_lo = INFINITY, x_hi = -INFINITY;
  double lo, hi, label_w, label_h, legend_x = x;
  gint64 start, end;

  g_return_if_fail (report != NULL);

  chart_data_init (&data, report);
  probe = label_layout (context, "0");
  layout_size (probe, &label_w, &label_h);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (data.followers.x->len == 0 && data.posts.x->len == 0)
    {
      g_autoptr(PangoLayout) layout = label_layout (context, _("No followers or posts to chart"));
      double w, h;

      layout_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cairo_move_to (cr, x + (width - w) / 2, y + (height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      chart_data_clear (&data);
      return;
    }

  extent (&data.followers, &x_lo, &x_hi);
  extent (&data.posts, &x_lo, &x_hi);
  extent (&data.median, &x_lo, &x_hi);
  start = rapport_chart_day_start ((gint64) x_lo);
  end = rapport_chart_day_start ((gint64) x_hi);
  rapport_chart_range_widen (start, end, &plot.x_min, &plot.x_max);
  plot.top = y + label_h + 2 * GAP;
  plot.height = MAX (height - (label_h + 2 * GAP) - (label_h + 2 * GAP), 10);

  lo = INFINITY, hi = -INFINITY;
  rapport_chart_visible_extent ((const double *) data.followers.x->data,
                                (const double *) data.followers.y->data, data.followers.x->len,
                                plot.x_min, plot.x_max, &lo, &hi);
  rapport_chart_scale_compute (&left, FALSE, lo, hi, plot.height);
  lo = INFINITY, hi = -INFINITY;
  rapport_chart_visible_extent ((const double *) data.posts.x->data,
                                (const double *) data.posts.y->data, data.posts.x->len,
                                plot.x_min, plot.x_max, &lo, &hi);
  rapport_chart_visible_extent ((const double *) data.median.x->data,
                                (const double *) data.median.y->data, data.median.x->len,
                                plot.x_min, plot.x_max, &lo, &hi);
  rapport_chart_scale_compute (&right, data.rates, lo, hi, plot.height);

  plot.left = x + (data.followers.x->len > 0 ? scale_label_width (context, &left) + 2 * GAP
                                              : GAP);
  plot.width = MAX (x + width - plot.left - (data.posts.x->len > 0
                                             ? scale_label_width (context, &right) + 2 * GAP
                                             : GAP), 10);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  if (data.followers.x->len > 0)
    draw_value_labels (cr, context, &plot, &left, FALSE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  if (data.posts.x->len > 0)
    draw_value_labels (cr, context, &plot, &right, TRUE);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_time_labels (cr, context, &plot);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, plot.left, plot.top, plot.width, plot.height);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_rectangle (cr, plot.left, plot.top, plot.width, plot.height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, posts_rgb[0], posts_rgb[1], posts_rgb[2], 0.55);
  draw_series (cr, &plot, &right, &data.posts, TRUE);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, median_rgb[0], median_rgb[1], median_rgb[2]);
  draw_series (cr, &plot, &right, &data.median, FALSE);
  cairo_set_source_rgb (cr, followers_rgb[0], followers_rgb[1], followers_rgb[2]);
  draw_series (cr, &plot, &left, &data.followers, FALSE);
  cairo_restore (cr);

  if (data.followers.x->len > 0)
    draw_legend_entry (cr, context, _("Followers"), followers_rgb, &legend_x, y);
  if (data.posts.x->len > 0)
    draw_legend_entry (cr, context, data.rates ? _("Engagement rate of a post")
                                               : _("Interactions of a post"),
                       posts_rgb, &legend_x, y);
  if (data.median.x->len > 0)
    draw_legend_entry (cr, context, _("Median engagement rate, 30 days"), median_rgb,
                       &legend_x, y);

  cairo_restore (cr);
  chart_data_clear (&data);
}

gboolean
rapport_export_image_format_for_path (const char               *path,
                                      RapportExportImageFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = RAPPORT_EXPORT_IMAGE_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = RAPPORT_EXPORT_IMAGE_SVG;
  else
    return FALSE;
  return TRUE;
}

gboolean
_rapport_export_check_cairo_status (cairo_status_t   status,
                                    const char      *path,
                                    GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  /* Translators: "Could not write “chart.png”: error while writing to output stream" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
rapport_export_chart_write (const RapportReport       *report,
                            const char                *path,
                            RapportExportImageFormat   format,
                            double                     width,
                            double                     height,
                            GError                   **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  PangoContext *context;
  const double margin = 12;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == RAPPORT_EXPORT_IMAGE_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  if (!_rapport_export_check_cairo_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  context = pango_cairo_create_context (cr);
  rapport_export_chart_draw (cr, context, report, margin, margin, width - 2 * margin,
                             height - 2 * margin);
  g_object_unref (context);
  cairo_destroy (cr);

  if (format == RAPPORT_EXPORT_IMAGE_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return _rapport_export_check_cairo_status (status, path, error);
}
