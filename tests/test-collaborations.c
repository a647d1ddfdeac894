/* test-collaborations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-collaborations.h"

#define T0 G_GINT64_CONSTANT (1700000000)
#define DAY G_GINT64_CONSTANT (86400)

/* Adds a post to the dataset and, unless it is a story or a repost, a hand-filled entry to
 * @engagement, as rapport_engagement_per_post() would.  @mentions: comma-separated. */
static void
add_post (RapportDataset  *dataset,
          GArray          *engagement,
          RapportPostType  type,
          double           rate,
          const char      *mentions)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();
  RapportPostEngagement entry = { 0, };

  post->type = type;
  post->created_at = T0 + dataset->posts->len * DAY;
  post->hashtags = g_new0 (char *, 1);
  post->mentions = mentions[0] != '\0' ? g_strsplit (mentions, ",", -1) : g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);

  if (type == RAPPORT_POST_STORY || type == RAPPORT_POST_REPOST)
    return;
  entry.post = post;
  entry.interactions = isnan (rate) ? -1 : (gint64) (rate * 1000);
  entry.followers = 1000;
  entry.rate = rate;
  entry.rate_by_impressions = NAN;
  g_array_append_val (engagement, entry);
}

static void
add_interaction (RapportDataset         *dataset,
                 RapportInteractionKind  kind,
                 const char             *target,
                 gint64                  at)
{
  RapportDatasetInteraction *interaction = g_new0 (RapportDatasetInteraction, 1);

  interaction->kind = kind;
  interaction->target = g_strdup (target);
  interaction->at = at;
  g_ptr_array_add (dataset->interactions, interaction);
}

static RapportPeople *
people_of (gboolean    with_handles,
           const char *first,
           ...)
{
  RapportPeople *people = rapport_people_new (0);
  va_list args;

  va_start (args, first);
  for (const char *who = first; who != NULL; who = va_arg (args, const char *))
    rapport_people_add (people, who, with_handles ? who : NULL, with_handles ? NULL : who, 0);
  va_end (args);
  rapport_people_sort (people);
  return people;
}

static void
add_lists (RapportDataset *dataset,
           gboolean        with_handles)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = 1;
  snapshot->followers = people_of (with_handles,
                                   "ana", "bo", "dee", "eli", "gus", "hal", "ivy", "kim", NULL);
  snapshot->following = people_of (with_handles,
                                   "ana", "bo", "dee", "eli", "gus", "hal", "ivy", "lou", NULL);
  g_ptr_array_add (dataset->snapshots, snapshot);
}

static void
build_dataset (RapportDataset *dataset,
               GArray         *engagement)
{
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  /* Written as the creator typed it; mentions are stored lower case. */
  dataset->handle = g_strdup ("@Jo");

  add_post (dataset, engagement, RAPPORT_POST_PHOTO, 0.04, "ana");        /* 0 */
  add_post (dataset, engagement, RAPPORT_POST_PHOTO, 0.06, "ana,bo");     /* 1 */
  add_post (dataset, engagement, RAPPORT_POST_PHOTO, 0.02, "");           /* 2 */
  add_post (dataset, engagement, RAPPORT_POST_PHOTO, 0.03, "jo");         /* 3: only the creator */
  add_post (dataset, engagement, RAPPORT_POST_REEL, 0.05, "bo");          /* 4 */
  add_post (dataset, engagement, RAPPORT_POST_PHOTO, NAN, "cy");          /* 5: no counts */
  add_post (dataset, engagement, RAPPORT_POST_REPLY, 0.10, "dee");        /* 6: a reply */
  add_post (dataset, engagement, RAPPORT_POST_STORY, NAN, "eli");         /* 7: a story with eli */
  add_post (dataset, engagement, RAPPORT_POST_REPOST, NAN, "fay");        /* 8: not own */
  add_post (dataset, engagement, RAPPORT_POST_REPLY, NAN, "gus,jo");      /* 9: a reply */
  add_post (dataset, engagement, RAPPORT_POST_PHOTO, 0.01, "");           /* 10 */

  add_interaction (dataset, RAPPORT_INTERACTION_COMMENT, "hal", T0 + 100);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "hal", T0 + 300);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "hal", T0 + 200);
  add_interaction (dataset, RAPPORT_INTERACTION_COMMENT, "dee", T0 + 50);
  /* ana and eli: mutuals already posted with, whatever the interactions. */
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "ana", T0 + 500);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "ana", T0 + 501);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "ana", T0 + 502);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "ana", T0 + 503);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "eli", T0 + 10);
  /* lou is followed but does not follow back; kim follows but is not followed. */
  add_interaction (dataset, RAPPORT_INTERACTION_COMMENT, "lou", T0 + 999);
  add_interaction (dataset, RAPPORT_INTERACTION_COMMENT, "kim", T0 + 999);
  add_interaction (dataset, RAPPORT_INTERACTION_COMMENT, NULL, T0 + 999);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "ivy", 0);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "jo", T0);
}

