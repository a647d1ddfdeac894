/* rapport-import-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sink in front of another that writes on a thread of its own.  Writing 200,000 posts into
 * SQLite costs more than reading them from the archive, so with the two on different cores the
 * importer reads the next posts while the database takes the last ones.  Records are copied
 * into batches; a few batches at most wait, which bounds the memory it takes.
 */

#include "config.h"

#include "session/rapport-import-queue.h"

/* Records per batch, and batches waiting at most. */
#define BATCH_SIZE 512
#define MAX_WAITING 8

typedef enum
{
  RECORD_POST,
  RECORD_RELATION,
  RECORD_INTERACTION,
  RECORD_SKIP,
  RECORD_BEGIN_LIST,
  RECORD_END_LIST,
} RecordKind;

/* A post's lists of tags are kept in its batch's lists, where they start at these places. */
#define NO_LIST G_MAXUINT

typedef struct
{
  RecordKind kind;
  guint hashtags_at;
  guint mentions_at;
  union
  {
    RapportPost post;
    RapportRelation relation;
    RapportInteraction interaction;
    struct
    {
      const char *entry_name;
      const char *reason;
    } skip;
    RapportDirection direction;
  };
} Record;

/* The records and every string they point to; the lists of strings one after the other, each
 * ending with NULL, rather than an allocation each (two a post). */
typedef struct
{
  GArray *records;
  GStringChunk *strings;
  GPtrArray *lists;
} Batch;

struct _RapportImportQueue
{
  RapportImportSink sink; /* first: the sink callbacks cast back to the queue */
  RapportImportSink *target;
  Batch *filling;

  GThread *writer;
  GMutex lock;
  GCond changed;
  /* Under the lock: */
  GQueue waiting;      /* Batch, oldest first */
  guint n_unwritten;   /* batches handed over and not yet written */
  gboolean stopping;
  gboolean discarding;
  GError *error;       /* the target's first error */
  /* Set with the error, read without the lock for each record. */
  gint failed;
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->records = g_array_sized_new (FALSE, FALSE, sizeof (Record), BATCH_SIZE);
  batch->strings = g_string_chunk_new (64 * 1024);
  batch->lists = g_ptr_array_new ();
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_array_unref (batch->records);
  g_string_chunk_free (batch->strings);
  g_ptr_array_unref (batch->lists);
  g_free (batch);
}

static const char *
copy_string (Batch      *batch,
             const char *text)
{
  return text != NULL ? g_string_chunk_insert (batch->strings, text) : NULL;
}

/* Where the copy of @list starts in @batch's lists, or NO_LIST for NULL. */
static guint
copy_string_list (Batch              *batch,
                  const char * const *list)
{
  guint at = batch->lists->len;

  if (list == NULL)
    return NO_LIST;
  for (guint i = 0; list[i] != NULL; i++)
    g_ptr_array_add (batch->lists, (gpointer) copy_string (batch, list[i]));
  g_ptr_array_add (batch->lists, NULL);
  return at;
}

static const char * const *
string_list_at (Batch *batch,
                guint  at)
{
  return at != NO_LIST ? (const char * const *) batch->lists->pdata + at : NULL;
}

/* Records were checked as they came (rapport_import_sink_add_post() and the like, which skip
 * those out of range): they go to the target's callbacks as they are. */
