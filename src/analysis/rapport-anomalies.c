/* rapport-anomalies.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "core/rapport-stats.h"

#include "rapport-anomalies.h"

#define DAY RAPPORT_SECONDS_PER_DAY
/* A purge leaves engagement where it was: interactions after at least this share of before. */
#define PURGE_KEPT_INTERACTIONS 0.9

typedef struct
{
  guint index;             /* the point the change leads to */
  gint64 day;
  double change;
  RapportSeriesKind group; /* REAL or RECONSTRUCTED */
  gboolean scored;         /* enough changes of its kind around it, with a spread */
  double median;           /* of those changes */
  double z;
} DailyChange;

/* The first place in @window (sorted) whose value is not below @value. */
static guint
window_place (GArray *window,
              double  value)
{
  guint low = 0, high = window->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (window, double, middle) < value)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
window_insert (GArray *window,
               double  value)
{
  if (!isnan (value))
    g_array_insert_val (window, window_place (window, value), value);
}

static void
window_remove (GArray *window,
               double  value)
{
  guint place;

  if (isnan (value))
    return;
  place = window_place (window, value);
  g_assert (place < window->len && g_array_index (window, double, place) == value);
  g_array_remove_index (window, place);
}

/* Robust z of every change in @group against the changes of the group within
 * RAPPORT_ANOMALY_BASELINE_DAYS of it (the changes come in the order of their days). */
static void
score_group (GArray            *changes,
             RapportSeriesKind  group)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (DailyChange *));
  g_autoptr(GArray) window = g_array_new (FALSE, FALSE, sizeof (double));
  const gint64 reach = RAPPORT_ANOMALY_BASELINE_DAYS * DAY;
  guint first = 0, last = 0; /* the window is members [first, last) */

  for (guint i = 0; i < changes->len; i++)
    {
      DailyChange *change = &g_array_index (changes, DailyChange, i);

      if (change->group == group)
        g_array_append_val (members, change);
    }

  for (guint i = 0; i < members->len; i++)
    {
      DailyChange *change = g_array_index (members, DailyChange *, i);
      double scale;

      /* The window's changes stay sorted as it slides: sorting each day's 121 took 23 ms of
       * a report of years of exports. */
      while (g_array_index (members, DailyChange *, first)->day < change->day - reach)
        window_remove (window, g_array_index (members, DailyChange *, first++)->change);
      while (last < members->len &&
             g_array_index (members, DailyChange *, last)->day <= change->day + reach)
        window_insert (window, g_array_index (members, DailyChange *, last++)->change);
      if (window->len < RAPPORT_ANOMALY_MIN_CHANGES)
        continue;

      scale = rapport_stats_robust_scale_sorted ((const double *) window->data, window->len,
                                                 &change->median);
      if (!(scale > 0))
        continue;
      change->scored = TRUE;
      change->z = (change->change - change->median) / scale;
    }
}

/* Median ER and median interactions of the own posts with times in [start, end). */
static void
engagement_between (const GArray *per_post,
                    gint64        start,
                    gint64        end,
                    double       *rate,
                    guint        *n_rate,
                    double       *interactions,
                    guint        *n_interactions)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);
      double value;

      if (entry->post->created_at < start || entry->post->created_at >= end)
        continue;
      if (!isnan (entry->rate))
        g_array_append_val (rates, entry->rate);
      if (entry->interactions >= 0)
        {
          value = entry->interactions;
          g_array_append_val (counts, value);
        }
    }
  *rate = rapport_stats_median ((const double *) rates->data, rates->len);
  *n_rate = rates->len;
  *interactions = rapport_stats_median ((const double *) counts->data, counts->len);
  *n_interactions = counts->len;
}

/* Whether the changes @from to @to (positions in @changes) are of consecutive days of one
 * kind, at most one day lying between the two: an event merged across them then counts no
 * change that was not scored (a switch of source, an interpolated stretch). */
static gboolean
bridges (GArray *changes,
         guint   from,
         guint   to)
{
  if (to - from > 2)
    return FALSE;
  for (guint k = from + 1; k <= to; k++)
    {
      const DailyChange *earlier = &g_array_index (changes, DailyChange, k - 1);
      const DailyChange *later = &g_array_index (changes, DailyChange, k);

      if (later->group != earlier->group || later->index != earlier->index + 1 ||
          later->day - earlier->day != DAY)
        return FALSE;
    }
  return TRUE;
}

static gboolean
flagged (const DailyChange *change,
         RapportAnomalyKind *kind)
{
  /* A day that merely grew less than usual is no drop: the sign must agree with the z. */
  if (change->z >= RAPPORT_ANOMALY_Z && change->change > 0)
    {
      *kind = RAPPORT_ANOMALY_JUMP;
      return TRUE;
    }
  /* Reconstructed days never lose anyone (the followers who left are not in the list), so a
   * quiet reconstructed day is missing data, never a drop. */
  if (change->z <= -RAPPORT_ANOMALY_Z && change->change < 0 && change->group == RAPPORT_SERIES_REAL)
    {
      *kind = RAPPORT_ANOMALY_DROP;
      return TRUE;
    }
  return FALSE;
}

