/* rapport-import-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "core/rapport-import-error.h"
#include "session/rapport-import-job.h"
#include "session/rapport-import-queue.h"
#include "import/rapport-instagram-importer.h"
#include "import/rapport-tiktok-importer.h"
#include "import/rapport-twitter-importer.h"

typedef struct
{
  RapportPlatform platform;
  gboolean (*recognizes) (RapportArchive *archive);
  RapportImportFunc import;
} Importer;

static const Importer importers[] = {
  { RAPPORT_PLATFORM_TWITTER, rapport_twitter_recognizes, rapport_twitter_import },
  { RAPPORT_PLATFORM_TIKTOK, rapport_tiktok_recognizes, rapport_tiktok_import },
  { RAPPORT_PLATFORM_INSTAGRAM, rapport_instagram_recognizes, rapport_instagram_import },
};

RapportPlatform
rapport_import_detect (RapportArchive     *archive,
                       RapportImportFunc  *import_func,
                       GError            **error)
{
  g_autoptr(GString) found = NULL;
  const char * const *entries;
  guint n_entries;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), RAPPORT_PLATFORM_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    {
      if (importers[i].recognizes (archive))
        {
          if (import_func != NULL)
            *import_func = importers[i].import;
          return importers[i].platform;
        }
    }

  entries = rapport_archive_get_entries (archive, &n_entries);
  found = g_string_new (NULL);
  for (guint i = 0; i < n_entries && i < 6; i++)
    g_string_append_printf (found, "%s%s", i > 0 ? ", " : "", entries[i]);
  if (n_entries > 6)
    g_string_append_printf (found, _(" and %u more"), n_entries - 6);

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
               _("%s is not an export Rapport knows. It contains %s. Rapport reads the data "
                 "exports of Instagram (JSON or HTML), X/Twitter (the archive or an analytics CSV) "
                 "and TikTok (JSON)."),
               rapport_archive_get_name (archive),
               n_entries > 0 ? found->str : _("no files"));
  return RAPPORT_PLATFORM_UNKNOWN;
}

/* Large files are identified by their size and 64 samples of 16 KiB spread over them, first
 * and last bytes included: reading all of a 190 MB archive only to recognise it cost more than
 * a third of its import.  Two different exports never share a size and every sample in
 * practice (their timestamps and counts differ throughout). */
#define HASH_WHOLE_LIMIT (8 * 1024 * 1024)
#define HASH_SAMPLES 64
#define HASH_SAMPLE_SIZE (16 * 1024)

static void
hash_content (GChecksum    *checksum,
              const guint8 *data,
              gsize         size)
{
  guint64 size_le = GUINT64_TO_LE (size);

  g_checksum_update (checksum, (const guchar *) &size_le, sizeof size_le);
  if (size <= HASH_WHOLE_LIMIT)
    {
      g_checksum_update (checksum, data, size);
      return;
    }
  for (guint i = 0; i < HASH_SAMPLES; i++)
    {
      gsize offset = (size - HASH_SAMPLE_SIZE) / (HASH_SAMPLES - 1) * i;

      if (i == HASH_SAMPLES - 1)
        offset = size - HASH_SAMPLE_SIZE;
      g_checksum_update (checksum, data + offset, HASH_SAMPLE_SIZE);
    }
}

char *
rapport_import_content_hash (RapportArchive  *archive,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *path = rapport_archive_get_path (archive);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char * const *entries;
      guint n_entries;

      /* An unpacked export: the names and contents of what Rapport would read. */
      entries = rapport_archive_get_entries (archive, &n_entries);
      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(GBytes) bytes = NULL;
          gsize size;
          const guint8 *data;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (!(bytes = rapport_archive_read (archive, entries[i], NULL, error)))
            return NULL;
          data = g_bytes_get_data (bytes, &size);
          g_checksum_update (checksum, (const guchar *) entries[i], strlen (entries[i]) + 1);
          hash_content (checksum, data, size);
        }
    }
  else
    {
      g_autoptr(GMappedFile) mapped = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(mapped = g_mapped_file_new (path, FALSE, &local_error)))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNREADABLE,
                       _("%s: cannot be read (%s)"), rapport_archive_get_name (archive),
                       local_error->message);
          return NULL;
        }
      hash_content (checksum, (const guint8 *) g_mapped_file_get_contents (mapped),
                    g_mapped_file_get_length (mapped));
    }

  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
