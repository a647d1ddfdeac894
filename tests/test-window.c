/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-application.h"
#include "ui/rapport-window.h"

/* A registered application lives as long as the process (registration holds a reference),
 * and only one can be exported on the session bus at a time, so the tests share it. */
static RapportApplication *
shared_application (void)
{
  static RapportApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = rapport_application_new ();

      /* Test programs run side by side on one session bus. */
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) |
                               G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

static RapportWindow *
present_window (RapportApplication *app)
{
  RapportWindow *window;

  window = rapport_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* Mapped at once, allocated with the first frame. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) ||
         gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static void
iterate_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
destroy_window (RapportWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  g_assert_finalize_object (window);
}

static gpointer
template_child (RapportWindow *window,
                const char    *name)
{
  GObject *child;

  child = gtk_widget_get_template_child (GTK_WIDGET (window), RAPPORT_TYPE_WINDOW, name);
  g_assert_nonnull (child);

  return child;
}

static gboolean
window_class_has_action (const char *name)
{
  GtkWidgetClass *widget_class = g_type_class_peek (RAPPORT_TYPE_WINDOW);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (widget_class, i, &owner, &action_name, &parameter_type,
                                      &property_name);
       i++)
    {
      if (owner == RAPPORT_TYPE_WINDOW && g_str_equal (action_name, name))
        return parameter_type == NULL && property_name == NULL;
    }

  return FALSE;
}

static void
assert_accels (RapportApplication *app,
               const char         *action,
               const char         *expected)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, expected);
}

static void
test_window_empty_state (void)
{
  RapportApplication *app = shared_application ();
  RapportWindow *window = present_window (app);
  AdwStatusPage *empty_page;
  GtkStack *stack;
  GtkButton *import_button;
  GtkButton *import_folder_button;
  GtkListBox *accounts_list;
  GtkWidget *placeholder;
  GtkIconTheme *icon_theme;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rapport");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)) >= 360, ==, TRUE);
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, DEVELOPMENT_BUILD);

  /* The first thing a new user sees is the welcome page. */
  stack = template_child (window, "stack");
  empty_page = template_child (window, "empty_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (empty_page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty_page)));
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "Import your first export");
  g_assert_cmpstr (adw_status_page_get_icon_name (empty_page), ==, APPLICATION_ID);
  /* Found from the resources, so the build tree shows it too, not only an installed copy. */
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, APPLICATION_ID));
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), "Instagram, X, TikTok"));

  import_button = template_child (window, "import_button");
  g_assert_cmpstr (gtk_button_get_label (import_button), ==, "_Import Export…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import_button)), ==,
                   "win.import");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (import_button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (import_button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (import_button), "suggested-action"));

  import_folder_button = template_child (window, "import_folder_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import_folder_button)), ==,
                   "win.import-folder");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (import_folder_button)));

  /* No accounts: the sidebar says so instead of showing an empty list. */
  accounts_list = template_child (window, "accounts_list");
  g_assert_null (gtk_list_box_get_row_at_index (accounts_list, 0));
  placeholder = gtk_widget_get_first_child (GTK_WIDGET (accounts_list));
  g_assert_true (GTK_IS_LABEL (placeholder));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (placeholder)), ==, "No accounts yet");
  g_assert_true (gtk_widget_get_mapped (placeholder));

  /* Wide enough for the sidebar next to the content. */
  g_assert_false (adw_navigation_split_view_get_collapsed (template_child (window, "split_view")));

  destroy_window (window);
}

static void
test_window_actions (void)
{
  RapportApplication *app = shared_application ();

  g_assert_true (window_class_has_action ("win.import"));
  g_assert_true (window_class_has_action ("win.import-folder"));
  g_assert_false (window_class_has_action ("win.does-not-exist"));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));

  assert_accels (app, "win.import", "<Control>o");
  assert_accels (app, "app.quit", "<Control>q");
  assert_accels (app, "app.shortcuts", "<Control>question");

}

static void
test_window_size_settings (void)
{
  RapportApplication *app = shared_application ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  RapportWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 820);
  g_settings_set_int (settings, "window-height", 610);

  window = rapport_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_widget_get_size_request (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, ==, 360);
  g_assert_cmpint (height, ==, 294);

  /* What the user does to the window is remembered. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  destroy_window (window);
}

static AdwDialog *
visible_dialog (RapportWindow *window)
{
  AdwDialog *dialog;

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (dialog);

  return dialog;
}

static void
test_window_import_files (void)
{
  RapportApplication *app = shared_application ();
  RapportWindow *window = present_window (app);
  g_autoptr(GFile) export = g_file_new_for_path ("/nonexistent/instagram-jo-2026-01-04.zip");
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/twitter-2025-10-01");
  GFile *both[2] = { export, folder };
  AdwDialog *dialog;

  rapport_window_import_files (window, NULL, 0);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  rapport_window_import_files (window, &export, 1);
  dialog = visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==,
                   "Not Supported Yet");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "The import of “instagram-jo-2026-01-04.zip” is not supported yet.");
  adw_dialog_force_close (dialog);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  rapport_window_import_files (window, both, 2);
  dialog = visible_dialog (window);
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "The import of these files is not supported yet:\n"
                   "instagram-jo-2026-01-04.zip\n"
                   "twitter-2025-10-01");
  adw_dialog_force_close (dialog);

  destroy_window (window);
}

static void
test_application_open (void)
{
  RapportApplication *app = shared_application ();
  g_autoptr(GFile) export = g_file_new_for_path ("/nonexistent/tiktok.json");
  RapportWindow *window;
  AdwDialog *dialog;

  /* `rapport FILE` and “Open With” in a file manager: one window, the import under way. */
  g_application_open (G_APPLICATION (app), &export, 1, "");

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  window = RAPPORT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = visible_dialog (window);
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "The import of “tiktok.json” is not supported yet.");
  adw_dialog_force_close (dialog);

  /* Activating again presents the same window. */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));

  destroy_window (window);
}

