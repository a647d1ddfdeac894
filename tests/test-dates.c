/* test-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "core/rapport-dates.h"

/* Every parser must leave the output alone on failure. */
#define UNTOUCHED G_GINT64_CONSTANT (-424242)

static void
assert_parses (gboolean (*parse) (const char *, gint64 *),
               const char *text,
               gint64      expected)
{
  gint64 value = UNTOUCHED;

  if (!parse (text, &value))
    g_error ("“%s” did not parse", text);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_refuses (gboolean (*parse) (const char *, gint64 *),
                const char *text)
{
  gint64 value = UNTOUCHED;

  if (parse (text, &value))
    g_error ("“%s” parsed as %" G_GINT64_FORMAT, text, value);
  g_assert_cmpint (value, ==, UNTOUCHED);
}

static void
test_twitter (void)
{
  /* date -u -d "2024-11-09 12:14:18 UTC" +%s */
  assert_parses (rapport_date_parse_twitter, "Sat Nov 09 12:14:18 +0000 2024", 1731154458);
  assert_parses (rapport_date_parse_twitter, "  sat nov 9 12:14:18 +0000 2024 ", 1731154458);
  /* date -u -d "2024-03-05 08:07:06 -0330" +%s */
  assert_parses (rapport_date_parse_twitter, "Tue Mar 05 08:07:06 -0330 2024", 1709638626);
  assert_parses (rapport_date_parse_twitter, "Thu Feb 29 00:00:00 +0000 2024", 1709164800);

  assert_refuses (rapport_date_parse_twitter, NULL);
  assert_refuses (rapport_date_parse_twitter, "");
  assert_refuses (rapport_date_parse_twitter, "Sat Nov 09 12:14:18 2024");
  assert_refuses (rapport_date_parse_twitter, "Sam Nov 09 12:14:18 +0000 2024");
  assert_refuses (rapport_date_parse_twitter, "Sat Nov 31 12:14:18 +0000 2024");
  assert_refuses (rapport_date_parse_twitter, "Sat Feb 29 12:14:18 +0000 2023");
  assert_refuses (rapport_date_parse_twitter, "Sat Nov 09 24:14:18 +0000 2024");
  assert_refuses (rapport_date_parse_twitter, "Sat Nov 09 12:14:18 +0000 2024 x");
  assert_refuses (rapport_date_parse_twitter, "Sat November 09 12:14:18 +0000 2024");
  /* Cut short within a name. */
  assert_refuses (rapport_date_parse_twitter, "Sa");
  assert_refuses (rapport_date_parse_twitter, "Sat No");
}

static void
test_naive_utc (void)
{
  /* date -u -d "2025-10-01 09:31:12 UTC" +%s */
  assert_parses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12", 1759311072);
  assert_parses (rapport_date_parse_naive_utc, "2025-10-01 09:31", 1759311060);
  assert_parses (rapport_date_parse_naive_utc, "2025-10-01", 1759276800);
  assert_parses (rapport_date_parse_naive_utc, " 2025-10-01T09:31:12 ", 1759311072);
  assert_parses (rapport_date_parse_naive_utc, "1970-01-01 00:00:00", 0);
  assert_parses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12 UTC", 1759311072);
  assert_parses (rapport_date_parse_naive_utc, "2025-10-01 09:31  UTC ", 1759311060);

  assert_refuses (rapport_date_parse_naive_utc, NULL);
  assert_refuses (rapport_date_parse_naive_utc, "");
  assert_refuses (rapport_date_parse_naive_utc, "N/A");
  assert_refuses (rapport_date_parse_naive_utc, "2025-13-01 09:31:12");
  assert_refuses (rapport_date_parse_naive_utc, "2025-02-29");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 09:60");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12 +0200");
  assert_refuses (rapport_date_parse_naive_utc, "20251001");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 9");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12UTC");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12 UTC+2");
  assert_refuses (rapport_date_parse_naive_utc, "2025-10-01 09:31:12 CET");
}

