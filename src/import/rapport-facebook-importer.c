/* rapport-facebook-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Facebook's "Download your information" export in JSON.  connections/followers/ gives the
 * followers (people_who_followed_you.json, older followers.json) and who the account followed
 * (who_you've_followed.json); connections/friends/your_friends.json the friends, who are
 * mutual by definition and so go to both lists, as LinkedIn's connections do.  Removed
 * friends and friend requests are no audience and are left alone without a word.  The 2026
 * exports write the same lists as label_values records under
 * this_profile's_activity_across_facebook/.
 *
 * People carry no id, only their display name, which repeats: the repaired name is the
 * handle.  One list names a person once, so a name met twice in one file with two dates is
 * two people, kept apart by date: the earlier is "Name", the later "Name (2)", and so on; the
 * n-th of a name in one file is the n-th in another.  Like all of Meta's text the names are
 * UTF-8 written byte by byte (see rapport_text_repair_mojibake()).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"
#include "import/rapport-export-name.h"
#include "import/rapport-facebook-importer.h"
#include "import/rapport-facebook-private.h"
#include "import/rapport-json-array.h"

/* A list longer than this is read in batches rather than as one tree: a page's 300,000
 * followers took five times the file as a tree. */
#define LONG_LIST_BYTES (64 << 10)

typedef enum
{
  LIST_NONE,
  LIST_FOLLOWERS,
  LIST_FOLLOWING,
  LIST_FRIENDS,
} ListKind;

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  gint64 newest;
} Import;

static gboolean
in_folder (const char *entry,
           const char *folder)
{
  g_autofree char *inner = g_strconcat ("/", folder, NULL);

  return g_str_has_prefix (entry, folder) || strstr (entry, inner) != NULL;
}

/* Folders only Instagram's export has: an Accounts Center wrapper holding both stays
 * Instagram's, as it was before Facebook's export was read. */
static gboolean
is_instagram_entry (const char *entry)
{
  return in_folder (entry, "followers_and_following/") ||
         in_folder (entry, "your_instagram_activity/") ||
         in_folder (entry, "past_instagram_insights/");
}

static gboolean
is_facebook_entry (const char *entry)
{
  return in_folder (entry, "connections/friends/") ||
         in_folder (entry, "connections/followers/") ||
         in_folder (entry, "your_facebook_activity/") ||
         in_folder (entry, "this_profile's_activity_across_facebook/") ||
         in_folder (entry, "profile_information/profile_information.json");
}

/* @entry with the wrapping folders the archive removed: an export of only the connections
 * loses its connections/ folder, an export of 2026 its this_profile's_activity_across_facebook/,
 * and the names of the files alone do not say what they hold. */
static char *
full_path (RapportArchive *archive,
           const char     *entry)
{
  const char *top = rapport_archive_get_top_folders (archive);

  return top != NULL ? g_strconcat (top, "/", entry, NULL) : g_strdup (entry);
}

gboolean
rapport_facebook_recognizes (RapportArchive *archive)
{
  const char * const *entries;
  guint n_entries = 0;
  gboolean facebook = FALSE;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *path = full_path (archive, entries[i]);

      if (is_instagram_entry (path))
        return FALSE;
      facebook = facebook || is_facebook_entry (path);
    }
  return facebook;
}

static const char *
base_name (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash != NULL ? slash + 1 : entry;
}

/* Which list a file holds, by its name; the 2026 files under
 * this_profile's_activity_across_facebook/ are told apart by the words in their names. */
