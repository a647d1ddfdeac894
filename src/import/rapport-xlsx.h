/* rapport-xlsx.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheets of an .xlsx workbook as tables of text, for the analytics exports that come as
 * spreadsheets.  A workbook is a zip of XML parts: xl/workbook.xml names the sheets, each
 * through a relationship of xl/_rels/workbook.xml.rels to its part, and cells that hold text
 * either carry it inline or point into xl/sharedStrings.xml.  Stored (uncompressed) and
 * deflated entries, shared and inline strings, rich text runs and sparse rows are all read.
 *
 * Every cell reads as the text the file holds: a number as written ("2633", "45292.5"), a
 * boolean as "1" or "0", a shared string as its text.  The importers turn them into values with
 * rapport_count_or_unknown(), rapport_parse_percent() and rapport_xlsx_parse_serial_date().
 *
 * A workbook comes from anyone: parts that would expand beyond a limit are refused, entry names
 * with ".." too, and a part that declares a document type (the only way to entities) is refused
 * before any of its content is read.  No part is ever fetched from the network.
 */

#pragma once

#include <glib.h>

#include "import/rapport-archive.h"

G_BEGIN_DECLS

/* How many bytes of XML one part may unpack to, and how many cells one sheet (or strings the
 * shared table, or sheets the workbook) may hold, before the workbook is refused with
 * RAPPORT_IMPORT_ERROR_TOO_LARGE. */
#define RAPPORT_XLSX_DEFAULT_PART_LIMIT (G_GUINT64_CONSTANT (64) << 20)
#define RAPPORT_XLSX_DEFAULT_CELL_LIMIT 1000000

typedef enum
{
  RAPPORT_CELL_EMPTY,   /* no cell there, or a cell without a value */
  RAPPORT_CELL_TEXT,    /* a shared, inline or formula string */
  RAPPORT_CELL_NUMBER,  /* a number as written, which may be a serial date */
  RAPPORT_CELL_BOOLEAN, /* "1" or "0" */
  RAPPORT_CELL_DATE,    /* an ISO 8601 date (t="d"), as written */
  RAPPORT_CELL_ERROR,   /* a formula's error, "#N/A", "#DIV/0!" */
} RapportCellType;

typedef struct _RapportXlsx        RapportXlsx;
typedef struct _RapportSheet       RapportSheet;
typedef struct _RapportSheetReader RapportSheetReader;

/* Opens a workbook and reads its list of sheets.  @name names it in error messages (the file's
 * or the archive entry's name).  Errors: RAPPORT_IMPORT_ERROR_UNREADABLE when the bytes are no
 * readable zip, _UNRECOGNIZED when the zip has no xl/workbook.xml, _MALFORMED for broken XML or
 * an entry name with "..", _TOO_LARGE beyond the default limits. */
RapportXlsx        *rapport_xlsx_open_bytes        (GBytes             *bytes,
                                                    const char         *name,
                                                    GError            **error);
/* The same for a file; its base name names it in messages. */
RapportXlsx        *rapport_xlsx_open_path         (const char         *path,
                                                    GError            **error);
/* The workbook @entry of @archive holds, named by @entry in messages; or, for @entry NULL,
 * the workbook @archive is (see rapport_xlsx_archive_is_workbook()), named by the archive. */
RapportXlsx        *rapport_xlsx_open_in_archive   (RapportArchive     *archive,
                                                    const char         *entry,
                                                    GError            **error);
/* Whether @archive is one workbook opened on its own: an .xlsx is a zip, so the archive lists
 * the parts of the workbook (xl/workbook.xml …) as its entries. */
gboolean            rapport_xlsx_archive_is_workbook (RapportArchive   *archive);
void                rapport_xlsx_free              (RapportXlsx        *self);
/* Limits for the sheets read from now on (and the shared strings, read with the first one);
 * a part's is at most 2 GiB. */
void                rapport_xlsx_set_limits        (RapportXlsx        *self,
                                                    guint64             max_part_bytes,
                                                    guint               max_cells);

/* The names of the sheets in the workbook's order (not their ids), NULL-terminated. */
const char * const *rapport_xlsx_get_sheet_names   (RapportXlsx        *self,
                                                    guint              *n_sheets);
/* The index of the sheet named @name, ignoring case (as Excel does) and surrounding spaces,
 * or -1. */
int                 rapport_xlsx_find_sheet        (RapportXlsx        *self,
                                                    const char         *name);
