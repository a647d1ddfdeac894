/* rapport-analysis-keep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts the creator keeps on purpose, changed from the window: the store first, then
 * the analysis in place, without reading the lists again: the keep set is refilled where the
 * dataset has it, the reciprocity splits its not following back again, and the coach, whose
 * reciprocity rules leave kept accounts out, is asked anew.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "coach/rapport-coach.h"
#include "session/rapport-analysis-private.h"

gboolean
rapport_analysis_set_kept (RapportAnalysis           *self,
                           const RapportKeptAccount  *accounts,
                           guint                      n_accounts,
                           gboolean                   kept,
                           guint                     *n_changed,
                           GError                   **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), FALSE);

  if (self->dataset == NULL || !self->has_details)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Accounts are kept for one account at a time"));
      return FALSE;
    }

  if (!rapport_store_set_kept (self->store, self->account_id, accounts, n_accounts, kept,
                               n_changed, error) ||
      !(listed = rapport_store_list_kept (self->store, self->account_id, error)))
    return FALSE;

  rapport_keep_set_clear (self->dataset->kept);
  for (guint i = 0; i < listed->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (listed, i);

      rapport_keep_set_add (self->dataset->kept, account->platform_id, account->handle,
                            account->kept_at);
    }
  rapport_keep_set_sort (self->dataset->kept);

  if (self->report != NULL && self->report->reciprocity != NULL)
    rapport_reciprocity_set_kept (self->report->reciprocity, self->dataset->kept);

  if (self->report != NULL && self->suggestions != NULL)
    {
      if (!(states = rapport_store_get_suggestion_states (self->store, self->scope, error)))
        return FALSE;
      g_clear_pointer (&self->suggestions, g_ptr_array_unref);
      self->suggestions = rapport_coach_suggest (self->report, states);
    }
  _rapport_analysis_emit_suggestions_changed (self);
  return TRUE;
}

GPtrArray *
rapport_analysis_list_kept (RapportAnalysis  *self,
                            GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (self), NULL);

  if (self->account_id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Accounts are kept for one account at a time"));
      return NULL;
    }
  return rapport_store_list_kept (self->store, self->account_id, error);
}
