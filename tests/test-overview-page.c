/* test-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview under a headless display, on the sample creator's exports imported into a
 * temporary store: the key figures a creator reads, the range toggles and a range from the
 * coach's evidence, the chart's read-out by keyboard, the legend, the accessible description,
 * the table, "All accounts", and screenshots in light, dark and 360 px wide (written to
 * tests/screenshots/ in the build tree).
 *
 * The numbers asserted are those of the sample data (build-aux/generate-sample-data.py), as
 * `rapport report` prints them, in the C locale of the tests (no thousands separators).
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "rapport-application.h"
#include "core/rapport-format.h"
#include "ui/charts/rapport-chart.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-window.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

#define DAY G_GINT64_CONSTANT (86400)

#define FIRST_POST  G_GINT64_CONSTANT (1662336000) /*  5 Sep 2022 */
#define BURST_START G_GINT64_CONSTANT (1705276800) /* 15 Jan 2024 */
#define BURST_LAST  G_GINT64_CONSTANT (1707004800) /*  4 Feb 2024 */
#define EXPORT_1    G_GINT64_CONSTANT (1710028800) /* 10 Mar 2024 */
#define LAST_DAY    G_GINT64_CONSTANT (1726099200) /* 12 Sep 2024 */

static char *temp_root;

/* The sample exports in a store of this process, imported once. */
static RapportStore *
sample_store (void)
{
  static RapportStore *store;

  if (store == NULL)
    {
      g_autofree char *data_dir = g_build_filename (temp_root, "store", NULL);

      store = rapport_test_ui_open_sample_store (data_dir);
    }

  return store;
}

/* @index 0 is @mira.makes on Instagram; -1 loads all accounts. */
static RapportAnalysis *
load_analysis (int index)
{
  RapportStore *store = sample_store ();
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;
  gint64 id = 0;

  if (index >= 0)
    {
      accounts = rapport_store_list_accounts (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (accounts->len, >, (guint) index);
      id = ((RapportAccount *) g_ptr_array_index (accounts, index))->id;
    }

  analysis = rapport_analysis_load (store, id, NULL, &error);
  g_assert_no_error (error);

  return analysis;
}

typedef struct
{
  GtkWindow           *window;
  RapportOverviewPage *page;
  RapportAnalysis     *analysis;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  int index = GPOINTER_TO_INT (user_data);

  fixture->analysis = load_analysis (index);
  fixture->page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 1200);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);

  g_object_set (fixture->page, "analysis", fixture->analysis, NULL);
  g_assert_true (rapport_overview_page_get_analysis (fixture->page) == fixture->analysis);
  /* The chart's cursor moves by keys and calls here, not by wherever the pointer rests. */
  rapport_test_ui_ignore_pointer (rapport_test_ui_template_child (fixture->page,
                                                                 RAPPORT_TYPE_OVERVIEW_PAGE,
                                                                 "chart"));

  while (gtk_widget_get_width (GTK_WIDGET (fixture->page)) == 0)
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (fixture->window);
  rapport_test_ui_iterate_pending ();
  g_assert_null (fixture->page);
  g_assert_finalize_object (fixture->analysis);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return rapport_test_ui_template_child (fixture->page, RAPPORT_TYPE_OVERVIEW_PAGE, name);
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* A picture of the page as it is now, in tests/screenshots/ of the build tree. */
static void
save_page_shot (Fixture    *fixture,
                const char *name)
{
  /* Lay out and draw what changed first. */
  for (guint i = 0; i < 3; i++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
      guint painted = 0;
      gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &painted);

      gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
      while (painted == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, id);
    }

  rapport_test_ui_render_screenshot (fixture->window, name);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (child (fixture, name));
}

static const RapportSeriesPoint *
series_point (Fixture *fixture,
              gint64   day)
{
  const RapportSeriesPoint *point;

  point = rapport_follower_series_point (rapport_analysis_get_report (fixture->analysis)->series,
                                         day);
  g_assert_nonnull (point);

  return point;
}

/* Posts that count in posts per week (all but reposts) in [start, end). */
static guint
count_posts (Fixture *fixture,
             gint64   start,
             gint64   end)
{
  const RapportDataset *dataset = rapport_analysis_get_dataset (fixture->analysis);
  guint n = 0;

  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (post->type != RAPPORT_POST_REPOST && post->created_at >= start && post->created_at < end)
        n++;
    }

  return n;
}

