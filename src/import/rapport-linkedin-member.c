/* rapport-linkedin-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are found by name wherever they sit, and their header rows by the columns they
 * name: Connections.csv has begun with a few lines of notes since 2020.  The other files of
 * the export (messages, invitations, positions, skills and many more) are not the creator's
 * audience or posts and are left alone without a word.
 *
 * Privacy: of Profile.csv only the first and last name are read, and of Connections.csv only
 * the names, the profile link and the day; the columns of e-mail addresses, birth dates,
 * addresses and phone numbers are never looked up, so nothing of them reaches the database.
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
#include "import/rapport-linkedin-member.h"
#include "import/rapport-linkedin-private.h"

/* How far down a file its header row may be: the notes above it are a few lines. */
#define HEADER_ROWS 20

/* How many rows pass between looks at the cancellable. */
#define ROWS_PER_BATCH 1000

/* A profile link's slug is short; a longer one is no slug. */
#define MAX_SLUG_BYTES 200

static const char * const first_name_names[] = { "First Name", NULL };
static const char * const last_name_names[] = { "Last Name", NULL };
static const char * const url_names[] = { "URL", "Profile URL", NULL };
static const char * const connected_names[] = { "Connected On", NULL };
static const char * const date_names[] = { "Date", NULL };
static const char * const share_link_names[] = { "ShareLink", "Share Link", NULL };
static const char * const commentary_names[] = { "ShareCommentary", "Share Commentary", NULL };
static const char * const message_names[] = { "Message", NULL };
static const char * const type_names[] = { "Type", NULL };
static const char * const headline_names[] = { "Headline", NULL };

/* A file of the export: its name, how it is read, and a column of each of @first and @second
 * that its header row names. */
typedef struct
{
  const char *name;
  RapportCsvFlags flags;
  const char * const *first;
  const char * const *second;
} MemberFile;

static const MemberFile connections_file = {
  "Connections.csv", RAPPORT_CSV_DEFAULT, first_name_names, connected_names,
};
static const MemberFile shares_file = {
  "Shares.csv", RAPPORT_CSV_DEFAULT, date_names, share_link_names,
};
/* Comments.csv writes a quote inside a message as \" (2025), which RFC 4180 readers take for
 * the end of the field. */
static const MemberFile comments_file = {
  "Comments.csv", RAPPORT_CSV_BACKSLASH_ESCAPES, date_names, message_names,
};
static const MemberFile reactions_file = {
  "Reactions.csv", RAPPORT_CSV_DEFAULT, date_names, type_names,
};
static const MemberFile profile_file = {
  "Profile.csv", RAPPORT_CSV_DEFAULT, first_name_names, headline_names,
};

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  RapportCsvReader *reader; /* the file being read */
  const char *entry;        /* its name in the archive */
  guint64 n_rows;
  gint64 newest;            /* the newest time read, 0 for none */
} Member;

/* Closes the file being read. */
static void
close_file (Member *self)
{
  g_clear_pointer (&self->reader, rapport_csv_reader_free);
  self->entry = NULL;
}

/* Opens @file at its header row, the first of the first HEADER_ROWS rows that names a column
 * of file->first and of file->second.  FALSE when the export has no such file; when @report,
 * a file without that header or that cannot be read is then skipped with the reason. */
static gboolean
open_file (Member           *self,
           const MemberFile *file,
           gboolean          report)
{
  const char *entry = rapport_archive_find (self->archive, file->name);
  g_autoptr(GError) error = NULL;

  g_assert (self->reader == NULL);

  if (entry == NULL)
    return FALSE;
  self->reader = rapport_csv_reader_open (self->archive, entry, file->flags, NULL, &error);
  if (self->reader == NULL)
    {
      if (report)
        rapport_import_sink_skip_error (self->sink, entry, error);
      return FALSE;
    }
  self->entry = entry;
  self->n_rows = 0;
  for (guint row = 0; row < HEADER_ROWS; row++)
    {
      if (!rapport_csv_reader_read_header (self->reader, &error))
        {
          /* Past the first row, the text ended (or broke) before any header. */
          if (row > 0)
            g_clear_error (&error);
          break;
        }
      if (rapport_csv_reader_find_column_any (self->reader, file->first) >= 0 &&
          rapport_csv_reader_find_column_any (self->reader, file->second) >= 0)
        return TRUE;
    }

  if (report && error != NULL)
    rapport_import_sink_skip_error (self->sink, entry, error);
  else if (report)
    {
      g_autofree char *reason = NULL;

      /* TRANSLATORS: "no header row with “First Name” and “Connected On”" */
      reason = g_strdup_printf (_("no header row with “%s” and “%s”"), file->first[0],
                                file->second[0]);
      rapport_import_sink_skip (self->sink, entry, reason);
    }
  close_file (self);
  return FALSE;
}

