/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-records.h"
#include "rapport-test-util.h"

static RapportCsvReader *
reader_for (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rapport_csv_reader_new (bytes, "stats.csv");
}

/* @text in UTF-16 (little or big endian) after a byte order mark. */
static RapportCsvReader *
utf16_reader_for (const char *text,
                  gboolean    big_endian)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *converted = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE",
                                          "UTF-8", NULL, &len, &error);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_byte_array_append (data, (const guint8 *) (big_endian ? "\xFE\xFF" : "\xFF\xFE"), 2);
  g_byte_array_append (data, (const guint8 *) converted, len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  return rapport_csv_reader_new (bytes, "Follows.csv");
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
    /* Bytes without data, as an empty file may give: nothing to read, and no offset on NULL
     * (UBSan). */
    g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
    g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (bytes, "empty.csv");
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_csv_reader_read_header (reader, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==, "empty.csv: the file is empty");
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\"header");
    g_autoptr(GError) error = NULL;

    g_assert_false (rapport_csv_reader_read_header (reader, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==, "stats.csv: a quoted field that starts on line 1 never ends");
  }
}

/* Reads the header of the next block and compares its title and names. */
static void
assert_block (RapportCsvReader   *reader,
              const char         *title,
              const char * const *header)
{
  g_autoptr(GError) error = NULL;
  const char * const *names;

  g_assert_true (rapport_csv_reader_next_block (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_csv_reader_get_title (reader), ==, title);
  names = rapport_csv_reader_get_header (reader);
  g_assert_nonnull (names);
  g_assert_cmpstrv (names, header);
}

static void
assert_no_more_blocks (RapportCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_csv_reader_next_block (reader, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_csv_reader_next_block (reader, &error));
  g_assert_no_error (error);
}

static void
test_separators (void)
{
  {
    /* Detected from the header: semicolons outside quotes outnumber the comma inside. */
    g_autoptr(RapportCsvReader) reader = reader_for (
      "\xEF\xBB\xBF\"Views, total\";Reach;Date\r\n"
      "1.234;\"5;6\";2026-05-25\r\n"
      "7;8;2026-05-26");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ';');
    assert_row (reader, 1, (const char * const[]) { "Views, total", "Reach", "Date", NULL });
    assert_row (reader, 2, (const char * const[]) { "1.234", "5;6", "2026-05-25", NULL });
    assert_row (reader, 3, (const char * const[]) { "7", "8", "2026-05-26", NULL });
    assert_end (reader);
  }
  {
    /* Tabs, with a quoted line break in the first data row. */
    g_autoptr(RapportCsvReader) reader = reader_for (
      "Date\tCaption\tLikes\n2026-05-25\t\"one\ntwo, three\"\t4\n");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, '\t');
    assert_row (reader, 1, (const char * const[]) { "Date", "Caption", "Likes", NULL });
    assert_row (reader, 2, (const char * const[]) { "2026-05-25", "one\ntwo, three", "4", NULL });
    assert_end (reader);
  }
  {
    /* "sep=" names the separator and counts as line 1; a title line has none to detect. */
    g_autoptr(RapportCsvReader) reader = reader_for ("sep=;\r\nTitle, with a comma\r\na;b\r\n");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ';');
    assert_row (reader, 2, (const char * const[]) { "Title, with a comma", NULL });
    assert_row (reader, 3, (const char * const[]) { "a", "b", NULL });
    assert_end (reader);
  }
  {
    g_autoptr(RapportCsvReader) reader = reader_for ("\xEF\xBB\xBFsep=\t\na\tb,c");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, '\t');
    assert_row (reader, 2, (const char * const[]) { "a", "b,c", NULL });
    assert_end (reader);
  }
  {
    /* Not a "sep=" line: a header that starts with the same letters. */
    g_autoptr(RapportCsvReader) reader = reader_for ("sep=,x;y\n1;2\n");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');
    assert_row (reader, 1, (const char * const[]) { "sep=", "x;y", NULL });
  }
  {
    /* No separator anywhere: one column, split on commas should one appear later. */
    g_autoptr(RapportCsvReader) reader = reader_for ("Followers\n12\n");

    g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');
    assert_row (reader, 1, (const char * const[]) { "Followers", NULL });
    assert_row (reader, 2, (const char * const[]) { "12", NULL });
    assert_end (reader);
  }
}

