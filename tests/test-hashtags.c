/* test-hashtags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "analysis/rapport-hashtags.h"

/* Own posts and their engagement, filled by hand instead of by rapport_engagement_per_post(). */
typedef struct
{
  GPtrArray *posts;
  GArray *engagement;
} Fixture;

static void
fixture_init (Fixture *fixture)
{
  fixture->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_dataset_post_free);
  fixture->engagement = g_array_new (FALSE, FALSE, sizeof (RapportPostEngagement));
}

static void
fixture_clear (Fixture *fixture)
{
  g_array_unref (fixture->engagement);
  g_ptr_array_unref (fixture->posts);
}

/* @tags: comma-separated, "" for none. */
static void
add_post (Fixture         *fixture,
          RapportPostType  type,
          double           rate,
          const char      *tags)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();
  RapportPostEngagement entry = { 0, };

  post->type = type;
  post->created_at = 1700000000 + fixture->posts->len * 86400;
  post->hashtags = tags[0] != '\0' ? g_strsplit (tags, ",", -1) : g_new0 (char *, 1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (fixture->posts, post);

  entry.post = post;
  entry.interactions = isnan (rate) ? -1 : (gint64) (rate * 1000);
  entry.followers = 1000;
  entry.rate = rate;
  entry.rate_by_impressions = NAN;
  g_array_append_val (fixture->engagement, entry);
}

static const RapportTagUplift *
find_tag (const RapportHashtagReport *report,
          const char                 *tag)
{
  for (guint i = 0; i < report->tags->len; i++)
    if (g_str_equal (g_array_index (report->tags, RapportTagUplift, i).tag, tag))
      return &g_array_index (report->tags, RapportTagUplift, i);
  return NULL;
}

/* The two-sided p of the normal approximation with continuity correction, no ties. */
static double
expected_p (double U,
            double na,
            double nb)
{
  double mean = na * nb / 2;
  double sd = sqrt (na * nb * (na + nb + 1) / 12);

  return erfc ((fabs (U - mean) - 0.5) / sd / sqrt (2.0));
}

