/* rapport-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rapport-application.h"
#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow   *rapport_window_new                       (RapportApplication  *application);
void             rapport_window_import_files              (RapportWindow       *self,
                                                           GFile              **files,
                                                           guint                n_files);
/* The creator's own data folder; by default the application's. */
const char      *rapport_window_get_data_dir              (RapportWindow       *self);
void             rapport_window_set_data_dir              (RapportWindow       *self,
                                                           const char          *data_dir);
/* What the pages show: the analysis of the selected account, or NULL. */
RapportAnalysis *rapport_window_get_analysis              (RapportWindow       *self);
/* TRUE while an import runs or an analysis loads. */
gboolean         rapport_window_get_busy                  (RapportWindow       *self);
void             rapport_window_explore_sample_data       (RapportWindow       *self);
void             rapport_window_leave_sample_data         (RapportWindow       *self);
gboolean         rapport_window_get_exploring_sample_data (RapportWindow       *self);
typedef enum
{
  RAPPORT_WINDOW_EXPORT_PDF,
  RAPPORT_WINDOW_EXPORT_CSV,   /* every table, into a folder */
  RAPPORT_WINDOW_EXPORT_CHART, /* PNG, or SVG for a name ending in .svg */
} RapportWindowExport;

void             rapport_window_save_export               (RapportWindow       *self,
                                                           RapportWindowExport  kind,
                                                           GFile               *file);
/* TRUE while rapport_window_save_export() writes a file. */
gboolean         rapport_window_get_exporting             (RapportWindow       *self);
/* Shows the page @name ("overview", "coach", …) of the analysis; FALSE when there is none. */
gboolean         rapport_window_set_page                  (RapportWindow       *self,
                                                           const char          *name);

G_END_DECLS
