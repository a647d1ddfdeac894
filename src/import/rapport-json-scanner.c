/* rapport-json-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The byte scanner: it finds where a value ends without building it, checking only that its
 * brackets and strings close, and walks the elements of a top-level array that way.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "import/rapport-json-private.h"

/* Bytes that change the scanner's state inside an array or object. */
static const guint8 structural[256] = {
  ['"'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
};

/* Bytes that end a number, true, false or null. */
static const guint8 scalar_end[256] = {
  [','] = 1, [']'] = 1, ['}'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

RapportJsonScanResult
rapport_json_scan_value (const char *data,
                         gsize       size,
                         gsize       pos,
                         gsize      *end)
{
  char stack[RAPPORT_JSON_MAX_DEPTH];
  guint depth = 0;
  gsize start = pos;

  g_assert (pos < size);

  if (data[pos] == '"')
    {
      pos = rapport_json_skip_string (data, size, pos + 1);
      if (pos == G_MAXSIZE)
        return RAPPORT_JSON_SCAN_TRUNCATED;
      *end = pos;
      return RAPPORT_JSON_SCAN_OK;
    }

  if (data[pos] != '[' && data[pos] != '{')
    {
      while (pos < size && !scalar_end[(guchar) data[pos]])
        pos++;
      if (pos == start)
        return RAPPORT_JSON_SCAN_UNEXPECTED;
      /* A scalar that runs into the end of the text may itself be cut short. */
      if (pos >= size)
        return RAPPORT_JSON_SCAN_TRUNCATED;
      *end = pos;
      return RAPPORT_JSON_SCAN_OK;
    }

  while (pos < size)
    {
      char c;

      while (pos < size && !structural[(guchar) data[pos]])
        pos++;
      if (pos >= size)
        break;

      c = data[pos];
      if (c == '"')
        {
          pos = rapport_json_skip_string (data, size, pos + 1);
          if (pos == G_MAXSIZE)
            return RAPPORT_JSON_SCAN_TRUNCATED;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (depth == RAPPORT_JSON_MAX_DEPTH)
            return RAPPORT_JSON_SCAN_TOO_DEEP;
          stack[depth++] = c;
        }
      else
        {
          if (stack[depth - 1] != (c == ']' ? '[' : '{'))
            return RAPPORT_JSON_SCAN_MISMATCHED;
          if (--depth == 0)
            {
              *end = pos + 1;
              return RAPPORT_JSON_SCAN_OK;
            }
        }
      pos++;
    }

  return RAPPORT_JSON_SCAN_TRUNCATED;
}

const char *
rapport_json_scan_reason (RapportJsonScanResult result)
{
  static const char * const reasons[] = {
    [RAPPORT_JSON_SCAN_OK] = NULL,
    [RAPPORT_JSON_SCAN_TRUNCATED] = N_("an unexpected end"),
    [RAPPORT_JSON_SCAN_TOO_DEEP] = N_("too deep nesting"),
    [RAPPORT_JSON_SCAN_MISMATCHED] = N_("mismatched brackets"),
    [RAPPORT_JSON_SCAN_UNEXPECTED] = N_("an unexpected character"),
  };

  g_assert (result < G_N_ELEMENTS (reasons));

  return reasons[result];
}

gsize
rapport_json_skip_js_prefix (const char *data,
                             gsize       size)
{
  gsize start = 0;
  gsize pos;

  g_return_val_if_fail (data != NULL || size == 0, 0);

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;

  /* Only an '=' before the JSON text opens counts: one inside the data is content. */
  for (pos = start; pos < size; pos++)
    {
      if (data[pos] == '[' || data[pos] == '{')
        break;
      if (data[pos] == '=')
        return pos + 1;
    }

  return start;
}

GBytes *
rapport_json_strip_js_prefix (GBytes *bytes)
{
  const char *data;
  gsize size;
  gsize start;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  start = rapport_json_skip_js_prefix (data, size);
  return g_bytes_new_from_bytes (bytes, start, size - start);
}

guint
rapport_json_text_line_at (const char *data,
                           gsize       size,
                           gsize       offset)
{
  const char *p = data;
  const char *end = data + MIN (offset, size);
  guint line = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

gsize
rapport_json_release_pages (const char *data,
                            gsize       from,
                            gsize       to)
{
#if defined(__linux__) && defined(MADV_DONTNEED)
  uintptr_t page = (uintptr_t) sysconf (_SC_PAGESIZE);
  uintptr_t start = ((uintptr_t) (data + from) + page - 1) & ~(page - 1);
  uintptr_t end = (uintptr_t) (data + to) & ~(page - 1);

  if (end <= start)
    return from;
  madvise ((void *) start, end - start, MADV_DONTNEED);
  return end - (uintptr_t) data;
#else
  return to;
#endif
}

guint
rapport_json_line_at (GBytes *bytes,
                      gsize   offset)
{
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, 0);

  data = g_bytes_get_data (bytes, &size);
  return rapport_json_text_line_at (data, size, offset);
}

gboolean
rapport_json_array_iter_init (RapportJsonArrayIter  *iter,
                              GBytes                *bytes,
                              const char            *entry_name,
                              GError               **error)
{
  gsize pos;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (entry_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (iter, 0, sizeof *iter);
  iter->bytes = g_bytes_ref (bytes);
  iter->entry_name = g_strdup (entry_name);
  iter->data = g_bytes_get_data (bytes, &iter->size);

  pos = rapport_json_skip_js_prefix (iter->data, iter->size);
  pos = rapport_json_skip_space (iter->data, iter->size, pos);

  if (!rapport_json_check_list_start (iter->data, iter->size, pos, entry_name,
                                      rapport_json_text_line_at (iter->data, iter->size, pos),
                                      error))
    return FALSE;

  iter->pos = pos + 1;
  return TRUE;
}

gboolean
rapport_json_check_list_start (const char  *data,
                               gsize        size,
                               gsize        pos,
                               const char  *entry_name,
                               guint        line,
                               GError     **error)
{
  if (pos >= size)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file is empty"), entry_name);
      return FALSE;
    }

  if (data[pos] == '{')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: a list was expected, but the file holds a single object (line %u)"),
                   entry_name, line);
      return FALSE;
    }

  if (data[pos] != '[')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: a list was expected, but the file starts with something else (line %u)"),
                   entry_name, line);
      return FALSE;
    }
  return TRUE;
}

