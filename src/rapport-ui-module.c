/* rapport-ui-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-application.h"
#include "rapport-ui-module.h"

/**
 * rapport_ui_main:
 * @argc: the number of arguments
 * @argv: the command line, with no headless command in it
 *
 * Runs the application with its window until it quits.
 *
 * Returns: the process's exit status
 */
int
rapport_ui_main (int    argc,
                 char **argv)
{
  g_autoptr(RapportApplication) app = rapport_application_new ();
  int status;

  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* GApplication has no exit status of its own for work done in the main loop (--screenshot). */
  if (status == 0)
    status = rapport_application_get_exit_status (app);

  return status;
}
