/* rapport-twitter-posts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The posts of an X archive (tweets.js, tweet.js until 2022, the month files of the archives
 * from before 2019), with the long versions of the posts X truncated joined from note-tweet.js,
 * and the names that the posts give account ids.
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-text.h"
#include "import/rapport-image-header.h"
#include "import/rapport-twitter-private.h"

/* The start of a truncated post that must match the start of its long version. */
#define NOTE_KEY_BYTES 40

typedef struct
{
  char *text;
  char *key;
  char **hashtags;
  char **mentions;
} NoteTweet;

static void
note_tweet_free (gpointer data)
{
  NoteTweet *note = data;

  g_free (note->text);
  g_free (note->key);
  g_strfreev (note->hashtags);
  g_strfreev (note->mentions);
  g_free (note);
}

/* X writes &, < and > as HTML entities in post text, and only those. */
static char *
unescape_text (const char *text)
{
  GString *out;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '&')
        {
          if (g_str_has_prefix (p, "&amp;"))
            {
              g_string_append_c (out, '&');
              p += strlen ("&amp;") - 1;
              continue;
            }
          if (g_str_has_prefix (p, "&lt;"))
            {
              g_string_append_c (out, '<');
              p += strlen ("&lt;") - 1;
              continue;
            }
          if (g_str_has_prefix (p, "&gt;"))
            {
              g_string_append_c (out, '>');
              p += strlen ("&gt;") - 1;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The start of a post's text that both its truncated and its long version share: without
 * leading space, cut before an ellipsis or a t.co link and at NOTE_KEY_BYTES. */
static char *
note_key (const char *text)
{
  const char *start = text;
  const char *end;
  const char *cut;

  while (g_ascii_isspace (*start))
    start++;

  end = start + strlen (start);
  if ((cut = strstr (start, "\xE2\x80\xA6")) != NULL) /* U+2026 HORIZONTAL ELLIPSIS */
    end = MIN (end, cut);
  if ((cut = strstr (start, "https://t.co/")) != NULL)
    end = MIN (end, cut);
  if (end - start > NOTE_KEY_BYTES)
    end = g_utf8_find_prev_char (start, start + NOTE_KEY_BYTES + 1);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return g_strndup (start, end - start);
}

static void
add_unique (GPtrArray  *list,
            const char *value)
{
  g_autofree char *lower = NULL;

  if (value == NULL || *value == '\0')
    return;

  lower = rapport_text_fold_handle (value);
  for (guint i = 0; i < list->len; i++)
    {
      if (strcmp (g_ptr_array_index (list, i), lower) == 0)
        return;
    }
  g_ptr_array_add (list, g_steal_pointer (&lower));
}

/* Collects member @name of each object in @array ("text" of hashtags, "screen_name" of
 * mentions) into @list. */
static void
collect_members (GPtrArray              *list,
                 const RapportJsonValue *array,
                 const char             *name)
{
  if (array == NULL)
    return;

  for (guint i = 0; i < array->length; i++)
    add_unique (list, rapport_json_value_get_string (&array->elements[i], name));
}

static void
collect_strv (GPtrArray          *list,
              const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    add_unique (list, values[i]);
}

static gboolean
note_batch (const RapportJsonValue  *elements,
            guint                    n_elements,
            guint64                  first_index,
            gpointer                 user_data,
            GError                 **error)
{
  RapportTwitterImport *self = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      g_autoptr(GPtrArray) hashtags = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_free);
      const RapportJsonValue *note = rapport_twitter_unwrap (&elements[i], "noteTweet");
      const RapportJsonValue *core;
      const char *created;
      const char *text;
      GPtrArray *same_second;
      NoteTweet *entry;
      gint64 at;

      if (note == NULL ||
          (core = rapport_json_value_get_object (note, "core")) == NULL ||
          (text = rapport_json_value_get_string (core, "text")) == NULL ||
          (created = rapport_json_value_get_string (note, "createdAt")) == NULL ||
          !rapport_date_parse_iso8601 (created, &at))
        {
          rapport_twitter_skip_record (self, _("item %'" PRIu64 " is not a readable long post"),
                                       first_index + i + 1);
          continue;
        }

      collect_members (hashtags, rapport_json_value_get_array (core, "hashtags"), "text");
      collect_members (mentions, rapport_json_value_get_array (core, "mentions"), "screenName");
      collect_members (mentions, rapport_json_value_get_array (core, "mentions"), "screen_name");
      g_ptr_array_add (hashtags, NULL);
      g_ptr_array_add (mentions, NULL);

      entry = g_new0 (NoteTweet, 1);
      entry->text = unescape_text (text);
      entry->key = note_key (entry->text);
      entry->hashtags = (char **) g_ptr_array_free (g_steal_pointer (&hashtags), FALSE);
      entry->mentions = (char **) g_ptr_array_free (g_steal_pointer (&mentions), FALSE);

      same_second = g_hash_table_lookup (self->notes, &at);
      if (same_second == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = at;
          same_second = g_ptr_array_new_with_free_func (note_tweet_free);
          g_hash_table_insert (self->notes, key, same_second);
        }
      g_ptr_array_add (same_second, entry);
    }

  return TRUE;
}

