/* rapport-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes an archive at @path whose entries are given as name, content pairs ending with NULL.
 * @format is "zip", "zip-stored" (entries stored uncompressed) or "tar.gz".  A NULL content
 * writes a folder entry. */
void  rapport_test_write_archive (const char *path,
                                  const char *format,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Row counts of every table an import writes in the database of @data_dir, to compare before
 * and after an import that must change nothing. */
char *rapport_test_database_fingerprint (const char *data_dir);
/* A new temporary folder, removed with everything in it by rapport_test_remove_tree(). */
char *rapport_test_make_temp_dir (void);
void  rapport_test_remove_tree   (const char *path);
/* Fails the test, showing @text, unless @text contains @part. */
void  rapport_test_assert_contains (const char *text,
                                    const char *part);

G_END_DECLS
