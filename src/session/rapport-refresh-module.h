/* rapport-refresh-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The refresh from the web (net/ and rapport-refresh.c) is a module of its own
 * (librapport-refresh.so) that the command line opens only for `rapport refresh`, so that the
 * other commands load neither libsoup nor the libraries under it (Kerberos, nghttp2, psl …).
 * The module takes the layers below from the executable; the window's module links the
 * refresh itself and never opens this one.  Types and enums are those of rapport-refresh.h.
 */

#pragma once

#include <gmodule.h>

#include "net/rapport-http.h"
#include "session/rapport-refresh.h"

G_BEGIN_DECLS

/* The module's one entry point, looked up by this name. */
#define RAPPORT_REFRESH_MODULE_SYMBOL "rapport_refresh_module_get_funcs"

/* The functions of the same names, for the command line, error_quark that of
 * RAPPORT_NET_ERROR; each pointer has its function's very type, so that the two cannot
 * differ. */
typedef struct
{
  __typeof__ (rapport_net_error_quark)          *error_quark;
  __typeof__ (rapport_refresh_check_allowed)    *check_allowed;
  __typeof__ (rapport_refresh_set_allowed)      *set_allowed;
  __typeof__ (rapport_refresh_set_enabled)      *set_enabled;
  __typeof__ (rapport_refresh_account)          *account;
  __typeof__ (rapport_refresh_add)              *add;
  __typeof__ (rapport_refresh_summary_describe) *summary_describe;
  __typeof__ (rapport_refresh_summary_clear)    *summary_clear;
} RapportRefreshFuncs;

typedef const RapportRefreshFuncs *(*RapportRefreshModuleGetFuncs) (void);

G_MODULE_EXPORT const RapportRefreshFuncs *rapport_refresh_module_get_funcs (void);

G_END_DECLS
