/* rapport-coach.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "coach/rapport-coach-private.h"

/* Every rule, in no particular order: the result is sorted. */
static const RapportCoachRule rules[] = {
  rapport_coach_rule_divergence,
  rapport_coach_rule_drop_bait_tags,
  rapport_coach_rule_keep_tags,
  rapport_coach_rule_tag_count,
  rapport_coach_rule_collaboration_candidates,
  rapport_coach_rule_steady_rhythm,
  rapport_coach_rule_best_time,
  rapport_coach_rule_dropped_after_follow_back,
  rapport_coach_rule_f4f_share,
  rapport_coach_rule_spikes,
  rapport_coach_rule_coverage,
};

/* A sample of this many counts half: n / (n + 5) is 0.5 at 5, 0.67 at 10, 0.86 at 30. */
#define CONFIDENCE_HALF_SAMPLE 5.0
/* A relative effect (a difference of medians, a share) this large counts fully. */
#define CONFIDENCE_FULL_EFFECT 0.5
/* A p-value this large leaves no confidence. */
#define CONFIDENCE_NO_P 0.2
/* An effect the data cannot size counts half. */
#define CONFIDENCE_UNKNOWN_EFFECT 0.5

/*
 * Confidence of a suggestion, from 0 to 1: the product of three factors, each in [0, 1].
 *
 * - Sample: n / (n + 5), where n is the sample the suggestion rests on — for a comparison of
 *   two groups of posts the smaller group, since it bounds what the comparison can show.
 * - Effect: min (1, |effect| / 0.5), where effect is a relative size (an uplift of +30 % is
 *   0.3, a share of 12 % is 0.12): small effects are easily noise, and an effect of half or
 *   more counts fully.  0.5 when the effect cannot be sized (NAN).
 * - Chance: max (0, 1 − p / 0.2) for a comparison tested with Mann–Whitney, 1 when there is
 *   no test (p NAN).  A p-value of 0.2 or more (a difference that arises by chance one time in
 *   five) leaves no confidence, as in the hashtag unit's labels; rules that pick the best of k
 *   candidates (tags, time slots) pass p · k (Bonferroni), since the best of many looks
 *   significant by chance alone.
 *
 * Ten posts on each side, a 50 % uplift and p = 0.04 give 0.67 · 1 · 0.8 = 0.53.
 */
double
rapport_coach_confidence (guint  n,
                          double effect,
                          double p_value)
{
  double sample = n / (n + CONFIDENCE_HALF_SAMPLE);
  double size = isnan (effect) ? CONFIDENCE_UNKNOWN_EFFECT
                               : MIN (1.0, fabs (effect) / CONFIDENCE_FULL_EFFECT);
  double chance = isnan (p_value) ? 1.0 : MAX (0.0, 1.0 - p_value / CONFIDENCE_NO_P);

  return sample * size * chance;
}

RapportConfidence
rapport_coach_confidence_label (double confidence)
{
  if (confidence >= 0.5)
    return RAPPORT_CONFIDENCE_HIGH;
  if (confidence >= 0.25)
    return RAPPORT_CONFIDENCE_MEDIUM;
  return RAPPORT_CONFIDENCE_LOW;
}

