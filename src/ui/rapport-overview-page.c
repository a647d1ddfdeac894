/* rapport-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview: the headline, the key figures of the selected range, and the main chart of
 * followers against engagement, or the same days as a table.
 *
 * For "All accounts" the key figures show what adds up across platforms: combined followers
 * (see combine_followers() for their definition) and the posts per week of all accounts; the
 * chart draws each account's own line and engagement side by side
 * (rapport-overview-page-platforms.c), with the exports as markers, and one row per account
 * gives that account's own figures.  Engagement rates and follow-back ratios are not added
 * up: they mean different things on different platforms.
 *
 * The page's parts share rapport-overview-page-private.h: the key figures, the headline and
 * the table each have a file of their own, and the legend is a RapportChartLegend.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"
#include "core/rapport-sorted.h"
#include "ui/rapport-account-row.h"
#include "ui/rapport-overview-page-private.h"

#define QUARTER_DAYS 91
#define YEAR_DAYS    365
/* Days shown on each side of a range from a suggestion's evidence, at least. */
#define EVIDENCE_PADDING_DAYS 14

G_DEFINE_FINAL_TYPE (RapportOverviewPage, rapport_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ── data ───────────────────────────────────────────────────────────────────────────────── */

static gboolean
counts_as_post (const RapportDatasetPost *post)
{
  /* As the cadence counts them: the creator's posts and stories, not reposts. */
  return post->type != RAPPORT_POST_REPOST;
}

static void
add_post_times (GArray               *times,
                const RapportDataset *dataset)
{
  for (guint i = 0; dataset != NULL && i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (counts_as_post (post))
        g_array_append_val (times, post->created_at);
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

guint
_rapport_overview_times_lower_bound (const GArray *times,
                                     gint64        t)
{
  return rapport_sorted_lower_bound_i64 ((const gint64 *) times->data, times->len,
                                         sizeof (gint64), t);
}

static void
copy_followers (GArray                      *followers,
                const RapportFollowerSeries *series)
{
  for (guint i = 0; i < series->points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);
      FollowerDay day = { point->day, point->followers, point->lower_bound, point->kind };

      g_array_append_val (followers, day);
    }
}

/*
 * The combined followers of all accounts on day d, from the first day any account has a
 * follower figure to the last day any has one:
 *
 *   combined(d) = Σ over accounts of the account's followers on d,
 *
 * where an account whose series ended before d adds its last value (carried forward: the last
 * thing known about it), and an account whose series has not begun by d adds nothing.  The sum
 * is a lower bound on every day where some account adds a lower bound (followers rebuilt from
 * follow dates) or nothing yet; the chart draws those days dashed.
 */
static void
combine_followers (GArray          *combined,
                   RapportAnalysis *analysis)
{
  guint n_children = rapport_analysis_get_n_children (analysis);
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;
  gsize n_days;

  for (guint c = 0; c < n_children; c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (analysis, c);
      const RapportReport *report = rapport_analysis_get_report (child);
      GArray *points = report->series->points;

      if (points->len == 0)
        continue;
      first = MIN (first, g_array_index (points, RapportSeriesPoint, 0).day);
      last = MAX (last, g_array_index (points, RapportSeriesPoint, points->len - 1).day);
    }

  if (first > last)
    return;

  n_days = (gsize) ((last - first) / DAY + 1);
  g_array_set_size (combined, n_days);
  for (gsize i = 0; i < n_days; i++)
    {
      FollowerDay *day = &g_array_index (combined, FollowerDay, i);

      day->day = first + (gint64) i * DAY;
      day->followers = 0;
      day->lower_bound = FALSE;
      day->kind = RAPPORT_SERIES_REAL;
    }

  for (guint c = 0; c < n_children; c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (analysis, c);
      const RapportReport *report = rapport_analysis_get_report (child);
      GArray *points = report->series->points;
      const RapportSeriesPoint *last_point;
      gsize start;
      gsize end;

      if (points->len == 0)
        continue;

      start = (gsize) ((g_array_index (points, RapportSeriesPoint, 0).day - first) / DAY);
      last_point = &g_array_index (points, RapportSeriesPoint, points->len - 1);
      end = (gsize) ((last_point->day - first) / DAY);

      for (gsize i = 0; i < start; i++)
        g_array_index (combined, FollowerDay, i).lower_bound = TRUE;
      for (guint p = 0; p < points->len; p++)
        {
          const RapportSeriesPoint *point = &g_array_index (points, RapportSeriesPoint, p);
          FollowerDay *day = &g_array_index (combined, FollowerDay, (point->day - first) / DAY);

          day->followers += point->followers;
          day->lower_bound |= point->lower_bound;
        }
      for (gsize i = end + 1; i < n_days; i++)
        {
          FollowerDay *day = &g_array_index (combined, FollowerDay, i);

          day->followers += last_point->followers;
          day->lower_bound |= last_point->lower_bound;
        }
    }

  for (gsize i = 0; i < n_days; i++)
    {
      FollowerDay *day = &g_array_index (combined, FollowerDay, i);

      if (day->lower_bound)
        day->kind = RAPPORT_SERIES_RECONSTRUCTED;
    }
}

/* ── building the chart ─────────────────────────────────────────────────────────────────── */

static void
add_followers_series (RapportOverviewPage *self,
                      const char          *name)
{
  GArray *days = self->followers;
  g_autofree gint64 *t = g_new (gint64, MAX (days->len, 1));
  g_autofree double *values = g_new (double, MAX (days->len, 1));
  g_autofree guint8 *flags = g_new (guint8, MAX (days->len, 1));

  for (guint i = 0; i < days->len; i++)
    {
      const FollowerDay *day = &g_array_index (days, FollowerDay, i);

      t[i] = day->day;
      values[i] = day->followers;
      flags[i] = day->lower_bound ? RAPPORT_CHART_POINT_ESTIMATE : RAPPORT_CHART_POINT_NONE;
    }

  rapport_chart_add_series (self->chart, name, RAPPORT_CHART_LINE, RAPPORT_CHART_AXIS_LEFT,
                            RAPPORT_CHART_COLOR_ACCENT, t, values, flags, days->len);
}

/* Where the follower line comes from, for the legend: "exported follower lists, daily totals
 * of analytics exports", or NULL for a line of one kind of source that needs no saying. */
static char *
describe_follower_sources (const RapportFollowerSeries *series)
{
  gboolean seen[RAPPORT_COUNT_SOURCE_ANALYTICS + 2] = { FALSE };
  const guint anchored = RAPPORT_COUNT_SOURCE_ANALYTICS + 1;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_kinds = 0;
  const struct { guint index; const char *text; } names[] = {
    { RAPPORT_COUNT_SOURCE_SNAPSHOT, N_("exported follower lists") },
    { RAPPORT_COUNT_SOURCE_PROFILE, N_("profile totals") },
    { RAPPORT_COUNT_SOURCE_INSIGHTS, N_("insights totals") },
    { RAPPORT_COUNT_SOURCE_ANALYTICS, N_("daily totals of analytics exports") },
    { anchored, N_("daily follows of analytics exports, carried from a total") },
    { RAPPORT_COUNT_SOURCE_LIVE, N_("live refreshes") },
  };

  for (guint i = 0; i < series->points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);

      if (point->kind == RAPPORT_SERIES_ANCHORED)
        seen[anchored] = TRUE;
      else if (point->kind == RAPPORT_SERIES_REAL &&
               point->source <= RAPPORT_COUNT_SOURCE_ANALYTICS)
        seen[point->source] = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (seen[names[i].index])
      {
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(names[i].text));
        n_kinds++;
      }
  /* A line of exported lists alone, the usual case, says it already. */
  if (n_kinds == 0 || (n_kinds == 1 && seen[RAPPORT_COUNT_SOURCE_SNAPSHOT]))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Daily follows that no total carries are no follower count: drawn as follows per day on the
 * left axis when the account has no follower figure at all, so the chart is not empty.  Dots,
 * not a line: a day the export did not count is unknown, not a slope between its neighbours. */
static guint
add_gains_series (RapportOverviewPage *self,
                  const RapportDataset *dataset)
{
  const GArray *gains = dataset->gains;
  g_autofree gint64 *t = g_new (gint64, MAX (gains->len, 1));
  g_autofree double *values = g_new (double, MAX (gains->len, 1));
  gsize n = 0;

  for (guint i = 0; i < gains->len; i++)
    {
      const RapportFollowerGain *gain = &g_array_index (gains, RapportFollowerGain, i);

      if (gain->gained == RAPPORT_COUNT_UNKNOWN)
        continue;
      t[n] = gain->day;
      values[n] = gain->gained;
      n++;
    }
  if (n == 0)
    return G_MAXUINT;
  return rapport_chart_add_series (self->chart, _("New followers that day"), RAPPORT_CHART_DOTS,
                                   RAPPORT_CHART_AXIS_LEFT, RAPPORT_CHART_COLOR_ACCENT, t,
                                   values, NULL, n);
}

static gboolean
any_lower_bound (GArray *days)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, FollowerDay, i).lower_bound)
      return TRUE;

  return FALSE;
}

