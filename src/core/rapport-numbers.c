/* rapport-numbers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a count is read.  The text is split into runs of digits joined by single separators:
 * ',' '.' '\'' or a space (U+0020, U+00A0, U+2007, U+2009, U+202F; all spaces count as one kind).
 * An optional sign ('-', '+', U+2212) comes first and an optional K or M (any case, spaces
 * allowed before it) last.  Then, in this order:
 *
 *  1. With a K/M suffix, a single ',' or '.' is a decimal mark: "1.5K" = 1500, "1,234K" = 1234.
 *  2. When every separator is the same character, the first run has one to three digits and
 *     does not start with 0, and every later run has exactly three digits, the separators group
 *     thousands: "102,497", "12.345", "1.234.567", "1 234", "1'234".  So "1.234" is 1234: Meta's
 *     localized insights write thousands this way, and no export writes three-decimal counts.
 *  3. When the last separator is ',' or '.' and it is either the only separator or differs from
 *     the separators before it (which group thousands as in 2), it is a decimal mark: "2633.0",
 *     "12.5", "0.500", "1,234.5", "1.234,5".  The fraction is rounded half away from zero.
 *  4. Anything else ("1,2,3", "1 5", "12a", "N/A", "None", "") is not a count.
 *
 * Values whose magnitude does not fit a gint64 are refused rather than clamped.
 */

#include "config.h"

#include <string.h>

#include "rapport-numbers.h"
#include "rapport-records.h"

#define MAX_RUNS 16

typedef struct
{
  const char *start;
  guint len;
  char sep; /* the separator before this run: 0 for the first, ' ' for any space */
} Run;

/* The byte length of a space character at @p, 0 when there is none. */
static gsize
space_length (const char *p)
{
  const guchar *u = (const guchar *) p;

  g_assert (p != NULL);

  if (u[0] == ' ' || u[0] == '\t')
    return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  /* U+2007 figure space, U+2009 thin space, U+202F narrow no-break space */
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x87 || u[2] == 0x89 || u[2] == 0xAF))
    return 3;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  gsize len;

  g_assert (p != NULL);

  while ((len = space_length (p)) > 0)
    p += len;
  return p;
}

/* Skips an optional sign ('-', '+', U+2212) at @p and says whether it was a minus. */
static const char *
read_sign (const char *p,
           gboolean   *negative)
{
  g_assert (p != NULL);
  g_assert (negative != NULL);

  *negative = FALSE;
  if (*p == '-' || *p == '+')
    {
      *negative = (*p == '-');
      return p + 1;
    }
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x88 && (guchar) p[2] == 0x92)
    {
      *negative = TRUE;
      return p + 3;
    }
  return p;
}

/* Rule 2 for runs[0..last]. */
static gboolean
groups_thousands (const Run *runs,
                  guint      last)
{
  g_assert (runs != NULL);

  if (runs[0].len < 1 || runs[0].len > 3 || runs[0].start[0] == '0')
    return FALSE;

  for (guint i = 1; i <= last; i++)
    {
      if (runs[i].len != 3 || runs[i].sep != runs[1].sep)
        return FALSE;
    }
  return TRUE;
}

static gboolean
push_digit (guint64 *value,
            guint    digit)
{
  g_assert (value != NULL);
  g_assert (digit <= 9);

  if (*value > ((guint64) G_MAXINT64 - digit) / 10)
    return FALSE;
  *value = *value * 10 + digit;
  return TRUE;
}

