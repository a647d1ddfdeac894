/* rapport-window-identify.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export that names nobody is imported under a stand-in handle.  The window then asks whose
 * it is: a later export of an account already here (the two are merged) or a new account (it
 * gets its handle).  The same dialog opens from the account's menu, win.identify-account.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "ui/rapport-window-private.h"

typedef struct
{
  RapportWindow   *window;
  gint64           account_id;
  GArray          *candidates;   /* gint64 account ids, one per check button */
  GPtrArray       *checks;       /* GtkCheckButton, in the order of candidates */
  GtkCheckButton  *new_check;
  AdwEntryRow     *handle_row;
} IdentifyData;

static void
identify_data_free (gpointer  user_data,
                    GClosure *closure)
{
  IdentifyData *data = user_data;

  g_clear_object (&data->window);
  g_array_unref (data->candidates);
  g_ptr_array_unref (data->checks);
  g_free (data);
}

static void
show_failure (RapportWindow *self,
              const GError  *error)
{
  AdwDialog *alert;

  alert = adw_alert_dialog_new (_("Could Not Change the Account"), error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
identify_response_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      gpointer        user_data)
{
  IdentifyData *data = user_data;
  RapportWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  gint64 select_id = data->account_id;

  if (!g_str_equal (response, "save") || _rapport_window_is_disposed (self) ||
      self->store == NULL)
    return;

  for (guint i = 0; i < data->checks->len; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
        continue;

      /* The later export joins the account it belongs to, which keeps its name. */
      select_id = g_array_index (data->candidates, gint64, i);
      _rapport_window_show_empty (self);
      if (!rapport_store_merge_accounts (self->store, data->account_id, select_id, &error))
        {
          show_failure (self, error);
          select_id = -1;
        }
      _rapport_window_refresh_accounts (self, select_id, TRUE);
      return;
    }

  if (gtk_check_button_get_active (data->new_check))
    {
      const char *handle = gtk_editable_get_text (GTK_EDITABLE (data->handle_row));

      if (!rapport_store_rename_account (self->store, data->account_id, handle, &error))
        show_failure (self, error);
      _rapport_window_refresh_accounts (self, select_id, TRUE);
    }
}

/* Saving needs a choice, and a handle for a new account. */
static void
update_save_cb (IdentifyData *data)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (data->new_check), ADW_TYPE_DIALOG);
  gboolean ready = FALSE;

  for (guint i = 0; i < data->checks->len; i++)
    ready |= gtk_check_button_get_active (g_ptr_array_index (data->checks, i));
  if (gtk_check_button_get_active (data->new_check))
    ready = *gtk_editable_get_text (GTK_EDITABLE (data->handle_row)) != '\0';

  if (dialog != NULL)
    adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "save", ready);
}

static GtkCheckButton *
add_choice (GtkListBox     *list,
            GtkCheckButton *group,
            const char     *title,
            const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Handles come from exports: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (list, row);

  return GTK_CHECK_BUTTON (check);
}

void
_rapport_window_identify_account (RapportWindow *self,
                                  gint64         account_id)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *body = NULL;
  const RapportAccount *account = NULL;
  GtkCheckButton *group = NULL;
  IdentifyData *data;
  GtkListBox *list;
  AdwDialog *dialog;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->store == NULL || !(accounts = rapport_store_list_accounts (self->store, NULL)))
    return;
  for (guint i = 0; i < accounts->len; i++)
    if (((RapportAccount *) g_ptr_array_index (accounts, i))->id == account_id)
      account = g_ptr_array_index (accounts, i);
  if (account == NULL)
    return;

  data = g_new0 (IdentifyData, 1);
  data->window = g_object_ref (self);
  data->account_id = account_id;
  data->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->checks = g_ptr_array_new ();

  handle = rapport_format_name (account->platform, account->handle);
  /* Translators: "No file of this export says which Instagram account it belongs to, so it was
   * imported as @instagram-download. Is it a later export of an account already here, or a new
   * account?" */
  body = g_strdup_printf (_("No file of this export says which %s account it belongs to, so it "
                            "was imported as %s. Is it a later export of an account already "
                            "here, or a new account?"),
                          rapport_platform_display_name (account->platform), handle);
  dialog = adw_alert_dialog_new (_("Whose Export Is This?"), body);

  list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");

  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *other = g_ptr_array_index (accounts, i);
      g_autofree char *title = NULL;
      GtkCheckButton *check;

      if (other->id == account_id || other->platform != account->platform)
        continue;

      title = rapport_format_name (other->platform, other->handle);
      check = add_choice (list, group, title, _("A later export of this account"));
      group = group != NULL ? group : check;
      g_array_append_val (data->candidates, other->id);
      g_ptr_array_add (data->checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_save_cb), data);
    }

  data->new_check = add_choice (list, group, _("A new account"), NULL);
  g_signal_connect_swapped (data->new_check, "toggled", G_CALLBACK (update_save_cb), data);
  data->handle_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* YouTube and LinkedIn know accounts by a channel's title or a member's name. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->handle_row),
                                 rapport_platform_has_handles (account->platform)
                                 ? _("Its handle") : _("Its name"));
  g_signal_connect_swapped (data->handle_row, "changed", G_CALLBACK (update_save_cb), data);
  g_object_bind_property (data->new_check, "active", data->handle_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  gtk_list_box_append (list, GTK_WIDGET (data->handle_row));

  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (list));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "later", _("_Decide Later"),
                                  "save", _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "save", FALSE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (identify_response_cb), data,
                         identify_data_free, G_CONNECT_DEFAULT);

  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
rapport_window_identify_account_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  _rapport_window_identify_account (RAPPORT_WINDOW (widget), g_variant_get_int64 (parameter));
}

void
_rapport_window_identify_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.identify-account", "x",
                                   rapport_window_identify_account_action);
}
