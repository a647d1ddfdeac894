/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line ($RAPPORT_BIN) on an export made to attack a terminal: its file name, its
 * account's name, display name, followers and caption, and the entries of an archive Rapport
 * does not know, carry escape sequences (retitle the window, clear the screen), and the name a
 * newline.  What `rapport import`, `accounts` and `report` print holds no control character
 * but our own newlines: the sequences show as visible escapes.  `report --json` keeps the name
 * as it is, escaped by JSON.  And the commands load neither GTK nor libadwaita.  A LinkedIn
 * member is named as a name, and counted by connections.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rapport-test-server.h"
#include "rapport-test-util.h"

#define RETITLE "\x1b]0;pwned\x07"
#define CLEAR "\x1b[2J"
/* The same, as printed. */
#define RETITLE_SHOWN "\\x1b]0;pwned\\x07"
#define CLEAR_SHOWN "\\x1b[2J"

/* The account's name: both sequences, then a newline that would start a line of its own. */
#define HANDLE "jo" RETITLE CLEAR "\nImported nothing"
#define HANDLE_SHOWN "jo" RETITLE_SHOWN CLEAR_SHOWN "\\x0aImported nothing"

static const char export_json[] =
  "{\n"
  "  \"Activity\": {\n"
  "    \"Follower List\": {\"FansList\": [\n"
  "      {\"Date\": \"2024-01-15 08:00:00\", \"UserName\": \"fan\\u001b[2J\"}\n"
  "    ]},\n"
  "    \"Following List\": {\"Following\": [\n"
  "      {\"Date\": \"2024-01-16 08:00:00\", \"UserName\": \"\\u001b]0;pwned\\u0007\"}\n"
  "    ]}\n"
  "  },\n"
  "  \"Profile\": {\"Profile Information\": {\"ProfileMap\": {\n"
  "    \"displayName\": \"Jo \\u001b[31mred\\u202e\",\n"
  "    \"followerCount\": 1, \"followingCount\": 1,\n"
  "    \"userName\": \"jo\\u001b]0;pwned\\u0007\\u001b[2J\\nImported nothing\"\n"
  "  }}},\n"
  "  \"Video\": {\"Videos\": {\"VideoList\": [\n"
  "    {\"Date\": \"2024-01-10 10:00:00\", \"Likes\": \"3\",\n"
  "     \"Link\": \"https://www.tiktokv.com/share/video/7300000000000000001/\",\n"
  "     \"Title\": \"cap\\u001b[2J #tag\"}\n"
  "  ]}}\n"
  "}\n";

static const char *rapport_bin;
/* The environment of the runs, or NULL for this process's own. */
static char **run_environment;

typedef struct
{
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* No byte below 0x20 but the newline, and no DEL. */
static void
assert_no_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (((guchar) *p < 0x20 && *p != '\n') || *p == 0x7f)
        g_error ("control character 0x%02x at %zu in:\n%s", (guchar) *p, p - text, text);
    }
}

/* Runs `rapport @command --data-dir @data_dir` with the arguments after it, up to NULL, and
 * asserts that it succeeds, or fails when @fails, and that neither stream has a control
 * character. */
static Run
run_rapport (const char *data_dir,
             gboolean    fails,
             const char *command,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  Run run = { NULL, NULL };
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) rapport_bin);
  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) data_dir);
  va_start (args, command);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, run_environment, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_spawn_check_wait_status (status, NULL), ==, !fails);
  assert_no_controls (run.out);
  assert_no_controls (run.err);

  return run;
}

