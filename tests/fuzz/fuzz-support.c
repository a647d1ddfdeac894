/* fuzz-support.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
