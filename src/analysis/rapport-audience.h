/* rapport-audience.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who follows whom: reciprocity on the newest lists, follow-for-follow pairs, and churn between
 * consecutive exports.  Every list of people is an array of indices into a RapportPeople of the
 * dataset, so a million followers cost four bytes each and no string is copied.  The results
 * borrow the dataset: free them before it.
 */

#pragma once

#include "core/rapport-dataset.h"

G_BEGIN_DECLS

/* Two follow dates at most this far apart make a follow-for-follow pair. */
#define RAPPORT_F4F_WINDOW_SECONDS G_GINT64_CONSTANT (72 * 3600)

/* A follow date this much later in a newer export is a new follow of the same account: a
 * smaller difference may be the same follow written in another zone or only to the day. */
#define RAPPORT_REFOLLOW_MIN_SECONDS G_GINT64_CONSTANT (24 * 3600)

/* One mutual: the same account in the follower list and in the following list. */
typedef struct
{
  guint32 follower;  /* index into followers->items */
  guint32 following; /* index into following->items */
} RapportMutual;

typedef struct
{
  /* The lists used, borrowed from the dataset.  Both come from one snapshot when any snapshot
   * has both lists; otherwise the newest follower list and the newest following list. */
  const RapportDatasetSnapshot *followers_snapshot;
  const RapportDatasetSnapshot *following_snapshot;
  gboolean same_snapshot;
  const RapportPeople *followers;
  const RapportPeople *following;

  gsize n_followers;
  gsize n_following;
  gsize n_mutuals;
  gsize n_fans;
  gsize n_not_following_back;
  /* mutuals / following; NAN when the creator follows nobody. */
  double follow_back_ratio;

  GArray *mutuals;            /* RapportMutual, in 'who' order */
  /* guint32 into followers->items: followers the creator does not follow. */
  GArray *fans;
  /* guint32 into following->items: accounts the creator follows that do not follow back. */
  GArray *not_following_back;
  /* Of those, the accounts the creator keeps on purpose (the dataset's RapportKeepSet), and
   * the rest: "not following back, kept left out", the ones to review.  guint32 into
   * following->items; without a keep set nobody is kept. */
  gsize n_not_following_back_kept;
  gsize n_not_following_back_unkept;
  GArray *not_following_back_kept;
  GArray *not_following_back_unkept;

  /* Follow-for-follow: mutuals whose two follow dates both exist and lie within 72 hours. */
  gsize n_mutuals_dated;      /* mutuals with both follow dates, the sample the pairs come from */
  gsize n_f4f_pairs;
  GArray *f4f_pairs;          /* RapportMutual, a subset of mutuals, in 'who' order */
  double f4f_share_of_followers; /* n_f4f_pairs / n_followers; NAN without followers */
  double f4f_share_of_mutuals;   /* n_f4f_pairs / n_mutuals; NAN without mutuals */

  /* Reciprocal-only share of the audience, bounded from both sides:
   * reciprocal_share = mutuals / followers is the share of followers the creator follows back,
   * whose follow may hinge on that follow-back (an upper bound); f4f_share_of_followers is the
   * share whose follow is tied in time to the creator's own (a lower estimate, and 0 where the
   * export has no dates).  NAN without followers. */
  double reciprocal_share;
} RapportReciprocity;

/* NULL when the dataset has no follower list or no following list (see rapport-coverage.h for
 * which export would provide them), or left them out. */
RapportReciprocity *rapport_reciprocity_compute (const RapportDataset *dataset);
/* Which snapshots rapport_reciprocity_compute() compares; FALSE when a list is missing. */
gboolean            rapport_reciprocity_pick_snapshots
                                               (const RapportDataset           *dataset,
                                                const RapportDatasetSnapshot  **followers_snapshot,
                                                const RapportDatasetSnapshot  **following_snapshot);
/* The same figures for two given lists, which must be sorted by 'who'. */
RapportReciprocity *rapport_reciprocity_compute_lists (const RapportPeople *followers,
                                                       const RapportPeople *following);
/* Splits not_following_back again by @kept (may be NULL: nobody is kept), after the creator
 * kept or stopped keeping an account. */
void                rapport_reciprocity_set_kept (RapportReciprocity  *reciprocity,
                                                  const RapportKeepSet *kept);
void                rapport_reciprocity_free    (RapportReciprocity   *reciprocity);

