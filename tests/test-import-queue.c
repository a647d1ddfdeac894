/* test-import-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import/rapport-import-queue.h"

#include "rapport-test-sink.h"

/* Enough records for several batches, so that some wait while others are written. */
#define N_POSTS 5000

/* Gives the queue posts from a buffer that is overwritten right after each call, with a
 * relation, a skip and an interaction in between, and a follower count half-way. */
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

static void
test_order_and_copies (void)
{
  g_autoptr(RapportTestSink) target = rapport_test_sink_new ();
  g_autoptr(RapportImportQueue) queue = rapport_import_queue_new (&target->parent);
  g_autoptr(GError) error = NULL;

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

/* An importer's own failure: the queue is dropped with records still waiting. */
static void
test_free_discards (void)
{
  g_autoptr(RapportTestSink) target = rapport_test_sink_new ();
  RapportImportQueue *queue = rapport_import_queue_new (&target->parent);
  g_autoptr(GError) error = NULL;

  g_assert_true (give_records (rapport_import_queue_get_sink (queue), &error));
  rapport_import_queue_free (queue);
  /* Whatever was written, it came in order and complete. */
  g_assert_cmpuint (target->posts->len, <=, N_POSTS);
  for (guint i = 0; i < target->posts->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 1000 + i);

      g_assert_cmpstr (((RapportPost *) g_ptr_array_index (target->posts, i))->platform_id, ==, id);
    }
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
