/* rapport-report-text-posts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of the text report on posts: engagement, hashtags, collaborations and the
 * rhythm of posting.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cli/rapport-report-text-private.h"
#include "core/rapport-format.h"

/* Rows of the hashtag table in the text. */
#define TEXT_TAGS 15

/* "@jo" (or a name, as rapport_format_name()), or for an account known by id alone its id,
 * shortened ("did:plc:abcd…wxyz"). */
static char *
person_name (const RapportReport *report,
             const RapportPerson *person)
{
  return rapport_format_account (report->dataset != NULL ? report->dataset->platform
                                                         : RAPPORT_PLATFORM_UNKNOWN,
                                 person->handle,
                                 person->platform_id != NULL ? person->platform_id : person->who);
}

static void
text_divergence (GString                 *out,
                 const RapportDivergence *divergence,
                 const char              *label)
{
  g_autofree char *growth = NULL;
  g_autofree char *from = rapport_format_day (divergence->from);
  g_autofree char *to = rapport_format_day (divergence->to);
  g_autofree char *before = rapport_format_percent (divergence->median_before);
  g_autofree char *after = rapport_format_percent (divergence->median_after);

  /* A percentage of a small base says little ("+5600 %" from 1): the counts instead. */
  if (divergence->followers_from >= RAPPORT_HEADLINE_MIN_FOLLOWERS)
    growth = rapport_format_change (divergence->follower_growth / 100);
  else
    {
      g_autofree char *count_from = rapport_format_count (divergence->followers_from);
      g_autofree char *count_to = rapport_format_count (divergence->followers_to);

      /* Translators: followers at two dates, "1 → 57". */
      growth = g_strdup_printf (_("%s → %s"), count_from, count_to);
    }

  /* Translators: a label ("Then and now"), two dates, a change of followers, two median
   * rates with their n, and the length of the windows compared. */
  rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: from %s to %s followers %s%s; median "
                                                 "engagement rate %s (n = %u) → %s (n = %u), "
                                                 "comparing the first and the last %u day.",
                                                 "%s: from %s to %s followers %s%s; median "
                                                 "engagement rate %s (n = %u) → %s (n = %u), "
                                                 "comparing the first and the last %u days.",
                                                 divergence->window_days),
                            label, from, to, growth,
                            divergence->followers_lower_bound ? _(" (a lower bound)") : "", before,
                            divergence->n_before, after, divergence->n_after,
                            divergence->window_days);
}

