/* rapport-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "import/rapport-archive.h"
#include "import/rapport-csv.h"
#include "import/rapport-json-array.h"
#include "core/rapport-import-error.h"
#include "core/rapport-numbers.h"
#include "core/rapport-records.h"

struct _RapportCsvReader
{
  GBytes *bytes;    /* the text, in UTF-8 */
  char *entry_name;
  const char *data;
  gsize size;
  gsize pos;
  guint next_line; /* the line at pos */
  guint row_line;
  char separator;
  RapportCsvFlags flags;

  GString *fields;  /* the current row's fields, each ending in NUL */
  GArray *offsets;  /* guint: where each field starts in @fields */
  GPtrArray *header; /* trimmed names, NULL-terminated */
  char *title;

  gboolean in_blocks;   /* next() stops at a blank line */
  gboolean block_ended;
  gboolean mapped;      /* @data maps a file (RAPPORT_CSV_MAPPED) */
  gsize released;       /* where the next release of mapped pages starts */

  /* Read from a stream: @data is @window, the text from the start of the current row on,
   * filled as the reader goes; the rows before it are dropped. */
  RapportArchiveStream *stream;
  GByteArray *window;
  gboolean stream_ended;
  GError *stream_error;
  int utf16;            /* 0, or 1 for little-endian and 2 for big-endian UTF-16 */
  guint8 carry[4];      /* UTF-16 bytes of a unit or pair cut by a chunk's end */
  gsize n_carry;
};

/* How far into the text the separator is looked for. */
#define DETECT_BYTES ((gsize) 1 << 20)

/* Bytes read from a stream at a time. */
#define STREAM_CHUNK ((gsize) 256 << 10)

/* Mapped pages are handed back once this much was read past the last release: one system call
 * per row would cost more than the rows. */
#define RELEASE_BYTES ((gsize) 1 << 20)

static gunichar
utf16_unit (const guint8 *p,
            gboolean      big_endian)
{
  return big_endian ? (gunichar) (p[0] << 8 | p[1]) : (gunichar) (p[0] | p[1] << 8);
}

/* UTF-16 to UTF-8 onto @out, with U+FFFD for unpaired surrogates; returns how many bytes of
 * @data it left for the next chunk (an odd byte, a high surrogate whose pair may follow), or
 * with @last, turns them into U+FFFD. */
static gsize
utf16_append (GString      *out,
              const guint8 *data,
              gsize         size,
              gboolean      big_endian,
              gboolean      last)
{
  gsize i;

  g_assert (data != NULL || size == 0);

  for (i = 0; i + 1 < size; i += 2)
    {
      gunichar u = utf16_unit (data + i, big_endian);

      if (u >= 0xD800 && u < 0xDC00)
        {
          if (i + 3 >= size && !last)
            return size - i;
          if (i + 3 < size)
            {
              gunichar low = utf16_unit (data + i + 2, big_endian);

              if (low >= 0xDC00 && low < 0xE000)
                {
                  u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                  i += 2;
                }
            }
        }
      if (u >= 0xD800 && u < 0xE000)
        u = 0xFFFD;
      g_string_append_unichar (out, u);
    }
  if (i < size)
    {
      if (!last)
        return size - i;
      g_string_append_unichar (out, 0xFFFD);
    }
  return 0;
}

static GBytes *
utf16_to_utf8 (const guint8 *data,
               gsize         size,
               gboolean      big_endian)
{
  GString *text = g_string_sized_new (size + size / 2 + 1);

  utf16_append (text, data, size, big_endian, TRUE);
  return g_string_free_to_bytes (text);
}

/* Reads the stream's next chunk onto the window: FALSE at its end or on an error, kept for
 * the caller to report. */
