/* test-tiktok.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/tiktok/; the Unix
 * times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "import/rapport-import-error.h"
#include "import/rapport-tiktok-importer.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

static RapportArchive *
open_fixture (const char *first_element,
              ...)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  RapportArchive *archive;
  const char *element;
  va_list args;

  g_ptr_array_add (elements, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (elements, (gpointer) "fixtures");
  g_ptr_array_add (elements, (gpointer) "tiktok");
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (elements, (gpointer) element);
  va_end (args);
  g_ptr_array_add (elements, NULL);

  path = g_build_filenamev ((char **) elements->pdata);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (archive);
  return archive;
}

static RapportTestSink *
import_ok (RapportArchive *archive)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_tiktok_recognizes (archive));
  g_assert_true (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_TIKTOK);
  return g_steal_pointer (&sink);
}

static void
assert_relation (RapportTestSink  *sink,
                 RapportDirection  direction,
                 const char       *handle,
                 gint64            since)
{
  const RapportRelation *relation = rapport_test_sink_find_relation (sink, direction, handle);

  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->handle, ==, handle);
  g_assert_null (relation->platform_id);
  g_assert_cmpint (relation->direction, ==, direction);
  g_assert_cmpint (relation->since, ==, since);
}

/* Compares the whole hashtag list, in order; NULL and an empty list both mean none. */
static void
assert_hashtags (const RapportPost  *post,
                 const char * const *expected)
{
  guint n = post->hashtags != NULL ? g_strv_length ((char **) post->hashtags) : 0;

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (post->hashtags[i], ==, expected[i]);
}

static const RapportPost *
assert_video (RapportTestSink *sink,
              const char      *platform_id,
              gint64           created_at,
              gint64           likes,
              const char      *text,
              const char      *url)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, platform_id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_VIDEO);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpstr (post->text, ==, text);
  g_assert_cmpstr (post->url, ==, url);
  /* TikTok exports give likes only. */
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_null (post->mentions);
  return post;
}

static void
assert_comment (RapportTestSink *sink,
                guint            index,
                gint64           at,
                const char      *text)
{
  const RapportInteraction *interaction;

  g_assert_cmpuint (index, <, sink->interactions->len);
  interaction = g_ptr_array_index (sink->interactions, index);
  g_assert_cmpint (interaction->kind, ==, RAPPORT_INTERACTION_COMMENT);
  g_assert_null (interaction->target_handle);
  g_assert_cmpint (interaction->at, ==, at);
  g_assert_cmpstr (interaction->text, ==, text);
}

static void
assert_follower_count (RapportTestSink *sink,
                       gint64           at,
                       gint64           count)
{
  const RapportFollowerCount *point;

  g_assert_cmpuint (sink->counts->len, ==, 1);
  point = &g_array_index (sink->counts, RapportFollowerCount, 0);
  g_assert_cmpint (point->at, ==, at);
  g_assert_cmpint (point->count, ==, count);
  g_assert_cmpint (point->source, ==, RAPPORT_COUNT_SOURCE_PROFILE);
}

static void
assert_skipped (RapportTestSink    *sink,
                const char * const *expected)
{
  g_assert_cmpuint (sink->skipped->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < sink->skipped->len; i++)
    g_assert_cmpstr (g_ptr_array_index (sink->skipped, i), ==, expected[i]);
}

