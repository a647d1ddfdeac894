/* rapport-car.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CAR v1 reader (content-addressed archive, as Bluesky exports a repository): a varint-
 * prefixed DAG-CBOR header {version: 1, roots: [CID]}, then blocks "varint length | CID |
 * data".  Only CIDv1 with the dag-cbor (0x71) or raw (0x55) codec and a sha2-256 hash are
 * read; each block's hash is checked against its CID.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A binary CIDv1: version, codec, hash code and length (a byte each) and the digest. */
#define RAPPORT_CID_LENGTH 36

typedef struct _RapportCar RapportCar;

/* Reads the CAR in @bytes; errors name @name. */
RapportCar   *rapport_car_read      (GBytes        *bytes,
                                     const char    *name,
                                     GError       **error);
void          rapport_car_free      (RapportCar    *car);
/* The binary CID of the first root. */
GBytes       *rapport_car_get_root  (RapportCar    *car);
/* The index of the block of binary CID @cid, below rapport_car_n_blocks(); -1 when the CAR
 * lacks it.  Blocks stored twice have one index. */
gssize        rapport_car_find      (RapportCar    *car,
                                     const guint8  *cid,
                                     gsize          length);
/* The data of block @index: @length bytes in the CAR's bytes, valid as long as @car. */
const guint8 *rapport_car_get_block (RapportCar    *car,
                                     gsize          index,
                                     gsize         *length);
/* The data of the block of binary CID @cid, as rapport_car_get_block() gives it; NULL when
 * the CAR lacks it. */
const guint8 *rapport_car_lookup    (RapportCar    *car,
                                     const guint8  *cid,
                                     gsize          cid_length,
                                     gsize         *length);
guint         rapport_car_n_blocks  (RapportCar    *car);
/* Whether @data starts as a CAR v1 header does: for telling a CAR by its first bytes. */
gboolean      rapport_car_sniff     (const guint8  *data,
                                     gsize          length);
/* Reads an unsigned varint of at most 9 bytes at @data[*at]; FALSE when broken. */
gboolean      rapport_varint_read   (const guint8  *data,
                                     gsize          length,
                                     gsize         *at,
                                     guint64       *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCar, rapport_car_free)

G_END_DECLS
