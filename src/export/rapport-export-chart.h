/* rapport-export-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's chart drawn with cairo for the report and as an image: followers on the left
 * axis, each post's engagement rate and their 30-day median on the right one (each post's
 * interactions where no rate is known), with the geometry of chart/.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "analysis/rapport-report.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_EXPORT_IMAGE_PNG,
  RAPPORT_EXPORT_IMAGE_SVG,
} RapportExportImageFormat;

/* Whether the report has any point to chart. */
gboolean rapport_export_chart_has_data    (const RapportReport      *report);
/* Draws the chart with its axes and legend into the rectangle, its labels laid out with
 * @context. */
void     rapport_export_chart_draw        (cairo_t                  *cr,
                                           PangoContext             *context,
                                           const RapportReport      *report,
                                           double                    x,
                                           double                    y,
                                           double                    width,
                                           double                    height);
/* PNG for ".png" and SVG for ".svg" in @path, any case; FALSE otherwise. */
gboolean rapport_export_image_format_for_path (const char           *path,
                                               RapportExportImageFormat *format);
/* Writes the chart, @width × @height (pixels for PNG, points for SVG), on white. */
gboolean rapport_export_chart_write       (const RapportReport      *report,
                                           const char               *path,
                                           RapportExportImageFormat  format,
                                           double                    width,
                                           double                    height,
                                           GError                  **error);

G_END_DECLS
