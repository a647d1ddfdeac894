/* rapport-thumbnail-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One batch at a time: the worker's store connection is used by one thread at a time.  A
 * batch holds what its thread needs (the connection, the folder, the posts) but not the loader,
 * so that a loader dropped while a batch runs is finalized in the main thread, where its
 * pictures and idle source belong; the batch then finds it gone.
 */

#include "config.h"

#include "ui/rapport-thumbnail-loader.h"

/* Thumbnails of a few KB each: a screenful of rows in one batch. */
#define BATCH_SIZE 48

struct _RapportThumbnailLoader
{
  GObject       parent_instance;

  char         *data_dir;
  RapportStore *store;      /* the worker's connection, opened by the first batch */
  GHashTable   *pictures;   /* gint64 post id → GdkPaintable, or the loader for none */
  GHashTable   *waiting;    /* gint64 post id → GPtrArray of Waiter, asked and not read */
  GArray       *queue;      /* gint64 post ids asked for, not yet in a batch */
  guint         idle_id;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (RapportThumbnailLoader, rapport_thumbnail_loader, G_TYPE_OBJECT)

typedef struct
{
  GWeakRef receiver;
  RapportThumbnailReady ready;
} Waiter;

typedef struct
{
  gint64 post_id;
  GdkTexture *texture;
} Result;

typedef struct
{
  RapportStore *store; /* the loader's connection, or NULL until the thread opens one */
  char *data_dir;
  GArray *results;     /* Result */
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->store);
  g_free (batch->data_dir);
  g_clear_pointer (&batch->results, g_array_unref);
  g_free (batch);
}

static void
waiter_free (Waiter *waiter)
{
  g_weak_ref_clear (&waiter->receiver);
  g_free (waiter);
}

static void
clear_result (Result *result)
{
  g_clear_object (&result->texture);
}

static void start_batch (RapportThumbnailLoader *self);

/* In the worker: each post's bytes from the store, decoded as GDK does in any thread. */
static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;
  g_autoptr(GError) error = NULL;

  /* Without the database the rows simply show no picture. */
  if (batch->store == NULL && !(batch->store = rapport_store_open (batch->data_dir, &error)))
    g_debug ("Thumbnails not read: %s", error->message);
  for (guint i = 0; batch->store != NULL && i < batch->results->len; i++)
    {
      Result *result = &g_array_index (batch->results, Result, i);
      g_autoptr(GBytes) data = NULL;
      g_autoptr(GError) local_error = NULL;

      data = rapport_store_get_post_thumbnail (batch->store, result->post_id, NULL,
                                               &local_error);
      if (data != NULL)
        result->texture = gdk_texture_new_from_bytes (data, &local_error);
      if (local_error != NULL)
        g_debug ("Thumbnail of post %" G_GINT64_FORMAT ": %s", result->post_id,
                 local_error->message);
    }
  g_task_return_boolean (task, TRUE);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *loader = user_data;
  g_autoptr(RapportThumbnailLoader) self = g_weak_ref_get (loader);
  Batch *batch = g_task_get_task_data (G_TASK (result));
  GArray *results = batch->results;

  g_weak_ref_clear (loader);
  g_free (loader);
  if (self == NULL)
    return;

  self->running = FALSE;
  if (self->store == NULL && batch->store != NULL)
    self->store = g_object_ref (batch->store);
  for (guint i = 0; i < results->len; i++)
    {
      const Result *done = &g_array_index (results, Result, i);
      g_autoptr(GPtrArray) waiters = NULL;
      g_autofree gint64 *key = NULL;
      GdkPaintable *picture = done->texture != NULL ? GDK_PAINTABLE (done->texture) : NULL;

      g_hash_table_insert (self->pictures, g_memdup2 (&done->post_id, sizeof done->post_id),
                           picture != NULL ? g_object_ref (picture) : (gpointer) self);
      /* Stolen with its key, which stealing does not free. */
      g_hash_table_steal_extended (self->waiting, &done->post_id, (gpointer *) &key,
                                   (gpointer *) &waiters);
      for (guint w = 0; waiters != NULL && w < waiters->len; w++)
        {
          Waiter *waiter = g_ptr_array_index (waiters, w);
          g_autoptr(GObject) receiver = g_weak_ref_get (&waiter->receiver);

          /* A row recycled or a read-out moved on asks anew: nothing to check here but
           * that the one who asked is still there. */
          if (receiver != NULL)
            waiter->ready (receiver, done->post_id, picture);
        }
    }
  if (self->queue->len > 0)
    start_batch (self);
}

