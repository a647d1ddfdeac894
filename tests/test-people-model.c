/* test-people-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Audience page's list model: the segments of a hand-built pair of lists, item by item;
 * sorting; the exact ::items-changed of a search; profile addresses; CSV, with names that
 * would be formulas; and a search and a sort over a million followers, timed for the record.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "analysis/rapport-audience.h"
#include "ui/models/rapport-people-model.h"

#define T0 G_GINT64_CONSTANT (1700000000)

typedef struct
{
  RapportPeople *followers;
  RapportPeople *following;
  RapportReciprocity *reciprocity;
} Lists;

/* followers: anna, ben, carla (no date), dario, eva; following: ben, dario, finn, zoe (no
 * date).  Mutuals ben and dario, fans anna, carla and eva, not following back finn and zoe. */
static void
lists_init (Lists *lists)
{
  lists->followers = rapport_people_new (8);
  rapport_people_add (lists->followers, "eva", "Eva", NULL, T0 + 10);
  rapport_people_add (lists->followers, "anna", "anna", NULL, T0 + 100);
  rapport_people_add (lists->followers, "carla", "carla", NULL, 0);
  rapport_people_add (lists->followers, "ben", "ben", NULL, T0 + 50);
  rapport_people_add (lists->followers, "dario", "dario", NULL, T0 + 200);
  rapport_people_sort (lists->followers);

  lists->following = rapport_people_new (8);
  rapport_people_add (lists->following, "zoe", "zoe", NULL, 0);
  rapport_people_add (lists->following, "finn", "finn", NULL, T0 + 5);
  rapport_people_add (lists->following, "dario", "dario", NULL, T0 + 300);
  rapport_people_add (lists->following, "ben", "ben", NULL, T0 + 60);
  rapport_people_sort (lists->following);

  lists->reciprocity = rapport_reciprocity_compute_lists (lists->followers, lists->following);
}

static void
lists_clear (Lists *lists)
{
  g_clear_pointer (&lists->reciprocity, rapport_reciprocity_free);
  g_clear_pointer (&lists->followers, rapport_people_free);
  g_clear_pointer (&lists->following, rapport_people_free);
}

/* "who:follows-since:you-follow-since" per item, seconds after T0 ("-" for unknown), joined
 * by spaces. */
static char *
describe (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportPersonItem) item = g_list_model_get_item (model, i);
      gint64 follows = rapport_person_item_get_follows_since (item);
      gint64 you = rapport_person_item_get_you_follow_since (item);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:", rapport_person_item_get_who (item));
      if (follows == 0)
        g_string_append (out, "-:");
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT ":", follows - T0);
      if (you == 0)
        g_string_append (out, "-");
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, you - T0);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GArray *
mutual_followers (const RapportReciprocity *reciprocity)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < reciprocity->mutuals->len; i++)
    g_array_append_val (indices, g_array_index (reciprocity->mutuals, RapportMutual, i).follower);

  return indices;
}

