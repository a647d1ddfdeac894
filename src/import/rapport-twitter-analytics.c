/* rapport-twitter-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * X's analytics exports since 2025 (analytics.x.com, or Premium → Analytics → Export data),
 * found by their header whatever the files are called: the content export, a row per post,
 * and the account overview, a row per day.  The content export dates a post to the day only,
 * so its posts are marked RapportPost.day_only and the archive's exact time of the same post
 * stays.  The overview's follows and unfollows become daily gains.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-numbers.h"
#include "core/rapport-text.h"
#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-twitter-private.h"

#define DAY G_GINT64_CONSTANT (86400)

/* X's ids have at most 19 digits, and its user names at most 15 characters. */
#define MAX_ID_DIGITS 19
#define MAX_HANDLE_CHARS 15

#define NAMES(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* The early-2025 files say "Link", the later ones "Post Link". */
static const char * const link_names[] = { "Post Link", "Link", NULL };

/* The columns read, by their index in the tables of names below. */
enum
{
  CONTENT_ID,
  CONTENT_DATE,
  CONTENT_TEXT,
  CONTENT_LINK,
  CONTENT_IMPRESSIONS,
  CONTENT_LIKES,
  CONTENT_ENGAGEMENTS,
  CONTENT_BOOKMARKS,
  CONTENT_FOLLOWS,
  CONTENT_REPLIES,
  CONTENT_REPOSTS,
  N_COLUMNS,

  OVERVIEW_DATE = 0,
  OVERVIEW_GAINED,
  OVERVIEW_LOST,
};

static const char * const *content_names[N_COLUMNS] = {
  [CONTENT_ID] = NAMES ("Post id"),
  [CONTENT_DATE] = NAMES ("Date"),
  [CONTENT_TEXT] = NAMES ("Post text"),
  [CONTENT_LINK] = link_names,
  [CONTENT_IMPRESSIONS] = NAMES ("Impressions"),
  [CONTENT_LIKES] = NAMES ("Likes"),
  [CONTENT_ENGAGEMENTS] = NAMES ("Engagements"),
  [CONTENT_BOOKMARKS] = NAMES ("Bookmarks"),
  [CONTENT_FOLLOWS] = NAMES ("New follows"),
  [CONTENT_REPLIES] = NAMES ("Replies"),
  [CONTENT_REPOSTS] = NAMES ("Reposts"),
};

static const char * const *overview_names[N_COLUMNS] = {
  [OVERVIEW_DATE] = NAMES ("Date"),
  [OVERVIEW_GAINED] = NAMES ("New follows"),
  [OVERVIEW_LOST] = NAMES ("Unfollows"),
};

static gboolean
has_columns (RapportCsvReader   *reader,
             const char * const *names[],
             const int          *wanted,
             guint               n_wanted)
{
  for (guint i = 0; i < n_wanted; i++)
    {
      if (rapport_csv_reader_find_column_any (reader, names[wanted[i]]) < 0)
        return FALSE;
    }
  return TRUE;
}

/* The header of a content export: the classic file (tweet_activity_metrics_*.csv) says
 * "Tweet id", and Meta's post files say "Permalink". */
static gboolean
is_content_header (RapportCsvReader *reader)
{
  static const int wanted[] = {
    CONTENT_ID, CONTENT_DATE, CONTENT_LINK, CONTENT_IMPRESSIONS,
  };

  return has_columns (reader, content_names, wanted, G_N_ELEMENTS (wanted));
}

static gboolean
is_overview_header (RapportCsvReader *reader)
{
  static const int wanted[] = { OVERVIEW_DATE, OVERVIEW_GAINED, OVERVIEW_LOST };

  return !is_content_header (reader) &&
         has_columns (reader, overview_names, wanted, G_N_ELEMENTS (wanted));
}

/* A reader past the header of @entry; NULL when the entry cannot be read (with @error set)
 * or has no header. */
