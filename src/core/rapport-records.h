/* rapport-records.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The normalized records that importers hand to the store.  They are plain structs because
 * millions of them pass through an import; the importer owns each record and the sink copies
 * what it keeps.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A count the export does not provide.  Zero is a real value. */
#define RAPPORT_COUNT_UNKNOWN ((gint64) -1)

/*
 * The values Rapport accepts.  The importer boundary (rapport-import-sink.c) skips a record with
 * a value outside them, naming the field and the value, and the store's dataset loader
 * (rapport-store-dataset.c) drops what an older version or a crafted database holds outside
 * them, so the analysis only ever sees values in range.
 *
 * Times: Unix seconds from 2004-01-01 00:00 UTC, before any of these platforms, to two days
 * after now (rapport_time_max()): an export describes the past, and two days leave room for
 * time zones and a clock a little ahead.  Where a date is optional, 0 means unknown.
 * Counts: 0 to 10^12, or RAPPORT_COUNT_UNKNOWN where a count may be unknown.
 */
#define RAPPORT_TIME_MIN        G_GINT64_CONSTANT (1072915200)
#define RAPPORT_TIME_AHEAD_DAYS 2
#define RAPPORT_COUNT_MAX       G_GINT64_CONSTANT (1000000000000)
#define RAPPORT_SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

typedef enum
{
  RAPPORT_PLATFORM_UNKNOWN,
  RAPPORT_PLATFORM_INSTAGRAM,
  RAPPORT_PLATFORM_TWITTER,
  RAPPORT_PLATFORM_TIKTOK,
  RAPPORT_PLATFORM_MASTODON,
  RAPPORT_PLATFORM_BLUESKY,
  RAPPORT_PLATFORM_THREADS,
  RAPPORT_PLATFORM_LINKEDIN,
  RAPPORT_PLATFORM_YOUTUBE,
  RAPPORT_PLATFORM_FACEBOOK,
  RAPPORT_PLATFORM_MEDIUM,
} RapportPlatform;

typedef enum
{
  RAPPORT_DIRECTION_FOLLOWER,  /* they follow the creator */
  RAPPORT_DIRECTION_FOLLOWING, /* the creator follows them */
} RapportDirection;

typedef enum
{
  RAPPORT_POST_PHOTO,
  RAPPORT_POST_VIDEO,
  RAPPORT_POST_REEL,
  RAPPORT_POST_CAROUSEL,
  RAPPORT_POST_TEXT,
  RAPPORT_POST_REPLY,
  RAPPORT_POST_REPOST,
  RAPPORT_POST_STORY,
} RapportPostType;

typedef enum
{
  RAPPORT_COUNT_SOURCE_SNAPSHOT,       /* size of an exported follower list */
  RAPPORT_COUNT_SOURCE_PROFILE,        /* a total the profile states */
  RAPPORT_COUNT_SOURCE_INSIGHTS,       /* professional-account insights */
  RAPPORT_COUNT_SOURCE_LIVE,           /* an opt-in refresh of public counts */
  RAPPORT_COUNT_SOURCE_RECONSTRUCTION, /* follow dates of current followers: a lower bound */
  RAPPORT_COUNT_SOURCE_ANALYTICS,      /* a daily total of a creator analytics export */
} RapportCountSource;

typedef enum
{
  RAPPORT_DATE_SOURCE_UNKNOWN,
  RAPPORT_DATE_SOURCE_MANIFEST,         /* the export says when it was made */
  RAPPORT_DATE_SOURCE_PAYLOAD_DETAILS,  /* created_at of an old X archive's payload_details.js */
  RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP, /* the newest timestamp found inside */
  RAPPORT_DATE_SOURCE_ARCHIVE_NAME,     /* a date in the archive's file name */
  RAPPORT_DATE_SOURCE_FILE_TIME,        /* the file's modification time */
  RAPPORT_DATE_SOURCE_LIVE,             /* not an export: a refresh from the web, at its time */
} RapportDateSource;

typedef enum
{
  RAPPORT_INTERACTION_COMMENT,
  RAPPORT_INTERACTION_LIKE,
  RAPPORT_INTERACTION_REPOST, /* a boost, repost or quote of their post */
} RapportInteractionKind;

typedef struct
{
  RapportPlatform platform;
  const char *handle;       /* without '@'; NULL when unknown */
  const char *platform_id;  /* NULL when unknown */
  const char *display_name; /* NULL when unknown */
  gboolean provisional;     /* no file named the account: the handle is a stand-in */
} RapportAccountInfo;

/* One edge of the creator's graph.  Twitter gives only ids (the importer adds the names its
 * posts give), Instagram only names. */
typedef struct
{
  RapportDirection direction;
  const char *handle;      /* NULL when the export has only ids */
  const char *platform_id; /* NULL when the export has only names */
  gint64 since;            /* Unix seconds (UTC) when the follow began, 0 when unknown */
} RapportRelation;

typedef struct
{
  /* Unique per account.  Exports without ids use the creation time in decimal. */
  const char *platform_id;
  RapportPostType type;
  gint64 created_at; /* Unix seconds, UTC */
  const char *text;  /* NULL when none */
  const char *url;   /* NULL when none */

  /* RAPPORT_COUNT_UNKNOWN where the export does not say. */
  gint64 likes;
  gint64 comments;
  gint64 shares;
  gint64 saves;
  gint64 replies;
  gint64 quotes;
  gint64 views;
  gint64 impressions;
  gint64 reach;
  gint64 engagements; /* the platform's own total, where given (analytics CSV) */
  gint64 follows;     /* follows the post brought, where given */

  /* Lower-case, without '#' or '@'; NULL-terminated, may be NULL. */
  const char * const *hashtags;
  const char * const *mentions;

  gboolean archived; /* the creator archived it: still their post, hidden from the profile */
  /* created_at is known to the minute only, and platform_id is not the id other exports of
   * the platform use (Meta Business Suite's CSV): the store joins the post to one of the
   * account created within that minute, when there is exactly one. */
  gboolean minute_only;
  /* created_at is the day only, at 00:00 UTC (X's analytics exports since 2025): the store
   * never lets it replace a finer time of the same post, and a finer time replaces it (as it
   * does for minute_only). */
  gboolean day_only;
} RapportPost;

