/* test-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RapportAnalysis, what the window hands its pages: loaded for one account or for all, in a
 * thread on a connection of its own, with suggestion state written through the window's store.
 */

#include "config.h"

#include "import/rapport-import-job.h"
#include "ui/rapport-analysis.h"
#include "rapport-test-util.h"

typedef struct
{
  char         *data_dir;
  RapportStore *store;
  gint64        old_id;  /* tiktok/old: @jocats */
  gint64        new_id;  /* tiktok/new: @jo.new */
} Fixture;

static gint64
import_fixture (RapportStore *store,
                const char   *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "tiktok", name, NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  rapport_import_path (store, path, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary.account_id, >, 0);

  return summary.account_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  fixture->old_id = import_fixture (fixture->store, "old");
  if (user_data != NULL)
    fixture->new_id = import_fixture (fixture->store, "new");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* A thread's task may drop its reference on the store a moment after its result arrived. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 1 &&
         g_get_monotonic_time () < deadline)
    g_usleep (1000);

  g_assert_finalize_object (fixture->store);
  rapport_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
test_analysis_account (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;
  const RapportAccount *account;
  const RapportDataset *dataset;
  const RapportReport *report;

  analysis = rapport_analysis_load (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_analysis_get_store (analysis) == fixture->store);
  g_assert_cmpint (rapport_analysis_get_account_id (analysis), ==, fixture->old_id);
  g_assert_false (rapport_analysis_is_all_accounts (analysis));
  g_assert_cmpstr (rapport_analysis_get_scope (analysis), ==, "1");
  g_assert_cmpstr (rapport_analysis_get_title (analysis), ==, "@jocats");

  account = rapport_analysis_get_account (analysis);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->handle, ==, "jocats");
  g_assert_cmpint (account->platform, ==, RAPPORT_PLATFORM_TIKTOK);
  g_assert_cmpuint (rapport_analysis_get_accounts (analysis)->len, ==, 1);
  g_assert_cmpuint (rapport_analysis_get_n_children (analysis), ==, 0);
  g_assert_null (rapport_analysis_get_child (analysis, 0));

  /* The fixture: 4 followers with a user name (one row lacks it), 3 videos. */
  dataset = rapport_analysis_get_dataset (analysis);
  g_assert_nonnull (dataset);
  g_assert_cmpint (dataset->account_id, ==, fixture->old_id);
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  report = rapport_analysis_get_report (analysis);
  g_assert_nonnull (report);
  g_assert_true (report->dataset == dataset);
  g_assert_cmpuint (report->engagement.n_posts, ==, 3);
  g_assert_nonnull (rapport_analysis_get_suggestions (analysis));

  g_assert_finalize_object (analysis);
}

static void
test_analysis_all (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;
  GPtrArray *accounts;

  analysis = rapport_analysis_load (fixture->store, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_analysis_is_all_accounts (analysis));
  g_assert_cmpint (rapport_analysis_get_account_id (analysis), ==, 0);
  g_assert_cmpstr (rapport_analysis_get_scope (analysis), ==, "all");
  g_assert_cmpstr (rapport_analysis_get_title (analysis), ==, "All Accounts");
  g_assert_null (rapport_analysis_get_account (analysis));
  g_assert_null (rapport_analysis_get_dataset (analysis));
  g_assert_null (rapport_analysis_get_report (analysis));
  g_assert_null (rapport_analysis_get_suggestions (analysis));

  /* One analysis per account, in the order of the accounts (by handle within TikTok). */
  accounts = rapport_analysis_get_accounts (analysis);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpuint (rapport_analysis_get_n_children (analysis), ==, 2);
  g_assert_cmpstr (((RapportAccount *) g_ptr_array_index (accounts, 0))->handle, ==, "jo.new");
  g_assert_cmpstr (((RapportAccount *) g_ptr_array_index (accounts, 1))->handle, ==, "jocats");

  for (guint i = 0; i < 2; i++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (analysis, i);
      const RapportAccount *account = g_ptr_array_index (accounts, i);

      g_assert_cmpint (rapport_analysis_get_account_id (child), ==, account->id);
      g_assert_nonnull (rapport_analysis_get_report (child));
      g_assert_true (rapport_analysis_get_store (child) == fixture->store);
    }
  g_assert_cmpint (rapport_analysis_get_account_id (rapport_analysis_get_child (analysis, 0)), ==,
                   fixture->new_id);
  g_assert_null (rapport_analysis_get_child (analysis, 2));

  g_assert_finalize_object (analysis);
}