static void
test_utf16_blocks (void)
{
  /* Meta's per-metric daily export: UTF-16LE, "sep=,", two blocks with titles. */
  g_autoptr(RapportCsvReader) reader = utf16_reader_for (
    "sep=,\r\n"
    "\"Facebook follows\"\r\n"
    "\"Date\",\"Primary\"\r\n"
    "\"2026-05-25T00:00:00\",\"3\"\r\n"
    "\"2026-05-26T00:00:00\",\"0\"\r\n"
    "\r\n"
    "\"Instagram follows\"\r\n"
    "\"Date\",\"Primary\"\r\n"
    "\"2026-05-25T00:00:00\",\"65\"\r\n"
    "\"2026-05-27T01:00:00\",\"7\"\r\n",
    FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');

  assert_block (reader, "Facebook follows", (const char * const[]) { "Date", "Primary", NULL });
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "primary"), ==, 1);
  assert_row (reader, 4, (const char * const[]) { "2026-05-25T00:00:00", "3", NULL });
  assert_row (reader, 5, (const char * const[]) { "2026-05-26T00:00:00", "0", NULL });
  /* The blank line ends the block, and stays its end. */
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  assert_block (reader, "Instagram follows", (const char * const[]) { "Date", "Primary", NULL });
  assert_row (reader, 9, (const char * const[]) { "2026-05-25T00:00:00", "65", NULL });
  assert_row (reader, 10, (const char * const[]) { "2026-05-27T01:00:00", "7", NULL });
  assert_end (reader);
  assert_no_more_blocks (reader);
}

static void
test_utf16_big_endian (void)
{
  /* Characters beyond the BMP come as surrogate pairs. */
  g_autoptr(RapportCsvReader) reader = utf16_reader_for (
    "Caption\tLikes\nCaf\xC3\xA9 \xF0\x9F\x98\x80\t12", TRUE);
  g_autoptr(GBytes) broken = g_bytes_new_static ("\xFF\xFE" "a\0,\0\x3D\xD8" "b\0\n\0c", 13);
  g_autoptr(RapportCsvReader) broken_reader = rapport_csv_reader_new (broken, "broken.csv");

  g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, '\t');
  assert_row (reader, 1, (const char * const[]) { "Caption", "Likes", NULL });
  assert_row (reader, 2, (const char * const[]) { "Caf\xC3\xA9 \xF0\x9F\x98\x80", "12", NULL });
  assert_end (reader);

  /* An unpaired surrogate and an odd last byte each read as U+FFFD. */
  assert_row (broken_reader, 1, (const char * const[]) { "a", "\xEF\xBF\xBD" "b", NULL });
  assert_row (broken_reader, 2, (const char * const[]) { "\xEF\xBF\xBD", NULL });
  assert_end (broken_reader);
}

