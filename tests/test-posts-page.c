/* test-posts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Posts page under a headless display: the rows of a hand-built account and what they
 * show, the order after sorting by each kind of column (unknown values last), the details of
 * the selected post, the posts of a coach suggestion and the way back, all accounts, a page
 * that is not shown, and screenshots of the sample data.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-application.h"
#include "store/rapport-store.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-posts-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-window.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* 1 Jan 2024, 00:00 UTC. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)
#define UNKNOWN RAPPORT_COUNT_UNKNOWN

/* @jo.makes on Instagram, 1,000 followers throughout, and four own posts plus a repost:
 *   p1 10 Jan, photo, 50 likes, 5 comments: 55 interactions, ER 5.5 %
 *   p2 10 Feb, reel, 120 likes, 12 comments, 2,000 impressions: 132, ER 13.2 %, 6.6 % by
 *      impressions
 *   p3 10 Mar, carousel, likes unknown, 3 comments, no text: 3, ER 0.3 %
 *   p4 10 Apr, photo, 80 likes, comments unknown: 80, ER 8.0 %
 *   r5 20 Apr, a repost: not an own post.
 * @jo.clips on TikTok: one video t1 on 20 Feb, 10 likes. */
static RapportStore *
make_store (char **data_dir)
{
  static const char *p1_tags[] = { "pottery", "f4f", NULL };
  static const char *p1_mentions[] = { "clay.collective", NULL };
  static const char *p2_tags[] = { "wheelthrown", NULL };
  struct {
    const char *id;
    RapportPostType type;
    int day;
    const char *text;
    const char *url;
    gint64 likes;
    gint64 comments;
    gint64 impressions;
    const char * const *tags;
    const char * const *mentions;
  } posts[] = {
    { "p1", RAPPORT_POST_PHOTO, 9, "First bowl\nof the year #pottery #f4f @clay.collective",
      "https://www.instagram.com/p/p1/", 50, 5, UNKNOWN, p1_tags, p1_mentions },
    { "p2", RAPPORT_POST_REEL, 40, "Trimming day #wheelthrown", "https://www.instagram.com/p/p2/",
      120, 12, 2000, p2_tags, NULL },
    { "p3", RAPPORT_POST_CAROUSEL, 69, NULL, NULL, UNKNOWN, 3, UNKNOWN, NULL, NULL },
    { "p4", RAPPORT_POST_PHOTO, 100, "Glaze test", "https://www.instagram.com/p/p4/", 80,
      UNKNOWN, UNKNOWN, NULL, NULL },
    { "r5", RAPPORT_POST_REPOST, 110, "Look at this", NULL, 999, 99, UNKNOWN, NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "jo.makes", NULL, NULL };
  RapportAccountInfo clips = { RAPPORT_PLATFORM_TIKTOK, "jo.clips", NULL, NULL };
  RapportFollowerCount first = { T0, 1000, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportFollowerCount last = { T0 + 120 * DAY, 1000, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportStore *store;
  RapportPost post;

  *data_dir = rapport_test_make_temp_dir ();
  store = rapport_store_open (*data_dir, &error);
  g_assert_no_error (error);

  import = rapport_store_begin_import (store, "jo.zip", "jo", "jo", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 120 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &first, &error));
  g_assert_true (rapport_import_sink_add_follower_count (sink, &last, &error));
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      rapport_post_init (&post);
      post.platform_id = posts[i].id;
      post.type = posts[i].type;
      post.created_at = T0 + posts[i].day * DAY + 15 * 3600;
      post.text = posts[i].text;
      post.url = posts[i].url;
      post.likes = posts[i].likes;
      post.comments = posts[i].comments;
      post.impressions = posts[i].impressions;
      post.hashtags = posts[i].tags;
      post.mentions = posts[i].mentions;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_assert_true (rapport_store_import_commit (import, NULL, &error));

  import = rapport_store_begin_import (store, "clips.zip", "clips", "clips", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &clips, &error));
  rapport_import_sink_set_export_date (sink, T0 + 120 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  rapport_post_init (&post);
  post.platform_id = "t1";
  post.type = RAPPORT_POST_VIDEO;
  post.created_at = T0 + 50 * DAY;
  post.text = "Kiln opening";
  post.likes = 10;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  return store;
}

static gpointer
page_child (RapportPostsPage *page,
            const char       *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_POSTS_PAGE, name);
}

static GListModel *
rows (RapportPostsPage *page)
{
  return G_LIST_MODEL (page_child (page, "selection"));
}

/* The platform ids of the rows, in the order shown. */
static char *
row_ids (RapportPostsPage *page)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows (page)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows (page), i);
      g_autofree char *id = NULL;

      g_object_get (item, "platform-id", &id, NULL);
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_order (RapportPostsPage *page,
              const char       *column,
              GtkSortType       order,
              const char       *expected)
{
  g_autofree char *ids = NULL;

  gtk_column_view_sort_by_column (page_child (page, "column_view"), page_child (page, column),
                                  order);
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, expected);
}

