/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-csv.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (bytes, "fuzz.csv");
  int column;

  if (!rapport_csv_reader_read_header (reader, NULL))
    return 0;
  column = rapport_csv_reader_find_column (reader, "Tweet id");
  while (rapport_csv_reader_next (reader, NULL))
    {
      for (guint i = 0; i <= rapport_csv_reader_get_n_fields (reader); i++)
        rapport_csv_reader_get_field (reader, i);
      rapport_csv_reader_get_column (reader, column);
    }
  return 0;
}
