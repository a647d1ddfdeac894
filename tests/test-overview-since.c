/* test-overview-since.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Since your last export" on the Overview under a headless display: the sample creator's
 * Instagram account (two exports with their lists), its rows and where they lead in the
 * window, the line of each account on "All accounts", and the honest states of an account with
 * one export and of one whose exports have no follower list, with screenshots in light, dark
 * and 360 px wide (tests/screenshots/ in the build tree).
 *
 * The sample's numbers are those `rapport report` prints for it: from 2120 followers on
 * 10 Mar 2024 to 2455 on 12 Sep 2024, 585 gained, 250 lost, 197 of them still followed.
 */

#include "config.h"

#include <adwaita.h>

#include "ui/rapport-account-row.h"
#include "ui/rapport-audience-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-screenshot.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

#define T0  G_GINT64_CONSTANT (1717200000) /* 1 Jun 2024 */
#define DAY G_GINT64_CONSTANT (86400)

static char *temp_root;

static RapportStore *
sample_store (void)
{
  static RapportStore *store;

  if (store == NULL)
    {
      g_autofree char *data_dir = g_build_filename (temp_root, "sample", NULL);

      store = rapport_test_ui_open_sample_store (data_dir);
    }
  return store;
}

static gpointer
child (RapportOverviewPage *page,
       const char          *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, name);
}

static RapportOverviewPage *
show_page (RapportAnalysis *analysis,
           int              width,
           GtkWindow      **window_out)
{
  RapportOverviewPage *page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());

  *window_out = rapport_test_ui_show_in_window (GTK_WIDGET (page), width > 0 ? width : 1000,
                                                800);
  rapport_overview_page_set_analysis (page, analysis);
  rapport_test_ui_iterate_pending ();
  return page;
}

/* Scrolls the page so that the section is at the top of the picture, then draws it. */
static void
scroll_to_since (RapportOverviewPage *page,
                 GtkWindow           *window)
{
  GtkWidget *since = child (page, "since_box");
  GtkScrolledWindow *scrolled;
  graphene_rect_t bounds;

  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (since, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_bounds (since, gtk_scrolled_window_get_child (scrolled),
                                            &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled),
                            bounds.origin.y - 24);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static GtkListBoxRow *
row (RapportOverviewPage *page,
     int                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (page, "since_list"), index);

  g_assert_nonnull (row);
  return row;
}

/* The row's title, its subtitle and its value, "title|subtitle|value|". */
static char *
row_text (RapportOverviewPage *page,
          int                  index)
{
  return rapport_test_ui_visible_labels (GTK_WIDGET (row (page, index)));
}

static void
assert_link (GtkListBoxRow *row,
             const char    *action,
             const char    *target)
{
  GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, action);
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, target);
}

static void
test_since_sample (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (sample_store (),
                                                                       "mira.makes");
  RapportOverviewPage *page;
  GtkWindow *window;
  g_autofree char *new_row = NULL;
  g_autofree char *lost_row = NULL;
  g_autofree char *dropped_row = NULL;
  g_autofree char *renamed_row = NULL;

  page = show_page (analysis, 0, &window);

  g_assert_true (gtk_widget_get_visible (child (page, "since_box")));
  g_assert_cmpstr (gtk_label_get_text (child (page, "since_detail")), ==,
                   "From 10 Mar 2024 (instagram-mira.makes-2024-03-10-SmPl01.zip) to 12 Sep 2024 "
                   "(instagram-mira.makes-2024-09-12-SmPl02.zip), 2120 followers became 2455.");
  g_assert_cmpuint (n_rows (child (page, "since_list")), ==, 4);
  new_row = row_text (page, 0);
  lost_row = row_text (page, 1);
  dropped_row = row_text (page, 2);
  renamed_row = row_text (page, 3);
  g_assert_cmpstr (new_row, ==, "New Followers|585|");
  g_assert_cmpstr (lost_row, ==, "Lost Followers|250|");
  g_assert_cmpstr (dropped_row, ==, "Dropped After Follow-Back|197|");
  g_assert_cmpstr (renamed_row, ==, "Renamed|The same account under a new name|0|");

  /* Each count opens its segment of the Audience page; no one was renamed: nothing to open. */
  assert_link (row (page, 0), "win.show-segment", "new");
  assert_link (row (page, 1), "win.show-segment", "lost");
  assert_link (row (page, 2), "win.show-segment", "dropped-after-follow-back");
  g_assert_false (gtk_list_box_row_get_activatable (row (page, 3)));

  scroll_to_since (page, window);
  rapport_test_ui_render_screenshot (window, "overview-since");
  rapport_test_ui_destroy_window (window);
}

