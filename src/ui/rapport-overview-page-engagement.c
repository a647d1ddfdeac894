/* rapport-overview-page-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The right axis of one account's chart on the Overview: the engagement rate of each post and
 * its rolling median, or, where the exports do not allow a rate, the next-best true view and
 * why — interactions per post without follower figures, posts per week without any
 * interactions (src/DESIGN.md, "Enough data, and the next-best view").
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ui/rapport-overview-page-private.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-thumbnail-loader.h"

/* Posts per calendar week as a line, weeks without posts at 0: a rhythm, not a trend. */
static guint
add_rhythm_series (RapportOverviewPage  *self,
                   const RapportCadence *cadence)
{
  g_autofree gint64 *t = g_new (gint64, MAX (cadence->n_weeks, 1));
  g_autofree double *values = g_new (double, MAX (cadence->n_weeks, 1));

  if (cadence->posts_by_week == NULL)
    return G_MAXUINT;
  for (guint w = 0; w < cadence->n_weeks; w++)
    {
      t[w] = cadence->first_week + (gint64) w * 7 * DAY;
      values[w] = cadence->posts_by_week[w];
    }
  return rapport_chart_add_series (self->chart, _("Posts that week"), RAPPORT_CHART_LINE,
                                   RAPPORT_CHART_AXIS_RIGHT, RAPPORT_CHART_COLOR_SECOND, t,
                                   values, NULL, cadence->n_weeks);
}

void
_rapport_overview_page_add_engagement (RapportOverviewPage *self,
                                       const RapportReport *report,
                                       OverviewEngagement  *engagement)
{
  g_autofree gint64 *t = g_new (gint64, MAX (report->per_post->len, 1));
  g_autofree double *values = g_new (double, MAX (report->per_post->len, 1));
  const GArray *rolling;
  EngagementView view;
  gsize n = 0;
  gsize n_points;

  /* Without a rate the next-best true view: interactions as they are; without any
   * interactions, the rhythm of posting. */
  view = report->engagement.n_with_rate > 0 ? VIEW_RATES
       : report->engagement.n_with_interactions > 0 ? VIEW_INTERACTIONS
       : VIEW_RHYTHM;
  engagement->view = view;
  engagement->post_series = G_MAXUINT;
  engagement->median_series = G_MAXUINT;
  rapport_chart_set_axis_format (self->chart, RAPPORT_CHART_AXIS_RIGHT,
                                 view == VIEW_RATES ? RAPPORT_CHART_FORMAT_PERCENT
                                                    : RAPPORT_CHART_FORMAT_COUNT);

  if (view == VIEW_RHYTHM)
    engagement->post_series = add_rhythm_series (self, report->cadence);

  for (guint i = 0; view != VIEW_RHYTHM && i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry =
        &g_array_index (report->per_post, RapportPostEngagement, i);
      double value = view == VIEW_RATES ? entry->rate
                   : entry->interactions >= 0 ? (double) entry->interactions : NAN;

      if (isnan (value))
        continue;
      t[n] = entry->post->created_at;
      values[n] = value;
      n++;
    }
  if (n > 0)
    engagement->post_series =
      rapport_chart_add_series (self->chart,
                                view == VIEW_RATES ? _("Engagement rate of a post")
                                                   : _("Interactions of a post"),
                                RAPPORT_CHART_DOTS, RAPPORT_CHART_AXIS_RIGHT,
                                RAPPORT_CHART_COLOR_SECOND, t, values, NULL, n);

  /* A pause longer than the window leaves nothing to roll over: the line breaks there instead
   * of joining two unrelated medians. */
  rolling = view == VIEW_RATES ? report->rolling_median
          : view == VIEW_INTERACTIONS ? report->rolling_interactions : NULL;
  g_free (t);
  g_free (values);
  t = g_new (gint64, 2 * MAX (rolling != NULL ? rolling->len : 0, 1));
  values = g_new (double, 2 * MAX (rolling != NULL ? rolling->len : 0, 1));
  n = 0;
  n_points = 0;
  for (guint i = 0; rolling != NULL && i < rolling->len; i++)
    {
      const RapportRollingMedian *median = &g_array_index (rolling, RapportRollingMedian, i);

      if (n > 0 && median->t - t[n - 1] > RAPPORT_ENGAGEMENT_ROLLING_DAYS * DAY)
        {
          /* Where the window of the last post runs out. */
          t[n] = t[n - 1] + RAPPORT_ENGAGEMENT_ROLLING_DAYS * DAY;
          values[n] = NAN;
          n++;
        }
      t[n] = median->t;
      /* The median of one or two posts is no trend yet. */
      values[n] = median->n >= MEDIAN_MIN_POSTS ? median->median : NAN;
      if (!isnan (values[n]))
        n_points++;
      n++;
    }
  if (n > 0)
    {
      t[n] = t[n - 1] + RAPPORT_ENGAGEMENT_ROLLING_DAYS * DAY;
      values[n] = NAN;
      n++;
    }
  /* A line without a point would only leave its legend entry explaining nothing. */
  if (n_points > 0)
    engagement->median_series =
      rapport_chart_add_series (self->chart,
                                view == VIEW_RATES ? _("Median engagement rate, 30 days")
                                                   : _("Median interactions, 30 days"),
                                RAPPORT_CHART_LINE, RAPPORT_CHART_AXIS_RIGHT,
                                RAPPORT_CHART_COLOR_SECOND, t, values, NULL, n);
}