static guint
position_of (RapportPostsPage *page,
             const char       *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows (page)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows (page), i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "platform-id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* The row of t1, jo.clips' post with a 4 × 3 thumbnail, asks a worker for it: none at first,
 * then :thumbnail says it is there; a row of the same post made later has it at once. */
static void
assert_thumbnails_read_in_worker (RapportStore *store)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.clips");
  const GArray *per_post = rapport_analysis_get_report (analysis)->per_post;
  const RapportPostEngagement *engagement = NULL;
  g_autoptr(RapportPostItem) item = NULL;
  g_autoptr(RapportPostItem) again = NULL;
  GdkPaintable *picture;
  guint notifies = 0;

  for (guint i = 0; i < per_post->len; i++)
    if (g_str_equal (g_array_index (per_post, RapportPostEngagement, i).post->platform_id, "t1"))
      engagement = &g_array_index (per_post, RapportPostEngagement, i);
  g_assert_nonnull (engagement);

  item = rapport_post_item_new (analysis, engagement, "@jo.clips");
  g_signal_connect (item, "notify::thumbnail", G_CALLBACK (rapport_test_ui_count_notify_cb),
                    &notifies);
  g_assert_null (rapport_post_item_get_thumbnail (item));
  for (guint i = 0; i < 200 && notifies == 0; i++)
    rapport_test_ui_settle ();
  g_assert_cmpuint (notifies, ==, 1);
  picture = rapport_post_item_get_thumbnail (item);
  g_assert_true (GDK_IS_TEXTURE (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, 4);

  again = rapport_post_item_new (analysis, engagement, "@jo.clips");
  g_assert_true (rapport_post_item_get_thumbnail (again) == picture);
}

/* The picture cell of the table shows a @width × @height thumbnail. */
static void
assert_row_picture (GtkWidget *page,
                    int        width,
                    int        height)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  gboolean found = FALSE;

  rapport_test_ui_settle ();
  rapport_test_ui_wait_frames (page, 3);
  rapport_test_ui_collect (page, GTK_TYPE_PICTURE, pictures);
  for (guint i = 0; i < pictures->len; i++)
    {
      GdkPaintable *paintable = gtk_picture_get_paintable (g_ptr_array_index (pictures, i));

      found |= paintable != NULL && gdk_paintable_get_intrinsic_width (paintable) == width &&
               gdk_paintable_get_intrinsic_height (paintable) == height;
    }
  g_assert_true (found);
}

/* The picture column shows for an account with a thumbnail, and only for it: jo.clips' t1
 * gets one from a later export, jo.makes has none. */
