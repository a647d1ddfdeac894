/* rapport-overview-page-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's days as a table, for those who would rather read the figures than the chart:
 * a row per day with its followers, where the figure comes from, the posts of the day and the
 * rolling median engagement rate the chart draws.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-format.h"
#include "core/rapport-sorted.h"
#include "ui/rapport-overview-page-private.h"

/* ── one row of the table ───────────────────────────────────────────────────────────────── */

struct _RapportOverviewDay
{
  GObject  parent_instance;

  char    *date;
  char    *followers;
  char    *source;
  char    *posts;
  char    *median_rate;
};

G_DEFINE_FINAL_TYPE (RapportOverviewDay, rapport_overview_day, G_TYPE_OBJECT)

enum {
  DAY_PROP_0,
  DAY_PROP_DATE,
  DAY_PROP_FOLLOWERS,
  DAY_PROP_SOURCE,
  DAY_PROP_POSTS,
  DAY_PROP_MEDIAN_RATE,
  DAY_N_PROPS
};

static GParamSpec *day_properties[DAY_N_PROPS];

static void
rapport_overview_day_finalize (GObject *object)
{
  RapportOverviewDay *self = RAPPORT_OVERVIEW_DAY (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->followers, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->posts, g_free);
  g_clear_pointer (&self->median_rate, g_free);

  G_OBJECT_CLASS (rapport_overview_day_parent_class)->finalize (object);
}

static void
rapport_overview_day_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportOverviewDay *self = RAPPORT_OVERVIEW_DAY (object);

  switch (prop_id)
    {
    case DAY_PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case DAY_PROP_FOLLOWERS:
      g_value_set_string (value, self->followers);
      break;

    case DAY_PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case DAY_PROP_POSTS:
      g_value_set_string (value, self->posts);
      break;

    case DAY_PROP_MEDIAN_RATE:
      g_value_set_string (value, self->median_rate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_overview_day_class_init (RapportOverviewDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_overview_day_finalize;
  object_class->get_property = rapport_overview_day_get_property;

  day_properties[DAY_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  day_properties[DAY_PROP_FOLLOWERS] = g_param_spec_string ("followers", NULL, NULL, NULL, flags);
  day_properties[DAY_PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  day_properties[DAY_PROP_POSTS] = g_param_spec_string ("posts", NULL, NULL, NULL, flags);
  day_properties[DAY_PROP_MEDIAN_RATE] = g_param_spec_string ("median-rate", NULL, NULL, NULL,
                                                              flags);

  g_object_class_install_properties (object_class, DAY_N_PROPS, day_properties);
}

static void
rapport_overview_day_init (RapportOverviewDay *self)
{
}

/* ── the table ──────────────────────────────────────────────────────────────────────────── */

static const char *
source_text (const FollowerDay *day,
             gboolean           combined)
{
  if (combined)
    return day->lower_bound ? _("Sum, a lower bound") : _("Sum of the accounts");

  switch (day->kind)
    {
    case RAPPORT_SERIES_REAL:
      return _("Total from an export");
    case RAPPORT_SERIES_INTERPOLATED:
      return _("Between two totals");
    case RAPPORT_SERIES_ANCHORED:
      return _("Carried from a total along the daily follows");
    case RAPPORT_SERIES_RECONSTRUCTED:
    default:
      return _("Rebuilt from follow dates, a lower bound");
    }
}

void
_rapport_overview_page_fill_table (RapportOverviewPage *self)
{
  const RapportReport *report;
  g_autoptr(GPtrArray) items = NULL;
  gboolean combined;
  guint median_index = 0;

  if (self->table_filled || self->analysis == NULL)
    return;

  report = rapport_analysis_get_report (self->analysis);
  combined = report == NULL;
  items = g_ptr_array_new_full (self->followers->len, g_object_unref);

  for (guint i = self->followers->len; i-- > 0;)
    {
      const FollowerDay *day = &g_array_index (self->followers, FollowerDay, i);
      RapportOverviewDay *item = g_object_new (RAPPORT_TYPE_OVERVIEW_DAY, NULL);
      guint n_posts = _rapport_overview_times_lower_bound (self->post_times, day->day + DAY) -
                      _rapport_overview_times_lower_bound (self->post_times, day->day);

      item->date = rapport_format_day (day->day);
      item->followers = rapport_format_count (day->followers);
      item->source = g_strdup (source_text (day, combined));
      item->posts = n_posts > 0 ? rapport_format_count (n_posts) : g_strdup ("");
      item->median_rate = g_strdup (RAPPORT_FORMAT_NONE);

      /* The rolling median as of the end of the day, as the chart's read-out gives it. */
      if (report != NULL && report->rolling_median->len > 0)
        {
          GArray *rolling = report->rolling_median;
          const RapportRollingMedian *medians = (const RapportRollingMedian *) rolling->data;

          median_index = rapport_sorted_lower_bound_i64 (&medians[0].t, rolling->len,
                                                         sizeof (RapportRollingMedian),
                                                         day->day + DAY);
          /* As on the chart: from three posts, and no longer than the window lasts. */
          if (median_index > 0)
            {
              const RapportRollingMedian *median = &g_array_index (rolling, RapportRollingMedian,
                                                                   median_index - 1);

              if (median->n >= MEDIAN_MIN_POSTS &&
                  day->day + DAY - median->t <= RAPPORT_ENGAGEMENT_ROLLING_DAYS * DAY)
                {
                  g_free (item->median_rate);
                  item->median_rate = rapport_format_percent (median->median);
                }
            }
        }

      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->table_store,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->table_store)),
                       items->pdata, items->len);
  gtk_column_view_column_set_visible (self->median_column, !combined);
  self->table_filled = TRUE;
}
