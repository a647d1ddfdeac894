/* rapport-json-tree.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A whole document read as a tree whose long arrays are only scanned, their elements left for
 * rapport_json_tree_foreach() to read in batches.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-json-private.h"

/* How far apart the chunks of a long array start: each is a worker's share. */
#define CHUNK_BYTES (256 << 10)

struct _RapportJsonTree
{
  GBytes *bytes;
  char *entry_name;
  const char *data;
  gsize size;
  gsize long_array_bytes;
  RapportJsonTreeFlags flags;
  RapportJsonArena arena;
  RapportJsonValue root;
  GArray *long_arrays; /* RapportJsonValue */

  /* Read from a stream (rapport_json_tree_parse_entry()): @data is the document without its
   * long arrays, each left as "[]" (a LeftOutArray), and read again from the entry. */
  RapportArchive *archive;
  GArray *left_out; /* LeftOutArray, in the order of the text */
  guint next_left_out;
  /* The stream the last long array was read from, left after its end: the next one after it
   * reads on, where a stream of its own would unpack the entry again up to it. */
  RapportJsonWindow window;
  GCancellable *window_cancellable;
};

typedef struct
{
  gsize at;          /* of its "[]" in the text kept */
  guint64 offset;    /* of the array's '[' in the entry */
  guint64 length;    /* of its text */
  guint line;        /* of its '[' */
  guint lines;       /* the line breaks left out with it */
  guint64 n_elements;
} LeftOutArray;

/* How much of a long array is scanned between two hand-backs of its pages. */
#define RELEASE_STEP (1 << 20)

/* Finds the end of the array at self->p by scanning its elements without building them (each
 * is checked when parsed).  Returns the end, or NULL with the parser's error set. */
static const char *
scan_array (RapportJsonParser *self,
            guint64           *n_elements)
{
  RapportJsonTree *tree = self->tree;
  const char *data = tree->data;
  gsize size = self->end - data;
  gsize start = self->p - data;
  gsize pos = start + 1;
  gsize released = start;
  gboolean mapped = (tree->flags & RAPPORT_JSON_TREE_MAPPED) != 0;
  guint64 count = 0;

  g_array_set_size (self->chunks, 0);

  for (;;)
    {
      RapportJsonScanResult result;
      gsize end = 0;

      pos = rapport_json_skip_space (data, size, pos);
      if (pos >= size)
        break;
      if (data[pos] == ']')
        {
          /* A long array is read again when its elements are asked for. */
          if (mapped && pos + 1 - start > tree->long_array_bytes)
            rapport_json_release_pages (data, released, pos + 1);
          *n_elements = count;
          return data + pos + 1;
        }
      if (count > 0)
        {
          if (data[pos] != ',')
            {
              rapport_json_parser_fail (self, data + pos, N_("a missing “,” or “]”"));
              return NULL;
            }
          pos = rapport_json_skip_space (data, size, pos + 1);
          if (pos >= size)
            break;
        }

      if (self->chunks->len == 0 ||
          pos - g_array_index (self->chunks, RapportJsonChunk, self->chunks->len - 1).offset >=
            CHUNK_BYTES)
        {
          RapportJsonChunk chunk = { pos, count };

          g_array_append_val (self->chunks, chunk);
        }

      result = rapport_json_scan_value (data, size, pos, &end);
      if (result != RAPPORT_JSON_SCAN_OK)
        {
          rapport_json_parser_fail (self,
                                    result == RAPPORT_JSON_SCAN_TRUNCATED ? data + size
                                                                          : data + pos,
                                    rapport_json_scan_reason (result));
          return NULL;
        }
      pos = end;
      count++;

      if (mapped && pos - start > tree->long_array_bytes && pos - released >= RELEASE_STEP)
        released = rapport_json_release_pages (data, released, pos);
    }

  rapport_json_parser_fail (self, data + size, N_("an unexpected end"));
  return NULL;
}

