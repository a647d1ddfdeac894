/* rapport-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the document's content (rapport-export-content.c) and its layout
 * (rapport-export-document.c) share: the blocks a report is made of.  Text from the exports
 * reaches a block only through these functions, which make it visible (control characters and
 * bidirectional overrides shown as escapes, rapport_escape_for_terminal()) and give it to
 * pango as plain text, never as markup.
 */

#pragma once

#include "export/rapport-export-document.h"

G_BEGIN_DECLS

#define RAPPORT_EXPORT_MAX_COLUMNS 8

typedef enum
{
  RAPPORT_EXPORT_BLOCK_TITLE,
  RAPPORT_EXPORT_BLOCK_HEADING,     /* a section: an outline entry in a PDF */
  RAPPORT_EXPORT_BLOCK_SUBHEADING,
  RAPPORT_EXPORT_BLOCK_PARA,
  RAPPORT_EXPORT_BLOCK_SMALL,       /* notes and evidence, smaller and grey */
  RAPPORT_EXPORT_BLOCK_TABLE,
  RAPPORT_EXPORT_BLOCK_CHART,
} RapportExportBlockKind;

typedef struct
{
  RapportExportBlockKind kind;
  char *text;
  double indent;                     /* points */
  /* Tables: the columns' shares of the width, which are right-aligned, and the rows
   * (GStrv of n_columns cells), the first one the header when has_header. */
  guint n_columns;
  double widths[RAPPORT_EXPORT_MAX_COLUMNS];
  guint right_aligned;               /* bit i: column i */
  gboolean has_header;
  GPtrArray *rows;
} RapportExportBlock;

struct _RapportExportDocument
{
  const RapportReport *report;
  GPtrArray *suggestions;
  GPtrArray *blocks;                 /* RapportExportBlock */

  /* The last pagination. */
  PangoContext *context;
  double width;
  double height;
  GArray *pieces;                    /* RapportExportPiece, by page */
  guint n_pages;
};

/* rapport-export-content.c: fills self->blocks from the report. */
void                _rapport_export_document_build   (RapportExportDocument *self);

/* rapport-export-document.c */
void                _rapport_export_add_text         (RapportExportDocument  *self,
                                                      RapportExportBlockKind  kind,
                                                      double                  indent,
                                                      const char             *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
void                _rapport_export_add_chart        (RapportExportDocument  *self);
/* A table of @n_columns columns of the given shares of the width; @header (n_columns texts)
 * may be NULL. */
RapportExportBlock *_rapport_export_add_table        (RapportExportDocument  *self,
                                                      guint                   n_columns,
                                                      const double           *widths,
                                                      guint                   right_aligned,
                                                      const char * const     *header);
/* Appends a row of the table's n_columns texts (NULL for an empty cell). */
void                _rapport_export_table_row        (RapportExportBlock     *table,
                                                      const char * const     *cells);

/* TRUE for CAIRO_STATUS_SUCCESS; else FALSE with @error saying that the file at @path could not
 * be written, and why (rapport-export-chart.c). */
gboolean            _rapport_export_check_cairo_status (cairo_status_t   status,
                                                        const char      *path,
                                                        GError         **error);

G_END_DECLS
