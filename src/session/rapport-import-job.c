/* rapport-import-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "core/rapport-escape.h"
#include "core/rapport-format.h"
#include "core/rapport-import-error.h"
#include "analysis/rapport-audience.h"
#include "session/rapport-export-hash.h"
#include "session/rapport-import-job.h"
#include "session/rapport-import-queue.h"
#include "session/rapport-thumbnail.h"
#include "import/rapport-bluesky-importer.h"
#include "import/rapport-facebook-importer.h"
#include "import/rapport-instagram-importer.h"
#include "import/rapport-linkedin-analytics.h"
#include "import/rapport-linkedin-member.h"
#include "import/rapport-mastodon-importer.h"
#include "import/rapport-medium-importer.h"
#include "import/rapport-meta-analytics.h"
#include "import/rapport-meta-daily.h"
#include "import/rapport-tiktok-importer.h"
#include "import/rapport-threads-importer.h"
#include "import/rapport-tiktok-studio.h"
#include "import/rapport-twitter-importer.h"
#include "import/rapport-youtube-importer.h"

/* The store keeps the counts of each step between follower lists, counted as the analysis
 * defines them, so that older steps are read without their lists. */
static void
count_churn_step (const RapportFollowerDiff *diff,
                  RapportChurnCounts        *counts,
                  gpointer                   user_data)
{
  rapport_churn_count_diff (diff, counts);
}

typedef struct
{
  RapportPlatform platform;
  gboolean (*recognizes) (RapportArchive *archive);
  RapportImportFunc import;
} Importer;

static const Importer importers[] = {
  { RAPPORT_PLATFORM_TWITTER, rapport_twitter_recognizes, rapport_twitter_import },
  { RAPPORT_PLATFORM_TIKTOK, rapport_tiktok_recognizes, rapport_tiktok_import },
  { RAPPORT_PLATFORM_TIKTOK, rapport_tiktok_studio_recognizes, rapport_tiktok_studio_import },
  /* Before Instagram: Meta's exports share folder names (connections/, personal_information/),
   * and Facebook's recognizes itself only when no folder of Instagram's is there. */
  { RAPPORT_PLATFORM_FACEBOOK, rapport_facebook_recognizes, rapport_facebook_import },
  /* An Instagram export of which the creator asked for the Threads part alone: a Threads
   * account, not an empty Instagram one.  Its Threads part beside Instagram's: export_parts[]. */
  { RAPPORT_PLATFORM_THREADS, rapport_threads_recognizes_alone, rapport_threads_import },
  { RAPPORT_PLATFORM_INSTAGRAM, rapport_instagram_recognizes, rapport_instagram_import },
  { RAPPORT_PLATFORM_YOUTUBE, rapport_youtube_recognizes, rapport_youtube_import },
  { RAPPORT_PLATFORM_MASTODON, rapport_mastodon_recognizes, rapport_mastodon_import },
  { RAPPORT_PLATFORM_MEDIUM, rapport_medium_recognizes, rapport_medium_import },
  { RAPPORT_PLATFORM_LINKEDIN, rapport_linkedin_member_recognizes,
    rapport_linkedin_member_import },
  { RAPPORT_PLATFORM_BLUESKY, rapport_bluesky_recognizes, rapport_bluesky_import },
  /* Last: a data export that also holds an analytics file is the data export (an X archive
   * holding X's analytics exports is found first, above).  A Meta posts CSV names the account
   * and reads the Follows.csv beside it, so the posts CSVs come before the per-metric files,
   * which name no account; Instagram's before Facebook's, as the importer reads one and skips
   * the other.  Studio's files come last, since a lone Totals.csv or Subscribers.csv says
   * least about itself. */
  { RAPPORT_PLATFORM_INSTAGRAM, rapport_meta_analytics_recognizes,
    rapport_meta_analytics_import },
  { RAPPORT_PLATFORM_FACEBOOK, rapport_meta_analytics_recognizes_facebook,
    rapport_meta_analytics_import_facebook },
  { RAPPORT_PLATFORM_INSTAGRAM, rapport_meta_daily_recognizes, rapport_meta_daily_import },
  { RAPPORT_PLATFORM_TWITTER, rapport_twitter_analytics_recognizes, rapport_twitter_import },
  { RAPPORT_PLATFORM_LINKEDIN, rapport_linkedin_analytics_recognizes,
    rapport_linkedin_analytics_import },
  { RAPPORT_PLATFORM_YOUTUBE, rapport_youtube_studio_recognizes,
    rapport_youtube_studio_import },
};

