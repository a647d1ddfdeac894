/* rapport-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/rapport-format.h"
#include "core/rapport-sorted.h"
#include "core/rapport-stats.h"

#include "rapport-engagement.h"

#define DAY RAPPORT_SECONDS_PER_DAY

gint64
rapport_post_interactions (const RapportDatasetPost *post)
{
  gint64 parts[6];
  gint64 sum = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (post != NULL, RAPPORT_COUNT_UNKNOWN);

  parts[0] = post->likes;
  parts[1] = post->comments;
  parts[2] = post->shares;
  parts[3] = post->saves;
  parts[4] = post->replies;
  parts[5] = post->quotes;

  /* Only counts in range (rapport-records.h): a sum of crafted ones would overflow. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (rapport_count_is_valid (parts[i]))
      {
        sum += parts[i];
        any = TRUE;
      }
  if (any)
    return sum;
  /* Some analytics exports give only the platform's own total (LinkedIn's top posts): it
   * counts the same reactions, comments and reposts, so it stands in when no part is known. */
  return rapport_count_is_valid (post->engagements) ? post->engagements : RAPPORT_COUNT_UNKNOWN;
}

gboolean
rapport_post_is_own (const RapportDatasetPost *post)
{
  g_return_val_if_fail (post != NULL, FALSE);

  return post->type != RAPPORT_POST_REPOST && post->type != RAPPORT_POST_STORY;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const RapportPostEngagement *x = a;
  const RapportPostEngagement *y = b;

  if (x->post->created_at != y->post->created_at)
    return x->post->created_at < y->post->created_at ? -1 : 1;
  return (x->post->id > y->post->id) - (x->post->id < y->post->id);
}

/*
 * Engagement of each own post dated in range.
 *
 * Interactions: rapport_post_interactions().  ER by followers = interactions / followers on the
 * post's UTC day from the follower series; when that day is reconstructed, the followers are a
 * lower bound and the ER an upper bound, which followers_lower_bound says.  ER by impressions =
 * interactions / impressions where the export gives impressions (analytics files); views are not
 * impressions and are not used for it.  Rates are fractions (0.041 is 4.1 %).
 */
GArray *
rapport_engagement_per_post (const RapportDataset        *dataset,
                             const RapportFollowerSeries *series)
{
  GArray *result;

  g_return_val_if_fail (dataset != NULL, NULL);

  result = g_array_sized_new (FALSE, FALSE, sizeof (RapportPostEngagement), dataset->posts->len);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);
      RapportPostEngagement entry = { post, 0, NAN, NAN, NAN, FALSE, FALSE };
      RapportSeriesKind kind = RAPPORT_SERIES_REAL;

      /* A post dated out of range (rapport-records.h) has no place in any figure over time. */
      if (!rapport_post_is_own (post) || !rapport_time_is_valid (post->created_at))
        continue;

      entry.interactions = rapport_post_interactions (post);
      if (series != NULL)
        entry.followers = rapport_follower_series_at (series, post->created_at, &kind);
      entry.followers_lower_bound = !isnan (entry.followers)
                                    && kind == RAPPORT_SERIES_RECONSTRUCTED;
      if (entry.interactions >= 0 && entry.followers > 0)
        {
          entry.rate = entry.interactions / entry.followers;
          entry.rate_unreliable = !rapport_engagement_rate_is_reliable (
            entry.rate, entry.followers, entry.followers_lower_bound);
        }
      if (entry.interactions >= 0 && post->impressions > 0)
        entry.rate_by_impressions = (double) entry.interactions / post->impressions;
      g_array_append_val (result, entry);
    }

  /* Posts come oldest first from the store; the windows below rely on it, so make sure. */
  g_array_sort (result, compare_by_time);
  return result;
}

/* A sorted multiset of rates for sliding windows: inserts and removals by binary search and a
 * memmove, O(window) each, which beats re-sorting the window at every step. */
