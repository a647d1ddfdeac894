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
#include <glib/gstdio.h>

#include "analysis/rapport-audience.h"
#include "core/rapport-import-error.h"
#include "session/rapport-import-job.h"
#include "import/rapport-tiktok-importer.h"
#include "store/rapport-store.h"
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
                       RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                       "nothing in it describes the account (no profile, followers, following "
                       "or videos); it holds App Settings, Profile (Bio)");
  assert_import_fails ("{}", RAPPORT_IMPORT_ERROR_UNRECOGNIZED, "; it holds nothing");
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

/* Lists longer than 64 KiB are read in batches rather than with the rest of the document; the
 * lists below are made long enough for that.  Row i of a generated list is
 * {"Date": <2024-01-01 00:00:00 plus i minutes>, "UserName": "<prefix><i>"}, on a line of its own. */
static GPtrArray *
make_rows (const char *prefix,
           guint       n_rows)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (rows, g_strdup_printf ("{\"Date\": \"2024-01-%02u %02u:%02u:00\", \"UserName\": \"%s%u\"}",
                                            1 + i / 1440, (i / 60) % 24, i % 60, prefix, i));
  return rows;
}

static void
set_row (GPtrArray  *rows,
         guint       index,
         const char *row)
{
  g_free (g_ptr_array_index (rows, index));
  g_ptr_array_index (rows, index) = g_strdup (row);
}

/* "[", then each row on a line of its own, then "]" on a line of its own. */
static char *
join_rows (GPtrArray *rows)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (json, "%s\n%s", i > 0 ? "," : "", (const char *) g_ptr_array_index (rows, i));
  g_string_append (json, "\n]");
  return g_string_free (json, FALSE);
}

static RapportArchive *
write_export (const char *dir,
              const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RapportArchive *archive;

  if (g_str_has_suffix (name, ".zip"))
    rapport_test_write_archive (path, "zip", "user_data_tiktok.json", contents, NULL);
  else
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  return archive;
}

/* The 2025 layout with long follower and following lists, the profile after them: the lists
 * must be read in batches before the account is known to the sink. */
static char *
long_lists_export (void)
{
  g_autoptr(GPtrArray) fans = make_rows ("fan", 3000);
  g_autoptr(GPtrArray) pals = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fans_json = NULL;
  g_autofree char *pals_json = NULL;

  set_row (fans, 1000, "{\"Date\": \"2024-01-01 16:40:00\"}");
  set_row (fans, 2000, "{\"Date\": \"2024-01-02 09:20:00\", \"UserName\": \"@Fan2000\"}");
  set_row (fans, 2500, "{\"Date\": \"soon\", \"UserName\": \"fan2500\"}");
  set_row (fans, 2600, "\"junk\"");
  /* The newest date of the export hides in a row of the long list. */
  set_row (fans, 2999, "{\"Date\": \"2024-01-03 01:59:00\", \"UserName\": \"fan2999\","
                       " \"Extra\": {\"Date\": \"2024-02-01 00:00:00\"}}");
  fans_json = join_rows (fans);

  /* Older exports write the keys in lower case. */
  for (guint i = 0; i < 1500; i++)
    g_ptr_array_add (pals, g_strdup_printf ("{\"date\": \"2023-06-%02u 12:00:00\", \"username\": \"pal%u\"}",
                                            1 + i % 30, i));
  pals_json = join_rows (pals);

  return g_strdup_printf ("{\"Your Activity\": {\"Follower\": {\"FansList\": %s},\n"
                          "\"Following\": {\"Following\": %s}},\n"
                          "\"Profile\": {\"Profile Info\": {\"ProfileMap\": "
                          "{\"userName\": \"jo.long\", \"followerCount\": 3000}}}}\n",
                          fans_json, pals_json);
}