rapport_import_path (RapportStore          *store,
                     const char            *path,
                     RapportImportSummary  *summary,
                     GCancellable          *cancellable,
                     GError               **error)
{
  return rapport_import_path_full (store, path, NULL, NULL, summary, cancellable, error);
}

gboolean
rapport_import_path_full (RapportStore               *store,
                          const char                 *path,
                          RapportImportProgressFunc   progress_func,
                          gpointer                    progress_data,
                          RapportImportSummary       *summary,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(RapportArchive) archive = NULL;
  g_autofree char *hash = NULL;
  RapportImportFunc import_func = NULL;
  RapportStoreImport *import;
  g_autoptr(RapportImportQueue) queue = NULL;
  gint64 fallback_at;
  RapportDateSource fallback_source;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(archive = rapport_archive_open (path, error)))
    return FALSE;
  if (rapport_import_detect (archive, &import_func, error) == RAPPORT_PLATFORM_UNKNOWN)
    return FALSE;
  if (!(hash = rapport_import_content_hash (archive, cancellable, error)))
    return FALSE;
  if (!(import = rapport_store_begin_import (store, rapport_archive_get_name (archive), hash,
                                             summary, error)))
    return FALSE;

  if (progress_func != NULL)
    rapport_store_import_set_progress_func (import, progress_func, progress_data);

  /* Importers set the export date when the export states it; otherwise the file's time. */
  fallback_at = rapport_archive_get_mtime (archive);
  fallback_source = RAPPORT_DATE_SOURCE_FILE_TIME;
  rapport_store_import_set_fallback_date (import, fallback_at, fallback_source);

  /* The store writes on a thread of its own while the importer reads on. */
  queue = rapport_import_queue_new (rapport_store_import_get_sink (import));
  if (!import_func (archive, rapport_import_queue_get_sink (queue), cancellable, error) ||
      !rapport_import_queue_finish (queue, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_pointer (&queue, rapport_import_queue_free);
      rapport_store_import_abort (import);
      return FALSE;
    }
  g_clear_pointer (&queue, rapport_import_queue_free);

  return rapport_store_import_commit (import, summary, error);
}

char *
rapport_import_summary_describe (const RapportImportSummary *summary)
{
  g_autoptr(GDateTime) exported = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (summary != NULL, NULL);

  text = g_string_new (rapport_platform_display_name (summary->platform));
  g_string_append_printf (text, " · @%s", summary->handle ? summary->handle : "?");

  exported = g_date_time_new_from_unix_utc (summary->snapshot.exported_at);
  if (exported != NULL && summary->snapshot.exported_at > 0)
    {
      /* Translators: a g_date_time_format() date, "31 Jul 2022" */
      date = g_date_time_format (exported, _("%-d %b %Y"));
      /* Translators: "exported 31 Jul 2022" */
      g_string_append_printf (text, _(" · exported %s"), date);
    }

  if (summary->snapshot.has_followers)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " follower",
                                                          "%'" PRIu64 " followers",
                                                          summary->snapshot.n_followers),
                                             summary->snapshot.n_followers));
  if (summary->snapshot.has_following)
    g_ptr_array_add (parts, g_strdup_printf (_("%'" PRIu64 " following"),
                                             summary->snapshot.n_following));
  if (summary->snapshot.n_posts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " post",
                                                          "%'" PRIu64 " posts",
                                                          summary->snapshot.n_posts),
                                             summary->snapshot.n_posts));
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? " · " : ", ",
                            (char *) g_ptr_array_index (parts, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
