/* rapport-export-parts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/rapport-dates.h"
#include "import/rapport-export-name.h"
#include "import/rapport-export-parts.h"

/* What the name of one path says. */
typedef struct
{
  char *name;      /* the base name */
  char *folder;
  char *stem;      /* the name without its archive extension and part suffix */
  char *key;       /* the stem without Instagram's random part: the same for every part */
  guint64 part;    /* the number of its part suffix; 0 without one */
  gboolean single; /* a single exported file, never a part */
} PartName;

static void
part_name_free (gpointer data)
{
  PartName *self = data;

  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->folder);
  g_free (self->stem);
  g_free (self->key);
  g_free (self);
}

static gboolean
is_separator (char c)
{
  return c == '-' || c == '_' || c == ' ' || c == '.';
}

/* The files an export's data come in when one of them is imported alone. */
static gboolean
is_single_file (const char *name)
{
  static const char * const extensions[] = {
    ".json", ".js", ".csv", ".html", ".htm", ".txt", ".xml",
  };
  gsize len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      gsize ext_len = strlen (extensions[i]);

      if (len >= ext_len && g_ascii_strcasecmp (name + len - ext_len, extensions[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Where the part suffix of @stem starts ("-part1", "_part2", " part 3", "-002", " (2)"), with
 * its number in *@part; 0 when it has none. */
static gsize
find_part_suffix (const char *stem,
                  guint64    *part)
{
  gsize len = strlen (stem);
  gsize end = len > 0 && stem[len - 1] == ')' ? len - 1 : len;
  gsize digits = end;
  gsize before;
  gsize cut;

  while (digits > 0 && g_ascii_isdigit (stem[digits - 1]))
    digits--;
  /* More digits are a year, a date or an id, not a part. */
  if (end - digits == 0 || end - digits > 3)
    return 0;

  if (end < len)
    {
      if (digits < 2 || stem[digits - 1] != '(' || stem[digits - 2] != ' ')
        return 0;
      cut = digits - 2;
    }
  else
    {
      before = digits;
      if (before > 0 && is_separator (stem[before - 1]) && stem[before - 1] != '.')
        before--;
      if (before >= 5 && g_ascii_strncasecmp (stem + before - 4, "part", 4) == 0 &&
          is_separator (stem[before - 5]))
        cut = before - 5;
      else if (before < digits)
        cut = before;
      else
        return 0;
    }

  *part = g_ascii_strtoull (stem + digits, NULL, 10);
  return cut;
}

/* Whether @a and @b hold the same date, or none: "instagram-jo-2025-01-29" does not end in a
 * part suffix "-29". */
static gboolean
same_date (const char *a,
           const char *b)
{
  gint64 date_a = 0;
  gint64 date_b = 0;
  gboolean has_a = rapport_date_find_in_name (a, &date_a);
  gboolean has_b = rapport_date_find_in_name (b, &date_b);

  return has_a == has_b && date_a == date_b;
}

/* Meta names each part "instagram-<user>-<date>-<random>", and in some exports the random
 * part differs between the parts: they are the user's export of that date. */
static char *
dup_key (const char *stem)
{
  g_autofree char *user = rapport_export_name_get_user (stem, "instagram");
  const char *date;
  gsize date_len;

  if (user == NULL)
    return g_strdup (stem);
  date = stem + strlen ("instagram-") + strlen (user) + 1;
  date_len = date[4] == '-' ? 10 : 8;
  if (date[date_len] != '-' || date[date_len + 1] == '\0')
    return g_strdup (stem);
  return g_strndup (stem, date + date_len - stem);
}

static PartName *
part_name_new (const char *path)
{
  PartName *self = g_new0 (PartName, 1);
  guint64 part = 0;
  gsize cut;

  self->name = g_path_get_basename (path);
  self->folder = g_path_get_dirname (path);
  self->stem = g_strndup (self->name,
                          strlen (self->name) - rapport_export_name_archive_extension (self->name));
  self->single = self->stem[0] == '\0' || is_single_file (self->name);

  if ((cut = find_part_suffix (self->stem, &part)) > 0)
    {
      g_autofree char *shorter = g_strndup (self->stem, cut);

      if (same_date (self->stem, shorter))
        {
          g_free (self->stem);
          self->stem = g_steal_pointer (&shorter);
          self->part = part;
        }
    }
  self->key = dup_key (self->stem);

  return self;
}

static gboolean
group_has_name (GArray     *group,
                GPtrArray  *names,
                const char *name)
{
  for (guint i = 0; i < group->len; i++)
    {
      const PartName *other = g_ptr_array_index (names, g_array_index (group, guint, i));

      if (g_str_equal (other->name, name))
        return TRUE;
    }
  return FALSE;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GPtrArray *names = user_data;
  guint index_a = *(const guint *) a;
  guint index_b = *(const guint *) b;
  const PartName *name_a = g_ptr_array_index (names, index_a);
  const PartName *name_b = g_ptr_array_index (names, index_b);
  int order;

  if (name_a->part != name_b->part)
    return name_a->part < name_b->part ? -1 : 1;
  if ((order = strcmp (name_a->name, name_b->name)) != 0)
    return order;
  return index_a < index_b ? -1 : index_a > index_b;
}

GPtrArray *
rapport_export_parts_group (const char * const *paths,
                            guint               n_paths)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (part_name_free);
  g_autoptr(GHashTable) groups_by_key = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
  GPtrArray *groups;

  g_return_val_if_fail (paths != NULL || n_paths == 0, NULL);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n_paths; i++)
    {
      PartName *name = paths[i] != NULL ? part_name_new (paths[i]) : NULL;
      g_autofree char *key = NULL;
      GArray *group = NULL;

      g_ptr_array_add (names, name);
      if (name != NULL && !name->single)
        {
          key = g_strconcat (name->folder, "\n", name->key, NULL);
          group = g_hash_table_lookup (groups_by_key, key);
        }

      if (group != NULL && !group_has_name (group, names, name->name))
        {
          g_array_append_val (group, i);
          continue;
        }

      group = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (group, i);
      g_ptr_array_add (groups, group);
      if (key != NULL && !g_hash_table_contains (groups_by_key, key))
        g_hash_table_insert (groups_by_key, g_steal_pointer (&key), group);
    }

  for (guint i = 0; i < groups->len; i++)
    g_array_sort_with_data (g_ptr_array_index (groups, i), compare_parts, names);

  return groups;
}

/* Whether every stem ends or has a separator at @at. */
static gboolean
is_boundary (GPtrArray *stems,
             gsize      at)
{
  for (guint i = 0; i < stems->len; i++)
    {
      const char *stem = g_ptr_array_index (stems, i);

      if (stem[at] != '\0' && !is_separator (stem[at]))
        return FALSE;
    }
  return TRUE;
}

char *
rapport_export_parts_get_name (const char * const *paths,
                               guint               n_paths)
{
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  const char *first;
  gsize common;

  g_return_val_if_fail (paths != NULL && n_paths > 0, NULL);

  for (guint i = 0; i < n_paths; i++)
    {
      PartName *name = part_name_new (paths[i]);

      g_ptr_array_add (stems, g_steal_pointer (&name->stem));
      part_name_free (name);
    }

  first = g_ptr_array_index (stems, 0);
  common = strlen (first);
  for (guint i = 1; i < stems->len; i++)
    {
      const char *stem = g_ptr_array_index (stems, i);
      gsize same = 0;

      while (same < common && stem[same] == first[same])
        same++;
      common = same;
    }

  /* "instagram-jo-2025-01-29-AbCd" and "…-AxYz" share "instagram-jo-2025-01-29", not "…-A". */
  while (common > 0 && !is_boundary (stems, common))
    common--;
  while (common > 0 && is_separator (first[common - 1]))
    common--;

  return common > 0 ? g_strndup (first, common) : g_strdup (first);
}
