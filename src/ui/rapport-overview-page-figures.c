/* rapport-overview-page-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's four key figures of the selected days: followers, the median engagement
 * rate, posts per week and the follow-back ratio, each with its change, its sample and, where
 * it is missing, why.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "core/rapport-stats.h"
#include "ui/rapport-overview-page-private.h"

/* ── formatting ─────────────────────────────────────────────────────────────────────────── */

/* "13" for whole numbers, "52.1" otherwise. */
static char *
format_weeks (double weeks)
{
  if (fabs (weeks - round (weeks)) < 0.05)
    return g_strdup_printf ("%.0f", weeks);
  return g_strdup_printf ("%.1f", weeks);
}

static const char *
coverage_explanation (const RapportReport *report,
                      RapportFigure        figure)
{
  const RapportCoverageItem *item;

  if (report == NULL || report->coverage == NULL)
    return NULL;
  item = rapport_coverage_get (report->coverage, figure);

  return item != NULL ? item->explanation : NULL;
}

/* The index range of the follower days within the selected range; FALSE when none is. */
static gboolean
followers_in_range (RapportOverviewPage *self,
                    guint               *first,
                    guint               *last)
{
  GArray *days = self->followers;
  gint64 start;
  gint64 end;

  if (days->len == 0)
    return FALSE;

  /* The series has one point per day, without gaps. */
  start = MAX (self->range_start, g_array_index (days, FollowerDay, 0).day);
  end = MIN (self->range_end, g_array_index (days, FollowerDay, days->len - 1).day);
  if (end < start)
    return FALSE;

  *first = (guint) ((start - g_array_index (days, FollowerDay, 0).day) / DAY);
  *last = (guint) ((end - g_array_index (days, FollowerDay, 0).day) / DAY);

  return TRUE;
}

/* ── key figures ────────────────────────────────────────────────────────────────────────── */

typedef enum
{
  TREND_NONE,
  TREND_GOOD,
  TREND_BAD,
} Trend;

static void
set_figure (GtkWidget  *card,
            GtkLabel   *value,
            GtkLabel   *change,
            GtkLabel   *detail,
            const char *value_text,
            const char *change_text,
            Trend       trend,
            const char *detail_text,
            const char *why_missing)
{
  gtk_label_set_text (value, value_text);

  if (change != NULL)
    {
      gtk_label_set_text (change, change_text != NULL ? change_text : "");
      gtk_widget_set_visible (GTK_WIDGET (change), change_text != NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (change), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (change), "error");
      if (trend == TREND_GOOD)
        gtk_widget_add_css_class (GTK_WIDGET (change), "success");
      else if (trend == TREND_BAD)
        gtk_widget_add_css_class (GTK_WIDGET (change), "error");
    }

  gtk_label_set_text (detail, detail_text != NULL ? detail_text : "");
  gtk_widget_set_visible (GTK_WIDGET (detail), detail_text != NULL && detail_text[0] != '\0');

  /* "—" says nothing on its own: the tooltip says why. */
  gtk_widget_set_tooltip_text (card, why_missing);
}