gboolean
rapport_parse_count (const char *text,
                     gint64     *out)
{
  Run runs[MAX_RUNS];
  guint n_runs = 0;
  guint n_int_runs;
  const Run *fraction = NULL;
  const char *p;
  gboolean negative = FALSE;
  guint scale = 0; /* decimal digits the suffix shifts by */
  guint64 value = 0;
  char pending_sep = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = read_sign (skip_spaces (text), &negative);

  for (;;)
    {
      const char *start = p;
      char sep = 0;
      gsize sep_len = 0;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || n_runs == MAX_RUNS)
        return FALSE;

      runs[n_runs].start = start;
      runs[n_runs].len = (guint) (p - start);
      runs[n_runs].sep = pending_sep;
      n_runs++;

      if (*p == ',' || *p == '.' || *p == '\'')
        {
          sep = *p;
          sep_len = 1;
        }
      else if ((sep_len = space_length (p)) > 0 && *p != '\t')
        {
          sep = ' ';
        }

      /* A separator joins runs only when a digit follows it; otherwise the number ended. */
      if (sep == 0 || !g_ascii_isdigit (p[sep_len]))
        break;

      p += sep_len;
      pending_sep = sep;
    }

  p = skip_spaces (p);
  if (*p == 'k' || *p == 'K')
    scale = 3;
  else if (*p == 'm' || *p == 'M')
    scale = 6;
  if (scale > 0)
    p = skip_spaces (p + 1);
  if (*p != '\0')
    return FALSE;

  if (n_runs == 1)
    {
      n_int_runs = 1;
    }
  else if (scale > 0 && n_runs == 2 && (runs[1].sep == '.' || runs[1].sep == ','))
    {
      n_int_runs = 1;
      fraction = &runs[1];
    }
  else if (groups_thousands (runs, n_runs - 1))
    {
      n_int_runs = n_runs;
    }
  else if ((runs[n_runs - 1].sep == '.' || runs[n_runs - 1].sep == ',') &&
           (n_runs == 2 ||
            (runs[n_runs - 1].sep != runs[1].sep && groups_thousands (runs, n_runs - 2))))
    {
      n_int_runs = n_runs - 1;
      fraction = &runs[n_runs - 1];
    }
  else
    {
      return FALSE;
    }

  for (guint i = 0; i < n_int_runs; i++)
    for (guint j = 0; j < runs[i].len; j++)
      if (!push_digit (&value, runs[i].start[j] - '0'))
        return FALSE;

  /* The suffix moves the first fraction digits into the integer; the next one rounds. */
  for (guint j = 0; j < scale; j++)
    {
      guint digit = 0;

      if (fraction != NULL && j < fraction->len)
        digit = (guint) (fraction->start[j] - '0');

      if (!push_digit (&value, digit))
        return FALSE;
    }
  if (fraction != NULL && scale < fraction->len && fraction->start[scale] >= '5')
    {
      if (value == (guint64) G_MAXINT64)
        return FALSE;
      value++;
    }

  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

gboolean
rapport_value_is_missing (const char *text)
{
  static const char * const markers[] = {
    "", "-", "--", "undefined", "nan", "n/a", "none", "null",
  };
  const char *start;
  gsize len;

  if (text == NULL)
    return TRUE;

  start = skip_spaces (text);
  len = strlen (start);
  while (len > 0 && g_ascii_isspace (start[len - 1]))
    len--;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      if (strlen (markers[i]) == len && g_ascii_strncasecmp (start, markers[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

gint64
rapport_count_or_unknown (const char *text)
{
  gint64 count;

  if (text != NULL && rapport_parse_count (text, &count))
    return count;
  return RAPPORT_COUNT_UNKNOWN;
}

gboolean
rapport_parse_percent (const char *text,
                       double     *out,
                       gboolean   *below)
{
  char number[64]; /* the digits, with '.' for the decimal mark */
  gsize len = 0;
  gboolean is_below = FALSE;
  gboolean negative;
  gboolean seen_mark = FALSE;
  const char *p;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  if (*p == '<')
    {
      is_below = TRUE;
      p = skip_spaces (p + 1);
    }
  p = read_sign (p, &negative);
  if (!g_ascii_isdigit (*p) || (negative && is_below))
    return FALSE;

  /* One '.' or ',' between digits is the decimal mark; percentages have no thousands. */
  while (g_ascii_isdigit (*p) ||
         ((*p == '.' || *p == ',') && !seen_mark && g_ascii_isdigit (p[1])))
    {
      if (len + 1 >= sizeof number)
        return FALSE;
      if (!g_ascii_isdigit (*p))
        seen_mark = TRUE;
      number[len++] = g_ascii_isdigit (*p) ? *p : '.';
      p++;
    }
  number[len] = '\0';

  p = skip_spaces (p);
  if (*p == '%')
    p = skip_spaces (p + 1);
  if (*p != '\0')
    return FALSE;

  *out = g_ascii_strtod (number, NULL) * (negative ? -1 : 1);
  if (below != NULL)
    *below = is_below;
  return TRUE;
}