static void
test_hostile_export (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *export = g_build_filename (dir, "tiktok-" RETITLE CLEAR ".zip", NULL);
  g_autofree char *unknown = g_build_filename (dir, "other" CLEAR ".zip", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *account;
  Run run;

  rapport_test_write_archive (export, "zip", "user_data.json", export_json, NULL);
  rapport_test_write_archive (unknown, "zip",
                              "notes-" RETITLE ".txt", "hello",
                              CLEAR "/readme.txt", "hello",
                              NULL);

  /* The export imports; the other archive fails, and its error lists its entries. */
  /* No TikTok handle holds those characters: the name is shown without an "@". */
  run = run_rapport (data_dir, TRUE, "import", export, unknown, NULL);
  rapport_test_assert_contains (run.out, "Imported TikTok · " HANDLE_SHOWN " · ");
  g_assert_null (strstr (run.out, "@jo"));
  rapport_test_assert_contains (run.err, "other" CLEAR_SHOWN ".zip");
  rapport_test_assert_contains (run.err, "notes-" RETITLE_SHOWN ".txt");
  run_clear (&run);

  /* Again: already imported, said with the file's name. */
  run = run_rapport (data_dir, FALSE, "import", export, NULL);
  rapport_test_assert_contains (run.out, "tiktok-" RETITLE_SHOWN CLEAR_SHOWN ".zip");
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "accounts", NULL);
  rapport_test_assert_contains (run.out, "TikTok     " HANDLE_SHOWN);
  rapport_test_assert_contains (run.out, "from tiktok-" RETITLE_SHOWN CLEAR_SHOWN ".zip");
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "report", NULL);
  rapport_test_assert_contains (run.out, "Rapport report: " HANDLE_SHOWN " on TikTok");
  rapport_test_assert_contains (run.out, "Jo \\x1b[31mred\\u202e");
  rapport_test_assert_contains (run.out, "tiktok-" RETITLE_SHOWN CLEAR_SHOWN ".zip");
  run_clear (&run);

  /* JSON writes the name as it is, its control characters as \u escapes. */
  run = run_rapport (data_dir, FALSE, "report", "--json", NULL);
  rapport_test_assert_contains (run.out, "\\u001b]0;pwned\\u0007\\u001b[2J\\nImported nothing");
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  account = json_object_get_object_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
    "account");
  g_assert_cmpstr (json_object_get_string_member (account, "handle"), ==, HANDLE);
  run_clear (&run);

  rapport_test_remove_tree (dir);
}

/* LinkedIn's member export (the connections, in both lists) and creator analytics (a follower
 * total) of Jo Doe: one account, called by the member's name, without an "@"; its followers are
 * the analytics' newest total, its connections a line of their own, and no export reads
 * "followers, following". */
static void
test_linkedin_accounts (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *member = g_test_build_filename (G_TEST_DIST, "fixtures", "linkedin-member",
                                                   "Basic_LinkedInDataExport_05-30-2024", NULL);
  g_autofree char *analytics = g_test_build_filename (G_TEST_DIST, "fixtures", "linkedin",
                                                      "AggregateAnalytics_Jo Doe_2026-04-01_"
                                                      "2026-04-28.xlsx", NULL);
  Run run;

  run = run_rapport (data_dir, FALSE, "import", member, analytics, NULL);
  rapport_test_assert_contains (run.out, "Imported LinkedIn · Jo Doe · exported 30 May 2024 · "
                                         "6 connections, 4 posts\n");
  run_clear (&run);

  /* Connections.csv has 6 readable rows; the FOLLOWERS sheet's last total, on 28 Apr, is
   * 2633. */
  run = run_rapport (data_dir, FALSE, "accounts", NULL);
  g_assert_cmpstr (run.out, ==,
                   "ID   Platform   Account                   Followers  Following    Posts  "
                   "Last export\n"
                   "1    LinkedIn   Jo Doe                         2633          —        7  "
                   "2026-04-28\n"
                   "     6 connections\n"
                   "     snapshot 1: exported 2024-05-30 (archive-name) from "
                   "Basic_LinkedInDataExport_05-30-2024 · 6 connections, 4 posts\n"
                   "     snapshot 2: exported 2026-04-28 (archive-name) from "
                   "AggregateAnalytics_Jo Doe_2026-04-01_2026-04-28.xlsx · 3 posts, "
                   "3 days of follower history\n");
  run_clear (&run);

  /* The member's name is the title: it is not said again under it. */
  run = run_rapport (data_dir, FALSE, "report", NULL);
  g_assert_true (g_str_has_prefix (run.out,
                                   "\nRapport report: Jo Doe on LinkedIn (account 1)\n"
                                   "==============================================\n"
                                   "2 exports imported:\n"
                                   "  30 May 2024, Basic_LinkedInDataExport_05-30-2024: "
                                   "6 connections, 4 posts\n"));
  run_clear (&run);

  rapport_test_remove_tree (dir);
}

