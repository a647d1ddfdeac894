/* rapport-window-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports from the window: file dialogs, drag and drop and `rapport FILE` hand files to one
 * RapportImportBatch, which imports them one after the other in a thread while the window
 * shows what is being read.  The sample data are imported the same way into a database of
 * their own.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "session/rapport-import-batch.h"
#include "session/rapport-import-job.h"
#include "ui/rapport-window-private.h"

gboolean
_rapport_window_is_importing (RapportWindow *self)
{
  return self->import_batch != NULL;
}

/* ── what the batch says ─────────────────────────────────────────────────────────────────── */

static void
show_progress (RapportWindow *self)
{
  RapportImportBatch *batch = self->import_batch;
  guint n_items = rapport_import_batch_get_n_items (batch);
  guint current = MIN (rapport_import_batch_get_current (batch), n_items - 1);
  const char *name = rapport_import_batch_get_item_name (batch, current);
  const char *entry = rapport_import_batch_get_entry (batch);
  guint64 records = rapport_import_batch_get_records (batch);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  if (rapport_import_batch_get_fresh_database (batch))
    title = g_strdup (_("Preparing the sample data"));
  else if (n_items == 1)
    /* Translators: the import progress, "Importing instagram-jo-2024-05-01.zip" */
    title = g_strdup_printf (_("Importing %s"), name);
  else
    /* Translators: the import progress, "Importing instagram-jo.zip (2 of 3)" */
    title = g_strdup_printf (_("Importing %s (%u of %u)"), name, current + 1, n_items);

  if (entry == NULL)
    detail = g_strdup (_("Opening the export…"));
  else
    /* Translators: the import progress, "followers_1.json · 12,345 records read" */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s · %'" PRIu64 " record read",
                                           "%s · %'" PRIu64 " records read",
                                           records),
                              entry, records);

  gtk_label_set_label (self->import_title, title);
  gtk_label_set_label (self->import_detail, detail);
}

static void
progress_changed_cb (RapportWindow *self)
{
  show_progress (self);
}

static void
present_import_error (RapportWindow      *self,
                      RapportImportBatch *batch,
                      guint               index)
{
  g_autofree char *heading = NULL;
  AdwDialog *dialog;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* Translators: the heading of the dialog of a failed import, "Could Not Import jo.zip" */
  heading = g_strdup_printf (_("Could Not Import %s"),
                             rapport_import_batch_get_item_name (batch, index));
  dialog = adw_alert_dialog_new (heading,
                                 rapport_import_batch_get_item_error (batch, index)->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Announces a finished item, and brings the sidebar up to date with it. */
static void
item_finished_cb (RapportWindow      *self,
                  guint               index,
                  RapportImportBatch *batch)
{
  const GError *error = rapport_import_batch_get_item_error (batch, index);
  const RapportImportSummary *summary = rapport_import_batch_get_item_summary (batch, index);
  g_autofree char *message = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* The sample data are announced as a whole, at the end. */
  if (rapport_import_batch_get_fresh_database (batch))
    return;

  if (error == NULL)
    message = rapport_import_summary_describe (summary);
  else if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE))
    /* Translators: a toast, "instagram-jo.zip was already imported" */
    message = g_strdup_printf (_("%s was already imported"),
                               rapport_import_batch_get_item_name (batch, index));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The end of the batch says it once for every file cancelled. */
    return;
  else
    {
      present_import_error (self, batch, index);
      return;
    }

  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_NORMAL);

  /* The list follows each import, not only the last one. */
  if ((error == NULL || summary->already_imported) && summary->account_id > 0 &&
      g_strcmp0 (self->active_data_dir, rapport_import_batch_get_data_dir (batch)) == 0)
    {
      _rapport_window_refresh_accounts (self, summary->account_id, TRUE);
      /* An export that named nobody: the creator says whose it is. */
      if (error == NULL && summary->provisional)
        _rapport_window_identify_account (self, summary->account_id);
    }
}

/* ── starting and ending batches ─────────────────────────────────────────────────────────── */

void
_rapport_window_import_queued (RapportWindow *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->queued_files);

  if (files != NULL && files->len > 0)
    rapport_window_import_files (self, (GFile **) files->pdata, files->len);
}

/* One toast for every export a Cancel stopped, whether it had started or not. */
static void
report_cancelled (RapportWindow      *self,
                  RapportImportBatch *batch)
{
  g_autofree char *message = NULL;
  guint n_cancelled = rapport_import_batch_count_cancelled (batch);

  g_assert (RAPPORT_IS_WINDOW (self));

  if (n_cancelled == 0)
    return;

  if (n_cancelled == 1)
    {
      const char *name = NULL;

      for (guint i = 0; name == NULL; i++)
        {
          const GError *error = rapport_import_batch_get_item_error (batch, i);

          if (!rapport_import_batch_get_item_done (batch, i) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            name = rapport_import_batch_get_item_name (batch, i);
        }

      /* Translators: a toast, "Import of jo.zip cancelled; nothing of it was saved" */
      message = g_strdup_printf (_("Import of %s cancelled; nothing of it was saved"), name);
    }
  else
    /* Translators: a toast, "3 imports cancelled; nothing of them was saved" */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u import cancelled; nothing of it was saved",
                                            "%u imports cancelled; nothing of them was saved",
                                            n_cancelled),
                               n_cancelled);

  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_NORMAL);
}

