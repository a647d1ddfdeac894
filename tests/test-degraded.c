/* test-degraded.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages on the data a creator really has (issue 17): fixture accounts that each lack one
 * figure (tests/fixtures/degraded/generate.py), imported into stores of their own, shown on
 * the Overview and the Hashtags page under a headless display.  Each test fails when a page
 * shows an empty state, or a chart with nothing in range, where a true view exists, and checks
 * that the page says which view it shows and why.  Screenshots go to tests/screenshots/ of the
 * build tree: light, dark and 360 px wide.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-resources.h"
#include "session/rapport-import-job.h"
#include "ui/charts/rapport-chart.h"
#include "ui/rapport-hashtags-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-screenshot.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

#define X_ARCHIVE "twitter-2025-03-01-kai_writes"
#define INSTAGRAM "instagram-ida.clay-2025-03-01"
#define TIKTOK    "tiktok-ben.beats-2025-03-01"

static char *temp_root;
static GHashTable *stores;  /* fixture name → RapportStore holding it */

/* The analysis of the one account of the fixture @name, imported once into a store of its
 * own. */
static RapportAnalysis *
load_fixture (const char *name)
{
  RapportStore *store = g_hash_table_lookup (stores, name);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;

  if (store == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "degraded", name,
                                                     NULL);
      g_autofree char *data_dir = g_build_filename (temp_root, name, NULL);
      g_auto(RapportImportSummary) summary = { 0 };

      store = rapport_store_open (data_dir, &error);
      g_assert_no_error (error);
      g_hash_table_insert (stores, g_strdup (name), store);
      rapport_import_path (store, path, &summary, NULL, &error);
      g_assert_no_error (error);
    }

  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  analysis = rapport_analysis_load (store,
                                    ((RapportAccount *) g_ptr_array_index (accounts, 0))->id,
                                    NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static gpointer
overview_child (GtkWidget  *page,
                const char *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, name);
}

static gpointer
hashtags_child (GtkWidget  *page,
                const char *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_HASHTAGS_PAGE, name);
}

static const char *
overview_text (GtkWidget  *page,
               const char *name)
{
  return gtk_label_get_text (overview_child (page, name));
}

/* @page alone in a window @width wide, in @scheme, drawn. */
static GtkWindow *
present (GtkWidget      *page,
         int             width,
         AdwColorScheme  scheme)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_window_set_default_size (window, width, 1000);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (window);
  rapport_test_ui_wait_allocated (GTK_WIDGET (window));
  rapport_test_ui_iterate_pending ();
  rapport_test_ui_settle ();

  return window;
}

static void
dismiss (GtkWindow *window)
{
  rapport_test_ui_destroy_window (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* The Overview of @analysis must show its page with a chart that draws something in the range
 * it shows: never the empty state, never "No data in this range". */
static GtkWidget *
assert_overview_not_empty (RapportAnalysis *analysis)
{
  GtkWidget *page = rapport_overview_page_new ();
  RapportChart *chart;
  gint64 start;
  gint64 end;

  g_object_set (page, "analysis", analysis, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (overview_child (page, "stack")), ==,
                   "overview");
  chart = overview_child (page, "chart");
  g_assert_true (rapport_chart_get_data_range (chart, &start, &end));
  g_assert_cmpint (start, <=, rapport_chart_get_range_end (chart));
  g_assert_cmpint (end, >=, rapport_chart_get_range_start (chart));

  return page;
}

static void
assert_legend (GtkWidget  *page,
               const char *text)
{
  g_assert_nonnull (rapport_test_ui_find_label (overview_child (page, "legend"), text));
}

/* An X archive without follower lists: interactions per post and their rolling median. */
static void
test_x_overview (void)
{
  g_autoptr(RapportAnalysis) analysis = load_fixture (X_ARCHIVE);
  const RapportReport *report = rapport_analysis_get_report (analysis);
  GtkWidget *page = assert_overview_not_empty (analysis);
  GtkWindow *window = present (page, 1000, ADW_COLOR_SCHEME_FORCE_LIGHT);
  RapportChart *chart = overview_child (page, "chart");

  g_assert_cmpuint (report->series->points->len, ==, 0);
  g_assert_cmpuint (report->engagement.n_with_interactions, ==, 40);
  g_assert_cmpint (report->headline->kind, ==, RAPPORT_HEADLINE_INTERACTIONS);

  /* The empty follower line, the posts' interactions, their median. */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 3);
  assert_legend (page, "Interactions of each post (right axis) — no engagement rate: the exports "
                       "give no follower figure for the days of the posts");
  assert_legend (page, "Median interactions of the last 30 days, from 3 posts");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Followers and interactions per post over time");
  g_assert_cmpstr (overview_text (page, "headline_label"), ==,
                   "From 1 Apr 2024 to 30 Dec 2024 the median interactions per post went from "
                   "28 to 15 (n = 13 and 13); without follower figures for those days there is "
                   "no engagement rate");
  g_assert_true (g_str_has_prefix (overview_text (page, "note_label"), "Interactions: "));
  /* 40 weekly posts. */
  g_assert_cmpstr (overview_text (page, "posts_value"), ==, "1.0");

  rapport_test_ui_render_screenshot (window, "degraded-x-overview");
  dismiss (window);

  /* Dark and narrow, as a creator may see it. */
  page = assert_overview_not_empty (analysis);
  window = present (page, 1000, ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_test_ui_render_screenshot (window, "degraded-x-overview-dark");
  dismiss (window);
  page = assert_overview_not_empty (analysis);
  window = present (page, 360, ADW_COLOR_SCHEME_FORCE_LIGHT);
  rapport_test_ui_render_screenshot (window, "degraded-x-overview-narrow");
  dismiss (window);
}

/* Hashtags of @analysis: the report, never the empty state. */
static GtkWidget *
assert_hashtags_not_empty (RapportAnalysis *analysis)
{
  GtkWidget *page = g_object_new (RAPPORT_TYPE_HASHTAGS_PAGE, "analysis", analysis, NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (hashtags_child (page, "stack")), ==,
                   "report");
  g_assert_true (gtk_widget_get_visible (hashtags_child (page, "usage_group")));
  /* No rates, no uplift. */
  g_assert_false (gtk_widget_get_visible (hashtags_child (page, "uplift_group")));

  return page;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list,
                                                                                       index)));
}

