/* test-mastodon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/mastodon/; the Unix
 * times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-mastodon-private.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-instagram.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define ARCHIVE "archive-20260412094512-5f3c2a1b"
#define ACTOR   "https://example.social/ap/users/114250000000000001"

#define MAR_01_0930 G_GINT64_CONSTANT (1772357400)
#define MAR_02_1805 G_GINT64_CONSTANT (1772474730)
#define MAR_03_0700 G_GINT64_CONSTANT (1772521200)
#define MAR_05_1200 G_GINT64_CONSTANT (1772712000)
#define MAR_06_0815 G_GINT64_CONSTANT (1772784900)
#define APR_12      G_GINT64_CONSTANT (1775952000)

#define UNKNOWN RAPPORT_COUNT_UNKNOWN

static const char * const archive_files[] = {
  "actor.json", "outbox.json", "likes.json", "bookmarks.json", "following_accounts.csv",
};

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "mastodon", name, NULL);
}

/* Imports @path through detection, which must pick Mastodon. */
static RapportTestSink *
import_path (const char *path)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_MASTODON);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_mastodon_import);
  g_assert_true (import_func (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_MASTODON);
  /* No Mastodon export lists followers. */
  g_assert_false (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 0);
  return g_steal_pointer (&sink);
}

static void
assert_post (RapportTestSink *sink,
             const char      *id,
             RapportPostType  type,
             gint64           created_at,
             const char      *text,
             const char      *url,
             gint64           likes,
             gint64           shares,
             gint64           replies)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, type);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpstr (post->text, ==, text);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_cmpint (post->likes, ==, likes);
  g_assert_cmpint (post->shares, ==, shares);
  g_assert_cmpint (post->replies, ==, replies);
  g_assert_cmpint (post->comments, ==, UNKNOWN);
  g_assert_cmpint (post->views, ==, UNKNOWN);
}

static guint
count_names (const char * const *names)
{
  return names != NULL ? g_strv_length ((char **) names) : 0;
}

