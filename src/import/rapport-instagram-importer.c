/* rapport-instagram-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the files of every Instagram export generation and reads them in the order the sink
 * wants: the account, the follow lists, the posts with their insights, the comments and likes
 * the creator gave, and last the export date with the insights follower total.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "core/rapport-import-error.h"
#include "import/rapport-export-name.h"
#include "import/rapport-instagram-private.h"

/* Where the follow lists of 2021 and later exports are. */
#define LISTS_FOLDER "followers_and_following"

/* How often progress is reported and cancellation checked, in records. */
#define TICK_INTERVAL 4096

void
rapport_instagram_note_time (RapportInstagramImport *self,
                             gint64                  unix_seconds)
{
  g_assert (self != NULL);

  /* A time out of range is skipped by the sink and says nothing of the export's date. */
  if (unix_seconds > self->newest && rapport_time_is_valid (unix_seconds))
    self->newest = unix_seconds;
}

gboolean
rapport_instagram_tick (RapportInstagramImport  *self,
                        const char              *entry,
                        GError                 **error)
{
  g_assert (self != NULL);

  self->n_records++;
  if (self->n_records % TICK_INTERVAL != 0)
    return TRUE;
  rapport_import_sink_progress (self->sink, entry, self->n_records);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

char *
rapport_instagram_user_from_href (const char *href)
{
  const char *path;
  gsize len;

  if (href == NULL)
    return NULL;

  path = strstr (href, "://");
  if (path != NULL)
    {
      path = strchr (path + 3, '/');
      if (path == NULL)
        return NULL;
    }
  else
    {
      path = href;
    }

  while (*path == '/')
    path++;
  /* 2025 links go through https://www.instagram.com/_u/<user>; Threads' older links are
   * https://www.threads.net/@<user>. */
  if (g_str_has_prefix (path, "_u/"))
    path += 3;
  else if (*path == '@')
    path++;
  len = strcspn (path, "/?#");
  if (len == 0)
    return NULL;
  return g_strndup (path, len);
}

char *
rapport_instagram_repair_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return rapport_text_repair_mojibake (text);
}

gboolean
rapport_instagram_begin_list (RapportInstagramImport  *self,
                              RapportDirection         direction,
                              GError                 **error)
{
  g_assert (self != NULL);
  g_assert (direction < G_N_ELEMENTS (self->has_list));

  if (self->has_list[direction])
    return TRUE;
  self->has_list[direction] = TRUE;
  self->list_open = TRUE;
  return rapport_import_sink_begin_list (self->sink, direction, error);
}

void
rapport_instagram_end_list (RapportInstagramImport *self)
{
  g_assert (self != NULL);

  if (!self->list_open)
    return;
  self->list_open = FALSE;
  rapport_import_sink_end_list (self->sink);
  for (guint i = 0; i + 1 < self->list_notes->len; i += 2)
    rapport_import_sink_skip (self->sink, g_ptr_array_index (self->list_notes, i),
                              g_ptr_array_index (self->list_notes, i + 1));
  g_ptr_array_set_size (self->list_notes, 0);
}

void
rapport_instagram_skip_beside_list (RapportInstagramImport *self,
                                    const char             *entry,
                                    const char             *reason)
{
  g_assert (self != NULL);

  if (!self->list_open)
    {
      rapport_import_sink_skip (self->sink, entry, reason);
      return;
    }
  g_ptr_array_add (self->list_notes, g_strdup (entry));
  g_ptr_array_add (self->list_notes, g_strdup (reason));
}

gboolean
rapport_instagram_add_relation (RapportInstagramImport  *self,
                                const char              *entry,
                                RapportDirection         direction,
                                const char              *name,
                                gint64                   since,
                                GError                 **error)
{
  g_autofree char *handle = rapport_instagram_repair_text (name);
  RapportRelation relation = { 0 };

  g_assert (self != NULL);

  if (handle != NULL)
    g_strstrip (handle);
  if (handle == NULL || handle[0] == '\0')
    {
      rapport_import_sink_skip (self->sink, entry,
                                direction == RAPPORT_DIRECTION_FOLLOWER
                                ? _("a follower without a user name")
                                : _("a followed account without a user name"));
      return TRUE;
    }

  relation.direction = direction;
  relation.handle = handle;
  relation.since = since > 0 ? since : 0;
  rapport_instagram_note_time (self, relation.since);
  if (!rapport_import_sink_add_relation (self->sink, &relation, error))
    return FALSE;
  return rapport_instagram_tick (self, entry, error);
}

