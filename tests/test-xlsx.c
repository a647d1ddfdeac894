/* test-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Workbooks written here, part by part, in the ways the exporters write them.
 */

#include "config.h"

#include "import/rapport-xlsx.h"
#include "core/rapport-import-error.h"
#include "rapport-test-util.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define WORKSHEET_TYPE REL_NS "/worksheet"

/* Two sheets whose ids skip a number and whose relationships run the other way. */
static const char excel_workbook[] =
  XML_HEAD
  "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
  "<sheet name=\"ENGAGEMENT\" sheetId=\"1\" r:id=\"rId2\"/>"
  "<sheet name=\"FOLLOWERS\" sheetId=\"4\" state=\"visible\" r:id=\"rId1\"/>"
  "</sheets></workbook>";

static const char excel_relationships[] =
  XML_HEAD
  "<Relationships xmlns=\"" PKG_NS "\">"
  "<Relationship Id=\"rId4\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId1\" Type=\"" WORKSHEET_TYPE "\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" WORKSHEET_TYPE "\" Target=\"/xl/worksheets/sheet2.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL_NS "/sharedStrings\" Target=\"./strings.xml\"/>"
  "</Relationships>";

/* Rich text runs are joined; phonetic runs are no part of the text. */
static const char excel_strings[] =
  XML_HEAD
  "<sst xmlns=\"" MAIN_NS "\" count=\"7\" uniqueCount=\"6\">"
  "<si><t>Date</t></si>"
  "<si><t>Impressions</t></si>"
  "<si><r><rPr><b/></rPr><t>Engage</t></r><r><t xml:space=\"preserve\">ments </t></r>"
  "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>"
  "<si><t>Total followers on 5/31/2026</t></si>"
  "<si><t/></si>"
  "<si><t>New followers &amp; more</t></si>"
  "</sst>";

static const char excel_engagement[] =
  XML_HEAD
  "<worksheet xmlns=\"" MAIN_NS "\"><dimension ref=\"A1:D3\"/><sheetData>"
  "<row r=\"1\" spans=\"1:3\">"
  "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
  "</row>"
  "<row r=\"2\">"
  "<c r=\"A2\" s=\"1\"><v>46167</v></c><c r=\"B2\"><v>1204</v></c>"
  "<c r=\"C2\" t=\"n\"><v>87.5</v></c>"
  "<c r=\"D2\" t=\"b\"><v>1</v></c>"
  "</row>"
  "<row r=\"3\">"
  "<c r=\"A3\" s=\"2\"><v>46168.75</v></c><c r=\"B3\" t=\"str\"><f>B2*2</f><v>2408</v></c>"
  "<c r=\"C3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"D3\" t=\"b\"><v>0</v></c>"
  "<c r=\"E3\" t=\"s\"><v>4</v></c>"
  "</row>"
  "</sheetData></worksheet>";

/* LinkedIn's FOLLOWERS: a line of text, a blank row, then a table; rows without numbers follow
 * the row before, a cell without a reference the cell before. */
static const char excel_followers[] =
  XML_HEAD
  "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>5</v></c></row>"
  "<row><c r=\"A4\"><v>46167</v></c><c><v>12</v></c></row>"
  "<row><c r=\"A5\"><v>46168</v></c><c r=\"B5\"/><c r=\"D5\"><v>3</v></c></row>"
  "</sheetData></worksheet>";

/* TikTok Studio's XLSX: no shared strings, inline strings, numbers stored as text, no
 * references, a prefixed namespace. */
static const char web_workbook[] =
  "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\"><x:sheets>"
  "<x:sheet name=\"Overview\" sheetId=\"1\" r:id=\"R1\"/>"
  "</x:sheets></x:workbook>";

static const char web_relationships[] =
  "<Relationships xmlns=\"" PKG_NS "\">"
  "<Relationship Id=\"R1\" Type=\"" WORKSHEET_TYPE "\" Target=\"/xl/worksheets/sheet1.xml\"/>"
  "</Relationships>";

