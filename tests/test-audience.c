/* test-audience.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-audience.h"

#define T0 G_GINT64_CONSTANT (1700000000)
#define HOUR G_GINT64_CONSTANT (3600)
#define DAY (24 * HOUR)

static void
add (RapportPeople *people,
     const char    *who,
     const char    *platform_id,
     gint64         since)
{
  rapport_people_add (people, who, who, platform_id, since);
}

static RapportDatasetSnapshot *
add_snapshot (RapportDataset *dataset,
              gint64          id,
              RapportPeople  *followers,
              RapportPeople  *following)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = id;
  snapshot->exported_at = T0 + id * 86400 * 30;
  snapshot->source_name = g_strdup_printf ("export-%" G_GINT64_FORMAT ".zip", id);
  if (followers != NULL)
    rapport_people_sort (followers);
  if (following != NULL)
    rapport_people_sort (following);
  snapshot->followers = followers;
  snapshot->following = following;
  g_ptr_array_add (dataset->snapshots, snapshot);
  return snapshot;
}

/* The 'who' of every index in @indices, joined by ','. */
static char *
join_indices (const RapportPeople *people,
              GArray              *indices)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, people->items[g_array_index (indices, guint32, i)].who);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_mutuals (const RapportReciprocity *reciprocity,
              GArray                   *pairs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const RapportMutual *mutual = &g_array_index (pairs, RapportMutual, i);

      /* Both halves of a pair must name the same account. */
      g_assert_cmpstr (reciprocity->followers->items[mutual->follower].who, ==,
                       reciprocity->following->items[mutual->following].who);
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, reciprocity->followers->items[mutual->follower].who);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_indices (GArray        *indices,
                const guint32 *expected,
                guint          n_expected)
{
  g_assert_cmpuint (indices->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (indices, guint32, i), ==, expected[i]);
}

