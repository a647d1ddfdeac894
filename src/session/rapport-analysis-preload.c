/* rapport-analysis-preload.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary a window opens on, loaded before there is a window: reading a big account takes
 * about as long as GTK takes to start, so the application starts both at once and the window
 * claims the result, or loads what it asked for when the preload guessed wrong.
 */

#include "config.h"

#include "session/rapport-analysis-private.h"

struct _RapportAnalysisPreload
{
  char            *path;          /* of the database */
  GCancellable    *cancellable;
  gboolean         done;
  RapportAnalysis *analysis;      /* when done: NULL when it failed or found no account */
  gboolean         claimed;
  GTask           *claim;         /* waiting for the thread */
  RapportStore    *claim_store;
  gint64           claim_account_id;
};

static void
preload_clear (gpointer data)
{
  RapportAnalysisPreload *preload = data;

  g_assert (preload->claim == NULL);

  g_free (preload->path);
  g_clear_object (&preload->cancellable);
  g_clear_object (&preload->analysis);
  g_clear_object (&preload->claim_store);
}

static void
preload_unref (RapportAnalysisPreload *preload)
{
  g_rc_box_release_full (preload, preload_clear);
}

static void
forwarded_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) claim = user_data;
  RapportAnalysis *analysis;
  GError *error = NULL;

  if ((analysis = rapport_analysis_load_summary_finish (result, &error)) != NULL)
    g_task_return_pointer (claim, analysis, g_object_unref);
  else
    g_task_return_error (claim, error);
}

/* Hands the preloaded analysis to the claim when it is the one asked for, else loads that. */
static void
preload_answer_claim (RapportAnalysisPreload *preload)
{
  g_autoptr(GTask) claim = g_steal_pointer (&preload->claim);
  RapportAnalysis *analysis = preload->analysis;
  GCancellable *cancellable;

  if (analysis != NULL && rapport_analysis_get_account_id (analysis) == preload->claim_account_id &&
      g_str_equal (rapport_store_get_path (preload->claim_store), preload->path))
    {
      _rapport_analysis_set_store (analysis, preload->claim_store);
      g_task_return_pointer (claim, g_steal_pointer (&preload->analysis), g_object_unref);
      return;
    }

  cancellable = g_task_get_cancellable (claim);
  rapport_analysis_load_summary_async (preload->claim_store, preload->claim_account_id,
                                       cancellable, forwarded_load_cb, g_steal_pointer (&claim));
}

static void
preload_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportAnalysisPreload *preload = user_data;

  /* A failure is no answer: a claim then loads as if nothing had been preloaded. */
  preload->analysis = g_task_propagate_pointer (G_TASK (result), NULL);
  preload->done = TRUE;

  if (preload->claim != NULL)
    preload_answer_claim (preload);

  preload_unref (preload);
}

/**
 * rapport_analysis_preload_start:
 * @data_dir: the folder of a database
 *
 * Starts loading, in a thread, the summary a window opens on for the database in @data_dir
 * (all accounts when there are several, else the one account), before there is a window or a
 * store: so the analysis loads while GTK starts.
 *
 * Returns: (transfer full): the preload, for rapport_analysis_preload_claim_async() or
 *   rapport_analysis_preload_free()
 */
RapportAnalysisPreload *
rapport_analysis_preload_start (const char *data_dir)
{
  RapportAnalysisPreload *preload;

  g_return_val_if_fail (data_dir != NULL, NULL);

  preload = g_rc_box_new0 (RapportAnalysisPreload);
  preload->path = rapport_store_dup_database_path (data_dir);
  preload->cancellable = g_cancellable_new ();

  _rapport_analysis_start_summary (NULL, data_dir, -1, preload->cancellable, preload_loaded_cb,
                                   g_rc_box_acquire (preload), rapport_analysis_preload_start);

  return preload;
}

/**
 * rapport_analysis_preload_claim_async:
 * @preload: (transfer full): a preload
 * @store: the window's store
 * @account_id: the account the window loads, or 0 for all accounts
 * @cancellable: (nullable): a cancellable
 * @callback: called in the thread-default main context
 * @user_data: data for @callback
 *
 * Does what rapport_analysis_load_summary_async() does, finished with
 * rapport_analysis_load_summary_finish(): with the preloaded summary when it is of @account_id
 * in @store's database, else by loading, once the preload is done.  Takes the preload over.
 */
void
rapport_analysis_preload_claim_async (RapportAnalysisPreload *preload,
                                      RapportStore           *store,
                                      gint64                  account_id,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  GTask *claim;

  g_return_if_fail (preload != NULL && !preload->claimed);
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (account_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  claim = g_task_new (NULL, cancellable, callback, user_data);
  /* Finished like a load. */
  g_task_set_source_tag (claim, rapport_analysis_load_summary_async);

  preload->claimed = TRUE;
  preload->claim = claim;
  preload->claim_store = g_object_ref (store);
  preload->claim_account_id = account_id;

  if (preload->done)
    preload_answer_claim (preload);

  preload_unref (preload);
}

/* Drops a preload nobody claimed; its thread stops at the next step. */
void
rapport_analysis_preload_free (RapportAnalysisPreload *preload)
{
  g_return_if_fail (preload != NULL && !preload->claimed);

  g_cancellable_cancel (preload->cancellable);
  preload_unref (preload);
}
