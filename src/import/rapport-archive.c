/* rapport-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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

#include "rapport-archive.h"
#include "core/rapport-import-error.h"
#include "import/rapport-archive-private.h"
#include "import/rapport-export-name.h"

G_DEFINE_FINAL_TYPE (RapportArchive, rapport_archive, G_TYPE_OBJECT)

static void
rapport_archive_finalize (GObject *object)
{
  RapportArchive *self = (RapportArchive *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->location_list, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->top_folders, g_free);
  g_clear_pointer (&self->reader, archive_read_free);
  g_clear_pointer (&self->zip, rapport_zip_free);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rapport_archive_parent_class)->finalize (object);
}

static void
rapport_archive_class_init (RapportArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_archive_finalize;
}

static void
rapport_archive_init (RapportArchive *self)
{
  self->entry_limit = RAPPORT_ARCHIVE_DEFAULT_ENTRY_LIMIT;
  self->entries = g_ptr_array_new ();
  self->location_list = g_array_new (FALSE, FALSE, sizeof (Location));
  self->strings = g_string_chunk_new (64 * 1024);
  g_mutex_init (&self->lock);
}

/* Operating-system clutter that ends up in zips made on macOS and elsewhere. */
static gboolean
is_clutter (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "__MACOSX") ||
          g_str_equal (parts[i], ".DS_Store") ||
          g_str_equal (parts[i], "Thumbs.db") ||
          g_str_has_prefix (parts[i], "._"))
        return TRUE;
    }
  return FALSE;
}

/* Removes "./", empty and "." components; refuses "..", so no name points outside. */
static char *
normalize_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        return NULL;
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Digits compare by value, so followers_2.json sorts before followers_10.json. */
static int
natural_compare (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *sa = a, *sb = b;
          gsize la, lb;
          int c;

          while (*sa == '0' && g_ascii_isdigit (sa[1]))
            sa++;
          while (*sb == '0' && g_ascii_isdigit (sb[1]))
            sb++;
          for (a = sa; g_ascii_isdigit (*a); a++)
            ;
          for (b = sb; g_ascii_isdigit (*b); b++)
            ;
          la = a - sa;
          lb = b - sb;
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((c = strncmp (sa, sb, la)) != 0)
            return c;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return (guchar) *a - (guchar) *b;
}

/* The entries' order: natural, then byte by byte, so that names that differ only in leading
 * zeros still differ and a name is found by bisection. */
static int
compare_names (const char *a,
               const char *b)
{
  int order = natural_compare (a, b);

  return order != 0 ? order : strcmp (a, b);
}

static int
compare_locations (gconstpointer a,
                   gconstpointer b)
{
  return compare_names (((const Location *) a)->name, ((const Location *) b)->name);
}

