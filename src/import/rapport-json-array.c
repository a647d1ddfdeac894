/* rapport-json-array.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <glib/gi18n.h>

#include "core/rapport-numbers.h"
#include "core/rapport-records.h"
#include "core/rapport-import-error.h"
#include "import/rapport-json-array.h"

/* Deeper nesting is refused rather than handed to a recursive parser. */
#define MAX_DEPTH 512

/* A batch closes at whichever comes first.  Its tree takes two to three times its text, so the
 * few batches in flight stay within a small multiple of BATCH_BYTES. */
#define BATCH_ELEMENTS 2000
#define BATCH_BYTES (2 << 20)

typedef enum
{
  SCAN_OK,
  SCAN_TRUNCATED,
  SCAN_TOO_DEEP,
  SCAN_MISMATCHED,
  SCAN_UNEXPECTED,
} ScanResult;

/* Bytes that change the scanner's state inside an array or object. */
static const guint8 structural[256] = {
  ['"'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
};

/* Bytes that end a number, true, false or null. */
static const guint8 scalar_end[256] = {
  [','] = 1, [']'] = 1, ['}'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gsize
skip_space (const char *data,
            gsize       size,
            gsize       pos)
{
  while (pos < size && is_space (data[pos]))
    pos++;
  return pos;
}

/* @pos is just after an opening quote; returns the offset just after the closing one, or
 * G_MAXSIZE when the string does not end. */
static inline gsize
skip_string (const char *data,
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

static ScanResult
scan_value (const char *data,
            gsize       size,
            gsize       pos,
            gsize      *end)
{
  char stack[MAX_DEPTH];
  guint depth = 0;
  gsize start = pos;

  g_assert (pos < size);

  if (data[pos] == '"')
    {
      pos = skip_string (data, size, pos + 1);
      if (pos == G_MAXSIZE)
        return SCAN_TRUNCATED;
      *end = pos;
      return SCAN_OK;
    }

  if (data[pos] != '[' && data[pos] != '{')
    {
      while (pos < size && !scalar_end[(guchar) data[pos]])
        pos++;
      if (pos == start)
        return SCAN_UNEXPECTED;
      /* A scalar that runs into the end of the text may itself be cut short. */
      if (pos >= size)
        return SCAN_TRUNCATED;
      *end = pos;
      return SCAN_OK;
    }

  while (pos < size)
    {
      char c;

      while (pos < size && !structural[(guchar) data[pos]])
        pos++;
      if (pos >= size)
        break;

      c = data[pos];
      if (c == '"')
        {
          pos = skip_string (data, size, pos + 1);
          if (pos == G_MAXSIZE)
            return SCAN_TRUNCATED;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (depth == MAX_DEPTH)
            return SCAN_TOO_DEEP;
          stack[depth++] = c;
        }
      else
        {
          if (stack[depth - 1] != (c == ']' ? '[' : '{'))
            return SCAN_MISMATCHED;
          if (--depth == 0)
            {
              *end = pos + 1;
              return SCAN_OK;
            }
        }
      pos++;
    }

  return SCAN_TRUNCATED;
}

gsize
rapport_json_skip_js_prefix (const char *data,
                             gsize       size)
{
  gsize start = 0;
  gsize pos;

  g_return_val_if_fail (data != NULL || size == 0, 0);

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;

  /* Only an '=' before the JSON text opens counts: one inside the data is content. */
  for (pos = start; pos < size; pos++)
    {
      if (data[pos] == '[' || data[pos] == '{')
        break;
      if (data[pos] == '=')
        return pos + 1;
    }

  return start;
}

GBytes *
rapport_json_strip_js_prefix (GBytes *bytes)
{
  const char *data;
  gsize size;
  gsize start;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  start = rapport_json_skip_js_prefix (data, size);
  return g_bytes_new_from_bytes (bytes, start, size - start);
}

static guint
line_at (const char *data,
         gsize       size,
         gsize       offset)
{
  const char *p = data;
  const char *end = data + MIN (offset, size);
  guint line = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

/* Hands the whole pages of @data between @from and @to back to the system.  @data must map a
 * file read-only: touching the pages again reads them from the file.  Returns where the next
 * release starts. */
static gsize
release_pages (const char *data,
               gsize       from,
               gsize       to)
{
#if defined(__linux__) && defined(MADV_DONTNEED)
  uintptr_t page = (uintptr_t) sysconf (_SC_PAGESIZE);
  uintptr_t start = ((uintptr_t) (data + from) + page - 1) & ~(page - 1);
  uintptr_t end = (uintptr_t) (data + to) & ~(page - 1);

  if (end <= start)
    return from;
  madvise ((void *) start, end - start, MADV_DONTNEED);
  return end - (uintptr_t) data;
#else
  return to;
#endif
}

guint
rapport_json_line_at (GBytes *bytes,
                      gsize   offset)
{
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, 0);

  data = g_bytes_get_data (bytes, &size);
  return line_at (data, size, offset);
}

gboolean
rapport_json_array_iter_init (RapportJsonArrayIter  *iter,
                              GBytes                *bytes,
                              const char            *entry_name,
                              GError               **error)
{
  gsize pos;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (entry_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (iter, 0, sizeof *iter);
  iter->bytes = g_bytes_ref (bytes);
  iter->entry_name = g_strdup (entry_name);
  iter->data = g_bytes_get_data (bytes, &iter->size);

  pos = rapport_json_skip_js_prefix (iter->data, iter->size);
  pos = skip_space (iter->data, iter->size, pos);

  if (pos >= iter->size)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file is empty"), entry_name);
      return FALSE;
    }

  if (iter->data[pos] == '{')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: a list was expected, but the file holds a single object (line %u)"),
                   entry_name, line_at (iter->data, iter->size, pos));
      return FALSE;
    }

  if (iter->data[pos] != '[')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: a list was expected, but the file starts with something else (line %u)"),
                   entry_name, line_at (iter->data, iter->size, pos));
      return FALSE;
    }

  iter->pos = pos + 1;
  return TRUE;
}

