/* rapport-escape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/rapport-escape.h"

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
needs_escape (gunichar c,
              gboolean keep_newlines)
{
  if (c == '\n')
    return !keep_newlines;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_bidi_control (c);
}

char *
rapport_escape_for_terminal (const char *text,
                             gboolean    keep_newlines)
{
  g_autofree char *valid = NULL;
  const char *p;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);

  /* Most text needs nothing. */
  p = valid;
  while (*p != '\0' && !needs_escape (g_utf8_get_char (p), keep_newlines))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (valid) + 16);
  g_string_append_len (out, valid, p - valid);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!needs_escape (c, keep_newlines))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }

  return g_string_free (out, FALSE);
}

void
rapport_escape_append_csv_field (GString    *out,
                                 const char *text)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  /* OWASP's list of what makes a spreadsheet start a formula. */
  formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;

  /* ';' is the separator where the decimal mark is a comma: quoted, it stays in its field. */
  if (strpbrk (text, ",;\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

GLogWriterOutput
rapport_escape_log_writer (GLogLevelFlags   log_level,
                           const GLogField *fields,
                           gsize            n_fields,
                           gpointer         user_data)
{
  g_autofree GLogField *safe = g_memdup2 (fields, n_fields * sizeof (GLogField));
  g_autofree char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (safe[i].key, "MESSAGE") != 0 || safe[i].length != -1)
        continue;
      message = rapport_escape_for_terminal (safe[i].value, TRUE);
      safe[i].value = message;
    }

  return g_log_writer_default (log_level, safe, n_fields, user_data);
}
