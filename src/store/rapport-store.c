/* rapport-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-store-private.h"

struct _RapportStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  /* SQL literal → prepared statement.  Keyed by the literal's address: hashing the text of a
   * long statement for every inserted row showed up in profiles. */
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = (RapportStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_store_finalize;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rapport_store_init (RapportStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

sqlite3 *
rapport_store_get_db (RapportStore *self)
{
  return self->db;
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  return self->path;
}

void
rapport_store_set_sqlite_error (RapportStore  *self,
                                GError       **error,
                                const char    *what)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  g_set_error (error, RAPPORT_STORE_ERROR,
               code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? RAPPORT_STORE_ERROR_CORRUPT
                                                               : RAPPORT_STORE_ERROR_FAILED,
               _("Database error while %s: %s"), what, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
rapport_store_prepare (RapportStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, error, _("preparing a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
rapport_store_exec (RapportStore  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      rapport_store_set_sqlite_error (self, error, _("updating the database"));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

int
rapport_store_get_schema_version (RapportStore *self)
{
  sqlite3_stmt *stmt;
  int version = -1;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}


/* The file's name inside the data folder; its journals add "-wal", "-shm" and "-journal". */
#define DATABASE_NAME "rapport.db"

char *
rapport_store_dup_database_path (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, DATABASE_NAME, NULL);
}

gboolean
rapport_store_delete_database (const char  *data_dir,
                               GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (data_dir, G_DIR_SEPARATOR_S DATABASE_NAME,
                                           suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* A damaged file is the creator's data all the same: it is moved aside, never deleted. */
static void
set_corrupt_error (RapportStore  *self,
                   GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", self->path, stamp);

  sqlite3_close (self->db);
  self->db = NULL;

  if (g_rename (self->path, aside) == 0)
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
      g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

      g_rename (wal, wal_aside);
      g_unlink (shm);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged or is not a Rapport database. It was kept as %s; "
                     "Rapport starts with an empty database next time, and your exports can be imported again."),
                   self->path, aside);
    }
  else
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged or is not a Rapport database, and it could not be "
                     "moved aside (%s). Move it away to start with an empty database."),
                   self->path, g_strerror (errno));
    }
}

RapportStore *
rapport_store_open (const char  *data_dir,
                    GError     **error)
{
  g_autoptr(RapportStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int status;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("Cannot create the data folder %s: %s"), data_dir, g_strerror (errno));
      return NULL;
    }

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = rapport_store_dup_database_path (data_dir);

  status = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (status != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (status));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (!rapport_store_import_register (self->db))
    {
      rapport_store_set_sqlite_error (self, error, _("opening the database"));
      return NULL;
    }

  /* WAL keeps readers off the writer's back, and with synchronous=NORMAL a killed process still
   * leaves the last committed import intact. */
  /* Larger pages make the relation B-tree shallower, which import and load both feel; it only
   * applies to a new database. */
  if (!rapport_store_exec (self,
                           "PRAGMA page_size = 16384;"
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA cache_size = -16384;"
                           "PRAGMA temp_store = MEMORY;",
                           &local_error) ||
      rapport_store_get_schema_version (self) < 0)
    {
      int code = sqlite3_extended_errcode (self->db) & 0xff;

      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || rapport_store_get_schema_version (self) < 0)
        set_corrupt_error (self, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!rapport_store_migrate (self, &local_error))
    {
      if (g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT))
        set_corrupt_error (self, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
step_failed (RapportStore  *self,
             int            status,
             GError       **error)
{
  if (status == SQLITE_DONE)
    return FALSE;
  rapport_store_set_sqlite_error (self, error, _("reading the database"));
  return TRUE;
}

GPtrArray *
rapport_store_list_accounts (RapportStore  *self,
                             GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_account_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT a.id, a.platform, a.handle, a.platform_id, a.display_name,"
    "       (SELECT count(*) FROM snapshot s WHERE s.account_id = a.id),"
    "       (SELECT max(exported_at) FROM snapshot s WHERE s.account_id = a.id),"
    "       (SELECT n_followers FROM snapshot s WHERE s.account_id = a.id AND s.has_followers"
    "          ORDER BY exported_at DESC, id DESC LIMIT 1),"
    "       (SELECT n_following FROM snapshot s WHERE s.account_id = a.id AND s.has_following"
    "          ORDER BY exported_at DESC, id DESC LIMIT 1),"
    "       (SELECT count(*) FROM post p WHERE p.account_id = a.id)"
    "  FROM account a ORDER BY a.platform, a.handle", error);
  if (stmt == NULL)
    return NULL;

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportAccount *account = g_new0 (RapportAccount, 1);

      account->id = sqlite3_column_int64 (stmt, 0);
      account->platform = rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 1));
      account->handle = dup_column_text (stmt, 2);
      account->platform_id = dup_column_text (stmt, 3);
      account->display_name = dup_column_text (stmt, 4);
      account->n_snapshots = sqlite3_column_int (stmt, 5);
      account->last_exported_at = sqlite3_column_int64 (stmt, 6);
      account->followers = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
      account->following = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 8);
      account->posts = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (accounts, account);
    }
  if (step_failed (self, status, error))
    return NULL;

  return g_steal_pointer (&accounts);
}

