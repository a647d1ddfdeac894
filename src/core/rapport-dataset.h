/* rapport-dataset.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the analysis needs about one account, read from the store in one go.  Plain data,
 * no SQL and no GTK, so the analysis is a set of pure functions over it and tests can build a
 * dataset by hand.
 */

#pragma once

#include "core/rapport-records.h"

G_BEGIN_DECLS

/* One account in a follower or following list.  Lists are sorted by 'who' (byte order), the
 * comparable identity: the platform id where only ids exist or the platform lists ids (X), else
 * the lower-cased handle. */
typedef struct
{
  const char *who;
  const char *handle;      /* as exported or named by the posts; NULL when unknown */
  const char *platform_id; /* NULL when the export has only names */
  gint64 since;            /* Unix seconds, 0 when unknown */
} RapportPerson;

typedef struct
{
  RapportPerson *items;
  gsize len;
  gsize capacity;
  GStringChunk *strings;   /* owns the strings of items */
} RapportPeople;

/* How many of a follower list's accounts followed on one day. */
typedef struct
{
  gint64 day; /* Unix seconds at 00:00 UTC */
  gint64 n;
} RapportFollowDay;

/* How an export's follower list differs from the previous export's (the previous one with a
 * follower list, by export date) when that list itself is not loaded: the accounts either list
 * has that the other lacks are enough to count and name the followers gained and lost. */
typedef struct
{
  gint64 older_id;               /* the previous export's snapshot id */
  RapportPeople *left;           /* in the older list and not, or not alike, in this one */
  RapportPeople *joined;         /* in this list and not, or not alike, in the older one */
  /* Those of @left in the following list of the export @following_id (this one's where it has
   * that list, else the older one's; 0 when neither has it). */
  RapportPeople *still_followed;
  gint64 following_id;
} RapportFollowerDiff;

/* What one follow list held, beside its size: the store counts it at the import, so that the
 * summary (rapport_store_load_dataset_summary()) reads no list at all.  Named is as the export
 * named them: the details may know more names (Bluesky's DIDs, named by other exports). */
typedef struct
{
  guint64 n_listed;
  guint64 n_dated;   /* with a follow date in range */
  guint64 n_with_id; /* with a platform id */
  guint64 n_named;   /* with a platform id and a handle */
} RapportListCounts;

/* A step of the follower lists counted before, at the import that made it (the store keeps
 * these, so older steps need neither list). */
typedef struct
{
  gint64 older_id;
  gint64 newer_id;
  guint64 n_gained;
  guint64 n_lost;
  guint64 n_renamed;
  guint64 n_refollowed;
  gint64 n_dropped_after_follow_back; /* -1 when neither export has a following list */
  gint64 following_id;                /* the export whose following list was looked in; 0 */
} RapportChurnCounts;

typedef struct
{
  gint64 id;
  gint64 exported_at;
  RapportDateSource date_source;
  char *source_name;
  /* NULL when the export did not contain that list, or when the store left the list out (it
   * reads only the newest, and a summary none): then the flag below says whether it had one,
   * with its size, list_counts what it held, and follow_days its follow dates. */
  RapportPeople *followers;
  RapportPeople *following;
  gboolean has_followers;
  gboolean has_following;
  guint64 n_followers;
  guint64 n_following;
  /* Of a left-out list, by RapportDirection, as the store counted them. */
  RapportListCounts list_counts[2];
  GArray *follow_days;     /* RapportFollowDay by day, or NULL; for a left-out follower list */
  /* The step into this export's follower list from the previous one, where that list is left
   * out: what differs between them, or only the counts kept of it; each NULL when not read. */
  RapportFollowerDiff *follower_diff;
  RapportChurnCounts *churn_counts;
  /* What else it brought: its posts of every kind, and days of follower totals or gains. */
  guint64 n_posts;
  guint64 n_follower_days;
} RapportDatasetSnapshot;

typedef struct
{
  gint64 id;
  char *platform_id;
  RapportPostType type;
  gint64 created_at;
  gint64 time_unit;  /* how precisely created_at is known, in seconds: 1, 60 or 86400 */
  char *text;
  char *url;
  /* RAPPORT_COUNT_UNKNOWN where no export said. */
  gint64 likes;
  gint64 comments;
  gint64 shares;
  gint64 saves;
  gint64 replies;
  gint64 quotes;
  gint64 views;
  gint64 impressions;
  gint64 reach;
  gint64 engagements;
  gint64 follows;
  char **hashtags; /* NULL-terminated, never NULL */
  char **mentions; /* NULL-terminated, never NULL */
} RapportDatasetPost;

typedef struct
{
  RapportInteractionKind kind;
  char *target;    /* lower-cased handle, NULL when unknown */
  gint64 at;
} RapportDatasetInteraction;

