/* rapport-store-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of an import: an import sink that writes everything into one transaction,
 * so that a failed, cancelled or killed import leaves the database as it was.  This file keeps
 * the transaction, the account and snapshot; rapport-store-import-relations.c,
 * rapport-store-import-posts.c and rapport-store-import-figures.c write the follow lists, the
 * posts and the follower figures, and rapport-store-import-known.c finds an export imported
 * before.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "rapport-store-private.h"

/* Bumped when an importer change makes re-reading old exports worthwhile. */
#define IMPORTER_VERSION 1

void
rapport_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
rapport_store_bind_count (sqlite3_stmt *stmt,
                          int           index,
                          gint64        count)
{
  if (count < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, count);
}

gboolean
rapport_store_import_step_done (RapportStoreImport  *self,
                                sqlite3_stmt        *stmt,
                                const char          *what,
                                GError             **error)
{
  return rapport_store_step_done (self->store, stmt, what, error);
}

gboolean
rapport_store_import_require_account (RapportStoreImport  *self,
                                      GError             **error)
{
  if (self->snapshot_id != 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "importer error: records arrived before the account was known");
  return FALSE;
}

/* Sets self->account_id to the account of @info's platform id, if there is one, renaming it to
 * @info's handle unless another account has that handle already. */
static gboolean
find_account_by_platform_id (RapportStoreImport        *self,
                             const RapportAccountInfo  *info,
                             GError                   **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self->store,
    "SELECT id FROM account WHERE platform = ?1 AND platform_id = ?2"
    " ORDER BY provisional, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rapport_platform_to_string (info->platform), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->platform_id, -1, SQLITE_STATIC);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    self->account_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving the account"));
      return FALSE;
    }
  if (self->account_id == 0)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    "UPDATE OR IGNORE account SET handle = coalesce (?2, handle), provisional = 0,"
    "  display_name = coalesce (?3, display_name)"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  rapport_store_bind_text (stmt, 2, info->handle);
  rapport_store_bind_text (stmt, 3, info->display_name);

  return rapport_store_import_step_done (self, stmt, N_("saving the account"), error);
}

/* Whether another account of the platform, with another platform id, has @handle: two
 * YouTube channels or Facebook pages of one title, or an X handle that changed owner. */
