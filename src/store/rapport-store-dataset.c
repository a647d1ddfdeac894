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

/* The stored size of a list only reserves room for it: a crafted one must not reserve more
 * than this, the list grows past it as it is read. */
#define MAX_RESERVE (1 << 20)

/*
 * The database may have been written by an older version or by someone else: rows with values
 * out of range (rapport-records.h) are dropped here, so the analysis only sees values in range.
 * A snapshot, post, follower count or interaction with a time or a count out of range is left
 * out; a follow date out of range is read as unknown (0), since the account is still in the
 * list and the store counts the mutuals of the lists as they are stored.
 */

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

/* The counts of one list from three columns from @first on, each within the list's size. */
static void
read_list_counts (sqlite3_stmt      *stmt,
                  int                first,
                  guint64            n_listed,
                  RapportListCounts *counts)
{
  counts->n_listed = n_listed;
  counts->n_dated = CLAMP (sqlite3_column_int64 (stmt, first), 0, (gint64) n_listed);
  counts->n_with_id = CLAMP (sqlite3_column_int64 (stmt, first + 1), 0, (gint64) n_listed);
  counts->n_named = CLAMP (sqlite3_column_int64 (stmt, first + 2), 0,
                           (gint64) counts->n_with_id);
}

static RapportPeople *
load_people (RapportStore  *self,
             gint64         account_id,
             gint64         snapshot_id,
             RapportDirection direction,
             gint64         expected,
             GError       **error)
{
  g_autoptr(RapportPeople) people = rapport_people_new (expected);
  RapportSpanReader reader;
  sqlite3_stmt *spans[2];
  sqlite3_stmt *row;

  /* The open spans and the ended ones that hold the list, each in the order of who, read side
   * by side so that the list is sorted as read. */
  spans[0] = rapport_store_prepare (self,
    "SELECT who, handle, platform_id, CASE WHEN since BETWEEN ?4 AND ?5 THEN since ELSE 0 END"
    "  FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = ?2 AND first_snapshot <= ?3 ORDER BY who", error);
  if (spans[0] == NULL)
    return NULL;
  spans[1] = rapport_store_prepare (self,
    "SELECT who, handle, platform_id, CASE WHEN since BETWEEN ?4 AND ?5 THEN since ELSE 0 END"
    "  FROM follow_span_closed"
    " WHERE account_id = ?1 AND direction = ?2 AND first_snapshot <= ?3"
    "   AND last_snapshot >= ?3 ORDER BY who", error);
  if (spans[1] == NULL)
    return NULL;
  for (int i = 0; i < 2; i++)
    {
      sqlite3_bind_int64 (spans[i], 1, account_id);
      sqlite3_bind_int (spans[i], 2, direction);
      sqlite3_bind_int64 (spans[i], 3, snapshot_id);
      sqlite3_bind_int64 (spans[i], 4, RAPPORT_TIME_MIN);
      sqlite3_bind_int64 (spans[i], 5, rapport_time_max ());
    }

  rapport_span_reader_start (&reader, spans[0], spans[1], 0);
  while ((row = rapport_span_reader_next (&reader)) != NULL)
    rapport_people_add (people,
                        (const char *) sqlite3_column_text (row, 0),
                        (const char *) sqlite3_column_text (row, 1),
                        (const char *) sqlite3_column_text (row, 2),
                        sqlite3_column_int64 (row, 3));
  if (!finish_rows (self, rapport_span_reader_finish (&reader) ? SQLITE_DONE : SQLITE_ERROR,
                    error))
    return NULL;
  return g_steal_pointer (&people);
}

/* The follow days the store kept of @snapshot's follower list (follow_dates). */
static gboolean
load_follow_days (RapportStore            *self,
                  RapportDatasetSnapshot  *snapshot,
                  GError                 **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT day, n FROM follow_dates WHERE snapshot_id = ?1 ORDER BY day", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  snapshot->follow_days = g_array_new (FALSE, FALSE, sizeof (RapportFollowDay));
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportFollowDay day = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (rapport_time_is_valid (day.day) && day.n > 0)
        g_array_append_val (snapshot->follow_days, day);
    }
  return finish_rows (self, status, error);
}