/* The ≤2024 layout, opened as an unpacked folder. */
static void
test_old_schema (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("old", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;
  const char * const cat_tags[] = { "cats", "funny", NULL };
  const char * const no_tags[] = { NULL };
  const char * const one_tag[] = { "cats", NULL };
  const char * const skipped[] = {
    "user_data.json: follower 4 has no user name",
    NULL
  };

  g_assert_cmpstr (sink->handle, ==, "jocats");
  g_assert_cmpstr (sink->display_name, ==, "Jo Cats");
  g_assert_null (sink->platform_id);

  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 4);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "alice", 1673769600); /* 2023-01-15 08:00:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "bob", 1688169599);   /* 2023-06-30 23:59:59 */
  /* A date that cannot be read leaves the follower in, with an unknown start. */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "carol", 0);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "dave", 1709251200);  /* 2024-03-01 00:00:00 */

  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "erin", 1672482030);  /* 2022-12-31 10:20:30 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "frank", 1688443506); /* 2023-07-04 04:05:06 */

  g_assert_cmpuint (sink->posts->len, ==, 3);
  post = assert_video (sink, "7300000000000000001", 1682935200, 12, "My cat #Cats #funny",
                       "https://www.tiktokv.com/share/video/7300000000000000001/");
  assert_hashtags (post, cat_tags);
  post = assert_video (sink, "7300000000000000002", 1683025200, 1024, NULL,
                       "https://www.tiktokv.com/share/video/7300000000000000002/");
  assert_hashtags (post, no_tags);
  /* Without a link the creation time (2023-05-03 12:00:00) is the id. */
  post = assert_video (sink, "1683115200", 1683115200, 0, "No link #cats", NULL);
  assert_hashtags (post, one_tag);

  g_assert_cmpuint (sink->interactions->len, ==, 2);
  assert_comment (sink, 0, 1704877200, "Great #tips, thanks!"); /* 2024-01-10 09:00:00 */
  assert_comment (sink, 1, 1704969000, "So true");              /* 2024-01-11 10:30:00 */

  /* The newest date is in the watch history: 2024-04-02 18:45:00. */
  g_assert_cmpint (sink->exported_at, ==, 1712083500);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1712083500, 1234);

  assert_skipped (sink, skipped);
}

/* The 2025 layout, opened as the bare file: lower-case keys, a null list, "None" likes. */
static void
test_new_schema (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("new", "user_data_tiktok.json", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;
  const char * const morning_tags[] = { "morning", "routine", NULL };
  const char * const no_tags[] = { NULL };
  const char * const skipped[] = {
    "user_data_tiktok.json: comment 2 has no text",
    NULL
  };

  g_assert_cmpstr (sink->handle, ==, "jo.new");
  g_assert_cmpstr (sink->display_name, ==, "Jo New");

  /* "FansList": null is an empty list, not a missing one. */
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 0);

  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "gina", 1738368001); /* 2025-02-01 00:00:01 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "Hank", 1742049000); /* 2025-03-15 14:30:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "ivy", 1743487200);  /* 2025-04-01 06:00:00 */

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = assert_video (sink, "7400000000000000001", 1746421505, 40,
                       "Morning routine #Morning #routine #morning",
                       "https://www.tiktokv.com/share/video/7400000000000000001/");
  assert_hashtags (post, morning_tags);
  post = assert_video (sink, "7400000000000000002", 1746511566, 0, NULL,
                       "https://www.tiktok.com/@jo/video/7400000000000000002?lang=en");
  assert_hashtags (post, no_tags);

  g_assert_cmpuint (sink->interactions->len, ==, 2);
  assert_comment (sink, 0, 1748779200, "first!"); /* 2025-06-01 12:00:00 */
  assert_comment (sink, 1, 0, "undated");

  /* The skipped comment's date still tells when the export was made: 2025-06-02 12:00:00. */
  g_assert_cmpint (sink->exported_at, ==, 1748865600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1748865600, 0);

  assert_skipped (sink, skipped);
}

