/* test-thumbnails.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thumbnails of posts' pictures: the header reader, the thumbnail of one picture, and imports
 * of an Instagram export and an X archive written here, with their pictures drawn here too.
 */

#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "core/rapport-import-error.h"
#include "import/rapport-image-header.h"
#include "session/rapport-import-job.h"
#include "session/rapport-thumbnail.h"
#include "rapport-test-util.h"

/* A picture of @width × @height in one colour, with an alpha channel when @alpha. */
static GdkPixbuf *
draw_picture (int      width,
              int      height,
              gboolean alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);

  gdk_pixbuf_fill (pixbuf, alpha ? 0x3366cc80 : 0xcc6633ff);
  return pixbuf;
}

static GBytes *
encode_picture (int         width,
                int         height,
                const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = draw_picture (width, height, g_str_equal (type, "png"));
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* A PNG whose header claims 100,000 × 100,000 pixels, and nothing after it. */
static GBytes *
huge_png (void)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 2, 0, 0, 0, 0, 0, 0, 0,
  };

  return g_bytes_new_static (header, sizeof header);
}

static void
write_bytes (const char *dir,
             const char *name,
             GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  write_bytes (dir, name, bytes);
}

static void
test_header (void)
{
  g_autoptr(GBytes) png = encode_picture (300, 200, "png");
  g_autoptr(GBytes) jpeg = encode_picture (64, 48, "jpeg");
  g_autoptr(GBytes) huge = huge_png ();
  /* WebP's three kinds of first chunk, with the sizes written by hand. */
  static const guint8 vp8[30] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 0, 0, 0, 0,
    0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00, /* 320 × 240 */
  };
  static const guint8 vp8l[30] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0,
    0x2f, 0x63, 0xc0, 0x31, 0x00, /* 100 × 200: 99 | 199 << 14 */
  };
  static const guint8 vp8x[30] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0,
    0, 0, 0, 0, 0x7f, 0x07, 0x00, 0x37, 0x04, 0x00, /* 1920 × 1080 */
  };
  static const guint8 cut_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F' };
  RapportImageHeader header;
  g_autofree char *problem = NULL;
  gsize size;
  const guint8 *data;

  data = g_bytes_get_data (png, &size);
  g_assert_true (rapport_image_read_header (data, size, &header, NULL));
  g_assert_cmpint (header.format, ==, RAPPORT_IMAGE_PNG);
  g_assert_cmpuint (header.width, ==, 300);
  g_assert_cmpuint (header.height, ==, 200);

  data = g_bytes_get_data (jpeg, &size);
  g_assert_true (rapport_image_read_header (data, size, &header, NULL));
  g_assert_cmpint (header.format, ==, RAPPORT_IMAGE_JPEG);
  g_assert_cmpuint (header.width, ==, 64);
  g_assert_cmpuint (header.height, ==, 48);

  data = g_bytes_get_data (huge, &size);
  g_assert_true (rapport_image_read_header (data, size, &header, NULL));
  g_assert_cmpuint (header.width, ==, 100000);
  g_assert_cmpuint (header.height, ==, 100000);

  g_assert_true (rapport_image_read_header (vp8, sizeof vp8, &header, NULL));
  g_assert_cmpint (header.format, ==, RAPPORT_IMAGE_WEBP);
  g_assert_cmpuint (header.width, ==, 320);
  g_assert_cmpuint (header.height, ==, 240);
  g_assert_true (rapport_image_read_header (vp8l, sizeof vp8l, &header, NULL));
  g_assert_cmpuint (header.width, ==, 100);
  g_assert_cmpuint (header.height, ==, 200);
  g_assert_true (rapport_image_read_header (vp8x, sizeof vp8x, &header, NULL));
  g_assert_cmpuint (header.width, ==, 1920);
  g_assert_cmpuint (header.height, ==, 1080);

  g_assert_false (rapport_image_read_header ((const guint8 *) "GIF89a\1\0\1\0", 10, &header,
                                             &problem));
  g_assert_cmpstr (problem, ==, "not a JPEG, PNG or WebP picture");
  g_clear_pointer (&problem, g_free);
  g_assert_false (rapport_image_read_header (cut_jpeg, sizeof cut_jpeg, &header, &problem));
  g_assert_cmpstr (problem, ==, "the picture's header is broken or cut short");
  g_clear_pointer (&problem, g_free);
  g_assert_false (rapport_image_read_header (NULL, 0, &header, &problem));
  g_assert_cmpstr (problem, ==, "not a JPEG, PNG or WebP picture");

  g_assert_true (rapport_image_name_is_picture ("media/posts/202401/1.JPG"));
  g_assert_true (rapport_image_name_is_picture ("a.webp"));
  g_assert_false (rapport_image_name_is_picture ("media/reels/1.mp4"));
  g_assert_false (rapport_image_name_is_picture (NULL));
}