/* rapport refresh --account ID --on|--off changes the setting only: nothing is fetched, and an
 * account turned off is left out of a plain rapport refresh. */
static void
test_refresh_switch (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "fixtures", "mastodon",
                                                    "archive-20260412094512-5f3c2a1b", NULL);
  Run run;

  run = run_rapport (data_dir, FALSE, "import", archive, NULL);
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "refresh", "--account", "1", "--on", NULL);
  rapport_test_assert_contains (run.out, "Account 1 is refreshed from the web from now on");
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "refresh", "--account", "1", "--off", NULL);
  g_assert_cmpstr (run.out, ==, "Account 1 is no longer refreshed from the web.\n");
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "refresh", NULL);
  rapport_test_assert_contains (run.out, "No account is set to refresh from the web");
  run_clear (&run);

  /* Both at once, or with --add, is a usage error; an unknown account an error. */
  run = run_rapport (data_dir, TRUE, "refresh", "--on", "--off", NULL);
  rapport_test_assert_contains (run.err, "use: rapport refresh [--on | --off] [--account ID]");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--account", "1", "--on", "--off", NULL);
  rapport_test_assert_contains (run.err, "use: rapport refresh [--on | --off] [--account ID]");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--add", "bluesky:jo.test", "--on", NULL);
  rapport_test_assert_contains (run.err, "use: rapport refresh [--on | --off] [--account ID]");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--account", "99", "--off", NULL);
  rapport_test_assert_contains (run.err, "There is no account 99");
  run_clear (&run);

  rapport_test_remove_tree (dir);
}

/* A TikTok export whose creator follows anna, bob and cara, and is followed by anna. */
static const char keep_export_json[] =
  "{\n"
  "  \"Activity\": {\n"
  "    \"Follower List\": {\"FansList\": [\n"
  "      {\"Date\": \"2024-01-15 08:00:00\", \"UserName\": \"anna\"}\n"
  "    ]},\n"
  "    \"Following List\": {\"Following\": [\n"
  "      {\"Date\": \"2024-01-16 08:00:00\", \"UserName\": \"anna\"},\n"
  "      {\"Date\": \"2024-01-16 09:00:00\", \"UserName\": \"bob\"},\n"
  "      {\"Date\": \"2024-01-16 10:00:00\", \"UserName\": \"cara\"}\n"
  "    ]}\n"
  "  },\n"
  "  \"Profile\": {\"Profile Information\": {\"ProfileMap\": {\n"
  "    \"followerCount\": 1, \"followingCount\": 3, \"userName\": \"jo\"\n"
  "  }}}\n"
  "}\n";

/* A keep list as people write them: comments, '@', spaces, blank lines, and lines that are no
 * username (spaces inside, too long, an escape sequence, bytes that are no UTF-8). */
static const char keep_list[] =
  "\xef\xbb\xbf# family\n"
  "@Bob\n"
  "  cara   # my sister\r\n"
  "\n"
  "not a name\n"
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  "xxxxxxxxxxxxxxxxxx\n"
  "evil" CLEAR "\n"
  "\xff\xfe\n"
  "BOB\n";

static int
count_member (JsonObject *reciprocity,
              const char *name)
{
  return json_object_get_int_member (reciprocity, name);
}

/* `rapport keep`: a list imported with its bad lines skipped by number, listed, exported and
 * read back; the report leaves the kept accounts out of those not following back. */
