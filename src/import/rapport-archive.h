/* rapport-archive.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uniform read access to an export however it arrived: a .zip, a .tar(.gz), an unpacked folder
 * or a single file.  Entries are read into memory or mapped, never extracted under their own
 * names, so a hostile entry name cannot write anywhere.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one entry may expand to before it is refused as a likely zip bomb. */
#define RAPPORT_ARCHIVE_DEFAULT_ENTRY_LIMIT (G_GUINT64_CONSTANT (2) << 30)

#define RAPPORT_TYPE_ARCHIVE (rapport_archive_get_type ())

G_DECLARE_FINAL_TYPE (RapportArchive, rapport_archive, RAPPORT, ARCHIVE, GObject)

RapportArchive     *rapport_archive_open            (const char      *path,
                                                     GError         **error);
/* Several parts of one export (NULL-terminated @paths, in the order of their parts; see
 * rapport-export-parts.h) opened as one archive: the entries of every part, each part's own
 * wrapping folders stripped, the first part's when two hold the same name.  Its name is
 * what the parts' names share ("instagram-jo-2025-01-29-abc" for "…-part1.zip" and
 * "…-part2.zip"), its path the first part's, its time the newest part's.  Two parts that hold
 * the same data file (by folder and name without extension, so that a JSON and an HTML
 * export of the same account count) are two exports, refused with
 * RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS.  One path is rapport_archive_open(). */
RapportArchive     *rapport_archive_open_many       (const char * const  *paths,
                                                     GError              **error);
/* The archives rapport_archive_open_many() joined, in order; NULL for an archive opened
 * alone. */
GPtrArray          *rapport_archive_get_parts       (RapportArchive  *self);
/* The base name of what was opened ("instagram-jo-2024-05-01.zip"), for messages and dates. */
const char         *rapport_archive_get_name        (RapportArchive  *self);
const char         *rapport_archive_get_path        (RapportArchive  *self);
/* Modification time of the file or folder, Unix seconds. */
gint64              rapport_archive_get_mtime       (RapportArchive  *self);
void                rapport_archive_set_entry_limit (RapportArchive  *self,
                                                     guint64          max_bytes);

/* Entry names relative to the export's root, '/'-separated, sorted in natural order
 * ("followers_2.json" before "followers_10.json").  Folders, __MACOSX/ and .DS_Store are left
 * out, and the wrapping top folders that every entry shares are removed, except the folder
 * that holds the files ("data/tweets.js" keeps "data/"). */
const char * const *rapport_archive_get_entries     (RapportArchive  *self,
                                                     guint           *n_entries);
/* The wrapping folders removed from the entry names ("outer/inner" for "outer/inner/data/a.js"),
 * of the first part for the parts of one export: their names may say whose export it is and
 * when it was made.  NULL when none were. */
const char         *rapport_archive_get_top_folders (RapportArchive  *self);
/* The first entry whose path ends with @suffix on a '/' boundary, or NULL. */
const char         *rapport_archive_find            (RapportArchive  *self,
                                                     const char      *suffix);
/* Every entry whose base name matches the glob @pattern (e.g. "followers_*.json") and whose
 * folder ends with @folder (NULL for any folder), in natural order.  Free with
 * g_ptr_array_unref(). */
GPtrArray          *rapport_archive_find_all        (RapportArchive  *self,
                                                     const char      *folder,
                                                     const char      *pattern);
/* The whole content of @entry, for entries that are small or read whole anyway (a profile, a
 * picture, a spreadsheet).  A file of a folder or a single file is mapped read-only, and
 * *@mapped (if not NULL) says so; an entry of an archive is unpacked into memory, and refused
 * past RAPPORT_ARCHIVE_WHOLE_LIMIT: a large one is read as a stream
 * (rapport_archive_open_stream()).  Errors name the entry; an entry larger than the limit is
 * RAPPORT_IMPORT_ERROR_TOO_LARGE. */
GBytes             *rapport_archive_read            (RapportArchive  *self,
                                                     const char      *entry,
                                                     gboolean        *mapped,
                                                     GError         **error);

/* Whether @entry is a file of its own (of a folder, or the file opened): rapport_archive_read()
 * maps it, which copies nothing, where an entry of an archive is read as a stream. */
gboolean            rapport_archive_entry_is_file   (RapportArchive  *self,
                                                     const char      *entry);
/* The path of @entry when it is a file of its own (rapport_archive_entry_is_file()), to read
 * parts of it; NULL for an entry of an archive or one that is not there. */
char               *rapport_archive_get_file_path   (RapportArchive  *self,
                                                     const char      *entry);

/* The most of an entry of an archive that rapport_archive_read() unpacks into memory. */
#define RAPPORT_ARCHIVE_WHOLE_LIMIT ((guint64) 256 << 20)

/* An entry read front to back in chunks, never held whole: an entry of a zip or tar is unpacked
 * as it is read, a file of a folder read as it is.  The limit of the entry's size holds for the
 * bytes it actually yields. */
typedef struct _RapportArchiveStream RapportArchiveStream;

/* Opens @entry for reading; it is looked for (and an archive's reader moved to it) at the
 * first read.  @cancellable stops the reading between chunks. */
RapportArchiveStream *rapport_archive_open_stream   (RapportArchive        *self,
                                                     const char            *entry,
                                                     GCancellable          *cancellable);
/* Up to @size bytes into @buffer: how many, 0 at the end of the entry, or -1 with @error set
 * (RAPPORT_IMPORT_ERROR_UNREADABLE or _TOO_LARGE naming the entry, or G_IO_ERROR_CANCELLED). */
gssize              rapport_archive_stream_read     (RapportArchiveStream  *stream,
                                                     void                  *buffer,
                                                     gsize                  size,
                                                     GError               **error);
/* The entry's name, as given to rapport_archive_open_stream(). */
const char         *rapport_archive_stream_get_entry (RapportArchiveStream *stream);
void                rapport_archive_stream_free     (RapportArchiveStream  *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportArchiveStream, rapport_archive_stream_free)

/* How many entry headers rapport_archive_read() went through in an archive, for tests:
 * reading every entry of a tar in its order goes through each header once; an entry of a zip
 * is read from where its directory says, one header each. */
guint64             rapport_archive_get_n_headers_read (RapportArchive *self);

G_END_DECLS
