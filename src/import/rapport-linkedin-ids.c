/* rapport-linkedin-ids.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import/rapport-linkedin-private.h"

/* The number after @marker in @text ("urn:li:activity:" in "…urn:li:activity:72/"), where a
 * number follows it whole (ids are 19 digits today; a longer number is no id), or NULL. */
static char *
number_after (const char *text,
              const char *marker)
{
  for (const char *at = strstr (text, marker); at != NULL; at = strstr (at + 1, marker))
    {
      const char *start = at + strlen (marker);
      gsize len = strspn (start, "0123456789");

      if (len > 0 && len <= 19 && !g_ascii_isalnum (start[len]))
        return g_strndup (start, len);
    }
  return NULL;
}

/* The URL with its escapes undone: links copied from a browser write the URN's colons as %3A. */
static char *
unescape_url (const char *url)
{
  return url != NULL ? g_uri_unescape_string (url, NULL) : NULL;
}

char *
rapport_linkedin_activity_id (const char *url)
{
  g_autofree char *unescaped = unescape_url (url);
  char *id;

  if (unescaped == NULL)
    return NULL;
  /* …/feed/update/urn:li:activity:<id>/, or a post's public link
   * …/posts/<member>_<words>-activity-<id>-<code>. */
  if ((id = number_after (unescaped, "urn:li:activity:")) == NULL)
    id = number_after (unescaped, "-activity-");
  return id;
}

/* A share's or a ugcPost's number is marked, since it is another one than the activity's and
 * the post would otherwise be lost. */
char *
rapport_linkedin_post_id (const char *url)
{
  static const char * const kinds[] = { "share", "ugcPost" };
  g_autofree char *unescaped = NULL;
  char *id;

  if ((id = rapport_linkedin_activity_id (url)) != NULL ||
      (unescaped = unescape_url (url)) == NULL)
    return id;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *urn = g_strdup_printf ("urn:li:%s:", kinds[i]);
      g_autofree char *slug = g_strdup_printf ("-%s-", kinds[i]);
      g_autofree char *number = number_after (unescaped, urn);

      if (number == NULL)
        number = number_after (unescaped, slug);
      if (number != NULL)
        return g_strdup_printf ("%s:%s", kinds[i], number);
    }
  return NULL;
}
