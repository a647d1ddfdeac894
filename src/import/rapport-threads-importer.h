/* rapport-threads-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Threads' part of Meta's Instagram export (your_instagram_activity/threads/): the account's
 * threads and replies, its followers and the accounts it follows, and the threads it liked.
 * An Instagram export that holds it imports as two accounts (see rapport-import-job.c); one
 * with nothing of Instagram's own imports as the Threads account alone.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

/* Whether @archive holds files of the Threads part that the importer reads. */
gboolean rapport_threads_recognizes       (RapportArchive     *archive);
/* The same, and nothing of Instagram's own that its importer would read: the creator asked
 * for the Threads part alone, maybe with the profile. */
gboolean rapport_threads_recognizes_alone (RapportArchive     *archive);
gboolean rapport_threads_import           (RapportArchive     *archive,
                                           RapportImportSink  *sink,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
