/* rapport-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rapport-series.h"

#define DAY RAPPORT_SECONDS_PER_DAY

typedef struct
{
  gint64 day;
  gint64 at;
  gint64 count;
  RapportCountSource source;
} RealTotal;

/* A follower list with follow dates: how many of its followers followed on each day. */
typedef struct
{
  gint64 export_day;
  gint64 first_day;  /* the earliest follow date's day */
  gint64 *per_day;   /* per_day[i]: follows on day first_day + i, up to export_day */
} DatedList;

gint64
rapport_day_of (gint64 t)
{
  gint64 rest = t % DAY;

  /* Round toward the past for times before 1970 as well. */
  return rest < 0 ? t - rest - DAY : t - rest;
}

/* Which real total wins when one day has several: the size of an exported list is counted, the
 * others are stated; a profile total is the platform's own figure at the export; a live refresh
 * reads the same public figure; insights and analytics totals are often rounded or lag by a
 * day. */
static int
source_rank (RapportCountSource source)
{
  switch (source)
    {
    case RAPPORT_COUNT_SOURCE_SNAPSHOT:
      return 0;
    case RAPPORT_COUNT_SOURCE_PROFILE:
      return 1;
    case RAPPORT_COUNT_SOURCE_LIVE:
      return 2;
    case RAPPORT_COUNT_SOURCE_INSIGHTS:
    case RAPPORT_COUNT_SOURCE_ANALYTICS:
      return 3;
    case RAPPORT_COUNT_SOURCE_RECONSTRUCTION:
    default:
      return 4;
    }
}

static int
compare_real_totals (gconstpointer a,
                     gconstpointer b)
{
  const RealTotal *x = a;
  const RealTotal *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (source_rank (x->source) != source_rank (y->source))
    return source_rank (x->source) - source_rank (y->source);
  /* The newer reading of the same source first. */
  return (x->at < y->at) - (x->at > y->at);
}

/* Every real total, one per day (the best by source_rank(), then the newest), oldest first. */
static GArray *
collect_real_totals (const RapportDataset *dataset)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (RealTotal));
  GArray *best = g_array_new (FALSE, FALSE, sizeof (RealTotal));
  gboolean lists_are_followers;

  g_assert (dataset != NULL);
  lists_are_followers = rapport_platform_lists_count_followers (dataset->platform);

  for (guint i = 0; i < dataset->counts->len; i++)
    {
      const RapportFollowerCount *count = &g_array_index (dataset->counts, RapportFollowerCount, i);
      RealTotal total;

      /* Out of range values (rapport-records.h) would stretch the series over centuries, and
       * the day of the smallest times is no number. */
      if (count->source == RAPPORT_COUNT_SOURCE_RECONSTRUCTION ||
          (count->source == RAPPORT_COUNT_SOURCE_SNAPSHOT && !lists_are_followers) ||
          !rapport_count_is_valid (count->count) || !rapport_time_is_valid (count->at))
        continue;
      total = (RealTotal) { rapport_day_of (count->at), count->at, count->count, count->source };
      g_array_append_val (all, total);
    }

  /* The store records list sizes as counts already; a hand-built dataset may not, and the
   * duplicate of a stored one is harmless since both say the same. */
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      RealTotal total;

      if (!lists_are_followers ||
          !rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER) ||
          !rapport_time_is_valid (snapshot->exported_at))
        continue;
      total = (RealTotal) {
        rapport_day_of (snapshot->exported_at), snapshot->exported_at,
        (gint64) MIN (rapport_dataset_snapshot_list_size (snapshot, RAPPORT_DIRECTION_FOLLOWER),
                      RAPPORT_COUNT_MAX),
        RAPPORT_COUNT_SOURCE_SNAPSHOT,
      };
      g_array_append_val (all, total);
    }

  g_array_sort (all, compare_real_totals);
  for (guint i = 0; i < all->len; i++)
    {
      const RealTotal *total = &g_array_index (all, RealTotal, i);

      if (best->len == 0 || g_array_index (best, RealTotal, best->len - 1).day != total->day)
        g_array_append_val (best, *total);
    }
  return best;
}

/* A run of days that analytics exports counted the follows of, as a running sum: the net
 * change from the day before its first day to the end of each day.  A few days without a
 * record inside a run count as no change, as Meta leaves out days without follows; a longer
 * gap (two exports of different months) ends the run, since the days between are unknown. */
typedef struct
{
  gint64 first_day;   /* the first day with a gain; the stretch starts the day before */
  gint64 last_day;
  gint64 *net_to;     /* net_to[i]: the sum of gained - lost up to day first_day + i */
} GainStretch;

