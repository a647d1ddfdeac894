/* rapport-store-import-relations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follow lists of an import: held in memory in runs of up to RUN_ROWS rows, each sorted
 * and written through the rapport_pending_relations table-valued function when it is full and
 * at the commit.  The first list of a direction goes straight into follow_span_open;
 * a later one is staged in a temporary table and, at the commit, walked side by side with the
 * open spans: only the accounts that came, left or changed are written (see
 * rapport-store-private.h).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-sorted.h"
#include "core/rapport-text.h"

#include "rapport-store-private.h"

/* Relations wait in memory and reach SQLite sorted: exports list followers by follow date, so
 * their names arrive in random order, and a million random inserts into the relation table's
 * B-tree took twice as long as the rest of the import.  A run holds at most this many rows,
 * which bounds the memory of a list of millions (about 60 bytes a row) at the cost of writing
 * a few sorted runs into the same stretch of the B-tree. */
#define RUN_ROWS (1u << 17)

/* The first SMALL_LIST_ROWS rows of a list go in runs of SMALL_RUN_ROWS: while the tree is
 * small, a run costs little more than its rows, and a list of a few hundred thousand (whose
 * export may be a file of 12 MB) then never waits whole in memory.  Facebook's 300,000
 * followers peaked 7 MB lower, Medium's 150,000 followed 5 MB; a list of a million took 3 %
 * longer, within the noise.  Runs of 8,192 rather than 16,384 took Medium's another 0.4 MB
 * lower; a million followers and TikTok's 500,000 imported as fast (alternated seven and
 * five times). */
#define SMALL_RUN_ROWS (1u << 13)
#define SMALL_LIST_ROWS (1u << 18)

/* A later list waits in a temporary table of its direction's own, sorted by who, for the walk
 * beside the open spans (apply_staged_list()). */
static const char * const staged_tables[] = { "staged_followers", "staged_following" };
static const char * const insert_staged[] = {
  "INSERT OR IGNORE INTO temp.staged_followers (who, handle, platform_id, since)"
  " SELECT who, handle, platform_id, since FROM rapport_pending_relations (?1)",
  "INSERT OR IGNORE INTO temp.staged_following (who, handle, platform_id, since)"
  " SELECT who, handle, platform_id, since FROM rapport_pending_relations (?1)",
};
static const char * const select_staged[] = {
  "SELECT who, handle, platform_id, since FROM temp.staged_followers ORDER BY who",
  "SELECT who, handle, platform_id, since FROM temp.staged_following ORDER BY who",
};

static gboolean write_run (RapportStoreImport  *self,
                           RapportDirection     direction,
                           GError             **error);

