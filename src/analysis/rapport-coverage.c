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
#include "analysis/rapport-coverage.h"
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

static gboolean
provides (RapportFigure   figure,
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
rapport_figure_title (RapportFigure figure)
{
  g_return_val_if_fail (figure < RAPPORT_N_FIGURES, NULL);

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

static char *
join_sentences (const char *first,
                const char *second)
{
  if (second == NULL)
    return g_strdup (first);
  return g_strconcat (first, " ", second, NULL);
}

static char *
explain_follower_history (RapportPlatform platform,
                          gboolean        reconstructed)
{
  const char *source;

  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      source = _("Instagram exports contain no follower history, only the current followers. Each "
                 "further export of this account adds its follower count as a real point, and a "
                 "professional account's insights (past_instagram_insights/audience_insights.json) "
                 "add a follower total. Meta Business Suite's Follows.csv (Insights → Export "
                 "data) counts new followers per day; an export of this account made within its "
                 "range turns those days into a curve.");
      break;
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("X/Twitter archives contain no follower history, and their follower list "
                         "(data/follower.js) has ids only, without follow dates, so the curve "
                         "cannot be rebuilt either. Import archives of this account requested at "
                         "different times: each adds the size of its follower list as a real "
                         "point. X's account overview export (Analytics → Overview → Export "
                         "data) counts new follows and unfollows per day, which an archive "
                         "requested within its range turns into a curve."));
    case RAPPORT_PLATFORM_TIKTOK:
      source = _("TikTok exports give only the current follower count (followerCount in the "
                 "profile) and the current follower list (FansList). TikTok Studio's analytics "
                 "export (Analytics → Followers → Download data) gives the follower total of "
                 "each day in FollowerHistory.csv: import it, or another export of this account "
                 "made later.");
      break;
    case RAPPORT_PLATFORM_THREADS:
      source = _("The Threads part of the Instagram export (your_instagram_activity/threads/"
                 "followers.json) lists the current followers only, with no follower count or "
                 "history, and Threads has no analytics export. Import a later export to add a "
                 "second real point.");
      break;
    case RAPPORT_PLATFORM_MASTODON:
      return g_strdup (_("Mastodon exports contain neither followers nor a follower count (only "
                         "following_accounts.csv, the accounts you follow), so no export can "
                         "provide a follower history."));
    case RAPPORT_PLATFORM_BLUESKY:
      return g_strdup (_("Bluesky repository exports (.car) contain only your own records, without "
                         "followers or a follower count, so no export can provide a follower "
                         "history."));
    case RAPPORT_PLATFORM_YOUTUBE:
      return g_strdup (_("YouTube Takeout contains your subscriptions but neither your subscribers "
                         "nor their number. Subscriber totals come from YouTube Studio: in "
                         "Analytics → Advanced mode, export the metric Subscribers as CSV "
                         "(Export current view) and import it; each day it covers is a real "
                         "point."));
    case RAPPORT_PLATFORM_FACEBOOK:
      source = _("Facebook's \"Download your information\" export lists your current followers "
                 "and friends only: each further export of this account adds its count as a "
                 "real point. Meta Business Suite's Follows.csv counts the new follows of each "
                 "day but gives no follower total.");
      break;
    case RAPPORT_PLATFORM_MEDIUM:
      return g_strdup (_("Medium's export contains neither followers nor a follower count (only "
                         "users-following/ and pubs-following/, what you follow), so no export "
                         "can provide a follower history."));
    case RAPPORT_PLATFORM_LINKEDIN:
      source = _("LinkedIn's creator analytics (the FOLLOWERS sheet of the exported .xlsx) give "
                 "the follower total on the last day of the period and the new followers of each "
                 "day. Export them every few months: each file adds a real point. The member "
                 "data export counts your connections only (Connections.csv), not the people "
                 "who follow you without connecting.");
      break;
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      source = _("This export contains no follower totals. Import exports of this account made at "
                 "different times: each adds a real point.");
      break;
    }

  return join_sentences (source,
                         reconstructed ? _("Until then the curve is rebuilt from the follow dates "
                                           "of current followers: a lower bound, since followers "
                                           "who left are missing.")
                                       : NULL);
}

