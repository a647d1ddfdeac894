/* rapport-hashtags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/rapport-hashtags.h"
#include "core/rapport-stats.h"

/* Tags that trade follows, likes, comments or shout-outs, in strcmp order for bsearch. */
static const char * const bait_tags[] = {
  "c4c",
  "comment4comment",
  "commentforcomment",
  "f4f",
  "f4l",
  "follow4follow",
  "follow4followback",
  "follow4like",
  "followback",
  "followforfollow",
  "followforfollowback",
  "followforlike",
  "followme",
  "followtrain",
  "gainfollowers",
  "gaintrain",
  "instafollow",
  "l4f",
  "l4l",
  "like4follow",
  "like4like",
  "likeback",
  "likeforfollow",
  "likeforlike",
  "likeforlikes",
  "likes4likes",
  "likesforlikes",
  "s4s",
  "sfs",
  "shoutout4shoutout",
  "spam4spam",
  "tagforlikes",
  "tagsforlikes",
  "teamfollowback",
};

static const RapportTagBucket bucket_bounds[RAPPORT_N_TAG_BUCKETS] = {
  { 0, 0 }, { 1, 2 }, { 3, 5 }, { 6, 10 }, { 11, G_MAXUINT },
};

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
rapport_hashtag_is_bait (const char *tag)
{
  g_return_val_if_fail (tag != NULL, FALSE);

  return bsearch (&tag, bait_tags, G_N_ELEMENTS (bait_tags), sizeof (char *),
                  compare_strings) != NULL;
}

/* The smaller group bounds what a comparison can show, so it sets n.  The thresholds follow the
 * usual reading of a rank test on small samples: p < 0.05 with ten or more posts on each side is
 * a finding; p < 0.2 with five or more is a lead worth watching; anything else may be chance. */
RapportConfidence
rapport_confidence_from_sample (gsize  n,
                                double p_value)
{
  if (isnan (p_value))
    return RAPPORT_CONFIDENCE_LOW;
  if (n >= 10 && p_value < 0.05)
    return RAPPORT_CONFIDENCE_HIGH;
  if (n >= 5 && p_value < 0.2)
    return RAPPORT_CONFIDENCE_MEDIUM;
  return RAPPORT_CONFIDENCE_LOW;
}

const char *
rapport_confidence_to_string (RapportConfidence confidence)
{
  switch (confidence)
    {
    case RAPPORT_CONFIDENCE_HIGH:
      return "high";
    case RAPPORT_CONFIDENCE_MEDIUM:
      return "medium";
    case RAPPORT_CONFIDENCE_LOW:
    default:
      return "low";
    }
}

static double
relative_change (double with,
                 double without)
{
  return isnan (with) || isnan (without) || without == 0 ? NAN : with / without - 1;
}

/* Uplift compares medians, not means: one viral post would otherwise carry a tag.  It is the
 * relative change of the median ER with the group against the median ER without it; the
 * difference in percentage points is given too, since a large relative change of a tiny rate
 * matters little.  Significance is the two-sided Mann–Whitney test of the two sets of ERs. */
void
rapport_uplift_compute (const double  *with,
                        gsize          n_with,
                        const double  *without,
                        gsize          n_without,
                        RapportUplift *uplift)
{
  g_return_if_fail (uplift != NULL);
  g_return_if_fail (with != NULL || n_with == 0);
  g_return_if_fail (without != NULL || n_without == 0);

  uplift->n_with = rapport_stats_count_valid (with, n_with);
  uplift->n_without = rapport_stats_count_valid (without, n_without);
  uplift->median_with = rapport_stats_median (with, n_with);
  uplift->median_without = rapport_stats_median (without, n_without);
  uplift->uplift = relative_change (uplift->median_with, uplift->median_without);
  uplift->difference_pp = (uplift->median_with - uplift->median_without) * 100;
  uplift->u = rapport_stats_mann_whitney (with, n_with, without, n_without, &uplift->p_value);
  uplift->confidence = rapport_confidence_from_sample (MIN (uplift->n_with, uplift->n_without),
                                                       uplift->p_value);
}

