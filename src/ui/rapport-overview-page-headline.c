/* rapport-overview-page-headline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's headline, the one sentence above the figures: how followers and engagement
 * went against each other, which is also the chart's description for those who cannot see it.
 */

#include "config.h"

#include <glib/gi18n.h>

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
