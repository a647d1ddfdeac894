/* rapport-report-json-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members of the report's JSON as its writers add them: numbers that are null when not
 * finite or unknown, strings that are null when absent, moments as ISO 8601 and Unix seconds,
 * and lists that give their full count with a sample of their items.  Small enough to be
 * inline in each part of the writer.
 */

#pragma once

#include <math.h>

#include "cli/rapport-report-json.h"

G_BEGIN_DECLS

static inline void
json_double (JsonBuilder *builder,
             const char  *name,
             double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
json_int (JsonBuilder *builder,
          const char  *name,
          gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* A count that the export may not give (-1). */
static inline void
json_count (JsonBuilder *builder,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
json_string (JsonBuilder *builder,
             const char  *name,
             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
json_bool (JsonBuilder *builder,
           const char  *name,
           gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A moment as two members: @name, ISO 8601 in UTC, and @name_unix, Unix seconds; both null
 * for 0, which the records use for "unknown". */
static inline void
json_time (JsonBuilder *builder,
           const char  *name,
           gint64       t)
{
  g_autofree char *unix_name = g_strconcat (name, "_unix", NULL);
  g_autoptr(GDateTime) date = t != 0 ? g_date_time_new_from_unix_utc (t) : NULL;
  g_autofree char *iso = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  json_string (builder, name, iso);
  json_builder_set_member_name (builder, unix_name);
  if (iso != NULL)
    json_builder_add_int_value (builder, t);
  else
    json_builder_add_null_value (builder);
}

/* A list that grows with the data: {"count": n, "items": [...]} with at most
 * RAPPORT_REPORT_JSON_SAMPLE items, which the caller adds. */
static inline void
json_begin_list (JsonBuilder *builder,
                 const char  *name,
                 gsize        count)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_int (builder, "count", count);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
}

static inline void
json_end_list (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static inline void
json_person (JsonBuilder         *builder,
             const RapportPerson *person)
{
  json_builder_begin_object (builder);
  json_string (builder, "who", person->who);
  json_string (builder, "handle", person->handle);
  json_string (builder, "platform_id", person->platform_id);
  json_time (builder, "since", person->since);
  json_builder_end_object (builder);
}

/* @count accounts, of which the first RAPPORT_REPORT_JSON_SAMPLE of @indices (guint32, or
 * RapportMutual when @mutuals) into @people, which is in 'who' order, are listed; a churn step
 * known by its counts alone has a count and no accounts. */
static inline void
json_counted_people (JsonBuilder         *builder,
                     const char          *name,
                     guint64              count,
                     const RapportPeople *people,
                     const GArray        *indices,
                     gboolean             mutuals)
{
  json_begin_list (builder, name, count);
  for (guint i = 0; i < MIN (indices->len, RAPPORT_REPORT_JSON_SAMPLE); i++)
    {
      guint32 index = mutuals ? g_array_index (indices, RapportMutual, i).follower
                              : g_array_index (indices, guint32, i);

      json_person (builder, &people->items[index]);
    }
  json_end_list (builder);
}

static inline void
json_people (JsonBuilder         *builder,
             const char          *name,
             const RapportPeople *people,
             const GArray        *indices,
             gboolean             mutuals)
{
  json_counted_people (builder, name, indices->len, people, indices, mutuals);
}

G_END_DECLS
