/* fuzz-instagram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks which file of an Instagram export the rest of the input becomes.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-instagram-importer.h"

static const char * const files[] = {
  "connections/followers_and_following/followers_1.json",
  "connections/followers_and_following/following.json",
  "your_instagram_activity/content/posts_1.json",
  "your_instagram_activity/media/reels.json",
  "your_instagram_activity/media/stories.json",
  "logged_information/past_instagram_insights/posts.json",
  "logged_information/past_instagram_insights/audience_insights.json",
  "personal_information/personal_information/personal_information.json",
  "your_instagram_activity/comments/post_comments_1.json",
  "your_instagram_activity/likes/liked_posts.json",
  "connections/followers_and_following/followers_1.html",
  "connections.json",
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
  fuzz_run_importer (folder, rapport_instagram_import);
  return 0;
}
