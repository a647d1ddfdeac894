/* rapport-store-import-interactions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The creator's comments, likes and reposts of an import, written INTERACTION_BATCH at a time.
 * Later exports repeat earlier ones: a row already stored (the same kind, target, time and
 * text) is left as it is, and only the new ones count.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

#define INTERACTION_BATCH 64
#define INTERACTION_PARAMS 6

/* An interaction waiting in the batch; its strings live in the batch's chunk. */
struct _RapportPendingInteractions
{
  GArray *rows;          /* RapportInteraction */
  GStringChunk *strings;
};

static const RapportRowsSql *
interaction_sql (void)
{
  static RapportRowsSql sql;
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      static const char head[] =
        "INSERT OR IGNORE INTO interaction (account_id, snapshot_id, kind, target, at, text)";

      sql.one = rapport_store_values_sql (head, INTERACTION_PARAMS, 1, "");
      sql.many = rapport_store_values_sql (head, INTERACTION_PARAMS, INTERACTION_BATCH, "");
      sql.n_rows = INTERACTION_BATCH;
      g_once_init_leave (&made, 1);
    }
  return &sql;
}

static void
bind_interaction (sqlite3_stmt *stmt,
                  guint         row,
                  guint         i,
                  gpointer      data)
{
  RapportStoreImport *self = data;
  const RapportInteraction *interaction =
    &g_array_index (self->pending_interactions->rows, RapportInteraction, i);

#define PARAM(n) RAPPORT_ROW_PARAM (row, INTERACTION_PARAMS, n)
  sqlite3_bind_int64 (stmt, PARAM (1), self->account_id);
  sqlite3_bind_int64 (stmt, PARAM (2), self->snapshot_id);
  sqlite3_bind_int (stmt, PARAM (3), interaction->kind);
  rapport_store_bind_text (stmt, PARAM (4), interaction->target_handle);
  sqlite3_bind_int64 (stmt, PARAM (5), interaction->at);
  rapport_store_bind_text (stmt, PARAM (6), interaction->text);
#undef PARAM
}

gboolean
rapport_store_import_flush_interactions (RapportStoreImport  *self,
                                         GError             **error)
{
  RapportPendingInteractions *batch = self->pending_interactions;
  guint64 changes = 0;
  gboolean ok;

  if (batch == NULL || batch->rows->len == 0)
    return TRUE;

  ok = rapport_store_import_insert_rows (self, interaction_sql (), batch->rows->len,
                                         bind_interaction, self,
                                         N_("saving your comments and likes"), &changes, error);
  self->n_interactions += changes;
  g_array_set_size (batch->rows, 0);
  g_string_chunk_clear (batch->strings);
  return ok;
}

gboolean
rapport_store_import_add_interaction (RapportImportSink         *sink,
                                      const RapportInteraction  *interaction,
                                      GError                   **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  RapportPendingInteractions *batch;
  RapportInteraction kept;

  if (!rapport_store_import_require_account (self, error))
    return FALSE;

  if ((batch = self->pending_interactions) == NULL)
    {
      batch = self->pending_interactions = g_new0 (RapportPendingInteractions, 1);
      batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (RapportInteraction),
                                       INTERACTION_BATCH);
      batch->strings = g_string_chunk_new (16 * 1024);
    }

  kept = *interaction;
  if (kept.target_handle != NULL)
    kept.target_handle = g_string_chunk_insert (batch->strings, kept.target_handle);
  if (kept.text != NULL)
    kept.text = g_string_chunk_insert (batch->strings, kept.text);
  g_array_append_val (batch->rows, kept);

  if (batch->rows->len >= INTERACTION_BATCH)
    return rapport_store_import_flush_interactions (self, error);
  return TRUE;
}

void
rapport_store_import_free_interactions (RapportStoreImport *self)
{
  RapportPendingInteractions *batch = g_steal_pointer (&self->pending_interactions);

  if (batch == NULL)
    return;
  g_array_unref (batch->rows);
  g_string_chunk_free (batch->strings);
  g_free (batch);
}
