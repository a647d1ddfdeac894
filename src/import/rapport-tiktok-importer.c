/* rapport-tiktok-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole export is one JSON document whose section names changed in 2025 and 2026 (see
 * rapport-tiktok-layouts.c) and whose keys changed case between versions, so every lookup tries
 * each generation's name and ignores case.  People keep only parts of it: whatever describes
 * the account is imported, and the account is named after the export when the profile is gone.
 *
 * Nearly all of the document can be its follower list (half a million followers make 46 MB), so
 * the document is read as a tree whose long lists stay unread text; the lists are then parsed
 * in batches as they are imported, and their pages of the file are handed back as they go.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"

#include "core/rapport-import-error.h"
#include "rapport-export-name.h"
#include "rapport-json-array.h"
#include "rapport-tiktok-importer.h"
#include "rapport-tiktok-private.h"

/* How many rows pass between progress reports and looks at the cancellable. */
#define ROWS_PER_BATCH 10000

/* Dates nested deeper than this are not looked at when guessing the export date. */
#define MAX_DATE_DEPTH 32

/* Every list Rapport imports is three levels down: root, section, part, list. */
#define LIST_DEPTH 3

/* The newest "Date" of the document, the export date's best guess. */
typedef struct
{
  gint64 limit; /* rapport_time_max(): a date beyond it is a broken value, not the export's age */
  gint64 newest;
  gboolean found;
  /* The date of the row being read, parsed already for the row itself. */
  const char *row_date;
  gboolean row_date_ok;
  gint64 row_date_at;
} NewestDate;

/* What the rows of one list are read with. */
typedef struct
{
  RapportImportSink *sink;
  const char *entry;
  GCancellable *cancellable;
  NewestDate *dates;
  RapportDirection direction;
  guint depth;    /* of the list in the document, for dates; G_MAXUINT when not counted */
  guint64 n_rows; /* read so far */
} Rows;

static const char *
find_entry (RapportArchive *archive)
{
  const char *entry;

  g_assert (RAPPORT_IS_ARCHIVE (archive));

  if ((entry = rapport_archive_find (archive, "user_data_tiktok.json")) != NULL)
    return entry;
  return rapport_archive_find (archive, "user_data.json");
}

gboolean
rapport_tiktok_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return find_entry (archive) != NULL;
}

/* A section's list of rows, long or not; NULL when it is missing, null or not a list. */
static const RapportJsonValue *
get_list (const RapportJsonValue *section,
          const char             *name)
{
  const RapportJsonValue *list = rapport_json_value_get_member (section, name);

  if (list == NULL || (list->kind != RAPPORT_JSON_ARRAY && list->kind != RAPPORT_JSON_LONG_ARRAY))
    return NULL;
  return list;
}

/* A string member with the export's placeholders for "nothing" taken as absent. */
static const char *
get_text (const RapportJsonValue *object,
          const char             *name)
{
  const char *text = rapport_json_value_get_string (object, name);

  if (text == NULL || text[0] == '\0' || g_ascii_strcasecmp (text, "N/A") == 0)
    return NULL;
  return text;
}

/* TikTok writes "None" where a count is zero (likesReceived, sometimes Likes). */
static gint64
get_tiktok_count (const RapportJsonValue *object,
                  const char             *name)
{
  const char *text = rapport_json_value_get_string (object, name);

  if (text != NULL && g_ascii_strcasecmp (text, "None") == 0)
    return 0;
  return rapport_json_value_get_count (object, name);
}

/* Of members with the same name only the last one counts, as when looking a name up. */
static gboolean *
find_shadowed (const RapportJsonValue *object)
{
  g_autoptr(GHashTable) last = NULL;
  gboolean *shadowed = NULL;

  g_assert (object->kind == RAPPORT_JSON_OBJECT);

  /* Rows have a handful of members: comparing each pair is quicker than hashing. */
  if (object->length <= 16)
    {
      for (guint i = 0; i + 1 < object->length; i++)
        for (guint j = i + 1; j < object->length; j++)
          if (strcmp (object->members[i].name, object->members[j].name) == 0)
            {
              if (shadowed == NULL)
                shadowed = g_new0 (gboolean, object->length);
              shadowed[i] = TRUE;
              break;
            }
      return shadowed;
    }

  last = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < object->length; i++)
    g_hash_table_insert (last, (gpointer) object->members[i].name, GUINT_TO_POINTER (i));
  for (guint i = 0; i < object->length; i++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (last, object->members[i].name)) != i)
      {
        if (shadowed == NULL)
          shadowed = g_new0 (gboolean, object->length);
        shadowed[i] = TRUE;
      }
  return shadowed;
}

