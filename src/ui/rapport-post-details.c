/* rapport-post-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Posts page's details say of one post: its counts and rates, its hashtags and the
 * accounts it mentions.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "ui/rapport-post-details.h"

static void
add_count_row (GtkListBox *list,
               const char *title,
               const char *value,
               const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (row, label);
  gtk_list_box_append (list, GTK_WIDGET (row));
}

static void
add_known_count (GtkListBox *list,
                 const char *title,
                 gint64      count)
{
  g_autofree char *text = NULL;

  if (count < 0)
    return;

  text = rapport_format_optional_count (count);
  add_count_row (list, title, text, NULL);
}

static char *
join_prefixed (char       **words,
               const char  *prefix)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, "  ");
      g_string_append (text, prefix);
      g_string_append (text, words[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
rapport_post_details_set_words (GtkLabel   *label,
                                char      **words,
                                const char *prefix)
{
  if (words == NULL || words[0] == NULL)
    {
      gtk_label_set_label (label, _("None"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dimmed");
    }
  else
    {
      g_autofree char *text = join_prefixed (words, prefix);

      gtk_label_set_label (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dimmed");
    }
}

void
rapport_post_details_set_mentions (GtkLabel            *label,
                                   char               **mentions,
                                   const RapportPeople *names)
{
  g_autoptr(GStrvBuilder) shown = NULL;
  g_autoptr(GString) ids = NULL;
  g_auto(GStrv) words = NULL;

  if (names == NULL || mentions == NULL)
    {
      rapport_post_details_set_words (label, mentions, "@");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      return;
    }

  shown = g_strv_builder_new ();
  ids = g_string_new (NULL);
  for (guint i = 0; mentions[i] != NULL; i++)
    {
      const RapportPerson *person = rapport_people_find (names, mentions[i]);

      g_strv_builder_take (shown, rapport_format_mention (person != NULL ? person->handle : NULL,
                                                          mentions[i]));
      g_string_append_printf (ids, "%s%s", i > 0 ? "\n" : "", mentions[i]);
    }
  words = g_strv_builder_end (shown);
  rapport_post_details_set_words (label, words, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), ids->str);
}

void
rapport_post_details_fill_counts (GtkListBox                  *list,
                                  const RapportDatasetPost    *post,
                                  const RapportPostEngagement *engagement)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  add_known_count (list, _("Likes"), post->likes);
  add_known_count (list, _("Comments"), post->comments);
  add_known_count (list, _("Shares"), post->shares);
  add_known_count (list, _("Saves"), post->saves);
  add_known_count (list, _("Replies"), post->replies);
  add_known_count (list, _("Quotes"), post->quotes);
  add_known_count (list, _("Views"), post->views);
  add_known_count (list, _("Impressions"), post->impressions);
  add_known_count (list, _("Reach"), post->reach);

  {
    g_autofree char *rate = rapport_format_percent (engagement->rate);
    g_autofree char *followers = NULL;
    g_autofree char *basis = NULL;

    if (!isnan (engagement->followers))
      {
        followers = rapport_format_count (engagement->followers);
        basis = engagement->followers_lower_bound
                /* Translators: what an engagement rate rests on; %s is a follower count. */
                ? g_strdup_printf (_("Of at least %s followers: an upper bound"), followers)
                : g_strdup_printf (_("Of %s followers that day"), followers);
      }
    add_count_row (list, _("Engagement Rate"), rate, basis);
  }

  if (!isnan (engagement->rate_by_impressions))
    {
      g_autofree char *rate = rapport_format_percent (engagement->rate_by_impressions);

      add_count_row (list, _("Engagement Rate by Impressions"), rate, NULL);
    }
}
