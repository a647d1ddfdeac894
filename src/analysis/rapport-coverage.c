/* rapport-coverage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences quote what each platform's exports contain (see FORMATS.md in the project's
 * notes): file names are given as the export names them, so that a creator can look for them.
 */

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "analysis/rapport-audience.h"
#include "analysis/rapport-coverage-private.h"
#include "analysis/rapport-engagement.h"

#define PLATFORM(name) (1u << RAPPORT_PLATFORM_##name)
/* Platforms with an export that lists followers. */
#define FOLLOWER_EXPORTS (PLATFORM (UNKNOWN) | PLATFORM (INSTAGRAM) | PLATFORM (TWITTER) \
                          | PLATFORM (TIKTOK) | PLATFORM (THREADS) | PLATFORM (LINKEDIN) \
                          | PLATFORM (FACEBOOK))

/* Both forms of a counted message, for xgettext (po/meson.build declares the keyword);
 * format_counted() translates them. */
#define NP_(singular, plural) { singular, plural }

static gboolean
has_interactions (const RapportDatasetPost *post)
{
  return rapport_post_interactions (post) != RAPPORT_COUNT_UNKNOWN;
}

static gboolean
has_impressions (const RapportDatasetPost *post)
{
  return post->impressions != RAPPORT_COUNT_UNKNOWN;
}

static gboolean
has_comments (const RapportDatasetPost *post)
{
  return post->comments != RAPPORT_COUNT_UNKNOWN || post->replies != RAPPORT_COUNT_UNKNOWN;
}

/* Everything said of a figure but its explanations, which depend on more than the platform. */
typedef struct
{
  const char *name;            /* stable, for reports */
  const char *title;           /* translated where it is used */
  guint providers;             /* PLATFORM() bits: some export of these can provide it */
  /* Figures counted over own posts: whether @post has it.  NULL for the others. */
  gboolean (*post_has) (const RapportDatasetPost *post);
  /* What n and total count, "2 of 3 posts": a format of n and total, counted by total, or of n
   * alone, counted by n, when the figure has no total. */
  const char *sample[2];
  gboolean has_total;
  /* Figures of posts: how many have it, "2 of 3 posts have counts.", a format of n and total
   * counted by total. */
  const char *share[2];
} Figure;

static const Figure figures[RAPPORT_N_FIGURES] = {
  /* YouTube has no follower list, but Studio states subscriber totals. */
  [RAPPORT_FIGURE_FOLLOWER_HISTORY] = {
    "follower-history", N_("Follower history"), FOLLOWER_EXPORTS | PLATFORM (YOUTUBE), NULL,
    NP_("%'u day with a real total", "%'u days with a real total"), FALSE,
  },
  [RAPPORT_FIGURE_FOLLOW_DATES] = {
    "follow-dates", N_("Follow dates"),
    PLATFORM (INSTAGRAM) | PLATFORM (TIKTOK) | PLATFORM (THREADS) | PLATFORM (LINKEDIN)
    | PLATFORM (FACEBOOK), NULL,
    NP_("%'u of %'u follower dated", "%'u of %'u followers dated"), TRUE,
  },
  [RAPPORT_FIGURE_POST_ENGAGEMENT] = {
    "post-engagement", N_("Engagement per post"),
    PLATFORM (INSTAGRAM) | PLATFORM (TWITTER) | PLATFORM (TIKTOK) | PLATFORM (MASTODON)
    | PLATFORM (FACEBOOK) | PLATFORM (YOUTUBE),
    has_interactions, NP_("%'u of %'u post", "%'u of %'u posts"), TRUE,
    NP_("%u of %u post has counts.", "%u of %u posts have counts."),
  },
  [RAPPORT_FIGURE_IMPRESSIONS] = {
    "impressions", N_("Impressions"),
    PLATFORM (INSTAGRAM) | PLATFORM (TWITTER) | PLATFORM (FACEBOOK) | PLATFORM (YOUTUBE)
    | PLATFORM (LINKEDIN),
    has_impressions, NP_("%'u of %'u post", "%'u of %'u posts"), TRUE,
    NP_("%u of %u post has impressions.", "%u of %u posts have impressions."),
  },
  [RAPPORT_FIGURE_COMMENTS_RECEIVED] = {
    "comments-received", N_("Comments received"),
    PLATFORM (INSTAGRAM) | PLATFORM (TWITTER) | PLATFORM (TIKTOK) | PLATFORM (MASTODON)
    | PLATFORM (FACEBOOK) | PLATFORM (YOUTUBE),
    has_comments, NP_("%'u of %'u post", "%'u of %'u posts"), TRUE,
    NP_("%u of %u post has a comment count.", "%u of %u posts have a comment count."),
  },
  [RAPPORT_FIGURE_RECIPROCITY] = {
    "reciprocity", N_("Reciprocity"), FOLLOWER_EXPORTS, NULL,
    NP_("%'u of %'u export with both lists", "%'u of %'u exports with both lists"), TRUE,
  },
  [RAPPORT_FIGURE_CHURN] = {
    "churn", N_("Gained and lost followers"), FOLLOWER_EXPORTS, NULL,
    NP_("%'u of %'u export with followers", "%'u of %'u exports with followers"), TRUE,
  },
  /* With lists that name people; without them, see rapport_coverage_compute(). */
  [RAPPORT_FIGURE_COLLABORATION_CANDIDATES] = {
    "collaboration-candidates", N_("Collaboration candidates"),
    PLATFORM (INSTAGRAM) | PLATFORM (THREADS) | PLATFORM (MASTODON) | PLATFORM (BLUESKY), NULL,
    NP_("%'u interaction with a known account", "%'u interactions with a known account"),
    FALSE,
  },
};

