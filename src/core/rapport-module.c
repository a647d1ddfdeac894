/* rapport-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "rapport-module.h"

/* Beside the executable in the build tree, where the tests and build-aux/dev run start it, else
 * where it is installed. */
static char *
module_path (const char *file)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

  if (executable != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (executable);
      g_autofree char *beside = g_build_filename (dir, file, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (MODULE_DIR, file, NULL);
}

gpointer
rapport_module_lookup (const char  *file,
                       const char  *symbol,
                       GError     **error)
{
  g_autofree char *path = NULL;
  GModule *module;
  gpointer address = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (symbol != NULL, NULL);

  path = module_path (file);
  module = g_module_open_full (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, error);
  if (module == NULL)
    return NULL;
  if (!g_module_symbol (module, symbol, &address))
    {
      g_set_error (error, G_MODULE_ERROR, G_MODULE_ERROR_FAILED, "%s", g_module_error ());
      g_module_close (module);
      return NULL;
    }

  /* Its types and resources stay registered until the process ends. */
  g_module_make_resident (module);
  return address;
}
