/* test-json-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What importers read from a whole document: members whose case changes between years, counts
 * written every which way, members of a kind, and the messages of a broken file.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-records.h"
#include "core/rapport-import-error.h"
#include "import/rapport-json-array.h"

static RapportJsonTree *
parse_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RapportJsonTree *tree;

  tree = rapport_json_tree_parse (bytes, "test.json", G_MAXSIZE, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tree);
  return tree;
}

static char *
parse_error_message (const char *text,
                     gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GError) error = NULL;
  RapportJsonTree *tree;

  tree = rapport_json_tree_parse (bytes, "activity/user_data.json", G_MAXSIZE,
                                  RAPPORT_JSON_TREE_NONE, &error);
  g_assert_null (tree);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  return g_strdup (error->message);
}

static void
test_member_ci (void)
{
  g_autoptr(RapportJsonTree) tree =
    parse_string ("{\"Date\": \"a\", \"date\": \"b\", \"UserName\": \"jo\"}");
  const RapportJsonValue *object = rapport_json_tree_get_root (tree);

  /* An exact match wins over a case-insensitive one. */
  g_assert_cmpstr (rapport_json_value_get_string (object, "date"), ==, "b");
  g_assert_cmpstr (rapport_json_value_get_string (object, "Date"), ==, "a");
  g_assert_cmpstr (rapport_json_value_get_string (object, "username"), ==, "jo");
  g_assert_cmpstr (rapport_json_value_get_string (object, "USERNAME"), ==, "jo");
  g_assert_null (rapport_json_value_get_member (object, "user"));
  g_assert_null (rapport_json_value_get_member (object, "UserNames"));
}

static void
test_count (void)
{
  g_autoptr(RapportJsonTree) tree =
    parse_string ("{\"int\": 12, \"zero\": 0, \"str\": \"12\", \"sep\": \"1,234\","
                  " \"float\": 2633.0, \"half\": 12.5, \"neg\": -7,"
                  " \"none\": \"None\", \"na\": \"N/A\", \"null\": null,"
                  " \"bool\": true, \"obj\": {}, \"arr\": [1], \"huge\": 1e300}");
  const RapportJsonValue *object = rapport_json_tree_get_root (tree);

  g_assert_cmpint (rapport_json_value_get_count (object, "int"), ==, 12);
  g_assert_cmpint (rapport_json_value_get_count (object, "INT"), ==, 12);
  g_assert_cmpint (rapport_json_value_get_count (object, "zero"), ==, 0);
  g_assert_cmpint (rapport_json_value_get_count (object, "Str"), ==, 12);
  g_assert_cmpint (rapport_json_value_get_count (object, "sep"), ==, 1234);
  g_assert_cmpint (rapport_json_value_get_count (object, "float"), ==, 2633);
  g_assert_cmpint (rapport_json_value_get_count (object, "half"), ==, 13);
  g_assert_cmpint (rapport_json_value_get_count (object, "neg"), ==, -7);
  g_assert_cmpint (rapport_json_value_get_count (object, "none"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "na"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "null"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "bool"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "obj"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "arr"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "huge"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "missing"), ==, RAPPORT_COUNT_UNKNOWN);
}

static void
test_typed_members (void)
{
  g_autoptr(RapportJsonTree) tree =
    parse_string ("{\"Title\": \"N/A\", \"num\": 5, \"nothing\": null,"
                  " \"FansList\": [{\"UserName\": \"a\"}, {}],"
                  " \"ProfileMap\": {\"userName\": \"jo\"}}");
  const RapportJsonValue *object = rapport_json_tree_get_root (tree);
  const RapportJsonValue *array;
  const RapportJsonValue *map;

  g_assert_cmpstr (rapport_json_value_get_string (object, "title"), ==, "N/A");
  g_assert_null (rapport_json_value_get_string (object, "num"));
  g_assert_null (rapport_json_value_get_string (object, "nothing"));
  g_assert_null (rapport_json_value_get_string (object, "FansList"));
  g_assert_null (rapport_json_value_get_string (object, "missing"));

  array = rapport_json_value_get_array (object, "fanslist");
  g_assert_nonnull (array);
  g_assert_cmpuint (array->length, ==, 2);
  g_assert_null (rapport_json_value_get_array (object, "nothing"));
  g_assert_null (rapport_json_value_get_array (object, "ProfileMap"));
  g_assert_null (rapport_json_value_get_array (object, "missing"));

  map = rapport_json_value_get_object (object, "profilemap");
  g_assert_nonnull (map);
  g_assert_cmpstr (rapport_json_value_get_string (map, "UserName"), ==, "jo");
  g_assert_null (rapport_json_value_get_object (object, "nothing"));
  g_assert_null (rapport_json_value_get_object (object, "FansList"));
  g_assert_null (rapport_json_value_get_object (object, "title"));
}

