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
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
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

/* What kind of failure an SQLite result code (with the errno behind it) is. */
static RapportStoreError
classify (int code,
          int system_errno)
{
  switch (system_errno)
    {
    case EACCES:
    case EPERM:
      return RAPPORT_STORE_ERROR_PERMISSION;
    case EROFS:
      return RAPPORT_STORE_ERROR_READ_ONLY;
    case ENOSPC:
    case EDQUOT:
      return RAPPORT_STORE_ERROR_FULL;
    default:
      break;
    }

  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return RAPPORT_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RAPPORT_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return RAPPORT_STORE_ERROR_FULL;
    case SQLITE_READONLY:
      return RAPPORT_STORE_ERROR_READ_ONLY;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return RAPPORT_STORE_ERROR_PERMISSION;
    case SQLITE_CANTOPEN:
      return RAPPORT_STORE_ERROR_OPEN;
    default:
      return RAPPORT_STORE_ERROR_FAILED;
    }
}

/* One message per kind, naming the file: what a person can do about it differs. */
static void
set_error (GError     **error,
           const char  *path,
           int          code,
           int          system_errno,
           const char  *what,
           const char  *detail)
{
  RapportStoreError kind = classify (code, system_errno);

  switch (kind)
    {
    case RAPPORT_STORE_ERROR_BUSY:
      g_set_error (error, RAPPORT_STORE_ERROR, kind,
                   _("Another program is using the database %s. Close it, or wait until it is "
                     "done, and try again."), path);
      break;

    case RAPPORT_STORE_ERROR_FULL:
      g_set_error (error, RAPPORT_STORE_ERROR, kind,
                   _("The disk that holds the database %s is full. Free some space and try "
                     "again; the database was not changed."), path);
      break;

    case RAPPORT_STORE_ERROR_READ_ONLY:
      g_set_error (error, RAPPORT_STORE_ERROR, kind,
                   _("The database %s cannot be written: it, its folder or its disk is "
                     "read-only."), path);
      break;

    case RAPPORT_STORE_ERROR_PERMISSION:
      g_set_error (error, RAPPORT_STORE_ERROR, kind,
                   _("Rapport is not allowed to open or write the database %s (%s)."), path,
                   system_errno != 0 ? g_strerror (system_errno) : detail);
      break;

    case RAPPORT_STORE_ERROR_OPEN:
      g_set_error (error, RAPPORT_STORE_ERROR, kind, _("Cannot open the database %s: %s"), path,
                   system_errno != 0 ? g_strerror (system_errno) : detail);
      break;

    case RAPPORT_STORE_ERROR_CORRUPT:
    case RAPPORT_STORE_ERROR_FAILED:
    case RAPPORT_STORE_ERROR_TOO_NEW:
    case RAPPORT_STORE_ERROR_DUPLICATE:
    default:
      g_set_error (error, RAPPORT_STORE_ERROR, kind, _("Database error while %s: %s"), what,
                   detail);
      break;
    }
}

void
rapport_store_set_sqlite_error (RapportStore  *self,
                                GError       **error,
                                const char    *what)
{
  set_error (error, self->path, sqlite3_extended_errcode (self->db),
             sqlite3_system_errno (self->db), what, sqlite3_errmsg (self->db));
}

gboolean
rapport_store_step_done (RapportStore  *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  int status = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _(what));
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (RapportStore  *self,
         const char    *sql,
         gboolean       clear,
         GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      if (clear)
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

sqlite3_stmt *
rapport_store_prepare (RapportStore  *self,
                       const char    *sql,
                       GError       **error)
{
  return prepare (self, sql, TRUE, error);
}

/* Clearing the bindings of a statement of many rows cost a tenth of what binding them does. */
sqlite3_stmt *
rapport_store_prepare_to_rebind (RapportStore  *self,
                                 const char    *sql,
                                 GError       **error)
{
  return prepare (self, sql, FALSE, error);
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

/* The schema version, or -1 with @error set when the database cannot be read. */
static int
read_schema_version (RapportStore  *self,
                     GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    rapport_store_set_sqlite_error (self, error, _("reading the database"));
  sqlite3_finalize (stmt);

  return version;
}

int
rapport_store_get_schema_version (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), -1);

  return read_schema_version (self, NULL);
}

int
_rapport_store_read_schema_version (RapportStore  *self,
                                    GError       **error)
{
  return read_schema_version (self, error);
}

