/* rapport-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-dataset.h"
#include "rapport-text.h"

static void
interaction_free (gpointer data)
{
  RapportDatasetInteraction *interaction = data;

  g_free (interaction->target);
  g_free (interaction);
}

RapportDataset *
rapport_dataset_new (void)
{
  RapportDataset *self = g_new0 (RapportDataset, 1);

  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_dataset_snapshot_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (RapportFollowerCount));
  self->gains = g_array_new (FALSE, FALSE, sizeof (RapportFollowerGain));
  self->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_dataset_post_free);
  self->interactions = g_ptr_array_new_with_free_func (interaction_free);
  self->kept = rapport_keep_set_new ();
  return self;
}

void
rapport_dataset_free (RapportDataset *self)
{
  if (self == NULL)
    return;
  g_free (self->handle);
  g_free (self->display_name);
  g_ptr_array_unref (self->snapshots);
  g_array_unref (self->counts);
  g_array_unref (self->gains);
  g_ptr_array_unref (self->posts);
  g_ptr_array_unref (self->interactions);
  rapport_keep_set_free (self->kept);
  g_clear_pointer (&self->names, rapport_people_free);
  g_free (self);
}

RapportPeople *
rapport_people_new (gsize reserve)
{
  RapportPeople *self = g_new0 (RapportPeople, 1);

  self->capacity = MAX (reserve, 16);
  self->items = g_new (RapportPerson, self->capacity);
  self->strings = g_string_chunk_new (MAX (reserve, 64) * 16);
  return self;
}

void
rapport_people_add (RapportPeople *self,
                    const char    *who,
                    const char    *handle,
                    const char    *platform_id,
                    gint64         since)
{
  RapportPerson *person;

  g_return_if_fail (self != NULL);
  g_return_if_fail (who != NULL);

  if (self->len == self->capacity)
    {
      self->capacity *= 2;
      self->items = g_renew (RapportPerson, self->items, self->capacity);
    }

  person = &self->items[self->len++];
  /* Plain inserts: deduplicating a million distinct names would only cost a hash table. */
  person->who = g_string_chunk_insert (self->strings, who);
  person->handle = handle == NULL ? NULL
                 : g_str_equal (handle, who) ? person->who
                 : g_string_chunk_insert (self->strings, handle);
  person->platform_id = platform_id ? g_string_chunk_insert (self->strings, platform_id) : NULL;
  person->since = since;
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const RapportPerson *) a)->who, ((const RapportPerson *) b)->who);
}

void
rapport_people_sort (RapportPeople *self)
{
  g_return_if_fail (self != NULL);
  qsort (self->items, self->len, sizeof (RapportPerson), compare_people);
}

const RapportPerson *
rapport_people_find (const RapportPeople *self,
                     const char          *who)
{
  RapportPerson key = { .who = who };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (who != NULL, NULL);

  return bsearch (&key, self->items, self->len, sizeof (RapportPerson), compare_people);
}

void
rapport_people_free (RapportPeople *self)
{
  if (self == NULL)
    return;
  g_free (self->items);
  g_string_chunk_free (self->strings);
  g_free (self);
}

RapportDatasetPost *
rapport_dataset_post_new (void)
{
  RapportDatasetPost *post = g_new0 (RapportDatasetPost, 1);

  post->likes = post->comments = post->shares = post->saves = post->replies = RAPPORT_COUNT_UNKNOWN;
  post->quotes = post->views = post->impressions = post->reach = RAPPORT_COUNT_UNKNOWN;
  post->engagements = post->follows = RAPPORT_COUNT_UNKNOWN;
  post->time_unit = 1;
  return post;
}

void
rapport_dataset_post_free (RapportDatasetPost *post)
{
  if (post == NULL)
    return;
  g_free (post->platform_id);
  g_free (post->text);
  g_free (post->url);
  g_strfreev (post->hashtags);
  g_strfreev (post->mentions);
  g_free (post);
}

RapportDatasetSnapshot *
rapport_dataset_snapshot_new (void)
{
  return g_new0 (RapportDatasetSnapshot, 1);
}

void
rapport_dataset_snapshot_free (RapportDatasetSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->source_name);
  g_clear_pointer (&snapshot->followers, rapport_people_free);
  g_clear_pointer (&snapshot->following, rapport_people_free);
  g_clear_pointer (&snapshot->follow_days, g_array_unref);
  g_clear_pointer (&snapshot->follower_diff, rapport_follower_diff_free);
  g_clear_pointer (&snapshot->churn_counts, g_free);
  g_free (snapshot);
}

RapportFollowerDiff *
rapport_follower_diff_new (gint64 older_id)
{
  RapportFollowerDiff *diff = g_new0 (RapportFollowerDiff, 1);

  diff->older_id = older_id;
  diff->left = rapport_people_new (0);
  diff->joined = rapport_people_new (0);
  diff->still_followed = rapport_people_new (0);
  return diff;
}

void
rapport_follower_diff_free (RapportFollowerDiff *diff)
{
  if (diff == NULL)
    return;
  rapport_people_free (diff->left);
  rapport_people_free (diff->joined);
  rapport_people_free (diff->still_followed);
  g_free (diff);
}

