/* test-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-window.h"
#include "rapport-test-ui.h"

typedef struct
{
  gboolean  done;
  gboolean  saved;
  GError   *error;
} SaveResult;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveResult *save = user_data;

  save->saved = rapport_screenshot_save_finish (GTK_WINDOW (object), result, &save->error);
  save->done = TRUE;
}

/* Reads back the PNG and returns its pixels as RGBA rows. */
static GBytes *
load_png (const char *path,
          int        *width,
          int        *height,
          gsize      *stride)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTextureDownloader) downloader = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);

  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);

  downloader = gdk_texture_downloader_new (texture);
  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);

  return gdk_texture_downloader_download_bytes (downloader, stride);
}

static const guint8 *
pixel_at (GBytes *pixels,
          gsize   stride,
          int     x,
          int     y)
{
  return (const guint8 *) g_bytes_get_data (pixels, NULL) + y * stride + x * 4;
}

/* Where @widget's middle-left is in @window's coordinates, a few pixels in. */
static void
point_inside (GtkWidget *widget,
              GtkWidget *window,
              int       *x,
              int       *y)
{
  graphene_point_t start = GRAPHENE_POINT_INIT (8, gtk_widget_get_height (widget) / 2.f);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, window, &start, &point));
  *x = (int) point.x;
  *y = (int) point.y;
}

static void
assert_window_shot (RapportWindow *window,
                    const char    *path,
                    gboolean       dark)
{
  g_autoptr(GBytes) pixels = NULL;
  GtkWidget *button;
  const guint8 *rgba;
  gsize stride;
  int width;
  int height;
  int x;
  int y;

  pixels = load_png (path, &width, &height, &stride);

  /* Xvfb draws at scale 1, so the image has the window's size in pixels. */
  g_assert_cmpint (width, ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (window)));

  /* Bottom right is the content's background: near white in light, near black in dark. */
  rgba = pixel_at (pixels, stride, width - 20, height - 20);
  g_assert_cmpuint (rgba[3], ==, 255);
  if (dark)
    g_assert_cmpuint (MAX (MAX (rgba[0], rgba[1]), rgba[2]), <, 60);
  else
    g_assert_cmpuint (MIN (MIN (rgba[0], rgba[1]), rgba[2]), >, 230);

  /* The suggested “Import Export…” pill is drawn in the accent blue where it is laid out. */
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RAPPORT_TYPE_WINDOW,
                                                      "import_button"));
  point_inside (button, GTK_WIDGET (window), &x, &y);
  rgba = pixel_at (pixels, stride, x, y);
  g_assert_cmpuint (rgba[2], >, rgba[0] + 80);
  g_assert_cmpuint (rgba[2], >, rgba[1] + 30);
}

static void
shoot_window (AdwColorScheme  scheme,
              int             window_width,
              const char     *name)
{
  RapportApplication *app = rapport_test_ui_shared_application ();
  g_autofree char *path = rapport_test_ui_screenshot_path (name);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RapportWindow *window;

  adw_style_manager_set_color_scheme (style_manager, scheme);

  window = rapport_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  rapport_test_ui_save_screenshot (GTK_WINDOW (window), window_width, path);

  if (window_width > 0)
    {
      AdwNavigationSplitView *split_view;

      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, window_width);

      /* Narrow: one pane, and it is the welcome page rather than the empty sidebar. */
      split_view = ADW_NAVIGATION_SPLIT_VIEW (
        gtk_widget_get_template_child (GTK_WIDGET (window), RAPPORT_TYPE_WINDOW, "split_view"));
      g_assert_true (adw_navigation_split_view_get_collapsed (split_view));
      g_assert_true (adw_navigation_split_view_get_show_content (split_view));
    }

  assert_window_shot (window, path, scheme == ADW_COLOR_SCHEME_FORCE_DARK);

  rapport_test_ui_destroy_window (GTK_WINDOW (window));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshot_light (void)
{
  shoot_window (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, "window-light");
}

static void
test_screenshot_dark (void)
{
  shoot_window (ADW_COLOR_SCHEME_FORCE_DARK, 0, "window-dark");
}

static void
test_screenshot_narrow (void)
{
  shoot_window (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "window-narrow");
}

static void
test_screenshot_unmapped (void)
{
  RapportApplication *app = rapport_test_ui_shared_application ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  RapportWindow *window;

  /* Nothing on screen, nothing to capture. */
  window = rapport_window_new (app);
  texture = rapport_screenshot_render (GTK_WIDGET (window), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (texture);

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

static void
test_screenshot_closed_early (void)
{
  RapportApplication *app = rapport_test_ui_shared_application ();
  g_autofree char *path = rapport_test_ui_screenshot_path ("closed-early");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SaveResult save = { 0 };
  RapportWindow *window;

  /* A window closed before its frames were drawn reports that instead of waiting forever. */
  window = rapport_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rapport_screenshot_save_async (GTK_WINDOW (window), 0, file, NULL, save_cb, &save);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));

  while (!save.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (save.saved);
  g_assert_error (save.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (save.error->message, ==, "The window was closed before it was drawn");
  g_clear_error (&save.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (window);
}

/* The --screenshot option end to end, as `build-aux/dev run` uses it.  g_application_run()
 * registers an application of its own, so it runs in a process of its own. */
static void
test_screenshot_command_line (void)
{
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *shot = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots",
                                                "command-line-dark-narrow.png", NULL);
      g_autofree char *cwd = g_get_current_dir ();
      g_autofree char *expected_data_dir = g_build_filename (cwd, "screenshot-data", NULL);
      g_autoptr(RapportApplication) app = rapport_application_new ();
      g_autoptr(GBytes) pixels = NULL;
      GtkWindow *window;
      const guint8 *rgba;
      gsize stride;
      int width;
      int height;
      const char *argv[] = {
        "rapport",
        "--screenshot", shot,
        "--color-scheme", "dark",
        "--window-width", "360",
        "--data-dir", "screenshot-data",
        NULL
      };

      g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1,
                                          (char **) argv), ==, 0);
      g_assert_cmpint (rapport_application_get_exit_status (app), ==, 0);
      g_assert_cmpstr (rapport_application_get_data_dir (app), ==, expected_data_dir);

      /* 360 wide as asked, as high as the window, and dark. */
      window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
      pixels = load_png (shot, &width, &height, &stride);
      g_assert_cmpint (width, ==, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
      g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (window)));
      rgba = pixel_at (pixels, stride, width - 20, height - 20);
      g_assert_cmpuint (MAX (MAX (rgba[0], rgba[1]), rgba[2]), <, 60);
      return;
    }

  path = rapport_test_ui_screenshot_path ("command-line-dark-narrow");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  rapport_screenshot_set_up_display ();

  g_test_add_func ("/screenshot/light", test_screenshot_light);
  g_test_add_func ("/screenshot/dark", test_screenshot_dark);
  g_test_add_func ("/screenshot/narrow", test_screenshot_narrow);
  g_test_add_func ("/screenshot/unmapped", test_screenshot_unmapped);
  g_test_add_func ("/screenshot/closed-early", test_screenshot_closed_early);
  g_test_add_func ("/screenshot/command-line", test_screenshot_command_line);

  return g_test_run ();
}