static gboolean
any_real (GArray *days)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, FollowerDay, i).kind == RAPPORT_SERIES_REAL)
      return TRUE;

  return FALSE;
}

/* Whether @dataset has exports, refreshes from the web, or both, for the markers' legend. */
static void
note_snapshot_kinds (const RapportDataset *dataset,
                     gboolean             *any_export,
                     gboolean             *any_live)
{
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (snapshot->date_source == RAPPORT_DATE_SOURCE_LIVE)
        *any_live = TRUE;
      else
        *any_export = TRUE;
    }
}

static void
add_snapshot_legend (RapportOverviewPage *self,
                     gboolean             any_export,
                     gboolean             any_live)
{
  if (any_export)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_MARKER_LINE, 0,
                              _("An export you imported"));
  if (any_live)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_MARKER_LINE, 0,
                              _("A refresh from the web"));
}

static void
build_account (RapportOverviewPage *self)
{
  const RapportDataset *dataset = rapport_analysis_get_dataset (self->analysis);
  const RapportReport *report = rapport_analysis_get_report (self->analysis);
  guint gains_series = G_MAXUINT;
  g_autofree char *sources = NULL;
  OverviewEngagement engagement;
  gboolean any_export = FALSE;
  gboolean any_live = FALSE;

  copy_followers (self->followers, report->series);
  add_post_times (self->post_times, dataset);
  g_array_sort (self->post_times, compare_times);

  add_followers_series (self, _("Followers"));
  if (self->followers->len == 0)
    gains_series = add_gains_series (self, dataset);

  _rapport_overview_page_add_engagement (self, report, &engagement);

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      rapport_chart_add_marker (self->chart, RAPPORT_CHART_MARKER_LINE,
                                rapport_day_of (snapshot->exported_at), 0,
                                snapshot->date_source == RAPPORT_DATE_SOURCE_LIVE
                                ? _("Refresh") : _("Export"));
    }

  for (guint i = 0; i < report->anomalies->len; i++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, i);
      g_autofree char *change = rapport_format_signed_count (anomaly->change);

      rapport_chart_add_marker (self->chart, RAPPORT_CHART_MARKER_BAND, anomaly->start,
                                anomaly->end, change);
    }

  sources = describe_follower_sources (report->series);
  if (self->followers->len > 0 && sources != NULL)
    {
      /* Translators: the follower line's legend, with where its days come from, e.g.
       * "Followers (left axis), from exported follower lists, daily totals of analytics
       * exports" */
      g_autofree char *text = g_strdup_printf (_("Followers (left axis), from %s"), sources);

      rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_LINE, 0, text);
    }
  else if (self->followers->len > 0)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_LINE, 0,
                              _("Followers (left axis)"));
  if (gains_series != G_MAXUINT)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_DOTS, gains_series,
                              _("New followers per day, as an analytics export counted them "
                                "(left axis) — no total yet: an account export made in their "
                                "range turns them into a follower count"));
  if (any_lower_bound (self->followers))
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_DASHED, 0,
                              _("Dashed: reconstructed from follow dates — a lower bound"));
  if (any_lower_bound (self->followers) && any_real (self->followers))
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_POINT, 0,
                              _("Dot: a total an export stated"));
  _rapport_overview_page_add_engagement_legend (self, &engagement);
  note_snapshot_kinds (dataset, &any_export, &any_live);
  add_snapshot_legend (self, any_export, any_live);
  if (report->anomalies->len > 0)
    rapport_chart_legend_add (self->legend, RAPPORT_CHART_SWATCH_MARKER_BAND, 0,
                              _("An unusual jump or drop of followers, with its size"));

  _rapport_overview_page_explain_engagement (self, &engagement);
}

