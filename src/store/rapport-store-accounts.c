/* rapport-store-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts the creator names or joins: an export that named nobody is imported under a
 * stand-in handle, and a creator who changed handles, or imported a later export of one
 * account as another, joins the two.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rapport-store-private.h"

gboolean
rapport_store_rename_account (RapportStore  *self,
                              gint64         account_id,
                              const char    *handle,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (handle != NULL, FALSE);

  if (*handle == '@')
    handle++;
  if (*handle == '\0' || !g_utf8_validate (handle, -1, NULL))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("“%s” is not a handle"), handle);
      return FALSE;
    }

  stmt = rapport_store_prepare (self,
    "UPDATE account SET handle = ?2, provisional = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, handle, -1, SQLITE_STATIC);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if ((sqlite3_extended_errcode (rapport_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("Another account of this platform is called “%s”; merge the two instead"),
                   handle);
      return FALSE;
    }
  if (status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("renaming an account"));
      return FALSE;
    }
  if (sqlite3_changes (rapport_store_get_db (self)) == 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("There is no account %" PRId64), account_id);
      return FALSE;
    }

  return TRUE;
}

/* Statements of a merge, in order; ?1 is the account merged away, ?2 the one that stays.  The
 * two accounts' exports interleave by id, so their follow spans cannot simply be joined: the
 * list of every export is read back first and the spans are written again from them. */
static const char * const merge_statements[] = {
  "INSERT INTO temp.merge_relation"
  "  SELECT s.id, f.direction, f.who, f.handle, f.platform_id, f.since"
  "    FROM snapshot AS s JOIN follow_span_open AS f"
  "      ON f.account_id = s.account_id AND f.first_snapshot <= s.id"
  "     AND CASE f.direction WHEN 0 THEN s.has_followers ELSE s.has_following END"
  "   WHERE s.account_id IN (?1, ?2)",
  "INSERT INTO temp.merge_relation"
  "  SELECT s.id, f.direction, f.who, f.handle, f.platform_id, f.since"
  "    FROM snapshot AS s JOIN follow_span_closed AS f"
  "      ON f.account_id = s.account_id AND f.first_snapshot <= s.id"
  "     AND f.last_snapshot >= s.id"
  "     AND CASE f.direction WHEN 0 THEN s.has_followers ELSE s.has_following END"
  "   WHERE s.account_id IN (?1, ?2)",
  /* Posts both accounts have: the history moves to the one that stays. */
  "INSERT OR IGNORE INTO post_counts"
  "  SELECT keep.id, c.snapshot_id, c.likes, c.comments, c.shares, c.saves, c.replies,"
  "         c.quotes, c.views, c.impressions, c.reach, c.engagements, c.follows"
  "    FROM post gone JOIN post keep"
  "      ON keep.account_id = ?2 AND keep.platform_post_id = gone.platform_post_id"
  "    JOIN post_counts c ON c.post_id = gone.id"
  "   WHERE gone.account_id = ?1",
  /* Their halves join, as an import joins them: what the post that stays lacks (figures of an
   * analytics file, the text of a data export) comes from the other, and the finer time
   * wins. */
  "UPDATE post AS keep SET"
  "  text = coalesce (keep.text, gone.text), url = coalesce (keep.url, gone.url),"
  "  likes = coalesce (keep.likes, gone.likes),"
  "  comments = coalesce (keep.comments, gone.comments),"
  "  shares = coalesce (keep.shares, gone.shares), saves = coalesce (keep.saves, gone.saves),"
  "  replies = coalesce (keep.replies, gone.replies),"
  "  quotes = coalesce (keep.quotes, gone.quotes), views = coalesce (keep.views, gone.views),"
  "  impressions = coalesce (keep.impressions, gone.impressions),"
  "  reach = coalesce (keep.reach, gone.reach),"
  "  engagements = coalesce (keep.engagements, gone.engagements),"
  "  follows = coalesce (keep.follows, gone.follows),"
  "  created_at = CASE WHEN gone.time_unit < keep.time_unit THEN gone.created_at"
  "                    ELSE keep.created_at END,"
  "  time_unit = min (keep.time_unit, gone.time_unit)"
  "  FROM post AS gone"
  " WHERE keep.account_id = ?2 AND gone.account_id = ?1"
  "   AND gone.platform_post_id = keep.platform_post_id",
  "INSERT OR IGNORE INTO post_tag"
  "  SELECT keep.id, t.kind, t.value"
  "    FROM post gone JOIN post keep"
  "      ON keep.account_id = ?2 AND keep.platform_post_id = gone.platform_post_id"
  "    JOIN post_tag t ON t.post_id = gone.id"
  "   WHERE gone.account_id = ?1",
  "DELETE FROM post WHERE account_id = ?1 AND platform_post_id IN"
  "  (SELECT platform_post_id FROM post WHERE account_id = ?2)",
  "UPDATE post SET account_id = ?2 WHERE account_id = ?1",
  "UPDATE snapshot SET account_id = ?2 WHERE account_id = ?1",
  "DELETE FROM follow_span_open WHERE account_id IN (?1, ?2)",
  "DELETE FROM follow_span_closed WHERE account_id IN (?1, ?2)",
  RAPPORT_STORE_SPANS_INTO ("temp.merge_span", "temp.merge_relation"),
  "INSERT INTO follow_span_open"
  "  SELECT account_id, direction, who, first_snapshot, handle, platform_id, since"
  "    FROM temp.merge_span WHERE last_snapshot IS NULL",
  "INSERT INTO follow_span_closed"
  "  SELECT account_id, direction, last_snapshot, who, first_snapshot, handle, platform_id,"
  "         since"
  "    FROM temp.merge_span WHERE last_snapshot IS NOT NULL",
  "DELETE FROM temp.merge_relation",
  "DELETE FROM temp.merge_span",
  /* A day both accounts have figures of takes the newer export's, as an import does. */
  "INSERT INTO follower_count (account_id, snapshot_id, at, count, source)"
  "  SELECT ?2, snapshot_id, at, count, source FROM follower_count WHERE account_id = ?1"
  RAPPORT_STORE_UPSERT_FOLLOWER_COUNT,
  "DELETE FROM follower_count WHERE account_id = ?1",
  "INSERT INTO follower_gain (account_id, snapshot_id, day, gained, lost)"
  "  SELECT ?2, snapshot_id, day, gained, lost FROM follower_gain WHERE account_id = ?1"
  RAPPORT_STORE_UPSERT_FOLLOWER_GAIN,
  "DELETE FROM follower_gain WHERE account_id = ?1",
  "UPDATE OR IGNORE interaction SET account_id = ?2 WHERE account_id = ?1",
  "DELETE FROM interaction WHERE account_id = ?1",
  /* The accounts kept stay kept; one both kept is kept once. */
  "INSERT OR IGNORE INTO kept_account (account_id, platform_id, handle_key, handle, kept_at)"
  "  SELECT ?2, platform_id, handle_key, handle, kept_at FROM kept_account"
  "   WHERE account_id = ?1",
  /* Dismissed suggestions were about the account merged away's own figures. */
  "DELETE FROM suggestion_state WHERE scope = CAST (?1 AS TEXT)",
};

