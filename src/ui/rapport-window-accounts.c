/* rapport-window-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar of the window: one row per account, "All accounts" above them when there are
 * several, and removing an account.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "ui/rapport-account-row.h"
#include "ui/rapport-window-private.h"

static RapportAccountRow *
find_row (RapportWindow *self,
          gint64         account_id)
{
  GtkListBoxRow *row;

  g_assert (RAPPORT_IS_WINDOW (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->accounts_list, i)) != NULL; i++)
    {
      if (rapport_account_row_get_account_id (RAPPORT_ACCOUNT_ROW (row)) == account_id)
        return RAPPORT_ACCOUNT_ROW (row);
    }

  return NULL;
}

static gint64
selected_account (RapportWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->accounts_list);

  return row != NULL ? rapport_account_row_get_account_id (RAPPORT_ACCOUNT_ROW (row)) : -1;
}

static gint64
shown_account (RapportWindow *self)
{
  if (self->loading_account >= 0)
    return self->loading_account;
  if (self->analysis != NULL)
    return rapport_analysis_get_account_id (self->analysis);
  return -1;
}

gboolean
_rapport_window_select_account (RapportWindow *self,
                                gint64         account_id)
{
  RapportAccountRow *row = find_row (self, account_id);

  g_assert (RAPPORT_IS_WINDOW (self));

  if (row == NULL)
    return FALSE;
  /* The row's selection loads its analysis, as the user's click does. */
  gtk_list_box_select_row (self->accounts_list, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

void
_rapport_window_refresh_accounts (RapportWindow *self,
                                  gint64         select_id,
                                  gboolean       reload)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountRow *row = NULL;
  gint64 previous;

  g_assert (RAPPORT_IS_WINDOW (self));

  previous = selected_account (self);

  self->refreshing_accounts = TRUE;

  /* Not gtk_list_box_remove_all(): that takes the placeholder away too. */
  while ((row = RAPPORT_ACCOUNT_ROW (gtk_list_box_get_row_at_index (self->accounts_list, 0))))
    gtk_list_box_remove (self->accounts_list, GTK_WIDGET (row));

  if (self->store != NULL && !(accounts = rapport_store_list_accounts (self->store, &error)))
    g_warning ("Could not list the accounts: %s", error->message);

  if (accounts != NULL && accounts->len > 1)
    gtk_list_box_append (self->accounts_list, rapport_account_row_new_all (accounts->len));

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    gtk_list_box_append (self->accounts_list,
                         rapport_account_row_new (g_ptr_array_index (accounts, i)));

  if (select_id >= 0)
    row = find_row (self, select_id);
  if (row == NULL && previous >= 0)
    row = find_row (self, previous);
  if (row == NULL)
    row = RAPPORT_ACCOUNT_ROW (gtk_list_box_get_row_at_index (self->accounts_list, 0));

  gtk_list_box_select_row (self->accounts_list, GTK_LIST_BOX_ROW (row));
  self->refreshing_accounts = FALSE;

  if (row == NULL)
    {
      if (self->store != NULL)
        _rapport_window_show_empty (self);
      return;
    }

  if (reload || rapport_account_row_get_account_id (row) != shown_account (self))
    _rapport_window_load_analysis (self, rapport_account_row_get_account_id (row));
}

static void
accounts_list_row_selected_cb (RapportWindow *self,
                               GtkListBoxRow *row,
                               GtkListBox    *list)
{
  gint64 account_id;

  if (self->refreshing_accounts || row == NULL)
    return;

  account_id = rapport_account_row_get_account_id (RAPPORT_ACCOUNT_ROW (row));

  if (account_id != shown_account (self))
    {
      adw_navigation_page_set_title (self->content_page,
                                     rapport_account_row_get_title (RAPPORT_ACCOUNT_ROW (row)));
      _rapport_window_load_analysis (self, account_id);
    }
}

static void
accounts_list_row_activated_cb (RapportWindow *self,
                                GtkListBoxRow *row,
                                GtkListBox    *list)
{
  /* On a narrow window the sidebar covers the content: choosing an account opens it. */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

typedef struct
{
  RapportWindow *window;
  gint64         account_id;
  char          *title;
} RemoveData;

static void
remove_data_free (gpointer  user_data,
                  GClosure *closure)
{
  RemoveData *data = user_data;

  g_clear_object (&data->window);
  g_free (data->title);
  g_free (data);
}

static void
remove_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  RemoveData *data = user_data;
  RapportWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "remove") || _rapport_window_is_disposed (self) ||
      self->store == NULL)
    return;

  /* The analysis being shown or loaded may be of this very account. */
  if (shown_account (self) == data->account_id || shown_account (self) == 0)
    _rapport_window_show_empty (self);

  if (!rapport_store_delete_account (self->store, data->account_id, &error))
    {
      AdwDialog *alert;

      alert = adw_alert_dialog_new (_("Could Not Remove the Account"), error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
      _rapport_window_refresh_accounts (self, -1, TRUE);
      return;
    }

  /* Translators: a toast after removing an account, "Removed @jo.doe" */
  message = g_strdup_printf (_("Removed %s"), data->title);
  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_HIGH);

  _rapport_window_refresh_accounts (self, -1, FALSE);
}

static void
rapport_window_remove_account_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const RapportAccount *account = NULL;
  gint64 account_id = g_variant_get_int64 (parameter);
  RemoveData *data;
  AdwDialog *dialog;

  if (self->store == NULL || !(accounts = rapport_store_list_accounts (self->store, &error)))
    return;

  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *candidate = g_ptr_array_index (accounts, i);

      if (candidate->id == account_id)
        account = candidate;
    }

  if (account == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->window = g_object_ref (self);
  data->account_id = account_id;
  data->title = rapport_format_name (account->platform, account->handle);

  /* Translators: the heading of the dialog that confirms removing an account, "Remove @jo.doe?" */
  heading = g_strdup_printf (_("Remove %s?"), data->title);
  body = g_strdup_printf (_("Everything Rapport imported for the %s account %s will be deleted "
                            "from this computer. The export files you imported stay where they "
                            "are, so you can import them again."),
                          rapport_platform_display_name (account->platform), data->title);

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), data,
                         remove_data_free, G_CONNECT_DEFAULT);

  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
_rapport_window_accounts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, accounts_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, accounts_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.remove-account", "x",
                                   rapport_window_remove_account_action);
}
