/* rapport-overview-page-platforms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart of "All accounts": each account's followers as a line of its platform's colour,
 * side by side on the left axis, and its 30-day median engagement rate as dots of the same
 * colour on the right axis, so a creator sees where the audience grows and where it engages.
 * A total of the lines is drawn only on the days where every line is a count (no day rebuilt
 * from follow dates, none before an account's first figure or after its last): a sum with a
 * guess in it would look like a count.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ui/rapport-overview-page-private.h"

/* The colour each platform is drawn in, near its own. */
static RapportChartColor
platform_color (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM: return RAPPORT_CHART_COLOR_PINK;
    case RAPPORT_PLATFORM_TWITTER:   return RAPPORT_CHART_COLOR_SLATE;
    case RAPPORT_PLATFORM_TIKTOK:    return RAPPORT_CHART_COLOR_TEAL;
    case RAPPORT_PLATFORM_MASTODON:  return RAPPORT_CHART_COLOR_PURPLE;
    case RAPPORT_PLATFORM_BLUESKY:   return RAPPORT_CHART_COLOR_BLUE;
    case RAPPORT_PLATFORM_THREADS:   return RAPPORT_CHART_COLOR_SLATE;
    case RAPPORT_PLATFORM_LINKEDIN:  return RAPPORT_CHART_COLOR_BLUE;
    case RAPPORT_PLATFORM_YOUTUBE:   return RAPPORT_CHART_COLOR_RED;
    case RAPPORT_PLATFORM_FACEBOOK:  return RAPPORT_CHART_COLOR_BLUE;
    case RAPPORT_PLATFORM_MEDIUM:    return RAPPORT_CHART_COLOR_GREEN;
    case RAPPORT_PLATFORM_UNKNOWN:
    default:                         return RAPPORT_CHART_COLOR_ORANGE;
    }
}

/* The platform's colour, or the next one no account has yet: two accounts never share one
 * while the palette lasts. */
static RapportChartColor
pick_color (RapportPlatform platform,
            gboolean       *used)
{
  const guint first = RAPPORT_CHART_COLOR_BLUE;
  const guint n = RAPPORT_CHART_N_COLORS - first;
  guint color = platform_color (platform);

  for (guint i = 0; i < n && used[color]; i++)
    color = first + (color - first + 1) % n;
  used[color] = TRUE;
  return color;
}

static guint
add_account_followers (RapportOverviewPage   *self,
                       const char            *name,
                       const RapportFollowerSeries *series,
                       RapportChartColor      color)
{
  GArray *points = series->points;
  g_autofree gint64 *t = g_new (gint64, MAX (points->len, 1));
  g_autofree double *values = g_new (double, MAX (points->len, 1));
  g_autofree guint8 *flags = g_new (guint8, MAX (points->len, 1));

  if (points->len == 0)
    return G_MAXUINT;
  for (guint i = 0; i < points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, i);

      t[i] = point->day;
      values[i] = point->followers;
      flags[i] = point->lower_bound ? RAPPORT_CHART_POINT_ESTIMATE : RAPPORT_CHART_POINT_NONE;
    }
  return rapport_chart_add_series (self->chart, name, RAPPORT_CHART_LINE,
                                   RAPPORT_CHART_AXIS_LEFT, color, t, values, flags,
                                   points->len);
}

/* The account's rolling median engagement rate, from 3 posts, as dots. */
static guint
add_account_rates (RapportOverviewPage *self,
                   const char          *name,
                   const RapportReport *report,
                   RapportChartColor    color)
{
  const GArray *rolling = report->rolling_median;
  g_autofree gint64 *t = g_new (gint64, MAX (rolling->len, 1));
  g_autofree double *values = g_new (double, MAX (rolling->len, 1));
  gsize n = 0;

  for (guint i = 0; i < rolling->len; i++)
    {
      const RapportRollingMedian *median = &g_array_index (rolling, RapportRollingMedian, i);

      if (median->n < MEDIAN_MIN_POSTS || isnan (median->median))
        continue;
      t[n] = median->t;
      values[n] = median->median;
      n++;
    }
  if (n == 0)
    return G_MAXUINT;
  return rapport_chart_add_series (self->chart, name, RAPPORT_CHART_DOTS,
                                   RAPPORT_CHART_AXIS_RIGHT, color, t, values, NULL, n);
}

void
_rapport_overview_total_of_counts (GPtrArray *series,
                                   GArray    *days,
                                   GArray    *totals)
{
  gint64 first = G_MININT64;
  gint64 last = G_MAXINT64;

  g_array_set_size (days, 0);
  g_array_set_size (totals, 0);
  if (series->len < 2)
    return;

  /* Only the days every series covers. */
  for (guint s = 0; s < series->len; s++)
    {
      const RapportFollowerSeries *one = g_ptr_array_index (series, s);
      GArray *points = one->points;

      if (points->len == 0)
        return;
      first = MAX (first, g_array_index (points, RapportSeriesPoint, 0).day);
      last = MIN (last, g_array_index (points, RapportSeriesPoint, points->len - 1).day);
    }

  for (gint64 day = first; day <= last; day += DAY)
    {
      double total = 0;

      for (guint s = 0; s < series->len && !isnan (total); s++)
        {
          const RapportSeriesPoint *point =
            rapport_follower_series_point (g_ptr_array_index (series, s), day);

          total = point != NULL && !point->lower_bound ? total + point->followers : NAN;
        }
      g_array_append_val (days, day);
      g_array_append_val (totals, total);
    }
}

