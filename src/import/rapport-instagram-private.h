/* rapport-instagram-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Instagram importer share: one import's state and the readers that
 * rapport-instagram-importer.c calls in turn.
 */

#pragma once

#include <string.h>

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
  /* The thumbnail's caption and the kind of post it shows. */
  char *caption;
  RapportPostType type;
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

  /* Whether the sink was told of a follower and of a following list (by direction), whether
   * a list is being read, and the skip notes ("entry", "reason", …) kept until it ends. */
  gboolean has_list[2];
  gboolean list_open;
  GPtrArray *list_notes;
  /* Whether the export has files of posts, reels or stories, even empty ones. */
  gboolean has_post_files;

  /* The newest timestamp met anywhere, for the export date. */
  gint64 newest;
  guint64 n_records;

  /* Per-post insights in file order, and an index by creation time into it (index + 1). */
  GArray *insights;
  GHashTable *insights_by_time;
} RapportInstagramImport;

/* rapport-instagram-importer.c */

/* Sets up @self for one import of @archive into @sink, its scope found; and frees what it
 * holds.  The Threads importer reads the same export with them. */
void                    rapport_instagram_import_init  (RapportInstagramImport  *self,
                                                        RapportArchive          *archive,
                                                        RapportImportSink       *sink,
                                                        GCancellable            *cancellable);
void                    rapport_instagram_import_clear (RapportInstagramImport  *self);
/* Whether the export holds files of Instagram's own that the importer reads (lists, posts,
 * insights, comments, likes), not only its profile: an export of the Threads part alone, or
 * with the profile, holds none.  Kept in step with import_export(). */
gboolean                rapport_instagram_has_own_files (RapportInstagramImport *self);

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
 * first list-valued member holds them ({"relationships_following": [...]}).  NULL if neither,
 * and for a row written bare, whose first list may be an empty "media": []. */
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
/* Hands each row of @entry (see rapport_instagram_root_rows()), or its only row, to @func.
 * A file without rows fails with RAPPORT_IMPORT_ERROR_MALFORMED built from @message_format,
 * which names the entry and what the file should hold. */
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
/* Tells the sink, once, that the export has the list of @direction. */
gboolean  rapport_instagram_begin_list     (RapportInstagramImport  *self,
                                            RapportDirection         direction,
                                            GError                 **error);
/* Tells the sink that the list being read is complete: later skips are not its own. */
void      rapport_instagram_end_list       (RapportInstagramImport  *self);
/* A skip note that is not about the list being read: given once the list ends. */
void      rapport_instagram_skip_beside_list (RapportInstagramImport *self,
                                              const char             *entry,
                                              const char             *reason);
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
/* Whether the media item {"uri": …, "media_metadata": …} is a video. */
gboolean  rapport_instagram_media_is_video    (const RapportJsonValue  *media);
/* Hands a post to the sink with the insights recorded for any of @times. */
gboolean  rapport_instagram_emit_post         (RapportInstagramImport  *self,
                                               const char              *entry,
                                               RapportPostType          type,
                                               gboolean                 archived,
                                               gint64                   created_at,
                                               const char              *caption,
                                               const gint64            *times,
                                               guint                    n_times,
                                               GError                 **error);
/* The same under @id, where the creation time is not unique (Threads). */
gboolean  rapport_instagram_emit_post_with_id (RapportInstagramImport  *self,
                                               const char              *entry,
                                               const char              *id,
                                               RapportPostType          type,
                                               gboolean                 archived,
                                               gint64                   created_at,
                                               const char              *caption,
                                               const gint64            *times,
                                               guint                    n_times,
                                               GError                 **error);
gboolean  rapport_instagram_read_interactions (RapportInstagramImport  *self,
                                               GError                 **error);
/* A file of likes given (likes/liked_posts.json, Threads' liked_threads.json).  With
 * @owner_from_link, a like that names no author takes it from the link, as Threads' links
 * do (https://www.threads.com/@<user>/post/…); Instagram's (/p/<code>/) do not. */