static RapportCsvReader *
open_csv (RapportArchive  *archive,
          const char      *entry,
          GError         **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;

  if (!(reader = rapport_csv_reader_open (archive, entry, RAPPORT_CSV_DEFAULT, NULL, error)))
    return NULL;
  if (!rapport_csv_reader_read_header (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

/* Sorts the CSV files of @archive into content exports and overviews. */
static void
find_exports (RapportArchive *archive,
              GPtrArray      *contents,
              GPtrArray      *overviews)
{
  g_autoptr(GPtrArray) csvs = rapport_archive_find_all (archive, NULL, "*.csv");

  for (guint i = 0; i < csvs->len; i++)
    {
      const char *entry = g_ptr_array_index (csvs, i);
      g_autoptr(RapportCsvReader) reader = open_csv (archive, entry, NULL);

      if (reader == NULL)
        continue;
      if (is_content_header (reader))
        g_ptr_array_add (contents, (gpointer) entry);
      else if (is_overview_header (reader))
        g_ptr_array_add (overviews, (gpointer) entry);
    }
}

gboolean
rapport_twitter_analytics_recognizes (RapportArchive *archive)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  find_exports (archive, found, found);
  return found->len > 0;
}

void
rapport_twitter_find_exports (RapportTwitterImport *self)
{
  self->contents = g_ptr_array_new ();
  self->overviews = g_ptr_array_new ();
  find_exports (self->archive, self->contents, self->overviews);
}

/* The user name in a post's address, https://x.com/<user>/status/<id> (also on twitter.com,
 * with or without www. or mobile.); NULL for anything else, and for x.com/i/status/<id>,
 * which names no one. */
static char *
user_of_link (const char *link)
{
  static const char * const hosts[] = {
    "x.com/", "twitter.com/", "www.x.com/", "www.twitter.com/", "mobile.x.com/",
    "mobile.twitter.com/",
  };
  const char *p;
  gsize len;
  gboolean known_host = FALSE;

  if (link == NULL)
    return NULL;
  p = link + strspn (link, " ");
  if (g_ascii_strncasecmp (p, "https://", strlen ("https://")) == 0)
    p += strlen ("https://");
  else if (g_ascii_strncasecmp (p, "http://", strlen ("http://")) == 0)
    p += strlen ("http://");

  for (guint i = 0; i < G_N_ELEMENTS (hosts) && !known_host; i++)
    {
      if (g_ascii_strncasecmp (p, hosts[i], strlen (hosts[i])) == 0)
        {
          p += strlen (hosts[i]);
          known_host = TRUE;
        }
    }
  if (!known_host)
    return NULL;

  len = strspn (p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
  if (len == 0 || len > MAX_HANDLE_CHARS ||
      g_ascii_strncasecmp (p + len, "/status/", strlen ("/status/")) != 0 ||
      (len == 1 && g_ascii_tolower (p[0]) == 'i'))
    return NULL;
  return g_strndup (p, len);
}

/* The user of the first post address in the content exports. */
static char *
user_of_contents (RapportTwitterImport *self)
{
  for (guint i = 0; i < self->contents->len; i++)
    {
      const char *entry = g_ptr_array_index (self->contents, i);
      g_autoptr(RapportCsvReader) reader = open_csv (self->archive, entry, NULL);
      int column;

      if (reader == NULL)
        continue;
      column = rapport_csv_reader_find_column_any (reader, link_names);
      while (rapport_csv_reader_next (reader, NULL))
        {
          char *user = user_of_link (rapport_csv_reader_get_column (reader, column));

          if (user != NULL)
            return user;
        }
    }
  return NULL;
}

/* The first export's name, which may say whose export it is and when it was made. */
static char *
export_name (RapportTwitterImport *self)
{
  const char *entry = self->contents->len > 0 ? g_ptr_array_index (self->contents, 0)
                                              : g_ptr_array_index (self->overviews, 0);

  return rapport_export_name_of_archive (self->archive, entry);
}

char *
rapport_twitter_exports_user (RapportTwitterImport *self)
{
  g_autofree char *name = NULL;
  char *user;

  if (self->contents->len == 0 && self->overviews->len == 0)
    return NULL;
  if ((user = user_of_contents (self)) != NULL)
    return user;

  /* An overview names no one: the export's name may. */
  name = export_name (self);
  if ((user = rapport_export_name_get_user (name, "x")) != NULL)
    return user;
  return rapport_export_name_get_user (name, "twitter");
}

static gboolean
is_weekday (const char *text,
            gsize       len)
{
  static const char * const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  };

  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      if ((len == 3 || len == strlen (weekdays[i])) &&
          g_ascii_strncasecmp (text, weekdays[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "Sat, Aug 15, 2026" since mid-2025, "Mon Feb 17 2025" before: the weekday, which is not
 * checked, then the day as Meta's text dates write it; "2026-08-15" too.  00:00 UTC of that
 * day. */
static gboolean
parse_day (const char *text,
           gint64     *out)
{
  const char *p;
  gsize len;
  gint64 at;

  if (rapport_value_is_missing (text))
    return FALSE;
  p = text + strspn (text, " ");
  len = strspn (p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  if (is_weekday (p, len))
    {
      p += len;
      if (*p == ',')
        p++;
    }
  if (!rapport_date_parse_meta_text (p, &at) && !rapport_date_parse_naive_utc (p, &at))
    return FALSE;
  *out = at - ((at % DAY) + DAY) % DAY;
  return TRUE;
}

/* Names a row that cannot be read, quoting the start of the value at fault. */
static void
skip_row (RapportTwitterImport *self,
          RapportCsvReader     *reader,
          const char           *what,
          const char           *value)
{
  g_autofree char *quoted = rapport_text_excerpt (value);

  /* TRANSLATORS: "line 4: no readable date (“Smarch 3”)" */
  rapport_twitter_skip_record (self, _("line %u: %s (“%s”)"),
                               rapport_csv_reader_get_line (reader), what, quoted);
}

static void
note_day (RapportTwitterImport *self,
          gint64                day)
{
  if (day > self->newest && rapport_time_is_valid (day))
    self->newest = day;
}

/* Reads one row of a file whose columns @columns found; FALSE with @error set stops the
 * import, a row that cannot be read is skipped. */
typedef gboolean (*ReadRowFunc) (RapportTwitterImport  *self,
                                 RapportCsvReader      *reader,
                                 const int             *columns,
                                 GError               **error);

static gboolean
import_content_row (RapportTwitterImport  *self,
                    RapportCsvReader      *reader,
                    const int             *columns,
                    GError               **error)
{
  g_autofree char *id = NULL;
  g_autofree char *link_user = NULL;
  const char *raw_id = rapport_csv_reader_get_column (reader, columns[CONTENT_ID]);
  const char *date = rapport_csv_reader_get_column (reader, columns[CONTENT_DATE]);
  RapportPost post;
  gsize n_digits;

  if (rapport_value_is_missing (raw_id))
    {
      rapport_twitter_skip_record (self, _("the row on line %u has no post id"),
                                   rapport_csv_reader_get_line (reader));
      return TRUE;
    }
  /* The archive keys posts by X's numeric ids: anything else would never join. */
  id = g_strstrip (g_strdup (raw_id));
  n_digits = strspn (id, "0123456789");
  if (n_digits == 0 || n_digits > MAX_ID_DIGITS || id[n_digits] != '\0')
    {
      skip_row (self, reader, _("the post id is not a number"), raw_id);
      return TRUE;
    }

  rapport_post_init (&post);
  post.platform_id = id;
  if (!parse_day (date, &post.created_at))
    {
      skip_row (self, reader, _("no readable date"), date);
      return TRUE;
    }
  post.day_only = TRUE;
  note_day (self, post.created_at);

  /* Reposts are what the archive counts as retweet_count, so they are the shares.  X's own
   * "Shares" (sent by message or link), profile visits, detail expands and clicks have no
   * field of a post and are not stored. */
  post.impressions = rapport_csv_reader_get_count (reader, columns[CONTENT_IMPRESSIONS]);
  post.likes = rapport_csv_reader_get_count (reader, columns[CONTENT_LIKES]);
  post.engagements = rapport_csv_reader_get_count (reader, columns[CONTENT_ENGAGEMENTS]);
  post.saves = rapport_csv_reader_get_count (reader, columns[CONTENT_BOOKMARKS]);
  post.follows = rapport_csv_reader_get_count (reader, columns[CONTENT_FOLLOWS]);
  post.replies = rapport_csv_reader_get_count (reader, columns[CONTENT_REPLIES]);
  post.shares = rapport_csv_reader_get_count (reader, columns[CONTENT_REPOSTS]);

  /* The address is made again from the user and the id, so no other address is stored. */
  link_user = user_of_link (rapport_csv_reader_get_column (reader, columns[CONTENT_LINK]));
  return rapport_twitter_add_analytics_post (self, &post,
                                             rapport_csv_reader_get_column (reader,
                                                                            columns[CONTENT_TEXT]),
                                             NULL,
                                             link_user != NULL ? link_user : self->username,
                                             error);
}

/* A count of the overview: unknown when missing; FALSE, with the row skipped, when it cannot
 * be read. */
static gboolean
get_gain_count (RapportTwitterImport *self,
                RapportCsvReader     *reader,
                int                   column,
                const char           *what,
                gint64               *out)
{
  const char *value = rapport_csv_reader_get_column (reader, column);

  *out = RAPPORT_COUNT_UNKNOWN;
  if (rapport_value_is_missing (value))
    return TRUE;
  if (!rapport_parse_count (value, out))
    {
      skip_row (self, reader, what, value);
      return FALSE;
    }
  return TRUE;
}

/* The overview's daily impressions, likes and other sums have no home per post, nor any of
 * their own: only the follows and unfollows are read. */
static gboolean
import_overview_row (RapportTwitterImport  *self,
                     RapportCsvReader      *reader,
                     const int             *columns,
                     GError               **error)
{
  const char *date = rapport_csv_reader_get_column (reader, columns[OVERVIEW_DATE]);
  RapportFollowerGain gain;

  if (!parse_day (date, &gain.day))
    {
      skip_row (self, reader, _("no readable date"), date);
      return TRUE;
    }
  if (!get_gain_count (self, reader, columns[OVERVIEW_GAINED],
                       _("no readable count of new follows"), &gain.gained) ||
      !get_gain_count (self, reader, columns[OVERVIEW_LOST],
                       _("no readable count of unfollows"), &gain.lost))
    return TRUE;
  note_day (self, gain.day);

  /* A day without either figure is no change of the series. */
  if (gain.gained == RAPPORT_COUNT_UNKNOWN && gain.lost == RAPPORT_COUNT_UNKNOWN)
    return TRUE;
  return rapport_import_sink_add_follower_gain (self->sink, &gain, error);
}

/* Reads the rows of @entry with @read_row, the columns of @names (N_COLUMNS of them, unused
 * ones NULL) found first, reporting progress and looking at the cancellable now and then. */
static gboolean
read_rows (RapportTwitterImport  *self,
           const char            *entry,
           const char * const    *names[],
           ReadRowFunc            read_row,
           GError               **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  int columns[N_COLUMNS];
  guint64 n_rows = 0;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
      !(reader = open_csv (self->archive, entry, error)))
    return FALSE;

  self->entry = entry;
  for (guint i = 0; i < N_COLUMNS; i++)
    columns[i] = names[i] != NULL ? rapport_csv_reader_find_column_any (reader, names[i]) : -1;

  while (rapport_csv_reader_next (reader, &local_error))
    {
      if (++n_rows % RAPPORT_TWITTER_CSV_PROGRESS_ROWS == 0)
        {
          rapport_import_sink_progress (self->sink, entry, n_rows);
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
        }
      if (!read_row (self, reader, columns, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rapport_import_sink_progress (self->sink, entry, n_rows);
  return TRUE;
}

gboolean
rapport_twitter_read_exports (RapportTwitterImport  *self,
                              GError               **error)
{
  for (guint i = 0; i < self->contents->len; i++)
    {
      if (!read_rows (self, g_ptr_array_index (self->contents, i), content_names,
                      import_content_row, error))
        return FALSE;
    }
  for (guint i = 0; i < self->overviews->len; i++)
    {
      if (!read_rows (self, g_ptr_array_index (self->overviews, i), overview_names,
                      import_overview_row, error))
        return FALSE;
    }
  return TRUE;
}

void
rapport_twitter_set_exports_date (RapportTwitterImport *self)
{
  g_autofree char *name = export_name (self);
  RapportDateSource source;
  gint64 exported_at;

  source = rapport_export_name_date_of (name, self->newest,
                                        rapport_archive_get_mtime (self->archive), &exported_at);
  rapport_import_sink_set_export_date (self->sink, exported_at, source);
}
