/* rapport-hashtags-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Hashtags page: which tags go with a higher or lower engagement rate (a chart of the
 * strongest and weakest, and the whole table with n, p-value and confidence), the
 * engagement-bait tags, and how many tags per post work best.  Tags are compared within one
 * account's posts, so "All accounts" asks for one account instead of mixing platforms.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "ui/charts/rapport-bar-chart.h"
#include "ui/rapport-hashtags-page.h"
#include "ui/rapport-tag-item.h"
#include "ui/rapport-tag-usage.h"

/* The chart shows every tag up to this many, else the strongest and the weakest half each. */
#define CHART_MAX_BARS 10
/* Rows of the usage list: all of a usual account's tags, not thousands. */
#define USAGE_MAX_ROWS 20

struct _RapportHashtagsPage
{
  AdwBin             parent_instance;

  RapportAnalysis   *analysis;

  /* Template children */
  GtkStack          *stack;
  AdwStatusPage     *thin_page;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  AdwPreferencesGroup *bait_group;
  GtkListBox        *bait_list;
  AdwPreferencesGroup *uplift_group;
  AdwToggleGroup    *view_toggle;
  GtkStack          *uplift_stack;
  RapportBarChart   *bar_chart;
  GtkWidget         *legend_bait_icon;
  GtkLabel          *legend_label;
  GtkColumnView     *column_view;
  GListStore        *tags_store;
  GtkColumnViewColumn *tag_column;
  GtkColumnViewColumn *n_column;
  GtkColumnViewColumn *with_column;
  GtkColumnViewColumn *without_column;
  GtkColumnViewColumn *uplift_column;
  GtkColumnViewColumn *p_column;
  GtkColumnViewColumn *confidence_column;
  GtkListBox        *uplift_note_list;
  AdwActionRow      *uplift_note_row;
  AdwPreferencesGroup *usage_group;
  GtkListBox        *usage_list;
  AdwPreferencesGroup *buckets_group;
  GtkListBox        *buckets_list;
};

G_DEFINE_FINAL_TYPE (RapportHashtagsPage, rapport_hashtags_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Template closures: the cells' text. */

static char *
format_tag (gpointer    unused,
            const char *tag)
{
  return tag != NULL ? g_strconcat ("#", tag, NULL) : NULL;
}

static char *
format_count (gpointer unused,
              guint    n)
{
  return rapport_format_count (n);
}

static char *
format_percent (gpointer unused,
                double   fraction)
{
  return rapport_format_percent (fraction);
}

static char *
format_change (gpointer unused,
               double   fraction)
{
  return rapport_format_change (fraction);
}

static char *
format_p_value (gpointer unused,
                double   p_value)
{
  return rapport_format_p_value (p_value);
}

static char *
format_confidence (gpointer unused,
                   guint    confidence)
{
  switch ((RapportConfidence) confidence)
    {
    case RAPPORT_CONFIDENCE_HIGH:
      return g_strdup (C_("confidence", "High"));
    case RAPPORT_CONFIDENCE_MEDIUM:
      return g_strdup (C_("confidence", "Medium"));
    case RAPPORT_CONFIDENCE_LOW:
    default:
      return g_strdup (C_("confidence", "Low"));
    }
}

static char **
bait_classes (gpointer unused,
              gboolean is_bait)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  if (is_bait)
    g_strv_builder_add (builder, "warning");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return classes;
}

static char *
bait_tooltip (gpointer unused,
              gboolean is_bait)
{
  if (!is_bait)
    return NULL;

  return g_strdup (_("An engagement-bait tag: it asks for follows or likes in return and brings "
                     "accounts that do not engage"));
}

static void
set_sorter (GtkColumnViewColumn *column,
            const char          *property)
{
  g_autoptr(GtkSorter) sorter = rapport_tag_item_sorter_new (property);

  gtk_column_view_column_set_sorter (column, sorter);
}

/* Posts of the dataset by their index in the engagement array, as the platform's post ids the
 * Posts page shows. */