static void
assert_long_lists (RapportTestSink *sink)
{
  const char * const skipped[] = {
    "user_data_tiktok.json: follower 1001 has no user name",
    "user_data_tiktok.json: follower 2601 has no user name",
    NULL
  };

  g_assert_cmpstr (sink->handle, ==, "jo.long");
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 2998);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan0", 1704067200);    /* 2024-01-01 00:00:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan1439", 1704153540); /* 2024-01-01 23:59:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan1440", 1704153600); /* 2024-01-02 00:00:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "Fan2000", 1704187200); /* 2024-01-02 09:20:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan2500", 0);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan2999", 1704247140); /* 2024-01-03 01:59:00 */
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan1000"));
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "fan2600"));
  /* The sink sees the rows in the order of the file. */
  g_assert_cmpstr (((RapportRelation *) g_ptr_array_index (sink->followers, 0))->handle, ==, "fan0");
  g_assert_cmpstr (((RapportRelation *) g_ptr_array_index (sink->followers, 1999))->handle, ==, "Fan2000");
  g_assert_cmpstr (((RapportRelation *) g_ptr_array_index (sink->followers, 2997))->handle, ==, "fan2999");

  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 1500);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "pal0", 1685620800);    /* 2023-06-01 12:00:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "pal1499", 1688126400); /* 2023-06-30 12:00:00 */

  /* 2024-02-01 00:00:00, from inside follower 3000. */
  g_assert_cmpint (sink->exported_at, ==, 1706745600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1706745600, 3000);
  assert_skipped (sink, skipped);
}

/* The same long export from a folder (mapped, its pages handed back as they are read) and from
 * a zip (unpacked into memory). */
static void
test_long_lists (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *json = long_lists_export ();
  const char *names[] = { "user_data_tiktok.json", "tiktok.zip" };

  g_assert_cmpuint (strlen (json), >, 3 * (64 << 10));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RapportArchive) archive = write_export (dir, names[i], json);
      g_autoptr(RapportTestSink) sink = import_ok (archive);

      assert_long_lists (sink);
    }

  rapport_test_remove_tree (dir);
}

/* Both generations' names in one file, in an unusual order: the new one is read, but the old
 * one's dates count for the export date, as those of every other list. */
static void
test_long_lists_both_generations (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(GPtrArray) old_fans = make_rows ("old", 2000);
  g_autoptr(GPtrArray) new_fans = make_rows ("new", 2000);
  g_autoptr(GPtrArray) history = make_rows ("watched", 2000);
  g_autoptr(GPtrArray) hidden = make_rows ("hidden", 2000);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *history_json = NULL;
  g_autofree char *hidden_json = NULL;
  g_autofree char *json = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  set_row (old_fans, 5, "{\"Date\": \"2024-03-01 00:00:00\", \"UserName\": \"old5\"}");
  set_row (history, 1999, "{\"Date\": \"2024-05-01 00:00:00\", \"Link\": \"x\"}");
  /* A repeated name: only the last of the two counts, so this date does not. */
  set_row (hidden, 7, "{\"Date\": \"2024-09-01 00:00:00\", \"Link\": \"x\"}");
  old_json = join_rows (old_fans);
  new_json = join_rows (new_fans);
  history_json = join_rows (history);
  hidden_json = join_rows (hidden);

  json = g_strdup_printf ("{\"profile\": {\"profile info\": {\"profilemap\": {\"username\": \"both\"}}},\n"
                          "\"Activity\": {\"Follower List\": {\"FansList\": %s},\n"
                          "  \"Watch History\": {\"VideoList\": %s},\n"
                          "  \"Watch History\": {\"VideoList\": []}},\n"
                          "\"Your Activity\": {\"Follower\": {\"fanslist\": %s},\n"
                          "  \"Watch History\": {\"VideoList\": %s}}}\n",
                          old_json, hidden_json, new_json, history_json);
  archive = write_export (dir, "user_data_tiktok.json", json);
  sink = import_ok (archive);

  g_assert_cmpstr (sink->handle, ==, "both");
  g_assert_cmpuint (sink->followers->len, ==, 2000);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "new5", 1704067500); /* 2024-01-01 00:05:00 */
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "old5"));
  g_assert_false (sink->has_following_list);
  /* 2024-05-01 00:00:00 from the watch history, newer than the old list's 2024-03-01. */
  g_assert_cmpint (sink->exported_at, ==, 1714521600);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  /* Without the watch history the old list's date is the newest. */
  g_clear_object (&archive);
  g_clear_pointer (&sink, rapport_test_sink_free);
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf ("{\"Your Activity\": {\"Follower\": {\"FansList\": %s}},\n"
                          "\"Activity\": {\"Follower List\": {\"FansList\": %s}}}\n",
                          new_json, old_json);
  archive = write_export (dir, "user_data_tiktok.json", json);
  sink = import_ok (archive);
  g_assert_cmpuint (sink->followers->len, ==, 2000);
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "new1999"));
  g_assert_cmpint (sink->exported_at, ==, 1709251200); /* 2024-03-01 00:00:00 */

  rapport_test_remove_tree (dir);
}