static const char web_overview[] =
  "<x:worksheet xmlns:x=\"" MAIN_NS "\"><x:sheetData>"
  "<x:row><x:c t=\"inlineStr\"><x:is><x:t>Date</x:t></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:t>Video Views</x:t></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:t>Profile Views</x:t></x:is></x:c></x:row>"
  "<x:row><x:c t=\"inlineStr\"><x:is><x:t>February 28</x:t></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:t>1204</x:t></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:t>undefined</x:t></x:is></x:c></x:row>"
  "<x:row><x:c t=\"inlineStr\"><x:is><x:t>March 1</x:t></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:r><x:t>3</x:t></x:r><x:r><x:t>0</x:t></x:r></x:is></x:c>"
  "<x:c t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> 7 </x:t></x:is></x:c></x:row>"
  "</x:sheetData></x:worksheet>";

static char *temp_dir;

/* The path of a new file in the test's folder. */
static char *
book_path (const char *name)
{
  return g_build_filename (temp_dir, name, NULL);
}

static RapportXlsx *
open_book (const char  *path,
           GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &read_error);
  g_assert_no_error (read_error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return rapport_xlsx_open_bytes (bytes, "book.xlsx", error);
}

/* A workbook of one sheet, "Data", whose part is @sheet. */
static char *
write_one_sheet (const char *sheet,
                 const char *strings)
{
  g_autofree char *path = book_path ("one.xlsx");

  rapport_test_write_archive (path, "zip",
                              "xl/workbook.xml", web_workbook,
                              "xl/_rels/workbook.xml.rels", web_relationships,
                              "xl/worksheets/sheet1.xml", sheet,
                              strings != NULL ? "xl/sharedStrings.xml" : NULL, strings,
                              NULL);
  return g_steal_pointer (&path);
}

/* Reads the only sheet of @path; the error of the reading in @error. */
static RapportSheet *
read_only_sheet (const char  *path,
                 GError     **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(RapportXlsx) book = open_book (path, &open_error);

  g_assert_no_error (open_error);
  return rapport_xlsx_read_sheet (book, 0, error);
}

static void
assert_cell (RapportSheet    *sheet,
             guint            row,
             guint            column,
             RapportCellType  type,
             const char      *text)
{
  g_assert_cmpstr (rapport_sheet_get_text (sheet, row, column), ==, text);
  g_assert_cmpint (rapport_sheet_get_cell_type (sheet, row, column), ==, type);
}