static char *
explain_follow_dates (RapportPlatform platform,
                      gboolean        has_list)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return g_strdup (_("Follow dates come with Instagram's JSON export: each follower in "
                         "followers_1.json carries the timestamp of the follow. Request \"Download "
                         "your information\" in JSON format with \"Followers and following\" "
                         "included; without the dates, follow-for-follow pairs cannot be found."));
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("X/Twitter archives list followers by account id only (data/follower.js), "
                         "without follow dates, and no X/Twitter export provides them: the "
                         "follower curve cannot be rebuilt and follow-for-follow pairs cannot be "
                         "detected."));
    case RAPPORT_PLATFORM_TIKTOK:
      return g_strdup (_("TikTok's user_data.json gives a Date for each follower in FansList. "
                         "Import a TikTok export in JSON format that includes the follower list; "
                         "without the dates, follow-for-follow pairs cannot be found."));
    case RAPPORT_PLATFORM_THREADS:
      return g_strdup (_("Follow dates come with the JSON export of Instagram, whose "
                         "your_instagram_activity/threads/followers.json carries the timestamp of "
                         "each follow."));
    case RAPPORT_PLATFORM_MASTODON:
      return g_strdup (_("Mastodon exports have no followers list, and following_accounts.csv has "
                         "no dates, so no export provides follow dates."));
    case RAPPORT_PLATFORM_BLUESKY:
      return g_strdup (_("Bluesky repository exports date the accounts you follow but contain no "
                         "followers, so no export provides the dates of your followers."));
    case RAPPORT_PLATFORM_YOUTUBE:
      return g_strdup (_("Neither YouTube Takeout nor YouTube Studio lists your subscribers, so no "
                         "export provides follow dates."));
    case RAPPORT_PLATFORM_FACEBOOK:
      return g_strdup (_("Follow dates come with Facebook's \"Download your information\" "
                         "export in JSON format: each follower and friend carries the day it "
                         "began. Meta Business Suite's exports count follows per day without "
                         "naming anyone."));
    case RAPPORT_PLATFORM_MEDIUM:
      return g_strdup (_("Medium's export has no followers list, and the accounts you follow come "
                         "without dates, so no export provides follow dates."));
    case RAPPORT_PLATFORM_LINKEDIN:
      return g_strdup (_("LinkedIn's member data export (Settings → Data privacy → Get a copy of "
                         "your data) gives the day each connection began, in the Connected On "
                         "column of Connections.csv; the creator analytics name no one."));
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return g_strdup (has_list ? _("This export's follower list has no follow dates, so "
                                    "follow-for-follow pairs cannot be found.")
                                : _("This export has no follower list, so there are no follow "
                                    "dates."));
    }
}

static char *
explain_post_engagement (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return g_strdup (_("Instagram exports carry likes, comments, saves and shares per post only "
                         "in a professional account's insights "
                         "(past_instagram_insights/posts.json), which cover about the last 90 "
                         "days. Meta Business Suite's post export (Insights → Content → Export "
                         "data, as CSV) gives views, reach, likes, comments, shares and saves of "
                         "every post in the range you choose: import it next to the export."));
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("Each tweet in an X/Twitter archive (data/tweets.js) carries "
                         "favorite_count and retweet_count as of the export; X's analytics "
                         "content export (Analytics → Content → Export data) and the older "
                         "tweet_activity_metrics_*.csv add impressions, replies, bookmarks and "
                         "engagements for the range they cover."));
    case RAPPORT_PLATFORM_TIKTOK:
      return g_strdup (_("TikTok exports give only the Likes of each video listed in "
                         "user_data.json (VideoList). TikTok Studio's analytics export (Analytics "
                         "→ Content → Download data) adds likes, comments, shares and views of "
                         "each video in Content.csv."));
    case RAPPORT_PLATFORM_MASTODON:
      return g_strdup (_("Mastodon archives carry like and boost totals per post (likes.totalItems "
                         "and shares.totalItems in outbox.json) only from servers updated in late "
                         "2024 or later: export again from an up-to-date server."));
    case RAPPORT_PLATFORM_BLUESKY:
      return g_strdup (_("Bluesky repository exports contain no counts on your posts, and no "
                         "export provides them."));
    case RAPPORT_PLATFORM_THREADS:
      return g_strdup (_("Threads posts in the Instagram export carry no counts, and no export "
                         "provides them."));
    case RAPPORT_PLATFORM_LINKEDIN:
      return g_strdup (_("LinkedIn's creator analytics give only an engagement total (clicks "
                         "included) for the top posts of each period, in the TOP POSTS sheet; no "
                         "export gives reactions or comments per post."));
    case RAPPORT_PLATFORM_YOUTUBE:
      return g_strdup (_("YouTube Takeout has no counts on your videos since 2023 (2022's "
                         "videos/Video Metadata.csv had likes and views). YouTube Studio's "
                         "Table data.csv has them: in Analytics → Advanced mode, choose the "
                         "Lifetime range with Views, Likes and Comments added, export the view as "
                         "CSV and import it."));
    case RAPPORT_PLATFORM_FACEBOOK:
      return g_strdup (_("Facebook's \"Download your information\" export has your posts "
                         "without counts. Reactions, comments and shares per post come from "
                         "Meta Business Suite's posts CSV (Insights → Content → Export data), "
                         "for the dates chosen before exporting."));
    case RAPPORT_PLATFORM_MEDIUM:
      return g_strdup (_("Medium's export holds your stories (posts/) without claps, reads or "
                         "responses, and no export provides them: it supports a review of your "
                         "cadence and content, not of engagement."));
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return g_strdup (_("This export has no counts on your posts."));
    }
}

