/* fuzz-support.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "fuzz-support.h"

static char *scratch;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
fuzz_fresh_folder (const char *name)
{
  char *folder;

  if (scratch == NULL)
    {
      scratch = g_dir_make_tmp ("rapport-fuzz-XXXXXX", NULL);
      g_assert (scratch != NULL);
    }
  folder = g_build_filename (scratch, name, NULL);
  remove_tree (folder);
  g_mkdir_with_parents (folder, 0700);
  return folder;
}

void
fuzz_write_file (const char   *folder,
                 const char   *relative_path,
                 const guint8 *data,
                 gsize         size)
{
  g_autofree char *path = g_build_filename (folder, relative_path, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
}

GBytes *
fuzz_store_zip (const char * const   *names,
                const guint8 * const *contents,
                const gsize          *lengths,
                guint                 n_parts)
{
  struct archive *writer = archive_write_new ();
  gsize capacity = 4096;
  g_autofree guint8 *buffer = NULL;
  size_t used = 0;

  for (guint i = 0; i < n_parts; i++)
    capacity += lengths[i] + strlen (names[i]) * 2 + 256;
  buffer = g_malloc (capacity);

  archive_write_set_format_zip (writer);
  archive_write_set_format_option (writer, "zip", "compression", "store");
  archive_write_open_memory (writer, buffer, capacity, &used);
  for (guint i = 0; i < n_parts; i++)
    {
      struct archive_entry *entry;

      if (contents[i] == NULL)
        continue;
      entry = archive_entry_new ();
      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) lengths[i]);
      if (archive_write_header (writer, entry) == ARCHIVE_OK)
        archive_write_data (writer, contents[i], lengths[i]);
      archive_entry_free (entry);
    }
  archive_write_close (writer);
  archive_write_free (writer);

  return g_bytes_new (buffer, used);
}

RapportImportSink *
fuzz_null_sink (void)
{
  /* Every callback left NULL accepts the record. */
  static RapportImportSink sink;

  return &sink;
}

void
fuzz_run_importer (const char *path,
                   gboolean  (*import) (RapportArchive *, RapportImportSink *, GCancellable *, GError **))
{
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  if (!(archive = rapport_archive_open (path, &error)))
    return;
  /* Real exports are large, but a fuzzer's inputs never need to be. */
  rapport_archive_set_entry_limit (archive, 16 * 1024 * 1024);
  import (archive, fuzz_null_sink (), NULL, &error);
}
