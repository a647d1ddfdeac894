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

/* "instagram-jo.doe-2024-05-01-AbCd.zip" (2021–) or "jo.doe_20200115.zip" (until 2020). */
static char *
user_from_archive_name (const char *name)
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

gboolean
rapport_instagram_read_account (RapportInstagramImport  *self,
                                char                   **handle,
                                char                   **display_name,
                                GError                 **error)
{
  const char *entry;

  entry = rapport_instagram_find (self, "personal_information.json");
  if (entry != NULL)
    {
      g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
      const RapportJsonValue *profile;
      const RapportJsonValue *map;

      if (tree == NULL)
        return FALSE;
      profile = rapport_instagram_array_get_object (
        rapport_json_value_get_array (rapport_json_tree_get_root (tree), "profile_user"), 0);
      map = rapport_json_value_get_object (profile, "string_map_data");
      if (map != NULL)
        {
          const char *username = rapport_instagram_label_value (map, "Username");
          const char *name = rapport_instagram_label_value (map, "Name");

          if (username == NULL)
            username = rapport_instagram_label_value (map, "Benutzername");
          *handle = rapport_instagram_repair_text (username);
          *display_name = rapport_instagram_repair_text (name);
        }
    }

  /* Until 2020: profile.json = {"username": …, "name": …}. */
  entry = *handle == NULL && self->until_2020
    ? rapport_instagram_find (self, "profile.json")
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
          *handle = rapport_instagram_repair_text (rapport_json_value_get_string (root,
                                                                                  "username"));
          g_free (*display_name);
          *display_name = rapport_instagram_repair_text (rapport_json_value_get_string (root,
                                                                                        "name"));
        }
    }

  if (*handle != NULL)
    g_strstrip (*handle);
  if (*handle == NULL || **handle == '\0')
    {
      g_free (*handle);
      *handle = user_from_archive_name (rapport_archive_get_name (self->archive));
    }
  if (*display_name != NULL && g_strstrip (*display_name)[0] == '\0')
    g_clear_pointer (display_name, g_free);

  if (*handle == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the export has no username: personal_information.json is missing "
                     "or empty, and the file name does not start with instagram-<username>-"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }
  return TRUE;
}

/* The archive's name gives the day the export was requested ("instagram-jo-2024-05-01-…");
 * the newest timestamp inside is a lower bound of when it was made.  The later of the two is
 * the better estimate, and the timestamp wins on the same day because it is more precise. */
void
rapport_instagram_set_export_date (RapportInstagramImport *self,
                                   gint64                 *exported_at)
{
  gint64 from_name = 0;

  if (rapport_date_find_in_name (rapport_archive_get_name (self->archive), &from_name) &&
      from_name > self->newest)
    {
      *exported_at = from_name;
      rapport_import_sink_set_export_date (self->sink, from_name, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
    }
  else if (self->newest > 0)
    {
      *exported_at = self->newest;
      rapport_import_sink_set_export_date (self->sink, self->newest,
                                           RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
    }
  else
    {
      *exported_at = rapport_archive_get_mtime (self->archive);
      rapport_import_sink_set_export_date (self->sink, *exported_at, RAPPORT_DATE_SOURCE_FILE_TIME);
    }
}