static void
update_followers_figure (RapportOverviewPage *self)
{
  const RapportReport *report = rapport_analysis_get_report (self->analysis);
  const FollowerDay *from;
  const FollowerDay *to;
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *since = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *percent = NULL;
  guint first;
  guint last;
  guint n_real = 0;

  if (!followers_in_range (self, &first, &last))
    {
      const char *why = self->followers->len == 0
        ? coverage_explanation (report, RAPPORT_FIGURE_FOLLOWER_HISTORY)
        : _("There are no follower figures for these days.");

      set_figure (self->followers_card, self->followers_value, self->followers_change,
                  self->followers_detail, RAPPORT_FORMAT_NONE, NULL, TREND_NONE, NULL,
                  why != NULL ? why : _("The exports give no follower figures for this account."));
      return;
    }

  from = &g_array_index (self->followers, FollowerDay, first);
  to = &g_array_index (self->followers, FollowerDay, last);
  for (guint i = first; i <= last; i++)
    if (g_array_index (self->followers, FollowerDay, i).kind == RAPPORT_SERIES_REAL)
      n_real++;

  value = rapport_format_count (to->followers);
  if (to->lower_bound)
    {
      char *at_least = g_strdup_printf (_("≥ %s"), value);

      g_free (value);
      value = at_least;
    }

  since = rapport_format_day (from->day);
  if (last > first)
    {
      difference = rapport_format_signed_count (to->followers - from->followers);
      /* A percentage of a handful of followers says nothing. */
      if (from->followers >= RAPPORT_DIVERGENCE_MIN_FOLLOWERS)
        {
          percent = rapport_format_change ((to->followers - from->followers) / from->followers);
          /* Translators: a change of followers and the same in percent, "+335 (+15.8 %)". */
          change = g_strdup_printf (_("%s (%s)"), difference, percent);
        }
      else
        change = g_strdup (difference);
    }

  if (rapport_analysis_is_all_accounts (self->analysis))
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Since %s; the sum of %u account",
                                           "Since %s; the sum of %u accounts",
                                           rapport_analysis_get_n_children (self->analysis)),
                              since, rapport_analysis_get_n_children (self->analysis));
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Since %s; %u real total",
                                           "Since %s; %u real totals",
                                           n_real),
                              since, n_real);

  if (from->lower_bound || to->lower_bound)
    {
      char *longer = g_strconcat (detail, "\n",
                                  _("Partly rebuilt from follow dates: a lower bound"), NULL);

      g_free (detail);
      detail = longer;
    }

  set_figure (self->followers_card, self->followers_value, self->followers_change,
              self->followers_detail, value, change,
              change == NULL ? TREND_NONE
                             : to->followers >= from->followers ? TREND_GOOD : TREND_BAD,
              detail, NULL);
}

