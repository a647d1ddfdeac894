/* rapport-export-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawn report is a module of its own (librapport-export.so) that the command line opens
 * only for `rapport report --pdf`, `--csv`, `--chart` and `--paper`, so that the other
 * commands load neither cairo nor pango.  The module takes the layers below export/ from the
 * executable; the window's module links export/ itself and never opens this one.  Types and
 * enums are those of the export headers.
 */

#pragma once

#include <gmodule.h>

#include "export/rapport-export-chart.h"
#include "export/rapport-export-csv.h"
#include "export/rapport-export-pdf.h"

G_BEGIN_DECLS

/* The module's one entry point, looked up by this name. */
#define RAPPORT_EXPORT_MODULE_SYMBOL "rapport_export_module_get_funcs"

/* The functions of the same names, for the command line; each pointer has its function's very
 * type, so that the two cannot differ. */
typedef struct
{
  __typeof__ (rapport_paper_from_locale)            *paper_from_locale;
  __typeof__ (rapport_paper_parse)                  *paper_parse;
  __typeof__ (rapport_export_image_format_for_path) *image_format_for_path;
  __typeof__ (rapport_export_write_pdf)             *write_pdf;
  __typeof__ (rapport_export_csv_write_dir)         *csv_write_dir;
  __typeof__ (rapport_export_chart_write)           *chart_write;
} RapportExportFuncs;

typedef const RapportExportFuncs *(*RapportExportModuleGetFuncs) (void);

G_MODULE_EXPORT const RapportExportFuncs *rapport_export_module_get_funcs (void);

G_END_DECLS
