/* rapport-thumbnail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pictures of posts, made at import from the pictures in the export and kept in the
 * database (rapport_store_import_set_thumbnail()), so that they outlive the export.  The only
 * part below ui/ that decodes pictures, with gdk-pixbuf (a dependency of GTK, not GTK itself):
 * the store keeps bytes, the importers name entries, and nothing else links a decoder.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

/* The longer side of a thumbnail, in pixels. */
#define RAPPORT_THUMBNAIL_MAX_SIZE 160
/* What a picture may be before it is refused unread: its file size, each side and the pixels
 * in all, read from its header before any decoder sees it. */
#define RAPPORT_THUMBNAIL_MAX_FILE_SIZE (G_GUINT64_CONSTANT (32) << 20)
#define RAPPORT_THUMBNAIL_MAX_SIDE 20000
#define RAPPORT_THUMBNAIL_MAX_PIXELS (G_GUINT64_CONSTANT (100) * 1000 * 1000)

typedef struct
{
  const char *mime_type; /* "image/jpeg", or "image/png" for a picture with transparency */
  guint width;
  guint height;
  GBytes *data;
} RapportThumbnail;

/* The thumbnail of the JPEG, PNG or WebP picture @picture, at most RAPPORT_THUMBNAIL_MAX_SIZE
 * pixels a side.  Errors (RAPPORT_IMPORT_ERROR_MALFORMED or _TOO_LARGE) say what is wrong with
 * the picture, without naming it. */
RapportThumbnail *rapport_thumbnail_new   (GBytes               *picture,
                                           GError              **error);
void              rapport_thumbnail_free  (RapportThumbnail     *thumbnail);
/* Makes the thumbnails of the pictures @import's importer named, read from @archive, and
 * keeps them in @import.  A picture that cannot be read is skipped with the reason, through
 * the import's sink; only the store's errors and cancelling fail. */
gboolean          rapport_thumbnail_import (RapportStoreImport  *import,
                                            RapportArchive      *archive,
                                            GCancellable        *cancellable,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportThumbnail, rapport_thumbnail_free)

G_END_DECLS