/* Exports that hold a second account: Meta's Instagram export carries the creator's Threads
 * profile, which imports as an account of its own, into a snapshot of its own in the same
 * transaction (rapport_store_import_add_part()). */
typedef struct
{
  RapportImportFunc import;
  const char *name;
  gboolean (*recognizes) (RapportArchive *archive);
  RapportImportFunc import_part;
} Part;

static const Part export_parts[] = {
  { rapport_instagram_import, "threads", rapport_threads_recognizes, rapport_threads_import },
};

/* The second account @archive holds beside the one @import_func reads, or NULL. */
static const Part *
find_part (RapportArchive    *archive,
           RapportImportFunc  import_func)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_parts); i++)
    {
      if (export_parts[i].import == import_func && export_parts[i].recognizes (archive))
        return &export_parts[i];
    }
  return NULL;
}

/* The progress of an export's passes, one account each, counted on from pass to pass: the
 * records read never go back. */
typedef struct
{
  RapportImportProgressFunc func;
  gpointer data;
  guint64 base;
  guint64 last;
} PassProgress;

static void
pass_progress (const char *entry_name,
               guint64     records_read,
               gpointer    user_data)
{
  PassProgress *progress = user_data;

  progress->last = progress->base + records_read;
  progress->func (entry_name, progress->last, progress->data);
}

/* Runs @import_func into @target through a queue: the store writes on a thread of its own while
 * the importer reads on. */
static gboolean
run_importer (RapportImportFunc   import_func,
              RapportArchive     *archive,
              RapportImportSink  *target,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(RapportImportQueue) queue = rapport_import_queue_new (target);

  return import_func (archive, rapport_import_queue_get_sink (queue), cancellable, error) &&
         rapport_import_queue_finish (queue, error);
}

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
                 "exports of Instagram (JSON or HTML), Facebook (JSON), X/Twitter (the archive, "
                 "or an analytics CSV of posts or of the account overview), TikTok (JSON, or "
                 "TikTok Studio's CSV or XLSX), YouTube (Google Takeout, or YouTube Studio's "
                 "CSV), LinkedIn (the member data export, or the creator analytics' XLSX), "
                 "Mastodon (the account archive, or following_accounts.csv), Medium (the zip of "
                 "HTML pages), Bluesky (the repository's CAR file) and Threads (inside the "
                 "Instagram export, as JSON), and from Meta Business Suite the posts CSV of "
                 "Instagram or Facebook and Follows.csv."),
               rapport_archive_get_name (archive),
               n_entries > 0 ? found->str : _("no files"));
  return RAPPORT_PLATFORM_UNKNOWN;
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
  const char * const paths[] = { path, NULL };

  g_return_val_if_fail (path != NULL, FALSE);

  return rapport_import_paths_full (store, paths, progress_func, progress_data, summary,
                                    cancellable, error);
}

/* glibc raises its threshold for serving large blocks from the system to the size of the
 * largest one freed (the store frees chunks of a megabyte for each run of followers), and
 * then keeps in its heaps of every thread what the batches of an import freed there: a
 * million followers took 94 MB for files of 53 MB.  A fixed threshold hands such blocks back
 * when freed: 67 MB. */