void
rapport_report_text_engagement (GString             *out,
                                const RapportReport *report)
{
  const RapportEngagementSummary *summary = &report->engagement;
  g_autofree char *interactions = rapport_format_count (summary->median_interactions);
  g_autofree char *rate = rapport_format_percent (summary->median_rate);
  g_autofree char *by_impressions = rapport_format_percent (summary->median_rate_by_impressions);
  g_autoptr(GArray) ranked = NULL;

  rapport_report_text_heading (out, _("Engagement"), '-');
  rapport_report_text_para (out, 2, _("Own posts: %'u (stories and reposts left out); with counts: "
                                      "%'u; with an engagement rate: %'u."),
                            summary->n_posts, summary->n_with_interactions, summary->n_with_rate);
  /* The headline first, whatever the data: it says what can be said and why not more. */
  if (report->headline != NULL)
    rapport_report_text_para (out, 2, _("Headline: %s."), report->headline->text);
  if (summary->n_with_interactions == 0)
    {
      rapport_report_text_not_available (out, report, RAPPORT_FIGURE_POST_ENGAGEMENT);
      return;
    }
  rapport_report_text_para (out, 2, _("Median interactions per post: %s (n = %'u)."), interactions,
                            summary->n_with_interactions);
  if (summary->n_with_rate > 0)
    {
      rapport_report_text_para (out, 2, _("Median engagement rate (interactions / followers that "
                                          "day): %s (n = %'u)."),
                                rate, summary->n_with_rate);
      if (summary->n_rate_lower_bound > 0)
        rapport_report_text_para (out, 4, g_dngettext (GETTEXT_PACKAGE,
                                                       "%'u of them rests on rebuilt follower "
                                                       "counts, so it is an upper bound.",
                                                       "%'u of them rest on rebuilt follower "
                                                       "counts, so they are upper bounds.",
                                                       summary->n_rate_lower_bound),
                                  summary->n_rate_lower_bound);
      if (summary->n_rate_unreliable > 0)
        /* Translators: the %u are a number of posts and a number of followers. */
        rapport_report_text_para (out, 4, g_dngettext (GETTEXT_PACKAGE,
                                                       "%'u of them is flagged as unreliable: "
                                                       "above 100 %%, or over a rebuilt count "
                                                       "under %u followers.",
                                                       "%'u of them are flagged as unreliable: "
                                                       "above 100 %%, or over a rebuilt count "
                                                       "under %u followers.",
                                                       summary->n_rate_unreliable),
                                  summary->n_rate_unreliable, RAPPORT_HEADLINE_MIN_FOLLOWERS);
    }
  else
    rapport_report_text_para (out, 2, _("Engagement rate: not available, there is no follower "
                                        "figure for the days of the posts (see Follower history "
                                        "under Data coverage)."));
  if (summary->n_with_impressions > 0)
    rapport_report_text_para (out, 2, _("Median engagement rate by impressions: %s (n = %'u)."),
                              by_impressions, summary->n_with_impressions);
  else
    {
      const char *explanation =
        rapport_report_text_coverage_explanation (report, RAPPORT_FIGURE_IMPRESSIONS);

      rapport_report_text_para (out, 2, _("Engagement rate by impressions: not available. %s"),
                                explanation);
    }

  if (report->rolling_median->len > 0)
    {
      const GArray *rolling = report->rolling_median;
      const RapportRollingMedian *first = &g_array_index (rolling, RapportRollingMedian, 0);
      const RapportRollingMedian *last = &g_array_index (rolling, RapportRollingMedian,
                                                         rolling->len - 1);
      g_autofree char *first_day = rapport_format_day (first->t);
      g_autofree char *last_day = rapport_format_day (last->t);
      g_autofree char *first_rate = rapport_format_percent (first->median);
      g_autofree char *last_rate = rapport_format_percent (last->median);

      rapport_report_text_para (out, 2, _("Trend, the median of the 30 days up to each post: %s on "
                                          "%s (n = %u), %s on %s (n = %u)."),
                                first_rate, first_day, first->n, last_rate, last_day, last->n);
    }
  if (report->overall != NULL)
    text_divergence (out, report->overall, _("Then and now"));

  if (report->divergence != NULL && report->divergence->headline != NULL)
    rapport_report_text_para (out, 2, _("Followers grew while engagement fell: n = %u and %u "
                                        "posts at the two ends."),
                              report->divergence->n_before, report->divergence->n_after);
  else
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "No stretch where followers grew while the "
                                                   "median engagement rate fell (it takes 180 "
                                                   "days of follower figures, %u follower at "
                                                   "the start and %u posts with a rate at each "
                                                   "end).",
                                                   "No stretch where followers grew while the "
                                                   "median engagement rate fell (it takes 180 "
                                                   "days of follower figures, %u followers at "
                                                   "the start and %u posts with a rate at each "
                                                   "end).",
                                                   RAPPORT_HEADLINE_MIN_FOLLOWERS),
                              RAPPORT_HEADLINE_MIN_FOLLOWERS, RAPPORT_HEADLINE_MIN_POSTS);

  /* The best posts, for a creator to look at what worked. */
  ranked = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  for (guint i = 0; i < report->per_post->len; i++)
    if (!isnan (g_array_index (report->per_post, RapportPostEngagement, i).rate))
      g_array_append_val (ranked, g_array_index (report->per_post, RapportPostEngagement, i));
  if (ranked->len >= 2)
    {
      guint shown = MIN (ranked->len, 3);

      rapport_report_text_para (out, 2, _("Highest engagement rates:"));
      for (guint k = 0; k < shown; k++)
        {
          const RapportPostEngagement *best = NULL;
          g_autofree char *day = NULL;
          g_autofree char *best_rate = NULL;
          g_autofree char *count = NULL;
          guint best_index = 0;

          for (guint i = 0; i < ranked->len; i++)
            {
              const RapportPostEngagement *entry =
                &g_array_index (ranked, RapportPostEngagement, i);

              if (best == NULL || entry->rate > best->rate)
                {
                  best = entry;
                  best_index = i;
                }
            }
          day = rapport_format_day (best->post->created_at);
          best_rate = rapport_format_percent (best->rate);
          count = rapport_format_count (best->interactions);
          /* Translators: a post's date, type, rate, interactions, whether the rate is an
           * upper bound or unreliable, and its link. */
          rapport_report_text_para (out, 4, _("%s, %s: %s (%s interactions)%s %s"), day,
                                    rapport_post_type_to_string (best->post->type), best_rate,
                                    count,
                                    best->rate_unreliable ? _(", flagged as unreliable")
                                    : best->followers_lower_bound ? _(", an upper bound") : "",
                                    best->post->url != NULL ? best->post->url : "");
          g_array_remove_index_fast (ranked, best_index);
        }
    }
}