static void
start_batch (RapportThumbnailLoader *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *loader = g_new0 (GWeakRef, 1);
  Batch *batch = g_new0 (Batch, 1);
  GArray *results;
  guint n = MIN (self->queue->len, BATCH_SIZE);

  g_assert (!self->running);

  results = g_array_sized_new (FALSE, TRUE, sizeof (Result), n);
  g_array_set_clear_func (results, (GDestroyNotify) clear_result);
  for (guint i = 0; i < n; i++)
    {
      Result result = { g_array_index (self->queue, gint64, i), NULL };

      g_array_append_val (results, result);
    }
  g_array_remove_range (self->queue, 0, n);

  batch->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  batch->data_dir = g_strdup (self->data_dir);
  batch->results = results;
  g_weak_ref_init (loader, self);

  self->running = TRUE;
  task = g_task_new (NULL, NULL, batch_done_cb, loader);
  g_task_set_source_tag (task, start_batch);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  g_task_run_in_thread (task, batch_thread);
}

/* After the frame's layout, which binds the rows that ask. */
static gboolean
flush_cb (gpointer user_data)
{
  RapportThumbnailLoader *self = user_data;

  self->idle_id = 0;
  if (!self->running && self->queue->len > 0)
    start_batch (self);
  return G_SOURCE_REMOVE;
}

gboolean
rapport_thumbnail_loader_lookup (RapportThumbnailLoader  *self,
                                 gint64                   post_id,
                                 GdkPaintable           **picture)
{
  gpointer found;

  g_return_val_if_fail (RAPPORT_IS_THUMBNAIL_LOADER (self), FALSE);
  g_return_val_if_fail (picture != NULL, FALSE);

  *picture = NULL;
  if (!g_hash_table_lookup_extended (self->pictures, &post_id, NULL, &found))
    return FALSE;
  *picture = found != (gpointer) self ? GDK_PAINTABLE (found) : NULL;
  return TRUE;
}

void
rapport_thumbnail_loader_request (RapportThumbnailLoader *self,
                                  gint64                  post_id,
                                  GObject                *receiver,
                                  RapportThumbnailReady   ready)
{
  GPtrArray *waiters;
  Waiter *waiter;

  g_return_if_fail (RAPPORT_IS_THUMBNAIL_LOADER (self));
  g_return_if_fail (G_IS_OBJECT (receiver));
  g_return_if_fail (ready != NULL);

  waiter = g_new0 (Waiter, 1);
  g_weak_ref_init (&waiter->receiver, receiver);
  waiter->ready = ready;

  waiters = g_hash_table_lookup (self->waiting, &post_id);
  if (waiters == NULL)
    {
      waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
      g_hash_table_insert (self->waiting, g_memdup2 (&post_id, sizeof post_id), waiters);
      g_array_append_val (self->queue, post_id);
    }
  g_ptr_array_add (waiters, waiter);

  if (self->idle_id == 0 && !self->running)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_cb, self, NULL);
}

static void
rapport_thumbnail_loader_finalize (GObject *object)
{
  RapportThumbnailLoader *self = RAPPORT_THUMBNAIL_LOADER (object);
  GHashTableIter iter;
  gpointer picture;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  /* The sentinel for "none" is the loader itself: not a reference. */
  g_hash_table_iter_init (&iter, self->pictures);
  while (g_hash_table_iter_next (&iter, NULL, &picture))
    if (picture != (gpointer) self)
      g_object_unref (picture);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (rapport_thumbnail_loader_parent_class)->finalize (object);
}

static void
rapport_thumbnail_loader_class_init (RapportThumbnailLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_thumbnail_loader_finalize;
}

static void
rapport_thumbnail_loader_init (RapportThumbnailLoader *self)
{
  self->pictures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->queue = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RapportThumbnailLoader *
rapport_thumbnail_loader_get (RapportAnalysis *analysis)
{
  RapportThumbnailLoader *self;

  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (analysis), NULL);

  self = g_object_get_data (G_OBJECT (analysis), "rapport-thumbnail-loader");
  if (self == NULL)
    {
      self = g_object_new (RAPPORT_TYPE_THUMBNAIL_LOADER, NULL);
      self->data_dir = g_path_get_dirname (rapport_store_get_path (
                                             rapport_analysis_get_store (analysis)));
      g_object_set_data_full (G_OBJECT (analysis), "rapport-thumbnail-loader", self,
                              g_object_unref);
    }
  return self;
}