#define GAIN_GAP_MAX_DAYS 3

static void
gain_stretch_clear (gpointer data)
{
  GainStretch *stretch = data;

  g_free (stretch->net_to);
}

/* The runs of the dataset's gains (sorted by day, one per day), oldest first. */
static GArray *
collect_gain_stretches (const RapportDataset *dataset)
{
  const GArray *gains = dataset->gains;
  GArray *stretches = g_array_new (FALSE, FALSE, sizeof (GainStretch));
  guint first = 0;

  g_array_set_clear_func (stretches, gain_stretch_clear);
  while (gains != NULL && first < gains->len)
    {
      GainStretch stretch = { 0 };
      guint last = first;
      gint64 sum = 0;
      gint64 n_days;

      while (last + 1 < gains->len &&
             g_array_index (gains, RapportFollowerGain, last + 1).day -
             g_array_index (gains, RapportFollowerGain, last).day <= (GAIN_GAP_MAX_DAYS + 1) * DAY)
        last++;
      stretch.first_day = g_array_index (gains, RapportFollowerGain, first).day;
      stretch.last_day = g_array_index (gains, RapportFollowerGain, last).day;
      n_days = (stretch.last_day - stretch.first_day) / DAY + 1;
      stretch.net_to = g_new0 (gint64, n_days);
      for (guint i = first; i <= last; i++)
        {
          const RapportFollowerGain *gain = &g_array_index (gains, RapportFollowerGain, i);

          if (gain->gained != RAPPORT_COUNT_UNKNOWN)
            sum += gain->gained;
          if (gain->lost != RAPPORT_COUNT_UNKNOWN)
            sum -= gain->lost;
          /* Each day until the next record has this day's sum. */
          for (gint64 d = (gain->day - stretch.first_day) / DAY;
               d < (i < last ? (g_array_index (gains, RapportFollowerGain, i + 1).day -
                                stretch.first_day) / DAY : n_days);
               d++)
            stretch.net_to[d] = sum;
        }
      g_array_append_val (stretches, stretch);
      first = last + 1;
    }
  return stretches;
}

/* The net change from the start of the stretch to the end of @day; flat outside it. */
static gint64
gain_stretch_net_to (const GainStretch *stretch,
                     gint64             day)
{
  if (day < stretch->first_day)
    return 0;
  if (day > stretch->last_day)
    day = stretch->last_day;
  return stretch->net_to[(day - stretch->first_day) / DAY];
}

/* Whether a total on @day can anchor the stretch: inside it, or one day beside it, as when an
 * account export is made the day after an analytics export's range ends. */
static gboolean
gain_stretch_anchors (const GainStretch *stretch,
                      gint64             day)
{
  return day >= stretch->first_day - 2 * DAY && day <= stretch->last_day + DAY;
}

/* The follower count of @day carried from the real total nearest to it among those that anchor
 * the stretch, or -1 when none does or @day lies outside the stretch. */
static double
gain_stretch_anchored (const GainStretch *stretch,
                       const GArray      *totals,
                       gint64             day)
{
  const RealTotal *nearest = NULL;
  gint64 value;

  if (day < stretch->first_day - DAY || day > stretch->last_day)
    return -1;
  for (guint i = 0; i < totals->len; i++)
    {
      const RealTotal *total = &g_array_index (totals, RealTotal, i);

      if (gain_stretch_anchors (stretch, total->day) &&
          (nearest == NULL || ABS (total->day - day) < ABS (nearest->day - day)))
        nearest = total;
    }
  if (nearest == NULL)
    return -1;
  value = nearest->count + gain_stretch_net_to (stretch, day) -
          gain_stretch_net_to (stretch, nearest->day);
  /* Gains without the losses overshoot back in time; a count is never negative. */
  return MAX (value, 0);
}

static void
dated_list_clear (gpointer data)
{
  DatedList *list = data;

  g_free (list->per_day);
}

static gboolean
is_dated (const RapportPerson          *person,
          const RapportDatasetSnapshot *snapshot)
{
  return person->since >= RAPPORT_TIME_MIN && person->since <= snapshot->exported_at;
}