/* Version 0 is a new, empty file, or an SQLite database of another program: the version and
 * the tables are read in one statement, so that another connection migrating in between
 * cannot make a new file look like a foreign one. */
static int
read_version_and_tables (RapportStore  *self,
                         gboolean      *has_tables,
                         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT (SELECT user_version FROM pragma_user_version),"
                          "       (SELECT count(*) FROM sqlite_schema)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      *has_tables = sqlite3_column_int64 (stmt, 1) > 0;
    }
  else
    rapport_store_set_sqlite_error (self, error, _("reading the database"));
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

/* How long opening tries again when the database is busy, in microseconds. */
#define BUSY_RETRY_US (5 * G_USEC_PER_SEC)

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
                   _("The database %s is damaged or is not a Rapport database. It was kept as "
                     "%s; Rapport starts with an empty database next time, and your exports can "
                     "be imported again."),
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

/* Checks the version and brings the database up to date.  A busy result is the caller's to
 * retry. */
static gboolean
prepare_database (RapportStore  *self,
                  GError       **error)
{
  gboolean has_tables = FALSE;
  int version;

  /* Nothing is written before the version is known: a newer database is refused as it is,
   * and a file of another program is never touched. */
  if ((version = read_version_and_tables (self, &has_tables, error)) < 0)
    return FALSE;
  if (version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Rapport (schema %d, this version "
                     "knows %d)"), self->path, version, RAPPORT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0 && has_tables)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                           "tables of another program, no schema version");
      return FALSE;
    }

  /* WAL keeps readers off the writer's back, and with synchronous=NORMAL a killed process still
   * leaves the last committed import intact.  Larger pages make the relation B-tree shallower,
   * which import and load both feel; page_size only applies to a new database.  Temporary
   * tables (a staged follower list of millions, a migration's sort) spill to a file beyond
   * their cache, so they cost no more memory than that. */
  return rapport_store_exec (self,
                             "PRAGMA page_size = 16384;"
                             "PRAGMA journal_mode = WAL;"
                             "PRAGMA synchronous = NORMAL;"
                             "PRAGMA foreign_keys = ON;"
                             RAPPORT_STORE_CACHE_SQL ";"
                             "PRAGMA temp_store = FILE;"
                             "PRAGMA temp.cache_size = -16384;",
                             error) &&
         rapport_store_migrate (self, error);
}

/* A damaged file is moved aside and a database of another program is never written: both
 * are told apart from a healthy one that could not be read for now. */
static RapportStore *
fail_open (RapportStore  *self,
           GError       **error,
           GError        *local_error)
{
  if (g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT))
    {
      g_debug ("%s is damaged: %s", self->path, local_error->message);
      g_error_free (local_error);
      set_corrupt_error (self, error);
    }
  else
    g_propagate_error (error, local_error);

  return NULL;
}

RapportStore *
rapport_store_open (const char  *data_dir,
                    GError     **error)
{
  g_autoptr(RapportStore) self = NULL;
  GError *local_error = NULL;
  gint64 started = g_get_monotonic_time ();
  int status;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = rapport_store_dup_database_path (data_dir);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      if (classify (SQLITE_CANTOPEN, saved_errno) != RAPPORT_STORE_ERROR_OPEN)
        set_error (error, self->path, SQLITE_CANTOPEN, saved_errno, NULL, NULL);
      else
        g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_OPEN,
                     _("Cannot create the data folder %s: %s"), data_dir,
                     g_strerror (saved_errno));
      return NULL;
    }

  status = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (status != SQLITE_OK)
    {
      set_error (error, self->path, status, self->db ? sqlite3_system_errno (self->db) : 0,
                 _("opening the database"),
                 self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (status));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* A reasonable wait for another program's transaction, then "busy" names the file. */
  sqlite3_busy_timeout (self->db, 5000);
  g_debug ("Opened %s", self->path);

  if (!rapport_store_import_register (self->db))
    {
      rapport_store_set_sqlite_error (self, error, _("opening the database"));
      return NULL;
    }

  /* Turning a new file into WAL and reading a file another connection is turning into WAL
   * can be busy without SQLite's busy handler being asked: such steps are tried again. */
  while (!prepare_database (self, &local_error))
    {
      if (!g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY) ||
          g_get_monotonic_time () - started > BUSY_RETRY_US)
        return fail_open (self, error, local_error);
      g_clear_error (&local_error);
      g_usleep (20 * 1000);
    }

  return g_steal_pointer (&self);
}