static void
update_rate_figure (RapportOverviewPage *self)
{
  const RapportReport *report = rapport_analysis_get_report (self->analysis);
  g_autoptr(GArray) rates = NULL;
  g_autoptr(RapportDivergence) divergence = NULL;
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;
  g_autofree char *detail = NULL;
  gint64 end = self->range_end + DAY;
  gint64 first_post = 0;
  gint64 last_post = 0;
  guint n_unreliable = 0;
  Trend trend = TREND_NONE;

  if (report == NULL)
    {
      set_figure (self->rate_card, self->rate_value, self->rate_change, self->rate_detail,
                  RAPPORT_FORMAT_NONE, NULL, TREND_NONE, _("Per account, below"),
                  _("Engagement rates are not comparable across platforms, so each account’s "
                    "median is listed with the account."));
      return;
    }

  rates = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry =
        &g_array_index (report->per_post, RapportPostEngagement, i);
      gint64 t = entry->post->created_at;

      if (isnan (entry->rate) || t < self->range_start || t >= end)
        continue;
      if (rates->len == 0)
        first_post = t;
      last_post = t;
      g_array_append_val (rates, entry->rate);
      if (entry->rate_unreliable)
        n_unreliable++;
    }

  if (rates->len == 0)
    {
      const char *why;

      if (report->engagement.n_with_rate > 0)
        why = _("No post of these days has an engagement rate.");
      else if (report->engagement.n_with_interactions == 0)
        why = coverage_explanation (report, RAPPORT_FIGURE_POST_ENGAGEMENT);
      else
        why = _("No post has an engagement rate: the exports give no follower figure for the "
                "days of the posts.");

      set_figure (self->rate_card, self->rate_value, self->rate_change, self->rate_detail,
                  RAPPORT_FORMAT_NONE, NULL, TREND_NONE, NULL,
                  why != NULL ? why
                              : _("The exports give no interactions for this account’s posts."));
      return;
    }

  value = rapport_format_percent (rapport_stats_median ((double *) rates->data, rates->len));

  /* The change: the median of the first window of these posts against the last one, as the
   * analysis defines it (rapport_engagement_divergence()). */
  if (rapport_day_of (last_post) > rapport_day_of (first_post))
    divergence = rapport_engagement_divergence (report->per_post, report->series,
                                                first_post, last_post);

  /* A change in percent only on enough posts at each end and on rates that can be stated
   * (RAPPORT_HEADLINE_MIN_POSTS, RAPPORT_RATE_RELIABLE_MAX). */
  if (divergence != NULL && !isnan (divergence->rate_change) && !isnan (divergence->median_after)
      && (divergence->n_before < RAPPORT_HEADLINE_MIN_POSTS
          || divergence->n_after < RAPPORT_HEADLINE_MIN_POSTS
          || divergence->median_before > RAPPORT_RATE_RELIABLE_MAX
          || divergence->median_after > RAPPORT_RATE_RELIABLE_MAX))
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "n = %u post; first and last %u days: n = %u and %u, "
                                           "too few or too unreliable for a change (it takes %u "
                                           "at each end, at most 100 %%)",
                                           "n = %u posts; first and last %u days: n = %u and %u, "
                                           "too few or too unreliable for a change (it takes %u "
                                           "at each end, at most 100 %%)",
                                           rates->len),
                              rates->len, divergence->window_days,
                              divergence->n_before, divergence->n_after,
                              RAPPORT_HEADLINE_MIN_POSTS);
  else if (divergence != NULL && !isnan (divergence->rate_change)
           && !isnan (divergence->median_after))
    {
      g_autofree char *difference = rapport_format_change (divergence->rate_change / 100);
      g_autofree char *before = rapport_format_percent (divergence->median_before);
      g_autofree char *after = rapport_format_percent (divergence->median_after);

      /* Translators: a change of the median engagement rate and the two medians,
       * "−7.1 % (7.0 % → 6.5 %)". */
      change = g_strdup_printf (_("%s (%s → %s)"), difference, before, after);
      trend = divergence->rate_change >= 0 ? TREND_GOOD : TREND_BAD;
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "n = %u post; first and last %u days: n = %u and %u",
                                             "n = %u posts; first and last %u days: n = %u and %u",
                                             rates->len),
                                rates->len, divergence->window_days,
                                divergence->n_before, divergence->n_after);
    }
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "n = %u post", "n = %u posts",
                                           rates->len),
                              rates->len);

  if (n_unreliable > 0)
    {
      char *flagged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s\n%u rate flagged as unreliable: above "
                                                    "100 %%, or over a rebuilt count under %u "
                                                    "followers",
                                                    "%s\n%u rates flagged as unreliable: above "
                                                    "100 %%, or over a rebuilt count under %u "
                                                    "followers",
                                                    n_unreliable),
                                       detail, n_unreliable, RAPPORT_HEADLINE_MIN_FOLLOWERS);

      g_free (detail);
      detail = flagged;
    }

  set_figure (self->rate_card, self->rate_value, self->rate_change, self->rate_detail,
              value, change, trend, detail,
              change == NULL ? _("Too few posts with a rate in this range to tell a change.")
                             : NULL);
}

/* The week of @t, counted in Mondays since 5 January 1970 (a Monday), rounding down. */
static gint64
week_of (gint64 t)
{
  gint64 days = rapport_day_of (t) / DAY - 4;

  return days >= 0 ? days / 7 : -((-days + 6) / 7);
}

/* Calendar weeks (Monday to Sunday, UTC) from the week of @first to the week of @last. */
static guint
calendar_weeks (gint64 first,
                gint64 last)
{
  return (guint) (week_of (last) - week_of (first) + 1);
}

static void
update_posts_figure (RapportOverviewPage *self)
{
  const RapportReport *report = rapport_analysis_get_report (self->analysis);
  GArray *times = self->post_times;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *weeks_text = NULL;
  guint first;
  guint end;
  guint n;
  double weeks;

  if (times->len == 0)
    {
      set_figure (self->posts_card, self->posts_value, NULL, self->posts_detail,
                  RAPPORT_FORMAT_NONE, NULL, TREND_NONE, NULL, _("The exports hold no posts."));
      return;
    }

  first = _rapport_overview_times_lower_bound (times, self->range_start);
  end = _rapport_overview_times_lower_bound (times, self->range_end + DAY);
  n = end - first;

  /* Over a range that holds every post, the weeks from the first post to the last, as the
   * analysis counts them: weeks before the first post would only thin the figure out. */
  if (first == 0 && end == times->len)
    {
      if (report != NULL && report->cadence->n_weeks > 0)
        weeks = report->cadence->n_weeks;
      else
        weeks = calendar_weeks (g_array_index (times, gint64, 0),
                                g_array_index (times, gint64, times->len - 1));
    }
  else
    weeks = ((self->range_end - self->range_start) / DAY + 1) / 7.0;

  /* A slow rhythm as weeks between posts ("1 every 32 weeks"), never "0.0". */
  if (report != NULL && first == 0 && end == times->len && !isnan (report->cadence->posts_per_week))
    value = rapport_format_per_week (report->cadence->posts_per_week);
  else
    value = rapport_format_per_week (n / weeks);

  weeks_text = format_weeks (weeks);
  /* "in 1 weeks" would read wrong; the number of weeks is text, so no plural form picks it. */
  if (g_strcmp0 (weeks_text, "1") == 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "n = %u post in one week",
                                           "n = %u posts in one week", n), n);
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "n = %u post in %s weeks",
                                           "n = %u posts in %s weeks", n),
                              n, weeks_text);

  set_figure (self->posts_card, self->posts_value, NULL, self->posts_detail, value, NULL,
              TREND_NONE, detail, NULL);
}

