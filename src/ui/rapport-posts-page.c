/* rapport-posts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The creator's own posts as a sortable table, with the selected post's details beside it (or
 * over it, when narrow).  For all accounts the table holds every account's posts with a column
 * naming the account: posts compare across platforms well enough by their counts and rates.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "ui/rapport-post-details.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-posts-best.h"
#include "ui/rapport-posts-page.h"
#include "ui/rapport-toast.h"

typedef enum
{
  SORT_KEY_LIKES,
  SORT_KEY_COMMENTS,
  SORT_KEY_SHARES,
  SORT_KEY_IMPRESSIONS,
  SORT_KEY_INTERACTIONS,
  SORT_KEY_RATE,
  SORT_KEY_RATE_BY_IMPRESSIONS,
  N_SORT_KEYS
} SortKey;

/* What a numeric column's sort expression needs to put unknown values last. */
typedef struct
{
  RapportPostsPage    *page;
  SortKey              key;
  GtkColumnViewColumn *column;
} SortSpec;

struct _RapportPostsPage
{
  AdwBreakpointBin     parent_instance;

  RapportAnalysis     *analysis;
  GHashTable          *shown_ids;   /* platform ids shown, NULL for all posts */
  GCancellable        *cancellable;
  SortSpec             sort_specs[N_SORT_KEYS];
  guint                rebuilding : 1;
  guint                any_impressions : 1;
  guint                any_pictures : 1;
  /* The analysis changed while the page was hidden: built when it is shown. */
  guint                needs_rebuild : 1;

  /* Template children */
  GtkStack            *stack;
  AdwBreakpoint       *medium_breakpoint;
  AdwBreakpoint       *narrow_breakpoint;
  AdwOverlaySplitView *split_view;
  AdwBanner           *filter_banner;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GListStore          *store;
  GtkColumnViewColumn *account_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *text_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *likes_column;
  GtkColumnViewColumn *comments_column;
  GtkColumnViewColumn *shares_column;
  GtkColumnViewColumn *impressions_column;
  GtkColumnViewColumn *interactions_column;
  GtkColumnViewColumn *rate_column;
  GtkToggleButton     *best_button;
  GtkLabel            *best_caption;
  GtkColumnViewColumn *rate_impressions_column;
  GtkColumnViewColumn *picture_column;
  GtkStack            *detail_stack;
  GtkLabel            *detail_date;
  GtkLabel            *detail_kind;
  GtkLabel            *detail_text;
  GtkListBox          *detail_counts;
  GtkLabel            *detail_hashtags;
  GtkLabel            *detail_mentions;
  GtkButton           *open_post_button;
};

G_DEFINE_FINAL_TYPE (RapportPostsPage, rapport_posts_page, ADW_TYPE_BREAKPOINT_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of @column in the view's sorter; columns not sorted by count as ascending. */
static GtkSortType
column_sort_order (RapportPostsPage    *self,
                   GtkColumnViewColumn *column)
{
  GtkColumnViewSorter *sorter;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  for (guint i = 0; i < gtk_column_view_sorter_get_n_sort_columns (sorter); i++)
    {
      GtkSortType order;

      if (gtk_column_view_sorter_get_nth_sort_column (sorter, i, &order) == column)
        return order;
    }

  return GTK_SORT_ASCENDING;
}

/* The value a numeric column sorts by.  The view inverts a column's sorter for descending
 * order, so an unknown value becomes the end that inversion puts last: the largest value when
 * ascending, the smallest when descending. */
static double
sort_value (RapportPostItem *item,
            SortSpec        *spec)
{
  const RapportDatasetPost *post = rapport_post_item_get_post (item);
  const RapportPostEngagement *engagement = rapport_post_item_get_engagement (item);
  double value;
  gboolean known;

  switch (spec->key)
    {
    case SORT_KEY_LIKES:
      value = post->likes;
      break;

    case SORT_KEY_COMMENTS:
      value = post->comments;
      break;

    case SORT_KEY_SHARES:
      value = post->shares;
      break;

    case SORT_KEY_IMPRESSIONS:
      value = post->impressions;
      break;

    case SORT_KEY_INTERACTIONS:
      value = engagement->interactions;
      break;

    case SORT_KEY_RATE:
      value = engagement->rate;
      break;

    case SORT_KEY_RATE_BY_IMPRESSIONS:
      value = engagement->rate_by_impressions;
      break;

    case N_SORT_KEYS:
    default:
      g_assert_not_reached ();
    }

  if (spec->key == SORT_KEY_RATE || spec->key == SORT_KEY_RATE_BY_IMPRESSIONS)
    known = !isnan (value);
  else
    known = value >= 0;

  if (known)
    return value;

  return column_sort_order (spec->page, spec->column) == GTK_SORT_ASCENDING ? INFINITY
                                                                           : -INFINITY;
}

static void
add_toast (RapportPostsPage *self,
           const char       *message)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  rapport_toast_show (GTK_WIDGET (self), rapport_toast_new (message, ADW_TOAST_PRIORITY_NORMAL));
}

