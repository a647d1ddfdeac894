/* rapport-export-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What makes two exports the same export.  The hash of every byte decides; it costs a fifth of
 * a second per 100 MB (a twentieth with the processor's SHA instructions), so it runs in a
 * thread of its own while the export imports.  A hash of
 * samples, known at once, tells whether an earlier import may be the same, and only then is
 * the full hash waited for before anything is read.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/rapport-import-error.h"
#include "core/rapport-sha256.h"
#include "session/rapport-export-hash.h"

/* ── samples, at once ─────────────────────────────────────────────────────────────────────── */

/* Large files are identified by their size and 64 samples of 16 KiB spread over them, first
 * and last bytes included: reading all of a 190 MB archive only to recognise it cost more than
 * a third of its import.  Two different exports never share a size and every sample in
 * practice (their timestamps and counts differ throughout). */
#define HASH_WHOLE_LIMIT (8 * 1024 * 1024)
#define HASH_SAMPLES 64
#define HASH_SAMPLE_SIZE (16 * 1024)

/* Where the @i-th sample of a file of @size bytes starts, the last one ending with it. */
static gsize
sample_offset (gsize size,
               guint i)
{
  if (i == HASH_SAMPLES - 1)
    return size - HASH_SAMPLE_SIZE;
  return (size - HASH_SAMPLE_SIZE) / (HASH_SAMPLES - 1) * i;
}

/* @path opened for reading and its state in @info; -1 with an error naming @name.  O_NONBLOCK:
 * a FIFO that slipped in must not hang the import. */
static int
open_file (const char   *path,
           const char   *name,
           struct stat  *info,
           GError      **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd < 0 || fstat (fd, info) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be read (%s)"), name, g_strerror (saved_errno));
      return -1;
    }
  return fd;
}

/* A file's size, the first thing of it either hash takes. */
static void
hash_size (RapportSha256 *checksum,
           goffset        size)
{
  guint64 size_le = GUINT64_TO_LE ((guint64) size);

  rapport_sha256_update (checksum, (const guint8 *) &size_le, sizeof size_le);
}

/* Reads @size bytes at @offset of @fd into @buffer; FALSE with errno at a short read. */
static gboolean
read_at (int     fd,
         guint8 *buffer,
         gsize   size,
         goffset offset)
{
  while (size > 0)
    {
      gssize n = pread (fd, buffer, size, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      buffer += n;
      size -= n;
      offset += n;
    }
  return TRUE;
}

/* Adds a file to @checksum: its size, then its bytes, or its samples when it is larger than
 * HASH_WHOLE_LIMIT.  Read rather than mapped: the pages of a mapping count in the process's
 * memory, and the kernel maps large blocks of a file around each sample (the samples of a
 * 25 MB zip took 19 MB). */
static gboolean
hash_file_samples (RapportSha256  *checksum,
                   const char     *path,
                   const char     *name,
                   GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (HASH_SAMPLE_SIZE);
  struct stat info;
  gsize size;
  int fd;

  if ((fd = open_file (path, name, &info, error)) < 0)
    return FALSE;
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: not a file but a pipe, a socket or a device, which cannot be "
                     "imported"), name);
      return FALSE;
    }
  size = (gsize) info.st_size;
  hash_size (checksum, info.st_size);
  for (guint i = 0; size <= HASH_WHOLE_LIMIT ? i * HASH_SAMPLE_SIZE < size : i < HASH_SAMPLES;
       i++)
    {
      /* The whole file a sample's size at a time, or the samples. */
      gsize offset = size <= HASH_WHOLE_LIMIT ? i * HASH_SAMPLE_SIZE : sample_offset (size, i);
      gsize length = MIN (HASH_SAMPLE_SIZE, size - offset);

      if (!read_at (fd, buffer, length, offset))
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be read (%s)"), name, g_strerror (saved_errno));
          return FALSE;
        }
      rapport_sha256_update (checksum, buffer, length);
    }
  close (fd);
  return TRUE;
}

static gboolean
add_samples (RapportSha256   *checksum,
             RapportArchive  *archive,
             GCancellable    *cancellable,
             GError         **error)
{
  const char *path = rapport_archive_get_path (archive);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char * const *entries;
      guint n_entries;

      /* An unpacked export: the names and contents of what Rapport would read. */
      entries = rapport_archive_get_entries (archive, &n_entries);
      for (guint i = 0; i < n_entries; i++)
        {
          g_autofree char *file = rapport_archive_get_file_path (archive, entries[i]);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          rapport_sha256_update (checksum, (const guint8 *) entries[i], strlen (entries[i]) + 1);
          if (file == NULL || !hash_file_samples (checksum, file, entries[i], error))
            {
              if (file == NULL)
                g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                             _("%s: no such file in %s"), entries[i],
                             rapport_archive_get_name (archive));
              return FALSE;
            }
        }
    }
  else if (!hash_file_samples (checksum, path, rapport_archive_get_name (archive), error))
    return FALSE;

  return TRUE;
}

