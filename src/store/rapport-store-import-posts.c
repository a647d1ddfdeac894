/* rapport-store-import-posts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The posts of an import: each post inserted or enriched, its counts at this snapshot and its
 * hashtags and mentions.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static const char *count_columns[] = {
  "likes", "comments", "shares", "saves", "replies", "quotes", "views", "impressions", "reach",
  "engagements", "follows",
};

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
      if (!rapport_store_import_step_done (self, stmt, N_("saving hashtags"), error))
        return FALSE;
    }
  return TRUE;
}

/* The id of the account's one post keyed by its creation time (an export without post ids,
 * rapport-records.h) created within the minute @post was published in, in *@joined_id; NULL
 * there when there is none, or more than one to choose from.  Posts with ids of their own are
 * never joined: two posts of an analytics file may share a minute. */
static gboolean
find_same_minute (RapportStoreImport  *self,
                  const RapportPost   *post,
                  char               **joined_id,
                  GError             **error)
{
  sqlite3_stmt *stmt;
  int status;
  guint n = 0;

  stmt = rapport_store_prepare (self->store,
    "SELECT platform_post_id FROM post"
    " WHERE account_id = ?1 AND created_at BETWEEN ?2 AND ?2 + 59"
    "   AND platform_post_id = CAST (created_at AS TEXT)"
    " LIMIT 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, post->created_at - post->created_at % 60);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        *joined_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
      return FALSE;
    }
  if (n > 1)
    g_clear_pointer (joined_id, g_free);
  return TRUE;
}

/* Whether the account has a post known to the minute only, which an export may adopt: looked up
 * once per import, so that exports of accounts without analytics files pay nothing. */
static gboolean
has_minute_posts (RapportStoreImport  *self,
                  gboolean            *out,
                  GError             **error)
{
  sqlite3_stmt *stmt;

  if (self->has_minute_posts < 0)
    {
      stmt = rapport_store_prepare (self->store,
        "SELECT EXISTS (SELECT 1 FROM post WHERE account_id = ?1 AND time_unit = 60)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->account_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      self->has_minute_posts = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  *out = self->has_minute_posts > 0;
  return TRUE;
}

/* The other way round from find_same_minute(): an export's post keyed by its creation time
 * takes over the one post an analytics file imported earlier gave for that minute, with its
 * counts and history, so the order of the imports does not matter. */
static gboolean
adopt_same_minute (RapportStoreImport  *self,
                   const RapportPost   *post,
                   GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 adopted = 0;
  gboolean any;
  int status;
  guint n = 0;

  if (!has_minute_posts (self, &any, error))
    return FALSE;
  if (!any)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "SELECT id FROM post"
    " WHERE account_id = ?1 AND time_unit = 60 AND created_at = ?2"
    "   AND NOT EXISTS (SELECT 1 FROM post WHERE account_id = ?1 AND platform_post_id = ?3)"
    " LIMIT 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, post->created_at - post->created_at % 60);
  sqlite3_bind_text (stmt, 3, post->platform_id, -1, SQLITE_STATIC);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    if (n++ == 0)
      adopted = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
      return FALSE;
    }
  if (n != 1)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "UPDATE post SET platform_post_id = ?2, created_at = ?3, time_unit = 1 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, adopted);
  sqlite3_bind_text (stmt, 2, post->platform_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, post->created_at);
  return rapport_store_import_step_done (self, stmt, N_("saving posts"), error);
}

/* Whether @post is keyed by its creation time, as exports without post ids are. */
static gboolean
is_time_keyed (const RapportPost *post)
{
  char key[24];

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, post->created_at);
  return g_str_equal (key, post->platform_id);
}

