/* rapport-hashtags.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which hashtags go with better or worse engagement, how many tags per post work best, and
 * which engagement-bait tags (#f4f, #like4like, …) the account uses.  All figures compare the
 * engagement rate by followers (RapportPostEngagement.rate) of own posts.
 */

#pragma once

#include "analysis/rapport-engagement.h"

G_BEGIN_DECLS

/* A tag needs this many own posts with a known engagement rate to get an uplift figure. */
#define RAPPORT_HASHTAG_MIN_POSTS        3
/* A tag-count bucket needs this many posts to be named the best. */
#define RAPPORT_HASHTAG_BUCKET_MIN_POSTS 5

typedef enum
{
  RAPPORT_CONFIDENCE_LOW,
  RAPPORT_CONFIDENCE_MEDIUM,
  RAPPORT_CONFIDENCE_HIGH,
} RapportConfidence;

/* How far a comparison of two groups of posts can be trusted, from the size of the smaller
 * group @n and the Mann–Whitney @p_value: high when n ≥ 10 and p < 0.05, medium when n ≥ 5
 * and p < 0.2, low otherwise (and when p is NAN). */
RapportConfidence rapport_confidence_from_sample (gsize             n,
                                                  double            p_value);
/* "low", "medium", "high": a stable name for reports, not for display. */
const char       *rapport_confidence_to_string   (RapportConfidence confidence);

/* A comparison of the posts in a group (with a tag, with a mention, …) against the others. */
typedef struct
{
  guint n_with;           /* posts in the group with a known ER */
  guint n_without;        /* other posts with a known ER */
  double median_with;     /* NAN when n_with is 0 */
  double median_without;  /* NAN when n_without is 0 */
  double uplift;          /* median_with / median_without − 1; NAN when either is NAN or
                           * median_without is 0 */
  double difference_pp;   /* (median_with − median_without) · 100, in percentage points */
  double u;               /* Mann–Whitney U of the group against the others */
  double p_value;         /* two-sided; NAN when either side is empty */
  RapportConfidence confidence; /* from min (n_with, n_without) and p_value */
} RapportUplift;

/* Fills @uplift from the ERs of the group and of the others (NAN entries are skipped). */
void rapport_uplift_compute (const double  *with,
                             gsize          n_with,
                             const double  *without,
                             gsize          n_without,
                             RapportUplift *uplift);

typedef struct
{
  char *tag;              /* lower case, without '#' */
  gboolean is_bait;
  RapportUplift uplift;
} RapportTagUplift;

typedef enum
{
  RAPPORT_TAG_BUCKET_NONE,      /* 0 tags */
  RAPPORT_TAG_BUCKET_FEW,       /* 1–2 */
  RAPPORT_TAG_BUCKET_SOME,      /* 3–5 */
  RAPPORT_TAG_BUCKET_MANY,      /* 6–10 */
  RAPPORT_TAG_BUCKET_VERY_MANY, /* 11 or more */
  RAPPORT_N_TAG_BUCKETS
} RapportTagBucketKind;

typedef struct
{
  guint min_tags;
  guint max_tags;         /* G_MAXUINT for the last bucket */
  guint n;                /* posts with a known ER */
  double median;          /* NAN when n is 0 */
} RapportTagBucket;

typedef struct
{
  char *tag;
  guint n_posts;          /* own posts using the tag, with or without a known ER */
  GArray *posts;          /* guint32 indices into the engagement array, oldest first */
  guint n_with_rate;      /* of those, posts with a known ER */
  guint n_without;        /* posts with a known ER that do not use the tag */
  double median_with;     /* NAN when n_with_rate is 0 */
  double median_without;  /* NAN when n_without is 0 */
} RapportBaitTag;

/* How a tag was used, whether or not any post has an ER: what the page shows without rates. */
typedef struct
{
  char *tag;              /* lower case, without '#' */
  gboolean is_bait;
  guint n_posts;          /* own posts using the tag */
  gint64 first;           /* time of the first and of the last of them */
  gint64 last;
} RapportTagUsage;

typedef struct
{
  guint n_posts;          /* own posts looked at */
  guint n_with_rate;      /* of those, posts with a known ER: the sample of every figure */

  GArray *tags;           /* RapportTagUplift for tags on ≥ 3 posts with a known ER, by uplift,
                           * highest first (NAN uplift last) */
  RapportTagBucket buckets[RAPPORT_N_TAG_BUCKETS];
  int best_bucket;        /* RapportTagBucketKind with the highest median among buckets of at
                           * least 5 posts, -1 when none has 5 */

  GArray *usage;          /* RapportTagUsage for every tag used, most used first, then by name */
  guint n_tagged_posts;   /* own posts with at least one tag */
  guint n_tag_uses;       /* tags on own posts, a tag repeated in one post counted once */
  /* Own posts by their number of tags, in the buckets of buckets[], with or without an ER. */
  guint bucket_posts[RAPPORT_N_TAG_BUCKETS];

  GArray *bait;           /* RapportBaitTag for every bait tag used, most used first */
  guint n_bait_posts;     /* own posts using any bait tag */
  RapportUplift bait_uplift; /* posts using any bait tag against the rest */
} RapportHashtagReport;

/* @engagement: RapportPostEngagement from rapport_engagement_per_post().  Never NULL. */
RapportHashtagReport *rapport_hashtags_compute (const GArray         *engagement);
void                  rapport_hashtag_report_free (RapportHashtagReport *report);

/* TRUE for tags that ask for follows or likes in return (#f4f, #like4like, #followback, …);
 * @tag is lower case, without '#'. */
gboolean              rapport_hashtag_is_bait  (const char           *tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportHashtagReport, rapport_hashtag_report_free)

G_END_DECLS
