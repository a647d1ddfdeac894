/* test-bluesky.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A repository written here from readable records: a commit, a tree of two levels with
 * prefix-compressed keys, posts, a repost, a like, follows, a profile, a record of another
 * application, one whose $type is not its collection, and an old block the tree no longer
 * reaches.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-import-error.h"
#include "import/rapport-archive.h"
#include "import/rapport-bluesky-importer.h"
#include "import/rapport-bluesky-private.h"
#include "session/rapport-import-job.h"

#include "rapport-test-car.h"
#include "rapport-test-sink.h"
#include "rapport-test-util.h"

#define DID "did:plc:jo7example"
#define REV "3kndop3ng2222" /* 2024-03-10 12:00:00 UTC */

/* Adds @block (taken) to @blocks and returns its CID. */
static GBytes *
add_block (GPtrArray  *blocks,
           GByteArray *block)
{
  g_ptr_array_add (blocks, block);
  return rapport_test_cid (block);
}

static GByteArray *
texts (const char *first,
       ...)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const char *text;
  va_list args;

  g_ptr_array_add (items, (gpointer) first);
  va_start (args, first);
  while ((text = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (items, (gpointer) text);
  va_end (args);
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, items->len / 2);
  for (guint i = 0; i < items->len; i++)
    rapport_test_cbor_text (out, items->pdata[i]);
  return out;
}

/* A tree node: @left, then the @n keys with their records and subtrees, each key written as
 * the length it shares with the previous key and the rest. */
static GByteArray *
mst_node (GBytes             *left,
          const char * const *keys,
          GBytes            **values,
          GBytes            **subtrees,
          guint               n)
{
  GByteArray *out = g_byte_array_new ();
  const char *previous = "";

  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 2);
  rapport_test_cbor_text (out, "e");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_ARRAY, n);
  for (guint i = 0; i < n; i++)
    {
      gsize shared = 0;

      while (previous[shared] != '\0' && previous[shared] == keys[i][shared])
        shared++;
      rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 4);
      rapport_test_cbor_text (out, "k");
      rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_BYTES, strlen (keys[i]) - shared);
      g_byte_array_append (out, (const guint8 *) keys[i] + shared, strlen (keys[i]) - shared);
      rapport_test_cbor_text (out, "p");
      rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_UNSIGNED, shared);
      rapport_test_cbor_text (out, "t");
      rapport_test_cbor_link (out, subtrees != NULL ? subtrees[i] : NULL);
      rapport_test_cbor_text (out, "v");
      rapport_test_cbor_link (out, values[i]);
      previous = keys[i];
    }
  rapport_test_cbor_text (out, "l");
  rapport_test_cbor_link (out, left);
  return out;
}

static GByteArray *
commit (GBytes     *data,
        const char *rev)
{
  GByteArray *out = g_byte_array_new ();

  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, rev != NULL ? 5 : 4);
  rapport_test_cbor_text (out, "did");
  rapport_test_cbor_text (out, DID);
  if (rev != NULL)
    {
      rapport_test_cbor_text (out, "rev");
      rapport_test_cbor_text (out, rev);
    }
  rapport_test_cbor_text (out, "sig");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_BYTES, 2);
  g_byte_array_append (out, (const guint8 *) "\x01\x02", 2);
  rapport_test_cbor_text (out, "data");
  rapport_test_cbor_link (out, data);
  rapport_test_cbor_text (out, "prev");
  rapport_test_cbor_null (out);
  return out;
}

/* The post with a tag facet, a mention facet and a quoted post. */
static GByteArray *
tagged_post (void)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GByteArray) quoted = texts ("uri", "at://did:plc:bob/app.bsky.feed.post/3q", NULL);

  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 5);
  rapport_test_cbor_text (out, "text");
  rapport_test_cbor_text (out, "Quoting @bob.example #Tagged");
  rapport_test_cbor_text (out, "$type");
  rapport_test_cbor_text (out, "app.bsky.feed.post");
  rapport_test_cbor_text (out, "embed");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 2);
  rapport_test_cbor_text (out, "$type");
  rapport_test_cbor_text (out, "app.bsky.embed.record");
  rapport_test_cbor_text (out, "record");
  g_byte_array_append (out, quoted->data, quoted->len);
  rapport_test_cbor_text (out, "facets");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_ARRAY, 2);
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 1);
  rapport_test_cbor_text (out, "features");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_ARRAY, 2);
  rapport_test_cbor_texts (out, "$type", "app.bsky.richtext.facet#tag", "tag", "BlueSky", NULL);
  rapport_test_cbor_texts (out, "$type", "app.bsky.richtext.facet#tag", "tag", "BLUESKY", NULL);
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 1);
  rapport_test_cbor_text (out, "features");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_ARRAY, 1);
  rapport_test_cbor_texts (out, "$type", "app.bsky.richtext.facet#mention",
                           "did", "did:plc:bob", NULL);
  rapport_test_cbor_text (out, "createdAt");
  rapport_test_cbor_text (out, "2024-03-03T09:30:00Z");
  return out;
}