static void
set_truncated_error (RapportJsonArrayIter  *iter,
                     GError               **error)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: the list is cut off after %'" PRIu64 " item (the file is incomplete)",
                            "%s: the list is cut off after %'" PRIu64 " items (the file is incomplete)",
                            iter->count),
               iter->entry_name, iter->count);
}

static gboolean
fail_at (RapportJsonArrayIter  *iter,
         gsize                  pos,
         ScanResult             result,
         GError               **error)
{
  guint line = line_at (iter->data, iter->size, pos);
  guint64 item = iter->count + 1;

  iter->finished = TRUE;

  switch (result)
    {
    case SCAN_TRUNCATED:
      set_truncated_error (iter, error);
      break;

    case SCAN_TOO_DEEP:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: item %'" PRIu64 " (line %u) is nested too deeply"),
                   iter->entry_name, item, line);
      break;

    case SCAN_MISMATCHED:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: item %'" PRIu64 " (line %u) has mismatched brackets"),
                   iter->entry_name, item, line);
      break;

    case SCAN_UNEXPECTED:
    case SCAN_OK:
    default:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: unexpected text where item %'" PRIu64 " should be (line %u)"),
                   iter->entry_name, item, line);
      break;
    }

  return FALSE;
}

gboolean
rapport_json_array_iter_next (RapportJsonArrayIter  *iter,
                              RapportJsonSpan       *span,
                              GError               **error)
{
  const char *data;
  gsize size;
  gsize pos;
  gsize end = 0;
  ScanResult result;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (iter->finished)
    return FALSE;

  data = iter->data;
  size = iter->size;
  pos = skip_space (data, size, iter->pos);

  if (pos >= size)
    {
      iter->finished = TRUE;
      set_truncated_error (iter, error);
      return FALSE;
    }

  if (data[pos] == ']' && iter->count == 0)
    goto closed;

  if (iter->count > 0)
    {
      if (data[pos] == ']')
        goto closed;
      if (data[pos] != ',')
        return fail_at (iter, pos, SCAN_UNEXPECTED, error);
      pos = skip_space (data, size, pos + 1);
      if (pos >= size)
        return fail_at (iter, pos, SCAN_TRUNCATED, error);
    }

  result = scan_value (data, size, pos, &end);
  if (result != SCAN_OK)
    return fail_at (iter, pos, result, error);

  span->offset = pos;
  span->length = end - pos;
  iter->pos = end;
  iter->count++;
  return TRUE;

closed:
  iter->finished = TRUE;
  /* A script may end its statement with ';'. */
  pos = skip_space (data, size, pos + 1);
  if (pos < size && data[pos] == ';')
    pos = skip_space (data, size, pos + 1);
  if (pos < size)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: unexpected text after the end of the list (line %u)"),
                   iter->entry_name, line_at (data, size, pos));
      return FALSE;
    }
  return FALSE;
}