static const char *
bucket_label (guint bucket)
{
  static const char * const labels[RAPPORT_N_TAG_BUCKETS] = {
    N_("none"), N_("1–2"), N_("3–5"), N_("6–10"), N_("11+"),
  };

  return _(labels[bucket]);
}

/* The tags of a list of @n_tags beyond the TEXT_TAGS shown. */
static void
text_more_tags (GString *out,
                guint    indent,
                guint    n_tags)
{
  if (n_tags > TEXT_TAGS)
    rapport_report_text_para (out, indent, g_dngettext (GETTEXT_PACKAGE,
                                                        "… and %'u more tag (see --json).",
                                                        "… and %'u more tags (see --json).",
                                                        n_tags - TEXT_TAGS),
                              n_tags - TEXT_TAGS);
}

/* What is known of tags without any engagement rate: how often and when each was used, tags
 * per post, and the bait tags. */
static void
text_tag_usage (GString                    *out,
                const RapportHashtagReport *hashtags)
{
  g_autoptr(GString) buckets = g_string_new (NULL);
  g_autoptr(GString) bait = g_string_new (NULL);
  int width = 8;

  if (hashtags->usage->len == 0)
    {
      rapport_report_text_para (out, 4, _("No post carries a hashtag."));
      return;
    }
  rapport_report_text_para (out, 4, _("%'u tags on %'u of %'u posts, %.1f per post (posts, first "
                                      "and last use):"),
                            hashtags->usage->len, hashtags->n_tagged_posts, hashtags->n_posts,
                            (double) hashtags->n_tag_uses / MAX (hashtags->n_posts, 1));
  for (guint i = 0; i < MIN (hashtags->usage->len, TEXT_TAGS); i++)
    width = MAX (width, (int) g_utf8_strlen (g_array_index (hashtags->usage, RapportTagUsage,
                                                            i).tag, -1) + 1);
  width = MIN (width, 24);
  for (guint i = 0; i < MIN (hashtags->usage->len, TEXT_TAGS); i++)
    {
      const RapportTagUsage *usage = &g_array_index (hashtags->usage, RapportTagUsage, i);
      g_autofree char *name = g_strdup_printf ("#%s", usage->tag);
      g_autofree char *first = rapport_format_iso_day (usage->first);
      g_autofree char *last = rapport_format_iso_day (usage->last);

      g_string_append (out, "      ");
      rapport_report_text_cell (out, name, -width);
      g_string_append_printf (out, " %5u  %s  %s%s\n", usage->n_posts, first, last,
                              usage->is_bait ? _("  (bait)") : "");
    }
  text_more_tags (out, 6, hashtags->usage->len);

  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    g_string_append_printf (buckets, "%s%s: %u", b > 0 ? " · " : "", bucket_label (b),
                            hashtags->bucket_posts[b]);
  rapport_report_text_para (out, 4, _("Posts by number of tags: %s."), buckets->str);

  for (guint i = 0; i < hashtags->bait->len; i++)
    {
      const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

      g_string_append_printf (bait, "%s#%s (%'u)", i > 0 ? ", " : "", tag->tag, tag->n_posts);
    }
  if (hashtags->bait->len > 0)
    rapport_report_text_para (out, 4, g_dngettext (GETTEXT_PACKAGE,
                                                   "Engagement-bait tags on %'u post: %s.",
                                                   "Engagement-bait tags on %'u posts: %s.",
                                                   hashtags->n_bait_posts),
                              hashtags->n_bait_posts, bait->str);
  else
    rapport_report_text_para (out, 4, _("Engagement-bait tags (#f4f, #like4like, …): none "
                                        "used."));
}

