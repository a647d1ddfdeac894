/* rapport-bluesky-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "import/rapport-car.h"
#include "import/rapport-cbor.h"

G_BEGIN_DECLS

/* A Merkle search tree of a repository is about log32 of its records deep; deeper is broken. */
#define RAPPORT_MST_MAX_DEPTH 64
/* A key "collection/rkey": atproto allows 1024 bytes. */
#define RAPPORT_MST_MAX_KEY 1024

/* Called for each record in key order, with its binary CID. */
typedef gboolean (*RapportMstFunc) (const char    *key,
                                    const guint8  *cid,
                                    gsize          cid_length,
                                    gpointer       user_data,
                                    GError       **error);

/* Walks the tree of root @root (a link value) in @car; errors name @name. */
gboolean rapport_bluesky_walk_mst  (RapportCar              *car,
                                    const RapportCborValue  *root,
                                    const char              *name,
                                    RapportMstFunc           func,
                                    gpointer                 user_data,
                                    GError                 **error);
/* The time of a TID (13 characters, base32-sortable: microseconds since 1970 over a 10-bit
 * clock id), in Unix seconds; FALSE when @text is no TID. */
gboolean rapport_bluesky_tid_time  (const char              *text,
                                    gint64                  *seconds);

G_END_DECLS
