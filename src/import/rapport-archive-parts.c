/* rapport-archive-parts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several archives of one export opened as one: Meta and Google Takeout split large exports
 * into parts, and each part is an archive of its own, with its own wrapping folder.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-archive-private.h"
#include "import/rapport-export-parts.h"

/* "followers_and_following/followers_1" for ".../followers_and_following/followers_1.json"
 * and for "….html": a file of data, known by its folder's name and its own without the
 * extension, since each part's wrapping folders are stripped on their own and a JSON and an
 * HTML export name their files alike.  NULL for media, and for the pages that lead through
 * an export, which every part may carry. */
static char *
dup_data_file_key (const char *entry)
{
  static const char * const extensions[] = { ".json", ".js", ".csv", ".html", ".htm" };
  static const char * const guide_pages[] = { "index", "start_here", "archive_browser" };
  g_auto(GStrv) components = g_strsplit (entry, "/", -1);
  guint n_components = g_strv_length (components);
  char *base = components[n_components - 1];
  char *dot = strrchr (base, '.');
  gboolean data = FALSE;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (extensions); i++)
    data |= g_ascii_strcasecmp (dot, extensions[i]) == 0;
  if (!data)
    return NULL;

  *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (guide_pages); i++)
    if (g_ascii_strcasecmp (base, guide_pages[i]) == 0)
      return NULL;

  return n_components > 1 ? g_strconcat (components[n_components - 2], "/", base, NULL)
                          : g_strdup (base);
}

/* Records the entries of part @index; FALSE, with @error set, when it holds a data file that
 * an earlier part holds too. */
static gboolean
add_part_entries (GPtrArray   *parts,
                  guint        index,
                  GHashTable  *data_files,
                  GHashTable  *names,
                  GError     **error)
{
  RapportArchive *part = g_ptr_array_index (parts, index);
  const char * const *entries;
  guint n_entries;

  entries = rapport_archive_get_entries (part, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *key = dup_data_file_key (entries[i]);
      gpointer holder;

      if (key != NULL && g_hash_table_lookup_extended (data_files, key, NULL, &holder) &&
          GPOINTER_TO_UINT (holder) != index)
        {
          RapportArchive *earlier = g_ptr_array_index (parts, GPOINTER_TO_UINT (holder));

          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS,
                       _("%s and %s are separate exports, not parts of one: each holds %s"),
                       rapport_archive_get_name (earlier), rapport_archive_get_name (part),
                       entries[i]);
          return FALSE;
        }
      if (key != NULL)
        g_hash_table_replace (data_files, g_steal_pointer (&key), GUINT_TO_POINTER (index));

      /* Media or a page that leads through the export, as the first part has it. */
      if (!g_hash_table_add (names, (gpointer) entries[i]))
        g_debug ("%s: %s is in an earlier part too, whose copy is read",
                 rapport_archive_get_name (part), entries[i]);
    }
  return TRUE;
}

RapportArchive *
rapport_archive_open_many (const char * const  *paths,
                           GError             **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) data_files = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *name = NULL;
  gint64 mtime = G_MININT64;
  guint n_paths;

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_paths = g_strv_length ((char **) paths);
  if (n_paths == 1)
    return rapport_archive_open (paths[0], error);

  parts = g_ptr_array_new_with_free_func (g_object_unref);
  /* The data files by key, each with the index of its part; every entry name, as listed. */
  data_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_paths; i++)
    {
      RapportArchive *part;

      if (!(part = rapport_archive_open (paths[i], error)))
        return NULL;
      g_ptr_array_add (parts, part);
      mtime = MAX (mtime, rapport_archive_get_mtime (part));
      if (!add_part_entries (parts, i, data_files, names, error))
        return NULL;
    }

  name = rapport_export_parts_get_name (paths, n_paths);
  return rapport_archive_new_joined (parts, name, mtime);
}
