/* rapport-instagram-relations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follower and following lists are the largest files of an Instagram export (a million
 * followers make a quarter of a gigabyte).  A whole-document parse would hold several times
 * that in memory, so this scanner walks the JSON text once, checks its syntax as it goes and
 * keeps only the few strings of each row that Rapport needs.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-instagram-private.h"

/* Deeper nesting than this is not an export; refusing it keeps the recursion bounded. */
#define MAX_DEPTH 64

/* How much of a mapped file is read between two hand-backs of its pages. */
#define RELEASE_STEP (1 << 20)

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  const char *entry;
  GString *key;
  GString *title;
  GString *value;
  GString *href;
  /* When the text maps a file: where the pages not yet handed back start. */
  gboolean mapped;
  gsize released;
} Scanner;

static gboolean
scan_error (Scanner     *s,
            const char  *problem,
            GError     **error)
{
  guint line = 1;

  for (const char *q = s->start; q < s->p && q < s->end; q++)
    {
      if (*q == '\n')
        line++;
    }
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: not valid JSON (line %u: %s)"), s->entry, line, problem);
  return FALSE;
}

static gboolean
at_end (Scanner *s)
{
  return s->p >= s->end;
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static gboolean
expect_char (Scanner     *s,
             char         c,
             GError     **error)
{
  skip_space (s);
  if (at_end (s))
    return scan_error (s, _("the file ends too early"), error);
  if (*s->p != c)
    {
      g_autofree char *problem = g_strdup_printf (_("expected “%c”"), c);

      return scan_error (s, problem, error);
    }
  s->p++;
  return TRUE;
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *out,
           GError  **error)
{
  gunichar value = 0;

  if (s->end - s->p < 4)
    return scan_error (s, _("the file ends too early"), error);
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s->p[i]);

      if (digit < 0)
        return scan_error (s, _("a \\u escape is malformed"), error);
      value = value * 16 + digit;
    }
  s->p += 4;
  *out = value;
  return TRUE;
}

/* The bytes that end a run of plain text inside a string: the quote, the backslash and the
 * control characters.  A table lookup per byte, since every byte of the lists passes here. */
static const guint8 ends_plain_run[256] = {
  [0x00 ... 0x1f] = TRUE,
  ['"'] = TRUE,
  ['\\'] = TRUE,
};

/* Reads a string at s->p (which is '"') into @out, or just past it when @out is NULL. */
static gboolean
read_string (Scanner  *s,
             GString  *out,
             GError  **error)
{
  g_assert (*s->p == '"');

  s->p++;
  if (out != NULL)
    g_string_truncate (out, 0);

  for (;;)
    {
      const char *run = s->p;
      gunichar c;

      while (s->p < s->end && !ends_plain_run[(guchar) *s->p])
        s->p++;
      if (out != NULL && s->p > run)
        g_string_append_len (out, run, s->p - run);

      if (at_end (s))
        return scan_error (s, _("a text is not closed"), error);
      if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
      if (*s->p != '\\')
        return scan_error (s, _("a control character inside a text"), error);

      s->p++;
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      switch (*s->p++)
        {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          if (!read_hex4 (s, &c, error))
            return FALSE;
          if (c >= 0xD800 && c <= 0xDBFF && s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u')
            {
              const char *saved = s->p;
              gunichar low;

              s->p += 2;
              if (!read_hex4 (s, &low, error))
                return FALSE;
              if (low >= 0xDC00 && low <= 0xDFFF)
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              else
                s->p = saved;
            }
          /* A lone surrogate is no character; keep the text readable. */
          if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
          break;
        default:
          s->p--;
          return scan_error (s, _("an unknown escape in a text"), error);
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
    }
}

/* Reads a JSON number; @out gets it truncated to an integer. */
static gboolean
read_number (Scanner  *s,
             gint64   *out,
             GError  **error)
{
  const char *begin = s->p;
  gboolean integral = TRUE;
  char buffer[64];
  gsize len;

  if (*s->p == '-')
    s->p++;
  if (at_end (s) || !g_ascii_isdigit (*s->p))
    return scan_error (s, _("a number is malformed"), error);
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integral = FALSE;
      if (at_end (s) || !g_ascii_isdigit (*s->p))
        return scan_error (s, _("a number is malformed"), error);
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integral = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (at_end (s) || !g_ascii_isdigit (*s->p))
        return scan_error (s, _("a number is malformed"), error);
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (out == NULL)
    return TRUE;

  len = s->p - begin;
  if (len >= sizeof buffer)
    {
      /* Far beyond any timestamp; not a value Rapport reads. */
      *out = 0;
      return TRUE;
    }
  memcpy (buffer, begin, len);
  buffer[len] = '\0';
  if (integral)
    *out = g_ascii_strtoll (buffer, NULL, 10);
  else
    *out = (gint64) g_ascii_strtod (buffer, NULL);
  return TRUE;
}

static gboolean
read_literal (Scanner  *s,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (s->end - s->p) >= len && memcmp (s->p, literals[i], len) == 0)
        {
          s->p += len;
          return TRUE;
        }
    }
  return scan_error (s, _("unexpected text"), error);
}

