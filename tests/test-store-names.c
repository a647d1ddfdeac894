/* test-store-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handles for the DIDs that Bluesky's repository export names alone, from the account's
 * refreshes and kept accounts (rapport-store-names.c).
 */

#include "config.h"

#include "store/rapport-store.h"
#include "rapport-test-util.h"

/* 1 Jan 2024, 00:00 UTC. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  const char *did;
  const char *handle; /* NULL as in a repository export */
} Account;

static void
import_lists (RapportStore      *store,
              RapportPlatform    platform,
              const char        *name,
              gint64             exported_at,
              RapportDateSource  date_source,
              const Account     *followers,
              const Account     *following)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { platform, "jo.example.com", "did:plc:jo", NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (store, name, name, name, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  for (guint d = 0; d < 2; d++)
    {
      const Account *list = d == 0 ? followers : following;

      if (list == NULL)
        continue;
      g_assert_true (rapport_import_sink_begin_list (sink, d, &error));
      for (guint i = 0; list[i].did != NULL; i++)
        {
          RapportRelation relation = { d, list[i].handle, list[i].did, T0 };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
      rapport_import_sink_end_list (sink);
    }
  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

static gint64
only_account (RapportStore *store)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, NULL);

  g_assert_cmpuint (accounts->len, ==, 1);
  return ((RapportAccount *) g_ptr_array_index (accounts, 0))->id;
}

/* "did:plc:a=kate.example.com did:plc:c=-": the handles of @people. */
static char *
handles_of (const RapportPeople *people)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < people->len; i++)
    g_string_append_printf (out, "%s%s=%s", i > 0 ? " " : "", people->items[i].who,
                            people->items[i].handle != NULL ? people->items[i].handle : "-");
  return g_string_free (out, FALSE);
}

/* Two repository exports (DIDs only) and two refreshes between them, the newer refresh
 * imported first: a follows a renamed kate, b is bo, d follows the creator; e is kept under
 * the name eve and c never named.  The newest export's accounts take the names of the newest
 * refresh (by date, not by import), then of the kept accounts; dee, only a follower, is named
 * in the dataset's names all the same. */
static void
test_names (void)
{
  static const Account car_1[] = {
    { "did:plc:a", NULL }, { "did:plc:b", NULL }, { "did:plc:c", NULL }, { NULL, NULL }
  };
  static const Account older_following[] = {
    { "did:plc:a", "kate-old.example.com" }, { "did:plc:b", "bo.example.com" }, { NULL, NULL }
  };
  static const Account newer_following[] = {
    { "did:plc:a", "kate.example.com" }, { NULL, NULL }
  };
  static const Account followers[] = { { "did:plc:d", "dee.example.com" }, { NULL, NULL } };
  static const Account car_2[] = {
    { "did:plc:a", NULL }, { "did:plc:b", NULL }, { "did:plc:c", NULL }, { "did:plc:e", NULL },
    { NULL, NULL }
  };
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportDataset) every = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  RapportKeptAccount kept[] = { { (char *) "did:plc:e", (char *) "eve.example.com", 0 } };
  const RapportDatasetSnapshot *newest;
  g_autofree char *following = NULL;
  g_autofree char *names = NULL;
  gint64 account_id;

  g_assert_no_error (error);
  import_lists (store, RAPPORT_PLATFORM_BLUESKY, "repo-1.car", T0 + 10 * DAY,
                RAPPORT_DATE_SOURCE_MANIFEST, NULL, car_1);
  import_lists (store, RAPPORT_PLATFORM_BLUESKY, "live-2", T0 + 20 * DAY,
                RAPPORT_DATE_SOURCE_LIVE, followers, newer_following);
  import_lists (store, RAPPORT_PLATFORM_BLUESKY, "live-1", T0 + 15 * DAY,
                RAPPORT_DATE_SOURCE_LIVE, followers, older_following);
  import_lists (store, RAPPORT_PLATFORM_BLUESKY, "repo-2.car", T0 + 30 * DAY,
                RAPPORT_DATE_SOURCE_MANIFEST, NULL, car_2);
  account_id = only_account (store);
  g_assert_true (rapport_store_set_kept (store, account_id, kept, 1, TRUE, NULL, &error));
  g_assert_no_error (error);

  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  newest = g_ptr_array_index (dataset->snapshots, dataset->snapshots->len - 1);
  g_assert_cmpstr (newest->source_name, ==, "repo-2.car");
  following = handles_of (newest->following);
  g_assert_cmpstr (following, ==, "did:plc:a=kate.example.com did:plc:b=bo.example.com "
                                  "did:plc:c=- did:plc:e=eve.example.com");
  names = handles_of (dataset->names);
  g_assert_cmpstr (names, ==, "did:plc:a=kate.example.com did:plc:b=bo.example.com "
                              "did:plc:d=dee.example.com did:plc:e=eve.example.com");
  g_assert_cmpstr (rapport_people_find (dataset->names, "did:plc:a")->platform_id, ==,
                   "did:plc:a");

  /* Every list, as the command line's report loads them, is named too. */
  every = rapport_store_load_dataset_every_list (store, account_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&following, g_free);
  following = handles_of (((RapportDatasetSnapshot *) g_ptr_array_index (every->snapshots,
                                                                         0))->following);
  g_assert_cmpstr (following, ==, "did:plc:a=kate.example.com did:plc:b=bo.example.com "
                                  "did:plc:c=-");

  /* The summary reads no names. */
  summary = rapport_store_load_dataset_summary (store, account_id, &error);
  g_assert_no_error (error);
  g_assert_null (summary->names);

  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* Other platforms' exports name accounts by handle: no names are read for them. */
static void
test_other_platform (void)
{
  static const Account following[] = { { "17841400000000001", "ana" }, { NULL, NULL } };
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);
  g_autoptr(RapportDataset) dataset = NULL;

  g_assert_no_error (error);
  import_lists (store, RAPPORT_PLATFORM_TWITTER, "twitter.zip", T0, RAPPORT_DATE_SOURCE_MANIFEST,
                NULL, following);
  dataset = rapport_store_load_dataset (store, only_account (store), &error);
  g_assert_no_error (error);
  g_assert_null (dataset->names);

  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-names/names", test_names);
  g_test_add_func ("/store-names/other-platform", test_other_platform);

  return g_test_run ();
}
