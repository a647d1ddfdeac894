/* rapport-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the commands in rapport-cli.c and those in files of their own share.
 */

#pragma once

#include "cli/rapport-cli.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

/* Everything the commands print goes through these two (rapport-cli.c): text for people on
 * standard output, made safe for a terminal but for its newlines, so a value from an export
 * is escaped whole before it is put in; and one line of standard error. */
void print_out   (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);
void print_error (const char *message);

/* `rapport accounts` (rapport-cli-accounts.c). */
int  rapport_cli_accounts (const char    *data_dir,
                           RapportStore  *store,
                           int            argc,
                           char         **argv);

/* `rapport keep` (rapport-cli-keep.c). */
extern const GOptionEntry rapport_cli_keep_entries[];
int  rapport_cli_keep (const char    *data_dir,
                       RapportStore  *store,
                       int            argc,
                       char         **argv);

G_END_DECLS
