/* rapport-cbor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every declared length is checked against the bytes left before anything is allocated for
 * it: an array or map of n items needs at least one byte per item.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"

#include "import/rapport-cbor.h"

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize at;
} Reader;

static gboolean
fail (GError    **error,
      const char *message,
      gsize       at)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("broken CBOR at byte %" PRIu64 ": %s"), (guint64) at, message);
  return FALSE;
}

/* Reads the head of an item: its major type and argument. */
static gboolean
read_head (Reader   *reader,
           guint    *major,
           guint    *info,
           guint64  *argument,
           GError  **error)
{
  gsize start = reader->at;
  gsize size;
  guint8 first;

  if (reader->at >= reader->length)
    return fail (error, _("the data ends early"), start);
  first = reader->data[reader->at++];
  *major = first >> 5;
  *info = first & 0x1f;
  if (*info < 24)
    {
      *argument = *info;
      return TRUE;
    }
  if (*info > 27)
    return fail (error, _("indefinite or reserved length"), start);
  size = (gsize) 1 << (*info - 24);
  if (reader->length - reader->at < size)
    return fail (error, _("the data ends early"), start);
  *argument = 0;
  for (gsize i = 0; i < size; i++)
    *argument = (*argument << 8) | reader->data[reader->at++];
  return TRUE;
}

static void
clear_value (RapportCborValue *value)
{
  gsize n = value->kind == RAPPORT_CBOR_MAP ? value->n_items * 2 : value->n_items;

  if (value->items == NULL)
    return;
  for (gsize i = 0; i < n; i++)
    clear_value (&value->items[i]);
  g_clear_pointer (&value->items, g_free);
}

static gboolean
read_value (Reader            *reader,
            RapportCborValue  *value,
            guint              depth,
            GError           **error)
{
  gsize start = reader->at;
  guint major;
  guint info;
  guint64 argument;
  gsize n;

  if (depth > RAPPORT_CBOR_MAX_DEPTH)
    return fail (error, _("values nest too deep"), start);
  if (!read_head (reader, &major, &info, &argument, error))
    return FALSE;

  switch (major)
    {
    case 0:
    case 1:
      value->kind = major == 0 ? RAPPORT_CBOR_UNSIGNED : RAPPORT_CBOR_NEGATIVE;
      value->number = argument;
      return TRUE;

    case 2:
    case 3:
      if (argument > reader->length - reader->at)
        return fail (error, _("a string is longer than the data"), start);
      value->kind = major == 2 ? RAPPORT_CBOR_BYTES : RAPPORT_CBOR_TEXT;
      value->data = reader->data + reader->at;
      value->length = (gsize) argument;
      reader->at += value->length;
      if (major == 3 && !g_utf8_validate_len ((const char *) value->data, value->length, NULL))
        return fail (error, _("a text is not UTF-8"), start);
      return TRUE;

    case 4:
    case 5:
      /* Each item takes a byte at least: a longer declared length cannot be true. */
      if (argument > (reader->length - reader->at) / (major == 5 ? 2 : 1))
        return fail (error, _("a list or map is longer than the data"), start);
      value->kind = major == 4 ? RAPPORT_CBOR_ARRAY : RAPPORT_CBOR_MAP;
      value->n_items = (gsize) argument;
      n = major == 5 ? value->n_items * 2 : value->n_items;
      if (n == 0)
        return TRUE;
      value->items = g_new0 (RapportCborValue, n);
      for (gsize i = 0; i < n; i++)
        {
          if (!read_value (reader, &value->items[i], depth + 1, error))
            return FALSE;
          if (major == 5 && i % 2 == 0 && value->items[i].kind != RAPPORT_CBOR_TEXT)
            return fail (error, _("a map key is not text"), reader->at);
        }
      return TRUE;

    case 6:
      if (argument != 42)
        return fail (error, _("a tag other than a link"), start);
      if (!read_value (reader, value, depth + 1, error))
        return FALSE;
      if (value->kind != RAPPORT_CBOR_BYTES || value->length < 2 || value->data[0] != 0)
        return fail (error, _("a link is no CID"), start);
      value->kind = RAPPORT_CBOR_LINK;
      value->data++;
      value->length--;
      return TRUE;

    default:
      if (info == 20 || info == 21)
        value->kind = info == 20 ? RAPPORT_CBOR_FALSE : RAPPORT_CBOR_TRUE;
      else if (info == 22)
        value->kind = RAPPORT_CBOR_NULL;
      else
        return fail (error, _("a float or unknown simple value"), start);
      return TRUE;
    }
}

RapportCborValue *
rapport_cbor_decode (const guint8  *data,
                     gsize          length,
                     gsize         *consumed,
                     GError       **error)
{
  Reader reader = { data, length, 0 };
  g_autoptr(RapportCborValue) value = g_new0 (RapportCborValue, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!read_value (&reader, value, 0, error))
    return NULL;
  if (consumed != NULL)
    *consumed = reader.at;
  else if (reader.at != length)
    {
      fail (error, _("bytes follow the value"), reader.at);
      return NULL;
    }
  return g_steal_pointer (&value);
}

void
rapport_cbor_free (RapportCborValue *value)
{
  if (value == NULL)
    return;
  clear_value (value);
  g_free (value);
}

gboolean
rapport_cbor_is_text (const RapportCborValue *value,
                      const char             *text)
{
  gsize length = strlen (text);

  return value != NULL && value->kind == RAPPORT_CBOR_TEXT && value->length == length &&
         memcmp (value->data, text, length) == 0;
}

const RapportCborValue *
rapport_cbor_get (const RapportCborValue *map,
                  const char             *key)
{
  if (map == NULL || map->kind != RAPPORT_CBOR_MAP)
    return NULL;
  for (gsize i = 0; i < map->n_items; i++)
    if (rapport_cbor_is_text (&map->items[2 * i], key))
      return &map->items[2 * i + 1];
  return NULL;
}

char *
rapport_cbor_dup_text (const RapportCborValue *value)
{
  if (value == NULL || value->kind != RAPPORT_CBOR_TEXT ||
      memchr (value->data, '\0', value->length) != NULL)
    return NULL;
  return g_strndup ((const char *) value->data, value->length);
}

char *
rapport_cbor_dup_string (const RapportCborValue *map,
                         const char             *key)
{
  return rapport_cbor_dup_text (rapport_cbor_get (map, key));
}
