/* rapport-coach-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_COACH_PAGE (rapport_coach_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportCoachPage, rapport_coach_page, RAPPORT, COACH_PAGE, AdwBin)

RapportAnalysis *rapport_coach_page_get_analysis (RapportCoachPage *self);
void             rapport_coach_page_set_analysis (RapportCoachPage *self,
                                                  RapportAnalysis  *analysis);

G_END_DECLS