static char *
explain_impressions (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("Impressions come from X/Twitter's analytics exports, not from the "
                         "archive: the content export (Analytics → Content → Export data) or the "
                         "older tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv; download "
                         "one for each period and import it."));
    case RAPPORT_PLATFORM_INSTAGRAM:
      return g_strdup (_("Impressions per post come from a professional account's insights "
                         "(past_instagram_insights/posts.json), about 90 days per export, and "
                         "as views and reach from Meta Business Suite's post export (Insights → "
                         "Content → Export data)."));
    case RAPPORT_PLATFORM_TIKTOK:
      return g_strdup (_("TikTok exports contain no impressions per video; TikTok Studio's "
                         "Content.csv gives views, which Rapport counts as views, not "
                         "impressions."));
    case RAPPORT_PLATFORM_LINKEDIN:
      return g_strdup (_("Impressions come from LinkedIn's creator analytics (Analytics → Post "
                         "impressions → Export), for the 50 top posts of each period exported."));
    case RAPPORT_PLATFORM_YOUTUBE:
      return g_strdup (_("YouTube Takeout contains no impressions. YouTube Studio's Table data.csv "
                         "has them when the view includes the metric Impressions: export it from "
                         "Analytics → Advanced mode and import it."));
    case RAPPORT_PLATFORM_FACEBOOK:
      return g_strdup (_("Only older posts CSVs of Meta Business Suite have an Impressions "
                         "column; newer ones count views instead."));
    case RAPPORT_PLATFORM_UNKNOWN:
      return g_strdup (_("This export contains no impressions."));
    default:
      /* Translators: %s is a platform name such as "Mastodon". */
      return g_strdup_printf (_("%s exports contain no impressions, and no export provides them."),
                              rapport_platform_display_name (platform));
    }
}

static char *
explain_comments_received (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return g_strdup (_("Instagram exports never include the comments you received; a "
                         "professional account's insights (past_instagram_insights/posts.json) "
                         "and Meta Business Suite's post export give the number of comments per "
                         "post."));
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("X/Twitter archives have no reply counts; the analytics exports (the "
                         "content export or tweet_activity_metrics_*.csv) give the replies per "
                         "post."));
    case RAPPORT_PLATFORM_TIKTOK:
      return g_strdup (_("TikTok's data export gives no comment counts on your videos; TikTok "
                         "Studio's Content.csv (Analytics → Content → Download data) does."));
    case RAPPORT_PLATFORM_FACEBOOK:
      return g_strdup (_("The number of comments per post comes from Meta Business Suite's posts "
                         "CSV (Insights → Content → Export data)."));
    case RAPPORT_PLATFORM_YOUTUBE:
      return g_strdup (_("YouTube Takeout has no comment counts on your videos; YouTube Studio's "
                         "Table data.csv gives them when the view includes Comments added."));
    case RAPPORT_PLATFORM_MASTODON:
      return g_strdup (_("Mastodon archives carry a reply count per post (replies.totalItems in "
                         "outbox.json) only where the server writes it, as servers updated since "
                         "late 2024 may: export again from an up-to-date server."));
    case RAPPORT_PLATFORM_UNKNOWN:
      return g_strdup (_("This export contains no count of comments received."));
    default:
      /* Translators: %s is a platform name such as "Mastodon". */
      return g_strdup_printf (_("%s exports contain no count of comments received, and no export "
                                "provides them."),
                              rapport_platform_display_name (platform));
    }
}

