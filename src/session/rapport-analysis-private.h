/* rapport-analysis-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of RapportAnalysis share: rapport-analysis.c (the object and the summary),
 * rapport-analysis-details.c (the second step) and rapport-analysis-preload.c.
 */

#pragma once

#include "session/rapport-analysis.h"

G_BEGIN_DECLS

struct _RapportAnalysis
{
  GObject         parent_instance;

  RapportStore   *store;
  gint64          account_id;
  char           *scope;
  char           *title;
  GPtrArray      *accounts;    /* RapportAccount */
  GPtrArray      *children;    /* RapportAnalysis, for all accounts */

  RapportDataset *dataset;
  RapportReport  *report;      /* borrows the dataset */
  GPtrArray      *suggestions; /* RapportSuggestion */

  /* A summary: the counts of its reciprocity, and for loading the details, the connection in
   * its read transaction (of the parent, for all accounts). */
  RapportReciprocity *reciprocity_counts;
  RapportStore   *details_connection;
  /* Once it has its details, the summary's dataset and report, which pages may still point
   * into. */
  RapportDataset *first_dataset;
  RapportReport  *first_report;
  guint           has_details : 1;
  guint           loading_details : 1;
};

void _rapport_analysis_start_summary (RapportStore        *store,
                                      const char          *data_dir,
                                      gint64               account_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data,
                                      gpointer             source_tag);
void _rapport_analysis_set_store     (RapportAnalysis     *self,
                                      RapportStore        *store);
void _rapport_analysis_notify_has_details (RapportAnalysis *self);
void _rapport_analysis_emit_suggestions_changed (RapportAnalysis *self);
/* Ends the read transaction of a summary's connection and closes it. */
void _rapport_analysis_close_details_connection (RapportStore *connection);

G_END_DECLS
