/* rapport-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "coach/rapport-coach.h"
#include "core/rapport-escape.h"
#include "core/rapport-format.h"
#include "core/rapport-module.h"
#include "core/rapport-paths.h"
#include "net/rapport-http.h"
#include "session/rapport-import-batch.h"
#include "session/rapport-import-job.h"
#include "session/rapport-refresh-module.h"
#include "cli/rapport-cli-private.h"
#include "cli/rapport-report-json.h"
#include "cli/rapport-report-text.h"
#include "export/rapport-export-module.h"
#include "store/rapport-store.h"

typedef int (*CommandFunc) (const char   *data_dir,
                            RapportStore *store,
                            int           argc,
                            char        **argv);

static char *data_dir_option;
static gint64 account_option = G_MININT64;
static gboolean json_option;
static char *add_option;
static gboolean force_option;
static gboolean on_option;
static gboolean off_option;
static char *pdf_option;
static char *csv_option;
static char *chart_option;
static char *paper_option;

static const GOptionEntry common_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir_option,
    N_("Keep the database in DIR instead of the default data folder"), N_("DIR") },
  { NULL }
};

static const GOptionEntry report_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_INT64, &account_option,
    N_("Report on the account with this id only (see rapport accounts)"), N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option,
    N_("Print JSON for scripts (see docs/report-json.md) instead of text"), NULL },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_option,
    N_("Write the report with its chart as a PDF file"), N_("FILE") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_option,
    N_("Write every table of the report as a CSV file into DIR"), N_("DIR") },
  { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart_option,
    N_("Save the Overview's chart as an image (.png or .svg)"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_option,
    N_("The PDF's paper, instead of the locale's"), N_("a4|letter") },
  { NULL }
};

static const GOptionEntry refresh_entries[] = {
  { "account", 0, 0, G_OPTION_ARG_INT64, &account_option,
    N_("Refresh the account with this id only (see rapport accounts)"), N_("ID") },
  { "add", 0, 0, G_OPTION_ARG_STRING, &add_option,
    N_("Add an account by its handle, with no export, and refresh it from now on"),
    N_("bluesky:HANDLE|mastodon:USER@SERVER") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &force_option,
    N_("Refresh even if the last refresh was less than an hour ago"), NULL },
  { "on", 0, 0, G_OPTION_ARG_NONE, &on_option,
    N_("Allow refreshing from the web, or with --account refresh that account from now on; "
       "nothing is fetched now"), NULL },
  { "off", 0, 0, G_OPTION_ARG_NONE, &off_option,
    N_("Turn refreshing from the web off, or with --account stop refreshing that account"),
    NULL },
  { NULL }
};

/* What the commands print goes through print_out(), print_json() and print_error(): names and
 * file names from the exports among it, so text is made safe for a terminal in one place.  Our
 * own text has no control character but the newline, so print_out() keeps newlines; a value
 * from an export is escaped whole (rapport_escape_for_terminal() without newlines) before it
 * is printed, so that a newline in a name cannot start a line of its own. */

/* Text for people, on standard output. */
void
print_out (const char *format,
           ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  safe = rapport_escape_for_terminal (text, TRUE);
  g_print ("%s", safe);
}

/* JSON for scripts, on standard output; JSON escapes its strings itself. */
static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  g_print ("%s\n", data);
}

/* @message on one line of standard error: the messages name files and archive entries. */
void
print_error (const char *message)
{
  g_autofree char *safe = rapport_escape_for_terminal (message, FALSE);

  g_printerr ("rapport: %s\n", safe);
}

