/* test-linkedin-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is computed by hand from the exports in fixtures/linkedin-member/; the
 * Unix times were checked with `date -u -d "<date> UTC" +%s`.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "analysis/rapport-audience.h"
#include "analysis/rapport-report.h"
#include "cli/rapport-report-text.h"
#include "core/rapport-import-error.h"
#include "import/rapport-linkedin-member.h"
#include "session/rapport-import-job.h"
#include "store/rapport-store.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define EXPORT_2024 "Basic_LinkedInDataExport_05-30-2024"
#define EXPORT_2018 "linkedin-2018"

static char *
fixture_path (const char *dir,
              const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", dir, name, NULL);
}

/* Imports @path after checking that it is recognized as this export. */
static RapportTestSink *
import_path (const char *path)
{
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_LINKEDIN);
  g_assert_no_error (error);
  g_assert_true (import_func == rapport_linkedin_member_import);
  g_assert_true (rapport_linkedin_member_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_LINKEDIN);
  return g_steal_pointer (&sink);
}

static RapportTestSink *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path ("linkedin-member", name);

  return import_path (path);
}

/* @handle in both lists, since @since. */
static void
assert_connection (RapportTestSink *sink,
                   const char      *handle,
                   gint64           since)
{
  for (int direction = RAPPORT_DIRECTION_FOLLOWER; direction <= RAPPORT_DIRECTION_FOLLOWING;
       direction++)
    {
      const RapportRelation *relation = rapport_test_sink_find_relation (sink, direction,
                                                                         handle);

      g_assert_nonnull (relation);
      g_assert_cmpstr (relation->handle, ==, handle);
      g_assert_null (relation->platform_id);
      g_assert_cmpint (relation->since, ==, since);
    }
}

static const RapportPost *
assert_post (RapportTestSink *sink,
             const char      *platform_id,
             gint64           created_at,
             const char      *url,
             const char      *text)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, platform_id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_false (post->day_only);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_cmpstr (post->text, ==, text);
  /* The export counts nothing. */
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  return post;
}

static void
assert_interaction (RapportTestSink        *sink,
                    guint                   index,
                    RapportInteractionKind  kind,
                    gint64                  at,
                    const char             *text)
{
  const RapportInteraction *interaction;

  g_assert_cmpuint (index, <, sink->interactions->len);
  interaction = g_ptr_array_index (sink->interactions, index);
  g_assert_cmpint (interaction->kind, ==, kind);
  g_assert_cmpint (interaction->at, ==, at);
  g_assert_cmpstr (interaction->text, ==, text);
  g_assert_null (interaction->target_handle);
}

/* 2024: notes above the connections' header, rows without names, the day of each connection;
 * the posts by their activity id; comments with backslash-escaped quotes. */
static void
test_export_2024 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (EXPORT_2024);
  const RapportPost *post;

  /* The name in Profile.csv, and nothing else of it. */
  g_assert_cmpstr (sink->handle, ==, "Jo Doe");
  g_assert_cmpstr (sink->display_name, ==, "Jo Doe");
  g_assert_null (sink->platform_id);
  g_assert_false (sink->provisional);

  g_assert_true (sink->has_follower_list);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->followers->len, ==, 6);
  g_assert_cmpuint (sink->following->len, ==, 6);
  assert_connection (sink, "ana-lima-1a2b3c", 1717027200);
  assert_connection (sink, "ben-okafor", 1673481600);
  /* No name, but a link. */
  assert_connection (sink, "hidden-member-99", 1646265600);
  /* No link: the name. */
  assert_connection (sink, "Chen Wu", 1594080000);
  /* "Smarch 3": a connection since an unknown day. */
  assert_connection (sink, "dana-ruiz", 0);
  assert_connection (sink, "josé-garcía", 1711929600);
  /* The e-mail addresses beside them are never read. */
  for (guint i = 0; i < sink->followers->len; i++)
    {
      const RapportRelation *relation = g_ptr_array_index (sink->followers, i);

      g_assert_null (strchr (relation->handle, '@'));
    }

  g_assert_cmpuint (sink->posts->len, ==, 4);
  post = assert_post (sink, "7190000000000000001", 1714727700,
                      "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A"
                      "7190000000000000001",
                      "New glaze test: ash and iron. #pottery #Glaze");
  g_assert_true (rapport_test_post_has_hashtag (post, "pottery"));
  g_assert_true (rapport_test_post_has_hashtag (post, "glaze"));
  post = assert_post (sink, "7190000000000000002", 1716226805,
                      "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000002/",
                      "Teaching a wheel class\nthis Saturday. \"Bring an apron.\" #pottery");
  g_assert_true (rapport_test_post_has_hashtag (post, "pottery"));
  /* A share without an activity in its link keeps the share's number, marked. */
  post = assert_post (sink, "share:7180000000000000042", 1711958400,
                      "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A"
                      "7180000000000000042", NULL);
  g_assert_null (post->hashtags != NULL ? post->hashtags[0] : NULL);
  /* No link at all: keyed by its time. */
  assert_post (sink, "1710504000", 1710504000, NULL, "A post without a link");

  g_assert_cmpuint (sink->interactions->len, ==, 4);
  assert_interaction (sink, 0, RAPPORT_INTERACTION_COMMENT, 1715338800,
                      "Lovely work, Ana! Which clay body?");
  assert_interaction (sink, 1, RAPPORT_INTERACTION_COMMENT, 1715502600,
                      "She said \"centre first\", and\nit worked.");
  assert_interaction (sink, 2, RAPPORT_INTERACTION_LIKE, 1715454000, NULL);
  assert_interaction (sink, 3, RAPPORT_INTERACTION_LIKE, 1715586300, NULL);

  g_assert_cmpuint (sink->counts->len, ==, 0);
  g_assert_cmpuint (sink->gains->len, ==, 0);

  g_assert_cmpuint (sink->skipped->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "Connections.csv: line 8: no name and no profile link");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "Shares.csv: line 7: no readable date (“not a date”)");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 2), ==,
                   "Comments.csv: line 5: no readable date");

  /* The day in the export's name. */
  g_assert_cmpint (sink->exported_at, ==, 1717027200);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
}