static void
finish_event (RapportAnomaly *event,
              const GArray   *per_post)
{
  engagement_between (per_post, event->start - RAPPORT_ANOMALY_WINDOW_DAYS * DAY, event->start,
                      &event->rate_before, &event->n_rate_before,
                      &event->interactions_before, &event->n_interactions_before);
  engagement_between (per_post, event->end + DAY,
                      event->end + (RAPPORT_ANOMALY_WINDOW_DAYS + 1) * DAY,
                      &event->rate_after, &event->n_rate_after,
                      &event->interactions_after, &event->n_interactions_after);

  event->looks_like_purge =
    event->kind == RAPPORT_ANOMALY_DROP &&
    event->followers_before > 0 &&
    -event->change / event->followers_before * 100 >= RAPPORT_ANOMALY_PURGE_SHARE &&
    event->n_interactions_before >= RAPPORT_ANOMALY_PURGE_POSTS &&
    event->n_interactions_after >= RAPPORT_ANOMALY_PURGE_POSTS &&
    event->interactions_after >= PURGE_KEPT_INTERACTIONS * event->interactions_before;
}

/*
 * Follower anomalies.
 *
 * Daily changes are taken only between consecutive days that are both REAL totals from the same
 * source (so a switch from a list size to an insights figure is no change), or both
 * RECONSTRUCTED; a change into or out of an interpolated stretch says nothing.  The two kinds
 * are scored apart: reconstructed changes are daily gains of the followers who stayed and are
 * never negative, real ones can be.  Each day is scored against the changes of its kind within
 * 60 days before and after it (a Hampel window), which must number at least 14: a page whose
 * follows came in one busy year and then stopped would otherwise have every day of that year
 * stand out of the quiet years' median of 0, while a burst of a few weeks still stands out of
 * the months around it.  Robust z = (change − median) / (1.4826 · MAD), with 1.253314 · mean
 * absolute deviation in place of the scaled MAD when the MAD is 0 (most days equal).  A day is
 * flagged at z ≥ 3.5 with a gain (a jump) or z ≤ −3.5 with a loss, in real totals only (a
 * drop), when it also moved at least 10 followers and 0.5 % of them.  Flagged days of the same
 * kind merge into one event when at most one day lies between them (a quiet day inside a
 * burst).
 *
 * Engagement around an event: median ER and median interactions of own posts in the 30 days
 * before its first day and in the 30 days after its last.
 *
 * Purges: exports do not say which followers engaged, so the one honest signal is that a drop
 * took no engagement with it.  A drop looks like a purge when it lost at least 1 % of the
 * followers and the median interactions per post in the 30 days after are at least 90 % of
 * those before, with three posts with counts on each side.  It cannot tell a platform's purge
 * of fake accounts from the creator removing followers, or from bots unfollowing on their own.
 */
GArray *
rapport_anomalies_detect (const RapportFollowerSeries *series,
                          const GArray                *per_post)
{
  g_autoptr(GArray) changes = NULL;
  GArray *events;
  RapportAnomaly *open = NULL;
  guint open_last = 0; /* the position in changes of the open event's last day */

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (per_post != NULL, NULL);

  events = g_array_new (FALSE, TRUE, sizeof (RapportAnomaly));
  changes = g_array_new (FALSE, FALSE, sizeof (DailyChange));

  for (guint i = 1; i < series->points->len; i++)
    {
      const RapportSeriesPoint *before = &g_array_index (series->points, RapportSeriesPoint, i - 1);
      const RapportSeriesPoint *after = &g_array_index (series->points, RapportSeriesPoint, i);
      DailyChange change = { i, after->day, after->followers - before->followers, after->kind,
                             FALSE, NAN, 0 };

      if (before->kind != after->kind || after->kind == RAPPORT_SERIES_INTERPOLATED)
        continue;
      /* Between two anchored days the change is the day's counted follows and unfollows. */
      if (after->kind == RAPPORT_SERIES_ANCHORED)
        change.group = RAPPORT_SERIES_REAL;
      if (after->kind == RAPPORT_SERIES_REAL && before->source != after->source)
        continue;
      g_array_append_val (changes, change);
    }

  score_group (changes, RAPPORT_SERIES_REAL);
  score_group (changes, RAPPORT_SERIES_RECONSTRUCTED);

  for (guint i = 0; i < changes->len; i++)
    {
      const DailyChange *change = &g_array_index (changes, DailyChange, i);
      const RapportSeriesPoint *point =
        &g_array_index (series->points, RapportSeriesPoint, change->index);
      double before = point->followers - change->change;
      RapportAnomalyKind kind;

      if (!change->scored || !flagged (change, &kind))
        continue;
      if (fabs (change->change) < MAX (RAPPORT_ANOMALY_MIN_FOLLOWERS,
                                        RAPPORT_ANOMALY_MIN_SHARE / 100.0 * before))
        continue;

      /* One quiet day inside a burst does not split it. */
      if (open != NULL && open->kind == kind && open->found_in == change->group &&
          bridges (changes, open_last, i))
        {
          open->end = point->day;
          open->n_days = (point->day - open->start) / DAY + 1;
          open->change = point->followers - open->followers_before;
          if (fabs (change->z) > fabs (open->z))
            open->z = change->z;
        }
      else
        {
          RapportAnomaly event = { 0 };

          event.kind = kind;
          event.found_in = change->group;
          event.start = event.end = point->day;
          event.n_days = 1;
          event.followers_before = point->followers - change->change;
          event.change = change->change;
          event.z = change->z;
          event.typical_change = change->median;
          g_array_append_val (events, event);
          open = &g_array_index (events, RapportAnomaly, events->len - 1);
        }
      open_last = i;
    }

  for (guint i = 0; i < events->len; i++)
    finish_event (&g_array_index (events, RapportAnomaly, i), per_post);

  return events;
}
