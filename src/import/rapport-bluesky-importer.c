/* rapport-bluesky-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commit at the CAR's root names the account (its did) and the record tree (data); only
 * records reachable from it are read, since a CAR may also hold blocks of older versions.
 * The tree is walked once for the profile, once for the records but the follows and once for
 * the follows, as the sink takes them in that order: nothing of a record is kept between.
 * Records are read by collection:
 *
 * - app.bsky.feed.post: a post, or a reply when it has reply; a quote (an embed of a record)
 *   stays a text post.  Its id is the record key.  Hashtags are the facets' #tag features and
 *   the #words of the text; mentions are the DIDs of the facets' #mention features, as the
 *   record names no handle, and a reply's the DID of the post it answers.  A quote is also a
 *   repost interaction with the quoted post's author.
 * - app.bsky.feed.repost: a post of type repost, which the analysis leaves out, and a repost
 *   interaction with the author of the post (the DID in subject.uri).
 * - app.bsky.feed.like: a like of the liked post's author (the DID in subject.uri).
 *   Interactions with the account's own posts are none.
 * - app.bsky.graph.follow: an account followed, known by its DID.
 * - app.bsky.actor.profile: the display name.
 *
 * Records of other applications are counted in one skip; a record whose $type is not its
 * collection is skipped; other app.bsky records (blocks, lists…) are passed over.  The
 * account's handle is the DID, unless the file is named repo-<handle>.car: the repository
 * does not hold the handle.  The export date is the time of the commit's rev (a TID;
 * repositories of version 2 have none), else the newest createdAt.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"

#include "import/rapport-bluesky-importer.h"
#include "import/rapport-bluesky-private.h"
#include "import/rapport-export-name.h"

/* How many records pass between looks at the cancellable. */
#define RECORDS_PER_BATCH 1000

/* A handle longer than this is no handle (atproto allows 253 characters). */
#define MAX_HANDLE_BYTES 253

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  const char *entry;
  RapportCar *car;
  gboolean follows;  /* whether this walk reads the follows or everything else */
  guint64 n_records; /* of this walk */
  char *display_name;
  char *did;
  gint64 newest;
  guint64 n_other;
} Import;

/* A lone file that is no text export is looked into, as a CAR need not be named .car. */
static gboolean
may_be_car (const char *entry)
{
  static const char * const text_suffixes[] = {
    ".csv", ".json", ".js", ".html", ".htm", ".xlsx", ".txt", NULL,
  };
  g_autofree char *lower = g_ascii_strdown (entry, -1);

  for (guint i = 0; text_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, text_suffixes[i]))
      return FALSE;
  return TRUE;
}

