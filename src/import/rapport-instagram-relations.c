/* rapport-instagram-relations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower and following lists, read with the scanner of rapport-instagram-scanner.c,
 * which keeps only the few strings of each row that Rapport needs.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"
#include "import/rapport-json-private.h"

/* What the window holds past the row being read at least, unless the file ends first: the
 * separator after the row and the start of the next are in it. */
#define LOOKAHEAD (1 << 20)

#define KEY_IS(s, literal) rapport_instagram_scan_key_is ((s), (literal), sizeof (literal) - 1)

/* One row: {"title": …, "media_list_data": […],
 *           "string_list_data": [{"href", "value", "timestamp"}]}. */
typedef struct _ScannedFile ScannedFile;

typedef struct
{
  RapportInstagramImport *import;
  RapportDirection direction;
  /* When scanning ahead in a thread: where the rows wait, instead of the sink. */
  ScannedFile *scanned;
  gboolean has_title;
  gboolean has_value;
  gboolean has_href;
  gint64 timestamp;
} Row;

static gboolean
read_timestamp (RapportInstagramScanner  *s,
                gint64                   *out,
                GError                  **error)
{
  if (*s->p == '"')
    {
      /* Not seen in exports, but a quoted number says the same.  The field's name is no longer
       * needed, so its buffer holds the text. */
      if (!rapport_instagram_scan_string (s, s->key, error))
        return FALSE;
      if (s->key->len > 0 && strspn (s->key->str, "0123456789") == s->key->len)
        *out = g_ascii_strtoll (s->key->str, NULL, 10);
      return TRUE;
    }
  if (*s->p == '-' || g_ascii_isdigit (*s->p))
    return rapport_instagram_scan_number (s, out, error);
  return rapport_instagram_scan_skip (s, 0, error);
}

static gboolean
string_list_member (RapportInstagramScanner  *s,
                    guint                     depth,
                    gpointer                  data,
                    GError                  **error)
{
  Row *row = data;

  if (KEY_IS (s, "value") && *s->p == '"')
    {
      row->has_value = TRUE;
      return rapport_instagram_scan_string (s, s->value, error);
    }
  if (KEY_IS (s, "href") && *s->p == '"')
    {
      row->has_href = TRUE;
      return rapport_instagram_scan_string (s, s->href, error);
    }
  if (KEY_IS (s, "timestamp"))
    return read_timestamp (s, &row->timestamp, error);
  return rapport_instagram_scan_skip (s, depth, error);
}

static gboolean
string_list_element (RapportInstagramScanner  *s,
                     guint                     depth,
                     guint                     index,
                     gpointer                  data,
                     GError                  **error)
{
  /* The first item describes the account; later ones have never been seen. */
  if (index == 0 && *s->p == '{')
    return rapport_instagram_scan_object (s, depth, string_list_member, data, error);
  return rapport_instagram_scan_skip (s, depth, error);
}

static gboolean
row_member (RapportInstagramScanner  *s,
            guint                     depth,
            gpointer                  data,
            GError                  **error)
{
  Row *row = data;

  if (KEY_IS (s, "title") && *s->p == '"')
    {
      row->has_title = TRUE;
      return rapport_instagram_scan_string (s, s->title, error);
    }
  if (KEY_IS (s, "string_list_data") && *s->p == '[')
    return rapport_instagram_scan_array (s, depth, string_list_element, data, error);
  return rapport_instagram_scan_skip (s, depth, error);
}

/* Rows scanned ahead, in file order; the strings live in the file's chunk. */
typedef enum
{
  SCANNED_ACCOUNT,   /* name may still be NULL: a row without a user name */
  SCANNED_NOT_ACCOUNT,
} ScannedKind;

typedef struct
{
  ScannedKind kind;
  const char *name;
  gint64 since;
} ScannedRow;

struct _ScannedFile
{
  RapportInstagramImport *import;
  const char *entry;
  RapportDirection direction;
  GStringChunk *names;
  GArray *rows;
  GError *error;
  gboolean done;
  /* Whether the file holds a follow list, or else what other list it holds. */
  gboolean listed;
  const char *other;
  /* Shared by all files of one read: set when the reader gives up. */
  const gint *abandoned;
};

