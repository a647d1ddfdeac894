/* rapport-store-images.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thumbnails of posts' pictures.  The importer names a picture (an archive entry) through
 * the sink; the import keeps the ones whose post it stored without a thumbnail, and the import
 * job, which may decode pictures, hands back the thumbnail before the commit.  So the
 * store never decodes anything, and an export imported again decodes nothing twice.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static void
store_image_free (gpointer data)
{
  RapportStoreImage *image = data;

  g_free (image->entry);
  g_free (image);
}

/* A named picture waits with its post's platform id: the post itself may still wait in the
 * batch of posts (rapport-store-import-posts.c), so its row is looked up when the pictures are
 * taken, after the batch is written. */
typedef struct
{
  char *platform_post_id;
  char *entry;
} NamedImage;

static void
named_image_free (gpointer data)
{
  NamedImage *image = data;

  g_free (image->platform_post_id);
  g_free (image->entry);
  g_free (image);
}

gboolean
rapport_store_import_add_post_image (RapportImportSink       *sink,
                                     const RapportPostImage  *image,
                                     GError                 **error)
{
  RapportStoreImport *self = (RapportStoreImport *) sink;
  NamedImage *named;

  if (!rapport_store_import_require_account (self, error))
    return FALSE;

  named = g_new0 (NamedImage, 1);
  named->platform_post_id = g_strdup (image->post_id);
  named->entry = g_strdup (image->entry);
  if (self->images == NULL)
    self->images = g_ptr_array_new_with_free_func (named_image_free);
  g_ptr_array_add (self->images, named);
  return TRUE;
}

/* The pictures @self named whose posts it stored without a thumbnail, into @out. */
static gboolean
take_named_images (RapportStoreImport  *self,
                   GPtrArray           *out,
                   GError             **error)
{
  sqlite3_stmt *stmt;

  if (self->images == NULL)
    return TRUE;
  if (!rapport_store_import_flush_posts (self, error))
    return FALSE;

  stmt = rapport_store_prepare (self->store,
    "SELECT p.id FROM post AS p"
    " WHERE p.account_id = ?1 AND p.platform_post_id = ?2"
    "   AND NOT EXISTS (SELECT 1 FROM post_image WHERE post_id = p.id)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->account_id);
  for (guint i = 0; i < self->images->len; i++)
    {
      NamedImage *named = g_ptr_array_index (self->images, i);
      int status;

      sqlite3_bind_text (stmt, 2, named->platform_post_id, -1, SQLITE_STATIC);
      status = sqlite3_step (stmt);
      /* A post that was skipped, or that has its thumbnail from an earlier export, needs none. */
      if (status == SQLITE_ROW)
        {
          RapportStoreImage *image = g_new0 (RapportStoreImage, 1);

          image->post_id = sqlite3_column_int64 (stmt, 0);
          image->entry = g_steal_pointer (&named->entry);
          g_ptr_array_add (out, image);
        }
      sqlite3_reset (stmt);
      if (status != SQLITE_ROW && status != SQLITE_DONE)
        {
          sqlite3_clear_bindings (stmt);
          rapport_store_set_sqlite_error (self->store, error, _("saving posts"));
          return FALSE;
        }
    }
  sqlite3_clear_bindings (stmt);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  return TRUE;
}

GPtrArray *
rapport_store_import_take_images (RapportStoreImport  *import,
                                  GError             **error)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (store_image_free);

  g_return_val_if_fail (import != NULL, NULL);

  for (RapportStoreImport *self = import; self != NULL; self = self->part)
    if (!take_named_images (self, images, error))
      return NULL;
  return g_steal_pointer (&images);
}

gboolean
rapport_store_import_set_thumbnail (RapportStoreImport  *import,
                                    gint64               post_id,
                                    const char          *mime_type,
                                    guint                width,
                                    guint                height,
                                    GBytes              *data,
                                    GError             **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (mime_type != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  stmt = rapport_store_prepare (import->store,
    "INSERT OR REPLACE INTO post_image (post_id, mime_type, width, height, data)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &size);
  sqlite3_bind_int64 (stmt, 1, post_id);
  sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) MIN (width, G_MAXINT));
  sqlite3_bind_int (stmt, 4, (int) MIN (height, G_MAXINT));
  sqlite3_bind_blob64 (stmt, 5, bytes, size, SQLITE_STATIC);
  return rapport_store_import_step_done (import, stmt, N_("saving thumbnails"), error);
}

GBytes *
rapport_store_get_post_thumbnail (RapportStore  *self,
                                  gint64         post_id,
                                  char         **mime_type,
                                  GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  stmt = rapport_store_prepare (self,
    "SELECT mime_type, data FROM post_image WHERE post_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      data = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return NULL;
    }
  return g_steal_pointer (&data);
}

gboolean
rapport_store_account_has_thumbnails (RapportStore  *self,
                                      gint64         account_id,
                                      gboolean      *any,
                                      GError       **error)
{
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (any != NULL, FALSE);

  *any = FALSE;
  stmt = rapport_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM post AS p JOIN post_image AS i ON i.post_id = p.id"
    "                WHERE p.account_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    *any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    {
      rapport_store_set_sqlite_error (self, error, _("reading the database"));
      return FALSE;
    }
  return TRUE;
}
