/* rapport-collaborations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/rapport-collaborations.h"
#include "core/rapport-stats.h"

typedef enum
{
  EVENT_COMMENT,
  EVENT_LIKE,
  EVENT_REPLY,
  EVENT_REPOST,
} EventKind;

/* Something the creator did towards another account. */
typedef struct
{
  const char *target;
  EventKind kind;
  gint64 at;
} Event;

/* One mention of a partner by a post of the engagement array. */
typedef struct
{
  const char *handle;
  guint32 entry;
} MentionUse;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Event *) a)->target, ((const Event *) b)->target);
}

static int
compare_mention_uses (gconstpointer a,
                      gconstpointer b)
{
  const MentionUse *ua = a;
  const MentionUse *ub = b;
  int cmp = strcmp (ua->handle, ub->handle);

  return cmp != 0 ? cmp : (ua->entry > ub->entry) - (ua->entry < ub->entry);
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  const RapportPartner *pa = a;
  const RapportPartner *pb = b;
  gboolean a_nan = isnan (pa->median_rate);
  gboolean b_nan = isnan (pb->median_rate);

  if (pa->n_posts != pb->n_posts)
    return pa->n_posts > pb->n_posts ? -1 : 1;
  if (a_nan != b_nan)
    return a_nan ? 1 : -1;
  if (!a_nan && pa->median_rate != pb->median_rate)
    return pa->median_rate > pb->median_rate ? -1 : 1;
  return strcmp (pa->handle, pb->handle);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const RapportCollaborationCandidate *ca = a;
  const RapportCollaborationCandidate *cb = b;

  if (ca->n_interactions != cb->n_interactions)
    return ca->n_interactions > cb->n_interactions ? -1 : 1;
  if (ca->latest != cb->latest)
    return ca->latest > cb->latest ? -1 : 1;
  return strcmp (ca->person->who, cb->person->who);
}

static void
clear_partner (gpointer data)
{
  RapportPartner *partner = data;

  g_free (partner->handle);
  g_clear_pointer (&partner->posts, g_array_unref);
}

/* Mentions of the creator's own handle are no collaboration. */
static gboolean
is_partner (const char *handle,
            const char *own_handle)
{
  return handle != NULL && handle[0] != '\0'
      && (own_handle == NULL || strcmp (handle, own_handle) != 0);
}

/* Posts with mentions against posts without, and the partners.  Replies are left out of both
 * groups: a reply names the account it answers, which makes it a conversation rather than a
 * post made together, and replies draw engagement of their own kind.  Reposts and stories are
 * not in the engagement array at all.  A post that mentions only the creator's own handle
 * counts as a post without mentions. */
static void
compare_mentions (RapportCollaborations *self,
                  const GArray          *engagement,
                  const char            *own_handle)
{
  g_autoptr(GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) uses = g_array_new (FALSE, FALSE, sizeof (MentionUse));
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint k = 0; k < engagement->len; k++)
    {
      const RapportPostEngagement *entry = &g_array_index (engagement, RapportPostEngagement, k);
      gboolean mentioned = FALSE;

      if (entry->post == NULL || !rapport_post_is_own (entry->post)
          || entry->post->type == RAPPORT_POST_REPLY)
        continue;
      self->n_posts++;
      for (char **mention = entry->post->mentions; mention != NULL && *mention != NULL; mention++)
        {
          MentionUse use = { *mention, k };

          if (!is_partner (*mention, own_handle))
            continue;
          g_array_append_val (uses, use);
          mentioned = TRUE;
        }
      if (mentioned)
        self->n_with_mentions++;
      g_array_append_val (mentioned ? with : without, entry->rate);
    }
  rapport_uplift_compute ((double *) with->data, with->len,
                          (double *) without->data, without->len, &self->mentions);

  g_array_sort (uses, compare_mention_uses);
  for (guint start = 0, end; start < uses->len; start = end)
    {
      const char *handle = g_array_index (uses, MentionUse, start).handle;
      RapportPartner partner = { g_strdup (handle), };

      partner.posts = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_set_size (rates, 0);
      for (end = start;
           end < uses->len && strcmp (g_array_index (uses, MentionUse, end).handle, handle) == 0;
           end++)
        {
          guint32 entry = g_array_index (uses, MentionUse, end).entry;
          double rate = g_array_index (engagement, RapportPostEngagement, entry).rate;

          /* A post that names a partner twice counts once. */
          if (partner.posts->len > 0
              && g_array_index (partner.posts, guint32, partner.posts->len - 1) == entry)
            continue;
          g_array_append_val (partner.posts, entry);
          if (!isnan (rate))
            g_array_append_val (rates, rate);
        }
      partner.n_posts = partner.posts->len;
      partner.n_with_rate = rates->len;
      partner.median_rate = rapport_stats_median ((double *) rates->data, rates->len);
      g_array_append_val (self->partners, partner);
    }
  g_array_sort (self->partners, compare_partners);
}

/* A possible candidate by the name the creator's interactions and replies use for them. */
typedef struct
{
  const char *name;
  const RapportPerson *person;
} NamedMutual;