static void
test_overview_figures (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const RapportReport *report = rapport_analysis_get_report (fixture->analysis);
  RapportChart *chart = child (fixture, "chart");
  g_autofree char *rate = rapport_format_percent (report->engagement.median_rate);
  g_autofree char *ratio = rapport_format_percent (report->reciprocity->follow_back_ratio);
  g_autofree char *posts = g_strdup_printf ("%.1f", report->cadence->posts_per_week);
  g_autofree char *change = NULL;
  const RapportSeriesPoint *first;
  const RapportSeriesPoint *last;

  /* The numbers `rapport report` prints for @mira.makes. */
  g_assert_cmpstr (label_text (fixture, "followers_value"), ==, "2455");
  g_assert_cmpstr (label_text (fixture, "rate_value"), ==, "6.3 %");
  g_assert_cmpstr (label_text (fixture, "rate_value"), ==, rate);
  g_assert_cmpstr (label_text (fixture, "posts_value"), ==, "1.3");
  g_assert_cmpstr (label_text (fixture, "posts_value"), ==, posts);
  g_assert_cmpstr (label_text (fixture, "posts_detail"), ==, "n = 136 posts in 106 weeks");
  g_assert_cmpstr (label_text (fixture, "follow_back_value"), ==, "64.5 %");
  g_assert_cmpstr (label_text (fixture, "follow_back_value"), ==, ratio);
  g_assert_cmpstr (label_text (fixture, "follow_back_detail"), ==,
                   "777 of the 1204 accounts you follow; export of 12 Sep 2024");

  /* Over the whole history, from the first post: followers then and now, and the median of
   * the first 90 days of posts against the last 90, as the report's "then and now". */
  first = series_point (fixture, FIRST_POST);
  last = series_point (fixture, LAST_DAY);
  g_assert_cmpfloat (last->followers, ==, 2455);
  change = g_strdup_printf ("+%.0f (+%.1f %%)", last->followers - first->followers,
                            (last->followers - first->followers) / first->followers * 100);
  g_assert_cmpstr (label_text (fixture, "followers_change"), ==, change);
  g_assert_cmpstr (label_text (fixture, "followers_change"), ==, "+2060 (+521.5 %)");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "followers_change"), "success"));
  g_assert_cmpstr (label_text (fixture, "followers_detail"), ==,
                   "Since 5 Sep 2022; 2 real totals\n"
                   "Partly rebuilt from follow dates: a lower bound");
  g_assert_cmpstr (label_text (fixture, "rate_change"), ==, "-7.9 % (7.0 % → 6.5 %)");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "rate_change"), "error"));
  g_assert_cmpstr (label_text (fixture, "rate_detail"), ==,
                   "n = 136 posts; first and last 90 days: n = 17 and 16");
  g_assert_cmpfloat_with_epsilon (report->overall->rate_change, -7.9, 0.05);

  /* Every figure is there, so no card explains a gap. */
  g_assert_null (gtk_widget_get_tooltip_text (child (fixture, "followers_card")));
  g_assert_null (gtk_widget_get_tooltip_text (child (fixture, "rate_card")));

  /* The headline is the strongest divergence, and it is what the chart tells those who
   * cannot see it. */
  g_assert_cmpstr (label_text (fixture, "headline_label"), ==, report->divergence->headline);
  g_assert_cmpstr (label_text (fixture, "headline_label"), ==,
                   "Followers +486.9 % from 24 Jun 2022 to 5 Jul 2024 while the median "
                   "engagement rate fell from 7.9 % to 3.7 %");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Followers and engagement rate over time");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       report->divergence->headline);

  /* Followers, the rate of each post and its rolling median; two data exports, Meta Business
   * Suite's, and the follow-for-follow burst's jump (three weeks, one quiet day in the middle
   * of it no longer splitting it in two). */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 3);
  g_assert_cmpuint (rapport_chart_get_n_markers (chart), ==, 4);

  /* The legend explains the dashed stretches. */
  g_assert_nonnull (rapport_test_ui_find_label (child (fixture, "legend"),
                                                "Dashed: reconstructed from follow dates — "
                                                "a lower bound"));
  /* And where the line's days come from: the lists, and Meta's daily follows. */
  g_assert_nonnull (rapport_test_ui_find_label (child (fixture, "legend"),
                                                "Followers (left axis), from exported follower "
                                                "lists, daily follows of analytics exports, "
                                                "carried from a total"));
  g_assert_nonnull (rapport_test_ui_find_label (child (fixture, "legend"),
                                                "An unusual jump or drop of followers, "
                                                "with its size"));
}

static void
assert_chart_range (Fixture *fixture,
                    gint64   start,
                    gint64   end)
{
  RapportChart *chart = child (fixture, "chart");

  g_assert_cmpint (rapport_chart_get_range_start (chart), ==, start);
  g_assert_cmpint (rapport_chart_get_range_end (chart), ==, end);
}