/* A counted message of the table, translated and filled in.  Its format is not a literal the
 * compiler could check: the table's comments say what each takes. */
static char *
format_counted (const char * const  forms[2],
                gulong              count,
                ...)
{
  va_list args;
  char *text;

  va_start (args, count);
  text = g_strdup_vprintf (g_dngettext (GETTEXT_PACKAGE, forms[0], forms[1], count), args);
  va_end (args);
  return text;
}

gboolean
_rapport_coverage_provides (RapportFigure   figure,
                            RapportPlatform platform)
{
  return (figures[figure].providers & (1u << platform)) != 0;
}

const char *
rapport_figure_to_string (RapportFigure figure)
{
  g_return_val_if_fail (figure < RAPPORT_N_FIGURES, NULL);

  return figures[figure].name;
}

const char *
rapport_figure_title (RapportFigure   figure,
                      RapportPlatform platform)
{
  g_return_val_if_fail (figure < RAPPORT_N_FIGURES, NULL);

  /* A LinkedIn list is of connections, each both ways. */
  if (figure == RAPPORT_FIGURE_CHURN && !rapport_platform_lists_count_followers (platform))
    return _("Gained and lost connections");
  return _(figures[figure].title);
}

gboolean
rapport_figure_counts_posts (RapportFigure figure)
{
  g_return_val_if_fail (figure < RAPPORT_N_FIGURES, FALSE);

  return figures[figure].post_has != NULL;
}

gboolean
rapport_figure_post_has (RapportFigure             figure,
                         const RapportDatasetPost *post)
{
  g_return_val_if_fail (rapport_figure_counts_posts (figure), FALSE);
  g_return_val_if_fail (post != NULL, FALSE);

  return figures[figure].post_has (post);
}

char *
rapport_coverage_item_sample (const RapportCoverageItem *item)
{
  const Figure *figure;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (item->figure < RAPPORT_N_FIGURES, NULL);

  figure = &figures[item->figure];
  if (figure->has_total)
    return format_counted (figure->sample, item->total, item->n, item->total);
  return format_counted (figure->sample, item->n, item->n);
}

const char *
rapport_coverage_level_to_string (RapportCoverageLevel level)
{
  switch (level)
    {
    case RAPPORT_COVERAGE_FULL:
      return "full";
    case RAPPORT_COVERAGE_PARTIAL:
      return "partial";
    case RAPPORT_COVERAGE_MISSING:
    default:
      return "missing";
    }
}

static RapportCoverageLevel
level_of (guint n,
          guint total)
{
  if (n == 0)
    return RAPPORT_COVERAGE_MISSING;
  return n < total ? RAPPORT_COVERAGE_PARTIAL : RAPPORT_COVERAGE_FULL;
}

static void
set_item (RapportCoverageItem  *item,
          RapportCoverageLevel  level,
          guint                 n,
          guint                 total,
          char                 *explanation)
{
  item->level = level;
  item->n = n;
  item->total = total;
  if (level == RAPPORT_COVERAGE_FULL)
    g_free (explanation);
  else
    item->explanation = explanation;
}

/* For a figure counted over own posts, whose n is counted already, of @total own posts.  Takes
 * @explanation; when some posts have the figure, says how many before saying why. */
