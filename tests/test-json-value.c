/* test-json-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/rapport-records.h"
#include "core/rapport-import-error.h"
#include "import/rapport-json-util.h"

static JsonNode *
parse_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  root = rapport_json_parse_bytes (bytes, "test.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static char *
parse_error_message (const char *text,
                     gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  root = rapport_json_parse_bytes (bytes, "activity/user_data.json", &error);
  g_assert_null (root);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  return g_strdup (error->message);
}

static void
test_member_ci (void)
{
  g_autoptr(JsonNode) root = parse_string ("{\"Date\": \"a\", \"date\": \"b\", \"UserName\": \"jo\"}");
  JsonObject *object = json_node_get_object (root);

  /* An exact match wins over a case-insensitive one. */
  g_assert_cmpstr (json_node_get_string (rapport_json_object_get_member_ci (object, "date")), ==, "b");
  g_assert_cmpstr (json_node_get_string (rapport_json_object_get_member_ci (object, "Date")), ==, "a");
  g_assert_cmpstr (json_node_get_string (rapport_json_object_get_member_ci (object, "username")), ==, "jo");
  g_assert_cmpstr (json_node_get_string (rapport_json_object_get_member_ci (object, "USERNAME")), ==, "jo");
  g_assert_null (rapport_json_object_get_member_ci (object, "user"));
  g_assert_null (rapport_json_object_get_member_ci (object, "UserNames"));
}

static void
test_count (void)
{
  g_autoptr(JsonNode) root = parse_string ("{\"int\": 12, \"zero\": 0, \"str\": \"12\", \"sep\": \"1,234\","
                                           " \"float\": 2633.0, \"half\": 12.5, \"neg\": -7,"
                                           " \"none\": \"None\", \"na\": \"N/A\", \"null\": null,"
                                           " \"bool\": true, \"obj\": {}, \"arr\": [1], \"huge\": 1e300}");
  JsonObject *object = json_node_get_object (root);

  g_assert_cmpint (rapport_json_get_count (object, "int"), ==, 12);
  g_assert_cmpint (rapport_json_get_count (object, "INT"), ==, 12);
  g_assert_cmpint (rapport_json_get_count (object, "zero"), ==, 0);
  g_assert_cmpint (rapport_json_get_count (object, "Str"), ==, 12);
  g_assert_cmpint (rapport_json_get_count (object, "sep"), ==, 1234);
  g_assert_cmpint (rapport_json_get_count (object, "float"), ==, 2633);
  g_assert_cmpint (rapport_json_get_count (object, "half"), ==, 13);
  g_assert_cmpint (rapport_json_get_count (object, "neg"), ==, -7);
  g_assert_cmpint (rapport_json_get_count (object, "none"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "na"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "null"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "bool"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "obj"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "arr"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "huge"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_get_count (object, "missing"), ==, RAPPORT_COUNT_UNKNOWN);
}

static void
test_typed_members (void)
{
  g_autoptr(JsonNode) root = parse_string ("{\"Title\": \"N/A\", \"num\": 5, \"nothing\": null,"
                                           " \"FansList\": [{\"UserName\": \"a\"}, {}],"
                                           " \"ProfileMap\": {\"userName\": \"jo\"}}");
  JsonObject *object = json_node_get_object (root);
  JsonArray *array;
  JsonObject *map;

  g_assert_cmpstr (rapport_json_get_string (object, "title"), ==, "N/A");
  g_assert_null (rapport_json_get_string (object, "num"));
  g_assert_null (rapport_json_get_string (object, "nothing"));
  g_assert_null (rapport_json_get_string (object, "FansList"));
  g_assert_null (rapport_json_get_string (object, "missing"));

  array = rapport_json_get_array (object, "fanslist");
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_null (rapport_json_get_array (object, "nothing"));
  g_assert_null (rapport_json_get_array (object, "ProfileMap"));
  g_assert_null (rapport_json_get_array (object, "missing"));

  map = rapport_json_get_object (object, "profilemap");
  g_assert_nonnull (map);
  g_assert_cmpstr (rapport_json_get_string (map, "UserName"), ==, "jo");
  g_assert_null (rapport_json_get_object (object, "nothing"));
  g_assert_null (rapport_json_get_object (object, "FansList"));
  g_assert_null (rapport_json_get_object (object, "title"));
}

static void
test_parse_valid (void)
{
  g_autoptr(JsonNode) root = parse_string ("\xEF\xBB\xBF{\"a\": [1, 2, 3]}");
  g_autoptr(JsonNode) array_root = parse_string ("[]");

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpuint (json_array_get_length (rapport_json_get_array (json_node_get_object (root), "a")), ==, 3);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (array_root));
}

static void
test_parse_errors (void)
{
  static const char broken[] = "{\"a\": [1, 2],\n \"b\": tru,\n \"c\": 3}";
  static const char cut[] = "{\"a\":\n\n[1,2";
  static const char latin1[] = "{\n\"a\": \"caf\xe9\"}";
  g_autofree char *message = NULL;

  message = parse_error_message (broken, strlen (broken));
  g_assert_true (g_str_has_prefix (message, "activity/user_data.json: not valid JSON (line 2: "));
  g_assert_true (g_str_has_suffix (message, ")"));
  g_assert_nonnull (strstr (message, "tru"));
  g_assert_null (strstr (message, "<data>"));
  g_clear_pointer (&message, g_free);

  message = parse_error_message (cut, strlen (cut));
  g_assert_true (g_str_has_prefix (message, "activity/user_data.json: not valid JSON (line 3: "));
  g_clear_pointer (&message, g_free);

  message = parse_error_message (latin1, strlen (latin1));
  g_assert_true (g_str_has_prefix (message, "activity/user_data.json: not valid JSON (line 2: "));
  g_clear_pointer (&message, g_free);

  message = parse_error_message ("[1] x", 5);
  g_assert_true (g_str_has_prefix (message, "activity/user_data.json: not valid JSON (line 1: "));
  g_clear_pointer (&message, g_free);

  message = parse_error_message ("", 0);
  g_assert_cmpstr (message, ==, "activity/user_data.json: not valid JSON (line 1: the file is empty)");
  g_clear_pointer (&message, g_free);

  message = parse_error_message (" \n ", 3);
  g_assert_cmpstr (message, ==, "activity/user_data.json: not valid JSON (line 1: the file is empty)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-util/member-ci", test_member_ci);
  g_test_add_func ("/json-util/count", test_count);
  g_test_add_func ("/json-util/typed-members", test_typed_members);
  g_test_add_func ("/json-util/parse-valid", test_parse_valid);
  g_test_add_func ("/json-util/parse-errors", test_parse_errors);

  return g_test_run ();
}
