/* test-store-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A healthy database that cannot be used for now (another program's lock, a full disk, a
 * read-only folder, a newer Rapport) is reported as what it is and stays where it is, as it
 * is.  Only a damaged file or another program's database is moved aside.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-test-util.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store-private.h"

typedef struct
{
  char *dir;
  char *path;
  char *export;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = rapport_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "rapport.db", NULL);
  fixture->export = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "new", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_chmod (fixture->dir, 0700);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->export);
}

/* Makes the database with one imported account; returns its fingerprint. */
static char *
make_database (Fixture *fixture)
{
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, fixture->export, &summary, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  return rapport_test_database_fingerprint (fixture->dir);
}

/* Nothing beside the database and its journals: nothing was moved aside. */
static void
assert_nothing_moved_aside (Fixture *fixture)
{
  g_autoptr(GDir) listing = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "rapport.db.damaged"));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
assert_intact (Fixture    *fixture,
               const char *fingerprint)
{
  g_autofree char *now = NULL;

  assert_nothing_moved_aside (fixture);
  now = rapport_test_database_fingerprint (fixture->dir);
  g_assert_cmpstr (now, ==, fingerprint);
}

static sqlite3 *
open_other_program (Fixture *fixture)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  return other;
}

/* Another program in the middle of a write: the import waits, then says so, naming the file. */
static void
test_busy_writer (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *fingerprint = make_database (fixture);
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *second = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "old",
                                                   NULL);
  sqlite3 *other = open_other_program (fixture);

  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; "
                                 "INSERT INTO suggestion_state VALUES ('x', 'y', 'z', 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_import_path (store, second, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program is using the database"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_object (&store);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  assert_intact (fixture, fingerprint);
}

/* A program that keeps the file locked for itself: opening fails as busy, not as damaged. */
static void
test_busy_exclusive (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *fingerprint = make_database (fixture);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = open_other_program (fixture);

  /* Exclusive locking mode keeps the lock after the transaction, until the connection ends. */
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                 "INSERT INTO suggestion_state VALUES ('x', 'y', 'z', 0); "
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);

  store = rapport_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));

  sqlite3_close (other);
  assert_nothing_moved_aside (fixture);

  /* Once the other program is gone, the same database opens. */
  g_clear_error (&error);
  store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  assert_intact (fixture, fingerprint);
}

/* The disk fills up in the middle of an import: "full", the import rolled back, the database
 * as before. */
/* A TikTok export of @n_followers followers at @path. */
static void
write_tiktok_export (const char *path,
                     guint       n_followers)
{
  g_autoptr(GString) json = g_string_new ("{\"Profile\": {\"Profile Info\": {\"ProfileMap\": "
                                          "{\"userName\": \"jo.full\"}}}, "
                                          "\"Your Activity\": {\"Follower\": {\"FansList\": [");

  for (guint i = 0; i < n_followers; i++)
    g_string_append_printf (json, "%s{\"Date\": \"2025-01-01 00:00:00\", "
                            "\"UserName\": \"follower%u\"}", i > 0 ? ", " : "", i);
  g_string_append (json, "]}}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
}

static void
test_full (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *fingerprint = make_database (fixture);
  g_autofree char *bigger = g_build_filename (fixture->dir, "user_data_tiktok.json", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  write_tiktok_export (bigger, 20000);
  store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  /* The file may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk. */
  db = rapport_store_get_db (store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA max_page_count = 1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);

  g_assert_false (rapport_import_path (store, bigger, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_object (&store);

  assert_intact (fixture, fingerprint);
}

/* Opens the store in @dir in a child process that cannot write there: as nobody when this
 * runs as root (root may write anywhere), else as this user.  Exits with the error code + 1,
 * 0 when it opened, 100 when something moved aside. */
static int
open_without_write_access (Fixture *fixture)
{
  pid_t pid;
  int status;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GError) error = NULL;

      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (99);
      store = rapport_store_open (fixture->dir, &error);
      if (error != NULL)
        g_printerr ("# %s\n", error->message);
      _exit (store != NULL ? 0 : error->domain == RAPPORT_STORE_ERROR ? error->code + 1 : 98);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_chmod (fixture->dir, 0700);
  g_chmod (fixture->path, 0600);

  return WEXITSTATUS (status);
}

/* A folder and a database this user may not write: read-only or not allowed, never damaged. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *fingerprint = make_database (fixture);
  int code;

  /* WAL needs a writable folder even to read; without its -shm file SQLite says so. */
  code = open_without_write_access (fixture) - 1;
  g_assert_true (code == RAPPORT_STORE_ERROR_READ_ONLY ||
                 code == RAPPORT_STORE_ERROR_PERMISSION);
  assert_intact (fixture, fingerprint);
}

/* A newer Rapport's database is refused without a byte changed: not even the journal mode. */
static void
test_too_new_untouched (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gsize before_length, after_length;
  sqlite3 *other = open_other_program (fixture);

  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE account (id INTEGER PRIMARY KEY);"
                                 "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  store = rapport_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_nothing_moved_aside (fixture);
}

/* Another program's SQLite database in Rapport's place: not written, moved aside. */
static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  sqlite3 *other = open_other_program (fixture);
  const char *name;
  gboolean kept = FALSE;

  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE notes (text TEXT);"
                                 "INSERT INTO notes VALUES ('mine');", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (other);

  store = rapport_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT);

  listing = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "rapport.db.damaged-"))
      kept = TRUE;
  g_assert_true (kept);
}

