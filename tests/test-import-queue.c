/* test-import-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "session/rapport-import-queue.h"

#include "rapport-test-sink.h"

/* Enough records for several batches, so that some wait while others are written. */
#define N_POSTS 5000

/* Gives the queue posts from a buffer that is overwritten right after each call, with a
 * relation, a skip and an interaction in between, a list begun and ended a quarter of the way
 * and a follower count half-way. */
static gboolean
give_records (RapportImportSink  *sink,
              GError            **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_TWITTER, "jo", "42", "Jo" };
  RapportFollowerCount count = { 1700000000, 321, RAPPORT_COUNT_SOURCE_PROFILE };

  if (!rapport_import_sink_set_account (sink, &account, error) ||
      !rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, error))
    return FALSE;

  for (guint i = 0; i < N_POSTS; i++)
    {
      char id[32], text[64], tag[32];
      const char *tags[] = { tag, "always", NULL };
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWER, NULL, id, 0 };
      RapportInteraction like = { RAPPORT_INTERACTION_LIKE, NULL, 1600000000 + i, NULL };
      RapportPost post;

      g_snprintf (id, sizeof id, "%u", 1000 + i);
      g_snprintf (text, sizeof text, "post number %u", i);
      g_snprintf (tag, sizeof tag, "tag%u", i % 7);
      rapport_post_init (&post);
      post.platform_id = id;
      post.text = text;
      post.created_at = 1600000000 + i;
      post.likes = i;
      post.hashtags = tags;
      if (!rapport_import_sink_add_post (sink, &post, error) ||
          !rapport_import_sink_add_relation (sink, &relation, error))
        return FALSE;
      if (i % 1000 == 999)
        {
          rapport_import_sink_skip (sink, "tweets.js", "a post without a date");
          if (!rapport_import_sink_add_interaction (sink, &like, error))
            return FALSE;
        }
      if (i == N_POSTS / 4)
        {
          if (!rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, error))
            return FALSE;
          rapport_import_sink_end_list (sink);
        }
      if (i == N_POSTS / 2 && !rapport_import_sink_add_follower_count (sink, &count, error))
        return FALSE;
      /* The queue must have copied everything already. */
      memset (id, 'x', sizeof id - 1);
      memset (text, 'x', sizeof text - 1);
      memset (tag, 'x', sizeof tag - 1);
    }
  rapport_import_sink_set_export_date (sink, 1700000500, RAPPORT_DATE_SOURCE_MANIFEST);
  return TRUE;
}

/* A test sink behind a guard that fails the test if two of its calls overlap, as they would
 * if the queue called the target directly while its writer was still busy. */
typedef struct
{
  RapportImportSink parent;
  RapportTestSink *inner;
  gint in_call;
  guint posts_before_count;
  guint posts_before_list;
  guint posts_before_end;
} GuardedSink;

static void
enter (GuardedSink *self)
{
  if (!g_atomic_int_compare_and_exchange (&self->in_call, 0, 1))
    g_error ("two calls of the target overlap");
  /* Long enough for an overlapping call to show up. */
  g_thread_yield ();
}

static void
leave (GuardedSink *self)
{
  g_atomic_int_set (&self->in_call, 0);
}

#define GUARDED(self, call) ({ gboolean ok_; enter (self); ok_ = (call); leave (self); ok_; })

static gboolean
guarded_set_account (RapportImportSink *sink, const RapportAccountInfo *account, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;
  return GUARDED (self, rapport_import_sink_set_account (&self->inner->parent, account, error));
}

static gboolean
guarded_begin_list (RapportImportSink *sink, RapportDirection direction, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;

  self->posts_before_list = self->inner->posts->len;
  return GUARDED (self, rapport_import_sink_begin_list (&self->inner->parent, direction, error));
}

static void
guarded_end_list (RapportImportSink *sink)
{
  GuardedSink *self = (GuardedSink *) sink;

  self->posts_before_end = self->inner->posts->len;
  enter (self);
  rapport_import_sink_end_list (&self->inner->parent);
  leave (self);
}

static gboolean
guarded_add_relation (RapportImportSink *sink, const RapportRelation *relation, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;
  return GUARDED (self, rapport_import_sink_add_relation (&self->inner->parent, relation, error));
}