void
rapport_report_text_hashtags (GString             *out,
                              const RapportReport *report)
{
  const RapportHashtagReport *hashtags = report->hashtags;
  g_autoptr(GString) buckets = g_string_new (NULL);
  int width = 8;

  rapport_report_text_heading (out, _("Hashtags"), '-');
  rapport_report_text_para (out, 2, _("Compared on own posts with an engagement rate: n = %'u of "
                                      "%'u."),
                            hashtags->n_with_rate, hashtags->n_posts);
  if (hashtags->n_with_rate == 0)
    {
      rapport_report_text_para (out, 2, _("Uplift: not available, hashtags are compared by "
                                          "engagement rate, which no post has (see "
                                          "Engagement). How you use them:"));
      text_tag_usage (out, hashtags);
      return;
    }

  if (hashtags->tags->len == 0)
    rapport_report_text_para (out, 2, _("No hashtag is on 3 posts with an engagement rate or more, "
                                        "so none has an uplift figure."));
  else
    {
      rapport_report_text_para (out, 2, _("Tags on 3 posts or more (median engagement rate with "
                                          "the tag, without it, uplift):"));
      for (guint i = 0; i < MIN (hashtags->tags->len, TEXT_TAGS); i++)
        {
          const char *tag = g_array_index (hashtags->tags, RapportTagUplift, i).tag;

          width = MAX (width, (int) g_utf8_strlen (tag, -1) + 1);
        }
      width = MIN (width, 24);
      for (guint i = 0; i < MIN (hashtags->tags->len, TEXT_TAGS); i++)
        {
          const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);
          g_autofree char *with = rapport_format_percent (tag->uplift.median_with);
          g_autofree char *without = rapport_format_percent (tag->uplift.median_without);
          g_autofree char *change = rapport_format_change (tag->uplift.uplift);
          g_autofree char *name = g_strdup_printf ("#%s", tag->tag);
          g_autofree char *p_value = rapport_format_p_value (tag->uplift.p_value);

          g_string_append (out, "    ");
          rapport_report_text_cell (out, name, -width);
          g_string_append_c (out, ' ');
          /* Translators: one row of the hashtag table: n with and without the tag; the two
           * medians, the uplift, p and the confidence follow, aligned by the code. */
          g_string_append_printf (out, _("n = %3u / %-4u"), tag->uplift.n_with,
                                  tag->uplift.n_without);
          rapport_report_text_cell (out, with, 8);
          g_string_append (out, _(" vs"));
          rapport_report_text_cell (out, without, 8);
          rapport_report_text_cell (out, change, 10);
          g_string_append (out, "  p = ");
          rapport_report_text_cell (out, p_value, -6);
          g_string_append_printf (out, "%s%s\n",
                                  rapport_confidence_to_string (tag->uplift.confidence),
                                  tag->is_bait ? _("  (bait)") : "");
        }
      text_more_tags (out, 4, hashtags->tags->len);
    }

  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      g_autofree char *median = rapport_format_percent (hashtags->buckets[b].median);

      g_string_append_printf (buckets, "%s%s: %s (n = %u)%s", b > 0 ? " · " : "", bucket_label (b),
                              median, hashtags->buckets[b].n,
                              (int) b == hashtags->best_bucket ? _(" best") : "");
    }
  rapport_report_text_para (out, 2, _("Median engagement rate by number of tags per post: %s."),
                            buckets->str);

  if (hashtags->bait->len == 0)
    rapport_report_text_para (out, 2, _("Engagement-bait tags (#f4f, #like4like, …): none used."));
  else
    {
      g_autoptr(GString) bait = g_string_new (NULL);
      g_autofree char *with = rapport_format_percent (hashtags->bait_uplift.median_with);
      g_autofree char *without = rapport_format_percent (hashtags->bait_uplift.median_without);

      for (guint i = 0; i < hashtags->bait->len; i++)
        {
          const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

          g_string_append_printf (bait, "%s#%s (%'u)", i > 0 ? ", " : "", tag->tag, tag->n_posts);
        }
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "Engagement-bait tags on %'u post: %s. Median "
                                                     "engagement rate %s with them (n = %u), %s "
                                                     "without (n = %u).",
                                                     "Engagement-bait tags on %'u posts: %s. "
                                                     "Median engagement rate %s with them "
                                                     "(n = %u), %s without (n = %u).",
                                                     hashtags->n_bait_posts),
                                hashtags->n_bait_posts, bait->str, with,
                                hashtags->bait_uplift.n_with, without,
                                hashtags->bait_uplift.n_without);
    }
}

