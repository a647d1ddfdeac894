/* rapport-people-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are three index arrays into one RapportPeople: the segment in 'who' order, the base
 * (the segment in the chosen sort order) and the visible rows (the base filtered by the
 * search).  Published arrays are never changed again, so a thread can read them while the
 * main thread replaces them; only the main thread replaces them.  The work of a sort or a
 * search is in rapport-people-model-search.c.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "core/rapport-escape.h"
#include "ui/models/rapport-people-model-private.h"

/* Searches and sorts over fewer rows than this take a millisecond or two, so they run at once,
 * which keeps small lists simple to follow.  Over 1,000,000 rows a search takes about 20 ms and
 * a sort by date about 200 ms (see test-people-model.c): more than a frame, so a thread. */
#define SYNC_LIMIT 50000

struct _RapportPeopleModel
{
  GObject              parent_instance;

  RapportPlatform      platform;
  RapportPeopleLists   lists;
  gpointer             owner;
  GDestroyNotify       owner_destroy;
  GThread             *creator;       /* the thread whose main loop the owner belongs to */

  GArray              *segment;      /* guint32, 'who' order */
  GArray              *base;         /* guint32, the segment sorted by sort_key and sort_order */
  GArray              *visible;      /* guint32, the base filtered by applied_needle */

  /* What is asked for... */
  char                *search;
  RapportPeopleSort    sort_key;
  GtkSortType          sort_order;
  /* ...and what base and visible show. */
  char                *applied_needle;
  RapportPeopleSort    applied_key;
  GtkSortType          applied_order;

  guint                generation;
  GCancellable        *update_cancellable;
  guint                busy : 1;
};

static void rapport_people_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportPeopleModel, rapport_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rapport_people_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  PROP_SEARCH,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel */

static GType
rapport_people_model_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_PERSON_ITEM;
}

static guint
rapport_people_model_get_n_items (GListModel *model)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (model);

  return self->visible->len;
}

static gpointer
rapport_people_model_get_item (GListModel *model,
                               guint       position)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (model);
  const RapportPerson *person;
  guint32 index;

  if (position >= self->visible->len)
    return NULL;

  index = g_array_index (self->visible, guint32, position);
  person = &self->lists.people->items[index];

  return rapport_person_item_new (self->platform, person,
                                  _rapport_people_lists_follows_since (&self->lists, index),
                                  _rapport_people_lists_you_follow_since (&self->lists, index));
}

static void
rapport_people_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_people_model_get_item_type;
  iface->get_n_items = rapport_people_model_get_n_items;
  iface->get_item = rapport_people_model_get_item;
}

static void
set_busy (RapportPeopleModel *self,
          gboolean            busy)
{
  g_assert (RAPPORT_IS_PEOPLE_MODEL (self));

  if (self->busy != !!busy)
    {
      self->busy = !!busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/* Puts the result in place and says exactly which rows changed: the rows before the first
 * difference and after the last one stay, so a view keeps them and their selection. */
static void
update_apply (RapportPeopleModel  *self,
              RapportPeopleUpdate *update)
{
  g_autoptr(GArray) old = NULL;
  const guint32 *a;
  const guint32 *b;
  guint prefix = 0;
  guint suffix = 0;
  guint common;

  g_assert (RAPPORT_IS_PEOPLE_MODEL (self));
  g_assert (update->generation == self->generation);

  old = g_steal_pointer (&self->visible);
  self->visible = g_steal_pointer (&update->new_visible);
  g_clear_pointer (&self->base, g_array_unref);
  self->base = g_steal_pointer (&update->new_base);
  g_free (self->applied_needle);
  self->applied_needle = g_strdup (update->needle);
  self->applied_key = update->key;
  self->applied_order = update->order;

  a = (const guint32 *) (gpointer) old->data;
  b = (const guint32 *) (gpointer) self->visible->data;
  common = MIN (old->len, self->visible->len);
  while (prefix < common && a[prefix] == b[prefix])
    prefix++;
  while (suffix < common - prefix &&
         a[old->len - 1 - suffix] == b[self->visible->len - 1 - suffix])
    suffix++;

  if (prefix + suffix < old->len || prefix + suffix < self->visible->len)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                  old->len - prefix - suffix,
                                  self->visible->len - prefix - suffix);
      if (old->len != self->visible->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportPeopleModel) self = user_data;
  RapportPeopleUpdate *update = g_task_get_task_data (G_TASK (result));

  /* A newer update owns the busy state. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || update->generation != self->generation)
    return;

  g_clear_object (&self->update_cancellable);
  update_apply (self, update);
  set_busy (self, FALSE);
}

static char *
make_needle (const char *search)
{
  if (search == NULL || search[0] == '\0')
    return NULL;

  return g_utf8_strdown (search, -1);
}

/* Brings base and visible in line with the sort and search asked for. */
static void
queue_update (RapportPeopleModel *self)
{
  g_autoptr(RapportPeopleUpdate) update = NULL;
  g_autoptr(GTask) task = NULL;
  guint work;

  g_assert (RAPPORT_IS_PEOPLE_MODEL (self));

  self->generation++;
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);

  update = g_new0 (RapportPeopleUpdate, 1);
  update->lists = self->lists;
  update->generation = self->generation;
  update->key = self->sort_key;
  update->order = self->sort_order;
  update->needle = make_needle (self->search);
  update->segment = g_array_ref (self->segment);

  if (self->applied_key == update->key && self->applied_order == update->order)
    {
      update->base = g_array_ref (self->base);

      /* Typing on narrows the search: only the rows shown now can still match. */
      if (update->needle != NULL && self->applied_needle != NULL &&
          strstr (update->needle, self->applied_needle) != NULL)
        update->from = g_array_ref (self->visible);
    }

  work = update->base == NULL ? self->segment->len
         : update->from != NULL ? update->from->len
         : update->needle != NULL ? update->base->len
         : 0;

  if (work < SYNC_LIMIT)
    {
      _rapport_people_update_run (update, NULL);
      update_apply (self, update);
      set_busy (self, FALSE);
      return;
    }

  self->update_cancellable = g_cancellable_new ();
  /* The model rides along as the callback's data, not as the task's source object: the
   * worker thread may drop the task last, and the model (with its owner) must be let go of in
   * the main thread. */
  task = g_task_new (NULL, self->update_cancellable, update_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, queue_update);
  g_task_set_task_data (task, g_steal_pointer (&update),
                        (GDestroyNotify) _rapport_people_update_free);
  g_task_run_in_thread (task, _rapport_people_update_thread);
  set_busy (self, TRUE);
}

/* CSV */

typedef struct
{
  RapportPeopleModel *self;
  GArray             *rows;
} CsvJob;

static void
csv_job_free (CsvJob *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->rows, g_array_unref);
  g_free (job);
}

