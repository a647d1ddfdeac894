/* rapport-headline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one sentence the Overview and the report open with: how followers and engagement went
 * against each other, stated only on enough data (RAPPORT_HEADLINE_MIN_POSTS,
 * RAPPORT_HEADLINE_MIN_FOLLOWERS, RAPPORT_RATE_RELIABLE_MAX in rapport-engagement.h), and
 * otherwise the next-best true statement with the reason.
 */

#pragma once

#include "analysis/rapport-engagement.h"

G_BEGIN_DECLS

typedef enum
{
  /* No interactions per post and no follower figure to compare them with. */
  RAPPORT_HEADLINE_NONE,
  /* Followers grew while the median ER fell: RapportReport.divergence. */
  RAPPORT_HEADLINE_DIVERGENCE,
  /* Followers and the median ER from the first to the last posts: RapportReport.overall. */
  RAPPORT_HEADLINE_TREND,
  /* No engagement rate (no follower figure on the days of the posts): the median interactions
   * per post of the first and the last posts. */
  RAPPORT_HEADLINE_INTERACTIONS,
  /* There are figures, but too few or too unreliable to state a change: the reasons say why. */
  RAPPORT_HEADLINE_HELD_BACK,
} RapportHeadlineKind;

/* Why the headline is not a stronger kind; any number of them. */
typedef enum
{
  RAPPORT_HEADLINE_FEW_POSTS       = 1 << 0, /* under RAPPORT_HEADLINE_MIN_POSTS at an end */
  RAPPORT_HEADLINE_SMALL_BASE      = 1 << 1, /* under RAPPORT_HEADLINE_MIN_FOLLOWERS at the start */
  RAPPORT_HEADLINE_REBUILT_BASE    = 1 << 2, /* that base is rebuilt from follow dates */
  RAPPORT_HEADLINE_UNRELIABLE_RATE = 1 << 3, /* a median ER above RAPPORT_RATE_RELIABLE_MAX */
  RAPPORT_HEADLINE_NO_FOLLOWERS    = 1 << 4, /* no follower figure on the days of the posts */
  RAPPORT_HEADLINE_NO_ENGAGEMENT   = 1 << 5, /* no interactions per post */
} RapportHeadlineReason;

typedef struct
{
  RapportHeadlineKind kind;
  guint reasons;          /* RapportHeadlineReason */
  char *text;             /* a translated sentence; never NULL */
  /* The figures of an INTERACTIONS headline (or of one held back for few posts): the median
   * interactions per post in the first and the last window of [from, to]. */
  gint64 from;
  gint64 to;
  guint window_days;
  double before;          /* NAN when the window is empty */
  guint n_before;
  double after;
  guint n_after;
} RapportHeadline;

/* @per_post, @summary, @divergence and @overall as in RapportReport (the last two may be
 * NULL).  Never NULL. */
RapportHeadline *rapport_headline_compute        (const GArray                   *per_post,
                                                  const RapportEngagementSummary *summary,
                                                  const RapportDivergence        *divergence,
                                                  const RapportDivergence        *overall);
/* "none", "divergence", "trend", "interactions", "held-back": stable names for reports. */
const char      *rapport_headline_kind_to_string (RapportHeadlineKind             kind);
/* "few-posts", "small-base", …, for each bit of RapportHeadlineReason. */
const char      *rapport_headline_reason_to_string (RapportHeadlineReason         reason);
void             rapport_headline_free           (RapportHeadline                *headline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportHeadline, rapport_headline_free)

G_END_DECLS
