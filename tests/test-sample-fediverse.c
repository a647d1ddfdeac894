/* test-sample-fediverse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mira's Mastodon archive and Bluesky repository, which build-aux/generate-sample-data.py
 * writes at build time, import without a skip and tell their part of the story: posts with
 * partners, and two accounts she follows and interacts with but never posted with.  The
 * counts follow from MASTODON_PARTNERS, MASTODON_CANDIDATES, BLUESKY_CANDIDATES and the
 * partner posts of the generator.
 */

#include "config.h"

#include <string.h>

#include "analysis/rapport-report.h"
#include "cli/rapport-report-text.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-util.h"

#define MASTODON_FILE "archive-20240912080000-5a3f9c2e1b7d4a60.tar.gz"
#define BLUESKY_FILE  "repo-miramakes.bsky.social.car"

#define EXPORT_DAY    G_GINT64_CONSTANT (1726099200) /* 12 Sep 2024 */

/* The DIDs the generator makes of the handles. */
#define DID_MIRA    "did:plc:3kkm5736nmyqgj3atvu6ycxl"
#define DID_PARTNER "did:plc:x6izpvmwktv24gxl6hah7war"
#define DID_KATE    "did:plc:6qcuwewnw5d7zpg62p5rg75e"
#define DID_LAB     "did:plc:op5mci2tr6u5tn3fdpoqkdoo"

/* Imports @name of the sample data into a new store in @dir and returns its report. */
static RapportReport *
import_sample (const char      *dir,
               const char      *name,
               RapportPlatform  platform,
               const char      *handle,
               RapportDataset **dataset_out)
{
  const char *source = g_getenv ("RAPPORT_SAMPLE_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  const RapportAccount *account;

  g_assert_nonnull (source);
  path = g_build_filename (source, name, NULL);
  store = rapport_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, platform);
  g_assert_cmpstr (summary.handle, ==, handle);
  g_assert_false (summary.provisional);
  g_assert_cmpuint (summary.snapshot.n_skipped, ==, 0);
  g_assert_false (summary.snapshot.has_followers);
  g_assert_true (summary.snapshot.has_following);

  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  *dataset_out = rapport_store_load_dataset (store, account->id, &error);
  g_assert_no_error (error);
  return rapport_report_compute (*dataset_out, NULL);
}

static const RapportCollaborationCandidate *
candidate_at (const RapportCollaborations *collaborations,
              guint                        index,
              const char                  *who,
              guint                        n_likes,
              guint                        n_replies,
              guint                        n_reposts)
{
  const RapportCollaborationCandidate *candidate;

  g_assert_cmpuint (index, <, collaborations->candidates->len);
  candidate = &g_array_index (collaborations->candidates, RapportCollaborationCandidate, index);
  g_assert_cmpstr (candidate->person->who, ==, who);
  g_assert_cmpuint (candidate->n_comments, ==, 0);
  g_assert_cmpuint (candidate->n_likes, ==, n_likes);
  g_assert_cmpuint (candidate->n_replies, ==, n_replies);
  g_assert_cmpuint (candidate->n_reposts, ==, n_reposts);
  return candidate;
}

static const RapportPartner *
partner_at (const RapportCollaborations *collaborations,
            guint                        index,
            const char                  *handle,
            guint                        n_posts)
{
  const RapportPartner *partner;

  g_assert_cmpuint (index, <, collaborations->partners->len);
  partner = &g_array_index (collaborations->partners, RapportPartner, index);
  g_assert_cmpstr (partner->handle, ==, handle);
  g_assert_cmpuint (partner->n_posts, ==, n_posts);
  return partner;
}

/* Whether @text holds @words, whatever the line breaks and indents between them. */
static void
assert_says (const char *text,
             const char *words)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  if (strstr (flat, words) == NULL)
    g_error ("“%s” is not in the report:\n%s", words, text);
}

