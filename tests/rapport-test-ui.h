/* rapport-test-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests of windows and pages share: the sample data in a store, an analysis, a
 * shown window, the main loop run until it is idle, the labels a user sees, and pictures
 * written to tests/screenshots/ of the build tree.
 */

#pragma once

#include <adwaita.h>

#include "rapport-application.h"
#include "store/rapport-store.h"
#include "session/rapport-analysis.h"
#include "ui/rapport-window.h"

G_BEGIN_DECLS

/* Points $RAPPORT_DATA_DIR and $XDG_CACHE_HOME at new temporary folders (returned for the
 * caller to remove), so that windows never open anyone's real database, then initializes GTK,
 * libadwaita and the headless display. */
void                rapport_test_ui_init_with_temp_dirs (int          *argc,
                                                         char       ***argv,
                                                         char        **data_dir,
                                                         char        **cache_dir);

/* Opens a store in @data_dir and imports the sample data ($RAPPORT_SAMPLE_DATA_DIR) into it. */
RapportStore       *rapport_test_ui_open_sample_store  (const char   *data_dir);
/* The analysis of the account @handle, or of all accounts when @handle is NULL. */
RapportAnalysis    *rapport_test_ui_load_analysis      (RapportStore *store,
                                                        const char   *handle);
/* The analysis of the account with id @account_id, or of all accounts when it is 0. */
RapportAnalysis    *rapport_test_ui_load_analysis_by_id (RapportStore *store,
                                                         gint64        account_id);
/* The first look of the account @handle, loaded as the window loads it; see
 * rapport_analysis_load_summary_async(). */
RapportAnalysis    *rapport_test_ui_load_first_look    (RapportStore *store,
                                                        const char   *handle);
/* Loads the rest of a first look and asserts it worked. */
void                rapport_test_ui_complete_analysis  (RapportAnalysis *analysis);
/* Registered once, non-unique, and kept for the whole process. */
RapportApplication *rapport_test_ui_shared_application (void);

void                rapport_test_ui_iterate_pending    (void);
/* Iterates a few times with short sleeps, for work that threads hand back to the loop. */
void                rapport_test_ui_settle             (void);
/* Until @widget is mapped and allocated. */
void                rapport_test_ui_wait_allocated     (GtkWidget    *widget);
/* Until @widget's frame clock has ticked @n_frames times. */
void                rapport_test_ui_wait_frames        (GtkWidget    *widget,
                                                        guint         n_frames);
/* @child alone in a new window of @width by @height, presented and drawn a few frames. */
GtkWindow          *rapport_test_ui_show_in_window     (GtkWidget    *child,
                                                        int           width,
                                                        int           height);
/* A window of the shared application exploring the sample data, on page @page_name. */
RapportWindow      *rapport_test_ui_present_sample_window (const char *page_name);
/* The page @page_name of @window's view stack. */
GtkWidget          *rapport_test_ui_window_page        (RapportWindow *window,
                                                        const char    *page_name);
/* Destroys @window, runs what is pending and asserts nothing else holds it. */
void                rapport_test_ui_destroy_window     (GtkWindow    *window);

/* The template child @name of @widget, declared by the class @type; asserts it exists. */
gpointer            rapport_test_ui_template_child     (gpointer      widget,
                                                        GType         type,
                                                        const char   *name);
/* A "notify" handler that counts into the guint at @count. */
void                rapport_test_ui_count_notify_cb    (GObject      *object,
                                                        GParamSpec   *pspec,
                                                        guint        *count);
/* Leaves pointer motion over @widget unheard.  Test programs share one headless display, whose
 * pointer rests where it likes and may lie over @widget as the windows of other tests come and
 * go. */
void                rapport_test_ui_ignore_pointer     (GtkWidget    *widget);
/* Adds every widget of @type below @root to @found, depth first. */
void                rapport_test_ui_collect            (GtkWidget    *root,
                                                        GType         type,
                                                        GPtrArray    *found);
/* Every label mapped in @widget, in widget order, each followed by '|'. */
char               *rapport_test_ui_visible_labels     (GtkWidget    *widget);
/* The first label below @root whose label (as set, markup included) is @text, or NULL. */
GtkWidget          *rapport_test_ui_find_label         (GtkWidget    *root,
                                                        const char   *text);
/* The first label below @root that shows @text as a user reads it (markup taken away), or
 * NULL. */
GtkWidget          *rapport_test_ui_find_shown_label   (GtkWidget    *root,
                                                        const char   *text);

/* The toast titled @title shown now by @overlay (a new reference), or NULL. */
AdwToast           *rapport_test_ui_find_toast         (AdwToastOverlay *overlay,
                                                        const char      *title);
/* Keeps the toast titled @title, shown now by @overlay, until it is dismissed, and returns a
 * reference to it.  A toast lasts a few seconds, which a slow run (sanitizers) may spend before
 * the test is done with it. */
AdwToast           *rapport_test_ui_hold_toast         (AdwToastOverlay *overlay,
                                                        const char      *title);

/* tests/screenshots/@name.png of the build tree, the folder made and an older file removed. */
char               *rapport_test_ui_screenshot_path    (const char   *name);
/* Saves @window through rapport_screenshot_save_async() and asserts it worked. */
void                rapport_test_ui_save_screenshot    (GtkWindow    *window,
                                                        int           width,
                                                        const char   *path);
/* Renders @window as it is now to the screenshot @name and asserts its width. */
void                rapport_test_ui_render_screenshot  (GtkWindow    *window,
                                                        const char   *name);

/* A 4 × 3 PNG of @seed's colours, as the import job keeps a post's thumbnail. */
GBytes             *rapport_test_ui_make_png           (guint8        seed);

G_END_DECLS
