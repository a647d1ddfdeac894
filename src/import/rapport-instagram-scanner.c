/* rapport-instagram-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower and following lists are the largest files of an Instagram export (a million
 * followers make a quarter of a gigabyte).  A whole-document parse would hold several times
 * that in memory, so this scanner walks the JSON text once, checks its syntax as it goes and
 * keeps only the strings its caller asks for.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"

/* Deeper nesting than this is not an export; refusing it keeps the recursion bounded. */
#define MAX_DEPTH 64

gboolean
rapport_instagram_scan_error (RapportInstagramScanner  *s,
                              const char               *problem,
                              GError                  **error)
{
  guint line = MAX (s->start_line, 1);

  for (const char *q = s->start; q < s->p && q < s->end; q++)
    {
      if (*q == '\n')
        line++;
    }
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), s->entry, line, problem);
  return FALSE;
}

static gboolean
expect_char (RapportInstagramScanner  *s,
             char                      c,
             GError                  **error)
{
  rapport_instagram_scan_skip_space (s);
  if (rapport_instagram_scan_at_end (s))
    return rapport_instagram_scan_error (s, _("the file ends too early"), error);
  if (*s->p != c)
    {
      g_autofree char *problem = g_strdup_printf (_("expected “%c”"), c);

      return rapport_instagram_scan_error (s, problem, error);
    }
  s->p++;
  return TRUE;
}

static gboolean
read_hex4 (RapportInstagramScanner  *s,
           gunichar                 *out,
           GError                  **error)
{
  gunichar value = 0;

  if (s->end - s->p < 4)
    return rapport_instagram_scan_error (s, _("the file ends too early"), error);
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->p[i]);

      if (digit < 0)
        return rapport_instagram_scan_error (s, _("a \\u escape is malformed"), error);
      value = value * 16 + digit;
    }
  s->p += 4;
  *out = value;
  return TRUE;
}

/* The bytes that end a run of plain text inside a string: the quote, the backslash and the
 * control characters.  A table lookup per byte, since every byte of the lists passes here. */
static const guint8 ends_plain_run[256] = {
  [0x00 ... 0x1f] = TRUE,
  ['"'] = TRUE,
  ['\\'] = TRUE,
};

gboolean
rapport_instagram_scan_string (RapportInstagramScanner  *s,
                               GString                  *out,
                               GError                  **error)
{
  g_assert (*s->p == '"');

  s->p++;
  if (out != NULL)
    g_string_truncate (out, 0);

  for (;;)
    {
      const char *run = s->p;
      gunichar c;

      while (s->p < s->end && !ends_plain_run[(guchar) *s->p])
        s->p++;
      if (out != NULL && s->p > run)
        g_string_append_len (out, run, s->p - run);

      if (rapport_instagram_scan_at_end (s))
        return rapport_instagram_scan_error (s, _("a text is not closed"), error);
      if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != '\\')
        return rapport_instagram_scan_error (s, _("a control character inside a text"), error);

      s->p++;
      if (rapport_instagram_scan_at_end (s))
        return rapport_instagram_scan_error (s, _("the file ends too early"), error);
      switch (*s->p++)
        {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          if (!read_hex4 (s, &c, error))
            return FALSE;
          if (c >= 0xD800 && c <= 0xDBFF && s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u')
            {
              const char *saved = s->p;
              gunichar low;

              s->p += 2;
              if (!read_hex4 (s, &low, error))
                return FALSE;
              if (low >= 0xDC00 && low <= 0xDFFF)
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              else
                s->p = saved;
            }
          /* A lone surrogate is no character; keep the text readable. */
          if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
          break;
        default:
          s->p--;
          return rapport_instagram_scan_error (s, _("an unknown escape in a text"), error);
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
    }
}

gboolean
rapport_instagram_scan_number (RapportInstagramScanner  *s,
                               gint64                   *out,
                               GError                  **error)
{
  const char *begin = s->p;
  gboolean integral = TRUE;
  char buffer[64];
  gsize len;

  if (*s->p == '-')
    s->p++;
  if (rapport_instagram_scan_at_end (s) || !g_ascii_isdigit (*s->p))
    return rapport_instagram_scan_error (s, _("a number is malformed"), error);
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integral = FALSE;
      if (rapport_instagram_scan_at_end (s) || !g_ascii_isdigit (*s->p))
        return rapport_instagram_scan_error (s, _("a number is malformed"), error);
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integral = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (rapport_instagram_scan_at_end (s) || !g_ascii_isdigit (*s->p))
        return rapport_instagram_scan_error (s, _("a number is malformed"), error);
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (out == NULL)
    return TRUE;

  len = s->p - begin;
  if (len >= sizeof buffer)
    {
      /* Far beyond any timestamp; not a value Rapport reads. */
      *out = 0;
      return TRUE;
    }
  memcpy (buffer, begin, len);
  buffer[len] = '\0';
  if (integral)
    *out = g_ascii_strtoll (buffer, NULL, 10);
  else
    *out = (gint64) g_ascii_strtod (buffer, NULL);
  return TRUE;
}

static gboolean
read_literal (RapportInstagramScanner  *s,
              GError                  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (s->end - s->p) >= len && memcmp (s->p, literals[i], len) == 0)
        {
          s->p += len;
          return TRUE;
        }
    }
  return rapport_instagram_scan_error (s, _("unexpected text"), error);
}