const char *
rapport_suggestion_category_to_string (RapportSuggestionCategory category)
{
  switch (category)
    {
    case RAPPORT_SUGGESTION_HASHTAGS:
      return "hashtags";
    case RAPPORT_SUGGESTION_COLLABORATION:
      return "collaboration";
    case RAPPORT_SUGGESTION_CONSISTENCY:
      return "consistency";
    case RAPPORT_SUGGESTION_RECIPROCITY:
      return "reciprocity";
    case RAPPORT_SUGGESTION_CONTENT:
      return "content";
    case RAPPORT_SUGGESTION_DATA_COVERAGE:
      return "data_coverage";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rapport_suggestion_category_title (RapportSuggestionCategory category)
{
  switch (category)
    {
    case RAPPORT_SUGGESTION_HASHTAGS:
      return _("Hashtags");
    case RAPPORT_SUGGESTION_COLLABORATION:
      return _("Collaboration");
    case RAPPORT_SUGGESTION_CONSISTENCY:
      return _("Consistency");
    case RAPPORT_SUGGESTION_RECIPROCITY:
      return _("Reciprocity");
    case RAPPORT_SUGGESTION_CONTENT:
      return _("Content");
    case RAPPORT_SUGGESTION_DATA_COVERAGE:
      return _("Data coverage");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rapport_suggestion_state_to_string (RapportSuggestionState state)
{
  switch (state)
    {
    case RAPPORT_SUGGESTION_DISMISSED:
      return "dismissed";
    case RAPPORT_SUGGESTION_DONE:
      return "done";
    case RAPPORT_SUGGESTION_OPEN:
    default:
      return "open";
    }
}

RapportSuggestionState
rapport_suggestion_state_from_string (const char *state)
{
  if (g_strcmp0 (state, "dismissed") == 0)
    return RAPPORT_SUGGESTION_DISMISSED;
  if (g_strcmp0 (state, "done") == 0)
    return RAPPORT_SUGGESTION_DONE;
  return RAPPORT_SUGGESTION_OPEN;
}

const char *
rapport_evidence_kind_to_string (RapportEvidenceKind kind)
{
  switch (kind)
    {
    case RAPPORT_EVIDENCE_DATE_RANGE:
      return "date_range";
    case RAPPORT_EVIDENCE_POSTS:
      return "posts";
    case RAPPORT_EVIDENCE_ACCOUNTS:
      return "accounts";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
rapport_evidence_free (RapportEvidence *evidence)
{
  g_free (evidence->label);
  g_clear_pointer (&evidence->posts, g_array_unref);
  g_clear_pointer (&evidence->accounts, g_ptr_array_unref);
  g_free (evidence);
}

void
rapport_suggestion_free (RapportSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->key);
  g_free (suggestion->title);
  g_free (suggestion->explanation);
  g_free (suggestion->action);
  g_ptr_array_unref (suggestion->evidence);
  g_free (suggestion);
}

static RapportEvidence *
evidence_copy (const RapportEvidence *evidence)
{
  RapportEvidence *copy = g_memdup2 (evidence, sizeof *evidence);

  copy->label = g_strdup (evidence->label);
  if (evidence->posts != NULL)
    {
      copy->posts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), evidence->posts->len);
      g_array_append_vals (copy->posts, evidence->posts->data, evidence->posts->len);
    }
  if (evidence->accounts != NULL)
    copy->accounts = g_ptr_array_copy (evidence->accounts, (GCopyFunc) g_strdup, NULL);
  return copy;
}

GPtrArray *
rapport_suggestions_copy (GPtrArray *suggestions)
{
  GPtrArray *copy;

  g_return_val_if_fail (suggestions != NULL, NULL);

  copy = g_ptr_array_new_full (suggestions->len, (GDestroyNotify) rapport_suggestion_free);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      RapportSuggestion *dup = g_memdup2 (suggestion, sizeof *suggestion);

      dup->key = g_strdup (suggestion->key);
      dup->title = g_strdup (suggestion->title);
      dup->explanation = g_strdup (suggestion->explanation);
      dup->action = g_strdup (suggestion->action);
      dup->evidence = g_ptr_array_new_full (suggestion->evidence->len,
                                            (GDestroyNotify) rapport_evidence_free);
      for (guint e = 0; e < suggestion->evidence->len; e++)
        g_ptr_array_add (dup->evidence, evidence_copy (g_ptr_array_index (suggestion->evidence,
                                                                          e)));
      g_ptr_array_add (copy, dup);
    }
  return copy;
}

RapportSuggestion *
rapport_suggestion_new (RapportSuggestionCategory  category,
                        const char                *key)
{
  RapportSuggestion *suggestion = g_new0 (RapportSuggestion, 1);

  suggestion->category = category;
  suggestion->key = g_strdup (key);
  suggestion->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_evidence_free);
  return suggestion;
}

static RapportEvidence *
add_evidence (RapportSuggestion   *suggestion,
              RapportEvidenceKind  kind,
              const char          *label)
{
  RapportEvidence *evidence = g_new0 (RapportEvidence, 1);

  evidence->kind = kind;
  evidence->label = g_strdup (label);
  g_ptr_array_add (suggestion->evidence, evidence);
  return evidence;
}

void
rapport_suggestion_add_date_range (RapportSuggestion *suggestion,
                                   const char        *label,
                                   gint64             start,
                                   gint64             end)
{
  RapportEvidence *evidence = add_evidence (suggestion, RAPPORT_EVIDENCE_DATE_RANGE, label);

  evidence->start = rapport_day_of (MIN (start, end));
  evidence->end = rapport_day_of (MAX (start, end));
}

RapportEvidence *
rapport_suggestion_add_posts (RapportSuggestion *suggestion,
                              const char        *label)
{
  RapportEvidence *evidence = add_evidence (suggestion, RAPPORT_EVIDENCE_POSTS, label);

  evidence->posts = g_array_new (FALSE, FALSE, sizeof (gint64));
  return evidence;
}

void
rapport_evidence_add_post (RapportEvidence          *evidence,
                           const RapportDatasetPost *post)
{
  g_assert (evidence->kind == RAPPORT_EVIDENCE_POSTS);
  g_array_append_val (evidence->posts, post->id);
}

RapportEvidence *
rapport_suggestion_add_accounts (RapportSuggestion *suggestion,
                                 const char        *label)
{
  RapportEvidence *evidence = add_evidence (suggestion, RAPPORT_EVIDENCE_ACCOUNTS, label);

  evidence->accounts = g_ptr_array_new_with_free_func (g_free);
  return evidence;
}

void
rapport_evidence_add_account (RapportEvidence *evidence,
                              const char      *who)
{
  g_assert (evidence->kind == RAPPORT_EVIDENCE_ACCOUNTS);
  g_ptr_array_add (evidence->accounts, g_strdup (who));
}

void
rapport_suggestion_rate (RapportSuggestion *suggestion,
                         double             weight,
                         guint              n,
                         double             effect,
                         double             p_value)
{
  suggestion->n = n;
  suggestion->confidence = rapport_coach_confidence (n, effect, p_value);
  suggestion->confidence_label = rapport_coach_confidence_label (suggestion->confidence);
  /* Confidence moves a suggestion between half its rule's weight and the whole of it: how much
   * a rule matters sets the order first, and how sure it is refines it. */
  suggestion->priority = weight * (0.5 + 0.5 * suggestion->confidence);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const RapportSuggestion *x = *(const RapportSuggestion * const *) a;
  const RapportSuggestion *y = *(const RapportSuggestion * const *) b;
  gboolean x_open = x->state == RAPPORT_SUGGESTION_OPEN;
  gboolean y_open = y->state == RAPPORT_SUGGESTION_OPEN;

  if (x_open != y_open)
    return x_open ? -1 : 1;
  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

void
rapport_coach_sort (GPtrArray *suggestions)
{
  g_return_if_fail (suggestions != NULL);

  g_ptr_array_sort (suggestions, compare_suggestions);
}

GPtrArray *
rapport_coach_suggest (const RapportReport *report,
                       GHashTable          *states)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_suggestion_free);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    rules[i] (report, suggestions);

  for (guint i = 0; i < suggestions->len; i++)
    {
      RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      /* No advice without evidence: a rule that found nothing to show has no case. */
      g_assert (suggestion->evidence->len > 0);
      if (states != NULL)
        {
          const char *state = g_hash_table_lookup (states, suggestion->key);

          suggestion->state = rapport_suggestion_state_from_string (state);
        }
    }

  rapport_coach_sort (suggestions);
  return g_steal_pointer (&suggestions);
}

