/* rapport-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the database lives unless --data-dir says otherwise: $RAPPORT_DATA_DIR, else
 * $XDG_DATA_HOME/rapport (inside Flatpak, the app's own data folder). */
char *rapport_default_data_dir (void);

G_END_DECLS
