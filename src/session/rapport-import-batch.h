/* rapport-import-batch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several exports imported one after the other into one database, with what is being read
 * and how each import ended: what the window's import bar and `rapport import` share.
 */

#pragma once

#include <gio/gio.h>

#include "store/rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_IMPORT_BATCH (rapport_import_batch_get_type ())

G_DECLARE_FINAL_TYPE (RapportImportBatch, rapport_import_batch, RAPPORT, IMPORT_BATCH, GObject)

RapportImportBatch         *rapport_import_batch_new               (const char          *data_dir);
const char                 *rapport_import_batch_get_data_dir      (RapportImportBatch  *self);
/* Whether the database is deleted before the first import, as for the sample data. */
gboolean                    rapport_import_batch_get_fresh_database (RapportImportBatch *self);
void                        rapport_import_batch_set_fresh_database (RapportImportBatch *self,
                                                                    gboolean             fresh);

/* Adds an export to the end of the batch; only before it runs.  A file that is not local
 * (no path) ends with an error that says so.  Files that are parts of one export by their
 * names (rapport_export_parts_group()) make one item, imported as one snapshot; parts that
 * turn out to be separate exports (RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS) become an item
 * each when the batch reaches them, in the place of their group. */
void                        rapport_import_batch_add_file          (RapportImportBatch  *self,
                                                                    GFile               *file);
void                        rapport_import_batch_add_path          (RapportImportBatch  *self,
                                                                    const char          *path);

/* The number of exports: of groups of files, not of files. */
guint                       rapport_import_batch_get_n_items       (RapportImportBatch  *self);
/* The export's file name for people, such as "instagram-jo-2024-05-01.zip", or for parts of
 * one export what their names share ("instagram-jo-2024-05-01-abc"). */
const char                 *rapport_import_batch_get_item_name     (RapportImportBatch  *self,
                                                                    guint                index);
/* Whether the import of item @index was attempted; its error and summary are only valid
 * then (from its ::item-finished on).  An export that was stored before ends with
 * RAPPORT_STORE_ERROR_DUPLICATE and a summary of the earlier import. */
gboolean                    rapport_import_batch_get_item_done     (RapportImportBatch  *self,
                                                                    guint                index);
const GError               *rapport_import_batch_get_item_error    (RapportImportBatch  *self,
                                                                    guint                index);
const RapportImportSummary *rapport_import_batch_get_item_summary  (RapportImportBatch  *self,
                                                                    guint                index);
/* How many items the cancellable stopped, started or not. */
guint                       rapport_import_batch_count_cancelled   (RapportImportBatch  *self);

/* What is being read: the item, the file inside the export (NULL while it is opened) and the
 * records read from it.  Notified at most ten times a second. */
guint                       rapport_import_batch_get_current       (RapportImportBatch  *self);
const char                 *rapport_import_batch_get_entry         (RapportImportBatch  *self);
guint64                     rapport_import_batch_get_records       (RapportImportBatch  *self);

/* Imports every item in this thread, emitting the signals and notifications here.  Fails only
 * when the database cannot be opened or made anew; each item's outcome is its own.  A
 * cancelled batch still returns TRUE, with the items it stopped ending in
 * G_IO_ERROR_CANCELLED or not attempted. */
gboolean                    rapport_import_batch_run               (RapportImportBatch  *self,
                                                                    GCancellable        *cancel,
                                                                    GError             **error);
/* The same in a thread; signals and notifications reach the thread-default main context of
 * the caller, all of them before @callback. */
void                        rapport_import_batch_run_async         (RapportImportBatch  *self,
                                                                    GCancellable        *cancel,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
gboolean                    rapport_import_batch_run_finish        (RapportImportBatch  *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

G_END_DECLS
