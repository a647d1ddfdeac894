/* rapport-car.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks stay in the file's bytes (mapped when the file is): the index is one array of their
 * offsets sorted by CID, 16 bytes a block, searched by halves.  Its order compares four bytes
 * of the digest held in the entry first, so that a search mostly stays in the array, and the
 * whole CID in the file only when those are equal.
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

typedef struct
{
  guint64 offset;   /* of the block's CID in the file */
  guint32 length;   /* of its data, which follows the CID */
  guint32 head;     /* the digest's first four bytes, big-endian */
} Block;

struct _RapportCar
{
  GBytes *bytes;
  const guint8 *data;
  GBytes *root;
  Block *blocks;
  gsize n_blocks;
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

static guint32
cid_head (const guint8 *cid)
{
  return (guint32) cid[4] << 24 | (guint32) cid[5] << 16 | (guint32) cid[6] << 8 | cid[7];
}

static int
compare_cids (guint32       head_a,
              const guint8 *cid_a,
              guint32       head_b,
              const guint8 *cid_b)
{
  if (head_a != head_b)
    return head_a < head_b ? -1 : 1;
  return memcmp (cid_a, cid_b, RAPPORT_CID_LENGTH);
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const guint8 *data = user_data;
  const Block *block_a = a;
  const Block *block_b = b;
  int order = compare_cids (block_a->head, data + block_a->offset,
                            block_b->head, data + block_b->offset);

  /* Of a block stored twice the first is kept: ties go by place in the file. */
  if (order == 0 && block_a->offset != block_b->offset)
    order = block_a->offset < block_b->offset ? -1 : 1;
  return order;
}

/* Walks the blocks after the header at @at: without @blocks checks their lengths, CIDs and
 * hashes, in the order of the file; with @blocks, once checked, notes them there.  Returns
 * the number of blocks, or -1 on error. */
static gssize
scan_blocks (const guint8  *data,
             gsize          length,
             gsize          at,
             Block         *blocks,
             const char    *name,
             GError       **error)
{
  gsize n = 0;

  while (at < length)
    {
      g_autofree char *where = NULL;
      guint64 size;
      gsize start;

      if (!rapport_varint_read (data, length, &at, &size))
        {
          fail (error, name, _("a block's length is broken"));
          return -1;
        }
      if (size > length - at || size < RAPPORT_CID_LENGTH ||
          size - RAPPORT_CID_LENGTH > G_MAXUINT32)
        {
          /* PRIu64, which gettext knows, and not G_GSIZE_FORMAT, which it does not. */
          where = g_strdup_printf (_("the block at byte %" PRIu64 " has a length out of range"),
                                   (guint64) at);
          fail (error, name, where);
          return -1;
        }
      start = at;
      if (blocks == NULL && !check_cid (data + start, (gsize) size, name, error))
        return -1;
      if (blocks == NULL && !digest_matches (data + start, data + start + RAPPORT_CID_LENGTH,
                                             (gsize) size - RAPPORT_CID_LENGTH))
        {
          where = g_strdup_printf (_("the block at byte %" PRIu64 " does not match its hash"),
                                   (guint64) start);
          fail (error, name, where);
          return -1;
        }
      if (blocks != NULL)
        {
          blocks[n].offset = start;
          blocks[n].length = (guint32) (size - RAPPORT_CID_LENGTH);
          blocks[n].head = cid_head (data + start);
        }
      n++;
      at += (gsize) size;
    }
  return (gssize) n;
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
  gssize n;
  gsize kept = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  car->bytes = g_bytes_ref (bytes);
  car->data = data = g_bytes_get_data (bytes, &length);
  if (!read_header (car, data, length, &at, name, error))
    return NULL;

  /* Checked and counted first, so that the index takes just the memory it needs. */
  if ((n = scan_blocks (data, length, at, NULL, name, error)) < 0)
    return NULL;
  car->blocks = g_new (Block, MAX (n, 1));
  if (scan_blocks (data, length, at, car->blocks, name, error) != n)
    return NULL;
  g_sort_array (car->blocks, (gsize) n, sizeof (Block), compare_blocks, (gpointer) data);

  /* A block stored twice holds the same data, as its hash says: one entry is enough. */
  for (gsize i = 0; i < (gsize) n; i++)
    {
      const Block *last = kept > 0 ? &car->blocks[kept - 1] : NULL;
      const Block *block = &car->blocks[i];

      if (last == NULL ||
          compare_cids (last->head, data + last->offset, block->head, data + block->offset) != 0)
        car->blocks[kept++] = *block;
    }
  car->n_blocks = kept;
  return g_steal_pointer (&car);
}

void
rapport_car_free (RapportCar *car)
{
  if (car == NULL)
    return;
  g_clear_pointer (&car->blocks, g_free);
  g_clear_pointer (&car->root, g_bytes_unref);
  g_clear_pointer (&car->bytes, g_bytes_unref);
  g_free (car);
}

GBytes *
rapport_car_get_root (RapportCar *car)
{
  return car->root;
}

gssize
rapport_car_find (RapportCar   *car,
                  const guint8 *cid,
                  gsize         length)
{
  gsize low = 0;
  gsize high;
  guint32 head;

  g_return_val_if_fail (car != NULL, -1);

  if (cid == NULL || length != RAPPORT_CID_LENGTH)
    return -1;
  head = cid_head (cid);
  high = car->n_blocks;
  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      const Block *block = &car->blocks[middle];
      int order = compare_cids (block->head, car->data + block->offset, head, cid);

      if (order == 0)
        return (gssize) middle;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

const guint8 *
rapport_car_get_block (RapportCar *car,
                       gsize       index,
                       gsize      *length)
{
  g_return_val_if_fail (car != NULL, NULL);
  g_return_val_if_fail (index < car->n_blocks, NULL);

  *length = car->blocks[index].length;
  return car->data + car->blocks[index].offset + RAPPORT_CID_LENGTH;
}

const guint8 *
rapport_car_lookup (RapportCar   *car,
                    const guint8 *cid,
                    gsize         cid_length,
                    gsize        *length)
{
  gssize index = rapport_car_find (car, cid, cid_length);

  if (index < 0)
    return NULL;
  return rapport_car_get_block (car, (gsize) index, length);
}

guint
rapport_car_n_blocks (RapportCar *car)
{
  return (guint) car->n_blocks;
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
