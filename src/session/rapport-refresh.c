/* rapport-refresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/rapport-format.h"
#include "net/rapport-http.h"
#include "rapport-refresh.h"

/* The lock of the data folder's refreshes, or -1 with an error.  flock() locks belong to the
 * open file, so a second refresh in this very process is refused as one in another is, and
 * a crashed refresh leaves no stale lock. */
static int
acquire_lock (const char  *data_dir,
              GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, "refresh.lock", NULL);
  int fd;

  if (g_mkdir_with_parents (data_dir, 0700) != 0 ||
      (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write to %s: %s"), data_dir, g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_BUSY,
                   _("Another refresh is running; try again when it has finished"));
      return -1;
    }
  return fd;
}

static gboolean
check_interval (RapportStore                 *store,
                const RapportAccount         *account,
                const RapportRefreshRequest  *request,
                GError                      **error)
{
  gint64 last_at = 0;
  gint64 since;

  if (request->force)
    return TRUE;
  if (!rapport_store_get_refresh (store, account->id, NULL, &last_at, error))
    return FALSE;
  since = g_get_real_time () / G_USEC_PER_SEC - last_at;
  if (last_at > 0 && since >= 0 && since < RAPPORT_REFRESH_INTERVAL)
    {
      guint minutes = (guint) ((RAPPORT_REFRESH_INTERVAL - since + 59) / 60);
      g_autofree char *name = rapport_format_name (account->platform, account->handle);

      /* Translators: %s is an account, "@jo.bsky.social". */
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_TOO_SOON,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s was refreshed less than an hour ago; the next refresh "
                                "is possible in %u minute",
                                "%s was refreshed less than an hour ago; the next refresh "
                                "is possible in %u minutes",
                                minutes),
                   name, minutes);
      return FALSE;
    }
  return TRUE;
}

/* Whether @account's platform can be refreshed; else the error names the account as the
 * window does (a YouTube channel's title without an "@"). */
static gboolean
check_supported (const RapportAccount  *account,
                 GError               **error)
{
  g_autofree char *name = NULL;

  if (rapport_platform_refreshes_from_web (account->platform))
    return TRUE;
  name = rapport_format_name (account->platform, account->handle);
  /* Translators: %s is an account, "@jo" or "Mira Makes", then its platform. */
  g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_UNSUPPORTED,
               _("Only Bluesky and Mastodon accounts can be refreshed from the web; %s is on %s"),
               name, rapport_platform_display_name (account->platform));
  return FALSE;
}

/* Fetches, then stores in one transaction; nothing is written unless all of it is. */
static gboolean
fetch_and_store (RapportStore                 *store,
                 RapportPlatform               platform,
                 const char                   *handle,
                 const RapportRefreshRequest  *request,
                 RapportLiveProgressFunc       progress,
                 gpointer                      user_data,
                 GCancellable                 *cancellable,
                 RapportRefreshSummary        *summary,
                 GError                      **error)
{
  g_autoptr(RapportLiveData) data = NULL;
  g_autofree char *source = NULL;
  g_autofree char *hash = NULL;
  RapportStoreImport *import;
  gint64 at;

  data = rapport_live_fetch (platform, handle, &request->options, progress, user_data,
                             cancellable, error);
  if (data == NULL)
    return FALSE;

  at = g_get_real_time () / G_USEC_PER_SEC;
  source = g_strdup_printf (_("%s, refreshed from the web"),
                            rapport_platform_display_name (platform));
  /* A refresh is never the same export as another: its hash names it and its moment. */
  hash = g_strdup_printf ("live:%s:%s:%" G_GINT64_FORMAT, rapport_platform_to_string (platform),
                          data->handle, g_get_real_time ());
  import = rapport_store_begin_import (store, source, hash, hash, NULL, error);
  if (import == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rapport_live_data_write (data, at, rapport_store_import_get_sink (import), error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      rapport_store_import_abort (import);
      return FALSE;
    }
  if (!rapport_store_import_commit (import, &summary->import, error))
    return FALSE;

  summary->followers = data->followers;
  summary->following = data->following;
  summary->list_state[0] = data->list_state[0];
  summary->list_state[1] = data->list_state[1];
  summary->n_posts = data->post_list->len;
  return TRUE;
}

static void
summary_init (RapportRefreshSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->followers = RAPPORT_COUNT_UNKNOWN;
  summary->following = RAPPORT_COUNT_UNKNOWN;
}

static RapportAccount *
find_account (RapportStore     *store,
              gint64            account_id,
              RapportPlatform   platform,
              const char       *handle,
              GError          **error)
{
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, error);

  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportAccount *account = g_ptr_array_index (accounts, i);

      if ((account_id != 0 && account->id == account_id) ||
          (account_id == 0 && account->platform == platform &&
           g_ascii_strcasecmp (account->handle, handle) == 0))
        return g_ptr_array_steal_index (accounts, i);
    }
  if (account_id != 0)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                 _("There is no account %" PRId64), account_id);
  return NULL;
}

