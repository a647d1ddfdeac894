/* rapport-json-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the JSON reader share: the byte scanner (rapport-json-scanner.c), the value
 * reader and its arena (rapport-json-value.c), the batches parsed on a thread pool
 * (rapport-json-array.c) and the tree with its long arrays (rapport-json-tree.c).
 */

#pragma once

#include <string.h>

#include <glib/gi18n.h>

#include "import/rapport-archive.h"
#include "import/rapport-json-array.h"

G_BEGIN_DECLS

/* Deeper nesting is refused rather than handed to a recursive parser. */
#define RAPPORT_JSON_MAX_DEPTH 512

typedef enum
{
  RAPPORT_JSON_SCAN_OK,
  RAPPORT_JSON_SCAN_TRUNCATED,
  RAPPORT_JSON_SCAN_TOO_DEEP,
  RAPPORT_JSON_SCAN_MISMATCHED,
  RAPPORT_JSON_SCAN_UNEXPECTED,
} RapportJsonScanResult;

static inline gboolean
rapport_json_is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gsize
rapport_json_skip_space (const char *data,
                         gsize       size,
                         gsize       pos)
{
  while (pos < size && rapport_json_is_space (data[pos]))
    pos++;
  return pos;
}

/* @pos is just after an opening quote; returns the offset just after the closing one, or
 * G_MAXSIZE when the string does not end. */
