/* rapport-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV reader over bytes, for the dialects that exports and spreadsheet programs write:
 *
 *  - UTF-8 with or without a byte order mark; UTF-16LE or UTF-16BE with one (read as UTF-8,
 *    unpaired surrogates becoming U+FFFD);
 *  - a first line "sep=," (or ';', or a tab) that names the separator, as Excel writes it;
 *    otherwise the separator is the most frequent of ',' ';' and tab outside quotes on the first
 *    line that has any (',' when none does);
 *  - RFC 4180 quoting: "" for a quote and line breaks inside quoted fields; with
 *    RAPPORT_CSV_BACKSLASH_ESCAPES, \" and \\ inside quotes as well (LinkedIn's Comments.csv);
 *  - CRLF, LF or CR line ends, with or without a final one.
 *
 * A file is read either as one table, skipping empty lines (rapport_csv_reader_read_header()
 * then rapport_csv_reader_next() until FALSE), or as blocks separated by blank lines, each with
 * an optional title line and a header (rapport_csv_reader_next_block(), then
 * rapport_csv_reader_next() until the block ends), as Meta's per-metric daily exports are.
 * Line numbers count the lines of the file, "sep=" line included.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_CSV_DEFAULT           = 0,
  RAPPORT_CSV_BACKSLASH_ESCAPES = 1 << 0,
  /* The bytes map a file read-only (see rapport_archive_read()): the pages of the rows read
   * are handed back to the system as the reader goes, so a big file mapped does not stay in
   * memory whole; touched again, they are read from the file. */
  RAPPORT_CSV_MAPPED            = 1 << 1,
} RapportCsvFlags;

typedef struct _RapportCsvReader RapportCsvReader;

/* @entry_name names the file in error messages. */
RapportCsvReader   *rapport_csv_reader_new              (GBytes             *bytes,
                                                         const char         *entry_name);
RapportCsvReader   *rapport_csv_reader_new_full         (GBytes             *bytes,
                                                         const char         *entry_name,
                                                         RapportCsvFlags     flags);
/* A reader of @entry of @archive: a file of a folder is mapped (RAPPORT_CSV_MAPPED), an entry
 * of a zip or tar read as a stream, never whole.  NULL with @error set when the entry cannot
 * be read; a failure later in the stream is the error of rapport_csv_reader_next(). */
RapportCsvReader   *rapport_csv_reader_open             (RapportArchive     *archive,
                                                         const char         *entry,
                                                         RapportCsvFlags     flags,
                                                         GCancellable       *cancellable,
                                                         GError            **error);
void                rapport_csv_reader_free             (RapportCsvReader   *self);
/* The separator given by a "sep=" line or detected: ',', ';' or '\t'. */
char                rapport_csv_reader_get_separator    (RapportCsvReader   *self);

/* Reads the next row.  FALSE at the end of the text (or of the block, after
 * rapport_csv_reader_next_block()), or with @error set (RAPPORT_IMPORT_ERROR_MALFORMED naming
 * the entry and line) for a quote that never closes. */
gboolean            rapport_csv_reader_next             (RapportCsvReader   *self,
                                                         GError            **error);
guint               rapport_csv_reader_get_n_fields     (RapportCsvReader   *self);
/* A field of the current row, or NULL past its last field.  Valid until the next row. */
const char         *rapport_csv_reader_get_field        (RapportCsvReader   *self,
                                                         guint               index);
/* The 1-based line on which the current row starts. */
guint               rapport_csv_reader_get_line         (RapportCsvReader   *self);

/* Reads the first row as the header; fails with RAPPORT_IMPORT_ERROR_MALFORMED when the text
 * has no rows. */
gboolean            rapport_csv_reader_read_header      (RapportCsvReader   *self,
                                                         GError            **error);
/* Moves to the next block: skips blank lines (and rows whose fields are all empty), reads the
 * title line if there is one, and the header.  A row is a title when only its first field has
 * text and the row after it has at least two fields with text.  From then on,
 * rapport_csv_reader_next() returns the block's rows and FALSE at the blank line (or row of
 * empty fields) that ends it.  FALSE at the end of the text, or with @error set. */
gboolean            rapport_csv_reader_next_block       (RapportCsvReader   *self,
                                                         GError            **error);
/* The current block's title line, trimmed, or NULL when it has none. */
const char         *rapport_csv_reader_get_title        (RapportCsvReader   *self);
/* The header's names, trimmed and valid UTF-8, NULL-terminated; NULL before a header. */
const char * const *rapport_csv_reader_get_header       (RapportCsvReader   *self);
/* The index of the header column named @name, ignoring case and surrounding spaces, or -1. */
int                 rapport_csv_reader_find_column      (RapportCsvReader   *self,
                                                         const char         *name);
/* The same for a column known under several names (localized headers): @names is
 * NULL-terminated and tried in order, so the first name present wins. */
int                 rapport_csv_reader_find_column_any  (RapportCsvReader   *self,
                                                         const char * const *names);
/* The current row's field in @column, or NULL when @column is -1 or the row is shorter. */
const char         *rapport_csv_reader_get_column       (RapportCsvReader   *self,
                                                         int                 column);
/* The count in the current row's @column as rapport_count_or_unknown() reads it:
 * RAPPORT_COUNT_UNKNOWN for a missing column or value. */
gint64              rapport_csv_reader_get_count        (RapportCsvReader   *self,
                                                         int                 column);

/* The header lookup on its own, for tables that do not come from CSV (spreadsheet rows): the
 * index in @texts (@n_texts of them; NULL entries never match) of the first of @names found,
 * ignoring case and surrounding spaces, or -1. */
int                 rapport_csv_find_name               (const char * const *texts,
                                                         guint               n_texts,
                                                         const char * const *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvReader, rapport_csv_reader_free)

G_END_DECLS