/* An export of one long follower list whose row @index is replaced by @row. */
static char *
followers_export (guint       n_rows,
                  guint       index,
                  const char *row)
{
  g_autoptr(GPtrArray) fans = make_rows ("fan", n_rows);
  g_autofree char *fans_json = NULL;

  if (row != NULL)
    set_row (fans, index, row);
  fans_json = join_rows (fans);
  /* Row i is on line i + 2; the account is the one of fixtures/tiktok/old. */
  return g_strdup_printf ("{\"Your Activity\": {\"Follower\": {\"FansList\": %s}},\n"
                          "\"Profile\": {\"Profile Info\": {\"ProfileMap\": {\"userName\": \"jocats\"}}}}\n",
                          fans_json);
}

static void
test_long_list_errors (void)
{
  g_autofree char *json = NULL;
  char *cut;

  /* Cut off inside row 1235: nothing reaches the sink. */
  json = followers_export (3000, 0, NULL);
  cut = strstr (json, "\"fan1234\"");
  g_assert_nonnull (cut);
  cut[3] = '\0';
  assert_import_fails (json, RAPPORT_IMPORT_ERROR_MALFORMED,
                       "user_data.json: not valid JSON (line 1236: an unexpected end)");
  g_clear_pointer (&json, g_free);

  /* Brackets that do not match, and rows without a comma between them, are found before the
   * import starts too. */
  json = followers_export (3000, 1700, "{\"Date\": \"2024-01-02 04:20:00\", \"UserName\": [\"fan1700\"}");
  assert_import_fails (json, RAPPORT_IMPORT_ERROR_MALFORMED,
                       "user_data.json: not valid JSON (line 1702: mismatched brackets)");
  g_clear_pointer (&json, g_free);
  json = followers_export (3000, 2100, "{\"Date\": \"2024-01-02 11:00:00\"} {\"UserName\": \"fan2100\"}");
  assert_import_fails (json, RAPPORT_IMPORT_ERROR_MALFORMED,
                       "user_data.json: not valid JSON (line 2102: a missing “,” or “]”)");
  g_clear_pointer (&json, g_free);

  /* In a short list the same is found while the document is read. */
  json = followers_export (3, 1, "{\"Date\": \"2024-01-01 00:01:00\", \"UserName\": tru}");
  assert_import_fails (json, RAPPORT_IMPORT_ERROR_MALFORMED,
                       "user_data.json: not valid JSON (line 3: an unexpected character)");
}

/* A row of a long list that is no JSON is found while the list is imported: the account is
 * known to the sink by then, and the error names the row and its line. */
static void
test_long_list_bad_row (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *json = followers_export (12000, 11000,
                                            "{\"Date\": \"2024-01-08 15:20:00\", \"UserName\": tru}");
  g_autoptr(RapportArchive) archive = write_export (dir, "user_data.json", json);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "user_data.json: item 11001 is not valid JSON (line 11002: an unexpected character)");
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpuint (sink->followers->len, <, 11000);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