/* Every "Date" anywhere in the document (follows, videos, comments, but also watch and login
 * history, which run up to the day of the export) is a candidate for the export date.  @value
 * is @depth levels down; long lists are noted in @long_lists with their depth, to be read in
 * batches. */
static void
note_dates (NewestDate             *dates,
            const RapportJsonValue *value,
            guint                   depth,
            GHashTable             *long_lists)
{
  g_assert (dates != NULL);
  g_assert (value != NULL);

  if (value->kind == RAPPORT_JSON_OBJECT)
    {
      g_autofree gboolean *shadowed = find_shadowed (value);

      for (guint i = 0; i < value->length; i++)
        {
          const RapportJsonMember *member = &value->members[i];
          gint64 at;

          if (shadowed != NULL && shadowed[i])
            continue;

          switch (member->value.kind)
            {
            case RAPPORT_JSON_STRING:
              if (g_ascii_strcasecmp (member->name, "Date") != 0)
                break;
              if (member->value.text == dates->row_date)
                {
                  if (!dates->row_date_ok)
                    break;
                  at = dates->row_date_at;
                }
              else if (!rapport_date_parse_naive_utc (member->value.text, &at))
                {
                  break;
                }
              if (at >= RAPPORT_TIME_MIN && at <= dates->limit &&
                  (!dates->found || at > dates->newest))
                {
                  dates->newest = at;
                  dates->found = TRUE;
                }
              break;

            case RAPPORT_JSON_OBJECT:
            case RAPPORT_JSON_ARRAY:
            case RAPPORT_JSON_LONG_ARRAY:
              if (depth < MAX_DATE_DEPTH)
                note_dates (dates, &member->value, depth + 1, long_lists);
              break;

            case RAPPORT_JSON_NULL:
            case RAPPORT_JSON_BOOLEAN:
            case RAPPORT_JSON_NUMBER:
            default:
              break;
            }
        }
    }
  else if (value->kind == RAPPORT_JSON_ARRAY && depth < MAX_DATE_DEPTH)
    {
      for (guint i = 0; i < value->length; i++)
        {
          const RapportJsonValue *element = &value->elements[i];

          if (element->kind == RAPPORT_JSON_OBJECT || element->kind == RAPPORT_JSON_ARRAY ||
              element->kind == RAPPORT_JSON_LONG_ARRAY)
            note_dates (dates, element, depth + 1, long_lists);
        }
    }
  else if (value->kind == RAPPORT_JSON_LONG_ARRAY && long_lists != NULL)
    {
      g_hash_table_insert (long_lists, (gpointer) value->span, GUINT_TO_POINTER (depth));
    }
}

/* Reads the "Date" of a row, TRUE when there is a readable one. */
static gboolean
get_row_date (const RapportJsonValue  *row,
              const char             **text,
              gint64                  *at)
{
  *text = rapport_json_value_get_string (row, "Date");
  if (*text != NULL && rapport_date_parse_naive_utc (*text, at))
    return TRUE;
  *at = 0;
  return FALSE;
}

/* Notes the dates of one row of a list, whose own date @date was read already, and every so
 * often reports progress and looks at the cancellable. */
static gboolean
begin_row (Rows                    *rows,
           const RapportJsonValue  *row,
           guint64                  index,
           const char              *date,
           gboolean                 date_ok,
           gint64                   date_at,
           GError                 **error)
{
  g_assert (rows != NULL);

  if (index > 0 && index % ROWS_PER_BATCH == 0)
    {
      rapport_import_sink_progress (rows->sink, rows->entry, index);
      if (g_cancellable_set_error_if_cancelled (rows->cancellable, error))
        return FALSE;
    }

  if (rows->depth < MAX_DATE_DEPTH &&
      (row->kind == RAPPORT_JSON_OBJECT || row->kind == RAPPORT_JSON_ARRAY))
    {
      /* Parsing a date takes longer than the rest of a follower's row. */
      rows->dates->row_date = date;
      rows->dates->row_date_ok = date_ok;
      rows->dates->row_date_at = date_at;
      note_dates (rows->dates, row, rows->depth + 1, NULL);
      rows->dates->row_date = NULL;
    }

  return TRUE;
}

