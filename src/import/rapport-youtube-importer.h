/* rapport-youtube-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * YouTube's exports: the channel's part of a Google Takeout ("YouTube and YouTube Music/":
 * channel, videos, subscriptions), and YouTube Studio's "Export current view" (Table data.csv,
 * Chart data.csv, Totals.csv, and audience files such as Subscribers.csv).  Both key videos
 * by their id, so a Studio export imported after the Takeout adds counts to the same posts.
 */

#pragma once

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_youtube_recognizes        (RapportArchive     *archive);
gboolean rapport_youtube_import            (RapportArchive     *archive,
                                            RapportImportSink  *sink,
                                            GCancellable       *cancellable,
                                            GError            **error);

gboolean rapport_youtube_studio_recognizes (RapportArchive     *archive);
gboolean rapport_youtube_studio_import     (RapportArchive     *archive,
                                            RapportImportSink  *sink,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
