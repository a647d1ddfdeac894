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
};

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

RapportJsonTree *
rapport_json_tree_parse (GBytes                *bytes,
                         const char            *entry_name,
                         gsize                  long_array_bytes,
                         RapportJsonTreeFlags   flags,
                         GError               **error)
{
  g_autoptr(RapportJsonTree) self = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (RapportJsonMember));
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (RapportJsonChunk));
  RapportJsonParser parser = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (entry_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (RapportJsonTree, 1);
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
      return NULL;
    }

  if (rapport_json_parse_value (&parser, &self->root))
    {
      rapport_json_parser_skip_space (&parser);
      if (parser.p == parser.end)
        {
          /* The tree holds copies of everything it needs from the text. */
          if (flags & RAPPORT_JSON_TREE_MAPPED)
            rapport_json_release_pages (self->data, 0, self->size);
          return g_steal_pointer (&self);
        }
      rapport_json_parser_fail (&parser, parser.p, N_("unexpected text after the end"));
    }

  if (parser.too_large)
    {
      g_autofree char *limit = g_format_size (RAPPORT_JSON_TREE_LIMIT);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large to read: its data would take more than %s of memory"),
                   entry_name, limit);
      return NULL;
    }
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), entry_name,
               rapport_json_text_line_at (self->data, self->size, parser.error_at - self->data),
               _(parser.error_reason));
  return NULL;
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
  rapport_json_arena_clear (&self->arena);
  g_array_unref (self->long_arrays);
  g_free (self);
}
