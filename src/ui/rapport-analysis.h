/* rapport-analysis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pages of the window show: for one account, its dataset, the report computed from it
 * and the coach's suggestions; for all accounts, one such analysis per account.  Loaded off the
 * main thread with its own store connection, then read-only, except for the suggestions' state.
 */

#pragma once

#include <gio/gio.h>

#include "analysis/rapport-report.h"
#include "coach/rapport-coach.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ANALYSIS (rapport_analysis_get_type ())

G_DECLARE_FINAL_TYPE (RapportAnalysis, rapport_analysis, RAPPORT, ANALYSIS, GObject)

/* The blocking core: @account_id 0 loads every account. */
RapportAnalysis      *rapport_analysis_load                  (RapportStore          *store,
                                                              gint64                 account_id,
                                                              GCancellable          *cancellable,
                                                              GError               **error);
/* The same in a thread, on a second connection to @store's database. */
void                  rapport_analysis_load_async            (RapportStore          *store,
                                                              gint64                 account_id,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
RapportAnalysis      *rapport_analysis_load_finish           (GAsyncResult          *result,
                                                              GError               **error);

/* The store of the window (not the loading thread's connection), for writes such as
 * suggestion state and for loading more. */
RapportStore         *rapport_analysis_get_store             (RapportAnalysis       *self);
/* 0 for all accounts. */
gint64                rapport_analysis_get_account_id        (RapportAnalysis       *self);
gboolean              rapport_analysis_is_all_accounts       (RapportAnalysis       *self);
/* "all", or the account id in decimal: the scope of suggestion state in the store. */
const char           *rapport_analysis_get_scope             (RapportAnalysis       *self);
/* "@jo.doe" for an account, "All Accounts" otherwise (translated). */
const char           *rapport_analysis_get_title             (RapportAnalysis       *self);

/* The accounts this analysis covers (RapportAccount), in the store's order: one for an
 * account, every account for all accounts. */
GPtrArray            *rapport_analysis_get_accounts          (RapportAnalysis       *self);
/* The analysed account, or NULL for all accounts. */
const RapportAccount *rapport_analysis_get_account           (RapportAnalysis       *self);

/* For all accounts: one analysis per account, in the order of get_accounts(); 0 and NULL for
 * the analysis of one account. */
guint                 rapport_analysis_get_n_children        (RapportAnalysis       *self);
RapportAnalysis      *rapport_analysis_get_child             (RapportAnalysis       *self,
                                                              guint                  index);

/* For one account; NULL for all accounts (read each child's instead). */
const RapportDataset *rapport_analysis_get_dataset           (RapportAnalysis       *self);
const RapportReport  *rapport_analysis_get_report            (RapportAnalysis       *self);
/* RapportSuggestion, sorted with rapport_coach_sort(), owned by the analysis. */
GPtrArray            *rapport_analysis_get_suggestions       (RapportAnalysis       *self);

/* Remembers the state in the store (for this analysis's scope), updates the suggestion, sorts
 * the suggestions again and emits ::suggestions-changed.  FALSE when the key is unknown or the
 * store fails. */
gboolean              rapport_analysis_set_suggestion_state  (RapportAnalysis       *self,
                                                              const char            *key,
                                                              RapportSuggestionState state,
                                                              GError               **error);

G_END_DECLS