static void
test_excel (void)
{
  g_autofree char *path = book_path ("excel.xlsx");
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(RapportSheet) engagement = NULL;
  g_autoptr(RapportSheet) followers = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *names;
  guint n_sheets = 0;
  gint64 day = 0;

  rapport_test_write_archive (path, "zip",
                              "[Content_Types].xml", XML_HEAD "<Types/>",
                              "xl/workbook.xml", excel_workbook,
                              "xl/_rels/workbook.xml.rels", excel_relationships,
                              "xl/worksheets/sheet1.xml", excel_followers,
                              "xl/worksheets/sheet2.xml", excel_engagement,
                              "xl/strings.xml", excel_strings,
                              NULL);
  book = rapport_xlsx_open_path (path, &error);
  g_assert_no_error (error);

  names = rapport_xlsx_get_sheet_names (book, &n_sheets);
  g_assert_cmpuint (n_sheets, ==, 2);
  g_assert_cmpstrv (names, ((const char * const[]) { "ENGAGEMENT", "FOLLOWERS", NULL }));
  g_assert_cmpint (rapport_xlsx_find_sheet (book, "engagement"), ==, 0);
  g_assert_cmpint (rapport_xlsx_find_sheet (book, " Followers "), ==, 1);
  g_assert_cmpint (rapport_xlsx_find_sheet (book, "TOP POSTS"), ==, -1);

  /* The first sheet is sheet2.xml, through rId2. */
  engagement = rapport_xlsx_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_sheet_get_name (engagement), ==, "ENGAGEMENT");
  g_assert_cmpuint (rapport_sheet_get_n_rows (engagement), ==, 3);
  g_assert_cmpuint (rapport_sheet_get_n_columns (engagement), ==, 5);
  assert_cell (engagement, 0, 0, RAPPORT_CELL_TEXT, "Date");
  assert_cell (engagement, 0, 1, RAPPORT_CELL_TEXT, "Impressions");
  assert_cell (engagement, 0, 2, RAPPORT_CELL_TEXT, "Engagements ");
  assert_cell (engagement, 0, 3, RAPPORT_CELL_EMPTY, NULL);
  assert_cell (engagement, 1, 0, RAPPORT_CELL_NUMBER, "46167");
  assert_cell (engagement, 1, 1, RAPPORT_CELL_NUMBER, "1204");
  assert_cell (engagement, 1, 2, RAPPORT_CELL_NUMBER, "87.5");
  assert_cell (engagement, 1, 3, RAPPORT_CELL_BOOLEAN, "1");
  assert_cell (engagement, 2, 0, RAPPORT_CELL_NUMBER, "46168.75");
  assert_cell (engagement, 2, 1, RAPPORT_CELL_TEXT, "2408");
  assert_cell (engagement, 2, 2, RAPPORT_CELL_ERROR, "#DIV/0!");
  assert_cell (engagement, 2, 3, RAPPORT_CELL_BOOLEAN, "0");
  assert_cell (engagement, 2, 4, RAPPORT_CELL_TEXT, "");
  assert_cell (engagement, 3, 0, RAPPORT_CELL_EMPTY, NULL);
  assert_cell (engagement, 0, 100, RAPPORT_CELL_EMPTY, NULL);

  g_assert_true (rapport_xlsx_parse_serial_date (rapport_sheet_get_text (engagement, 1, 0),
                                                 &day));
  g_assert_cmpint (day, ==, 1779667200); /* 2026-05-25 */
  g_assert_true (rapport_xlsx_parse_serial_date (rapport_sheet_get_text (engagement, 2, 0),
                                                 &day));
  g_assert_cmpint (day, ==, 1779753600 + 18 * 3600); /* 2026-05-26 18:00 */

  g_assert_cmpint (rapport_sheet_find_column (engagement, 0,
                                              (const char * const[]) { "engagements", NULL }),
                   ==, 2);
  g_assert_cmpint (rapport_sheet_find_column (engagement, 0,
                                              (const char * const[]) { "Datum", "Date", NULL }),
                   ==, 0);
  g_assert_cmpint (rapport_sheet_find_column (engagement, 1,
                                              (const char * const[]) { "Date", NULL }), ==, -1);
  g_assert_cmpint (rapport_sheet_find_column (engagement, 7,
                                              (const char * const[]) { "Date", NULL }), ==, -1);

  followers = rapport_xlsx_read_sheet (book, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sheet_get_n_rows (followers), ==, 5);
  g_assert_cmpuint (rapport_sheet_get_n_columns (followers), ==, 4);
  assert_cell (followers, 0, 0, RAPPORT_CELL_TEXT, "Total followers on 5/31/2026");
  assert_cell (followers, 1, 0, RAPPORT_CELL_EMPTY, NULL);
  assert_cell (followers, 2, 0, RAPPORT_CELL_TEXT, "Date");
  assert_cell (followers, 2, 1, RAPPORT_CELL_TEXT, "New followers & more");
  assert_cell (followers, 3, 0, RAPPORT_CELL_NUMBER, "46167");
  assert_cell (followers, 3, 1, RAPPORT_CELL_NUMBER, "12");
  assert_cell (followers, 4, 0, RAPPORT_CELL_NUMBER, "46168");
  /* An empty cell (<c r="B5"/>) holds nothing; D5 comes after the gap. */
  assert_cell (followers, 4, 1, RAPPORT_CELL_EMPTY, NULL);
  assert_cell (followers, 4, 2, RAPPORT_CELL_EMPTY, NULL);
  assert_cell (followers, 4, 3, RAPPORT_CELL_NUMBER, "3");
  g_assert_cmpint (rapport_sheet_find_column (followers, 2, (const char * const[]) {
                                                "new followers & more", NULL }), ==, 1);
}

