/* rapport-preferences-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PREFERENCES_DIALOG (rapport_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportPreferencesDialog, rapport_preferences_dialog, RAPPORT,
                      PREFERENCES_DIALOG, AdwPreferencesDialog)

/* Preferences: the master switch of refreshing from the web (the key refresh-from-web of
 * @settings) and, below it, the switch of each Bluesky and Mastodon account of @store.  With
 * @sample, @store holds the sample data, whose accounts are never refreshed.  Emits
 * "accounts-changed" after an account's switch changed the store. */
AdwDialog *rapport_preferences_dialog_new (GSettings    *settings,
                                           RapportStore *store,
                                           gboolean      sample);

G_END_DECLS