static void
build_all (RapportOverviewPage *self)
{
  guint n_children = rapport_analysis_get_n_children (self->analysis);
  gboolean any_export = FALSE;
  gboolean any_live = FALSE;

  /* The key figures read the combined line; the chart draws each account's. */
  combine_followers (self->followers, self->analysis);
  gtk_label_set_text (self->note_label,
                      _("Each account’s followers are a line in its platform’s colour, and its "
                        "median engagement rate of 30 days the dots of that colour. The total "
                        "is drawn only on the days where every line is a count."));
  _rapport_overview_page_add_platform_lines (self);

  for (guint c = 0; c < n_children; c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (self->analysis, c);
      const RapportDataset *dataset = rapport_analysis_get_dataset (child);
      const RapportReport *report = rapport_analysis_get_report (child);
      const RapportAccount *account = rapport_analysis_get_account (child);
      const RapportReciprocity *reciprocity;
      g_autofree char *followers = NULL;
      g_autofree char *rate = rapport_format_percent (report->engagement.median_rate);
      g_autofree char *follow_back = NULL;
      g_autofree char *posts = NULL;
      g_autofree char *subtitle = NULL;
      GArray *points = report->series->points;
      GtkWidget *row;
      GtkWidget *icon;

      add_post_times (self->post_times, dataset);
      note_snapshot_kinds (dataset, &any_export, &any_live);
      for (guint i = 0; i < dataset->snapshots->len; i++)
        {
          const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

          rapport_chart_add_marker (self->chart, RAPPORT_CHART_MARKER_LINE,
                                    rapport_day_of (snapshot->exported_at), 0,
                                    rapport_platform_display_name (dataset->platform));
        }

      /* The account's own figures over all its exports. */
      if (points->len > 0)
        followers = rapport_format_count (g_array_index (points, RapportSeriesPoint,
                                                         points->len - 1).followers);
      else
        followers = g_strdup (RAPPORT_FORMAT_NONE);
      reciprocity = rapport_analysis_get_reciprocity (child);
      posts = rapport_format_posts_per_week (report->cadence->posts_per_week);
      if (!rapport_platform_lists_count_followers (account->platform))
        {
          /* A list of connections has no follow-back ratio: it is 100 % by definition. */
          follow_back = reciprocity != NULL
            ? rapport_format_count (reciprocity->n_followers) : g_strdup (RAPPORT_FORMAT_NONE);
          /* Translators: the figures of one LinkedIn account on the Overview of all accounts;
           * the fourth %s is a rhythm, the fifth a number of connections. */
          subtitle = g_strdup_printf (_("%s · %s followers · median engagement rate %s · %s · "
                                        "%s connections"),
                                      rapport_platform_display_name (account->platform),
                                      followers, rate, posts, follow_back);
        }
      else
        {
          follow_back = rapport_format_percent (reciprocity != NULL
                                                ? reciprocity->follow_back_ratio : NAN);
          /* Translators: the figures of one account on the Overview of all accounts; the
           * fourth %s is a rhythm, "2.5 posts a week" or "1 post every 32 weeks". */
          subtitle = g_strdup_printf (_("%s · %s followers · median engagement rate %s · %s · "
                                        "follow-back ratio %s"),
                                      rapport_platform_display_name (account->platform),
                                      followers, rate, posts, follow_back);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rapport_analysis_get_title (child));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (rapport_platform_icon_name (account->platform));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->accounts_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_list), n_children > 0);

  g_array_sort (self->post_times, compare_times);

  add_snapshot_legend (self, any_export, any_live);
}

