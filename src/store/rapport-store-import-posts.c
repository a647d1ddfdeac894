/* rapport-store-import-posts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The posts of an import: each post inserted or enriched, its counts at this snapshot and its
 * hashtags and mentions.  New posts are written POST_BATCH at a time, a statement of many rows
 * for each table (rapport-store-import-rows.c).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* The columns a post may leave unknown: its counts, then its text and address. */
static const char * const optional_columns[] = {
  "likes", "comments", "shares", "saves", "replies", "quotes", "views", "impressions", "reach",
  "engagements", "follows", "text", "url",
};
#define N_COUNTS 11
#define COUNT_COLUMNS ((1u << N_COUNTS) - 1)
#define TEXT_COLUMN (1u << N_COUNTS)
#define URL_COLUMN (1u << (N_COUNTS + 1))

/* Posts written by one statement, and rows of hashtags and mentions. */
#define POST_BATCH 64
#define POST_PARAMS 20
#define COUNTS_PARAMS 13
#define TAG_PARAMS 3

/* A post waiting in the batch; its strings live in the batch's chunk. */
typedef struct
{
  RapportPost post;
  int time_unit;
  guint first_tag; /* in RapportPendingPosts.tags: its hashtags, then its mentions */
  guint n_hashtags;
  guint n_mentions;
  gint64 id;       /* given it in the batch; 0 when it was there already */
} PendingPost;

struct _RapportPendingPosts
{
  GArray *posts;        /* PendingPost */
  GPtrArray *tags;      /* const char *, in the chunk */
  GStringChunk *strings;
  guint32 columns;      /* the optional columns some post of the batch knows */
};

#define INSERT_POST \
  "INSERT OR IGNORE INTO post (id, account_id, platform_post_id, type, created_at, text, url," \
  "                            likes, comments, shares, saves, replies, quotes, views," \
  "                            impressions, reach, engagements, follows, archived, time_unit)"
#define COUNTS_COLUMNS \
  " post_counts (post_id, snapshot_id, likes, comments, shares, saves, replies, quotes, views," \
  "              impressions, reach, engagements, follows)"
#define INSERT_COUNTS "INSERT INTO" COUNTS_COLUMNS
#define UPSERT_COUNTS \
  " ON CONFLICT (post_id, snapshot_id) DO UPDATE SET" \
  "   likes = coalesce (excluded.likes, likes)," \
  "   comments = coalesce (excluded.comments, comments)," \
  "   shares = coalesce (excluded.shares, shares)," \
  "   saves = coalesce (excluded.saves, saves)," \
  "   replies = coalesce (excluded.replies, replies)," \
  "   quotes = coalesce (excluded.quotes, quotes)," \
  "   views = coalesce (excluded.views, views)," \
  "   impressions = coalesce (excluded.impressions, impressions)," \
  "   reach = coalesce (excluded.reach, reach)," \
  "   engagements = coalesce (excluded.engagements, engagements)," \
  "   follows = coalesce (excluded.follows, follows)"
#define INSERT_TAG "INSERT OR IGNORE INTO post_tag (post_id, kind, value)"

/* The new posts of a batch and their counts, naming the columns some post knows. */
static RapportRowsColumns post_columns = {
  "INSERT OR IGNORE INTO post (id, account_id, platform_post_id, type, created_at",
  optional_columns, G_N_ELEMENTS (optional_columns), ", archived, time_unit", 7, POST_BATCH,
};
/* A batch's posts are new, so their counts meet no row to merge with; and a statement of many
 * rows that could abort (an upsert's NOT NULL checks) makes SQLite keep a statement journal, in
 * a temporary file, of the pages it changes. */
static RapportRowsColumns counts_columns = {
  "INSERT OR IGNORE INTO post_counts (post_id, snapshot_id", optional_columns, N_COUNTS, "", 2,
  POST_BATCH,
};

typedef enum
{
  SQL_POST,
  SQL_COUNTS,
  SQL_TAG,
  N_SQL,
} SqlKind;

