/* test-sample-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample exports that build-aux/generate-sample-data.py writes at build time import, and the
 * analysis of them tells the story they were written to tell.  The counts asserted exactly
 * follow from how the generator builds the story (see the comments there).
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-report.h"
#include "import/rapport-meta-analytics.h"
#include "analysis/rapport-series.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

static const char * const sample_files[] = {
  "instagram-mira.makes-2024-03-10-SmPl01.zip",
  "instagram-mira.makes-2024-09-12-SmPl02.zip",
  "meta-business-suite-mira.makes-Jun-01-2024_Sep-11-2024.zip",
  "tiktok-miramakes-2024-09-12-studio.zip",
  "tiktok-miramakes-2024-09-12.zip",
  "tweet_activity_metrics_miramakes_20240601_20240912_en.csv",
  "twitter-2024-09-12-miramakes.zip",
  /* YouTube's last, so that the others keep their places; among themselves by name, as the
   * window imports them. */
  "Content 2024-03-01_2024-09-12 Mira Makes.zip",
  "takeout-20240912T080000Z-001.zip",
};

/* Follow-for-follow in the generator: 820 accounts, every one of them followed back or first
 * within 40 hours, 190 of them gone by the second export. */
#define F4F_ACCOUNTS 820
#define F4F_DROPPED  190
/* Partner posts: 6 with @clay.collective, 5 with @studio.nord, 4 with @jun.glaze. */
#define PARTNER_POSTS 15
/* Threads in the second Instagram export: its followers and its threads and replies. */
#define THREADS_FOLLOWERS 160
#define THREADS_POSTS 74

#define BURST_START G_GINT64_CONSTANT (1705276800) /* 15 Jan 2024 */
#define BURST_END   G_GINT64_CONSTANT (1707091200) /* 5 Feb 2024 */
#define EXPORT_1    G_GINT64_CONSTANT (1710028800) /* 10 Mar 2024 */
#define EXPORT_2    G_GINT64_CONSTANT (1726099200) /* 12 Sep 2024 */
#define VIRAL_DAY   G_GINT64_CONSTANT (1715644800) /* 14 May 2024 */
/* Meta Business Suite's export: its range, and the days Follows.csv has (4 % left out). */
#define META_START  G_GINT64_CONSTANT (1717200000) /* 1 Jun 2024 */
#define META_END    G_GINT64_CONSTANT (1726012800) /* 11 Sep 2024 */
#define META_DAYS   97