gboolean
rapport_store_needs_upgrade (const char *data_dir)
{
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int version = 0;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = rapport_store_dup_database_path (data_dir);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  /* Read only, and never waiting: a database that cannot be read now is the open's to
   * report. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version > 0 && version < RAPPORT_STORE_SCHEMA_VERSION;
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A count column, -1 when it is NULL (unknown). */
static gint64
column_count_or_unknown (sqlite3_stmt *stmt,
                         int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, column);
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
  g_autoptr(GPtrArray) accounts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_account_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT a.id, a.platform, a.handle, a.platform_id, a.display_name, a.provisional,"
    "       (SELECT count(*) FROM snapshot s WHERE s.account_id = a.id),"
    "       (SELECT max(exported_at) FROM snapshot s WHERE s.account_id = a.id),"
    "       (SELECT n_followers FROM snapshot s WHERE s.account_id = a.id AND s.has_followers"
    "          ORDER BY exported_at DESC, id DESC LIMIT 1),"
    "       (SELECT n_following FROM snapshot s WHERE s.account_id = a.id AND s.has_following"
    "          ORDER BY exported_at DESC, id DESC LIMIT 1),"
    "       (SELECT count(*) FROM post p WHERE p.account_id = a.id),"
    "       (SELECT enabled FROM live_refresh r WHERE r.account_id = a.id),"
    "       (SELECT max(imported_at) FROM snapshot s"
    "         WHERE s.account_id = a.id AND s.date_source = 'live'),"
    "       (SELECT count FROM follower_count c"
    "         WHERE c.account_id = a.id AND c.source != 'reconstruction'"
    "         ORDER BY at DESC LIMIT 1)"
    "  FROM account a ORDER BY a.platform, a.handle", error);
  if (stmt == NULL)
    return NULL;

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportAccount *account = g_new0 (RapportAccount, 1);

      account->id = sqlite3_column_int64 (stmt, 0);
      account->platform =
        rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 1));
      account->handle = dup_column_text (stmt, 2);
      account->platform_id = dup_column_text (stmt, 3);
      account->display_name = dup_column_text (stmt, 4);
      account->provisional = sqlite3_column_int (stmt, 5) != 0;
      account->n_snapshots = sqlite3_column_int (stmt, 6);
      account->last_exported_at = sqlite3_column_int64 (stmt, 7);
      /* The newest follower list's size; without one, or where the lists are connections
       * (LinkedIn's, in both lists), the newest total an analytics export or a profile
       * stated. */
      account->followers = column_count_or_unknown (stmt, 8);
      if (account->followers < 0 || !rapport_platform_lists_count_followers (account->platform))
        account->followers = column_count_or_unknown (stmt, 13);
      account->following = column_count_or_unknown (stmt, 9);
      account->posts = sqlite3_column_int64 (stmt, 10);
      account->refresh_enabled = sqlite3_column_int (stmt, 11) != 0;
      account->last_refreshed_at = sqlite3_column_int64 (stmt, 12);
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
  g_autoptr(GPtrArray) snapshots =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_snapshot_free);
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT id, account_id, source_name, exported_at, date_source, imported_at, has_followers,"
    "       has_following, n_followers, n_following, n_posts, n_interactions, n_skipped,"
    "       n_reels, n_stories, n_reposts, n_archived, n_follower_days"
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
      snapshot->date_source = rapport_date_source_from_string (date_source);
      snapshot->imported_at = sqlite3_column_int64 (stmt, 5);
      snapshot->has_followers = sqlite3_column_int (stmt, 6);
      snapshot->has_following = sqlite3_column_int (stmt, 7);
      snapshot->n_followers = sqlite3_column_int64 (stmt, 8);
      snapshot->n_following = sqlite3_column_int64 (stmt, 9);
      snapshot->n_posts = sqlite3_column_int64 (stmt, 10);
      snapshot->n_interactions = sqlite3_column_int64 (stmt, 11);
      snapshot->n_skipped = sqlite3_column_int64 (stmt, 12);
      snapshot->n_reels = sqlite3_column_int64 (stmt, 13);
      snapshot->n_stories = sqlite3_column_int64 (stmt, 14);
      snapshot->n_reposts = sqlite3_column_int64 (stmt, 15);
      snapshot->n_archived = sqlite3_column_int64 (stmt, 16);
      snapshot->n_follower_days = sqlite3_column_int64 (stmt, 17);
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
  if (summary->companion != NULL)
    {
      rapport_import_summary_clear (summary->companion);
      g_free (summary->companion);
    }
  memset (summary, 0, sizeof *summary);
}
