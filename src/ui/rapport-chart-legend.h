/* rapport-chart-legend.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ui/charts/rapport-chart.h"

G_BEGIN_DECLS

/* How an entry's swatch draws what it names, in the colours of the chart. */
typedef enum
{
  RAPPORT_CHART_SWATCH_LINE,        /* a line of the series */
  RAPPORT_CHART_SWATCH_DASHED,      /* a dashed line of the series */
  RAPPORT_CHART_SWATCH_DOTS,        /* a few dots of the series */
  RAPPORT_CHART_SWATCH_POINT,       /* a point on a dashed line of the series */
  RAPPORT_CHART_SWATCH_MARKER_LINE, /* a RAPPORT_CHART_MARKER_LINE */
  RAPPORT_CHART_SWATCH_MARKER_BAND, /* a RAPPORT_CHART_MARKER_BAND */
} RapportChartSwatch;

#define RAPPORT_TYPE_CHART_LEGEND (rapport_chart_legend_get_type ())

G_DECLARE_FINAL_TYPE (RapportChartLegend, rapport_chart_legend, RAPPORT, CHART_LEGEND, GtkWidget)

GtkWidget    *rapport_chart_legend_new       (void);
RapportChart *rapport_chart_legend_get_chart (RapportChartLegend *self);
void          rapport_chart_legend_set_chart (RapportChartLegend *self,
                                              RapportChart       *chart);
/* Adds an entry: a swatch drawn as @swatch in the colour of the chart's series @series (the
 * marker colour for the marker swatches, which ignore @series), and @text beside it. */
void          rapport_chart_legend_add       (RapportChartLegend *self,
                                              RapportChartSwatch  swatch,
                                              guint               series,
                                              const char         *text);
void          rapport_chart_legend_clear     (RapportChartLegend *self);

G_END_DECLS
