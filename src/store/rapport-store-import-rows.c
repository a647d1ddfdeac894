/* rapport-store-import-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows of an import written many to a statement: one statement per row cost about twice the
 * B-tree work it does (posts, their counts and tags, the creator's comments and likes).
 */

#include "config.h"

#include "rapport-store-private.h"

char *
rapport_store_values_sql (const char *head,
                          guint       n_params,
                          guint       n_rows,
                          const char *tail)
{
  GString *sql = g_string_new (head);

  g_string_append (sql, " VALUES ");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (?" : "(?");
      for (guint i = 1; i < n_params; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

gboolean
rapport_store_import_insert_rows (RapportStoreImport   *self,
                                  const RapportRowsSql *sql,
                                  guint                 n,
                                  RapportBindRowFunc    bind,
                                  gpointer              data,
                                  const char           *what,
                                  guint64              *changes,
                                  GError              **error)
{
  sqlite3 *db = rapport_store_get_db (self->store);

  for (guint i = 0; i < n;)
    {
      gboolean many = n - i >= sql->n_rows;
      guint n_rows = many ? sql->n_rows : 1;
      sqlite3_stmt *stmt = rapport_store_prepare (self->store, many ? sql->many : sql->one,
                                                  error);

      if (stmt == NULL)
        return FALSE;
      for (guint row = 0; row < n_rows; row++)
        bind (stmt, row, i + row, data);
      if (!rapport_store_import_step_done (self, stmt, what, error))
        return FALSE;
      if (changes != NULL)
        *changes += sqlite3_changes64 (db);
      i += n_rows;
    }
  return TRUE;
}