typedef enum
{
  LOAD_SUMMARY,    /* no list, only what the store counted of them: the summary */
  LOAD_NEWEST,     /* the newest lists and the churn steps: the details */
  LOAD_EVERY_LIST, /* every export's lists whole */
} LoadMode;

/* The export whose following list tells whom the creator still follows in the step from
 * @older to @newer: the newer one's, else the older one's (as rapport_churn_compute()). */
static gint64
step_following_id (const RapportDatasetSnapshot *older,
                   const RapportDatasetSnapshot *newer)
{
  return newer->has_following ? newer->id : older->has_following ? older->id : 0;
}

/* The follower lists of LOAD_NEWEST: the newest list is read with what differs from the one
 * before it, so the newest step names who came and went; an older step is read as what
 * differs only where no counts of it are kept, which after the import that made it is never. */
static gboolean
load_follower_steps (RapportStore    *self,
                     RapportDataset  *dataset,
                     int              newest,
                     GError         **error)
{
  RapportDatasetSnapshot *previous = NULL;
  RapportDatasetSnapshot *newest_snapshot;

  if (!rapport_store_load_churn_counts (self, dataset, error))
    return FALSE;

  for (int i = 0; i <= newest; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      gint64 following_id;
      gboolean counted;

      if (!snapshot->has_followers)
        continue;
      if (previous == NULL)
        {
          previous = snapshot;
          continue;
        }

      counted = snapshot->churn_counts != NULL &&
                snapshot->churn_counts->older_id == previous->id;
      following_id = step_following_id (previous, snapshot);
      if (i == newest)
        {
          g_autoptr(RapportPeople) list = NULL;

          list = rapport_people_new (MIN (snapshot->n_followers, MAX_RESERVE));
          snapshot->follower_diff = rapport_store_load_follower_diff (self, dataset->account_id,
                                                                      previous->id, snapshot->id,
                                                                      following_id, list, error);
          if (snapshot->follower_diff == NULL)
            return FALSE;
          snapshot->followers = g_steal_pointer (&list);
        }
      else if (!counted &&
               !(snapshot->follower_diff =
                   rapport_store_load_follower_diff (self, dataset->account_id, previous->id,
                                                     snapshot->id, following_id, NULL, error)))
        return FALSE;
      previous = snapshot;
    }

  /* The only follower list has no step into it. */
  newest_snapshot = g_ptr_array_index (dataset->snapshots, newest);
  if (newest_snapshot->followers == NULL &&
      !(newest_snapshot->followers = load_people (self, dataset->account_id, newest_snapshot->id,
                                                  RAPPORT_DIRECTION_FOLLOWER,
                                                  MIN (newest_snapshot->n_followers,
                                                         MAX_RESERVE), error)))
    return FALSE;
  return TRUE;
}

