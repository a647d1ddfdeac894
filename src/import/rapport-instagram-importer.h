/* rapport-instagram-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instagram's "Download your information" export, every layout from the 2020 connections.json
 * to the 2025 folders, in JSON or HTML.
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

gboolean rapport_instagram_recognizes (RapportArchive     *archive);
gboolean rapport_instagram_import     (RapportArchive     *archive,
                                       RapportImportSink  *sink,
                                       GCancellable       *cancellable,
                                       GError            **error);

G_END_DECLS
