/* rapport-export-name.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/rapport-dates.h"
#include "import/rapport-export-name.h"

/* "2024-05-01…" or "20240501…". */
static gboolean
starts_with_date (const char *text)
{
  gsize n_digits = strspn (text, "0123456789");

  if (n_digits == 8)
    return TRUE;
  return n_digits == 4 && text[4] == '-' &&
         g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) && text[7] == '-' &&
         g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]);
}

char *
rapport_export_name_get_user (const char *name,
                              const char *platform)
{
  gsize prefix_len;
  const char *user;
  gsize len;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (platform != NULL, NULL);

  prefix_len = strlen (platform);
  if (g_ascii_strncasecmp (name, platform, prefix_len) != 0 || name[prefix_len] != '-')
    return NULL;

  user = name + prefix_len + 1;
  len = strcspn (user, "-");
  if (len == 0 || user[len] != '-' || !starts_with_date (user + len + 1))
    return NULL;
  return g_strndup (user, len);
}

char *
rapport_export_name_strip (const char *name)
{
  static const char * const data_extensions[] = { ".json", ".js", ".csv", ".xlsx" };
  g_autofree char *stripped = NULL;
  gboolean cut = TRUE;

  g_return_val_if_fail (name != NULL, NULL);

  /* "tweets.js.zip" and "export.json.gz" happen: every extension comes off. */
  stripped = g_strdup (name);
  while (cut)
    {
      gsize len = strlen (stripped);
      gsize ext_len = rapport_export_name_archive_extension (stripped);

      for (guint i = 0; i < G_N_ELEMENTS (data_extensions) && ext_len == 0; i++)
        if (len > strlen (data_extensions[i]) &&
            g_ascii_strcasecmp (stripped + len - strlen (data_extensions[i]),
                                data_extensions[i]) == 0)
          ext_len = strlen (data_extensions[i]);

      cut = ext_len > 0 && ext_len < len;
      if (cut)
        stripped[len - ext_len] = '\0';
    }

  g_strstrip (stripped);
  if (stripped[0] == '\0')
    return NULL;
  return g_steal_pointer (&stripped);
}

char *
rapport_export_name_get_person (const char *name,
                                const char *prefix)
{
  g_autofree char *stripped = NULL;
  gsize prefix_len;
  char *person;
  char *cut;

  g_return_val_if_fail (prefix != NULL, NULL);

  if (name == NULL || (stripped = rapport_export_name_strip (name)) == NULL)
    return NULL;
  prefix_len = strlen (prefix);
  if (g_ascii_strncasecmp (stripped, prefix, prefix_len) != 0 || stripped[prefix_len] != '_')
    return NULL;
  person = stripped + prefix_len + 1;

  /* The dates come last, each its own part ("2026-01-01", "20260101", "1.1.2026"). */
  while ((cut = strrchr (person, '_')) != NULL && cut[1] != '\0' &&
         strspn (cut + 1, "0123456789-./") == strlen (cut + 1))
    *cut = '\0';
  if (cut == NULL && strspn (person, "0123456789-./") == strlen (person))
    return NULL;
  g_strstrip (person);
  if (*person == '\0' || !g_utf8_validate (person, -1, NULL))
    return NULL;
  return g_strdup (person);
}

gsize
rapport_export_name_archive_extension (const char *name)
{
  /* The two-part extensions first, so that ".tar.gz" is not taken for ".gz". */
  static const char * const extensions[] = {
    ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst",
    ".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z",
  };
  gsize len;

  g_return_val_if_fail (name != NULL, 0);

  len = strlen (name);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      gsize ext_len = strlen (extensions[i]);

      if (len >= ext_len && g_ascii_strcasecmp (name + len - ext_len, extensions[i]) == 0)
        return ext_len;
    }
  return 0;
}

RapportDateSource
rapport_export_name_choose_date (gint64  from_name,
                                 gint64  newest,
                                 gint64  file_time,
                                 gint64 *exported_at)
{
  g_return_val_if_fail (exported_at != NULL, RAPPORT_DATE_SOURCE_UNKNOWN);

  if (from_name > 0 && newest < from_name + 24 * 60 * 60)
    {
      *exported_at = from_name;
      return RAPPORT_DATE_SOURCE_ARCHIVE_NAME;
    }
  if (newest > 0)
    {
      *exported_at = newest;
      return RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP;
    }
  *exported_at = file_time;
  return RAPPORT_DATE_SOURCE_FILE_TIME;
}

char *
rapport_export_name_of_archive (RapportArchive *archive,
                                const char     *entry)
{
  const char *name;
  g_autofree char *folder = NULL;
  g_autofree char *folder_name = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);

  name = rapport_archive_get_name (archive);
  if (g_strcmp0 (name, entry) != 0)
    return g_strdup (name);

  folder = g_path_get_dirname (rapport_archive_get_path (archive));
  folder_name = g_path_get_basename (folder);
  if (strcmp (folder_name, ".") == 0 || strcmp (folder_name, G_DIR_SEPARATOR_S) == 0)
    return g_strdup (name);
  return g_steal_pointer (&folder_name);
}

char *
rapport_export_name_get_handle (const char *name,
                                const char *platform,
                                gboolean   *provisional)
{
  char *handle;

  g_return_val_if_fail (provisional != NULL, NULL);

  if ((handle = rapport_export_name_get_user (name, platform)) != NULL)
    return handle;
  *provisional = TRUE;
  return rapport_export_name_strip (name);
}

RapportDateSource
rapport_export_name_date_of (const char *name,
                             gint64      newest,
                             gint64      file_time,
                             gint64     *exported_at)
{
  gint64 from_name = 0;

  if (name == NULL || !rapport_date_find_in_name (name, &from_name))
    from_name = 0;
  return rapport_export_name_choose_date (from_name, newest, file_time, exported_at);
}