/* The entry of the CAR, newly allocated; NULL when none. */
static char *
find_car (RapportArchive *archive,
          gboolean        sniff)
{
  g_autoptr(GPtrArray) cars = rapport_archive_find_all (archive, NULL, "*.car");
  const char * const *entries;
  guint n_entries;
  g_autoptr(GBytes) bytes = NULL;

  if (cars->len > 0)
    return g_strdup (g_ptr_array_index (cars, 0));
  entries = rapport_archive_get_entries (archive, &n_entries);
  if (n_entries != 1 || !may_be_car (entries[0]))
    return NULL;
  if (!sniff)
    return g_strdup (entries[0]);
  bytes = rapport_archive_read (archive, entries[0], NULL, NULL);
  if (bytes == NULL ||
      !rapport_car_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
    return NULL;
  return g_strdup (entries[0]);
}

gboolean
rapport_bluesky_recognizes (RapportArchive *archive)
{
  g_autofree char *entry = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entry = find_car (archive, TRUE);
  return entry != NULL;
}

/* Whether @text is a DID or a record key (atproto's characters, bounded): it goes into URLs. */
static gboolean
is_identifier (const char *text,
               const char *prefix)
{
  return text != NULL && g_str_has_prefix (text, prefix) && text[0] != '\0' &&
         strlen (text) <= 512 &&
         strspn (text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:~%") ==
         strlen (text);
}

static void
skip_record (Import     *import,
             const char *key,
             const char *problem)
{
  g_autofree char *quoted = rapport_text_excerpt (key);
  g_autofree char *reason = g_strdup_printf (_("record %s: %s"), quoted, problem);

  rapport_import_sink_skip (import->sink, import->entry, reason);
}

/* createdAt, in range; 0 (and a skip) otherwise. */
static gint64
created_at (Import                 *import,
            const char             *key,
            const RapportCborValue *value)
{
  g_autofree char *text = rapport_cbor_dup_string (value, "createdAt");
  gint64 t = 0;

  if (text == NULL || !rapport_date_parse_iso8601 (text, &t) || !rapport_time_is_valid (t))
    {
      skip_record (import, key, _("no valid createdAt"));
      return 0;
    }
  import->newest = MAX (import->newest, t);
  return t;
}

/* The DID of at://<did>/<collection>/<rkey>; NULL for the account's own records, which are
 * no interaction with anyone. */
static char *
author_of_uri (Import     *import,
               const char *uri)
{
  char *author;
  const char *end;

  if (uri == NULL || !g_str_has_prefix (uri, "at://did:"))
    return NULL;
  uri += strlen ("at://");
  end = strchr (uri, '/');
  author = end != NULL ? g_strndup (uri, end - uri) : g_strdup (uri);
  if (!is_identifier (author, "did:") || g_strcmp0 (author, import->did) == 0)
    g_clear_pointer (&author, g_free);
  return author;
}

/* The author of the post a reply answers (reply.parent.uri). */
static char *
replied_author (Import                 *import,
                const RapportCborValue *value)
{
  const RapportCborValue *parent = rapport_cbor_get (rapport_cbor_get (value, "reply"), "parent");
  g_autofree char *uri = rapport_cbor_dup_string (parent, "uri");

  return author_of_uri (import, uri);
}

/* The author of the post a quote embeds: embed.record.uri, or embed.record.record.uri when
 * the quote also has media. */
static char *
quoted_author (Import                 *import,
               const RapportCborValue *value)
{
  const RapportCborValue *record = rapport_cbor_get (rapport_cbor_get (value, "embed"), "record");
  g_autofree char *uri = rapport_cbor_dup_string (record, "uri");

  if (uri == NULL)
    uri = rapport_cbor_dup_string (rapport_cbor_get (record, "record"), "uri");
  return author_of_uri (import, uri);
}

/* A repost or a quote: an interaction with the author of the post it shares. */
static gboolean
add_repost_of (Import      *import,
               char        *author,
               gint64       at,
               GError     **error)
{
  g_autofree char *owned = author;
  RapportInteraction repost = { RAPPORT_INTERACTION_REPOST, author, at, NULL };

  if (author == NULL)
    return TRUE;
  return rapport_import_sink_add_interaction (import->sink, &repost, error);
}

/* Adds @name lower-cased unless it is there: facets keep the case of the text. */
static void
add_unique (GPtrArray  *names,
            const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL || name[0] == '\0')
    return;
  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), lower) == 0)
      return;
  g_ptr_array_add (names, g_steal_pointer (&lower));
}

static void
read_facets (const RapportCborValue *value,
             GPtrArray              *hashtags,
             GPtrArray              *mentions)
{
  const RapportCborValue *facets = rapport_cbor_get (value, "facets");

  if (facets == NULL || facets->kind != RAPPORT_CBOR_ARRAY)
    return;
  for (gsize i = 0; i < facets->n_items; i++)
    {
      const RapportCborValue *features = rapport_cbor_get (&facets->items[i], "features");

      if (features == NULL || features->kind != RAPPORT_CBOR_ARRAY)
        continue;
      for (gsize j = 0; j < features->n_items; j++)
        {
          const RapportCborValue *feature = &features->items[j];
          g_autofree char *type = rapport_cbor_dup_string (feature, "$type");
          g_autofree char *tag = NULL;
          g_autofree char *did = NULL;

          if (type != NULL && g_str_has_suffix (type, "#tag"))
            {
              tag = rapport_cbor_dup_string (feature, "tag");
              add_unique (hashtags, tag != NULL && tag[0] == '#' ? tag + 1 : tag);
            }
          else if (type != NULL && g_str_has_suffix (type, "#mention"))
            {
              did = rapport_cbor_dup_string (feature, "did");
              if (is_identifier (did, "did:"))
                add_unique (mentions, did);
            }
        }
    }
}

