/* rapport-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook: its zip, the streaming reader of its XML parts, the sheets and the parts their
 * relationships name, and the shared strings.  Each part is read by opening the zip afresh
 * and unpacking that one entry as libxml2 asks for more, so that no part is held whole and a
 * part that expands beyond the limit is stopped as it does.  A workbook that is a file is read
 * from the file a block at a time, not mapped, so that a large sheet stored uncompressed does
 * not stay in memory once parsed; one inside an archive is read from its bytes.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <archive_entry.h>
#include <glib/gi18n.h>

#include "import/rapport-xlsx-private.h"
#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"

#define WORKBOOK_ENTRY      "xl/workbook.xml"
#define RELATIONSHIPS_ENTRY "xl/_rels/workbook.xml.rels"
#define STRINGS_ENTRY       "xl/sharedStrings.xml"

/* How much of a workbook's file libarchive reads at a time. */
#define FILE_BLOCK_BYTES (64 * 1024)

/* No DTD is loaded, no entity substituted (XML_PARSE_NOENT stays off), nothing fetched from
 * the network; libxml2's own limits on names and text stay on (no XML_PARSE_HUGE). */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Excel's serial day 25569 is 1970-01-01; 2958466 is 10000-01-01. */
#define SERIAL_UNIX_EPOCH 25569
#define SERIAL_FIRST      61
#define SERIAL_END        2958466

#if LIBXML_VERSION >= 21200
typedef const xmlError *XmlErrorPtr;
#else
typedef xmlErrorPtr XmlErrorPtr;
#endif

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/* Entries are only ever read into memory, but a name that climbs out of the zip is no
 * spreadsheet's. */
static gboolean
entry_name_escapes (const char *name)
{
  g_auto(GStrv) segments = g_strsplit_set (name, "/\\", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (strcmp (segments[i], "..") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Looks for a document type declaration in the bytes before the root element, so that the
 * part is refused before libxml2 parses any of it.  A declaration this misses (in UTF-16, or
 * after a comment holding a '<') is still refused by rapport_xlsx_part_next(), once parsed. */
static void
scan_prolog (RapportXlsxPart *part,
             const char      *data,
             gsize            len)
{
  static const char doctype[] = "<!DOCTYPE";

  for (gsize i = 0; i < len && !part->prolog_done; i++)
    {
      char c = data[i];

      if (part->prolog_match > 0 && c == doctype[part->prolog_match])
        {
          if (++part->prolog_match == strlen (doctype))
            part->has_doctype = part->prolog_done = TRUE;
          continue;
        }
      /* "<" then anything but "?" (a processing instruction) or "!" starts the root. */
      if (part->prolog_match == 1 && c != '?')
        part->prolog_done = TRUE;
      part->prolog_match = c == '<' ? 1 : 0;
    }
}

static int
read_part_data (void *context,
                char *buffer,
                int   len)
{
  RapportXlsxPart *part = context;
  la_ssize_t n;

  if (part->too_large || part->archive_error != NULL || part->has_doctype)
    return -1;

  n = archive_read_data (part->archive, buffer, (size_t) len);
  if (n < 0)
    {
      const char *message = archive_error_string (part->archive);

      part->archive_error = g_strdup (message != NULL ? message : "");
      return -1;
    }
  if ((guint64) n > part->book->part_limit - part->n_bytes)
    {
      part->too_large = TRUE;
      return -1;
    }
  part->n_bytes += (guint64) n;

  scan_prolog (part, buffer, (gsize) n);
  if (part->has_doctype)
    return -1;
  return (int) n;
}

static void
on_xml_error (void        *context,
              XmlErrorPtr  xml_error)
{
  RapportXlsxPart *part = context;

  /* Namespace errors and warnings let the parse go on; only what stops it is reported. */
  if (xml_error == NULL || xml_error->level < XML_ERR_FATAL || part->xml_error != NULL)
    return;

  part->xml_error = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
  part->xml_line = xml_error->line;
}

static void
set_archive_error (RapportXlsxPart  *part,
                   GError          **error)
{
  const char *message = archive_error_string (part->archive);

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
               _("%s: the spreadsheet cannot be read (%s)"),
               part->book->name, message != NULL ? message : "");
}

gboolean
rapport_xlsx_part_open (RapportXlsxPart  *part,
                        RapportXlsx      *book,
                        const char       *entry,
                        GError          **error)
{
  struct archive_entry *header;
  gconstpointer data;
  gsize size = 0;
  int status;

  g_assert (part != NULL);
  g_assert (book != NULL);
  g_assert (entry != NULL);

  memset (part, 0, sizeof *part);
  part->book = book;
  part->entry = entry;
  part->archive = archive_read_new ();
  archive_read_support_format_zip (part->archive);

  if (book->path != NULL)
    status = archive_read_open_filename (part->archive, book->path, FILE_BLOCK_BYTES);
  else
    {
      data = g_bytes_get_data (book->bytes, &size);
      status = archive_read_open_memory (part->archive, size > 0 ? data : "", size);
    }
  if (status != ARCHIVE_OK)
    {
      set_archive_error (part, error);
      rapport_xlsx_part_close (part);
      return FALSE;
    }

  for (;;)
    {
      const char *name;

      status = archive_read_next_header (part->archive, &header);
      if (status == ARCHIVE_EOF)
        {
          rapport_xlsx_part_close (part);
          return FALSE;
        }
      if (status < ARCHIVE_WARN)
        {
          set_archive_error (part, error);
          rapport_xlsx_part_close (part);
          return FALSE;
        }

      name = archive_entry_pathname_utf8 (header);
      if (name == NULL)
        name = archive_entry_pathname (header);
      if (name == NULL)
        continue;
      if (entry_name_escapes (name))
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);

          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                       _("%s: the entry “%s” points outside the spreadsheet"), book->name, shown);
          rapport_xlsx_part_close (part);
          return FALSE;
        }
      /* Part names are case-insensitive in the packaging format. */
      if (archive_entry_filetype (header) == AE_IFREG && g_ascii_strcasecmp (name, entry) == 0)
        break;
    }

  part->reader = xmlReaderForIO (read_part_data, NULL, part, entry, NULL, XML_OPTIONS);
  if (part->reader == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: %s cannot be read as XML"), book->name, entry);
      rapport_xlsx_part_close (part);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, on_xml_error, part);

  return TRUE;
}

