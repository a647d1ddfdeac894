/* rapport-chart-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the chart share: rapport-chart.c (the class, its data and the range),
 * rapport-chart-drawing.c (the frame, its geometry and the kept render node) and
 * rapport-chart-cursor.c (the read-out, moved by the pointer and the keys).  The numbers
 * behind a frame are in rapport-chart-geometry.c and rapport-chart-axes.c.
 */

#pragma once

#include "ui/charts/rapport-chart.h"
#include "chart/rapport-chart-geometry.h"

G_BEGIN_DECLS

#define DAY        RAPPORT_CHART_DAY
#define DOT_RADIUS 2.5
#define RULE_ALPHA 0.4f
#define BAND_ALPHA 0.16f

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

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA colors[RAPPORT_CHART_N_COLORS];
  GdkRGBA band;
} Palette;

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
  GdkRGBA                colors[RAPPORT_CHART_N_COLORS];
  GdkRGBA                band_color;

  GtkWidget             *readout;
  GtkWidget             *readout_label;
  char                  *readout_text;
  /* A post beside the values, set by the page for the cursor's day: its picture and text. */
  GtkWidget             *readout_post;
  GtkWidget             *readout_picture;
  GtkWidget             *readout_post_label;
  /* Whether the read-out has been placed since it last changed: only a placed one is drawn. */
  gboolean               readout_placed;
};

/* The frame's mapping, as the drawing and the read-out use it. */
static inline double
map_x (RapportChart *self,
       double        t)
{
  return rapport_chart_plot_x (&self->plot, t);
}

static inline double
map_y (RapportChart *self,
       const Axis   *axis,
       double        value)
{
  return rapport_chart_plot_y (&self->plot, &axis->scale, value);
}

/* rapport-chart.c */
Series  *_rapport_chart_get_series          (RapportChart   *self,
                                             guint           index);
/* The visible range in seconds, never empty: the one set, else the data's, else the last 30
 * days. */
void     _rapport_chart_visible_range       (RapportChart   *self,
                                             double         *x_min,
                                             double         *x_max);

/* rapport-chart-drawing.c */
void     _rapport_chart_drawing_class_init  (GtkWidgetClass *widget_class);
/* Drops the kept node and geometry after a change of data, range, size or style. */
void     _rapport_chart_invalidate          (RapportChart   *self);
void     _rapport_chart_clear_geometry      (RapportChart   *self);
void     _rapport_chart_ensure_geometry     (RapportChart   *self);
void     _rapport_chart_compute_palette     (RapportChart   *self,
                                             Palette        *palette);
/* Takes the colours again; a change of colour costs a new node. */
void     _rapport_chart_style_changed       (RapportChart   *self);
GdkRGBA  _rapport_chart_with_alpha          (const GdkRGBA  *color,
                                             float           alpha);
/* A disc of @radius at the point @i of @series. */
void     _rapport_chart_add_point           (RapportChart   *self,
                                             GskPathBuilder *builder,
                                             const Series   *series,
                                             gsize           i,
                                             double          radius);

/* rapport-chart-cursor.c */
void     _rapport_chart_cursor_class_init   (GtkWidgetClass *widget_class);
/* The read-out and the controllers of the pointer, the keys and the focus. */
void     _rapport_chart_cursor_init         (RapportChart   *self);
void     _rapport_chart_set_cursor_internal (RapportChart   *self,
                                             gboolean        has_cursor,
                                             gint64          t);
void     _rapport_chart_update_readout      (RapportChart   *self);
/* The rule, the points the read-out names and the read-out, over the kept node. */
void     _rapport_chart_draw_cursor         (RapportChart   *self,
                                             GtkSnapshot    *snapshot);

G_END_DECLS
