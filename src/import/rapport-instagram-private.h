/* rapport-instagram-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Instagram importer share: one import's state and the readers that
 * rapport-instagram-importer.c calls in turn.
 */

#pragma once

#include "import/rapport-instagram-importer.h"
#include "import/rapport-json-array.h"

G_BEGIN_DECLS

/* Lists in a JSON file longer than this are read in batches (see rapport_json_tree_parse()):
 * posts, comments and likes run to tens of thousands of rows. */
#define RAPPORT_INSTAGRAM_LONG_LIST_BYTES (64 << 10)

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

  /* The folder that holds the Instagram export when other exports sit beside it
   * ("instagram-jo-2026-01-04-AbCd/"), else NULL; the folders of those others
   * ("facebook-jo-2026-01-04-XyZ/"), which are not read; and every entry of the archive. */
  char *prefix;
  GPtrArray *foreign;
  GHashTable *entry_set;

  char *handle;
  char *display_name;

  /* The newest timestamp met anywhere, for the export date. */
  gint64 newest;
  guint64 n_records;

  /* Per-post insights in file order, and an index by creation time into it (index + 1). */
  GArray *insights;
  GHashTable *insights_by_time;
} RapportInstagramImport;

/* rapport-instagram-importer.c */

/* @entry as a tree whose long lists are read when asked for. */
RapportJsonTree        *rapport_instagram_read_tree    (RapportInstagramImport  *self,
                                                        const char              *entry,
                                                        GError                 **error);
/* An array or a long array of a tree. */
gboolean                rapport_instagram_is_list      (const RapportJsonValue  *value);
/* The member @name of @object when it is a list (see rapport_instagram_is_list()). */
const RapportJsonValue *rapport_instagram_get_list     (const RapportJsonValue  *object,
                                                        const char              *name);
/* The robust rule for Meta's JSON files: the root is the list of rows, or an object whose
 * first list-valued member holds them ({"relationships_following": [...]}).  NULL if neither. */
const RapportJsonValue *rapport_instagram_root_rows    (const RapportJsonValue  *root);

/* Called for each row of a list, in order; FALSE with @error set stops. */
typedef gboolean (*RapportInstagramRowFunc) (RapportInstagramImport  *self,
                                             const char              *entry,
                                             const RapportJsonValue  *row,
                                             gpointer                 user_data,
                                             GError                 **error);

/* Hands each row of @list, a list of @tree read from @entry, to @func. */
gboolean  rapport_instagram_foreach_row    (RapportInstagramImport   *self,
                                            RapportJsonTree          *tree,
                                            const char               *entry,
                                            const RapportJsonValue   *list,
                                            RapportInstagramRowFunc   func,
                                            gpointer                  user_data,
                                            GError                  **error);
/* Hands each row of @entry (see rapport_instagram_root_rows()) to @func.  A file without rows
 * fails with RAPPORT_IMPORT_ERROR_MALFORMED built from @message_format, which names the entry
 * and what the file should hold. */
gboolean  rapport_instagram_read_rows      (RapportInstagramImport   *self,
                                            const char               *entry,
                                            RapportInstagramRowFunc   func,
                                            gpointer                  user_data,
                                            GError                  **error,
                                            const char               *message_format,
                                            ...) G_GNUC_PRINTF (6, 7);
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
/* Element @index of @array when it is an object; NULL otherwise, for a NULL @array and for a
 * long array. */
const RapportJsonValue *rapport_instagram_array_get_object (const RapportJsonValue *array,
                                                            guint                   index);
/* "string_map_data": {"Label": {"value": "…", "timestamp": 0}} */
const char             *rapport_instagram_label_value      (const RapportJsonValue *map,
                                                            const char             *label);
/* A timestamp that is either Unix seconds or, in 2020 exports, ISO 8601 text; 0 if neither. */
gint64                  rapport_instagram_value_time       (const RapportJsonValue *value);
/* Which entries of the archive are the Instagram export's (see RapportInstagramImport). */
void        rapport_instagram_find_scope       (RapportInstagramImport *self);
/* rapport_archive_find() and rapport_archive_find_all() over the Instagram export's entries. */
const char *rapport_instagram_find             (RapportInstagramImport *self,
                                                const char             *suffix);
GPtrArray  *rapport_instagram_find_all         (RapportInstagramImport *self,
                                                const char             *folder,
                                                const char             *pattern);
/* "followers.json", "followers_1.json", "followers_2.json" … of @folder, in natural order;
 * "following_hashtags.json" is not a list of accounts.  The names belong to the archive. */
GPtrArray  *rapport_instagram_find_numbered    (RapportInstagramImport *self,
                                                const char             *folder,
                                                const char             *stem,
                                                const char             *extension);

/* rapport-instagram-account.c */
/* Fills @account, whose strings belong to @self: the personal information, else the names of
 * the export, else a stand-in (and @account is provisional). */
gboolean  rapport_instagram_read_account    (RapportInstagramImport  *self,
                                             RapportAccountInfo      *account,
                                             GError                 **error);
/* Hands the export date to the sink, and returns it in @exported_at. */
void      rapport_instagram_set_export_date (RapportInstagramImport  *self,
                                             gint64                  *exported_at);

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
