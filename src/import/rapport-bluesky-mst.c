/* rapport-bluesky-mst.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node is {l: CID|null, e: [{p, k, v, t}]}: l is the subtree before the first entry, each
 * entry's key is the first p bytes of the previous entry's key (in the same node) followed by
 * k, v its record and t the subtree after it.  Walking l, then each entry and its t, gives the
 * keys in order.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"

#include "import/rapport-bluesky-private.h"

typedef struct
{
  RapportCar *car;
  const char *name;
  guint8 *visited;     /* a bit per block of the CAR: the nodes walked */
  RapportMstFunc func;
  gpointer user_data;
} Walk;

static gboolean
fail (Walk       *walk,
      GError    **error,
      const char *message)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               "%s: %s", walk->name, message);
  return FALSE;
}

static gboolean walk_node (Walk                   *walk,
                           const RapportCborValue *link,
                           guint                   depth,
                           GError                **error);

static gboolean
walk_subtree (Walk                   *walk,
              const RapportCborValue *link,
              guint                   depth,
              GError                **error)
{
  if (link == NULL || link->kind == RAPPORT_CBOR_NULL)
    return TRUE;
  if (link->kind != RAPPORT_CBOR_LINK)
    return fail (walk, error, _("a tree node links to no CID"));
  return walk_node (walk, link, depth, error);
}

static gboolean
walk_entries (Walk                   *walk,
              const RapportCborValue *entries,
              guint                   depth,
              GError                **error)
{
  g_autoptr(GByteArray) key = g_byte_array_new ();

  for (gsize i = 0; i < entries->n_items; i++)
    {
      const RapportCborValue *entry = &entries->items[i];
      const RapportCborValue *prefix = rapport_cbor_get (entry, "p");
      const RapportCborValue *suffix = rapport_cbor_get (entry, "k");
      const RapportCborValue *value = rapport_cbor_get (entry, "v");
      const guint8 nul = 0;

      if (prefix == NULL || prefix->kind != RAPPORT_CBOR_UNSIGNED || prefix->number > key->len ||
          suffix == NULL || suffix->kind != RAPPORT_CBOR_BYTES ||
          value == NULL || value->kind != RAPPORT_CBOR_LINK)
        return fail (walk, error, _("a tree entry is broken"));
      if (prefix->number + suffix->length > RAPPORT_MST_MAX_KEY)
        return fail (walk, error, _("a tree key is too long"));
      g_byte_array_set_size (key, (guint) prefix->number);
      g_byte_array_append (key, suffix->data, (guint) suffix->length);
      g_byte_array_append (key, &nul, 1);
      if (memchr (key->data, '\0', key->len - 1) != NULL ||
          !g_utf8_validate ((const char *) key->data, key->len - 1, NULL))
        return fail (walk, error, _("a tree key is not text"));
      if (!walk->func ((const char *) key->data, value->data, value->length, walk->user_data,
                       error))
        return FALSE;
      g_byte_array_set_size (key, key->len - 1);
      if (!walk_subtree (walk, rapport_cbor_get (entry, "t"), depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
walk_node (Walk                   *walk,
           const RapportCborValue *link,
           guint                   depth,
           GError                **error)
{
  g_autoptr(RapportCborValue) node = NULL;
  const RapportCborValue *entries;
  gssize index;
  gsize length;
  const guint8 *data;

  if (depth > RAPPORT_MST_MAX_DEPTH)
    return fail (walk, error, _("the record tree is too deep"));
  index = rapport_car_find (walk->car, link->data, link->length);
  if (index < 0)
    return fail (walk, error, _("a node of the record tree is missing"));
  if (walk->visited[index / 8] & (1u << (index % 8)))
    return fail (walk, error, _("the record tree links a node twice (a cycle)"));
  walk->visited[index / 8] |= (guint8) (1u << (index % 8));
  data = rapport_car_get_block (walk->car, (gsize) index, &length);
  node = rapport_cbor_decode (data, length, NULL, error);
  if (node == NULL)
    {
      g_prefix_error (error, "%s: ", walk->name);
      return FALSE;
    }
  entries = rapport_cbor_get (node, "e");
  if (entries == NULL || entries->kind != RAPPORT_CBOR_ARRAY)
    return fail (walk, error, _("a node of the record tree is broken"));
  return walk_subtree (walk, rapport_cbor_get (node, "l"), depth + 1, error) &&
         walk_entries (walk, entries, depth, error);
}

gboolean
rapport_bluesky_walk_mst (RapportCar              *car,
                          const RapportCborValue  *root,
                          const char              *name,
                          RapportMstFunc           func,
                          gpointer                 user_data,
                          GError                 **error)
{
  g_autofree guint8 *visited = g_new0 (guint8, rapport_car_n_blocks (car) / 8 + 1);
  Walk walk = { car, name, visited, func, user_data };

  if (root == NULL || root->kind != RAPPORT_CBOR_LINK)
    return fail (&walk, error, _("the commit names no record tree"));
  return walk_node (&walk, root, 0, error);
}

gboolean
rapport_bluesky_tid_time (const char *text,
                          gint64     *seconds)
{
  static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
  guint64 value = 0;

  if (text == NULL || strlen (text) != 13)
    return FALSE;
  for (guint i = 0; i < 13; i++)
    {
      const char *at = strchr (alphabet, text[i]);

      /* The top bit is always 0: the first character holds no more than 3 bits. */
      if (text[i] == '\0' || at == NULL || (i == 0 && at - alphabet >= 8))
        return FALSE;
      value = (value << 5) | (guint64) (at - alphabet);
    }
  *seconds = (gint64) ((value >> 10) / G_USEC_PER_SEC);
  return TRUE;
}
