/* test-since-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Since your last export" on hand-made datasets: the step between the last two follower
 * lists with its counts and renamed accounts, and each state that has no step, with the
 * exports it names.
 */

#include "config.h"

#include <string.h>

#include "analysis/rapport-since-export.h"

#define T0  G_GINT64_CONSTANT (1700000000)
#define DAY G_GINT64_CONSTANT (86400)

static RapportPeople *
people (const char * const *whos)
{
  RapportPeople *list = rapport_people_new (4);

  /* "who:id": the platform id tells a rename from an unfollow. */
  for (guint i = 0; whos[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (whos[i], ":", 2);

      rapport_people_add (list, parts[0], parts[0], parts[1], T0 - (gint64) (i + 1) * DAY);
    }
  rapport_people_sort (list);
  return list;
}

static RapportDatasetSnapshot *
add_snapshot (RapportDataset *dataset,
              const char     *name,
              RapportPeople  *followers,
              RapportPeople  *following)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = dataset->snapshots->len + 1;
  snapshot->exported_at = T0 + snapshot->id * 30 * DAY;
  snapshot->source_name = g_strdup (name);
  snapshot->followers = followers;
  snapshot->following = following;
  g_ptr_array_add (dataset->snapshots, snapshot);
  return snapshot;
}

static char *
names_of (GPtrArray *snapshots)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", snapshot->source_name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Between two lists: ben renamed himself (same id), cara and dan left, eve and finn came;
 * the creator still follows cara, so she dropped after a follow-back. */
static void
test_since_export_changes (void)
{
  const char *older[] = { "anna:1", "ben:2", "cara:3", "dan:4", NULL };
  const char *newer[] = { "anna:1", "ben.new:2", "eve:5", "finn:6", NULL };
  const char *following[] = { "cara:3", "eve:5", NULL };
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(RapportSinceExport) since = NULL;
  g_auto(GStrv) renamed = NULL;
  const RapportDatasetSnapshot *first;
  const RapportDatasetSnapshot *last;

  first = add_snapshot (dataset, "instagram-1.zip", people (older), NULL);
  add_snapshot (dataset, "insights.csv", NULL, NULL);
  last = add_snapshot (dataset, "instagram-2.zip", people (newer), people (following));
  churn = rapport_churn_compute (dataset);
  since = rapport_since_export_compute (dataset, churn);

  g_assert_cmpint (since->state, ==, RAPPORT_SINCE_EXPORT_CHANGES);
  g_assert_cmpuint (since->n_exports, ==, 3);
  g_assert_cmpuint (since->n_with_followers, ==, 2);
  g_assert_true (since->step->older == first);
  g_assert_true (since->step->newer == last);
  g_assert_cmpuint (since->step->n_gained, ==, 2);
  g_assert_cmpuint (since->step->n_lost, ==, 2);
  g_assert_cmpuint (since->step->n_renamed, ==, 1);
  g_assert_cmpuint (since->step->n_dropped_after_follow_back, ==, 1);
  g_assert_true (rapport_since_export_knows_dropped (since));

  renamed = rapport_since_export_renamed_whos (since);
  g_assert_cmpuint (g_strv_length (renamed), ==, 1);
  g_assert_cmpstr (renamed[0], ==, "ben.new");
}

/* Without a following list in either export, who left after a follow-back is unknown. */
static void
test_since_export_no_following (void)
{
  const char *older[] = { "anna:1", "cara:3", NULL };
  const char *newer[] = { "anna:1", "eve:5", NULL };
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(RapportSinceExport) since = NULL;
  g_auto(GStrv) renamed = NULL;

  add_snapshot (dataset, "a.zip", people (older), NULL);
  add_snapshot (dataset, "b.zip", people (newer), NULL);
  churn = rapport_churn_compute (dataset);
  since = rapport_since_export_compute (dataset, churn);

  g_assert_cmpint (since->state, ==, RAPPORT_SINCE_EXPORT_CHANGES);
  g_assert_cmpuint (since->step->n_gained, ==, 1);
  g_assert_cmpuint (since->step->n_lost, ==, 1);
  g_assert_false (rapport_since_export_knows_dropped (since));
  renamed = rapport_since_export_renamed_whos (since);
  g_assert_cmpuint (g_strv_length (renamed), ==, 0);
}

/* Why the dropped ones are unknown, with each side named as what it was: a refresh from the
 * web reads no following list, and is no export. */
