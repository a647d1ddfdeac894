/* rapport-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "session/rapport-import-job.h"
#include "ui/rapport-screenshot.h"
#include "rapport-test-ui.h"
#include "rapport-test-util.h"

/* The sample data folder's exports, imported in this order. */
static const char * const sample_files[] = {
  "instagram-mira.makes-2024-03-10-SmPl01.zip",
  "instagram-mira.makes-2024-09-12-SmPl02.zip",
  "meta-business-suite-mira.makes-Jun-01-2024_Sep-11-2024.zip",
  "tiktok-miramakes-2024-09-12-studio.zip",
  "tiktok-miramakes-2024-09-12.zip",
  "tweet_activity_metrics_miramakes_20240601_20240912_en.csv",
  "twitter-2024-09-12-miramakes.zip",
};

typedef struct
{
  gboolean  done;
  gboolean  saved;
  GError   *error;
} SaveResult;

void
rapport_test_ui_init_with_temp_dirs (int    *argc,
                                     char ***argv,
                                     char  **data_dir,
                                     char  **cache_dir)
{
  g_assert_nonnull (data_dir);
  g_assert_nonnull (cache_dir);

  *data_dir = rapport_test_make_temp_dir ();
  *cache_dir = rapport_test_make_temp_dir ();
  g_setenv ("RAPPORT_DATA_DIR", *data_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", *cache_dir, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  rapport_screenshot_set_up_display ();
}

RapportStore *
rapport_test_ui_open_sample_store (const char *data_dir)
{
  const char *source = g_getenv ("RAPPORT_SAMPLE_DATA_DIR");
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  g_assert_nonnull (source);
  g_assert_nonnull (data_dir);

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sample_files); i++)
    {
      g_autofree char *path = g_build_filename (source, sample_files[i], NULL);
      g_auto(RapportImportSummary) summary = { 0 };

      rapport_import_path (store, path, &summary, NULL, &error);
      g_assert_no_error (error);
    }

  return store;
}

RapportAnalysis *
rapport_test_ui_load_analysis (RapportStore *store,
                               const char   *handle)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis = NULL;

  g_assert_nonnull (store);

  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);

      if (handle == NULL || g_strcmp0 (account->handle, handle) == 0)
        {
          analysis = rapport_analysis_load (store, handle == NULL ? 0 : account->id, NULL, &error);
          g_assert_no_error (error);
          break;
        }
    }

  g_assert_nonnull (analysis);
  return analysis;
}

RapportAnalysis *
rapport_test_ui_load_analysis_by_id (RapportStore *store,
                                     gint64        account_id)
{
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;

  g_assert_nonnull (store);

  analysis = rapport_analysis_load (store, account_id, NULL, &error);
  g_assert_no_error (error);

  return analysis;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

RapportAnalysis *
rapport_test_ui_load_first_look (RapportStore *store,
                                 const char   *handle)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;
  gint64 account_id = -1;

  g_assert_nonnull (store);

  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  /* The first of that handle, as rapport_test_ui_load_analysis() takes: Instagram's, not the
   * Threads account of the same name that follows it. */
  for (guint i = 0; i < accounts->len && account_id < 0; i++)
    if (g_strcmp0 (((RapportAccount *) g_ptr_array_index (accounts, i))->handle, handle) == 0)
      account_id = ((RapportAccount *) g_ptr_array_index (accounts, i))->id;
  g_assert_cmpint (account_id, >, 0);

  rapport_analysis_load_summary_async (store, account_id, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  analysis = rapport_analysis_load_summary_finish (result, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_analysis_has_details (analysis));

  return analysis;
}

void
rapport_test_ui_complete_analysis (RapportAnalysis *analysis)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_analysis_load_details_async (analysis, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (rapport_analysis_load_details_finish (analysis, result, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_analysis_has_details (analysis));
}

/* A registered application lives as long as the process (registration holds a reference),
 * and only one can be exported on the session bus at a time, so the tests share it. */
RapportApplication *
rapport_test_ui_shared_application (void)
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

void
rapport_test_ui_iterate_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
rapport_test_ui_settle (void)
{
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (10000);
      rapport_test_ui_iterate_pending ();
    }
}

void
rapport_test_ui_wait_allocated (GtkWidget *widget)
{
  g_assert_true (GTK_IS_WIDGET (widget));

  /* Mapped at once, allocated with the first frame. */
  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

void
rapport_test_ui_wait_frames (GtkWidget *widget,
                             guint      n_frames)
{
  guint frames = 0;
  guint id;

  g_assert_true (GTK_IS_WIDGET (widget));

  id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  while (frames < n_frames)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

GtkWindow *
rapport_test_ui_show_in_window (GtkWidget *child,
                                int        width,
                                int        height)
{
  GtkWindow *window;

  g_assert_true (GTK_IS_WIDGET (child));

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);

  /* A few frames: allocated, and the lists' rows made. */
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);

  return window;
}

RapportWindow *
rapport_test_ui_present_sample_window (const char *page_name)
{
  RapportWindow *window;

  g_assert_nonnull (page_name);

  window = rapport_window_new (rapport_test_ui_shared_application ());
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  rapport_window_explore_sample_data (window);
  while (rapport_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rapport_window_get_exploring_sample_data (window));
  g_assert_true (rapport_window_set_page (window, page_name));

  return window;
}

GtkWidget *
rapport_test_ui_window_page (RapportWindow *window,
                             const char    *page_name)
{
  GObject *stack;
  GtkWidget *page;

  g_assert_true (RAPPORT_IS_WINDOW (window));

  stack = gtk_widget_get_template_child (GTK_WIDGET (window), RAPPORT_TYPE_WINDOW, "view_stack");
  g_assert_true (ADW_IS_VIEW_STACK (stack));
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), page_name);
  g_assert_nonnull (page);

  return page;
}

