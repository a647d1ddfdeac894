/* rapport-json-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sliding window onto an entry read as a stream (rapport_archive_open_stream()), and the
 * scanner's walk over the elements of an array in it: the text comes in chunk by chunk, an
 * element cut by the end of the window is scanned again once more text is in, and the text
 * behind is forgotten.  Whatever the size of the entry, the window holds about a batch.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-json-private.h"

/* How much is read from the stream at once. */
#define WINDOW_CHUNK (256 << 10)

/* A byte order mark and a script's assignment ("window.YTD.tweets.part0 = ") come before the
 * array; text without any of '[', '{' or '=' this far in holds no array. */
#define PREFIX_BYTES (64 << 10)

static gsize chunk_size = WINDOW_CHUNK;

/* For tests: a tiny chunk puts a chunk's end at every offset of an element. */
void rapport_json_window_set_chunk_size_for_tests (gsize size);

void
rapport_json_window_set_chunk_size_for_tests (gsize size)
{
  chunk_size = size > 0 ? size : WINDOW_CHUNK;
}

gsize
rapport_json_window_chunk_size (void)
{
  return chunk_size;
}

void
rapport_json_window_init (RapportJsonWindow    *window,
                          RapportArchiveStream *stream)
{
  memset (window, 0, sizeof *window);
  window->stream = stream;
  window->line = 1;
}

void
rapport_json_window_clear (RapportJsonWindow *window)
{
  g_clear_pointer (&window->data, g_free);
  g_clear_pointer (&window->stream, rapport_archive_stream_free);
  window->len = window->alloc = 0;
}

gboolean
rapport_json_window_fill (RapportJsonWindow  *window,
                          gsize               want,
                          GError            **error)
{
  gsize got = 0;

  want = MAX (want, chunk_size);
  while (got < want && !window->eof)
    {
      gsize read_size = MIN (want - got, MAX (chunk_size, (gsize) 64 << 10));
      gssize n;

      if (window->len + read_size > window->alloc)
        {
          window->alloc = MAX (window->alloc * 2, window->len + read_size);
          window->data = g_realloc (window->data, window->alloc);
        }
      /* A tiny chunk for tests reads that little at a time. */
      read_size = MIN (read_size, chunk_size);
      n = rapport_archive_stream_read (window->stream, window->data + window->len, read_size,
                                       error);
      if (n < 0)
        return FALSE;
      window->eof = n == 0;
      window->len += n;
      got += n;
    }
  return TRUE;
}

void
rapport_json_window_drop (RapportJsonWindow *window,
                          gsize              upto)
{
  g_assert (upto <= window->len);

  window->line += rapport_json_text_line_at (window->data, window->len, upto) - 1;
  memmove (window->data, window->data + upto, window->len - upto);
  window->len -= upto;
  window->offset += upto;
}

gboolean
rapport_json_window_skip_to (RapportJsonWindow  *window,
                             guint64             offset,
                             GError            **error)
{
  while (window->offset + window->len < offset)
    {
      window->offset += window->len;
      window->len = 0;
      if (window->eof)
        break;
      if (!rapport_json_window_fill (window, MIN (offset - window->offset, (guint64) 4 << 20),
                                     error))
        return FALSE;
    }
  if (window->offset + window->len >= offset)
    {
      gsize upto = offset - window->offset;

      /* An empty window may have no buffer yet. */
      if (upto > 0)
        memmove (window->data, window->data + upto, window->len - upto);
      window->len -= upto;
      window->offset = offset;
    }
  return TRUE;
}

guint
rapport_json_window_line_at (RapportJsonWindow *window,
                             gsize              pos)
{
  return window->line + rapport_json_text_line_at (window->data, window->len, pos) - 1;
}

/* The first byte that is not a space at or after @pos, reading more as needed: @pos is the
 * window's length at the end of the entry, G_MAXSIZE on an error. */
static gsize
skip_space (RapportJsonStreamIter  *iter,
            gsize                   pos,
            GError                **error)
{
  RapportJsonWindow *window = &iter->window;

  for (;;)
    {
      pos = rapport_json_skip_space (window->data, window->len, pos);
      if (pos < window->len || window->eof)
        return pos;
      if (!rapport_json_window_fill (window, 0, error))
        return G_MAXSIZE;
    }
}