static RapportPostItem *
selected_post (RapportPostsPage *self)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_details (RapportPostsPage *self)
{
  RapportPostItem *item;
  const RapportDatasetPost *post;
  const RapportPostEngagement *engagement;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *kind = NULL;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  item = selected_post (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-post",
                                 item != NULL && rapport_post_item_get_post (item)->url != NULL);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  post = rapport_post_item_get_post (item);
  engagement = rapport_post_item_get_engagement (item);

  date = g_date_time_new_from_unix_local (post->created_at);
  /* Translators: the date and time of a post, a g_date_time_format() format. */
  when = date != NULL ? g_date_time_format (date, _("%-d %B %Y, %H:%M"))
                      : g_strdup (RAPPORT_FORMAT_NONE);
  gtk_label_set_label (self->detail_date, when);

  if (rapport_analysis_is_all_accounts (self->analysis))
    /* Translators: a post's type and account, "Reel · @mira.makes". */
    kind = g_strdup_printf (_("%s · %s"), rapport_post_type_name (post->type),
                            rapport_post_item_get_account (item));
  else
    kind = g_strdup (rapport_post_type_name (post->type));
  gtk_label_set_label (self->detail_kind, kind);

  if (post->text != NULL && post->text[0] != '\0')
    {
      gtk_label_set_label (self->detail_text, post->text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail_text), "dimmed");
    }
  else
    {
      gtk_label_set_label (self->detail_text, _("This post has no text."));
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_text), "dimmed");
    }

  rapport_post_details_fill_counts (self->detail_counts, post, engagement);

  rapport_post_details_set_words (self->detail_hashtags, post->hashtags, "#");
  rapport_post_details_set_mentions (self->detail_mentions, post->mentions,
                                     rapport_post_item_get_names (item));
  gtk_widget_set_visible (GTK_WIDGET (self->open_post_button), post->url != NULL);

  gtk_stack_set_visible_child_name (self->detail_stack, "post");
}

static void
selection_notify_selected_item_cb (RapportPostsPage   *self,
                                   GParamSpec         *pspec,
                                   GtkSingleSelection *selection)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  update_details (self);

  /* Narrow, picking a post is asking for its details. */
  if (!self->rebuilding && selected_post (self) != NULL &&
      adw_overlay_split_view_get_collapsed (self->split_view))
    adw_overlay_split_view_set_show_sidebar (self->split_view, TRUE);
}

/* A new order starts at the top, or where the picked post went. */
static void
sorter_changed_cb (RapportPostsPage *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  guint selected;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  gtk_column_view_scroll_to (self->column_view,
                             selected != GTK_INVALID_LIST_POSITION ? selected : 0,
                             NULL, GTK_LIST_SCROLL_NONE, NULL);
}