/* 2018: no notes and no profile links, dates with a two-digit year and a 12-hour clock,
 * Shares.csv in UTF-16 with tabs; no Profile.csv and no date in the folder's name. */
static void
test_export_2018 (void)
{
  g_autoptr(RapportTestSink) sink = import_fixture (EXPORT_2018);

  g_assert_cmpstr (sink->handle, ==, "LinkedIn");
  g_assert_null (sink->display_name);
  g_assert_true (sink->provisional);

  g_assert_cmpuint (sink->followers->len, ==, 2);
  g_assert_cmpuint (sink->following->len, ==, 2);
  assert_connection (sink, "Ana Lima", 1515435240);
  assert_connection (sink, "Chen Wu", 1514711100);

  g_assert_cmpuint (sink->posts->len, ==, 1);
  g_assert_true (rapport_test_post_has_hashtag (
    assert_post (sink, "6355555555555555555", 1515579630,
                 "https://www.linkedin.com/feed/update/urn:li:activity:6355555555555555555",
                 "Kiln day. #ceramics"), "ceramics"));
  g_assert_cmpuint (sink->interactions->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  /* The newest time inside: the post. */
  g_assert_cmpint (sink->exported_at, ==, 1515579630);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

/* Writes @name with @contents into @dir. */
static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* A folder @name in a new temporary folder (*@tmp), holding Profile.csv of Jo Doe. */
static char *
make_export (char       **tmp,
             const char  *name)
{
  char *path;

  *tmp = rapport_test_make_temp_dir ();
  path = g_build_filename (*tmp, name, NULL);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  write_file (path, "Profile.csv", "First Name,Last Name,Headline\nJo,Doe,Potter\n");
  return path;
}

/* A Connections.csv without its header, and one whose every row is skipped: neither gives a
 * list (an empty list would say the member has no connections). */
static void
test_unreadable_connections (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = make_export (&tmp, "Complete_LinkedInDataExport_12-01-2025");
  g_autoptr(RapportTestSink) sink = NULL;

  write_file (path, "Connections.csv", "First Name,Last Name,Company\nAna,Lima,Clay Co\n");
  sink = import_path (path);
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "Connections.csv: no header row with “First Name” and “Connected On”");
  /* The day in a Complete_… name, nothing inside being dated. */
  g_assert_cmpint (sink->exported_at, ==, 1764547200); /* 2025-12-01 */
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_clear_pointer (&sink, rapport_test_sink_free);

  write_file (path, "Connections.csv", "First Name,Last Name,URL,Connected On\n,,,1 May 2025\n");
  sink = import_path (path);
  g_assert_false (sink->has_follower_list);
  g_assert_false (sink->has_following_list);
  g_assert_cmpuint (sink->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "Connections.csv: line 2: no name and no profile link");
  g_clear_pointer (&sink, rapport_test_sink_free);

  /* A header and no rows: no connections at all, which is a list. */
  write_file (path, "Connections.csv", "First Name,Last Name,URL,Connected On\n");
  sink = import_path (path);
  g_assert_true (sink->has_follower_list);
  g_assert_true (sink->has_following_list);
  g_assert_cmpuint (sink->followers->len, ==, 0);
  g_assert_cmpuint (sink->skipped->len, ==, 0);

  rapport_test_remove_tree (tmp);
}

/* A comment whose quote never ends fails the import with the file and the line; in a store,
 * the database is left as it was. */
static void
test_broken_comments (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *path = make_export (&tmp, "Basic_LinkedInDataExport_01-15-2025");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, "Comments.csv",
              "Date,Link,Message\n"
              "2025-01-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,"
              "\"Fine\"\n"
              "2025-01-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,"
              "\"Ends with a backslash \\\"\n");

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_linkedin_member_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "Comments.csv: a quoted field that starts on line 3 never ends");
  g_clear_error (&error);

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  before = rapport_test_database_fingerprint (data_dir);
  g_assert_false (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "Comments.csv: a quoted field that starts on line 3 never ends");
  after = rapport_test_database_fingerprint (data_dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  rapport_test_remove_tree (tmp);
}