/* Keys in every case, string counts, "None", "N/A" links and damaged video rows. */
static void
test_quirks (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("quirks", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;
  const char * const no_tags[] = { NULL };
  const char * const dance_tags[] = { "dance", NULL };
  const char * const skipped[] = {
    "user_data.json: video 3 has no readable date (“yesterday”)",
    "user_data.json: video 4 is not a record",
    NULL
  };

  g_assert_cmpstr (sink->handle, ==, "kim.dances");
  g_assert_null (sink->display_name);

  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "kim", 1614834367); /* 2021-03-04 05:06:07 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "lee", 1614902400); /* 2021-03-05 */

  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  post = assert_video (sink, "6900000000000000001", 1617271200, 0, NULL,
                       "https://www.tiktokv.com/share/video/6900000000000000001/");
  assert_hashtags (post, no_tags);
  /* "2.5K" likes; the link "N/A" gives no id, so the creation time (2021-04-02 10:00:00) is one. */
  post = assert_video (sink, "1617357600", 1617357600, 2500, "#Dance time", NULL);
  assert_hashtags (post, dance_tags);

  g_assert_cmpuint (sink->interactions->len, ==, 0);

  g_assert_cmpint (sink->exported_at, ==, 1617357600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  /* "12,345" as a string. */
  assert_follower_count (sink, 1617357600, 12345);

  assert_skipped (sink, skipped);
}

static char *
read_fixture (const char *folder,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_zip (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tiktok.zip", NULL);
  g_autofree char *contents = read_fixture ("new", "user_data_tiktok.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  rapport_test_write_archive (path, "zip", "user_data_tiktok.json", contents, NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  sink = import_ok (archive);
  g_assert_cmpstr (sink->handle, ==, "jo.new");
  g_assert_cmpuint (sink->following->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "ivy", 1743487200);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_cmpint (sink->exported_at, ==, 1748865600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

static void
test_not_tiktok (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "twitter.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();

  rapport_test_write_archive (path, "zip", "data/tweets.js", "window.YTD.tweets.part0 = []", NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (rapport_tiktok_recognizes (archive));
  g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_nonnull (strstr (error->message, "twitter.zip"));
  g_assert_cmpuint (sink->n_set_account, ==, 0);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

#define PROFILE_ONLY \
  "{\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jo\", \"followerCount\": 7}}}}"

/* Without any date inside, the archive's name tells the date, and failing that its mtime. */
static void
test_date_fallbacks (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *zip_path = g_build_filename (dir, "tiktok-jo-2024-01-15.zip", NULL);
  g_autofree char *file_path = g_build_filename (dir, "user_data_tiktok.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  rapport_test_write_archive (zip_path, "zip", "export/user_data.json", PROFILE_ONLY, NULL);
  archive = rapport_archive_open (zip_path, &error);
  g_assert_no_error (error);
  sink = import_ok (archive);
  g_assert_cmpstr (sink->handle, ==, "jo");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpint (sink->exported_at, ==, 1705276800); /* 2024-01-15 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  assert_follower_count (sink, 1705276800, 7);
  g_clear_object (&archive);
  g_clear_pointer (&sink, rapport_test_sink_free);

  g_file_set_contents (file_path, PROFILE_ONLY, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (file_path);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1600000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  archive = rapport_archive_open (file_path, &error);
  g_assert_no_error (error);
  sink = import_ok (archive);
  g_assert_cmpint (sink->exported_at, ==, 1600000000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_FILE_TIME);
  assert_follower_count (sink, 1600000000, 7);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

static void
assert_import_fails (const char *contents,
                     gint        code,
                     const char *message_part)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "user_data.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_tiktok_recognizes (archive));
  g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "user_data.json: "));
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (sink->n_set_account, ==, 0);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  assert_import_fails ("{\"Profile\": {\"Profile Info\":\n", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "not valid JSON (line 2: ");
  assert_import_fails ("[{\"UserName\": \"jo\"}]", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "not a TikTok export");
  assert_import_fails ("\"user_data\"", RAPPORT_IMPORT_ERROR_MALFORMED,
                       "not a TikTok export");
  assert_import_fails ("{\"App Settings\": {}, \"Profile\": {\"Bio\": {}}}",
                       RAPPORT_IMPORT_ERROR_UNRECOGNIZED, "none of the parts of a TikTok export");
}

static void
test_cancelled (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("old", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rapport_tiktok_import (archive, &sink->parent, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (sink->followers->len, ==, 0);
}

/* A sink that refuses a record stops the import with its own error. */
static void
test_sink_failure (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("old", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  sink->fail_after = 2;
  g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_cmpuint (sink->following->len, ==, 0);
  g_assert_cmpuint (sink->posts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tiktok/old-schema", test_old_schema);
  g_test_add_func ("/tiktok/new-schema", test_new_schema);
  g_test_add_func ("/tiktok/quirks", test_quirks);
  g_test_add_func ("/tiktok/zip", test_zip);
  g_test_add_func ("/tiktok/not-tiktok", test_not_tiktok);
  g_test_add_func ("/tiktok/date-fallbacks", test_date_fallbacks);
  g_test_add_func ("/tiktok/bad-input", test_bad_input);
  g_test_add_func ("/tiktok/cancelled", test_cancelled);
  g_test_add_func ("/tiktok/sink-failure", test_sink_failure);

  return g_test_run ();
}
