/* rapport-archive-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of RapportArchive share: rapport-archive.c (opening and listing),
 * rapport-archive-read.c (reading entries) and rapport-archive-parts.c (several archives of one
 * export).
 */

#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include "import/rapport-archive.h"
#include "import/rapport-zip.h"

G_BEGIN_DECLS

typedef enum
{
  SOURCE_FILE,    /* one plain file: the only entry */
  SOURCE_FOLDER,  /* an unpacked export */
  SOURCE_ZIP,     /* a zip whose directory Rapport reads (rapport-zip.c) */
  SOURCE_ARCHIVE, /* anything else libarchive reads: tar, tar.gz, 7z, zips it alone reads */
  SOURCE_PARTS,   /* several archives of one export (rapport-archive-parts.c) */
} SourceKind;

struct _RapportArchive
{
  GObject parent_instance;

  char *path;
  char *name;
  gint64 mtime;
  SourceKind kind;
  guint64 entry_limit;
  GPtrArray *parts; /* RapportArchive, of SOURCE_PARTS: a Location's index is its part's */
  RapportZip *zip;  /* of SOURCE_ZIP */

  /* Display names (root folders stripped), and where each is, both in the entries' order,
   * where a name is found by bisection.  The names and real names live in @strings, a display
   * name inside its real name when it is the real name's end: an export of 20,000 files took
   * 6.6 MB to list when each was a string of its own, three times over, and a hash table of
   * the names another 0.5 MB. */
  GPtrArray *entries;       /* const char *, in @strings */
  GArray *location_list;    /* Location, of the entries in the same order */
  GStringChunk *strings;
  char *top_folders;     /* what was stripped, without the last '/'; NULL if nothing */

  /* A SOURCE_ARCHIVE's reader stays open after an entry: the next one on is read from there,
   * so reading entries in the archive's order (as importers mostly do) unpacks it once rather
   * than walking it from the start for each.  The threads of an import share it.  (A zip's
   * entries are found through its directory instead.) */
  GMutex lock;
  struct archive *reader;
  guint next_index; /* of the header the reader reads next */
  /* The stream whose entry the reader stands in, NULL when none does: a stream another read
   * moved the reader away from finds its place again. */
  RapportArchiveStream *reader_owner;
  guint64 n_headers_read;
};

typedef struct
{
  const char *name;      /* the display name, in the archive's strings */
  const char *real_name; /* the name inside the archive or folder, in the archive's strings */
  union
  {
    guint index;         /* of its header in a SOURCE_ARCHIVE, of its part in SOURCE_PARTS */
    guint32 record;      /* of its record in a SOURCE_ZIP's directory */
  };
} Location;

/* Where @entry is, by its display name; NULL when the archive has no such entry. */
const Location *_rapport_archive_find_location (RapportArchive *self,
                                                const char     *entry);

struct archive *_rapport_archive_open_reader  (const char            *path,
                                               GError               **error);
const char     *_rapport_archive_reader_problem (struct archive      *reader);
const char     *_rapport_archive_header_name  (struct archive_entry  *entry);
/* A file descriptor of a regular file (or, with @folder_too, a folder), or -1 with @error set:
 * pipes and devices are refused without waiting on them. */
int             _rapport_archive_open_checked (const char            *path,
                                               const char            *name,
                                               gboolean               folder_too,
                                               struct stat           *st,
                                               GError               **error);

/* An archive of the entries of @parts (RapportArchive, in order), each read from its part; a
 * name two parts hold is the first's.  Its path is the first part's. */
RapportArchive *rapport_archive_new_joined (GPtrArray  *parts,
                                            const char *name,
                                            gint64      mtime);

G_END_DECLS
