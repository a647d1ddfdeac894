/* rapport-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "import/rapport-csv.h"
#include "core/rapport-import-error.h"

struct _RapportCsvReader
{
  GBytes *bytes;
  char *entry_name;
  const char *data;
  gsize size;
  gsize pos;
  guint next_line; /* the line at pos */
  guint row_line;

  GString *fields;  /* the current row's fields, each ending in NUL */
  GArray *offsets;  /* guint: where each field starts in @fields */
  GPtrArray *header; /* folded, trimmed names */
};

RapportCsvReader *
rapport_csv_reader_new (GBytes     *bytes,
                        const char *entry_name)
{
  RapportCsvReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (entry_name != NULL, NULL);

  self = g_new0 (RapportCsvReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->entry_name = g_strdup (entry_name);
  self->data = g_bytes_get_data (bytes, &self->size);
  self->next_line = 1;
  self->fields = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->size >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

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
  g_free (self);
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

static gboolean
read_quoted (RapportCsvReader  *self,
             GError           **error)
{
  guint start_line = self->next_line;

  g_assert (self->data[self->pos] == '"');

  self->pos++;
  while (self->pos < self->size)
    {
      char c = self->data[self->pos];

      if (c == '"')
        {
          if (self->pos + 1 < self->size && self->data[self->pos + 1] == '"')
            {
              g_string_append_c (self->fields, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;
          return TRUE;
        }

      /* A CR LF inside a field counts as one line break. */
      if (c == '\n' || (c == '\r' && (self->pos + 1 >= self->size || self->data[self->pos + 1] != '\n')))
        self->next_line++;
      g_string_append_c (self->fields, c);
      self->pos++;
    }

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: a quoted field that starts on line %u never ends"),
               self->entry_name, start_line);
  return FALSE;
}

gboolean
rapport_csv_reader_next (RapportCsvReader  *self,
                         GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_truncate (self->fields, 0);
  g_array_set_size (self->offsets, 0);

  while (eat_line_end (self))
    ;
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

          if (c == ',' || c == '\n' || c == '\r')
            break;
          g_string_append_c (self->fields, c);
          self->pos++;
        }
      g_string_append_c (self->fields, '\0');

      if (self->pos < self->size && self->data[self->pos] == ',')
        {
          self->pos++;
          /* A comma at the very end still opens one empty field. */
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
fold_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);

  return g_utf8_casefold (g_strstrip (valid), -1);
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

  g_clear_pointer (&self->header, g_ptr_array_unref);
  self->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->header, fold_name (rapport_csv_reader_get_field (self, i)));

  return TRUE;
}

int
rapport_csv_reader_find_column (RapportCsvReader *self,
                                const char       *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (self->header == NULL)
    return -1;

  folded = fold_name (name);
  for (guint i = 0; i < self->header->len; i++)
    {
      if (strcmp (g_ptr_array_index (self->header, i), folded) == 0)
        return (int) i;
    }

  return -1;
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
