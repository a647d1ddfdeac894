/* rapport-audience-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who follows the creator and whom the creator follows, in segments: mutuals, not following
 * back, fans, and what changed since the previous export.  Each segment is a
 * RapportPeopleModel over the analysis's own lists, so a million followers cost an index
 * array, not a million objects.
 *
 * For all accounts the page asks to pick one: followers are lists of one account, and mixing
 * platforms' lists would match unrelated people who share a name.
 *
 * Which segments there are is in rapport-audience-page-segments.c, the CSV export in
 * rapport-audience-page-export.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "ui/rapport-audience-page-private.h"
#include "ui/rapport-toast.h"

G_DEFINE_FINAL_TYPE (RapportAudiencePage, rapport_audience_page, ADW_TYPE_BREAKPOINT_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_day (gpointer unused,
            gint64   t)
{
  return rapport_format_day (t);
}

void
_rapport_audience_page_add_toast (RapportAudiencePage *self,
                                  const char          *message)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  rapport_toast_show (GTK_WIDGET (self), rapport_toast_new (message, ADW_TOAST_PRIORITY_NORMAL));
}

static RapportPersonItem *
selected_person (RapportAudiencePage *self)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (RapportAudiencePage *self)
{
  RapportPersonItem *person;
  gboolean can_export;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  person = selected_person (self);
  can_export = self->current != NULL && self->current->model != NULL &&
               g_list_model_get_n_items (G_LIST_MODEL (self->current->model)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-profile",
                                 person != NULL &&
                                 rapport_person_item_get_profile_url (person) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-csv", can_export);
  _rapport_audience_page_keep_update (self);
}

/* The list, or why there is none. */
static void
update_content (RapportAudiencePage *self)
{
  Segment *segment;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  segment = self->current;

  if (segment == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_status_page_set_title (self->empty_page, _("No Accounts"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else if (segment->unavailable != NULL)
    {
      /* The description is markup, and the coverage's sentences may name imported files. */
      g_autofree char *escaped = g_markup_escape_text (segment->unavailable, -1);

      adw_status_page_set_description (self->unavailable_page, escaped);
      gtk_stack_set_visible_child_name (self->content_stack, "unavailable");
    }
  else if (segment->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (segment->model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
    }
  else if (segment->model != NULL && rapport_people_model_get_search (segment->model) != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Accounts"));
      adw_status_page_set_description (self->empty_page,
                                       _("No account in this segment has that in its name."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Accounts"));
      adw_status_page_set_description (self->empty_page, _("Nobody is in this segment."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  update_actions (self);
}

/* On the selection, not the model: the view has taken the change in by then. */
static void
selection_items_changed_cb (RapportAudiencePage *self,
                            guint                position,
                            guint                removed,
                            guint                added,
                            GListModel          *model)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  update_content (self);

  /* Without this the view would keep its first row in view wherever it went. */
  if (self->scroll_to_top && g_list_model_get_n_items (model) > 0)
    gtk_column_view_scroll_to (self->column_view, 0, NULL, GTK_LIST_SCROLL_NONE, NULL);
  self->scroll_to_top = FALSE;
}

static RapportPeopleSort
sort_key_for_column (RapportAudiencePage *self,
                     GtkColumnViewColumn *column)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (column == self->follows_column)
    return RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE;
  if (column == self->you_follow_column)
    return RAPPORT_PEOPLE_SORT_YOU_FOLLOW_SINCE;
  return RAPPORT_PEOPLE_SORT_HANDLE;
}

/* The headers say how to sort; the model does it over its index arrays, which is far cheaper
 * than a GtkSortListModel that would make an object of every row. */
static void
apply_sort (RapportAudiencePage *self)
{
  GtkColumnViewSorter *sorter;
  GtkColumnViewColumn *column;
  GtkSortType order;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (self->current == NULL || self->current->model == NULL)
    return;

  sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  column = gtk_column_view_sorter_get_primary_sort_column (sorter);
  order = column != NULL ? gtk_column_view_sorter_get_primary_sort_order (sorter)
                         : GTK_SORT_ASCENDING;

  rapport_people_model_set_sort (self->current->model, sort_key_for_column (self, column), order);
}

static void
sorter_changed_cb (RapportAudiencePage *self,
                   GtkSorterChange      change,
                   GtkSorter           *sorter)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  self->scroll_to_top = TRUE;
  apply_sort (self);
}

static void
free_owner (gpointer data)
{
  g_object_unref (data);
}

/* What keeps the list of a segment of accounts alive: the list itself, and the analysis its
 * other list belongs to. */
typedef struct
{
  RapportAnalysis *analysis;
  RapportPeople   *people;
} AccountsOwner;

static void
accounts_owner_free (gpointer data)
{
  AccountsOwner *owner = data;

  g_clear_object (&owner->analysis);
  g_clear_pointer (&owner->people, rapport_people_free);
  g_free (owner);
}

static RapportPlatform
segment_platform (RapportAudiencePage *self)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  return rapport_analysis_get_account (self->analysis)->platform;
}

static void
select_segment (RapportAudiencePage *self,
                guint                index)
{
  Segment *segment;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));
  g_assert (index < self->segments->len);

  segment = g_ptr_array_index (self->segments, index);

  self->current = segment;

  /* A list of followers without the accounts followed to look them up in: an empty column
   * would read as "you do not follow them".  A connection began once, for both. */
  gtk_column_view_column_set_title (self->you_follow_column,
                                    segment->direction == RAPPORT_DIRECTION_FOLLOWER &&
                                    segment->other == NULL && segment->unavailable == NULL
                                    ? _("You Follow Since (Unknown)") : _("You Follow Since"));
  gtk_column_view_column_set_visible (self->you_follow_column,
                                      rapport_platform_lists_count_followers (
                                        segment_platform (self)));
  gtk_column_view_column_set_title (self->follows_column,
                                    rapport_platform_lists_count_followers (
                                      segment_platform (self))
                                    ? _("Follows You Since") : _("Connected Since"));

  if (segment->unavailable == NULL && segment->model == NULL)
    {
      /* The model keeps the analysis, and with it the lists, alive. */
      segment->model = rapport_people_model_new (segment_platform (self),
                                                 segment->people,
                                                 segment->direction,
                                                 segment->other,
                                                 segment->indices,
                                                 g_object_ref (self->analysis),
                                                 free_owner);
    }

  if (segment->model != NULL)
    {
      rapport_people_model_set_search (segment->model,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      apply_sort (self);
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (segment->model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* The sidebar and the drop-down show the same choice. */
  self->selecting = TRUE;
  gtk_list_box_select_row (self->segment_list,
                           gtk_list_box_get_row_at_index (self->segment_list, index));
  gtk_drop_down_set_selected (self->segment_dropdown, index);
  self->selecting = FALSE;

  update_content (self);
}

static void
segment_list_row_selected_cb (RapportAudiencePage *self,
                              GtkListBoxRow       *row,
                              GtkListBox          *list)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (!self->selecting && row != NULL)
    select_segment (self, gtk_list_box_row_get_index (row));
}

static void
segment_dropdown_selected_cb (RapportAudiencePage *self,
                              GParamSpec          *pspec,
                              GtkDropDown         *dropdown)
{
  guint selected;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  selected = gtk_drop_down_get_selected (dropdown);
  if (!self->selecting && self->segments != NULL && selected < self->segments->len)
    select_segment (self, selected);
}

static void
search_entry_search_changed_cb (RapportAudiencePage *self,
                                GtkSearchEntry      *entry)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (self->current != NULL && self->current->model != NULL)
    {
      self->scroll_to_top = TRUE;
      rapport_people_model_set_search (self->current->model,
                                       gtk_editable_get_text (GTK_EDITABLE (entry)));
      update_content (self);
    }
}

static void
selection_notify_selected_item_cb (RapportAudiencePage *self,
                                   GParamSpec          *pspec,
                                   GtkSingleSelection  *selection)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  update_actions (self);
}

static void
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportAudiencePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    _rapport_audience_page_add_toast (self, _("Could not open the profile in the browser"));
}

static void
open_profile (RapportAudiencePage *self,
              RapportPersonItem   *person)
{
  g_autoptr(GtkUriLauncher) launcher = NULL;
  const char *url;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (person == NULL || (url = rapport_person_item_get_profile_url (person)) == NULL)
    return;

  launcher = gtk_uri_launcher_new (url);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           self->cancellable, launch_done_cb, g_object_ref (self));
}

static void
column_view_activate_cb (RapportAudiencePage *self,
                         guint                position,
                         GtkColumnView       *column_view)
{
  g_autoptr(RapportPersonItem) person = NULL;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  open_profile (self, person);
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);

  open_profile (self, selected_person (self));
}

