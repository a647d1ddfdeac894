/* rapport-analysis-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What rapport-analysis.c lends rapport-analysis-preload.c.
 */

#pragma once

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

void _rapport_analysis_start_summary (RapportStore        *store,
                                      const char          *data_dir,
                                      gint64               account_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data,
                                      gpointer             source_tag);
void _rapport_analysis_set_store     (RapportAnalysis     *self,
                                      RapportStore        *store);

G_END_DECLS
