/* rapport-json-array.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Big top-level JSON arrays, read element by element.  A byte scanner finds where each element
 * starts and ends without parsing it; the elements are then parsed in batches on a thread pool
 * and handed back in order.  Memory stays near the size of the file instead of the ~8 times a
 * whole-document json-glib parse needs.
 *
 * The elements are parsed into a compact read-only tree (RapportJsonValue) rather than
 * JsonNodes: json-glib spends about 200 instructions per byte building its nodes, which makes
 * a 190 MB tweets.js take longer than Python's json module.  The tree is strict RFC 8259 JSON.
 *
 * A document that is not one big array but holds some (TikTok's user_data.json) is read as a
 * tree whose long arrays are read the same way when asked for (rapport_json_tree_parse()).
 */

#pragma once

#include <gio/gio.h>

#include "import/rapport-archive.h"

G_BEGIN_DECLS

/* The most memory the tree of a document (outside its long arrays) may take, and that of one
 * batch of elements of a long array, an element alone if it is large.  Past them the text is
 * refused with RAPPORT_IMPORT_ERROR_TOO_LARGE; real exports stay far below (a batch of
 * ordinary elements takes a few megabytes, the tree of a list of a million accounts written as
 * one object about 120 MB). */
#define RAPPORT_JSON_TREE_LIMIT ((gsize) 256 << 20)
#define RAPPORT_JSON_BATCH_LIMIT ((gsize) 64 << 20)

typedef enum
{
  RAPPORT_JSON_NULL,
  RAPPORT_JSON_BOOLEAN,
  RAPPORT_JSON_NUMBER,
  RAPPORT_JSON_STRING,
  RAPPORT_JSON_ARRAY,
  RAPPORT_JSON_OBJECT,
  /* Only in a tree from rapport_json_tree_parse(): an array too long to build at once; its
   * elements come from rapport_json_tree_foreach(). */
  RAPPORT_JSON_LONG_ARRAY,
} RapportJsonKind;

typedef struct _RapportJsonValue RapportJsonValue;
typedef struct _RapportJsonMember RapportJsonMember;

/* Where a value's text lies in the bytes it was read from. */
typedef struct
{
  gsize offset;
  gsize length;
} RapportJsonSpan;

struct _RapportJsonValue
{
  RapportJsonKind kind;
  /* Bytes of a string or number, elements of an array (long or not), members of an object;
   * 1 for true. */
  guint length;
  union
  {
    /* A string (unescaped) or a number (as written), NUL-terminated. */
    const char *text;
    const RapportJsonValue *elements; /* an array */
    const RapportJsonMember *members; /* an object, in the order written */
    const RapportJsonSpan *span;      /* a long array: its text, brackets included */
  };
};

struct _RapportJsonMember
{
  const char *name;
  RapportJsonValue value;
};

/* The member called @name, compared exactly first, then without ASCII case; when a name
 * repeats, the last one.  NULL when @object is NULL, not an object, or has no such member. */
const RapportJsonValue *rapport_json_value_get_member (const RapportJsonValue *object,
                                                       const char             *name);
/* A member of the given kind, else NULL (also for null values). */
const char             *rapport_json_value_get_string (const RapportJsonValue *object,
                                                       const char             *name);
const RapportJsonValue *rapport_json_value_get_object (const RapportJsonValue *object,
                                                       const char             *name);
const RapportJsonValue *rapport_json_value_get_array  (const RapportJsonValue *object,
                                                       const char             *name);
/* A number or a numeric string (see rapport_parse_count()), rounded; RAPPORT_COUNT_UNKNOWN
 * otherwise. */
gint64                  rapport_json_value_get_count  (const RapportJsonValue *object,
                                                       const char             *name);

typedef struct
{
  /*< private >*/
  GBytes *bytes;
  char *entry_name;
  const char *data;
  gsize size;
  gsize pos;
  guint64 count;
  gboolean finished;
} RapportJsonArrayIter;

/* Called on the calling thread with consecutive elements in file order.  @first_index is the
 * 0-based position of elements[0] in the array.  The elements are valid during the call only.
 * Return FALSE with @error set to stop. */
typedef gboolean (*RapportJsonArrayFunc) (const RapportJsonValue  *elements,
                                          guint                    n_elements,
                                          guint64                  first_index,
                                          gpointer                 user_data,
                                          GError                 **error);

/* Offset of the JSON text after a UTF-8 byte order mark and a JavaScript assignment such as
 * "window.YTD.tweets.part0 = " or "window.__THAR_CONFIG = ". */
gsize    rapport_json_skip_js_prefix   (const char            *data,
                                        gsize                  size);
/* @bytes without what rapport_json_skip_js_prefix() skips. */
GBytes  *rapport_json_strip_js_prefix  (GBytes                *bytes);
/* Hands the whole pages of @data between @from and @to back to the system.  @data must map a
 * file read-only (see rapport_archive_read()): touching the pages again reads them from the
 * file.  Returns where the next release starts. */
gsize    rapport_json_release_pages    (const char            *data,
                                        gsize                  from,
                                        gsize                  to);
/* The 1-based line of @offset in @bytes, for messages. */
guint    rapport_json_line_at          (GBytes                *bytes,
                                        gsize                  offset);

