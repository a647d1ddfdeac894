/* rapport-people-model-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What rapport-people-model.c (the model, its items and its CSV) shares with
 * rapport-people-model-search.c (sorting and searching index arrays, in any thread).
 */

#pragma once

#include "ui/models/rapport-people-model.h"

G_BEGIN_DECLS

/* The lists a model reads, borrowed from its owner.  They never change, so threads share them. */
typedef struct
{
  const RapportPeople *people;
  RapportDirection     direction;
  const RapportPeople *other;
} RapportPeopleLists;

/* One search or sort, on copies of the model's arrays.  No reference on the model: the thread
 * reads only the lists, which the model's owner keeps alive, and the model is let go of in the
 * main thread (see queue_update()). */
typedef struct
{
  RapportPeopleLists  lists;
  guint               generation;
  RapportPeopleSort   key;
  GtkSortType         order;
  char               *needle;      /* NULL for no search */
  GArray             *segment;
  GArray             *base;        /* NULL when the segment is to be sorted again */
  GArray             *from;        /* the rows to search, NULL for the base */

  GArray             *new_base;
  GArray             *new_visible;
} RapportPeopleUpdate;

/* The follow dates of the person at @index of @lists->people: Unix seconds, 0 for unknown. */
gint64   _rapport_people_lists_follows_since    (const RapportPeopleLists *lists,
                                                 guint32                   index);
gint64   _rapport_people_lists_you_follow_since (const RapportPeopleLists *lists,
                                                 guint32                   index);

void     _rapport_people_update_free            (RapportPeopleUpdate      *update);
/* Fills new_base and new_visible; FALSE when cancelled. */
gboolean _rapport_people_update_run             (RapportPeopleUpdate      *update,
                                                 GCancellable             *cancellable);
/* Runs the update that is the task's data; returns TRUE, or G_IO_ERROR_CANCELLED. */
void     _rapport_people_update_thread          (GTask                    *task,
                                                 gpointer                  source_object,
                                                 gpointer                  task_data,
                                                 GCancellable             *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPeopleUpdate, _rapport_people_update_free)

G_END_DECLS
