/* rapport-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-paths.h"

char *
rapport_default_data_dir (void)
{
  const char *from_env = g_getenv ("RAPPORT_DATA_DIR");

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
  return g_build_filename (g_get_user_data_dir (), "rapport", NULL);
}