static gboolean
handle_of_another_id (RapportStoreImport        *self,
                      const RapportAccountInfo  *info,
                      const char                *handle,
                      gboolean                  *taken,
                      GError                   **error)
{
  sqlite3_stmt *stmt;
  int status;

  stmt = rapport_store_prepare (self->store,
    "SELECT EXISTS (SELECT 1 FROM account WHERE platform = ?1 AND handle = ?2"
    "                 AND platform_id IS NOT NULL AND platform_id != ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rapport_platform_to_string (info->platform), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, handle, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, info->platform_id, -1, SQLITE_STATIC);
  status = sqlite3_step (stmt);
  *taken = status == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self->store, error, _("saving the account"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_set_account (RapportImportSink         *sink,
                   const RapportAccountInfo  *info,
                   GError                   **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  const char *handle = info->handle != NULL ? info->handle : info->platform_id;
  g_autofree char *distinct_handle = NULL;
  g_autofree char *pending_hash = NULL;
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

  /* An account that changed its handle is the same account: where the export gives the
   * platform's id, that id finds it, and it takes the new handle. */
  if (info->platform_id != NULL && !info->provisional &&
      !find_account_by_platform_id (self, info, error))
    return FALSE;

  /* A new account whose handle another account's id holds is not that account: it keeps its
   * own id, under its handle and that id. */
  if (self->account_id == 0 && info->platform_id != NULL)
    {
      gboolean taken = FALSE;

      if (!handle_of_another_id (self, info, handle, &taken, error))
        return FALSE;
      if (taken)
        handle = distinct_handle = g_strdup_printf ("%s (%s)", handle, info->platform_id);
    }

  if (self->account_id == 0)
    {
      stmt = rapport_store_prepare (self->store,
        "INSERT INTO account (platform, handle, platform_id, display_name, created_at,"
        "                     provisional)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (platform, handle) DO UPDATE SET"
        "   platform_id = coalesce (platform_id, excluded.platform_id),"
        "   display_name = coalesce (excluded.display_name, display_name),"
        "   provisional = provisional AND excluded.provisional"
        " RETURNING id, provisional", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, rapport_platform_to_string (info->platform), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, handle, -1, SQLITE_STATIC);
      rapport_store_bind_text (stmt, 3, info->platform_id);
      rapport_store_bind_text (stmt, 4, info->display_name);
      sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
      sqlite3_bind_int (stmt, 6, info->provisional);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rapport_store_set_sqlite_error (self->store, error, _("saving the account"));
          return FALSE;
        }
      self->account_id = sqlite3_column_int64 (stmt, 0);
      self->provisional = sqlite3_column_int (stmt, 1) != 0;
      sqlite3_reset (stmt);
    }

  /* Until the hash of every byte is known, a unique stand-in keeps content_hash's constraint. */
  if (self->content_hash == NULL)
    pending_hash = g_strdup_printf ("pending:%s%s%s:%" G_GINT64_FORMAT,
                                    self->part_name != NULL ? self->part_name : "",
                                    self->part_name != NULL ? ":" : "", self->sample_hash,
                                    g_get_real_time ());

  stmt = rapport_store_prepare (self->store,
    "INSERT INTO snapshot (account_id, source_name, content_hash, sample_hash, exported_at,"
    "                      date_source, imported_at, importer_version)"
    " VALUES (?1, ?2, ?3, ?6, 0, 'unknown', ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_text (stmt, 2, self->source_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->content_hash != NULL ? self->content_hash : pending_hash, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, self->sample_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 5, IMPORTER_VERSION);
  if (!rapport_store_import_step_done (self, stmt, N_("saving the snapshot"), error))
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

  if (!rapport_store_import_require_account (self, error))
    return FALSE;
  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    self->has_followers = TRUE;
  else
    self->has_following = TRUE;
  self->current_list = direction;
  return TRUE;
}

static void
store_end_list (RapportImportSink *sink)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->current_list = -1;
}

void
rapport_store_import_skip (RapportImportSink *sink,
                           const char        *entry_name,
                           const char        *reason)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->n_skipped++;
  if (self->first_skip == NULL)
    self->first_skip = g_strdup_printf ("%s: %s", entry_name, reason);
  if (self->current_list >= 0)
    {
      self->list_skipped[self->current_list]++;
      if (self->list_first_skip[self->current_list] == NULL)
        self->list_first_skip[self->current_list] = g_strdup_printf ("%s: %s", entry_name,
                                                                      reason);
    }
}

/* What an import's transaction changed of the connection, set back: deleting an account relies
 * on the cascades of foreign keys, and readers on the whole page cache. */
static void
end_import_settings (RapportStore *store)
{
  rapport_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
  rapport_store_exec (store, RAPPORT_STORE_CACHE_SQL, NULL);
}

/* A list of which every record was skipped is no list of nobody: recording it would put a
 * false zero into the follower history. */
static gboolean
check_lists_readable (RapportStoreImport  *self,
                      GError             **error)
{
  for (int direction = 0; direction < 2; direction++)
    {
      gboolean has_list = direction == RAPPORT_DIRECTION_FOLLOWER ? self->has_followers
                                                                  : self->has_following;

      if (!has_list || self->n_relations_kept[direction] > 0 ||
          self->list_skipped[direction] == 0)
        continue;

      if (direction == RAPPORT_DIRECTION_FOLLOWER)
        g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: the list of followers could not be read: its %"
                                  PRIu64 " record was skipped (%s)",
                                  "%s: the list of followers could not be read: all %"
                                  PRIu64 " records were skipped, the first: %s",
                                  self->list_skipped[direction]),
                     self->source_name, self->list_skipped[direction],
                     self->list_first_skip[direction]);
      else
        g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: the list of accounts followed could not be read: its %"
                                  PRIu64 " record was skipped (%s)",
                                  "%s: the list of accounts followed could not be read: all %"
                                  PRIu64 " records were skipped, the first: %s",
                                  self->list_skipped[direction]),
                     self->source_name, self->list_skipped[direction],
                     self->list_first_skip[direction]);
      return FALSE;
    }

  return TRUE;
}