static void
test_reciprocity (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autofree char *mutuals = NULL;
  g_autofree char *fans = NULL;
  g_autofree char *not_back = NULL;
  g_autofree char *pairs = NULL;
  RapportPeople *followers = rapport_people_new (0);
  RapportPeople *following = rapport_people_new (0);
  const RapportDatasetSnapshot *snapshot;
  static const guint32 fan_indices[] = { 0, 2, 4 };
  static const guint32 not_back_indices[] = { 2, 3 };

  /* Added out of order: the lists are sorted by 'who' as the store hands them over. */
  add (followers, "ivy", NULL, T0);
  add (followers, "alice", NULL, 1000);
  add (followers, "dave", NULL, T0);
  add (followers, "bob", NULL, T0);
  add (followers, "erin", NULL, 0);
  add (followers, "carol", NULL, T0);
  add (followers, "hank", NULL, 0);

  /* bob: 71:59:59 apart, a pair.  dave: 72:00:01, not.  ivy: exactly 72 h, a pair (inclusive).
   * hank: the follower side has no date, so hank cannot be judged. */
  add (following, "bob", NULL, T0 + 72 * HOUR - 1);
  add (following, "gina", NULL, 0);
  add (following, "dave", NULL, T0 + 72 * HOUR + 1);
  add (following, "frank", NULL, T0);
  add (following, "hank", NULL, T0);
  add (following, "ivy", NULL, T0 - 72 * HOUR);

  snapshot = add_snapshot (dataset, 1, followers, following);
  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_nonnull (reciprocity);
  g_assert_true (reciprocity->followers_snapshot == snapshot);
  g_assert_true (reciprocity->following_snapshot == snapshot);
  g_assert_true (reciprocity->same_snapshot);

  g_assert_cmpuint (reciprocity->n_followers, ==, 7);
  g_assert_cmpuint (reciprocity->n_following, ==, 6);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 4);
  g_assert_cmpuint (reciprocity->n_fans, ==, 3);
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 2);
  g_assert_cmpfloat_with_epsilon (reciprocity->follow_back_ratio, 4.0 / 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (reciprocity->reciprocal_share, 4.0 / 7.0, 1e-12);

  mutuals = join_mutuals (reciprocity, reciprocity->mutuals);
  g_assert_cmpstr (mutuals, ==, "bob,dave,hank,ivy");
  fans = join_indices (reciprocity->followers, reciprocity->fans);
  g_assert_cmpstr (fans, ==, "alice,carol,erin");
  assert_indices (reciprocity->fans, fan_indices, G_N_ELEMENTS (fan_indices));
  not_back = join_indices (reciprocity->following, reciprocity->not_following_back);
  g_assert_cmpstr (not_back, ==, "frank,gina");
  assert_indices (reciprocity->not_following_back, not_back_indices,
                  G_N_ELEMENTS (not_back_indices));

  g_assert_cmpuint (reciprocity->n_mutuals_dated, ==, 3);
  g_assert_cmpuint (reciprocity->n_f4f_pairs, ==, 2);
  pairs = join_mutuals (reciprocity, reciprocity->f4f_pairs);
  g_assert_cmpstr (pairs, ==, "bob,ivy");
  g_assert_cmpfloat_with_epsilon (reciprocity->f4f_share_of_followers, 2.0 / 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (reciprocity->f4f_share_of_mutuals, 0.5, 1e-12);
}

/* Following a, c, d, e and the X-like z (its 'who' is its id); followers a and b.  Not
 * following back: c, d, e, z.  Kept: "C" by name, id 9 (d, kept under an older name), "e"
 * under id 11 (someone else who had the name: e is id 10 now), and "Zed" by name.  So c, d
 * and z are kept, e is left to review. */
static void
test_reciprocity_kept (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  RapportPeople *followers = rapport_people_new (0);
  RapportPeople *following = rapport_people_new (0);
  g_autofree char *kept = NULL;
  g_autofree char *review = NULL;
  g_autofree char *all = NULL;

  add (followers, "a", NULL, 0);
  add (followers, "b", NULL, 0);
  add (following, "a", NULL, 0);
  add (following, "c", NULL, 0);
  add (following, "d", "9", 0);
  add (following, "e", "10", 0);
  rapport_people_add (following, "77", "Zed", "77", 0);
  add_snapshot (dataset, 1, followers, following);
  rapport_keep_set_add (dataset->kept, NULL, "C", T0);
  rapport_keep_set_add (dataset->kept, "9", "old-d", T0);
  rapport_keep_set_add (dataset->kept, "11", "e", T0);
  rapport_keep_set_add (dataset->kept, NULL, "zed", T0);
  rapport_keep_set_sort (dataset->kept);
  g_assert_cmpuint (dataset->kept->len, ==, 4);

  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 4);
  g_assert_cmpuint (reciprocity->n_not_following_back_kept, ==, 3);
  g_assert_cmpuint (reciprocity->n_not_following_back_unkept, ==, 1);
  all = join_indices (reciprocity->following, reciprocity->not_following_back);
  kept = join_indices (reciprocity->following, reciprocity->not_following_back_kept);
  review = join_indices (reciprocity->following, reciprocity->not_following_back_unkept);
  g_assert_cmpstr (all, ==, "77,c,d,e");
  g_assert_cmpstr (kept, ==, "77,c,d");
  g_assert_cmpstr (review, ==, "e");
  /* The other figures do not change. */
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 1);
  g_assert_cmpfloat_with_epsilon (reciprocity->follow_back_ratio, 0.2, 1e-12);

  /* Nobody kept: all four to review. */
  rapport_reciprocity_set_kept (reciprocity, NULL);
  g_assert_cmpuint (reciprocity->n_not_following_back_kept, ==, 0);
  g_assert_cmpuint (reciprocity->n_not_following_back_unkept, ==, 4);
}

static void
test_reciprocity_empty_lists (void)
{
  g_autoptr(RapportPeople) followers = rapport_people_new (0);
  g_autoptr(RapportPeople) following = rapport_people_new (0);
  g_autoptr(RapportReciprocity) reciprocity = NULL;

  add (followers, "solo", NULL, T0);
  reciprocity = rapport_reciprocity_compute_lists (followers, following);
  g_assert_cmpuint (reciprocity->n_fans, ==, 1);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 0);
  g_assert_true (isnan (reciprocity->follow_back_ratio));
  g_assert_true (isnan (reciprocity->f4f_share_of_mutuals));
  g_assert_cmpfloat (reciprocity->f4f_share_of_followers, ==, 0.0);
  g_assert_cmpfloat (reciprocity->reciprocal_share, ==, 0.0);
}

static RapportPeople *
people_of (const char *first,
           ...)
{
  RapportPeople *people = rapport_people_new (0);
  va_list args;

  va_start (args, first);
  for (const char *who = first; who != NULL; who = va_arg (args, const char *))
    add (people, who, NULL, 0);
  va_end (args);
  return people;
}

static void
test_reciprocity_snapshot_choice (void)
{
  g_autoptr(RapportDataset) both = rapport_dataset_new ();
  g_autoptr(RapportDataset) split = rapport_dataset_new ();
  g_autoptr(RapportDataset) followers_only = rapport_dataset_new ();
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  const RapportDatasetSnapshot *first;
  const RapportDatasetSnapshot *second;
  const RapportDatasetSnapshot *third;

  /* The newest export with both lists wins over a newer one with followers only. */
  first = add_snapshot (both, 1, people_of ("a", "b", NULL), people_of ("b", NULL));
  add_snapshot (both, 2, people_of ("a", "b", "c", NULL), NULL);
  reciprocity = rapport_reciprocity_compute (both);
  g_assert_true (reciprocity->followers_snapshot == first);
  g_assert_true (reciprocity->same_snapshot);
  g_assert_cmpuint (reciprocity->n_followers, ==, 2);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 1);
  g_clear_pointer (&reciprocity, rapport_reciprocity_free);

  /* No export has both: the newest of each, and the result says they differ. */
  add_snapshot (split, 1, people_of ("a", NULL), NULL);
  second = add_snapshot (split, 2, NULL, people_of ("a", "b", "x", NULL));
  third = add_snapshot (split, 3, people_of ("a", "b", "c", NULL), NULL);
  reciprocity = rapport_reciprocity_compute (split);
  g_assert_true (reciprocity->followers_snapshot == third);
  g_assert_true (reciprocity->following_snapshot == second);
  g_assert_false (reciprocity->same_snapshot);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 2);
  g_assert_cmpuint (reciprocity->n_fans, ==, 1);
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 1);
  g_clear_pointer (&reciprocity, rapport_reciprocity_free);

  add_snapshot (followers_only, 1, people_of ("a", NULL), NULL);
  g_assert_null (rapport_reciprocity_compute (followers_only));
}

/* Two exports a month apart, with every kind of change (see the comments per account). */
static void
build_churn_dataset (RapportDataset *dataset,
                     gboolean        newer_has_following)
{
  RapportPeople *older = rapport_people_new (0);
  RapportPeople *newer = rapport_people_new (0);
  RapportPeople *older_following = rapport_people_new (0);
  RapportPeople *newer_following = NULL;

  add (older, "amy", "100", 1000);     /* renamed to amy_new: same id, the follow date not given */
  add (older, "ben", NULL, 2000);      /* renamed to benji: no ids, same follow second */
  add (older, "cat", NULL, 3000);      /* stays */
  add (older, "dan", NULL, 4000);      /* leaves though the creator still follows dan */
  add (older, "eve", NULL, 5000);      /* leaves; the creator followed eve only before */
  add (older, "fay", NULL, 6000);      /* fay and gus share a second with fay2: ambiguous */
  add (older, "gus", NULL, 6000);
  add (older, "hal", "200", 7000);     /* hal2 has the same second but another id: two people */

  add (newer, "zed", NULL, 0);
  add (newer, "ivan", NULL, 8000);
  add (newer, "hal2", "201", 7000);
  add (newer, "fay2", NULL, 6000);
  add (newer, "cat", NULL, 3000);
  add (newer, "benji", NULL, 2000);
  add (newer, "amy_new", "100", 0);

  add (older_following, "eve", NULL, 4000);
  if (newer_has_following)
    {
      newer_following = rapport_people_new (0);
      add (newer_following, "cat", NULL, 3000);
      add (newer_following, "dan", NULL, 4000);
      add (newer_following, "hal", NULL, 7000);
    }

  add_snapshot (dataset, 1, older, older_following);
  /* An export without a follower list in between does not break the chain. */
  add_snapshot (dataset, 2, NULL, people_of ("eve", NULL));
  add_snapshot (dataset, 3, newer, newer_following);
}

static void
test_churn (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autofree char *gained = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *dropped = NULL;
  const RapportChurnStep *step;
  const RapportRename *rename;
  static const guint32 lost_indices[] = { 3, 4, 5, 6, 7 };
  static const guint32 gained_indices[] = { 3, 4, 5, 6 };
  static const guint32 dropped_indices[] = { 3, 7 };

  build_churn_dataset (dataset, TRUE);
  churn = rapport_churn_compute (dataset);
  g_assert_cmpuint (churn->steps->len, ==, 1);
  step = rapport_churn_latest (churn);
  g_assert_true (step == g_ptr_array_index (churn->steps, 0));
  g_assert_true (step->older == g_ptr_array_index (dataset->snapshots, 0));
  g_assert_true (step->newer == g_ptr_array_index (dataset->snapshots, 2));
  g_assert_cmpuint (step->n_older, ==, 8);
  g_assert_cmpuint (step->n_newer, ==, 7);

  g_assert_cmpuint (step->renames->len, ==, 2);
  rename = &g_array_index (step->renames, RapportRename, 0);
  g_assert_cmpstr (step->older->followers->items[rename->old_index].who, ==, "amy");
  g_assert_cmpstr (step->newer->followers->items[rename->new_index].who, ==, "amy_new");
  g_assert_cmpint (rename->evidence, ==, RAPPORT_RENAME_BY_PLATFORM_ID);
  rename = &g_array_index (step->renames, RapportRename, 1);
  g_assert_cmpstr (step->older->followers->items[rename->old_index].who, ==, "ben");
  g_assert_cmpstr (step->newer->followers->items[rename->new_index].who, ==, "benji");
  g_assert_cmpint (rename->evidence, ==, RAPPORT_RENAME_BY_SINCE);

  lost = join_indices (step->older->followers, step->lost);
  g_assert_cmpstr (lost, ==, "dan,eve,fay,gus,hal");
  assert_indices (step->lost, lost_indices, G_N_ELEMENTS (lost_indices));
  gained = join_indices (step->newer->followers, step->gained);
  g_assert_cmpstr (gained, ==, "fay2,hal2,ivan,zed");
  assert_indices (step->gained, gained_indices, G_N_ELEMENTS (gained_indices));
  g_assert_cmpint ((gint) step->gained->len - (gint) step->lost->len, ==,
                   (gint) step->n_newer - (gint) step->n_older);

  /* The newer export's following list decides: dan and hal are still followed, eve is not. */
  g_assert_true (step->following_snapshot == step->newer);
  g_assert_true (step->following_from_newer);
  dropped = join_indices (step->older->followers, step->dropped_after_follow_back);
  g_assert_cmpstr (dropped, ==, "dan,hal");
  assert_indices (step->dropped_after_follow_back, dropped_indices, G_N_ELEMENTS (dropped_indices));
}

static void
test_churn_older_following (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autofree char *dropped = NULL;
  const RapportChurnStep *step;

  build_churn_dataset (dataset, FALSE);
  churn = rapport_churn_compute (dataset);
  step = rapport_churn_latest (churn);
  /* Without a newer following list the older one is used, and the step says so. */
  g_assert_true (step->following_snapshot == step->older);
  g_assert_false (step->following_from_newer);
  dropped = join_indices (step->older->followers, step->dropped_after_follow_back);
  g_assert_cmpstr (dropped, ==, "eve");
}

static void
test_churn_without_following (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  const RapportChurnStep *step;

  add_snapshot (dataset, 1, people_of ("a", "b", NULL), NULL);
  churn = rapport_churn_compute (dataset);
  g_assert_null (rapport_churn_latest (churn));
  g_clear_pointer (&churn, rapport_churn_free);

  add_snapshot (dataset, 2, people_of ("b", "c", "d", NULL), NULL);
  add_snapshot (dataset, 3, people_of ("d", NULL), NULL);
  churn = rapport_churn_compute (dataset);
  g_assert_cmpuint (churn->steps->len, ==, 2);
  step = g_ptr_array_index (churn->steps, 0);
  g_assert_cmpuint (step->gained->len, ==, 2);
  g_assert_cmpuint (step->lost->len, ==, 1);
  g_assert_null (step->following_snapshot);
  g_assert_cmpuint (step->dropped_after_follow_back->len, ==, 0);
  step = rapport_churn_latest (churn);
  g_assert_cmpuint (step->gained->len, ==, 0);
  g_assert_cmpuint (step->lost->len, ==, 2);
  g_assert_true (step->newer == g_ptr_array_index (dataset->snapshots, 2));
}

/* Accounts in both lists whose follow date moved on by more than a day followed again: lost and
 * gained.  A move of a day or less (a zone, a date without time), an unknown date or an earlier
 * one is the same follow.  The same id on both sides is no rename, and a follower who came back
 * did not drop the creator after a follow-back. */
static void
test_churn_refollow (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(RapportChurn) churn = NULL;
  g_autofree char *gained = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *refollowed = NULL;
  g_autofree char *dropped = NULL;
  RapportPeople *older = rapport_people_new (0);
  RapportPeople *newer = rapport_people_new (0);
  RapportPeople *following = rapport_people_new (0);
  const RapportChurnStep *step;
  static const guint32 changed_indices[] = { 0, 1, 6 };
  static const guint32 refollowed_indices[] = { 0, 1 };

  add (older, "ann", "1", T0);             /* back 30 days later under the same id */
  add (older, "bob", NULL, T0);            /* back 2 days later, and followed by the creator */
  add (older, "cid", NULL, T0);            /* 23 hours later: another zone */
  add (older, "dee", NULL, 0);             /* no date before */
  add (older, "eve", NULL, T0);            /* exactly a day later */
  add (older, "fia", NULL, T0 + 10 * DAY); /* earlier in the newer export */
  add (older, "gil", NULL, T0);            /* left, though followed by the creator */

  add (newer, "ann", "1", T0 + 30 * DAY);
  add (newer, "bob", NULL, T0 + 2 * DAY);
  add (newer, "cid", NULL, T0 + 23 * HOUR);
  add (newer, "dee", NULL, T0 + 5 * DAY);
  add (newer, "eve", NULL, T0 + DAY);
  add (newer, "fia", NULL, T0);
  add (newer, "hop", NULL, T0 + 3 * DAY);  /* new */

  add (following, "bob", NULL, T0);
  add (following, "gil", NULL, T0);

  add_snapshot (dataset, 1, older, NULL);
  add_snapshot (dataset, 2, newer, following);
  churn = rapport_churn_compute (dataset);
  step = rapport_churn_latest (churn);
  g_assert_nonnull (step);

  lost = join_indices (step->older->followers, step->lost);
  g_assert_cmpstr (lost, ==, "ann,bob,gil");
  assert_indices (step->lost, changed_indices, G_N_ELEMENTS (changed_indices));
  gained = join_indices (step->newer->followers, step->gained);
  g_assert_cmpstr (gained, ==, "ann,bob,hop");
  assert_indices (step->gained, changed_indices, G_N_ELEMENTS (changed_indices));
  refollowed = join_indices (step->newer->followers, step->refollowed);
  g_assert_cmpstr (refollowed, ==, "ann,bob");
  assert_indices (step->refollowed, refollowed_indices, G_N_ELEMENTS (refollowed_indices));
  g_assert_cmpuint (step->renames->len, ==, 0);
  g_assert_cmpint ((gint) step->gained->len - (gint) step->lost->len, ==,
                   (gint) step->n_newer - (gint) step->n_older);
  dropped = join_indices (step->older->followers, step->dropped_after_follow_back);
  g_assert_cmpstr (dropped, ==, "gil");
}

/* A random subset of "u000".."u<n-1>", each name kept with probability @p. */
static RapportPeople *
random_people (guint  universe,
               double p)
{
  RapportPeople *people = rapport_people_new (0);

  for (guint i = 0; i < universe; i++)
    if (g_test_rand_double () < p)
      {
        g_autofree char *who = g_strdup_printf ("u%03u", (i * 7919u) % universe);

        add (people, who, NULL, 0);
      }
  rapport_people_sort (people);
  return people;
}

static void
check_random_reciprocity (guint  universe,
                          double p_follower,
                          double p_following)
{
  g_autoptr(RapportPeople) followers = random_people (universe, p_follower);
  g_autoptr(RapportPeople) following = random_people (universe, p_following);
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  gsize expected_mutuals = 0;

  reciprocity = rapport_reciprocity_compute_lists (followers, following);

  for (gsize i = 0; i < followers->len; i++)
    if (rapport_people_find (following, followers->items[i].who) != NULL)
      expected_mutuals++;

  g_assert_cmpuint (reciprocity->n_mutuals, ==, expected_mutuals);
  g_assert_cmpuint (reciprocity->n_mutuals + reciprocity->n_fans, ==, followers->len);
  g_assert_cmpuint (reciprocity->n_mutuals + reciprocity->n_not_following_back, ==, following->len);
  for (guint i = 0; i < reciprocity->fans->len; i++)
    {
      guint32 index = g_array_index (reciprocity->fans, guint32, i);

      g_assert_null (rapport_people_find (following, followers->items[index].who));
      if (i > 0)
        g_assert_cmpuint (index, >, g_array_index (reciprocity->fans, guint32, i - 1));
    }
  for (guint i = 0; i < reciprocity->not_following_back->len; i++)
    {
      guint32 index = g_array_index (reciprocity->not_following_back, guint32, i);

      g_assert_null (rapport_people_find (followers, following->items[index].who));
    }
  g_free (join_mutuals (reciprocity, reciprocity->mutuals));
}

static void
check_random_churn (guint  universe,
                    double p_older,
                    double p_newer)
{
  g_autoptr(RapportPeople) older = random_people (universe, p_older);
  g_autoptr(RapportPeople) newer = random_people (universe, p_newer);
  g_autoptr(RapportPeople) following = random_people (universe, 0.3);
  g_autoptr(RapportChurnStep) step = rapport_churn_step_compute (older, newer, following);
  gsize expected_dropped = 0;

  g_assert_cmpuint (step->renames->len, ==, 0);
  g_assert_cmpint ((gint64) step->gained->len - (gint64) step->lost->len, ==,
                   (gint64) newer->len - (gint64) older->len);
  for (guint i = 0; i < step->lost->len; i++)
    {
      const char *who = older->items[g_array_index (step->lost, guint32, i)].who;

      g_assert_null (rapport_people_find (newer, who));
      if (rapport_people_find (following, who) != NULL)
        expected_dropped++;
    }
  for (guint i = 0; i < step->gained->len; i++)
    {
      guint32 index = g_array_index (step->gained, guint32, i);

      g_assert_null (rapport_people_find (older, newer->items[index].who));
    }
  g_assert_cmpuint (step->dropped_after_follow_back->len, ==, expected_dropped);
}

static void
test_random_invariants (void)
{
  /* Balanced lists, and lopsided ones whose long runs take the galloping path of the merge. */
  static const double probabilities[][2] = {
    { 0.5, 0.4 }, { 0.95, 0.02 }, { 0.02, 0.95 }, { 1.0, 0.5 }, { 0.0, 0.5 }, { 0.3, 0.3 },
  };

  for (guint round = 0; round < 20; round++)
    for (guint k = 0; k < G_N_ELEMENTS (probabilities); k++)
      {
        check_random_reciprocity (500, probabilities[k][0], probabilities[k][1]);
        check_random_churn (500, probabilities[k][0], probabilities[k][1]);
      }
}

