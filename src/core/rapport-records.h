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
} RapportCountSource;

typedef enum
{
  RAPPORT_DATE_SOURCE_UNKNOWN,
  RAPPORT_DATE_SOURCE_MANIFEST,         /* the export says when it was made */
  RAPPORT_DATE_SOURCE_PAYLOAD_DETAILS,  /* created_at of an old X archive's payload_details.js */
  RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP, /* the newest timestamp found inside */
  RAPPORT_DATE_SOURCE_ARCHIVE_NAME,     /* a date in the archive's file name */
  RAPPORT_DATE_SOURCE_FILE_TIME,        /* the file's modification time */
} RapportDateSource;

typedef enum
{
  RAPPORT_INTERACTION_COMMENT,
  RAPPORT_INTERACTION_LIKE,
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
} RapportPost;

typedef struct
{
  gint64 at;    /* Unix seconds of the moment the count refers to */
  gint64 count;
  RapportCountSource source;
} RapportFollowerCount;

typedef struct
{
  RapportInteractionKind kind;
  const char *target_handle; /* whose content it was, NULL when unknown */
  gint64 at;                 /* Unix seconds, 0 when unknown */
  const char *text;          /* the comment, NULL for likes */
} RapportInteraction;

void        rapport_post_init             (RapportPost     *post);
const char *rapport_platform_to_string    (RapportPlatform  platform);
const char *rapport_platform_display_name (RapportPlatform  platform);
RapportPlatform rapport_platform_from_string (const char   *name);
/* Whether the platform's follow lists know accounts by id (X/Twitter): then an account is
 * compared by its id, which a rename keeps, even where a name for it is known. */
gboolean    rapport_platform_lists_ids    (RapportPlatform  platform);
const char *rapport_post_type_to_string   (RapportPostType  type);
/* The type of a string from rapport_post_type_to_string(); "text" for anything else. */
RapportPostType rapport_post_type_from_string (const char *text);
const char *rapport_count_source_to_string (RapportCountSource source);
const char *rapport_date_source_to_string (RapportDateSource source);

G_END_DECLS
