/* rapport-people-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model over a segment of one list of people (followers or accounts followed) as the
 * analysis gives it: the list and an array of indices into it.  Items are made only when a view
 * asks for them; searching and sorting work on index arrays, in a thread when the segment is
 * big, and end in one exact ::items-changed.
 */

#pragma once

#include <gtk/gtk.h>

#include "core/rapport-dataset.h"
#include "ui/models/rapport-person-item.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_PEOPLE_SORT_HANDLE,
  RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE,
  RAPPORT_PEOPLE_SORT_YOU_FOLLOW_SINCE,
} RapportPeopleSort;

#define RAPPORT_TYPE_PEOPLE_MODEL (rapport_people_model_get_type ())

G_DECLARE_FINAL_TYPE (RapportPeopleModel, rapport_people_model, RAPPORT, PEOPLE_MODEL, GObject)

/* @people is the list the segment is drawn from, @direction says which list it is; @other is
 * the opposite list (may be NULL), where the other follow date is looked up.  @indices
 * (guint32 into @people->items, in 'who' order; NULL for everyone) is copied.  The lists are
 * borrowed: @owner keeps them alive and is released with @owner_destroy. */
RapportPeopleModel *rapport_people_model_new              (RapportPlatform       platform,
                                                           const RapportPeople  *people,
                                                           RapportDirection      direction,
                                                           const RapportPeople  *other,
                                                           const GArray         *indices,
                                                           gpointer              owner,
                                                           GDestroyNotify        owner_destroy);
/* The size of the segment, whatever the search. */
guint               rapport_people_model_get_n_total      (RapportPeopleModel   *self);
/* Accounts whose 'who' contains @search, ignoring case; NULL or "" for all. */
const char         *rapport_people_model_get_search       (RapportPeopleModel   *self);
void                rapport_people_model_set_search       (RapportPeopleModel   *self,
                                                           const char           *search);
RapportPeopleSort   rapport_people_model_get_sort_key     (RapportPeopleModel   *self);
GtkSortType         rapport_people_model_get_sort_order   (RapportPeopleModel   *self);
/* Unknown dates come last in either order; equal ones by handle. */
void                rapport_people_model_set_sort         (RapportPeopleModel   *self,
                                                           RapportPeopleSort     key,
                                                           GtkSortType           order);
/* TRUE while a search or a sort runs in a thread; the items change when it ends. */
gboolean            rapport_people_model_get_busy         (RapportPeopleModel   *self);

/* The rows shown now, as CSV: handle, who, follows since, you follow since (ISO 8601, UTC;
 * empty when unknown), with a header line. */
gboolean            rapport_people_model_write_csv        (RapportPeopleModel   *self,
                                                           GOutputStream        *stream,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
/* The same into @file (replaced), written in a thread. */
void                rapport_people_model_export_csv_async (RapportPeopleModel   *self,
                                                           GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean            rapport_people_model_export_csv_finish (RapportPeopleModel  *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
