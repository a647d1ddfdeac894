/* test-json-array.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core/rapport-records.h"
#include "core/rapport-import-error.h"
#include "import/rapport-json-array.h"
#include "rapport-test-util.h"

/* rapport-json-window.c, for tests only. */
void rapport_json_window_set_chunk_size_for_tests (gsize size);

static GBytes *
bytes_from (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* Every element of @json as the text the scanner found, or NULL with @error set. */
static GPtrArray *
split (const char  *json,
       GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from (json);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);
  g_auto(RapportJsonArrayIter) iter = { 0 };
  RapportJsonSpan span;

  if (!rapport_json_array_iter_init (&iter, bytes, "data/test.js", error))
    return NULL;
  while (rapport_json_array_iter_next (&iter, &span, error))
    g_ptr_array_add (spans, g_strndup (json + span.offset, span.length));
  if (*error != NULL)
    return NULL;

  g_assert_cmpuint (rapport_json_array_iter_get_count (&iter), ==, spans->len);
  return g_steal_pointer (&spans);
}

static void
assert_split (const char         *json,
              const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = split (json, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < spans->len; i++)
    g_assert_cmpstr (g_ptr_array_index (spans, i), ==, expected[i]);
}

static void
assert_split_fails (const char *json,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = split (json, &error);

  g_assert_null (spans);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_prefix (void)
{
  static const struct
  {
    const char *text;
    gsize offset;
  } cases[] = {
    { "window.YTD.tweets.part0 = [ ]", 25 },
    { "window.YTD.tweets.part12 = [ ]", 26 },
    { "window.__THAR_CONFIG = {}", 22 },
    { "\xEF\xBB\xBFwindow.YTD.like.part0 = []", 26 },
    { "\xEF\xBB\xBF[1]", 3 },
    { "[1]", 0 },
    { "  [\"a=b\"]", 0 },
    { "{\"k\": \"=\"}", 0 },
    { "", 0 },
    { "no json here", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (rapport_json_skip_js_prefix (cases[i].text, strlen (cases[i].text)), ==,
                      cases[i].offset);

  {
    g_autoptr(GBytes) bytes = bytes_from ("window.__THAR_CONFIG = {\"a\": 1}");
    g_autoptr(GBytes) stripped = rapport_json_strip_js_prefix (bytes);
    gsize size;
    const char *data = g_bytes_get_data (stripped, &size);

    g_assert_cmpmem (data, size, " {\"a\": 1}", 9);
  }
}

static void
test_split (void)
{
  /* Brackets, braces and escaped quotes inside strings; backslashes before a closing quote. */
  assert_split ("window.YTD.tweets.part0 = [ \"a]b\", \"say \\\"hi\\\" ]\", [1, [2, [3]], \"]\"],"
                " {\"k\": \"\\\\\", \"l\": \"}\"}, \"\\\\\\\"\", 12.5e3, true, null, {}, [] ]",
                (const char * const[]) {
                  "\"a]b\"",
                  "\"say \\\"hi\\\" ]\"",
                  "[1, [2, [3]], \"]\"]",
                  "{\"k\": \"\\\\\", \"l\": \"}\"}",
                  "\"\\\\\\\"\"",
                  "12.5e3",
                  "true",
                  "null",
                  "{}",
                  "[]",
                  NULL,
                });

  assert_split ("[]", (const char * const[]) { NULL });
  assert_split ("window.YTD.like.part0 = [ ]", (const char * const[]) { NULL });
  assert_split ("\xEF\xBB\xBF \n\t[\r\n ]\n", (const char * const[]) { NULL });
  assert_split ("\n [\n  {\n    \"a\" : \"x\"\n  }\n ]\n ;\n",
                (const char * const[]) { "{\n    \"a\" : \"x\"\n  }", NULL });
  assert_split ("[1,2 ,\t3\n]", (const char * const[]) { "1", "2", "3", NULL });
  assert_split ("[\"\\u00e9\\\\\", \"\xC3\xA9\"]",
                (const char * const[]) { "\"\\u00e9\\\\\"", "\"\xC3\xA9\"", NULL });
}

static void
test_split_errors (void)
{
  g_autoptr(GString) deep = g_string_new ("[");

  assert_split_fails ("window.YTD.tweets.part0 = [ {\"a\": 1}, {\"b\": 2}, {\"c\": [3",
                      "data/test.js: the list is cut off after 2 items (the file is incomplete)");
  assert_split_fails ("[ {\"a\": 1}, \"unfinished",
                      "data/test.js: the list is cut off after 1 item (the file is incomplete)");
  assert_split_fails ("[1, 2",
                      "data/test.js: the list is cut off after 1 item (the file is incomplete)");
  assert_split_fails ("[1, 2,",
                      "data/test.js: the list is cut off after 2 items (the file is incomplete)");
  assert_split_fails ("[",
                      "data/test.js: the list is cut off after 0 items (the file is incomplete)");
  assert_split_fails ("window.YTD.tweets.part0 = {\n  \"tweet\": {}\n}",
                      "data/test.js: a list was expected, but the file holds a single object (line 1)");
  assert_split_fails ("\n\"text\"",
                      "data/test.js: a list was expected, but the file starts with something else (line 2)");
  assert_split_fails ("window.YTD.x.part0 = ", "data/test.js: the file is empty");
  assert_split_fails ("[1]\n]", "data/test.js: unexpected text after the end of the list (line 2)");
  assert_split_fails ("[1, 2] x", "data/test.js: unexpected text after the end of the list (line 1)");
  assert_split_fails ("[1,\n]", "data/test.js: unexpected text where item 2 should be (line 2)");
  assert_split_fails ("[1 2]", "data/test.js: unexpected text where item 2 should be (line 1)");
  assert_split_fails ("[1,\n{\"a\": [1}]",
                      "data/test.js: item 2 (line 2) has mismatched brackets");

  for (guint i = 0; i < 600; i++)
    g_string_append_c (deep, '[');
  assert_split_fails (deep->str, "data/test.js: item 1 (line 1) is nested too deeply");

  {
    g_autoptr(GBytes) bytes = bytes_from ("a\nb\n\nc");

    g_assert_cmpuint (rapport_json_line_at (bytes, 0), ==, 1);
    g_assert_cmpuint (rapport_json_line_at (bytes, 2), ==, 2);
    g_assert_cmpuint (rapport_json_line_at (bytes, 5), ==, 4);
    g_assert_cmpuint (rapport_json_line_at (bytes, 100), ==, 4);
  }
}

typedef struct
{
  guint calls;
  guint64 seen;
  guint64 sum;
  gboolean in_order;
  guint fail_on_call;       /* 1-based; 0 never */
  GCancellable *cancel_on_first;
} Collected;

/* Elements are {"i": N, ...} with N their position. */
static gboolean
collect (const RapportJsonValue  *elements,
         guint                    n_elements,
         guint64                  first_index,
         gpointer                 user_data,
         GError                 **error)
{
  Collected *collected = user_data;

  collected->calls++;
  if (first_index != collected->seen)
    collected->in_order = FALSE;

  for (guint i = 0; i < n_elements; i++)
    {
      if (rapport_json_value_get_count (&elements[i], "i") != (gint64) (first_index + i))
        collected->in_order = FALSE;
      collected->sum += rapport_json_value_get_count (&elements[i], "i");
    }
  collected->seen += n_elements;

  if (collected->cancel_on_first != NULL)
    g_cancellable_cancel (collected->cancel_on_first);

  if (collected->calls == collected->fail_on_call)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop at call %u", collected->calls);
      return FALSE;
    }

  return TRUE;
}

static GBytes *
numbered_array (guint       n,
                guint       broken,
                gboolean    truncate)
{
  GString *json = g_string_new ("window.YTD.tweets.part0 = [\n");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      if (i + 1 == broken)
        g_string_append_printf (json, "  {\n    \"i\" : %u,\n    \"s\" : tru\n  }", i);
      else
        g_string_append_printf (json, "  {\n    \"i\" : %u,\n    \"s\" : \"item [%u] \\\"q\\\"\"\n  }",
                                i, i);
    }
  if (truncate)
    g_string_append (json, ",\n  {\n    \"i\" : ");
  else
    g_string_append (json, "\n]");

  return g_string_free_to_bytes (json);
}

static gboolean
check_values (const RapportJsonValue  *elements,
              guint                    n_elements,
              guint64                  first_index,
              gpointer                 user_data,
              GError                 **error)
{
  const RapportJsonValue *object = &elements[0];
  const RapportJsonValue *arr;

  g_assert_cmpuint (n_elements, ==, 3);
  g_assert_cmpuint (first_index, ==, 0);
  g_assert_cmpint (object->kind, ==, RAPPORT_JSON_OBJECT);
  g_assert_cmpuint (object->length, ==, 17);

  g_assert_cmpstr (rapport_json_value_get_string (object, "a"), ==,
                   "x\xC3\xA9\xF0\x9F\x98\x80\n\t/");
  g_assert_cmpint (rapport_json_value_get_count (object, "n"), ==, 12);
  g_assert_cmpint (rapport_json_value_get_count (object, "f"), ==, 3);
  g_assert_cmpint (rapport_json_value_get_count (object, "s"), ==, 2633);
  g_assert_cmpint (rapport_json_value_get_count (object, "neg"), ==, -3);
  g_assert_cmpint (rapport_json_value_get_count (object, "big"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "dash"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "b"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_count (object, "missing"), ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (rapport_json_value_get_member (object, "b")->kind, ==, RAPPORT_JSON_BOOLEAN);
  g_assert_cmpuint (rapport_json_value_get_member (object, "b")->length, ==, 1);
  g_assert_cmpuint (rapport_json_value_get_member (object, "no")->length, ==, 0);
  g_assert_cmpint (rapport_json_value_get_member (object, "z")->kind, ==, RAPPORT_JSON_NULL);
  g_assert_null (rapport_json_value_get_string (object, "z"));
  g_assert_null (rapport_json_value_get_string (object, "n"));
  g_assert_cmpstr (rapport_json_value_get_member (object, "f")->text, ==, "2.5");

  /* Exact names first, then without case; the last of repeated names. */
  g_assert_cmpstr (rapport_json_value_get_string (object, "mixed"), ==, "upper");
  g_assert_cmpstr (rapport_json_value_get_string (object, "MIXED"), ==, "upper");
  g_assert_cmpint (rapport_json_value_get_count (object, "dup"), ==, 2);

  /* NUL and lone surrogates cannot live in a C string of UTF-8. */
  g_assert_cmpstr (rapport_json_value_get_string (object, "nul"), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpstr (rapport_json_value_get_string (object, "lone"), ==, "\xEF\xBF\xBDx");

  arr = rapport_json_value_get_array (object, "arr");
  g_assert_nonnull (arr);
  g_assert_cmpuint (arr->length, ==, 4);
  g_assert_cmpint (arr->elements[0].kind, ==, RAPPORT_JSON_NUMBER);
  g_assert_cmpstr (arr->elements[1].text, ==, "2");
  g_assert_cmpint (arr->elements[2].kind, ==, RAPPORT_JSON_ARRAY);
  g_assert_cmpuint (arr->elements[2].length, ==, 0);
  g_assert_cmpint (arr->elements[3].kind, ==, RAPPORT_JSON_OBJECT);
  g_assert_null (rapport_json_value_get_array (object, "obj"));
  g_assert_null (rapport_json_value_get_object (object, "arr"));
  g_assert_cmpstr (rapport_json_value_get_string (rapport_json_value_get_object (object, "obj"), "k"),
                   ==, "v");

  g_assert_cmpint (elements[1].kind, ==, RAPPORT_JSON_STRING);
  g_assert_cmpstr (elements[1].text, ==, "plain");
  g_assert_cmpuint (elements[1].length, ==, 5);
  g_assert_null (rapport_json_value_get_member (&elements[1], "a"));
  g_assert_null (rapport_json_value_get_member (NULL, "a"));
  g_assert_cmpint (elements[2].kind, ==, RAPPORT_JSON_NUMBER);

  *(gboolean *) user_data = TRUE;
  return TRUE;
}

static void
test_values (void)
{
  g_autoptr(GBytes) bytes = bytes_from (
    "[{\"a\": \"x\\u00e9\\ud83d\\ude00\\n\\t\\/\", \"n\": 12, \"f\": 2.5, \"s\": \"2633.0\","
    " \"neg\": -3, \"big\": 1e30, \"b\": true, \"no\": false, \"z\": null,"
    " \"arr\": [1, \"2\", [], {}], \"Mixed\": \"upper\", \"dup\": 1, \"dup\": 2,"
    " \"nul\": \"a\\u0000b\", \"lone\": \"\\ud800x\", \"dash\": \"-\", \"obj\": {\"k\": \"v\"}},"
    " \"plain\", 7]");
  g_autoptr(GError) error = NULL;
  gboolean called = FALSE;
  gboolean ok;

  ok = rapport_json_array_foreach (bytes, "data/test.js", check_values, &called, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (called);
}

static void
assert_parse_fails (const char *json,
                    const char *message)
{
  g_autoptr(GBytes) bytes = bytes_from (json);
  g_autoptr(GError) error = NULL;
  Collected collected = { .in_order = TRUE };

  g_assert_false (rapport_json_array_foreach (bytes, "data/test.js", collect, &collected, NULL,
                                              &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (collected.calls, ==, 0);
}

/* An element whose tree would outgrow a batch's share of memory is refused as too large, long
 * before it could exhaust memory; the elements before it were handed on. */
static void
test_too_large (void)
{
  /* Each empty array costs its value three times over: 48 bytes for 3 bytes of text. */
  guint64 n = RAPPORT_JSON_BATCH_LIMIT / 48 + 1000;
  g_autoptr(GString) json = g_string_sized_new (n * 3 + 64);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Collected collected = { .in_order = TRUE };

  g_string_append (json, "[{\"i\": 0},\n[");
  for (guint64 i = 0; i < n; i++)
    g_string_append (json, "[],");
  g_string_append (json, "[]]]");
  bytes = g_bytes_new (json->str, json->len);

  g_assert_false (rapport_json_array_foreach (bytes, "data/test.js", collect, &collected, NULL,
                                              &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "data/test.js: item 2 is too large to read: its data "
                   "would take more than 67.1\xc2\xa0MB of memory");
}

static void
test_value_errors (void)
{
  assert_parse_fails ("[{\"i\": 0},\n{\"i\":\n tru}]",
                      "data/test.js: item 2 is not valid JSON (line 3: an unexpected character)");
  assert_parse_fails ("[\"a\x01\"]",
                      "data/test.js: item 1 is not valid JSON (line 1: a control character inside a text)");
  assert_parse_fails ("[\"\xFF\xFE\"]",
                      "data/test.js: item 1 is not valid JSON (line 1: text that is not UTF-8)");
  assert_parse_fails ("[\"\\q\"]",
                      "data/test.js: item 1 is not valid JSON (line 1: an unknown escape)");
  assert_parse_fails ("[\"\\u12G4\"]",
                      "data/test.js: item 1 is not valid JSON (line 1: a broken \\u escape)");
  assert_parse_fails ("[01]",
                      "data/test.js: item 1 is not valid JSON (line 1: unexpected text after it)");
  assert_parse_fails ("[1.]", "data/test.js: item 1 is not valid JSON (line 1: a broken number)");
  assert_parse_fails ("[-]", "data/test.js: item 1 is not valid JSON (line 1: a broken number)");
  assert_parse_fails ("[{\"a\" 1}]", "data/test.js: item 1 is not valid JSON (line 1: a missing “:”)");
  assert_parse_fails ("[{\"a\": 1,}]",
                      "data/test.js: item 1 is not valid JSON (line 1: a missing member name)");
  assert_parse_fails ("[{\"a\": 1 \"b\": 2}]",
                      "data/test.js: item 1 is not valid JSON (line 1: a missing “,” or “}”)");
  assert_parse_fails ("[[1 2]]",
                      "data/test.js: item 1 is not valid JSON (line 1: a missing “,” or “]”)");
  assert_parse_fails ("[[1,]]",
                      "data/test.js: item 1 is not valid JSON (line 1: an unexpected character)");
  assert_parse_fails ("[nul]",
                      "data/test.js: item 1 is not valid JSON (line 1: an unexpected character)");
}

/* Several batches across the thread pool, handed back in order. */
static void
test_foreach_in_order (void)
{
  g_autoptr(GBytes) bytes = numbered_array (30000, 0, FALSE);
  g_autoptr(GError) error = NULL;
  Collected collected = { .in_order = TRUE };

  g_assert_true (rapport_json_array_foreach (bytes, "data/test.js", collect, &collected, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (collected.in_order);
  g_assert_cmpuint (collected.seen, ==, 30000);
  g_assert_cmpuint (collected.sum, ==, (guint64) 30000 * 29999 / 2);
  g_assert_cmpuint (collected.calls, >, 2);
}

static void
test_foreach_errors (void)
{
  /* A broken element far into the array: what came before it is handed on, then the error. */
  {
    g_autoptr(GBytes) bytes = numbered_array (20000, 12345, FALSE);
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE };

    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                NULL, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    /* Item 12,345 starts on line 2 + 12,344 × 4 and its error is two lines further down. */
    g_assert_cmpstr (error->message, ==,
                     "data/tweets.js: item 12345 is not valid JSON (line 49380: an unexpected character)");
    g_assert_true (collected.in_order);
    g_assert_cmpuint (collected.seen, <, 12345);
  }

  /* A truncated array: every complete element first, then the error. */
  {
    g_autoptr(GBytes) bytes = numbered_array (9000, 0, TRUE);
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE };

    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                NULL, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "data/tweets.js: the list is cut off after 9000 items (the file is incomplete)");
    g_assert_cmpuint (collected.seen, ==, 9000);
    g_assert_true (collected.in_order);
  }

  /* The callback's error stops everything. */
  {
    g_autoptr(GBytes) bytes = numbered_array (20000, 0, FALSE);
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE, .fail_on_call = 2 };

    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_assert_cmpstr (error->message, ==, "stop at call 2");
    g_assert_cmpuint (collected.calls, ==, 2);
  }

  /* Cancellation between batches. */
  {
    g_autoptr(GBytes) bytes = numbered_array (20000, 0, FALSE);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE, .cancel_on_first = cancellable };

    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (collected.calls, ==, 1);
  }

  /* Already cancelled: nothing is handed on. */
  {
    g_autoptr(GBytes) bytes = bytes_from ("[{\"i\": 0}]");
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE };

    g_cancellable_cancel (cancellable);
    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (collected.calls, ==, 0);
  }

  /* A root that is not a list fails before any element. */
  {
    g_autoptr(GBytes) bytes = bytes_from ("window.YTD.tweets.part0 = {}");
    g_autoptr(GError) error = NULL;
    Collected collected = { .in_order = TRUE };

    g_assert_false (rapport_json_array_foreach (bytes, "data/tweets.js", collect, &collected,
                                                NULL, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_true (g_str_has_prefix (error->message, "data/tweets.js: "));
    g_assert_cmpuint (collected.calls, ==, 0);
  }
}

static void
test_foreach_empty (void)
{
  g_autoptr(GBytes) bytes = bytes_from ("window.YTD.follower.part0 = [ ]");
  g_autoptr(GError) error = NULL;
  Collected collected = { .in_order = TRUE };

  g_assert_true (rapport_json_array_foreach (bytes, "data/follower.js", collect, &collected,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collected.calls, ==, 0);
}

/* The text of a long array, as the tree found it. */
static char *
span_text (const char             *json,
           const RapportJsonValue *value)
{
  g_assert_cmpint (value->kind, ==, RAPPORT_JSON_LONG_ARRAY);
  return g_strndup (json + value->span->offset, value->span->length);
}

static gboolean
count_calls (const RapportJsonValue  *elements,
             guint                    n_elements,
             guint64                  first_index,
             gpointer                 user_data,
             GError                 **error)
{
  guint *calls = user_data;

  g_assert_cmpuint (first_index, ==, 0);
  g_assert_cmpuint (n_elements, ==, 2);
  g_assert_cmpstr (elements[0].text, ==, "1");
  g_assert_cmpint (elements[1].kind, ==, RAPPORT_JSON_ARRAY);
  (*calls)++;
  return TRUE;
}

static void
test_tree (void)
{
  /* Arrays of more than 16 bytes of text are long; the ones inside a short one are short. */
  const char *json = "\xEF\xBB\xBF{\"short\": [1, [2]], \"long\": [{\"i\": 0}, {\"i\": 1}, {\"i\": 2}],\n"
                     " \"nested\": {\"list\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}, \"empty\": [],"
                     " \"n\": null}";
  g_autoptr(GBytes) bytes = bytes_from (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *list_text = NULL;
  const RapportJsonValue *root;
  const RapportJsonValue *short_array;
  const RapportJsonValue *long_arrays;
  const RapportJsonValue *list;
  Collected collected = { .in_order = TRUE };
  guint n_long = 0;
  guint calls = 0;

  tree = rapport_json_tree_parse (bytes, "data.json", 16, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  root = rapport_json_tree_get_root (tree);
  g_assert_cmpint (root->kind, ==, RAPPORT_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 5);

  short_array = rapport_json_value_get_array (root, "short");
  g_assert_nonnull (short_array);
  g_assert_cmpuint (short_array->length, ==, 2);
  g_assert_cmpint (rapport_json_value_get_array (root, "empty")->length, ==, 0);
  g_assert_cmpint (rapport_json_value_get_member (root, "n")->kind, ==, RAPPORT_JSON_NULL);

  /* Long arrays are no arrays to the other getters. */
  g_assert_null (rapport_json_value_get_array (root, "long"));
  g_assert_cmpint (rapport_json_value_get_member (root, "long")->kind, ==, RAPPORT_JSON_LONG_ARRAY);
  g_assert_cmpuint (rapport_json_value_get_member (root, "long")->length, ==, 3);
  long_text = span_text (json, rapport_json_value_get_member (root, "long"));
  g_assert_cmpstr (long_text, ==, "[{\"i\": 0}, {\"i\": 1}, {\"i\": 2}]");
  list = rapport_json_value_get_member (rapport_json_value_get_object (root, "nested"), "list");
  g_assert_cmpuint (list->length, ==, 5);
  list_text = span_text (json, list);
  g_assert_cmpstr (list_text, ==, "[\"a\", \"b\", \"c\", \"d\", \"e\"]");

  long_arrays = rapport_json_tree_get_long_arrays (tree, &n_long);
  g_assert_cmpuint (n_long, ==, 2);
  g_assert_true (long_arrays[0].span == rapport_json_value_get_member (root, "long")->span);
  g_assert_true (long_arrays[1].span == list->span);

  g_assert_true (rapport_json_tree_foreach (tree, &long_arrays[0], collect, &collected, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collected.calls, ==, 1);
  g_assert_cmpuint (collected.seen, ==, 3);
  g_assert_cmpuint (collected.sum, ==, 3);
  g_assert_true (collected.in_order);

  /* A short array is handed over at once, an empty one not at all. */
  g_assert_true (rapport_json_tree_foreach (tree, short_array, count_calls, &calls, NULL, &error));
  g_assert_true (rapport_json_tree_foreach (tree, rapport_json_value_get_array (root, "empty"),
                                            count_calls, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);

  /* With no limit every array is long, the root too. */
  g_clear_pointer (&tree, rapport_json_tree_free);
  tree = rapport_json_tree_parse (bytes, "data.json", 0, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  rapport_json_tree_get_long_arrays (tree, &n_long);
  g_assert_cmpuint (n_long, ==, 4);

  /* A long array of spaces has no elements to hand over. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bytes_from ("{\"spaces\": [                                        ]}");
  g_clear_pointer (&tree, rapport_json_tree_free);
  tree = rapport_json_tree_parse (bytes, "data.json", 16, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  list = rapport_json_value_get_member (rapport_json_tree_get_root (tree), "spaces");
  g_assert_cmpint (list->kind, ==, RAPPORT_JSON_LONG_ARRAY);
  g_assert_cmpuint (list->length, ==, 0);
  g_assert_true (rapport_json_tree_foreach (tree, list, count_calls, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bytes_from (" [1, 2, 3] ");
  g_clear_pointer (&tree, rapport_json_tree_free);
  tree = rapport_json_tree_parse (bytes, "data.json", 4, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_json_tree_get_root (tree)->kind, ==, RAPPORT_JSON_LONG_ARRAY);
  g_assert_cmpuint (rapport_json_tree_get_root (tree)->length, ==, 3);
}

/* A long array of 30,000 elements goes through the thread pool and comes back in order. */
static void
test_tree_batches (void)
{
  g_autoptr(GBytes) array = numbered_array (30000, 0, FALSE);
  g_autoptr(GString) json = g_string_new ("{\"before\": 1, \"list\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;
  Collected collected = { .in_order = TRUE };
  const char *text;
  gsize size;

  /* numbered_array() writes a script; the array starts after "window.YTD.tweets.part0 = ". */
  text = g_bytes_get_data (array, &size);
  g_string_append_len (json, text + 26, size - 26);
  g_string_append (json, ", \"after\": \"x\"}");
  bytes = g_bytes_new (json->str, json->len);

  tree = rapport_json_tree_parse (bytes, "data.json", 1024, RAPPORT_JSON_TREE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_json_value_get_string (rapport_json_tree_get_root (tree), "after"), ==, "x");
  g_assert_true (rapport_json_tree_foreach (tree,
                                            rapport_json_value_get_member (rapport_json_tree_get_root (tree), "list"),
                                            collect, &collected, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (collected.in_order);
  g_assert_cmpuint (collected.seen, ==, 30000);
  g_assert_cmpuint (collected.sum, ==, (guint64) 30000 * 29999 / 2);
  g_assert_cmpuint (collected.calls, >, 2);
}

static void
assert_tree_fails (const char *json,
                   gsize       long_array_bytes,
                   const char *message)
{
  g_autoptr(GBytes) bytes = bytes_from (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;

  tree = rapport_json_tree_parse (bytes, "data.json", long_array_bytes, RAPPORT_JSON_TREE_NONE,
                                  &error);
  g_assert_null (tree);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_tree_errors (void)
{
  assert_tree_fails ("", 4, "data.json: not valid JSON (line 1: the file is empty)");
  assert_tree_fails ("\xEF\xBB\xBF \n ", 4, "data.json: not valid JSON (line 1: the file is empty)");
  /* Errors inside a long array, found while scanning it. */
  assert_tree_fails ("{\"a\": [1, 2,\n 3", 4, "data.json: not valid JSON (line 2: an unexpected end)");
  assert_tree_fails ("{\"a\": [1, 2,\n", 4, "data.json: not valid JSON (line 2: an unexpected end)");
  assert_tree_fails ("{\"a\": [1, 2 3]}", 4,
                     "data.json: not valid JSON (line 1: a missing “,” or “]”)");
  assert_tree_fails ("{\"a\": [1,\n {]}]}", 4, "data.json: not valid JSON (line 2: mismatched brackets)");
  assert_tree_fails ("{\"a\": [1, ]}", 4, "data.json: not valid JSON (line 1: an unexpected character)");
  assert_tree_fails ("{\"a\": [1, \"2]}", 4, "data.json: not valid JSON (line 1: an unexpected end)");
  /* Errors in the rest of the document, found while building it. */
  assert_tree_fails ("{\"a\": [tru, 1]}", 1024,
                     "data.json: not valid JSON (line 1: an unexpected character)");
  assert_tree_fails ("{\"a\": 1}\n x", 4,
                     "data.json: not valid JSON (line 2: unexpected text after the end)");
  assert_tree_fails ("{\"a\": 1} {}", 4,
                     "data.json: not valid JSON (line 1: unexpected text after the end)");
  assert_tree_fails ("{\"a\":\n", 4, "data.json: not valid JSON (line 2: an unexpected end)");
  assert_tree_fails ("{'a': 1}", 4, "data.json: not valid JSON (line 1: a missing member name)");

  /* An element of a long array is checked when it is read: what came before it is handed on. */
  {
    g_autoptr(GBytes) bytes = bytes_from ("{\"a\": [\n{\"i\": 0},\n{\"i\": tru}\n]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportJsonTree) tree = NULL;
    Collected collected = { .in_order = TRUE };

    tree = rapport_json_tree_parse (bytes, "data.json", 4, RAPPORT_JSON_TREE_NONE, &error);
    g_assert_no_error (error);
    g_assert_false (rapport_json_tree_foreach (tree,
                                               rapport_json_value_get_member (rapport_json_tree_get_root (tree), "a"),
                                               collect, &collected, NULL, &error));
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
    g_assert_cmpstr (error->message, ==,
                     "data.json: item 2 is not valid JSON (line 3: an unexpected character)");
    g_assert_cmpuint (collected.calls, ==, 0);
  }

  /* Far into a long array of several batches. */
  {
    g_autoptr(GBytes) array = numbered_array (20000, 12345, FALSE);
    g_autoptr(GString) json = g_string_new ("{\"list\": ");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportJsonTree) tree = NULL;
    Collected collected = { .in_order = TRUE };
    gsize size;
    const char *text = g_bytes_get_data (array, &size);

    g_string_append_len (json, text + 26, size - 26);
    g_string_append (json, "}");
    bytes = g_bytes_new (json->str, json->len);
    tree = rapport_json_tree_parse (bytes, "data.json", 1024, RAPPORT_JSON_TREE_NONE, &error);
    g_assert_no_error (error);
    g_assert_false (rapport_json_tree_foreach (tree,
                                               rapport_json_value_get_member (rapport_json_tree_get_root (tree), "list"),
                                               collect, &collected, NULL, &error));
    /* As in test_foreach_errors(): the same lines, the array starting on the first. */
    g_assert_cmpstr (error->message, ==,
                     "data.json: item 12345 is not valid JSON (line 49380: an unexpected character)");
    g_assert_true (collected.in_order);
    g_assert_cmpuint (collected.seen, <, 12345);
  }

  /* Cancelled before the first batch. */
  {
    g_autoptr(GBytes) bytes = bytes_from ("{\"a\": [{\"i\": 0}, {\"i\": 1}]}");
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportJsonTree) tree = NULL;
    Collected collected = { .in_order = TRUE };

    tree = rapport_json_tree_parse (bytes, "data.json", 4, RAPPORT_JSON_TREE_NONE, &error);
    g_assert_no_error (error);
    g_cancellable_cancel (cancellable);
    g_assert_false (rapport_json_tree_foreach (tree,
                                               rapport_json_value_get_member (rapport_json_tree_get_root (tree), "a"),
                                               collect, &collected, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (collected.calls, ==, 0);
  }
}

/* A mapped file gives back the pages of a long array once read, and reads them again when the
 * array's elements are asked for: nothing may be lost on the way. */
static void
test_tree_mapped (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"before\": [\"b\"],\n \"list\": [");
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;
  Collected collected = { .in_order = TRUE };
  const RapportJsonValue *root;

  /* Some 3 MB, so that pages go back both while scanning and while reading. */
  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (json, "%s\n  {\"i\": %u, \"s\": \"%050u\"}", i > 0 ? "," : "", i, i);
  g_string_append (json, "\n],\n \"after\": {\"k\": \"v\"}}\n");
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  g_assert_no_error (error);

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  tree = rapport_json_tree_parse (bytes, "data.json", 64 << 10, RAPPORT_JSON_TREE_MAPPED, &error);
  g_assert_no_error (error);

  root = rapport_json_tree_get_root (tree);
  g_assert_cmpstr (rapport_json_value_get_array (root, "before")->elements[0].text, ==, "b");
  g_assert_cmpstr (rapport_json_value_get_string (rapport_json_value_get_object (root, "after"), "k"),
                   ==, "v");
  g_assert_true (rapport_json_tree_foreach (tree, rapport_json_value_get_member (root, "list"),
                                            collect, &collected, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (collected.in_order);
  g_assert_cmpuint (collected.seen, ==, 60000);
  g_assert_cmpuint (collected.sum, ==, (guint64) 60000 * 59999 / 2);

  /* Read a second time, from pages given back already. */
  collected = (Collected) { .in_order = TRUE };
  g_assert_true (rapport_json_tree_foreach (tree, rapport_json_value_get_member (root, "list"),
                                            collect, &collected, NULL, &error));
  g_assert_cmpuint (collected.seen, ==, 60000);
  g_assert_true (collected.in_order);

  g_clear_pointer (&tree, rapport_json_tree_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  GString *seen;
  guint64 next_index;
} Streamed;

static gboolean
collect_streamed (const RapportJsonValue  *elements,
                  guint                    n_elements,
                  guint64                  first_index,
                  gpointer                 user_data,
                  GError                 **error)
{
  Streamed *streamed = user_data;

  g_assert_cmpuint (first_index, ==, streamed->next_index);
  streamed->next_index += n_elements;
  for (guint i = 0; i < n_elements; i++)
    {
      const char *text = rapport_json_value_get_string (&elements[i], "t");

      g_string_append_printf (streamed->seen, "%s;", text != NULL ? text : "?");
    }
  return TRUE;
}

/* Read from a zip with a chunk of every size from 1 byte on, every element is cut by a chunk's
 * end at every offset; the elements come whole and in order, the errors on the right line. */
static void
test_stream_chunks (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "x.zip", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.zip", NULL);
  const char *text = "window.YTD.tweets.part0 = [\n {\"t\": \"a\\\"]\"},\n"
                     " {\"t\": \"b\", \"n\": [1, {\"x\": 2}]}, {\"t\": \"c\"}\n];\n";
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchive) broken_archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip", "data/tweets.js", text, NULL);
  rapport_test_write_archive (broken, "zip", "data/tweets.js",
                              "[{\"t\": \"a\"},\n{\"t\": \"b\"}\n{\"t\": \"c\"}]", NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  broken_archive = rapport_archive_open (broken, &error);
  g_assert_no_error (error);

  for (gsize chunk = 1; chunk <= strlen (text) + 1; chunk++)
    {
      g_autoptr(GString) seen = g_string_new (NULL);
      Streamed streamed = { seen, 0 };

      rapport_json_window_set_chunk_size_for_tests (chunk);
      g_assert_true (rapport_json_array_foreach_entry (archive, "data/tweets.js",
                                                       collect_streamed, &streamed, NULL,
                                                       &error));
      g_assert_no_error (error);
      g_assert_cmpstr (seen->str, ==, "a\"];b;c;");

      streamed.next_index = 0;
      g_assert_false (rapport_json_array_foreach_entry (broken_archive, "data/tweets.js",
                                                        collect_streamed, &streamed, NULL,
                                                        &error));
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==,
                       "data/tweets.js: unexpected text where item 3 should be (line 3)");
      g_clear_error (&error);
    }
  rapport_json_window_set_chunk_size_for_tests (0);

  rapport_test_remove_tree (dir);
}

/* A tree read from a zip leaves its long arrays out and reads them again from the entry: on
 * from where the last one ended when the next comes after it, from a new stream when not. */
static void
test_stream_tree (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.zip", NULL);
  const char *text = "{\"a\": [\n{\"t\": \"x\"},\n{\"t\": \"y\"}\n],\n\"b\": [1],\n"
                     "\"c\": \"[\",\n\"d\": [{\"t\": \"z\"},\n{\"t\": \"w\"}]}\n";
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  rapport_test_write_archive (path, "zip", "d.json", text, NULL);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  for (gsize chunk = 1; chunk <= 8; chunk++)
    {
      g_autoptr(RapportJsonTree) tree = NULL;
      g_autoptr(GString) seen = g_string_new (NULL);
      Streamed streamed = { seen, 0 };
      const RapportJsonValue *root;
      const RapportJsonValue *list;

      rapport_json_window_set_chunk_size_for_tests (chunk);
      tree = rapport_json_tree_parse_entry (archive, "d.json", 10, NULL, &error);
      g_assert_no_error (error);
      root = rapport_json_tree_get_root (tree);
      list = rapport_json_value_get_member (root, "a");
      g_assert_cmpint (list->kind, ==, RAPPORT_JSON_LONG_ARRAY);
      g_assert_cmpuint (list->length, ==, 2);
      g_assert_cmpint (rapport_json_value_get_member (root, "b")->kind, ==, RAPPORT_JSON_ARRAY);
      g_assert_cmpstr (rapport_json_value_get_string (root, "c"), ==, "[");
      g_assert_true (rapport_json_tree_foreach (tree, list, collect_streamed, &streamed, NULL,
                                                &error));
      g_assert_no_error (error);
      g_assert_cmpstr (seen->str, ==, "x;y;");

      /* d after a, a again, d again: each with its own elements and their indices. */
      for (guint pass = 0; pass < 3; pass++)
        {
          const char *name = pass == 1 ? "a" : "d";

          g_string_truncate (seen, 0);
          streamed.next_index = 0;
          list = rapport_json_value_get_member (root, name);
          g_assert_cmpint (list->kind, ==, RAPPORT_JSON_LONG_ARRAY);
          g_assert_true (rapport_json_tree_foreach (tree, list, collect_streamed, &streamed,
                                                    NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (seen->str, ==, pass == 1 ? "x;y;" : "z;w;");
        }
    }
  rapport_json_window_set_chunk_size_for_tests (0);

  rapport_test_remove_tree (dir);
}

static gboolean
cancel_streamed (const RapportJsonValue  *elements,
                 guint                    n_elements,
                 guint64                  first_index,
                 gpointer                 user_data,
                 GError                 **error)
{
  g_cancellable_cancel (user_data);
  return TRUE;
}

/* A stream cancelled mid-entry stops with G_IO_ERROR_CANCELLED. */
static void
test_stream_cancel (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "c.zip", NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RapportTestArchive *writer = rapport_test_archive_new (path, "zip");

  rapport_test_archive_add_repeated (writer, "a.json", "[", "{\"t\": \"x\"}, ", 200000,
                                     "{}]");
  rapport_test_archive_close (writer);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (rapport_json_array_foreach_entry (archive, "a.json", cancel_streamed,
                                                    cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-array/prefix", test_prefix);
  g_test_add_func ("/json-array/split", test_split);
  g_test_add_func ("/json-array/split-errors", test_split_errors);
  g_test_add_func ("/json-array/values", test_values);
  g_test_add_func ("/json-array/value-errors", test_value_errors);
  g_test_add_func ("/json-array/too-large", test_too_large);
  g_test_add_func ("/json-array/foreach-in-order", test_foreach_in_order);
  g_test_add_func ("/json-array/foreach-errors", test_foreach_errors);
  g_test_add_func ("/json-array/foreach-empty", test_foreach_empty);
  g_test_add_func ("/json-array/tree", test_tree);
  g_test_add_func ("/json-array/tree-batches", test_tree_batches);
  g_test_add_func ("/json-array/tree-errors", test_tree_errors);
  g_test_add_func ("/json-array/tree-mapped", test_tree_mapped);
  g_test_add_func ("/json-array/stream-chunks", test_stream_chunks);
  g_test_add_func ("/json-array/stream-tree", test_stream_tree);
  g_test_add_func ("/json-array/stream-cancel", test_stream_cancel);

  return g_test_run ();
}
