/* rapport-store-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handles for accounts that an export names by id alone.  Bluesky's repository names every
 * account it follows, likes, reposts or answers by DID; a refresh from the web lists the
 * accounts with their handles, and a kept account may carry one too.  Whatever of the account
 * ever named a DID gives it its handle here, the newest export's first, so that the lists,
 * the collaboration candidates and the report can call people by name.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* Every name a follow list of the account gave an id, grouped by id, the newest export's
 * first.  The DID, not the handle, is who for Bluesky, so a renamed account is one row per
 * name; the newer export's wins. */
#define NAMES_SQL \
  "SELECT f.platform_id, f.handle FROM follow_span AS f" \
  "  JOIN snapshot AS s ON s.id = f.first_snapshot" \
  " WHERE f.account_id = ?1 AND f.platform_id IS NOT NULL AND f.handle IS NOT NULL" \
  "   AND f.handle <> f.platform_id" \
  " ORDER BY f.platform_id, s.exported_at DESC, f.first_snapshot DESC"

/* Only Bluesky's exports name accounts by an id that some other source has the handle of. */
static gboolean
names_by_id (RapportPlatform platform)
{
  return platform == RAPPORT_PLATFORM_BLUESKY;
}

static void
name_people (RapportPeople       *people,
             const RapportPeople *names)
{
  if (people == NULL)
    return;
  for (gsize i = 0; i < people->len; i++)
    {
      RapportPerson *person = &people->items[i];
      const RapportPerson *name;

      if (person->handle != NULL || person->platform_id == NULL ||
          (name = rapport_people_find (names, person->platform_id)) == NULL)
        continue;
      person->handle = g_string_chunk_insert_const (people->strings, name->handle);
    }
}

gboolean
rapport_store_load_names (RapportStore    *self,
                          RapportDataset  *dataset,
                          GError         **error)
{
  g_autoptr(RapportPeople) names = NULL;
  g_autoptr(RapportPeople) unnamed = NULL;
  g_autofree char *previous = NULL;
  const RapportPeople *kept;
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  if (!names_by_id (dataset->platform))
    return TRUE;

  stmt = rapport_store_prepare (self, NAMES_SQL, error);
  if (stmt == NULL)
    return FALSE;
  names = rapport_people_new (0);
  unnamed = rapport_people_new (0);
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *handle = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (id, previous) == 0 || handle[0] == '\0')
        continue;
      g_free (previous);
      previous = g_strdup (id);
      rapport_people_add (names, id, handle, id, 0);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return FALSE;
    }

  /* A kept account's name where no list named it. */
  rapport_people_sort (names);
  kept = dataset->kept->by_id;
  for (gsize i = 0; i < kept->len; i++)
    {
      const RapportPerson *person = &kept->items[i];

      if (person->handle != NULL && person->handle[0] != '\0' &&
          !g_str_equal (person->handle, person->who) &&
          rapport_people_find (names, person->who) == NULL)
        rapport_people_add (unnamed, person->who, person->handle, person->who, 0);
    }
  for (gsize i = 0; i < unnamed->len; i++)
    rapport_people_add (names, unnamed->items[i].who, unnamed->items[i].handle,
                        unnamed->items[i].who, 0);
  rapport_people_sort (names);

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      name_people (snapshot->followers, names);
      name_people (snapshot->following, names);
      if (snapshot->follower_diff != NULL)
        {
          name_people (snapshot->follower_diff->left, names);
          name_people (snapshot->follower_diff->joined, names);
          name_people (snapshot->follower_diff->still_followed, names);
        }
    }
  g_clear_pointer (&dataset->names, rapport_people_free);
  dataset->names = g_steal_pointer (&names);
  return TRUE;
}