static void
test_uplift (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  const RapportTagUplift *sun;
  const RapportTagUplift *beach;
  const RapportBaitTag *bait;
  Fixture fixture;

  fixture_init (&fixture);
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.05, "sun,beach");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.07, "sun");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.06, "sun,f4f");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.02, "");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.03, "beach,like4like");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.04, "");
  add_post (&fixture, RAPPORT_POST_PHOTO, 0.01, "beach");
  add_post (&fixture, RAPPORT_POST_REEL, NAN, "f4f");
  /* Neither a repost nor a story is an own post with engagement: both must be ignored. */
  add_post (&fixture, RAPPORT_POST_REPOST, 0.5, "sun,beach,f4f");
  add_post (&fixture, RAPPORT_POST_STORY, 0.5, "sun");

  report = rapport_hashtags_compute (fixture.engagement);
  g_assert_cmpuint (report->n_posts, ==, 8);
  g_assert_cmpuint (report->n_with_rate, ==, 7);

  /* f4f and like4like have fewer than three posts with a known ER: no uplift row. */
  g_assert_cmpuint (report->tags->len, ==, 2);
  g_assert_null (find_tag (report, "f4f"));

  /* sun: with {.05 .07 .06}, median .06; without {.02 .03 .04 .01}, median .025.
   * Every ER with the tag beats every ER without: U = 3 · 4 = 12. */
  sun = &g_array_index (report->tags, RapportTagUplift, 0);
  g_assert_cmpstr (sun->tag, ==, "sun");
  g_assert_false (sun->is_bait);
  g_assert_cmpuint (sun->uplift.n_with, ==, 3);
  g_assert_cmpuint (sun->uplift.n_without, ==, 4);
  g_assert_cmpfloat_with_epsilon (sun->uplift.median_with, 0.06, 1e-12);
  g_assert_cmpfloat_with_epsilon (sun->uplift.median_without, 0.025, 1e-12);
  g_assert_cmpfloat_with_epsilon (sun->uplift.uplift, 1.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (sun->uplift.difference_pp, 3.5, 1e-9);
  g_assert_cmpfloat (sun->uplift.u, ==, 12);
  /* mean 6, variance 3·4·8/12 = 8, z = (6 − 0.5)/√8 = 1.944544 */
  g_assert_cmpfloat_with_epsilon (sun->uplift.p_value, expected_p (12, 3, 4), 1e-9);
  g_assert_cmpfloat_with_epsilon (sun->uplift.p_value, 0.051830, 1e-6);
  g_assert_cmpint (sun->uplift.confidence, ==, RAPPORT_CONFIDENCE_LOW);

  /* beach: with {.05 .03 .01}, median .03; without {.07 .06 .02 .04}, median .05.
   * Pairs won: .05 beats .02 and .04, .03 beats .02: U = 3. */
  beach = &g_array_index (report->tags, RapportTagUplift, 1);
  g_assert_cmpstr (beach->tag, ==, "beach");
  g_assert_cmpfloat_with_epsilon (beach->uplift.median_with, 0.03, 1e-12);
  g_assert_cmpfloat_with_epsilon (beach->uplift.median_without, 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (beach->uplift.uplift, -0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (beach->uplift.difference_pp, -2.0, 1e-9);
  g_assert_cmpfloat (beach->uplift.u, ==, 3);
  g_assert_cmpfloat_with_epsilon (beach->uplift.p_value, 0.376759, 1e-6);

  /* Bait tags are listed however rarely used, most used first. */
  g_assert_cmpuint (report->bait->len, ==, 2);
  bait = &g_array_index (report->bait, RapportBaitTag, 0);
  g_assert_cmpstr (bait->tag, ==, "f4f");
  g_assert_cmpuint (bait->n_posts, ==, 2);
  g_assert_cmpuint (bait->posts->len, ==, 2);
  g_assert_cmpuint (g_array_index (bait->posts, guint32, 0), ==, 2);
  g_assert_cmpuint (g_array_index (bait->posts, guint32, 1), ==, 7);
  g_assert_cmpuint (bait->n_with_rate, ==, 1);
  g_assert_cmpuint (bait->n_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (bait->median_with, 0.06, 1e-12);
  /* {.01 .02 .03 .04 .05 .07} */
  g_assert_cmpfloat_with_epsilon (bait->median_without, 0.035, 1e-12);
  bait = &g_array_index (report->bait, RapportBaitTag, 1);
  g_assert_cmpstr (bait->tag, ==, "like4like");
  g_assert_cmpuint (bait->n_posts, ==, 1);
  g_assert_cmpuint (g_array_index (bait->posts, guint32, 0), ==, 4);

  /* Any bait: with {.06 .03}, median .045; without {.05 .07 .02 .04 .01}, median .04;
   * .06 beats four, .03 beats two: U = 6, mean 5, variance 2·5·8/12. */
  g_assert_cmpuint (report->n_bait_posts, ==, 3);
  g_assert_cmpuint (report->bait_uplift.n_with, ==, 2);
  g_assert_cmpuint (report->bait_uplift.n_without, ==, 5);
  g_assert_cmpfloat_with_epsilon (report->bait_uplift.median_with, 0.045, 1e-12);
  g_assert_cmpfloat_with_epsilon (report->bait_uplift.median_without, 0.04, 1e-12);
  g_assert_cmpfloat_with_epsilon (report->bait_uplift.uplift, 0.125, 1e-9);
  g_assert_cmpfloat (report->bait_uplift.u, ==, 6);
  g_assert_cmpfloat_with_epsilon (report->bait_uplift.p_value, expected_p (6, 2, 5), 1e-9);

  /* Tags per post (known ER only): 0 → {.02 .04}; 1–2 → {.05 .07 .06 .03 .01}. */
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_NONE].n, ==, 2);
  g_assert_cmpfloat_with_epsilon (report->buckets[RAPPORT_TAG_BUCKET_NONE].median, 0.03, 1e-12);
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_FEW].n, ==, 5);
  g_assert_cmpfloat_with_epsilon (report->buckets[RAPPORT_TAG_BUCKET_FEW].median, 0.05, 1e-12);
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_SOME].n, ==, 0);
  g_assert_true (isnan (report->buckets[RAPPORT_TAG_BUCKET_SOME].median));
  g_assert_cmpint (report->best_bucket, ==, RAPPORT_TAG_BUCKET_FEW);

  g_clear_pointer (&report, rapport_hashtag_report_free);
  fixture_clear (&fixture);
}

static char *
make_tags (guint n,
           guint first)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (tags, "%st%u", i > 0 ? "," : "", first + i);
  return g_string_free (g_steal_pointer (&tags), FALSE);
}