static void
test_iso8601 (void)
{
  /* date -u -d "2024-05-01 10:00:00 UTC" +%s */
  assert_parses (rapport_date_parse_iso8601, "2024-05-01T10:00:00Z", 1714557600);
  assert_parses (rapport_date_parse_iso8601, "2024-05-01T12:00:00+02:00", 1714557600);
  assert_parses (rapport_date_parse_iso8601, "2024-05-01T10:00:00.999Z", 1714557600);
  assert_parses (rapport_date_parse_iso8601, "2024-05-01T10:00:00.123456789Z", 1714557600);
  assert_parses (rapport_date_parse_iso8601, "2024-05-01T10:00:00", 1714557600);
  assert_parses (rapport_date_parse_iso8601, "2024-05-01", 1714521600);

  assert_refuses (rapport_date_parse_iso8601, NULL);
  assert_refuses (rapport_date_parse_iso8601, "");
  assert_refuses (rapport_date_parse_iso8601, "2024-05-32T10:00:00Z");
  assert_refuses (rapport_date_parse_iso8601, "yesterday at noon");
}

static void
test_analytics (void)
{
  /* date -u -d "2019-01-31 23:32 UTC" +%s */
  assert_parses (rapport_date_parse_analytics, "2019-01-31 23:32 +0000", 1548977520);
  /* date -u -d "2019-01-31 23:32 -0500" +%s */
  assert_parses (rapport_date_parse_analytics, "2019-01-31 23:32 -0500", 1548995520);
  assert_parses (rapport_date_parse_analytics, "2019-01-31 23:32:00 Z", 1548977520);

  assert_refuses (rapport_date_parse_analytics, NULL);
  assert_refuses (rapport_date_parse_analytics, "2019-01-31 23:32");
  assert_refuses (rapport_date_parse_analytics, "2019-01-31 23:32 +00");
  assert_refuses (rapport_date_parse_analytics, "31/01/2019 23:32 +0000");
}

static void
test_linkedin (void)
{
  /* date -u -d "2024-05-30 UTC" +%s, and so on */
  assert_parses (rapport_date_parse_linkedin, "30 May 2024", 1717027200);
  assert_parses (rapport_date_parse_linkedin, " 29 february 2020 ", 1582934400);
  assert_parses (rapport_date_parse_linkedin, "1/8/18, 6:14 PM", 1515435240);
  assert_parses (rapport_date_parse_linkedin, "01/08/2018 12:05 am", 1515369900);
  assert_parses (rapport_date_parse_linkedin, "12/31/19, 12:00 PM", 1577793600);
  assert_parses (rapport_date_parse_linkedin, "1/8/18", 1515369600);

  assert_refuses (rapport_date_parse_linkedin, NULL);
  assert_refuses (rapport_date_parse_linkedin, "");
  assert_refuses (rapport_date_parse_linkedin, "May 30 2024");
  assert_refuses (rapport_date_parse_linkedin, "30 Mai 2024");
  assert_refuses (rapport_date_parse_linkedin, "30 May 24");
  assert_refuses (rapport_date_parse_linkedin, "30 Feb 2024");
  assert_refuses (rapport_date_parse_linkedin, "1/8/180, 6:14 PM");
  assert_refuses (rapport_date_parse_linkedin, "13/8/18, 6:14 PM");
  assert_refuses (rapport_date_parse_linkedin, "1/8/18, 13:14 PM");
  assert_refuses (rapport_date_parse_linkedin, "1/8/18, 6:14 PM x");
}

static void
test_meta_text (void)
{
  /* date -u -d "2024-07-05 14:34 UTC" +%s, and so on */
  assert_parses (rapport_date_parse_meta_text, "Jul 5, 2024, 2:34 PM", 1720190040);
  assert_parses (rapport_date_parse_meta_text, "July 05, 2024 2:34\xe2\x80\xafpm", 1720190040);
  assert_parses (rapport_date_parse_meta_text, "Jul 5, 2024 14:34", 1720190040);
  assert_parses (rapport_date_parse_meta_text, "May 07, 2026 7:26:55pm", 1778182015);
  assert_parses (rapport_date_parse_meta_text, "Aug 17, 2025 11:23 am", 1755429780);
  assert_parses (rapport_date_parse_meta_text, " jul 5, 2024 ", 1720137600);
  assert_parses (rapport_date_parse_meta_text, "Jul 5, 2024 12:10 am", 1720138200);
  assert_parses (rapport_date_parse_meta_text, "Jul 5, 2024 12:10 pm", 1720181400);

  assert_refuses (rapport_date_parse_meta_text, NULL);
  assert_refuses (rapport_date_parse_meta_text, "5. Juli 2024");
  assert_refuses (rapport_date_parse_meta_text, "Ju 5, 2024");
  assert_refuses (rapport_date_parse_meta_text, "Jul 123, 2024");
  assert_refuses (rapport_date_parse_meta_text, "Jul 5, 2024 13:10 pm");
  assert_refuses (rapport_date_parse_meta_text, "Jul 5, 2024 2:345");
  assert_refuses (rapport_date_parse_meta_text, "Feb 30, 2024");
  assert_refuses (rapport_date_parse_meta_text, "1720190040");
}

