/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "cli/rapport-cli.h"
#include "core/rapport-escape.h"
#include "core/rapport-module.h"
#include "rapport-ui-module.h"

/* Opens the window's module, which loads GTK and libadwaita, and runs the application. */
static int
run_window (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  RapportUiMain ui_main;

  ui_main = rapport_module_lookup (UI_MODULE_FILE, RAPPORT_UI_MAIN_SYMBOL, &error);
  if (ui_main == NULL)
    {
      reason = rapport_escape_for_terminal (error->message, FALSE);
      /* Translators: %s is the system's reason, which names the missing file. */
      g_printerr (_("rapport: cannot open the window, its module is missing or broken: %s\n"
                    "The commands without a window, such as rapport import and rapport report, "
                    "work without it.\n"),
                  reason);
      return EXIT_FAILURE;
    }

  return ui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  /* Warnings and debug messages quote names and file names from exports. */
  g_log_set_writer_func (rapport_escape_log_writer, NULL, NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands (`rapport import …`) are dispatched here, without GTK ever loaded. */
  if (rapport_cli_handles (argc, argv))
    return rapport_cli_main (argc, argv);

  return run_window (argc, argv);
}
