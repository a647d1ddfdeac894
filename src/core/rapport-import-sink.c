/* rapport-import-sink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-import-sink.h"

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

gboolean
rapport_import_sink_add_relation (RapportImportSink          *sink,
                                  const RapportRelation      *relation,
                                  GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->add_relation == NULL)
    return TRUE;

  return sink->add_relation (sink, relation, error);
}

gboolean
rapport_import_sink_add_post (RapportImportSink          *sink,
                              const RapportPost          *post,
                              GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->add_post == NULL)
    return TRUE;

  return sink->add_post (sink, post, error);
}

gboolean
rapport_import_sink_add_follower_count (RapportImportSink          *sink,
                                        const RapportFollowerCount *count,
                                        GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->add_follower_count == NULL)
    return TRUE;

  return sink->add_follower_count (sink, count, error);
}

gboolean
rapport_import_sink_add_interaction (RapportImportSink          *sink,
                                     const RapportInteraction   *interaction,
                                     GError                    **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->add_interaction == NULL)
    return TRUE;

  return sink->add_interaction (sink, interaction, error);
}

void
rapport_import_sink_set_export_date (RapportImportSink          *sink,
                                     gint64                      exported_at,
                                     RapportDateSource           source)
{
  g_return_if_fail (sink != NULL);

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
rapport_import_sink_progress (RapportImportSink          *sink,
                              const char                 *entry_name,
                              guint64                     records_read)
{
  g_return_if_fail (sink != NULL);

  if (sink->progress != NULL)
    sink->progress (sink, entry_name, records_read);
}