gboolean
rapport_store_import_add_relation (RapportImportSink      *sink,
                                   const RapportRelation  *relation,
                                   GError                **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  g_autofree char *who = NULL;
  RapportPendingRelation pending;
  GStringChunk *strings;

  if (!rapport_store_import_require_account (self, error))
    return FALSE;
  if (relation->handle == NULL && relation->platform_id == NULL)
    {
      rapport_store_import_skip (sink, self->source_name, _("an account without a name or id"));
      return TRUE;
    }

  /* Ids compare as they are and survive renames, so a later export of a platform that lists
   * ids still matches; names compare case-insensitively on every platform. */
  if (relation->platform_id != NULL &&
      (relation->handle == NULL || rapport_platform_lists_ids (self->platform)))
    who = g_strdup (relation->platform_id);
  else
    who = rapport_text_fold_handle (relation->handle);

  strings = self->relation_strings[relation->direction];
  pending.who = g_string_chunk_insert (strings, who);
  pending.handle = relation->handle == NULL ? NULL
                 : g_str_equal (relation->handle, who) ? pending.who
                 : g_string_chunk_insert (strings, relation->handle);
  pending.platform_id = relation->platform_id == NULL ? NULL
                      : g_string_chunk_insert (strings, relation->platform_id);
  pending.since = relation->since;
  pending.order = self->pending[relation->direction]->len;
  g_array_append_val (self->pending[relation->direction], pending);
  self->n_relations_kept[relation->direction]++;

  if (self->pending[relation->direction]->len >=
      (self->n_relations_kept[relation->direction] <= SMALL_LIST_ROWS ? SMALL_RUN_ROWS : RUN_ROWS))
    return write_run (self, relation->direction, error);
  return TRUE;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const RapportPendingRelation *pa = a;
  const RapportPendingRelation *pb = b;
  int by_who = strcmp (pa->who, pb->who);

  /* Exports sometimes repeat an account, and the INSERT OR IGNORE keeps the first row of a
   * name: the one with the latest follow date, because an account follows once at a time and
   * the latest follow is the one that lasts (an earlier row is a follow that ended), then the
   * first in export order. */
  if (by_who != 0)
    return by_who;
  if (pa->since != pb->since)
    return pa->since > pb->since ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* The sorted relations reach SQLite through a table-valued function, so that one INSERT …
 * SELECT writes a whole list: SQLite then keeps its cursor on the last leaf of the relation
 * B-tree from row to row, where a statement per row seeks down from the root every time. */
#define PENDING_POINTER_TYPE "rapport-pending-relations"

enum {
  PENDING_COLUMN_WHO,
  PENDING_COLUMN_HANDLE,
  PENDING_COLUMN_PLATFORM_ID,
  PENDING_COLUMN_SINCE,
  PENDING_COLUMN_ROWS, /* hidden: the argument, a GArray of RapportPendingRelation */
};

/* The rows of one list in two runs, [0, middle) and [middle, len), each sorted: the function
 * merges them as SQLite reads, so the two halves can be sorted on two cores. */
typedef struct
{
  const RapportPendingRelation *rows;
  guint middle;
  guint len;
} PendingRuns;

typedef struct
{
  sqlite3_vtab_cursor base;
  const PendingRuns *runs;
  guint next[2];
  const RapportPendingRelation *current; /* NULL at the end */
  sqlite3_int64 rowid;
} PendingCursor;

static int
pending_connect (sqlite3             *db,
                 void                *aux,
                 int                  argc,
                 const char * const  *argv,
                 sqlite3_vtab       **vtab_out,
                 char               **error_message)
{
  int status;

  status = sqlite3_declare_vtab (db,
    "CREATE TABLE pending (who TEXT, handle TEXT, platform_id TEXT, since INTEGER, rows HIDDEN)");
  if (status != SQLITE_OK)
    return status;
  *vtab_out = sqlite3_malloc (sizeof (sqlite3_vtab));
  if (*vtab_out == NULL)
    return SQLITE_NOMEM;
  memset (*vtab_out, 0, sizeof (sqlite3_vtab));
  return SQLITE_OK;
}

static int
pending_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

static int
pending_best_index (sqlite3_vtab       *vtab,
                    sqlite3_index_info *info)
{
  for (int i = 0; i < info->nConstraint; i++)
    {
      const struct sqlite3_index_constraint *constraint = &info->aConstraint[i];

      if (constraint->iColumn == PENDING_COLUMN_ROWS &&
          constraint->op == SQLITE_INDEX_CONSTRAINT_EQ && constraint->usable)
        {
          info->aConstraintUsage[i].argvIndex = 1;
          info->aConstraintUsage[i].omit = 1;
          info->estimatedCost = 1;
          return SQLITE_OK;
        }
    }
  /* Without its rows the function has nothing to list. */
  return SQLITE_CONSTRAINT;
}

static int
pending_open (sqlite3_vtab         *vtab,
              sqlite3_vtab_cursor **cursor_out)
{
  PendingCursor *cursor = sqlite3_malloc (sizeof (PendingCursor));

  if (cursor == NULL)
    return SQLITE_NOMEM;
  memset (cursor, 0, sizeof (PendingCursor));
  *cursor_out = &cursor->base;
  return SQLITE_OK;
}

static int
pending_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

/* Moves to the smaller of the two runs' next rows. */
static void
pending_pick (PendingCursor *cursor)
{
  const PendingRuns *runs = cursor->runs;
  gboolean in_first = cursor->next[0] < runs->middle;
  gboolean in_second = cursor->next[1] < runs->len;

  if (in_first &&
      (!in_second ||
       compare_pending (&runs->rows[cursor->next[0]], &runs->rows[cursor->next[1]]) < 0))
    cursor->current = &runs->rows[cursor->next[0]++];
  else if (in_second)
    cursor->current = &runs->rows[cursor->next[1]++];
  else
    cursor->current = NULL;
}

static int
pending_filter (sqlite3_vtab_cursor  *base,
                int                   index_number,
                const char           *index_string,
                int                   argc,
                sqlite3_value       **argv)
{
  PendingCursor *cursor = (PendingCursor *) base;

  cursor->runs = argc == 1 ? sqlite3_value_pointer (argv[0], PENDING_POINTER_TYPE) : NULL;
  cursor->current = NULL;
  cursor->rowid = 0;
  if (cursor->runs != NULL)
    {
      cursor->next[0] = 0;
      cursor->next[1] = cursor->runs->middle;
      pending_pick (cursor);
    }
  return SQLITE_OK;
}

static int
pending_next (sqlite3_vtab_cursor *base)
{
  PendingCursor *cursor = (PendingCursor *) base;

  cursor->rowid++;
  pending_pick (cursor);
  return SQLITE_OK;
}

static int
pending_eof (sqlite3_vtab_cursor *base)
{
  PendingCursor *cursor = (PendingCursor *) base;

  return cursor->current == NULL;
}

static void
result_text_or_null (sqlite3_context *context,
                     const char      *text)
{
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_STATIC);
}

