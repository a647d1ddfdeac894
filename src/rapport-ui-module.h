/* rapport-ui-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window lives in a module of its own (librapport-ui.so) that main.c opens only when no
 * headless command was given, so that `rapport import` and the other commands never load GTK
 * and libadwaita.  The module takes the layers below ui/ from the executable, which exports
 * them: they exist once in the process.  This header includes no GTK, for main.c.
 */

#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The module's one entry point, looked up by this name. */
#define RAPPORT_UI_MAIN_SYMBOL "rapport_ui_main"

typedef int (*RapportUiMain) (int    argc,
                              char **argv);

G_MODULE_EXPORT int rapport_ui_main (int    argc,
                                     char **argv);

G_END_DECLS
