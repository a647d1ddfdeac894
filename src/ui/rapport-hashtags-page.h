/* rapport-hashtags-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_HASHTAGS_PAGE (rapport_hashtags_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportHashtagsPage, rapport_hashtags_page, RAPPORT, HASHTAGS_PAGE, AdwBin)

RapportAnalysis *rapport_hashtags_page_get_analysis (RapportHashtagsPage *self);
void             rapport_hashtags_page_set_analysis (RapportHashtagsPage *self,
                                                     RapportAnalysis     *analysis);

G_END_DECLS
