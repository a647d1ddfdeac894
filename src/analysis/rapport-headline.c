/* rapport-headline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "analysis/rapport-headline.h"
#include "core/rapport-format.h"
#include "core/rapport-stats.h"

#define DAY RAPPORT_SECONDS_PER_DAY

const char *
rapport_headline_kind_to_string (RapportHeadlineKind kind)
{
  switch (kind)
    {
    case RAPPORT_HEADLINE_DIVERGENCE:
      return "divergence";
    case RAPPORT_HEADLINE_TREND:
      return "trend";
    case RAPPORT_HEADLINE_INTERACTIONS:
      return "interactions";
    case RAPPORT_HEADLINE_HELD_BACK:
      return "held-back";
    case RAPPORT_HEADLINE_NONE:
    default:
      return "none";
    }
}

const char *
rapport_headline_reason_to_string (RapportHeadlineReason reason)
{
  switch (reason)
    {
    case RAPPORT_HEADLINE_FEW_POSTS:
      return "few-posts";
    case RAPPORT_HEADLINE_SMALL_BASE:
      return "small-base";
    case RAPPORT_HEADLINE_REBUILT_BASE:
      return "rebuilt-base";
    case RAPPORT_HEADLINE_UNRELIABLE_RATE:
      return "unreliable-rate";
    case RAPPORT_HEADLINE_NO_FOLLOWERS:
      return "no-followers";
    case RAPPORT_HEADLINE_NO_ENGAGEMENT:
      return "no-engagement";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The median interactions per post of the first and the last window of the posts with counts,
 * the windows as in rapport_engagement_divergence(): 90 days, or half the range. */
static void
compare_interactions (RapportHeadline *self,
                      const GArray    *per_post)
{
  g_autofree double *values = g_new (double, MAX (per_post->len, 1));
  gboolean any = FALSE;
  gint64 window;
  gsize n = 0;

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);

      if (entry->interactions < 0)
        continue;
      if (!any)
        self->from = rapport_day_of (entry->post->created_at);
      self->to = rapport_day_of (entry->post->created_at);
      any = TRUE;
    }
  self->before = self->after = NAN;
  if (!any)
    return;

  self->window_days = MIN (RAPPORT_DIVERGENCE_WINDOW_DAYS, ((self->to - self->from) / DAY + 1) / 2);
  window = self->window_days * DAY;
  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);

      if (entry->interactions >= 0 && entry->post->created_at < self->from + window)
        values[n++] = entry->interactions;
    }
  self->n_before = n;
  self->before = rapport_stats_median (values, n);

  n = 0;
  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);

      if (entry->interactions >= 0 && entry->post->created_at >= self->to + DAY - window)
        values[n++] = entry->interactions;
    }
  self->n_after = n;
  self->after = rapport_stats_median (values, n);
}

