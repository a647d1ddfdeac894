/* rapport-json-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value reader: strict RFC 8259 JSON parsed into the compact read-only tree of
 * RapportJsonValue, in an arena, and the accessors importers read it with.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "core/rapport-numbers.h"
#include "core/rapport-records.h"
#include "import/rapport-json-private.h"

/* The blocks of the trees come straight from the system, so that a batch's tree is handed
 * back whole when freed, whatever malloc's heaps keep (see rapport-import-job.c).  A few freed
 * blocks are kept for the next batches: new pages from the system are cleared first, which
 * for every block of the 400 MB of trees of a big X archive cost a tenth of a second. */
#define BLOCK_HEADER 16
#define KEPT_BLOCKS 16

static GMutex kept_lock;
static gpointer kept_blocks[KEPT_BLOCKS];
static guint n_kept_blocks;

/* A block of @size bytes, which start with its size. */
static gpointer
block_new (gsize size)
{
  gpointer block = NULL;

  if (size == RAPPORT_JSON_ARENA_BLOCK_SIZE)
    {
      g_mutex_lock (&kept_lock);
      if (n_kept_blocks > 0)
        block = kept_blocks[--n_kept_blocks];
      g_mutex_unlock (&kept_lock);
      if (block != NULL)
        return block;
    }

#ifdef G_OS_UNIX
  block = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED)
    g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
#else
  block = g_malloc (size);
#endif
  *(gsize *) block = size;
  return block;
}

static void
block_free (gpointer block)
{
  gsize size = *(gsize *) block;

  if (size == RAPPORT_JSON_ARENA_BLOCK_SIZE)
    {
      g_mutex_lock (&kept_lock);
      if (n_kept_blocks < KEPT_BLOCKS)
        {
          kept_blocks[n_kept_blocks++] = block;
          block = NULL;
        }
      g_mutex_unlock (&kept_lock);
      if (block == NULL)
        return;
    }

#ifdef G_OS_UNIX
  munmap (block, size);
#else
  g_free (block);
#endif
}

void
rapport_json_arena_init (RapportJsonArena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (block_free);
  arena->cursor = NULL;
  arena->left = 0;
}

gpointer
rapport_json_arena_grow (RapportJsonArena *arena,
                         gsize             size)
{
  gsize block_size = MAX (size + BLOCK_HEADER, RAPPORT_JSON_ARENA_BLOCK_SIZE);
  char *block = block_new (block_size);

  g_ptr_array_add (arena->blocks, block);
  arena->cursor = block + BLOCK_HEADER + size;
  arena->left = block_size - BLOCK_HEADER - size;
  return block + BLOCK_HEADER;
}

void
rapport_json_arena_clear (RapportJsonArena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  arena->cursor = NULL;
  arena->left = 0;
}

gboolean
rapport_json_parser_fail (RapportJsonParser *self,
                          const char        *at,
                          const char        *reason)
{
  self->error_at = at;
  self->error_reason = reason;
  return FALSE;
}

/* Eight bytes of a text read as one word, to test them at once: byte by byte, the strings (the
 * text of a post, every name and value) took half of the parser's time. */
#define RAPPORT_JSON_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define RAPPORT_JSON_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
rapport_json_word (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word;
}

/* Non-zero when some byte of @word is below @n (at most 0x80); exact, in any byte order. */
static inline guint64
rapport_json_word_has_below (guint64 word,
                             guint   n)
{
  return (word - RAPPORT_JSON_ONES * n) & ~word & RAPPORT_JSON_HIGHS;
}