static void
test_analysis_missing (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAnalysis) analysis = NULL;

  analysis = rapport_analysis_load (fixture->store, fixture->old_id + 100, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The account is no longer in the database");
  g_assert_null (analysis);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (object);
  *out = g_object_ref (result);
}

static RapportAnalysis *
load_in_thread (RapportStore  *store,
                gint64         account_id,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_analysis_load_async (store, account_id, cancellable, loaded_cb, &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rapport_analysis_load_finish (result, error);
}

static void
test_analysis_async (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;

  analysis = load_in_thread (fixture->store, 0, NULL, &error);
  g_assert_no_error (error);

  /* Read on the thread's own connection, written through the window's. */
  g_assert_true (rapport_analysis_get_store (analysis) == fixture->store);
  g_assert_true (rapport_analysis_get_store (rapport_analysis_get_child (analysis, 1)) ==
                 fixture->store);
  g_assert_cmpuint (rapport_analysis_get_n_children (analysis), ==, 2);
  g_assert_finalize_object (analysis);

  g_cancellable_cancel (cancellable);
  analysis = load_in_thread (fixture->store, fixture->old_id, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (analysis);
}

static void
count_cb (RapportAnalysis *analysis,
          guint           *count)
{
  (*count)++;
}

static RapportSuggestion *
find_suggestion (RapportAnalysis *analysis,
                 const char      *key)
{
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);

  for (guint i = 0; i < suggestions->len; i++)
    {
      RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->key, key))
        return suggestion;
    }

  return NULL;
}

static void
test_analysis_suggestion_state (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  RapportAnalysis *analysis;
  GPtrArray *suggestions;
  guint changes = 0;

  analysis = rapport_analysis_load (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (analysis, "suggestions-changed", G_CALLBACK (count_cb), &changes);

  /* A single small export leaves the coach something to say, at least about coverage. */
  suggestions = rapport_analysis_get_suggestions (analysis);
  g_assert_cmpuint (suggestions->len, >, 0);
  key = g_strdup (((RapportSuggestion *) g_ptr_array_index (suggestions, 0))->key);
  g_assert_cmpint (find_suggestion (analysis, key)->state, ==, RAPPORT_SUGGESTION_OPEN);

  g_assert_true (rapport_analysis_set_suggestion_state (analysis, key,
                                                        RAPPORT_SUGGESTION_DISMISSED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (find_suggestion (analysis, key)->state, ==, RAPPORT_SUGGESTION_DISMISSED);

  /* The same state again changes nothing. */
  g_assert_true (rapport_analysis_set_suggestion_state (analysis, key,
                                                        RAPPORT_SUGGESTION_DISMISSED, &error));
  g_assert_cmpuint (changes, ==, 1);

  /* Dismissed suggestions go after the open ones. */
  if (suggestions->len > 1)
    g_assert_cmpint (((RapportSuggestion *) g_ptr_array_index (suggestions, 0))->state, ==,
                     RAPPORT_SUGGESTION_OPEN);

  states = rapport_store_get_suggestion_states (fixture->store, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (states, key), ==, "dismissed");

  g_assert_false (rapport_analysis_set_suggestion_state (analysis, "no.such:rule",
                                                         RAPPORT_SUGGESTION_DONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_finalize_object (analysis);

  /* A new analysis reads the state back. */
  analysis = rapport_analysis_load (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_suggestion (analysis, key)->state, ==, RAPPORT_SUGGESTION_DISMISSED);

  /* Open again forgets it. */
  g_assert_true (rapport_analysis_set_suggestion_state (analysis, key,
                                                        RAPPORT_SUGGESTION_OPEN, &error));
  g_clear_pointer (&states, g_hash_table_unref);
  states = rapport_store_get_suggestion_states (fixture->store, "1", &error);
  g_assert_no_error (error);
  g_assert_null (g_hash_table_lookup (states, key));
  g_assert_finalize_object (analysis);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/analysis/account", Fixture, NULL,
              fixture_set_up, test_analysis_account, fixture_tear_down);
  g_test_add ("/analysis/all", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_analysis_all, fixture_tear_down);
  g_test_add ("/analysis/missing", Fixture, NULL,
              fixture_set_up, test_analysis_missing, fixture_tear_down);
  g_test_add ("/analysis/async", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_analysis_async, fixture_tear_down);
  g_test_add ("/analysis/suggestion-state", Fixture, NULL,
              fixture_set_up, test_analysis_suggestion_state, fixture_tear_down);

  return g_test_run ();
}
