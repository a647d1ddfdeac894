/* rapport-meta-analytics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads Meta Business Suite's per-post CSVs, for Instagram and for a Facebook page.  Columns
 * are found by name, since their order changes between versions.  The file's rows carry Meta's
 * post ids, which the data export does not know: an Instagram export keys its posts by creation
 * time.  The rows' publish time is written to the minute only, so each post is marked
 * RapportPost.minute_only and the store joins it to a post of the account created within that
 * minute.
 *
 * The CSV names the account (Instagram: "Account username"; Facebook: "Page name" and "Page
 * ID").  A per-metric Follows.csv from the same export, in the same folder or archive, names
 * none: its block of the CSV's platform is read in the same import, so that both land in the
 * account the CSV names (rapport-meta-daily.c).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"
#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-meta-analytics.h"
#include "import/rapport-meta-private.h"

/* How many CSV rows pass between two progress reports. */
#define CSV_PROGRESS_ROWS 2000

#define NAMES RAPPORT_META_NAMES

/* What differs between the Instagram and the Facebook file. */
typedef struct
{
  RapportPlatform platform;
  const char *stand_in;              /* the account's name when no row names it */
  const char * const *handle_names;  /* the columns that name the account */
  const char * const *id_names;
  const char * const *name_names;
} Variant;

static const Variant instagram = {
  RAPPORT_PLATFORM_INSTAGRAM, "instagram",
  NAMES ("Account username"), NAMES ("Account ID"), NAMES ("Account name"),
};

/* A page has a name and an id, no handle: its name stands for it, as people know it. */
static const Variant facebook = {
  RAPPORT_PLATFORM_FACEBOOK, "facebook",
  NAMES ("Page name"), NAMES ("Page ID"), NAMES ("Page name"),
};

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  const Variant *variant;
  const char *entry;
  char *account_id;
  gint64 newest;
} MetaImport;

/* The header that makes a CSV the posts file of @variant: both have these three columns, and
 * only Facebook's names a page. */
static gboolean
is_posts_header (RapportCsvReader *reader,
                 const Variant    *variant)
{
  return rapport_csv_reader_find_column (reader, "Post ID") >= 0 &&
         rapport_csv_reader_find_column (reader, "Publish time") >= 0 &&
         rapport_csv_reader_find_column (reader, "Permalink") >= 0 &&
         (rapport_csv_reader_find_column (reader, "Page ID") >= 0) ==
         (variant->platform == RAPPORT_PLATFORM_FACEBOOK);
}

/* A reader at the first row of @entry when it is the posts file of @variant; NULL otherwise,
 * with @error set only when the entry could not be read. */
static RapportCsvReader *
open_posts_csv (RapportArchive  *archive,
                const char      *entry,
                const Variant   *variant,
                GError         **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;

  if (!(reader = rapport_csv_reader_open (archive, entry, RAPPORT_CSV_DEFAULT, NULL, error)))
    return NULL;
  if (!rapport_csv_reader_read_header (reader, NULL) || !is_posts_header (reader, variant))
    return NULL;
  return g_steal_pointer (&reader);
}

/* The CSV entries that are the posts files of @variant, in natural order. */
static GPtrArray *
find_posts_csvs (RapportArchive *archive,
                 const Variant  *variant)
{
  g_autoptr(GPtrArray) csvs = rapport_archive_find_all (archive, NULL, "*.csv");
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < csvs->len; i++)
    {
      const char *entry = g_ptr_array_index (csvs, i);
      g_autoptr(RapportCsvReader) reader = open_posts_csv (archive, entry, variant, NULL);

      if (reader != NULL)
        g_ptr_array_add (found, (gpointer) entry);
    }
  return found;
}

static gboolean
recognizes_variant (RapportArchive *archive,
                    const Variant  *variant)
{
  g_autoptr(GPtrArray) found = find_posts_csvs (archive, variant);

  return found->len > 0;
}

gboolean
rapport_meta_analytics_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return recognizes_variant (archive, &instagram);
}

gboolean
rapport_meta_analytics_recognizes_facebook (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return recognizes_variant (archive, &facebook);
}