static void
test_buckets (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  static const struct { guint n_tags; double rate; } posts[] = {
    { 0, 0.01 }, { 0, 0.02 }, { 0, 0.03 }, { 0, 0.04 }, { 0, 0.05 },
    { 1, 0.02 }, { 2, 0.03 }, { 1, 0.04 }, { 2, 0.05 }, { 1, 0.06 },
    /* The best median, but three posts are too few to call. */
    { 3, 0.10 }, { 4, 0.11 }, { 5, 0.12 },
    { 6, 0.05 }, { 10, 0.05 }, { 6, 0.05 }, { 10, 0.06 }, { 6, 0.06 }, { 10, 0.06 },
    { 11, 0.20 }, { 30, NAN },
  };
  static const guint expected_n[] = { 5, 5, 3, 6, 1 };
  static const double expected_median[] = { 0.03, 0.04, 0.11, 0.055, 0.20 };
  Fixture fixture;

  fixture_init (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autofree char *tags = make_tags (posts[i].n_tags, i * 100);

      add_post (&fixture, RAPPORT_POST_PHOTO, posts[i].rate, tags);
    }

  report = rapport_hashtags_compute (fixture.engagement);
  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      g_assert_cmpuint (report->buckets[b].n, ==, expected_n[b]);
      g_assert_cmpfloat_with_epsilon (report->buckets[b].median, expected_median[b], 1e-12);
    }
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_MANY].min_tags, ==, 6);
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_MANY].max_tags, ==, 10);
  g_assert_cmpint (report->best_bucket, ==, RAPPORT_TAG_BUCKET_MANY);
  /* Every tag is on one post only. */
  g_assert_cmpuint (report->tags->len, ==, 0);
  g_assert_cmpuint (report->bait->len, ==, 0);
  g_assert_cmpuint (report->n_bait_posts, ==, 0);
  g_assert_true (isnan (report->bait_uplift.uplift));
  g_assert_true (isnan (report->bait_uplift.p_value));

  g_clear_pointer (&report, rapport_hashtag_report_free);
  fixture_clear (&fixture);
}

static void
test_confidence (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  const RapportTagUplift *big;
  const RapportTagUplift *everywhere;
  Fixture fixture;

  g_assert_cmpint (rapport_confidence_from_sample (10, 0.049), ==, RAPPORT_CONFIDENCE_HIGH);
  g_assert_cmpint (rapport_confidence_from_sample (10, 0.05), ==, RAPPORT_CONFIDENCE_MEDIUM);
  g_assert_cmpint (rapport_confidence_from_sample (9, 0.001), ==, RAPPORT_CONFIDENCE_MEDIUM);
  g_assert_cmpint (rapport_confidence_from_sample (5, 0.199), ==, RAPPORT_CONFIDENCE_MEDIUM);
  g_assert_cmpint (rapport_confidence_from_sample (5, 0.2), ==, RAPPORT_CONFIDENCE_LOW);
  g_assert_cmpint (rapport_confidence_from_sample (4, 0.001), ==, RAPPORT_CONFIDENCE_LOW);
  g_assert_cmpint (rapport_confidence_from_sample (100, NAN), ==, RAPPORT_CONFIDENCE_LOW);
  g_assert_cmpstr (rapport_confidence_to_string (RAPPORT_CONFIDENCE_MEDIUM), ==, "medium");

  /* Ten posts with #big at .11 … .20 against ten without at .01 … .10: U = 100, mean 50,
   * variance 10·10·21/12 = 175, z = 49.5/√175 = 3.742, p = 0.000183. */
  fixture_init (&fixture);
  for (guint i = 0; i < 20; i++)
    add_post (&fixture, RAPPORT_POST_PHOTO, (i + 1) / 100.0,
              i >= 10 ? "everywhere,big" : "everywhere");

  report = rapport_hashtags_compute (fixture.engagement);
  g_assert_cmpuint (report->tags->len, ==, 2);
  big = &g_array_index (report->tags, RapportTagUplift, 0);
  g_assert_cmpstr (big->tag, ==, "big");
  g_assert_cmpfloat_with_epsilon (big->uplift.median_with, 0.155, 1e-12);
  g_assert_cmpfloat_with_epsilon (big->uplift.median_without, 0.055, 1e-12);
  g_assert_cmpfloat_with_epsilon (big->uplift.uplift, 0.155 / 0.055 - 1, 1e-9);
  g_assert_cmpfloat (big->uplift.u, ==, 100);
  g_assert_cmpfloat_with_epsilon (big->uplift.p_value, expected_p (100, 10, 10), 1e-9);
  g_assert_cmpfloat_with_epsilon (big->uplift.p_value, 0.000183, 1e-6);
  g_assert_cmpint (big->uplift.confidence, ==, RAPPORT_CONFIDENCE_HIGH);

  /* A tag on every post has nothing to be compared with: listed last, without a figure. */
  everywhere = &g_array_index (report->tags, RapportTagUplift, 1);
  g_assert_cmpstr (everywhere->tag, ==, "everywhere");
  g_assert_cmpuint (everywhere->uplift.n_with, ==, 20);
  g_assert_cmpuint (everywhere->uplift.n_without, ==, 0);
  g_assert_true (isnan (everywhere->uplift.uplift));
  g_assert_true (isnan (everywhere->uplift.p_value));
  g_assert_cmpint (everywhere->uplift.confidence, ==, RAPPORT_CONFIDENCE_LOW);

  g_clear_pointer (&report, rapport_hashtag_report_free);
  fixture_clear (&fixture);
}