/* The statements of one row and of a batch of rows of each kind. */
static const RapportRowsSql *
batch_sql (SqlKind kind)
{
  static RapportRowsSql sql[N_SQL];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      /* Batches of new posts and their counts: post_columns, counts_columns. */
      sql[SQL_POST].one = rapport_store_values_sql (INSERT_POST, POST_PARAMS, 1, "");
      sql[SQL_COUNTS].one = rapport_store_values_sql (INSERT_COUNTS, COUNTS_PARAMS, 1,
                                                      UPSERT_COUNTS);
      sql[SQL_TAG].one = rapport_store_values_sql (INSERT_TAG, TAG_PARAMS, 1, "");
      sql[SQL_TAG].many = rapport_store_values_sql (INSERT_TAG, TAG_PARAMS, POST_BATCH, "");
      for (guint i = 0; i < N_SQL; i++)
        sql[i].n_rows = POST_BATCH;
      g_once_init_leave (&made, 1);
    }
  return &sql[kind];
}

#define PARAM RAPPORT_ROW_PARAM

static void
tally_posts (RapportPostTally *tally,
             RapportPostType   type,
             gboolean          archived,
             guint64           n)
{
  if (type == RAPPORT_POST_REEL)
    tally->reels += n;
  else if (type == RAPPORT_POST_STORY)
    tally->stories += n;
  else if (type == RAPPORT_POST_REPOST)
    tally->reposts += n;
  else
    tally->posts += n;
  if (archived)
    tally->archived += n;
}

/* A hashtag (kind 0) or mention (kind 1) of a post. */
typedef struct
{
  gint64 post_id;
  int kind;
  const char *value;
} TagRow;

static void
bind_tag (sqlite3_stmt *stmt,
          guint         row,
          guint         i,
          gpointer      data)
{
  const TagRow *tag = &g_array_index ((GArray *) data, TagRow, i);

  sqlite3_bind_int64 (stmt, PARAM (row, TAG_PARAMS, 1), tag->post_id);
  sqlite3_bind_int (stmt, PARAM (row, TAG_PARAMS, 2), tag->kind);
  sqlite3_bind_text (stmt, PARAM (row, TAG_PARAMS, 3), tag->value, -1, SQLITE_STATIC);
}

/* Notes the @n @values of kind @kind of post @post_id in @rows. */
static void
collect_tags (GArray             *rows,
              gint64              post_id,
              int                 kind,
              const char * const *values,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      TagRow tag = { post_id, kind, values[i] };

      g_array_append_val (rows, tag);
    }
}

static gboolean
add_tags (RapportStoreImport  *self,
          GArray              *rows,
          GError             **error)
{
  return rapport_store_import_insert_rows (self, batch_sql (SQL_TAG), rows->len, bind_tag, rows,
                                           N_("saving hashtags"), NULL, error);
}

/* The address of @post to store: none where the platform makes it again from the post's id
 * and the account's handle (rapport_platform_post_url()), a tenth of an X archive's bytes. */
static const char *
url_to_store (RapportStoreImport *self,
              const RapportPost  *post)
{
  return rapport_platform_post_url_is_made (self->platform, self->handle, post->platform_id,
                                            post->url) ? NULL : post->url;
}

/* Every statement comes from rapport_store_prepare() with its parameters NULL: an unknown
 * count is left so, which spares most counts of most posts a call. */
static void
bind_counts (sqlite3_stmt *stmt,
             int           first,
             const gint64 *counts)
{
  for (guint i = 0; i < N_COUNTS; i++)
    {
      if (counts[i] >= 0)
        sqlite3_bind_int64 (stmt, first + i, counts[i]);
    }
}

static void
post_counts (const RapportPost *post,
             gint64            *counts)
{
  const gint64 values[] = {
    post->likes, post->comments, post->shares, post->saves, post->replies, post->quotes,
    post->views, post->impressions, post->reach, post->engagements, post->follows,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == N_COUNTS);
  memcpy (counts, values, sizeof values);
}

/* A post already stored (an earlier export, an analytics file of this one, or twice in one
 * file) takes what this one knows better. */
