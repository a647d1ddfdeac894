/* rapport-car.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks are kept as slices of the file's bytes, indexed by their binary CID.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"

#include "import/rapport-car.h"
#include "import/rapport-cbor.h"

/* A header is a small map; a larger one is no CAR header. */
#define MAX_HEADER_BYTES 4096

#define CID_VERSION_1 0x01
#define CODEC_DAG_CBOR 0x71
#define CODEC_RAW 0x55
#define HASH_SHA2_256 0x12
#define DIGEST_LENGTH 32

struct _RapportCar
{
  GBytes *bytes;
  GBytes *root;
  GHashTable *blocks; /* GBytes CID → GBytes data */
};

gboolean
rapport_varint_read (const guint8 *data,
                     gsize         length,
                     gsize        *at,
                     guint64      *value)
{
  guint64 result = 0;

  /* Nine bytes carry 63 bits: a tenth would overflow what multiformats allow. */
  for (guint i = 0; i < 9; i++)
    {
      guint8 byte;

      if (*at >= length)
        return FALSE;
      byte = data[(*at)++];
      result |= (guint64) (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
fail (GError    **error,
      const char *name,
      const char *message)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               "%s: %s", name, message);
  return FALSE;
}

/* Checks the binary CID at the start of @data; TRUE when it is one this reads. */
static gboolean
check_cid (const guint8  *data,
           gsize          length,
           const char    *name,
           GError       **error)
{
  if (length >= 2 && data[0] == HASH_SHA2_256 && data[1] == DIGEST_LENGTH)
    return fail (error, name, _("a version 0 CID, which Bluesky does not use"));
  if (length < 4)
    return fail (error, name, _("a CID ends early"));
  if (data[0] != CID_VERSION_1)
    return fail (error, name, _("a CID of an unknown version"));
  if (data[1] != CODEC_DAG_CBOR && data[1] != CODEC_RAW)
    return fail (error, name, _("a CID of an unknown codec"));
  if (data[2] != HASH_SHA2_256)
    return fail (error, name, _("a CID of an unknown hash"));
  if (data[3] != DIGEST_LENGTH || length < RAPPORT_CID_LENGTH)
    return fail (error, name, _("a CID with a bad hash length"));
  return TRUE;
}

static gboolean
read_header (RapportCar  *car,
             const guint8 *data,
             gsize        length,
             gsize       *at,
             const char  *name,
             GError     **error)
{
  g_autoptr(RapportCborValue) header = NULL;
  const RapportCborValue *version;
  const RapportCborValue *roots;
  guint64 size;

  if (!rapport_varint_read (data, length, at, &size))
    return fail (error, name, _("the header's length is broken"));
  if (size == 0 || size > MAX_HEADER_BYTES || size > length - *at)
    return fail (error, name, _("the header's length is out of range"));
  header = rapport_cbor_decode (data + *at, (gsize) size, NULL, error);
  if (header == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  *at += (gsize) size;
  version = rapport_cbor_get (header, "version");
  roots = rapport_cbor_get (header, "roots");
  if (version == NULL || version->kind != RAPPORT_CBOR_UNSIGNED || version->number != 1)
    return fail (error, name, _("not a CAR of version 1"));
  if (roots == NULL || roots->kind != RAPPORT_CBOR_ARRAY || roots->n_items == 0 ||
      roots->items[0].kind != RAPPORT_CBOR_LINK)
    return fail (error, name, _("the header names no root"));
  if (!check_cid (roots->items[0].data, roots->items[0].length, name, error))
    return FALSE;
  if (roots->items[0].length != RAPPORT_CID_LENGTH)
    return fail (error, name, _("a CID with a bad hash length"));
  car->root = g_bytes_new (roots->items[0].data, RAPPORT_CID_LENGTH);
  return TRUE;
}

static gboolean
digest_matches (const guint8 *cid,
                const guint8 *data,
                gsize         length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[DIGEST_LENGTH];
  gsize digest_length = sizeof digest;

  g_checksum_update (checksum, data, length);
  g_checksum_get_digest (checksum, digest, &digest_length);
  return memcmp (digest, cid + 4, DIGEST_LENGTH) == 0;
}

RapportCar *
rapport_car_read (GBytes      *bytes,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(RapportCar) car = g_new0 (RapportCar, 1);
  const guint8 *data;
  gsize length;
  gsize at = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  car->bytes = g_bytes_ref (bytes);
  car->blocks = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                       (GDestroyNotify) g_bytes_unref,
                                       (GDestroyNotify) g_bytes_unref);
  data = g_bytes_get_data (bytes, &length);
  if (!read_header (car, data, length, &at, name, error))
    return NULL;

  while (at < length)
    {
      g_autofree char *where = NULL;
      guint64 size;
      gsize start;

      if (!rapport_varint_read (data, length, &at, &size))
        {
          fail (error, name, _("a block's length is broken"));
          return NULL;
        }
      if (size > length - at || size < RAPPORT_CID_LENGTH)
        {
          /* PRIu64, which gettext knows, and not G_GSIZE_FORMAT, which it does not. */
          where = g_strdup_printf (_("the block at byte %" PRIu64 " has a length out of range"),
                                   (guint64) at);
          fail (error, name, where);
          return NULL;
        }
      start = at;
      if (!check_cid (data + start, (gsize) size, name, error))
        return NULL;
      if (!digest_matches (data + start, data + start + RAPPORT_CID_LENGTH,
                           (gsize) size - RAPPORT_CID_LENGTH))
        {
          where = g_strdup_printf (_("the block at byte %" PRIu64 " does not match its hash"),
                                   (guint64) start);
          fail (error, name, where);
          return NULL;
        }
      /* A block stored twice holds the same data, as its hash says. */
      g_hash_table_insert (car->blocks,
                           g_bytes_new_from_bytes (bytes, start, RAPPORT_CID_LENGTH),
                           g_bytes_new_from_bytes (bytes, start + RAPPORT_CID_LENGTH,
                                                   (gsize) size - RAPPORT_CID_LENGTH));
      at += (gsize) size;
    }
  return g_steal_pointer (&car);
}

void
rapport_car_free (RapportCar *car)
{
  if (car == NULL)
    return;
  g_clear_pointer (&car->blocks, g_hash_table_unref);
  g_clear_pointer (&car->root, g_bytes_unref);
  g_clear_pointer (&car->bytes, g_bytes_unref);
  g_free (car);
}

GBytes *
rapport_car_get_root (RapportCar *car)
{
  return car->root;
}

GBytes *
rapport_car_lookup (RapportCar   *car,
                    const guint8 *cid,
                    gsize         length)
{
  g_autoptr(GBytes) key = g_bytes_new_static (cid, length);

  return g_hash_table_lookup (car->blocks, key);
}

guint
rapport_car_n_blocks (RapportCar *car)
{
  return g_hash_table_size (car->blocks);
}

gboolean
rapport_car_sniff (const guint8 *data,
                   gsize         length)
{
  g_autoptr(RapportCborValue) header = NULL;
  const RapportCborValue *version;
  guint64 size;
  gsize at = 0;

  if (!rapport_varint_read (data, length, &at, &size) || size == 0 ||
      size > MAX_HEADER_BYTES || size > length - at)
    return FALSE;
  header = rapport_cbor_decode (data + at, (gsize) size, NULL, NULL);
  version = rapport_cbor_get (header, "version");
  return version != NULL && version->kind == RAPPORT_CBOR_UNSIGNED && version->number == 1 &&
         rapport_cbor_get (header, "roots") != NULL;
}
