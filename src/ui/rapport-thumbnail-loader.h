/* rapport-thumbnail-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thumbnails of an analysis's posts, read off the main thread: the rows and the read-out
 * ask for the pictures they show, the asks of one frame go to a worker together, which reads
 * them on a store connection of its own and decodes them, and each comes back to whoever
 * asked, if it is still there.  A picture read once is kept for the analysis's life.
 */

#pragma once

#include <gtk/gtk.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_THUMBNAIL_LOADER (rapport_thumbnail_loader_get_type ())

G_DECLARE_FINAL_TYPE (RapportThumbnailLoader, rapport_thumbnail_loader, RAPPORT,
                      THUMBNAIL_LOADER, GObject)

/* Called on the main thread with the picture (NULL: the post has none, or it is unreadable). */
typedef void (*RapportThumbnailReady) (GObject      *receiver,
                                       gint64        post_id,
                                       GdkPaintable *picture);

/* The loader of @analysis's store, made on first use and kept with the analysis: borrowed. */
RapportThumbnailLoader *rapport_thumbnail_loader_get     (RapportAnalysis        *analysis);
/* Whether the picture of @post_id was read: then *@picture (borrowed) is it, or NULL. */
gboolean                rapport_thumbnail_loader_lookup  (RapportThumbnailLoader *self,
                                                          gint64                  post_id,
                                                          GdkPaintable          **picture);
/* Reads the picture of @post_id in a worker and hands it to @ready with @receiver, unless
 * @receiver is finalized by then. */
void                    rapport_thumbnail_loader_request (RapportThumbnailLoader *self,
                                                          gint64                  post_id,
                                                          GObject                *receiver,
                                                          RapportThumbnailReady   ready);

G_END_DECLS
