/* rapport-report-text-audience.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of the text report on followers: their number over time, reciprocity, who came
 * and went between exports, and jumps and drops.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>

#include "analysis/rapport-since-export.h"
#include "cli/rapport-report-text-private.h"
#include "core/rapport-format.h"

/* Real follower totals named in the text. */
#define TEXT_REAL_TOTALS 8
/* Follower events printed in full. */
#define TEXT_ANOMALIES 8

/* "@ana, @bo, @cy and 42 more" from indices into @people (guint32, or RapportMutual whose
 * follower index is used when @mutuals), named as on @report's platform. */
static char *
sample_people (const RapportReport *report,
               const RapportPeople *people,
               const GArray        *indices,
               gboolean             mutuals)
{
  RapportPlatform platform = report->dataset != NULL ? report->dataset->platform
                                                     : RAPPORT_PLATFORM_UNKNOWN;
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (indices->len, RAPPORT_REPORT_TEXT_SAMPLE);

  for (guint i = 0; i < shown; i++)
    {
      guint32 index = mutuals ? g_array_index (indices, RapportMutual, i).follower
                              : g_array_index (indices, guint32, i);
      const RapportPerson *person = &people->items[index];
      g_autofree char *name = NULL;

      if (person->handle != NULL)
        name = rapport_format_name (platform, person->handle);
      else
        /* Translators: an account known only by its numeric id. */
        name = g_strdup_printf (_("id %s"), person->who);
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
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
    case RAPPORT_COUNT_SOURCE_ANALYTICS:
      return _("analytics export");
    case RAPPORT_COUNT_SOURCE_RECONSTRUCTION:
    default:
      return _("rebuilt from follow dates");
    }
}

/* The daily follows of analytics exports: what they add up to, and whether a total carries
 * them (then they are in the series) or not (then they are follows per day only). */
static void
text_gains (GString             *out,
            const RapportReport *report)
{
  const RapportGainSummary *gains = &report->gains;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *gained = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *counted = NULL;

  if (gains->n_days == 0)
    return;
  first_day = rapport_format_day (gains->first_day);
  last_day = rapport_format_day (gains->last_day);
  gained = rapport_format_count (gains->gained);
  if (gains->lost != RAPPORT_COUNT_UNKNOWN)
    {
      lost = rapport_format_count (gains->lost);
      /* Translators: "+120 new and 30 lost followers" */
      counted = g_strdup_printf (_("+%s new and %s lost followers"), gained, lost);
    }
  else
    /* Translators: "+120 new followers (unfollows not counted)" */
    counted = g_strdup_printf (_("+%s new followers (unfollows not counted)"), gained);
  /* Translators: "Analytics exports counted 31 days from 1 May 2026 to 31 May 2026: …" */
  rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                 "Analytics exports counted %'u day from %s to "
                                                 "%s: %s.",
                                                 "Analytics exports counted %'u days from %s to "
                                                 "%s: %s.", gains->n_days),
                            gains->n_days, first_day, last_day, counted);
  if (gains->n_anchored > 0)
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "%'u day of the series carried from a real "
                                                   "total along them.",
                                                   "%'u days of the series carried from a real "
                                                   "total along them.", gains->n_anchored),
                              gains->n_anchored);
  else
    rapport_report_text_para (out, 2, _("No real total lies within a day of them, so they are "
                                        "follows per day, not a follower count: an account "
                                        "export made in their range would anchor them."));
}