static void
test_web_exporter (void)
{
  g_autofree char *path = book_path ("web.xlsx");
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip-stored",
                              "xl/workbook.xml", web_workbook,
                              "xl/_rels/workbook.xml.rels", web_relationships,
                              "xl/worksheets/sheet1.xml", web_overview,
                              NULL);
  sheet = read_only_sheet (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rapport_sheet_get_name (sheet), ==, "Overview");
  g_assert_cmpuint (rapport_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (rapport_sheet_get_n_columns (sheet), ==, 3);
  assert_cell (sheet, 0, 0, RAPPORT_CELL_TEXT, "Date");
  assert_cell (sheet, 0, 1, RAPPORT_CELL_TEXT, "Video Views");
  assert_cell (sheet, 0, 2, RAPPORT_CELL_TEXT, "Profile Views");
  assert_cell (sheet, 1, 0, RAPPORT_CELL_TEXT, "February 28");
  assert_cell (sheet, 1, 1, RAPPORT_CELL_TEXT, "1204");
  assert_cell (sheet, 1, 2, RAPPORT_CELL_TEXT, "undefined");
  assert_cell (sheet, 2, 0, RAPPORT_CELL_TEXT, "March 1");
  assert_cell (sheet, 2, 1, RAPPORT_CELL_TEXT, "30");
  assert_cell (sheet, 2, 2, RAPPORT_CELL_TEXT, " 7 ");
  g_assert_cmpint (rapport_sheet_find_column (sheet, 0, (const char * const[]) {
                                                "VIDEO VIEWS", NULL }), ==, 1);
}

/* Rows are walked at the cost of their cells: a sheet whose cells lie a million rows apart is
 * read as fast as one whose rows follow each other. */
static void
test_sparse_rows (void)
{
  g_autofree char *path = write_one_sheet (
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c></row>"
    "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t></t></is></c></row>"
    "<row r=\"1048576\"><c r=\"XFD1048576\"><v>7</v></c></row>"
    "</sheetData></worksheet>", NULL);
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = read_only_sheet (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sheet_get_n_rows (sheet), ==, 1048576);
  g_assert_cmpuint (rapport_sheet_get_n_columns (sheet), ==, 16384);

  g_assert_cmpuint (rapport_sheet_find_row (sheet, 0), ==, 0);
  g_assert_cmpuint (rapport_sheet_find_row (sheet, 1), ==, 2);
  g_assert_cmpuint (rapport_sheet_find_row (sheet, 2), ==, 2);
  g_assert_cmpuint (rapport_sheet_find_row (sheet, 3), ==, 1048575);
  g_assert_cmpuint (rapport_sheet_find_row (sheet, 1048576), ==, 1048576);
  g_assert_cmpuint (rapport_sheet_find_row (sheet, G_MAXUINT), ==, 1048576);

  g_assert_true (rapport_sheet_row_has_text (sheet, 0));
  g_assert_false (rapport_sheet_row_has_text (sheet, 1));
  /* An empty string is no text. */
  g_assert_false (rapport_sheet_row_has_text (sheet, 2));
  g_assert_true (rapport_sheet_row_has_text (sheet, 1048575));
  g_assert_false (rapport_sheet_row_has_text (sheet, G_MAXUINT));
}