static void
test_keep (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *export_path = g_build_filename (dir, "tiktok-jo.zip", NULL);
  g_autofree char *list_path = g_build_filename (dir, "keep.txt", NULL);
  g_autofree char *out_path = g_build_filename (dir, "kept.txt", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *big = g_strnfill (1024 * 1024 + 1, 'a');
  g_autofree char *written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *reciprocity;
  Run run;

  rapport_test_write_archive (export_path, "zip", "user_data.json", keep_export_json, NULL);
  g_assert_true (g_file_set_contents (list_path, keep_list, sizeof keep_list - 1, &error));
  g_assert_true (g_file_set_contents (big_path, big, -1, &error));
  run = run_rapport (data_dir, FALSE, "import", export_path, NULL);
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--import", list_path, NULL);
  rapport_test_assert_contains (run.out, "Read 2 usernames from ");
  rapport_test_assert_contains (run.out, "keep.txt: 2 newly kept, 0 kept already\n"
                                         "Skipped 4 lines that are no usernames "
                                         "(first: line 5: not a username)\n");
  g_assert_null (strstr (run.out, "evil"));
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--list", NULL);
  g_assert_cmpstr (run.out, ==, "@Bob\n@cara\n");
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--export", out_path, NULL);
  rapport_test_assert_contains (run.out, "Wrote 2 usernames to ");
  run_clear (&run);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==,
                   "# Accounts kept on purpose, one username a line (Rapport)\nBob\ncara\n");

  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--remove", "@BOB", NULL);
  g_assert_cmpstr (run.out, ==, "1 account no longer kept\n");
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--import", out_path, NULL);
  rapport_test_assert_contains (run.out, "kept.txt: 1 newly kept, 1 kept already\n");
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", "--add", "anna", "cara", NULL);
  g_assert_cmpstr (run.out, ==, "1 account newly kept, 1 kept already\n");
  run_clear (&run);

  /* Following anna, bob, cara; anna follows back; all three kept. */
  run = run_rapport (data_dir, FALSE, "report", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  reciprocity = json_object_get_object_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
    "reciprocity");
  g_assert_cmpint (count_member (reciprocity, "n_kept"), ==, 3);
  g_assert_cmpint (count_member (reciprocity, "n_not_following_back"), ==, 2);
  g_assert_cmpint (count_member (reciprocity, "n_not_following_back_kept"), ==, 2);
  g_assert_cmpint (count_member (reciprocity, "n_not_following_back_unkept"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (reciprocity, "not_following_back"), "count"),
                   ==, 0);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (reciprocity, "not_following_back_kept"),
                     "count"),
                   ==, 2);
  run_clear (&run);

  /* Bad input: a name that is none, a file too large, a file that is not there, no account. */
  run = run_rapport (data_dir, TRUE, "keep", "--account", "1", "--add", "bad" CLEAR, NULL);
  g_assert_cmpstr (run.err, ==, "rapport: “bad" CLEAR_SHOWN "” is not a username\n");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "keep", "--account", "1", "--import", big_path, NULL);
  rapport_test_assert_contains (run.err, "big.txt is no keep list: it is larger than 1024 KB, "
                                         "too large for a list of usernames\n");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "keep", "--account", "1", "--import", "/nonexistent/k.txt",
                     NULL);
  rapport_test_assert_contains (run.err, "rapport: Cannot read /nonexistent/k.txt: ");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "keep", "--account", "7", "--add", "anna", NULL);
  g_assert_cmpstr (run.err, ==, "rapport: There is no account 7\n");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "keep", "--add", "anna", NULL);
  rapport_test_assert_contains (run.err, "rapport: use: rapport keep --account ID");
  run_clear (&run);
  /* Nothing of that changed the list. */
  run = run_rapport (data_dir, FALSE, "keep", "--account", "1", NULL);
  g_assert_cmpstr (run.out, ==, "@anna\n@Bob\n@cara\n");
  run_clear (&run);

  rapport_test_remove_tree (dir);
}

/* Off, the master switch (the window's "Allow refreshing from the web") lets nothing be
 * fetched, whatever the accounts' switches say; --on and --off without an account turn it.
 * The runs keep settings in a key file of the test's own: the memory backend the other tests
 * run with forgets a change when the process ends. */
