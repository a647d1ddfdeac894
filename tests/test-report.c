/* test-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli/rapport-report-json.h"
#include "cli/rapport-report-text.h"

/* Monday 2024-01-01 00:00 UTC, and day n after it. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)
#define DAY_N(n) (T0 + (gint64) (n) * DAY)

static void
add_count (RapportDataset *dataset,
           gint64          at,
           gint64          count)
{
  RapportFollowerCount total = { at, count, RAPPORT_COUNT_SOURCE_PROFILE };

  g_array_append_val (dataset->counts, total);
}

static void
add_post (RapportDataset *dataset,
          gint64          at,
          gint64          likes,
          const char     *tags)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->id = 100 + dataset->posts->len;
  post->platform_id = g_strdup_printf ("p%u", dataset->posts->len);
  post->type = RAPPORT_POST_PHOTO;
  post->created_at = at;
  post->likes = likes;
  post->url = g_strdup_printf ("https://www.instagram.com/p/p%u/", dataset->posts->len);
  post->hashtags = g_strsplit (tags, ",", -1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
}

/*
 * @jo on Instagram: 1,000 followers by the profile on days 0 to 5 and 20; one export on day 30
 * whose follower list has ana, bo and 120 fans, and whose following list has ana, bo and zed;
 * four posts on days 1 to 4 with 10, 20, 30 and 40 likes (1 % to 4 %), the first three with
 * #f4f.
 */
static RapportDataset *
build_dataset (void)
{
  RapportDataset *dataset = rapport_dataset_new ();
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  dataset->account_id = 7;
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  dataset->handle = g_strdup ("jo");
  dataset->display_name = g_strdup ("Jo Doe");
  /* Daily totals around the posts: real totals win over the curve rebuilt from follow dates. */
  for (guint d = 0; d <= 5; d++)
    add_count (dataset, DAY_N (d), 1000);
  add_count (dataset, DAY_N (20), 1000);

  snapshot->id = 3;
  snapshot->exported_at = DAY_N (30);
  snapshot->source_name = g_strdup ("instagram-jo.zip");
  snapshot->followers = rapport_people_new (122);
  rapport_people_add (snapshot->followers, "ana", "ana", NULL, DAY_N (1));
  rapport_people_add (snapshot->followers, "bo", "bo", NULL, DAY_N (2));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *who = g_strdup_printf ("fan%03u", i);

      rapport_people_add (snapshot->followers, who, who, NULL, DAY_N (2));
    }
  rapport_people_sort (snapshot->followers);
  snapshot->following = rapport_people_new (3);
  rapport_people_add (snapshot->following, "zed", "zed", NULL, DAY_N (1));
  rapport_people_add (snapshot->following, "bo", "bo", NULL, DAY_N (2) + 3600);
  rapport_people_add (snapshot->following, "ana", "ana", NULL, DAY_N (20));
  rapport_people_sort (snapshot->following);
  g_ptr_array_add (dataset->snapshots, snapshot);

  for (guint i = 0; i < 4; i++)
    add_post (dataset, DAY_N (1 + i) + 12 * 3600, 10 * (i + 1), i < 3 ? "f4f,cats" : "cats");
  return dataset;
}

static RapportReport *
compute (const RapportDataset *dataset)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return rapport_report_compute (dataset, utc);
}