static GVariant *
posts_parameter (const RapportReport *report,
                 const char          *title,
                 const GArray        *indices)
{
  GVariantBuilder ids;

  g_variant_builder_init (&ids, G_VARIANT_TYPE_STRING_ARRAY);

  for (guint i = 0; indices != NULL && i < indices->len; i++)
    {
      guint32 index = g_array_index (indices, guint32, i);
      const RapportPostEngagement *engagement;

      if (index >= report->per_post->len)
        continue;
      engagement = &g_array_index (report->per_post, RapportPostEngagement, index);
      if (engagement->post->platform_id != NULL)
        g_variant_builder_add (&ids, "s", engagement->post->platform_id);
    }

  return g_variant_new ("(sas)", title, &ids);
}

static void
show_bait (RapportHashtagsPage        *self,
           const RapportReport        *report,
           const RapportHashtagReport *hashtags)
{
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *description = NULL;

  g_assert (RAPPORT_IS_HASHTAGS_PAGE (self));

  gtk_list_box_remove_all (self->bait_list);
  gtk_widget_set_visible (GTK_WIDGET (self->bait_group), hashtags->bait->len > 0);

  if (hashtags->bait->len == 0)
    return;

  with = rapport_format_percent (hashtags->bait_uplift.median_with);
  without = rapport_format_percent (hashtags->bait_uplift.median_without);
  if (hashtags->n_with_rate == 0)
    description = g_strdup_printf (
      ngettext ("These tags ask for follows or likes in return, and the accounts they bring "
                "rarely engage. You used them on %u post.",
                "These tags ask for follows or likes in return, and the accounts they bring "
                "rarely engage. You used them on %u posts.",
                hashtags->n_bait_posts),
      hashtags->n_bait_posts);
  else
    description = g_strdup_printf (
      /* Translators: the %s are percentages like "3.8 %"; the %u are counts of posts. */
      ngettext ("These tags ask for follows or likes in return, and the accounts they bring "
                "rarely engage. Your %u post with them had a median engagement rate of %s, "
                "against %s for the %u posts without.",
                "These tags ask for follows or likes in return, and the accounts they bring "
                "rarely engage. Your %u posts with them had a median engagement rate of %s, "
                "against %s for the %u posts without.",
                hashtags->bait_uplift.n_with),
      hashtags->bait_uplift.n_with, with, without, hashtags->bait_uplift.n_without);
  adw_preferences_group_set_description (self->bait_group, description);

  for (guint i = 0; i < hashtags->bait->len; i++)
    {
      const RapportBaitTag *bait = &g_array_index (hashtags->bait, RapportBaitTag, i);
      g_autofree char *title = g_strconcat ("#", bait->tag, NULL);
      g_autofree char *median = rapport_format_percent (bait->median_with);
      g_autofree char *subtitle = NULL;
      g_autofree char *evidence = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (bait->n_with_rate > 0)
        /* Translators: "11 posts · median engagement rate 3.8 %". */
        subtitle = g_strdup_printf (ngettext ("%u post · median engagement rate %s",
                                              "%u posts · median engagement rate %s",
                                              bait->n_posts),
                                    bait->n_posts, median);
      else
        subtitle = g_strdup_printf (ngettext ("%u post", "%u posts", bait->n_posts),
                                    bait->n_posts);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "bait-tag");

      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      /* The posts behind the figure, on the Posts page. */
      /* Translators: the title of a list of posts, "Posts with #f4f". */
      evidence = g_strdup_printf (_("Posts with %s"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-posts");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              posts_parameter (report, evidence, bait->posts));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show the posts"));

      gtk_list_box_append (self->bait_list, row);
    }
}