/* ── ranges ─────────────────────────────────────────────────────────────────────────────── */

static void
select_days (RapportOverviewPage *self,
             gint64               start,
             gint64               end)
{
  self->range_start = start;
  self->range_end = end;
  _rapport_overview_page_update_figures (self);
}

/* The range of the active toggle, ending with the last day of data. */
static void
apply_range_toggle (RapportOverviewPage *self)
{
  const char *name;
  gint64 start = self->data_start;
  gint64 end = self->data_end;

  /* The template sets the active toggle before it has bound its children. */
  if (!self->has_data || self->range_toggles == NULL)
    return;

  name = adw_toggle_group_get_active_name (self->range_toggles);
  if (name == NULL)
    return;

  if (g_str_equal (name, "quarter"))
    start = MAX (start, end - (QUARTER_DAYS - 1) * DAY);
  else if (g_str_equal (name, "year"))
    start = MAX (start, end - (YEAR_DAYS - 1) * DAY);

  rapport_chart_set_highlight (self->chart, 1, 0);
  /* To the end of the last day, so its posts are in sight. */
  rapport_chart_set_range (self->chart, start, end + DAY - 1);
  select_days (self, start, end);
}

static void
range_toggles_changed_cb (RapportOverviewPage *self)
{
  if (self->setting_toggles)
    return;

  apply_range_toggle (self);
}