static void
test_figures (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);

  /* Every unit ran once over the same dataset. */
  g_assert_true (report->dataset == dataset);
  g_assert_cmpuint (report->per_post->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (g_array_index (report->per_post, RapportPostEngagement, 0).rate,
                                  0.01, 1e-12);
  g_assert_cmpuint (report->engagement.n_with_rate, ==, 4);
  g_assert_cmpfloat_with_epsilon (report->engagement.median_rate, 0.025, 1e-12);
  g_assert_cmpfloat_with_epsilon (report->engagement.median_interactions, 25, 1e-12);
  g_assert_cmpuint (report->rolling_median->len, ==, 4);
  g_assert_null (report->divergence);

  /* Then and now over days 1 to 4: windows of two days, posts 1–2 against posts 3–4. */
  g_assert_nonnull (report->overall);
  g_assert_cmpint (report->overall->from, ==, DAY_N (1));
  g_assert_cmpint (report->overall->to, ==, DAY_N (4));
  g_assert_cmpuint (report->overall->window_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (report->overall->median_before, 0.015, 1e-12);
  g_assert_cmpfloat_with_epsilon (report->overall->median_after, 0.035, 1e-12);
  g_assert_false (report->overall->diverges);
  g_assert_cmpint (report->headline->kind, ==, RAPPORT_HEADLINE_HELD_BACK);
  g_assert_cmpuint (report->headline->reasons, ==, RAPPORT_HEADLINE_FEW_POSTS);

  g_assert_nonnull (report->reciprocity);
  g_assert_cmpuint (report->reciprocity->n_followers, ==, 122);
  g_assert_cmpuint (report->reciprocity->n_mutuals, ==, 2);
  g_assert_cmpuint (report->reciprocity->n_fans, ==, 120);
  g_assert_cmpuint (report->reciprocity->n_not_following_back, ==, 1);
  /* bo followed back within an hour; ana eighteen days apart. */
  g_assert_cmpuint (report->reciprocity->n_f4f_pairs, ==, 1);
  g_assert_cmpuint (report->churn->steps->len, ==, 0);

  g_assert_cmpuint (report->hashtags->n_with_rate, ==, 4);
  g_assert_cmpuint (report->hashtags->bait->len, ==, 1);
  g_assert_cmpuint (report->cadence->n_posts, ==, 4);
  g_assert_cmpint (rapport_coverage_get (report->coverage, RAPPORT_FIGURE_CHURN)->level, ==,
                   RAPPORT_COVERAGE_MISSING);

  g_assert_true (rapport_report_find_post (report, 102) == g_ptr_array_index (dataset->posts, 2));
  g_assert_null (rapport_report_find_post (report, 99));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("The report does not contain “%s”:\n%s", part, text);
}

static void
test_text (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  const RapportSuggestion *last;

  g_hash_table_insert (states, (char *) "hashtags.drop-bait:f4f", (char *) "dismissed");
  suggestions = rapport_coach_suggest (report, states);
  text = rapport_report_print_text (report, suggestions);

  assert_contains (text, "Rapport report: @jo on Instagram (account 7)\n"
                         "============================================\n");
  assert_contains (text, "  31 Jan 2024, instagram-jo.zip: 122 followers, 3 following\n");
  /* The tests run in the C locale, which has no thousands separator. */
  assert_contains (text, "\nFollowers\n---------\n"
                         "  1000 on 1 Jan 2024, 122 on 31 Jan 2024: -878 (-87.8 %).\n");
  assert_contains (text, "Daily series of 31 days: 8 with a real total, 23 rebuilt from follow "
                         "dates");
  assert_contains (text, "\nEngagement\n----------\n");
  assert_contains (text, "Median engagement rate (interactions / followers that day): 2.5 % "
                         "(n = 4).");
  assert_contains (text, "Median interactions per post: 25 (n = 4).");
  assert_contains (text, "Then and now: from 2 Jan 2024 to 5 Jan 2024 followers +0.0 %; median");
  assert_contains (text, "1.5 % (n = 2) → 3.5 % (n = 2), comparing the first and the");
  /* Two posts at each end: no headline, and the report says why. */
  assert_contains (text, "  Headline: From 2 Jan 2024 to 5 Jan 2024 followers went from 1000 to "
                         "1000, but\n    no headline yet: 2 and 2 posts with an engagement rate "
                         "at the start and at\n    the end, where a change takes 10 at each.\n");
  assert_contains (text, "No stretch where followers grew while the median");
  assert_contains (text, "100 followers at the start and 10 posts\n");
  assert_contains (text, "\nReciprocity (lists of the export of 31 Jan 2024)\n");
  assert_contains (text, "Followers 122 · following 3 · mutuals 2 · fans (you do not follow "
                         "back) 120");
  assert_contains (text, "Follow-back ratio: 66.7 % — 2 of the 3 accounts you follow follow you "
                         "back.");
  assert_contains (text, "Not following you back: @zed.");
  assert_contains (text, "\nGained and lost followers\n-------------------------\n  Not available: "
                         "Gained and lost followers need two Instagram exports");
  /* One export: the Overview's sentence, right after the header. */
  assert_contains (text, "\nSince your last export\n----------------------\n  One export of "
                         "this account so far. Import another export of this account to\n"
                         "    see who came and went.\n");
  assert_contains (text, "\nHashtags\n--------\n"
                         "  Compared on own posts with an engagement rate: n = 4 of 4.");
  assert_contains (text, "Engagement-bait tags on 3 posts: #f4f (3).");
  assert_contains (text, "\nCollaborations\n");
  assert_contains (text, "\nConsistency\n");
  assert_contains (text, "Posts (stories included): 4 from 2 Jan 2024 to 5 Jan 2024, over 1 week:");
  assert_contains (text, "\nFollower jumps and drops\n");
  assert_contains (text, "\nData coverage\n");
  assert_contains (text, "Engagement per post: complete (4 of 4 posts).");
  assert_contains (text, "\nSuggestions\n-----------\n");
  /* The dismissed suggestion is kept, marked, and comes last. */
  assert_contains (text, "[dismissed] Drop #f4f");
  last = g_ptr_array_index (suggestions, suggestions->len - 1);
  g_assert_cmpstr (last->key, ==, "hashtags.drop-bait:f4f");
  assert_contains (text, "Posts with #f4f: 3 posts (2 Jan 2024 https://www.instagram.com/p/p0/;");
  assert_contains (text, "    #f4f     n =   3 / 1      2.0 % vs   4.0 %   -50.0 %  p = 0.37  "
                         "low  (bait)\n");
  assert_contains (text, "    #cats    n =   4 / 0      2.5 % vs       —         —  p = —     "
                         "low\n");
}

static void
test_json (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, NULL);
  g_autoptr(JsonNode) root = rapport_report_to_json (report, suggestions);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  static const char * const keys[] = {
    "version", "account", "snapshots", "names", "series", "gains", "engagement", "reciprocity",
    "churn", "since_last_export", "hashtags", "collaborations", "cadence", "anomalies",
    "coverage", "suggestions",
  };
  JsonObject *object;
  JsonObject *account;
  JsonObject *posts;
  JsonObject *fans;
  JsonObject *snapshot;
  JsonObject *engagement;
  JsonObject *since;
  JsonArray *array;

  /* Through text and back, as a script reads it. */
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  g_assert_true (json_parser_load_from_data (parser, data, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
  /* Instagram's lists name everyone: no ids to name. */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "names"),
                                              "followers"));
  account = json_object_get_object_member (object, "account");
  g_assert_cmpint (json_object_get_int_member (account, "id"), ==, 7);
  since = json_object_get_object_member (object, "since_last_export");
  g_assert_cmpstr (json_object_get_string_member (since, "state"), ==, "one-export");
  g_assert_cmpint (json_object_get_int_member (since, "n_exports"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (since, "n_with_followers"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (since, "explanation"), ==,
                   "One export of this account so far. Import another export of this account "
                   "to see who came and went.");
  g_assert_true (json_object_get_null_member (since, "newer_snapshot_id"));
  g_assert_true (json_object_get_null_member (since, "gained"));
  g_assert_true (json_object_get_null_member (since, "dropped_after_follow_back"));

  snapshot = json_array_get_object_element (json_object_get_array_member (object, "snapshots"), 0);
  g_assert_cmpstr (json_object_get_string_member (snapshot, "exported_at"), ==,
                   "2024-01-31T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (snapshot, "exported_at_unix"), ==, DAY_N (30));
  g_assert_cmpint (json_object_get_int_member (snapshot, "followers"), ==, 122);

  /* Big lists: the count, and at most 50 entries. */
  fans = json_object_get_object_member (json_object_get_object_member (object, "reciprocity"),
                                        "fans");
  g_assert_cmpint (json_object_get_int_member (fans, "count"), ==, 120);
  array = json_object_get_array_member (fans, "items");
  g_assert_cmpuint (json_array_get_length (array), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "who"),
                   ==, "fan000");

  /* NAN is null; numbers are numbers. */
  engagement = json_object_get_object_member (object, "engagement");
  g_assert_true (json_object_get_null_member (engagement, "median_rate_by_impressions"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (engagement, "median_rate"),
                                  0.025, 1e-12);
  posts = json_object_get_object_member (engagement, "posts");
  g_assert_cmpint (json_object_get_int_member (posts, "count"), ==, 4);

  array = json_object_get_array_member (object, "coverage");
  g_assert_cmpuint (json_array_get_length (array), ==, RAPPORT_N_FIGURES);
  array = json_object_get_array_member (object, "suggestions");
  g_assert_cmpuint (json_array_get_length (array), ==, suggestions->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *suggestion = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (suggestion, "key"), ==,
                       ((RapportSuggestion *) g_ptr_array_index (suggestions, i))->key);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (suggestion,
                                                                             "evidence")),
                        >, 0);
    }
}

