/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader in both ways of reading a file: one table, and blocks with backslash escapes;
 * and the number helpers on every field.
 */

#include "config.h"

#include "core/rapport-numbers.h"
#include "fuzz-support.h"
#include "import/rapport-csv.h"

static void
read_fields (RapportCsvReader *reader)
{
  for (guint i = 0; i <= rapport_csv_reader_get_n_fields (reader); i++)
    {
      const char *field = rapport_csv_reader_get_field (reader, i);
      double percent;

      rapport_value_is_missing (field);
      rapport_count_or_unknown (field);
      rapport_parse_percent (field, &percent, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const names[] = { "Date", "Datum", "Tweet id", NULL };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (bytes, "fuzz.csv");
  g_autoptr(RapportCsvReader) blocks =
    rapport_csv_reader_new_full (bytes, "fuzz.csv", RAPPORT_CSV_BACKSLASH_ESCAPES);
  int column;

  if (rapport_csv_reader_read_header (reader, NULL))
    {
      column = rapport_csv_reader_find_column (reader, "Tweet id");
      while (rapport_csv_reader_next (reader, NULL))
        {
          read_fields (reader);
          rapport_csv_reader_get_column (reader, column);
        }
    }

  while (rapport_csv_reader_next_block (blocks, NULL))
    {
      const char * const *header = rapport_csv_reader_get_header (blocks);

      g_assert (header != NULL);
      rapport_csv_reader_get_title (blocks);
      column = rapport_csv_reader_find_column_any (blocks, names);
      while (rapport_csv_reader_next (blocks, NULL))
        rapport_csv_reader_get_column (blocks, column);
    }
  return 0;
}
