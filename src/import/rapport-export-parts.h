/* rapport-export-parts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which of the files chosen together are parts of one export, by their names alone.  Large
 * exports come split: Meta's as "instagram-<user>-<date>-<random>-part1.zip", "…-part2.zip"
 * (or with a different random part each), Google Takeout's as "takeout-<date>-001.zip",
 * "…-002.zip", and a browser saves two files of the same name as "x.zip" and "x (1).zip".
 * Names cannot tell two parts of one export from two exports of the same day (a JSON and an
 * HTML export side by side): rapport_archive_open_many() refuses those by what they hold.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts @paths (@n_paths of them; a NULL path is a file without one) into exports: a
 * GPtrArray of GArray of guint, the indices into @paths of one export each, in the order of
 * each export's first path in @paths, the parts of an export in their order (part 1,
 * part 2…).  Parts are archives or folders in the same folder whose names are the same but
 * for a part suffix before the extension ("-part1", "_part2", " part 3", "-1", "-002",
 * " (2)"), or Instagram exports of the same user and date ("instagram-jo-2025-01-29-…").
 * A single exported file (.json, .js, .csv, .html, .txt) is never a part; a path given twice
 * is two exports.  Free with g_ptr_array_unref(). */
GPtrArray *rapport_export_parts_group    (const char * const *paths,
                                          guint               n_paths);
/* The name that stands for the export whose parts are @paths, for messages: what their
 * names share without extension and part suffix ("instagram-jo-2025-01-29-abc",
 * "takeout-20250129T101010Z"), or the name of @paths[0] without them when they share
 * nothing. */
char      *rapport_export_parts_get_name (const char * const *paths,
                                          guint               n_paths);

G_END_DECLS
