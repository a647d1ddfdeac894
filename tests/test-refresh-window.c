/* test-refresh-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refreshing from the web through the window, against a local SoupServer that replays the
 * hand-written answers of tests/fixtures/live ($RAPPORT_BLUESKY_APPVIEW and
 * $RAPPORT_MASTODON_SERVER point at it): Preferences and its master switch, two refreshes of
 * a Bluesky and a Mastodon account seen on the Audience page and the Overview, and failed
 * refreshes in plain words.  Screenshots go to tests/screenshots/ of the build tree.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "store/rapport-store.h"
#include "ui/charts/rapport-chart.h"
#include "ui/models/rapport-person-item.h"
#include "ui/rapport-account-row.h"
#include "ui/rapport-audience-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-preferences-dialog.h"
#include "ui/rapport-window.h"
#include "rapport-test-server.h"
#include "rapport-test-ui.h"
#include "rapport-test-util.h"

static RapportTestServer *server;

static GSettings *
settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (BASE_APPLICATION_ID);
  return settings;
}

static gpointer
template_child (RapportWindow *window,
                const char    *name)
{
  return rapport_test_ui_template_child (window, RAPPORT_TYPE_WINDOW, name);
}

/* Until the refresh, the import or the analysis the window is busy with is done. */
static void
wait_idle (RapportWindow *window)
{
  while (rapport_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();
}

/* A window of 1100 by 740 on @data_dir. */
static RapportWindow *
present_window (const char *data_dir)
{
  RapportWindow *window = rapport_window_new (rapport_test_ui_shared_application ());

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 740);
  gtk_window_present (GTK_WINDOW (window));
  rapport_test_ui_wait_allocated (GTK_WIDGET (window));
  rapport_window_set_data_dir (window, data_dir);
  wait_idle (window);
  return window;
}

static void
destroy_window (RapportWindow *window)
{
  wait_idle (window);
  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

/* Until a toast titled @title shows, which is then kept until the caller dismisses it; the
 * refresh runs in a thread of its own, so the loop is turned without blocking. */
static AdwToast *
wait_for_toast (RapportWindow *window,
                const char    *title)
{
  AdwToastOverlay *overlay = template_child (window, "toast_overlay");
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  AdwToast *toast;

  while ((toast = rapport_test_ui_find_toast (overlay, title)) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no toast “%s”", title);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_object_unref (toast);
  toast = rapport_test_ui_hold_toast (overlay, title);
  wait_idle (window);
  return toast;
}

static void
dismiss (AdwToast *toast)
{
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  rapport_test_ui_iterate_pending ();
}

static AdwDialog *
visible_dialog (RapportWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_nonnull (dialog);
  return dialog;
}

/* "Follow an Account…" with @spec typed in and Follow pressed. */
static void
follow (RapportWindow *window,
        const char    *spec)
{
  AdwDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-account", NULL));
  dialog = visible_dialog (window);
  entry = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), spec);
  g_signal_emit_by_name (dialog, "response", "follow");
  adw_dialog_force_close (dialog);
}

static gint64
account_id (const char *data_dir,
            const char *handle)
{
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, NULL);
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, NULL);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);

      if (g_str_equal (account->handle, handle))
        return account->id;
    }
  return 0;
}

static guint
n_accounts (const char *data_dir)
{
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, NULL);
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, NULL);

  g_assert_nonnull (accounts);
  return accounts->len;
}

/* Selects the sidebar's row of @id, as a click does. */
static void
select_account (RapportWindow *window,
                gint64         id)
{
  GtkListBox *list = template_child (window, "accounts_list");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (rapport_account_row_get_account_id (RAPPORT_ACCOUNT_ROW (row)) == id)
        {
          gtk_list_box_select_row (list, row);
          wait_idle (window);
          return;
        }
    }
  g_error ("no row of account %" G_GINT64_FORMAT, id);
}

/* ── Preferences ─────────────────────────────────────────────────────────────────────────── */

/* An account on @platform with one follower, from an export of its own. */
static gint64
import_account (const char      *data_dir,
                RapportPlatform  platform,
                const char      *handle)
{
  RapportAccountInfo account = { platform, handle, NULL, NULL, FALSE };

  return rapport_test_import_account (data_dir, handle, &account);
}

static gboolean
refresh_enabled (const char *data_dir,
                 gint64      id)
{
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, NULL);
  gboolean enabled = FALSE;

  g_assert_true (rapport_store_get_refresh (store, id, &enabled, NULL, NULL));
  return enabled;
}