static void
set_post_item (RapportCoverageItem *item,
               guint                total,
               char                *explanation)
{
  guint n = item->n;

  if (n > 0 && n < total)
    {
      g_autofree char *why = explanation;
      g_autofree char *share = format_counted (figures[item->figure].share, total, n, total);

      explanation = _rapport_join_sentences (share, why);
    }
  set_item (item, level_of (n, total), n, total, explanation);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Days with a real follower total: the stated totals, and the size of every exported follower
 * list on its export's day, in range (as the follower series counts them). */
static guint
count_real_days (const RapportDataset *dataset)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 0;

  for (guint i = 0; i < dataset->counts->len; i++)
    {
      const RapportFollowerCount *count = &g_array_index (dataset->counts, RapportFollowerCount, i);
      gint64 day;

      /* The day only of a time in range: the smallest ones have none. */
      if (count->source == RAPPORT_COUNT_SOURCE_RECONSTRUCTION ||
          (count->source == RAPPORT_COUNT_SOURCE_SNAPSHOT &&
           !rapport_platform_lists_count_followers (dataset->platform)) ||
          !rapport_count_is_valid (count->count) || !rapport_time_is_valid (count->at))
        continue;
      day = rapport_day_of (count->at);
      g_array_append_val (days, day);
    }
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      gint64 day;

      if (!rapport_platform_lists_count_followers (dataset->platform) ||
          !rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER) ||
          !rapport_time_is_valid (snapshot->exported_at))
        continue;
      day = rapport_day_of (snapshot->exported_at);
      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    if (i == 0 || g_array_index (days, gint64, i) != g_array_index (days, gint64, i - 1))
      n++;
  return n;
}

/* Definitions:
 * - follower history: full with real totals on two days or more; partial with one, or with
 *   none but follow dates to rebuild the curve from (a lower bound); missing otherwise.
 * - follow dates: the share of the newest follower list with a date.
 * - engagement per post, impressions, comments received: the share of own posts (no reposts,
 *   no stories) with interactions, with impressions, with comments or replies.
 * - reciprocity: full when one export has both lists, partial when they come from two
 *   exports, missing without either.
 * - churn: full with two follower lists or more.
 * - collaboration candidates: full when both lists exist, name people (not only ids), and the
 *   exports record a comment, like, repost or reply with a known target; partial when the
 *   lists' ids are named only in part (X/Twitter, by the archive's own posts), or where the
 *   accounts followed stand in for the mutuals (Mastodon, Bluesky: no followers list). */