guint64
rapport_json_array_iter_get_count (RapportJsonArrayIter *iter)
{
  g_return_val_if_fail (iter != NULL, 0);

  return iter->count;
}

void
rapport_json_array_iter_clear (RapportJsonArrayIter *iter)
{
  g_return_if_fail (iter != NULL);

  g_clear_pointer (&iter->bytes, g_bytes_unref);
  g_clear_pointer (&iter->entry_name, g_free);
  iter->data = NULL;
  iter->size = 0;
  iter->finished = TRUE;
}

/* The tree of a batch lives in a few large blocks, freed together. */
#define ARENA_BLOCK_SIZE (256 << 10)

typedef struct
{
  GPtrArray *blocks;
  char *cursor;
  gsize left;
} Arena;

static void
arena_init (Arena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->cursor = NULL;
  arena->left = 0;
}

static void
arena_clear (Arena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  arena->cursor = NULL;
  arena->left = 0;
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize block_size = MAX (size, ARENA_BLOCK_SIZE);

      arena->cursor = g_malloc (block_size);
      arena->left = block_size;
      g_ptr_array_add (arena->blocks, arena->cursor);
    }

  memory = arena->cursor;
  arena->cursor += size;
  arena->left -= size;
  return memory;
}

/* Where the elements of a long array start, every CHUNK_BYTES or so, noted while scanning it:
 * each chunk is then parsed on a worker without scanning it again. */
#define CHUNK_BYTES (256 << 10)

typedef struct
{
  gsize offset;  /* of the chunk's first element */
  guint64 index; /* of that element in the array */
} Chunk;

typedef struct
{
  RapportJsonSpan span; /* first: what RapportJsonValue.span points to */
  guint depth;          /* of the array in the document, so its elements nest no deeper */
  guint n_chunks;
  const Chunk *chunks;
} LongArray;

struct _RapportJsonTree
{
  GBytes *bytes;
  char *entry_name;
  const char *data;
  gsize size;
  gsize long_array_bytes;
  RapportJsonTreeFlags flags;
  Arena arena;
  RapportJsonValue root;
  GArray *long_arrays; /* RapportJsonValue */
};

typedef struct
{
  const char *p;
  const char *end;
  Arena *arena;
  GArray *values;  /* RapportJsonValue: elements of the arrays being read */
  GArray *members; /* RapportJsonMember: members of the objects being read */
  guint depth;
  const char *error_at;
  const char *error_reason;
  /* Reading a whole document (rapport_json_tree_parse()): long arrays are left unread. */
  RapportJsonTree *tree;
  gboolean in_short_array;
  GArray *chunks; /* Chunk, of the array being scanned */
} Parser;

