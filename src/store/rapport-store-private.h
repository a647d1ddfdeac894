/* rapport-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rapport-store.h"

G_BEGIN_DECLS

sqlite3      *rapport_store_get_db          (RapportStore  *self);
/* A cached prepared statement, reset and with its bindings cleared. */
sqlite3_stmt *rapport_store_prepare         (RapportStore  *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      rapport_store_exec            (RapportStore  *self,
                                             const char    *sql,
                                             GError       **error);
void          rapport_store_set_sqlite_error (RapportStore *self,
                                             GError       **error,
                                             const char    *what);
gboolean      rapport_store_migrate         (RapportStore  *self,
                                             GError       **error);
/* The schema version, or -1 with @error set. */
int           _rapport_store_read_schema_version (RapportStore  *self,
                                                  GError       **error);
/* Adds what imports need to @db's SQL: the rapport_pending_relations table function. */
gboolean      rapport_store_import_register (sqlite3       *db);

G_END_DECLS
