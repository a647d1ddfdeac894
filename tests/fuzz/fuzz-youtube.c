/* fuzz-youtube.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks which file of a YouTube Takeout or Studio export the rest of the input
 * becomes; both importers read it.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-youtube-importer.h"

static const char * const files[] = {
  "Takeout/YouTube and YouTube Music/channels/channel.csv",
  "Takeout/YouTube and YouTube Music/video metadata/videos.csv",
  "Takeout/YouTube and YouTube Music/videos/Video Metadata.csv",
  "Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv",
  "Table data.csv",
  "Chart data.csv",
  "Totals.csv",
  "Subscribers.csv",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;
  const char *pick;

  if (size < 1)
    return 0;
  folder = fuzz_fresh_folder ("Content 2024-09-01_2024-09-30 Fuzz");
  pick = files[data[0] % G_N_ELEMENTS (files)];
  fuzz_write_file (folder, pick, data + 1, size - 1);
  fuzz_run_importer (folder, rapport_youtube_import);
  fuzz_run_importer (folder, rapport_youtube_studio_import);
  return 0;
}