/* Says how one export ended, as soon as it has. */
static void
import_item_finished_cb (RapportImportBatch *batch,
                         guint               index,
                         gpointer            user_data)
{
  int *status = user_data;
  const GError *error = rapport_import_batch_get_item_error (batch, index);
  const RapportImportSummary *summary = rapport_import_batch_get_item_summary (batch, index);
  g_autofree char *description = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *first_skip = NULL;

  if (g_error_matches (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DUPLICATE))
    {
      g_autofree char *message = rapport_escape_for_terminal (error->message, FALSE);

      print_out ("%s\n", message);
      return;
    }
  if (error != NULL)
    {
      const char *name = rapport_import_batch_get_item_name (batch, index);

      /* Of several exports, the message must say which one failed; the store's own messages
       * name the database, not the export. */
      if (strstr (error->message, name) == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);

          print_error (message);
        }
      else
        print_error (error->message);
      *status = 1;
      return;
    }

  description = rapport_import_summary_describe (summary);
  missing = rapport_import_summary_describe_missing (summary);
  print_out (_("Imported %s\n"), description);
  /* The records skipped of each account the export held. */
  for (const RapportImportSummary *part = summary; part != NULL; part = part->companion)
    {
      if (part->snapshot.n_skipped == 0)
        continue;
      g_free (first_skip);
      first_skip = rapport_escape_for_terminal (part->first_skip, FALSE);
      print_out (g_dngettext (GETTEXT_PACKAGE,
                              "  %'" PRIu64 " record could not be read, the first: %s\n",
                              "  %'" PRIu64 " records could not be read, the first: %s\n",
                              part->snapshot.n_skipped),
                 part->snapshot.n_skipped, first_skip);
    }
  if (missing != NULL)
    print_out ("  %s\n", missing);
  if (summary->provisional)
    print_out (_("  No file of this export names the account. If it is a later export of an "
                 "account already here: rapport accounts merge %" PRId64 " INTO; otherwise "
                 "give it its handle: rapport accounts rename %" PRId64 " HANDLE\n"),
               summary->account_id, summary->account_id);
}

static int
command_import (const char    *data_dir,
                RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(RapportImportBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (argc < 2)
    {
      print_error (_("import needs the path of an export (a .zip, a .tar.gz, a folder or a file)"));
      return 2;
    }

  batch = rapport_import_batch_new (data_dir);
  for (int i = 1; i < argc; i++)
    rapport_import_batch_add_path (batch, argv[i]);
  g_signal_connect (batch, "item-finished", G_CALLBACK (import_item_finished_cb), &status);

  if (!rapport_import_batch_run (batch, NULL, &error))
    {
      print_error (error->message);
      return 1;
    }

  return status;
}

/* The report of one account, as text or as a JSON node; FALSE with @error when the account
 * cannot be read. */
static gboolean
report_account (RapportStore  *store,
                gint64         account_id,
                char         **text_out,
                JsonNode     **json_out,
                GError       **error)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *scope = g_strdup_printf ("%" PRId64, account_id);

  if (!(dataset = rapport_store_load_dataset (store, account_id, error)))
    return FALSE;
  if (!(states = rapport_store_get_suggestion_states (store, scope, error)))
    return FALSE;
  report = rapport_report_compute (dataset, NULL);
  suggestions = rapport_coach_suggest (report, states);
  if (text_out != NULL)
    *text_out = rapport_report_print_text (report, suggestions);
  if (json_out != NULL)
    *json_out = rapport_report_to_json (report, suggestions);
  return TRUE;
}

/* The entry point @symbol of the module @file, which only the command that needs it opens, so
 * that the others do not load its libraries; NULL when it is missing or broken, said with what
 * @cannot be done and what works @without it. */
static gpointer
open_module (const char *file,
             const char *symbol,
             const char *cannot,
             const char *without)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gpointer entry;

  if ((entry = rapport_module_lookup (file, symbol, &error)) != NULL)
    return entry;

  /* Translators: the first %s is what cannot be done ("cannot refresh from the web"), the
   * second the system's reason, which names the missing file. */
  message = g_strdup_printf (_("%s: its module is missing or broken: %s"), cannot,
                             error->message);
  print_error (message);
  print_error (without);
  return NULL;
}

/* The drawn report's module, for a PDF, the tables or the chart: the other commands load
 * neither cairo nor pango. */
static const RapportExportFuncs *
open_export_module (void)
{
  RapportExportModuleGetFuncs get_funcs;

  get_funcs = open_module (EXPORT_MODULE_FILE, RAPPORT_EXPORT_MODULE_SYMBOL,
                           _("cannot write the PDF, the tables or the chart"),
                           _("The other commands, and rapport report without --pdf, --csv and "
                             "--chart, work without it."));
  return get_funcs != NULL ? get_funcs () : NULL;
}

