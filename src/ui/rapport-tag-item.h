/* rapport-tag-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "analysis/rapport-hashtags.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TAG_ITEM (rapport_tag_item_get_type ())

G_DECLARE_FINAL_TYPE (RapportTagItem, rapport_tag_item, RAPPORT, TAG_ITEM, GObject)

/* A row of @uplift's figures; NAN stands for unknown. */
RapportTagItem *rapport_tag_item_new        (const RapportTagUplift *uplift);
/* A sorter of tag items by their @property: "tag" by name; "n" and "confidence" by value;
 * "median-with", "median-without", "uplift" and "p-value" by value, unknown after known. */
GtkSorter      *rapport_tag_item_sorter_new (const char             *property);

G_END_DECLS
