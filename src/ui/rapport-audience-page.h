/* rapport-audience-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_AUDIENCE_PAGE (rapport_audience_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportAudiencePage, rapport_audience_page, RAPPORT, AUDIENCE_PAGE,
                      AdwBreakpointBin)

RapportAnalysis *rapport_audience_page_get_analysis  (RapportAudiencePage  *self);
void             rapport_audience_page_set_analysis  (RapportAudiencePage  *self,
                                                      RapportAnalysis      *analysis);
/* Shows just the accounts named by their 'who' as a segment of its own, titled @title, until
 * another analysis is shown.  Does nothing for all accounts. */
void             rapport_audience_page_show_accounts (RapportAudiencePage  *self,
                                                      const char           *title,
                                                      const char * const   *whos);
/* Selects the segment named @name ("mutuals", "not-following-back", "fans", "new", "lost",
 * "dropped-after-follow-back"); FALSE when there is none by that name, or no lists yet. */
gboolean         rapport_audience_page_show_segment  (RapportAudiencePage  *self,
                                                      const char           *name);
/* Shows the segment @name of the account @account_id: now if the page shows its lists, else
 * as soon as it does, unless another account's analysis comes first. */
void             rapport_audience_page_show_account_segment (RapportAudiencePage *self,
                                                             gint64               account_id,
                                                             const char          *name);
/* Writes the rows shown now as CSV into @file, in a thread ("Export Segment as CSV…" after its
 * file dialog). */
void             rapport_audience_page_export_async  (RapportAudiencePage  *self,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         rapport_audience_page_export_finish (RapportAudiencePage  *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
