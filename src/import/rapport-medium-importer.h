/* rapport-medium-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Medium's "Download your information": a zip of HTML pages.  Its published stories
 * (posts/) become text posts, the users and publications it follows (users-following/,
 * pubs-following/) the following list.  It has no followers list and no counts.
 */

#pragma once

#include "core/rapport-import-sink.h"
#include "import/rapport-archive.h"

G_BEGIN_DECLS

gboolean rapport_medium_recognizes (RapportArchive     *archive);
gboolean rapport_medium_import     (RapportArchive     *archive,
                                    RapportImportSink  *sink,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* The story id a story's address ends in ("…/my-story-1a2b3c4d5e6f", "…/p/1a2b3c4d5e6f"), or
 * in a story file's name ("2024-03-05_My-Story-1a2b3c4d5e6f.html"); else NULL. */
char    *rapport_medium_story_id   (const char         *url_or_name);

G_END_DECLS