/* The rows of a long list nothing is imported from: their dates still count. */
static gboolean
date_rows (const RapportJsonValue  *elements,
           guint                    n_elements,
           guint64                  first_index,
           gpointer                 user_data,
           GError                 **error)
{
  Rows *rows = user_data;

  if (rows->depth >= MAX_DATE_DEPTH)
    return TRUE;

  for (guint i = 0; i < n_elements; i++)
    if (elements[i].kind == RAPPORT_JSON_OBJECT || elements[i].kind == RAPPORT_JSON_ARRAY)
      note_dates (rows->dates, &elements[i], rows->depth + 1, NULL);

  return TRUE;
}

static void
skip_nameless_relation (RapportImportSink *sink,
                        const char        *entry,
                        RapportDirection   direction,
                        guint64            row_number)
{
  g_autofree char *reason = NULL;

  g_assert (sink != NULL);

  reason = direction == RAPPORT_DIRECTION_FOLLOWER
    ? g_strdup_printf (_("follower %u has no user name"), (guint) row_number)
    : g_strdup_printf (_("followed account %u has no user name"), (guint) row_number);
  rapport_import_sink_skip (sink, entry, reason);
}

static gboolean
relation_rows (const RapportJsonValue  *elements,
               guint                    n_elements,
               guint64                  first_index,
               gpointer                 user_data,
               GError                 **error)
{
  Rows *rows = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *row = &elements[i];
      RapportRelation relation = { rows->direction, NULL, NULL, 0 };
      const char *date;
      gboolean date_ok;

      /* The account follows all the same when its date cannot be read: it counts in the list
       * size, with an unknown start. */
      date_ok = get_row_date (row, &date, &relation.since);
      if (!begin_row (rows, row, first_index + i, date, date_ok, relation.since, error))
        return FALSE;

      /* "N/A" and null stand for accounts that are gone: no one of that name follows. */
      relation.handle = get_text (row, "UserName");
      if (relation.handle != NULL && relation.handle[0] == '@')
        relation.handle++;
      if (relation.handle == NULL || relation.handle[0] == '\0')
        {
          skip_nameless_relation (rows->sink, rows->entry, rows->direction, first_index + i + 1);
          continue;
        }

      if (!rapport_import_sink_add_relation (rows->sink, &relation, error))
        return FALSE;
    }

  rows->n_rows = first_index + n_elements;
  return TRUE;
}

char *
rapport_tiktok_video_id_from_link (const char *link)
{
  const char *p;
  gsize len = 0;

  if (link == NULL || (p = strstr (link, "/video/")) == NULL)
    return NULL;

  p += strlen ("/video/");
  while (g_ascii_isdigit (p[len]))
    len++;
  if (len == 0)
    return NULL;

  return g_strndup (p, len);
}

static gboolean
video_rows (const RapportJsonValue  *elements,
            guint                    n_elements,
            guint64                  first_index,
            gpointer                 user_data,
            GError                 **error)
{
  Rows *rows = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *row = &elements[i];
      guint row_number = (guint) (first_index + i + 1);
      g_autofree char *id = NULL;
      g_auto(GStrv) hashtags = NULL;
      RapportPost post;
      const char *date;
      gboolean date_ok;
      gint64 created_at;

      date_ok = get_row_date (row, &date, &created_at);
      if (!begin_row (rows, row, first_index + i, date, date_ok, created_at, error))
        return FALSE;

      if (row->kind != RAPPORT_JSON_OBJECT)
        {
          g_autofree char *reason = g_strdup_printf (_("video %u is not a record"), row_number);

          rapport_import_sink_skip (rows->sink, rows->entry, reason);
          continue;
        }

      rapport_post_init (&post);
      post.type = RAPPORT_POST_VIDEO;

      /* The creation time is the fallback id, so a video without one cannot be stored. */
      post.created_at = created_at;
      if (!date_ok)
        {
          g_autofree char *quoted = rapport_text_excerpt (date);
          g_autofree char *reason = g_strdup_printf (_("video %u has no readable date (“%s”)"),
                                                     row_number, quoted);

          rapport_import_sink_skip (rows->sink, rows->entry, reason);
          continue;
        }

      post.url = get_text (row, "Link");
      id = rapport_tiktok_video_id_from_link (post.url);
      if (id == NULL)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, post.created_at);
      post.platform_id = id;

      post.text = get_text (row, "Title");
      if (post.text != NULL)
        {
          hashtags = rapport_text_extract_hashtags (post.text);
          post.hashtags = (const char * const *) hashtags;
        }

      post.likes = get_tiktok_count (row, "Likes");

      if (!rapport_import_sink_add_post (rows->sink, &post, error))
        return FALSE;
    }

  rows->n_rows = first_index + n_elements;
  return TRUE;
}

