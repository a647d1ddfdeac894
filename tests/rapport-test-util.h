/* rapport-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "coach/rapport-coach.h"
#include "import/rapport-archive.h"
#include "store/rapport-store.h"

G_BEGIN_DECLS

/* An archive written entry by entry: rapport_test_archive_new() with a @format of "zip" or
 * "tar.gz", entries added in order, and rapport_test_archive_close() to finish it. */
typedef struct archive RapportTestArchive;

RapportTestArchive *rapport_test_archive_new          (const char         *path,
                                                       const char         *format);
/* A NULL @content adds a folder. */
void                rapport_test_archive_add          (RapportTestArchive *archive,
                                                       const char         *name,
                                                       const char         *content);
/* An entry of any bytes, NULs included. */
void                rapport_test_archive_add_bytes    (RapportTestArchive *archive,
                                                       const char         *name,
                                                       GBytes             *content);
/* An entry of @head, @count times @unit and @tail, written without holding it in memory. */
void                rapport_test_archive_add_repeated (RapportTestArchive *archive,
                                                       const char         *name,
                                                       const char         *head,
                                                       const char         *unit,
                                                       guint64             count,
                                                       const char         *tail);
void                rapport_test_archive_close        (RapportTestArchive *archive);

/* Asserts that @archive lists exactly @expected (NULL-terminated), in that order. */
void  rapport_test_assert_entries (RapportArchive     *archive,
                                   const char * const *expected);

/* Writes an archive at @path whose entries are given as name, content pairs ending with NULL.
 * @format is "zip", "zip-stored" (entries stored uncompressed) or "tar.gz".  A NULL content
 * writes a folder entry. */
void  rapport_test_write_archive (const char *path,
                                  const char *format,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Writes an Instagram export of @jo.doe made on 29 Jan 2025 as two zips in @dir, each in a
 * wrapping folder of its own name, "instagram-jo.doe-2025-01-29-AbCd-part1.zip" and
 * "…-part2.zip": the profile and 3 followers in the first, 2 accounts followed and 2 posts in
 * the second.  Returns their paths, part 1 first, NULL-terminated. */
char **rapport_test_write_instagram_parts (const char *dir);
/* Row counts of every table an import writes in the database of @data_dir, to compare before
 * and after an import that must change nothing. */
char *rapport_test_database_fingerprint (const char *data_dir);
/* A new temporary folder, removed with everything in it by rapport_test_remove_tree(). */
char *rapport_test_make_temp_dir (void);
void  rapport_test_remove_tree   (const char *path);
/* Fails the test, showing @text, unless @text contains @part. */
void  rapport_test_assert_contains (const char *text,
                                    const char *part);
/* Fails the test, showing @text, when it holds a number printf could not write: "nan", "inf". */
void  rapport_test_assert_no_nan   (const char *text);
/* Runs the coach on @report and writes both as text and JSON, failing on "nan" or "inf" in
 * either.  @states as rapport_coach_suggest() takes them. */
void  rapport_test_print_report    (const RapportReport *report,
                                    GHashTable          *states);
/* A new temporary data folder whose database is tests/fixtures/store/schema-@version.sql, as
 * that schema wrote it. */
char           *rapport_test_make_schema_data_dir (int version);
/* Imports an export into the database of @data_dir for @account, with one follower, "anna";
 * @hash names the export.  Returns the account's id. */
gint64 rapport_test_import_account (const char               *data_dir,
                                    const char               *hash,
                                    const RapportAccountInfo *account);
/* The post of @dataset whose platform id is @platform_id, or NULL. */
const RapportDatasetPost *rapport_test_find_post (RapportDataset *dataset,
                                                  const char     *platform_id);
/* Asserts that the Overview of a summary (rapport_store_load_dataset_summary(), no lists) shows
 * what the report of the same account with its lists shows: series, coverage, named ids (where
 * no other export named the accounts of a list: the details know those names too). */
void            rapport_test_assert_same_overview (const RapportReport *details,
                                                   const RapportReport *summary);
/* Loads account @account_id of @store with its lists and as a summary, computes both reports,
 * asserts that their Overviews agree and prints the first with rapport_test_print_report().
 * Returns the dataset with the lists. */
RapportDataset *rapport_test_report_account (RapportStore *store,
                                             gint64        account_id,
                                             GTimeZone    *tz);
/* The same for a database anyone may have written, whose lists may not agree with what it
 * counted of them: both Overviews are computed, not compared. */
RapportDataset *rapport_test_report_hostile_account (RapportStore *store,
                                                     gint64        account_id,
                                                     GTimeZone    *tz);

G_END_DECLS
