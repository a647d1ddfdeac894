/* rapport-json-array.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch splitter: the elements of a big array, found by the scanner or noted in chunks
 * while a tree was scanned, are cut into batches, parsed on a thread pool and handed back in
 * order.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-json-private.h"

/* A batch closes at whichever comes first.  Its tree takes two to three times its text, so the
 * few batches in flight stay within a small multiple of BATCH_BYTES. */
#define BATCH_ELEMENTS 2000
#define BATCH_BYTES (2 << 20)

typedef struct
{
  guint64 seq;
  guint64 first_index;
  /* The elements: their spans, or for a chunk of a long array the text from the first one up
   * to @range_end (the next chunk's first element, or the array's closing bracket). */
  GArray *spans; /* RapportJsonSpan, or NULL for a chunk */
  gsize range_start;
  gsize range_end;
  guint depth;                /* of the chunk's array */
  /* The text the spans are in: a copy of the window's for a stream (from the first element's
   * start, on @line), else NULL for the shared text. */
  char *text;
  gsize text_size;
  guint line;
  gsize text_end;             /* where the batch's text ends */
  RapportJsonValue *elements; /* in the arena */
  guint n_elements;
  RapportJsonArena arena;
  GError *error;
} Batch;

/* What the workers share with the calling thread; read-only but for @stop. */
typedef struct
{
  const char *data;
  gsize size;
  const char *entry_name;
  GAsyncQueue *done;
  gint stop;
} Shared;

static Batch *
batch_new (guint64 seq,
           guint64 first_index)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->seq = seq;
  batch->first_index = first_index;
  rapport_json_arena_init (&batch->arena);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_pointer (&batch->spans, g_array_unref);
  g_clear_pointer (&batch->text, g_free);
  rapport_json_arena_clear (&batch->arena);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
set_item_error (Shared            *shared,
                Batch             *batch,
                guint64            item,
                RapportJsonParser *parser)
{
  if (parser->too_large)
    {
      g_autofree char *limit = g_format_size (RAPPORT_JSON_BATCH_LIMIT);

      g_set_error (&batch->error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: item %'" PRIu64 " is too large to read: its data would take more "
                     "than %s of memory"),
                   shared->entry_name, item, limit);
      return;
    }
  g_set_error (&batch->error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: item %'" PRIu64 " is not valid JSON (line %u: %s)"),
               shared->entry_name, item,
               batch->text != NULL
                 ? batch->line - 1 + rapport_json_text_line_at (batch->text, batch->text_size,
                                                                parser->error_at - batch->text)
                 : rapport_json_text_line_at (shared->data, shared->size,
                                              parser->error_at - shared->data),
               _(parser->error_reason));
}

/* Parses a chunk of a long array, finding its elements as it goes. */
static void
parse_range (Shared            *shared,
             Batch             *batch,
             RapportJsonParser *parser)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));

  parser->p = shared->data + batch->range_start;
  parser->end = shared->data + batch->range_end;
  parser->depth = batch->depth;

  while (parser->p < parser->end)
    {
      RapportJsonValue element;

      if (!rapport_json_parse_value (parser, &element))
        {
          set_item_error (shared, batch, batch->first_index + elements->len + 1, parser);
          return;
        }
      g_array_append_val (elements, element);

      rapport_json_parser_skip_space (parser);
      if (parser->p == parser->end)
        break;
      if (*parser->p != ',')
        {
          rapport_json_parser_fail (parser, parser->p, N_("a missing “,” or “]”"));
          set_item_error (shared, batch, batch->first_index + elements->len, parser);
          return;
        }
      parser->p++;
      rapport_json_parser_skip_space (parser);
    }

  batch->n_elements = elements->len;
  batch->elements = rapport_json_arena_alloc (&batch->arena,
                                              elements->len * sizeof (RapportJsonValue));
  if (elements->len > 0)
    memcpy (batch->elements, elements->data, elements->len * sizeof (RapportJsonValue));
}