static void
test_overview_ranges (Fixture       *fixture,
                      gconstpointer  user_data)
{
  AdwToggleGroup *ranges = child (fixture, "range_toggles");
  RapportChart *chart = child (fixture, "chart");
  gint64 quarter_start = LAST_DAY - 90 * DAY;
  gint64 year_start = LAST_DAY - 364 * DAY;
  g_autofree char *quarter_posts = NULL;
  g_autofree char *quarter_change = NULL;
  g_autofree char *burst_change = NULL;
  const RapportSeriesPoint *from;
  const RapportSeriesPoint *to;
  guint start_notifies = 0;
  guint end_notifies = 0;

  g_signal_connect (chart, "notify::range-start", G_CALLBACK (rapport_test_ui_count_notify_cb),
                    &start_notifies);
  g_signal_connect (chart, "notify::range-end", G_CALLBACK (rapport_test_ui_count_notify_cb),
                    &end_notifies);

  /* All: from the first post to the last day of data, to the end of that day. */
  g_assert_cmpstr (adw_toggle_group_get_active_name (ranges), ==, "all");
  assert_chart_range (fixture, FIRST_POST, LAST_DAY + DAY - 1);

  /* 3 months: the last 91 days.  The end stays, so only the start is notified. */
  adw_toggle_group_set_active_name (ranges, "quarter");
  assert_chart_range (fixture, quarter_start, LAST_DAY + DAY - 1);
  g_assert_cmpuint (start_notifies, ==, 1);
  g_assert_cmpuint (end_notifies, ==, 0);
  g_assert_cmpstr (label_text (fixture, "followers_value"), ==, "2455");
  from = series_point (fixture, quarter_start);
  to = series_point (fixture, LAST_DAY);
  quarter_change = g_strdup_printf ("+%.0f (+%.1f %%)", to->followers - from->followers,
                                    (to->followers - from->followers) / from->followers * 100);
  g_assert_cmpstr (label_text (fixture, "followers_change"), ==, quarter_change);
  g_assert_true (g_str_has_prefix (label_text (fixture, "followers_detail"),
                                   "Since 14 Jun 2024; 1 real total"));
  quarter_posts = g_strdup_printf ("n = %u posts in 13 weeks",
                                   count_posts (fixture, quarter_start, LAST_DAY + DAY));
  g_assert_cmpstr (label_text (fixture, "posts_detail"), ==, quarter_posts);

  /* 1 year: the last 365 days. */
  adw_toggle_group_set_active_name (ranges, "year");
  assert_chart_range (fixture, year_start, LAST_DAY + DAY - 1);
  g_assert_true (g_str_has_prefix (label_text (fixture, "followers_detail"), "Since 14 Sep 2023"));

  /* The coach's evidence: the burst, with two weeks on either side and no preset range. */
  rapport_overview_page_show_range (fixture->page, BURST_LAST + 3600, BURST_START + 7200);
  g_assert_cmpuint (adw_toggle_group_get_active (ranges), ==, GTK_INVALID_LIST_POSITION);
  assert_chart_range (fixture, BURST_START - 14 * DAY, BURST_LAST + 15 * DAY - 1);
  from = series_point (fixture, BURST_START);
  to = series_point (fixture, BURST_LAST);
  burst_change = g_strdup_printf ("+%.0f (+%.1f %%)", to->followers - from->followers,
                                  (to->followers - from->followers) / from->followers * 100);
  g_assert_cmpstr (label_text (fixture, "followers_change"), ==, burst_change);
  g_assert_true (g_str_has_prefix (label_text (fixture, "followers_detail"), "Since 15 Jan 2024"));
  g_assert_cmpstr (adw_toggle_group_get_active_name (child (fixture, "view_toggles")), ==, "chart");

  /* Back to everything. */
  adw_toggle_group_set_active_name (ranges, "all");
  g_signal_handlers_disconnect_by_func (chart, rapport_test_ui_count_notify_cb, &start_notifies);
  g_signal_handlers_disconnect_by_func (chart, rapport_test_ui_count_notify_cb, &end_notifies);
  assert_chart_range (fixture, FIRST_POST, LAST_DAY + DAY - 1);
  g_assert_cmpstr (label_text (fixture, "followers_change"), ==, "+2060 (+521.5 %)");
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The widget keeps its controllers. */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  g_assert_not_reached ();
}

static void
press (GtkWidget *widget,
       guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller (widget), "key-pressed", keyval, 0,
                         (GdkModifierType) 0, &handled);
  g_assert_true (handled);
}

static char *
followers_line (Fixture  *fixture,
                gint64    day)
{
  const RapportSeriesPoint *point = series_point (fixture, day);

  if (point->lower_bound)
    return g_strdup_printf ("Followers: at least %.0f", point->followers);
  return g_strdup_printf ("Followers: %.0f", point->followers);
}

/* Line @index of the read-out, "" past its end. */
static char *
readout_line (RapportChart *chart,
              guint         index)
{
  g_auto(GStrv) lines = g_strsplit (rapport_chart_get_readout_text (chart), "\n", -1);

  return g_strdup (index < g_strv_length (lines) ? lines[index] : "");
}

