/* rapport-post-details.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "analysis/rapport-engagement.h"

G_BEGIN_DECLS

/* Empties @list and adds a row for each count the export gave and for the rates. */
void rapport_post_details_fill_counts  (GtkListBox                  *list,
                                        const RapportDatasetPost    *post,
                                        const RapportPostEngagement *engagement);
/* @words each after @prefix, or a dimmed "None". */
void rapport_post_details_set_words    (GtkLabel                    *label,
                                        char                       **words,
                                        const char                  *prefix);
/* The accounts a post mentions: "@handle", where @names (RapportDataset.names, or NULL where
 * mentions are handles) knows the handle of an id; an id without one shortened
 * (rapport_format_short_id()), with every id in full in the tooltip. */
void rapport_post_details_set_mentions (GtkLabel                    *label,
                                        char                       **mentions,
                                        const RapportPeople         *names);

G_END_DECLS
