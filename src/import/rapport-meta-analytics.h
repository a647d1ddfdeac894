/* rapport-meta-analytics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's per-post CSVs ("May-25-2026_Jun-21-2026_<id>.csv"): one row per post
 * with its views, reach, likes, shares, follows, comments and saves for Instagram, or its
 * views, reach, reactions, comments and shares for a Facebook page; alone or inside an archive,
 * where a Follows.csv of the same export adds the account's daily follows.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_meta_analytics_recognizes (RapportArchive     *archive);
gboolean rapport_meta_analytics_import     (RapportArchive     *archive,
                                            RapportImportSink  *sink,
                                            GCancellable       *cancellable,
                                            GError            **error);

gboolean rapport_meta_analytics_recognizes_facebook (RapportArchive     *archive);
gboolean rapport_meta_analytics_import_facebook     (RapportArchive     *archive,
                                                     RapportImportSink  *sink,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
