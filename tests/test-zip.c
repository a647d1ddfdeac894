/* test-zip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zips built byte by byte from APPNOTE.TXT, in the shapes zip writers really leave: sizes after
 * the data, stale local headers, ZIP64 records, a stub before the zip, names in another
 * encoding, links and folders.  Each is listed and read through RapportArchive.
 */

#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>

#include "core/rapport-import-error.h"
#include "import/rapport-archive.h"
#include "rapport-test-util.h"

typedef struct
{
  const char *name;
  const char *data;
  gboolean deflate;
  gboolean descriptor;        /* sizes and CRC after the data, zeros in the local header */
  gboolean stale;             /* the local header's name and sizes wrong */
  gboolean bad_crc;
  gboolean utf8;              /* the name flagged as UTF-8 */
  guint32 unix_mode;          /* 0: made on DOS, with @dos_attributes */
  guint32 dos_attributes;
  const char *unicode_name;   /* an Info-ZIP Unicode Path field */
  gboolean unicode_crc_wrong; /* … that belongs to another name */
} TestEntry;

static guint32
crc32_of (const void *data,
          gsize       len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= ((const guchar *) data)[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
    }
  return ~crc;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, 2);
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

static GBytes *
deflate_raw (const char *data)
{
  g_autoptr(GConverter) compressor =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize len = strlen (data);
  gsize read_total = 0;
  GConverterResult result;

  do
    {
      guint8 buffer[4096];
      gsize bytes_read, bytes_written;

      result = g_converter_convert (compressor, data + read_total, len - read_total,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, NULL);
      g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
    }
  while (result != G_CONVERTER_FINISHED);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A zip of @entries behind @stub bytes of something else (offsets counted from the zip's own
 * start, as `cat stub file.zip` leaves them), with @gap bytes between its directory and its
 * end records; with @zip64 every size and offset is in ZIP64 fields and records. */
static char *
write_zip_full (const char      *dir,
                const char      *file_name,
                const TestEntry *entries,
                guint            n_entries,
                gsize            stub,
                gsize            gap,
                gboolean         zip64)
{
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *stub_bytes = g_strnfill (stub, 'x');
  guint64 directory_offset, end64_offset;

  for (guint i = 0; i < n_entries; i++)
    {
      const TestEntry *entry = &entries[i];
      g_autoptr(GBytes) packed = entry->deflate ? deflate_raw (entry->data)
                                                : g_bytes_new_static (entry->data,
                                                                      strlen (entry->data));
      gsize size = strlen (entry->data);
      gsize packed_size = g_bytes_get_size (packed);
      guint32 crc = crc32_of (entry->data, size) ^ (entry->bad_crc ? 1 : 0);
      guint flags = (entry->descriptor ? 0x0008 : 0) | (entry->utf8 ? 0x0800 : 0);
      guint method = entry->deflate ? 8 : 0;
      guint64 offset = zip->len;
      g_autoptr(GByteArray) extra = g_byte_array_new ();

      /* The local header. */
      put32 (zip, 0x04034b50);
      put16 (zip, 20);
      put16 (zip, flags);
      put16 (zip, method);
      put16 (zip, 0x6000);
      put16 (zip, 0x5a21);
      put32 (zip, entry->descriptor ? 0 : crc);
      put32 (zip, entry->descriptor ? 0 : entry->stale ? 7 : packed_size);
      put32 (zip, entry->descriptor ? 0 : entry->stale ? 3 : size);
      put16 (zip, entry->stale ? 5 : strlen (entry->name));
      put16 (zip, 4);
      g_byte_array_append (zip, (const guint8 *) (entry->stale ? "stale" : entry->name),
                           entry->stale ? 5 : strlen (entry->name));
      put32 (zip, 0x0000cafe); /* an empty extra field of an unknown kind */
      g_byte_array_append (zip, g_bytes_get_data (packed, NULL), packed_size);
      if (entry->descriptor)
        {
          put32 (zip, 0x08074b50);
          put32 (zip, crc);
          put32 (zip, packed_size);
          put32 (zip, size);
        }

      /* Its record in the directory. */
      if (zip64)
        {
          put16 (extra, 0x0001);
          put16 (extra, 24);
          put64 (extra, size);
          put64 (extra, packed_size);
          put64 (extra, offset);
        }
      if (entry->unicode_name != NULL)
        {
          put16 (extra, 0x7075);
          put16 (extra, 5 + strlen (entry->unicode_name));
          g_byte_array_append (extra, (const guint8 *) "\1", 1);
          put32 (extra, crc32_of (entry->name, strlen (entry->name)) ^
                        (entry->unicode_crc_wrong ? 1 : 0));
          g_byte_array_append (extra, (const guint8 *) entry->unicode_name,
                               strlen (entry->unicode_name));
        }
      put32 (directory, 0x02014b50);
      put16 (directory, entry->unix_mode != 0 ? (3 << 8) | 30 : 20);
      put16 (directory, 20);
      put16 (directory, flags);
      put16 (directory, method);
      put16 (directory, 0x6000);
      put16 (directory, 0x5a21);
      put32 (directory, crc);
      put32 (directory, zip64 ? 0xffffffff : packed_size);
      put32 (directory, zip64 ? 0xffffffff : size);
      put16 (directory, strlen (entry->name));
      put16 (directory, extra->len);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put32 (directory, entry->unix_mode != 0 ? entry->unix_mode << 16 : entry->dos_attributes);
      put32 (directory, zip64 ? 0xffffffff : offset);
      g_byte_array_append (directory, (const guint8 *) entry->name, strlen (entry->name));
      g_byte_array_append (directory, extra->data, extra->len);
    }

  directory_offset = zip->len;
  g_byte_array_append (zip, directory->data, directory->len);
  for (gsize i = 0; i < gap; i++)
    g_byte_array_append (zip, (const guint8 *) "-", 1);
  end64_offset = zip->len;
  if (zip64)
    {
      put32 (zip, 0x06064b50);
      put64 (zip, 44);
      put16 (zip, 45);
      put16 (zip, 45);
      put32 (zip, 0);
      put32 (zip, 0);
      put64 (zip, n_entries);
      put64 (zip, n_entries);
      put64 (zip, directory->len);
      put64 (zip, directory_offset);
      put32 (zip, 0x07064b50);
      put32 (zip, 0);
      put64 (zip, end64_offset);
      put32 (zip, 1);
    }
  put32 (zip, 0x06054b50);
  put16 (zip, 0);
  put16 (zip, 0);
  put16 (zip, zip64 ? 0xffff : n_entries);
  put16 (zip, zip64 ? 0xffff : n_entries);
  put32 (zip, zip64 ? 0xffffffff : directory->len);
  put32 (zip, zip64 ? 0xffffffff : directory_offset);
  put16 (zip, 9);
  g_byte_array_append (zip, (const guint8 *) "a comment", 9);

  g_byte_array_prepend (zip, (const guint8 *) stub_bytes, stub);
  g_assert_true (g_file_set_contents (path, (const char *) zip->data, zip->len, NULL));
  return g_steal_pointer (&path);
}

static char *
write_zip (const char      *dir,
           const char      *file_name,
           const TestEntry *entries,
           guint            n_entries,
           gsize            stub,
           gboolean         zip64)
{
  return write_zip_full (dir, file_name, entries, n_entries, stub, 0, zip64);
}

static void
assert_entry (RapportArchive *archive,
              const char     *entry,
              const char     *expected)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = rapport_archive_read (archive, entry, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
}

#define LONG_TEXT "[{\"follower\": \"kim\"}, {\"follower\": \"kim\"}, {\"follower\": \"lee\"}]"

/* Every writer's shape of an entry, each read as it was written; with ZIP64 records and
 * behind a stub too. */
static void
test_shapes (void)
{
  const TestEntry entries[] = {
    { .name = "data/stored.json", .data = "[1, 2, 3]" },
    { .name = "data/deflated.json", .data = LONG_TEXT, .deflate = TRUE },
    /* Stored with its sizes after the data: libarchive's streaming reader cannot tell
     * where such an entry ends. */
    { .name = "data/stored-after.json", .data = "[4, 5]", .descriptor = TRUE },
    { .name = "data/deflated-after.json", .data = LONG_TEXT, .deflate = TRUE,
      .descriptor = TRUE },
    { .name = "data/stale.json", .data = "[\"the directory holds\"]", .stale = TRUE },
    { .name = "data/empty.json", .data = "" },
  };
  const char * const expected[] = {
    "data/deflated-after.json", "data/deflated.json", "data/empty.json", "data/stale.json",
    "data/stored-after.json", "data/stored.json", NULL,
  };
  const struct { gsize stub; gsize gap; gboolean zip64; } layouts[] = {
    { 0, 0, FALSE }, { 0, 0, TRUE }, { 1000, 0, FALSE }, { 70000, 0, TRUE }, { 0, 100, FALSE },
  };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *dir = rapport_test_make_temp_dir ();
      g_autofree char *path = write_zip_full (dir, "export.zip", entries,
                                              G_N_ELEMENTS (entries), layouts[l].stub,
                                              layouts[l].gap, layouts[l].zip64);
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(GError) error = NULL;

      archive = rapport_archive_open (path, &error);
      g_assert_no_error (error);
      rapport_test_assert_entries (archive, expected);
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        assert_entry (archive, entries[i].name, entries[i].data);
      /* One header each: read from where the directory says. */
      g_assert_cmpuint (rapport_archive_get_n_headers_read (archive), ==,
                        G_N_ELEMENTS (entries));

      rapport_test_remove_tree (dir);
    }
}