/* In the window, the row leads to the Audience page with that segment chosen. */
static void
test_since_link (void)
{
  RapportWindow *window = rapport_test_ui_present_sample_window ("overview");
  GtkListBox *accounts;
  RapportOverviewPage *page;
  GtkWidget *audience;
  GtkDropDown *dropdown;
  GtkListBoxRow *account_row = NULL;
  RapportAnalysis *analysis;

  accounts = rapport_test_ui_template_child (window, RAPPORT_TYPE_WINDOW, "accounts_list");
  for (int i = 0; (account_row = gtk_list_box_get_row_at_index (accounts, i)) != NULL; i++)
    if (g_strcmp0 (rapport_account_row_get_title (RAPPORT_ACCOUNT_ROW (account_row)),
                   "@mira.makes") == 0)
      break;
  g_assert_nonnull (account_row);
  gtk_list_box_select_row (accounts, account_row);
  page = RAPPORT_OVERVIEW_PAGE (rapport_test_ui_window_page (window, "overview"));
  while (rapport_window_get_busy (window) ||
         (analysis = rapport_overview_page_get_analysis (page)) == NULL ||
         rapport_analysis_is_all_accounts (analysis) || !rapport_analysis_has_details (analysis))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();

  /* Built again when the lists came: the counts, no longer "Comparing…". */
  g_assert_cmpuint (n_rows (child (page, "since_list")), ==, 4);
  g_signal_emit_by_name (row (page, 1), "activate");
  rapport_test_ui_iterate_pending ();

  audience = rapport_test_ui_window_page (window, "audience");
  g_assert_true (gtk_widget_get_mapped (audience));
  dropdown = rapport_test_ui_template_child (audience, RAPPORT_TYPE_AUDIENCE_PAGE,
                                             "segment_dropdown");
  /* Mutuals, not following back, fans, new, lost: the fifth. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  g_assert_true (rapport_audience_page_show_segment (RAPPORT_AUDIENCE_PAGE (audience), "new"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
  g_assert_false (rapport_audience_page_show_segment (RAPPORT_AUDIENCE_PAGE (audience), "none"));

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

/* @row leads to the segment @segment of the account @title on @platform. */
static void
assert_account_link (GtkListBoxRow   *row,
                     RapportAnalysis *all,
                     const char      *title,
                     RapportPlatform  platform,
                     const char      *segment)
{
  GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  const char *target_segment = NULL;
  gint64 target_id = 0;
  gint64 account_id = 0;

  for (guint c = 0; c < rapport_analysis_get_n_children (all); c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (all, c);

      if (g_str_equal (rapport_analysis_get_title (child), title) &&
          rapport_analysis_get_account (child)->platform == platform)
        account_id = rapport_analysis_get_account_id (child);
    }
  g_assert_cmpint (account_id, >, 0);

  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "win.show-account-segment");
  g_assert_nonnull (value);
  g_variant_get (value, "(x&s)", &target_id, &target_segment);
  g_assert_cmpint (target_id, ==, account_id);
  g_assert_cmpstr (target_segment, ==, segment);
}

/* In the window, an account's line on "All accounts" opens that account, on its Audience
 * page, at the segment, once its lists are in. */