static int
compare_named_mutuals (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (((const NamedMutual *) a)->name, ((const NamedMutual *) b)->name);
}

/* Appends @person by each name the creator's interactions and replies may use for them.  Lists
 * of names are keyed by the lower-cased name already.  A person with an id goes in by the id,
 * as Bluesky's likes and replies name accounts by DID, and by their name where a list or the
 * archive's own posts gave one (X/Twitter's lists of ids), lower-cased into @names. */
static void
add_named (GArray              *named,
           const RapportPerson *person,
           GStringChunk        *names)
{
  NamedMutual entry = { person->who, person };
  g_autofree char *lower = NULL;

  if (person->platform_id == NULL)
    {
      g_array_append_val (named, entry);
      return;
    }
  entry.name = person->platform_id;
  g_array_append_val (named, entry);
  if (person->handle == NULL)
    return;
  lower = g_utf8_strdown (person->handle, -1);
  if (g_str_equal (lower, person->platform_id))
    return;
  entry.name = g_string_chunk_insert_const (names, lower);
  g_array_append_val (named, entry);
}

/* The mutuals that have a name, sorted by it. */
static GArray *
named_mutuals (const RapportReciprocity *reciprocity,
               GStringChunk             *names)
{
  GArray *named = g_array_sized_new (FALSE, FALSE, sizeof (NamedMutual),
                                     reciprocity->mutuals->len);

  for (guint m = 0; m < reciprocity->mutuals->len; m++)
    {
      guint32 follower = g_array_index (reciprocity->mutuals, RapportMutual, m).follower;

      add_named (named, &reciprocity->followers->items[follower], names);
    }
  g_array_sort (named, compare_named_mutuals);
  return named;
}

/* The accounts of @following by name, sorted by it. */
static GArray *
named_following (const RapportPeople *following,
                 GStringChunk        *names)
{
  GArray *named = g_array_sized_new (FALSE, FALSE, sizeof (NamedMutual), following->len);

  for (gsize i = 0; i < following->len; i++)
    add_named (named, &following->items[i], names);
  g_array_sort (named, compare_named_mutuals);
  return named;
}

static EventKind
event_kind (RapportInteractionKind kind)
{
  switch (kind)
    {
    case RAPPORT_INTERACTION_LIKE:
      return EVENT_LIKE;
    case RAPPORT_INTERACTION_REPOST:
      return EVENT_REPOST;
    case RAPPORT_INTERACTION_COMMENT:
    default:
      return EVENT_COMMENT;
    }
}

static int
compare_candidate_people (gconstpointer a,
                          gconstpointer b)
{
  const RapportPerson *pa = ((const RapportCollaborationCandidate *) a)->person;
  const RapportPerson *pb = ((const RapportCollaborationCandidate *) b)->person;

  return (pa > pb) - (pa < pb);
}

/* One candidate per person: the creator's activity may name someone by id and by handle. */
static void
merge_candidates (GArray *candidates)
{
  guint kept = 0;

  g_array_sort (candidates, compare_candidate_people);
  for (guint i = 0; i < candidates->len; i++)
    {
      RapportCollaborationCandidate *from =
        &g_array_index (candidates, RapportCollaborationCandidate, i);
      RapportCollaborationCandidate *into =
        kept > 0 ? &g_array_index (candidates, RapportCollaborationCandidate, kept - 1) : NULL;

      if (into != NULL && into->person == from->person)
        {
          into->n_comments += from->n_comments;
          into->n_likes += from->n_likes;
          into->n_replies += from->n_replies;
          into->n_reposts += from->n_reposts;
          into->latest = MAX (into->latest, from->latest);
        }
      else
        {
          g_array_index (candidates, RapportCollaborationCandidate, kept++) = *from;
          into = &g_array_index (candidates, RapportCollaborationCandidate, kept - 1);
        }
      into->n_interactions = into->n_comments + into->n_likes + into->n_replies + into->n_reposts;
    }
  g_array_set_size (candidates, kept);
}

/* Candidates for a collaboration: among @pool (mutuals, or accounts followed), those the
 * creator already interacts with — comments on, likes and reposts of their content (the
 * export's record of the creator's own activity), and replies (own posts of type REPLY)
 * mentioning them — but has never mentioned in an own post other than a reply (stories and
 * posts without counts included: they were made together all the same).  Ranked by the number
 * of interactions, then by the newest.  The pool, the grouped interactions and the accounts
 * posted with are all sorted by name and joined in one pass. */
