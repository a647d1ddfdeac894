/* fuzz-twitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks which file of an X/Twitter archive the rest of the input becomes; a valid
 * account.js is always there so that the importer gets past it.
 */

#include "config.h"

#include "fuzz-support.h"
#include "import/rapport-twitter-importer.h"

static const char account_js[] =
  "window.YTD.account.part0 = [{\"account\": {\"username\": \"fuzzer\", \"accountId\": \"1\"}}]";

static const char * const files[] = {
  "data/tweets.js",
  "data/tweets-part1.js",
  "data/tweet.js",
  "data/note-tweet.js",
  "data/follower.js",
  "data/following.js",
  "data/like.js",
  "data/manifest.js",
  "data/profile.js",
  "data/account.js",
  "tweet_activity_metrics_fuzzer_20240101_20240201_en.csv",
  /* The analytics exports of 2025–, found by their header: the input gets one of theirs. */
  "account_analytics_content.csv",
  "account_overview_analytics.csv",
  /* Archives from before 2019. */
  "data/js/tweets/2017_04.js",
  "data/js/user_details.js",
  "data/js/payload_details.js",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("twitter");
  const char *pick;

  if (size < 1)
    return 0;
  pick = files[data[0] % G_N_ELEMENTS (files)];
  fuzz_write_file (folder, "data/account.js", (const guint8 *) account_js, sizeof account_js - 1);
  fuzz_write_file (folder, pick, data + 1, size - 1);
  fuzz_run_importer (folder, rapport_twitter_import);
  return 0;
}