static void
test_unordered_cells (void)
{
  /* Rows and cells out of order are placed by their references; a cell written twice keeps
   * its last value. */
  g_autofree char *path = write_one_sheet (
    "<worksheet><sheetData>"
    "<row r=\"3\"><c r=\"B3\"><v>32</v></c><c r=\"A3\"><v>31</v></c></row>"
    "<row r=\"1\"><c r=\"AA1\"><v>27</v></c><c r=\"b1\"><v>12</v></c></row>"
    "<row r=\"3\"><c r=\"B3\"><v>33</v></c></row>"
    "</sheetData></worksheet>", NULL);
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = read_only_sheet (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (rapport_sheet_get_n_columns (sheet), ==, 27);
  assert_cell (sheet, 0, 1, RAPPORT_CELL_NUMBER, "12");
  assert_cell (sheet, 0, 26, RAPPORT_CELL_NUMBER, "27");
  assert_cell (sheet, 2, 0, RAPPORT_CELL_NUMBER, "31");
  assert_cell (sheet, 2, 1, RAPPORT_CELL_NUMBER, "33");
  g_assert_cmpint (rapport_sheet_find_column (sheet, 2, (const char * const[]) { "33", NULL }),
                   ==, 1);
}

/* Row by row, from the file: rows in the order the sheet writes them, each row's cells by
 * column (the last of two in one place kept), rows without a value passed over, cells outside
 * a row element a row of their own; then the end, and nothing after it. */
static void
test_rows (void)
{
  g_autofree char *path = write_one_sheet (
    "<worksheet><sheetData>"
    "<row r=\"3\"><c r=\"B3\"><v>32</v></c><c r=\"A3\"><v>31</v></c></row>"
    "<row r=\"1\"><c r=\"AA1\"><v>27</v></c><c r=\"b1\"><v>12</v></c></row>"
    "<row r=\"2\"/>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t></t></is></c><c r=\"B4\"/></row>"
    "<row r=\"3\"><c r=\"B3\"><v>33</v></c><c r=\"B3\"><v>34</v></c></row>"
    "<c r=\"C3\"><v>35</v></c>"
    "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>Date</t></is></c>"
    "<c r=\"C6\" t=\"inlineStr\"><is><t> Views </t></is></c></row>"
    "</sheetData></worksheet>", NULL);
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(RapportSheetReader) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char * const views[] = { "views", NULL };

  book = rapport_xlsx_open_path (path, &error);
  g_assert_no_error (error);
  rows = rapport_xlsx_read_rows (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_sheet_reader_get_name (rows), ==, "Overview");

  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 2);
  g_assert_cmpuint (rapport_sheet_reader_get_n_columns (rows), ==, 2);
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 0), ==, "31");
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 1), ==, "32");
  g_assert_cmpint (rapport_sheet_reader_get_cell_type (rows, 1), ==, RAPPORT_CELL_NUMBER);

  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 0);
  g_assert_cmpuint (rapport_sheet_reader_get_n_columns (rows), ==, 27);
  g_assert_null (rapport_sheet_reader_get_text (rows, 0));
  g_assert_cmpint (rapport_sheet_reader_get_cell_type (rows, 0), ==, RAPPORT_CELL_EMPTY);
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 1), ==, "12");
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 26), ==, "27");
  g_assert_true (rapport_sheet_reader_row_has_text (rows));

  /* Row 2 holds no cell; row 4 an empty string and a cell without a value. */
  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 3);
  g_assert_cmpuint (rapport_sheet_reader_get_n_columns (rows), ==, 1);
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 0), ==, "");
  g_assert_false (rapport_sheet_reader_row_has_text (rows));

  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 2);
  g_assert_cmpuint (rapport_sheet_reader_get_n_columns (rows), ==, 2);
  g_assert_null (rapport_sheet_reader_get_text (rows, 0));
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 1), ==, "34");

  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 2);
  g_assert_cmpuint (rapport_sheet_reader_get_n_columns (rows), ==, 3);
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 2), ==, "35");

  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpuint (rapport_sheet_reader_get_row (rows), ==, 5);
  g_assert_cmpint (rapport_sheet_reader_find_column (rows, views), ==, 2);
  g_assert_cmpint (rapport_sheet_reader_get_cell_type (rows, 2), ==, RAPPORT_CELL_TEXT);

  g_assert_false (rapport_sheet_reader_next (rows, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_sheet_reader_next (rows, &error));
  g_assert_no_error (error);
}

