/* test-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-error.h"
#include "rapport-test-util.h"

static void
test_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "archive", "wrapped", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, &error);
  g_autoptr(GPtrArray) followers = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char * const expected[] = {
    "data/followers_1.json", "data/followers_2.json", "data/followers_10.json", "profile.json", NULL
  };

  g_assert_no_error (error);
  g_assert_cmpstr (rapport_archive_get_name (archive), ==, "wrapped");
  /* Two wrapping folders go; __MACOSX and .DS_Store are ignored; digits sort by value. */
  rapport_test_assert_entries (archive, expected);
  g_assert_cmpstr (rapport_archive_get_top_folders (archive), ==, "outer/inner");

  g_assert_cmpstr (rapport_archive_find (archive, "profile.json"), ==, "profile.json");
  g_assert_cmpstr (rapport_archive_find (archive, "data/followers_2.json"), ==, "data/followers_2.json");
  /* Suffixes match on folder boundaries only. */
  g_assert_null (rapport_archive_find (archive, "ers_2.json"));

  followers = rapport_archive_find_all (archive, "data", "followers_*.json");
  g_assert_cmpuint (followers->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (followers, 2), ==, "data/followers_10.json");
  g_clear_pointer (&followers, g_ptr_array_unref);
  followers = rapport_archive_find_all (archive, "elsewhere", "followers_*.json");
  g_assert_cmpuint (followers->len, ==, 0);

  /* A folder's files are mapped, not streamed. */
  g_assert_true (rapport_archive_entry_is_file (archive, "profile.json"));
  g_assert_false (rapport_archive_entry_is_file (archive, "data/followers_3.json"));

  bytes = rapport_archive_read (archive, "profile.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{}\n", 3);
}

