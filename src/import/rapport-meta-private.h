/* rapport-meta-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the readers of Meta Business Suite's exports share: the posts CSVs
 * (rapport-meta-analytics.c) read the daily follows of a per-metric file that sits beside them
 * (rapport-meta-daily.c), so that one folder of one account's export lands in one account.
 */

#pragma once

#include <gio/gio.h>

#include "core/rapport-import-sink.h"
#include "import/rapport-archive.h"
#include "import/rapport-csv.h"

G_BEGIN_DECLS

/* Column names written once, for the readers that take them. */
#define RAPPORT_META_NAMES(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* The field in @column, made valid UTF-8 and trimmed; NULL when missing or empty. */
char     *rapport_meta_dup_field           (RapportCsvReader   *reader,
                                            int                 column);

/* Hands the daily follows of @platform in every per-metric file of @archive (Follows.csv) to
 * @sink as follower gains; blocks of another platform are skipped with a reason, the other
 * metrics ignored.  *@newest becomes the latest day read when it is later. */
gboolean  rapport_meta_daily_import_follows (RapportArchive     *archive,
                                             RapportImportSink  *sink,
                                             RapportPlatform     platform,
                                             GCancellable       *cancellable,
                                             gint64             *newest,
                                             GError            **error);

G_END_DECLS
