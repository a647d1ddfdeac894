/* rapport-xlsx-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sheet read whole into a compact table: the cells that hold a value, sorted by row and
 * column, each pointing at its text in one buffer or at a shared string (a shared string that
 * a million cells use is held once).  Cells are placed by the column letters of their
 * reference (rows skip missing cells); a row without a number follows the one before it, a
 * cell without a reference the cell before it.
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
  guint32 text;  /* else where the text starts in the sheet's buffer */
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

/* The state of a sheet being read. */
typedef struct
{
  RapportXlsx *book;
  RapportSheet *sheet;
  RapportXlsxPart *part;
  guint row;
  guint next_row;
  guint next_column;
  gboolean sorted;

  /* The cell being read. */
  gboolean in_cell;
  gboolean has_value;
  gboolean shared;
  RapportCellType type;
  guint column;
  GString *value;
} SheetReader;

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
set_sheet_error (SheetReader  *reader,
                 GError      **error,
                 const char   *problem,
                 const char   *detail)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: the sheet “%s”: %s “%s”"), reader->book->name, reader->sheet->name,
               problem, detail);
  return FALSE;
}

static gboolean
begin_row (SheetReader  *reader,
           GError      **error)
{
  g_autofree char *number = rapport_xlsx_part_attribute (reader->part, "r");
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
begin_cell (SheetReader  *reader,
            GError      **error)
{
  g_autofree char *reference = rapport_xlsx_part_attribute (reader->part, "r");
  g_autofree char *type = rapport_xlsx_part_attribute (reader->part, "t");
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
  reader->in_cell = !rapport_xlsx_part_is_empty (reader->part);
  return TRUE;
}

static gboolean
end_cell (SheetReader  *reader,
          GError      **error)
{
  RapportSheet *sheet = reader->sheet;
  Cell cell = { 0, };

  reader->in_cell = FALSE;
  if (!reader->has_value)
    return TRUE;

  if (sheet->cells->len >= reader->book->cell_limit)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the sheet “%s” has more than %u cells, which no real export does; "
                     "the file may be damaged or malicious"),
                   reader->book->name, sheet->name, reader->book->cell_limit);
      return FALSE;
    }

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
          value >= sheet->strings->len)
        return set_sheet_error (reader, error, _("a shared string that does not exist"), index);
      cell.shared = TRUE;
      cell.text = (guint32) value;
    }
  else
    {
      gsize len = strlen (reader->value->str);

      /* The part limit (at most 2 GiB of XML) keeps the texts below 4 GiB. */
      g_assert (sheet->texts->len + len + 1 <= G_MAXUINT32);
      cell.text = (guint32) sheet->texts->len;
      g_string_append_len (sheet->texts, reader->value->str, (gssize) len + 1);
    }

  if (sheet->cells->len > 0 &&
      compare_cells (&g_array_index (sheet->cells, Cell, sheet->cells->len - 1), &cell) >= 0)
    reader->sorted = FALSE;
  g_array_append_val (sheet->cells, cell);
  sheet->n_rows = MAX (sheet->n_rows, cell.row + 1);
  sheet->n_columns = MAX (sheet->n_columns, (guint) cell.column + 1);
  return TRUE;
}

/* Cells out of order are sorted; of two cells in one place the last written is kept. */
static void
sort_cells (RapportSheet *sheet)
{
  guint kept = 0;

  /* g_array_sort() is stable: equal cells keep the order they were written in. */
  g_array_sort (sheet->cells, compare_cells);
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      Cell *cell = &g_array_index (sheet->cells, Cell, i);

      if (kept > 0 && compare_cells (&g_array_index (sheet->cells, Cell, kept - 1), cell) == 0)
        kept--;
      g_array_index (sheet->cells, Cell, kept++) = *cell;
    }
  g_array_set_size (sheet->cells, kept);
}

static gboolean
read_cells (SheetReader  *reader,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  RapportXlsxPart *part = reader->part;
  gboolean ok = TRUE;

  while (ok && rapport_xlsx_part_next (part, &local_error))
    {
      const char *element = rapport_xlsx_part_element (part);

      if (g_strcmp0 (element, "row") == 0)
        ok = begin_row (reader, &local_error);
      else if (g_strcmp0 (element, "c") == 0)
        ok = begin_cell (reader, &local_error);
      else if (reader->in_cell && g_strcmp0 (element, "v") == 0)
        ok = reader->has_value = rapport_xlsx_part_read_text (part, FALSE, reader->value,
                                                              &local_error);
      else if (reader->in_cell && g_strcmp0 (element, "is") == 0)
        ok = reader->has_value = rapport_xlsx_part_read_text (part, TRUE, reader->value,
                                                              &local_error);
      else if (reader->in_cell && rapport_xlsx_part_ends (part, "c"))
        ok = end_cell (reader, &local_error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

RapportSheet *
rapport_xlsx_read_sheet (RapportXlsx  *self,
                         guint         index,
                         GError      **error)
{
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GString) value = NULL;
  g_autoptr(GError) local_error = NULL;
  RapportXlsxPart part;
  SheetReader reader = { 0, };
  const char *entry;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rapport_xlsx_load_strings (self, error))
    return NULL;

  sheet = g_new0 (RapportSheet, 1);
  sheet->name = g_strdup (g_ptr_array_index (self->sheet_names, index));
  sheet->strings = g_ptr_array_ref (self->strings);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  sheet->texts = g_string_new (NULL);

  entry = g_ptr_array_index (self->sheet_entries, index);
  if (entry == NULL || !rapport_xlsx_part_open (&part, self, entry, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                     _("%s: the sheet “%s” is named in the workbook but missing"), self->name,
                     sheet->name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  value = g_string_new (NULL);
  reader.book = self;
  reader.sheet = sheet;
  reader.part = &part;
  reader.sorted = TRUE;
  reader.value = value;
  ok = read_cells (&reader, error);
  rapport_xlsx_part_close (&part);
  if (!ok)
    return NULL;

  if (!reader.sorted)
    sort_cells (sheet);
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
  if (cell->shared)
    return g_ptr_array_index (self->strings, cell->text);
  return self->texts->str + cell->text;
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
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = lower_bound (self, row, 0); i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);

      if (cell->row != row)
        break;
      if (*cell_text (self, cell) != '\0')
        return TRUE;
    }
  return FALSE;
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
  g_autofree const char **texts = NULL;
  guint first, end, n_texts;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  first = lower_bound (self, row, 0);
  end = row < G_MAXUINT ? lower_bound (self, row + 1, 0) : self->cells->len;
  if (first == end)
    return -1;

  n_texts = (guint) g_array_index (self->cells, Cell, end - 1).column + 1;
  texts = g_new0 (const char *, n_texts);
  for (guint i = first; i < end; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);

      texts[cell->column] = cell_text (self, cell);
    }

  return rapport_csv_find_name (texts, n_texts, names);
}
