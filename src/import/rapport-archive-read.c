/* rapport-archive-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an entry of an export as a stream: a file of a folder is read as it is; an entry of a
 * zip is unpacked as it is read from where the zip's directory says (rapport-zip.c), and an
 * entry of a tar by the reader left open at the previous one when it lies further on.  Nothing
 * is written to disk, and only the chunk asked for is in memory.  Small entries are read whole
 * on top of that: mapped from a folder, unpacked into memory from an archive.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-archive-private.h"

struct _RapportArchiveStream
{
  RapportArchive *archive; /* the part that holds the entry, for the parts of one export */
  char *entry;             /* for messages */
  char *real_name;         /* the name inside the archive or folder; NULL when there is none */
  guint index;             /* of its header in the archive */
  guint32 record;          /* of its record in a zip's directory */
  GCancellable *cancellable;
  guint64 limit;
  int fd;                  /* a file of a folder or a single file, once opened */
  /* A reader of its own, when another stream held the archive's when this one started: two
   * threads that read two entries at once each unpack their own. */
  struct archive *reader;
  RapportZipReader *zip_reader; /* of an entry of a SOURCE_ZIP, whose reader is @reader */
  guint64 position;        /* bytes yielded so far */
  gboolean finished;
  /* A read failed: where the stream stands is not known, so it reads nothing more (a read
   * again would start the entry over, or skip the checks of its first read). */
  gboolean failed;
};

static void
set_too_large_error (const char  *entry_name,
                     guint64      max_bytes,
                     GError     **error)
{
  g_autofree char *limit = g_format_size (max_bytes);

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
               _("%s: too large: it unpacks to more than %s, which no real export file does; "
                 "the archive may be damaged or malicious"),
               entry_name, limit);
}

/* Its entries are unpacked, not files of their own. */
static gboolean
is_packed (RapportArchive *self)
{
  return self->kind == SOURCE_ZIP || self->kind == SOURCE_ARCHIVE;
}

static void
set_damaged_error (RapportArchiveStream  *stream,
                   struct archive        *reader,
                   GError               **error)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
               _("%s: cannot be unpacked (the archive is damaged or incomplete: %s)"),
               stream->entry, _rapport_archive_reader_problem (reader));
}

RapportArchiveStream *
rapport_archive_open_stream (RapportArchive *self,
                             const char     *entry,
                             GCancellable   *cancellable)
{
  RapportArchiveStream *stream;
  const Location *location;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  location = _rapport_archive_find_location (self, entry);
  /* The parts of one export: the part that holds it reads it. */
  if (location != NULL && self->kind == SOURCE_PARTS)
    return rapport_archive_open_stream (g_ptr_array_index (self->parts, location->index),
                                        location->real_name, cancellable);

  stream = g_new0 (RapportArchiveStream, 1);
  stream->archive = g_object_ref (self);
  stream->entry = g_strdup (entry);
  stream->real_name = location != NULL ? g_strdup (location->real_name) : NULL;
  if (location != NULL && self->kind == SOURCE_ZIP)
    stream->record = location->record;
  else if (location != NULL)
    stream->index = location->index;
  stream->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  stream->limit = self->entry_limit;
  stream->fd = -1;
  return stream;
}

const char *
rapport_archive_stream_get_entry (RapportArchiveStream *stream)
{
  g_return_val_if_fail (stream != NULL, NULL);
  return stream->entry;
}

void
rapport_archive_stream_free (RapportArchiveStream *stream)
{
  RapportArchive *self;

  if (stream == NULL)
    return;

  self = stream->archive;
  g_mutex_lock (&self->lock);
  /* The reader stays inside the entry: the next read of another entry skips the rest. */
  if (self->reader_owner == stream)
    self->reader_owner = NULL;
  g_mutex_unlock (&self->lock);

  if (stream->fd >= 0)
    close (stream->fd);
  /* A zip's reader at the end of its entry reads the next entry asked for. */
  if (stream->zip_reader != NULL)
    {
      rapport_zip_reader_release (g_steal_pointer (&stream->zip_reader),
                                  stream->finished && !stream->failed);
      stream->reader = NULL;
    }
  g_clear_pointer (&stream->reader, archive_read_free);
  g_clear_object (&stream->cancellable);
  g_free (stream->real_name);
  g_free (stream->entry);
  g_object_unref (stream->archive);
  g_free (stream);
}

