/* rapport-test-car.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "rapport-test-car.h"

void
rapport_test_varint (GByteArray *out,
                     guint64     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

void
rapport_test_cbor_head (GByteArray *out,
                        guint       major,
                        guint64     argument)
{
  guint8 head[9];
  guint n = 0;

  if (argument < 24)
    head[n++] = (major << 5) | argument;
  else if (argument <= 0xff)
    {
      head[n++] = (major << 5) | 24;
      head[n++] = argument;
    }
  else if (argument <= 0xffff)
    {
      head[n++] = (major << 5) | 25;
      head[n++] = argument >> 8;
      head[n++] = argument & 0xff;
    }
  else
    {
      head[n++] = (major << 5) | 27;
      for (int i = 7; i >= 0; i--)
        head[n++] = (argument >> (8 * i)) & 0xff;
    }
  g_byte_array_append (out, head, n);
}

void
rapport_test_cbor_text (GByteArray *out,
                        const char *text)
{
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_TEXT, strlen (text));
  g_byte_array_append (out, (const guint8 *) text, strlen (text));
}

void
rapport_test_cbor_texts (GByteArray *out,
                         ...)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *text;
  va_list args;

  va_start (args, out);
  while ((text = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (texts, (gpointer) text);
  va_end (args);
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, texts->len / 2);
  for (guint i = 0; i < texts->len; i++)
    rapport_test_cbor_text (out, texts->pdata[i]);
}

void
rapport_test_cbor_null (GByteArray *out)
{
  guint8 null = 0xf6;

  g_byte_array_append (out, &null, 1);
}

void
rapport_test_cbor_link (GByteArray *out,
                        GBytes     *cid)
{
  guint8 zero = 0;
  gsize length;
  const guint8 *data;

  if (cid == NULL)
    {
      rapport_test_cbor_null (out);
      return;
    }
  data = g_bytes_get_data (cid, &length);
  rapport_test_cbor_head (out, 6, 42);
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_BYTES, length + 1);
  g_byte_array_append (out, &zero, 1);
  g_byte_array_append (out, data, length);
}

GBytes *
rapport_test_cid (GByteArray *block)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 cid[36] = { 0x01, 0x71, 0x12, 0x20 };
  gsize length = 32;

  g_checksum_update (checksum, block->data, block->len);
  g_checksum_get_digest (checksum, cid + 4, &length);
  return g_bytes_new (cid, sizeof cid);
}

GBytes *
rapport_test_car (GBytes      *root,
                  GByteArray **blocks,
                  guint        n_blocks)
{
  g_autoptr(GByteArray) header = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();

  rapport_test_cbor_head (header, RAPPORT_TEST_CBOR_MAP, 2);
  rapport_test_cbor_text (header, "roots");
  rapport_test_cbor_head (header, RAPPORT_TEST_CBOR_ARRAY, 1);
  rapport_test_cbor_link (header, root);
  rapport_test_cbor_text (header, "version");
  rapport_test_cbor_head (header, RAPPORT_TEST_CBOR_UNSIGNED, 1);
  rapport_test_varint (out, header->len);
  g_byte_array_append (out, header->data, header->len);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(GBytes) cid = rapport_test_cid (blocks[i]);

      rapport_test_varint (out, 36 + blocks[i]->len);
      g_byte_array_append (out, g_bytes_get_data (cid, NULL), 36);
      g_byte_array_append (out, blocks[i]->data, blocks[i]->len);
    }
  return g_byte_array_free_to_bytes (out);
}