/* Links and folders hold no export file; a name in another encoding is listed by its UTF-8
 * name when the zip gives one that still belongs to it. */
static void
test_kinds_and_names (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = {
    { .name = "posts/", .data = "", .unix_mode = 0040755 },
    { .name = "posts/link.html", .data = "/etc/passwd", .unix_mode = 0120777 },
    { .name = "posts/dos-folder", .data = "", .dos_attributes = 0x10 },
    { .name = "posts/a.html", .data = "<p>a</p>", .unix_mode = 0100644 },
    /* "Café" in code page 437, as old Windows tools write it. */
    { .name = "posts/caf\x82.html", .data = "<p>caf\xc3\xa9</p>",
      .unicode_name = "posts/caf\xc3\xa9-utf8.html" },
    { .name = "posts/b\x82.html", .data = "<p>b</p>", .unicode_name = "posts/other.html",
      .unicode_crc_wrong = TRUE },
    /* Windows' PowerShell 5.1 separates folders with backslashes. */
    { .name = "posts\\windows.html", .data = "<p>w</p>" },
    /* Flagged UTF-8, read whatever the locale (the tests run in C). */
    { .name = "posts/d\xc3\xa9j\xc3\xa0.html", .data = "<p>d</p>", .utf8 = TRUE },
  };
  const char * const expected[] = {
    "posts/a.html", "posts/b\x82.html", "posts/caf\xc3\xa9-utf8.html",
    "posts/d\xc3\xa9j\xc3\xa0.html", "posts/windows.html", NULL,
  };
  g_autofree char *path = write_zip (dir, "medium.zip", entries, G_N_ELEMENTS (entries), 0,
                                     FALSE);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  rapport_test_assert_entries (archive, expected);
  assert_entry (archive, "posts/caf\xc3\xa9-utf8.html", "<p>caf\xc3\xa9</p>");
  assert_entry (archive, "posts/b\x82.html", "<p>b</p>");
  assert_entry (archive, "posts/windows.html", "<p>w</p>");
  assert_entry (archive, "posts/d\xc3\xa9j\xc3\xa0.html", "<p>d</p>");

  rapport_test_remove_tree (dir);
}

