/* rapport-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_OVERVIEW_PAGE (rapport_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportOverviewPage, rapport_overview_page, RAPPORT, OVERVIEW_PAGE, AdwBin)

GtkWidget       *rapport_overview_page_new          (void);
RapportAnalysis *rapport_overview_page_get_analysis (RapportOverviewPage *self);
void             rapport_overview_page_set_analysis (RapportOverviewPage *self,
                                                     RapportAnalysis     *analysis);
/* Selects the days from @start to @end (Unix seconds, each rounded down to its UTC day) on the
 * chart, with some days around them in sight, and shows the key figures of those days: where a
 * suggestion's "Show evidence" of a date range leads. */
void             rapport_overview_page_show_range   (RapportOverviewPage *self,
                                                     gint64               start,
                                                     gint64               end);

G_END_DECLS