/* Fails with RAPPORT_IMPORT_ERROR_MALFORMED when the root is not an array. */
gboolean rapport_json_array_iter_init  (RapportJsonArrayIter  *iter,
                                        GBytes                *bytes,
                                        const char            *entry_name,
                                        GError               **error);
/* TRUE with @span set for each element; FALSE at the end of the array, or with @error set
 * (RAPPORT_IMPORT_ERROR_MALFORMED) when the array is cut off or followed by garbage. */
gboolean rapport_json_array_iter_next  (RapportJsonArrayIter  *iter,
                                        RapportJsonSpan       *span,
                                        GError               **error);
/* How many elements were returned so far. */
guint64  rapport_json_array_iter_get_count (RapportJsonArrayIter *iter);
void     rapport_json_array_iter_clear (RapportJsonArrayIter  *iter);

/* Parses every element of the array in @bytes and calls @func with them, in order, in batches.
 * Stops at the first error: a broken array or element (RAPPORT_IMPORT_ERROR_MALFORMED naming
 * @entry_name, the element and its line), cancellation, or an error from @func. */
gboolean rapport_json_array_foreach    (GBytes                *bytes,
                                        const char            *entry_name,
                                        RapportJsonArrayFunc   func,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        GError               **error);

/* rapport_json_array_foreach() of @entry of @archive, read as a stream
 * (rapport_archive_open_stream()): the workers parse a batch while the next is unpacked, and
 * only a few batches are in memory whatever the entry's size.  Errors are those of
 * rapport_json_array_foreach() and of the stream. */
gboolean rapport_json_array_foreach_entry (RapportArchive         *archive,
                                           const char             *entry,
                                           RapportJsonArrayFunc    func,
                                           gpointer                user_data,
                                           GCancellable           *cancellable,
                                           GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportJsonArrayIter, rapport_json_array_iter_clear)

/* A whole JSON document whose long arrays stay unread until asked for: the rest of the document
 * is a tree while a list of half a million followers is read in batches, as
 * rapport_json_array_foreach() reads a file that is one list. */
typedef struct _RapportJsonTree RapportJsonTree;

typedef enum
{
  RAPPORT_JSON_TREE_NONE = 0,
  /* The bytes map a file read-only (see rapport_archive_read()).  The pages of a long
   * array are handed back to the system once read, and read again from the file if touched
   * again, so the file need not stay in memory whole. */
  RAPPORT_JSON_TREE_MAPPED = 1 << 0,
} RapportJsonTreeFlags;

/* rapport_json_array_foreach(); with RAPPORT_JSON_TREE_MAPPED the pages of the elements handed
 * on are given back to the system, so a big file mapped does not stay in memory whole. */
gboolean rapport_json_array_foreach_full (GBytes                *bytes,
                                          const char            *entry_name,
                                          RapportJsonTreeFlags   flags,
                                          RapportJsonArrayFunc   func,
                                          gpointer               user_data,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* Reads the document in @bytes (after a byte order mark) as strict JSON.  Arrays whose text is
 * longer than @long_array_bytes are only scanned, checking that their brackets and strings
 * close; they appear as RAPPORT_JSON_LONG_ARRAY values and their elements are checked when
 * they are read.  Fails with RAPPORT_IMPORT_ERROR_MALFORMED:
 * "<entry_name>: not valid JSON (line L: <reason>)". */
RapportJsonTree        *rapport_json_tree_parse           (GBytes                *bytes,
                                                           const char            *entry_name,
                                                           gsize                  long_array_bytes,
                                                           RapportJsonTreeFlags   flags,
                                                           GError               **error);
/* rapport_json_tree_parse() of @entry of @archive read as a stream: the long arrays are not
 * kept but read again from the entry when asked for, so only the rest of the document is in
 * memory whatever the entry's size.  Errors are those of rapport_json_tree_parse() and of the
 * stream. */
RapportJsonTree        *rapport_json_tree_parse_entry     (RapportArchive        *archive,
                                                           const char            *entry,
                                                           gsize                  long_array_bytes,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
const RapportJsonValue *rapport_json_tree_get_root        (RapportJsonTree       *self);
/* Every long array of the document, in the order of the file.  The same array has the same
 * span wherever it is found. */
const RapportJsonValue *rapport_json_tree_get_long_arrays (RapportJsonTree       *self,
                                                           guint                 *n_arrays);
/* Calls @func with the elements of @array, a RAPPORT_JSON_ARRAY or RAPPORT_JSON_LONG_ARRAY of
 * @self: an array at once, a long array in batches parsed on a thread pool.  Stops at the first
 * error: an element that is not valid JSON (RAPPORT_IMPORT_ERROR_MALFORMED naming the entry,
 * the element's 1-based position in @array and its line), cancellation, or an error from
 * @func. */
gboolean                rapport_json_tree_foreach         (RapportJsonTree         *self,
                                                           const RapportJsonValue  *array,
                                                           RapportJsonArrayFunc     func,
                                                           gpointer                 user_data,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
void                    rapport_json_tree_free            (RapportJsonTree       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportJsonTree, rapport_json_tree_free)

G_END_DECLS
