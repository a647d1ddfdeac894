/* test-hashtags-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Hashtags page on the sample data under a headless display: the uplift table has the
 * report's tags in its order with the bait tags marked, the chart draws the same tags, the
 * best number of tags per post stands out, and accounts without engagement rates (or all
 * accounts at once) get a page that says why.  Screenshots of the page go to the build dir.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "rapport-resources.h"
#include "ui/charts/rapport-bar-chart.h"
#include "ui/rapport-hashtags-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-tag-item.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* The store's account ids, in the order the sample files import: the first Instagram export
 * writes the Threads account (2) after Instagram's. */
#define INSTAGRAM 1
#define TIKTOK    3
#define TWITTER   4

static char *data_dir;
static RapportStore *store;

/* The page in a window of its own, shown. */
static RapportHashtagsPage *
present_page (RapportAnalysis *analysis,
              GtkWindow      **window)
{
  RapportHashtagsPage *page;

  page = g_object_new (RAPPORT_TYPE_HASHTAGS_PAGE, "analysis", analysis, NULL);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 900, 760);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  rapport_test_ui_wait_allocated (GTK_WIDGET (*window));
  rapport_test_ui_iterate_pending ();

  return page;
}

static gpointer
template_child (RapportHashtagsPage *page,
                const char          *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_HASHTAGS_PAGE, name);
}

static const char *
visible_page (RapportHashtagsPage *page)
{
  return gtk_stack_get_visible_child_name (template_child (page, "stack"));
}

/* Every mapped label under @widget that shows @text. */
static void
collect_labels (GtkWidget  *widget,
                const char *text,
                GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, found);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_labels (widget, text, found);
  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

static GtkWidget *
row_at (GtkListBox *list,
        int         index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, index));
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (list, index)));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (row_at (list, n) != NULL)
    n++;

  return n;
}

/* gtk_test_accessible_assert_property() cannot take a text with a percent sign. */
static void
assert_property (gpointer               accessible,
                 GtkAccessibleProperty  property,
                 const char            *expected)
{
  g_autofree char *differs = gtk_test_accessible_check_property (accessible, property, expected);

  /* The value it has instead, when it differs. */
  g_assert_cmpstr (differs, ==, NULL);
}

/* The sample data's story (build-aux/generate-sample-data.py): two tags that lift engagement,
 * three bait tags that sink it, by uplift, highest first. */
static const char * const instagram_tags[] = {
  "wheelthrown", "glazetest", "studiolife", "handmade", "pottery",
  "like4like", "f4f", "followforfollow",
};

static void
test_hashtags_page_table (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, INSTAGRAM);
  const RapportHashtagReport *hashtags = rapport_analysis_get_report (analysis)->hashtags;
  RapportHashtagsPage *page;
  GtkColumnView *column_view;
  GListModel *model;
  GtkWindow *window;

  page = present_page (analysis, &window);
  g_assert_true (rapport_hashtags_page_get_analysis (page) == analysis);
  g_assert_cmpstr (visible_page (page), ==, "report");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "8 Tags Compared");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "summary_label")), ==,
                   "Compared on your 136 posts, all with an engagement rate. 3 of the tags you "
                   "use are engagement bait.");

  /* The chart first; the toggle shows the table. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "uplift_stack")), ==,
                   "chart");
  adw_toggle_group_set_active_name (template_child (page, "view_toggle"), "table");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "uplift_stack")), ==,
                   "table");
  rapport_test_ui_iterate_pending ();

  /* One row per tag of the report, in its order, which is by uplift. */
  column_view = template_child (page, "column_view");
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (hashtags->tags->len, ==, G_N_ELEMENTS (instagram_tags));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (instagram_tags));
  for (guint i = 0; i < G_N_ELEMENTS (instagram_tags); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *tag = NULL;
      gboolean is_bait;
      guint n;

      g_object_get (item, "tag", &tag, "is-bait", &is_bait, "n", &n, NULL);
      g_assert_cmpstr (tag, ==, instagram_tags[i]);
      g_assert_cmpstr (tag, ==, g_array_index (hashtags->tags, RapportTagUplift, i).tag);
      g_assert_cmpuint (n, ==, g_array_index (hashtags->tags, RapportTagUplift, i).uplift.n_with);
      g_assert_cmpint (is_bait, ==, i >= 5);
    }

  /* What the cells say: the bait tags in the warning style with a warning icon. */
  for (guint i = 0; i < G_N_ELEMENTS (instagram_tags); i++)
    {
      g_autofree char *text = g_strconcat ("#", instagram_tags[i], NULL);
      GtkWidget *label = find_label (GTK_WIDGET (column_view), text);
      GtkWidget *icon = gtk_widget_get_next_sibling (label);

      g_assert_cmpint (gtk_widget_has_css_class (label, "warning"), ==, i >= 5);
      g_assert_cmpint (gtk_widget_get_visible (icon), ==, i >= 5);
      if (i >= 5)
        g_assert_nonnull (gtk_widget_get_tooltip_text (label));
    }
  /* #wheelthrown: 24 posts, 9.2 % against 5.9 %, +56.9 %, high confidence. */
  find_label (GTK_WIDGET (column_view), "+56.9 %");
  find_label (GTK_WIDGET (column_view), "-52.2 %");
  find_label (GTK_WIDGET (column_view), "24");
  find_label (GTK_WIDGET (column_view), "9.2 %");

  /* Sorting by the number of posts: #pottery (87) first. */
  gtk_column_view_sort_by_column (column_view, template_child (page, "n_column"),
                                  GTK_SORT_DESCENDING);
  {
    g_autoptr(GObject) first = g_list_model_get_item (model, 0);
    g_autofree char *tag = NULL;

    g_object_get (first, "tag", &tag, NULL);
    g_assert_cmpstr (tag, ==, "pottery");
  }

  rapport_test_ui_destroy_window (window);
}

