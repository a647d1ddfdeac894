/* fuzz-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as an archive: listing and reading every entry.
 */

#include "config.h"

#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("archive");
  g_autofree char *path = g_build_filename (folder, "export.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  const char * const *entries;
  guint n_entries;

  fuzz_write_file (folder, "export.zip", data, size);
  if (!(archive = rapport_archive_open (path, NULL)))
    return 0;
  rapport_archive_set_entry_limit (archive, 16 * 1024 * 1024);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GBytes) bytes = rapport_archive_read (archive, entries[i], NULL, NULL);
    }
  return 0;
}
