/* rapport-coach-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the coach's rules share; the rules themselves are in one file a suggestion category,
 * rapport-coach-rules-<category>.c.  Each says when it speaks, and is silent otherwise.
 * Priorities are a rule's weight (below) times 0.5 + 0.5 · confidence; the weights say how much
 * a finding matters to authentic growth:
 *
 *   followers up while engagement falls           90
 *   missing engagement counts                     85
 *   bait tags                                     80
 *   follow-for-follow share                       75
 *   missing follower history                      70
 *   dropped after a follow-back                   60
 *   missing follower and following lists          60
 *   collaboration candidates                      55, 50, 45
 *   tags with uplift                              55
 *   posting rhythm, best time                     50
 *   missing follow dates                          50
 *   number of tags                                45
 *   missing second follower list                  45
 *   follower jump without engagement              40
 *   missing comments and likes                    35
 *   missing impressions                           25
 *   missing comment counts                        20
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-dates.h"
#include "core/rapport-format.h"
#include "core/rapport-stats.h"

#include "coach/rapport-coach-private.h"

/* An uplift below this is too small to act on, however certain. */
#define MIN_UPLIFT 0.10
/* The best of k candidates must beat the rest with p · k below this (Bonferroni). */
#define SELECTED_P 0.05

const RapportPostEngagement *
rapport_coach_entry_at (const RapportReport *report,
                        guint                index)
{
  return &g_array_index (report->per_post, RapportPostEngagement, index);
}

void
rapport_coach_uplift_of_members (const RapportReport *report,
                                 const gboolean      *member,
                                 RapportUplift       *uplift)
{
  g_autoptr(GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = rapport_coach_entry_at (report, i);

      if (!isnan (entry->rate))
        g_array_append_val (member[i] ? with : without, entry->rate);
    }
  rapport_uplift_compute ((double *) with->data, with->len,
                          (double *) without->data, without->len, uplift);
}

gboolean
rapport_coach_uplift_select (RapportUplift *uplift,
                             guint          k)
{
  /* The best of many looks good by chance alone. */
  if (!isnan (uplift->p_value))
    uplift->p_value = MIN (1.0, uplift->p_value * MAX (k, 1));

  return uplift->n_without >= RAPPORT_COACH_MIN_COMPARED_POSTS
      && uplift->uplift >= MIN_UPLIFT
      && uplift->p_value < SELECTED_P;
}

char *
rapport_coach_key_day (gint64 t)
{
  char *day = rapport_date_format_day (t);

  return day != NULL ? day : g_strdup ("unknown");
}

void
rapport_coach_append_comparison (GString             *text,
                                 const char          *with_phrase,
                                 const char          *without_phrase,
                                 const RapportUplift *uplift)
{
  g_autofree char *median_with = rapport_format_percent (uplift->median_with);
  g_autofree char *median_without = rapport_format_percent (uplift->median_without);
  g_autofree char *change = rapport_format_change (uplift->uplift);
  g_autofree char *significance = rapport_format_significance (uplift->p_value);

  /* Translators: the first %s is a group of posts ("with #travel"), the second its median
   * engagement rate, the third the rest ("without it") and its rate; then the change and the
   * significance, as in "+75.9 % (p = 0.03, unlikely to be chance)". */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Your %'u post %s had a median engagement rate of %s, "
                                       "against %s for the %'u %s: %s (%s).",
                                       "Your %'u posts %s had a median engagement rate of %s, "
                                       "against %s for the %'u %s: %s (%s).",
                                       uplift->n_with),
                          uplift->n_with, with_phrase, median_with, median_without,
                          uplift->n_without, without_phrase, change, significance);
}
