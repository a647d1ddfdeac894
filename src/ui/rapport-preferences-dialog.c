/* rapport-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: whether Rapport may refresh from the web at all (the GSettings key
 * refresh-from-web, which the window and `rapport refresh` both read), and which Bluesky and
 * Mastodon accounts it refreshes (the store's per-account setting, the one the account menu's
 * switch and `rapport refresh --account ID --on` change).  The accounts' switches are
 * insensitive while the master switch is off: then nothing is refreshed, whatever they say.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "net/rapport-live.h"
#include "session/rapport-refresh.h"
#include "ui/rapport-preferences-dialog.h"
#include "ui/rapport-toast.h"

struct _RapportPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  RapportStore         *store;
  gboolean              sample;

  /* Template children */
  AdwPreferencesGroup  *web_group;
  AdwSwitchRow         *allow_row;
  AdwPreferencesGroup  *accounts_group;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesDialog, rapport_preferences_dialog,
                     ADW_TYPE_PREFERENCES_DIALOG)

enum {
  ACCOUNTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
account_active_cb (AdwSwitchRow             *row,
                   GParamSpec               *pspec,
                   RapportPreferencesDialog *self)
{
  gint64 account_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "account-id");
  gboolean active = adw_switch_row_get_active (row);
  g_autoptr(GError) error = NULL;

  if (!rapport_refresh_set_enabled (self->store, account_id, active, &error))
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                        rapport_toast_new (error->message,
                                                           ADW_TOAST_PRIORITY_NORMAL));
      g_signal_handlers_block_by_func (row, account_active_cb, self);
      adw_switch_row_set_active (row, !active);
      g_signal_handlers_unblock_by_func (row, account_active_cb, self);
      return;
    }
  g_signal_emit (self, signals[ACCOUNTS_CHANGED], 0);
}

/* "Bluesky, refreshed 3 Mar 2025" or "Mastodon, not refreshed yet". */
static char *
account_subtitle (const RapportAccount *account)
{
  const char *platform = rapport_platform_display_name (account->platform);
  g_autofree char *day = NULL;

  if (account->last_refreshed_at <= 0)
    /* Translators: "Mastodon, not refreshed yet", under an account's handle */
    return g_strdup_printf (_("%s, not refreshed yet"), platform);
  day = rapport_format_day (account->last_refreshed_at);
  /* Translators: "Bluesky, last refreshed 3 Mar 2025", under an account's handle */
  return g_strdup_printf (_("%s, last refreshed %s"), platform, day);
}

static void
add_accounts (RapportPreferencesDialog *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  if (self->sample)
    {
      adw_preferences_group_set_description (self->accounts_group,
                                             _("The sample data's accounts are invented and "
                                               "are never refreshed."));
      return;
    }
  if (self->store != NULL && (accounts = rapport_store_list_accounts (self->store, &error)) == NULL)
    g_warning ("Could not list the accounts: %s", error->message);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!rapport_platform_refreshes_from_web (account->platform))
        continue;
      title = rapport_format_name (account->platform, account->handle);
      subtitle = account_subtitle (account);
      row = adw_switch_row_new ();
      /* Handles come from exports and servers: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_switch_row_set_active (ADW_SWITCH_ROW (row), account->refresh_enabled);
      g_object_set_data_full (G_OBJECT (row), "account-id",
                              g_memdup2 (&account->id, sizeof account->id), g_free);
      g_signal_connect_object (row, "notify::active", G_CALLBACK (account_active_cb), self,
                               G_CONNECT_DEFAULT);
      adw_preferences_group_add (self->accounts_group, row);
      n_rows++;
    }

  adw_preferences_group_set_description (
    self->accounts_group,
    n_rows > 0 ? _("The accounts whose public figures Rapport refreshes. Refresh one now from "
                   "its menu in the sidebar.")
               : _("No Bluesky or Mastodon account yet. Import an export of one, or add one "
                   "by its handle with “Follow an Account…” in the main menu."));
}

static void
rapport_preferences_dialog_dispose (GObject *object)
{
  RapportPreferencesDialog *self = RAPPORT_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_preferences_dialog_parent_class)->dispose (object);
}

static void
rapport_preferences_dialog_class_init (RapportPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_preferences_dialog_dispose;

  /**
   * RapportPreferencesDialog::accounts-changed:
   *
   * An account's refresh was turned on or off in the store.
   */
  signals[ACCOUNTS_CHANGED] = g_signal_new ("accounts-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesDialog, web_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesDialog, allow_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesDialog, accounts_group);
}

static void
rapport_preferences_dialog_init (RapportPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
rapport_preferences_dialog_new (GSettings    *settings,
                                RapportStore *store,
                                gboolean      sample)
{
  RapportPreferencesDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->sample = sample;

  g_settings_bind (settings, "refresh-from-web", self->allow_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "refresh-from-web", self->accounts_group, "sensitive",
                   G_SETTINGS_BIND_GET);
  add_accounts (self);

  return ADW_DIALOG (self);
}