/* Runs on a worker thread, or on the calling thread for a single batch. */
static void
parse_batch (Shared *shared,
             Batch  *batch)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (RapportJsonMember));
  RapportJsonParser parser = { 0 };

  parser.arena = &batch->arena;
  parser.values = values;
  parser.members = members;
  parser.budget = RAPPORT_JSON_BATCH_LIMIT;
  parser.depth = batch->depth;

  if (batch->spans == NULL)
    {
      parse_range (shared, batch, &parser);
      return;
    }

  batch->n_elements = batch->spans->len;
  batch->elements = rapport_json_arena_alloc (&batch->arena,
                                              batch->spans->len * sizeof (RapportJsonValue));

  for (guint i = 0; i < batch->spans->len; i++)
    {
      const RapportJsonSpan *span = &g_array_index (batch->spans, RapportJsonSpan, i);

      parser.p = (batch->text != NULL ? batch->text : shared->data) + span->offset;
      parser.end = parser.p + span->length;
      if (rapport_json_parse_value (&parser, &batch->elements[i]))
        {
          rapport_json_parser_skip_space (&parser);
          if (parser.p == parser.end)
            continue;
          rapport_json_parser_fail (&parser, parser.p, N_("unexpected text after it"));
        }

      set_item_error (shared, batch, batch->first_index + i + 1, &parser);
      return;
    }
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  Batch *batch = data;
  Shared *shared = user_data;

  if (!g_atomic_int_get (&shared->stop))
    parse_batch (shared, batch);
  g_async_queue_push (shared->done, batch);
}

/* Makes the next batch, or returns NULL when there is none.  *at_end is set at the end of the
 * array and when it is broken, with @scan_error set; the elements before the break are still
 * in the batch. */
typedef Batch *(*BatchFunc) (gpointer   source,
                             guint64    seq,
                             gboolean  *at_end,
                             GError   **scan_error);

/* The next elements the iterator finds. */
static Batch *
fill_batch (gpointer   source,
            guint64    seq,
            gboolean  *at_end,
            GError   **scan_error)
{
  RapportJsonArrayIter *iter = source;
  Batch *batch = batch_new (seq, rapport_json_array_iter_get_count (iter));
  gsize bytes = 0;

  batch->spans = g_array_sized_new (FALSE, FALSE, sizeof (RapportJsonSpan), 256);
  while (batch->spans->len < BATCH_ELEMENTS && bytes < BATCH_BYTES)
    {
      RapportJsonSpan span;

      if (!rapport_json_array_iter_next (iter, &span, scan_error))
        {
          *at_end = TRUE;
          break;
        }
      g_array_append_val (batch->spans, span);
      bytes += span.length;
      batch->text_end = span.offset + span.length;
    }

  if (batch->spans->len == 0)
    {
      batch_free (batch);
      return NULL;
    }
  return batch;
}

/* The next elements the scanner finds in a stream: the batch takes a copy of their text, which
 * the window then forgets. */
static Batch *
fill_stream_batch (gpointer   source,
                   guint64    seq,
                   gboolean  *at_end,
                   GError   **scan_error)
{
  RapportJsonStreamIter *iter = source;
  Batch *batch = batch_new (seq, iter->count);
  RapportJsonSpan *spans;
  gsize bytes = 0;
  gsize start;
  gsize end;

  batch->depth = iter->depth;
  batch->spans = g_array_sized_new (FALSE, FALSE, sizeof (RapportJsonSpan), 256);
  while (batch->spans->len < BATCH_ELEMENTS && bytes < BATCH_BYTES)
    {
      RapportJsonSpan span;

      if (!rapport_json_stream_iter_next (iter, &span, scan_error))
        {
          *at_end = TRUE;
          break;
        }
      g_array_append_val (batch->spans, span);
      bytes += span.length;
    }

  if (batch->spans->len == 0)
    {
      batch_free (batch);
      return NULL;
    }

  spans = (RapportJsonSpan *) batch->spans->data;
  start = spans[0].offset;
  end = spans[batch->spans->len - 1].offset + spans[batch->spans->len - 1].length;
  rapport_json_stream_iter_drop (iter, start);
  batch->line = iter->window.line;
  batch->text_size = end - start;
  batch->text = g_memdup2 (iter->window.data, batch->text_size);
  for (guint i = 0; i < batch->spans->len; i++)
    spans[i].offset -= start;
  rapport_json_stream_iter_drop (iter, end - start);
  return batch;
}

typedef struct
{
  const RapportJsonLongArray *array;
  guint next;
} Chunks;