static void
store_progress (RapportImportSink *sink,
                const char        *entry_name,
                guint64            records_read)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;

  self->progress_func (entry_name, records_read, self->progress_data);
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
  rapport_store_import_free_posts (self);
  rapport_store_import_free_interactions (self);
  g_clear_object (&self->store);
  g_free (self->source_name);
  g_free (self->sample_hash);
  g_free (self->content_hash);
  g_free (self->handle);
  g_free (self->display_name);
  g_free (self->first_skip);
  g_free (self->list_first_skip[0]);
  g_free (self->list_first_skip[1]);
  g_clear_pointer (&self->pending[RAPPORT_DIRECTION_FOLLOWER], g_array_unref);
  g_clear_pointer (&self->pending[RAPPORT_DIRECTION_FOLLOWING], g_array_unref);
  g_clear_pointer (&self->relation_strings[RAPPORT_DIRECTION_FOLLOWER], g_string_chunk_free);
  g_clear_pointer (&self->relation_strings[RAPPORT_DIRECTION_FOLLOWING], g_string_chunk_free);
  g_clear_pointer (&self->follower_diff, rapport_follower_diff_free);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->part, rapport_store_import_free);
  g_free (self->part_name);
  g_free (self);
}

static RapportStoreImport *
import_new (RapportStore *store,
            const char   *source_name,
            const char   *sample_hash,
            const char   *content_hash)
{
  RapportStoreImport *self = g_new0 (RapportStoreImport, 1);

  self->has_minute_posts = -1;
  self->only_new_posts = TRUE;
  self->store = g_object_ref (store);
  self->source_name = g_strdup (source_name);
  self->current_list = -1;
  self->sample_hash = g_strdup (sample_hash);
  self->content_hash = g_strdup (content_hash);
  self->pending[RAPPORT_DIRECTION_FOLLOWER] =
    g_array_new (FALSE, FALSE, sizeof (RapportPendingRelation));
  self->pending[RAPPORT_DIRECTION_FOLLOWING] =
    g_array_new (FALSE, FALSE, sizeof (RapportPendingRelation));
  self->relation_strings[RAPPORT_DIRECTION_FOLLOWER] = g_string_chunk_new (1024 * 1024);
  self->relation_strings[RAPPORT_DIRECTION_FOLLOWING] = g_string_chunk_new (1024 * 1024);
  self->sink.set_account = store_set_account;
  self->sink.begin_list = store_begin_list;
  self->sink.end_list = store_end_list;
  self->sink.add_relation = rapport_store_import_add_relation;
  self->sink.add_post = rapport_store_import_add_post;
  self->sink.add_follower_count = rapport_store_import_add_follower_count;
  self->sink.add_follower_gain = rapport_store_import_add_follower_gain;
  self->sink.add_interaction = rapport_store_import_add_interaction;
  self->sink.add_post_image = rapport_store_import_add_post_image;
  self->sink.set_export_date = store_set_export_date;
  self->sink.skip = rapport_store_import_skip;
  return self;
}

