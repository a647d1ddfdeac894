/* test-page-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text from the exports is shown as text, never read as markup, under a headless display: an
 * account named "<b>&amp;" and a caption "1 < 2 & <i>3</i>" appear as they are in the
 * Overview's account rows, on the Coach's page when it has no advice, and in the Posts page's
 * rows and details.  As markup, the name would lose its tags and the caption fail to parse
 * (a warning, fatal in the tests).
 */

#include "config.h"

#include <adwaita.h>

#include "store/rapport-store.h"
#include "ui/rapport-coach-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-posts-page.h"
#include "ui/rapport-toast.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* 1 Jan 2024, 00:00 UTC. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)

#define HANDLE "<b>&amp;"
#define CAPTION "1 < 2 & <i>3</i>"

typedef struct
{
  char         *data_dir;
  RapportStore *store;
} Fixture;

/* HANDLE on Mastodon with 100 followers and one post, and @jo.clips on TikTok, so that the
 * Overview of all accounts has a row for each.  The coach has no advice at all for so
 * little. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_MASTODON, HANDLE, NULL, "<i>Jo</i>" };
  RapportAccountInfo clips = { RAPPORT_PLATFORM_TIKTOK, "jo.clips", NULL, NULL };
  RapportFollowerCount count = { T0 + 20 * DAY, 100, RAPPORT_COUNT_SOURCE_PROFILE };
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportPost post;

  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  import = rapport_store_begin_import (fixture->store, "<b>export</b>.zip", "markup", "markup",
                                       NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 20 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &count, &error));
  rapport_post_init (&post);
  post.platform_id = "p1";
  post.type = RAPPORT_POST_PHOTO;
  post.created_at = T0 + 10 * DAY;
  post.text = CAPTION;
  post.likes = 5;
  post.comments = 1;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_true (rapport_store_import_commit (import, NULL, &error));

  import = rapport_store_begin_import (fixture->store, "clips.zip", "clips", "clips", NULL,
                                       &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &clips, &error));
  rapport_import_sink_set_export_date (sink, T0 + 20 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  rapport_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
assert_shown (GtkWidget  *root,
              const char *text)
{
  if (rapport_test_ui_find_shown_label (root, text) == NULL)
    {
      g_autofree char *labels = rapport_test_ui_visible_labels (root);

      g_error ("“%s” is not shown; the labels are: %s", text, labels);
    }
}

static void
test_overview_rows (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (fixture->store, NULL);
  GtkWidget *page = rapport_overview_page_new ();
  GtkWindow *window;
  GtkListBox *accounts;
  GtkWidget *row = NULL;

  rapport_overview_page_set_analysis (RAPPORT_OVERVIEW_PAGE (page), analysis);
  window = rapport_test_ui_show_in_window (page, 1000, 800);
  accounts = rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "accounts_list");

  for (guint i = 0; gtk_list_box_get_row_at_index (accounts, i) != NULL; i++)
    {
      GtkWidget *candidate = GTK_WIDGET (gtk_list_box_get_row_at_index (accounts, i));

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate)),
                     HANDLE) == 0)
        row = candidate;
    }
  /* No Mastodon handle has those characters: the name is shown as it is, without an "@". */
  g_assert_nonnull (row);
  assert_shown (row, HANDLE);

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
}

static void
test_coach_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (fixture->store, HANDLE);
  GtkWidget *page = g_object_new (RAPPORT_TYPE_COACH_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (page, 800, 700);
  GtkStack *stack = rapport_test_ui_template_child (page, RAPPORT_TYPE_COACH_PAGE, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  assert_shown (page, "The coach has no advice for " HANDLE " from the exports imported so far. "
                      "It speaks up when your own numbers show something worth changing; newer "
                      "exports give it more to go on.");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
}

static void
test_posts_rows (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (fixture->store, HANDLE);
  GtkWidget *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (page, 1000, 600);
  GtkSingleSelection *selection;
  GtkLabel *detail_text;

  /* In the post's row. */
  assert_shown (rapport_test_ui_template_child (page, RAPPORT_TYPE_POSTS_PAGE, "column_view"),
                CAPTION);

  /* And in its details. */
  selection = rapport_test_ui_template_child (page, RAPPORT_TYPE_POSTS_PAGE, "selection");
  gtk_single_selection_set_selected (selection, 0);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  detail_text = rapport_test_ui_template_child (page, RAPPORT_TYPE_POSTS_PAGE, "detail_text");
  g_assert_cmpstr (gtk_label_get_text (detail_text), ==, CAPTION);

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
}

/* A toast names the account as it is, in the overlay above the widget that asks. */
static void
test_toast (void)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *alone = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWindow *window;
  AdwToast *toast;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  window = rapport_test_ui_show_in_window (overlay, 400, 300);

  toast = rapport_toast_show (child, rapport_toast_new (HANDLE, ADW_TOAST_PRIORITY_HIGH));
  g_assert_nonnull (toast);
  g_assert_false (adw_toast_get_use_markup (toast));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, HANDLE);
  g_assert_cmpint (adw_toast_get_priority (toast), ==, ADW_TOAST_PRIORITY_HIGH);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  assert_shown (overlay, HANDLE);

  /* Outside any overlay nothing is shown, and nothing leaks. */
  g_assert_null (rapport_toast_show (alone, rapport_toast_new (HANDLE, ADW_TOAST_PRIORITY_NORMAL)));

  g_object_unref (alone);
  rapport_test_ui_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  rapport_test_ui_init_with_temp_dirs (&argc, &argv, &data_dir, &cache_dir);

  g_test_add ("/page-markup/overview-rows", Fixture, NULL,
              fixture_set_up, test_overview_rows, fixture_tear_down);
  g_test_add ("/page-markup/coach-empty", Fixture, NULL,
              fixture_set_up, test_coach_empty, fixture_tear_down);
  g_test_add ("/page-markup/posts-rows", Fixture, NULL,
              fixture_set_up, test_posts_rows, fixture_tear_down);
  g_test_add_func ("/page-markup/toast", test_toast);

  status = g_test_run ();

  rapport_test_remove_tree (data_dir);
  rapport_test_remove_tree (cache_dir);

  return status;
}
