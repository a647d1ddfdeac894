/* rapport-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet is read row by row as it unpacks, the header's texts kept: a table of a hundred
 * thousand rows is never held whole.  It is read through once when opened, so that a sheet
 * damaged anywhere is told then, before any of its rows is used, as when it was read whole.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "import/rapport-csv.h"
#include "import/rapport-table.h"
#include "import/rapport-xlsx.h"

struct _RapportTable
{
  char *entry;

  /* One of the two. */
  RapportCsvReader *csv;
  RapportXlsx *book;
  RapportSheetReader *rows;

  GStrv header;        /* the sheet's header, a text per column ("" for none) */
  gboolean at_header;  /* the sheet stands on its header, before the first row */
};

/* Moves @rows to the next row that holds text: FALSE at the end or on an error. */
static gboolean
next_row_with_text (RapportSheetReader  *rows,
                    GError             **error)
{
  while (rapport_sheet_reader_next (rows, error))
    if (rapport_sheet_reader_row_has_text (rows))
      return TRUE;
  return FALSE;
}

static RapportTable *
open_csv (RapportArchive  *archive,
          const char      *entry,
          GError         **error)
{
  g_autoptr(RapportTable) self = NULL;
  RapportCsvReader *csv;

  if ((csv = rapport_csv_reader_open (archive, entry, RAPPORT_CSV_DEFAULT, NULL, error)) == NULL)
    return NULL;
  self = g_new0 (RapportTable, 1);
  self->entry = g_strdup (entry);
  self->csv = csv;
  if (!rapport_csv_reader_read_header (self->csv, NULL))
    return NULL;
  return g_steal_pointer (&self);
}

/* Whether the first sheet of @book reads to its end. */
static gboolean
check_sheet (RapportXlsx  *book,
             GError      **error)
{
  g_autoptr(RapportSheetReader) rows = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((rows = rapport_xlsx_read_rows (book, 0, error)) == NULL)
    return FALSE;
  while (rapport_sheet_reader_next (rows, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* @entry NULL for the workbook the archive is. */
static RapportTable *
open_sheet (RapportArchive  *archive,
            const char      *entry,
            GError         **error)
{
  g_autoptr(RapportTable) self = NULL;
  guint n_sheets = 0;
  guint n_columns;

  self = g_new0 (RapportTable, 1);
  if ((self->book = rapport_xlsx_open_in_archive (archive, entry, error)) == NULL)
    return NULL;
  rapport_xlsx_get_sheet_names (self->book, &n_sheets);
  if (n_sheets == 0)
    return NULL;

  self->entry = g_strdup (entry != NULL ? entry : rapport_archive_get_name (archive));
  if (!check_sheet (self->book, error) ||
      (self->rows = rapport_xlsx_read_rows (self->book, 0, error)) == NULL ||
      !next_row_with_text (self->rows, error))
    return NULL;

  n_columns = rapport_sheet_reader_get_n_columns (self->rows);
  self->header = g_new0 (char *, n_columns + 1);
  for (guint column = 0; column < n_columns; column++)
    {
      const char *text = rapport_sheet_reader_get_text (self->rows, column);

      self->header[column] = g_strdup (text != NULL ? text : "");
    }
  self->at_header = TRUE;
  return g_steal_pointer (&self);
}

const char *
rapport_table_find (RapportArchive *archive,
                    const char     *base_name)
{
  g_autofree char *csv_name = NULL;
  g_autofree char *xlsx_name = NULL;
  const char *entry;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);
  g_return_val_if_fail (base_name != NULL, NULL);

  csv_name = g_strconcat (base_name, ".csv", NULL);
  xlsx_name = g_strconcat (base_name, ".xlsx", NULL);
  if ((entry = rapport_archive_find (archive, csv_name)) != NULL ||
      (entry = rapport_archive_find (archive, xlsx_name)) != NULL)
    return entry;
  if (g_ascii_strcasecmp (rapport_archive_get_name (archive), xlsx_name) == 0 &&
      rapport_xlsx_archive_is_workbook (archive))
    return rapport_archive_get_name (archive);
  return NULL;
}

RapportTable *
rapport_table_open (RapportArchive  *archive,
                    const char      *base_name,
                    GError         **error)
{
  const char *entry;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);
  g_return_val_if_fail (base_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((entry = rapport_table_find (archive, base_name)) == NULL)
    return NULL;
  if (g_str_has_suffix (entry, ".csv") || g_str_has_suffix (entry, ".CSV"))
    return open_csv (archive, entry, error);
  /* The workbook opened alone has no entry of its name. */
  if (rapport_archive_find (archive, entry) == NULL)
    entry = NULL;
  return open_sheet (archive, entry, error);
}

void
rapport_table_free (RapportTable *self)
{
  if (self == NULL)
    return;

  g_free (self->entry);
  g_clear_pointer (&self->csv, rapport_csv_reader_free);
  g_clear_pointer (&self->rows, rapport_sheet_reader_free);
  g_clear_pointer (&self->book, rapport_xlsx_free);
  g_strfreev (self->header);
  g_free (self);
}

const char *
rapport_table_get_entry (RapportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entry;
}

int
rapport_table_find_column (RapportTable       *self,
                           const char * const *names)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  if (self->csv != NULL)
    return rapport_csv_reader_find_column_any (self->csv, names);
  return rapport_csv_find_name ((const char * const *) self->header,
                                g_strv_length (self->header), names);
}

gboolean
rapport_table_next (RapportTable  *self,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->csv != NULL)
    return rapport_csv_reader_next (self->csv, error);

  self->at_header = FALSE;
  return next_row_with_text (self->rows, error);
}

const char *
rapport_table_get_column (RapportTable *self,
                          int           column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->csv != NULL)
    return rapport_csv_reader_get_column (self->csv, column);
  if (column < 0 || self->at_header)
    return NULL;
  return rapport_sheet_reader_get_text (self->rows, (guint) column);
}

char *
rapport_table_describe_row (RapportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->csv != NULL)
    /* TRANSLATORS: where a row of a CSV file is, "line 4" */
    return g_strdup_printf (_("line %u"), rapport_csv_reader_get_line (self->csv));
  /* TRANSLATORS: where a row of a spreadsheet is, "row 4" (1 is the first) */
  return g_strdup_printf (_("row %u"), rapport_sheet_reader_get_row (self->rows) + 1);
}