/* The switch rows of @group, each as "title|subtitle|on" or "…|off", joined by newlines. */
static char *
describe_rows (AdwPreferencesGroup *group,
               GPtrArray           *rows)
{
  GString *text = g_string_new (NULL);

  g_ptr_array_set_size (rows, 0);
  rapport_test_ui_collect (GTK_WIDGET (group), ADW_TYPE_SWITCH_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      g_assert_false (adw_preferences_row_get_use_markup (row));
      g_string_append_printf (text, "%s%s|%s|%s", i > 0 ? "\n" : "",
                              adw_preferences_row_get_title (row),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              adw_switch_row_get_active (ADW_SWITCH_ROW (row)) ? "on" : "off");
    }
  return g_string_free (text, FALSE);
}

/* Whether a menu button below @root has an item, in any section, that activates @action. */
static gboolean
menu_model_has_action (GMenuModel *menu,
                       const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_model_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
menus_have_action (GtkWidget  *root,
                   const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rapport_test_ui_collect (root, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));

      if (menu != NULL && menu_model_has_action (menu, action))
        return TRUE;
    }
  return FALSE;
}

/* How many items the menu of the sidebar's row of @id has. */
static int
row_menu_items (RapportWindow *window,
                gint64         id)
{
  GtkListBox *list = template_child (window, "accounts_list");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (rapport_account_row_get_account_id (RAPPORT_ACCOUNT_ROW (row)) != id)
        continue;
      rapport_test_ui_collect (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, buttons);
      g_assert_cmpuint (buttons->len, ==, 1);
      return g_menu_model_get_n_items (
        gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, 0)));
    }
  g_error ("no row of account %" G_GINT64_FORMAT, id);
  return 0;
}

/* ── The Audience page ───────────────────────────────────────────────────────────────────── */

static gpointer
audience_child (RapportWindow *window,
                const char    *name)
{
  return rapport_test_ui_template_child (rapport_test_ui_window_page (window, "audience"),
                                         RAPPORT_TYPE_AUDIENCE_PAGE, name);
}

/* The segment titled @title in the sidebar: its count as shown, and the handles of the
 * accounts it lists once chosen (as the rows show them), joined by spaces. */
static void
read_segment (RapportWindow  *window,
              const char     *title,
              char          **count_out,
              char          **whos_out)
{
  GtkListBox *list = audience_child (window, "segment_list");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GListModel *people;
      GString *whos;

      if (!g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box))),
                        title))
        continue;
      *count_out = g_strdup (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box))));
      gtk_drop_down_set_selected (audience_child (window, "segment_dropdown"), i);
      people = G_LIST_MODEL (audience_child (window, "selection"));
      whos = g_string_new (NULL);
      for (guint j = 0; j < g_list_model_get_n_items (people); j++)
        {
          g_autoptr(RapportPersonItem) item = g_list_model_get_item (people, j);

          g_string_append_printf (whos, "%s%s", j > 0 ? " " : "",
                                  rapport_person_item_get_handle (item));
        }
      *whos_out = g_string_free (whos, FALSE);
      return;
    }
  g_error ("no segment “%s”", title);
}

static void
assert_segment (RapportWindow *window,
                const char    *title,
                const char    *count,
                const char    *whos)
{
  g_autofree char *shown_count = NULL;
  g_autofree char *shown_whos = NULL;

  read_segment (window, title, &shown_count, &shown_whos);
  g_assert_cmpstr (shown_count, ==, count);
  g_assert_cmpstr (shown_whos, ==, whos);
}

/* ── The Overview ────────────────────────────────────────────────────────────────────────── */

static RapportChart *
overview_chart (RapportWindow *window)
{
  return rapport_test_ui_template_child (rapport_test_ui_window_page (window, "overview"),
                                         RAPPORT_TYPE_OVERVIEW_PAGE, "chart");
}

/* What the Overview draws of the account's posts: their interactions, oldest first, as dots
 * from @first_post on (the followers' line starts at the first refresh), with the legend's
 * words for them. */