static void
test_bait_list (void)
{
  static const char * const required[] = {
    "f4f", "followforfollow", "follow4follow", "followback", "followforfollowback", "like4like",
    "likeforlike", "l4l", "likes4likes", "tagsforlikes", "followme", "f4l", "l4f", "s4s",
    "spam4spam", "comment4comment", "c4c", "likeback", "followtrain", "teamfollowback",
    "instafollow", "gainfollowers", "gaintrain",
  };

  /* Looked up by bisection, so every entry found also proves the list is in order. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (rapport_hashtag_is_bait (required[i]));
  g_assert_false (rapport_hashtag_is_bait ("follow"));
  g_assert_false (rapport_hashtag_is_bait ("f4"));
  g_assert_false (rapport_hashtag_is_bait ("sunset"));
  g_assert_false (rapport_hashtag_is_bait (""));
  /* Tags are stored lower case; the list is too. */
  g_assert_false (rapport_hashtag_is_bait ("F4F"));
}

/* The per-tag figures come from one ranking of all posts; they must equal a direct comparison
 * of the two groups, ties included. */
static void
test_ranked_matches_direct (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  g_autoptr(GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  Fixture fixture;

  fixture_init (&fixture);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *tags = g_strdup_printf ("t%d,t%d", g_test_rand_int_range (0, 20),
                                               g_test_rand_int_range (0, 40));
      /* Rates on a coarse grid, so that many tie; some unknown. */
      double rate = g_test_rand_int_range (0, 10) == 0 ? NAN
                  : g_test_rand_int_range (0, 25) / 100.0;

      add_post (&fixture, RAPPORT_POST_PHOTO, rate, tags);
    }

  report = rapport_hashtags_compute (fixture.engagement);
  g_assert_cmpuint (report->tags->len, >, 20);
  for (guint t = 0; t < report->tags->len; t++)
    {
      const RapportTagUplift *row = &g_array_index (report->tags, RapportTagUplift, t);
      RapportUplift direct;

      g_array_set_size (with, 0);
      g_array_set_size (without, 0);
      for (guint k = 0; k < fixture.engagement->len; k++)
        {
          const RapportPostEngagement *entry = &g_array_index (fixture.engagement,
                                                               RapportPostEngagement, k);
          const char * const *tags = (const char * const *) entry->post->hashtags;

          g_array_append_val (g_strv_contains (tags, row->tag) ? with : without, entry->rate);
        }
      rapport_uplift_compute ((double *) with->data, with->len,
                              (double *) without->data, without->len, &direct);
      g_assert_cmpuint (row->uplift.n_with, ==, direct.n_with);
      g_assert_cmpuint (row->uplift.n_without, ==, direct.n_without);
      g_assert_cmpfloat (row->uplift.median_with, ==, direct.median_with);
      g_assert_cmpfloat (row->uplift.median_without, ==, direct.median_without);
      g_assert_cmpfloat (row->uplift.u, ==, direct.u);
      g_assert_cmpfloat_with_epsilon (row->uplift.p_value, direct.p_value, 1e-12);
      g_assert_cmpint (row->uplift.confidence, ==, direct.confidence);
      if (isnan (direct.uplift))
        g_assert_true (isnan (row->uplift.uplift));
      else
        g_assert_cmpfloat (row->uplift.uplift, ==, direct.uplift);
    }

  g_clear_pointer (&report, rapport_hashtag_report_free);
  fixture_clear (&fixture);
}

