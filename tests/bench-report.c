/* bench-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times `rapport report` on a generated Instagram account: by default 1,000,000 followers with
 * follow dates, 7,500 accounts followed (5,000 of them mutuals, 3,000 of those followed back
 * within two days), 5,000 posts with hashtags and mentions over five years, and 2,000 likes and
 * comments.  The account is written through the store's import sink like any export, then the
 * steps of the report are timed one by one: load the dataset, compute the analysis, run the
 * coach, print text, print JSON.  The target is under a second in total.
 *
 *   bench-report [--followers N] [--posts N] [--print] [--keep DIR | --existing DIR]
 *
 * --existing DIR times the steps on the database in DIR (its first account) instead, such as
 * the benchmark's history of 24 exports.
 *
 * --print writes the text report to standard output afterwards, to read it as a creator would;
 * --keep writes the database into DIR and leaves it there, to time `rapport report --data-dir
 * DIR` itself.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/rapport-report-json.h"
#include "cli/rapport-report-text.h"
#include "rapport-test-util.h"
#include "store/rapport-store.h"

/* 2025-06-01 00:00 UTC, the generated export's date. */
#define EXPORTED_AT G_GINT64_CONSTANT (1748736000)
#define DAY G_GINT64_CONSTANT (86400)
#define YEARS 5
#define N_FOLLOWING 7500
#define N_MUTUALS 5000
#define N_F4F 3000
#define N_TAGS 200
#define N_INTERACTIONS 2000

