/* rapport-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
  RapportSheet *sheet;

  guint header_row; /* of the sheet */
  guint row;        /* the sheet's current row; header_row before the first */
};

/* The first row from @row on that holds text, or the sheet's number of rows. */
static guint
find_row_with_text (RapportSheet *sheet,
                    guint         row)
{
  guint n_rows = rapport_sheet_get_n_rows (sheet);

  for (row = rapport_sheet_find_row (sheet, row); row < n_rows;
       row = rapport_sheet_find_row (sheet, row + 1))
    if (rapport_sheet_row_has_text (sheet, row))
      return row;
  return n_rows;
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

/* @entry NULL for the workbook the archive is. */
static RapportTable *
open_sheet (RapportArchive  *archive,
            const char      *entry,
            GError         **error)
{
  g_autoptr(RapportTable) self = NULL;
  g_autoptr(RapportXlsx) book = NULL;
  guint n_sheets = 0;
  guint n_rows;

  if ((book = rapport_xlsx_open_in_archive (archive, entry, error)) == NULL)
    return NULL;
  rapport_xlsx_get_sheet_names (book, &n_sheets);
  if (n_sheets == 0)
    return NULL;

  self = g_new0 (RapportTable, 1);
  self->entry = g_strdup (entry != NULL ? entry : rapport_archive_get_name (archive));
  if ((self->sheet = rapport_xlsx_read_sheet (book, 0, error)) == NULL)
    return NULL;

  n_rows = rapport_sheet_get_n_rows (self->sheet);
  if ((self->header_row = find_row_with_text (self->sheet, 0)) >= n_rows)
    return NULL;
  self->row = self->header_row;
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
  g_clear_pointer (&self->sheet, rapport_sheet_free);
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
  return rapport_sheet_find_column (self->sheet, self->header_row, names);
}

gboolean
rapport_table_next (RapportTable  *self,
                    GError       **error)
{
  guint n_rows;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->csv != NULL)
    return rapport_csv_reader_next (self->csv, error);

  n_rows = rapport_sheet_get_n_rows (self->sheet);
  if (self->row >= n_rows)
    return FALSE;
  self->row = find_row_with_text (self->sheet, self->row + 1);
  return self->row < n_rows;
}

const char *
rapport_table_get_column (RapportTable *self,
                          int           column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->csv != NULL)
    return rapport_csv_reader_get_column (self->csv, column);
  if (column < 0 || self->row == self->header_row)
    return NULL;
  return rapport_sheet_get_text (self->sheet, self->row, (guint) column);
}

char *
rapport_table_describe_row (RapportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->csv != NULL)
    /* TRANSLATORS: where a row of a CSV file is, "line 4" */
    return g_strdup_printf (_("line %u"), rapport_csv_reader_get_line (self->csv));
  /* TRANSLATORS: where a row of a spreadsheet is, "row 4" (1 is the first) */
  return g_strdup_printf (_("row %u"), self->row + 1);
}
