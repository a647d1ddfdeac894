/* rapport-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written scanners rather than strptime(): the exports write English month names and
 * fixed layouts, and strptime() would read them through the user's locale.
 */

#include "config.h"

#include <string.h>

#include "rapport-dates.h"

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char * const weekday_names[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static void
skip_spaces (const char **p)
{
  g_assert (p != NULL && *p != NULL);

  while (g_ascii_isspace (**p))
    (*p)++;
}

/* Reads between @min and @max digits.  Whatever follows is checked by the caller, so that
 * "+0530" can be read as two fields. */
static gboolean
read_number (const char **p,
             guint        min,
             guint        max,
             gint        *value)
{
  const char *s;
  guint n = 0;
  gint v = 0;

  g_assert (p != NULL && *p != NULL);
  g_assert (max <= 8);

  s = *p;
  while (n < max && g_ascii_isdigit (s[n]))
    {
      v = v * 10 + (s[n] - '0');
      n++;
    }
  if (n < min)
    return FALSE;

  *p = s + n;
  *value = v;
  return TRUE;
}

static gboolean
expect_char (const char **p,
             char         c)
{
  g_assert (p != NULL && *p != NULL);

  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* Matches a three-letter English abbreviation, case-insensitively, returning its index.  The
 * letters are lower-cased once, not once per name: every post of an X archive has two. */
static gboolean
read_name (const char         **p,
           const char * const  *names,
           guint                n_names,
           gint                *found)
{
  char lower[3];

  g_assert (p != NULL && *p != NULL);

  for (guint i = 0; i < 3; i++)
    {
      char c = (*p)[i];

      if (c == '\0')
        return FALSE;
      lower[i] = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
  if (g_ascii_isalpha ((*p)[3]))
    return FALSE;

  /* The names are lower-case. */
  for (guint i = 0; i < n_names; i++)
    {
      if (memcmp (lower, names[i], 3) == 0)
        {
          *p += 3;
          *found = (gint) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "+0000", "-0530", "+05:30" or "Z", as seconds east of UTC. */
static gboolean
read_offset (const char **p,
             gint        *offset)
{
  gint sign;
  gint hours;
  gint minutes;

  g_assert (p != NULL && *p != NULL);

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *offset = 0;
      return TRUE;
    }
  if (**p == '+')
    sign = 1;
  else if (**p == '-')
    sign = -1;
  else
    return FALSE;
  (*p)++;

  if (!read_number (p, 2, 2, &hours))
    return FALSE;
  if (**p == ':')
    (*p)++;
  if (!read_number (p, 2, 2, &minutes))
    return FALSE;
  if (hours > 23 || minutes > 59)
    return FALSE;

  *offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/* "YYYY-MM-DD" */
static gboolean
read_iso_day (const char **p,
              gint        *year,
              gint        *month,
              gint        *day)
{
  g_assert (p != NULL && *p != NULL);

  return read_number (p, 4, 4, year) &&
         expect_char (p, '-') &&
         read_number (p, 1, 2, month) &&
         expect_char (p, '-') &&
         read_number (p, 1, 2, day);
}

/* "HH:MM" or "HH:MM:SS" */
static gboolean
read_clock (const char **p,
            gint        *hour,
            gint        *minute,
            gint        *second)
{
  g_assert (p != NULL && *p != NULL);

  if (!read_number (p, 1, 2, hour) ||
      !expect_char (p, ':') ||
      !read_number (p, 2, 2, minute))
    return FALSE;

  *second = 0;
  if (**p == ':')
    {
      (*p)++;
      if (!read_number (p, 2, 2, second))
        return FALSE;
    }
  return TRUE;
}

/* Days from 1970-01-01 to @year-@month-@day of the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil).  Arithmetic rather than a GDateTime: parsing the dates of an
 * archive of 200,000 posts made as many objects. */
static gint64
days_from_civil (gint year,
                 gint month,
                 gint day)
{
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/* Checks the calendar (February 30 and the like) within the years 1 to 9999, as GDateTime
 * does; @offset is seconds east of UTC. */
static gboolean
make_time (gint    year,
           gint    month,
           gint    day,
           gint    hour,
           gint    minute,
           gint    second,
           gint    offset,
           gint64 *out)
{
  g_assert (out != NULL);

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;

  *out = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return TRUE;
}

gboolean
rapport_date_parse_twitter (const char *text,
                            gint64     *out)
{
  const char *p = text;
  gint weekday;
  gint month;
  gint day;
  gint hour;
  gint minute;
  gint second;
  gint offset;
  gint year;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_name (&p, weekday_names, G_N_ELEMENTS (weekday_names), &weekday) ||
      !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_name (&p, month_names, G_N_ELEMENTS (month_names), &month) ||
      !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_number (&p, 1, 2, &day) || !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_clock (&p, &hour, &minute, &second) || !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_offset (&p, &offset) || !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_number (&p, 4, 4, &year))
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;

  return make_time (year, month + 1, day, hour, minute, second, offset, out);
}

gboolean
rapport_date_parse_naive_utc (const char *text,
                              gint64     *out)
{
  const char *p = text;
  gint year;
  gint month;
  gint day;
  gint hour = 0;
  gint minute = 0;
  gint second = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_iso_day (&p, &year, &month, &day))
    return FALSE;
  if (*p == ' ' || *p == 'T')
    {
      p++;
      skip_spaces (&p);
      if (*p != '\0' && !read_clock (&p, &hour, &minute, &second))
        return FALSE;
    }
  skip_spaces (&p);
  /* Some of TikTok's lists name the zone ("2026-01-05 10:00:00 UTC"): the one assumed anyway. */
  if (p[-1] == ' ' && strncmp (p, "UTC", 3) == 0)
    {
      p += 3;
      skip_spaces (&p);
    }
  if (*p != '\0')
    return FALSE;

  return make_time (year, month, day, hour, minute, second, 0, out);
}

gboolean
rapport_date_parse_iso8601 (const char *text,
                            gint64     *out)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));

  /* A bare day is midnight UTC; GLib insists on a time of day. */
  if (strlen (stripped) <= 10)
    return rapport_date_parse_naive_utc (stripped, out);

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (stripped, utc);
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
rapport_date_parse_analytics (const char *text,
                              gint64     *out)
{
  const char *p = text;
  gint year;
  gint month;
  gint day;
  gint hour;
  gint minute;
  gint second;
  gint offset;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_iso_day (&p, &year, &month, &day) || !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_clock (&p, &hour, &minute, &second) || !expect_char (&p, ' '))
    return FALSE;
  skip_spaces (&p);
  if (!read_offset (&p, &offset))
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;

  return make_time (year, month, day, hour, minute, second, offset, out);
}

/* "Jul", "July" or "july": the month's number, 0 if the word names none. */
static gint
read_month_word (const char **p)
{
  static const char * const full_names[] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
  };
  const char *word = *p;
  gsize len = 0;

  while (g_ascii_isalpha (word[len]))
    len++;
  if (len < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (full_names); i++)
    {
      if ((len == 3 || len == strlen (full_names[i])) &&
          g_ascii_strncasecmp (word, full_names[i], len) == 0)
        {
          *p += len;
          return i + 1;
        }
    }
  return 0;
}

static void
skip_blanks (const char **p,
             gboolean     comma)
{
  while (**p == ' ' || (comma && **p == ','))
    (*p)++;
}

/* An "am" or "pm" after a 12-hour clock, if there is one: @hour becomes the 24-hour one. */
static gboolean
read_meridiem (const char **p,
               gint        *hour)
{
  gboolean pm = g_ascii_tolower (**p) == 'p';

  if (g_ascii_strncasecmp (*p, "am", 2) != 0 && g_ascii_strncasecmp (*p, "pm", 2) != 0)
    return TRUE;
  if (*hour < 1 || *hour > 12)
    return FALSE;
  *hour = *hour % 12 + (pm ? 12 : 0);
  *p += 2;
  return TRUE;
}

gboolean
rapport_date_parse_meta_text (const char *text,
                              gint64     *out)
{
  g_autoptr(GString) normal = NULL;
  const char *p;
  gint month, day, year, hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* Newer pages put narrow or plain no-break spaces before "PM". */
  normal = g_string_new (text);
  g_string_replace (normal, "\xe2\x80\xaf", " ", 0);
  g_string_replace (normal, "\xc2\xa0", " ", 0);
  p = g_strstrip (normal->str);

  if ((month = read_month_word (&p)) == 0)
    return FALSE;
  skip_blanks (&p, FALSE);
  if (!read_number (&p, 1, 2, &day) || g_ascii_isdigit (*p))
    return FALSE;
  skip_blanks (&p, TRUE);
  if (!read_number (&p, 4, 4, &year) || g_ascii_isdigit (*p))
    return FALSE;
  skip_blanks (&p, TRUE);

  if (*p != '\0')
    {
      if (!read_clock (&p, &hour, &minute, &second) || g_ascii_isdigit (*p))
        return FALSE;
      skip_blanks (&p, FALSE);
      if (!read_meridiem (&p, &hour))
        return FALSE;
      skip_blanks (&p, FALSE);
      if (*p != '\0')
        return FALSE;
    }

  return make_time (year, month, day, hour, minute, second, 0, out);
}

static gint
digits_value (const char *s,
              guint       n)
{
  gint v = 0;

  g_assert (s != NULL);

  for (guint i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* Years outside this window are more likely counters or ids than dates. */
static gboolean
plausible_day (gint    year,
               gint    month,
               gint    day,
               gint64 *out)
{
  g_assert (out != NULL);

  if (year < 2004 || year > 2100)
    return FALSE;
  return make_time (year, month, day, 0, 0, 0, 0, out);
}

/* "2026-Jan-04" at @p, and the time when "-10-15-30" follows, as the Accounts Center names
 * its wrapping folder ("meta-2026-Jan-04-10-15-30"). */
static gboolean
read_month_name_stamp (const char *p,
                       gint64     *out)
{
  gint year, month, day, hour = 0, minute = 0, second = 0;

  if (!read_number (&p, 4, 4, &year) || !expect_char (&p, '-') ||
      !read_name (&p, month_names, G_N_ELEMENTS (month_names), &month) ||
      !expect_char (&p, '-') || !read_number (&p, 2, 2, &day) || g_ascii_isdigit (*p))
    return FALSE;
  if (p[0] == '-' && g_ascii_isdigit (p[1]))
    {
      p++;
      if (!read_number (&p, 2, 2, &hour) || !expect_char (&p, '-') ||
          !read_number (&p, 2, 2, &minute) || !expect_char (&p, '-') ||
          !read_number (&p, 2, 2, &second) || g_ascii_isdigit (*p))
        return FALSE;
    }
  if (year < 2004 || year > 2100)
    return FALSE;
  return make_time (year, month + 1, day, hour, minute, second, 0, out);
}

gboolean
rapport_date_find_in_name (const char *name,
                           gint64     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      guint run = 0;

      /* Only look at the start of a run of digits, so "120220731" is not read as a date. */
      if (!g_ascii_isdigit (*p) || (p > name && g_ascii_isdigit (p[-1])))
        continue;

      while (g_ascii_isdigit (p[run]))
        run++;

      if (run == 8)
        {
          if (plausible_day (digits_value (p, 4), digits_value (p + 4, 2),
                             digits_value (p + 6, 2), out))
            return TRUE;
        }
      else if (run == 4)
        {
          char sep = p[4];

          if ((sep == '-' || sep == '_' || sep == '.') &&
              g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && p[7] == sep &&
              g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]) && !g_ascii_isdigit (p[10]) &&
              plausible_day (digits_value (p, 4), digits_value (p + 5, 2),
                             digits_value (p + 8, 2), out))
            return TRUE;
          if (sep == '-' && g_ascii_isalpha (p[5]) && read_month_name_stamp (p, out))
            return TRUE;
        }

      p += run - 1;
    }

  return FALSE;
}