static void
rebuild (RapportAudiencePage *self)
{
  const RapportReport *report;
  const RapportCoverageItem *dates = NULL;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  self->needs_rebuild = FALSE;
  _rapport_audience_page_clear_segments (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (self->analysis == NULL || (report = rapport_analysis_get_report (self->analysis)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "all");
      update_actions (self);
      return;
    }

  /* The lists come with the rest of the analysis. */
  if (!rapport_analysis_has_details (self->analysis))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      update_actions (self);
      return;
    }

  /* The drop-down selects its first item as it gets one: not the user's choice. */
  self->selecting = TRUE;
  _rapport_audience_page_build_segments (self, report);
  self->selecting = FALSE;

  /* Without follow dates both date columns stay empty: say why once, above the table. */
  if (report->coverage != NULL)
    dates = rapport_coverage_get (report->coverage, RAPPORT_FIGURE_FOLLOW_DATES);
  gtk_label_set_label (self->coverage_label, dates != NULL ? dates->explanation : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->coverage_label),
                          dates != NULL && dates->level == RAPPORT_COVERAGE_MISSING &&
                          dates->explanation != NULL);

  gtk_stack_set_visible_child_name (self->stack, "audience");
  select_segment (self, 0);

  if (self->pending_segment != NULL &&
      rapport_analysis_get_account_id (self->analysis) == self->pending_account)
    {
      g_autofree char *name = g_steal_pointer (&self->pending_segment);

      rapport_audience_page_show_segment (self, name);
    }
}