/* A record of @type with a "subject" map of one uri and createdAt @at. */
static GByteArray *
subject_record (const char *type,
                const char *uri,
                const char *at)
{
  GByteArray *out = g_byte_array_new ();

  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 3);
  rapport_test_cbor_text (out, "$type");
  rapport_test_cbor_text (out, type);
  rapport_test_cbor_text (out, "subject");
  rapport_test_cbor_texts (out, "uri", uri, "cid", "bafy", NULL);
  rapport_test_cbor_text (out, "createdAt");
  rapport_test_cbor_text (out, at);
  return out;
}

/* A reply to dana's post in a thread that carol began. */
static GByteArray *
reply_post (void)
{
  GByteArray *out = g_byte_array_new ();

  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 4);
  rapport_test_cbor_text (out, "$type");
  rapport_test_cbor_text (out, "app.bsky.feed.post");
  rapport_test_cbor_text (out, "text");
  rapport_test_cbor_text (out, "Agreed");
  rapport_test_cbor_text (out, "reply");
  rapport_test_cbor_head (out, RAPPORT_TEST_CBOR_MAP, 2);
  rapport_test_cbor_text (out, "root");
  rapport_test_cbor_texts (out, "uri", "at://did:plc:carol/app.bsky.feed.post/3a", "cid", "bafy",
                           NULL);
  rapport_test_cbor_text (out, "parent");
  rapport_test_cbor_texts (out, "uri", "at://did:plc:dana/app.bsky.feed.post/3b", "cid", "bafy",
                           NULL);
  rapport_test_cbor_text (out, "createdAt");
  rapport_test_cbor_text (out, "2024-03-02T10:00:00+00:00");
  return out;
}

/* The whole repository; @rev NULL for a repository of version 2. */
static GBytes *
write_repository (const char *rev)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                g_byte_array_unref);
  const char * const left_keys[] = {
    "app.bsky.actor.profile/self", "app.bsky.feed.like/3kaaaaaaaaa22",
  };
  const char * const middle_keys[] = {
    "app.bsky.feed.post/3kaaaaaaaaa44", "app.bsky.feed.post/3kaaaaaaaaa55",
    "app.bsky.feed.post/3kbadtype",
  };
  const char * const root_keys[] = {
    "app.bsky.feed.post/3kaaaaaaaaa33", "app.bsky.feed.repost/3kaaaaaaaaa66",
    "app.bsky.graph.follow/3kaaaaaaaaa77", "app.bsky.graph.follow/self-chosen",
    "com.example.app.thing/1",
  };
  GBytes *left_values[2], *middle_values[3], *root_values[5], *root_subtrees[5] = { NULL };
  g_autoptr(GBytes) left = NULL;
  g_autoptr(GBytes) middle = NULL;
  g_autoptr(GBytes) root = NULL;
  g_autoptr(GBytes) head = NULL;
  GBytes *car;

  left_values[0] = add_block (blocks, texts ("$type", "app.bsky.actor.profile",
                                             "displayName", "Jo Sky", NULL));
  left_values[1] = add_block (blocks, subject_record ("app.bsky.feed.like",
                                                      "at://did:plc:carol/app.bsky.feed.post/3x",
                                                      "2024-03-05T00:00:00Z"));
  middle_values[0] = add_block (blocks, reply_post ());
  middle_values[1] = add_block (blocks, tagged_post ());
  middle_values[2] = add_block (blocks, texts ("$type", "app.bsky.feed.like", "text", "odd",
                                               "createdAt", "2024-03-01T00:00:00Z", NULL));
  root_values[0] = add_block (blocks, texts ("$type", "app.bsky.feed.post",
                                             "text", "Hello #World and #rapport",
                                             "createdAt", "2024-03-01T10:00:00.000Z", NULL));
  root_values[1] = add_block (blocks, subject_record ("app.bsky.feed.repost",
                                                      "at://did:plc:bob/app.bsky.feed.post/3r",
                                                      "2024-03-04T00:00:00Z"));
  root_values[2] = add_block (blocks, texts ("$type", "app.bsky.graph.follow",
                                             "subject", "did:plc:bob",
                                             "createdAt", "2024-01-01T00:00:00Z", NULL));
  root_values[3] = add_block (blocks, texts ("$type", "app.bsky.graph.follow",
                                             "subject", "did:plc:carol",
                                             "createdAt", "2024-01-02T00:00:00+00:00", NULL));
  root_values[4] = add_block (blocks, texts ("$type", "com.example.app.thing", NULL));
  /* An old version of a post, which no node links to any more. */
  g_bytes_unref (add_block (blocks, texts ("$type", "app.bsky.feed.post", "text", "Old",
                                           "createdAt", "2023-01-01T00:00:00Z", NULL)));

  left = add_block (blocks, mst_node (NULL, left_keys, left_values, NULL, 2));
  middle = add_block (blocks, mst_node (NULL, middle_keys, middle_values, NULL, 3));
  root_subtrees[0] = middle;
  root = add_block (blocks, mst_node (left, root_keys, root_values, root_subtrees, 5));
  head = add_block (blocks, commit (root, rev));
  car = rapport_test_car (head, (GByteArray **) blocks->pdata, blocks->len);

  for (guint i = 0; i < 2; i++)
    g_bytes_unref (left_values[i]);
  for (guint i = 0; i < 3; i++)
    g_bytes_unref (middle_values[i]);
  for (guint i = 0; i < 5; i++)
    g_bytes_unref (root_values[i]);
  return car;
}