static const char *
explain_lists (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return _("Reciprocity needs the follower and the following list of one export: Instagram's "
               "has them in followers_and_following/ (followers_1.json and following.json) when "
               "\"Followers and following\" is included.");
    case RAPPORT_PLATFORM_TWITTER:
      return _("Reciprocity needs the follower and the following list of one export: the X/Twitter "
               "archive's data/follower.js and data/following.js.");
    case RAPPORT_PLATFORM_TIKTOK:
      return _("Reciprocity needs the follower and the following list of one export: FansList and "
               "Following in TikTok's user_data.json.");
    case RAPPORT_PLATFORM_THREADS:
      return _("Reciprocity needs the follower and the following list of one export: "
               "your_instagram_activity/threads/followers.json and following.json in the Instagram "
               "export.");
    case RAPPORT_PLATFORM_MASTODON:
      return _("Mastodon exports have no followers list (only following_accounts.csv), so "
               "reciprocity cannot be computed.");
    case RAPPORT_PLATFORM_BLUESKY:
      return _("Bluesky repository exports contain only the accounts you follow, so reciprocity "
               "cannot be computed.");
    case RAPPORT_PLATFORM_YOUTUBE:
      return _("YouTube exports list only your subscriptions, never your subscribers, so "
               "reciprocity cannot be computed.");
    case RAPPORT_PLATFORM_FACEBOOK:
      return _("Reciprocity needs the follower and the following list of one export: "
               "Facebook's \"Download your information\" export with your connections "
               "(followers, who you follow and friends, who count on both lists). Meta Business "
               "Suite's exports contain no follower list.");
    case RAPPORT_PLATFORM_MEDIUM:
      return _("Medium's export lists only the accounts and publications you follow "
               "(users-following/ and pubs-following/), never your followers, so reciprocity "
               "cannot be computed.");
    case RAPPORT_PLATFORM_LINKEDIN:
      return _("LinkedIn connections are mutual by definition, so reciprocity is total: "
               "Connections.csv of the member data export gives both lists at once, and the "
               "creator analytics name no one.");
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return _("Reciprocity needs the follower and the following list of one export.");
    }
}

static char *
explain_churn (RapportPlatform platform)
{
  if (!provides (RAPPORT_FIGURE_CHURN, platform))
    /* Translators: %s is a platform name such as "Mastodon". */
    return g_strdup_printf (_("%s exports contain no followers list, so gained and lost followers "
                              "cannot be computed."),
                            rapport_platform_display_name (platform));
  if (platform == RAPPORT_PLATFORM_UNKNOWN)
    return g_strdup (_("Gained and lost followers need two follower lists of this account: import "
                       "a second export made later; comparing the two lists gives them exactly."));
  /* Translators: %s is a platform name such as "Instagram". */
  return g_strdup_printf (_("Gained and lost followers need two %s exports of this account with "
                            "their follower lists: import a second one made later (in a few "
                            "months, say); comparing the two lists gives them exactly."),
                          rapport_platform_display_name (platform));
}

/* Candidates among the accounts followed: what the export has for them. */
static char *
explain_candidates_followed (RapportPlatform platform,
                             gboolean        has_following,
                             guint           n_targets)
{
  if (platform == RAPPORT_PLATFORM_MASTODON)
    {
      if (!has_following)
        return g_strdup (_("Mastodon exports have no followers list, so candidates are chosen "
                           "among the accounts you follow: include following_accounts.csv "
                           "(Preferences → Import and export → Data export)."));
      if (n_targets == 0)
        return g_strdup (_("Candidates come from your replies, likes and boosts (outbox.json "
                           "and likes.json of the Mastodon archive); this export has none that "
                           "name an account."));
      return g_strdup (_("Mastodon exports have no followers list, so candidates are chosen "
                         "among the accounts you follow rather than among mutuals."));
    }
  if (n_targets == 0)
    return g_strdup (_("Candidates come from your replies, likes, reposts and quotes; this "
                       "Bluesky repository has none of other accounts' posts."));
  return g_strdup (_("Bluesky repositories contain only the accounts you follow, so candidates "
                     "are chosen among them rather than among mutuals."));
}