/* The PDF, tables and chart image of one account, as the options ask. */
static int
export_account (const RapportExportFuncs *export,
                RapportStore             *store,
                gint64                    account_id,
                const char               *pdf,
                const char               *csv,
                const char               *chart,
                RapportPaper              paper)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = g_strdup_printf ("%" PRId64, account_id);
  RapportExportImageFormat format = RAPPORT_EXPORT_IMAGE_PNG;
  guint n;

  if (chart != NULL && !export->image_format_for_path (chart, &format))
    {
      print_error (_("--chart needs a file name ending in .png or .svg"));
      return 2;
    }
  if (!(dataset = rapport_store_load_dataset (store, account_id, &error)) ||
      !(states = rapport_store_get_suggestion_states (store, scope, &error)))
    {
      print_error (error->message);
      return 1;
    }
  report = rapport_report_compute (dataset, NULL);
  suggestions = rapport_coach_suggest (report, states);

  if (pdf != NULL)
    {
      g_autofree char *name = g_filename_display_name (pdf);

      if (!export->write_pdf (report, suggestions, pdf, paper, &n, &error))
        {
          print_error (error->message);
          return 1;
        }
      print_out (g_dngettext (GETTEXT_PACKAGE, "Wrote %s, %u page\n", "Wrote %s, %u pages\n", n),
                 name, n);
    }
  if (csv != NULL)
    {
      g_autofree char *name = g_filename_display_name (csv);

      if (!export->csv_write_dir (report, suggestions, csv, &n, &error))
        {
          print_error (error->message);
          return 1;
        }
      print_out (g_dngettext (GETTEXT_PACKAGE, "Wrote %u table into %s\n",
                              "Wrote %u tables into %s\n", n),
                 n, name);
    }
  if (chart != NULL)
    {
      g_autofree char *name = g_filename_display_name (chart);

      if (!export->chart_write (report, chart, format, 1200, 600, &error))
        {
          print_error (error->message);
          return 1;
        }
      print_out (_("Wrote %s\n"), name);
    }
  return 0;
}

static int
command_report (const char    *data_dir,
                RapportStore  *store,
                int            argc,
                char         **argv)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account = account_option;
  gboolean one = account != G_MININT64;
  gboolean json = json_option;
  g_autofree char *pdf = g_steal_pointer (&pdf_option);
  g_autofree char *csv = g_steal_pointer (&csv_option);
  g_autofree char *chart = g_steal_pointer (&chart_option);
  g_autofree char *paper_name = g_steal_pointer (&paper_option);
  const RapportExportFuncs *export = NULL;
  RapportPaper paper = RAPPORT_PAPER_A4;

  account_option = G_MININT64;
  json_option = FALSE;
  if (argc > 1)
    {
      print_error (_("report takes no paths; choose an account with --account ID"));
      return 2;
    }
  if (pdf != NULL || csv != NULL || chart != NULL || paper_name != NULL)
    {
      if ((export = open_export_module ()) == NULL)
        return 1;
      paper = export->paper_from_locale ();
      if (paper_name != NULL && !export->paper_parse (paper_name, &paper))
        {
          print_error (_("--paper takes a4 or letter"));
          return 2;
        }
    }

  if (one)
    g_array_append_val (ids, account);
  else
    {
      g_autoptr(GPtrArray) accounts = NULL;

      if (!(accounts = rapport_store_list_accounts (store, &error)))
        {
          print_error (error->message);
          return 1;
        }
      for (guint i = 0; i < accounts->len; i++)
        g_array_append_val (ids, ((RapportAccount *) g_ptr_array_index (accounts, i))->id);
      if (ids->len == 0 && !json)
        {
          print_out (_("No accounts yet. Import an export with: rapport import PATH\n"));
          return pdf != NULL || csv != NULL || chart != NULL ? 1 : 0;
        }
    }

  if (pdf != NULL || csv != NULL || chart != NULL)
    {
      /* A file is one account's: with several, the creator says which. */
      if (ids->len != 1)
        {
          print_error (_("--pdf, --csv and --chart write one account's report; choose it with "
                         "--account ID (see rapport accounts)"));
          return 2;
        }
      return export_account (export, store, g_array_index (ids, gint64, 0), pdf, csv, chart,
                             paper);
    }

  if (json && !one)
    {
      root = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (root, json_array_new ());
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (!report_account (store, id, json ? NULL : &text, json ? &node : NULL, &error))
        {
          print_error (error->message);
          return 1;
        }
      if (!json)
        print_out ("%s%s", i > 0 ? "\n" : "", text);
      else if (one)
        root = g_steal_pointer (&node);
      else
        json_array_add_element (json_node_get_array (root), g_steal_pointer (&node));
    }

  if (json)
    print_json (root);
  return 0;
}