char *
rapport_export_sample_hash (RapportArchive  *archive,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(RapportSha256) checksum = rapport_sha256_new ();
  GPtrArray *parts = rapport_archive_get_parts (archive);

  /* An export in parts: each part in its order, as if they were one. */
  for (guint i = 0; i < (parts != NULL ? parts->len : 1); i++)
    {
      if (!add_samples (checksum, parts != NULL ? g_ptr_array_index (parts, i) : archive,
                        cancellable, error))
        return NULL;
    }

  return g_strdup (rapport_sha256_get_string (checksum));
}

/* ── every byte, in a thread ─────────────────────────────────────────────────────────────── */

#define READ_CHUNK (1024 * 1024)

struct _RapportExportHash
{
  GThread      *thread;
  char        **paths;            /* the parts of the export, in order */
  GCancellable *cancellable;      /* the import's */
  GCancellable *abandoned;        /* ours: nobody waits for the hash any more */
  char         *hash;
  GError       *error;
};

static gboolean
stopped (RapportExportHash  *self,
         GError            **error)
{
  return g_cancellable_set_error_if_cancelled (self->abandoned, error) ||
         g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
hash_file (RapportExportHash  *self,
           RapportSha256      *checksum,
           const char         *path,
           guint8             *buffer,
           GError            **error)
{
  struct stat info;
  int fd;

  if ((fd = open_file (path, path, &info, error)) < 0)
    return FALSE;
  /* Only regular files count. */
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      return TRUE;
    }

  hash_size (checksum, info.st_size);
  for (;;)
    {
      gssize n = read (fd, buffer, READ_CHUNK);

      if (n == 0)
        break;
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be read (%s)"), path, g_strerror (saved_errno));
          return FALSE;
        }
      rapport_sha256_update (checksum, buffer, n);
      if (stopped (self, error))
        {
          close (fd);
          return FALSE;
        }
    }
  close (fd);

  return TRUE;
}

/* The regular files below @dir, relative to @root, '/'-separated; links are not followed. */
static gboolean
collect_files (const char  *root,
               const char  *relative,
               GPtrArray   *files,
               guint        depth,
               GError     **error)
{
  g_autofree char *dir_path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Real exports nest a few folders deep; a loop of bind mounts must still end. */
  if (depth > 32)
    return TRUE;
  if (!(dir = g_dir_open (dir_path, 0, error)))
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative != '\0' ? g_strconcat (relative, "/", name, NULL)
                                                  : g_strdup (name);
      g_autofree char *child_path = g_build_filename (root, child, NULL);
      GStatBuf info;

      if (g_lstat (child_path, &info) != 0)
        continue;
      if (S_ISDIR (info.st_mode))
        {
          if (!collect_files (root, child, files, depth + 1, error))
            return FALSE;
        }
      else if (S_ISREG (info.st_mode))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }

  return TRUE;
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The file, or every file of the folder, at @root. */
static gboolean
hash_path (RapportExportHash  *self,
           RapportSha256      *checksum,
           const char         *root,
           guint8             *buffer,
           GError            **error)
{
  GStatBuf info;

  if (g_stat (root, &info) == 0 && S_ISDIR (info.st_mode))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

      if (!collect_files (root, "", files, 0, error))
        return FALSE;
      g_ptr_array_sort (files, compare_paths);
      for (guint i = 0; i < files->len; i++)
        {
          const char *relative = g_ptr_array_index (files, i);
          g_autofree char *path = g_build_filename (root, relative, NULL);

          rapport_sha256_update (checksum, (const guint8 *) relative, strlen (relative) + 1);
          if (!hash_file (self, checksum, path, buffer, error))
            return FALSE;
        }
      return TRUE;
    }
  return hash_file (self, checksum, root, buffer, error);
}

static gpointer
hash_thread (gpointer data)
{
  RapportExportHash *self = data;
  g_autoptr(RapportSha256) checksum = rapport_sha256_new ();
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK);

  /* An export in parts: each part in its order, as if they were one. */
  for (guint i = 0; self->paths[i] != NULL; i++)
    {
      if (!hash_path (self, checksum, self->paths[i], buffer, &self->error))
        return NULL;
    }

  self->hash = g_strdup (rapport_sha256_get_string (checksum));
  return NULL;
}

RapportExportHash *
rapport_export_hash_start (const char * const *paths,
                           GCancellable       *cancellable)
{
  RapportExportHash *self;

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  self = g_new0 (RapportExportHash, 1);
  self->paths = g_strdupv ((char **) paths);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->abandoned = g_cancellable_new ();
  self->thread = g_thread_new ("rapport-export-hash", hash_thread, self);

  return self;
}

char *
rapport_export_hash_finish (RapportExportHash  *self,
                            GError            **error)
{
  char *hash;

  g_return_val_if_fail (self != NULL, NULL);

  g_thread_join (self->thread);
  if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  hash = g_steal_pointer (&self->hash);

  g_strfreev (self->paths);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->abandoned);
  g_free (self);

  return hash;
}

void
rapport_export_hash_abandon (RapportExportHash *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->abandoned);
  g_free (rapport_export_hash_finish (self, NULL));
}