/* Moves the archive's reader to the stream's entry, and as far into it as the stream has
 * read, unless it is there already.  Called with the lock held. */
/* Moves @reader (opened when NULL) to the stream's entry; @next_index is the index of the
 * header it reads next. */
static gboolean
go_to_entry (RapportArchiveStream  *stream,
             struct archive       **reader,
             guint                 *next_index,
             GError               **error)
{
  RapportArchive *self = stream->archive;
  g_autoptr(GError) open_error = NULL;
  struct archive_entry *header;
  int status;

  /* The reader only goes forward: an entry behind it takes a new one. */
  if (*reader != NULL && stream->index < *next_index)
    g_clear_pointer (reader, archive_read_free);
  if (*reader == NULL)
    {
      if (!(*reader = _rapport_archive_open_reader (self->path, &open_error)))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be read (%s)"), stream->entry, open_error->message);
          return FALSE;
        }
      *next_index = 0;
    }

  /* libarchive skips the data of the entries passed over without unpacking them. */
  while ((status = archive_read_next_header (*reader, &header)) == ARCHIVE_OK)
    {
      /* Counted for the archive's reader only, which the lock guards. */
      if (reader == &self->reader)
        self->n_headers_read++;
      if ((*next_index)++ == stream->index)
        break;
    }

  if (status != ARCHIVE_OK)
    {
      set_damaged_error (stream, *reader, error);
      return FALSE;
    }
  if (g_strcmp0 (_rapport_archive_header_name (header), stream->real_name) != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be found in the archive any more"), stream->entry);
      return FALSE;
    }
  /* The size it declares may lie (a zip bomb), so the limit holds for what is read too. */
  if (archive_entry_size_is_set (header) &&
      (guint64) archive_entry_size (header) > stream->limit)
    {
      set_too_large_error (stream->entry, stream->limit, error);
      return FALSE;
    }
  return TRUE;
}

static gssize
read_archive (RapportArchiveStream  *stream,
              void                  *buffer,
              gsize                  size,
              GError               **error)
{
  RapportArchive *self = stream->archive;
  gssize n = -1;

  if (stream->reader == NULL)
    {
      g_mutex_lock (&self->lock);
      /* The archive's reader, left where the last entry read ends, unless another stream
       * still reads with it. */
      if (self->reader_owner == stream ||
          (self->reader_owner == NULL && stream->position == 0))
        {
          if (self->reader_owner == stream ||
              go_to_entry (stream, &self->reader, &self->next_index, error))
            {
              self->reader_owner = stream;
              n = archive_read_data (self->reader, buffer, size);
              if (n < 0)
                set_damaged_error (stream, self->reader, error);
            }
          if (n < 0)
            {
              /* Where a failed reader stands is not known. */
              g_clear_pointer (&self->reader, archive_read_free);
              self->reader_owner = NULL;
            }
          g_mutex_unlock (&self->lock);
          return n;
        }
      g_mutex_unlock (&self->lock);

      {
        guint next_index = 0;

        if (!go_to_entry (stream, &stream->reader, &next_index, error))
          return -1;
      }
    }

  n = archive_read_data (stream->reader, buffer, size);
  if (n < 0)
    set_damaged_error (stream, stream->reader, error);
  return n;
}

/* An entry of a zip is unpacked from where the zip's directory says it is: the stream has a
 * reader of its own, and no other entry is passed over to reach it. */
