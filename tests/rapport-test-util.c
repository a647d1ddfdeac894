/* rapport-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rapport-test-util.h"

void
rapport_test_write_archive (const char *path,
                            const char *format,
                            ...)
{
  struct archive *writer = archive_write_new ();
  const char *name;
  va_list args;

  if (g_str_equal (format, "zip") || g_str_equal (format, "zip-stored"))
    {
      archive_write_set_format_zip (writer);
      if (g_str_equal (format, "zip-stored"))
        g_assert_cmpint (archive_write_set_format_option (writer, "zip", "compression", "store"),
                         ==, ARCHIVE_OK);
    }
  else
    {
      g_assert_cmpstr (format, ==, "tar.gz");
      archive_write_set_format_pax_restricted (writer);
      archive_write_add_filter_gzip (writer);
    }
  g_assert_cmpint (archive_write_open_filename (writer, path), ==, ARCHIVE_OK);

  va_start (args, format);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_mtime (entry, 1700000000, 0);
      if (content == NULL)
        {
          archive_entry_set_filetype (entry, AE_IFDIR);
          archive_entry_set_perm (entry, 0755);
          g_assert_cmpint (archive_write_header (writer, entry), ==, ARCHIVE_OK);
        }
      else
        {
          gsize len = strlen (content);

          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_perm (entry, 0644);
          archive_entry_set_size (entry, len);
          g_assert_cmpint (archive_write_header (writer, entry), ==, ARCHIVE_OK);
          g_assert_cmpint (archive_write_data (writer, content, len), ==, (la_ssize_t) len);
        }
      archive_entry_free (entry);
    }
  va_end (args);

  g_assert_cmpint (archive_write_close (writer), ==, ARCHIVE_OK);
  archive_write_free (writer);
}

char *
rapport_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("rapport-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
rapport_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        rapport_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

char *
rapport_test_database_fingerprint (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "rapport.db", NULL);
  const char *tables[] = { "account", "snapshot", "relation", "post", "post_counts", "post_tag",
                           "follower_count", "interaction" };
  GString *fingerprint = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (fingerprint, "%s=%lld ", tables[i], sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (fingerprint, FALSE);
}

void
rapport_test_assert_contains (const char *text,
                              const char *part)
{
  g_assert_nonnull (text);

  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}