const Location *
_rapport_archive_find_location (RapportArchive *self,
                                const char     *entry)
{
  guint low = 0, high = self->location_list->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Location *location = &g_array_index (self->location_list, Location, middle);
      int order = compare_names (entry, location->name);

      if (order == 0)
        return location;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* The entry's new location, or NULL when it is left out; finish_listing() leaves out a name
 * listed twice. */
static Location *
add_entry (RapportArchive *self,
           const char     *real_name,
           guint           index)
{
  g_autofree char *normal = normalize_name (real_name);
  Location location = { 0 };

  if (normal == NULL || is_clutter (normal))
    return NULL;
  location.real_name = g_string_chunk_insert (self->strings, real_name);
  location.index = index;
  /* Most names are already normal: one string serves as both. */
  location.name = g_str_equal (normal, real_name) ? location.real_name
                                                  : g_string_chunk_insert (self->strings, normal);
  g_array_append_val (self->location_list, location);
  return &g_array_index (self->location_list, Location, self->location_list->len - 1);
}

/* Sorts the entries, keeps the first of a name listed twice (in the archive's order, or of
 * the earlier part: the sort keeps the order of equals), and lists their names. */
static void
finish_listing (RapportArchive *self)
{
  GArray *list = self->location_list;
  guint kept = 0;

  g_array_sort (list, compare_locations);
  for (guint i = 0; i < list->len; i++)
    {
      const Location *location = &g_array_index (list, Location, i);

      if (kept > 0 && strcmp (g_array_index (list, Location, kept - 1).name, location->name) == 0)
        continue;
      g_array_index (list, Location, kept++) = *location;
    }
  g_array_set_size (list, kept);

  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (self->entries, (gpointer) g_array_index (list, Location, i).name);
}

static void
clear_listing (RapportArchive *self)
{
  g_array_set_size (self->location_list, 0);
  g_ptr_array_set_size (self->entries, 0);
}

/* Exports come wrapped in zero, one or more top folders ("instagram-jo-2024/…"); drop the
 * folders every entry shares so that names start where the export's own layout starts, but
 * never the last folder above the files. */
static void
strip_common_folders (RapportArchive *self)
{
  GArray *list = self->location_list;
  gsize strip = 0;

  if (list->len == 0)
    return;

  for (;;)
    {
      const char *first = g_array_index (list, Location, 0).name;
      const char *slash = strchr (first + strip, '/');
      gsize len;
      gboolean shared = TRUE;
      gboolean deeper = FALSE;

      if (slash == NULL)
        break;
      len = slash - first + 1;
      for (guint i = 0; i < list->len && shared; i++)
        {
          const char *name = g_array_index (list, Location, i).name;

          shared = strncmp (name, first, len) == 0;
          deeper |= shared && strchr (name + len, '/') != NULL;
        }
      /* The folder that holds the files themselves ("data/") stays: importers look for it. */
      if (!shared || !deeper)
        break;
      strip = len;
    }

  if (strip == 0)
    return;
  self->top_folders = g_strndup (g_array_index (list, Location, 0).name, strip - 1);
  /* Each name goes on from inside its own string. */
  for (guint i = 0; i < list->len; i++)
    g_array_index (list, Location, i).name += strip;
}

/* libarchive says nothing when an archive just stops. */
const char *
_rapport_archive_reader_problem (struct archive *reader)
{
  const char *problem = archive_error_string (reader);

  return problem != NULL && problem[0] != '\0' ? problem : _("the file may have been cut short");
}

struct archive *
_rapport_archive_open_reader (const char  *path,
                              GError     **error)
{
  struct archive *reader = archive_read_new ();

  archive_read_support_format_zip (reader);
  archive_read_support_format_tar (reader);
  archive_read_support_format_gnutar (reader);
  archive_read_support_format_7zip (reader);
  archive_read_support_filter_gzip (reader);
  archive_read_support_filter_bzip2 (reader);
  archive_read_support_filter_xz (reader);
  archive_read_support_filter_zstd (reader);

  if (archive_read_open_filename (reader, path, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   "%s", _rapport_archive_reader_problem (reader));
      archive_read_free (reader);
      return NULL;
    }
  return reader;
}

const char *
_rapport_archive_header_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  return name != NULL ? name : archive_entry_pathname (entry);
}

static gboolean
add_zip_entry (const RapportZipEntry *entry,
               gpointer               user_data)
{
  Location *location;

  if (entry->is_file && (location = add_entry (user_data, entry->name, 0)))
    location->record = entry->record;
  return TRUE;
}

/* A zip whose directory Rapport reads itself (see rapport-zip.h); FALSE, with the listing
 * left empty, for any other file and any zip it cannot read.  Only a file that starts as a zip
 * is taken for one at once: a tar whose last member is a zip ends like one.  Other files go
 * to libarchive first, and come back here (@behind_stub) only when it cannot list them: a
 * self-extracting stub before a zip of ZIP64 records or of stale local headers, say. */
static gboolean
list_zip (RapportArchive *self,
          gboolean        behind_stub)
{
  g_autoptr(RapportZip) zip = NULL;
  guint8 start[4] = { 0 };
  gboolean starts_as_zip;
  struct stat st;
  int fd;

  if ((fd = _rapport_archive_open_checked (self->path, self->name, FALSE, &st, NULL)) < 0)
    return FALSE;
  /* A file that starts as a zip is tried once, before libarchive; any other once, after. */
  starts_as_zip = pread (fd, start, sizeof start, 0) == sizeof start &&
                  (memcmp (start, "PK\3\4", 4) == 0 || memcmp (start, "PK\5\6", 4) == 0);
  if (starts_as_zip == behind_stub)
    {
      close (fd);
      return FALSE;
    }
  /* The zip closes @fd, also when it is none. */
  if (!(zip = rapport_zip_open (fd, NULL)))
    return FALSE;
  clear_listing (self);
  if (!rapport_zip_foreach (zip, add_zip_entry, self, NULL) ||
      (behind_stub && self->location_list->len == 0))
    {
      clear_listing (self);
      return FALSE;
    }
  self->zip = g_steal_pointer (&zip);
  return TRUE;
}

