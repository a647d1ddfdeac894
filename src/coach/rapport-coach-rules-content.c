/* rapport-coach-rules-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content rules: followers up while engagement falls, and follower jumps without more
 * engagement.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "core/rapport-stats.h"

#include "coach/rapport-coach-private.h"

#define DAY RAPPORT_SECONDS_PER_DAY

/* Posts with counts needed on each side of a follower jump, the jump's least size as a share
 * of the followers, and the most jumps noted. */
#define MIN_SPIKE_POSTS 3
#define MIN_SPIKE_SHARE 0.01
#define MAX_SPIKES 3


/* A warning when followers grow while engagement falls: the report's headline divergence
 * (rapport_engagement_divergence_strongest()), with a Mann–Whitney test of the ERs of its
 * first window against its last. */
void
rapport_coach_rule_divergence (const RapportReport *report,
                               GPtrArray           *out)
{
  const RapportDivergence *divergence = report->divergence;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) text = NULL;
  g_autofree char *significance = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *before_posts;
  RapportEvidence *after_posts;
  gint64 window;
  gint64 after_start;
  double p_value = NAN;

  if (divergence == NULL || !divergence->diverges || divergence->headline == NULL)
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONTENT,
                                       "content.followers-up-engagement-down");
  suggestion->title = g_strdup (_("Followers are up, engagement is down"));

  /* The windows of rapport_engagement_divergence(). */
  window = divergence->window_days * DAY;
  after_start = divergence->to + DAY - window;
  before_posts = rapport_suggestion_add_posts (suggestion, _("Posts of the first window"));
  after_posts = rapport_suggestion_add_posts (suggestion, _("Posts of the last window"));
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = rapport_coach_entry_at (report, i);
      gint64 t = entry->post->created_at;

      if (isnan (entry->rate))
        continue;
      if (t >= divergence->from && t < divergence->from + window)
        {
          g_array_append_val (before, entry->rate);
          rapport_evidence_add_post (before_posts, entry->post);
        }
      if (t >= after_start && t < divergence->to + DAY)
        {
          g_array_append_val (after, entry->rate);
          rapport_evidence_add_post (after_posts, entry->post);
        }
    }
  rapport_stats_mann_whitney ((double *) after->data, after->len,
                              (double *) before->data, before->len, &p_value);
  rapport_suggestion_add_date_range (suggestion, _("The range compared"),
                                     divergence->from, divergence->to);

  text = g_string_new (divergence->headline);
  g_string_append (text, ". ");
  significance = rapport_format_significance (p_value);
  /* Translators: the numbers of posts and the length in days of two windows, then a
   * significance such as "p = 0.03, unlikely to be chance". */
  g_string_append_printf (text, _("The medians compare %'u posts in the first %u days with %'u "
                                  "posts in the last %u days (%s)."),
                          divergence->n_before, divergence->window_days, divergence->n_after,
                          divergence->window_days, significance);
  if (divergence->followers_lower_bound)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Part of the follower curve is rebuilt from follow dates, which "
                               "misses followers who left: the growth is a lower bound."));
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("Followers who do not engage, such as follow-for-follow accounts, "
                           "raise the count and lower the rate."));
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Stop what brought followers who do not engage — "
                                   "follow-for-follow, bait tags, giveaways — starting with the "
                                   "reciprocity and hashtag suggestions here."));

  rapport_suggestion_rate (suggestion, 90, MIN (divergence->n_before, divergence->n_after),
                           divergence->rate_change / 100, p_value);
  g_ptr_array_add (out, suggestion);
}

static void
interactions_between (const RapportReport *report,
                      gint64               start,
                      gint64               end,
                      GArray              *values,
                      RapportEvidence     *evidence)
{
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = rapport_coach_entry_at (report, i);
      double value = entry->interactions;

      if (entry->interactions < 0
          || entry->post->created_at < start || entry->post->created_at >= end)
        continue;
      g_array_append_val (values, value);
      rapport_evidence_add_post (evidence, entry->post);
    }
}

/* A note for follower spikes without engagement: each follower jump of the anomaly unit of at
 * least 1 % of the followers after which the median interactions per post (30 days after
 * against 30 days before, three posts with counts or more on each side) did not rise; the
 * three with the highest priority.  Interactions, not rates: more followers lower the rate by
 * themselves.  The effect is the jump as a share of the followers minus the relative change of
 * the interactions. */