static gboolean skip_value (Scanner  *s,
                            guint     depth,
                            GError  **error);

/* Walks the members of the object at s->p, calling @member for each with s->key holding its
 * name and s->p at its value. */
typedef gboolean (*MemberFunc) (Scanner  *s,
                                guint     depth,
                                gpointer  data,
                                GError  **error);

static gboolean
read_object (Scanner     *s,
             guint        depth,
             MemberFunc   member,
             gpointer     data,
             GError     **error)
{
  g_assert (*s->p == '{');

  if (depth > MAX_DEPTH)
    return scan_error (s, _("the data is nested too deeply"), error);

  s->p++;
  skip_space (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  for (;;)
    {
      skip_space (s);
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      if (*s->p != '"')
        return scan_error (s, _("expected the name of a field"), error);
      if (!read_string (s, s->key, error) || !expect_char (s, ':', error))
        return FALSE;
      skip_space (s);
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      if (member != NULL)
        {
          if (!member (s, depth + 1, data, error))
            return FALSE;
        }
      else if (!skip_value (s, depth + 1, error))
        {
          return FALSE;
        }

      skip_space (s);
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      if (*s->p == ',')
        {
          s->p++;
          continue;
        }
      if (*s->p == '}')
        {
          s->p++;
          return TRUE;
        }
      return scan_error (s, _("expected “,” or “}”"), error);
    }
}

typedef gboolean (*ElementFunc) (Scanner  *s,
                                 guint     depth,
                                 guint     index,
                                 gpointer  data,
                                 GError  **error);

static gboolean
read_array (Scanner      *s,
            guint         depth,
            ElementFunc   element,
            gpointer      data,
            GError      **error)
{
  g_assert (*s->p == '[');

  if (depth > MAX_DEPTH)
    return scan_error (s, _("the data is nested too deeply"), error);

  s->p++;
  skip_space (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }

  for (guint index = 0;; index++)
    {
      skip_space (s);
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      if (element != NULL)
        {
          if (!element (s, depth + 1, index, data, error))
            return FALSE;
        }
      else if (!skip_value (s, depth + 1, error))
        {
          return FALSE;
        }

      skip_space (s);
      if (at_end (s))
        return scan_error (s, _("the file ends too early"), error);
      if (*s->p == ',')
        {
          s->p++;
          continue;
        }
      if (*s->p == ']')
        {
          s->p++;
          return TRUE;
        }
      return scan_error (s, _("expected “,” or “]”"), error);
    }
}

static gboolean
skip_value (Scanner  *s,
            guint     depth,
            GError  **error)
{
  skip_space (s);
  if (at_end (s))
    return scan_error (s, _("the file ends too early"), error);

  switch (*s->p)
    {
    case '{':
      return read_object (s, depth, NULL, NULL, error);
    case '[':
      return read_array (s, depth, NULL, NULL, error);
    case '"':
      return read_string (s, NULL, error);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (s, NULL, error);
    default:
      return read_literal (s, error);
    }
}

/* One row: {"title": …, "media_list_data": […], "string_list_data": [{"href", "value", "timestamp"}]}. */
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
read_timestamp (Scanner  *s,
                gint64   *out,
                GError  **error)
{
  if (*s->p == '"')
    {
      /* Not seen in exports, but a quoted number says the same.  The field's name is no longer
       * needed, so its buffer holds the text. */
      if (!read_string (s, s->key, error))
        return FALSE;
      if (s->key->len > 0 && strspn (s->key->str, "0123456789") == s->key->len)
        *out = g_ascii_strtoll (s->key->str, NULL, 10);
      return TRUE;
    }
  if (*s->p == '-' || g_ascii_isdigit (*s->p))
    return read_number (s, out, error);
  return skip_value (s, 0, error);
}

/* Whether the member being read is @name, in any case.  The length decides most comparisons
 * and the exact spelling nearly all the others: a million rows have six million keys. */
static inline gboolean
key_is (Scanner    *s,
        const char *name,
        gsize       len)
{
  return s->key->len == len &&
         (memcmp (s->key->str, name, len) == 0 || g_ascii_strncasecmp (s->key->str, name, len) == 0);
}

#define KEY_IS(s, literal) key_is ((s), (literal), sizeof (literal) - 1)

static gboolean
string_list_member (Scanner  *s,
                    guint     depth,
                    gpointer  data,
                    GError  **error)
{
  Row *row = data;

  if (KEY_IS (s, "value") && *s->p == '"')
    {
      row->has_value = TRUE;
      return read_string (s, s->value, error);
    }
  if (KEY_IS (s, "href") && *s->p == '"')
    {
      row->has_href = TRUE;
      return read_string (s, s->href, error);
    }
  if (KEY_IS (s, "timestamp"))
    return read_timestamp (s, &row->timestamp, error);
  return skip_value (s, depth, error);
}

static gboolean
string_list_element (Scanner  *s,
                     guint     depth,
                     guint     index,
                     gpointer  data,
                     GError  **error)
{
  /* The first item describes the account; later ones have never been seen. */
  if (index == 0 && *s->p == '{')
    return read_object (s, depth, string_list_member, data, error);
  return skip_value (s, depth, error);
}

static gboolean
row_member (Scanner  *s,
            guint     depth,
            gpointer  data,
            GError  **error)
{
  Row *row = data;

  if (KEY_IS (s, "title") && *s->p == '"')
    {
      row->has_title = TRUE;
      return read_string (s, s->title, error);
    }
  if (KEY_IS (s, "string_list_data") && *s->p == '[')
    return read_array (s, depth, string_list_element, data, error);
  return skip_value (s, depth, error);
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
  /* Shared by all files of one read: set when the reader gives up. */
  const gint *abandoned;
};

/* How often a thread scanning ahead checks whether the import was cancelled. */
#define SCAN_CHECK_INTERVAL 65536

static gboolean
keep_row (Row         *row,
          Scanner     *s,
          ScannedKind  kind,
          const char  *name,
          GError     **error)
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

static gboolean
row_element (Scanner  *s,
             guint     depth,
             guint     index,
             gpointer  data,
             GError  **error)
{
  Row *row = data;
  g_autofree char *from_href = NULL;
  const char *name = NULL;

  /* The rows behind are read: a list of a million accounts need not stay in memory whole. */
  if (s->mapped && (gsize) (s->p - s->start) - s->released >= RELEASE_STEP)
    s->released = rapport_json_release_pages (s->start, s->released, s->p - s->start);

  if (*s->p != '{')
    {
      if (!skip_value (s, depth, error))
        return FALSE;
      if (row->scanned != NULL)
        return keep_row (row, s, SCANNED_NOT_ACCOUNT, NULL, error);
      rapport_import_sink_skip (row->import->sink, s->entry, _("a row that does not describe an account"));
      return TRUE;
    }

  row->has_title = row->has_value = row->has_href = FALSE;
  row->timestamp = 0;
  if (!read_object (s, depth, row_member, row, error))
    return FALSE;

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

typedef struct
{
  Row *row;
  gboolean found;
} Root;

static gboolean
root_member (Scanner  *s,
             guint     depth,
             gpointer  data,
             GError  **error)
{
  Root *root = data;

  /* 2021–2022 wrap the rows: {"relationships_followers": [...]}.  The first array holds them,
   * whatever its name. */
  if (root->found || *s->p != '[')
    return skip_value (s, depth, error);
  root->found = TRUE;
  return read_array (s, depth, row_element, root->row, error);
}

static gboolean
read_root (Scanner  *s,
           Row      *row,
           GError  **error)
{
  Root root = { row, FALSE };

  skip_space (s);
  if (at_end (s))
    return scan_error (s, _("the file is empty"), error);

  if (*s->p == '[')
    {
      root.found = TRUE;
      if (!read_array (s, 1, row_element, row, error))
        return FALSE;
    }
  else if (*s->p == '{')
    {
      if (!read_object (s, 1, root_member, &root, error))
        return FALSE;
    }
  else if (!skip_value (s, 1, error))
    {
      return FALSE;
    }

  skip_space (s);
  if (!at_end (s))
    return scan_error (s, _("unexpected text after the end"), error);

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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) href = g_string_new (NULL);
  Scanner s = { 0 };
  gsize size = 0;

  bytes = rapport_archive_read (self->archive, entry, &s.mapped, error);
  if (bytes == NULL)
    return FALSE;

  s.start = g_bytes_get_data (bytes, &size);
  s.p = s.start;
  s.end = s.start + size;
  s.entry = entry;
  s.key = key;
  s.title = title;
  s.value = value;
  s.href = href;

  if (size >= 3 && memcmp (s.p, "\xef\xbb\xbf", 3) == 0)
    s.p += 3;

  return read_root (&s, row, error);
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
  for (guint i = 0; i < file->rows->len; i++)
    {
      const ScannedRow *row = &g_array_index (file->rows, ScannedRow, i);

      if (row->kind == SCANNED_NOT_ACCOUNT)
        rapport_import_sink_skip (self->sink, file->entry, _("a row that does not describe an account"));
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
