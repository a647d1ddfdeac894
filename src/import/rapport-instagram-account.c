/* rapport-instagram-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whose export this is and when it was made: the personal information inside, else the names
 * the export was given.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "import/rapport-export-name.h"
#include "import/rapport-instagram-private.h"

/* "instagram-jo.doe-2024-05-01-AbCd.zip" (2021–) or "jo.doe_20200115" (until 2022, the top
 * folder of the zip). */
static char *
user_from_name (const char *name)
{
  const char *p;

  if (g_ascii_strncasecmp (name, "instagram-", 10) == 0)
    return rapport_export_name_get_user (name, "instagram");

  for (p = strrchr (name, '_'); p != NULL && p > name; p = g_strrstr_len (name, p - name, "_"))
    {
      if (strspn (p + 1, "0123456789") == 8 &&
          (p[9] == '\0' || p[9] == '.' || p[9] == '_'))
        {
          for (const char *c = name; c < p; c++)
            {
              if (!g_ascii_isalnum (*c) && *c != '.' && *c != '_')
                return NULL;
            }
          return g_strndup (name, p - name);
        }
    }
  return NULL;
}

/* The names the export was given, the most trusted first: its folder in an Accounts Center
 * wrapper, the folders around it from the inside out, and the archive's own name, which people
 * rename more often than the folders inside. */
static GPtrArray *
export_names (RapportInstagramImport *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *top = rapport_archive_get_top_folders (self->archive);

  if (self->prefix != NULL)
    g_ptr_array_add (names, g_strndup (self->prefix, strlen (self->prefix) - 1));
  if (top != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (top, "/", -1);

      for (guint i = g_strv_length (parts); i > 0; i--)
        g_ptr_array_add (names, g_strdup (parts[i - 1]));
    }
  g_ptr_array_add (names, g_strdup (rapport_archive_get_name (self->archive)));
  return names;
}

/* personal_information.json: {"profile_user": [{"string_map_data": {"Username": {"value": …},
 * "Name": {"value": …}}}]}.  A damaged file is named and passed over: the names of the export
 * may still say whose it is. */
static gboolean
read_personal_information (RapportInstagramImport  *self,
                           const char              *entry,
                           char                   **handle,
                           char                   **display_name,
                           GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, &local_error);
  const RapportJsonValue *profile;
  const RapportJsonValue *map;
  const char *username;

  if (tree == NULL)
    {
      if (!g_error_matches (local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      rapport_import_sink_skip_error (self->sink, entry, local_error);
      return TRUE;
    }

  profile = rapport_instagram_array_get_object (
    rapport_json_value_get_array (rapport_json_tree_get_root (tree), "profile_user"), 0);
  map = rapport_json_value_get_object (profile, "string_map_data");
  if (map == NULL)
    return TRUE;
  username = rapport_instagram_label_value (map, "Username");
  if (username == NULL)
    username = rapport_instagram_label_value (map, "Benutzername");
  *handle = rapport_instagram_repair_text (username);
  *display_name = rapport_instagram_repair_text (rapport_instagram_label_value (map, "Name"));
  return TRUE;
}

gboolean
rapport_instagram_read_account (RapportInstagramImport  *self,
                                RapportAccountInfo      *account,
                                GError                 **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *display_name = NULL;
  const char *entry;

  entry = rapport_instagram_find (self, "personal_information.json");
  if (entry != NULL &&
      !read_personal_information (self, entry, &handle, &display_name, error))
    return FALSE;

  /* Until 2020: profile.json = {"username": …, "name": …}. */
  entry = handle == NULL && self->until_2020 ? rapport_instagram_find (self, "profile.json")
                                             : NULL;
  if (entry != NULL)
    {
      g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
      const RapportJsonValue *root;

      if (tree == NULL)
        return FALSE;
      root = rapport_json_tree_get_root (tree);
      if (root->kind == RAPPORT_JSON_OBJECT)
        {
          handle = rapport_instagram_repair_text (rapport_json_value_get_string (root,
                                                                                 "username"));
          g_free (display_name);
          display_name = rapport_instagram_repair_text (rapport_json_value_get_string (root,
                                                                                       "name"));
        }
    }

  if (handle != NULL && g_strstrip (handle)[0] == '\0')
    g_clear_pointer (&handle, g_free);
  if (display_name != NULL && g_strstrip (display_name)[0] == '\0')
    g_clear_pointer (&display_name, g_free);

  names = export_names (self);
  for (guint i = 0; handle == NULL && i < names->len; i++)
    handle = user_from_name (g_ptr_array_index (names, i));

  /* Nothing names the account: the archive's name stands in until the user names it. */
  account->platform = RAPPORT_PLATFORM_INSTAGRAM;
  if (handle == NULL)
    {
      account->provisional = TRUE;
      handle = rapport_export_name_strip (rapport_archive_get_name (self->archive));
      if (handle == NULL)
        handle = g_strdup ("instagram");
    }
  account->handle = self->handle = g_steal_pointer (&handle);
  account->display_name = self->display_name = g_steal_pointer (&display_name);
  return TRUE;
}

void
rapport_instagram_set_export_date (RapportInstagramImport *self,
                                   gint64                 *exported_at)
{
  g_autoptr(GPtrArray) names = export_names (self);
  gint64 from_name = 0;
  RapportDateSource source;

  /* Meta names the export and the folders around it with the day it was made. */
  for (guint i = 0; i < names->len; i++)
    {
      if (rapport_date_find_in_name (g_ptr_array_index (names, i), &from_name))
        break;
      from_name = 0;
    }
  source = rapport_export_name_choose_date (from_name, self->newest,
                                            rapport_archive_get_mtime (self->archive),
                                            exported_at);
  rapport_import_sink_set_export_date (self->sink, *exported_at, source);
}
