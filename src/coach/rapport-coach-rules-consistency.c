/* rapport-coach-rules-consistency.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consistency rules: a steadier posting rhythm, and the time that performed best.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"

#include "coach/rapport-coach-private.h"

/* Posting rhythm: intervals and weeks needed, and when posting counts as uneven. */
#define RHYTHM_MIN_INTERVALS 8
#define RHYTHM_MIN_WEEKS 4
#define RHYTHM_UNEVEN_CV 1.0
#define RHYTHM_UNEVEN_EMPTY_WEEKS 0.25


static int
compare_gap_lengths (gconstpointer a,
                     gconstpointer b)
{
  const RapportCadenceGap *x = a;
  const RapportCadenceGap *y = b;

  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

/* Post on a steadier rhythm: with eight intervals or more over four weeks or more, when the
 * gaps between posts vary as much as their mean (coefficient of variation ≥ 1, the spread of
 * posting at random moments) or a quarter of the weeks had no post.  The suggested pace is the
 * creator's own average of posts per week, spread evenly. */
void
rapport_coach_rule_steady_rhythm (const RapportReport *report,
                                  GPtrArray           *out)
{
  const RapportCadence *cadence = report->cadence;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *gap_from = NULL;
  g_autofree char *gap_to = NULL;
  g_autofree char *rhythm = NULL;
  RapportSuggestion *suggestion;
  double empty_share;
  double per_week;

  if (cadence->n_intervals < RHYTHM_MIN_INTERVALS || cadence->n_weeks < RHYTHM_MIN_WEEKS)
    return;
  empty_share = (double) cadence->weeks_without_posts / cadence->n_weeks;
  if (!(cadence->interval_cv >= RHYTHM_UNEVEN_CV) && empty_share < RHYTHM_UNEVEN_EMPTY_WEEKS)
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, "consistency.rhythm");
  suggestion->title = g_strdup (_("Post on a steadier rhythm"));

  text = g_string_new (NULL);
  first = rapport_format_day (cadence->first);
  last = rapport_format_day (cadence->last);
  rhythm = rapport_format_posts_per_week (cadence->posts_per_week);
  /* Translators: the last %s is a rhythm, "2.5 posts a week" or "1 post every 32 weeks". */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "From %s to %s you posted %'u time, %s on average.",
                                       "From %s to %s you posted %'u times, %s on average.",
                                       cadence->n_posts),
                          first, last, cadence->n_posts, rhythm);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'u of those %'u weeks had no post.",
                                       "%'u of those %'u weeks had no post.",
                                       cadence->n_weeks),
                          cadence->weeks_without_posts, cadence->n_weeks);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The gaps between posts vary widely: half of them lie between "
                                  "%.1f and %.1f days (median %.1f), and their spread is %.1f "
                                  "times their mean."),
                          cadence->interval_q1, cadence->interval_q3, cadence->interval_median,
                          cadence->interval_cv);
  gap_from = rapport_format_day (cadence->longest_gap.from);
  gap_to = rapport_format_day (cadence->longest_gap.to);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The longest pause lasted %.0f days, from %s to %s."),
                          cadence->longest_gap.days, gap_from, gap_to);
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);

  /* The pace to keep is the creator's own average, which the bursts show they can sustain;
   * the gaps within bursts would ask for far more. */
  per_week = cadence->posts_per_week;
  if (per_week >= 0.75)
    {
      guint n = (guint) CLAMP (round (per_week), 1, 14);

      suggestion->action = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Plan %u post a week on fixed days — "
                                                         "your average pace — and prepare posts "
                                                         "ahead for busy weeks.",
                                                         "Plan %u posts a week on fixed days — "
                                                         "your average pace — and prepare posts "
                                                         "ahead for busy weeks.",
                                                         n),
                                            n);
    }
  else
    {
      guint weeks = (guint) MAX (2, round (1 / per_week));

      suggestion->action = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Plan one post every %u week on a fixed "
                                                         "day — your average pace — and prepare "
                                                         "posts ahead for busy weeks.",
                                                         "Plan one post every %u weeks on a "
                                                         "fixed day — your average pace — and "
                                                         "prepare posts ahead for busy weeks.",
                                                         weeks),
                                            weeks);
    }

  if (cadence->gaps->len == 0)
    rapport_suggestion_add_date_range (suggestion, _("The longest pause"),
                                       cadence->longest_gap.from, cadence->longest_gap.to);
  /* The longest pauses first: they say most about the rhythm. */
  gaps = g_array_copy (cadence->gaps);
  g_array_sort (gaps, compare_gap_lengths);
  for (guint i = 0; i < gaps->len; i++)
    {
      const RapportCadenceGap *gap = &g_array_index (gaps, RapportCadenceGap, i);
      g_autofree char *label = g_strdup_printf (_("A pause of %.0f days"), gap->days);

      rapport_suggestion_add_date_range (suggestion, label, gap->from, gap->to);
    }

  rapport_suggestion_rate (suggestion, 50, cadence->n_intervals,
                           MAX (isnan (cadence->interval_cv) ? 0 : cadence->interval_cv / 2,
                                empty_share),
                           NAN);
  g_ptr_array_add (out, suggestion);
}

