/* rapport-overview-page-headline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's headline, the one sentence above the figures: how followers and engagement
 * went against each other, which is also the chart's description for those who cannot see it;
 * and what the page says instead of a chart when there is nothing to chart.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "ui/rapport-overview-page-private.h"

void
_rapport_overview_page_update_headline (RapportOverviewPage *self)
{
  g_autofree char *headline = NULL;

  if (rapport_analysis_is_all_accounts (self->analysis))
    {
      guint n_children = rapport_analysis_get_n_children (self->analysis);

      /* Across accounts: the first account that has a divergence to tell. */
      for (guint c = 0; c < n_children && headline == NULL; c++)
        {
          RapportAnalysis *child = rapport_analysis_get_child (self->analysis, c);
          const RapportReport *report = rapport_analysis_get_report (child);

          if (report->divergence != NULL && report->divergence->headline != NULL)
            /* Translators: an account and its headline, "@jo.doe: Followers +40.0 % since …". */
            headline = g_strdup_printf (_("%s: %s"), rapport_analysis_get_title (child),
                                        report->divergence->headline);
        }
    }
  else
    /* The analysis states a change only on enough data, and otherwise says why. */
    headline = g_strdup (rapport_analysis_get_report (self->analysis)->headline->text);

  if (headline == NULL)
    headline = g_strdup (_("Not enough posts with an engagement rate yet to compare followers "
                           "with engagement"));

  gtk_label_set_text (self->headline_label, headline);
  /* The chart's takeaway for those who cannot see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, headline,
                                  -1);
}

char *
_rapport_overview_page_nothing_to_chart (RapportOverviewPage *self)
{
  const RapportReciprocity *reciprocity = rapport_analysis_get_reciprocity (self->analysis);
  g_autofree char *count = NULL;

  /* A list of connections is no follower count, but it is worth a word. */
  if (rapport_analysis_is_all_accounts (self->analysis) || reciprocity == NULL ||
      rapport_platform_lists_count_followers (
        rapport_analysis_get_account (self->analysis)->platform))
    return g_strdup (_("The exports of this account hold neither follower figures nor posts. "
                       "Import an export that has them."));

  count = rapport_format_count (reciprocity->n_followers);
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "Connections are no follower figures, and these exports hold no posts: your %s "
                 "connection is on the Audience page. The creator analytics add your followers "
                 "day by day, and Shares.csv your posts.",
                 "Connections are no follower figures, and these exports hold no posts: your %s "
                 "connections are on the Audience page. The creator analytics add your "
                 "followers day by day, and Shares.csv your posts.",
                 reciprocity->n_followers),
    count);
}
