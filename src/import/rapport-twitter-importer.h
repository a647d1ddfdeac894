/* rapport-twitter-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The X/Twitter archive (the .js files of its data folder, every generation), Twitter
 * analytics CSV files (tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv) and X's analytics
 * exports of 2025– (content and account overview), inside an archive or alone.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_twitter_recognizes           (RapportArchive     *archive);
/* Whether @archive holds an analytics export of 2025– (a content export or an account
 * overview, found by its header): rapport_twitter_import() reads those too, alone or in an
 * archive. */
gboolean rapport_twitter_analytics_recognizes (RapportArchive     *archive);
gboolean rapport_twitter_import               (RapportArchive     *archive,
                                               RapportImportSink  *sink,
                                               GCancellable       *cancellable,
                                               GError            **error);

G_END_DECLS
