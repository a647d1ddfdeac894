/* rapport-twitter-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the X importer share: one import's state and the readers that
 * rapport-twitter-importer.c calls in turn.
 */

#pragma once

#include "import/rapport-json-array.h"
#include "import/rapport-twitter-importer.h"

G_BEGIN_DECLS

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;

  char *username;
  char *account_id;
  char *display_name;

  const char *entry;          /* the entry being read */
  RapportDirection direction; /* of the relation list being read */
  GHashTable *notes;          /* gint64 second → GPtrArray of NoteTweet */
  gint64 newest;
} RapportTwitterImport;

/* rapport-twitter-importer.c */

/* The file @name (e.g. "tweets.js") and its continuations "tweets-part1.js", "tweets-part2.js"…
 * in the same folder, in order.  Free with g_ptr_array_unref; the strings belong to @archive. */
GPtrArray              *rapport_twitter_find_data_parts (RapportArchive          *archive,
                                                         const char              *name);
/* Calls @func with the elements of the array in @entry, a .js file, with self->entry set. */
gboolean                rapport_twitter_read_js_array   (RapportTwitterImport    *self,
                                                         const char              *entry,
                                                         RapportJsonArrayFunc     func,
                                                         GError                 **error);
/* The JSON object of one element: {"tweet": {…}} since 2020, the bare object before. */
const RapportJsonValue *rapport_twitter_unwrap          (const RapportJsonValue  *element,
                                                         const char              *wrapper);
/* Names a record of self->entry that cannot be read in the import summary; the import goes
 * on, so this returns TRUE. */
gboolean                rapport_twitter_skip_record     (RapportTwitterImport    *self,
                                                         const char              *format,
                                                         ...) G_GNUC_PRINTF (2, 3);

/* rapport-twitter-posts.c: the posts of @entries (tweets.js and its parts), joined with the
 * long posts of note-tweet.js. */
gboolean                rapport_twitter_read_posts      (RapportTwitterImport    *self,
                                                         GPtrArray               *entries,
                                                         GError                 **error);
/* The address of post @id of @username on x.com. */
char                   *rapport_twitter_post_url        (const char              *username,
                                                         const char              *id);

G_END_DECLS
