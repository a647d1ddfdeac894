/* rapport-instagram-html.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTML flavour of the export: each account in a follow list is a link to its profile,
 * followed by the date in the account's language.  Names come from the links; a date is read
 * only when it is written the English way ("Jul 5, 2024, 2:34 PM"), otherwise it is unknown.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"
#include "import/rapport-profile-link.h"

/* Instagram's profile links; single-segment paths on instagram.com that are pages, not
 * people. */
static const char * const instagram_prefixes[] = {
  "https://www.instagram.com/", "https://instagram.com/", "https://m.instagram.com/",
  "http://www.instagram.com/", "http://instagram.com/", NULL,
};
static const char * const instagram_pages[] = {
  "about", "accounts", "challenge", "developer", "direct", "emails", "explore", "legal",
  "oauth", "p", "privacy", "reel", "reels", "session", "stories", "terms", "tv", "web", NULL,
};
static const RapportProfileSite instagram = { instagram_prefixes, instagram_pages, "._", 30 };

static char *
profile_user (const char *href)
{
  const char *path = rapport_profile_link_path (&instagram, href);

  if (path == NULL)
    return NULL;
  if (g_str_has_prefix (path, "_u/"))
    path += 3;
  return rapport_profile_link_name (&instagram, path, TRUE);
}

typedef struct
{
  RapportInstagramImport *import;
  const char *entry;
  RapportDirection direction;
  char *pending; /* the last account's name, until its date shows */
} Walk;

static gboolean
flush_pending (Walk    *walk,
               gint64   since,
               GError **error)
{
  g_autofree char *name = g_steal_pointer (&walk->pending);

  if (name == NULL)
    return TRUE;
  return rapport_instagram_add_relation (walk->import, walk->entry, walk->direction, name, since,
                                         error);
}

static gboolean
walk_nodes (Walk     *walk,
            xmlNode  *node,
            GError  **error)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) n->name;

          if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0)
            continue;
          if (g_ascii_strcasecmp (name, "a") == 0)
            {
              xmlChar *href = xmlGetProp (n, (const xmlChar *) "href");
              g_autofree char *user = href != NULL ? profile_user ((const char *) href) : NULL;

              xmlFree (href);
              if (user != NULL)
                {
                  if (!flush_pending (walk, 0, error))
                    return FALSE;
                  walk->pending = g_steal_pointer (&user);
                  continue;
                }
            }
          if (!walk_nodes (walk, n->children, error))
            return FALSE;
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
               walk->pending != NULL && n->content != NULL)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *) n->content));
          gint64 since = 0;

          /* The first text after a link is its date, in whatever language. */
          if (text[0] == '\0')
            continue;
          if (!rapport_date_parse_meta_text (text, &since))
            since = 0;
          if (!flush_pending (walk, since, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
rapport_instagram_read_relations_html (RapportInstagramImport  *self,
                                       const char              *entry,
                                       RapportDirection         direction,
                                       GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  Walk walk = { self, entry, direction, NULL };
  htmlDocPtr doc;
  gconstpointer data;
  gsize size = 0;
  gboolean ok;

  g_assert (self != NULL);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  bytes = rapport_archive_read (self->archive, entry, NULL, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the page is too large to read"), entry);
      return FALSE;
    }
  doc = htmlReadMemory (size > 0 ? data : "", (int) size, entry, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the page cannot be read"), entry);
      return FALSE;
    }

  ok = walk_nodes (&walk, xmlDocGetRootElement (doc), error) && flush_pending (&walk, 0, error);
  g_free (walk.pending);
  xmlFreeDoc (doc);

  if (ok)
    rapport_import_sink_progress (self->sink, entry, self->n_records);
  return ok;
}