typedef struct
{
  char     *platform;
  char     *handle;
  char     *platform_id;
  char     *display_name;
  gboolean  provisional;
} Identity;

static void
identity_clear (Identity *identity)
{
  g_free (identity->platform);
  g_free (identity->handle);
  g_free (identity->platform_id);
  g_free (identity->display_name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Identity, identity_clear)

static gboolean
read_identity (RapportStore  *self,
               gint64         account_id,
               Identity      *identity,
               GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (self,
    "SELECT platform, handle, platform_id, display_name, provisional FROM account"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("There is no account %" PRId64), account_id);
      return FALSE;
    }
  identity->platform = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  identity->handle = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  identity->platform_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  identity->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  identity->provisional = sqlite3_column_int (stmt, 4) != 0;
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
rapport_store_merge_accounts (RapportStore  *self,
                              gint64         from_id,
                              gint64         into_id,
                              GError       **error)
{
  g_auto(Identity) from = { 0 };
  g_auto(Identity) into = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (from_id == into_id)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("An account cannot be merged into itself"));
      return FALSE;
    }

  if (!rapport_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!read_identity (self, from_id, &from, error) ||
      !read_identity (self, into_id, &into, error) ||
      !rapport_store_exec (self,
                           "CREATE TEMP TABLE IF NOT EXISTS merge_relation ("
                           "  snapshot_id INTEGER NOT NULL, direction INTEGER NOT NULL,"
                           "  who TEXT NOT NULL, handle TEXT, platform_id TEXT, since INTEGER);"
                           "CREATE TEMP TABLE IF NOT EXISTS merge_span ("
                           "  account_id INTEGER, direction INTEGER, who TEXT,"
                           "  first_snapshot INTEGER, last_snapshot INTEGER, handle TEXT,"
                           "  platform_id TEXT, since INTEGER);"
                           "DELETE FROM temp.merge_relation;"
                           "DELETE FROM temp.merge_span;", error))
    goto failed;
  if (!g_str_equal (from.platform, into.platform))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("Accounts of different platforms cannot be merged"));
      goto failed;
    }

  for (guint i = 0; i < G_N_ELEMENTS (merge_statements); i++)
    {
      if (!(stmt = rapport_store_prepare (self, merge_statements[i], error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_int64 (stmt, 2, into_id);
      if (!rapport_store_step_done (self, stmt, N_("merging accounts"), error))
        goto failed;
    }

  /* The account merged away goes first, so that its handle is free; a stand-in name then
   * gives way to a real one. */
  if (!rapport_store_delete_account (self, from_id, error))
    goto failed;
  stmt = rapport_store_prepare (self,
    "UPDATE account SET handle = ?2, platform_id = coalesce (platform_id, ?3),"
    "  display_name = coalesce (display_name, ?4), provisional = ?5"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, into_id);
  sqlite3_bind_text (stmt, 2, into.provisional && !from.provisional ? from.handle : into.handle,
                     -1, SQLITE_STATIC);
  rapport_store_bind_text (stmt, 3, from.platform_id);
  rapport_store_bind_text (stmt, 4, from.display_name);
  sqlite3_bind_int (stmt, 5, into.provisional && from.provisional);
  if (!rapport_store_step_done (self, stmt, N_("merging accounts"), error) ||
      !rapport_store_exec (self, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  rapport_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}