static char *
interactions_text (RapportHeadline                *self,
                   const RapportEngagementSummary *summary)
{
  g_autofree char *median = rapport_format_count (summary->median_interactions);

  if (self->window_days > 0 && self->n_before >= RAPPORT_HEADLINE_MIN_POSTS
      && self->n_after >= RAPPORT_HEADLINE_MIN_POSTS)
    {
      g_autofree char *from = rapport_format_day (self->from);
      g_autofree char *to = rapport_format_day (self->to);
      g_autofree char *before = rapport_format_count (self->before);
      g_autofree char *after = rapport_format_count (self->after);

      self->kind = RAPPORT_HEADLINE_INTERACTIONS;
      /* Translators: the headline of an account without follower figures: two dates, the
       * median interactions per post of the first and of the last posts, and their numbers. */
      return g_strdup_printf (_("From %s to %s the median interactions per post went from %s "
                                "to %s (n = %u and %u); without follower figures for those days "
                                "there is no engagement rate"),
                              from, to, before, after, self->n_before, self->n_after);
    }

  self->kind = RAPPORT_HEADLINE_HELD_BACK;
  self->reasons |= RAPPORT_HEADLINE_FEW_POSTS;
  /* Translators: the headline of an account without follower figures and with few posts. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Median interactions per post: %s (n = %u), too few "
                                       "posts to tell a change (it takes %u at each end); "
                                       "without follower figures there is no engagement rate",
                                       "Median interactions per post: %s (n = %u), too few "
                                       "posts to tell a change (it takes %u at each end); "
                                       "without follower figures there is no engagement rate",
                                       summary->n_with_interactions),
                          median, summary->n_with_interactions, RAPPORT_HEADLINE_MIN_POSTS);
}

/* "No headline yet: …" with a clause per reason. */
static char *
held_back_text (RapportHeadline                *self,
                const RapportEngagementSummary *summary,
                const RapportDivergence        *overall)
{
  g_autoptr(GString) clauses = g_string_new (NULL);

  if (self->reasons & RAPPORT_HEADLINE_FEW_POSTS)
    {
      g_autofree char *clause = NULL;

      if (overall != NULL)
        /* Translators: a reason for no headline; the %u are numbers of posts. */
        clause = g_strdup_printf (_("%u and %u posts with an engagement rate at the start and "
                                    "at the end, where a change takes %u at each"),
                                  overall->n_before, overall->n_after,
                                  RAPPORT_HEADLINE_MIN_POSTS);
      else
        clause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u post with an engagement rate, where a "
                                               "change takes %u at each end",
                                               "%u posts with an engagement rate, where a "
                                               "change takes %u at each end",
                                               summary->n_with_rate),
                                  summary->n_with_rate, RAPPORT_HEADLINE_MIN_POSTS);
      g_string_append (clauses, clause);
    }
  if (self->reasons & RAPPORT_HEADLINE_SMALL_BASE)
    {
      g_autofree char *base = rapport_format_count (overall->followers_from);
      g_autofree char *clause = NULL;

      gulong n = overall->followers_from >= 0 ? (gulong) llround (overall->followers_from) : 0;

      if (self->reasons & RAPPORT_HEADLINE_REBUILT_BASE)
        /* Translators: a reason for no headline: a number of followers, then the minimum. */
        clause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "a base of %s follower rebuilt from follow dates, "
                                               "where it takes %u",
                                               "a base of %s followers rebuilt from follow "
                                               "dates, where it takes %u", n),
                                  base, RAPPORT_HEADLINE_MIN_FOLLOWERS);
      else
        clause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "a base of %s follower, where it takes %u",
                                               "a base of %s followers, where it takes %u", n),
                                  base, RAPPORT_HEADLINE_MIN_FOLLOWERS);
      g_string_append_printf (clauses, "%s%s", clauses->len > 0 ? "; " : "", clause);
    }
  if (self->reasons & RAPPORT_HEADLINE_UNRELIABLE_RATE)
    g_string_append_printf (clauses, "%s%s", clauses->len > 0 ? "; " : "",
                            _("a median engagement rate above 100 %, more interactions than "
                              "followers, so the follower figure under it is too small"));

  /* Counts that are real can be stated even when a percentage of them cannot. */
  if (overall != NULL && !overall->followers_lower_bound)
    {
      g_autofree char *from = rapport_format_day (overall->from);
      g_autofree char *to = rapport_format_day (overall->to);
      g_autofree char *count_from = rapport_format_count (overall->followers_from);
      g_autofree char *count_to = rapport_format_count (overall->followers_to);

      /* Translators: two dates, the followers on each, and the reasons for no headline. */
      return g_strdup_printf (_("From %s to %s followers went from %s to %s, but no headline "
                                "yet: %s"),
                              from, to, count_from, count_to, clauses->str);
    }

  /* Translators: the headline when the data is too thin for one; %s lists the reasons. */
  return g_strdup_printf (_("No headline yet: %s"), clauses->str);
}