static void
test_since_export_dropped_wording (void)
{
  const char *older[] = { "anna:1", "cara:3", NULL };
  const char *newer[] = { "anna:1", "eve:5", NULL };
  const struct
  {
    gboolean older_live;
    gboolean newer_live;
    RapportStepSources sources;
    const char *brief;
    const char *start;
  } cases[] = {
    { FALSE, FALSE, RAPPORT_STEP_FROM_EXPORTS,
      "neither export lists the accounts you follow",
      "Neither of the two exports has the list of accounts you follow, " },
    { TRUE, TRUE, RAPPORT_STEP_FROM_REFRESHES,
      "neither refresh from the web lists the accounts you follow",
      "Both lists came from refreshes from the web, which read who follows you but not whom " },
    { FALSE, TRUE, RAPPORT_STEP_FROM_BOTH,
      "neither the export nor the refresh from the web lists the accounts you follow",
      "Neither the export nor the refresh from the web has the list of accounts you follow, " },
    { TRUE, FALSE, RAPPORT_STEP_FROM_BOTH,
      "neither the export nor the refresh from the web lists the accounts you follow",
      "Neither the export nor the refresh from the web has the list of accounts you follow, " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
      g_autoptr(RapportChurn) churn = NULL;
      g_autoptr(RapportSinceExport) since = NULL;
      g_autofree char *brief = NULL;
      g_autofree char *full = NULL;
      RapportDatasetSnapshot *a = add_snapshot (dataset, "a", people (older), NULL);
      RapportDatasetSnapshot *b = add_snapshot (dataset, "b", people (newer), NULL);

      a->date_source = cases[i].older_live ? RAPPORT_DATE_SOURCE_LIVE
                                           : RAPPORT_DATE_SOURCE_MANIFEST;
      b->date_source = cases[i].newer_live ? RAPPORT_DATE_SOURCE_LIVE
                                           : RAPPORT_DATE_SOURCE_MANIFEST;
      churn = rapport_churn_compute (dataset);
      since = rapport_since_export_compute (dataset, churn);
      g_assert_false (rapport_since_export_knows_dropped (since));
      g_assert_cmpint (rapport_churn_step_sources (since->step), ==, cases[i].sources);

      brief = rapport_since_export_explain_dropped (since->step, TRUE);
      g_assert_cmpstr (brief, ==, cases[i].brief);
      full = rapport_since_export_explain_dropped (since->step, FALSE);
      g_assert_true (g_str_has_prefix (full, cases[i].start));
      /* Only an export can bring the following list. */
      g_assert_nonnull (strstr (full, "“Following”"));
    }
}

static void
test_since_export_one_export (void)
{
  const char *followers[] = { "anna:1", NULL };
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(RapportSinceExport) since = NULL;
  g_autoptr(RapportSinceExport) none = NULL;
  g_autoptr(RapportDataset) empty = rapport_dataset_new ();

  add_snapshot (dataset, "only.zip", people (followers), NULL);
  churn = rapport_churn_compute (dataset);
  since = rapport_since_export_compute (dataset, churn);
  g_assert_cmpint (since->state, ==, RAPPORT_SINCE_EXPORT_ONE_EXPORT);
  g_assert_null (since->step);
  g_assert_cmpuint (since->n_exports, ==, 1);
  g_assert_cmpuint (since->n_with_followers, ==, 1);
  g_assert_cmpuint (since->without_followers->len, ==, 0);
  g_assert_false (rapport_since_export_knows_dropped (since));
  g_assert_null (rapport_since_export_renamed_whos (since));

  none = rapport_since_export_compute (empty, NULL);
  g_assert_cmpint (none->state, ==, RAPPORT_SINCE_EXPORT_ONE_EXPORT);
  g_assert_cmpuint (none->n_exports, ==, 0);
}

/* Three exports, one list: the two without are named, oldest first. */
static void
test_since_export_no_lists (void)
{
  const char *followers[] = { "anna:1", NULL };
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportDataset) none = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autoptr(RapportSinceExport) since = NULL;
  g_autoptr(RapportSinceExport) since_none = NULL;
  g_autofree char *names = NULL;
  g_autofree char *names_none = NULL;

  add_snapshot (dataset, "tweets.zip", NULL, NULL);
  add_snapshot (dataset, "followers.zip", people (followers), NULL);
  add_snapshot (dataset, "analytics.csv", NULL, NULL);
  churn = rapport_churn_compute (dataset);
  since = rapport_since_export_compute (dataset, churn);
  g_assert_cmpint (since->state, ==, RAPPORT_SINCE_EXPORT_NO_LISTS);
  g_assert_cmpuint (since->n_exports, ==, 3);
  g_assert_cmpuint (since->n_with_followers, ==, 1);
  names = names_of (since->without_followers);
  g_assert_cmpstr (names, ==, "tweets.zip,analytics.csv");

  add_snapshot (none, "x-1.zip", NULL, NULL);
  add_snapshot (none, "x-2.zip", NULL, NULL);
  since_none = rapport_since_export_compute (none, NULL);
  g_assert_cmpint (since_none->state, ==, RAPPORT_SINCE_EXPORT_NO_LISTS);
  g_assert_cmpuint (since_none->n_with_followers, ==, 0);
  names_none = names_of (since_none->without_followers);
  g_assert_cmpstr (names_none, ==, "x-1.zip,x-2.zip");
}

/* A summary knows there are two lists before it has read the step between them. */
static void
test_since_export_not_read (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportSinceExport) since = NULL;
  RapportDatasetSnapshot *snapshot;

  for (guint i = 0; i < 2; i++)
    {
      snapshot = add_snapshot (dataset, "summary.zip", NULL, NULL);
      snapshot->has_followers = TRUE;
      snapshot->n_followers = 10;
    }
  since = rapport_since_export_compute (dataset, NULL);
  g_assert_cmpint (since->state, ==, RAPPORT_SINCE_EXPORT_NOT_READ);
  g_assert_cmpuint (since->n_with_followers, ==, 2);
  g_assert_null (since->step);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/since-export/changes", test_since_export_changes);
  g_test_add_func ("/since-export/no-following", test_since_export_no_following);
  g_test_add_func ("/since-export/dropped-wording", test_since_export_dropped_wording);
  g_test_add_func ("/since-export/one-export", test_since_export_one_export);
  g_test_add_func ("/since-export/no-lists", test_since_export_no_lists);
  g_test_add_func ("/since-export/not-read", test_since_export_not_read);

  return g_test_run ();
}