static void
test_mentions (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportCollaborations) collaborations = NULL;
  const RapportPartner *partner;
  double mean = 4.5;
  double sd = sqrt (3 * 3 * 7 / 12.0);

  build_dataset (dataset, engagement);
  collaborations = rapport_collaborations_compute (dataset, engagement, NULL);

  /* Non-reply own posts: 0 1 2 3 4 5 10; with another account: 0 1 4 5. */
  g_assert_cmpuint (collaborations->n_posts, ==, 7);
  g_assert_cmpuint (collaborations->n_with_mentions, ==, 4);
  /* With {.04 .06 .05} (post 5 has no ER), median .05; without {.02 .03 .01}, median .02;
   * every ER with beats every ER without: U = 9, mean 4.5, variance 3·3·7/12. */
  g_assert_cmpuint (collaborations->mentions.n_with, ==, 3);
  g_assert_cmpuint (collaborations->mentions.n_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.median_with, 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.median_without, 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.uplift, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.difference_pp, 3.0, 1e-9);
  g_assert_cmpfloat (collaborations->mentions.u, ==, 9);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.p_value,
                                  erfc ((9 - mean - 0.5) / sd / sqrt (2.0)), 1e-9);
  g_assert_cmpfloat_with_epsilon (collaborations->mentions.p_value, 0.080856, 1e-6);
  g_assert_cmpint (collaborations->mentions.confidence, ==, RAPPORT_CONFIDENCE_LOW);

  /* bo {.06 .05} and ana {.04 .06} tie on two posts; bo's median is higher.  cy has no ER. */
  g_assert_cmpuint (collaborations->partners->len, ==, 3);
  partner = &g_array_index (collaborations->partners, RapportPartner, 0);
  g_assert_cmpstr (partner->handle, ==, "bo");
  g_assert_cmpuint (partner->n_posts, ==, 2);
  g_assert_cmpuint (partner->n_with_rate, ==, 2);
  g_assert_cmpfloat_with_epsilon (partner->median_rate, 0.055, 1e-12);
  g_assert_cmpuint (g_array_index (partner->posts, guint32, 0), ==, 1);
  g_assert_cmpuint (g_array_index (partner->posts, guint32, 1), ==, 4);
  partner = &g_array_index (collaborations->partners, RapportPartner, 1);
  g_assert_cmpstr (partner->handle, ==, "ana");
  g_assert_cmpuint (partner->n_posts, ==, 2);
  g_assert_cmpfloat_with_epsilon (partner->median_rate, 0.05, 1e-12);
  partner = &g_array_index (collaborations->partners, RapportPartner, 2);
  g_assert_cmpstr (partner->handle, ==, "cy");
  g_assert_cmpuint (partner->n_posts, ==, 1);
  g_assert_cmpuint (partner->n_with_rate, ==, 0);
  g_assert_true (isnan (partner->median_rate));

  /* Without reciprocity there are no candidates to name. */
  g_assert_false (collaborations->candidates_available);
  g_assert_cmpuint (collaborations->candidates->len, ==, 0);
}