gboolean
rapport_json_parse_array_in_tree (RapportJsonParser *self,
                                  RapportJsonValue  *value)
{
  RapportJsonTree *tree = self->tree;
  const char *start = self->p;
  const char *end;
  guint64 n_elements = 0;
  RapportJsonLongArray *array;
  RapportJsonChunk *chunks;
  gboolean ok;

  if (tree->left_out != NULL && tree->next_left_out < tree->left_out->len)
    {
      const LeftOutArray *left = &g_array_index (tree->left_out, LeftOutArray,
                                                 tree->next_left_out);

      if (left->at == (gsize) (start - tree->data))
        {
          tree->next_left_out++;
          array = rapport_json_arena_alloc (self->arena, sizeof *array);
          memset (array, 0, sizeof *array);
          array->span.offset = left->offset;
          array->span.length = left->length;
          array->depth = self->depth;
          array->line = left->line;
          value->kind = RAPPORT_JSON_LONG_ARRAY;
          value->length = (guint) MIN (left->n_elements, G_MAXUINT);
          value->span = &array->span;
          g_array_append_val (tree->long_arrays, *value);
          self->p = start + 2;
          return TRUE;
        }
    }

  end = scan_array (self, &n_elements);
  if (end == NULL)
    return FALSE;

  if ((gsize) (end - start) <= tree->long_array_bytes)
    {
      /* The arrays inside it are shorter still. */
      self->in_short_array = TRUE;
      ok = rapport_json_parse_array (self, value);
      self->in_short_array = FALSE;
      return ok;
    }

  array = rapport_json_arena_alloc (self->arena, sizeof *array);
  array->span.offset = start - tree->data;
  array->span.length = end - start;
  array->depth = self->depth;
  array->n_chunks = self->chunks->len;
  chunks = rapport_json_arena_alloc (self->arena,
                                     self->chunks->len * sizeof (RapportJsonChunk));
  /* A long array of nothing but spaces has no chunk. */
  if (self->chunks->len > 0)
    memcpy (chunks, self->chunks->data, self->chunks->len * sizeof (RapportJsonChunk));
  array->chunks = chunks;
  value->kind = RAPPORT_JSON_LONG_ARRAY;
  value->length = (guint) MIN (n_elements, G_MAXUINT);
  value->span = &array->span;
  g_array_append_val (tree->long_arrays, *value);
  self->p = end;
  return TRUE;
}

/* The line of @offset of the text read, in the entry: the line breaks of the long arrays left
 * out before it count. */
static guint
tree_line_at (RapportJsonTree *self,
              gsize            offset)
{
  guint line = rapport_json_text_line_at (self->data, self->size, offset);

  for (guint i = 0; self->left_out != NULL && i < self->left_out->len; i++)
    {
      const LeftOutArray *left = &g_array_index (self->left_out, LeftOutArray, i);

      if (left->at >= offset)
        break;
      line += left->lines;
    }
  return line;
}

static RapportJsonTree *
tree_new (GBytes                *bytes,
          const char            *entry_name,
          gsize                  long_array_bytes,
          RapportJsonTreeFlags   flags)
{
  RapportJsonTree *self = g_new0 (RapportJsonTree, 1);

  self->bytes = g_bytes_ref (bytes);
  self->entry_name = g_strdup (entry_name);
  self->data = g_bytes_get_data (bytes, &self->size);
  if (self->data == NULL)
    {
      self->data = "";
      self->size = 0;
    }
  self->long_array_bytes = long_array_bytes;
  self->flags = flags;
  rapport_json_arena_init (&self->arena);
  self->long_arrays = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));
  return self;
}