static gboolean
refresh (const char                   *data_dir,
         gint64                        account_id,
         const char                   *spec,
         const RapportRefreshRequest  *request,
         RapportLiveProgressFunc       progress,
         gpointer                      user_data,
         GCancellable                 *cancellable,
         RapportRefreshSummary        *summary,
         GError                      **error)
{
  static const RapportRefreshRequest defaults = { 0 };
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportAccount) account = NULL;
  g_autofree char *handle = NULL;
  RapportPlatform platform = RAPPORT_PLATFORM_UNKNOWN;
  g_autoptr(GError) local = NULL;
  gboolean ok = FALSE;
  int lock;

  summary_init (summary);
  if (request == NULL)
    request = &defaults;
  if (spec != NULL && !rapport_live_parse_spec (spec, &platform, &handle, error))
    return FALSE;
  if ((lock = acquire_lock (data_dir, error)) < 0)
    return FALSE;
  if ((store = rapport_store_open (data_dir, error)) == NULL)
    goto out;

  account = find_account (store, account_id, platform, handle, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto out;
    }
  if (account != NULL)
    {
      if (!check_supported (account, error))
        goto out;
      platform = account->platform;
      g_free (handle);
      handle = g_strdup (account->handle);
      if (!check_interval (store, account, request, error))
        goto out;
    }

  if (!fetch_and_store (store, platform, handle, request, progress, user_data, cancellable,
                        summary, error))
    goto out;

  /* The refresh named the account as an export would; where that found another one than
   * asked for (an export without the platform's id), the two are one account. */
  if (account != NULL && summary->import.account_id != account->id &&
      !rapport_store_merge_accounts (store, summary->import.account_id, account->id, error))
    goto out;
  if (account != NULL)
    summary->import.account_id = account->id;
  if (spec != NULL &&
      !rapport_store_set_refresh_enabled (store, summary->import.account_id, TRUE, error))
    goto out;
  ok = TRUE;

out:
  close (lock);
  return ok;
}

/* Rapport's settings, or NULL with an error when they are not installed (g_settings_new()
 * would abort): then refreshing stays off. */
static GSettings *
open_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "refresh-from-web"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Rapport's settings are not installed, so refreshing from the web stays "
                     "off"));
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

