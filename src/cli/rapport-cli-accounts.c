/* rapport-cli-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rapport accounts [rename ID HANDLE | merge ID INTO]`: the imported accounts and their
 * exports as a table, and the two ways to name an account that no file named.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "core/rapport-escape.h"
#include "core/rapport-format.h"
#include "session/rapport-import-job.h"
#include "cli/rapport-cli-private.h"

/* A line of the `rapport accounts` table: its columns padded by characters, since "—" and
 * translated headings are wider in bytes than on screen. */
static void
print_accounts_line (const char *id,
                     const char *platform,
                     const char *account,
                     const char *followers,
                     const char *following,
                     const char *posts,
                     const char *last)
{
  g_autofree char *id_cell = rapport_format_pad (id, -4);
  g_autofree char *platform_cell = rapport_format_pad (platform, -10);
  g_autofree char *account_cell = rapport_format_pad (account, -24);
  g_autofree char *followers_cell = rapport_format_pad (followers, 10);
  g_autofree char *following_cell = rapport_format_pad (following, 10);
  g_autofree char *posts_cell = rapport_format_pad (posts, 8);

  print_out ("%s %s %s %s %s %s  %s\n", id_cell, platform_cell, account_cell, followers_cell,
             following_cell, posts_cell, last);
}

/* One account's row of the `rapport accounts` table.  Where the lists are connections
 * (LinkedIn's: each one in both lists), they are neither followers nor accounts followed: a
 * line under the row counts them. */
static void
print_account (const RapportAccount *account)
{
  g_autofree char *id = g_strdup_printf ("%" PRId64, account->id);
  g_autofree char *name = rapport_format_name (account->platform, account->handle);
  g_autofree char *handle = rapport_escape_for_terminal (name, FALSE);
  g_autofree char *followers = rapport_format_optional_count (account->followers);
  g_autofree char *following = NULL;
  g_autofree char *posts = rapport_format_optional_count (account->posts);
  g_autofree char *last = rapport_format_iso_day (account->last_exported_at);
  gboolean connections = !rapport_platform_lists_count_followers (account->platform);

  /* Its followers are those its creator analytics stated, as the store counts them; its
   * connections are its newest list, in both directions. */
  following = rapport_format_optional_count (connections ? -1 : account->following);
  print_accounts_line (id, rapport_platform_display_name (account->platform), handle, followers,
                       following, posts, last);
  if (connections && account->following >= 0)
    /* Translators: under a LinkedIn account in `rapport accounts`, from its newest export */
    print_out (g_dngettext (GETTEXT_PACKAGE, "     %'" PRIu64 " connection\n",
                            "     %'" PRIu64 " connections\n", (guint64) account->following),
               (guint64) account->following);
}

/* One export under its account in `rapport accounts`, of an account of @platform. */
static void
print_snapshot (RapportPlatform        platform,
                const RapportSnapshot *snapshot)
{
  g_autofree char *day = rapport_format_iso_day (snapshot->exported_at);
  g_autofree char *source = rapport_escape_for_terminal (snapshot->source_name, FALSE);
  g_autofree char *followers = NULL;
  g_autofree char *following = NULL;
  g_autofree char *contents = rapport_snapshot_describe_contents (snapshot);

  followers = rapport_format_optional_count (snapshot->has_followers
                                             ? (gint64) snapshot->n_followers : -1);
  following = rapport_format_optional_count (snapshot->has_following
                                             ? (gint64) snapshot->n_following : -1);
  if (!rapport_platform_lists_count_followers (platform) && snapshot->has_followers)
    /* Translators: one imported LinkedIn export under its account in `rapport accounts`; its
     * two lists are one list of connections */
    print_out (_("     snapshot %" PRId64 ": exported %s (%s) from %s · %s connections, %s\n"),
               snapshot->id, day, rapport_date_source_to_string (snapshot->date_source),
               source, followers, contents);
  else if (!rapport_platform_lists_count_followers (platform))
    /* Translators: one imported LinkedIn export without connections (the creator analytics)
     * under its account in `rapport accounts` */
    print_out (_("     snapshot %" PRId64 ": exported %s (%s) from %s · %s\n"),
               snapshot->id, day, rapport_date_source_to_string (snapshot->date_source),
               source, contents);
  else
    /* Translators: one imported export under its account in `rapport accounts` */
    print_out (_("     snapshot %" PRId64 ": exported %s (%s) from %s · %s followers, "
                 "%s following, %s\n"),
               snapshot->id, day, rapport_date_source_to_string (snapshot->date_source),
               source, followers, following, contents);
}

static gboolean
parse_account_id (const char  *text,
                  gint64      *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, &error))
    return TRUE;

  /* Translators: "rapport: “x” is not an account id (see rapport accounts)" */
  message = g_strdup_printf (_("“%s” is not an account id (see rapport accounts)"), text);
  print_error (message);
  return FALSE;
}

/* What account @id is called now that it was renamed to @typed, as the store keeps it. */
static char *
renamed_name (RapportStore *store,
              gint64        id,
              const char   *typed)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, NULL);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);

      if (account->id == id)
        return rapport_format_name (account->platform, account->handle);
    }
  return rapport_format_name (RAPPORT_PLATFORM_UNKNOWN, typed[0] == '@' ? typed + 1 : typed);
}

/* `rapport accounts rename ID HANDLE` and `rapport accounts merge ID INTO`. */
static int
change_accounts (RapportStore  *store,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean rename = g_str_equal (argv[1], "rename");
  gint64 id, into;

  if (argc != 4 || !(rename || g_str_equal (argv[1], "merge")))
    {
      print_error (_("use: rapport accounts [rename ID HANDLE | merge ID INTO]"));
      return 2;
    }
  if (!parse_account_id (argv[2], &id) || (!rename && !parse_account_id (argv[3], &into)))
    return 2;

  if (rename ? !rapport_store_rename_account (store, id, argv[3], &error)
             : !rapport_store_merge_accounts (store, id, into, &error))
    {
      print_error (error->message);
      return 1;
    }

  if (rename)
    {
      g_autofree char *name = renamed_name (store, id, argv[3]);
      g_autofree char *safe = rapport_escape_for_terminal (name, FALSE);

      print_out (_("Account %" PRId64 " is now %s\n"), id, safe);
    }
  else
    print_out (_("Account %" PRId64 " was merged into account %" PRId64 "\n"), id, into);
  return 0;
}

int
rapport_cli_accounts (const char    *data_dir,
                      RapportStore  *store,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 1)
    return change_accounts (store, argc, argv);

  if (!(accounts = rapport_store_list_accounts (store, &error)))
    {
      print_error (error->message);
      return 1;
    }
  if (accounts->len == 0)
    {
      print_out (_("No accounts yet. Import an export with: rapport import PATH\n"));
      return 0;
    }

  print_accounts_line (_("ID"), _("Platform"), _("Account"), _("Followers"), _("Following"),
                       _("Posts"), _("Last export"));
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(GPtrArray) snapshots = NULL;

      if (!(snapshots = rapport_store_list_snapshots (store, account->id, &error)))
        {
          print_error (error->message);
          return 1;
        }
      print_account (account);
      if (account->provisional)
        /* Translators: under an account whose export named nobody; keep the commands */
        print_out (_("     handle unknown: rapport accounts rename %" PRId64 " HANDLE, or "
                     "rapport accounts merge %" PRId64 " INTO\n"),
                   account->id, account->id);
      for (guint j = 0; j < snapshots->len; j++)
        print_snapshot (account->platform, g_ptr_array_index (snapshots, j));
    }
  return 0;
}