static void
test_us (void)
{
  /* date -u -d "2026-05-26 10:23 UTC" +%s */
  assert_parses (rapport_date_parse_us, "05/26/2026 10:23", 1779790980);
  assert_parses (rapport_date_parse_us, " 5/26/2026 10:23:05 ", 1779790985);
  assert_parses (rapport_date_parse_us, "05/26/2026", 1779753600);

  assert_refuses (rapport_date_parse_us, NULL);
  assert_refuses (rapport_date_parse_us, "26/05/2026 10:23");
  assert_refuses (rapport_date_parse_us, "02/30/2026 10:23");
  assert_refuses (rapport_date_parse_us, "05/26/2026 10:23 PM");
  assert_refuses (rapport_date_parse_us, "2026-05-26 10:23");
}

static void
test_day_first (void)
{
  /* date -u -d "2024-09-27 UTC" +%s */
  assert_parses (rapport_date_parse_day_first, "27-09-2024", 1727395200);
  assert_parses (rapport_date_parse_day_first, " 27.09.2024 ", 1727395200);
  assert_parses (rapport_date_parse_day_first, "27/9/2024 14:05", 1727445900);

  assert_refuses (rapport_date_parse_day_first, NULL);
  assert_refuses (rapport_date_parse_day_first, "09-27-2024");
  assert_refuses (rapport_date_parse_day_first, "31-02-2024");
  assert_refuses (rapport_date_parse_day_first, "27-09/2024");
  assert_refuses (rapport_date_parse_day_first, "2024-09-27");
  assert_refuses (rapport_date_parse_day_first, "27-09-24");
  assert_refuses (rapport_date_parse_day_first, "27-09-2024 noon");
}

static void
test_find_last_month_day_year (void)
{
  /* date -u -d "2026-06-21 UTC" +%s */
  assert_parses (rapport_date_find_last_month_day_year,
                 "May-25-2026_Jun-21-2026_17841400000000000.csv", 1782000000);
  assert_parses (rapport_date_find_last_month_day_year, "jun-21-2026.csv", 1782000000);
  assert_parses (rapport_date_find_last_month_day_year, "Jun-21-2026_Feb-30-2026", 1782000000);

  assert_refuses (rapport_date_find_last_month_day_year, NULL);
  assert_refuses (rapport_date_find_last_month_day_year, "export.csv");
  assert_refuses (rapport_date_find_last_month_day_year, "xJun-21-2026.csv");
  assert_refuses (rapport_date_find_last_month_day_year, "Jun-21-20261.csv");
}

static void
test_find_in_name (void)
{
  /* date -u -d "2026-01-04 UTC" +%s, date -u -d "2022-07-31 UTC" +%s */
  assert_parses (rapport_date_find_in_name, "instagram-jo-2026-01-04-abc.zip", 1767484800);
  assert_parses (rapport_date_find_in_name, "jo_20220731.zip", 1659225600);
  assert_parses (rapport_date_find_in_name, "20220731", 1659225600);
  assert_parses (rapport_date_find_in_name, "export_2022_07_31.tar.gz", 1659225600);
  /* An implausible or impossible candidate is passed over for a later one. */
  assert_parses (rapport_date_find_in_name, "id-19991231-jo-2026-01-04.zip", 1767484800);
  assert_parses (rapport_date_find_in_name, "v2024-13-01_20220731.zip", 1659225600);
  assert_parses (rapport_date_find_in_name, "a-2004-01-01", 1072915200);
  assert_parses (rapport_date_find_in_name, "a-2100-12-31", 4133894400);
  /* The Accounts Center's wrapper: date -u -d "2026-01-04 10:15:30 UTC" +%s */
  assert_parses (rapport_date_find_in_name, "meta-2026-Jan-04-10-15-30", 1767521730);
  assert_parses (rapport_date_find_in_name, "meta-2025-aug-01.zip", 1754006400);

  assert_refuses (rapport_date_find_in_name, NULL);
  assert_refuses (rapport_date_find_in_name, "user_data_tiktok.json");
  assert_refuses (rapport_date_find_in_name, "archive-123220731.zip");
  assert_refuses (rapport_date_find_in_name, "twitter-20220731123456.zip");
  assert_refuses (rapport_date_find_in_name, "jo_20220230.zip");
  assert_refuses (rapport_date_find_in_name, "jo_20030731.zip");
  assert_refuses (rapport_date_find_in_name, "jo_2101-01-01.zip");
  assert_refuses (rapport_date_find_in_name, "jo-2022-07-315");
  assert_refuses (rapport_date_find_in_name, "jo-2022-07_31");
  assert_refuses (rapport_date_find_in_name, "meta-2026-Jam-04-10-15-30");
  assert_refuses (rapport_date_find_in_name, "meta-2026-Jan-04-25-15-30");
  assert_refuses (rapport_date_find_in_name, "meta-2026-Jan-4");
  assert_refuses (rapport_date_find_in_name, "meta-2003-Jan-04");
}

