/* rapport-json-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib helpers for exports whose key case changes between years ("Date" vs "date").
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The member called @name, compared without ASCII case; an exact match wins.  NULL if absent. */
JsonNode   *rapport_json_object_get_member_ci (JsonObject  *object,
                                               const char  *name);
/* A number or a numeric string (see rapport_parse_count()); RAPPORT_COUNT_UNKNOWN otherwise. */
gint64      rapport_json_get_count            (JsonObject  *object,
                                               const char  *name);
/* A string member; NULL if absent, null or not a string. */
const char *rapport_json_get_string           (JsonObject  *object,
                                               const char  *name);
/* An array member; NULL if absent, null or not an array. */
JsonArray  *rapport_json_get_array            (JsonObject  *object,
                                               const char  *name);
/* An object member; NULL if absent, null or not an object. */
JsonObject *rapport_json_get_object           (JsonObject  *object,
                                               const char  *name);
/* The whole document.  On failure RAPPORT_IMPORT_ERROR_MALFORMED with a message naming
 * @entry_name and the line: "<entry>: not valid JSON (line L: <reason>)". */
JsonNode   *rapport_json_parse_bytes          (GBytes      *bytes,
                                               const char  *entry_name,
                                               GError     **error);

G_END_DECLS