void
rapport_xlsx_part_close (RapportXlsxPart *part)
{
  g_assert (part != NULL);

  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_pointer (&part->archive, archive_read_free);
  g_clear_pointer (&part->archive_error, g_free);
  g_clear_pointer (&part->xml_error, g_free);
}

gboolean
rapport_xlsx_part_next (RapportXlsxPart  *part,
                        GError          **error)
{
  RapportXlsx *book;
  int status;

  g_assert (part != NULL && part->reader != NULL);

  book = part->book;
  status = xmlTextReaderRead (part->reader);
  if (status == 1 && !part->too_large && part->archive_error == NULL && !part->has_doctype)
    {
      int type = xmlTextReaderNodeType (part->reader);

      if (type != XML_READER_TYPE_DOCUMENT_TYPE && type != XML_READER_TYPE_ENTITY_REFERENCE &&
          type != XML_READER_TYPE_ENTITY)
        return TRUE;
      part->has_doctype = TRUE;
    }

  if (part->has_doctype)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                 _("%s: %s declares a document type, which no spreadsheet does"),
                 book->name, part->entry);
  else if (part->too_large)
    {
      g_autofree char *limit = g_format_size (book->part_limit);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: %s unpacks to more than %s, which no real export does; the file "
                     "may be damaged or malicious"),
                   book->name, part->entry, limit);
    }
  else if (part->archive_error != NULL)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                 _("%s: %s cannot be unpacked (%s)"), book->name, part->entry,
                 part->archive_error);
  else if (part->xml_error != NULL)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                 _("%s: %s is not well-formed XML (line %d: %s)"), book->name, part->entry,
                 part->xml_line, part->xml_error);
  else if (status != 0)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                 _("%s: %s cannot be read as XML"), book->name, part->entry);

  return FALSE;
}

