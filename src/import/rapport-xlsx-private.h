/* rapport-xlsx-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the workbook (rapport-xlsx.c) and the sheet reader (rapport-xlsx-sheet.c): the
 * workbook's state and the streaming reader of one XML part of the zip.
 */

#pragma once

#include <archive.h>
#include <libxml/xmlreader.h>

#include "import/rapport-xlsx.h"

G_BEGIN_DECLS

struct _RapportXlsx
{
  GBytes *bytes;            /* the workbook's bytes, or NULL and: */
  char *path;               /* the file that holds it */
  char *name;
  guint64 part_limit;
  guint cell_limit;

  GPtrArray *sheet_names;   /* NULL-terminated */
  GPtrArray *sheet_entries; /* the part of each sheet, NULL where no relationship names one */
  char *strings_entry;
  GPtrArray *strings;       /* the shared strings, read with the first sheet */
};

/* One XML part read from the zip as it unpacks, never more than the part limit. */
typedef struct
{
  RapportXlsx *book;
  const char *entry;
  struct archive *archive;
  xmlTextReaderPtr reader;
  guint64 n_bytes;
  guint prolog_match;  /* how much of "<!DOCTYPE" the bytes before the root matched */
  gboolean prolog_done;
  gboolean has_doctype;
  gboolean too_large;
  char *archive_error;
  char *xml_error;
  int xml_line;
} RapportXlsxPart;

/* Opens @entry for reading.  FALSE with @error unset when the zip has no such entry. */
gboolean    rapport_xlsx_part_open      (RapportXlsxPart  *part,
                                         RapportXlsx      *book,
                                         const char       *entry,
                                         GError          **error);
/* Moves to the next node: FALSE at the end of the part, or with @error set (naming the
 * workbook and the part) for broken XML, a document type declaration, a damaged zip or a part
 * beyond the limit. */
gboolean    rapport_xlsx_part_next      (RapportXlsxPart  *part,
                                         GError          **error);
/* The local name of the current node when it is an element's start, else NULL. */
const char *rapport_xlsx_part_element   (RapportXlsxPart  *part);
/* TRUE when the current node is the end of the element @name. */
gboolean    rapport_xlsx_part_ends      (RapportXlsxPart  *part,
                                         const char       *name);
/* TRUE when the current element is empty (<c r="A1"/>): no end of it follows. */
gboolean    rapport_xlsx_part_is_empty  (RapportXlsxPart  *part);
/* The current element's attribute with the local name @name (any namespace), or NULL. */
char       *rapport_xlsx_part_attribute (RapportXlsxPart  *part,
                                         const char       *name);
/* Appends the text inside the current element to @text and moves to the element's end.  With
 * @rich, the element holds rich text (<si>, <is>): only the text of its <t> elements counts,
 * and not that of phonetic runs (<rPh>). */
gboolean    rapport_xlsx_part_read_text (RapportXlsxPart  *part,
                                         gboolean          rich,
                                         GString          *text,
                                         GError          **error);
void        rapport_xlsx_part_close     (RapportXlsxPart  *part);

/* Reads the shared strings, unless done already. */
gboolean    rapport_xlsx_load_strings   (RapportXlsx      *self,
                                         GError          **error);

G_END_DECLS
