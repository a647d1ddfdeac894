/* rapport-image-header.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-image-header.h"

gboolean
rapport_image_name_is_picture (const char *name)
{
  static const char * const extensions[] = { ".jpg", ".jpeg", ".png", ".webp" };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      if (g_str_has_suffix (lower, extensions[i]))
        return TRUE;
    }
  return FALSE;
}

const char *
rapport_image_format_mime_type (RapportImageFormat format)
{
  switch (format)
    {
    case RAPPORT_IMAGE_PNG:
      return "image/png";
    case RAPPORT_IMAGE_WEBP:
      return "image/webp";
    case RAPPORT_IMAGE_JPEG:
    default:
      return "image/jpeg";
    }
}

static guint
read_be16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint
read_le16 (const guint8 *p)
{
  return (guint) p[1] << 8 | p[0];
}

static guint
read_le24 (const guint8 *p)
{
  return (guint) p[2] << 16 | (guint) p[1] << 8 | p[0];
}

/* The frame header (SOFn) holds the size; markers before it are skipped by their lengths. */
static gboolean
read_jpeg (const guint8       *data,
           gsize               len,
           RapportImageHeader *header)
{
  gsize at = 2;

  while (at + 4 <= len)
    {
      guint8 marker;
      guint length;

      if (data[at] != 0xff)
        return FALSE;
      marker = data[at + 1];
      if (marker == 0xff)
        {
          /* Fill bytes before a marker. */
          at++;
          continue;
        }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          at += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE; /* the end, or the scan, before any frame header */
      length = read_be16 (data + at + 2);
      if (length < 2)
        return FALSE;
      /* SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
          marker != 0xcc)
        {
          if (length < 7 || at + 9 > len)
            return FALSE;
          header->format = RAPPORT_IMAGE_JPEG;
          header->height = read_be16 (data + at + 5);
          header->width = read_be16 (data + at + 7);
          return TRUE;
        }
      at += 2 + (gsize) length;
    }
  return FALSE;
}

static gboolean
read_webp (const guint8       *data,
           gsize               len,
           RapportImageHeader *header)
{
  const guint8 *chunk = data + 12;

  if (len < 30)
    return FALSE;
  header->format = RAPPORT_IMAGE_WEBP;
  if (memcmp (chunk, "VP8 ", 4) == 0)
    {
      /* A key frame: 3 bytes of frame tag, the start code, then 14 bits each. */
      if (chunk[11] != 0x9d || chunk[12] != 0x01 || chunk[13] != 0x2a)
        return FALSE;
      header->width = read_le16 (chunk + 14) & 0x3fff;
      header->height = read_le16 (chunk + 16) & 0x3fff;
    }
  else if (memcmp (chunk, "VP8L", 4) == 0)
    {
      guint32 bits;

      if (chunk[8] != 0x2f)
        return FALSE;
      bits = (guint32) chunk[9] | (guint32) chunk[10] << 8 | (guint32) chunk[11] << 16 |
             (guint32) chunk[12] << 24;
      header->width = (bits & 0x3fff) + 1;
      header->height = ((bits >> 14) & 0x3fff) + 1;
    }
  else if (memcmp (chunk, "VP8X", 4) == 0)
    {
      header->width = read_le24 (chunk + 12) + 1;
      header->height = read_le24 (chunk + 15) + 1;
    }
  else
    return FALSE;
  return TRUE;
}

gboolean
rapport_image_read_header (const guint8        *data,
                           gsize                len,
                           RapportImageHeader  *header,
                           char               **problem)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gboolean known = FALSE;
  gboolean read = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  memset (header, 0, sizeof *header);
  if (len >= 24 && memcmp (data, png_signature, sizeof png_signature) == 0)
    {
      known = TRUE;
      if (memcmp (data + 12, "IHDR", 4) == 0)
        {
          header->format = RAPPORT_IMAGE_PNG;
          header->width = (guint) data[16] << 24 | (guint) data[17] << 16 |
                          (guint) data[18] << 8 | data[19];
          header->height = (guint) data[20] << 24 | (guint) data[21] << 16 |
                           (guint) data[22] << 8 | data[23];
          read = TRUE;
        }
    }
  else if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    {
      known = TRUE;
      read = read_jpeg (data, len, header);
    }
  else if (len >= 16 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      known = TRUE;
      read = read_webp (data, len, header);
    }

  if (read && header->width > 0 && header->height > 0)
    return TRUE;
  if (problem != NULL)
    *problem = g_strdup (known ? _("the picture's header is broken or cut short")
                               : _("not a JPEG, PNG or WebP picture"));
  return FALSE;
}
