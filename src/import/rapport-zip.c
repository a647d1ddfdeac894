/* rapport-zip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip format as APPNOTE.TXT describes it: an end record at the file's end (with a ZIP64
 * record before it when counts or offsets pass 32 bits) points to the central directory, whose
 * records name each entry and say where its local header is.  Everything read here is checked
 * against the file's size before it is used.
 */

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-zip.h"

#define END_SIGNATURE 0x06054b50
#define END_SIZE 22
#define END_SEARCH (END_SIZE + 65535) /* the record and the longest comment */
#define ZIP64_LOCATOR_SIGNATURE 0x07064b50
#define ZIP64_LOCATOR_SIZE 20
#define ZIP64_END_SIGNATURE 0x06064b50
#define ZIP64_END_SIZE 56
#define RECORD_SIGNATURE 0x02014b50
#define RECORD_SIZE 46
#define LOCAL_SIGNATURE 0x04034b50
#define LOCAL_SIZE 30
#define EXTRA_ZIP64 0x0001
#define EXTRA_UNICODE_PATH 0x7075
#define FLAG_DATA_DESCRIPTOR 0x0008
#define FLAG_UTF8 0x0800
/* A window of the directory: a record with the longest name, extra field and comment fits. */
#define WINDOW_SIZE (256 * 1024)
#define ENTRY_CHUNK (64 * 1024)

struct _RapportZip
{
  int fd;
  guint64 file_size;
  guint64 base;      /* bytes before the zip (a self-extracting stub) its offsets leave out */
  guint64 directory; /* where the central directory starts in the file */
  guint64 directory_end;

  /* A reader at the end of an entry, kept for the next one: a reader of its own for each of
   * Medium's 20,000 posts allocated and gave back 330 KB each time, a quarter of a million
   * page faults. */
  GMutex lock;
  RapportZipReader *idle_reader;
};

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
le64 (const guint8 *p)
{
  return le32 (p) | ((guint64) le32 (p + 4) << 32);
}

static void
put16 (GByteArray *out,
       guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (out, bytes, sizeof bytes);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

static void
put64 (GByteArray *out,
       guint64     value)
{
  put32 (out, value & 0xffffffff);
  put32 (out, value >> 32);
}

/* The CRC-32 of zip (and of its Unicode path field), bit by bit: it only checks names. */
static guint32
crc32_of (const char *data,
          gsize       len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= (guchar) data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return ~crc;
}

/* The caller says which file; this says what is wrong with it. */
static void
set_damaged (GError     **error,
             const char  *problem)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE, "%s", problem);
}