static gboolean
comment_rows (const RapportJsonValue  *elements,
              guint                    n_elements,
              guint64                  first_index,
              gpointer                 user_data,
              GError                 **error)
{
  Rows *rows = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *row = &elements[i];
      guint row_number = (guint) (first_index + i + 1);
      RapportInteraction interaction = { RAPPORT_INTERACTION_COMMENT, NULL, 0, NULL };
      const char *date;
      gboolean date_ok;

      date_ok = get_row_date (row, &date, &interaction.at);
      if (!begin_row (rows, row, first_index + i, date, date_ok, interaction.at, error))
        return FALSE;

      interaction.text = rapport_json_value_get_string (row, "Comment");
      if (interaction.text == NULL || interaction.text[0] == '\0')
        {
          g_autofree char *reason = g_strdup_printf (_("comment %u has no text"), row_number);

          rapport_import_sink_skip (rows->sink, rows->entry, reason);
          continue;
        }

      if (date != NULL && !date_ok)
        {
          g_autofree char *reason = g_strdup_printf (_("comment %u has an unreadable date “%s”"),
                                                     row_number, date);

          rapport_import_sink_skip (rows->sink, rows->entry, reason);
          continue;
        }

      if (!rapport_import_sink_add_interaction (rows->sink, &interaction, error))
        return FALSE;
    }

  rows->n_rows = first_index + n_elements;
  return TRUE;
}

typedef struct
{
  RapportJsonTree *tree;
  RapportImportSink *sink;
  const char *entry;
  GCancellable *cancellable;
  NewestDate dates;
  const RapportJsonValue *lists[4]; /* followers, following, videos, comments; or NULL */
} Import;

/* Reads the rows of @list (NULL for a section without one) with @func, then reports them. */
static gboolean
import_list (Import                  *import,
             const RapportJsonValue  *list,
             RapportDirection         direction,
             RapportJsonArrayFunc     func,
             GError                 **error)
{
  Rows rows = { import->sink, import->entry, import->cancellable, &import->dates, direction,
                LIST_DEPTH, 0 };

  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (list != NULL &&
      !rapport_json_tree_foreach (import->tree, list, func, &rows, import->cancellable, error))
    return FALSE;

  rapport_import_sink_progress (import->sink, import->entry, rows.n_rows);
  return TRUE;
}

static gboolean
is_imported (Import                 *import,
             const RapportJsonValue *long_list)
{
  for (guint i = 0; i < G_N_ELEMENTS (import->lists); i++)
    {
      const RapportJsonValue *list = import->lists[i];

      if (list != NULL && list->kind == RAPPORT_JSON_LONG_ARRAY && list->span == long_list->span)
        return TRUE;
    }
  return FALSE;
}

/* The long lists Rapport imports nothing from (the watch history, say) are read for their
 * dates, and so that a broken one is refused like any broken JSON. */