/* Non-zero when some byte of @word is @c. */
static inline guint64
rapport_json_word_has (guint64 word,
                       guchar  c)
{
  return rapport_json_word_has_below (word ^ (RAPPORT_JSON_ONES * c), 1);
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
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Reads the string at self->p (on its opening quote) into the arena, unescaped. */
static gboolean
parse_string (RapportJsonParser  *self,
              const char        **text,
              guint              *length)
{
  const char *start = self->p + 1;
  const char *close;
  const char *p;
  char *out;
  char *q;
  gboolean high = FALSE;
  gsize stop;

  stop = rapport_json_skip_string (self->p, self->end - self->p, 1);
  if (stop == G_MAXSIZE)
    return rapport_json_parser_fail (self, self->p, N_("a text that never ends"));
  close = self->p + stop - 1;

  /* Unescaping never makes a string longer. */
  if (!rapport_json_parser_charge (self, close - start + 1, self->p))
    return FALSE;
  out = q = rapport_json_arena_alloc (self->arena, close - start + 1);
  for (p = start; p < close; p++)
    {
      guchar c;

      /* Eight bytes at a time as long as none is an escape or a control character. */
      while (close - p >= 8)
        {
          guint64 word = rapport_json_word (p);

          if (rapport_json_word_has_below (word, 0x20) || rapport_json_word_has (word, '\\'))
            break;
          high |= (word & RAPPORT_JSON_HIGHS) != 0;
          memcpy (q, p, 8);
          p += 8;
          q += 8;
        }
      if (p == close)
        break;

      c = (guchar) *p;
      if (c >= 0x20 && c != '\\')
        {
          high |= c >= 0x80;
          *q++ = (char) c;
          continue;
        }

      if (c < 0x20)
        return rapport_json_parser_fail (self, p, N_("a control character inside a text"));

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
              return rapport_json_parser_fail (self, p - 1, N_("a broken \\u escape"));
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
          return rapport_json_parser_fail (self, p - 1, N_("an unknown escape"));
        }
    }
  *q = '\0';

  if (high && !g_utf8_validate_len (out, q - out, NULL))
    return rapport_json_parser_fail (self, self->p, N_("text that is not UTF-8"));

  *text = out;
  *length = q - out;
  self->p = close + 1;
  return TRUE;
}

