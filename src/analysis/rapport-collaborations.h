/* rapport-collaborations.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Posts made with other accounts (mentions) against posts made alone, how each partner's posts
 * fare, and mutuals the creator already talks to but has never posted with (accounts followed,
 * where the platform's exports list no followers).
 */

#pragma once

#include "analysis/rapport-audience.h"
#include "analysis/rapport-engagement.h"
#include "analysis/rapport-hashtags.h"

G_BEGIN_DECLS

typedef struct
{
  char *handle;         /* lower case, without '@'; an id where posts mention by id (Bluesky) */
  const char *name;     /* what to call them: the handle; for a partner mentioned by id, the
                         * handle RapportDataset.names gives the id, NULL when none does */
  guint n_posts;        /* own non-reply posts mentioning them */
  GArray *posts;        /* guint32 indices into the engagement array, oldest first */
  guint n_with_rate;    /* of those, posts with a known ER */
  double median_rate;   /* NAN when n_with_rate is 0 */
} RapportPartner;

typedef struct
{
  /* The mutual, in the reciprocity's follower list; with candidates_from_following, the
   * account in the newest list of accounts followed. */
  const RapportPerson *person;
  guint n_comments;     /* the creator's comments on their content */
  guint n_likes;        /* the creator's likes of their content */
  guint n_replies;      /* the creator's replies (posts of type REPLY) mentioning them */
  guint n_reposts;      /* the creator's boosts, reposts and quotes of their posts */
  guint n_interactions; /* the sum of the four */
  gint64 latest;        /* Unix seconds of the newest of them, 0 when none is dated */
} RapportCollaborationCandidate;

typedef struct
{
  guint n_posts;              /* own non-reply posts looked at */
  guint n_with_mentions;      /* of those, posts mentioning another account */
  RapportUplift mentions;     /* ER of posts with mentions against posts without */
  GArray *partners;           /* RapportPartner, most posts first, then highest median ER */

  /* FALSE without reciprocity, or when the lists have ids only and none of them a name: only
   * the names that X/Twitter's own posts give its ids match the handles of comments, likes and
   * replies.  On a platform whose exports list no followers (Mastodon, Bluesky), candidates
   * are chosen among the accounts followed instead, and candidates_from_following is set. */
  gboolean candidates_available;
  gboolean candidates_from_following;
  guint n_interactions;       /* interactions and replies with a known target looked at */
  GArray *candidates;         /* RapportCollaborationCandidate, most interactions first */
} RapportCollaborations;

/* @engagement: RapportPostEngagement from rapport_engagement_per_post(); @reciprocity may be
 * NULL (no candidates then).  The result borrows the dataset and the reciprocity's lists. */
RapportCollaborations *rapport_collaborations_compute (const RapportDataset     *dataset,
                                                       const GArray             *engagement,
                                                       const RapportReciprocity *reciprocity);
void                   rapport_collaborations_free    (RapportCollaborations    *collaborations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCollaborations, rapport_collaborations_free)

G_END_DECLS
