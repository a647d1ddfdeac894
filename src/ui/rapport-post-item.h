/* rapport-post-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_POST_ITEM (rapport_post_item_get_type ())

G_DECLARE_FINAL_TYPE (RapportPostItem, rapport_post_item, RAPPORT, POST_ITEM, GObject)

/* The row of @engagement's post, named by @account ("@mira.makes"); keeps @analysis, which
 * owns the post, alive. */
RapportPostItem *rapport_post_item_new (RapportAnalysis             *analysis,
                                        const RapportPostEngagement *engagement,
                                        const char                  *account);

const RapportDatasetPost    *rapport_post_item_get_post       (RapportPostItem *self);
const RapportPostEngagement *rapport_post_item_get_engagement (RapportPostItem *self);
const char                  *rapport_post_item_get_account    (RapportPostItem *self);
/* The handles the post's account knows for ids (RapportDataset.names): Bluesky's posts mention
 * accounts by DID.  NULL where mentions are handles. */
const RapportPeople         *rapport_post_item_get_names      (RapportPostItem *self);

/* Why the post's engagement rate is flagged (above 100 %, or over a rebuilt count under
 * RAPPORT_HEADLINE_MIN_FOLLOWERS), NULL when it is not. */
char                        *rapport_post_item_dup_rate_flag  (RapportPostItem *self);

/* The post's thumbnail; NULL when it has none or until it is read: the first call asks a
 * worker for it, and :thumbnail is notified when it is there. */
GdkPaintable                *rapport_post_item_get_thumbnail  (RapportPostItem *self);

/* A new texture of @post's thumbnail, read from @analysis's store, or NULL when it has none:
 * for the places that show one post (the Overview's read-out, the coach's evidence). */
GdkPaintable *rapport_post_thumbnail_new (RapportAnalysis          *analysis,
                                          const RapportDatasetPost *post);

/* Whether any post of @analysis's accounts has a thumbnail: without one, no picture column. */
gboolean rapport_posts_have_thumbnails (RapportAnalysis *analysis);

/* @text on one line: runs of white space (new lines too) as one space, cut after about 300
 * bytes; "" for NULL. */
char *rapport_post_text_line (const char *text);

/* The cells of the posts' tables, as closures of their templates (the first argument unused):
 * a day, a count ("–" when unknown) and a percentage. */
char *rapport_post_format_day   (gpointer unused,
                                 gint64   t);
char *rapport_post_format_count (gpointer unused,
                                 gint64   count);
char *rapport_post_format_rate  (gpointer unused,
                                 double   rate);

/* A post type's translated name, "Reel". */
const char *rapport_post_type_name (RapportPostType type);

G_END_DECLS