static void
test_picture_column (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) clips = NULL;
  g_autoptr(RapportAnalysis) makes = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GBytes) png = rapport_test_ui_make_png (7);
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, "jo.clips", NULL, NULL };
  RapportPostImage image = { "t1", "media/t1.png" };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportPostsPage *page;
  GtkWindow *window;
  RapportPost post;

  import = rapport_store_begin_import (store, "clips-2.zip", "clips-2", "clips-2", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 130 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  rapport_post_init (&post);
  post.platform_id = "t1";
  post.type = RAPPORT_POST_VIDEO;
  post.created_at = T0 + 50 * DAY;
  post.likes = 12;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_true (rapport_import_sink_add_post_image (sink, &image, &error));
  images = rapport_store_import_take_images (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_true (rapport_store_import_set_thumbnail (
                   import, ((RapportStoreImage *) g_ptr_array_index (images, 0))->post_id,
                   "image/png", 4, 3, png, &error));
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  clips = rapport_test_ui_load_analysis (store, "jo.clips");
  page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", clips, NULL);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "picture_column")));
  assert_thumbnails_read_in_worker (store);
  assert_row_picture (GTK_WIDGET (page), 4, 3);

  makes = rapport_test_ui_load_analysis (store, "jo.makes");
  rapport_posts_page_set_analysis (page, makes);
  rapport_test_ui_iterate_pending ();
  g_assert_false (gtk_column_view_column_get_visible (page_child (page, "picture_column")));

  rapport_test_ui_destroy_window (window);
  rapport_test_remove_tree (data_dir);
}

static void
test_rows_and_sorting (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_autofree char *ids = NULL;
  g_autofree char *labels = NULL;

  g_assert_true (rapport_posts_page_get_analysis (page) == analysis);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "posts");

  /* Own posts only, newest first. */
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p4 p3 p2 p1");

  /* One account: no account column; impressions where known. */
  g_assert_false (gtk_column_view_column_get_visible (page_child (page, "account_column")));
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "impressions_column")));
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "rate_impressions_column")));

  /* What the rows say, "—" where the export did not. */
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  /* No post of the account has a picture: no empty picture column. */
  g_assert_false (gtk_column_view_column_get_visible (page_child (page, "picture_column")));
  g_assert_nonnull (strstr (labels, "Date|Text|Type|Likes|Comments|Shares|Impressions|ER|"
                                    "ER by Impressions|"));
  g_assert_nonnull (strstr (labels, "|10 Apr 2024|Glaze test|Photo|80|—|—|—|8.0 %|—|"));
  g_assert_nonnull (strstr (labels, "|10 Mar 2024||Carousel|—|3|—|—|0.3 %|—|"));
  g_assert_nonnull (strstr (labels, "|10 Feb 2024|Trimming day #wheelthrown|Reel|120|12|—|2000|"
                                    "13.2 %|6.6 %|"));
  g_assert_nonnull (strstr (labels, "|10 Jan 2024|First bowl of the year #pottery #f4f "
                                    "@clay.collective|Photo|50|5|—|—|5.5 %|—|"));

  /* By each column, unknown values last in either order. */
  assert_order (page, "likes_column", GTK_SORT_DESCENDING, "p2 p4 p1 p3");
  assert_order (page, "likes_column", GTK_SORT_ASCENDING, "p1 p4 p2 p3");
  assert_order (page, "comments_column", GTK_SORT_DESCENDING, "p2 p1 p3 p4");
  assert_order (page, "comments_column", GTK_SORT_ASCENDING, "p3 p1 p2 p4");
  assert_order (page, "rate_column", GTK_SORT_DESCENDING, "p2 p4 p1 p3");
  assert_order (page, "rate_column", GTK_SORT_ASCENDING, "p3 p1 p4 p2");
  assert_order (page, "impressions_column", GTK_SORT_ASCENDING, "p2 p1 p3 p4");
  assert_order (page, "date_column", GTK_SORT_ASCENDING, "p1 p2 p3 p4");
  assert_order (page, "date_column", GTK_SORT_DESCENDING, "p4 p3 p2 p1");
  assert_order (page, "text_column", GTK_SORT_ASCENDING, "p3 p1 p4 p2");
  assert_order (page, "type_column", GTK_SORT_ASCENDING, "p3 p1 p4 p2");

  /* Best posts: by rate where there are rates, saying so; off again, newest first. */
  gtk_toggle_button_set_active (page_child (page, "best_button"), TRUE);
  g_free (ids);
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p2 p4 p1 p3");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "best_caption")), ==,
                   "Best posts by engagement rate");
  g_assert_true (gtk_widget_get_visible (page_child (page, "best_caption")));
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "interactions_column")));
  gtk_toggle_button_set_active (page_child (page, "best_button"), FALSE);
  g_free (ids);
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p4 p3 p2 p1");
  g_assert_false (gtk_widget_get_visible (page_child (page, "best_caption")));

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* The title and value of each row of the details' counts, "Likes 50". */
static char *
count_rows (RapportPostsPage *page)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkListBox *list = page_child (page, "detail_counts");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autofree char *labels = rapport_test_ui_visible_labels (GTK_WIDGET (row));

      g_string_append (out, labels);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_details (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_autofree char *counts = NULL;

  /* Nothing picked yet. */
  g_assert_false (adw_overlay_split_view_get_show_sidebar (page_child (page, "split_view")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "detail_stack")), ==,
                   "none");

  gtk_single_selection_set_selected (page_child (page, "selection"), position_of (page, "p1"));
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (page_child (page, "split_view")));
  g_assert_true (gtk_widget_get_mapped (page_child (page, "detail_hashtags")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "detail_stack")), ==,
                   "post");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_date")), ==,
                   "10 January 2024, 15:00");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_kind")), ==, "Photo");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_text")), ==,
                   "First bowl\nof the year #pottery #f4f @clay.collective");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_hashtags")), ==,
                   "#f4f  #pottery");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_mentions")), ==,
                   "@clay.collective");
  g_assert_true (gtk_widget_get_visible (page_child (page, "open_post_button")));
  counts = count_rows (page);
  g_assert_cmpstr (counts, ==,
                   "Likes|50|\n"
                   "Comments|5|\n"
                   "Engagement Rate|Of 1000 followers that day|5.5 %|\n");
  g_clear_pointer (&counts, g_free);

  /* Impressions and their rate where the export has them. */
  gtk_single_selection_set_selected (page_child (page, "selection"), position_of (page, "p2"));
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_hashtags")), ==,
                   "#wheelthrown");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_mentions")), ==, "None");
  counts = count_rows (page);
  g_assert_cmpstr (counts, ==,
                   "Likes|120|\n"
                   "Comments|12|\n"
                   "Impressions|2000|\n"
                   "Engagement Rate|Of 1000 followers that day|13.2 %|\n"
                   "Engagement Rate by Impressions|6.6 %|\n");
  g_clear_pointer (&counts, g_free);

  /* No text, no tags, no address. */
  gtk_single_selection_set_selected (page_child (page, "selection"), position_of (page, "p3"));
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_text")), ==,
                   "This post has no text.");
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_hashtags")), ==, "None");
  g_assert_false (gtk_widget_get_visible (page_child (page, "open_post_button")));

  gtk_single_selection_set_selected (page_child (page, "selection"), GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "detail_stack")), ==,
                   "none");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* Bluesky's posts mention accounts by DID: the details name those a follow list gave a handle,
 * shorten the others and keep every DID in the tooltip. */
