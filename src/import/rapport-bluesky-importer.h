/* rapport-bluesky-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bluesky's repository export (Settings → Account → Export my data → Download CAR file): the
 * account's own records in a CAR file.  It holds posts, reposts, likes, follows and the
 * profile, never followers.
 */

#pragma once

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_bluesky_recognizes (RapportArchive     *archive);
gboolean rapport_bluesky_import     (RapportArchive     *archive,
                                     RapportImportSink  *sink,
                                     GCancellable       *cancellable,
                                     GError            **error);

G_END_DECLS