static gboolean
fill_window (RapportCsvReader *self)
{
  g_autofree guint8 *chunk = NULL;
  gsize start = self->n_carry;
  gssize n;

  if (self->stream == NULL || self->stream_ended)
    return FALSE;

  chunk = g_malloc (start + STREAM_CHUNK);
  memcpy (chunk, self->carry, start);
  n = rapport_archive_stream_read (self->stream, chunk + start, STREAM_CHUNK,
                                   &self->stream_error);
  if (n <= 0)
    self->stream_ended = TRUE;
  if (n < 0)
    return FALSE;

  /* The first two bytes say whether the text is UTF-16: kept until both are read. */
  if (self->utf16 < 0)
    {
      if (start + n < 2 && !self->stream_ended)
        {
          memcpy (self->carry, chunk, start + n);
          self->n_carry = start + n;
          return TRUE;
        }
      if (n == 0 && start == 0)
        return FALSE;
      self->n_carry = 0;
      if (start + n >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) ||
                             (chunk[0] == 0xFE && chunk[1] == 0xFF)))
        {
          self->utf16 = chunk[0] == 0xFE ? 2 : 1;
          memmove (chunk, chunk + 2, start + n - 2);
          n -= 2;
        }
      else
        self->utf16 = 0;
    }

  if (self->utf16 > 0)
    {
      GString *text = g_string_sized_new ((start + n) * 3 / 2 + 4);

      self->n_carry = utf16_append (text, chunk, start + n, self->utf16 == 2,
                                    self->stream_ended);
      memcpy (self->carry, chunk + start + n - self->n_carry, self->n_carry);
      g_byte_array_append (self->window, (const guint8 *) text->str, text->len);
      g_string_free (text, TRUE);
    }
  else
    {
      /* With the first bytes, kept while it was not known whether they were UTF-16. */
      g_byte_array_append (self->window, chunk, start + n);
    }

  self->data = (const char *) self->window->data;
  self->size = self->window->len;
  return n > 0 || self->window->len > 0;
}

/* Whether the text has a byte at @pos + @ahead, reading the stream on as needed. */
static gboolean
has_byte (RapportCsvReader *self,
          gsize             ahead)
{
  while (self->pos + ahead >= self->size)
    {
      gsize before = self->size;

      if (!fill_window (self) || self->size == before)
        {
          if (self->stream_ended || self->stream == NULL)
            return self->pos + ahead < self->size;
        }
    }
  return TRUE;
}

/* Drops the rows before @pos from the window: nothing of them is kept (fields are copied). */
static void
drop_read_rows (RapportCsvReader *self)
{
  if (self->stream == NULL || self->pos < STREAM_CHUNK)
    return;
  g_byte_array_remove_range (self->window, 0, self->pos);
  self->pos = 0;
  self->data = (const char *) self->window->data;
  self->size = self->window->len;
}

/* Consumes a line break at @pos, if any: CRLF, LF or a lone CR. */
static gboolean
eat_line_end (RapportCsvReader *self)
{
  if (!has_byte (self, 0))
    return FALSE;

  if (self->data[self->pos] == '\r')
    {
      self->pos++;
      if (has_byte (self, 0) && self->data[self->pos] == '\n')
        self->pos++;
    }
  else if (self->data[self->pos] == '\n')
    self->pos++;
  else
    return FALSE;

  self->next_line++;
  return TRUE;
}

/* Excel's "sep=;" first line: the separator it names (and the line is skipped), or 0. */
static char
read_sep_line (RapportCsvReader *self)
{
  const char *p;
  gsize left;
  char separator;

  has_byte (self, 5);
  p = self->data + self->pos;
  left = self->size - self->pos;

  if (left < 5 || g_ascii_strncasecmp (p, "sep=", 4) != 0)
    return 0;

  separator = p[4];
  if (separator != ',' && separator != ';' && separator != '\t')
    return 0;
  if (left > 5 && p[5] != '\r' && p[5] != '\n')
    return 0;

  self->pos += 5;
  eat_line_end (self);
  return separator;
}

/* The most frequent of @candidates in @counts, ',' before ';' before tab on a tie; 0 for none. */
static char
pick_separator (const char  *candidates,
                const guint *counts,
                guint        n)
{
  guint best = 0;

  g_assert (candidates != NULL && counts != NULL && n > 0);

  for (guint k = 1; k < n; k++)
    if (counts[k] > counts[best])
      best = k;
  return counts[best] > 0 ? candidates[best] : 0;
}

