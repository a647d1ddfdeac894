/* rapport-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rapport's own modules: the window (librapport-ui.so), the drawn report
 * (librapport-export.so) and the refresh from the web (librapport-refresh.so), opened only by
 * what needs them, so that a command loads no library it does not use.  A module takes the
 * layers below it from the executable, which exports them: they exist once in the process.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The address of @symbol in Rapport's module @file ("librapport-ui.so"): the one beside the
 * executable in the build tree, else the installed one.  The module stays loaded until the
 * process ends.  NULL, with the system's reason (which names the file), when it is missing or
 * broken. */
gpointer rapport_module_lookup (const char  *file,
                                const char  *symbol,
                                GError     **error);

G_END_DECLS