/* The long version of a post whose full_text X truncated.  note-tweet.js does not name the
 * post its text belongs to, so the join is: created within a second of the post (the two are
 * written in the same request) AND the post's text, up to an ellipsis or t.co link and at most
 * NOTE_KEY_BYTES, is the start of the note's text. */
static const NoteTweet *
find_note (RapportTwitterImport *self,
           gint64                created_at,
           const char           *text)
{
  static const gint64 offsets[] = { 0, -1, 1 };
  g_autofree char *key = NULL;

  if (self->notes == NULL || g_hash_table_size (self->notes) == 0)
    return NULL;

  key = note_key (text);
  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 second = created_at + offsets[i];
      GPtrArray *candidates = g_hash_table_lookup (self->notes, &second);

      for (guint j = 0; candidates != NULL && j < candidates->len; j++)
        {
          const NoteTweet *note = g_ptr_array_index (candidates, j);

          if (g_str_has_prefix (note->key, key) || g_str_has_prefix (note->text, key))
            return note;
        }
    }

  return NULL;
}

/* The members of a tweet that several steps read, looked up once. */
typedef struct
{
  const RapportJsonValue *entities;
  const RapportJsonValue *retweeted;
  const char *reply_to_name;
  const char *reply_to_id;
} TweetParts;

static RapportPostType
tweet_type (const RapportJsonValue *tweet,
            const TweetParts       *parts,
            const char             *text)
{
  const RapportJsonValue *extended;
  const RapportJsonValue *media;
  const char *reply_to;
  RapportPostType type = RAPPORT_POST_TEXT;

  /* Old manual retweets have the prefix only. */
  if (g_str_has_prefix (text, "RT @") || parts->retweeted != NULL)
    return RAPPORT_POST_REPOST;

  reply_to = rapport_json_value_get_string (tweet, "in_reply_to_status_id_str");
  if (reply_to != NULL && *reply_to != '\0')
    return RAPPORT_POST_REPLY;

  if ((extended = rapport_json_value_get_object (tweet, "extended_entities")) != NULL &&
      (media = rapport_json_value_get_array (extended, "media")) != NULL)
    {
      for (guint i = 0; i < media->length; i++)
        {
          const char *kind = rapport_json_value_get_string (&media->elements[i], "type");

          if (kind == NULL)
            continue;
          /* A video anywhere makes it a video; an animated GIF is a silent video. */
          if (g_str_equal (kind, "video") || g_str_equal (kind, "animated_gif"))
            return RAPPORT_POST_VIDEO;
          if (g_str_equal (kind, "photo"))
            type = RAPPORT_POST_PHOTO;
        }
    }

  return type;
}

/* A name the posts give an account id, and when: an account renamed keeps its newest. */
typedef struct
{
  char *handle;
  gint64 at;
} KnownName;

static void
known_name_free (gpointer data)
{
  KnownName *name = data;

  g_free (name->handle);
  g_free (name);
}