static gpointer
open_thread (gpointer data)
{
  const char *dir = data;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rapport_store_open (dir, &error);
  return error != NULL ? g_strdup (error->message) : NULL;
}

/* Two first starts at once on a new data folder: both open it, one migrates. */
static void
test_concurrent_first_open (void)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *dir = rapport_test_make_temp_dir ();
      g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
      GThread *a = g_thread_new ("open-a", open_thread, data_dir);
      GThread *b = g_thread_new ("open-b", open_thread, data_dir);
      g_autofree char *error_a = g_thread_join (a);
      g_autofree char *error_b = g_thread_join (b);
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (error_a, ==, NULL);
      g_assert_cmpstr (error_b, ==, NULL);
      store = rapport_store_open (data_dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_store_get_schema_version (store), ==,
                       RAPPORT_STORE_SCHEMA_VERSION);
      g_clear_object (&store);
      rapport_test_remove_tree (dir);
    }
}

typedef struct
{
  const char *data_dir;
  const char *export;
} ImportJob;

static gpointer
import_thread (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  if ((store = rapport_store_open (job->data_dir, &error)) != NULL)
    rapport_import_path (store, job->export, &summary, NULL, &error);
  return error != NULL ? g_strdup (error->message) : NULL;
}

/* Two first imports at once into a new data folder: both land, one after the other. */
static void
test_concurrent_first_imports (void)
{
  g_autofree char *tiktok = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "old",
                                                   NULL);
  g_autofree char *twitter = g_test_build_filename (G_TEST_DIST, "fixtures", "twitter",
                                                    "archive-2024", NULL);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *dir = rapport_test_make_temp_dir ();
      g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
      ImportJob a = { data_dir, tiktok };
      ImportJob b = { data_dir, twitter };
      GThread *thread_a = g_thread_new ("import-a", import_thread, &a);
      GThread *thread_b = g_thread_new ("import-b", import_thread, &b);
      g_autofree char *error_a = g_thread_join (thread_a);
      g_autofree char *error_b = g_thread_join (thread_b);
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GPtrArray) accounts = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (error_a, ==, NULL);
      g_assert_cmpstr (error_b, ==, NULL);
      store = rapport_store_open (data_dir, &error);
      g_assert_no_error (error);
      accounts = rapport_store_list_accounts (store, &error);
      g_assert_cmpuint (accounts->len, ==, 2);
      g_clear_object (&store);
      rapport_test_remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-faults/busy-writer", Fixture, NULL, fixture_set_up, test_busy_writer,
              fixture_tear_down);
  g_test_add ("/store-faults/busy-exclusive", Fixture, NULL, fixture_set_up,
              test_busy_exclusive, fixture_tear_down);
  g_test_add ("/store-faults/full", Fixture, NULL, fixture_set_up, test_full,
              fixture_tear_down);
  g_test_add ("/store-faults/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/store-faults/too-new-untouched", Fixture, NULL, fixture_set_up,
              test_too_new_untouched, fixture_tear_down);
  g_test_add ("/store-faults/foreign-database", Fixture, NULL, fixture_set_up,
              test_foreign_database, fixture_tear_down);
  g_test_add_func ("/store-faults/concurrent-first-open", test_concurrent_first_open);
  g_test_add_func ("/store-faults/concurrent-first-imports", test_concurrent_first_imports);

  return g_test_run ();
}
