/* rapport-coach-rules-reciprocity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reciprocity rules: the accounts that left after a follow-back, and the share of
 * follow-for-follow pairs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"

#include "coach/rapport-coach-private.h"

/* One or two accounts leaving is everyday noise. */
#define MIN_DROPPED_AFTER_FOLLOW_BACK 3
/* Follow-for-follow pairs worth a review: at least five, and 5 % of the followers or a quarter
 * of the mutuals. */
#define MIN_F4F_PAIRS 5
#define MIN_F4F_SHARE 0.05
#define MIN_F4F_SHARE_OF_MUTUALS 0.25


/* Review the accounts that dropped the creator after a follow-back: the newest churn step's
 * lost followers the creator still follows, when there are three or more. */
void
rapport_coach_rule_dropped_after_follow_back (const RapportReport *report,
                                              GPtrArray           *out)
{
  const RapportChurnStep *step = rapport_churn_latest (report->churn);
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *share = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) dropped = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *evidence;
  guint n_dropped;
  guint n_lost;

  /* The evidence names the accounts: a step kept as counts has none. */
  if (step == NULL || step->older_people == NULL)
    return;

  /* Accounts the creator keeps on purpose are no advice to unfollow, whoever left. */
  dropped = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < step->dropped_after_follow_back->len; i++)
    {
      guint32 index = g_array_index (step->dropped_after_follow_back, guint32, i);

      if (!rapport_keep_set_contains (report->dataset->kept, &step->older_people->items[index]))
        g_array_append_val (dropped, index);
    }
  if (dropped->len < MIN_DROPPED_AFTER_FOLLOW_BACK)
    return;
  n_dropped = dropped->len;
  n_lost = step->lost->len;

  day = rapport_coach_key_day (step->newer->exported_at);
  key = g_strdup_printf ("reciprocity.dropped-after-follow-back:%s", day);
  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_RECIPROCITY, key);
  suggestion->title = g_strdup (_("Review the accounts that left after you followed them back"));

  text = g_string_new (NULL);
  older = rapport_format_day (step->older->exported_at);
  newer = rapport_format_day (step->newer->exported_at);
  share = rapport_format_percent ((double) n_dropped / n_lost);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Between your exports of %s and %s, %'u account stopped "
                                       "following you while you still follow it.",
                                       "Between your exports of %s and %s, %'u accounts stopped "
                                       "following you while you still follow them.",
                                       n_dropped),
                          older, newer, n_dropped);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "That is %s of the %'u follower you lost.",
                                       "That is %s of the %'u followers you lost.",
                                       n_lost),
                          share, n_lost);
  g_string_append_c (text, ' ');
  g_string_append (text, _("Following, waiting for the follow-back, then leaving is how "
                           "follow-for-follow accounts grow."));
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Go through the list and unfollow the accounts you followed "
                                   "only to be followed back."));

  evidence = rapport_suggestion_add_accounts (suggestion, _("Left while you still follow them"));
  for (guint i = 0; i < n_dropped; i++)
    {
      guint32 index = g_array_index (dropped, guint32, i);

      rapport_evidence_add_account (evidence, step->older_people->items[index].who);
    }
  rapport_suggestion_add_date_range (suggestion, _("Between the two exports"),
                                     step->older->exported_at, step->newer->exported_at);

  rapport_suggestion_rate (suggestion, 60, n_lost, (double) n_dropped / n_lost, NAN);
  g_ptr_array_add (out, suggestion);
}

/* Review the follow-for-follow share: when at least five follow-for-follow pairs make up at
 * least 5 % of the followers or a quarter of the mutuals with both dates (a large audience can
 * hide thousands of pairs in a small share).  The confidence rests on the mutuals with both
 * dates and on the share of them that are pairs. */
void
rapport_coach_rule_f4f_share (const RapportReport *report,
                              GPtrArray           *out)
{
  const RapportReciprocity *reciprocity = report->reciprocity;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autofree char *share = NULL;
  g_autofree char *share_of_mutuals = NULL;
  g_autofree char *reciprocal = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *evidence;
  double share_of_followers;
  double share_of_mutuals_value;
  gsize n_pairs;

  if (reciprocity == NULL)
    return;

  /* The accounts the creator keeps on purpose are followed for their own sake, whenever they
   * followed back: they are neither counted nor listed. */
  pairs = g_array_new (FALSE, FALSE, sizeof (RapportMutual));
  for (guint i = 0; i < reciprocity->f4f_pairs->len; i++)
    {
      const RapportMutual *pair = &g_array_index (reciprocity->f4f_pairs, RapportMutual, i);

      if (!rapport_keep_set_contains (report->dataset->kept,
                                      &reciprocity->following->items[pair->following]))
        g_array_append_val (pairs, *pair);
    }
  n_pairs = pairs->len;
  share_of_followers = reciprocity->n_followers > 0
                     ? (double) n_pairs / reciprocity->n_followers : NAN;
  share_of_mutuals_value = reciprocity->n_mutuals > 0
                         ? (double) n_pairs / reciprocity->n_mutuals : NAN;

  if (n_pairs < MIN_F4F_PAIRS
      || !(share_of_followers >= MIN_F4F_SHARE
           || share_of_mutuals_value >= MIN_F4F_SHARE_OF_MUTUALS))
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_RECIPROCITY, "reciprocity.f4f-share");
  suggestion->title = g_strdup (_("Review your follow-for-follow pairs"));

  text = g_string_new (NULL);
  share = rapport_format_percent (share_of_followers);
  share_of_mutuals = rapport_format_percent (share_of_mutuals_value);
  reciprocal = rapport_format_percent (reciprocity->reciprocal_share);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'zu of your %'zu followers (%s) followed you within 72 "
                                       "hours of your following them, or you them: a "
                                       "follow-for-follow pair.",
                                       "%'zu of your %'zu followers (%s) followed you within 72 "
                                       "hours of your following them, or you them: "
                                       "follow-for-follow pairs.",
                                       n_pairs),
                          n_pairs, reciprocity->n_followers, share);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "That is %s of the %'zu mutual whose two "
                                       "follow dates the export gives.",
                                       "That is %s of the %'zu mutuals whose two "
                                       "follow dates the export gives.",
                                       reciprocity->n_mutuals_dated),
                          share_of_mutuals, reciprocity->n_mutuals_dated);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("In all, %s of your followers are accounts you follow back."),
                          reciprocal);
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Stop following accounts in the hope of a follow-back, and "
                                   "unfollow the pairs whose posts you do not read."));

  evidence = rapport_suggestion_add_accounts (suggestion, _("Follow-for-follow pairs"));
  for (guint i = 0; i < pairs->len; i++)
    {
      const RapportMutual *pair = &g_array_index (pairs, RapportMutual, i);

      rapport_evidence_add_account (evidence, reciprocity->followers->items[pair->follower].who);
    }

  rapport_suggestion_rate (suggestion, 75, reciprocity->n_mutuals_dated, share_of_mutuals_value,
                           NAN);
  g_ptr_array_add (out, suggestion);
}