static void
show_chart (RapportHashtagsPage        *self,
            const RapportHashtagReport *hashtags)
{
  g_autoptr(GArray) bars = g_array_new (FALSE, TRUE, sizeof (RapportBar));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;
  g_autofree char *legend = NULL;
  gboolean any_bait = FALSE;
  guint n_known = 0;

  g_assert (RAPPORT_IS_HASHTAGS_PAGE (self));

  /* The report sorts by uplift, highest first, unknown last. */
  for (guint i = 0; i < hashtags->tags->len; i++)
    if (!isnan (g_array_index (hashtags->tags, RapportTagUplift, i).uplift.uplift))
      n_known++;

  for (guint i = 0; i < n_known; i++)
    {
      const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);
      RapportBar bar;
      char *label;
      char *value;

      /* The middle of a long list says little: keep both ends. */
      if (n_known > CHART_MAX_BARS && i >= CHART_MAX_BARS / 2 &&
          i < n_known - CHART_MAX_BARS / 2)
        continue;

      label = g_strconcat ("#", tag->tag, NULL);
      value = rapport_format_change (tag->uplift.uplift);
      g_ptr_array_add (strings, label);
      g_ptr_array_add (strings, value);

      bar.label = label;
      bar.value = tag->uplift.uplift;
      bar.value_text = value;
      bar.warning = tag->is_bait;
      any_bait |= tag->is_bait;
      g_array_append_val (bars, bar);
    }

  rapport_bar_chart_set_bars (self->bar_chart, (const RapportBar *) bars->data, bars->len);

  if (bars->len > 0)
    {
      const RapportBar *first = &g_array_index (bars, RapportBar, 0);
      const RapportBar *last = &g_array_index (bars, RapportBar, bars->len - 1);

      if (bars->len == 1)
        /* Translators: the takeaway of the chart with one tag: "#pottery: -4.8 %". */
        description = g_strdup_printf (_("Posts with %s have a median engagement rate %s "
                                         "against posts without it."),
                                       first->label, first->value_text);
      else
        /* Translators: the takeaway of the chart: the strongest tag and its uplift, then the
         * weakest. */
        description = g_strdup_printf (_("Posts with %s do best, %s against posts without it; "
                                         "posts with %s do worst, %s."),
                                       first->label, first->value_text,
                                       last->label, last->value_text);
    }
  else
    {
      description = g_strdup (_("No tag has an uplift to show."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar_chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  if (n_known > CHART_MAX_BARS)
    legend = g_strdup_printf (_("The %u strongest and the %u weakest of %u tags: the median "
                                "engagement rate of posts with the tag against posts without "
                                "it."),
                              CHART_MAX_BARS / 2, CHART_MAX_BARS / 2, n_known);
  else
    legend = g_strdup (_("The median engagement rate of posts with the tag against posts "
                         "without it."));

  if (any_bait)
    {
      char *with_bait = g_strconcat (legend, " ", _("Engagement-bait tags are drawn in the "
                                                    "warning colour."), NULL);

      g_free (legend);
      legend = with_bait;
    }

  gtk_label_set_label (self->legend_label, legend);
  gtk_widget_set_visible (self->legend_bait_icon, any_bait);
}

static void
show_tags (RapportHashtagsPage        *self,
           const RapportReport        *report,
           const RapportHashtagReport *hashtags)
{
  const RapportCoverageItem *engagement;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;
  g_autofree char *note_title = NULL;
  gboolean have_tags = hashtags->tags->len > 0;

  g_assert (RAPPORT_IS_HASHTAGS_PAGE (self));

  for (guint i = 0; i < hashtags->tags->len; i++)
    g_ptr_array_add (items,
                     rapport_tag_item_new (&g_array_index (hashtags->tags, RapportTagUplift, i)));
  g_list_store_splice (self->tags_store,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->tags_store)),
                       items->pdata, items->len);

  /* The report's order is by uplift: say so in the header. */
  gtk_column_view_sort_by_column (self->column_view, self->uplift_column, GTK_SORT_DESCENDING);

  show_chart (self, hashtags);

  description = g_strdup_printf (
    ngettext ("Tags on %u post or more, compared by the median engagement rate of the posts "
              "with the tag against those without it.",
              "Tags on %u posts or more, compared by the median engagement rate of the posts "
              "with the tag against those without it.",
              RAPPORT_HASHTAG_MIN_POSTS),
    RAPPORT_HASHTAG_MIN_POSTS);
  adw_preferences_group_set_description (self->uplift_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->view_toggle), have_tags);
  gtk_widget_set_visible (GTK_WIDGET (self->uplift_stack), have_tags);
  gtk_widget_set_visible (GTK_WIDGET (self->uplift_note_list), !have_tags);

  if (have_tags)
    return;

  /* Too few tagged posts: say what would help. */
  note_title = g_strdup_printf (ngettext ("No tag is on %u post with an engagement rate yet",
                                          "No tag is on %u posts with an engagement rate yet",
                                          RAPPORT_HASHTAG_MIN_POSTS),
                                RAPPORT_HASHTAG_MIN_POSTS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->uplift_note_row), note_title);

  engagement = rapport_coverage_get (report->coverage, RAPPORT_FIGURE_POST_ENGAGEMENT);
  if (engagement != NULL && engagement->explanation != NULL)
    adw_action_row_set_subtitle (self->uplift_note_row, engagement->explanation);
  else
    adw_action_row_set_subtitle (self->uplift_note_row,
                                 _("Use the tags you want to compare on more posts, or import "
                                   "an older export of this account to add its earlier "
                                   "posts."));
}