static gboolean
parser_fail (Parser     *self,
             const char *at,
             const char *reason)
{
  self->error_at = at;
  self->error_reason = reason;
  return FALSE;
}

static inline void
parser_skip_space (Parser *self)
{
  while (self->p < self->end && is_space (*self->p))
    self->p++;
}

static gboolean parse_value (Parser           *self,
                             RapportJsonValue *value);
static gboolean parse_array_in_tree (Parser           *self,
                                     RapportJsonValue *value);

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Reads the string at self->p (on its opening quote) into the arena, unescaped. */
static gboolean
parse_string (Parser      *self,
              const char **text,
              guint       *length)
{
  const char *start = self->p + 1;
  const char *close;
  const char *p;
  char *out;
  char *q;
  gboolean high = FALSE;
  gsize stop;

  stop = skip_string (self->p, self->end - self->p, 1);
  if (stop == G_MAXSIZE)
    return parser_fail (self, self->p, N_("a text that never ends"));
  close = self->p + stop - 1;

  /* Unescaping never makes a string longer. */
  out = q = arena_alloc (self->arena, close - start + 1);
  for (p = start; p < close; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '\\')
        {
          high |= c >= 0x80;
          *q++ = (char) c;
          continue;
        }

      if (c < 0x20)
        return parser_fail (self, p, N_("a control character inside a text"));

      /* A backslash: the scanner already made sure something follows it. */
      p++;
      switch (*p)
        {
        case '"': *q++ = '"'; break;
        case '\\': *q++ = '\\'; break;
        case '/': *q++ = '/'; break;
        case 'b': *q++ = '\b'; break;
        case 'f': *q++ = '\f'; break;
        case 'n': *q++ = '\n'; break;
        case 'r': *q++ = '\r'; break;
        case 't': *q++ = '\t'; break;
        case 'u':
          {
            gunichar ch;
            gunichar low;

            if (!read_hex4 (p + 1, close, &ch))
              return parser_fail (self, p - 1, N_("a broken \\u escape"));
            p += 4;

            if (ch >= 0xD800 && ch <= 0xDBFF && close - p >= 7 && p[1] == '\\' && p[2] == 'u' &&
                read_hex4 (p + 3, close, &low) && low >= 0xDC00 && low <= 0xDFFF)
              {
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            /* A lone surrogate or NUL cannot be held in a C string of UTF-8. */
            if ((ch >= 0xD800 && ch <= 0xDFFF) || ch == 0)
              ch = 0xFFFD;
            /* Six bytes of escape always make room for at most four of UTF-8. */
            q += g_unichar_to_utf8 (ch, q);
          }
          break;
        default:
          return parser_fail (self, p - 1, N_("an unknown escape"));
        }
    }
  *q = '\0';

  if (high && !g_utf8_validate_len (out, q - out, NULL))
    return parser_fail (self, self->p, N_("text that is not UTF-8"));

  *text = out;
  *length = q - out;
  self->p = close + 1;
  return TRUE;
}