static void
test_segments (void)
{
  Lists lists;
  g_autoptr(GArray) mutuals = NULL;
  g_autoptr(RapportPeopleModel) everyone = NULL;
  g_autoptr(RapportPeopleModel) mutual_model = NULL;
  g_autoptr(RapportPeopleModel) fans = NULL;
  g_autoptr(RapportPeopleModel) not_back = NULL;
  g_autoptr(RapportPersonItem) item = NULL;
  g_autofree char *text = NULL;

  lists_init (&lists);
  g_assert_cmpuint (lists.reciprocity->n_mutuals, ==, 2);
  mutuals = mutual_followers (lists.reciprocity);

  everyone = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                       RAPPORT_DIRECTION_FOLLOWER, lists.following, NULL,
                                       NULL, NULL);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (everyone)) == RAPPORT_TYPE_PERSON_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (everyone)), ==, 5);
  g_assert_cmpuint (rapport_people_model_get_n_total (everyone), ==, 5);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "anna:100:- ben:50:60 carla:-:- dario:200:300 eva:10:-");
  g_clear_pointer (&text, g_free);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (everyone), 5));

  /* The handle as exported, the address of the profile. */
  item = g_list_model_get_item (G_LIST_MODEL (everyone), 4);
  g_assert_cmpstr (rapport_person_item_get_handle (item), ==, "Eva");
  g_assert_cmpstr (rapport_person_item_get_label (item), ==, "Eva");
  g_assert_cmpstr (rapport_person_item_get_who (item), ==, "eva");
  g_assert_null (rapport_person_item_get_platform_id (item));
  g_assert_cmpstr (rapport_person_item_get_profile_url (item), ==, "https://www.instagram.com/Eva");

  mutual_model = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                           RAPPORT_DIRECTION_FOLLOWER, lists.following, mutuals,
                                           NULL, NULL);
  text = describe (G_LIST_MODEL (mutual_model));
  g_assert_cmpstr (text, ==, "ben:50:60 dario:200:300");
  g_clear_pointer (&text, g_free);

  fans = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                   RAPPORT_DIRECTION_FOLLOWER, lists.following,
                                   lists.reciprocity->fans, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fans)), ==, 3);
  text = describe (G_LIST_MODEL (fans));
  g_assert_cmpstr (text, ==, "anna:100:- carla:-:- eva:10:-");
  g_clear_pointer (&text, g_free);

  /* Accounts followed: their own date is when the creator followed them. */
  not_back = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.following,
                                       RAPPORT_DIRECTION_FOLLOWING, lists.followers,
                                       lists.reciprocity->not_following_back, NULL, NULL);
  text = describe (G_LIST_MODEL (not_back));
  g_assert_cmpstr (text, ==, "finn:-:5 zoe:-:-");
  g_clear_pointer (&text, g_free);

  g_assert_finalize_object (g_steal_pointer (&item));
  g_assert_finalize_object (g_steal_pointer (&everyone));
  g_assert_finalize_object (g_steal_pointer (&mutual_model));
  g_assert_finalize_object (g_steal_pointer (&fans));
  g_assert_finalize_object (g_steal_pointer (&not_back));
  lists_clear (&lists);
}

static void
owner_destroy_cb (gpointer data)
{
  (*(guint *) data)++;
}

static gpointer
unref_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

static void
test_owner (void)
{
  Lists lists;
  RapportPeopleModel *model;
  guint destroyed = 0;

  lists_init (&lists);
  model = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                    RAPPORT_DIRECTION_FOLLOWER, NULL, NULL,
                                    &destroyed, owner_destroy_cb);

  /* Without the other list, the other date is unknown. */
  {
    g_autofree char *text = describe (G_LIST_MODEL (model));

    g_assert_cmpstr (text, ==, "anna:100:- ben:50:- carla:-:- dario:200:- eva:10:-");
  }

  g_assert_cmpuint (destroyed, ==, 0);
  g_assert_finalize_object (model);
  g_assert_cmpuint (destroyed, ==, 1);

  /* Let go of last in another thread (an export's), the owner is still released in this
   * one, by its main loop. */
  model = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                    RAPPORT_DIRECTION_FOLLOWER, NULL, NULL,
                                    &destroyed, owner_destroy_cb);
  g_thread_join (g_thread_new ("unref", unref_thread, model));
  g_assert_cmpuint (destroyed, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (destroyed, ==, 2);

  lists_clear (&lists);
}

