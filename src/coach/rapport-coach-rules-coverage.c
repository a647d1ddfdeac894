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


/* The coach's words for each figure: what to add, what it makes possible (for the creator to
 * weigh the effort), how, and for figures of posts the label of the posts that lack it. */
static const struct
{
  double weight;
  const char *title;
  const char *use;
  const char *action;
  const char *lacking;
} advice[RAPPORT_N_FIGURES] = {
  [RAPPORT_FIGURE_FOLLOWER_HISTORY] = {
    70, N_("Add real follower totals"),
    N_("Real totals anchor every engagement rate and show when followers came and went."),
    N_("Request a new export of this account every few months and import each one."),
  },
  [RAPPORT_FIGURE_FOLLOW_DATES] = {
    50, N_("Add follow dates"),
    N_("Follow dates rebuild the follower curve and reveal follow-for-follow pairs."),
    N_("Request your next export in JSON format with the follower list included, and import "
       "it."),
  },
  [RAPPORT_FIGURE_POST_ENGAGEMENT] = {
    85, N_("Add engagement counts for your posts"),
    N_("Without counts per post, the hashtag, collaboration and timing advice has nothing to "
       "compare."),
    N_("Get the export or file named above for this account and import it."),
    N_("Posts without counts"),
  },
  [RAPPORT_FIGURE_IMPRESSIONS] = {
    25, N_("Add impressions"),
    N_("Impressions give an engagement rate that does not depend on the follower count."),
    N_("Get the export or file named above for this account and import it."),
    N_("Posts without impressions"),
  },
  [RAPPORT_FIGURE_COMMENTS_RECEIVED] = {
    20, N_("Add comment counts"),
    N_("Comments are the interactions that show real conversation."),
    N_("Get the export or file named above for this account and import it."),
    N_("Posts without a comment count"),
  },
  [RAPPORT_FIGURE_RECIPROCITY] = {
    60, N_("Add your follower and following lists"),
    N_("Both lists show who follows you back and which follows are follow-for-follow."),
    N_("Request an export that includes both your followers and the accounts you follow, and "
       "import it."),
  },
  [RAPPORT_FIGURE_CHURN] = {
    45, N_("Add a second export to see who came and went"),
    N_("Two follower lists show exactly who followed and who left in between."),
    N_("Request another export of this account in a few months and import it."),
  },
  [RAPPORT_FIGURE_COLLABORATION_CANDIDATES] = {
    35, N_("Add your comments and likes"),
    N_("Your comments and likes point to the mutuals to collaborate with."),
    N_("Include your followers, the accounts you follow, your comments and your likes in your "
       "next export, and import it."),
  },
};

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
      /* The day a LinkedIn connection began rebuilds no follower curve and finds no
       * follow-for-follow pair: a connection is no follower, and goes both ways at once. */
      if (figure == RAPPORT_FIGURE_FOLLOW_DATES &&
          !rapport_platform_lists_count_followers (dataset->platform))
        continue;

      key = g_strdup_printf ("coverage.%s", rapport_figure_to_string (figure));
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_DATA_COVERAGE, key);
      suggestion->title = g_strdup (_(advice[figure].title));
      suggestion->explanation =
        g_strconcat (item->explanation, " ",
                     figure == RAPPORT_FIGURE_CHURN &&
                     !rapport_platform_lists_count_followers (dataset->platform)
                     ? _("Two lists of connections show exactly who connected and who left in "
                         "between.")
                     : _(advice[figure].use), NULL);
      suggestion->action = g_strdup (_(advice[figure].action));

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
                evidence = rapport_suggestion_add_posts (suggestion, _(advice[figure].lacking));
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
      rapport_suggestion_rate (suggestion, advice[figure].weight, n, effect, NAN);
      g_ptr_array_add (out, suggestion);
    }
}
