/* rapport-mastodon-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account archive (Preferences → Import and export → Data export → Request your archive)
 * and the CSV export of the accounts followed.  actor.json names the account: its handle is
 * preferredUsername at the host of the actor's id, which is the same host whether the id is
 * https://host/users/<name> or, on newer servers, https://host/ap/users/<number>.  The export
 * date is the one in the archive's name (archive-20260412094512-<hex>), else the newest time
 * read.  bookmarks.json and the media are not the creator's audience and are left alone.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"

#include "import/rapport-csv.h"
#include "import/rapport-export-name.h"
#include "import/rapport-mastodon-private.h"

/* How many rows pass between looks at the cancellable. */
#define ROWS_PER_BATCH 1000

/* A handle longer than this is no handle. */
#define MAX_HANDLE_BYTES 320

/* A liked post's URL longer than this is not kept. */
#define MAX_URL_BYTES 2048

static const char * const address_names[] = { "Account address", NULL };

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  const char *outbox;    /* entries, owned by the archive; NULL when absent */
  const char *actor;
  const char *likes;
  const char *following;
  gint64 newest;
} Import;

gboolean
rapport_mastodon_recognizes (RapportArchive *archive)
{
  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  return rapport_archive_find (archive, "outbox.json") != NULL ||
         rapport_archive_find (archive, "actor.json") != NULL ||
         rapport_archive_find (archive, "following_accounts.csv") != NULL;
}

static RapportJsonTree *
read_json (Import      *import,
           const char  *entry,
           GError     **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;

  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return NULL;
  tree = rapport_json_tree_parse_entry (import->archive, entry, RAPPORT_MASTODON_LONG_LIST_BYTES,
                                        import->cancellable, error);
  if (tree == NULL)
    return NULL;
  if (rapport_json_tree_get_root (tree)->kind != RAPPORT_JSON_OBJECT)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the file holds no JSON object"), entry);
      return NULL;
    }
  return g_steal_pointer (&tree);
}

static gboolean
is_usable_text (const char *text)
{
  return text != NULL && text[0] != '\0' && strlen (text) <= MAX_HANDLE_BYTES &&
         g_utf8_validate (text, -1, NULL);
}

/* Fills @account from actor.json; the strings are copied into the out arguments. */
static gboolean
read_actor (Import              *import,
            RapportAccountInfo  *account,
            char               **handle,
            char               **platform_id,
            char               **display_name,
            GError             **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  g_autoptr(GUri) uri = NULL;
  const RapportJsonValue *root;
  const char *user;
  const char *id;
  const char *name;

  if ((tree = read_json (import, import->actor, error)) == NULL)
    return FALSE;
  root = rapport_json_tree_get_root (tree);

  user = rapport_json_value_get_string (root, "preferredUsername");
  id = rapport_json_value_get_string (root, "id");
  name = rapport_json_value_get_string (root, "name");
  if (user != NULL && user[0] == '@')
    user++;
  if (!is_usable_text (user) || strchr (user, '@') != NULL)
    return TRUE;

  if (is_usable_text (id) && (uri = g_uri_parse (id, G_URI_FLAGS_NONE, NULL)) != NULL &&
      is_usable_text (g_uri_get_host (uri)))
    {
      g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);

      *handle = g_strdup_printf ("%s@%s", user, host);
      *platform_id = g_strdup (id);
    }
  else
    *handle = g_strdup (user);
  if (is_usable_text (name))
    *display_name = g_strdup (name);

  account->handle = *handle;
  account->platform_id = *platform_id;
  account->display_name = *display_name;
  return TRUE;
}

static gboolean
read_outbox (Import  *import,
             GError **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;

  if ((tree = read_json (import, import->outbox, error)) == NULL)
    return FALSE;
  return rapport_mastodon_read_outbox (tree, import->outbox, import->sink, &import->newest,
                                       import->cancellable, error);
}

typedef struct
{
  Import *import;
  guint64 n_likes;
} Likes;