/* A suggestion's posts grow with the data, as the other lists do: 60 posts without impressions
 * give their count and the newest 50, oldest first. */
static void
test_json_evidence (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *posts = NULL;

  for (guint i = 4; i < 60; i++)
    add_post (dataset, DAY_N (1 + i) + 12 * 3600, 10, "cats");
  report = compute (dataset);
  suggestions = rapport_coach_suggest (report, NULL);
  root = rapport_report_to_json (report, suggestions);

  array = json_object_get_array_member (json_node_get_object (root), "suggestions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *suggestion = json_array_get_object_element (array, i);
      JsonArray *evidence = json_object_get_array_member (suggestion, "evidence");

      if (g_strcmp0 (json_object_get_string_member (suggestion, "key"),
                     "coverage.impressions") != 0)
        continue;
      for (guint e = 0; e < json_array_get_length (evidence); e++)
        {
          JsonObject *entry = json_array_get_object_element (evidence, e);

          if (g_strcmp0 (json_object_get_string_member (entry, "kind"), "posts") == 0)
            posts = json_object_get_object_member (entry, "posts");
          else
            g_assert_true (json_object_get_null_member (entry, "posts"));
          g_assert_true (json_object_get_null_member (entry, "accounts"));
        }
    }

  g_assert_nonnull (posts);
  g_assert_cmpint (json_object_get_int_member (posts, "count"), ==, 60);
  array = json_object_get_array_member (posts, "items");
  g_assert_cmpuint (json_array_get_length (array), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "platform_id"), ==, "p10");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"),
                   ==, 110);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 49),
                                                  "platform_id"), ==, "p59");
}

