/* rapport-export-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as pages: the Overview chart, the key figures, reciprocity, churn, hashtags, the
 * coach's suggestions with their evidence and the data coverage, laid out with pango-cairo,
 * wrapped and cut into pages of any size.  The PDF writer and the window's printing draw the
 * same pages.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

typedef struct _RapportExportDocument RapportExportDocument;

/* The document of @report (borrowed: it must outlive the document) and @suggestions
 * (RapportSuggestion, borrowed too; may be NULL). */
RapportExportDocument *rapport_export_document_new         (const RapportReport   *report,
                                                            GPtrArray             *suggestions);
/* Lays the document out with @context on pages whose printable area is @width × @height
 * points, and returns the number of pages (at least 1).  Call again for another size. */
guint                  rapport_export_document_paginate    (RapportExportDocument *self,
                                                            PangoContext          *context,
                                                            double                 width,
                                                            double                 height);
guint                  rapport_export_document_get_n_pages (RapportExportDocument *self);
/* Draws page @page (from 0) of the last pagination on @cr, its printable area's top left
 * corner at the origin.  On a PDF surface the section headings become the outline. */
void                   rapport_export_document_draw_page   (RapportExportDocument *self,
                                                            cairo_t               *cr,
                                                            guint                  page);
void                   rapport_export_document_free        (RapportExportDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportExportDocument, rapport_export_document_free)

G_END_DECLS
