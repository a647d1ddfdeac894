/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rapport-application.h"
#include "cli/rapport-cli.h"
#include "core/rapport-escape.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  int status;

  /* Warnings and debug messages quote names and file names from exports. */
  g_log_set_writer_func (rapport_escape_log_writer, NULL, NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands (`rapport import …`) are dispatched here, before any GTK setup. */
  if (rapport_cli_handles (argc, argv))
    return rapport_cli_main (argc, argv);

  app = rapport_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* GApplication has no exit status of its own for work done in the main loop (--screenshot). */
  if (status == 0)
    status = rapport_application_get_exit_status (app);

  return status;
}