RapportCoverage *
rapport_coverage_compute (const RapportDataset *dataset)
{
  const RapportDatasetSnapshot *newest_followers;
  const RapportDatasetSnapshot *newest_following;
  RapportCoverage *self;
  RapportPlatform platform;
  guint n_snapshots;
  guint n_real_days;
  guint n_dated = 0;
  guint n_listed = 0;
  guint n_own = 0;
  guint n_both_lists = 0;
  guint n_follower_lists = 0;
  guint n_targets = 0;
  gboolean ids_only;
  gboolean has_lists;
  gboolean live_followers;
  gboolean rebuilds;
  RapportNamedIds named;
  RapportCoverageLevel candidates_level;
  RapportCoverageItem *items;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (RapportCoverage, 1);
  items = self->items;
  self->platform = platform = dataset->platform;
  for (guint f = 0; f < RAPPORT_N_FIGURES; f++)
    {
      items[f].figure = f;
      items[f].importable = _rapport_coverage_provides (f, platform);
    }

  n_snapshots = dataset->snapshots->len;
  for (guint i = 0; i < n_snapshots; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER))
        n_follower_lists++;
      if (rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER) &&
          rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWING))
        n_both_lists++;
    }
  newest_followers = rapport_dataset_latest_listed (dataset, RAPPORT_DIRECTION_FOLLOWER);
  newest_following = rapport_dataset_latest_listed (dataset, RAPPORT_DIRECTION_FOLLOWING);
  if (newest_followers != NULL)
    {
      RapportListCounts counts;

      rapport_dataset_snapshot_count_list (newest_followers, RAPPORT_DIRECTION_FOLLOWER, &counts);
      n_listed = counts.n_listed;
      n_dated = counts.n_dated;
    }
  has_lists = newest_followers != NULL && newest_following != NULL;
  live_followers = newest_followers != NULL &&
                   newest_followers->date_source == RAPPORT_DATE_SOURCE_LIVE;
  /* Lists of ids match the accounts interacted with where, and only where, names are known. */
  rapport_named_ids_compute (dataset, RAPPORT_DIRECTION_FOLLOWER, &named);
  ids_only = named.n_with_id > 0 && named.n_named == 0;

  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (post->type == RAPPORT_POST_REPLY)
        for (char **mention = post->mentions; mention != NULL && *mention != NULL; mention++)
          n_targets++;
      if (!rapport_post_is_own (post))
        continue;
      n_own++;
      for (guint f = 0; f < RAPPORT_N_FIGURES; f++)
        if (figures[f].post_has != NULL && figures[f].post_has (post))
          items[f].n++;
    }
  for (guint i = 0; i < dataset->interactions->len; i++)
    {
      const RapportDatasetInteraction *interaction = g_ptr_array_index (dataset->interactions, i);

      if (interaction->target != NULL && interaction->target[0] != '\0')
        n_targets++;
    }

  n_real_days = count_real_days (dataset);
  /* Follow dates rebuild a curve only where the list is the followers. */
  rebuilds = n_dated > 0 && rapport_platform_lists_count_followers (platform);
  set_item (&items[RAPPORT_FIGURE_FOLLOWER_HISTORY],
            n_real_days >= 2 ? RAPPORT_COVERAGE_FULL
            : n_real_days == 1 || rebuilds ? RAPPORT_COVERAGE_PARTIAL
            : RAPPORT_COVERAGE_MISSING,
            n_real_days, 0, _rapport_note_follower_history (platform, rebuilds));

  set_item (&items[RAPPORT_FIGURE_FOLLOW_DATES], level_of (n_dated, n_listed), n_dated, n_listed,
            _rapport_note_follow_dates (platform, newest_followers != NULL,
                                                live_followers));

  set_post_item (&items[RAPPORT_FIGURE_POST_ENGAGEMENT], n_own,
                 _rapport_note_post_engagement (platform));
  set_post_item (&items[RAPPORT_FIGURE_IMPRESSIONS], n_own,
                 _rapport_note_impressions (platform));
  set_post_item (&items[RAPPORT_FIGURE_COMMENTS_RECEIVED], n_own,
                 _rapport_note_comments_received (platform));

  if (n_both_lists > 0)
    set_item (&items[RAPPORT_FIGURE_RECIPROCITY], RAPPORT_COVERAGE_FULL, n_both_lists, n_snapshots,
              NULL);
  else if (has_lists)
    set_item (&items[RAPPORT_FIGURE_RECIPROCITY], RAPPORT_COVERAGE_PARTIAL, 0, n_snapshots,
              /* Translators: the two %s are names of imported files. */
              g_strdup_printf (_("No export here has both lists: the followers come from %s and "
                                 "the accounts you follow from %s, so accounts that changed in "
                                 "between may be counted wrong. %s"),
                               newest_followers->source_name ? newest_followers->source_name : "?",
                               newest_following->source_name ? newest_following->source_name : "?",
                               _rapport_note_lists (platform)));
  else
    set_item (&items[RAPPORT_FIGURE_RECIPROCITY], RAPPORT_COVERAGE_MISSING, 0, n_snapshots,
              g_strdup (_rapport_note_lists (platform)));

  set_item (&items[RAPPORT_FIGURE_CHURN],
            n_follower_lists >= 2 ? RAPPORT_COVERAGE_FULL : RAPPORT_COVERAGE_MISSING,
            n_follower_lists, n_snapshots, _rapport_note_churn (platform, live_followers));

  if (!rapport_platform_exports_followers (platform) &&
      _rapport_coverage_provides (RAPPORT_FIGURE_COLLABORATION_CANDIDATES, platform))
    {
      /* Accounts followed stand in for the mutuals: never more than partial. */
      set_item (&items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES],
                newest_following != NULL && n_targets > 0 ? RAPPORT_COVERAGE_PARTIAL
                : RAPPORT_COVERAGE_MISSING,
                n_targets, 0,
                _rapport_note_candidates_followed (platform, newest_following != NULL,
                                                   n_targets));
      /* No import makes them full; the coach's advice for them speaks of mutuals. */
      items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES].importable = FALSE;
      return self;
    }
  if (!has_lists || ids_only || n_targets == 0)
    candidates_level = RAPPORT_COVERAGE_MISSING;
  else if (named.n_named < named.n_with_id)
    candidates_level = RAPPORT_COVERAGE_PARTIAL;
  else
    candidates_level = RAPPORT_COVERAGE_FULL;
  set_item (&items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES], candidates_level, n_targets, 0,
            _rapport_note_candidates (platform, has_lists, ids_only, &named, n_targets));
  /* As explain_candidates() says: lists without names match no one, and without lists, they
   * come first. */
  if (ids_only)
    items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES].importable = FALSE;
  else if (!has_lists)
    items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES].importable =
      _rapport_coverage_provides (RAPPORT_FIGURE_RECIPROCITY, platform);

  return self;
}

const RapportCoverageItem *
rapport_coverage_get (const RapportCoverage *coverage,
                      RapportFigure          figure)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  g_return_val_if_fail (figure < RAPPORT_N_FIGURES, NULL);

  return &coverage->items[figure];
}

void
rapport_coverage_free (RapportCoverage *coverage)
{
  if (coverage == NULL)
    return;
  for (guint f = 0; f < RAPPORT_N_FIGURES; f++)
    g_free (coverage->items[f].explanation);
  g_free (coverage);
}
