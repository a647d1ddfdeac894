/* test-store-keep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts the creator keeps: kept by name or by id, still kept after a re-import and
 * after a change of handle seen through the platform id, carried by a merge, and left out of
 * the not-following-back figures.
 */

#include "config.h"

#include "analysis/rapport-audience.h"
#include "rapport-test-util.h"
#include "store/rapport-store.h"

typedef struct
{
  char *dir;
  RapportStore *store;
} Fixture;

/* One account of a follow list: a handle (may be NULL) and an id (may be NULL). */
typedef struct
{
  const char *handle;
  const char *platform_id;
} Person;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  rapport_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
add_list (RapportImportSink *sink,
          RapportDirection   direction,
          const Person      *people,
          guint              n_people)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_import_sink_begin_list (sink, direction, &error));
  for (guint i = 0; i < n_people; i++)
    {
      RapportRelation relation = { direction, people[i].handle, people[i].platform_id, 0 };

      g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
    }
  rapport_import_sink_end_list (sink);
  g_assert_no_error (error);
}

/* Imports an export of @account with both lists; returns the account id. */
static gint64
import_lists (Fixture                  *fixture,
              const char               *hash,
              const RapportAccountInfo *account,
              const Person             *followers,
              guint                     n_followers,
              const Person             *following,
              guint                     n_following,
              gint64                    exported_at)
{
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (fixture->store, hash, hash, hash, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, account, &error));
  add_list (sink, RAPPORT_DIRECTION_FOLLOWER, followers, n_followers);
  add_list (sink, RAPPORT_DIRECTION_FOLLOWING, following, n_following);
  rapport_import_sink_set_export_date (sink, exported_at, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  return summary.account_id;
}

static guint
set_kept (Fixture    *fixture,
          gint64      account_id,
          const char *platform_id,
          const char *handle,
          gboolean    kept)
{
  RapportKeptAccount account = { (char *) platform_id, (char *) handle, 0 };
  g_autoptr(GError) error = NULL;
  guint n_changed = 99;

  g_assert_true (rapport_store_set_kept (fixture->store, account_id, &account, 1, kept,
                                         &n_changed, &error));
  g_assert_no_error (error);
  return n_changed;
}

/* "handle|id" of each kept account, in the store's order, joined by spaces. */
static char *
list_kept (Fixture *fixture,
           gint64   account_id)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  kept = rapport_store_list_kept (fixture->store, account_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kept->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (kept, i);

      g_string_append_printf (out, "%s%s|%s", i > 0 ? " " : "",
                              account->handle != NULL ? account->handle : "-",
                              account->platform_id != NULL ? account->platform_id : "-");
    }
  return g_string_free (out, FALSE);
}

/* The handles of @indices into @people, joined by spaces. */
static char *
join_handles (const RapportPeople *people,
              const GArray        *indices)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            people->items[g_array_index (indices, guint32, i)].handle);
  return g_string_free (out, FALSE);
}

static const RapportAccountInfo jo_bluesky =
  { RAPPORT_PLATFORM_BLUESKY, "jo.bsky.social", "did:plc:jo", NULL, FALSE };

/* On Bluesky the lists compare by DID.  Kept by name, an account the following list has the
 * DID of is kept by DID: after a re-import in which it changed its handle, it is still kept,
 * listed under its new handle, and left out of "not following back". */
static void
test_rename_through_id (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const Person followers[] = { { "anna.bsky.social", "did:plc:anna" } };
  const Person following[] = {
    { "anna.bsky.social", "did:plc:anna" },
    { "bob.bsky.social", "did:plc:bob" },
    { "cara.bsky.social", "did:plc:cara" },
    { "dan.bsky.social", "did:plc:dan" },
  };
  const Person following_later[] = {
    { "anna.bsky.social", "did:plc:anna" },
    { "bob.bsky.social", "did:plc:bob" },
    { "cara.example.com", "did:plc:cara" },
    { "dan.bsky.social", "did:plc:dan" },
    { "eve.bsky.social", "did:plc:eve" },
  };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *review = NULL;
  gint64 jo;

  jo = import_lists (fixture, "first", &jo_bluesky, followers, G_N_ELEMENTS (followers),
                     following, G_N_ELEMENTS (following), 1700000000);

  /* Names in any case, the id found in the following list. */
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "Cara.bsky.social", TRUE), ==, 1);
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "bob.bsky.social", TRUE), ==, 1);
  /* Kept already, by name or by its id. */
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "CARA.BSKY.SOCIAL", TRUE), ==, 0);
  g_assert_cmpuint (set_kept (fixture, jo, "did:plc:bob", "bob.bsky.social", TRUE), ==, 0);
  /* Someone the lists do not have is kept by name. */
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "grandma.bsky.social", TRUE), ==, 1);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob.bsky.social|did:plc:bob cara.bsky.social|did:plc:cara "
                               "grandma.bsky.social|-");
  g_clear_pointer (&listed, g_free);

  /* The next export: cara has a new handle, eve is new. */
  import_lists (fixture, "second", &jo_bluesky, followers, G_N_ELEMENTS (followers),
                following_later, G_N_ELEMENTS (following_later), 1702592000);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob.bsky.social|did:plc:bob cara.example.com|did:plc:cara "
                               "grandma.bsky.social|-");

  dataset = rapport_store_load_dataset (fixture->store, jo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->kept->len, ==, 3);
  reciprocity = rapport_reciprocity_compute (dataset);
  /* Following 5, mutual 1 (anna): not following back bob, cara, dan, eve; 2 of them kept. */
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 4);
  g_assert_cmpuint (reciprocity->n_not_following_back_kept, ==, 2);
  g_assert_cmpuint (reciprocity->n_not_following_back_unkept, ==, 2);
  kept = join_handles (reciprocity->following, reciprocity->not_following_back_kept);
  review = join_handles (reciprocity->following, reciprocity->not_following_back_unkept);
  g_assert_cmpstr (kept, ==, "bob.bsky.social cara.example.com");
  g_assert_cmpstr (review, ==, "dan.bsky.social eve.bsky.social");

  /* Let go of by the new name: the id finds the row kept under the old one. */
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "cara.example.com", FALSE), ==, 1);
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "cara.example.com", FALSE), ==, 0);
  g_clear_pointer (&listed, g_free);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob.bsky.social|did:plc:bob grandma.bsky.social|-");
}