static ListKind
list_of_entry (const char *entry)
{
  const char *name = base_name (entry);

  if (!g_str_has_suffix (name, ".json"))
    return LIST_NONE;
  if (in_folder (entry, "connections/followers/") ||
      in_folder (entry, "connections/friends/"))
    {
      if (g_str_equal (name, "people_who_followed_you.json") ||
          g_str_equal (name, "followers.json"))
        return LIST_FOLLOWERS;
      if (g_str_equal (name, "who_you've_followed.json") ||
          g_str_equal (name, "who_you_follow.json"))
        return LIST_FOLLOWING;
      if (g_str_equal (name, "your_friends.json") || g_str_equal (name, "friends.json"))
        return LIST_FRIENDS;
      return LIST_NONE;
    }
  if (in_folder (entry, "this_profile's_activity_across_facebook/"))
    {
      /* Removed friends and requests are no audience. */
      if (strstr (name, "removed") != NULL || strstr (name, "request") != NULL)
        return LIST_NONE;
      if (strstr (name, "followed_you") != NULL || strstr (name, "follower") != NULL)
        return LIST_FOLLOWERS;
      if (strstr (name, "friend") != NULL)
        return LIST_FRIENDS;
      if (strstr (name, "follow") != NULL)
        return LIST_FOLLOWING;
    }
  return LIST_NONE;
}

static gboolean
is_post_entry (const char *entry)
{
  const char *name = base_name (entry);

  return g_str_has_suffix (name, ".json") &&
         (g_str_has_prefix (name, "your_posts__check_ins__photos_and_videos_") ||
          g_str_has_prefix (name, "your_posts_")) &&
         in_folder (entry, "posts/");
}

static RapportJsonTree *
read_json (Import      *import,
           const char  *entry,
           GError     **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  RapportJsonKind kind;

  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return NULL;
  /* From a zip, as a stream: the list of followers is read again when its turn comes rather
   * than held unpacked, as big as the file. */
  tree = rapport_json_tree_parse_entry (import->archive, entry, LONG_LIST_BYTES,
                                        import->cancellable, error);
  if (tree == NULL)
    return NULL;
  kind = rapport_json_tree_get_root (tree)->kind;
  if (kind != RAPPORT_JSON_OBJECT && kind != RAPPORT_JSON_ARRAY &&
      kind != RAPPORT_JSON_LONG_ARRAY)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file holds no JSON list or object"), entry);
      return NULL;
    }
  return g_steal_pointer (&tree);
}

/* @name is @base, or @base with a version suffix ("friends_v2", "following_v3"). */
static gboolean
key_matches (const char *name,
             const char *base)
{
  gsize length = strlen (base);

  if (strncmp (name, base, length) != 0)
    return FALSE;
  name += length;
  if (*name == '\0')
    return TRUE;
  return name[0] == '_' && name[1] == 'v' && name[2] != '\0' &&
         strspn (name + 2, "0123456789") == strlen (name + 2);
}

static gboolean
is_list (const RapportJsonValue *value)
{
  return value->kind == RAPPORT_JSON_ARRAY || value->kind == RAPPORT_JSON_LONG_ARRAY;
}

/* The rows of a file: the root when it is a list, else the member named after the list
 * (with or without its version suffix), else the first member that is a list of objects (a
 * long list is taken for one: its rows are read later); a file of a single row may hold that
 * row alone.  NULL when there is none. */
static const RapportJsonValue *
rows_of (const RapportJsonValue *root,
         const char * const     *keys,
         gboolean               *single)
{
  *single = FALSE;
  if (is_list (root))
    return root;
  for (guint k = 0; keys[k] != NULL; k++)
    {
      for (guint i = 0; i < root->length; i++)
        {
          const RapportJsonMember *member = &root->members[i];

          if (is_list (&member->value) && key_matches (member->name, keys[k]))
            return &member->value;
        }
    }
  /* Before any list: the record's own label_values is a list of objects too. */
  if (rapport_json_value_get_member (root, "label_values") != NULL)
    {
      *single = TRUE;
      return root;
    }
  /* A list of objects under a name not known yet; a list too long to look into only when no
   * shorter one is, since it might hold strings. */
  for (guint i = 0; i < root->length; i++)
    {
      const RapportJsonValue *value = &root->members[i].value;

      if (value->kind == RAPPORT_JSON_ARRAY && value->length > 0 &&
          value->elements[0].kind == RAPPORT_JSON_OBJECT)
        return value;
    }
  for (guint i = 0; i < root->length; i++)
    {
      if (root->members[i].value.kind == RAPPORT_JSON_LONG_ARRAY)
        return &root->members[i].value;
    }
  return NULL;
}