static gboolean
guarded_add_post (RapportImportSink *sink, const RapportPost *post, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;
  return GUARDED (self, rapport_import_sink_add_post (&self->inner->parent, post, error));
}

static gboolean
guarded_add_follower_count (RapportImportSink *sink, const RapportFollowerCount *count, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;

  self->posts_before_count = self->inner->posts->len;
  return GUARDED (self, rapport_import_sink_add_follower_count (&self->inner->parent, count, error));
}

static gboolean
guarded_add_interaction (RapportImportSink *sink, const RapportInteraction *interaction, GError **error)
{
  GuardedSink *self = (GuardedSink *) sink;
  return GUARDED (self, rapport_import_sink_add_interaction (&self->inner->parent, interaction, error));
}

static void
guarded_set_export_date (RapportImportSink *sink, gint64 exported_at, RapportDateSource source)
{
  GuardedSink *self = (GuardedSink *) sink;

  enter (self);
  rapport_import_sink_set_export_date (&self->inner->parent, exported_at, source);
  leave (self);
}

static void
guarded_skip (RapportImportSink *sink, const char *entry_name, const char *reason)
{
  GuardedSink *self = (GuardedSink *) sink;

  enter (self);
  rapport_import_sink_skip (&self->inner->parent, entry_name, reason);
  leave (self);
}

static void
guarded_sink_init (GuardedSink     *self,
                   RapportTestSink *inner)
{
  memset (self, 0, sizeof *self);
  self->inner = inner;
  self->parent.set_account = guarded_set_account;
  self->parent.begin_list = guarded_begin_list;
  self->parent.end_list = guarded_end_list;
  self->parent.add_relation = guarded_add_relation;
  self->parent.add_post = guarded_add_post;
  self->parent.add_follower_count = guarded_add_follower_count;
  self->parent.add_interaction = guarded_add_interaction;
  self->parent.set_export_date = guarded_set_export_date;
  self->parent.skip = guarded_skip;
}