char *
rapport_meta_dup_field (RapportCsvReader *reader,
                        int               column)
{
  const char *value = rapport_csv_reader_get_column (reader, column);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return NULL;
  stripped = g_strstrip (g_utf8_make_valid (value, -1));
  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* The file's name without its extensions, as a stand-in for an account no row names. */
static char *
stand_in_name (RapportArchive *archive,
               const Variant  *variant)
{
  char *name = rapport_export_name_strip (rapport_archive_get_name (archive));

  return name != NULL ? name : g_strdup (variant->stand_in);
}

/* The first row that names the account, in any of the files. */
static gboolean
set_account (MetaImport  *self,
             GPtrArray   *entries,
             GError     **error)
{
  g_autofree char *handle = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *name = NULL;
  RapportAccountInfo info = { self->variant->platform, NULL, NULL, NULL, FALSE };

  for (guint i = 0; i < entries->len && handle == NULL; i++)
    {
      const char *entry = g_ptr_array_index (entries, i);
      g_autoptr(RapportCsvReader) reader = NULL;
      int col_user, col_id, col_name;

      if (!(reader = open_posts_csv (self->archive, entry, self->variant, error)))
        return FALSE;
      col_user = rapport_csv_reader_find_column_any (reader, self->variant->handle_names);
      col_id = rapport_csv_reader_find_column_any (reader, self->variant->id_names);
      col_name = rapport_csv_reader_find_column_any (reader, self->variant->name_names);
      while (handle == NULL && rapport_csv_reader_next (reader, NULL))
        {
          if ((handle = rapport_meta_dup_field (reader, col_user)) == NULL)
            continue;
          account_id = rapport_meta_dup_field (reader, col_id);
          name = rapport_meta_dup_field (reader, col_name);
        }
    }

  if (handle != NULL && handle[0] == '@')
    memmove (handle, handle + 1, strlen (handle));
  if (handle == NULL || *handle == '\0')
    {
      g_free (handle);
      handle = stand_in_name (self->archive, self->variant);
      info.provisional = TRUE;
    }
  info.handle = handle;
  info.platform_id = account_id;
  info.display_name = name;
  self->account_id = g_steal_pointer (&account_id);
  return rapport_import_sink_set_account (self->sink, &info, error);
}

static RapportPostType
post_type (const char *text)
{
  /* Instagram's, then Facebook's ("Photos", or "Photo" in older files). */
  static const struct { const char *name; RapportPostType type; } types[] = {
    { "IG reel", RAPPORT_POST_REEL },
    { "IG image", RAPPORT_POST_PHOTO },
    { "IG carousel", RAPPORT_POST_CAROUSEL },
    { "IG video", RAPPORT_POST_VIDEO },
    { "IG story", RAPPORT_POST_STORY },
    { "Photos", RAPPORT_POST_PHOTO },
    { "Photo", RAPPORT_POST_PHOTO },
    { "Videos", RAPPORT_POST_VIDEO },
    { "Video", RAPPORT_POST_VIDEO },
    { "Reels", RAPPORT_POST_REEL },
    { "Reel", RAPPORT_POST_REEL },
    { "Albums", RAPPORT_POST_CAROUSEL },
    { "Album", RAPPORT_POST_CAROUSEL },
    { "Stories", RAPPORT_POST_STORY },
    { "Story", RAPPORT_POST_STORY },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (types); i++)
    {
      if (g_ascii_strcasecmp (text, types[i].name) == 0)
        return types[i].type;
    }
  /* Not known (Facebook's "Text", "Links"): the store keeps a more specific type an export
   * gave. */
  return RAPPORT_POST_TEXT;
}

/* Both files' columns.  Where a name repeats, as it may in Facebook's files of 31 to 38
 * columns, the first column of the name is read: the post's totals lead, and the columns that
 * come and go between versions follow them.  Columns a file lacks stay -1 and read as
 * unknown. */
typedef struct
{
  int id, account, text, time, link, type, share, comment;
  int views, impressions, reach, engagements, likes, shares, follows, comments, saves;
} Columns;

static void
find_columns (RapportCsvReader *reader,
              const Variant    *variant,
              Columns          *columns)
{
  columns->id = rapport_csv_reader_find_column_any (reader, NAMES ("Post ID"));
  columns->account = rapport_csv_reader_find_column_any (reader, variant->id_names);
  columns->text = rapport_csv_reader_find_column_any (reader, NAMES ("Description", "Caption"));
  columns->time = rapport_csv_reader_find_column_any (reader, NAMES ("Publish time"));
  columns->link = rapport_csv_reader_find_column_any (reader, NAMES ("Permalink"));
  columns->type = rapport_csv_reader_find_column_any (reader, NAMES ("Post type"));
  columns->share = rapport_csv_reader_find_column_any (reader, NAMES ("Is share"));
  columns->comment = rapport_csv_reader_find_column_any (reader, NAMES ("Data comment"));
  columns->views = rapport_csv_reader_find_column_any (reader, NAMES ("Views", "Plays"));
  columns->impressions = rapport_csv_reader_find_column_any (reader, NAMES ("Impressions"));
  /* Older Facebook files name the reach by the insights metric it was. */
  columns->reach = rapport_csv_reader_find_column_any (reader,
                                                       NAMES ("Reach",
                                                              "IMPRESSION:UNIQUE_USERS"));
  columns->engagements =
    rapport_csv_reader_find_column_any (reader, NAMES ("Reactions, Comments and Shares"));
  columns->likes = rapport_csv_reader_find_column_any (reader, NAMES ("Likes", "Reactions"));
  columns->shares = rapport_csv_reader_find_column_any (reader, NAMES ("Shares"));
  columns->follows = rapport_csv_reader_find_column_any (reader, NAMES ("Follows"));
  columns->comments = rapport_csv_reader_find_column_any (reader, NAMES ("Comments"));
  columns->saves = rapport_csv_reader_find_column_any (reader, NAMES ("Saves"));
}

/* Why a row is no post of the account, or NULL when it is one. */
static char *
check_row (MetaImport       *self,
           RapportCsvReader *reader,
           const Columns    *columns,
           const char       *id,
           const char       *when,
           gint64           *at)
{
  g_autofree char *account = NULL;

  if (id == NULL)
    {
      g_autofree char *comment = rapport_meta_dup_field (reader, columns->comment);

      /* Meta writes such a row where it could not get a post's data. */
      if (comment != NULL)
        return g_strdup_printf (_("the row on line %u has no post id: %s"),
                                rapport_csv_reader_get_line (reader), comment);
      return g_strdup_printf (_("the row on line %u has no post id"),
                              rapport_csv_reader_get_line (reader));
    }
  /* An export of several pages or accounts: the posts of the first named only. */
  account = rapport_meta_dup_field (reader, columns->account);
  if (account != NULL && self->account_id != NULL && strcmp (account, self->account_id) != 0)
    return g_strdup_printf (_("post %s belongs to another account"), id);
  if (when == NULL || !rapport_date_parse_us (when, at))
    return g_strdup_printf (_("post %s has no readable publish time"), id);
  return NULL;
}

/* Facebook's "Is share": the page shared someone else's post. */
static gboolean
is_yes (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "Yes") == 0 ||
                          g_ascii_strcasecmp (text, "true") == 0);
}