gboolean
rapport_dataset_snapshot_has_list (const RapportDatasetSnapshot *snapshot,
                                   RapportDirection              direction)
{
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    return snapshot->followers != NULL || snapshot->has_followers;
  return snapshot->following != NULL || snapshot->has_following;
}

guint64
rapport_dataset_snapshot_list_size (const RapportDatasetSnapshot *snapshot,
                                    RapportDirection              direction)
{
  const RapportPeople *people;

  g_return_val_if_fail (snapshot != NULL, 0);

  people = direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->followers : snapshot->following;
  if (people != NULL)
    return people->len;
  return direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->n_followers : snapshot->n_following;
}

void
rapport_dataset_snapshot_count_list (const RapportDatasetSnapshot *snapshot,
                                     RapportDirection              direction,
                                     RapportListCounts            *counts)
{
  const RapportPeople *people;

  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (counts != NULL);

  people = direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->followers : snapshot->following;
  if (people == NULL)
    {
      *counts = snapshot->list_counts[direction];
      counts->n_listed = rapport_dataset_snapshot_list_size (snapshot, direction);
      return;
    }

  memset (counts, 0, sizeof (RapportListCounts));
  counts->n_listed = people->len;
  for (gsize i = 0; i < people->len; i++)
    {
      const RapportPerson *person = &people->items[i];

      if (person->since != 0)
        counts->n_dated++;
      if (person->platform_id == NULL)
        continue;
      counts->n_with_id++;
      if (person->handle != NULL)
        counts->n_named++;
    }
}

gboolean
rapport_platform_lists_count_followers (RapportPlatform platform)
{
  return platform != RAPPORT_PLATFORM_LINKEDIN;
}

const RapportDatasetSnapshot *
rapport_dataset_latest_with_list (const RapportDataset *dataset,
                                  RapportDirection      direction)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  for (guint i = dataset->snapshots->len; i > 0; i--)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i - 1);
      const RapportPeople *list = direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->followers
                                                                        : snapshot->following;

      if (list != NULL)
        return snapshot;
    }
  return NULL;
}

const RapportDatasetSnapshot *
rapport_dataset_latest_listed (const RapportDataset *dataset,
                               RapportDirection      direction)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  for (guint i = dataset->snapshots->len; i > 0; i--)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i - 1);

      if (rapport_dataset_snapshot_has_list (snapshot, direction))
        return snapshot;
    }
  return NULL;
}

RapportKeepSet *
rapport_keep_set_new (void)
{
  RapportKeepSet *self = g_new0 (RapportKeepSet, 1);

  self->by_id = rapport_people_new (0);
  self->by_handle = rapport_people_new (0);
  return self;
}

void
rapport_keep_set_add (RapportKeepSet *self,
                      const char     *platform_id,
                      const char     *handle,
                      gint64          kept_at)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (platform_id != NULL || handle != NULL);

  if (platform_id != NULL)
    rapport_people_add (self->by_id, platform_id, handle, platform_id, kept_at);
  if (handle != NULL)
    {
      g_autofree char *folded = rapport_text_fold_handle (handle);

      rapport_people_add (self->by_handle, folded, handle, platform_id, kept_at);
    }
  self->len++;
}

void
rapport_keep_set_sort (RapportKeepSet *self)
{
  g_return_if_fail (self != NULL);

  rapport_people_sort (self->by_id);
  rapport_people_sort (self->by_handle);
}

void
rapport_keep_set_clear (RapportKeepSet *self)
{
  g_return_if_fail (self != NULL);

  rapport_people_free (self->by_id);
  rapport_people_free (self->by_handle);
  self->by_id = rapport_people_new (0);
  self->by_handle = rapport_people_new (0);
  self->len = 0;
}

gboolean
rapport_keep_set_contains (const RapportKeepSet *self,
                           const RapportPerson  *person)
{
  g_autofree char *folded = NULL;
  const RapportPerson *kept;
  const char *handle;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  if (self->len == 0)
    return FALSE;
  if (person->platform_id != NULL && rapport_people_find (self->by_id, person->platform_id))
    return TRUE;

  /* 'who' is the folded handle unless the list compares by id. */
  if (person->platform_id == NULL || !g_str_equal (person->who, person->platform_id))
    handle = person->who;
  else if (person->handle != NULL)
    handle = folded = rapport_text_fold_handle (person->handle);
  else
    return FALSE;

  if ((kept = rapport_people_find (self->by_handle, handle)) == NULL)
    return FALSE;
  if (person->platform_id == NULL)
    return TRUE;

  /* Several accounts may have been kept under one handle: one kept by the handle alone will
   * do, wherever the search landed among them. */
  while (kept > self->by_handle->items && g_str_equal ((kept - 1)->who, handle))
    kept--;
  for (; kept < self->by_handle->items + self->by_handle->len && g_str_equal (kept->who, handle);
       kept++)
    if (kept->platform_id == NULL)
      return TRUE;
  return FALSE;
}

void
rapport_keep_set_free (RapportKeepSet *self)
{
  if (self == NULL)
    return;
  rapport_people_free (self->by_id);
  rapport_people_free (self->by_handle);
  g_free (self);
}