static void
test_order_and_copies (void)
{
  g_autoptr(RapportTestSink) target = rapport_test_sink_new ();
  g_autoptr(RapportImportQueue) queue = NULL;
  g_autoptr(GError) error = NULL;
  GuardedSink guarded;

  guarded_sink_init (&guarded, target);
  queue = rapport_import_queue_new (&guarded.parent);
  g_assert_true (give_records (rapport_import_queue_get_sink (queue), &error));
  g_assert_true (rapport_import_queue_finish (queue, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (target->n_set_account, ==, 1);
  g_assert_cmpstr (target->handle, ==, "jo");
  g_assert_true (target->has_follower_list);
  g_assert_cmpuint (target->posts->len, ==, N_POSTS);
  g_assert_cmpuint (target->followers->len, ==, N_POSTS);
  for (guint i = 0; i < N_POSTS; i++)
    {
      const RapportPost *post = g_ptr_array_index (target->posts, i);
      const RapportRelation *relation = g_ptr_array_index (target->followers, i);
      g_autofree char *id = g_strdup_printf ("%u", 1000 + i);
      g_autofree char *text = g_strdup_printf ("post number %u", i);
      g_autofree char *tag = g_strdup_printf ("tag%u", i % 7);

      g_assert_cmpstr (post->platform_id, ==, id);
      g_assert_cmpstr (post->text, ==, text);
      g_assert_cmpint (post->likes, ==, i);
      g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
      g_assert_null (post->url);
      g_assert_cmpstr (post->hashtags[0], ==, tag);
      g_assert_cmpstr (post->hashtags[1], ==, "always");
      g_assert_null (post->hashtags[2]);
      g_assert_null (post->mentions);
      g_assert_cmpstr (relation->platform_id, ==, id);
      g_assert_null (relation->handle);
    }
  g_assert_cmpuint (target->interactions->len, ==, N_POSTS / 1000);
  g_assert_cmpint (((RapportInteraction *) g_ptr_array_index (target->interactions, 1))->at,
                   ==, 1600001999);
  g_assert_cmpuint (target->skipped->len, ==, N_POSTS / 1000);
  g_assert_cmpstr (g_ptr_array_index (target->skipped, 0), ==, "tweets.js: a post without a date");
  g_assert_cmpuint (target->counts->len, ==, 1);
  g_assert_cmpint (g_array_index (target->counts, RapportFollowerCount, 0).count, ==, 321);
  /* They came after every post given before them: the list of those followed begun and ended
   * after posts 0 to 1,250, the count after posts 0 to 2,500. */
  g_assert_true (target->has_following_list);
  g_assert_cmpuint (guarded.posts_before_list, ==, N_POSTS / 4 + 1);
  g_assert_cmpuint (guarded.posts_before_end, ==, N_POSTS / 4 + 1);
  g_assert_cmpuint (guarded.posts_before_count, ==, N_POSTS / 2 + 1);
  g_assert_cmpint (target->exported_at, ==, 1700000500);
}

/* The target fails on its 1,500th record: the importer hears of it at a later record, stops,
 * and the target gets nothing after the failure. */
static void
test_target_failure (void)
{
  g_autoptr(RapportTestSink) target = rapport_test_sink_new ();
  g_autoptr(RapportImportQueue) queue = rapport_import_queue_new (&target->parent);
  g_autoptr(GError) error = NULL;

  target->fail_after = 1500;
  g_assert_false (give_records (rapport_import_queue_get_sink (queue), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "test sink refused record 1500");
  g_clear_error (&error);

  g_assert_false (rapport_import_queue_finish (queue, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (target->n_added, ==, 1500);
}

/* A target that holds its first post until the test lets it go. */
typedef struct
{
  RapportImportSink parent;
  RapportTestSink *inner;
  GMutex lock;
  GCond changed;
  gboolean entered;
  gboolean open;
} GatedSink;

static gboolean
gated_add_post (RapportImportSink  *sink,
                const RapportPost  *post,
                GError            **error)
{
  GatedSink *self = (GatedSink *) sink;

  g_mutex_lock (&self->lock);
  self->entered = TRUE;
  g_cond_broadcast (&self->changed);
  while (!self->open)
    g_cond_wait (&self->changed, &self->lock);
  g_mutex_unlock (&self->lock);
  return rapport_import_sink_add_post (&self->inner->parent, post, error);
}

static gpointer
open_gate_later (gpointer data)
{
  GatedSink *self = data;

  /* By then the test is inside rapport_import_queue_free(). */
  g_usleep (G_USEC_PER_SEC / 2);
  g_mutex_lock (&self->lock);
  self->open = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* An importer's own failure: the queue is dropped with batches still waiting, and the target
 * gets only the batch it was writing. */
static void
test_free_discards (void)
{
  g_autoptr(RapportTestSink) inner = rapport_test_sink_new ();
  g_autoptr(GError) error = NULL;
  RapportImportQueue *queue;
  RapportImportSink *sink;
  GatedSink gated = { 0 };
  GThread *opener;

  inner->n_set_account = 1;
  gated.inner = inner;
  gated.parent.add_post = gated_add_post;
  g_mutex_init (&gated.lock);
  g_cond_init (&gated.changed);

  queue = rapport_import_queue_new (&gated.parent);
  sink = rapport_import_queue_get_sink (queue);
  /* Four batches: one held in the target, two waiting, one still filling. */
  for (guint i = 0; i < 4 * 512; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 1000 + i);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = id;
      post.created_at = 1600000000 + i;
      g_assert_true (rapport_import_sink_add_post (sink, &post, &error));
    }
  g_mutex_lock (&gated.lock);
  while (!gated.entered)
    g_cond_wait (&gated.changed, &gated.lock);
  g_mutex_unlock (&gated.lock);
  opener = g_thread_new ("open-gate", open_gate_later, &gated);
  rapport_import_queue_free (queue);
  g_thread_join (opener);

  g_assert_cmpuint (inner->posts->len, ==, 512);
  g_assert_cmpstr (((RapportPost *) g_ptr_array_index (inner->posts, 511))->platform_id, ==, "1511");
  g_cond_clear (&gated.changed);
  g_mutex_clear (&gated.lock);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-queue/order-and-copies", test_order_and_copies);
  g_test_add_func ("/import-queue/target-failure", test_target_failure);
  g_test_add_func ("/import-queue/free-discards", test_free_discards);

  return g_test_run ();
}
