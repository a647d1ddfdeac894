/* rapport-meta-analytics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's per-post CSV for Instagram ("May-25-2026_Jun-21-2026_<id>.csv"): one
 * row per post with its views, reach, likes, shares, follows, comments and saves, alone or
 * inside an archive.
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

G_END_DECLS
