/* rapport-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cli/rapport-report-text.h"

#define WIDTH 80
/* Entries of a list named in the text before "and N more". */
#define TEXT_SAMPLE 5
/* Rows of the hashtag table in the text. */
#define TEXT_TAGS 15
/* Real follower totals named in the text. */
#define TEXT_REAL_TOTALS 8
/* Follower events, and pieces of evidence of one suggestion, printed in full. */
#define TEXT_ANOMALIES 8
#define TEXT_EVIDENCE 4

static void
append_wrapped (GString    *out,
                guint       indent,
                const char *text)
{
  g_auto(GStrv) split = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint column = indent;
  gboolean empty = TRUE;

  /* "n = 12" and "4.1 %" stay on one line: "=" and "%" are glued to their neighbours. */
  for (guint i = 0; split[i] != NULL; i++)
    {
      gboolean glue = words->len > 0
                   && (g_str_equal (split[i], "=") || g_str_has_prefix (split[i], "%")
                       || g_str_equal (g_ptr_array_index (words, words->len - 1), "=")
                       || g_str_has_suffix (g_ptr_array_index (words, words->len - 1), " ="));

      if (glue)
        {
          g_autofree char *previous = g_ptr_array_steal_index (words, words->len - 1);

          g_ptr_array_add (words, g_strconcat (previous, " ", split[i], NULL));
        }
      else
        g_ptr_array_add (words, g_strdup (split[i]));
    }

  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      glong length = g_utf8_strlen (word, -1);

      if (length == 0)
        continue;
      if (!empty && column + 1 + length > WIDTH)
        {
          g_string_append_c (out, '\n');
          /* Continuation lines hang two columns further in. */
          for (guint j = 0; j < indent + 2; j++)
            g_string_append_c (out, ' ');
          column = indent + 2;
          empty = TRUE;
        }
      if (!empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, word);
      column += length;
      empty = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void para (GString    *out,
                  guint       indent,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

/* A paragraph wrapped to the width, first line at @indent. */
static void
para (GString    *out,
      guint       indent,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append_wrapped (out, indent, text);
}

/* @text right-aligned in @width columns (characters, not bytes). */
static void
append_padded (GString    *out,
               const char *text,
               int         width)
{
  for (int i = g_utf8_strlen (text, -1); i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

static void
heading (GString    *out,
         const char *title,
         char        rule)
{
  glong length = g_utf8_strlen (title, -1);

  g_string_append_printf (out, "\n%s\n", title);
  for (glong i = 0; i < length; i++)
    g_string_append_c (out, rule);
  g_string_append_c (out, '\n');
}

static void
not_available (GString             *out,
               const RapportReport *report,
               RapportFigure        figure)
{
  const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);

  para (out, 2, _("Not available: %s"),
        item->explanation != NULL ? item->explanation : _("the imported exports do not have it."));
}

/* The coverage unit's sentence on @figure, "" when it has none. */
static const char *
coverage_explanation (const RapportReport *report,
                      RapportFigure        figure)
{
  const char *explanation = rapport_coverage_get (report->coverage, figure)->explanation;

  return explanation != NULL ? explanation : "";
}

static const char *
person_name (const RapportPerson *person)
{
  return person->handle != NULL ? person->handle : person->who;
}

/* "@ana, @bo, @cy and 42 more" from indices into @people (guint32, or RapportMutual whose
 * follower index is used when @mutuals). */
static char *
sample_people (const RapportPeople *people,
               const GArray        *indices,
               gboolean             mutuals)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (indices->len, TEXT_SAMPLE);

  for (guint i = 0; i < shown; i++)
    {
      guint32 index = mutuals ? g_array_index (indices, RapportMutual, i).follower
                              : g_array_index (indices, guint32, i);
      const RapportPerson *person = &people->items[index];

      if (i > 0)
        g_string_append (text, ", ");
      if (person->handle != NULL)
        g_string_append_printf (text, "@%s", person->handle);
      else
        /* Translators: an account known only by its numeric id. */
        g_string_append_printf (text, _("id %s"), person->who);
    }
  if (indices->len > shown)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %'u more", " and %'u more",
                                               indices->len - shown),
                            indices->len - shown);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
count_source_title (RapportCountSource source)
{
  switch (source)
    {
    case RAPPORT_COUNT_SOURCE_SNAPSHOT:
      return _("follower list");
    case RAPPORT_COUNT_SOURCE_PROFILE:
      return _("profile");
    case RAPPORT_COUNT_SOURCE_INSIGHTS:
      return _("insights");
    case RAPPORT_COUNT_SOURCE_LIVE:
      return _("live refresh");
    case RAPPORT_COUNT_SOURCE_RECONSTRUCTION:
    default:
      return _("rebuilt from follow dates");
    }
}

static void
text_header (GString             *out,
             const RapportReport *report)
{
  const RapportDataset *dataset = report->dataset;
  g_autofree char *title = NULL;

  /* Translators: the report's title, "@jo on Instagram (account 1)". */
  title = g_strdup_printf (_("Rapport report: @%s on %s (account %" PRId64 ")"),
                           dataset->handle != NULL ? dataset->handle : "?",
                           rapport_platform_display_name (dataset->platform), dataset->account_id);
  heading (out, title, '=');
  if (dataset->display_name != NULL && dataset->display_name[0] != '\0')
    para (out, 0, "%s", dataset->display_name);

  para (out, 0, g_dngettext (GETTEXT_PACKAGE, "%u export imported:", "%u exports imported:",
                             dataset->snapshots->len),
        dataset->snapshots->len);
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      g_autofree char *day = rapport_coach_day (snapshot->exported_at);
      g_autofree char *followers = snapshot->followers
        ? rapport_coach_count (snapshot->followers->len) : g_strdup ("—");
      g_autofree char *following = snapshot->following
        ? rapport_coach_count (snapshot->following->len) : g_strdup ("—");

      /* Translators: one export: its date, file name, and list sizes ("—" when absent). */
      para (out, 2, _("%s, %s: %s followers, %s following"), day,
            snapshot->source_name != NULL ? snapshot->source_name : "?", followers, following);
    }
}