static void
assert_readout (RapportChart *chart,
                const char   *date,
                const char   *followers)
{
  g_autofree char *first = readout_line (chart, 0);
  g_autofree char *second = readout_line (chart, 1);

  g_assert_cmpstr (first, ==, date);
  g_assert_cmpstr (second, ==, followers);
}

static void
test_overview_readout (Fixture       *fixture,
                       gconstpointer  user_data)
{
  RapportChart *chart = child (fixture, "chart");
  g_autofree char *before_export = followers_line (fixture, EXPORT_1 - DAY);
  gint64 cursor = 0;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_false (rapport_chart_get_cursor (chart, NULL));
  g_assert_cmpstr (rapport_chart_get_readout_text (chart), ==, "");

  /* The export's own total is exact; the day before is rebuilt from follow dates. */
  rapport_chart_set_cursor (chart, EXPORT_1 + 3 * 3600);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor, ==, EXPORT_1);
  assert_readout (chart, "Sun, 10 Mar 2024", "Followers: 2120");

  press (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor, ==, EXPORT_1 - DAY);
  g_assert_true (g_str_has_prefix (before_export, "Followers: at least "));
  assert_readout (chart, "Sat, 9 Mar 2024", before_export);

  press (GTK_WIDGET (chart), GDK_KEY_Right);
  press (GTK_WIDGET (chart), GDK_KEY_Right);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor, ==, EXPORT_1 + DAY);

  /* Home and End: the first and the last day in sight. */
  press (GTK_WIDGET (chart), GDK_KEY_Home);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor, ==, FIRST_POST);
  press (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor, ==, LAST_DAY);
  assert_readout (chart, "Thu, 12 Sep 2024", "Followers: 2455");

  /* A narrower range takes the read-out away when its day leaves the view. */
  rapport_chart_set_cursor (chart, EXPORT_1);
  adw_toggle_group_set_active_name (child (fixture, "range_toggles"), "quarter");
  g_assert_false (rapport_chart_get_cursor (chart, NULL));
  g_assert_cmpstr (rapport_chart_get_readout_text (chart), ==, "");

  rapport_chart_unset_cursor (chart);
}

/* The chart's frame as GTK would ask for it, with a read-out, and the node it starts with:
 * the kept one. */
static GskRenderNode *
chart_frame (RapportChart *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GskRenderNode *first;

  g_assert_true (rapport_chart_get_cursor (chart, NULL));
  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CONTAINER_NODE);
  first = gsk_container_node_get_child (node, 0);
  gsk_render_node_ref (first);
  gsk_render_node_unref (node);

  return first;
}

static void
test_overview_chart_cache (Fixture       *fixture,
                           gconstpointer  user_data)
{
  RapportChart *chart = child (fixture, "chart");
  GskRenderNode *kept;
  GskRenderNode *node;

  /* Moving the read-out draws over the kept node. */
  rapport_chart_set_cursor (chart, EXPORT_1 - DAY);
  kept = chart_frame (chart);
  rapport_chart_set_cursor (chart, EXPORT_1);
  node = chart_frame (chart);
  g_assert_true (node == kept);
  gsk_render_node_unref (node);
  rapport_chart_set_cursor (chart, EXPORT_1 + DAY);
  node = chart_frame (chart);
  g_assert_true (node == kept);
  gsk_render_node_unref (node);

  /* A new range draws anew, and so does new data. */
  rapport_chart_set_range (chart, FIRST_POST, LAST_DAY);
  node = chart_frame (chart);
  g_assert_true (node != kept);
  gsk_render_node_unref (kept);
  kept = node;
  rapport_chart_add_marker (chart, RAPPORT_CHART_MARKER_LINE, EXPORT_1 + 5 * DAY, 0, "Test");
  node = chart_frame (chart);
  g_assert_true (node != kept);
  gsk_render_node_unref (node);
  gsk_render_node_unref (kept);

  rapport_chart_unset_cursor (chart);
}

