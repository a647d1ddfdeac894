/* rapport-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

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
};

/* Mapped pages are handed back once this much was read past the last release: one system call
 * per row would cost more than the rows. */
#define RELEASE_BYTES ((gsize) 1 << 20)

static gunichar
utf16_unit (const guint8 *p,
            gboolean      big_endian)
{
  return big_endian ? (gunichar) (p[0] << 8 | p[1]) : (gunichar) (p[0] | p[1] << 8);
}

/* UTF-16 to UTF-8, with U+FFFD for unpaired surrogates and an odd last byte. */
static GBytes *
utf16_to_utf8 (const guint8 *data,
               gsize         size,
               gboolean      big_endian)
{
  GString *text = g_string_sized_new (size + size / 2 + 1);
  gsize i;

  g_assert (data != NULL || size == 0);

  for (i = 0; i + 1 < size; i += 2)
    {
      gunichar u = utf16_unit (data + i, big_endian);

      if (u >= 0xD800 && u < 0xDC00 && i + 3 < size)
        {
          gunichar low = utf16_unit (data + i + 2, big_endian);

          if (low >= 0xDC00 && low < 0xE000)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }
      if (u >= 0xD800 && u < 0xE000)
        u = 0xFFFD;
      g_string_append_unichar (text, u);
    }
  if (i < size)
    g_string_append_unichar (text, 0xFFFD);

  return g_string_free_to_bytes (text);
}

/* Consumes a line break at @pos, if any: CRLF, LF or a lone CR. */
static gboolean
eat_line_end (RapportCsvReader *self)
{
  if (self->pos >= self->size)
    return FALSE;

  if (self->data[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->size && self->data[self->pos] == '\n')
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
  const char *p = self->data + self->pos;
  gsize left = self->size - self->pos;
  char separator;

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

  for (gsize i = self->pos; i < self->size; i++)
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

  self = g_new0 (RapportCsvReader, 1);
  self->entry_name = g_strdup (entry_name);
  self->flags = flags;
  self->next_line = 1;
  self->fields = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));

  data = g_bytes_get_data (bytes, &size);
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    self->bytes = utf16_to_utf8 (data + 2, size - 2, data[0] == 0xFE);
  else
    {
      self->bytes = g_bytes_ref (bytes);
      self->mapped = (flags & RAPPORT_CSV_MAPPED) != 0;
    }
  self->data = g_bytes_get_data (self->bytes, &self->size);
  /* An empty file's bytes may have no data at all, and no offset may be added to NULL. */
  if (self->data == NULL)
    self->data = "";

  if (self->size >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  self->separator = read_sep_line (self);
  if (self->separator == 0)
    self->separator = detect_separator (self);

  return self;
}

void
rapport_csv_reader_free (RapportCsvReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->entry_name);
  g_string_free (self->fields, TRUE);
  g_array_unref (self->offsets);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
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
  while (self->pos < self->size)
    {
      char c = self->data[self->pos];
      char after = self->pos + 1 < self->size ? self->data[self->pos + 1] : '\0';

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
  if (self->pos >= self->size)
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
      while (self->pos < self->size)
        {
          char c = self->data[self->pos];

          if (c == self->separator || c == '\n' || c == '\r')
            break;
          g_string_append_c (self->fields, c);
          self->pos++;
        }
      g_string_append_c (self->fields, '\0');

      if (self->pos < self->size && self->data[self->pos] == self->separator)
        {
          self->pos++;
          /* A separator at the very end still opens one empty field. */
          if (self->pos >= self->size)
            {
              offset = self->fields->len;
              g_array_append_val (self->offsets, offset);
              g_string_append_c (self->fields, '\0');
              return TRUE;
            }
          continue;
        }

      eat_line_end (self);
      return TRUE;
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

  pos = self->pos;
  line = self->next_line;
  /* The rows before this one are copied out or done with. */
  if (self->mapped && pos - self->released >= RELEASE_BYTES)
    self->released = rapport_json_release_pages (self->data, self->released, pos);
  if (!read_row (self, &n_blank, error))
    return FALSE;

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

  do
    {
      if (!read_row (self, NULL, error))
        return FALSE;
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
  if (error != NULL && *error != NULL)
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