void
_rapport_overview_page_add_engagement_legend (RapportOverviewPage      *self,
                                              const OverviewEngagement *engagement)
{
  EngagementView view = engagement->view;

  if (engagement->post_series != G_MAXUINT && view == VIEW_RATES)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_DOTS, engagement->post_series,
                              _("Engagement rate of each post (right axis)"));
  else if (engagement->post_series != G_MAXUINT && view == VIEW_INTERACTIONS)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_DOTS, engagement->post_series,
                              _("Interactions of each post (right axis) — no engagement rate: "
                                "the exports give no follower figure for the days of the "
                                "posts"));
  else if (engagement->post_series != G_MAXUINT)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_LINE, engagement->post_series,
                              _("Posts per week (right axis) — the exports give no likes, "
                                "comments or shares per post, so this is your rhythm of "
                                "posting"));
  if (engagement->median_series != G_MAXUINT)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_LINE, engagement->median_series,
                              view == VIEW_RATES
                              ? _("Median engagement rate of the last 30 days, from 3 posts")
                              : _("Median interactions of the last 30 days, from 3 posts"));
}

void
_rapport_overview_page_explain_engagement (RapportOverviewPage      *self,
                                           const OverviewEngagement *engagement)
{
  EngagementView view = engagement->view;

  if (view == VIEW_INTERACTIONS)
    gtk_label_set_text (self->note_label,
                        _("Interactions: a post’s likes, comments, shares and saves as the "
                          "export counts them. They become engagement rates (divided by the "
                          "followers of the day) once an export gives follower figures for the "
                          "days of the posts."));
  else if (view == VIEW_RHYTHM)
    gtk_label_set_text (self->note_label,
                        _("Posts per week: your posts in each calendar week, Monday to Sunday. "
                          "An export that counts likes, comments or shares per post adds their "
                          "engagement."));
  else
    gtk_label_set_text (self->note_label,
                        _("Engagement rate: a post’s likes, comments, shares and saves divided "
                          "by the followers on the day of the post. Where followers are rebuilt "
                          "from follow dates they are lower bounds, so those rates are upper "
                          "bounds."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  view == VIEW_RATES
                                  ? _("Followers and engagement rate over time")
                                  : view == VIEW_INTERACTIONS
                                  ? _("Followers and interactions per post over time")
                                  : _("Followers and posts per week over time"),
                                  -1);
}

/* The read-out's post, with the picture it has: only while the cursor is still on that post,
 * which it may have left in the meantime. */
static void
readout_picture_ready_cb (GObject      *receiver,
                          gint64        post_id,
                          GdkPaintable *picture)
{
  RapportOverviewPage *self = RAPPORT_OVERVIEW_PAGE (receiver);
  const RapportDatasetPost *post;
  g_autofree char *text = NULL;
  gint64 cursor;

  if (picture == NULL || self->analysis == NULL || post_id != self->readout_post_id ||
      !rapport_chart_get_cursor (self->chart, &cursor) ||
      (post = rapport_report_find_post (rapport_analysis_get_report (self->analysis),
                                        post_id)) == NULL)
    return;
  text = rapport_post_text_line (post->text);
  rapport_chart_set_readout_post (self->chart, picture, text);
}

/* The picture of @post when it was read before; else NULL for now, and asked for. */
static GdkPaintable *
post_picture (RapportOverviewPage      *self,
              const RapportDatasetPost *post)
{
  RapportThumbnailLoader *loader = rapport_thumbnail_loader_get (self->analysis);
  GdkPaintable *picture = NULL;

  if (!rapport_thumbnail_loader_lookup (loader, post->id, &picture))
    rapport_thumbnail_loader_request (loader, post->id, G_OBJECT (self),
                                      readout_picture_ready_cb);
  return picture;
}

void
_rapport_overview_page_cursor_moved (RapportOverviewPage *self)
{
  const RapportReport *report;
  const GArray *per_post;
  gint64 cursor;
  gint64 day;
  guint lo;
  guint hi;

  self->readout_post_id = 0;
  /* One account's posts only: on all accounts a day's dots are of many. */
  if (self->analysis == NULL || rapport_analysis_is_all_accounts (self->analysis) ||
      !rapport_chart_get_cursor (self->chart, &cursor))
    return;

  report = rapport_analysis_get_report (self->analysis);
  per_post = report->per_post;
  day = rapport_day_of (cursor);
  /* The first post of the day, as the read-out's first dot: posts are oldest first. */
  lo = 0;
  hi = per_post->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (per_post, RapportPostEngagement, mid).post->created_at < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < per_post->len)
    {
      const RapportDatasetPost *post = g_array_index (per_post, RapportPostEngagement, lo).post;
      g_autofree char *text = NULL;

      if (post->created_at >= day + DAY)
        return;
      text = rapport_post_text_line (post->text);
      self->readout_post_id = post->id;
      rapport_chart_set_readout_post (self->chart, post_picture (self, post), text);
    }
}
