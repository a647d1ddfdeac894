/* test-overview-readout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The post beside the Overview chart's read-out, under a headless display, on a hand-built
 * account with a thumbnail: the first post of the cursor's day with its text on one line and
 * its picture where it has one, nothing where it has neither, a day without a post, and a
 * screenshot (tests/screenshots/ in the build tree).
 */

#include "config.h"

#include <adwaita.h>

#include "store/rapport-store.h"
#include "ui/charts/rapport-chart.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-thumbnail-loader.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

#define DAY G_GINT64_CONSTANT (86400)

static char *temp_root;

/* 1 Jan 2024, 00:00 UTC. */
#define T0 G_GINT64_CONSTANT (1704067200)

/* @pots on Instagram, 500 followers by its profile, and three posts:
 *   a  11 Jan, "First glaze\n  firing", with a picture
 *   b  21 Jan, "No picture here", without
 *   c  22 Jan, no text, without
 * and no post on 16 Jan. */
static RapportStore *
make_store (char **data_dir)
{
  static const char *texts[] = { "First glaze\n  firing", "No picture here", NULL };
  static const int days[] = { 10, 20, 21 };
  static const char *ids[] = { "a", "b", "c" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GBytes) png = rapport_test_ui_make_png (0);
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "pots", NULL, NULL };
  RapportFollowerCount first = { T0, 500, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportFollowerCount last = { T0 + 60 * DAY, 500, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportPostImage image = { "a", "media/posts/202401/a.jpg" };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportStore *store;
  RapportPost post;

  *data_dir = rapport_test_make_temp_dir ();
  store = rapport_store_open (*data_dir, &error);
  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "pots.zip", "pots", "pots", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 60 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &first, &error));
  g_assert_true (rapport_import_sink_add_follower_count (sink, &last, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      rapport_post_init (&post);
      post.platform_id = ids[i];
      post.type = RAPPORT_POST_PHOTO;
      post.created_at = T0 + days[i] * DAY + 15 * 3600;
      post.text = texts[i];
      post.likes = 40;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_assert_true (rapport_import_sink_add_post_image (sink, &image, &error));
  g_assert_no_error (error);
  images = rapport_store_import_take_images (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_true (rapport_store_import_set_thumbnail (
                   import, ((RapportStoreImage *) g_ptr_array_index (images, 0))->post_id,
                   "image/png", 4, 3, png, &error));
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  return store;
}

/* The row id of post a, the one with a picture. */
static gint64
first_post_id (RapportAnalysis *analysis)
{
  const GArray *per_post = rapport_analysis_get_report (analysis)->per_post;

  return g_array_index (per_post, RapportPostEngagement, 0).post->id;
}

static void
test_readout_post (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "pots");
  RapportOverviewPage *page = RAPPORT_OVERVIEW_PAGE (rapport_overview_page_new ());
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 800);
  RapportChart *chart;
  RapportThumbnailLoader *loader;
  GdkPaintable *picture;
  GdkPaintable *cached = NULL;
  gint64 cursor;

  rapport_overview_page_set_analysis (page, analysis);
  rapport_test_ui_iterate_pending ();
  chart = rapport_test_ui_template_child (page, RAPPORT_TYPE_OVERVIEW_PAGE, "chart");
  /* The shared display's pointer must not move the cursor while the picture is read. */
  rapport_test_ui_ignore_pointer (GTK_WIDGET (chart));

  /* A post with a picture: its text at once, the picture read in a worker. */
  rapport_chart_set_cursor (chart, T0 + 10 * DAY);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor / DAY, ==, T0 / DAY + 10);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  g_assert_cmpstr (rapport_chart_get_readout_post_text (chart), ==, "First glaze firing");

  /* The cursor moves on before the picture is there: it stays with the post it was read
   * for, and never shows beside another one. */
  rapport_chart_set_cursor (chart, T0 + 20 * DAY);
  loader = rapport_thumbnail_loader_get (analysis);
  while (!rapport_thumbnail_loader_lookup (loader, first_post_id (analysis), &cached))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();
  g_assert_nonnull (cached);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  g_assert_cmpstr (rapport_chart_get_readout_post_text (chart), ==, "No picture here");

  /* Back on the first post, the picture read meanwhile: at once. */
  rapport_chart_set_cursor (chart, T0 + 10 * DAY);
  picture = rapport_chart_get_readout_picture (chart);
  g_assert_true (GDK_IS_TEXTURE (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, 4);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (picture), ==, 3);
  g_assert_cmpstr (rapport_chart_get_readout_post_text (chart), ==, "First glaze firing");
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, "overview-readout-post");

  /* A post without a picture: its text, and no picture at all. */
  rapport_chart_set_cursor (chart, T0 + 20 * DAY);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  g_assert_cmpstr (rapport_chart_get_readout_post_text (chart), ==, "No picture here");

  /* Back on the first post: the picture read before, not read again. */
  rapport_chart_set_cursor (chart, T0 + 10 * DAY);
  g_assert_true (rapport_chart_get_readout_picture (chart) == picture);

  /* Neither text nor picture: nothing beside the values. */
  rapport_chart_set_cursor (chart, T0 + 21 * DAY);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor / DAY, ==, T0 / DAY + 21);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  g_assert_null (rapport_chart_get_readout_post_text (chart));

  /* A day without a post: neither. */
  rapport_chart_set_cursor (chart, T0 + 15 * DAY);
  g_assert_true (rapport_chart_get_cursor (chart, &cursor));
  g_assert_cmpint (cursor / DAY, ==, T0 / DAY + 15);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  g_assert_null (rapport_chart_get_readout_post_text (chart));

  rapport_chart_unset_cursor (chart);
  g_assert_null (rapport_chart_get_readout_picture (chart));
  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
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

  g_test_add_func ("/overview-readout/post", test_readout_post);

  status = g_test_run ();
  rapport_test_remove_tree (temp_root);
  g_clear_pointer (&temp_root, g_free);
  return status;
}