/* The refresh's module, for `rapport refresh`: the other commands do not load libsoup. */
static const RapportRefreshFuncs *
open_refresh_module (void)
{
  RapportRefreshModuleGetFuncs get_funcs;

  get_funcs = open_module (REFRESH_MODULE_FILE, RAPPORT_REFRESH_MODULE_SYMBOL,
                           _("cannot refresh from the web"),
                           _("The other commands work without it."));
  return get_funcs != NULL ? get_funcs () : NULL;
}

/* Says what a refresh fetched, and clears @summary. */
static void
print_refresh (const RapportRefreshFuncs *refresh,
               RapportRefreshSummary     *summary)
{
  g_autofree char *handle = rapport_format_name (summary->import.platform,
                                                 summary->import.handle);
  g_autofree char *safe = rapport_escape_for_terminal (handle, FALSE);
  g_autofree char *details = refresh->summary_describe (summary);

  print_out (_("Refreshed %s on %s (account %" PRId64 "): %s"), safe,
             rapport_platform_display_name (summary->import.platform),
             summary->import.account_id, details);
  refresh->summary_clear (summary);
}

/* The master switch is read before anything is fetched; off, it says how to turn it on. */
static gboolean
check_allowed (const RapportRefreshFuncs *refresh)
{
  g_autoptr(GError) error = NULL;

  if (refresh->check_allowed (&error))
    return TRUE;
  print_error (error->message);
  if (g_error_matches (error, refresh->error_quark (), RAPPORT_NET_ERROR_NOT_ALLOWED))
    print_error (_("Allow it with rapport refresh --on, or in the window's Preferences."));
  return FALSE;
}

/* `rapport refresh`: the accounts whose refresh the creator allowed, one, or a new one; or
 * turns an account's refresh on or off. */
static int
command_refresh (const char    *data_dir,
                 RapportStore  *store,
                 int            argc,
                 char         **argv)
{
  g_autofree char *add = g_steal_pointer (&add_option);
  RapportRefreshRequest request = { .force = force_option };
  const RapportRefreshFuncs *refresh;
  gboolean on = on_option;
  gboolean off = off_option;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  on_option = off_option = FALSE;
  if (argc > 1 || ((on || off) && (add != NULL || on == off)))
    {
      print_error (_("use: rapport refresh [--on | --off] [--account ID] | "
                     "--add bluesky:HANDLE | --add mastodon:USER@SERVER [--force]"));
      return 2;
    }
  if ((refresh = open_refresh_module ()) == NULL)
    return 1;

  /* The master switch, the same as in the window's Preferences; nothing is fetched. */
  if ((on || off) && account_option == G_MININT64)
    {
      if (!refresh->set_allowed (on, &error))
        {
          print_error (error->message);
          return 1;
        }
      if (on)
        print_out (_("Refreshing from the web is allowed: rapport refresh fetches the "
                     "accounts turned on.\n"));
      else
        print_out (_("Refreshing from the web is off: nothing is fetched, from the window or "
                     "the command line.\n"));
      return 0;
    }

  /* Only the account's setting changes: nothing is fetched. */
  if (on || off)
    {
      if (!refresh->set_enabled (store, account_option, on, &error))
        {
          print_error (error->message);
          return 1;
        }
      if (on)
        print_out (_("Account %" PRId64 " is refreshed from the web from now on: run rapport "
                     "refresh to fetch it.\n"), account_option);
      else
        print_out (_("Account %" PRId64 " is no longer refreshed from the web.\n"),
                   account_option);
      return 0;
    }

  if (add != NULL || account_option != G_MININT64)
    {
      RapportRefreshSummary summary = { { 0 } };
      gboolean ok;

      if (!check_allowed (refresh))
        return 1;
      ok = add != NULL
           ? refresh->add (data_dir, add, &request, NULL, NULL, NULL, &summary, &error)
           : refresh->account (data_dir, account_option, &request, NULL, NULL, NULL, &summary,
                               &error);

      if (!ok)
        {
          print_error (error->message);
          return 1;
        }
      print_refresh (refresh, &summary);
      return 0;
    }

  if ((ids = rapport_store_list_refreshed_accounts (store, &error)) == NULL)
    {
      print_error (error->message);
      return 1;
    }
  if (ids->len == 0)
    {
      print_out (_("No account is set to refresh from the web. Add one with rapport refresh "
                   "--add bluesky:HANDLE or --add mastodon:USER@SERVER, or turn on “Refresh "
                   "from the Web” in an account's menu.\n"));
      return 0;
    }
  if (!check_allowed (refresh))
    return 1;
  for (guint i = 0; i < ids->len; i++)
    {
      RapportRefreshSummary summary = { { 0 } };

      g_clear_error (&error);
      if (!refresh->account (data_dir, g_array_index (ids, gint64, i), &request, NULL, NULL,
                             NULL, &summary, &error))
        {
          g_autofree char *message =
            g_strdup_printf (_("account %" PRId64 ": %s"), g_array_index (ids, gint64, i),
                             error->message);

          print_error (message);
          status = 1;
          continue;
        }
      print_refresh (refresh, &summary);
    }
  return status;
}