static gboolean
parse_number (RapportJsonParser *self,
              RapportJsonValue  *value)
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
    return rapport_json_parser_fail (self, start, N_("a broken number"));

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return rapport_json_parser_fail (self, start, N_("a broken number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return rapport_json_parser_fail (self, start, N_("a broken number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (!rapport_json_parser_charge (self, p - start + 1, start))
    return FALSE;
  text = rapport_json_arena_alloc (self->arena, p - start + 1);
  memcpy (text, start, p - start);
  text[p - start] = '\0';

  value->kind = RAPPORT_JSON_NUMBER;
  value->length = p - start;
  value->text = text;
  self->p = p;
  return TRUE;
}

static gboolean
parse_literal (RapportJsonParser *self,
               const char        *word,
               RapportJsonKind    kind,
               guint              length,
               RapportJsonValue  *value)
{
  gsize len = strlen (word);

  if ((gsize) (self->end - self->p) < len || memcmp (self->p, word, len) != 0)
    return rapport_json_parser_fail (self, self->p, N_("an unexpected character"));

  value->kind = kind;
  value->length = length;
  value->text = NULL;
  self->p += len;
  return TRUE;
}

gboolean
rapport_json_parse_array (RapportJsonParser *self,
                          RapportJsonValue  *value)
{
  guint base = self->values->len;
  RapportJsonValue *elements;
  guint n;

  self->p++;
  rapport_json_parser_skip_space (self);
  if (self->p < self->end && *self->p == ']')
    self->p++;
  else
    for (;;)
      {
        RapportJsonValue element;

        if (!rapport_json_parse_value (self, &element))
          return FALSE;
        g_array_append_val (self->values, element);

        rapport_json_parser_skip_space (self);
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
        return rapport_json_parser_fail (self, self->p, N_("a missing “,” or “]”"));
      }

  n = self->values->len - base;
  elements = NULL;
  if (n > 0)
    {
      elements = rapport_json_arena_alloc (self->arena, n * sizeof (RapportJsonValue));
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
parse_object (RapportJsonParser *self,
              RapportJsonValue  *value)
{
  guint base = self->members->len;
  RapportJsonMember *members;
  guint n;

  self->p++;
  rapport_json_parser_skip_space (self);
  if (self->p < self->end && *self->p == '}')
    self->p++;
  else
    for (;;)
      {
        RapportJsonMember member;
        guint name_length;

        rapport_json_parser_skip_space (self);
        if (self->p >= self->end || *self->p != '"')
          return rapport_json_parser_fail (self, self->p, N_("a missing member name"));
        /* A member is a value and a name: the value charges for itself. */
        if (!rapport_json_parser_charge (self, sizeof (RapportJsonMember), self->p))
          return FALSE;
        if (!parse_string (self, &member.name, &name_length))
          return FALSE;

        rapport_json_parser_skip_space (self);
        if (self->p >= self->end || *self->p != ':')
          return rapport_json_parser_fail (self, self->p, N_("a missing “:”"));
        self->p++;

        if (!rapport_json_parse_value (self, &member.value))
          return FALSE;
        g_array_append_val (self->members, member);

        rapport_json_parser_skip_space (self);
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
        return rapport_json_parser_fail (self, self->p, N_("a missing “,” or “}”"));
      }

  n = self->members->len - base;
  members = NULL;
  if (n > 0)
    {
      members = rapport_json_arena_alloc (self->arena, n * sizeof (RapportJsonMember));
      memcpy (members, &g_array_index (self->members, RapportJsonMember, base),
              n * sizeof (RapportJsonMember));
      g_array_set_size (self->members, base);
    }

  value->kind = RAPPORT_JSON_OBJECT;
  value->length = n;
  value->members = members;
  return TRUE;
}

gboolean
rapport_json_parse_value (RapportJsonParser *self,
                          RapportJsonValue  *value)
{
  gboolean ok;

  rapport_json_parser_skip_space (self);
  if (self->p >= self->end)
    return rapport_json_parser_fail (self, self->p, N_("an unexpected end"));
  /* Its place on the stack of the values being read, which may have twice the room it needs,
   * and its copy in the arena. */
  if (!rapport_json_parser_charge (self, 3 * sizeof (RapportJsonValue), self->p))
    return FALSE;

  switch (*self->p)
    {
    case '{':
    case '[':
      /* The scanner bounds the depth already; this keeps the parser safe on its own. */
      if (self->depth >= RAPPORT_JSON_MAX_DEPTH)
        return rapport_json_parser_fail (self, self->p, N_("too deep nesting"));
      self->depth++;
      if (*self->p == '{')
        ok = parse_object (self, value);
      else if (self->tree != NULL && !self->in_short_array)
        ok = rapport_json_parse_array_in_tree (self, value);
      else
        ok = rapport_json_parse_array (self, value);
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
      return rapport_json_parser_fail (self, self->p, N_("an unexpected character"));
    }
}


/* g_ascii_tolower() is a call, and this runs for every member of every look-up. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* How a member's name compares with the name looked up. */
typedef enum
{
  NAME_OTHER,
  NAME_BUT_CASE,
  NAME_SAME,
} NameMatch;

static inline NameMatch
match_name (const char *member,
            const char *name)
{
  NameMatch match = NAME_SAME;

  for (;; member++, name++)
    {
      if (*member != *name)
        {
          if (ascii_lower (*member) != ascii_lower (*name))
            return NAME_OTHER;
          match = NAME_BUT_CASE;
        }
      else if (*member == '\0')
        return match;
    }
}

const RapportJsonValue *
rapport_json_value_get_member (const RapportJsonValue *object,
                               const char             *name)
{
  const RapportJsonValue *but_case = NULL;
  char lower_first;

  g_return_val_if_fail (name != NULL, NULL);

  if (object == NULL || object->kind != RAPPORT_JSON_OBJECT)
    return NULL;

  /* Key case changes between years of some exports: a name equal but for case counts when no
   * name is equal.  One pass from the last member compares each name once, both ways at
   * once, in line: the first byte rules out most. */
  lower_first = ascii_lower (name[0]);
  for (guint i = object->length; i > 0; i--)
    {
      const RapportJsonMember *member = &object->members[i - 1];

      if (ascii_lower (member->name[0]) != lower_first)
        continue;
      switch (match_name (member->name, name))
        {
        case NAME_SAME:
          return &member->value;
        case NAME_BUT_CASE:
          if (but_case == NULL)
            but_case = &member->value;
          break;
        case NAME_OTHER:
        default:
          break;
        }
    }

  return but_case;
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
