/* rapport-coach-rules-coverage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data coverage rule: which export to import where the data is too thin.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "coach/rapport-coach-private.h"

static const char *
coverage_title (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Add real follower totals");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Add follow dates");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Add engagement counts for your posts");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Add impressions");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Add comment counts");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Add your follower and following lists");
    case RAPPORT_FIGURE_CHURN:
      return _("Add a second export to see who came and went");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Add your comments and likes");
    }
}

/* What the figure makes possible, for the creator to weigh the effort. */
static const char *
coverage_use (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Real totals anchor every engagement rate and show when followers came and went.");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Follow dates rebuild the follower curve and reveal follow-for-follow pairs.");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Without counts per post, the hashtag, collaboration and timing advice has "
               "nothing to compare.");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Impressions give an engagement rate that does not depend on the follower count.");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Comments are the interactions that show real conversation.");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Both lists show who follows you back and which follows are follow-for-follow.");
    case RAPPORT_FIGURE_CHURN:
      return _("Two follower lists show exactly who followed and who left in between.");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Your comments and likes point to the mutuals to collaborate with.");
    }
}

static const char *
coverage_action (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Request a new export of this account every few months and import each one.");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Request your next export in JSON format with the follower list included, and "
               "import it.");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
    case RAPPORT_FIGURE_IMPRESSIONS:
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Get the export or file named above for this account and import it.");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Request an export that includes both your followers and the accounts you follow, "
               "and import it.");
    case RAPPORT_FIGURE_CHURN:
      return _("Request another export of this account in a few months and import it.");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Include your followers, the accounts you follow, your comments and your likes in "
               "your next export, and import it.");
    }
}

static double
coverage_weight (RapportFigure figure)
{
  static const double weights[RAPPORT_N_FIGURES] = {
    [RAPPORT_FIGURE_FOLLOWER_HISTORY] = 70,
    [RAPPORT_FIGURE_FOLLOW_DATES] = 50,
    [RAPPORT_FIGURE_POST_ENGAGEMENT] = 85,
    [RAPPORT_FIGURE_IMPRESSIONS] = 25,
    [RAPPORT_FIGURE_COMMENTS_RECEIVED] = 20,
    [RAPPORT_FIGURE_RECIPROCITY] = 60,
    [RAPPORT_FIGURE_CHURN] = 45,
    [RAPPORT_FIGURE_COLLABORATION_CANDIDATES] = 35,
  };

  return weights[figure];
}

static const char *
lacking_label (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Posts without counts");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Posts without impressions");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
    default:
      return _("Posts without a comment count");
    }
}

/* When data is too thin, say what to import: a suggestion for each figure the coverage unit
 * finds missing or partial that some export of the platform can provide, with its sentence.
 * The evidence is the span of the imported exports, and for figures of posts the posts that
 * lack the count.  Confidence: n is the posts looked at (for figures of posts), the followers
 * listed (for follow dates) or the exports, and the effect the share that is missing (for the
 * other figures 1 when missing, 0.5 when partial). */
void
rapport_coach_rule_coverage (const RapportReport *report,
                             GPtrArray           *out)
{
  const RapportDataset *dataset = report->dataset;
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (snapshot->exported_at <= 0)
        continue;
      first = MIN (first, snapshot->exported_at);
      last = MAX (last, snapshot->exported_at);
    }

  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);
      gboolean of_posts = rapport_figure_counts_posts (figure);
      g_autofree char *key = NULL;
      RapportSuggestion *suggestion;
      double effect;
      guint n;

      if (item->level == RAPPORT_COVERAGE_FULL || item->explanation == NULL || !item->importable)
        continue;

      key = g_strdup_printf ("coverage.%s", rapport_figure_to_string (figure));
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_DATA_COVERAGE, key);
      suggestion->title = g_strdup (coverage_title (figure));
      suggestion->explanation = g_strconcat (item->explanation, " ", coverage_use (figure), NULL);
      suggestion->action = g_strdup (coverage_action (figure));

      if (first <= last)
        rapport_suggestion_add_date_range (suggestion,
                                           g_dngettext (GETTEXT_PACKAGE, "Your imported export",
                                                        "Your imported exports",
                                                        dataset->snapshots->len),
                                           first, last);
      if (of_posts)
        {
          RapportEvidence *evidence = NULL;

          for (guint i = 0; i < report->per_post->len; i++)
            {
              const RapportDatasetPost *post = rapport_coach_entry_at (report, i)->post;

              if (rapport_figure_post_has (figure, post))
                continue;
              if (evidence == NULL)
                evidence = rapport_suggestion_add_posts (suggestion, lacking_label (figure));
              rapport_evidence_add_post (evidence, post);
            }
        }
      if (suggestion->evidence->len == 0)
        {
          rapport_suggestion_free (suggestion);
          continue;
        }

      if ((of_posts || figure == RAPPORT_FIGURE_FOLLOW_DATES) && item->total > 0)
        {
          n = item->total;
          effect = (double) (item->total - item->n) / item->total;
        }
      else
        {
          n = dataset->snapshots->len;
          effect = item->level == RAPPORT_COVERAGE_MISSING ? 1.0 : 0.5;
        }
      rapport_suggestion_rate (suggestion, coverage_weight (figure), n, effect, NAN);
      g_ptr_array_add (out, suggestion);
    }
}
