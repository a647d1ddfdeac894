/* rapport-export-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table of the report as a CSV file of its own, for spreadsheets and scripts: numbers
 * in the C locale, rates as fractions, unknown values as empty fields, days as ISO dates, and
 * every text field through rapport_escape_append_csv_field(), so that no name is taken for a
 * formula.
 */

#pragma once

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_EXPORT_TABLE_POSTS,
  RAPPORT_EXPORT_TABLE_SERIES,
  RAPPORT_EXPORT_TABLE_MEDIAN,
  RAPPORT_EXPORT_TABLE_FOLLOWERS_GAINED,
  RAPPORT_EXPORT_TABLE_FOLLOWERS_LOST,
  RAPPORT_EXPORT_TABLE_MUTUALS,
  RAPPORT_EXPORT_TABLE_FANS,
  RAPPORT_EXPORT_TABLE_NOT_FOLLOWING_BACK,
  RAPPORT_EXPORT_TABLE_HASHTAGS,
  RAPPORT_EXPORT_TABLE_BAIT_TAGS,
  RAPPORT_EXPORT_TABLE_SUGGESTIONS,
  RAPPORT_EXPORT_N_TABLES
} RapportExportTable;

/* "posts.csv", "followers-gained.csv", … */
const char *rapport_export_table_file_name (RapportExportTable    table);
/* The table as CSV text (a header line, then a line per row, CRLF line ends), or NULL when
 * the report lacks it (no follower lists to compare, no lists for reciprocity). */
char       *rapport_export_csv_table       (const RapportReport  *report,
                                            GPtrArray            *suggestions,
                                            RapportExportTable    table);
/* Writes every table the report has into @dir (made when missing), replacing files of the
 * same names; *@n_written (may be NULL) counts the files.  FALSE with @error naming the file
 * that could not be written. */
gboolean    rapport_export_csv_write_dir   (const RapportReport  *report,
                                            GPtrArray            *suggestions,
                                            const char           *dir,
                                            guint                *n_written,
                                            GError              **error);

G_END_DECLS
