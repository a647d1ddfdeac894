/* rapport-medium-following.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Medium's pages of followed users and publications, read as a stream and parsed as libxml2's
 * HTML parser goes rather than as a tree: the page of a reader who follows many is several MB,
 * its tree took twenty times that, and the page held whole its own size again.  The parser's
 * events are those that would build the tree, so the links come in the order a walk of the tree
 * finds them.  Each account goes to the sink as its link is read; the store keeps an account
 * listed twice once, so no table of the handles is kept here.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "core/rapport-import-error.h"
#include "import/rapport-medium-private.h"
#include "import/rapport-profile-link.h"

/* Medium's profile links; single segments of medium.com that are pages, not publications. */
static const char * const medium_prefixes[] = {
  "https://medium.com/", "https://www.medium.com/", "http://medium.com/",
  "http://www.medium.com/", NULL,
};
static const char * const medium_pages[] = {
  "about", "creators", "jobs", "m", "me", "membership", "new-story", "p", "plans", "policy",
  "search", "signin", "tag", "tags", "topic", "topics", NULL,
};
static const RapportProfileSite medium = { medium_prefixes, medium_pages, "._-", 64 };

/* The handle of a link to a Medium profile, "https://medium.com/@name", else NULL. */
char *
rapport_medium_profile_user (const char *href,
                             gboolean    publication)
{
  const char *path = rapport_profile_link_path (&medium, href);

  if (path == NULL)
    return NULL;
  /* A publication is known by its slug, never a page of the site; a user by "@name", in either
   * list. */
  if (*path == '@')
    return rapport_profile_link_name (&medium, path + 1, FALSE);
  return publication ? rapport_profile_link_name (&medium, path, TRUE) : NULL;
}

typedef struct
{
  RapportImportSink *sink;
  guint64 *n_records;
  guint64 n_links;    /* the accounts of this page handed over */
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
  if (handle == NULL)
    return;
  relation.handle = handle;
  following->n_links++;
  if (rapport_import_sink_add_relation (following->sink, &relation, &following->error))
    (*following->n_records)++;
}

/* The page as the parser asks for it, a block at a time. */
typedef struct
{
  RapportArchiveStream *stream;
  GError *error;
} Source;

static int
read_source (void *context,
             char *buffer,
             int   len)
{
  Source *source = context;
  gssize n;

  if (source->error != NULL)
    return -1;
  n = rapport_archive_stream_read (source->stream, buffer, (gsize) MAX (len, 0),
                                   &source->error);
  return n < 0 ? -1 : (int) n;
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
                               RapportImportSink  *sink,
                               guint64            *n_records,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  Following following = { sink, n_records, 0, publications, 0, FALSE, NULL };
  htmlSAXHandler sax = { 0 };
  htmlParserCtxtPtr context;
  htmlDocPtr doc;
  Source source = { NULL, NULL };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

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
  source.stream = rapport_archive_open_stream (archive, entry, cancellable);
  doc = htmlCtxtReadIO (context, read_source, NULL, &source, entry, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_clear_pointer (&doc, xmlFreeDoc);
  htmlFreeParserCtxt (context);
  g_clear_pointer (&source.stream, rapport_archive_stream_free);
  if (following.error != NULL)
    {
      g_clear_error (&source.error);
      g_propagate_error (error, following.error);
      return FALSE;
    }
  if (source.error != NULL)
    {
      local_error = g_steal_pointer (&source.error);
      /* The accounts read before are in the list already: a list cut short would show
       * everyone after the break as no longer followed. */
      if (following.n_links > 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      goto skipped;
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