static gboolean
write_account (RapportStore  *store,
               guint          n_followers,
               guint          n_posts,
               GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250601);
  RapportAccountInfo account = {
    RAPPORT_PLATFORM_INSTAGRAM, "bench.creator", NULL, "Bench Creator",
  };
  g_autofree gint64 *since = g_new (gint64, n_followers);
  RapportStoreImport *import;
  RapportImportSink *sink;
  const gint64 span = YEARS * 365 * DAY;
  char handle[32];
  char platform_id[32];

  if (!(import = rapport_store_begin_import (store, "instagram-bench.creator-2025-06-01.zip",
                                             "bench-report", "bench-report", NULL, error)))
    return FALSE;
  sink = rapport_store_import_get_sink (import);
  if (!rapport_import_sink_set_account (sink, &account, error) ||
      !rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, error) ||
      !rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, error))
    goto failed;

  /* Follows accumulate faster towards the present (the square root spreads them so), with a
   * follow-for-follow burst: the first 3,000 mutuals followed within a fortnight in the
   * account's third year. */
  for (guint i = 0; i < n_followers; i++)
    {
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, handle, NULL, 0 };

      if (i < N_F4F)
        since[i] = EXPORTED_AT - span + 2 * 365 * DAY + g_rand_int_range (rand, 0, 14 * DAY);
      else
        since[i] = EXPORTED_AT
                 - (gint64) (span * (1.0 - g_rand_double (rand) * g_rand_double (rand)));
      g_snprintf (handle, sizeof handle, "user%07u", i);
      relation.since = since[i];
      if (!rapport_import_sink_add_relation (sink, &relation, error))
        goto failed;
    }

  /* Following: 5,000 followers (the first 3,000 followed back within two days of their
   * follow), and 2,500 accounts that do not follow back. */
  for (guint i = 0; i < N_FOLLOWING; i++)
    {
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, handle, NULL, 0 };

      if (i < MIN (N_MUTUALS, n_followers))
        {
          g_snprintf (handle, sizeof handle, "user%07u", i);
          relation.since = i < N_F4F ? since[i] + g_rand_int_range (rand, 0, 2 * DAY)
                                     : since[i] + g_rand_int_range (rand, 30, 400) * DAY;
        }
      else
        {
          g_snprintf (handle, sizeof handle, "brand%05u", i);
          relation.since = EXPORTED_AT - g_rand_int_range (rand, 1, 5 * 365) * DAY;
        }
      relation.since = MIN (relation.since, EXPORTED_AT - 1);
      if (!rapport_import_sink_add_relation (sink, &relation, error))
        goto failed;
    }

  for (guint i = 0; i < n_posts; i++)
    {
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_free);
      guint n_tags = g_rand_int_range (rand, 0, 15);
      gboolean with_partner = g_rand_int_range (rand, 0, 10) == 0;
      gboolean bait = g_rand_int_range (rand, 0, 25) == 0;
      RapportPost post;

      rapport_post_init (&post);
      post.created_at = EXPORTED_AT - span + (gint64) i * (span / n_posts)
                      + g_rand_int_range (rand, 0, 12 * 3600);
      g_snprintf (platform_id, sizeof platform_id, "%" G_GINT64_FORMAT, post.created_at);
      post.platform_id = platform_id;
      post.type = i % 3 == 0 ? RAPPORT_POST_PHOTO : i % 3 == 1 ? RAPPORT_POST_REEL
                                                               : RAPPORT_POST_CAROUSEL;
      post.text = "A generated caption";
      for (guint t = 0; t < n_tags; t++)
        g_ptr_array_add (tags, g_strdup_printf ("tag%03d", g_rand_int_range (rand, 0, N_TAGS)));
      if (bait)
        g_ptr_array_add (tags, g_strdup ("f4f"));
      g_ptr_array_add (tags, NULL);
      if (with_partner)
        g_ptr_array_add (mentions, g_strdup_printf ("user%07d",
                                                    g_rand_int_range (rand, N_F4F, N_MUTUALS)));
      g_ptr_array_add (mentions, NULL);
      post.hashtags = (const char * const *) tags->pdata;
      post.mentions = (const char * const *) mentions->pdata;
      post.likes = g_rand_int_range (rand, 100, 3000) * (bait ? 1 : 2) * (with_partner ? 3 : 2) / 2;
      post.comments = g_rand_int_range (rand, 0, 80);
      post.saves = g_rand_int_range (rand, 0, 50);
      if (!rapport_import_sink_add_post (sink, &post, error))
        goto failed;
    }

  for (guint i = 0; i < N_INTERACTIONS; i++)
    {
      RapportInteraction interaction = {
        i % 3 == 0 ? RAPPORT_INTERACTION_COMMENT : RAPPORT_INTERACTION_LIKE,
        handle, EXPORTED_AT - g_rand_int_range (rand, 1, 365) * DAY, NULL,
      };

      g_snprintf (handle, sizeof handle, "user%07d",
                  g_rand_int_range (rand, 0, MIN (N_MUTUALS + 500, n_followers)));
      if (!rapport_import_sink_add_interaction (sink, &interaction, error))
        goto failed;
    }

  rapport_import_sink_set_export_date (sink, EXPORTED_AT, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  return rapport_store_import_commit (import, NULL, error);

failed:
  rapport_store_import_abort (import);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(RapportReport) overview = NULL;
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *data_dir = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  gint followers = 1000000;
  gint posts = 5000;
  gboolean print = FALSE;
  const RapportAccount *account;
  double t_summary_load, t_overview, t_load, t_compute, t_coach, t_text, t_json, total;
  const GOptionEntry entries[] = {
    { "followers", 0, 0, G_OPTION_ARG_INT, &followers, "Followers of the generated account", "N" },
    { "posts", 0, 0, G_OPTION_ARG_INT, &posts, "Posts of the generated account", "N" },
    { "print", 0, 0, G_OPTION_ARG_NONE, &print, "Print the text report afterwards", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the database into DIR and keep it",
      "DIR" },
    { "existing", 0, 0, G_OPTION_ARG_FILENAME, &existing,
      "Time the report of the database in DIR instead", "DIR" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || followers < 0 || posts <= 0)
    {
      fprintf (stderr, "%s\n", error ? error->message : "--followers ≥ 0 and --posts > 0");
      return 2;
    }
  if (existing != NULL)
    keep = g_strdup (existing);
  data_dir = keep != NULL ? g_strdup (keep) : rapport_test_make_temp_dir ();

  if (!(store = rapport_store_open (data_dir, &error)) ||
      (existing == NULL && !write_account (store, followers, posts, &error)) ||
      !(accounts = rapport_store_list_accounts (store, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      if (keep == NULL)
        rapport_test_remove_tree (data_dir);
      return 1;
    }
  printf ("import through the sink: %.2f s (%d followers, %d following, %d posts)\n",
          g_timer_elapsed (timer, NULL), followers, N_FOLLOWING, posts);

  /* The window's first step: the Overview from what the store counted, without a list. */
  account = g_ptr_array_index (accounts, 0);
  g_timer_start (timer);
  summary = rapport_store_load_dataset_summary (store, account->id, &error);
  t_summary_load = g_timer_elapsed (timer, NULL);
  if (summary == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      if (keep == NULL)
        rapport_test_remove_tree (data_dir);
      return 1;
    }
  g_timer_start (timer);
  overview = rapport_report_compute_overview (summary, utc);
  t_overview = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  dataset = rapport_store_load_dataset (store, account->id, &error);
  t_load = g_timer_elapsed (timer, NULL);
  if (dataset == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      if (keep == NULL)
        rapport_test_remove_tree (data_dir);
      return 1;
    }

  g_timer_start (timer);
  report = rapport_report_compute (dataset, utc);
  t_compute = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  suggestions = rapport_coach_suggest (report, NULL);
  t_coach = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  text = rapport_report_print_text (report, suggestions);
  t_text = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  root = rapport_report_to_json (report, suggestions);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  t_json = g_timer_elapsed (timer, NULL);

  total = t_load + t_compute + t_coach + t_text + t_json;
  printf ("summary:      %.3f s (load %.3f s, Overview %.3f s)\n", t_summary_load + t_overview,
          t_summary_load, t_overview);
  printf ("load dataset: %.3f s\n", t_load);
  printf ("analysis:     %.3f s\n", t_compute);
  printf ("coach:        %.3f s (%u suggestions)\n", t_coach, suggestions->len);
  printf ("text:         %.3f s (%zu bytes)\n", t_text, strlen (text));
  printf ("json:         %.3f s (%zu bytes)\n", t_json, strlen (json));
  printf ("report total: %.3f s (target: under 1 s)\n", total);
  if (print)
    printf ("\n%s", text);

  if (keep == NULL)
    rapport_test_remove_tree (data_dir);
  return 0;
}