static void
assert_engagement (RapportWindow *window,
                   const char    *interactions,
                   gint64         first_post)
{
  const RapportReport *report = rapport_analysis_get_report (rapport_window_get_analysis (window));
  GtkWidget *page = rapport_test_ui_window_page (window, "overview");
  RapportChart *chart = overview_chart (window);
  g_autoptr(GString) shown = g_string_new (NULL);
  gint64 start = 0;
  gint64 end = 0;

  for (guint i = 0; i < report->per_post->len; i++)
    g_string_append_printf (shown, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (report->per_post, RapportPostEngagement,
                                           i).interactions);
  g_assert_cmpstr (shown->str, ==, interactions);

  /* The followers, the posts' interactions and their 30-day median, which needs three posts:
   * fewer draw no median line. */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, report->per_post->len >= 3 ? 3 : 2);
  g_assert_true (rapport_chart_get_data_range (chart, &start, &end));
  g_assert_cmpint (start, ==, first_post);
  g_assert_nonnull (rapport_test_ui_find_shown_label (page, "Interactions of each post (right "
                                                      "axis) — no engagement rate: the exports "
                                                      "give no follower figure for the days of "
                                                      "the posts"));
}

static void
show_page (RapportWindow *window,
           const char    *name)
{
  adw_view_stack_set_visible_child_name (template_child (window, "view_stack"), name);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
}

/* tests/screenshots/@name.png of the build tree, for people to look at. */
static void
screenshot (RapportWindow *window,
            const char    *name)
{
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (GTK_WINDOW (window), name);
}

/* ── Tests ───────────────────────────────────────────────────────────────────────────────── */

/* After two refreshes with different follower pages, the Audience page shows who came and
 * who left for a Bluesky and a Mastodon account, and the Overview draws the engagement of
 * their posts: the "done when", through the window alone. */
static void
test_two_refreshes (void)
{
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  RapportWindow *window = NULL;
  AdwToast *toast;
  gint64 alice;
  gint64 mira;

  g_settings_set_boolean (settings (), "refresh-from-web", TRUE);
  rapport_test_server_clear (server);
  /* The second refresh of each finds another follower on the second page: Erin where Dan
   * was, on Bluesky; Fay where Erin was, on Mastodon. */
  rapport_test_server_serve_bluesky (server, "bluesky-followers-2.json");
  rapport_test_server_add (server, LIVE_FOLLOWERS "&cursor=page2", 200,
                           "bluesky-followers-2b.json", NULL, NULL);
  rapport_test_server_serve_mastodon (server, "mastodon-followers-2.json");
  rapport_test_server_add (server, LIVE_M_FOLLOWERS "&max_id=12", 200,
                           "mastodon-followers-2b.json",
                           "<BASE" LIVE_M_FOLLOWERS "&max_id=99>; rel=\"next\"", NULL);

  window = present_window (data_dir);

  /* Both added by their handles, with no export. */
  follow (window, "bluesky:alice.test");
  toast = wait_for_toast (window, "3 followers, following 2; the counts of 3 posts");
  dismiss (toast);
  follow (window, "mastodon:mira@example.social");
  toast = wait_for_toast (window, "3 followers, following 2; the counts of 2 posts\n"
                                  "The server does not show whom @mira@example.social follows: "
                                  "no list of accounts followed this time");
  dismiss (toast);
  alice = account_id (data_dir, "alice.test");
  mira = account_id (data_dir, "mira@example.social");
  g_assert_cmpint (alice, >, 0);
  g_assert_cmpint (mira, >, 0);

  /* "Refresh Now" is asked for: within the hour, too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-account", "x",
                                             alice));
  toast = wait_for_toast (window, "3 followers, following 2; the counts of 3 posts");
  dismiss (toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-account", "x",
                                             mira));
  toast = wait_for_toast (window, "3 followers, following 2; the counts of 2 posts\n"
                                  "The server does not show whom @mira@example.social follows: "
                                  "no list of accounts followed this time");
  dismiss (toast);
  g_assert_cmpuint (rapport_test_server_count (server, LIVE_PROFILE), ==, 2);
  g_assert_cmpuint (rapport_test_server_count (server, LIVE_ACCOUNT), ==, 2);

  /* Alice: bob, carol and dan followed at first; then bob, carol and erin. */
  select_account (window, alice);
  show_page (window, "audience");
  assert_segment (window, "New Since Previous Refresh", "1", "erin.test");
  assert_segment (window, "Lost Since Previous Refresh", "1", "dan.test");
  screenshot (window, "refresh-audience-bluesky");

  /* Her three own posts of 20 Feb, 27 Feb and 1 Mar 2025 (likes, reposts, replies, quotes:
   * 7 + 1 + 3 + 2, 1, 5 + 2 + 1), Bob's that she reposted left out; the refreshes give no
   * follower figure for those days, so interactions stand in for rates. */
  show_page (window, "overview");
  assert_engagement (window, "13 1 8", 1740038400);
  screenshot (window, "refresh-overview-bluesky");

  /* Mira: carol, dave and erin at first; then carol, dave and fay. */
  select_account (window, mira);
  show_page (window, "audience");
  assert_segment (window, "New Since Previous Refresh", "1", "fay@example.social");
  assert_segment (window, "Lost Since Previous Refresh", "1", "erin@third.example");
  screenshot (window, "refresh-audience-mastodon");

  /* Her statuses of 28 Feb and 2 Mar 2025 (favourites, boosts, replies: 1, 4 + 1 + 2), the
   * boost left out. */
  show_page (window, "overview");
  assert_engagement (window, "1 7", 1740765600);
  screenshot (window, "refresh-overview-mastodon");

  destroy_window (window);
  rapport_test_remove_tree (data_dir);
}