/* The next chunk of a long array. */
static Batch *
next_chunk (gpointer   source,
            guint64    seq,
            gboolean  *at_end,
            GError   **scan_error)
{
  Chunks *chunks = source;
  const RapportJsonLongArray *array = chunks->array;
  const RapportJsonChunk *chunk;
  Batch *batch;

  if (chunks->next >= array->n_chunks)
    {
      *at_end = TRUE;
      return NULL;
    }

  chunk = &array->chunks[chunks->next++];
  batch = batch_new (seq, chunk->index);
  batch->range_start = chunk->offset;
  /* The last chunk ends at the closing bracket. */
  batch->range_end = chunks->next < array->n_chunks ? array->chunks[chunks->next].offset
                                                    : array->span.offset + array->span.length - 1;
  batch->depth = array->depth;
  batch->text_end = batch->range_end;
  *at_end = chunks->next >= array->n_chunks;
  return batch;
}

typedef struct
{
  RapportJsonArrayFunc func;
  gpointer user_data;
  GCancellable *cancellable;
  guint64 next_seq;
  GPtrArray *ready; /* Batch, parsed but waiting for an earlier one */
  /* A mapped file's text, whose pages are handed back once delivered; else NULL. */
  const char *mapped_data;
  gsize released;
} Delivery;

static gboolean
deliver (Delivery  *delivery,
         Batch     *batch,
         GError   **error)
{
  gboolean ok;

  g_assert (batch->seq == delivery->next_seq);

  delivery->next_seq++;

  if (batch->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&batch->error));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (delivery->cancellable, error))
    return FALSE;

  ok = batch->n_elements == 0 ||
       delivery->func (batch->elements, batch->n_elements, batch->first_index,
                       delivery->user_data, error);

  /* The tree holds copies of the strings: the text behind the batch is not needed again. */
  if (delivery->mapped_data != NULL)
    delivery->released = rapport_json_release_pages (delivery->mapped_data, delivery->released,
                                        batch->text_end);

  return ok;
}

/* Waits for one batch from the workers, then hands on every batch that is next in order. */
static gboolean
receive (Delivery  *delivery,
         Shared    *shared,
         guint     *in_flight,
         GError   **error)
{
  gboolean progressed = TRUE;

  g_ptr_array_add (delivery->ready, g_async_queue_pop (shared->done));
  (*in_flight)--;

  while (progressed)
    {
      progressed = FALSE;
      for (guint i = 0; i < delivery->ready->len; i++)
        {
          Batch *batch = g_ptr_array_index (delivery->ready, i);
          gboolean ok;

          if (batch->seq != delivery->next_seq)
            continue;

          ok = deliver (delivery, batch, error);
          g_ptr_array_remove_index_fast (delivery->ready, i);
          if (!ok)
            return FALSE;
          progressed = TRUE;
          break;
        }
    }

  return TRUE;
}

/* Parses the batches @next_batch makes from @source on a thread pool and hands their elements
 * to @func in order.  @data is the text the batches are in, @released where its pages may be
 * handed back from when @mapped. */