/* The end record's count is the count modulo 65,536 in zips of more files made without ZIP64
 * records: the records are read to the directory's end whatever it says. */
static void
test_count_wrapped (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = {
    { .name = "a.json", .data = "[1]" },
    { .name = "b.json", .data = "[2]" },
    { .name = "c.json", .data = "[3]" },
  };
  const char * const expected[] = { "a.json", "b.json", "c.json", NULL };
  g_autofree char *path = write_zip (dir, "export.zip", entries, G_N_ELEMENTS (entries), 0,
                                     FALSE);
  g_autofree char *content = NULL;
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  guint8 *end;

  g_assert_true (g_file_get_contents (path, &content, &len, NULL));
  /* 65,537 files would say 1; the record ends with a 9-byte comment. */
  end = (guint8 *) content + len - 22 - 9;
  g_assert_cmpmem (end, 4, "PK\5\6", 4);
  end[8] = end[10] = 1;
  g_assert_true (g_file_set_contents (path, content, len, NULL));

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  rapport_test_assert_entries (archive, expected);
  assert_entry (archive, "c.json", "[3]");

  rapport_test_remove_tree (dir);
}

/* A tar ends like the zip that is its last member; it is a tar all the same. */
static void
test_tar_ending_in_zip (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = { { .name = "inner.json", .data = "[1]" } };
  g_autofree char *zip_path = write_zip (dir, "attachments.zip", entries, 1, 0, FALSE);
  g_autofree char *tar_path = g_build_filename (dir, "export.tar", NULL);
  g_autofree char *zip_bytes = NULL;
  const char * const expected[] = { "data/tweets.js", "media/attachments.zip", NULL };
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  struct archive *writer = archive_write_new ();
  const char *names[] = { "export/data/tweets.js", "export/media/attachments.zip" };
  const char *datas[2] = { "window.YTD.tweets.part0 = []", NULL };
  gsize sizes[2] = { 28, 0 };

  g_assert_true (g_file_get_contents (zip_path, &zip_bytes, &sizes[1], NULL));
  datas[1] = zip_bytes;
  archive_write_set_format_pax_restricted (writer);
  g_assert_cmpint (archive_write_open_filename (writer, tar_path), ==, ARCHIVE_OK);
  for (guint i = 0; i < 2; i++)
    {
      struct archive_entry *header = archive_entry_new ();

      archive_entry_set_pathname (header, names[i]);
      archive_entry_set_filetype (header, AE_IFREG);
      archive_entry_set_perm (header, 0644);
      archive_entry_set_size (header, sizes[i]);
      g_assert_cmpint (archive_write_header (writer, header), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (writer, datas[i], sizes[i]), ==, (la_ssize_t) sizes[i]);
      archive_entry_free (header);
    }
  archive_write_free (writer);

  archive = rapport_archive_open (tar_path, &error);
  g_assert_no_error (error);
  rapport_test_assert_entries (archive, expected);
  assert_entry (archive, "data/tweets.js", "window.YTD.tweets.part0 = []");

  rapport_test_remove_tree (dir);
}