static gboolean
counts_in_engagement (const RapportPostEngagement *entry)
{
  /* rapport_engagement_per_post() leaves reposts and stories out already; a hand-made array
   * may not. */
  return entry->post != NULL && rapport_post_is_own (entry->post);
}

/* Every own post with a known ER, ranked once.  Each tag compares its posts against all the
 * others, so both groups together are always this same set: the ranks, ties and order of the
 * whole set serve every tag, and a tag then costs O(n log n) in its own posts instead of a sort
 * of all posts (thousands of tags on thousands of posts would otherwise take seconds).  The
 * figures are exactly those of rapport_stats_median() and rapport_stats_mann_whitney(). */
typedef struct
{
  gsize n;
  double *sorted;     /* the ERs, ascending */
  double *rank;       /* per position in sorted: the average rank from 1, ties sharing it */
  guint32 *position;  /* per engagement entry: its position in sorted, G_MAXUINT32 without ER */
  double tie_term;    /* sum of t³ − t over groups of t equal ERs */
} Ranking;

typedef struct
{
  double rate;
  guint32 entry;
} RatedEntry;

static int
compare_rated_entries (gconstpointer a,
                       gconstpointer b)
{
  const RatedEntry *ra = a;
  const RatedEntry *rb = b;

  if (ra->rate != rb->rate)
    return ra->rate < rb->rate ? -1 : 1;
  return (ra->entry > rb->entry) - (ra->entry < rb->entry);
}

static void
ranking_init (Ranking      *ranking,
              const GArray *engagement)
{
  g_autofree RatedEntry *rated = g_new (RatedEntry, engagement->len + 1);
  gsize n = 0;

  for (guint k = 0; k < engagement->len; k++)
    {
      const RapportPostEngagement *entry = &g_array_index (engagement, RapportPostEngagement, k);

      if (counts_in_engagement (entry) && !isnan (entry->rate))
        rated[n++] = (RatedEntry) { entry->rate, k };
    }
  qsort (rated, n, sizeof (RatedEntry), compare_rated_entries);

  ranking->n = n;
  ranking->sorted = g_new (double, n + 1);
  ranking->rank = g_new (double, n + 1);
  ranking->position = g_new (guint32, engagement->len + 1);
  ranking->tie_term = 0;
  for (guint k = 0; k < engagement->len; k++)
    ranking->position[k] = G_MAXUINT32;

  for (gsize i = 0; i < n;)
    {
      gsize j = i;
      double t;

      while (j + 1 < n && rated[j + 1].rate == rated[i].rate)
        j++;
      t = j - i + 1;
      for (gsize k = i; k <= j; k++)
        {
          ranking->sorted[k] = rated[k].rate;
          ranking->rank[k] = (i + 1 + j + 1) / 2.0;
          ranking->position[rated[k].entry] = k;
        }
      ranking->tie_term += t * t * t - t;
      i = j + 1;
    }
}

static void
ranking_clear (Ranking *ranking)
{
  g_free (ranking->sorted);
  g_free (ranking->rank);
  g_free (ranking->position);
}

/* The position in ranking->sorted of the k-th (from 0) ER outside the group whose positions
 * are @members, ascending: every member at or before the candidate pushes it one further. */
static gsize
complement_position (const guint32 *members,
                     gsize          n_members,
                     gsize          k)
{
  gsize g = k;

  for (gsize i = 0; i < n_members && members[i] <= g; i++)
    g++;
  return g;
}

/* Type 7 median, as rapport_stats_median(): x[lo] + (h − lo)·(x[lo + 1] − x[lo]). */
static double
median_of (const Ranking *ranking,
           const guint32 *members,
           gsize          n_members,
           gboolean       complement)
{
  gsize n = complement ? ranking->n - n_members : n_members;
  double h;
  gsize lo;
  double low;
  double high;

  if (n == 0)
    return NAN;
  h = (n - 1) * 0.5;
  lo = (gsize) floor (h);
  low = ranking->sorted[complement ? complement_position (members, n_members, lo) : members[lo]];
  if (lo + 1 >= n)
    return low;
  high = ranking->sorted[complement ? complement_position (members, n_members, lo + 1)
                                    : members[lo + 1]];
  return low + (h - lo) * (high - low);
}

/* rapport_uplift_compute() of the group at @members (positions in the ranking, ascending)
 * against the rest of the ranking. */
static void
ranking_uplift (const Ranking *ranking,
                const guint32 *members,
                gsize          n_members,
                RapportUplift *uplift)
{
  double n1 = n_members;
  double n2 = ranking->n - n_members;
  double n = ranking->n;
  double rank_sum = 0;
  double mean_u;
  double variance;

  uplift->n_with = n_members;
  uplift->n_without = ranking->n - n_members;
  uplift->median_with = median_of (ranking, members, n_members, FALSE);
  uplift->median_without = median_of (ranking, members, n_members, TRUE);
  uplift->uplift = relative_change (uplift->median_with, uplift->median_without);
  uplift->difference_pp = (uplift->median_with - uplift->median_without) * 100;

  if (n1 == 0 || n2 == 0)
    {
      uplift->u = NAN;
      uplift->p_value = NAN;
    }
  else
    {
      for (gsize i = 0; i < n_members; i++)
        rank_sum += ranking->rank[members[i]];
      uplift->u = rank_sum - n1 * (n1 + 1) / 2;
      mean_u = n1 * n2 / 2;
      variance = n1 * n2 / 12 * ((n + 1) - ranking->tie_term / (n * (n - 1)));
      if (variance <= 0)
        uplift->p_value = 1;
      else
        uplift->p_value = MIN (erfc (MAX (fabs (uplift->u - mean_u) - 0.5, 0)
                                     / sqrt (variance) / G_SQRT2), 1);
    }
  uplift->confidence = rapport_confidence_from_sample (MIN (uplift->n_with, uplift->n_without),
                                                       uplift->p_value);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint32 pa = *(const guint32 *) a;
  guint32 pb = *(const guint32 *) b;

  return (pa > pb) - (pa < pb);
}

/* One use of a tag by a post. */
typedef struct
{
  const char *tag;
  guint32 entry;
} TagUse;

static int
compare_tag_uses (gconstpointer a,
                  gconstpointer b)
{
  const TagUse *ua = a;
  const TagUse *ub = b;
  int cmp = strcmp (ua->tag, ub->tag);

  return cmp != 0 ? cmp : (ua->entry > ub->entry) - (ua->entry < ub->entry);
}

static int
compare_tag_uplifts (gconstpointer a,
                     gconstpointer b)
{
  const RapportTagUplift *ta = a;
  const RapportTagUplift *tb = b;
  gboolean a_nan = isnan (ta->uplift.uplift);
  gboolean b_nan = isnan (tb->uplift.uplift);

  if (a_nan != b_nan)
    return a_nan ? 1 : -1;
  if (!a_nan && ta->uplift.uplift != tb->uplift.uplift)
    return ta->uplift.uplift > tb->uplift.uplift ? -1 : 1;
  if (ta->uplift.n_with != tb->uplift.n_with)
    return ta->uplift.n_with > tb->uplift.n_with ? -1 : 1;
  return strcmp (ta->tag, tb->tag);
}

static int
compare_bait (gconstpointer a,
              gconstpointer b)
{
  const RapportBaitTag *ba = a;
  const RapportBaitTag *bb = b;

  if (ba->n_posts != bb->n_posts)
    return ba->n_posts > bb->n_posts ? -1 : 1;
  return strcmp (ba->tag, bb->tag);
}

static int
compare_tag_usage (gconstpointer a,
                   gconstpointer b)
{
  const RapportTagUsage *ua = a;
  const RapportTagUsage *ub = b;

  if (ua->n_posts != ub->n_posts)
    return ua->n_posts > ub->n_posts ? -1 : 1;
  return strcmp (ua->tag, ub->tag);
}

static void
clear_tag_usage (gpointer data)
{
  g_free (((RapportTagUsage *) data)->tag);
}

static void
clear_tag_uplift (gpointer data)
{
  g_free (((RapportTagUplift *) data)->tag);
}

static void
clear_bait_tag (gpointer data)
{
  RapportBaitTag *bait = data;

  g_free (bait->tag);
  g_clear_pointer (&bait->posts, g_array_unref);
}

