/* rapport-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one owner of the SQLite connection.  Only store/ talks SQL.
 */

#pragma once

#include <gio/gio.h>

#include "core/rapport-dataset.h"
#include "core/rapport-records.h"
#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

#define RAPPORT_STORE_ERROR (rapport_store_error_quark ())

/* Only CORRUPT means the file itself is bad, and only then is it moved aside; every other
 * kind leaves the database where and as it is. */
typedef enum
{
  RAPPORT_STORE_ERROR_OPEN,       /* the database cannot be opened or created */
  RAPPORT_STORE_ERROR_CORRUPT,    /* the file is not a Rapport database, or is damaged */
  RAPPORT_STORE_ERROR_TOO_NEW,    /* written by a newer Rapport */
  RAPPORT_STORE_ERROR_FAILED,     /* an SQLite error while reading or writing */
  RAPPORT_STORE_ERROR_DUPLICATE,  /* this very export was imported before */
  RAPPORT_STORE_ERROR_BUSY,       /* another program held a lock on it for too long */
  RAPPORT_STORE_ERROR_FULL,       /* the disk or the quota is full */
  RAPPORT_STORE_ERROR_READ_ONLY,  /* the file, its folder or the file system is read-only */
  RAPPORT_STORE_ERROR_PERMISSION, /* this user may not open or write it */
} RapportStoreError;

/* The schema version this build writes; migrations bring every earlier one up to it. */
#define RAPPORT_STORE_SCHEMA_VERSION 11

typedef struct
{
  gint64 id;
  RapportPlatform platform;
  char *handle;
  char *platform_id;
  char *display_name;
  guint n_snapshots;
  gint64 last_exported_at; /* 0 when no snapshot */
  gint64 followers;        /* follower list size of the newest snapshot, else (and always where
                            * the lists are connections) the newest stated total (an analytics
                            * export, a profile); -1 when unknown */
  gint64 following;        /* -1 when unknown */
  gint64 posts;
  gboolean provisional;    /* the handle is a stand-in: no file named the account */
  gboolean refresh_enabled; /* the creator allows refreshing it from the web */
  gint64 last_refreshed_at; /* when a refresh from the web was stored last; 0 for never */
} RapportAccount;

typedef struct
{
  gint64 id;
  gint64 account_id;
  char *source_name;
  gint64 exported_at;
  RapportDateSource date_source;
  gint64 imported_at;
  gboolean has_followers;
  gboolean has_following;
  guint64 n_followers;
  guint64 n_following;
  guint64 n_posts;          /* feed posts: photos, videos, carousels, text posts, replies */
  guint64 n_reels;
  guint64 n_stories;
  guint64 n_reposts;
  guint64 n_archived;       /* of all those, how many the creator archived */
  guint64 n_interactions;
  guint64 n_follower_days;  /* days of follower totals or gains an analytics export gave */
  guint64 n_skipped;
} RapportSnapshot;

/* What one import did, for the toast and the command line. */
typedef struct _RapportImportSummary RapportImportSummary;

struct _RapportImportSummary
{
  gboolean already_imported; /* nothing was written: the same export is in the store */
  gboolean provisional;      /* the account's handle is a stand-in (RapportAccount) */
  RapportPlatform platform;
  char *handle;
  char *display_name;
  gint64 account_id;
  RapportSnapshot snapshot;
  char *first_skip; /* "entry: reason" of the first skipped record, or NULL */
  /* The second account the export held, imported with it (Threads inside an Instagram
   * export), or NULL */
  RapportImportSummary *companion;
};

/* An account the creator keeps on purpose (rapport-store-keep.c). */
typedef struct
{
  char *platform_id; /* NULL when kept by name */
  char *handle;      /* as the newest following list or the creator names it; NULL for an id
                      * never named */
  gint64 kept_at;    /* when it was kept, Unix seconds; ignored when keeping */
} RapportKeptAccount;

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

typedef struct _RapportStoreImport RapportStoreImport;

/* What an import is reading, for a progress indicator; called in the importing thread. */
typedef void (*RapportImportProgressFunc) (const char *entry_name,
                                           guint64     records_read,
                                           gpointer    user_data);

GQuark                rapport_store_error_quark        (void);

/* The database file of @data_dir, whether or not it exists. */
char                 *rapport_store_dup_database_path  (const char            *data_dir);
/* Deletes the database of @data_dir and its journal files, when there are any; nothing else
 * in the folder is touched.  Only for a database of Rapport's own, such as the sample data's. */
gboolean              rapport_store_delete_database    (const char            *data_dir,
                                                        GError               **error);
/* Opens (creating it if needed) the database of @data_dir and migrates it to the current
 * schema. */
RapportStore         *rapport_store_open               (const char            *data_dir,
                                                        GError               **error);
/* Whether the database of @data_dir was written by an older schema, which rapport_store_open()
 * upgrades first: seconds for years of exports.  FALSE when there is none yet, or it cannot be
 * read now (the open says why). */