static void
test_refresh_master (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "fixtures", "mastodon",
                                                    "archive-20260412094512-5f3c2a1b", NULL);
  g_autofree char *stored = NULL;
  const char *off = "rapport: Refreshing from the web is turned off: Rapport fetches nothing "
                    "until “Allow refreshing from the web” is on in Preferences\n"
                    "rapport: Allow it with rapport refresh --on, or in the window's "
                    "Preferences.\n";
  Run run;

  run_environment = g_environ_setenv (g_get_environ (), "GSETTINGS_BACKEND", "keyfile", TRUE);
  run_environment = g_environ_setenv (run_environment, "XDG_CONFIG_HOME", config, TRUE);
  /* Should a check ever fail to stop it, the refresh finds nothing listening here. */
  run_environment = g_environ_setenv (run_environment, "RAPPORT_MASTODON_SERVER",
                                      "http://127.0.0.1:9", TRUE);
  run_environment = g_environ_setenv (run_environment, "RAPPORT_BLUESKY_APPVIEW",
                                      "http://127.0.0.1:9", TRUE);

  run = run_rapport (data_dir, FALSE, "import", archive, NULL);
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "refresh", "--account", "1", "--on", NULL);
  run_clear (&run);

  /* Off by default: every way of refreshing says so, and how to allow it. */
  run = run_rapport (data_dir, TRUE, "refresh", NULL);
  g_assert_cmpstr (run.err, ==, off);
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--account", "1", "--force", NULL);
  g_assert_cmpstr (run.err, ==, off);
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--add", "bluesky:jo.test", NULL);
  g_assert_cmpstr (run.err, ==, off);
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "refresh", "--on", NULL);
  g_assert_cmpstr (run.out, ==, "Refreshing from the web is allowed: rapport refresh fetches "
                   "the accounts turned on.\n");
  run_clear (&run);
  g_assert_true (g_file_get_contents (keyfile, &stored, NULL, NULL));
  rapport_test_assert_contains (stored, "refresh-from-web=true");
  g_clear_pointer (&stored, g_free);

  run = run_rapport (data_dir, FALSE, "refresh", "--off", NULL);
  g_assert_cmpstr (run.out, ==, "Refreshing from the web is off: nothing is fetched, from the "
                   "window or the command line.\n");
  run_clear (&run);
  g_assert_true (g_file_get_contents (keyfile, &stored, NULL, NULL));
  rapport_test_assert_contains (stored, "refresh-from-web=false");
  run = run_rapport (data_dir, TRUE, "refresh", "--account", "1", NULL);
  g_assert_cmpstr (run.err, ==, off);
  run_clear (&run);

  g_clear_pointer (&run_environment, g_strfreev);
  rapport_test_remove_tree (dir);
}

/* `rapport refresh` through the refresh's module beside the executable, against a local server
 * that plays Alice on Bluesky: added, then refreshed again as an account turned on, forced
 * within the hour. */
static void
test_refresh_fetch (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  RapportTestServer *server = rapport_test_server_new ();
  const char *refreshed = "Refreshed @alice.test on Bluesky (account 1): 3 followers, "
                          "following 2; the counts of 3 posts\n";
  Run run;

  rapport_test_server_serve_bluesky (server, "bluesky-followers-2.json");
  run_environment = g_environ_setenv (g_get_environ (), "GSETTINGS_BACKEND", "keyfile", TRUE);
  run_environment = g_environ_setenv (run_environment, "XDG_CONFIG_HOME", config, TRUE);
  run_environment = g_environ_setenv (run_environment, "RAPPORT_BLUESKY_APPVIEW",
                                      rapport_test_server_get_base (server), TRUE);

  run = run_rapport (data_dir, FALSE, "refresh", "--on", NULL);
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "refresh", "--add", "bluesky:alice.test", NULL);
  g_assert_cmpstr (run.out, ==, refreshed);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "refresh", "--force", NULL);
  g_assert_cmpstr (run.out, ==, refreshed);
  run_clear (&run);
  g_assert_cmpuint (rapport_test_server_count (server, LIVE_PROFILE), ==, 2);

  g_clear_pointer (&run_environment, g_strfreev);
  rapport_test_server_free (server);
  rapport_test_remove_tree (dir);
}