static int
pending_column (sqlite3_vtab_cursor *base,
                sqlite3_context     *context,
                int                  column)
{
  PendingCursor *cursor = (PendingCursor *) base;
  const RapportPendingRelation *row = cursor->current;

  switch (column)
    {
    case PENDING_COLUMN_WHO:
      result_text_or_null (context, row->who);
      break;
    case PENDING_COLUMN_HANDLE:
      result_text_or_null (context, row->handle);
      break;
    case PENDING_COLUMN_PLATFORM_ID:
      result_text_or_null (context, row->platform_id);
      break;
    case PENDING_COLUMN_SINCE:
      if (row->since > 0)
        sqlite3_result_int64 (context, row->since);
      else
        sqlite3_result_null (context);
      break;
    default:
      sqlite3_result_null (context);
      break;
    }
  return SQLITE_OK;
}

static int
pending_rowid (sqlite3_vtab_cursor *base,
               sqlite3_int64       *rowid)
{
  *rowid = ((PendingCursor *) base)->rowid;
  return SQLITE_OK;
}

static const sqlite3_module pending_module = {
  .xConnect = pending_connect,
  .xBestIndex = pending_best_index,
  .xDisconnect = pending_disconnect,
  .xOpen = pending_open,
  .xClose = pending_close,
  .xFilter = pending_filter,
  .xNext = pending_next,
  .xEof = pending_eof,
  .xColumn = pending_column,
  .xRowid = pending_rowid,
};

/* Called once for each connection that imports. */
gboolean
rapport_store_import_register (sqlite3 *db)
{
  return sqlite3_create_module_v2 (db, "rapport_pending_relations", &pending_module,
                                   NULL, NULL) == SQLITE_OK;
}

/* Lists shorter than this are sorted on one core. */
#define PARALLEL_SORT_MIN 16384

static int
compare_pending_data (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return compare_pending (a, b);
}

static gpointer
sort_first_half (gpointer data)
{
  GArray *pending = data;

  rapport_sort_in_place (pending->data, pending->len / 2, sizeof (RapportPendingRelation),
                         compare_pending_data, NULL);
  return NULL;
}

/* Whether the account has a list of @direction already (an open span), which decides how
 * this import's list is written; the staging tables are made when needed, inside the import's
 * transaction, so a rolled back import takes them along. */
static gboolean
choose_list_mode (RapportStoreImport  *self,
                  RapportDirection     direction,
                  GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  if (self->list_mode[direction] != LIST_MODE_UNKNOWN)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "SELECT EXISTS (SELECT 1 FROM follow_span_open WHERE account_id = ?1 AND direction = ?2)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int (stmt, 2, direction);
  status = sqlite3_step (stmt);
  self->list_mode[direction] = status == SQLITE_ROW && sqlite3_column_int (stmt, 0)
                               ? LIST_MODE_STAGED : LIST_MODE_DIRECT;
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }

  if (self->list_mode[direction] != LIST_MODE_STAGED)
    return TRUE;
  sql = g_strdup_printf ("CREATE TEMP TABLE IF NOT EXISTS %s ("
                         "  who TEXT NOT NULL PRIMARY KEY, handle TEXT, platform_id TEXT,"
                         "  since INTEGER"
                         ") WITHOUT ROWID;"
                         "CREATE TEMP TABLE IF NOT EXISTS span_change ("
                         "  who TEXT NOT NULL, opens INTEGER NOT NULL, handle TEXT,"
                         "  platform_id TEXT, since INTEGER, PRIMARY KEY (opens, who)"
                         ") WITHOUT ROWID;"
                         "DELETE FROM temp.%s;",
                         staged_tables[direction], staged_tables[direction]);
  return rapport_store_exec (self->store, sql, error);
}