static void
test_sort (void)
{
  Lists lists;
  g_autoptr(RapportPeopleModel) everyone = NULL;
  g_autoptr(RapportPeopleModel) not_back = NULL;
  g_autofree char *text = NULL;

  lists_init (&lists);
  everyone = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                       RAPPORT_DIRECTION_FOLLOWER, lists.following, NULL,
                                       NULL, NULL);

  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_HANDLE, GTK_SORT_DESCENDING);
  g_assert_false (rapport_people_model_get_busy (everyone));
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "eva:10:- dario:200:300 carla:-:- ben:50:60 anna:100:-");
  g_clear_pointer (&text, g_free);

  /* Unknown dates last in either order. */
  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE, GTK_SORT_ASCENDING);
  g_assert_cmpint (rapport_people_model_get_sort_key (everyone), ==,
                   RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE);
  g_assert_cmpint (rapport_people_model_get_sort_order (everyone), ==, GTK_SORT_ASCENDING);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "eva:10:- ben:50:60 anna:100:- dario:200:300 carla:-:-");
  g_clear_pointer (&text, g_free);

  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE, GTK_SORT_DESCENDING);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "dario:200:300 anna:100:- ben:50:60 eva:10:- carla:-:-");
  g_clear_pointer (&text, g_free);

  /* Equal (unknown) dates by handle. */
  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_YOU_FOLLOW_SINCE,
                                 GTK_SORT_ASCENDING);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "ben:50:60 dario:200:300 anna:100:- carla:-:- eva:10:-");
  g_clear_pointer (&text, g_free);

  /* A search keeps the order; a sort keeps the search. */
  rapport_people_model_set_search (everyone, "A");
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "dario:200:300 anna:100:- carla:-:- eva:10:-");
  g_clear_pointer (&text, g_free);
  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE, GTK_SORT_ASCENDING);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "eva:10:- anna:100:- dario:200:300 carla:-:-");
  g_clear_pointer (&text, g_free);
  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_HANDLE, GTK_SORT_DESCENDING);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "eva:10:- dario:200:300 carla:-:- anna:100:-");
  g_clear_pointer (&text, g_free);

  not_back = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.following,
                                       RAPPORT_DIRECTION_FOLLOWING, lists.followers, NULL,
                                       NULL, NULL);
  rapport_people_model_set_sort (not_back, RAPPORT_PEOPLE_SORT_YOU_FOLLOW_SINCE,
                                 GTK_SORT_DESCENDING);
  text = describe (G_LIST_MODEL (not_back));
  g_assert_cmpstr (text, ==, "dario:200:300 ben:50:60 finn:-:5 zoe:-:-");
  g_clear_pointer (&text, g_free);

  g_assert_finalize_object (g_steal_pointer (&everyone));
  g_assert_finalize_object (g_steal_pointer (&not_back));
  lists_clear (&lists);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_search (void)
{
  Lists lists;
  g_autoptr(RapportPeopleModel) everyone = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *text = NULL;
  guint n_items_notifies = 0;

  lists_init (&lists);
  everyone = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                       RAPPORT_DIRECTION_FOLLOWER, lists.following, NULL,
                                       NULL, NULL);
  g_signal_connect (everyone, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (everyone, "notify::n-items", G_CALLBACK (count_notify_cb),
                    &n_items_notifies);

  /* anna ben carla dario eva → ben eva: eva stays, the rows before it are replaced. */
  rapport_people_model_set_search (everyone, "e");
  assert_change (changes, 0, 4, 1);
  g_assert_cmpuint (n_items_notifies, ==, 1);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "ben:50:60 eva:10:-");
  g_clear_pointer (&text, g_free);

  /* → eva: only ben goes.  Case does not matter. */
  rapport_people_model_set_search (everyone, "EV");
  g_assert_cmpstr (rapport_people_model_get_search (everyone), ==, "EV");
  assert_change (changes, 0, 1, 0);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "eva:10:-");
  g_clear_pointer (&text, g_free);

  /* The same rows: no signal at all. */
  rapport_people_model_set_search (everyone, "ev");
  g_assert_cmpuint (changes->len, ==, 0);

  /* No match. */
  rapport_people_model_set_search (everyone, "xyz");
  assert_change (changes, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (everyone)), ==, 0);

  /* Everyone again. */
  rapport_people_model_set_search (everyone, "");
  assert_change (changes, 0, 0, 5);
  g_assert_null (rapport_people_model_get_search (everyone));
  g_assert_cmpuint (n_items_notifies, ==, 4);

  /* Only the end of the list changes: the rows before it stay. */
  rapport_people_model_set_search (everyone, "n");
  assert_change (changes, 2, 3, 0);
  text = describe (G_LIST_MODEL (everyone));
  g_assert_cmpstr (text, ==, "anna:100:- ben:50:60");
  g_clear_pointer (&text, g_free);

  g_assert_finalize_object (g_steal_pointer (&everyone));
  lists_clear (&lists);
}