/* Into the real store: a long list that breaks half-way leaves the database as it was. */
static void
test_long_list_changes_nothing (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "old", NULL);
  g_autofree char *bad_dir = g_build_filename (dir, "broken", NULL);
  g_autofree char *bad = g_build_filename (bad_dir, "user_data.json", NULL);
  g_autofree char *json = followers_export (12000, 11000,
                                            "{\"Date\": \"2024-01-08 15:20:00\", \"UserName\": fan11000}");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_auto(RapportImportSummary) ignored = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, good, &summary, NULL, &error));
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  /* Two follower counts: the profile's 1234 and the list's 4. */
  g_assert_cmpstr (before, ==, "account=1 snapshot=1 follow_span=6 post=3 post_counts=3 "
                   "post_tag=3 follower_count=2 follower_gain=0 interaction=2 ");

  /* Row 11001's name lacks its quotes: an element that is not JSON, met after thousands of rows
   * went to the store. */
  g_assert_cmpint (g_mkdir (bad_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, json, -1, NULL));
  g_assert_false (rapport_import_path (store, bad_dir, &ignored, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "user_data.json: item 11001 is not valid JSON (line 11002: an unexpected character)");

  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

typedef struct
{
  GArray *reported;           /* guint64, the follower list's progress */
  GCancellable *cancel_at_10000;
} Progress;

static Progress progress;

static void
record_progress (RapportImportSink *sink,
                 const char        *entry_name,
                 guint64            records_read)
{
  g_array_append_val (progress.reported, records_read);
  if (records_read == 10000 && progress.cancel_at_10000 != NULL)
    g_cancellable_cancel (progress.cancel_at_10000);
}

/* Progress every 10,000 rows of a long list; a cancel stops the list right there. */
static void
test_long_list_progress (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *json = followers_export (25000, 0, NULL);
  g_autoptr(RapportArchive) archive = write_export (dir, "user_data.json", json);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  progress.reported = g_array_new (FALSE, FALSE, sizeof (guint64));

  {
    g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
    g_autoptr(GError) error = NULL;

    sink->parent.progress = record_progress;
    g_assert_true (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sink->followers->len, ==, 25000);
    g_assert_cmpuint (progress.reported->len, ==, 3);
    g_assert_cmpuint (g_array_index (progress.reported, guint64, 0), ==, 10000);
    g_assert_cmpuint (g_array_index (progress.reported, guint64, 1), ==, 20000);
    g_assert_cmpuint (g_array_index (progress.reported, guint64, 2), ==, 25000);
    /* 2024-01-18 08:39:00, follower 25000's date. */
    g_assert_cmpint (sink->exported_at, ==, 1705567140);
  }

  {
    g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
    g_autoptr(GError) error = NULL;

    g_array_set_size (progress.reported, 0);
    progress.cancel_at_10000 = cancellable;
    sink->parent.progress = record_progress;
    g_assert_false (rapport_tiktok_import (archive, &sink->parent, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (sink->followers->len, ==, 10000);
    progress.cancel_at_10000 = NULL;
  }

  /* A sink that gives up half-way through a batch. */
  {
    g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
    g_autoptr(GError) error = NULL;

    sink->fail_after = 2500;
    g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_assert_cmpuint (sink->followers->len, ==, 2500);
  }

  g_clear_pointer (&progress.reported, g_array_unref);
  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

/* ── Real exports as people keep them ─────────────────────────────────────────────────────── */

/* The layout of 2026: follow lists, profile and block list under "Profile And Settings", likes
 * under "Likes and Favorites", the watch history renamed. */
static void
test_layout_2026 (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("layout-2026", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const RapportPost *post;
  const char * const snow_tags[] = { "snow", NULL };
  const char * const skipped[] = { NULL };

  g_assert_cmpstr (sink->handle, ==, "lumen.clips");
  g_assert_cmpstr (sink->display_name, ==, "Lumen Clips");
  g_assert_false (sink->provisional);

  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 3);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "otto", 1762070400);  /* 2025-11-02 08:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "pia", 1766601000);   /* 2025-12-24 18:30 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "quinn", 1767431700); /* 2026-01-03 09:15 */
  /* "Following": null is an empty list; the blocked account is nobody's follower. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "spam.bot"));

  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = assert_video (sink, "7500000000000000001", 1766232000, 3, "Winter light #snow",
                       "https://www.tiktokv.com/share/video/7500000000000000001/");
  assert_hashtags (post, snow_tags);
  g_assert_cmpuint (sink->interactions->len, ==, 1);
  assert_comment (sink, 0, 1767510000, "lovely"); /* 2026-01-04 07:00:00 */

  /* The watch history's 2026-01-06 21:45:00 is newer than the like of the 5th. */
  g_assert_cmpint (sink->exported_at, ==, 1767735900);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1767735900, 3);
  assert_skipped (sink, skipped);
}

/* "date" beside "Date", "link" beside "Link" in one file, and dates ending in " UTC". */
static void
test_mixed_case_and_zones (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("mixed-case", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const char * const skipped[] = { NULL };

  g_assert_cmpstr (sink->handle, ==, "mix.master");
  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "rosa", 1743501600); /* 2025-04-01 10:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "sami", 1743591600); /* 2025-04-02 11:00 */
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "tove", 1740970983);

  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_video (sink, "7450000000000000001", 1744275600, 7, "Upper #case",
                "https://www.tiktokv.com/share/video/7450000000000000001/");
  assert_video (sink, "7450000000000000002", 1744363800, 8, "lower #case",
                "https://www.tiktokv.com/share/video/7450000000000000002/");

  g_assert_cmpuint (sink->interactions->len, ==, 3);
  assert_comment (sink, 0, 1744459200, "zoned");     /* 2025-04-12 12:00:00 UTC */
  assert_comment (sink, 1, 1744549200, "zoned too"); /* 2025-04-13 13:00:00 UTC */
  assert_comment (sink, 2, 1744639200, "plain");     /* 2025-04-14 14:00:00 */

  g_assert_cmpint (sink->exported_at, ==, 1744639200);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1744639200, 2);
  assert_skipped (sink, skipped);
}