static void
assert_candidate (const RapportCollaborations *collaborations,
                  guint                        index,
                  const char                  *who,
                  guint                        n_comments,
                  guint                        n_likes,
                  guint                        n_replies,
                  guint                        n_reposts,
                  gint64                       latest)
{
  const RapportCollaborationCandidate *candidate;

  g_assert_cmpuint (index, <, collaborations->candidates->len);
  candidate = &g_array_index (collaborations->candidates, RapportCollaborationCandidate, index);
  g_assert_cmpstr (candidate->person->who, ==, who);
  g_assert_cmpuint (candidate->n_comments, ==, n_comments);
  g_assert_cmpuint (candidate->n_likes, ==, n_likes);
  g_assert_cmpuint (candidate->n_replies, ==, n_replies);
  g_assert_cmpuint (candidate->n_reposts, ==, n_reposts);
  g_assert_cmpuint (candidate->n_interactions, ==, n_comments + n_likes + n_replies + n_reposts);
  g_assert_cmpint (candidate->latest, ==, latest);
}

static void
test_candidates (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(RapportCollaborations) collaborations = NULL;

  build_dataset (dataset, engagement);
  add_lists (dataset, TRUE);
  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 7);

  collaborations = rapport_collaborations_compute (dataset, engagement, reciprocity);
  g_assert_true (collaborations->candidates_available);
  /* 12 interactions with a target other than the creator, plus the replies to dee and gus. */
  g_assert_cmpuint (collaborations->n_interactions, ==, 14);

  /* hal: a comment and two likes.  dee: a comment and a reply.  gus and ivy: one each; gus's
   * reply is newer than ivy's undated like.  ana (four likes, posted with twice) and eli (in a
   * story) are mutuals already posted with; bo never interacted; kim and lou are not mutuals. */
  g_assert_cmpuint (collaborations->candidates->len, ==, 4);
  assert_candidate (collaborations, 0, "hal", 1, 2, 0, 0, T0 + 300);
  assert_candidate (collaborations, 1, "dee", 1, 0, 1, 0, T0 + 6 * DAY);
  assert_candidate (collaborations, 2, "gus", 0, 0, 1, 0, T0 + 9 * DAY);
  assert_candidate (collaborations, 3, "ivy", 0, 1, 0, 0, 0);
  /* The person points into the list the UI shows. */
  g_assert_true (g_array_index (collaborations->candidates, RapportCollaborationCandidate, 0).person
                 == rapport_people_find (reciprocity->followers, "hal"));
}

static void
test_candidates_ids_only (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(RapportCollaborations) collaborations = NULL;

  /* X/Twitter: the lists hold ids, which never match a handle. */
  build_dataset (dataset, engagement);
  add_lists (dataset, FALSE);
  reciprocity = rapport_reciprocity_compute (dataset);
  collaborations = rapport_collaborations_compute (dataset, engagement, reciprocity);
  g_assert_false (collaborations->candidates_available);
  g_assert_cmpuint (collaborations->candidates->len, ==, 0);
  g_assert_cmpuint (collaborations->partners->len, ==, 3);
}

/* Adds the (id, name) pairs, a NULL name for an id the posts never named. */
static RapportPeople *
people_of_ids (const char * const *pairs)
{
  RapportPeople *people = rapport_people_new (0);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    rapport_people_add (people, pairs[i], pairs[i + 1], pairs[i], 0);
  rapport_people_sort (people);
  return people;
}