/* The most frequent of ',' ';' and tab outside quotes, on the first line that has one. */
static char
detect_separator (RapportCsvReader *self)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char separator;

  /* Bounded, so that a file without any separator is not read whole to say so. */
  for (gsize i = self->pos; i - self->pos < DETECT_BYTES && has_byte (self, i - self->pos); i++)
    {
      char c = self->data[i];

      if (quoted && c == '\\' && (self->flags & RAPPORT_CSV_BACKSLASH_ESCAPES) != 0)
        {
          i++;
          continue;
        }
      if (c == '"')
        quoted = !quoted;
      if (quoted)
        continue;

      if ((c == '\n' || c == '\r') &&
          (separator = pick_separator (candidates, counts, G_N_ELEMENTS (candidates))) != 0)
        return separator;
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          counts[k]++;
    }

  separator = pick_separator (candidates, counts, G_N_ELEMENTS (candidates));
  return separator != 0 ? separator : ',';
}

RapportCsvReader *
rapport_csv_reader_new (GBytes     *bytes,
                        const char *entry_name)
{
  return rapport_csv_reader_new_full (bytes, entry_name, RAPPORT_CSV_DEFAULT);
}

static RapportCsvReader *
reader_new (const char      *entry_name,
            RapportCsvFlags  flags)
{
  RapportCsvReader *self = g_new0 (RapportCsvReader, 1);

  self->entry_name = g_strdup (entry_name);
  self->flags = flags;
  self->next_line = 1;
  self->fields = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  /* An empty file's bytes may have no data at all, and no offset may be added to NULL. */
  self->data = "";
  return self;
}

/* Skips a UTF-8 byte order mark, and reads or detects the separator. */
static void
read_start (RapportCsvReader *self)
{
  if (has_byte (self, 2) && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  self->separator = read_sep_line (self);
  if (self->separator == 0)
    self->separator = detect_separator (self);
}

RapportCsvReader *
rapport_csv_reader_new_full (GBytes          *bytes,
                             const char      *entry_name,
                             RapportCsvFlags  flags)
{
  RapportCsvReader *self;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (entry_name != NULL, NULL);

  self = reader_new (entry_name, flags);
  data = g_bytes_get_data (bytes, &size);
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    self->bytes = utf16_to_utf8 (data + 2, size - 2, data[0] == 0xFE);
  else
    {
      self->bytes = g_bytes_ref (bytes);
      self->mapped = (flags & RAPPORT_CSV_MAPPED) != 0;
    }
  self->data = g_bytes_get_data (self->bytes, &self->size);
  if (self->data == NULL)
    self->data = "";

  read_start (self);
  return self;
}

RapportCsvReader *
rapport_csv_reader_open (RapportArchive   *archive,
                         const char       *entry,
                         RapportCsvFlags   flags,
                         GCancellable     *cancellable,
                         GError          **error)
{
  RapportCsvReader *self;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A file of a folder is mapped, and its pages handed back as the rows are read. */
  if (rapport_archive_entry_is_file (archive, entry))
    {
      g_autoptr(GBytes) bytes = NULL;
      gboolean mapped = FALSE;

      if (!(bytes = rapport_archive_read (archive, entry, &mapped, error)))
        return NULL;
      return rapport_csv_reader_new_full (bytes, entry,
                                          mapped ? flags | RAPPORT_CSV_MAPPED : flags);
    }

  self = reader_new (entry, flags);
  self->stream = rapport_archive_open_stream (archive, entry, cancellable);
  self->window = g_byte_array_new ();
  self->utf16 = -1;
  read_start (self);
  if (self->stream_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->stream_error));
      rapport_csv_reader_free (self);
      return NULL;
    }
  return self;
}

void
rapport_csv_reader_free (RapportCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->stream, rapport_archive_stream_free);
  g_clear_pointer (&self->window, g_byte_array_unref);
  g_clear_error (&self->stream_error);
  g_free (self->entry_name);
  g_string_free (self->fields, TRUE);
  g_array_unref (self->offsets);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}

/* Sets @error to the stream's failure, if it failed: that, not the end of text it made, is
 * what went wrong (a quoted field cut by it does not "never end"). */
static gboolean
stream_failed (RapportCsvReader  *self,
               GError           **error)
{
  if (self->stream_error == NULL)
    return FALSE;
  if (error != NULL)
    g_clear_error (error);
  g_propagate_error (error, g_steal_pointer (&self->stream_error));
  return TRUE;
}