typedef struct
{
  double *values;
  gsize len;
} Window;

static void
window_insert (Window *window,
               double  value)
{
  gsize at = rapport_sorted_lower_bound_double (window->values, window->len, value);

  memmove (&window->values[at + 1], &window->values[at], (window->len - at) * sizeof (double));
  window->values[at] = value;
  window->len++;
}

static void
window_remove (Window *window,
               double  value)
{
  gsize at = rapport_sorted_lower_bound_double (window->values, window->len, value);

  g_assert (at < window->len && window->values[at] == value);
  memmove (&window->values[at], &window->values[at + 1], (window->len - at - 1) * sizeof (double));
  window->len--;
}

static double
window_median (const Window *window)
{
  gsize n = window->len;

  if (n == 0)
    return NAN;
  if (n % 2 == 1)
    return window->values[n / 2];
  return (window->values[n / 2 - 1] + window->values[n / 2]) / 2;
}

/*
 * A rate above 100 % means more interactions than followers: the follower figure is wrong
 * (rebuilt from a few follow dates) or the post reached far beyond the followers.  A rate over
 * a rebuilt count below the headline's base is an upper bound of a tiny denominator.  Either is
 * shown flagged and never headlined.
 */
gboolean
rapport_engagement_rate_is_reliable (double   rate,
                                     double   followers,
                                     gboolean followers_lower_bound)
{
  if (isnan (rate) || rate > RAPPORT_RATE_RELIABLE_MAX)
    return FALSE;
  return !followers_lower_bound || followers >= RAPPORT_HEADLINE_MIN_FOLLOWERS;
}

/* The posts of @per_post with a known ER (or, @by_interactions, with counts), as parallel
 * arrays of times and values. */
static gsize
collect_values (const GArray  *per_post,
                gboolean       by_interactions,
                gint64       **times_out,
                double       **values_out)
{
  gint64 *times = g_new (gint64, MAX (per_post->len, 1));
  double *values = g_new (double, MAX (per_post->len, 1));
  gsize n = 0;

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);
      double value = by_interactions
        ? (entry->interactions >= 0 ? (double) entry->interactions : NAN)
        : entry->rate;

      if (isnan (value))
        continue;
      times[n] = entry->post->created_at;
      values[n] = value;
      n++;
    }
  *times_out = times;
  *values_out = values;
  return n;
}

static gsize
collect_rates (const GArray  *per_post,
               gint64       **times_out,
               double       **rates_out)
{
  return collect_values (per_post, FALSE, times_out, rates_out);
}

/*
 * The engagement trend: for each post with a known ER at time t, the median ER of the own posts
 * with a known ER in the 30 days up to and including it, (t − 30 days, t].  Posts at the very
 * same second all belong to each other's windows.  By interactions, the same over the posts
 * with counts.
 */
static GArray *
rolling_median (const GArray *per_post,
                gboolean      by_interactions)
{
  g_autofree gint64 *times = NULL;
  g_autofree double *rates = NULL;
  Window window = { 0 };
  GArray *result;
  gsize n;
  gsize lo = 0;
  gsize hi = 0;

  n = collect_values (per_post, by_interactions, &times, &rates);
  result = g_array_sized_new (FALSE, FALSE, sizeof (RapportRollingMedian), n);
  window.values = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      RapportRollingMedian point;

      while (hi < n && times[hi] <= times[i])
        window_insert (&window, rates[hi++]);
      while (times[lo] <= times[i] - RAPPORT_ENGAGEMENT_ROLLING_DAYS * DAY)
        window_remove (&window, rates[lo++]);

      point.t = times[i];
      point.median = window_median (&window);
      point.n = window.len;
      g_array_append_val (result, point);
    }

  g_free (window.values);
  return result;
}

GArray *
rapport_engagement_rolling_median (const GArray *per_post)
{
  g_return_val_if_fail (per_post != NULL, NULL);

  return rolling_median (per_post, FALSE);
}

