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
#include "ui/rapport-toast.h"
#include "ui/rapport-window-private.h"

/* The chart image's size in pixels. */
#define CHART_WIDTH  1600
#define CHART_HEIGHT 800

typedef enum
{
  EXPORT_PDF = RAPPORT_WINDOW_EXPORT_PDF,
  EXPORT_CSV = RAPPORT_WINDOW_EXPORT_CSV,
  EXPORT_CHART = RAPPORT_WINDOW_EXPORT_CHART,
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
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !_rapport_window_is_disposed (self))
    _rapport_window_add_toast (self, _("No app could open the file"), ADW_TOAST_PRIORITY_HIGH);
}

/* The toast's Open: the file in the app that shows it, or the folder of the tables. */
static void
open_saved_cb (AdwToast *toast,
               gpointer  user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (user_data);
  GFile *file = g_object_get_data (G_OBJECT (toast), "rapport-file");
  g_autoptr(GtkFileLauncher) launcher = NULL;

  if (file == NULL || _rapport_window_is_disposed (self))
    return;
  launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable, launch_done_cb,
                            g_object_ref (self));
}

static void
saved (RapportWindow *self,
       GFile         *file,
       ExportKind     kind)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file or folder name. */
  g_autofree char *message = g_strdup_printf (_("Saved as %s"), name);
  AdwToast *toast = rapport_toast_new (message, ADW_TOAST_PRIORITY_HIGH);

  adw_toast_set_button_label (toast, kind == EXPORT_CSV ? _("Open _Folder") : _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "rapport-file", g_object_ref (file),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_saved_cb), self,
                           G_CONNECT_DEFAULT);
  rapport_toast_show (GTK_WIDGET (self->toast_overlay), toast);
}

/* What a thread needs to write one export.  The report's figures do not change once loaded;
 * only its kept accounts do (rapport_analysis_set_kept(), on the Audience page), and the
 * writers read none of them.  The suggestions are copied, since the Coach and Audience pages
 * may change the analysis's while the file is written. */
typedef struct
{
  RapportAnalysis *analysis;   /* keeps the report alive */
  GPtrArray *suggestions;
  ExportKind kind;
  GFile *file;
  char *path;
  RapportPaper paper;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->analysis);
  g_clear_pointer (&job->suggestions, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  const RapportReport *report = rapport_analysis_get_report (job->analysis);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->kind == EXPORT_PDF)
    ok = rapport_export_write_pdf (report, job->suggestions, job->path, job->paper, NULL,
                                   &error);
  else if (job->kind == EXPORT_CSV)
    ok = rapport_export_csv_write_dir (report, job->suggestions, job->path, NULL, &error);
  else
    {
      RapportExportImageFormat format = RAPPORT_EXPORT_IMAGE_PNG;

      /* A name without .png or .svg gets a PNG. */
      rapport_export_image_format_for_path (job->path, &format);
      ok = rapport_export_chart_write (report, job->path, format, CHART_WIDTH, CHART_HEIGHT,
                                       &error);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (_rapport_window_is_disposed (self))
    return;
  _rapport_window_set_exporting (self, FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    saved (self, job->file, job->kind);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Export the Report"), error);
}

/**
 * rapport_window_save_export:
 * @self: a window
 * @kind: what to write
 * @file: where: a file, or for %RAPPORT_WINDOW_EXPORT_CSV a folder
 *
 * Writes the shown account's report in a thread, the export actions off meanwhile
 * (#RapportWindow:exporting), then says so in a toast that opens the file, or in an alert why
 * not.  What the file dialogs of win.export-pdf, win.export-csv and win.save-chart lead to.
 */
void
rapport_window_save_export (RapportWindow       *self,
                            RapportWindowExport  kind,
                            GFile               *file)
{
  RapportAnalysis *analysis;
  g_autoptr(GTask) task = NULL;
  GPtrArray *suggestions;
  ExportJob *job;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->exporting || (analysis = analysis_to_export (self)) == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->analysis = g_object_ref (analysis);
  job->kind = (ExportKind) kind;
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  job->paper = rapport_paper_from_locale ();
  suggestions = rapport_analysis_get_suggestions (analysis);
  job->suggestions = suggestions != NULL ? rapport_suggestions_copy (suggestions) : NULL;

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, rapport_window_save_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  _rapport_window_set_exporting (self, TRUE);
  if (job->path == NULL)
    g_task_return_new_error_literal (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                     _("Rapport can only save to a folder on this computer"));
  else
    g_task_run_in_thread (task, export_thread);
}

static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  RapportWindowExport kind = GPOINTER_TO_INT (g_object_get_data (object, "rapport-export"));
  g_autoptr(GFile) file = NULL;

  if (kind == RAPPORT_WINDOW_EXPORT_CSV)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file == NULL || _rapport_window_is_disposed (self))
    return;

  rapport_window_save_export (self, kind, file);
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
  RapportWindowExport kind;

  if (analysis == NULL)
    return;

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));

  if (g_str_equal (action_name, "win.export-csv"))
    {
      g_object_set_data (G_OBJECT (dialog), "rapport-export",
                         GINT_TO_POINTER (RAPPORT_WINDOW_EXPORT_CSV));
      gtk_file_dialog_set_title (dialog, _("Export Tables as CSV"));
      gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), self->cancellable,
                                     dialog_done_cb, g_object_ref (self));
      return;
    }

  if (g_str_equal (action_name, "win.export-pdf"))
    {
      kind = RAPPORT_WINDOW_EXPORT_PDF;
      name = file_name_for (analysis, "report.pdf");
      gtk_file_dialog_set_title (dialog, _("Export Report as PDF"));
      add_filter (filters, _("PDF Documents"), "application/pdf", "pdf");
    }
  else
    {
      kind = RAPPORT_WINDOW_EXPORT_CHART;
      name = file_name_for (analysis, "chart.png");
      gtk_file_dialog_set_title (dialog, _("Save Chart as Image"));
      gtk_file_dialog_set_accept_label (dialog, _("_Save"));
      add_filter (filters, _("PNG Images"), "image/png", "png");
      add_filter (filters, _("SVG Images"), "image/svg+xml", "svg");
    }
  g_object_set_data (G_OBJECT (dialog), "rapport-export", GINT_TO_POINTER (kind));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, dialog_done_cb,
                        g_object_ref (self));
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
