/* rapport-facebook-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of a direction of Facebook's lists, numbered and merged by name with little held
 * (see rapport-facebook-private.h).
 */

#include "config.h"

#include <string.h>

#include "core/rapport-sorted.h"
#include "import/rapport-facebook-private.h"

/* How many people are handed on between two givings back of their memory. */
#define HAND_ON_ROWS 16384

/* A person of a list whose name a direction repeats: the date, 0 when unknown, the name (its
 * index among the direction's interned names) and which of its file's people of that name it
 * is by date (see rapport_facebook_people_end_file()).  Sixteen bytes: a page's followers may
 * all be here. */
typedef struct
{
  gint64 since;
  guint32 name;
  guint32 nth;
} Person;

/* The number of the first @length bytes of @name written as the n-th of a name would be,
 * "X (n)" with n from 2 on and no leading zero, and the length of X; 0 for any other name. */
static guint32
name_number (const char *name,
             gsize       length,
             gsize      *base_length)
{
  gsize open = length > 0 ? length - 1 : 0;
  guint64 number;

  while (open > 0 && g_ascii_isdigit (name[open - 1]))
    open--;
  if (length < 5 || name[length - 1] != ')' || open < 2 || open == length - 1 ||
      name[open - 1] != '(' || name[open - 2] != ' ' || name[open] == '0' ||
      length - 1 - open > 9)
    return 0;
  number = g_ascii_strtoull (name + open, NULL, 10);
  if (number < 2)
    return 0;
  *base_length = open - 2;
  return (guint32) number;
}

/* The key a name is counted under when looking for the names a direction repeats: a hash of
 * the name without its numbers (see name_number()), so that a real "Kim Park (2)" meets the
 * Kim Parks it may stand for, and a real "Kim Park (2) (2)" the second of two "Kim Park (2)".
 * Two names of one key only cost memory: they are kept and numbered by name. */
static gint64
name_key (const char *name)
{
  gsize length = strlen (name);
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);
  gsize base_length;

  while (name_number (name, length, &base_length) != 0)
    length = base_length;
  /* FNV-1a. */
  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) name[i]) * G_GUINT64_CONSTANT (1099511628211);
  return (gint64) hash;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  gint64 ka = *(const gint64 *) a;
  gint64 kb = *(const gint64 *) b;

  return (ka > kb) - (ka < kb);
}

/* The name @person is handed on under, of @names: its own, or with " (n)" for the n-th of a
 * name. */
static const char *
numbered_name (const Person *person,
               GPtrArray    *names,
               char         *buffer,
               gsize         size)
{
  const char *name = g_ptr_array_index (names, person->name);

  if (person->nth <= 1)
    return name;
  g_snprintf (buffer, size, "%s (%u)", name, person->nth);
  return buffer;
}

/* The name a person is handed on under, as a name and a number: "Kim Park (2)" is ("Kim
 * Park", 2) whether it is the second Kim Park of a file or a person of that name, so that the
 * two are one. */
typedef struct
{
  guint32 base;   /* an index in the direction's names */
  guint32 number; /* 1 for the name alone */
} NumberedName;

/* The NumberedName of each of @names read as it is written: "X (n)" (see name_number()) is
 * (X, n) when X is one of @names too; any other name is itself. */
static GArray *
read_numbers (GPtrArray  *names,
              GHashTable *name_index)
{
  GArray *numbers = g_array_sized_new (FALSE, FALSE, sizeof (NumberedName), names->len);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      NumberedName numbered = { i, 1 };
      gsize base_length = 0;
      guint32 number = name_number (name, strlen (name), &base_length);

      if (number != 0)
        {
          g_autofree char *base = g_strndup (name, base_length);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (name_index, base));

          if (index != 0)
            numbered = (NumberedName) { index - 1, number };
        }
      g_array_append_val (numbers, numbered);
    }
  return numbers;
}

static NumberedName
numbered_name_of (const Person *person,
                  GArray       *numbers)
{
  if (person->nth > 1)
    return (NumberedName) { person->name, person->nth };
  return g_array_index (numbers, NumberedName, person->name);
}

/* By numbered name, then date; @data holds the NumberedName of each name. */
static int
compare_numbered (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const Person *pa = a;
  const Person *pb = b;
  NumberedName na = numbered_name_of (pa, data);
  NumberedName nb = numbered_name_of (pb, data);

  if (na.base != nb.base)
    return na.base < nb.base ? -1 : 1;
  if (na.number != nb.number)
    return na.number < nb.number ? -1 : 1;
  return (pa->since > pb->since) - (pa->since < pb->since);
}

/* By name (interned: the same name is the same index), then date. */
static int
compare_in_file (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Person *pa = a;
  const Person *pb = b;

  if (pa->name != pb->name)
    return pa->name < pb->name ? -1 : 1;
  return (pa->since > pb->since) - (pa->since < pb->since);
}

struct _RapportFacebookPeople
{
  GArray *keys;           /* gint64, every name's name_key (): the first reading */
  GArray *repeated;       /* gint64, sorted: the keys met more than once, for the second */
  GArray *people;         /* Person: the people of repeated keys */
  guint file_start;       /* where the file being read began in @people */
  GPtrArray *names;       /* their names, interned in @strings */
  GStringChunk *strings;
  GHashTable *name_index; /* name → its index in @names + 1 */
};