static gboolean
update_post (RapportStoreImport  *self,
             const RapportPost   *post,
             const char          *platform_id,
             int                  time_unit,
             gint64              *post_id,
             GError             **error)
{
  gint64 counts[N_COUNTS];
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (self->store,
    "SELECT id FROM post WHERE account_id = ?1 AND platform_post_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_text (stmt, 2, platform_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *post_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* Known counts replace stored ones and unknown ones keep them, so an analytics file and
   * the archive enrich the same post in either order.  The longer text wins (archives
   * truncate long posts), and a plain "text" type never hides a more specific one.  A
   * finer time (time_unit: a day, a minute or a second) replaces a coarser one. */
  stmt = rapport_store_prepare (self->store,
    "UPDATE post SET"
    "   type = CASE WHEN ?2 = 'text' THEN type ELSE ?2 END,"
    "   created_at = CASE WHEN ?17 < time_unit THEN ?18 ELSE created_at END,"
    "   time_unit = min (time_unit, ?17),"
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
    "   follows = coalesce (?15, follows),"
    "   archived = archived OR ?16"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  post_counts (post, counts);
  sqlite3_bind_int64 (stmt, 1, *post_id);
  sqlite3_bind_text (stmt, 2, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
  rapport_store_bind_text (stmt, 3, post->text);
  rapport_store_bind_text (stmt, 4, url_to_store (self, post));
  bind_counts (stmt, 5, counts);
  sqlite3_bind_int (stmt, 16, post->archived);
  sqlite3_bind_int (stmt, 17, time_unit);
  sqlite3_bind_int64 (stmt, 18, post->created_at);
  return rapport_store_import_step_done (self, stmt, N_("saving posts"), error);
}

/* The counts of @post at this snapshot, and its hashtags and mentions, once it is @post_id. */
static gboolean
add_counts_and_tags (RapportStoreImport  *self,
                     const RapportPost   *post,
                     gint64               post_id,
                     const char * const  *hashtags,
                     guint                n_hashtags,
                     const char * const  *mentions,
                     guint                n_mentions,
                     GError             **error)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (TagRow));
  gint64 counts[N_COUNTS];
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (self->store, batch_sql (SQL_COUNTS)->one, error);
  if (stmt == NULL)
    return FALSE;
  post_counts (post, counts);
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  bind_counts (stmt, 3, counts);
  if (!rapport_store_import_step_done (self, stmt, N_("saving post history"), error))
    return FALSE;

  collect_tags (tags, post_id, 0, hashtags, n_hashtags);
  collect_tags (tags, post_id, 1, mentions, n_mentions);
  return add_tags (self, tags, error);
}

static guint
strv_length (const char * const *values)
{
  return values != NULL ? g_strv_length ((char **) values) : 0;
}

/* A post that may join or adopt another by its minute, written at once. */
static gboolean
add_post_now (RapportStoreImport  *self,
              const RapportPost   *post,
              GError             **error)
{
  gint64 counts[N_COUNTS];
  g_autofree char *joined_id = NULL;
  const char *platform_id = post->platform_id;
  sqlite3_stmt *stmt;
  gint64 post_id;
  int time_unit;

  /* It may join, adopt or enrich a post stored already, whose kind the store decides. */
  self->only_new_posts = FALSE;
  if (post->minute_only &&
      !rapport_store_import_find_same_minute (self, post, &joined_id, error))
    return FALSE;
  if (joined_id != NULL)
    platform_id = joined_id;
  /* How precisely created_at is known; a minute-only post that joined one of the export is
   * that post, whose time is exact. */
  time_unit = post->day_only ? 86400 : post->minute_only && joined_id == NULL ? 60 : 1;
  if (joined_id == NULL && !post->minute_only && rapport_store_import_is_time_keyed (post) &&
      !rapport_store_import_adopt_same_minute (self, post, error))
    return FALSE;

  /* A new post is inserted; one seen before (an earlier export, or an analytics file of this
   * one) is updated instead.  An upsert with RETURNING would do both in one statement, but
   * SQLite runs such a statement with a statement journal, copying every page it touches
   * (five B-trees per post) and tripling the cost of a big import. */
  stmt = rapport_store_prepare (self->store, batch_sql (SQL_POST)->one, error);
  if (stmt == NULL)
    return FALSE;
  post_counts (post, counts);
  sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, self->account_id);
  sqlite3_bind_text (stmt, 3, platform_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, post->created_at);
  rapport_store_bind_text (stmt, 6, post->text);
  rapport_store_bind_text (stmt, 7, url_to_store (self, post));
  bind_counts (stmt, 8, counts);
  sqlite3_bind_int (stmt, 19, post->archived);
  sqlite3_bind_int (stmt, 20, time_unit);
  if (!rapport_store_import_step_done (self, stmt, N_("saving posts"), error))
    return FALSE;

  if (sqlite3_changes (rapport_store_get_db (self->store)) > 0)
    {
      post_id = sqlite3_last_insert_rowid (rapport_store_get_db (self->store));
      if (time_unit == 60)
        self->has_minute_posts = TRUE;
    }
  else if (!update_post (self, post, platform_id, time_unit, &post_id, error))
    return FALSE;

  return add_counts_and_tags (self, post, post_id, post->hashtags, strv_length (post->hashtags),
                              post->mentions, strv_length (post->mentions), error);
}