/* Files of other exports, or LinkedIn's without the header rows they should have, are not
 * this export. */
static void
test_not_member_export (void)
{
  g_autofree char *tmp = rapport_test_make_temp_dir ();
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  write_file (tmp, "Connections.csv", "Name,Since\nAna,2024\n");
  write_file (tmp, "Comments.csv", "Date,Link,Message\n2024-05-10 11:00:00,x,Hi\n");
  archive = rapport_archive_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_linkedin_member_recognizes (archive));
  g_assert_false (rapport_linkedin_member_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED);
  g_assert_true (g_str_has_suffix (error->message,
                                   ": there is no Connections.csv, Shares.csv or Profile.csv "
                                   "of LinkedIn's member data export in it"));
  g_assert_cmpuint (sink->n_set_account, ==, 0);

  rapport_test_remove_tree (tmp);
}

static RapportStore *
open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_open (dir, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
import_into (RapportStore *store,
             const char   *path)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_path (store, path, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.platform, ==, RAPPORT_PLATFORM_LINKEDIN);
  return summary.account_id;
}

/* The zip LinkedIn sends, into a store: the connections are both lists, dated. */
static void
test_zip (void)
{
  g_autofree char *tmp = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "Complete_LinkedInDataExport_03-02-2025.zip",
                                            NULL);
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  const RapportSnapshot *snapshot;
  gint64 account_id;

  rapport_test_write_archive (path, "zip",
    "Profile.csv", "First Name,Last Name,Headline\nJo,Doe,Potter\n",
    "Connections.csv", "Notes:\n\"A note, with a comma\"\n\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lima,https://www.linkedin.com/in/ana-lima,,,,1 Feb 2025\n",
    "Invitations.csv", "From,To,Sent At,Message,Direction\nAna,Jo,1/1/25,Hi,INCOMING\n",
    NULL);
  store = open_store (data_dir);
  account_id = import_into (store, path);
  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dataset->handle, ==, "Jo Doe");

  snapshots = rapport_store_list_snapshots (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (snapshots, 0);
  g_assert_cmpint (snapshot->exported_at, ==, 1740873600); /* 2025-03-02 */
  g_assert_cmpint (snapshot->date_source, ==, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  g_assert_true (snapshot->has_followers);
  g_assert_true (snapshot->has_following);
  g_assert_cmpuint (snapshot->n_followers, ==, 1);
  g_assert_cmpuint (snapshot->n_following, ==, 1);
  g_assert_cmpuint (snapshot->n_skipped, ==, 0);

  g_clear_object (&store);
  rapport_test_remove_tree (tmp);
}

/* The member export of 2024 and the creator analytics of May 2024: the analytics files before
 * 2026 name nobody, so they are an account "LinkedIn" of their own until the creator merges it
 * into the member's (rapport accounts merge); then the same posts are one, with the share's
 * text and exact time and the analytics' figures. */
static void
test_join_before_2026 (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *member = fixture_path ("linkedin-member", EXPORT_2024);
  g_autofree char *analytics = fixture_path ("linkedin", "Content_2024-05-01_2024-05-31.xlsx");
  g_autoptr(RapportStore) store = open_store (dir);
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  RapportReciprocity *reciprocity;
  const RapportDatasetPost *post;
  gint64 member_id, analytics_id;

  member_id = import_into (store, member);
  analytics_id = import_into (store, analytics);
  g_assert_cmpint (member_id, !=, analytics_id);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);

  g_assert_true (rapport_store_merge_accounts (store, analytics_id, member_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = rapport_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);

  dataset = rapport_store_load_dataset (store, member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dataset->handle, ==, "Jo Doe");
  /* Four shares and three top posts, two of them the same. */
  g_assert_cmpuint (dataset->posts->len, ==, 5);
  post = rapport_test_find_post (dataset, "7190000000000000001");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1714727700);
  g_assert_cmpstr (post->text, ==, "New glaze test: ash and iron. #pottery #Glaze");
  g_assert_cmpint (post->impressions, ==, 3900);
  g_assert_cmpint (post->engagements, ==, 85);
  post = rapport_test_find_post (dataset, "7190000000000000002");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1716226805);
  g_assert_cmpint (post->impressions, ==, 5400);
  /* Only in the analytics. */
  post = rapport_test_find_post (dataset, "7190000000000000003");
  g_assert_nonnull (post);
  g_assert_null (post->text);
  g_assert_cmpint (post->impressions, ==, 1200);

  /* Every connection is a mutual, and none a follow-for-follow pair, though each has one day
   * in both lists. */
  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_nonnull (reciprocity);
  g_assert_cmpuint (reciprocity->n_mutuals, ==, 6);
  g_assert_cmpuint (reciprocity->n_fans, ==, 0);
  g_assert_cmpuint (reciprocity->n_f4f_pairs, ==, 0);
  g_assert_cmpuint (reciprocity->f4f_pairs->len, ==, 0);
  g_assert_cmpuint (reciprocity->n_mutuals_dated, ==, 0);
  g_assert_cmpfloat (reciprocity->f4f_share_of_followers, ==, 0.0);
  g_assert_cmpfloat (reciprocity->reciprocal_share, ==, 1.0);
  rapport_reciprocity_free (reciprocity);
  report = rapport_report_compute (dataset, utc);
  suggestions = rapport_coach_suggest (report, NULL);
  text = rapport_report_print_text (report, suggestions);
  /* Said as connections, with nothing to follow back. */
  rapport_test_assert_contains (text, "\n  Connections 6: a connection is one request accepted, "
                                      "so each goes both ways.\n");
  g_assert_null (strstr (text, "Review your follow-for-follow pairs"));
  g_assert_null (strstr (text, "Follow-for-follow pairs"));
  /* One connection has no date, but dates of connections are for the list, not advice. */
  rapport_test_assert_contains (text, "Follow dates: partial (5 of 6 followers dated)");
  g_assert_null (strstr (text, "Add follow dates"));
  rapport_test_assert_contains (text, "connections show exactly who connected and who left");
  g_assert_null (strstr (text, "Two follower lists"));
  g_assert_null (strstr (text, "Follow-back ratio"));
  g_assert_null (strstr (text, "Followers 6 · following 6"));

  g_clear_object (&store);
  rapport_test_remove_tree (dir);
}