static void
chart_stack_changed_cb (RapportOverviewPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->chart_stack), "table") == 0)
    _rapport_overview_page_fill_table (self);
}

void
rapport_overview_page_show_range (RapportOverviewPage *self,
                                  gint64               start,
                                  gint64               end)
{
  gint64 padding;
  gint64 view_start;
  gint64 view_end;

  g_return_if_fail (RAPPORT_IS_OVERVIEW_PAGE (self));

  if (end < start)
    {
      gint64 swap = start;

      start = end;
      end = swap;
    }
  start = rapport_day_of (start);
  end = rapport_day_of (end);

  /* None of the preset ranges is the selection now. */
  self->setting_toggles = TRUE;
  adw_toggle_group_set_active (self->range_toggles, GTK_INVALID_LIST_POSITION);
  self->setting_toggles = FALSE;

  padding = MAX ((end - start) / 4 / DAY, EVIDENCE_PADDING_DAYS) * DAY;
  view_start = start - padding;
  view_end = end + padding + DAY - 1;
  if (self->has_data)
    {
      /* Not into days without data, but never cutting the range itself. */
      view_start = MAX (view_start, MIN (self->data_start, start));
      view_end = MIN (view_end, MAX (self->data_end, end) + DAY - 1);
    }

  rapport_chart_set_range (self->chart, view_start, view_end);
  rapport_chart_set_highlight (self->chart, start, end);
  adw_toggle_group_set_active_name (self->view_toggles, "chart");
  select_days (self, start, end);
}

/* ── the analysis ───────────────────────────────────────────────────────────────────────── */

/*
 * Where the history on the page begins: the first post or the first follower figure that is
 * not a lower bound, whichever comes first; the first day of data without either.  Follow
 * dates reach back to the first follower of an account, often years before the creator became
 * active, and a line of lower bounds close to zero over those years would squeeze the active
 * ones into a corner of the chart.  But where that leaves a single day (an export of the
 * follower list alone, no posts), the follow dates are the only history there is: it begins
 * with them rather than as one point.
 */
static gint64
history_start (RapportOverviewPage *self,
               gint64               data_start,
               gint64               data_end)
{
  gint64 start = G_MAXINT64;

  if (self->post_times->len > 0)
    start = g_array_index (self->post_times, gint64, 0);

  for (guint i = 0; i < self->followers->len; i++)
    {
      const FollowerDay *day = &g_array_index (self->followers, FollowerDay, i);

      if (!day->lower_bound)
        {
          start = MIN (start, day->day);
          break;
        }
    }

  if (start == G_MAXINT64 || rapport_day_of (start) >= rapport_day_of (data_end))
    return rapport_day_of (data_start);
  return rapport_day_of (MAX (start, data_start));
}

