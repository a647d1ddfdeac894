/* rapport-since-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/rapport-since-export.h"

RapportSinceExport *
rapport_since_export_compute (const RapportDataset *dataset,
                              const RapportChurn   *churn)
{
  RapportSinceExport *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (RapportSinceExport, 1);
  self->without_followers = g_ptr_array_new ();
  self->n_exports = dataset->snapshots->len;
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER))
        self->n_with_followers++;
      else
        g_ptr_array_add (self->without_followers, (gpointer) snapshot);
    }

  if (churn != NULL)
    self->step = rapport_churn_latest (churn);

  if (self->step != NULL)
    self->state = RAPPORT_SINCE_EXPORT_CHANGES;
  else if (self->n_exports <= 1)
    self->state = RAPPORT_SINCE_EXPORT_ONE_EXPORT;
  else if (self->n_with_followers < 2)
    self->state = RAPPORT_SINCE_EXPORT_NO_LISTS;
  else
    self->state = RAPPORT_SINCE_EXPORT_NOT_READ;

  return self;
}

gboolean
rapport_since_export_knows_dropped (const RapportSinceExport *since)
{
  g_return_val_if_fail (since != NULL, FALSE);

  return since->step != NULL && since->step->following_snapshot != NULL;
}

RapportStepSources
rapport_churn_step_sources (const RapportChurnStep *step)
{
  gboolean older_live;
  gboolean newer_live;

  g_return_val_if_fail (step != NULL, RAPPORT_STEP_FROM_EXPORTS);

  older_live = step->older != NULL && step->older->date_source == RAPPORT_DATE_SOURCE_LIVE;
  newer_live = step->newer != NULL && step->newer->date_source == RAPPORT_DATE_SOURCE_LIVE;
  if (older_live && newer_live)
    return RAPPORT_STEP_FROM_REFRESHES;
  return older_live || newer_live ? RAPPORT_STEP_FROM_BOTH : RAPPORT_STEP_FROM_EXPORTS;
}

char *
rapport_since_export_explain_dropped (const RapportChurnStep *step,
                                      gboolean                brief)
{
  g_return_val_if_fail (step != NULL, NULL);

  switch (rapport_churn_step_sources (step))
    {
    case RAPPORT_STEP_FROM_REFRESHES:
      if (brief)
        /* Translators: a clause inside "Unknown: %s" and "Dropped after follow-back: unknown,
         * %s." */
        return g_strdup (_("neither refresh from the web lists the accounts you follow"));
      return g_strdup (_("Both lists came from refreshes from the web, which read who follows "
                         "you but not whom you follow, so the followers who left after you "
                         "followed them back cannot be told apart. Import an export that "
                         "includes “Following”."));

    case RAPPORT_STEP_FROM_BOTH:
      if (brief)
        /* Translators: a clause inside "Unknown: %s" and "Dropped after follow-back: unknown,
         * %s." */
        return g_strdup (_("neither the export nor the refresh from the web lists the accounts "
                           "you follow"));
      return g_strdup (_("Neither the export nor the refresh from the web has the list of "
                         "accounts you follow, so the followers who left after you followed "
                         "them back cannot be told apart. Include “Following” in the next "
                         "export."));

    case RAPPORT_STEP_FROM_EXPORTS:
    default:
      if (brief)
        /* Translators: a clause inside "Unknown: %s" and "Dropped after follow-back: unknown,
         * %s." */
        return g_strdup (_("neither export lists the accounts you follow"));
      return g_strdup (_("Neither of the two exports has the list of accounts you follow, so "
                         "the followers who left after you followed them back cannot be told "
                         "apart. Include “Following” in the next export."));
    }
}

char **
rapport_since_export_renamed_whos (const RapportSinceExport *since)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const RapportChurnStep *step;

  g_return_val_if_fail (since != NULL, NULL);

  step = since->step;
  /* A step kept only as counts names no one. */
  if (step == NULL || step->newer_people == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < step->renames->len; i++)
    {
      const RapportRename *rename = &g_array_index (step->renames, RapportRename, i);

      g_assert (rename->new_index < step->newer_people->len);
      g_strv_builder_add (builder, step->newer_people->items[rename->new_index].who);
    }

  return g_strv_builder_end (builder);
}

static const char *
source_name (const RapportDatasetSnapshot *snapshot)
{
  return snapshot->source_name != NULL ? snapshot->source_name : _("an unnamed export");
}

/* "a.zip, b.csv": the exports without a follower list. */
static char *
join_names (GPtrArray *snapshots)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < snapshots->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            source_name (g_ptr_array_index (snapshots, i)));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

char *
rapport_since_export_explain (const RapportSinceExport *since,
                              const RapportCoverage    *coverage,
                              gboolean                  details)
{
  const RapportCoverageItem *churn = NULL;
  g_autofree char *names = NULL;
  g_autofree char *which = NULL;

  g_return_val_if_fail (since != NULL, NULL);

  switch (since->state)
    {
    case RAPPORT_SINCE_EXPORT_ONE_EXPORT:
      return g_strdup (_("One export of this account so far. Import another export of this "
                         "account to see who came and went."));

    case RAPPORT_SINCE_EXPORT_NO_LISTS:
      names = join_names (since->without_followers);
      if (since->n_with_followers == 0)
        /* Translators: %s names the imported files, "a.zip, b.csv". */
        which = g_strdup_printf (_("None of this account’s exports has a follower list: %s."),
                                 names);
      else
        /* Translators: %s names the imported files, "a.zip, b.csv". */
        which = g_strdup_printf (_("Only one of this account’s exports has a follower list; "
                                   "these have none: %s."), names);
      if (coverage != NULL)
        churn = rapport_coverage_get (coverage, RAPPORT_FIGURE_CHURN);
      if (churn != NULL && churn->explanation != NULL)
        return g_strdup_printf ("%s %s", which, churn->explanation);
      return g_steal_pointer (&which);

    case RAPPORT_SINCE_EXPORT_NOT_READ:
      return g_strdup (details ? _("The follower lists of the last two exports could not be "
                                   "compared.")
                               : _("Comparing the follower lists of the last two exports…"));

    case RAPPORT_SINCE_EXPORT_CHANGES:
    default:
      return NULL;
    }
}

const char *
rapport_since_export_state_name (RapportSinceExportState state)
{
  switch (state)
    {
    case RAPPORT_SINCE_EXPORT_CHANGES:
      return "changes";
    case RAPPORT_SINCE_EXPORT_ONE_EXPORT:
      return "one-export";
    case RAPPORT_SINCE_EXPORT_NO_LISTS:
      return "no-lists";
    case RAPPORT_SINCE_EXPORT_NOT_READ:
    default:
      return "not-read";
    }
}

void
rapport_since_export_free (RapportSinceExport *since)
{
  if (since == NULL)
    return;

  g_clear_pointer (&since->without_followers, g_ptr_array_unref);
  g_free (since);
}