/* Exactly @len bytes at @offset, or FALSE with @error set. */
static gboolean
read_at (RapportZip  *zip,
         guint64      offset,
         void        *buffer,
         gsize        len,
         GError     **error)
{
  gsize done = 0;

  if (offset > zip->file_size || len > zip->file_size - offset)
    {
      set_damaged (error, _("the zip's directory points past the end of the file"));
      return FALSE;
    }
  while (done < len)
    {
      gssize n = pread (zip->fd, (guint8 *) buffer + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          set_damaged (error, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        {
          set_damaged (error, _("the file ended sooner than it said"));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

/* Finds the end record in the file's last bytes: the last signature whose comment fits. */
static gboolean
find_end_record (RapportZip *zip,
                 guint64    *end_offset,
                 guint8      record[END_SIZE],
                 GError    **error)
{
  gsize tail_len = MIN (zip->file_size, END_SEARCH);
  g_autofree guint8 *tail = NULL;

  if (zip->file_size < END_SIZE)
    {
      set_damaged (error, _("too short to be a zip"));
      return FALSE;
    }
  tail = g_malloc (tail_len);
  if (!read_at (zip, zip->file_size - tail_len, tail, tail_len, error))
    return FALSE;
  for (gsize i = tail_len - END_SIZE + 1; i-- > 0;)
    {
      if (le32 (tail + i) == END_SIGNATURE && i + END_SIZE + le16 (tail + i + 20) <= tail_len)
        {
          memcpy (record, tail + i, END_SIZE);
          *end_offset = zip->file_size - tail_len + i;
          return TRUE;
        }
    }
  set_damaged (error, _("no zip directory at its end"));
  return FALSE;
}

RapportZip *
rapport_zip_open (int      fd,
                  GError **error)
{
  g_autoptr(RapportZip) zip = g_new0 (RapportZip, 1);
  guint8 end[END_SIZE];
  guint8 locator[ZIP64_LOCATOR_SIZE];
  guint64 end_offset;
  guint64 records_start; /* of the end records */
  guint64 directory_size;
  guint64 stated_offset;
  struct stat st;

  g_return_val_if_fail (fd >= 0, NULL);

  zip->fd = fd;
  g_mutex_init (&zip->lock);
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      set_damaged (error, g_strerror (saved_errno));
      return NULL;
    }
  zip->file_size = st.st_size;
  if (!find_end_record (zip, &end_offset, end, error))
    return NULL;

  records_start = end_offset;
  directory_size = le32 (end + 12);
  stated_offset = le32 (end + 16);
  /* Disk numbers other than the first (0xffff in a ZIP64 zip, whose record says more). */
  if ((le16 (end + 4) != 0 && le16 (end + 4) != 0xffff) ||
      (le16 (end + 6) != 0 && le16 (end + 6) != 0xffff))
    {
      set_damaged (error, _("a zip split over several files"));
      return NULL;
    }

  if (end_offset >= ZIP64_LOCATOR_SIZE &&
      read_at (zip, end_offset - ZIP64_LOCATOR_SIZE, locator, sizeof locator, NULL) &&
      le32 (locator) == ZIP64_LOCATOR_SIGNATURE)
    {
      guint8 end64[ZIP64_END_SIZE];
      guint64 end64_offset = le64 (locator + 8);

      /* Behind a stub the offset it states is short by the stub; the record is mostly right
       * before the locator. */
      if (end64_offset > end_offset - ZIP64_LOCATOR_SIZE ||
          !read_at (zip, end64_offset, end64, sizeof end64, NULL) ||
          le32 (end64) != ZIP64_END_SIGNATURE)
        {
          end64_offset = end_offset - ZIP64_LOCATOR_SIZE - MIN (end_offset - ZIP64_LOCATOR_SIZE,
                                                                ZIP64_END_SIZE);
          if (!read_at (zip, end64_offset, end64, sizeof end64, NULL) ||
              le32 (end64) != ZIP64_END_SIGNATURE)
            {
              set_damaged (error, _("the zip's ZIP64 record is not where it says"));
              return NULL;
            }
        }
      if (le32 (end64 + 16) != 0 || le32 (end64 + 20) != 0 || le32 (locator + 16) > 1)
        {
          set_damaged (error, _("a zip split over several files"));
          return NULL;
        }
      directory_size = le64 (end64 + 40);
      stated_offset = le64 (end64 + 48);
      records_start = end64_offset;
    }

  /* The directory ends where the end records start; a zip behind a stub of other bytes
   * counts its offsets from its own start, which shows in where the directory really is. */
  if (directory_size > records_start || stated_offset > records_start - directory_size)
    {
      set_damaged (error, _("the zip's directory is larger than the file"));
      return NULL;
    }
  zip->directory = records_start - directory_size;
  zip->base = zip->directory - stated_offset;
  /* Where it says, when something lies between the directory and the end records. */
  if (zip->base != 0)
    {
      guint8 signature[4];

      if (read_at (zip, stated_offset, signature, sizeof signature, NULL) &&
          le32 (signature) == RECORD_SIGNATURE)
        {
          zip->directory = stated_offset;
          zip->base = 0;
        }
    }
  /* An entry is found again by its record's offset in 32 bits: 40 million files' worth. */
  if (directory_size > G_MAXUINT32)
    {
      set_damaged (error, _("the zip's directory is too large"));
      return NULL;
    }
  /* The records are read to the directory's end: the count of the end record is that count
   * modulo 65,536 in zips of more files made without ZIP64 records (macOS, older Java). */
  zip->directory_end = zip->directory + directory_size;
  return g_steal_pointer (&zip);
}

static void reader_free (RapportZipReader *reader);

void
rapport_zip_free (RapportZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_pointer (&zip->idle_reader, reader_free);
  g_mutex_clear (&zip->lock);
  if (zip->fd >= 0)
    close (zip->fd);
  g_free (zip);
}

/* The ZIP64 field holds the 64-bit values of the fields that say 0xffffffff, in this order. */
static gboolean
read_zip64_field (const guint8    *data,
                  gsize            len,
                  RapportZipEntry *entry,
                  guint32          size32,
                  guint32          compressed32,
                  guint32          offset32)
{
  gsize at = 0;

  if (size32 == 0xffffffff)
    {
      if (at + 8 > len)
        return FALSE;
      entry->size = le64 (data + at);
      at += 8;
    }
  if (compressed32 == 0xffffffff)
    {
      if (at + 8 > len)
        return FALSE;
      entry->compressed_size = le64 (data + at);
      at += 8;
    }
  if (offset32 == 0xffffffff)
    {
      if (at + 8 > len)
        return FALSE;
      entry->header_offset = le64 (data + at);
    }
  return TRUE;
}

static gboolean
is_file (guint16     made_by,
         guint32     attributes,
         const char *name,
         gsize       name_len)
{
  guint32 mode = attributes >> 16;

  if (name_len > 0 && name[name_len - 1] == '/')
    return FALSE;
  /* Unix keeps a mode in the upper half, DOS a folder bit in the lower. */
  if ((made_by >> 8) == 3 && (mode & S_IFMT) != 0)
    return S_ISREG (mode);
  if ((made_by >> 8) == 0 && (attributes & 0x10) != 0)
    return FALSE;
  return TRUE;
}

/* Parses the record at @data (@available bytes of the directory from there). */
static gboolean
parse_record (RapportZip      *zip,
              const guint8    *data,
              gsize            available,
              guint64          record,
              RapportZipEntry *entry,
              GByteArray      *name_buffer,
              gsize           *record_len,
              GError         **error)
{
  guint16 name_len, extra_len, comment_len;
  guint32 size32, compressed32, offset32;
  const guint8 *extra;

  if (available < RECORD_SIZE || le32 (data) != RECORD_SIGNATURE)
    {
      set_damaged (error, _("the zip's directory is damaged"));
      return FALSE;
    }
  name_len = le16 (data + 28);
  extra_len = le16 (data + 30);
  comment_len = le16 (data + 32);
  *record_len = RECORD_SIZE + name_len + extra_len + comment_len;
  if (*record_len > available)
    {
      set_damaged (error, _("the zip's directory is damaged"));
      return FALSE;
    }

  memset (entry, 0, sizeof *entry);
  entry->record = record - zip->directory;
  entry->version_needed = le16 (data + 6);
  entry->flags = le16 (data + 8);
  entry->method = le16 (data + 10);
  entry->mod_time = le16 (data + 12);
  entry->mod_date = le16 (data + 14);
  entry->crc = le32 (data + 16);
  entry->compressed_size = compressed32 = le32 (data + 20);
  entry->size = size32 = le32 (data + 24);
  entry->header_offset = offset32 = le32 (data + 42);

  g_byte_array_set_size (name_buffer, 0);
  g_byte_array_append (name_buffer, data + RECORD_SIZE, name_len);

  extra = data + RECORD_SIZE + name_len;
  for (gsize at = 0; at + 4 <= extra_len;)
    {
      guint16 id = le16 (extra + at);
      guint16 len = le16 (extra + at + 2);
      const guint8 *field = extra + at + 4;

      if (at + 4 + len > extra_len)
        break;
      if (id == EXTRA_ZIP64 &&
          !read_zip64_field (field, len, entry, size32, compressed32, offset32))
        {
          set_damaged (error, _("the zip's directory is damaged"));
          return FALSE;
        }
      /* A UTF-8 name for a name in another encoding, if it still belongs to that name. */
      if (id == EXTRA_UNICODE_PATH && len >= 5 && field[0] == 1 &&
          le32 (field + 1) == crc32_of ((const char *) data + RECORD_SIZE, name_len))
        {
          g_byte_array_set_size (name_buffer, 0);
          g_byte_array_append (name_buffer, field + 5, len - 5);
        }
      at += 4 + len;
    }

  /* Windows tools (PowerShell 5.1's Compress-Archive, .NET's ZipFile before 4.6.1) write a
   * backslash between folders; libarchive reads it as a slash too. */
  if ((le16 (data + 4) >> 8) == 0 && name_buffer->len > 0 &&
      memchr (name_buffer->data, '/', name_buffer->len) == NULL)
    for (guint i = 0; i < name_buffer->len; i++)
      if (name_buffer->data[i] == '\\')
        name_buffer->data[i] = '/';

  entry->is_file = is_file (le16 (data + 4), le32 (data + 38),
                            (const char *) name_buffer->data, name_buffer->len);
  entry->name_len = name_buffer->len;
  g_byte_array_append (name_buffer, (const guint8 *) "", 1);
  entry->name = (const char *) name_buffer->data;

  if (entry->header_offset > G_MAXUINT64 - zip->base ||
      entry->header_offset + zip->base >= zip->directory)
    {
      set_damaged (error, _("the zip's directory points past the end of the file"));
      return FALSE;
    }
  entry->header_offset += zip->base;
  return TRUE;
}

gboolean
rapport_zip_foreach (RapportZip          *zip,
                     RapportZipEntryFunc  func,
                     gpointer             user_data,
                     GError             **error)
{
  g_autofree guint8 *window = g_malloc (WINDOW_SIZE);
  g_autoptr(GByteArray) name_buffer = g_byte_array_new ();
  guint64 window_start = zip->directory;
  gsize window_len = 0;
  guint64 position = zip->directory;

  g_return_val_if_fail (zip != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  while (position < zip->directory_end)
    {
      RapportZipEntry entry;
      gsize record_len;
      gsize offset = position - window_start;

      /* A record that does not fit the rest of the window starts the next one. */
      if (offset + RECORD_SIZE > window_len ||
          offset + RECORD_SIZE + le16 (window + offset + 28) + le16 (window + offset + 30) +
          le16 (window + offset + 32) > window_len)
        {
          window_start = position;
          window_len = MIN (WINDOW_SIZE, zip->directory_end - position);
          offset = 0;
          if (!read_at (zip, window_start, window, window_len, error))
            return FALSE;
        }
      if (!parse_record (zip, window + offset, window_len - offset, position, &entry,
                         name_buffer, &record_len, error))
        return FALSE;
      position += record_len;
      if (!func (&entry, user_data))
        break;
    }
  return TRUE;
}

gboolean
rapport_zip_get_entry (RapportZip      *zip,
                       guint32          offset,
                       RapportZipEntry *entry,
                       GByteArray      *name_buffer,
                       GError         **error)
{
  guint64 record = zip->directory + offset;
  guint8 fixed[RECORD_SIZE];
  g_autofree guint8 *data = NULL;
  gsize len;
  gsize record_len;

  g_return_val_if_fail (zip != NULL, FALSE);

  if (record >= zip->directory_end || !read_at (zip, record, fixed, sizeof fixed, error))
    {
      g_clear_error (error);
      set_damaged (error, _("the zip's directory is damaged"));
      return FALSE;
    }
  len = MIN (RECORD_SIZE + le16 (fixed + 28) + le16 (fixed + 30) + le16 (fixed + 32),
             zip->directory_end - record);
  data = g_malloc (len);
  return read_at (zip, record, data, len, error) &&
         parse_record (zip, data, len, record, entry, name_buffer, &record_len, error);
}

/* The bytes a libarchive streaming reader is fed: a local header made from the directory's
 * record, then the entry's data, then (once it is kept for another entry) the next entry's
 * header and data. */
struct _RapportZipReader
{
  struct archive *archive;
  RapportZip *zip;
  GByteArray *header;
  gboolean header_given;
  gboolean ended;     /* the end of the file was handed on: no entry can follow */
  guint64 position;   /* of the next byte of data to hand on */
  guint64 data_end;
  guint8 chunk[ENTRY_CHUNK];
};

static la_ssize_t
read_entry_data (struct archive  *archive,
                 void            *user_data,
                 const void     **out)
{
  RapportZipReader *reader = user_data;
  gssize n;

  if (!reader->header_given)
    {
      reader->header_given = TRUE;
      *out = reader->header->data;
      return reader->header->len;
    }
  if (reader->position >= reader->data_end)
    {
      reader->ended = TRUE;
      return 0;
    }

  do
    n = pread (reader->zip->fd, reader->chunk, MIN (sizeof reader->chunk,
                                                     reader->data_end - reader->position),
               reader->position);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    {
      archive_set_error (archive, n < 0 ? errno : EIO, "%s",
                         n < 0 ? g_strerror (errno) : _("the file ended sooner than it said"));
      return -1;
    }
  reader->position += n;
  *out = reader->chunk;
  return n;
}

static void
reader_free (RapportZipReader *reader)
{
  g_clear_pointer (&reader->archive, archive_read_free);
  g_byte_array_unref (reader->header);
  g_free (reader);
}

/* Feeds @entry next: its local header, then its data. */
static gboolean
feed_entry (RapportZipReader       *reader,
            const RapportZipEntry  *entry,
            GError                **error)
{
  RapportZip *zip = reader->zip;
  guint8 local[LOCAL_SIZE];
  guint64 data_start;
  gboolean large;

  /* The local header is read for where the data starts, nothing else: its sizes may follow
   * the data or be stale, the directory's are the ones that hold. */
  if (!read_at (zip, entry->header_offset, local, sizeof local, error))
    return FALSE;
  if (le32 (local) != LOCAL_SIGNATURE)
    {
      set_damaged (error, _("the entry is not where the zip's directory says"));
      return FALSE;
    }
  data_start = entry->header_offset + LOCAL_SIZE + le16 (local + 26) + le16 (local + 28);
  if (data_start > zip->directory || entry->compressed_size > zip->directory - data_start)
    {
      set_damaged (error, _("the entry runs past the end of the file"));
      return FALSE;
    }

  reader->position = data_start;
  reader->data_end = data_start + entry->compressed_size;
  reader->header_given = FALSE;
  g_byte_array_set_size (reader->header, 0);
  large = entry->size >= 0xffffffff || entry->compressed_size >= 0xffffffff;
  put32 (reader->header, LOCAL_SIGNATURE);
  put16 (reader->header, entry->version_needed);
  /* Nor is the name of this header used: without the UTF-8 flag libarchive takes it as it is
   * rather than fail on a name the locale cannot hold. */
  put16 (reader->header, entry->flags & ~(FLAG_DATA_DESCRIPTOR | FLAG_UTF8));
  put16 (reader->header, entry->method);
  put16 (reader->header, entry->mod_time);
  put16 (reader->header, entry->mod_date);
  put32 (reader->header, entry->crc);
  put32 (reader->header, large ? 0xffffffff : entry->compressed_size);
  put32 (reader->header, large ? 0xffffffff : entry->size);
  put16 (reader->header, entry->name_len);
  put16 (reader->header, large ? 20 : 0);
  g_byte_array_append (reader->header, (const guint8 *) entry->name, entry->name_len);
  if (large)
    {
      put16 (reader->header, EXTRA_ZIP64);
      put16 (reader->header, 16);
      put64 (reader->header, entry->size);
      put64 (reader->header, entry->compressed_size);
    }
  return TRUE;
}

RapportZipReader *
rapport_zip_open_entry (RapportZip            *zip,
                        const RapportZipEntry *entry,
                        GError               **error)
{
  RapportZipReader *reader;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  g_mutex_lock (&zip->lock);
  reader = g_steal_pointer (&zip->idle_reader);
  g_mutex_unlock (&zip->lock);
  if (reader != NULL)
    {
      if (!feed_entry (reader, entry, error))
        {
          reader_free (reader);
          return NULL;
        }
      return reader;
    }

  reader = g_new0 (RapportZipReader, 1);
  reader->zip = zip;
  reader->header = g_byte_array_sized_new (LOCAL_SIZE + entry->name_len + 20);
  if (!feed_entry (reader, entry, error))
    {
      reader_free (reader);
      return NULL;
    }
  reader->archive = archive_read_new ();
  archive_read_support_format_zip_streamable (reader->archive);
  if (archive_read_open (reader->archive, reader, NULL, read_entry_data, NULL) != ARCHIVE_OK)
    {
      const char *problem = archive_error_string (reader->archive);

      set_damaged (error, problem != NULL ? problem : _("the entry cannot be unpacked"));
      reader_free (reader);
      return NULL;
    }
  return reader;
}

struct archive *
rapport_zip_reader_get_archive (RapportZipReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->archive;
}

void
rapport_zip_reader_release (RapportZipReader *reader,
                            gboolean          read_to_end)
{
  RapportZip *zip;

  if (reader == NULL)
    return;

  /* Kept only where the next header can follow: the entry unpacked to its end (its CRC
   * checked) and every byte of its data taken, none of the file's end handed on. */
  zip = reader->zip;
  if (read_to_end && !reader->ended && reader->position == reader->data_end)
    {
      g_mutex_lock (&zip->lock);
      if (zip->idle_reader == NULL)
        zip->idle_reader = g_steal_pointer (&reader);
      g_mutex_unlock (&zip->lock);
    }
  if (reader != NULL)
    reader_free (reader);
}
