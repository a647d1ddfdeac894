/* rapport-instagram-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Instagram importer share: one import's state and the readers that
 * rapport-instagram-importer.c calls in turn.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "import/rapport-instagram-importer.h"

G_BEGIN_DECLS

/* What insights posts.json says about one post. */
typedef struct
{
  gint64 created_at;
  gint64 likes;
  gint64 comments;
  gint64 saves;
  gint64 shares;
  gint64 impressions;
  gint64 reach;
  gint64 follows;
  gint64 views;
  gboolean matched;
} RapportInstagramInsights;

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  /* connections.json, media.json, profile.json … instead of folders. */
  gboolean until_2020;

  /* The newest timestamp met anywhere, for the export date. */
  gint64 newest;
  guint64 n_records;

  /* Per-post insights in file order, and an index by creation time into it (index + 1). */
  GArray *insights;
  GHashTable *insights_by_time;
} RapportInstagramImport;

/* rapport-instagram-importer.c */
JsonNode   *rapport_instagram_read_json (RapportInstagramImport  *self,
                                         const char              *entry,
                                         GError                 **error);
/* The robust rule for Meta's JSON files: the root is the array of rows, or an object whose
 * first array-valued member holds them ({"relationships_following": [...]}).  NULL if neither. */
JsonArray  *rapport_instagram_root_rows (JsonNode                *root);
/* The rows of @root, or NULL with a RAPPORT_IMPORT_ERROR_MALFORMED error built from
 * @message_format (which names the entry and what the file should hold). */
JsonArray  *rapport_instagram_require_rows (JsonNode             *root,
                                            GError              **error,
                                            const char           *message_format,
                                            ...) G_GNUC_PRINTF (3, 4);
void      rapport_instagram_note_time      (RapportInstagramImport  *self,
                                            gint64                   unix_seconds);
gboolean  rapport_instagram_tick           (RapportInstagramImport  *self,
                                            const char              *entry,
                                            GError                 **error);
char     *rapport_instagram_user_from_href (const char              *href);
/* Repairs @name, skips the row when it is empty, hands the relation to the sink. */
gboolean  rapport_instagram_add_relation   (RapportInstagramImport  *self,
                                            const char              *entry,
                                            RapportDirection         direction,
                                            const char              *name,
                                            gint64                   since,
                                            GError                 **error);

/* Meta's text, repaired and made safe to store: never invalid UTF-8. */
char       *rapport_instagram_repair_text      (const char      *text);
/* Element @index of @array when it is an object; NULL otherwise, and for a NULL @array. */
JsonObject *rapport_instagram_array_get_object (JsonArray       *array,
                                                guint            index);
/* "string_map_data": {"Label": {"value": "…", "timestamp": 0}} */
const char *rapport_instagram_label_value      (JsonObject      *map,
                                                const char      *label);
/* A timestamp that is either Unix seconds or, in 2020 exports, ISO 8601 text; 0 if neither. */
gint64      rapport_instagram_node_time        (JsonNode        *node);
/* "followers.json", "followers_1.json", "followers_2.json" … of @folder, in natural order;
 * "following_hashtags.json" is not a list of accounts.  The names belong to @archive. */
GPtrArray  *rapport_instagram_find_numbered    (RapportArchive  *archive,
                                                const char      *folder,
                                                const char      *stem,
                                                const char      *extension);

/* rapport-instagram-posts.c: posts, reels and stories, matched with the insights read before
 * them, and the comments and likes the account gave. */
gboolean  rapport_instagram_read_posts        (RapportInstagramImport  *self,
                                               GError                 **error);
gboolean  rapport_instagram_read_interactions (RapportInstagramImport  *self,
                                               GError                 **error);

/* rapport-instagram-relations.c: followers_1.json, following.json and the like, read by a
 * streaming scanner because a large account's lists run to hundreds of megabytes. */
gboolean  rapport_instagram_read_relations_json (RapportInstagramImport  *self,
                                                 const char              *entry,
                                                 RapportDirection         direction,
                                                 GError                 **error);
/* The same for the files of one split list, in order, scanning them side by side. */
gboolean  rapport_instagram_read_relation_files_json (RapportInstagramImport  *self,
                                                      GPtrArray               *entries,
                                                      RapportDirection         direction,
                                                      GError                 **error);

/* rapport-instagram-html.c */
gboolean  rapport_instagram_read_relations_html (RapportInstagramImport  *self,
                                                 const char              *entry,
                                                 RapportDirection         direction,
                                                 GError                 **error);

/* rapport-instagram-insights.c */
gboolean  rapport_instagram_read_post_insights      (RapportInstagramImport  *self,
                                                     const char              *entry,
                                                     GError                 **error);
/* Copies the insights recorded for a post created at any of @times onto @post. */
void      rapport_instagram_apply_insights          (RapportInstagramImport  *self,
                                                     RapportPost             *post,
                                                     const gint64            *times,
                                                     guint                    n_times);
void      rapport_instagram_skip_unmatched_insights (RapportInstagramImport  *self,
                                                     const char              *entry);
/* RAPPORT_COUNT_UNKNOWN in *followers when the file does not say. */
gboolean  rapport_instagram_read_audience_insights  (RapportInstagramImport  *self,
                                                     const char              *entry,
                                                     gint64                  *followers,
                                                     GError                 **error);

G_END_DECLS