void
rapport_json_set_scan_error (GError                **error,
                             const char             *entry_name,
                             guint64                 count,
                             guint                   line,
                             RapportJsonScanResult   result)
{
  guint64 item = count + 1;

  switch (result)
    {
    case RAPPORT_JSON_SCAN_TRUNCATED:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: the list is cut off after %'" PRIu64 " item "
                                "(the file is incomplete)",
                                "%s: the list is cut off after %'" PRIu64 " items "
                                "(the file is incomplete)",
                                count),
                   entry_name, count);
      break;

    case RAPPORT_JSON_SCAN_TOO_DEEP:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: item %'" PRIu64 " (line %u) is nested too deeply"),
                   entry_name, item, line);
      break;

    case RAPPORT_JSON_SCAN_MISMATCHED:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: item %'" PRIu64 " (line %u) has mismatched brackets"),
                   entry_name, item, line);
      break;

    case RAPPORT_JSON_SCAN_UNEXPECTED:
    case RAPPORT_JSON_SCAN_OK:
    default:
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: unexpected text where item %'" PRIu64 " should be (line %u)"),
                   entry_name, item, line);
      break;
    }
}

void
rapport_json_set_after_error (GError     **error,
                              const char  *entry_name,
                              guint        line)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("%s: unexpected text after the end of the list (line %u)"), entry_name, line);
}

static gboolean
fail_at (RapportJsonArrayIter   *iter,
         gsize                   pos,
         RapportJsonScanResult   result,
         GError                **error)
{
  iter->finished = TRUE;
  rapport_json_set_scan_error (error, iter->entry_name, iter->count,
                               rapport_json_text_line_at (iter->data, iter->size, pos), result);
  return FALSE;
}

gboolean
rapport_json_array_iter_next (RapportJsonArrayIter  *iter,
                              RapportJsonSpan       *span,
                              GError               **error)
{
  const char *data;
  gsize size;
  gsize pos;
  gsize end = 0;
  RapportJsonScanResult result;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (iter->finished)
    return FALSE;

  data = iter->data;
  size = iter->size;
  pos = rapport_json_skip_space (data, size, iter->pos);

  if (pos >= size)
    {
      return fail_at (iter, pos, RAPPORT_JSON_SCAN_TRUNCATED, error);
    }

  if (data[pos] == ']' && iter->count == 0)
    goto closed;

  if (iter->count > 0)
    {
      if (data[pos] == ']')
        goto closed;
      if (data[pos] != ',')
        return fail_at (iter, pos, RAPPORT_JSON_SCAN_UNEXPECTED, error);
      pos = rapport_json_skip_space (data, size, pos + 1);
      if (pos >= size)
        return fail_at (iter, pos, RAPPORT_JSON_SCAN_TRUNCATED, error);
    }

  result = rapport_json_scan_value (data, size, pos, &end);
  if (result != RAPPORT_JSON_SCAN_OK)
    return fail_at (iter, pos, result, error);

  span->offset = pos;
  span->length = end - pos;
  iter->pos = end;
  iter->count++;
  return TRUE;

closed:
  iter->finished = TRUE;
  /* A script may end its statement with ';'. */
  pos = rapport_json_skip_space (data, size, pos + 1);
  if (pos < size && data[pos] == ';')
    pos = rapport_json_skip_space (data, size, pos + 1);
  if (pos < size)
    rapport_json_set_after_error (error, iter->entry_name,
                                  rapport_json_text_line_at (data, size, pos));
  return FALSE;
}

guint64
rapport_json_array_iter_get_count (RapportJsonArrayIter *iter)
{
  g_return_val_if_fail (iter != NULL, 0);

  return iter->count;
}

void
rapport_json_array_iter_clear (RapportJsonArrayIter *iter)
{
  g_return_if_fail (iter != NULL);

  g_clear_pointer (&iter->bytes, g_bytes_unref);
  g_clear_pointer (&iter->entry_name, g_free);
  iter->data = NULL;
  iter->size = 0;
  iter->finished = TRUE;
}
