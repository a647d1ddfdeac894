/* rapport-store-import-minutes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Posts known to the minute only (Meta Business Suite's CSV, which has no post ids), joined
 * with the one post of the account an export keyed by its creation time within that minute,
 * whichever of the two was imported first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

/* Whether @post is keyed by its creation time, as exports without post ids are: its id is the
 * time in decimal.  Asked of every post, so without formatting the time. */
gboolean
rapport_store_import_is_time_keyed (const RapportPost *post)
{
  const char *id = post->platform_id;
  guint64 magnitude;
  char digits[24];
  guint n = 0;

  if (post->created_at < 0)
    {
      if (*id++ != '-')
        return FALSE;
      magnitude = -(guint64) post->created_at;
    }
  else
    magnitude = post->created_at;
  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  while (n > 0)
    {
      if (*id++ != digits[--n])
        return FALSE;
    }
  return *id == '\0';
}

/* The id of the account's one post keyed by its creation time (an export without post ids,
 * rapport-records.h) created within the minute @post was published in, in *@joined_id; NULL
 * there when there is none, or more than one to choose from.  Posts with ids of their own are
 * never joined: two posts of an analytics file may share a minute. */
gboolean
rapport_store_import_find_same_minute (RapportStoreImport  *self,
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
gboolean
rapport_store_import_has_minute_posts (RapportStoreImport  *self,
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

/* The other way round from rapport_store_import_find_same_minute(): an export's post keyed by
 * its creation time takes over the one post an analytics file imported earlier gave for that
 * minute, with its counts and history, so the order of the imports does not matter. */
gboolean
rapport_store_import_adopt_same_minute (RapportStoreImport  *self,
                                        const RapportPost   *post,
                                        GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 adopted = 0;
  gboolean any;
  int status;
  guint n = 0;

  if (!rapport_store_import_has_minute_posts (self, &any, error))
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