RapportFacebookPeople *
rapport_facebook_people_new (void)
{
  RapportFacebookPeople *self = g_new0 (RapportFacebookPeople, 1);

  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_ptr_array_new ();
  self->strings = g_string_chunk_new (16 * 1024);
  self->name_index = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
rapport_facebook_people_free (RapportFacebookPeople *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->repeated, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_ptr_array_unref (self->names);
  g_string_chunk_free (self->strings);
  g_hash_table_unref (self->name_index);
  g_free (self);
}

void
rapport_facebook_people_count (RapportFacebookPeople *self,
                               const char            *name)
{
  gint64 key = name_key (name);

  g_array_append_val (self->keys, key);
}

static guint32
intern_name (RapportFacebookPeople *self,
             const char            *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->name_index, name));

  if (index == 0)
    {
      char *interned = g_string_chunk_insert (self->strings, name);

      g_ptr_array_add (self->names, interned);
      index = self->names->len;
      g_hash_table_insert (self->name_index, interned, GUINT_TO_POINTER (index));
    }
  return index - 1;
}

gboolean
rapport_facebook_people_keep (RapportFacebookPeople *self,
                              const char            *name,
                              gint64                 since)
{
  const gint64 *keys = (const gint64 *) self->repeated->data;
  gint64 key = name_key (name);
  gsize at = rapport_sorted_lower_bound_i64 (keys, self->repeated->len, sizeof (gint64), key);
  Person person = { since, 0, 1 };

  if (at == self->repeated->len || keys[at] != key)
    return FALSE;
  person.name = intern_name (self, name);
  g_array_append_val (self->people, person);
  return TRUE;
}

/* The people of each name of the file are numbered: the earliest keeps its name, the next
 * date is the 2nd, and so on; the same row twice is dropped. */
void
rapport_facebook_people_end_file (RapportFacebookPeople *self)
{
  GArray *people = self->people;
  const Person *previous = NULL;
  guint first = self->file_start;
  guint kept = first;

  rapport_sort_in_place (&g_array_index (people, Person, first), people->len - first,
                         sizeof (Person), compare_in_file, NULL);
  for (guint i = first; i < people->len; i++)
    {
      Person person = g_array_index (people, Person, i);

      if (previous == NULL || previous->name != person.name)
        person.nth = 1;
      else if (previous->since != person.since)
        person.nth = previous->nth + 1;
      else
        continue; /* the same row twice */
      g_array_index (people, Person, kept) = person;
      previous = &g_array_index (people, Person, kept);
      kept++;
    }
  g_array_set_size (people, kept);
  self->file_start = kept;
}

/* Sorts @people by numbered name and merges those of one, the same person in two files: the
 * earliest date is kept. */
static void
merge_people (GArray     *people,
              GPtrArray  *names,
              GHashTable *name_index)
{
  g_autoptr(GArray) numbers = read_numbers (names, name_index);
  guint kept = 0;

  rapport_sort_in_place (people->data, people->len, sizeof (Person), compare_numbered, numbers);
  for (guint i = 0; i < people->len; i++)
    {
      const Person *person = &g_array_index (people, Person, i);
      Person *last = kept > 0 ? &g_array_index (people, Person, kept - 1) : NULL;

      if (last != NULL && compare_numbered (&(Person) { 0, last->name, last->nth },
                                            &(Person) { 0, person->name, person->nth },
                                            numbers) == 0)
        {
          /* Sorted by date, the first known date is the earliest. */
          if (last->since == 0)
            last->since = person->since;
          continue;
        }
      g_array_index (people, Person, kept++) = *person;
    }
  g_array_set_size (people, kept);
}

/* The keys met more than once are kept, sorted, and room is made for the people that have
 * them; the others are let go. */
void
rapport_facebook_people_end_counting (RapportFacebookPeople *self)
{
  GArray *keys = self->keys;
  gint64 *values = (gint64 *) keys->data;
  GArray *repeated = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_rows = 0;

  rapport_sort_in_place (values, keys->len, sizeof (gint64), compare_keys, NULL);
  for (guint i = 0; i < keys->len; )
    {
      guint end = i + 1;

      while (end < keys->len && values[end] == values[i])
        end++;
      if (end - i > 1)
        {
          g_array_append_val (repeated, values[i]);
          n_rows += end - i;
        }
      i = end;
    }
  self->repeated = repeated;
  self->people = g_array_sized_new (FALSE, FALSE, sizeof (Person), n_rows);
  g_clear_pointer (&self->keys, g_array_unref);
}

/* Handed on from the last, their memory given back as it goes: the store's runs grow while
 * the list shrinks, rather than on top of it (2 MB for 300,000 followers). */
gboolean
rapport_facebook_people_hand_on (RapportFacebookPeople  *self,
                                 RapportImportSink      *sink,
                                 RapportDirection        direction,
                                 GError                **error)
{
  g_autofree Person *rows = NULL;
  gsize n = 0;

  merge_people (self->people, self->names, self->name_index);
  rows = g_array_steal (self->people, &n);
  g_clear_pointer (&self->people, g_array_unref);
  for (gsize i = n; i > 0; i--)
    {
      char buffer[RAPPORT_FACEBOOK_MAX_NAME_BYTES + 16];
      RapportRelation relation = { direction,
                                   numbered_name (&rows[i - 1], self->names, buffer,
                                                  sizeof buffer),
                                   NULL, rows[i - 1].since };

      if (!rapport_import_sink_add_relation (sink, &relation, error))
        return FALSE;
      if ((i - 1) % HAND_ON_ROWS == 0 && i > 1)
        rows = g_realloc (rows, (i - 1) * sizeof (Person));
    }
  return TRUE;
}

