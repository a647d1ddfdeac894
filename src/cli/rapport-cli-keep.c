/* rapport-cli-keep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rapport keep --account ID [--add NAME… | --remove NAME… | --import FILE | --export FILE |
 * --list]`: the accounts kept on purpose, which the not-following-back review and the coach's
 * reciprocity advice leave out, and the keep list as a plain file of usernames.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/rapport-escape.h"
#include "core/rapport-format.h"
#include "core/rapport-keep-list.h"
#include "cli/rapport-cli-private.h"

static gint64 account_option = G_MININT64;
static char **add_option;
static char **remove_option;
static char *import_option;
static char *export_option;
static gboolean list_option;

const GOptionEntry rapport_cli_keep_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_INT64, &account_option,
    N_("The account whose lists these accounts are in (see rapport accounts)"), N_("ID") },
  { "add", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_option,
    N_("Keep these accounts (more names may follow)"), N_("NAME") },
  { "remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_option,
    N_("Stop keeping these accounts (more names may follow)"), N_("NAME") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_option,
    N_("Keep the usernames of a text file, one a line"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_option,
    N_("Write the kept accounts' usernames to a text file"), N_("FILE") },
  { "list", 0, 0, G_OPTION_ARG_NONE, &list_option,
    N_("List the kept accounts (the default)"), NULL },
  { NULL }
};

static const char usage[] =
  N_("use: rapport keep --account ID [--add NAME… | --remove NAME… | --import FILE | "
     "--export FILE | --list]");

/* The names of --add or --remove and those after them, checked; NULL after saying which one
 * is no username. */
static GPtrArray *
collect_names (char  **option,
               int     argc,
               char  **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; option[i] != NULL; i++)
    g_ptr_array_add (names, option[i]);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (names, argv[i]);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (*name == '@')
        name++;
      if (!rapport_keep_list_name_is_valid (name))
        {
          /* Translators: %s is what was given as a name. */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a username"),
                                                      (const char *) g_ptr_array_index (names,
                                                                                        i));

          print_error (message);
          return NULL;
        }
      names->pdata[i] = (char *) name;
    }
  return g_steal_pointer (&names);
}

static gboolean
set_kept (RapportStore  *store,
          GPtrArray     *names,
          gboolean       kept,
          guint         *n_changed,
          GError       **error)
{
  g_autofree RapportKeptAccount *accounts = g_new0 (RapportKeptAccount, MAX (names->len, 1));

  for (guint i = 0; i < names->len; i++)
    accounts[i].handle = g_ptr_array_index (names, i);
  return rapport_store_set_kept (store, account_option, accounts, names->len, kept, n_changed,
                                 error);
}

/* Whether the account of --account exists; its platform in @platform (may be NULL). */
static gboolean
account_exists (RapportStore     *store,
                RapportPlatform  *platform,
                GError          **error)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, error);

  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);

      if (account->id != account_option)
        continue;
      if (platform != NULL)
        *platform = account->platform;
      return TRUE;
    }
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
               _("There is no account %" PRId64), account_option);
  return FALSE;
}

static int
list_kept (RapportStore *store)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  RapportPlatform platform = RAPPORT_PLATFORM_UNKNOWN;

  if (!account_exists (store, &platform, &error) ||
      !(kept = rapport_store_list_kept (store, account_option, &error)))
    {
      print_error (error->message);
      return 1;
    }
  if (kept->len == 0)
    {
      print_out (_("No account is kept. Keep one with rapport keep --account %" PRId64
                   " --add NAME\n"), account_option);
      return 0;
    }
  for (guint i = 0; i < kept->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (kept, i);
      g_autofree char *name = NULL;
      g_autofree char *safe = NULL;

      if (account->handle != NULL)
        name = rapport_format_name (platform, account->handle);
      else
        /* Translators: a kept account known only by its id; %s is the id. */
        name = g_strdup_printf (_("id %s"), account->platform_id);
      safe = rapport_escape_for_terminal (name, FALSE);
      print_out ("%s\n", safe);
    }
  return 0;
}