gboolean              rapport_store_needs_upgrade      (const char            *data_dir);
const char           *rapport_store_get_path           (RapportStore          *self);
int                   rapport_store_get_schema_version (RapportStore          *self);

/* One import = one transaction.  An export is identified by two hashes: @sample_hash of a few
 * samples, known at once, and @content_hash of every byte, which may come later, before the
 * commit (rapport_store_import_set_content_hash()).  begin_import() fails with
 * RAPPORT_STORE_ERROR_DUPLICATE when the same export is stored, filling @summary_out from
 * that earlier import; rapport_store_has_sample_hash() says whether the full hash is needed
 * for that. */
gboolean              rapport_store_has_sample_hash    (RapportStore          *self,
                                                        const char            *sample_hash,
                                                        gboolean              *found,
                                                        GError               **error);
RapportStoreImport   *rapport_store_begin_import       (RapportStore          *self,
                                                        const char            *source_name,
                                                        const char            *sample_hash,
                                                        const char            *content_hash,
                                                        RapportImportSummary  *summary_out,
                                                        GError               **error);
/* Sets the hash of every byte when begin_import() did not have it; fails with
 * RAPPORT_STORE_ERROR_DUPLICATE (and aborts and frees @import) when that export is stored. */
gboolean              rapport_store_import_set_content_hash (RapportStoreImport *import,
                                                        const char            *content_hash,
                                                        RapportImportSummary  *summary_out,
                                                        GError               **error);
RapportImportSink    *rapport_store_import_get_sink    (RapportStoreImport    *import);
/* Records the fallback export date used when the importer found none. */
void                  rapport_store_import_set_fallback_date (RapportStoreImport *import,
                                                        gint64                 exported_at,
                                                        RapportDateSource      source);
void                  rapport_store_import_set_progress_func (RapportStoreImport *import,
                                                        RapportImportProgressFunc func,
                                                        gpointer               user_data);
/* Counts a step of the follower lists from what differs between them (@diff, whose
 * following_id names the export its still_followed was looked up in); @counts has the ids. */
typedef void        (*RapportChurnCountFunc)           (const RapportFollowerDiff *diff,
                                                        RapportChurnCounts    *counts,
                                                        gpointer               user_data);
/* With a count function, an import that adds a follower list counts the steps into and out of
 * it, and any other step of the account not counted yet, and keeps the counts, in its own
 * transaction; the dataset then reads older steps as counts (rapport_store_load_dataset()). */
void                  rapport_store_import_set_churn_func (RapportStoreImport *import,
                                                        RapportChurnCountFunc  func,
                                                        gpointer               user_data);
/* A second account in the same export (Threads inside an Instagram export): a snapshot of its
 * own, known by the export's content hash with ":@part_name" appended, written through
 * *@sink_out in @import's transaction and committed or rolled back with it; the commit's
 * summary has it as its companion.  *@sink_out is NULL when that part of the export is stored
 * already (its first account was deleted since).  Once per import, before the commit. */
gboolean              rapport_store_import_add_part    (RapportStoreImport    *import,
                                                        const char            *part_name,
                                                        RapportImportSink    **sink_out,
                                                        GError               **error);
/* A picture the importer named (rapport_import_sink_add_post_image()) of a post stored by
 * this import that has no thumbnail yet: the row id of the post and the archive entry. */
typedef struct
{
  gint64 post_id;
  char *entry;
} RapportStoreImage;

/* The pictures named so far, of this import and its part, in order, whose posts need a
 * thumbnail; the import forgets them.  Free with g_ptr_array_unref(); NULL with @error set
 * when the posts waiting to be written cannot be. */
GPtrArray            *rapport_store_import_take_images (RapportStoreImport    *import,
                                                        GError               **error);
/* Keeps @data (a JPEG or PNG of @mime_type, @width × @height pixels) as the thumbnail of the
 * post @post_id, in the import's transaction. */
gboolean              rapport_store_import_set_thumbnail (RapportStoreImport  *import,
                                                        gint64                 post_id,
                                                        const char            *mime_type,
                                                        guint                  width,
                                                        guint                  height,
                                                        GBytes                *data,
                                                        GError               **error);
/* Commits and frees @import; on failure everything is rolled back.  Its follower figures join
 * the stored ones here, where its export date is final: of two exports that count a day, the
 * newer one's stays (the later export date, then the later import), whatever the order. */
gboolean              rapport_store_import_commit      (RapportStoreImport    *import,
                                                        RapportImportSummary  *summary_out,
                                                        GError               **error);
/* Rolls back and frees @import. */
void                  rapport_store_import_abort       (RapportStoreImport    *import);

/* Read queries. */
/* The thumbnail of the post with row id @post_id (RapportDatasetPost.id), NULL without error
 * when it has none; *@mime_type (if not NULL) is set to its type. */
GBytes               *rapport_store_get_post_thumbnail (RapportStore          *self,
                                                        gint64                 post_id,
                                                        char                 **mime_type,
                                                        GError               **error);