/* How often a thread scanning ahead checks whether the import was cancelled. */
#define SCAN_CHECK_INTERVAL 65536

static gboolean
keep_row (Row                      *row,
          RapportInstagramScanner  *s,
          ScannedKind               kind,
          const char               *name,
          GError                  **error)
{
  ScannedFile *scanned = row->scanned;
  ScannedRow kept = { kind, NULL, row->timestamp };

  if (name != NULL)
    kept.name = g_string_chunk_insert (scanned->names, name);
  g_array_append_val (scanned->rows, kept);

  if (scanned->rows->len % SCAN_CHECK_INTERVAL == 0)
    {
      if (g_cancellable_set_error_if_cancelled (scanned->import->cancellable, error))
        return FALSE;
      if (g_atomic_int_get (scanned->abandoned))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "abandoned");
          return FALSE;
        }
    }
  return TRUE;
}

/* Slides the window on to the value at s->p: the text behind is forgotten, and the value, the
 * separator after it and the start of the next one are read in. */
static gboolean
slide (RapportInstagramScanner  *s,
       GError                  **error)
{
  RapportJsonWindow *window = s->window;
  RapportJsonScanResult result;
  gsize pos = s->p - window->data;
  gsize end = 0;

  if (!window->eof && window->len - pos < LOOKAHEAD)
    {
      rapport_json_window_drop (window, pos);
      pos = 0;
      if (!rapport_json_window_fill (window, LOOKAHEAD, error))
        return FALSE;
    }
  while ((result = rapport_json_scan_value (window->data, window->len, pos, &end)) ==
           RAPPORT_JSON_SCAN_TRUNCATED && !window->eof)
    {
      rapport_json_window_drop (window, pos);
      pos = 0;
      if (window->len > RAPPORT_JSON_BATCH_LIMIT)
        {
          g_autofree char *limit = g_format_size (RAPPORT_JSON_BATCH_LIMIT);

          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                       _("%s: too large to read: its data would take more than %s of memory"),
                       s->entry, limit);
          return FALSE;
        }
      if (!rapport_json_window_fill (window, window->len + LOOKAHEAD, error))
        return FALSE;
    }
  s->start = window->data;
  s->start_line = window->line;
  s->p = window->data + pos;
  s->end = window->data + window->len;
  return TRUE;
}

/* At a row or a value of the document's root: read from a stream, it is in the window whole. */
static inline gboolean
slide_here (RapportInstagramScanner  *s,
            GError                  **error)
{
  return s->window == NULL || slide (s, error);
}

static void     reset_row  (Row                      *row);
static gboolean finish_row (RapportInstagramScanner  *s,
                            Row                      *row,
                            GError                  **error);

static gboolean
row_element (RapportInstagramScanner  *s,
             guint                     depth,
             guint                     index,
             gpointer                  data,
             GError                  **error)
{
  Row *row = data;

  /* The rows behind are read: a list of a million accounts need not stay in memory whole. */
  if (!slide_here (s, error))
    return FALSE;

  if (*s->p != '{')
    {
      if (!rapport_instagram_scan_skip (s, depth, error))
        return FALSE;
      if (row->scanned != NULL)
        return keep_row (row, s, SCANNED_NOT_ACCOUNT, NULL, error);
      rapport_import_sink_skip (row->import->sink, s->entry,
                                _("a row that does not describe an account"));
      return TRUE;
    }

  reset_row (row);
  if (!rapport_instagram_scan_object (s, depth, row_member, row, error))
    return FALSE;
  return finish_row (s, row, error);
}

static void
reset_row (Row *row)
{
  row->has_title = row->has_value = row->has_href = FALSE;
  row->timestamp = 0;
}

