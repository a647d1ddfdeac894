/* rapport-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new             (void);
const char         *rapport_application_get_data_dir    (RapportApplication *self);
int                 rapport_application_get_exit_status (RapportApplication *self);
/* The first window's first analysis, loading since startup; once, then NULL. */
RapportAnalysisPreload *rapport_application_take_preload (RapportApplication *self);

G_END_DECLS
