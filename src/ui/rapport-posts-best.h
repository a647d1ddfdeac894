/* rapport-posts-best.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Posts page's "Best posts" view: the table sorted by engagement rate, or by interactions
 * where the exports give no rates, with a line that says which.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_BEST_BY_NONE,         /* no post has a rate or a count */
  RAPPORT_BEST_BY_RATE,
  RAPPORT_BEST_BY_INTERACTIONS,
} RapportBestBy;

/* What the best of @posts (RapportPostItem) are ranked by: the rate where any post has one. */
RapportBestBy rapport_posts_best_by    (GListModel          *posts);
/* Sorts @view for the best posts when @active (by @rate_column or @interactions_column,
 * descending), else newest first by @date_column, and says in @caption which. */
void          rapport_posts_best_apply (GtkColumnView       *view,
                                        GListModel          *posts,
                                        gboolean             active,
                                        GtkColumnViewColumn *rate_column,
                                        GtkColumnViewColumn *interactions_column,
                                        GtkColumnViewColumn *date_column,
                                        GtkLabel            *caption);

G_END_DECLS
