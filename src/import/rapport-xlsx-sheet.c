/* rapport-xlsx-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet read row by row as its part unpacks, holding one row: the cells that hold a value,
 * sorted by column, each pointing at its text in the row's buffer or at a shared string (a
 * shared string that a million cells use is held once).  Cells are placed by the column
 * letters of their reference (rows skip missing cells); a row without a number follows the
 * one before it, a cell without a reference the cell before it.  Rows come in the order the
 * sheet writes them.
 *
 * A sheet read whole is made of those rows: one compact table of all their cells, sorted by
 * row and column, their texts in one buffer.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "import/rapport-xlsx-private.h"
#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"

/* Excel's own bounds: rows 1 to 1048576, columns A to XFD. */
#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

typedef struct
{
  guint32 row;
  guint16 column;
  guint8 type;   /* RapportCellType */
  guint8 shared; /* text is the index of a shared string */
  guint32 text;  /* else where the text starts in the texts' buffer */
} Cell;

struct _RapportSheet
{
  char *name;
  GPtrArray *strings; /* the workbook's shared strings */
  GArray *cells;      /* Cell, by row then column */
  GString *texts;     /* the texts of cells, each ending in NUL */
  guint n_rows;
  guint n_columns;
};

struct _RapportSheetReader
{
  RapportXlsx *book;
  char *name;
  GPtrArray *strings;
  RapportXlsxPart part;
  gboolean open;
  gboolean done;
  guint64 n_cells;      /* read so far, against the limit */
  guint next_row;
  guint next_column;
  gboolean row_pending; /* the part stands on a <row> not begun yet */

  /* The current row. */
  guint row;
  GArray *cells;        /* Cell, by column once the row is complete */
  GString *texts;

  /* The cell being read. */
  gboolean in_cell;
  gboolean has_value;
  gboolean shared;
  RapportCellType type;
  guint column;
  GString *value;
};

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a;
  const Cell *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/* The 0-based column of a reference such as "AB12", or -1. */
static int
parse_column (const char *reference)
{
  const char *p = reference;
  int column = 0;

  g_assert (reference != NULL);

  while (g_ascii_isalpha (*p) && p - reference < 3)
    column = column * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  if (p == reference || column > MAX_COLUMNS)
    return -1;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0' ? column - 1 : -1;
}

static gboolean
set_sheet_error (RapportSheetReader  *reader,
                 GError             **error,
                 const char          *problem,
                 const char          *detail)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: the sheet “%s”: %s “%s”"), reader->book->name, reader->name,
               problem, detail);
  return FALSE;
}

static gboolean
begin_row (RapportSheetReader  *reader,
           GError             **error)
{
  g_autofree char *number = rapport_xlsx_part_attribute (&reader->part, "r");
  guint64 value;

  if (number == NULL)
    {
      reader->row = reader->next_row;
    }
  else
    {
      if (!g_ascii_string_to_unsigned (number, 10, 1, MAX_ROWS, &value, NULL))
        return set_sheet_error (reader, error, _("a row number out of range"), number);
      reader->row = (guint) value - 1;
    }
  reader->next_row = reader->row + 1;
  reader->next_column = 0;
  reader->in_cell = FALSE;
  return TRUE;
}

static RapportCellType
cell_type (const char *type,
           gboolean   *shared)
{
  *shared = g_strcmp0 (type, "s") == 0;

  if (type == NULL || strcmp (type, "n") == 0)
    return RAPPORT_CELL_NUMBER;
  if (strcmp (type, "b") == 0)
    return RAPPORT_CELL_BOOLEAN;
  if (strcmp (type, "d") == 0)
    return RAPPORT_CELL_DATE;
  if (strcmp (type, "e") == 0)
    return RAPPORT_CELL_ERROR;
  /* "s", "str", "inlineStr", and whatever a writer invents. */
  return RAPPORT_CELL_TEXT;
}

static gboolean
begin_cell (RapportSheetReader  *reader,
            GError             **error)
{
  g_autofree char *reference = rapport_xlsx_part_attribute (&reader->part, "r");
  g_autofree char *type = rapport_xlsx_part_attribute (&reader->part, "t");
  int column = (int) reader->next_column;

  if (reference != NULL && (column = parse_column (reference)) < 0)
    return set_sheet_error (reader, error, _("a cell reference out of range"), reference);
  if (reader->row >= MAX_ROWS || column >= MAX_COLUMNS)
    return set_sheet_error (reader, error, _("a cell beyond the last row or column"),
                            reference != NULL ? reference : "");

  reader->next_column = (guint) column + 1;
  reader->column = (guint) column;
  reader->type = cell_type (type, &reader->shared);
  reader->has_value = FALSE;
  g_string_truncate (reader->value, 0);
  /* <c r="B2"/> holds no value. */
  reader->in_cell = !rapport_xlsx_part_is_empty (&reader->part);
  return TRUE;
}