/* An account of evidence by its 'who': the handle the dataset's names give an id (Bluesky's
 * DIDs), else the 'who' itself, an id shortened. */
static char *
account_name (const RapportReport *report,
              const char          *who)
{
  const RapportPeople *names = report->dataset != NULL ? report->dataset->names : NULL;
  const RapportPerson *name = names != NULL ? rapport_people_find (names, who) : NULL;

  if (name != NULL)
    return rapport_format_name (report->dataset->platform, name->handle);
  return rapport_format_short_id (who);
}

char *
rapport_evidence_describe (const RapportEvidence *evidence,
                           const RapportReport   *report,
                           guint                  max_accounts)
{
  g_autoptr(GString) sample = g_string_new (NULL);

  g_return_val_if_fail (evidence != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  switch (evidence->kind)
    {
    case RAPPORT_EVIDENCE_DATE_RANGE:
      {
        g_autofree char *start = rapport_format_day (evidence->start);
        g_autofree char *end = rapport_format_day (evidence->end);

        if (evidence->start == evidence->end)
          return g_strdup_printf ("%s: %s.", evidence->label, start);
        return g_strdup_printf (_("%s: %s to %s."), evidence->label, start, end);
      }

    case RAPPORT_EVIDENCE_POSTS:
      {
        guint shown = MIN (evidence->posts->len, 3);

        for (guint i = 0; i < shown; i++)
          {
            const RapportDatasetPost *post =
              rapport_report_find_post (report, g_array_index (evidence->posts, gint64, i));
            g_autofree char *day = NULL;

            if (post == NULL)
              continue;
            day = rapport_format_day (post->created_at);
            g_string_append_printf (sample, "%s%s%s%s", sample->len > 0 ? "; " : "", day,
                                    post->url != NULL ? " " : "",
                                    post->url != NULL ? post->url : "");
          }
        if (evidence->posts->len > shown)
          g_string_append_printf (sample, g_dngettext (GETTEXT_PACKAGE, "; and %'u more",
                                                       "; and %'u more",
                                                       evidence->posts->len - shown),
                                  evidence->posts->len - shown);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %'u post (%s).",
                                             "%s: %'u posts (%s).", evidence->posts->len),
                                evidence->label, evidence->posts->len, sample->str);
      }

    case RAPPORT_EVIDENCE_ACCOUNTS:
    default:
      {
        guint shown = MIN (evidence->accounts->len, max_accounts);

        for (guint i = 0; i < shown; i++)
          {
            g_autofree char *name = account_name (report,
                                                  g_ptr_array_index (evidence->accounts, i));

            g_string_append_printf (sample, "%s%s", i > 0 ? ", " : "", name);
          }
        if (evidence->accounts->len == 1)
          return g_strdup_printf ("%s: %s.", evidence->label, sample->str);
        if (evidence->accounts->len > shown)
          g_string_append_printf (sample, g_dngettext (GETTEXT_PACKAGE, " and %'u more",
                                                       " and %'u more",
                                                       evidence->accounts->len - shown),
                                  evidence->accounts->len - shown);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %'u account (%s).",
                                             "%s: %'u accounts (%s).", evidence->accounts->len),
                                evidence->label, evidence->accounts->len, sample->str);
      }
    }
}
