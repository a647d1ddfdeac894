/* rapport-import-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPPORT_IMPORT_ERROR (rapport_import_error_quark ())

typedef enum
{
  RAPPORT_IMPORT_ERROR_UNREADABLE,   /* the file or archive cannot be opened or read */
  RAPPORT_IMPORT_ERROR_UNRECOGNIZED, /* not an export Rapport knows */
  RAPPORT_IMPORT_ERROR_MALFORMED,    /* a known file whose content is broken */
  RAPPORT_IMPORT_ERROR_TOO_LARGE,    /* an entry expands beyond the allowed size */
  RAPPORT_IMPORT_ERROR_EMPTY,        /* a known export without anything to import */
  RAPPORT_IMPORT_ERROR_SEPARATE_EXPORTS, /* files opened as parts of one export are several */
} RapportImportError;

GQuark rapport_import_error_quark (void);

G_END_DECLS
