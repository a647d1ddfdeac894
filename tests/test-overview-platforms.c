/* test-overview-platforms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart of "All accounts": the total of the accounts' lines on hand-made series (only on
 * the days where every line is a count), and on the sample creator, a line and dots per
 * account in its platform's colour with a legend entry each, with screenshots in light, dark
 * and 360 px wide (tests/screenshots/ in the build tree).
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ui/rapport-overview-page-private.h"
#include "ui/rapport-screenshot.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

#define T0 G_GINT64_CONSTANT (1717200000) /* 1 Jun 2024, 00:00 UTC */

static char *temp_root;

/* A series of @n days from @first_day (days after T0), @lower_bound on the first @n_lower. */
static RapportFollowerSeries *
series_new (guint         first_day,
            const double *values,
            guint         n,
            guint         n_lower)
{
  RapportFollowerSeries *series = g_new0 (RapportFollowerSeries, 1);

  series->points = g_array_new (FALSE, TRUE, sizeof (RapportSeriesPoint));
  for (guint i = 0; i < n; i++)
    {
      RapportSeriesPoint point = { 0 };

      point.day = T0 + (gint64) (first_day + i) * RAPPORT_SECONDS_PER_DAY;
      point.followers = values[i];
      point.lower_bound = i < n_lower;
      point.kind = i < n_lower ? RAPPORT_SERIES_RECONSTRUCTED : RAPPORT_SERIES_REAL;
      g_array_append_val (series->points, point);
    }
  return series;
}

/* Instagram from day 0 to 4, its first two days rebuilt; TikTok from day 1 to 5.  The total
 * covers days 1 to 4, and is a count on days 2 to 4 only. */
static void
test_total_of_counts (void)
{
  const double instagram[] = { 100, 110, 120, 130, 140 };
  const double tiktok[] = { 10, 20, 30, 40, 50 };
  g_autoptr(RapportFollowerSeries) a = series_new (0, instagram, 5, 2);
  g_autoptr(RapportFollowerSeries) b = series_new (1, tiktok, 5, 0);
  g_autoptr(GPtrArray) series = g_ptr_array_new ();
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));

  g_ptr_array_add (series, a);
  _rapport_overview_total_of_counts (series, days, totals);
  /* One line is its own total. */
  g_assert_cmpuint (totals->len, ==, 0);

  g_ptr_array_add (series, b);
  _rapport_overview_total_of_counts (series, days, totals);
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpint (g_array_index (days, gint64, 0), ==, T0 + RAPPORT_SECONDS_PER_DAY);
  g_assert_cmpint (g_array_index (days, gint64, 3), ==, T0 + 4 * RAPPORT_SECONDS_PER_DAY);
  g_assert_true (isnan (g_array_index (totals, double, 0)));
  g_assert_cmpfloat (g_array_index (totals, double, 1), ==, 120 + 20);
  g_assert_cmpfloat (g_array_index (totals, double, 2), ==, 130 + 30);
  g_assert_cmpfloat (g_array_index (totals, double, 3), ==, 140 + 40);
}

static gpointer
child (RapportOverviewPage *page,
       const char          *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, name);
}

static void
shoot_all_accounts (AdwColorScheme  scheme,
                    int             width,
                    const char     *name)
{
  g_autofree char *data_dir = g_build_filename (temp_root, name, NULL);
  g_autoptr(RapportStore) store = rapport_test_ui_open_sample_store (data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, NULL);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RapportOverviewPage *page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());
  GtkWindow *window;
  RapportChart *chart;
  GtkWidget *legend;
  GtkScrolledWindow *scrolled;
  graphene_rect_t bounds;
  GdkRGBA first;
  GdkRGBA second;

  adw_style_manager_set_color_scheme (style_manager, scheme);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), width > 0 ? width : 1000, 800);
  rapport_overview_page_set_analysis (page, analysis);
  rapport_test_ui_iterate_pending ();

  chart = child (page, "chart");
  legend = child (page, "legend");
  /* Instagram and TikTok: each a follower line and its median engagement rate as dots; X and
   * Threads a line only (their posts have no rate); and the total.  Mastodon and Bluesky have
   * no follower figures to draw. */
  g_assert_cmpuint (rapport_chart_get_n_series (chart), ==, 7);
  g_assert_nonnull (rapport_test_ui_find_label (legend,
                                                "Threads @mira.makes: followers (left axis); "
                                                "no engagement rate"));
  g_assert_nonnull (rapport_test_ui_find_label (legend,
                                                "Instagram @mira.makes: followers (line, left "
                                                "axis) and median engagement rate of 30 days "
                                                "(dots, right axis)"));
  g_assert_nonnull (rapport_test_ui_find_label (legend,
                                                "X/Twitter @miramakes: followers (left axis); "
                                                "no engagement rate"));
  g_assert_nonnull (rapport_test_ui_find_label (legend,
                                                "Total of the lines, on the days every one of "
                                                "them is a count"));
  /* Two platforms, two colours. */
  rapport_chart_get_series_color (chart, 0, &first);
  rapport_chart_get_series_color (chart, 2, &second);
  g_assert_false (gdk_rgba_equal (&first, &second));

  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart),
                                            gtk_scrolled_window_get_child (scrolled), &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled),
                            bounds.origin.y - 24);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, name);

  rapport_test_ui_destroy_window (window);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_all_accounts_light (void)
{
  shoot_all_accounts (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, "overview-platforms-light");
}

static void
test_all_accounts_dark (void)
{
  shoot_all_accounts (ADW_COLOR_SCHEME_FORCE_DARK, 0, "overview-platforms-dark");
}

static void
test_all_accounts_narrow (void)
{
  shoot_all_accounts (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "overview-platforms-narrow");
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

  g_test_add_func ("/overview-platforms/total-of-counts", test_total_of_counts);
  g_test_add_func ("/overview-platforms/light", test_all_accounts_light);
  g_test_add_func ("/overview-platforms/dark", test_all_accounts_dark);
  g_test_add_func ("/overview-platforms/narrow", test_all_accounts_narrow);

  status = g_test_run ();
  rapport_test_remove_tree (temp_root);
  g_clear_pointer (&temp_root, g_free);
  return status;
}