static void
learn_name (RapportTwitterImport *self,
            const char           *id,
            const char           *handle,
            gint64                at)
{
  KnownName *known;

  if (id == NULL || handle == NULL || !g_ascii_isdigit (id[0]) || handle[0] == '\0')
    return;

  if ((known = g_hash_table_lookup (self->names, id)) == NULL)
    {
      known = g_new0 (KnownName, 1);
      g_hash_table_insert (self->names, g_strdup (id), known);
    }
  else if (known->at > at)
    return;
  g_free (known->handle);
  known->handle = g_strdup (handle);
  known->at = at;
}

/* Every account id that @tweet names with its user name: the accounts it mentions, the one it
 * answers, and the author of what it retweets. */
static void
learn_names (RapportTwitterImport *self,
             const TweetParts     *parts,
             gint64                at)
{
  const RapportJsonValue *mentions = NULL;
  const RapportJsonValue *author;

  if (parts->entities != NULL)
    mentions = rapport_json_value_get_array (parts->entities, "user_mentions");
  for (guint i = 0; mentions != NULL && i < mentions->length; i++)
    learn_name (self, rapport_json_value_get_string (&mentions->elements[i], "id_str"),
                rapport_json_value_get_string (&mentions->elements[i], "screen_name"), at);

  learn_name (self, parts->reply_to_id, parts->reply_to_name, at);

  if (parts->retweeted != NULL &&
      (author = rapport_json_value_get_object (parts->retweeted, "user")) != NULL)
    learn_name (self, rapport_json_value_get_string (author, "id_str"),
                rapport_json_value_get_string (author, "screen_name"), at);
}

const char *
rapport_twitter_name_of (RapportTwitterImport *self,
                         const char           *id)
{
  const KnownName *known;

  if (self->names == NULL || (known = g_hash_table_lookup (self->names, id)) == NULL)
    return NULL;
  return known->handle;
}

/* Whether the account of @handle or @id is the creator's: a reply to it is a thread. */
static gboolean
is_own_account (RapportTwitterImport *self,
                const char           *handle,
                const char           *id)
{
  return (handle != NULL && self->username != NULL &&
          g_ascii_strcasecmp (handle, self->username) == 0) ||
         (id != NULL && self->account_id != NULL && strcmp (id, self->account_id) == 0);
}

/* The pictures the archive holds, by the post they belong to: "data/tweets_media/<post
 * id>-<name>" (before 2022 also tweet_media/), the first in natural order for a post of
 * several.  Videos and GIFs are left out. */
static GHashTable *
find_pictures (RapportArchive *archive)
{
  static const char * const folders[] = { "tweets_media", "tweet_media" };
  GHashTable *pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GPtrArray) entries = rapport_archive_find_all (archive, folders[f], "*-*");

      for (guint i = 0; i < entries->len; i++)
        {
          const char *entry = g_ptr_array_index (entries, i);
          const char *name = strrchr (entry, '/');
          g_autofree char *id = NULL;
          const char *dash;

          name = name != NULL ? name + 1 : entry;
          dash = strchr (name, '-');
          if (dash == NULL || dash == name || !rapport_image_name_is_picture (name))
            continue;
          /* The first stays. */
          id = g_strndup (name, dash - name);
          if (!g_hash_table_contains (pictures, id))
            g_hash_table_insert (pictures, g_steal_pointer (&id), (gpointer) entry);
        }
    }
  return pictures;
}

static gboolean
add_picture (RapportTwitterImport  *self,
             const char            *id,
             RapportPostType        type,
             GError               **error)
{
  RapportPostImage image = { id, NULL };

  /* A repost's pictures are someone else's. */
  if (type == RAPPORT_POST_REPOST || self->pictures == NULL ||
      (image.entry = g_hash_table_lookup (self->pictures, id)) == NULL)
    return TRUE;
  return rapport_import_sink_add_post_image (self->sink, &image, error);
}