static void
test_mastodon (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReport) report = import_sample (dir, MASTODON_FILE,
                                                   RAPPORT_PLATFORM_MASTODON,
                                                   "mira@ceramics.social", &dataset);
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  guint n_posts = 0;
  guint n_with_counts = 0;

  g_assert_cmpint (snapshot->exported_at, ==, EXPORT_DAY);
  g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_cmpuint (snapshot->following->len, ==, 38);
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      n_posts += post->type != RAPPORT_POST_REPOST;
      n_with_counts += post->likes != RAPPORT_COUNT_UNKNOWN;
    }
  /* The direct message is no post; a server of 2024 wrote no counts. */
  g_assert_cmpuint (n_posts, ==, 80);
  g_assert_cmpuint (n_with_counts, ==, 0);

  /* claycollective, a local account, meets the following list's address. */
  g_assert_cmpuint (collaborations->partners->len, ==, 2);
  partner_at (collaborations, 0, "claycollective@ceramics.social", 4);
  partner_at (collaborations, 1, "jun@glaze.garden", 3);

  g_assert_true (collaborations->candidates_available);
  g_assert_true (collaborations->candidates_from_following);
  candidate_at (collaborations, 0, "kate@kiln.club", 10, 8, 4);
  candidate_at (collaborations, 1, "glazelab@berlin.social", 6, 5, 3);

  /* The text report and the coach say whom the candidates were chosen among. */
  suggestions = rapport_coach_suggest (report, NULL);
  text = rapport_report_print_text (report, suggestions);
  assert_says (text, "Collaboration candidates, accounts you follow and interact with but "
                     "never posted with");
  assert_says (text, "@kate@kiln.club: 0 comments, 10 likes, 8 replies, 4 reposts;");
  assert_says (text, "Make a post with @kate@kiln.club");
  assert_says (text, "You follow @kate@kiln.club and have given them 10 likes, 8 replies and "
                     "4 reposts");
  assert_says (text, "Collaboration candidates: partial");

  g_clear_pointer (&suggestions, g_ptr_array_unref);
  g_clear_pointer (&report, rapport_report_free);
  g_clear_pointer (&dataset, rapport_dataset_free);
  rapport_test_remove_tree (dir);
}

static void
test_bluesky (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReport) report = import_sample (dir, BLUESKY_FILE, RAPPORT_PLATFORM_BLUESKY,
                                                   "miramakes.bsky.social", &dataset);
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, 0);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;

  /* The commit's rev: 08:00 on the export day. */
  g_assert_cmpint (snapshot->exported_at, ==, EXPORT_DAY + 8 * 3600);
  g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_cmpuint (snapshot->following->len, ==, 45);
  g_assert_nonnull (rapport_people_find (snapshot->following, DID_KATE));

  g_assert_cmpuint (collaborations->partners->len, ==, 1);
  partner_at (collaborations, 0, DID_PARTNER, 3);

  /* Kate: 12 likes, 6 replies, 3 reposts and 2 quotes; the lab: 7, 4 and 2. */
  g_assert_true (collaborations->candidates_from_following);
  candidate_at (collaborations, 0, DID_KATE, 12, 6, 5);
  candidate_at (collaborations, 1, DID_LAB, 7, 4, 2);
  for (guint i = 0; i < collaborations->candidates->len; i++)
    g_assert_cmpstr (g_array_index (collaborations->candidates, RapportCollaborationCandidate,
                                    i).person->who, !=, DID_MIRA);

  /* Nothing in the repository names a DID: the report and the coach shorten them, and the
   * suggestion reads well without a name. */
  suggestions = rapport_coach_suggest (report, NULL);
  text = rapport_report_print_text (report, suggestions);
  assert_says (text, "Partners: did:plc:x6iz…7war 3 posts");
  assert_says (text, "did:plc:6qcu…g75e: 0 comments, 12 likes, 6 replies, 5 reposts;");
  assert_says (text, "Make a post with an account whose posts you like often "
                     "(did:plc:6qcu…g75e)");
  assert_says (text, "You follow this account (did:plc:6qcu…g75e) and have given them 12 likes, "
                     "6 replies and 5 reposts");
  g_assert_null (strstr (text, DID_KATE));
  g_clear_pointer (&suggestions, g_ptr_array_unref);

  g_clear_pointer (&report, rapport_report_free);
  g_clear_pointer (&dataset, rapport_dataset_free);
  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample-fediverse/mastodon", test_mastodon);
  g_test_add_func ("/sample-fediverse/bluesky", test_bluesky);

  return g_test_run ();
}