static void
stop_listening (RapportWindow *self)
{
  if (self->import_batch != NULL)
    g_signal_handlers_disconnect_by_data (self->import_batch, self);
  g_clear_object (&self->import_batch);
  g_clear_object (&self->import_cancellable);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportImportBatch *batch = RAPPORT_IMPORT_BATCH (object);
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sample = rapport_import_batch_get_fresh_database (batch);
  gboolean any_failed = FALSE;

  rapport_import_batch_run_finish (batch, result, &error);

  if (_rapport_window_is_disposed (self) || self->import_batch != batch)
    return;

  /* The window goes from importing to loading an analysis: not busy in between. */
  g_object_freeze_notify (G_OBJECT (self));

  g_object_ref (batch);
  cancellable = g_object_ref (self->import_cancellable);
  stop_listening (self);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _rapport_window_update_state (self);

  if (error != NULL)
    {
      AdwDialog *dialog;

      dialog = adw_alert_dialog_new (sample ? _("Could Not Prepare the Sample Data")
                                            : _("Could Not Import"),
                                     error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
  else if (!sample)
    report_cancelled (self, batch);
  else
    {
      for (guint i = 0; i < rapport_import_batch_get_n_items (batch); i++)
        {
          const GError *item_error = rapport_import_batch_get_item_error (batch, i);

          if (item_error != NULL && !g_error_matches (item_error, G_IO_ERROR,
                                                      G_IO_ERROR_CANCELLED))
            {
              present_import_error (self, batch, i);
              any_failed = TRUE;
            }
        }

      if (!any_failed && !g_cancellable_is_cancelled (cancellable))
        _rapport_window_open_data_dir (self, rapport_import_batch_get_data_dir (batch), TRUE);
    }

  g_object_unref (batch);
  _rapport_window_import_queued (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Takes @batch over and runs it. */
static void
start_batch (RapportWindow      *self,
             RapportImportBatch *batch)
{
  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (self->import_batch == NULL);
  g_assert (rapport_import_batch_get_n_items (batch) > 0);

  self->import_batch = batch;
  self->import_cancellable = g_cancellable_new ();

  g_signal_connect_object (batch, "notify::current", G_CALLBACK (progress_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (batch, "notify::entry", G_CALLBACK (progress_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (batch, "notify::records", G_CALLBACK (progress_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (batch, "item-finished", G_CALLBACK (item_finished_cb), self,
                           G_CONNECT_SWAPPED);

  show_progress (self);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _rapport_window_update_state (self);

  rapport_import_batch_run_async (batch, self->import_cancellable, import_done_cb,
                                  g_object_ref (self));
}

/**
 * rapport_window_import_files:
 * @self: a window
 * @files: (array length=n_files): the exports to import, files or folders
 * @n_files: the number of @files
 *
 * Imports the exports that were chosen in a file dialog, dropped on the window or named on
 * the command line into the creator's database, one after the other; the window shows what
 * happened to each.  Files that arrive during an import follow it; those that arrive while
 * the database is updated for this version wait for the update.
 */
void
rapport_window_import_files (RapportWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  RapportImportBatch *batch;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  /* The creator's exports belong in the creator's database, never in the sample's. */
  if (self->import_batch == NULL && self->exploring_sample)
    _rapport_window_open_data_dir (self, self->data_dir, FALSE);

  /* Files that arrive during an import follow it; during an upgrade, whose write transaction
   * an import would wait for and give up on, they wait for its end. */
  if (self->import_batch != NULL || self->awaiting_upgrade)
    {
      if (self->queued_files == NULL)
        self->queued_files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->queued_files, g_object_ref (files[i]));
      return;
    }

  batch = rapport_import_batch_new (self->data_dir);
  for (guint i = 0; i < n_files; i++)
    rapport_import_batch_add_file (batch, files[i]);

  start_batch (self, batch);
}

/* ── sample data ─────────────────────────────────────────────────────────────────────────── */

/* The generated sample exports: $RAPPORT_SAMPLE_DATA_DIR when set (the build tree sets it for
 * `build-aux/dev run`, `meson devenv` and the tests), else the installed copy. */
static char *
dup_sample_source_dir (void)
{
  const char *env = g_getenv ("RAPPORT_SAMPLE_DATA_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (PKGDATADIR, "sample", NULL);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rapport_window_explore_sample_data:
 * @self: a window
 *
 * Imports the sample exports into a database of their own (in the cache folder, made anew
 * each time) and shows it, with a banner to go back to the creator's own data.
 */
void
rapport_window_explore_sample_data (RapportWindow *self)
{
  RapportImportBatch *batch;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *data_dir = NULL;
  const char *name;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->import_batch != NULL)
    return;

  source = dup_sample_source_dir ();
  names = g_ptr_array_new_with_free_func (g_free);

  if ((dir = g_dir_open (source, 0, &error)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }

  if (names->len == 0)
    {
      g_autofree char *body = NULL;
      AdwDialog *dialog;

      body = g_strdup_printf (_("Rapport looked for its sample exports in %s and found none. "
                                "This installation may be incomplete."), source);
      dialog = adw_alert_dialog_new (_("Sample Data Not Found"), body);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }

  /* Export dates in the names put each platform's exports in their order. */
  g_ptr_array_sort (names, compare_names);

  data_dir = g_build_filename (g_get_user_cache_dir (), "rapport", "sample", NULL);
  batch = rapport_import_batch_new (data_dir);
  rapport_import_batch_set_fresh_database (batch, TRUE);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (source, g_ptr_array_index (names, i), NULL);

      rapport_import_batch_add_path (batch, path);
    }

  /* The database about to be made anew may be the one on screen. */
  if (self->exploring_sample)
    _rapport_window_open_data_dir (self, self->data_dir, FALSE);

  start_batch (self, batch);
}

static void
rapport_window_explore_sample_data_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  rapport_window_explore_sample_data (RAPPORT_WINDOW (widget));
}

static void
rapport_window_cancel_import_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* Files waiting for this import would be a surprise after a Cancel. */
  g_clear_pointer (&self->queued_files, g_ptr_array_unref);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* ── file dialogs ────────────────────────────────────────────────────────────────────────── */

static void
show_dialog_error (RapportWindow *self,
                   const GError  *error)
{
  g_autofree char *title = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  title = g_strdup_printf (_("Could not open the file chooser: %s"), error->message);
  _rapport_window_add_toast (self, title, ADW_TOAST_PRIORITY_HIGH);
}

static gboolean
is_dismissal (const GError *error)
{
  return g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
         g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
import_files_chosen_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  model = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);

  if (model == NULL)
    {
      if (!is_dismissal (error) && !_rapport_window_is_disposed (self))
        show_dialog_error (self, error);
      return;
    }

  if (_rapport_window_is_disposed (self))
    return;

  n_items = g_list_model_get_n_items (model);
  files = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));

  rapport_window_import_files (self, (GFile **) files->pdata, files->len);
}

static GListModel *
create_export_filters (GtkFileFilter **default_filter)
{
  /* Analytics exports come as CSV or XLSX files of their own. */
  static const char * const suffixes[] = { "zip", "tar.gz", "json", "js", "csv", "xlsx", "html" };
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (exports, _("Data and analytics exports"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (exports, suffixes[i]);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_list_store_append (filters, exports);
  g_list_store_append (filters, all);

  *default_filter = exports;

  return G_LIST_MODEL (g_steal_pointer (&filters));
}

static void
rapport_window_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *default_filter;

  filters = create_export_filters (&default_filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Import Export"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_default_filter (dialog, default_filter);

  gtk_file_dialog_open_multiple (dialog,
                                 GTK_WINDOW (self),
                                 self->cancellable,
                                 import_files_chosen_cb,
                                 g_object_ref (self));
}

static void
import_folder_chosen_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);

  if (folder == NULL)
    {
      if (!is_dismissal (error) && !_rapport_window_is_disposed (self))
        show_dialog_error (self, error);
      return;
    }

  if (!_rapport_window_is_disposed (self))
    rapport_window_import_files (self, &folder, 1);
}

static void
rapport_window_import_folder_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;

  /* Many people unpack the archive before they think of importing it. */
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Import Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));

  gtk_file_dialog_select_folder (dialog,
                                 GTK_WINDOW (self),
                                 self->cancellable,
                                 import_folder_chosen_cb,
                                 g_object_ref (self));
}

/* ── drag and drop ───────────────────────────────────────────────────────────────────────── */

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               RapportWindow *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);

  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               RapportWindow *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RapportWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  /* The list is ours, the files in it are the value's. */
  g_autoptr(GSList) dropped = NULL;

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  dropped = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = dropped; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0)
    return FALSE;

  rapport_window_import_files (self, (GFile **) files->pdata, files->len);

  return TRUE;
}

void
_rapport_window_import_init (RapportWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_rapport_window_import_dispose (RapportWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  stop_listening (self);
  g_clear_pointer (&self->queued_files, g_ptr_array_unref);
}

void
_rapport_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   rapport_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   rapport_window_import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   rapport_window_cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample-data", NULL,
                                   rapport_window_explore_sample_data_action);
}