/* An older export of @jo, on 2 Jan 2024, before the one of build_dataset(): bo's follow date
 * then was 12 Dec 2023 and is 3 Jan 2024 in the newer one, so bo left and came back; cy left. */
static void
test_churn_refollow (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  RapportDatasetSnapshot *older = rapport_dataset_snapshot_new ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *step;
  JsonObject *since;
  JsonObject *refollowed;

  older->id = 2;
  older->exported_at = DAY_N (1) + 12 * 3600;
  older->source_name = g_strdup ("instagram-jo-old.zip");
  older->followers = rapport_people_new (3);
  rapport_people_add (older->followers, "ana", "ana", NULL, DAY_N (1));
  rapport_people_add (older->followers, "bo", "bo", NULL, DAY_N (-20));
  rapport_people_add (older->followers, "cy", "cy", NULL, DAY_N (-5));
  rapport_people_sort (older->followers);
  g_ptr_array_insert (dataset->snapshots, 0, older);
  report = compute (dataset);
  suggestions = rapport_coach_suggest (report, NULL);

  text = rapport_report_print_text (report, suggestions);
  assert_contains (text, "121 gained, 2 lost, 0 renamed.");
  /* Since the last export: bo left and came back, cy left; cy, the one who stayed away, is
   * not followed, so no one dropped a follow-back. */
  assert_contains (text, "\nSince your last export\n----------------------\n"
                         "  From 2 Jan 2024 to 31 Jan 2024, 3 followers became 122.\n"
                         "    New followers: 121.\n    Lost followers: 2.\n"
                         "    Dropped after follow-back: 0.\n"
                         "    Renamed (the same account under a new name): 0.\n");
  assert_contains (text, "    Unfollowed and followed again (counted as lost and as gained): "
                         "1 — @bo.\n");

  root = rapport_report_to_json (report, suggestions);
  step = json_array_get_object_element (
    json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (root), "churn"), "steps"), 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (step, "gained"),
                                               "count"), ==, 121);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (step, "lost"),
                                               "count"), ==, 2);
  since = json_object_get_object_member (json_node_get_object (root), "since_last_export");
  g_assert_cmpstr (json_object_get_string_member (since, "state"), ==, "changes");
  g_assert_cmpint (json_object_get_int_member (since, "n_exports"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (since, "n_with_followers"), ==, 2);
  g_assert_true (json_object_get_null_member (since, "explanation"));
  g_assert_cmpint (json_object_get_int_member (since, "older_snapshot_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (since, "newer_snapshot_id"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (since, "gained"), ==, 121);
  g_assert_cmpint (json_object_get_int_member (since, "lost"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (since, "dropped_after_follow_back"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (since, "renamed"), ==, 0);
  refollowed = json_object_get_object_member (step, "refollowed");
  g_assert_cmpint (json_object_get_int_member (refollowed, "count"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (refollowed, "items"), 0), "who"), ==, "bo");
}

/* A LinkedIn account's lists are of connections: its churn section and coverage say so. */
static void
test_linkedin_connections (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonArray *coverage;
  gboolean found = FALSE;

  dataset->platform = RAPPORT_PLATFORM_LINKEDIN;
  report = compute (dataset);
  suggestions = rapport_coach_suggest (report, NULL);
  text = rapport_report_print_text (report, suggestions);
  assert_contains (text, "\nGained and lost connections\n---------------------------\n"
                         "  Not available: Gained and lost connections need two LinkedIn "
                         "exports of this\n    account with their list of connections: ");
  assert_contains (text, "\n  Gained and lost connections: missing (1 of 1 export with "
                         "followers).\n");
  g_assert_null (strstr (text, "Gained and lost followers"));

  root = rapport_report_to_json (report, suggestions);
  coverage = json_object_get_array_member (json_node_get_object (root), "coverage");
  for (guint i = 0; i < json_array_get_length (coverage); i++)
    {
      JsonObject *item = json_array_get_object_element (coverage, i);

      if (g_str_equal (json_object_get_string_member (item, "figure"), "churn"))
        {
          g_assert_cmpstr (json_object_get_string_member (item, "title"), ==,
                           "Gained and lost connections");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Daily gains: carried from the profile totals of days 0 to 5 where they lie beside them, and
 * said in text and JSON; on an account with no total at all, follows per day only. */
static void
test_gains (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportDataset) bare = rapport_dataset_new ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(RapportReport) bare_report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) bare_suggestions = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bare_text = NULL;
  RapportDatasetSnapshot *analytics;
  JsonObject *gains;
  JsonObject *series;
  JsonObject *snapshot;
  const RapportFollowerGain days[] = {
    { DAY_N (6), 4, 1 }, { DAY_N (7), 6, RAPPORT_COUNT_UNKNOWN }, { DAY_N (8), 2, 3 },
  };

  g_array_append_vals (dataset->gains, days, G_N_ELEMENTS (days));
  analytics = rapport_dataset_snapshot_new ();
  analytics->id = 4;
  analytics->exported_at = DAY_N (8);
  analytics->source_name = g_strdup ("Follows.csv");
  analytics->n_follower_days = 3;
  g_ptr_array_insert (dataset->snapshots, 0, analytics);
  report = compute (dataset);
  /* Days 5 (the day before the first gain) to 8 lie beside day 5's total; day 5 is real. */
  g_assert_cmpuint (report->gains.n_days, ==, 3);
  g_assert_cmpint (report->gains.gained, ==, 12);
  g_assert_cmpint (report->gains.lost, ==, 4);
  g_assert_cmpuint (report->gains.n_anchored, ==, 3);
  g_assert_cmpfloat (rapport_follower_series_at (report->series, DAY_N (6), NULL), ==, 1003);
  g_assert_cmpfloat (rapport_follower_series_at (report->series, DAY_N (8), NULL), ==, 1008);

  suggestions = rapport_coach_suggest (report, NULL);
  text = rapport_report_print_text (report, suggestions);
  assert_contains (text, "  Analytics exports counted 3 days from 7 Jan 2024 to 9 Jan 2024: +12 "
                         "new and 4\n    lost followers.\n");
  assert_contains (text, "  3 days of the series carried from a real total along them.\n");
  /* Which export supplied what. */
  assert_contains (text, "  9 Jan 2024, Follows.csv: 3 days of follower history\n");
  assert_contains (text, "  31 Jan 2024, instagram-jo.zip: 122 followers, 3 following\n");

  root = rapport_report_to_json (report, suggestions);
  gains = json_object_get_object_member (json_node_get_object (root), "gains");
  g_assert_cmpint (json_object_get_int_member (gains, "n_days"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (gains, "gained"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (gains, "lost"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (gains, "n_anchored"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (gains, "first"), ==, "2024-01-07T00:00:00Z");
  snapshot = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "snapshots"), 0);
  g_assert_cmpstr (json_object_get_string_member (snapshot, "source_name"), ==, "Follows.csv");
  g_assert_cmpint (json_object_get_int_member (snapshot, "n_follower_days"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (snapshot, "n_posts"), ==, 0);
  g_assert_true (json_object_get_null_member (snapshot, "followers"));
  series = json_object_get_object_member (json_node_get_object (root), "series");
  g_assert_cmpint (json_object_get_int_member (series, "n_anchored"), ==, 3);

  /* No total anywhere: the gains are no series, and the report says why. */
  bare->platform = RAPPORT_PLATFORM_TWITTER;
  bare->handle = g_strdup ("jo");
  g_array_append_vals (bare->gains, days, G_N_ELEMENTS (days));
  g_array_index (bare->gains, RapportFollowerGain, 0).lost = RAPPORT_COUNT_UNKNOWN;
  g_array_index (bare->gains, RapportFollowerGain, 2).lost = RAPPORT_COUNT_UNKNOWN;
  bare_report = compute (bare);
  g_assert_cmpuint (bare_report->series->points->len, ==, 0);
  g_assert_cmpuint (bare_report->gains.n_anchored, ==, 0);
  bare_suggestions = rapport_coach_suggest (bare_report, NULL);
  bare_text = rapport_report_print_text (bare_report, bare_suggestions);
  assert_contains (bare_text, "9 Jan 2024: +12 new\n    followers (unfollows not counted).\n");
  assert_contains (bare_text, "No real total lies within a day of them");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/figures", test_figures);
  g_test_add_func ("/report/text", test_text);
  g_test_add_func ("/report/json", test_json);
  g_test_add_func ("/report/json-evidence", test_json_evidence);
  g_test_add_func ("/report/churn-refollow", test_churn_refollow);
  g_test_add_func ("/report/linkedin-connections", test_linkedin_connections);
  g_test_add_func ("/report/gains", test_gains);

  return g_test_run ();
}