typedef struct
{
  gint64 at;    /* Unix seconds of the moment the count refers to */
  gint64 count;
  RapportCountSource source;
} RapportFollowerCount;

/* The follows and unfollows of one day as an analytics export counts them when it states no
 * total (Meta's Follows.csv, X's account overview, LinkedIn's new followers).  Such gains are
 * never a total themselves: the series carries a real total along them. */
typedef struct
{
  gint64 day;    /* Unix seconds at 00:00 UTC of the day */
  gint64 gained; /* new followers that day; RAPPORT_COUNT_UNKNOWN when not counted */
  gint64 lost;   /* followers lost that day; RAPPORT_COUNT_UNKNOWN when not counted */
} RapportFollowerGain;

/* A picture of one of the creator's posts, inside the export.  The import keeps a thumbnail
 * of it, so that it survives the export being deleted. */
typedef struct
{
  const char *post_id; /* the platform_id of a post handed over before */
  const char *entry;   /* the archive entry that holds the picture */
} RapportPostImage;

typedef struct
{
  RapportInteractionKind kind;
  const char *target_handle; /* whose content it was, NULL when unknown */
  gint64 at;                 /* Unix seconds, 0 when unknown */
  /* The comment; for a like or repost without a date, the URL of the post, so that two of
   * them on one account's posts stay two.  NULL when none. */
  const char *text;
} RapportInteraction;

void        rapport_post_init             (RapportPost     *post);
const char *rapport_platform_to_string    (RapportPlatform  platform);
const char *rapport_platform_display_name (RapportPlatform  platform);
RapportPlatform rapport_platform_from_string (const char   *name);
/* Whether the platform's follow lists know accounts by id (X/Twitter, YouTube, Bluesky): then an
 * account is compared by its id, which a rename keeps, even where a name for it is known. */
gboolean    rapport_platform_lists_ids    (RapportPlatform  platform);
/* Whether some export of the platform lists the account's followers: Mastodon's, Bluesky's,
 * YouTube's and Medium's list only the accounts followed. */
gboolean    rapport_platform_exports_followers (RapportPlatform platform);
/* Whether Rapport can refresh the platform's public figures from the web (net/): Bluesky's and
 * Mastodon's, which anyone may read without logging in. */
gboolean    rapport_platform_refreshes_from_web (RapportPlatform platform);
/* Whether the platform knows accounts by a handle, which people write after an "@": not
 * YouTube nor LinkedIn, whose exports name accounts by channel title, member name or profile
 * slug. */
gboolean    rapport_platform_has_handles  (RapportPlatform  platform);
/* Whether @name, as the store keeps an account's or a person's, can be a handle on @platform:
 * only the characters its handles have (no space), so that a display name, a channel title or
 * a stand-in made of an export's name ("tiktok-download") is none.  Mastodon's "user@host" is
 * one. */
gboolean    rapport_platform_is_handle    (RapportPlatform  platform,
                                           const char      *name);
/* The address of post @post_id of account @handle (may be NULL) where the platform makes it
 * from the id alone (X/Twitter), else NULL.  The store keeps no address it can make again. */
char       *rapport_platform_post_url     (RapportPlatform  platform,
                                           const char      *handle,
                                           const char      *post_id);
/* Whether @url is the address rapport_platform_post_url() makes of the post. */
gboolean    rapport_platform_post_url_is_made (RapportPlatform  platform,
                                               const char      *handle,
                                               const char      *post_id,
                                               const char      *url);
const char *rapport_post_type_to_string   (RapportPostType  type);
/* The type of a string from rapport_post_type_to_string(); "text" for anything else. */
RapportPostType rapport_post_type_from_string (const char *text);
const char *rapport_count_source_to_string (RapportCountSource source);
const char *rapport_date_source_to_string (RapportDateSource source);
/* The values of strings from the two above; the first value for anything else. */
RapportCountSource rapport_count_source_from_string (const char *text);
RapportDateSource  rapport_date_source_from_string  (const char *text);

/* The latest time in range: now plus RAPPORT_TIME_AHEAD_DAYS. */
gint64      rapport_time_max              (void);
/* Whether @t lies from RAPPORT_TIME_MIN to rapport_time_max(); 0 does not. */
gboolean    rapport_time_is_valid         (gint64           t);
/* Whether @count lies from 0 to RAPPORT_COUNT_MAX; RAPPORT_COUNT_UNKNOWN does not. */
gboolean    rapport_count_is_valid        (gint64           count);
/* NULL when @t is in range (or 0 and @optional); otherwise why not, naming @field and the
 * value: "time 253402300800 is after 2026-05-03". */
char       *rapport_time_check            (const char      *field,
                                           gint64           t,
                                           gboolean         optional);
/* NULL when @count is in range (or RAPPORT_COUNT_UNKNOWN and @optional); otherwise why not:
 * "likes -5 is negative". */
char       *rapport_count_check           (const char      *field,
                                           gint64           count,
                                           gboolean         optional);

G_END_DECLS
