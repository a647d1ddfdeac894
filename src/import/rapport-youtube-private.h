/* rapport-youtube-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Takeout and the Studio readers share: video ids, times, and a CSV table read row by
 * row with progress, cancellation and skips that name the line.
 */

#pragma once

#include "import/rapport-csv.h"
#include "import/rapport-youtube-importer.h"

G_BEGIN_DECLS

#define NAMES(...) ((const char * const[]) { __VA_ARGS__, NULL })

typedef struct
{
  RapportImportSink *sink;
  GCancellable *cancellable;
  RapportCsvReader *reader;
  const char *entry; /* owned by the archive */
  guint64 n_rows;
} RapportYoutubeTable;

/* Whether @text is a video id: eleven letters, digits, '-' or '_'. */
gboolean    rapport_youtube_is_video_id  (const char           *text);
/* "https://www.youtube.com/watch?v=<id>" for a valid id. */
char       *rapport_youtube_video_url    (const char           *id);
/* A time or a day as YouTube's exports write them, in UTC: ISO 8601 ("2023-05-01T12:34:56Z",
 * Takeout), "2024-09-27", "Sep 27, 2024" (Studio) or "27-09-2024" (a file re-saved by a
 * spreadsheet program).  FALSE for anything else. */
gboolean    rapport_youtube_parse_time   (const char           *text,
                                          gint64               *out);

/* Opens @entry of @archive at its header; FALSE when the file cannot be read (@error set) or
 * has no header (FALSE without @error). */
gboolean    rapport_youtube_table_open   (RapportYoutubeTable  *table,
                                          RapportArchive       *archive,
                                          const char           *entry,
                                          GError              **error);
void        rapport_youtube_table_clear  (RapportYoutubeTable  *table);
int         rapport_youtube_table_column (RapportYoutubeTable  *table,
                                          const char * const   *names);
/* The next row that has any text, reporting progress and looking at the cancellable now and
 * then; FALSE at the end, or with @error set. */
gboolean    rapport_youtube_table_next   (RapportYoutubeTable  *table,
                                          GError              **error);
/* The field of @column, or NULL where the row has no value (rapport_value_is_missing()). */
const char *rapport_youtube_table_text   (RapportYoutubeTable  *table,
                                          int                   column);
/* Skips the current row: "line 4: no readable date (“Smarch 3”)". */
void        rapport_youtube_table_skip   (RapportYoutubeTable  *table,
                                          const char           *what,
                                          const char           *value);

G_END_DECLS
