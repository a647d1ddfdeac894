/* rapport-window-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports from the window: file dialogs, drag and drop and `rapport FILE` hand files to one
 * job that imports them one after the other in a thread, on its own store connection, while
 * the window shows what is being read.  The sample data are imported the same way into a
 * database of their own.
 */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "import/rapport-import-job.h"
#include "ui/rapport-window-private.h"

/* Progress reaches the window at most this often, in microseconds. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

typedef struct
{
  char                 *path;
  char                 *display_name;
  RapportImportSummary  summary;
  GError               *error;
  gboolean              done;      /* attempted, whatever the outcome */
} ImportItem;

struct _RapportImportJob
{
  char         *data_dir;
  GPtrArray    *items;              /* ImportItem, in import order */
  GCancellable *cancellable;
  /* The sample data: the database starts empty, and results are not announced one by one. */
  gboolean      sample;

  GMutex        mutex;
  /* Under the mutex: what the thread is doing, and which items it has finished. */
  guint         current;
  char         *entry;
  guint64       records;
  gint64        last_dispatch;
  gboolean      dispatch_pending;
  GArray       *finished;           /* guint indices into items */
};

static void
import_item_free (gpointer data)
{
  ImportItem *item = data;

  g_free (item->path);
  g_free (item->display_name);
  rapport_import_summary_clear (&item->summary);
  g_clear_error (&item->error);
  g_free (item);
}

static void
import_job_clear (gpointer data)
{
  RapportImportJob *job = data;

  g_free (job->data_dir);
  g_ptr_array_unref (job->items);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->mutex);
  g_free (job->entry);
  g_array_unref (job->finished);
}

