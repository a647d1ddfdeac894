/* rapport-medium-following.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Medium's pages of followed users and publications, read as libxml2's HTML parser goes rather
 * than as a tree: the page of a reader who follows many is several MB, and its tree took twenty
 * times that.  The parser's events are those that would build the tree, so the links come in
 * the order a walk of the tree finds them.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "core/rapport-import-error.h"
#include "import/rapport-medium-private.h"

/* Single segments of medium.com that are pages, not publications. */
static const char * const reserved_paths[] = {
  "about", "creators", "jobs", "m", "me", "membership", "new-story", "p", "plans", "policy",
  "search", "signin", "tag", "tags", "topic", "topics",
};

/* The handle of a link to a Medium profile, "https://medium.com/@name", else NULL. */
char *
rapport_medium_profile_user (const char *href,
                             gboolean    publication)
{
  static const char * const prefixes[] = {
    "https://medium.com/", "https://www.medium.com/", "http://medium.com/",
    "http://www.medium.com/",
  };
  const char *rest = NULL;
  const char *after;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && rest == NULL; i++)
    if (g_ascii_strncasecmp (href, prefixes[i], strlen (prefixes[i])) == 0)
      rest = href + strlen (prefixes[i]);
  if (rest == NULL)
    return NULL;
  /* A publication is known by its slug; a user by "@name", in either list. */
  if (*rest == '@')
    rest++;
  else if (!publication)
    return NULL;

  len = strcspn (rest, "/?#");
  after = rest + len;
  if (*after == '/')
    after++;
  if (len == 0 || len > 64 || (*after != '\0' && *after != '?' && *after != '#'))
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (rest[i]) && rest[i] != '.' && rest[i] != '_' && rest[i] != '-')
      return NULL;
  if (rest[-1] != '@')
    for (guint i = 0; i < G_N_ELEMENTS (reserved_paths); i++)
      if (strlen (reserved_paths[i]) == len &&
          g_ascii_strncasecmp (rest, reserved_paths[i], len) == 0)
        return NULL;
  return g_strndup (rest, len);
}

typedef struct
{
  RapportImportSink *sink;
  guint64 *n_records;
  GHashTable *seen;
  gboolean publications;
  guint hidden_depth; /* inside a script, style, noscript or template */
  gboolean any_element;
  GError *error;
} Following;

gboolean
rapport_medium_is_hidden_element (const char *name)
{
  return g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0 ||
         g_ascii_strcasecmp (name, "noscript") == 0 ||
         g_ascii_strcasecmp (name, "template") == 0;
}

static void
following_link (Following      *following,
                const xmlChar **attributes)
{
  const char *href = NULL;
  g_autofree char *handle = NULL;
  RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, NULL, NULL, 0 };

  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    if (g_ascii_strcasecmp ((const char *) attributes[i], "href") == 0)
      {
        href = (const char *) attributes[i + 1];
        break;
      }
  if (href == NULL || strlen (href) > RAPPORT_MEDIUM_MAX_URL_BYTES)
    return;
  /* Other links (Medium's own, a publication on its own domain) name no account. */
  handle = rapport_medium_profile_user (href, following->publications);
  if (handle == NULL || !g_hash_table_add (following->seen, g_ascii_strdown (handle, -1)))
    return;
  relation.handle = handle;
  if (rapport_import_sink_add_relation (following->sink, &relation, &following->error))
    (*following->n_records)++;
}

/* The page as the parser asks for it, a block at a time. */
typedef struct
{
  const char *data;
  gsize size;
  gsize at;
} Source;

static int
read_source (void *context,
             char *buffer,
             int   len)
{
  Source *source = context;
  gsize n = MIN ((gsize) MAX (len, 0), source->size - source->at);

  memcpy (buffer, source->data + source->at, n);
  source->at += n;
  return (int) n;
}

static void
following_start (void           *data,
                 const xmlChar  *name,
                 const xmlChar **attributes)
{
  Following *following = ((htmlParserCtxtPtr) data)->_private;

  following->any_element = TRUE;
  if (following->error != NULL)
    return;
  if (following->hidden_depth > 0 || rapport_medium_is_hidden_element ((const char *) name))
    following->hidden_depth++;
  else if (g_ascii_strcasecmp ((const char *) name, "a") == 0)
    following_link (following, attributes);
}

static void
following_end (void          *data,
               const xmlChar *name)
{
  Following *following = ((htmlParserCtxtPtr) data)->_private;

  if (following->hidden_depth > 0)
    following->hidden_depth--;
}

gboolean
rapport_medium_read_following (RapportArchive     *archive,
                               const char         *entry,
                               gboolean            publications,
                               GHashTable         *seen,
                               RapportImportSink  *sink,
                               guint64            *n_records,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  Following following = { sink, n_records, seen, publications, 0, FALSE, NULL };
  htmlSAXHandler sax = { 0 };
  htmlParserCtxtPtr context;
  htmlDocPtr doc;
  Source source = { NULL, 0, 0 };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!(bytes = rapport_archive_read (archive, entry, NULL, &local_error)))
    goto skipped;
  source.data = g_bytes_get_data (bytes, &source.size);
  if (source.size > RAPPORT_MEDIUM_MAX_PAGE_BYTES)
    {
      g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the page is too large to read"), entry);
      goto skipped;
    }

  /* Pulled through a reader rather than pushed: the push parser kept every byte pushed, a
   * second copy of a page of 150,000 links. */
  sax.startElement = following_start;
  sax.endElement = following_end;
  context = htmlNewParserCtxt ();
  if (context == NULL)
    g_error ("%s: out of memory", G_STRFUNC);
  memcpy (context->sax, &sax, sizeof sax);
  context->_private = &following;
  context->userData = context;
  doc = htmlCtxtReadIO (context, read_source, NULL, &source, entry, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_clear_pointer (&doc, xmlFreeDoc);
  htmlFreeParserCtxt (context);
  if (following.error != NULL)
    {
      g_propagate_error (error, following.error);
      return FALSE;
    }
  if (!following.any_element)
    {
      g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the page cannot be read"), entry);
      goto skipped;
    }
  return TRUE;

skipped:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rapport_import_sink_skip_error (sink, entry, local_error);
  return TRUE;
}