typedef enum
{
  RAPPORT_RENAME_BY_PLATFORM_ID, /* the same platform id under a new name */
  RAPPORT_RENAME_BY_SINCE,       /* no ids: the same follow timestamp, to the second */
} RapportRenameEvidence;

typedef struct
{
  guint32 old_index; /* into older->followers->items */
  guint32 new_index; /* into newer->followers->items */
  RapportRenameEvidence evidence;
} RapportRename;

/* What changed in the follower list between two consecutive exports that both have one.
 * The accounts are indices into older_people and newer_people: the two exports' lists, or
 * only the accounts that differ between them (RapportFollowerDiff).  An older step that the
 * store kept as counts (RapportChurnCounts) has no people: both are NULL, the index arrays
 * are empty, and only the counts below say what happened. */
typedef struct
{
  const RapportDatasetSnapshot *older;
  const RapportDatasetSnapshot *newer;
  const RapportPeople *older_people;
  const RapportPeople *newer_people;
  gsize n_older;             /* followers in the older list */
  gsize n_newer;             /* followers in the newer list */

  GArray *gained;            /* guint32 into newer_people->items, renames left out */
  GArray *lost;              /* guint32 into older_people->items, renames left out */
  GArray *renames;           /* RapportRename, in the older list's order */
  /* Followers in both lists who unfollowed and followed again in between: their follow date
   * in the newer list is later (by more than RAPPORT_REFOLLOW_MIN_SECONDS).  They count in
   * gained and in lost too; guint32 into newer_people->items. */
  GArray *refollowed;
  /* Lost followers the creator still follows: a subset of lost, guint32 into
   * older_people->items.  Looked up in following_snapshot's following list: the newer
   * export's when it has one, else the older one's (following_from_newer says which); NULL and
   * empty when neither export has a following list. */
  GArray *dropped_after_follow_back;
  const RapportDatasetSnapshot *following_snapshot;
  gboolean following_from_newer;

  /* How many of each: the arrays' lengths, or the kept counts of a step without people. */
  guint64 n_gained;
  guint64 n_lost;
  guint64 n_renamed;
  guint64 n_refollowed;
  guint64 n_dropped_after_follow_back;
} RapportChurnStep;

typedef struct
{
  GPtrArray *steps; /* RapportChurnStep, oldest first; empty with fewer than two follower lists */
} RapportChurn;

/* Every step between consecutive exports with a follower list, from their lists, from what
 * differs between them, or from the counts kept of them; a step known by none of these (not
 * read) is left out. */
RapportChurn           *rapport_churn_compute (const RapportDataset *dataset);
/* Counts the step that @diff describes, as rapport_churn_compute() would from the two lists;
 * fills all of @counts but its two snapshot ids. */
void                    rapport_churn_count_diff (const RapportFollowerDiff *diff,
                                                  RapportChurnCounts        *counts);
/* The counts of @step, as the store keeps them. */
void                    rapport_churn_step_get_counts (const RapportChurnStep *step,
                                                       RapportChurnCounts     *counts);
/* The step into the newest follower list ("new" and "lost since the previous export"), or NULL. */
const RapportChurnStep *rapport_churn_latest  (const RapportChurn   *churn);
/* Churn between two follower lists sorted by 'who'; @following (may be NULL) is the creator's
 * following list to find the dropped-after-follow-back ones in.  The snapshot fields are NULL. */
RapportChurnStep       *rapport_churn_step_compute (const RapportPeople *older,
                                                    const RapportPeople *newer,
                                                    const RapportPeople *following);
void                    rapport_churn_step_free (RapportChurnStep   *step);
void                    rapport_churn_free    (RapportChurn         *churn);

/* How many accounts of a list known by their ids also have a name: X/Twitter's lists give ids
 * only, and the importer names those its archive's own mentions and replies name. */
typedef struct
{
  const RapportDatasetSnapshot *snapshot; /* the newest export with the list; NULL without */
  gsize n_listed;   /* accounts in that list */
  gsize n_with_id;  /* of those, known by id */
  gsize n_named;    /* of those known by id, with a name too */
} RapportNamedIds;

/* Of the newest @direction list, loaded or counted by the store. */
void                rapport_named_ids_compute (const RapportDataset *dataset,
                                               RapportDirection      direction,
                                               RapportNamedIds      *named);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReciprocity, rapport_reciprocity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportChurnStep, rapport_churn_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportChurn, rapport_churn_free)

G_END_DECLS