static void
text_series (GString             *out,
             const RapportReport *report)
{
  const GArray *points = report->series->points;
  const RapportSeriesPoint *first;
  const RapportSeriesPoint *last;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *first_count = NULL;
  g_autofree char *last_count = NULL;
  g_autofree char *change = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GString) reals = g_string_new (NULL);
  guint n_real = 0;

  heading (out, _("Followers"), '-');
  if (points->len == 0)
    {
      not_available (out, report, RAPPORT_FIGURE_FOLLOWER_HISTORY);
      return;
    }

  first = &g_array_index (points, RapportSeriesPoint, 0);
  last = &g_array_index (points, RapportSeriesPoint, points->len - 1);
  first_day = rapport_coach_day (first->day);
  last_day = rapport_coach_day (last->day);
  first_count = rapport_coach_count (first->followers);
  last_count = rapport_coach_count (last->followers);
  difference = g_strdup_printf ("%+'" PRId64,
                                (gint64) llround (last->followers - first->followers));
  /* A percentage of a tiny rebuilt start ("at least 1") says nothing: only from 100 on. */
  change = rapport_coach_change (first->followers >= 100
                                 ? (last->followers - first->followers) / first->followers : NAN);
  if (points->len == 1)
    /* Translators: followers on the one day the exports give. */
    para (out, 2, _("%s on %s, the one day with a follower figure."), last_count, last_day);
  else
    /* Translators: followers on the first and last day of the series, then the change. */
    para (out, 2, _("%s%s on %s, %s on %s: %s (%s)."),
          first->lower_bound ? _("at least ") : "", first_count, first_day, last_count, last_day,
          difference, change);
  para (out, 2,
        g_dngettext (GETTEXT_PACKAGE,
                     "Daily series of %'u day: %'u with a real total, %'u rebuilt from follow "
                     "dates (lower bounds), %'u interpolated between real totals.",
                     "Daily series of %'u days: %'u with a real total, %'u rebuilt from follow "
                     "dates (lower bounds), %'u interpolated between real totals.",
                     points->len),
        points->len,
        rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_REAL),
        rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_RECONSTRUCTED),
        rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_INTERPOLATED));

  /* The newest real totals say most: name the last few, oldest first. */
  n_real = rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_REAL);
  for (guint i = 0, seen = 0; i < points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, i);
      g_autofree char *day = NULL;
      g_autofree char *count = NULL;

      if (point->kind != RAPPORT_SERIES_REAL || ++seen + TEXT_REAL_TOTALS <= n_real)
        continue;
      day = rapport_coach_day (point->day);
      count = rapport_coach_count (point->followers);
      g_string_append_printf (reals, "%s%s %s (%s)", reals->len > 0 ? "; " : "", day, count,
                              count_source_title (point->source));
    }
  if (n_real > TEXT_REAL_TOTALS)
    para (out, 2, _("Real totals, the newest %u: %s."), TEXT_REAL_TOTALS, reals->str);
  else if (n_real > 0)
    para (out, 2, _("Real totals: %s."), reals->str);
  if (rapport_coverage_get (report->coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY)->level
      != RAPPORT_COVERAGE_FULL)
    not_available (out, report, RAPPORT_FIGURE_FOLLOWER_HISTORY);
}

static void
text_divergence (GString                 *out,
                 const RapportDivergence *divergence,
                 const char              *label)
{
  g_autofree char *growth = rapport_coach_change (divergence->follower_growth / 100);
  g_autofree char *from = rapport_coach_day (divergence->from);
  g_autofree char *to = rapport_coach_day (divergence->to);
  g_autofree char *before = rapport_coach_percent (divergence->median_before);
  g_autofree char *after = rapport_coach_percent (divergence->median_after);

  /* Translators: a label ("Then and now"), two dates, a change of followers, two median
   * rates with their n, and the length of the windows compared. */
  para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                             "%s: from %s to %s followers %s%s; median engagement rate %s "
                             "(n = %u) → %s (n = %u), comparing the first and the last %u day.",
                             "%s: from %s to %s followers %s%s; median engagement rate %s "
                             "(n = %u) → %s (n = %u), comparing the first and the last %u days.",
                             divergence->window_days),
        label, from, to, growth, divergence->followers_lower_bound ? _(" (a lower bound)") : "",
        before, divergence->n_before, after, divergence->n_after, divergence->window_days);
}

