/* fuzz-mastodon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input becomes every file of a Mastodon archive at once (actor.json, outbox.json,
 * likes.json, following_accounts.csv), so that a fixture read as a seed reaches the reader
 * of its kind; then following_accounts.csv alone, which a broken JSON file would stop before.
 * The HTML converter and the URL reader of the ActivityStreams reader take it as text too.
 */

#include "config.h"

#include "core/rapport-text.h"
#include "fuzz-support.h"
#include "import/rapport-mastodon-private.h"

static const char * const files[] = {
  "actor.json", "outbox.json", "likes.json", "following_accounts.csv",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *handle = NULL;

  folder = fuzz_fresh_folder ("archive-20260412094512-5f3c2a1b");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    fuzz_write_file (folder, files[i], data, size);
  fuzz_run_importer (folder, rapport_mastodon_import);

  g_free (folder);
  folder = fuzz_fresh_folder ("mastodon-csv");
  fuzz_write_file (folder, "following_accounts.csv", data, size);
  fuzz_run_importer (folder, rapport_mastodon_import);

  text = g_strndup ((const char *) data, size);
  plain = rapport_text_from_html (text);
  handle = rapport_mastodon_handle_of_url (text);
  return 0;
}
