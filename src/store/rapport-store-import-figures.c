/* rapport-store-import-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower figures of an import: totals (a list's size, a profile's or an analytics
 * export's daily total) and the daily gains that analytics exports count without a total.
 *
 * Two exports often cover the same days, and creators import their archives in any order.
 * The newer export's figure of a day is the one to keep: an older export's last day is often
 * partial, and platforms revise recent days.  Which export is newer is only known at the
 * commit, since importers may set the export date after the rows (or leave it to the file's
 * time), so the rows wait in temporary tables and join the stored ones there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* Creates the tables the rows wait in, within the import's transaction: a failed import
 * leaves no row there, and the next import of the connection finds them empty. */
static gboolean
ensure_staged (RapportStoreImport  *self,
               GError             **error)
{
  if (self->staged_figures)
    return TRUE;
  if (!rapport_store_exec (self->store,
                           "CREATE TEMP TABLE IF NOT EXISTS staged_follower_count ("
                           "  snapshot_id INTEGER NOT NULL, at INTEGER NOT NULL,"
                           "  source TEXT NOT NULL, count INTEGER NOT NULL,"
                           "  PRIMARY KEY (snapshot_id, at, source)"
                           ") WITHOUT ROWID;"
                           "CREATE TEMP TABLE IF NOT EXISTS staged_follower_gain ("
                           "  snapshot_id INTEGER NOT NULL, day INTEGER NOT NULL,"
                           "  gained INTEGER, lost INTEGER,"
                           "  PRIMARY KEY (snapshot_id, day)"
                           ") WITHOUT ROWID;", error))
    return FALSE;
  self->staged_figures = TRUE;
  return TRUE;
}

gboolean
rapport_store_import_add_follower_count (RapportImportSink           *sink,
                                         const RapportFollowerCount  *count,
                                         GError                     **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  sqlite3_stmt *stmt;

  if (!rapport_store_import_require_account (self, error) || !ensure_staged (self, error))
    return FALSE;

  /* Within one export, its last figure of a time stands. */
  stmt = rapport_store_prepare (self->store,
    "INSERT OR REPLACE INTO temp.staged_follower_count (snapshot_id, at, source, count)"
    " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 2, count->at);
  sqlite3_bind_text (stmt, 3, rapport_count_source_to_string (count->source), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, count->count);
  if (!rapport_store_import_step_done (self, stmt, N_("saving follower counts"), error))
    return FALSE;
  /* An analytics export's days are history; a total the profile or the list states is the
   * export's own figure, said with the list sizes already. */
  if (count->source == RAPPORT_COUNT_SOURCE_ANALYTICS)
    self->n_follower_days++;
  return TRUE;
}

gboolean
rapport_store_import_add_follower_gain (RapportImportSink          *sink,
                                        const RapportFollowerGain  *gain,
                                        GError                    **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  sqlite3_stmt *stmt;

  if (!rapport_store_import_require_account (self, error) || !ensure_staged (self, error))
    return FALSE;

  /* A day listed twice in one export: a figure the second row does not know keeps the
   * first's. */
  stmt = rapport_store_prepare (self->store,
    "INSERT INTO temp.staged_follower_gain (snapshot_id, day, gained, lost)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (snapshot_id, day) DO UPDATE SET"
    "   gained = coalesce (excluded.gained, gained), lost = coalesce (excluded.lost, lost)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 2, gain->day);
  rapport_store_bind_count (stmt, 3, gain->gained);
  rapport_store_bind_count (stmt, 4, gain->lost);
  if (!rapport_store_import_step_done (self, stmt, N_("saving follower changes"), error))
    return FALSE;
  self->n_follower_days++;
  return TRUE;
}

/* Statements of the commit, in order; ?1 is the account, ?2 the snapshot. */
static const char * const merge_statements[] = {
  "INSERT INTO follower_count (account_id, snapshot_id, at, count, source)"
  " SELECT ?1, snapshot_id, at, count, source FROM temp.staged_follower_count"
  "  WHERE snapshot_id = ?2"
  RAPPORT_STORE_UPSERT_FOLLOWER_COUNT,
  "INSERT INTO follower_gain (account_id, snapshot_id, day, gained, lost)"
  " SELECT ?1, snapshot_id, day, gained, lost FROM temp.staged_follower_gain"
  "  WHERE snapshot_id = ?2"
  RAPPORT_STORE_UPSERT_FOLLOWER_GAIN,
  "DELETE FROM temp.staged_follower_count WHERE snapshot_id = ?2",
  "DELETE FROM temp.staged_follower_gain WHERE snapshot_id = ?2",
};

gboolean
rapport_store_import_merge_figures (RapportStoreImport  *self,
                                    GError             **error)
{
  if (!self->staged_figures)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (merge_statements); i++)
    {
      sqlite3_stmt *stmt = rapport_store_prepare (self->store, merge_statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->account_id);
      sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
      if (!rapport_store_import_step_done (self, stmt, N_("saving follower counts"), error))
        return FALSE;
    }
  return TRUE;
}