gboolean
rapport_json_stream_iter_init (RapportJsonStreamIter  *iter,
                               RapportArchiveStream   *stream,
                               const char             *entry_name,
                               GError                **error)
{
  RapportJsonWindow *window = &iter->window;
  gsize pos;

  memset (iter, 0, sizeof *iter);
  rapport_json_window_init (window, stream);
  iter->entry_name = entry_name;
  iter->finished = TRUE;

  /* Enough of the start to see where the prefix ends. */
  for (;;)
    {
      if (!rapport_json_window_fill (window, 0, error))
        return FALSE;
      if (window->eof || window->len >= PREFIX_BYTES)
        break;
      if (memchr (window->data, '[', window->len) || memchr (window->data, '{', window->len) ||
          memchr (window->data, '=', window->len))
        break;
    }

  pos = rapport_json_skip_js_prefix (window->data, window->len);
  if ((pos = skip_space (iter, pos, error)) == G_MAXSIZE)
    return FALSE;
  if (!rapport_json_check_list_start (window->data, window->len, pos, entry_name,
                                      rapport_json_window_line_at (window, pos), error))
    return FALSE;

  iter->pos = pos + 1;
  iter->finished = FALSE;
  return TRUE;
}

static gboolean
fail_at (RapportJsonStreamIter   *iter,
         gsize                    pos,
         RapportJsonScanResult    result,
         GError                 **error)
{
  iter->finished = TRUE;
  rapport_json_set_scan_error (error, iter->entry_name, iter->count,
                               rapport_json_window_line_at (&iter->window, pos), result);
  return FALSE;
}

/* The end of the list: a top-level one may be followed by a script's ';' and nothing else. */
static gboolean
close_list (RapportJsonStreamIter  *iter,
            gsize                   pos,
            GError                **error)
{
  RapportJsonWindow *window = &iter->window;

  iter->finished = TRUE;
  iter->pos = pos + 1;
  if (iter->in_document)
    return FALSE;

  if ((pos = skip_space (iter, pos + 1, error)) == G_MAXSIZE)
    return FALSE;
  if (pos < window->len && window->data[pos] == ';' &&
      (pos = skip_space (iter, pos + 1, error)) == G_MAXSIZE)
    return FALSE;
  if (pos < window->len)
    rapport_json_set_after_error (error, iter->entry_name,
                                  rapport_json_window_line_at (window, pos));
  return FALSE;
}

gboolean
rapport_json_stream_iter_next (RapportJsonStreamIter  *iter,
                               RapportJsonSpan        *span,
                               GError                **error)
{
  RapportJsonWindow *window = &iter->window;
  RapportJsonScanResult result;
  gsize pos;
  gsize end = 0;

  if (iter->finished)
    return FALSE;

  if ((pos = skip_space (iter, iter->pos, error)) == G_MAXSIZE)
    return (iter->finished = TRUE, FALSE);
  if (pos >= window->len)
    return fail_at (iter, pos, RAPPORT_JSON_SCAN_TRUNCATED, error);

  if (window->data[pos] == ']')
    return close_list (iter, pos, error);
  if (iter->count > 0)
    {
      if (window->data[pos] != ',')
        return fail_at (iter, pos, RAPPORT_JSON_SCAN_UNEXPECTED, error);
      if ((pos = skip_space (iter, pos + 1, error)) == G_MAXSIZE)
        return (iter->finished = TRUE, FALSE);
      if (pos >= window->len)
        return fail_at (iter, pos, RAPPORT_JSON_SCAN_TRUNCATED, error);
    }

  /* An element cut by the window's end is scanned again with twice as much text. */
  while ((result = rapport_json_scan_value (window->data, window->len, pos, &end)) ==
           RAPPORT_JSON_SCAN_TRUNCATED && !window->eof)
    {
      if (window->len - pos > RAPPORT_JSON_BATCH_LIMIT)
        {
          g_autofree char *limit = g_format_size (RAPPORT_JSON_BATCH_LIMIT);

          iter->finished = TRUE;
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                       _("%s: item %'" PRIu64 " is too large to read: its data would "
                         "take more than %s of memory"),
                       iter->entry_name, iter->count + 1, limit);
          return FALSE;
        }
      if (!rapport_json_window_fill (window, window->len - pos, error))
        return (iter->finished = TRUE, FALSE);
    }
  if (result != RAPPORT_JSON_SCAN_OK)
    return fail_at (iter, pos, result, error);

  span->offset = pos;
  span->length = end - pos;
  iter->pos = end;
  iter->count++;
  return TRUE;
}

void
rapport_json_stream_iter_drop (RapportJsonStreamIter *iter,
                               gsize                  upto)
{
  g_assert (upto <= iter->pos);

  rapport_json_window_drop (&iter->window, upto);
  iter->pos -= upto;
}

void
rapport_json_stream_iter_clear (RapportJsonStreamIter *iter)
{
  rapport_json_window_clear (&iter->window);
  iter->finished = TRUE;
}