GPtrArray *
rapport_store_list_snapshots (RapportStore  *self,
                              gint64         account_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_snapshot_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT id, account_id, source_name, exported_at, date_source, imported_at, has_followers,"
    "       has_following, n_followers, n_following, n_posts, n_interactions, n_skipped"
    "  FROM snapshot WHERE account_id = ?1 ORDER BY exported_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportSnapshot *snapshot = g_new0 (RapportSnapshot, 1);
      const char *date_source = (const char *) sqlite3_column_text (stmt, 4);

      snapshot->id = sqlite3_column_int64 (stmt, 0);
      snapshot->account_id = sqlite3_column_int64 (stmt, 1);
      snapshot->source_name = dup_column_text (stmt, 2);
      snapshot->exported_at = sqlite3_column_int64 (stmt, 3);
      for (RapportDateSource s = RAPPORT_DATE_SOURCE_UNKNOWN; s <= RAPPORT_DATE_SOURCE_FILE_TIME; s++)
        if (g_strcmp0 (date_source, rapport_date_source_to_string (s)) == 0)
          snapshot->date_source = s;
      snapshot->imported_at = sqlite3_column_int64 (stmt, 5);
      snapshot->has_followers = sqlite3_column_int (stmt, 6);
      snapshot->has_following = sqlite3_column_int (stmt, 7);
      snapshot->n_followers = sqlite3_column_int64 (stmt, 8);
      snapshot->n_following = sqlite3_column_int64 (stmt, 9);
      snapshot->n_posts = sqlite3_column_int64 (stmt, 10);
      snapshot->n_interactions = sqlite3_column_int64 (stmt, 11);
      snapshot->n_skipped = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (snapshots, snapshot);
    }
  if (step_failed (self, status, error))
    return NULL;

  return g_steal_pointer (&snapshots);
}

GHashTable *
rapport_store_get_suggestion_states (RapportStore  *self,
                                     const char    *scope,
                                     GError       **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  stmt = rapport_store_prepare (self,
    "SELECT suggestion, state FROM suggestion_state WHERE scope = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_STATIC);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (states, dup_column_text (stmt, 0), dup_column_text (stmt, 1));
  if (step_failed (self, status, error))
    return NULL;
  return g_steal_pointer (&states);
}

gboolean
rapport_store_set_suggestion_state (RapportStore  *self,
                                    const char    *scope,
                                    const char    *suggestion,
                                    const char    *state,
                                    GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (suggestion != NULL, FALSE);

  if (state == NULL)
    stmt = rapport_store_prepare (self,
      "DELETE FROM suggestion_state WHERE scope = ?1 AND suggestion = ?2", error);
  else
    stmt = rapport_store_prepare (self,
      "INSERT OR REPLACE INTO suggestion_state (scope, suggestion, state, changed_at)"
      " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, suggestion, -1, SQLITE_STATIC);
  if (state != NULL)
    {
      sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("saving a suggestion's state"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_delete_account (RapportStore  *self,
                              gint64         account_id,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!(stmt = rapport_store_prepare (self, "DELETE FROM account WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("removing an account"));
      return FALSE;
    }
  return TRUE;
}

void
rapport_account_free (RapportAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->handle);
  g_free (account->platform_id);
  g_free (account->display_name);
  g_free (account);
}

void
rapport_snapshot_free (RapportSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->source_name);
  g_free (snapshot);
}

void
rapport_import_summary_clear (RapportImportSummary *summary)
{
  g_clear_pointer (&summary->handle, g_free);
  g_clear_pointer (&summary->display_name, g_free);
  g_clear_pointer (&summary->snapshot.source_name, g_free);
  g_clear_pointer (&summary->first_skip, g_free);
  memset (summary, 0, sizeof *summary);
}
