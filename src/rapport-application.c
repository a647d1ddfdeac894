/* rapport-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rapport-application.h"
#include "rapport-resources.h"
#include "session/rapport-analysis.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-window.h"

struct _RapportApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  GFile          *screenshot_file;
  char           *page;
  AdwColorScheme  color_scheme;
  int             window_width;
  int             exit_status;
  gint64          created_at;  /* monotonic, for --measure-first-frame without /proc */
  /* The analysis the first window opens on, loading since startup; NULL once taken. */
  RapportAnalysisPreload *preload;
  guint           from_command_line : 1;
  guint           sample_data : 1;
  guint           screenshot_started : 1;
  guint           measure_first_frame : 1;
  guint           measure_started : 1;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

/* --screenshot, --window-width and --measure-first-frame are for the build's scripts and the
 * benchmark, not for people: hidden from --help. */
static const GOptionEntry main_options[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the database in DIR instead of the user data folder"), N_("DIR") },
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
    N_("Save a PNG image of the window to FILE once it is drawn, then quit"), N_("FILE") },
  { "color-scheme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the light or the dark style"), N_("light|dark") },
  { "window-width", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL,
    N_("Open the window PX pixels wide"), N_("PX") },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start with the sample data instead of your own"), NULL },
  { "measure-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    N_("Print the milliseconds from the start to the first drawn frame of the Overview, then quit"),
    NULL },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the page NAME of the analysis (overview, audience, posts, hashtags, coach)"),
    N_("NAME") },
  G_OPTION_ENTRY_NULL
};

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

const char *
rapport_application_get_data_dir (RapportApplication *self)
{
  const char *env;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  if (self->data_dir == NULL)
    {
      env = g_getenv ("RAPPORT_DATA_DIR");

      if (env != NULL && env[0] != '\0')
        self->data_dir = g_canonicalize_filename (env, NULL);
      else
        self->data_dir = g_build_filename (g_get_user_data_dir (), "rapport", NULL);
    }

  return self->data_dir;
}

/**
 * rapport_application_take_preload:
 * @self: the application
 *
 * The first window's first analysis, started before GTK: see rapport_analysis_preload_start().
 *
 * Returns: (transfer full) (nullable): the preload, once; %NULL afterwards and when there is
 *   none
 */
RapportAnalysisPreload *
rapport_application_take_preload (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return g_steal_pointer (&self->preload);
}

int
rapport_application_get_exit_status (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), EXIT_FAILURE);

  return self->exit_status;
}

static void
screenshot_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_screenshot_save_finish (GTK_WINDOW (object), result, &error))
    {
      g_autofree char *name = g_file_get_parse_name (self->screenshot_file);

      g_printerr (_("Could not save the screenshot to %s: %s\n"), name, error->message);
      self->exit_status = EXIT_FAILURE;
    }

  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

static void
start_screenshot (RapportApplication *self,
                  RapportWindow      *window)
{
  g_assert (RAPPORT_IS_APPLICATION (self));
  g_assert (RAPPORT_IS_WINDOW (window));

  /* The shot is of the sample data, so a failure to prepare them must not pass unnoticed. */
  if (self->sample_data && !rapport_window_get_exploring_sample_data (window))
    {
      g_printerr (_("The sample data could not be shown, so no screenshot was saved\n"));
      self->exit_status = EXIT_FAILURE;
      g_application_release (G_APPLICATION (self));
      g_application_quit (G_APPLICATION (self));
      return;
    }

  rapport_screenshot_save_async (GTK_WINDOW (window),
                                 self->window_width,
                                 self->screenshot_file,
                                 NULL,
                                 screenshot_saved_cb,
                                 g_object_ref (self));
}

/* An import or an analysis still on its way would leave a spinner in the picture. */
static void
window_busy_changed_cb (RapportWindow      *window,
                        GParamSpec         *pspec,
                        RapportApplication *self)
{
  if (rapport_window_get_busy (window))
    return;

  g_signal_handlers_disconnect_by_func (window, window_busy_changed_cb, self);
  start_screenshot (self, window);
}

/* Milliseconds since the process started, as the kernel counts it (the loading of the
 * libraries included); where there is no /proc, since the application was made. */
static double
ms_since_process_start (RapportApplication *self)
{
#ifdef CLOCK_BOOTTIME
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;

  /* Field 22 of /proc/self/stat is the start in clock ticks after boot; the name in field 2
   * may hold spaces, so fields are counted after its closing parenthesis. */
  if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) &&
      (after_name = strrchr (stat, ')')) != NULL &&
      (fields = g_strsplit (after_name + 1, " ", 22)) != NULL &&
      g_strv_length (fields) >= 21 &&
      clock_gettime (CLOCK_BOOTTIME, &now) == 0)
    {
      double ticks = g_ascii_strtod (fields[20], NULL);

      return now.tv_sec * 1000.0 + now.tv_nsec / 1e6 - ticks * 1000.0 / sysconf (_SC_CLK_TCK);
    }
#endif

  return (g_get_monotonic_time () - self->created_at) / 1000.0;
}

