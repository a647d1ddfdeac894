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

/* Posts on the other side of a comparison needed to speak about a tag, a slot or a number of
 * tags. */
#define RAPPORT_COACH_MIN_COMPARED_POSTS 5

const RapportPostEngagement *rapport_coach_entry_at          (const RapportReport *report,
                                                              guint                index);
/* The uplift of the own posts with a known ER that @member marks (indexed like per_post)
 * against all other own posts with a known ER. */
void                         rapport_coach_uplift_of_members (const RapportReport *report,
                                                              const gboolean      *member,
                                                              RapportUplift       *uplift);
/* Multiplies @uplift's p-value by the @k candidates it was picked from (Bonferroni, capped at
 * 1), then says whether the pick is worth acting on: RAPPORT_COACH_MIN_COMPARED_POSTS posts or
 * more on the other side, an uplift of 10 % or more, and the corrected p below 0.05. */
gboolean                     rapport_coach_uplift_select     (RapportUplift       *uplift,
                                                              guint                k);
/* "YYYY-MM-DD" of @t in UTC, for keys; "unknown" out of range. */
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
