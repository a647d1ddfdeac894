/* rapport-profile-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import/rapport-profile-link.h"

const char *
rapport_profile_link_path (const RapportProfileSite *site,
                           const char               *href)
{
  g_return_val_if_fail (site != NULL, NULL);

  for (guint i = 0; href != NULL && site->prefixes[i] != NULL; i++)
    {
      gsize len = strlen (site->prefixes[i]);

      if (g_ascii_strncasecmp (href, site->prefixes[i], len) == 0)
        return href + len;
    }
  return NULL;
}

char *
rapport_profile_link_name (const RapportProfileSite *site,
                           const char               *path,
                           gboolean                  pages_reserved)
{
  gsize len;
  const char *after;

  g_return_val_if_fail (site != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  len = strcspn (path, "/?#");
  after = path + len;
  if (*after == '/')
    after++;
  if (len == 0 || len > site->max_length || (*after != '\0' && *after != '?' && *after != '#'))
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (path[i]) && strchr (site->extra_chars, path[i]) == NULL)
      return NULL;
  for (guint i = 0; pages_reserved && site->reserved[i] != NULL; i++)
    if (strlen (site->reserved[i]) == len &&
        g_ascii_strncasecmp (path, site->reserved[i], len) == 0)
      return NULL;
  return g_strndup (path, len);
}