static gboolean
load_snapshots (RapportStore    *self,
                RapportDataset  *dataset,
                LoadMode         mode,
                guint           *n_dropped,
                GError         **error)
{
  /* List sizes per snapshot, -1 where the export had no such list or it is not read. */
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  int newest[3] = { -1, -1, -1 };
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT id, exported_at, date_source, source_name, has_followers, has_following,"
    "       n_followers, n_following, n_posts + n_reels + n_stories + n_reposts,"
    "       n_follower_days, n_followers_dated, n_followers_with_id, n_followers_named,"
    "       n_following_dated, n_following_with_id, n_following_named"
    "  FROM snapshot WHERE account_id = ?1 ORDER BY exported_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);

  /* Collect first: loading the lists reuses prepared statements. */
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportDatasetSnapshot *snapshot;
      const char *date_source = (const char *) sqlite3_column_text (stmt, 2);
      gint64 exported_at = sqlite3_column_int64 (stmt, 1);
      gint64 list_sizes[2];

      /* 0 is an export of unknown date. */
      if (exported_at != 0 && !rapport_time_is_valid (exported_at))
        {
          (*n_dropped)++;
          continue;
        }
      snapshot = rapport_dataset_snapshot_new ();
      snapshot->id = sqlite3_column_int64 (stmt, 0);
      snapshot->exported_at = exported_at;
      snapshot->date_source = rapport_date_source_from_string (date_source);
      snapshot->source_name = column_dup (stmt, 3);
      snapshot->n_posts = MAX (sqlite3_column_int64 (stmt, 8), 0);
      snapshot->n_follower_days = MAX (sqlite3_column_int64 (stmt, 9), 0);
      snapshot->has_followers = sqlite3_column_int (stmt, 4) != 0;
      snapshot->has_following = sqlite3_column_int (stmt, 5) != 0;
      snapshot->n_followers = MAX (sqlite3_column_int64 (stmt, 6), 0);
      snapshot->n_following = MAX (sqlite3_column_int64 (stmt, 7), 0);
      read_list_counts (stmt, 10, snapshot->n_followers,
                        &snapshot->list_counts[RAPPORT_DIRECTION_FOLLOWER]);
      read_list_counts (stmt, 13, snapshot->n_following,
                        &snapshot->list_counts[RAPPORT_DIRECTION_FOLLOWING]);
      list_sizes[0] = sqlite3_column_int (stmt, 4)
                      ? CLAMP (sqlite3_column_int64 (stmt, 6), 0, MAX_RESERVE) : -1;
      list_sizes[1] = sqlite3_column_int (stmt, 5)
                      ? CLAMP (sqlite3_column_int64 (stmt, 7), 0, MAX_RESERVE) : -1;
      g_ptr_array_add (dataset->snapshots, snapshot);
      g_array_append_vals (sizes, list_sizes, 2);
    }
  if (!finish_rows (self, status, error))
    return FALSE;

  /* Only the lists the figures read whole are read: the newest of each direction, and the
   * newest pair of one export, which reciprocity compares; none for a summary.  The others are
   * known by their size, what the store counted of them, their follow days and the steps
   * between them, so a history of fifty exports costs little more than one. */
  for (guint i = 0; i < dataset->snapshots->len && mode != LOAD_EVERY_LIST; i++)
    {
      gboolean followers = g_array_index (sizes, gint64, 2 * i) >= 0;
      gboolean following = g_array_index (sizes, gint64, 2 * i + 1) >= 0;

      if (followers)
        newest[0] = i;
      if (following)
        newest[1] = i;
      if (followers && following)
        newest[2] = i;
    }
  for (guint i = 0; i < dataset->snapshots->len && mode != LOAD_EVERY_LIST; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      gint64 *size = &g_array_index (sizes, gint64, 2 * i);
      gboolean newest_followers = (int) i == newest[0] || (int) i == newest[2];
      gboolean newest_following = (int) i == newest[1] || (int) i == newest[2];
      gboolean is_newest = newest_followers || newest_following;

      /* The newest follower list comes with the newest step (load_follower_steps()). */
      if (mode == LOAD_NEWEST && (int) i == newest[0])
        size[0] = -1;
      if (mode != LOAD_SUMMARY && is_newest)
        continue;
      if (snapshot->has_followers && !load_follow_days (self, snapshot, error))
        return FALSE;
      /* A summary believes no size out of range, which a database written by someone else may
       * hold: the newest list it would stand for is read, as the details read it. */
      if (!newest_followers || rapport_count_is_valid (snapshot->n_followers))
        size[0] = -1;
      if (!newest_following || rapport_count_is_valid (snapshot->n_following))
        size[1] = -1;
    }
  if (mode == LOAD_NEWEST && newest[0] >= 0 && !load_follower_steps (self, dataset, newest[0],
                                                                      error))
    return FALSE;

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      gint64 n_followers = g_array_index (sizes, gint64, 2 * i);
      gint64 n_following = g_array_index (sizes, gint64, 2 * i + 1);

      if (n_followers >= 0 &&
          !(snapshot->followers = load_people (self, dataset->account_id, snapshot->id,
                                               RAPPORT_DIRECTION_FOLLOWER,
                                               n_followers, error)))
        return FALSE;
      if (n_following >= 0 &&
          !(snapshot->following = load_people (self, dataset->account_id, snapshot->id,
                                               RAPPORT_DIRECTION_FOLLOWING,
                                               n_following, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_counts (RapportStore    *self,
             RapportDataset  *dataset,
             guint           *n_dropped,
             GError         **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT at, count, source FROM follower_count WHERE account_id = ?1 ORDER BY at, source",
    error);
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

      if (!rapport_time_is_valid (count.at) || !rapport_count_is_valid (count.count))
        {
          (*n_dropped)++;
          continue;
        }
      count.source = rapport_count_source_from_string (source);
      g_array_append_val (dataset->counts, count);
    }
  return finish_rows (self, status, error);
}

static gboolean
load_gains (RapportStore    *self,
            RapportDataset  *dataset,
            guint           *n_dropped,
            GError         **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self,
    "SELECT day, gained, lost FROM follower_gain WHERE account_id = ?1 ORDER BY day", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportFollowerGain gain = {
        .day = sqlite3_column_int64 (stmt, 0),
        .gained = column_count (stmt, 1),
        .lost = column_count (stmt, 2),
      };

      if (!rapport_time_is_valid (gain.day) || gain.day % RAPPORT_SECONDS_PER_DAY != 0 ||
          (gain.gained != RAPPORT_COUNT_UNKNOWN && !rapport_count_is_valid (gain.gained)) ||
          (gain.lost != RAPPORT_COUNT_UNKNOWN && !rapport_count_is_valid (gain.lost)))
        {
          (*n_dropped)++;
          continue;
        }
      g_array_append_val (dataset->gains, gain);
    }
  return finish_rows (self, status, error);
}

