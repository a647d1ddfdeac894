/* rapport-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table of an analytics export read row by row, whether it came as a CSV file or as the
 * first sheet of an XLSX workbook (TikTok Studio writes both), so that an importer's row logic
 * exists once.  The first row that holds anything is the header, and columns are found by
 * name; rows without any text are passed over, as empty lines of a CSV are.
 */

#pragma once

#include <glib.h>

#include "import/rapport-archive.h"

G_BEGIN_DECLS

typedef struct _RapportTable RapportTable;

/* The file of the table @archive holds as @base_name.csv, else @base_name.xlsx, else the
 * archive itself when it is that workbook opened alone: its entry, or then the archive's
 * name; NULL when there is none. */
const char         *rapport_table_find               (RapportArchive     *archive,
                                                      const char         *base_name);
/* That table (of a workbook, its first sheet), its header read.  NULL with @error unset when
 * there is no such file or it holds no row; with @error set (naming the file) when it cannot
 * be read. */
RapportTable       *rapport_table_open               (RapportArchive     *archive,
                                                      const char         *base_name,
                                                      GError            **error);
void                rapport_table_free               (RapportTable       *self);

/* The file's name, for messages: the archive's entry, or the workbook's name. */
const char         *rapport_table_get_entry          (RapportTable       *self);
/* The header column named one of @names (NULL-terminated, the first found wins; case and
 * surrounding spaces ignored), or -1. */
int                 rapport_table_find_column        (RapportTable       *self,
                                                      const char * const *names);
/* Moves to the next row: FALSE at the end, or with @error set for a CSV quote that never
 * closes. */
gboolean            rapport_table_next               (RapportTable       *self,
                                                      GError            **error);
/* The current row's text in @column, or NULL when @column is -1 or the row has none there. */
const char         *rapport_table_get_column         (RapportTable       *self,
                                                      int                 column);
/* Where the current row is, for a skipped row's reason: "line 4" of a CSV file, "row 4" of a
 * sheet. */
char               *rapport_table_describe_row       (RapportTable       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTable, rapport_table_free)

G_END_DECLS