static void
test_overview_table (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const RapportReport *report = rapport_analysis_get_report (fixture->analysis);
  GListModel *rows = child (fixture, "table_store");
  g_autofree char *date = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *source = NULL;
  g_autofree char *posts = NULL;
  g_autoptr(GObject) newest = NULL;
  g_autoptr(GObject) export_day = NULL;
  guint export_row;

  /* Filled when first shown. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  adw_toggle_group_set_active_name (child (fixture, "view_toggles"), "table");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "chart_stack")), ==, "table");

  /* One row per day of the follower series, newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, report->series->points->len);
  newest = g_list_model_get_item (rows, 0);
  g_object_get (newest, "date", &date, "followers", &followers, "source", &source, NULL);
  g_assert_cmpstr (date, ==, "12 Sep 2024");
  g_assert_cmpstr (followers, ==, "2455");
  g_assert_cmpstr (source, ==, "Total from an export");

  export_row = (guint) ((LAST_DAY - EXPORT_1) / DAY);
  export_day = g_list_model_get_item (rows, export_row + 1);
  g_clear_pointer (&date, g_free);
  g_clear_pointer (&source, g_free);
  g_object_get (export_day, "date", &date, "source", &source, "posts", &posts, NULL);
  g_assert_cmpstr (date, ==, "9 Mar 2024");
  g_assert_cmpstr (source, ==, "Rebuilt from follow dates, a lower bound");

  save_page_shot (fixture, "overview-table");

  adw_toggle_group_set_active_name (child (fixture, "view_toggles"), "chart");
}

static void
test_overview_all_accounts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkListBox *accounts = child (fixture, "accounts_list");
  g_autofree char *sum = NULL;
  double total = 0;
  guint n_rows = 0;

  g_assert_true (rapport_analysis_is_all_accounts (fixture->analysis));

  /* The combined line ends with the sum of each account's last figure. */
  for (guint c = 0; c < rapport_analysis_get_n_children (fixture->analysis); c++)
    {
      GArray *points = rapport_analysis_get_report (rapport_analysis_get_child (fixture->analysis, c))->series->points;

      if (points->len > 0)
        total += g_array_index (points, RapportSeriesPoint, points->len - 1).followers;
    }
  sum = g_strdup_printf ("%.0f", total);
  g_assert_cmpstr (label_text (fixture, "followers_value"), ==, sum);
  /* Instagram 2455, Threads 160, TikTok 870, X 640. */
  g_assert_cmpstr (label_text (fixture, "followers_value"), ==, "4125");

  /* Rates and ratios are per account: "—", and the card says why. */
  g_assert_cmpstr (label_text (fixture, "rate_value"), ==, "—");
  g_assert_nonnull (gtk_widget_get_tooltip_text (child (fixture, "rate_card")));
  g_assert_cmpstr (label_text (fixture, "follow_back_value"), ==, "—");
  g_assert_nonnull (gtk_widget_get_tooltip_text (child (fixture, "follow_back_card")));

  /* One row per account, the Instagram account with its report's figures. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (accounts)));
  while (gtk_list_box_get_row_at_index (accounts, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (accounts, 0))),
                   ==, "@mira.makes");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (accounts, 0))),
                   ==, "Instagram · 2455 followers · median engagement rate 6.3 % · 1.3 posts a "
                       "week · follow-back ratio 64.5 %");

  /* The headline names the account it is about. */
  g_assert_true (g_str_has_prefix (label_text (fixture, "headline_label"),
                                   "@mira.makes: Followers +486.9 %"));
  g_assert_nonnull (rapport_test_ui_find_label (child (fixture, "legend"),
                                                "Total of the lines, on the days every one of "
                                                "them is a count"));

  save_page_shot (fixture, "overview-all-accounts");
}

static void
test_overview_empty (void)
{
  RapportOverviewPage *page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());
  GtkStack *stack;

  g_object_ref_sink (page);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), RAPPORT_TYPE_OVERVIEW_PAGE,
                                                    "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_finalize_object (page);
}

/* An import of @source_name (its hashes @hash) into @store, for @account. */
static RapportStoreImport *
begin_account_import (RapportStore             *store,
                      const char               *source_name,
                      const char               *hash,
                      const RapportAccountInfo *account)
{
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;

  import = rapport_store_begin_import (store, source_name, hash, hash, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_sink_set_account (rapport_store_import_get_sink (import), account,
                                                  &error));
  g_assert_no_error (error);
  return import;
}

/* Commits @import and loads the analysis of its account. */
static RapportAnalysis *
commit_and_load (RapportStore       *store,
                 RapportStoreImport *import)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;

  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  analysis = rapport_analysis_load (store, summary.account_id, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

/* An Overview of @analysis in a window of its own, shown and settled. */
static RapportOverviewPage *
present_page (RapportAnalysis  *analysis,
              GtkWindow       **window)
{
  RapportOverviewPage *page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  g_object_set (page, "analysis", analysis, NULL);
  rapport_test_ui_iterate_pending ();
  return page;
}

/* An account with daily follows from an analytics export and no total at all: the chart shows
 * those follows per day, not an empty chart, and the legend says they are no follower count. */
static void
test_overview_gains_only (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "gains", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", NULL, NULL, FALSE };
  RapportOverviewPage *page;
  RapportStoreImport *import;
  RapportImportSink *sink;
  GtkWindow *window;
  RapportChart *chart;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = begin_account_import (store, "overview.csv", "gains", &account);
  sink = rapport_store_import_get_sink (import);
  for (guint i = 0; i < 5; i++)
    {
      RapportFollowerGain gain = { LAST_DAY + i * DAY, 10 + i, 2 };

      g_assert_true (rapport_import_sink_add_follower_gain (sink, &gain, &error));
    }
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);

  chart = rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "chart");
  /* The empty follower line, and the follows per day. */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 2);
  g_assert_nonnull (rapport_test_ui_find_label (
    rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "legend"),
    "New followers per day, as an analytics export counted them (left axis) — no total yet: an "
    "account export made in their range turns them into a follower count"));
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
}

