/* rapport-export-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF: the document laid out on the paper less its margins, one cairo page per page, the
 * title and the account in the file's metadata and the sections in its outline.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif
#include <string.h>

#include "core/rapport-format.h"
#include "export/rapport-export-document.h"
#include "export/rapport-export-pdf.h"
#include "export/rapport-export-private.h"

#define MARGIN 56.7   /* 2 cm */

/* Where Letter is the paper of the shops (the regions of CLDR's "US" paper size). */
static const char * const letter_regions[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "SV", "NI", "CR", "PA", "DO", "BZ",
};

RapportPaper
rapport_paper_for_locale_name (const char *locale)
{
  const char *underscore;

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return RAPPORT_PAPER_A4;
  for (guint i = 0; i < G_N_ELEMENTS (letter_regions); i++)
    if (strncmp (underscore + 1, letter_regions[i], 2) == 0 &&
        !g_ascii_isalpha (underscore[3]))
      return RAPPORT_PAPER_LETTER;
  return RAPPORT_PAPER_A4;
}

RapportPaper
rapport_paper_from_locale (void)
{
#ifdef __GLIBC__
  /* glibc knows each locale's paper in millimetres, as GTK reads it. */
  union { const char *string; guint word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return RAPPORT_PAPER_LETTER;
  if (width.word == 210 && height.word == 297)
    return RAPPORT_PAPER_A4;
#endif
  return rapport_paper_for_locale_name (setlocale (LC_PAPER, NULL));
}

gboolean
rapport_paper_parse (const char   *text,
                     RapportPaper *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = RAPPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = RAPPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
rapport_paper_get_size (RapportPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == RAPPORT_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.28;
      *height = 841.89;
    }
}

gboolean
rapport_export_write_pdf (const RapportReport  *report,
                          GPtrArray            *suggestions,
                          const char           *path,
                          RapportPaper          paper,
                          guint                *n_pages_out,
                          GError              **error)
{
  g_autoptr(RapportExportDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;
  PangoContext *context;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rapport_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  if (!_rapport_export_check_cairo_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  name = rapport_format_name (report->dataset->platform, report->dataset->handle);
  /* Translators: the PDF's title in its metadata, "@jo on Instagram" or "Mira Makes on
   * YouTube". */
  title = g_strdup_printf (_("Rapport report: %s on %s"), name,
                           rapport_platform_display_name (report->dataset->platform));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport");

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* Metrics as on paper, not rounded to a screen's pixels. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  document = rapport_export_document_new (report, suggestions);
  n_pages = rapport_export_document_paginate (document, context, width - 2 * MARGIN,
                                              height - 2 * MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      rapport_export_document_draw_page (document, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (n_pages_out != NULL)
    *n_pages_out = n_pages;
  return _rapport_export_check_cairo_status (status, path, error);
}
