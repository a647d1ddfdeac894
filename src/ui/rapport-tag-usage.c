/* rapport-tag-usage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "ui/rapport-tag-usage.h"

const char *
rapport_tag_bucket_title (RapportTagBucketKind kind)
{
  switch (kind)
    {
    case RAPPORT_TAG_BUCKET_NONE:
      return _("No tags");
    case RAPPORT_TAG_BUCKET_FEW:
      return _("1–2 tags");
    case RAPPORT_TAG_BUCKET_SOME:
      return _("3–5 tags");
    case RAPPORT_TAG_BUCKET_MANY:
      return _("6–10 tags");
    case RAPPORT_TAG_BUCKET_VERY_MANY:
      return _("11 tags or more");
    case RAPPORT_N_TAG_BUCKETS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A count at the end of a row, with a bar so that rows compare at a glance. */
static void
add_count_suffix (AdwActionRow *row,
                  guint         count,
                  guint         highest,
                  const char   *label)
{
  g_autofree char *text = rapport_format_count (count);
  GtkWidget *level = gtk_level_bar_new_for_interval (0, MAX (highest, 1));
  GtkWidget *value = gtk_label_new (text);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), count);
  gtk_widget_set_size_request (level, 72, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_suffix (row, level);

  gtk_label_set_width_chars (GTK_LABEL (value), 5);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (row, value);
}

void
rapport_tag_usage_fill (GtkListBox                 *list,
                        const RapportHashtagReport *hashtags,
                        guint                       max_rows)
{
  guint shown;
  guint highest;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (hashtags != NULL);

  gtk_list_box_remove_all (list);
  if (hashtags->usage->len == 0)
    return;

  shown = MIN (hashtags->usage->len, max_rows);
  highest = g_array_index (hashtags->usage, RapportTagUsage, 0).n_posts;
  for (guint i = 0; i < shown; i++)
    {
      const RapportTagUsage *usage = &g_array_index (hashtags->usage, RapportTagUsage, i);
      g_autofree char *title = g_strconcat ("#", usage->tag, NULL);
      g_autofree char *first = rapport_format_day (usage->first);
      g_autofree char *last = rapport_format_day (usage->last);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (usage->n_posts == 1)
        /* Translators: when a tag was used once. */
        subtitle = g_strdup_printf (_("Used once, %s"), first);
      else
        /* Translators: the first and the last use of a tag, "3 Mar 2024 to 9 Sep 2024". */
        subtitle = g_strdup_printf (_("%s to %s"), first, last);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (usage->is_bait)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("An engagement-bait tag"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      add_count_suffix (ADW_ACTION_ROW (row), usage->n_posts, highest, title);
      gtk_list_box_append (list, row);
    }

  if (hashtags->usage->len > shown)
    {
      guint rest = hashtags->usage->len - shown;
      g_autofree char *title = g_strdup_printf (ngettext ("%u more tag, used less often",
                                                          "%u more tags, used less often", rest),
                                                rest);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dimmed");
      gtk_list_box_append (list, row);
    }
}

void
rapport_tag_usage_fill_buckets (GtkListBox                 *list,
                                const RapportHashtagReport *hashtags)
{
  guint highest = 0;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (hashtags != NULL);

  gtk_list_box_remove_all (list);
  for (guint i = 0; i < RAPPORT_N_TAG_BUCKETS; i++)
    highest = MAX (highest, hashtags->bucket_posts[i]);

  for (guint i = 0; i < RAPPORT_N_TAG_BUCKETS; i++)
    {
      guint n = hashtags->bucket_posts[i];
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u post", "%u posts", n), n);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_tag_bucket_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_count_suffix (ADW_ACTION_ROW (row), n, highest, rapport_tag_bucket_title (i));
      gtk_list_box_append (list, row);
    }
}
