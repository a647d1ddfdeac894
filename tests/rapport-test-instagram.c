/* rapport-test-instagram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "import/rapport-instagram-importer.h"

#include "rapport-test-instagram.h"
#include "rapport-test-util.h"

RapportTestSink *
rapport_test_instagram_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportArchive) archive = rapport_archive_open (path, &error);
  RapportTestSink *sink;

  g_assert_no_error (error);
  g_assert_true (rapport_instagram_recognizes (archive));

  sink = rapport_test_sink_new ();
  g_assert_true (rapport_instagram_import (archive, &sink->parent, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink->n_set_account, ==, 1);
  g_assert_cmpint (sink->platform, ==, RAPPORT_PLATFORM_INSTAGRAM);
  return sink;
}

RapportTestSink *
rapport_test_instagram_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "instagram", name, NULL);

  return rapport_test_instagram_import (path);
}

void
rapport_test_assert_relation (RapportTestSink  *sink,
                              RapportDirection  direction,
                              guint             index,
                              const char       *handle,
                              gint64            since)
{
  GPtrArray *list = direction == RAPPORT_DIRECTION_FOLLOWER ? sink->followers : sink->following;
  const RapportRelation *relation;

  g_assert_cmpuint (index, <, list->len);
  relation = g_ptr_array_index (list, index);
  g_assert_cmpint (relation->direction, ==, direction);
  g_assert_cmpstr (relation->handle, ==, handle);
  g_assert_null (relation->platform_id);
  g_assert_cmpint (relation->since, ==, since);
}

const RapportPost *
rapport_test_assert_post (RapportTestSink *sink,
                          const char      *id,
                          RapportPostType  type,
                          gint64           created_at,
                          const char      *text)
{
  const RapportPost *post = rapport_test_sink_find_post (sink, id);

  g_assert_nonnull (post);
  g_assert_cmpint (post->type, ==, type);
  g_assert_cmpint (post->created_at, ==, created_at);
  g_assert_cmpstr (post->text, ==, text);
  g_assert_null (post->url);
  return post;
}

void
rapport_test_assert_strv (const char * const *actual,
                          const char         *expected)
{
  g_autofree char *joined = actual != NULL ? g_strjoinv ("|", (char **) actual) : g_strdup ("");

  g_assert_cmpstr (joined, ==, expected);
}

void
rapport_test_assert_no_counts (const RapportPost *post)
{
  g_assert_cmpint (post->likes, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->comments, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->saves, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->shares, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->impressions, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->reach, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->follows, ==, RAPPORT_COUNT_UNKNOWN);
  g_assert_cmpint (post->views, ==, RAPPORT_COUNT_UNKNOWN);
}

void
rapport_test_assert_interaction (RapportTestSink        *sink,
                                 guint                   index,
                                 RapportInteractionKind  kind,
                                 const char             *target,
                                 gint64                  at,
                                 const char             *text)
{
  const RapportInteraction *interaction;

  g_assert_cmpuint (index, <, sink->interactions->len);
  interaction = g_ptr_array_index (sink->interactions, index);
  g_assert_cmpint (interaction->kind, ==, kind);
  g_assert_cmpstr (interaction->target_handle, ==, target);
  g_assert_cmpint (interaction->at, ==, at);
  g_assert_cmpstr (interaction->text, ==, text);
}

void
rapport_test_assert_skipped (RapportTestSink *sink,
                             guint            index,
                             const char      *message)
{
  g_assert_cmpuint (index, <, sink->skipped->len);
  g_assert_cmpstr (g_ptr_array_index (sink->skipped, index), ==, message);
}

void
rapport_test_assert_kinds (RapportTestSink *sink,
                           guint            feed,
                           guint            reels,
                           guint            stories,
                           guint            archived)
{
  guint counted[4] = { 0 };

  for (guint i = 0; i < sink->posts->len; i++)
    {
      const RapportPost *post = g_ptr_array_index (sink->posts, i);

      if (post->type == RAPPORT_POST_REEL)
        counted[1]++;
      else if (post->type == RAPPORT_POST_STORY)
        counted[2]++;
      else
        {
          g_assert_true (post->type == RAPPORT_POST_PHOTO || post->type == RAPPORT_POST_VIDEO ||
                         post->type == RAPPORT_POST_CAROUSEL);
          counted[0]++;
        }
      counted[3] += post->archived ? 1 : 0;
    }
  g_assert_cmpuint (counted[0], ==, feed);
  g_assert_cmpuint (counted[1], ==, reels);
  g_assert_cmpuint (counted[2], ==, stories);
  g_assert_cmpuint (counted[3], ==, archived);
}

RapportTestSink *
rapport_test_instagram_zip (const char *dir,
                            const char *zip_name,
                            ...)
{
  g_autofree char *path = g_build_filename (dir, zip_name, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, zip_name);
  while ((arg = va_arg (list, const char *)) != NULL)
    {
      g_ptr_array_add (args, (gpointer) arg);
      g_ptr_array_add (args, va_arg (list, gpointer));
    }
  va_end (list);
  g_assert_cmpuint (args->len, <=, 6);
  g_ptr_array_set_size (args, 6);

  rapport_test_write_archive (path, "zip",
                              g_ptr_array_index (args, 0), g_ptr_array_index (args, 1),
                              g_ptr_array_index (args, 2), g_ptr_array_index (args, 3),
                              g_ptr_array_index (args, 4), g_ptr_array_index (args, 5),
                              NULL);
  return rapport_test_instagram_import (path);
}
