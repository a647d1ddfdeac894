/* rapport-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cli/rapport-report-json.h"
#include "cli/rapport-report-text.h"
#include "rapport-test-util.h"

RapportTestArchive *
rapport_test_archive_new (const char *path,
                          const char *format)
{
  struct archive *writer = archive_write_new ();

  if (g_str_equal (format, "zip") || g_str_equal (format, "zip-stored"))
    {
      archive_write_set_format_zip (writer);
      if (g_str_equal (format, "zip-stored"))
        g_assert_cmpint (archive_write_set_format_option (writer, "zip", "compression", "store"),
                         ==, ARCHIVE_OK);
    }
  else
    {
      g_assert_cmpstr (format, ==, "tar.gz");
      archive_write_set_format_pax_restricted (writer);
      archive_write_add_filter_gzip (writer);
    }
  g_assert_cmpint (archive_write_open_filename (writer, path), ==, ARCHIVE_OK);
  return writer;
}

static void
write_header (RapportTestArchive *archive,
              const char         *name,
              gboolean            folder,
              guint64             size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_mtime (entry, 1700000000, 0);
  archive_entry_set_filetype (entry, folder ? AE_IFDIR : AE_IFREG);
  archive_entry_set_perm (entry, folder ? 0755 : 0644);
  if (!folder)
    archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
}

static void
write_data (RapportTestArchive *archive,
            const char         *data,
            gsize               len)
{
  if (len > 0)
    g_assert_cmpint (archive_write_data (archive, data, len), ==, (la_ssize_t) len);
}

void
rapport_test_archive_add (RapportTestArchive *archive,
                          const char         *name,
                          const char         *content)
{
  write_header (archive, name, content == NULL, content != NULL ? strlen (content) : 0);
  if (content != NULL)
    write_data (archive, content, strlen (content));
}

void
rapport_test_archive_add_bytes (RapportTestArchive *archive,
                                const char         *name,
                                GBytes             *content)
{
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  write_header (archive, name, FALSE, size);
  write_data (archive, data, size);
}

void
rapport_test_archive_add_repeated (RapportTestArchive *archive,
                                   const char         *name,
                                   const char         *head,
                                   const char         *unit,
                                   guint64             count,
                                   const char         *tail)
{
  g_autoptr(GString) block = g_string_new (NULL);
  guint per_block = MAX (1, (64 * 1024) / MAX (1, strlen (unit)));

  write_header (archive, name, FALSE, strlen (head) + count * strlen (unit) + strlen (tail));
  write_data (archive, head, strlen (head));
  for (guint i = 0; i < per_block; i++)
    g_string_append (block, unit);
  for (guint64 done = 0; done < count; done += per_block)
    write_data (archive, block->str, MIN (per_block, count - done) * strlen (unit));
  write_data (archive, tail, strlen (tail));
}

void
rapport_test_archive_close (RapportTestArchive *archive)
{
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
}

void
rapport_test_assert_entries (RapportArchive     *archive,
                             const char * const *expected)
{
  guint n;
  const char * const *entries = rapport_archive_get_entries (archive, &n);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (entries[i], ==, expected[i]);
}

void
rapport_test_write_archive (const char *path,
                            const char *format,
                            ...)
{
  RapportTestArchive *archive = rapport_test_archive_new (path, format);
  const char *name;
  va_list args;

  va_start (args, format);
  while ((name = va_arg (args, const char *)) != NULL)
    rapport_test_archive_add (archive, name, va_arg (args, const char *));
  va_end (args);
  rapport_test_archive_close (archive);
}

#define PARTS_STEM "instagram-jo.doe-2025-01-29-AbCd"
#define PARTS_LISTS "connections/followers_and_following/"
#define PARTS_ROW(name, when) \
  "{\"title\": \"\", \"media_list_data\": [], \"string_list_data\": [{\"href\": " \
  "\"https://www.instagram.com/" name "\", \"value\": \"" name "\", \"timestamp\": " when "}]}"
#define PARTS_POST(title, when) \
  "{\"media\": [{\"uri\": \"media/posts/202501/" when ".jpg\", " \
  "\"creation_timestamp\": " when ", \"title\": \"" title "\"}]}"

char **
rapport_test_write_instagram_parts (const char *dir)
{
  char **paths = g_new0 (char *, 3);

  paths[0] = g_build_filename (dir, PARTS_STEM "-part1.zip", NULL);
  paths[1] = g_build_filename (dir, PARTS_STEM "-part2.zip", NULL);
  rapport_test_write_archive (paths[0], "zip",
    PARTS_STEM "-part1/personal_information/personal_information/personal_information.json",
      "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.doe\"}}}]}",
    PARTS_STEM "-part1/" PARTS_LISTS "followers_1.json",
      "[" PARTS_ROW ("anna_b", "1735700000") ", " PARTS_ROW ("bert.b", "1735800000") ", "
      PARTS_ROW ("cleo", "1735900000") "]",
    PARTS_STEM "-part1/start_here.html", "<html>part 1</html>",
    NULL);
  rapport_test_write_archive (paths[1], "zip",
    PARTS_STEM "-part2/" PARTS_LISTS "following.json",
      "{\"relationships_following\": [" PARTS_ROW ("anna_b", "1735600000") ", "
      PARTS_ROW ("dora", "1735650000") "]}",
    PARTS_STEM "-part2/your_instagram_activity/media/posts_1.json",
      "[" PARTS_POST ("First run #trail", "1736200000") ", "
      PARTS_POST ("Second run", "1737000000") "]",
    PARTS_STEM "-part2/start_here.html", "<html>part 2</html>",
    NULL);
  return paths;
}

char *
rapport_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("rapport-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
rapport_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        rapport_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

char *
rapport_test_database_fingerprint (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "rapport.db", NULL);
  const char *tables[] = { "account", "snapshot", "follow_span", "post", "post_counts",
                           "post_tag", "follower_count", "follower_gain", "interaction" };
  GString *fingerprint = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (fingerprint, "%s=%lld ", tables[i], sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (fingerprint, FALSE);
}

void
rapport_test_assert_contains (const char *text,
                              const char *part)
{
  g_assert_nonnull (text);

  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

void
rapport_test_assert_no_nan (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (text);

  if (regex == NULL)
    regex = g_regex_new ("\\b(nan|inf|infinity)\\b", G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);

      g_error ("“%s” is in:\n%s", word, text);
    }
}

void
rapport_test_print_report (const RapportReport *report,
                           GHashTable          *states)
{
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, states);
  g_autofree char *text = rapport_report_print_text (report, suggestions);
  g_autoptr(JsonNode) json = rapport_report_to_json (report, suggestions);
  g_autofree char *json_text = json_to_string (json, TRUE);

  rapport_test_assert_no_nan (text);
  rapport_test_assert_no_nan (json_text);
}

static void
assert_same_named (const RapportNamedIds *a,
                   const RapportNamedIds *b)
{
  g_assert_true ((a->snapshot == NULL) == (b->snapshot == NULL));
  if (a->snapshot != NULL)
    g_assert_cmpint (a->snapshot->id, ==, b->snapshot->id);
  g_assert_cmpuint (a->n_listed, ==, b->n_listed);
  g_assert_cmpuint (a->n_with_id, ==, b->n_with_id);
  g_assert_cmpuint (a->n_named, ==, b->n_named);
}

void
rapport_test_assert_same_overview (const RapportReport *details,
                                   const RapportReport *summary)
{
  g_assert_cmpuint (summary->series->points->len, ==, details->series->points->len);
  for (guint i = 0; i < details->series->points->len; i++)
    {
      const RapportSeriesPoint *a = &g_array_index (details->series->points,
                                                    RapportSeriesPoint, i);
      const RapportSeriesPoint *b = &g_array_index (summary->series->points,
                                                    RapportSeriesPoint, i);

      g_assert_cmpint (a->day, ==, b->day);
      g_assert_cmpfloat (a->followers, ==, b->followers);
      g_assert_cmpint (a->kind, ==, b->kind);
    }
  for (guint f = 0; f < RAPPORT_N_FIGURES; f++)
    {
      const RapportCoverageItem *a = rapport_coverage_get (details->coverage, f);
      const RapportCoverageItem *b = rapport_coverage_get (summary->coverage, f);

      g_assert_cmpint (a->level, ==, b->level);
      g_assert_cmpuint (a->n, ==, b->n);
      g_assert_cmpuint (a->total, ==, b->total);
      g_assert_cmpstr (a->explanation, ==, b->explanation);
    }
  assert_same_named (&details->named_followers, &summary->named_followers);
  assert_same_named (&details->named_following, &summary->named_following);
}

static RapportDataset *
report_account (RapportStore *store,
                gint64        account_id,
                GTimeZone    *tz,
                gboolean      compare)
{
  g_autoptr(RapportDataset) dataset = NULL;
  g_autoptr(RapportDataset) summary = NULL;
  g_autoptr(RapportReport) report = NULL;
  g_autoptr(RapportReport) overview = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autofree char *scope = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GError) error = NULL;

  dataset = rapport_store_load_dataset (store, account_id, &error);
  g_assert_no_error (error);
  summary = rapport_store_load_dataset_summary (store, account_id, &error);
  g_assert_no_error (error);
  states = rapport_store_get_suggestion_states (store, scope, &error);
  g_assert_no_error (error);

  report = rapport_report_compute (dataset, tz);
  overview = rapport_report_compute_overview (summary, tz);
  if (compare)
    rapport_test_assert_same_overview (report, overview);
  rapport_test_print_report (report, states);
  return g_steal_pointer (&dataset);
}

RapportDataset *
rapport_test_report_account (RapportStore *store,
                             gint64        account_id,
                             GTimeZone    *tz)
{
  return report_account (store, account_id, tz, TRUE);
}

RapportDataset *
rapport_test_report_hostile_account (RapportStore *store,
                                     gint64        account_id,
                                     GTimeZone    *tz)
{
  return report_account (store, account_id, tz, FALSE);
}

char *
rapport_test_make_schema_data_dir (int version)
{
  g_autofree char *name = g_strdup_printf ("schema-%d.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
  char *data_dir = rapport_test_make_temp_dir ();
  g_autofree char *database = rapport_store_dup_database_path (data_dir);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return data_dir;
}

gint64
rapport_test_import_account (const char               *data_dir,
                             const char               *hash,
                             const RapportAccountInfo *account)
{
  g_autoptr(RapportStore) store = NULL;
  g_auto(RapportImportSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  RapportRelation follower = { RAPPORT_DIRECTION_FOLLOWER, "anna", NULL, 0 };
  RapportStoreImport *import;
  RapportImportSink *sink;

  store = rapport_store_open (data_dir, &error);
  g_assert_no_error (error);
  import = rapport_store_begin_import (store, hash, hash, hash, NULL, &error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, account, &error));
  g_assert_true (rapport_import_sink_begin_list (sink, RAPPORT_DIRECTION_FOLLOWER, &error));
  g_assert_true (rapport_import_sink_add_relation (sink, &follower, &error));
  rapport_import_sink_set_export_date (sink, 1700000000, RAPPORT_DATE_SOURCE_MANIFEST);
  g_assert_true (rapport_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  return summary.account_id;
}

const RapportDatasetPost *
rapport_test_find_post (RapportDataset *dataset,
                        const char     *platform_id)
{
  for (guint i = 0; i < dataset->posts->len; i++)
    {
      const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, i);

      if (g_str_equal (post->platform_id, platform_id))
        return post;
    }
  return NULL;
}