static void
test_blocks (void)
{
  /* Blocks with and without titles, separated by blank lines or rows of empty fields as a
   * spreadsheet program saves them; a one-field row followed by another is no title. */
  g_autoptr(RapportCsvReader) reader = reader_for (
    "\n"
    "Age,Women,Men\n"
    "18-24,10%,8%\n"
    ",,\n"
    "Top countries,,\n"
    "France,Belgium,Canada\n"
    "52%,11%,< 1%\n"
    "\n\n"
    "Followers\n"
    "120\n"
    "\n"
    "Lone title\n");
  g_autoptr(GError) error = NULL;

  assert_block (reader, NULL, (const char * const[]) { "Age", "Women", "Men", NULL });
  assert_row (reader, 3, (const char * const[]) { "18-24", "10%", "8%", NULL });
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  assert_block (reader, "Top countries",
                (const char * const[]) { "France", "Belgium", "Canada", NULL });
  assert_row (reader, 7, (const char * const[]) { "52%", "11%", "< 1%", NULL });
  g_assert_false (rapport_csv_reader_next (reader, &error));

  assert_block (reader, NULL, (const char * const[]) { "Followers", NULL });
  assert_row (reader, 11, (const char * const[]) { "120", NULL });
  g_assert_false (rapport_csv_reader_next (reader, &error));

  assert_block (reader, NULL, (const char * const[]) { "Lone title", NULL });
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  assert_no_more_blocks (reader);
}

/* A file mapped and read with RAPPORT_CSV_MAPPED, its read pages handed back as the reader
 * goes, reads as it does from memory: rows with a quoted field over two lines (some across
 * the points where pages are released), their line numbers, and blocks, where the reader
 * steps back over the blank line that ends one. */
