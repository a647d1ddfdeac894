/* rapport-import-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The imports run in one thread with one store connection of their own.  That thread never
 * touches the object's signals: it writes what it is doing under a mutex and asks the
 * caller's main context to tell the world, at most ten times a second, so a million records
 * read cost a handful of notifications.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-export-parts.h"
#include "session/rapport-import-batch.h"
#include "session/rapport-import-job.h"

/* Progress reaches the caller at most this often, in microseconds. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

typedef struct
{
  char                **paths;     /* the export's parts, in order; NULL when not local */
  char                 *name;
  RapportImportSummary  summary;
  GError               *error;
  gboolean              done;      /* attempted, whatever the outcome */
} Item;

struct _RapportImportBatch
{
  GObject       parent_instance;

  char         *data_dir;
  GPtrArray    *added_paths;       /* char *, NULL when not local, as added */
  GPtrArray    *added_names;       /* char *, for people */
  GPtrArray    *items;             /* Item, in import order; one per export */
  GPtrArray    *split;             /* Item: groups found to be separate exports */
  gboolean      fresh_database;
  gboolean      running;

  /* What the caller has been told. */
  guint         current;
  char         *entry;
  guint64       records;

  /* Under the mutex: what the importing thread is doing, for the next dispatch. */
  GMutex        mutex;
  GMainContext *context;           /* NULL when run in the caller's thread */
  guint         thread_current;
  char         *thread_entry;
  guint64       thread_records;
  GArray       *finished;          /* guint indices not yet announced */
  gint64        last_dispatch;
  gboolean      dispatch_pending;
};

G_DEFINE_FINAL_TYPE (RapportImportBatch, rapport_import_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_ENTRY,
  PROP_RECORDS,
  N_PROPS
};

enum {
  ITEM_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  g_strfreev (item->paths);
  g_free (item->name);
  rapport_import_summary_clear (&item->summary);
  g_clear_error (&item->error);
  g_free (item);
}

static void
rapport_import_batch_finalize (GObject *object)
{
  RapportImportBatch *self = RAPPORT_IMPORT_BATCH (object);

  g_free (self->data_dir);
  g_ptr_array_unref (self->added_paths);
  g_ptr_array_unref (self->added_names);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->split);
  g_free (self->entry);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->thread_entry);
  g_array_unref (self->finished);

  G_OBJECT_CLASS (rapport_import_batch_parent_class)->finalize (object);
}

static void
rapport_import_batch_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportImportBatch *self = RAPPORT_IMPORT_BATCH (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_uint (value, rapport_import_batch_get_current (self));
      break;

    case PROP_ENTRY:
      g_value_set_string (value, rapport_import_batch_get_entry (self));
      break;

    case PROP_RECORDS:
      g_value_set_uint64 (value, rapport_import_batch_get_records (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_import_batch_class_init (RapportImportBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_import_batch_finalize;
  object_class->get_property = rapport_import_batch_get_property;

  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_string ("entry", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS] =
    g_param_spec_uint64 ("records", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportImportBatch::item-finished:
   * @self: the batch
   * @index: the item whose import ended, successfully or not
   */
  signals[ITEM_FINISHED] =
    g_signal_new ("item-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
rapport_import_batch_init (RapportImportBatch *self)
{
  self->added_paths = g_ptr_array_new_with_free_func (g_free);
  self->added_names = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->split = g_ptr_array_new_with_free_func (item_free);
  self->finished = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_init (&self->mutex);
}

RapportImportBatch *
rapport_import_batch_new (const char *data_dir)
{
  RapportImportBatch *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_IMPORT_BATCH, NULL);
  self->data_dir = g_strdup (data_dir);

  return self;
}

const char *
rapport_import_batch_get_data_dir (RapportImportBatch *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), NULL);

  return self->data_dir;
}

gboolean
rapport_import_batch_get_fresh_database (RapportImportBatch *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), FALSE);

  return self->fresh_database;
}

void
rapport_import_batch_set_fresh_database (RapportImportBatch *self,
                                         gboolean            fresh)
{
  g_return_if_fail (RAPPORT_IS_IMPORT_BATCH (self));
  g_return_if_fail (!self->running);

  self->fresh_database = !!fresh;
}

static Item *
item_new (char **paths,
          char  *name)
{
  Item *item = g_new0 (Item, 1);

  item->paths = paths;
  item->name = name;
  return item;
}

/* One item per export: the parts of one export chosen together are imported as one. */
static void
group_items (RapportImportBatch *self)
{
  g_autoptr(GPtrArray) groups = NULL;

  groups = rapport_export_parts_group ((const char * const *) self->added_paths->pdata,
                                       self->added_paths->len);
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      GArray *group = g_ptr_array_index (groups, i);
      guint first = g_array_index (group, guint, 0);
      char **paths = NULL;
      char *name;

      if (g_ptr_array_index (self->added_paths, first) != NULL)
        {
          paths = g_new0 (char *, group->len + 1);
          for (guint j = 0; j < group->len; j++)
            paths[j] = g_strdup (g_ptr_array_index (self->added_paths,
                                                    g_array_index (group, guint, j)));
        }

      if (group->len == 1)
        name = g_strdup (g_ptr_array_index (self->added_names, first));
      else
        {
          g_autofree char *stem = NULL;

          stem = rapport_export_parts_get_name ((const char * const *) paths, group->len);
          name = g_filename_display_name (stem);
        }
      g_ptr_array_add (self->items, item_new (paths, name));
    }
}

