/* rapport-store-churn.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps between consecutive follower lists: what differs between two lists, read from the
 * follow spans, and the counts of each step kept in churn_step.  An import that adds the newest
 * list notes what its walk found different and has it counted (by a function of the caller's:
 * the store counts nothing itself) in its own transaction; a step without kept counts (an
 * export imported between two others, a merge, an older database) is read as what differs.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* Whether a span from @first to @last (0 while open) holds the list of export @id. */
static inline gboolean
span_covers (gint64 first,
             gint64 last,
             gint64 id)
{
  return first <= id && (last == 0 || last >= id);
}

/* find_still_followed() for a following list not much longer than the left accounts: the list
 * is read in the order of who beside them, where a lookup each took twice as long. */
static gboolean
merge_still_followed (RapportStore         *store,
                      gint64                account_id,
                      RapportFollowerDiff  *diff,
                      GError              **error)
{
  sqlite3_stmt *stmt;
  gsize i = 0;
  int status = SQLITE_DONE;

  stmt = rapport_store_prepare (store,
    RAPPORT_STORE_SELECT_LIST ("who, since", "account_id = ?1 AND direction = 1", "?2")
    " ORDER BY who", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, diff->following_id);
  while (i < diff->left->len && (status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *who = (const char *) sqlite3_column_text (stmt, 0);
      int order = -1;

      while (i < diff->left->len && (order = strcmp (diff->left->items[i].who, who)) < 0)
        i++;
      if (order == 0)
        {
          const RapportPerson *person = &diff->left->items[i++];

          rapport_people_add (diff->still_followed, person->who, person->handle,
                              person->platform_id, sqlite3_column_int64 (stmt, 1));
        }
    }
  sqlite3_reset (stmt);
  if (i < diff->left->len && status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (store, error, _("reading the database"));
      return FALSE;
    }
  return TRUE;
}

/* Looks up which of @diff's left accounts the following list of its following_id holds, each
 * with the day the creator followed them (not the day they had followed the creator).  Both
 * are in the order of who. */
static gboolean
find_still_followed (RapportStore         *store,
                     gint64                account_id,
                     RapportFollowerDiff  *diff,
                     GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 n_following = G_MAXINT64;

  stmt = rapport_store_prepare (store, "SELECT n_following FROM snapshot WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, diff->following_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_following = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  /* A lookup costs about as much as reading four rows. */
  if (n_following / 4 <= (gint64) diff->left->len)
    return merge_still_followed (store, account_id, diff, error);

  stmt = rapport_store_prepare (store,
    RAPPORT_STORE_LOOKUP_LIST ("since", "account_id = ?1 AND direction = 1", "?2", "?3")
    " LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 3, diff->following_id);
  for (gsize i = 0; i < diff->left->len; i++)
    {
      const RapportPerson *person = &diff->left->items[i];
      int status;

      sqlite3_bind_text (stmt, 2, person->who, -1, SQLITE_STATIC);
      status = sqlite3_step (stmt);
      if (status == SQLITE_ROW)
        rapport_people_add (diff->still_followed, person->who, person->handle,
                            person->platform_id, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (status != SQLITE_ROW && status != SQLITE_DONE)
        {
          sqlite3_clear_bindings (stmt);
          rapport_store_set_sqlite_error (store, error, _("reading the database"));
          return FALSE;
        }
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

typedef struct
{
  RapportFollowerDiff *diff;
  RapportPeople       *newer_list;
  gint64               older_id;
  gint64               newer_id;
  gint64               time_max;
} DiffPass;

/* Sorts the span of the row of @stmt (first_snapshot, last_snapshot or 0, who, handle,
 * platform_id, since) into the pass's lists. */
static void
add_span (DiffPass     *pass,
          sqlite3_stmt *stmt)
{
  gint64 first = sqlite3_column_int64 (stmt, 0);
  gint64 last = sqlite3_column_int64 (stmt, 1);
  gboolean in_newer = span_covers (first, last, pass->newer_id);
  gboolean in_older = span_covers (first, last, pass->older_id);
  const char *who, *handle, *platform_id;
  gint64 since;

  if (!in_newer && !in_older)
    return;
  who = (const char *) sqlite3_column_text (stmt, 2);
  handle = (const char *) sqlite3_column_text (stmt, 3);
  platform_id = (const char *) sqlite3_column_text (stmt, 4);
  since = sqlite3_column_int64 (stmt, 5);
  if (since < RAPPORT_TIME_MIN || since > pass->time_max)
    since = 0;

  if (in_newer && pass->newer_list != NULL)
    rapport_people_add (pass->newer_list, who, handle, platform_id, since);
  if (in_newer && !in_older)
    rapport_people_add (pass->diff->joined, who, handle, platform_id, since);
  else if (in_older && !in_newer)
    rapport_people_add (pass->diff->left, who, handle, platform_id, since);
}

/*
 * What differs between the follower lists of exports @older_id and @newer_id (any two
 * exports of the account, in either order of import), read from the spans that hold one and
 * not the other, with, for those in the older list only, whether the following list of
 * @following_id holds them.  With @newer_list, the newer export's whole list is read in the
 * same pass (its spans are most of what is read either way) into @newer_list.  Which list a
 * span holds is decided here rather than in SQL: expressions per row doubled the pass.
 *
 * A span that ended before the older export holds neither list; ended spans are kept by their
 * last export, so those are never read.
 */
RapportFollowerDiff *
rapport_store_load_follower_diff (RapportStore   *self,
                                  gint64          account_id,
                                  gint64          older_id,
                                  gint64          newer_id,
                                  gint64          following_id,
                                  RapportPeople  *newer_list,
                                  GError        **error)
{
  g_autoptr(RapportFollowerDiff) diff = rapport_follower_diff_new (older_id);
  DiffPass pass = { diff, newer_list, older_id, newer_id, rapport_time_max () };
  RapportPeople *lists[] = { newer_list, diff->joined, diff->left };
  gsize from_ended[G_N_ELEMENTS (lists)];
  sqlite3_stmt *spans[2];
  int status = SQLITE_DONE;

  /* The spans that ended, then the open ones, each in the order of who.  The ended ones are
   * few and, in the step into the newest list, add to none of the lists the open ones add to:
   * a list both add to (an export imported before an older one) is sorted again, rather than
   * comparing the two at each of a million rows. */
  spans[0] = rapport_store_prepare (self,
    "SELECT first_snapshot, last_snapshot, who, handle, platform_id, since"
    "  FROM follow_span_closed"
    " WHERE account_id = ?1 AND direction = 0 AND last_snapshot >= ?2 ORDER BY who", error);
  if (spans[0] == NULL)
    return NULL;
  spans[1] = rapport_store_prepare (self,
    "SELECT first_snapshot, 0, who, handle, platform_id, since FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = 0 ORDER BY who", error);
  if (spans[1] == NULL)
    return NULL;
  sqlite3_bind_int64 (spans[0], 2, MIN (older_id, newer_id));

  for (guint part = 0; part < 2 && status == SQLITE_DONE; part++)
    {
      sqlite3_bind_int64 (spans[part], 1, account_id);
      while ((status = sqlite3_step (spans[part])) == SQLITE_ROW)
        add_span (&pass, spans[part]);
      sqlite3_reset (spans[part]);
      for (guint i = 0; part == 0 && i < G_N_ELEMENTS (lists); i++)
        from_ended[i] = lists[i] != NULL ? lists[i]->len : 0;
    }
  sqlite3_clear_bindings (spans[0]);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i] != NULL && from_ended[i] > 0 && lists[i]->len > from_ended[i])
      rapport_people_sort (lists[i]);

  diff->following_id = following_id;
  if (following_id != 0 && !find_still_followed (self, account_id, diff, error))
    return NULL;
  return g_steal_pointer (&diff);
}

/* The counts kept of the steps into the account's exports (churn_step), each on the newer
 * export's snapshot. */
gboolean
rapport_store_load_churn_counts (RapportStore    *self,
                                 RapportDataset  *dataset,
                                 GError         **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int status;

  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      g_hash_table_insert (by_id, &snapshot->id, snapshot);
    }

  stmt = rapport_store_prepare (self,
    "SELECT c.newer_snapshot, c.older_snapshot, c.n_gained, c.n_lost, c.n_renamed,"
    "       c.n_refollowed, c.n_dropped, c.following_snapshot"
    "  FROM churn_step AS c JOIN snapshot AS s ON s.id = c.newer_snapshot"
    " WHERE s.account_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dataset->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 newer_id = sqlite3_column_int64 (stmt, 0);
      RapportDatasetSnapshot *snapshot = g_hash_table_lookup (by_id, &newer_id);
      RapportChurnCounts counts = {
        .older_id = sqlite3_column_int64 (stmt, 1),
        .newer_id = newer_id,
        .n_gained = MAX (sqlite3_column_int64 (stmt, 2), 0),
        .n_lost = MAX (sqlite3_column_int64 (stmt, 3), 0),
        .n_renamed = MAX (sqlite3_column_int64 (stmt, 4), 0),
        .n_refollowed = MAX (sqlite3_column_int64 (stmt, 5), 0),
        .n_dropped_after_follow_back = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                                       ? -1 : MAX (sqlite3_column_int64 (stmt, 6), 0),
        .following_id = sqlite3_column_int64 (stmt, 7),
      };

      if (snapshot != NULL)
        snapshot->churn_counts = g_memdup2 (&counts, sizeof counts);
    }
  if (status == SQLITE_DONE)
    return TRUE;
  rapport_store_set_sqlite_error (self, error, _("reading the database"));
  return FALSE;
}

/* What the walk found different from the follower list the open spans held, that of the
 * newest export with a follower list so far, for counting the step between the two. */
gboolean
rapport_store_import_note_follower_diff (RapportStoreImport  *self,
                                         GError             **error)
{
  g_autoptr(RapportFollowerDiff) diff = NULL;
  sqlite3_stmt *stmt;
  int status;

  if (self->churn_func == NULL)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "SELECT max (id) FROM snapshot WHERE account_id = ?1 AND has_followers AND id < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  if ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    diff = rapport_follower_diff_new (sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }

  stmt = rapport_store_prepare (self->store,
    "SELECT who, handle, platform_id, CASE WHEN since BETWEEN ?1 AND ?2 THEN since ELSE 0 END,"
    "       opens"
    "  FROM temp.span_change ORDER BY who, opens", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, RAPPORT_TIME_MIN);
  sqlite3_bind_int64 (stmt, 2, rapport_time_max ());
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_people_add (sqlite3_column_int (stmt, 4) ? diff->joined : diff->left,
                        (const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        sqlite3_column_int64 (stmt, 3));
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }
  self->follower_diff = g_steal_pointer (&diff);
  return TRUE;
}

gboolean
rapport_store_write_churn_counts (RapportStore              *store,
                                  const RapportChurnCounts  *counts,
                                  GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store,
    "INSERT OR REPLACE INTO churn_step (newer_snapshot, older_snapshot, n_gained, n_lost,"
    "                                   n_renamed, n_refollowed, n_dropped, following_snapshot)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, counts->newer_id);
  sqlite3_bind_int64 (stmt, 2, counts->older_id);
  sqlite3_bind_int64 (stmt, 3, counts->n_gained);
  sqlite3_bind_int64 (stmt, 4, counts->n_lost);
  sqlite3_bind_int64 (stmt, 5, counts->n_renamed);
  sqlite3_bind_int64 (stmt, 6, counts->n_refollowed);
  if (counts->n_dropped_after_follow_back >= 0)
    sqlite3_bind_int64 (stmt, 7, counts->n_dropped_after_follow_back);
  else
    sqlite3_bind_null (stmt, 7);
  if (counts->following_id != 0)
    sqlite3_bind_int64 (stmt, 8, counts->following_id);
  else
    sqlite3_bind_null (stmt, 8);
  return rapport_store_step_done (store, stmt, N_("saving the changes of followers"), error);
}

typedef struct
{
  gint64 id;
  gboolean has_following;
  gint64 counted_from; /* the older export of the step kept for this one, or 0 */
} ListExport;

/* Counts every step between consecutive follower lists of the account that has no kept counts:
 * the one into this import's list, from what its walk found different where that walk
 * compared with the previous list, and any other (an export imported between two others, an
 * older database) from what the spans say differs.  The following list that says whom the
 * creator still follows is the newer export's, else the older one's. */
gboolean
rapport_store_import_count_churn (RapportStoreImport  *self,
                                  GError             **error)
{
  g_autoptr(GArray) exports = g_array_new (FALSE, FALSE, sizeof (ListExport));
  sqlite3_stmt *stmt;
  int status;

  if (self->churn_func == NULL || !self->has_followers)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "SELECT s.id, s.has_following, c.older_snapshot"
    "  FROM snapshot AS s LEFT JOIN churn_step AS c ON c.newer_snapshot = s.id"
    " WHERE s.account_id = ?1 AND s.has_followers ORDER BY s.exported_at, s.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListExport list = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 1) != 0,
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (exports, list);
    }
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }

  for (guint i = 1; i < exports->len; i++)
    {
      const ListExport *older = &g_array_index (exports, ListExport, i - 1);
      const ListExport *newer = &g_array_index (exports, ListExport, i);
      g_autoptr(RapportFollowerDiff) read = NULL;
      RapportFollowerDiff *diff;
      RapportChurnCounts counts = { 0 };
      gint64 following_id = newer->has_following ? newer->id
                          : older->has_following ? older->id : 0;

      if (newer->counted_from == older->id)
        continue;
      if (newer->id == self->snapshot_id && self->follower_diff != NULL &&
          self->follower_diff->older_id == older->id)
        {
          diff = self->follower_diff;
          diff->following_id = following_id;
          if (following_id != 0 &&
              !find_still_followed (self->store, self->account_id, diff, error))
            return FALSE;
        }
      else if (!(diff = read = rapport_store_load_follower_diff (self->store, self->account_id,
                                                                 older->id, newer->id,
                                                                 following_id, NULL, error)))
        return FALSE;

      self->churn_func (diff, &counts, self->churn_data);
      counts.older_id = older->id;
      counts.newer_id = newer->id;
      counts.following_id = following_id;
      if (!rapport_store_write_churn_counts (self->store, &counts, error))
        return FALSE;
    }
  return TRUE;
}