static int
column (Member             *self,
        const char * const *names)
{
  return rapport_csv_reader_find_column_any (self->reader, names);
}

/* The next row that has any text, reporting progress and looking at the cancellable now and
 * then; FALSE at the end, or with @error set. */
static gboolean
next_row (Member  *self,
          GError **error)
{
  while (TRUE)
    {
      gboolean blank = TRUE;

      if (self->n_rows > 0 && self->n_rows % ROWS_PER_BATCH == 0)
        {
          rapport_import_sink_progress (self->sink, self->entry, self->n_rows);
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
        }
      self->n_rows++;
      if (!rapport_csv_reader_next (self->reader, error))
        return FALSE;
      for (guint i = 0; i < rapport_csv_reader_get_n_fields (self->reader) && blank; i++)
        {
          const char *field = rapport_csv_reader_get_field (self->reader, i);

          while (g_ascii_isspace (*field))
            field++;
          blank = *field == '\0';
        }
      if (!blank)
        return TRUE;
    }
}

/* The current row's field in @column, or NULL where it has no value. */
static const char *
text (Member *self,
      int     column)
{
  const char *field = rapport_csv_reader_get_column (self->reader, column);

  return rapport_value_is_missing (field) ? NULL : field;
}

/* Skips the current row: "line 4: no readable date (“Smarch 3”)", or without the value
 * where it has none. */
static void
skip_row (Member     *self,
          const char *what,
          const char *value)
{
  g_autofree char *quoted = rapport_text_excerpt (value);
  g_autofree char *reason = NULL;
  guint line = rapport_csv_reader_get_line (self->reader);

  /* TRANSLATORS: "line 4: no readable date (“Smarch 3”)" */
  reason = value != NULL ? g_strdup_printf (_("line %u: %s (“%s”)"), line, what, quoted)
                         : g_strdup_printf (_("line %u: %s"), line, what);
  rapport_import_sink_skip (self->sink, self->entry, reason);
}

static void
note_time (Member *self,
           gint64  at)
{
  if (at > self->newest && rapport_time_is_valid (at))
    self->newest = at;
}

/* A time as the export writes it: "2024-05-30 14:02:11" (UTC) in the files of posts,
 * comments and reactions, "30 May 2024" or "1/8/18, 6:14 PM" in Connections.csv. */
static gboolean
parse_time (const char *text,
            gint64     *out)
{
  return text != NULL &&
         (rapport_date_parse_naive_utc (text, out) || rapport_date_parse_iso8601 (text, out) ||
          rapport_date_parse_linkedin (text, out));
}

/* The finished row's end: the error of a row that could not be read, if any. */
static gboolean
finish_file (Member  *self,
             GError  *local_error,
             GError **error)
{
  close_file (self);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_file (RapportArchive   *archive,
          const MemberFile *file)
{
  Member self = { archive, NULL, NULL, NULL, NULL, 0, 0 };
  gboolean found = open_file (&self, file, FALSE);

  close_file (&self);
  return found;
}

gboolean
rapport_linkedin_member_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return has_file (archive, &connections_file) || has_file (archive, &shares_file) ||
         has_file (archive, &profile_file);
}

/* ── the member ─────────────────────────────────────────────────────────────────────────── */

/* "First Last" of the current row, either part alone when the other is empty; NULL when it
 * has neither. */