static gboolean
read_batches (BatchFunc              next_batch,
              gpointer               source,
              const char            *data,
              gsize                  size,
              const char            *entry_name,
              gboolean               mapped,
              gsize                  released,
              RapportJsonArrayFunc   func,
              gpointer               user_data,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(GError) scan_error = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (batch_free);
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  GThreadPool *pool = NULL;
  Shared shared = { 0 };
  Delivery delivery = { 0 };
  guint n_threads = MAX (1, g_get_num_processors ());
  /* Enough to keep every worker busy while the calling thread hands a batch on. */
  guint max_pending = n_threads + 1;
  guint in_flight = 0;
  guint64 seq = 0;
  gboolean at_end = FALSE;
  gboolean failed = FALSE;

  shared.data = data;
  shared.size = size;
  shared.entry_name = entry_name;
  shared.done = done;

  delivery.func = func;
  delivery.user_data = user_data;
  delivery.cancellable = cancellable;
  delivery.ready = ready;
  delivery.mapped_data = mapped ? data : NULL;
  delivery.released = released;

  while (!at_end && !failed)
    {
      Batch *batch;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        {
          failed = TRUE;
          break;
        }

      batch = next_batch (source, seq, &at_end, &scan_error);
      if (batch == NULL)
        break;
      seq++;

      /* An array that fits one batch is not worth a thread. */
      if (pool == NULL && at_end)
        {
          parse_batch (&shared, batch);
          failed = !deliver (&delivery, batch, &local_error);
          batch_free (batch);
          break;
        }

      if (pool == NULL)
        pool = g_thread_pool_new (worker_func, &shared, n_threads, FALSE, NULL);
      g_thread_pool_push (pool, batch, NULL);
      in_flight++;

      while (!failed && in_flight > 0 && in_flight + ready->len >= max_pending)
        failed = !receive (&delivery, &shared, &in_flight, &local_error);
    }

  while (!failed && in_flight > 0)
    failed = !receive (&delivery, &shared, &in_flight, &local_error);

  if (failed)
    {
      /* The workers still hold batches that point into the text: wait for them. */
      g_atomic_int_set (&shared.stop, 1);
      while (in_flight > 0)
        {
          batch_free (g_async_queue_pop (done));
          in_flight--;
        }
    }

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);

  if (failed)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (scan_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&scan_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
rapport_json_array_foreach (GBytes                *bytes,
                            const char            *entry_name,
                            RapportJsonArrayFunc   func,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  return rapport_json_array_foreach_full (bytes, entry_name, RAPPORT_JSON_TREE_NONE, func,
                                          user_data, cancellable, error);
}

gboolean
rapport_json_array_foreach_full (GBytes                *bytes,
                                 const char            *entry_name,
                                 RapportJsonTreeFlags   flags,
                                 RapportJsonArrayFunc   func,
                                 gpointer               user_data,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  g_auto(RapportJsonArrayIter) iter = { 0 };

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (entry_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_json_array_iter_init (&iter, bytes, entry_name, error))
    return FALSE;

  return read_batches (fill_batch, &iter, iter.data, iter.size, entry_name,
                       (flags & RAPPORT_JSON_TREE_MAPPED) != 0, 0, func, user_data, cancellable,
                       error);
}

gboolean
rapport_json_read_long_array (const RapportJsonLongArray  *array,
                              const char                  *data,
                              gsize                        size,
                              const char                  *entry_name,
                              gboolean                     mapped,
                              RapportJsonArrayFunc         func,
                              gpointer                     user_data,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  Chunks chunks = { array, 0 };

  return read_batches (next_chunk, &chunks, data, size, entry_name, mapped, array->span.offset,
                       func, user_data, cancellable, error);
}

/* The elements of the array @iter stands in, from a stream, handed to @func in order. */
static gboolean
read_stream (RapportJsonStreamIter  *iter,
             guint                   depth,
             RapportJsonArrayFunc    func,
             gpointer                user_data,
             GCancellable           *cancellable,
             GError                **error)
{
  iter->depth = depth;
  return read_batches (fill_stream_batch, iter, NULL, 0, iter->entry_name, FALSE, 0, func,
                       user_data, cancellable, error);
}

gboolean
rapport_json_array_foreach_entry (RapportArchive         *archive,
                                  const char             *entry,
                                  RapportJsonArrayFunc    func,
                                  gpointer                user_data,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  RapportJsonStreamIter iter;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file of a folder is mapped: its pages are read in place and given back once read,
   * where a stream would copy every byte twice. */
  if (rapport_archive_entry_is_file (archive, entry))
    {
      g_autoptr(GBytes) bytes = rapport_archive_read (archive, entry, NULL, error);

      return bytes != NULL &&
             rapport_json_array_foreach_full (bytes, entry, RAPPORT_JSON_TREE_MAPPED, func,
                                              user_data, cancellable, error);
    }

  ok = rapport_json_stream_iter_init (&iter, rapport_archive_open_stream (archive, entry,
                                                                          cancellable),
                                      entry, error) &&
       read_stream (&iter, 0, func, user_data, cancellable, error);
  rapport_json_stream_iter_clear (&iter);
  return ok;
}

gboolean
rapport_json_read_long_array_stream (RapportJsonWindow      *window,
                                     const char             *entry,
                                     guint64                 offset,
                                     guint                   line,
                                     guint                   depth,
                                     RapportJsonArrayFunc    func,
                                     gpointer                user_data,
                                     GCancellable           *cancellable,
                                     GError                **error)
{
  RapportJsonStreamIter iter = { 0 };
  gboolean ok;

  g_return_val_if_fail (window->offset <= offset, FALSE);

  /* The iterator works on the caller's window, which outlives it. */
  iter.window = *window;
  iter.entry_name = entry;
  iter.in_document = TRUE;
  /* The document was read to its end before: the array is there, on its line. */
  ok = rapport_json_window_skip_to (&iter.window, offset, error);
  if (ok)
    {
      iter.window.line = line;
      iter.pos = 1;
      ok = read_stream (&iter, depth, func, user_data, cancellable, error);
    }
  *window = iter.window;
  return ok;
}