static void
add_item (RapportImportBatch *self,
          char               *path,
          char               *name)
{
  g_ptr_array_add (self->added_paths, path);
  g_ptr_array_add (self->added_names, name);
  group_items (self);
}

void
rapport_import_batch_add_file (RapportImportBatch *self,
                               GFile              *file)
{
  g_autofree char *basename = NULL;
  char *name;

  g_return_if_fail (RAPPORT_IS_IMPORT_BATCH (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  basename = g_file_get_basename (file);
  name = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
  add_item (self, g_file_get_path (file), name);
}

void
rapport_import_batch_add_path (RapportImportBatch *self,
                               const char         *path)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (RAPPORT_IS_IMPORT_BATCH (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->running);

  basename = g_path_get_basename (path);
  add_item (self, g_strdup (path), g_filename_display_name (basename));
}

/* The importing thread may split an item into several while the caller asks: the list is
 * read and changed under the mutex, and once the batch runs no item is freed before it. */
guint
rapport_import_batch_get_n_items (RapportImportBatch *self)
{
  guint n_items;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), 0);

  g_mutex_lock (&self->mutex);
  n_items = self->items->len;
  g_mutex_unlock (&self->mutex);

  return n_items;
}

static Item *
get_item (RapportImportBatch *self,
          guint               index)
{
  Item *item = NULL;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), NULL);

  g_mutex_lock (&self->mutex);
  if (index < self->items->len)
    item = g_ptr_array_index (self->items, index);
  g_mutex_unlock (&self->mutex);

  g_return_val_if_fail (item != NULL, NULL);
  return item;
}

const char *
rapport_import_batch_get_item_name (RapportImportBatch *self,
                                    guint               index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->name : NULL;
}

gboolean
rapport_import_batch_get_item_done (RapportImportBatch *self,
                                    guint               index)
{
  Item *item = get_item (self, index);

  return item != NULL && item->done;
}

const GError *
rapport_import_batch_get_item_error (RapportImportBatch *self,
                                     guint               index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->error : NULL;
}

const RapportImportSummary *
rapport_import_batch_get_item_summary (RapportImportBatch *self,
                                       guint               index)
{
  Item *item = get_item (self, index);

  return item != NULL ? &item->summary : NULL;
}

guint
rapport_import_batch_count_cancelled (RapportImportBatch *self)
{
  guint n_cancelled = 0;
  guint n_items;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), 0);

  n_items = rapport_import_batch_get_n_items (self);
  for (guint i = 0; i < n_items; i++)
    {
      Item *item = get_item (self, i);

      if (!item->done || g_error_matches (item->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        n_cancelled++;
    }

  return n_cancelled;
}

guint
rapport_import_batch_get_current (RapportImportBatch *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), 0);

  return self->current;
}

const char *
rapport_import_batch_get_entry (RapportImportBatch *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), NULL);

  return self->entry;
}

guint64
rapport_import_batch_get_records (RapportImportBatch *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), 0);

  return self->records;
}

/* ── telling the caller, in the caller's thread ──────────────────────────────────────────── */

static void
dispatch (RapportImportBatch *self)
{
  g_autoptr(GArray) finished = NULL;
  g_autofree char *entry = NULL;
  guint current;
  guint64 records;

  g_mutex_lock (&self->mutex);
  self->dispatch_pending = FALSE;
  current = self->thread_current;
  entry = g_strdup (self->thread_entry);
  records = self->thread_records;
  finished = g_steal_pointer (&self->finished);
  self->finished = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_unlock (&self->mutex);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->current != current)
    {
      self->current = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
    }
  if (g_strcmp0 (self->entry, entry) != 0)
    {
      g_free (self->entry);
      self->entry = g_steal_pointer (&entry);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
    }
  if (self->records != records)
    {
      self->records = records;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDS]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  for (guint i = 0; i < finished->len; i++)
    g_signal_emit (self, signals[ITEM_FINISHED], 0, g_array_index (finished, guint, i));
}

static gboolean
dispatch_cb (gpointer user_data)
{
  dispatch (RAPPORT_IMPORT_BATCH (user_data));

  return G_SOURCE_REMOVE;
}

/* With the mutex held: asks for a dispatch unless one is waiting or the last was too recent.
 * Run in the caller's thread, the dispatch happens after the mutex is let go. */