static void
test_x_hashtags (void)
{
  g_autoptr(RapportAnalysis) analysis = load_fixture (X_ARCHIVE);
  GtkWidget *page = assert_hashtags_not_empty (analysis);
  GtkWindow *window = present (page, 900, ADW_COLOR_SCHEME_FORCE_LIGHT);
  GtkListBox *usage = hashtags_child (page, "usage_list");

  g_assert_cmpstr (gtk_label_get_label (hashtags_child (page, "title_label")), ==,
                   "4 Tags Used");
  /* #poetry on every second tweet, #amwriting every third, #writingcommunity every fifth. */
  g_assert_cmpuint (count_rows (usage), ==, 4);
  g_assert_cmpstr (row_title (usage, 0), ==, "#poetry");
  g_assert_cmpstr (row_title (usage, 1), ==, "#amwriting");
  g_assert_cmpstr (row_title (usage, 2), ==, "#writingcommunity");
  g_assert_cmpstr (row_title (usage, 3), ==, "#follow4follow");
  g_assert_true (gtk_widget_get_visible (hashtags_child (page, "bait_group")));
  g_assert_cmpstr (row_title (hashtags_child (page, "bait_list"), 0), ==, "#follow4follow");

  rapport_test_ui_render_screenshot (window, "degraded-x-hashtags");
  dismiss (window);
}

/* An Instagram export without insights: no interactions at all, so the rhythm of posting
 * against the followers rebuilt from follow dates. */
static void
test_instagram_overview (void)
{
  g_autoptr(RapportAnalysis) analysis = load_fixture (INSTAGRAM);
  const RapportReport *report = rapport_analysis_get_report (analysis);
  GtkWidget *page = assert_overview_not_empty (analysis);
  GtkWindow *window = present (page, 1000, ADW_COLOR_SCHEME_FORCE_LIGHT);
  RapportChart *chart = overview_child (page, "chart");

  g_assert_cmpuint (report->engagement.n_with_interactions, ==, 0);
  g_assert_cmpint (report->headline->kind, ==, RAPPORT_HEADLINE_NONE);
  /* Followers and the posts of each of the 26 weeks. */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 2);
  g_assert_cmpuint (report->cadence->n_weeks, ==, 26);
  g_assert_cmpuint (report->cadence->posts_by_week[3], ==, 3);
  assert_legend (page, "Posts per week (right axis) — the exports give no likes, comments or "
                       "shares per post, so this is your rhythm of posting");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Followers and posts per week over time");
  g_assert_true (g_str_has_prefix (overview_text (page, "headline_label"),
                                   "These exports give no likes, comments or shares per post"));
  /* 30 posts in 26 weeks. */
  g_assert_cmpstr (overview_text (page, "posts_value"), ==, "1.2");

  rapport_test_ui_render_screenshot (window, "degraded-instagram-overview");
  dismiss (window);
}