/* Whether any post of @account_id has a thumbnail, in *@any. */
gboolean              rapport_store_account_has_thumbnails (RapportStore      *self,
                                                        gint64                 account_id,
                                                        gboolean              *any,
                                                        GError               **error);
GPtrArray            *rapport_store_list_accounts      (RapportStore          *self,
                                                        GError               **error);
GPtrArray            *rapport_store_list_snapshots     (RapportStore          *self,
                                                        gint64                 account_id,
                                                        GError               **error);
/* Reads that must agree with each other: see rapport-store-dataset.c. */
gboolean              rapport_store_begin_read         (RapportStore          *self,
                                                        GError               **error);
void                  rapport_store_end_read           (RapportStore          *self);
/* Everything the analysis needs about one account: the newest follower and following lists
 * (and the newest pair of one export), what differs between the newest follower list and the
 * one before it, and of every older step its kept counts, or what differs where none are kept
 * (see rapport-store-dataset.c). */
RapportDataset       *rapport_store_load_dataset       (RapportStore          *self,
                                                        gint64                 account_id,
                                                        GError               **error);
/* The same with every export's lists whole: for tests and checks, which compare the two. */
RapportDataset       *rapport_store_load_dataset_every_list (RapportStore     *self,
                                                        gint64                 account_id,
                                                        GError               **error);
/* The same without any list: what the store counted of them (see rapport-store-dataset.c). */
RapportDataset       *rapport_store_load_dataset_summary (RapportStore        *self,
                                                          gint64               account_id,
                                                          GError             **error);
/* How many accounts are in the follower list of one snapshot and the following list of
 * another (or the same), without reading either list. */
gboolean              rapport_store_count_mutuals      (RapportStore          *self,
                                                        gint64                 followers_id,
                                                        gint64                 following_id,
                                                        guint64               *n_mutuals_out,
                                                        GError               **error);
/* Coach suggestion state ("dismissed", "done") by suggestion key, for a scope: an account id in
 * decimal, or "all".  It outlives re-imports; setting NULL forgets the state. */
GHashTable           *rapport_store_get_suggestion_states (RapportStore       *self,
                                                        const char            *scope,
                                                        GError               **error);
gboolean              rapport_store_set_suggestion_state (RapportStore        *self,
                                                        const char            *scope,
                                                        const char            *suggestion,
                                                        const char            *state,
                                                        GError               **error);
gboolean              rapport_store_delete_account     (RapportStore          *self,
                                                        gint64                 account_id,
                                                        GError               **error);
/* Gives the account the handle the creator knows it by; it is no longer provisional.  Fails
 * when another account of the platform has that handle (merge them instead). */
gboolean              rapport_store_rename_account     (RapportStore          *self,
                                                        gint64                 account_id,
                                                        const char            *handle,
                                                        GError               **error);
/* Moves everything of account @from_id (snapshots, posts and their history, follower counts,
 * interactions, kept accounts) into @into_id, of the same platform, and removes @from_id.  A
 * day both have follower figures of keeps the newer export's, as an import does.  A
 * provisional @into_id takes the name of a named @from_id. */
gboolean              rapport_store_merge_accounts     (RapportStore          *self,
                                                        gint64                 from_id,
                                                        gint64                 into_id,
                                                        GError               **error);

/* Refreshes from the web (rapport-store-live.c): whether the creator allows them for an
 * account, and when one was stored last (0 for never). */
gboolean              rapport_store_set_refresh_enabled (RapportStore       *self,
                                                        gint64                 account_id,
                                                        gboolean               enabled,
                                                        GError               **error);
gboolean              rapport_store_get_refresh        (RapportStore          *self,
                                                        gint64                 account_id,
                                                        gboolean              *enabled_out,
                                                        gint64                *last_at_out,
                                                        GError               **error);
/* The ids of the accounts whose refresh is allowed, as gint64. */
GArray               *rapport_store_list_refreshed_accounts (RapportStore     *self,
                                                        GError               **error);

/* The accounts the creator keeps, per account: left out of the reciprocity reviews, kept
 * across re-imports and handle changes (rapport-store-keep.c). */
gboolean              rapport_store_set_kept           (RapportStore          *self,
                                                        gint64                 account_id,
                                                        const RapportKeptAccount *accounts,
                                                        guint                  n_accounts,
                                                        gboolean               kept,
                                                        guint                 *n_changed_out,
                                                        GError               **error);
/* RapportKeptAccount, by name. */
GPtrArray            *rapport_store_list_kept          (RapportStore          *self,
                                                        gint64                 account_id,
                                                        GError               **error);

void                  rapport_account_free             (RapportAccount        *account);
void                  rapport_snapshot_free            (RapportSnapshot       *snapshot);
void                  rapport_import_summary_clear     (RapportImportSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportAccount, rapport_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSnapshot, rapport_snapshot_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportImportSummary, rapport_import_summary_clear)

G_END_DECLS