gboolean
rapport_refresh_check_allowed (GError **error)
{
  g_autoptr(GSettings) settings = open_settings (error);

  if (settings == NULL)
    return FALSE;
  if (!g_settings_get_boolean (settings, "refresh-from-web"))
    {
      g_set_error (error, RAPPORT_NET_ERROR, RAPPORT_NET_ERROR_NOT_ALLOWED,
                   _("Refreshing from the web is turned off: Rapport fetches nothing until "
                     "“Allow refreshing from the web” is on in Preferences"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_refresh_set_allowed (gboolean   allowed,
                             GError   **error)
{
  g_autoptr(GSettings) settings = open_settings (error);

  if (settings == NULL)
    return FALSE;
  g_settings_set_boolean (settings, "refresh-from-web", allowed);
  /* The command line ends right after: the change must reach the backend first. */
  g_settings_sync ();
  return TRUE;
}

gboolean
rapport_refresh_set_enabled (RapportStore  *store,
                             gint64         account_id,
                             gboolean       enabled,
                             GError       **error)
{
  g_autoptr(RapportAccount) account = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if ((account = find_account (store, account_id, RAPPORT_PLATFORM_UNKNOWN, NULL, error)) == NULL)
    return FALSE;
  /* Turning it off is always allowed, so that nothing stays on by mistake. */
  if (enabled && !check_supported (account, error))
    return FALSE;
  return rapport_store_set_refresh_enabled (store, account->id, enabled, error);
}

gboolean
rapport_refresh_account (const char                   *data_dir,
                         gint64                        account_id,
                         const RapportRefreshRequest  *request,
                         RapportLiveProgressFunc       progress,
                         gpointer                      user_data,
                         GCancellable                 *cancellable,
                         RapportRefreshSummary        *summary_out,
                         GError                      **error)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (account_id > 0, FALSE);

  if (!rapport_refresh_check_allowed (error))
    return FALSE;
  ok = refresh (data_dir, account_id, NULL, request, progress, user_data, cancellable,
                &summary, error);
  if (ok && summary_out != NULL)
    {
      *summary_out = summary;
      memset (&summary, 0, sizeof summary);
    }
  return ok;
}

gboolean
rapport_refresh_add (const char                   *data_dir,
                     const char                   *spec,
                     const RapportRefreshRequest  *request,
                     RapportLiveProgressFunc       progress,
                     gpointer                      user_data,
                     GCancellable                 *cancellable,
                     RapportRefreshSummary        *summary_out,
                     GError                      **error)
{
  g_auto(RapportRefreshSummary) summary = { { 0 } };
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!rapport_refresh_check_allowed (error))
    return FALSE;
  ok = refresh (data_dir, 0, spec, request, progress, user_data, cancellable, &summary, error);
  if (ok && summary_out != NULL)
    {
      *summary_out = summary;
      memset (&summary, 0, sizeof summary);
    }
  return ok;
}

/* ── In a thread ──────────────────────────────────────────────────────────────────────── */

typedef struct
{
  char *data_dir;
  gint64 account_id;
  char *spec;
  RapportRefreshRequest request;
  RapportLiveProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  RapportRefreshSummary summary;
} RefreshTask;

typedef struct
{
  RefreshTask *task;
  RapportLiveStage stage;
  guint64 done;
  gint64 total;
} Progress;

static void
refresh_task_free (RefreshTask *task)
{
  g_free (task->data_dir);
  g_free (task->spec);
  g_main_context_unref (task->context);
  rapport_refresh_summary_clear (&task->summary);
  g_free (task);
}

static gboolean
progress_in_context (gpointer user_data)
{
  Progress *progress = user_data;

  progress->task->progress (progress->stage, progress->done, progress->total,
                            progress->task->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread (RapportLiveStage stage,
                    guint64          done,
                    gint64           total,
                    gpointer         user_data)
{
  RefreshTask *task = user_data;
  Progress *progress;

  if (task->progress == NULL)
    return;
  progress = g_new (Progress, 1);
  *progress = (Progress) { task, stage, done, total };
  g_main_context_invoke_full (task->context, G_PRIORITY_DEFAULT, progress_in_context,
                              progress, g_free);
}

static void
refresh_thread (GTask        *gtask,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RefreshTask *task = task_data;
  GError *error = NULL;

  if (refresh (task->data_dir, task->account_id, task->spec, &task->request,
               progress_in_thread, task, cancellable, &task->summary, &error))
    g_task_return_boolean (gtask, TRUE);
  else
    g_task_return_error (gtask, error);
}

void
rapport_refresh_run_async (const char              *data_dir,
                           gint64                   account_id,
                           const char              *spec,
                           gboolean                 force,
                           RapportLiveProgressFunc  progress,
                           gpointer                 progress_data,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) gtask = g_task_new (NULL, cancellable, callback, user_data);
  RefreshTask *task;
  GError *error = NULL;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (account_id > 0 || spec != NULL);

  g_task_set_source_tag (gtask, rapport_refresh_run_async);
  /* Read here, in the caller's thread, as the settings are everywhere else. */
  if (!rapport_refresh_check_allowed (&error))
    {
      g_task_return_error (gtask, error);
      return;
    }

  task = g_new0 (RefreshTask, 1);
  task->data_dir = g_strdup (data_dir);
  task->account_id = account_id;
  task->spec = g_strdup (spec);
  task->request.force = force;
  task->progress = progress;
  task->progress_data = progress_data;
  task->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (gtask, task, (GDestroyNotify) refresh_task_free);
  g_task_run_in_thread (gtask, refresh_thread);
}

gboolean
rapport_refresh_run_finish (GAsyncResult           *result,
                            RapportRefreshSummary  *summary_out,
                            GError                **error)
{
  RefreshTask *task;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  task = g_task_get_task_data (G_TASK (result));
  if (summary_out != NULL)
    {
      *summary_out = task->summary;
      memset (&task->summary, 0, sizeof task->summary);
    }
  return TRUE;
}

/* ── For people ───────────────────────────────────────────────────────────────────────── */

char *
rapport_refresh_summary_describe (const RapportRefreshSummary *summary)
{
  GString *text = g_string_new (NULL);
  g_autofree char *name = rapport_format_name (summary->import.platform, summary->import.handle);

  if (summary->followers != RAPPORT_COUNT_UNKNOWN)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'" PRId64 " follower",
                                               "%'" PRId64 " followers", summary->followers),
                            summary->followers);
  if (summary->following != RAPPORT_COUNT_UNKNOWN)
    g_string_append_printf (text, _(", following %'" PRId64), summary->following);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "; the counts of %'" PRIu64 " post\n",
                                             "; the counts of %'" PRIu64 " posts\n",
                                             summary->n_posts),
                          summary->n_posts);

  for (int direction = 0; direction < 2; direction++)
    {
      gboolean followers = direction == RAPPORT_DIRECTION_FOLLOWER;

      if (summary->list_state[direction] == RAPPORT_LIVE_LIST_HIDDEN)
        g_string_append_printf (text, followers
                                ? _("The server does not show who follows %s: no list of "
                                    "followers this time\n")
                                : _("The server does not show whom %s follows: no list of "
                                    "accounts followed this time\n"), name);
      else if (summary->list_state[direction] == RAPPORT_LIVE_LIST_TOO_LONG)
        g_string_append_printf (text, followers
                                ? _("The list of followers of %s is too long to fetch; only "
                                    "the count was stored\n")
                                : _("The list of accounts %s follows is too long to fetch; "
                                    "only the count was stored\n"), name);
    }

  return g_string_free (text, FALSE);
}