static void
test_hashtags_page_chart (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, INSTAGRAM);
  const RapportHashtagReport *hashtags = rapport_analysis_get_report (analysis)->hashtags;
  RapportHashtagsPage *page;
  RapportBarChart *chart;
  GtkListBox *bait_list;
  GtkWindow *window;
  const char *action_name;
  GVariant *target;
  g_autofree const char **ids = NULL;
  const char *title;
  int height;

  page = present_page (analysis, &window);
  chart = template_child (page, "bar_chart");

  /* Eight tags fit: all of them, by uplift, bait tags flagged. */
  g_assert_cmpuint (rapport_bar_chart_get_n_bars (chart), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *label = g_strconcat ("#", instagram_tags[i], NULL);

      g_assert_cmpstr (rapport_bar_chart_get_bar_label (chart, i), ==, label);
      g_assert_cmpfloat (rapport_bar_chart_get_bar_value (chart, i), ==,
                         g_array_index (hashtags->tags, RapportTagUplift, i).uplift.uplift);
    }
  g_assert_cmpfloat (rapport_bar_chart_get_bar_value (chart, 0), >, 0);
  g_assert_cmpfloat (rapport_bar_chart_get_bar_value (chart, 7), <, 0);

  /* Rows of the chart: the second one is #glazetest; nothing below the last. */
  g_assert_cmpint (rapport_bar_chart_get_bar_at (chart, 1), ==, 0);
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (rapport_bar_chart_get_bar_at (chart, height - 1), ==, 7);
  g_assert_cmpint (rapport_bar_chart_get_bar_at (chart, height + 1), ==, -1);
  g_assert_cmpint (rapport_bar_chart_get_bar_at (chart, -1), ==, -1);

  /* An image to assistive technologies, with its takeaway. */
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Engagement uplift of the strongest and weakest tags");
  assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Posts with #wheelthrown do best, +56.9 % against posts "
                                       "without it; posts with #followforfollow do worst, "
                                       "-52.2 %.");
  g_assert_true (gtk_widget_get_visible (template_child (page, "legend_bait_icon")));

  /* The bait tags, most used first (all on 11 posts), each opening its posts. */
  bait_list = template_child (page, "bait_list");
  g_assert_cmpuint (count_rows (bait_list), ==, 3);
  g_assert_cmpstr (row_title (bait_list, 0), ==, "#f4f");
  g_assert_cmpstr (row_title (bait_list, 1), ==, "#followforfollow");
  g_assert_cmpstr (row_title (bait_list, 2), ==, "#like4like");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (bait_list, 0))), ==,
                   "11 posts · median engagement rate 3.8 %");
  g_assert_cmpstr (adw_preferences_group_get_description (template_child (page, "bait_group")), ==,
                   "These tags ask for follows or likes in return, and the accounts they bring "
                   "rarely engage. Your 24 posts with them had a median engagement rate of 3.8 %, "
                   "against 7.1 % for the 112 posts without.");
  action_name = gtk_actionable_get_action_name (GTK_ACTIONABLE (row_at (bait_list, 0)));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row_at (bait_list, 0)));
  g_assert_cmpstr (action_name, ==, "win.show-posts");
  g_assert_cmpstr (g_variant_get_type_string (target), ==, "(sas)");
  g_variant_get (target, "(&s^a&s)", &title, &ids);
  g_assert_cmpstr (title, ==, "Posts with #f4f");
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 11);
  g_assert_cmpuint (g_array_index (hashtags->bait, RapportBaitTag, 0).n_posts, ==, 11);

  rapport_test_ui_destroy_window (window);
}