/* The question @heading that a refresh asks while the master switch is off: it says that
 * accepting turns it on.  Cancelled. */
static void
cancel_question (RapportWindow *window,
                 const char    *heading)
{
  AdwDialog *dialog = visible_dialog (window);

  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, heading);
  g_assert_true (g_str_has_suffix (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)),
                                   " Refreshing from the web is off in Preferences; this turns "
                                   "it on."));
  g_signal_emit_by_name (dialog, "response", "cancel");
  adw_dialog_force_close (dialog);
}

/* Preferences, from the primary menu or Ctrl+,: the master switch, off by default and
 * explained, and below it the switch of each Bluesky and Mastodon account, insensitive while
 * the master is off and the same setting as the account menu's.  Off, a refresh from the
 * window asks first, and the question says that it would turn refreshing on. */
static void
test_preferences (void)
{
  RapportApplication *app = rapport_test_ui_shared_application ();
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_auto(GStrv) accels = NULL;
  g_autofree char *described = NULL;
  RapportWindow *window;
  AdwPreferencesGroup *web_group;
  AdwPreferencesGroup *accounts_group;
  AdwSwitchRow *allow_row;
  AdwDialog *dialog;
  gint64 alice;
  gint64 mira;

  g_settings_reset (settings (), "refresh-from-web");
  rapport_test_server_clear (server);
  import_account (data_dir, RAPPORT_PLATFORM_INSTAGRAM, "jo.doe");
  alice = import_account (data_dir, RAPPORT_PLATFORM_BLUESKY, "alice.test");
  mira = import_account (data_dir, RAPPORT_PLATFORM_MASTODON, "mira@example.social");
  {
    g_autoptr(RapportStore) store = rapport_store_open (data_dir, NULL);

    g_assert_true (rapport_store_set_refresh_enabled (store, mira, TRUE, NULL));
  }

  window = present_window (data_dir);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.preferences");
  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>comma", NULL }));
  g_assert_true (menus_have_action (GTK_WIDGET (window), "win.preferences"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  dialog = visible_dialog (window);
  g_assert_true (RAPPORT_IS_PREFERENCES_DIALOG (dialog));
  web_group = rapport_test_ui_template_child (dialog, RAPPORT_TYPE_PREFERENCES_DIALOG,
                                              "web_group");
  allow_row = rapport_test_ui_template_child (dialog, RAPPORT_TYPE_PREFERENCES_DIALOG,
                                              "allow_row");
  accounts_group = rapport_test_ui_template_child (dialog, RAPPORT_TYPE_PREFERENCES_DIALOG,
                                                   "accounts_group");

  /* Off by default, and what it would fetch, from where, and that nothing else leaves. */
  g_assert_false (adw_switch_row_get_active (allow_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (allow_row)), ==,
                   "Allow refreshing from the web");
  rapport_test_assert_contains (adw_preferences_group_get_description (web_group),
                                "the follower count, the lists of followers and of accounts "
                                "followed, and the likes, reposts and replies of their posts");
  rapport_test_assert_contains (adw_preferences_group_get_description (web_group),
                                "Bluesky's public service, public.api.bsky.app, for Bluesky "
                                "accounts and each Mastodon account's own server");
  rapport_test_assert_contains (adw_preferences_group_get_description (web_group),
                                "nothing else ever leaves this computer");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (accounts_group)));

  /* The Bluesky and the Mastodon account, not the Instagram one. */
  described = describe_rows (accounts_group, rows);
  g_assert_cmpstr (described, ==,
                   "@alice.test|Bluesky, not refreshed yet|off\n"
                   "@mira@example.social|Mastodon, not refreshed yet|on");
  screenshot (window, "preferences-off");

  adw_switch_row_set_active (allow_row, TRUE);
  g_assert_true (g_settings_get_boolean (settings (), "refresh-from-web"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (accounts_group)));

  /* An account's switch is the store's, and the sidebar's menus follow it. */
  g_assert_cmpint (row_menu_items (window, alice), ==, 2);
  adw_switch_row_set_active (g_ptr_array_index (rows, 0), TRUE);
  adw_switch_row_set_active (g_ptr_array_index (rows, 1), FALSE);
  rapport_test_ui_iterate_pending ();
  g_assert_true (refresh_enabled (data_dir, alice));
  g_assert_false (refresh_enabled (data_dir, mira));
  g_assert_cmpint (row_menu_items (window, alice), ==, 3);
  g_assert_cmpint (row_menu_items (window, mira), ==, 2);
  screenshot (window, "preferences-on");

  g_settings_set_boolean (settings (), "refresh-from-web", FALSE);
  g_assert_false (adw_switch_row_get_active (allow_row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (accounts_group)));
  adw_dialog_force_close (dialog);

  /* Off, "Refresh Now" of an account that is on asks, and says it would allow refreshing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-account", "x",
                                             alice));
  cancel_question (window, "Refresh From the Web?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-account", NULL));
  cancel_question (window, "Follow an Account");

  /* Nothing was fetched, and it is still off. */
  rapport_test_ui_iterate_pending ();
  g_assert_false (g_settings_get_boolean (settings (), "refresh-from-web"));
  g_assert_cmpuint (rapport_test_server_count (server, LIVE_PROFILE), ==, 0);

  destroy_window (window);
  rapport_test_remove_tree (data_dir);
}

