/* fuzz-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without libFuzzer, a fuzz target runs every file in the folders given on the command line
 * once: the regression test for the inputs a fuzzer found and for the seed corpus.
 */

#include "config.h"

#include "fuzz-support.h"

static guint n_inputs;

static void
run_path (const char *path)
{
  /* A target without regressions yet has no folder for them. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          run_path (child);
        }
    }
  else
    {
      g_autofree char *content = NULL;
      gsize length;

      if (!g_file_get_contents (path, &content, &length, NULL))
        g_error ("cannot read %s", path);
      LLVMFuzzerTestOneInput ((const guint8 *) content, length);
      n_inputs++;
    }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  g_print ("1..1\nok 1 - %u inputs ran without a crash\n", n_inputs);
  return 0;
}
