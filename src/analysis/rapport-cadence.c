/* rapport-cadence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "core/rapport-stats.h"

#include "rapport-cadence.h"

#define DAY RAPPORT_SECONDS_PER_DAY
#define N_BLOCKS (24 / RAPPORT_CADENCE_BLOCK_HOURS)

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Calendar week number with weeks starting on Monday: 1 January 1970 was a Thursday, so
 * shifting by three days puts every Monday at the start of a multiple of seven. */
static gint64
week_of (gint64 t)
{
  gint64 days = rapport_day_of (t) / DAY + 3;

  return days >= 0 ? days / 7 : (days - 6) / 7;
}

gboolean
rapport_cadence_slot_of (gint64     t,
                         GTimeZone *tz,
                         guint     *weekday,
                         guint     *hour)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (weekday != NULL && hour != NULL, FALSE);

  /* GDateTime ends with the year 9999 and needs no more than the range of times. */
  if (!rapport_time_is_valid (t) ||
      !(utc = g_date_time_new_from_unix_utc (t)) ||
      !(local = g_date_time_to_timezone (utc, tz)))
    return FALSE;
  *weekday = g_date_time_get_day_of_week (local) - 1;
  *hour = g_date_time_get_hour (local);
  return TRUE;
}

/* Puts the slot of @rates in @best when it has enough posts and beats what @best holds.  Ties
 * go to the slot with more posts, then to the one seen first. */
static void
consider_slot (RapportCadenceSlot  *best,
               const GArray        *rates,
               int                  weekday,
               guint                hour_start,
               guint                hour_end)
{
  double median;

  if (rates == NULL || rates->len < RAPPORT_CADENCE_MIN_SLOT_POSTS)
    return;
  median = rapport_stats_median ((const double *) rates->data, rates->len);
  if (best->n > 0 &&
      (median < best->median_rate || (median == best->median_rate && rates->len <= best->n)))
    return;
  *best = (RapportCadenceSlot) { weekday, hour_start, hour_end, rates->len, median };
}

static RapportCadenceSlot *
slot_or_null (const RapportCadenceSlot *slot)
{
  return slot->n > 0 ? g_memdup2 (slot, sizeof *slot) : NULL;
}

static void
add_rate (GArray **rates,
          double   rate)
{
  if (*rates == NULL)
    *rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (*rates, rate);
}

/*
 * Posting consistency.
 *
 * Posts: own posts and stories (a story is posting too); reposts, and posts with a time out of
 * range (rapport-records.h), are left out.
 * Weeks: calendar weeks from Monday to Sunday in UTC, from the week of the first post to the
 * week of the last; posts per week is the number of posts over the number of those weeks, and a
 * week without posts is one of them with none.
 * Intervals: days between consecutive posts (fractions kept; posts at the same second give 0);
 * their median, quartiles (type 7), interquartile range and coefficient of variation (sample
 * standard deviation over the mean).  Gaps: intervals longer than 14 days.
 * Heatmap: weekday × hour in @tz; each cell counts its posts and takes the median ER by
 * followers of the own posts with a known ER in it.  The best cell, weekday and 3-hour block of
 * the day (over all weekdays) is the one with the highest median ER among those with at least
 * five posts with a known ER, fewer being too easily swung by one post; NULL when none has five.
 */
