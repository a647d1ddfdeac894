/* rapport-tiktok-studio.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TikTok Studio's analytics export: a zip or folder of FollowerHistory.csv (followers per
 * day), Content.csv (counts per video), Overview.csv and others, or of the same tables as
 * .xlsx workbooks (FollowerHistory.xlsx …), or one such file alone.  Its files name no
 * account, so the account comes from the export's name.
 */

#pragma once

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_tiktok_studio_recognizes (RapportArchive     *archive);
gboolean rapport_tiktok_studio_import     (RapportArchive     *archive,
                                           RapportImportSink  *sink,
                                           GCancellable       *cancellable,
                                           GError            **error);

/* Reads a day as TikTok Studio writes it, as midnight UTC: "2025/10/31", "2025-10-31" or
 * "February 28" (also "Feb 28") without a year, which is the latest such day no later than
 * the day after @reference (a time), so that "December 30" read against early January is in
 * the year before.  FALSE for anything else. */
gboolean rapport_tiktok_studio_parse_day  (const char         *text,
                                           gint64              reference,
                                           gint64             *out);

G_END_DECLS