static gboolean
filter_post (gpointer item,
             gpointer user_data)
{
  RapportPostsPage *self = user_data;

  return self->shown_ids == NULL ||
         g_hash_table_contains (self->shown_ids,
                                rapport_post_item_get_post (RAPPORT_POST_ITEM (item))->platform_id);
}

static void
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportPostsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    add_toast (self, _("Could not open the post in the browser"));
}

static void
open_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (widget);
  g_autoptr(GtkUriLauncher) launcher = NULL;
  RapportPostItem *item = selected_post (self);
  const RapportDatasetPost *post = item != NULL ? rapport_post_item_get_post (item) : NULL;

  if (post == NULL || post->url == NULL)
    return;

  launcher = gtk_uri_launcher_new (post->url);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                           launch_done_cb, g_object_ref (self));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (widget);

  adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
}

static void
filter_banner_button_clicked_cb (RapportPostsPage *self,
                                 AdwBanner        *banner)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  rapport_posts_page_show_all (self);
}

/* Which columns make sense for these posts at this width.  Below the medium width the ER by
 * impressions moves to the details; narrow, the table keeps date, text, likes and ER (and the
 * account, for all accounts). */
static void
update_columns (RapportPostsPage *self)
{
  AdwBreakpoint *breakpoint;
  gboolean narrow;
  gboolean medium;
  gboolean all;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  breakpoint = adw_breakpoint_bin_get_current_breakpoint (ADW_BREAKPOINT_BIN (self));
  narrow = breakpoint == self->narrow_breakpoint;
  medium = narrow || breakpoint == self->medium_breakpoint;
  all = self->analysis != NULL && rapport_analysis_is_all_accounts (self->analysis);

  gtk_column_view_column_set_visible (self->account_column, all);
  gtk_column_view_column_set_visible (self->picture_column, self->any_pictures);
  gtk_column_view_column_set_visible (self->type_column, !narrow);
  gtk_column_view_column_set_visible (self->comments_column, !narrow);
  gtk_column_view_column_set_visible (self->shares_column, !narrow);
  gtk_column_view_column_set_visible (self->impressions_column,
                                      self->any_impressions && !narrow);
  gtk_column_view_column_set_visible (self->rate_impressions_column,
                                      self->any_impressions && !medium);
}

/* Best posts, by rate or by interactions, which the interactions column then shows. */
static void
best_button_toggled_cb (RapportPostsPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->best_button);

  rapport_posts_best_apply (self->column_view, G_LIST_MODEL (self->store), active,
                            self->rate_column, self->interactions_column, self->date_column,
                            self->best_caption);
  gtk_column_view_column_set_visible (self->interactions_column, active);
}

static void
notify_current_breakpoint_cb (RapportPostsPage *self,
                              GParamSpec       *pspec)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  update_columns (self);
}

static void
add_posts (RapportPostsPage *self,
           RapportAnalysis  *analysis,
           GPtrArray        *items,
           gboolean         *any_impressions)
{
  const RapportReport *report = rapport_analysis_get_report (analysis);
  const RapportAccount *account = rapport_analysis_get_account (analysis);
  g_autofree char *name = NULL;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  if (report == NULL || report->per_post == NULL)
    return;

  name = account != NULL ? rapport_format_name (account->platform, account->handle)
                         : rapport_format_name (RAPPORT_PLATFORM_UNKNOWN, NULL);

  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *engagement = &g_array_index (report->per_post,
                                                                RapportPostEngagement, i);

      if (engagement->post->impressions >= 0)
        *any_impressions = TRUE;
      g_ptr_array_add (items, rapport_post_item_new (analysis, engagement, name));
    }
}

