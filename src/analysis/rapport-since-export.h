/* rapport-since-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Since your last export": who came and went between an account's last two exports with a
 * follower list, or, where that cannot be told, why not.  The Overview asks this first, so it
 * answers with the exports the account has, even before the lists are read.
 */

#pragma once

#include "analysis/rapport-audience.h"
#include "analysis/rapport-coverage.h"

G_BEGIN_DECLS

typedef enum
{
  /* The step into the newest follower list: its counts and accounts are in step. */
  RAPPORT_SINCE_EXPORT_CHANGES,
  /* One export of the account, or none: nothing to compare it with yet. */
  RAPPORT_SINCE_EXPORT_ONE_EXPORT,
  /* Several exports, but fewer than two of them with a follower list. */
  RAPPORT_SINCE_EXPORT_NO_LISTS,
  /* Two follower lists or more, but no churn to read the step from (a summary, whose lists
   * come with the details). */
  RAPPORT_SINCE_EXPORT_NOT_READ,
} RapportSinceExportState;

typedef struct
{
  RapportSinceExportState state;
  /* CHANGES: borrowed from the churn; NULL otherwise. */
  const RapportChurnStep *step;
  guint n_exports;
  guint n_with_followers;
  /* const RapportDatasetSnapshot *, borrowed: the exports without a follower list, oldest
   * first, so the page can name them. */
  GPtrArray *without_followers;
} RapportSinceExport;

/* @churn may be NULL (a summary).  The result borrows @dataset and @churn. */
RapportSinceExport *rapport_since_export_compute      (const RapportDataset     *dataset,
                                                       const RapportChurn       *churn);
/* Whether the step knows who followed back among those who left: FALSE when neither of its
 * exports has a following list. */
gboolean            rapport_since_export_knows_dropped (const RapportSinceExport *since);
/* What the two follower lists of a step were: a refresh from the web is no export, and the
 * sentences about a step name each side as what it was. */
typedef enum
{
  RAPPORT_STEP_FROM_EXPORTS,   /* both lists came from exports */
  RAPPORT_STEP_FROM_REFRESHES, /* both from refreshes from the web */
  RAPPORT_STEP_FROM_BOTH,      /* one from an export, the other from a refresh */
} RapportStepSources;

RapportStepSources  rapport_churn_step_sources        (const RapportChurnStep   *step);
/* Why @step cannot tell who dropped the creator after a follow-back (neither side has a
 * following list), naming the sides as what they were.  @brief: a clause to go inside a
 * sentence, "neither export lists the accounts you follow"; else two sentences with what
 * would give it. */
char               *rapport_since_export_explain_dropped (const RapportChurnStep *step,
                                                          gboolean                brief);
/* The 'who' (in the newer list) of each renamed follower, NULL-terminated; NULL unless the
 * step names its people. */
char              **rapport_since_export_renamed_whos (const RapportSinceExport *since);
/* Why there is no step, in a sentence or two, as the Overview and the report say it; NULL in
 * state CHANGES.  @coverage (may be NULL) gives the churn's own explanation; @details says
 * whether the lists have been read (FALSE: a summary, still comparing). */
char               *rapport_since_export_explain      (const RapportSinceExport *since,
                                                       const RapportCoverage    *coverage,
                                                       gboolean                  details);
/* The state's name in the JSON report: "changes", "one-export", "no-lists", "not-read". */
const char         *rapport_since_export_state_name   (RapportSinceExportState   state);
void                rapport_since_export_free         (RapportSinceExport       *since);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSinceExport, rapport_since_export_free)

G_END_DECLS