typedef struct
{
  char         *data_dir;
  RapportStore *store;
  GPtrArray    *accounts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *source = g_getenv ("RAPPORT_SAMPLE_DATA_DIR");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (source);

  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* In the order the window imports them: by name. */
  for (guint i = 0; i < G_N_ELEMENTS (sample_files); i++)
    {
      g_autofree char *path = g_build_filename (source, sample_files[i], NULL);
      g_auto(RapportImportSummary) summary = { 0 };

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      rapport_import_path (fixture->store, path, &summary, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.snapshot.n_skipped, ==, 0);
    }

  fixture->accounts = rapport_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->accounts, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  rapport_test_remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static const RapportAccount *
account_at (Fixture *fixture,
            guint    index)
{
  g_assert_cmpuint (index, <, fixture->accounts->len);

  return g_ptr_array_index (fixture->accounts, index);
}

static RapportDataset *
load_dataset (Fixture *fixture,
              guint    index)
{
  g_autoptr(GError) error = NULL;
  RapportDataset *dataset;

  dataset = rapport_store_load_dataset (fixture->store, account_at (fixture, index)->id, &error);
  g_assert_no_error (error);

  return dataset;
}

static void
test_sample_accounts (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  const RapportSnapshot *older;
  const RapportSnapshot *newer;

  /* One creator on five platforms. */
  g_assert_cmpuint (fixture->accounts->len, ==, 5);
  g_assert_cmpint (account_at (fixture, 0)->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (account_at (fixture, 0)->handle, ==, "mira.makes");
  g_assert_cmpstr (account_at (fixture, 0)->display_name, ==, "Mira Lind");
  /* Two data exports and Meta Business Suite's. */
  g_assert_cmpuint (account_at (fixture, 0)->n_snapshots, ==, 3);
  /* Threads, from the Threads part of both Instagram exports. */
  g_assert_cmpint (account_at (fixture, 1)->platform, ==, RAPPORT_PLATFORM_THREADS);
  g_assert_cmpstr (account_at (fixture, 1)->handle, ==, "mira.makes");
  g_assert_cmpuint (account_at (fixture, 1)->n_snapshots, ==, 2);
  g_assert_cmpint (account_at (fixture, 1)->followers, ==, THREADS_FOLLOWERS);
  g_assert_cmpint (account_at (fixture, 1)->posts, ==, THREADS_POSTS);
  g_assert_cmpint (account_at (fixture, 2)->platform, ==, RAPPORT_PLATFORM_TIKTOK);
  g_assert_cmpstr (account_at (fixture, 2)->handle, ==, "miramakes");
  /* The data export and TikTok Studio's of the same day. */
  g_assert_cmpuint (account_at (fixture, 2)->n_snapshots, ==, 2);
  g_assert_cmpint (account_at (fixture, 3)->platform, ==, RAPPORT_PLATFORM_TWITTER);
  g_assert_cmpstr (account_at (fixture, 3)->handle, ==, "miramakes");
  /* The archive and the analytics CSV. */
  g_assert_cmpuint (account_at (fixture, 3)->n_snapshots, ==, 2);
  /* The Studio export, named after the channel's title, and the Takeout, which gives its id. */
  g_assert_cmpint (account_at (fixture, 4)->platform, ==, RAPPORT_PLATFORM_YOUTUBE);
  g_assert_cmpstr (account_at (fixture, 4)->handle, ==, "Mira Makes");
  g_assert_cmpstr (account_at (fixture, 4)->platform_id, ==, "UC4mIrAmAkEsP0tTeRy2024x");
  g_assert_false (account_at (fixture, 4)->provisional);
  g_assert_cmpuint (account_at (fixture, 4)->n_snapshots, ==, 2);

  /* Two Instagram exports six months apart, dated by their names, and Meta Business Suite's
   * posts CSV, with neither list. */
  snapshots = rapport_store_list_snapshots (fixture->store, account_at (fixture, 0)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 3);
  older = newer = NULL;
  for (guint i = 0; i < snapshots->len; i++)
    {
      const RapportSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      if (snapshot->exported_at == EXPORT_1)
        older = snapshot;
      else if (snapshot->exported_at == EXPORT_2)
        newer = snapshot;
      else
        {
          g_assert_cmpint (snapshot->exported_at, ==, META_END);
          g_assert_false (snapshot->has_followers || snapshot->has_following);
        }
    }
  g_assert_nonnull (older);
  g_assert_nonnull (newer);
  g_assert_cmpint (older->exported_at, ==, EXPORT_1);
  g_assert_cmpint (newer->exported_at, ==, EXPORT_2);
  g_assert_cmpint (older->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_true (older->has_followers && older->has_following);
  g_assert_true (newer->has_followers && newer->has_following);
  /* A few thousand followers, so the import is instant. */
  g_assert_cmpuint (older->n_followers, >, 1000);
  g_assert_cmpuint (newer->n_followers, >, older->n_followers);
  g_assert_cmpuint (newer->n_followers, <, 5000);
  g_assert_cmpuint (newer->n_posts, >, older->n_posts);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median ER by followers of the own posts in [from, to). */
static double
median_rate_between (const RapportReport *report,
                     gint64               from,
                     gint64               to,
                     guint               *n)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *engagement = &g_array_index (report->per_post,
                                                                RapportPostEngagement, i);

      if (engagement->post->created_at >= from && engagement->post->created_at < to &&
          !isnan (engagement->rate))
        g_array_append_val (rates, engagement->rate);
    }

  *n = rates->len;
  g_array_sort (rates, compare_doubles);

  return g_array_index (rates, double, rates->len / 2);
}

static const RapportTagUplift *
find_tag (const RapportHashtagReport *hashtags,
          const char                 *tag)
{
  for (guint i = 0; i < hashtags->tags->len; i++)
    {
      const RapportTagUplift *uplift = &g_array_index (hashtags->tags, RapportTagUplift, i);

      if (g_str_equal (uplift->tag, tag))
        return uplift;
    }

  g_assert_not_reached ();
}

static void
test_sample_instagram_story (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char * const bait[] = { "f4f", "followforfollow", "like4like" };
  static const char * const good[] = { "wheelthrown", "glazetest" };
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 0);
  g_autoptr(RapportReport) report = rapport_report_compute (dataset, NULL);
  const RapportChurnStep *churn;
  gboolean kiln_kate = FALSE;
  gboolean glaze_lab = FALSE;
  double before;
  double after;
  guint n_before;
  guint n_after;

  /* Her photos and carousels come with their pictures (PNGs without transparency, kept as
   * JPEG thumbnails); reels have none. */
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);
      g_autoptr(GBytes) thumbnail = NULL;
      g_autofree char *mime_type = NULL;
      g_autoptr(GError) error = NULL;

      thumbnail = rapport_store_get_post_thumbnail (fixture->store, post->id, &mime_type, &error);
      g_assert_no_error (error);
      if (post->type == RAPPORT_POST_REEL)
        g_assert_null (thumbnail);
      else if (post->type == RAPPORT_POST_PHOTO || post->type == RAPPORT_POST_CAROUSEL)
        g_assert_cmpstr (mime_type, ==, "image/jpeg");
    }

  /* Follow-for-follow: every burst account that still follows is a pair. */
  g_assert_nonnull (report->reciprocity);
  g_assert_cmpuint (report->reciprocity->n_f4f_pairs, ==, F4F_ACCOUNTS - F4F_DROPPED);

  /* The follower count jumps in the burst … */
  g_assert_cmpfloat (rapport_follower_series_at (report->series, BURST_END, NULL) -
                     rapport_follower_series_at (report->series, BURST_START - RAPPORT_SECONDS_PER_DAY, NULL),
                     >=, F4F_ACCOUNTS - F4F_DROPPED);

  /* … while engagement falls: the half year before against the time after. */
  before = median_rate_between (report, BURST_START - 180 * RAPPORT_SECONDS_PER_DAY, BURST_START,
                                &n_before);
  after = median_rate_between (report, BURST_END, EXPORT_2, &n_after);
  g_assert_cmpuint (n_before, >=, 10);
  g_assert_cmpuint (n_after, >=, 10);
  g_assert_cmpfloat (after, <, before * 0.8);
  g_assert_nonnull (report->divergence);
  g_assert_true (report->divergence->diverges);
  g_assert_cmpfloat (report->divergence->follower_growth, >, 0);
  g_assert_cmpfloat (report->divergence->rate_change, <, 0);

  /* Bait tags hurt, the good tags help, on ten posts or more. */
  for (guint i = 0; i < G_N_ELEMENTS (bait); i++)
    {
      const RapportTagUplift *tag = find_tag (report->hashtags, bait[i]);

      g_assert_true (tag->is_bait);
      g_assert_cmpfloat (tag->uplift.uplift, <, -0.1);
    }
  g_assert_cmpuint (report->hashtags->bait->len, ==, G_N_ELEMENTS (bait));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const RapportTagUplift *tag = find_tag (report->hashtags, good[i]);

      g_assert_false (tag->is_bait);
      g_assert_cmpuint (tag->uplift.n_with, >=, 10);
      g_assert_cmpfloat (tag->uplift.uplift, >, 0.2);
      g_assert_cmpfloat (tag->uplift.p_value, <, 0.05);
    }

  /* Collaborations lift engagement, and two mutuals she comments on are candidates. */
  g_assert_cmpuint (report->collaborations->n_with_mentions, ==, PARTNER_POSTS);
  g_assert_cmpfloat (report->collaborations->mentions.uplift, >, 0.2);
  g_assert_cmpuint (report->collaborations->partners->len, ==, 3);
  g_assert_true (report->collaborations->candidates_available);
  for (guint i = 0; i < report->collaborations->candidates->len; i++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (report->collaborations->candidates, RapportCollaborationCandidate, i);

      kiln_kate |= g_str_equal (candidate->person->who, "kiln.kate");
      glaze_lab |= g_str_equal (candidate->person->who, "glaze.lab.berlin");
    }
  g_assert_true (kiln_kate);
  g_assert_true (glaze_lab);

  /* The burst accounts that left did so while she still follows them. */
  churn = rapport_churn_latest (report->churn);
  g_assert_nonnull (churn);
  g_assert_cmpuint (churn->dropped_after_follow_back->len, >=, F4F_DROPPED);
  g_assert_cmpuint (churn->lost->len, >, churn->dropped_after_follow_back->len);

  /* An irregular cadence: bursts, and pauses of several weeks. */
  g_assert_cmpuint (report->cadence->gaps->len, >=, 5);
  g_assert_cmpfloat (report->cadence->longest_gap.days, >=, 28);
  g_assert_cmpfloat (report->cadence->interval_cv, >, 1);
}

