/* rapport-cbor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A DAG-CBOR decoder into a small tree.  Strings and links point into the decoded bytes, which
 * the caller keeps alive as long as the tree.  Floats, indefinite lengths, tags other than 42
 * and simple values other than false, true and null are refused, as DAG-CBOR forbids them (a
 * float is allowed there, but no Bluesky record this reads holds one).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper values are refused: Bluesky records nest a few levels. */
#define RAPPORT_CBOR_MAX_DEPTH 64

typedef enum
{
  RAPPORT_CBOR_UNSIGNED,
  RAPPORT_CBOR_NEGATIVE, /* the value is -1 - number */
  RAPPORT_CBOR_BYTES,
  RAPPORT_CBOR_TEXT,     /* valid UTF-8, not NUL-terminated */
  RAPPORT_CBOR_ARRAY,
  RAPPORT_CBOR_MAP,
  RAPPORT_CBOR_LINK,     /* tag 42: data holds the binary CID, without its 0x00 prefix */
  RAPPORT_CBOR_FALSE,
  RAPPORT_CBOR_TRUE,
  RAPPORT_CBOR_NULL,
} RapportCborKind;

typedef struct _RapportCborValue RapportCborValue;

struct _RapportCborValue
{
  RapportCborKind kind;
  guint64 number;            /* UNSIGNED and NEGATIVE */
  const guint8 *data;        /* BYTES, TEXT and LINK */
  gsize length;
  RapportCborValue *items;   /* ARRAY: the elements; MAP: key, value, key, value… */
  gsize n_items;             /* ARRAY: elements; MAP: pairs */
};

/* Decodes one value from @data; *@consumed (may be NULL) is the number of bytes it took.
 * Without @consumed, bytes left after the value are an error. */
RapportCborValue       *rapport_cbor_decode     (const guint8            *data,
                                                 gsize                    length,
                                                 gsize                   *consumed,
                                                 GError                 **error);
void                    rapport_cbor_free       (RapportCborValue        *value);
/* The value of the text key @key of a map; NULL when @map is no map or lacks it. */
const RapportCborValue *rapport_cbor_get        (const RapportCborValue  *map,
                                                 const char              *key);
/* Whether @value is the text @text. */
gboolean                rapport_cbor_is_text    (const RapportCborValue  *value,
                                                 const char              *text);
/* A NUL-terminated copy of a text value; NULL for anything else or text holding a NUL. */
char                   *rapport_cbor_dup_text   (const RapportCborValue  *value);
/* The text of key @key of @map, copied; NULL when absent or not text. */
char                   *rapport_cbor_dup_string (const RapportCborValue  *map,
                                                 const char              *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCborValue, rapport_cbor_free)

G_END_DECLS