/* Hands on the row whose members were just read. */
static gboolean
finish_row (RapportInstagramScanner  *s,
            Row                      *row,
            GError                  **error)
{
  g_autofree char *from_href = NULL;
  const char *name = NULL;

  /* 2025 exports moved the name from "value" to "title"; the link always holds it. */
  if (row->has_value && s->value->len > 0)
    name = s->value->str;
  else if (row->has_title && s->title->len > 0)
    name = s->title->str;
  else if (row->has_href)
    name = from_href = rapport_instagram_user_from_href (s->href->str);

  if (row->scanned != NULL)
    return keep_row (row, s, SCANNED_ACCOUNT, name, error);
  return rapport_instagram_add_relation (row->import, s->entry, row->direction, name,
                                         row->timestamp, error);
}

/* The wrapper keys of Meta's other lists of accounts, which are not follow lists. */
static const char * const other_lists[] = {
  "relationships_follow_requests_sent",
  "relationships_permanent_follow_requests",
  "relationships_follow_requests_received",
  "relationships_restricted_users",
  "relationships_dismissed_suggested_users",
  "relationships_hide_stories_from",
  "relationships_blocked_users",
  "relationships_close_friends",
  "relationships_unfollowed_users",
};

static gboolean
is_other_list (RapportInstagramScanner *s)
{
  /* Threads' lists are another app's audience. */
  if (s->key->len > 14 && g_ascii_strncasecmp (s->key->str, "text_post_app_", 14) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (other_lists); i++)
    {
      if (rapport_instagram_scan_key_is (s, other_lists[i], strlen (other_lists[i])))
        return TRUE;
    }
  return FALSE;
}

/* The members of a row itself: a file with a single row may hold it bare, without a list. */
static gboolean
is_row_member (RapportInstagramScanner *s)
{
  return KEY_IS (s, "title") || KEY_IS (s, "string_list_data") ||
         KEY_IS (s, "media_list_data") || KEY_IS (s, "label_values") || KEY_IS (s, "media") ||
         KEY_IS (s, "timestamp");
}

/* The rows of a follow list start: the sink learns that the export has the list. */
static gboolean
list_found (Row     *row,
            GError **error)
{
  if (row->scanned != NULL)
    {
      row->scanned->listed = TRUE;
      return TRUE;
    }
  return rapport_instagram_begin_list (row->import, row->direction, error);
}

static void
skip_other_list (RapportInstagramImport *self,
                 const char             *entry,
                 RapportDirection        direction,
                 const char             *key)
{
  g_autofree char *reason =
    g_strdup_printf (direction == RAPPORT_DIRECTION_FOLLOWER
                     ? _("the file holds “%s”, not followers")
                     : _("the file holds “%s”, not followed accounts"), key);

  rapport_instagram_skip_beside_list (self, entry, reason);
}

typedef struct
{
  Row *row;
  gboolean found;
  gboolean is_row;
  char *other;
} Root;

static gboolean
root_member (RapportInstagramScanner  *s,
             guint                     depth,
             gpointer                  data,
             GError                  **error)
{
  Root *root = data;

  if (root->found)
    return slide_here (s, error) && rapport_instagram_scan_skip (s, depth, error);
  if (is_row_member (s))
    {
      root->is_row = TRUE;
      return slide_here (s, error) && row_member (s, depth, root->row, error);
    }
  if (*s->p != '[' || root->is_row)
    return slide_here (s, error) && rapport_instagram_scan_skip (s, depth, error);
  if (is_other_list (s))
    {
      if (root->other == NULL)
        root->other = g_strndup (s->key->str, s->key->len);
      return slide_here (s, error) && rapport_instagram_scan_skip (s, depth, error);
    }

  /* 2021–2022 wrap the rows: {"relationships_followers": [...]}.  The first array holds them,
   * whatever its name. */
  root->found = TRUE;
  return list_found (root->row, error) &&
         rapport_instagram_scan_array (s, depth, row_element, root->row, error);
}

