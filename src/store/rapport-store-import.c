/* rapport-store-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of an import: an import sink that writes everything into one transaction,
 * so that a failed, cancelled or killed import leaves the database as it was.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "rapport-store-private.h"

/* Bumped when an importer change makes re-reading old exports worthwhile. */
#define IMPORTER_VERSION 1

typedef struct
{
  const char *who;
  const char *handle;
  const char *platform_id;
  gint64 since;
  guint order;
} PendingRelation;

struct _RapportStoreImport
{
  RapportImportSink sink; /* first: the sink callbacks cast back to the import */

  RapportStore *store;
  char *source_name;
  char *content_hash;

  gint64 account_id;
  gint64 snapshot_id;
  RapportPlatform platform;
  char *handle;
  char *display_name;

  gint64 exported_at;
  RapportDateSource date_source;
  gint64 fallback_at;
  RapportDateSource fallback_source;

  gboolean has_followers;
  gboolean has_following;
  guint64 n_followers;
  guint64 n_following;
  /* Relations by direction, written sorted at commit; their strings live in the chunk. */
  GArray *pending[2];
  GStringChunk *relation_strings;
  guint64 n_posts;
  guint64 n_interactions;
  guint64 n_skipped;
  char *first_skip;

  RapportImportProgressFunc progress_func;
  gpointer progress_data;
};

static const char *count_columns[] = {
  "likes", "comments", "shares", "saves", "replies", "quotes", "views", "impressions", "reach",
  "engagements", "follows",
};

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* @what is untranslated (N_()): it is looked up only on failure, not for every row. */
static gboolean
step_done (RapportStoreImport  *self,
           sqlite3_stmt        *stmt,
           const char          *what,
           GError             **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _(what));
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_account (RapportStoreImport  *self,
                 GError             **error)
{
  if (self->snapshot_id != 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "importer error: records arrived before the account was known");
  return FALSE;
}

static gboolean
store_set_account (RapportImportSink         *sink,
                   const RapportAccountInfo  *info,
                   GError                   **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  const char *handle = info->handle != NULL ? info->handle : info->platform_id;
  sqlite3_stmt *stmt;

  if (self->snapshot_id != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "importer error: the account was set twice");
      return FALSE;
    }
  if (handle == NULL || *handle == '\0')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: the export does not say whose account it is"), self->source_name);
      return FALSE;
    }

  stmt = rapport_store_prepare (self->store,
    "INSERT INTO account (platform, handle, platform_id, display_name, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (platform, handle) DO UPDATE SET"
    "   platform_id = coalesce (excluded.platform_id, platform_id),"
    "   display_name = coalesce (excluded.display_name, display_name)"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rapport_platform_to_string (info->platform), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, handle, -1, SQLITE_STATIC);
  bind_text (stmt, 3, info->platform_id);
  bind_text (stmt, 4, info->display_name);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving the account"));
      return FALSE;
    }
  self->account_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = rapport_store_prepare (self->store,
    "INSERT INTO snapshot (account_id, source_name, content_hash, exported_at, date_source,"
    "                      imported_at, importer_version)"
    " VALUES (?1, ?2, ?3, 0, 'unknown', ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_text (stmt, 2, self->source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->content_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 5, IMPORTER_VERSION);
  if (!step_done (self, stmt, N_("saving the snapshot"), error))
    return FALSE;
  self->snapshot_id = sqlite3_last_insert_rowid (rapport_store_get_db (self->store));

  self->platform = info->platform;
  self->handle = g_strdup (handle);
  self->display_name = g_strdup (info->display_name);
  return TRUE;
}

static gboolean
store_begin_list (RapportImportSink  *sink,
                  RapportDirection    direction,
                  GError            **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  if (!require_account (self, error))
    return FALSE;
  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    self->has_followers = TRUE;
  else
    self->has_following = TRUE;
  return TRUE;
}

static void
store_skip (RapportImportSink *sink,
            const char        *entry_name,
            const char        *reason)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->n_skipped++;
  if (self->first_skip == NULL)
    self->first_skip = g_strdup_printf ("%s: %s", entry_name, reason);
}