static void
test_profile_url (void)
{
  struct {
    RapportPlatform platform;
    const char *handle;
    const char *id;
    const char *url;
  } cases[] = {
    { RAPPORT_PLATFORM_INSTAGRAM, "mira.makes", NULL, "https://www.instagram.com/mira.makes" },
    { RAPPORT_PLATFORM_INSTAGRAM, NULL, "1234", NULL },
    { RAPPORT_PLATFORM_TIKTOK, "miramakes", "99", "https://www.tiktok.com/@miramakes" },
    { RAPPORT_PLATFORM_TWITTER, "miramakes", "4242", "https://x.com/i/user/4242" },
    { RAPPORT_PLATFORM_TWITTER, NULL, "4242", "https://x.com/i/user/4242" },
    { RAPPORT_PLATFORM_TWITTER, "miramakes", NULL, "https://x.com/miramakes" },
    { RAPPORT_PLATFORM_TWITTER, NULL, NULL, NULL },
    { RAPPORT_PLATFORM_MASTODON, "mira@example.social", NULL, "https://example.social/@mira" },
    { RAPPORT_PLATFORM_MASTODON, "mira", NULL, NULL },
    { RAPPORT_PLATFORM_BLUESKY, "mira.bsky.social", NULL,
      "https://bsky.app/profile/mira.bsky.social" },
    { RAPPORT_PLATFORM_THREADS, "mira.makes", NULL, "https://www.threads.net/@mira.makes" },
    { RAPPORT_PLATFORM_INSTAGRAM, "a b/c?", NULL, "https://www.instagram.com/a%20b%2Fc%3F" },
    { RAPPORT_PLATFORM_YOUTUBE, "Mira Makes", NULL, NULL },
    { RAPPORT_PLATFORM_YOUTUBE, "Mira Makes", "UCmira/x",
      "https://www.youtube.com/channel/UCmira%2Fx" },
    /* A page's name is no address, and a page id that is not a number leads nowhere. */
    { RAPPORT_PLATFORM_FACEBOOK, "Mira Makes", "104857600123", "https://www.facebook.com/104857600123" },
    { RAPPORT_PLATFORM_FACEBOOK, "Mira Makes", "pg-mira", NULL },
    { RAPPORT_PLATFORM_FACEBOOK, "Mira Makes", NULL, NULL },
    { RAPPORT_PLATFORM_MEDIUM, "mira.makes", NULL, "https://medium.com/@mira.makes" },
    { RAPPORT_PLATFORM_MEDIUM, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = rapport_profile_url (cases[i].platform, cases[i].handle, cases[i].id);

      g_assert_cmpstr (url, ==, cases[i].url);
    }
}

static char *
write_csv (RapportPeopleModel *model)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (rapport_people_model_write_csv (model, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_csv (void)
{
  Lists lists;
  g_autoptr(RapportPeopleModel) everyone = NULL;
  g_autoptr(RapportPeople) odd = rapport_people_new (2);
  g_autoptr(RapportPeopleModel) odd_model = NULL;
  g_autofree char *csv = NULL;

  lists_init (&lists);
  everyone = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                       RAPPORT_DIRECTION_FOLLOWER, lists.following, NULL,
                                       NULL, NULL);
  rapport_people_model_set_sort (everyone, RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE, GTK_SORT_DESCENDING);
  rapport_people_model_set_search (everyone, "r");

  /* The rows shown, in their order.  T0 is 2023-11-14 22:13:20 UTC. */
  csv = write_csv (everyone);
  g_assert_cmpstr (csv, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   "dario,dario,2023-11-14T22:16:40Z,2023-11-14T22:18:20Z\r\n"
                   "carla,carla,,\r\n");
  g_clear_pointer (&csv, g_free);

  /* Quotes where a field needs them; no handle where the export has only ids. */
  rapport_people_add (odd, "a,\"b\"", "A,\"B\"", NULL, T0);
  rapport_people_add (odd, "4242", NULL, "4242", 0);
  rapport_people_sort (odd);
  odd_model = rapport_people_model_new (RAPPORT_PLATFORM_TWITTER, odd, RAPPORT_DIRECTION_FOLLOWER,
                                        NULL, NULL, NULL, NULL);
  csv = write_csv (odd_model);
  g_assert_cmpstr (csv, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   ",4242,,\r\n"
                   "\"A,\"\"B\"\"\",\"a,\"\"b\"\"\",2023-11-14T22:13:20Z,\r\n");

  g_assert_finalize_object (g_steal_pointer (&everyone));
  g_assert_finalize_object (g_steal_pointer (&odd_model));
  lists_clear (&lists);
}

/* Drops @object and waits until it is finalized: an export's worker thread lets go of its
 * task (and the model it holds) just after the callback ran, without waking this thread. */
static void
release_and_wait (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (g_atomic_pointer_get (&weak) != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_atomic_pointer_get (&weak));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!rapport_people_model_export_csv_finish (RAPPORT_PEOPLE_MODEL (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports @model to @path, waits for it, and returns what the file holds. */
static char *
export_and_read (RapportPeopleModel *model,
                 const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  char *contents = NULL;

  rapport_people_model_export_csv_async (model, file, NULL, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The callback's marker for success. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_csv_export (void)
{
  Lists lists;
  g_autoptr(RapportPeopleModel) fans = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) missing = NULL;
  GError *error = NULL;

  lists_init (&lists);
  fans = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, lists.followers,
                                   RAPPORT_DIRECTION_FOLLOWER, lists.following,
                                   lists.reciprocity->fans, NULL, NULL);
  dir = g_dir_make_tmp ("rapport-people-XXXXXX", NULL);
  path = g_build_filename (dir, "fans.csv", NULL);

  contents = export_and_read (fans, path);
  g_assert_cmpstr (contents, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   "anna,anna,2023-11-14T22:15:00Z,\r\n"
                   "carla,carla,,\r\n"
                   "Eva,eva,2023-11-14T22:13:30Z,\r\n");

  /* A folder that is not there. */
  missing = g_file_new_build_filename (dir, "no", "such", "fans.csv", NULL);
  rapport_people_model_export_csv_async (fans, missing, NULL, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  release_and_wait (g_steal_pointer (&fans));
  lists_clear (&lists);
}

/* Names a spreadsheet would run as formulas, exported as the Audience page exports a segment:
 * in the file each starts with "'", and the one with a comma is quoted as well. */
static void
test_csv_formulas (void)
{
  g_autoptr(RapportPeople) people = rapport_people_new (4);
  g_autoptr(RapportPeopleModel) model = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-people-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "segment.csv", NULL);
  g_autofree char *contents = NULL;

  rapport_people_add (people, "=cmd|'/c calc'!a0", "=cmd|'/C calc'!A0", NULL, T0);
  rapport_people_add (people, "+1", "+1", NULL, 0);
  rapport_people_add (people, "@x", "@x", NULL, 0);
  rapport_people_add (people, "-2,3", "-2,3", NULL, 0);
  rapport_people_sort (people);
  model = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, people,
                                    RAPPORT_DIRECTION_FOLLOWER, NULL, NULL, NULL, NULL);

  contents = export_and_read (model, path);
  g_assert_cmpstr (contents, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   "'+1,'+1,,\r\n"
                   "\"'-2,3\",\"'-2,3\",,\r\n"
                   "'=cmd|'/C calc'!A0,'=cmd|'/c calc'!a0,2023-11-14T22:13:20Z,\r\n"
                   "'@x,'@x,,\r\n");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  release_and_wait (g_steal_pointer (&model));
}

static void
wait_idle (RapportPeopleModel *model)
{
  while (rapport_people_model_get_busy (model))
    g_main_context_iteration (NULL, TRUE);
}

/* A million followers: the search and the sorts run in a thread and end in one change.  The
 * times are printed for the record, not asserted: machines differ. */
static void
test_million (void)
{
  g_autoptr(RapportPeople) followers = rapport_people_new (1000000);
  g_autoptr(RapportPeopleModel) model = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(RapportPersonItem) first = NULL;
  g_autoptr(RapportPersonItem) last = NULL;
  gint64 start;
  guint busy_notifies = 0;
  guint n_matches = 0;

  for (guint i = 0; i < 1000000; i++)
    {
      char who[16];

      g_snprintf (who, sizeof who, "acct%06u", i);
      /* Every seventh without a date; the others spread over a year, unordered. */
      rapport_people_add (followers, who, who, NULL,
                          i % 7 == 0 ? 0 : T0 + (gint64) (((guint64) i * 7919) % 31536000));
    }
  rapport_people_sort (followers);

  model = rapport_people_model_new (RAPPORT_PLATFORM_INSTAGRAM, followers,
                                    RAPPORT_DIRECTION_FOLLOWER, NULL, NULL, NULL, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (model, "notify::busy", G_CALLBACK (count_notify_cb), &busy_notifies);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000000);

  /* The scan on its own, on this thread, to choose between a thread and doing it at once. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < followers->len; i++)
    if (strstr (followers->items[i].who, "99999") != NULL)
      n_matches++;
  g_test_message ("scanning 1,000,000 names for a substring: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_matches, ==, 19);

  /* x99999 and 99999x: 10 + 10 − 1 (999999). */
  start = g_get_monotonic_time ();
  rapport_people_model_set_search (model, "99999");
  g_assert_true (rapport_people_model_get_busy (model));
  /* Nothing changes until the thread is done. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000000);
  wait_idle (model);
  g_test_message ("search over 1,000,000 followers, thread to result: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (busy_notifies, ==, 2);
  /* x99999 for x < 9, then 999990 to 999999, which end the full list too and stay. */
  assert_change (changes, 0, 999990, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 19);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rapport_person_item_get_who (first), ==, "acct099999");
  g_clear_object (&first);

  /* Typing on searches only what is shown: at once. */
  rapport_people_model_set_search (model, "999999");
  g_assert_false (rapport_people_model_get_busy (model));
  assert_change (changes, 0, 18, 0);

  /* Typing fast: only the last search lands. */
  rapport_people_model_set_search (model, "12");
  rapport_people_model_set_search (model, "123");
  rapport_people_model_set_search (model, "1234");
  wait_idle (model);
  g_assert_cmpuint (changes->len, ==, 1);
  g_array_set_size (changes, 0);
  /* 1234xx, x1234x, xx1234: 3 · 100 − overlaps (none: "1234" cannot overlap itself). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);

  rapport_people_model_set_search (model, NULL);
  wait_idle (model);
  assert_change (changes, 0, 300, 1000000);

  /* By date, newest first, unknown last. */
  start = g_get_monotonic_time ();
  rapport_people_model_set_sort (model, RAPPORT_PEOPLE_SORT_FOLLOWS_SINCE, GTK_SORT_DESCENDING);
  g_assert_true (rapport_people_model_get_busy (model));
  wait_idle (model);
  g_test_message ("sort of 1,000,000 followers by follow date: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_array_set_size (changes, 0);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), 999999);
  g_assert_cmpint (rapport_person_item_get_follows_since (first), ==, T0 + 31535992);
  g_assert_cmpstr (rapport_person_item_get_who (first), ==, "acct322568");
  g_assert_cmpint (rapport_person_item_get_follows_since (last), ==, 0);
  /* Among those without a date, by handle: 999999 = 7 · 142857 is the last of them. */
  g_assert_cmpstr (rapport_person_item_get_who (last), ==, "acct999999");
  g_clear_object (&first);
  g_clear_object (&last);

  start = g_get_monotonic_time ();
  rapport_people_model_set_sort (model, RAPPORT_PEOPLE_SORT_HANDLE, GTK_SORT_DESCENDING);
  wait_idle (model);
  g_test_message ("sort of 1,000,000 followers by handle: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rapport_person_item_get_who (first), ==, "acct999999");
  g_clear_object (&first);

  /* Searches that were replaced still hold the model until their callbacks ran. */
  g_signal_handlers_disconnect_by_data (model, changes);
  release_and_wait (g_steal_pointer (&model));
}

/* A Bluesky account known by DID alone shows it shortened, the whole DID kept for its tooltip
 * and its profile; one a list named shows the handle. */
static void
test_did_label (void)
{
  RapportPerson unnamed = { "did:plc:op5mci2tr6u5tn3fdpoqkdoo", NULL,
                            "did:plc:op5mci2tr6u5tn3fdpoqkdoo", 0 };
  RapportPerson named = { "did:plc:6qcuwewnw5d7zpg62p5rg75e", "kiln-kate.bsky.social",
                          "did:plc:6qcuwewnw5d7zpg62p5rg75e", 0 };
  g_autoptr(RapportPersonItem) item = rapport_person_item_new (RAPPORT_PLATFORM_BLUESKY,
                                                               &unnamed, 0, 0);
  g_autoptr(RapportPersonItem) kate = rapport_person_item_new (RAPPORT_PLATFORM_BLUESKY,
                                                               &named, 0, 0);
  g_autofree char *label = NULL;

  g_assert_cmpstr (rapport_person_item_get_label (item), ==, "did:plc:op5m…kdoo");
  g_assert_cmpstr (rapport_person_item_get_handle (item), ==, "did:plc:op5mci2tr6u5tn3fdpoqkdoo");
  g_assert_cmpstr (rapport_person_item_get_platform_id (item), ==,
                   "did:plc:op5mci2tr6u5tn3fdpoqkdoo");
  g_assert_cmpstr (rapport_person_item_get_profile_url (item), ==,
                   "https://bsky.app/profile/did:plc:op5mci2tr6u5tn3fdpoqkdoo");
  g_object_get (item, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "did:plc:op5m…kdoo");
  g_assert_cmpstr (rapport_person_item_get_label (kate), ==, "kiln-kate.bsky.social");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people-model/segments", test_segments);
  g_test_add_func ("/people-model/owner", test_owner);
  g_test_add_func ("/people-model/sort", test_sort);
  g_test_add_func ("/people-model/search", test_search);
  g_test_add_func ("/people-model/profile-url", test_profile_url);
  g_test_add_func ("/people-model/did-label", test_did_label);
  g_test_add_func ("/people-model/csv", test_csv);
  g_test_add_func ("/people-model/csv-export", test_csv_export);
  g_test_add_func ("/people-model/csv-formulas", test_csv_formulas);
  g_test_add_func ("/people-model/million", test_million);

  return g_test_run ();
}
