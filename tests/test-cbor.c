/* test-cbor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DAG-CBOR decoder and the CAR v1 reader on bytes written by hand or by the test writer.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-import-error.h"
#include "import/rapport-car.h"
#include "import/rapport-cbor.h"

#include "rapport-test-car.h"

static void
assert_broken (const char *data,
               gsize       length,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCborValue) value = NULL;

  value = rapport_cbor_decode ((const guint8 *) data, length, NULL, &error);
  g_assert_null (value);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_cbor_values (void)
{
  /* {"a": [1, -2, h'0102', "é", true, false, null, 500], "b": 42(h'00 01 71')} */
  static const char data[] =
    "\xa2\x61" "a" "\x88\x01\x21\x42\x01\x02\x62\xc3\xa9\xf5\xf4\xf6\x19\x01\xf4"
    "\x61" "b" "\xd8\x2a\x43\x00\x01\x71";
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCborValue) value = NULL;
  g_autofree char *text = NULL;
  const RapportCborValue *list;
  const RapportCborValue *link;

  value = rapport_cbor_decode ((const guint8 *) data, sizeof data - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (value->kind, ==, RAPPORT_CBOR_MAP);
  g_assert_cmpuint (value->n_items, ==, 2);
  list = rapport_cbor_get (value, "a");
  g_assert_cmpint (list->kind, ==, RAPPORT_CBOR_ARRAY);
  g_assert_cmpuint (list->n_items, ==, 8);
  g_assert_cmpint (list->items[0].kind, ==, RAPPORT_CBOR_UNSIGNED);
  g_assert_cmpuint (list->items[0].number, ==, 1);
  g_assert_cmpint (list->items[1].kind, ==, RAPPORT_CBOR_NEGATIVE);
  g_assert_cmpuint (list->items[1].number, ==, 1);
  g_assert_cmpint (list->items[2].kind, ==, RAPPORT_CBOR_BYTES);
  g_assert_cmpuint (list->items[2].length, ==, 2);
  text = rapport_cbor_dup_text (&list->items[3]);
  g_assert_cmpstr (text, ==, "é");
  g_assert_cmpint (list->items[4].kind, ==, RAPPORT_CBOR_TRUE);
  g_assert_cmpint (list->items[5].kind, ==, RAPPORT_CBOR_FALSE);
  g_assert_cmpint (list->items[6].kind, ==, RAPPORT_CBOR_NULL);
  g_assert_cmpuint (list->items[7].number, ==, 500);
  link = rapport_cbor_get (value, "b");
  g_assert_cmpint (link->kind, ==, RAPPORT_CBOR_LINK);
  g_assert_cmpuint (link->length, ==, 2);
  g_assert_cmpuint (link->data[0], ==, 1);
  g_assert_null (rapport_cbor_get (value, "c"));
  g_assert_null (rapport_cbor_dup_string (value, "a"));
}

static void
test_cbor_broken (void)
{
  g_autofree char *deep = g_strnfill (RAPPORT_CBOR_MAX_DEPTH + 2, '\x81');

  /* A map of 5 pairs in 4 bytes: refused before anything is allocated for it. */
  assert_broken ("\xa5\x61" "a" "\x01", 4,
                 "broken CBOR at byte 0: a list or map is longer than the data");
  assert_broken ("\x9b\xff\xff\xff\xff\xff\xff\xff\xff", 9,
                 "broken CBOR at byte 0: a list or map is longer than the data");
  assert_broken ("\x65" "ab", 3, "broken CBOR at byte 0: a string is longer than the data");
  assert_broken ("\x62\xc3\x28", 3, "broken CBOR at byte 0: a text is not UTF-8");
  assert_broken ("\xa1\x01\x02", 3, "broken CBOR at byte 2: a map key is not text");
  assert_broken ("\xfb\x3f\xf0\x00\x00\x00\x00\x00\x00", 9,
                 "broken CBOR at byte 0: a float or unknown simple value");
  assert_broken ("\x9f\x01\xff", 3, "broken CBOR at byte 0: indefinite or reserved length");
  assert_broken ("\xc1\x01", 2, "broken CBOR at byte 0: a tag other than a link");
  assert_broken ("\xd8\x2a\x41\x01", 4, "broken CBOR at byte 0: a link is no CID");
  assert_broken ("\x19\x01", 2, "broken CBOR at byte 0: the data ends early");
  assert_broken ("\x01\x02", 2, "broken CBOR at byte 1: bytes follow the value");
  assert_broken (deep, strlen (deep), "broken CBOR at byte 65: values nest too deep");
}

static void
test_varint (void)
{
  guint64 value = 0;
  gsize at = 0;

  g_assert_true (rapport_varint_read ((const guint8 *) "\xac\x02", 2, &at, &value));
  g_assert_cmpuint (value, ==, 300);
  g_assert_cmpuint (at, ==, 2);
  at = 0;
  g_assert_false (rapport_varint_read ((const guint8 *) "\xac", 1, &at, &value));
  at = 0;
  g_assert_false (rapport_varint_read ((const guint8 *) "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
                                       10, &at, &value));
}