/* Sorts the run of @direction and writes it.  Of an account listed twice within a run, the row
 * with the latest follow date is written (see compare_pending()); across runs, the first
 * written stays, since a later run's INSERT OR IGNORE leaves it: an upsert would make SQLite
 * keep a statement journal of every page the insert touches. */
static gboolean
write_run (RapportStoreImport  *self,
           RapportDirection     direction,
           GError             **error)
{
  GArray *pending = self->pending[direction];
  PendingRuns runs = { (const RapportPendingRelation *) pending->data, pending->len, pending->len };
  sqlite3_stmt *stmt;
  guint64 written;
  gboolean ok;

  if (!choose_list_mode (self, direction, error))
    return FALSE;

  /* A million followers take a third of a second to sort: on two cores, half each. */
  if (pending->len >= PARALLEL_SORT_MIN && g_get_num_processors () > 1)
    {
      GThread *thread;

      runs.middle = pending->len / 2;
      thread = g_thread_new ("rapport-sort", sort_first_half, pending);
      rapport_sort_in_place (&g_array_index (pending, RapportPendingRelation, runs.middle),
                             runs.len - runs.middle, sizeof (RapportPendingRelation),
                             compare_pending_data, NULL);
      g_thread_join (thread);
    }
  else
    {
      rapport_sort_in_place (pending->data, pending->len, sizeof (RapportPendingRelation),
                             compare_pending_data, NULL);
    }

  if (self->list_mode[direction] == LIST_MODE_DIRECT)
    stmt = rapport_store_prepare (self->store,
      "INSERT OR IGNORE INTO follow_span_open (account_id, direction, who, first_snapshot,"
      "                                        handle, platform_id, since)"
      " SELECT ?3, ?2, who, ?4, handle, platform_id, since"
      "   FROM rapport_pending_relations (?1)", error);
  else
    stmt = rapport_store_prepare (self->store, insert_staged[direction], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &runs, PENDING_POINTER_TYPE, NULL);
  if (self->list_mode[direction] == LIST_MODE_DIRECT)
    {
      sqlite3_bind_int (stmt, 2, direction);
      sqlite3_bind_int64 (stmt, 3, self->account_id);
      sqlite3_bind_int64 (stmt, 4, self->snapshot_id);
    }
  ok = rapport_store_import_step_done (self, stmt, N_("saving followers"), error);
  written = sqlite3_changes64 (rapport_store_get_db (self->store));
  /* The cached statement must not keep a pointer to rows that are about to go. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  self->n_relations_written[direction] += written;
  g_array_set_size (pending, 0);
  g_string_chunk_clear (self->relation_strings[direction]);
  return TRUE;
}

static gboolean
same_text (sqlite3_stmt *a,
           int           a_column,
           sqlite3_stmt *b,
           int           b_column)
{
  return g_strcmp0 ((const char *) sqlite3_column_text (a, a_column),
                    (const char *) sqlite3_column_text (b, b_column)) == 0;
}

/* Notes in temp.span_change that the open span of @who ends (@opens FALSE) or that one begins
 * with the row of @from (@opens TRUE). */
static gboolean
note_change (RapportStoreImport  *self,
             sqlite3_stmt        *from,
             gboolean             opens,
             GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (self->store,
    "INSERT INTO temp.span_change (who, opens, handle, platform_id, since)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 4; i++)
    sqlite3_bind_value (stmt, i == 0 ? 1 : i + 2, sqlite3_column_value (from, i));
  sqlite3_bind_int (stmt, 2, opens);
  return rapport_store_import_step_done (self, stmt, N_("saving followers"), error);
}

/* What a list holds beside its size (RapportListCounts), counted as its rows go by, and for a
 * follower list how many followed on each day (follow_dates): day numbers since 1970 to
 * counts. */
typedef struct
{
  RapportListCounts *counts;
  GHashTable *days; /* NULL for a following list */
  gint64 time_max;
} ListTally;

static void
list_tally_init (ListTally          *tally,
                 RapportStoreImport *self,
                 RapportDirection    direction)
{
  tally->counts = &self->list_counts[direction];
  memset (tally->counts, 0, sizeof (RapportListCounts));
  tally->days = direction == RAPPORT_DIRECTION_FOLLOWER ? g_hash_table_new (NULL, NULL) : NULL;
  tally->time_max = rapport_time_max ();
}

static void
list_tally_clear (ListTally *tally)
{
  g_clear_pointer (&tally->days, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListTally, list_tally_clear)

/* Counts one row whose handle, platform id and follow date are the columns from @first on. */
static void
list_tally_add (ListTally    *tally,
                sqlite3_stmt *row,
                int           first)
{
  gint64 since;
  gpointer day;

  if (sqlite3_column_type (row, first + 1) != SQLITE_NULL)
    {
      tally->counts->n_with_id++;
      if (sqlite3_column_type (row, first) != SQLITE_NULL)
        tally->counts->n_named++;
    }
  if (sqlite3_column_type (row, first + 2) != SQLITE_INTEGER)
    return;
  since = sqlite3_column_int64 (row, first + 2);
  if (since < RAPPORT_TIME_MIN || since > tally->time_max)
    return;
  tally->counts->n_dated++;
  if (tally->days == NULL)
    return;
  day = GINT_TO_POINTER ((int) (since / RAPPORT_SECONDS_PER_DAY));
  g_hash_table_insert (tally->days, day,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tally->days, day))
                                         + 1));
}

