/* rapport-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis taken away from the window's menu: win.export-pdf, win.print, win.export-csv
 * and win.save-chart.  Each asks where with a GtkFileDialog (printing with GTK's print
 * dialog) and draws the shown account's report with export/, the same pages for the PDF and
 * the printer.  The files are small (tables of people are the largest), so they are written
 * at once on the main thread, holding the analysis they are drawn from.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "export/rapport-export-chart.h"
#include "export/rapport-export-csv.h"
#include "export/rapport-export-document.h"
#include "export/rapport-export-pdf.h"
#include "ui/rapport-window-private.h"

/* The chart image's size in pixels. */
#define CHART_WIDTH  1600
#define CHART_HEIGHT 800

typedef enum
{
  EXPORT_PDF,
  EXPORT_CSV,
  EXPORT_CHART,
} ExportKind;

/* The analysis of the shown account once it has its details, else NULL after saying why. */
static RapportAnalysis *
analysis_to_export (RapportWindow *self)
{
  if (self->analysis == NULL || rapport_analysis_is_all_accounts (self->analysis))
    {
      _rapport_window_add_toast (self, _("Choose an account to export its report"),
                                 ADW_TOAST_PRIORITY_HIGH);
      return NULL;
    }
  if (!rapport_analysis_has_details (self->analysis) ||
      rapport_analysis_get_suggestions (self->analysis) == NULL)
    {
      _rapport_window_add_toast (self, _("The analysis is still loading; try again in a moment"),
                                 ADW_TOAST_PRIORITY_HIGH);
      return NULL;
    }
  return self->analysis;
}

/* "jo.doe-report.pdf": the handle, with no path separator in it. */
static char *
file_name_for (RapportAnalysis *analysis,
               const char      *suffix)
{
  const RapportAccount *account = rapport_analysis_get_account (analysis);
  char *name = g_strdup_printf ("%s-%s", account != NULL && account->handle != NULL
                                         ? account->handle : "account", suffix);

  g_strdelimit (name, "/\\", '-');
  return name;
}

static void
show_error (RapportWindow *self,
            const char    *heading,
            const GError  *error)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
saved (RapportWindow *self,
       GFile         *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file or folder name. */
  g_autofree char *message = g_strdup_printf (_("Saved as %s"), name);

  _rapport_window_add_toast (self, message, ADW_TOAST_PRIORITY_HIGH);
}

typedef struct
{
  RapportWindow *window;
  RapportAnalysis *analysis;
  ExportKind kind;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->analysis);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  RapportWindow *self = request->window;
  const RapportReport *report = rapport_analysis_get_report (request->analysis);
  GPtrArray *suggestions = rapport_analysis_get_suggestions (request->analysis);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok = FALSE;

  if (request->kind == EXPORT_CSV)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || _rapport_window_is_disposed (self))
    return;

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Rapport can only save to a local folder"));
    }
  else if (request->kind == EXPORT_PDF)
    ok = rapport_export_write_pdf (report, suggestions, path, rapport_paper_from_locale (), NULL,
                                   &error);
  else if (request->kind == EXPORT_CSV)
    ok = rapport_export_csv_write_dir (report, suggestions, path, NULL, &error);
  else
    {
      RapportExportImageFormat format = RAPPORT_EXPORT_IMAGE_PNG;

      /* A name without .png or .svg gets a PNG. */
      rapport_export_image_format_for_path (path, &format);
      ok = rapport_export_chart_write (report, path, format, CHART_WIDTH, CHART_HEIGHT, &error);
    }

  if (ok)
    saved (self, file);
  else
    show_error (self, _("Could Not Export the Report"), error);
}

static void
add_filter (GListStore *filters,
            const char *name,
            const char *mime_type,
            const char *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  g_list_store_append (filters, filter);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  RapportAnalysis *analysis = analysis_to_export (self);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (analysis == NULL)
    return;

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  request->analysis = g_object_ref (analysis);
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));

  if (g_str_equal (action_name, "win.export-csv"))
    {
      request->kind = EXPORT_CSV;
      gtk_file_dialog_set_title (dialog, _("Export Tables as CSV"));
      gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), self->cancellable,
                                     dialog_done_cb, request);
      return;
    }

  if (g_str_equal (action_name, "win.export-pdf"))
    {
      request->kind = EXPORT_PDF;
      name = file_name_for (analysis, "report.pdf");
      gtk_file_dialog_set_title (dialog, _("Export Report as PDF"));
      add_filter (filters, _("PDF Documents"), "application/pdf", "pdf");
    }
  else
    {
      request->kind = EXPORT_CHART;
      name = file_name_for (analysis, "chart.png");
      gtk_file_dialog_set_title (dialog, _("Save Chart as Image"));
      gtk_file_dialog_set_accept_label (dialog, _("_Save"));
      add_filter (filters, _("PNG Images"), "image/png", "png");
      add_filter (filters, _("SVG Images"), "image/svg+xml", "svg");
    }
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, dialog_done_cb, request);
}

/* Printing: the same document as the PDF, laid out on the printer's page. */

typedef struct
{
  RapportAnalysis *analysis;   /* keeps the report the document borrows */
  RapportExportDocument *document;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->document, rapport_export_document_free);
  g_clear_object (&job->analysis);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages;

  n_pages = rapport_export_document_paginate (job->document, pango,
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  PrintJob *job = user_data;

  rapport_export_document_draw_page (job->document, gtk_print_context_get_cairo_context (context),
                                     (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  RapportWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (!_rapport_window_is_disposed (self) && error != NULL)
        show_error (self, _("Could Not Print the Report"), error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  RapportAnalysis *analysis = analysis_to_export (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  if (analysis == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->analysis = g_object_ref (analysis);
  job->document = rapport_export_document_new (rapport_analysis_get_report (analysis),
                                               rapport_analysis_get_suggestions (analysis));

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, rapport_analysis_get_title (analysis));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "rapport-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Report"), error);
}

void
_rapport_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.save-chart", NULL, export_action);
}