/* Splits the ERs of @engagement by @member (indexed like @engagement) into @with and
 * @without; posts without a known ER or that are not own posts go to neither. */
static void
split_rates (const GArray   *engagement,
             const gboolean *member,
             GArray         *with,
             GArray         *without)
{
  g_array_set_size (with, 0);
  g_array_set_size (without, 0);
  for (guint k = 0; k < engagement->len; k++)
    {
      const RapportPostEngagement *entry = &g_array_index (engagement, RapportPostEngagement, k);

      if (!counts_in_engagement (entry) || isnan (entry->rate))
        continue;
      g_array_append_val (member[k] ? with : without, entry->rate);
    }
}

/* Per tag used on at least RAPPORT_HASHTAG_MIN_POSTS own posts with a known ER: the uplift of
 * those posts against all other own posts with a known ER (rapport_uplift_compute()).  Tags
 * are compared as the importers store them, lower case without '#'.  Per number of tags on a
 * post, in the buckets 0, 1–2, 3–5, 6–10 and 11+: n and the median ER, and the best bucket
 * among those with at least 5 posts.  Bait tags are reported wherever used, whatever their
 * number of posts, with the posts themselves.  The usage of every tag (posts, first and last
 * use) and the posts per bucket need no rate: they are what the page shows without one. */