static void
test_many_posts (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  Fixture fixture;
  gint64 start;

  /* 5,000 posts, 500 tags on about 30 posts each: the size of a prolific account. */
  fixture_init (&fixture);
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *tags = g_strdup_printf ("t%u,t%u,t%u",
                                               i % 500, (i * 7) % 500, (i * 13) % 500);

      add_post (&fixture, RAPPORT_POST_PHOTO, g_test_rand_double_range (0.001, 0.1), tags);
    }
  start = g_get_monotonic_time ();
  report = rapport_hashtags_compute (fixture.engagement);
  g_test_message ("hashtags of 5,000 posts with 500 tags: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (report->tags->len, ==, 500);
  for (guint i = 1; i < report->tags->len; i++)
    g_assert_cmpfloat (g_array_index (report->tags, RapportTagUplift, i - 1).uplift.uplift, >=,
                       g_array_index (report->tags, RapportTagUplift, i).uplift.uplift);

  g_clear_pointer (&report, rapport_hashtag_report_free);
  fixture_clear (&fixture);
}

/* Without a single engagement rate the tags' usage is still known: issue 17's Instagram export
 * without insights. */
static void
test_usage_without_rates (void)
{
  g_autoptr(RapportHashtagReport) report = NULL;
  const RapportTagUsage *usage;
  Fixture fixture;

  fixture_init (&fixture);
  add_post (&fixture, RAPPORT_POST_PHOTO, NAN, "clay,f4f");
  add_post (&fixture, RAPPORT_POST_PHOTO, NAN, "clay,clay");
  add_post (&fixture, RAPPORT_POST_PHOTO, NAN, "");
  add_post (&fixture, RAPPORT_POST_REEL, NAN, "glaze,clay,kiln,wheel,f4f,studio");
  add_post (&fixture, RAPPORT_POST_REPOST, NAN, "clay");

  report = rapport_hashtags_compute (fixture.engagement);
  g_assert_cmpuint (report->n_posts, ==, 4);
  g_assert_cmpuint (report->n_with_rate, ==, 0);
  g_assert_cmpuint (report->tags->len, ==, 0);

  /* Most used first, then by name; a repeat in one post counts once; reposts are not used. */
  g_assert_cmpuint (report->usage->len, ==, 6);
  usage = &g_array_index (report->usage, RapportTagUsage, 0);
  g_assert_cmpstr (usage->tag, ==, "clay");
  g_assert_cmpuint (usage->n_posts, ==, 3);
  g_assert_cmpint (usage->first, ==, 1700000000);
  g_assert_cmpint (usage->last, ==, 1700000000 + 3 * 86400);
  g_assert_false (usage->is_bait);
  usage = &g_array_index (report->usage, RapportTagUsage, 1);
  g_assert_cmpstr (usage->tag, ==, "f4f");
  g_assert_cmpuint (usage->n_posts, ==, 2);
  g_assert_true (usage->is_bait);
  g_assert_cmpstr (g_array_index (report->usage, RapportTagUsage, 2).tag, ==, "glaze");
  g_assert_cmpstr (g_array_index (report->usage, RapportTagUsage, 5).tag, ==, "wheel");

  /* 3 posts with tags; 2 + 1 + 6 uses. */
  g_assert_cmpuint (report->n_tagged_posts, ==, 3);
  g_assert_cmpuint (report->n_tag_uses, ==, 9);
  /* By tags per post, as the importer gave them: 0, 2, 2 and 6. */
  g_assert_cmpuint (report->bucket_posts[RAPPORT_TAG_BUCKET_NONE], ==, 1);
  g_assert_cmpuint (report->bucket_posts[RAPPORT_TAG_BUCKET_FEW], ==, 2);
  g_assert_cmpuint (report->bucket_posts[RAPPORT_TAG_BUCKET_SOME], ==, 0);
  g_assert_cmpuint (report->bucket_posts[RAPPORT_TAG_BUCKET_MANY], ==, 1);
  g_assert_cmpuint (report->buckets[RAPPORT_TAG_BUCKET_MANY].n, ==, 0);

  /* The bait tag is listed with its posts, without a median. */
  g_assert_cmpuint (report->bait->len, ==, 1);
  g_assert_cmpuint (g_array_index (report->bait, RapportBaitTag, 0).n_posts, ==, 2);
  g_assert_cmpuint (g_array_index (report->bait, RapportBaitTag, 0).n_with_rate, ==, 0);
  g_assert_cmpuint (report->n_bait_posts, ==, 2);

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hashtags/uplift", test_uplift);
  g_test_add_func ("/hashtags/buckets", test_buckets);
  g_test_add_func ("/hashtags/confidence", test_confidence);
  g_test_add_func ("/hashtags/bait-list", test_bait_list);
  g_test_add_func ("/hashtags/ranked-matches-direct", test_ranked_matches_direct);
  g_test_add_func ("/hashtags/many-posts", test_many_posts);
  g_test_add_func ("/hashtags/usage-without-rates", test_usage_without_rates);

  return g_test_run ();
}