/* A sheet broken after its first row gives that row, then the error. */
static void
test_rows_broken (void)
{
  g_autofree char *path = write_one_sheet (
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
    "<row r=\"2\"><c r=\"XFE2\"><v>2</v></c></row>"
    "</sheetData></worksheet>", NULL);
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(RapportSheetReader) rows = NULL;
  g_autoptr(GError) error = NULL;

  book = rapport_xlsx_open_path (path, &error);
  g_assert_no_error (error);
  rows = rapport_xlsx_read_rows (book, 0, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_sheet_reader_next (rows, &error));
  g_assert_cmpstr (rapport_sheet_reader_get_text (rows, 0), ==, "1");
  g_assert_false (rapport_sheet_reader_next (rows, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "one.xlsx: the sheet “Overview”: a cell reference out of range “XFE2”");
  g_clear_error (&error);
  g_assert_false (rapport_sheet_reader_next (rows, &error));
  g_assert_no_error (error);
}

static void
test_missing_sheet (void)
{
  static const char workbook[] =
    "<workbook xmlns:r=\"" REL_NS "\"><sheets>"
    "<sheet name=\"Overview\" sheetId=\"1\" r:id=\"R1\"/>"
    "<sheet name=\"No relationship\" sheetId=\"2\" r:id=\"R9\"/>"
    "<sheet name=\"No part\" sheetId=\"3\" r:id=\"R2\"/>"
    "</sheets></workbook>";
  static const char relationships[] =
    "<Relationships>"
    "<Relationship Id=\"R1\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"R2\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"R3\" Target=\"../../../etc/passwd\"/>"
    "</Relationships>";
  g_autofree char *path = book_path ("missing.xlsx");
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(RapportSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip",
                              "xl/workbook.xml", workbook,
                              "xl/_rels/workbook.xml.rels", relationships,
                              "xl/worksheets/sheet1.xml", web_overview,
                              NULL);
  book = open_book (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_xlsx_find_sheet (book, "no part"), ==, 2);

  sheet = rapport_xlsx_read_sheet (book, 1, &error);
  g_assert_null (sheet);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "book.xlsx: the sheet “No relationship” is named in the workbook but missing");
  g_clear_error (&error);

  sheet = rapport_xlsx_read_sheet (book, 2, &error);
  g_assert_null (sheet);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "book.xlsx: the sheet “No part” is named in the workbook but missing");
  g_clear_error (&error);

  /* The others still read. */
  sheet = rapport_xlsx_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  assert_cell (sheet, 1, 1, RAPPORT_CELL_TEXT, "1204");
}

static void
test_not_a_workbook (void)
{
  g_autofree char *path = book_path ("export.zip");
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Date,Views\n", 11);
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip", "Overview.csv", "Date,Views\n", NULL);
  book = open_book (path, &error);
  g_assert_null (book);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==,
                   "book.xlsx: not a spreadsheet (the file has no xl/workbook.xml)");
  g_clear_error (&error);

  book = rapport_xlsx_open_bytes (text, "Overview.xlsx", &error);
  g_assert_null (book);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  rapport_test_assert_contains (error->message, "Overview.xlsx: the spreadsheet cannot be read (");
  g_clear_error (&error);

  book = rapport_xlsx_open_path ("/nonexistent/Content.xlsx", &error);
  g_assert_null (book);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  rapport_test_assert_contains (error->message, "Content.xlsx: cannot be opened (");
}

static void
test_entry_names (void)
{
  g_autofree char *path = book_path ("climbing.xlsx");
  g_autoptr(RapportXlsx) book = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip",
                              "xl/../../evil.xml", "<x/>",
                              "xl/workbook.xml", web_workbook,
                              NULL);
  book = open_book (path, &error);
  g_assert_null (book);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "book.xlsx: the entry “xl/../../evil.xml” points outside the spreadsheet");
}

