/* rapport-facebook-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Facebook's "Download your information" export in JSON: followers, who the account followed,
 * friends, its own posts and its profile, in the 2024 folders and the 2026 label_values records.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_facebook_recognizes (RapportArchive     *archive);
gboolean rapport_facebook_import     (RapportArchive     *archive,
                                      RapportImportSink  *sink,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS
