/* rapport-audience.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/rapport-audience.h"

/* After this many steps in a row on one side, a merge stops stepping and gallops: a million
 * followers against a few thousand followed accounts then costs a few hundred thousand string
 * comparisons instead of a million cache misses. */
#define MIN_GALLOP 7

/* The first index in [from, n) whose 'who' is not less than @key, found by probing 1, 2, 4, …
 * ahead and then bisecting, so a long run costs O(log run) comparisons. */
static gsize
gallop_to (const RapportPerson *people,
           gsize                from,
           gsize                n,
           const char          *key)
{
  gsize lo = from;
  gsize hi;
  gsize step = 1;

  /* Everything before lo is less than key. */
  for (;;)
    {
      hi = lo + step - 1;
      if (hi >= n)
        {
          hi = n;
          break;
        }
      if (strcmp (people[hi].who, key) >= 0)
        break;
      lo = hi + 1;
      step *= 2;
    }

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (strcmp (people[mid].who, key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
append_range (GArray *out,
              gsize   from,
              gsize   to)
{
  guint32 *data;
  guint old_len;

  if (out == NULL || from >= to)
    return;

  old_len = out->len;
  g_array_set_size (out, old_len + (to - from));
  data = &g_array_index (out, guint32, old_len);
  for (gsize k = from; k < to; k++)
    *data++ = (guint32) k;
}

/* The same account followed again: its follow date in @newer is later than in @older by more
 * than RAPPORT_REFOLLOW_MIN_SECONDS. */
static inline gboolean
is_refollow (const RapportPerson *older,
             const RapportPerson *newer)
{
  /* In unsigned arithmetic the difference of any two dates fits. */
  return older->since != 0 && newer->since > older->since &&
         (guint64) newer->since - (guint64) older->since > RAPPORT_REFOLLOW_MIN_SECONDS;
}

/* A merge-join of two lists sorted by 'who': indices only in @a, only in @b, pairs in both, and
 * the pairs in both that @b follows again (see is_refollow()).  Any output may be NULL. */
static void
merge_people (const RapportPeople *a,
              const RapportPeople *b,
              GArray              *only_a,
              GArray              *only_b,
              GArray              *both,
              GArray              *refollowed)
{
  gsize i = 0;
  gsize j = 0;
  guint a_run = 0;
  guint b_run = 0;

  g_assert (a != NULL);
  g_assert (b != NULL);

  while (i < a->len && j < b->len)
    {
      int cmp = strcmp (a->items[i].who, b->items[j].who);

      if (cmp == 0)
        {
          RapportMutual pair = { (guint32) i, (guint32) j };

          if (both != NULL)
            g_array_append_val (both, pair);
          if (refollowed != NULL && is_refollow (&a->items[i], &b->items[j]))
            g_array_append_val (refollowed, pair);
          i++;
          j++;
          a_run = b_run = 0;
        }
      else if (cmp < 0)
        {
          gsize to = ++a_run >= MIN_GALLOP ? gallop_to (a->items, i + 1, a->len, b->items[j].who)
                                           : i + 1;

          append_range (only_a, i, to);
          i = to;
          b_run = 0;
        }
      else
        {
          gsize to = ++b_run >= MIN_GALLOP ? gallop_to (b->items, j + 1, b->len, a->items[i].who)
                                           : j + 1;

          append_range (only_b, j, to);
          j = to;
          a_run = 0;
        }
    }
  append_range (only_a, i, a->len);
  append_range (only_b, j, b->len);
}

static double
ratio (gsize part,
       gsize whole)
{
  return whole == 0 ? NAN : (double) part / (double) whole;
}

static gint64
abs_difference (gint64 a,
                gint64 b)
{
  return a > b ? a - b : b - a;
}

/* Reciprocity of two lists.  Definitions (DESIGN.md, "Reciprocity"):
 *   mutuals = followers ∩ following, fans = followers − following,
 *   not following back = following − followers, follow-back ratio = mutuals / following.
 * A follow-for-follow pair is a mutual whose follow dates (when they followed the creator, when
 * the creator followed them) both exist and are at most 72 hours apart, inclusive: one follow
 * answering the other within three days.  Mutuals without both dates are never pairs, and
 * n_mutuals_dated says how many could have been.  The sets come from one merge-join. */
RapportReciprocity *
rapport_reciprocity_compute_lists (const RapportPeople *followers,
                                   const RapportPeople *following)
{
  RapportReciprocity *self;

  g_return_val_if_fail (followers != NULL, NULL);
  g_return_val_if_fail (following != NULL, NULL);
  g_return_val_if_fail (followers->len <= G_MAXUINT32 && following->len <= G_MAXUINT32, NULL);

  self = g_new0 (RapportReciprocity, 1);
  self->followers = followers;
  self->following = following;
  self->n_followers = followers->len;
  self->n_following = following->len;
  self->mutuals = g_array_sized_new (FALSE, FALSE, sizeof (RapportMutual),
                                     MIN (followers->len, following->len));
  self->fans = g_array_sized_new (FALSE, FALSE, sizeof (guint32), followers->len);
  self->not_following_back = g_array_sized_new (FALSE, FALSE, sizeof (guint32), following->len);
  self->f4f_pairs = g_array_new (FALSE, FALSE, sizeof (RapportMutual));

  merge_people (followers, following, self->fans, self->not_following_back, self->mutuals,
                NULL);

  self->n_mutuals = self->mutuals->len;
  self->n_fans = self->fans->len;
  self->n_not_following_back = self->not_following_back->len;
  rapport_reciprocity_set_kept (self, NULL);
  self->follow_back_ratio = ratio (self->n_mutuals, self->n_following);

  for (guint k = 0; k < self->mutuals->len; k++)
    {
      const RapportMutual *mutual = &g_array_index (self->mutuals, RapportMutual, k);
      gint64 followed_creator = followers->items[mutual->follower].since;
      gint64 creator_followed = following->items[mutual->following].since;

      /* Unknown (0) or out of range (rapport-records.h): no date to compare. */
      if (!rapport_time_is_valid (followed_creator) || !rapport_time_is_valid (creator_followed))
        continue;
      self->n_mutuals_dated++;
      if (abs_difference (followed_creator, creator_followed) <= RAPPORT_F4F_WINDOW_SECONDS)
        g_array_append_val (self->f4f_pairs, *mutual);
    }

  self->n_f4f_pairs = self->f4f_pairs->len;
  self->f4f_share_of_followers = ratio (self->n_f4f_pairs, self->n_followers);
  self->f4f_share_of_mutuals = ratio (self->n_f4f_pairs, self->n_mutuals);
  self->reciprocal_share = ratio (self->n_mutuals, self->n_followers);
  return self;
}

/* The newest snapshot that has both lists, so both describe the same moment; when no export
 * has both, the newest follower list and the newest following list, which same_snapshot =
 * FALSE flags: accounts that changed between the two exports then count wrong.  FALSE when
 * one of the lists is missing altogether. */
gboolean
rapport_reciprocity_pick_snapshots (const RapportDataset           *dataset,
                                    const RapportDatasetSnapshot  **followers_snapshot,
                                    const RapportDatasetSnapshot  **following_snapshot)
{
  g_return_val_if_fail (dataset != NULL, FALSE);

  *followers_snapshot = *following_snapshot = NULL;
  for (guint i = dataset->snapshots->len; i > 0; i--)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i - 1);

      if (rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER) &&
          rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWING))
        {
          *followers_snapshot = *following_snapshot = snapshot;
          return TRUE;
        }
    }
  *followers_snapshot = rapport_dataset_latest_listed (dataset, RAPPORT_DIRECTION_FOLLOWER);
  *following_snapshot = rapport_dataset_latest_listed (dataset, RAPPORT_DIRECTION_FOLLOWING);
  return *followers_snapshot != NULL && *following_snapshot != NULL;
}

RapportReciprocity *
rapport_reciprocity_compute (const RapportDataset *dataset)
{
  const RapportDatasetSnapshot *followers_snapshot;
  const RapportDatasetSnapshot *following_snapshot;
  RapportReciprocity *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  /* A summary left the lists out: it counts the mutuals in the store instead. */
  if (!rapport_reciprocity_pick_snapshots (dataset, &followers_snapshot, &following_snapshot) ||
      followers_snapshot->followers == NULL || following_snapshot->following == NULL)
    return NULL;

  self = rapport_reciprocity_compute_lists (followers_snapshot->followers,
                                            following_snapshot->following);
  self->followers_snapshot = followers_snapshot;
  self->following_snapshot = following_snapshot;
  self->same_snapshot = followers_snapshot == following_snapshot;
  rapport_reciprocity_set_kept (self, dataset->kept);

  /* A LinkedIn connection is one request accepted: both lists hold it with the same day, and
   * no follow answers another, so there are no follow-for-follow pairs to find. */
  if (dataset->platform == RAPPORT_PLATFORM_LINKEDIN)
    {
      g_array_set_size (self->f4f_pairs, 0);
      self->n_f4f_pairs = 0;
      self->n_mutuals_dated = 0;
      self->f4f_share_of_followers = ratio (0, self->n_followers);
      self->f4f_share_of_mutuals = ratio (0, self->n_mutuals);
    }
  return self;
}

void
rapport_reciprocity_set_kept (RapportReciprocity   *self,
                              const RapportKeepSet *kept)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->not_following_back_kept, g_array_unref);
  g_clear_pointer (&self->not_following_back_unkept, g_array_unref);
  self->not_following_back_kept = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->not_following_back_unkept = g_array_sized_new (FALSE, FALSE, sizeof (guint32),
                                                       self->not_following_back->len);

  for (guint i = 0; i < self->not_following_back->len; i++)
    {
      guint32 index = g_array_index (self->not_following_back, guint32, i);

      if (kept != NULL && rapport_keep_set_contains (kept, &self->following->items[index]))
        g_array_append_val (self->not_following_back_kept, index);
      else
        g_array_append_val (self->not_following_back_unkept, index);
    }
  self->n_not_following_back_kept = self->not_following_back_kept->len;
  self->n_not_following_back_unkept = self->not_following_back_unkept->len;
}

void
rapport_reciprocity_free (RapportReciprocity *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->mutuals);
  g_array_unref (self->fans);
  g_array_unref (self->not_following_back);
  /* A summary's counts have no lists to split (rapport-analysis.c). */
  g_clear_pointer (&self->not_following_back_kept, g_array_unref);
  g_clear_pointer (&self->not_following_back_unkept, g_array_unref);
  g_array_unref (self->f4f_pairs);
  g_free (self);
}

/* One side of a rename search: a lost (older list) or gained (newer list) account. */
typedef struct
{
  const RapportPerson *person;
  guint32 index;    /* into its list */
  guint32 position; /* in the lost or gained array, to mark it matched */
} Candidate;

static int
compare_by_platform_id (gconstpointer a,
                        gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;
  int cmp = strcmp (ca->person->platform_id, cb->person->platform_id);

  return cmp != 0 ? cmp : (ca->index > cb->index) - (ca->index < cb->index);
}

static int
compare_by_since (gconstpointer a,
                  gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->person->since != cb->person->since)
    return ca->person->since < cb->person->since ? -1 : 1;
  return (ca->index > cb->index) - (ca->index < cb->index);
}

static int
compare_renames (gconstpointer a,
                 gconstpointer b)
{
  const RapportRename *ra = a;
  const RapportRename *rb = b;

  return (ra->old_index > rb->old_index) - (ra->old_index < rb->old_index);
}

/* Unmatched entries of @indices (into @people) that pass the filter, as candidates. */
static GArray *
collect_candidates (const RapportPeople *people,
                    GArray              *indices,
                    const gboolean      *matched,
                    gboolean             by_id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint k = 0; k < indices->len; k++)
    {
      guint32 index = g_array_index (indices, guint32, k);
      const RapportPerson *person = &people->items[index];
      Candidate candidate = { person, index, k };

      if (matched[k])
        continue;
      if (by_id ? person->platform_id == NULL : person->since == 0)
        continue;
      g_array_append_val (out, candidate);
    }
  return out;
}

static void
add_rename (GArray                *renames,
            const Candidate       *lost,
            const Candidate       *gained,
            RapportRenameEvidence  evidence,
            gboolean              *lost_matched,
            gboolean              *gained_matched)
{
  RapportRename rename = { lost->index, gained->index, evidence };

  g_array_append_val (renames, rename);
  lost_matched[lost->position] = TRUE;
  gained_matched[gained->position] = TRUE;
}

static void
remove_matched (GArray         *indices,
                const gboolean *matched)
{
  guint kept = 0;

  for (guint k = 0; k < indices->len; k++)
    if (!matched[k])
      g_array_index (indices, guint32, kept++) = g_array_index (indices, guint32, k);
  g_array_set_size (indices, kept);
}

/* Renames among lost and gained followers.  An account that changed its name leaves the list
 * under the old name and joins under the new one; counting that as an unfollow plus a new follow
 * would be wrong.  First, a lost and a gained account with the same platform id are one account.
 * Then, among the rest, a lost and a gained account whose follow timestamps are equal to the
 * second (and not 0) are one account, provided they do not both carry ids (differing ids prove
 * two accounts) and no other lost or gained account shares that timestamp (on a large account
 * two people can follow in the same second; an ambiguous match is not claimed).  Both passes are
 * merges over the two sides sorted by the key. */
static void
find_renames (RapportChurnStep    *step,
              const RapportPeople *older,
              const RapportPeople *newer)
{
  g_autofree gboolean *lost_matched = g_new0 (gboolean, step->lost->len + 1);
  g_autofree gboolean *gained_matched = g_new0 (gboolean, step->gained->len + 1);
  g_autoptr(GArray) lost_ids = NULL;
  g_autoptr(GArray) gained_ids = NULL;
  g_autoptr(GArray) lost_dated = NULL;
  g_autoptr(GArray) gained_dated = NULL;
  guint i = 0;
  guint j = 0;

  if (step->lost->len == 0 || step->gained->len == 0)
    return;

  lost_ids = collect_candidates (older, step->lost, lost_matched, TRUE);
  gained_ids = collect_candidates (newer, step->gained, gained_matched, TRUE);
  g_array_sort (lost_ids, compare_by_platform_id);
  g_array_sort (gained_ids, compare_by_platform_id);
  while (i < lost_ids->len && j < gained_ids->len)
    {
      const Candidate *lost = &g_array_index (lost_ids, Candidate, i);
      const Candidate *gained = &g_array_index (gained_ids, Candidate, j);
      int cmp = strcmp (lost->person->platform_id, gained->person->platform_id);

      if (cmp == 0)
        {
          add_rename (step->renames, lost, gained, RAPPORT_RENAME_BY_PLATFORM_ID,
                      lost_matched, gained_matched);
          i++;
          j++;
        }
      else if (cmp < 0)
        i++;
      else
        j++;
    }

  lost_dated = collect_candidates (older, step->lost, lost_matched, FALSE);
  gained_dated = collect_candidates (newer, step->gained, gained_matched, FALSE);
  g_array_sort (lost_dated, compare_by_since);
  g_array_sort (gained_dated, compare_by_since);
  i = j = 0;
  while (i < lost_dated->len && j < gained_dated->len)
    {
      const Candidate *lost = &g_array_index (lost_dated, Candidate, i);
      const Candidate *gained = &g_array_index (gained_dated, Candidate, j);
      gint64 since = lost->person->since;
      guint lost_end = i;
      guint gained_end = j;

      if (since < gained->person->since)
        {
          i++;
          continue;
        }
      if (since > gained->person->since)
        {
          j++;
          continue;
        }

      while (lost_end < lost_dated->len
             && g_array_index (lost_dated, Candidate, lost_end).person->since == since)
        lost_end++;
      while (gained_end < gained_dated->len
             && g_array_index (gained_dated, Candidate, gained_end).person->since == since)
        gained_end++;

      if (lost_end - i == 1 && gained_end - j == 1
          && (lost->person->platform_id == NULL || gained->person->platform_id == NULL))
        add_rename (step->renames, lost, gained, RAPPORT_RENAME_BY_SINCE,
                    lost_matched, gained_matched);
      i = lost_end;
      j = gained_end;
    }

  remove_matched (step->lost, lost_matched);
  remove_matched (step->gained, gained_matched);
  g_array_sort (step->renames, compare_renames);
}

/* Merges one side of @pairs (its older list's indices, or its newer list's) into @indices;
 * both are in index order, and so is the result. */
static void
merge_indices (GArray       *indices,
               const GArray *pairs,
               gboolean      newer_side)
{
  guint i = indices->len;
  guint j = pairs->len;
  guint32 *data;

  g_array_set_size (indices, indices->len + pairs->len);
  data = (guint32 *) indices->data;
  /* From the back, so that nothing is moved twice. */
  while (j > 0)
    {
      const RapportMutual *pair = &g_array_index (pairs, RapportMutual, j - 1);
      guint32 index = newer_side ? pair->following : pair->follower;

      if (i > 0 && data[i - 1] > index)
        {
          data[i + j - 1] = data[i - 1];
          i--;
        }
      else
        {
          data[i + j - 1] = index;
          j--;
        }
    }
}

/* Followers who left and came back between the two exports count as lost and as gained. */
static void
add_refollows (RapportChurnStep *step,
               const GArray     *pairs)
{
  merge_indices (step->lost, pairs, FALSE);
  merge_indices (step->gained, pairs, TRUE);
  merge_indices (step->refollowed, pairs, TRUE);
}

/* Churn between two follower lists.  gained = newer − older, lost = older − newer (one
 * merge-join), less the renames found among them (see find_renames()), plus the accounts in
 * both that followed again in between (see is_refollow()) on each side, so that
 * gained − lost = n_newer − n_older always holds.  Dropped after follow-back = lost followers
 * who are in @following, the creator's following list: they left although the creator follows
 * them, the typical end of a follow-for-follow deal; those who came back are not among them. */
RapportChurnStep *
rapport_churn_step_compute (const RapportPeople *older,
                            const RapportPeople *newer,
                            const RapportPeople *following)
{
  g_autoptr(GArray) refollows = NULL;
  RapportChurnStep *self;

  g_return_val_if_fail (older != NULL, NULL);
  g_return_val_if_fail (newer != NULL, NULL);
  g_return_val_if_fail (older->len <= G_MAXUINT32 && newer->len <= G_MAXUINT32, NULL);

  self = g_new0 (RapportChurnStep, 1);
  self->n_older = older->len;
  self->n_newer = newer->len;
  self->gained = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->lost = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->renames = g_array_new (FALSE, FALSE, sizeof (RapportRename));
  self->dropped_after_follow_back = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->refollowed = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* Pairs of the same account: .follower indexes the older list, .following the newer. */
  refollows = g_array_new (FALSE, FALSE, sizeof (RapportMutual));

  /* Those who came back are left out of the search for renames: the same account on both
   * sides would be taken for one renamed. */
  merge_people (older, newer, self->lost, self->gained, NULL, refollows);
  find_renames (self, older, newer);

  /* Lost is small next to the following list as a rule: gallop through the latter. */
  if (following != NULL)
    {
      gsize j = 0;

      for (guint k = 0; k < self->lost->len && j < following->len; k++)
        {
          guint32 index = g_array_index (self->lost, guint32, k);
          const char *who = older->items[index].who;

          j = gallop_to (following->items, j, following->len, who);
          if (j < following->len && strcmp (following->items[j].who, who) == 0)
            g_array_append_val (self->dropped_after_follow_back, index);
        }
    }

  add_refollows (self, refollows);
  self->older_people = older;
  self->newer_people = newer;
  self->n_gained = self->gained->len;
  self->n_lost = self->lost->len;
  self->n_renamed = self->renames->len;
  self->n_refollowed = self->refollowed->len;
  self->n_dropped_after_follow_back = self->dropped_after_follow_back->len;
  return self;
}

static const RapportDatasetSnapshot *
find_snapshot (const RapportDataset *dataset,
               gint64                id)
{
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (snapshot->id == id)
        return snapshot;
    }
  return NULL;
}

/* A step that the store kept as counts only. */
static RapportChurnStep *
step_from_counts (const RapportChurnCounts *counts)
{
  RapportChurnStep *self = g_new0 (RapportChurnStep, 1);

  self->gained = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->lost = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->renames = g_array_new (FALSE, FALSE, sizeof (RapportRename));
  self->dropped_after_follow_back = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->refollowed = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->n_gained = counts->n_gained;
  self->n_lost = counts->n_lost;
  self->n_renamed = counts->n_renamed;
  self->n_refollowed = counts->n_refollowed;
  self->n_dropped_after_follow_back = MAX (counts->n_dropped_after_follow_back, 0);
  return self;
}

/* The step from @previous into @snapshot, from whatever the dataset holds of it. */
static RapportChurnStep *
step_between (const RapportDataset         *dataset,
              const RapportDatasetSnapshot *previous,
              const RapportDatasetSnapshot *snapshot)
{
  const RapportFollowerDiff *diff = snapshot->follower_diff;
  const RapportChurnCounts *counts = snapshot->churn_counts;
  const RapportDatasetSnapshot *following_snapshot;
  RapportChurnStep *step;

  if (previous->followers != NULL && snapshot->followers != NULL)
    {
      /* The newer following list says whom the creator "still" follows; the older one is the
       * best available when the newer export lacks it. */
      following_snapshot = snapshot->following != NULL ? snapshot
                         : previous->following != NULL ? previous
                         : NULL;
      step = rapport_churn_step_compute (previous->followers, snapshot->followers,
                                         following_snapshot ? following_snapshot->following
                                                            : NULL);
    }
  else if (diff != NULL && diff->older_id == previous->id)
    {
      following_snapshot = diff->following_id != 0 ? find_snapshot (dataset, diff->following_id)
                                                   : NULL;
      step = rapport_churn_step_compute (diff->left, diff->joined,
                                         following_snapshot ? diff->still_followed : NULL);
    }
  else if (counts != NULL && counts->older_id == previous->id)
    {
      following_snapshot = counts->following_id != 0
                           ? find_snapshot (dataset, counts->following_id) : NULL;
      step = step_from_counts (counts);
    }
  else
    return NULL;

  /* Sizes from the exports: a diff holds only the accounts that differ. */
  step->n_older = rapport_dataset_snapshot_list_size (previous, RAPPORT_DIRECTION_FOLLOWER);
  step->n_newer = rapport_dataset_snapshot_list_size (snapshot, RAPPORT_DIRECTION_FOLLOWER);
  step->older = previous;
  step->newer = snapshot;
  step->following_snapshot = following_snapshot;
  step->following_from_newer = following_snapshot == snapshot;
  return step;
}

RapportChurn *
rapport_churn_compute (const RapportDataset *dataset)
{
  RapportChurn *self;
  const RapportDatasetSnapshot *previous = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (RapportChurn, 1);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_churn_step_free);

  /* Consecutive among the exports that have a follower list: one without (an analytics CSV,
   * say) between two that have one does not break the chain. */
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      RapportChurnStep *step;

      if (!rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER))
        continue;
      if (previous != NULL && (step = step_between (dataset, previous, snapshot)) != NULL)
        g_ptr_array_add (self->steps, step);
      previous = snapshot;
    }
  return self;
}

void
rapport_churn_count_diff (const RapportFollowerDiff *diff,
                          RapportChurnCounts        *counts)
{
  g_autoptr(RapportChurnStep) step = NULL;

  g_return_if_fail (diff != NULL);
  g_return_if_fail (counts != NULL);

  step = rapport_churn_step_compute (diff->left, diff->joined,
                                     diff->following_id != 0 ? diff->still_followed : NULL);
  counts->n_gained = step->n_gained;
  counts->n_lost = step->n_lost;
  counts->n_renamed = step->n_renamed;
  counts->n_refollowed = step->n_refollowed;
  counts->n_dropped_after_follow_back = diff->following_id != 0
                                        ? (gint64) step->n_dropped_after_follow_back : -1;
  counts->following_id = diff->following_id;
}

void
rapport_churn_step_get_counts (const RapportChurnStep *step,
                               RapportChurnCounts     *counts)
{
  g_return_if_fail (step != NULL);
  g_return_if_fail (counts != NULL);

  counts->older_id = step->older != NULL ? step->older->id : 0;
  counts->newer_id = step->newer != NULL ? step->newer->id : 0;
  counts->n_gained = step->n_gained;
  counts->n_lost = step->n_lost;
  counts->n_renamed = step->n_renamed;
  counts->n_refollowed = step->n_refollowed;
  counts->n_dropped_after_follow_back = step->following_snapshot != NULL
                                        ? (gint64) step->n_dropped_after_follow_back : -1;
  counts->following_id = step->following_snapshot != NULL ? step->following_snapshot->id : 0;
}

const RapportChurnStep *
rapport_churn_latest (const RapportChurn *churn)
{
  g_return_val_if_fail (churn != NULL, NULL);

  return churn->steps->len > 0 ? g_ptr_array_index (churn->steps, churn->steps->len - 1) : NULL;
}

void
rapport_churn_step_free (RapportChurnStep *step)
{
  if (step == NULL)
    return;
  g_array_unref (step->gained);
  g_array_unref (step->lost);
  g_array_unref (step->renames);
  g_array_unref (step->dropped_after_follow_back);
  g_array_unref (step->refollowed);
  g_free (step);
}

void
rapport_churn_free (RapportChurn *churn)
{
  if (churn == NULL)
    return;
  g_ptr_array_unref (churn->steps);
  g_free (churn);
}

void
rapport_named_ids_compute (const RapportDataset *dataset,
                           RapportDirection      direction,
                           RapportNamedIds      *named)
{
  RapportListCounts counts;

  g_return_if_fail (dataset != NULL);
  g_return_if_fail (named != NULL);

  memset (named, 0, sizeof (RapportNamedIds));
  named->snapshot = rapport_dataset_latest_listed (dataset, direction);
  if (named->snapshot == NULL)
    return;

  rapport_dataset_snapshot_count_list (named->snapshot, direction, &counts);
  named->n_listed = counts.n_listed;
  named->n_with_id = counts.n_with_id;
  named->n_named = counts.n_named;
}
