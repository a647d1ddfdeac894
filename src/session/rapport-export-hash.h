/* rapport-export-hash.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two hashes that identify an export: one of samples, at once, and one of every byte, in a
 * thread while the export imports.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"

G_BEGIN_DECLS

typedef struct _RapportExportHash RapportExportHash;

/* A hex digest of the export's size and samples of its content; of an export in parts
 * (rapport_archive_open_many()), of each part in order. */
char              *rapport_export_sample_hash (RapportArchive     *archive,
                                               GCancellable       *cancellable,
                                               GError            **error);
/* Starts hashing every byte of the files or folders at @paths (regular files only, links not
 * followed) in a thread: NULL-terminated, one path or the parts of one export in order. */
RapportExportHash *rapport_export_hash_start  (const char * const *paths,
                                               GCancellable       *cancellable);
/* Waits for the thread: the hex digest, or NULL with @error set.  Frees @hash. */
char              *rapport_export_hash_finish (RapportExportHash  *hash,
                                               GError            **error);
/* Stops the thread, waits for it and frees @hash; NULL is ignored. */
void               rapport_export_hash_abandon (RapportExportHash *hash);

G_END_DECLS