/* Meta Business Suite's posts CSV joins the export's posts by their publish minute and adds
 * views; its Follows.csv gives the new follows of each day to the same account. */
static void
test_sample_meta (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 0);
  g_autofree char *path = g_build_filename (g_getenv ("RAPPORT_SAMPLE_DATA_DIR"),
                                            sample_files[2], NULL);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;
  guint n_in_range = 0;

  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);
      g_autofree char *time_id = g_strdup_printf ("%" G_GINT64_FORMAT, post->created_at);

      /* Every post keeps the export's id: none was added under Meta's. */
      g_assert_cmpstr (post->platform_id, ==, time_id);
      if (post->created_at >= META_START && post->created_at < META_END + RAPPORT_SECONDS_PER_DAY)
        {
          n_in_range++;
          g_assert_cmpint (post->views, >, 0);
          g_assert_cmpint (post->follows, !=, RAPPORT_COUNT_UNKNOWN);
        }
      else
        {
          g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
        }
    }
  g_assert_cmpuint (n_in_range, >=, 10);

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_meta_analytics_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sink->handle, ==, "mira.makes");
  g_assert_cmpuint (sink->posts->len, ==, n_in_range);
  g_assert_cmpuint (sink->gains->len, ==, META_DAYS);
  for (guint i = 0; i < sink->gains->len; i++)
    {
      const RapportFollowerGain *gain = &g_array_index (sink->gains, RapportFollowerGain, i);

      g_assert_cmpint (gain->day, >=, META_START);
      g_assert_cmpint (gain->day, <=, META_END);
      g_assert_cmpint (gain->gained, >=, 0);
    }
  g_assert_cmpuint (sink->skipped->len, ==, 0);
}