/* Whether every figure of @post is in range or unknown. */
static gboolean
post_counts_in_range (const RapportDatasetPost *post)
{
  const gint64 counts[] = {
    post->likes, post->comments, post->shares, post->saves, post->replies, post->quotes,
    post->views, post->impressions, post->reach, post->engagements, post->follows,
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] != RAPPORT_COUNT_UNKNOWN && !rapport_count_is_valid (counts[i]))
      return FALSE;
  return TRUE;
}

/* The strings of @values as a NULL-terminated array, taken from it; an empty one for NULL. */
static char **
steal_strv (GPtrArray *values)
{
  if (values == NULL)
    return g_new0 (char *, 1);

  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_steal (values, NULL);
}

static gboolean
load_posts (RapportStore    *self,
            RapportDataset  *dataset,
            guint           *n_dropped,
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
    "       replies, quotes, views, impressions, reach, engagements, follows, time_unit"
    "  FROM post WHERE account_id = ?1 ORDER BY created_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportDatasetPost *post = rapport_dataset_post_new ();

      post->id = sqlite3_column_int64 (stmt, 0);
      post->platform_id = column_dup (stmt, 1);
      post->type = rapport_post_type_from_string ((const char *) sqlite3_column_text (stmt, 2));
      post->created_at = sqlite3_column_int64 (stmt, 3);
      post->time_unit = CLAMP (sqlite3_column_int64 (stmt, 17), 1, RAPPORT_SECONDS_PER_DAY);
      post->text = column_dup (stmt, 4);
      post->url = column_dup (stmt, 5);
      if (post->url == NULL && post->platform_id != NULL)
        post->url = rapport_platform_post_url (dataset->platform, dataset->handle,
                                               post->platform_id);
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
      if (!rapport_time_is_valid (post->created_at) || !post_counts_in_range (post))
        {
          rapport_dataset_post_free (post);
          (*n_dropped)++;
          continue;
        }
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

      post->hashtags = steal_strv (g_hash_table_lookup (tags, post));
      post->mentions = steal_strv (g_hash_table_lookup (mentions, post));
    }
  return TRUE;
}

