/* rapport-people-model-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work behind a RapportPeopleModel's sort and search: index arrays sorted by a follow date
 * and filtered by a needle, on copies, in any thread.  The model decides where it runs and puts
 * the result in place (queue_update()).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/models/rapport-people-model-private.h"

/* How often the search thread looks whether a newer search replaced it. */
#define CANCEL_CHECK_ROWS 65536

/* Lookups over the immutable lists, safe in any thread. */

static gint64
other_since (const RapportPeopleLists *lists,
             guint32                   index)
{
  const RapportPerson *match;

  if (lists->other == NULL)
    return 0;

  match = rapport_people_find (lists->other, lists->people->items[index].who);

  return match != NULL ? match->since : 0;
}

gint64
_rapport_people_lists_follows_since (const RapportPeopleLists *lists,
                                     guint32                   index)
{
  return lists->direction == RAPPORT_DIRECTION_FOLLOWER ? lists->people->items[index].since
                                                        : other_since (lists, index);
}

gint64
_rapport_people_lists_you_follow_since (const RapportPeopleLists *lists,
                                        guint32                   index)
{
  return lists->direction == RAPPORT_DIRECTION_FOLLOWING ? lists->people->items[index].since
                                                         : other_since (lists, index);
}

/* Sorting and searching, on copies, in any thread */

typedef struct
{
  gint64 key;
  guint32 index;
} SortEntry;

static int
compare_entries_ascending (gconstpointer a,
                           gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  /* Unknown dates (0) last, then by date, then by 'who' (the index order). */
  if ((ea->key == 0) != (eb->key == 0))
    return ea->key == 0 ? 1 : -1;
  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static int
compare_entries_descending (gconstpointer a,
                            gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  if ((ea->key == 0) != (eb->key == 0))
    return ea->key == 0 ? 1 : -1;
  if (ea->key != eb->key)
    return ea->key > eb->key ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static GArray *
sort_segment (const RapportPeopleLists *lists,
              GArray                   *segment,
              RapportPeopleSort         key,
              GtkSortType               order)
{
  g_autofree SortEntry *entries = NULL;
  GArray *sorted;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint32), segment->len);
  g_array_set_size (sorted, segment->len);

  /* 'who' is the lower-cased handle (or the id), so the segment is in handle order already. */
  if (key == RAPPORT_PEOPLE_SORT_HANDLE)
    {
      const guint32 *from = (const guint32 *) (gpointer) segment->data;
      guint32 *to = (guint32 *) (gpointer) sorted->data;

      if (order == GTK_SORT_ASCENDING)
        memcpy (to, from, segment->len * sizeof (guint32));
      else
        for (guint i = 0; i < segment->len; i++)
          to[i] = from[segment->len - 1 - i];

      return sorted;
    }

  entries = g_new (SortEntry, segment->len);
  for (guint i = 0; i < segment->len; i++)
    {
      guint32 index = g_array_index (segment, guint32, i);

      entries[i].index = index;
      entries[i].key = key == RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE
        ? _rapport_people_lists_follows_since (lists, index)
        : _rapport_people_lists_you_follow_since (lists, index);
    }

  qsort (entries, segment->len, sizeof (SortEntry),
         order == GTK_SORT_ASCENDING ? compare_entries_ascending : compare_entries_descending);

  for (guint i = 0; i < segment->len; i++)
    g_array_index (sorted, guint32, i) = entries[i].index;

  return sorted;
}

/* The rows of @from whose 'who' contains @needle (lower-cased), in @from's order; NULL when
 * cancelled. */
static GArray *
filter_rows (const RapportPeopleLists *lists,
             GArray                   *from,
             const char               *needle,
             GCancellable             *cancellable)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  const RapportPerson *items = lists->people->items;

  for (guint i = 0; i < from->len; i++)
    {
      guint32 index = g_array_index (from, guint32, i);

      if (i % CANCEL_CHECK_ROWS == CANCEL_CHECK_ROWS - 1 &&
          g_cancellable_is_cancelled (cancellable))
        return NULL;

      if (strstr (items[index].who, needle) != NULL)
        g_array_append_val (rows, index);
    }

  return g_steal_pointer (&rows);
}

void
_rapport_people_update_free (RapportPeopleUpdate *update)
{
  g_clear_pointer (&update->needle, g_free);
  g_clear_pointer (&update->segment, g_array_unref);
  g_clear_pointer (&update->base, g_array_unref);
  g_clear_pointer (&update->from, g_array_unref);
  g_clear_pointer (&update->new_base, g_array_unref);
  g_clear_pointer (&update->new_visible, g_array_unref);
  g_free (update);
}

gboolean
_rapport_people_update_run (RapportPeopleUpdate *update,
                            GCancellable        *cancellable)
{
  if (update->base != NULL)
    update->new_base = g_array_ref (update->base);
  else
    update->new_base = sort_segment (&update->lists, update->segment, update->key, update->order);

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  if (update->needle == NULL)
    update->new_visible = g_array_ref (update->new_base);
  else
    update->new_visible = filter_rows (&update->lists,
                                       update->from != NULL ? update->from : update->new_base,
                                       update->needle,
                                       cancellable);

  return update->new_visible != NULL;
}

void
_rapport_people_update_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  RapportPeopleUpdate *update = task_data;

  if (_rapport_people_update_run (update, cancellable))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error_literal (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     "Replaced by a newer search");
}
