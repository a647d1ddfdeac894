/* test-coach-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pictures of the posts a suggestion rests on, on the Coach page under a headless display:
 * a hand-built account whose bait tag #f4f is on three posts, one of them with a thumbnail.
 * The card shows that post's picture beside its text and leaves the others out (no empty
 * frame); a card whose evidence has no picture shows none; and a screenshot
 * (tests/screenshots/ in the build tree).
 */

#include "config.h"

#include <adwaita.h>

#include "store/rapport-store.h"
#include "ui/rapport-coach-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-suggestion-card.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* 1 Jan 2024, 00:00 UTC. */
#define T0  G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)

static char *temp_root;

/* @clay on Instagram, 1,000 followers: p0 to p2 tagged #f4f #cats, p3 #cats only; p1 ("Second
 * bowl") has a picture. */
static RapportStore *
make_store (const char *data_dir,
            gboolean    with_picture)
{
  static const char *bait[] = { "f4f", "cats", NULL };
  static const char *plain[] = { "cats", NULL };
  static const char *texts[] = { "First bowl", "Second\n bowl", "Third bowl", "Fourth bowl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GBytes) png = rapport_test_ui_make_png (90);
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "clay", NULL, NULL };
  RapportFollowerCount first = { T0, 1000, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportFollowerCount last = { T0 + 30 * DAY, 1000, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportPostImage image = { "p1", "media/posts/202401/p1.jpg" };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportStore *store;
  RapportPost post;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "clay.zip", "clay", "clay", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 30 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &first, &error));
  g_assert_true (rapport_import_sink_add_follower_count (sink, &last, &error));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      rapport_post_init (&post);
      post.platform_id = id;
      post.type = RAPPORT_POST_PHOTO;
      post.created_at = T0 + (1 + i) * DAY + 12 * 3600;
      post.text = texts[i];
      post.likes = 10 * (i + 1);
      post.hashtags = i < 3 ? bait : plain;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  if (with_picture)
    {
      g_assert_true (rapport_import_sink_add_post_image (sink, &image, &error));
      images = rapport_store_import_take_images (import, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (images->len, ==, 1);
      g_assert_true (rapport_store_import_set_thumbnail (
                       import, ((RapportStoreImage *) g_ptr_array_index (images, 0))->post_id,
                       "image/png", 4, 3, png, &error));
    }
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  return store;
}

static RapportSuggestionCard *
find_card (GtkWidget  *widget,
           const char *key)
{
  if (RAPPORT_IS_SUGGESTION_CARD (widget) &&
      g_strcmp0 (rapport_suggestion_card_get_key (RAPPORT_SUGGESTION_CARD (widget)), key) == 0)
    return RAPPORT_SUGGESTION_CARD (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RapportSuggestionCard *card = find_card (child, key);

      if (card != NULL)
        return card;
    }
  return NULL;
}

static void
check_card (gboolean    with_picture,
            const char *screenshot)
{
  g_autofree char *data_dir = g_build_filename (temp_root, screenshot, NULL);
  g_autoptr(RapportStore) store = make_store (data_dir, with_picture);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "clay");
  RapportCoachPage *page = g_object_new (RAPPORT_TYPE_COACH_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 700, 760);
  RapportSuggestionCard *card;
  GtkWidget *posts;
  GtkWidget *row;
  g_autofree char *labels = NULL;

  rapport_test_ui_iterate_pending ();
  card = find_card (GTK_WIDGET (page), "hashtags.drop-bait:f4f");
  g_assert_nonnull (card);
  posts = rapport_test_ui_template_child (card, RAPPORT_TYPE_SUGGESTION_CARD, "posts_box");

  if (!with_picture)
    {
      g_assert_false (gtk_widget_get_visible (posts));
      g_assert_null (gtk_widget_get_first_child (posts));
    }
  else
    {
      /* Only p1 of the three posts with #f4f: the others have no picture. */
      g_assert_true (gtk_widget_get_visible (posts));
      row = gtk_widget_get_first_child (posts);
      g_assert_nonnull (row);
      g_assert_null (gtk_widget_get_next_sibling (row));
      g_assert_true (GTK_IS_IMAGE (gtk_widget_get_first_child (row)));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (
                         gtk_image_get_paintable (GTK_IMAGE (gtk_widget_get_first_child (row)))),
                       ==, 4);
      labels = rapport_test_ui_visible_labels (row);
      g_assert_cmpstr (labels, ==, "Second bowl|");
    }
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, screenshot);

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
}

static void
test_evidence_picture (void)
{
  check_card (TRUE, "coach-evidence-picture");
}

static void
test_evidence_without_picture (void)
{
  check_card (FALSE, "coach-evidence-none");
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

  g_test_add_func ("/coach-evidence/picture", test_evidence_picture);
  g_test_add_func ("/coach-evidence/none", test_evidence_without_picture);

  status = g_test_run ();
  rapport_test_remove_tree (temp_root);
  g_clear_pointer (&temp_root, g_free);
  return status;
}