GArray *
rapport_engagement_rolling_interactions (const GArray *per_post)
{
  g_return_val_if_fail (per_post != NULL, NULL);

  return rolling_median (per_post, TRUE);
}

void
rapport_engagement_summarize (const GArray             *per_post,
                              RapportEngagementSummary *summary)
{
  g_autofree double *interactions = NULL;
  g_autofree double *rates = NULL;
  g_autofree double *by_impressions = NULL;

  g_return_if_fail (per_post != NULL);
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  interactions = g_new (double, MAX (per_post->len, 1));
  rates = g_new (double, MAX (per_post->len, 1));
  by_impressions = g_new (double, MAX (per_post->len, 1));

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);

      summary->n_posts++;
      if (entry->interactions >= 0)
        interactions[summary->n_with_interactions++] = entry->interactions;
      if (!isnan (entry->rate))
        {
          rates[summary->n_with_rate++] = entry->rate;
          if (entry->followers_lower_bound)
            summary->n_rate_lower_bound++;
          if (entry->rate_unreliable)
            summary->n_rate_unreliable++;
        }
      if (!isnan (entry->rate_by_impressions))
        by_impressions[summary->n_with_impressions++] = entry->rate_by_impressions;
    }

  summary->median_interactions = rapport_stats_median (interactions, summary->n_with_interactions);
  summary->median_rate = rapport_stats_median (rates, summary->n_with_rate);
  summary->median_rate_by_impressions = rapport_stats_median (by_impressions,
                                                              summary->n_with_impressions);
}

/* Median ER and count of the posts with times in [start, end). */
static double
median_between (const gint64 *times,
                const double *rates,
                gsize         n,
                gint64        start,
                gint64        end,
                guint        *n_out)
{
  gsize first = 0;
  gsize last;

  while (first < n && times[first] < start)
    first++;
  last = first;
  while (last < n && times[last] < end)
    last++;
  *n_out = last - first;
  return rapport_stats_median (rates + first, last - first);
}

static char *
divergence_headline (const RapportDivergence     *divergence,
                     const RapportFollowerSeries *series)
{
  const RapportSeriesPoint *last;
  g_autofree char *from = rapport_format_day (divergence->from);
  g_autofree char *to = rapport_format_day (divergence->to);

  last = &g_array_index (series->points, RapportSeriesPoint, series->points->len - 1);
  if (divergence->to == last->day)
    /* Translators: the app's headline; the first %s is a date.  "%%" is a percent sign. */
    return g_strdup_printf (_("Followers %+.1f %% since %s while the median engagement rate "
                              "fell from %.1f %% to %.1f %%"),
                            divergence->follower_growth, from,
                            divergence->median_before * 100, divergence->median_after * 100);
  /* Translators: the app's headline; the two %s are dates.  "%%" is a percent sign. */
  return g_strdup_printf (_("Followers %+.1f %% from %s to %s while the median engagement "
                            "rate fell from %.1f %% to %.1f %%"),
                          divergence->follower_growth, from, to,
                          divergence->median_before * 100, divergence->median_after * 100);
}

/*
 * Divergence of followers and engagement over the days [from, to].
 *
 * Follower growth = (followers on 'to' − followers on 'from') / followers on 'from', in percent,
 * from the follower series (lower bounds where reconstructed, which followers_lower_bound says).
 * Engagement: the median ER by followers of the own posts in the first window of the range,
 * [from, from + W), against the one in the last window, [to + 1 day − W, to + 1 day), where
 * W = 90 days, or half the range when the range is shorter than 180 days, so the two windows
 * never overlap.  The range diverges when followers grew from at least 100 and the median ER
 * fell from at most 100 %, with at least ten posts with a known ER in each window: fewer make a
 * median that one post can swing (RAPPORT_HEADLINE_MIN_POSTS and _MIN_FOLLOWERS).
 */