/* What the archive fixture holds, unpacked or packed. */
static void
assert_archive (RapportTestSink *sink)
{
  const RapportPost *post;

  g_assert_cmpstr (sink->handle, ==, "mira@example.social");
  g_assert_cmpstr (sink->platform_id, ==, ACTOR);
  g_assert_cmpstr (sink->display_name, ==, "Mira Makes");
  g_assert_false (sink->provisional);

  /* The second orderedItems holds the items; of its seven, the direct message is no post and
   * the one without a time is skipped; totalItems (9) is not read. */
  g_assert_cmpuint (sink->posts->len, ==, 5);
  g_assert_null (rapport_test_sink_find_post (sink, "100000000000000001"));
  g_assert_null (rapport_test_sink_find_post (sink, "114250000000000104"));
  g_assert_null (rapport_test_sink_find_post (sink, "114250000000000107"));

  assert_post (sink, "114250000000000101", RAPPORT_POST_TEXT, MAR_01_0930,
               "Kiln day! Glaze tests & new <forms> with @jo #Pottery\n\n"
               "Line one\nLine two \u2014 done! &bogus; 5 && 6",
               "https://example.social/@mira/114250000000000101", 12, 3, 2);
  post = rapport_test_sink_find_post (sink, "114250000000000101");
  g_assert_cmpuint (count_names (post->hashtags), ==, 2);
  g_assert_true (rapport_test_post_has_hashtag (post, "pottery"));
  g_assert_true (rapport_test_post_has_hashtag (post, "glaze"));
  /* A local account's Mention names it without its host: the href's host completes it. */
  g_assert_cmpuint (count_names (post->mentions), ==, 2);
  g_assert_true (rapport_test_post_has_mention (post, "jo@other.example"));
  g_assert_true (rapport_test_post_has_mention (post, "kai@example.social"));

  /* Unlisted, a reply, from a server that wrote no counts; its one tag is not in a list, and
   * the account it answers (sam), whom its text no longer mentions, comes from inReplyTo. */
  assert_post (sink, "114250000000000102", RAPPORT_POST_REPLY, MAR_02_1805,
               "@jo Thanks, will do!", "https://example.social/@mira/114250000000000102",
               UNKNOWN, UNKNOWN, UNKNOWN);
  post = rapport_test_sink_find_post (sink, "114250000000000102");
  g_assert_cmpuint (count_names (post->hashtags), ==, 0);
  g_assert_cmpuint (count_names (post->mentions), ==, 2);
  g_assert_true (rapport_test_post_has_mention (post, "jo@other.example"));
  g_assert_true (rapport_test_post_has_mention (post, "sam@third.example"));

  /* Followers-only posts are posts. */
  assert_post (sink, "114250000000000103", RAPPORT_POST_TEXT, MAR_03_0700,
               "Studio sale for followers first",
               "https://example.social/@mira/114250000000000103", 0, 0, UNKNOWN);

  /* Boosts: the object a bare URL, or the boosted post itself. */
  assert_post (sink, "114250000000000105", RAPPORT_POST_REPOST, MAR_05_1200, NULL,
               "https://other.example/users/jo/statuses/1000", UNKNOWN, UNKNOWN, UNKNOWN);
  assert_post (sink, "114250000000000106", RAPPORT_POST_REPOST, MAR_06_0815, NULL,
               "https://third.example/@sam/55", UNKNOWN, UNKNOWN, UNKNOWN);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "outbox.json: item 7: no readable time (“yesterday”)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "following_accounts.csv: line 4: not an account address (“not-an-address”)");

  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "jo@other.example"));
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "sam@third.example"));
  g_assert_cmpint (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                    "jo@other.example")->since, ==, 0);

  /* The boosts are reposts of their authors' posts, dated; then likes.json, without
   * totalItems, whose likes are undated: the liked post's URL keeps two likes of one account's
   * posts apart.  bookmarks.json is passed over. */
  g_assert_cmpuint (sink->interactions->len, ==, 7);
  rapport_test_assert_interaction (sink, 0, RAPPORT_INTERACTION_REPOST, "jo@other.example",
                                   MAR_05_1200, NULL);
  rapport_test_assert_interaction (sink, 1, RAPPORT_INTERACTION_REPOST, "sam@third.example",
                                   MAR_06_0815, NULL);
  rapport_test_assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, "jo@other.example", 0,
                                   "https://other.example/@jo/1001");
  rapport_test_assert_interaction (sink, 3, RAPPORT_INTERACTION_LIKE, "jo@other.example", 0,
                                   "https://other.example/@jo/1002");
  rapport_test_assert_interaction (sink, 4, RAPPORT_INTERACTION_LIKE, "sam@third.example", 0,
                                   "https://third.example/users/sam/statuses/56");
  rapport_test_assert_interaction (sink, 5, RAPPORT_INTERACTION_LIKE, "lee@far.example", 0,
                                   "https://example.social/@lee@far.example/777");
  rapport_test_assert_interaction (sink, 6, RAPPORT_INTERACTION_LIKE, NULL, 0,
                                   "https://odd.example/notes/abc");

  g_assert_cmpint (sink->exported_at, ==, APR_12);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

static void
test_archive_folder (void)
{
  g_autofree char *path = fixture_path (ARCHIVE);
  g_autoptr(RapportTestSink) sink = import_path (path);

  assert_archive (sink);
}

/* The archive as Mastodon serves it: a tarball of the same files. */
static void
test_archive_tar_gz (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, ARCHIVE ".tar.gz", NULL);
  g_autoptr(RapportTestSink) sink = NULL;
  RapportTestArchive *archive = rapport_test_archive_new (path, "tar.gz");

  for (guint i = 0; i < G_N_ELEMENTS (archive_files); i++)
    {
      g_autofree char *name = g_build_filename (ARCHIVE, archive_files[i], NULL);
      g_autofree char *source = fixture_path (name);
      g_autofree char *content = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (source, &content, NULL, &error);
      g_assert_no_error (error);
      rapport_test_archive_add (archive, archive_files[i], content);
    }
  rapport_test_archive_add (archive, "media_attachments/files/1/original.png", "PNG");
  rapport_test_archive_close (archive);

  sink = import_path (path);
  assert_archive (sink);
  rapport_test_remove_tree (dir);
}