static void
test_candidates_named_ids (void)
{
  static const char * const followers[] = {
    "101", "Ana", "103", "Dee", "104", NULL, "106", "Hal", "107", NULL, "108", "Kim", NULL,
  };
  static const char * const following[] = {
    "101", "Ana", "103", "Dee", "104", NULL, "106", "Hal", "107", NULL, "109", "Lou", NULL,
  };
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(RapportCollaborations) collaborations = NULL;
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
  const RapportCollaborationCandidate *candidate;

  /* X/Twitter: the lists hold ids; the archive's own posts named some of them. */
  build_dataset (dataset, engagement);
  dataset->platform = RAPPORT_PLATFORM_TWITTER;
  snapshot->id = 1;
  snapshot->followers = people_of_ids (followers);
  snapshot->following = people_of_ids (following);
  g_ptr_array_add (dataset->snapshots, snapshot);

  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 5);
  collaborations = rapport_collaborations_compute (dataset, engagement, reciprocity);
  g_assert_true (collaborations->candidates_available);

  /* Matched by name, kept by id: hal (a comment, two likes) and dee (a comment, a reply); ana
   * was posted with; gus and ivy are no named mutuals (104 and 107 have no name), kim and lou
   * no mutuals. */
  g_assert_cmpuint (collaborations->candidates->len, ==, 2);
  assert_candidate (collaborations, 0, "106", 1, 2, 0, 0, T0 + 300);
  assert_candidate (collaborations, 1, "103", 1, 0, 1, 0, T0 + 6 * DAY);
  candidate = &g_array_index (collaborations->candidates, RapportCollaborationCandidate, 0);
  g_assert_cmpstr (candidate->person->handle, ==, "Hal");
  g_assert_true (candidate->person == rapport_people_find (reciprocity->followers, "106"));
}

/* Bluesky: no followers, so the accounts followed, known by DID, are the pool; a repost
 * interaction counts as the others do. */
static void
test_candidates_followed (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportCollaborations) collaborations = NULL;
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
  RapportPeople *following = rapport_people_new (0);

  dataset->platform = RAPPORT_PLATFORM_BLUESKY;
  dataset->handle = g_strdup ("jo.example.com");
  rapport_people_add (following, "did:plc:ana", NULL, "did:plc:ana", T0);
  rapport_people_add (following, "did:plc:bo", NULL, "did:plc:bo", T0);
  rapport_people_add (following, "did:plc:cy", NULL, "did:plc:cy", T0);
  rapport_people_sort (following);
  snapshot->id = 1;
  snapshot->following = following;
  g_ptr_array_add (dataset->snapshots, snapshot);

  add_post (dataset, engagement, RAPPORT_POST_TEXT, 0.04, "did:plc:ana");  /* 0: with ana */
  add_post (dataset, engagement, RAPPORT_POST_REPLY, 0.02, "did:plc:bo");  /* 1: to bo */
  add_post (dataset, engagement, RAPPORT_POST_REPOST, NAN, "");            /* 2 */
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "did:plc:bo", T0 + 10);
  add_interaction (dataset, RAPPORT_INTERACTION_REPOST, "did:plc:bo", T0 + 20);
  add_interaction (dataset, RAPPORT_INTERACTION_REPOST, "did:plc:cy", T0 + 30);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "did:plc:ana", T0 + 40);
  /* zed is not followed; a repost of an unknown author names no one. */
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "did:plc:zed", T0 + 50);
  add_interaction (dataset, RAPPORT_INTERACTION_REPOST, NULL, T0 + 60);

  collaborations = rapport_collaborations_compute (dataset, engagement, NULL);
  g_assert_true (collaborations->candidates_available);
  g_assert_true (collaborations->candidates_from_following);
  /* Five interactions with a target and the reply to bo. */
  g_assert_cmpuint (collaborations->n_interactions, ==, 6);
  /* bo: a like, a repost and the reply (day 1).  cy: a repost.  ana was posted with. */
  g_assert_cmpuint (collaborations->candidates->len, ==, 2);
  assert_candidate (collaborations, 0, "did:plc:bo", 0, 1, 1, 1, T0 + DAY);
  assert_candidate (collaborations, 1, "did:plc:cy", 0, 0, 0, 1, T0 + 30);
  g_assert_true (g_array_index (collaborations->candidates, RapportCollaborationCandidate,
                                1).person == rapport_people_find (following, "did:plc:cy"));

  /* A platform whose exports list followers keeps to mutuals: none without reciprocity. */
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  g_clear_pointer (&collaborations, rapport_collaborations_free);
  collaborations = rapport_collaborations_compute (dataset, engagement, NULL);
  g_assert_false (collaborations->candidates_available);
  g_assert_false (collaborations->candidates_from_following);
  g_assert_cmpuint (collaborations->candidates->len, ==, 0);
}

