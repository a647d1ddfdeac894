/* test-medium.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the fixtures in fixtures/medium/; the Unix
 * times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-medium-importer.h"
#include "import/rapport-medium-private.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define EXPORT      "medium-export-2024-06-30"
#define MAR_05_0930 G_GINT64_CONSTANT (1709631000)
#define MAY_20_1845 G_GINT64_CONSTANT (1716230712)
#define JUN_01_0700 G_GINT64_CONSTANT (1717225200)
#define JUN_30      G_GINT64_CONSTANT (1719705600)
#define NOV_11_1111 G_GINT64_CONSTANT (1699701071)

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "medium", name, NULL);
}

/* Imports the fixture @name through detection, which must pick Medium. */
static RapportTestSink *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_MEDIUM);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_medium_import);
  g_assert_true (import_func (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_MEDIUM);
  /* Medium's export has no followers list: none is begun. */
  g_assert_false (sink->has_follower_list);
  g_assert_cmpuint (sink->followers->len, ==, 0);
  return g_steal_pointer (&sink);
}

static void
assert_post (RapportTestSink *sink,
             const char      *id,
             gint64           created_at,
             const char      *url,
             const char      *text)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_cmpstr (post->text, ==, text);
  g_assert_true (post->hashtags == NULL || post->hashtags[0] == NULL);
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
}

static void
assert_following (RapportTestSink *sink,
                  guint            index,
                  const char      *handle)
{
  const RapportRelation *relation;

  g_assert_cmpuint (index, <, sink->following->len);
  relation = g_ptr_array_index (sink->following, index);
  g_assert_cmpstr (relation->handle, ==, handle);
  g_assert_null (relation->platform_id);
  g_assert_cmpint (relation->since, ==, 0);
}

static void
test_export (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (EXPORT);

  g_assert_cmpstr (sink->handle, ==, "ada.quill");
  g_assert_cmpstr (sink->display_name, ==, "Ada Quill");
  g_assert_null (sink->platform_id);
  g_assert_false (sink->provisional);

  /* Two dated stories, a publication's, and one of entities and nested markup; the draft,
   * the undated story, the unreadable date and the page that is no story are not posts. */
  g_assert_cmpuint (sink->posts->len, ==, 3);
  assert_post (sink, "1a2b3c4d5e6f", MAR_05_0930,
               "https://medium.com/@ada.quill/writing-every-week-1a2b3c4d5e6f",
               "Writing Every Week\n\nWhat a year of weekly posts taught me");
  assert_post (sink, "0a9b8c7d6e5f", MAY_20_1845,
               "https://medium.com/the-writing-cooperative/notes-on-focus-0a9b8c7d6e5f"
               "?source=export",
               "Notes on Focus\n\nThree habits that kept me writing.");
  assert_post (sink, "aa11bb22cc33", JUN_01_0700,
               "https://medium.com/@ada.quill/fish-chips-aa11bb22cc33",
               "Fish & Chips \u2014 a <tasting> \u201cguide\u201d\n\n"
               "I really liked the caf\u00e9 \u2026 a lot, unbreakable \U0001F41F");
  g_assert_null (rapport_test_sink_find_post (sink, "ffeeddccbbaa"));
  g_assert_null (rapport_test_sink_find_post (sink, "bbccddeeff00"));

  g_assert_cmpuint (sink->skipped->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "posts/2024-02-01_Undated-bbccddeeff00.html: no publish date");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "posts/2024-02-10_Bad-Date-ccddeeff0011.html: no readable publish date "
                   "(\u201clast Tuesday\u201d)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==,
                   "posts/notes.html: not a Medium story: it has no publish date and no story "
                   "address");

  /* Publications and users in one list, in the export's order, each link as it is read (the
   * store keeps a handle once whatever its case: see test_store()); links to stories, tags,
   * Medium itself and other domains name no one. */
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 4);
  assert_following (sink, 0, "the-writing-cooperative");
  assert_following (sink, 1, "grace.hopper");
  assert_following (sink, 2, "linus_t");
  assert_following (sink, 3, "Grace.Hopper");

  g_assert_cmpint (sink->exported_at, ==, JUN_30);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* Without a profile, the stories' author names the account; without a date in the name, the
 * newest story dates the export.  A story on its own domain takes its id from its file. */