/* Reads the sheet at @index whole, for small sheets: it is held as a table of its cells.
 * Errors name the workbook and the sheet or its part: RAPPORT_IMPORT_ERROR_MALFORMED for a
 * sheet the workbook names but does not hold, broken XML, a document type declaration, a cell
 * reference out of range or a shared string that does not exist; _TOO_LARGE beyond the
 * limits; _UNREADABLE for a damaged zip. */
RapportSheet       *rapport_xlsx_read_sheet        (RapportXlsx        *self,
                                                    guint               index,
                                                    GError            **error);
/* Opens the sheet at @index to be read row by row as it unpacks: only the current row is held
 * (and the workbook's shared strings).  The reader needs @self as long as it lives.  Errors
 * as rapport_xlsx_read_sheet()'s, from here the missing sheet. */
RapportSheetReader *rapport_xlsx_read_rows         (RapportXlsx        *self,
                                                    guint               index,
                                                    GError            **error);

/* Excel's serial date in a number cell's @text: days since 1899-12-30, the fraction being the
 * time of day ("45292.5" is 2024-01-01 12:00).  *out is that wall-clock time read as UTC, in
 * Unix seconds rounded to the second.  FALSE, leaving *out untouched, for text that is not a
 * number and for serials before 61 (1900-03-01; Excel's calendar counts a 1900-02-29 that never
 * was) or after 9999-12-31. */
gboolean            rapport_xlsx_parse_serial_date (const char         *text,
                                                    gint64             *out);

const char         *rapport_sheet_get_name         (RapportSheet       *self);
/* One past the last row and column that hold a cell: the sheet's extent from A1. */
guint               rapport_sheet_get_n_rows       (RapportSheet       *self);
guint               rapport_sheet_get_n_columns    (RapportSheet       *self);
/* The first row from @row on that holds a cell, or rapport_sheet_get_n_rows() when none does:
 * a sheet's rows are walked at the cost of its cells, however far apart they lie. */
guint               rapport_sheet_find_row         (RapportSheet       *self,
                                                    guint               row);
/* Whether a cell of @row holds text other than "". */
gboolean            rapport_sheet_row_has_text     (RapportSheet       *self,
                                                    guint               row);
/* The text of the cell at @row and @column, both 0-based (A1 is 0, 0), or NULL where the
 * sheet has no value.  Valid as long as the sheet. */
const char         *rapport_sheet_get_text         (RapportSheet       *self,
                                                    guint               row,
                                                    guint               column);
RapportCellType     rapport_sheet_get_cell_type    (RapportSheet       *self,
                                                    guint               row,
                                                    guint               column);
/* The column of @row whose text is one of @names (NULL-terminated, tried in order; case and
 * surrounding spaces ignored), or -1: rapport_csv_find_name() for a header row. */
int                 rapport_sheet_find_column      (RapportSheet       *self,
                                                    guint               row,
                                                    const char * const *names);
void                rapport_sheet_free             (RapportSheet       *self);

/* Moves to the next row that holds a cell with a value, in the order the sheet writes its
 * rows: unlike a sheet read whole, rows out of order are not sorted and a row written twice
 * comes twice.  Within a row cells are by column, the last of two in one place kept.  FALSE
 * at the end, or with @error set as rapport_xlsx_read_sheet() would. */
gboolean         rapport_sheet_reader_next          (RapportSheetReader  *self,
                                                     GError             **error);
const char      *rapport_sheet_reader_get_name      (RapportSheetReader  *self);
/* The current row's number, 0-based (row 1 is 0). */
guint            rapport_sheet_reader_get_row       (RapportSheetReader  *self);
/* One past the current row's last column that holds a cell. */
guint            rapport_sheet_reader_get_n_columns (RapportSheetReader  *self);
/* The text of the current row's cell in @column (0-based), or NULL; valid until the next
 * row. */
const char      *rapport_sheet_reader_get_text      (RapportSheetReader  *self,
                                                     guint                column);
RapportCellType  rapport_sheet_reader_get_cell_type (RapportSheetReader  *self,
                                                     guint                column);
/* Whether a cell of the current row holds text other than "". */
gboolean         rapport_sheet_reader_row_has_text  (RapportSheetReader  *self);
/* The column of the current row whose text is one of @names, as rapport_sheet_find_column(). */
int              rapport_sheet_reader_find_column   (RapportSheetReader  *self,
                                                     const char * const  *names);
void             rapport_sheet_reader_free          (RapportSheetReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportXlsx, rapport_xlsx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSheet, rapport_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSheetReader, rapport_sheet_reader_free)

G_END_DECLS