const char *
rapport_xlsx_part_element (RapportXlsxPart *part)
{
  g_assert (part != NULL && part->reader != NULL);

  if (xmlTextReaderNodeType (part->reader) != XML_READER_TYPE_ELEMENT)
    return NULL;
  return (const char *) xmlTextReaderConstLocalName (part->reader);
}

gboolean
rapport_xlsx_part_ends (RapportXlsxPart *part,
                        const char      *name)
{
  g_assert (part != NULL && part->reader != NULL);

  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->reader), name) == 0;
}

gboolean
rapport_xlsx_part_is_empty (RapportXlsxPart *part)
{
  g_assert (part != NULL && part->reader != NULL);

  return xmlTextReaderIsEmptyElement (part->reader) == 1;
}

char *
rapport_xlsx_part_attribute (RapportXlsxPart *part,
                             const char      *name)
{
  xmlTextReaderPtr reader;
  char *value = NULL;

  g_assert (part != NULL && part->reader != NULL);
  g_assert (name != NULL);

  reader = part->reader;
  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (reader);

      if (xmlTextReaderIsNamespaceDecl (reader) != 1 && g_strcmp0 (local, name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);

  return value;
}

gboolean
rapport_xlsx_part_read_text (RapportXlsxPart  *part,
                             gboolean          rich,
                             GString          *text,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean in_text = !rich;
  gboolean phonetic = FALSE;
  int depth;

  g_assert (part != NULL && part->reader != NULL);
  g_assert (text != NULL);

  if (rapport_xlsx_part_is_empty (part))
    return TRUE;

  depth = xmlTextReaderDepth (part->reader);
  while (rapport_xlsx_part_next (part, &local_error))
    {
      const char *element = rapport_xlsx_part_element (part);

      switch (xmlTextReaderNodeType (part->reader))
        {
        case XML_READER_TYPE_END_ELEMENT:
          if (xmlTextReaderDepth (part->reader) == depth)
            return TRUE;
          if (rich && rapport_xlsx_part_ends (part, "t"))
            in_text = FALSE;
          else if (rich && rapport_xlsx_part_ends (part, "rPh"))
            phonetic = FALSE;
          break;

        case XML_READER_TYPE_ELEMENT:
          if (rich && !rapport_xlsx_part_is_empty (part))
            {
              if (strcmp (element, "t") == 0)
                in_text = TRUE;
              else if (strcmp (element, "rPh") == 0)
                phonetic = TRUE;
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (in_text && !phonetic)
            g_string_append (text, (const char *) xmlTextReaderConstValue (part->reader));
          break;

        default:
          break;
        }
    }

  /* The parser reports an element that never ends; this only guards the loop. */
  if (local_error == NULL)
    g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                 _("%s: %s ends inside an element"), part->book->name, part->entry);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
set_too_many (RapportXlsx  *self,
              const char   *entry,
              GError      **error)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
               _("%s: %s holds more than %u items, which no real export does; the file may be "
                 "damaged or malicious"),
               self->name, entry, self->cell_limit);
  return FALSE;
}

