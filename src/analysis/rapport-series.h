/* rapport-series.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily follower series of one account.  See rapport_follower_series_compute() for how each
 * day's value is chosen.
 */

#pragma once

#include "core/rapport-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_SERIES_REAL,          /* a total an export stated for that day */
  /* Counted from the follow dates of a later follower list: a lower bound. */
  RAPPORT_SERIES_RECONSTRUCTED,
  RAPPORT_SERIES_INTERPOLATED,  /* a straight line between the real totals around the day */
  /* The nearest real total carried along the daily gains and losses of an analytics export. */
  RAPPORT_SERIES_ANCHORED,
} RapportSeriesKind;

typedef struct
{
  gint64 day;                 /* Unix seconds at 00:00 UTC */
  double followers;
  RapportSeriesKind kind;
  RapportCountSource source;  /* for REAL points: where the total came from;
                               * RECONSTRUCTION for reconstructed points, ANALYTICS for anchored
                               * ones, and for interpolated ones the source of the total before
                               * them */
  gboolean lower_bound;       /* TRUE for reconstructed points */
} RapportSeriesPoint;

typedef struct
{
  GArray *points; /* RapportSeriesPoint, one per day without gaps, oldest first; may be empty */
} RapportFollowerSeries;

/* What the daily gains of analytics exports (RapportDataset.gains) add up to. */
typedef struct
{
  guint n_days;        /* days with a count of follows or unfollows */
  gint64 first_day;    /* the first and last of them; 0 without any */
  gint64 last_day;
  gint64 gained;       /* the known new followers summed */
  gint64 lost;         /* the known lost followers summed; RAPPORT_COUNT_UNKNOWN when no day
                        * counted them */
  guint n_anchored;    /* days of the series carried from a real total along them */
} RapportGainSummary;

/* "real", "reconstructed", "interpolated" or "anchored": stable names for reports. */
const char            *rapport_series_kind_to_string      (RapportSeriesKind            kind);

/* The UTC day (Unix seconds at 00:00 UTC) that contains @t. */
gint64                 rapport_day_of                     (gint64                       t);

/* Never NULL.  The series is empty when the dataset has no follower total and no dated list;
 * daily gains alone make no series (they state no total). */
RapportFollowerSeries *rapport_follower_series_compute    (const RapportDataset        *dataset);
/* Followers on the day of @t; NAN before the series starts or after it ends.  *kind_out may be
 * NULL and is left untouched when NAN is returned. */
double                 rapport_follower_series_at         (const RapportFollowerSeries *series,
                                                           gint64                       t,
                                                           RapportSeriesKind           *kind_out);
/* The point of the day of @t, or NULL outside the series. */
const RapportSeriesPoint *rapport_follower_series_point   (const RapportFollowerSeries *series,
                                                           gint64                       t);
/* Number of points of each kind, for coverage figures. */
guint                  rapport_follower_series_count_kind (const RapportFollowerSeries *series,
                                                           RapportSeriesKind            kind);
RapportGainSummary     rapport_follower_gains_summarize   (const RapportDataset        *dataset,
                                                           const RapportFollowerSeries *series);
void                   rapport_follower_series_free       (RapportFollowerSeries       *series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportFollowerSeries, rapport_follower_series_free)

G_END_DECLS