/* Binds the columns of @columns_set of @post, from parameter *@param on. */
static void
bind_optional (sqlite3_stmt      *stmt,
               int               *param,
               guint32            columns_set,
               const RapportPost *post)
{
  gint64 counts[N_COUNTS];

  post_counts (post, counts);
  for (guint i = 0; i < N_COUNTS; i++)
    {
      if (columns_set & (1u << i))
        rapport_store_bind_count (stmt, (*param)++, counts[i]);
    }
  if (columns_set & TEXT_COLUMN)
    rapport_store_bind_text (stmt, (*param)++, post->text);
  if (columns_set & URL_COLUMN)
    rapport_store_bind_text (stmt, (*param)++, post->url);
}

/* Rows of the batch being written: the columns their statement names. */
typedef struct
{
  RapportStoreImport *self;
  GArray *inserted; /* guint, positions in the batch of the posts it inserted */
  guint32 columns;
  guint n_params;
} BatchRows;

static void
bind_post_row (sqlite3_stmt *stmt,
               guint         row,
               guint         i,
               gpointer      data)
{
  BatchRows *rows = data;
  const PendingPost *pending = &g_array_index (rows->self->pending_posts->posts, PendingPost, i);
  const RapportPost *post = &pending->post;
  int param = PARAM (row, rows->n_params, 1);

  sqlite3_bind_int64 (stmt, param++, pending->id);
  sqlite3_bind_int64 (stmt, param++, rows->self->account_id);
  sqlite3_bind_text (stmt, param++, post->platform_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param++, rapport_post_type_to_string (post->type), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param++, post->created_at);
  bind_optional (stmt, &param, rows->columns, post);
  sqlite3_bind_int (stmt, param++, post->archived);
  sqlite3_bind_int (stmt, param, pending->time_unit);
}

static void
bind_counts_row (sqlite3_stmt *stmt,
                 guint         row,
                 guint         i,
                 gpointer      data)
{
  BatchRows *rows = data;
  RapportPendingPosts *batch = rows->self->pending_posts;
  const PendingPost *pending = &g_array_index (batch->posts, PendingPost,
                                               g_array_index (rows->inserted, guint, i));
  int param = PARAM (row, rows->n_params, 1);

  sqlite3_bind_int64 (stmt, param++, pending->id);
  sqlite3_bind_int64 (stmt, param++, rows->self->snapshot_id);
  bind_optional (stmt, &param, rows->columns, &pending->post);
}

/* Which ids of @first to @first + @n - 1 the batch's insert used: the others' posts were
 * stored already and were left as they are. */
static gboolean
mark_stored (RapportStoreImport  *self,
             gint64               first,
             guint                n,
             GError             **error)
{
  RapportPendingPosts *batch = self->pending_posts;
  g_autoptr(GHashTable) used = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self->store,
    "SELECT id FROM post WHERE id BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, first + n - 1);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (used, &g_array_index (ids, gint64, i));

  for (guint i = 0; i < batch->posts->len; i++)
    {
      PendingPost *pending = &g_array_index (batch->posts, PendingPost, i);

      if (!g_hash_table_contains (used, &pending->id))
        pending->id = 0;
    }
  return TRUE;
}

/* Writes the posts waiting in the batch: the new ones by a statement of many rows for each
 * table, then those stored already one by one, in their order. */
