/* test-import-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RapportImportBatch: what the window's import bar and `rapport import` are told, in which
 * order and in which thread.
 */

#include "config.h"

#include <gio/gio.h>

#include "rapport-test-util.h"
#include "session/rapport-import-batch.h"

typedef struct
{
  char *data_dir;
  char *tiktok;
  char *twitter;
  char *broken;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->tiktok = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", "new", NULL);
  fixture->twitter = g_test_build_filename (G_TEST_DIST, "fixtures", "twitter", "archive-2024",
                                            NULL);
  /* A file that is no export at all. */
  fixture->broken = g_build_filename (fixture->data_dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (fixture->broken, "shopping list", -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  rapport_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  g_free (fixture->tiktok);
  g_free (fixture->twitter);
  g_free (fixture->broken);
}

typedef struct
{
  GArray   *finished;      /* guint, in the order announced */
  GThread  *thread;        /* where the signals must arrive */
  guint     n_current_notifications;
  gboolean  wrong_thread;
} Recorder;

static void
item_finished_cb (RapportImportBatch *batch,
                  guint               index,
                  Recorder           *recorder)
{
  /* Each item is announced once, after it is done. */
  g_assert_true (rapport_import_batch_get_item_done (batch, index));
  g_array_append_val (recorder->finished, index);
  if (g_thread_self () != recorder->thread)
    recorder->wrong_thread = TRUE;
}

static void
current_notify_cb (RapportImportBatch *batch,
                   GParamSpec         *pspec,
                   Recorder           *recorder)
{
  recorder->n_current_notifications++;
  if (g_thread_self () != recorder->thread)
    recorder->wrong_thread = TRUE;
}

static void
recorder_attach (Recorder           *recorder,
                 RapportImportBatch *batch)
{
  recorder->finished = g_array_new (FALSE, FALSE, sizeof (guint));
  recorder->thread = g_thread_self ();
  g_signal_connect (batch, "item-finished", G_CALLBACK (item_finished_cb), recorder);
  g_signal_connect (batch, "notify::current", G_CALLBACK (current_notify_cb), recorder);
}

/* Three exports in the caller's thread: two import, the third fails with its own message, and
 * each is announced in order. */
static void
test_import_batch_run (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) batch = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  Recorder recorder = { 0 };
  const RapportImportSummary *summary;
  const GError *item_error;

  rapport_import_batch_add_path (batch, fixture->tiktok);
  rapport_import_batch_add_path (batch, fixture->broken);
  rapport_import_batch_add_path (batch, fixture->twitter);
  recorder_attach (&recorder, batch);

  g_assert_cmpuint (rapport_import_batch_get_n_items (batch), ==, 3);
  g_assert_cmpstr (rapport_import_batch_get_item_name (batch, 0), ==, "new");
  g_assert_cmpstr (rapport_import_batch_get_item_name (batch, 1), ==, "notes.txt");
  g_assert_false (rapport_import_batch_get_item_done (batch, 0));

  g_assert_true (rapport_import_batch_run (batch, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (recorder.finished->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (recorder.finished, guint, i), ==, i);
  g_assert_false (recorder.wrong_thread);
  /* The moves to the second and the third item, whatever the interval; the end leaves no
   * entry behind. */
  g_assert_cmpuint (recorder.n_current_notifications, ==, 2);
  g_assert_null (rapport_import_batch_get_entry (batch));
  g_assert_cmpuint (rapport_import_batch_get_current (batch), ==, 2);

  g_assert_null (rapport_import_batch_get_item_error (batch, 0));
  summary = rapport_import_batch_get_item_summary (batch, 0);
  g_assert_cmpint (summary->platform, ==, RAPPORT_PLATFORM_TIKTOK);
  g_assert_cmpint (summary->account_id, >, 0);

  item_error = rapport_import_batch_get_item_error (batch, 1);
  g_assert_nonnull (item_error);
  g_assert_nonnull (strstr (item_error->message, "notes.txt"));

  g_assert_null (rapport_import_batch_get_item_error (batch, 2));
  g_assert_cmpint (rapport_import_batch_get_item_summary (batch, 2)->platform, ==,
                   RAPPORT_PLATFORM_TWITTER);
  g_assert_cmpuint (rapport_import_batch_count_cancelled (batch), ==, 0);

  g_array_unref (recorder.finished);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* In a thread: the signals reach the caller's main context, every one of them before the
 * callback; the second run of the same export says it was imported before. */
static void
test_import_batch_async (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) first = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(RapportImportBatch) again = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder = { 0 };
  gint64 deadline;

  rapport_import_batch_add_path (first, fixture->tiktok);
  g_assert_true (rapport_import_batch_run (first, NULL, &error));

  rapport_import_batch_add_path (again, fixture->tiktok);
  rapport_import_batch_add_path (again, fixture->twitter);
  recorder_attach (&recorder, again);
  rapport_import_batch_run_async (again, NULL, run_done_cb, &result);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);
  g_assert_true (rapport_import_batch_run_finish (again, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (recorder.finished->len, ==, 2);
  g_assert_false (recorder.wrong_thread);
  g_assert_error (rapport_import_batch_get_item_error (again, 0), RAPPORT_STORE_ERROR,
                  RAPPORT_STORE_ERROR_DUPLICATE);
  g_assert_true (rapport_import_batch_get_item_summary (again, 0)->already_imported);
  g_assert_null (rapport_import_batch_get_item_error (again, 1));

  g_array_unref (recorder.finished);
}

/* A batch cancelled before it starts attempts nothing, and says how many it stopped. */
static void
test_import_batch_cancelled (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) batch = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rapport_import_batch_add_path (batch, fixture->tiktok);
  rapport_import_batch_add_path (batch, fixture->twitter);
  store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  before = rapport_test_database_fingerprint (fixture->data_dir);

  g_cancellable_cancel (cancellable);
  g_assert_true (rapport_import_batch_run (batch, cancellable, &error));
  g_assert_no_error (error);

  g_assert_false (rapport_import_batch_get_item_done (batch, 0));
  g_assert_false (rapport_import_batch_get_item_done (batch, 1));
  g_assert_cmpuint (rapport_import_batch_count_cancelled (batch), ==, 2);
  after = rapport_test_database_fingerprint (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
}

/* A fresh database forgets what was there: the same export imports again, not as a
 * duplicate.  Other files in the folder stay. */
static void
test_import_batch_fresh (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) first = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(RapportImportBatch) fresh = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GError) error = NULL;

  rapport_import_batch_add_path (first, fixture->tiktok);
  g_assert_true (rapport_import_batch_run (first, NULL, &error));
  g_assert_null (rapport_import_batch_get_item_error (first, 0));

  rapport_import_batch_set_fresh_database (fresh, TRUE);
  g_assert_true (rapport_import_batch_get_fresh_database (fresh));
  rapport_import_batch_add_path (fresh, fixture->tiktok);
  g_assert_true (rapport_import_batch_run (fresh, NULL, &error));
  g_assert_null (rapport_import_batch_get_item_error (fresh, 0));
  g_assert_false (rapport_import_batch_get_item_summary (fresh, 0)->already_imported);
  g_assert_true (g_file_test (fixture->broken, G_FILE_TEST_EXISTS));
}

/* A file that is not on this computer (no path) fails with a message naming it. */
static void
test_import_batch_not_local (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(RapportImportBatch) batch = rapport_import_batch_new (fixture->data_dir);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.invalid/export.zip");
  g_autoptr(GError) error = NULL;
  const GError *item_error;

  rapport_import_batch_add_file (batch, remote);
  g_assert_true (rapport_import_batch_run (batch, NULL, &error));

  item_error = rapport_import_batch_get_item_error (batch, 0);
  g_assert_error (item_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (item_error->message, "export.zip"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-batch/run", Fixture, NULL, fixture_set_up, test_import_batch_run,
              fixture_tear_down);
  g_test_add ("/import-batch/async", Fixture, NULL, fixture_set_up, test_import_batch_async,
              fixture_tear_down);
  g_test_add ("/import-batch/cancelled", Fixture, NULL, fixture_set_up,
              test_import_batch_cancelled, fixture_tear_down);
  g_test_add ("/import-batch/fresh", Fixture, NULL, fixture_set_up, test_import_batch_fresh,
              fixture_tear_down);
  g_test_add ("/import-batch/not-local", Fixture, NULL, fixture_set_up,
              test_import_batch_not_local, fixture_tear_down);


  return g_test_run ();
}