static gboolean
like_rows (const RapportJsonValue  *elements,
           guint                    n_elements,
           guint64                  first_index,
           gpointer                 user_data,
           GError                 **error)
{
  Likes *likes = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *element = &elements[i];
      g_autofree char *target = NULL;
      RapportInteraction like = { RAPPORT_INTERACTION_LIKE, NULL, 0, NULL };
      const char *url = NULL;

      /* A liked post is its URL; an object for it is read for its id. */
      if (element->kind == RAPPORT_JSON_STRING)
        url = element->text;
      else if (element->kind == RAPPORT_JSON_OBJECT)
        url = rapport_json_value_get_string (element, "id");
      if (url == NULL)
        {
          g_autofree char *reason =
            g_strdup_printf (_("item %u: no URL"),
                             (guint) MIN (first_index + i + 1, G_MAXUINT));

          rapport_import_sink_skip (likes->import->sink, likes->import->likes, reason);
          continue;
        }

      /* The archive does not say when a post was liked: the post's URL keeps two likes of
       * one account's posts apart. */
      like.target_handle = target = rapport_mastodon_handle_of_url (url);
      like.text = strlen (url) <= MAX_URL_BYTES ? url : NULL;
      if (!rapport_import_sink_add_interaction (likes->import->sink, &like, error))
        return FALSE;
      likes->n_likes++;
    }

  rapport_import_sink_progress (likes->import->sink, likes->import->likes, likes->n_likes);
  return TRUE;
}

static gboolean
read_likes (Import  *import,
            GError **error)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  const RapportJsonValue *items;
  Likes likes = { import, 0 };

  if ((tree = read_json (import, import->likes, error)) == NULL)
    return FALSE;
  /* totalItems is left alone: newer servers no longer write it. */
  items = rapport_json_value_get_member (rapport_json_tree_get_root (tree), "orderedItems");
  if (items == NULL || items->kind == RAPPORT_JSON_NULL)
    return TRUE;
  if (items->kind != RAPPORT_JSON_ARRAY && items->kind != RAPPORT_JSON_LONG_ARRAY)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: orderedItems is not a list"), import->likes);
      return FALSE;
    }
  return rapport_json_tree_foreach (tree, items, like_rows, &likes, import->cancellable, error);
}

/* "user@host" of @text, lower case, with or without a leading '@' and surrounding spaces;
 * else NULL. */
static char *
account_address (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *address = copy[0] == '@' ? copy + 1 : copy;
  const char *at;

  if (!is_usable_text (address) || (at = strchr (address, '@')) == NULL || at == address ||
      at[1] == '\0' || strchr (at + 1, '@') != NULL || strpbrk (address, " \t/") != NULL)
    return NULL;
  return g_ascii_strdown (address, -1);
}

/* following_accounts.csv: early exports wrote the addresses without a header row. */
static gboolean
read_following (Import  *import,
                GError **error)
{
  g_autoptr(RapportCsvReader) reader = NULL;
  const char *entry = import->following;
  int column = 0;
  gboolean first = TRUE;
  guint64 n_rows = 0;

  reader = rapport_csv_reader_open (import->archive, entry, RAPPORT_CSV_DEFAULT, NULL, error);
  if (reader == NULL)
    return FALSE;

  if (!rapport_import_sink_begin_list (import->sink, RAPPORT_DIRECTION_FOLLOWING, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *address = NULL;
      RapportRelation relation = { RAPPORT_DIRECTION_FOLLOWING, NULL, NULL, 0 };
      const char *field;

      if (!rapport_csv_reader_next (reader, error))
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          break;
        }
      if (++n_rows % ROWS_PER_BATCH == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          rapport_import_sink_progress (import->sink, entry, n_rows);
        }

      if (first)
        {
          const char *fields[] = {
            rapport_csv_reader_get_field (reader, 0), rapport_csv_reader_get_field (reader, 1),
            rapport_csv_reader_get_field (reader, 2), rapport_csv_reader_get_field (reader, 3),
          };
          int found = rapport_csv_find_name (fields, G_N_ELEMENTS (fields), address_names);

          first = FALSE;
          if (found >= 0)
            {
              column = found;
              continue;
            }
        }

      field = rapport_csv_reader_get_field (reader, column);
      if (field == NULL || field[strspn (field, " \t")] == '\0')
        continue;
      if ((address = account_address (field)) == NULL)
        {
          g_autofree char *quoted = rapport_text_excerpt (field);
          g_autofree char *reason =
            g_strdup_printf (_("line %u: not an account address (“%s”)"),
                             rapport_csv_reader_get_line (reader), quoted);

          rapport_import_sink_skip (import->sink, entry, reason);
          continue;
        }
      relation.handle = address;
      if (!rapport_import_sink_add_relation (import->sink, &relation, error))
        return FALSE;
    }

  rapport_import_sink_end_list (import->sink);
  rapport_import_sink_progress (import->sink, entry, n_rows);
  return TRUE;
}

