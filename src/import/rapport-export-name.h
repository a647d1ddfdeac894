/* rapport-export-name.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the name of an export's file or folder tells when nothing inside says it: whose export
 * it is, or a stand-in name for it.  The date in a name: rapport_date_find_in_name().
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The user of a name "<platform>-<user>-<date>…", the date written YYYY-MM-DD or YYYYMMDD
 * ("instagram-jo.doe-2024-05-01-AbCd.zip", "tiktok-jo-20250301"), the platform compared
 * without case; else NULL. */
char *rapport_export_name_get_user (const char *name,
                                    const char *platform);
/* @name without the extension of an archive or a JSON file and without surrounding spaces
 * ("TikTok Data.zip" → "TikTok Data"); NULL when nothing is left. */
char *rapport_export_name_strip    (const char *name);
/* The length of @name's archive extension (".zip", ".tar.gz", ".7z"…), compared without case;
 * 0 when @name has none. */
gsize rapport_export_name_archive_extension (const char *name);

G_END_DECLS