/* The commands without a window never load GTK nor libadwaita: only the window's module links
 * them (src/main.c).  Nor cairo and pango, which only the drawn report's module links, nor
 * libsoup, which only the refresh's links.  The dynamic loader's trace names every library the
 * import loads, at start and later. */
static void
test_libraries (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "mastodon", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LD_DEBUG", "files", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { rapport_bin, "import", "--data-dir", data_dir, fixture, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  rapport_test_assert_contains (out, "Imported Mastodon");

  /* The trace is there, so that the absence below means something. */
  rapport_test_assert_contains (err, "file=libglib-2.0.so");
  rapport_test_assert_contains (err, "file=libsqlite3.so");
  g_assert_null (strstr (err, "libgtk-4.so"));
  g_assert_null (strstr (err, "libadwaita-1.so"));
  g_assert_null (strstr (err, "librapport-ui.so"));
  g_assert_null (strstr (err, "libcairo"));
  g_assert_null (strstr (err, "libpango"));
  g_assert_null (strstr (err, "libpixman"));
  g_assert_null (strstr (err, "libX11"));
  g_assert_null (strstr (err, "libfontconfig"));
  g_assert_null (strstr (err, EXPORT_MODULE_FILE));
  g_assert_null (strstr (err, "libsoup"));
  g_assert_null (strstr (err, "libkrb5"));
  g_assert_null (strstr (err, "libnghttp2"));
  g_assert_null (strstr (err, REFRESH_MODULE_FILE));

  rapport_test_remove_tree (dir);
}

/* `rapport report --pdf`, `--csv` and `--chart` write through the drawn report's module beside
 * the executable: Mira's Mastodon archive, of 3 posts and 2 reposts, has six tables (no list
 * of followers, so no gained, lost, mutuals or fans) and is the only account. */
static void
test_report_files (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "mastodon",
                                                    "archive-20260412094512-5f3c2a1b", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "tables", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *posts = g_build_filename (csv, "posts.csv", NULL);
  g_autofree char *wrote = NULL;
  g_autofree char *data = NULL;
  gsize length;
  Run run;

  run = run_rapport (data_dir, FALSE, "import", fixture, NULL);
  run_clear (&run);

  run = run_rapport (data_dir, FALSE, "report", "--pdf", pdf, "--csv", csv, "--chart", png,
                     NULL);
  wrote = g_strdup_printf ("Wrote %s, ", pdf);
  g_assert_true (g_str_has_prefix (run.out, wrote));
  g_clear_pointer (&wrote, g_free);
  wrote = g_strdup_printf (" pages\nWrote 6 tables into %s\nWrote %s\n", csv, png);
  g_assert_true (g_str_has_suffix (run.out, wrote));
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_true (length > 5 && memcmp (data, "%PDF-", 5) == 0);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_true (length > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (posts, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "created_at,type,url,"));
  g_clear_pointer (&data, g_free);

  run = run_rapport (data_dir, FALSE, "report", "--chart", svg, "--paper", "letter", NULL);
  g_clear_pointer (&wrote, g_free);
  wrote = g_strdup_printf ("Wrote %s\n", svg);
  g_assert_cmpstr (run.out, ==, wrote);
  run_clear (&run);
  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  rapport_test_assert_contains (data, "<svg");

  /* The options are checked by the module's own functions. */
  run = run_rapport (data_dir, TRUE, "report", "--chart", gif, NULL);
  g_assert_cmpstr (run.err, ==, "rapport: --chart needs a file name ending in .png or .svg\n");
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "report", "--pdf", pdf, "--paper", "a5", NULL);
  g_assert_cmpstr (run.err, ==, "rapport: --paper takes a4 or letter\n");
  run_clear (&run);

  rapport_test_remove_tree (dir);
}