/* What the suggestions say of each weekday, Monday first as RapportCadenceSlot counts them. */
typedef struct
{
  const char *key;
  const char *name;
  const char *plural;  /* "on Mondays" */
} WeekdayTexts;

static const WeekdayTexts weekday_texts[7] = {
  { "mon", N_("Monday"), N_("Mondays") },
  { "tue", N_("Tuesday"), N_("Tuesdays") },
  { "wed", N_("Wednesday"), N_("Wednesdays") },
  { "thu", N_("Thursday"), N_("Thursdays") },
  { "fri", N_("Friday"), N_("Fridays") },
  { "sat", N_("Saturday"), N_("Saturdays") },
  { "sun", N_("Sunday"), N_("Sundays") },
};

static gboolean
in_slot (const RapportCadenceSlot *slot,
         guint                     weekday,
         guint                     hour)
{
  return (slot->weekday < 0 || (guint) slot->weekday == weekday)
      && hour >= slot->hour_start && hour < slot->hour_end;
}

/* Post at the time that performed best: the cadence unit's best weekday × hour, else its best
 * weekday, else its best three-hour block — each only when it has at least five posts with a
 * known ER (the cadence unit's rule) — and the first of them whose posts beat all the others
 * (five at least) by 10 % or more with p · k below 0.05, k being the slots of that kind with
 * five posts or more that it was picked from: the best of 168 hours of the week easily looks
 * good by chance. */
