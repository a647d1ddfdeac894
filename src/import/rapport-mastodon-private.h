/* rapport-mastodon-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Mastodon importer share: the ActivityStreams reader of the outbox
 * (rapport-mastodon-outbox.c) and the conversions it needs.
 */

#pragma once

#include "import/rapport-json-array.h"
#include "import/rapport-mastodon-importer.h"

G_BEGIN_DECLS

/* Arrays of the outbox longer than this are read in batches rather than built at once. */
#define RAPPORT_MASTODON_LONG_LIST_BYTES (64 << 10)

/* "user@host" for the URL of a post or an account: https://host/@user/123,
 * https://host/@user@other/123 (a remote account's page) or https://host/users/user/…;
 * else NULL. */
char     *rapport_mastodon_handle_of_url  (const char              *url);

/* Reads the outbox's items (the last orderedItems of the root, the one that holds them when
 * the key is written twice) into @sink; *@newest is raised to the newest time read.  Fails on
 * a cancelled import or a sink error; an item that cannot be read is skipped. */
gboolean  rapport_mastodon_read_outbox    (RapportJsonTree         *tree,
                                           const char              *entry,
                                           RapportImportSink       *sink,
                                           gint64                  *newest,
                                           GCancellable            *cancellable,
                                           GError                 **error);

G_END_DECLS
