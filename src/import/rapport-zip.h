/* rapport-zip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A zip's central directory, read by Rapport itself so that an entry can be unpacked from where
 * the directory says it is.  libarchive's seekable zip reader keeps the whole directory in
 * memory while any entry is read, about 190 bytes a file: 3.7 MB for an export of 20,000 files,
 * a fifth of an import's peak.  Here the directory is read once to list the files, and each
 * entry's record again when it is opened; libarchive's streaming reader unpacks the entry's
 * data behind a local header made from that record, so every compression method it knows, and
 * its CRC check, still apply, and a local header whose sizes follow the data, or are stale,
 * does not matter.
 */

#pragma once

#include <archive.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _RapportZip RapportZip;

typedef struct
{
  guint32 record;          /* offset of its record from the directory's start */
  guint64 header_offset;   /* of its local header, from the file's start */
  guint64 compressed_size;
  guint64 size;
  guint32 crc;
  guint16 version_needed;
  guint16 flags;
  guint16 method;
  guint16 mod_time;
  guint16 mod_date;
  gboolean is_file;        /* not a folder or a link */
  const char *name;        /* as the zip has it, NUL-terminated; valid until the next record */
  guint16 name_len;
} RapportZipEntry;

/* Calls back for each record of the directory in its order; returning FALSE stops. */
typedef gboolean (*RapportZipEntryFunc) (const RapportZipEntry *entry,
                                         gpointer               user_data);

/* The zip at @fd, which it keeps open and closes with itself, or NULL (and @fd closed) when
 * the file's end holds no directory Rapport can read: *@error then says why, and libarchive
 * may try. */
RapportZip     *rapport_zip_open        (int                   fd,
                                         GError              **error);
void            rapport_zip_free        (RapportZip           *zip);
gboolean        rapport_zip_foreach     (RapportZip           *zip,
                                         RapportZipEntryFunc   func,
                                         gpointer              user_data,
                                         GError              **error);
/* The record at @offset from the directory's start again; the name is in @name_buffer. */
gboolean        rapport_zip_get_entry   (RapportZip           *zip,
                                         guint32               offset,
                                         RapportZipEntry      *entry,
                                         GByteArray           *name_buffer,
                                         GError              **error);
typedef struct _RapportZipReader RapportZipReader;

/* A libarchive reader whose next header is @entry's, then its data; one that read another
 * entry to its end when there is one (rapport_zip_reader_release()). */
RapportZipReader *rapport_zip_open_entry        (RapportZip            *zip,
                                                 const RapportZipEntry *entry,
                                                 GError               **error);
struct archive   *rapport_zip_reader_get_archive (RapportZipReader     *reader);
/* Done with the reader: with @read_to_end (archive_read_data() returned 0), it is kept for
 * the zip's next entry, else freed. */
void              rapport_zip_reader_release    (RapportZipReader      *reader,
                                                 gboolean               read_to_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportZip, rapport_zip_free)

G_END_DECLS
