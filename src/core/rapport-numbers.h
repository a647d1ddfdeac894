/* rapport-numbers.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a count as exports write it: "1234", " 1,234 ", "102,497", "12.345", "1 234" (thousands
 * separators), "2633.0" (a float, rounded half away from zero), "1.5K", "2M", "-12".  Returns
 * FALSE and leaves *out untouched for NULL, "", "-", "--", "N/A", "None", garbage and values
 * beyond gint64.  The full rule is described in rapport-numbers.c. */
gboolean rapport_parse_count        (const char *text,
                                     gint64     *out);

/* TRUE for what analytics exports write where they have no value: NULL, "", spaces, "-", "--",
 * "undefined", "NaN", "N/A", "None", "null" (in any case, surrounding spaces ignored). */
gboolean rapport_value_is_missing   (const char *text);
/* The count rapport_parse_count() reads in @text, or RAPPORT_COUNT_UNKNOWN for a missing value
 * and for anything that is not a count.  A count of -1 reads as unknown too: signed values (a
 * day's net growth) go through rapport_parse_count(). */
gint64   rapport_count_or_unknown   (const char *text);
/* Reads a percentage as analytics exports write it, in per cent (2.0 for "2%"): "2%", "12.5 %",
 * "0,5%", "-3%", "4.5" (a column whose header says "(%)").  "< 1%" reads as 1 with *below set to
 * TRUE (@below may be NULL); *below is FALSE otherwise.  Returns FALSE and leaves both untouched
 * for a missing value and for anything else. */
gboolean rapport_parse_percent      (const char *text,
                                     double     *out,
                                     gboolean   *below);

G_END_DECLS
