/* rapport-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A time-series chart: lines and dots over time on a left and a right value axis, vertical
 * markers, a visible range chosen from outside, and a read-out of the exact values under the
 * pointer or the keyboard cursor.  Drawn with GtkSnapshot and GskPath, decimated to the pixel
 * grid and cached, so 200,000 points stay smooth.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_CHART (rapport_chart_get_type ())

G_DECLARE_FINAL_TYPE (RapportChart, rapport_chart, RAPPORT, CHART, GtkWidget)

typedef enum
{
  RAPPORT_CHART_LINE,
  RAPPORT_CHART_DOTS,
} RapportChartStyle;

typedef enum
{
  RAPPORT_CHART_AXIS_LEFT,
  RAPPORT_CHART_AXIS_RIGHT,
} RapportChartAxis;

typedef enum
{
  RAPPORT_CHART_FORMAT_COUNT,   /* 1,234 in read-outs, 12K and 1.2M on the axis */
  RAPPORT_CHART_FORMAT_PERCENT, /* values are fractions: 0.041 shows as 4.1 % */
} RapportChartFormat;

typedef enum
{
  RAPPORT_CHART_COLOR_ACCENT,   /* the theme's accent colour */
  RAPPORT_CHART_COLOR_SECOND,   /* a named palette colour that stands apart from the accent */
  RAPPORT_CHART_COLOR_FOREGROUND, /* the text colour: a total over coloured lines */
  /* Fixed palette colours, for series that stand for something of their own (a platform),
   * the same whatever the accent. */
  RAPPORT_CHART_COLOR_BLUE,
  RAPPORT_CHART_COLOR_TEAL,
  RAPPORT_CHART_COLOR_GREEN,
  RAPPORT_CHART_COLOR_YELLOW,
  RAPPORT_CHART_COLOR_ORANGE,
  RAPPORT_CHART_COLOR_RED,
  RAPPORT_CHART_COLOR_PINK,
  RAPPORT_CHART_COLOR_PURPLE,
  RAPPORT_CHART_COLOR_SLATE,
  RAPPORT_CHART_N_COLORS
} RapportChartColor;

typedef enum
{
  RAPPORT_CHART_POINT_NONE     = 0,
  /* An estimate (a lower bound): lines are dashed into and out of such points, and the
   * read-out says so. */
  RAPPORT_CHART_POINT_ESTIMATE = 1 << 0,
} RapportChartPointFlags;

typedef enum
{
  RAPPORT_CHART_MARKER_LINE, /* a dashed vertical rule at the start, such as an export */
  RAPPORT_CHART_MARKER_BAND, /* a shaded band over the days from start to end, such as a jump */
} RapportChartMarkerKind;

GtkWidget   *rapport_chart_new                (void);

/* Removes every series and marker. */
void         rapport_chart_clear              (RapportChart           *self);
/* Adds a series and returns its index (G_MAXUINT when @t is not ascending).  @t (Unix seconds,
 * ascending), @values (NAN breaks a line) and @flags (RapportChartPointFlags per point, or
 * NULL) are copied.  The first series with points is the one the read-out steps along. */
guint        rapport_chart_add_series         (RapportChart           *self,
                                               const char             *name,
                                               RapportChartStyle       style,
                                               RapportChartAxis        axis,
                                               RapportChartColor       color,
                                               const gint64           *t,
                                               const double           *values,
                                               const guint8           *flags,
                                               gsize                   n);
guint        rapport_chart_get_n_series       (RapportChart           *self);
/* The colour the series is drawn in now, for legends. */
void         rapport_chart_get_series_color   (RapportChart           *self,
                                               guint                   series,
                                               GdkRGBA                *color);
void         rapport_chart_set_axis_format    (RapportChart           *self,
                                               RapportChartAxis        axis,
                                               RapportChartFormat      format);
/* @end is the last day shown for a band; for a line it is ignored. */
void         rapport_chart_add_marker         (RapportChart           *self,
                                               RapportChartMarkerKind  kind,
                                               gint64                  start,
                                               gint64                  end,
                                               const char             *label);
guint        rapport_chart_get_n_markers      (RapportChart           *self);
/* The colour markers of @kind are drawn in now, for legends. */
void         rapport_chart_get_marker_color   (RapportChart           *self,
                                               RapportChartMarkerKind  kind,
                                               GdkRGBA                *color);

/* The times of the first and the last point with a value of all series; FALSE without. */
gboolean     rapport_chart_get_data_range     (RapportChart           *self,
                                               gint64                 *start,
                                               gint64                 *end);
/* The visible range; until it is set, the whole data. */
void         rapport_chart_set_range          (RapportChart           *self,
                                               gint64                  start,
                                               gint64                  end);
gint64       rapport_chart_get_range_start    (RapportChart           *self);
gint64       rapport_chart_get_range_end      (RapportChart           *self);
/* A range drawn as selected, such as the evidence of a suggestion; start > end removes it. */
void         rapport_chart_set_highlight      (RapportChart           *self,
                                               gint64                  start,
                                               gint64                  end);

/* The read-out: the point of the first series nearest to @t. */
void         rapport_chart_set_cursor         (RapportChart           *self,
                                               gint64                  t);
void         rapport_chart_unset_cursor       (RapportChart           *self);
gboolean     rapport_chart_get_cursor         (RapportChart           *self,
                                               gint64                 *t);
/* The read-out's text, "" without a cursor. */
const char  *rapport_chart_get_readout_text   (RapportChart           *self);
/* A post beside the read-out's values: its @picture (NULL: none, and no empty frame) and its
 * @text (plain, shown on one line; NULL for none).  Cleared whenever the cursor moves, just
 * before RapportChart::cursor-moved, whose handler sets it for the new day. */
void         rapport_chart_set_readout_post   (RapportChart           *self,
                                               GdkPaintable           *picture,
                                               const char             *text);
GdkPaintable *rapport_chart_get_readout_picture (RapportChart         *self);
/* The post's text in the read-out, NULL without. */
const char  *rapport_chart_get_readout_post_text (RapportChart        *self);

G_END_DECLS
