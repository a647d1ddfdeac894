/* rapport-import-job.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One import from start to end: open the export, recognise it, skip it when it is already
 * stored, run its importer into one store transaction.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

typedef gboolean (*RapportImportFunc) (RapportArchive     *archive,
                                       RapportImportSink  *sink,
                                       GCancellable       *cancellable,
                                       GError            **error);

/* Which platform's export @archive is; an unrecognised one fails with a message that lists
 * what was found and which exports Rapport reads. */
RapportPlatform rapport_import_detect       (RapportArchive        *archive,
                                             RapportImportFunc     *import_func,
                                             GError               **error);
/* Imports @path.  An export that is already stored fails with RAPPORT_STORE_ERROR_DUPLICATE
 * and fills @summary from the earlier import. */
gboolean        rapport_import_path         (RapportStore          *store,
                                             const char            *path,
                                             RapportImportSummary  *summary,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* The same, telling @progress_func (in this thread) what is being read. */
gboolean        rapport_import_path_full    (RapportStore          *store,
                                             const char            *path,
                                             RapportImportProgressFunc progress_func,
                                             gpointer               progress_data,
                                             RapportImportSummary  *summary,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* The same for the parts of one export, NULL-terminated in the order of their parts (see
 * rapport_archive_open_many()): one snapshot of all of them, known again by the bytes of
 * every part.  Parts that are separate exports fail with
 * RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS before anything is stored. */
gboolean        rapport_import_paths_full   (RapportStore          *store,
                                             const char * const    *paths,
                                             RapportImportProgressFunc progress_func,
                                             gpointer               progress_data,
                                             RapportImportSummary  *summary,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* "Instagram · @jo · exported 31 Jul 2022 · 1,204 followers, 318 posts", for toasts and the
 * command line, followed by "; Threads · @jo · 40 followers, 12 posts" when the export held a
 * second account; the accounts' names with their control characters escaped (see
 * rapport_escape_for_terminal()), and not markup. */
char           *rapport_import_summary_describe (const RapportImportSummary *summary);
/* What an export brought besides its lists: "5 posts, 3 reels, 1,882 stories, 2 archived",
 * "no posts, 60 days of follower history", or "no posts". */
char           *rapport_snapshot_describe_contents (const RapportSnapshot *snapshot);
/* "This export has no list of followers: request them in …", or NULL when nothing an export
 * of the platform can hold is missing. */
char           *rapport_import_summary_describe_missing (const RapportImportSummary *summary);

G_END_DECLS
