/* rapport-store-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads one account into a RapportDataset for the analysis.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static gint64
column_count (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? RAPPORT_COUNT_UNKNOWN
                                                           : sqlite3_column_int64 (stmt, column);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
finish_rows (RapportStore  *self,
             int            status,
             GError       **error)
{
  if (status == SQLITE_DONE)
    return TRUE;
  rapport_store_set_sqlite_error (self, error, _("reading the database"));
  return FALSE;
}

static RapportPeople *
load_people (RapportStore  *self,
             gint64         snapshot_id,
             RapportDirection direction,
             gint64         expected,
             GError       **error)
{
  g_autoptr(RapportPeople) people = rapport_people_new (expected);
  sqlite3_stmt *stmt;
  int status;

  /* Rows come in primary-key order, which is byte order of 'who': the list is sorted as read. */
  stmt = rapport_store_prepare (self,
    "SELECT who, handle, platform_id, since FROM relation"
    " WHERE snapshot_id = ?1 AND direction = ?2 ORDER BY who", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  sqlite3_bind_int (stmt, 2, direction);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_people_add (people,
                        (const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        sqlite3_column_int64 (stmt, 3));
  if (!finish_rows (self, status, error))
    return NULL;
  return g_steal_pointer (&people);
}

static gboolean
load_snapshots (RapportStore    *self,
                RapportDataset  *dataset,
                GError         **error)
{
  /* List sizes per snapshot, -1 where the export had no such list. */
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT id, exported_at, date_source, source_name, has_followers, has_following,"
    "       n_followers, n_following"
    "  FROM snapshot WHERE account_id = ?1 ORDER BY exported_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);

  /* Collect first: loading the lists reuses prepared statements. */
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();
      const char *date_source = (const char *) sqlite3_column_text (stmt, 2);
      gint64 list_sizes[2];

      snapshot->id = sqlite3_column_int64 (stmt, 0);
      snapshot->exported_at = sqlite3_column_int64 (stmt, 1);
      for (RapportDateSource s = RAPPORT_DATE_SOURCE_UNKNOWN; s <= RAPPORT_DATE_SOURCE_FILE_TIME; s++)
        if (g_strcmp0 (date_source, rapport_date_source_to_string (s)) == 0)
          snapshot->date_source = s;
      snapshot->source_name = column_dup (stmt, 3);
      list_sizes[0] = sqlite3_column_int (stmt, 4) ? sqlite3_column_int64 (stmt, 6) : -1;
      list_sizes[1] = sqlite3_column_int (stmt, 5) ? sqlite3_column_int64 (stmt, 7) : -1;
      g_ptr_array_add (dataset->snapshots, snapshot);
      g_array_append_vals (sizes, list_sizes, 2);
    }
  if (!finish_rows (self, status, error))
    return FALSE;

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      gint64 n_followers = g_array_index (sizes, gint64, 2 * i);
      gint64 n_following = g_array_index (sizes, gint64, 2 * i + 1);

      if (n_followers >= 0 &&
          !(snapshot->followers = load_people (self, snapshot->id, RAPPORT_DIRECTION_FOLLOWER,
                                               n_followers, error)))
        return FALSE;
      if (n_following >= 0 &&
          !(snapshot->following = load_people (self, snapshot->id, RAPPORT_DIRECTION_FOLLOWING,
                                               n_following, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_counts (RapportStore    *self,
             RapportDataset  *dataset,
             GError         **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT at, count, source FROM follower_count WHERE account_id = ?1 ORDER BY at, source", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportFollowerCount count = {
        .at = sqlite3_column_int64 (stmt, 0),
        .count = sqlite3_column_int64 (stmt, 1),
        .source = RAPPORT_COUNT_SOURCE_SNAPSHOT,
      };
      const char *source = (const char *) sqlite3_column_text (stmt, 2);

      for (RapportCountSource s = RAPPORT_COUNT_SOURCE_SNAPSHOT; s <= RAPPORT_COUNT_SOURCE_RECONSTRUCTION; s++)
        if (g_strcmp0 (source, rapport_count_source_to_string (s)) == 0)
          count.source = s;
      g_array_append_val (dataset->counts, count);
    }
  return finish_rows (self, status, error);
}

static RapportPostType
post_type_from_string (const char *text)
{
  for (RapportPostType t = RAPPORT_POST_PHOTO; t <= RAPPORT_POST_STORY; t++)
    if (g_strcmp0 (text, rapport_post_type_to_string (t)) == 0)
      return t;
  return RAPPORT_POST_TEXT;
}

static gboolean
load_posts (RapportStore    *self,
            RapportDataset  *dataset,
            GError         **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) mentions = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT id, platform_post_id, type, created_at, text, url, likes, comments, shares, saves,"
    "       replies, quotes, views, impressions, reach, engagements, follows"
    "  FROM post WHERE account_id = ?1 ORDER BY created_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportDatasetPost *post = rapport_dataset_post_new ();

      post->id = sqlite3_column_int64 (stmt, 0);
      post->platform_id = column_dup (stmt, 1);
      post->type = post_type_from_string ((const char *) sqlite3_column_text (stmt, 2));
      post->created_at = sqlite3_column_int64 (stmt, 3);
      post->text = column_dup (stmt, 4);
      post->url = column_dup (stmt, 5);
      post->likes = column_count (stmt, 6);
      post->comments = column_count (stmt, 7);
      post->shares = column_count (stmt, 8);
      post->saves = column_count (stmt, 9);
      post->replies = column_count (stmt, 10);
      post->quotes = column_count (stmt, 11);
      post->views = column_count (stmt, 12);
      post->impressions = column_count (stmt, 13);
      post->reach = column_count (stmt, 14);
      post->engagements = column_count (stmt, 15);
      post->follows = column_count (stmt, 16);
      g_ptr_array_add (dataset->posts, post);
      g_hash_table_insert (by_id, &post->id, post);
    }
  if (!finish_rows (self, status, error))
    return FALSE;

  stmt = rapport_store_prepare (self,
    "SELECT t.post_id, t.kind, t.value FROM post_tag t JOIN post p ON p.id = t.post_id"
    " WHERE p.account_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 post_id = sqlite3_column_int64 (stmt, 0);
      RapportDatasetPost *post = g_hash_table_lookup (by_id, &post_id);
      GHashTable *table = sqlite3_column_int (stmt, 1) == 0 ? tags : mentions;
      GPtrArray *values;

      if (post == NULL)
        continue;
      if (!(values = g_hash_table_lookup (table, post)))
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (table, post, values);
        }
      g_ptr_array_add (values, column_dup (stmt, 2));
    }
  if (!finish_rows (self, status, error))
    return FALSE;

  for (guint i = 0; i < dataset->posts->len; i++)
    {
      RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);
      GPtrArray *values;

      values = g_hash_table_lookup (tags, post);
      post->hashtags = values ? (g_ptr_array_add (values, NULL), (char **) g_ptr_array_steal (values, NULL))
                              : g_new0 (char *, 1);
      values = g_hash_table_lookup (mentions, post);
      post->mentions = values ? (g_ptr_array_add (values, NULL), (char **) g_ptr_array_steal (values, NULL))
                              : g_new0 (char *, 1);
    }
  return TRUE;
}