static gboolean
tree_parse (RapportJsonTree  *self,
            GError          **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (RapportJsonMember));
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (RapportJsonChunk));
  const char *entry_name = self->entry_name;
  RapportJsonParser parser = { 0 };

  parser.p = self->data;
  parser.end = self->data + self->size;
  parser.arena = &self->arena;
  parser.values = values;
  parser.members = members;
  parser.tree = self;
  parser.chunks = chunks;
  parser.budget = RAPPORT_JSON_TREE_LIMIT;

  if (self->size >= 3 && memcmp (parser.p, "\xEF\xBB\xBF", 3) == 0)
    parser.p += 3;
  rapport_json_parser_skip_space (&parser);
  if (parser.p >= parser.end)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: not valid JSON (line %u: %s)"), entry_name, 1u, _("the file is empty"));
      return FALSE;
    }

  if (rapport_json_parse_value (&parser, &self->root))
    {
      rapport_json_parser_skip_space (&parser);
      if (parser.p == parser.end)
        {
          /* The tree holds copies of everything it needs from the text. */
          if (self->flags & RAPPORT_JSON_TREE_MAPPED)
            rapport_json_release_pages (self->data, 0, self->size);
          return TRUE;
        }
      rapport_json_parser_fail (&parser, parser.p, N_("unexpected text after the end"));
    }

  if (parser.too_large)
    {
      g_autofree char *limit = g_format_size (RAPPORT_JSON_TREE_LIMIT);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large to read: its data would take more than %s of memory"),
                   entry_name, limit);
      return FALSE;
    }
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), entry_name,
               tree_line_at (self, parser.error_at - self->data), _(parser.error_reason));
  return FALSE;
}

