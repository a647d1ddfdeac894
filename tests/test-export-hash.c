/* test-export-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hashes that identify an export, against digests computed here with GChecksum from the
 * definition: the size of each file as 64 bits little-endian, then its bytes, or 64 samples of
 * 16 KiB of a file over 8 MiB, the last ending with the file.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-archive.h"
#include "session/rapport-export-hash.h"

#include "rapport-test-util.h"

#define WHOLE_LIMIT (8 * 1024 * 1024)
#define SAMPLES 64
#define SAMPLE_SIZE (16 * 1024)

static void
add_size (GChecksum *checksum,
          gsize      size)
{
  guint64 size_le = GUINT64_TO_LE ((guint64) size);

  g_checksum_update (checksum, (const guchar *) &size_le, sizeof size_le);
}

/* The sample hash of one archive file, from its bytes. */
static char *
expected_sample_hash (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  add_size (checksum, size);
  if (size <= WHOLE_LIMIT)
    g_checksum_update (checksum, (const guchar *) contents, size);
  else
    for (guint i = 0; i < SAMPLES; i++)
      {
        gsize offset = i == SAMPLES - 1 ? size - SAMPLE_SIZE
                                        : (size - SAMPLE_SIZE) / (SAMPLES - 1) * i;

        g_checksum_update (checksum, (const guchar *) contents + offset, SAMPLE_SIZE);
      }
  return g_strdup (g_checksum_get_string (checksum));
}

/* A field of /proc/self/status, in KiB. */
static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Starts the process's peak memory (VmHWM) again from what it holds now; FALSE where the
 * system cannot. */
static gboolean
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean done;

  if (file == NULL)
    return FALSE;
  done = fputs ("5", file) >= 0;
  return fclose (file) == 0 && done;
}

static char *
sample_hash (const char  *path,
             GError     **error)
{
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, error);

  if (archive == NULL)
    return NULL;
  return rapport_export_sample_hash (archive, NULL, error);
}

/* Text of @length bytes that does not compress, so that a zip of it stored is as large. */
static char *
noise (gsize length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  char *text = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    text[i] = 'A' + g_rand_int_range (rand, 0, 58);
  text[length] = '\0';
  return text;
}

/* A zip of a few KiB is hashed whole; one over 8 MiB by its samples, first and last bytes
 * included; both as the definition says, byte for byte. */
static void
test_archive_samples (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *small = g_build_filename (dir, "small.zip", NULL);
  g_autofree char *large = g_build_filename (dir, "large.zip", NULL);
  g_autofree char *text = noise (9 * 1024 * 1024 + 12345);
  g_autoptr(GError) error = NULL;
  g_autofree char *small_hash = NULL;
  g_autofree char *large_hash = NULL;
  g_autofree char *expected = NULL;
  GStatBuf info;

  rapport_test_write_archive (small, "zip", "followers.json", "[{\"name\": \"Kim\"}]", NULL);
  rapport_test_write_archive (large, "zip-stored", "posts.json", text, NULL);
  g_assert_cmpint (g_stat (large, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, WHOLE_LIMIT);

  small_hash = sample_hash (small, &error);
  g_assert_no_error (error);
  expected = expected_sample_hash (small);
  g_assert_cmpstr (small_hash, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Read, not mapped: the pages of a mapping stayed in the process, and the kernel maps large
   * blocks of a file around each sample. */
  g_clear_pointer (&text, g_free);
  if (reset_peak ())
    {
      gint64 before = status_kib ("VmRSS:");

      large_hash = sample_hash (large, &error);
      g_test_message ("peak while hashing the samples: %" G_GINT64_FORMAT " KiB more",
                      status_kib ("VmHWM:") - before);
      g_assert_cmpint (status_kib ("VmHWM:") - before, <, 2048);
    }
  else
    large_hash = sample_hash (large, &error);
  expected = expected_sample_hash (large);
  g_assert_cmpstr (large_hash, ==, expected);

  /* A byte between two samples is not seen; the last byte is. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *changed_hash = NULL;
    gsize size = 0;
    gsize between = (info.st_size - SAMPLE_SIZE) / (SAMPLES - 1) + SAMPLE_SIZE + 7;

    g_assert_true (g_file_get_contents (large, &contents, &size, NULL));
    contents[between] ^= 1;
    g_assert_true (g_file_set_contents (large, contents, size, NULL));
    changed_hash = sample_hash (large, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (changed_hash, ==, large_hash);

    contents[size - 1] ^= 1;
    g_assert_true (g_file_set_contents (large, contents, size, NULL));
    g_clear_pointer (&changed_hash, g_free);
    changed_hash = sample_hash (large, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (changed_hash, !=, large_hash);
  }
  rapport_test_remove_tree (dir);
}

/* The full hash of one file: its size and every byte. */
static void
test_full_hash (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.zip", NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  const char *paths[] = { path, NULL };
  gsize size = 0;

  rapport_test_write_archive (path, "zip", "followers.json", "[{\"name\": \"Bo\"}]", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  add_size (checksum, size);
  g_checksum_update (checksum, (const guchar *) contents, size);

  hash = rapport_export_hash_finish (rapport_export_hash_start (paths, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, g_checksum_get_string (checksum));
  rapport_test_remove_tree (dir);
}

/* An archive gone between its opening and its hash: an error that names it and says why. */
static void
test_unreadable (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  rapport_test_write_archive (path, "zip", "followers.json", "[]", NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  hash = rapport_export_sample_hash (archive, NULL, &error);
  g_assert_null (hash);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "gone.zip: cannot be read ("));
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-hash/archive-samples", test_archive_samples);
  g_test_add_func ("/export-hash/full-hash", test_full_hash);
  g_test_add_func ("/export-hash/unreadable", test_unreadable);

  return g_test_run ();
}