static void
test_hashtags_page_buckets (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, INSTAGRAM);
  RapportHashtagsPage *page;
  GtkListBox *buckets;
  GtkWindow *window;
  static const char * const titles[] = {
    "No tags", "1–2 tags", "3–5 tags", "6–10 tags", "11 tags or more",
  };
  static const char * const subtitles[] = {
    "13 posts", "93 posts", "30 posts", "No posts", "No posts",
  };

  page = present_page (analysis, &window);
  buckets = template_child (page, "buckets_list");

  /* Posts without tags do best: 7.2 % (n = 13), against 6.3 % and 6.2 %. */
  g_assert_cmpint (rapport_analysis_get_report (analysis)->hashtags->best_bucket, ==,
                   RAPPORT_TAG_BUCKET_NONE);
  g_assert_cmpuint (count_rows (buckets), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *row = row_at (buckets, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, titles[i]);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitles[i]);
      g_assert_cmpint (gtk_widget_has_css_class (row, "best-bucket"), ==, i == 0);
    }

  /* The best one's median in the accent colour, with a badge. */
  g_assert_true (gtk_widget_has_css_class (find_label (row_at (buckets, 0), "7.2 %"), "accent"));
  find_label (row_at (buckets, 0), "Best");
  g_assert_false (gtk_widget_has_css_class (find_label (row_at (buckets, 1), "6.3 %"), "accent"));
  find_label (row_at (buckets, 3), "—");

  rapport_test_ui_destroy_window (window);
}

static void
test_hashtags_page_tiktok (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, TIKTOK);
  RapportHashtagsPage *page;
  RapportBarChart *chart;
  GListModel *model;
  GtkWindow *window;

  page = present_page (analysis, &window);
  g_assert_cmpstr (visible_page (page), ==, "report");

  /* #pottery is on every video: nothing to compare it with, so no bar, but a row. */
  model = G_LIST_MODEL (gtk_column_view_get_model (template_child (page, "column_view")));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  chart = template_child (page, "bar_chart");
  g_assert_cmpuint (rapport_bar_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpstr (rapport_bar_chart_get_bar_label (chart, 0), ==, "#asmr");
  assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Posts with #asmr have a median engagement rate -10.4 % "
                                       "against posts without it.");

  /* No bait tags, no bait section. */
  g_assert_false (gtk_widget_get_visible (template_child (page, "bait_group")));
  g_assert_false (gtk_widget_get_visible (template_child (page, "legend_bait_icon")));
  g_assert_true (gtk_widget_has_css_class (row_at (template_child (page, "buckets_list"), 1),
                                           "best-bucket"));

  rapport_test_ui_destroy_window (window);
}

