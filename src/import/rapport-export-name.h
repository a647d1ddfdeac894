/* rapport-export-name.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the name of an export's file or folder tells when nothing inside says it: whose export
 * it is, or a stand-in name for it.  The date in a name: rapport_date_find_in_name().
 */

#pragma once

#include <glib.h>

#include "core/rapport-records.h"
#include "import/rapport-archive.h"

G_BEGIN_DECLS

/* The user of a name "<platform>-<user>-<date>…", the date written YYYY-MM-DD or YYYYMMDD
 * ("instagram-jo.doe-2024-05-01-AbCd.zip", "tiktok-jo-20250301"), the platform compared
 * without case; else NULL. */
char *rapport_export_name_get_user (const char *name,
                                    const char *platform);
/* Whose export @name is when nothing inside says it: the user it gives (as
 * rapport_export_name_get_user()); else a stand-in made of @name (as rapport_export_name_strip()),
 * and *@provisional is then set to TRUE; else NULL. */
char *rapport_export_name_get_handle (const char *name,
                                      const char *platform,
                                      gboolean   *provisional);
/* The person an analytics file is named after, "<prefix>_<Name>_<start>_<end>" with the dates
 * last ("AggregateAnalytics_Jo Doe_2026-01-01_2026-01-28.xlsx" → "Jo Doe"), the prefix
 * compared without case; else NULL. */
char *rapport_export_name_get_person (const char *name,
                                      const char *prefix);
/* @name without the extensions of an archive or a data file and without surrounding spaces
 * ("TikTok Data.zip" → "TikTok Data"); NULL when nothing is left. */
char *rapport_export_name_strip    (const char *name);
/* The length of @name's archive extension (".zip", ".tar.gz", ".7z"…), compared without case;
 * 0 when @name has none. */
gsize rapport_export_name_archive_extension (const char *name);

/* The name that may say whose export this is and when it was made: the archive's or the
 * folder's, or for @entry opened alone (the archive is that one file), the name of the folder
 * it sits in. */
char *rapport_export_name_of_archive (RapportArchive *archive,
                                      const char     *entry);

/* When the export was made, and how that is known: the date its name gives (@from_name, 0 for
 * none), since whoever named it wrote down that day, unless something inside is newer than the
 * end of that day (then the name dates something else); else the newest time inside (@newest,
 * 0 for none); else the file's time. */
RapportDateSource rapport_export_name_choose_date (gint64  from_name,
                                                   gint64  newest,
                                                   gint64  file_time,
                                                   gint64 *exported_at);
/* The same with the date found anywhere in @name (rapport_date_find_in_name()), if any. */
RapportDateSource rapport_export_name_date_of     (const char *name,
                                                   gint64      newest,
                                                   gint64      file_time,
                                                   gint64     *exported_at);

G_END_DECLS