static void
bound_heaps (void)
{
#ifdef __GLIBC__
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_MMAP_THRESHOLD, 256 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

gboolean
rapport_import_paths_full (RapportStore               *store,
                           const char * const         *paths,
                           RapportImportProgressFunc   progress_func,
                           gpointer                    progress_data,
                           RapportImportSummary       *summary,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autoptr(RapportArchive) archive = NULL;
  g_autofree char *sample_hash = NULL;
  g_autofree char *content_hash = NULL;
  RapportExportHash *hashing = NULL;
  RapportImportFunc import_func = NULL;
  RapportStoreImport *import;
  const Part *part;
  RapportImportSink *part_sink = NULL;
  PassProgress progress = { progress_func, progress_data, 0, 0 };
  gboolean ok;
  gboolean maybe_imported = FALSE;
  RapportPlatform platform;
  gint64 fallback_at;
  RapportDateSource fallback_source;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, FALSE);

  bound_heaps ();
  if (!(archive = rapport_archive_open_many (paths, error)))
    return FALSE;
  if ((platform = rapport_import_detect (archive, &import_func, error)) ==
      RAPPORT_PLATFORM_UNKNOWN)
    return FALSE;
  g_debug ("%s: a %s export", rapport_archive_get_name (archive),
           rapport_platform_to_string (platform));
  if (!(sample_hash = rapport_export_sample_hash (archive, cancellable, error)) ||
      !rapport_store_has_sample_hash (store, sample_hash, &maybe_imported, error))
    return FALSE;

  /* Every byte is hashed while the export imports; only an export that may have been imported
   * before waits for the hash first. */
  hashing = rapport_export_hash_start (paths, cancellable);
  if (maybe_imported)
    {
      content_hash = rapport_export_hash_finish (g_steal_pointer (&hashing), error);
      if (content_hash == NULL)
        return FALSE;
    }

  if (!(import = rapport_store_begin_import (store, rapport_archive_get_name (archive),
                                             sample_hash, content_hash, summary, error)))
    {
      rapport_export_hash_abandon (hashing);
      return FALSE;
    }

  if (progress_func != NULL)
    rapport_store_import_set_progress_func (import, pass_progress, &progress);
  rapport_store_import_set_churn_func (import, count_churn_step, NULL);

  /* Importers set the export date when the export states it; otherwise the file's time. */
  fallback_at = rapport_archive_get_mtime (archive);
  fallback_source = RAPPORT_DATE_SOURCE_FILE_TIME;
  rapport_store_import_set_fallback_date (import, fallback_at, fallback_source);

  /* One export, two accounts: either both are stored or neither. */
  part = find_part (archive, import_func);
  ok = (part == NULL || rapport_store_import_add_part (import, part->name, &part_sink, error)) &&
       run_importer (import_func, archive, rapport_store_import_get_sink (import), cancellable,
                     error);
  /* The second pass counts on from the first. */
  progress.base = progress.last;
  ok = ok &&
       (part_sink == NULL ||
        run_importer (part->import_part, archive, part_sink, cancellable, error)) &&
       /* The posts' pictures once their posts are in, in the same transaction. */
       rapport_thumbnail_import (import, archive, cancellable, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (!ok)
    {
      rapport_store_import_abort (import);
      rapport_export_hash_abandon (hashing);
      return FALSE;
    }

  if (content_hash == NULL &&
      !(content_hash = rapport_export_hash_finish (g_steal_pointer (&hashing), error)))
    {
      rapport_store_import_abort (import);
      return FALSE;
    }
  /* Aborts the import when the same bytes were imported under other samples. */
  if (!rapport_store_import_set_content_hash (import, content_hash, summary, error))
    return FALSE;

  g_debug ("%s: read, committing", rapport_archive_get_name (archive));
  return rapport_store_import_commit (import, summary, error);
}

/* @format, from g_dngettext() at each call so that xgettext sees the messages, takes the
 * formatted count as its one %s: the compiler cannot check a format passed in this way. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
add_count (GPtrArray  *parts,
           guint64     count,
           const char *format)
{
  g_autofree char *number = NULL;

  if (count == 0)
    return;
  number = rapport_format_count ((gint64) MIN (count, G_MAXINT64));
  g_ptr_array_add (parts, g_strdup_printf (format, number));
}
#pragma GCC diagnostic pop

/* Each kind on its own: five posts among two thousand stories are five posts. */
static void
add_post_counts (GPtrArray             *parts,
                 const RapportSnapshot *snapshot)
{
  add_count (parts, snapshot->n_posts,
             g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts", snapshot->n_posts));
  add_count (parts, snapshot->n_reels,
             g_dngettext (GETTEXT_PACKAGE, "%s reel", "%s reels", snapshot->n_reels));
  add_count (parts, snapshot->n_stories,
             g_dngettext (GETTEXT_PACKAGE, "%s story", "%s stories", snapshot->n_stories));
  add_count (parts, snapshot->n_reposts,
             g_dngettext (GETTEXT_PACKAGE, "%s repost", "%s reposts", snapshot->n_reposts));
  add_count (parts, snapshot->n_archived,
             /* Translators: of the posts, reels and stories counted before, "3 archived" */
             g_dngettext (GETTEXT_PACKAGE, "%s archived", "%s archived", snapshot->n_archived));
}

static void
add_follower_days (GPtrArray             *parts,
                   const RapportSnapshot *snapshot)
{
  add_count (parts, snapshot->n_follower_days,
             /* Translators: days of follower totals or daily follows an analytics export gave */
             g_dngettext (GETTEXT_PACKAGE, "%s day of follower history",
                          "%s days of follower history", snapshot->n_follower_days));
}

char *
rapport_snapshot_describe_contents (const RapportSnapshot *snapshot)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (snapshot != NULL, NULL);

  add_post_counts (parts, snapshot);
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("no posts")));
  add_follower_days (parts, snapshot);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ",
                            (const char *) g_ptr_array_index (parts, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The lists and posts an export of the platform can hold and this one did not, and where the
 * creator asks for them. */
char *
rapport_import_summary_describe_missing (const RapportImportSummary *summary)
{
  const RapportSnapshot *snapshot;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) text = NULL;
  const char *how = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  snapshot = &summary->snapshot;
  switch (summary->platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      /* Translators: where Instagram's missing parts come from */
      how = _("request them in Accounts Center → Your information and permissions → Download "
              "your information, with “All time” and the categories “Followers and following” "
              "and “Content”");
      break;
    case RAPPORT_PLATFORM_TWITTER:
      how = _("request the whole archive in Settings → Your account → Download an archive of "
              "your data");
      break;
    case RAPPORT_PLATFORM_TIKTOK:
      how = _("request all data, as JSON, in Settings and privacy → Account → Download your "
              "data");
      break;
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return NULL;
    }

  /* An analytics file is not a data export missing its parts: it says where the lists are. */
  if (!snapshot->has_followers && !snapshot->has_following && snapshot->n_follower_days > 0)
    /* Translators: after importing an analytics file, "…: request them in …" */
    return g_strdup_printf (_("Lists of followers and of accounts followed come with the data "
                              "export: %s."), how);

  if (!snapshot->has_followers)
    g_ptr_array_add (missing, _("no list of followers"));
  if (!snapshot->has_following)
    g_ptr_array_add (missing, _("no list of accounts followed"));
  if (snapshot->n_posts + snapshot->n_reels + snapshot->n_stories + snapshot->n_reposts == 0)
    g_ptr_array_add (missing, _("no posts"));
  if (missing->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ",
                            (const char *) g_ptr_array_index (missing, i));
  /* Translators: "This export has no list of followers, no posts: request them in …" */
  return g_strdup_printf (_("This export has %s: %s."), text->str, how);
}

