/* test-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kills `rapport import` with SIGKILL at several moments of a large import and checks that the
 * database is intact, still holds exactly what it held before, and that the same import then
 * succeeds.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "rapport-test-util.h"

#define N_FOLLOWERS 400000

static const char *rapport_bin;

typedef struct
{
  gint64 accounts;
  gint64 snapshots;
  gint64 relations;
  gint64 posts;
  gint64 follower_days;
  gint64 followers_summed;
} Counts;

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static Counts
check_database (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "rapport.db", NULL);
  Counts counts;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  counts.accounts = query_int (db, "SELECT count(*) FROM account");
  counts.snapshots = query_int (db, "SELECT count(*) FROM snapshot");
  counts.relations = query_int (db, "SELECT count(*) FROM follow_span");
  counts.posts = query_int (db, "SELECT count(*) FROM post");
  counts.follower_days = query_int (db, "SELECT count(*) FROM follower_count");
  counts.followers_summed = query_int (db, "SELECT total (count) FROM follower_count");
  sqlite3_close (db);
  return counts;
}

static void
run_import (const char *data_dir,
            const char *path)
{
  const char *argv[] = { rapport_bin, "import", "--data-dir", data_dir, path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
write_tiktok_export (const char *path,
                     const char *user,
                     guint       n_followers)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\"Profile\": {\"Profile Information\": {\"ProfileMap\": {"
                          "\"userName\": \"%s\", \"followerCount\": %u}}},\n"
                          " \"Activity\": {\"Follower List\": {\"FansList\": [\n", user, n_followers);
  for (guint i = 0; i < n_followers; i++)
    g_string_append_printf (json, "%s  {\"Date\": \"2024-%02u-%02u 10:00:00\", \"UserName\": \"fan_%u\"}",
                            i ? ",\n" : "", 1 + i % 12, 1 + i % 28, i);
  g_string_append (json, "\n]}}}\n");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
}

/* A TikTok Studio export of a business account (full dates), @n_rows daily totals over the
 * @n_days days from 1 January 2004, each day's total its number of days since plus @base. */
static void
write_studio_export (const char *path,
                     guint       n_rows,
                     guint       n_days,
                     guint       base)
{
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  fputs ("Date,Followers,Net growth,New followers,Lost followers\n", file);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2004, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) later = g_date_time_add_days (day, i % n_days);
      g_autofree char *text = g_date_time_format (later, "%Y/%m/%d");

      fprintf (file, "%s,%u,1,2,1\n", text, base + i % n_days);
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Waits until @pid has run for @msec, or until the write-ahead log holds @wal_bytes. */
static void
wait_for_moment (GPid        pid,
                 const char *wal_path,
                 guint       msec,
                 goffset     wal_bytes)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) msec * 1000;

  for (;;)
    {
      GStatBuf st;

      if (wal_bytes > 0 && g_stat (wal_path, &st) == 0 && st.st_size >= wal_bytes)
        return;
      if (wal_bytes == 0 && g_get_monotonic_time () >= deadline)
        return;
      if (g_get_monotonic_time () >= deadline + 20 * G_USEC_PER_SEC)
        return;
      g_usleep (2000);
    }
}