static gboolean
parse_number (Parser           *self,
              RapportJsonValue *value)
{
  const char *start = self->p;
  const char *p = start;
  const char *end = self->end;
  char *text;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return parser_fail (self, start, N_("a broken number"));

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return parser_fail (self, start, N_("a broken number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return parser_fail (self, start, N_("a broken number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  text = arena_alloc (self->arena, p - start + 1);
  memcpy (text, start, p - start);
  text[p - start] = '\0';

  value->kind = RAPPORT_JSON_NUMBER;
  value->length = p - start;
  value->text = text;
  self->p = p;
  return TRUE;
}

static gboolean
parse_literal (Parser           *self,
               const char       *word,
               RapportJsonKind   kind,
               guint             length,
               RapportJsonValue *value)
{
  gsize len = strlen (word);

  if ((gsize) (self->end - self->p) < len || memcmp (self->p, word, len) != 0)
    return parser_fail (self, self->p, N_("an unexpected character"));

  value->kind = kind;
  value->length = length;
  value->text = NULL;
  self->p += len;
  return TRUE;
}

static gboolean
parse_array (Parser           *self,
             RapportJsonValue *value)
{
  guint base = self->values->len;
  RapportJsonValue *elements;
  guint n;

  self->p++;
  parser_skip_space (self);
  if (self->p < self->end && *self->p == ']')
    self->p++;
  else
    for (;;)
      {
        RapportJsonValue element;

        if (!parse_value (self, &element))
          return FALSE;
        g_array_append_val (self->values, element);

        parser_skip_space (self);
        if (self->p < self->end && *self->p == ',')
          {
            self->p++;
            continue;
          }
        if (self->p < self->end && *self->p == ']')
          {
            self->p++;
            break;
          }
        return parser_fail (self, self->p, N_("a missing “,” or “]”"));
      }

  n = self->values->len - base;
  elements = NULL;
  if (n > 0)
    {
      elements = arena_alloc (self->arena, n * sizeof (RapportJsonValue));
      memcpy (elements, &g_array_index (self->values, RapportJsonValue, base),
              n * sizeof (RapportJsonValue));
      g_array_set_size (self->values, base);
    }

  value->kind = RAPPORT_JSON_ARRAY;
  value->length = n;
  value->elements = elements;
  return TRUE;
}

static gboolean
parse_object (Parser           *self,
              RapportJsonValue *value)
{
  guint base = self->members->len;
  RapportJsonMember *members;
  guint n;

  self->p++;
  parser_skip_space (self);
  if (self->p < self->end && *self->p == '}')
    self->p++;
  else
    for (;;)
      {
        RapportJsonMember member;
        guint name_length;

        parser_skip_space (self);
        if (self->p >= self->end || *self->p != '"')
          return parser_fail (self, self->p, N_("a missing member name"));
        if (!parse_string (self, &member.name, &name_length))
          return FALSE;

        parser_skip_space (self);
        if (self->p >= self->end || *self->p != ':')
          return parser_fail (self, self->p, N_("a missing “:”"));
        self->p++;

        if (!parse_value (self, &member.value))
          return FALSE;
        g_array_append_val (self->members, member);

        parser_skip_space (self);
        if (self->p < self->end && *self->p == ',')
          {
            self->p++;
            continue;
          }
        if (self->p < self->end && *self->p == '}')
          {
            self->p++;
            break;
          }
        return parser_fail (self, self->p, N_("a missing “,” or “}”"));
      }

  n = self->members->len - base;
  members = NULL;
  if (n > 0)
    {
      members = arena_alloc (self->arena, n * sizeof (RapportJsonMember));
      memcpy (members, &g_array_index (self->members, RapportJsonMember, base),
              n * sizeof (RapportJsonMember));
      g_array_set_size (self->members, base);
    }

  value->kind = RAPPORT_JSON_OBJECT;
  value->length = n;
  value->members = members;
  return TRUE;
}

static gboolean
parse_value (Parser           *self,
             RapportJsonValue *value)
{
  gboolean ok;

  parser_skip_space (self);
  if (self->p >= self->end)
    return parser_fail (self, self->p, N_("an unexpected end"));

  switch (*self->p)
    {
    case '{':
    case '[':
      /* The scanner bounds the depth already; this keeps the parser safe on its own. */
      if (self->depth >= MAX_DEPTH)
        return parser_fail (self, self->p, N_("too deep nesting"));
      self->depth++;
      if (*self->p == '{')
        ok = parse_object (self, value);
      else if (self->tree != NULL && !self->in_short_array)
        ok = parse_array_in_tree (self, value);
      else
        ok = parse_array (self, value);
      self->depth--;
      return ok;

    case '"':
      value->kind = RAPPORT_JSON_STRING;
      return parse_string (self, &value->text, &value->length);

    case 't':
      return parse_literal (self, "true", RAPPORT_JSON_BOOLEAN, 1, value);

    case 'f':
      return parse_literal (self, "false", RAPPORT_JSON_BOOLEAN, 0, value);

    case 'n':
      return parse_literal (self, "null", RAPPORT_JSON_NULL, 0, value);

    default:
      if (*self->p == '-' || g_ascii_isdigit (*self->p))
        return parse_number (self, value);
      return parser_fail (self, self->p, N_("an unexpected character"));
    }
}

/* How much of a long array is scanned between two hand-backs of its pages. */
#define RELEASE_STEP (1 << 20)

static const char * const scan_reasons[] = {
  [SCAN_OK] = NULL,
  [SCAN_TRUNCATED] = N_("an unexpected end"),
  [SCAN_TOO_DEEP] = N_("too deep nesting"),
  [SCAN_MISMATCHED] = N_("mismatched brackets"),
  [SCAN_UNEXPECTED] = N_("an unexpected character"),
};

/* Finds the end of the array at self->p by scanning its elements without building them (each
 * is checked when parsed).  Returns the end, or NULL with the parser's error set. */
static const char *
scan_array (Parser  *self,
            guint64 *n_elements)
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
      ScanResult result;
      gsize end = 0;

      pos = skip_space (data, size, pos);
      if (pos >= size)
        break;
      if (data[pos] == ']')
        {
          /* A long array is read again when its elements are asked for. */
          if (mapped && pos + 1 - start > tree->long_array_bytes)
            release_pages (data, released, pos + 1);
          *n_elements = count;
          return data + pos + 1;
        }
      if (count > 0)
        {
          if (data[pos] != ',')
            {
              parser_fail (self, data + pos, N_("a missing “,” or “]”"));
              return NULL;
            }
          pos = skip_space (data, size, pos + 1);
          if (pos >= size)
            break;
        }

      if (self->chunks->len == 0 ||
          pos - g_array_index (self->chunks, Chunk, self->chunks->len - 1).offset >= CHUNK_BYTES)
        {
          Chunk chunk = { pos, count };

          g_array_append_val (self->chunks, chunk);
        }

      result = scan_value (data, size, pos, &end);
      if (result != SCAN_OK)
        {
          parser_fail (self, result == SCAN_TRUNCATED ? data + size : data + pos,
                       scan_reasons[result]);
          return NULL;
        }
      pos = end;
      count++;

      if (mapped && pos - start > tree->long_array_bytes && pos - released >= RELEASE_STEP)
        released = release_pages (data, released, pos);
    }

  parser_fail (self, data + size, N_("an unexpected end"));
  return NULL;
}

