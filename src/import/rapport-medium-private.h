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

/* A page read whole (a story, the profile) larger than this is no page Medium wrote: a long
 * story takes a few hundred KiB.  The pages of followed accounts are read as a stream. */
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
 * @sink as followed, as the page is read.  A page that cannot be read is skipped; one that
 * breaks off after some of its accounts were handed over fails the import.  FALSE when the
 * sink or the page fails, or the import was cancelled. */
gboolean  rapport_medium_read_following    (RapportArchive     *archive,
                                            const char         *entry,
                                            gboolean            publications,
                                            RapportImportSink  *sink,
                                            guint64            *n_records,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