static void
test_parse_valid (void)
{
  g_autoptr(RapportJsonTree) tree = parse_string ("\xEF\xBB\xBF{\"a\": [1, 2, 3]}");
  g_autoptr(RapportJsonTree) array_tree = parse_string ("[]");
  const RapportJsonValue *root = rapport_json_tree_get_root (tree);

  g_assert_cmpint (root->kind, ==, RAPPORT_JSON_OBJECT);
  g_assert_cmpuint (rapport_json_value_get_array (root, "a")->length, ==, 3);
  g_assert_cmpint (rapport_json_tree_get_root (array_tree)->kind, ==, RAPPORT_JSON_ARRAY);
}

static void
test_parse_errors (void)
{
  static const char broken[] = "{\"a\": [1, 2],\n \"b\": tru,\n \"c\": 3}";
  static const char cut[] = "{\"a\":\n\n[1,2";
  static const char latin1[] = "{\n\"a\": \"caf\xe9\"}";
  g_autofree char *message = NULL;

  message = parse_error_message (broken, strlen (broken));
  g_assert_cmpstr (message, ==,
                   "activity/user_data.json: not valid JSON (line 2: an unexpected character)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message (cut, strlen (cut));
  g_assert_cmpstr (message, ==,
                   "activity/user_data.json: not valid JSON (line 3: an unexpected end)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message (latin1, strlen (latin1));
  g_assert_cmpstr (message, ==,
                   "activity/user_data.json: not valid JSON (line 2: text that is not UTF-8)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message ("[1] x", 5);
  g_assert_cmpstr (message, ==, "activity/user_data.json: not valid JSON "
                   "(line 1: unexpected text after the end)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message ("", 0);
  g_assert_cmpstr (message, ==,
                   "activity/user_data.json: not valid JSON (line 1: the file is empty)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message (" \n ", 3);
  g_assert_cmpstr (message, ==,
                   "activity/user_data.json: not valid JSON (line 1: the file is empty)");
}

/* The parser reads strings eight bytes at a time up to an escape or a control character: each
 * of them, and a byte that is not UTF-8, at every place of a string longer than a word. */
static void
test_long_strings (void)
{
  static const char * const escapes[][2] = {
    { "\\n", "\n" }, { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\u00e9", "\xc3\xa9" },
    { "\\ud83d\\ude00", "\xf0\x9f\x98\x80" }, { "\xc3\xa9", "\xc3\xa9" },
  };

  for (guint at = 0; at <= 20; at++)
    {
      g_autofree char *before = g_strnfill (at, 'a');
      g_autofree char *after = g_strnfill (20 - at, 'b');
      g_autofree char *control = g_strdup_printf ("{\"t\": \"%s\t%s\"}", before, after);
      g_autofree char *latin1 = g_strdup_printf ("{\"t\": \"%s\xe9%s\"}", before, after);
      g_autofree char *message = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
        {
          g_autofree char *json = g_strdup_printf ("{\"t\": \"%s%s%s\"}", before,
                                                   escapes[i][0], after);
          g_autofree char *expected = g_strconcat (before, escapes[i][1], after, NULL);
          g_autoptr(RapportJsonTree) tree = parse_string (json);

          g_assert_cmpstr (rapport_json_value_get_string (rapport_json_tree_get_root (tree), "t"),
                           ==, expected);
        }

      message = parse_error_message (control, strlen (control));
      g_assert_cmpstr (message, ==, "activity/user_data.json: not valid JSON "
                       "(line 1: a control character inside a text)");
      g_clear_pointer (&message, g_free);
      message = parse_error_message (latin1, strlen (latin1));
      g_assert_cmpstr (message, ==, "activity/user_data.json: not valid JSON "
                       "(line 1: text that is not UTF-8)");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-value/member-ci", test_member_ci);
  g_test_add_func ("/json-value/count", test_count);
  g_test_add_func ("/json-value/typed-members", test_typed_members);
  g_test_add_func ("/json-value/parse-valid", test_parse_valid);
  g_test_add_func ("/json-value/parse-errors", test_parse_errors);
  g_test_add_func ("/json-value/long-strings", test_long_strings);

  return g_test_run ();
}