static void
text_engagement (GString             *out,
                 const RapportReport *report)
{
  const RapportEngagementSummary *summary = &report->engagement;
  g_autofree char *interactions = rapport_coach_count (summary->median_interactions);
  g_autofree char *rate = rapport_coach_percent (summary->median_rate);
  g_autofree char *by_impressions = rapport_coach_percent (summary->median_rate_by_impressions);
  g_autoptr(GArray) ranked = NULL;

  heading (out, _("Engagement"), '-');
  para (out, 2, _("Own posts: %'u (stories and reposts left out); with counts: %'u; with an "
                  "engagement rate: %'u."),
        summary->n_posts, summary->n_with_interactions, summary->n_with_rate);
  if (summary->n_with_interactions == 0)
    {
      not_available (out, report, RAPPORT_FIGURE_POST_ENGAGEMENT);
      return;
    }
  para (out, 2, _("Median interactions per post: %s (n = %'u)."), interactions,
        summary->n_with_interactions);
  if (summary->n_with_rate > 0)
    {
      para (out, 2, _("Median engagement rate (interactions / followers that day): %s (n = %'u)."),
            rate, summary->n_with_rate);
      if (summary->n_rate_lower_bound > 0)
        para (out, 4, g_dngettext (GETTEXT_PACKAGE,
                                   "%'u of them rests on rebuilt follower counts, so it is an "
                                   "upper bound.",
                                   "%'u of them rest on rebuilt follower counts, so they are "
                                   "upper bounds.",
                                   summary->n_rate_lower_bound),
              summary->n_rate_lower_bound);
    }
  else
    para (out, 2, _("Engagement rate: not available, there is no follower figure for the days of "
                    "the posts (see Follower history under Data coverage)."));
  if (summary->n_with_impressions > 0)
    para (out, 2, _("Median engagement rate by impressions: %s (n = %'u)."), by_impressions,
          summary->n_with_impressions);
  else
    para (out, 2, _("Engagement rate by impressions: not available. %s"),
          coverage_explanation (report, RAPPORT_FIGURE_IMPRESSIONS));

  if (report->rolling_median->len > 0)
    {
      const GArray *rolling = report->rolling_median;
      const RapportRollingMedian *first = &g_array_index (rolling, RapportRollingMedian, 0);
      const RapportRollingMedian *last = &g_array_index (rolling, RapportRollingMedian,
                                                         rolling->len - 1);
      g_autofree char *first_day = rapport_coach_day (first->t);
      g_autofree char *last_day = rapport_coach_day (last->t);
      g_autofree char *first_rate = rapport_coach_percent (first->median);
      g_autofree char *last_rate = rapport_coach_percent (last->median);

      para (out, 2, _("Trend, the median of the 30 days up to each post: %s on %s (n = %u), %s on "
                      "%s (n = %u)."),
            first_rate, first_day, first->n, last_rate, last_day, last->n);
    }
  if (report->overall != NULL)
    text_divergence (out, report->overall, _("Then and now"));

  if (report->divergence != NULL && report->divergence->headline != NULL)
    para (out, 2, _("Headline: %s (n = %u and %u posts)."), report->divergence->headline,
          report->divergence->n_before, report->divergence->n_after);
  else
    para (out, 2, _("Headline: no stretch where followers grew while the median engagement rate "
                    "fell (it takes 180 days of follower figures and 5 posts with a rate at each "
                    "end)."));

  /* The best posts, for a creator to look at what worked. */
  ranked = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
  for (guint i = 0; i < report->per_post->len; i++)
    if (!isnan (g_array_index (report->per_post, RapportPostEngagement, i).rate))
      g_array_append_val (ranked, g_array_index (report->per_post, RapportPostEngagement, i));
  if (ranked->len >= 2)
    {
      guint shown = MIN (ranked->len, 3);

      para (out, 2, _("Highest engagement rates:"));
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
          day = rapport_coach_day (best->post->created_at);
          best_rate = rapport_coach_percent (best->rate);
          count = rapport_coach_count (best->interactions);
          /* Translators: a post's date, type, rate, interactions, whether the rate is an
           * upper bound, and its link. */
          para (out, 4, _("%s, %s: %s (%s interactions)%s %s"), day,
                rapport_post_type_to_string (best->post->type), best_rate, count,
                best->followers_lower_bound ? _(", an upper bound") : "",
                best->post->url != NULL ? best->post->url : "");
          g_array_remove_index_fast (ranked, best_index);
        }
    }
}