/* A damaged entry says which entry and what is wrong; its neighbours still read. */
static void
test_damaged_entries (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = {
    { .name = "bad-crc.json", .data = LONG_TEXT, .deflate = TRUE, .bad_crc = TRUE },
    { .name = "bad-crc-stored.json", .data = "[1]", .bad_crc = TRUE },
    { .name = "good.json", .data = "[2]" },
  };
  g_autofree char *path = write_zip (dir, "export.zip", entries, G_N_ELEMENTS (entries), 0,
                                     FALSE);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (rapport_archive_read (archive, entries[i].name, NULL, &error));
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
      g_assert_true (g_str_has_prefix (error->message, entries[i].name));
      g_assert_nonnull (strstr (error->message, "CRC"));
      g_clear_error (&error);
    }
  assert_entry (archive, "good.json", "[2]");

  /* The file cut short after it was listed: the entry's data is no longer there. */
  g_assert_cmpint (truncate (path, 40), ==, 0);
  g_assert_null (rapport_archive_read (archive, "good.json", NULL, &error));
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "good.json: cannot be unpacked"));
  g_clear_error (&error);

  rapport_test_remove_tree (dir);
}

/* Records that point outside the file, or lie about the directory, are refused with the
 * archive's name, not read. */
static void
test_hostile_directory (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = {
    { .name = "followers_1.json", .data = "[1, 2, 3]" },
  };
  g_autofree char *path = write_zip (dir, "export.zip", entries, 1, 0, FALSE);
  g_autofree char *content = NULL;
  gsize len;
  /* The local header, its name, an empty extra field and the data; then the record. */
  gsize record = 30 + strlen (entries[0].name) + 4 + strlen (entries[0].data);
  const struct { gsize offset; guint8 value; } damages[] = {
    { 0, 'Q' },                /* the local header's signature */
    { record + 42 + 3, 0x7f }, /* the record's local header offset, far past the end */
    { record + 20 + 3, 0x7f }, /* the record's compressed size */
  };

  g_assert_true (g_file_get_contents (path, &content, &len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *damaged = g_memdup2 (content, len);
      g_autoptr(RapportArchive) archive = NULL;
      g_autoptr(GError) error = NULL;

      damaged[damages[i].offset] = damages[i].value;
      g_assert_true (g_file_set_contents (path, damaged, len, NULL));
      archive = rapport_archive_open (path, &error);
      if (archive != NULL)
        {
          g_assert_no_error (error);
          g_assert_null (rapport_archive_read (archive, "followers_1.json", NULL, &error));
        }
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE);
      g_assert_true (strstr (error->message, "followers_1.json") != NULL ||
                     strstr (error->message, "export.zip") != NULL);
    }

  rapport_test_remove_tree (dir);
}

