/* test-import-parts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export split into several zips, chosen together, imports as one snapshot: through
 * RapportImportBatch (the window's imports) and through `rapport import` ($RAPPORT_BIN).
 * Files that look like parts by their names but hold the same data are separate exports.
 */

#include "config.h"

#include <gio/gio.h>

#include "core/rapport-import-error.h"
#include "session/rapport-import-batch.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-util.h"

#define STEM "instagram-jo.doe-2025-01-29-AbCd"
#define SUMMARY "Instagram · @jo.doe · exported 29 Jan 2025 · 3 followers, 2 following, 2 posts"

typedef struct
{
  char *dir;
  char *data_dir;
  char **parts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = rapport_test_make_temp_dir ();
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->parts = rapport_test_write_instagram_parts (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_strfreev (fixture->parts);
}

/* The one account of the database and its one snapshot, of both parts. */
static void
assert_one_snapshot (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (fixture->data_dir, &error);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  RapportAccount *account;
  RapportSnapshot *snapshot;

  g_assert_no_error (error);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (account->handle, ==, "jo.doe");
  g_assert_cmpuint (account->n_snapshots, ==, 1);

  snapshots = rapport_store_list_snapshots (store, account->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (snapshots, 0);
  g_assert_cmpstr (snapshot->source_name, ==, STEM);
  g_assert_cmpuint (snapshot->n_followers, ==, 3);
  g_assert_cmpuint (snapshot->n_following, ==, 2);
  g_assert_cmpuint (snapshot->n_posts, ==, 2);
}

/* Both parts, chosen in any order, make one item named for both and one snapshot; both
 * again are already imported. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) batch = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(RapportImportBatch) again = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  const RapportImportSummary *summary;
  g_autofree char *description = NULL;

  rapport_import_batch_add_path (batch, fixture->parts[1]);
  rapport_import_batch_add_path (batch, fixture->parts[0]);
  g_assert_cmpuint (rapport_import_batch_get_n_items (batch), ==, 1);
  g_assert_cmpstr (rapport_import_batch_get_item_name (batch, 0), ==, STEM);

  g_assert_true (rapport_import_batch_run (batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_import_batch_get_n_items (batch), ==, 1);
  g_assert_null (rapport_import_batch_get_item_error (batch, 0));
  summary = rapport_import_batch_get_item_summary (batch, 0);
  description = rapport_import_summary_describe (summary);
  g_assert_cmpstr (description, ==, SUMMARY);
  assert_one_snapshot (fixture);

  rapport_import_batch_add_path (again, fixture->parts[0]);
  rapport_import_batch_add_path (again, fixture->parts[1]);
  g_assert_true (rapport_import_batch_run (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_error ((GError *) rapport_import_batch_get_item_error (again, 0),
                  RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (rapport_import_batch_get_item_summary (again, 0)->already_imported);
  assert_one_snapshot (fixture);
}

static char *
run_import (Fixture    *fixture,
            const char *first,
            const char *second)
{
  const char *argv[] = { g_getenv ("RAPPORT_BIN"), "import", "--data-dir", fixture->data_dir,
                         first, second, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* `rapport import a.zip b.zip` says one import; again, that it was imported. */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *out = run_import (fixture, fixture->parts[0], fixture->parts[1]);
  g_autofree char *again = NULL;

  g_assert_cmpstr (out, ==, "Imported " SUMMARY "\n");
  assert_one_snapshot (fixture);

  again = run_import (fixture, fixture->parts[1], fixture->parts[0]);
  rapport_test_assert_contains (again, STEM);
  rapport_test_assert_contains (again, "already imported");
  g_assert_null (strstr (again, "Imported"));
  assert_one_snapshot (fixture);
}

typedef struct
{
  GArray *finished;
  GPtrArray *names; /* of the items as each was announced */
} Recorder;

static void
item_finished_cb (RapportImportBatch *batch,
                  guint               index,
                  Recorder           *recorder)
{
  g_array_append_val (recorder->finished, index);
  g_ptr_array_add (recorder->names, g_strdup (rapport_import_batch_get_item_name (batch, index)));
}

/* Two exports of the same day whose names look like parts, each with its own followers_1.json:
 * each is imported on its own, in the place of the group. */
static void
test_separate_exports (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "instagram-jo.doe-2025-03-01-AbCd.zip",
                                             NULL);
  g_autofree char *second = g_build_filename (fixture->dir,
                                              "instagram-jo.doe-2025-03-01-XyZw.zip", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(RapportImportBatch) batch = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  Recorder recorder = {
    g_array_new (FALSE, FALSE, sizeof (guint)),
    g_ptr_array_new_with_free_func (g_free),
  };

  rapport_test_write_archive (first, "zip",
    "connections/followers_and_following/followers_1.json",
      "[{\"string_list_data\": [{\"value\": \"anna_b\", \"timestamp\": 1740000000}]}]",
    NULL);
  rapport_test_write_archive (second, "zip",
    "connections/followers_and_following/followers_1.json",
      "[{\"string_list_data\": [{\"value\": \"anna_b\", \"timestamp\": 1740000000}]}, "
      "{\"string_list_data\": [{\"value\": \"bert.b\", \"timestamp\": 1740000100}]}]",
    NULL);
  g_assert_true (g_file_set_contents (other, "shopping list", -1, NULL));

  rapport_import_batch_add_path (batch, second);
  rapport_import_batch_add_path (batch, other);
  rapport_import_batch_add_path (batch, first);
  g_signal_connect (batch, "item-finished", G_CALLBACK (item_finished_cb), &recorder);
  g_assert_cmpuint (rapport_import_batch_get_n_items (batch), ==, 2);
  g_assert_cmpstr (rapport_import_batch_get_item_name (batch, 0), ==,
                   "instagram-jo.doe-2025-03-01");

  g_assert_true (rapport_import_batch_run (batch, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rapport_import_batch_get_n_items (batch), ==, 3);
  g_assert_cmpuint (recorder.finished->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (recorder.finished, guint, i), ==, i);
  g_assert_cmpstr (g_ptr_array_index (recorder.names, 0), ==,
                   "instagram-jo.doe-2025-03-01-AbCd.zip");
  g_assert_cmpstr (g_ptr_array_index (recorder.names, 1), ==,
                   "instagram-jo.doe-2025-03-01-XyZw.zip");
  g_assert_cmpstr (g_ptr_array_index (recorder.names, 2), ==, "notes.txt");

  g_assert_null (rapport_import_batch_get_item_error (batch, 0));
  g_assert_cmpuint (rapport_import_batch_get_item_summary (batch, 0)->snapshot.n_followers, ==,
                    1);
  g_assert_null (rapport_import_batch_get_item_error (batch, 1));
  g_assert_cmpuint (rapport_import_batch_get_item_summary (batch, 1)->snapshot.n_followers, ==,
                    2);
  g_assert_error ((GError *) rapport_import_batch_get_item_error (batch, 2),
                  RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpuint (rapport_import_batch_count_cancelled (batch), ==, 0);

  g_array_unref (recorder.finished);
  g_ptr_array_unref (recorder.names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-parts/batch", test_batch);
  ADD ("/import-parts/command-line", test_command_line);
  ADD ("/import-parts/separate-exports", test_separate_exports);
#undef ADD

  return g_test_run ();
}