static gboolean
flush_posts (RapportStoreImport  *self,
             GError             **error)
{
  RapportPendingPosts *batch = self->pending_posts;
  g_autoptr(GArray) inserted = NULL;
  g_autoptr(GArray) tags = NULL;
  BatchRows post_rows = { self, NULL, batch != NULL ? batch->columns : 0, 0 };
  BatchRows count_rows = { self, NULL, post_rows.columns & COUNT_COLUMNS, 0 };
  const RapportRowsSql *sql;
  sqlite3_stmt *stmt;
  guint64 changes = 0;
  gint64 first;
  guint n;
  gboolean ok = FALSE;

  if (batch == NULL || batch->posts->len == 0)
    return TRUE;
  n = batch->posts->len;

  /* Ids of their own: the rows a batch inserted are then known without a lookup each. */
  stmt = rapport_store_prepare (self->store, "SELECT ifnull (max (id), 0) + 1 FROM post", error);
  if (stmt == NULL)
    goto out;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
      sqlite3_reset (stmt);
      goto out;
    }
  first = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  for (guint i = 0; i < n; i++)
    g_array_index (batch->posts, PendingPost, i).id = first + i;

  sql = rapport_store_rows_sql_for (&post_columns, &post_rows.columns, &post_rows.n_params);
  if (!rapport_store_import_insert_rows (self, sql, n, bind_post_row, &post_rows,
                                         N_("saving posts"), &changes, error))
    goto out;
  /* A post stored already, or twice in the batch, was left alone by the insert. */
  if (changes < n && !mark_stored (self, first, n, error))
    goto out;

  inserted = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  tags = g_array_new (FALSE, FALSE, sizeof (TagRow));
  for (guint i = 0; i < n; i++)
    {
      const PendingPost *pending = &g_array_index (batch->posts, PendingPost, i);
      const char * const *values = (const char * const *) batch->tags->pdata + pending->first_tag;

      if (pending->id == 0)
        {
          self->only_new_posts = FALSE;
          continue;
        }
      g_array_append_val (inserted, i);
      tally_posts (&self->new_posts, pending->post.type, pending->post.archived, 1);
      collect_tags (tags, pending->id, 0, values, pending->n_hashtags);
      collect_tags (tags, pending->id, 1, values + pending->n_hashtags, pending->n_mentions);
    }
  count_rows.inserted = inserted;
  sql = rapport_store_rows_sql_for (&counts_columns, &count_rows.columns, &count_rows.n_params);
  if (!rapport_store_import_insert_rows (self, sql, inserted->len, bind_counts_row, &count_rows,
                                         N_("saving post history"), NULL, error) ||
      !add_tags (self, tags, error))
    goto out;

  for (guint i = 0; i < n; i++)
    {
      const PendingPost *pending = &g_array_index (batch->posts, PendingPost, i);
      const char * const *values = (const char * const *) batch->tags->pdata + pending->first_tag;
      gint64 post_id;

      if (pending->id != 0)
        continue;
      if (!update_post (self, &pending->post, pending->post.platform_id, pending->time_unit,
                        &post_id, error) ||
          !add_counts_and_tags (self, &pending->post, post_id, values, pending->n_hashtags,
                                values + pending->n_hashtags, pending->n_mentions, error))
        goto out;
    }
  ok = TRUE;

out:
  g_array_set_size (batch->posts, 0);
  g_ptr_array_set_size (batch->tags, 0);
  g_string_chunk_clear (batch->strings);
  batch->columns = 0;
  return ok;
}

static const char *
keep_string (RapportPendingPosts *batch,
             const char          *text)
{
  return text != NULL ? g_string_chunk_insert (batch->strings, text) : NULL;
}

static guint
keep_strings (RapportPendingPosts *batch,
              const char * const  *values)
{
  guint n = 0;

  for (; values != NULL && values[n] != NULL; n++)
    g_ptr_array_add (batch->tags, (gpointer) keep_string (batch, values[n]));
  return n;
}

