/* rapport-export-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-export-module.h"

static const RapportExportFuncs funcs = {
  .paper_from_locale = rapport_paper_from_locale,
  .paper_parse = rapport_paper_parse,
  .image_format_for_path = rapport_export_image_format_for_path,
  .write_pdf = rapport_export_write_pdf,
  .csv_write_dir = rapport_export_csv_write_dir,
  .chart_write = rapport_export_chart_write,
};

/**
 * rapport_export_module_get_funcs:
 *
 * The entry point of librapport-export.so, which the command line looks up by name.
 *
 * Returns: (transfer none): the functions the command line writes the report with
 */
const RapportExportFuncs *
rapport_export_module_get_funcs (void)
{
  return &funcs;
}
