/* fuzz-json-array.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window.YTD prefix, the array splitter and the element parser, on bytes in memory.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-json-array.h"

static gboolean
touch_elements (const RapportJsonValue  *elements,
                guint                    n_elements,
                guint64                  first_index,
                gpointer                 user_data,
                GError                 **error)
{
  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *tweet = rapport_json_value_get_object (&elements[i], "tweet");

      rapport_json_value_get_string (tweet, "full_text");
      rapport_json_value_get_count (tweet, "favorite_count");
      rapport_json_value_get_array (rapport_json_value_get_object (tweet, "entities"), "hashtags");
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) stripped = rapport_json_strip_js_prefix (bytes);
  g_auto(RapportJsonArrayIter) iter = { 0 };
  RapportJsonSpan span;

  if (rapport_json_array_iter_init (&iter, stripped, "fuzz.js", NULL))
    while (rapport_json_array_iter_next (&iter, &span, NULL))
      ;
  rapport_json_array_foreach (stripped, "fuzz.js", touch_elements, NULL, NULL, NULL);
  return 0;
}
