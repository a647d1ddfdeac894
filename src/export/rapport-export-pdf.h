/* rapport-export-pdf.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as a PDF file, on A4 or Letter paper.
 */

#pragma once

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_PAPER_A4,
  RAPPORT_PAPER_LETTER,
} RapportPaper;

/* The paper of a locale name ("en_US.UTF-8", "fr_CA"): Letter in the countries that use it,
 * A4 elsewhere and for NULL, "C" or "POSIX". */
RapportPaper rapport_paper_for_locale_name (const char   *locale);
/* The paper of the running locale: LC_PAPER's own size where the C library says it, else its
 * name's. */
RapportPaper rapport_paper_from_locale     (void);
/* "a4" or "letter", any case; FALSE for anything else. */
gboolean     rapport_paper_parse           (const char   *text,
                                            RapportPaper *paper);
/* The paper's size in points. */
void         rapport_paper_get_size        (RapportPaper  paper,
                                            double       *width,
                                            double       *height);

/* Writes the report of @report and @suggestions (may be NULL) to @path; FALSE with @error
 * naming the file when it cannot be written.  *@n_pages_out (may be NULL) is set to the pages
 * written. */
gboolean     rapport_export_write_pdf      (const RapportReport  *report,
                                            GPtrArray            *suggestions,
                                            const char           *path,
                                            RapportPaper          paper,
                                            guint                *n_pages_out,
                                            GError              **error);

G_END_DECLS