static void
test_instagram_hashtags (void)
{
  g_autoptr(RapportAnalysis) analysis = load_fixture (INSTAGRAM);
  GtkWidget *page = assert_hashtags_not_empty (analysis);
  GtkWindow *window = present (page, 900, ADW_COLOR_SCHEME_FORCE_LIGHT);
  GtkListBox *usage = hashtags_child (page, "usage_list");
  GtkListBox *bait = hashtags_child (page, "bait_list");
  GtkListBox *buckets = hashtags_child (page, "buckets_list");

  g_assert_cmpstr (gtk_label_get_label (hashtags_child (page, "title_label")), ==,
                   "5 Tags Used");
  g_assert_cmpuint (count_rows (usage), ==, 5);
  g_assert_cmpstr (row_title (usage, 0), ==, "#ceramics");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (usage, 0))), ==,
                   "3 Jun 2024 to 27 Nov 2024");

  /* #f4f on posts 1, 11 and 21, #like4like on 6 and 7: flagged though no rate exists. */
  g_assert_cmpuint (count_rows (bait), ==, 2);
  g_assert_cmpstr (row_title (bait, 0), ==, "#f4f");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (bait, 0))), ==, "3 posts");
  g_assert_cmpstr (adw_preferences_group_get_description (hashtags_child (page, "bait_group")),
                   ==, "These tags ask for follows or likes in return, and the accounts they "
                       "bring rarely engage. You used them on 5 posts.");

  /* Tags per post, counted by hand from the generator: 1 tag on 9 posts, 2 on 14, 3 on 5 and
   * 4 on 2, so 1–2 tags on 23 posts and 3–5 on 7. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (buckets, 1))), ==, "23 posts");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (buckets, 2))), ==, "7 posts");

  rapport_test_ui_render_screenshot (window, "degraded-instagram-hashtags");
  dismiss (window);
  page = assert_hashtags_not_empty (analysis);
  window = present (page, 360, ADW_COLOR_SCHEME_FORCE_DARK);
  rapport_test_ui_render_screenshot (window, "degraded-instagram-hashtags-narrow-dark");
  dismiss (window);
}

/* A small TikTok account: three videos over six years and a count rebuilt from one follower.
 * No percentage is headlined, the rates are flagged, and the rhythm reads in weeks. */
static void
test_tiktok_overview (void)
{
  g_autoptr(RapportAnalysis) analysis = load_fixture (TIKTOK);
  const RapportReport *report = rapport_analysis_get_report (analysis);
  GtkWidget *page = assert_overview_not_empty (analysis);
  GtkWindow *window = present (page, 1000, ADW_COLOR_SCHEME_FORCE_LIGHT);
  const char *headline = overview_text (page, "headline_label");

  g_assert_cmpint (report->headline->kind, ==, RAPPORT_HEADLINE_HELD_BACK);
  g_assert_cmpuint (report->engagement.n_rate_unreliable, ==, 3);
  g_assert_true (g_str_has_prefix (headline, "No headline yet: 2 and 1 posts with an engagement "
                                             "rate at the start and at the end"));
  g_assert_nonnull (strstr (headline, "a base of 1 follower rebuilt from follow dates"));
  g_assert_null (strstr (headline, "5600"));
  g_assert_null (strstr (headline, "101.8"));

  /* Followers: a change of 56, no percentage of a base of 1. */
  g_assert_cmpstr (overview_text (page, "followers_change"), ==, "+56");
  /* The rates are there, flagged, without a change in percent. */
  g_assert_false (gtk_widget_get_visible (overview_child (page, "rate_change")));
  g_assert_nonnull (strstr (overview_text (page, "rate_detail"),
                            "3 rates flagged as unreliable: above 100 %, or over a rebuilt count "
                            "under 100 followers"));
  /* 3 posts in 319 weeks: not "0.0". */
  g_assert_cmpstr (overview_text (page, "posts_value"), ==, "1 every 106 weeks");

  rapport_test_ui_render_screenshot (window, "degraded-tiktok-overview");
  dismiss (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (rapport_get_resource ());
  rapport_screenshot_set_up_display ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  temp_root = rapport_test_make_temp_dir ();
  stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_test_add_func ("/degraded/x/overview", test_x_overview);
  g_test_add_func ("/degraded/x/hashtags", test_x_hashtags);
  g_test_add_func ("/degraded/instagram/overview", test_instagram_overview);
  g_test_add_func ("/degraded/instagram/hashtags", test_instagram_hashtags);
  g_test_add_func ("/degraded/tiktok/overview", test_tiktok_overview);

  status = g_test_run ();

  g_hash_table_unref (stores);
  rapport_test_remove_tree (temp_root);
  g_free (temp_root);

  return status;
}