void
_rapport_audience_page_refresh (RapportAudiencePage *self)
{
  SegmentKind kind = self->current != NULL ? self->current->kind : SEGMENT_MUTUALS;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  rebuild (self);
  for (guint i = 0; i < self->segments->len; i++)
    if (((Segment *) g_ptr_array_index (self->segments, i))->kind == kind)
      {
        select_segment (self, i);
        break;
      }
}

/**
 * rapport_audience_page_show_accounts:
 * @self: an audience page
 * @title: what the accounts are, "Follow-for-follow pairs"
 * @whos: (array zero-terminated=1): the accounts' 'who'
 *
 * Shows just these accounts as a segment of their own, with the follow dates of the newest
 * lists (of the older list of the last change for followers who left since).
 */
void
rapport_audience_page_show_accounts (RapportAudiencePage *self,
                                     const char          *title,
                                     const char * const  *whos)
{
  const RapportDataset *dataset;
  const RapportReport *report;
  const RapportPeople *followers;
  const RapportPeople *following;
  const RapportPeople *older = NULL;
  const RapportChurnStep *step = NULL;
  g_autoptr(RapportPeople) people = NULL;
  AccountsOwner *owner;
  Segment *segment;
  guint index;

  g_return_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (whos != NULL);

  if (self->needs_rebuild)
    rebuild (self);

  if (self->analysis == NULL || !rapport_analysis_has_details (self->analysis) ||
      (dataset = rapport_analysis_get_dataset (self->analysis)) == NULL ||
      (report = rapport_analysis_get_report (self->analysis)) == NULL)
    return;

  followers = report->reciprocity != NULL
    ? report->reciprocity->followers
    : _rapport_audience_newest_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  following = report->reciprocity != NULL
    ? report->reciprocity->following
    : _rapport_audience_newest_list (dataset, RAPPORT_DIRECTION_FOLLOWING);
  if (report->churn != NULL && (step = rapport_churn_latest (report->churn)) != NULL)
    older = step->older_people;

  /* A list of its own, as followers: their follow date where they follow (or followed) the
   * creator, and the creator's from the following list. */
  people = rapport_people_new (g_strv_length ((char **) whos));
  for (guint i = 0; whos[i] != NULL; i++)
    {
      const RapportPerson *person = NULL;
      gint64 since = 0;

      if (followers != NULL && (person = rapport_people_find (followers, whos[i])) != NULL)
        since = person->since;
      else if (older != NULL && (person = rapport_people_find (older, whos[i])) != NULL)
        since = person->since;
      else if (following != NULL)
        person = rapport_people_find (following, whos[i]);

      if (person != NULL)
        rapport_people_add (people, person->who, person->handle, person->platform_id, since);
      else
        rapport_people_add (people, whos[i], whos[i], NULL, 0);
    }
  rapport_people_sort (people);

  /* One such segment at a time: the newest evidence replaces the last. */
  if (self->segments->len > 0)
    {
      Segment *last = g_ptr_array_index (self->segments, self->segments->len - 1);

      if (last->kind == SEGMENT_ACCOUNTS)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->segment_list,
                                                              self->segments->len - 1);

          if (self->current == last)
            {
              self->current = NULL;
              gtk_single_selection_set_model (self->selection, NULL);
            }
          self->selecting = TRUE;
          gtk_list_box_remove (self->segment_list, GTK_WIDGET (row));
          gtk_string_list_remove (self->segment_names, self->segments->len - 1);
          self->selecting = FALSE;
          g_ptr_array_remove_index (self->segments, self->segments->len - 1);
        }
    }

  /* The model owns the list: an export's thread may still read it after the segment went. */
  owner = g_new0 (AccountsOwner, 1);
  owner->analysis = g_object_ref (self->analysis);
  owner->people = g_steal_pointer (&people);
  segment = _rapport_audience_segment_new (SEGMENT_ACCOUNTS, "accounts", title);
  segment->people = owner->people;
  segment->direction = RAPPORT_DIRECTION_FOLLOWER;
  segment->other = following;
  segment->model = rapport_people_model_new (segment_platform (self), segment->people,
                                             segment->direction, segment->other, NULL,
                                             owner, accounts_owner_free);

  self->selecting = TRUE;
  _rapport_audience_page_add_segment (self, segment);
  self->selecting = FALSE;
  index = self->segments->len - 1;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_segment (self, index);
}