static void
text_reciprocity (GString             *out,
                  const RapportReport *report)
{
  const RapportReciprocity *reciprocity = report->reciprocity;
  g_autofree char *title = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *share = NULL;
  g_autofree char *f4f_followers = NULL;
  g_autofree char *f4f_mutuals = NULL;

  if (reciprocity == NULL)
    {
      heading (out, _("Reciprocity"), '-');
      not_available (out, report, RAPPORT_FIGURE_RECIPROCITY);
      return;
    }

  if (reciprocity->same_snapshot && reciprocity->followers_snapshot != NULL)
    {
      g_autofree char *day = rapport_coach_day (reciprocity->followers_snapshot->exported_at);

      /* Translators: %s is a date. */
      title = g_strdup_printf (_("Reciprocity (lists of the export of %s)"), day);
    }
  else
    title = g_strdup (_("Reciprocity (lists of two different exports)"));
  heading (out, title, '-');

  para (out, 2, _("Followers %'zu · following %'zu · mutuals %'zu · fans (you do not follow back) %'zu · not following you back %'zu."),
        reciprocity->n_followers, reciprocity->n_following, reciprocity->n_mutuals,
        reciprocity->n_fans, reciprocity->n_not_following_back);
  ratio = rapport_coach_percent (reciprocity->follow_back_ratio);
  para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                             "Follow-back ratio: %s — %'zu of the %'zu accounts you follow follows you back.",
                             "Follow-back ratio: %s — %'zu of the %'zu accounts you follow follow you back.",
                             reciprocity->n_mutuals),
        ratio, reciprocity->n_mutuals, reciprocity->n_following);

  if (reciprocity->n_mutuals == 0)
    para (out, 2, _("Follow-for-follow pairs: none, you have no mutuals."));
  else if (reciprocity->n_mutuals_dated == 0)
    para (out, 2, _("Follow-for-follow pairs: not available. %s"),
          coverage_explanation (report, RAPPORT_FIGURE_FOLLOW_DATES));
  else
    {
      f4f_followers = rapport_coach_percent (reciprocity->f4f_share_of_followers);
      f4f_mutuals = rapport_coach_percent (reciprocity->f4f_share_of_mutuals);
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "Follow-for-follow pairs (both follows within 72 hours): %'zu — %s of followers, %s of the %'zu mutual with both follow dates.",
                                 "Follow-for-follow pairs (both follows within 72 hours): %'zu — %s of followers, %s of the %'zu mutuals with both follow dates.",
                                 reciprocity->n_mutuals_dated),
            reciprocity->n_f4f_pairs, f4f_followers, f4f_mutuals, reciprocity->n_mutuals_dated);
    }
  share = rapport_coach_percent (reciprocity->reciprocal_share);
  para (out, 2, _("Followers who may follow you only in return: between %s (the "
                  "follow-for-follow pairs) and %s (every mutual)."),
        f4f_followers != NULL ? f4f_followers : "—", share);
  if (reciprocity->not_following_back->len > 0)
    {
      g_autofree char *names = sample_people (reciprocity->following,
                                              reciprocity->not_following_back, FALSE);

      para (out, 2, _("Not following you back: %s."), names);
    }
  if (reciprocity->f4f_pairs->len > 0)
    {
      g_autofree char *names = sample_people (reciprocity->followers, reciprocity->f4f_pairs, TRUE);

      para (out, 2, _("Follow-for-follow pairs: %s."), names);
    }
}

