/* rapport-import-sink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-import-sink.h"

/* Skips the record @what (a printf format) for @problem and frees it. */
static void skip_record (RapportImportSink *sink,
                         char              *problem,
                         const char        *what,
                         ...) G_GNUC_PRINTF (3, 4);

static void
skip_record (RapportImportSink *sink,
             char              *problem,
             const char        *what,
             ...)
{
  g_autofree char *owned = problem;
  g_autofree char *name = NULL;
  va_list args;

  va_start (args, what);
  name = g_strdup_vprintf (what, args);
  va_end (args);
  rapport_import_sink_skip (sink, name, owned);
}

/* The first value of @post out of range, NULL when there is none. */
static char *
post_problem (const RapportPost *post)
{
  /* Translators: the names of a post's figures, in the reason a record was skipped. */
  const struct { const char *field; gint64 value; } counts[] = {
    { N_("likes"), post->likes }, { N_("comments"), post->comments },
    { N_("shares"), post->shares }, { N_("saves"), post->saves },
    { N_("replies"), post->replies }, { N_("quotes"), post->quotes },
    { N_("views"), post->views }, { N_("impressions"), post->impressions },
    { N_("reach"), post->reach }, { N_("engagements"), post->engagements },
    { N_("follows"), post->follows },
  };
  gboolean in_range = rapport_time_is_valid (post->created_at);
  char *problem;

  /* The names are looked up only for a post out of range: two hundred thousand posts asked
   * gettext for them millions of times. */
  for (guint i = 0; in_range && i < G_N_ELEMENTS (counts); i++)
    in_range = counts[i].value == RAPPORT_COUNT_UNKNOWN || rapport_count_is_valid (counts[i].value);
  if (in_range)
    return NULL;

  /* Translators: a record's time, in the reason it was skipped. */
  problem = rapport_time_check (_("time"), post->created_at, FALSE);
  for (guint i = 0; problem == NULL && i < G_N_ELEMENTS (counts); i++)
    problem = rapport_count_check (_(counts[i].field), counts[i].value, TRUE);
  return problem;
}

gboolean
rapport_import_sink_set_account (RapportImportSink          *sink,
                                 const RapportAccountInfo   *account,
                                 GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->set_account == NULL)
    return TRUE;

  return sink->set_account (sink, account, error);
}

gboolean
rapport_import_sink_begin_list (RapportImportSink          *sink,
                                RapportDirection            direction,
                                GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->begin_list == NULL)
    return TRUE;

  return sink->begin_list (sink, direction, error);
}

void
rapport_import_sink_end_list (RapportImportSink *sink)
{
  g_return_if_fail (sink != NULL);

  if (sink->end_list != NULL)
    sink->end_list (sink);
}

gboolean
rapport_import_sink_add_relation (RapportImportSink          *sink,
                                  const RapportRelation      *relation,
                                  GError                    **error)
{
  char *problem;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);

  /* Translators: when someone followed, in the reason a record was skipped. */
  if ((problem = rapport_time_check (_("follow date"), relation->since, TRUE)) != NULL)
    {
      const char *name = relation->handle != NULL ? relation->handle : relation->platform_id;

      if (relation->direction == RAPPORT_DIRECTION_FOLLOWER)
        /* Translators: a record that was skipped: an account in the follower list. */
        skip_record (sink, problem, _("follower %s"), name != NULL ? name : "?");
      else
        /* Translators: a record that was skipped: an account in the following list. */
        skip_record (sink, problem, _("followed account %s"), name != NULL ? name : "?");
      return TRUE;
    }
  if (sink->add_relation == NULL)
    return TRUE;

  return sink->add_relation (sink, relation, error);
}

gboolean
rapport_import_sink_add_post (RapportImportSink          *sink,
                              const RapportPost          *post,
                              GError                    **error)
{
  char *problem;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (post != NULL, FALSE);

  if ((problem = post_problem (post)) != NULL)
    {
      /* Translators: a record that was skipped: a post and its id. */
      skip_record (sink, problem, _("post %s"), post->platform_id ? post->platform_id : "?");
      return TRUE;
    }
  if (sink->add_post == NULL)
    return TRUE;

  return sink->add_post (sink, post, error);
}

gboolean
rapport_import_sink_add_follower_count (RapportImportSink          *sink,
                                        const RapportFollowerCount *count,
                                        GError                    **error)
{
  char *problem;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if ((problem = rapport_time_check (_("time"), count->at, FALSE)) != NULL ||
      /* Translators: a follower total, in the reason it was skipped. */
      (problem = rapport_count_check (_("followers"), count->count, FALSE)) != NULL)
    {
      /* Translators: a record that was skipped: the number of followers on a day. */
      skip_record (sink, problem, "%s", _("follower count"));
      return TRUE;
    }
  if (sink->add_follower_count == NULL)
    return TRUE;

  return sink->add_follower_count (sink, count, error);
}