/* The rest of a date at @p, after its day: an optional clock, then the end of the text. */
static gboolean
finish_day (const char *p,
            gint        year,
            gint        month,
            gint        day,
            gint64     *out)
{
  gint hour = 0, minute = 0, second = 0;

  skip_spaces (&p);
  if (*p != '\0' && !read_clock (&p, &hour, &minute, &second))
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;

  return make_time (year, month, day, hour, minute, second, 0, out);
}

gboolean
rapport_date_parse_us (const char *text,
                       gint64     *out)
{
  const char *p = text;
  gint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_number (&p, 1, 2, &month) || !expect_char (&p, '/') ||
      !read_number (&p, 1, 2, &day) || !expect_char (&p, '/') ||
      !read_number (&p, 4, 4, &year))
    return FALSE;
  return finish_day (p, year, month, day, out);
}

gboolean
rapport_date_parse_linkedin (const char *text,
                             gint64     *out)
{
  const char *p = text;
  gint year, month, day, hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_number (&p, 1, 2, &day))
    return FALSE;
  if (*p == ' ')
    {
      skip_blanks (&p, FALSE);
      if ((month = read_month_word (&p)) == 0)
        return FALSE;
      skip_blanks (&p, FALSE);
      if (!read_number (&p, 4, 4, &year) || g_ascii_isdigit (*p))
        return FALSE;
      return finish_day (p, year, month, day, out);
    }

  /* Month first, the year in two digits or four. */
  month = day;
  if (!expect_char (&p, '/') || !read_number (&p, 1, 2, &day) || !expect_char (&p, '/') ||
      !read_number (&p, 2, 4, &year) || g_ascii_isdigit (*p))
    return FALSE;
  if (year < 100)
    year += 2000;
  else if (year < 1000)
    return FALSE;
  skip_blanks (&p, TRUE);
  if (*p != '\0')
    {
      if (!read_clock (&p, &hour, &minute, &second))
        return FALSE;
      skip_blanks (&p, FALSE);
      if (!read_meridiem (&p, &hour))
        return FALSE;
      skip_spaces (&p);
      if (*p != '\0')
        return FALSE;
    }
  return make_time (year, month, day, hour, minute, second, 0, out);
}

