/* fuzz-tiktok.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-tiktok-importer.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("tiktok");

  fuzz_write_file (folder, "user_data_tiktok.json", data, size);
  fuzz_run_importer (folder, rapport_tiktok_import);
  return 0;
}
