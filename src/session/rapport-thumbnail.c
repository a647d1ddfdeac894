/* rapport-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-image-header.h"
#include "session/rapport-thumbnail.h"

void
rapport_thumbnail_free (RapportThumbnail *thumbnail)
{
  if (thumbnail == NULL)
    return;
  g_clear_pointer (&thumbnail->data, g_bytes_unref);
  g_free (thumbnail);
}

/* Fits @width × @height into the thumbnail's square, never below one pixel. */
static void
fit_size (guint  width,
          guint  height,
          int   *fit_width,
          int   *fit_height)
{
  guint longer = MAX (width, height);

  if (longer <= RAPPORT_THUMBNAIL_MAX_SIZE)
    {
      *fit_width = (int) width;
      *fit_height = (int) height;
      return;
    }
  *fit_width = MAX (1, (int) ((guint64) width * RAPPORT_THUMBNAIL_MAX_SIZE / longer));
  *fit_height = MAX (1, (int) ((guint64) height * RAPPORT_THUMBNAIL_MAX_SIZE / longer));
}

/* The decoder scales while it decodes (JPEG decodes at an eighth when that is enough). */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int fit_width;
  int fit_height;

  fit_size ((guint) MAX (width, 1), (guint) MAX (height, 1), &fit_width, &fit_height);
  gdk_pixbuf_loader_set_size (loader, fit_width, fit_height);
}

static const char *
loader_type (RapportImageFormat format)
{
  switch (format)
    {
    case RAPPORT_IMAGE_PNG:
      return "png";
    case RAPPORT_IMAGE_WEBP:
      return "webp";
    case RAPPORT_IMAGE_JPEG:
    default:
      return "jpeg";
    }
}

RapportThumbnail *
rapport_thumbnail_new (GBytes  *picture,
                       GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *encoded = NULL;
  RapportImageHeader header;
  RapportThumbnail *thumbnail;
  GdkPixbuf *pixbuf;
  const guint8 *data;
  gsize size;
  gsize encoded_size = 0;
  gboolean alpha;

  g_return_val_if_fail (picture != NULL, NULL);

  data = g_bytes_get_data (picture, &size);
  if (size > RAPPORT_THUMBNAIL_MAX_FILE_SIZE)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("a picture larger than %u MB"),
                   (guint) (RAPPORT_THUMBNAIL_MAX_FILE_SIZE >> 20));
      return NULL;
    }
  if (!rapport_image_read_header (data, size, &header, &problem))
    {
      g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED, problem);
      return NULL;
    }
  if (header.width > RAPPORT_THUMBNAIL_MAX_SIDE || header.height > RAPPORT_THUMBNAIL_MAX_SIDE ||
      (guint64) header.width * header.height > RAPPORT_THUMBNAIL_MAX_PIXELS)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("a picture of %u × %u pixels, larger than Rapport reads"),
                   header.width, header.height);
      return NULL;
    }

  /* The decoder of the format the header showed, and no other: gdk-pixbuf's guess would open
   * formats Rapport never meant to read. */
  loader = gdk_pixbuf_loader_new_with_type (loader_type (header.format), &local_error);
  if (loader == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("no decoder for %s pictures on this system"),
                   rapport_image_format_mime_type (header.format));
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write (loader, data, size, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error) ||
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      if (local_error == NULL)
        gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("the picture cannot be decoded (%s)"),
                   local_error != NULL ? local_error->message : _("no image"));
      return NULL;
    }

  /* Loaders that cannot scale while decoding give the picture whole. */
  if (gdk_pixbuf_get_width (pixbuf) > RAPPORT_THUMBNAIL_MAX_SIZE ||
      gdk_pixbuf_get_height (pixbuf) > RAPPORT_THUMBNAIL_MAX_SIZE)
    {
      int fit_width;
      int fit_height;

      fit_size ((guint) gdk_pixbuf_get_width (pixbuf), (guint) gdk_pixbuf_get_height (pixbuf),
                &fit_width, &fit_height);
      scaled = gdk_pixbuf_scale_simple (pixbuf, fit_width, fit_height, GDK_INTERP_BILINEAR);
    }
  else
    scaled = g_object_ref (pixbuf);

  /* A photograph as JPEG is a few KB; only a picture with transparency needs PNG. */
  alpha = gdk_pixbuf_get_has_alpha (scaled);
  if (!(alpha ? gdk_pixbuf_save_to_buffer (scaled, &encoded, &encoded_size, "png", &local_error,
                                           "compression", "9", NULL)
              : gdk_pixbuf_save_to_buffer (scaled, &encoded, &encoded_size, "jpeg", &local_error,
                                           "quality", "80", NULL)))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("the thumbnail cannot be written (%s)"), local_error->message);
      return NULL;
    }

  thumbnail = g_new0 (RapportThumbnail, 1);
  thumbnail->mime_type = alpha ? "image/png" : "image/jpeg";
  thumbnail->width = (guint) gdk_pixbuf_get_width (scaled);
  thumbnail->height = (guint) gdk_pixbuf_get_height (scaled);
  thumbnail->data = g_bytes_new_take (g_steal_pointer (&encoded), encoded_size);
  return thumbnail;
}

gboolean
rapport_thumbnail_import (RapportStoreImport  *import,
                          RapportArchive      *archive,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GPtrArray) images = NULL;
  RapportImportSink *sink;
  gboolean ok = TRUE;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  if (!(images = rapport_store_import_take_images (import, error)))
    return FALSE;
  if (images->len == 0)
    return TRUE;
  sink = rapport_store_import_get_sink (import);
  g_debug ("%s: %u thumbnails to make", rapport_archive_get_name (archive), images->len);

  /* A picture larger than a thumbnail may come from is not unpacked at all. */
  rapport_archive_set_entry_limit (archive, RAPPORT_THUMBNAIL_MAX_FILE_SIZE);
  for (guint i = 0; ok && i < images->len; i++)
    {
      const RapportStoreImage *image = g_ptr_array_index (images, i);
      g_autoptr(RapportThumbnail) thumbnail = NULL;
      g_autoptr(GBytes) picture = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (!(picture = rapport_archive_read (archive, image->entry, NULL, &local_error)) ||
          !(thumbnail = rapport_thumbnail_new (picture, &local_error)))
        {
          rapport_import_sink_skip_error (sink, image->entry, local_error);
          continue;
        }
      ok = rapport_store_import_set_thumbnail (import, image->post_id, thumbnail->mime_type,
                                               thumbnail->width, thumbnail->height,
                                               thumbnail->data, error);
    }
  rapport_archive_set_entry_limit (archive, RAPPORT_ARCHIVE_DEFAULT_ENTRY_LIMIT);
  return ok;
}