static void
test_million_followers (void)
{
  g_autoptr(RapportPeople) followers = rapport_people_new (1000000);
  g_autoptr(RapportPeople) following = rapport_people_new (7500);
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(RapportChurnStep) step = NULL;
  gint64 start;
  gint64 reciprocity_us;
  gint64 churn_us;

  /* Names in scattered order, so that sorting scatters their strings in memory as well. */
  for (guint32 i = 0; i < 1000000; i++)
    {
      char who[16];

      g_snprintf (who, sizeof who, "u%08x", i * 2654435761u);
      add (followers, who, NULL, T0 + i);
      /* 5,000 followers are followed back; 2,500 more followed accounts do not follow. */
      if (i % 200 == 0)
        add (following, who, NULL, T0 + i + 3600);
    }
  for (guint32 i = 1000000; i < 1002500; i++)
    {
      char who[16];

      g_snprintf (who, sizeof who, "u%08x", i * 2654435761u);
      add (following, who, NULL, T0);
    }
  rapport_people_sort (followers);
  rapport_people_sort (following);

  start = g_get_monotonic_time ();
  reciprocity = rapport_reciprocity_compute_lists (followers, following);
  reciprocity_us = g_get_monotonic_time () - start;

  g_assert_cmpuint (reciprocity->n_mutuals, ==, 5000);
  g_assert_cmpuint (reciprocity->n_fans, ==, 995000);
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 2500);
  g_assert_cmpuint (reciprocity->n_f4f_pairs, ==, 5000);

  start = g_get_monotonic_time ();
  step = rapport_churn_step_compute (followers, followers, following);
  churn_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (step->gained->len + step->lost->len, ==, 0);

  g_test_message ("reciprocity of 1,000,000 followers and 7,500 followed accounts: %.1f ms; "
                  "churn of 1,000,000 against 1,000,000: %.1f ms",
                  reciprocity_us / 1000.0, churn_us / 1000.0);
}

/* X/Twitter's lists of ids, some named by the archive's posts: the newest lists count. */
static void
test_named_ids (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  RapportPeople *old_followers = rapport_people_new (0);
  RapportPeople *followers = rapport_people_new (0);
  RapportPeople *following = rapport_people_new (0);
  RapportNamedIds named;

  rapport_people_add (old_followers, "1", "ana", "1", 0);
  add_snapshot (dataset, 1, old_followers, NULL);
  rapport_people_add (followers, "1", "ana", "1", 0);
  rapport_people_add (followers, "2", NULL, "2", 0);
  rapport_people_add (followers, "3", "Cy", "3", 0);
  rapport_people_add (followers, "4", NULL, "4", 0);
  rapport_people_add (following, "5", NULL, "5", 0);
  add_snapshot (dataset, 2, followers, following);

  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWER, &named);
  g_assert_true (named.snapshot == g_ptr_array_index (dataset->snapshots, 1));
  g_assert_cmpuint (named.n_listed, ==, 4);
  g_assert_cmpuint (named.n_with_id, ==, 4);
  g_assert_cmpuint (named.n_named, ==, 2);
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWING, &named);
  g_assert_cmpuint (named.n_with_id, ==, 1);
  g_assert_cmpuint (named.n_named, ==, 0);

  /* Lists of names have no ids to name. */
  g_ptr_array_set_size (dataset->snapshots, 0);
  followers = rapport_people_new (0);
  add (followers, "ana", NULL, 0);
  add_snapshot (dataset, 3, followers, NULL);
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWER, &named);
  g_assert_cmpuint (named.n_listed, ==, 1);
  g_assert_cmpuint (named.n_with_id, ==, 0);
  g_assert_cmpuint (named.n_named, ==, 0);
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWING, &named);
  g_assert_null (named.snapshot);
  g_assert_cmpuint (named.n_listed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audience/reciprocity", test_reciprocity);
  g_test_add_func ("/audience/reciprocity/empty-lists", test_reciprocity_empty_lists);
  g_test_add_func ("/audience/reciprocity/kept", test_reciprocity_kept);
  g_test_add_func ("/audience/reciprocity/snapshot-choice", test_reciprocity_snapshot_choice);
  g_test_add_func ("/audience/churn", test_churn);
  g_test_add_func ("/audience/churn/older-following", test_churn_older_following);
  g_test_add_func ("/audience/churn/without-following", test_churn_without_following);
  g_test_add_func ("/audience/churn/refollow", test_churn_refollow);
  g_test_add_func ("/audience/named-ids", test_named_ids);
  g_test_add_func ("/audience/random-invariants", test_random_invariants);
  g_test_add_func ("/audience/million-followers", test_million_followers);

  return g_test_run ();
}