static void
test_since_all_accounts_link (void)
{
  RapportWindow *window = rapport_test_ui_present_sample_window ("overview");
  GtkListBox *accounts;
  RapportOverviewPage *page;
  GtkWidget *audience;
  GtkDropDown *dropdown;
  RapportAnalysis *analysis;
  int index;

  accounts = rapport_test_ui_template_child (window, RAPPORT_TYPE_WINDOW, "accounts_list");
  gtk_list_box_select_row (accounts, gtk_list_box_get_row_at_index (accounts, 0));
  page = RAPPORT_OVERVIEW_PAGE (rapport_test_ui_window_page (window, "overview"));
  while (rapport_window_get_busy (window) ||
         (analysis = rapport_overview_page_get_analysis (page)) == NULL ||
         !rapport_analysis_is_all_accounts (analysis) || !rapport_analysis_has_details (analysis))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();

  /* Instagram's line, among the demo creator's seven accounts. */
  for (index = 0; index < (int) n_rows (child (page, "since_list")); index++)
    {
      g_autofree char *text = row_text (page, index);

      if (g_str_has_prefix (text, "@mira.makes|585 new"))
        break;
    }
  g_assert_cmpint (index, <, (int) n_rows (child (page, "since_list")));
  g_signal_emit_by_name (row (page, index), "activate");
  g_assert_true (rapport_window_get_busy (window));
  while (rapport_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();

  analysis = rapport_window_get_analysis (window);
  g_assert_false (rapport_analysis_is_all_accounts (analysis));
  g_assert_cmpstr (rapport_analysis_get_title (analysis), ==, "@mira.makes");
  g_assert_cmpint (rapport_analysis_get_account (analysis)->platform, ==,
                   RAPPORT_PLATFORM_INSTAGRAM);
  audience = rapport_test_ui_window_page (window, "audience");
  g_assert_true (gtk_widget_get_mapped (audience));
  dropdown = rapport_test_ui_template_child (audience, RAPPORT_TYPE_AUDIENCE_PAGE,
                                             "segment_dropdown");
  /* Mutuals, not following back, fans, new: the fourth. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

static void
test_since_all_accounts (void)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (sample_store (), NULL);
  RapportOverviewPage *page;
  GtkWindow *window;
  g_autofree char *instagram = NULL;
  g_autofree char *threads = NULL;
  g_autofree char *tiktok = NULL;
  g_autofree char *x = NULL;

  page = show_page (analysis, 0, &window);

  g_assert_cmpuint (n_rows (child (page, "since_list")), ==, 4);
  instagram = row_text (page, 0);
  threads = row_text (page, 1);
  tiktok = row_text (page, 2);
  x = row_text (page, 3);

  g_assert_cmpstr (instagram, ==,
                   "@mira.makes|585 new · 250 lost · 197 dropped after follow-back · 0 renamed|");
  /* Threads: 81 followers in March, 160 in September, none lost. */
  g_assert_cmpstr (threads, ==,
                   "@mira.makes|79 new · 0 lost · 0 dropped after follow-back · 0 renamed|");
  g_assert_true (g_str_has_prefix (tiktok, "@miramakes|Only one of this account’s exports has a "
                                           "follower list; these have none: "
                                           "tiktok-miramakes-2024-09-12-studio.zip. "));
  g_assert_true (g_str_has_prefix (x, "@miramakes|Only one of this account’s exports has a "
                                      "follower list; these have none: "
                                      "tweet_activity_metrics_miramakes_20240601_20240912_en.csv. "));
  /* A line with counts leads to the account's Audience, as the rows of one account do; one
   * without, nowhere. */
  assert_account_link (row (page, 0), analysis, "@mira.makes", RAPPORT_PLATFORM_INSTAGRAM, "new");
  assert_account_link (row (page, 1), analysis, "@mira.makes", RAPPORT_PLATFORM_THREADS, "new");
  g_assert_false (gtk_list_box_row_get_activatable (row (page, 2)));
  g_assert_false (gtk_list_box_row_get_activatable (row (page, 3)));

  rapport_test_ui_destroy_window (window);
}

/* A store of @account (Instagram's jo.doe for NULL) with the exports @names, each with
 * @n_followers followers listed. */
static RapportAnalysis *
load_account_fixture (const char               *dir,
                      const RapportAccountInfo *account,
                      const char * const       *names,
                      guint                     n_followers)
{
  static const RapportAccountInfo jo = { RAPPORT_PLATFORM_INSTAGRAM, "jo.doe", NULL, NULL,
                                         FALSE };
  g_autofree char *data_dir = g_build_filename (temp_root, dir, NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id = 0;
  RapportAnalysis *analysis;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  for (guint e = 0; names[e] != NULL; e++)
    {
      g_auto(RapportImportSummary) summary = { 0 };
      RapportStoreImport *import;
      RapportImportSink *sink;
      RapportPost post;

      import = rapport_store_begin_import (store, names[e], names[e], names[e], NULL, &error);
      g_assert_no_error (error);
      sink = rapport_store_import_get_sink (import);
      g_assert_true (rapport_import_sink_set_account (sink, account != NULL ? account : &jo,
                                                      &error));
      rapport_import_sink_set_export_date (sink, T0 + e * 30 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
      rapport_post_init (&post);
      post.platform_id = "p1";
      post.type = RAPPORT_POST_PHOTO;
      post.created_at = T0 - 10 * DAY;
      post.likes = 7;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
      if (n_followers > 0)
        {
          g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER,
                                                         &error));
          for (guint i = 0; i < n_followers; i++)
            {
              g_autofree char *handle = g_strdup_printf ("fan%u", i);
              RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL,
                                           T0 - (gint64) (i + 1) * DAY };

              g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
            }
          rapport_import_sink_end_list (sink);
        }
      g_assert_true (rapport_store_import_commit (import, &summary, &error));
      g_assert_no_error (error);
      account_id = summary.account_id;
    }

  analysis = rapport_analysis_load (store, account_id, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static RapportAnalysis *
load_fixture (const char         *dir,
              const char * const *names,
              guint               n_followers)
{
  return load_account_fixture (dir, NULL, names, n_followers);
}

static void
shoot_one_export (AdwColorScheme  scheme,
                  int             width,
                  const char     *name)
{
  const char *names[] = { "instagram-jo.doe-2024-06-01.zip", NULL };
  g_autoptr(RapportAnalysis) analysis = load_fixture (name, names, 3);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RapportOverviewPage *page;
  GtkWindow *window;

  adw_style_manager_set_color_scheme (style_manager, scheme);
  page = show_page (analysis, width, &window);

  /* Not an empty section, and not a count of zero: what to do to get one. */
  g_assert_true (gtk_widget_get_visible (child (page, "since_box")));
  g_assert_cmpstr (gtk_label_get_text (child (page, "since_detail")), ==,
                   "One export of this account so far. Import another export of this account "
                   "to see who came and went.");
  g_assert_false (gtk_widget_get_visible (child (page, "since_list")));

  scroll_to_since (page, window);
  rapport_test_ui_render_screenshot (window, name);
  rapport_test_ui_destroy_window (window);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_since_one_export_light (void)
{
  shoot_one_export (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, "overview-since-one-export-light");
}

static void
test_since_one_export_dark (void)
{
  shoot_one_export (ADW_COLOR_SCHEME_FORCE_DARK, 0, "overview-since-one-export-dark");
}

static void
test_since_one_export_narrow (void)
{
  shoot_one_export (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "overview-since-one-export-narrow");
}

/* Two exports of posts only: which they are, and which export would give the lists. */
static void
test_since_no_lists (void)
{
  const char *names[] = { "posts-1.zip", "posts-2.zip", NULL };
  g_autoptr(RapportAnalysis) analysis = load_fixture ("no-lists", names, 0);
  RapportOverviewPage *page;
  GtkWindow *window;
  const char *text;

  page = show_page (analysis, 0, &window);
  text = gtk_label_get_text (child (page, "since_detail"));
  g_assert_true (g_str_has_prefix (text, "None of this account’s exports has a follower list: "
                                         "posts-1.zip, posts-2.zip. Gained and lost followers "
                                         "need two Instagram exports"));
  g_assert_false (gtk_widget_get_visible (child (page, "since_list")));

  rapport_test_ui_destroy_window (window);
}

/* LinkedIn's lists are its connections: two member exports of 3 each are counted as such. */
static void
test_since_linkedin (void)
{
  const RapportAccountInfo jo = { RAPPORT_PLATFORM_LINKEDIN, "Jo Doe", NULL, "Jo Doe", FALSE };
  const char *names[] = { "Basic_LinkedInDataExport_06-01-2024",
                          "Basic_LinkedInDataExport_07-01-2024", NULL };
  g_autoptr(RapportAnalysis) analysis = load_account_fixture ("linkedin", &jo, names, 3);
  RapportOverviewPage *page;
  GtkWindow *window;
  g_autofree char *new_row = NULL;
  g_autofree char *lost_row = NULL;

  page = show_page (analysis, 0, &window);
  g_assert_cmpstr (gtk_label_get_text (child (page, "since_detail")), ==,
                   "From 1 Jun 2024 (Basic_LinkedInDataExport_06-01-2024) to 1 Jul 2024 "
                   "(Basic_LinkedInDataExport_07-01-2024), 3 connections became 3.");
  new_row = row_text (page, 0);
  lost_row = row_text (page, 1);
  g_assert_cmpstr (new_row, ==, "New Connections|0|");
  g_assert_cmpstr (lost_row, ==, "Lost Connections|0|");

  rapport_test_ui_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  g_autofree char *data = NULL;
  int status;

  temp_root = rapport_test_make_temp_dir ();
  cache = g_build_filename (temp_root, "cache", NULL);
  data = g_build_filename (temp_root, "data", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  rapport_screenshot_set_up_display ();

  g_test_add_func ("/overview-since/sample", test_since_sample);
  g_test_add_func ("/overview-since/link", test_since_link);
  g_test_add_func ("/overview-since/all-accounts", test_since_all_accounts);
  g_test_add_func ("/overview-since/all-accounts-link", test_since_all_accounts_link);
  g_test_add_func ("/overview-since/no-lists", test_since_no_lists);
  g_test_add_func ("/overview-since/linkedin", test_since_linkedin);
  g_test_add_func ("/overview-since/one-export/light", test_since_one_export_light);
  g_test_add_func ("/overview-since/one-export/dark", test_since_one_export_dark);
  g_test_add_func ("/overview-since/one-export/narrow", test_since_one_export_narrow);

  status = g_test_run ();
  rapport_test_remove_tree (temp_root);
  g_clear_pointer (&temp_root, g_free);
  return status;
}
