/* rapport-coverage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which figures the imported exports of an account can support, and for those they cannot,
 * which export (or which kind of account) would: the analysis says what is missing instead of
 * inventing a number.
 */

#pragma once

#include "core/rapport-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_FIGURE_FOLLOWER_HISTORY,        /* real follower totals over time */
  RAPPORT_FIGURE_FOLLOW_DATES,            /* when each follower followed */
  RAPPORT_FIGURE_POST_ENGAGEMENT,         /* interactions per post */
  RAPPORT_FIGURE_IMPRESSIONS,             /* impressions per post */
  RAPPORT_FIGURE_COMMENTS_RECEIVED,       /* comments or replies per post */
  RAPPORT_FIGURE_RECIPROCITY,             /* follower and following list of one moment */
  RAPPORT_FIGURE_CHURN,                   /* two follower lists to compare */
  RAPPORT_FIGURE_COLLABORATION_CANDIDATES, /* the creator's comments, likes, replies to mutuals */
  RAPPORT_N_FIGURES
} RapportFigure;

typedef enum
{
  RAPPORT_COVERAGE_MISSING, /* the figure cannot be computed */
  RAPPORT_COVERAGE_PARTIAL, /* computed from part of what it needs (see the explanation) */
  RAPPORT_COVERAGE_FULL,
} RapportCoverageLevel;

typedef struct
{
  RapportFigure figure;
  RapportCoverageLevel level;
  /* The sample behind the level, per figure:
   *   follower history: days with a real follower total (n), total unused (0);
   *   follow dates: followers with a date in the newest follower list, of its size;
   *   engagement, impressions, comments received: own posts with that count, of own posts;
   *   reciprocity: exports with both lists, of exports;
   *   churn: exports with a follower list, of exports;
   *   collaboration candidates: comments, likes and replies with a known target, total unused. */
  guint n;
  guint total;
  /* A translated sentence or two: what is missing and which export would provide it.  NULL
   * when the level is FULL. */
  char *explanation;
  /* Whether some export of the platform can provide the figure: where none can, there is
   * nothing to import. */
  gboolean importable;
} RapportCoverageItem;

typedef struct
{
  RapportPlatform platform;
  RapportCoverageItem items[RAPPORT_N_FIGURES];
} RapportCoverage;

RapportCoverage           *rapport_coverage_compute  (const RapportDataset  *dataset);
const RapportCoverageItem *rapport_coverage_get      (const RapportCoverage *coverage,
                                                      RapportFigure          figure);
void                       rapport_coverage_free     (RapportCoverage       *coverage);

/* A stable name for reports ("follower-history"), not for display. */
const char                *rapport_figure_to_string  (RapportFigure          figure);
/* The figure's translated name ("Follower history") for an account of @platform. */
const char                *rapport_figure_title      (RapportFigure          figure,
                                                      RapportPlatform        platform);
/* Whether the figure counts own posts: n of total are those with it, of all of them. */
gboolean                   rapport_figure_counts_posts  (RapportFigure              figure);
/* For a figure that counts own posts: whether @post has it. */
gboolean                   rapport_figure_post_has      (RapportFigure              figure,
                                                         const RapportDatasetPost  *post);
/* What the item's n and total count, translated: "2 of 3 posts", "1 day with a real total". */
char                      *rapport_coverage_item_sample (const RapportCoverageItem *item);
/* "missing", "partial", "full": a stable name for reports. */
const char                *rapport_coverage_level_to_string (RapportCoverageLevel level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCoverage, rapport_coverage_free)

G_END_DECLS