gboolean
rapport_instagram_is_list (const RapportJsonValue *value)
{
  return value != NULL &&
         (value->kind == RAPPORT_JSON_ARRAY || value->kind == RAPPORT_JSON_LONG_ARRAY);
}

const RapportJsonValue *
rapport_instagram_get_list (const RapportJsonValue *object,
                            const char             *name)
{
  const RapportJsonValue *member = rapport_json_value_get_member (object, name);

  return rapport_instagram_is_list (member) ? member : NULL;
}

/* The members of a row itself, which a file of a single row may hold without a list. */
static gboolean
is_row (const RapportJsonValue *object)
{
  static const char * const row_members[] = {
    "title", "media", "string_map_data", "string_list_data", "label_values", "timestamp",
    "creation_timestamp", "uri", "media_map_data", "media_list_data",
  };

  for (guint i = 0; i < object->length; i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (row_members); k++)
        {
          if (g_ascii_strcasecmp (object->members[i].name, row_members[k]) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

const RapportJsonValue *
rapport_instagram_root_rows (const RapportJsonValue *root)
{
  if (rapport_instagram_is_list (root))
    return root;
  if (root->kind != RAPPORT_JSON_OBJECT || is_row (root))
    return NULL;

  for (guint i = 0; i < root->length; i++)
    {
      if (rapport_instagram_is_list (&root->members[i].value))
        return &root->members[i].value;
    }
  return NULL;
}

RapportJsonTree *
rapport_instagram_read_tree (RapportInstagramImport  *self,
                             const char              *entry,
                             GError                 **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;
  return rapport_json_tree_parse_entry (self->archive, entry, RAPPORT_INSTAGRAM_LONG_LIST_BYTES,
                                        self->cancellable, error);
}

typedef struct
{
  RapportInstagramImport *import;
  const char *entry;
  RapportInstagramRowFunc func;
  gpointer user_data;
} RowBatch;

static gboolean
row_batch (const RapportJsonValue  *elements,
           guint                    n_elements,
           guint64                  first_index,
           gpointer                 user_data,
           GError                 **error)
{
  RowBatch *batch = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      if (!batch->func (batch->import, batch->entry, &elements[i], batch->user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_instagram_foreach_row (RapportInstagramImport   *self,
                               RapportJsonTree          *tree,
                               const char               *entry,
                               const RapportJsonValue   *list,
                               RapportInstagramRowFunc   func,
                               gpointer                  user_data,
                               GError                  **error)
{
  RowBatch batch = { self, entry, func, user_data };

  g_assert (rapport_instagram_is_list (list));

  return rapport_json_tree_foreach (tree, list, row_batch, &batch, self->cancellable, error);
}

gboolean
rapport_instagram_read_rows (RapportInstagramImport   *self,
                             const char               *entry,
                             RapportInstagramRowFunc   func,
                             gpointer                  user_data,
                             GError                  **error,
                             const char               *message_format,
                             ...)
{
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
  const RapportJsonValue *root;
  const RapportJsonValue *rows;
  va_list args;

  if (tree == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);
  rows = rapport_instagram_root_rows (root);
  if (rows != NULL)
    return rapport_instagram_foreach_row (self, tree, entry, rows, func, user_data, error);
  /* {"timestamp": …, "media": [], "label_values": […]}: the only row, bare. */
  if (root->kind == RAPPORT_JSON_OBJECT && is_row (root))
    return func (self, entry, root, user_data, error);

  if (error != NULL)
    {
      va_start (args, message_format);
      *error = g_error_new_valist (RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                                   message_format, args);
      va_end (args);
    }
  return FALSE;
}

const RapportJsonValue *
rapport_instagram_array_get_object (const RapportJsonValue *array,
                                    guint                   index)
{
  const RapportJsonValue *element;

  /* The elements of a long list cannot be reached by index; only a document's lists are. */
  if (array == NULL || array->kind != RAPPORT_JSON_ARRAY || index >= array->length)
    return NULL;
  element = &array->elements[index];
  return element->kind == RAPPORT_JSON_OBJECT ? element : NULL;
}

const char *
rapport_instagram_label_value (const RapportJsonValue *map,
                               const char             *label)
{
  return rapport_json_value_get_string (rapport_json_value_get_object (map, label), "value");
}

gint64
rapport_instagram_value_time (const RapportJsonValue *value)
{
  gint64 when = 0;

  if (value == NULL)
    return 0;
  if (value->kind == RAPPORT_JSON_NUMBER)
    {
      /* Unix seconds, truncated when written with a fraction. */
      if (strpbrk (value->text, ".eE") == NULL)
        when = g_ascii_strtoll (value->text, NULL, 10);
      else
        when = (gint64) CLAMP (g_ascii_strtod (value->text, NULL), 0, (double) G_MAXINT64 / 2);
    }
  else if (value->kind == RAPPORT_JSON_STRING &&
           !rapport_date_parse_iso8601 (value->text, &when) &&
           !rapport_date_parse_meta_text (value->text, &when))
    {
      when = 0;
    }
  return when > 0 ? when : 0;
}

/* ── discovery ───────────────────────────────────────────────────────────────────────────── */

static gboolean
is_numbered_name (const char *base,
                  const char *stem,
                  const char *extension)
{
  gsize stem_len = strlen (stem);
  const char *rest;
  gsize digits;

  if (!g_str_has_prefix (base, stem) || !g_str_has_suffix (base, extension))
    return FALSE;
  rest = base + stem_len;
  if (strcmp (rest, extension) == 0)
    return TRUE;
  if (*rest != '_')
    return FALSE;
  digits = strspn (rest + 1, "0123456789");
  return digits > 0 && strcmp (rest + 1 + digits, extension) == 0;
}

/* "public-media/" in @entry, or NULL. */
static const char *
find_public_media (const char *entry)
{
  const char *inner;

  if (g_str_has_prefix (entry, "public-media/"))
    return entry;
  inner = strstr (entry, "/public-media/");
  return inner != NULL ? inner + 1 : NULL;
}

/* Whether @entry belongs to the Instagram export: not to another export beside it, and not a
 * copy in the public-media/ tree of 2025 exports of a file that is also outside it (read
 * twice, its posts would count twice). */
static gboolean
is_own_entry (RapportInstagramImport *self,
              const char             *entry)
{
  const char *copy;

  if (self->prefix != NULL && !g_str_has_prefix (entry, self->prefix))
    return FALSE;
  for (guint i = 0; i < self->foreign->len; i++)
    {
      if (g_str_has_prefix (entry, g_ptr_array_index (self->foreign, i)))
        return FALSE;
    }

  copy = find_public_media (entry);
  if (copy != NULL)
    {
      g_autofree char *before = g_strndup (entry, copy - entry);
      g_autofree char *original = g_strconcat (before, copy + strlen ("public-media/"), NULL);

      return !g_hash_table_contains (self->entry_set, original);
    }
  return TRUE;
}

void
rapport_instagram_find_scope (RapportInstagramImport *self)
{
  const char * const *entries;
  guint n_entries = 0;

  g_assert (self != NULL);

  self->entry_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->foreign = g_ptr_array_new_with_free_func (g_free);

  entries = rapport_archive_get_entries (self->archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const char *slash = strchr (entries[i], '/');
      g_autofree char *top = NULL;
      g_autofree char *user = NULL;

      g_hash_table_add (self->entry_set, (gpointer) entries[i]);
      if (slash == NULL)
        continue;

      /* The Accounts Center wraps exports of several apps in one folder
       * (meta-<date>/instagram-<user>-<date>-…/, facebook-<user>-<date>-…/). */
      top = g_strndup (entries[i], slash - entries[i] + 1);
      if (self->prefix != NULL && strcmp (top, self->prefix) == 0)
        continue;
      top[slash - entries[i]] = '\0';
      user = rapport_export_name_get_user (top, "instagram");
      top[slash - entries[i]] = '/';
      if (user != NULL && self->prefix == NULL)
        self->prefix = g_steal_pointer (&top);
      else if ((user != NULL || g_ascii_strncasecmp (top, "facebook-", 9) == 0) &&
               !g_ptr_array_find_with_equal_func (self->foreign, top, g_str_equal, NULL))
        g_ptr_array_add (self->foreign, g_steal_pointer (&top));
    }
}

GPtrArray *
rapport_instagram_find_all (RapportInstagramImport *self,
                            const char             *folder,
                            const char             *pattern)
{
  GPtrArray *found = rapport_archive_find_all (self->archive, folder, pattern);

  for (guint i = found->len; i > 0; i--)
    {
      if (!is_own_entry (self, g_ptr_array_index (found, i - 1)))
        g_ptr_array_remove_index (found, i - 1);
    }
  return found;
}

const char *
rapport_instagram_find (RapportInstagramImport *self,
                        const char             *suffix)
{
  const char *slash = strrchr (suffix, '/');
  g_autofree char *folder = slash != NULL ? g_strndup (suffix, slash - suffix) : NULL;
  g_autoptr(GPtrArray) found =
    rapport_instagram_find_all (self, folder, slash != NULL ? slash + 1 : suffix);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GPtrArray *
rapport_instagram_find_numbered (RapportInstagramImport *self,
                                 const char             *folder,
                                 const char             *stem,
                                 const char             *extension)
{
  g_autofree char *pattern = g_strconcat (stem, "*", extension, NULL);
  g_autoptr(GPtrArray) candidates = rapport_instagram_find_all (self, folder, pattern);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *name = g_ptr_array_index (candidates, i);
      const char *slash = strrchr (name, '/');

      if (is_numbered_name (slash != NULL ? slash + 1 : name, stem, extension))
        g_ptr_array_add (found, (gpointer) name);
    }
  return found;
}

gboolean
rapport_instagram_has_own_files (RapportInstagramImport *self)
{
  /* Generous: a file of these folders that is no list or post still counts. */
  static const struct { const char *folder; const char *pattern; } files[] = {
    { LISTS_FOLDER, "follow*.json" }, { LISTS_FOLDER, "follow*.html" },
    { NULL, "connections.json" }, { "past_instagram_insights", "*.json" },
    { "content", "*.json" }, { "media", "*.json" },
    { "comments", "post_comments*.json" }, { "likes", "liked_posts.json" },
  };

  g_assert (self != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) found = rapport_instagram_find_all (self, files[i].folder,
                                                               files[i].pattern);

      if (found->len > 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
rapport_instagram_recognizes (RapportArchive *archive)
{
  const char * const *entries;
  guint n_entries = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const char *name = entries[i];

      if (g_str_has_prefix (name, "followers_and_following/") ||
          strstr (name, "/followers_and_following/") != NULL ||
          g_str_has_prefix (name, "your_instagram_activity/") ||
          strstr (name, "/your_instagram_activity/") != NULL ||
          g_str_has_prefix (name, "past_instagram_insights/") ||
          strstr (name, "/past_instagram_insights/") != NULL)
        return TRUE;
    }

  /* Facebook's export names its profile file differently. */
  if (rapport_archive_find (archive, "personal_information/personal_information.json") != NULL)
    return TRUE;

  /* Until 2020 everything sat in a few files at the top. */
  return rapport_archive_find (archive, "connections.json") != NULL &&
         (rapport_archive_find (archive, "profile.json") != NULL ||
          rapport_archive_find (archive, "media.json") != NULL);
}

/* ── follow lists ────────────────────────────────────────────────────────────────────────── */

static gboolean
read_relation_files (RapportInstagramImport  *self,
                     GPtrArray               *files,
                     RapportDirection         direction,
                     gboolean                 html,
                     GError                 **error)
{
  gboolean ok = TRUE;

  /* A JSON file is a follow list only once its rows show: it may hold another list. */
  if (!html)
    ok = rapport_instagram_read_relation_files_json (self, files, direction, error);
  for (guint i = 0; html && ok && i < files->len; i++)
    ok = rapport_instagram_begin_list (self, direction, error) &&
         rapport_instagram_read_relations_html (self, g_ptr_array_index (files, i), direction,
                                                error);
  rapport_instagram_end_list (self);
  return ok;
}

/* Until 2020: connections.json = {"followers": {"name": "2019-05-01T12:00:00+00:00"}, …}. */
static gboolean
read_connections (RapportInstagramImport  *self,
                  const char              *entry,
                  GError                 **error)
{
  static const struct { const char *member; RapportDirection direction; } lists[] = {
    { "followers", RAPPORT_DIRECTION_FOLLOWER },
    { "following", RAPPORT_DIRECTION_FOLLOWING },
  };
  g_autoptr(RapportJsonTree) tree = rapport_instagram_read_tree (self, entry, error);
  const RapportJsonValue *root;

  if (tree == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);
  if (root->kind != RAPPORT_JSON_OBJECT)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file does not hold lists of accounts"), entry);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const RapportJsonValue *map = rapport_json_value_get_object (root, lists[i].member);

      if (map == NULL)
        continue;
      if (!rapport_instagram_begin_list (self, lists[i].direction, error))
        return FALSE;
      for (guint k = 0; k < map->length; k++)
        {
          const RapportJsonMember *member = &map->members[k];

          if (!rapport_instagram_add_relation (self, entry, lists[i].direction, member->name,
                                               rapport_instagram_value_time (&member->value),
                                               error))
            return FALSE;
        }
      rapport_instagram_end_list (self);
    }
  return TRUE;
}

/* ── the whole export ────────────────────────────────────────────────────────────────────── */

/* What the export holds, for a refusal: "a.json, b.json, c.json and 4 other files". */
static char *
describe_entries (RapportInstagramImport *self)
{
  const char * const *entries;
  guint n_entries = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint n_own = 0;

  entries = rapport_archive_get_entries (self->archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const char *slash = strrchr (entries[i], '/');

      if (!is_own_entry (self, entries[i]))
        continue;
      if (names->len < 3)
        g_ptr_array_add (names, (gpointer) (slash != NULL ? slash + 1 : entries[i]));
      n_own++;
    }
  if (n_own == 0)
    return g_strdup (_("no files of its own"));

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **) names->pdata);
  if (n_own == names->len - 1)
    return g_steal_pointer (&joined);
  return g_strdup_printf (ngettext ("%s and %u other file",
                                    "%s and %u other files", n_own - (names->len - 1)),
                          joined, n_own - (names->len - 1));
}

/* Other exports in the same wrapper are named, so that nobody takes them for read. */
static void
skip_foreign (RapportInstagramImport *self)
{
  for (guint i = 0; i < self->foreign->len; i++)
    {
      const char *folder = g_ptr_array_index (self->foreign, i);
      g_autofree char *name = g_strndup (folder, strlen (folder) - 1);

      rapport_import_sink_skip (self->sink, name,
                                g_ascii_strncasecmp (folder, "facebook-", 9) == 0
                                ? _("the Facebook export beside the Instagram one is not read yet")
                                : _("only the first Instagram export of the archive is read"));
    }
}

static gboolean
import_export (RapportInstagramImport  *self,
               GError                 **error)
{
  g_autoptr(GPtrArray) followers =
    rapport_instagram_find_numbered (self, LISTS_FOLDER, "followers", ".json");
  g_autoptr(GPtrArray) following =
    rapport_instagram_find_numbered (self, LISTS_FOLDER, "following", ".json");
  g_autoptr(GPtrArray) followers_html =
    rapport_instagram_find_numbered (self, LISTS_FOLDER, "followers", ".html");
  g_autoptr(GPtrArray) following_html =
    rapport_instagram_find_numbered (self, LISTS_FOLDER, "following", ".html");
  const char *connections = rapport_instagram_find (self, "connections.json");
  const char *post_insights =
    rapport_instagram_find (self, "past_instagram_insights/posts.json");
  const char *audience =
    rapport_instagram_find (self, "past_instagram_insights/audience_insights.json");
  RapportAccountInfo account = { 0 };
  gint64 exported_at = 0;
  gint64 insights_followers = RAPPORT_COUNT_UNKNOWN;
  gboolean has_lists;

  /* The files of the first layout are only looked for in an export of that layout: their
   * names are too plain to trust elsewhere. */
  self->until_2020 = connections != NULL && followers->len == 0 && following->len == 0 &&
                     followers_html->len == 0 && following_html->len == 0;

  if (!rapport_instagram_recognizes (self->archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: not an Instagram export (no followers, following or posts were found)"),
                   rapport_archive_get_name (self->archive));
      return FALSE;
    }

  if (!rapport_instagram_read_account (self, &account, error))
    return FALSE;
  if (!rapport_import_sink_set_account (self->sink, &account, error))
    return FALSE;
  skip_foreign (self);

  /* Each list as JSON when the export has it, else as HTML; connections.json is older than both. */
  if (followers->len > 0 || following->len > 0 || followers_html->len > 0 ||
      following_html->len > 0)
    {
      if (!read_relation_files (self, followers->len > 0 ? followers : followers_html,
                                RAPPORT_DIRECTION_FOLLOWER, followers->len == 0, error) ||
          !read_relation_files (self, following->len > 0 ? following : following_html,
                                RAPPORT_DIRECTION_FOLLOWING, following->len == 0, error))
        return FALSE;
    }
  else if (connections != NULL && !read_connections (self, connections, error))
    {
      return FALSE;
    }

  if (post_insights != NULL && !rapport_instagram_read_post_insights (self, post_insights, error))
    return FALSE;
  if (!rapport_instagram_read_posts (self, error))
    return FALSE;
  /* Insights alone, without the posts they describe, are still the account's posts. */
  if (post_insights != NULL && !self->has_post_files &&
      !rapport_instagram_emit_insights_posts (self, post_insights, error))
    return FALSE;
  if (post_insights != NULL && self->has_post_files)
    rapport_instagram_skip_unmatched_insights (self, post_insights);

  if (!rapport_instagram_read_interactions (self, error))
    return FALSE;

  if (audience != NULL &&
      !rapport_instagram_read_audience_insights (self, audience, &insights_followers, error))
    return FALSE;

  has_lists = self->has_list[RAPPORT_DIRECTION_FOLLOWER] ||
              self->has_list[RAPPORT_DIRECTION_FOLLOWING];
  if (!has_lists && self->n_records == 0 && insights_followers == RAPPORT_COUNT_UNKNOWN)
    {
      g_autofree char *found = describe_entries (self);

      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                   _("%s: nothing in the export describes the account’s audience or posts "
                     "(no followers, following, posts, insights, comments or likes); "
                     "it holds %s"),
                   rapport_archive_get_name (self->archive), found);
      return FALSE;
    }

  rapport_instagram_set_export_date (self, &exported_at);
  if (insights_followers != RAPPORT_COUNT_UNKNOWN)
    {
      RapportFollowerCount count = {
        exported_at, insights_followers, RAPPORT_COUNT_SOURCE_INSIGHTS,
      };

      if (!rapport_import_sink_add_follower_count (self->sink, &count, error))
        return FALSE;
    }

  rapport_import_sink_progress (self->sink, rapport_archive_get_name (self->archive),
                                self->n_records);
  return TRUE;
}

gboolean
rapport_instagram_import (RapportArchive     *archive,
                          RapportImportSink  *sink,
                          GCancellable       *cancellable,
                          GError            **error)
{
  RapportInstagramImport self;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rapport_instagram_import_init (&self, archive, sink, cancellable);
  ok = import_export (&self, error);
  rapport_instagram_import_clear (&self);
  return ok;
}

void
rapport_instagram_import_init (RapportInstagramImport *self,
                               RapportArchive         *archive,
                               RapportImportSink      *sink,
                               GCancellable           *cancellable)
{
  memset (self, 0, sizeof *self);
  self->archive = archive;
  self->sink = sink;
  self->cancellable = cancellable;
  self->insights = g_array_new (FALSE, TRUE, sizeof (RapportInstagramInsights));
  g_array_set_clear_func (self->insights, rapport_instagram_insights_clear);
  self->insights_by_time = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->list_notes = g_ptr_array_new_with_free_func (g_free);
  rapport_instagram_find_scope (self);
}

void
rapport_instagram_import_clear (RapportInstagramImport *self)
{
  g_array_unref (self->insights);
  g_hash_table_unref (self->insights_by_time);
  g_free (self->prefix);
  g_free (self->handle);
  g_free (self->display_name);
  g_ptr_array_unref (self->foreign);
  g_hash_table_unref (self->entry_set);
  g_ptr_array_unref (self->list_notes);
}