static void
text_churn (GString             *out,
            const RapportReport *report)
{
  heading (out, _("Gained and lost followers"), '-');
  if (report->churn->steps->len == 0)
    {
      not_available (out, report, RAPPORT_FIGURE_CHURN);
      return;
    }
  for (guint s = 0; s < report->churn->steps->len; s++)
    {
      const RapportChurnStep *step = g_ptr_array_index (report->churn->steps, s);
      g_autofree char *older = rapport_coach_day (step->older->exported_at);
      g_autofree char *newer = rapport_coach_day (step->newer->exported_at);

      /* Translators: two dates, list sizes, then gained, lost and renamed followers. */
      para (out, 2, _("%s → %s: %'zu → %'zu followers; %'u "
                      "gained, %'u lost, %'u renamed."),
            older, newer, step->n_older, step->n_newer, step->gained->len, step->lost->len,
            step->renames->len);
      if (step->gained->len > 0)
        {
          g_autofree char *names = sample_people (step->newer->followers, step->gained, FALSE);

          para (out, 4, _("Gained: %s."), names);
        }
      if (step->lost->len > 0)
        {
          g_autofree char *names = sample_people (step->older->followers, step->lost, FALSE);

          para (out, 4, _("Lost: %s."), names);
        }
      if (step->following_snapshot == NULL)
        para (out, 4, _("Dropped you after a follow-back: not available, neither export has the "
                        "accounts you follow."));
      else if (step->dropped_after_follow_back->len == 0)
        para (out, 4, _("Dropped you after a follow-back (lost, though you still follow them): "
                        "none."));
      else
        {
          g_autofree char *names = sample_people (step->older->followers,
                                                  step->dropped_after_follow_back, FALSE);

          para (out, 4, _("Dropped you after a follow-back (lost, though you still follow them): "
                          "%'u — %s."),
                step->dropped_after_follow_back->len, names);
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

static void
text_hashtags (GString             *out,
               const RapportReport *report)
{
  const RapportHashtagReport *hashtags = report->hashtags;
  g_autoptr(GString) buckets = g_string_new (NULL);
  int width = 8;

  heading (out, _("Hashtags"), '-');
  para (out, 2, _("Compared on own posts with an engagement rate: n = %'u of %'u."),
        hashtags->n_with_rate, hashtags->n_posts);
  if (hashtags->n_with_rate == 0)
    {
      para (out, 2, _("Not available: hashtags are compared by engagement rate, which no post "
                      "has (see Engagement)."));
      return;
    }

  if (hashtags->tags->len == 0)
    para (out, 2, _("No hashtag is on 3 posts with an engagement rate or more, so none has an "
                    "uplift figure."));
  else
    {
      para (out, 2, _("Tags on 3 posts or more (median engagement rate with the tag, without it, "
                      "uplift):"));
      for (guint i = 0; i < MIN (hashtags->tags->len, TEXT_TAGS); i++)
        {
          const char *tag = g_array_index (hashtags->tags, RapportTagUplift, i).tag;

          width = MAX (width, (int) g_utf8_strlen (tag, -1) + 1);
        }
      width = MIN (width, 24);
      for (guint i = 0; i < MIN (hashtags->tags->len, TEXT_TAGS); i++)
        {
          const RapportTagUplift *tag = &g_array_index (hashtags->tags, RapportTagUplift, i);
          g_autofree char *with = rapport_coach_percent (tag->uplift.median_with);
          g_autofree char *without = rapport_coach_percent (tag->uplift.median_without);
          g_autofree char *change = rapport_coach_change (tag->uplift.uplift);
          g_autofree char *name = g_strdup_printf ("#%s", tag->tag);
          g_autofree char *p_value = isnan (tag->uplift.p_value)
                                     ? g_strdup ("—")
                                     : g_strdup_printf ("%.2f", tag->uplift.p_value);
          int pad = width - (int) g_utf8_strlen (name, -1);

          g_string_append_printf (out, "    %s%*s ", name, MAX (pad, 0), "");
          /* Translators: one row of the hashtag table: n with and without the tag; the two
           * medians, the uplift, p and the confidence follow, aligned by the code. */
          g_string_append_printf (out, _("n = %3u / %-4u"), tag->uplift.n_with,
                                  tag->uplift.n_without);
          append_padded (out, with, 8);
          g_string_append (out, _(" vs"));
          append_padded (out, without, 8);
          append_padded (out, change, 10);
          g_string_append (out, "  p = ");
          g_string_append (out, p_value);
          append_padded (out, "", 6 - (int) g_utf8_strlen (p_value, -1));
          g_string_append_printf (out, "%s%s\n",
                                  rapport_confidence_to_string (tag->uplift.confidence),
                                  tag->is_bait ? _("  (bait)") : "");
        }
      if (hashtags->tags->len > TEXT_TAGS)
        para (out, 4, g_dngettext (GETTEXT_PACKAGE, "… and %'u more tag (see --json).",
                                   "… and %'u more tags (see --json).",
                                   hashtags->tags->len - TEXT_TAGS),
              hashtags->tags->len - TEXT_TAGS);
    }

  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      g_autofree char *median = rapport_coach_percent (hashtags->buckets[b].median);

      g_string_append_printf (buckets, "%s%s: %s (n = %u)%s", b > 0 ? " · " : "", bucket_label (b),
                              median, hashtags->buckets[b].n,
                              (int) b == hashtags->best_bucket ? _(" best") : "");
    }
  para (out, 2, _("Median engagement rate by number of tags per post: %s."), buckets->str);

  if (hashtags->bait->len == 0)
    para (out, 2, _("Engagement-bait tags (#f4f, #like4like, …): none used."));
  else
    {
      g_autoptr(GString) bait = g_string_new (NULL);
      g_autofree char *with = rapport_coach_percent (hashtags->bait_uplift.median_with);
      g_autofree char *without = rapport_coach_percent (hashtags->bait_uplift.median_without);

      for (guint i = 0; i < hashtags->bait->len; i++)
        {
          const RapportBaitTag *tag = &g_array_index (hashtags->bait, RapportBaitTag, i);

          g_string_append_printf (bait, "%s#%s (%'u)", i > 0 ? ", " : "", tag->tag, tag->n_posts);
        }
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "Engagement-bait tags on %'u post: %s. Median engagement rate %s "
                                 "with them (n = %u), %s without (n = %u).",
                                 "Engagement-bait tags on %'u posts: %s. Median engagement rate %s "
                                 "with them (n = %u), %s without (n = %u).",
                                 hashtags->n_bait_posts),
            hashtags->n_bait_posts, bait->str, with, hashtags->bait_uplift.n_with, without,
            hashtags->bait_uplift.n_without);
    }
}

