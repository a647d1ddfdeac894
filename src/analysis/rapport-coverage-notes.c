/* rapport-coverage-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each platform's exports say of a figure, in the sentences of the coverage notes.  They
 * quote what the exports contain (see FORMATS.md in the project's notes): file names are given
 * as the export names them, so that a creator can look for them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/rapport-coverage-private.h"

char *
_rapport_join_sentences (const char *first,
                         const char *second)
{
  if (second == NULL)
    return g_strdup (first);
  return g_strconcat (first, " ", second, NULL);
}

char *
_rapport_note_follower_history (RapportPlatform platform,
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
                         "provide a follower history. Turn on “Refresh From the Web” in the "
                         "account’s menu: each refresh records the follower count and list."));
    case RAPPORT_PLATFORM_BLUESKY:
      return g_strdup (_("Bluesky repository exports (.car) contain only your own records, without "
                         "followers or a follower count, so no export can provide a follower "
                         "history. Turn on “Refresh From the Web” in the account’s menu: each "
                         "refresh records the follower count and list."));
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

  if (!reconstructed)
    return g_strdup (source);
  return _rapport_join_sentences (source, _("Until then the curve is rebuilt from the follow "
                                            "dates of current followers: a lower bound, since "
                                            "followers who left are missing."));
}

char *
_rapport_note_follow_dates (RapportPlatform platform,
                            gboolean        has_list,
                            gboolean        live)
{
  /* A refresh brought the newest list: what the platform's exports lack is beside the point. */
  if (live)
    return g_strdup (_("A refresh from the web lists your followers without the day each one "
                       "followed, so follow-for-follow pairs cannot be found."));

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

char *
_rapport_note_post_engagement (RapportPlatform platform)
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

char *
_rapport_note_impressions (RapportPlatform platform)
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

char *
_rapport_note_comments_received (RapportPlatform platform)
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

const char *
_rapport_note_lists (RapportPlatform platform)
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
      return _("Mastodon exports have no followers list (only following_accounts.csv): "
               "reciprocity needs a refresh from the web (“Refresh From the Web” in the "
               "account’s menu).");
    case RAPPORT_PLATFORM_BLUESKY:
      return _("Bluesky repository exports contain only the accounts you follow: reciprocity "
               "needs a refresh from the web (“Refresh From the Web” in the account’s menu).");
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

char *
_rapport_note_churn (RapportPlatform platform,
                     gboolean        live)
{
  if (live)
    return g_strdup (_("Gained and lost followers need two follower lists of this account: "
                       "refresh it again later; comparing the two lists gives them exactly."));
  if (!_rapport_coverage_provides (RAPPORT_FIGURE_CHURN, platform) &&
      rapport_platform_refreshes_from_web (platform))
    /* Translators: %s is a platform name such as "Mastodon". */
    return g_strdup_printf (_("%s exports contain no followers list: two refreshes from the web "
                              "give gained and lost followers (“Refresh From the Web” in the "
                              "account’s menu)."),
                            rapport_platform_display_name (platform));
  if (!_rapport_coverage_provides (RAPPORT_FIGURE_CHURN, platform))
    /* Translators: %s is a platform name such as "Mastodon". */
    return g_strdup_printf (_("%s exports contain no followers list, so gained and lost followers "
                              "cannot be computed."),
                            rapport_platform_display_name (platform));
  if (platform == RAPPORT_PLATFORM_UNKNOWN)
    return g_strdup (_("Gained and lost followers need two follower lists of this account: import "
                       "a second export made later; comparing the two lists gives them exactly."));
  if (!rapport_platform_lists_count_followers (platform))
    /* Translators: %s is a platform name such as "LinkedIn". */
    return g_strdup_printf (_("Gained and lost connections need two %s exports of this account "
                              "with their list of connections: import a second one made later "
                              "(in a few months, say); comparing the two lists gives them "
                              "exactly."),
                            rapport_platform_display_name (platform));
  /* Translators: %s is a platform name such as "Instagram". */
  return g_strdup_printf (_("Gained and lost followers need two %s exports of this account with "
                            "their follower lists: import a second one made later (in a few "
                            "months, say); comparing the two lists gives them exactly."),
                          rapport_platform_display_name (platform));
}

/* Candidates among the accounts followed: what the export has for them. */
char *
_rapport_note_candidates_followed (RapportPlatform platform,
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

char *
_rapport_note_candidates (RapportPlatform        platform,
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
    return _rapport_join_sentences (_("Collaboration candidates are chosen among mutuals."),
                                    _rapport_note_lists (platform));
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