static void
import_job_unref (RapportImportJob *job)
{
  g_atomic_rc_box_release_full (job, import_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportJob, import_job_unref)

static RapportImportJob *
import_job_new (const char *data_dir,
                gboolean    sample)
{
  RapportImportJob *job = g_atomic_rc_box_new0 (RapportImportJob);

  job->data_dir = g_strdup (data_dir);
  job->items = g_ptr_array_new_with_free_func (import_item_free);
  job->cancellable = g_cancellable_new ();
  job->sample = sample;
  g_mutex_init (&job->mutex);
  job->finished = g_array_new (FALSE, FALSE, sizeof (guint));

  return job;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static void
import_job_add_file (RapportImportJob *job,
                     GFile            *file)
{
  ImportItem *item = g_new0 (ImportItem, 1);

  item->path = g_file_get_path (file);
  item->display_name = dup_display_name (file);
  g_ptr_array_add (job->items, item);
}

gboolean
_rapport_window_is_importing (RapportWindow *self)
{
  return self->import_job != NULL;
}

/* ── the main thread's side ──────────────────────────────────────────────────────────────── */

typedef struct
{
  RapportWindow    *window;
  RapportImportJob *job;
} Dispatch;

static void
dispatch_free (gpointer data)
{
  Dispatch *dispatch = data;

  g_clear_object (&dispatch->window);
  g_clear_pointer (&dispatch->job, import_job_unref);
  g_free (dispatch);
}

static void
show_progress (RapportWindow    *self,
               RapportImportJob *job,
               guint             current,
               const char       *entry,
               guint64           records)
{
  ImportItem *item = g_ptr_array_index (job->items, MIN (current, job->items->len - 1));
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  if (job->sample)
    title = g_strdup (_("Preparing the sample data"));
  else if (job->items->len == 1)
    /* Translators: the import progress, "Importing instagram-jo-2024-05-01.zip" */
    title = g_strdup_printf (_("Importing %s"), item->display_name);
  else
    /* Translators: the import progress, "Importing instagram-jo.zip (2 of 3)" */
    title = g_strdup_printf (_("Importing %s (%u of %u)"), item->display_name,
                             MIN (current, job->items->len - 1) + 1, job->items->len);

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
present_import_error (RapportWindow *self,
                      ImportItem    *item)
{
  g_autofree char *heading = NULL;
  AdwDialog *dialog;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* Translators: the heading of the dialog of a failed import, "Could Not Import jo.zip" */
  heading = g_strdup_printf (_("Could Not Import %s"), item->display_name);
  dialog = adw_alert_dialog_new (heading, item->error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Announces a finished item.  Returns the account the sidebar should select, or -1. */
static gint64
report_item (RapportWindow *self,
             ImportItem    *item)
{
  g_autofree char *message = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  if (item->error == NULL)
    message = rapport_import_summary_describe (&item->summary);
  else if (g_error_matches (item->error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE))
    /* Translators: a toast, "instagram-jo.zip was already imported" */
    message = g_strdup_printf (_("%s was already imported"), item->display_name);
  else if (g_error_matches (item->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The end of the job says it once for every file cancelled. */
    return -1;
  else
    {
      present_import_error (self, item);
      return -1;
    }

  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_NORMAL);

  if (item->error == NULL || item->summary.already_imported)
    return item->summary.account_id;

  return -1;
}

/* Brings the window up to date with the job: progress, and the items finished since. */
static gboolean
dispatch_cb (gpointer user_data)
{
  Dispatch *dispatch = user_data;
  RapportWindow *self = dispatch->window;
  RapportImportJob *job = dispatch->job;
  g_autoptr(GArray) finished = NULL;
  g_autofree char *entry = NULL;
  gint64 select_id = -1;
  guint current;
  guint64 records;

  g_mutex_lock (&job->mutex);
  job->dispatch_pending = FALSE;
  current = job->current;
  entry = g_strdup (job->entry);
  records = job->records;
  finished = g_steal_pointer (&job->finished);
  job->finished = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_unlock (&job->mutex);

  if (_rapport_window_is_disposed (self) || self->import_job != job)
    return G_SOURCE_REMOVE;

  if (current < job->items->len)
    show_progress (self, job, current, entry, records);

  if (job->sample)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < finished->len; i++)
    {
      gint64 account_id = report_item (self, g_ptr_array_index (job->items,
                                                                g_array_index (finished, guint, i)));

      if (account_id > 0)
        select_id = account_id;
    }

  /* The list follows each import, not only the last one. */
  if (select_id > 0 && g_strcmp0 (self->active_data_dir, job->data_dir) == 0)
    _rapport_window_refresh_accounts (self, select_id, TRUE);

  return G_SOURCE_REMOVE;
}

/* ── the thread's side ───────────────────────────────────────────────────────────────────── */

typedef struct
{
  RapportImportJob *job;
  GMainContext     *context;
  RapportWindow    *window;
} ThreadData;

/* Called with the mutex held. */
static void
schedule_dispatch_locked (ThreadData *data,
                          gboolean    force)
{
  RapportImportJob *job = data->job;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GSource) source = NULL;
  Dispatch *dispatch;

  if (job->dispatch_pending || (!force && now - job->last_dispatch < PROGRESS_INTERVAL_US))
    return;

  job->dispatch_pending = TRUE;
  job->last_dispatch = now;

  dispatch = g_new0 (Dispatch, 1);
  dispatch->window = g_object_ref (data->window);
  dispatch->job = g_atomic_rc_box_acquire (job);

  /* Not g_main_context_invoke(): when the main thread is between two iterations it would run
   * the callback right here, in this thread, with the mutex held. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_cb, dispatch, dispatch_free);
  g_source_set_static_name (source, "[rapport] import progress");
  g_source_attach (source, data->context);
}

static void
progress_cb (const char *entry_name,
             guint64     records_read,
             gpointer    user_data)
{
  ThreadData *data = user_data;
  RapportImportJob *job = data->job;

  g_mutex_lock (&job->mutex);
  if (g_strcmp0 (job->entry, entry_name) != 0)
    {
      g_free (job->entry);
      job->entry = g_strdup (entry_name);
    }
  job->records = records_read;
  schedule_dispatch_locked (data, FALSE);
  g_mutex_unlock (&job->mutex);
}

/* The sample data start from an empty database each time. */
static gboolean
empty_data_dir (const char  *data_dir,
                GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), data_dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!(dir = g_dir_open (data_dir, 0, error)))
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      /* Only the database and its journal files live there. */
      if (!g_str_has_prefix (name, "rapport.db"))
        continue;

      path = g_build_filename (data_dir, name, NULL);
      if (g_unlink (path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RapportImportJob *job = task_data;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GMainContext) context = NULL;
  GError *error = NULL;
  ThreadData data;

  data.job = job;
  data.window = source_object;
  data.context = context = g_main_context_ref (g_task_get_context (task));

  if (job->sample && !empty_data_dir (job->data_dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* This thread's own connection: SQLite connections are not shared between threads. */
  if (!(store = rapport_store_open (job->data_dir, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < job->items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (job->items, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      g_mutex_lock (&job->mutex);
      job->current = i;
      g_clear_pointer (&job->entry, g_free);
      job->records = 0;
      schedule_dispatch_locked (&data, TRUE);
      g_mutex_unlock (&job->mutex);

      if (item->path == NULL)
        item->error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("%s is not a local file; copy it to this computer first"),
                                   item->display_name);
      else
        rapport_import_path_full (store, item->path, progress_cb, &data, &item->summary,
                                  cancellable, &item->error);

      item->done = TRUE;

      g_mutex_lock (&job->mutex);
      g_array_append_val (job->finished, i);
      schedule_dispatch_locked (&data, TRUE);
      g_mutex_unlock (&job->mutex);
    }

  g_task_return_boolean (task, TRUE);
}

/* ── starting and ending jobs ────────────────────────────────────────────────────────────── */

static void start_job (RapportWindow    *self,
                       RapportImportJob *job);

static void
start_queued_files (RapportWindow *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->queued_files);

  if (files != NULL && files->len > 0)
    rapport_window_import_files (self, (GFile **) files->pdata, files->len);
}

/* One toast for every export a Cancel stopped, whether it had started or not. */
static void
report_cancelled (RapportWindow    *self,
                  RapportImportJob *job)
{
  g_autofree char *message = NULL;
  ImportItem *first = NULL;
  guint n_cancelled = 0;

  g_assert (RAPPORT_IS_WINDOW (self));

  for (guint i = 0; i < job->items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (job->items, i);

      if (!item->done || g_error_matches (item->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (first == NULL)
            first = item;
          n_cancelled++;
        }
    }

  if (n_cancelled == 0)
    return;

  if (n_cancelled == 1)
    /* Translators: a toast, "Import of jo.zip cancelled; nothing of it was saved" */
    message = g_strdup_printf (_("Import of %s cancelled; nothing of it was saved"),
                               first->display_name);
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
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (object);
  g_autoptr(RapportImportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean any_failed = FALSE;
  Dispatch *dispatch;

  g_task_propagate_boolean (G_TASK (result), &error);

  if (_rapport_window_is_disposed (self) || self->import_job != job)
    return;

  /* The window goes from importing to loading an analysis: not busy in between. */
  g_object_freeze_notify (G_OBJECT (self));

  /* Whatever the thread finished after the last dispatch. */
  dispatch = g_new0 (Dispatch, 1);
  dispatch->window = g_object_ref (self);
  dispatch->job = g_atomic_rc_box_acquire (job);
  dispatch_cb (dispatch);
  dispatch_free (dispatch);

  g_clear_pointer (&self->import_job, import_job_unref);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _rapport_window_update_state (self);

  if (error != NULL)
    {
      AdwDialog *dialog;

      dialog = adw_alert_dialog_new (job->sample ? _("Could Not Prepare the Sample Data")
                                                 : _("Could Not Import"),
                                     error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
  else if (!job->sample)
    report_cancelled (self, job);
  else
    {
      for (guint i = 0; i < job->items->len; i++)
        {
          ImportItem *item = g_ptr_array_index (job->items, i);

          if (item->error != NULL && !g_error_matches (item->error, G_IO_ERROR,
                                                       G_IO_ERROR_CANCELLED))
            {
              present_import_error (self, item);
              any_failed = TRUE;
            }
        }

      if (!any_failed && !g_cancellable_is_cancelled (job->cancellable))
        _rapport_window_open_data_dir (self, job->data_dir, TRUE);
    }

  start_queued_files (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_job (RapportWindow    *self,
           RapportImportJob *job)
{
  g_autoptr(GTask) task = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (self->import_job == NULL);
  g_assert (job->items->len > 0);

  self->import_job = g_atomic_rc_box_acquire (job);

  show_progress (self, job, 0, NULL, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _rapport_window_update_state (self);

  task = g_task_new (self, job->cancellable, import_done_cb, g_atomic_rc_box_acquire (job));
  g_task_set_source_tag (task, start_job);
  /* A cancelled job still reports what it finished. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), (GDestroyNotify) import_job_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rapport_window_import_files:
 * @self: a window
 * @files: (array length=n_files): the exports to import, files or folders
 * @n_files: the number of @files
 *
 * Imports the exports that were chosen in a file dialog, dropped on the window or named on
 * the command line into the creator's database, one after the other; the window shows what
 * happened to each.  Files that arrive during an import follow it.
 */
void
rapport_window_import_files (RapportWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_autoptr(RapportImportJob) job = NULL;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  if (self->import_job != NULL)
    {
      if (self->queued_files == NULL)
        self->queued_files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->queued_files, g_object_ref (files[i]));
      return;
    }

  /* The creator's exports belong in the creator's database, never in the sample's. */
  if (self->exploring_sample)
    _rapport_window_open_data_dir (self, self->data_dir, FALSE);

  job = import_job_new (self->data_dir, FALSE);
  for (guint i = 0; i < n_files; i++)
    import_job_add_file (job, files[i]);

  start_job (self, job);
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
  g_autoptr(RapportImportJob) job = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *data_dir = NULL;
  const char *name;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->import_job != NULL)
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
  job = import_job_new (data_dir, TRUE);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (source, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      import_job_add_file (job, file);
    }

  /* The database about to be made anew may be the one on screen. */
  if (self->exploring_sample)
    _rapport_window_open_data_dir (self, self->data_dir, FALSE);

  start_job (self, job);
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

  if (self->import_job != NULL)
    g_cancellable_cancel (self->import_job->cancellable);
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
  static const char * const suffixes[] = { "zip", "tar.gz", "json", "js", "csv", "html" };
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (exports, _("Data exports"));
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
  if (self->import_job != NULL)
    g_cancellable_cancel (self->import_job->cancellable);

  g_clear_pointer (&self->import_job, import_job_unref);
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