static void
test_zip_and_tar (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const char *formats[] = { "zip", "tar.gz" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("export.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const char * const expected[] = { "data/tweets-part1.js", "data/tweets.js", NULL };

      rapport_test_write_archive (path, formats[i],
                                  "twitter-2024/", NULL,
                                  "twitter-2024/data/tweets.js", "window.YTD.tweets.part0 = []",
                                  "twitter-2024/data/tweets-part1.js", "window.YTD.tweets.part1 = []",
                                  "__MACOSX/twitter-2024/data/._tweets.js", "resource fork",
                                  "twitter-2024/../../etc/evil", "must never be listed",
                                  NULL);
      archive = rapport_archive_open (path, &error);
      g_assert_no_error (error);
      rapport_test_assert_entries (archive, expected);
      g_assert_cmpstr (rapport_archive_get_top_folders (archive), ==, "twitter-2024");

      bytes = rapport_archive_read (archive, "data/tweets.js", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       "window.YTD.tweets.part0 = []", 28);

      g_assert_null (rapport_archive_read (archive, "data/missing.js", NULL, &error));
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
      g_assert_nonnull (strstr (error->message, "data/missing.js"));
    }

  rapport_test_remove_tree (dir);
}

static void
test_single_file (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tweets.js", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char * const expected[] = { "tweets.js", NULL };

  g_assert_true (g_file_set_contents (path, "window.YTD.tweets.part0 = []", -1, NULL));
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  rapport_test_assert_entries (archive, expected);
  g_assert_null (rapport_archive_get_top_folders (archive));
  g_assert_cmpint (rapport_archive_get_mtime (archive), >, 0);
  bytes = rapport_archive_read (archive, "tweets.js", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 28);

  rapport_test_remove_tree (dir);
}

static void
test_zip_bomb (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bomb.zip", NULL);
  g_autofree char *zeros = g_strnfill (200000, '0');
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip", "followers_1.json", zeros, NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  rapport_archive_set_entry_limit (archive, 100000);
  g_assert_null (rapport_archive_read (archive, "followers_1.json", NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "followers_1.json"));

  rapport_test_remove_tree (dir);
}

static void
test_damaged (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *good = g_build_filename (dir, "good.zip", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.zip", NULL);
  g_autofree char *missing = g_build_filename (dir, "nothing-here.zip", NULL);
  g_autofree char *content = NULL;
  g_autofree char *big = g_strnfill (50000, 'a');
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  rapport_test_write_archive (good, "zip", "a.json", big, "b.json", big, NULL);
  g_assert_true (g_file_get_contents (good, &content, &len, NULL));
  g_assert_true (g_file_set_contents (cut, content, len / 3, NULL));

  /* A zip cut short is refused with its name, whether listing or reading notices it. */
  archive = rapport_archive_open (cut, &error);
  if (archive != NULL)
    {
      g_assert_no_error (error);
      bytes = rapport_archive_read (archive, "b.json", NULL, &error);
      g_assert_null (bytes);
    }
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_clear_error (&error);

  g_assert_null (rapport_archive_open (missing, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "nothing-here.zip"));

  rapport_test_remove_tree (dir);
}

/* Entries of a tar read in its order take one pass over it, each header read once; an entry
 * behind the last one read starts a new pass.  A zip's entry is read from where its directory
 * says: one header for each entry read, none passed over. */
static void
test_one_pass (void)
{
  const struct { const char *format; guint64 headers_after_jump; } cases[] = {
    { "tar.gz", 503 },
    { "zip", 502 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *dir = rapport_test_make_temp_dir ();
      g_autofree char *name = g_strconcat ("split.", cases[c].format, NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(GError) error = NULL;
      RapportTestArchive *writer = rapport_test_archive_new (path, cases[c].format);
      const char * const *entries;
      guint n;

      for (guint i = 1; i <= 500; i++)
        {
          g_autofree char *entry = g_strdup_printf ("followers_%u.json", i);

          rapport_test_archive_add (writer, entry, entry);
        }
      rapport_test_archive_close (writer);

      archive = rapport_archive_open (path, &error);
      g_assert_no_error (error);
      entries = rapport_archive_get_entries (archive, &n);
      g_assert_cmpuint (n, ==, 500);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GBytes) bytes = rapport_archive_read (archive, entries[i], NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           entries[i], strlen (entries[i]));
        }
      g_assert_cmpuint (rapport_archive_get_n_headers_read (archive), ==, 500);

      /* Back to the start, and forward again past one entry. */
      g_bytes_unref (rapport_archive_read (archive, entries[0], NULL, &error));
      g_assert_no_error (error);
      g_bytes_unref (rapport_archive_read (archive, entries[2], NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rapport_archive_get_n_headers_read (archive), ==,
                        cases[c].headers_after_jump);

      rapport_test_remove_tree (dir);
    }
}

/* A large entry read whole is unpacked into memory, nothing of it written to disk; read as a
 * stream it comes in chunks.  Past the entry limit it is refused as too large either way. */
static void
test_large_entry (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchiveStream) stream = NULL;
  g_autoptr(GBytes) large = NULL;
  g_autoptr(GBytes) small = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) streamed = g_string_new (NULL);
  RapportTestArchive *writer = rapport_test_archive_new (path, "zip");
  const char *data;
  char chunk[1000];
  gssize n;
  gsize size;
  gboolean mapped = TRUE;

  rapport_test_archive_add_repeated (writer, "data/large.json", "[", "[1, 2], ", 400000, "[]]");
  rapport_test_archive_add (writer, "data/small.json", "[]");
  rapport_test_archive_close (writer);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  large = rapport_archive_read (archive, "data/large.json", &mapped, &error);
  g_assert_no_error (error);
  g_assert_false (mapped);
  data = g_bytes_get_data (large, &size);
  g_assert_cmpuint (size, ==, 1 + 400000 * 8 + 3);
  g_assert_cmpmem (data, 9, "[[1, 2], ", 9);
  g_assert_cmpmem (data + size - 11, 11, "[1, 2], []]", 11);

  small = rapport_archive_read (archive, "data/small.json", &mapped, &error);
  g_assert_no_error (error);
  g_assert_false (mapped);
  g_assert_cmpmem (g_bytes_get_data (small, NULL), g_bytes_get_size (small), "[]", 2);

  /* A stream yields the same bytes, even when a read of another entry moves the reader away
   * in the middle. */
  stream = rapport_archive_open_stream (archive, "data/large.json", NULL);
  while ((n = rapport_archive_stream_read (stream, chunk, sizeof chunk, &error)) > 0)
    {
      g_string_append_len (streamed, chunk, n);
      if (streamed->len == 10 * sizeof chunk)
        {
          g_clear_pointer (&small, g_bytes_unref);
          small = rapport_archive_read (archive, "data/small.json", NULL, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpmem (streamed->str, streamed->len, data, size);
  g_clear_pointer (&stream, rapport_archive_stream_free);

  /* Past the limit. */
  rapport_archive_set_entry_limit (archive, 2000000);
  g_assert_null (rapport_archive_read (archive, "data/large.json", &mapped, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "data/large.json: too large: it unpacks to more than "
                   "2.0\xc2\xa0MB, which no real export file does; the archive may be damaged or "
                   "malicious");
  g_clear_error (&error);

  stream = rapport_archive_open_stream (archive, "data/large.json", NULL);
  while ((n = rapport_archive_stream_read (stream, chunk, sizeof chunk, &error)) > 0)
    ;
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "data/large.json: too large: "));
  g_clear_error (&error);
  /* A stream that failed reads nothing more, rather than the entry over again. */
  g_assert_cmpint (rapport_archive_stream_read (stream, chunk, sizeof chunk, &error), ==, -1);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);

  rapport_test_remove_tree (dir);
}

static char *
write_part (const char *dir,
            const char *name,
            const char *format,
            guint64     mtime,
            ...)
{
  g_autofree char *file_name = g_strconcat (name, ".", format, NULL);
  char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RapportTestArchive *archive = rapport_test_archive_new (path, format);
  const char *entry;
  va_list args;

  /* Each part in a wrapping folder of its own name. */
  va_start (args, mtime);
  while ((entry = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *wrapped = g_strconcat (name, "/", entry, NULL);

      rapport_test_archive_add (archive, wrapped, va_arg (args, const char *));
    }
  va_end (args);
  rapport_test_archive_close (archive);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  return path;
}

static void
assert_read (RapportArchive *archive,
             const char     *entry,
             const char     *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rapport_archive_read (archive, entry, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   content, strlen (content));
}

/* Two parts of one export, a zip and a tar.gz each in its own wrapping folder, open as one
 * archive: every entry of both, read from its part, the first part's when both have it. */
static void
test_parts (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *first = write_part (dir, "instagram-jo-2025-01-29-abc-part1", "zip",
                                       1700000000,
                                       "connections/followers_and_following/followers_1.json",
                                       "[1]",
                                       "start_here.html", "part 1",
                                       NULL);
  g_autofree char *second = write_part (dir, "instagram-jo-2025-01-29-abc-part2", "tar.gz",
                                        1800000000,
                                        "connections/followers_and_following/following.json",
                                        "[2]",
                                        "your_instagram_activity/media/posts_1.json", "[3]",
                                        "start_here.html", "part 2",
                                        NULL);
  const char *paths[] = { first, second, NULL };
  const char * const expected[] = {
    "connections/followers_and_following/followers_1.json",
    "connections/followers_and_following/following.json",
    "start_here.html",
    "your_instagram_activity/media/posts_1.json",
    NULL
  };
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchive) alone = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open_many (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_archive_get_name (archive), ==, "instagram-jo-2025-01-29-abc");
  g_assert_cmpstr (rapport_archive_get_path (archive), ==, first);
  g_assert_cmpint (rapport_archive_get_mtime (archive), ==, 1800000000);
  g_assert_cmpuint (rapport_archive_get_parts (archive)->len, ==, 2);
  rapport_test_assert_entries (archive, expected);

  assert_read (archive, "connections/followers_and_following/followers_1.json", "[1]");
  assert_read (archive, "connections/followers_and_following/following.json", "[2]");
  assert_read (archive, "your_instagram_activity/media/posts_1.json", "[3]");
  assert_read (archive, "start_here.html", "part 1");
  /* Entries of the parts' archives are read as streams. */
  g_assert_false (rapport_archive_entry_is_file (archive, "start_here.html"));
  lists = rapport_archive_find_all (archive, "followers_and_following", "follow*.json");
  g_assert_cmpuint (lists->len, ==, 2);

  g_assert_null (rapport_archive_read (archive, "followers_2.json", NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==,
                   "followers_2.json: no such file in instagram-jo-2025-01-29-abc");
  g_clear_error (&error);

  /* The limit reaches the parts. */
  rapport_archive_set_entry_limit (archive, 2);
  g_assert_null (rapport_archive_read (archive, "start_here.html", NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* One path is one archive. */
  paths[1] = NULL;
  alone = rapport_archive_open_many (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_archive_get_name (alone), ==, "instagram-jo-2025-01-29-abc-part1.zip");
  g_assert_null (rapport_archive_get_parts (alone));

  rapport_test_remove_tree (dir);
}

/* Parts that hold the same data file are separate exports: two of the same layout, or a JSON
 * and an HTML export whose files differ by their extension only.  A broken part fails the
 * whole. */
static void
test_parts_refused (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *json = write_part (dir, "instagram-jo-2025-01-29-AbCd", "zip", 1700000000,
                                      "followers_and_following/followers_1.json", "[]",
                                      "index.html", "a guide",
                                      NULL);
  g_autofree char *html = write_part (dir, "instagram-jo-2025-01-29-XyZw", "zip", 1700000000,
                                      "followers_and_following/followers_1.html", "<html>",
                                      "index.html", "a guide",
                                      NULL);
  g_autofree char *again = write_part (dir, "instagram-jo-2025-01-29-AbCd (1)", "zip",
                                       1700000000,
                                       "followers_and_following/followers_1.json", "[]",
                                       NULL);
  g_autofree char *missing = g_build_filename (dir, "instagram-jo-2025-01-29-part3.zip", NULL);
  const char *json_and_html[] = { json, html, NULL };
  const char *twice[] = { json, again, NULL };
  const char *broken[] = { json, missing, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (rapport_archive_open_many (json_and_html, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS);
  g_assert_cmpstr (error->message, ==,
                   "instagram-jo-2025-01-29-AbCd.zip and instagram-jo-2025-01-29-XyZw.zip are "
                   "separate exports, not parts of one: each holds "
                   "followers_and_following/followers_1.html");
  g_clear_error (&error);

  g_assert_null (rapport_archive_open_many (twice, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS);
  g_clear_error (&error);

  g_assert_null (rapport_archive_open_many (broken, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  rapport_test_assert_contains (error->message, "instagram-jo-2025-01-29-part3.zip");

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/archive/folder", test_folder);
  g_test_add_func ("/archive/zip-and-tar", test_zip_and_tar);
  g_test_add_func ("/archive/single-file", test_single_file);
  g_test_add_func ("/archive/zip-bomb", test_zip_bomb);
  g_test_add_func ("/archive/damaged", test_damaged);
  g_test_add_func ("/archive/one-pass", test_one_pass);
  g_test_add_func ("/archive/large-entry", test_large_entry);
  g_test_add_func ("/archive/parts", test_parts);
  g_test_add_func ("/archive/parts-refused", test_parts_refused);

  return g_test_run ();
}
