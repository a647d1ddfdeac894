/* rapport-meta-daily.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta Business Suite's per-metric daily exports (Follows.csv, Views.csv, Reach.csv, …): one
 * block per platform, each a title ("Instagram follows"), a header "Date","Primary" and one row
 * per day, alone or inside an archive.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_meta_daily_recognizes (RapportArchive     *archive);
gboolean rapport_meta_daily_import     (RapportArchive     *archive,
                                        RapportImportSink  *sink,
                                        GCancellable       *cancellable,
                                        GError            **error);

G_END_DECLS
