/* rapport-escape.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text from the exports (names, captions, tags, file and entry names) is hostile until made
 * safe for where it goes: a terminal, where escape sequences would act, and a spreadsheet,
 * where a CSV field can be read as a formula.  Markup for widgets is GTK's concern
 * (g_markup_escape_text(), or use-markup off).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text with every character that could act on a terminal or hide what follows made visible:
 * C0 controls and DEL as "\x1b", C1 controls (U+0080 to U+009F) and the bidirectional
 * overrides and isolates (U+202A to U+202E, U+2066 to U+2069) as "\u202e"; bytes that are not
 * UTF-8 become U+FFFD.  A newline is kept only with @keep_newlines, for text whose newlines
 * are the program's own layout; inside one value it would start a line of the export's
 * choosing.  Returns a new string, "" for NULL. */
char *rapport_escape_for_terminal     (const char *text,
                                       gboolean    keep_newlines);

/* Appends @text as one field of a CSV line (RFC 4180) that a spreadsheet shows as text: a
 * field starting with '=', '+', '-', '@', a tab or a carriage return gets a leading "'" so
 * it is not taken for a formula, and a field with ',', ';', '"', CR or LF is quoted, its
 * quotes doubled.  NULL appends nothing, an empty field. */
void  rapport_escape_append_csv_field (GString    *out,
                                       const char *text);

/* A GLogWriterFunc for g_log_set_writer_func(): writes as GLib's default writer does, with
 * the message escaped as above (newlines kept), since messages and warnings quote names and
 * file names of exports. */
GLogWriterOutput rapport_escape_log_writer (GLogLevelFlags   log_level,
                                            const GLogField *fields,
                                            gsize            n_fields,
                                            gpointer         user_data);

G_END_DECLS