void
rapport_report_text_collaborations (GString             *out,
                                    const RapportReport *report)
{
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportUplift *mentions = &collaborations->mentions;

  rapport_report_text_heading (out, _("Collaborations"), '-');
  rapport_report_text_para (out, 2, _("Posts with other accounts (mentions or tags): %'u of %'u "
                                      "(replies left out)."),
                            collaborations->n_with_mentions, collaborations->n_posts);
  if (mentions->n_with > 0 && mentions->n_without > 0)
    {
      g_autofree char *with = rapport_format_percent (mentions->median_with);
      g_autofree char *without = rapport_format_percent (mentions->median_without);
      g_autofree char *change = rapport_format_change (mentions->uplift);
      g_autofree char *significance = rapport_format_significance (mentions->p_value);

      rapport_report_text_para (out, 2, _("Median engagement rate with others %s (n = %u), alone "
                                          "%s (n = %u): %s (%s)."),
                                with, mentions->n_with, without, mentions->n_without, change,
                                significance);
    }
  if (collaborations->partners->len > 0)
    {
      g_autoptr(GString) partners = g_string_new (NULL);
      guint shown = MIN (collaborations->partners->len, 8);

      for (guint i = 0; i < shown; i++)
        {
          const RapportPartner *partner =
            &g_array_index (collaborations->partners, RapportPartner, i);
          g_autofree char *handle = rapport_format_mention (partner->name, partner->handle);
          g_autofree char *rate = rapport_format_percent (partner->median_rate);

          g_string_append_printf (partners, "%s%s ", i > 0 ? "; " : "", handle);
          g_string_append_printf (partners,
                                  g_dngettext (GETTEXT_PACKAGE, "%u post, median %s",
                                               "%u posts, median %s", partner->n_posts),
                                  partner->n_posts, rate);
        }
      if (collaborations->partners->len > shown)
        g_string_append_printf (partners, g_dngettext (GETTEXT_PACKAGE, "; and %'u more",
                                                       "; and %'u more",
                                                       collaborations->partners->len - shown),
                                collaborations->partners->len - shown);
      rapport_report_text_para (out, 2, _("Partners: %s."), partners->str);
    }

  if (!collaborations->candidates_available)
    {
      const char *explanation =
        rapport_report_text_coverage_explanation (report, RAPPORT_FIGURE_COLLABORATION_CANDIDATES);

      rapport_report_text_para (out, 2, _("Collaboration candidates: not available. %s"),
                                explanation);
      return;
    }
  if (collaborations->candidates->len == 0)
    {
      if (collaborations->candidates_from_following)
        rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                       "Collaboration candidates: none among the "
                                                       "accounts you follow and interacted with "
                                                       "(%'u interaction looked at).",
                                                       "Collaboration candidates: none among the "
                                                       "accounts you follow and interacted with "
                                                       "(%'u interactions looked at).",
                                                       collaborations->n_interactions),
                                  collaborations->n_interactions);
      else
        rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                       "Collaboration candidates: none among the "
                                                       "mutuals you interacted with (%'u "
                                                       "interaction looked at).",
                                                       "Collaboration candidates: none among the "
                                                       "mutuals you interacted with (%'u "
                                                       "interactions looked at).",
                                                       collaborations->n_interactions),
                                  collaborations->n_interactions);
      if (collaborations->n_interactions == 0)
        rapport_report_text_not_available (out, report, RAPPORT_FIGURE_COLLABORATION_CANDIDATES);
      return;
    }
  if (collaborations->candidates_from_following)
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "Collaboration candidates, accounts you follow "
                                                   "and interact with but never posted with "
                                                   "(from %'u interaction):",
                                                   "Collaboration candidates, accounts you follow "
                                                   "and interact with but never posted with "
                                                   "(from %'u interactions):",
                                                   collaborations->n_interactions),
                              collaborations->n_interactions);
  else
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "Collaboration candidates, mutuals you interact "
                                                   "with but never posted with (from %'u "
                                                   "interaction):",
                                                   "Collaboration candidates, mutuals you interact "
                                                   "with but never posted with (from %'u "
                                                   "interactions):",
                                                   collaborations->n_interactions),
                              collaborations->n_interactions);
  for (guint i = 0; i < MIN (collaborations->candidates->len, 8); i++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (collaborations->candidates, RapportCollaborationCandidate, i);
      g_autofree char *latest = rapport_format_day (candidate->latest);
      g_autofree char *comments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u comment",
                                                                "%'u comments",
                                                                candidate->n_comments),
                                                   candidate->n_comments);
      g_autofree char *likes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u like",
                                                             "%'u likes", candidate->n_likes),
                                                candidate->n_likes);
      g_autofree char *replies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u reply",
                                                               "%'u replies", candidate->n_replies),
                                                  candidate->n_replies);
      g_autofree char *reposts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u repost",
                                                               "%'u reposts", candidate->n_reposts),
                                                  candidate->n_reposts);
      g_autofree char *name = person_name (report, candidate->person);

      /* Reposts only where there are any: most platforms' exports record none. */
      if (candidate->n_reposts > 0)
        /* Translators: a candidate: name, comments, likes, replies, reposts, and the latest
         * date. */
        rapport_report_text_para (out, 4, _("%s: %s, %s, %s, %s; the latest on %s"),
                                  name, comments, likes, replies, reposts, latest);
      else
        /* Translators: a candidate: name, comments, likes, replies, and the latest date. */
        rapport_report_text_para (out, 4, _("%s: %s, %s, %s; the latest on %s"),
                                  name, comments, likes, replies, latest);
    }
}

