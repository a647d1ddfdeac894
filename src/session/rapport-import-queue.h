/* rapport-import-queue.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

typedef struct _RapportImportQueue RapportImportQueue;

RapportImportQueue *rapport_import_queue_new      (RapportImportSink   *target);
/* The sink to give the importer; records reach @target in the order they were given. */
RapportImportSink  *rapport_import_queue_get_sink (RapportImportQueue  *self);
/* Waits until everything given so far reached the target.  FALSE with the target's first
 * error if one of its calls failed. */
gboolean            rapport_import_queue_finish   (RapportImportQueue  *self,
                                                   GError             **error);
/* Drops what is still queued and stops the writer. */
void                rapport_import_queue_free     (RapportImportQueue  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportQueue, rapport_import_queue_free)

G_END_DECLS
