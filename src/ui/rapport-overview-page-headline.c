/* rapport-overview-page-headline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's headline, the one sentence above the figures: how followers and engagement
 * went against each other, which is also the chart's description for those who cannot see it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "ui/rapport-overview-page-private.h"

/* The headline: the report's strongest divergence, else the comparison of then and now. */
static char *
dup_headline (const RapportReport *report)
{
  const RapportDivergence *overall = report->overall;

  if (report->divergence != NULL && report->divergence->headline != NULL)
    return g_strdup (report->divergence->headline);

  if (overall != NULL && !isnan (overall->median_before) && !isnan (overall->median_after))
    {
      g_autofree char *from = rapport_format_day (overall->from);
      g_autofree char *to = rapport_format_day (overall->to);
      g_autofree char *growth = rapport_format_change (overall->follower_growth / 100);
      g_autofree char *before = rapport_format_percent (overall->median_before);
      g_autofree char *after = rapport_format_percent (overall->median_after);

      /* A percentage of a small start says little ("+1620 %" from 40): the counts instead. */
      if (!(overall->followers_from >= RAPPORT_DIVERGENCE_MIN_FOLLOWERS))
        {
          g_autofree char *followers_from = rapport_format_count (overall->followers_from);
          g_autofree char *followers_to = rapport_format_count (overall->followers_to);

          /* Translators: the Overview's headline on a small account: two dates, the followers
           * on each, and the median engagement rate of the first and of the last posts. */
          return g_strdup_printf (_("From %s to %s followers went from %s to %s while the "
                                    "median engagement rate went from %s to %s"),
                                  from, to, followers_from, followers_to, before, after);
        }

      /* Translators: the Overview's headline when followers and engagement did not diverge:
       * two dates, the change of followers in percent, and the median engagement rate of the
       * first and of the last posts. */
      return g_strdup_printf (_("From %s to %s followers changed by %s while the median "
                                "engagement rate went from %s to %s"),
                              from, to, growth, before, after);
    }

  return NULL;
}

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
    headline = dup_headline (rapport_analysis_get_report (self->analysis));

  if (headline == NULL)
    headline = g_strdup (_("Not enough posts with an engagement rate yet to compare followers "
                           "with engagement"));

  gtk_label_set_text (self->headline_label, headline);
  /* The chart's takeaway for those who cannot see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, headline,
                                  -1);
}
