/* rapport-test-sink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-test-sink.h"

static void
relation_free (gpointer data)
{
  RapportRelation *relation = data;

  g_free ((char *) relation->handle);
  g_free ((char *) relation->platform_id);
  g_free (relation);
}

static void
post_free (gpointer data)
{
  RapportPost *post = data;

  g_free ((char *) post->platform_id);
  g_free ((char *) post->text);
  g_free ((char *) post->url);
  g_strfreev ((char **) post->hashtags);
  g_strfreev ((char **) post->mentions);
  g_free (post);
}

static void
interaction_free (gpointer data)
{
  RapportInteraction *interaction = data;

  g_free ((char *) interaction->target_handle);
  g_free ((char *) interaction->text);
  g_free (interaction);
}

static gboolean
count_record (RapportTestSink  *self,
              GError          **error)
{
  self->n_added++;
  if (self->fail_after > 0 && self->n_added >= self->fail_after)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "test sink refused record %u", self->n_added);
      return FALSE;
    }
  return TRUE;
}

static gboolean
test_set_account (RapportImportSink         *sink,
                  const RapportAccountInfo  *account,
                  GError                   **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  self->n_set_account++;
  self->platform = account->platform;
  g_free (self->handle);
  g_free (self->platform_id);
  g_free (self->display_name);
  self->handle = g_strdup (account->handle);
  self->platform_id = g_strdup (account->platform_id);
  self->display_name = g_strdup (account->display_name);
  self->provisional = account->provisional;
  return TRUE;
}

static gboolean
test_begin_list (RapportImportSink  *sink,
                 RapportDirection    direction,
                 GError            **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  g_assert_cmpuint (self->n_set_account, >, 0);
  if (direction == RAPPORT_DIRECTION_FOLLOWER)
    self->has_follower_list = TRUE;
  else
    self->has_following_list = TRUE;
  return TRUE;
}

static gboolean
test_add_relation (RapportImportSink      *sink,
                   const RapportRelation  *relation,
                   GError                **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;
  RapportRelation *copy = g_new0 (RapportRelation, 1);

  g_assert_cmpuint (self->n_set_account, >, 0);
  g_assert_true (relation->direction == RAPPORT_DIRECTION_FOLLOWER ? self->has_follower_list
                                                                   : self->has_following_list);
  *copy = *relation;
  copy->handle = g_strdup (relation->handle);
  copy->platform_id = g_strdup (relation->platform_id);
  g_ptr_array_add (relation->direction == RAPPORT_DIRECTION_FOLLOWER ? self->followers : self->following,
                   copy);
  return count_record (self, error);
}

static gboolean
test_add_post (RapportImportSink  *sink,
               const RapportPost  *post,
               GError            **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;
  RapportPost *copy = g_new0 (RapportPost, 1);

  g_assert_cmpuint (self->n_set_account, >, 0);
  g_assert_nonnull (post->platform_id);
  *copy = *post;
  copy->platform_id = g_strdup (post->platform_id);
  copy->text = g_strdup (post->text);
  copy->url = g_strdup (post->url);
  copy->hashtags = (const char * const *) g_strdupv ((char **) post->hashtags);
  copy->mentions = (const char * const *) g_strdupv ((char **) post->mentions);
  g_ptr_array_add (self->posts, copy);
  return count_record (self, error);
}

static gboolean
test_add_follower_count (RapportImportSink           *sink,
                         const RapportFollowerCount  *count,
                         GError                     **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  g_assert_cmpuint (self->n_set_account, >, 0);
  g_array_append_val (self->counts, *count);
  return count_record (self, error);
}

static gboolean
test_add_follower_gain (RapportImportSink          *sink,
                        const RapportFollowerGain  *gain,
                        GError                    **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  g_assert_cmpuint (self->n_set_account, >, 0);
  g_array_append_val (self->gains, *gain);
  return count_record (self, error);
}

static gboolean
test_add_interaction (RapportImportSink         *sink,
                      const RapportInteraction  *interaction,
                      GError                   **error)
{
  RapportTestSink *self = (RapportTestSink *) sink;
  RapportInteraction *copy = g_new0 (RapportInteraction, 1);

  g_assert_cmpuint (self->n_set_account, >, 0);
  *copy = *interaction;
  copy->target_handle = g_strdup (interaction->target_handle);
  copy->text = g_strdup (interaction->text);
  g_ptr_array_add (self->interactions, copy);
  return count_record (self, error);
}

static void
test_set_export_date (RapportImportSink *sink,
                      gint64             exported_at,
                      RapportDateSource  source)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  self->exported_at = exported_at;
  self->date_source = source;
}

static void
test_skip (RapportImportSink *sink,
           const char        *entry_name,
           const char        *reason)
{
  RapportTestSink *self = (RapportTestSink *) sink;

  g_ptr_array_add (self->skipped, g_strdup_printf ("%s: %s", entry_name, reason));
}

RapportTestSink *
rapport_test_sink_new (void)
{
  RapportTestSink *self = g_new0 (RapportTestSink, 1);

  self->parent.set_account = test_set_account;
  self->parent.begin_list = test_begin_list;
  self->parent.add_relation = test_add_relation;
  self->parent.add_post = test_add_post;
  self->parent.add_follower_count = test_add_follower_count;
  self->parent.add_follower_gain = test_add_follower_gain;
  self->parent.add_interaction = test_add_interaction;
  self->parent.set_export_date = test_set_export_date;
  self->parent.skip = test_skip;
  self->followers = g_ptr_array_new_with_free_func (relation_free);
  self->following = g_ptr_array_new_with_free_func (relation_free);
  self->posts = g_ptr_array_new_with_free_func (post_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (RapportFollowerCount));
  self->gains = g_array_new (FALSE, FALSE, sizeof (RapportFollowerGain));
  self->interactions = g_ptr_array_new_with_free_func (interaction_free);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
rapport_test_sink_free (RapportTestSink *self)
{
  g_free (self->handle);
  g_free (self->platform_id);
  g_free (self->display_name);
  g_ptr_array_unref (self->followers);
  g_ptr_array_unref (self->following);
  g_ptr_array_unref (self->posts);
  g_array_unref (self->counts);
  g_array_unref (self->gains);
  g_ptr_array_unref (self->interactions);
  g_ptr_array_unref (self->skipped);
  g_free (self);
}

const RapportRelation *
rapport_test_sink_find_relation (RapportTestSink  *self,
                                 RapportDirection  direction,
                                 const char       *handle_or_id)
{
  GPtrArray *list = direction == RAPPORT_DIRECTION_FOLLOWER ? self->followers : self->following;

  for (guint i = 0; i < list->len; i++)
    {
      const RapportRelation *relation = g_ptr_array_index (list, i);

      if (g_strcmp0 (relation->handle, handle_or_id) == 0 ||
          g_strcmp0 (relation->platform_id, handle_or_id) == 0)
        return relation;
    }
  return NULL;
}

const RapportPost *
rapport_test_sink_find_post (RapportTestSink *self,
                             const char      *platform_id)
{
  for (guint i = 0; i < self->posts->len; i++)
    {
      const RapportPost *post = g_ptr_array_index (self->posts, i);

      if (g_strcmp0 (post->platform_id, platform_id) == 0)
        return post;
    }
  return NULL;
}

gboolean
rapport_test_post_has_hashtag (const RapportPost *post,
                               const char        *tag)
{
  return post->hashtags != NULL && g_strv_contains (post->hashtags, tag);
}

gboolean
rapport_test_post_has_mention (const RapportPost *post,
                               const char        *handle)
{
  return post->mentions != NULL && g_strv_contains (post->mentions, handle);
}
