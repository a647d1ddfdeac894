/* rapport-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rapport-dates.h"
#include "rapport-format.h"

char *
rapport_format_day (gint64 t)
{
  g_autoptr(GDateTime) date = t > 0 ? g_date_time_new_from_unix_utc (t) : NULL;

  if (date == NULL)
    return g_strdup (RAPPORT_FORMAT_NONE);
  /* Translators: a date in sentences and lists, a g_date_time_format() format; "%-d %b %Y"
   * gives "3 Mar 2025". */
  return g_date_time_format (date, _("%-d %b %Y"));
}

char *
rapport_format_iso_day (gint64 t)
{
  char *day = t > 0 ? rapport_date_format_day (t) : NULL;

  return day != NULL ? day : g_strdup (RAPPORT_FORMAT_NONE);
}

char *
rapport_format_count (double value)
{
  /* llround() of NAN or of an infinity is undefined. */
  if (!isfinite (value))
    return g_strdup (RAPPORT_FORMAT_NONE);
  return g_strdup_printf ("%'" G_GINT64_FORMAT, (gint64) llround (value));
}

char *
rapport_format_optional_count (gint64 count)
{
  if (count < 0)
    return g_strdup (RAPPORT_FORMAT_NONE);
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
rapport_format_signed_count (double value)
{
  if (!isfinite (value))
    return g_strdup (RAPPORT_FORMAT_NONE);
  return g_strdup_printf ("%+'" G_GINT64_FORMAT, (gint64) llround (value));
}

char *
rapport_format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup (RAPPORT_FORMAT_NONE);
  /* Translators: a percentage; "%%" is the percent sign. */
  return g_strdup_printf (_("%.1f %%"), fraction * 100);
}

char *
rapport_format_change (double fraction)
{
  if (isnan (fraction))
    return g_strdup (RAPPORT_FORMAT_NONE);
  /* Translators: a signed change in percent, "+75.9 %"; "%%" is the percent sign. */
  return g_strdup_printf (_("%+.1f %%"), fraction * 100);
}

/* Weeks between posts below one post a week: whole weeks from 10 on ("every 32 weeks"), one
 * decimal below ("every 1.5 weeks"), where a rounded figure would be off by a third. */
static char *
format_weeks_between (double posts_per_week)
{
  double weeks = 1 / posts_per_week;

  if (weeks >= 9.95 || fabs (weeks - round (weeks)) < 0.05)
    return g_strdup_printf ("%.0f", round (weeks));
  return g_strdup_printf ("%.1f", weeks);
}

/* Whether @posts_per_week reads as "N a week" (one decimal, at least 1.0) rather than as
 * "1 every N weeks". */
static gboolean
reads_per_week (double posts_per_week)
{
  return posts_per_week >= 0.95;
}

char *
rapport_format_per_week (double posts_per_week)
{
  g_autofree char *weeks = NULL;

  if (!isfinite (posts_per_week) || posts_per_week < 0)
    return g_strdup (RAPPORT_FORMAT_NONE);
  if (posts_per_week == 0)
    return g_strdup ("0");
  if (reads_per_week (posts_per_week))
    return g_strdup_printf ("%.1f", posts_per_week);
  weeks = format_weeks_between (posts_per_week);
  /* Translators: a rhythm of posting below one post a week, under the title "Posts per week";
   * %s is a number of weeks, "32" or "1.5". */
  return g_strdup_printf (_("1 every %s weeks"), weeks);
}

char *
rapport_format_posts_per_week (double posts_per_week)
{
  g_autofree char *weeks = NULL;

  if (!isfinite (posts_per_week) || posts_per_week < 0)
    return g_strdup (RAPPORT_FORMAT_NONE);
  if (posts_per_week == 0)
    return g_strdup (_("no posts"));
  if (reads_per_week (posts_per_week))
    {
      /* "1.0 posts a week" reads oddly: one post is one post. */
      if (posts_per_week < 1.05)
        return g_strdup (_("1 post a week"));
      /* Translators: a rhythm of posting, "2.5 posts a week". */
      return g_strdup_printf (_("%.1f posts a week"), posts_per_week);
    }
  weeks = format_weeks_between (posts_per_week);
  /* Translators: a rhythm of posting below one post a week; %s is a number of weeks, "32" or
   * "1.5". */
  return g_strdup_printf (_("1 post every %s weeks"), weeks);
}

char *
rapport_format_p_value (double p_value)
{
  if (isnan (p_value))
    return g_strdup (RAPPORT_FORMAT_NONE);
  return g_strdup_printf ("%.2f", p_value);
}

char *
rapport_format_significance (double p_value)
{
  if (isnan (p_value))
    return g_strdup (_("not tested"));
  if (p_value < 0.05)
    /* Translators: the result of a significance test of a difference. */
    return g_strdup_printf (_("p = %.2f, unlikely to be chance"), p_value);
  if (p_value < 0.2)
    return g_strdup_printf (_("p = %.2f, a lead worth testing"), p_value);
  return g_strdup_printf (_("p = %.2f, could well be chance"), p_value);
}

char *
rapport_format_name (RapportPlatform  platform,
                     const char      *name)
{
  if (name == NULL || name[0] == '\0')
    return g_strdup (rapport_platform_has_handles (platform) ? "@?" : "?");
  if (rapport_platform_is_handle (platform, name))
    return g_strconcat ("@", name, NULL);
  return g_strdup (name);
}

/* Letters of a PLC identifier kept at either end. */
#define SHORT_ID_KEEP 4

char *
rapport_format_short_id (const char *id)
{
  static const char plc[] = "did:plc:";
  gsize length;

  g_return_val_if_fail (id != NULL, NULL);

  /* Cut only between ASCII letters: an id from a file may be anything. */
  length = strlen (id);
  if (!g_str_has_prefix (id, plc) || length <= strlen (plc) + 2 * SHORT_ID_KEEP + 1 ||
      strspn (id + strlen (plc), "abcdefghijklmnopqrstuvwxyz234567") != length - strlen (plc))
    return g_strdup (id);
  return g_strdup_printf ("%.*s…%s", (int) (strlen (plc) + SHORT_ID_KEEP), id,
                          id + length - SHORT_ID_KEEP);
}

char *
rapport_format_account (RapportPlatform  platform,
                        const char      *name,
                        const char      *id)
{
  if (name != NULL || id == NULL)
    return rapport_format_name (platform, name);
  return rapport_format_short_id (id);
}

char *
rapport_format_mention (const char *handle,
                        const char *id)
{
  if (handle != NULL || id == NULL)
    return g_strconcat ("@", handle != NULL ? handle : "?", NULL);
  return rapport_format_short_id (id);
}

char *
rapport_format_pad (const char *text,
                    int         width)
{
  glong padding;
  GString *cell;

  g_return_val_if_fail (text != NULL, NULL);

  padding = MAX (ABS (width) - g_utf8_strlen (text, -1), 0);
  cell = g_string_sized_new (strlen (text) + padding);
  if (width < 0)
    g_string_append (cell, text);
  for (glong i = 0; i < padding; i++)
    g_string_append_c (cell, ' ');
  if (width >= 0)
    g_string_append (cell, text);

  return g_string_free (cell, FALSE);
}
