/* rapport-store-live.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which accounts the creator allows to refresh from the web, and when they were refreshed.
 * The refreshes themselves are written as imports (rapport-store-import.c).
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

gboolean
rapport_store_set_refresh_enabled (RapportStore  *self,
                                   gint64         account_id,
                                   gboolean       enabled,
                                   GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stmt = rapport_store_prepare (self,
    "INSERT INTO live_refresh (account_id, enabled)"
    " SELECT id, ?2 FROM account WHERE id = ?1"
    " ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, enabled != FALSE);
  if (!rapport_store_step_done (self, stmt, N_("saving the refresh setting"), error))
    return FALSE;
  if (sqlite3_changes (rapport_store_get_db (self)) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("There is no account %" PRId64), account_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_get_refresh (RapportStore  *self,
                           gint64         account_id,
                           gboolean      *enabled_out,
                           gint64        *last_at_out,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  stmt = rapport_store_prepare (self,
    "SELECT (SELECT enabled FROM live_refresh WHERE account_id = ?1),"
    "       (SELECT max(exported_at) FROM snapshot"
    "         WHERE account_id = ?1 AND date_source = 'live')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      if (enabled_out != NULL)
        *enabled_out = sqlite3_column_int (stmt, 0) != 0;
      if (last_at_out != NULL)
        *last_at_out = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return FALSE;
    }
  return TRUE;
}

GArray *
rapport_store_list_refreshed_accounts (RapportStore  *self,
                                       GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT account_id FROM live_refresh WHERE enabled ORDER BY account_id", error);
  if (stmt == NULL)
    return NULL;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
