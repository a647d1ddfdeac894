/* fuzz-support.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the fuzz targets: a scratch folder per process and a sink that accepts everything.
 */

#pragma once

#include <glib.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A folder of this process, emptied and recreated on each call, named @name. */
char              *fuzz_fresh_folder    (const char   *name);
/* Writes @data to @folder/@relative_path, creating folders on the way. */
void               fuzz_write_file      (const char   *folder,
                                         const char   *relative_path,
                                         const guint8 *data,
                                         gsize         size);
/* A zip of @n_parts entries named @names, each stored (uncompressed) so that a fuzzer works
 * on the bytes it holds; a NULL @contents[i] leaves that entry out. */
GBytes            *fuzz_store_zip       (const char * const   *names,
                                         const guint8 * const *contents,
                                         const gsize          *lengths,
                                         guint                 n_parts);
RapportImportSink *fuzz_null_sink       (void);
/* Runs @import on @path and throws the result away: only crashes and leaks matter. */
void               fuzz_run_importer    (const char   *path,
                                         gboolean    (*import) (RapportArchive *, RapportImportSink *,
                                                                GCancellable *, GError **));

G_END_DECLS
