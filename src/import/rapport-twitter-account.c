/* rapport-twitter-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who an X archive belongs to and when it was made.  People keep archives renamed, trimmed
 * and years old, so neither is ever a reason to refuse one: each comes from the most trusted
 * source the archive still holds, and the sink is told which.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-dates.h"
#include "import/rapport-export-name.h"
#include "import/rapport-twitter-private.h"

/* Fills what is still unknown of the account; each source is less trusted than the last. */
static void
adopt (RapportTwitterImport *self,
       const char           *username,
       const char           *account_id,
       const char           *display_name)
{
  if (self->username == NULL && username != NULL && *username != '\0')
    self->username = g_strdup (username + (username[0] == '@'));
  if (self->account_id == NULL && account_id != NULL && *account_id != '\0')
    self->account_id = g_strdup (account_id);
  if (self->display_name == NULL && display_name != NULL && *display_name != '\0')
    self->display_name = g_strdup (display_name);
}

static gboolean
account_batch (const RapportJsonValue  *elements,
               guint                    n_elements,
               guint64                  first_index,
               gpointer                 user_data,
               GError                 **error)
{
  RapportTwitterImport *self = user_data;

  for (guint i = 0; i < n_elements; i++)
    {
      const RapportJsonValue *account = rapport_twitter_unwrap (&elements[i], "account");

      if (account != NULL)
        adopt (self, rapport_json_value_get_string (account, "username"),
               rapport_json_value_get_string (account, "accountId"),
               rapport_json_value_get_string (account, "accountDisplayName"));
    }

  return TRUE;
}

/* A member that old archives write as a string or as a number ("id" : 98765). */
static char *
get_id (const RapportJsonValue *object,
        const char             *name)
{
  const RapportJsonValue *value = rapport_json_value_get_member (object, name);

  if (value == NULL)
    return NULL;
  if (value->kind == RAPPORT_JSON_STRING || value->kind == RAPPORT_JSON_NUMBER)
    return g_strdup (value->text);
  return NULL;
}

/* The tree of a small .js file of the archive whose root is an object, or NULL.  A file that
 * cannot be read costs only what it would have told, so it is named in the summary and
 * skipped. */
static RapportJsonTree *
read_object (RapportTwitterImport *self,
             const char           *entry)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RapportJsonTree) tree = NULL;

  if (entry == NULL)
    return NULL;
  if (!(tree = rapport_twitter_read_js_document (self, entry, &local_error)))
    {
      rapport_import_sink_skip_error (self->sink, entry, local_error);
      return NULL;
    }
  if (rapport_json_tree_get_root (tree)->kind != RAPPORT_JSON_OBJECT)
    {
      rapport_import_sink_skip (self->sink, entry, _("the file holds no object"));
      return NULL;
    }
  return g_steal_pointer (&tree);
}

/* manifest.js, in every archive since 2019: the account (userInfo) and the archive's date
 * (archiveInfo.generationDate). */
static void
read_manifest (RapportTwitterImport *self)
{
  const char *entry = rapport_twitter_find_data_entry (self->archive, "manifest.js");
  g_autoptr(RapportJsonTree) tree = read_object (self, entry);
  const RapportJsonValue *object;
  const RapportJsonValue *user;
  const RapportJsonValue *info;
  const char *text;

  if (tree == NULL)
    return;

  object = rapport_json_tree_get_root (tree);
  if ((user = rapport_json_value_get_object (object, "userInfo")) != NULL)
    adopt (self, rapport_json_value_get_string (user, "userName"),
           rapport_json_value_get_string (user, "accountId"),
           rapport_json_value_get_string (user, "displayName"));

  if ((info = rapport_json_value_get_object (object, "archiveInfo")) == NULL ||
      (text = rapport_json_value_get_string (info, "generationDate")) == NULL ||
      !rapport_date_parse_iso8601 (text, &self->manifest_date))
    rapport_import_sink_skip (self->sink, entry, _("the archive’s date is missing or unreadable"));
}

/* The created_at of an archive from before 2019, in either of the forms X used for dates. */
static gboolean
parse_old_date (const char *text,
                gint64     *out)
{
  return rapport_date_parse_analytics (text, out) || rapport_date_parse_twitter (text, out);
}

/* data/js/user_details.js of an archive from before 2019. */
static void
read_user_details (RapportTwitterImport *self)
{
  g_autoptr(RapportJsonTree) tree = NULL;
  g_autofree char *id = NULL;
  const RapportJsonValue *user;

  tree = read_object (self, rapport_archive_find (self->archive, "user_details.js"));
  if (tree == NULL)
    return;

  user = rapport_json_tree_get_root (tree);
  id = get_id (user, "id");
  adopt (self, rapport_json_value_get_string (user, "screen_name"), id,
         rapport_json_value_get_string (user, "full_name"));
}

