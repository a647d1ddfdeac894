/* fuzz-medium.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks which page of a Medium export the rest of the input becomes: a story,
 * a draft, a list of followed users or publications, or the profile.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-medium-importer.h"

static const char * const files[] = {
  "posts/2024-03-05_A-Story-1a2b3c4d5e6f.html",
  "posts/draft_A-Draft-0a9b8c7d6e5f.html",
  "users-following/users-following.html",
  "pubs-following/pubs-following.html",
  "profile/profile.html",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;

  if (size < 1)
    return 0;
  folder = fuzz_fresh_folder ("medium-export-2024-06-30");
  fuzz_write_file (folder, files[data[0] % G_N_ELEMENTS (files)], data + 1, size - 1);
  fuzz_run_importer (folder, rapport_medium_import);
  return 0;
}
