/* fuzz-bluesky.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks whether the rest of the input is a whole repository (repo.car, read by
 * the importer: CAR reader, tree walk, records) or one DAG-CBOR value for the decoder alone.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-bluesky-importer.h"
#include "import/rapport-cbor.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (size < 1)
    return 0;
  if (data[0] % 2 == 1)
    {
      g_autoptr(RapportCborValue) value = rapport_cbor_decode (data + 1, size - 1, NULL, NULL);
      g_autofree char *type = rapport_cbor_dup_string (value, "$type");

      return 0;
    }
  folder = fuzz_fresh_folder ("bluesky");
  fuzz_write_file (folder, "repo.car", data + 1, size - 1);
  path = g_build_filename (folder, "repo.car", NULL);
  fuzz_run_importer (path, rapport_bluesky_import);
  return 0;
}
