/* rapport-posts-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_POSTS_PAGE (rapport_posts_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportPostsPage, rapport_posts_page, RAPPORT, POSTS_PAGE, AdwBreakpointBin)

RapportAnalysis *rapport_posts_page_get_analysis (RapportPostsPage   *self);
void             rapport_posts_page_set_analysis (RapportPostsPage   *self,
                                                  RapportAnalysis    *analysis);
/* Shows only the posts with these platform ids (RapportDatasetPost.platform_id), under
 * @title, with a button back to all posts. */
void             rapport_posts_page_show_posts   (RapportPostsPage   *self,
                                                  const char         *title,
                                                  const char * const *platform_ids);
/* Back to all posts. */
void             rapport_posts_page_show_all     (RapportPostsPage   *self);

G_END_DECLS