/* From 2026 the analytics file is named after the member, as Profile.csv names them: the two
 * exports are one account at once, and the same post one post. */
static void
test_join_from_2026 (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *member = make_export (&tmp, "Basic_LinkedInDataExport_04-30-2026");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *analytics = fixture_path ("linkedin",
                                             "AggregateAnalytics_Jo Doe_2026-04-01_2026-04-28.xlsx");
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const RapportDatasetPost *post;
  gint64 member_id;

  write_file (member, "Shares.csv",
              "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
              "2026-04-02 10:00:00,https://www.linkedin.com/feed/update/"
              "urn%3Ali%3Aactivity%3A7310000000000000001,Spring sale.,,,PUBLIC\n");
  store = open_store (data_dir);
  member_id = import_into (store, member);
  g_assert_cmpint (import_into (store, analytics), ==, member_id);

  dataset = rapport_store_load_dataset (store, member_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dataset->handle, ==, "Jo Doe");
  g_assert_cmpuint (dataset->posts->len, ==, 3);
  post = rapport_test_find_post (dataset, "7310000000000000001");
  g_assert_nonnull (post);
  g_assert_cmpint (post->created_at, ==, 1775124000);
  g_assert_cmpstr (post->text, ==, "Spring sale.");
  g_assert_cmpint (post->impressions, ==, 15230);
  g_assert_cmpint (post->engagements, ==, 1024);

  g_clear_object (&store);
  rapport_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linkedin-member/2024", test_export_2024);
  g_test_add_func ("/linkedin-member/2018", test_export_2018);
  g_test_add_func ("/linkedin-member/unreadable-connections", test_unreadable_connections);
  g_test_add_func ("/linkedin-member/zip", test_zip);
  g_test_add_func ("/linkedin-member/broken-comments", test_broken_comments);
  g_test_add_func ("/linkedin-member/not-member-export", test_not_member_export);
  g_test_add_func ("/linkedin-member/join-before-2026", test_join_before_2026);
  g_test_add_func ("/linkedin-member/join-from-2026", test_join_from_2026);

  return g_test_run ();
}