/* A LinkedIn list is of connections, each both ways: the fourth card counts them rather than
 * give a follow-back ratio of 100 % by definition. */
static void
test_overview_connections (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "connections", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_LINKEDIN, "jo-doe", NULL, NULL, FALSE };
  const char *names[] = { "ana", "ben", "chen" };
  RapportOverviewPage *page;
  RapportStoreImport *import;
  RapportImportSink *sink;
  GtkWindow *window;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = begin_account_import (store, "Connections.csv", "li", &account);
  sink = rapport_store_import_get_sink (import);
  rapport_import_sink_set_export_date (sink, LAST_DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  for (guint d = 0; d < 2; d++)
    {
      RapportDirection direction = d == 0 ? RAPPORT_DIRECTION_FOLLOWER
                                          : RAPPORT_DIRECTION_FOLLOWING;

      g_assert_true (rapport_import_sink_begin_list (sink, direction, &error));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          RapportRelation relation = { direction, names[i], NULL, FIRST_POST + i * DAY };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
    }

  /* Connections alone: nothing to chart, but the connections are worth a word. */
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "empty_status")), ==,
                   "Connections are no follower figures, and these exports hold no posts: your "
                   "3 connections are on the Audience page. The creator analytics add your "
                   "followers day by day, and Shares.csv your posts.");
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
  g_clear_object (&analysis);

  /* A post of a later export, so that the page has something to chart. */
  import = begin_account_import (store, "Shares.csv", "li-2", &account);
  sink = rapport_store_import_get_sink (import);
  {
    RapportPost post;

    rapport_post_init (&post);
    post.platform_id = "urn:li:activity:1";
    post.type = RAPPORT_POST_TEXT;
    post.created_at = LAST_DAY - DAY;
    g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  }
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);
  g_assert_cmpstr (gtk_label_get_text (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "follow_back_title")), ==, "Connections");
  g_assert_cmpstr (gtk_label_get_text (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "follow_back_value")), ==, "3");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (rapport_test_ui_template_child (
                   page, RAPPORT_TYPE_OVERVIEW_PAGE, "follow_back_detail")),
                 "Each both ways; export of "));
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
  g_clear_object (&analysis);

  /* Its row on the Overview of all accounts counts them too. */
  analysis = rapport_analysis_load (store, 0, NULL, &error);
  g_assert_no_error (error);
  page = present_page (analysis, &window);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                   gtk_list_box_get_row_at_index (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "accounts_list"), 0))),
                 " · 3 connections"));
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
}

/* An export of the follower list alone, its follow dates years before it and no post: the
 * history begins with the first follow date, rebuilt, rather than as the export's one point. */
static void
test_overview_follow_dates_only (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "dates-only", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "jo", NULL, NULL, FALSE };
  const gint64 first_follow = FIRST_POST - 400 * DAY;
  RapportOverviewPage *page;
  RapportStoreImport *import;
  RapportImportSink *sink;
  GtkWindow *window;
  RapportChart *chart;
  g_autofree char *since = NULL;
  g_autofree char *detail = NULL;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = begin_account_import (store, "followers.json", "dates", &account);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *handle = g_strdup_printf ("follower%u", i);
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL,
                                   first_follow + i * 30 * DAY };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  rapport_import_sink_end_list (sink);
  rapport_import_sink_set_export_date (sink, LAST_DAY, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);

  chart = rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "chart");
  g_assert_cmpint (rapport_chart_get_range_start (chart), ==, first_follow);
  g_assert_cmpint (rapport_chart_get_range_end (chart), ==, LAST_DAY + DAY - 1);
  since = rapport_format_day (first_follow);
  detail = g_strdup_printf ("Since %s; 1 real total\n"
                            "Partly rebuilt from follow dates: a lower bound", since);
  g_assert_cmpstr (gtk_label_get_text (rapport_test_ui_template_child (
                     page, RAPPORT_TYPE_OVERVIEW_PAGE, "followers_detail")), ==, detail);
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
}

/* An account known only from a refresh from the web, with two posts: its marker is a refresh,
 * not an export, and two posts make no median line, so the legend has no entry for one. */