static void
first_frame_painted_cb (GdkFrameClock      *clock,
                        RapportApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);

  g_print ("first-frame-ms %.0f\n", ms_since_process_start (self));
  g_application_release (G_APPLICATION (self));
  g_application_quit (G_APPLICATION (self));
}

/* The analysis has reached the pages: the next frame draws the Overview with its chart. */
static void
measure_next_frame (RapportApplication *self,
                    RapportWindow      *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

/* The Overview draws from the first look of the analysis, and the rest of the analysis (the
 * lists of people for the Audience and the Coach) loads after that frame, so the window is
 * still busy then.  Without an analysis to wait for, the frame is of the welcome or the
 * error page. */
static gboolean
measure_can_start (RapportWindow *window)
{
  return rapport_window_get_analysis (window) != NULL || !rapport_window_get_busy (window);
}

static void
measure_window_changed_cb (RapportWindow      *window,
                           GParamSpec         *pspec,
                           RapportApplication *self)
{
  if (!measure_can_start (window))
    return;

  g_signal_handlers_disconnect_by_func (window, measure_window_changed_cb, self);
  measure_next_frame (self, window);
}

static RapportWindow *
rapport_application_present_window (RapportApplication *self)
{
  RapportWindow *window = NULL;
  gboolean created = FALSE;

  g_assert (RAPPORT_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RAPPORT_IS_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    {
      window = rapport_window_new (self);
      created = TRUE;

      /* The window took it for its first analysis, unless it opened on other data. */
      g_clear_pointer (&self->preload, rapport_analysis_preload_free);

      /* An explicit width is asked for a particular shot, so it wins over the saved state. */
      if (self->window_width > 0)
        {
          gtk_window_unmaximize (GTK_WINDOW (window));
          g_object_set (window, "default-width", self->window_width, NULL);
        }
    }

  gtk_window_present (GTK_WINDOW (window));

  if (created && self->sample_data)
    rapport_window_explore_sample_data (window);

  if (created && self->page != NULL && !rapport_window_set_page (window, self->page))
    g_printerr (_("There is no page “%s” yet; the window shows the first page\n"), self->page);

  /* The window opens on the first row of the sidebar: the account, when there is one. */
  if (self->measure_first_frame && !self->measure_started)
    {
      self->measure_started = TRUE;
      g_application_hold (G_APPLICATION (self));
      rapport_window_set_page (window, "overview");

      if (measure_can_start (window))
        measure_next_frame (self, window);
      else
        {
          g_signal_connect_object (window, "notify::analysis",
                                   G_CALLBACK (measure_window_changed_cb), self,
                                   G_CONNECT_DEFAULT);
          g_signal_connect_object (window, "notify::busy",
                                   G_CALLBACK (measure_window_changed_cb), self,
                                   G_CONNECT_DEFAULT);
        }
    }

  if (self->screenshot_file != NULL && !self->screenshot_started)
    {
      self->screenshot_started = TRUE;
      g_application_hold (G_APPLICATION (self));

      if (rapport_window_get_busy (window))
        g_signal_connect_object (window, "notify::busy", G_CALLBACK (window_busy_changed_cb),
                                 self, G_CONNECT_DEFAULT);
      else
        start_screenshot (self, window);
    }

  return window;
}

static void
rapport_application_activate (GApplication *app)
{
  rapport_application_present_window (RAPPORT_APPLICATION (app));
}

static void
rapport_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RapportWindow *window;

  window = rapport_application_present_window (RAPPORT_APPLICATION (app));
  rapport_window_import_files (window, files, (guint) n_files);
}

static int
rapport_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char *data_dir = NULL;
  g_autofree char *screenshot = NULL;
  const char *color_scheme = NULL;
  gboolean own_instance = FALSE;

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir))
    {
      g_free (self->data_dir);
      self->data_dir = g_canonicalize_filename (data_dir, NULL);
      own_instance = TRUE;
    }

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot))
    {
      g_clear_object (&self->screenshot_file);
      self->screenshot_file = g_file_new_for_commandline_arg (screenshot);
      own_instance = TRUE;
    }

  if (g_variant_dict_lookup (options, "color-scheme", "&s", &color_scheme))
    {
      if (g_str_equal (color_scheme, "light"))
        self->color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      else if (g_str_equal (color_scheme, "dark"))
        self->color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      else
        {
          g_printerr (_("Unknown color scheme “%s”: use “light” or “dark”\n"),
                      color_scheme);
          return EXIT_FAILURE;
        }
      own_instance = TRUE;
    }

  if (g_variant_dict_lookup (options, "sample-data", "b", NULL))
    {
      self->sample_data = TRUE;
      own_instance = TRUE;
    }

  if (g_variant_dict_lookup (options, "page", "s", &self->page))
    own_instance = TRUE;

  if (g_variant_dict_lookup (options, "measure-first-frame", "b", NULL))
    {
      self->measure_first_frame = TRUE;
      own_instance = TRUE;
    }

  if (g_variant_dict_lookup (options, "window-width", "i", &self->window_width))
    {
      if (self->window_width <= 0)
        {
          g_printerr (_("The window width must be a positive number of pixels\n"));
          return EXIT_FAILURE;
        }
      own_instance = TRUE;
    }

  /* These options describe this process's own window and database, so an instance that is
   * already running must not take the request over and ignore them. */
  if (own_instance)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  self->from_command_line = TRUE;

  return G_APPLICATION_CLASS (rapport_application_parent_class)->handle_local_options (app,
                                                                                        options);
}