RapportDivergence *
rapport_engagement_divergence (const GArray                *per_post,
                               const RapportFollowerSeries *series,
                               gint64                       from,
                               gint64                       to)
{
  g_autoptr(RapportDivergence) divergence = NULL;
  g_autofree gint64 *times = NULL;
  g_autofree double *rates = NULL;
  const RapportSeriesPoint *first_point;
  const RapportSeriesPoint *last_point;
  gint64 range_days;
  gsize n;

  g_return_val_if_fail (per_post != NULL, NULL);
  g_return_val_if_fail (series != NULL, NULL);

  from = rapport_day_of (from);
  to = rapport_day_of (to);
  first_point = rapport_follower_series_point (series, from);
  last_point = rapport_follower_series_point (series, to);
  if (to <= from || first_point == NULL || last_point == NULL)
    return NULL;

  divergence = g_new0 (RapportDivergence, 1);
  divergence->from = from;
  divergence->to = to;
  range_days = (to - from) / DAY + 1;
  divergence->window_days = MIN (RAPPORT_DIVERGENCE_WINDOW_DAYS, range_days / 2);
  divergence->followers_from = first_point->followers;
  divergence->followers_to = last_point->followers;
  divergence->followers_lower_bound = first_point->lower_bound || last_point->lower_bound;
  divergence->follower_growth = first_point->followers > 0
    ? (last_point->followers - first_point->followers) / first_point->followers * 100
    : NAN;

  n = collect_rates (per_post, &times, &rates);
  divergence->median_before = median_between (times, rates, n,
                                              from, from + divergence->window_days * DAY,
                                              &divergence->n_before);
  divergence->median_after = median_between (times, rates, n,
                                             to + DAY - divergence->window_days * DAY, to + DAY,
                                             &divergence->n_after);
  divergence->rate_change = divergence->median_before > 0
    ? (divergence->median_after - divergence->median_before) / divergence->median_before * 100
    : NAN;

  divergence->diverges = divergence->follower_growth > 0
                      && divergence->median_after < divergence->median_before
                      && divergence->median_before <= RAPPORT_RATE_RELIABLE_MAX
                      && divergence->followers_from >= RAPPORT_DIVERGENCE_MIN_FOLLOWERS
                      && divergence->n_before >= RAPPORT_DIVERGENCE_MIN_POSTS
                      && divergence->n_after >= RAPPORT_DIVERGENCE_MIN_POSTS;
  if (divergence->diverges)
    divergence->headline = divergence_headline (divergence, series);

  return g_steal_pointer (&divergence);
}

/*
 * The headline: over every range [a, b] of days in the follower series at least 180 days long
 * (two full 90-day windows), the one that diverges most strongly.  Strength is
 * log(followers b / followers a) + log(median ER before / median ER after): growth and fall
 * weigh alike, and the score is the log of their product.  Of equal scores the latest end wins,
 * then the earliest start.  A range must start with at least 100 followers: from a smaller base
 * every new follower is percents of growth and of ER, and the first days of a reconstruction
 * (the furthest from the list, so the most underestimated) would always win.
 *
 * The medians of each possible first window and each possible last window are computed once by
 * sliding over the days, so the search costs O(days² + posts · window) with a constant inner
 * loop.
 */