static gboolean
write_batch (RapportImportQueue  *self,
             Batch               *batch,
             GError             **error)
{
  for (guint i = 0; i < batch->records->len; i++)
    {
      const Record *record = &g_array_index (batch->records, Record, i);
      gboolean ok = TRUE;

      switch (record->kind)
        {
        case RECORD_POST:
          {
            RapportPost post = record->post;

            /* The lists no longer move once the batch is handed over. */
            post.hashtags = string_list_at (batch, record->hashtags_at);
            post.mentions = string_list_at (batch, record->mentions_at);
            ok = self->target->add_post (self->target, &post, error);
          }
          break;
        case RECORD_RELATION:
          ok = self->target->add_relation (self->target, &record->relation, error);
          break;
        case RECORD_INTERACTION:
          ok = self->target->add_interaction (self->target, &record->interaction, error);
          break;
        case RECORD_SKIP:
          rapport_import_sink_skip (self->target, record->skip.entry_name, record->skip.reason);
          break;
        case RECORD_BEGIN_LIST:
          ok = rapport_import_sink_begin_list (self->target, record->direction, error);
          break;
        case RECORD_END_LIST:
          rapport_import_sink_end_list (self->target);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gpointer
writer_thread (gpointer data)
{
  RapportImportQueue *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      Batch *batch;
      GError *error = NULL;
      gboolean skip;

      while (g_queue_is_empty (&self->waiting) && !self->stopping)
        g_cond_wait (&self->changed, &self->lock);
      if (g_queue_is_empty (&self->waiting))
        break;

      batch = g_queue_pop_head (&self->waiting);
      /* After a failure the rest would only fail again, or write what the import abandons. */
      skip = self->error != NULL || self->discarding;
      g_mutex_unlock (&self->lock);

      if (!skip)
        write_batch (self, batch, &error);
      batch_free (batch);

      g_mutex_lock (&self->lock);
      if (error != NULL)
        {
          self->error = error;
          g_atomic_int_set (&self->failed, TRUE);
        }
      self->n_unwritten--;
      g_cond_broadcast (&self->changed);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

static gboolean
take_error (RapportImportQueue  *self,
            GError             **error)
{
  if (!g_atomic_int_get (&self->failed))
    return TRUE;
  g_mutex_lock (&self->lock);
  g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->lock);
  return FALSE;
}

/* Hands the filling batch to the writer, waiting while too many are waiting already. */
static void
hand_over (RapportImportQueue *self)
{
  if (self->filling->records->len == 0)
    return;

  g_mutex_lock (&self->lock);
  while (self->n_unwritten >= MAX_WAITING)
    g_cond_wait (&self->changed, &self->lock);
  g_queue_push_tail (&self->waiting, g_steal_pointer (&self->filling));
  self->n_unwritten++;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  self->filling = batch_new ();
}

/* Waits until the target has everything given so far, so that it can be called directly. */
static gboolean
drain (RapportImportQueue  *self,
       GError             **error)
{
  hand_over (self);
  g_mutex_lock (&self->lock);
  while (self->n_unwritten > 0)
    g_cond_wait (&self->changed, &self->lock);
  g_mutex_unlock (&self->lock);
  return take_error (self, error);
}

static Record *
next_record (RapportImportQueue *self,
             RecordKind          kind)
{
  Record *record;

  if (self->filling->records->len >= BATCH_SIZE)
    hand_over (self);
  g_array_set_size (self->filling->records, self->filling->records->len + 1);
  record = &g_array_index (self->filling->records, Record, self->filling->records->len - 1);
  record->kind = kind;
  return record;
}

static gboolean
queue_add_post (RapportImportSink  *sink,
                const RapportPost  *post,
                GError            **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;
  Record *record;
  Batch *batch;

  if (!take_error (self, error))
    return FALSE;
  record = next_record (self, RECORD_POST);
  batch = self->filling;
  record->post = *post;
  record->post.platform_id = copy_string (batch, post->platform_id);
  record->post.text = copy_string (batch, post->text);
  record->post.url = copy_string (batch, post->url);
  record->post.hashtags = NULL;
  record->post.mentions = NULL;
  record->hashtags_at = copy_string_list (batch, post->hashtags);
  record->mentions_at = copy_string_list (batch, post->mentions);
  return TRUE;
}

static gboolean
queue_add_relation (RapportImportSink      *sink,
                    const RapportRelation  *relation,
                    GError                **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;
  Record *record;

  if (!take_error (self, error))
    return FALSE;
  record = next_record (self, RECORD_RELATION);
  record->relation = *relation;
  record->relation.handle = copy_string (self->filling, relation->handle);
  record->relation.platform_id = copy_string (self->filling, relation->platform_id);
  return TRUE;
}

static gboolean
queue_add_interaction (RapportImportSink         *sink,
                       const RapportInteraction  *interaction,
                       GError                   **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;
  Record *record;

  if (!take_error (self, error))
    return FALSE;
  record = next_record (self, RECORD_INTERACTION);
  record->interaction = *interaction;
  record->interaction.target_handle = copy_string (self->filling, interaction->target_handle);
  record->interaction.text = copy_string (self->filling, interaction->text);
  return TRUE;
}

static void
queue_skip (RapportImportSink *sink,
            const char        *entry_name,
            const char        *reason)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;
  Record *record = next_record (self, RECORD_SKIP);

  record->skip.entry_name = g_string_chunk_insert_const (self->filling->strings, entry_name);
  record->skip.reason = g_string_chunk_insert_const (self->filling->strings, reason);
}

/* A list begins and ends between records, in their order: an importer that reaches the follow
 * lists reads them while the writer still writes the last posts, where waiting for it first
 * kept the two apart. */
static gboolean
queue_begin_list (RapportImportSink  *sink,
                  RapportDirection    direction,
                  GError            **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  if (!take_error (self, error))
    return FALSE;
  next_record (self, RECORD_BEGIN_LIST)->direction = direction;
  return TRUE;
}

static void
queue_end_list (RapportImportSink *sink)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  next_record (self, RECORD_END_LIST);
}

/* The rare calls go to the target directly, once it has everything before them. */

static gboolean
queue_set_account (RapportImportSink         *sink,
                   const RapportAccountInfo  *account,
                   GError                   **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  return drain (self, error) && rapport_import_sink_set_account (self->target, account, error);
}

static gboolean
queue_add_follower_count (RapportImportSink           *sink,
                          const RapportFollowerCount  *count,
                          GError                     **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  return drain (self, error) && rapport_import_sink_add_follower_count (self->target, count, error);
}

static gboolean
queue_add_follower_gain (RapportImportSink          *sink,
                         const RapportFollowerGain  *gain,
                         GError                    **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  return drain (self, error) && rapport_import_sink_add_follower_gain (self->target, gain, error);
}

static gboolean
queue_add_post_image (RapportImportSink       *sink,
                      const RapportPostImage  *image,
                      GError                 **error)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  /* After the post it names. */
  return drain (self, error) && rapport_import_sink_add_post_image (self->target, image, error);
}