static void
test_sample_tiktok_story (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 2);
  g_autoptr(RapportReport) report = rapport_report_compute (dataset, NULL);
  const RapportAnomaly *viral = NULL;

  /* A viral video brings followers who engage: a jump whose engagement holds. */
  for (guint i = 0; i < report->anomalies->len; i++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, i);

      if (anomaly->start <= VIRAL_DAY && anomaly->end >= VIRAL_DAY)
        viral = anomaly;
    }

  g_assert_nonnull (viral);
  g_assert_cmpint (viral->kind, ==, RAPPORT_ANOMALY_JUMP);
  g_assert_cmpfloat (viral->change, >=, 300);
  g_assert_cmpfloat (viral->rate_after, >=, viral->rate_before * 0.9);

  /* Nothing of the Instagram burst here. */
  g_assert_nonnull (report->reciprocity);
  g_assert_cmpuint (report->reciprocity->n_f4f_pairs, <, 20);
}

/* TikTok Studio's follower history: a real total on each of the 60 days before the export,
 * counted from the same follows as the data export, so that it ends on the profile's count. */
static void
test_sample_tiktok_studio (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 2);
  RapportFollowerSeries *series = rapport_follower_series_compute (dataset);
  const RapportSeriesPoint *last = NULL;
  double previous = 0;
  guint n_analytics = 0;

  for (guint i = 0; i < series->points->len; i++)
    {
      const RapportSeriesPoint *point = &g_array_index (series->points, RapportSeriesPoint, i);

      if (point->kind != RAPPORT_SERIES_REAL || point->source != RAPPORT_COUNT_SOURCE_ANALYTICS)
        continue;
      /* 14 July to 11 September 2024, never falling: these followers stay. */
      g_assert_cmpint (point->day, >=, EXPORT_2 - 60 * 86400);
      g_assert_cmpint (point->day, <, EXPORT_2);
      g_assert_cmpfloat (point->followers, >=, previous);
      previous = point->followers;
      last = point;
      n_analytics++;
    }
  g_assert_cmpuint (n_analytics, ==, 60);
  g_assert_nonnull (last);
  g_assert_cmpint (last->day, ==, EXPORT_2 - 86400);
  /* 160 + 380 + 330 followers in the generator. */
  g_assert_cmpfloat (last->followers, ==, 870);
  rapport_follower_series_free (series);
}

