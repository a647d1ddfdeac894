/* rapport-medium-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of Medium's importer share.
 */

#pragma once

#include "core/rapport-import-sink.h"
#include "import/rapport-archive.h"

G_BEGIN_DECLS

/* A page larger than this is no page Medium wrote: a long story takes a few hundred KiB. */
#define RAPPORT_MEDIUM_MAX_PAGE_BYTES ((gsize) 16 << 20)
#define RAPPORT_MEDIUM_MAX_URL_BYTES 2048

/* Whether an element of the name @name holds no text of the page: a script, a style, a
 * noscript or a template. */
gboolean  rapport_medium_is_hidden_element (const char         *name);
/* The handle of a link to a Medium profile, "https://medium.com/@name", or with @publication
 * that of a publication, "https://medium.com/slug"; else NULL. */
char     *rapport_medium_profile_user      (const char         *href,
                                            gboolean            publication);
/* Hands every account that a link of the page @entry names, outside scripts and templates, to
 * @sink as followed, once: @seen holds the handles in lower case.  A page that cannot be read
 * is skipped.  FALSE when the sink fails or the import was cancelled. */
gboolean  rapport_medium_read_following    (RapportArchive     *archive,
                                            const char         *entry,
                                            gboolean            publications,
                                            GHashTable         *seen,
                                            RapportImportSink  *sink,
                                            guint64            *n_records,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