/* Empty lists written as {}, [] and null: each list is there, and empty. */
static void
test_empty_lists (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("empty-lists", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const char * const skipped[] = { NULL };

  g_assert_cmpstr (sink->handle, ==, "quiet.one");
  g_assert_false (sink->provisional);
  g_assert_true (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 0);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 0);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->interactions->len, ==, 0);

  /* 2026-02-01 08:00:00 UTC, from the watch history. */
  g_assert_cmpint (sink->exported_at, ==, 1769932800);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  assert_follower_count (sink, 1769932800, 0);
  assert_skipped (sink, skipped);
}

/* A user name "N/A" or null is a gone account: skipped with a reason, never a person "N/A". */
static void
test_missing_names (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("missing-names", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  const char * const skipped[] = {
    "user_data_tiktok.json: follower 2 has no user name",
    "user_data_tiktok.json: follower 3 has no user name",
    "user_data_tiktok.json: follower 4 has no user name",
    "user_data_tiktok.json: followed account 1 has no user name",
    NULL
  };

  g_assert_cmpstr (sink->handle, ==, "names.matter");
  g_assert_cmpuint (sink->followers->len, ==, 2);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "uma", 1746093600); /* 2025-05-01 10:00 */
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "vic", 1746439200); /* 2025-05-05 10:00 */
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "N/A"));
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "wren", 1746612000);
  g_assert_null (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "N/A"));

  g_assert_cmpint (sink->exported_at, ==, 1746612000);
  assert_follower_count (sink, 1746612000, 4);
  assert_skipped (sink, skipped);
}

/* Everything the store holds of @account_id. */
static RapportDataset *
load_dataset (RapportStore *store,
              gint64        account_id)
{
  g_autoptr(GError) error = NULL;
  RapportDataset *dataset = rapport_store_load_dataset (store, account_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static gint64
import_into (RapportStore *store,
             const char   *path)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.account_id, >, 0);
  return summary.account_id;
}

static void
assert_person (const RapportPeople *people,
               const char          *who,
               const char          *handle,
               gint64               since)
{
  const RapportPerson *person = rapport_people_find (people, who);

  g_assert_nonnull (person);
  g_assert_cmpstr (person->handle, ==, handle);
  g_assert_cmpint (person->since, ==, since);
}

/* Rows that repeat an account: the importer hands on every row, the store keeps the account
 * once, with its latest follow date (an account follows once at a time: the latest follow is
 * the one that lasts), a known date before an unknown one. */
