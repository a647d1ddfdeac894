/* rapport-loading-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_LOADING_PAGE (rapport_loading_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportLoadingPage, rapport_loading_page, RAPPORT, LOADING_PAGE, GtkWidget)

GtkWidget  *rapport_loading_page_new             (void);
const char *rapport_loading_page_get_title       (RapportLoadingPage *self);
void        rapport_loading_page_set_title       (RapportLoadingPage *self,
                                                  const char         *title);
const char *rapport_loading_page_get_description (RapportLoadingPage *self);
void        rapport_loading_page_set_description (RapportLoadingPage *self,
                                                  const char         *description);

G_END_DECLS
