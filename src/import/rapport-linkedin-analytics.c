/* rapport-linkedin-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheets are found by name and their tables by their header rows, since the rows above a
 * header hold notes that change between versions.  Newer files store every number as text;
 * both are read the same way.  What has no record to go into is not read: DISCOVERY's totals
 * of the period, ENGAGEMENT's impressions and engagements per day (they belong to no post, and
 * the store keeps no daily reach of an account) and the DEMOGRAPHICS sheets' percentages.
 *
 * TOP POSTS, the sheet that may be long, is read row by row, once for its header and once
 * for each of its side-by-side tables, so that a post is met in the order it always was: the
 * first table's rows, then the second's.  Each row's post goes to the sink as it is read, and
 * the store merges a post that both tables name; only the ids and days of the posts met before
 * the last table are kept, so that a later row of a post keeps the first row's date and URL.
 * A post named twice within the last table (LinkedIn's tables list each post once) merges the
 * store's way: the first date stays and a later URL replaces the first.  FOLLOWERS, a row a
 * day, is read whole.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"
#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-linkedin-analytics.h"
#include "import/rapport-linkedin-private.h"
#include "import/rapport-xlsx.h"

#define DAY G_GINT64_CONSTANT (86400)

/* How far down a sheet its header row or its total may be. */
#define HEADER_ROWS 20

/* TOP POSTS has two tables side by side; a few more are read, not thousands. */
#define MAX_TABLES 4

#define TOP_POSTS_SHEET "TOP POSTS"
#define FOLLOWERS_SHEET "FOLLOWERS"

/* A workbook is this export when it has at least two of these sheets: one may be missing. */
static const char * const known_sheets[] = {
  "DISCOVERY", "ENGAGEMENT", TOP_POSTS_SHEET, FOLLOWERS_SHEET, "DEMOGRAPHICS",
  "AUDIENCE DEMOGRAPHICS", "CONTENT DEMOGRAPHICS",
};

static const char * const url_names[] = { "Post URL", "Post link", NULL };
static const char * const publish_names[] = { "Post publish date", "Publish date", NULL };
static const char * const engagements_names[] = { "Engagements", NULL };
static const char * const impressions_names[] = { "Impressions", NULL };
static const char * const date_names[] = { "Date", NULL };
static const char * const new_followers_names[] = { "New followers", NULL };

typedef struct
{
  RapportImportSink *sink;
  GCancellable *cancellable;
  const char *file; /* the workbook's name, for messages */
  gint64 newest;    /* the newest day read, 0 for none */
  gint64 last_gain; /* the last day of the FOLLOWERS sheet's table, 0 for none */
} LinkedIn;

/* One of TOP POSTS' side-by-side tables: its columns, found in the header row. */
typedef struct
{
  guint url_column;
  int date_column;
  int engagements_column;
  int impressions_column;
} TopTable;

/* The posts met in TOP POSTS' tables before the last: the store merges their later rows, which
 * must not change the date and URL of the first.  Days of four-digit years fit an int. */
typedef struct
{
  GHashTable *days;  /* id → its day (created_at / DAY), as an int */
  GStringChunk *ids;
} TopSeen;

/* The workbooks that are this export: the archive itself, or its .xlsx entries.  Each holds
 * the entry's name, NULL for the archive. */
typedef struct
{
  char *entry;
  RapportXlsx *book;
} Book;

static void
book_free (Book *book)
{
  g_free (book->entry);
  rapport_xlsx_free (book->book);
  g_free (book);
}

static gboolean
is_linkedin_book (RapportXlsx *book)
{
  guint n_found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (known_sheets); i++)
    if (rapport_xlsx_find_sheet (book, known_sheets[i]) >= 0)
      n_found++;
  return n_found >= 2;
}

static void
add_book (GPtrArray      *books,
          RapportArchive *archive,
          const char     *entry)
{
  g_autoptr(RapportXlsx) xlsx = rapport_xlsx_open_in_archive (archive, entry, NULL);
  Book *book;

  if (xlsx == NULL || !is_linkedin_book (xlsx))
    return;
  book = g_new0 (Book, 1);
  book->entry = g_strdup (entry);
  book->book = g_steal_pointer (&xlsx);
  g_ptr_array_add (books, book);
}