static gssize
read_zip (RapportArchiveStream  *stream,
          void                  *buffer,
          gsize                  size,
          GError               **error)
{
  RapportArchive *self = stream->archive;
  gssize n;

  if (stream->reader == NULL)
    {
      g_autoptr(GByteArray) name = g_byte_array_new ();
      g_autoptr(GError) zip_error = NULL;
      struct archive_entry *header;
      RapportZipEntry entry;

      if (!rapport_zip_get_entry (self->zip, stream->record, &entry, name, &zip_error) ||
          !(stream->zip_reader = rapport_zip_open_entry (self->zip, &entry, &zip_error)))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be unpacked (the archive is damaged or incomplete: %s)"),
                       stream->entry, zip_error->message);
          return -1;
        }
      if (g_strcmp0 (entry.name, stream->real_name) != 0)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be found in the archive any more"), stream->entry);
          return -1;
        }
      /* The size it declares may lie (a zip bomb), so the limit holds for what is read too. */
      if (entry.size > stream->limit)
        {
          set_too_large_error (stream->entry, stream->limit, error);
          return -1;
        }
      stream->reader = rapport_zip_reader_get_archive (stream->zip_reader);
      g_mutex_lock (&self->lock);
      self->n_headers_read++;
      g_mutex_unlock (&self->lock);
      /* A warning is about the header, which the zip's directory stands in for. */
      if (archive_read_next_header (stream->reader, &header) < ARCHIVE_WARN)
        {
          set_damaged_error (stream, stream->reader, error);
          return -1;
        }
    }

  n = archive_read_data (stream->reader, buffer, size);
  if (n < 0)
    set_damaged_error (stream, stream->reader, error);
  return n;
}

static char *
file_path (RapportArchive *self,
           const char     *real_name)
{
  return self->kind == SOURCE_FILE ? g_strdup (self->path)
                                   : g_build_filename (self->path, real_name, NULL);
}

static void
set_file_too_large_error (const char  *entry,
                          guint64      max_bytes,
                          GError     **error)
{
  g_autofree char *limit = g_format_size (max_bytes);

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
               _("%s: too large: the file is larger than %s, which no real export file is"),
               entry, limit);
}

static gssize
read_file (RapportArchiveStream  *stream,
           void                  *buffer,
           gsize                  size,
           GError               **error)
{
  gssize n;

  if (stream->fd < 0)
    {
      g_autofree char *full = file_path (stream->archive, stream->real_name);
      struct stat st;

      if ((stream->fd = _rapport_archive_open_checked (full, stream->entry, FALSE, &st,
                                                       error)) < 0)
        return -1;
      if ((guint64) st.st_size > stream->limit)
        {
          set_file_too_large_error (stream->entry, stream->limit, error);
          return -1;
        }
      /* Opened without waiting: reads may wait from now on. */
      fcntl (stream->fd, F_SETFL, fcntl (stream->fd, F_GETFL) & ~O_NONBLOCK);
    }

  do
    n = read (stream->fd, buffer, size);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be read (%s)"), stream->entry, g_strerror (saved_errno));
    }
  return n;
}

gssize
rapport_archive_stream_read (RapportArchiveStream  *stream,
                             void                  *buffer,
                             gsize                  size,
                             GError               **error)
{
  gssize n;

  g_return_val_if_fail (stream != NULL, -1);
  g_return_val_if_fail (buffer != NULL || size == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (stream->real_name == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: no such file in %s"), stream->entry, stream->archive->name);
      return -1;
    }
  if (stream->failed)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be read after an earlier error"), stream->entry);
      return -1;
    }
  if (g_cancellable_set_error_if_cancelled (stream->cancellable, error))
    return -1;
  if (stream->finished || size == 0)
    return 0;

  if (stream->archive->kind == SOURCE_ZIP)
    n = read_zip (stream, buffer, size, error);
  else if (stream->archive->kind == SOURCE_ARCHIVE)
    n = read_archive (stream, buffer, size, error);
  else
    n = read_file (stream, buffer, size, error);
  if (n < 0)
    {
      stream->failed = TRUE;
      return -1;
    }

  if (stream->position + (guint64) n > stream->limit)
    {
      if (is_packed (stream->archive))
        set_too_large_error (stream->entry, stream->limit, error);
      else
        set_file_too_large_error (stream->entry, stream->limit, error);
      stream->failed = TRUE;
      return -1;
    }
  stream->position += n;
  stream->finished = n == 0;
  return n;
}