/* "2024-01-15T10:00:00Z"; nothing for unknown.  By hand: a million GDateTimes cost seconds. */
static void
append_csv_time (GString *out,
                 gint64   t)
{
  struct tm tm;
  time_t seconds = (time_t) t;

  if (t == 0 || gmtime_r (&seconds, &tm) == NULL)
    return;

  g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                          tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static gboolean
csv_job_write (CsvJob        *job,
               GOutputStream *stream,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (65536);

  g_string_append (out, "handle,who,follows_since,you_follow_since\r\n");

  for (guint i = 0; i < job->rows->len; i++)
    {
      guint32 index = g_array_index (job->rows, guint32, i);
      const RapportPerson *person = &job->self->lists.people->items[index];

      rapport_escape_append_csv_field (out, person->handle);
      g_string_append_c (out, ',');
      rapport_escape_append_csv_field (out, person->who);
      g_string_append_c (out, ',');
      append_csv_time (out, _rapport_people_lists_follows_since (&job->self->lists, index));
      g_string_append_c (out, ',');
      append_csv_time (out, _rapport_people_lists_you_follow_since (&job->self->lists, index));
      g_string_append (out, "\r\n");

      if (out->len >= 60000)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

static CsvJob *
csv_job_new (RapportPeopleModel *self)
{
  CsvJob *job = g_new0 (CsvJob, 1);

  job->self = g_object_ref (self);
  job->rows = g_array_ref (self->visible);

  return job;
}

/**
 * rapport_people_model_write_csv:
 * @self: a people model
 * @stream: where to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the rows shown now as CSV (RFC 4180, CRLF line ends): a header line, then handle,
 * who, follows since and you follow since per row.  A name that a spreadsheet would take for
 * a formula gets a leading "'" (see rapport_escape_append_csv_field()).
 *
 * Returns: %FALSE with @error set when @stream fails
 */
gboolean
rapport_people_model_write_csv (RapportPeopleModel  *self,
                                GOutputStream       *stream,
                                GCancellable        *cancellable,
                                GError             **error)
{
  CsvJob *job;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  job = csv_job_new (self);
  ok = csv_job_write (job, stream, cancellable, error);
  csv_job_free (job);

  return ok;
}

static void
export_csv_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CsvJob *job = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           &error);
  if (stream == NULL ||
      !csv_job_write (job, G_OUTPUT_STREAM (stream), cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
rapport_people_model_export_csv_async (RapportPeopleModel  *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_PEOPLE_MODEL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_people_model_export_csv_async);
  g_task_set_task_data (task, csv_job_new (self), (GDestroyNotify) csv_job_free);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_csv_thread);
}

gboolean
rapport_people_model_export_csv_finish (RapportPeopleModel  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The model */

RapportPeopleModel *
rapport_people_model_new (RapportPlatform      platform,
                          const RapportPeople *people,
                          RapportDirection     direction,
                          const RapportPeople *other,
                          const GArray        *indices,
                          gpointer             owner,
                          GDestroyNotify       owner_destroy)
{
  RapportPeopleModel *self;

  g_return_val_if_fail (people != NULL, NULL);
  g_return_val_if_fail (people->len <= G_MAXUINT32, NULL);

  self = g_object_new (RAPPORT_TYPE_PEOPLE_MODEL, NULL);
  self->platform = platform;
  self->lists.people = people;
  self->lists.direction = direction;
  self->lists.other = other;
  self->owner = owner;
  self->owner_destroy = owner_destroy;
  self->creator = g_thread_self ();

  if (indices != NULL)
    {
      self->segment = g_array_sized_new (FALSE, FALSE, sizeof (guint32), indices->len);
      g_array_append_vals (self->segment, indices->data, indices->len);
    }
  else
    {
      self->segment = g_array_sized_new (FALSE, FALSE, sizeof (guint32), people->len);
      for (guint32 i = 0; i < people->len; i++)
        g_array_append_val (self->segment, i);
    }

  self->base = g_array_ref (self->segment);
  self->visible = g_array_ref (self->segment);

  return self;
}

guint
rapport_people_model_get_n_total (RapportPeopleModel *self)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), 0);

  return self->segment->len;
}

