/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>
#include <stdlib.h>

#include "cli/rapport-cli.h"
#include "core/rapport-escape.h"
#include "rapport-ui-module.h"

/* The window's module: beside the executable in the build tree, where the tests and
 * build-aux/dev run start it, else where it is installed. */
static char *
ui_module_path (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

  if (executable != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (executable);
      g_autofree char *beside = g_build_filename (dir, UI_MODULE_FILE, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (UI_MODULE_DIR, UI_MODULE_FILE, NULL);
}

/* Opens the window's module, which loads GTK and libadwaita, and runs the application. */
static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *path = ui_module_path ();
  g_autofree char *reason = NULL;
  RapportUiMain ui_main = NULL;
  GModule *module;

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, RAPPORT_UI_MAIN_SYMBOL, (gpointer *) &ui_main))
    {
      const char *error = g_module_error ();

      reason = rapport_escape_for_terminal (error != NULL ? error : "", FALSE);
      /* Translators: %s is the system's reason, which names the missing file. */
      g_printerr (_("rapport: cannot open the window, its module is missing or broken: %s\n"
                    "The commands without a window, such as rapport import and rapport report, "
                    "work without it.\n"),
                  reason);
      return EXIT_FAILURE;
    }

  /* Its types and resources stay registered until the process ends. */
  g_module_make_resident (module);

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