static gboolean
import_tweet (RapportTwitterImport    *self,
              const RapportJsonValue  *element,
              guint64                  index,
              GError                 **error)
{
  g_autoptr(GPtrArray) hashtags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;
  const RapportJsonValue *tweet = rapport_twitter_unwrap (element, "tweet");
  const NoteTweet *note;
  TweetParts parts;
  const char *id;
  const char *created;
  const char *full_text;
  const char *reply_to;
  RapportPost post;
  gint64 at;

  if (tweet == NULL)
    return rapport_twitter_skip_record (self, _("item %'" PRIu64 " is not a post"), index + 1);

  id = rapport_json_value_get_string (tweet, "id_str");
  if (id == NULL)
    id = rapport_json_value_get_string (tweet, "id");
  if (id == NULL || *id == '\0')
    return rapport_twitter_skip_record (self, _("item %'" PRIu64 " is a post without an id"),
                                        index + 1);

  /* "Sat Nov 09 12:14:18 +0000 2024"; before 2019 "2017-04-20 09:49:37 +0000". */
  created = rapport_json_value_get_string (tweet, "created_at");
  if (created == NULL ||
      (!rapport_date_parse_twitter (created, &at) && !rapport_date_parse_analytics (created, &at)))
    return rapport_twitter_skip_record (self, _("post %s has no readable date"), id);

  /* The month files of old archives repeat some posts; one file names each post once. */
  if (self->post_ids != NULL && !g_hash_table_add (self->post_ids, g_strdup (id)))
    return TRUE;
  parts.entities = rapport_json_value_get_object (tweet, "entities");
  parts.retweeted = rapport_json_value_get_object (tweet, "retweeted_status");
  parts.reply_to_name = rapport_json_value_get_string (tweet, "in_reply_to_screen_name");
  parts.reply_to_id = rapport_json_value_get_string (tweet, "in_reply_to_user_id_str");
  learn_names (self, &parts, at);

  full_text = rapport_json_value_get_string (tweet, "full_text");
  if (full_text == NULL)
    full_text = rapport_json_value_get_string (tweet, "text");
  text = unescape_text (full_text != NULL ? full_text : "");

  rapport_post_init (&post);
  post.platform_id = id;
  post.created_at = at;
  post.type = tweet_type (tweet, &parts, text);
  post.likes = rapport_json_value_get_count (tweet, "favorite_count");
  post.shares = rapport_json_value_get_count (tweet, "retweet_count");
  post.url = url = rapport_platform_post_url (RAPPORT_PLATFORM_TWITTER, self->username, id);

  if (parts.entities != NULL)
    {
      collect_members (hashtags, rapport_json_value_get_array (parts.entities, "hashtags"),
                       "text");
      collect_members (mentions, rapport_json_value_get_array (parts.entities, "user_mentions"),
                       "screen_name");
    }

  if ((note = find_note (self, at, text)) != NULL)
    {
      g_free (text);
      text = g_strdup (note->text);
      collect_strv (hashtags, (const char * const *) note->hashtags);
      collect_strv (mentions, (const char * const *) note->mentions);
    }

  g_ptr_array_add (hashtags, NULL);
  g_ptr_array_add (mentions, NULL);
  post.text = *text != '\0' ? text : NULL;
  post.hashtags = (const char * const *) hashtags->pdata;
  post.mentions = (const char * const *) mentions->pdata;

  if (!rapport_import_sink_add_post (self->sink, &post, error) ||
      !add_picture (self, id, post.type, error))
    return FALSE;

  /* A time out of range is skipped by the sink and says nothing of the export's date. */
  if (at > self->newest && rapport_time_is_valid (at))
    self->newest = at;

  /* A reply to someone else is an interaction with them; a reply to oneself is a thread. */
  reply_to = parts.reply_to_name;
  if (post.type == RAPPORT_POST_REPLY && reply_to != NULL && *reply_to != '\0' &&
      !is_own_account (self, reply_to, parts.reply_to_id))
    {
      g_autofree char *target = g_ascii_strdown (reply_to, -1);
      RapportInteraction interaction = {
        .kind = RAPPORT_INTERACTION_COMMENT,
        .target_handle = target,
        .at = at,
        .text = post.text,
      };

      if (!rapport_import_sink_add_interaction (self->sink, &interaction, error))
        return FALSE;
    }

  return TRUE;
}

#ifdef __GNUC__
#define PREFETCH(address) __builtin_prefetch (address)
#else
#define PREFETCH(address) ((void) (address))
#endif