static gboolean
import_row (MetaImport        *self,
            RapportCsvReader  *reader,
            const Columns     *columns,
            GError           **error)
{
  g_autofree char *id = rapport_meta_dup_field (reader, columns->id);
  g_autofree char *text = rapport_meta_dup_field (reader, columns->text);
  g_autofree char *url = rapport_meta_dup_field (reader, columns->link);
  g_autofree char *when = rapport_meta_dup_field (reader, columns->time);
  g_autofree char *share = rapport_meta_dup_field (reader, columns->share);
  g_autofree char *reason = NULL;
  g_auto(GStrv) hashtags = NULL;
  g_auto(GStrv) mentions = NULL;
  RapportPost post;
  gint64 at = 0;

  if ((reason = check_row (self, reader, columns, id, when, &at)) != NULL)
    {
      rapport_import_sink_skip (self->sink, self->entry, reason);
      return TRUE;
    }

  hashtags = rapport_text_extract_hashtags (text);
  mentions = rapport_text_extract_mentions (text);

  rapport_post_init (&post);
  post.platform_id = id;
  post.type = is_yes (share) ? RAPPORT_POST_REPOST
                             : post_type (rapport_csv_reader_get_column (reader, columns->type));
  post.created_at = at;
  post.minute_only = TRUE;
  post.text = text;
  post.url = url;
  post.views = rapport_csv_reader_get_count (reader, columns->views);
  post.impressions = rapport_csv_reader_get_count (reader, columns->impressions);
  post.reach = rapport_csv_reader_get_count (reader, columns->reach);
  post.engagements = rapport_csv_reader_get_count (reader, columns->engagements);
  post.likes = rapport_csv_reader_get_count (reader, columns->likes);
  post.shares = rapport_csv_reader_get_count (reader, columns->shares);
  post.follows = rapport_csv_reader_get_count (reader, columns->follows);
  post.comments = rapport_csv_reader_get_count (reader, columns->comments);
  post.saves = rapport_csv_reader_get_count (reader, columns->saves);
  post.hashtags = (const char * const *) hashtags;
  post.mentions = (const char * const *) mentions;

  if (!rapport_import_sink_add_post (self->sink, &post, error))
    return FALSE;

  if (at > self->newest && rapport_time_is_valid (at))
    self->newest = at;
  return TRUE;
}

