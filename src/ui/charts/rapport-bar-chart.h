/* rapport-bar-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Horizontal bars that diverge from a zero line: positive values to the right in the accent
 * colour, negative ones to the left, muted, and flagged bars in the warning colour.  Each bar
 * has a label on the left and its value written at its end.  The chart is an image to
 * assistive technologies: whoever fills it sets its label and a description of its takeaway.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BAR_CHART (rapport_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (RapportBarChart, rapport_bar_chart, RAPPORT, BAR_CHART, GtkWidget)

typedef struct
{
  const char *label;       /* "#wheelthrown" */
  double      value;       /* the bar's length and direction; NAN draws no bar */
  const char *value_text;  /* written at the bar's end: "+56.9 %" */
  gboolean    warning;     /* drawn in the warning colour */
} RapportBar;

GtkWidget  *rapport_bar_chart_new            (void);
/* Copies @bars; they are drawn top to bottom in this order. */
void        rapport_bar_chart_set_bars       (RapportBarChart  *self,
                                              const RapportBar *bars,
                                              guint             n_bars);
guint       rapport_bar_chart_get_n_bars     (RapportBarChart  *self);
const char *rapport_bar_chart_get_bar_label  (RapportBarChart  *self,
                                              guint             index);
double      rapport_bar_chart_get_bar_value  (RapportBarChart  *self,
                                              guint             index);
/* The bar under @y (widget coordinates), or -1. */
int         rapport_bar_chart_get_bar_at     (RapportBarChart  *self,
                                              double            y);

G_END_DECLS
