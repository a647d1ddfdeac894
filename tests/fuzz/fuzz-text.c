/* fuzz-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Caption text, the mojibake repair, dates and numbers: everything that reads one string.
 */

#include "config.h"

#include "core/rapport-dates.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"
#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *repaired = rapport_text_repair_mojibake (valid);
  g_auto(GStrv) hashtags = rapport_text_extract_hashtags (repaired);
  g_auto(GStrv) mentions = rapport_text_extract_mentions (repaired);
  gint64 value;

  rapport_date_parse_twitter (text, &value);
  rapport_date_parse_naive_utc (text, &value);
  rapport_date_parse_iso8601 (text, &value);
  rapport_date_parse_analytics (text, &value);
  rapport_date_find_in_name (text, &value);
  rapport_parse_count (text, &value);
  return 0;
}