static char *
write_export (const char *dir,
              const char *folder,
              const char *name,
              const char *content)
{
  g_autofree char *path = g_build_filename (dir, folder, NULL);
  g_autofree char *file_path = g_build_filename (path, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_file_set_contents (file_path, content, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A lone CSV export of an early server, without a header row, names no account; its
 * addresses are read without spaces, a leading '@' or case. */
static void
test_following_alone (void)
{
  g_autofree char *path = fixture_path ("mastodon-csv");
  g_autoptr(RapportTestSink) sink = import_path (path);

  g_assert_true (sink->provisional);
  g_assert_cmpstr (sink->handle, ==, "mastodon-csv");
  g_assert_null (sink->platform_id);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->interactions->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 2);
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "jo@other.example"));
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "lee@far.example"));
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_FILE_TIME);
}

/* An actor.json beside the CSV names the account, here in the older /users/<name> form. */
static void
test_following_with_actor (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *folder = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  folder = write_export (dir, "export", "following_accounts.csv",
                         "Account address,Show boosts\nsam@third.example,true\n");
  g_free (write_export (dir, "export", "actor.json",
                        "{\"id\": \"https://Example.Social/users/mira\", \"type\": \"Person\","
                        " \"preferredUsername\": \"mira\"}"));
  sink = import_path (folder);
  g_assert_false (sink->provisional);
  g_assert_cmpstr (sink->handle, ==, "mira@example.social");
  g_assert_cmpstr (sink->platform_id, ==, "https://Example.Social/users/mira");
  g_assert_null (sink->display_name);
  g_assert_cmpuint (sink->following->len, ==, 1);
  g_assert_nonnull (rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     "sam@third.example"));
  rapport_test_remove_tree (dir);
}

/* Items of an outbox longer than RAPPORT_MASTODON_LONG_LIST_BYTES are read in batches; the
 * last of two long orderedItems still holds them. */
static void
test_long_outbox (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(GString) outbox = g_string_new ("{\"type\": \"OrderedCollection\", ");
  g_autofree char *folder = NULL;
  g_autoptr(RapportTestSink) sink = NULL;

  for (guint list = 0; list < 2; list++)
    {
      g_string_append (outbox, "\"orderedItems\": [");
      for (guint i = 0; i < 600; i++)
        g_string_append_printf (outbox,
                                "%s{\"type\": \"Create\", \"object\": {\"type\": \"Note\", "
                                "\"id\": \"https://example.social/users/mira/statuses/%u\", "
                                "\"published\": \"2026-03-01T09:30:00Z\", "
                                "\"to\": [\"https://www.w3.org/ns/activitystreams#Public\"], "
                                "\"content\": \"<p>Post %u</p>\"}}",
                                i > 0 ? ", " : "", list * 1000 + i, i);
      g_string_append (outbox, list == 0 ? "], " : "]}");
    }
  g_assert_cmpuint (outbox->len / 2, >, RAPPORT_MASTODON_LONG_LIST_BYTES);

  folder = write_export (dir, ARCHIVE, "outbox.json", outbox->str);
  sink = import_path (folder);
  g_assert_cmpuint (sink->posts->len, ==, 600);
  g_assert_null (rapport_test_sink_find_post (sink, "0"));
  g_assert_cmpstr (rapport_test_sink_find_post (sink, "1000")->text, ==, "Post 0");
  g_assert_cmpstr (rapport_test_sink_find_post (sink, "1599")->text, ==, "Post 599");
  g_assert_true (sink->provisional);
  g_assert_cmpstr (sink->handle, ==, ARCHIVE);
  rapport_test_remove_tree (dir);
}