static void
queue_set_export_date (RapportImportSink *sink,
                       gint64             exported_at,
                       RapportDateSource  source)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  /* A failure of the writer shows at the next record or at the end. */
  drain (self, NULL);
  rapport_import_sink_set_export_date (self->target, exported_at, source);
}

/* Progress tells what is being read, so it goes out at once, from the importer's thread. */
static void
queue_progress (RapportImportSink *sink,
                const char        *entry_name,
                guint64            records_read)
{
  RapportImportQueue *self = (RapportImportQueue *) sink;

  rapport_import_sink_progress (self->target, entry_name, records_read);
}

/**
 * rapport_import_queue_new:
 * @target: the sink that writes; it must outlive the queue
 *
 * Returns: (transfer full): a queue whose sink forwards to @target: posts, relations,
 * interactions, skips and the lists' beginnings and ends on a writer thread, in order; every
 * other call on the caller's thread once the writer has caught up.
 */
RapportImportQueue *
rapport_import_queue_new (RapportImportSink *target)
{
  RapportImportQueue *self;

  g_return_val_if_fail (target != NULL, NULL);

  self = g_new0 (RapportImportQueue, 1);
  self->target = target;
  self->filling = batch_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  g_queue_init (&self->waiting);

  self->sink.set_account = queue_set_account;
  self->sink.begin_list = queue_begin_list;
  self->sink.end_list = queue_end_list;
  /* The target's own checks pass over a missing callback; so do the queue's. */
  self->sink.add_relation = target->add_relation != NULL ? queue_add_relation : NULL;
  self->sink.add_post = target->add_post != NULL ? queue_add_post : NULL;
  self->sink.add_follower_count = queue_add_follower_count;
  self->sink.add_follower_gain = queue_add_follower_gain;
  self->sink.add_interaction = target->add_interaction != NULL ? queue_add_interaction : NULL;
  self->sink.add_post_image = target->add_post_image != NULL ? queue_add_post_image : NULL;
  self->sink.set_export_date = queue_set_export_date;
  self->sink.skip = queue_skip;
  self->sink.progress = target->progress != NULL ? queue_progress : NULL;

  self->writer = g_thread_new ("rapport-import-writer", writer_thread, self);
  return self;
}

RapportImportSink *
rapport_import_queue_get_sink (RapportImportQueue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->sink;
}

gboolean
rapport_import_queue_finish (RapportImportQueue  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return drain (self, error);
}

void
rapport_import_queue_free (RapportImportQueue *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  self->discarding = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->writer);

  batch_free (self->filling);
  g_clear_error (&self->error);
  g_cond_clear (&self->changed);
  g_mutex_clear (&self->lock);
  g_free (self);
}