/* An entry of an archive unpacked into memory, up to RAPPORT_ARCHIVE_WHOLE_LIMIT. */
static GBytes *
unpack_whole (RapportArchive  *self,
              const char      *entry,
              GError         **error)
{
  g_autoptr(RapportArchiveStream) stream = rapport_archive_open_stream (self, entry, NULL);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize chunk = 65536;

  stream->limit = MIN (stream->limit, RAPPORT_ARCHIVE_WHOLE_LIMIT);
  for (;;)
    {
      gsize len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, len + chunk);
      n = rapport_archive_stream_read (stream, buffer->data + len, chunk, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, len + n);
      if (n == 0)
        break;
      /* Fewer, larger reads for a large entry. */
      chunk = CLAMP (buffer->len, 65536, 4 << 20);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Mapping costs no copy, so a file of a folder adds nothing to the heap. */
static GBytes *
map_file (RapportArchive  *self,
          const char      *entry,
          const char      *real_name,
          GError         **error)
{
  g_autofree char *full = file_path (self, real_name);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  struct stat st;
  int fd;

  if ((fd = _rapport_archive_open_checked (full, entry, FALSE, &st, error)) < 0)
    return NULL;
  if ((guint64) st.st_size > self->entry_limit)
    {
      close (fd);
      set_file_too_large_error (entry, self->entry_limit, error);
      return NULL;
    }

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be read (%s)"), entry, local_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

guint64
rapport_archive_get_n_headers_read (RapportArchive *self)
{
  guint64 n;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_headers_read;
  g_mutex_unlock (&self->lock);
  return n;
}

gboolean
rapport_archive_entry_is_file (RapportArchive *self,
                               const char     *entry)
{
  const Location *location;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!(location = _rapport_archive_find_location (self, entry)))
    return FALSE;
  if (self->kind == SOURCE_PARTS)
    return rapport_archive_entry_is_file (g_ptr_array_index (self->parts, location->index),
                                          location->real_name);
  return !is_packed (self);
}

char *
rapport_archive_get_file_path (RapportArchive *self,
                               const char     *entry)
{
  const Location *location;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  if (!(location = _rapport_archive_find_location (self, entry)))
    return NULL;
  if (self->kind == SOURCE_PARTS)
    return rapport_archive_get_file_path (g_ptr_array_index (self->parts, location->index),
                                          location->real_name);
  if (is_packed (self))
    return NULL;
  return file_path (self, location->real_name);
}

GBytes *
rapport_archive_read (RapportArchive  *self,
                      const char      *entry,
                      gboolean        *mapped,
                      GError         **error)
{
  const Location *location;
  gboolean mapped_here = FALSE;
  GBytes *bytes;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(location = _rapport_archive_find_location (self, entry)))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: no such file in %s"), entry, self->name);
      return NULL;
    }

  if (self->kind == SOURCE_PARTS)
    {
      bytes = rapport_archive_read (g_ptr_array_index (self->parts, location->index),
                                    location->real_name, &mapped_here, error);
    }
  else if (!is_packed (self))
    {
      bytes = map_file (self, entry, location->real_name, error);
      mapped_here = TRUE;
    }
  else
    {
      bytes = unpack_whole (self, entry, error);
    }

  if (mapped != NULL)
    *mapped = bytes != NULL && mapped_here;
  return bytes;
}
