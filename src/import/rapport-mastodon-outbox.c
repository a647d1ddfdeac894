/* rapport-mastodon-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * outbox.json is an ActivityStreams OrderedCollection: a Create activity of a Note for each
 * own post, an Announce for each boost of someone else's post.  Who a post was addressed to
 * (to and cc) tells public, unlisted, followers-only and direct apart.  Counts of likes, boosts
 * and replies come with servers from late 2024 only; older ones leave them unknown.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"

#include "import/rapport-mastodon-private.h"

#define PUBLIC_COLLECTION "https://www.w3.org/ns/activitystreams#Public"

/* ── URLs ───────────────────────────────────────────────────────────────────────────────── */

static gboolean
is_user_name (const char *text,
              gsize       length)
{
  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (text[i]) && text[i] != '_' && text[i] != '.' && text[i] != '-')
        return FALSE;
    }
  return TRUE;
}

char *
rapport_mastodon_handle_of_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) segments = NULL;
  g_autofree char *host = NULL;
  const char *user = NULL;
  const char *at;

  if (url == NULL || (uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)) == NULL ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  segments = g_strsplit (g_uri_get_path (uri), "/", 4);
  if (g_strv_length (segments) < 3 || segments[0][0] != '\0')
    return NULL;

  if (segments[1][0] == '@')
    user = segments[1] + 1;
  else if (strcmp (segments[1], "users") == 0)
    user = segments[2];
  if (user == NULL)
    return NULL;

  /* https://host/@user@other/123 shows a remote account's post on this server. */
  if ((at = strchr (user, '@')) != NULL)
    {
      if (!is_user_name (user, at - user) || at[1] == '\0' || strchr (at + 1, '@') != NULL)
        return NULL;
      return g_ascii_strdown (user, -1);
    }
  if (!is_user_name (user, strlen (user)))
    return NULL;
  return g_strdup_printf ("%s@%s", user, host);
}

/* The status id of an object or activity id (".../statuses/<id>" or ".../statuses/<id>/activity"):
 * the same post keeps it when a newer server writes the account's id as /ap/users/<number>. */
static char *
status_id (const char *id)
{
  const char *start;

  if (id == NULL || id[0] == '\0')
    return NULL;
  if ((start = strstr (id, "/statuses/")) != NULL)
    {
      start += strlen ("/statuses/");
      if (start[0] != '\0' && start[0] != '/')
        return g_strndup (start, strcspn (start, "/?#"));
    }
  return g_strdup (id);
}

/* ── Items ──────────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  RapportImportSink *sink;
  const char *entry;
  gint64 *newest;
  guint64 n_items;
} Outbox;

static void
skip_item (Outbox     *outbox,
           guint       number,
           const char *problem,
           const char *value)
{
  g_autofree char *quoted = rapport_text_excerpt (value);
  g_autofree char *reason = NULL;

  if (value != NULL)
    reason = g_strdup_printf (_("item %u: %s (“%s”)"), number, problem, quoted);
  else
    reason = g_strdup_printf (_("item %u: %s"), number, problem);
  rapport_import_sink_skip (outbox->sink, outbox->entry, reason);
}

/* Whether the audience of @object (its to and cc, a string or a list of them) holds an
 * address that @match accepts; *@addressed is set when it has any address. */
static gboolean
audience_has (const RapportJsonValue *object,
              gboolean              (*match) (const char *address),
              gboolean               *addressed)
{
  static const char * const fields[] = { "to", "cc" };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      const RapportJsonValue *member = rapport_json_value_get_member (object, fields[f]);

      if (member == NULL)
        continue;
      if (member->kind == RAPPORT_JSON_STRING)
        {
          *addressed = TRUE;
          if (match (member->text))
            return TRUE;
        }
      else if (member->kind == RAPPORT_JSON_ARRAY)
        {
          for (guint i = 0; i < member->length; i++)
            {
              if (member->elements[i].kind != RAPPORT_JSON_STRING)
                continue;
              *addressed = TRUE;
              if (match (member->elements[i].text))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static gboolean
is_public (const char *address)
{
  return strcmp (address, PUBLIC_COLLECTION) == 0 || strcmp (address, "as:Public") == 0 ||
         strcmp (address, "Public") == 0;
}

static gboolean
is_followers (const char *address)
{
  return g_str_has_suffix (address, "/followers");
}

/* A direct message is addressed to the accounts it mentions only: neither to the public nor
 * to the followers. */
static gboolean
is_direct (const RapportJsonValue *activity,
           const RapportJsonValue *note)
{
  gboolean addressed = FALSE;

  if (audience_has (note, is_public, &addressed) || audience_has (note, is_followers, &addressed)
      || audience_has (activity, is_public, &addressed)
      || audience_has (activity, is_followers, &addressed))
    return FALSE;
  /* An item without any address says nothing of its audience: it stays a post. */
  return addressed;
}

static void
add_name (GPtrArray  *names,
          const char *name,
          char        prefix)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return;
  if (name[0] == prefix)
    name++;
  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < names->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (names, i), lower) == 0)
        return;
    }
  g_ptr_array_add (names, g_steal_pointer (&lower));
}