void
rapport_report_text_series (GString             *out,
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
  guint n_real;
  guint n_rebuilt;
  guint n_interpolated;

  rapport_report_text_heading (out, _("Followers"), '-');
  if (points->len == 0)
    {
      text_gains (out, report);
      rapport_report_text_not_available (out, report, RAPPORT_FIGURE_FOLLOWER_HISTORY);
      return;
    }

  first = &g_array_index (points, RapportSeriesPoint, 0);
  last = &g_array_index (points, RapportSeriesPoint, points->len - 1);
  n_real = rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_REAL);
  n_rebuilt = rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_RECONSTRUCTED);
  n_interpolated = rapport_follower_series_count_kind (report->series, RAPPORT_SERIES_INTERPOLATED);
  first_day = rapport_format_day (first->day);
  last_day = rapport_format_day (last->day);
  first_count = rapport_format_count (first->followers);
  last_count = rapport_format_count (last->followers);
  difference = rapport_format_signed_count (last->followers - first->followers);
  /* A percentage of a tiny rebuilt start ("at least 1") says nothing: only from 100 on. */
  change = rapport_format_change (first->followers >= 100
                                 ? (last->followers - first->followers) / first->followers : NAN);
  if (points->len == 1)
    /* Translators: followers on the one day the exports give. */
    rapport_report_text_para (out, 2, _("%s on %s, the one day with a follower figure."),
                              last_count, last_day);
  else
    /* Translators: followers on the first and last day of the series, then the change. */
    rapport_report_text_para (out, 2, _("%s%s on %s, %s on %s: %s (%s)."),
                              first->lower_bound ? _("at least ") : "", first_count, first_day,
                              last_count, last_day, difference, change);
  rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                 "Daily series of %'u day: %'u with a real total, "
                                                 "%'u rebuilt from follow dates (lower bounds), "
                                                 "%'u interpolated between real totals.",
                                                 "Daily series of %'u days: %'u with a real total, "
                                                 "%'u rebuilt from follow dates (lower bounds), "
                                                 "%'u interpolated between real totals.",
                                                 points->len),
                            points->len, n_real, n_rebuilt, n_interpolated);

  /* The newest real totals say most: name the last few, oldest first. */
  for (guint i = 0, seen = 0; i < points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, i);
      g_autofree char *day = NULL;
      g_autofree char *count = NULL;

      if (point->kind != RAPPORT_SERIES_REAL || ++seen + TEXT_REAL_TOTALS <= n_real)
        continue;
      day = rapport_format_day (point->day);
      count = rapport_format_count (point->followers);
      g_string_append_printf (reals, "%s%s %s (%s)", reals->len > 0 ? "; " : "", day, count,
                              count_source_title (point->source));
    }
  if (n_real > TEXT_REAL_TOTALS)
    rapport_report_text_para (out, 2, _("Real totals, the newest %u: %s."), TEXT_REAL_TOTALS,
                              reals->str);
  else if (n_real > 0)
    rapport_report_text_para (out, 2, _("Real totals: %s."), reals->str);
  text_gains (out, report);
  if (rapport_coverage_get (report->coverage, RAPPORT_FIGURE_FOLLOWER_HISTORY)->level
      != RAPPORT_COVERAGE_FULL)
    rapport_report_text_not_available (out, report, RAPPORT_FIGURE_FOLLOWER_HISTORY);
}

/* X/Twitter's lists give ids only: how many of them the archive's own posts name. */
static void
text_named_ids (GString             *out,
                const RapportReport *report)
{
  const RapportNamedIds *followers = &report->named_followers;
  const RapportNamedIds *following = &report->named_following;

  /* Other platforms' lists name every account they give an id for (YouTube's subscriptions). */
  if (report->dataset == NULL || report->dataset->platform != RAPPORT_PLATFORM_TWITTER)
    return;
  if (followers->n_with_id > 0)
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "%'zu of %'zu follower named from your own "
                                                   "mentions and replies (the list has ids only).",
                                                   "%'zu of %'zu followers named from your own "
                                                   "mentions and replies (the list has ids only).",
                                                   followers->n_with_id),
                              followers->n_named, followers->n_with_id);
  if (following->n_with_id > 0)
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "%'zu of %'zu account you follow named from "
                                                   "your own mentions and replies (the list has "
                                                   "ids only).",
                                                   "%'zu of %'zu accounts you follow named from "
                                                   "your own mentions and replies (the list has "
                                                   "ids only).",
                                                   following->n_with_id),
                              following->n_named, following->n_with_id);
}