static void
test_entities (void)
{
  /* An external entity, and an entity that would expand a thousandfold: the document type
   * is refused before any cell is read. */
  static const char * const sheets[] = {
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
    "<worksheet><sheetData><row><c t=\"str\"><v>&secret;</v></c></row></sheetData></worksheet>",
    "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<worksheet><sheetData><row><c t=\"str\"><v>&c;</v></c></row></sheetData></worksheet>",
    "<!DOCTYPE worksheet SYSTEM \"http://example.invalid/sheet.dtd\">"
    "<worksheet><sheetData/></worksheet>",
    /* Past the first look at the bytes, the parsed declaration is refused. */
    "<!-- <worksheet> --><!DOCTYPE worksheet [<!ENTITY x \"y\">]>"
    "<worksheet><sheetData><row><c t=\"str\"><v>&x;</v></c></row></sheetData></worksheet>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *path = write_one_sheet (sheets[i], NULL);
      g_autoptr(RapportSheet) sheet = NULL;
      g_autoptr(GError) error = NULL;

      sheet = read_only_sheet (path, &error);
      g_assert_null (sheet);
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, "book.xlsx: xl/worksheets/sheet1.xml declares a "
                                           "document type, which no spreadsheet does");
    }

  /* An entity that was never declared is no well-formed XML. */
  {
    g_autofree char *path = write_one_sheet (
      "<worksheet><sheetData><row><c t=\"str\"><v>&secret;</v></c></row></sheetData>"
      "</worksheet>", NULL);
    g_autoptr(RapportSheet) sheet = NULL;
    g_autoptr(GError) error = NULL;

    sheet = read_only_sheet (path, &error);
    g_assert_null (sheet);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    rapport_test_assert_contains (error->message,
                                  "book.xlsx: xl/worksheets/sheet1.xml is not well-formed XML "
                                  "(line 1: ");
  }
}

static void
test_broken_sheets (void)
{
  static const struct
  {
    const char *sheet;
    const char *strings;
    const char *message;
  } cases[] = {
    { "<worksheet><sheetData><row><c><v>1</v></c></row>", NULL,
      "book.xlsx: xl/worksheets/sheet1.xml is not well-formed XML (line 1: " },
    { "<worksheet><sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
      NULL, "book.xlsx: the sheet “Overview”: a cell reference out of range “XFE1”" },
    { "<worksheet><sheetData><row><c r=\"A1B\"><v>1</v></c></row></sheetData></worksheet>",
      NULL, "book.xlsx: the sheet “Overview”: a cell reference out of range “A1B”" },
    { "<worksheet><sheetData><row r=\"1048577\"/></sheetData></worksheet>",
      NULL, "book.xlsx: the sheet “Overview”: a row number out of range “1048577”" },
    { "<worksheet><sheetData><row r=\"0\"/></sheetData></worksheet>",
      NULL, "book.xlsx: the sheet “Overview”: a row number out of range “0”" },
    { "<worksheet><sheetData><row><c t=\"s\"><v>1</v></c></row></sheetData></worksheet>",
      "<sst><si><t>only</t></si></sst>",
      "book.xlsx: the sheet “Overview”: a shared string that does not exist “1”" },
    { "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
      NULL, "book.xlsx: the sheet “Overview”: a shared string that does not exist “0”" },
    { "<worksheet/>", "<sst><si><t>never closed</si></sst>",
      "book.xlsx: xl/sharedStrings.xml is not well-formed XML (line 1: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_one_sheet (cases[i].sheet, cases[i].strings);
      g_autoptr(RapportSheet) sheet = NULL;
      g_autoptr(GError) error = NULL;

      sheet = read_only_sheet (path, &error);
      g_assert_null (sheet);
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
      rapport_test_assert_contains (error->message, cases[i].message);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) big = g_string_new ("<worksheet><sheetData><row>");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (big, "<c><v>1</v></c>");
  g_string_append (big, "</row></sheetData></worksheet>");
  path = write_one_sheet (big->str,
                          "<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>");

  {
    g_autoptr(RapportXlsx) book = open_book (path, &error);
    g_autoptr(RapportSheet) sheet = NULL;

    g_assert_no_error (error);
    rapport_xlsx_set_limits (book, 1000, RAPPORT_XLSX_DEFAULT_CELL_LIMIT);
    sheet = rapport_xlsx_read_sheet (book, 0, &error);
    g_assert_null (sheet);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "book.xlsx: xl/worksheets/sheet1.xml unpacks to more than 1.0\u00a0kB, "
                     "which no real export does; the file may be damaged or malicious");
    g_clear_error (&error);
  }
  {
    g_autoptr(RapportXlsx) book = open_book (path, &error);
    g_autoptr(RapportSheet) sheet = NULL;

    rapport_xlsx_set_limits (book, RAPPORT_XLSX_DEFAULT_PART_LIMIT, 150);
    sheet = rapport_xlsx_read_sheet (book, 0, &error);
    g_assert_null (sheet);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "book.xlsx: the sheet “Overview” has more than 150 cells, which no real "
                     "export does; the file may be damaged or malicious");
    g_clear_error (&error);
  }
  {
    g_autoptr(RapportXlsx) book = open_book (path, &error);
    g_autoptr(RapportSheet) sheet = NULL;

    rapport_xlsx_set_limits (book, RAPPORT_XLSX_DEFAULT_PART_LIMIT, 2);
    sheet = rapport_xlsx_read_sheet (book, 0, &error);
    g_assert_null (sheet);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "book.xlsx: xl/sharedStrings.xml holds more than 2 items, which no real "
                     "export does; the file may be damaged or malicious");
    g_clear_error (&error);
  }
  {
    g_autoptr(RapportXlsx) book = open_book (path, &error);
    g_autoptr(RapportSheet) sheet = NULL;

    rapport_xlsx_set_limits (book, RAPPORT_XLSX_DEFAULT_PART_LIMIT, 200);
    sheet = rapport_xlsx_read_sheet (book, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rapport_sheet_get_n_columns (sheet), ==, 200);
    assert_cell (sheet, 0, 199, RAPPORT_CELL_NUMBER, "1");
  }
}