static void
text_collaborations (GString             *out,
                     const RapportReport *report)
{
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportUplift *mentions = &collaborations->mentions;

  heading (out, _("Collaborations"), '-');
  para (out, 2, _("Posts with other accounts (mentions or tags): %'u of %'u (replies left out)."),
        collaborations->n_with_mentions, collaborations->n_posts);
  if (mentions->n_with > 0 && mentions->n_without > 0)
    {
      g_autofree char *with = rapport_coach_percent (mentions->median_with);
      g_autofree char *without = rapport_coach_percent (mentions->median_without);
      g_autofree char *change = rapport_coach_change (mentions->uplift);
      g_autofree char *significance = rapport_coach_significance (mentions->p_value);

      para (out, 2, _("Median engagement rate with others %s (n = %u), alone %s (n = %u): %s "
                      "(%s)."),
            with, mentions->n_with, without, mentions->n_without, change, significance);
    }
  if (collaborations->partners->len > 0)
    {
      g_autoptr(GString) partners = g_string_new (NULL);
      guint shown = MIN (collaborations->partners->len, 8);

      for (guint i = 0; i < shown; i++)
        {
          const RapportPartner *partner =
            &g_array_index (collaborations->partners, RapportPartner, i);
          g_autofree char *rate = rapport_coach_percent (partner->median_rate);

          g_string_append_printf (partners, "%s@%s ", i > 0 ? "; " : "", partner->handle);
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
      para (out, 2, _("Partners: %s."), partners->str);
    }

  if (!collaborations->candidates_available)
    {
      para (out, 2, _("Collaboration candidates: not available. %s"),
            coverage_explanation (report, RAPPORT_FIGURE_COLLABORATION_CANDIDATES));
      return;
    }
  if (collaborations->candidates->len == 0)
    {
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "Collaboration candidates: none among the mutuals you interacted "
                                 "with (%'u interaction looked at).",
                                 "Collaboration candidates: none among the mutuals you interacted "
                                 "with (%'u interactions looked at).",
                                 collaborations->n_interactions),
            collaborations->n_interactions);
      if (collaborations->n_interactions == 0)
        not_available (out, report, RAPPORT_FIGURE_COLLABORATION_CANDIDATES);
      return;
    }
  para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                             "Collaboration candidates, mutuals you interact with but never posted "
                             "with (from %'u interaction):",
                             "Collaboration candidates, mutuals you interact with but never posted "
                             "with (from %'u interactions):",
                             collaborations->n_interactions),
        collaborations->n_interactions);
  for (guint i = 0; i < MIN (collaborations->candidates->len, 8); i++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (collaborations->candidates, RapportCollaborationCandidate, i);
      g_autofree char *latest = candidate->latest > 0 ? rapport_coach_day (candidate->latest)
                                                      : g_strdup ("—");
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

      /* Translators: a candidate: name, comments, likes, replies, and the latest date. */
      para (out, 4, _("@%s: %s, %s, %s; the latest on %s"), person_name (candidate->person),
            comments, likes, replies, latest);
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
      para (out, 4, _("%s: none with 5 posts with a rate."), label);
      return;
    }
  rate = rapport_coach_percent (slot->median_rate);
  if (slot->weekday >= 0 && slot->hour_end - slot->hour_start < 24)
    para (out, 4, "%s: %s %02u:00–%02u:00, %s (n = %u).", label, weekday_long (slot->weekday),
          slot->hour_start, slot->hour_end, rate, slot->n);
  else if (slot->weekday >= 0)
    para (out, 4, "%s: %s, %s (n = %u).", label, weekday_long (slot->weekday), rate, slot->n);
  else
    para (out, 4, "%s: %02u:00–%02u:00, %s (n = %u).", label, slot->hour_start, slot->hour_end,
          rate, slot->n);
}

static void
text_cadence (GString             *out,
              const RapportReport *report)
{
  const RapportCadence *cadence = report->cadence;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  heading (out, _("Consistency"), '-');
  if (cadence->n_posts == 0)
    {
      para (out, 2, _("No posts in the imported exports."));
      return;
    }
  first = rapport_coach_day (cadence->first);
  last = rapport_coach_day (cadence->last);
  para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                             "Posts (stories included): %'u from %s to %s, over %'u week: %.1f a "
                             "week.",
                             "Posts (stories included): %'u from %s to %s, over %'u weeks: %.1f a "
                             "week.",
                             cadence->n_weeks),
        cadence->n_posts, first, last, cadence->n_weeks, cadence->posts_per_week);
  para (out, 2, _("Weeks without a post: %'u of %'u."), cadence->weeks_without_posts,
        cadence->n_weeks);
  if (cadence->n_intervals > 0)
    {
      g_autofree char *gap_from = rapport_coach_day (cadence->longest_gap.from);
      g_autofree char *gap_to = rapport_coach_day (cadence->longest_gap.to);

      para (out, 2, _("Days between posts (n = %'u): median %.1f, middle half %.1f to %.1f, "
                      "spread (standard deviation / mean) %.2f."),
            cadence->n_intervals, cadence->interval_median, cadence->interval_q1,
            cadence->interval_q3, cadence->interval_cv);
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "Longest pause: %.1f days, %s to %s; %'u pause longer than 14 "
                                 "days.",
                                 "Longest pause: %.1f days, %s to %s; %'u pauses longer than 14 "
                                 "days.",
                                 cadence->gaps->len),
            cadence->longest_gap.days, gap_from, gap_to, cadence->gaps->len);
    }

  /* Translators: %s is a time zone such as "Europe/Berlin". */
  para (out, 2, _("Best times, among slots with 5 posts with a rate or more (time zone %s):"),
        g_time_zone_get_identifier (report->tz));
  text_slot (out, _("Weekday and hour"), cadence->best_cell);
  text_slot (out, _("Weekday"), cadence->best_weekday);
  text_slot (out, _("Time of day"), cadence->best_block);

  para (out, 2, _("Posts by weekday and time of day:"));
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

/* An event's change as a share of the followers before it, for picking the largest. */
static double
event_size (const RapportReport *report,
            guint                index)
{
  const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, index);

  return anomaly->followers_before > 0 ? fabs (anomaly->change) / anomaly->followers_before
                                       : fabs (anomaly->change);
}

