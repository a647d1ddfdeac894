/* rapport-posts-best.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ui/rapport-post-item.h"
#include "ui/rapport-posts-best.h"

RapportBestBy
rapport_posts_best_by (GListModel *posts)
{
  RapportBestBy by = RAPPORT_BEST_BY_NONE;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (posts), RAPPORT_BEST_BY_NONE);

  n_items = g_list_model_get_n_items (posts);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RapportPostItem) item = g_list_model_get_item (posts, i);
      const RapportPostEngagement *engagement = rapport_post_item_get_engagement (item);

      if (!isnan (engagement->rate))
        return RAPPORT_BEST_BY_RATE;
      if (engagement->interactions >= 0)
        by = RAPPORT_BEST_BY_INTERACTIONS;
    }
  return by;
}

void
rapport_posts_best_apply (GtkColumnView       *view,
                          GListModel          *posts,
                          gboolean             active,
                          GtkColumnViewColumn *rate_column,
                          GtkColumnViewColumn *interactions_column,
                          GtkColumnViewColumn *date_column,
                          GtkLabel            *caption)
{
  RapportBestBy by = active ? rapport_posts_best_by (posts) : RAPPORT_BEST_BY_NONE;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  switch (by)
    {
    case RAPPORT_BEST_BY_RATE:
      gtk_column_view_sort_by_column (view, rate_column, GTK_SORT_DESCENDING);
      gtk_label_set_label (caption, _("Best posts by engagement rate"));
      break;

    case RAPPORT_BEST_BY_INTERACTIONS:
      gtk_column_view_sort_by_column (view, interactions_column, GTK_SORT_DESCENDING);
      gtk_label_set_label (caption, _("Best posts by interactions: the exports give no "
                                      "follower counts for engagement rates"));
      break;

    case RAPPORT_BEST_BY_NONE:
    default:
      gtk_column_view_sort_by_column (view, date_column, GTK_SORT_DESCENDING);
      gtk_label_set_label (caption, active ? _("No post has likes, comments or shares to "
                                               "rank it by")
                                           : "");
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (caption), active);
}
