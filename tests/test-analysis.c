/* test-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RapportAnalysis, what the window hands its pages: loaded for one account or for all, in a
 * thread on a connection of its own, with suggestion state written through the window's store;
 * in a thread as a first look and then the rest, or preloaded before there is a window.
 */

#include "config.h"

#include <math.h>

#include "session/rapport-import-job.h"
#include "session/rapport-analysis.h"
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

  rapport_analysis_load_summary_async (store, account_id, cancellable, loaded_cb, &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rapport_analysis_load_summary_finish (result, error);
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

/* ── first look and rest ────────────────────────────────────────────────────────────────── */

/* Instagram's 2024 fixture, @jo.doe: followers __deleted__61820, anna_b and jürgen.k, following
 * anna_b and dora.d; anna_b followed a day before the creator followed back.  The 2025 fixture,
 * the same account: follower mara.m, following mara.m, nils.n and otto_o (mara.m a day apart
 * again). */
static gint64
import_instagram (RapportStore *store,
                  const char   *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "instagram", name, NULL);
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  rapport_import_path (store, path, &summary, NULL, &error);
  g_assert_no_error (error);

  return summary.account_id;
}

static void
instagram_set_up (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  fixture->old_id = import_instagram (fixture->store, "2024");
  if (user_data != NULL)
    g_assert_cmpint (import_instagram (fixture->store, "2025"), ==, fixture->old_id);
}

static void
completed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (RAPPORT_IS_ANALYSIS (object));
  *out = g_object_ref (result);
}

/* The thread of rapport_analysis_load_details_async() may let go of the analysis a moment after
 * its result arrived. */
static void
finalize_completed (RapportAnalysis *analysis)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (analysis)->ref_count) > 1 &&
         g_get_monotonic_time () < deadline)
    g_usleep (1000);

  g_assert_finalize_object (analysis);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
