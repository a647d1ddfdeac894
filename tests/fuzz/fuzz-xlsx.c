/* fuzz-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX reader.  An input that starts like a zip is a whole workbook.  Any other is split at
 * NUL bytes into a sheet, the shared strings, the workbook and its relationships, which are
 * stored uncompressed in a zip here: so the fuzzer works on the XML, not on deflated bytes.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-numbers.h"
#include "fuzz-support.h"
#include "import/rapport-xlsx.h"

#define N_PARTS 4
#define MAX_SHEETS 4
#define MAX_ROWS 64
#define MAX_COLUMNS 32

static const char * const part_names[N_PARTS] = {
  "xl/worksheets/sheet1.xml",
  "xl/sharedStrings.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
};

/* Used when the input has fewer parts: the sheet, a sheet named but missing, a sheet without
 * relationship. */
static const char default_workbook[] =
  "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"Gone\" sheetId=\"3\" r:id=\"rId2\"/><sheet name=\"None\" r:id=\"rId9\"/>"
  "</sheets></workbook>";
static const char default_relationships[] =
  "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";

static GBytes *
store_parts (const guint8 *data,
             size_t        size)
{
  const guint8 *parts[N_PARTS] = { NULL, };
  gsize lengths[N_PARTS] = { 0, };
  guint n = 0;

  parts[n] = data;
  for (gsize i = 0; i < size && n + 1 < N_PARTS; i++)
    {
      if (data[i] != '\0')
        continue;
      lengths[n] = (gsize) (data + i - parts[n]);
      parts[++n] = data + i + 1;
    }
  lengths[n] = (gsize) (data + size - parts[n]);
  for (n = n + 1; n < N_PARTS; n++)
    {
      if (n == 1)
        continue;
      parts[n] = (const guint8 *) (n == 2 ? default_workbook : default_relationships);
      lengths[n] = strlen ((const char *) parts[n]);
    }

  return fuzz_store_zip (part_names, parts, lengths, N_PARTS);
}

static void
read_sheet (RapportSheet *sheet)
{
  static const char * const names[] = { "Date", "Datum", NULL };
  guint n_rows = MIN (rapport_sheet_get_n_rows (sheet), MAX_ROWS);
  guint n_columns = MIN (rapport_sheet_get_n_columns (sheet), MAX_COLUMNS);

  for (guint row = 0; row < n_rows; row++)
    {
      rapport_sheet_find_column (sheet, row, names);
      for (guint column = 0; column < n_columns; column++)
        {
          const char *text = rapport_sheet_get_text (sheet, row, column);
          gint64 value;
          double percent;

          rapport_sheet_get_cell_type (sheet, row, column);
          if (text == NULL)
            continue;
          g_assert (g_utf8_validate (text, -1, NULL));
          rapport_xlsx_parse_serial_date (text, &value);
          rapport_count_or_unknown (text);
          rapport_parse_percent (text, &percent, NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportXlsx) book = NULL;
  const char * const *names;
  guint n_sheets;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else
    bytes = store_parts (data, size);

  if (!(book = rapport_xlsx_open_bytes (bytes, "fuzz.xlsx", NULL)))
    return 0;
  rapport_xlsx_set_limits (book, 4 << 20, 100000);

  names = rapport_xlsx_get_sheet_names (book, &n_sheets);
  for (guint i = 0; i < n_sheets && i < MAX_SHEETS; i++)
    {
      g_autoptr(RapportSheet) sheet = rapport_xlsx_read_sheet (book, i, NULL);

      g_assert (rapport_xlsx_find_sheet (book, names[i]) >= 0);
      if (sheet != NULL)
        read_sheet (sheet);
    }
  return 0;
}