/* A reader that read its entry to the end goes on to the next entry asked for, before or
 * behind it; one left inside its entry is not used again. */
static void
test_reader_kept (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  const TestEntry entries[] = {
    { .name = "a.json", .data = LONG_TEXT, .deflate = TRUE },
    { .name = "b.json", .data = "[\"b\"]", .descriptor = TRUE },
    { .name = "c.json", .data = LONG_TEXT "\n", .deflate = TRUE, .descriptor = TRUE },
  };
  g_autofree char *path = write_zip (dir, "export.zip", entries, G_N_ELEMENTS (entries), 0,
                                     FALSE);
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  const char *order[] = { "c.json", "a.json", "b.json", "a.json", "c.json" };

  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(RapportArchiveStream) partial = NULL;
      char chunk[4];

      for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
        if (g_str_equal (entries[e].name, order[i]))
          assert_entry (archive, order[i], entries[e].data);
      /* Another entry begun and left: its reader is dropped. */
      partial = rapport_archive_open_stream (archive, "b.json", NULL);
      g_assert_cmpint (rapport_archive_stream_read (partial, chunk, sizeof chunk, &error), ==,
                       sizeof chunk);
      g_assert_no_error (error);
    }

  rapport_test_remove_tree (dir);
}

/* Reading one entry of an export of 20,000 files holds a few hundred kilobytes, not the
 * directory of every file (libarchive's seekable reader kept 3.7 MB). */
static void
test_entry_memory (void)
{
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "medium.zip", NULL);
  RapportTestArchive *writer = rapport_test_archive_new (path, "zip");
  g_autoptr(RapportArchive) archive = NULL;
  g_autoptr(RapportArchiveStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  struct mallinfo2 before, after;
  char chunk[16];

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("medium-export/posts/2024-01-01_A-post-with-a-"
                                               "title-%05u-0123456789ab.html", i);

      rapport_test_archive_add (writer, name, "<html></html>");
    }
  rapport_test_archive_close (writer);
  archive = rapport_archive_open (path, &error);
  g_assert_no_error (error);

  before = mallinfo2 ();
  stream = rapport_archive_open_stream (archive, "posts/2024-01-01_A-post-with-a-title-19999-"
                                        "0123456789ab.html", NULL);
  g_assert_cmpint (rapport_archive_stream_read (stream, chunk, sizeof chunk, &error), ==, 13);
  g_assert_no_error (error);
  after = mallinfo2 ();
  g_assert_cmpuint (after.uordblks + after.hblkhd, <, before.uordblks + before.hblkhd + 600000);

  rapport_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zip/shapes", test_shapes);
  g_test_add_func ("/zip/kinds-and-names", test_kinds_and_names);
  g_test_add_func ("/zip/count-wrapped", test_count_wrapped);
  g_test_add_func ("/zip/tar-ending-in-zip", test_tar_ending_in_zip);
  g_test_add_func ("/zip/damaged-entries", test_damaged_entries);
  g_test_add_func ("/zip/hostile-directory", test_hostile_directory);
  g_test_add_func ("/zip/reader-kept", test_reader_kept);
  g_test_add_func ("/zip/entry-memory", test_entry_memory);

  return g_test_run ();
}