static void
show_buckets (RapportHashtagsPage        *self,
              const RapportHashtagReport *hashtags)
{
  g_autofree char *description = NULL;
  double highest = 0;

  g_assert (RAPPORT_IS_HASHTAGS_PAGE (self));

  gtk_list_box_remove_all (self->buckets_list);

  description = g_strdup_printf (
    ngettext ("The median engagement rate of posts by how many hashtags they carry. Only a "
              "group of %u post or more can be the best.",
              "The median engagement rate of posts by how many hashtags they carry. Only a "
              "group of %u posts or more can be the best.",
              RAPPORT_HASHTAG_BUCKET_MIN_POSTS),
    RAPPORT_HASHTAG_BUCKET_MIN_POSTS);
  adw_preferences_group_set_description (self->buckets_group, description);

  for (guint i = 0; i < RAPPORT_N_TAG_BUCKETS; i++)
    if (hashtags->buckets[i].n > 0 && !isnan (hashtags->buckets[i].median))
      highest = MAX (highest, hashtags->buckets[i].median);

  for (guint i = 0; i < RAPPORT_N_TAG_BUCKETS; i++)
    {
      const RapportTagBucket *bucket = &hashtags->buckets[i];
      gboolean best = hashtags->best_bucket == (int) i;
      g_autofree char *subtitle = NULL;
      g_autofree char *median = rapport_format_percent (bucket->median);
      GtkWidget *row;
      GtkWidget *value;
      GtkWidget *level;

      if (bucket->n == 0)
        subtitle = g_strdup (_("No posts"));
      else if (bucket->n < RAPPORT_HASHTAG_BUCKET_MIN_POSTS)
        /* Translators: too few posts to name this group the best. */
        subtitle = g_strdup_printf (ngettext ("%u post, too few to compare",
                                              "%u posts, too few to compare", bucket->n),
                                    bucket->n);
      else
        subtitle = g_strdup_printf (ngettext ("%u post", "%u posts", bucket->n), bucket->n);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_tag_bucket_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (best)
        {
          GtkWidget *badge = gtk_label_new (C_("tags per post", "Best"));
          GtkWidget *star;

          gtk_widget_add_css_class (row, "best-bucket");
          gtk_widget_add_css_class (badge, "accent");
          gtk_widget_add_css_class (badge, "caption-heading");
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          star = gtk_image_new_from_icon_name ("starred-symbolic");
          gtk_widget_add_css_class (star, "accent");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }

      /* A bar per group so they compare at a glance. */
      level = gtk_level_bar_new_for_interval (0, highest > 0 ? highest : 1);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level),
                               bucket->n > 0 && !isnan (bucket->median) ? bucket->median : 0);
      gtk_widget_set_size_request (level, 72, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, rapport_tag_bucket_title (i),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);

      value = gtk_label_new (median);
      gtk_label_set_width_chars (GTK_LABEL (value), 6);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      if (best)
        {
          gtk_widget_add_css_class (value, "accent");
          gtk_widget_add_css_class (value, "heading");
        }
      else if (bucket->n == 0)
        {
          gtk_widget_add_css_class (value, "dimmed");
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);

      gtk_list_box_append (self->buckets_list, row);
    }
}