static gboolean
read_root (RapportInstagramScanner  *s,
           Row                      *row,
           GError                  **error)
{
  g_autofree char *other = NULL;
  Root root = { row, FALSE, FALSE, NULL };
  gboolean ok;

  rapport_instagram_scan_skip_space (s);
  if (rapport_instagram_scan_at_end (s))
    return rapport_instagram_scan_error (s, _("the file is empty"), error);

  if (*s->p == '[')
    {
      root.found = TRUE;
      if (!list_found (row, error) ||
          !rapport_instagram_scan_array (s, 1, row_element, row, error))
        return FALSE;
    }
  else if (*s->p == '{')
    {
      reset_row (row);
      ok = rapport_instagram_scan_object (s, 1, root_member, &root, error);
      other = root.other;
      if (!ok)
        return FALSE;
    }
  else if (!rapport_instagram_scan_skip (s, 1, error))
    {
      return FALSE;
    }

  rapport_instagram_scan_skip_space (s);
  if (!rapport_instagram_scan_at_end (s))
    return rapport_instagram_scan_error (s, _("unexpected text after the end"), error);

  /* {"title": …, "media_list_data": [], "string_list_data": […]}: one row, bare. */
  if (!root.found && root.is_row)
    return list_found (row, error) && finish_row (s, row, error);

  if (!root.found && other != NULL)
    {
      if (row->scanned != NULL)
        row->scanned->other = g_string_chunk_insert (row->scanned->names, other);
      else
        skip_other_list (row->import, s->entry, row->direction, other);
      return TRUE;
    }

  if (!root.found)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file does not hold a list of accounts"), s->entry);
      return FALSE;
    }
  return TRUE;
}

/* Scans @entry, handing its rows to the sink, or to @row->scanned when that is set. */
static gboolean
scan_file (RapportInstagramImport  *self,
           const char              *entry,
           Row                     *row,
           GError                 **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) href = g_string_new (NULL);
  RapportInstagramScanner s = { 0 };
  RapportJsonWindow window;
  gboolean ok;

  /* Read as a stream: the window slides on at each row. */
  rapport_json_window_init (&window, rapport_archive_open_stream (self->archive, entry,
                                                                  self->cancellable));
  if (!rapport_json_window_fill (&window, LOOKAHEAD, error))
    {
      rapport_json_window_clear (&window);
      return FALSE;
    }
  s.start = window.data != NULL ? window.data : "";
  s.p = s.start;
  s.end = s.start + window.len;
  s.window = &window;
  s.entry = entry;
  s.key = key;
  s.title = title;
  s.value = value;
  s.href = href;

  if (window.len >= 3 && memcmp (s.p, "\xef\xbb\xbf", 3) == 0)
    s.p += 3;

  ok = read_root (&s, row, error);
  /* Nothing but spaces may follow the document in what was not read yet. */
  while (ok && !window.eof)
    {
      rapport_json_window_drop (&window, window.len);
      ok = rapport_json_window_fill (&window, LOOKAHEAD, error);
      s.start = s.p = window.data;
      s.end = window.data + window.len;
      s.start_line = window.line;
      rapport_instagram_scan_skip_space (&s);
      if (ok && !rapport_instagram_scan_at_end (&s))
        ok = rapport_instagram_scan_error (&s, _("unexpected text after the end"), error);
    }
  rapport_json_window_clear (&window);
  return ok;
}

gboolean
rapport_instagram_read_relations_json (RapportInstagramImport  *self,
                                       const char              *entry,
                                       RapportDirection         direction,
                                       GError                 **error)
{
  Row row = { 0 };

  g_assert (self != NULL);
  g_assert (entry != NULL);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  row.import = self;
  row.direction = direction;
  if (!scan_file (self, entry, &row, error))
    return FALSE;

  rapport_import_sink_progress (self->sink, entry, self->n_records);
  return TRUE;
}

/* ── split lists, scanned side by side ───────────────────────────────────────────────────── */

/* Large accounts get their followers in several files (followers_1.json … followers_4.json
 * for a million).  Scanning is most of such an import, so the next file is scanned in a thread
 * while this thread hands the rows of the one before to the sink, in file order, which keeps
 * the result exactly that of reading them one after the other.  One file ahead is enough to
 * keep two cores busy, and holds at most two files in memory at once. */

typedef struct
{
  GMutex lock;
  GCond finished;
} ScanSync;