static void
test_author_only (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("medium-export-8c1d2e");

  g_assert_cmpstr (sink->handle, ==, "ada.quill");
  g_assert_null (sink->display_name);
  g_assert_false (sink->provisional);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  assert_post (sink, "112233445566", NOV_11_1111, "https://ada.example.net/only-story",
               "Only Story");
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 0);
  g_assert_cmpint (sink->exported_at, ==, NOV_11_1111);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* Nothing names the account: a provisional one, named after the export.  The page is read as
 * the parser goes: links inside noscript, template and script are no accounts, a link deep in
 * other elements is, its entities decoded, in the order of the page. */
static void
test_following_only (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture ("just-following");

  g_assert_cmpstr (sink->handle, ==, "just-following");
  g_assert_true (sink->provisional);
  g_assert_cmpuint (sink->posts->len, ==, 0);
  g_assert_cmpuint (sink->following->len, ==, 4);
  assert_following (sink, 0, "grace.hopper");
  assert_following (sink, 1, "linus_t");
  assert_following (sink, 2, "Grace.Hopper");
  assert_following (sink, 3, "ada.lovelace");
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_FILE_TIME);
}

static void
test_story_id (void)
{
  static const struct { const char *text; const char *id; } cases[] = {
    { "https://medium.com/@jo/my-story-1a2b3c4d5e6f", "1a2b3c4d5e6f" },
    { "https://medium.com/p/1a2b3c4d5e6f/", "1a2b3c4d5e6f" },
    { "https://medium.com/pub/a-b-c-0a1b2c3d4e?source=rss#x", "0a1b2c3d4e" },
    { "posts/2024-03-05_My-Story-1a2b3c4d5e6f.html", "1a2b3c4d5e6f" },
    { "https://medium.com/@jo/my-story", NULL },
    { "https://medium.com/@jo/deadbeef-1A2B3C4D5E6F", NULL },
    { "https://medium.com/@jo/x-1234567", NULL },
    { "https://medium.com/@jo/x-123456789abcdef01", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = rapport_medium_story_id (cases[i].text);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

/* A page of bytes that are no UTF-8, with NULs, still gives valid text. */
static void
test_hostile_page (void)
{
  static const char page[] =
    "<html><head><title>Caf\xe9 \xff\xfe</title></head><body><article class=\"h-entry\">"
    "<p>a\0b</p><footer><time class=\"dt-published\" datetime=\"2024-01-02T03:04:05Z\">"
    "</time><a class=\"p-canonical\" href=\"javascript:alert(1)-abcdefabcdef\">x</a>"
    "</footer></article></body></html>";
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *posts = g_build_filename (dir, "medium-export-x", "posts", NULL);
  g_autofree char *file = g_build_filename (posts, "story.html", NULL);
  g_autofree char *root = g_build_filename (dir, "medium-export-x", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  const RapportPost *post;

  g_assert_cmpint (g_mkdir_with_parents (posts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, page, sizeof page - 1, &error));
  archive = rapport_archive_open (root, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_medium_recognizes (archive));
  g_assert_true (rapport_medium_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->posts->len, ==, 1);
  post = g_ptr_array_index (sink->posts, 0);
  /* The address is no web address, but its id is still the story's. */
  g_assert_cmpstr (post->platform_id, ==, "abcdefabcdef");
  g_assert_null (post->url);
  g_assert_true (g_utf8_validate (post->text, -1, NULL));
  g_assert_true (g_str_has_prefix (post->text, "Caf"));
  g_assert_cmpint (post->created_at, ==, G_GINT64_CONSTANT (1704164645));

  g_clear_object (&archive);
  rapport_test_remove_tree (dir);
}

/* Writes a zip at @path of the name, content pairs given (ending with NULL), stored, with a
 * byte changed where a page holds "CHANGE": that page's checksum fails once it is read to its
 * end. */
static void G_GNUC_NULL_TERMINATED
write_damaged_zip (const char *path,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  RapportTestArchive *writer = rapport_test_archive_new (path, "zip-stored");
  const char *name;
  char *at;
  gsize len;
  va_list args;

  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    rapport_test_archive_add (writer, name, va_arg (args, const char *));
  va_end (args);
  rapport_test_archive_close (writer);

  g_assert_true (g_file_get_contents (path, &content, &len, &error));
  g_assert_no_error (error);
  /* Not g_strstr_len(), which stops at the first NUL of the zip's headers. */
  for (at = content; at + 6 <= content + len && memcmp (at, "CHANGE", 6) != 0; at++)
    ;
  g_assert_true (at + 6 <= content + len);
  at[0] = 'X';
  g_assert_true (g_file_set_contents (path, content, len, &error));
  g_assert_no_error (error);
}

#define PROFILE_PAGE \
  "<html><body><ul><li>Profile: <a href=\"https://medium.com/@ada.quill\">x</a></li></ul>" \
  "</body></html>"

/* The pages of followed accounts are read as a stream.  One that breaks off before any account
 * was read is skipped as a page that cannot be read; one that breaks off after some were
 * handed over fails the import, since the list would lack everyone after the break. */
static void
test_following_damaged (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *skipped = g_build_filename (dir, "medium-export-2024-07-01.zip", NULL);
  g_autofree char *failed = g_build_filename (dir, "medium-export-2024-07-02.zip", NULL);
  g_autofree char *filler = g_strnfill (20000, ' ');
  g_autofree char *users = g_strconcat ("<html><body><ul><li><a href=\"https://medium.com/"
                                        "@grace.hopper\">Grace</a></li></ul>", filler,
                                        "<!-- CHANGE --></body></html>", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportTestSink) failing = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  write_damaged_zip (skipped, "medium-export-2024-07-01/profile/profile.html", PROFILE_PAGE,
                     "medium-export-2024-07-01/pubs-following/pubs-following.html",
                     "<html><body><a href=\"https://medium.com/the-writing-cooperative\">x</a>"
                     "</body></html>",
                     "medium-export-2024-07-01/users-following/users-following.html",
                     "<html><body><p>Nobody yet.</p><!-- CHANGE --></body></html>",
                     NULL);
  archive = rapport_archive_open (skipped, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_medium_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sink->handle, ==, "ada.quill");
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->following->len, ==, 1);
  assert_following (sink, 0, "the-writing-cooperative");
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  rapport_test_assert_contains (g_ptr_array_index (sink->skipped, 0),
                                "users-following/users-following.html: cannot be unpacked");
  g_clear_object (&archive);

  write_damaged_zip (failed, "medium-export-2024-07-02/profile/profile.html", PROFILE_PAGE,
                     "medium-export-2024-07-02/users-following/users-following.html", users,
                     NULL);
  archive = rapport_archive_open (failed, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_medium_import (archive, &failing->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  rapport_test_assert_contains (error->message,
                                "users-following/users-following.html: cannot be unpacked");
  /* The account before the break was handed over; the import as a whole is refused. */
  g_assert_cmpuint (failing->following->len, ==, 1);
  assert_following (failing, 0, "grace.hopper");
  g_clear_object (&archive);

  rapport_test_remove_tree (dir);
}

/* What is not Medium's is left to the others, and the importer called directly says what it
 * looked for, naming the export. */
static void
test_not_medium (void)
{
  g_autofree char *path = fixture_path ("not-medium");
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_medium_recognizes (archive));
  g_assert_cmpint (rapport_import_detect (archive, NULL, &error), ==, RAPPORT_PLATFORM_UNKNOWN);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  rapport_test_assert_contains (error->message, "not-medium is not an export Rapport knows. "
                                "It contains posts/your_posts_1.html.");
  rapport_test_assert_contains (error->message, "Medium (the zip of HTML pages)");
  g_clear_error (&error);

  g_assert_false (rapport_medium_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==, "not-medium: there is no page of a Medium export in it "
                   "(a story in posts/, users-following/, pubs-following/ or "
                   "profile/profile.html)");
  g_assert_cmpuint (sink->n_set_account, ==, 0);
}

/* Through the store: one Medium account with its stories and no follower list. */
static void
test_store (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = fixture_path (EXPORT);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  const RapportDatasetSnapshot *following;
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_MEDIUM);
  g_assert_cmpstr (summary.handle, ==, "ada.quill");
  g_assert_false (summary.snapshot.has_followers);
  g_assert_true (summary.snapshot.has_following);
  g_assert_cmpuint (summary.snapshot.n_following, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_posts, ==, 3);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 3);
  g_assert_cmpint (summary.snapshot.exported_at, ==, JUN_30);

  dataset = rapport_store_load_dataset (store, summary.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dataset->platform, ==, RAPPORT_PLATFORM_MEDIUM);
  g_assert_cmpstr (dataset->handle, ==, "ada.quill");
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  g_assert_null (rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER));
  following = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWING);
  g_assert_nonnull (following);
  /* "Grace.Hopper", listed again after "grace.hopper", is the same account: the first stays. */
  g_assert_nonnull (following->following);
  g_assert_cmpuint (following->following->len, ==, 3);
  g_assert_cmpstr (following->following->items[0].who, ==, "grace.hopper");
  g_assert_cmpstr (following->following->items[0].handle, ==, "grace.hopper");
  g_assert_cmpstr (following->following->items[1].who, ==, "linus_t");
  g_assert_cmpstr (following->following->items[2].who, ==, "the-writing-cooperative");

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* Which links name a Medium account: a user by "@name" in either list, even one spelled like a
 * page of the site; a publication by its slug, in the list of publications only, never a
 * page; nothing past the name but "/", "?" or "#". */
static void
test_profile_links (void)
{
  const struct {
    const char *href;
    gboolean publication;
    const char *expected;
  } links[] = {
    { "https://medium.com/@jo.doe", FALSE, "jo.doe" },
    { "HTTPS://WWW.Medium.com/@Jo_Doe-2?source=follow", FALSE, "Jo_Doe-2" },
    { "https://medium.com/@jo/", FALSE, "jo" },
    { "https://medium.com/@about", FALSE, "about" },
    { "https://medium.com/@jo/a-story-1234", FALSE, NULL },
    { "https://medium.com/@", FALSE, NULL },
    { "https://medium.com/@jo doe", FALSE, NULL },
    { "https://medium.com/better-pottery", TRUE, "better-pottery" },
    { "https://medium.com/better-pottery", FALSE, NULL },
    { "https://medium.com/about", TRUE, NULL },
    { "https://medium.com/tag/pottery", TRUE, NULL },
    { "https://example.com/@jo", FALSE, NULL },
  };
  g_autofree char *longest = g_strconcat ("https://medium.com/@", "0123456789012345678901234567890"
                                          "123456789012345678901234567890123", NULL);
  g_autofree char *too_long = g_strconcat (longest, "4", NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *user = rapport_medium_profile_user (links[i].href, links[i].publication);

      g_test_message ("%s", links[i].href);
      g_assert_cmpstr (user, ==, links[i].expected);
    }
  name = rapport_medium_profile_user (longest, FALSE);
  g_assert_cmpuint (strlen (name), ==, 64);
  g_assert_null (rapport_medium_profile_user (too_long, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/medium/export", test_export);
  g_test_add_func ("/medium/author-only", test_author_only);
  g_test_add_func ("/medium/following-only", test_following_only);
  g_test_add_func ("/medium/story-id", test_story_id);
  g_test_add_func ("/medium/hostile-page", test_hostile_page);
  g_test_add_func ("/medium/following-damaged", test_following_damaged);
  g_test_add_func ("/medium/not-medium", test_not_medium);
  g_test_add_func ("/medium/store", test_store);
  g_test_add_func ("/medium/profile-links", test_profile_links);

  return g_test_run ();
}