/* The same histogram from the follow days the store kept for a list it left out. */
static gboolean
dated_list_from_days (DatedList                    *list,
                      const RapportDatasetSnapshot *snapshot)
{
  const GArray *days = snapshot->follow_days;
  gboolean any = FALSE;

  list->export_day = rapport_day_of (snapshot->exported_at);
  list->first_day = list->export_day;
  /* As is_dated(): only days from the range's start to the export. */
  for (guint i = 0; i < days->len; i++)
    {
      const RapportFollowDay *day = &g_array_index (days, RapportFollowDay, i);

      if (day->day >= rapport_day_of (RAPPORT_TIME_MIN) && day->day <= list->export_day &&
          day->n > 0 && day->day % DAY == 0)
        {
          list->first_day = MIN (list->first_day, day->day);
          any = TRUE;
        }
    }
  if (!any)
    return FALSE;
  list->per_day = g_new0 (gint64, (list->export_day - list->first_day) / DAY + 1);
  for (guint i = 0; i < days->len; i++)
    {
      const RapportFollowDay *day = &g_array_index (days, RapportFollowDay, i);

      if (day->day >= list->first_day && day->day <= list->export_day && day->n > 0 &&
          day->day % DAY == 0)
        list->per_day[(day->day - list->first_day) / DAY] += MIN (day->n, RAPPORT_COUNT_MAX);
    }
  return TRUE;
}

/* A histogram of follow days instead of a sort: O(n + days) for a list of n followers. */
static GArray *
collect_dated_lists (const RapportDataset *dataset)
{
  GArray *lists = g_array_new (FALSE, FALSE, sizeof (DatedList));

  g_array_set_clear_func (lists, dated_list_clear);
  /* Connections dated by when they began rebuild no follower count either. */
  if (!rapport_platform_lists_count_followers (dataset->platform))
    return lists;

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      const RapportPeople *people = snapshot->followers;
      DatedList list = { 0 };
      gboolean any = FALSE;

      if (!rapport_time_is_valid (snapshot->exported_at))
        continue;
      if (people == NULL)
        {
          if (snapshot->follow_days != NULL && dated_list_from_days (&list, snapshot))
            g_array_append_val (lists, list);
          continue;
        }

      list.export_day = rapport_day_of (snapshot->exported_at);
      list.first_day = list.export_day;
      /* A follow date after the export is wrong, one before the range too; such followers
       * count as undated.  So the series spans at most the range of times. */
      for (gsize j = 0; j < people->len; j++)
        if (is_dated (&people->items[j], snapshot))
          {
            list.first_day = MIN (list.first_day, rapport_day_of (people->items[j].since));
            any = TRUE;
          }
      if (!any)
        continue;

      list.per_day = g_new0 (gint64, (list.export_day - list.first_day) / DAY + 1);
      for (gsize j = 0; j < people->len; j++)
        if (is_dated (&people->items[j], snapshot))
          list.per_day[(rapport_day_of (people->items[j].since) - list.first_day) / DAY]++;
      g_array_append_val (lists, list);
    }
  return lists;
}

/* Days between two real totals are a straight line between them; where an anchored stretch
 * ends or begins between them, the line runs from and to its end instead, so that it meets
 * the stretch rather than jumping onto it. */
static void
join_anchored_stretches (GArray *points)
{
  for (guint i = 1; i < points->len; i++)
    {
      const RapportSeriesPoint *before = &g_array_index (points, RapportSeriesPoint, i - 1);
      const RapportSeriesPoint *after;
      guint end = i;

      if (g_array_index (points, RapportSeriesPoint, i).kind != RAPPORT_SERIES_INTERPOLATED)
        continue;
      while (end < points->len &&
             g_array_index (points, RapportSeriesPoint, end).kind == RAPPORT_SERIES_INTERPOLATED)
        end++;
      if (end == points->len)
        break;
      after = &g_array_index (points, RapportSeriesPoint, end);
      if (before->kind == RAPPORT_SERIES_ANCHORED || after->kind == RAPPORT_SERIES_ANCHORED)
        for (guint k = i; k < end; k++)
          {
            RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, k);

            point->followers = before->followers + (after->followers - before->followers)
                                                   * (double) (k - (i - 1)) / (end - (i - 1));
            point->source = before->source;
          }
      i = end;
    }
}