void
rapport_test_ui_destroy_window (GtkWindow *window)
{
  g_assert_true (GTK_IS_WINDOW (window));

  g_object_ref (window);
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
  g_assert_finalize_object (window);
}

gpointer
rapport_test_ui_template_child (gpointer    widget,
                                GType       type,
                                const char *name)
{
  GObject *child;

  g_assert_true (GTK_IS_WIDGET (widget));

  child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  g_assert_nonnull (child);

  return child;
}

void
rapport_test_ui_count_notify_cb (GObject    *object,
                                 GParamSpec *pspec,
                                 guint      *count)
{
  (*count)++;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (out, '|');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

char *
rapport_test_ui_visible_labels (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  g_assert_true (GTK_IS_WIDGET (widget));

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

/* @as_shown compares the text a user reads, without markup, instead of the label as set. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text,
            gboolean    as_shown)
{
  if (GTK_IS_LABEL (root))
    {
      const char *label = as_shown ? gtk_label_get_text (GTK_LABEL (root))
                                   : gtk_label_get_label (GTK_LABEL (root));

      if (g_strcmp0 (label, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, as_shown);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
rapport_test_ui_find_label (GtkWidget  *root,
                            const char *text)
{
  g_assert_true (GTK_IS_WIDGET (root));

  return find_label (root, text, FALSE);
}

GtkWidget *
rapport_test_ui_find_shown_label (GtkWidget  *root,
                                  const char *text)
{
  g_assert_true (GTK_IS_WIDGET (root));

  return find_label (root, text, TRUE);
}

void
rapport_test_ui_ignore_pointer (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = NULL;
  guint n_motion = 0;

  g_assert_true (GTK_IS_WIDGET (widget));

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        {
          gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
          n_motion++;
        }
    }

  g_assert_cmpuint (n_motion, >, 0);
}

static AdwToast *
find_toast (GtkWidget  *widget,
            const char *title)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "toast") && gtk_widget_get_mapped (widget))
    {
      g_autoptr(AdwToast) toast = NULL;

      /* The toast's widget is private to libadwaita; its toast is a property. */
      g_object_get (widget, "toast", &toast, NULL);
      if (toast != NULL && g_strcmp0 (adw_toast_get_title (toast), title) == 0)
        return g_steal_pointer (&toast);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToast *found = find_toast (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
rapport_test_ui_collect (GtkWidget *root,
                         GType      type,
                         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      rapport_test_ui_collect (child, type, found);
    }
}

AdwToast *
rapport_test_ui_find_toast (AdwToastOverlay *overlay,
                            const char      *title)
{
  g_assert_true (ADW_IS_TOAST_OVERLAY (overlay));

  return find_toast (GTK_WIDGET (overlay), title);
}

AdwToast *
rapport_test_ui_hold_toast (AdwToastOverlay *overlay,
                            const char      *title)
{
  AdwToast *toast;

  g_assert_true (ADW_IS_TOAST_OVERLAY (overlay));

  toast = find_toast (GTK_WIDGET (overlay), title);
  g_assert_nonnull (toast);

  /* Adding the toast shown again starts its time anew: with no timeout, it stays. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, g_object_ref (toast));

  return toast;
}

char *
rapport_test_ui_screenshot_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *basename = g_strconcat (name, ".png", NULL);
  char *path;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, basename, NULL);

  /* A file left over from an earlier run must not pass for this run's result. */
  g_unlink (path);

  return path;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveResult *save = user_data;

  save->saved = rapport_screenshot_save_finish (GTK_WINDOW (object), result, &save->error);
  save->done = TRUE;
}

void
rapport_test_ui_save_screenshot (GtkWindow  *window,
                                 int         width,
                                 const char *path)
{
  g_autoptr(GFile) file = NULL;
  SaveResult save = { 0 };

  g_assert_true (GTK_IS_WINDOW (window));
  g_assert_nonnull (path);

  file = g_file_new_for_path (path);
  rapport_screenshot_save_async (window, width, file, NULL, save_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (save.error);
  g_assert_true (save.saved);
}

void
rapport_test_ui_render_screenshot (GtkWindow  *window,
                                   const char *name)
{
  g_autofree char *path = rapport_test_ui_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_WINDOW (window));

  texture = rapport_screenshot_render (GTK_WIDGET (window), &error);
  g_assert_no_error (error);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
}

GBytes *
rapport_test_ui_make_png (guint8 seed)
{
  guint8 pixels[4 * 3 * 4];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < sizeof pixels; i++)
    pixels[i] = (guint8) (seed + i * 17);
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (4, 3, GDK_MEMORY_R8G8B8A8, bytes, 4 * 4);
  return gdk_texture_save_to_png_bytes (texture);
}
