/* rapport-keep-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/rapport-keep-list.h"
#include "core/rapport-text.h"

gboolean
rapport_keep_list_name_is_valid (const char *name)
{
  glong n_chars = 0;

  g_return_val_if_fail (name != NULL, FALSE);

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars >= RAPPORT_KEEP_LIST_MAX_NAME_CHARS)
        return FALSE;
      if (!g_unichar_isalnum (c) && c != '.' && c != '_' && c != '-' && c != '@')
        return FALSE;
    }
  return TRUE;
}

static void
note_bad (RapportKeepList *self,
          guint            line,
          const char      *reason)
{
  if (self->n_bad++ == 0)
    /* Translators: a line of a keep list that was skipped; %u is its number. */
    self->first_bad = g_strdup_printf (_("line %u: %s"), line, reason);
}

RapportKeepList *
rapport_keep_list_parse (const char  *data,
                         gsize        len,
                         GError     **error)
{
  g_autoptr(RapportKeepList) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  const char *end = data + len;
  const char *line = data;
  guint number = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > RAPPORT_KEEP_LIST_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("it is larger than %u KB, too large for a list of usernames"),
                   RAPPORT_KEEP_LIST_MAX_BYTES / 1024);
      return NULL;
    }

  self = g_new0 (RapportKeepList, 1);
  self->names = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Editors on Windows start a file with a byte order mark. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    line += 3;

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *stop = newline != NULL ? newline : end;
      g_autofree char *text = NULL;
      char *hash;
      char *name;

      number++;
      /* A NUL byte would end the name early and hide the rest of the line. */
      if (memchr (line, '\0', stop - line) != NULL)
        {
          note_bad (self, number, _("not valid text"));
          line = newline != NULL ? newline + 1 : end;
          continue;
        }
      text = g_strndup (line, stop - line);
      line = newline != NULL ? newline + 1 : end;

      if ((hash = strchr (text, '#')) != NULL)
        *hash = '\0';
      name = g_strstrip (text);
      if (*name == '\0')
        continue;
      if (*name == '@')
        name++;

      if (!g_utf8_validate (name, -1, NULL))
        note_bad (self, number, _("not valid text"));
      else if (g_utf8_strlen (name, -1) > RAPPORT_KEEP_LIST_MAX_NAME_CHARS)
        note_bad (self, number, _("too long for a username"));
      else if (!rapport_keep_list_name_is_valid (name))
        note_bad (self, number, _("not a username"));
      else if (g_hash_table_add (seen, rapport_text_fold_handle (name)))
        g_ptr_array_add (self->names, g_strdup (name));
    }

  return g_steal_pointer (&self);
}

RapportKeepList *
rapport_keep_list_read (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  GError *local_error = NULL;
  RapportKeepList *list;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  /* One byte more than allowed tells a file that is too large without reading all of it. */
  data = g_malloc (RAPPORT_KEEP_LIST_MAX_BYTES + 1);
  if (!(stream = g_file_read (file, cancellable, &local_error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, RAPPORT_KEEP_LIST_MAX_BYTES + 1,
                                &len, cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then why it cannot be read. */
                   _("Cannot read %s: %s"), name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  if (!(list = rapport_keep_list_parse (data, len, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then what is wrong with it. */
                   _("%s is no keep list: %s"), name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  return list;
}

char *
rapport_keep_list_format (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (names != NULL, NULL);

  g_string_append (out, _("# Accounts kept on purpose, one username a line (Rapport)"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < names->len; i++)
    {
      g_string_append (out, g_ptr_array_index (names, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

void
rapport_keep_list_free (RapportKeepList *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->names);
  g_free (self->first_bad);
  g_free (self);
}