gboolean
rapport_store_import_add_post (RapportImportSink  *sink,
                               const RapportPost  *post,
                               GError            **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  const gint64 counts[] = {
    post->likes, post->comments, post->shares, post->saves, post->replies, post->quotes,
    post->views, post->impressions, post->reach, post->engagements, post->follows,
  };
  g_autofree char *joined_id = NULL;
  const char *platform_id = post->platform_id;
  sqlite3_stmt *stmt;
  gint64 post_id;
  int time_unit;

  G_STATIC_ASSERT (G_N_ELEMENTS (counts) == G_N_ELEMENTS (count_columns));

  if (!rapport_store_import_require_account (self, error))
    return FALSE;
  if (post->platform_id == NULL)
    {
      rapport_store_import_skip (sink, self->source_name, _("a post without an id"));
      return TRUE;
    }

  if (post->minute_only && !find_same_minute (self, post, &joined_id, error))
    return FALSE;
  if (joined_id != NULL)
    platform_id = joined_id;
  /* How precisely created_at is known; a minute-only post that joined one of the export is
   * that post, whose time is exact. */
  time_unit = post->day_only ? 86400 : post->minute_only && joined_id == NULL ? 60 : 1;
  if (joined_id == NULL && !post->minute_only && is_time_keyed (post) &&
      !adopt_same_minute (self, post, error))
    return FALSE;

  /* A new post is inserted; one seen before (an earlier export, or an analytics file of this
   * one) is updated instead.  An upsert with RETURNING would do both in one statement, but
   * SQLite runs such a statement with a statement journal, copying every page it touches
   * (five B-trees per post) and tripling the cost of a big import. */
  stmt = rapport_store_prepare (self->store,
    "INSERT OR IGNORE INTO post (account_id, platform_post_id, type, created_at, text, url,"
    "                            likes, comments, shares, saves, replies, quotes, views,"
    "                            impressions, reach, engagements, follows, archived,"
    "                            time_unit)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    "         ?18, ?19)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_text (stmt, 2, platform_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, post->created_at);
  rapport_store_bind_text (stmt, 5, post->text);
  rapport_store_bind_text (stmt, 6, post->url);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    rapport_store_bind_count (stmt, 7 + i, counts[i]);
  sqlite3_bind_int (stmt, 18, post->archived);
  sqlite3_bind_int (stmt, 19, time_unit);
  if (!rapport_store_import_step_done (self, stmt, N_("saving posts"), error))
    return FALSE;

  if (sqlite3_changes (rapport_store_get_db (self->store)) > 0)
    {
      post_id = sqlite3_last_insert_rowid (rapport_store_get_db (self->store));
      if (time_unit == 60)
        self->has_minute_posts = TRUE;
    }
  else
    {
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
      post_id = sqlite3_column_int64 (stmt, 0);
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
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_text (stmt, 2, rapport_post_type_to_string (post->type), -1, SQLITE_STATIC);
      rapport_store_bind_text (stmt, 3, post->text);
      rapport_store_bind_text (stmt, 4, post->url);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        rapport_store_bind_count (stmt, 5 + i, counts[i]);
      sqlite3_bind_int (stmt, 16, post->archived);
      sqlite3_bind_int (stmt, 17, time_unit);
      sqlite3_bind_int64 (stmt, 18, post->created_at);
      if (!rapport_store_import_step_done (self, stmt, N_("saving posts"), error))
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
    rapport_store_bind_count (stmt, 3 + i, counts[i]);
  if (!rapport_store_import_step_done (self, stmt, N_("saving post history"), error))
    return FALSE;

  if (!add_tags (self, post_id, 0, post->hashtags, error) ||
      !add_tags (self, post_id, 1, post->mentions, error))
    return FALSE;

  self->n_posts++;
  return TRUE;
}

/* The posts this import saw, by kind, counted once each however many files named them. */
gboolean
rapport_store_import_count_posts (RapportStoreImport  *self,
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

  self->n_posts = self->n_reels = self->n_stories = self->n_reposts = self->n_archived = 0;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportPostType type =
        rapport_post_type_from_string ((const char *) sqlite3_column_text (stmt, 0));
      guint64 n = sqlite3_column_int64 (stmt, 2);

      if (type == RAPPORT_POST_REEL)
        self->n_reels += n;
      else if (type == RAPPORT_POST_STORY)
        self->n_stories += n;
      else if (type == RAPPORT_POST_REPOST)
        self->n_reposts += n;
      else
        self->n_posts += n;
      if (sqlite3_column_int (stmt, 1))
        self->n_archived += n;
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("counting posts"));
      return FALSE;
    }

  return TRUE;
}
