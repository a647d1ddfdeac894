/* rapport-test-car.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tiny DAG-CBOR and CAR v1 writer, so Bluesky fixtures are built in the tests from readable
 * records.  Maps are written as given: the caller writes a head of n pairs, then n keys and
 * values.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum
{
  RAPPORT_TEST_CBOR_UNSIGNED = 0,
  RAPPORT_TEST_CBOR_BYTES = 2,
  RAPPORT_TEST_CBOR_TEXT = 3,
  RAPPORT_TEST_CBOR_ARRAY = 4,
  RAPPORT_TEST_CBOR_MAP = 5,
};

void    rapport_test_varint     (GByteArray   *out,
                                 guint64       value);
void    rapport_test_cbor_head  (GByteArray   *out,
                                 guint         major,
                                 guint64       argument);
void    rapport_test_cbor_text  (GByteArray   *out,
                                 const char   *text);
/* Text pairs "key", "value", …, NULL, as a map of that many pairs. */
void    rapport_test_cbor_texts (GByteArray   *out,
                                 ...) G_GNUC_NULL_TERMINATED;
void    rapport_test_cbor_null  (GByteArray   *out);
/* A link (tag 42) to the block of binary CID @cid; NULL writes null. */
void    rapport_test_cbor_link  (GByteArray   *out,
                                 GBytes       *cid);
/* The binary CIDv1 (dag-cbor, sha2-256) of @block. */
GBytes *rapport_test_cid        (GByteArray   *block);
/* A CAR v1 of root @root and the @n_blocks @blocks, each under its CID. */
GBytes *rapport_test_car        (GBytes       *root,
                                 GByteArray  **blocks,
                                 guint         n_blocks);

G_END_DECLS
