/* rapport-audience-page-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export Segment as CSV…" of the Audience page: a file dialog, then the rows shown now
 * written in a thread by the segment's RapportPeopleModel, and a toast or an alert to say how
 * it went.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui/rapport-audience-page-private.h"

static void
export_thread_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_people_model_export_csv_finish (RAPPORT_PEOPLE_MODEL (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
rapport_audience_page_export_async (RapportAudiencePage *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_audience_page_export_async);

  if (self->current == NULL || self->current->model == NULL)
    {
      g_task_return_new_error_literal (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                       _("This segment has no accounts to export"));
      return;
    }

  rapport_people_model_export_csv_async (self->current->model, file, cancellable,
                                         export_thread_done_cb, g_steal_pointer (&task));
}

gboolean
rapport_audience_page_export_finish (RapportAudiencePage  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_audience_page_export_finish (self, result, &error))
    {
      AdwDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dialog = adw_alert_dialog_new (_("Could Not Export the Segment"), error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name. */
      g_autofree char *message = g_strdup_printf (_("Saved as %s"), name);

      _rapport_audience_page_add_toast (self, message);
    }
}

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportAudiencePage) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || self->analysis == NULL)
    return;

  rapport_audience_page_export_async (self, file, self->cancellable, export_done_cb,
                                      g_object_ref (file));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autofree char *name = NULL;
  const RapportAccount *account;

  if (self->current == NULL || self->current->model == NULL || self->analysis == NULL)
    return;

  account = rapport_analysis_get_account (self->analysis);
  name = g_strdup_printf ("%s-%s.csv", account->handle != NULL ? account->handle : "account",
                          self->current->name);
  g_strdelimit (name, "/\\", '-');

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export Segment as CSV"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        save_dialog_done_cb, g_object_ref (self));
}

void
_rapport_audience_page_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.export-csv", NULL, export_csv_action);
}