static char *
write_file (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* Imports @bytes written as @name, through detection, which must pick Bluesky. */
static RapportTestSink *
import_bytes (GBytes     *bytes,
              const char *name)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = write_file (dir, name, bytes);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportFunc import_func = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_import_detect (archive, &import_func, &error), ==,
                   RAPPORT_PLATFORM_BLUESKY);
  g_assert_no_error (error);
  g_assert_true (import_func (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_BLUESKY);
  /* A repository never holds followers: no follower list is begun. */
  g_assert_false (sink->has_follower_list);
  g_assert_true (sink->has_following_list);
  rapport_test_remove_tree (dir);
  return g_steal_pointer (&sink);
}

static void
test_repository (void)
{
  g_autoptr(GBytes) bytes = write_repository (REV);
  g_autoptr(RapportTestSink) sink = import_bytes (bytes, "repo-jo.example.com.car");
  const RapportPost *post;
  const RapportRelation *relation;
  const RapportInteraction *like;

  g_assert_cmpstr (sink->handle, ==, "jo.example.com");
  g_assert_cmpstr (sink->platform_id, ==, DID);
  g_assert_cmpstr (sink->display_name, ==, "Jo Sky");
  g_assert_false (sink->provisional);
  g_assert_cmpint (sink->exported_at, ==, 1710072000);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_MANIFEST);

  /* Three posts and the repost; not the old post, nor the record of the wrong $type. */
  g_assert_cmpuint (sink->posts->len, ==, 4);
  post = rapport_test_sink_find_post (sink, "3kaaaaaaaaa33");
  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1709287200);
  g_assert_cmpstr (post->text, ==, "Hello #World and #rapport");
  g_assert_cmpstr (post->url, ==,
                   "https://bsky.app/profile/" DID "/post/3kaaaaaaaaa33");
  g_assert_true (rapport_test_post_has_hashtag (post, "world"));
  g_assert_true (rapport_test_post_has_hashtag (post, "rapport"));

  /* A reply names the author of the post it answers, not the thread's. */
  post = rapport_test_sink_find_post (sink, "3kaaaaaaaaa44");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPLY);
  g_assert_cmpint (post->created_at, ==, 1709373600);
  g_assert_cmpstr (post->mentions[0], ==, "did:plc:dana");
  g_assert_null (post->mentions[1]);

  /* A quote is a text post; the facets' tag and mention count as the text's would, and two
   * facets of one tag in two cases are one. */
  post = rapport_test_sink_find_post (sink, "3kaaaaaaaaa55");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_TEXT);
  g_assert_cmpint (post->created_at, ==, 1709458200);
  g_assert_cmpstr (post->hashtags[0], ==, "bluesky");
  g_assert_cmpstr (post->hashtags[1], ==, "tagged");
  g_assert_null (post->hashtags[2]);
  g_assert_cmpstr (post->mentions[0], ==, "did:plc:bob");
  g_assert_null (post->mentions[1]);

  post = rapport_test_sink_find_post (sink, "3kaaaaaaaaa66");
  g_assert_cmpint (post->type, ==, RAPPORT_POST_REPOST);
  g_assert_cmpint (post->created_at, ==, 1709510400);
  g_assert_null (rapport_test_sink_find_post (sink, "3kbadtype"));

  /* The like, then the quote and the repost, both of bob's posts, as reposts. */
  g_assert_cmpuint (sink->interactions->len, ==, 3);
  like = g_ptr_array_index (sink->interactions, 0);
  g_assert_cmpint (like->kind, ==, RAPPORT_INTERACTION_LIKE);
  g_assert_cmpstr (like->target_handle, ==, "did:plc:carol");
  g_assert_cmpint (like->at, ==, 1709596800);
  like = g_ptr_array_index (sink->interactions, 1);
  g_assert_cmpint (like->kind, ==, RAPPORT_INTERACTION_REPOST);
  g_assert_cmpstr (like->target_handle, ==, "did:plc:bob");
  g_assert_cmpint (like->at, ==, 1709458200);
  like = g_ptr_array_index (sink->interactions, 2);
  g_assert_cmpint (like->kind, ==, RAPPORT_INTERACTION_REPOST);
  g_assert_cmpstr (like->target_handle, ==, "did:plc:bob");
  g_assert_cmpint (like->at, ==, 1709510400);

  g_assert_cmpuint (sink->following->len, ==, 2);
  relation = rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "did:plc:bob");
  g_assert_nonnull (relation);
  g_assert_null (relation->handle);
  g_assert_cmpint (relation->since, ==, 1704067200);
  relation = rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING,
                                              "did:plc:carol");
  g_assert_cmpint (relation->since, ==, 1704153600);

  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "repo-jo.example.com.car: record app.bsky.feed.post/3kbadtype: "
                   "its $type is not its collection");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "repo-jo.example.com.car: 1 record of another application");
}