static int
export_kept (RapportStore *store,
             const char   *path)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_name = g_file_get_parse_name (file);
  g_autofree char *safe_name = rapport_escape_for_terminal (file_name, FALSE);
  guint n_unnamed = 0;

  if (!account_exists (store, NULL, &error) ||
      !(kept = rapport_store_list_kept (store, account_option, &error)))
    {
      print_error (error->message);
      return 1;
    }
  /* A list of usernames: an account known only by its id has none to write. */
  for (guint i = 0; i < kept->len; i++)
    {
      const RapportKeptAccount *account = g_ptr_array_index (kept, i);

      if (account->handle != NULL && rapport_keep_list_name_is_valid (account->handle))
        g_ptr_array_add (names, account->handle);
      else
        n_unnamed++;
    }

  text = rapport_keep_list_format (names);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write %s: %s"), file_name,
                                                  error->message);

      print_error (message);
      return 1;
    }

  print_out (g_dngettext (GETTEXT_PACKAGE, "Wrote %u username to %s\n",
                          "Wrote %u usernames to %s\n", names->len),
             names->len, safe_name);
  if (n_unnamed > 0)
    print_out (g_dngettext (GETTEXT_PACKAGE,
                            "%u kept account is known by its id only and has no username to "
                            "write\n",
                            "%u kept accounts are known by their ids only and have no username "
                            "to write\n", n_unnamed),
               n_unnamed);
  return 0;
}

static int
import_kept (RapportStore *store,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RapportKeepList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_file_get_parse_name (file);
  g_autofree char *safe_name = rapport_escape_for_terminal (file_name, FALSE);
  guint n_changed = 0;

  if (!(list = rapport_keep_list_read (file, NULL, &error)) ||
      !set_kept (store, list->names, TRUE, &n_changed, &error))
    {
      print_error (error->message);
      return 1;
    }

  print_out (g_dngettext (GETTEXT_PACKAGE,
                          "Read %u username from %s: %u newly kept, %u kept already\n",
                          "Read %u usernames from %s: %u newly kept, %u kept already\n",
                          list->names->len),
             list->names->len, safe_name, n_changed, list->names->len - n_changed);
  if (list->n_bad > 0)
    print_out (g_dngettext (GETTEXT_PACKAGE, "Skipped %u line that is no username (%s)\n",
                            "Skipped %u lines that are no usernames (first: %s)\n", list->n_bad),
               list->n_bad, list->first_bad);
  return 0;
}

int
rapport_cli_keep (const char    *data_dir,
                  RapportStore  *store,
                  int            argc,
                  char         **argv)
{
  g_auto(GStrv) add = g_steal_pointer (&add_option);
  g_auto(GStrv) remove = g_steal_pointer (&remove_option);
  g_autofree char *import = g_steal_pointer (&import_option);
  g_autofree char *export = g_steal_pointer (&export_option);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  guint n_actions = (add != NULL) + (remove != NULL) + (import != NULL) + (export != NULL) +
                    (list_option != FALSE);
  guint n_changed = 0;

  if (account_option == G_MININT64 || n_actions > 1 ||
      (argc > 1 && add == NULL && remove == NULL))
    {
      print_error (_(usage));
      return 2;
    }

  if (import != NULL)
    return import_kept (store, import);
  if (export != NULL)
    return export_kept (store, export);
  if (add == NULL && remove == NULL)
    return list_kept (store);

  if (!(names = collect_names (add != NULL ? add : remove, argc, argv)))
    return 1;
  if (!set_kept (store, names, add != NULL, &n_changed, &error))
    {
      print_error (error->message);
      return 1;
    }
  if (add != NULL)
    print_out (g_dngettext (GETTEXT_PACKAGE, "%u account newly kept, %u kept already\n",
                            "%u accounts newly kept, %u kept already\n", n_changed),
               n_changed, names->len - n_changed);
  else
    print_out (g_dngettext (GETTEXT_PACKAGE, "%u account no longer kept\n",
                            "%u accounts no longer kept\n", n_changed),
               n_changed);
  return 0;
}
