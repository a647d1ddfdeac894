/* rapport-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window: which database it shows, which analysis the pages see, and its actions.  The
 * sidebar lives in rapport-window-accounts.c, imports in rapport-window-import.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui/rapport-audience-page.h"
#include "ui/rapport-coach-page.h"
#include "ui/rapport-data-guide-dialog.h"
#include "ui/rapport-hashtags-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-posts-page.h"
#include "ui/rapport-toast.h"
#include "ui/rapport-window-private.h"

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_BUSY,
  PROP_EXPLORING_SAMPLE_DATA,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RapportWindow *
rapport_window_new (RapportApplication *application)
{
  RapportWindow *self;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);

  self = g_object_new (RAPPORT_TYPE_WINDOW,
                       "application", application,
                       NULL);
  rapport_window_set_data_dir (self, rapport_application_get_data_dir (application));

  return self;
}

gboolean
_rapport_window_is_disposed (RapportWindow *self)
{
  /* dispose() clears the template children. */
  return self->stack == NULL;
}

void
_rapport_window_add_toast (RapportWindow    *self,
                           const char       *message,
                           AdwToastPriority  priority)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  rapport_toast_show (GTK_WIDGET (self->toast_overlay), rapport_toast_new (message, priority));
}

void
_rapport_window_set_exporting (RapportWindow *self,
                               gboolean       exporting)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (self->exporting == !!exporting)
    return;
  self->exporting = !!exporting;
  _rapport_window_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

gboolean
rapport_window_get_exporting (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return self->exporting;
}

static void
set_analysis (RapportWindow   *self,
              RapportAnalysis *analysis)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (g_set_object (&self->analysis, analysis))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

RapportAnalysis *
rapport_window_get_analysis (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->analysis;
}

gboolean
rapport_window_get_busy (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return self->busy;
}

gboolean
rapport_window_get_exploring_sample_data (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  return self->exploring_sample;
}

const char *
rapport_window_get_data_dir (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return self->data_dir;
}

/**
 * rapport_window_set_data_dir:
 * @self: a window
 * @data_dir: the folder of the creator's database
 *
 * Shows the database in @data_dir, leaving the sample data if they were shown.
 */
void
rapport_window_set_data_dir (RapportWindow *self,
                             const char    *data_dir)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (data_dir != NULL);

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);

  _rapport_window_open_data_dir (self, self->data_dir, FALSE);
}

/* Keeps what depends on the window's state in step: the busy property, which actions make
 * sense now, and whether the view switchers have pages to switch. */
void
_rapport_window_update_state (RapportWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean importing;
  gboolean busy;
  gboolean showing_analysis;

  g_assert (RAPPORT_IS_WINDOW (self));

  if (_rapport_window_is_disposed (self))
    return;

  importing = _rapport_window_is_importing (self);
  busy = importing || self->loading_account >= 0 || self->awaiting_upgrade;

  gtk_widget_action_set_enabled (widget, "win.explore-sample-data", !importing);
  gtk_widget_action_set_enabled (widget, "win.leave-sample-data",
                                 self->exploring_sample && !importing);
  gtk_widget_action_set_enabled (widget, "win.remove-account", !importing && self->store != NULL);
  /* An import would wait for the upgrade's write transaction, or give up on it. */
  gtk_widget_action_set_enabled (widget, "win.import", !self->awaiting_upgrade);
  gtk_widget_action_set_enabled (widget, "win.import-folder", !self->awaiting_upgrade);
  /* The accounts are there, only not readable yet. */
  gtk_widget_set_visible (self->no_accounts_label, !self->awaiting_upgrade);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", importing);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", !self->exporting);
  gtk_widget_action_set_enabled (widget, "win.export-csv", !self->exporting);
  gtk_widget_action_set_enabled (widget, "win.save-chart", !self->exporting);

  showing_analysis = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "analysis") == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), showing_analysis);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), showing_analysis);

  adw_banner_set_revealed (self->sample_banner, self->exploring_sample);

  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
cancel_analysis_load (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  self->loading_account = -1;
  if (self->complete_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->complete_tick_id);
  self->complete_tick_id = 0;
}

