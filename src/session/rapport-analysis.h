/* rapport-analysis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pages of the window show: for one account, its dataset, the report computed from it
 * and the coach's suggestions; for all accounts, one such analysis per account.  Loaded off the
 * main thread with its own store connection, then read-only, except for the suggestions' state.
 *
 * The window loads in two steps, because the lists of people are most of the work and the
 * Overview needs none of their names: with a million followers, reading their follow dates alone
 * takes half as long as reading them whole.  The summary (rapport_analysis_load_summary_async(),
 * or a preload the application starts before GTK) has everything the Overview shows; the details
 * (rapport_analysis_load_details_async()) add the lists, the figures that compare people by name
 * and the suggestions, read in the same read transaction, so both steps see the same database.
 */

#pragma once

#include <gio/gio.h>

#include "analysis/rapport-report.h"
#include "coach/rapport-coach.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ANALYSIS (rapport_analysis_get_type ())

G_DECLARE_FINAL_TYPE (RapportAnalysis, rapport_analysis, RAPPORT, ANALYSIS, GObject)

/* The blocking core: @account_id 0 loads every account.  The result has its details. */
RapportAnalysis        *rapport_analysis_load                  (RapportStore           *store,
                                                                gint64                  account_id,
                                                                GCancellable           *cancellable,
                                                                GError                **error);
/* The summary in a thread, on a second connection to @store's database, which stays open in
 * its read transaction for rapport_analysis_load_details_async(). */
void                    rapport_analysis_load_summary_async    (RapportStore           *store,
                                                                gint64                  account_id,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
RapportAnalysis        *rapport_analysis_load_summary_finish   (GAsyncResult           *result,
                                                                GError                **error);
/* A summary loaded before there is a window: see rapport-analysis.c. */
typedef struct _RapportAnalysisPreload RapportAnalysisPreload;

RapportAnalysisPreload *rapport_analysis_preload_start         (const char             *data_dir);
void                    rapport_analysis_preload_claim_async   (RapportAnalysisPreload *preload,
                                                                RapportStore           *store,
                                                                gint64                  account_id,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
void                    rapport_analysis_preload_free          (RapportAnalysisPreload *preload);

/* Loads the details of a summary in a thread; for all accounts, of every account.  When they
 * are there, the analysis (and each child) notifies :has-details before the callback runs.
 * Fails when the analysis has its details or is loading them already, or when an earlier
 * attempt failed or was cancelled (its connection is closed then). */
void                    rapport_analysis_load_details_async    (RapportAnalysis        *self,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean                rapport_analysis_load_details_finish   (RapportAnalysis        *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);
/* Whether the details are there.  Before, the snapshots of the dataset have no lists (followers
 * and following are NULL), the report has neither reciprocity nor churn nor collaborations
 * (all NULL) and there are no suggestions (NULL); every other figure of the report is the one
 * the analysis with details has.  The dataset and the report of the summary stay valid as long
 * as the analysis, so what was read from them need not be read again. */
gboolean                rapport_analysis_has_details           (RapportAnalysis        *self);

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
/* The report's reciprocity once it has its details.  In a summary, the counts read from the store:
 * n_followers, n_following, n_mutuals, n_fans, n_not_following_back, follow_back_ratio,
 * reciprocal_share and the snapshots, as the complete one has them; the lists are NULL, the
 * index arrays empty and there are no follow-for-follow figures (0 and NAN).  NULL without a
 * follower and a following list, and for all accounts. */
const RapportReciprocity *rapport_analysis_get_reciprocity   (RapportAnalysis       *self);
/* RapportSuggestion, sorted with rapport_coach_sort(), owned by the analysis; NULL until
 * complete. */
GPtrArray            *rapport_analysis_get_suggestions       (RapportAnalysis       *self);

/* Remembers the state in the store (for this analysis's scope), updates the suggestion, sorts
 * the suggestions again and emits ::suggestions-changed.  FALSE when the key is unknown or the
 * store fails. */
gboolean              rapport_analysis_set_suggestion_state  (RapportAnalysis       *self,
                                                              const char            *key,
                                                              RapportSuggestionState state,
                                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportAnalysisPreload, rapport_analysis_preload_free)

/* The accounts the creator keeps on purpose (rapport-analysis-keep.c).  Setting them writes
 * the store, splits the reciprocity's not following back again and asks the coach anew
 * (::suggestions-changed); only for one account with its details. */
gboolean              rapport_analysis_set_kept              (RapportAnalysis       *self,
                                                              const RapportKeptAccount *accounts,
                                                              guint                  n_accounts,
                                                              gboolean               kept,
                                                              guint                 *n_changed,
                                                              GError               **error);
/* RapportKeptAccount, by name, as rapport_store_list_kept() gives them. */
GPtrArray            *rapport_analysis_list_kept             (RapportAnalysis       *self,
                                                              GError               **error);

G_END_DECLS