static char *
explain_candidates (RapportPlatform        platform,
                    gboolean               has_lists,
                    gboolean               ids_only,
                    const RapportNamedIds *named,
                    guint                  n_targets)
{
  if (ids_only)
    return g_strdup (platform == RAPPORT_PLATFORM_TWITTER
                     ? _("X/Twitter archives list followers by account id only, and your own "
                         "mentions and replies name none of them, so mutuals cannot be matched "
                         "with the accounts you reply to, comment on or like.")
                     : _("This export lists followers by account id only, so mutuals cannot be "
                         "matched with the accounts you reply to, comment on or like."));
  if (!has_lists)
    return join_sentences (_("Collaboration candidates are chosen among mutuals."),
                           explain_lists (platform));
  if (n_targets > 0 && named->n_named < named->n_with_id)
    /* Translators: the counts of followers known by id only, named and in all. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your own mentions and replies name %'zu of the %'zu "
                                         "follower known by account id only; mutuals without a "
                                         "name cannot be matched with the accounts you reply to.",
                                         "Your own mentions and replies name %'zu of the %'zu "
                                         "followers known by account id only; mutuals without a "
                                         "name cannot be matched with the accounts you reply to.",
                                         named->n_with_id),
                            named->n_named, named->n_with_id);

  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return g_strdup (_("Candidates come from your comments and likes: include \"Comments\" and "
                         "\"Likes\" in the Instagram export (comments/post_comments_1.json and "
                         "likes/liked_posts.json)."));
    case RAPPORT_PLATFORM_THREADS:
      return g_strdup (_("Candidates come from your replies and the threads you liked: include "
                         "Threads in the Instagram export (your_instagram_activity/threads/"
                         "threads_and_replies.json and liked_threads.json)."));
    case RAPPORT_PLATFORM_TIKTOK:
      return g_strdup (_("TikTok's export lists your comments without saying whose videos they "
                         "were on, so they cannot point to anyone."));
    case RAPPORT_PLATFORM_LINKEDIN:
      return g_strdup (_("LinkedIn's Comments.csv and Reactions.csv link the posts you commented "
                         "on or reacted to without naming their authors, so they cannot point "
                         "to anyone."));
    case RAPPORT_PLATFORM_TWITTER:
      return g_strdup (_("Candidates come from your replies, which the X/Twitter archive keeps "
                         "with your posts (data/tweets.js); this one has none to other "
                         "accounts."));
    case RAPPORT_PLATFORM_FACEBOOK:
      return g_strdup (_("Rapport does not read the likes and comments of Facebook's export "
                         "yet, so they cannot point to anyone."));
    default:
      return g_strdup (_("This export records none of your comments, likes or replies to other "
                         "accounts."));
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

      explanation = join_sentences (share, why);
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
      items[f].importable = provides (f, platform);
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
  newest_followers = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  newest_following = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWING);
  if (newest_followers != NULL)
    {
      n_listed = newest_followers->followers->len;
      for (gsize i = 0; i < newest_followers->followers->len; i++)
        if (newest_followers->followers->items[i].since != 0)
          n_dated++;
    }
  has_lists = newest_followers != NULL && newest_following != NULL;
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
            n_real_days, 0, explain_follower_history (platform, rebuilds));

  set_item (&items[RAPPORT_FIGURE_FOLLOW_DATES], level_of (n_dated, n_listed), n_dated, n_listed,
            explain_follow_dates (platform, newest_followers != NULL));

  set_post_item (&items[RAPPORT_FIGURE_POST_ENGAGEMENT], n_own,
                 explain_post_engagement (platform));
  set_post_item (&items[RAPPORT_FIGURE_IMPRESSIONS], n_own, explain_impressions (platform));
  set_post_item (&items[RAPPORT_FIGURE_COMMENTS_RECEIVED], n_own,
                 explain_comments_received (platform));

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
                               explain_lists (platform)));
  else
    set_item (&items[RAPPORT_FIGURE_RECIPROCITY], RAPPORT_COVERAGE_MISSING, 0, n_snapshots,
              g_strdup (explain_lists (platform)));

  set_item (&items[RAPPORT_FIGURE_CHURN],
            n_follower_lists >= 2 ? RAPPORT_COVERAGE_FULL : RAPPORT_COVERAGE_MISSING,
            n_follower_lists, n_snapshots, explain_churn (platform));

  if (!rapport_platform_exports_followers (platform) &&
      provides (RAPPORT_FIGURE_COLLABORATION_CANDIDATES, platform))
    {
      /* Accounts followed stand in for the mutuals: never more than partial. */
      set_item (&items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES],
                newest_following != NULL && n_targets > 0 ? RAPPORT_COVERAGE_PARTIAL
                : RAPPORT_COVERAGE_MISSING,
                n_targets, 0,
                explain_candidates_followed (platform, newest_following != NULL, n_targets));
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
            explain_candidates (platform, has_lists, ids_only, &named, n_targets));
  /* As explain_candidates() says: lists without names match no one, and without lists, they
   * come first. */
  if (ids_only)
    items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES].importable = FALSE;
  else if (!has_lists)
    items[RAPPORT_FIGURE_COLLABORATION_CANDIDATES].importable =
      provides (RAPPORT_FIGURE_RECIPROCITY, platform);

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