/* Nothing to analyse: the welcome page. */
void
_rapport_window_show_empty (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  cancel_analysis_load (self);
  set_analysis (self, NULL);
  adw_navigation_page_set_title (self->content_page, _("Welcome"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  _rapport_window_update_state (self);
}

static void
show_error (RapportWindow *self,
            const char    *title,
            const char    *message)
{
  g_autofree char *escaped = NULL;

  g_assert (RAPPORT_IS_WINDOW (self));

  /* The description is markup, and the message names files, which may hold '&' or '<'. */
  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  _rapport_window_update_state (self);
}

static void
apply_requested_page (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (self->requested_page != NULL &&
      adw_view_stack_get_child_by_name (self->view_stack, self->requested_page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, self->requested_page);
}

/**
 * rapport_window_set_page:
 * @self: a window
 * @name: the name of a page of the analysis: "overview", "audience", "posts", "hashtags",
 *   "coach"
 *
 * Shows that page, now or once an analysis is shown.
 *
 * Returns: %FALSE when the window has no such page
 */
gboolean
rapport_window_set_page (RapportWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;

  g_free (self->requested_page);
  self->requested_page = g_strdup (name);
  apply_requested_page (self);

  return TRUE;
}

/* The analysis is complete: the window is idle again. */
static void
finish_analysis_load (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  g_clear_object (&self->analysis_cancellable);
  self->loading_account = -1;
  _rapport_window_update_state (self);
}

static void
details_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  RapportAnalysis *analysis = RAPPORT_ANALYSIS (object);
  g_autoptr(GError) error = NULL;

  /* A newer load (or the end of the window) took over. */
  if (!rapport_analysis_load_details_finish (analysis, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (_rapport_window_is_disposed (self) || analysis != self->analysis)
    return;

  if (error != NULL)
    {
      g_clear_object (&self->analysis_cancellable);
      self->loading_account = -1;
      set_analysis (self, NULL);
      show_error (self, _("Could Not Load the Analysis"), error->message);
      return;
    }

  finish_analysis_load (self);
}

static void
load_details (RapportWindow *self)
{
  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (self->analysis != NULL);

  rapport_analysis_load_details_async (self->analysis,
                                       self->analysis_cancellable,
                                       details_loaded_cb,
                                       g_object_ref (self));
}

static gboolean
complete_analysis_tick_cb (GtkWidget     *widget,
                           GdkFrameClock *clock,
                           gpointer       user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* The first tick belongs to the frame that draws the first look; the second comes after
   * it was painted. */
  if (++self->complete_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->complete_tick_id = 0;
  load_details (self);
  return G_SOURCE_REMOVE;
}

static void
analysis_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  analysis = rapport_analysis_load_summary_finish (result, &error);

  /* A newer load (or the end of the window) took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      _rapport_window_is_disposed (self))
    return;

  if (analysis == NULL)
    {
      g_clear_object (&self->analysis_cancellable);
      self->loading_account = -1;
      set_analysis (self, NULL);
      show_error (self, _("Could Not Load the Analysis"), error->message);
      return;
    }

  set_analysis (self, analysis);
  adw_navigation_page_set_title (self->content_page, rapport_analysis_get_title (analysis));
  apply_requested_page (self);
  gtk_stack_set_visible_child_name (self->stack, "analysis");

  if (rapport_analysis_has_details (analysis))
    {
      finish_analysis_load (self);
      return;
    }

  /* The rest loads once the first look is on screen, not competing with drawing it; a window
   * that is not shown has no frame to wait for. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->complete_ticks = 0;
      self->complete_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                             complete_analysis_tick_cb,
                                                             NULL, NULL);
    }
  else
    load_details (self);

  _rapport_window_update_state (self);
}

/* Loads the analysis of @account_id (0 for all accounts) off the main thread; the spinner
 * shows until the first look is there, and the window stays busy until the rest is. */
void
_rapport_window_load_analysis (RapportWindow *self,
                               gint64         account_id)
{
  GtkApplication *application;
  RapportAnalysisPreload *preload;

  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (account_id >= 0);

  if (self->store == NULL)
    return;

  cancel_analysis_load (self);

  self->analysis_cancellable = g_cancellable_new ();
  self->loading_account = account_id;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  _rapport_window_update_state (self);

  /* The first load of the first window takes over what the application started loading
   * before GTK. */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (RAPPORT_IS_APPLICATION (application) &&
      (preload = rapport_application_take_preload (RAPPORT_APPLICATION (application))) != NULL)
    rapport_analysis_preload_claim_async (preload,
                                          self->store,
                                          account_id,
                                          self->analysis_cancellable,
                                          analysis_loaded_cb,
                                          g_object_ref (self));
  else
    rapport_analysis_load_summary_async (self->store,
                                         account_id,
                                         self->analysis_cancellable,
                                         analysis_loaded_cb,
                                         g_object_ref (self));
}

/* Shows the store just opened, or why it could not be. */
static void
show_store (RapportWindow *self,
            gboolean       sample,
            const GError  *error)
{
  gint64 select_id = -1;

  if (self->store == NULL)
    {
      _rapport_window_refresh_accounts (self, -1, FALSE);
      show_error (self, _("Could Not Open the Database"), error->message);
      return;
    }

  /* The sample data open on the demo creator's fullest account, the one of the most exports
   * (Instagram's), the first of those; not the first by platform. */
  if (sample)
    {
      g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (self->store, NULL);
      guint most = 0;

      for (guint i = 0; accounts != NULL && i < accounts->len; i++)
        {
          const RapportAccount *account = g_ptr_array_index (accounts, i);

          if (select_id < 0 || account->n_snapshots > most)
            {
              select_id = account->id;
              most = account->n_snapshots;
            }
        }
    }

  _rapport_window_refresh_accounts (self, select_id, TRUE);
}

typedef struct _RapportWindowUpgrade
{
  char *data_dir;
} Upgrade;

static void
upgrade_free (Upgrade *upgrade)
{
  g_free (upgrade->data_dir);
  g_free (upgrade);
}

static void
upgrade_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Upgrade *upgrade = task_data;
  RapportStore *store;
  GError *error = NULL;

  if ((store = rapport_store_open (upgrade->data_dir, &error)) != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* A notice that flashed for the tenth of a second most upgrades take would only startle. */
#define UPGRADE_NOTICE_DELAY_MS 500

static gboolean
show_upgrade_notice_cb (gpointer user_data)
{
  RapportWindow *self = user_data;

  self->upgrade_notice_id = 0;
  adw_navigation_page_set_title (self->content_page, _("Updating"));
  gtk_widget_set_opacity (GTK_WIDGET (self->upgrading_page), 1);
  return G_SOURCE_REMOVE;
}

static void
stop_awaiting_upgrade (RapportWindow *self)
{
  self->awaiting_upgrade = FALSE;
  g_clear_handle_id (&self->upgrade_notice_id, g_source_remove);
}

static void
upgrade_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (object);
  Upgrade *upgrade = g_task_get_task_data (G_TASK (result));
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->running_upgrade == upgrade)
    self->running_upgrade = NULL;
  /* The window went to another folder meanwhile: the upgrade is done all the same. */
  if (_rapport_window_is_disposed (self) || !self->awaiting_upgrade ||
      g_strcmp0 (upgrade->data_dir, self->active_data_dir) != 0)
    return;

  stop_awaiting_upgrade (self);
  self->store = g_steal_pointer (&store);
  show_store (self, self->exploring_sample, error);
  _rapport_window_update_state (self);
  /* Exports dropped or opened while the window waited; each says for itself if the database
   * still cannot be opened. */
  _rapport_window_import_queued (self);
}

/* Opens the database of an older version in a thread, which upgrades it first, while the
 * window says so: a history of two years of a million followers takes a few seconds. */
static void
start_upgrade (RapportWindow *self,
               const char    *data_dir)
{
  self->awaiting_upgrade = TRUE;
  /* Back in a folder whose upgrade still runs: its end opens the store. */
  if (self->running_upgrade == NULL ||
      g_strcmp0 (self->running_upgrade->data_dir, data_dir) != 0)
    {
      g_autoptr(GTask) task = NULL;
      Upgrade *upgrade = g_new0 (Upgrade, 1);

      upgrade->data_dir = g_strdup (data_dir);
      task = g_task_new (self, NULL, upgrade_done_cb, NULL);
      g_task_set_source_tag (task, start_upgrade);
      g_task_set_task_data (task, upgrade, (GDestroyNotify) upgrade_free);
      g_task_run_in_thread (task, upgrade_thread);
      self->running_upgrade = upgrade;
    }

  /* No accounts until the store is open: the sidebar empties. */
  _rapport_window_refresh_accounts (self, -1, FALSE);
  gtk_widget_set_opacity (GTK_WIDGET (self->upgrading_page), 0);
  gtk_stack_set_visible_child_name (self->stack, "upgrading");
  if (self->upgrade_notice_id == 0)
    self->upgrade_notice_id = g_timeout_add (UPGRADE_NOTICE_DELAY_MS, show_upgrade_notice_cb,
                                             self);
  _rapport_window_update_state (self);
}

/* Shows the database in @data_dir: the creator's own, or the sample data's. */
void
_rapport_window_open_data_dir (RapportWindow *self,
                               const char    *data_dir,
                               gboolean       sample)
{
  g_autoptr(GError) error = NULL;
  gboolean was_sample;

  g_assert (RAPPORT_IS_WINDOW (self));
  g_assert (data_dir != NULL);

  was_sample = self->exploring_sample;

  /* Between closing one database and loading the other, the window is not idle. */
  g_object_freeze_notify (G_OBJECT (self));

  /* The analysis holds the old store. */
  _rapport_window_show_empty (self);
  stop_awaiting_upgrade (self);
  g_clear_object (&self->store);
  g_free (self->active_data_dir);
  self->active_data_dir = g_strdup (data_dir);
  self->exploring_sample = sample;

  if (was_sample != self->exploring_sample)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLORING_SAMPLE_DATA]);

  if (rapport_store_needs_upgrade (data_dir))
    start_upgrade (self, data_dir);
  else
    {
      self->store = rapport_store_open (data_dir, &error);
      show_store (self, sample, error);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
rapport_window_leave_sample_data (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->exploring_sample)
    _rapport_window_open_data_dir (self, self->data_dir, FALSE);
}

static void
rapport_window_leave_sample_data_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  rapport_window_leave_sample_data (RAPPORT_WINDOW (widget));
}

static void
rapport_window_data_guide_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  adw_dialog_present (rapport_data_guide_dialog_new (), widget);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_awaiting_upgrade (self);
  cancel_analysis_load (self);
  _rapport_window_import_dispose (self);
  g_clear_object (&self->analysis);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_finalize (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->active_data_dir, g_free);
  g_clear_pointer (&self->requested_page, g_free);

  G_OBJECT_CLASS (rapport_window_parent_class)->finalize (object);
}

static void
rapport_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_window_get_analysis (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rapport_window_get_busy (self));
      break;

    case PROP_EXPLORING_SAMPLE_DATA:
      g_value_set_boolean (value, rapport_window_get_exploring_sample_data (self));
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, rapport_window_get_exporting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_window_dispose;
  object_class->finalize = rapport_window_finalize;
  object_class->get_property = rapport_window_get_property;

  /**
   * RapportWindow:analysis:
   *
   * The analysis of the selected account, or %NULL.  The pages bind to it.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportWindow:busy:
   *
   * Whether an import runs or an analysis loads, until the analysis is complete.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportWindow:exploring-sample-data:
   *
   * Whether the window shows the sample data instead of the creator's own.
   */
  properties[PROP_EXPLORING_SAMPLE_DATA] =
    g_param_spec_boolean ("exploring-sample-data", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RapportWindow:exporting:
   *
   * Whether a report, its tables or its chart are being written to a file.
   */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The pages of the view stack are named in the template: their types are ensured here,
   * before the template is set, one g_type_ensure() each. */
  g_type_ensure (RAPPORT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (RAPPORT_TYPE_AUDIENCE_PAGE);
  g_type_ensure (RAPPORT_TYPE_POSTS_PAGE);
  g_type_ensure (RAPPORT_TYPE_HASHTAGS_PAGE);
  g_type_ensure (RAPPORT_TYPE_COACH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, upgrading_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, no_accounts_label);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, import_folder_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, guide_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.data-guide", NULL,
                                   rapport_window_data_guide_action);
  gtk_widget_class_install_action (widget_class, "win.leave-sample-data", NULL,
                                   rapport_window_leave_sample_data_action);

  _rapport_window_accounts_class_init (widget_class);
  _rapport_window_evidence_class_init (widget_class);
  _rapport_window_export_class_init (widget_class);
  _rapport_window_identify_class_init (widget_class);
  _rapport_window_import_class_init (widget_class);
  _rapport_window_refresh_class_init (widget_class);
}

static void
rapport_window_init (RapportWindow *self)
{
  g_autoptr(AdwSpinnerPaintable) spinner = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Here, not in the template: GtkBuilder reads an inline paintable as a file name. */
  spinner = adw_spinner_paintable_new (GTK_WIDGET (self->upgrading_page));
  adw_status_page_set_paintable (self->upgrading_page, GDK_PAINTABLE (spinner));

  self->cancellable = g_cancellable_new ();
  self->loading_account = -1;

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The id is not known to the template: development builds have their own icon. */
  adw_status_page_set_icon_name (self->empty_page, APPLICATION_ID);

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  _rapport_window_import_init (self);
  _rapport_window_update_state (self);
}