char *
rapport_refresh_describe_error (const char   *title,
                                gboolean      adding,
                                const GError *error)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  /* The transport's own words ("Connection refused", a status) help no one who reads them
   * in the window; what to do about it does. */
  if (error->domain == RAPPORT_NET_ERROR)
    switch ((RapportNetError) error->code)
      {
      case RAPPORT_NET_ERROR_OFFLINE:
        /* Translators: "@jo could not be added: …" (Follow an Account), or "refreshed" */
        return g_strdup_printf (adding
                                ? _("%s could not be added: this computer seems to be "
                                    "offline. Try again when it is connected.")
                                : _("%s could not be refreshed: this computer seems to be "
                                    "offline. Try again when it is connected."), title);

      case RAPPORT_NET_ERROR_UNKNOWN_HOST:
        return g_strdup_printf (adding
                                ? _("%s could not be added: the server name could not be "
                                    "found (check the handle).")
                                : _("%s could not be refreshed: the server name could not be "
                                    "found (check the handle)."), title);

      case RAPPORT_NET_ERROR_UNREACHABLE:
        return g_strdup_printf (adding
                                ? _("%s could not be added: its server cannot be reached "
                                    "now. Try again later.")
                                : _("%s could not be refreshed: its server cannot be reached "
                                    "now. Try again later."), title);

      case RAPPORT_NET_ERROR_TIMEOUT:
        return g_strdup_printf (adding
                                ? _("%s could not be added: its server did not answer in "
                                    "time. Try again later.")
                                : _("%s could not be refreshed: its server did not answer in "
                                    "time. Try again later."), title);

      case RAPPORT_NET_ERROR_SERVER:
        return g_strdup_printf (adding
                                ? _("%s could not be added: its server is having trouble. "
                                    "Try again later.")
                                : _("%s could not be refreshed: its server is having trouble. "
                                    "Try again later."), title);

      case RAPPORT_NET_ERROR_NOT_FOUND:
        return g_strdup_printf (_("%s was not found: check the handle, or whether the "
                                  "account was renamed or deleted."), title);

      case RAPPORT_NET_ERROR_MALFORMED:
        return g_strdup_printf (adding
                                ? _("%s could not be added: its server answered in a way "
                                    "Rapport cannot read. Try again later.")
                                : _("%s could not be refreshed: its server answered in a way "
                                    "Rapport cannot read. Try again later."), title);

      /* These say what happened, and how long to wait, in plain words already. */
      case RAPPORT_NET_ERROR_RATE_LIMITED:
      case RAPPORT_NET_ERROR_NOT_PUBLIC:
      case RAPPORT_NET_ERROR_BUSY:
      case RAPPORT_NET_ERROR_TOO_SOON:
      case RAPPORT_NET_ERROR_UNSUPPORTED:
      case RAPPORT_NET_ERROR_NOT_ALLOWED:
      default:
        break;
      }
  return g_strdup (error->message);
}

void
rapport_refresh_summary_clear (RapportRefreshSummary *summary)
{
  rapport_import_summary_clear (&summary->import);
}
