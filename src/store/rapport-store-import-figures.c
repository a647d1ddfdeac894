/* rapport-store-import-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower figures of an import: totals (a list's size, a profile's or an analytics
 * export's daily total) and the daily gains that analytics exports count without a total.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

gboolean
rapport_store_import_add_follower_count (RapportImportSink           *sink,
                                         const RapportFollowerCount  *count,
                                         GError                     **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  sqlite3_stmt *stmt;

  if (!rapport_store_import_require_account (self, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "INSERT OR REPLACE INTO follower_count (account_id, snapshot_id, at, count, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 3, count->at);
  sqlite3_bind_int64 (stmt, 4, count->count);
  sqlite3_bind_text (stmt, 5, rapport_count_source_to_string (count->source), -1, SQLITE_STATIC);
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

  if (!rapport_store_import_require_account (self, error))
    return FALSE;

  /* A figure this export does not know keeps the one an earlier export gave for the day. */
  stmt = rapport_store_prepare (self->store,
    "INSERT INTO follower_gain (account_id, snapshot_id, day, gained, lost)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (account_id, day) DO UPDATE SET snapshot_id = excluded.snapshot_id,"
    "   gained = coalesce (excluded.gained, gained), lost = coalesce (excluded.lost, lost)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 3, gain->day);
  rapport_store_bind_count (stmt, 4, gain->gained);
  rapport_store_bind_count (stmt, 5, gain->lost);
  if (!rapport_store_import_step_done (self, stmt, N_("saving follower changes"), error))
    return FALSE;
  self->n_follower_days++;
  return TRUE;
}
