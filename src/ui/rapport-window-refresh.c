/* rapport-window-refresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's refresh from the web: win.set-account-refresh is the account menu's switch (on,
 * it asks once what will be fetched and from where, then runs a refresh; off, later refreshes
 * stop), win.refresh-account runs one now, win.follow-account adds a Bluesky or Mastodon
 * account by its handle, win.preferences opens Preferences.  A refresh runs only with the
 * master switch (GSettings refresh-from-web) on: where it is off, the dialog that asks before
 * a refresh says that this turns it on.  A toast shows the progress with counts and cancels;
 * the outcome, or why it failed in plain words, is another toast.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-format.h"
#include "rapport-window-private.h"
#include "session/rapport-refresh.h"
#include "ui/rapport-preferences-dialog.h"
#include "ui/rapport-toast.h"

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

/* One running refresh.  It holds the window weakly: closing the window cancels the refresh
 * (through the window's cancellable) rather than keeping the window alive. */
typedef struct
{
  GWeakRef window;
  GCancellable *window_cancellable;
  gulong cancel_id;
  GCancellable *cancellable;
  AdwToast *toast;
  char *title;
  gboolean adding; /* Follow an Account: no account yet */
} RefreshRun;

static void
refresh_run_free (RefreshRun *run)
{
  g_cancellable_disconnect (run->window_cancellable, run->cancel_id);
  g_clear_object (&run->window_cancellable);
  g_clear_object (&run->cancellable);
  if (run->toast != NULL)
    adw_toast_dismiss (run->toast);
  g_clear_object (&run->toast);
  g_weak_ref_clear (&run->window);
  g_free (run->title);
  g_free (run);
}

static void
cancel_run_cb (GCancellable *window_cancellable,
               gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
toast_cancel_cb (AdwToast *toast,
                 gpointer  user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
refresh_progress_cb (RapportLiveStage stage,
                     guint64          done,
                     gint64           total,
                     gpointer         user_data)
{
  RefreshRun *run = user_data;
  g_autoptr(RapportWindow) self = g_weak_ref_get (&run->window);
  g_autofree char *done_text = rapport_format_count ((double) done);
  g_autofree char *total_text = total >= 0 ? rapport_format_count ((double) total) : NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;

  if (self == NULL || _rapport_window_is_disposed (self) ||
      g_cancellable_is_cancelled (run->cancellable))
    return;

  switch (stage)
    {
    case RAPPORT_LIVE_STAGE_PROFILE:
      what = g_strdup (_("reading the profile"));
      break;

    case RAPPORT_LIVE_STAGE_FOLLOWERS:
      /* Translators: progress of a refresh, "followers, 200 of 1,250" or "followers, 200" */
      what = total_text != NULL ? g_strdup_printf (_("followers, %s of %s"), done_text, total_text)
                                : g_strdup_printf (_("followers, %s"), done_text);
      break;

    case RAPPORT_LIVE_STAGE_FOLLOWING:
      what = total_text != NULL
             ? g_strdup_printf (_("accounts followed, %s of %s"), done_text, total_text)
             : g_strdup_printf (_("accounts followed, %s"), done_text);
      break;

    case RAPPORT_LIVE_STAGE_POSTS:
    default:
      what = g_strdup_printf (_("posts, %s"), done_text);
      break;
    }

  /* Translators: "Refreshing @jo: followers, 200 of 1,250…" */
  title = g_strdup_printf (_("Refreshing %s: %s…"), run->title, what);
  adw_toast_set_title (run->toast, title);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RefreshRun *run = user_data;
  g_autoptr(RapportWindow) self = g_weak_ref_get (&run->window);
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = rapport_refresh_run_finish (result, &summary, &error);
  g_autofree char *title = g_strdup (run->title);
  gboolean adding = run->adding;

  refresh_run_free (run);
  if (self == NULL || _rapport_window_is_disposed (self))
    return;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *failure = rapport_refresh_describe_error (title, adding,
                                                                             error);

          _rapport_window_add_toast (self, failure, ADW_TOAST_PRIORITY_HIGH);
        }
      return;
    }

  message = rapport_refresh_summary_describe (&summary);
  g_strchomp (message);
  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_HIGH);
  _rapport_window_refresh_accounts (self, summary.import.account_id, TRUE);
}