/* The members of @object, or NULL. */
static const RapportJsonMember *
members_of (const RapportJsonValue *object)
{
  return object->kind == RAPPORT_JSON_OBJECT && object->length > 0 ? object->members : NULL;
}

/* Asks for level @level of @element's tree: its members (0), those of the post it wraps, its
 * last member (1), or their names (2). */
static void
prefetch_level (const RapportJsonValue *element,
                guint                   level)
{
  const RapportJsonMember *members = members_of (element);
  const RapportJsonValue *post;

  if (members == NULL || level == 0)
    {
      if (members != NULL)
        PREFETCH (members);
      return;
    }
  post = &members[element->length - 1].value;
  if ((members = members_of (post)) == NULL)
    return;
  for (guint i = 0; i < post->length; i++)
    {
      if (level == 1)
        PREFETCH (&members[i]);
      else
        PREFETCH (members[i].name);
    }
}

static gboolean
tweets_batch (const RapportJsonValue  *elements,
              guint                    n_elements,
              guint64                  first_index,
              gpointer                 user_data,
              GError                 **error)
{
  RapportTwitterImport *self = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      /* A post's tree was built on a worker, far from this thread's cache, and a third of
       * the time a post took here went into waiting for its names: the next posts are asked
       * for ahead, a level of their trees at each step, so that each level is in the cache
       * by the time it is read. */
      if (i + 3 < n_elements)
        prefetch_level (&elements[i + 3], 0);
      if (i + 2 < n_elements)
        prefetch_level (&elements[i + 2], 1);
      if (i + 1 < n_elements)
        prefetch_level (&elements[i + 1], 2);
      if (!import_tweet (self, &elements[i], first_index + i, error))
        return FALSE;
    }

  rapport_import_sink_progress (self->sink, self->entry, first_index + n_elements);
  return TRUE;
}

static gboolean
read_notes (RapportTwitterImport  *self,
            GError               **error)
{
  g_autoptr(GPtrArray) entries = rapport_twitter_find_data_parts (self->archive, "note-tweet.js");

  self->notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      if (!rapport_twitter_read_js_array (self, g_ptr_array_index (entries, i), note_batch, error))
        return FALSE;
    }

  return TRUE;
}

/* "2017_04.js": a month file of an archive from before 2019. */
static gboolean
is_month_file (const char *entry)
{
  const char *slash = strrchr (entry, '/');
  const char *name = slash != NULL ? slash + 1 : entry;

  for (guint i = 0; i < 7; i++)
    {
      if (i == 4 ? name[i] != '_' : !g_ascii_isdigit (name[i]))
        return FALSE;
    }
  return g_ascii_strcasecmp (name + 7, ".js") == 0;
}

GPtrArray *
rapport_twitter_find_posts (RapportArchive *archive)
{
  GPtrArray *entries;

  /* Until 2022 the posts are in tweet.js, since then in tweets.js; either may come in parts. */
  entries = rapport_twitter_find_data_parts (archive, "tweets.js");
  if (entries->len == 0)
    {
      g_ptr_array_unref (entries);
      entries = rapport_twitter_find_data_parts (archive, "tweet.js");
    }
  if (entries->len == 0)
    {
      /* Before 2019: data/js/tweets/YYYY_MM.js, in natural order, which is the months'. */
      g_autoptr(GPtrArray) candidates = rapport_archive_find_all (archive, "tweets", "*.js");

      for (guint i = 0; i < candidates->len; i++)
        {
          if (is_month_file (g_ptr_array_index (candidates, i)))
            g_ptr_array_add (entries, g_ptr_array_index (candidates, i));
        }
    }

  return entries;
}

gboolean
rapport_twitter_read_posts (RapportTwitterImport  *self,
                            GPtrArray             *entries,
                            GError               **error)
{
  if (entries->len > 1)
    self->post_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pictures = find_pictures (self->archive);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_name_free);
  if (entries->len > 0 && !read_notes (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!rapport_twitter_read_js_array (self, g_ptr_array_index (entries, i), tweets_batch,
                                          error))
        return FALSE;
    }

  return TRUE;
}
