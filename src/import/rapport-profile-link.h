/* rapport-profile-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account a link to a profile page names ("https://www.instagram.com/jo.doe/",
 * "https://medium.com/@jo"), by the rules of each site.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char * const *prefixes;    /* the site's addresses, NULL-terminated */
  const char * const *reserved;    /* single-segment paths that are pages, NULL-terminated */
  const char         *extra_chars; /* what a name holds besides ASCII letters and digits */
  gsize               max_length;
} RapportProfileSite;

/* What @href holds after one of @site's prefixes (matched without case), or NULL. */
const char *rapport_profile_link_path (const RapportProfileSite *site,
                                       const char               *href);
/* The name at the start of @path when it is the whole path (followed by nothing, "/", "?" or
 * "#"), of 1 to max_length allowed characters, and, with @pages_reserved, not a page of the
 * site; else NULL. */
char       *rapport_profile_link_name (const RapportProfileSite *site,
                                       const char               *path,
                                       gboolean                  pages_reserved);

G_END_DECLS
