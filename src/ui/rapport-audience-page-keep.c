/* rapport-audience-page-keep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keep list on the Audience page: keep the selected account (or, in the Kept segment,
 * stop keeping it) with a toast to undo, and the list imported from or exported to a plain
 * file of usernames.  Kept accounts leave "Not Following Back" for "Kept".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-format.h"
#include "core/rapport-keep-list.h"
#include "ui/rapport-audience-page-private.h"
#include "ui/rapport-toast.h"

void
_rapport_audience_page_keep_clear (RapportAudiencePage *self)
{
  g_clear_pointer (&self->last_kept.platform_id, g_free);
  g_clear_pointer (&self->last_kept.handle, g_free);
}

void
_rapport_audience_page_keep_update (RapportAudiencePage *self)
{
  RapportPersonItem *person = gtk_single_selection_get_selected_item (self->selection);
  gboolean in_kept = self->current != NULL && self->current->kind == SEGMENT_KEPT;
  const RapportDataset *dataset = self->analysis != NULL
    ? rapport_analysis_get_dataset (self->analysis) : NULL;
  /* Accounts are kept that do not follow back, which no LinkedIn connection can be. */
  gboolean one_account = dataset != NULL && rapport_analysis_has_details (self->analysis) &&
                         rapport_platform_lists_count_followers (dataset->platform);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.toggle-keep",
                                 one_account && person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import-keep-list", one_account);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-keep-list", one_account);
  gtk_button_set_icon_name (self->keep_button,
                            in_kept ? "non-starred-symbolic" : "starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->keep_button),
                               in_kept ? _("Stop Keeping Account") : _("Keep Account"));
}

static void
show_error (RapportAudiencePage *self,
            const char          *title,
            const GError        *error)
{
  AdwDialog *dialog = adw_alert_dialog_new (title, error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
undo_clicked_cb (RapportAudiencePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.undo-keep", NULL);
}

/* Keeps or lets go of one account, then shows the lists again with a toast to undo it. */
static void
set_kept (RapportAudiencePage *self,
          const char          *platform_id,
          const char          *handle,
          gboolean             kept)
{
  RapportKeptAccount account = { (char *) platform_id, (char *) handle, 0 };
  const RapportDataset *dataset;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!rapport_analysis_set_kept (self->analysis, &account, 1, kept, NULL, &error))
    {
      show_error (self, _("Could Not Change the Keep List"), error);
      return;
    }

  _rapport_audience_page_keep_clear (self);
  self->last_kept.platform_id = g_strdup (platform_id);
  self->last_kept.handle = g_strdup (handle);
  self->last_kept_added = kept;
  _rapport_audience_page_refresh (self);

  dataset = rapport_analysis_get_dataset (self->analysis);
  name = handle != NULL
         ? rapport_format_name (dataset != NULL ? dataset->platform : RAPPORT_PLATFORM_UNKNOWN,
                                handle)
         : g_strdup (platform_id);
  /* Translators: %s is an account, "@anna". */
  message = g_strdup_printf (kept ? _("Keeping %s") : _("No longer keeping %s"), name);
  toast = rapport_toast_new (message, ADW_TOAST_PRIORITY_NORMAL);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The overlay is above the page, out of reach of its actions: the toast calls back. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  rapport_toast_show (GTK_WIDGET (self), toast);
}

static void
toggle_keep_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);
  RapportPersonItem *person = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *platform_id = NULL;
  g_autofree char *handle = NULL;

  if (person == NULL || self->current == NULL || self->analysis == NULL)
    return;
  /* Copies: the rows, and the item with them, are made anew once the list changed. */
  platform_id = g_strdup (rapport_person_item_get_platform_id (person));
  handle = g_strdup (rapport_person_item_get_handle (person));
  /* Where a list has ids only, the handle shown is the id: no name to keep. */
  if (platform_id != NULL && handle != NULL && g_str_equal (handle, platform_id))
    g_clear_pointer (&handle, g_free);
  set_kept (self, platform_id, handle, self->current->kind != SEGMENT_KEPT);
}

static void
undo_keep_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);
  g_autofree char *platform_id = g_steal_pointer (&self->last_kept.platform_id);
  g_autofree char *handle = g_steal_pointer (&self->last_kept.handle);

  if (self->analysis == NULL || (platform_id == NULL && handle == NULL))
    return;
  set_kept (self, platform_id, handle, !self->last_kept_added);
}

static GListModel *
text_filters (void)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Text Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

static void
import_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RapportAudiencePage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(RapportKeepList) list = NULL;
  g_autofree RapportKeptAccount *accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = NULL;
  guint n_changed = 0;

  if (file == NULL || self->analysis == NULL)
    return;

  /* A keep list is at most 1 MB: read at once. */
  if (!(list = rapport_keep_list_read (file, self->cancellable, &error)))
    {
      show_error (self, _("Could Not Import the Keep List"), error);
      return;
    }
  accounts = g_new0 (RapportKeptAccount, MAX (list->names->len, 1));
  for (guint i = 0; i < list->names->len; i++)
    accounts[i].handle = g_ptr_array_index (list->names, i);
  if (!rapport_analysis_set_kept (self->analysis, accounts, list->names->len, TRUE, &n_changed,
                                  &error))
    {
      show_error (self, _("Could Not Import the Keep List"), error);
      return;
    }
  _rapport_audience_page_refresh (self);

  message = g_string_new (NULL);
  g_string_printf (message, g_dngettext (GETTEXT_PACKAGE, "%u account newly kept",
                                         "%u accounts newly kept", n_changed), n_changed);
  if (list->n_bad > 0)
    {
      g_string_append (message, " · ");
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "%u line skipped",
                                                    "%u lines skipped", list->n_bad),
                              list->n_bad);
    }
  _rapport_audience_page_add_toast (self, message->str);
}

static void
import_keep_list_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = text_filters ();

  gtk_file_dialog_set_title (dialog, _("Import Keep List"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        import_dialog_done_cb, g_object_ref (self));
}

static void
export_dialog_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RapportAudiencePage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || self->analysis == NULL)
    return;
  if (!(kept = rapport_analysis_list_kept (self->analysis, &error)))
    {
      show_error (self, _("Could Not Export the Keep List"), error);
      return;
    }
  /* Usernames only: an account known by its id alone has none. */
  for (guint i = 0; i < kept->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (kept, i);

      if (account->handle != NULL && rapport_keep_list_name_is_valid (account->handle))
        g_ptr_array_add (names, account->handle);
    }
  text = rapport_keep_list_format (names);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, self->cancellable, &error))
    {
      show_error (self, _("Could Not Export the Keep List"), error);
      return;
    }
  base = g_file_get_basename (file);
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Saved as %s"), base);
  _rapport_audience_page_add_toast (self, message);
}

static void
export_keep_list_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = text_filters ();
  const RapportAccount *account = rapport_analysis_get_account (self->analysis);
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s-kept.txt", account != NULL && account->handle != NULL
                                         ? account->handle : "account");
  g_strdelimit (name, "/\\", '-');
  gtk_file_dialog_set_title (dialog, _("Export Keep List"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        export_dialog_done_cb, g_object_ref (self));
}

void
_rapport_audience_page_keep_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.toggle-keep", NULL, toggle_keep_action);
  gtk_widget_class_install_action (widget_class, "page.undo-keep", NULL, undo_keep_action);
  gtk_widget_class_install_action (widget_class, "page.import-keep-list", NULL,
                                   import_keep_list_action);
  gtk_widget_class_install_action (widget_class, "page.export-keep-list", NULL,
                                   export_keep_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "page.toggle-keep", NULL);
}