static void
rebuild (RapportPostsPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any_impressions = FALSE;

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  self->needs_rebuild = FALSE;
  self->rebuilding = TRUE;

  g_clear_pointer (&self->shown_ids, g_hash_table_unref);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_LESS_STRICT);
  adw_banner_set_revealed (self->filter_banner, FALSE);

  if (self->analysis != NULL)
    {
      if (rapport_analysis_is_all_accounts (self->analysis))
        for (guint i = 0; i < rapport_analysis_get_n_children (self->analysis); i++)
          add_posts (self, rapport_analysis_get_child (self->analysis, i), items,
                     &any_impressions);
      else
        add_posts (self, self->analysis, items, &any_impressions);
    }

  /* One splice: one change, one sort. */
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  self->any_impressions = any_impressions;
  self->any_pictures = self->analysis != NULL && rapport_posts_have_thumbnails (self->analysis);
  update_columns (self);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "posts" : "empty");
  update_details (self);

  self->rebuilding = FALSE;
}

/**
 * rapport_posts_page_show_posts:
 * @self: a posts page
 * @title: what the posts are, "Posts with #f4f"
 * @platform_ids: (array zero-terminated=1): the posts' platform ids
 *
 * Shows only these posts, under a banner with @title and a button back to all posts.
 */
void
rapport_posts_page_show_posts (RapportPostsPage   *self,
                               const char         *title,
                               const char * const *platform_ids)
{
  g_autofree char *banner = NULL;
  guint n_shown;

  g_return_if_fail (RAPPORT_IS_POSTS_PAGE (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (platform_ids != NULL);

  if (self->needs_rebuild)
    rebuild (self);

  g_clear_pointer (&self->shown_ids, g_hash_table_unref);
  self->shown_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; platform_ids[i] != NULL; i++)
    g_hash_table_add (self->shown_ids, g_strdup (platform_ids[i]));

  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  /* Translators: the banner over the posts of a coach suggestion's evidence: "Posts with
   * #f4f: 11 posts". */
  banner = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u post", "%s: %u posts", n_shown),
                            title, n_shown);
  adw_banner_set_title (self->filter_banner, banner);
  adw_banner_set_revealed (self->filter_banner, TRUE);
}

void
rapport_posts_page_show_all (RapportPostsPage *self)
{
  g_return_if_fail (RAPPORT_IS_POSTS_PAGE (self));

  if (self->shown_ids == NULL)
    return;

  g_clear_pointer (&self->shown_ids, g_hash_table_unref);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model),
                      GTK_FILTER_CHANGE_LESS_STRICT);
  adw_banner_set_revealed (self->filter_banner, FALSE);
}

RapportAnalysis *
rapport_posts_page_get_analysis (RapportPostsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_POSTS_PAGE (self), NULL);

  return self->analysis;
}

/* A row per post of thousands takes a moment to build and sort: a hidden page waits until it
 * is shown, and only lets go of the rows it showed, which keep their analysis alive. */
static void
queue_rebuild (RapportPostsPage *self)
{
  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  self->needs_rebuild = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    g_list_store_remove_all (self->store);
}

static void
rapport_posts_page_map (GtkWidget *widget)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (widget);

  /* Before the children are mapped, so the first frame shows the new rows. */
  if (self->needs_rebuild)
    rebuild (self);

  GTK_WIDGET_CLASS (rapport_posts_page_parent_class)->map (widget);
}

void
rapport_posts_page_set_analysis (RapportPostsPage *self,
                                 RapportAnalysis  *analysis)
{
  g_return_if_fail (RAPPORT_IS_POSTS_PAGE (self));
  g_return_if_fail (analysis == NULL || RAPPORT_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static GtkSorter *
string_sorter (const char *property)
{
  GtkStringSorter *sorter;

  sorter = gtk_string_sorter_new (gtk_property_expression_new (RAPPORT_TYPE_POST_ITEM, NULL,
                                                               property));
  gtk_string_sorter_set_collation (sorter, GTK_COLLATION_UNICODE);

  return GTK_SORTER (sorter);
}

static void
set_numeric_sorter (RapportPostsPage    *self,
                    GtkColumnViewColumn *column,
                    SortKey              key)
{
  g_autoptr(GtkSorter) sorter = NULL;
  SortSpec *spec = &self->sort_specs[key];

  g_assert (RAPPORT_IS_POSTS_PAGE (self));

  spec->page = self;
  spec->key = key;
  spec->column = column;

  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL,
                                                                            0, NULL,
                                                                            G_CALLBACK (sort_value),
                                                                            spec, NULL)));
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
rapport_posts_page_dispose (GObject *object)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  /* The bin would unparent its child a second time after the template did. */
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_POSTS_PAGE);

  g_clear_pointer (&self->shown_ids, g_hash_table_unref);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_posts_page_parent_class)->dispose (object);
}