static void
test_sample_twitter (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 3);
  g_autoptr(RapportReport) report = rapport_report_compute (dataset, NULL);

  /* The analytics CSV adds impressions to the archive's tweets of its three months. */
  g_assert_cmpuint (report->engagement.n_with_impressions, >, 5);
  g_assert_cmpuint (report->engagement.n_with_impressions, <, report->engagement.n_posts);
  /* The archive lists followers by id only: 640 of them, 300 followed back. */
  g_assert_nonnull (report->reciprocity);
  g_assert_cmpuint (report->reciprocity->n_followers, ==, 640);
  g_assert_cmpuint (report->reciprocity->n_mutuals, ==, 300);
}

typedef struct
{
  GThread   *thread;
  GPtrArray *entries;
  guint64    last_records;
  gboolean   decreased;
} Progress;

static void
progress_cb (const char *entry_name,
             guint64     records_read,
             gpointer    user_data)
{
  Progress *progress = user_data;

  /* Called in the importing thread, for a progress indicator to pass on. */
  g_assert_true (g_thread_self () == progress->thread);
  g_ptr_array_add (progress->entries, g_strdup (entry_name));
  progress->decreased |= records_read < progress->last_records;
  progress->last_records = records_read;
}

static gboolean
has_entry (GPtrArray  *entries,
           const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (g_ptr_array_index (entries, i), name))
      return TRUE;

  return FALSE;
}

static void
test_sample_progress (void)
{
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (g_getenv ("RAPPORT_SAMPLE_DATA_DIR"),
                                            sample_files[1], NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  Progress progress = { g_thread_self (), g_ptr_array_new_with_free_func (g_free), 0, FALSE };

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);

  g_assert_true (rapport_import_path_full (store, path, progress_cb, &progress, &summary, NULL,
                                           &error));
  g_assert_no_error (error);

  /* Each file as it is read, with the records read so far, which only grow. */
  g_assert_true (has_entry (progress.entries,
                            "connections/followers_and_following/followers_1.json"));
  g_assert_true (has_entry (progress.entries,
                            "connections/followers_and_following/following.json"));
  g_assert_true (has_entry (progress.entries, "your_instagram_activity/content/posts_1.json"));
  g_assert_false (progress.decreased);
  g_assert_cmpuint (progress.last_records, >=,
                    summary.snapshot.n_followers + summary.snapshot.n_following +
                    summary.snapshot.n_posts);

  g_ptr_array_unref (progress.entries);
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* YouTube: the Studio export's counts on the Takeout's 26 videos, and 179 days of subscriber
 * totals (a few days missing) from 40 in March to 699 in September. */
static void
test_sample_youtube (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 4);
  const RapportDatasetSnapshot *with_following;
  const RapportFollowerCount *first;
  const RapportFollowerCount *last;
  gint64 views = 0;
  gboolean found = FALSE;

  g_assert_cmpint (dataset->platform, ==, RAPPORT_PLATFORM_YOUTUBE);
  g_assert_cmpuint (dataset->posts->len, ==, 26);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      g_assert_cmpint (post->type, ==, RAPPORT_POST_VIDEO);
      g_assert_cmpint (post->views, >, 0);
      g_assert_cmpint (post->likes, >, 0);
      g_assert_cmpint (post->impressions, >, post->views);
      views += post->views;
      if (g_str_equal (post->platform_id, "tR5zz0YPE_b"))
        {
          /* Published on 23 July 2024, the most viewed. */
          g_assert_cmpint (post->created_at / 86400, ==, 1721692800 / 86400);
          g_assert_cmpint (post->views, ==, 1638);
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* The Total row of Table data.csv. */
  g_assert_cmpint (views, ==, 15873);

  g_assert_cmpuint (dataset->counts->len, ==, 179);
  first = &g_array_index (dataset->counts, RapportFollowerCount, 0);
  last = &g_array_index (dataset->counts, RapportFollowerCount, dataset->counts->len - 1);
  g_assert_cmpint (first->at, ==, 1709510400);
  g_assert_cmpint (first->count, ==, 40);
  g_assert_cmpint (first->source, ==, RAPPORT_COUNT_SOURCE_ANALYTICS);
  g_assert_cmpint (last->at, ==, 1725926400);
  g_assert_cmpint (last->count, ==, 699);

  /* The channels she subscribes to; no export lists her subscribers. */
  with_following = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWING);
  g_assert_nonnull (with_following);
  g_assert_cmpuint (with_following->following->len, ==, 5);
  g_assert_null (rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER));
}

