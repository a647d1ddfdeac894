/* rapport-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-analysis.h"

struct _RapportAnalysis
{
  GObject         parent_instance;

  RapportStore   *store;
  gint64          account_id;
  char           *scope;
  char           *title;
  GPtrArray      *accounts;    /* RapportAccount */
  GPtrArray      *children;    /* RapportAnalysis, for all accounts */

  RapportDataset *dataset;
  RapportReport  *report;      /* borrows the dataset */
  GPtrArray      *suggestions; /* RapportSuggestion */
};

G_DEFINE_FINAL_TYPE (RapportAnalysis, rapport_analysis, G_TYPE_OBJECT)

enum {
  SUGGESTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rapport_analysis_finalize (GObject *object)
{
  RapportAnalysis *self = RAPPORT_ANALYSIS (object);

  /* The report and the suggestions point into the dataset. */
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->report, rapport_report_free);
  g_clear_pointer (&self->dataset, rapport_dataset_free);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_analysis_parent_class)->finalize (object);
}

static void
rapport_analysis_class_init (RapportAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_analysis_finalize;

  /**
   * RapportAnalysis::suggestions-changed:
   *
   * The state or the order of the suggestions changed.
   */
  signals[SUGGESTIONS_CHANGED] =
    g_signal_new ("suggestions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_analysis_init (RapportAnalysis *self)
{
}

static RapportAccount *
account_copy (const RapportAccount *account)
{
  RapportAccount *copy = g_memdup2 (account, sizeof *account);

  copy->handle = g_strdup (account->handle);
  copy->platform_id = g_strdup (account->platform_id);
  copy->display_name = g_strdup (account->display_name);

  return copy;
}

static RapportAnalysis *
analysis_new (RapportStore *store,
              gint64        account_id)
{
  RapportAnalysis *self = g_object_new (RAPPORT_TYPE_ANALYSIS, NULL);

  self->store = g_object_ref (store);
  self->account_id = account_id;
  self->scope = account_id == 0 ? g_strdup ("all")
                                : g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_account_free);

  return self;
}

/* One account: dataset, report and suggestions, read through @connection. */
static RapportAnalysis *
load_account (RapportStore          *store,
              RapportStore          *connection,
              const RapportAccount  *account,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(RapportAnalysis) self = analysis_new (store, account->id);
  g_autoptr(GHashTable) states = NULL;

  g_ptr_array_add (self->accounts, account_copy (account));
  self->title = g_strdup_printf ("@%s", account->handle);

  if (!(self->dataset = rapport_store_load_dataset (connection, account->id, error)))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->report = rapport_report_compute (self->dataset, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(states = rapport_store_get_suggestion_states (connection, self->scope, error)))
    return NULL;
  self->suggestions = rapport_coach_suggest (self->report, states);

  return g_steal_pointer (&self);
}

/**
 * rapport_analysis_load:
 * @store: the store to read
 * @account_id: the account to analyse, or 0 for every account
 * @cancellable: (nullable): a cancellable, looked at between accounts and steps
 * @error: return location for an error
 *
 * Reads and analyses the account(s) through @store.  The result keeps a reference on @store.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
RapportAnalysis *
rapport_analysis_load (RapportStore  *store,
                       gint64         account_id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(RapportAnalysis) self = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!(accounts = rapport_store_list_accounts (store, error)))
    return NULL;

  if (account_id != 0)
    {
      for (guint i = 0; i < accounts->len; i++)
        {
          const RapportAccount *account = g_ptr_array_index (accounts, i);

          if (account->id == account_id)
            return load_account (store, store, account, cancellable, error);
        }

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The account is no longer in the database"));
      return NULL;
    }

  self = analysis_new (store, 0);
  self->title = g_strdup (_("All Accounts"));
  self->children = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);
      RapportAnalysis *child;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!(child = load_account (store, store, account, cancellable, error)))
        return NULL;

      g_ptr_array_add (self->accounts, account_copy (account));
      g_ptr_array_add (self->children, child);
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  RapportStore *store;
  gint64        account_id;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  RapportStore *store = load->store;
  g_autoptr(RapportStore) connection = NULL;
  g_autoptr(RapportAnalysis) self = NULL;
  g_autofree char *data_dir = NULL;
  GError *error = NULL;

  /* SQLite connections stay in the thread that opened them; WAL lets this one read while the
   * window's connection is in use. */
  data_dir = g_path_get_dirname (rapport_store_get_path (store));
  if (!(connection = rapport_store_open (data_dir, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  self = rapport_analysis_load (connection, load->account_id, cancellable, &error);
  if (self == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Writes (suggestion state) go through the window's connection. */
  g_set_object (&self->store, store);
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    {
      RapportAnalysis *child = g_ptr_array_index (self->children, i);

      g_set_object (&child->store, store);
    }

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * rapport_analysis_load_async:
 * @store: the window's store
 * @account_id: the account to analyse, or 0 for every account
 * @cancellable: (nullable): a cancellable
 * @callback: called with the result in the thread-default main context
 * @user_data: data for @callback
 *
 * Runs rapport_analysis_load() in a thread, on a second connection to @store's database.
 */
void
rapport_analysis_load_async (RapportStore        *store,
                             gint64               account_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (account_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (store);
  load->account_id = account_id;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_analysis_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rapport_analysis_load_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
RapportAnalysis *
rapport_analysis_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_analysis_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RapportStore *
rapport_analysis_get_store (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->store;
}

gint64
rapport_analysis_get_account_id (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), 0);

  return self->account_id;
}

gboolean
rapport_analysis_is_all_accounts (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), FALSE);

  return self->account_id == 0;
}

const char *
rapport_analysis_get_scope (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->scope;
}

const char *
rapport_analysis_get_title (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->title;
}

GPtrArray *
rapport_analysis_get_accounts (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->accounts;
}

const RapportAccount *
rapport_analysis_get_account (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  if (self->account_id == 0 || self->accounts->len == 0)
    return NULL;

  return g_ptr_array_index (self->accounts, 0);
}

guint
rapport_analysis_get_n_children (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), 0);

  return self->children != NULL ? self->children->len : 0;
}

RapportAnalysis *
rapport_analysis_get_child (RapportAnalysis *self,
                            guint            index)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  if (self->children == NULL || index >= self->children->len)
    return NULL;

  return g_ptr_array_index (self->children, index);
}

const RapportDataset *
rapport_analysis_get_dataset (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->dataset;
}

const RapportReport *
rapport_analysis_get_report (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->report;
}

GPtrArray *
rapport_analysis_get_suggestions (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->suggestions;
}

gboolean
rapport_analysis_set_suggestion_state (RapportAnalysis         *self,
                                       const char              *key,
                                       RapportSuggestionState   state,
                                       GError                 **error)
{
  RapportSuggestion *suggestion = NULL;

  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      RapportSuggestion *candidate = g_ptr_array_index (self->suggestions, i);

      if (g_str_equal (candidate->key, key))
        {
          suggestion = candidate;
          break;
        }
    }

  if (suggestion == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no suggestion “%s” for %s"), key, self->title);
      return FALSE;
    }

  if (suggestion->state == state)
    return TRUE;

  /* Open is the absence of a state. */
  if (!rapport_store_set_suggestion_state (self->store,
                                           self->scope,
                                           key,
                                           state == RAPPORT_SUGGESTION_OPEN
                                             ? NULL
                                             : rapport_suggestion_state_to_string (state),
                                           error))
    return FALSE;

  suggestion->state = state;
  rapport_coach_sort (self->suggestions);
  g_signal_emit (self, signals[SUGGESTIONS_CHANGED], 0);

  return TRUE;
}