static void
test_kill_during_import (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *small = g_build_filename (dir, "user_data.json", NULL);
  g_autofree char *big_dir = g_build_filename (dir, "big", NULL);
  g_autofree char *big = g_build_filename (big_dir, "user_data_tiktok.json", NULL);
  g_autofree char *wal = g_build_filename (data_dir, "rapport.db-wal", NULL);
  /* Early (reading and parsing), while rows are written, and late in the write. */
  const struct { guint msec; goffset wal_bytes; } moments[] = {
    { 30, 0 }, { 0, 64 * 1024 }, { 0, 4 * 1024 * 1024 }, { 0, 12 * 1024 * 1024 },
  };
  Counts before, after;

  write_tiktok_export (small, "crashtest", 3);
  run_import (data_dir, small);
  before = check_database (data_dir);
  g_assert_cmpint (before.accounts, ==, 1);
  g_assert_cmpint (before.snapshots, ==, 1);
  g_assert_cmpint (before.relations, ==, 3);

  g_assert_cmpint (g_mkdir (big_dir, 0700), ==, 0);
  write_tiktok_export (big, "crashtest", N_FOLLOWERS);

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      const char *argv[] = { rapport_bin, "import", "--data-dir", data_dir, big_dir, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;

      g_test_message ("kill %u: after %u ms / at %" G_GOFFSET_FORMAT " WAL bytes",
                      i, moments[i].msec, moments[i].wal_bytes);
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      wait_for_moment (pid, wal, moments[i].msec, moments[i].wal_bytes);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* The import must not have finished before the kill, or the test proves nothing. */
      g_assert_true (WIFSIGNALED (status));

      after = check_database (data_dir);
      g_assert_cmpint (after.accounts, ==, before.accounts);
      g_assert_cmpint (after.snapshots, ==, before.snapshots);
      g_assert_cmpint (after.relations, ==, before.relations);
      g_assert_cmpint (after.posts, ==, before.posts);
    }

  /* After all that, the same import goes through in full. */
  run_import (data_dir, big_dir);
  after = check_database (data_dir);
  g_assert_cmpint (after.snapshots, ==, before.snapshots + 1);
  /* The small export's three followers are the first of the big one's, with the same dates:
   * their spans go on, and one begins for each of the others. */
  g_assert_cmpint (after.relations, ==, N_FOLLOWERS);

  rapport_test_remove_tree (dir);
}

/* The daily totals of an analytics export wait for the commit in a temporary table: killed
 * while they are read and staged, the import leaves the totals of an earlier export as they
 * were, and then goes through with the newer export's figures. */
static void
test_kill_during_follower_days (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *small_dir = g_build_filename (dir, "tiktok-crashtest-2024-01-01", NULL);
  g_autofree char *small = g_build_filename (small_dir, "FollowerHistory.csv", NULL);
  g_autofree char *big_dir = g_build_filename (dir, "tiktok-crashtest-2025-06-12", NULL);
  g_autofree char *big = g_build_filename (big_dir, "FollowerHistory.csv", NULL);
  /* A million rows take two seconds: killed well before the end. */
  const guint msec[] = { 30, 300 };
  Counts before, after;

  g_assert_cmpint (g_mkdir (small_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (big_dir, 0700), ==, 0);
  write_studio_export (small, 10, 10, 500);
  run_import (data_dir, small_dir);
  before = check_database (data_dir);
  g_assert_cmpint (before.follower_days, ==, 10);
  g_assert_cmpint (before.followers_summed, ==, 10 * 500 + 45);

  write_studio_export (big, 1000000, 7000, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (msec); i++)
    {
      const char *argv[] = { rapport_bin, "import", "--data-dir", data_dir, big_dir, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;

      g_test_message ("kill %u: after %u ms", i, msec[i]);
      g_spawn_async (NULL, (char **) argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);
      wait_for_moment (pid, NULL, msec[i], 0);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      after = check_database (data_dir);
      g_assert_cmpint (after.snapshots, ==, before.snapshots);
      g_assert_cmpint (after.follower_days, ==, before.follower_days);
      g_assert_cmpint (after.followers_summed, ==, before.followers_summed);
    }

  /* The newer export's 7,000 days, its totals over the older one's first ten. */
  run_import (data_dir, big_dir);
  after = check_database (data_dir);
  g_assert_cmpint (after.snapshots, ==, before.snapshots + 1);
  g_assert_cmpint (after.follower_days, ==, 7000);
  g_assert_cmpint (after.followers_summed, ==, 7000 * 1000 + 6999 * 7000 / 2);

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rapport_bin = g_getenv ("RAPPORT_BIN");
  g_assert_nonnull (rapport_bin);

  g_test_add_func ("/crash/kill-during-import", test_kill_during_import);
  g_test_add_func ("/crash/kill-during-follower-days", test_kill_during_follower_days);

  return g_test_run ();
}