static char *
trend_text (const RapportDivergence *overall)
{
  g_autofree char *from = rapport_format_day (overall->from);
  g_autofree char *to = rapport_format_day (overall->to);
  g_autofree char *growth = rapport_format_change (overall->follower_growth / 100);
  g_autofree char *before = rapport_format_percent (overall->median_before);
  g_autofree char *after = rapport_format_percent (overall->median_after);

  /* Translators: the Overview's headline when followers and engagement did not diverge: two
   * dates, the change of followers in percent, and the median engagement rate of the first and
   * of the last posts. */
  return g_strdup_printf (_("From %s to %s followers changed by %s while the median engagement "
                            "rate went from %s to %s"),
                          from, to, growth, before, after);
}

/*
 * The headline, the strongest statement the data supports:
 *
 * 1. the strongest divergence (followers up while the median ER fell), which needs
 *    RAPPORT_HEADLINE_MIN_POSTS posts with a rate at each end and a base of
 *    RAPPORT_HEADLINE_MIN_FOLLOWERS (rapport_engagement_divergence());
 * 2. else followers and the median ER from the first to the last posts with a rate, on the
 *    same conditions and with both medians at most RAPPORT_RATE_RELIABLE_MAX;
 * 3. without any rate, the median interactions per post of the first and the last posts, with
 *    RAPPORT_HEADLINE_MIN_POSTS at each end;
 * 4. otherwise what is known and why no change is stated (held back), or, without any
 *    interactions, that there is nothing to compare.
 */
RapportHeadline *
rapport_headline_compute (const GArray                   *per_post,
                          const RapportEngagementSummary *summary,
                          const RapportDivergence        *divergence,
                          const RapportDivergence        *overall)
{
  g_autoptr(RapportHeadline) self = NULL;

  g_return_val_if_fail (per_post != NULL, NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_new0 (RapportHeadline, 1);
  self->before = self->after = NAN;

  if (divergence != NULL && divergence->diverges && divergence->headline != NULL)
    {
      self->kind = RAPPORT_HEADLINE_DIVERGENCE;
      self->text = g_strdup (divergence->headline);
      return g_steal_pointer (&self);
    }

  if (summary->n_with_rate > 0)
    {
      if (overall == NULL || overall->n_before < RAPPORT_HEADLINE_MIN_POSTS
          || overall->n_after < RAPPORT_HEADLINE_MIN_POSTS)
        self->reasons |= RAPPORT_HEADLINE_FEW_POSTS;
      if (overall != NULL && !(overall->followers_from >= RAPPORT_HEADLINE_MIN_FOLLOWERS))
        self->reasons |= RAPPORT_HEADLINE_SMALL_BASE
                         | (overall->followers_lower_bound ? RAPPORT_HEADLINE_REBUILT_BASE : 0);
      if (overall != NULL && (overall->median_before > RAPPORT_RATE_RELIABLE_MAX
                              || overall->median_after > RAPPORT_RATE_RELIABLE_MAX))
        self->reasons |= RAPPORT_HEADLINE_UNRELIABLE_RATE;

      if (self->reasons == 0)
        {
          self->kind = RAPPORT_HEADLINE_TREND;
          self->text = trend_text (overall);
        }
      else
        {
          self->kind = RAPPORT_HEADLINE_HELD_BACK;
          self->text = held_back_text (self, summary, overall);
        }
      return g_steal_pointer (&self);
    }

  if (summary->n_with_interactions > 0)
    {
      self->reasons |= RAPPORT_HEADLINE_NO_FOLLOWERS;
      compare_interactions (self, per_post);
      self->text = interactions_text (self, summary);
      return g_steal_pointer (&self);
    }

  self->kind = RAPPORT_HEADLINE_NONE;
  self->reasons |= RAPPORT_HEADLINE_NO_ENGAGEMENT;
  if (summary->n_posts == 0)
    self->text = g_strdup (_("No posts in these exports yet, so there is no engagement to "
                             "compare followers with"));
  else
    self->text = g_strdup (_("These exports give no likes, comments or shares per post, so "
                             "there is no engagement to compare followers with; the chart shows "
                             "when you posted"));
  return g_steal_pointer (&self);
}

void
rapport_headline_free (RapportHeadline *headline)
{
  if (headline == NULL)
    return;
  g_free (headline->text);
  g_free (headline);
}
