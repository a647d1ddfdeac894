/* fuzz-facebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input becomes every file of a Facebook export at once (profile, followers, who was
 * followed, friends, posts), so that a fixture read as a seed reaches the reader of its kind;
 * then a 2026 list of label_values records alone, which a broken file above would stop before.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-facebook-importer.h"

static const char * const files[] = {
  "personal_information/profile_information/profile_information.json",
  "connections/followers/people_who_followed_you.json",
  "connections/followers/who_you've_followed.json",
  "connections/friends/your_friends.json",
  "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;

  folder = fuzz_fresh_folder ("facebook-jo-2024-06-01-aB3dE5f");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    fuzz_write_file (folder, files[i], data, size);
  fuzz_run_importer (folder, rapport_facebook_import);

  g_free (folder);
  folder = fuzz_fresh_folder ("facebook-2026");
  fuzz_write_file (folder, "this_profile's_activity_across_facebook/friends/your_friends.json",
                   data, size);
  fuzz_run_importer (folder, rapport_facebook_import);
  return 0;
}