static gboolean
load_interactions (RapportStore    *self,
                   RapportDataset  *dataset,
                   guint           *n_dropped,
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
      RapportDatasetInteraction *interaction;
      gint64 at = sqlite3_column_int64 (stmt, 2);

      /* 0 is a comment or like of unknown date. */
      if (at != 0 && !rapport_time_is_valid (at))
        {
          (*n_dropped)++;
          continue;
        }
      interaction = g_new0 (RapportDatasetInteraction, 1);
      interaction->kind = sqlite3_column_int (stmt, 0);
      interaction->target = column_dup (stmt, 1);
      interaction->at = at;
      g_ptr_array_add (dataset->interactions, interaction);
    }
  return finish_rows (self, status, error);
}

/**
 * rapport_store_begin_read:
 * @self: a store
 * @error: return location for an error
 *
 * Starts a read transaction: until rapport_store_end_read(), every read through @self sees the
 * database as it was at the first one, whatever other connections commit meanwhile.  The reads
 * below open no transaction of their own inside it.
 *
 * Returns: %FALSE with @error set when SQLite refuses
 */
gboolean
rapport_store_begin_read (RapportStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (rapport_store_get_db (self)), FALSE);

  return rapport_store_exec (self, "BEGIN", error);
}

void
rapport_store_end_read (RapportStore *self)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  /* Nothing was written, so there is nothing to lose. */
  if (!sqlite3_get_autocommit (rapport_store_get_db (self)))
    rapport_store_exec (self, "COMMIT", NULL);
}

static RapportDataset *
load_dataset (RapportStore  *self,
              gint64         account_id,
              LoadMode       mode,
              GError       **error)
{
  g_autoptr(RapportDataset) dataset = rapport_dataset_new ();
  sqlite3_stmt *stmt;
  gboolean own_transaction;
  guint n_dropped = 0;

  /* One read transaction, so an import in another process cannot change the picture halfway. */
  own_transaction = sqlite3_get_autocommit (rapport_store_get_db (self));
  if (own_transaction && !rapport_store_begin_read (self, error))
    return NULL;

  stmt = rapport_store_prepare (self,
    "SELECT platform, handle, display_name FROM account WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("There is no account with the id %" PRId64), account_id);
      sqlite3_reset (stmt);
      goto failed;
    }
  dataset->account_id = account_id;
  dataset->platform = rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 0));
  dataset->handle = column_dup (stmt, 1);
  dataset->display_name = column_dup (stmt, 2);
  sqlite3_reset (stmt);

  if (!load_snapshots (self, dataset, mode, &n_dropped, error) ||
      !load_counts (self, dataset, &n_dropped, error) ||
      !load_gains (self, dataset, &n_dropped, error) ||
      !load_posts (self, dataset, &n_dropped, error) ||
      !load_interactions (self, dataset, &n_dropped, error) ||
      !rapport_store_load_kept (self, dataset, error) ||
      (mode != LOAD_SUMMARY && !rapport_store_load_names (self, dataset, error)))
    goto failed;
  if (n_dropped > 0)
    g_debug ("Account %" PRId64 ": %u rows with values out of range left out", account_id,
             n_dropped);

  if (own_transaction)
    rapport_store_end_read (self);
  return g_steal_pointer (&dataset);

failed:
  if (own_transaction)
    rapport_store_exec (self, "ROLLBACK", NULL);
  return NULL;
}

RapportDataset *
rapport_store_load_dataset (RapportStore  *self,
                            gint64         account_id,
                            GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return load_dataset (self, account_id, LOAD_NEWEST, error);
}