static gboolean
write_follow_days (RapportStoreImport  *self,
                   GHashTable          *days,
                   GError             **error)
{
  GHashTableIter iter;
  gpointer day, n;

  if (days == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &day, &n))
    {
      sqlite3_stmt *stmt = rapport_store_prepare (self->store,
        "INSERT INTO follow_dates (snapshot_id, day, n) VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
      sqlite3_bind_int64 (stmt, 2, (gint64) GPOINTER_TO_INT (day) * RAPPORT_SECONDS_PER_DAY);
      sqlite3_bind_int64 (stmt, 3, GPOINTER_TO_UINT (n));
      if (!rapport_store_import_step_done (self, stmt, N_("saving followers"), error))
        return FALSE;
    }
  return TRUE;
}

/* Writes what the walk noted in temp.span_change: an ended span moves to the spans that ended,
 * with the export before this one as its last; one that begins is open from this export. */
static gboolean
write_span_changes (RapportStoreImport  *self,
                    RapportDirection     direction,
                    GError             **error)
{
  const char * const changes[] = {
    "INSERT INTO follow_span_closed (account_id, direction, last_snapshot, who,"
    "                                first_snapshot, handle, platform_id, since)"
    " SELECT account_id, direction, ?3, who, first_snapshot, handle, platform_id, since"
    "   FROM follow_span_open"
    "  WHERE account_id = ?1 AND direction = ?2"
    "    AND who IN (SELECT who FROM temp.span_change WHERE opens = 0)",
    "DELETE FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = ?2"
    "   AND who IN (SELECT who FROM temp.span_change WHERE opens = 0)",
    "INSERT INTO follow_span_open (account_id, direction, who, first_snapshot, handle,"
    "                              platform_id, since)"
    " SELECT ?1, ?2, who, ?3, handle, platform_id, since"
    "   FROM temp.span_change WHERE opens = 1",
  };
  /* ?3 of each, 0 where it has none. */
  const gint64 snapshots[] = { self->snapshot_id - 1, 0, self->snapshot_id };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      sqlite3_stmt *stmt = rapport_store_prepare (self->store, changes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->account_id);
      sqlite3_bind_int (stmt, 2, direction);
      if (snapshots[i] != 0)
        sqlite3_bind_int64 (stmt, 3, snapshots[i]);
      if (!rapport_store_import_step_done (self, stmt, N_("saving followers"), error))
        return FALSE;
    }
  return TRUE;
}

/* The staged list against the open spans, both in the order of who: an account in both with
 * the same row stays as it is, one only in the spans has left (its span ends with the export
 * before this one), one only in the list has come (a span begins), and one whose name, id or
 * follow date changed does both.  The changes are noted first and written after, since a
 * table must not change under a statement that reads it. */
