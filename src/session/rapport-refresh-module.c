/* rapport-refresh-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-refresh-module.h"

static const RapportRefreshFuncs funcs = {
  .error_quark = rapport_net_error_quark,
  .check_allowed = rapport_refresh_check_allowed,
  .set_allowed = rapport_refresh_set_allowed,
  .set_enabled = rapport_refresh_set_enabled,
  .account = rapport_refresh_account,
  .add = rapport_refresh_add,
  .summary_describe = rapport_refresh_summary_describe,
  .summary_clear = rapport_refresh_summary_clear,
};

/**
 * rapport_refresh_module_get_funcs:
 *
 * The entry point of librapport-refresh.so, which the command line looks up by name.
 *
 * Returns: (transfer none): the functions `rapport refresh` calls
 */
const RapportRefreshFuncs *
rapport_refresh_module_get_funcs (void)
{
  return &funcs;
}
