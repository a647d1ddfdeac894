/* rapport-import-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-import-error.h"

G_DEFINE_QUARK (rapport-import-error-quark, rapport_import_error)
