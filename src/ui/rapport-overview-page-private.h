/* rapport-overview-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Overview share: rapport-overview-page.c (the class, its data, the
 * chart and the ranges), rapport-overview-page-engagement.c (the chart's right axis),
 * rapport-overview-page-figures.c (the key figures),
 * rapport-overview-page-headline.c (the sentence above them), rapport-overview-page-since.c
 * (who came and went since the last export) and rapport-overview-page-table.c (the same days as
 * a table).
 */

#pragma once

#include "ui/charts/rapport-chart.h"
#include "ui/rapport-chart-legend.h"
#include "ui/rapport-overview-page.h"

G_BEGIN_DECLS

#define DAY RAPPORT_SECONDS_PER_DAY
/* Posts in the 30 days a point of the median line needs. */
#define MEDIAN_MIN_POSTS 3

/* A day of the follower series the figures, the chart and the table read. */
typedef struct
{
  gint64 day;
  double followers;
  gboolean lower_bound;
  RapportSeriesKind kind;
} FollowerDay;

struct _RapportOverviewPage
{
  AdwBin           parent_instance;

  RapportAnalysis *analysis;

  /* What the figures and the table read: the account's follower series (or the combined one
   * of all accounts), and the times of the posts that count in posts per week, ascending. */
  GArray          *followers;   /* FollowerDay */
  GArray          *post_times;  /* gint64 */
  /* The post the read-out shows (its row id, 0 for none), whose picture may be on its way
   * from the analysis's thumbnail loader. */
  gint64           readout_post_id;
  gint64           data_start;  /* first and last day with data, 0 without */
  gint64           data_end;
  gint64           range_start; /* the selected days */
  gint64           range_end;
  guint            has_data : 1;
  guint            table_filled : 1;
  guint            setting_toggles : 1;

  /* Template children */
  GtkStack        *stack;
  AdwStatusPage   *empty_status;
  GtkLabel        *headline_label;
  GtkWidget       *followers_card;
  GtkLabel        *followers_value;
  GtkLabel        *followers_change;
  GtkLabel        *followers_detail;
  GtkWidget       *rate_card;
  GtkLabel        *rate_value;
  GtkLabel        *rate_change;
  GtkLabel        *rate_detail;
  GtkWidget       *posts_card;
  GtkLabel        *posts_value;
  GtkLabel        *posts_detail;
  GtkWidget       *follow_back_card;
  GtkLabel        *follow_back_title;
  GtkLabel        *follow_back_value;
  GtkLabel        *follow_back_detail;
  GtkListBox      *accounts_list;
  GtkWidget       *since_box;
  GtkLabel        *since_detail;
  GtkListBox      *since_list;
  AdwToggleGroup  *range_toggles;
  AdwToggleGroup  *view_toggles;
  GtkStack        *chart_stack;
  RapportChart    *chart;
  RapportChartLegend *legend;
  GListStore      *table_store;
  GtkColumnViewColumn *median_column;
  GtkLabel        *note_label;
};

/* rapport-overview-page.c */
/* The first index of @times (gint64, ascending) whose time is not before @t. */
guint _rapport_overview_times_lower_bound     (const GArray        *times,
                                               gint64               t);

/* rapport-overview-page-engagement.c: the right axis of one account's chart */
typedef enum
{
  VIEW_RATES,         /* the engagement rate of each post and its rolling median */
  VIEW_INTERACTIONS,  /* no rate: interactions of each post and their rolling median */
  VIEW_RHYTHM,        /* no interactions: posts per calendar week */
} EngagementView;

typedef struct
{
  EngagementView view;
  guint post_series;    /* the chart's series of each post (or week), G_MAXUINT without */
  guint median_series;  /* its rolling median, G_MAXUINT without */
} OverviewEngagement;

/* Adds the series of the best view the report allows and sets the right axis for it. */
void  _rapport_overview_page_add_engagement   (RapportOverviewPage      *self,
                                               const RapportReport      *report,
                                               OverviewEngagement       *engagement);
/* Its legend entries, which say which view it is and why. */
void  _rapport_overview_page_add_engagement_legend (RapportOverviewPage      *self,
                                                    const OverviewEngagement *engagement);
/* The note below the chart and the chart's accessible label. */
void  _rapport_overview_page_explain_engagement (RapportOverviewPage      *self,
                                                 const OverviewEngagement *engagement);

/* The post of the cursor's day beside the read-out's values: its picture and text. */
void  _rapport_overview_page_cursor_moved     (RapportOverviewPage      *self);

/* rapport-overview-page-figures.c */
/* The four key figures of the selected days. */
void  _rapport_overview_page_update_figures   (RapportOverviewPage *self);

/* rapport-overview-page-headline.c */
void  _rapport_overview_page_update_headline  (RapportOverviewPage *self);
/* What the page says of an account with nothing to chart. */
char *_rapport_overview_page_nothing_to_chart (RapportOverviewPage *self);

/* rapport-overview-page-platforms.c: the chart of all accounts */
/* The sum of @series (RapportFollowerSeries) on each day all of them cover: @days (gint64)
 * and @totals (double, NAN on a day where some series has a lower bound).  Empty with fewer
 * than two series. */
void  _rapport_overview_total_of_counts       (GPtrArray           *series,
                                               GArray              *days,
                                               GArray              *totals);
/* Each account's followers and median engagement rate in its platform's colour, the total
 * where it is a count, their legend, and the accounts without a line in the note. */
void  _rapport_overview_page_add_platform_lines (RapportOverviewPage *self);

/* rapport-overview-page-since.c: "Since your last export"; built again when the details of
 * the analysis are there. */
void  _rapport_overview_page_update_since     (RapportOverviewPage *self);

/* rapport-overview-page-table.c: the table's rows */
#define RAPPORT_TYPE_OVERVIEW_DAY (rapport_overview_day_get_type ())

G_DECLARE_FINAL_TYPE (RapportOverviewDay, rapport_overview_day, RAPPORT, OVERVIEW_DAY, GObject)

/* Fills the table once per analysis, newest day first: only when it is first shown. */
void  _rapport_overview_page_fill_table       (RapportOverviewPage *self);

G_END_DECLS