/* Reads the sheets' names and relationship ids (into @ids) from xl/workbook.xml. */
static gboolean
read_workbook (RapportXlsx  *self,
               GPtrArray    *ids,
               GError      **error)
{
  RapportXlsxPart part;
  g_autoptr(GError) local_error = NULL;

  if (!rapport_xlsx_part_open (&part, self, WORKBOOK_ENTRY, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                     _("%s: not a spreadsheet (the file has no %s)"), self->name,
                     WORKBOOK_ENTRY);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while (rapport_xlsx_part_next (&part, &local_error))
    {
      char *name;

      if (g_strcmp0 (rapport_xlsx_part_element (&part), "sheet") != 0)
        continue;
      if (self->sheet_names->len >= self->cell_limit)
        {
          rapport_xlsx_part_close (&part);
          return set_too_many (self, WORKBOOK_ENTRY, error);
        }

      name = rapport_xlsx_part_attribute (&part, "name");
      g_ptr_array_add (self->sheet_names, name != NULL ? name : g_strdup (""));
      /* r:id, in whichever namespace the file declares (or fails to). */
      g_ptr_array_add (ids, rapport_xlsx_part_attribute (&part, "id"));
    }
  rapport_xlsx_part_close (&part);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The entry a relationship's Target names: relative to xl/, or from the root with a '/'. */
static char *
resolve_target (const char *target)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autofree char *full = NULL;
  g_auto(GStrv) segments = NULL;

  full = target[0] == '/' ? g_strdup (target) : g_strconcat ("xl/", target, NULL);
  segments = g_strsplit (full, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_set_size (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }

  return path->len > 0 ? g_strjoinv ("/", (char **) path->pdata) : NULL;
}

/* Resolves each sheet's relationship id to its part, and finds the shared strings' part. */
static gboolean
read_relationships (RapportXlsx  *self,
                    GPtrArray    *ids,
                    GError      **error)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  RapportXlsxPart part;

  if (rapport_xlsx_part_open (&part, self, RELATIONSHIPS_ENTRY, &local_error))
    {
      while (rapport_xlsx_part_next (&part, &local_error))
        {
          g_autofree char *id = NULL;
          g_autofree char *target = NULL;
          g_autofree char *type = NULL;
          g_autofree char *mode = NULL;
          char *entry;

          if (g_strcmp0 (rapport_xlsx_part_element (&part), "Relationship") != 0)
            continue;
          if (g_hash_table_size (targets) >= self->cell_limit)
            {
              rapport_xlsx_part_close (&part);
              return set_too_many (self, RELATIONSHIPS_ENTRY, error);
            }

          id = rapport_xlsx_part_attribute (&part, "Id");
          target = rapport_xlsx_part_attribute (&part, "Target");
          type = rapport_xlsx_part_attribute (&part, "Type");
          mode = rapport_xlsx_part_attribute (&part, "TargetMode");
          if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0 ||
              g_hash_table_contains (targets, id) || (entry = resolve_target (target)) == NULL)
            continue;

          if (self->strings_entry == NULL && type != NULL &&
              g_str_has_suffix (type, "/sharedStrings"))
            self->strings_entry = g_strdup (entry);
          g_hash_table_insert (targets, g_steal_pointer (&id), entry);
        }
    }
  rapport_xlsx_part_close (&part);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *entry = id != NULL ? g_hash_table_lookup (targets, id) : NULL;

      g_ptr_array_add (self->sheet_entries, g_strdup (entry));
    }
  if (self->strings_entry == NULL)
    self->strings_entry = g_strdup (STRINGS_ENTRY);

  return TRUE;
}

gboolean
rapport_xlsx_load_strings (RapportXlsx  *self,
                           GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  RapportXlsxPart part;

  g_assert (self != NULL);

  if (self->strings != NULL)
    return TRUE;

  /* Web exporters write inline strings and no table at all. */
  if (rapport_xlsx_part_open (&part, self, self->strings_entry, &local_error))
    {
      while (rapport_xlsx_part_next (&part, &local_error))
        {
          if (g_strcmp0 (rapport_xlsx_part_element (&part), "si") != 0)
            continue;
          if (strings->len >= self->cell_limit)
            {
              rapport_xlsx_part_close (&part);
              return set_too_many (self, self->strings_entry, error);
            }

          g_string_truncate (text, 0);
          if (!rapport_xlsx_part_read_text (&part, TRUE, text, &local_error))
            break;
          g_ptr_array_add (strings, g_strndup (text->str, text->len));
        }
    }
  rapport_xlsx_part_close (&part);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->strings = g_steal_pointer (&strings);
  return TRUE;
}