/* The account a Mention names as "user@host": Mastodon writes a remote account's name as
 * "@user@host" but a local one's as "@user", whose host is then that of its href. */
static void
add_mention (GPtrArray              *mentions,
             const RapportJsonValue *tag)
{
  const char *name = rapport_json_value_get_string (tag, "name");
  const char *href = rapport_json_value_get_string (tag, "href");
  g_autoptr(GUri) uri = NULL;
  g_autofree char *address = NULL;
  const char *user;

  if (name == NULL)
    return;
  user = name[0] == '@' ? name + 1 : name;
  if (strchr (user, '@') != NULL || href == NULL ||
      (uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL)) == NULL ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      add_name (mentions, name, '@');
      return;
    }
  address = g_strdup_printf ("%s@%s", user, g_uri_get_host (uri));
  add_name (mentions, address, '@');
}

/* The names of the note's Hashtag and Mention tags; tag is a list, or one tag alone. */
static void
read_tags (const RapportJsonValue *note,
           GPtrArray              *hashtags,
           GPtrArray              *mentions)
{
  const RapportJsonValue *tags = rapport_json_value_get_member (note, "tag");
  const RapportJsonValue *list = tags;
  guint n = 0;

  if (tags == NULL)
    return;
  if (tags->kind == RAPPORT_JSON_ARRAY)
    n = tags->length;
  else if (tags->kind == RAPPORT_JSON_OBJECT)
    n = 1;

  for (guint i = 0; i < n; i++)
    {
      const RapportJsonValue *tag = tags->kind == RAPPORT_JSON_ARRAY ? &list->elements[i] : tags;
      const char *type = rapport_json_value_get_string (tag, "type");

      if (g_strcmp0 (type, "Hashtag") == 0)
        add_name (hashtags, rapport_json_value_get_string (tag, "name"), '#');
      else if (g_strcmp0 (type, "Mention") == 0)
        add_mention (mentions, tag);
    }
}

static gint64
collection_total (const RapportJsonValue *note,
                  const char             *name)
{
  return rapport_json_value_get_count (rapport_json_value_get_object (note, name), "totalItems");
}

/* The time of @object, or FALSE after skipping the item. */
static gboolean
read_time (Outbox                 *outbox,
           guint                   number,
           const RapportJsonValue *object,
           gint64                 *at)
{
  const char *published = rapport_json_value_get_string (object, "published");

  if (!rapport_date_parse_iso8601 (published, at))
    {
      skip_item (outbox, number, _("no readable time"), published);
      return FALSE;
    }
  if (rapport_time_is_valid (*at))
    *outbox->newest = MAX (*outbox->newest, *at);
  return TRUE;
}

static gboolean
read_note (Outbox                  *outbox,
           guint                    number,
           const RapportJsonValue  *activity,
           GError                 **error)
{
  const RapportJsonValue *note = rapport_json_value_get_object (activity, "object");
  g_autoptr(GPtrArray) hashtags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const char *type = rapport_json_value_get_string (note, "type");
  const char *reply_to;
  RapportPost post;

  /* Polls are Questions: posts all the same. */
  if (g_strcmp0 (type, "Note") != 0 && g_strcmp0 (type, "Question") != 0)
    {
      skip_item (outbox, number, _("a post that is not a note"), type);
      return TRUE;
    }
  /* Direct messages are conversations, never posts: they are left out without a word, like
   * the rest of the archive Rapport does not read, and not counted as skipped. */
  if (is_direct (activity, note))
    return TRUE;

  rapport_post_init (&post);
  if (!read_time (outbox, number, note, &post.created_at))
    return TRUE;
  id = status_id (rapport_json_value_get_string (note, "id"));
  if (id == NULL)
    {
      skip_item (outbox, number, _("a post without an id"), NULL);
      return TRUE;
    }

  reply_to = rapport_json_value_get_string (note, "inReplyTo");
  text = rapport_text_from_html (rapport_json_value_get_string (note, "content"));
  read_tags (note, hashtags, mentions);
  /* A reply names whom it answers even when its text no longer mentions them. */
  if (reply_to != NULL)
    {
      g_autofree char *answered = rapport_mastodon_handle_of_url (reply_to);

      add_name (mentions, answered, '@');
    }
  g_ptr_array_add (hashtags, NULL);
  g_ptr_array_add (mentions, NULL);

  post.platform_id = id;
  post.type = reply_to != NULL && reply_to[0] != '\0' ? RAPPORT_POST_REPLY : RAPPORT_POST_TEXT;
  post.text = text;
  post.url = rapport_json_value_get_string (note, "url");
  if (post.url == NULL)
    post.url = rapport_json_value_get_string (note, "id");
  post.likes = collection_total (note, "likes");
  post.shares = collection_total (note, "shares");
  post.replies = collection_total (note, "replies");
  post.hashtags = (const char * const *) hashtags->pdata;
  post.mentions = (const char * const *) mentions->pdata;

  return rapport_import_sink_add_post (outbox->sink, &post, error);
}