char
rapport_csv_reader_get_separator (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

static gboolean
read_quoted (RapportCsvReader  *self,
             GError           **error)
{
  gboolean backslashes = (self->flags & RAPPORT_CSV_BACKSLASH_ESCAPES) != 0;
  guint start_line = self->next_line;

  g_assert (self->data[self->pos] == '"');

  self->pos++;
  while (has_byte (self, 0))
    {
      char c = self->data[self->pos];
      char after = has_byte (self, 1) ? self->data[self->pos + 1] : '\0';

      if ((c == '"' && after == '"') ||
          (backslashes && c == '\\' && (after == '"' || after == '\\')))
        {
          g_string_append_c (self->fields, after);
          self->pos += 2;
          continue;
        }
      if (c == '"')
        {
          self->pos++;
          return TRUE;
        }

      /* A CR LF inside a field counts as one line break. */
      if (c == '\n' || (c == '\r' && after != '\n'))
        self->next_line++;
      g_string_append_c (self->fields, c);
      self->pos++;
    }

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: a quoted field that starts on line %u never ends"),
               self->entry_name, start_line);
  return FALSE;
}

/* Reads the next row, skipping empty lines; *n_blank says how many it skipped. */
static gboolean
read_row (RapportCsvReader  *self,
          guint             *n_blank,
          GError           **error)
{
  guint blank = 0;

  g_string_truncate (self->fields, 0);
  g_array_set_size (self->offsets, 0);

  while (eat_line_end (self))
    blank++;
  if (n_blank != NULL)
    *n_blank = blank;
  if (!has_byte (self, 0))
    return FALSE;

  self->row_line = self->next_line;

  for (;;)
    {
      guint offset = self->fields->len;

      g_array_append_val (self->offsets, offset);

      if (self->data[self->pos] == '"')
        {
          if (!read_quoted (self, error))
            return FALSE;
        }

      /* Unquoted text, or what follows a closing quote (kept as it is, like most readers). */
      while (has_byte (self, 0))
        {
          char c = self->data[self->pos];

          if (c == self->separator || c == '\n' || c == '\r')
            break;
          g_string_append_c (self->fields, c);
          self->pos++;
        }
      g_string_append_c (self->fields, '\0');

      if (has_byte (self, 0) && self->data[self->pos] == self->separator)
        {
          self->pos++;
          /* A separator at the very end still opens one empty field. */
          if (!has_byte (self, 0))
            {
              offset = self->fields->len;
              g_array_append_val (self->offsets, offset);
              g_string_append_c (self->fields, '\0');
              return self->stream_error == NULL;
            }
          continue;
        }

      eat_line_end (self);
      /* A stream that failed ended the text: the row it cut is not a row. */
      return self->stream_error == NULL;
    }
}

static gboolean
is_blank (const char *text)
{
  g_assert (text != NULL);

  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* How many fields of the current row have text. */
static guint
count_filled (RapportCsvReader *self)
{
  guint n = 0;

  for (guint i = 0; i < self->offsets->len; i++)
    if (!is_blank (rapport_csv_reader_get_field (self, i)))
      n++;
  return n;
}

gboolean
rapport_csv_reader_next (RapportCsvReader  *self,
                         GError           **error)
{
  gsize pos;
  guint line;
  guint n_blank;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->block_ended)
    return FALSE;

  /* The rows before this one are copied out or done with. */
  drop_read_rows (self);
  pos = self->pos;
  line = self->next_line;
  if (self->mapped && pos - self->released >= RELEASE_BYTES)
    self->released = rapport_json_release_pages (self->data, self->released, pos);
  if (!read_row (self, &n_blank, error))
    {
      stream_failed (self, error);
      return FALSE;
    }

  /* In blocks, a blank line or a row of empty fields ends the block; the next block starts
   * over from the blank line. */
  if (self->in_blocks && (n_blank > 0 || count_filled (self) == 0))
    {
      self->block_ended = TRUE;
      self->pos = pos;
      self->next_line = line;
      g_string_truncate (self->fields, 0);
      g_array_set_size (self->offsets, 0);
      return FALSE;
    }

  return TRUE;
}

guint
rapport_csv_reader_get_n_fields (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offsets->len;
}

const char *
rapport_csv_reader_get_field (RapportCsvReader *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->offsets->len)
    return NULL;

  return self->fields->str + g_array_index (self->offsets, guint, index);
}