static const char *
weekday_short (int weekday)
{
  static const char * const names[7] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };

  return _(names[weekday]);
}

static const char *
weekday_long (int weekday)
{
  static const char * const names[7] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday"),
  };

  return _(names[weekday]);
}

static void
text_slot (GString                  *out,
           const char               *label,
           const RapportCadenceSlot *slot)
{
  g_autofree char *rate = NULL;

  if (slot == NULL)
    {
      rapport_report_text_para (out, 4, _("%s: none with 5 posts with a rate."), label);
      return;
    }
  rate = rapport_format_percent (slot->median_rate);
  if (slot->weekday >= 0 && slot->hour_end - slot->hour_start < 24)
    rapport_report_text_para (out, 4, "%s: %s %02u:00–%02u:00, %s (n = %u).", label,
                              weekday_long (slot->weekday), slot->hour_start, slot->hour_end, rate,
                              slot->n);
  else if (slot->weekday >= 0)
    rapport_report_text_para (out, 4, "%s: %s, %s (n = %u).", label, weekday_long (slot->weekday),
                              rate, slot->n);
  else
    rapport_report_text_para (out, 4, "%s: %02u:00–%02u:00, %s (n = %u).", label, slot->hour_start,
                              slot->hour_end, rate, slot->n);
}

void
rapport_report_text_cadence (GString             *out,
                             const RapportReport *report)
{
  const RapportCadence *cadence = report->cadence;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *rhythm = NULL;

  rapport_report_text_heading (out, _("Consistency"), '-');
  if (cadence->n_posts == 0)
    {
      rapport_report_text_para (out, 2, _("No posts in the imported exports."));
      return;
    }
  first = rapport_format_day (cadence->first);
  last = rapport_format_day (cadence->last);
  rhythm = rapport_format_posts_per_week (cadence->posts_per_week);
  /* Translators: the last %s is a rhythm, "2.5 posts a week" or "1 post every 32 weeks". */
  rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                 "Posts (stories included): %'u from %s to %s, "
                                                 "over %'u week: %s.",
                                                 "Posts (stories included): %'u from %s to %s, "
                                                 "over %'u weeks: %s.",
                                                 cadence->n_weeks),
                            cadence->n_posts, first, last, cadence->n_weeks, rhythm);
  rapport_report_text_para (out, 2, _("Weeks without a post: %'u of %'u."),
                            cadence->weeks_without_posts, cadence->n_weeks);
  if (cadence->n_intervals > 0)
    {
      g_autofree char *gap_from = rapport_format_day (cadence->longest_gap.from);
      g_autofree char *gap_to = rapport_format_day (cadence->longest_gap.to);
      /* No spread for one interval, or for posts all at the same second. */
      g_autofree char *spread = isnan (cadence->interval_cv)
                                ? g_strdup (RAPPORT_FORMAT_NONE)
                                : g_strdup_printf ("%.2f", cadence->interval_cv);

      rapport_report_text_para (out, 2, _("Days between posts (n = %'u): median %.1f, middle half "
                                          "%.1f to %.1f, spread (standard deviation / mean) %s."),
                                cadence->n_intervals, cadence->interval_median,
                                cadence->interval_q1, cadence->interval_q3, spread);
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "Longest pause: %.1f days, %s to %s; %'u "
                                                     "pause longer than 14 days.",
                                                     "Longest pause: %.1f days, %s to %s; %'u "
                                                     "pauses longer than 14 days.",
                                                     cadence->gaps->len),
                                cadence->longest_gap.days, gap_from, gap_to, cadence->gaps->len);
    }

  /* Translators: %s is a time zone such as "Europe/Berlin". */
  rapport_report_text_para (out, 2, _("Best times, among slots with 5 posts with a rate or more "
                                      "(time zone %s):"),
                            g_time_zone_get_identifier (report->tz));
  text_slot (out, _("Weekday and hour"), cadence->best_cell);
  text_slot (out, _("Weekday"), cadence->best_weekday);
  text_slot (out, _("Time of day"), cadence->best_block);

  rapport_report_text_para (out, 2, _("Posts by weekday and time of day:"));
  g_string_append (out, "         ");
  for (guint h = 0; h < 24; h += RAPPORT_CADENCE_BLOCK_HOURS)
    g_string_append_printf (out, " %02u–%02u", h, h + RAPPORT_CADENCE_BLOCK_HOURS);
  g_string_append_c (out, '\n');
  for (guint d = 0; d < 7; d++)
    {
      g_string_append_printf (out, "    %-5s", weekday_short (d));
      for (guint h = 0; h < 24; h += RAPPORT_CADENCE_BLOCK_HOURS)
        {
          guint n = 0;

          for (guint k = h; k < h + RAPPORT_CADENCE_BLOCK_HOURS; k++)
            n += cadence->heatmap[d][k].n_posts;
          g_string_append_printf (out, " %5u", n);
        }
      g_string_append_c (out, '\n');
    }
}