/* The optional columns @post knows. */
static guint32
known_columns (const RapportPost *post)
{
  gint64 counts[N_COUNTS];
  guint32 known = 0;

  post_counts (post, counts);
  for (guint i = 0; i < N_COUNTS; i++)
    {
      if (counts[i] >= 0)
        known |= 1u << i;
    }
  if (post->text != NULL)
    known |= TEXT_COLUMN;
  if (post->url != NULL)
    known |= URL_COLUMN;
  return known;
}

/* Keeps a copy of @post for the batch. */
static void
keep_post (RapportStoreImport *self,
           const RapportPost  *post)
{
  RapportPendingPosts *batch = self->pending_posts;
  PendingPost pending = { 0 };

  if (batch == NULL)
    {
      batch = self->pending_posts = g_new0 (RapportPendingPosts, 1);
      batch->posts = g_array_sized_new (FALSE, FALSE, sizeof (PendingPost), POST_BATCH);
      batch->tags = g_ptr_array_new ();
      batch->strings = g_string_chunk_new (64 * 1024);
    }

  pending.post = *post;
  pending.post.platform_id = keep_string (batch, post->platform_id);
  pending.post.text = keep_string (batch, post->text);
  pending.post.url = keep_string (batch, url_to_store (self, post));
  pending.post.hashtags = NULL;
  pending.post.mentions = NULL;
  pending.time_unit = post->day_only ? 86400 : 1;
  pending.first_tag = batch->tags->len;
  pending.n_hashtags = keep_strings (batch, post->hashtags);
  pending.n_mentions = keep_strings (batch, post->mentions);
  batch->columns |= known_columns (&pending.post);
  g_array_append_val (batch->posts, pending);
}

gboolean
rapport_store_import_add_post (RapportImportSink  *sink,
                               const RapportPost  *post,
                               GError            **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  gboolean any_minute_posts = FALSE;

  if (!rapport_store_import_require_account (self, error))
    return FALSE;
  if (post->platform_id == NULL)
    {
      rapport_store_import_skip (sink, self->source_name, _("a post without an id"));
      return TRUE;
    }

  self->n_posts++;

  /* A post that may join or adopt another by its minute looks at the posts before it. */
  if (!post->minute_only && rapport_store_import_is_time_keyed (post) &&
      !rapport_store_import_has_minute_posts (self, &any_minute_posts, error))
    return FALSE;
  if (post->minute_only || any_minute_posts)
    return flush_posts (self, error) && add_post_now (self, post, error);

  keep_post (self, post);
  if (self->pending_posts->posts->len >= POST_BATCH)
    return flush_posts (self, error);
  return TRUE;
}

void
rapport_store_import_free_posts (RapportStoreImport *self)
{
  RapportPendingPosts *batch = g_steal_pointer (&self->pending_posts);

  if (batch == NULL)
    return;
  g_array_unref (batch->posts);
  g_ptr_array_unref (batch->tags);
  g_string_chunk_free (batch->strings);
  g_free (batch);
}

gboolean
rapport_store_import_flush_posts (RapportStoreImport  *self,
                                  GError             **error)
{
  return flush_posts (self, error);
}

/* The posts the snapshot has counts of, by the kind the store holds for them. */
static gboolean
count_snapshot_posts (RapportStoreImport  *self,
                      RapportPostTally    *tally,
                      GError             **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self->store,
    "SELECT p.type, p.archived, count(*) FROM post_counts c JOIN post p ON p.id = c.post_id"
    " WHERE c.snapshot_id = ?1 GROUP BY p.type, p.archived", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->snapshot_id);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);

      tally_posts (tally, rapport_post_type_from_string (type), sqlite3_column_int (stmt, 1),
                   sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("counting posts"));
      return FALSE;
    }
  return TRUE;
}

/* The posts this import saw, by kind, counted once each however many files named them. */
gboolean
rapport_store_import_count_posts (RapportStoreImport  *self,
                                  GError             **error)
{
  RapportPostTally tally = { 0 };

  if (!flush_posts (self, error))
    return FALSE;

  if (self->only_new_posts)
    tally = self->new_posts;
  else if (!count_snapshot_posts (self, &tally, error))
    return FALSE;

  self->n_posts = tally.posts;
  self->n_reels = tally.reels;
  self->n_stories = tally.stories;
  self->n_reposts = tally.reposts;
  self->n_archived = tally.archived;
  return TRUE;
}