void
_rapport_overview_page_add_platform_lines (RapportOverviewPage *self)
{
  guint n_children = rapport_analysis_get_n_children (self->analysis);
  gboolean used[RAPPORT_CHART_N_COLORS] = { FALSE };
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) without = g_string_new (NULL);
  gboolean any_rate = FALSE;
  gboolean any_estimate = FALSE;
  guint total_series = G_MAXUINT;

  rapport_chart_set_axis_format (self->chart, RAPPORT_CHART_AXIS_RIGHT,
                                 RAPPORT_CHART_FORMAT_PERCENT);

  for (guint c = 0; c < n_children; c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (self->analysis, c);
      const RapportReport *report = rapport_analysis_get_report (child);
      const RapportAccount *account = rapport_analysis_get_account (child);
      const char *platform = rapport_platform_display_name (account->platform);
      RapportChartColor color = pick_color (account->platform, used);
      g_autofree char *name = g_strdup_printf ("%s %s", platform,
                                               rapport_analysis_get_title (child));
      g_autofree char *rate_name = NULL;
      g_autofree char *legend = NULL;
      guint followers;
      guint rates;

      followers = add_account_followers (self, name, report->series, color);
      /* Translators: a series of the read-out, "Instagram @jo: median engagement rate". */
      rate_name = g_strdup_printf (_("%s: median engagement rate"), name);
      rates = add_account_rates (self, rate_name, report, color);
      any_rate |= rates != G_MAXUINT;

      if (followers != G_MAXUINT)
        {
          g_ptr_array_add (counted, report->series);
          for (guint i = 0; i < report->series->points->len; i++)
            any_estimate |= g_array_index (report->series->points, RapportSeriesPoint,
                                           i).lower_bound;
        }
      else
        g_string_append_printf (without, "%s%s", without->len > 0 ? ", " : "", name);

      if (followers != G_MAXUINT && rates != G_MAXUINT)
        /* Translators: a legend entry, "Instagram @jo: followers (line, left axis) and median
         * engagement rate of 30 days (dots, right axis)". */
        legend = g_strdup_printf (_("%s: followers (line, left axis) and median engagement "
                                    "rate of 30 days (dots, right axis)"), name);
      else if (followers != G_MAXUINT && report->engagement.n_with_rate > 0)
        legend = g_strdup_printf (_("%s: followers (left axis); too few posts with a rate for "
                                    "a median of 30 days"), name);
      else if (followers != G_MAXUINT)
        legend = g_strdup_printf (_("%s: followers (left axis); no engagement rate"), name);
      else if (rates != G_MAXUINT)
        legend = g_strdup_printf (_("%s: median engagement rate of 30 days (dots, right "
                                    "axis); no follower figure"), name);
      if (legend != NULL)
        rapport_chart_legend_add (self->legend,
                                  followers != G_MAXUINT ? RAPPORT_CHART_SWATCH_LINE
                                                         : RAPPORT_CHART_SWATCH_DOTS,
                                  followers != G_MAXUINT ? followers : rates, legend);
    }

  _rapport_overview_total_of_counts (counted, days, totals);
  for (guint i = 0; i < totals->len && total_series == G_MAXUINT; i++)
    if (!isnan (g_array_index (totals, double, i)))
      total_series = rapport_chart_add_series (self->chart, _("Total of the accounts"),
                                               RAPPORT_CHART_LINE, RAPPORT_CHART_AXIS_LEFT,
                                               RAPPORT_CHART_COLOR_FOREGROUND,
                                               (const gint64 *) days->data,
                                               (const double *) totals->data, NULL,
                                               days->len);
  if (total_series != G_MAXUINT)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_LINE, total_series,
                              _("Total of the lines, on the days every one of them is a count"));
  if (any_estimate)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_DASHED, 0,
                              _("Dashed: reconstructed from follow dates — a lower bound"));
  if (without->len > 0)
    {
      /* Translators: %s names accounts, "X/Twitter @jo, Mastodon @jo@example.social". */
      g_autofree char *text = g_strdup_printf (_("No follower figure yet, so no line: %s."),
                                               without->str);
      g_autofree char *note = g_strdup_printf ("%s %s", gtk_label_get_text (self->note_label),
                                               text);

      gtk_label_set_text (self->note_label, note);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  any_rate ? _("Followers and engagement rate of each account "
                                               "over time")
                                           : _("Followers of each account over time"),
                                  -1);
}