static const RapportAccountInfo jo_instagram =
  { RAPPORT_PLATFORM_INSTAGRAM, "jo", NULL, NULL, FALSE };

/* On Instagram the lists have names only: kept by lower-cased name, across re-imports; an
 * account kept by name and then by id is kept once, by id. */
static void
test_by_name (Fixture       *fixture,
              gconstpointer  user_data)
{
  const Person followers[] = { { "anna", NULL } };
  const Person following[] = { { "anna", NULL }, { "Bob", NULL }, { "cara", NULL } };
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReciprocity) reciprocity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *review = NULL;
  gint64 jo;

  jo = import_lists (fixture, "first", &jo_instagram, followers, G_N_ELEMENTS (followers),
                     following, G_N_ELEMENTS (following), 1700000000);
  g_assert_cmpuint (set_kept (fixture, jo, NULL, "BOB", TRUE), ==, 1);
  import_lists (fixture, "second", &jo_instagram, followers, G_N_ELEMENTS (followers),
                following, G_N_ELEMENTS (following), 1702592000);

  dataset = rapport_store_load_dataset (fixture->store, jo, &error);
  g_assert_no_error (error);
  reciprocity = rapport_reciprocity_compute (dataset);
  g_assert_cmpuint (reciprocity->n_not_following_back, ==, 2);
  g_assert_cmpuint (reciprocity->n_not_following_back_kept, ==, 1);
  review = join_handles (reciprocity->following, reciprocity->not_following_back_unkept);
  g_assert_cmpstr (review, ==, "cara");

  /* The same account by id (a later list with ids): its row by name gives way. */
  g_assert_cmpuint (set_kept (fixture, jo, "17841", "bob", TRUE), ==, 0);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob|17841");

  /* An account that is not there keeps nothing, and changes nothing. */
  {
    RapportKeptAccount account = { NULL, (char *) "zed", 0 };

    g_assert_false (rapport_store_set_kept (fixture->store, jo + 100, &account, 1, TRUE, NULL,
                                            &error));
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED);
  }
  g_clear_pointer (&listed, g_free);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob|17841");
}

/* A merge carries the kept accounts of the account merged away; one kept by both is kept
 * once. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  const RapportAccountInfo old_name = { RAPPORT_PLATFORM_INSTAGRAM, "jo.old", NULL, NULL, FALSE };
  const Person followers[] = { { "anna", NULL } };
  const Person following[] = { { "bob", NULL }, { "cara", NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 jo, old;

  jo = import_lists (fixture, "first", &jo_instagram, followers, G_N_ELEMENTS (followers),
                     following, G_N_ELEMENTS (following), 1700000000);
  old = import_lists (fixture, "second", &old_name, followers, G_N_ELEMENTS (followers),
                      following, G_N_ELEMENTS (following), 1690000000);
  set_kept (fixture, jo, NULL, "bob", TRUE);
  set_kept (fixture, old, NULL, "bob", TRUE);
  set_kept (fixture, old, NULL, "cara", TRUE);

  g_assert_true (rapport_store_merge_accounts (fixture->store, old, jo, &error));
  g_assert_no_error (error);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "bob|- cara|-");
  g_clear_pointer (&listed, g_free);
  /* Deleting the account deletes what it kept. */
  g_assert_true (rapport_store_delete_account (fixture->store, jo, &error));
  jo = import_lists (fixture, "third", &jo_instagram, followers, G_N_ELEMENTS (followers),
                     following, G_N_ELEMENTS (following), 1700000000);
  listed = list_kept (fixture, jo);
  g_assert_cmpstr (listed, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-keep/rename-through-id", Fixture, NULL, fixture_set_up,
              test_rename_through_id, fixture_tear_down);
  g_test_add ("/store-keep/by-name", Fixture, NULL, fixture_set_up, test_by_name,
              fixture_tear_down);
  g_test_add ("/store-keep/merge", Fixture, NULL, fixture_set_up, test_merge,
              fixture_tear_down);

  return g_test_run ();
}
