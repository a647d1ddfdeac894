/* test-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's exports of the sample data's report under a headless display: each written in
 * a thread (the call returns before the file is there, with the export actions off), then a
 * toast that opens it; a file that cannot be written gives an alert naming it, and the
 * actions come back.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui/rapport-window.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

static AdwToastOverlay *
toast_overlay (RapportWindow *window)
{
  return rapport_test_ui_template_child (window, RAPPORT_TYPE_WINDOW, "toast_overlay");
}

/* Starts @kind into @file and waits for it, asserting it ran in a thread meanwhile. */
static void
save_export (RapportWindow       *window,
             RapportWindowExport  kind,
             GFile               *file)
{
  guint notifies = 0;
  guint iterations = 0;

  g_signal_connect (window, "notify::exporting", G_CALLBACK (rapport_test_ui_count_notify_cb),
                    &notifies);
  g_assert_false (rapport_window_get_exporting (window));

  rapport_window_save_export (window, kind, file);
  /* Back at once, the file still to come, the actions off. */
  g_assert_true (rapport_window_get_exporting (window));
  g_assert_cmpuint (notifies, ==, 1);
  /* A second export waits for the first: it is ignored. */
  rapport_window_save_export (window, kind, file);
  g_assert_cmpuint (notifies, ==, 1);

  while (rapport_window_get_exporting (window))
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpuint (iterations, >, 0);
  g_signal_handlers_disconnect_by_func (window, rapport_test_ui_count_notify_cb, &notifies);
}

static void
assert_saved_toast (RapportWindow *window,
                    const char    *name,
                    const char    *button)
{
  g_autofree char *title = g_strdup_printf ("Saved as %s", name);
  g_autoptr(AdwToast) toast = NULL;

  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  toast = rapport_test_ui_find_toast (toast_overlay (window), title);
  g_assert_nonnull (toast);
  g_assert_false (adw_toast_get_use_markup (toast));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, button);
  adw_toast_dismiss (toast);
}

static void
test_window_export_files (void)
{
  RapportWindow *window = rapport_test_ui_present_sample_window ("overview");
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *pdf_path = g_build_filename (dir, "mira & co.pdf", NULL);
  g_autofree char *chart_path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *tables = g_build_filename (dir, "tables", NULL);
  g_autofree char *posts_csv = g_build_filename (tables, "posts.csv", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) chart = g_file_new_for_path (chart_path);
  g_autoptr(GFile) folder = g_file_new_for_path (tables);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (rapport_window_get_analysis (window));
  g_assert_false (rapport_window_get_busy (window));

  save_export (window, RAPPORT_WINDOW_EXPORT_PDF, pdf);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The name as it is, '&' and all. */
  assert_saved_toast (window, "mira & co.pdf", "_Open");
  g_clear_pointer (&contents, g_free);

  save_export (window, RAPPORT_WINDOW_EXPORT_CHART, chart);
  g_assert_true (g_file_get_contents (chart_path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  assert_saved_toast (window, "chart.svg", "_Open");

  g_assert_cmpint (g_mkdir (tables, 0700), ==, 0);
  save_export (window, RAPPORT_WINDOW_EXPORT_CSV, folder);
  g_assert_true (g_file_test (posts_csv, G_FILE_TEST_IS_REGULAR));
  assert_saved_toast (window, "tables", "Open _Folder");

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
  rapport_test_remove_tree (dir);
}

/* A folder that is not there: an alert that names the file, and the actions are back. */
static void
test_window_export_error (void)
{
  RapportWindow *window = rapport_test_ui_present_sample_window ("overview");
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwDialog *dialog;

  save_export (window, RAPPORT_WINDOW_EXPORT_PDF, file);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==,
                   "Could Not Export the Report");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)),
                            "report.pdf"));
  adw_dialog_force_close (dialog);
  g_assert_false (rapport_window_get_exporting (window));

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  rapport_test_ui_init_with_temp_dirs (&argc, &argv, &data_dir, &cache_dir);

  g_test_add_func ("/window-export/files", test_window_export_files);
  g_test_add_func ("/window-export/error", test_window_export_error);

  status = g_test_run ();

  rapport_test_remove_tree (data_dir);
  rapport_test_remove_tree (cache_dir);

  return status;
}
