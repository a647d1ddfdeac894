/* rapport-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/rapport-text.h"

char *
rapport_text_repair_mojibake (const char *text)
{
  GString *repaired;
  const char *p;

  if (text == NULL)
    return NULL;

  /* Pure ASCII needs no repair, and most strings are.  A mis-encoded byte is a code point from
   * U+0080 to U+00FF, which UTF-8 writes in two bytes led by 0xc2 or 0xc3. */
  if (!g_utf8_validate (text, -1, NULL) ||
      (strchr (text, '\xc2') == NULL && strchr (text, '\xc3') == NULL))
    return g_strdup (text);

  repaired = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      char bytes[4];
      gsize n_bytes = 0;
      gunichar c;

      /* The code points below 256 from here, taken as bytes, as many as one character has. */
      for (const char *q = p; *q != '\0' && n_bytes < sizeof bytes; q = g_utf8_next_char (q))
        {
          gunichar b = g_utf8_get_char (q);

          if (b < 0x80 || b > 0xff)
            break;
          bytes[n_bytes++] = (char) b;
        }

      /* Text can be mis-encoded in parts only: each run of bytes that is one UTF-8 character
       * becomes that character, and the rest ("café", whose é alone is no UTF-8) stays. */
      c = n_bytes >= 2 ? g_utf8_get_char_validated (bytes, n_bytes) : (gunichar) -1;
      if (c < 0x80 || c > 0x10ffff)
        {
          g_string_append_len (repaired, p, next - p);
          p = next;
          continue;
        }
      n_bytes = g_unichar_to_utf8 (c, bytes);
      g_string_append_len (repaired, bytes, n_bytes);
      /* Each of those bytes was a code point of two bytes. */
      p += 2 * n_bytes;
    }

  return g_string_free (repaired, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static void
add_unique (GPtrArray  *found,
            const char *start,
            gsize       len)
{
  g_autofree char *lower = g_utf8_strdown (start, len);

  for (guint i = 0; i < found->len - 1; i++)
    {
      if (strcmp (g_ptr_array_index (found, i), lower) == 0)
        return;
    }
  /* The array ends with its NULL terminator; insert before it. */
  g_ptr_array_insert (found, found->len - 1, g_steal_pointer (&lower));
}

/* Shared scanner: @sigil and @wide_sigil open a token; mentions also allow '.' inside. */
static char **
extract_tokens (const char *text,
                gunichar    sigil,
                gunichar    wide_sigil,
                gboolean    is_mention)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gunichar previous = 0;
  const char *p;

  g_ptr_array_add (found, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return (char **) g_ptr_array_steal (found, NULL);

  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      const char *end;
      gboolean has_letter = FALSE;

      /* A sigil glued to a word ("a#b", "page#anchor", "jo@example.org") opens nothing. */
      if ((c != sigil && c != wide_sigil) || is_word_char (previous))
        {
          previous = c;
          p = g_utf8_next_char (p);
          continue;
        }

      start = g_utf8_next_char (p);
      end = start;
      while (*end != '\0')
        {
          gunichar d = g_utf8_get_char (end);

          if (!is_word_char (d) && !(is_mention && d == '.'))
            break;
          if (g_unichar_isalpha (d))
            has_letter = TRUE;
          end = g_utf8_next_char (end);
        }

      /* A sentence may end right after a mention: "thanks @jo." */
      if (is_mention)
        {
          while (end > start && end[-1] == '.')
            end--;
        }

      if (end > start && (is_mention || has_letter))
        add_unique (found, start, end - start);

      if (end > start)
        {
          previous = g_utf8_get_char (g_utf8_prev_char (end));
          p = end;
        }
      else
        {
          previous = c;
          p = start;
        }
    }

  return (char **) g_ptr_array_steal (found, NULL);
}

char **
rapport_text_extract_hashtags (const char *text)
{
  return extract_tokens (text, '#', 0xFF03, FALSE);
}