static void
test_thumbnail (void)
{
  g_autoptr(GBytes) jpeg = encode_picture (640, 480, "jpeg");
  g_autoptr(GBytes) png = encode_picture (100, 400, "png");
  g_autoptr(GBytes) huge = huge_png ();
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(RapportThumbnail) thumbnail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *garbage = NULL;
  gsize size;

  thumbnail = rapport_thumbnail_new (jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (thumbnail->mime_type, ==, "image/jpeg");
  g_assert_cmpuint (thumbnail->width, ==, 160);
  g_assert_cmpuint (thumbnail->height, ==, 120);
  /* A few KB at most. */
  g_assert_cmpuint (g_bytes_get_size (thumbnail->data), <, 8 * 1024);
  g_clear_pointer (&thumbnail, rapport_thumbnail_free);

  /* Transparency stays, as PNG; the longer side is the one fitted. */
  thumbnail = rapport_thumbnail_new (png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (thumbnail->mime_type, ==, "image/png");
  g_assert_cmpuint (thumbnail->width, ==, 40);
  g_assert_cmpuint (thumbnail->height, ==, 160);
  g_clear_pointer (&thumbnail, rapport_thumbnail_free);

  g_assert_null (rapport_thumbnail_new (huge, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "a picture of 100000 × 100000 pixels, larger than Rapport reads");
  g_clear_error (&error);

  /* A JPEG header that promises a picture, and noise after it. */
  size = g_bytes_get_size (jpeg);
  garbage = g_memdup2 (g_bytes_get_data (jpeg, NULL), size);
  for (gsize i = size / 3; i < size; i++)
    garbage[i] = (guint8) (i * 7);
  broken = g_bytes_new (garbage, size);
  thumbnail = rapport_thumbnail_new (broken, &error);
  /* libjpeg makes something of most noise; what it cannot is refused, never a crash. */
  if (thumbnail == NULL)
    {
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "the picture cannot be decoded"));
    }
  else
    g_assert_cmpuint (thumbnail->width, ==, 160);
}

static const char instagram_posts[] =
  "[{\"media\": [{\"uri\": \"media/posts/202401/17900000000000001.jpg\","
  "  \"creation_timestamp\": 1704100000, \"title\": \"Sunrise\"}]},"
  " {\"title\": \"Carousel\", \"creation_timestamp\": 1704200000, \"media\": ["
  "  {\"uri\": \"media/posts/202401/17900000000000002.mp4\", \"creation_timestamp\": 1704200000},"
  "  {\"uri\": \"media/posts/202401/17900000000000003.png\", \"creation_timestamp\": 1704200000}"
  " ]},"
  " {\"media\": [{\"uri\": \"media/posts/202401/17900000000000004.jpg\","
  "  \"creation_timestamp\": 1704300000, \"title\": \"Broken\"}]},"
  " {\"media\": [{\"uri\": \"media/posts/202401/17900000000000005.mp4\","
  "  \"creation_timestamp\": 1704400000, \"title\": \"A video\"}]}]";

/* An Instagram export in @dir: four posts, of which the first has a JPEG, the second (a
 * carousel) a video and then a PNG, the third a picture that is no picture and the fourth a
 * video only; with @pictures FALSE, the same export without its media folder. */
static void
write_instagram (const char *dir,
                 gboolean    pictures)
{
  write_text (dir, "personal_information/personal_information/personal_information.json",
              "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.doe\"}}}]}");
  write_text (dir, "your_instagram_activity/media/posts_1.json", instagram_posts);
  if (pictures)
    {
      g_autoptr(GBytes) jpeg = encode_picture (1080, 1350, "jpeg");
      g_autoptr(GBytes) png = encode_picture (200, 100, "png");

      write_bytes (dir, "media/posts/202401/17900000000000001.jpg", jpeg);
      write_bytes (dir, "media/posts/202401/17900000000000003.png", png);
      write_text (dir, "media/posts/202401/17900000000000004.jpg", "<html>not found</html>");
      write_text (dir, "media/posts/202401/17900000000000005.mp4", "not read");
    }
}

/* The thumbnail of @account_id's post @platform_id, or NULL. */
static GBytes *
post_thumbnail (RapportStore *store,
                gint64        account_id,
                const char   *platform_id,
                char        **mime_type)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, platform_id))
        {
          GBytes *data = rapport_store_get_post_thumbnail (store, post->id, mime_type, &error);

          g_assert_no_error (error);
          return data;
        }
    }
  g_assert_not_reached ();
}

