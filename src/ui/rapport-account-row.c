/* rapport-account-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "rapport-account-row.h"

struct _RapportAccountRow
{
  GtkListBoxRow  parent_instance;

  gint64         account_id;

  /* Template children */
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (RapportAccountRow, rapport_account_row, GTK_TYPE_LIST_BOX_ROW)

const char *
rapport_platform_icon_name (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return "rapport-instagram-symbolic";

    case RAPPORT_PLATFORM_TWITTER:
      return "rapport-x-symbolic";

    case RAPPORT_PLATFORM_TIKTOK:
      return "rapport-tiktok-symbolic";

    case RAPPORT_PLATFORM_FACEBOOK:
      return "rapport-facebook-symbolic";
    case RAPPORT_PLATFORM_YOUTUBE:
      return "rapport-youtube-symbolic";
    case RAPPORT_PLATFORM_LINKEDIN:
      return "rapport-linkedin-symbolic";
    case RAPPORT_PLATFORM_MASTODON:
      return "rapport-mastodon-symbolic";
    case RAPPORT_PLATFORM_MEDIUM:
      return "rapport-medium-symbolic";
    case RAPPORT_PLATFORM_BLUESKY:
      return "rapport-bluesky-symbolic";
    case RAPPORT_PLATFORM_THREADS:
      return "rapport-threads-symbolic";

    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return "avatar-default-symbolic";
    }
}

static void
popup_menu (RapportAccountRow *self)
{
  g_assert (RAPPORT_IS_ACCOUNT_ROW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->menu_button)))
    gtk_menu_button_popup (self->menu_button);
}

static void
secondary_click_pressed_cb (RapportAccountRow *self,
                            int                n_press,
                            double             x,
                            double             y,
                            GtkGestureClick   *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self);
}

static void
long_press_pressed_cb (RapportAccountRow   *self,
                       double               x,
                       double               y,
                       GtkGestureLongPress *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self);
}

static void
rapport_account_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_ACCOUNT_ROW);

  G_OBJECT_CLASS (rapport_account_row_parent_class)->dispose (object);
}

static void
rapport_account_row_class_init (RapportAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAccountRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAccountRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, secondary_click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, long_press_pressed_cb);
}

static void
rapport_account_row_init (RapportAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
refresh_change_state_cb (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  RapportAccountRow *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-account-refresh", "(xb)",
                              self->account_id, g_variant_get_boolean (state));
}

/**
 * rapport_account_row_new:
 * @account: the account
 *
 * Returns: (transfer floating): a row with the platform's icon, the handle and the date of the
 *   newest export, and a menu to remove the account
 */
GtkWidget *
rapport_account_row_new (const RapportAccount *account)
{
  RapportAccountRow *self;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) remove = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (account->id > 0, NULL);

  self = g_object_new (RAPPORT_TYPE_ACCOUNT_ROW, NULL);
  self->account_id = account->id;

  title = rapport_format_name (account->platform, account->handle);

  if (account->provisional)
    /* Translators: an account whose export did not say whose it is */
    subtitle = g_strdup (_("Whose export is this?"));
  else if (account->last_refreshed_at > 0 &&
           account->last_refreshed_at >= account->last_exported_at)
    {
      g_autofree char *date = rapport_format_day (account->last_refreshed_at);

      /* Translators: the date an account was last refreshed from the web, "Refreshed 3 Mar 2025" */
      subtitle = g_strdup_printf (_("Refreshed %s"), date);
    }
  else if (account->last_exported_at > 0)
    {
      g_autofree char *date = rapport_format_day (account->last_exported_at);

      /* Translators: the date of the newest export of an account, "Exported 31 Jul 2022" */
      subtitle = g_strdup_printf (_("Exported %s"), date);
    }
  else
    subtitle = g_strdup (rapport_platform_display_name (account->platform));

  /* Translators: "Instagram account @jo.doe" */
  tooltip = g_strdup_printf (_("%s account %s"),
                             rapport_platform_display_name (account->platform), title);

  gtk_image_set_from_icon_name (self->icon, rapport_platform_icon_name (account->platform));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  menu = g_menu_new ();
  if (account->provisional)
    {
      g_autoptr(GMenuItem) identify = g_menu_item_new (_("_Identify Account…"), NULL);

      g_menu_item_set_action_and_target_value (identify, "win.identify-account",
                                               g_variant_new_int64 (account->id));
      g_menu_append_item (menu, identify);
    }
  if (rapport_platform_refreshes_from_web (account->platform))
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GSimpleAction) action = NULL;

      /* A check item needs a stateful action without target: the row's own, whose change
       * the window decides on (it asks before turning a refresh on) and shows by
       * rebuilding the rows. */
      action = g_simple_action_new_stateful ("refresh-from-web", NULL,
                                             g_variant_new_boolean (account->refresh_enabled));
      g_signal_connect_object (action, "change-state", G_CALLBACK (refresh_change_state_cb),
                               self, G_CONNECT_DEFAULT);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (group));
      g_menu_append (menu, _("Refresh From the _Web"), "row.refresh-from-web");
      if (account->refresh_enabled)
        {
          g_autoptr(GMenuItem) now = g_menu_item_new (_("Refresh _Now"), NULL);

          g_menu_item_set_action_and_target_value (now, "win.refresh-account",
                                                   g_variant_new_int64 (account->id));
          g_menu_append_item (menu, now);
        }
    }
  remove = g_menu_item_new (_("_Remove Account…"), NULL);
  g_menu_item_set_action_and_target_value (remove, "win.remove-account",
                                           g_variant_new_int64 (account->id));
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), TRUE);

  return GTK_WIDGET (self);
}

/**
 * rapport_account_row_new_all:
 * @n_accounts: the number of accounts
 *
 * Returns: (transfer floating): the row of the cross-platform view
 */
GtkWidget *
rapport_account_row_new_all (guint n_accounts)
{
  RapportAccountRow *self;
  g_autofree char *subtitle = NULL;

  self = g_object_new (RAPPORT_TYPE_ACCOUNT_ROW, NULL);
  self->account_id = 0;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts",
                                           n_accounts),
                              n_accounts);

  gtk_image_set_from_icon_name (self->icon, "system-users-symbolic");
  gtk_label_set_label (self->title_label, _("All Accounts"));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("All Accounts"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return GTK_WIDGET (self);
}

gint64
rapport_account_row_get_account_id (RapportAccountRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_ROW (self), -1);

  return self->account_id;
}

const char *
rapport_account_row_get_title (RapportAccountRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
rapport_account_row_get_subtitle (RapportAccountRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

const char *
rapport_account_row_get_icon_name (RapportAccountRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACCOUNT_ROW (self), NULL);

  return gtk_image_get_icon_name (self->icon);
}