static void
store_progress (RapportImportSink *sink,
                const char        *entry_name,
                guint64            records_read)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->progress_func (entry_name, records_read, self->progress_data);
}

/* Lower-cases a handle; nearly all are ASCII, which needs no Unicode tables. */
static char *
fold_handle (const char *handle)
{
  gsize len = 0;
  char *folded;

  for (const char *p = handle; *p != '\0'; p++, len++)
    if ((guchar) *p >= 0x80)
      return g_utf8_strdown (handle, -1);

  folded = g_malloc (len + 1);
  for (gsize i = 0; i <= len; i++)
    folded[i] = g_ascii_tolower (handle[i]);
  return folded;
}

/* Relations wait in memory and reach SQLite sorted at commit: exports list followers by follow
 * date, so their names arrive in random order, and a million random inserts into the
 * relation table's B-tree took twice as long as the rest of the import. */
static gboolean
store_add_relation (RapportImportSink      *sink,
                    const RapportRelation  *relation,
                    GError                **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  g_autofree char *who = NULL;
  PendingRelation pending;

  if (!require_account (self, error))
    return FALSE;
  if (relation->handle == NULL && relation->platform_id == NULL)
    {
      store_skip (sink, self->source_name, _("an account without a name or id"));
      return TRUE;
    }

  /* Names compare case-insensitively on every platform; ids as they are. */
  who = relation->handle != NULL ? fold_handle (relation->handle) : g_strdup (relation->platform_id);

  pending.who = g_string_chunk_insert (self->relation_strings, who);
  pending.handle = relation->handle == NULL ? NULL
                 : g_str_equal (relation->handle, who) ? pending.who
                 : g_string_chunk_insert (self->relation_strings, relation->handle);
  pending.platform_id = relation->platform_id == NULL ? NULL
                      : g_string_chunk_insert (self->relation_strings, relation->platform_id);
  pending.since = relation->since;
  pending.order = self->pending[relation->direction]->len;
  g_array_append_val (self->pending[relation->direction], pending);
  return TRUE;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingRelation *pa = a;
  const PendingRelation *pb = b;
  int by_who = strcmp (pa->who, pb->who);

  /* Equal names keep their export order: split files sometimes repeat an account, and the
   * INSERT OR IGNORE keeps the first occurrence. */
  if (by_who != 0)
    return by_who;
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
  PENDING_COLUMN_ROWS, /* hidden: the argument, a GArray of PendingRelation */
};

/* The rows of one list in two runs, [0, middle) and [middle, len), each sorted: the function
 * merges them as SQLite reads, so the two halves can be sorted on two cores. */
typedef struct
{
  const PendingRelation *rows;
  guint middle;
  guint len;
} PendingRuns;

typedef struct
{
  sqlite3_vtab_cursor base;
  const PendingRuns *runs;
  guint next[2];
  const PendingRelation *current; /* NULL at the end */
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
      (!in_second || compare_pending (&runs->rows[cursor->next[0]], &runs->rows[cursor->next[1]]) < 0))
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
  const PendingRelation *row = cursor->current;

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

  g_sort_array (pending->data, pending->len / 2, sizeof (PendingRelation), compare_pending_data, NULL);
  return NULL;
}