static gint64
timestamp_of (const RapportJsonValue *object,
              const char             *name)
{
  gint64 value = rapport_json_value_get_count (object, name);

  return value > 0 ? value : 0;
}

static gboolean
is_usable_name (const char *text)
{
  return text != NULL && text[strspn (text, " \t\r\n")] != '\0' &&
         strlen (text) <= RAPPORT_FACEBOOK_MAX_NAME_BYTES && g_utf8_validate (text, -1, NULL);
}

/* A 2026 record: {"timestamp": …, "label_values": [{"label": "Name", "value": "…"},
 * {"label": "…", "timestamp_value": …}, {"title": …, "dict": [{"label": …}]}]}.  The labels
 * are translated and vary between files, so the name is the value labelled as a name, else
 * the first text value that is no link; the date is the record's timestamp, else the first
 * timestamp_value.  Nested "dict" lists are searched one level down. */
static void
read_label_values (const RapportJsonValue  *list,
                   guint                    depth,
                   const char             **name,
                   const char             **any_text,
                   gint64                  *since)
{
  for (guint i = 0; list->kind == RAPPORT_JSON_ARRAY && i < list->length; i++)
    {
      const RapportJsonValue *item = &list->elements[i];
      const char *label = rapport_json_value_get_string (item, "label");
      const char *value = rapport_json_value_get_string (item, "value");
      const RapportJsonValue *dict = rapport_json_value_get_array (item, "dict");

      if (item->kind != RAPPORT_JSON_OBJECT)
        continue;
      if (*since == 0)
        *since = timestamp_of (item, "timestamp_value");
      if (is_usable_name (value) && !g_str_has_prefix (value, "http"))
        {
          g_autofree char *repaired = label != NULL ? rapport_text_repair_mojibake (label) : NULL;

          if (*name == NULL && repaired != NULL &&
              (g_ascii_strcasecmp (repaired, "Name") == 0 ||
               g_ascii_strcasecmp (repaired, "Full name") == 0 ||
               g_ascii_strcasecmp (repaired, "Username") == 0))
            *name = value;
          if (*any_text == NULL)
            *any_text = value;
        }
      if (dict != NULL && depth == 0)
        read_label_values (dict, depth + 1, name, any_text, since);
    }
}

/* The name and the date of a row: {"name", "timestamp"} (2024), an Instagram-like
 * {"title", "string_list_data": [{"value", "timestamp"}]}, or a label_values record. */
static const char *
read_person (const RapportJsonValue *row,
             gint64                 *since)
{
  const RapportJsonValue *labels = rapport_json_value_get_array (row, "label_values");
  const RapportJsonValue *strings = rapport_json_value_get_array (row, "string_list_data");
  const char *name = rapport_json_value_get_string (row, "name");

  *since = timestamp_of (row, "timestamp");
  if (labels != NULL)
    {
      const char *labelled = NULL;
      const char *any_text = NULL;

      read_label_values (labels, 0, &labelled, &any_text, since);
      return labelled != NULL ? labelled : any_text;
    }
  if (name == NULL)
    name = rapport_json_value_get_string (row, "title");
  if (strings != NULL && strings->length > 0)
    {
      if (!is_usable_name (name))
        name = rapport_json_value_get_string (&strings->elements[0], "value");
      if (*since == 0)
        *since = timestamp_of (&strings->elements[0], "timestamp");
    }
  return name;
}

/* A direction's lists, read twice (see RapportFacebookPeople). */
typedef struct
{
  Import *import;
  RapportDirection direction;
  RapportFacebookPeople *people;
  gboolean counting; /* the first reading */
} DirectionRead;

typedef struct
{
  DirectionRead *direction;
  const char *entry;
  gboolean reports; /* whether skips are told: a friends file is read for both directions */
} ListRead;