void
rapport_report_text_reciprocity (GString             *out,
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
      rapport_report_text_heading (out, _("Reciprocity"), '-');
      text_named_ids (out, report);
      rapport_report_text_not_available (out, report, RAPPORT_FIGURE_RECIPROCITY);
      return;
    }

  if (reciprocity->same_snapshot && reciprocity->followers_snapshot != NULL)
    {
      g_autofree char *day = rapport_format_day (reciprocity->followers_snapshot->exported_at);

      /* Translators: %s is a date. */
      title = g_strdup_printf (_("Reciprocity (lists of the export of %s)"), day);
    }
  else
    title = g_strdup (_("Reciprocity (lists of two different exports)"));
  rapport_report_text_heading (out, title, '-');
  text_named_ids (out, report);

  /* A LinkedIn list is of connections, each both ways: nothing to follow back. */
  if (report->dataset != NULL &&
      !rapport_platform_lists_count_followers (report->dataset->platform))
    {
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "Connections %'zu: a connection is one "
                                                     "request accepted, so it goes both ways.",
                                                     "Connections %'zu: a connection is one "
                                                     "request accepted, so each goes both ways.",
                                                     reciprocity->n_followers),
                                reciprocity->n_followers);
      return;
    }
  rapport_report_text_para (out, 2, _("Followers %'zu · following %'zu · mutuals %'zu · fans (you "
                                      "do not follow back) %'zu · not following you back %'zu."),
                            reciprocity->n_followers, reciprocity->n_following,
                            reciprocity->n_mutuals, reciprocity->n_fans,
                            reciprocity->n_not_following_back);
  ratio = rapport_format_percent (reciprocity->follow_back_ratio);
  rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                 "Follow-back ratio: %s — %'zu of the %'zu "
                                                 "accounts you follow follows you back.",
                                                 "Follow-back ratio: %s — %'zu of the %'zu "
                                                 "accounts you follow follow you back.",
                                                 reciprocity->n_mutuals),
                            ratio, reciprocity->n_mutuals, reciprocity->n_following);

  if (reciprocity->n_mutuals == 0)
    rapport_report_text_para (out, 2, _("Follow-for-follow pairs: none, you have no mutuals."));
  else if (reciprocity->n_mutuals_dated == 0)
    {
      const char *explanation =
        rapport_report_text_coverage_explanation (report, RAPPORT_FIGURE_FOLLOW_DATES);

      rapport_report_text_para (out, 2, _("Follow-for-follow pairs: not available. %s"),
                                explanation);
    }
  else
    {
      f4f_followers = rapport_format_percent (reciprocity->f4f_share_of_followers);
      f4f_mutuals = rapport_format_percent (reciprocity->f4f_share_of_mutuals);
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "Follow-for-follow pairs (both follows within "
                                                     "72 hours): %'zu — %s of followers, %s of the "
                                                     "%'zu mutual with both follow dates.",
                                                     "Follow-for-follow pairs (both follows within "
                                                     "72 hours): %'zu — %s of followers, %s of the "
                                                     "%'zu mutuals with both follow dates.",
                                                     reciprocity->n_mutuals_dated),
                                reciprocity->n_f4f_pairs, f4f_followers, f4f_mutuals,
                                reciprocity->n_mutuals_dated);
    }
  share = rapport_format_percent (reciprocity->reciprocal_share);
  rapport_report_text_para (out, 2, _("Followers who may follow you only in return: between %s "
                                      "(the follow-for-follow pairs) and %s (every mutual)."),
                            f4f_followers != NULL ? f4f_followers : RAPPORT_FORMAT_NONE, share);
  if (report->dataset != NULL && report->dataset->kept->len > 0)
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "Kept on purpose: %'zu account, of which "
                                                   "%'zu do not follow you back and are left out "
                                                   "of the review: %'zu to review.",
                                                   "Kept on purpose: %'zu accounts, of which "
                                                   "%'zu do not follow you back and are left out "
                                                   "of the review: %'zu to review.",
                                                   report->dataset->kept->len),
                              report->dataset->kept->len,
                              reciprocity->n_not_following_back_kept,
                              reciprocity->n_not_following_back_unkept);
  if (reciprocity->not_following_back_unkept->len > 0)
    {
      g_autofree char *names = sample_people (report, reciprocity->following,
                                              reciprocity->not_following_back_unkept, FALSE);

      rapport_report_text_para (out, 2, _("Not following you back: %s."), names);
    }
  if (reciprocity->f4f_pairs->len > 0)
    {
      g_autofree char *names = sample_people (report, reciprocity->followers,
                                              reciprocity->f4f_pairs, TRUE);

      rapport_report_text_para (out, 2, _("Follow-for-follow pairs: %s."), names);
    }
}