RapportStoreImport *
rapport_store_begin_import (RapportStore          *store,
                            const char            *source_name,
                            const char            *sample_hash,
                            const char            *content_hash,
                            RapportImportSummary  *summary_out,
                            GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (sample_hash != NULL, NULL);

  /* The same bytes; or a row from before full hashes (or of a small file, whose sample is all
   * of it) with the same samples. */
  stmt = rapport_store_prepare (store,
    RAPPORT_STORE_SUMMARY_COLUMNS
    " WHERE s.content_hash = ?2 OR (s.sample_hash = ?1 AND s.content_hash = s.sample_hash)"
    " LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sample_hash, -1, SQLITE_STATIC);
  if (content_hash != NULL)
    sqlite3_bind_text (stmt, 2, content_hash, -1, SQLITE_STATIC);
  if (!rapport_store_import_check_duplicate (stmt, source_name, summary_out, error))
    return NULL;

  /* Every row an import writes refers to the account, snapshot or post it has just written or
   * looked up, under the write lock, so checking the references again for each row (a tenth of
   * the cost of writing a post) proves nothing.  The pragma only works between transactions. */
  if (!rapport_store_exec (store, "PRAGMA foreign_keys = OFF", error))
    return NULL;
  if (!rapport_store_exec (store, RAPPORT_STORE_IMPORT_CACHE_SQL, error) ||
      !rapport_store_exec (store, "BEGIN IMMEDIATE", error))
    {
      end_import_settings (store);
      return NULL;
    }

  return import_new (store, source_name, sample_hash, content_hash);
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

  /* A file's time out of range is no date either: the snapshot's date stays unknown (0). */
  if (!rapport_time_is_valid (exported_at))
    return;
  self->fallback_at = exported_at;
  self->fallback_source = source;
}

/* Gives the snapshot of @self the hash of every byte, unless another snapshot has it. */
static gboolean
set_snapshot_hash (RapportStoreImport    *self,
                   const char            *content_hash,
                   RapportImportSummary  *summary_out,
                   GError               **error)
{
  sqlite3_stmt *stmt;

  g_free (self->content_hash);
  self->content_hash = g_strdup (content_hash);
  if (self->snapshot_id == 0)
    return TRUE;

  stmt = rapport_store_prepare (self->store,
    RAPPORT_STORE_SUMMARY_COLUMNS " WHERE s.content_hash = ?1 AND s.id != ?2 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, content_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  if (!rapport_store_import_check_duplicate (stmt, self->source_name, summary_out, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "UPDATE snapshot SET content_hash = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, content_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->snapshot_id);
  return rapport_store_import_step_done (self, stmt, N_("saving the snapshot"), error);
}

gboolean
rapport_store_import_set_content_hash (RapportStoreImport    *self,
                                       const char            *content_hash,
                                       RapportImportSummary  *summary_out,
                                       GError               **error)
{
  g_autofree char *part_hash = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (content_hash != NULL, FALSE);

  if (self->part != NULL)
    part_hash = g_strconcat (content_hash, ":", self->part->part_name, NULL);
  if (!set_snapshot_hash (self, content_hash, summary_out, error) ||
      (part_hash != NULL && !set_snapshot_hash (self->part, part_hash, summary_out, error)))
    {
      rapport_store_import_abort (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_import_add_part (RapportStoreImport  *self,
                               const char          *part_name,
                               RapportImportSink  **sink_out,
                               GError             **error)
{
  g_autofree char *part_hash = NULL;
  RapportStoreImport *part;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->part == NULL, FALSE);
  g_return_val_if_fail (part_name != NULL, FALSE);
  g_return_val_if_fail (sink_out != NULL, FALSE);

  *sink_out = NULL;
  /* The export is known already only when this part is stored without the rest. */
  if (self->content_hash != NULL)
    {
      sqlite3_stmt *stmt = rapport_store_prepare (self->store,
        "SELECT 1 FROM snapshot WHERE content_hash = ?1", error);
      int status;

      if (stmt == NULL)
        return FALSE;
      part_hash = g_strconcat (self->content_hash, ":", part_name, NULL);
      sqlite3_bind_text (stmt, 1, part_hash, -1, SQLITE_STATIC);
      status = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (status == SQLITE_ROW)
        return TRUE;
      if (status != SQLITE_DONE)
        {
          rapport_store_set_sqlite_error (self->store, error, _("reading the database"));
          return FALSE;
        }
    }

  part = self->part = import_new (self->store, self->source_name, self->sample_hash, part_hash);
  part->part_name = g_strdup (part_name);
  part->fallback_at = self->fallback_at;
  part->fallback_source = self->fallback_source;
  rapport_store_import_set_progress_func (part, self->progress_func, self->progress_data);
  rapport_store_import_set_churn_func (part, self->churn_func, self->churn_data);
  *sink_out = &part->sink;
  return TRUE;
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
rapport_store_import_set_churn_func (RapportStoreImport    *self,
                                     RapportChurnCountFunc  func,
                                     gpointer               user_data)
{
  g_return_if_fail (self != NULL);

  self->churn_func = func;
  self->churn_data = user_data;
}

void
rapport_store_import_abort (RapportStoreImport *self)
{
  if (self == NULL)
    return;
  rapport_store_exec (self->store, "ROLLBACK", NULL);
  end_import_settings (self->store);
  rapport_store_import_free (self);
}

/* Completes the snapshot of @self at the commit: its date, lists, counts and the follower
 * total its list gives. */
static gboolean
finish_snapshot (RapportStoreImport  *self,
                 GError             **error)
{
  sqlite3_stmt *stmt;

  if (self->exported_at <= 0)
    {
      self->exported_at = self->fallback_at;
      self->date_source = self->fallback_source;
    }

  if (!check_lists_readable (self, error) ||
      !rapport_store_import_count_posts (self, error) ||
      !rapport_store_import_flush_interactions (self, error) ||
      !rapport_store_import_flush_relations (self, RAPPORT_DIRECTION_FOLLOWER, error) ||
      !rapport_store_import_flush_relations (self, RAPPORT_DIRECTION_FOLLOWING, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "UPDATE snapshot SET exported_at = ?2, date_source = ?3, has_followers = ?4,"
    "  has_following = ?5, n_followers = ?6, n_following = ?7, n_posts = ?8,"
    "  n_interactions = ?9, n_skipped = ?10, first_skip = ?11, n_reels = ?12,"
    "  n_stories = ?13, n_reposts = ?14, n_archived = ?15, n_follower_days = ?16,"
    "  n_followers_dated = ?17, n_followers_with_id = ?18, n_followers_named = ?19,"
    "  n_following_dated = ?20, n_following_with_id = ?21, n_following_named = ?22"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
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
  sqlite3_bind_int64 (stmt, 12, self->n_reels);
  sqlite3_bind_int64 (stmt, 13, self->n_stories);
  sqlite3_bind_int64 (stmt, 14, self->n_reposts);
  sqlite3_bind_int64 (stmt, 15, self->n_archived);
  sqlite3_bind_int64 (stmt, 16, self->n_follower_days);
  for (int direction = 0; direction < 2; direction++)
    {
      const RapportListCounts *counts = &self->list_counts[direction];

      sqlite3_bind_int64 (stmt, 17 + 3 * direction, counts->n_dated);
      sqlite3_bind_int64 (stmt, 18 + 3 * direction, counts->n_with_id);
      sqlite3_bind_int64 (stmt, 19 + 3 * direction, counts->n_named);
    }
  rapport_store_bind_text (stmt, 11, self->first_skip);
  if (!rapport_store_import_step_done (self, stmt, N_("saving the snapshot"), error))
    return FALSE;
  if (!rapport_store_import_count_churn (self, error))
    return FALSE;

  /* The size of an exported follower list is a real total at the export's date, when known
   * and when the list is the followers (LinkedIn's are the connections). */
  if (self->has_followers && rapport_time_is_valid (self->exported_at) &&
      rapport_platform_lists_count_followers (self->platform))
    {
      RapportFollowerCount count = {
        .at = self->exported_at,
        .count = self->n_followers,
        .source = RAPPORT_COUNT_SOURCE_SNAPSHOT,
      };

      if (!rapport_store_import_add_follower_count (&self->sink, &count, error))
        return FALSE;
    }

  /* The export's date is final now: its figures join those of the other exports. */
  return rapport_store_import_merge_figures (self, error);
}

static void
fill_summary (RapportStoreImport   *self,
              RapportImportSummary *summary_out)
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
  summary_out->provisional = self->provisional;
  summary_out->snapshot.n_posts = self->n_posts;
  summary_out->snapshot.n_reels = self->n_reels;
  summary_out->snapshot.n_stories = self->n_stories;
  summary_out->snapshot.n_reposts = self->n_reposts;
  summary_out->snapshot.n_archived = self->n_archived;
  summary_out->snapshot.n_interactions = self->n_interactions;
  summary_out->snapshot.n_follower_days = self->n_follower_days;
  summary_out->snapshot.n_skipped = self->n_skipped;
  summary_out->first_skip = g_strdup (self->first_skip);
}

gboolean
rapport_store_import_commit (RapportStoreImport    *self,
                             RapportImportSummary  *summary_out,
                             GError               **error)
{
  RapportStoreImport *part;

  g_return_val_if_fail (self != NULL, FALSE);
  /* The stand-in of store_set_account() must never be committed. */
  g_return_val_if_fail (self->content_hash != NULL, FALSE);

  if (self->snapshot_id == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: the export holds nothing Rapport can import"), self->source_name);
      rapport_store_import_abort (self);
      return FALSE;
    }

  /* A part that wrote no account is no account. */
  part = self->part != NULL && self->part->snapshot_id != 0 ? self->part : NULL;
  g_return_val_if_fail (part == NULL || part->content_hash != NULL, FALSE);

  if ((part != NULL && !finish_snapshot (part, error)) || !finish_snapshot (self, error) ||
      !rapport_store_exec (self->store, "COMMIT", error))
    {
      rapport_store_import_abort (self);
      return FALSE;
    }
  end_import_settings (self->store);

  if (summary_out != NULL)
    {
      fill_summary (self, summary_out);
      if (part != NULL)
        fill_summary (part, summary_out->companion = g_new0 (RapportImportSummary, 1));
    }
  rapport_store_import_free (self);
  return TRUE;
}