static gboolean
read_people (const RapportJsonValue  *rows,
             guint                    n_rows,
             guint64                  first_index,
             gpointer                 user_data,
             GError                 **error)
{
  ListRead *read = user_data;
  DirectionRead *direction = read->direction;
  Import *import = direction->import;

  for (guint i = 0; i < n_rows; i++)
    {
      const RapportJsonValue *row = &rows[i];
      g_autofree char *name = NULL;
      const char *raw;
      gint64 since = 0;

      if (row->kind != RAPPORT_JSON_OBJECT || !is_usable_name (raw = read_person (row, &since)))
        {
          g_autofree char *reason = NULL;

          /* Told in the first reading, before the list is begun, as they were when the lists
           * were read whole: a file whose rows all lack a name leaves the list empty rather
           * than unreadable. */
          if (!direction->counting || !read->reports)
            continue;
          reason = g_strdup_printf (_("item %u: no name"), (guint) (first_index + i + 1));
          rapport_import_sink_skip (import->sink, read->entry, reason);
          continue;
        }
      name = g_strstrip (rapport_text_repair_mojibake (raw));
      if (direction->counting)
        {
          rapport_facebook_people_count (direction->people, name);
          import->newest = MAX (import->newest, since);
        }
      else if (!rapport_facebook_people_keep (direction->people, name, since))
        {
          RapportRelation relation = { direction->direction, name, NULL, since };

          if (!rapport_import_sink_add_relation (import->sink, &relation, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Whether a list of @kind goes into @direction: friends are both. */
static gboolean
feeds_direction (ListKind         kind,
                 RapportDirection direction)
{
  if (kind == LIST_FRIENDS)
    return TRUE;
  return kind == (direction == RAPPORT_DIRECTION_FOLLOWER ? LIST_FOLLOWERS : LIST_FOLLOWING);
}

/* One file of @direction's lists, in the reading @direction is at. */
static gboolean
read_list (DirectionRead  *direction,
           const char     *entry,
           ListKind        kind,
           GError        **error)
{
  static const char * const keys[] = {
    "followers", "people_who_followed_you", "following", "who_you_follow", "friends", NULL,
  };
  g_autoptr(RapportJsonTree) tree = NULL;
  Import *import = direction->import;
  ListRead read = { direction, entry, FALSE };
  const RapportJsonValue *rows;
  gboolean single;
  guint n_rows;

  read.reports = kind != LIST_FRIENDS || direction->direction == RAPPORT_DIRECTION_FOLLOWER;
  if ((tree = read_json (import, entry, error)) == NULL)
    return FALSE;
  rows = rows_of (rapport_json_tree_get_root (tree), keys, &single);
  if (rows == NULL)
    return TRUE;
  n_rows = single ? 1 : rows->length;
  if (single)
    {
      if (!read_people (rows, 1, 0, &read, error))
        return FALSE;
    }
  else if (!rapport_json_tree_foreach (tree, rows, read_people, &read, import->cancellable,
                                       error))
    return FALSE;
  if (direction->counting)
    return TRUE;
  rapport_facebook_people_end_file (direction->people);
  if (read.reports)
    rapport_import_sink_progress (import->sink, entry, n_rows);
  return TRUE;
}

/* Each of @direction's lists read twice, and handed on as one list.  Holding every name until
 * the end took 17 MB for a page's 300,000 followers. */
static gboolean
read_direction (Import            *import,
                RapportDirection   direction,
                GError           **error)
{
  g_autoptr(RapportFacebookPeople) people = rapport_facebook_people_new ();
  DirectionRead read = { import, direction, people, TRUE };
  const char * const *entries;
  guint n_entries = 0;
  gboolean any = FALSE;

  entries = rapport_archive_get_entries (import->archive, &n_entries);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_entries; i++)
        {
          g_autofree char *path = full_path (import->archive, entries[i]);
          ListKind kind = list_of_entry (path);

          if (kind == LIST_NONE || !feeds_direction (kind, direction))
            continue;
          if (pass == 1 && !any && !rapport_import_sink_begin_list (import->sink, direction,
                                                                    error))
            return FALSE;
          any = pass == 1 || any;
          if (!read_list (&read, entries[i], kind, error))
            return FALSE;
        }
      if (pass == 0)
        rapport_facebook_people_end_counting (people);
      read.counting = FALSE;
    }
  if (!any)
    return TRUE;

  if (!rapport_facebook_people_hand_on (people, import->sink, direction, error))
    return FALSE;
  rapport_import_sink_end_list (import->sink);
  return TRUE;
}

/* Whether one of a post's attachments is a photo or a video: [{"data": [{"media": {…}}]}];
 * a link or a place is not. */
static gboolean
has_media (const RapportJsonValue *attachments)
{
  for (guint i = 0; attachments != NULL && i < attachments->length; i++)
    {
      const RapportJsonValue *data = rapport_json_value_get_array (&attachments->elements[i],
                                                                   "data");

      for (guint j = 0; data != NULL && j < data->length; j++)
        {
          if (rapport_json_value_get_object (&data->elements[j], "media") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  Import *import;
  const char *entry;
} PostsRead;

/* One batch of posts of your_posts_*.json. */
static gboolean
read_post_rows (const RapportJsonValue  *rows,
                guint                    n_rows,
                guint64                  first_index,
                gpointer                 user_data,
                GError                 **error)
{
  PostsRead *read = user_data;

  for (guint i = 0; i < n_rows; i++)
    {
      const RapportJsonValue *row = &rows[i];
      const RapportJsonValue *data = rapport_json_value_get_array (row, "data");
      const RapportJsonValue *attachments = rapport_json_value_get_array (row, "attachments");
      g_autofree char *text = NULL;
      g_autofree char *id = NULL;
      RapportPost post;
      gint64 at = row->kind == RAPPORT_JSON_OBJECT ? timestamp_of (row, "timestamp") : 0;

      if (at == 0)
        {
          g_autofree char *reason = g_strdup_printf (_("item %u: no time"),
                                                     (guint) (first_index + i + 1));

          rapport_import_sink_skip (read->import->sink, read->entry, reason);
          continue;
        }
      for (guint j = 0; data != NULL && j < data->length && text == NULL; j++)
        {
          const char *raw = rapport_json_value_get_string (&data->elements[j], "post");

          if (raw != NULL && g_utf8_validate (raw, -1, NULL) && raw[0] != '\0')
            text = rapport_text_repair_mojibake (raw);
        }

      /* The export gives posts no id: the time stands in, the same in every export; two
       * posts of one second would be one. */
      id = g_strdup_printf ("%" G_GINT64_FORMAT, at);
      rapport_post_init (&post);
      post.platform_id = id;
      post.created_at = at;
      post.text = text;
      post.type = text == NULL && has_media (attachments) ? RAPPORT_POST_PHOTO
                                                          : RAPPORT_POST_TEXT;
      if (!rapport_import_sink_add_post (read->import->sink, &post, error))
        return FALSE;
      read->import->newest = MAX (read->import->newest, at);
    }
  return TRUE;
}

/* your_posts_*.json: [{"timestamp", "attachments": […], "data": [{"post": "…"}], "title"}].
 * The export holds no counts; the attachments are left alone. */
static gboolean
read_posts (Import      *import,
            const char  *entry,
            GError     **error)
{
  static const char * const keys[] = { "status_updates", "posts", NULL };
  g_autoptr(RapportJsonTree) tree = NULL;
  PostsRead read = { import, entry };
  const RapportJsonValue *rows;
  gboolean single;

  if ((tree = read_json (import, entry, error)) == NULL)
    return FALSE;
  rows = rows_of (rapport_json_tree_get_root (tree), keys, &single);
  if (rows == NULL || single)
    return TRUE;
  if (!rapport_json_tree_foreach (tree, rows, read_post_rows, &read, import->cancellable, error))
    return FALSE;
  rapport_import_sink_progress (import->sink, entry, rows->length);
  return TRUE;
}

/* profile_information.json: {"profile_v2": {"name": {"full_name"}, "username",
 * "profile_uri"}}.  The handle is the user name, else the last part of the profile's
 * address, else the full name. */
static gboolean
read_profile (Import      *import,
              const char  *entry,
              char       **handle,
              char       **display_name,
              GError     **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  const RapportJsonValue *root;
  const RapportJsonValue *profile = NULL;
  const char *full_name;
  const char *username;
  const char *uri;

  if ((tree = read_json (import, entry, error)) == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);
  for (guint i = 0; root->kind == RAPPORT_JSON_OBJECT && i < root->length; i++)
    {
      if (key_matches (root->members[i].name, "profile") &&
          root->members[i].value.kind == RAPPORT_JSON_OBJECT)
        profile = &root->members[i].value;
    }
  if (profile == NULL)
    return TRUE;

  full_name = rapport_json_value_get_string (rapport_json_value_get_object (profile, "name"),
                                             "full_name");
  username = rapport_json_value_get_string (profile, "username");
  uri = rapport_json_value_get_string (profile, "profile_uri");
  if (is_usable_name (full_name))
    *display_name = g_strstrip (rapport_text_repair_mojibake (full_name));
  if (is_usable_name (username) && strpbrk (username, " /") == NULL)
    *handle = g_strdup (username);
  else if (is_usable_name (uri) && strchr (uri, '?') == NULL)
    {
      g_autofree char *copy = g_strdup (uri);
      char *end = copy + strlen (copy);
      char *last;

      while (end > copy && end[-1] == '/')
        *--end = '\0';
      last = strrchr (copy, '/');
      if (last != NULL && last[1] != '\0' && strstr (copy, "facebook.com/") != NULL &&
          !g_str_equal (last + 1, "profile.php"))
        *handle = g_strdup (last + 1);
    }
  if (*handle == NULL && *display_name != NULL)
    *handle = g_strdup (*display_name);
  return TRUE;
}

/* The names the export was given, the folders inside out, then the archive's own name. */
static GPtrArray *
export_names (RapportArchive *archive)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *top = rapport_archive_get_top_folders (archive);

  if (top != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (top, "/", -1);

      for (guint i = g_strv_length (parts); i > 0; i--)
        g_ptr_array_add (names, g_strdup (parts[i - 1]));
    }
  g_ptr_array_add (names, g_strdup (rapport_archive_get_name (archive)));
  return names;
}

gboolean
rapport_facebook_import (RapportArchive     *archive,
                         RapportImportSink  *sink,
                         GCancellable       *cancellable,
                         GError            **error)
{
  Import import = { archive, sink, cancellable, 0 };
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *display_name = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_FACEBOOK, NULL, NULL, NULL, FALSE };
  const char * const *entries;
  const char *profile;
  guint n_entries = 0;
  gint64 from_name = 0;
  gint64 exported_at = 0;
  RapportDateSource source;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_facebook_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: not a Facebook export (no friends, followers, posts or profile "
                     "were found)"), rapport_archive_get_name (archive));
      return FALSE;
    }

  names = export_names (archive);

  profile = rapport_archive_find (archive, "profile_information/profile_information.json");
  if (profile != NULL && !read_profile (&import, profile, &handle, &display_name, error))
    return FALSE;
  for (guint i = 0; handle == NULL && i < names->len; i++)
    handle = rapport_export_name_get_user (g_ptr_array_index (names, i), "facebook");
  if (handle == NULL)
    {
      account.provisional = TRUE;
      handle = rapport_export_name_strip (rapport_archive_get_name (archive));
      if (handle == NULL)
        handle = g_strdup ("facebook");
    }
  account.handle = handle;
  account.display_name = display_name;
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  if (!read_direction (&import, RAPPORT_DIRECTION_FOLLOWER, error) ||
      !read_direction (&import, RAPPORT_DIRECTION_FOLLOWING, error))
    return FALSE;
  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *path = full_path (archive, entries[i]);

      if (is_post_entry (path) && !read_posts (&import, entries[i], error))
        return FALSE;
    }

  /* Meta names the export with the day it was made. */
  for (guint i = 0; i < names->len; i++)
    {
      if (rapport_date_find_in_name (g_ptr_array_index (names, i), &from_name))
        break;
      from_name = 0;
    }
  source = rapport_export_name_choose_date (from_name, import.newest,
                                            rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, source);
  return TRUE;
}