/* Bluesky after a refresh: the newest following list names bo and cy by DID with their
 * handles, which the likes and replies (by DID) must still match; the dataset's names give
 * the partner ana hers, and leave dee, mentioned but never named, without one.  A like that
 * names cy by handle (no export does, but a list might) joins cy's own, one candidate. */
static void
test_candidates_named_dids (void)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  g_autoptr(GArray) engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  g_autoptr(RapportCollaborations) collaborations = NULL;
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
  RapportPeople *following = rapport_people_new (0);
  const RapportPartner *partner;

  dataset->platform = RAPPORT_PLATFORM_BLUESKY;
  dataset->handle = g_strdup ("jo.example.com");
  rapport_people_add (following, "did:plc:bo", "Bo.Example.com", "did:plc:bo", T0);
  rapport_people_add (following, "did:plc:cy", "cy.example.com", "did:plc:cy", T0);
  rapport_people_sort (following);
  snapshot->id = 1;
  snapshot->following = following;
  g_ptr_array_add (dataset->snapshots, snapshot);
  dataset->names = rapport_people_new (0);
  rapport_people_add (dataset->names, "did:plc:ana", "ana.example.com", "did:plc:ana", 0);
  rapport_people_add (dataset->names, "did:plc:bo", "Bo.Example.com", "did:plc:bo", 0);
  rapport_people_sort (dataset->names);

  add_post (dataset, engagement, RAPPORT_POST_TEXT, 0.04, "did:plc:ana,did:plc:dee");
  add_post (dataset, engagement, RAPPORT_POST_REPLY, 0.02, "did:plc:bo");  /* day 1 */
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "did:plc:bo", T0 + 10);
  add_interaction (dataset, RAPPORT_INTERACTION_REPOST, "did:plc:cy", T0 + 30);
  add_interaction (dataset, RAPPORT_INTERACTION_LIKE, "cy.example.com", T0 + 40);

  collaborations = rapport_collaborations_compute (dataset, engagement, NULL);
  g_assert_true (collaborations->candidates_from_following);
  g_assert_cmpuint (collaborations->candidates->len, ==, 2);
  assert_candidate (collaborations, 0, "did:plc:bo", 0, 1, 1, 0, T0 + DAY);
  assert_candidate (collaborations, 1, "did:plc:cy", 0, 1, 0, 1, T0 + 40);
  g_assert_cmpstr (g_array_index (collaborations->candidates, RapportCollaborationCandidate,
                                  0).person->handle, ==, "Bo.Example.com");

  g_assert_cmpuint (collaborations->partners->len, ==, 2);
  partner = &g_array_index (collaborations->partners, RapportPartner, 0);
  g_assert_cmpstr (partner->handle, ==, "did:plc:ana");
  g_assert_cmpstr (partner->name, ==, "ana.example.com");
  partner = &g_array_index (collaborations->partners, RapportPartner, 1);
  g_assert_cmpstr (partner->handle, ==, "did:plc:dee");
  g_assert_null (partner->name);

  /* Without names for ids (any other platform), a partner is called by the mention. */
  g_clear_pointer (&dataset->names, rapport_people_free);
  g_clear_pointer (&collaborations, rapport_collaborations_free);
  collaborations = rapport_collaborations_compute (dataset, engagement, NULL);
  partner = &g_array_index (collaborations->partners, RapportPartner, 1);
  g_assert_cmpstr (partner->name, ==, "did:plc:dee");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collaborations/mentions", test_mentions);
  g_test_add_func ("/collaborations/candidates", test_candidates);
  g_test_add_func ("/collaborations/candidates/ids-only", test_candidates_ids_only);
  g_test_add_func ("/collaborations/candidates/named-ids", test_candidates_named_ids);
  g_test_add_func ("/collaborations/candidates/followed", test_candidates_followed);
  g_test_add_func ("/collaborations/candidates/named-dids", test_candidates_named_dids);

  return g_test_run ();
}