static void
test_car_blocks (void)
{
  g_autoptr(GByteArray) block = g_byte_array_new ();
  g_autoptr(GByteArray) other = g_byte_array_new ();
  GByteArray *blocks[] = { block, other };
  g_autoptr(GBytes) cid = NULL;
  g_autoptr(GBytes) car_bytes = NULL;
  g_autoptr(RapportCar) car = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize length;

  rapport_test_cbor_texts (block, "hello", "world", NULL);
  rapport_test_cbor_texts (other, NULL);
  cid = rapport_test_cid (block);
  car_bytes = rapport_test_car (cid, blocks, 2);
  g_assert_true (rapport_car_sniff (g_bytes_get_data (car_bytes, NULL),
                                    g_bytes_get_size (car_bytes)));
  car = rapport_car_read (car_bytes, "repo.car", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_car_n_blocks (car), ==, 2);
  g_assert_true (g_bytes_equal (rapport_car_get_root (car), cid));
  data = rapport_car_lookup (car, g_bytes_get_data (cid, NULL), 36, &length);
  g_assert_nonnull (data);
  g_assert_cmpmem (data, length, block->data, block->len);
  g_assert_false (rapport_car_sniff ((const guint8 *) "{\"a\": 1}", 8));
}

/* Many blocks, one stored twice and one of the raw codec over the same bytes as another (the
 * same digest, so the same first bytes of the index's order): each is found with its own data,
 * and CIDs the CAR lacks are not. */
static void
test_car_index (void)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) cids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GBytes) car_bytes = NULL;
  g_autoptr(RapportCar) car = NULL;
  g_autoptr(GError) error = NULL;
  GByteArray *first;
  guint8 raw_cid[36];
  guint8 missing[36];
  const guint8 *data;
  gsize length;
  gssize raw_index;

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  for (guint i = 0; i < 100; i++)
    {
      GByteArray *block = g_byte_array_new ();
      g_autofree char *value = g_strdup_printf ("%u", i);

      rapport_test_cbor_texts (block, "n", value, NULL);
      g_ptr_array_add (blocks, block);
      g_ptr_array_add (cids, rapport_test_cid (block));
    }
  g_ptr_array_add (blocks, g_byte_array_ref (blocks->pdata[7]));
  car_bytes = rapport_test_car (cids->pdata[0], (GByteArray **) blocks->pdata, blocks->len);

  /* The raw block: block 3's bytes under the raw codec, appended by hand. */
  first = blocks->pdata[3];
  memcpy (raw_cid, g_bytes_get_data (cids->pdata[3], NULL), 36);
  raw_cid[1] = 0x55;
  bytes = g_byte_array_new ();
  g_byte_array_append (bytes, g_bytes_get_data (car_bytes, NULL), g_bytes_get_size (car_bytes));
  rapport_test_varint (bytes, 36 + first->len);
  g_byte_array_append (bytes, raw_cid, 36);
  g_byte_array_append (bytes, first->data, first->len);
  g_clear_pointer (&car_bytes, g_bytes_unref);
  car_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

  car = rapport_car_read (car_bytes, "repo.car", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_car_n_blocks (car), ==, 101);
  for (guint i = 0; i < 100; i++)
    {
      GByteArray *block = blocks->pdata[i];

      data = rapport_car_lookup (car, g_bytes_get_data (cids->pdata[i], NULL), 36, &length);
      g_assert_nonnull (data);
      g_assert_cmpmem (data, length, block->data, block->len);
    }
  raw_index = rapport_car_find (car, raw_cid, 36);
  g_assert_cmpint (raw_index, >=, 0);
  g_assert_cmpint (raw_index, !=, rapport_car_find (car, g_bytes_get_data (cids->pdata[3], NULL),
                                                    36));
  data = rapport_car_get_block (car, (gsize) raw_index, &length);
  g_assert_cmpmem (data, length, first->data, first->len);

  /* Missing: a digest changed at its end (the same first bytes) or at its start, a raw CID of
   * a block stored as dag-cbor only, and a CID of the wrong length. */
  memcpy (missing, g_bytes_get_data (cids->pdata[5], NULL), 36);
  missing[35] ^= 1;
  g_assert_cmpint (rapport_car_find (car, missing, 36), ==, -1);
  missing[35] ^= 1;
  missing[4] ^= 0x80;
  g_assert_cmpint (rapport_car_find (car, missing, 36), ==, -1);
  missing[4] ^= 0x80;
  missing[1] = 0x55;
  g_assert_null (rapport_car_lookup (car, missing, 36, &length));
  g_assert_null (rapport_car_lookup (car, g_bytes_get_data (cids->pdata[5], NULL), 35, &length));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cbor/values", test_cbor_values);
  g_test_add_func ("/cbor/broken", test_cbor_broken);
  g_test_add_func ("/cbor/varint", test_varint);
  g_test_add_func ("/cbor/car-blocks", test_car_blocks);
  g_test_add_func ("/cbor/car-index", test_car_index);

  return g_test_run ();
}
