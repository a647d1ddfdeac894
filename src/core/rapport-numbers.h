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
gboolean rapport_parse_count (const char *text,
                              gint64     *out);

G_END_DECLS