static void
text_anomalies (GString             *out,
                const RapportReport *report)
{
  g_autofree gboolean *shown = NULL;

  heading (out, _("Follower jumps and drops"), '-');
  if (report->series->points->len <= RAPPORT_ANOMALY_MIN_CHANGES)
    {
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "Not checked: it takes %u daily changes of the follower series, "
                                 "and the series has %u day.",
                                 "Not checked: it takes %u daily changes of the follower series, "
                                 "and the series has %u days.",
                                 report->series->points->len),
            RAPPORT_ANOMALY_MIN_CHANGES, report->series->points->len);
      return;
    }
  if (report->anomalies->len == 0)
    {
      para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                 "None: no day of the %'u-day series stands out (robust z of "
                                 "3.5 or more).",
                                 "None: no day of the %'u-day series stands out (robust z of "
                                 "3.5 or more).",
                                 report->series->points->len),
            report->series->points->len);
      return;
    }
  /* The largest events by their share of the followers, in the order they happened. */
  shown = g_new0 (gboolean, report->anomalies->len);
  for (guint k = 0; k < MIN (report->anomalies->len, TEXT_ANOMALIES); k++)
    {
      int largest = -1;

      for (guint i = 0; i < report->anomalies->len; i++)
        if (!shown[i] && (largest < 0 || event_size (report, i) > event_size (report, largest)))
          largest = i;
      shown[largest] = TRUE;
    }
  if (report->anomalies->len > TEXT_ANOMALIES)
    para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                               "%'u event; the %u largest:",
                               "%'u events; the %u largest:",
                               report->anomalies->len),
          report->anomalies->len, TEXT_ANOMALIES);

  for (guint i = 0; i < report->anomalies->len; i++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, i);
      g_autofree char *start = rapport_coach_day (anomaly->start);
      g_autofree char *end = rapport_coach_day (anomaly->end);
      g_autofree char *change = g_strdup_printf ("%+'" PRId64,
                                                 (gint64) llround (anomaly->change));
      g_autofree char *share = rapport_coach_change (anomaly->followers_before > 0
                                                     ? anomaly->change / anomaly->followers_before
                                                     : NAN);
      g_autofree char *rate_before = rapport_coach_percent (anomaly->rate_before);
      g_autofree char *rate_after = rapport_coach_percent (anomaly->rate_after);
      g_autofree char *before = rapport_coach_count (anomaly->interactions_before);
      g_autofree char *after = rapport_coach_count (anomaly->interactions_after);
      g_autofree char *when = anomaly->n_days == 1 ? g_strdup (start)
                                                   /* Translators: a range of two dates. */
                                                   : g_strdup_printf (_("%s to %s"), start, end);

      if (!shown[i])
        continue;

      /* Translators: an event: its dates, then the change of followers in number and in
       * percent, the robust z of its most extreme day and the change of a typical day. */
      para (out, 2, anomaly->kind == RAPPORT_ANOMALY_JUMP
                    ? g_dngettext (GETTEXT_PACKAGE,
                                   "%s: a jump of %s follower (%s), robust z %.1f, where a "
                                   "typical day brings %+.0f%s.",
                                   "%s: a jump of %s followers (%s), robust z %.1f, where a "
                                   "typical day brings %+.0f%s.",
                                   (gulong) fabs (anomaly->change))
                    : g_dngettext (GETTEXT_PACKAGE,
                                   "%s: a drop of %s follower (%s), robust z %.1f, where a "
                                   "typical day brings %+.0f%s.",
                                   "%s: a drop of %s followers (%s), robust z %.1f, where a "
                                   "typical day brings %+.0f%s.",
                                   (gulong) fabs (anomaly->change)),
            when, change, share, anomaly->z, anomaly->typical_change,
            anomaly->found_in == RAPPORT_SERIES_RECONSTRUCTED ? _("; counted from follow dates")
                                                              : "");
      if (anomaly->looks_like_purge)
        para (out, 4, _("It looks like a purge: interactions per post held up after the drop."));
      para (out, 4, _("30 days before → after: median engagement rate %s (n = %u) → %s "
                      "(n = %u); median interactions %s (n = %u) → %s (n = %u)."),
            rate_before, anomaly->n_rate_before, rate_after, anomaly->n_rate_after, before,
            anomaly->n_interactions_before, after, anomaly->n_interactions_after);
    }
}

/* "2 of 3 posts", as the coverage unit defines each figure's sample. */
static char *
coverage_sample (const RapportCoverageItem *item)
{
  switch (item->figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u day with a real total",
                                           "%'u days with a real total", item->n),
                              item->n);
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u follower dated",
                                           "%'u of %'u followers dated", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
    case RAPPORT_FIGURE_IMPRESSIONS:
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u post", "%'u of %'u posts",
                                           item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_RECIPROCITY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u export with both lists",
                                           "%'u of %'u exports with both lists", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_CHURN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u export with followers",
                                           "%'u of %'u exports with followers", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u interaction with a known account",
                                           "%'u interactions with a known account", item->n),
                              item->n);
    }
}

static const char *
coverage_level_title (RapportCoverageLevel level)
{
  switch (level)
    {
    case RAPPORT_COVERAGE_FULL:
      return _("complete");
    case RAPPORT_COVERAGE_PARTIAL:
      return _("partial");
    case RAPPORT_COVERAGE_MISSING:
    default:
      return _("missing");
    }
}

static void
text_coverage (GString             *out,
               const RapportReport *report)
{
  heading (out, _("Data coverage"), '-');
  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);
      g_autofree char *sample = coverage_sample (item);

      para (out, 2, "%s: %s (%s).", rapport_figure_title (figure),
            coverage_level_title (item->level), sample);
      if (item->explanation != NULL)
        para (out, 4, "%s", item->explanation);
    }
}

