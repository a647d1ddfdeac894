/* bench-twitter-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the X/Twitter importer on an archive written by build-aux/generate-twitter-archive.py:
 *
 *   bench-twitter-import ARCHIVE          the whole import into a sink that only counts
 *   bench-twitter-import --parse FILE.js  only the split and parse of one array
 *
 * Run it under /usr/bin/time -v for the peak memory.
 */

#include "config.h"

#include <stdio.h>

#include "import/rapport-json-array.h"
#include "import/rapport-twitter-importer.h"

typedef struct
{
  RapportImportSink parent;
  guint64 posts;
  guint64 relations;
  guint64 interactions;
  guint64 skipped;
  guint64 hashtags;
} CountingSink;

static gboolean
count_post (RapportImportSink  *sink,
            const RapportPost  *post,
            GError            **error)
{
  CountingSink *self = (CountingSink *) sink;

  self->posts++;
  for (guint i = 0; post->hashtags != NULL && post->hashtags[i] != NULL; i++)
    self->hashtags++;
  return TRUE;
}

static gboolean
count_relation (RapportImportSink      *sink,
                const RapportRelation  *relation,
                GError                **error)
{
  ((CountingSink *) sink)->relations++;
  return TRUE;
}

static gboolean
count_interaction (RapportImportSink         *sink,
                   const RapportInteraction  *interaction,
                   GError                   **error)
{
  ((CountingSink *) sink)->interactions++;
  return TRUE;
}

static void
count_skip (RapportImportSink *sink,
            const char        *entry_name,
            const char        *reason)
{
  ((CountingSink *) sink)->skipped++;
}

static gboolean
count_elements (const RapportJsonValue  *elements,
                guint                   n_elements,
                guint64                 first_index,
                gpointer                user_data,
                GError                **error)
{
  *(guint64 *) user_data += n_elements;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  if (argc == 3 && g_str_equal (argv[1], "--parse"))
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (argv[2], FALSE, &error);
      g_autoptr(GBytes) bytes = NULL;
      guint64 n = 0;

      if (file == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      bytes = g_mapped_file_get_bytes (file);
      if (!rapport_json_array_foreach (bytes, argv[2], count_elements, &n, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("parse: %.2f s, %" G_GUINT64_FORMAT " elements\n", g_timer_elapsed (timer, NULL), n);
      return 0;
    }

  if (argc == 2)
    {
      g_autoptr(RapportArchive) archive = rapport_archive_open (argv[1], &error);
      CountingSink sink = { 0 };

      sink.parent.add_post = count_post;
      sink.parent.add_relation = count_relation;
      sink.parent.add_interaction = count_interaction;
      sink.parent.skip = count_skip;

      if (archive == NULL ||
          !rapport_twitter_import (archive, &sink.parent, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("import: %.2f s, %" G_GUINT64_FORMAT " posts, %" G_GUINT64_FORMAT " hashtags, "
              "%" G_GUINT64_FORMAT " relations, %" G_GUINT64_FORMAT " interactions, "
              "%" G_GUINT64_FORMAT " skipped\n",
              g_timer_elapsed (timer, NULL), sink.posts, sink.hashtags, sink.relations,
              sink.interactions, sink.skipped);
      return 0;
    }

  fprintf (stderr, "usage: %s ARCHIVE | --parse FILE.js\n", argv[0]);
  return 2;
}