/* In a tree an array is scanned first: a short one is then built, a long one left for
 * rapport_json_tree_foreach(). */
static gboolean
parse_array_in_tree (Parser           *self,
                     RapportJsonValue *value)
{
  RapportJsonTree *tree = self->tree;
  const char *start = self->p;
  const char *end;
  guint64 n_elements = 0;
  LongArray *array;
  Chunk *chunks;
  gboolean ok;

  end = scan_array (self, &n_elements);
  if (end == NULL)
    return FALSE;

  if ((gsize) (end - start) <= tree->long_array_bytes)
    {
      /* The arrays inside it are shorter still. */
      self->in_short_array = TRUE;
      ok = parse_array (self, value);
      self->in_short_array = FALSE;
      return ok;
    }

  array = arena_alloc (self->arena, sizeof *array);
  array->span.offset = start - tree->data;
  array->span.length = end - start;
  array->depth = self->depth;
  array->n_chunks = self->chunks->len;
  chunks = arena_alloc (self->arena, self->chunks->len * sizeof (Chunk));
  /* A long array of nothing but spaces has no chunk. */
  if (self->chunks->len > 0)
    memcpy (chunks, self->chunks->data, self->chunks->len * sizeof (Chunk));
  array->chunks = chunks;
  value->kind = RAPPORT_JSON_LONG_ARRAY;
  value->length = (guint) MIN (n_elements, G_MAXUINT);
  value->span = &array->span;
  g_array_append_val (tree->long_arrays, *value);
  self->p = end;
  return TRUE;
}