/* Which export would give the engagement rates the page compares. */
static char *
thin_explanation (const RapportReport *report)
{
  static const RapportFigure figures[] = {
    RAPPORT_FIGURE_POST_ENGAGEMENT,
    RAPPORT_FIGURE_FOLLOWER_HISTORY,
    RAPPORT_FIGURE_FOLLOW_DATES,
  };
  GString *text = g_string_new (_("Hashtags are compared by the engagement rate of posts, "
                                  "which needs the interactions of each post and the number "
                                  "of followers on its day."));

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figures[i]);

      if (item != NULL && item->level != RAPPORT_COVERAGE_FULL && item->explanation != NULL)
        {
          g_string_append (text, "\n\n");
          g_string_append (text, item->explanation);
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static void
show_usage (RapportHashtagsPage        *self,
            const RapportHashtagReport *hashtags)
{
  rapport_tag_usage_fill (self->usage_list, hashtags, USAGE_MAX_ROWS);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_group), hashtags->usage->len > 0);
  adw_preferences_group_set_description (self->usage_group,
                                         hashtags->n_with_rate > 0
                                         ? _("How often you used each tag, and from when to "
                                             "when.")
                                         : _("How often you used each tag, and from when to "
                                             "when. How each does against the others appears "
                                             "once your posts have engagement rates."));
}

/* The page of an account whose posts have tags but no rate: usage, tags per post and bait
 * tags, and why there is no uplift. */
static void
show_usage_only (RapportHashtagsPage        *self,
                 const RapportReport        *report,
                 const RapportHashtagReport *hashtags)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *explanation = thin_explanation (report);
  g_autofree char *per_post = g_strdup_printf ("%.1f", (double) hashtags->n_tag_uses
                                                       / MAX (hashtags->n_posts, 1));

  title = g_strdup_printf (ngettext ("%u Tag Used", "%u Tags Used", hashtags->usage->len),
                           hashtags->usage->len);
  /* Translators: "Tags on 61 of your 85 posts, 1.0 per post." then why there is no uplift. */
  summary = g_strdup_printf (ngettext ("Tags on %u of your %u post, %s per post. %s",
                                       "Tags on %u of your %u posts, %s per post. %s",
                                       hashtags->n_posts),
                             hashtags->n_tagged_posts, hashtags->n_posts, per_post, explanation);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->summary_label, summary);

  show_bait (self, report, hashtags);
  show_usage (self, hashtags);
  /* No uplift without rates: the chart and the table would be empty. */
  g_list_store_remove_all (self->tags_store);
  rapport_bar_chart_set_bars (self->bar_chart, NULL, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->uplift_group), FALSE);

  rapport_tag_usage_fill_buckets (self->buckets_list, hashtags);
  adw_preferences_group_set_description (self->buckets_group,
                                         _("How many hashtags your posts carry."));

  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
update (RapportHashtagsPage *self)
{
  const RapportReport *report;
  const RapportHashtagReport *hashtags;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  g_assert (RAPPORT_IS_HASHTAGS_PAGE (self));

  if (self->analysis == NULL)
    {
      g_list_store_remove_all (self->tags_store);
      rapport_bar_chart_set_bars (self->bar_chart, NULL, 0);
      gtk_list_box_remove_all (self->bait_list);
      gtk_list_box_remove_all (self->usage_list);
      gtk_list_box_remove_all (self->buckets_list);
      gtk_stack_set_visible_child_name (self->stack, "thin");
      return;
    }

  /* Tags mean different things on different platforms. */
  if (rapport_analysis_is_all_accounts (self->analysis))
    {
      gtk_stack_set_visible_child_name (self->stack, "all");
      return;
    }

  report = rapport_analysis_get_report (self->analysis);
  hashtags = report->hashtags;

  /* Without rates, the usage of the tags is the true view there is: only a page without any
   * tag says what is missing instead. */
  if (hashtags->n_with_rate == 0 && hashtags->usage->len > 0)
    {
      show_usage_only (self, report, hashtags);
      return;
    }

  if (hashtags->n_with_rate == 0)
    {
      g_autofree char *explanation = thin_explanation (report);
      /* The description is markup; the coverage's sentences are plain text. */
      g_autofree char *escaped = g_markup_escape_text (explanation, -1);

      adw_status_page_set_description (self->thin_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "thin");
      return;
    }

  if (hashtags->n_with_rate == hashtags->n_posts)
    summary = g_strdup_printf (ngettext ("Compared on your %u post with an engagement rate.",
                                         "Compared on your %u posts, all with an engagement "
                                         "rate.",
                                         hashtags->n_posts),
                               hashtags->n_posts);
  else
    /* Translators: "Compared on the 85 of your 120 posts that have an engagement rate." */
    summary = g_strdup_printf (ngettext ("Compared on the %u of your %u post that has an "
                                         "engagement rate.",
                                         "Compared on the %u of your %u posts that have an "
                                         "engagement rate.",
                                         hashtags->n_posts),
                               hashtags->n_with_rate, hashtags->n_posts);
  if (hashtags->bait->len > 0)
    {
      g_autofree char *with_bait = NULL;

      with_bait = g_strdup_printf (ngettext ("%s %u of the tags you use is engagement bait.",
                                             "%s %u of the tags you use are engagement bait.",
                                             hashtags->bait->len),
                                   summary, hashtags->bait->len);
      g_free (summary);
      summary = g_steal_pointer (&with_bait);
    }

  if (hashtags->tags->len > 0)
    title = g_strdup_printf (ngettext ("%u Tag Compared", "%u Tags Compared", hashtags->tags->len),
                             hashtags->tags->len);
  else
    title = g_strdup (_("Hashtags"));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->summary_label, summary);

  show_bait (self, report, hashtags);
  show_tags (self, report, hashtags);
  show_buckets (self, hashtags);
  show_usage (self, hashtags);
  gtk_widget_set_visible (GTK_WIDGET (self->uplift_group), TRUE);

  gtk_stack_set_visible_child_name (self->stack, "report");
}