/*
 * The daily follower series.
 *
 * Span: from the earliest day with data — the first real total, or the first follow date in a
 * follower list that has follow dates — to the last day with data, the newest real total (every
 * exported follower list is one).  Nothing is extrapolated before or after: posts outside the
 * span have no follower figure, so no engagement rate by followers.
 *
 * Each day inside the span is, in this order:
 *
 * - REAL when at least one real total falls on it: the size of an exported follower list, a
 *   profile total, a live refresh, an insights total — in that order of preference when one day
 *   has several, and the newest of equals.
 *
 * - ANCHORED when an analytics export counted the follows (and unfollows) of each day around it
 *   without a total: the nearest real total inside that stretch of days (or a day beside it)
 *   plus or minus the changes between the two days.  The stretch reaches from the day before
 *   its first counted day to its last; without a real total to anchor it, the gains make no
 *   point at all, since they say nothing of the total.
 *
 * - RECONSTRUCTED, a lower bound, when a follower list with follow dates was exported on that
 *   day or later: the number of that list's followers whose follow date is on or before the day.
 *   Followers who left before the export, and followers without a date, are missing, hence the
 *   lower bound.  With several such lists the largest count wins: each is a lower bound, and an
 *   older list still holds the people who left later.  A list only speaks for the days from its
 *   earliest follow date (before that it would only say "at least 0") to its export.
 *
 * - INTERPOLATED otherwise: the straight line between the real totals before and after the day,
 *   or between the ends of the anchored stretches next to it (join_anchored_stretches()).
 *   Every day in the span has one of these, since every dated list is also a real total and
 *   an anchored stretch touches its anchor.
 */
RapportFollowerSeries *
rapport_follower_series_compute (const RapportDataset *dataset)
{
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) lists = NULL;
  g_autofree gint64 *cumulative = NULL;
  g_autoptr(GArray) stretches = NULL;
  guint next_stretch = 0;
  RapportFollowerSeries *series;
  gint64 start = G_MAXINT64;
  gint64 end = G_MININT64;
  gint64 n_days;
  guint next_total = 0;

  g_return_val_if_fail (dataset != NULL, NULL);

  series = g_new0 (RapportFollowerSeries, 1);
  series->points = g_array_new (FALSE, FALSE, sizeof (RapportSeriesPoint));

  totals = collect_real_totals (dataset);
  lists = collect_dated_lists (dataset);
  stretches = collect_gain_stretches (dataset);

  if (totals->len > 0)
    {
      start = g_array_index (totals, RealTotal, 0).day;
      end = g_array_index (totals, RealTotal, totals->len - 1).day;
    }
  for (guint i = 0; i < lists->len; i++)
    {
      const DatedList *list = &g_array_index (lists, DatedList, i);

      start = MIN (start, list->first_day);
      end = MAX (end, list->export_day);
    }
  for (guint s = 0; s < stretches->len; s++)
    {
      const GainStretch *stretch = &g_array_index (stretches, GainStretch, s);

      for (guint i = 0; i < totals->len; i++)
        if (gain_stretch_anchors (stretch, g_array_index (totals, RealTotal, i).day))
          {
            start = MIN (start, stretch->first_day - DAY);
            end = MAX (end, stretch->last_day);
            break;
          }
    }
  if (start > end)
    return series;

  n_days = (end - start) / DAY + 1;
  g_array_set_size (series->points, n_days);

  /* Per list, a running sum of follows swept along the days. */
  cumulative = g_new0 (gint64, MAX (lists->len, 1));

  for (gint64 i = 0; i < n_days; i++)
    {
      RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);
      gint64 day = start + i * DAY;
      gint64 reconstructed = -1;
      gboolean is_real;
      double anchored;

      point->day = day;

      for (guint l = 0; l < lists->len; l++)
        {
          const DatedList *list = &g_array_index (lists, DatedList, l);

          if (day < list->first_day || day > list->export_day)
            continue;
          cumulative[l] += list->per_day[(day - list->first_day) / DAY];
        }
      for (guint l = 0; l < lists->len; l++)
        {
          const DatedList *list = &g_array_index (lists, DatedList, l);

          if (day >= list->first_day && day <= list->export_day)
            reconstructed = MAX (reconstructed, cumulative[l]);
        }

      while (next_total < totals->len && g_array_index (totals, RealTotal, next_total).day < day)
        next_total++;
      /* Stretches lie apart by more than a day: the one that may hold the day is the first
       * that does not end before it. */
      while (next_stretch < stretches->len &&
             g_array_index (stretches, GainStretch, next_stretch).last_day < day)
        next_stretch++;
      is_real = next_total < totals->len &&
                g_array_index (totals, RealTotal, next_total).day == day;
      /* Looked for only where no real total is: it weighs every total against the day. */
      anchored = !is_real && next_stretch < stretches->len
                 ? gain_stretch_anchored (&g_array_index (stretches, GainStretch, next_stretch),
                                          totals, day)
                 : -1;

      if (is_real)
        {
          const RealTotal *total = &g_array_index (totals, RealTotal, next_total);

          point->followers = total->count;
          point->kind = RAPPORT_SERIES_REAL;
          point->source = total->source;
          point->lower_bound = FALSE;
        }
      else if (anchored >= 0)
        {
          point->followers = anchored;
          point->kind = RAPPORT_SERIES_ANCHORED;
          point->source = RAPPORT_COUNT_SOURCE_ANALYTICS;
          point->lower_bound = FALSE;
        }
      else if (reconstructed >= 0)
        {
          point->followers = reconstructed;
          point->kind = RAPPORT_SERIES_RECONSTRUCTED;
          point->source = RAPPORT_COUNT_SOURCE_RECONSTRUCTION;
          point->lower_bound = TRUE;
        }
      else
        {
          const RealTotal *before;
          const RealTotal *after;

          /* Inside the span and past every dated list: real totals lie on both sides. */
          g_assert (next_total > 0 && next_total < totals->len);
          before = &g_array_index (totals, RealTotal, next_total - 1);
          after = &g_array_index (totals, RealTotal, next_total);
          point->followers = before->count + (double) (after->count - before->count)
                                             * (day - before->day) / (after->day - before->day);
          point->kind = RAPPORT_SERIES_INTERPOLATED;
          point->source = before->source;
          point->lower_bound = FALSE;
        }
    }

  join_anchored_stretches (series->points);
  return series;
}

