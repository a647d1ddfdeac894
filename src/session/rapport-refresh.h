/* rapport-refresh.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refresh of an account's public figures from the web, for the window and the command
 * line: one at a time (a lock file beside the database), at most once an hour per account
 * unless forced, fetched first and then stored in one transaction, so that a failed or
 * cancelled refresh changes nothing.
 */

#pragma once

#include <gio/gio.h>

#include "net/rapport-live.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

/* A refresh is polite: once an hour per account unless asked. */
#define RAPPORT_REFRESH_INTERVAL (60 * 60)

typedef struct
{
  RapportLiveOptions options; /* where and how to fetch; zeros for the defaults */
  gboolean force;             /* even within the hour since the last refresh */
} RapportRefreshRequest;

typedef struct
{
  RapportImportSummary import; /* the account and the snapshot stored */
  gint64 followers;            /* the profile's counts; RAPPORT_COUNT_UNKNOWN when not given */
  gint64 following;
  RapportLiveListState list_state[2];
  guint64 n_posts;             /* posts whose counts were fetched */
} RapportRefreshSummary;

/* The master switch of every refresh: the GSettings key refresh-from-web, off by default.
 * Off, no refresh runs, from the window or the command line: the functions below that fetch
 * fail with RAPPORT_NET_ERROR_NOT_ALLOWED.  Settings that cannot be read count as off. */
gboolean rapport_refresh_check_allowed (GError                     **error);
gboolean rapport_refresh_set_allowed   (gboolean                     allowed,
                                        GError                     **error);

/* Refreshes the stored account @account_id (a Bluesky or Mastodon one). */
gboolean rapport_refresh_account       (const char                  *data_dir,
                                        gint64                       account_id,
                                        const RapportRefreshRequest *request,
                                        RapportLiveProgressFunc      progress,
                                        gpointer                     user_data,
                                        GCancellable                *cancellable,
                                        RapportRefreshSummary       *summary_out,
                                        GError                     **error);
/* Adds the account of @spec ("bluesky:HANDLE", "mastodon:USER@SERVER") from the web, with
 * no export, and allows its refresh; an account already there is refreshed. */
gboolean rapport_refresh_add           (const char                  *data_dir,
                                        const char                  *spec,
                                        const RapportRefreshRequest *request,
                                        RapportLiveProgressFunc      progress,
                                        gpointer                     user_data,
                                        GCancellable                *cancellable,
                                        RapportRefreshSummary       *summary_out,
                                        GError                     **error);

/* Allows or stops the refreshes of the stored account @account_id from now on: `rapport
 * refresh` without --account and the window refresh only the allowed ones.  Only a Bluesky or
 * Mastodon account can be turned on; any can be turned off. */
gboolean rapport_refresh_set_enabled   (RapportStore                *store,
                                        gint64                       account_id,
                                        gboolean                     enabled,
                                        GError                     **error);

/* rapport_refresh_account() or, with @spec, rapport_refresh_add() in a thread; @progress
 * runs in the thread-default main context of the caller. */
void     rapport_refresh_run_async     (const char                  *data_dir,
                                        gint64                       account_id,
                                        const char                  *spec,
                                        gboolean                     force,
                                        RapportLiveProgressFunc      progress,
                                        gpointer                     progress_data,
                                        GCancellable                *cancellable,
                                        GAsyncReadyCallback          callback,
                                        gpointer                     user_data);
gboolean rapport_refresh_run_finish    (GAsyncResult                *result,
                                        RapportRefreshSummary       *summary_out,
                                        GError                     **error);

/* Why the refresh of @title ("@jo") failed, in a sentence for people: offline, a server
 * that cannot be reached or does not answer, an account not found; others as @error says.
 * @adding: the refresh was to add the account (Follow an Account), which then was not. */
char    *rapport_refresh_describe_error (const char                 *title,
                                         gboolean                    adding,
                                         const GError               *error);

/* Sentences for people: what the refresh fetched and did not, one per line. */
char    *rapport_refresh_summary_describe (const RapportRefreshSummary *summary);
void     rapport_refresh_summary_clear (RapportRefreshSummary       *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportRefreshSummary, rapport_refresh_summary_clear)

G_END_DECLS