static inline gsize
rapport_json_skip_string (const char *data,
                          gsize       size,
                          gsize       pos)
{
  while (pos < size)
    {
      const char *quote = memchr (data + pos, '"', size - pos);
      gsize at;
      gsize backslashes = 0;

      if (quote == NULL)
        return G_MAXSIZE;

      /* A quote preceded by an odd number of backslashes is escaped.  The opening quote stops
       * the walk back, so it never leaves the string. */
      at = quote - data;
      while (data[at - 1 - backslashes] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        return at + 1;
      pos = at + 1;
    }

  return G_MAXSIZE;
}

/* rapport-json-scanner.c */

/* Finds the end of the value at @pos without building it: brackets and strings must close. */
RapportJsonScanResult rapport_json_scan_value    (const char *data,
                                                  gsize       size,
                                                  gsize       pos,
                                                  gsize      *end);
/* What went wrong, for messages ("an unexpected end"); untranslated, NULL for SCAN_OK. */
const char           *rapport_json_scan_reason   (RapportJsonScanResult result);
/* The 1-based line of @offset in @data. */
guint                 rapport_json_text_line_at  (const char *data,
                                                  gsize       size,
                                                  gsize       offset);

/* The errors of the scanner, shared by the text in memory and the stream: @count elements were
 * read before the one that failed at @line. */
void                  rapport_json_set_scan_error (GError               **error,
                                                   const char            *entry_name,
                                                   guint64                count,
                                                   guint                  line,
                                                   RapportJsonScanResult  result);
void                  rapport_json_set_after_error (GError              **error,
                                                    const char           *entry_name,
                                                    guint                 line);
/* What a list must start with: FALSE with @error set when the text at @pos is not '['. */
gboolean              rapport_json_check_list_start (const char  *data,
                                                     gsize        size,
                                                     gsize        pos,
                                                     const char  *entry_name,
                                                     guint        line,
                                                     GError     **error);

/* rapport-json-window.c */

/* A window onto an entry read as a stream: the text from @offset on that is still needed. */
typedef struct
{
  RapportArchiveStream *stream;
  char *data;
  gsize len;
  gsize alloc;
  guint64 offset; /* of data[0] in the entry */
  guint line;     /* of data[0] */
  gboolean eof;
} RapportJsonWindow;

/* The elements of an array of a window, found by the scanner as the text comes in. */
typedef struct
{
  RapportJsonWindow window;
  const char *entry_name;
  gsize pos; /* in the window */
  guint64 count;
  guint depth; /* of the array in its document */
  gboolean finished;
  /* A long array inside a document: what follows its ']' is the document's. */
  gboolean in_document;
} RapportJsonStreamIter;

/* How much is read from the stream at once; tests make it tiny. */
gsize    rapport_json_window_chunk_size (void);
void     rapport_json_window_init   (RapportJsonWindow      *window,
                                     RapportArchiveStream   *stream);
void     rapport_json_window_clear  (RapportJsonWindow      *window);
/* Reads at least @want more bytes unless the entry ends first. */
gboolean rapport_json_window_fill   (RapportJsonWindow      *window,
                                     gsize                   want,
                                     GError                **error);
/* Forgets the text before @upto, counting its lines. */
void     rapport_json_window_drop   (RapportJsonWindow      *window,
                                     gsize                   upto);
/* Reads and forgets the text up to @offset of the entry. */
gboolean rapport_json_window_skip_to (RapportJsonWindow     *window,
                                      guint64                offset,
                                      GError               **error);
guint    rapport_json_window_line_at (RapportJsonWindow     *window,
                                      gsize                  pos);

/* On the array's '[' at the start of @window (after a byte order mark and a script's
 * assignment, at the top level). */
gboolean rapport_json_stream_iter_init (RapportJsonStreamIter  *iter,
                                        RapportArchiveStream   *stream,
                                        const char             *entry_name,
                                        GError                **error);
/* As rapport_json_array_iter_next(); @span is in the window, until the next drop. */
gboolean rapport_json_stream_iter_next (RapportJsonStreamIter  *iter,
                                        RapportJsonSpan        *span,
                                        GError                **error);
void     rapport_json_stream_iter_drop (RapportJsonStreamIter  *iter,
                                        gsize                   upto);
void     rapport_json_stream_iter_clear (RapportJsonStreamIter *iter);

/* rapport-json-value.c */

/* The tree of a batch or a document lives in a few large blocks, freed together. */
typedef struct
{
  GPtrArray *blocks;
  char *cursor;
  gsize left;
} RapportJsonArena;

#define RAPPORT_JSON_ARENA_BLOCK_SIZE (256 << 10)

void     rapport_json_arena_init  (RapportJsonArena *arena);
void     rapport_json_arena_clear (RapportJsonArena *arena);
/* @size bytes (a multiple of 8) from a new block, which the arena then allocates from. */
gpointer rapport_json_arena_grow  (RapportJsonArena *arena,
                                   gsize             size);

/* Inline: every string and number of a tree is allocated here. */
static inline gpointer
rapport_json_arena_alloc (RapportJsonArena *arena,
                          gsize             size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    return rapport_json_arena_grow (arena, size);

  memory = arena->cursor;
  arena->cursor += size;
  arena->left -= size;
  return memory;
}

typedef struct
{
  const char *p;
  const char *end;
  RapportJsonArena *arena;
  GArray *values;  /* RapportJsonValue: elements of the arrays being read */
  GArray *members; /* RapportJsonMember: members of the objects being read */
  guint depth;
  const char *error_at;
  const char *error_reason;
  /* Reading a whole document (rapport_json_tree_parse()): long arrays are left unread. */
  RapportJsonTree *tree;
  gboolean in_short_array;
  GArray *chunks; /* RapportJsonChunk, of the array being scanned */
  /* What the tree may still take, in bytes (RAPPORT_JSON_TREE_LIMIT or _BATCH_LIMIT); past it
   * the parse fails with @too_large set. */
  gsize budget;
  gboolean too_large;
} RapportJsonParser;

/* Notes where and why (an untranslated reason) the text is not valid JSON; returns FALSE. */
gboolean rapport_json_parser_fail (RapportJsonParser *self,
                                   const char        *at,
                                   const char        *reason);

/* Takes @size bytes of the budget, or fails at @at when there are not that many left. */
static inline gboolean
rapport_json_parser_charge (RapportJsonParser *self,
                            gsize              size,
                            const char        *at)
{
  if (size > self->budget)
    {
      self->too_large = TRUE;
      return rapport_json_parser_fail (self, at, N_("more data than can be read"));
    }
  self->budget -= size;
  return TRUE;
}

static inline void
rapport_json_parser_skip_space (RapportJsonParser *self)
{
  while (self->p < self->end && rapport_json_is_space (*self->p))
    self->p++;
}

/* Reads the value at self->p (after spaces) into the arena and moves past it. */
gboolean rapport_json_parse_value (RapportJsonParser *self,
                                   RapportJsonValue  *value);
/* Reads the array at self->p (on its opening bracket), elements and all. */
gboolean rapport_json_parse_array (RapportJsonParser *self,
                                   RapportJsonValue  *value);

/* rapport-json-tree.c */

/* Where the elements of a long array start, every CHUNK_BYTES or so, noted while scanning it:
 * each chunk is then parsed on a worker without scanning it again. */
typedef struct
{
  gsize offset;  /* of the chunk's first element */
  guint64 index; /* of that element in the array */
} RapportJsonChunk;

typedef struct
{
  RapportJsonSpan span; /* first: what RapportJsonValue.span points to */
  guint depth;          /* of the array in the document, so its elements nest no deeper */
  guint n_chunks;
  const RapportJsonChunk *chunks;
  /* Of a tree read from a stream: the line of its '[' in the entry, read again from there. */
  guint line;
} RapportJsonLongArray;

/* In a tree an array is scanned first: a short one is then built, a long one left for
 * rapport_json_tree_foreach(). */
gboolean rapport_json_parse_array_in_tree (RapportJsonParser *self,
                                           RapportJsonValue  *value);

/* rapport-json-array.c */

/* The elements of @array, a long array of the text @data, parsed in batches on a thread pool
 * and handed to @func in order; with @mapped the pages behind them are handed back. */
gboolean rapport_json_read_long_array (const RapportJsonLongArray  *array,
                                       const char                  *data,
                                       gsize                        size,
                                       const char                  *entry_name,
                                       gboolean                     mapped,
                                       RapportJsonArrayFunc         func,
                                       gpointer                     user_data,
                                       GCancellable                *cancellable,
                                       GError                     **error);

/* The elements of the array at @offset (its '[', on @line) of @entry, read from @window, a
 * stream of the entry at or before @offset, in batches as rapport_json_read_long_array()
 * does.  The window is left after the array's end, for an array after it. */
gboolean rapport_json_read_long_array_stream (RapportJsonWindow      *window,
                                              const char             *entry,
                                              guint64                 offset,
                                              guint                   line,
                                              guint                   depth,
                                              RapportJsonArrayFunc    func,
                                              gpointer                user_data,
                                              GCancellable           *cancellable,
                                              GError                **error);

G_END_DECLS
