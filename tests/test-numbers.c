/* test-numbers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/rapport-numbers.h"
#include "core/rapport-records.h"

#define UNTOUCHED G_GINT64_CONSTANT (-424242)

static void
assert_count (const char *text,
              gint64      expected)
{
  gint64 value = UNTOUCHED;

  if (!rapport_parse_count (text, &value))
    g_error ("“%s” did not parse", text);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_not_count (const char *text)
{
  gint64 value = UNTOUCHED;

  if (rapport_parse_count (text, &value))
    g_error ("“%s” parsed as %" G_GINT64_FORMAT, text, value);
  g_assert_cmpint (value, ==, UNTOUCHED);
}

static void
test_plain (void)
{
  assert_count ("0", 0);
  assert_count ("1234", 1234);
  assert_count ("  1234\t", 1234);
  assert_count ("007", 7);
  assert_count ("+12", 12);
  assert_count ("-12", -12);
  assert_count ("\u221212", -12);
  assert_count ("9223372036854775807", G_MAXINT64);
  assert_count ("-9223372036854775807", -G_MAXINT64);
}

static void
test_thousands (void)
{
  assert_count (" 1,234 ", 1234);
  assert_count ("102,497", 102497);
  assert_count ("12.345", 12345);
  assert_count ("1.234", 1234);
  assert_count ("1.234.567", 1234567);
  assert_count ("1,234,567", 1234567);
  assert_count ("1 234", 1234);
  assert_count ("1\u00a0234\u00a0567", 1234567);
  assert_count ("1\u202f234", 1234);
  assert_count ("1\u2009234", 1234);
  assert_count ("12'345", 12345);
  assert_count ("-1,234", -1234);
  assert_count ("9,223,372,036,854,775,807", G_MAXINT64);
}

static void
test_decimals (void)
{
  assert_count ("2633.0", 2633);
  assert_count ("12.5", 13);
  assert_count ("12.4", 12);
  assert_count ("12,5", 13);
  assert_count ("-12.5", -13);
  assert_count ("-0.4", 0);
  assert_count ("0.500", 1);
  assert_count ("0,499", 0);
  assert_count ("1.2345", 1);
  assert_count ("1,234.5", 1235);
  assert_count ("1.234,49", 1234);
  assert_count ("1 234,5", 1235);
  assert_count ("1,234,567.89", 1234568);
}

static void
test_suffixes (void)
{
  assert_count ("1.5K", 1500);
  assert_count ("1.5k", 1500);
  assert_count ("2M", 2000000);
  assert_count ("2 m", 2000000);
  assert_count ("1,5K", 1500);
  assert_count ("1.25M", 1250000);
  assert_count ("1.2345K", 1235);
  assert_count ("1.2344K", 1234);
  assert_count ("0.5K", 500);
  /* With a suffix a lone separator is a decimal mark, never a thousands one. */
  assert_count ("1,234K", 1234);
  assert_count ("1,234.5K", 1234500);
  assert_count ("-1.5K", -1500);
}

static void
test_refused (void)
{
  assert_not_count (NULL);
  assert_not_count ("");
  assert_not_count ("   ");
  assert_not_count ("-");
  assert_not_count ("--");
  assert_not_count ("+");
  assert_not_count ("N/A");
  assert_not_count ("None");
  assert_not_count ("null");
  assert_not_count ("12a");
  assert_not_count ("a12");
  assert_not_count ("1,2,3");
  assert_not_count ("1,234,5");
  assert_not_count ("1.234.5");
  assert_not_count ("1 5");
  assert_not_count ("1,,234");
  assert_not_count ("1,");
  assert_not_count (",5");
  assert_not_count ("1.5.K");
  assert_not_count ("1.5KK");
  assert_not_count ("K");
  assert_not_count ("1.5B");
  assert_not_count ("12%");
  assert_not_count ("--5");
  assert_not_count ("1,234 567");
  assert_not_count ("0,123,456");
}

