/* rapport-image-header.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a picture in an export is, read from its first bytes only: its format (JPEG, PNG or
 * WebP, the only ones Rapport decodes) and its size in pixels.  Decoding happens elsewhere
 * (session/rapport-thumbnail.c), and only after these bounds were checked, so that no decoder
 * sees a format it was not meant for or allocates for a size an export made up.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_IMAGE_JPEG,
  RAPPORT_IMAGE_PNG,
  RAPPORT_IMAGE_WEBP,
} RapportImageFormat;

typedef struct
{
  RapportImageFormat format;
  guint width;
  guint height;
} RapportImageHeader;

/* Whether an entry's name says it is a picture Rapport may read (.jpg, .jpeg, .png, .webp,
 * in any case): videos and other files beside a post are not opened at all. */
gboolean    rapport_image_name_is_picture  (const char          *name);
/* Reads the format and size from the first bytes of @data.  FALSE with a reason for people
 * ("not a JPEG, PNG or WebP picture") when it is none of those or its header is cut short. */
gboolean    rapport_image_read_header      (const guint8        *data,
                                            gsize                len,
                                            RapportImageHeader  *header,
                                            char               **problem);
/* "image/jpeg", "image/png" or "image/webp". */
const char *rapport_image_format_mime_type (RapportImageFormat   format);

G_END_DECLS
