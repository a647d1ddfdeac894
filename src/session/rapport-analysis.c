/* rapport-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "session/rapport-analysis-private.h"


G_DEFINE_FINAL_TYPE (RapportAnalysis, rapport_analysis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAS_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SUGGESTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_rapport_analysis_close_details_connection (RapportStore *connection)
{
  rapport_store_end_read (connection);
  g_object_unref (connection);
}

static void
rapport_analysis_finalize (GObject *object)
{
  RapportAnalysis *self = RAPPORT_ANALYSIS (object);

  /* The reports, the suggestions and the counts point into the datasets. */
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->report, rapport_report_free);
  g_clear_pointer (&self->reciprocity_counts, rapport_reciprocity_free);
  g_clear_pointer (&self->first_report, rapport_report_free);
  g_clear_pointer (&self->dataset, rapport_dataset_free);
  g_clear_pointer (&self->first_dataset, rapport_dataset_free);
  g_clear_pointer (&self->details_connection, _rapport_analysis_close_details_connection);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_analysis_parent_class)->finalize (object);
}

static void
rapport_analysis_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportAnalysis *self = RAPPORT_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, rapport_analysis_has_details (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_analysis_class_init (RapportAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_analysis_finalize;
  object_class->get_property = rapport_analysis_get_property;

  /**
   * RapportAnalysis:has-details:
   *
   * Whether the details of a summary are there; see rapport_analysis_has_details().
   */
  properties[PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  /* A preload has no store until a window claims it. */
  self->store = store != NULL ? g_object_ref (store) : NULL;
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
  self->title = rapport_format_name (account->platform, account->handle);

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
  self->has_details = TRUE;

  return g_steal_pointer (&self);
}

static double
ratio (gsize numerator,
       gsize denominator)
{
  return denominator > 0 ? (double) numerator / denominator : NAN;
}

/*
 * The counts of the reciprocity without the lists: the same snapshots as
 * rapport_reciprocity_compute() takes (the newest with both lists, else the newest of each),
 * the list sizes from @dataset, the mutuals counted by the store.  NULL without both lists.
 */
static RapportReciprocity *
count_reciprocity (RapportStore          *connection,
                   const RapportDataset  *dataset,
                   GError               **error)
{
  const RapportDatasetSnapshot *followers_snapshot;
  const RapportDatasetSnapshot *following_snapshot;
  g_autoptr(RapportReciprocity) counts = NULL;
  guint64 n_mutuals = 0;

  /* The same snapshots as the analysis with details compares. */
  if (!rapport_reciprocity_pick_snapshots (dataset, &followers_snapshot, &following_snapshot))
    return NULL;

  if (!rapport_store_count_mutuals (connection, followers_snapshot->id, following_snapshot->id,
                                    &n_mutuals, error))
    return NULL;

  counts = g_new0 (RapportReciprocity, 1);
  /* Empty, not NULL: rapport_reciprocity_free() frees them. */
  counts->mutuals = g_array_new (FALSE, FALSE, sizeof (RapportMutual));
  counts->fans = g_array_new (FALSE, FALSE, sizeof (guint32));
  counts->not_following_back = g_array_new (FALSE, FALSE, sizeof (guint32));
  counts->f4f_pairs = g_array_new (FALSE, FALSE, sizeof (RapportMutual));
  counts->followers_snapshot = followers_snapshot;
  counts->following_snapshot = following_snapshot;
  counts->same_snapshot = followers_snapshot == following_snapshot;
  counts->n_followers = rapport_dataset_snapshot_list_size (followers_snapshot,
                                                            RAPPORT_DIRECTION_FOLLOWER);
  counts->n_following = rapport_dataset_snapshot_list_size (following_snapshot,
                                                            RAPPORT_DIRECTION_FOLLOWING);
  /* The sizes are stored apart from the lists: a database written by someone else may not
   * agree with itself. */
  n_mutuals = MIN (n_mutuals, MIN (counts->n_followers, counts->n_following));
  counts->n_mutuals = n_mutuals;
  counts->n_fans = counts->n_followers - n_mutuals;
  counts->n_not_following_back = counts->n_following - n_mutuals;
  /* Which of them are kept needs the names: until then nobody is. */
  counts->n_not_following_back_unkept = counts->n_not_following_back;
  counts->follow_back_ratio = ratio (n_mutuals, counts->n_following);
  counts->reciprocal_share = ratio (n_mutuals, counts->n_followers);
  counts->f4f_share_of_followers = NAN;
  counts->f4f_share_of_mutuals = NAN;

  return g_steal_pointer (&counts);
}

/* One account's summary: the report of the Overview from what the store counted of the lists
 * and their follow dates, without reading any list, and the counts of the reciprocity. */
static RapportAnalysis *
load_account_summary (RapportStore          *store,
                      RapportStore          *connection,
                      const RapportAccount  *account,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(RapportAnalysis) self = analysis_new (store, account->id);
  GError *local_error = NULL;

  g_ptr_array_add (self->accounts, account_copy (account));
  self->title = rapport_format_name (account->platform, account->handle);

  if (!(self->dataset = rapport_store_load_dataset_summary (connection, account->id, error)))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->report = rapport_report_compute_overview (self->dataset, NULL);
  self->reciprocity_counts = count_reciprocity (connection, self->dataset, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

typedef RapportAnalysis *(*LoadAccountFunc) (RapportStore          *store,
                                             RapportStore          *connection,
                                             const RapportAccount  *account,
                                             GCancellable          *cancellable,
                                             GError               **error);

static RapportAnalysis *
load_accounts (RapportStore     *store,
               RapportStore     *connection,
               gint64            account_id,
               LoadAccountFunc   load_one,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(RapportAnalysis) self = NULL;

  if (!(accounts = rapport_store_list_accounts (connection, error)))
    return NULL;

  if (account_id != 0)
    {
      for (guint i = 0; i < accounts->len; i++)
        {
          const RapportAccount *account = g_ptr_array_index (accounts, i);

          if (account->id == account_id)
            return load_one (store, connection, account, cancellable, error);
        }

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The account is no longer in the database"));
      return NULL;
    }

  self = analysis_new (store, 0);
  self->title = g_strdup (_("All Accounts"));
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  self->has_details = TRUE;

  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);
      RapportAnalysis *child;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!(child = load_one (store, connection, account, cancellable, error)))
        return NULL;

      g_ptr_array_add (self->accounts, account_copy (account));
      g_ptr_array_add (self->children, child);
      self->has_details = self->has_details && child->has_details;
    }

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
 * Returns: (transfer full): the analysis with details, or %NULL with @error set
 */
RapportAnalysis *
rapport_analysis_load (RapportStore  *store,
                       gint64         account_id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return load_accounts (store, store, account_id, load_account, cancellable, error);
}

typedef struct
{
  RapportStore *store;        /* NULL for a preload */
  char         *data_dir;
  gint64        account_id;   /* -1: the one a window opens on */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load->data_dir);
  g_free (load);
}

/* The first row of a window's sidebar (see rapport-window-accounts.c): "All accounts" when
 * there are several, else the one account; -1 without accounts. */
static gint64
window_account (RapportStore  *connection,
                GError       **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (!(accounts = rapport_store_list_accounts (connection, error)))
    return -1;
  if (accounts->len == 0)
    return -1;
  return accounts->len > 1 ? 0 : ((RapportAccount *) g_ptr_array_index (accounts, 0))->id;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(RapportStore) connection = NULL;
  g_autoptr(RapportAnalysis) self = NULL;
  gint64 account_id = load->account_id;
  GError *error = NULL;

  g_debug ("Loading the summary of account %" G_GINT64_FORMAT " in %s", account_id,
           load->data_dir);

  /* WAL lets this connection read while the window's is in use, and keeps what its read
   * transaction sees until the details are loaded. */
  if (!(connection = rapport_store_open (load->data_dir, &error)) ||
      !rapport_store_begin_read (connection, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (account_id < 0 && (account_id = window_account (connection, &error)) < 0)
    {
      rapport_store_end_read (connection);
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }

  self = load_accounts (load->store, connection, account_id, load_account_summary,
                        cancellable, &error);
  if (self == NULL)
    {
      rapport_store_end_read (connection);
      g_task_return_error (task, error);
      return;
    }

  /* Nobody else holds the analysis yet. */
  self->details_connection = g_steal_pointer (&connection);
  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * rapport_analysis_load_summary_async:
 * @store: the window's store
 * @account_id: the account to analyse, or 0 for every account
 * @cancellable: (nullable): a cancellable
 * @callback: called with the result in the thread-default main context
 * @user_data: data for @callback
 *
 * Loads a summary (see rapport_analysis_has_details()) in a thread, on a second connection
 * to @store's database.  For all accounts, the parent and every child are summaries.  The
 * analysis writes (suggestion state) through @store.
 */
void
rapport_analysis_load_summary_async (RapportStore        *store,
                                     gint64               account_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *data_dir = NULL;

  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (account_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data_dir = g_path_get_dirname (rapport_store_get_path (store));
  _rapport_analysis_start_summary (store, data_dir, account_id, cancellable, callback, user_data,
                                   rapport_analysis_load_summary_async);
}

/* Loads a summary in a thread, on a connection of its own to the database in @data_dir, for
 * @account_id or, when it is -1, the account a window opens on (the task's pointer is NULL
 * when there is none).  @store, when not NULL, is the one the analysis writes through. */
void
_rapport_analysis_start_summary (RapportStore        *store,
                                 const char          *data_dir,
                                 gint64               account_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data,
                                 gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  load = g_new0 (LoadData, 1);
  load->store = store != NULL ? g_object_ref (store) : NULL;
  load->data_dir = g_strdup (data_dir);
  load->account_id = account_id;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rapport_analysis_load_summary_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
RapportAnalysis *
rapport_analysis_load_summary_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rapport_analysis_load_summary_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
rapport_analysis_has_details (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), FALSE);

  return self->has_details;
}

/* Tells the analysis and each child that the details are there. */
void
_rapport_analysis_notify_has_details (RapportAnalysis *self)
{
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (self->children, i),
                              properties[PROP_HAS_DETAILS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DETAILS]);
}

/* Makes @store the one the analysis, and each child, writes through. */
void
_rapport_analysis_set_store (RapportAnalysis *self,
                             RapportStore    *store)
{
  g_set_object (&self->store, store);
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    g_set_object (&((RapportAnalysis *) g_ptr_array_index (self->children, i))->store, store);
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

const RapportReciprocity *
rapport_analysis_get_reciprocity (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  if (self->report == NULL)
    return NULL;
  return self->has_details ? self->report->reciprocity : self->reciprocity_counts;
}

GPtrArray *
rapport_analysis_get_suggestions (RapportAnalysis *self)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  return self->suggestions;
}

void
_rapport_analysis_emit_suggestions_changed (RapportAnalysis *self)
{
  g_signal_emit (self, signals[SUGGESTIONS_CHANGED], 0);
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