static gboolean
end_cell (RapportSheetReader  *reader,
          GError             **error)
{
  Cell cell = { 0, };

  reader->in_cell = FALSE;
  if (!reader->has_value)
    return TRUE;

  if (reader->n_cells >= reader->book->cell_limit)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the sheet “%s” has more than %u cells, which no real export does; "
                     "the file may be damaged or malicious"),
                   reader->book->name, reader->name, reader->book->cell_limit);
      return FALSE;
    }
  reader->n_cells++;

  cell.row = reader->row;
  cell.column = (guint16) reader->column;
  cell.type = (guint8) reader->type;
  if (reader->type != RAPPORT_CELL_TEXT)
    g_strstrip (reader->value->str);

  if (reader->shared)
    {
      const char *index = g_strstrip (reader->value->str);
      guint64 value;

      if (!g_ascii_string_to_unsigned (index, 10, 0, G_MAXUINT32, &value, NULL) ||
          value >= reader->strings->len)
        return set_sheet_error (reader, error, _("a shared string that does not exist"), index);
      cell.shared = TRUE;
      cell.text = (guint32) value;
    }
  else
    {
      gsize len = strlen (reader->value->str);

      /* The part limit (at most 2 GiB of XML) keeps the texts below 4 GiB. */
      g_assert (reader->texts->len + len + 1 <= G_MAXUINT32);
      cell.text = (guint32) reader->texts->len;
      g_string_append_len (reader->texts, reader->value->str, (gssize) len + 1);
    }

  g_array_append_val (reader->cells, cell);
  return TRUE;
}

/* Cells out of order are sorted; of two cells in one place the last written is kept. */
static void
sort_cells (GArray *cells)
{
  guint kept = 0;

  /* g_array_sort() is stable: equal cells keep the order they were written in. */
  g_array_sort (cells, compare_cells);
  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, i);

      if (kept > 0 && compare_cells (&g_array_index (cells, Cell, kept - 1), cell) == 0)
        kept--;
      g_array_index (cells, Cell, kept++) = *cell;
    }
  g_array_set_size (cells, kept);
}

static gboolean
cells_are_sorted (GArray *cells)
{
  for (guint i = 1; i < cells->len; i++)
    if (compare_cells (&g_array_index (cells, Cell, i - 1), &g_array_index (cells, Cell, i)) >= 0)
      return FALSE;
  return TRUE;
}

