/* rapport-account-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ACCOUNT_ROW (rapport_account_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportAccountRow, rapport_account_row, RAPPORT, ACCOUNT_ROW, GtkListBoxRow)

/* A row of the sidebar for one account. */
GtkWidget  *rapport_account_row_new            (const RapportAccount *account);
/* The "All accounts" row above @n_accounts accounts. */
GtkWidget  *rapport_account_row_new_all        (guint                 n_accounts);
/* 0 for the "All accounts" row. */
gint64      rapport_account_row_get_account_id (RapportAccountRow    *self);
const char *rapport_account_row_get_title      (RapportAccountRow    *self);
const char *rapport_account_row_get_subtitle   (RapportAccountRow    *self);
const char *rapport_account_row_get_icon_name  (RapportAccountRow    *self);
/* The symbolic icon of a platform's accounts. */
const char *rapport_platform_icon_name         (RapportPlatform       platform);

G_END_DECLS
