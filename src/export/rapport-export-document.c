/* rapport-export-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's layout: each block measured with pango at the page's width, then cut into
 * pieces that fit the pages.  A paragraph breaks between its lines and a table between its
 * rows (its header repeated on the next page); a heading stays with what follows it, and the
 * chart is never cut.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>

#include "core/rapport-escape.h"
#include "export/rapport-export-chart.h"
#include "export/rapport-export-private.h"

#define FONT_FAMILY  "Sans"
#define CELL_PADDING 3.0
/* The chart's height, as a share of the width. */
#define CHART_ASPECT 0.5
/* The line under the content that says which page it is. */
#define FOOTER_HEIGHT 18.0

/* A block or the part of one on a page: the lines (text) or rows (tables) from first to one
 * before end, at @y points from the top. */
typedef struct
{
  guint page;
  guint block;
  guint first;
  guint end;
  double y;
} RapportExportPiece;

/* A block measured: its layouts and the height of each line or row. */
typedef struct
{
  GPtrArray *layouts;    /* PangoLayout: one for text, n_columns per row for a table */
  GArray *tops;          /* double: where each line or row starts, from the block's top */
  GArray *heights;       /* double: its height */
} Measure;

static void
block_free (gpointer data)
{
  RapportExportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
measure_clear (Measure *measure)
{
  g_clear_pointer (&measure->layouts, g_ptr_array_unref);
  g_clear_pointer (&measure->tops, g_array_unref);
  g_clear_pointer (&measure->heights, g_array_unref);
}

static RapportExportBlock *
add_block (RapportExportDocument  *self,
           RapportExportBlockKind  kind)
{
  RapportExportBlock *block = g_new0 (RapportExportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
_rapport_export_add_text (RapportExportDocument  *self,
                          RapportExportBlockKind  kind,
                          double                  indent,
                          const char             *format,
                          ...)
{
  g_autofree char *text = NULL;
  RapportExportBlock *block;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  block = add_block (self, kind);
  block->indent = indent;
  /* A block is one paragraph: a newline in it is a name's, shown as an escape. */
  block->text = rapport_escape_for_terminal (text, FALSE);
}

void
_rapport_export_add_chart (RapportExportDocument *self)
{
  add_block (self, RAPPORT_EXPORT_BLOCK_CHART);
}

RapportExportBlock *
_rapport_export_add_table (RapportExportDocument *self,
                           guint                  n_columns,
                           const double          *widths,
                           guint                  right_aligned,
                           const char * const    *header)
{
  RapportExportBlock *block = add_block (self, RAPPORT_EXPORT_BLOCK_TABLE);

  g_assert (n_columns > 0 && n_columns <= RAPPORT_EXPORT_MAX_COLUMNS);
  block->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    block->widths[i] = widths[i];
  block->right_aligned = right_aligned;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (header != NULL)
    {
      block->has_header = TRUE;
      _rapport_export_table_row (block, header);
    }
  return block;
}

void
_rapport_export_table_row (RapportExportBlock *table,
                           const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = rapport_escape_for_terminal (cells[i], FALSE);
  g_ptr_array_add (table->rows, row);
}

RapportExportDocument *
rapport_export_document_new (const RapportReport *report,
                             GPtrArray           *suggestions)
{
  RapportExportDocument *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_new0 (RapportExportDocument, 1);
  self->report = report;
  self->suggestions = suggestions != NULL ? g_ptr_array_ref (suggestions) : NULL;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (RapportExportPiece));
  _rapport_export_document_build (self);
  return self;
}

void
rapport_export_document_free (RapportExportDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_object (&self->context);
  g_free (self);
}

/* The font, size and space above and below each kind of text. */
static void
block_style (RapportExportBlockKind  kind,
             double                 *size,
             gboolean               *bold,
             double                 *above,
             double                 *below)
{
  *bold = FALSE;
  *above = 0;
  *below = 4;
  switch (kind)
    {
    case RAPPORT_EXPORT_BLOCK_TITLE:
      *size = 18;
      *bold = TRUE;
      *below = 6;
      break;
    case RAPPORT_EXPORT_BLOCK_HEADING:
      *size = 13;
      *bold = TRUE;
      *above = 12;
      *below = 5;
      break;
    case RAPPORT_EXPORT_BLOCK_SUBHEADING:
      *size = 10.5;
      *bold = TRUE;
      *above = 6;
      *below = 2;
      break;
    case RAPPORT_EXPORT_BLOCK_SMALL:
      *size = 8.5;
      *below = 2;
      break;
    case RAPPORT_EXPORT_BLOCK_TABLE:
      *size = 8.5;
      *above = 2;
      *below = 8;
      break;
    case RAPPORT_EXPORT_BLOCK_CHART:
      *size = 8;
      *above = 4;
      *below = 8;
      break;
    case RAPPORT_EXPORT_BLOCK_PARA:
    default:
      *size = 10;
      break;
    }
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            double        size,
            gboolean      bold,
            double        width,
            gboolean      right)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  /* Plain text: names from the exports are never markup. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
measure_text (RapportExportDocument    *self,
              const RapportExportBlock *block,
              Measure                  *measure)
{
  double size, above, below;
  gboolean bold;
  PangoLayout *layout;
  PangoLayoutIter *iter;

  block_style (block->kind, &size, &bold, &above, &below);
  layout = new_layout (self->context, block->text, size, bold, self->width - block->indent,
                       FALSE);
  g_ptr_array_add (measure->layouts, layout);

  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;
      double top, height;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      height = (double) (y1 - y0) / PANGO_SCALE;
      g_array_append_val (measure->tops, top);
      g_array_append_val (measure->heights, height);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
measure_table (RapportExportDocument    *self,
               const RapportExportBlock *block,
               Measure                  *measure)
{
  double size, above, below;
  gboolean bold;
  double top = 0;

  block_style (block->kind, &size, &bold, &above, &below);
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **row = g_ptr_array_index (block->rows, r);
      double height = 0;

      for (guint c = 0; c < block->n_columns; c++)
        {
          double width = block->widths[c] * (self->width - block->indent) - 2 * CELL_PADDING;
          PangoLayout *layout = new_layout (self->context, row[c], size,
                                            block->has_header && r == 0, width,
                                            (block->right_aligned & (1u << c)) != 0);
          int w, h;

          pango_layout_get_size (layout, &w, &h);
          height = MAX (height, (double) h / PANGO_SCALE + 2 * CELL_PADDING);
          g_ptr_array_add (measure->layouts, layout);
        }
      g_array_append_val (measure->tops, top);
      g_array_append_val (measure->heights, height);
      top += height;
    }
}

static void
measure_block (RapportExportDocument    *self,
               const RapportExportBlock *block,
               Measure                  *measure)
{
  measure->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  measure->tops = g_array_new (FALSE, FALSE, sizeof (double));
  measure->heights = g_array_new (FALSE, FALSE, sizeof (double));

  if (block->kind == RAPPORT_EXPORT_BLOCK_TABLE)
    measure_table (self, block, measure);
  else if (block->kind == RAPPORT_EXPORT_BLOCK_CHART)
    {
      double top = 0, height = MIN (self->width * CHART_ASPECT, self->height * 0.6);

      g_array_append_val (measure->tops, top);
      g_array_append_val (measure->heights, height);
    }
  else
    measure_text (self, block, measure);
}

/* The height of the header row a table repeats on each page, 0 without one. */
static double
header_height (const RapportExportBlock *block,
               const Measure            *measure)
{
  if (block->kind != RAPPORT_EXPORT_BLOCK_TABLE || !block->has_header)
    return 0;
  return g_array_index (measure->heights, double, 0);
}

static void
add_piece (RapportExportDocument *self,
           guint                  page,
           guint                  block,
           guint                  first,
           guint                  end,
           double                 y)
{
  RapportExportPiece piece = { page, block, first, end, y };

  g_array_append_val (self->pieces, piece);
}

guint
rapport_export_document_paginate (RapportExportDocument *self,
                                  PangoContext          *context,
                                  double                 width,
                                  double                 height)
{
  guint page = 0;
  double y = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  g_set_object (&self->context, context);
  self->width = width;
  self->height = height;
  height = MAX (height - FOOTER_HEIGHT, 1);
  g_array_set_size (self->pieces, 0);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const RapportExportBlock *block = g_ptr_array_index (self->blocks, b);
      Measure measure = { 0 };
      double size, above, below, header;
      gboolean bold;
      guint first, n;

      block_style (block->kind, &size, &bold, &above, &below);
      measure_block (self, block, &measure);
      header = header_height (block, &measure);
      first = block->has_header ? 1 : 0;
      n = measure.heights->len;

      if (y > 0)
        y += above;
      /* A heading keeps its first line of what follows on its page. */
      if (block->kind == RAPPORT_EXPORT_BLOCK_HEADING ||
          block->kind == RAPPORT_EXPORT_BLOCK_SUBHEADING)
        {
          double needed = g_array_index (measure.heights, double, n - 1) +
                          g_array_index (measure.tops, double, n - 1) + below + 40;

          if (y > 0 && y + needed > height)
            {
              page++;
              y = 0;
            }
        }

      while (first < n)
        {
          double start = g_array_index (measure.tops, double, first);
          guint end = first;

          /* As many lines or rows as fit under the repeated header; at least one on a page
           * of its own, so an overlong one is cut rather than looping. */
          while (end < n && y + header + g_array_index (measure.tops, double, end) - start +
                 g_array_index (measure.heights, double, end) <= height)
            end++;
          if (end == first && y > 0)
            {
              page++;
              y = 0;
              continue;
            }
          if (end == first)
            end = first + 1;

          add_piece (self, page, b, first, end, y);
          y += header + g_array_index (measure.tops, double, end - 1) - start +
               g_array_index (measure.heights, double, end - 1);
          first = end;
          if (first < n)
            {
              page++;
              y = 0;
            }
        }
      y += below;
      measure_clear (&measure);
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

guint
rapport_export_document_get_n_pages (RapportExportDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

static void
draw_text_piece (RapportExportDocument    *self,
                 cairo_t                  *cr,
                 const RapportExportBlock *block,
                 const Measure            *measure,
                 const RapportExportPiece *piece)
{
  PangoLayout *layout = g_ptr_array_index (measure->layouts, 0);
  double start = g_array_index (measure->tops, double, piece->first);
  double stop = g_array_index (measure->tops, double, piece->end - 1) +
                g_array_index (measure->heights, double, piece->end - 1);

  cairo_save (cr);
  cairo_rectangle (cr, block->indent - 1, piece->y, self->width - block->indent + 2,
                   stop - start);
  cairo_clip (cr);
  if (block->kind == RAPPORT_EXPORT_BLOCK_SMALL)
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  else if (block->kind == RAPPORT_EXPORT_BLOCK_HEADING ||
           block->kind == RAPPORT_EXPORT_BLOCK_TITLE)
    cairo_set_source_rgb (cr, 0.11, 0.31, 0.58);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, block->indent, piece->y - start);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  /* A section is an entry of the PDF's outline, which readers show as bookmarks. */
  if (block->kind == RAPPORT_EXPORT_BLOCK_HEADING && piece->first == 0 &&
      cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF)
    {
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %.0f]", piece->page + 1,
                                               piece->y);

      cairo_pdf_surface_add_outline (cairo_get_target (cr), CAIRO_PDF_OUTLINE_ROOT,
                                     block->text, link, 0);
    }
}

static void
draw_row (RapportExportDocument    *self,
          cairo_t                  *cr,
          const RapportExportBlock *block,
          const Measure            *measure,
          guint                     row,
          double                    y)
{
  double x = block->indent;
  double row_height = g_array_index (measure->heights, double, row);
  double table_width = self->width - block->indent;

  if (block->has_header && row == 0)
    {
      cairo_set_source_rgb (cr, 0.92, 0.93, 0.95);
      cairo_rectangle (cr, x, y, table_width, row_height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y + row_height);
  cairo_line_to (cr, x + table_width, y + row_height);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < block->n_columns; c++)
    {
      PangoLayout *layout = g_ptr_array_index (measure->layouts, row * block->n_columns + c);

      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += block->widths[c] * table_width;
    }
}

static void
draw_table_piece (RapportExportDocument    *self,
                  cairo_t                  *cr,
                  const RapportExportBlock *block,
                  const Measure            *measure,
                  const RapportExportPiece *piece)
{
  double y = piece->y;

  if (block->has_header)
    {
      draw_row (self, cr, block, measure, 0, y);
      y += g_array_index (measure->heights, double, 0);
    }
  for (guint r = piece->first; r < piece->end; r++)
    {
      draw_row (self, cr, block, measure, r, y);
      y += g_array_index (measure->heights, double, r);
    }
}

/* "3 / 7" at the bottom right of the page. */
static void
draw_footer (RapportExportDocument *self,
             cairo_t               *cr,
             guint                  page)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", page + 1, self->n_pages);
  g_autoptr(PangoLayout) layout = new_layout (self->context, text, 8, FALSE, self->width, TRUE);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, 0, self->height - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
rapport_export_document_draw_page (RapportExportDocument *self,
                                   cairo_t               *cr,
                                   guint                  page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const RapportExportPiece *piece = &g_array_index (self->pieces, RapportExportPiece, i);
      const RapportExportBlock *block;
      Measure measure = { 0 };

      if (piece->page != page)
        continue;
      block = g_ptr_array_index (self->blocks, piece->block);
      measure_block (self, block, &measure);
      if (block->kind == RAPPORT_EXPORT_BLOCK_TABLE)
        draw_table_piece (self, cr, block, &measure, piece);
      else if (block->kind == RAPPORT_EXPORT_BLOCK_CHART)
        rapport_export_chart_draw (cr, self->context, self->report, 0, piece->y, self->width,
                                   g_array_index (measure.heights, double, 0));
      else
        draw_text_piece (self, cr, block, &measure, piece);
      measure_clear (&measure);
    }

  draw_footer (self, cr, page);
}