/* Runs a refresh; the caller has made sure the creator allowed it (the master switch). */
static void
run (RapportWindow *self,
     gint64         account_id,
     const char    *spec,
     const char    *title,
     gboolean       force)
{
  RefreshRun *run = g_new0 (RefreshRun, 1);
  g_autofree char *toast_title = NULL;

  g_weak_ref_init (&run->window, self);
  run->title = g_strdup (title);
  run->adding = account_id == 0;
  run->cancellable = g_cancellable_new ();
  run->window_cancellable = g_object_ref (self->cancellable);
  run->cancel_id = g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_run_cb),
                                          run->cancellable, NULL);

  /* Translators: "Refreshing @jo from the web…" */
  toast_title = g_strdup_printf (_("Refreshing %s from the web…"), title);
  run->toast = rapport_toast_new (toast_title, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (run->toast, 0);
  adw_toast_set_button_label (run->toast, _("_Cancel"));
  g_signal_connect_object (run->toast, "button-clicked", G_CALLBACK (toast_cancel_cb),
                           run->cancellable, G_CONNECT_DEFAULT);
  rapport_toast_show (GTK_WIDGET (self->toast_overlay), g_object_ref (run->toast));

  rapport_refresh_run_async (self->active_data_dir, account_id, spec, force,
                             refresh_progress_cb, run, run->cancellable, refresh_done_cb, run);
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
  /* The dialog said what is fetched, and that this allows refreshing if it was off. */
  g_settings_set_boolean (data->window->settings, "refresh-from-web", TRUE);
  if (!rapport_store_set_refresh_enabled (data->window->store, data->account_id, TRUE, &error))
    {
      _rapport_window_add_toast (data->window, error->message, ADW_TOAST_PRIORITY_HIGH);
      return;
    }
  /* The menu shows the switch on even if this first refresh fails. */
  _rapport_window_refresh_accounts (data->window, -1, FALSE);
  run (data->window, data->account_id, NULL, data->title, FALSE);
}

static RapportAccount *
find_live_account (RapportWindow *self,
                   gint64         account_id)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (self->store == NULL || !(accounts = rapport_store_list_accounts (self->store, NULL)))
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);

      if (account->id == account_id && rapport_platform_refreshes_from_web (account->platform))
        return g_ptr_array_steal_index (accounts, i);
    }
  return NULL;
}

/* @body (taken), and where the master switch is off, that accepting turns it on. */
static char *
add_master_note (RapportWindow *self,
                 char          *body)
{
  char *noted;

  if (g_settings_get_boolean (self->settings, "refresh-from-web"))
    return body;
  noted = g_strconcat (body, " ", _("Refreshing from the web is off in Preferences; this turns "
                                    "it on."), NULL);
  g_free (body);
  return noted;
}

/* Asks once what will be fetched and from where; "Refresh" turns the account's refresh on and
 * runs it. */