/* A boost: a repost of someone else's post, whose object is its URL or the post itself.  It
 * is also a repost of its author's post, the way the creator's likes are interactions. */
static gboolean
read_boost (Outbox                  *outbox,
            guint                    number,
            const RapportJsonValue  *activity,
            GError                 **error)
{
  const RapportJsonValue *object = rapport_json_value_get_member (activity, "object");
  g_autofree char *id = status_id (rapport_json_value_get_string (activity, "id"));
  g_autofree char *author = NULL;
  RapportInteraction boost = { RAPPORT_INTERACTION_REPOST, NULL, 0, NULL };
  RapportPost post;

  rapport_post_init (&post);
  if (!read_time (outbox, number, activity, &post.created_at))
    return TRUE;
  if (id == NULL)
    {
      skip_item (outbox, number, _("a boost without an id"), NULL);
      return TRUE;
    }

  post.platform_id = id;
  post.type = RAPPORT_POST_REPOST;
  if (object != NULL && object->kind == RAPPORT_JSON_STRING)
    post.url = object->text;
  else if (object != NULL && object->kind == RAPPORT_JSON_OBJECT)
    {
      post.url = rapport_json_value_get_string (object, "url");
      if (post.url == NULL)
        post.url = rapport_json_value_get_string (object, "id");
      author = rapport_mastodon_handle_of_url (rapport_json_value_get_string (object,
                                                                              "attributedTo"));
    }
  if (author == NULL)
    author = rapport_mastodon_handle_of_url (post.url);

  boost.target_handle = author;
  boost.at = post.created_at;
  return rapport_import_sink_add_post (outbox->sink, &post, error) &&
         rapport_import_sink_add_interaction (outbox->sink, &boost, error);
}

static gboolean
item_rows (const RapportJsonValue  *elements,
           guint                    n_elements,
           guint64                  first_index,
           gpointer                 user_data,
           GError                 **error)
{
  Outbox *outbox = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      guint number = (guint) MIN (first_index + i + 1, G_MAXUINT);
      const char *type = rapport_json_value_get_string (&elements[i], "type");

      outbox->n_items++;
      if (g_strcmp0 (type, "Create") == 0)
        {
          if (!read_note (outbox, number, &elements[i], error))
            return FALSE;
        }
      else if (g_strcmp0 (type, "Announce") == 0)
        {
          if (!read_boost (outbox, number, &elements[i], error))
            return FALSE;
        }
      else
        skip_item (outbox, number, _("an activity Rapport does not read"), type);
    }

  rapport_import_sink_progress (outbox->sink, outbox->entry, outbox->n_items);
  return TRUE;
}

gboolean
rapport_mastodon_read_outbox (RapportJsonTree    *tree,
                              const char         *entry,
                              RapportImportSink  *sink,
                              gint64             *newest,
                              GCancellable       *cancellable,
                              GError            **error)
{
  const RapportJsonValue *root = rapport_json_tree_get_root (tree);
  const RapportJsonValue *items;
  Outbox outbox = { sink, entry, newest, 0 };

  /* When orderedItems is written twice, the last one holds the items: the JSON reader gives
   * the last member of a repeated name. */
  items = rapport_json_value_get_member (root, "orderedItems");
  if (items == NULL ||
      (items->kind != RAPPORT_JSON_ARRAY && items->kind != RAPPORT_JSON_LONG_ARRAY))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: there is no list of activities (orderedItems) in it"), entry);
      return FALSE;
    }

  /* totalItems is not read: it may disagree with the items, which are what is there. */
  return rapport_json_tree_foreach (tree, items, item_rows, &outbox, cancellable, error);
}