void
rapport_report_text_churn (GString             *out,
                           const RapportReport *report)
{
  rapport_report_text_heading (out, rapport_figure_title (RAPPORT_FIGURE_CHURN,
                                                          report->dataset->platform), '-');
  if (report->churn->steps->len == 0)
    {
      rapport_report_text_not_available (out, report, RAPPORT_FIGURE_CHURN);
      return;
    }
  for (guint s = 0; s < report->churn->steps->len; s++)
    {
      const RapportChurnStep *step = g_ptr_array_index (report->churn->steps, s);
      g_autofree char *older = rapport_format_day (step->older->exported_at);
      g_autofree char *newer = rapport_format_day (step->newer->exported_at);

      if (!rapport_platform_lists_count_followers (report->dataset->platform))
        /* Translators: two dates, sizes of LinkedIn's list of connections, then gained, lost
         * and renamed connections. */
        rapport_report_text_para (out, 2, _("%s → %s: %'zu → %'zu connections; %'" PRIu64
                                            " gained, %'" PRIu64 " lost, %'" PRIu64 " renamed."),
                                  older, newer, step->n_older, step->n_newer, step->n_gained,
                                  step->n_lost, step->n_renamed);
      else
        /* Translators: two dates, list sizes, then gained, lost and renamed followers. */
        rapport_report_text_para (out, 2, _("%s → %s: %'zu → %'zu followers; %'" PRIu64
                                            " gained, %'" PRIu64 " lost, %'" PRIu64
                                            " renamed."),
                                  older, newer, step->n_older, step->n_newer, step->n_gained,
                                  step->n_lost, step->n_renamed);
      /* An older step is kept as counts: who came and went is named for the newest. */
      if (step->newer_people == NULL)
        {
          if (step->n_refollowed > 0)
            rapport_report_text_para (out, 4, _("Unfollowed and followed again (counted as lost "
                                                "and as gained): %'" PRIu64 "."),
                                      step->n_refollowed);
          if (step->following_snapshot != NULL)
            rapport_report_text_para (out, 4, _("Dropped you after a follow-back (lost, though "
                                                "you still follow them): %'" PRIu64 "."),
                                      step->n_dropped_after_follow_back);
          continue;
        }
      if (step->gained->len > 0)
        {
          g_autofree char *names = sample_people (report, step->newer_people, step->gained, FALSE);

          rapport_report_text_para (out, 4, _("Gained: %s."), names);
        }
      if (step->lost->len > 0)
        {
          g_autofree char *names = sample_people (report, step->older_people, step->lost, FALSE);

          rapport_report_text_para (out, 4, _("Lost: %s."), names);
        }
      if (step->refollowed->len > 0)
        {
          g_autofree char *names = sample_people (report, step->newer_people,
                                                  step->refollowed, FALSE);

          rapport_report_text_para (out, 4, _("Unfollowed and followed again (counted as lost "
                                              "and as gained): %'u — %s."),
                                    step->refollowed->len, names);
        }
      if (step->following_snapshot == NULL)
        {
          g_autofree char *why = rapport_since_export_explain_dropped (step, TRUE);

          /* Translators: %s says why, "neither export lists the accounts you follow". */
          rapport_report_text_para (out, 4, _("Dropped you after a follow-back: not available, "
                                              "%s."), why);
        }
      else if (step->dropped_after_follow_back->len == 0)
        rapport_report_text_para (out, 4, _("Dropped you after a follow-back (lost, though you "
                                            "still follow them): none."));
      else
        {
          g_autofree char *names = sample_people (report, step->older_people,
                                                  step->dropped_after_follow_back, FALSE);

          rapport_report_text_para (out, 4, _("Dropped you after a follow-back (lost, though you "
                                              "still follow them): %'u — %s."),
                                    step->dropped_after_follow_back->len, names);
        }
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

void
rapport_report_text_anomalies (GString             *out,
                               const RapportReport *report)
{
  g_autofree gboolean *shown = NULL;

  rapport_report_text_heading (out, _("Follower jumps and drops"), '-');
  if (report->series->points->len <= RAPPORT_ANOMALY_MIN_CHANGES)
    {
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "Not checked: it takes %u daily changes of "
                                                     "the follower series, and the series has %u "
                                                     "day.",
                                                     "Not checked: it takes %u daily changes of "
                                                     "the follower series, and the series has %u "
                                                     "days.",
                                                     report->series->points->len),
                                RAPPORT_ANOMALY_MIN_CHANGES, report->series->points->len);
      return;
    }
  if (report->anomalies->len == 0)
    {
      rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                     "None: no day of the %'u-day series stands "
                                                     "out (robust z of 3.5 or more).",
                                                     "None: no day of the %'u-day series stands "
                                                     "out (robust z of 3.5 or more).",
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
    rapport_report_text_para (out, 2, g_dngettext (GETTEXT_PACKAGE,
                                                   "%'u event; the %u largest:",
                                                   "%'u events; the %u largest:",
                                                   report->anomalies->len),
                              report->anomalies->len, TEXT_ANOMALIES);

  for (guint i = 0; i < report->anomalies->len; i++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, i);
      g_autofree char *start = rapport_format_day (anomaly->start);
      g_autofree char *end = rapport_format_day (anomaly->end);
      g_autofree char *change = rapport_format_signed_count (anomaly->change);
      g_autofree char *share = rapport_format_change (anomaly->followers_before > 0
                                                     ? anomaly->change / anomaly->followers_before
                                                     : NAN);
      g_autofree char *rate_before = rapport_format_percent (anomaly->rate_before);
      g_autofree char *rate_after = rapport_format_percent (anomaly->rate_after);
      g_autofree char *before = rapport_format_count (anomaly->interactions_before);
      g_autofree char *after = rapport_format_count (anomaly->interactions_after);
      g_autofree char *when = anomaly->n_days == 1 ? g_strdup (start)
                                                   /* Translators: a range of two dates. */
                                                   : g_strdup_printf (_("%s to %s"), start, end);

      if (!shown[i])
        continue;

      /* Translators: an event: its dates, then the change of followers in number and in
       * percent, the robust z of its most extreme day and the change of a typical day. */
      rapport_report_text_para (out, 2, anomaly->kind == RAPPORT_ANOMALY_JUMP
                                        ? g_dngettext (GETTEXT_PACKAGE,
                                                       "%s: a jump of %s follower (%s), robust z "
                                                       "%.1f, where a typical day brings %+.0f%s.",
                                                       "%s: a jump of %s followers (%s), robust z "
                                                       "%.1f, where a typical day brings %+.0f%s.",
                                                       (gulong) fabs (anomaly->change))
                                        : g_dngettext (GETTEXT_PACKAGE,
                                                       "%s: a drop of %s follower (%s), robust z "
                                                       "%.1f, where a typical day brings %+.0f%s.",
                                                       "%s: a drop of %s followers (%s), robust z "
                                                       "%.1f, where a typical day brings %+.0f%s.",
                                                       (gulong) fabs (anomaly->change)),
                                when, change, share, anomaly->z, anomaly->typical_change,
                                anomaly->found_in == RAPPORT_SERIES_RECONSTRUCTED
                                ? _("; counted from follow dates") : "");
      if (anomaly->looks_like_purge)
        rapport_report_text_para (out, 4, _("It looks like a purge: interactions per post held up "
                                            "after the drop."));
      rapport_report_text_para (out, 4, _("30 days before → after: median engagement rate %s "
                                          "(n = %u) → %s (n = %u); median interactions %s (n = %u) "
                                          "→ %s (n = %u)."),
                                rate_before, anomaly->n_rate_before, rate_after,
                                anomaly->n_rate_after, before, anomaly->n_interactions_before,
                                after, anomaly->n_interactions_after);
    }
}