/* The executable alone, without the modules of the drawn report and of the refresh beside it,
 * or with a broken one: --pdf and the others, and `rapport refresh`, say which module is
 * missing and that the rest works; the rest does. */
static void
test_modules_missing (void)
{
  g_autofree char *installed = g_build_filename (MODULE_DIR, EXPORT_MODULE_FILE, NULL);
  g_autofree char *installed_refresh = g_build_filename (MODULE_DIR, REFRESH_MODULE_FILE, NULL);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *alone = g_build_filename (dir, "rapport", NULL);
  g_autofree char *module = g_build_filename (dir, EXPORT_MODULE_FILE, NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "tables", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (rapport_bin);
  g_autoptr(GFile) to = g_file_new_for_path (alone);
  g_autoptr(GError) error = NULL;
  const char *bin = rapport_bin;
  Run run;

  /* An installed module would be found instead. */
  if (g_file_test (installed, G_FILE_TEST_EXISTS) ||
      g_file_test (installed_refresh, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Rapport is installed: its modules would be found");
      rapport_test_remove_tree (dir);
      return;
    }

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (alone, 0755));
  rapport_bin = alone;

  run = run_rapport (data_dir, FALSE, "accounts", NULL);
  rapport_test_assert_contains (run.out, "No accounts yet");
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "report", "--pdf", pdf, NULL);
  rapport_test_assert_contains (run.err, "rapport: cannot write the PDF, the tables or the "
                                         "chart: its module is missing or broken: ");
  rapport_test_assert_contains (run.err, installed);
  rapport_test_assert_contains (run.err, "\nrapport: The other commands, and rapport report "
                                         "without --pdf, --csv and --chart, work without it.\n");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);
  run = run_rapport (data_dir, TRUE, "refresh", "--on", NULL);
  rapport_test_assert_contains (run.err, "rapport: cannot refresh from the web: its module is "
                                         "missing or broken: ");
  rapport_test_assert_contains (run.err, installed_refresh);
  rapport_test_assert_contains (run.err, "\nrapport: The other commands work without it.\n");
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  /* A file of that name that is no module is found first, and said to be broken. */
  g_assert_true (g_file_set_contents (module, "not a module", -1, NULL));
  run = run_rapport (data_dir, TRUE, "report", "--csv", csv, NULL);
  rapport_test_assert_contains (run.err, "chart: its module is missing or broken: ");
  rapport_test_assert_contains (run.err, module);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  run_clear (&run);

  rapport_bin = bin;
  rapport_test_remove_tree (dir);
}

/* A database of the previous schema: the first command says it is updating it, which takes
 * seconds for years of exports, and reads it after; the next says nothing. */
static void
test_upgrade_notice (void)
{
  g_autofree char *data_dir = rapport_test_make_schema_data_dir (RAPPORT_STORE_SCHEMA_VERSION - 1);
  Run run;

  run = run_rapport (data_dir, FALSE, "accounts", NULL);
  g_assert_nonnull (strstr (run.err, "Updating the database"));
  g_assert_nonnull (strstr (run.out, "Jo.Creates"));
  run_clear (&run);
  run = run_rapport (data_dir, FALSE, "accounts", NULL);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);

  rapport_test_remove_tree (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rapport_bin = g_getenv ("RAPPORT_BIN");
  g_assert_nonnull (rapport_bin);

  g_test_add_func ("/cli/hostile-export", test_hostile_export);
  g_test_add_func ("/cli/linkedin-accounts", test_linkedin_accounts);
  g_test_add_func ("/cli/refresh-switch", test_refresh_switch);
  g_test_add_func ("/cli/keep", test_keep);
  g_test_add_func ("/cli/refresh-master", test_refresh_master);
  g_test_add_func ("/cli/refresh-fetch", test_refresh_fetch);
  g_test_add_func ("/cli/libraries", test_libraries);
  g_test_add_func ("/cli/report-files", test_report_files);
  g_test_add_func ("/cli/modules-missing", test_modules_missing);
  g_test_add_func ("/cli/upgrade-notice", test_upgrade_notice);

  return g_test_run ();
}
