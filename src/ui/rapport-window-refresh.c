/* rapport-window-refresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's refresh from the web: win.refresh-account asks once what will be fetched and
 * from where, then turns the account's refresh on and runs it; win.follow-account adds a
 * Bluesky or Mastodon account by its handle.  The start and the outcome are toasts.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-format.h"
#include "rapport-window-private.h"
#include "session/rapport-refresh.h"

typedef struct
{
  RapportWindow *window;
  gint64 account_id;
  char *title;
} RefreshData;

static void
refresh_data_free (gpointer data,
                   GClosure *closure)
{
  RefreshData *refresh = data;

  g_object_unref (refresh->window);
  g_free (refresh->title);
  g_free (refresh);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!rapport_refresh_run_finish (result, &summary, &error))
    {
      if (!_rapport_window_is_disposed (self) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rapport_window_add_toast (self, error->message, ADW_TOAST_PRIORITY_HIGH);
      return;
    }
  if (_rapport_window_is_disposed (self))
    return;

  message = rapport_refresh_summary_describe (&summary);
  g_strchomp (message);
  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_HIGH);
  _rapport_window_refresh_accounts (self, summary.import.account_id, TRUE);
}

static void
run (RapportWindow *self,
     gint64         account_id,
     const char    *spec)
{
  g_settings_set_boolean (self->settings, "refresh-from-web", TRUE);
  _rapport_window_add_toast (self, _("Refreshing from the web…"), ADW_TOAST_PRIORITY_HIGH);
  rapport_refresh_run_async (self->active_data_dir, account_id, spec, FALSE, NULL, NULL,
                             self->cancellable, refresh_done_cb, g_object_ref (self));
}

static void
refresh_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     gpointer        user_data)
{
  RefreshData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "refresh") || data->window->store == NULL)
    return;
  if (!rapport_store_set_refresh_enabled (data->window->store, data->account_id, TRUE, &error))
    {
      _rapport_window_add_toast (data->window, error->message, ADW_TOAST_PRIORITY_HIGH);
      return;
    }
  run (data->window, data->account_id, NULL);
}

static void
rapport_window_refresh_account_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *server = NULL;
  const RapportAccount *account = NULL;
  gint64 account_id = g_variant_get_int64 (parameter);
  RefreshData *data;
  AdwDialog *dialog;

  if (self->store == NULL || !(accounts = rapport_store_list_accounts (self->store, NULL)))
    return;
  for (guint i = 0; i < accounts->len; i++)
    if (((RapportAccount *) g_ptr_array_index (accounts, i))->id == account_id)
      account = g_ptr_array_index (accounts, i);
  if (account == NULL || !rapport_live_supports (account->platform))
    return;

  data = g_new0 (RefreshData, 1);
  data->window = g_object_ref (self);
  data->account_id = account_id;
  data->title = rapport_format_handle (account->handle);

  if (account->platform == RAPPORT_PLATFORM_BLUESKY)
    server = g_strdup (_("Bluesky's public service, public.api.bsky.app"));
  else
    server = g_strdup_printf (_("the account's own server, %s"),
                              strchr (account->handle, '@') != NULL
                              ? strchr (account->handle, '@') + 1 : account->handle);

  /* Translators: the heading of the dialog before a refresh from the web, "Refresh @jo?" */
  heading = g_strdup_printf (_("Refresh %s From the Web?"), data->title);
  body = g_strdup_printf (_("Rapport will fetch what anyone can see without logging in: the "
                            "follower count, the lists of followers and of accounts followed, "
                            "and the likes, reposts and replies of the posts of %s, from %s. "
                            "Nothing is sent but the requests, and Rapport never logs in. The "
                            "account is refreshed at most once an hour."),
                          data->title, server);

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "refresh", _("_Refresh"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "refresh",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "refresh");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (refresh_response_cb), data,
                         refresh_data_free, G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
follow_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  RapportWindow *self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "follow"))
    run (self, 0, gtk_editable_get_text (entry));
}

static void
rapport_window_follow_account_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GtkWidget *entry = gtk_entry_new ();
  AdwDialog *dialog;

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  "bluesky:name.bsky.social / mastodon:name@server");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  dialog = adw_alert_dialog_new (_("Follow an Account"),
                                 _("Add a Bluesky or Mastodon account by its handle, without an "
                                   "export. Rapport fetches its public follower count, follower "
                                   "lists and post counts from the service, without logging in, "
                                   "at most once an hour; exports you import later join it."));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "follow", _("_Follow"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "follow",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "follow");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (follow_response_cb), self,
                           G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
_rapport_window_refresh_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh-account", "x",
                                   rapport_window_refresh_account_action);
  gtk_widget_class_install_action (widget_class, "win.follow-account", NULL,
                                   rapport_window_follow_account_action);
}
