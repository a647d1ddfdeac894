/* rapport-json-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-numbers.h"
#include "core/rapport-records.h"

#include "core/rapport-import-error.h"
#include "rapport-json-util.h"

JsonNode *
rapport_json_object_get_member_ci (JsonObject *object,
                                   const char *name)
{
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *member_node;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((node = json_object_get_member (object, name)) != NULL)
    return node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member_name, &member_node))
    {
      if (g_ascii_strcasecmp (member_name, name) == 0)
        return member_node;
    }

  return NULL;
}

gint64
rapport_json_get_count (JsonObject *object,
                        const char *name)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (object != NULL, RAPPORT_COUNT_UNKNOWN);
  g_return_val_if_fail (name != NULL, RAPPORT_COUNT_UNKNOWN);

  node = rapport_json_object_get_member_ci (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return RAPPORT_COUNT_UNKNOWN;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);

    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* Beyond ±2^63 the conversion is undefined; such a count is garbage anyway. */
        if (!isfinite (d) || fabs (d) >= 9.2e18)
          return RAPPORT_COUNT_UNKNOWN;
        return (gint64) round (d);
      }

    case G_TYPE_STRING:
      if (rapport_parse_count (json_node_get_string (node), &value))
        return value;
      return RAPPORT_COUNT_UNKNOWN;

    default:
      return RAPPORT_COUNT_UNKNOWN;
    }
}

const char *
rapport_json_get_string (JsonObject *object,
                         const char *name)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = rapport_json_object_get_member_ci (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
rapport_json_get_array (JsonObject *object,
                        const char *name)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = rapport_json_object_get_member_ci (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
rapport_json_get_object (JsonObject *object,
                         const char *name)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = rapport_json_object_get_member_ci (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* json-glib knows the line only while it parses, so it is caught from the error signal. */
static void
on_parser_error (JsonParser   *parser,
                 const GError *error,
                 gpointer      user_data)
{
  guint *line = user_data;

  g_assert (JSON_IS_PARSER (parser));
  g_assert (line != NULL);

  *line = json_parser_get_current_line (parser);
}

/* The line of the first byte that is not UTF-8, for the one error json-glib does not place. */
static guint
line_of_invalid_utf8 (const char *data,
                      gsize       size)
{
  const char *end = NULL;
  guint line = 1;

  g_assert (data != NULL || size == 0);

  g_utf8_validate_len (data, size, &end);
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* json-glib writes "<data>:LINE:COLUMN: Parse error: REASON"; keep REASON, the line is given
 * separately and "<data>" would only confuse. */
static const char *
strip_parser_prefix (const char *message)
{
  const char *p = message;

  g_assert (message != NULL);

  if (!g_str_has_prefix (p, "<data>:"))
    return message;
  p += strlen ("<data>:");

  for (guint field = 0; field < 2; field++)
    {
      if (!g_ascii_isdigit (*p))
        return message;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != ':')
        return message;
      p++;
    }
  while (*p == ' ')
    p++;

  /* What is left is the (translated) words "Parse error", a colon and the reason. */
  if (strstr (p, ": ") != NULL)
    p = strstr (p, ": ") + 2;

  return p;
}

JsonNode *
rapport_json_parse_bytes (GBytes      *bytes,
                          const char  *entry_name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  guint line = 0;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (entry_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  /* Some tools save JSON with a byte order mark, which json-glib refuses. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size > G_MAXSSIZE)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is too large to read"), entry_name);
      return NULL;
    }

  parser = json_parser_new ();
  g_signal_connect (parser, "error", G_CALLBACK (on_parser_error), &line);

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      if (line == 0)
        line = line_of_invalid_utf8 (data, size);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: not valid JSON (line %u: %s)"),
                   entry_name, line, strip_parser_prefix (local_error->message));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: not valid JSON (line %u: %s)"),
                   entry_name, 1u, _("the file is empty"));
      return NULL;
    }

  return root;
}