static void
rapport_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
rapport_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *window;
  AdwDialog *dialog;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  dialog = adw_about_dialog_new ();
  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (dialog), "Rapport");
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APPLICATION_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (dialog), PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (dialog), _("The Rapport developers"));
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (dialog), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (dialog), "https://github.com/rapportapp/rapport");
  adw_about_dialog_set_issue_url (ADW_ABOUT_DIALOG (dialog),
                                  "https://github.com/rapportapp/rapport/issues");
  /* Translators: put your names here, one per line; they are shown in the About dialog. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));

  adw_dialog_present (dialog, window != NULL ? GTK_WIDGET (window) : NULL);
}

static void
rapport_application_shortcuts_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

#if HAVE_ADW_SHORTCUTS_DIALOG
  {
    AdwDialog *dialog;
    AdwShortcutsSection *section;

    dialog = adw_shortcuts_dialog_new ();
    section = adw_shortcuts_section_new (_("General"));
    adw_shortcuts_section_add (section, adw_shortcuts_item_new_from_action (_("Import Export"),
                                                                            "win.import"));
    adw_shortcuts_section_add (section, adw_shortcuts_item_new_from_action (_("Preferences"),
                                                                            "win.preferences"));
    adw_shortcuts_section_add (section, adw_shortcuts_item_new_from_action (_("Keyboard Shortcuts"),
                                                                            "app.shortcuts"));
    adw_shortcuts_section_add (section, adw_shortcuts_item_new_from_action (_("Quit"),
                                                                            "app.quit"));
    /* Both additions take ownership. */
    adw_shortcuts_dialog_add (ADW_SHORTCUTS_DIALOG (dialog), section);

    adw_dialog_present (dialog, window != NULL ? GTK_WIDGET (window) : NULL);
  }
#else
  {
    g_autoptr(GtkBuilder) builder = NULL;
    GtkWindow *shortcuts;

    /* GtkShortcutsWindow is deprecated in GTK 4.18, but its replacement only arrives with
     * libadwaita 1.8. */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/rapport-shortcuts-window.ui");
    shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
    gtk_window_set_transient_for (shortcuts, window);
    gtk_window_present (shortcuts);
    G_GNUC_END_IGNORE_DEPRECATIONS
  }
#endif
}

static const GActionEntry app_actions[] = {
  { "quit", rapport_application_quit_action },
  { "about", rapport_application_about_action },
  { "shortcuts", rapport_application_shortcuts_action },
};

static void
rapport_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
  };
  RapportApplication *self = RAPPORT_APPLICATION (app);
  const char *data_dir = rapport_application_get_data_dir (self);
  g_autofree char *database = rapport_store_dup_database_path (data_dir);

  /* Reading a big account takes about as long as GTK takes to start, so both run at once.
   * Only for a window started from the command line on the creator's existing database: a
   * test that registers the application has no such window.  A database of an older version
   * is upgraded by the window, which says so. */
  if (self->from_command_line && !self->sample_data && g_file_test (database, G_FILE_TEST_EXISTS) &&
      !rapport_store_needs_upgrade (data_dir))
    {
      /* Opened here first, so that the preload's connection and the window's never both
       * migrate an older database at once; one that cannot be opened is the window's to
       * report. */
      g_autoptr(RapportStore) store = rapport_store_open (data_dir, NULL);

      if (store != NULL)
        self->preload = rapport_analysis_preload_start (data_dir);
    }

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  if (self->screenshot_file != NULL)
    rapport_screenshot_set_up_display ();

  if (self->color_scheme != ADW_COLOR_SCHEME_DEFAULT)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), self->color_scheme);
}

static void
rapport_application_finalize (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  g_clear_pointer (&self->preload, rapport_analysis_preload_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_object (&self->screenshot_file);

  G_OBJECT_CLASS (rapport_application_parent_class)->finalize (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rapport_application_finalize;

  /* The resources sit in the static library, and only a reference to them links them into a
   * program; once linked, their constructor has registered them. */
  g_assert (rapport_get_resource () != NULL);

  app_class->activate = rapport_application_activate;
  app_class->open = rapport_application_open;
  app_class->startup = rapport_application_startup;
  app_class->handle_local_options = rapport_application_handle_local_options;
}

static void
rapport_application_init (RapportApplication *self)
{
  self->color_scheme = ADW_COLOR_SCHEME_DEFAULT;
  self->created_at = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  /* The headless commands are dispatched before GApplication sees them (main.c). */
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Commands without a window:\n"
                                                  "  rapport import PATH…     Import data exports\n"
                                                  "  rapport accounts         List the imported "
                                                  "accounts\n"
                                                  "  rapport report           Print the analysis "
                                                  "and the coach's suggestions\n"
                                                  "Each takes --help and --data-dir DIR."));
}