const char *
rapport_people_model_get_search (RapportPeopleModel *self)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), NULL);

  return self->search;
}

void
rapport_people_model_set_search (RapportPeopleModel *self,
                                 const char         *search)
{
  g_return_if_fail (RAPPORT_IS_PEOPLE_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_set_str (&self->search, search))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
      queue_update (self);
    }
}

RapportPeopleSort
rapport_people_model_get_sort_key (RapportPeopleModel *self)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), RAPPORT_PEOPLE_SORT_HANDLE);

  return self->sort_key;
}

GtkSortType
rapport_people_model_get_sort_order (RapportPeopleModel *self)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), GTK_SORT_ASCENDING);

  return self->sort_order;
}

void
rapport_people_model_set_sort (RapportPeopleModel *self,
                               RapportPeopleSort   key,
                               GtkSortType         order)
{
  g_return_if_fail (RAPPORT_IS_PEOPLE_MODEL (self));
  g_return_if_fail (key <= RAPPORT_PEOPLE_SORT_YOU_FOLLOW_SINCE);

  if (self->sort_key == key && self->sort_order == order)
    return;

  self->sort_key = key;
  self->sort_order = order;
  queue_update (self);
}

gboolean
rapport_people_model_get_busy (RapportPeopleModel *self)
{
  g_return_val_if_fail (RAPPORT_IS_PEOPLE_MODEL (self), FALSE);

  return self->busy;
}

static void
rapport_people_model_dispose (GObject *object)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (object);

  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);

  G_OBJECT_CLASS (rapport_people_model_parent_class)->dispose (object);
}

typedef struct
{
  gpointer       owner;
  GDestroyNotify destroy;
} OwnerRelease;

static OwnerRelease *
owner_release_new (gpointer       owner,
                   GDestroyNotify destroy)
{
  OwnerRelease *release = g_new (OwnerRelease, 1);

  release->owner = owner;
  release->destroy = destroy;
  return release;
}

static gboolean
release_owner (gpointer data)
{
  OwnerRelease *release = data;

  release->destroy (release->owner);
  return G_SOURCE_REMOVE;
}

static void
rapport_people_model_finalize (GObject *object)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (object);

  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->segment, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->applied_needle, g_free);

  /* An export's thread may hold the model last; the owner (an analysis, say) is let go of in
   * the main thread all the same. */
  if (self->owner_destroy != NULL && self->owner != NULL)
    {
      if (g_thread_self () == self->creator)
        self->owner_destroy (self->owner);
      else
        g_idle_add_full (G_PRIORITY_DEFAULT, release_owner,
                         owner_release_new (self->owner, self->owner_destroy), g_free);
      self->owner = NULL;
    }

  G_OBJECT_CLASS (rapport_people_model_parent_class)->finalize (object);
}

static void
rapport_people_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, RAPPORT_TYPE_PERSON_ITEM);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, rapport_people_model_get_n_total (self));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, rapport_people_model_get_search (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_people_model_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_people_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportPeopleModel *self = RAPPORT_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      rapport_people_model_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_people_model_class_init (RapportPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_people_model_dispose;
  object_class->finalize = rapport_people_model_finalize;
  object_class->get_property = rapport_people_model_get_property;
  object_class->set_property = rapport_people_model_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportPeopleModel:n-total:
   *
   * The size of the segment, whatever the search.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RapportPeopleModel:search:
   *
   * Shows only the accounts whose 'who' contains this text, ignoring case.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportPeopleModel:busy:
   *
   * Whether a search or a sort runs in a thread.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_people_model_init (RapportPeopleModel *self)
{
  self->sort_key = RAPPORT_PEOPLE_SORT_HANDLE;
  self->sort_order = GTK_SORT_ASCENDING;
  self->applied_key = RAPPORT_PEOPLE_SORT_HANDLE;
  self->applied_order = GTK_SORT_ASCENDING;
}