/* Without a rev (version 2) the newest createdAt dates it; without a handle in the name the
 * DID stands for it; a CAR of another name is told by its first bytes. */
static void
test_version_2 (void)
{
  g_autoptr(GBytes) bytes = write_repository (NULL);
  g_autoptr(RapportTestSink) sink = import_bytes (bytes, "export");

  g_assert_cmpstr (sink->handle, ==, DID);
  g_assert_cmpstr (sink->platform_id, ==, DID);
  g_assert_cmpint (sink->exported_at, ==, 1709596800);
  g_assert_cmpint (sink->date_source, ==, RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
}

static void
test_tid (void)
{
  gint64 seconds = 0;

  g_assert_true (rapport_bluesky_tid_time (REV, &seconds));
  g_assert_cmpint (seconds, ==, 1710072000);
  g_assert_false (rapport_bluesky_tid_time ("zzzzzzzzzzzzz", &seconds));
  g_assert_false (rapport_bluesky_tid_time ("3kndop3ng222", &seconds));
  g_assert_false (rapport_bluesky_tid_time ("3kndop3ng222!", &seconds));
}

/* Importing @bytes as bad.car fails with @expected. */
static void
assert_refused (GBytes     *bytes,
                const char *expected)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = write_file (dir, "bad.car", bytes);
  g_autoptr(RapportTestSink) sink = rapport_test_sink_new ();
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_bluesky_import (archive, &sink->parent, NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, expected);
  rapport_test_remove_tree (dir);
}

static void
test_bad_inputs (void)
{
  g_autoptr(GBytes) truncated = g_bytes_new_static ("\x80", 1);
  g_autoptr(GByteArray) empty = texts ("a", "b", NULL);
  g_autoptr(GByteArray) broken_map = g_byte_array_new ();
  g_autoptr(GBytes) empty_cid = rapport_test_cid (empty);
  GByteArray *blocks[] = { broken_map };
  g_autoptr(GBytes) map_car = NULL;
  g_autoptr(GBytes) map_cid = NULL;
  g_autoptr(GBytes) cid_car = NULL;
  g_autoptr(GByteArray) with_bad_cid = NULL;
  const guint8 *header;
  gsize header_length;

  assert_refused (truncated, "bad.car: the header's length is broken");

  /* A commit that declares a map of 5 pairs in 4 bytes. */
  g_byte_array_append (broken_map, (const guint8 *) "\xa5\x61" "a" "\x01", 4);
  map_cid = rapport_test_cid (broken_map);
  map_car = rapport_test_car (map_cid, blocks, 1);
  assert_refused (map_car, "bad.car: broken CBOR at byte 0: a list or map is longer than the "
                  "data");

  /* A block whose CID says its digest is 16 bytes long. */
  cid_car = rapport_test_car (empty_cid, NULL, 0);
  with_bad_cid = g_byte_array_new ();
  header = g_bytes_get_data (cid_car, &header_length);
  g_byte_array_append (with_bad_cid, header, header_length);
  rapport_test_varint (with_bad_cid, 40);
  g_byte_array_append (with_bad_cid, (const guint8 *) "\x01\x71\x12\x10", 4);
  for (guint i = 0; i < 36; i++)
    g_byte_array_append (with_bad_cid, (const guint8 *) "x", 1);
  g_bytes_unref (cid_car);
  cid_car = g_bytes_new (with_bad_cid->data, with_bad_cid->len);
  assert_refused (cid_car, "bad.car: a CID with a bad hash length");
}

