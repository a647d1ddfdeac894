/* rapport-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 reader over bytes: comma-separated fields, quoted fields with "" for a quote
 * and line breaks inside, CRLF or LF line ends, an optional UTF-8 byte order mark and an
 * optional final line break.  Empty lines between rows are ignored.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RapportCsvReader RapportCsvReader;

RapportCsvReader *rapport_csv_reader_new          (GBytes            *bytes,
                                                   const char        *entry_name);
void              rapport_csv_reader_free         (RapportCsvReader  *self);

/* Reads the next row.  FALSE at the end of the text, or with @error set
 * (RAPPORT_IMPORT_ERROR_MALFORMED naming the entry and line) for a quote that never closes. */
gboolean          rapport_csv_reader_next         (RapportCsvReader  *self,
                                                   GError           **error);
guint             rapport_csv_reader_get_n_fields (RapportCsvReader  *self);
/* A field of the current row, or NULL past its last field.  Valid until the next row. */
const char       *rapport_csv_reader_get_field    (RapportCsvReader  *self,
                                                   guint              index);
/* The 1-based line on which the current row starts. */
guint             rapport_csv_reader_get_line     (RapportCsvReader  *self);

/* Reads the first row as the header; fails with RAPPORT_IMPORT_ERROR_MALFORMED when the text
 * has no rows. */
gboolean          rapport_csv_reader_read_header  (RapportCsvReader  *self,
                                                   GError           **error);
/* The index of the header column named @name, ignoring case and surrounding spaces, or -1. */
int               rapport_csv_reader_find_column  (RapportCsvReader  *self,
                                                   const char        *name);
/* The current row's field in @column, or NULL when @column is -1 or the row is shorter. */
const char       *rapport_csv_reader_get_column   (RapportCsvReader  *self,
                                                   int                column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvReader, rapport_csv_reader_free)

G_END_DECLS
