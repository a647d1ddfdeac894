/* rapport-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the window share: rapport-window.c (the class, the store and the analysis),
 * rapport-window-accounts.c (the sidebar) and rapport-window-import.c (imports, drag and drop,
 * sample data).
 */

#pragma once

#include "store/rapport-store.h"
#include "session/rapport-analysis.h"
#include "session/rapport-import-batch.h"
#include "ui/rapport-window.h"

G_BEGIN_DECLS

struct _RapportWindow
{
  AdwApplicationWindow    parent_instance;

  GSettings              *settings;
  /* File dialogs and everything else that ends with the window. */
  GCancellable           *cancellable;

  /* The creator's own data folder, and the one shown now (the same, or the sample's). */
  char                   *data_dir;
  char                   *active_data_dir;
  RapportStore           *store;
  /* The upgrade of a database of an older version running in a thread, or NULL; it runs to
   * its end even when the window stops waiting for it (it cannot stop halfway), and a return
   * to the same folder waits for it again rather than starting a second one. */
  struct _RapportWindowUpgrade *running_upgrade;
  /* The window shows "Updating" until the active folder's store is open; most upgrades take
   * a fraction of a second, so what it says appears only once this source has run. */
  guint                   awaiting_upgrade : 1;
  guint                   upgrade_notice_id;
  guint                   exploring_sample : 1;
  /* The last value of RapportWindow:busy, so it is notified only on change. */
  guint                   busy : 1;

  /* A report, tables or a chart are being written; the export actions wait. */
  guint                   exporting : 1;

  /* The sidebar is being rebuilt: selection changes are not the user's. */
  guint                   refreshing_accounts : 1;

  RapportAnalysis        *analysis;
  /* For the summary and then the details, until the analysis has them. */
  GCancellable           *analysis_cancellable;
  gint64                  loading_account;    /* -1 when no analysis is loading */
  /* Waits for the frame after the one that draws a summary, to load the details. */
  guint                   complete_tick_id;
  guint                   complete_ticks;

  RapportImportBatch     *import_batch;       /* the running imports, or NULL */
  GCancellable           *import_cancellable; /* the running imports' Cancel */
  GPtrArray              *queued_files;       /* GFile, to import after the running one */

  char                   *requested_page;

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  GtkRevealer            *drop_revealer;
  AdwNavigationSplitView *split_view;
  GtkListBox             *accounts_list;
  GtkWidget              *no_accounts_label;
  AdwNavigationPage      *content_page;
  AdwHeaderBar           *content_header;
  AdwViewSwitcher        *view_switcher;
  AdwBanner              *sample_banner;
  GtkRevealer            *import_revealer;
  GtkLabel               *import_title;
  GtkLabel               *import_detail;
  GtkButton              *import_cancel_button;
  GtkStack               *stack;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  AdwStatusPage          *upgrading_page;
  GtkButton              *import_button;
  GtkButton              *import_folder_button;
  GtkButton              *sample_button;
  GtkButton              *guide_button;
  AdwViewStack           *view_stack;
  AdwViewSwitcherBar     *switcher_bar;
};

/* rapport-window.c */
void     _rapport_window_open_data_dir      (RapportWindow *self,
                                             const char    *data_dir,
                                             gboolean       sample);
void     _rapport_window_load_analysis      (RapportWindow *self,
                                             gint64         account_id);
void     _rapport_window_show_empty         (RapportWindow *self);
void     _rapport_window_update_state       (RapportWindow *self);
gboolean _rapport_window_is_disposed        (RapportWindow *self);
/* A toast of plain text (file names may hold markup characters).  HIGH shows it at once,
 * for the answer to what the user just did; NORMAL queues it behind the one shown. */
void     _rapport_window_add_toast          (RapportWindow    *self,
                                             const char       *message,
                                             AdwToastPriority  priority);

void     _rapport_window_set_exporting      (RapportWindow    *self,
                                             gboolean          exporting);

/* rapport-window-accounts.c */
void     _rapport_window_accounts_class_init (GtkWidgetClass *widget_class);
/* Rebuilds the sidebar from the store and selects @select_id when it is listed (0 is "All
 * accounts"), else keeps the selection, else selects the first row.  @reload loads the
 * selected analysis again even when it is the one shown. */
void     _rapport_window_refresh_accounts   (RapportWindow *self,
                                             gint64         select_id,
                                             gboolean       reload);

/* Selects the sidebar's row of @account_id, which shows its analysis; FALSE when not listed. */
gboolean _rapport_window_select_account     (RapportWindow *self,
                                             gint64         account_id);

/* rapport-window-evidence.c: win.show-range, win.show-posts, win.show-accounts,
 * win.show-segment, win.show-account-segment */
void     _rapport_window_evidence_class_init (GtkWidgetClass *widget_class);

/* rapport-window-export.c: win.export-pdf, win.print, win.export-csv, win.save-chart */
void     _rapport_window_export_class_init  (GtkWidgetClass *widget_class);

/* rapport-window-identify.c: win.identify-account; asks whose a provisional account is */
void     _rapport_window_identify_class_init (GtkWidgetClass *widget_class);
void     _rapport_window_identify_account   (RapportWindow  *self,
                                             gint64          account_id);

/* rapport-window-refresh.c: win.refresh-account, win.set-account-refresh, win.follow-account,
 * win.preferences */
void     _rapport_window_refresh_class_init (GtkWidgetClass *widget_class);

/* rapport-window-import.c */
void     _rapport_window_import_class_init  (GtkWidgetClass *widget_class);
void     _rapport_window_import_init        (RapportWindow  *self);
void     _rapport_window_import_dispose     (RapportWindow  *self);
gboolean _rapport_window_is_importing       (RapportWindow  *self);
void     _rapport_window_import_queued      (RapportWindow  *self);

G_END_DECLS