static void
test_format_day (void)
{
  g_autofree char *a = rapport_date_format_day (1714557600);
  g_autofree char *b = rapport_date_format_day (0);
  g_autofree char *c = rapport_date_format_day (1709164800 - 1);

  g_assert_cmpstr (a, ==, "2024-05-01");
  g_assert_cmpstr (b, ==, "1970-01-01");
  g_assert_cmpstr (c, ==, "2024-02-28");
  g_assert_null (rapport_date_format_day (G_MAXINT64));
}

/* Month and weekday names are English in every export, whatever the user's language. */
static void
test_locale_independent (void)
{
  static const char * const locales[] = { "tr_TR.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      setlocale (LC_ALL, locales[i]);
      assert_parses (rapport_date_parse_twitter, "WED JUL 31 00:00:00 +0000 2024", 1722384000);
      assert_parses (rapport_date_parse_twitter, "Fri Mar 01 00:00:00 +0000 2024", 1709251200);
    }
  setlocale (LC_ALL, "");
}

/* Every day of years 1 to 9999 and every day that is not one, against GDateTime's calendar;
 * and the end of a day with an offset. */
static void
test_calendar (void)
{
  gint64 at;

  for (int year = 1; year <= 9999; year += year < 1500 || year > 2500 ? 7 : 1)
    {
      for (int month = 1; month <= 12; month++)
        {
          for (int day = 1; day <= 32; day++)
            {
              g_autoptr(GDateTime) expected = g_date_time_new_utc (year, month, day, 23, 59, 58);
              g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT23:59:58Z", year, month,
                                                       day);
              gboolean parsed = rapport_date_parse_iso8601 (text, &at);

              g_assert_true (parsed == (expected != NULL));
              if (parsed)
                g_assert_cmpint (at, ==, g_date_time_to_unix (expected));
            }
        }
    }

  g_assert_true (rapport_date_parse_iso8601 ("2024-02-29T00:30:00+01:00", &at));
  g_assert_cmpint (at, ==, 1709163000);
  g_assert_false (rapport_date_parse_iso8601 ("2023-02-29T00:00:00Z", &at));
  g_assert_false (rapport_date_parse_iso8601 ("1900-02-29T00:00:00Z", &at));
  g_assert_true (rapport_date_parse_iso8601 ("2000-02-29T00:00:00Z", &at));
  g_assert_false (rapport_date_parse_iso8601 ("10000-01-01T00:00:00Z", &at));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/calendar", test_calendar);
  g_test_add_func ("/dates/twitter", test_twitter);
  g_test_add_func ("/dates/naive-utc", test_naive_utc);
  g_test_add_func ("/dates/iso8601", test_iso8601);
  g_test_add_func ("/dates/analytics", test_analytics);
  g_test_add_func ("/dates/linkedin", test_linkedin);
  g_test_add_func ("/dates/meta-text", test_meta_text);
  g_test_add_func ("/dates/us", test_us);
  g_test_add_func ("/dates/day-first", test_day_first);
  g_test_add_func ("/dates/find-in-name", test_find_in_name);
  g_test_add_func ("/dates/find-last-month-day-year", test_find_last_month_day_year);
  g_test_add_func ("/dates/format-day", test_format_day);
  g_test_add_func ("/dates/locale-independent", test_locale_independent);

  return g_test_run ();
}