const RapportSeriesPoint *
rapport_follower_series_point (const RapportFollowerSeries *series,
                               gint64                       t)
{
  gint64 first;
  gint64 index;

  g_return_val_if_fail (series != NULL, NULL);

  if (series->points->len == 0)
    return NULL;
  first = g_array_index (series->points, RapportSeriesPoint, 0).day;
  index = (rapport_day_of (t) - first) / DAY;
  if (rapport_day_of (t) < first || index >= series->points->len)
    return NULL;
  return &g_array_index (series->points, RapportSeriesPoint, index);
}

double
rapport_follower_series_at (const RapportFollowerSeries *series,
                            gint64                       t,
                            RapportSeriesKind           *kind_out)
{
  const RapportSeriesPoint *point;

  g_return_val_if_fail (series != NULL, NAN);

  point = rapport_follower_series_point (series, t);
  if (point == NULL)
    return NAN;
  if (kind_out != NULL)
    *kind_out = point->kind;
  return point->followers;
}

guint
rapport_follower_series_count_kind (const RapportFollowerSeries *series,
                                    RapportSeriesKind            kind)
{
  guint count = 0;

  g_return_val_if_fail (series != NULL, 0);

  for (guint i = 0; i < series->points->len; i++)
    if (g_array_index (series->points, RapportSeriesPoint, i).kind == kind)
      count++;
  return count;
}

RapportGainSummary
rapport_follower_gains_summarize (const RapportDataset        *dataset,
                                  const RapportFollowerSeries *series)
{
  RapportGainSummary summary = { 0, 0, 0, 0, RAPPORT_COUNT_UNKNOWN, 0 };
  const GArray *gains;

  g_return_val_if_fail (dataset != NULL, summary);
  g_return_val_if_fail (series != NULL, summary);

  gains = dataset->gains;
  summary.n_days = gains->len;
  if (gains->len == 0)
    return summary;
  summary.first_day = g_array_index (gains, RapportFollowerGain, 0).day;
  summary.last_day = g_array_index (gains, RapportFollowerGain, gains->len - 1).day;
  for (guint i = 0; i < gains->len; i++)
    {
      const RapportFollowerGain *gain = &g_array_index (gains, RapportFollowerGain, i);

      if (gain->gained != RAPPORT_COUNT_UNKNOWN)
        summary.gained += gain->gained;
      if (gain->lost != RAPPORT_COUNT_UNKNOWN)
        summary.lost = MAX (summary.lost, 0) + gain->lost;
    }
  summary.n_anchored = rapport_follower_series_count_kind (series, RAPPORT_SERIES_ANCHORED);
  return summary;
}

void
rapport_follower_series_free (RapportFollowerSeries *series)
{
  if (series == NULL)
    return;
  g_array_unref (series->points);
  g_free (series);
}

const char *
rapport_series_kind_to_string (RapportSeriesKind kind)
{
  switch (kind)
    {
    case RAPPORT_SERIES_RECONSTRUCTED:
      return "reconstructed";
    case RAPPORT_SERIES_INTERPOLATED:
      return "interpolated";
    case RAPPORT_SERIES_ANCHORED:
      return "anchored";
    case RAPPORT_SERIES_REAL:
    default:
      return "real";
    }
}
