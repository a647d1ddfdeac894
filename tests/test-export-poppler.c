/* test-export-poppler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF as a reader sees it: opened and rasterised by poppler, built only where meson finds
 * poppler-glib.  Its page count, the text poppler extracts from each section, and ink on every
 * page.
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "export/rapport-export-pdf.h"
#include "rapport-test-util.h"

#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)

/* @jo with 1,000 followers over 90 days, a follower and a following list, and 40 posts. */
static RapportDataset *
build_dataset (void)
{
  RapportDataset *dataset = rapport_dataset_new ();
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  dataset->account_id = 1;
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  dataset->handle = g_strdup ("jo");
  for (guint d = 0; d <= 90; d++)
    {
      RapportFollowerCount total = { T0 + d * DAY, 1000, RAPPORT_COUNT_SOURCE_PROFILE };

      g_array_append_val (dataset->counts, total);
    }
  snapshot->id = 1;
  snapshot->exported_at = T0 + 90 * DAY;
  snapshot->source_name = g_strdup ("instagram-jo.zip");
  snapshot->followers = rapport_people_new (2);
  snapshot->has_followers = TRUE;
  rapport_people_add (snapshot->followers, "ana", "ana", NULL, T0);
  rapport_people_add (snapshot->followers, "bo", "bo", NULL, T0);
  rapport_people_sort (snapshot->followers);
  snapshot->following = rapport_people_new (1);
  snapshot->has_following = TRUE;
  rapport_people_add (snapshot->following, "ana", "ana", NULL, T0);
  rapport_people_sort (snapshot->following);
  g_ptr_array_add (dataset->snapshots, snapshot);

  for (guint i = 0; i < 40; i++)
    {
      RapportDatasetPost *post = rapport_dataset_post_new ();

      post->id = 100 + i;
      post->platform_id = g_strdup_printf ("p%u", i);
      post->type = RAPPORT_POST_PHOTO;
      post->created_at = T0 + (1 + 2 * i) * DAY;
      post->likes = 10 + i;
      post->hashtags = g_strsplit (i < 20 ? "f4f" : "cats", ",", -1);
      post->mentions = g_new0 (char *, 1);
      g_ptr_array_add (dataset->posts, post);
    }
  return dataset;
}

static void
test_rasterised (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportReport) report = rapport_report_compute (dataset, utc);
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, NULL);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (rapport_export_write_pdf (report, suggestions, path, RAPPORT_PAPER_A4, &n_pages,
                                           &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      cairo_surface_t *surface;
      cairo_t *cr;
      double width, height;
      guint8 *data;
      guint dark = 0;

      g_string_append (text, page_text);
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      poppler_page_render (page, cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      for (int y = 0; y < (int) height; y++)
        for (int x = 0; x < (int) width; x++)
          if (data[y * cairo_image_surface_get_stride (surface) + 4 * x + 1] < 128)
            dark++;
      g_assert_cmpuint (dark, >, 500);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  g_object_unref (document);

  rapport_test_assert_contains (text->str, "@jo on Instagram");
  rapport_test_assert_contains (text->str, "Key figures");
  rapport_test_assert_contains (text->str, "Reciprocity");
  rapport_test_assert_contains (text->str, "Follower churn");
  rapport_test_assert_contains (text->str, "Hashtags");
  rapport_test_assert_contains (text->str, "#f4f");
  rapport_test_assert_contains (text->str, "Suggestions");
  rapport_test_assert_contains (text->str, "Data coverage");
  rapport_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-poppler/rasterised", test_rasterised);
  return g_test_run ();
}