const RapportJsonValue *
rapport_json_value_get_member (const RapportJsonValue *object,
                               const char             *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (object == NULL || object->kind != RAPPORT_JSON_OBJECT)
    return NULL;

  for (guint i = object->length; i > 0; i--)
    {
      if (strcmp (object->members[i - 1].name, name) == 0)
        return &object->members[i - 1].value;
    }

  /* Key case changes between years of some exports. */
  for (guint i = object->length; i > 0; i--)
    {
      if (g_ascii_strcasecmp (object->members[i - 1].name, name) == 0)
        return &object->members[i - 1].value;
    }

  return NULL;
}

const char *
rapport_json_value_get_string (const RapportJsonValue *object,
                               const char             *name)
{
  const RapportJsonValue *member = rapport_json_value_get_member (object, name);

  return member != NULL && member->kind == RAPPORT_JSON_STRING ? member->text : NULL;
}

const RapportJsonValue *
rapport_json_value_get_object (const RapportJsonValue *object,
                               const char             *name)
{
  const RapportJsonValue *member = rapport_json_value_get_member (object, name);

  return member != NULL && member->kind == RAPPORT_JSON_OBJECT ? member : NULL;
}

const RapportJsonValue *
rapport_json_value_get_array (const RapportJsonValue *object,
                              const char             *name)
{
  const RapportJsonValue *member = rapport_json_value_get_member (object, name);

  return member != NULL && member->kind == RAPPORT_JSON_ARRAY ? member : NULL;
}

gint64
rapport_json_value_get_count (const RapportJsonValue *object,
                              const char             *name)
{
  const RapportJsonValue *member = rapport_json_value_get_member (object, name);
  gint64 count;

  if (member == NULL)
    return RAPPORT_COUNT_UNKNOWN;

  if (member->kind == RAPPORT_JSON_NUMBER)
    {
      double d;

      if (strpbrk (member->text, ".eE") == NULL)
        {
          char *end = NULL;

          errno = 0;
          count = g_ascii_strtoll (member->text, &end, 10);
          if (errno == 0 && end != NULL && *end == '\0')
            return count;
          return RAPPORT_COUNT_UNKNOWN;
        }

      /* Beyond ±2^63 the conversion is undefined; such a count is garbage anyway. */
      d = g_ascii_strtod (member->text, NULL);
      if (!isfinite (d) || fabs (d) >= 9.2e18)
        return RAPPORT_COUNT_UNKNOWN;
      return (gint64) round (d);
    }

  if (member->kind == RAPPORT_JSON_STRING && rapport_parse_count (member->text, &count))
    return count;

  return RAPPORT_COUNT_UNKNOWN;
}

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
  gsize text_end;             /* where the batch's text ends */
  RapportJsonValue *elements; /* in the arena */
  guint n_elements;
  Arena arena;
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
  arena_init (&batch->arena);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_pointer (&batch->spans, g_array_unref);
  arena_clear (&batch->arena);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
set_item_error (Shared  *shared,
                Batch   *batch,
                guint64  item,
                Parser  *parser)
{
  g_set_error (&batch->error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: item %'" PRIu64 " is not valid JSON (line %u: %s)"),
               shared->entry_name, item,
               line_at (shared->data, shared->size, parser->error_at - shared->data),
               _(parser->error_reason));
}