static void
test_bluesky_mentions (void)
{
  static const char *mentions[] = { "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa",
                                    "did:plc:bcdefghijklmnopqrstuvwxy", NULL };
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);
  g_autoptr(RapportAnalysis) analysis = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_BLUESKY, "jo.bsky.social", NULL, NULL };
  RapportRelation mira = { RAPPORT_DIRECTION_FOLLOWING, "mira.bsky.social",
                           "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", T0 };
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportPostsPage *page;
  GtkWindow *window;
  RapportPost post;

  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "repo.car", "car", "car", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 10 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, &error));
  g_assert_true (rapport_import_sink_add_relation (sink, &mira, &error));
  rapport_import_sink_end_list (sink);
  rapport_post_init (&post);
  post.platform_id = "3kabc";
  post.type = RAPPORT_POST_TEXT;
  post.created_at = T0 + DAY;
  post.text = "With @mira.bsky.social and @lee.example";
  post.mentions = mentions;
  g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  analysis = rapport_test_ui_load_analysis (store, "jo.bsky.social");
  page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  gtk_single_selection_set_selected (page_child (page, "selection"), position_of (page, "3kabc"));
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_mentions")), ==,
                   "@mira.bsky.social  did:plc:bcde…vwxy");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page_child (page, "detail_mentions")), ==,
                   "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa\ndid:plc:bcdefghijklmnopqrstuvwxy");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_narrow (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 360, 600);
  AdwOverlaySplitView *split_view = page_child (page, "split_view");
  g_autofree char *labels = NULL;

  /* The columns that matter most; the details only when asked for. */
  g_assert_true (adw_overlay_split_view_get_collapsed (split_view));
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split_view));
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "Date|Text|Likes|ER|"));
  g_assert_nonnull (strstr (labels, "|10 Apr 2024|Glaze test|80|8.0 %|"));

  gtk_single_selection_set_selected (page_child (page, "selection"), position_of (page, "p1"));
  g_assert_true (adw_overlay_split_view_get_show_sidebar (split_view));
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (gtk_widget_get_mapped (page_child (page, "detail_hashtags")));
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_hashtags")), ==,
                   "#f4f  #pottery");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.close-details", NULL));
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split_view));

  /* Wider again: every column. */
  gtk_window_set_default_size (window, 1000, 600);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "comments_column")));
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "rate_impressions_column")));

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_show_posts (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  AdwBanner *banner = page_child (page, "filter_banner");
  const char *bait[] = { "p1", "p4", "gone", NULL };
  g_autofree char *ids = NULL;

  g_assert_false (adw_banner_get_revealed (banner));

  /* The coach's evidence, in the table's order, with a way back. */
  rapport_posts_page_show_posts (page, "Posts with #f4f", bait);
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p4 p1");
  g_clear_pointer (&ids, g_free);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Posts with #f4f: 2 posts");
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "Show _All Posts");

  /* Sorting works within them. */
  assert_order (page, "likes_column", GTK_SORT_DESCENDING, "p4 p1");

  g_signal_emit_by_name (banner, "button-clicked");
  g_assert_false (adw_banner_get_revealed (banner));
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p2 p4 p1 p3");
  g_clear_pointer (&ids, g_free);

  /* Another analysis starts with all its posts. */
  rapport_posts_page_show_posts (page, "One", (const char * const[]) { "p2", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, 1);
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "One: 1 post");
  rapport_posts_page_set_analysis (page, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "empty");
  rapport_posts_page_set_analysis (page, analysis);
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, 4);

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_all_accounts (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, NULL);
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_autofree char *labels = NULL;
  g_autofree char *ids = NULL;

  g_assert_true (rapport_analysis_is_all_accounts (analysis));
  g_assert_true (gtk_column_view_column_get_visible (page_child (page, "account_column")));
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "p4 p3 t1 p2 p1");
  for (guint i = 0; i < g_list_model_get_n_items (rows (page)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows (page), i);
      g_autofree char *account = NULL;

      g_object_get (item, "account", &account, NULL);
      g_assert_cmpstr (account, ==, i == 2 ? "@jo.clips" : "@jo.makes");
    }
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "Account|Date|Text|"));
  g_assert_nonnull (strstr (labels, "|20 Feb 2024|Kiln opening|Video|10|—|—|—|—|—|"));
  g_assert_nonnull (strstr (labels, "|@jo.clips|"));

  assert_order (page, "account_column", GTK_SORT_ASCENDING, "t1 p1 p2 p3 p4");

  gtk_single_selection_set_selected (page_child (page, "selection"), 0);
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "detail_kind")), ==,
                   "Video · @jo.clips");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* The sample data, through the window */

