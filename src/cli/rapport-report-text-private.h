/* rapport-report-text-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sections of the text report share: paragraphs wrapped to the width, table cells,
 * headings, and the sentences on figures that the exports lack.
 *
 * Text from the exports (names, tags, file names, links) reaches the report only through
 * rapport_report_text_para(), rapport_report_text_cell() and rapport_report_text_heading(),
 * which make it safe for a terminal (rapport_escape_for_terminal()): none of them is given a
 * newline of ours, so every control character there, a newline too, becomes a visible escape.
 */

#pragma once

#include "cli/rapport-report-text.h"

G_BEGIN_DECLS

/* Entries of a list named in the text before "and N more". */
#define RAPPORT_REPORT_TEXT_SAMPLE 5

/* A paragraph wrapped to 80 columns, first line at @indent, the next ones two columns further
 * in. */
void        rapport_report_text_para                 (GString             *out,
                                                      guint                indent,
                                                      const char          *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
/* @text in a cell of |@width| columns (characters, not bytes): right-aligned for a positive
 * @width, left-aligned for a negative one, as printf's "%*s"; a longer text overflows it. */
void        rapport_report_text_cell                 (GString             *out,
                                                      const char          *text,
                                                      int                  width);
/* @title on a line of its own after an empty one, underlined with @rule. */
void        rapport_report_text_heading              (GString             *out,
                                                      const char          *title,
                                                      char                 rule);
/* "Not available:" and the coverage unit's sentence on @figure. */
void        rapport_report_text_not_available        (GString             *out,
                                                      const RapportReport *report,
                                                      RapportFigure        figure);
/* The coverage unit's sentence on @figure, "" when it has none. */
const char *rapport_report_text_coverage_explanation (const RapportReport *report,
                                                      RapportFigure        figure);

/* rapport-report-text-audience.c */
void rapport_report_text_series         (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_reciprocity    (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_churn          (GString             *out,
                                         const RapportReport *report);
/* "Since your last export": the Overview's counts, or the sentence that says why not. */
void rapport_report_text_since_export   (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_anomalies      (GString             *out,
                                         const RapportReport *report);

/* rapport-report-text-posts.c */
void rapport_report_text_engagement     (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_hashtags       (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_collaborations (GString             *out,
                                         const RapportReport *report);
void rapport_report_text_cadence        (GString             *out,
                                         const RapportReport *report);

G_END_DECLS