/* Parses a chunk of a long array, finding its elements as it goes. */
static void
parse_range (Shared *shared,
             Batch  *batch,
             Parser *parser)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));

  parser->p = shared->data + batch->range_start;
  parser->end = shared->data + batch->range_end;
  parser->depth = batch->depth;

  while (parser->p < parser->end)
    {
      RapportJsonValue element;

      if (!parse_value (parser, &element))
        {
          set_item_error (shared, batch, batch->first_index + elements->len + 1, parser);
          return;
        }
      g_array_append_val (elements, element);

      parser_skip_space (parser);
      if (parser->p == parser->end)
        break;
      if (*parser->p != ',')
        {
          parser_fail (parser, parser->p, N_("a missing “,” or “]”"));
          set_item_error (shared, batch, batch->first_index + elements->len, parser);
          return;
        }
      parser->p++;
      parser_skip_space (parser);
    }

  batch->n_elements = elements->len;
  batch->elements = arena_alloc (&batch->arena, elements->len * sizeof (RapportJsonValue));
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
  Parser parser = { 0 };

  parser.arena = &batch->arena;
  parser.values = values;
  parser.members = members;

  if (batch->spans == NULL)
    {
      parse_range (shared, batch, &parser);
      return;
    }

  batch->n_elements = batch->spans->len;
  batch->elements = arena_alloc (&batch->arena, batch->spans->len * sizeof (RapportJsonValue));

  for (guint i = 0; i < batch->spans->len; i++)
    {
      const RapportJsonSpan *span = &g_array_index (batch->spans, RapportJsonSpan, i);

      parser.p = shared->data + span->offset;
      parser.end = parser.p + span->length;
      if (parse_value (&parser, &batch->elements[i]))
        {
          parser_skip_space (&parser);
          if (parser.p == parser.end)
            continue;
          parser_fail (&parser, parser.p, N_("unexpected text after it"));
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

typedef struct
{
  const LongArray *array;
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
  const LongArray *array = chunks->array;
  const Chunk *chunk;
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
    delivery->released = release_pages (delivery->mapped_data, delivery->released,
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
  g_auto(RapportJsonArrayIter) iter = { 0 };

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (entry_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_json_array_iter_init (&iter, bytes, entry_name, error))
    return FALSE;

  return read_batches (fill_batch, &iter, iter.data, iter.size, entry_name, FALSE, 0,
                       func, user_data, cancellable, error);
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
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  Parser parser = { 0 };

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
  arena_init (&self->arena);
  self->long_arrays = g_array_new (FALSE, FALSE, sizeof (RapportJsonValue));

  parser.p = self->data;
  parser.end = self->data + self->size;
  parser.arena = &self->arena;
  parser.values = values;
  parser.members = members;
  parser.tree = self;
  parser.chunks = chunks;

  if (self->size >= 3 && memcmp (parser.p, "\xEF\xBB\xBF", 3) == 0)
    parser.p += 3;
  parser_skip_space (&parser);
  if (parser.p >= parser.end)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: not valid JSON (line %u: %s)"), entry_name, 1u, _("the file is empty"));
      return NULL;
    }

  if (parse_value (&parser, &self->root))
    {
      parser_skip_space (&parser);
      if (parser.p == parser.end)
        {
          /* The tree holds copies of everything it needs from the text. */
          if (flags & RAPPORT_JSON_TREE_MAPPED)
            release_pages (self->data, 0, self->size);
          return g_steal_pointer (&self);
        }
      parser_fail (&parser, parser.p, N_("unexpected text after the end"));
    }

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), entry_name,
               line_at (self->data, self->size, parser.error_at - self->data),
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
  Chunks chunks;

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

  chunks.array = (const LongArray *) array->span;
  chunks.next = 0;
  return read_batches (next_chunk, &chunks, self->data, self->size, self->entry_name,
                       (self->flags & RAPPORT_JSON_TREE_MAPPED) != 0, array->span->offset,
                       func, user_data, cancellable, error);
}

void
rapport_json_tree_free (RapportJsonTree *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->entry_name);
  arena_clear (&self->arena);
  g_array_unref (self->long_arrays);
  g_free (self);
}