static void
test_application_about (void)
{
  RapportApplication *app = shared_application ();
  RapportWindow *window = present_window (app);
  AdwAboutDialog *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  about = ADW_ABOUT_DIALOG (visible_dialog (window));
  g_assert_cmpstr (adw_about_dialog_get_application_name (about), ==, "Rapport");
  g_assert_cmpstr (adw_about_dialog_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_dialog_get_developer_name (about), ==, "The Rapport developers");
  g_assert_cmpint (adw_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_website (about), ==,
                   "https://github.com/rapportapp/rapport");
  g_assert_cmpstr (adw_about_dialog_get_issue_url (about), ==,
                   "https://github.com/rapportapp/rapport/issues");
  adw_dialog_force_close (ADW_DIALOG (about));

  destroy_window (window);
}

static void
test_application_shortcuts (void)
{
  RapportApplication *app = shared_application ();
  RapportWindow *window = present_window (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);

#if HAVE_ADW_SHORTCUTS_DIALOG
  {
    AdwDialog *dialog = visible_dialog (window);

    g_assert_true (ADW_IS_SHORTCUTS_DIALOG (dialog));
    adw_dialog_force_close (dialog);
  }
#else
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts = NULL;

    g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          {
            g_assert_null (shortcuts);
            shortcuts = toplevel;
          }
      }
    G_GNUC_END_IGNORE_DEPRECATIONS

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    g_object_ref (shortcuts);
    gtk_window_destroy (shortcuts);
    iterate_pending ();
    g_assert_finalize_object (shortcuts);
  }
#endif

  destroy_window (window);
}

static void
test_application_data_dir (void)
{
  g_autoptr(RapportApplication) from_env = NULL;
  g_autoptr(RapportApplication) relative = NULL;
  g_autoptr(RapportApplication) fallback = NULL;
  g_autofree char *expected_relative = NULL;
  g_autofree char *expected_fallback = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  g_setenv ("RAPPORT_DATA_DIR", "/srv/rapport-test", TRUE);
  from_env = rapport_application_new ();
  g_assert_cmpstr (rapport_application_get_data_dir (from_env), ==, "/srv/rapport-test");

  g_setenv ("RAPPORT_DATA_DIR", "data/rapport", TRUE);
  relative = rapport_application_new ();
  expected_relative = g_build_filename (cwd, "data", "rapport", NULL);
  g_assert_cmpstr (rapport_application_get_data_dir (relative), ==, expected_relative);

  g_unsetenv ("RAPPORT_DATA_DIR");
  fallback = rapport_application_new ();
  expected_fallback = g_build_filename (g_get_user_data_dir (), "rapport", NULL);
  g_assert_cmpstr (rapport_application_get_data_dir (fallback), ==, expected_fallback);
}

static void
test_application_bad_options (void)
{
  const char *bad_scheme[] = { "rapport", "--color-scheme", "sepia", NULL };
  const char *bad_width[] = { "rapport", "--window-width", "-5", NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(RapportApplication) scheme_app = rapport_application_new ();
      g_autoptr(RapportApplication) width_app = rapport_application_new ();

      g_assert_cmpint (g_application_run (G_APPLICATION (scheme_app), 3, (char **) bad_scheme),
                       ==, 1);
      g_assert_false (g_application_get_is_registered (G_APPLICATION (scheme_app)));
      g_assert_cmpint (g_application_run (G_APPLICATION (width_app), 3, (char **) bad_width),
                       ==, 1);
      g_assert_false (g_application_get_is_registered (G_APPLICATION (width_app)));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Unknown color scheme*sepia*: use*light*or*dark*"
                             "The window width must be a positive number of pixels*");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/size-settings", test_window_size_settings);
  g_test_add_func ("/window/import-files", test_window_import_files);
  g_test_add_func ("/application/open", test_application_open);
  g_test_add_func ("/application/about", test_application_about);
  g_test_add_func ("/application/shortcuts", test_application_shortcuts);
  g_test_add_func ("/application/data-dir", test_application_data_dir);
  g_test_add_func ("/application/bad-options", test_application_bad_options);

  return g_test_run ();
}