RapportAnalysis *
rapport_hashtags_page_get_analysis (RapportHashtagsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_HASHTAGS_PAGE (self), NULL);

  return self->analysis;
}

void
rapport_hashtags_page_set_analysis (RapportHashtagsPage *self,
                                    RapportAnalysis     *analysis)
{
  g_return_if_fail (RAPPORT_IS_HASHTAGS_PAGE (self));
  g_return_if_fail (analysis == NULL || RAPPORT_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
rapport_hashtags_page_dispose (GObject *object)
{
  RapportHashtagsPage *self = RAPPORT_HASHTAGS_PAGE (object);

  /* The bin holds its child, a template child, too: it lets go first, so that the child is
   * unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_HASHTAGS_PAGE);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_hashtags_page_parent_class)->dispose (object);
}

static void
rapport_hashtags_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportHashtagsPage *self = RAPPORT_HASHTAGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_hashtags_page_get_analysis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_hashtags_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportHashtagsPage *self = RAPPORT_HASHTAGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      rapport_hashtags_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_hashtags_page_class_init (RapportHashtagsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_hashtags_page_dispose;
  object_class->get_property = rapport_hashtags_page_get_property;
  object_class->set_property = rapport_hashtags_page_set_property;

  /**
   * RapportHashtagsPage:analysis:
   *
   * The analysis shown, or %NULL.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_BAR_CHART);
  g_type_ensure (RAPPORT_TYPE_TAG_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-hashtags-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, thin_page);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, bait_group);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, bait_list);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, uplift_group);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, view_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, uplift_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, bar_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, legend_bait_icon);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, tags_store);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, tag_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, n_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, with_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, without_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, uplift_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, p_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, confidence_column);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, uplift_note_list);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, uplift_note_row);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, usage_group);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, usage_list);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, buckets_group);
  gtk_widget_class_bind_template_child (widget_class, RapportHashtagsPage, buckets_list);
  gtk_widget_class_bind_template_callback (widget_class, format_tag);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, format_percent);
  gtk_widget_class_bind_template_callback (widget_class, format_change);
  gtk_widget_class_bind_template_callback (widget_class, format_p_value);
  gtk_widget_class_bind_template_callback (widget_class, format_confidence);
  gtk_widget_class_bind_template_callback (widget_class, bait_classes);
  gtk_widget_class_bind_template_callback (widget_class, bait_tooltip);
}

static void
rapport_hashtags_page_init (RapportHashtagsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_sorter (self->tag_column, "tag");
  set_sorter (self->n_column, "n");
  set_sorter (self->with_column, "median-with");
  set_sorter (self->without_column, "median-without");
  set_sorter (self->uplift_column, "uplift");
  set_sorter (self->p_column, "p-value");
  set_sorter (self->confidence_column, "confidence");

  gtk_stack_set_visible_child_name (self->stack, "thin");
}
