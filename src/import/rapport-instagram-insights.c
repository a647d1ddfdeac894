/* rapport-instagram-insights.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Professional accounts get past_instagram_insights/: per-post counts in posts.json and an
 * audience total in audience_insights.json.  Each file is
 * {"organic_insights_<kind>": [{"string_map_data": {"<Label>": {"value": "1,234"}}}]} with labels
 * translated into the account's language, so labels are matched after mojibake repair and
 * without case.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"

/* Case-folded labels, English and German. */
static const struct
{
  const char *label;
  gsize offset;
} post_labels[] = {
  { "likes", G_STRUCT_OFFSET (RapportInstagramInsights, likes) },
  { "gef\xc3\xa4llt mir", G_STRUCT_OFFSET (RapportInstagramInsights, likes) },
  { "comments", G_STRUCT_OFFSET (RapportInstagramInsights, comments) },
  { "kommentare", G_STRUCT_OFFSET (RapportInstagramInsights, comments) },
  { "saves", G_STRUCT_OFFSET (RapportInstagramInsights, saves) },
  { "gespeichert", G_STRUCT_OFFSET (RapportInstagramInsights, saves) },
  { "shares", G_STRUCT_OFFSET (RapportInstagramInsights, shares) },
  { "geteilt", G_STRUCT_OFFSET (RapportInstagramInsights, shares) },
  { "impressions", G_STRUCT_OFFSET (RapportInstagramInsights, impressions) },
  { "impressionen", G_STRUCT_OFFSET (RapportInstagramInsights, impressions) },
  { "accounts reached", G_STRUCT_OFFSET (RapportInstagramInsights, reach) },
  { "erreichte konten", G_STRUCT_OFFSET (RapportInstagramInsights, reach) },
  { "follows", G_STRUCT_OFFSET (RapportInstagramInsights, follows) },
  { "views", G_STRUCT_OFFSET (RapportInstagramInsights, views) },
};

static const char * const follower_labels[] = { "followers", "follower" };

static char *
fold_label (const char *key)
{
  g_autofree char *repaired = rapport_text_repair_mojibake (key);

  return g_utf8_casefold (g_strstrip (repaired), -1);
}

/* The post's time: the "Creation Timestamp" entry, else the thumbnail's creation time, else
 * (with a translated label) the one entry that carries a timestamp. */
static gint64
insights_created_at (const RapportJsonValue *row,
                     const RapportJsonValue *map)
{
  const RapportJsonValue *item = rapport_json_value_get_object (map, "Creation Timestamp");
  const RapportJsonValue *media = rapport_json_value_get_object (row, "media_map_data");
  gint64 when;

  if (item != NULL)
    {
      when = rapport_json_value_get_count (item, "timestamp");
      if (when <= 0)
        when = rapport_json_value_get_count (item, "value");
      if (when > 0)
        return when;
    }

  for (guint i = 0; media != NULL && i < media->length; i++)
    {
      when = rapport_json_value_get_count (&media->members[i].value, "creation_timestamp");
      if (when > 0)
        return when;
    }

  for (guint i = 0; i < map->length; i++)
    {
      when = rapport_json_value_get_count (&map->members[i].value, "timestamp");
      if (when > 0)
        return when;
    }
  return 0;
}

static void
read_post_counts (const RapportJsonValue   *map,
                  RapportInstagramInsights *insights)
{
  for (guint i = 0; i < map->length; i++)
    {
      const RapportJsonMember *item = &map->members[i];
      g_autofree char *label = NULL;

      if (item->value.kind != RAPPORT_JSON_OBJECT)
        continue;
      label = fold_label (item->name);
      for (guint k = 0; k < G_N_ELEMENTS (post_labels); k++)
        {
          if (strcmp (label, post_labels[k].label) == 0)
            {
              G_STRUCT_MEMBER (gint64, insights, post_labels[k].offset) =
                rapport_json_value_get_count (&item->value, "value");
              break;
            }
        }
    }
}

/* What the thumbnail says of the post, for an export that has the insights but not the posts:
 * {"media_map_data": {"Media Thumbnail": {"uri": "media/reels/…", "title": caption}}}. */
static void
read_thumbnail (const RapportJsonValue   *row,
                RapportInstagramInsights *insights)
{
  const RapportJsonValue *media = rapport_json_value_get_object (row, "media_map_data");
  const RapportJsonValue *thumbnail = NULL;
  const char *uri;

  for (guint i = 0; media != NULL && thumbnail == NULL && i < media->length; i++)
    {
      if (media->members[i].value.kind == RAPPORT_JSON_OBJECT)
        thumbnail = &media->members[i].value;
    }
  if (thumbnail == NULL)
    return;

  insights->caption = g_strdup (rapport_json_value_get_string (thumbnail, "title"));
  uri = rapport_json_value_get_string (thumbnail, "uri");
  if (uri != NULL && (g_str_has_prefix (uri, "media/reels/") || strstr (uri, "/reels/") != NULL))
    insights->type = RAPPORT_POST_REEL;
  else if (rapport_instagram_media_is_video (thumbnail))
    insights->type = RAPPORT_POST_VIDEO;
}