RapportSheetReader *
rapport_xlsx_read_rows (RapportXlsx  *self,
                        guint         index,
                        GError      **error)
{
  g_autoptr(RapportSheetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rapport_xlsx_load_strings (self, error))
    return NULL;

  reader = g_new0 (RapportSheetReader, 1);
  reader->book = self;
  reader->name = g_strdup (g_ptr_array_index (self->sheet_names, index));
  reader->strings = g_ptr_array_ref (self->strings);
  reader->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  reader->texts = g_string_new (NULL);
  reader->value = g_string_new (NULL);

  entry = g_ptr_array_index (self->sheet_entries, index);
  if (entry == NULL || !rapport_xlsx_part_open (&reader->part, self, entry, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                     _("%s: the sheet “%s” is named in the workbook but missing"), self->name,
                     reader->name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  reader->open = TRUE;
  return g_steal_pointer (&reader);
}

/* Ends the current row: its cells by column, the last of two in one place kept. */
static gboolean
end_row (RapportSheetReader *reader)
{
  if (reader->cells->len == 0)
    return FALSE;
  if (!cells_are_sorted (reader->cells))
    sort_cells (reader->cells);
  return TRUE;
}

gboolean
rapport_sheet_reader_next (RapportSheetReader  *self,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  RapportXlsxPart *part;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->done)
    return FALSE;
  part = &self->part;
  g_array_set_size (self->cells, 0);
  g_string_truncate (self->texts, 0);

  /* The <row> that ended the row before begins this one. */
  if (self->row_pending)
    {
      self->row_pending = FALSE;
      if (!begin_row (self, error))
        {
          self->done = TRUE;
          return FALSE;
        }
    }

  while (ok && rapport_xlsx_part_next (part, &local_error))
    {
      const char *element = rapport_xlsx_part_element (part);

      if (g_strcmp0 (element, "row") == 0)
        {
          /* Cells written outside a row element end where the next row starts. */
          if (self->cells->len > 0)
            {
              self->row_pending = TRUE;
              return end_row (self);
            }
          ok = begin_row (self, &local_error);
        }
      else if (g_strcmp0 (element, "c") == 0)
        ok = begin_cell (self, &local_error);
      else if (self->in_cell && g_strcmp0 (element, "v") == 0)
        ok = self->has_value = rapport_xlsx_part_read_text (part, FALSE, self->value,
                                                            &local_error);
      else if (self->in_cell && g_strcmp0 (element, "is") == 0)
        ok = self->has_value = rapport_xlsx_part_read_text (part, TRUE, self->value,
                                                            &local_error);
      else if (self->in_cell && rapport_xlsx_part_ends (part, "c"))
        ok = end_cell (self, &local_error);
      else if (rapport_xlsx_part_ends (part, "row") && end_row (self))
        return TRUE;
    }

  self->done = TRUE;
  if (local_error != NULL)
    {
      g_array_set_size (self->cells, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The cells of a row the part never ends. */
  return end_row (self);
}

void
rapport_sheet_reader_free (RapportSheetReader *self)
{
  if (self == NULL)
    return;

  if (self->open)
    rapport_xlsx_part_close (&self->part);
  g_free (self->name);
  g_ptr_array_unref (self->strings);
  g_array_unref (self->cells);
  g_string_free (self->texts, TRUE);
  g_string_free (self->value, TRUE);
  g_free (self);
}

const char *
rapport_sheet_reader_get_name (RapportSheetReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
rapport_sheet_reader_get_row (RapportSheetReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row;
}

guint
rapport_sheet_reader_get_n_columns (RapportSheetReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->cells->len == 0)
    return 0;
  return (guint) g_array_index (self->cells, Cell, self->cells->len - 1).column + 1;
}

static const char *
text_of (GPtrArray  *strings,
         GString    *texts,
         const Cell *cell)
{
  if (cell->shared)
    return g_ptr_array_index (strings, cell->text);
  return texts->str + cell->text;
}

/* The cell of the current row in @column, or NULL. */
static const Cell *
reader_cell (RapportSheetReader *self,
             guint               column)
{
  guint low = 0;
  guint high = self->cells->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Cell *cell = &g_array_index (self->cells, Cell, middle);

      if (cell->column == column)
        return cell;
      if (cell->column < column)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

const char *
rapport_sheet_reader_get_text (RapportSheetReader *self,
                               guint               column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = reader_cell (self, column);
  return cell != NULL ? text_of (self->strings, self->texts, cell) : NULL;
}

RapportCellType
rapport_sheet_reader_get_cell_type (RapportSheetReader *self,
                                    guint               column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, RAPPORT_CELL_EMPTY);

  cell = reader_cell (self, column);
  return cell != NULL ? (RapportCellType) cell->type : RAPPORT_CELL_EMPTY;
}

/* Whether one of the @n @cells holds text other than "". */
static gboolean
cells_have_text (GPtrArray  *strings,
                 GString    *texts,
                 const Cell *cells,
                 guint       n)
{
  for (guint i = 0; i < n; i++)
    if (*text_of (strings, texts, &cells[i]) != '\0')
      return TRUE;
  return FALSE;
}

gboolean
rapport_sheet_reader_row_has_text (RapportSheetReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->cells->len > 0 &&
         cells_have_text (self->strings, self->texts, (const Cell *) self->cells->data,
                          self->cells->len);
}

/* The column among the @n @cells (of one row, by column) whose text is one of @names. */
static int
find_name (GPtrArray          *strings,
           GString            *texts,
           const Cell         *cells,
           guint               n,
           const char * const *names)
{
  g_autofree const char **row = NULL;
  guint n_texts;

  g_assert (n > 0);

  n_texts = (guint) cells[n - 1].column + 1;
  row = g_new0 (const char *, n_texts);
  for (guint i = 0; i < n; i++)
    row[cells[i].column] = text_of (strings, texts, &cells[i]);
  return rapport_csv_find_name (row, n_texts, names);
}

int
rapport_sheet_reader_find_column (RapportSheetReader *self,
                                  const char * const *names)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  if (self->cells->len == 0)
    return -1;
  return find_name (self->strings, self->texts, (const Cell *) self->cells->data,
                    self->cells->len, names);
}

RapportSheet *
rapport_xlsx_read_sheet (RapportXlsx  *self,
                         guint         index,
                         GError      **error)
{
  g_autoptr(RapportSheetReader) reader = NULL;
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean sorted = TRUE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((reader = rapport_xlsx_read_rows (self, index, error)) == NULL)
    return NULL;

  sheet = g_new0 (RapportSheet, 1);
  sheet->name = g_strdup (reader->name);
  sheet->strings = g_ptr_array_ref (reader->strings);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  sheet->texts = g_string_new (NULL);

  while (rapport_sheet_reader_next (reader, &local_error))
    {
      guint base = (guint) sheet->texts->len;

      /* The part limit (at most 2 GiB of XML) keeps the texts below 4 GiB. */
      g_assert (sheet->texts->len + reader->texts->len <= G_MAXUINT32);
      g_string_append_len (sheet->texts, reader->texts->str, (gssize) reader->texts->len);
      for (guint i = 0; i < reader->cells->len; i++)
        {
          Cell cell = g_array_index (reader->cells, Cell, i);

          if (!cell.shared)
            cell.text += base;
          if (sheet->cells->len > 0 &&
              compare_cells (&g_array_index (sheet->cells, Cell, sheet->cells->len - 1),
                             &cell) >= 0)
            sorted = FALSE;
          g_array_append_val (sheet->cells, cell);
          sheet->n_rows = MAX (sheet->n_rows, cell.row + 1);
          sheet->n_columns = MAX (sheet->n_columns, (guint) cell.column + 1);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!sorted)
    sort_cells (sheet->cells);
  return g_steal_pointer (&sheet);
}

void
rapport_sheet_free (RapportSheet *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_ptr_array_unref (self->strings);
  g_array_unref (self->cells);
  g_string_free (self->texts, TRUE);
  g_free (self);
}

const char *
rapport_sheet_get_name (RapportSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
rapport_sheet_get_n_rows (RapportSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
rapport_sheet_get_n_columns (RapportSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/* The index of the first cell at or after @row, @column. */
static guint
lower_bound (RapportSheet *self,
             guint         row,
             guint         column)
{
  guint low = 0;
  guint high = self->cells->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Cell *cell = &g_array_index (self->cells, Cell, middle);

      if (cell->row < row || (cell->row == row && cell->column < column))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static const Cell *
find_cell (RapportSheet *self,
           guint         row,
           guint         column)
{
  guint i = lower_bound (self, row, column);
  const Cell *cell;

  if (i >= self->cells->len)
    return NULL;
  cell = &g_array_index (self->cells, Cell, i);
  return cell->row == row && cell->column == column ? cell : NULL;
}

static const char *
cell_text (RapportSheet *self,
           const Cell   *cell)
{
  return text_of (self->strings, self->texts, cell);
}

const char *
rapport_sheet_get_text (RapportSheet *self,
                        guint         row,
                        guint         column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = find_cell (self, row, column);
  return cell != NULL ? cell_text (self, cell) : NULL;
}

guint
rapport_sheet_find_row (RapportSheet *self,
                        guint         row)
{
  guint i;

  g_return_val_if_fail (self != NULL, 0);

  i = lower_bound (self, row, 0);
  if (i >= self->cells->len)
    return self->n_rows;
  return g_array_index (self->cells, Cell, i).row;
}

gboolean
rapport_sheet_row_has_text (RapportSheet *self,
                            guint         row)
{
  guint first, end;

  g_return_val_if_fail (self != NULL, FALSE);

  first = lower_bound (self, row, 0);
  end = row < G_MAXUINT ? lower_bound (self, row + 1, 0) : self->cells->len;
  if (first == end)
    return FALSE;
  return cells_have_text (self->strings, self->texts,
                          &g_array_index (self->cells, Cell, first), end - first);
}

RapportCellType
rapport_sheet_get_cell_type (RapportSheet *self,
                             guint         row,
                             guint         column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, RAPPORT_CELL_EMPTY);

  cell = find_cell (self, row, column);
  return cell != NULL ? (RapportCellType) cell->type : RAPPORT_CELL_EMPTY;
}

int
rapport_sheet_find_column (RapportSheet       *self,
                           guint               row,
                           const char * const *names)
{
  guint first, end;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  first = lower_bound (self, row, 0);
  end = row < G_MAXUINT ? lower_bound (self, row + 1, 0) : self->cells->len;
  if (first == end)
    return -1;
  return find_name (self->strings, self->texts, &g_array_index (self->cells, Cell, first),
                    end - first, names);
}