char **
rapport_text_extract_mentions (const char *text)
{
  return extract_tokens (text, '@', 0xFF20, TRUE);
}

char *
rapport_text_excerpt (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  g_autofree char *start = NULL;

  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) <= RAPPORT_TEXT_EXCERPT_CHARS)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, RAPPORT_TEXT_EXCERPT_CHARS);
  return g_strconcat (start, "…", NULL);
}

/* ── HTML ─────────────────────────────────────────────────────────────────────────────── */

static const struct
{
  const char *name;
  const char *text;
} html_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "hellip", "…" }, { "mdash", "—" }, { "ndash", "–" }, { "rsquo", "’" },
  { "lsquo", "‘" }, { "rdquo", "”" }, { "ldquo", "“" },
};

/* Appends the entity at @p (on its '&') and returns where the text goes on; a '&' that starts
 * no entity stays as written. */
static const char *
append_entity (GString    *out,
               const char *p)
{
  const char *semicolon = memchr (p, ';', strnlen (p, 12));
  g_autofree char *name = NULL;

  if (semicolon == NULL || semicolon == p + 1)
    {
      g_string_append_c (out, '&');
      return p + 1;
    }

  name = g_strndup (p + 1, semicolon - p - 1);
  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      const char *digits = name + (hex ? 2 : 1);
      char *end = NULL;
      guint64 code = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

      /* strtoull would take a sign or spaces first. */
      if (g_ascii_isxdigit (digits[0]) && end != NULL && *end == '\0' && code > 0 &&
          code <= 0x10FFFF && g_unichar_validate ((gunichar) code))
        {
          g_string_append_unichar (out, (gunichar) code);
          return semicolon + 1;
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (html_entities); i++)
        {
          if (strcmp (name, html_entities[i].name) == 0)
            {
              g_string_append (out, html_entities[i].text);
              return semicolon + 1;
            }
        }
    }

  g_string_append_c (out, '&');
  return p + 1;
}

/* Appends what the tag at @p (on its '<') stands for in plain text, and returns where the
 * text goes on: after the tag, or at the end for a tag that never closes. */
static const char *
append_tag (GString    *out,
            const char *p)
{
  const char *close = strchr (p, '>');
  const char *name = p + 1;
  gboolean closing = FALSE;
  gsize length = 0;

  if (close == NULL)
    return p + strlen (p);

  if (*name == '/')
    {
      closing = TRUE;
      name++;
    }
  while (g_ascii_isalnum (name[length]))
    length++;

  if (length == 2 && g_ascii_strncasecmp (name, "br", 2) == 0)
    g_string_append_c (out, '\n');
  else if (length == 1 && g_ascii_tolower (name[0]) == 'p' && closing)
    g_string_append (out, "\n\n");

  return close + 1;
}

char *
rapport_text_from_html (const char *html)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *valid = NULL;
  const char *p = html;

  if (html == NULL)
    return NULL;

  out = g_string_sized_new (strlen (html));
  while (*p != '\0')
    {
      if (*p == '<')
        p = append_tag (out, p);
      else if (*p == '&')
        p = append_entity (out, p);
      else
        {
          /* Line breaks in the markup are spaces; only <br> and <p> break lines. */
          g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
          p++;
        }
    }

  valid = g_utf8_make_valid (out->str, out->len);
  g_strstrip (valid);
  return valid[0] != '\0' ? g_steal_pointer (&valid) : NULL;
}

char *
rapport_text_fold_handle (const char *handle)
{
  gsize len = 0;
  char *folded;

  g_return_val_if_fail (handle != NULL, NULL);

  for (const char *p = handle; *p != '\0'; p++, len++)
    if ((guchar) *p >= 0x80)
      return g_utf8_strdown (handle, -1);

  folded = g_malloc (len + 1);
  for (gsize i = 0; i <= len; i++)
    folded[i] = g_ascii_tolower (handle[i]);
  return folded;
}