static void
rebuild (RapportOverviewPage *self)
{
  gint64 chart_start;
  gint64 chart_end;
  gboolean has_data;

  rapport_chart_clear (self->chart);
  rapport_chart_legend_clear (self->legend);
  gtk_list_box_remove_all (self->accounts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_list), FALSE);
  g_list_store_remove_all (self->table_store);
  self->table_filled = FALSE;
  g_array_set_size (self->followers, 0);
  g_array_set_size (self->post_times, 0);
  self->readout_post_id = 0;
  self->data_start = 0;
  self->data_end = 0;
  self->has_data = FALSE;

  if (self->analysis == NULL)
    {
      adw_status_page_set_description (self->empty_status,
                                       _("Pick an account to see its followers and engagement."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (rapport_analysis_is_all_accounts (self->analysis))
    build_all (self);
  else
    build_account (self);

  has_data = rapport_chart_get_data_range (self->chart, &chart_start, &chart_end);
  if (self->post_times->len > 0)
    {
      gint64 first_post = g_array_index (self->post_times, gint64, 0);
      gint64 last_post = g_array_index (self->post_times, gint64, self->post_times->len - 1);

      chart_start = has_data ? MIN (chart_start, first_post) : first_post;
      chart_end = has_data ? MAX (chart_end, last_post) : last_post;
      has_data = TRUE;
    }

  if (!has_data)
    {
      g_autofree char *description = _rapport_overview_page_nothing_to_chart (self);

      adw_status_page_set_description (self->empty_status, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->data_start = history_start (self, chart_start, chart_end);
  self->data_end = rapport_day_of (chart_end);
  self->has_data = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "overview");

  _rapport_overview_page_update_headline (self);
  _rapport_overview_page_update_since (self);

  /* A new account starts with its whole history. */
  if (adw_toggle_group_get_active_name (self->range_toggles) == NULL)
    {
      self->setting_toggles = TRUE;
      adw_toggle_group_set_active_name (self->range_toggles, "all");
      self->setting_toggles = FALSE;
    }
  apply_range_toggle (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->chart_stack), "table") == 0)
    _rapport_overview_page_fill_table (self);
}

RapportAnalysis *
rapport_overview_page_get_analysis (RapportOverviewPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_OVERVIEW_PAGE (self), NULL);

  return self->analysis;
}

static void
details_cb (RapportOverviewPage *self)
{
  if (self->has_data)
    _rapport_overview_page_update_since (self);
}

void
rapport_overview_page_set_analysis (RapportOverviewPage *self,
                                    RapportAnalysis     *analysis)
{
  g_return_if_fail (RAPPORT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (analysis == NULL || RAPPORT_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, details_cb, self);
  g_set_object (&self->analysis, analysis);
  /* The churn comes with the details; the rest of the page is there already. */
  if (analysis != NULL && !rapport_analysis_has_details (analysis))
    g_signal_connect_swapped (analysis, "notify::has-details", G_CALLBACK (details_cb), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

GtkWidget *
rapport_overview_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_OVERVIEW_PAGE, NULL);
}

static void
rapport_overview_page_dispose (GObject *object)
{
  RapportOverviewPage *self = RAPPORT_OVERVIEW_PAGE (object);

  /* The bin holds its child, a template child, too: it lets go first, so that the child is
   * unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_OVERVIEW_PAGE);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, details_cb, self);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_overview_page_parent_class)->dispose (object);
}

static void
rapport_overview_page_finalize (GObject *object)
{
  RapportOverviewPage *self = RAPPORT_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->followers, g_array_unref);
  g_clear_pointer (&self->post_times, g_array_unref);

  G_OBJECT_CLASS (rapport_overview_page_parent_class)->finalize (object);
}

static void
rapport_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportOverviewPage *self = RAPPORT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_overview_page_get_analysis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportOverviewPage *self = RAPPORT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      rapport_overview_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_overview_page_class_init (RapportOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_overview_page_dispose;
  object_class->finalize = rapport_overview_page_finalize;
  object_class->get_property = rapport_overview_page_get_property;
  object_class->set_property = rapport_overview_page_set_property;

  /**
   * RapportOverviewPage:analysis:
   *
   * What the page shows; the window binds it.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Types the template names. */
  g_type_ensure (RAPPORT_TYPE_CHART);
  g_type_ensure (RAPPORT_TYPE_CHART_LEGEND);
  g_type_ensure (RAPPORT_TYPE_OVERVIEW_DAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, followers_card);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, followers_value);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, followers_change);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, followers_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, rate_card);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, rate_value);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, rate_change);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, rate_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, posts_card);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, posts_value);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, posts_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, follow_back_card);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, follow_back_title);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, follow_back_value);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, follow_back_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, since_box);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, since_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, since_list);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, range_toggles);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, view_toggles);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, legend);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, table_store);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, median_column);
  gtk_widget_class_bind_template_child (widget_class, RapportOverviewPage, note_label);
  gtk_widget_class_bind_template_callback (widget_class, range_toggles_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_stack_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, _rapport_overview_page_cursor_moved);
}

static void
rapport_overview_page_init (RapportOverviewPage *self)
{
  self->followers = g_array_new (FALSE, FALSE, sizeof (FollowerDay));
  self->post_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  rebuild (self);
}