static void
test_mapped (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Id,Text\n");
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_rows = 60000;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%u,\"row %u of many, with some words to make it long\n"
                            "and a second line\"\n", i, i);
  g_string_append (text, "\nTitle\nDay,Count\n1,2\n");
  g_assert_cmpuint (text->len, >, 4u << 20);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  reader = rapport_csv_reader_new_full (bytes, "big.csv", RAPPORT_CSV_MAPPED);

  assert_block (reader, NULL, (const char * const[]) { "Id", "Text", NULL });
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *row = g_strdup_printf ("row %u of many, with some words to make it long\n"
                                              "and a second line", i);

      assert_row (reader, 2 + 2 * i, (const char * const[]) { id, row, NULL });
    }
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  assert_block (reader, "Title", (const char * const[]) { "Day", "Count", NULL });
  assert_row (reader, 2 + 2 * n_rows + 3, (const char * const[]) { "1", "2", NULL });
  g_assert_false (rapport_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  assert_no_more_blocks (reader);

  g_clear_pointer (&reader, rapport_csv_reader_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&file, g_mapped_file_unref);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_block_errors (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("Title\n\"Date,Primary\n");
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_csv_reader_next_block (reader, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "stats.csv: a quoted field that starts on line 2 never ends");
}

static void
test_localized_header (void)
{
  static const char * const date[] = { "Date", "Datum", "Fecha", NULL };
  static const char * const views[] = { "Views", "Visualizaciones", "Vues", NULL };
  static const char * const reach[] = { "Reach", "Alcance", NULL };
  static const char * const saves[] = { "Saves", "Guardados", NULL };
  static const char * const preferred[] = { "Impressions", "Views", NULL };
  g_autoptr(RapportCsvReader) reader = reader_for (
    "\xEF\xBB\xBF\" Fecha \",VISUALIZACIONES,alcance,Views,Impressions\n"
    "2026-05-25,10,4,x,y\n");
  g_autoptr(GError) error = NULL;
  const char * const row[] = { "Post ID", NULL, " post id ", "Fecha" };

  g_assert_true (rapport_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (rapport_csv_reader_get_header (reader),
                    ((const char * const[]) {
                      "Fecha", "VISUALIZACIONES", "alcance", "Views", "Impressions", NULL }));
  g_assert_cmpint (rapport_csv_reader_find_column_any (reader, date), ==, 0);
  /* The first name found wins, wherever its column is. */
  g_assert_cmpint (rapport_csv_reader_find_column_any (reader, views), ==, 3);
  g_assert_cmpint (rapport_csv_reader_find_column_any (reader, preferred), ==, 4);
  g_assert_cmpint (rapport_csv_reader_find_column_any (reader, reach), ==, 2);
  g_assert_cmpint (rapport_csv_reader_find_column_any (reader, saves), ==, -1);

  g_assert_cmpint (rapport_csv_find_name (row, G_N_ELEMENTS (row),
                                          (const char * const[]) { "post id", NULL }), ==, 0);
  g_assert_cmpint (rapport_csv_find_name (row, G_N_ELEMENTS (row), date), ==, 3);
  g_assert_cmpint (rapport_csv_find_name (row, 3, date), ==, -1);
  g_assert_cmpint (rapport_csv_find_name (NULL, 0, date), ==, -1);
}

static void
test_missing_values (void)
{
  /* TikTok Studio's business variant: unquoted, NAN, "--", "undefined" and thousands. */
  g_autoptr(RapportCsvReader) reader = reader_for (
    "Date,Net growth,New followers,Lost followers,Views\n"
    "2025/10/31,NAN,--,undefined,\"1,204\"\n"
    "2025/11/01,-3,N/A,-,2633.0\n"
    "2025/11/02,,12,1 004,\n");
  g_autoptr(GError) error = NULL;
  gint64 growth = 0;

  g_assert_true (rapport_csv_reader_read_header (reader, &error));

  g_assert_true (rapport_csv_reader_next (reader, &error));
  for (guint i = 1; i <= 3; i++)
    {
      g_assert_true (rapport_value_is_missing (rapport_csv_reader_get_field (reader, i)));
      g_assert_cmpint (rapport_count_or_unknown (rapport_csv_reader_get_field (reader, i)), ==,
                       RAPPORT_COUNT_UNKNOWN);
    }
  g_assert_cmpint (rapport_count_or_unknown (rapport_csv_reader_get_field (reader, 4)), ==, 1204);

  g_assert_true (rapport_csv_reader_next (reader, &error));
  g_assert_true (rapport_parse_count (rapport_csv_reader_get_field (reader, 1), &growth));
  g_assert_cmpint (growth, ==, -3);
  g_assert_true (rapport_value_is_missing (rapport_csv_reader_get_field (reader, 2)));
  g_assert_true (rapport_value_is_missing (rapport_csv_reader_get_field (reader, 3)));
  g_assert_cmpint (rapport_count_or_unknown (rapport_csv_reader_get_field (reader, 4)), ==, 2633);

  g_assert_true (rapport_csv_reader_next (reader, &error));
  g_assert_true (rapport_value_is_missing (rapport_csv_reader_get_field (reader, 1)));
  g_assert_cmpint (rapport_count_or_unknown (rapport_csv_reader_get_field (reader, 2)), ==, 12);
  g_assert_cmpint (rapport_count_or_unknown (rapport_csv_reader_get_field (reader, 3)), ==, 1004);
  g_assert_true (rapport_value_is_missing (rapport_csv_reader_get_field (reader, 4)));
  assert_end (reader);
}

static void
test_tiktok_studio (void)
{
  /* Every field quoted, a byte order mark, dates without a year, no final line break. */
  g_autoptr(RapportCsvReader) reader = reader_for (
    "\xEF\xBB\xBF\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n"
    "\"February 28\",\"1204\",\"undefined\",\"87\",\"4\",\"2\"\n"
    "\"March 1\",\"0\",\"3\",\"0\",\"0\",\"0\"");
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_csv_reader_read_header (reader, &error));
  g_assert_cmpint (rapport_csv_reader_find_column (reader, "video views"), ==, 1);
  assert_row (reader, 2, (const char * const[]) {
                "February 28", "1204", "undefined", "87", "4", "2", NULL });
  assert_row (reader, 3, (const char * const[]) { "March 1", "0", "3", "0", "0", "0", NULL });
  assert_end (reader);
}

static void
test_backslash_escapes (void)
{
  /* LinkedIn's Comments.csv escapes quotes with a backslash. */
  const char *text =
    "Date,Link,Message\n"
    "\"2024-01-02 10:00:00\",\"https://www.linkedin.com/feed/update/urn:li:activity:1\","
    "\"He said \\\"hi\\\", twice;\nthen \\\\ left\"\n"
    "\"2024-01-03 11:00:00\",\"\",\"plain \"\"doubled\"\"\"\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(RapportCsvReader) reader =
    rapport_csv_reader_new_full (bytes, "Comments.csv", RAPPORT_CSV_BACKSLASH_ESCAPES);

  g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');
  assert_row (reader, 1, (const char * const[]) { "Date", "Link", "Message", NULL });
  assert_row (reader, 2, (const char * const[]) {
                "2024-01-02 10:00:00", "https://www.linkedin.com/feed/update/urn:li:activity:1",
                "He said \"hi\", twice;\nthen \\ left", NULL });
  assert_row (reader, 4, (const char * const[]) {
                "2024-01-03 11:00:00", "", "plain \"doubled\"", NULL });
  assert_end (reader);
}

/* Every row of @reader as "line|field|field…" lines. */
static char *
read_all_rows (RapportCsvReader *reader)
{
  GString *rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (rows, "sep %c\n", rapport_csv_reader_get_separator (reader));
  while (rapport_csv_reader_next (reader, &error))
    {
      g_string_append_printf (rows, "%u", rapport_csv_reader_get_line (reader));
      for (guint i = 0; i < rapport_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (rows, "|%s", rapport_csv_reader_get_field (reader, i));
      g_string_append_c (rows, '\n');
    }
  g_assert_no_error (error);
  return g_string_free (rows, FALSE);
}

static GBytes *
to_utf16le (const char *text)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GByteArray *bytes = g_byte_array_new ();
  static const guint8 bom[] = { 0xFF, 0xFE };

  g_byte_array_append (bytes, bom, 2);
  for (gsize i = 0; units[i] != 0; i++)
    {
      guint8 pair[] = { units[i] & 0xFF, units[i] >> 8 };

      g_byte_array_append (bytes, pair, 2);
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* A zipped CSV read as a stream gives the rows, fields and lines that its bytes read whole
 * give, in UTF-8 and UTF-16 (a pair of surrogates and multi-line quoted fields cut by the
 * stream's chunks), and a file of a folder is read mapped. */
static void
test_stream (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *zip = g_build_filename (dir, "export.zip", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *plain = g_build_filename (folder, "posts.csv", NULL);
  g_autoptr(GString) text = g_string_new ("sep=;\r\nDate;Text;Likes\r\n");
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GBytes) utf16 = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchive) folder_archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportTestArchive *writer;

  /* Half a megabyte, a megabyte in UTF-16: several of the stream's chunks. */
  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (text, "2024-01-%02u;\"caf\u00e9 \U0001F600 \"\"%u\"\"\r\nline %u\";%u\r\n%s",
                            i % 28 + 1, i, i, i * 7, i % 50 == 0 ? "\r\n" : "");
  utf8 = g_bytes_new (text->str, text->len);
  utf16 = to_utf16le (text->str);

  writer = rapport_test_archive_new (zip, "zip");
  rapport_test_archive_add (writer, "export/posts.csv", text->str);
  rapport_test_archive_close (writer);
  {
    g_autofree char *zip16 = g_build_filename (dir, "export16.zip", NULL);
    g_autoptr(RapportArchive) archive16 = NULL;
    g_autoptr(RapportCsvReader) whole16 = rapport_csv_reader_new (utf16, "posts16.csv");
    g_autoptr(RapportCsvReader) streamed16 = NULL;
    g_autofree char *expected16 = NULL;
    g_autofree char *actual16 = NULL;

    writer = rapport_test_archive_new (zip16, "zip");
    rapport_test_archive_add_bytes (writer, "export16/posts16.csv", utf16);
    rapport_test_archive_close (writer);
    archive16 = rapport_archive_open (zip16, &error);
    g_assert_no_error (error);
    streamed16 = rapport_csv_reader_open (archive16,
                                          rapport_archive_find (archive16, "posts16.csv"),
                                          RAPPORT_CSV_DEFAULT, NULL, &error);
    g_assert_no_error (error);
    expected16 = read_all_rows (whole16);
    actual16 = read_all_rows (streamed16);
    g_assert_cmpstr (actual16, ==, expected16);
  }

  archive = rapport_archive_open (zip, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportCsvReader) whole = rapport_csv_reader_new (utf8, "posts.csv");
    g_autoptr(RapportCsvReader) streamed = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *actual = NULL;

    streamed = rapport_csv_reader_open (archive, rapport_archive_find (archive, "posts.csv"),
                                        RAPPORT_CSV_DEFAULT, NULL, &error);
    g_assert_no_error (error);
    expected = read_all_rows (whole);
    actual = read_all_rows (streamed);
    g_assert_cmpstr (actual, ==, expected);
    rapport_test_assert_contains (expected, "sep ;\n2|Date|Text|Likes\n"
                                  "3|2024-01-01|caf\u00e9 \U0001F600 \"0\"\r\nline 0|0\n");
    rapport_test_assert_contains (expected, "|caf\u00e9 \U0001F600 \"11999\"\r\nline 11999|83993\n");
  }

  /* A file of a folder is mapped, and reads the same. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (plain, text->str, text->len, NULL));
  folder_archive = rapport_archive_open (folder, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportCsvReader) whole = rapport_csv_reader_new (utf8, "posts.csv");
    g_autoptr(RapportCsvReader) mapped = rapport_csv_reader_open (folder_archive, "posts.csv",
                                                                  RAPPORT_CSV_DEFAULT, NULL,
                                                                  &error);
    g_autofree char *expected = NULL;
    g_autofree char *actual = NULL;

    g_assert_no_error (error);
    expected = read_all_rows (whole);
    actual = read_all_rows (mapped);
    g_assert_cmpstr (actual, ==, expected);
  }

  /* A stream that stops part-way (here cancelled, seen at the next chunk) ends the rows with
   * its error, never with a row it cut short. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(RapportCsvReader) cut = NULL;
    guint n_rows = 0;

    cut = rapport_csv_reader_open (archive, rapport_archive_find (archive, "posts.csv"),
                                   RAPPORT_CSV_DEFAULT, cancellable, &error);
    g_assert_no_error (error);
    g_assert_true (rapport_csv_reader_read_header (cut, &error));
    while (rapport_csv_reader_next (cut, &error))
      {
        g_autofree char *likes = g_strdup_printf ("%u", n_rows * 7);

        g_assert_cmpuint (rapport_csv_reader_get_n_fields (cut), ==, 3);
        g_assert_cmpstr (rapport_csv_reader_get_field (cut, 2), ==, likes);
        if (++n_rows == 100)
          g_cancellable_cancel (cancellable);
      }
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (n_rows, >, 100);
    g_assert_cmpuint (n_rows, <, 12000);
  }

  /* An entry the archive does not hold. */
  g_assert_null (rapport_csv_reader_open (archive, "other.csv", RAPPORT_CSV_DEFAULT, NULL,
                                          &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);

  rapport_test_remove_tree (dir);
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
  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/utf16-blocks", test_utf16_blocks);
  g_test_add_func ("/csv/utf16-big-endian", test_utf16_big_endian);
  g_test_add_func ("/csv/blocks", test_blocks);
  g_test_add_func ("/csv/mapped", test_mapped);
  g_test_add_func ("/csv/stream", test_stream);
  g_test_add_func ("/csv/block-errors", test_block_errors);
  g_test_add_func ("/csv/localized-header", test_localized_header);
  g_test_add_func ("/csv/missing-values", test_missing_values);
  g_test_add_func ("/csv/tiktok-studio", test_tiktok_studio);
  g_test_add_func ("/csv/backslash-escapes", test_backslash_escapes);

  return g_test_run ();
}
