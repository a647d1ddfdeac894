/* rapport-tiktok-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests and the fuzz target, which need the long lists of small exports read in batches.
 */

#pragma once

#include "rapport-tiktok-importer.h"

G_BEGIN_DECLS

/* Lists longer than this are read in batches instead of as part of the document's tree. */
#define RAPPORT_TIKTOK_LONG_LIST_BYTES (64 << 10)

/* rapport_tiktok_import() with lists longer than @long_list_bytes read in batches. */
gboolean rapport_tiktok_import_with_limit (RapportArchive     *archive,
                                           RapportImportSink  *sink,
                                           gsize               long_list_bytes,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