static char *
full_name (Member *self,
           int     first_column,
           int     last_column)
{
  const char *parts[2] = { text (self, first_column), text (self, last_column) };
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = parts[i] != NULL ? g_utf8_make_valid (parts[i], -1) : NULL;

      if (part == NULL || *g_strstrip (part) == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

/* Whose export this is: the name in Profile.csv.  No file of the export gives the member's
 * own profile link, so the name is the handle, as the creator analytics of 2026 name the
 * member (AggregateAnalytics_<Name>_…), and the two exports meet as one account.  Without a
 * name, the stand-in the older analytics files use too. */
static gboolean
set_account (Member  *self,
             GError **error)
{
  RapportAccountInfo account = { RAPPORT_PLATFORM_LINKEDIN, NULL, NULL, NULL, FALSE };
  g_autofree char *name = NULL;

  if (open_file (self, &profile_file, TRUE))
    {
      g_autoptr(GError) local_error = NULL;

      if (next_row (self, &local_error))
        name = full_name (self, column (self, first_name_names), column (self, last_name_names));
      else if (local_error != NULL)
        rapport_import_sink_skip_error (self->sink, self->entry, local_error);
      close_file (self);
    }

  if (name != NULL)
    account.handle = account.display_name = name;
  else
    {
      account.handle = "LinkedIn";
      account.provisional = TRUE;
    }
  return rapport_import_sink_set_account (self->sink, &account, error);
}

/* ── connections ────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  char *handle;
  gint64 since;
} Connection;

static void
connection_clear (Connection *connection)
{
  g_free (connection->handle);
}

/* The slug of a profile link, "jo-doe-1a2b" in "https://www.linkedin.com/in/jo-doe-1a2b/",
 * its escapes undone; NULL when @url is no profile link. */
static char *
profile_slug (const char *url)
{
  static const char marker[] = "linkedin.com/in/";
  g_autofree char *escaped = NULL;
  g_autofree char *slug = NULL;
  const char *at;
  gsize len;

  if (url == NULL || (at = strstr (url, marker)) == NULL)
    return NULL;
  at += strlen (marker);
  len = strcspn (at, "/?#");
  if (len == 0 || len > MAX_SLUG_BYTES)
    return NULL;
  escaped = g_strndup (at, len);
  slug = g_uri_unescape_string (escaped, NULL);
  if (slug == NULL || !g_utf8_validate (slug, -1, NULL))
    return NULL;
  for (const char *p = slug; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return NULL;
  return g_steal_pointer (&slug);
}

/* One row of Connections.csv into @connections, or skipped. */
static void
read_connection (Member  *self,
                 GArray  *connections,
                 const int columns[4])
{
  const char *url = text (self, columns[2]);
  const char *connected_on = text (self, columns[3]);
  Connection connection = { NULL, 0 };

  /* The profile's slug is unique; a name is not (two connections may share one), and is the
   * handle only where the row has no link, as the files of 2018 have none. */
  connection.handle = profile_slug (url);
  if (connection.handle == NULL)
    connection.handle = full_name (self, columns[0], columns[1]);
  if (connection.handle == NULL)
    {
      skip_row (self, _("no name and no profile link"), url);
      return;
    }
  /* A connection without a readable day is still one; it began at an unknown time. */
  if (parse_time (connected_on, &connection.since))
    note_time (self, connection.since);
  else
    connection.since = 0;
  g_array_append_val (connections, connection);
}

/* Connections are mutual: each is in the follower list and in the following list, since the
 * day it began. */
static gboolean
import_connections (Member  *self,
                    GError **error)
{
  g_autoptr(GArray) connections = g_array_new (FALSE, FALSE, sizeof (Connection));
  GError *local_error = NULL;
  guint64 n_skipped_rows = 0;
  int columns[4];

  if (!open_file (self, &connections_file, TRUE))
    return TRUE;
  g_array_set_clear_func (connections, (GDestroyNotify) connection_clear);
  columns[0] = column (self, first_name_names);
  columns[1] = column (self, last_name_names);
  columns[2] = column (self, url_names);
  columns[3] = column (self, connected_names);

  while (next_row (self, &local_error))
    {
      guint before = connections->len;

      read_connection (self, connections, columns);
      if (connections->len == before)
        n_skipped_rows++;
    }
  if (!finish_file (self, local_error, error))
    return FALSE;

  /* Rows that were all skipped are no list of nobody. */
  if (connections->len == 0 && n_skipped_rows > 0)
    return TRUE;

  for (int direction = RAPPORT_DIRECTION_FOLLOWER; direction <= RAPPORT_DIRECTION_FOLLOWING;
       direction++)
    {
      if (!rapport_import_sink_begin_list (self->sink, direction, error))
        return FALSE;
      for (guint i = 0; i < connections->len; i++)
        {
          const Connection *connection = &g_array_index (connections, Connection, i);
          RapportRelation relation = { direction, connection->handle, NULL, connection->since };

          if (!rapport_import_sink_add_relation (self->sink, &relation, error))
            return FALSE;
        }
      rapport_import_sink_end_list (self->sink);
    }
  return TRUE;
}

/* ── posts, comments and reactions ──────────────────────────────────────────────────────── */

/* One row of Shares.csv: the member's post, without any count (the export has none). */
static gboolean
import_share (Member     *self,
              const int   columns[3],
              GError    **error)
{
  const char *date = text (self, columns[0]);
  const char *link = text (self, columns[1]);
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) hashtags = NULL;
  RapportPost post;

  rapport_post_init (&post);
  post.type = RAPPORT_POST_TEXT;
  if (!parse_time (date, &post.created_at))
    {
      skip_row (self, _("no readable date"), date);
      return TRUE;
    }
  note_time (self, post.created_at);

  /* The id the creator analytics know the post by, so that both join; a share without a
   * link is keyed by its time, as records without ids are. */
  if (link != NULL)
    {
      url = g_strstrip (g_utf8_make_valid (link, -1));
      id = rapport_linkedin_post_id (url);
    }
  if (id == NULL)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);
  post.platform_id = id;
  post.url = url != NULL && *url != '\0' ? url : NULL;

  if (text (self, columns[2]) != NULL)
    {
      body = g_strstrip (g_utf8_make_valid (text (self, columns[2]), -1));
      post.text = *body != '\0' ? body : NULL;
    }
  hashtags = rapport_text_extract_hashtags (post.text);
  post.hashtags = (const char * const *) hashtags;
  return rapport_import_sink_add_post (self->sink, &post, error);
}

static gboolean
import_shares (Member  *self,
               GError **error)
{
  GError *local_error = NULL;
  int columns[3];

  if (!open_file (self, &shares_file, TRUE))
    return TRUE;
  columns[0] = column (self, date_names);
  columns[1] = column (self, share_link_names);
  columns[2] = column (self, commentary_names);

  while (next_row (self, &local_error))
    if (!import_share (self, columns, error))
      {
        close_file (self);
        return FALSE;
      }
  return finish_file (self, local_error, error);
}

/* Comments.csv or Reactions.csv: the member's comments and reactions on others' posts.  Whose
 * posts they were the files do not say (only the post's link). */
static gboolean
import_interactions (Member                  *self,
                     const MemberFile        *file,
                     RapportInteractionKind   kind,
                     GError                 **error)
{
  GError *local_error = NULL;
  int date_column, message_column;

  if (!open_file (self, file, TRUE))
    return TRUE;
  date_column = column (self, date_names);
  message_column = kind == RAPPORT_INTERACTION_COMMENT ? column (self, message_names) : -1;

  while (next_row (self, &local_error))
    {
      RapportInteraction interaction = { kind, NULL, 0, NULL };
      const char *date = text (self, date_column);
      g_autofree char *message = NULL;

      if (!parse_time (date, &interaction.at))
        {
          skip_row (self, _("no readable date"), date);
          continue;
        }
      note_time (self, interaction.at);
      if (text (self, message_column) != NULL)
        interaction.text = message = g_utf8_make_valid (text (self, message_column), -1);
      if (!rapport_import_sink_add_interaction (self->sink, &interaction, error))
        {
          close_file (self);
          return FALSE;
        }
    }
  return finish_file (self, local_error, error);
}

/* ── the export ─────────────────────────────────────────────────────────────────────────── */

/* The day in the export's name, "Basic_LinkedInDataExport_05-30-2024" (month first), as
 * midnight UTC; 0 when the name gives none. */
static gint64
date_from_name (RapportArchive *archive)
{
  static const char marker[] = "linkedindataexport_";
  g_autofree char *name = rapport_export_name_of_archive (archive, NULL);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  g_autofree char *day = NULL;
  const char *at;
  gint64 out;

  if (lower == NULL || (at = strstr (lower, marker)) == NULL)
    return 0;
  at += strlen (marker);
  if (strlen (at) < 10 || at[2] != '-' || at[5] != '-' || g_ascii_isdigit (at[10]))
    return 0;
  day = g_strndup (at, 10);
  g_strdelimit (day, "-", '/');
  return rapport_date_parse_us (day, &out) ? out : 0;
}

gboolean
rapport_linkedin_member_import (RapportArchive     *archive,
                                RapportImportSink  *sink,
                                GCancellable       *cancellable,
                                GError            **error)
{
  Member self = { archive, sink, cancellable, NULL, NULL, 0, 0 };
  RapportDateSource date_source;
  gint64 exported_at;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_linkedin_member_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no Connections.csv, Shares.csv or Profile.csv of LinkedIn's "
                     "member data export in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  if (!set_account (&self, error) || !import_connections (&self, error) ||
      !import_shares (&self, error) ||
      !import_interactions (&self, &comments_file, RAPPORT_INTERACTION_COMMENT, error) ||
      !import_interactions (&self, &reactions_file, RAPPORT_INTERACTION_LIKE, error))
    return FALSE;

  date_source = rapport_export_name_choose_date (date_from_name (archive), self.newest,
                                                 rapport_archive_get_mtime (archive),
                                                 &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
