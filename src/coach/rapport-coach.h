/* rapport-coach.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coach turns a report into ranked suggestions.  Each suggestion quotes the account's own
 * numbers, proposes one action, and carries the evidence behind it (a date range, posts,
 * accounts) for the UI to open.  Rules that lack the data stay silent; where data is missing,
 * the coverage rule says which export would provide it.  Nothing here acts on a platform.
 */

#pragma once

#include "analysis/rapport-report.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_SUGGESTION_HASHTAGS,
  RAPPORT_SUGGESTION_COLLABORATION,
  RAPPORT_SUGGESTION_CONSISTENCY,
  RAPPORT_SUGGESTION_RECIPROCITY,
  RAPPORT_SUGGESTION_CONTENT,
  RAPPORT_SUGGESTION_DATA_COVERAGE,
} RapportSuggestionCategory;

typedef enum
{
  RAPPORT_SUGGESTION_OPEN,
  RAPPORT_SUGGESTION_DISMISSED,
  RAPPORT_SUGGESTION_DONE,
} RapportSuggestionState;

typedef enum
{
  RAPPORT_EVIDENCE_DATE_RANGE,
  RAPPORT_EVIDENCE_POSTS,
  RAPPORT_EVIDENCE_ACCOUNTS,
} RapportEvidenceKind;

typedef struct
{
  RapportEvidenceKind kind;
  char *label;          /* translated, what the evidence is: "Posts with #f4f" */
  gint64 start;         /* DATE_RANGE: first day, 00:00 UTC */
  gint64 end;           /* DATE_RANGE: last day (included), 00:00 UTC */
  GArray *posts;        /* POSTS: gint64 store ids (RapportDatasetPost.id), oldest first */
  GPtrArray *accounts;  /* ACCOUNTS: the 'who' of each account (char *), in 'who' order */
} RapportEvidence;

typedef struct
{
  /* Rule and subject, "hashtags.drop-bait:f4f": the same advice on the same subject gets the
   * same key after a re-import, so its state sticks. */
  char *key;
  RapportSuggestionCategory category;
  char *title;
  char *explanation;    /* quotes the figures behind it, with their n */
  char *action;         /* one concrete thing to do */
  GPtrArray *evidence;  /* RapportEvidence, at least one */
  guint n;              /* the sample size the confidence rests on */
  double confidence;    /* 0–1, see rapport_coach_confidence() */
  RapportConfidence confidence_label;
  double priority;      /* 0–100, higher first, see rapport-coach-rules.c */
  RapportSuggestionState state;
} RapportSuggestion;

/* Runs every rule over @report.  @states (may be NULL) maps suggestion keys to "dismissed" or
 * "done", as rapport_store_get_suggestion_states() returns them.  Returns the suggestions
 * (RapportSuggestion, owned by the array) sorted by rapport_coach_sort(). */
GPtrArray         *rapport_coach_suggest           (const RapportReport       *report,
                                                    GHashTable                *states);
/* Open suggestions first, each group by priority, highest first, then by key. */
void               rapport_coach_sort              (GPtrArray                 *suggestions);

/* confidence = n / (n + 5) · min (1, |effect| / 0.5) · max (0, 1 − p / 0.2), see
 * rapport-coach.c. */
double             rapport_coach_confidence        (guint                      n,
                                                    double                     effect,
                                                    double                     p_value);
/* high from 0.5, medium from 0.25, low below. */
RapportConfidence  rapport_coach_confidence_label  (double                     confidence);

/* Stable names for reports and keys ("data_coverage", "dismissed", "posts"). */
const char        *rapport_suggestion_category_to_string (RapportSuggestionCategory category);
/* The category's translated name ("Data coverage"). */
const char        *rapport_suggestion_category_title     (RapportSuggestionCategory category);
const char        *rapport_suggestion_state_to_string    (RapportSuggestionState    state);
/* OPEN for NULL and for anything unknown. */
RapportSuggestionState rapport_suggestion_state_from_string (const char            *state);
const char        *rapport_evidence_kind_to_string       (RapportEvidenceKind       kind);

void               rapport_suggestion_free         (RapportSuggestion         *suggestion);
/* A deep copy of @suggestions (RapportSuggestion), for a thread to read while the original
 * may change state. */
GPtrArray         *rapport_suggestions_copy        (GPtrArray                 *suggestions);
/* One sentence for a piece of evidence, as the reports print it ("Posts with #f4f: 12 posts
 * (3 Mar 2024 https://…; …; and 9 more)."), naming at most @max_accounts accounts.  It holds
 * text from the exports: escape it for where it goes. */
char              *rapport_evidence_describe       (const RapportEvidence     *evidence,
                                                    const RapportReport       *report,
                                                    guint                      max_accounts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSuggestion, rapport_suggestion_free)

G_END_DECLS