/* The workbook in @bytes, or else in the file @path. */
static RapportXlsx *
open_book (GBytes      *bytes,
           const char  *path,
           const char  *name,
           GError     **error)
{
  static GOnce libxml_once = G_ONCE_INIT;
  g_autoptr(RapportXlsx) self = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_once (&libxml_once, init_libxml, NULL);

  self = g_new0 (RapportXlsx, 1);
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  self->path = g_strdup (path);
  self->name = g_strdup (name);
  self->part_limit = RAPPORT_XLSX_DEFAULT_PART_LIMIT;
  self->cell_limit = RAPPORT_XLSX_DEFAULT_CELL_LIMIT;
  self->sheet_names = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  self->sheet_entries = g_ptr_array_new_with_free_func (g_free);
  ids = g_ptr_array_new_with_free_func (g_free);

  if (!read_workbook (self, ids, error) || !read_relationships (self, ids, error))
    return NULL;

  return g_steal_pointer (&self);
}

RapportXlsx *
rapport_xlsx_open_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_book (bytes, NULL, name, error);
}

RapportXlsx *
rapport_xlsx_open_path (const char  *path,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (path);
  shown = g_filename_display_name (name);
  /* Opened once here, so that a file that cannot be read is told as before any part is. */
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                   _("%s: cannot be opened (%s)"), shown, local_error->message);
      return NULL;
    }
  /* An empty file is no zip, as libarchive says of the empty bytes. */
  if (g_mapped_file_get_length (file) == 0)
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

      return open_book (empty, NULL, name, error);
    }
  g_clear_pointer (&file, g_mapped_file_unref);

  return open_book (NULL, path, name, error);
}

gboolean
rapport_xlsx_archive_is_workbook (RapportArchive *archive)
{
  const char *path;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  /* An unpacked workbook (a folder) or several parts are not one file to reopen. */
  path = rapport_archive_get_path (archive);
  return rapport_archive_get_parts (archive) == NULL &&
         rapport_archive_find (archive, WORKBOOK_ENTRY) != NULL &&
         path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

RapportXlsx *
rapport_xlsx_open_in_archive (RapportArchive  *archive,
                              const char      *entry,
                              GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (entry == NULL)
    {
      if (!rapport_xlsx_archive_is_workbook (archive))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                       _("%s: not a spreadsheet (the file has no %s)"),
                       rapport_archive_get_name (archive), WORKBOOK_ENTRY);
          return NULL;
        }
      return rapport_xlsx_open_path (rapport_archive_get_path (archive), error);
    }

  if ((bytes = rapport_archive_read (archive, entry, NULL, error)) == NULL)
    return NULL;
  return rapport_xlsx_open_bytes (bytes, entry, error);
}

void
rapport_xlsx_free (RapportXlsx *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->path);
  g_free (self->name);
  g_ptr_array_unref (self->sheet_names);
  g_ptr_array_unref (self->sheet_entries);
  g_free (self->strings_entry);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free (self);
}

void
rapport_xlsx_set_limits (RapportXlsx *self,
                         guint64      max_part_bytes,
                         guint        max_cells)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_part_bytes > 0 && max_cells > 0);

  /* Text unpacked from UTF-16 XML takes up to one and a half times its bytes; a sheet's
   * texts are indexed with 32 bits. */
  self->part_limit = MIN (max_part_bytes, (guint64) G_MAXINT32);
  self->cell_limit = max_cells;
}

const char * const *
rapport_xlsx_get_sheet_names (RapportXlsx *self,
                              guint       *n_sheets)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_sheets != NULL)
    *n_sheets = self->sheet_names->len;
  return (const char * const *) self->sheet_names->pdata;
}

int
rapport_xlsx_find_sheet (RapportXlsx *self,
                         const char  *name)
{
  const char * const names[] = { name, NULL };

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  return rapport_csv_find_name ((const char * const *) self->sheet_names->pdata,
                                self->sheet_names->len, names);
}

gboolean
rapport_xlsx_parse_serial_date (const char *text,
                                gint64     *out)
{
  char *end = NULL;
  double serial;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;

  serial = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (serial) || serial < SERIAL_FIRST || serial >= SERIAL_END)
    return FALSE;

  *out = (gint64) llround (serial * 86400.0) - (gint64) SERIAL_UNIX_EPOCH * 86400;
  return TRUE;
}
