/* rapport-analysis-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second step of loading an analysis: the lists of people, the figures that compare them
 * by name and the suggestions, read through the summary's connection and read transaction, in
 * a thread, then attached to the analysis and each child in the main context.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "session/rapport-analysis-private.h"

/* The details of one account, loaded in the thread and attached in the main context. */
typedef struct
{
  gint64          account_id;
  char           *scope;
  RapportDataset *dataset;
  RapportReport  *report;
  GPtrArray      *suggestions;
} Details;

static void
details_free (gpointer data)
{
  Details *details = data;

  g_clear_pointer (&details->suggestions, g_ptr_array_unref);
  g_clear_pointer (&details->report, rapport_report_free);
  g_clear_pointer (&details->dataset, rapport_dataset_free);
  g_free (details->scope);
  g_free (details);
}

typedef struct
{
  RapportStore *connection;
  GPtrArray    *details;      /* Details, one per account */
} DetailsData;

static void
details_data_free (gpointer data)
{
  DetailsData *details_data = data;

  g_clear_pointer (&details_data->connection, _rapport_analysis_close_details_connection);
  g_clear_pointer (&details_data->details, g_ptr_array_unref);
  g_free (details_data);
}

static gboolean
load_details (DetailsData  *data,
            GCancellable  *cancellable,
            GError       **error)
{
  for (guint i = 0; i < data->details->len; i++)
    {
      Details *details = g_ptr_array_index (data->details, i);
      g_autoptr(GHashTable) states = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(details->dataset = rapport_store_load_dataset (data->connection, details->account_id,
                                                        error)) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      details->report = rapport_report_compute (details->dataset, NULL);
      if (!(states = rapport_store_get_suggestion_states (data->connection, details->scope,
                                                          error)))
        return FALSE;
      details->suggestions = rapport_coach_suggest (details->report, states);
    }

  return TRUE;
}

static void
details_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DetailsData *data = task_data;
  GError *error = NULL;
  gboolean loaded;

  g_debug ("Loading the details of %u accounts", data->details->len);
  loaded = load_details (data, cancellable, &error);

  /* The read transaction ends here, whatever happened: a failed attempt is not tried again. */
  g_clear_pointer (&data->connection, _rapport_analysis_close_details_connection);

  if (loaded)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
attach_details (RapportAnalysis *self,
             Details            *details)
{
  g_assert (self->first_dataset == NULL);

  self->first_dataset = g_steal_pointer (&self->dataset);
  self->first_report = g_steal_pointer (&self->report);
  self->dataset = g_steal_pointer (&details->dataset);
  self->report = g_steal_pointer (&details->report);
  self->suggestions = g_steal_pointer (&details->suggestions);
  self->has_details = TRUE;
}

static void
details_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RapportAnalysis *self = RAPPORT_ANALYSIS (object);
  g_autoptr(GTask) task = user_data;
  DetailsData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->loading_details = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->children == NULL)
    attach_details (self, g_ptr_array_index (data->details, 0));
  else
    for (guint i = 0; i < self->children->len; i++)
      attach_details (g_ptr_array_index (self->children, i), g_ptr_array_index (data->details, i));
  self->has_details = TRUE;

  /* The children first: a page of all accounts reads theirs when the parent notifies. */
  _rapport_analysis_notify_has_details (self);

  g_task_return_boolean (task, TRUE);
}

/**
 * rapport_analysis_load_details_async:
 * @self: a summary from rapport_analysis_load_summary_async()
 * @cancellable: (nullable): a cancellable
 * @callback: called in the thread-default main context once the analysis has its details, or
 *   when loading the details failed
 * @user_data: data for @callback
 *
 * Loads the lists of people, the figures that compare people by name and the suggestions, in
 * a thread, through the connection and the read transaction of the summary, which it then
 * closes.
 */
void
rapport_analysis_load_details_async (RapportAnalysis     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  DetailsData *data;

  g_return_if_fail (RAPPORT_IS_ANALYSIS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_analysis_load_details_async);

  if (self->has_details || self->loading_details || self->details_connection == NULL)
    {
      const char *message;

      if (self->has_details)
        message = _("The analysis has its details already");
      else if (self->loading_details)
        message = _("The details of the analysis are loading already");
      else
        message = _("The details of the analysis can no longer be loaded");

      g_task_return_new_error_literal (task, G_IO_ERROR, G_IO_ERROR_FAILED, message);
      return;
    }

  data = g_new0 (DetailsData, 1);
  data->connection = g_steal_pointer (&self->details_connection);
  data->details = g_ptr_array_new_with_free_func (details_free);
  for (guint i = 0; i < (self->children != NULL ? self->children->len : 1); i++)
    {
      RapportAnalysis *target = self->children != NULL ? g_ptr_array_index (self->children, i)
                                                       : self;
      Details *details = g_new0 (Details, 1);

      details->account_id = target->account_id;
      details->scope = g_strdup (target->scope);
      g_ptr_array_add (data->details, details);
    }
  self->loading_details = TRUE;

  /* The thread's own task: its callback attaches the details before the caller hears of it. */
  thread_task = g_task_new (self, cancellable, details_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, details_thread);
  g_task_set_task_data (thread_task, data, details_data_free);
  g_task_run_in_thread (thread_task, details_thread);
}

/**
 * rapport_analysis_load_details_finish:
 * @self: the analysis
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the analysis has its details now
 */
gboolean
rapport_analysis_load_details_finish (RapportAnalysis  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rapport_analysis_load_details_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
