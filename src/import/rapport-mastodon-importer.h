/* rapport-mastodon-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mastodon's account archive (archive-<date>-<hex>.tar.gz, or its folder): actor.json names
 * the account, outbox.json holds its posts and boosts, likes.json the posts it liked; and the
 * CSV export following_accounts.csv, in the archive or on its own.  No Mastodon export lists
 * followers.
 */

#pragma once

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_mastodon_recognizes (RapportArchive     *archive);
gboolean rapport_mastodon_import     (RapportArchive     *archive,
                                      RapportImportSink  *sink,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS
