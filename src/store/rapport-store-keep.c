/* rapport-store-keep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts the creator keeps on purpose (friends, family, brands followed on purpose):
 * the reciprocity reviews leave them out.  A kept account is known by its platform id where
 * that is known, else by its lower-cased handle; a handle given alone is looked up in the
 * newest following list first, so that an account kept by name still matches after it
 * changes its handle, wherever the platform's lists carry ids.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "core/rapport-text.h"

#include "rapport-store-private.h"

/* The newest following list's name of an account known by id, else the name it was kept
 * under.  The following list is short next to the followers, and only its open spans count. */
#define CURRENT_HANDLE \
  "coalesce ((SELECT f.handle FROM follow_span_open AS f" \
  "            WHERE f.account_id = k.account_id AND f.direction = 1" \
  "              AND f.platform_id = k.platform_id" \
  "              AND f.handle IS NOT NULL LIMIT 1), k.handle)"

/* The platform id and name that the newest following list of @account_id has for @handle,
 * when it has an id for it. */
static gboolean
resolve_handle (RapportStore  *self,
                gint64         account_id,
                const char    *handle,
                const char    *handle_key,
                char         **platform_id_out,
                char         **handle_out,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT platform_id, handle FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = 1"
    "   AND platform_id IS NOT NULL AND (who = ?2 OR handle = ?3 COLLATE NOCASE)"
    " LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, handle_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, handle, -1, SQLITE_STATIC);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      *platform_id_out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *handle_out = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return FALSE;
    }
  return TRUE;
}

/* Whether a row of @account_id keeps @platform_id, or (with @any_id, or a row without an id)
 * @handle_key. */
static gboolean
is_kept (RapportStore  *self,
         gint64         account_id,
         const char    *platform_id,
         const char    *handle_key,
         gboolean       any_id,
         gboolean      *kept_out,
         GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM kept_account WHERE account_id = ?1"
    "  AND (platform_id = ?2 OR (handle_key = ?3 AND (?4 OR platform_id IS NULL))))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rapport_store_bind_text (stmt, 2, platform_id);
  rapport_store_bind_text (stmt, 3, handle_key);
  sqlite3_bind_int (stmt, 4, any_id != FALSE);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    *kept_out = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
keep_one (RapportStore              *self,
          gint64                     account_id,
          const RapportKeptAccount  *account,
          gint64                     now,
          gboolean                  *changed,
          GError                   **error)
{
  g_autofree char *handle_key = NULL;
  g_autofree char *found_id = NULL;
  g_autofree char *found_handle = NULL;
  const char *platform_id = account->platform_id;
  const char *handle = account->handle;
  gboolean kept = FALSE;
  sqlite3_stmt *stmt;

  if (handle != NULL)
    handle_key = rapport_text_fold_handle (handle);
  if (platform_id == NULL)
    {
      if (!resolve_handle (self, account_id, handle, handle_key, &found_id, &found_handle,
                           error))
        return FALSE;
      platform_id = found_id;
      if (found_handle != NULL)
        {
          handle = found_handle;
          g_free (handle_key);
          handle_key = rapport_text_fold_handle (handle);
        }
    }

  /* A name alone is kept already when any row has it; an id only by its own row. */
  if (!is_kept (self, account_id, platform_id, platform_id == NULL ? handle_key : NULL, TRUE,
                &kept, error))
    return FALSE;

  /* An account kept by name and now by id is the same one: its row by name gives way. */
  if (platform_id != NULL && handle_key != NULL && !kept)
    {
      if (!is_kept (self, account_id, NULL, handle_key, FALSE, &kept, error))
        return FALSE;
      if (!(stmt = rapport_store_prepare (self,
              "DELETE FROM kept_account WHERE account_id = ?1 AND platform_id IS NULL"
              "   AND handle_key = ?2", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, handle_key, -1, SQLITE_STATIC);
      if (!rapport_store_step_done (self, stmt, N_("saving the kept accounts"), error))
        return FALSE;
      *changed = !kept;
      kept = FALSE;
    }
  else
    {
      *changed = !kept;
    }

  /* An account kept before takes the newer name. */
  stmt = rapport_store_prepare (self,
    kept ? "UPDATE kept_account SET handle = coalesce (?4, handle),"
           "  handle_key = coalesce (?3, handle_key)"
           " WHERE account_id = ?1 AND platform_id = ?2"
         : "INSERT INTO kept_account (account_id, platform_id, handle_key, handle, kept_at)"
           " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rapport_store_bind_text (stmt, 2, platform_id);
  rapport_store_bind_text (stmt, 3, handle_key);
  rapport_store_bind_text (stmt, 4, handle);
  if (!kept)
    sqlite3_bind_int64 (stmt, 5, now);
  return rapport_store_step_done (self, stmt, N_("saving the kept accounts"), error);
}

static gboolean
unkeep_one (RapportStore              *self,
            gint64                     account_id,
            const RapportKeptAccount  *account,
            gboolean                  *changed,
            GError                   **error)
{
  g_autofree char *handle_key = NULL;
  g_autofree char *found_id = NULL;
  g_autofree char *found_handle = NULL;
  const char *platform_id = account->platform_id;
  sqlite3_stmt *stmt;

  if (account->handle != NULL)
    handle_key = rapport_text_fold_handle (account->handle);
  /* A name alone may stand for an account kept by id under an older name. */
  if (platform_id == NULL)
    {
      if (!resolve_handle (self, account_id, account->handle, handle_key, &found_id,
                           &found_handle, error))
        return FALSE;
      platform_id = found_id;
    }

  /* By id that one row; by name any row of that name, unless the id says it is another. */
  stmt = rapport_store_prepare (self,
    "DELETE FROM kept_account WHERE account_id = ?1"
    "  AND (platform_id = ?2 OR (handle_key = ?3 AND (?4 OR platform_id IS NULL)))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rapport_store_bind_text (stmt, 2, platform_id);
  rapport_store_bind_text (stmt, 3, handle_key);
  sqlite3_bind_int (stmt, 4, account->platform_id == NULL);
  if (!rapport_store_step_done (self, stmt, N_("saving the kept accounts"), error))
    return FALSE;
  *changed = sqlite3_changes (rapport_store_get_db (self)) > 0;
  return TRUE;
}

static gboolean
account_exists (RapportStore  *self,
                gint64         account_id,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self, "SELECT 1 FROM account WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status == SQLITE_ROW)
    return TRUE;
  if (status == SQLITE_DONE)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                 _("There is no account %" PRId64), account_id);
  else
    rapport_store_set_sqlite_error (self, error, _("reading the database"));
  return FALSE;
}

/**
 * rapport_store_set_kept:
 * @self: a store
 * @account_id: the creator's account whose lists these accounts are in
 * @accounts: (array length=n_accounts): the accounts, each with a platform id or a handle
 * @n_accounts: how many
 * @kept: whether to keep them or to stop keeping them
 * @n_changed_out: (out) (optional): how many were not kept before (or were, to stop)
 * @error: return location for an error
 *
 * Keeps or stops keeping accounts, all in one transaction.  A handle alone is looked up in the
 * newest following list: where that list has the account's id, the account is kept by id.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure
 */
gboolean
rapport_store_set_kept (RapportStore              *self,
                        gint64                     account_id,
                        const RapportKeptAccount  *accounts,
                        guint                      n_accounts,
                        gboolean                   kept,
                        guint                     *n_changed_out,
                        GError                   **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_changed = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (accounts != NULL || n_accounts == 0, FALSE);

  for (guint i = 0; i < n_accounts; i++)
    g_return_val_if_fail (accounts[i].platform_id != NULL || accounts[i].handle != NULL, FALSE);

  if (!rapport_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!account_exists (self, account_id, error))
    goto failed;

  for (guint i = 0; i < n_accounts; i++)
    {
      gboolean changed = FALSE;

      if (kept ? !keep_one (self, account_id, &accounts[i], now, &changed, error)
               : !unkeep_one (self, account_id, &accounts[i], &changed, error))
        goto failed;
      n_changed += changed;
    }

  if (!rapport_store_exec (self, "COMMIT", error))
    goto failed;
  if (n_changed_out != NULL)
    *n_changed_out = n_changed;
  return TRUE;

failed:
  rapport_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static void
kept_account_free (gpointer data)
{
  RapportKeptAccount *account = data;

  g_free (account->platform_id);
  g_free (account->handle);
  g_free (account);
}

/**
 * rapport_store_list_kept:
 * @self: a store
 * @account_id: the account
 * @error: return location for an error
 *
 * The kept accounts of @account_id, each under the name the newest following list gives its
 * id (a handle changed since it was kept), else the one it was kept under; by name, then id.
 *
 * Returns: (transfer full) (element-type RapportKeptAccount): the accounts, or %NULL
 */
GPtrArray *
rapport_store_list_kept (RapportStore  *self,
                         gint64         account_id,
                         GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (kept_account_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT platform_id, " CURRENT_HANDLE " AS name, kept_at FROM kept_account AS k"
    " WHERE account_id = ?1 ORDER BY lower (name), platform_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportKeptAccount *account = g_new0 (RapportKeptAccount, 1);

      account->platform_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      account->handle = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      account->kept_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (accounts, account);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

/* Fills @dataset->kept; inside the dataset's read transaction. */
gboolean
rapport_store_load_kept (RapportStore    *self,
                         RapportDataset  *dataset,
                         GError         **error)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_kept (self, dataset->account_id, error);

  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (accounts, i);

      rapport_keep_set_add (dataset->kept, account->platform_id, account->handle,
                            account->kept_at);
    }
  rapport_keep_set_sort (dataset->kept);
  return TRUE;
}