static void
test_serial_dates (void)
{
  static const char * const refused[] = {
    NULL, "", " ", "abc", "60", "60.99", "-5", "2958466", "1e400", "nan", "inf", "45292x",
    "45292.5 days", "+45292",
  };
  gint64 value = 0;

  g_assert_true (rapport_xlsx_parse_serial_date ("45292.5", &value));
  g_assert_cmpint (value, ==, 1704110400); /* 2024-01-01 12:00 */
  g_assert_true (rapport_xlsx_parse_serial_date (" 46167 ", &value));
  g_assert_cmpint (value, ==, 1779667200); /* 2026-05-25 */
  g_assert_true (rapport_xlsx_parse_serial_date ("61", &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (-2203891200)); /* 1900-03-01 */
  g_assert_true (rapport_xlsx_parse_serial_date ("2958465", &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (253402214400)); /* 9999-12-31 */
  /* A third of a day is 8 hours, to the second. */
  g_assert_true (rapport_xlsx_parse_serial_date ("46167.333333333336", &value));
  g_assert_cmpint (value, ==, 1779667200 + 8 * 3600);
  g_assert_true (rapport_xlsx_parse_serial_date ("4.6167E4", &value));
  g_assert_cmpint (value, ==, 1779667200);

  value = 42;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      if (rapport_xlsx_parse_serial_date (refused[i], &value))
        g_error ("“%s” read as a date", refused[i]);
      g_assert_cmpint (value, ==, 42);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  temp_dir = rapport_test_make_temp_dir ();

  g_test_add_func ("/xlsx/excel", test_excel);
  g_test_add_func ("/xlsx/web-exporter", test_web_exporter);
  g_test_add_func ("/xlsx/sparse-rows", test_sparse_rows);
  g_test_add_func ("/xlsx/unordered-cells", test_unordered_cells);
  g_test_add_func ("/xlsx/rows", test_rows);
  g_test_add_func ("/xlsx/rows-broken", test_rows_broken);
  g_test_add_func ("/xlsx/missing-sheet", test_missing_sheet);
  g_test_add_func ("/xlsx/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/xlsx/entry-names", test_entry_names);
  g_test_add_func ("/xlsx/entities", test_entities);
  g_test_add_func ("/xlsx/broken-sheets", test_broken_sheets);
  g_test_add_func ("/xlsx/limits", test_limits);
  g_test_add_func ("/xlsx/serial-dates", test_serial_dates);

  status = g_test_run ();
  rapport_test_remove_tree (temp_dir);
  g_free (temp_dir);
  return status;
}