/* Row @index of @list as "title|subtitle". */
static char *
row_text (GtkListBox *list,
          int         index)
{
  GtkWidget *row = row_at (list, index);

  return g_strdup_printf ("%s|%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

static void
test_hashtags_page_usage_without_rates (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, TWITTER);
  GtkListBox *usage;
  GtkListBox *buckets;
  RapportHashtagsPage *page;
  GtkWindow *window;
  const char *summary;
  g_autofree char *first = NULL;
  g_autofree char *none = NULL;

  /* The archive's followers have no dates and no history: no engagement rate, but the tags,
   * how often and when they were used, are all known.  No empty state. */
  page = present_page (analysis, &window);
  g_assert_cmpuint (rapport_analysis_get_report (analysis)->hashtags->n_with_rate, ==, 0);
  g_assert_cmpstr (visible_page (page), ==, "report");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "3 Tags Used");
  summary = gtk_label_get_label (template_child (page, "summary_label"));
  g_assert_true (g_str_has_prefix (summary, "Tags on 61 of your 85 posts, 1.0 per post. Hashtags "
                                            "are compared by the engagement rate of posts"));
  g_assert_nonnull (strstr (summary, "X/Twitter archives contain no follower history"));

  /* The usage, most used first, with the first and the last use. */
  g_assert_true (gtk_widget_get_visible (template_child (page, "usage_group")));
  usage = template_child (page, "usage_list");
  g_assert_cmpuint (count_rows (usage), ==, 3);
  first = row_text (usage, 0);
  g_assert_cmpstr (first, ==, "#pottery|12 Jan 2023 to 26 Aug 2024");
  find_label (row_at (usage, 0), "41");
  g_assert_cmpstr (row_title (usage, 2), ==, "#wheelthrown");

  /* No uplift to show: neither its chart nor its table. */
  g_assert_false (gtk_widget_get_visible (template_child (page, "uplift_group")));
  g_assert_cmpuint (rapport_bar_chart_get_n_bars (template_child (page, "bar_chart")), ==, 0);

  /* Tags per post by the number of posts, not by a rate. */
  buckets = template_child (page, "buckets_list");
  g_assert_cmpuint (count_rows (buckets), ==, 5);
  none = row_text (buckets, 0);
  g_assert_cmpstr (none, ==, "No tags|24 posts");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (buckets, 1))), ==,
                   "60 posts");
  g_assert_cmpstr (adw_preferences_group_get_description (template_child (page, "buckets_group")),
                   ==, "How many hashtags your posts carry.");
  g_assert_false (gtk_widget_get_visible (template_child (page, "bait_group")));

  rapport_test_ui_destroy_window (window);
}

static void
test_hashtags_page_all_accounts (void)
{
  g_autoptr(RapportAnalysis) all = rapport_test_ui_load_analysis_by_id (store, 0);
  g_autoptr(RapportAnalysis) one = rapport_test_ui_load_analysis_by_id (store, INSTAGRAM);
  RapportHashtagsPage *page;
  GtkWindow *window;
  guint notifies = 0;

  page = present_page (all, &window);
  g_assert_cmpstr (visible_page (page), ==, "all");

  /* Notified on change only. */
  g_signal_connect (page, "notify::analysis", G_CALLBACK (rapport_test_ui_count_notify_cb),
                    &notifies);
  rapport_hashtags_page_set_analysis (page, all);
  g_assert_cmpuint (notifies, ==, 0);
  rapport_hashtags_page_set_analysis (page, one);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpstr (visible_page (page), ==, "report");
  rapport_hashtags_page_set_analysis (page, NULL);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_null (rapport_hashtags_page_get_analysis (page));
  g_assert_cmpuint (g_list_model_get_n_items (template_child (page, "tags_store")), ==, 0);

  rapport_test_ui_destroy_window (window);
}

static void
test_hashtags_page_narrow (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, INSTAGRAM);
  RapportHashtagsPage *page;
  GtkWindow *window;
  int minimum;

  /* Fits a phone: the window is 360 pixels wide at the least. */
  page = present_page (analysis, &window);
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  rapport_test_ui_destroy_window (window);
}

static void
noop_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
}

