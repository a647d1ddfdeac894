/* rapport-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

sqlite3      *rapport_store_get_db          (RapportStore  *self);
/* A cached prepared statement, reset and with its bindings cleared. */
sqlite3_stmt *rapport_store_prepare         (RapportStore  *self,
                                             const char    *sql,
                                             GError       **error);
/* The same with its parameters as the last run left them, for a caller that binds them all. */
sqlite3_stmt *rapport_store_prepare_to_rebind (RapportStore  *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      rapport_store_exec            (RapportStore  *self,
                                             const char    *sql,
                                             GError       **error);
void          rapport_store_set_sqlite_error (RapportStore *self,
                                             GError       **error,
                                             const char    *what);
/* Runs @stmt, which returns no rows, and resets it; FALSE with @error naming @what (an N_()
 * string: "saving …") when it fails. */
gboolean      rapport_store_step_done       (RapportStore  *self,
                                             sqlite3_stmt  *stmt,
                                             const char    *what,
                                             GError       **error);
gboolean      rapport_store_migrate         (RapportStore  *self,
                                             GError       **error);
/* The schema version, or -1 with @error set. */
int           _rapport_store_read_schema_version (RapportStore  *self,
                                                  GError       **error);
/* Adds what imports need to @db's SQL: the rapport_pending_relations table function. */
gboolean      rapport_store_import_register (sqlite3       *db);

/* rapport-store-import.c: one import, written into one transaction.  Its parts below are the
 * callbacks of its sink. */

/* The posts waiting to be written together (rapport-store-import-posts.c). */
/* The page cache of a connection, and the smaller one of an import's transaction.  An import
 * writes mostly at the right edge of its B-trees, and a later list walks the open spans in
 * order (apply_staged_list()), so pages are seldom read twice and spill to the WAL cheaply:
 * with 1 MB it imports as fast as with 16 (200,000 X posts, 1,000,000 Instagram followers and
 * the 24th of a history within the noise of 4 MB, which was within that of 16) and peaks 3 MB
 * lower than with 4, 14 to 27 MB lower than with 16: for an export of 13 MB that is a fifth
 * of the import's memory. */
#define RAPPORT_STORE_CACHE_SQL "PRAGMA cache_size = -16384"
#define RAPPORT_STORE_IMPORT_CACHE_SQL "PRAGMA cache_size = -1024"

typedef struct _RapportPendingPosts RapportPendingPosts;
typedef struct _RapportPendingInteractions RapportPendingInteractions;

/* Posts counted by kind, each once: posts (and the other kinds), reels, stories, reposts;
 * and of them all, the archived ones. */
typedef struct
{
  guint64 posts;
  guint64 reels;
  guint64 stories;
  guint64 reposts;
  guint64 archived;
} RapportPostTally;

/* A relation waiting for the commit. */
typedef struct
{
  const char *who;
  const char *handle;
  const char *platform_id;
  gint64 since;
  guint order;
} RapportPendingRelation;

struct _RapportStoreImport
{
  RapportImportSink sink; /* first: the sink callbacks cast back to the import */

  RapportStore *store;
  char *source_name;
  char *sample_hash;
  char *content_hash;       /* NULL until it is known */

  gint64 account_id;
  gboolean provisional;     /* the account's handle is a stand-in */
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
  /* Whether the account may have posts known to the minute only: -1 until looked up. */
  int has_minute_posts;
  guint64 n_followers;
  guint64 n_following;
  /* RapportPendingRelation by direction, written sorted at commit; their strings live in
   * the chunk. */
  /* Per direction: the rows of the current run, their strings, the rows handed over in all
   * and those written (an account listed twice is written once). */
  GArray *pending[2];
  GStringChunk *relation_strings[2];
  guint64 n_relations_kept[2];
  guint64 n_relations_written[2];
  /* What each list held beside its size, counted at the commit (n_listed unused). */
  RapportListCounts list_counts[2];
  RapportPendingPosts *pending_posts;
  RapportPendingInteractions *pending_interactions;
  /* The posts this import inserted, by kind: the snapshot's counts without a query over its
   * posts as long as every post it saw was new to the store. */
  RapportPostTally new_posts;
  gboolean only_new_posts;
  guint64 n_posts;
  guint64 n_reels;
  guint64 n_stories;
  guint64 n_reposts;
  guint64 n_archived;
  guint64 n_interactions;
  guint64 n_follower_days;
  /* Follower figures wait in temporary tables until the commit (rapport-store-import-figures.c). */
  gboolean staged_figures;
  guint64 n_skipped;
  char *first_skip;
  /* Per follow list: the records skipped while it was being read, and the first of them. */
  int current_list;            /* a RapportDirection, or -1 before the first list */
  /* Per direction, how the list is written: unknown yet, straight into follow_span (the
   * account has no list of that direction yet), or staged and compared with the newest. */
  enum { LIST_MODE_UNKNOWN, LIST_MODE_DIRECT, LIST_MODE_STAGED } list_mode[2];
  guint64 list_skipped[2];
  char *list_first_skip[2];

  /* What differs between the follower list the open spans held and this import's, noted by
   * the walk of a staged list, and who counts the step from it (rapport-store.h). */
  RapportFollowerDiff *follower_diff;
  RapportChurnCountFunc churn_func;
  gpointer churn_data;

  RapportImportProgressFunc progress_func;
  gpointer progress_data;

  /* The pictures named (rapport-store-images.c), for the import job to make thumbnails of. */
  GPtrArray *images;

  /* A second account of the same export, in this transaction (rapport_store_import_add_part()),
   * and in it the name its content hash is derived with. */
  struct _RapportStoreImport *part;
  char *part_name;
};

/*
 * The follow lists are stored as spans: a span says that an account was in the lists of one
 * direction from the export first_snapshot to last_snapshot, as the same who with the same
 * handle, platform id and follow date.  Spans the newest list of that direction still holds are
 * open (follow_span_open, keyed by who); the others ended (follow_span_closed, keyed by the
 * export they end with); the view follow_span reads both, with last_snapshot NULL for an open
 * one.  The list of export S is every span with first_snapshot <= S and S <= last_snapshot.
 * Snapshot ids grow with each import, so an export's list is always written as the newest:
 * only the accounts that came, left or changed add a row.
 *
 * This statement writes into @target (with follow_span's columns) the spans of per-export rows
 * (snapshot_id, direction, who, handle, platform_id, since) in the table @source: consecutive
 * exports of an account that have the list (has_followers or has_following) and hold the same
 * row make one span.  Migration 4 used it on the old relation table; a merge of two accounts
 * uses it on their lists read back.
 */
#define RAPPORT_STORE_SPANS_INTO(target, source) \
  "INSERT INTO " target " (account_id, direction, who, first_snapshot, last_snapshot," \
  "                         handle, platform_id, since)" \
  " WITH lists AS (" \
  "   SELECT s.account_id, d.direction, s.id AS snapshot_id," \
  "          row_number () OVER (PARTITION BY s.account_id, d.direction ORDER BY s.id)" \
  "            AS position," \
  "          count (*) OVER (PARTITION BY s.account_id, d.direction) AS n_lists" \
  "     FROM snapshot AS s" \
  "     JOIN (SELECT 0 AS direction UNION ALL SELECT 1) AS d" \
  "       ON CASE d.direction WHEN 0 THEN s.has_followers ELSE s.has_following END)," \
  " members AS (" \
  "   SELECT l.account_id, r.direction, r.who, r.handle, r.platform_id, r.since," \
  "          l.snapshot_id, l.position, l.n_lists," \
  "          l.position - row_number () OVER (PARTITION BY l.account_id, r.direction, r.who," \
  "                                                         r.handle, r.platform_id, r.since" \
  "                                            ORDER BY l.position) AS island" \
  "     FROM " source " AS r" \
  "     JOIN lists AS l ON l.snapshot_id = r.snapshot_id AND l.direction = r.direction)" \
  " SELECT account_id, direction, who, min (snapshot_id)," \
  "        CASE WHEN max (position) = max (n_lists) THEN NULL ELSE max (snapshot_id) END," \
  "        handle, platform_id, since" \
  "   FROM members" \
  "  GROUP BY account_id, direction, who, handle, platform_id, since, island;"

/* SELECT @columns of the spans that hold the list of export @snapshot (SQL), among those
 * @where (SQL) picks: the open ones that began by then and the ended ones that span it.  Each
 * part keeps its own order, so an ORDER BY on a column of the open spans' key merges the two
 * rather than sorting the open ones. */
#define RAPPORT_STORE_SELECT_LIST(columns, where, snapshot) \
  "SELECT " columns " FROM follow_span_open" \
  " WHERE " where " AND first_snapshot <= " snapshot \
  " UNION ALL" \
  " SELECT " columns " FROM follow_span_closed" \
  " WHERE " where " AND first_snapshot <= " snapshot " AND last_snapshot >= " snapshot

/* The exports that the ended spans @where (SQL) picks end with, from export @snapshot (SQL) on,
 * one step each through follow_span_closed's key.  That table has no index by who: an import
 * wrote its ended spans all over one, which grew with the history.  A who is looked up among
 * the ended spans of an export's list with one probe of the key per export found here: none
 * for the newest list, one per later export for an older one. */
#define RAPPORT_STORE_SELECT_ENDS(where, snapshot) \
  "WITH RECURSIVE ends (id) AS (" \
  " SELECT min (last_snapshot) FROM follow_span_closed" \
  "  WHERE " where " AND last_snapshot >= " snapshot \
  " UNION ALL" \
  " SELECT (SELECT min (last_snapshot) FROM follow_span_closed" \
  "          WHERE " where " AND last_snapshot > ends.id)" \
  "   FROM ends WHERE ends.id IS NOT NULL)" \
  " SELECT id FROM ends"

/* SELECT @columns of the span of @who (SQL) that holds the list of export @snapshot (SQL),
 * among those @where (SQL) picks: at most one row, looked up in both tables' keys. */
#define RAPPORT_STORE_LOOKUP_LIST(columns, where, who, snapshot) \
  "SELECT " columns " FROM follow_span_open" \
  " WHERE " where " AND who = " who " AND first_snapshot <= " snapshot \
  " UNION ALL" \
  " SELECT " columns " FROM follow_span_closed" \
  " WHERE " where " AND last_snapshot IN (" RAPPORT_STORE_SELECT_ENDS (where, snapshot) ")" \
  "   AND who = " who " AND first_snapshot <= " snapshot

/* rapport-store-spans.c: two statements over follow_span_open and follow_span_closed, each
 * ordered by who (in column @who_column), read as one: next() returns the statement whose row
 * comes next, NULL after the last; finish() resets both and says whether both ran to the end
 * rather than failing. */
typedef struct
{
  sqlite3_stmt *open_spans;
  sqlite3_stmt *ended_spans;
  sqlite3_stmt *current;
  int           open_status;
  int           ended_status;
  int           who_column;
} RapportSpanReader;

void          rapport_span_reader_start     (RapportSpanReader *reader,
                                             sqlite3_stmt      *open_spans,
                                             sqlite3_stmt      *ended_spans,
                                             int                who_column);
sqlite3_stmt *rapport_span_reader_next      (RapportSpanReader *reader);
gboolean      rapport_span_reader_finish    (RapportSpanReader *reader);

/* rapport-store-import-known.c */

/* The columns of an account and its snapshot that fill an import's summary. */
#define RAPPORT_STORE_SUMMARY_COLUMNS \
  "SELECT a.id, a.platform, a.handle, a.display_name, s.id, s.source_name, s.exported_at," \
  "       s.imported_at, s.n_followers, s.n_following, s.n_posts, s.has_followers," \
  "       s.has_following, s.n_reels, s.n_stories, s.n_reposts, s.n_archived," \
  "       s.n_follower_days" \
  "  FROM snapshot s JOIN account a ON a.id = s.account_id"

/* Fails with RAPPORT_STORE_ERROR_DUPLICATE, filling @summary_out, when @stmt (a query of
 * RAPPORT_STORE_SUMMARY_COLUMNS) finds a row: the export @source_name was imported before. */
gboolean rapport_store_import_check_duplicate (sqlite3_stmt            *stmt,
                                               const char              *source_name,
                                               RapportImportSummary    *summary_out,
                                               GError                 **error);

/* Binds @text, or NULL when @text is NULL. */
void     rapport_store_bind_text              (sqlite3_stmt            *stmt,
                                               int                      index,
                                               const char              *text);
/* Binds @count, or NULL when it is unknown (RAPPORT_COUNT_UNKNOWN). */
void     rapport_store_bind_count             (sqlite3_stmt            *stmt,
                                               int                      index,
                                               gint64                   count);
/* Steps @stmt, which must be done after one step.  @what is untranslated (N_()): it is looked
 * up only on failure, not for every row. */
gboolean rapport_store_import_step_done       (RapportStoreImport      *self,
                                               sqlite3_stmt            *stmt,
                                               const char              *what,
                                               GError                 **error);
/* Fails when a record arrives before the account, which an importer must set first. */
gboolean rapport_store_import_require_account (RapportStoreImport      *self,
                                               GError                 **error);
void     rapport_store_import_skip            (RapportImportSink       *sink,
                                               const char              *entry_name,
                                               const char              *reason);

/* rapport-store-import-relations.c */
gboolean rapport_store_import_add_relation    (RapportImportSink       *sink,
                                               const RapportRelation   *relation,
                                               GError                 **error);
/* Writes the relations of @direction held so far, sorted, and counts them. */
gboolean rapport_store_import_flush_relations (RapportStoreImport      *self,
                                               RapportDirection         direction,
                                               GError                 **error);

/* rapport-store-import-figures.c: follower totals and daily gains, staged until the commit,
 * when merge_figures() joins them to the stored ones (once the export's date is final). */
gboolean rapport_store_import_add_follower_count (RapportImportSink          *sink,
                                                  const RapportFollowerCount *count,
                                                  GError                    **error);
gboolean rapport_store_import_add_follower_gain  (RapportImportSink          *sink,
                                                  const RapportFollowerGain  *gain,
                                                  GError                    **error);
gboolean rapport_store_import_merge_figures      (RapportStoreImport         *self,
                                                  GError                    **error);

/* Whether the row of follower_count or follower_gain (@table) that an upsert finds comes from
 * a newer export than the row it brings: a later export date, else a later snapshot id.  A
 * row of no snapshot is older than any. */
#define RAPPORT_STORE_KEPT_IS_NEWER(table) \
  "EXISTS (SELECT 1 FROM snapshot AS kept, snapshot AS brought" \
  "         WHERE kept.id = " table ".snapshot_id AND brought.id = excluded.snapshot_id" \
  "           AND (kept.exported_at, kept.id) > (brought.exported_at, brought.id))"

/* The ON CONFLICT clauses that write follower figures, after an INSERT … SELECT (whose SELECT
 * needs a WHERE, or SQLite reads the ON as a join's), so that the newer export's figure of a
 * day wins whatever the order the exports arrive in: at an import, and when two accounts are
 * merged.  A gain the newer one leaves unknown is the older one's. */
#define RAPPORT_STORE_UPSERT_FOLLOWER_COUNT \
  " ON CONFLICT (account_id, at, source) DO UPDATE SET" \
  "   snapshot_id = excluded.snapshot_id, count = excluded.count" \
  " WHERE NOT " RAPPORT_STORE_KEPT_IS_NEWER ("follower_count")
#define RAPPORT_STORE_UPSERT_FOLLOWER_GAIN \
  " ON CONFLICT (account_id, day) DO UPDATE SET" \
  "   snapshot_id = CASE WHEN " RAPPORT_STORE_KEPT_IS_NEWER ("follower_gain") \
  "                 THEN follower_gain.snapshot_id ELSE excluded.snapshot_id END," \
  "   gained = CASE WHEN " RAPPORT_STORE_KEPT_IS_NEWER ("follower_gain") \
  "            THEN coalesce (follower_gain.gained, excluded.gained)" \
  "            ELSE coalesce (excluded.gained, follower_gain.gained) END," \
  "   lost = CASE WHEN " RAPPORT_STORE_KEPT_IS_NEWER ("follower_gain") \
  "          THEN coalesce (follower_gain.lost, excluded.lost)" \
  "          ELSE coalesce (excluded.lost, follower_gain.lost) END"

/* rapport-store-images.c */
gboolean rapport_store_import_add_post_image  (RapportImportSink       *sink,
                                               const RapportPostImage  *image,
                                               GError                 **error);

/* rapport-store-import-minutes.c: posts known to the minute only, and those they join. */
gboolean rapport_store_import_is_time_keyed     (const RapportPost    *post);
gboolean rapport_store_import_find_same_minute  (RapportStoreImport   *self,
                                                 const RapportPost    *post,
                                                 char                **joined_id,
                                                 GError              **error);
gboolean rapport_store_import_has_minute_posts  (RapportStoreImport   *self,
                                                 gboolean             *out,
                                                 GError              **error);
gboolean rapport_store_import_adopt_same_minute (RapportStoreImport   *self,
                                                 const RapportPost    *post,
                                                 GError              **error);

/* rapport-store-import-rows.c: rows written many to a statement.  @one and @many insert one
 * row and @n_rows rows of the same parameters; made once, as the store caches prepared
 * statements by the address of their text. */
typedef struct
{
  const char *one;
  const char *many;
  guint n_rows;
} RapportRowsSql;

/* Binds row @i of the rows to write as row @row of the statement: every parameter of the row,
 * NULL ones too, since the statement keeps those of its last run. */
typedef void (*RapportBindRowFunc) (sqlite3_stmt *stmt,
                                    guint         row,
                                    guint         i,
                                    gpointer      data);

/* Parameter @param (from 1) of row @row of a statement of rows of @n_params. */
#define RAPPORT_ROW_PARAM(row, n_params, param) ((int) ((row) * (n_params) + (param)))

/* "@head VALUES (?, …), … @tail" for @n_rows rows of @n_params. */
char    *rapport_store_values_sql             (const char              *head,
                                               guint                    n_params,
                                               guint                    n_rows,
                                               const char              *tail);
/* A table's columns of which a batch of rows may know only some: the rows are written by a
 * statement that names the fixed columns and those of the optional ones that some row knows,
 * so that a batch of X posts, which know two counts of eleven, binds 10 parameters a row where
 * it bound 20.  The statements are made once per set of columns and kept for the process, up
 * to RAPPORT_ROWS_COLUMN_SETS sets; rows of further sets are written naming every column. */
#define RAPPORT_ROWS_COLUMN_SETS 8

typedef struct
{
  const char *head;               /* "INSERT … INTO table (" and the leading fixed columns */
  const char * const *optional;   /* bit i of a set of columns is optional[i] */
  guint n_optional;
  const char *tail;               /* the trailing fixed columns, ", a, b" or "" */
  guint n_fixed;                  /* leading and trailing */
  guint n_rows;                   /* of the statement of many rows */
  /* Made so far, under a lock: the sets and their statements. */
  guint n_sets;
  guint32 sets[RAPPORT_ROWS_COLUMN_SETS];
  RapportRowsSql sql[RAPPORT_ROWS_COLUMN_SETS];
} RapportRowsColumns;

/* The statements that write the optional columns in *@columns_set (the others left NULL), and
 * their parameters per row in *@n_params; *@columns_set becomes every optional column when
 * there are too many sets already. */
const RapportRowsSql *rapport_store_rows_sql_for (RapportRowsColumns *columns,
                                                  guint32            *columns_set,
                                                  guint              *n_params);
/* Writes @n rows, @sql->n_rows at a time and the rest one by one; adds the rows changed to
 * *@changes when it is not NULL. */
gboolean rapport_store_import_insert_rows     (RapportStoreImport      *self,
                                               const RapportRowsSql    *sql,
                                               guint                    n,
                                               RapportBindRowFunc       bind,
                                               gpointer                 data,
                                               const char              *what,
                                               guint64                 *changes,
                                               GError                 **error);

/* rapport-store-import-interactions.c: the creator's comments and likes, written in batches
 * (flushed before the snapshot is completed). */
gboolean rapport_store_import_add_interaction (RapportImportSink        *sink,
                                               const RapportInteraction *interaction,
                                               GError                  **error);
gboolean rapport_store_import_flush_interactions (RapportStoreImport   *self,
                                                  GError              **error);
void     rapport_store_import_free_interactions  (RapportStoreImport   *self);

/* rapport-store-import-posts.c */
gboolean rapport_store_import_add_post        (RapportImportSink       *sink,
                                               const RapportPost       *post,
                                               GError                 **error);
/* Drops the posts still waiting to be written (rapport_store_import_count_posts() writes
 * them first). */
void     rapport_store_import_free_posts      (RapportStoreImport      *self);

/* rapport-store-import-posts.c: fills the counts of posts by kind, at the commit. */
/* rapport-store-churn.c: what differs between the follower lists of two exports, and the
 * kept counts of the account's steps on its snapshots. */
RapportFollowerDiff *rapport_store_load_follower_diff (RapportStore      *self,
                                                  gint64             account_id,
                                                  gint64             older_id,
                                                  gint64             newer_id,
                                                  gint64             following_id,
                                                  RapportPeople     *newer_list,
                                                  GError           **error);
gboolean rapport_store_load_churn_counts        (RapportStore            *self,
                                                 RapportDataset          *dataset,
                                                 GError                 **error);
/* Notes what the walk of a staged follower list found different (temp.span_change). */
gboolean rapport_store_import_note_follower_diff (RapportStoreImport     *self,
                                                 GError                 **error);
/* Counts and keeps the step into this import's follower list, when it is the newest. */
gboolean rapport_store_import_count_churn       (RapportStoreImport      *self,
                                                 GError                 **error);
gboolean rapport_store_write_churn_counts       (RapportStore            *store,
                                                 const RapportChurnCounts *counts,
                                                 GError                 **error);
/* Writes the posts waiting in the batch (rapport-store-import-posts.c). */
gboolean rapport_store_import_flush_posts       (RapportStoreImport      *self,
                                                 GError                 **error);
gboolean rapport_store_import_count_posts       (RapportStoreImport      *self,
                                                 GError                 **error);

/* rapport-store-keep.c: fills @dataset->kept. */
gboolean rapport_store_load_kept                (RapportStore            *self,
                                                 RapportDataset          *dataset,
                                                 GError                 **error);
/* rapport-store-names.c: fills @dataset->names, and the handles of the people of its loaded
 * lists that are known by id alone, from every list and kept account that names them; after
 * rapport_store_load_kept(). */
gboolean rapport_store_load_names               (RapportStore            *self,
                                                 RapportDataset          *dataset,
                                                 GError                 **error);

G_END_DECLS