/* A node linked twice, as the left subtree and after an entry: a cycle for a walk that would
 * loop, and never a tree. */
static void
test_cycle (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                g_byte_array_unref);
  const char * const keys[] = { "app.bsky.feed.post/3kaaaaaaaaa33" };
  g_autoptr(GBytes) value = add_block (blocks, texts ("$type", "app.bsky.feed.post", NULL));
  GBytes *values[] = { value };
  g_autoptr(GBytes) leaf = add_block (blocks, mst_node (NULL, keys, values, NULL, 0));
  GBytes *subtrees[] = { leaf };
  g_autoptr(GBytes) root = add_block (blocks, mst_node (leaf, keys, values, subtrees, 1));
  g_autoptr(GBytes) head = add_block (blocks, commit (root, REV));
  g_autoptr(GBytes) car = NULL;

  car = rapport_test_car (head, (GByteArray **) blocks->pdata, blocks->len);
  assert_refused (car, "bad.car: the record tree links a node twice (a cycle)");
}

/* Records whose blocks the CAR lacks are skipped in key order, the follows after the rest;
 * two records may share a block, and a block stored twice is read once. */
static void
test_missing_blocks (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                g_byte_array_unref);
  const char * const keys[] = {
    "app.bsky.feed.post/3kaaaaaaaaa22", "app.bsky.feed.post/3kaaaaaaaaa33",
    "app.bsky.feed.post/3kaaaaaaaaa34", "app.bsky.graph.follow/3kaaaaaaaaa44",
    "app.bsky.graph.follow/3kaaaaaaaaa55",
  };
  g_autoptr(GByteArray) absent = texts ("$type", "app.bsky.feed.post", NULL);
  g_autoptr(GBytes) missing = rapport_test_cid (absent);
  g_autoptr(GBytes) post = add_block (blocks, texts ("$type", "app.bsky.feed.post",
                                                     "text", "Twice",
                                                     "createdAt", "2024-03-01T10:00:00Z", NULL));
  g_autoptr(GByteArray) follow_block = texts ("$type", "app.bsky.graph.follow",
                                              "subject", "did:plc:bob",
                                              "createdAt", "2024-01-01T00:00:00Z", NULL);
  g_autoptr(GBytes) follow = add_block (blocks, g_byte_array_ref (follow_block));
  GBytes *values[] = { missing, post, post, follow, missing };
  g_autoptr(GBytes) root = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RapportTestSink) sink = NULL;
  const RapportRelation *relation;

  g_ptr_array_add (blocks, g_byte_array_ref (follow_block));
  root = add_block (blocks, mst_node (NULL, keys, values, NULL, 5));
  head = add_block (blocks, commit (root, REV));
  bytes = rapport_test_car (head, (GByteArray **) blocks->pdata, blocks->len);
  sink = import_bytes (bytes, "repo-jo.example.com.car");

  g_assert_cmpuint (sink->posts->len, ==, 2);
  g_assert_nonnull (rapport_test_sink_find_post (sink, "3kaaaaaaaaa33"));
  g_assert_nonnull (rapport_test_sink_find_post (sink, "3kaaaaaaaaa34"));
  g_assert_cmpuint (sink->following->len, ==, 1);
  relation = rapport_test_sink_find_relation (sink, RAPPORT_DIRECTION_FOLLOWING, "did:plc:bob");
  g_assert_nonnull (relation);
  g_assert_cmpint (relation->since, ==, 1704067200);
  g_assert_cmpuint (sink->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 0), ==,
                   "repo-jo.example.com.car: record app.bsky.feed.post/3kaaaaaaaaa22: "
                   "its block is missing");
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, 1), ==,
                   "repo-jo.example.com.car: record app.bsky.graph.follow/3kaaaaaaaaa55: "
                   "its block is missing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bluesky/repository", test_repository);
  g_test_add_func ("/bluesky/version-2", test_version_2);
  g_test_add_func ("/bluesky/tid", test_tid);
  g_test_add_func ("/bluesky/bad-inputs", test_bad_inputs);
  g_test_add_func ("/bluesky/cycle", test_cycle);
  g_test_add_func ("/bluesky/missing-blocks", test_missing_blocks);

  return g_test_run ();
}