static gboolean
post_insights_row (RapportInstagramImport  *self,
                   const char              *entry,
                   const RapportJsonValue  *row,
                   gpointer                 user_data,
                   GError                 **error)
{
  const RapportJsonValue *map = rapport_json_value_get_object (row, "string_map_data");
  RapportInstagramInsights insights = {
    .likes = RAPPORT_COUNT_UNKNOWN,
    .comments = RAPPORT_COUNT_UNKNOWN,
    .saves = RAPPORT_COUNT_UNKNOWN,
    .shares = RAPPORT_COUNT_UNKNOWN,
    .impressions = RAPPORT_COUNT_UNKNOWN,
    .reach = RAPPORT_COUNT_UNKNOWN,
    .follows = RAPPORT_COUNT_UNKNOWN,
    .views = RAPPORT_COUNT_UNKNOWN,
  };

  if (map == NULL)
    {
      rapport_import_sink_skip (self->sink, entry, _("insights without their figures"));
      return TRUE;
    }
  insights.created_at = insights_created_at (row, map);
  insights.type = RAPPORT_POST_PHOTO;
  if (insights.created_at <= 0)
    {
      rapport_import_sink_skip (self->sink, entry,
                                _("insights of a post without a creation time"));
      return TRUE;
    }
  if (g_hash_table_contains (self->insights_by_time, &insights.created_at))
    {
      rapport_import_sink_skip (self->sink, entry, _("insights given twice for the same post"));
      return TRUE;
    }

  read_post_counts (map, &insights);
  read_thumbnail (row, &insights);
  g_array_append_val (self->insights, insights);
  g_hash_table_insert (self->insights_by_time,
                       g_memdup2 (&insights.created_at, sizeof insights.created_at),
                       GUINT_TO_POINTER (self->insights->len));
  return TRUE;
}

gboolean
rapport_instagram_read_post_insights (RapportInstagramImport  *self,
                                      const char              *entry,
                                      GError                 **error)
{
  return rapport_instagram_read_rows (self, entry, post_insights_row, NULL, error,
                                      _("%s: the file does not hold insights of posts"), entry);
}

void
rapport_instagram_apply_insights (RapportInstagramImport *self,
                                  RapportPost            *post,
                                  const gint64           *times,
                                  guint                   n_times)
{
  g_assert (self != NULL);
  g_assert (post != NULL);

  for (guint i = 0; i < n_times; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->insights_by_time, &times[i]));
      RapportInstagramInsights *insights;

      if (index == 0)
        continue;
      insights = &g_array_index (self->insights, RapportInstagramInsights, index - 1);
      if (insights->matched)
        continue;
      insights->matched = TRUE;

      /* Unknown figures stay unknown: "--" in the file is not zero. */
      post->likes = insights->likes;
      post->comments = insights->comments;
      post->saves = insights->saves;
      post->shares = insights->shares;
      post->impressions = insights->impressions;
      post->reach = insights->reach;
      post->follows = insights->follows;
      post->views = insights->views;
      return;
    }
}

void
rapport_instagram_insights_clear (gpointer data)
{
  RapportInstagramInsights *insights = data;

  g_clear_pointer (&insights->caption, g_free);
}

gboolean
rapport_instagram_emit_insights_posts (RapportInstagramImport  *self,
                                       const char              *entry,
                                       GError                 **error)
{
  g_assert (self != NULL);

  for (guint i = 0; i < self->insights->len; i++)
    {
      const RapportInstagramInsights *insights =
        &g_array_index (self->insights, RapportInstagramInsights, i);

      if (!rapport_instagram_emit_post (self, entry, insights->type, FALSE, insights->created_at,
                                        insights->caption, &insights->created_at, 1, error))
        return FALSE;
    }
  return TRUE;
}

void
rapport_instagram_skip_unmatched_insights (RapportInstagramImport *self,
                                           const char             *entry)
{
  g_assert (self != NULL);

  for (guint i = 0; i < self->insights->len; i++)
    {
      const RapportInstagramInsights *insights =
        &g_array_index (self->insights, RapportInstagramInsights, i);
      g_autofree char *day = NULL;
      g_autofree char *reason = NULL;

      if (insights->matched)
        continue;
      day = rapport_date_format_day (insights->created_at);
      reason = g_strdup_printf (_("insights of a post from %s that is not among the exported "
                                  "posts"),
                                day != NULL ? day : "?");
      rapport_import_sink_skip (self->sink, entry, reason);
    }
}

/* The first follower total of the rows. */
static gboolean
audience_row (RapportInstagramImport  *self,
              const char              *entry,
              const RapportJsonValue  *row,
              gpointer                 user_data,
              GError                 **error)
{
  const RapportJsonValue *map = rapport_json_value_get_object (row, "string_map_data");
  gint64 *followers = user_data;

  for (guint i = 0; map != NULL && *followers < 0 && i < map->length; i++)
    {
      const RapportJsonMember *item = &map->members[i];
      g_autofree char *label = NULL;

      if (item->value.kind != RAPPORT_JSON_OBJECT)
        continue;
      label = fold_label (item->name);
      for (guint k = 0; k < G_N_ELEMENTS (follower_labels); k++)
        {
          if (strcmp (label, follower_labels[k]) == 0)
            {
              *followers = rapport_json_value_get_count (&item->value, "value");
              break;
            }
        }
    }
  return TRUE;
}

gboolean
rapport_instagram_read_audience_insights (RapportInstagramImport  *self,
                                          const char              *entry,
                                          gint64                  *followers,
                                          GError                 **error)
{
  *followers = RAPPORT_COUNT_UNKNOWN;
  return rapport_instagram_read_rows (self, entry, audience_row, followers, error,
                                      _("%s: the file does not hold audience insights"), entry);
}
