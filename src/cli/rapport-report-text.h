/* rapport-report-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report and its suggestions as readable text.
 */

#pragma once

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

/* Readable text, sections with headings, for a terminal 80 columns wide. */
char *rapport_report_print_text (const RapportReport *report,
                                 GPtrArray           *suggestions);

G_END_DECLS