/* After a member or an element: a ',' goes on, @close ends the object or array (*closed). */
static gboolean
scan_separator (RapportInstagramScanner  *s,
                char                      close,
                gboolean                 *closed,
                GError                  **error)
{
  rapport_instagram_scan_skip_space (s);
  if (rapport_instagram_scan_at_end (s))
    return rapport_instagram_scan_error (s, _("the file ends too early"), error);
  if (*s->p != ',' && *s->p != close)
    return rapport_instagram_scan_error (s, close == '}' ? _("expected “,” or “}”")
                                                        : _("expected “,” or “]”"), error);
  *closed = *s->p == close;
  s->p++;
  return TRUE;
}

gboolean
rapport_instagram_scan_object (RapportInstagramScanner     *s,
                               guint                        depth,
                               RapportInstagramMemberFunc   member,
                               gpointer                     data,
                               GError                     **error)
{
  gboolean closed;

  g_assert (*s->p == '{');

  if (depth > MAX_DEPTH)
    return rapport_instagram_scan_error (s, _("the data is nested too deeply"), error);

  s->p++;
  rapport_instagram_scan_skip_space (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      rapport_instagram_scan_skip_space (s);
      if (rapport_instagram_scan_at_end (s))
        return rapport_instagram_scan_error (s, _("the file ends too early"), error);
      if (*s->p != '"')
        return rapport_instagram_scan_error (s, _("expected the name of a field"), error);
      if (!rapport_instagram_scan_string (s, s->key, error) || !expect_char (s, ':', error))
        return FALSE;
      rapport_instagram_scan_skip_space (s);
      if (rapport_instagram_scan_at_end (s))
        return rapport_instagram_scan_error (s, _("the file ends too early"), error);
      if (member != NULL)
        {
          if (!member (s, depth + 1, data, error))
            return FALSE;
        }
      else if (!rapport_instagram_scan_skip (s, depth + 1, error))
        {
          return FALSE;
        }

      if (!scan_separator (s, '}', &closed, error))
        return FALSE;
      if (closed)
        return TRUE;
    }
}

gboolean
rapport_instagram_scan_array (RapportInstagramScanner      *s,
                              guint                         depth,
                              RapportInstagramElementFunc   element,
                              gpointer                      data,
                              GError                      **error)
{
  gboolean closed;

  g_assert (*s->p == '[');

  if (depth > MAX_DEPTH)
    return rapport_instagram_scan_error (s, _("the data is nested too deeply"), error);

  s->p++;
  rapport_instagram_scan_skip_space (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }

  for (guint index = 0;; index++)
    {
      rapport_instagram_scan_skip_space (s);
      if (rapport_instagram_scan_at_end (s))
        return rapport_instagram_scan_error (s, _("the file ends too early"), error);
      if (element != NULL)
        {
          if (!element (s, depth + 1, index, data, error))
            return FALSE;
        }
      else if (!rapport_instagram_scan_skip (s, depth + 1, error))
        {
          return FALSE;
        }

      if (!scan_separator (s, ']', &closed, error))
        return FALSE;
      if (closed)
        return TRUE;
    }
}

gboolean
rapport_instagram_scan_skip (RapportInstagramScanner  *s,
                             guint                     depth,
                             GError                  **error)
{
  rapport_instagram_scan_skip_space (s);
  if (rapport_instagram_scan_at_end (s))
    return rapport_instagram_scan_error (s, _("the file ends too early"), error);

  switch (*s->p)
    {
    case '{':
      return rapport_instagram_scan_object (s, depth, NULL, NULL, error);
    case '[':
      return rapport_instagram_scan_array (s, depth, NULL, NULL, error);
    case '"':
      return rapport_instagram_scan_string (s, NULL, error);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return rapport_instagram_scan_number (s, NULL, error);
    default:
      return read_literal (s, error);
    }
}