static void
test_overflow (void)
{
  assert_not_count ("9223372036854775808");
  assert_not_count ("-9223372036854775808");
  assert_not_count ("99999999999999999999999");
  assert_not_count ("9,223,372,036,854,775,808");
  assert_not_count ("9223372036854775807.5");
  assert_not_count ("9223372036854776K");
  assert_not_count ("1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8");
}

static void
test_missing (void)
{
  const char * const missing[] = {
    "", "  ", "-", "--", " -- ", "undefined", "NAN", "NaN", "N/A", "n/a", "None", "null",
  };
  const char * const present[] = { "0", "-1", "12", "x", "---", "nan%", "n/a/b" };

  g_assert_true (rapport_value_is_missing (NULL));
  g_assert_cmpint (rapport_count_or_unknown (NULL), ==, RAPPORT_COUNT_UNKNOWN);
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_assert_true (rapport_value_is_missing (missing[i]));
      g_assert_cmpint (rapport_count_or_unknown (missing[i]), ==, RAPPORT_COUNT_UNKNOWN);
    }
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    g_assert_false (rapport_value_is_missing (present[i]));

  g_assert_cmpint (rapport_count_or_unknown ("2633.0"), ==, 2633);
  g_assert_cmpint (rapport_count_or_unknown ("1,234"), ==, 1234);
  g_assert_cmpint (rapport_count_or_unknown ("1 234 567"), ==, 1234567);
  g_assert_cmpint (rapport_count_or_unknown ("12.345"), ==, 12345);
  g_assert_cmpint (rapport_count_or_unknown ("0"), ==, 0);
  g_assert_cmpint (rapport_count_or_unknown ("12 apples"), ==, RAPPORT_COUNT_UNKNOWN);
}

static void
assert_percent (const char *text,
                double      expected,
                gboolean    expected_below)
{
  double value = -424242;
  gboolean below = !expected_below;

  if (!rapport_parse_percent (text, &value, &below))
    g_error ("“%s” did not parse", text);
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
  g_assert_cmpint (below, ==, expected_below);
}

static void
test_percent (void)
{
  const char * const refused[] = {
    NULL, "", "-", "--", "undefined", "NAN", "N/A", "%", "< %", "<", "2%%", "2 % x", "1.2.3%",
    "1,2,3", ".5%", "5.%", "< -1%", "x2%", "2e3%", "< 1% <",
  };
  double value = -424242;
  gboolean below = TRUE;

  assert_percent ("2%", 2, FALSE);
  assert_percent (" 12.5 % ", 12.5, FALSE);
  assert_percent ("0,5%", 0.5, FALSE);
  assert_percent ("-3%", -3, FALSE);
  assert_percent ("\u22123.25%", -3.25, FALSE);
  assert_percent ("4.5", 4.5, FALSE);
  assert_percent ("100%", 100, FALSE);
  assert_percent ("2\u00a0%", 2, FALSE);
  assert_percent ("< 1%", 1, TRUE);
  assert_percent ("<1%", 1, TRUE);
  assert_percent ("< 0.1 %", 0.1, TRUE);

  g_assert_true (rapport_parse_percent ("7%", &value, NULL));
  g_assert_cmpfloat (value, ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      if (rapport_parse_percent (refused[i], &value, &below))
        g_error ("“%s” parsed as %g", refused[i], value);
      g_assert_cmpfloat (value, ==, 7);
      g_assert_true (below);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numbers/plain", test_plain);
  g_test_add_func ("/numbers/thousands", test_thousands);
  g_test_add_func ("/numbers/decimals", test_decimals);
  g_test_add_func ("/numbers/suffixes", test_suffixes);
  g_test_add_func ("/numbers/refused", test_refused);
  g_test_add_func ("/numbers/overflow", test_overflow);
  g_test_add_func ("/numbers/missing", test_missing);
  g_test_add_func ("/numbers/percent", test_percent);

  return g_test_run ();
}
