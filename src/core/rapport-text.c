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
  g_autofree char *bytes = NULL;
  gboolean has_high = FALSE;
  gsize len = 0;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 256)
        return g_strdup (text);
      if (c >= 0x80)
        has_high = TRUE;
    }

  /* Pure ASCII needs no repair, and most strings are. */
  if (!has_high)
    return g_strdup (text);

  bytes = g_malloc (strlen (text) + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    bytes[len++] = (char) g_utf8_get_char (p);
  bytes[len] = '\0';

  /* Real Latin-1 text ("café") is not valid UTF-8 once taken as bytes: keep it. */
  if (!g_utf8_validate_len (bytes, len, NULL))
    return g_strdup (text);

  return g_steal_pointer (&bytes);
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