static void
assert_handle (const char *url,
               const char *handle)
{
  g_autofree char *found = rapport_mastodon_handle_of_url (url);

  g_assert_cmpstr (found, ==, handle);
}

static void
test_handle_of_url (void)
{
  assert_handle ("https://Host.Example/@jo/123", "jo@host.example");
  assert_handle ("https://host.example/@jo@far.example/123", "jo@far.example");
  assert_handle ("https://host.example/users/jo/statuses/123", "jo@host.example");
  assert_handle ("https://host.example/ap/users/1142/statuses/123", NULL);
  assert_handle ("https://host.example/@/123", NULL);
  assert_handle ("https://host.example/@a@b@c/1", NULL);
  assert_handle ("https://host.example/notes/abc", NULL);
  assert_handle ("not a url", NULL);
  assert_handle (NULL, NULL);
}

/* A file that cannot be read stops the import with its name and problem, and changes
 * nothing. */
static void
assert_refused (const char *name,
                const char *content,
                const char *message)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = write_export (dir, ARCHIVE, name, content);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_free (write_export (dir, ARCHIVE, "following_accounts.csv", "jo@other.example\n"));
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  rapport_test_assert_contains (error->message, message);
  g_clear_object (&store);
  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);
  rapport_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  assert_refused ("outbox.json", "{\"type\": \"OrderedCollection\", \"orderedItems\": [{]}",
                  "outbox.json: not valid JSON (line 1");
  assert_refused ("outbox.json", "{\"type\": \"OrderedCollection\", \"totalItems\": 3}",
                  "outbox.json: there is no list of activities (orderedItems) in it");
  assert_refused ("outbox.json", "[]", "outbox.json: the file holds no JSON object");
  assert_refused ("actor.json", "{\"preferredUsername\": \"mira\"", "actor.json: not valid JSON");
  assert_refused ("likes.json", "{\"orderedItems\": 3}", "likes.json: orderedItems is not a list");
}

/* The archive into a store: the posts, the following list and the export date arrive. */
static void
test_store (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = fixture_path (ARCHIVE);
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_MASTODON);
  g_assert_cmpstr (summary.handle, ==, "mira@example.social");
  g_assert_false (summary.provisional);
  /* Boosts are reposts, not the creator's own posts. */
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_reposts, ==, 2);
  g_assert_false (summary.snapshot.has_followers);
  g_assert_true (summary.snapshot.has_following);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 2);
  /* Two boosts and five likes, two of them of one account's posts: all seven are kept. */
  g_assert_cmpuint (summary.snapshot.n_interactions, ==, 7);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 2);
  g_assert_cmpint (summary.snapshot.exported_at, ==, APR_12);
  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* What is not Mastodon's is left to the others, and the importer called directly says what it
 * looked for. */
static void
test_not_mastodon (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = write_export (dir, "other", "inbox.json", "{}");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_mastodon_recognizes (archive));
  g_assert_false (rapport_mastodon_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==, "other: there is no outbox.json, actor.json or "
                   "following_accounts.csv of Mastodon in it");
  g_assert_cmpuint (sink->n_set_account, ==, 0);

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mastodon/archive-folder", test_archive_folder);
  g_test_add_func ("/mastodon/archive-tar-gz", test_archive_tar_gz);
  g_test_add_func ("/mastodon/following-alone", test_following_alone);
  g_test_add_func ("/mastodon/following-with-actor", test_following_with_actor);
  g_test_add_func ("/mastodon/long-outbox", test_long_outbox);
  g_test_add_func ("/mastodon/handle-of-url", test_handle_of_url);
  g_test_add_func ("/mastodon/bad-input", test_bad_input);
  g_test_add_func ("/mastodon/store", test_store);
  g_test_add_func ("/mastodon/not-mastodon", test_not_mastodon);

  return g_test_run ();
}
