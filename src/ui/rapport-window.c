/* rapport-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-window.h"

struct _RapportWindow
{
  AdwApplicationWindow    parent_instance;

  GSettings              *settings;
  GCancellable           *cancellable;

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  AdwNavigationSplitView *split_view;
  GtkListBox             *accounts_list;
  GtkStack               *stack;
  AdwStatusPage          *empty_page;
  GtkButton              *import_button;
  GtkButton              *import_folder_button;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

RapportWindow *
rapport_window_new (RapportApplication *application)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);

  return g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/**
 * rapport_window_import_files:
 * @self: a window
 * @files: (array length=n_files): the exports to import, files or folders
 * @n_files: the number of @files
 *
 * Imports the exports that were chosen in a file dialog, dropped on the window or named on
 * the command line.
 */
void
rapport_window_import_files (RapportWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  if (n_files == 1)
    {
      g_autofree char *name = dup_display_name (files[0]);

      body = g_strdup_printf (_("The import of “%s” is not supported yet."), name);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_files; i++)
        {
          g_autofree char *name = dup_display_name (files[i]);

          g_string_append_printf (names, "\n%s", name);
        }

      body = g_strdup_printf (_("The import of these files is not supported yet:%s"), names->str);
    }

  dialog = adw_alert_dialog_new (_("Not Supported Yet"), body);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
rapport_window_show_dialog_error (RapportWindow *self,
                                  const GError  *error)
{
  g_autofree char *title = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  title = g_strdup_printf (_("Could not open the file chooser: %s"), error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
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
      if (!is_dismissal (error))
        rapport_window_show_dialog_error (self, error);
      return;
    }

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
      if (!is_dismissal (error))
        rapport_window_show_dialog_error (self, error);
      return;
    }

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

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_folder_button);

  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   rapport_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   rapport_window_import_folder_action);
}

static void
rapport_window_init (RapportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The id is not known to the template: development builds have their own icon. */
  adw_status_page_set_icon_name (self->empty_page, APPLICATION_ID);

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