static void
rapport_posts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_posts_page_get_analysis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_posts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportPostsPage *self = RAPPORT_POSTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      rapport_posts_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_posts_page_class_init (RapportPostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_posts_page_dispose;
  object_class->get_property = rapport_posts_page_get_property;
  object_class->set_property = rapport_posts_page_set_property;

  widget_class->map = rapport_posts_page_map;

  /**
   * RapportPostsPage:analysis:
   *
   * The analysis whose posts the page shows.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_POST_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-posts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, medium_breakpoint);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, narrow_breakpoint);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, filter_banner);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, store);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, account_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, text_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, type_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, likes_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, comments_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, shares_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, impressions_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, interactions_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, rate_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, picture_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, best_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, best_caption);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, rate_impressions_column);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_date);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_kind);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_text);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_counts);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_hashtags);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, detail_mentions);
  gtk_widget_class_bind_template_child (widget_class, RapportPostsPage, open_post_button);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, notify_current_breakpoint_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "format_day",
                                                G_CALLBACK (rapport_post_format_day));
  gtk_widget_class_bind_template_callback_full (widget_class, "format_count",
                                                G_CALLBACK (rapport_post_format_count));
  gtk_widget_class_bind_template_callback (widget_class, best_button_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "format_rate",
                                                G_CALLBACK (rapport_post_format_rate));

  gtk_widget_class_install_action (widget_class, "page.open-post", NULL, open_post_action);
  gtk_widget_class_install_action (widget_class, "page.close-details", NULL,
                                   close_details_action);
}

static void
rapport_posts_page_init (RapportPostsPage *self)
{
  g_autoptr(GtkSorter) date_sorter = NULL;
  g_autoptr(GtkSorter) text_sorter = NULL;
  g_autoptr(GtkSorter) type_sorter = NULL;
  g_autoptr(GtkSorter) account_sorter = NULL;
  g_autoptr(GtkFilter) filter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  /* Dates are always known: a plain numeric sorter. */
  date_sorter = GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (RAPPORT_TYPE_POST_ITEM, NULL, "created-at")));
  gtk_column_view_column_set_sorter (self->date_column, date_sorter);
  text_sorter = string_sorter ("text-line");
  gtk_column_view_column_set_sorter (self->text_column, text_sorter);
  type_sorter = string_sorter ("type-name");
  gtk_column_view_column_set_sorter (self->type_column, type_sorter);
  account_sorter = string_sorter ("account");
  gtk_column_view_column_set_sorter (self->account_column, account_sorter);

  set_numeric_sorter (self, self->likes_column, SORT_KEY_LIKES);
  set_numeric_sorter (self, self->comments_column, SORT_KEY_COMMENTS);
  set_numeric_sorter (self, self->shares_column, SORT_KEY_SHARES);
  set_numeric_sorter (self, self->impressions_column, SORT_KEY_IMPRESSIONS);
  set_numeric_sorter (self, self->interactions_column, SORT_KEY_INTERACTIONS);
  set_numeric_sorter (self, self->rate_column, SORT_KEY_RATE);
  set_numeric_sorter (self, self->rate_impressions_column, SORT_KEY_RATE_BY_IMPRESSIONS);

  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  /* After the sort model's own handler: the rows are in their new order by then. */
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_DESCENDING);

  filter = GTK_FILTER (gtk_custom_filter_new (filter_post, self, NULL));
  gtk_filter_list_model_set_filter (self->filter_model, filter);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_details (self);
}