static void
text_evidence (GString             *out,
               const RapportReport *report,
               const RapportEvidence *evidence)
{
  switch (evidence->kind)
    {
    case RAPPORT_EVIDENCE_DATE_RANGE:
      {
        g_autofree char *start = rapport_coach_day (evidence->start);
        g_autofree char *end = rapport_coach_day (evidence->end);

        if (evidence->start == evidence->end)
          para (out, 8, "%s: %s.", evidence->label, start);
        else
          para (out, 8, _("%s: %s to %s."), evidence->label, start, end);
      }
      break;

    case RAPPORT_EVIDENCE_POSTS:
      {
        g_autoptr(GString) sample = g_string_new (NULL);
        guint shown = MIN (evidence->posts->len, 3);

        for (guint i = 0; i < shown; i++)
          {
            const RapportDatasetPost *post =
              rapport_report_find_post (report, g_array_index (evidence->posts, gint64, i));
            g_autofree char *day = NULL;

            if (post == NULL)
              continue;
            day = rapport_coach_day (post->created_at);
            g_string_append_printf (sample, "%s%s%s%s", sample->len > 0 ? "; " : "", day,
                                    post->url != NULL ? " " : "",
                                    post->url != NULL ? post->url : "");
          }
        if (evidence->posts->len > shown)
          g_string_append_printf (sample, g_dngettext (GETTEXT_PACKAGE, "; and %'u more",
                                                       "; and %'u more",
                                                       evidence->posts->len - shown),
                                  evidence->posts->len - shown);
        para (out, 8, g_dngettext (GETTEXT_PACKAGE, "%s: %'u post (%s).", "%s: %'u posts (%s).",
                                   evidence->posts->len),
              evidence->label, evidence->posts->len, sample->str);
      }
      break;

    case RAPPORT_EVIDENCE_ACCOUNTS:
    default:
      {
        g_autoptr(GString) sample = g_string_new (NULL);
        guint shown = MIN (evidence->accounts->len, TEXT_SAMPLE);

        if (evidence->accounts->len == 1)
          {
            para (out, 8, "%s: %s.", evidence->label,
                  (const char *) g_ptr_array_index (evidence->accounts, 0));
            break;
          }
        for (guint i = 0; i < shown; i++)
          g_string_append_printf (sample, "%s%s", i > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (evidence->accounts, i));
        if (evidence->accounts->len > shown)
          g_string_append_printf (sample, g_dngettext (GETTEXT_PACKAGE, " and %'u more",
                                                       " and %'u more",
                                                       evidence->accounts->len - shown),
                                  evidence->accounts->len - shown);
        para (out, 8, g_dngettext (GETTEXT_PACKAGE, "%s: %'u account (%s).",
                                   "%s: %'u accounts (%s).", evidence->accounts->len),
              evidence->label, evidence->accounts->len, sample->str);
      }
      break;
    }
}

static void
text_suggestions (GString             *out,
                  const RapportReport *report,
                  GPtrArray           *suggestions)
{
  guint n_open = 0;

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->state == RAPPORT_SUGGESTION_OPEN)
        n_open++;
    }

  heading (out, _("Suggestions"), '-');
  if (suggestions->len == 0)
    {
      para (out, 2, _("None: no rule found enough in these exports to suggest anything."));
      return;
    }
  para (out, 2, _("%'u open, %'u dismissed or done; most important first."), n_open,
        suggestions->len - n_open);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *number = g_strdup_printf ("%2u.", i + 1);
      const char *state = "";

      if (suggestion->state == RAPPORT_SUGGESTION_DISMISSED)
        state = _("[dismissed] ");
      else if (suggestion->state == RAPPORT_SUGGESTION_DONE)
        state = _("[done] ");

      g_string_append_c (out, '\n');
      para (out, 2, "%s %s%s", number, state, suggestion->title);
      /* Translators: category, confidence label and value, the n it rests on, priority. */
      para (out, 6, _("%s · confidence %s (%.2f, n = %u) · priority %.0f"),
            rapport_suggestion_category_title (suggestion->category),
            rapport_confidence_to_string (suggestion->confidence_label), suggestion->confidence,
            suggestion->n, suggestion->priority);
      para (out, 6, "%s", suggestion->explanation);
      para (out, 6, _("→ %s"), suggestion->action);
      para (out, 6, _("Evidence:"));
      for (guint e = 0; e < MIN (suggestion->evidence->len, TEXT_EVIDENCE); e++)
        text_evidence (out, report, g_ptr_array_index (suggestion->evidence, e));
      if (suggestion->evidence->len > TEXT_EVIDENCE)
        para (out, 8, g_dngettext (GETTEXT_PACKAGE, "… and %'u more (see --json).",
                                   "… and %'u more (see --json).",
                                   suggestion->evidence->len - TEXT_EVIDENCE),
              suggestion->evidence->len - TEXT_EVIDENCE);
    }
}

char *
rapport_report_print_text (const RapportReport *report,
                           GPtrArray           *suggestions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (suggestions != NULL, NULL);

  text_header (out, report);
  text_series (out, report);
  text_engagement (out, report);
  text_reciprocity (out, report);
  text_churn (out, report);
  text_hashtags (out, report);
  text_collaborations (out, report);
  text_cadence (out, report);
  text_anomalies (out, report);
  text_coverage (out, report);
  text_suggestions (out, report, suggestions);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