RapportJsonTree *
rapport_json_tree_parse (GBytes                *bytes,
                         const char            *entry_name,
                         gsize                  long_array_bytes,
                         RapportJsonTreeFlags   flags,
                         GError               **error)
{
  g_autoptr(RapportJsonTree) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (entry_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = tree_new (bytes, entry_name, long_array_bytes, flags);
  if (!tree_parse (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ── a document read from a stream ──────────────────────────────────────────────────────── */

/* An array or object open where the text has come to. */
typedef struct
{
  guint64 start; /* of its '[' or '{' in the entry */
  gsize at;      /* of that in the text kept */
  guint line;
  guint64 commas;
  gboolean has_element;
  gboolean value_ended; /* of an array: an element ended, and no ',' came yet */
  char kind;
} Frame;

/* Copies the document as it streams in, but for its long arrays: each is left as "[]" and noted,
 * its brackets and strings only checked to close, as scan_array() does in memory. */
typedef struct
{
  RapportJsonTree *tree;
  GString *kept;
  GArray *frames; /* Frame */
  gint long_frame; /* of the long array being left out, or -1 */
  gboolean in_string;
  gboolean escaped;
  guint line;
  guint64 offset; /* of the next byte */
} Condenser;

static void
leave_out (Condenser *c,
           guint      index)
{
  g_string_truncate (c->kept, g_array_index (c->frames, Frame, index).at);
  c->long_frame = index;
}

static void
close_long (Condenser   *c,
            const Frame *frame,
            guint64      end)
{
  LeftOutArray left = { c->kept->len, frame->start, end - frame->start, frame->line,
                        c->line - frame->line, frame->commas + (frame->has_element ? 1 : 0) };

  g_array_append_val (c->tree->left_out, left);
  g_string_append (c->kept, "[]");
  c->long_frame = -1;
}

static gboolean
condense_fail (Condenser   *c,
               const char  *reason,
               GError     **error)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), c->tree->entry_name, c->line, _(reason));
  return FALSE;
}

/* A value starts: two elements of an array without a ',' between them are refused. */
static inline gboolean
mark_element (Condenser *c)
{
  Frame *top;

  if (c->frames->len == 0)
    return TRUE;
  top = &g_array_index (c->frames, Frame, c->frames->len - 1);
  top->has_element = TRUE;
  return !top->value_ended;
}

static inline void
end_element (Condenser *c)
{
  Frame *top;

  if (c->frames->len == 0)
    return;
  top = &g_array_index (c->frames, Frame, c->frames->len - 1);
  top->value_ended = top->kind == '[';
}

static gboolean
condense (Condenser   *c,
          const char  *data,
          gsize        n,
          GError     **error)
{
  for (gsize i = 0; i < n; i++)
    {
      char ch = data[i];
      Frame *top;

      if (c->long_frame < 0)
        g_string_append_c (c->kept, ch);
      if (ch == '\n')
        c->line++;

      if (c->in_string)
        {
          if (c->escaped)
            c->escaped = FALSE;
          else if (ch == '\\')
            c->escaped = TRUE;
          else if (ch == '"')
            {
              c->in_string = FALSE;
              end_element (c);
            }
          continue;
        }

      switch (ch)
        {
        case '"':
          c->in_string = TRUE;
          if (!mark_element (c))
            return condense_fail (c, N_("a missing “,” or “]”"), error);
          break;

        case '[':
        case '{':
          {
            Frame frame = { c->offset + i, c->kept->len - 1, c->line, 0, FALSE, FALSE, ch };

            if (c->frames->len >= RAPPORT_JSON_MAX_DEPTH)
              return condense_fail (c, rapport_json_scan_reason (RAPPORT_JSON_SCAN_TOO_DEEP),
                                    error);
            if (!mark_element (c))
              return condense_fail (c, N_("a missing “,” or “]”"), error);
            g_array_append_val (c->frames, frame);
          }
          break;

        case ']':
        case '}':
          /* Text after the document is left for the parser to refuse. */
          if (c->frames->len == 0)
            break;
          top = &g_array_index (c->frames, Frame, c->frames->len - 1);
          if (top->kind != (ch == ']' ? '[' : '{'))
            return condense_fail (c, rapport_json_scan_reason (RAPPORT_JSON_SCAN_MISMATCHED),
                                  error);
          if (ch == ']' && c->long_frame < 0 &&
              c->offset + i + 1 - top->start > c->tree->long_array_bytes)
            leave_out (c, c->frames->len - 1);
          if (c->long_frame == (gint) c->frames->len - 1)
            close_long (c, top, c->offset + i + 1);
          g_array_set_size (c->frames, c->frames->len - 1);
          end_element (c);
          break;

        case ',':
          if (c->frames->len > 0)
            {
              top = &g_array_index (c->frames, Frame, c->frames->len - 1);
              top->commas++;
              top->value_ended = FALSE;
            }
          break;

        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;

        default:
          if (!mark_element (c))
            return condense_fail (c, N_("a missing “,” or “]”"), error);
          break;
        }
    }
  c->offset += n;

  /* The outermost array open that is long already is left out from here on. */
  for (guint i = 0; c->long_frame < 0 && i < c->frames->len; i++)
    {
      const Frame *frame = &g_array_index (c->frames, Frame, i);

      if (frame->kind == '[' && c->offset - frame->start > c->tree->long_array_bytes)
        leave_out (c, i);
    }

  if (c->kept->len > RAPPORT_JSON_TREE_LIMIT)
    {
      g_autofree char *limit = g_format_size (RAPPORT_JSON_TREE_LIMIT);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large to read: its data would take more than %s of memory"),
                   c->tree->entry_name, limit);
      return FALSE;
    }
  return TRUE;
}

