/* rapport-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless commands of the same binary: `rapport import PATH…`, `rapport accounts`,
 * `rapport report [--account ID] [--json]`.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv names one of the headless commands rather than files for the app. */
gboolean rapport_cli_handles (int    argc,
                              char **argv);
/* Runs the command and returns the process exit status. */
int      rapport_cli_main    (int    argc,
                              char **argv);

G_END_DECLS