static void
find_candidates (RapportCollaborations    *self,
                 const RapportDataset     *dataset,
                 const GArray             *mutuals,
                 const char               *own_handle)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GPtrArray) posted_with = g_ptr_array_new ();
  guint m = 0;
  guint p = 0;

  for (guint i = 0; i < dataset->interactions->len; i++)
    {
      const RapportDatasetInteraction *interaction = g_ptr_array_index (dataset->interactions, i);
      Event event = { interaction->target, event_kind (interaction->kind), interaction->at };

      if (is_partner (interaction->target, own_handle))
        g_array_append_val (events, event);
    }
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (post->type == RAPPORT_POST_REPOST)
        continue;
      for (char **mention = post->mentions; mention != NULL && *mention != NULL; mention++)
        {
          Event event = { *mention, EVENT_REPLY, post->created_at };

          if (!is_partner (*mention, own_handle))
            continue;
          if (post->type == RAPPORT_POST_REPLY)
            g_array_append_val (events, event);
          else
            g_ptr_array_add (posted_with, *mention);
        }
    }
  self->n_interactions = events->len;
  g_array_sort (events, compare_events);
  g_ptr_array_sort (posted_with, compare_strings);

  for (guint start = 0, end; start < events->len; start = end)
    {
      const char *target = g_array_index (events, Event, start).target;
      RapportCollaborationCandidate candidate = { NULL, };
      int cmp = 1;

      for (end = start;
           end < events->len && strcmp (g_array_index (events, Event, end).target, target) == 0;
           end++)
        {
          const Event *event = &g_array_index (events, Event, end);

          switch (event->kind)
            {
            case EVENT_COMMENT:
              candidate.n_comments++;
              break;
            case EVENT_LIKE:
              candidate.n_likes++;
              break;
            case EVENT_REPOST:
              candidate.n_reposts++;
              break;
            case EVENT_REPLY:
            default:
              candidate.n_replies++;
              break;
            }
          candidate.latest = MAX (candidate.latest, event->at);
        }

      while (m < mutuals->len &&
             (cmp = strcmp (g_array_index (mutuals, NamedMutual, m).name, target)) < 0)
        m++;
      if (m == mutuals->len || cmp != 0)
        continue;
      while (p < posted_with->len && strcmp (g_ptr_array_index (posted_with, p), target) < 0)
        p++;
      if (p < posted_with->len && strcmp (g_ptr_array_index (posted_with, p), target) == 0)
        continue;

      candidate.person = g_array_index (mutuals, NamedMutual, m).person;
      g_array_append_val (self->candidates, candidate);
    }
  merge_candidates (self->candidates);
  g_array_sort (self->candidates, compare_candidates);
}

/* Whether anyone of @people has a name, or there is no one: an empty list hides nothing. */
static gboolean
has_names (const RapportPeople *people)
{
  for (gsize i = 0; i < people->len; i++)
    {
      if (people->items[i].handle != NULL)
        return TRUE;
    }
  return people->len == 0;
}

RapportCollaborations *
rapport_collaborations_compute (const RapportDataset     *dataset,
                                const GArray             *engagement,
                                const RapportReciprocity *reciprocity)
{
  g_autofree char *own_handle = NULL;
  const RapportDatasetSnapshot *following;
  RapportCollaborations *self;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (engagement != NULL, NULL);

  if (dataset->handle != NULL)
    own_handle = g_utf8_strdown (dataset->handle + (dataset->handle[0] == '@'), -1);

  self = g_new0 (RapportCollaborations, 1);
  self->partners = g_array_new (FALSE, FALSE, sizeof (RapportPartner));
  g_array_set_clear_func (self->partners, clear_partner);
  self->candidates = g_array_new (FALSE, FALSE, sizeof (RapportCollaborationCandidate));

  compare_mentions (self, engagement, own_handle);
  /* Where the dataset has names for ids, posts mention accounts by id (Bluesky's DIDs). */
  for (guint p = 0; p < self->partners->len; p++)
    {
      RapportPartner *partner = &g_array_index (self->partners, RapportPartner, p);
      const RapportPerson *name;

      if (dataset->names == NULL)
        partner->name = partner->handle;
      else if ((name = rapport_people_find (dataset->names, partner->handle)) != NULL)
        partner->name = name->handle;
    }

  /* Lists of ids (X/Twitter) match where the archive's own posts named an id. */
  self->candidates_available = reciprocity != NULL && has_names (reciprocity->followers);
  if (self->candidates_available)
    {
      g_autoptr(GStringChunk) names = g_string_chunk_new (256);
      g_autoptr(GArray) mutuals = named_mutuals (reciprocity, names);

      find_candidates (self, dataset, mutuals, own_handle);
    }
  else if (!rapport_platform_exports_followers (dataset->platform) &&
           (following = rapport_dataset_latest_with_list (dataset,
                                                          RAPPORT_DIRECTION_FOLLOWING)) != NULL &&
           following->following != NULL)
    {
      g_autoptr(GStringChunk) names = g_string_chunk_new (256);
      g_autoptr(GArray) followed = named_following (following->following, names);

      self->candidates_available = TRUE;
      self->candidates_from_following = TRUE;
      find_candidates (self, dataset, followed, own_handle);
    }

  return self;
}

void
rapport_collaborations_free (RapportCollaborations *collaborations)
{
  if (collaborations == NULL)
    return;
  g_array_unref (collaborations->partners);
  g_array_unref (collaborations->candidates);
  g_free (collaborations);
}