static void
update_follow_back_figure (RapportOverviewPage *self)
{
  const RapportReport *report = rapport_analysis_get_report (self->analysis);
  const RapportReciprocity *reciprocity;
  g_autofree char *value = NULL;
  g_autofree char *mutuals = NULL;
  g_autofree char *following = NULL;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;

  gtk_label_set_text (self->follow_back_title, _("Follow-Back Ratio"));
  if (report == NULL)
    {
      set_figure (self->follow_back_card, self->follow_back_value, NULL,
                  self->follow_back_detail, RAPPORT_FORMAT_NONE, NULL, TREND_NONE,
                  _("Per account, below"),
                  _("Each account has followers and following of its own, so each account’s "
                    "ratio is listed with the account."));
      return;
    }

  /* Before the analysis is complete, its counts: the ratio needs no names. */
  reciprocity = rapport_analysis_get_reciprocity (self->analysis);
  if (reciprocity == NULL)
    {
      const char *why = coverage_explanation (report, RAPPORT_FIGURE_RECIPROCITY);

      set_figure (self->follow_back_card, self->follow_back_value, NULL,
                  self->follow_back_detail, RAPPORT_FORMAT_NONE, NULL, TREND_NONE, NULL,
                  why != NULL ? why : _("The exports lack a follower or a following list."));
      return;
    }

  /* A LinkedIn connection is one request accepted: it goes both ways, so the card counts
   * them rather than give a ratio of 100 % by definition. */
  if (!rapport_platform_lists_count_followers (
        rapport_analysis_get_account (self->analysis)->platform))
    {
      value = rapport_format_count (reciprocity->n_followers);
      date = rapport_format_day (reciprocity->followers_snapshot->exported_at);
      /* Translators: %s is a date. */
      detail = g_strdup_printf (_("Each both ways; export of %s"), date);
      gtk_label_set_text (self->follow_back_title, _("Connections"));
      set_figure (self->follow_back_card, self->follow_back_value, NULL,
                  self->follow_back_detail, value, NULL, TREND_NONE, detail, NULL);
      return;
    }

  if (reciprocity->n_following == 0)
    {
      set_figure (self->follow_back_card, self->follow_back_value, NULL,
                  self->follow_back_detail, RAPPORT_FORMAT_NONE, NULL, TREND_NONE, NULL,
                  _("You follow nobody, so there is nobody to follow you back."));
      return;
    }

  value = rapport_format_percent (reciprocity->follow_back_ratio);
  mutuals = rapport_format_count (reciprocity->n_mutuals);
  following = rapport_format_count (reciprocity->n_following);
  date = rapport_format_day (reciprocity->following_snapshot->exported_at);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s of the %s account you follow; export of %s",
                                         "%s of the %s accounts you follow; export of %s",
                                         reciprocity->n_following),
                            mutuals, following, date);

  set_figure (self->follow_back_card, self->follow_back_value, NULL, self->follow_back_detail,
              value, NULL, TREND_NONE, detail, NULL);
}

void
_rapport_overview_page_update_figures (RapportOverviewPage *self)
{
  update_followers_figure (self);
  update_rate_figure (self);
  update_posts_figure (self);
  update_follow_back_figure (self);
}