static gboolean
import_file (MetaImport  *self,
             const char  *entry,
             GError     **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  Columns columns;
  guint64 rows = 0;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!(reader = open_posts_csv (self->archive, entry, self->variant, error)))
    return FALSE;

  self->entry = entry;
  find_columns (reader, self->variant, &columns);
  while (rapport_csv_reader_next (reader, &local_error))
    {
      if (++rows % CSV_PROGRESS_ROWS == 0)
        {
          rapport_import_sink_progress (self->sink, entry, rows);
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
        }
      if (!import_row (self, reader, &columns, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rapport_import_sink_progress (self->sink, entry, rows);
  return TRUE;
}

/* The other platform's posts CSV beside this one is another account's: said, not read. */
static void
skip_other_posts (MetaImport *self)
{
  const Variant *other = self->variant == &instagram ? &facebook : &instagram;
  g_autoptr(GPtrArray) entries = find_posts_csvs (self->archive, other);

  for (guint i = 0; i < entries->len; i++)
    {
      /* Translators: %s is a platform name such as "Facebook". */
      g_autofree char *reason = g_strdup_printf (_("the %s posts belong to another account: "
                                                   "import this file on its own"),
                                                 rapport_platform_display_name (other->platform));

      rapport_import_sink_skip (self->sink, g_ptr_array_index (entries, i), reason);
    }
}

/* The name gives the range's end; a file inside an archive may carry it when the archive's
 * name does not. */
static gint64
date_from_names (RapportArchive *archive,
                 GPtrArray      *entries)
{
  gint64 date = 0;

  if (rapport_date_find_last_month_day_year (rapport_archive_get_name (archive), &date))
    return date;
  for (guint i = 0; i < entries->len; i++)
    {
      if (rapport_date_find_last_month_day_year (g_ptr_array_index (entries, i), &date))
        return date;
    }
  return 0;
}

static gboolean
import_variant (RapportArchive     *archive,
                const Variant      *variant,
                RapportImportSink  *sink,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  MetaImport self = { archive, sink, cancellable, variant, NULL, NULL, 0 };
  RapportDateSource source;
  gint64 exported_at = 0;
  gboolean ok = TRUE;

  /* The checks of the two public functions, which only choose the variant. */
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = find_posts_csvs (archive, variant);
  if (entries->len == 0)
    {
      /* Translators: %s is a file's name, the second a platform name such as "Facebook". */
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s holds no Meta Business Suite post analytics of %s"),
                   rapport_archive_get_name (archive),
                   rapport_platform_display_name (variant->platform));
      return FALSE;
    }

  if (!set_account (&self, entries, error))
    ok = FALSE;
  for (guint i = 0; ok && i < entries->len; i++)
    ok = import_file (&self, g_ptr_array_index (entries, i), error);
  if (ok)
    {
      skip_other_posts (&self);
      ok = rapport_meta_daily_import_follows (archive, sink, variant->platform, cancellable,
                                              &self.newest, error);
    }
  g_free (self.account_id);
  if (!ok)
    return FALSE;

  source = rapport_export_name_choose_date (date_from_names (archive, entries), self.newest,
                                            rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, source);
  return TRUE;
}

gboolean
rapport_meta_analytics_import (RapportArchive     *archive,
                               RapportImportSink  *sink,
                               GCancellable       *cancellable,
                               GError            **error)
{
  return import_variant (archive, &instagram, sink, cancellable, error);
}

gboolean
rapport_meta_analytics_import_facebook (RapportArchive     *archive,
                                        RapportImportSink  *sink,
                                        GCancellable       *cancellable,
                                        GError            **error)
{
  return import_variant (archive, &facebook, sink, cancellable, error);
}