static gboolean
flush_relations (RapportStoreImport  *self,
                 RapportDirection     direction,
                 GError             **error)
{
  GArray *pending = self->pending[direction];
  PendingRuns runs = { (const PendingRelation *) pending->data, pending->len, pending->len };
  sqlite3_stmt *stmt;
  guint64 written;
  gboolean ok;

  /* A million followers take a third of a second to sort: on two cores, half each. */
  if (pending->len >= PARALLEL_SORT_MIN && g_get_num_processors () > 1)
    {
      GThread *thread;

      runs.middle = pending->len / 2;
      thread = g_thread_new ("rapport-sort", sort_first_half, pending);
      g_sort_array (&g_array_index (pending, PendingRelation, runs.middle), runs.len - runs.middle,
                    sizeof (PendingRelation), compare_pending_data, NULL);
      g_thread_join (thread);
    }
  else
    {
      g_array_sort (pending, compare_pending);
    }

  stmt = rapport_store_prepare (self->store,
    "INSERT OR IGNORE INTO relation (snapshot_id, direction, who, handle, platform_id, since)"
    " SELECT ?1, ?2, who, handle, platform_id, since FROM rapport_pending_relations (?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
  sqlite3_bind_int (stmt, 2, direction);
  sqlite3_bind_pointer (stmt, 3, &runs, PENDING_POINTER_TYPE, NULL);
  ok = step_done (self, stmt, N_("saving followers"), error);
  written = sqlite3_changes64 (rapport_store_get_db (self->store));
  /* The cached statement must not keep a pointer to rows that are about to go. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    self->n_followers = written;
  else
    self->n_following = written;
  g_array_set_size (pending, 0);
  return TRUE;
}

static gboolean
add_tags (RapportStoreImport  *self,
          gint64               post_id,
          int                  kind,
          const char * const  *values,
          GError             **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = rapport_store_prepare (self->store,
        "INSERT OR IGNORE INTO post_tag (post_id, kind, value) VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_int (stmt, 2, kind);
      sqlite3_bind_text (stmt, 3, values[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, N_("saving hashtags"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_add_post (RapportImportSink  *sink,
                const RapportPost  *post,
                GError            **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  const gint64 counts[] = {
    post->likes, post->comments, post->shares, post->saves, post->replies, post->quotes,
    post->views, post->impressions, post->reach, post->engagements, post->follows,
  };
  sqlite3_stmt *stmt;
  gint64 post_id;

  G_STATIC_ASSERT (G_N_ELEMENTS (counts) == G_N_ELEMENTS (count_columns));

  if (!require_account (self, error))
    return FALSE;
  if (post->platform_id == NULL)
    {
      store_skip (sink, self->source_name, _("a post without an id"));
      return TRUE;
    }

  /* A new post is inserted; one seen before (an earlier export, or an analytics file of this
   * one) is updated instead.  An upsert with RETURNING would do both in one statement, but
   * SQLite runs such a statement with a statement journal, copying every page it touches
   * (five B-trees per post) and tripling the cost of a big import. */
  stmt = rapport_store_prepare (self->store,
    "INSERT OR IGNORE INTO post (account_id, platform_post_id, type, created_at, text, url,"
    "                            likes, comments, shares, saves, replies, quotes, views,"
    "                            impressions, reach, engagements, follows)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_text (stmt, 2, post->platform_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, post->created_at);
  bind_text (stmt, 5, post->text);
  bind_text (stmt, 6, post->url);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    bind_count (stmt, 7 + i, counts[i]);
  if (!step_done (self, stmt, N_("saving posts"), error))
    return FALSE;

  if (sqlite3_changes (rapport_store_get_db (self->store)) > 0)
    {
      post_id = sqlite3_last_insert_rowid (rapport_store_get_db (self->store));
    }
  else
    {
      stmt = rapport_store_prepare (self->store,
        "SELECT id FROM post WHERE account_id = ?1 AND platform_post_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->account_id);
      sqlite3_bind_text (stmt, 2, post->platform_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      post_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      /* Known counts replace stored ones and unknown ones keep them, so an analytics file and
       * the archive enrich the same post in either order.  The longer text wins (archives
       * truncate long posts), and a plain "text" type never hides a more specific one. */
      stmt = rapport_store_prepare (self->store,
        "UPDATE post SET"
        "   type = CASE WHEN ?2 = 'text' THEN type ELSE ?2 END,"
        "   text = CASE WHEN length (?3) > ifnull (length (text), -1) THEN ?3 ELSE text END,"
        "   url = coalesce (?4, url),"
        "   likes = coalesce (?5, likes),"
        "   comments = coalesce (?6, comments),"
        "   shares = coalesce (?7, shares),"
        "   saves = coalesce (?8, saves),"
        "   replies = coalesce (?9, replies),"
        "   quotes = coalesce (?10, quotes),"
        "   views = coalesce (?11, views),"
        "   impressions = coalesce (?12, impressions),"
        "   reach = coalesce (?13, reach),"
        "   engagements = coalesce (?14, engagements),"
        "   follows = coalesce (?15, follows)"
        " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_text (stmt, 2, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
      bind_text (stmt, 3, post->text);
      bind_text (stmt, 4, post->url);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        bind_count (stmt, 5 + i, counts[i]);
      if (!step_done (self, stmt, N_("saving posts"), error))
        return FALSE;
    }

  stmt = rapport_store_prepare (self->store,
    "INSERT INTO post_counts (post_id, snapshot_id, likes, comments, shares, saves, replies,"
    "                         quotes, views, impressions, reach, engagements, follows)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (post_id, snapshot_id) DO UPDATE SET"
    "   likes = coalesce (excluded.likes, likes),"
    "   comments = coalesce (excluded.comments, comments),"
    "   shares = coalesce (excluded.shares, shares),"
    "   saves = coalesce (excluded.saves, saves),"
    "   replies = coalesce (excluded.replies, replies),"
    "   quotes = coalesce (excluded.quotes, quotes),"
    "   views = coalesce (excluded.views, views),"
    "   impressions = coalesce (excluded.impressions, impressions),"
    "   reach = coalesce (excluded.reach, reach),"
    "   engagements = coalesce (excluded.engagements, engagements),"
    "   follows = coalesce (excluded.follows, follows)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    bind_count (stmt, 3 + i, counts[i]);
  if (!step_done (self, stmt, N_("saving post history"), error))
    return FALSE;

  if (!add_tags (self, post_id, 0, post->hashtags, error) ||
      !add_tags (self, post_id, 1, post->mentions, error))
    return FALSE;

  self->n_posts++;
  return TRUE;
}

static gboolean
store_add_follower_count (RapportImportSink           *sink,
                          const RapportFollowerCount  *count,
                          GError                     **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  sqlite3_stmt *stmt;

  if (!require_account (self, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "INSERT OR REPLACE INTO follower_count (account_id, snapshot_id, at, count, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 3, count->at);
  sqlite3_bind_int64 (stmt, 4, count->count);
  sqlite3_bind_text (stmt, 5, rapport_count_source_to_string (count->source), -1, SQLITE_STATIC);
  return step_done (self, stmt, N_("saving follower counts"), error);
}

static gboolean
store_add_interaction (RapportImportSink         *sink,
                       const RapportInteraction  *interaction,
                       GError                   **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  sqlite3_stmt *stmt;

  if (!require_account (self, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "INSERT OR IGNORE INTO interaction (account_id, snapshot_id, kind, target, at, text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  sqlite3_bind_int (stmt, 3, interaction->kind);
  bind_text (stmt, 4, interaction->target_handle);
  sqlite3_bind_int64 (stmt, 5, interaction->at);
  bind_text (stmt, 6, interaction->text);
  if (!step_done (self, stmt, N_("saving your comments and likes"), error))
    return FALSE;
  self->n_interactions += sqlite3_changes (rapport_store_get_db (self->store));
  return TRUE;
}

static void
store_set_export_date (RapportImportSink *sink,
                       gint64             exported_at,
                       RapportDateSource  source)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->exported_at = exported_at;
  self->date_source = source;
}

static void
rapport_store_import_free (RapportStoreImport *self)
{
  g_clear_object (&self->store);
  g_free (self->source_name);
  g_free (self->content_hash);
  g_free (self->handle);
  g_free (self->display_name);
  g_free (self->first_skip);
  g_clear_pointer (&self->pending[RAPPORT_DIRECTION_FOLLOWER], g_array_unref);
  g_clear_pointer (&self->pending[RAPPORT_DIRECTION_FOLLOWING], g_array_unref);
  g_clear_pointer (&self->relation_strings, g_string_chunk_free);
  g_free (self);
}

static void
fill_summary_from_row (RapportImportSummary *summary,
                       sqlite3_stmt         *stmt)
{
  summary->account_id = sqlite3_column_int64 (stmt, 0);
  summary->platform = rapport_platform_from_string ((const char *) sqlite3_column_text (stmt, 1));
  summary->handle = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  summary->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  summary->snapshot.id = sqlite3_column_int64 (stmt, 4);
  summary->snapshot.account_id = summary->account_id;
  summary->snapshot.source_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  summary->snapshot.exported_at = sqlite3_column_int64 (stmt, 6);
  summary->snapshot.imported_at = sqlite3_column_int64 (stmt, 7);
  summary->snapshot.n_followers = sqlite3_column_int64 (stmt, 8);
  summary->snapshot.n_following = sqlite3_column_int64 (stmt, 9);
  summary->snapshot.n_posts = sqlite3_column_int64 (stmt, 10);
  summary->snapshot.has_followers = sqlite3_column_int (stmt, 11);
  summary->snapshot.has_following = sqlite3_column_int (stmt, 12);
}

RapportStoreImport *
rapport_store_begin_import (RapportStore          *store,
                            const char            *source_name,
                            const char            *content_hash,
                            RapportImportSummary  *summary_out,
                            GError               **error)
{
  RapportStoreImport *self;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (content_hash != NULL, NULL);

  stmt = rapport_store_prepare (store,
    "SELECT a.id, a.platform, a.handle, a.display_name, s.id, s.source_name, s.exported_at,"
    "       s.imported_at, s.n_followers, s.n_following, s.n_posts, s.has_followers, s.has_following"
    "  FROM snapshot s JOIN account a ON a.id = s.account_id WHERE s.content_hash = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, content_hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 7));
      g_autofree char *date = when ? g_date_time_format (when, "%x") : g_strdup ("?");

      if (summary_out != NULL)
        {
          fill_summary_from_row (summary_out, stmt);
          summary_out->already_imported = TRUE;
        }
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE,
                   _("%s was already imported on %s (as %s); nothing changed"),
                   source_name, date, (const char *) sqlite3_column_text (stmt, 5));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Every row an import writes refers to the account, snapshot or post it has just written or
   * looked up, under the write lock, so checking the references again for each row (a tenth of
   * the cost of writing a post) proves nothing.  The pragma only works between transactions. */
  if (!rapport_store_exec (store, "PRAGMA foreign_keys = OFF", error))
    return NULL;
  if (!rapport_store_exec (store, "BEGIN IMMEDIATE", error))
    {
      rapport_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
      return NULL;
    }

  self = g_new0 (RapportStoreImport, 1);
  self->store = g_object_ref (store);
  self->source_name = g_strdup (source_name);
  self->content_hash = g_strdup (content_hash);
  self->pending[RAPPORT_DIRECTION_FOLLOWER] = g_array_new (FALSE, FALSE, sizeof (PendingRelation));
  self->pending[RAPPORT_DIRECTION_FOLLOWING] = g_array_new (FALSE, FALSE, sizeof (PendingRelation));
  self->relation_strings = g_string_chunk_new (1024 * 1024);
  self->sink.set_account = store_set_account;
  self->sink.begin_list = store_begin_list;
  self->sink.add_relation = store_add_relation;
  self->sink.add_post = store_add_post;
  self->sink.add_follower_count = store_add_follower_count;
  self->sink.add_interaction = store_add_interaction;
  self->sink.set_export_date = store_set_export_date;
  self->sink.skip = store_skip;
  return self;
}

RapportImportSink *
rapport_store_import_get_sink (RapportStoreImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->sink;
}

void
rapport_store_import_set_fallback_date (RapportStoreImport *self,
                                        gint64              exported_at,
                                        RapportDateSource   source)
{
  g_return_if_fail (self != NULL);
  self->fallback_at = exported_at;
  self->fallback_source = source;
}

/**
 * rapport_store_import_set_progress_func:
 * @import: an import
 * @func: (nullable): called with what the importer is reading, in the importer's thread
 * @user_data: data for @func
 *
 * Lets a progress indicator follow the import.  @func runs in the thread that runs the
 * importer and should only hand the numbers on.
 */
void
rapport_store_import_set_progress_func (RapportStoreImport        *self,
                                        RapportImportProgressFunc  func,
                                        gpointer                   user_data)
{
  g_return_if_fail (self != NULL);

  self->progress_func = func;
  self->progress_data = user_data;
  /* Importers skip the call altogether when nobody listens. */
  self->sink.progress = func != NULL ? store_progress : NULL;
}

void
rapport_store_import_abort (RapportStoreImport *self)
{
  if (self == NULL)
    return;
  rapport_store_exec (self->store, "ROLLBACK", NULL);
  rapport_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);
  rapport_store_import_free (self);
}

gboolean
rapport_store_import_commit (RapportStoreImport    *self,
                             RapportImportSummary  *summary_out,
                             GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->snapshot_id == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: the export holds nothing Rapport can import"), self->source_name);
      rapport_store_import_abort (self);
      return FALSE;
    }

  if (self->exported_at <= 0)
    {
      self->exported_at = self->fallback_at;
      self->date_source = self->fallback_source;
    }

  if (!flush_relations (self, RAPPORT_DIRECTION_FOLLOWER, error) ||
      !flush_relations (self, RAPPORT_DIRECTION_FOLLOWING, error))
    goto failed;

  stmt = rapport_store_prepare (self->store,
    "UPDATE snapshot SET exported_at = ?2, date_source = ?3, has_followers = ?4,"
    "  has_following = ?5, n_followers = ?6, n_following = ?7, n_posts = ?8,"
    "  n_interactions = ?9, n_skipped = ?10, first_skip = ?11"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
  sqlite3_bind_int64 (stmt, 2, self->exported_at);
  sqlite3_bind_text (stmt, 3, rapport_date_source_to_string (self->date_source), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, self->has_followers);
  sqlite3_bind_int (stmt, 5, self->has_following);
  sqlite3_bind_int64 (stmt, 6, self->n_followers);
  sqlite3_bind_int64 (stmt, 7, self->n_following);
  sqlite3_bind_int64 (stmt, 8, self->n_posts);
  sqlite3_bind_int64 (stmt, 9, self->n_interactions);
  sqlite3_bind_int64 (stmt, 10, self->n_skipped);
  bind_text (stmt, 11, self->first_skip);
  if (!step_done (self, stmt, N_("saving the snapshot"), error))
    goto failed;

  /* The size of an exported follower list is a real total at the export's date. */
  if (self->has_followers)
    {
      RapportFollowerCount count = {
        .at = self->exported_at, .count = self->n_followers, .source = RAPPORT_COUNT_SOURCE_SNAPSHOT,
      };

      if (!store_add_follower_count (&self->sink, &count, error))
        goto failed;
    }

  if (!rapport_store_exec (self->store, "COMMIT", error))
    goto failed;
  /* Deleting an account relies on the cascades. */
  rapport_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL);

  if (summary_out != NULL)
    {
      summary_out->already_imported = FALSE;
      summary_out->platform = self->platform;
      summary_out->handle = g_strdup (self->handle);
      summary_out->display_name = g_strdup (self->display_name);
      summary_out->account_id = self->account_id;
      summary_out->snapshot.id = self->snapshot_id;
      summary_out->snapshot.account_id = self->account_id;
      summary_out->snapshot.source_name = g_strdup (self->source_name);
      summary_out->snapshot.exported_at = self->exported_at;
      summary_out->snapshot.date_source = self->date_source;
      summary_out->snapshot.has_followers = self->has_followers;
      summary_out->snapshot.has_following = self->has_following;
      summary_out->snapshot.n_followers = self->n_followers;
      summary_out->snapshot.n_following = self->n_following;
      summary_out->snapshot.n_posts = self->n_posts;
      summary_out->snapshot.n_interactions = self->n_interactions;
      summary_out->snapshot.n_skipped = self->n_skipped;
      summary_out->first_skip = g_strdup (self->first_skip);
    }
  rapport_store_import_free (self);
  return TRUE;

failed:
  rapport_store_import_abort (self);
  return FALSE;
}