static void
scan_thread (gpointer data,
             gpointer user_data)
{
  ScannedFile *file = data;
  ScanSync *sync = user_data;
  Row row = { 0 };
  GError *error = NULL;

  row.import = file->import;
  row.direction = file->direction;
  row.scanned = file;
  if (!g_atomic_int_get (file->abandoned))
    scan_file (file->import, file->entry, &row, &error);

  g_mutex_lock (&sync->lock);
  file->error = error;
  file->done = TRUE;
  g_cond_broadcast (&sync->finished);
  g_mutex_unlock (&sync->lock);
}

static void
scanned_file_free (ScannedFile *file)
{
  g_clear_pointer (&file->names, g_string_chunk_free);
  g_clear_pointer (&file->rows, g_array_unref);
  g_clear_error (&file->error);
  g_free (file);
}

static gboolean
replay_file (RapportInstagramImport  *self,
             ScannedFile             *file,
             GError                 **error)
{
  if (file->other != NULL)
    skip_other_list (self, file->entry, file->direction, file->other);
  if (file->listed && !rapport_instagram_begin_list (self, file->direction, error))
    return FALSE;

  for (guint i = 0; i < file->rows->len; i++)
    {
      const ScannedRow *row = &g_array_index (file->rows, ScannedRow, i);

      if (row->kind == SCANNED_NOT_ACCOUNT)
        rapport_import_sink_skip (self->sink, file->entry,
                                  _("a row that does not describe an account"));
      else if (!rapport_instagram_add_relation (self, file->entry, file->direction, row->name,
                                                row->since, error))
        return FALSE;
    }
  rapport_import_sink_progress (self->sink, file->entry, self->n_records);
  return TRUE;
}

gboolean
rapport_instagram_read_relation_files_json (RapportInstagramImport  *self,
                                            GPtrArray               *entries,
                                            RapportDirection         direction,
                                            GError                 **error)
{
  g_autoptr(GPtrArray) files = NULL;
  GThreadPool *pool;
  ScanSync sync;
  gint abandoned = FALSE;
  guint n_pushed = 0;
  gboolean ok = TRUE;

  g_assert (self != NULL);

  if (entries->len < 2 || g_get_num_processors () < 2)
    {
      for (guint i = 0; i < entries->len; i++)
        if (!rapport_instagram_read_relations_json (self, g_ptr_array_index (entries, i),
                                                    direction, error))
          return FALSE;
      return TRUE;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  g_mutex_init (&sync.lock);
  g_cond_init (&sync.finished);
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) scanned_file_free);
  pool = g_thread_pool_new (scan_thread, &sync, 2, FALSE, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      ScannedFile *file = g_new0 (ScannedFile, 1);

      file->import = self;
      file->entry = g_ptr_array_index (entries, i);
      file->direction = direction;
      file->names = g_string_chunk_new (256 * 1024);
      file->rows = g_array_new (FALSE, FALSE, sizeof (ScannedRow));
      file->abandoned = &abandoned;
      g_ptr_array_add (files, file);
    }

  for (guint i = 0; ok && i < files->len; i++)
    {
      ScannedFile *file = g_ptr_array_index (files, i);

      /* This file and the next are scanning, or done. */
      for (; n_pushed < files->len && n_pushed <= i + 1; n_pushed++)
        g_thread_pool_push (pool, g_ptr_array_index (files, n_pushed), NULL);

      g_mutex_lock (&sync.lock);
      while (!file->done)
        g_cond_wait (&sync.finished, &sync.lock);
      g_mutex_unlock (&sync.lock);

      if (file->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&file->error));
          ok = FALSE;
        }
      else
        {
          ok = replay_file (self, file, error);
        }
      /* Its rows are in the sink now; the memory can go before the next file. */
      g_clear_pointer (&file->names, g_string_chunk_free);
      g_clear_pointer (&file->rows, g_array_unref);
    }

  /* On failure the files still being scanned stop early; none may outlive this call. */
  g_atomic_int_set (&abandoned, TRUE);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_cond_clear (&sync.finished);
  g_mutex_clear (&sync.lock);
  return ok;
}
