/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"

static RapportCsvReader *
reader_for (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rapport_csv_reader_new (bytes, "stats.csv");
}

/* Reads the next row and compares it with @expected, field by field. */
static void
assert_row (RapportCsvReader   *reader,
            guint               line,
            const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length ((char **) expected);

  g_assert_true (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_csv_reader_get_line (reader), ==, line);
  g_assert_cmpuint (rapport_csv_reader_get_n_fields (reader), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rapport_csv_reader_get_field (reader, i), ==, expected[i]);
  g_assert_null (rapport_csv_reader_get_field (reader, n));
}

static void
assert_end (RapportCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  /* The end stays the end. */
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_simple (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("a,b,c\n1,2,3\n");

  assert_row (reader, 1, (const char * const[]) { "a", "b", "c", NULL });
  assert_row (reader, 2, (const char * const[]) { "1", "2", "3", NULL });
  assert_end (reader);
}

static void
test_quoted (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for (
    "\xEF\xBB\xBF\"Tweet id\",\"Tweet text\",\"likes\"\r\n"
    "\"1\",\"Line one\nLine two with \"\"quotes\"\", a comma\",\"2633.0\"\r\n"
    "\"2\",\"\",-\r\n"
    "\r\n"
    "3,,\n"
    "4,\"crlf\r\ninside\",\"x\"tail\n"
    "5,a\"b,\n"
    "\"6\",last,\"no newline\"");

  assert_row (reader, 1, (const char * const[]) { "Tweet id", "Tweet text", "likes", NULL });
  assert_row (reader, 2, (const char * const[]) {
                "1", "Line one\nLine two with \"quotes\", a comma", "2633.0", NULL });
  assert_row (reader, 4, (const char * const[]) { "2", "", "-", NULL });
  /* The empty line 5 is no row. */
  assert_row (reader, 6, (const char * const[]) { "3", "", "", NULL });
  assert_row (reader, 7, (const char * const[]) { "4", "crlf\r\ninside", "xtail", NULL });
  assert_row (reader, 9, (const char * const[]) { "5", "a\"b", "", NULL });
  assert_row (reader, 10, (const char * const[]) { "6", "last", "no newline", NULL });
  assert_end (reader);
}

static void
test_edges (void)
{
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("");

    assert_end (reader);
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\n\r\n\n");

    assert_end (reader);
  }
  {
    /* A comma at the very end still opens an empty field; a lone CR ends a line. */
    g_autoptr(RapportCsvReader) reader = reader_for ("x\ry,");

    assert_row (reader, 1, (const char * const[]) { "x", NULL });
    assert_row (reader, 2, (const char * const[]) { "y", "", NULL });
    assert_end (reader);
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\"\"\"\"\n");

    assert_row (reader, 1, (const char * const[]) { "\"", NULL });
    assert_end (reader);
  }
}

static void
test_header (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for (
    "\"Tweet id\", Time ,\"IMPRESSIONS\",\"Fran\xC3\xA7" "ais\"\n"
    "1,2019-01-31 23:32 +0000,10.0,oui\n"
    "2\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "tweet id"), ==, 0);
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "TIME"), ==, 1);
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "impressions"), ==, 2);
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "FRAN\xC3\x87" "AIS"), ==, 3);
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "likes"), ==, -1);

  g_assert_true (rapport_csv_reader_next (reader, &error));
  g_assert_cmpstr (rapport_csv_reader_get_column (reader, 1), ==, "2019-01-31 23:32 +0000");
  g_assert_cmpstr (rapport_csv_reader_get_column (reader, 3), ==, "oui");
  g_assert_null (rapport_csv_reader_get_column (reader, -1));

  /* A short row has no value for later columns. */
  g_assert_true (rapport_csv_reader_next (reader, &error));
  g_assert_cmpstr (rapport_csv_reader_get_column (reader, 0), ==, "2");
  g_assert_null (rapport_csv_reader_get_column (reader, 2));
  assert_end (reader);
}

static void
test_errors (void)
{
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\"a\",\"b\"\n\"1\",\"never closed\n2,3\n");
    g_autoptr(GError) error = NULL;

    assert_row (reader, 1, (const char * const[]) { "a", "b", NULL });
    g_assert_false (rapport_csv_reader_next (reader, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==, "stats.csv: a quoted field that starts on line 2 never ends");
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\xEF\xBB\xBF\r\n");
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_csv_reader_read_header (reader, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==, "stats.csv: the file is empty");
    g_assert_cmpint (rapport_csv_reader_find_column (reader, "a"), ==, -1);
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\"header");
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_csv_reader_read_header (reader, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==, "stats.csv: a quoted field that starts on line 1 never ends");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/simple", test_simple);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/edges", test_edges);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/errors", test_errors);

  return g_test_run ();
}