gboolean
rapport_date_parse_day_first (const char *text,
                              gint64     *out)
{
  const char *p = text;
  gint year, month, day;
  char separator;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  skip_spaces (&p);
  if (!read_number (&p, 1, 2, &day))
    return FALSE;
  /* The same separator twice: "27-09/2024" is no date. */
  separator = *p;
  if ((separator != '-' && separator != '.' && separator != '/') ||
      !expect_char (&p, separator) || !read_number (&p, 1, 2, &month) ||
      !expect_char (&p, separator) || !read_number (&p, 4, 4, &year))
    return FALSE;
  return finish_day (p, year, month, day, out);
}

/* "Jun-21-2026" at @p, not followed by another digit. */
static gboolean
read_month_day_year (const char *p,
                     gint64     *out)
{
  gint year, month, day;

  if (!read_name (&p, month_names, G_N_ELEMENTS (month_names), &month) ||
      !expect_char (&p, '-') || !read_number (&p, 1, 2, &day) || !expect_char (&p, '-') ||
      !read_number (&p, 4, 4, &year) || g_ascii_isdigit (*p))
    return FALSE;
  return plausible_day (year, month + 1, day, out);
}

gboolean
rapport_date_find_last_month_day_year (const char *name,
                                       gint64     *out)
{
  gboolean found = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      /* Only at the start of a word, so "xMay-25-2026" is no date. */
      if (g_ascii_isalpha (*p) && (p == name || !g_ascii_isalpha (p[-1])) &&
          read_month_day_year (p, out))
        found = TRUE;
    }

  return found;
}

char *
rapport_date_format_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_time_get_year (dt),
                          g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt));
}