void
rapport_coach_rule_best_time (const RapportReport *report,
                              GPtrArray           *out)
{
  const RapportCadenceSlot *slots[] = {
    report->cadence->best_cell, report->cadence->best_weekday, report->cadence->best_block,
  };
  guint n = report->per_post->len;
  g_autofree guint8 *weekdays = g_new (guint8, n + 1);
  g_autofree guint8 *hours = g_new (guint8, n + 1);
  g_autofree gboolean *member = g_new0 (gboolean, n + 1);
  guint n_slots[3] = { 0, 0, 0 };

  /* Slots of each kind with enough posts: the candidates each best one was picked from. */
  for (guint d = 0; d < 7; d++)
    {
      guint day = 0;

      for (guint h = 0; h < 24; h++)
        {
          day += report->cadence->heatmap[d][h].n_rated;
          if (report->cadence->heatmap[d][h].n_rated >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
            n_slots[0]++;
        }
      if (day >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
        n_slots[1]++;
    }
  for (guint b = 0; b < 24; b += RAPPORT_CADENCE_BLOCK_HOURS)
    {
      guint block = 0;

      for (guint d = 0; d < 7; d++)
        for (guint h = b; h < b + RAPPORT_CADENCE_BLOCK_HOURS; h++)
          block += report->cadence->heatmap[d][h].n_rated;
      if (block >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
        n_slots[2]++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint weekday;
      guint hour;

      /* A post without a slot is in none: no weekday 7, no hour 24. */
      if (!rapport_cadence_slot_of (rapport_coach_entry_at (report, i)->post->created_at,
                                    report->tz, &weekday, &hour))
        {
          weekday = 7;
          hour = 24;
        }
      weekdays[i] = weekday;
      hours[i] = hour;
    }

  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    {
      const RapportCadenceSlot *slot = slots[s];
      g_autofree char *key = NULL;
      g_autofree char *phrase = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GString) text = NULL;
      const WeekdayTexts *day;
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;
      RapportUplift uplift;

      if (slot == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        member[i] = in_slot (slot, weekdays[i], hours[i]);
      rapport_coach_uplift_of_members (report, member, &uplift);
      if (!rapport_coach_uplift_select (&uplift, n_slots[s]))
        continue;

      day = slot->weekday >= 0 ? &weekday_texts[slot->weekday] : NULL;
      if (slot->weekday >= 0 && slot->hour_end - slot->hour_start < 24)
        {
          key = g_strdup_printf ("consistency.best-time:%s-%02u", day->key, slot->hour_start);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post on Thursdays around 18:00". */
          suggestion->title = g_strdup_printf (_("Post on %s around %02u:00"),
                                               _(day->plural), slot->hour_start);
          /* Translators: "on Thursdays between 18:00 and 19:00", follows "your posts". */
          phrase = g_strdup_printf (_("on %s between %02u:00 and %02u:00"), _(day->plural),
                                    slot->hour_start, slot->hour_end);
          suggestion->action = g_strdup_printf (_("Schedule your next posts for %s around "
                                                  "%02u:00."),
                                                _(day->name), slot->hour_start);
        }
      else if (slot->weekday >= 0)
        {
          key = g_strdup_printf ("consistency.best-time:%s", day->key);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post on Thursdays". */
          suggestion->title = g_strdup_printf (_("Post on %s"), _(day->plural));
          /* Translators: "on Thursdays", follows "your posts". */
          phrase = g_strdup_printf (_("on %s"), _(day->plural));
          suggestion->action = g_strdup_printf (_("Schedule your next posts for a %s."),
                                                _(day->name));
        }
      else
        {
          key = g_strdup_printf ("consistency.best-time:%02u-%02u", slot->hour_start,
                                 slot->hour_end);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post between 18:00 and 21:00". */
          suggestion->title = g_strdup_printf (_("Post between %02u:00 and %02u:00"),
                                               slot->hour_start, slot->hour_end);
          /* Translators: "between 18:00 and 21:00", follows "your posts". */
          phrase = g_strdup_printf (_("between %02u:00 and %02u:00"), slot->hour_start,
                                    slot->hour_end);
          suggestion->action = g_strdup_printf (_("Schedule your next posts between %02u:00 and "
                                                  "%02u:00."),
                                                slot->hour_start, slot->hour_end);
        }

      text = g_string_new (NULL);
      rapport_coach_append_comparison (text, phrase, _("other posts"), &uplift);
      if (n_slots[s] > 1)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The p-value allows for the %u time slot compared.",
                                               "The p-value allows for the %u time slots "
                                               "compared.",
                                               n_slots[s]),
                                  n_slots[s]);
        }
      g_string_append_c (text, ' ');
      /* Translators: %s is a time zone such as "Europe/Berlin". */
      g_string_append_printf (text, _("Times are in the time zone %s."),
                              g_time_zone_get_identifier (report->tz));
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);

      /* Translators: %s is a phrase such as "on Thursdays between 18:00 and 19:00". */
      label = g_strdup_printf (_("Posts %s"), phrase);
      evidence = rapport_suggestion_add_posts (suggestion, label);
      for (guint i = 0; i < n; i++)
        if (member[i] && !isnan (rapport_coach_entry_at (report, i)->rate))
          rapport_evidence_add_post (evidence, rapport_coach_entry_at (report, i)->post);

      rapport_suggestion_rate (suggestion, 50, MIN (uplift.n_with, uplift.n_without),
                               uplift.uplift, uplift.p_value);
      g_ptr_array_add (out, suggestion);
      return;
    }
}
