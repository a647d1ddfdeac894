/* fuzz-threads.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks which file of the Threads part of an Instagram export the rest of the
 * input becomes.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-threads-importer.h"

static const char * const files[] = {
  "your_instagram_activity/threads/threads_and_replies.json",
  "your_instagram_activity/threads/followers_1.json",
  "your_instagram_activity/threads/following.json",
  "your_instagram_activity/threads/liked_threads.json",
  "your_instagram_activity/threads/personal_information.json",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* The name gives the importer its user name, so every file gets parsed. */
  g_autofree char *folder = fuzz_fresh_folder ("instagram-fuzzer-2024-05-01-abc");
  const char *pick;

  if (size < 1)
    return 0;
  pick = files[data[0] % G_N_ELEMENTS (files)];
  fuzz_write_file (folder, pick, data + 1, size - 1);
  fuzz_run_importer (folder, rapport_threads_import);
  return 0;
}