/* Sets *@opened to FALSE when libarchive does not recognise the file as an archive at all. */
static gboolean
list_archive (RapportArchive  *self,
              gboolean        *opened,
              GError         **error)
{
  struct archive *reader;
  struct archive_entry *entry;
  guint index = 0;
  int status;

  *opened = FALSE;
  if (!(reader = _rapport_archive_open_reader (self->path, error)))
    return FALSE;
  *opened = TRUE;

  while ((status = archive_read_next_header (reader, &entry)) == ARCHIVE_OK)
    {
      const char *name = _rapport_archive_header_name (entry);

      if (name != NULL && archive_entry_filetype (entry) == AE_IFREG)
        add_entry (self, name, index);
      archive_read_data_skip (reader);
      index++;
    }

  if (status != ARCHIVE_EOF)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: the archive is damaged or incomplete (%s)"),
                   self->name, _rapport_archive_reader_problem (reader));
      archive_read_free (reader);
      return FALSE;
    }

  archive_read_free (reader);
  return TRUE;
}

static gboolean
list_folder (RapportArchive  *self,
             GFile           *folder,
             const char      *prefix,
             guint            depth,
             GError         **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* Exports are a few levels deep; a symlink loop must not run forever. */
  if (depth > 16)
    return TRUE;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, NULL, error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *child_name = g_file_info_get_name (info);
      g_autofree char *relative = prefix ? g_strconcat (prefix, "/", child_name, NULL)
                                         : g_strdup (child_name);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, child_name);

          if (!list_folder (self, child, relative, depth + 1, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
               g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
        {
          /* A pipe or a device is listed, so that reading it says what it is. */
          add_entry (self, relative, 0);
        }
    }
  return error == NULL || *error == NULL;
}

/* Only files (and, with @folder_too, folders) hold exports.  Opening a pipe waits for a writer
 * and reading a device may never end, so they are refused, and the open itself does not wait. */
int
_rapport_archive_open_checked (const char   *path,
                               const char   *name,
                               gboolean      folder_too,
                               struct stat  *st,
                               GError      **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fstat (fd, st) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be opened (%s)"), name, g_strerror (saved_errno));
      return -1;
    }
  if (!S_ISREG (st->st_mode) && !(folder_too && S_ISDIR (st->st_mode)))
    {
      close (fd);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: not a file but a pipe, a socket or a device, which cannot be "
                     "imported"), name);
      return -1;
    }
  return fd;
}

RapportArchive *
rapport_archive_open (const char  *path,
                      GError     **error)
{
  g_autoptr(RapportArchive) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean opened = FALSE;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_ARCHIVE, NULL);
  file = g_file_new_for_path (path);
  self->path = g_file_get_path (file);
  self->name = g_file_get_basename (file);

  if ((fd = _rapport_archive_open_checked (self->path, self->name, TRUE, &st, error)) < 0)
    return NULL;
  close (fd);
  self->mtime = st.st_mtime;

  if (S_ISDIR (st.st_mode))
    {
      self->kind = SOURCE_FOLDER;
      if (!list_folder (self, file, NULL, 0, &local_error))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: the folder cannot be read (%s)"), self->name, local_error->message);
          return NULL;
        }
    }
  else if (st.st_size == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty (0 bytes)"), self->name);
      return NULL;
    }
  else if (list_zip (self, FALSE))
    {
      self->kind = SOURCE_ZIP;
    }
  else if (list_archive (self, &opened, &local_error))
    {
      self->kind = SOURCE_ARCHIVE;
    }
  else if (list_zip (self, TRUE))
    {
      g_clear_error (&local_error);
      self->kind = SOURCE_ZIP;
    }
  else if (!opened && rapport_export_name_archive_extension (self->name) == 0)
    {
      /* Not an archive libarchive knows: a single exported file such as tweets.js. */
      g_clear_error (&local_error);
      self->kind = SOURCE_FILE;
      clear_listing (self);
      add_entry (self, self->name, 0);
    }
  else
    {
      if (opened)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                     _("%s: the archive cannot be read (%s)"), self->name, local_error->message);
      return NULL;
    }

  if (self->kind != SOURCE_FILE)
    strip_common_folders (self);
  finish_listing (self);

  return g_steal_pointer (&self);
}

