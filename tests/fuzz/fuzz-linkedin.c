/* fuzz-linkedin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinkedIn's creator analytics importer.  An input that starts like a zip is a whole workbook.
 * Any other is split at a NUL byte into the TOP POSTS and the FOLLOWERS sheet of a workbook
 * whose other parts are given here, stored uncompressed: so the fuzzer works on the sheets'
 * XML, where the importer finds its tables.  The workbook goes into a folder under a 2026 name,
 * so that the account's name is read from it too.
 */

#include "config.h"

#include <string.h>

#include "fuzz-support.h"
#include "import/rapport-linkedin-analytics.h"

#define N_PARTS 4

static const char * const part_names[N_PARTS] = {
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
};

static const char workbook[] =
  "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"TOP POSTS\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"FOLLOWERS\" sheetId=\"2\" r:id=\"rId2\"/>"
  "<sheet name=\"ENGAGEMENT\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>";
static const char relationships[] =
  "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>";

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("linkedin");
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *parts[N_PARTS] = { data, NULL, (const guint8 *) workbook,
                                   (const guint8 *) relationships };
  gsize lengths[N_PARTS] = { size, 0, strlen (workbook), strlen (relationships) };
  const guint8 *book;
  gsize book_size;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    {
      book = data;
      book_size = size;
    }
  else
    {
      const guint8 *nul = memchr (data, '\0', size);

      if (nul != NULL)
        {
          lengths[0] = (gsize) (nul - data);
          parts[1] = nul + 1;
          lengths[1] = size - lengths[0] - 1;
        }
      bytes = fuzz_store_zip (part_names, parts, lengths, N_PARTS);
      book = g_bytes_get_data (bytes, &book_size);
    }

  fuzz_write_file (folder, "AggregateAnalytics_Fuzz_2026-01-01_2026-01-28.xlsx", book,
                   book_size);
  fuzz_run_importer (folder, rapport_linkedin_analytics_import);
  return 0;
}