complete_in_thread (RapportAnalysis  *analysis,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_analysis_load_details_async (analysis, cancellable, completed_cb, &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rapport_analysis_load_details_finish (analysis, result, error);
}

static const RapportDatasetSnapshot *
first_snapshot (const RapportDataset *dataset)
{
  g_assert_cmpuint (dataset->snapshots->len, >, 0);

  return g_ptr_array_index (dataset->snapshots, 0);
}

static void
assert_same_series (const RapportFollowerSeries *a,
                    const RapportFollowerSeries *b)
{
  g_assert_cmpuint (a->points->len, ==, b->points->len);
  for (guint i = 0; i < a->points->len; i++)
    {
      const RapportSeriesPoint *pa = &g_array_index (a->points, RapportSeriesPoint, i);
      const RapportSeriesPoint *pb = &g_array_index (b->points, RapportSeriesPoint, i);

      g_assert_cmpint (pa->day, ==, pb->day);
      g_assert_cmpfloat (pa->followers, ==, pb->followers);
      g_assert_cmpint (pa->kind, ==, pb->kind);
      g_assert_cmpint (pa->lower_bound, ==, pb->lower_bound);
    }
}

static void
test_analysis_first_look (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAnalysis) complete = NULL;
  RapportAnalysis *analysis;
  const RapportDataset *first_dataset;
  const RapportReport *first_report;
  const RapportReport *report;
  const RapportReciprocity *counts;
  const RapportReciprocity *reciprocity;
  guint notifies = 0;

  analysis = load_in_thread (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_analysis_has_details (analysis));
  g_assert_true (rapport_analysis_get_store (analysis) == fixture->store);

  /* No lists, nothing that compares people by name, no suggestions. */
  first_dataset = rapport_analysis_get_dataset (analysis);
  first_report = rapport_analysis_get_report (analysis);
  g_assert_cmpuint (first_dataset->snapshots->len, ==, 1);
  g_assert_null (first_snapshot (first_dataset)->followers);
  g_assert_null (first_snapshot (first_dataset)->following);
  g_assert_cmpuint (first_dataset->posts->len, ==, 5);
  g_assert_null (first_report->reciprocity);
  g_assert_null (first_report->churn);
  g_assert_null (first_report->collaborations);
  g_assert_null (rapport_analysis_get_suggestions (analysis));

  /* The follow-back figures all the same: 1 mutual (anna_b) of 3 followers and 2 followed. */
  counts = rapport_analysis_get_reciprocity (analysis);
  g_assert_nonnull (counts);
  g_assert_cmpuint (counts->n_followers, ==, 3);
  g_assert_cmpuint (counts->n_following, ==, 2);
  g_assert_cmpuint (counts->n_mutuals, ==, 1);
  g_assert_cmpuint (counts->n_fans, ==, 2);
  g_assert_cmpuint (counts->n_not_following_back, ==, 1);
  g_assert_cmpfloat_with_epsilon (counts->follow_back_ratio, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (counts->reciprocal_share, 1.0 / 3, 1e-12);
  g_assert_true (counts->same_snapshot);
  g_assert_true (counts->following_snapshot == g_ptr_array_index (first_dataset->snapshots, 0));
  g_assert_cmpuint (counts->mutuals->len, ==, 0);
  g_assert_cmpuint (counts->n_f4f_pairs, ==, 0);
  g_assert_true (isnan (counts->f4f_share_of_followers));

  /* Every figure the first look has is the complete analysis's: the follower line rebuilt
   * from the dated followers, the engagement on it, and what the exports cover. */
  complete = rapport_analysis_load (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  report = rapport_analysis_get_report (complete);
  g_assert_cmpuint (report->series->points->len, >, 100);
  assert_same_series (first_report->series, report->series);
  g_assert_cmpuint (first_report->per_post->len, ==, report->per_post->len);
  g_assert_cmpuint (first_report->engagement.n_with_rate, ==, report->engagement.n_with_rate);
  g_assert_cmpfloat (first_report->cadence->posts_per_week, ==, report->cadence->posts_per_week);
  g_assert_cmpuint (first_report->anomalies->len, ==, report->anomalies->len);
  g_assert_cmpuint (first_report->hashtags->n_with_rate, ==, report->hashtags->n_with_rate);
  for (RapportFigure f = 0; f < RAPPORT_N_FIGURES; f++)
    {
      const RapportCoverageItem *a = rapport_coverage_get (first_report->coverage, f);
      const RapportCoverageItem *b = rapport_coverage_get (report->coverage, f);

      g_assert_cmpint (a->level, ==, b->level);
      g_assert_cmpuint (a->n, ==, b->n);
      g_assert_cmpuint (a->total, ==, b->total);
      g_assert_cmpstr (a->explanation, ==, b->explanation);
    }

  /* The rest. */
  g_signal_connect (analysis, "notify::has-details", G_CALLBACK (count_notify_cb),
                    &notifies);
  g_assert_true (complete_in_thread (analysis, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (rapport_analysis_has_details (analysis));
  g_assert_nonnull (rapport_analysis_get_suggestions (analysis));
  g_assert_true (rapport_analysis_get_dataset (analysis) != first_dataset);
  g_assert_nonnull (first_snapshot (rapport_analysis_get_dataset (analysis))->followers);
  reciprocity = rapport_analysis_get_reciprocity (analysis);
  g_assert_true (reciprocity == rapport_analysis_get_report (analysis)->reciprocity);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 1);
  g_assert_cmpuint (reciprocity->mutuals->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (reciprocity->follow_back_ratio, 0.5, 1e-12);
  /* anna_b followed a day before the creator did: a follow-for-follow pair. */
  g_assert_cmpuint (reciprocity->n_f4f_pairs, ==, 1);
  g_assert_nonnull (rapport_analysis_get_report (analysis)->churn);

  /* What a page read from the first look is still there. */
  g_assert_cmpuint (first_report->series->points->len, ==, report->series->points->len);
  g_assert_cmpuint (first_dataset->posts->len, ==, 5);

  /* Once is enough. */
  g_assert_false (complete_in_thread (analysis, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The analysis has its details already");
  g_assert_cmpuint (notifies, ==, 1);

  finalize_completed (analysis);
}

/* The rest is read in the first look's read transaction: an import in between shows in the
 * next analysis, not halfway through this one. */
static void
test_analysis_first_look_transaction (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAnalysis) later = NULL;
  const RapportReciprocity *counts;
  RapportAnalysis *analysis;

  analysis = load_in_thread (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rapport_analysis_get_reciprocity (analysis)->follow_back_ratio,
                                  0.5, 1e-12);

  g_assert_cmpint (import_instagram (fixture->store, "2025"), ==, fixture->old_id);

  g_assert_true (complete_in_thread (analysis, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_analysis_get_dataset (analysis)->snapshots->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (rapport_analysis_get_reciprocity (analysis)->follow_back_ratio,
                                  0.5, 1e-12);
  finalize_completed (analysis);

  /* The next one: the 2025 lists, mara.m of mara.m, nils.n and otto_o. */
  later = rapport_analysis_load (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_analysis_get_dataset (later)->snapshots->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (rapport_analysis_get_reciprocity (later)->follow_back_ratio,
                                  1.0 / 3, 1e-12);

  /* Its first look counts them the other way round (one follower against three followed),
   * to the same figures. */
  analysis = load_in_thread (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  counts = rapport_analysis_get_reciprocity (analysis);
  g_assert_cmpuint (counts->n_followers, ==, 1);
  g_assert_cmpuint (counts->n_following, ==, 3);
  g_assert_cmpuint (counts->n_mutuals, ==, 1);
  g_assert_cmpuint (counts->n_fans, ==, 0);
  g_assert_cmpuint (counts->n_not_following_back, ==, 2);
  g_assert_cmpfloat_with_epsilon (counts->follow_back_ratio, 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (counts->reciprocal_share, 1.0, 1e-12);
  g_assert_true (counts->following_snapshot ==
                 g_ptr_array_index (rapport_analysis_get_dataset (analysis)->snapshots, 1));
  finalize_completed (analysis);
}

static void
count_complete_cb (RapportAnalysis *analysis,
                   GParamSpec      *pspec,
                   GString         *order)
{
  g_string_append_printf (order, "%" G_GINT64_FORMAT " ",
                          rapport_analysis_get_account_id (analysis));
}

static void
test_analysis_first_look_all (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  RapportAnalysis *analysis;

  analysis = load_in_thread (fixture->store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_analysis_has_details (analysis));
  g_assert_null (rapport_analysis_get_reciprocity (analysis));
  g_assert_cmpuint (rapport_analysis_get_n_children (analysis), ==, 2);

  g_signal_connect (analysis, "notify::has-details", G_CALLBACK (count_complete_cb), order);
  for (guint i = 0; i < 2; i++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (analysis, i);

      g_assert_false (rapport_analysis_has_details (child));
      g_assert_nonnull (rapport_analysis_get_report (child)->series);
      g_assert_null (rapport_analysis_get_suggestions (child));
      g_signal_connect (child, "notify::has-details", G_CALLBACK (count_complete_cb), order);
    }

  g_assert_true (complete_in_thread (analysis, NULL, &error));
  g_assert_no_error (error);

  /* The children first, so that a page of all accounts finds them complete. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " 0 ",
                              fixture->new_id, fixture->old_id);
  g_assert_cmpstr (order->str, ==, expected);
  for (guint i = 0; i < 2; i++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (analysis, i);

      g_assert_true (rapport_analysis_has_details (child));
      g_assert_nonnull (rapport_analysis_get_suggestions (child));
    }
  g_assert_true (rapport_analysis_has_details (analysis));

  finalize_completed (analysis);
}

static void
test_analysis_complete_cancelled (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;
  guint notifies = 0;

  analysis = load_in_thread (fixture->store, fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (analysis, "notify::has-details", G_CALLBACK (count_notify_cb),
                    &notifies);

  g_cancellable_cancel (cancellable);
  g_assert_false (complete_in_thread (analysis, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (rapport_analysis_has_details (analysis));
  g_assert_null (rapport_analysis_get_suggestions (analysis));
  g_assert_cmpuint (notifies, ==, 0);

  /* Its read transaction ended with it. */
  g_assert_false (complete_in_thread (analysis, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The details of the analysis can no longer be loaded");

  finalize_completed (analysis);
}

static void
claimed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (object);
  *out = g_object_ref (result);
}

static RapportAnalysis *
claim (RapportAnalysisPreload  *preload,
       RapportStore            *store,
       gint64                   account_id,
       GCancellable            *cancellable,
       GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_analysis_preload_claim_async (preload, store, account_id, cancellable, claimed_cb,
                                        &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rapport_analysis_load_summary_finish (result, error);
}

static void
test_analysis_preload (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RapportAnalysis *analysis;

  /* Two accounts: a window opens on all of them, and gets the preload. */
  analysis = claim (rapport_analysis_preload_start (fixture->data_dir), fixture->store, 0, NULL,
                    &error);
  g_assert_no_error (error);
  g_assert_true (rapport_analysis_is_all_accounts (analysis));
  g_assert_false (rapport_analysis_has_details (analysis));
  g_assert_cmpuint (rapport_analysis_get_n_children (analysis), ==, 2);
  /* Written through the window's store from now on. */
  g_assert_true (rapport_analysis_get_store (analysis) == fixture->store);
  g_assert_true (rapport_analysis_get_store (rapport_analysis_get_child (analysis, 1)) ==
                 fixture->store);
  g_assert_true (complete_in_thread (analysis, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_analysis_get_suggestions (rapport_analysis_get_child (analysis, 0)));
  finalize_completed (analysis);

  /* A window that opens on another account loads that one instead. */
  analysis = claim (rapport_analysis_preload_start (fixture->data_dir), fixture->store,
                    fixture->old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_analysis_get_account_id (analysis), ==, fixture->old_id);
  g_assert_false (rapport_analysis_has_details (analysis));
  g_assert_true (rapport_analysis_get_store (analysis) == fixture->store);
  finalize_completed (analysis);

  /* The window's cancellable counts, whatever the preload found. */
  g_cancellable_cancel (cancellable);
  analysis = claim (rapport_analysis_preload_start (fixture->data_dir), fixture->store, 0,
                    cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (analysis);
}

/* A preload of a database without accounts has nothing to hand over: the claim loads. */
static void
test_analysis_preload_empty (void)
{
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autofree char *other_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  RapportStore *store;
  RapportStore *empty;
  RapportAnalysis *analysis;
  gint64 account_id;

  empty = rapport_store_open (other_dir, &error);
  g_assert_no_error (error);
  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  account_id = import_instagram (store, "2024");

  /* Preloaded from the empty database, claimed for another one. */
  analysis = claim (rapport_analysis_preload_start (other_dir), store, account_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_analysis_get_account_id (analysis), ==, account_id);
  g_assert_cmpuint (rapport_analysis_get_dataset (analysis)->posts->len, ==, 5);
  g_assert_true (rapport_analysis_get_store (analysis) == store);
  finalize_completed (analysis);

  g_assert_finalize_object (empty);
  while (g_atomic_int_get (&G_OBJECT (store)->ref_count) > 1)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (store);
  rapport_test_remove_tree (other_dir);
  rapport_test_remove_tree (data_dir);
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
  g_test_add ("/analysis/first-look", Fixture, NULL,
              instagram_set_up, test_analysis_first_look, fixture_tear_down);
  g_test_add ("/analysis/first-look-transaction", Fixture, NULL,
              instagram_set_up, test_analysis_first_look_transaction, fixture_tear_down);
  g_test_add ("/analysis/first-look-all", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_analysis_first_look_all, fixture_tear_down);
  g_test_add ("/analysis/complete-cancelled", Fixture, NULL,
              fixture_set_up, test_analysis_complete_cancelled, fixture_tear_down);
  g_test_add ("/analysis/preload", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_analysis_preload, fixture_tear_down);
  g_test_add_func ("/analysis/preload-empty", test_analysis_preload_empty);

  return g_test_run ();
}