/* data/js/payload_details.js of an archive from before 2019: its created_at is the date the
 * archive was made. */
static void
read_payload_details (RapportTwitterImport *self)
{
  const char *entry = rapport_archive_find (self->archive, "payload_details.js");
  g_autoptr(RapportJsonTree) tree = read_object (self, entry);
  const char *text;

  if (tree == NULL)
    return;

  text = rapport_json_value_get_string (rapport_json_tree_get_root (tree), "created_at");
  if (text == NULL || !parse_old_date (text, &self->payload_date))
    rapport_import_sink_skip (self->sink, entry, _("the archive’s date is missing or unreadable"));
}

/* What stands in for the account's name: the archive's name, or for a lone .js file of an
 * archive (".../twitter-2023-05-06-a1b2c3/data/tweets.js") the name of its folder. */
static char *
stand_in_name (RapportArchive *archive)
{
  const char *name = rapport_archive_get_name (archive);
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  const char * const *entries;
  guint n_entries;

  entries = rapport_archive_get_entries (archive, &n_entries);
  if (n_entries != 1 || strcmp (entries[0], name) != 0 || !g_str_has_suffix (name, ".js"))
    return rapport_export_name_strip (name);

  folder = g_path_get_dirname (rapport_archive_get_path (archive));
  base = g_path_get_basename (folder);
  if (g_ascii_strcasecmp (base, "data") == 0)
    {
      g_autofree char *parent = g_path_get_dirname (folder);

      g_free (base);
      base = g_path_get_basename (parent);
    }
  if (strcmp (base, ".") == 0 || strcmp (base, G_DIR_SEPARATOR_S) == 0)
    return rapport_export_name_strip (name);
  return g_steal_pointer (&base);
}

gboolean
rapport_twitter_read_account (RapportTwitterImport  *self,
                              GPtrArray             *analytics,
                              GError               **error)
{
  const char *entry = rapport_twitter_find_data_entry (self->archive, "account.js");
  RapportAccountInfo info = { RAPPORT_PLATFORM_TWITTER, };
  g_autofree char *stand_in = NULL;

  /* In order of trust: account.js, the manifest's userInfo, user_details.js before 2019, and
   * the user name in an analytics file's name, and what the analytics exports of 2025– tell. */
  if (entry != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!rapport_twitter_read_js_array (self, entry, account_batch, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          rapport_import_sink_skip_error (self->sink, entry, local_error);
        }
      else if (self->username == NULL)
        rapport_import_sink_skip (self->sink, entry, _("the account’s user name is missing"));
    }
  read_manifest (self);
  read_user_details (self);
  read_payload_details (self);
  for (guint i = 0; i < analytics->len && self->username == NULL; i++)
    self->username = rapport_twitter_analytics_user (g_ptr_array_index (analytics, i));
  if (self->username == NULL)
    self->username = rapport_twitter_exports_user (self);

  /* Without a name the account's id still says whose archive this is: the store finds the
   * account by it, or keeps the id as its handle until an export names it.  With neither, the
   * archive's name stands in until the user names the account. */
  info.handle = self->username;
  info.platform_id = self->account_id;
  info.display_name = self->display_name;
  if (self->username == NULL && self->account_id == NULL)
    {
      info.provisional = TRUE;
      if (!(stand_in = stand_in_name (self->archive)))
        stand_in = g_strdup (rapport_archive_get_name (self->archive));
      info.handle = stand_in;
    }

  return rapport_import_sink_set_account (self->sink, &info, error);
}

void
rapport_twitter_set_export_date (RapportTwitterImport *self)
{
  const char *name = rapport_archive_get_name (self->archive);
  g_autofree char *analytics_user = rapport_twitter_analytics_user (name);
  gint64 name_date;

  /* An analytics file's name holds the period it covers, not the day it was made. */
  if (self->manifest_date > 0)
    rapport_import_sink_set_export_date (self->sink, self->manifest_date,
                                         RAPPORT_DATE_SOURCE_MANIFEST);
  else if (self->payload_date > 0)
    rapport_import_sink_set_export_date (self->sink, self->payload_date,
                                         RAPPORT_DATE_SOURCE_PAYLOAD_DETAILS);
  else if (self->contents->len > 0 || self->overviews->len > 0)
    rapport_twitter_set_exports_date (self);
  else if (analytics_user == NULL && rapport_date_find_in_name (name, &name_date))
    rapport_import_sink_set_export_date (self->sink, name_date, RAPPORT_DATE_SOURCE_ARCHIVE_NAME);
  else if (self->newest > 0)
    rapport_import_sink_set_export_date (self->sink, self->newest,
                                         RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP);
  else
    rapport_import_sink_set_export_date (self->sink, rapport_archive_get_mtime (self->archive),
                                         RAPPORT_DATE_SOURCE_FILE_TIME);
}