guint
rapport_csv_reader_get_line (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

static char *
trim_name (const char *name)
{
  char *valid = g_utf8_make_valid (name, -1);

  return g_strstrip (valid);
}

/* The header is the current row, or @only_name alone when given. */
static void
set_header (RapportCsvReader *self,
            const char       *only_name)
{
  g_clear_pointer (&self->header, g_ptr_array_unref);
  self->header = g_ptr_array_new_null_terminated (self->offsets->len, g_free, TRUE);
  if (only_name != NULL)
    {
      g_ptr_array_add (self->header, trim_name (only_name));
      return;
    }
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->header, trim_name (rapport_csv_reader_get_field (self, i)));
}

gboolean
rapport_csv_reader_read_header (RapportCsvReader  *self,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_csv_reader_next (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                     _("%s: the file is empty"), self->entry_name);
      return FALSE;
    }

  set_header (self, NULL);
  return TRUE;
}

gboolean
rapport_csv_reader_next_block (RapportCsvReader  *self,
                               GError           **error)
{
  g_autofree char *first = NULL;
  guint n_blank = 0;
  gsize pos;
  guint line;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->in_blocks = TRUE;
  self->block_ended = FALSE;
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);

  drop_read_rows (self);
  do
    {
      if (!read_row (self, NULL, error))
        {
          stream_failed (self, error);
          return FALSE;
        }
    }
  while (count_filled (self) == 0);

  if (count_filled (self) > 1 || is_blank (rapport_csv_reader_get_field (self, 0)))
    {
      set_header (self, NULL);
      return TRUE;
    }

  /* One field: a title when a header follows, else a header of one column. */
  first = g_strdup (rapport_csv_reader_get_field (self, 0));
  pos = self->pos;
  line = self->next_line;
  if (read_row (self, &n_blank, error) && n_blank == 0 && count_filled (self) > 1)
    {
      self->title = trim_name (first);
      set_header (self, NULL);
      return TRUE;
    }
  if (stream_failed (self, error) || (error != NULL && *error != NULL))
    return FALSE;

  self->pos = pos;
  self->next_line = line;
  set_header (self, first);
  return TRUE;
}

const char *
rapport_csv_reader_get_title (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char * const *
rapport_csv_reader_get_header (RapportCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->header != NULL ? (const char * const *) self->header->pdata : NULL;
}

static char *
fold_name (const char *name)
{
  g_autofree char *trimmed = trim_name (name);

  return g_utf8_casefold (trimmed, -1);
}

int
rapport_csv_find_name (const char * const *texts,
                       guint               n_texts,
                       const char * const *names)
{
  g_autoptr(GPtrArray) folded = NULL;

  g_return_val_if_fail (texts != NULL || n_texts == 0, -1);
  g_return_val_if_fail (names != NULL, -1);

  folded = g_ptr_array_new_full (n_texts, g_free);
  for (guint i = 0; i < n_texts; i++)
    g_ptr_array_add (folded, texts[i] != NULL ? fold_name (texts[i]) : NULL);

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *name = fold_name (names[n]);

      for (guint i = 0; i < n_texts; i++)
        {
          const char *text = g_ptr_array_index (folded, i);

          if (text != NULL && strcmp (text, name) == 0)
            return (int) i;
        }
    }

  return -1;
}

int
rapport_csv_reader_find_column_any (RapportCsvReader   *self,
                                    const char * const *names)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  if (self->header == NULL)
    return -1;

  return rapport_csv_find_name ((const char * const *) self->header->pdata, self->header->len,
                                names);
}

int
rapport_csv_reader_find_column (RapportCsvReader *self,
                                const char       *name)
{
  const char *names[] = { name, NULL };

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  return rapport_csv_reader_find_column_any (self, names);
}

const char *
rapport_csv_reader_get_column (RapportCsvReader *self,
                               int               column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (column < 0)
    return NULL;

  return rapport_csv_reader_get_field (self, (guint) column);
}

gint64
rapport_csv_reader_get_count (RapportCsvReader *self,
                              int               column)
{
  g_return_val_if_fail (self != NULL, RAPPORT_COUNT_UNKNOWN);

  return rapport_count_or_unknown (rapport_csv_reader_get_column (self, column));
}