/* A failed refresh in plain words: an account that is not there, a server that limits the
 * requests for an hour, one that cannot be reached; nothing stored. */
static void
test_errors (void)
{
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  const char *base = rapport_test_server_get_base (server);
  g_autofree char *limited = NULL;
  RapportWindow *window;

  g_settings_set_boolean (settings (), "refresh-from-web", TRUE);
  rapport_test_server_clear (server);
  window = present_window (data_dir);

  rapport_test_server_add (server, "/xrpc/app.bsky.actor.getProfile?actor=nobody.test", 400,
                           "bluesky-not-found.json", NULL, NULL);
  follow (window, "bluesky:nobody.test");
  dismiss (wait_for_toast (window, "@nobody.test was not found: check the handle, or whether "
                                   "the account was renamed or deleted."));

  /* A wait longer than Rapport would make: the server's own words, with the wait. */
  rapport_test_server_add (server, LIVE_PROFILE, 429, NULL, NULL, "3600");
  follow (window, "bluesky:alice.test");
  limited = g_strdup_printf ("%s is limiting requests and asks to wait 60 minutes; try again "
                             "later", base + strlen ("http://"));
  dismiss (wait_for_toast (window, limited));

  /* Port 9 (discard) of this machine refuses connections. */
  g_setenv ("RAPPORT_MASTODON_SERVER", "http://127.0.0.1:9", TRUE);
  follow (window, "mastodon:mira@example.social");
  {
    AdwToast *toast = wait_for_toast (window, "@mira@example.social could not be added: "
                                              "its server cannot be reached now. Try again "
                                              "later.");

    screenshot (window, "refresh-error-unreachable");
    dismiss (toast);
  }
  g_setenv ("RAPPORT_MASTODON_SERVER", base, TRUE);

  g_assert_cmpuint (n_accounts (data_dir), ==, 0);

  destroy_window (window);
  rapport_test_remove_tree (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  rapport_test_ui_init_with_temp_dirs (&argc, &argv, &data_dir, &cache_dir);
  /* Set before any refresh runs: a refresh's thread reads them. */
  server = rapport_test_server_new ();
  g_setenv ("RAPPORT_BLUESKY_APPVIEW", rapport_test_server_get_base (server), TRUE);
  g_setenv ("RAPPORT_MASTODON_SERVER", rapport_test_server_get_base (server), TRUE);

  g_test_add_func ("/refresh-window/preferences", test_preferences);
  g_test_add_func ("/refresh-window/two-refreshes", test_two_refreshes);
  g_test_add_func ("/refresh-window/errors", test_errors);

  status = g_test_run ();
  rapport_test_server_free (server);
  return status;
}
