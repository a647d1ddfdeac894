/* rapport-archive-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an entry of an export: a file of a folder is mapped read-only; an entry of a zip or
 * tar is unpacked by the reader left open at the previous one when it lies further on, into
 * memory when small and into an unlinked temporary file, then mapped, when large.
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

static void
set_too_large_error (RapportArchive  *self,
                     const char      *entry_name,
                     GError         **error)
{
  g_autofree char *limit = g_format_size (self->entry_limit);

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
               _("%s: too large: it unpacks to more than %s, which no real export file does; "
                 "the archive may be damaged or malicious"),
               entry_name, limit);
}

/* An unlinked file in the user's cache folder (or else the temporary one): it is gone once
 * closed and unmapped, whatever happens to the import. */
static int
open_spill_file (const char  *entry_name,
                 GError     **error)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "rapport", NULL);
  const char *folders[] = { cache, g_get_tmp_dir () };
  int saved_errno = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *template = NULL;
      int fd;

      if (g_mkdir_with_parents (folders[i], 0700) != 0)
        {
          saved_errno = errno;
          continue;
        }
#ifdef O_TMPFILE
      if ((fd = open (folders[i], O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) >= 0)
        return fd;
#endif
      /* Not every file system has unnamed files. */
      template = g_build_filename (folders[i], "rapport-unpacked-XXXXXX", NULL);
      if ((fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600)) >= 0)
        {
          g_unlink (template);
          return fd;
        }
      saved_errno = errno;
    }

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
               _("%s: cannot be unpacked: no temporary file can be made (%s)"),
               entry_name, g_strerror (saved_errno));
  return -1;
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        size,
           const char  *entry_name,
           GError     **error)
{
  const guint8 *p = data;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be unpacked into a temporary file (%s)"),
                       entry_name, g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      size -= n;
    }
  return TRUE;
}

/* The data of the entry whose header the reader just read: in memory when it is small, else
 * unpacked into a temporary file that is mapped read-only, as a file of a folder is. */
static GBytes *
unpack (RapportArchive        *self,
        struct archive        *reader,
        struct archive_entry  *header,
        const char            *entry_name,
        gboolean              *mapped,
        GError               **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean sized = archive_entry_size_is_set (header);
  guint64 total = 0;
  GBytes *bytes = NULL;
  int fd = -1;

  /* The declared size may lie (a zip bomb), so the limit is enforced while reading too. */
  if (sized && (guint64) archive_entry_size (header) > self->entry_limit)
    {
      set_too_large_error (self, entry_name, error);
      return NULL;
    }

  buffer = g_byte_array_sized_new (sized ? MIN (archive_entry_size (header), SPILL_BYTES) + 1
                                         : 65536);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = archive_read_data (reader, chunk, sizeof chunk);

      if (n == 0)
        break;
      if (n < 0)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be unpacked (%s)"), entry_name,
                       _rapport_archive_reader_problem (reader));
          goto out;
        }
      if (total + (guint64) n > self->entry_limit)
        {
          set_too_large_error (self, entry_name, error);
          goto out;
        }
      total += n;

      if (fd < 0 && buffer->len + (gsize) n > SPILL_BYTES)
        {
          if ((fd = open_spill_file (entry_name, error)) < 0 ||
              !write_all (fd, buffer->data, buffer->len, entry_name, error))
            goto out;
          g_clear_pointer (&buffer, g_byte_array_unref);
        }
      if (fd < 0)
        g_byte_array_append (buffer, chunk, n);
      else if (!write_all (fd, chunk, n, entry_name, error))
        goto out;
    }

  if (fd < 0)
    {
      *mapped = FALSE;
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
      goto out;
    }
  if (!(file = g_mapped_file_new_from_fd (fd, FALSE, &local_error)))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be unpacked into a temporary file (%s)"),
                   entry_name, local_error->message);
      goto out;
    }
  *mapped = TRUE;
  bytes = g_mapped_file_get_bytes (file);

out:
  if (fd >= 0)
    close (fd);
  return bytes;
}

/* Called with the lock held. */
static GBytes *
read_from_archive (RapportArchive  *self,
                   const char      *entry_name,
                   const Location  *location,
                   gboolean        *mapped,
                   GError         **error)
{
  g_autoptr(GError) open_error = NULL;
  struct archive_entry *header;
  GBytes *bytes;
  int status;

  /* The reader only goes forward: an entry behind it takes a new one. */
  if (self->reader != NULL && location->index < self->next_index)
    g_clear_pointer (&self->reader, archive_read_free);
  if (self->reader == NULL)
    {
      if (!(self->reader = _rapport_archive_open_reader (self->path, &open_error)))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be read (%s)"), entry_name, open_error->message);
          return NULL;
        }
      self->next_index = 0;
    }

  /* libarchive skips the data of the entries passed over without unpacking them. */
  while ((status = archive_read_next_header (self->reader, &header)) == ARCHIVE_OK)
    {
      self->n_headers_read++;
      if (self->next_index++ == location->index)
        break;
    }

  if (status != ARCHIVE_OK)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                 _("%s: cannot be unpacked (the archive is damaged or incomplete: %s)"),
                 entry_name, _rapport_archive_reader_problem (self->reader));
  else if (g_strcmp0 (_rapport_archive_header_name (header), location->real_name) != 0)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                 _("%s: cannot be found in the archive any more"), entry_name);
  else if ((bytes = unpack (self, self->reader, header, entry_name, mapped, error)) != NULL)
    return bytes;

  /* Where a failed reader stands is not known. */
  g_clear_pointer (&self->reader, archive_read_free);
  return NULL;
}

/* Mapping costs no copy, so even a 190 MB tweets.js adds nothing to the heap. */
static GBytes *
map_file (RapportArchive  *self,
          const char      *entry,
          const char      *real_name,
          GError         **error)
{
  g_autofree char *full = self->kind == SOURCE_FILE
    ? g_strdup (self->path)
    : g_build_filename (self->path, real_name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  struct stat st;
  int fd;

  if ((fd = _rapport_archive_open_checked (full, entry, FALSE, &st, error)) < 0)
    return NULL;
  if ((guint64) st.st_size > self->entry_limit)
    {
      g_autofree char *limit = g_format_size (self->entry_limit);

      close (fd);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large: the file is larger than %s, which no real export file is"),
                   entry, limit);
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

GBytes *
rapport_archive_read (RapportArchive  *self,
                      const char      *entry,
                      gboolean        *mapped,
                      GError         **error)
{
  const Location *location;
  gboolean mapped_here = TRUE;
  GBytes *bytes;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(location = g_hash_table_lookup (self->locations, entry)))
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
  else if (self->kind != SOURCE_ARCHIVE)
    {
      bytes = map_file (self, entry, location->real_name, error);
    }
  else
    {
      g_mutex_lock (&self->lock);
      bytes = read_from_archive (self, entry, location, &mapped_here, error);
      g_mutex_unlock (&self->lock);
    }

  if (mapped != NULL)
    *mapped = bytes != NULL && mapped_here;
  return bytes;
}