RapportHashtagReport *
rapport_hashtags_compute (const GArray *engagement)
{
  g_autoptr(GArray) uses = NULL;
  g_autoptr(GArray) with = NULL;
  g_autoptr(GArray) without = NULL;
  g_autoptr(GArray) members = NULL;
  GArray *bucket_rates[RAPPORT_N_TAG_BUCKETS];
  g_autofree gboolean *member = NULL;
  g_autofree gboolean *any_bait = NULL;
  RapportHashtagReport *self;
  double best_median = NAN;
  Ranking ranking;

  g_return_val_if_fail (engagement != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size ((GArray *) engagement)
                        == sizeof (RapportPostEngagement), NULL);

  self = g_new0 (RapportHashtagReport, 1);
  self->tags = g_array_new (FALSE, FALSE, sizeof (RapportTagUplift));
  g_array_set_clear_func (self->tags, clear_tag_uplift);
  self->bait = g_array_new (FALSE, FALSE, sizeof (RapportBaitTag));
  g_array_set_clear_func (self->bait, clear_bait_tag);
  self->usage = g_array_new (FALSE, FALSE, sizeof (RapportTagUsage));
  g_array_set_clear_func (self->usage, clear_tag_usage);
  self->best_bucket = -1;

  uses = g_array_new (FALSE, FALSE, sizeof (TagUse));
  with = g_array_new (FALSE, FALSE, sizeof (double));
  without = g_array_new (FALSE, FALSE, sizeof (double));
  members = g_array_new (FALSE, FALSE, sizeof (guint32));
  member = g_new0 (gboolean, engagement->len + 1);
  any_bait = g_new0 (gboolean, engagement->len + 1);
  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      bucket_rates[b] = g_array_new (FALSE, FALSE, sizeof (double));
      self->buckets[b] = bucket_bounds[b];
    }

  for (guint k = 0; k < engagement->len; k++)
    {
      const RapportPostEngagement *entry = &g_array_index (engagement, RapportPostEngagement, k);
      guint n_tags = 0;

      if (!counts_in_engagement (entry))
        continue;
      self->n_posts++;
      for (char **tag = entry->post->hashtags; tag != NULL && *tag != NULL; tag++)
        {
          TagUse use = { *tag, k };

          g_array_append_val (uses, use);
          n_tags++;
        }
      if (n_tags > 0)
        self->n_tagged_posts++;
      for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
        if (n_tags >= bucket_bounds[b].min_tags && n_tags <= bucket_bounds[b].max_tags)
          self->bucket_posts[b]++;
      if (isnan (entry->rate))
        continue;
      self->n_with_rate++;
      for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
        if (n_tags >= bucket_bounds[b].min_tags && n_tags <= bucket_bounds[b].max_tags)
          g_array_append_val (bucket_rates[b], entry->rate);
    }

  /* Grouping by sorting keeps the order of tags and of their posts deterministic. */
  g_array_sort (uses, compare_tag_uses);
  ranking_init (&ranking, engagement);
  for (guint start = 0, end; start < uses->len; start = end)
    {
      const char *tag = g_array_index (uses, TagUse, start).tag;
      gboolean is_bait = rapport_hashtag_is_bait (tag);
      g_autoptr(GArray) posts = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint n_with_rate = 0;

      for (end = start;
           end < uses->len && strcmp (g_array_index (uses, TagUse, end).tag, tag) == 0;
           end++)
        {
          guint32 entry = g_array_index (uses, TagUse, end).entry;

          /* A post that repeats a tag counts once. */
          if (posts->len > 0 && g_array_index (posts, guint32, posts->len - 1) == entry)
            continue;
          g_array_append_val (posts, entry);
          if (!isnan (g_array_index (engagement, RapportPostEngagement, entry).rate))
            n_with_rate++;
        }

      /* Usage needs no rate: the posts are in time order, so first and last are the ends. */
      {
        RapportTagUsage usage = {
          g_strdup (tag), is_bait, posts->len,
          g_array_index (engagement, RapportPostEngagement,
                         g_array_index (posts, guint32, 0)).post->created_at,
          g_array_index (engagement, RapportPostEngagement,
                         g_array_index (posts, guint32, posts->len - 1)).post->created_at,
        };

        g_array_append_val (self->usage, usage);
        self->n_tag_uses += posts->len;
      }

      if (n_with_rate >= RAPPORT_HASHTAG_MIN_POSTS)
        {
          RapportTagUplift row = { g_strdup (tag), is_bait, };

          g_array_set_size (members, 0);
          for (guint i = 0; i < posts->len; i++)
            {
              guint32 position = ranking.position[g_array_index (posts, guint32, i)];

              if (position != G_MAXUINT32)
                g_array_append_val (members, position);
            }
          g_array_sort (members, compare_positions);
          ranking_uplift (&ranking, (guint32 *) members->data, members->len, &row.uplift);
          g_array_append_val (self->tags, row);
        }
      if (is_bait)
        {
          RapportBaitTag bait = { g_strdup (tag), posts->len, };

          for (guint i = 0; i < posts->len; i++)
            member[g_array_index (posts, guint32, i)] = TRUE;
          split_rates (engagement, member, with, without);
          for (guint i = 0; i < posts->len; i++)
            member[g_array_index (posts, guint32, i)] = FALSE;
          bait.n_with_rate = with->len;
          bait.n_without = without->len;
          bait.median_with = rapport_stats_median ((double *) with->data, with->len);
          bait.median_without = rapport_stats_median ((double *) without->data, without->len);
          for (guint i = 0; i < posts->len; i++)
            any_bait[g_array_index (posts, guint32, i)] = TRUE;
          bait.posts = g_steal_pointer (&posts);
          g_array_append_val (self->bait, bait);
        }
    }
  ranking_clear (&ranking);
  g_array_sort (self->tags, compare_tag_uplifts);
  g_array_sort (self->bait, compare_bait);
  g_array_sort (self->usage, compare_tag_usage);

  for (guint k = 0; k < engagement->len; k++)
    if (any_bait[k])
      self->n_bait_posts++;
  split_rates (engagement, any_bait, with, without);
  rapport_uplift_compute ((double *) with->data, with->len,
                          (double *) without->data, without->len, &self->bait_uplift);

  for (guint b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    {
      RapportTagBucket *bucket = &self->buckets[b];

      bucket->n = bucket_rates[b]->len;
      bucket->median = rapport_stats_median ((double *) bucket_rates[b]->data, bucket->n);
      /* Ties go to fewer tags: the same result for less clutter. */
      if (bucket->n >= RAPPORT_HASHTAG_BUCKET_MIN_POSTS
          && (isnan (best_median) || bucket->median > best_median))
        {
          best_median = bucket->median;
          self->best_bucket = b;
        }
      g_array_unref (bucket_rates[b]);
    }

  return self;
}

void
rapport_hashtag_report_free (RapportHashtagReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->tags);
  g_array_unref (report->bait);
  g_array_unref (report->usage);
  g_free (report);
}