static void
assert_picture (GBytes *data,
                int     width,
                int     height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_assert_nonnull (data);
  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, data, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
test_instagram (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *export = g_build_filename (dir, "instagram-jo.doe-2024-02-01", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) carousel = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autofree char *mime_type = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportSummary summary = { 0 };
  gint64 account_id;

  write_instagram (export, TRUE);
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, export, &summary, NULL, &error));
  g_assert_no_error (error);
  account_id = summary.account_id;
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 4);
  /* The file that is no picture is the one record skipped, and says why. */
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 1);
  g_assert_cmpstr (summary.first_skip, ==, "media/posts/202401/17900000000000004.jpg: "
                                           "not a JPEG, PNG or WebP picture");
  rapport_import_summary_clear (&summary);
  g_clear_object (&store);

  /* The thumbnails outlive the export. */
  rapport_test_remove_tree (export);
  g_assert_false (g_file_test (export, G_FILE_TEST_EXISTS));
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  first = post_thumbnail (store, account_id, "1704100000", &mime_type);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  assert_picture (first, 128, 160);
  g_clear_pointer (&mime_type, g_free);
  /* The carousel's first picture, after its video. */
  carousel = post_thumbnail (store, account_id, "1704200000", &mime_type);
  g_assert_cmpstr (mime_type, ==, "image/png");
  assert_picture (carousel, 160, 80);
  none = post_thumbnail (store, account_id, "1704400000", NULL);
  g_assert_null (none);
  g_clear_pointer (&none, g_bytes_unref);
  none = post_thumbnail (store, account_id, "1704300000", NULL);
  g_assert_null (none);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* The same export without its media folder imports as before, without a skip. */
static void
test_instagram_without_media (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *export = g_build_filename (dir, "instagram-jo.doe-2024-02-01", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportSummary summary = { 0 };

  write_instagram (export, FALSE);
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, export, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 4);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 0);
  none = post_thumbnail (store, summary.account_id, "1704100000", NULL);
  g_assert_null (none);

  rapport_import_summary_clear (&summary);
  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

static const char tweets_js[] =
  "window.YTD.tweets.part0 = [\n"
  " {\"tweet\": {\"id_str\": \"1800000000000000001\", \"created_at\": "
  "\"Sat Nov 09 12:14:18 +0000 2024\", \"full_text\": \"A photo\", \"favorite_count\": \"5\","
  " \"retweet_count\": \"1\", \"extended_entities\": {\"media\": [{\"type\": \"photo\"}]}}},\n"
  " {\"tweet\": {\"id_str\": \"1800000000000000002\", \"created_at\": "
  "\"Sun Nov 10 12:14:18 +0000 2024\", \"full_text\": \"Huge\", \"favorite_count\": \"2\","
  " \"retweet_count\": \"0\", \"extended_entities\": {\"media\": [{\"type\": \"photo\"}]}}},\n"
  " {\"tweet\": {\"id_str\": \"1800000000000000003\", \"created_at\": "
  "\"Mon Nov 11 12:14:18 +0000 2024\", \"full_text\": \"Words only\", \"favorite_count\": \"1\","
  " \"retweet_count\": \"0\"}}\n"
  "]\n";

static void
test_twitter (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *export = g_build_filename (dir, "twitter-2024-11-12", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr(GBytes) jpeg = encode_picture (1200, 675, "jpeg");
  g_autoptr(GBytes) second = encode_picture (20, 20, "jpeg");
  g_autoptr(GBytes) huge = huge_png ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportSummary summary = { 0 };

  write_text (export, "data/account.js",
              "window.YTD.account.part0 = [{\"account\": {\"username\": \"JoDoe\","
              " \"accountId\": \"1187654321\", \"accountDisplayName\": \"Jo Doe\"}}]");
  write_text (export, "data/tweets.js", tweets_js);
  /* Two pictures of the first post: the first in natural order is kept. */
  write_bytes (export, "data/tweets_media/1800000000000000001-AbCdEf.jpg", jpeg);
  write_bytes (export, "data/tweets_media/1800000000000000001-ZyXwVu.jpg", second);
  write_bytes (export, "data/tweets_media/1800000000000000002-Huge00.png", huge);
  write_text (export, "data/tweets_media/1800000000000000003-Clip00.mp4", "not read");

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, export, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 1);
  /* The archive's entries lose the data/ folder that all of them share. */
  g_assert_cmpstr (summary.first_skip, ==,
                   "tweets_media/1800000000000000002-Huge00.png: a picture of 100000 × "
                   "100000 pixels, larger than Rapport reads");

  photo = post_thumbnail (store, summary.account_id, "1800000000000000001", NULL);
  assert_picture (photo, 160, 90);
  none = post_thumbnail (store, summary.account_id, "1800000000000000002", NULL);
  g_assert_null (none);
  g_clear_pointer (&none, g_bytes_unref);
  none = post_thumbnail (store, summary.account_id, "1800000000000000003", NULL);
  g_assert_null (none);

  rapport_import_summary_clear (&summary);
  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/thumbnails/header", test_header);
  g_test_add_func ("/thumbnails/thumbnail", test_thumbnail);
  g_test_add_func ("/thumbnails/instagram", test_instagram);
  g_test_add_func ("/thumbnails/instagram-without-media", test_instagram_without_media);
  g_test_add_func ("/thumbnails/twitter", test_twitter);

  return g_test_run ();
}
