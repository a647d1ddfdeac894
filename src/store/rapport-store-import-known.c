/* rapport-store-import-known.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether an export was imported before, and what that import did: a second import of the
 * same export changes nothing and says so.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static void
fill_summary_from_row (RapportImportSummary *summary,
                       sqlite3_stmt         *stmt)
{
  summary->account_id = sqlite3_column_int64 (stmt, 0);
  summary->platform = rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 1));
  summary->handle = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  summary->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  summary->snapshot.id = sqlite3_column_int64 (stmt, 4);
  summary->snapshot.account_id = summary->account_id;
  summary->snapshot.source_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  summary->snapshot.exported_at = sqlite3_column_int64 (stmt, 6);
  summary->snapshot.imported_at = sqlite3_column_int64 (stmt, 7);
  summary->snapshot.n_followers = sqlite3_column_int64 (stmt, 8);
  summary->snapshot.n_following = sqlite3_column_int64 (stmt, 9);
  summary->snapshot.n_posts = sqlite3_column_int64 (stmt, 10);
  summary->snapshot.has_followers = sqlite3_column_int (stmt, 11);
  summary->snapshot.has_following = sqlite3_column_int (stmt, 12);
  summary->snapshot.n_reels = sqlite3_column_int64 (stmt, 13);
  summary->snapshot.n_stories = sqlite3_column_int64 (stmt, 14);
  summary->snapshot.n_reposts = sqlite3_column_int64 (stmt, 15);
  summary->snapshot.n_archived = sqlite3_column_int64 (stmt, 16);
  summary->snapshot.n_follower_days = sqlite3_column_int64 (stmt, 17);
}

gboolean
rapport_store_import_check_duplicate (sqlite3_stmt          *stmt,
                                      const char            *source_name,
                                      RapportImportSummary  *summary_out,
                                      GError               **error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  when = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 7));
  date = when ? g_date_time_format (when, "%x") : g_strdup ("?");
  if (summary_out != NULL)
    {
      rapport_import_summary_clear (summary_out);
      fill_summary_from_row (summary_out, stmt);
      summary_out->already_imported = TRUE;
    }
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE,
               _("%s was already imported on %s (as %s); nothing changed"),
               source_name, date, (const char *) sqlite3_column_text (stmt, 5));
  sqlite3_reset (stmt);

  return FALSE;
}

gboolean
rapport_store_has_sample_hash (RapportStore  *store,
                               const char    *sample_hash,
                               gboolean      *found,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (sample_hash != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  stmt = rapport_store_prepare (store, "SELECT 1 FROM snapshot WHERE sample_hash = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sample_hash, -1, SQLITE_STATIC);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (store, error, _("reading the database"));
      return FALSE;
    }
  *found = status == SQLITE_ROW;

  return TRUE;
}
