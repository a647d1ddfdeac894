/* rapport-post-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

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

/* A post type's translated name, "Reel". */
const char *rapport_post_type_name (RapportPostType type);

G_END_DECLS