static void
ask_and_refresh (RapportWindow        *self,
                 const RapportAccount *account)
{
  g_autofree char *body = NULL;
  g_autofree char *server = NULL;
  gint64 account_id = account->id;
  RefreshData *data;
  AdwDialog *dialog;

  data = g_new0 (RefreshData, 1);
  data->window = g_object_ref (self);
  data->account_id = account_id;
  data->title = rapport_format_name (account->platform, account->handle);

  if (account->platform == RAPPORT_PLATFORM_BLUESKY)
    server = g_strdup (_("Bluesky's public service, public.api.bsky.app"));
  else
    server = g_strdup_printf (_("the account's own server, %s"),
                              strchr (account->handle, '@') != NULL
                              ? strchr (account->handle, '@') + 1 : account->handle);

  body = g_strdup_printf (_("Rapport will fetch what anyone can see without logging in: the "
                            "follower count, the lists of followers and of accounts followed, "
                            "and the likes, reposts and replies of the posts of %s, from %s. "
                            "Nothing is sent but the requests, and Rapport never logs in. The "
                            "account is refreshed at most once an hour."),
                          data->title, server);
  body = add_master_note (self, g_steal_pointer (&body));

  /* The body names the account: a long handle in the heading would not fit a narrow window. */
  dialog = adw_alert_dialog_new (_("Refresh From the Web?"), body);
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
rapport_window_refresh_account_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(RapportAccount) account = find_live_account (self, g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;

  if (account == NULL)
    return;
  if (!account->refresh_enabled || !g_settings_get_boolean (self->settings, "refresh-from-web"))
    {
      ask_and_refresh (self, account);
      return;
    }
  title = rapport_format_name (account->platform, account->handle);
  /* "Refresh Now" is the asking that lifts the once-an-hour rule. */
  run (self, account->id, NULL, title, TRUE);
}

/* The switch in the account's menu. */
static void
rapport_window_set_account_refresh_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(RapportAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gint64 account_id;
  gboolean enabled;

  g_variant_get (parameter, "(xb)", &account_id, &enabled);
  if ((account = find_live_account (self, account_id)) == NULL)
    return;
  if (enabled)
    {
      ask_and_refresh (self, account);
      return;
    }

  if (!rapport_refresh_set_enabled (self->store, account_id, FALSE, &error))
    {
      _rapport_window_add_toast (self, error->message, ADW_TOAST_PRIORITY_HIGH);
      return;
    }
  title = rapport_format_name (account->platform, account->handle);
  /* Translators: "Stopped refreshing @jo" (from the web) */
  message = g_strdup_printf (_("Stopped refreshing %s"), title);
  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_NORMAL);
  _rapport_window_refresh_accounts (self, -1, FALSE);
}

static void
follow_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  RapportWindow *self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  const char *spec = gtk_editable_get_text (entry);
  g_autofree char *handle = NULL;
  g_autofree char *title = NULL;
  RapportPlatform platform;

  if (!g_str_equal (response, "follow"))
    return;
  /* "@name.bsky.social" in the toasts; what is not a handle, as typed, for the error. */
  title = rapport_live_parse_spec (spec, &platform, &handle, NULL)
          ? rapport_format_name (platform, handle) : g_strdup (spec);
  /* The dialog said what is fetched, and that this allows refreshing if it was off. */
  g_settings_set_boolean (self->settings, "refresh-from-web", TRUE);
  run (self, 0, spec, title, FALSE);
}

static void
rapport_window_follow_account_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  "bluesky:name.bsky.social / mastodon:name@server");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  body = add_master_note (self, g_strdup (_("Add a Bluesky or Mastodon account by its handle, "
                                            "without an export. Rapport fetches its public "
                                            "follower count, follower lists and post counts "
                                            "from the service, without logging in, at most "
                                            "once an hour; exports you import later join it.")));
  dialog = adw_alert_dialog_new (_("Follow an Account"), body);
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

static void
preferences_accounts_changed_cb (RapportWindow *self)
{
  _rapport_window_refresh_accounts (self, -1, FALSE);
}

static void
rapport_window_preferences_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  AdwDialog *dialog = rapport_preferences_dialog_new (self->settings, self->store,
                                                      self->exploring_sample);

  /* The account menus show the same switches. */
  g_signal_connect_object (dialog, "accounts-changed",
                           G_CALLBACK (preferences_accounts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
_rapport_window_refresh_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   rapport_window_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-account", "x",
                                   rapport_window_refresh_account_action);
  gtk_widget_class_install_action (widget_class, "win.set-account-refresh", "(xb)",
                                   rapport_window_set_account_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.follow-account", NULL,
                                   rapport_window_follow_account_action);
}