/**
 * rapport_audience_page_show_segment:
 * @self: an audience page
 * @name: the name of a segment, "new"
 *
 * Shows that segment, as if chosen in the sidebar: where the Overview's "Since your last
 * export" leads.
 *
 * Returns: %FALSE when there is no segment by that name
 */
gboolean
rapport_audience_page_show_segment (RapportAudiencePage *self,
                                    const char          *name)
{
  g_return_val_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->needs_rebuild)
    rebuild (self);

  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      const Segment *segment = g_ptr_array_index (self->segments, i);

      if (g_strcmp0 (segment->name, name) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          select_segment (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

void
rapport_audience_page_show_account_segment (RapportAudiencePage *self,
                                            gint64               account_id,
                                            const char          *name)
{
  g_return_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self));
  g_return_if_fail (name != NULL);

  g_clear_pointer (&self->pending_segment, g_free);
  if (self->analysis != NULL && rapport_analysis_get_account_id (self->analysis) == account_id &&
      rapport_analysis_has_details (self->analysis) &&
      rapport_audience_page_show_segment (self, name))
    return;
  self->pending_segment = g_strdup (name);
  self->pending_account = account_id;
}

RapportAnalysis *
rapport_audience_page_get_analysis (RapportAudiencePage *self)
{
  g_return_val_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self), NULL);

  return self->analysis;
}

/* A million followers make a rebuild cost a noticeable moment: a hidden page waits until it
 * is shown, and only lets go of the lists it showed, which keep their analysis alive. */
static void
queue_rebuild (RapportAudiencePage *self)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  self->needs_rebuild = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    _rapport_audience_page_clear_segments (self);
}

static void
analysis_complete_cb (RapportAudiencePage *self)
{
  queue_rebuild (self);
}

void
rapport_audience_page_set_analysis (RapportAudiencePage *self,
                                    RapportAnalysis     *analysis)
{
  g_return_if_fail (RAPPORT_IS_AUDIENCE_PAGE (self));
  g_return_if_fail (analysis == NULL || RAPPORT_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, analysis_complete_cb, self);
  g_set_object (&self->analysis, analysis);
  /* The user went elsewhere before the segment asked for could show. */
  if (analysis == NULL || rapport_analysis_get_account_id (analysis) != self->pending_account)
    g_clear_pointer (&self->pending_segment, g_free);

  if (analysis != NULL && !rapport_analysis_has_details (analysis))
    g_signal_connect_swapped (analysis, "notify::has-details", G_CALLBACK (analysis_complete_cb),
                              self);

  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
rapport_audience_page_map (GtkWidget *widget)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (widget);

  /* Before the children are mapped, so the first frame shows the new lists. */
  if (self->needs_rebuild)
    rebuild (self);

  GTK_WIDGET_CLASS (rapport_audience_page_parent_class)->map (widget);
}

static void
rapport_audience_page_dispose (GObject *object)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->current = NULL;
  g_signal_handlers_disconnect_by_data (self->selection, self);
  g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  /* The bin would unparent its child a second time after the template did. */
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_AUDIENCE_PAGE);

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->pending_segment, g_free);
  _rapport_audience_page_keep_clear (self);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, analysis_complete_cb, self);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_audience_page_parent_class)->dispose (object);
}

static void
rapport_audience_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_audience_page_get_analysis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_audience_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportAudiencePage *self = RAPPORT_AUDIENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      rapport_audience_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_audience_page_class_init (RapportAudiencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_audience_page_dispose;
  object_class->get_property = rapport_audience_page_get_property;
  object_class->set_property = rapport_audience_page_set_property;

  widget_class->map = rapport_audience_page_map;

  /**
   * RapportAudiencePage:analysis:
   *
   * The analysis whose lists the page shows.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_LOADING_PAGE);
  g_type_ensure (RAPPORT_TYPE_PERSON_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-audience-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, segment_sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, segment_list);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, segment_names);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, open_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, keep_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, selection);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, handle_column);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, follows_column);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, you_follow_column);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportAudiencePage, loading_page);
  gtk_widget_class_bind_template_callback (widget_class, segment_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_day);

  gtk_widget_class_install_action (widget_class, "page.open-profile", NULL, open_profile_action);
  _rapport_audience_page_export_class_init (widget_class);
  _rapport_audience_page_keep_class_init (widget_class);
}

static void
rapport_audience_page_init (RapportAudiencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) _rapport_audience_segment_free);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->handle_column, GTK_SORT_ASCENDING);

  gtk_stack_set_visible_child_name (self->stack, "all");
  update_actions (self);
}