static gboolean
read_other_long_lists (Import      *import,
                       GHashTable  *long_lists,
                       GError     **error)
{
  const RapportJsonValue *arrays;
  guint n_arrays;

  arrays = rapport_json_tree_get_long_arrays (import->tree, &n_arrays);
  for (guint i = 0; i < n_arrays; i++)
    {
      Rows rows = { import->sink, import->entry, import->cancellable, &import->dates, 0,
                    G_MAXUINT, 0 };
      gpointer depth;

      if (is_imported (import, &arrays[i]))
        continue;
      /* Lists under a repeated name, or nested too deeply, have no dates that count. */
      if (g_hash_table_lookup_extended (long_lists, arrays[i].span, NULL, &depth))
        rows.depth = GPOINTER_TO_UINT (depth);
      if (!rapport_json_tree_foreach (import->tree, &arrays[i], date_rows, &rows,
                                      import->cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Whose export this is when no profile says it: the user its name gives
 * ("tiktok-<user>-<date>…"), else a stand-in made of the name, and the account is then marked
 * provisional.  Returns the handle. */
static char *
name_account (RapportAccountInfo *account,
              const char         *export_name,
              const char         *entry)
{
  char *handle;

  if ((handle = rapport_export_name_get_handle (export_name, "tiktok",
                                                &account->provisional)) != NULL)
    return handle;
  /* The entry's name ends in user_data.json: something is left of it. */
  return rapport_export_name_strip (entry);
}

gboolean
rapport_tiktok_import (RapportArchive     *archive,
                       RapportImportSink  *sink,
                       GCancellable       *cancellable,
                       GError            **error)
{
  return rapport_tiktok_import_with_limit (archive, sink, RAPPORT_TIKTOK_LONG_LIST_BYTES,
                                           cancellable, error);
}

gboolean
rapport_tiktok_import_with_limit (RapportArchive     *archive,
                                  RapportImportSink  *sink,
                                  gsize               long_list_bytes,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  g_autoptr(GHashTable) long_lists = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *named_handle = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_TIKTOK, NULL, NULL, NULL };
  RapportTiktokSections sections = { NULL };
  Import import = { NULL };
  const RapportJsonValue *root;
  const char *entry;
  gint64 follower_count = RAPPORT_COUNT_UNKNOWN;
  gint64 exported_at = 0;
  RapportDateSource date_source;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = find_entry (archive);
  if (entry == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no user_data.json or user_data_tiktok.json in it"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Its long lists are read again from the entry when their turn comes. */
  tree = rapport_json_tree_parse_entry (archive, entry, long_list_bytes, cancellable, error);
  if (tree == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);

  if (root->kind != RAPPORT_JSON_OBJECT)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: this is not a TikTok export (the file holds no JSON object)"), entry);
      return FALSE;
    }

  if (!rapport_tiktok_find_sections (root, &sections))
    {
      g_autofree char *found = rapport_tiktok_describe (root);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: nothing in it describes the account (no profile, followers, following "
                     "or videos); it holds %s"), entry, found != NULL ? found : _("nothing"));
      return FALSE;
    }

  import.tree = tree;
  import.sink = sink;
  import.entry = entry;
  import.cancellable = cancellable;
  import.dates.limit = rapport_time_max ();
  import.lists[0] = get_list (sections.followers, "FansList");
  import.lists[1] = get_list (sections.following, "Following");
  import.lists[2] = get_list (sections.videos, "VideoList");
  import.lists[3] = get_list (sections.comments, "CommentsList");

  /* The dates of the document's tree now, those of its long lists as they are read. */
  long_lists = g_hash_table_new (NULL, NULL);
  note_dates (&import.dates, root, 0, long_lists);
  if (!read_other_long_lists (&import, long_lists, error))
    return FALSE;

  export_name = rapport_export_name_of_archive (archive, entry);
  if (sections.profile != NULL)
    {
      account.handle = get_text (sections.profile, "userName");
      if (account.handle != NULL && account.handle[0] == '@' && account.handle[1] != '\0')
        account.handle++;
      account.display_name = get_text (sections.profile, "displayName");
      follower_count = get_tiktok_count (sections.profile, "followerCount");
    }
  if (account.handle == NULL)
    account.handle = named_handle = name_account (&account, export_name, entry);
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  /* A null list is an empty one: the export has the section. */
  if (sections.followers != NULL &&
      (!rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, error) ||
       !import_list (&import, import.lists[0], RAPPORT_DIRECTION_FOLLOWER, relation_rows, error)))
    return FALSE;
  rapport_import_sink_end_list (sink);

  if (sections.following != NULL &&
      (!rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWING, error) ||
       !import_list (&import, import.lists[1], RAPPORT_DIRECTION_FOLLOWING, relation_rows, error)))
    return FALSE;
  rapport_import_sink_end_list (sink);

  if (sections.videos != NULL &&
      !import_list (&import, import.lists[2], 0, video_rows, error))
    return FALSE;

  if (sections.comments != NULL &&
      !import_list (&import, import.lists[3], 0, comment_rows, error))
    return FALSE;

  /* Everything left to hand over is numbers: release the document before the sink commits. */
  g_clear_pointer (&tree, rapport_json_tree_free);

  /* TikTok's file carries no date of its own: whoever named the archive or folder wrote down
   * when it was made. */
  date_source = rapport_export_name_date_of (export_name,
                                             import.dates.found ? import.dates.newest : 0,
                                             rapport_archive_get_mtime (archive), &exported_at);

  if (follower_count >= 0)
    {
      RapportFollowerCount count = { exported_at, follower_count, RAPPORT_COUNT_SOURCE_PROFILE };

      if (!rapport_import_sink_add_follower_count (sink, &count, error))
        return FALSE;
    }

  rapport_import_sink_set_export_date (sink, exported_at, date_source);

  return TRUE;
}
