/* fuzz-meta.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's exports: the bytes as a per-metric daily file alone, and as the posts
 * CSV and Follows.csv of one folder, read as Instagram's and as Facebook's.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-meta-analytics.h"
#include "import/rapport-meta-daily.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("meta");
  g_autofree char *follows = NULL;

  fuzz_write_file (folder, "Follows.csv", data, size);
  follows = g_build_filename (folder, "Follows.csv", NULL);
  fuzz_run_importer (follows, rapport_meta_daily_import);

  fuzz_write_file (folder, "posts.csv", data, size);
  fuzz_run_importer (folder, rapport_meta_analytics_import);
  fuzz_run_importer (folder, rapport_meta_analytics_import_facebook);
  return 0;
}
