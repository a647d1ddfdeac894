/* rapport-import-sink.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an importer hands its records to.  The store implements it inside one transaction; tests
 * may implement it in memory.  Importers never see SQL.
 *
 * Order of calls: set_account() first, then any of the others.  A callback that returns FALSE
 * sets @error and the importer stops and returns that error.
 *
 * Importers call the rapport_import_sink_*() functions, never the callbacks, which therefore
 * only see values in range (rapport-records.h): a record with a time or a count out of range
 * is skipped through skip(), with the field and the value as the reason, and the import goes
 * on; an export date out of range is ignored, so the store's fallback date stays.
 */

#pragma once

#include <gio/gio.h>

#include "core/rapport-records.h"

G_BEGIN_DECLS

typedef struct _RapportImportSink RapportImportSink;

struct _RapportImportSink
{
  gboolean (*set_account)        (RapportImportSink          *sink,
                                  const RapportAccountInfo   *account,
                                  GError                    **error);
  /* Called once per list the export contains, even when the list is empty, so that an empty
   * follower list is told apart from a missing one. */
  gboolean (*begin_list)         (RapportImportSink          *sink,
                                  RapportDirection            direction,
                                  GError                    **error);
  /* Optional: the list begun last is complete; records skipped after this are not its own. */
  void     (*end_list)           (RapportImportSink          *sink);
  gboolean (*add_relation)       (RapportImportSink          *sink,
                                  const RapportRelation      *relation,
                                  GError                    **error);
  /* Known counts replace stored ones; unknown counts keep them, so an analytics CSV imported
   * after the archive enriches the same posts. */
  gboolean (*add_post)           (RapportImportSink          *sink,
                                  const RapportPost          *post,
                                  GError                    **error);
  gboolean (*add_follower_count) (RapportImportSink          *sink,
                                  const RapportFollowerCount *count,
                                  GError                    **error);
  gboolean (*add_interaction)    (RapportImportSink          *sink,
                                  const RapportInteraction   *interaction,
                                  GError                    **error);
  /* A later import's gains for the same day replace the known figures of an earlier one. */
  gboolean (*add_follower_gain)  (RapportImportSink          *sink,
                                  const RapportFollowerGain  *gain,
                                  GError                    **error);
  /* Optional: a picture of a post; the import reads and scales it once the records are in. */
  gboolean (*add_post_image)     (RapportImportSink          *sink,
                                  const RapportPostImage     *image,
                                  GError                    **error);
  void     (*set_export_date)    (RapportImportSink          *sink,
                                  gint64                      exported_at,
                                  RapportDateSource           source);
  /* A record that could not be read: counted, and named in the import summary. */
  void     (*skip)               (RapportImportSink          *sink,
                                  const char                 *entry_name,
                                  const char                 *reason);
  /* Optional: what is being read, for a progress indicator. */
  void     (*progress)           (RapportImportSink          *sink,
                                  const char                 *entry_name,
                                  guint64                     records_read);
};

gboolean rapport_import_sink_set_account        (RapportImportSink          *sink,
                                                 const RapportAccountInfo   *account,
                                                 GError                    **error);
gboolean rapport_import_sink_begin_list         (RapportImportSink          *sink,
                                                 RapportDirection            direction,
                                                 GError                    **error);
void     rapport_import_sink_end_list           (RapportImportSink          *sink);
gboolean rapport_import_sink_add_relation       (RapportImportSink          *sink,
                                                 const RapportRelation      *relation,
                                                 GError                    **error);
gboolean rapport_import_sink_add_post           (RapportImportSink          *sink,
                                                 const RapportPost          *post,
                                                 GError                    **error);
gboolean rapport_import_sink_add_follower_count (RapportImportSink          *sink,
                                                 const RapportFollowerCount *count,
                                                 GError                    **error);
gboolean rapport_import_sink_add_interaction    (RapportImportSink          *sink,
                                                 const RapportInteraction   *interaction,
                                                 GError                    **error);
/* A gain with neither figure known, or a day not at midnight UTC, is an importer's mistake
 * (a critical); a day or a figure out of range is skipped like any record. */
gboolean rapport_import_sink_add_follower_gain  (RapportImportSink          *sink,
                                                 const RapportFollowerGain  *gain,
                                                 GError                    **error);
/* An image without a post id or an entry is an importer's mistake (a critical). */
gboolean rapport_import_sink_add_post_image     (RapportImportSink          *sink,
                                                 const RapportPostImage     *image,
                                                 GError                    **error);
void     rapport_import_sink_set_export_date    (RapportImportSink          *sink,
                                                 gint64                      exported_at,
                                                 RapportDateSource           source);
void     rapport_import_sink_skip               (RapportImportSink          *sink,
                                                 const char                 *entry_name,
                                                 const char                 *reason);
/* The same for a file that could not be read: @error's message, without the entry's name
 * when it starts with it. */
void     rapport_import_sink_skip_error         (RapportImportSink          *sink,
                                                 const char                 *entry_name,
                                                 const GError               *error);
void     rapport_import_sink_progress           (RapportImportSink          *sink,
                                                 const char                 *entry_name,
                                                 guint64                     records_read);

G_END_DECLS