static gboolean
load_interactions (RapportStore    *self,
                   RapportDataset  *dataset,
                   GError         **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT kind, lower (target), at FROM interaction WHERE account_id = ?1 ORDER BY at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportDatasetInteraction *interaction = g_new0 (RapportDatasetInteraction, 1);

      interaction->kind = sqlite3_column_int (stmt, 0);
      interaction->target = column_dup (stmt, 1);
      interaction->at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (dataset->interactions, interaction);
    }
  return finish_rows (self, status, error);
}

RapportDataset *
rapport_store_load_dataset (RapportStore  *self,
                            gint64         account_id,
                            GError       **error)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT platform, handle, display_name FROM account WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("There is no account with the id %" PRId64), account_id);
      sqlite3_reset (stmt);
      return NULL;
    }
  dataset->account_id = account_id;
  dataset->platform = rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 0));
  dataset->handle = column_dup (stmt, 1);
  dataset->display_name = column_dup (stmt, 2);
  sqlite3_reset (stmt);

  /* One read transaction, so an import in another process cannot change the picture halfway. */
  if (!rapport_store_exec (self, "BEGIN", error))
    return NULL;
  if (!load_snapshots (self, dataset, error) ||
      !load_counts (self, dataset, error) ||
      !load_posts (self, dataset, error) ||
      !load_interactions (self, dataset, error))
    {
      rapport_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  rapport_store_exec (self, "COMMIT", NULL);

  return g_steal_pointer (&dataset);
}
