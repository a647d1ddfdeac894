/* rapport-twitter-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The X/Twitter archive (the .js files of its data folder, every generation) and Twitter
 * analytics CSV files (tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv), inside an
 * archive or alone.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_twitter_recognizes (RapportArchive     *archive);
gboolean rapport_twitter_import     (RapportArchive     *archive,
                                     RapportImportSink  *sink,
                                     GCancellable       *cancellable,
                                     GError            **error);

G_END_DECLS