static void
test_overview_live (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "live", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_BLUESKY, "jo.bsky.social", NULL, NULL, FALSE };
  RapportFollowerCount count = { LAST_DAY, 200, RAPPORT_COUNT_SOURCE_LIVE };
  RapportOverviewPage *page;
  RapportStoreImport *import;
  RapportImportSink *sink;
  GtkWidget *legend;
  GtkWindow *window;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = begin_account_import (store, "refresh", "live", &account);
  sink = rapport_store_import_get_sink (import);
  rapport_import_sink_set_export_date (sink, LAST_DAY, RAPPORT_DATE_SOURCE_LIVE);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &count, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("post-%u", i);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = id;
      post.type = RAPPORT_POST_TEXT;
      post.created_at = LAST_DAY - (2 - i) * 3600;
      post.likes = 10 + i;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);

  legend = rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "legend");
  /* No follower figure on the days of the posts: their interactions. */
  g_assert_nonnull (rapport_test_ui_find_label (legend, "Interactions of each post (right axis) "
                                                "— no engagement rate: the exports give no "
                                                "follower figure for the days of the posts"));
  g_assert_nonnull (rapport_test_ui_find_label (legend, "A refresh from the web"));
  g_assert_null (rapport_test_ui_find_label (legend, "An export you imported"));
  g_assert_null (rapport_test_ui_find_label (legend, "Median interactions of the last 30 days, "
                                             "from 3 posts"));
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
}

/* A small account's headline gives its follower counts, not a percentage of a small start. */
static void
test_overview_small_account_headline (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "small", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_YOUTUBE, "Small Channel", NULL, NULL, FALSE };
  const RapportFollowerCount counts[] = {
    { FIRST_POST, 40, RAPPORT_COUNT_SOURCE_ANALYTICS },
    { FIRST_POST + 182 * DAY, 700, RAPPORT_COUNT_SOURCE_ANALYTICS },
  };
  RapportOverviewPage *page;
  RapportStoreImport *import;
  RapportImportSink *sink;
  GtkWindow *window;
  const char *headline;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = begin_account_import (store, "Subscribers.csv", "small", &account);
  sink = rapport_store_import_get_sink (import);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_true (rapport_import_sink_add_follower_count (sink, &counts[i], &error));
  for (guint i = 0; i < 26; i++)
    {
      g_autofree char *id = g_strdup_printf ("video%02u", i);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = id;
      post.type = RAPPORT_POST_VIDEO;
      post.created_at = FIRST_POST + i * 7 * DAY + 12 * 3600;
      post.likes = 4 + i;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  analysis = commit_and_load (store, import);
  page = present_page (analysis, &window);

  /* 40 subscribers on the first video's day, 700 on the last one's. */
  headline = gtk_label_get_text (rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE,
                                                                 "headline_label"));
  g_assert_true (g_str_has_prefix (headline, "From 5 Sep 2022 to "));
  g_assert_nonnull (strstr (headline, " followers went from 40 to 6"));
  g_assert_null (strstr (headline, "changed by"));
  /* Below 100 followers no percentage is headlined, and the headline says so. */
  g_assert_true (g_str_has_suffix (headline, ", but no headline yet: a base of 40 followers, "
                                             "where it takes 100"));
  gtk_window_destroy (window);
  rapport_test_ui_iterate_pending ();
}

/* `rapport --measure-first-frame`, which build-aux/benchmark.py runs: one line with the time to
 * the first drawn frame, then it quits. */
static void
test_overview_measure_first_frame (void)
{
  g_autofree char *data_dir = g_build_filename (temp_root, "store", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  const char *argv[] = {
    g_getenv ("RAPPORT_BIN"), "--data-dir", data_dir, "--measure-first-frame", NULL
  };
  int status = -1;
  double ms;

  g_assert_nonnull (argv[0]);
  /* The store exists before the program opens it. */
  sample_store ();

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  words = g_strsplit (g_strstrip (out), " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "first-frame-ms");
  ms = g_ascii_strtod (words[1], NULL);
  g_assert_cmpfloat (ms, >, 0);
  g_assert_cmpfloat (ms, <, 60000);
}

/* ── screenshots ─────────────────────────────────────────────────────────────────────────── */

/* How many pixels of the chart's area are close to @color. */
static guint
count_color (GdkTexture          *texture,
             const graphene_rect_t *area,
             const GdkRGBA       *color)
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  /* The chart may reach past the window's picture (it scrolls): count what is in it. */
  int x0 = MAX ((int) area->origin.x, 0);
  int y0 = MAX ((int) area->origin.y, 0);
  int x1 = MIN ((int) (area->origin.x + area->size.width), gdk_texture_get_width (texture));
  int y1 = MIN ((int) (area->origin.y + area->size.height), gdk_texture_get_height (texture));
  const guint8 *pixels;
  gsize stride;
  guint n = 0;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  pixels = g_bytes_get_data (bytes, NULL);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guint8 *p = pixels + y * stride + x * 4;

        if (abs (p[0] - (int) (color->red * 255)) < 24 &&
            abs (p[1] - (int) (color->green * 255)) < 24 &&
            abs (p[2] - (int) (color->blue * 255)) < 24)
          n++;
      }

  return n;
}

