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

static guint
count_columns (guint32 columns_set)
{
  guint n = 0;

  for (; columns_set != 0; columns_set &= columns_set - 1)
    n++;
  return n;
}

/* "@head, the columns of @columns_set@tail) VALUES …" */
static char *
columns_sql (const RapportRowsColumns *columns,
             guint32                   columns_set,
             guint                     n_params,
             guint                     n_rows)
{
  g_autoptr(GString) head = g_string_new (columns->head);

  for (guint i = 0; i < columns->n_optional; i++)
    {
      if (columns_set & (1u << i))
        g_string_append_printf (head, ", %s", columns->optional[i]);
    }
  g_string_append_printf (head, "%s)", columns->tail);
  return rapport_store_values_sql (head->str, n_params, n_rows, "");
}

const RapportRowsSql *
rapport_store_rows_sql_for (RapportRowsColumns *columns,
                            guint32            *columns_set,
                            guint              *n_params)
{
  static GMutex lock;
  guint32 every = (1u << columns->n_optional) - 1;
  const RapportRowsSql *sql = NULL;

  g_mutex_lock (&lock);
  /* The last place is kept for the set of every column. */
  for (;;)
    {
      guint i;

      for (i = 0; i < columns->n_sets && columns->sets[i] != *columns_set; i++)
        ;
      if (i < columns->n_sets)
        {
          sql = &columns->sql[i];
          break;
        }
      if (columns->n_sets + 1 < RAPPORT_ROWS_COLUMN_SETS || *columns_set == every)
        {
          RapportRowsSql *made = &columns->sql[columns->n_sets];
          guint n = columns->n_fixed + count_columns (*columns_set);

          made->one = columns_sql (columns, *columns_set, n, 1);
          made->many = columns_sql (columns, *columns_set, n, columns->n_rows);
          made->n_rows = columns->n_rows;
          columns->sets[columns->n_sets++] = *columns_set;
          sql = made;
          break;
        }
      *columns_set = every;
    }
  g_mutex_unlock (&lock);

  *n_params = columns->n_fixed + count_columns (*columns_set);
  return sql;
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
      sqlite3_stmt *stmt = rapport_store_prepare_to_rebind (self->store,
                                                            many ? sql->many : sql->one, error);

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
