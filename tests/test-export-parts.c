/* test-export-parts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which files chosen together are parts of one export, by their names.
 */

#include "config.h"

#include "import/rapport-export-parts.h"

/* The groups of @paths, each as its paths' base names joined by " + ", separated by " | ". */
static char *
describe_groups (const char * const *paths)
{
  guint n_paths = g_strv_length ((char **) paths);
  g_autoptr(GPtrArray) groups = rapport_export_parts_group (paths, n_paths);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      GArray *group = g_ptr_array_index (groups, i);

      if (i > 0)
        g_string_append (text, " | ");
      for (guint j = 0; j < group->len; j++)
        {
          g_autofree char *name = g_path_get_basename (paths[g_array_index (group, guint, j)]);

          g_string_append_printf (text, "%s%s", j > 0 ? " + " : "", name);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_groups (const char * const *paths,
               const char         *expected)
{
  g_autofree char *groups = describe_groups (paths);

  g_assert_cmpstr (groups, ==, expected);
}

static void
assert_name (const char *expected,
             ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *name = NULL;
  const char *path;
  va_list args;

  va_start (args, expected);
  while ((path = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (paths, (gpointer) path);
  va_end (args);

  name = rapport_export_parts_get_name ((const char * const *) paths->pdata, paths->len);
  g_assert_cmpstr (name, ==, expected);
}

/* Meta's and Takeout's parts, chosen in any order, come together in the order of their
 * parts; the first part of an export keeps its place among the others. */
static void
test_parts (void)
{
  const char *paths[] = {
    "/d/instagram-jo-2025-01-29-abc-part2.zip",
    "/d/tiktok-jo-20250301.zip",
    "/d/takeout-20250129T101010Z-002.zip",
    "/d/instagram-jo-2025-01-29-abc-part1.zip",
    "/d/takeout-20250129T101010Z-001.zip",
    "/d/instagram-jo-2025-01-29-abc-part10.zip",
    NULL
  };

  assert_groups (paths,
                 "instagram-jo-2025-01-29-abc-part1.zip + instagram-jo-2025-01-29-abc-part2.zip"
                 " + instagram-jo-2025-01-29-abc-part10.zip"
                 " | tiktok-jo-20250301.zip"
                 " | takeout-20250129T101010Z-001.zip + takeout-20250129T101010Z-002.zip");
}

/* Every form of part suffix, in archives and folders; what a browser names a second download
 * of the same name. */
static void
test_suffixes (void)
{
  const char *underscore[] = { "/d/export_part2.tar.gz", "/d/export_part1.tar.gz", NULL };
  const char *spaced[] = { "/d/Export Part 2", "/d/Export Part 1", NULL };
  const char *numbered[] = { "/d/backup-2.zip", "/d/backup-1.zip", NULL };
  const char *browser[] = { "/d/instagram-jo (2).zip", "/d/instagram-jo.zip",
                            "/d/instagram-jo (1).zip", NULL };

  assert_groups (underscore, "export_part1.tar.gz + export_part2.tar.gz");
  assert_groups (spaced, "Export Part 1 + Export Part 2");
  assert_groups (numbered, "backup-1.zip + backup-2.zip");
  assert_groups (browser, "instagram-jo.zip + instagram-jo (1).zip + instagram-jo (2).zip");
}

/* Meta's parts whose random part differs: the same user and date.  A JSON and an HTML export
 * of one day look the same by name; what they hold tells them apart (see test-archive). */
static void
test_instagram_random (void)
{
  const char *parts[] = {
    "/d/instagram-mira.makes-2025-02-01-XyZw.zip",
    "/d/instagram-mira.makes-2025-02-01-AbCd.zip",
    "/d/instagram-mira.makes-2025-02-02-AbCd.zip",
    "/d/instagram-other-2025-02-01-AbCd.zip",
    "/d/instagram-mira.makes-20250201-QrSt.zip",
    NULL
  };

  assert_groups (parts,
                 "instagram-mira.makes-2025-02-01-AbCd.zip"
                 " + instagram-mira.makes-2025-02-01-XyZw.zip"
                 " | instagram-mira.makes-2025-02-02-AbCd.zip"
                 " | instagram-other-2025-02-01-AbCd.zip"
                 " | instagram-mira.makes-20250201-QrSt.zip");
}

/* What stays alone: other exports, a date's last digits, single files, other folders, a path
 * given twice, a file without a path. */
static void
test_unrelated (void)
{
  const char *paths[] = {
    "/d/instagram-jo-2024-05-01.zip",
    "/d/instagram-jo-2024-05-02.zip",
    "/d/twitter-2024-09-12-miramakes.zip",
    "/d/tweets-part1.js",
    "/d/tweets-part2.js",
    "/d/followers_1.json",
    "/d/followers_2.json",
    "/e/backup-1.zip",
    "/d/backup-2.zip",
    "/d/backup-1.zip",
    "/d/backup-1.zip",
    NULL,
    "/d/takeout-20250129T101010Z.zip",
  };
  g_autoptr(GPtrArray) groups = rapport_export_parts_group (paths, G_N_ELEMENTS (paths));
  g_autoptr(GPtrArray) none = rapport_export_parts_group (NULL, 0);
  const guint expected[][2] = {
    { 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 }, { 5, 0 }, { 6, 0 }, { 7, 0 },
    { 9, 8 }, { 10, 0 }, { 11, 0 }, { 12, 0 },
  };

  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < groups->len; i++)
    {
      GArray *group = g_ptr_array_index (groups, i);

      g_assert_cmpuint (group->len, ==, expected[i][1] != 0 ? 2 : 1);
      g_assert_cmpuint (g_array_index (group, guint, 0), ==, expected[i][0]);
      if (group->len == 2)
        g_assert_cmpuint (g_array_index (group, guint, 1), ==, expected[i][1]);
    }
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_name (void)
{
  assert_name ("instagram-jo-2025-01-29-abc",
               "/d/instagram-jo-2025-01-29-abc-part1.zip",
               "/d/instagram-jo-2025-01-29-abc-part2.zip", NULL);
  assert_name ("takeout-20250129T101010Z",
               "/d/takeout-20250129T101010Z-001.zip", "/d/takeout-20250129T101010Z-002.zip",
               NULL);
  assert_name ("instagram-mira.makes-2025-02-01",
               "/d/instagram-mira.makes-2025-02-01-AbCd.zip",
               "/d/instagram-mira.makes-2025-02-01-AxYz.zip", NULL);
  assert_name ("instagram-jo", "/d/instagram-jo.zip", "/d/instagram-jo (1).zip", NULL);
  assert_name ("Export", "/d/Export Part 1", "/d/Export Part 2", NULL);
  /* Nothing shared: the first one's. */
  assert_name ("alpha", "/d/alpha.zip", "/d/beta-2.zip", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-parts/parts", test_parts);
  g_test_add_func ("/export-parts/suffixes", test_suffixes);
  g_test_add_func ("/export-parts/instagram-random", test_instagram_random);
  g_test_add_func ("/export-parts/unrelated", test_unrelated);
  g_test_add_func ("/export-parts/name", test_name);

  return g_test_run ();
}
