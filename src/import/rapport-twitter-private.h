/* rapport-twitter-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the X importer share: one import's state and the readers that
 * rapport-twitter-importer.c calls in turn.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "import/rapport-json-array.h"
#include "import/rapport-twitter-importer.h"

G_BEGIN_DECLS

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;

  /* The account as the archive names it; each NULL when it does not say. */
  char *username;
  char *account_id;
  char *display_name;

  const char *entry;          /* the entry being read */
  RapportDirection direction; /* of the relation list being read */
  GHashTable *notes;          /* gint64 second → GPtrArray of NoteTweet */
  GHashTable *post_ids;       /* ids of the posts handed over, to drop repeats */
  /* Post id → the first picture of data/tweets_media/ ("<post id>-<name>.jpg"). */
  GHashTable *pictures;
  /* Account id → the user name the posts' mentions and replies give it (the newest): the
   * follow lists hold ids only. */
  GHashTable *names;
  gint64 newest;
  gint64 manifest_date;       /* archiveInfo.generationDate of manifest.js, 0 when unknown */
  gint64 payload_date;        /* created_at of payload_details.js (before 2019), 0 when unknown */

  /* The analytics exports of 2025– in the archive (rapport-twitter-analytics.c). */
  GPtrArray *contents;        /* content exports: a row per post */
  GPtrArray *overviews;       /* account overviews: a row per day */
} RapportTwitterImport;

/* How many CSV rows pass between two progress reports. */
#define RAPPORT_TWITTER_CSV_PROGRESS_ROWS 2000

/* rapport-twitter-importer.c */

/* data/<name>, or <name> alone when the archive is that file or the data folder itself. */
const char             *rapport_twitter_find_data_entry (RapportArchive          *archive,
                                                         const char              *name);
/* The file @name (e.g. "tweets.js") and its continuations "tweets-part1.js", "tweets-part2.js"…
 * in the same folder, in order.  Free with g_ptr_array_unref; the strings belong to @archive. */
GPtrArray              *rapport_twitter_find_data_parts (RapportArchive          *archive,
                                                         const char              *name);
/* The user name in an analytics file's name
 * ("tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv"), or NULL when @entry is none. */
char                   *rapport_twitter_analytics_user  (const char              *entry);
/* Calls @func with the elements of the array in @entry, a .js file, with self->entry set. */
gboolean                rapport_twitter_read_js_array   (RapportTwitterImport    *self,
                                                         const char              *entry,
                                                         RapportJsonArrayFunc     func,
                                                         GError                 **error);
/* The whole JSON document of @entry, a small .js file. */
RapportJsonTree        *rapport_twitter_read_js_document (RapportTwitterImport   *self,
                                                          const char             *entry,
                                                          GError                **error);
/* The JSON object of one element: {"tweet": {…}} since 2020, the bare object before. */
const RapportJsonValue *rapport_twitter_unwrap          (const RapportJsonValue  *element,
                                                         const char              *wrapper);
/* Hands over a post of an analytics file, @post holding its id, time and counts: its text,
 * type, tags and address come from @raw_text and from @link, or when @link is NULL or empty
 * the address of post @post->platform_id of @username.  Notes its time as self->newest. */
gboolean                rapport_twitter_add_analytics_post (RapportTwitterImport *self,
                                                            RapportPost          *post,
                                                            const char           *raw_text,
                                                            const char           *link,
                                                            const char           *username,
                                                            GError              **error);
/* Names a record of self->entry that cannot be read in the import summary; the import goes
 * on, so this returns TRUE. */
gboolean                rapport_twitter_skip_record     (RapportTwitterImport    *self,
                                                         const char              *format,
                                                         ...) G_GNUC_PRINTF (2, 3);

/* rapport-twitter-account.c */

/* Reads who the archive belongs to, and when it was made, and tells the sink who.  Never fails
 * for want of a name: an archive that names no one is imported under a provisional handle. */
gboolean                rapport_twitter_read_account    (RapportTwitterImport    *self,
                                                         GPtrArray               *analytics,
                                                         GError                 **error);
/* Tells the sink the archive's date, from the most trusted source there is. */
void                    rapport_twitter_set_export_date (RapportTwitterImport    *self);

/* rapport-twitter-posts.c */

/* The files that hold the posts: tweets.js (tweet.js until 2022) and its parts, or the month
 * files (data/js/tweets/YYYY_MM.js) of an archive from before 2019.  Free with
 * g_ptr_array_unref; the strings belong to @archive. */
GPtrArray              *rapport_twitter_find_posts      (RapportArchive          *archive);
/* The posts of @entries, joined with the long posts of note-tweet.js.  Fills self->names. */
gboolean                rapport_twitter_read_posts      (RapportTwitterImport    *self,
                                                         GPtrArray               *entries,
                                                         GError                 **error);
/* The user name that the posts read give account @id, or NULL. */
const char             *rapport_twitter_name_of         (RapportTwitterImport    *self,
                                                         const char              *id);

/* rapport-twitter-analytics.c */

/* Fills self->contents and self->overviews with the analytics exports of 2025– that @archive
 * holds, found by their header. */
void                    rapport_twitter_find_exports    (RapportTwitterImport    *self);
/* The user name the analytics exports give: that of a post's address in a content export,
 * else that of the export's name ("x-<user>-<date>…"); NULL when neither tells. */
char                   *rapport_twitter_exports_user    (RapportTwitterImport    *self);
/* Reads the content exports and the account overviews. */
gboolean                rapport_twitter_read_exports    (RapportTwitterImport    *self,
                                                         GError                 **error);
/* Tells the sink the date of an import of analytics exports without an archive's date: the
 * date in the export's name, unless a day read is newer (see
 * rapport_export_name_choose_date()). */
void                    rapport_twitter_set_exports_date (RapportTwitterImport   *self);

G_END_DECLS