static GPtrArray *
find_books (RapportArchive *archive)
{
  GPtrArray *books = g_ptr_array_new_with_free_func ((GDestroyNotify) book_free);
  g_autoptr(GPtrArray) entries = NULL;

  if (rapport_xlsx_archive_is_workbook (archive))
    {
      add_book (books, archive, NULL);
      return books;
    }
  entries = rapport_archive_find_all (archive, NULL, "*.xlsx");
  for (guint i = 0; i < entries->len; i++)
    add_book (books, archive, g_ptr_array_index (entries, i));
  return books;
}

gboolean
rapport_linkedin_analytics_recognizes (RapportArchive *archive)
{
  g_autoptr(GPtrArray) books = NULL;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  books = find_books (archive);
  return books->len > 0;
}

static void
skip (LinkedIn   *self,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

/* A record that could not be read, with a reason that says where. */
static void
skip (LinkedIn   *self,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  rapport_import_sink_skip (self->sink, self->file, reason);
}

/* A day as the sheets write it, as midnight UTC: "5/31/2026" as text, "2026-05-31", or an
 * Excel serial date in a number cell. */
static gboolean
parse_day (const char *text,
           gint64     *out)
{
  gint64 at;

  if (text == NULL)
    return FALSE;
  if (!rapport_date_parse_us (text, &at) && !rapport_date_parse_naive_utc (text, &at) &&
      !rapport_xlsx_parse_serial_date (text, &at))
    return FALSE;
  *out = at - (((at % DAY) + DAY) % DAY);
  return TRUE;
}

static void
note_day (LinkedIn *self,
          gint64    day)
{
  if (day > self->newest && day <= rapport_time_max ())
    self->newest = day;
}

/* The first row within HEADER_ROWS whose cells name one of @first and one of @second, or -1;
 * *@column is then the column of @first. */
static int
find_header (RapportSheet       *sheet,
             const char * const *first,
             const char * const *second,
             int                *column)
{
  guint n_rows = MIN (rapport_sheet_get_n_rows (sheet), HEADER_ROWS);

  for (guint row = 0; row < n_rows; row++)
    {
      int found = rapport_sheet_find_column (sheet, row, first);

      if (found >= 0 && rapport_sheet_find_column (sheet, row, second) >= 0)
        {
          *column = found;
          return (int) row;
        }
    }
  return -1;
}

/* The column of the current row from @first to before @end whose header is one of @names, or
 * -1. */
static int
find_in_span (RapportSheetReader *rows,
              guint               first,
              guint               end,
              const char * const *names)
{
  g_autofree const char **texts = NULL;
  int found;

  if (end <= first)
    return -1;
  texts = g_new0 (const char *, end - first);
  for (guint column = first; column < end; column++)
    texts[column - first] = rapport_sheet_reader_get_text (rows, column);
  found = rapport_csv_find_name (texts, end - first, names);
  return found >= 0 ? found + (int) first : -1;
}

/* The row of @rows that is TOP POSTS' header, within HEADER_ROWS: its tables into @tables,
 * each starting at a "Post URL" column and ending where the next one starts.  FALSE when
 * there is none, or with @error set when the sheet cannot be read. */
static gboolean
read_top_header (RapportSheetReader  *rows,
                 guint               *header,
                 GArray              *tables,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  while (rapport_sheet_reader_next (rows, &local_error))
    {
      guint n_columns = rapport_sheet_reader_get_n_columns (rows);
      int first_url;
      guint column;

      if (rapport_sheet_reader_get_row (rows) >= HEADER_ROWS)
        break;
      if ((first_url = rapport_sheet_reader_find_column (rows, url_names)) < 0 ||
          rapport_sheet_reader_find_column (rows, publish_names) < 0)
        continue;

      *header = rapport_sheet_reader_get_row (rows);
      for (column = (guint) first_url; column < n_columns && tables->len < MAX_TABLES;)
        {
          int next = find_in_span (rows, column + 1, n_columns, url_names);
          guint end = next >= 0 ? (guint) next : n_columns;
          TopTable table = {
            column,
            find_in_span (rows, column, end, publish_names),
            find_in_span (rows, column, end, engagements_names),
            find_in_span (rows, column, end, impressions_names),
          };

          g_array_append_val (tables, table);
          column = end;
        }
      return TRUE;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* One row of one of the side-by-side tables, its post handed to the sink; a post met in an
 * earlier row keeps that row's date and URL and takes this row's figures, so that a post in
 * both tables gets both.  Noted in @seen unless @last. */
static gboolean
read_top_row (LinkedIn            *self,
              RapportSheetReader  *rows,
              const TopTable      *table,
              TopSeen             *seen,
              gboolean             last,
              GError             **error)
{
  const char *url = rapport_sheet_reader_get_text (rows, table->url_column);
  const char *date = table->date_column >= 0
                     ? rapport_sheet_reader_get_text (rows, (guint) table->date_column) : NULL;
  guint row = rapport_sheet_reader_get_row (rows);
  g_autofree char *valid_url = NULL;
  g_autofree char *id = NULL;
  gpointer day;
  RapportPost post;

  /* The shorter table ends before the other one. */
  if (rapport_value_is_missing (url))
    return TRUE;
  if ((id = rapport_linkedin_post_id (url)) == NULL)
    {
      skip (self, _("%s row %u: no post id in the URL"), rapport_sheet_reader_get_name (rows),
            row + 1);
      return TRUE;
    }

  rapport_post_init (&post);
  post.platform_id = id;
  post.type = RAPPORT_POST_TEXT;
  /* The sheet gives the publish date only: an exact time of the same post wins. */
  post.day_only = TRUE;
  if (g_hash_table_lookup_extended (seen->days, id, NULL, &day))
    {
      /* Met before: no URL, which the store then keeps, and the first row's date. */
      post.created_at = (gint64) GPOINTER_TO_INT (day) * DAY;
    }
  else
    {
      if (!parse_day (date, &post.created_at))
        {
          g_autofree char *quoted = rapport_text_excerpt (date);

          skip (self, _("%s row %u: no readable publish date (“%s”)"),
                rapport_sheet_reader_get_name (rows), row + 1, quoted);
          return TRUE;
        }
      valid_url = g_strstrip (g_utf8_make_valid (url, -1));
      post.url = valid_url;
      note_day (self, post.created_at);
      if (!last)
        g_hash_table_insert (seen->days, g_string_chunk_insert (seen->ids, id),
                             GINT_TO_POINTER ((int) (post.created_at / DAY)));
    }

  if (table->engagements_column >= 0)
    post.engagements = rapport_count_or_unknown (
      rapport_sheet_reader_get_text (rows, (guint) table->engagements_column));
  if (table->impressions_column >= 0)
    post.impressions = rapport_count_or_unknown (
      rapport_sheet_reader_get_text (rows, (guint) table->impressions_column));
  return rapport_import_sink_add_post (self->sink, &post, error);
}

/* The rows below the header of one table of the sheet at @index of @book. */
static gboolean
read_top_table (LinkedIn        *self,
                RapportXlsx     *book,
                guint            index,
                guint            header,
                const TopTable  *table,
                TopSeen         *seen,
                gboolean         last,
                GError         **error)
{
  g_autoptr(RapportSheetReader) rows = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((rows = rapport_xlsx_read_rows (book, index, error)) == NULL)
    return FALSE;
  while (rapport_sheet_reader_next (rows, &local_error))
    if (rapport_sheet_reader_get_row (rows) > header &&
        !read_top_row (self, rows, table, seen, last, error))
      return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_top_posts (LinkedIn      *self,
                  RapportXlsx   *book,
                  guint          index,
                  GError       **error)
{
  g_autoptr(RapportSheetReader) rows = NULL;
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (TopTable));
  g_autoptr(GHashTable) days = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) ids = g_string_chunk_new (16 * 1024);
  g_autoptr(GError) local_error = NULL;
  TopSeen seen = { days, ids };
  guint header = 0;

  if ((rows = rapport_xlsx_read_rows (book, index, error)) == NULL)
    return FALSE;
  if (!read_top_header (rows, &header, tables, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      skip (self, _("the sheet %s has no header row with “Post URL”"),
            rapport_sheet_reader_get_name (rows));
      return TRUE;
    }
  g_clear_pointer (&rows, rapport_sheet_reader_free);

  for (guint i = 0; i < tables->len; i++)
    if (!read_top_table (self, book, index, header, &g_array_index (tables, TopTable, i), &seen,
                         i + 1 == tables->len, error))
      return FALSE;
  return TRUE;
}

/* The total's figure after the date in "Total followers on 5/31/2026: 1,234", else in the next
 * cell that holds one, to the right or below. */
static gint64
read_total_count (RapportSheet *sheet,
                  guint         row,
                  guint         column,
                  const char   *after_date)
{
  const char *colon = strchr (after_date, ':');
  gint64 count;

  if (colon != NULL && !rapport_value_is_missing (colon + 1))
    return rapport_count_or_unknown (colon + 1);
  for (guint right = column + 1; right < column + 4; right++)
    {
      const char *text = rapport_sheet_get_text (sheet, row, right);

      if (!rapport_value_is_missing (text))
        return rapport_count_or_unknown (text);
    }
  count = rapport_count_or_unknown (rapport_sheet_get_text (sheet, row + 1, column));
  return count;
}

/* "Total followers on M/D/YYYY" in a cell near the top, and the figure with it. */
static gboolean
import_total (LinkedIn      *self,
              RapportSheet  *sheet,
              GError       **error)
{
  static const char label[] = "Total followers";
  guint n_rows = MIN (rapport_sheet_get_n_rows (sheet), HEADER_ROWS);
  guint n_columns = MIN (rapport_sheet_get_n_columns (sheet), 8);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        const char *text = rapport_sheet_get_text (sheet, row, column);
        g_autofree char *date = NULL;
        const char *on;
        RapportFollowerCount count = { 0, 0, RAPPORT_COUNT_SOURCE_ANALYTICS };

        if (text == NULL)
          continue;
        while (g_ascii_isspace (*text))
          text++;
        if (g_ascii_strncasecmp (text, label, strlen (label)) != 0)
          continue;

        on = text + strlen (label);
        while (g_ascii_isspace (*on))
          on++;
        if (g_ascii_strncasecmp (on, "on ", 3) == 0)
          on += 3;
        date = g_strndup (on, strcspn (on, ":"));
        count.count = read_total_count (sheet, row, column, on);
        /* "Total followers: 1,234" counts them on the table's last day. */
        if (!parse_day (date, &count.at) && rapport_value_is_missing (date))
          count.at = self->last_gain;
        if (count.at == 0 || count.count == RAPPORT_COUNT_UNKNOWN)
          {
            g_autofree char *shown = rapport_text_excerpt (text);

            skip (self, _("%s row %u: no readable follower total (“%s”)"),
                  rapport_sheet_get_name (sheet), row + 1, shown);
            return TRUE;
          }
        note_day (self, count.at);
        return rapport_import_sink_add_follower_count (self->sink, &count, error);
      }

  skip (self, _("the sheet %s has no follower total"), rapport_sheet_get_name (sheet));
  return TRUE;
}

/* The table "Date, New followers" below the total: each day's gain, the losses not told. */
static gboolean
import_new_followers (LinkedIn      *self,
                      RapportSheet  *sheet,
                      GError       **error)
{
  guint n_rows = rapport_sheet_get_n_rows (sheet);
  int date_column, gained_column, header;

  header = find_header (sheet, date_names, new_followers_names, &date_column);
  if (header < 0)
    {
      skip (self, _("the sheet %s has no header row with “New followers”"),
            rapport_sheet_get_name (sheet));
      return TRUE;
    }
  gained_column = rapport_sheet_find_column (sheet, (guint) header, new_followers_names);

  for (guint row = rapport_sheet_find_row (sheet, (guint) header + 1); row < n_rows;
       row = rapport_sheet_find_row (sheet, row + 1))
    {
      const char *date = rapport_sheet_get_text (sheet, row, (guint) date_column);
      const char *gained = rapport_sheet_get_text (sheet, row, (guint) gained_column);
      RapportFollowerGain gain = { 0, RAPPORT_COUNT_UNKNOWN, RAPPORT_COUNT_UNKNOWN };

      if (rapport_value_is_missing (date) && rapport_value_is_missing (gained))
        continue;
      if (!parse_day (date, &gain.day))
        {
          g_autofree char *quoted = rapport_text_excerpt (date);

          skip (self, _("%s row %u: no readable date (“%s”)"), rapport_sheet_get_name (sheet),
                row + 1, quoted);
          continue;
        }
      note_day (self, gain.day);
      self->last_gain = MAX (self->last_gain, gain.day);
      /* A day without a figure is no gain of zero. */
      if (rapport_value_is_missing (gained))
        continue;
      if ((gain.gained = rapport_count_or_unknown (gained)) == RAPPORT_COUNT_UNKNOWN)
        {
          g_autofree char *quoted = rapport_text_excerpt (gained);

          skip (self, _("%s row %u: no readable number of new followers (“%s”)"),
                rapport_sheet_get_name (sheet), row + 1, quoted);
          continue;
        }
      if (!rapport_import_sink_add_follower_gain (self->sink, &gain, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_followers (LinkedIn      *self,
                  RapportXlsx   *book,
                  guint          index,
                  GError       **error)
{
  g_autoptr(RapportSheet) sheet = NULL;

  if ((sheet = rapport_xlsx_read_sheet (book, index, error)) == NULL)
    return FALSE;
  if (rapport_sheet_get_n_rows (sheet) == 0)
    {
      skip (self, _("the sheet %s is empty"), rapport_sheet_get_name (sheet));
      return TRUE;
    }
  self->last_gain = 0;
  return import_new_followers (self, sheet, error) && import_total (self, sheet, error);
}

/* Reads the sheet @name of @book with @func; a missing sheet is told, not an error. */
static gboolean
import_sheet (LinkedIn      *self,
              RapportXlsx   *book,
              const char    *name,
              gboolean     (*func) (LinkedIn *, RapportXlsx *, guint, GError **),
              GError       **error)
{
  int index = rapport_xlsx_find_sheet (book, name);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (index < 0)
    {
      skip (self, _("no sheet %s"), name);
      return TRUE;
    }
  return func (self, book, (guint) index, error);
}

/* Whose analytics these are: the name in an AggregateAnalytics file's name, else the user in
 * the name of the archive that holds the files, else a stand-in. */
static gboolean
set_account (RapportArchive     *archive,
             RapportImportSink  *sink,
             GPtrArray          *books,
             GError            **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_LINKEDIN, NULL, NULL, NULL, TRUE };
  g_autofree char *person = NULL;
  g_autofree char *user = NULL;

  for (guint i = 0; i < books->len && person == NULL; i++)
    {
      const Book *book = g_ptr_array_index (books, i);
      const char *name = book->entry != NULL ? book->entry : rapport_archive_get_name (archive);

      person = rapport_export_name_get_person (strrchr (name, '/') != NULL
                                               ? strrchr (name, '/') + 1 : name,
                                               "AggregateAnalytics");
    }

  if (person != NULL)
    {
      /* A display name, not a handle: the account stays provisional until a file names it. */
      account.handle = account.display_name = person;
    }
  else if ((user = rapport_export_name_get_user (rapport_archive_get_name (archive),
                                                 "linkedin")) != NULL)
    {
      account.handle = user;
      account.provisional = FALSE;
    }
  else
    {
      /* The older files name no one, and each covers one period: one stand-in keeps the
       * periods of the one member together. */
      account.handle = "LinkedIn";
    }
  return rapport_import_sink_set_account (sink, &account, error);
}

/* The end of the period the workbooks' names give: the last date among the parts of a name
 * ("Content_2024-05-01_2024-05-31.xlsx" → 2024-05-31), the latest of all the names; 0 when
 * none gives one. */
static gint64
date_from_names (RapportArchive *archive,
                 GPtrArray      *books)
{
  gint64 latest = 0;

  for (guint i = 0; i < books->len; i++)
    {
      const Book *book = g_ptr_array_index (books, i);
      g_autofree char *name = NULL;
      g_auto(GStrv) parts = NULL;

      name = rapport_export_name_strip (book->entry != NULL ? book->entry
                                                           : rapport_archive_get_name (archive));
      parts = g_strsplit (name != NULL ? name : "", "_", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          gint64 day;

          if (rapport_date_find_in_name (parts[j], &day) && day > latest)
            latest = day;
        }
    }
  return latest;
}

gboolean
rapport_linkedin_analytics_import (RapportArchive     *archive,
                                   RapportImportSink  *sink,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  g_autoptr(GPtrArray) books = NULL;
  LinkedIn self = { sink, cancellable, NULL, 0, 0 };
  RapportDateSource date_source;
  gint64 exported_at;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  books = find_books (archive);
  if (books->len == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no workbook of LinkedIn's creator analytics in it (with the "
                     "sheets TOP POSTS and FOLLOWERS)"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }
  if (!set_account (archive, sink, books, error))
    return FALSE;

  for (guint i = 0; i < books->len; i++)
    {
      const Book *book = g_ptr_array_index (books, i);

      self.file = book->entry != NULL ? book->entry : rapport_archive_get_name (archive);
      if (!import_sheet (&self, book->book, TOP_POSTS_SHEET, import_top_posts, error) ||
          !import_sheet (&self, book->book, FOLLOWERS_SHEET, import_followers, error))
        return FALSE;
    }

  /* The period ends on the day of the export; its total is counted that day. */
  date_source = rapport_export_name_choose_date (date_from_names (archive, books), self.newest,
                                                 rapport_archive_get_mtime (archive),
                                                 &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