/* The window's evidence actions, so that what leads to them looks as it does in the app. */
static void
add_window_actions (GtkWindow *window)
{
  static const GActionEntry entries[] = {
    { "show-range", noop_action_cb, "(xx)", NULL, NULL },
    { "show-posts", noop_action_cb, "(sas)", NULL, NULL },
    { "show-accounts", noop_action_cb, "(sas)", NULL, NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
}

/* The top of the page and, scrolled down, its end; the display is only so high. */
static void
shoot (gint64          account_id,
       AdwColorScheme  scheme,
       int             width,
       const char     *name)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (store, account_id);
  g_autofree char *end_name = g_strconcat (name, "-end", NULL);
  g_autofree char *table_name = g_strconcat (name, "-table", NULL);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RapportHashtagsPage *page;
  GtkAdjustment *adjustment;
  GtkWindow *window;

  adw_style_manager_set_color_scheme (style_manager, scheme);

  page = g_object_new (RAPPORT_TYPE_HASHTAGS_PAGE, "analysis", analysis, NULL);
  window = GTK_WINDOW (adw_window_new ());
  add_window_actions (window);
  gtk_window_set_default_size (window, width, 760);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  rapport_test_ui_wait_allocated (GTK_WIDGET (window));
  rapport_test_ui_iterate_pending ();
  rapport_test_ui_settle ();
  rapport_test_ui_render_screenshot (window, name);

  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_stack_get_visible_child (template_child (page, "stack"))));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  rapport_test_ui_settle ();
  rapport_test_ui_render_screenshot (window, end_name);

  adw_toggle_group_set_active_name (template_child (page, "view_toggle"), "table");
  rapport_test_ui_settle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  rapport_test_ui_settle ();
  rapport_test_ui_render_screenshot (window, table_name);

  rapport_test_ui_destroy_window (window);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_hashtags_page_screenshots (void)
{
  shoot (INSTAGRAM, ADW_COLOR_SCHEME_FORCE_LIGHT, 900, "hashtags-page-light");
  shoot (INSTAGRAM, ADW_COLOR_SCHEME_FORCE_DARK, 900, "hashtags-page-dark");
  shoot (INSTAGRAM, ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "hashtags-page-narrow");
  shoot (TIKTOK, ADW_COLOR_SCHEME_FORCE_LIGHT, 900, "hashtags-page-tiktok");

  /* No engagement rates: the tags' usage, and what to import for more. */
  shoot (TWITTER, ADW_COLOR_SCHEME_FORCE_LIGHT, 900, "hashtags-page-usage");
}

/* The table sorts unknown uplifts and p-values after the known ones, and tags by name. */
static void
test_hashtags_page_tag_sorter (void)
{
  RapportTagUplift known = { .tag = (char *) "pottery" };
  RapportTagUplift higher = { .tag = (char *) "clay" };
  RapportTagUplift unknown = { .tag = (char *) "wheelthrown" };
  g_autoptr(RapportTagItem) a = NULL;
  g_autoptr(RapportTagItem) b = NULL;
  g_autoptr(RapportTagItem) c = NULL;
  g_autoptr(GtkSorter) uplift = rapport_tag_item_sorter_new ("uplift");
  g_autoptr(GtkSorter) p_value = rapport_tag_item_sorter_new ("p-value");
  g_autoptr(GtkSorter) tag = rapport_tag_item_sorter_new ("tag");

  known.uplift.uplift = -0.1;
  known.uplift.p_value = 0.04;
  higher.uplift.uplift = 0.2;
  higher.uplift.p_value = NAN;
  unknown.uplift.uplift = NAN;
  unknown.uplift.p_value = 0.5;
  a = rapport_tag_item_new (&known);
  b = rapport_tag_item_new (&higher);
  c = rapport_tag_item_new (&unknown);

  g_assert_cmpint (gtk_sorter_compare (uplift, a, b), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (gtk_sorter_compare (uplift, b, c), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (gtk_sorter_compare (uplift, c, a), ==, GTK_ORDERING_LARGER);
  g_assert_cmpint (gtk_sorter_compare (p_value, b, c), ==, GTK_ORDERING_LARGER);
  g_assert_cmpint (gtk_sorter_compare (p_value, a, c), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (gtk_sorter_compare (tag, b, a), ==, GTK_ORDERING_SMALLER);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The chart's accessible role and texts are read back from GTK's test context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A reference links the resources (templates, icons) in from the static library. */
  g_assert_nonnull (rapport_get_resource ());
  rapport_screenshot_set_up_display ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  data_dir = rapport_test_make_temp_dir ();
  store = rapport_test_ui_open_sample_store (data_dir);

  g_test_add_func ("/hashtags-page/table", test_hashtags_page_table);
  g_test_add_func ("/hashtags-page/tag-sorter", test_hashtags_page_tag_sorter);
  g_test_add_func ("/hashtags-page/chart", test_hashtags_page_chart);
  g_test_add_func ("/hashtags-page/buckets", test_hashtags_page_buckets);
  g_test_add_func ("/hashtags-page/tiktok", test_hashtags_page_tiktok);
  g_test_add_func ("/hashtags-page/usage-without-rates", test_hashtags_page_usage_without_rates);
  g_test_add_func ("/hashtags-page/all-accounts", test_hashtags_page_all_accounts);
  g_test_add_func ("/hashtags-page/narrow", test_hashtags_page_narrow);
  g_test_add_func ("/hashtags-page/screenshots", test_hashtags_page_screenshots);

  status = g_test_run ();

  g_assert_finalize_object (store);
  rapport_test_remove_tree (data_dir);
  g_free (data_dir);

  return status;
}