/* The sample data's posts, the one with the highest ER picked, its details shown. */
static void
shoot (AdwColorScheme  scheme,
       int             width,
       const char     *name)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *path = rapport_test_ui_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  RapportPostsPage *page;

  adw_style_manager_set_color_scheme (style_manager, scheme);

  window = rapport_test_ui_present_sample_window ("posts");
  page = RAPPORT_POSTS_PAGE (rapport_test_ui_window_page (window, "posts"));
  g_assert_true (rapport_posts_page_get_analysis (page) == rapport_window_get_analysis (window));
  /* Laid out at its width first, as a user would find it. */
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  gtk_column_view_sort_by_column (page_child (page, "column_view"),
                                  page_child (page, "rate_column"), GTK_SORT_DESCENDING);
  gtk_single_selection_set_selected (page_child (page, "selection"), 0);

  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_save_screenshot (GTK_WINDOW (window), width, path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  if (width > 0)
    g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  /* Whatever the width, the picked post's details are in view. */
  g_assert_true (gtk_widget_get_mapped (page_child (page, "detail_hashtags")));

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, "posts-light");
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 0, "posts-dark");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "posts-narrow");
}

/* A page that is not shown builds its rows when it is, from the first look of an analysis as
 * well, and does not hold on to the analysis it showed before. */
static void
test_hidden (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  RapportAnalysis *shown = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportAnalysis *first_look = rapport_test_ui_load_first_look (store, "jo.clips");
  RapportPostsPage *page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", shown, NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_autofree char *ids = NULL;
  gpointer weak = first_look;

  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, 4);

  /* Out of its window, the page is not shown. */
  g_object_ref (page);
  gtk_window_set_child (window, NULL);
  rapport_test_ui_destroy_window (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  rapport_posts_page_set_analysis (page, first_look);
  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, 0);
  /* The rows let go of their analysis once the list has caught up. */
  rapport_test_ui_settle ();
  g_assert_finalize_object (shown);

  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_object_unref (page);
  ids = row_ids (page);
  g_assert_cmpstr (ids, ==, "t1");

  rapport_test_ui_destroy_window (window);
  /* The thread that loaded it may let go of it a moment later. */
  g_object_add_weak_pointer (G_OBJECT (first_look), &weak);
  g_object_unref (first_look);
  while (g_atomic_pointer_get (&weak) != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* The tooltips of the flags shown on rates under @widget, one a line. */
static void
collect_flags (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "rate-flag"))
    {
      g_string_append (out, gtk_widget_get_tooltip_text (widget));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_flags (child, out);
}

