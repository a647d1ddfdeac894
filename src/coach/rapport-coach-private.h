/* rapport-coach-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the rules share: building suggestions and their evidence, and formatting numbers for
 * the sentences.
 */

#pragma once

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

/* A rule appends its suggestions (RapportSuggestion) to @out; it stays silent without the
 * data to back them. */
typedef void (*RapportCoachRule) (const RapportReport *report,
                                  GPtrArray           *out);

RapportSuggestion *rapport_suggestion_new            (RapportSuggestionCategory  category,
                                                      const char                *key);
void               rapport_suggestion_add_date_range (RapportSuggestion         *suggestion,
                                                      const char                *label,
                                                      gint64                     start,
                                                      gint64                     end);
/* An empty list of posts to fill with rapport_evidence_add_post(). */
RapportEvidence   *rapport_suggestion_add_posts      (RapportSuggestion         *suggestion,
                                                      const char                *label);
void               rapport_evidence_add_post         (RapportEvidence           *evidence,
                                                      const RapportDatasetPost  *post);
/* An empty list of accounts to fill with rapport_evidence_add_account(). */
RapportEvidence   *rapport_suggestion_add_accounts   (RapportSuggestion         *suggestion,
                                                      const char                *label);
void               rapport_evidence_add_account      (RapportEvidence           *evidence,
                                                      const char                *who);
/* Sets n, confidence and its label from rapport_coach_confidence(), and the priority from the
 * rule's @weight (0–100): weight · (0.5 + 0.5 · confidence). */
void               rapport_suggestion_rate           (RapportSuggestion         *suggestion,
                                                      double                     weight,
                                                      guint                      n,
                                                      double                     effect,
                                                      double                     p_value);

/* What the rules share, in rapport-coach-rules.c. */

/* An uplift below this is too small to act on, however certain. */
#define RAPPORT_COACH_MIN_UPLIFT 0.10
/* Posts on the other side of a comparison needed to speak about a slot or a number of tags. */
#define RAPPORT_COACH_MIN_COMPARED_POSTS 5
/* The best of k candidates must beat the rest with p · k below this (Bonferroni). */
#define RAPPORT_COACH_SELECTED_P 0.05

const RapportPostEngagement *rapport_coach_entry_at          (const RapportReport *report,
                                                              guint                index);
/* The uplift of the own posts with a known ER that @member marks (indexed like per_post)
 * against all other own posts with a known ER. */
void                         rapport_coach_uplift_of_members (const RapportReport *report,
                                                              const gboolean      *member,
                                                              RapportUplift       *uplift);
/* @uplift with its p-value multiplied by the @k candidates it was picked from (Bonferroni),
 * capped at 1. */
RapportUplift                rapport_coach_uplift_corrected  (const RapportUplift *uplift,
                                                              guint                k);
/* "YYYY-MM-DD" of @t in UTC, for keys. */
char                        *rapport_coach_key_day           (gint64               t);
/* "Your 8 posts with #travel had a median engagement rate of 5.1 %, against 2.9 % for the
 * 27 without it: +75.9 % (p = 0.03, unlikely to be chance)." */
void                         rapport_coach_append_comparison (GString             *text,
                                                              const char          *with_phrase,
                                                              const char          *without_phrase,
                                                              const RapportUplift *uplift);

/* The rules, one file a suggestion category. */
void rapport_coach_rule_drop_bait_tags           (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_keep_tags                (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_tag_count                (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_collaboration_candidates (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_steady_rhythm            (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_best_time                (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_dropped_after_follow_back (const RapportReport *report,
                                                   GPtrArray           *out);
void rapport_coach_rule_f4f_share                (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_divergence               (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_spikes                   (const RapportReport *report,
                                                  GPtrArray           *out);
void rapport_coach_rule_coverage                 (const RapportReport *report,
                                                  GPtrArray           *out);

G_END_DECLS
