/* fuzz-linkedin-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinkedIn's member data export.  The first byte picks which of its files the rest of the
 * input becomes, beside a Profile.csv given here so that the export is always recognized and
 * every file is read: the notes above Connections.csv's header, Comments.csv's backslash
 * escapes, the UTF-16 and tab-separated Shares.csv of 2018 all come from the input.
 */

#include "config.h"

#include <string.h>

#include "fuzz-support.h"
#include "import/rapport-linkedin-member.h"

static const char * const files[] = {
  "Connections.csv",
  "Shares.csv",
  "Comments.csv",
  "Reactions.csv",
  "Profile.csv",
};

static const char profile[] = "First Name,Last Name,Headline\nJo,Doe,Potter\n";

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;
  const char *pick;

  if (size < 1)
    return 0;
  folder = fuzz_fresh_folder ("Basic_LinkedInDataExport_05-30-2024");
  pick = files[data[0] % G_N_ELEMENTS (files)];
  if (strcmp (pick, "Profile.csv") != 0)
    fuzz_write_file (folder, "Profile.csv", (const guint8 *) profile, strlen (profile));
  fuzz_write_file (folder, pick, data + 1, size - 1);
  fuzz_run_importer (folder, rapport_linkedin_member_import);
  return 0;
}
