/* rapport-archive-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What rapport-archive-parts.c needs of rapport-archive.c.
 */

#pragma once

#include "import/rapport-archive.h"

G_BEGIN_DECLS

/* An archive of the entries of @parts (RapportArchive, in order), each read from its part; a
 * name two parts hold is the first's.  Its path is the first part's. */
RapportArchive *rapport_archive_new_joined (GPtrArray  *parts,
                                            const char *name,
                                            gint64      mtime);

G_END_DECLS