/* Threads: the threads and replies of the second Instagram export, their text repaired from
 * Meta's escapes, without counts; 81 followers in March, all 160 by September. */
static void
test_sample_threads (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(RapportDataset) dataset = load_dataset (fixture, 1);
  const RapportDatasetSnapshot *first;
  const RapportDatasetSnapshot *last;
  guint n_replies = 0;
  guint n_photos = 0;
  guint n_notes = 0;

  g_assert_cmpint (dataset->platform, ==, RAPPORT_PLATFORM_THREADS);
  g_assert_cmpuint (dataset->posts->len, ==, THREADS_POSTS);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
      n_replies += post->type == RAPPORT_POST_REPLY;
      n_photos += post->type == RAPPORT_POST_PHOTO;
      if (post->type == RAPPORT_POST_REPLY)
        g_assert_true (g_str_has_suffix (post->text, " love this \U0001F525"));
      else
        n_notes += g_str_has_prefix (post->text, "Studio notes \u2014 day ");
    }
  g_assert_cmpuint (n_replies, ==, 19);
  g_assert_cmpuint (n_photos, ==, 11);
  g_assert_cmpuint (n_notes, ==, THREADS_POSTS - 19);

  /* Both exports' lists: her partners and the two candidates she follows. */
  g_assert_cmpuint (dataset->snapshots->len, ==, 2);
  first = g_ptr_array_index (dataset->snapshots, 0);
  last = g_ptr_array_index (dataset->snapshots, 1);
  g_assert_cmpint (first->exported_at, ==, EXPORT_1);
  g_assert_cmpuint (first->n_followers, ==, 81);
  g_assert_cmpint (last->exported_at, ==, EXPORT_2);
  g_assert_cmpuint (last->followers->len, ==, THREADS_FOLLOWERS);
  g_assert_cmpuint (last->following->len, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample-data/progress", test_sample_progress);
  g_test_add ("/sample-data/accounts", Fixture, NULL,
              fixture_set_up, test_sample_accounts, fixture_tear_down);
  g_test_add ("/sample-data/youtube", Fixture, NULL,
              fixture_set_up, test_sample_youtube, fixture_tear_down);
  g_test_add ("/sample-data/instagram-story", Fixture, NULL,
              fixture_set_up, test_sample_instagram_story, fixture_tear_down);
  g_test_add ("/sample-data/meta-business-suite", Fixture, NULL,
              fixture_set_up, test_sample_meta, fixture_tear_down);
  g_test_add ("/sample-data/tiktok-story", Fixture, NULL,
              fixture_set_up, test_sample_tiktok_story, fixture_tear_down);
  g_test_add ("/sample-data/tiktok-studio", Fixture, NULL,
              fixture_set_up, test_sample_tiktok_studio, fixture_tear_down);
  g_test_add ("/sample-data/twitter", Fixture, NULL,
              fixture_set_up, test_sample_twitter, fixture_tear_down);
  g_test_add ("/sample-data/threads", Fixture, NULL,
              fixture_set_up, test_sample_threads, fixture_tear_down);

  return g_test_run ();
}