RapportDataset *
rapport_store_load_dataset_every_list (RapportStore  *self,
                                       gint64         account_id,
                                       GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return load_dataset (self, account_id, LOAD_EVERY_LIST, error);
}

/**
 * rapport_store_load_dataset_summary:
 * @self: a store
 * @account_id: the account
 * @error: return location for an error
 *
 * The dataset of rapport_store_load_dataset() without any list of people, for the figures that
 * need only what each list held (the follower series from its follow days, the coverage from
 * its counts): each snapshot's lists are %NULL, with has_followers and has_following, their
 * sizes, list_counts and follow_days as stored.
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
RapportDataset *
rapport_store_load_dataset_summary (RapportStore  *self,
                                    gint64         account_id,
                                    GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return load_dataset (self, account_id, LOAD_SUMMARY, error);
}

/**
 * rapport_store_count_mutuals:
 * @self: a store
 * @followers_id: the snapshot whose follower list to read
 * @following_id: the snapshot whose following list to read
 * @n_mutuals_out: (out): the number of accounts in both lists
 * @error: return location for an error
 *
 * Counts the accounts that are in both lists, by their 'who', without reading either list.
 *
 * Returns: %FALSE with @error set when reading fails
 */
gboolean
rapport_store_count_mutuals (RapportStore  *self,
                             gint64         followers_id,
                             gint64         following_id,
                             guint64       *n_mutuals_out,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 sizes[2] = { 0, 0 };
  gint64 account_id = 0;
  gint64 outer_snapshot;
  gint64 inner_snapshot;
  RapportDirection outer_direction;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_mutuals_out != NULL, FALSE);

  stmt = rapport_store_prepare (self,
    "SELECT (SELECT n_followers FROM snapshot WHERE id = ?1),"
    "       (SELECT n_following FROM snapshot WHERE id = ?2),"
    "       (SELECT account_id FROM snapshot WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followers_id);
  sqlite3_bind_int64 (stmt, 2, following_id);
  if ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sizes[0] = sqlite3_column_int64 (stmt, 0);
      sizes[1] = sqlite3_column_int64 (stmt, 1);
      account_id = sqlite3_column_int64 (stmt, 2);
      status = sqlite3_step (stmt);
    }
  if (!finish_rows (self, status, error))
    return FALSE;

  /* The shorter list is walked and each of its accounts looked up in the other's primary key:
   * a following list of thousands against a million followers takes milliseconds. */
  outer_direction = sizes[0] <= sizes[1] ? RAPPORT_DIRECTION_FOLLOWER
                                          : RAPPORT_DIRECTION_FOLLOWING;
  outer_snapshot = outer_direction == RAPPORT_DIRECTION_FOLLOWER ? followers_id : following_id;
  inner_snapshot = outer_direction == RAPPORT_DIRECTION_FOLLOWER ? following_id : followers_id;

  /* A list holds a who once, so at most one span of the inner list matches. */
  stmt = rapport_store_prepare (self,
    "SELECT count(*) FROM ("
    RAPPORT_STORE_SELECT_LIST ("who", "account_id = ?5 AND direction = ?2", "?1") ") AS a"
    " WHERE EXISTS ("
    RAPPORT_STORE_LOOKUP_LIST ("1", "account_id = ?5 AND direction = ?4", "a.who", "?3") ")",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outer_snapshot);
  sqlite3_bind_int (stmt, 2, outer_direction);
  sqlite3_bind_int64 (stmt, 3, inner_snapshot);
  sqlite3_bind_int (stmt, 4, outer_direction == RAPPORT_DIRECTION_FOLLOWER
                               ? RAPPORT_DIRECTION_FOLLOWING : RAPPORT_DIRECTION_FOLLOWER);
  sqlite3_bind_int64 (stmt, 5, account_id);
  if ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n_mutuals_out = (guint64) sqlite3_column_int64 (stmt, 0);
      status = sqlite3_step (stmt);
    }
  return finish_rows (self, status, error);
}
