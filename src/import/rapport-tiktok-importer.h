/* rapport-tiktok-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TikTok's "Download your data" export in JSON: one user_data.json (until 2024) or
 * user_data_tiktok.json (2024–), alone or in a zip.
 */

#pragma once

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_tiktok_recognizes (RapportArchive     *archive);
gboolean rapport_tiktok_import     (RapportArchive     *archive,
                                    RapportImportSink  *sink,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* The id of the video a link names, which keys TikTok's videos wherever they come from:
 * "https://www.tiktokv.com/share/video/7300000000000000001/" → "7300000000000000001"; NULL
 * when @link names none. */
char    *rapport_tiktok_video_id_from_link (const char *link);

G_END_DECLS
