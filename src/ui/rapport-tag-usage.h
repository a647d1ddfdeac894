/* rapport-tag-usage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows of the Hashtags page that need no engagement rate: how often and when each tag was
 * used, and how many posts carry how many tags.  They are the page's true view when no post
 * has a rate.
 */

#pragma once

#include <adwaita.h>

#include "analysis/rapport-hashtags.h"

G_BEGIN_DECLS

/* "No tags", "1–2 tags", …: the title of a bucket of tags per post. */
const char *rapport_tag_bucket_title    (RapportTagBucketKind        kind);

/* Replaces the rows of @list by one per tag of @hashtags' usage, most used first, at most
 * @max_rows and then a row that counts the rest. */
void        rapport_tag_usage_fill      (GtkListBox                 *list,
                                         const RapportHashtagReport *hashtags,
                                         guint                       max_rows);

/* Replaces the rows of @list by one per bucket of tags per post, with the number of posts in
 * it (RapportHashtagReport.bucket_posts), for an account without rates. */
void        rapport_tag_usage_fill_buckets (GtkListBox                 *list,
                                            const RapportHashtagReport *hashtags);

G_END_DECLS