static gboolean
add_post (Import                  *import,
          const char              *key,
          const char              *rkey,
          const RapportCborValue  *value,
          GError                 **error)
{
  g_autoptr(GPtrArray) hashtags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = NULL;
  g_autofree char *text = rapport_cbor_dup_string (value, "text");
  g_autofree char *url = NULL;
  RapportPost post;

  rapport_post_init (&post);
  if ((post.created_at = created_at (import, key, value)) == 0)
    return TRUE;
  post.platform_id = rkey;
  post.type = rapport_cbor_get (value, "reply") != NULL ? RAPPORT_POST_REPLY : RAPPORT_POST_TEXT;
  post.text = text != NULL && text[0] != '\0' ? text : NULL;
  post.url = url = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", import->did, rkey);
  read_facets (value, hashtags, mentions);
  /* A reply names whom it answers, even when its text mentions no one. */
  if (post.type == RAPPORT_POST_REPLY)
    {
      g_autofree char *answered = replied_author (import, value);

      add_unique (mentions, answered);
    }
  words = rapport_text_extract_hashtags (text);
  for (guint i = 0; words[i] != NULL; i++)
    add_unique (hashtags, words[i]);
  g_ptr_array_add (hashtags, NULL);
  g_ptr_array_add (mentions, NULL);
  post.hashtags = (const char * const *) hashtags->pdata;
  post.mentions = (const char * const *) mentions->pdata;
  return rapport_import_sink_add_post (import->sink, &post, error) &&
         add_repost_of (import, quoted_author (import, value), post.created_at, error);
}

static gboolean
add_repost (Import                  *import,
            const char              *key,
            const char              *rkey,
            const RapportCborValue  *value,
            GError                 **error)
{
  g_autofree char *uri = rapport_cbor_dup_string (rapport_cbor_get (value, "subject"), "uri");
  RapportPost post;

  rapport_post_init (&post);
  if ((post.created_at = created_at (import, key, value)) == 0)
    return TRUE;
  post.platform_id = rkey;
  post.type = RAPPORT_POST_REPOST;
  return rapport_import_sink_add_post (import->sink, &post, error) &&
         add_repost_of (import, author_of_uri (import, uri), post.created_at, error);
}

static gboolean
add_like (Import                  *import,
          const char              *key,
          const RapportCborValue  *value,
          GError                 **error)
{
  g_autofree char *uri = rapport_cbor_dup_string (rapport_cbor_get (value, "subject"), "uri");
  g_autofree char *author = author_of_uri (import, uri);
  RapportInteraction like = { RAPPORT_INTERACTION_LIKE, author, 0, NULL };

  if ((like.at = created_at (import, key, value)) == 0)
    return TRUE;
  return rapport_import_sink_add_interaction (import->sink, &like, error);
}

static gboolean
add_follow (Import                  *import,
            const char              *key,
            const RapportCborValue  *value,
            GError                 **error)
{
  g_autofree char *subject = rapport_cbor_dup_string (value, "subject");
  RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, NULL, subject, 0 };

  if (!is_identifier (subject, "did:"))
    {
      skip_record (import, key, _("no DID of the account followed"));
      return TRUE;
    }
  if ((relation.since = created_at (import, key, value)) == 0)
    return TRUE;
  return rapport_import_sink_add_relation (import->sink, &relation, error);
}

/* The record @key of CID @cid, a map whose $type is its collection; NULL (and a skip)
 * otherwise. */