/* @tiny on Instagram, 20 followers by its profile: a post of 50 likes (250 %) is flagged, one of
 * 5 likes (25 %) on the same real count is not; a rate over a rebuilt count of 12 is flagged
 * for that. */
static void
test_flagged_rates (void)
{
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);
  RapportAccountInfo account = { RAPPORT_PLATFORM_INSTAGRAM, "tiny", NULL, NULL };
  RapportFollowerCount first = { T0, 20, RAPPORT_COUNT_SOURCE_PROFILE };
  RapportFollowerCount last = { T0 + 30 * DAY, 20, RAPPORT_COUNT_SOURCE_PROFILE };
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(RapportPostItem) rebuilt = NULL;
  g_autoptr(GString) flags = g_string_new (NULL);
  g_autofree char *labels = NULL;
  g_autofree char *why = NULL;
  RapportPostEngagement engagement;
  RapportStoreImport *import;
  RapportImportSink *sink;
  RapportPostsPage *page;
  GtkWindow *window;
  RapportPost post;

  g_assert_no_error (error);
  import = rapport_store_begin_import (store, "tiny.zip", "tiny", "tiny", NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, T0 + 30 * DAY, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_import_sink_add_follower_count (sink, &first, &error));
  g_assert_true (rapport_import_sink_add_follower_count (sink, &last, &error));
  for (guint i = 0; i < 2; i++)
    {
      rapport_post_init (&post);
      post.platform_id = i == 0 ? "big" : "small";
      post.type = RAPPORT_POST_PHOTO;
      post.created_at = T0 + (5 + 5 * i) * DAY + 15 * 3600;
      post.text = i == 0 ? "Everyone liked this" : "A quiet one";
      post.likes = i == 0 ? 50 : 5;
      post.comments = 0;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);

  analysis = rapport_test_ui_load_analysis (store, "tiny");
  page = g_object_new (RAPPORT_TYPE_POSTS_PAGE, "analysis", analysis, NULL);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);

  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "|Everyone liked this|Photo|50|0|—|250.0 %|"));
  g_assert_nonnull (strstr (labels, "|A quiet one|Photo|5|0|—|25.0 %|"));
  /* One flag, on the rate above 100 %; a small real count is not flagged. */
  collect_flags (page_child (page, "column_view"), flags);
  g_assert_cmpstr (flags->str, ==,
                   "Above 100 %: more interactions than followers that day, so the follower "
                   "count is too low to divide by. Not used in headlines.\n");
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, "posts-flagged");

  /* The same post over a count rebuilt from 12 follow dates. */
  engagement = g_array_index (rapport_analysis_get_report (analysis)->per_post,
                              RapportPostEngagement, 1);
  g_assert_false (engagement.rate_unreliable);
  engagement.followers = 12;
  engagement.rate = 5.0 / 12;
  engagement.followers_lower_bound = TRUE;
  engagement.rate_unreliable = TRUE;
  rebuilt = rapport_post_item_new (analysis, &engagement, "@tiny");
  why = rapport_post_item_dup_rate_flag (rebuilt);
  g_assert_cmpstr (why, ==, "Rests on 12 followers rebuilt from follow dates, under the 100 a "
                            "rate needs. Not used in headlines.");

  rapport_test_ui_destroy_window (window);
  g_clear_object (&rebuilt);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  /* The window's own database and a sample database of this process's own. */
  rapport_test_ui_init_with_temp_dirs (&argc, &argv, &data_dir, &cache_dir);

  g_test_add_func ("/posts-page/rows-and-sorting", test_rows_and_sorting);
  g_test_add_func ("/posts-page/picture-column", test_picture_column);
  g_test_add_func ("/posts-page/details", test_details);
  g_test_add_func ("/posts-page/bluesky-mentions", test_bluesky_mentions);
  g_test_add_func ("/posts-page/narrow", test_narrow);
  g_test_add_func ("/posts-page/show-posts", test_show_posts);
  g_test_add_func ("/posts-page/all-accounts", test_all_accounts);
  g_test_add_func ("/posts-page/hidden", test_hidden);
  g_test_add_func ("/posts-page/flagged-rates", test_flagged_rates);
  g_test_add_func ("/posts-page/screenshots", test_screenshots);

  status = g_test_run ();

  rapport_test_remove_tree (data_dir);
  rapport_test_remove_tree (cache_dir);

  return status;
}