const char *
rapport_archive_get_name (RapportArchive *self)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  return self->name;
}

const char *
rapport_archive_get_path (RapportArchive *self)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  return self->path;
}

gint64
rapport_archive_get_mtime (RapportArchive *self)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), 0);
  return self->mtime;
}

RapportArchive *
rapport_archive_new_joined (GPtrArray  *parts,
                            const char *name,
                            gint64      mtime)
{
  RapportArchive *self = g_object_new (RAPPORT_TYPE_ARCHIVE, NULL);

  self->kind = SOURCE_PARTS;
  self->parts = g_ptr_array_ref (parts);
  self->path = g_strdup (rapport_archive_get_path (g_ptr_array_index (parts, 0)));
  self->name = g_strdup (name);
  self->mtime = mtime;
  /* A name an earlier part took is left out. */
  for (guint i = 0; i < parts->len; i++)
    {
      RapportArchive *part = g_ptr_array_index (parts, i);

      for (guint j = 0; j < part->entries->len; j++)
        add_entry (self, g_ptr_array_index (part->entries, j), i);
    }
  finish_listing (self);

  return self;
}

GPtrArray *
rapport_archive_get_parts (RapportArchive *self)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  return self->parts;
}

void
rapport_archive_set_entry_limit (RapportArchive *self,
                                 guint64         max_bytes)
{
  g_return_if_fail (RAPPORT_IS_ARCHIVE (self));
  self->entry_limit = max_bytes;
  for (guint i = 0; self->parts != NULL && i < self->parts->len; i++)
    rapport_archive_set_entry_limit (g_ptr_array_index (self->parts, i), max_bytes);
}

const char *
rapport_archive_get_top_folders (RapportArchive *self)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  /* The parts of one export come wrapped alike: the first part's folders stand for all. */
  if (self->parts != NULL && self->parts->len > 0)
    return rapport_archive_get_top_folders (g_ptr_array_index (self->parts, 0));
  return self->top_folders;
}

const char * const *
rapport_archive_get_entries (RapportArchive *self,
                             guint          *n_entries)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);

  if (n_entries != NULL)
    *n_entries = self->entries->len;
  return (const char * const *) self->entries->pdata;
}

static gboolean
has_path_suffix (const char *name,
                 const char *suffix)
{
  gsize name_len = strlen (name);
  gsize suffix_len = strlen (suffix);

  if (suffix_len > name_len || g_ascii_strcasecmp (name + name_len - suffix_len, suffix) != 0)
    return FALSE;
  return suffix_len == name_len || name[name_len - suffix_len - 1] == '/';
}

const char *
rapport_archive_find (RapportArchive *self,
                      const char     *suffix)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (has_path_suffix (g_ptr_array_index (self->entries, i), suffix))
      return g_ptr_array_index (self->entries, i);
  return NULL;
}

GPtrArray *
rapport_archive_find_all (RapportArchive *self,
                          const char     *folder,
                          const char     *pattern)
{
  g_autoptr(GPatternSpec) spec = NULL;
  GPtrArray *found;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  spec = g_pattern_spec_new (pattern);
  found = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *name = g_ptr_array_index (self->entries, i);
      const char *slash = strrchr (name, '/');
      const char *base = slash ? slash + 1 : name;

      if (!g_pattern_spec_match_string (spec, base))
        continue;
      if (folder != NULL)
        {
          g_autofree char *dir = slash ? g_strndup (name, slash - name) : g_strdup ("");

          if (!has_path_suffix (dir, folder))
            continue;
        }
      g_ptr_array_add (found, (gpointer) name);
    }
  return found;
}