RapportCadence *
rapport_cadence_compute (const RapportDataset *dataset,
                         const GArray         *per_post,
                         GTimeZone            *tz)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GArray) times = NULL;
  g_autofree double *intervals = NULL;
  GArray *cell_rates[7][24] = { { NULL } };
  GArray *weekday_rates[7] = { NULL };
  GArray *block_rates[N_BLOCKS] = { NULL };
  RapportCadenceSlot best_cell = { 0 };
  RapportCadenceSlot best_weekday = { 0 };
  RapportCadenceSlot best_block = { 0 };
  RapportCadence *cadence;
  double mean;
  double sd;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (per_post != NULL, NULL);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  cadence = g_new0 (RapportCadence, 1);
  cadence->gaps = g_array_new (FALSE, FALSE, sizeof (RapportCadenceGap));
  cadence->posts_per_week = NAN;
  cadence->interval_median = cadence->interval_q1 = cadence->interval_q3 = NAN;
  cadence->interval_iqr = cadence->interval_cv = NAN;
  for (guint d = 0; d < 7; d++)
    for (guint h = 0; h < 24; h++)
      cadence->heatmap[d][h].median_rate = NAN;

  times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), dataset->posts->len);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);
      guint weekday;
      guint hour;

      /* A time out of range (rapport-records.h) would make centuries of weeks. */
      if (post->type == RAPPORT_POST_REPOST ||
          !rapport_cadence_slot_of (post->created_at, tz, &weekday, &hour))
        continue;
      g_array_append_val (times, post->created_at);
      /* A post known to the day only has no hour, and its weekday depends on a time zone the
       * export does not name: it counts for the rhythm, not for the heatmap. */
      if (post->time_unit < 3600)
        cadence->heatmap[weekday][hour].n_posts++;
    }
  g_array_sort (times, compare_times);
  cadence->n_posts = times->len;

  for (guint i = 0; i < per_post->len; i++)
    {
      const RapportPostEngagement *entry = &g_array_index (per_post, RapportPostEngagement, i);
      guint weekday;
      guint hour;

      if (isnan (entry->rate) || entry->post->time_unit >= 3600 ||
          !rapport_cadence_slot_of (entry->post->created_at, tz, &weekday, &hour))
        continue;
      cadence->heatmap[weekday][hour].n_rated++;
      add_rate (&cell_rates[weekday][hour], entry->rate);
      add_rate (&weekday_rates[weekday], entry->rate);
      add_rate (&block_rates[hour / RAPPORT_CADENCE_BLOCK_HOURS], entry->rate);
    }

  for (guint d = 0; d < 7; d++)
    {
      for (guint h = 0; h < 24; h++)
        {
          GArray *rates = cell_rates[d][h];

          if (rates != NULL)
            cadence->heatmap[d][h].median_rate =
              rapport_stats_median ((const double *) rates->data, rates->len);
          consider_slot (&best_cell, rates, d, h, h + 1);
          g_clear_pointer (&cell_rates[d][h], g_array_unref);
        }
      consider_slot (&best_weekday, weekday_rates[d], d, 0, 24);
      g_clear_pointer (&weekday_rates[d], g_array_unref);
    }
  for (guint b = 0; b < N_BLOCKS; b++)
    {
      consider_slot (&best_block, block_rates[b], -1,
                     b * RAPPORT_CADENCE_BLOCK_HOURS, (b + 1) * RAPPORT_CADENCE_BLOCK_HOURS);
      g_clear_pointer (&block_rates[b], g_array_unref);
    }
  cadence->best_cell = slot_or_null (&best_cell);
  cadence->best_weekday = slot_or_null (&best_weekday);
  cadence->best_block = slot_or_null (&best_block);

  if (times->len == 0)
    return cadence;

  cadence->first = g_array_index (times, gint64, 0);
  cadence->last = g_array_index (times, gint64, times->len - 1);
  cadence->n_weeks = week_of (cadence->last) - week_of (cadence->first) + 1;
  cadence->posts_per_week = (double) cadence->n_posts / cadence->n_weeks;
  /* Week w starts on day 7w − 3 (see week_of()). */
  cadence->first_week = (week_of (cadence->first) * 7 - 3) * DAY;
  cadence->posts_by_week = g_new0 (guint, cadence->n_weeks);
  for (guint i = 0; i < times->len; i++)
    cadence->posts_by_week[week_of (g_array_index (times, gint64, i))
                           - week_of (cadence->first)]++;
  for (guint w = 0; w < cadence->n_weeks; w++)
    if (cadence->posts_by_week[w] == 0)
      cadence->weeks_without_posts++;

  cadence->n_intervals = times->len - 1;
  if (cadence->n_intervals == 0)
    return cadence;

  intervals = g_new (double, cadence->n_intervals);
  for (guint i = 1; i < times->len; i++)
    {
      gint64 from = g_array_index (times, gint64, i - 1);
      gint64 to = g_array_index (times, gint64, i);
      RapportCadenceGap gap = { from, to, (double) (to - from) / DAY };

      intervals[i - 1] = gap.days;
      if (gap.days > cadence->longest_gap.days)
        cadence->longest_gap = gap;
      if (gap.days > RAPPORT_CADENCE_GAP_DAYS)
        g_array_append_val (cadence->gaps, gap);
    }

  cadence->interval_median = rapport_stats_median (intervals, cadence->n_intervals);
  cadence->interval_q1 = rapport_stats_quantile (intervals, cadence->n_intervals, 0.25);
  cadence->interval_q3 = rapport_stats_quantile (intervals, cadence->n_intervals, 0.75);
  cadence->interval_iqr = cadence->interval_q3 - cadence->interval_q1;
  mean = rapport_stats_mean (intervals, cadence->n_intervals);
  sd = rapport_stats_stddev (intervals, cadence->n_intervals);
  if (mean > 0 && !isnan (sd))
    cadence->interval_cv = sd / mean;

  return cadence;
}

void
rapport_cadence_free (RapportCadence *cadence)
{
  if (cadence == NULL)
    return;
  g_array_unref (cadence->gaps);
  g_free (cadence->posts_by_week);
  g_free (cadence->best_cell);
  g_free (cadence->best_weekday);
  g_free (cadence->best_block);
  g_free (cadence);
}