/* The accounts the creator keeps on purpose (friends, family, brands): left out of the
 * not-following-back review and of the coach's reciprocity advice.  Each is known by its
 * platform id where that is known, which survives a change of handle, else by its lower-cased
 * handle, as the 'who' of the follow lists compares. */
typedef struct
{
  RapportPeople *by_id;     /* who = platform id; handle = as it was kept */
  RapportPeople *by_handle; /* who = lower-cased handle; platform_id set where kept by id */
  gsize len;                /* how many accounts are kept */
} RapportKeepSet;

typedef struct
{
  gint64 account_id;
  RapportPlatform platform;
  char *handle;
  char *display_name;

  GPtrArray *snapshots;    /* RapportDatasetSnapshot, oldest export first */
  GArray *counts;          /* RapportFollowerCount, by time; every real total (no reconstruction) */
  GArray *gains;           /* RapportFollowerGain, by day, one per day */
  GPtrArray *posts;        /* RapportDatasetPost, oldest first; reposts included, marked by type */
  GPtrArray *interactions; /* RapportDatasetInteraction */
  RapportKeepSet *kept;    /* never NULL */
  /* Where the exports name accounts by id alone (Bluesky's DIDs), the handles that a list or
   * a refresh of the account gave those ids: who = the platform id.  NULL when not loaded. */
  RapportPeople *names;
} RapportDataset;

/* Whether @snapshot's export had the list of @direction, loaded or left out. */
gboolean               rapport_dataset_snapshot_has_list (const RapportDatasetSnapshot *snapshot,
                                                          RapportDirection              direction);
/* The size of that list: the loaded list's, else the one stored. */
guint64                rapport_dataset_snapshot_list_size (const RapportDatasetSnapshot *snapshot,
                                                           RapportDirection              direction);
/* What that list held: counted in the loaded list, else as stored. */
void                   rapport_dataset_snapshot_count_list (const RapportDatasetSnapshot *snapshot,
                                                            RapportDirection              direction,
                                                            RapportListCounts            *counts);
RapportDataset        *rapport_dataset_new            (void);
void                   rapport_dataset_free           (RapportDataset        *dataset);
RapportPeople         *rapport_people_new             (gsize                  reserve);
/* Appends a person; the strings are copied.  Call rapport_people_sort() when done. */
void                   rapport_people_add             (RapportPeople         *people,
                                                       const char            *who,
                                                       const char            *handle,
                                                       const char            *platform_id,
                                                       gint64                 since);
void                   rapport_people_sort            (RapportPeople         *people);
/* Binary search by 'who'; NULL when absent. */
const RapportPerson   *rapport_people_find            (const RapportPeople   *people,
                                                       const char            *who);
void                   rapport_people_free            (RapportPeople         *people);
RapportDatasetPost    *rapport_dataset_post_new       (void);
void                   rapport_dataset_post_free      (RapportDatasetPost    *post);
RapportDatasetSnapshot *rapport_dataset_snapshot_new  (void);
RapportFollowerDiff   *rapport_follower_diff_new      (gint64                 older_id);
void                   rapport_follower_diff_free     (RapportFollowerDiff   *diff);
void                   rapport_dataset_snapshot_free  (RapportDatasetSnapshot *snapshot);
RapportKeepSet        *rapport_keep_set_new           (void);
/* Adds an account kept by @platform_id (may be NULL) and @handle (may be NULL where the id is
 * known); the strings are copied.  Call rapport_keep_set_sort() when done. */
void                   rapport_keep_set_add           (RapportKeepSet        *set,
                                                       const char            *platform_id,
                                                       const char            *handle,
                                                       gint64                 kept_at);
void                   rapport_keep_set_sort          (RapportKeepSet        *set);
/* Empties @set in place: what points to it sees the accounts added next. */
void                   rapport_keep_set_clear         (RapportKeepSet        *set);
/* Whether @person of a follow list is kept: by the same platform id, or by the same handle
 * where either side has no id (the same handle under another id is someone else). */
gboolean               rapport_keep_set_contains      (const RapportKeepSet  *set,
                                                       const RapportPerson   *person);
void                   rapport_keep_set_free          (RapportKeepSet        *set);
/* Whether the size of an exported follower list is the follower count: not on LinkedIn, whose
 * lists are the connections, a part of the audience the creator analytics count. */
gboolean               rapport_platform_lists_count_followers (RapportPlatform platform);
/* The newest snapshot that holds a follower (or following) list, or NULL. */
const RapportDatasetSnapshot *rapport_dataset_latest_with_list (const RapportDataset *dataset,
                                                                RapportDirection      direction);
/* The newest snapshot whose export had that list, loaded or left out, or NULL. */
const RapportDatasetSnapshot *rapport_dataset_latest_listed    (const RapportDataset *dataset,
                                                                RapportDirection      direction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDataset, rapport_dataset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportFollowerDiff, rapport_follower_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportPeople, rapport_people_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportKeepSet, rapport_keep_set_free)

G_END_DECLS