/* Whose export this is when no actor.json says it (a lone following_accounts.csv): the user
 * its name gives, else a stand-in made of the name.  Either way the account is provisional:
 * a list of addresses names nobody. */
static char *
name_account (RapportAccountInfo *account,
              const char         *export_name,
              const char         *entry)
{
  char *handle;

  account->provisional = TRUE;
  if ((handle = rapport_export_name_get_handle (export_name, "mastodon",
                                                &account->provisional)) != NULL)
    return handle;
  return rapport_export_name_strip (entry);
}

/* The day in "archive-20260412094512-<hex>": whoever made the archive wrote it. */
static gint64
date_of_name (const char *export_name)
{
  gint64 day = 0;

  if (export_name == NULL)
    return 0;
  if (g_str_has_prefix (export_name, "archive-") &&
      strspn (export_name + strlen ("archive-"), "0123456789") >= 8)
    {
      g_autofree char *digits = g_strndup (export_name + strlen ("archive-"), 8);
      g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);

      if (!rapport_date_parse_naive_utc (iso, &day))
        day = 0;
    }
  else if (!rapport_date_find_in_name (export_name, &day))
    day = 0;
  return day;
}

gboolean
rapport_mastodon_import (RapportArchive     *archive,
                         RapportImportSink  *sink,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autofree char *export_name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *platform_id = NULL;
  g_autofree char *display_name = NULL;
  RapportAccountInfo account = { RAPPORT_PLATFORM_MASTODON, NULL, NULL, NULL, FALSE };
  Import import = { archive, sink, cancellable, NULL, NULL, NULL, NULL, 0 };
  const char *first;
  gint64 exported_at = 0;
  RapportDateSource date_source;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  import.outbox = rapport_archive_find (archive, "outbox.json");
  import.actor = rapport_archive_find (archive, "actor.json");
  import.likes = rapport_archive_find (archive, "likes.json");
  import.following = rapport_archive_find (archive, "following_accounts.csv");
  if (import.outbox == NULL && import.actor == NULL && import.following == NULL)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no outbox.json, actor.json or following_accounts.csv of "
                     "Mastodon in it"), rapport_archive_get_name (archive));
      return FALSE;
    }
  first = import.outbox != NULL ? import.outbox
          : import.actor != NULL ? import.actor : import.following;
  export_name = rapport_export_name_of_archive (archive, first);

  if (import.actor != NULL &&
      !read_actor (&import, &account, &handle, &platform_id, &display_name, error))
    return FALSE;
  if (account.handle == NULL)
    account.handle = handle = name_account (&account, export_name, first);
  if (!rapport_import_sink_set_account (sink, &account, error))
    return FALSE;

  if (import.outbox != NULL && !read_outbox (&import, error))
    return FALSE;
  if (import.likes != NULL && !read_likes (&import, error))
    return FALSE;
  /* There is no followers export: only the accounts followed make a list. */
  if (import.following != NULL && !read_following (&import, error))
    return FALSE;

  date_source = rapport_export_name_choose_date (date_of_name (export_name), import.newest,
                                                 rapport_archive_get_mtime (archive),
                                                 &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