void
rapport_coach_rule_spikes (const RapportReport *report,
                           GPtrArray           *out)
{
  g_autoptr(GPtrArray) spikes = NULL;

  spikes = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_suggestion_free);

  for (guint a = 0; a < report->anomalies->len; a++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, a);
      g_autoptr(GArray) before = NULL;
      g_autoptr(GArray) after = NULL;
      g_autoptr(GString) text = NULL;
      g_autofree char *day = NULL;
      g_autofree char *key = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *gained = NULL;
      g_autofree char *share = NULL;
      g_autofree char *typical = NULL;
      g_autofree char *median_before = NULL;
      g_autofree char *median_after = NULL;
      RapportSuggestion *suggestion;
      RapportEvidence *before_posts;
      RapportEvidence *after_posts;
      double jump_share;
      double interactions_change;
      double p_value = NAN;

      jump_share = anomaly->followers_before > 0 ? anomaly->change / anomaly->followers_before
                                                 : NAN;
      if (anomaly->kind != RAPPORT_ANOMALY_JUMP
          || !(jump_share >= MIN_SPIKE_SHARE)
          || anomaly->n_interactions_before < MIN_SPIKE_POSTS
          || anomaly->n_interactions_after < MIN_SPIKE_POSTS
          || !(anomaly->interactions_after <= anomaly->interactions_before))
        continue;

      day = rapport_coach_key_day (anomaly->start);
      key = g_strdup_printf ("content.spike-without-engagement:%s", day);
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONTENT, key);
      suggestion->title = g_strdup (_("A follower jump without more engagement"));

      rapport_suggestion_add_date_range (suggestion, _("The jump"), anomaly->start, anomaly->end);
      before = g_array_new (FALSE, FALSE, sizeof (double));
      after = g_array_new (FALSE, FALSE, sizeof (double));
      before_posts = rapport_suggestion_add_posts (suggestion, _("Posts in the 30 days before"));
      after_posts = rapport_suggestion_add_posts (suggestion, _("Posts in the 30 days after"));
      interactions_between (report, anomaly->start - RAPPORT_ANOMALY_WINDOW_DAYS * DAY,
                            anomaly->start, before, before_posts);
      interactions_between (report, anomaly->end + DAY,
                            anomaly->end + (RAPPORT_ANOMALY_WINDOW_DAYS + 1) * DAY, after,
                            after_posts);
      rapport_stats_mann_whitney ((double *) after->data, after->len,
                                  (double *) before->data, before->len, &p_value);

      text = g_string_new (NULL);
      start = rapport_format_day (anomaly->start);
      end = rapport_format_day (anomaly->end);
      gained = rapport_format_count (anomaly->change);
      share = rapport_format_change (jump_share);
      typical = g_strdup_printf ("%+.0f", anomaly->typical_change);
      if (anomaly->n_days == 1)
        /* Translators: a date, a number of followers, a change in percent, a signed number. */
        g_string_append_printf (text, _("On %s you gained %s followers (%s), where a typical day "
                                        "brings %s."),
                                start, gained, share, typical);
      else
        /* Translators: two dates, a number of followers, a change in percent, a signed number. */
        g_string_append_printf (text, _("From %s to %s you gained %s followers (%s), where a "
                                        "typical day brings %s."),
                                start, end, gained, share, typical);
      g_string_append_c (text, ' ');
      median_before = rapport_format_count (anomaly->interactions_before);
      median_after = rapport_format_count (anomaly->interactions_after);
      g_string_append_printf (text, _("Yet your posts of the 30 days after drew a median of %s "
                                      "interactions (n = %u), against %s in the 30 days before "
                                      "(n = %u)."),
                              median_after, anomaly->n_interactions_after, median_before,
                              anomaly->n_interactions_before);
      if (anomaly->found_in == RAPPORT_SERIES_RECONSTRUCTED)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The jump is counted from the follow dates of followers who "
                                   "stayed."));
        }
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      suggestion->action = g_strdup (_("Find out what brought these followers — a shout-out, a "
                                       "giveaway, a follow-for-follow round, bought followers — "
                                       "before doing it again."));

      interactions_change = anomaly->interactions_before > 0
                          ? anomaly->interactions_after / anomaly->interactions_before - 1
                          : 0;
      rapport_suggestion_rate (suggestion, 40,
                               MIN (anomaly->n_interactions_before, anomaly->n_interactions_after),
                               jump_share - interactions_change, p_value);
      g_ptr_array_add (spikes, suggestion);
    }

  /* Highest priority first; ties by key, that is by the day of the jump. */
  rapport_coach_sort (spikes);
  for (guint i = 0; i < MIN (spikes->len, MAX_SPIKES); i++)
    g_ptr_array_add (out, g_steal_pointer (&g_ptr_array_index (spikes, i)));
}