static const struct
{
  const char *name;
  CommandFunc func;
  const char *parameters;
  const char *summary;
  const GOptionEntry *entries;
} commands[] = {
  { "import", command_import, N_("PATH…"), N_("Import data exports (zip, tar.gz, folder or file)"),
    NULL },
  { "accounts", rapport_cli_accounts, "", N_("List the imported accounts and their snapshots"),
    NULL },
  { "report", command_report, "", N_("Print the analysis and the coach's suggestions"),
    report_entries },
  { "refresh", command_refresh, "",
    N_("Fetch the public counts and follower lists of Bluesky and Mastodon accounts"),
    refresh_entries },
  { "keep", rapport_cli_keep, "",
    N_("Keep accounts on purpose, out of the not-following-back review"),
    rapport_cli_keep_entries },
};

/* Where the command name is in @argv, and which command it is: the first argument, or the
 * one after a leading --data-dir DIR (the README names the option with every command, and
 * people put it first as often as last).  FALSE when there is no command. */
static gboolean
find_command (int     argc,
              char  **argv,
              int    *position,
              guint  *command)
{
  int i = 1;

  while (i < argc)
    {
      if (g_str_equal (argv[i], "--data-dir"))
        i += 2;
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        i += 1;
      else
        break;
    }
  if (i >= argc)
    return FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        *position = i;
        *command = c;
        return TRUE;
      }

  return FALSE;
}

gboolean
rapport_cli_handles (int    argc,
                     char **argv)
{
  int position;
  guint command;

  return find_command (argc, argv, &position, &command);
}

int
rapport_cli_main (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *usage = NULL;
  g_auto(GStrv) args = NULL;
  guint command = 0;
  int position = 0;

  if (!find_command (argc, argv, &position, &command))
    g_return_val_if_reached (2);

  usage = g_strdup_printf ("%s %s", commands[command].name, _(commands[command].parameters));
  context = g_option_context_new (usage);
  g_option_context_set_summary (context, _(commands[command].summary));
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (commands[command].entries != NULL)
    g_option_context_add_main_entries (context, commands[command].entries, GETTEXT_PACKAGE);

  /* Drop the command name so the options parser sees only its arguments. */
  args = g_new0 (char *, argc);
  for (int i = 0, j = 0; i < argc; i++)
    if (i != position)
      args[j++] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_error (error->message);
      return 2;
    }

  data_dir = data_dir_option ? g_strdup (data_dir_option) : rapport_default_data_dir ();
  g_clear_pointer (&data_dir_option, g_free);
  /* Years of exports take seconds to upgrade: not a hang. */
  if (rapport_store_needs_upgrade (data_dir))
    g_printerr ("%s\n", _("Updating the database for this version of Rapport…"));
  if (!(store = rapport_store_open (data_dir, &error)))
    {
      print_error (error->message);
      return 1;
    }

  return commands[command].func (data_dir, store, g_strv_length (args), args);
}