static gboolean
schedule_dispatch_locked (RapportImportBatch *self,
                          gboolean            force)
{
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GSource) source = NULL;

  if (self->dispatch_pending || (!force && now - self->last_dispatch < PROGRESS_INTERVAL_US))
    return FALSE;

  self->dispatch_pending = TRUE;
  self->last_dispatch = now;

  if (self->context == NULL)
    return TRUE;

  /* Not g_main_context_invoke(): when the main thread is between two iterations it would run
   * the callback right here, in this thread, with the mutex held. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_cb, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[rapport] import progress");
  g_source_attach (source, self->context);

  return FALSE;
}

static void
update (RapportImportBatch *self,
        guint               current,
        const char         *entry,
        guint64             records,
        int                 finished,
        gboolean            force)
{
  gboolean now;

  g_mutex_lock (&self->mutex);
  self->thread_current = current;
  if (g_strcmp0 (self->thread_entry, entry) != 0)
    {
      g_free (self->thread_entry);
      self->thread_entry = g_strdup (entry);
    }
  self->thread_records = records;
  if (finished >= 0)
    g_array_append_val (self->finished, finished);
  now = schedule_dispatch_locked (self, force);
  g_mutex_unlock (&self->mutex);

  if (now)
    dispatch (self);
}

/* ── importing, in the importing thread ──────────────────────────────────────────────────── */

/* Parts that turned out to be separate exports: item @index becomes one item for each, in
 * its place.  The item itself is kept until the batch goes, as the caller may still hold its
 * name. */
static void
split_item (RapportImportBatch *self,
            guint               index)
{
  Item *item;

  g_mutex_lock (&self->mutex);
  item = g_ptr_array_steal_index (self->items, index);
  for (guint i = 0; item->paths[i] != NULL; i++)
    {
      g_autofree char *basename = g_path_get_basename (item->paths[i]);
      char **paths = g_new0 (char *, 2);

      paths[0] = g_strdup (item->paths[i]);
      g_ptr_array_insert (self->items, index + i,
                          item_new (paths, g_filename_display_name (basename)));
    }
  g_ptr_array_add (self->split, item);
  g_mutex_unlock (&self->mutex);
}

typedef struct
{
  RapportImportBatch *self;
  guint               index;
} Progress;

static void
progress_cb (const char *entry_name,
             guint64     records_read,
             gpointer    user_data)
{
  Progress *progress = user_data;

  update (progress->self, progress->index, entry_name, records_read, -1, FALSE);
}

static void
import_item (RapportImportBatch *self,
             RapportStore       *store,
             guint               index,
             GCancellable       *cancellable)
{
  Item *item = g_ptr_array_index (self->items, index);
  Progress progress = { self, index };

  update (self, index, NULL, 0, -1, TRUE);

  if (item->paths == NULL)
    item->error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s is not a local file; copy it to this computer first"),
                               item->name);
  else
    rapport_import_paths_full (store, (const char * const *) item->paths, progress_cb,
                               &progress, &item->summary, cancellable, &item->error);
}

static gboolean
import_all (RapportImportBatch  *self,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(RapportStore) store = NULL;

  if (self->fresh_database)
    {
      if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder %s: %s"), self->data_dir,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (!rapport_store_delete_database (self->data_dir, error))
        return FALSE;
    }

  /* This thread's own connection: SQLite connections are not shared between threads. */
  if (!(store = rapport_store_open (self->data_dir, error)))
    return FALSE;

  g_debug ("Importing %u exports into %s", self->items->len, self->data_dir);

  /* Only this thread changes the list of items. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      import_item (self, store, i, cancellable);
      if (g_error_matches (item->error, RAPPORT_IMPORT_ERROR,
                           RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS))
        {
          /* Each is imported on its own, the first in this place. */
          g_debug ("%s", item->error->message);
          split_item (self, i);
          item = g_ptr_array_index (self->items, i);
          import_item (self, store, i, cancellable);
        }

      item->done = TRUE;
      g_debug ("Import %u of %u ended: %s", i + 1, self->items->len,
               item->error != NULL ? item->error->message : "imported");

      update (self, i, NULL, 0, i, TRUE);
    }

  return TRUE;
}

gboolean
rapport_import_batch_run (RapportImportBatch  *self,
                          GCancellable        *cancellable,
                          GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->running = TRUE;
  ok = import_all (self, cancellable, error);
  /* A dispatch held back by the interval. */
  dispatch (self);
  self->running = FALSE;

  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (import_all (RAPPORT_IMPORT_BATCH (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RapportImportBatch *self = RAPPORT_IMPORT_BATCH (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Whatever the thread finished after the last dispatch, before the caller hears the end. */
  dispatch (self);
  self->running = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rapport_import_batch_run_async (RapportImportBatch  *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (RAPPORT_IS_IMPORT_BATCH (self));
  g_return_if_fail (!self->running);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_import_batch_run_async);
  /* A cancelled batch still reports what it finished. */
  g_task_set_check_cancellable (task, FALSE);

  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  thread_task = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, run_thread);
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_run_in_thread (thread_task, run_thread);
}

gboolean
rapport_import_batch_run_finish (RapportImportBatch  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_import_batch_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