void
rapport_report_text_since_export (GString             *out,
                                  const RapportReport *report)
{
  g_autoptr(RapportSinceExport) since = rapport_since_export_compute (report->dataset,
                                                                      report->churn);
  const RapportChurnStep *step = since->step;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;

  rapport_report_text_heading (out, _("Since your last export"), '-');
  if (step == NULL)
    {
      g_autofree char *why = rapport_since_export_explain (since, report->coverage, TRUE);

      rapport_report_text_para (out, 2, "%s", why);
      return;
    }

  older = rapport_format_day (step->older->exported_at);
  newer = rapport_format_day (step->newer->exported_at);
  /* Translators: the two exports compared, their dates and follower counts. */
  rapport_report_text_para (out, 2, _("From %s to %s, %'zu followers became %'zu."),
                            older, newer, step->n_older, step->n_newer);
  rapport_report_text_para (out, 4, _("New followers: %'" PRIu64 "."), step->n_gained);
  rapport_report_text_para (out, 4, _("Lost followers: %'" PRIu64 "."), step->n_lost);
  if (rapport_since_export_knows_dropped (since))
    rapport_report_text_para (out, 4, _("Dropped after follow-back: %'" PRIu64 "."),
                              step->n_dropped_after_follow_back);
  else
    {
      g_autofree char *why = rapport_since_export_explain_dropped (step, TRUE);

      /* Translators: %s says why, "neither export lists the accounts you follow". */
      rapport_report_text_para (out, 4, _("Dropped after follow-back: unknown, %s."), why);
    }
  rapport_report_text_para (out, 4, _("Renamed (the same account under a new name): %'"
                                      PRIu64 "."), step->n_renamed);
}