/* "Instagram · @jo · exported 31 Jul 2022 · 1,204 followers, 318 posts" into @text, without
 * the date when @with_date is FALSE. */
static void
describe_account (GString                    *text,
                  const RapportImportSummary *summary,
                  gboolean                    with_date)
{
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* The line goes to a terminal as well as to a toast: the export's name is made safe here. */
  name = rapport_format_name (summary->platform, summary->handle);
  handle = rapport_escape_for_terminal (name, FALSE);
  g_string_append_printf (text, "%s · %s", rapport_platform_display_name (summary->platform),
                          handle);

  /* An export of unknown date says nothing of it. */
  date = rapport_format_day (summary->snapshot.exported_at);
  if (with_date && !g_str_equal (date, RAPPORT_FORMAT_NONE))
    /* Translators: "exported 31 Jul 2022" */
    g_string_append_printf (text, _(" · exported %s"), date);

  /* LinkedIn's two lists are one list of connections. */
  if (summary->snapshot.has_followers &&
      !rapport_platform_lists_count_followers (summary->platform))
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%'" PRIu64 " connection",
                                                          "%'" PRIu64 " connections",
                                                          summary->snapshot.n_followers),
                                             summary->snapshot.n_followers));
  else if (summary->snapshot.has_followers)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " follower",
                                                          "%'" PRIu64 " followers",
                                                          summary->snapshot.n_followers),
                                             summary->snapshot.n_followers));
  if (summary->snapshot.has_following &&
      rapport_platform_lists_count_followers (summary->platform))
    g_ptr_array_add (parts, g_strdup_printf (_("%'" PRIu64 " following"),
                                             summary->snapshot.n_following));
  add_post_counts (parts, &summary->snapshot);
  add_follower_days (parts, &summary->snapshot);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? " · " : ", ",
                            (char *) g_ptr_array_index (parts, i));
}

char *
rapport_import_summary_describe (const RapportImportSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  describe_account (text, summary, TRUE);
  /* The second account of the same export, of the same date. */
  if (summary->companion != NULL)
    {
      g_string_append (text, "; ");
      describe_account (text, summary->companion, FALSE);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