static void
test_duplicates (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "duplicates",
                                                 NULL);
  g_autoptr(RapportArchive) archive = open_fixture ("duplicates", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetSnapshot *snapshot;

  g_assert_cmpuint (sink->followers->len, ==, 6);
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  dataset = load_dataset (store, import_into (store, path));
  g_assert_cmpuint (dataset->snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (dataset->snapshots, 0);

  g_assert_cmpuint (snapshot->followers->len, ==, 3);
  assert_person (snapshot->followers, "xena", "Xena", 1750413600); /* 2025-06-20, not 06-01 */
  assert_person (snapshot->followers, "yara", "yara", 1748858400); /* twice the same row */
  assert_person (snapshot->followers, "zoe", "zoe", 1748944800);   /* not the unreadable date */
  g_assert_cmpuint (snapshot->following->len, ==, 1);
  assert_person (snapshot->following, "yara", "yara", 1749117600); /* 2025-06-05, not 06-04 */

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Only the followers, in a folder named "tiktok-<user>-<date>": the folder names the account
 * and its date is the export's own, though the newest follow is older.  The same when the file
 * is opened alone. */
static void
test_followers_only (void)
{
  const char *file_names[] = { NULL, "user_data_tiktok.json" };

  for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
    {
      g_autoptr(RapportArchive) archive = open_fixture ("tiktok-sol.sounds-2025-03-01",
                                                        file_names[i], NULL);
      g_autoptr(RapportTestSink) sink = import_ok (archive);

      g_assert_cmpstr (sink->handle, ==, "sol.sounds");
      g_assert_null (sink->display_name);
      g_assert_false (sink->provisional);
      g_assert_true (sink->has_follower_list);
      g_assert_cmpuint (sink->followers->len, ==, 2);
      assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "abe", 1736935200);
      assert_relation (sink, RAPPORT_DIRECTION_FOLLOWER, "bea", 1740074400);
      g_assert_false (sink->has_following_list);
      g_assert_cmpuint (sink->posts->len, ==, 0);
      g_assert_cmpuint (sink->counts->len, ==, 0);
      g_assert_cmpint (sink->exported_at, ==, 1740787200); /* 2025-03-01 */
      g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
      g_assert_cmpuint (sink->skipped->len, ==, 0);
    }
}

static void
assert_posts_only (RapportTestSink *sink)
{
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->posts->len, ==, 2);
  assert_video (sink, "7460000000000000001", 1751389200, 1200, "Only #posts here",
                "https://www.tiktokv.com/share/video/7460000000000000001/");
  assert_video (sink, "7460000000000000002", 1751994000, 0, NULL,
                "https://www.tiktokv.com/share/video/7460000000000000002/");
  g_assert_cmpuint (sink->counts->len, ==, 0);
  /* 2025-07-08 17:00:00; TikTok's "TikTok_Data_<seconds>" holds no date to read. */
  g_assert_cmpint (sink->exported_at, ==, 1751994000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* Only the videos, in a folder or zip whose name names nobody: a stand-in handle, marked. */
static void
test_posts_only (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *zip_path = g_build_filename (dir, "TikTok_Data_1751994000.zip", NULL);
  g_autofree char *contents = read_fixture ("posts-only", "user_data_tiktok.json");
  g_autoptr(RapportArchive) folder = open_fixture ("posts-only", NULL);
  g_autoptr(RapportArchive) zip = NULL;
  g_autoptr(RapportTestSink) sink = import_ok (folder);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sink->handle, ==, "posts-only");
  g_assert_true (sink->provisional);
  assert_posts_only (sink);
  g_clear_pointer (&sink, rapport_test_sink_free);

  rapport_test_write_archive (zip_path, "zip", "user_data_tiktok.json", contents, NULL);
  zip = rapport_archive_open (zip_path, &error);
  g_assert_no_error (error);
  sink = import_ok (zip);
  g_assert_cmpstr (sink->handle, ==, "TikTok_Data_1751994000");
  g_assert_true (sink->provisional);
  assert_posts_only (sink);

  g_clear_object (&zip);
  rapport_test_remove_tree (dir);
}

/* Only the profile, its user name "N/A", in a folder "backup_20250301": the folder is the
 * account's stand-in name and gives the date. */
static void
test_profile_only (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("backup_20250301", NULL);
  g_autoptr(RapportTestSink) sink = import_ok (archive);

  g_assert_cmpstr (sink->handle, ==, "backup_20250301");
  g_assert_true (sink->provisional);
  g_assert_cmpstr (sink->display_name, ==, "Kept Profile");
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpint (sink->exported_at, ==, 1740787200); /* 2025-03-01 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  assert_follower_count (sink, 1740787200, 2048);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

/* Comments, settings and a block list say nothing of the account: refused in one line that
 * names what the file holds. */
static void
test_nothing_usable (void)
{
  g_autoptr(RapportArchive) archive = open_fixture ("nothing-usable", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_tiktok_recognizes (archive));
  g_assert_false (rapport_tiktok_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==,
                   "user_data_tiktok.json: nothing in it describes the account (no profile, "
                   "followers, following or videos); it holds Comment (Comments), "
                   "App Settings (Settings), Profile And Settings (Block List), Direct Message");
  g_assert_cmpuint (sink->n_set_account, ==, 0);
}

/* Two exports of one account, five months apart.  bo's follow date moved from 2024-11-01 to
 * 2025-03-05: bo unfollowed and followed again, lost and gained.  cy's moved by five hours, the
 * same follow; di left, eli came. */
static void
test_refollow (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *older_path = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok",
                                                       "refollow", "tiktok-nova.art-2025-01-10",
                                                       NULL);
  g_autofree char *newer_path = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok",
                                                       "refollow", "tiktok-nova.art-2025-06-10",
                                                       NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(GError) error = NULL;
  const RapportChurnStep *step;
  const RapportDatasetSnapshot *older;
  const RapportDatasetSnapshot *newer;
  gint64 account_id;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  account_id = import_into (store, older_path);
  g_assert_cmpint (import_into (store, newer_path), ==, account_id);
  dataset = load_dataset (store, account_id);
  g_assert_cmpstr (dataset->handle, ==, "nova.art");
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  older = g_ptr_array_index (dataset->snapshots, 0);
  newer = g_ptr_array_index (dataset->snapshots, 1);
  g_assert_cmpint (older->exported_at, ==, 1736467200); /* 2025-01-10 */
  g_assert_cmpint (older->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpint (newer->exported_at, ==, 1749513600); /* 2025-06-10 */
  g_assert_cmpint (newer->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);

  churn = rapport_churn_compute (dataset);
  g_assert_cmpuint (churn->steps->len, ==, 1);
  step = rapport_churn_latest (churn);
  g_assert_cmpuint (step->n_older, ==, 4);
  g_assert_cmpuint (step->n_newer, ==, 4);
  g_assert_cmpuint (step->gained->len, ==, 2);
  g_assert_cmpstr (step->newer_people->items[g_array_index (step->gained, guint32, 0)].who, ==,
                   "bo");
  g_assert_cmpstr (step->newer_people->items[g_array_index (step->gained, guint32, 1)].who, ==,
                   "eli");
  g_assert_cmpuint (step->lost->len, ==, 2);
  g_assert_cmpstr (step->older_people->items[g_array_index (step->lost, guint32, 0)].who, ==,
                   "bo");
  g_assert_cmpstr (step->older_people->items[g_array_index (step->lost, guint32, 1)].who, ==,
                   "di");
  g_assert_cmpuint (step->refollowed->len, ==, 1);
  g_assert_cmpstr (step->newer_people->items[g_array_index (step->refollowed, guint32, 0)].who,
                   ==, "bo");
  g_assert_cmpuint (step->renames->len, ==, 0);

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
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
  g_test_add_func ("/tiktok/long-lists", test_long_lists);
  g_test_add_func ("/tiktok/long-lists-both-generations", test_long_lists_both_generations);
  g_test_add_func ("/tiktok/long-list-errors", test_long_list_errors);
  g_test_add_func ("/tiktok/long-list-bad-row", test_long_list_bad_row);
  g_test_add_func ("/tiktok/long-list-changes-nothing", test_long_list_changes_nothing);
  g_test_add_func ("/tiktok/long-list-progress", test_long_list_progress);
  g_test_add_func ("/tiktok/layout-2026", test_layout_2026);
  g_test_add_func ("/tiktok/mixed-case-and-zones", test_mixed_case_and_zones);
  g_test_add_func ("/tiktok/empty-lists", test_empty_lists);
  g_test_add_func ("/tiktok/missing-names", test_missing_names);
  g_test_add_func ("/tiktok/duplicates", test_duplicates);
  g_test_add_func ("/tiktok/followers-only", test_followers_only);
  g_test_add_func ("/tiktok/posts-only", test_posts_only);
  g_test_add_func ("/tiktok/profile-only", test_profile_only);
  g_test_add_func ("/tiktok/nothing-usable", test_nothing_usable);
  g_test_add_func ("/tiktok/refollow", test_refollow);

  return g_test_run ();
}