static RapportCborValue *
read_record (Import       *import,
             const char   *key,
             const guint8 *cid,
             gsize         cid_length,
             const char   *collection)
{
  g_autoptr(RapportCborValue) value = NULL;
  g_autofree char *type = NULL;
  const guint8 *block;
  gsize length;

  block = rapport_car_lookup (import->car, cid, cid_length, &length);
  if (block == NULL)
    {
      skip_record (import, key, _("its block is missing"));
      return NULL;
    }
  value = rapport_cbor_decode (block, length, NULL, NULL);
  type = rapport_cbor_dup_string (value, "$type");
  if (value == NULL || value->kind != RAPPORT_CBOR_MAP)
    {
      skip_record (import, key, _("not a record"));
      return NULL;
    }
  if (g_strcmp0 (type, collection) != 0)
    {
      skip_record (import, key, _("its $type is not its collection"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* Reads record @key, of CID @cid, when it is a follow and the walk reads the follows, or it
 * is none and the walk reads everything else. */
static gboolean
read_record_of_walk (const char    *key,
                     const guint8  *cid,
                     gsize          cid_length,
                     gpointer       user_data,
                     GError       **error)
{
  Import *import = user_data;
  g_autoptr(RapportCborValue) value = NULL;
  g_autofree char *collection = NULL;
  const char *slash = strchr (key, '/');
  const char *rkey;
  gboolean follows = import->follows;

  if (import->n_records++ % RECORDS_PER_BATCH == 0 &&
      g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (slash == NULL || slash == key || slash[1] == '\0')
    {
      if (!follows)
        skip_record (import, key, _("the key is not collection/key"));
      return TRUE;
    }
  collection = g_strndup (key, slash - key);
  rkey = slash + 1;
  if (follows != (strcmp (collection, "app.bsky.graph.follow") == 0))
    return TRUE;
  if (!g_str_has_prefix (collection, "app.bsky."))
    {
      import->n_other++;
      return TRUE;
    }
  if (!is_identifier (rkey, ""))
    {
      skip_record (import, key, _("the record key is not valid"));
      return TRUE;
    }
  if (strcmp (collection, "app.bsky.actor.profile") == 0)
    return TRUE;
  if (strcmp (collection, "app.bsky.feed.post") != 0 &&
      strcmp (collection, "app.bsky.feed.repost") != 0 &&
      strcmp (collection, "app.bsky.feed.like") != 0 && !follows)
    return TRUE;
  if ((value = read_record (import, key, cid, cid_length, collection)) == NULL)
    return TRUE;
  if (follows)
    return add_follow (import, key, value, error);
  if (strcmp (collection, "app.bsky.feed.post") == 0)
    return add_post (import, key, rkey, value, error);
  if (strcmp (collection, "app.bsky.feed.repost") == 0)
    return add_repost (import, key, rkey, value, error);
  return add_like (import, key, value, error);
}

/* Reads the records of the tree of @commit: the follows with @follows, else everything else. */
static gboolean
read_records (Import                  *import,
              const RapportCborValue  *commit,
              gboolean                 follows,
              GError                 **error)
{
  import->follows = follows;
  import->n_records = 0;
  if (!rapport_bluesky_walk_mst (import->car, rapport_cbor_get (commit, "data"), import->entry,
                                 read_record_of_walk, import, error))
    return FALSE;
  rapport_import_sink_progress (import->sink, import->entry, import->n_records);
  return TRUE;
}

/* Notes the display name of the profile record, when @key is that record. */
static gboolean
find_display_name (const char    *key,
                   const guint8  *cid,
                   gsize          cid_length,
                   gpointer       user_data,
                   GError       **error)
{
  Import *import = user_data;
  g_autoptr(RapportCborValue) value = NULL;
  g_autofree char *name = NULL;

  if (import->display_name != NULL || strcmp (key, "app.bsky.actor.profile/self") != 0 ||
      (value = read_record (import, key, cid, cid_length, "app.bsky.actor.profile")) == NULL)
    return TRUE;
  name = rapport_cbor_dup_string (value, "displayName");
  if (name != NULL && name[0] != '\0' && strlen (name) <= 1024)
    import->display_name = g_steal_pointer (&name);
  return TRUE;
}

/* The handle of a file named repo-<handle>.car; NULL otherwise. */
static char *
handle_of_name (const char *entry)
{
  g_autofree char *base = g_path_get_basename (entry);
  g_autofree char *handle = NULL;
  gsize length = strlen (base);

  if (!g_str_has_prefix (base, "repo-") || !g_str_has_suffix (base, ".car"))
    return NULL;
  handle = g_strndup (base + strlen ("repo-"), length - strlen ("repo-") - strlen (".car"));
  if (strchr (handle, '.') == NULL || strlen (handle) > MAX_HANDLE_BYTES ||
      strspn (handle, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
      strlen (handle))
    return NULL;
  return g_ascii_strdown (handle, -1);
}

/* Reads the commit at the root into @commit_out, and the account. */
static gboolean
read_repository (Import             *import,
                 RapportCborValue  **commit_out,
                 gint64             *rev_time,
                 GError            **error)
{
  g_autoptr(RapportCborValue) commit = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *handle = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_BLUESKY, NULL, NULL, NULL, FALSE };
  GBytes *root = rapport_car_get_root (import->car);
  const guint8 *block;
  gsize length;

  block = rapport_car_lookup (import->car, g_bytes_get_data (root, NULL),
                              g_bytes_get_size (root), &length);
  if (block == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the root commit is missing"), import->entry);
      return FALSE;
    }
  commit = rapport_cbor_decode (block, length, NULL, error);
  if (commit == NULL)
    {
      g_prefix_error (error, "%s: ", import->entry);
      return FALSE;
    }
  import->did = rapport_cbor_dup_string (commit, "did");
  if (!is_identifier (import->did, "did:"))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the root commit names no account (did)"), import->entry);
      return FALSE;
    }
  rev = rapport_cbor_dup_string (commit, "rev");
  if (!rapport_bluesky_tid_time (rev, rev_time) || !rapport_time_is_valid (*rev_time))
    *rev_time = 0;
  /* The first walk also finds a broken tree before anything is stored. */
  if (!rapport_bluesky_walk_mst (import->car, rapport_cbor_get (commit, "data"), import->entry,
                                 find_display_name, import, error))
    return FALSE;

  handle = handle_of_name (import->entry);
  account.handle = handle != NULL ? handle : import->did;
  account.platform_id = import->did;
  account.display_name = import->display_name;
  *commit_out = g_steal_pointer (&commit);
  return rapport_import_sink_set_account (import->sink, &account, error);
}

gboolean
rapport_bluesky_import (RapportArchive     *archive,
                        RapportImportSink  *sink,
                        GCancellable       *cancellable,
                        GError            **error)
{
  Import import = { archive, sink, cancellable, NULL, NULL, FALSE, 0, NULL, NULL, 0, 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportCar) car = NULL;
  g_autoptr(RapportCborValue) commit = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *did = NULL;
  g_autofree char *display_name = NULL;
  RapportDateSource date_source;
  gint64 rev_time = 0;
  gint64 exported_at = 0;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((import.entry = entry = find_car (archive, FALSE)) == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no Bluesky repository (a .car file) in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }
  if ((bytes = rapport_archive_read (archive, import.entry, NULL, error)) == NULL)
    return FALSE;
  if ((car = rapport_car_read (bytes, import.entry, error)) == NULL)
    return FALSE;
  import.car = car;

  ok = read_repository (&import, &commit, &rev_time, error) &&
       read_records (&import, commit, FALSE, error);
  did = import.did;
  display_name = import.display_name;
  if (!ok)
    return FALSE;
  if (import.n_other > 0)
    {
      g_autofree char *reason =
        g_strdup_printf (ngettext ("%u record of another application",
                                   "%u records of other applications",
                                   (gulong) MIN (import.n_other, G_MAXUINT)),
                         (guint) MIN (import.n_other, G_MAXUINT));

      rapport_import_sink_skip (sink, import.entry, reason);
    }
  /* The repository holds the accounts followed; who follows the account is not in it. */
  if (!rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, error) ||
      !read_records (&import, commit, TRUE, error))
    return FALSE;
  rapport_import_sink_end_list (sink);

  if (rev_time != 0)
    {
      exported_at = rev_time;
      date_source = RAPPORT_DATE_SOURCE_MANIFEST;
    }
  else
    date_source = rapport_export_name_choose_date (0, import.newest,
                                                   rapport_archive_get_mtime (archive),
                                                   &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