RapportJsonTree *
rapport_json_tree_parse_entry (RapportArchive  *archive,
                               const char      *entry,
                               gsize            long_array_bytes,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(RapportArchiveStream) stream = NULL;
  g_autoptr(RapportJsonTree) self = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *chunk = NULL;
  gsize chunk_size = rapport_json_window_chunk_size ();
  Condenser c = { 0 };

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A file of a folder is mapped and read in place, its long arrays from the same pages. */
  if (rapport_archive_entry_is_file (archive, entry))
    {
      g_autoptr(GBytes) bytes = rapport_archive_read (archive, entry, NULL, error);

      if (bytes == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      return rapport_json_tree_parse (bytes, entry, long_array_bytes, RAPPORT_JSON_TREE_MAPPED,
                                      error);
    }

  kept = g_bytes_new_static ("", 0);
  self = tree_new (kept, entry, long_array_bytes, RAPPORT_JSON_TREE_NONE);
  g_clear_pointer (&kept, g_bytes_unref);
  self->left_out = g_array_new (FALSE, FALSE, sizeof (LeftOutArray));

  c.tree = self;
  c.kept = g_string_new (NULL);
  c.frames = frames;
  c.long_frame = -1;
  c.line = 1;

  stream = rapport_archive_open_stream (archive, entry, cancellable);
  chunk = g_malloc (chunk_size);
  for (;;)
    {
      gssize n = rapport_archive_stream_read (stream, chunk, chunk_size, error);

      if (n < 0 || (n > 0 && !condense (&c, chunk, n, error)))
        {
          g_string_free (c.kept, TRUE);
          return NULL;
        }
      if (n == 0)
        break;
    }
  g_clear_pointer (&stream, rapport_archive_stream_free);

  /* An array cut off: its text is not kept, so the parser could not say where. */
  if (c.long_frame >= 0)
    {
      g_string_free (c.kept, TRUE);
      condense_fail (&c, rapport_json_scan_reason (RAPPORT_JSON_SCAN_TRUNCATED), error);
      return NULL;
    }

  g_bytes_unref (self->bytes);
  self->bytes = g_string_free_to_bytes (c.kept);
  self->data = g_bytes_get_data (self->bytes, &self->size);
  if (self->data == NULL)
    self->data = "";
  self->archive = g_object_ref (archive);
  if (!tree_parse (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const RapportJsonValue *
rapport_json_tree_get_root (RapportJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->root;
}

const RapportJsonValue *
rapport_json_tree_get_long_arrays (RapportJsonTree *self,
                                   guint           *n_arrays)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_arrays != NULL, NULL);

  *n_arrays = self->long_arrays->len;
  return (const RapportJsonValue *) self->long_arrays->data;
}

gboolean
rapport_json_tree_foreach (RapportJsonTree         *self,
                           const RapportJsonValue  *array,
                           RapportJsonArrayFunc     func,
                           gpointer                 user_data,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (array != NULL, FALSE);
  g_return_val_if_fail (array->kind == RAPPORT_JSON_ARRAY || array->kind == RAPPORT_JSON_LONG_ARRAY,
                        FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (array->kind == RAPPORT_JSON_ARRAY)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      return array->length == 0 || func (array->elements, array->length, 0, user_data, error);
    }

  if (self->archive != NULL)
    {
      const RapportJsonLongArray *long_array = (const RapportJsonLongArray *) array->span;
      gboolean ok;

      /* Importers mostly ask for the arrays in the order of the text; one before the last is
       * read from a new stream. */
      if (self->window.stream == NULL || self->window.offset > long_array->span.offset ||
          self->window_cancellable != cancellable)
        {
          rapport_json_window_clear (&self->window);
          g_clear_object (&self->window_cancellable);
          rapport_json_window_init (&self->window,
                                    rapport_archive_open_stream (self->archive,
                                                                 self->entry_name, cancellable));
          self->window_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
        }
      ok = rapport_json_read_long_array_stream (&self->window, self->entry_name,
                                                long_array->span.offset, long_array->line,
                                                long_array->depth, func, user_data,
                                                cancellable, error);
      /* A read that stopped part way left the stream anywhere. */
      if (!ok)
        rapport_json_window_clear (&self->window);
      return ok;
    }

  return rapport_json_read_long_array ((const RapportJsonLongArray *) array->span,
                                       self->data, self->size, self->entry_name,
                                       (self->flags & RAPPORT_JSON_TREE_MAPPED) != 0,
                                       func, user_data, cancellable, error);
}

void
rapport_json_tree_free (RapportJsonTree *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->entry_name);
  g_clear_object (&self->archive);
  rapport_json_window_clear (&self->window);
  g_clear_object (&self->window_cancellable);
  g_clear_pointer (&self->left_out, g_array_unref);
  rapport_json_arena_clear (&self->arena);
  g_array_unref (self->long_arrays);
  g_free (self);
}