RapportDivergence *
rapport_engagement_divergence_strongest (const GArray                *per_post,
                                         const RapportFollowerSeries *series)
{
  g_autofree gint64 *times = NULL;
  g_autofree double *rates = NULL;
  g_autofree double *before = NULL;
  g_autofree double *after = NULL;
  g_autofree guint *n_before = NULL;
  g_autofree guint *n_after = NULL;
  g_autofree double *followers = NULL;
  g_autofree double *end_term = NULL;
  const gint64 window = RAPPORT_DIVERGENCE_WINDOW_DAYS * DAY;
  Window sliding = { 0 };
  gsize n;
  guint n_days;
  gint64 best_a = -1;
  gint64 best_b = -1;
  double best_score = -INFINITY;
  gsize lo;
  gsize hi;
  gint64 from;
  gint64 to;

  g_return_val_if_fail (per_post != NULL, NULL);
  g_return_val_if_fail (series != NULL, NULL);

  n_days = series->points->len;
  if (n_days < 2 * RAPPORT_DIVERGENCE_WINDOW_DAYS)
    return NULL;

  n = collect_rates (per_post, &times, &rates);
  before = g_new (double, n_days);
  after = g_new (double, n_days);
  n_before = g_new (guint, n_days);
  n_after = g_new (guint, n_days);
  sliding.values = g_new (double, MAX (n, 1));

  /* First windows [day, day + W), sliding forward. */
  lo = hi = 0;
  for (guint i = 0; i < n_days; i++)
    {
      gint64 day = g_array_index (series->points, RapportSeriesPoint, i).day;

      while (hi < n && times[hi] < day + window)
        window_insert (&sliding, rates[hi++]);
      while (lo < hi && times[lo] < day)
        window_remove (&sliding, rates[lo++]);
      before[i] = window_median (&sliding);
      n_before[i] = sliding.len;
    }

  /* Last windows [day + 1 day − W, day + 1 day). */
  sliding.len = 0;
  lo = hi = 0;
  for (guint i = 0; i < n_days; i++)
    {
      gint64 day = g_array_index (series->points, RapportSeriesPoint, i).day;

      while (hi < n && times[hi] < day + DAY)
        window_insert (&sliding, rates[hi++]);
      while (lo < hi && times[lo] < day + DAY - window)
        window_remove (&sliding, rates[lo++]);
      after[i] = window_median (&sliding);
      n_after[i] = sliding.len;
    }
  g_free (sliding.values);

  /* The score of a pair is a product of a term of b and a term of a; the term of b is computed
   * once per day.  A median ER of 0 would make it infinite: a tiny floor keeps the order. */
  followers = g_new (double, n_days);
  end_term = g_new (double, n_days);
  for (guint b = 0; b < n_days; b++)
    {
      followers[b] = g_array_index (series->points, RapportSeriesPoint, b).followers;
      end_term[b] = followers[b] / MAX (after[b], 1e-9);
    }

  for (guint a = 0; a < n_days; a++)
    {
      double followers_a = followers[a];
      double start_term;

      if (n_before[a] < RAPPORT_DIVERGENCE_MIN_POSTS
          || !(followers_a >= RAPPORT_DIVERGENCE_MIN_FOLLOWERS)
          || !(before[a] > 0)
          || before[a] > RAPPORT_RATE_RELIABLE_MAX)
        continue;
      start_term = before[a] / followers_a;

      for (guint b = a + 2 * RAPPORT_DIVERGENCE_WINDOW_DAYS - 1; b < n_days; b++)
        {
          double score;

          if (n_after[b] < RAPPORT_DIVERGENCE_MIN_POSTS
              || !(followers[b] > followers_a)
              || !(after[b] < before[a]))
            continue;
          /* exp of the log score: the same order without a logarithm per pair. */
          score = end_term[b] * start_term;
          /* Of equal scores, the most recent end makes the more useful headline. */
          if (score > best_score || (score == best_score && b > best_b))
            {
              best_score = score;
              best_a = a;
              best_b = b;
            }
        }
    }

  if (best_a < 0)
    return NULL;
  from = g_array_index (series->points, RapportSeriesPoint, best_a).day;
  to = g_array_index (series->points, RapportSeriesPoint, best_b).day;
  return rapport_engagement_divergence (per_post, series, from, to);
}

void
rapport_divergence_free (RapportDivergence *divergence)
{
  if (divergence == NULL)
    return;
  g_free (divergence->headline);
  g_free (divergence);
}