static void
shoot (AdwColorScheme  scheme,
       int             width,
       gboolean        readout,
       const char     *name)
{
  RapportApplication *app = rapport_test_ui_shared_application ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *path = rapport_test_ui_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  GtkWidget *page;
  RapportChart *chart;
  graphene_rect_t bounds;
  GdkRGBA accent;
  GdkRGBA second;

  adw_style_manager_set_color_scheme (style_manager, scheme);

  window = rapport_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width > 0 ? width : 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rapport_window_explore_sample_data (window);
  while (rapport_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rapport_window_set_page (window, "overview"));

  page = rapport_test_ui_window_page (window, "overview");
  g_assert_true (RAPPORT_IS_OVERVIEW_PAGE (page));
  chart = RAPPORT_CHART (gtk_widget_get_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "chart"));
  /* The picture shows the read-out asked for, not one where the pointer happens to rest. */
  rapport_test_ui_ignore_pointer (GTK_WIDGET (chart));
  while (gtk_widget_get_width (GTK_WIDGET (chart)) == 0 ||
         (width > 0 && gtk_widget_get_width (GTK_WIDGET (chart)) >= width))
    g_main_context_iteration (NULL, TRUE);

  /* Narrow, the figures fill the first screen: the picture is of the chart, scrolled to as a
   * creator would. */
  if (width > 0)
    {
      GtkScrolledWindow *scrolled;
      GtkWidget *content;
      graphene_rect_t in_content;

      scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                               GTK_TYPE_SCROLLED_WINDOW));
      content = gtk_scrolled_window_get_child (scrolled);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), content, &in_content));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled),
                                in_content.origin.y - 75);
    }
  if (readout)
    rapport_chart_set_cursor (chart, BURST_LAST);

  rapport_test_ui_save_screenshot (GTK_WINDOW (window), width, path);

  /* The chart is drawn, in the theme's colours: the accent for followers, the second colour
   * for engagement. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 250);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gdk_texture_get_height (texture));
  rapport_chart_get_series_color (chart, 0, &accent);
  rapport_chart_get_series_color (chart, 2, &second);
  g_test_message ("%s: %u pixels in the accent colour, %u in the second colour", name,
                  count_color (texture, &bounds, &accent), count_color (texture, &bounds, &second));
  g_assert_cmpuint (count_color (texture, &bounds, &accent), >, 100);
  g_assert_cmpuint (count_color (texture, &bounds, &second), >, 100);

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_overview_screenshot_light (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, FALSE, "overview-light");
}

static void
test_overview_screenshot_dark (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 0, TRUE, "overview-dark-readout");
}

static void
test_overview_screenshot_narrow (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, FALSE, "overview-narrow");
}

static void
remove_temp_root (void)
{
  rapport_test_remove_tree (temp_root);
  g_clear_pointer (&temp_root, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  g_autofree char *data = NULL;
  int status;

  /* The window keeps the sample database in the cache folder and opens the user's database:
   * both in a folder of this test, apart from other tests running at the same time. */
  temp_root = rapport_test_make_temp_dir ();
  cache = g_build_filename (temp_root, "cache", NULL);
  data = g_build_filename (temp_root, "data", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  /* The accessible properties are read back from GTK's test context. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  rapport_screenshot_set_up_display ();

  g_test_add ("/overview/figures", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_overview_figures, fixture_tear_down);
  g_test_add ("/overview/ranges", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_overview_ranges, fixture_tear_down);
  g_test_add ("/overview/readout", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_overview_readout, fixture_tear_down);
  g_test_add ("/overview/chart-cache", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_overview_chart_cache, fixture_tear_down);
  g_test_add ("/overview/table", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_overview_table, fixture_tear_down);
  g_test_add ("/overview/all-accounts", Fixture, GINT_TO_POINTER (-1),
              fixture_set_up, test_overview_all_accounts, fixture_tear_down);
  g_test_add_func ("/overview/empty", test_overview_empty);
  g_test_add_func ("/overview/gains-only", test_overview_gains_only);
  g_test_add_func ("/overview/follow-dates-only", test_overview_follow_dates_only);
  g_test_add_func ("/overview/live", test_overview_live);
  g_test_add_func ("/overview/small-account-headline", test_overview_small_account_headline);
  g_test_add_func ("/overview/connections", test_overview_connections);
  g_test_add_func ("/overview/measure-first-frame", test_overview_measure_first_frame);
  g_test_add_func ("/overview/screenshot/light", test_overview_screenshot_light);
  g_test_add_func ("/overview/screenshot/dark", test_overview_screenshot_dark);
  g_test_add_func ("/overview/screenshot/narrow", test_overview_screenshot_narrow);

  status = g_test_run ();
  remove_temp_root ();

  return status;
}