static gboolean
apply_staged_list (RapportStoreImport  *self,
                   RapportDirection     direction,
                   GError             **error)
{
  g_autofree char *sql = NULL;
  g_auto(ListTally) tally = { NULL, NULL, 0 };
  sqlite3_stmt *open_spans;
  sqlite3_stmt *staged;
  int open_status, staged_status;

  open_spans = rapport_store_prepare (self->store,
    "SELECT who, handle, platform_id, since FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = ?2 ORDER BY who", error);
  if (open_spans == NULL)
    return FALSE;
  staged = rapport_store_prepare (self->store, select_staged[direction], error);
  if (staged == NULL)
    return FALSE;
  sqlite3_bind_int64 (open_spans, 1, self->account_id);
  sqlite3_bind_int (open_spans, 2, direction);

  list_tally_init (&tally, self, direction);
  open_status = sqlite3_step (open_spans);
  staged_status = sqlite3_step (staged);
  while (open_status == SQLITE_ROW || staged_status == SQLITE_ROW)
    {
      int order;
      gboolean ok = TRUE;

      if (open_status != SQLITE_ROW)
        order = 1;
      else if (staged_status != SQLITE_ROW)
        order = -1;
      else
        order = strcmp ((const char *) sqlite3_column_text (open_spans, 0),
                        (const char *) sqlite3_column_text (staged, 0));

      if (order == 0 && same_text (open_spans, 1, staged, 1) &&
          same_text (open_spans, 2, staged, 2) &&
          sqlite3_column_int64 (open_spans, 3) == sqlite3_column_int64 (staged, 3) &&
          sqlite3_column_type (open_spans, 3) == sqlite3_column_type (staged, 3))
        ;
      else
        {
          if (order <= 0)
            ok = note_change (self, open_spans, FALSE, error);
          if (ok && order >= 0)
            ok = note_change (self, staged, TRUE, error);
        }
      if (!ok)
        {
          sqlite3_reset (open_spans);
          sqlite3_reset (staged);
          return FALSE;
        }
      if (order <= 0)
        open_status = sqlite3_step (open_spans);
      if (order >= 0)
        {
          list_tally_add (&tally, staged, 1);
          staged_status = sqlite3_step (staged);
        }
    }
  sqlite3_reset (open_spans);
  sqlite3_reset (staged);
  if (open_status != SQLITE_DONE || staged_status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }

  if (!write_span_changes (self, direction, error))
    return FALSE;
  if (!write_follow_days (self, tally.days, error))
    return FALSE;
  if (direction == RAPPORT_DIRECTION_FOLLOWER &&
      !rapport_store_import_note_follower_diff (self, error))
    return FALSE;
  /* A DELETE of every row frees the table's pages at once; one row at a time, a list of a
   * million took 0.16 s. */
  sql = g_strdup_printf ("DELETE FROM temp.%s;"
                         "DELETE FROM temp.span_change;", staged_tables[direction]);
  return rapport_store_exec (self->store, sql, error);
}

/* Counts a list written straight into the open spans, and writes its follow days. */
static gboolean
count_direct_list (RapportStoreImport  *self,
                   RapportDirection     direction,
                   GError             **error)
{
  g_auto(ListTally) tally = { NULL, NULL, 0 };
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self->store,
    "SELECT handle, platform_id, since FROM follow_span_open"
    " WHERE account_id = ?1 AND direction = ?2 AND first_snapshot = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int (stmt, 2, direction);
  sqlite3_bind_int64 (stmt, 3, self->snapshot_id);
  list_tally_init (&tally, self, direction);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    list_tally_add (&tally, stmt, 0);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving followers"));
      return FALSE;
    }
  return write_follow_days (self, tally.days, error);
}

gboolean
rapport_store_import_flush_relations (RapportStoreImport  *self,
                                      RapportDirection     direction,
                                      GError             **error)
{
  gboolean has_list = direction == RAPPORT_DIRECTION_FOLLOWER ? self->has_followers
                                                              : self->has_following;

  if (self->pending[direction]->len > 0 && !write_run (self, direction, error))
    return FALSE;
  /* An export without this list leaves the spans as they are; an empty list ends them all. */
  if (has_list &&
      (!choose_list_mode (self, direction, error) ||
       (self->list_mode[direction] == LIST_MODE_STAGED &&
        !apply_staged_list (self, direction, error))))
    return FALSE;
  /* A first list is counted in the spans it opened (a staged one was counted above). */
  if (has_list && self->list_mode[direction] == LIST_MODE_DIRECT &&
      !count_direct_list (self, direction, error))
    return FALSE;

  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    self->n_followers = self->n_relations_written[direction];
  else
    self->n_following = self->n_relations_written[direction];
  return TRUE;
}