gboolean  rapport_instagram_read_likes        (RapportInstagramImport  *self,
                                               const char              *entry,
                                               gboolean                 owner_from_link,
                                               GError                 **error);

/* rapport-instagram-scanner.c: a JSON scanner that checks the syntax of the text it walks
 * and keeps only the strings its caller asks for. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  const char *entry;
  /* The name of the member being read, and buffers for the caller's strings. */
  GString *key;
  GString *title;
  GString *value;
  GString *href;
  /* When the text is a window onto a stream (a RapportJsonWindow): the line of @start, and the
   * window, which slides on at each row. */
  guint start_line;
  gpointer window;
} RapportInstagramScanner;

/* Called for each member of an object, with s->key holding its name and s->p at its value,
 * and for each element of an array; each must read or skip the value. */
typedef gboolean (*RapportInstagramMemberFunc)  (RapportInstagramScanner  *s,
                                                 guint                     depth,
                                                 gpointer                  data,
                                                 GError                  **error);
typedef gboolean (*RapportInstagramElementFunc) (RapportInstagramScanner  *s,
                                                 guint                     depth,
                                                 guint                     index,
                                                 gpointer                  data,
                                                 GError                  **error);

static inline gboolean
rapport_instagram_scan_at_end (RapportInstagramScanner *s)
{
  return s->p >= s->end;
}

static inline void
rapport_instagram_scan_skip_space (RapportInstagramScanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

/* Whether the member being read is @name, in any case.  The length decides most comparisons
 * and the exact spelling nearly all the others: a million rows have six million keys. */
static inline gboolean
rapport_instagram_scan_key_is (RapportInstagramScanner *s,
                               const char              *name,
                               gsize                    len)
{
  return s->key->len == len &&
         (memcmp (s->key->str, name, len) == 0 ||
          g_ascii_strncasecmp (s->key->str, name, len) == 0);
}

/* RAPPORT_IMPORT_ERROR_MALFORMED naming the entry and the line. */
gboolean  rapport_instagram_scan_error  (RapportInstagramScanner      *s,
                                         const char                   *problem,
                                         GError                      **error);
/* The string at s->p (which is '"') into @out, or just past it when @out is NULL. */
gboolean  rapport_instagram_scan_string (RapportInstagramScanner      *s,
                                         GString                      *out,
                                         GError                      **error);
/* A number, truncated to an integer into @out when it is not NULL. */
gboolean  rapport_instagram_scan_number (RapportInstagramScanner      *s,
                                         gint64                       *out,
                                         GError                      **error);
/* The object at s->p (which is '{'); @member NULL skips its members. */
gboolean  rapport_instagram_scan_object (RapportInstagramScanner      *s,
                                         guint                         depth,
                                         RapportInstagramMemberFunc    member,
                                         gpointer                      data,
                                         GError                      **error);
/* The array at s->p (which is '['); @element NULL skips its elements. */
gboolean  rapport_instagram_scan_array  (RapportInstagramScanner      *s,
                                         guint                         depth,
                                         RapportInstagramElementFunc   element,
                                         gpointer                      data,
                                         GError                      **error);
gboolean  rapport_instagram_scan_skip   (RapportInstagramScanner      *s,
                                         guint                         depth,
                                         GError                      **error);

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
/* For an export with insights but no posts: each post the insights describe, with them. */
gboolean  rapport_instagram_emit_insights_posts     (RapportInstagramImport  *self,
                                                     const char              *entry,
                                                     GError                 **error);
void      rapport_instagram_insights_clear          (gpointer                 insights);
/* RAPPORT_COUNT_UNKNOWN in *followers when the file does not say. */
gboolean  rapport_instagram_read_audience_insights  (RapportInstagramImport  *self,
                                                     const char              *entry,
                                                     gint64                  *followers,
                                                     GError                 **error);

G_END_DECLS