gboolean
rapport_import_sink_add_follower_gain (RapportImportSink          *sink,
                                       const RapportFollowerGain  *gain,
                                       GError                    **error)
{
  char *problem;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (gain != NULL, FALSE);
  g_return_val_if_fail (gain->gained != RAPPORT_COUNT_UNKNOWN ||
                        gain->lost != RAPPORT_COUNT_UNKNOWN, FALSE);
  g_return_val_if_fail (gain->day % RAPPORT_SECONDS_PER_DAY == 0, FALSE);

  if ((problem = rapport_time_check (_("day"), gain->day, FALSE)) != NULL ||
      /* Translators: new followers of one day, in the reason it was skipped. */
      (problem = rapport_count_check (_("new followers"), gain->gained, TRUE)) != NULL ||
      /* Translators: followers lost on one day, in the reason it was skipped. */
      (problem = rapport_count_check (_("lost followers"), gain->lost, TRUE)) != NULL)
    {
      /* Translators: a record that was skipped: the follows and unfollows of one day. */
      skip_record (sink, problem, "%s", _("daily follower change"));
      return TRUE;
    }
  if (sink->add_follower_gain == NULL)
    return TRUE;

  return sink->add_follower_gain (sink, gain, error);
}

gboolean
rapport_import_sink_add_interaction (RapportImportSink          *sink,
                                     const RapportInteraction   *interaction,
                                     GError                    **error)
{
  char *problem;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (interaction != NULL, FALSE);

  if ((problem = rapport_time_check (_("time"), interaction->at, TRUE)) != NULL)
    {
      skip_record (sink, problem, "%s",
                   interaction->kind == RAPPORT_INTERACTION_COMMENT
                   /* Translators: a record that was skipped: one of the creator's comments. */
                   ? _("comment")
                   : interaction->kind == RAPPORT_INTERACTION_REPOST
                   /* Translators: a record that was skipped: one of the creator's boosts or
                    * reposts of someone else's post. */
                   ? _("repost")
                   /* Translators: a record that was skipped: one of the creator's likes. */
                   : _("like"));
      return TRUE;
    }
  if (sink->add_interaction == NULL)
    return TRUE;

  return sink->add_interaction (sink, interaction, error);
}

gboolean
rapport_import_sink_add_post_image (RapportImportSink          *sink,
                                    const RapportPostImage     *image,
                                    GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (image->post_id != NULL && *image->post_id != '\0', FALSE);
  g_return_val_if_fail (image->entry != NULL && *image->entry != '\0', FALSE);

  if (sink->add_post_image == NULL)
    return TRUE;

  return sink->add_post_image (sink, image, error);
}

void
rapport_import_sink_set_export_date (RapportImportSink          *sink,
                                     gint64                      exported_at,
                                     RapportDateSource           source)
{
  g_return_if_fail (sink != NULL);

  if (!rapport_time_is_valid (exported_at))
    {
      g_debug ("Ignoring the export date %" G_GINT64_FORMAT ", out of range", exported_at);
      return;
    }
  if (sink->set_export_date != NULL)
    sink->set_export_date (sink, exported_at, source);
}

void
rapport_import_sink_skip (RapportImportSink          *sink,
                          const char                 *entry_name,
                          const char                 *reason)
{
  g_return_if_fail (sink != NULL);

  if (sink->skip != NULL)
    sink->skip (sink, entry_name, reason);
}

void
rapport_import_sink_skip_error (RapportImportSink *sink,
                                const char        *entry_name,
                                const GError      *error)
{
  gsize len;
  const char *reason;

  g_return_if_fail (sink != NULL);
  g_return_if_fail (entry_name != NULL);
  g_return_if_fail (error != NULL);

  /* The summary names the entry already. */
  len = strlen (entry_name);
  reason = error->message;
  if (strncmp (reason, entry_name, len) == 0 && strncmp (reason + len, ": ", 2) == 0)
    reason += len + 2;
  rapport_import_sink_skip (sink, entry_name, reason);
}

void
rapport_import_sink_progress (RapportImportSink          *sink,
                              const char                 *entry_name,
                              guint64                     records_read)
{
  g_return_if_fail (sink != NULL);

  if (sink->progress != NULL)
    sink->progress (sink, entry_name, records_read);
}
