/* rapport-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rapport-dates.h"
#include "rapport-records.h"

/* The names stored in the database and printed by the command line: never translated. */
static const char * const platform_names[] = {
  [RAPPORT_PLATFORM_UNKNOWN] = "unknown",
  [RAPPORT_PLATFORM_INSTAGRAM] = "instagram",
  [RAPPORT_PLATFORM_TWITTER] = "twitter",
  [RAPPORT_PLATFORM_TIKTOK] = "tiktok",
  [RAPPORT_PLATFORM_MASTODON] = "mastodon",
  [RAPPORT_PLATFORM_BLUESKY] = "bluesky",
  [RAPPORT_PLATFORM_THREADS] = "threads",
  [RAPPORT_PLATFORM_LINKEDIN] = "linkedin",
  [RAPPORT_PLATFORM_YOUTUBE] = "youtube",
  [RAPPORT_PLATFORM_FACEBOOK] = "facebook",
  [RAPPORT_PLATFORM_MEDIUM] = "medium",
};

void
rapport_post_init (RapportPost *post)
{
  g_return_if_fail (post != NULL);

  memset (post, 0, sizeof *post);
  post->likes = RAPPORT_COUNT_UNKNOWN;
  post->comments = RAPPORT_COUNT_UNKNOWN;
  post->shares = RAPPORT_COUNT_UNKNOWN;
  post->saves = RAPPORT_COUNT_UNKNOWN;
  post->replies = RAPPORT_COUNT_UNKNOWN;
  post->quotes = RAPPORT_COUNT_UNKNOWN;
  post->views = RAPPORT_COUNT_UNKNOWN;
  post->impressions = RAPPORT_COUNT_UNKNOWN;
  post->reach = RAPPORT_COUNT_UNKNOWN;
  post->engagements = RAPPORT_COUNT_UNKNOWN;
  post->follows = RAPPORT_COUNT_UNKNOWN;
}

const char *
rapport_platform_to_string (RapportPlatform platform)
{
  if ((guint) platform >= G_N_ELEMENTS (platform_names))
    return platform_names[RAPPORT_PLATFORM_UNKNOWN];
  return platform_names[platform];
}

RapportPlatform
rapport_platform_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, RAPPORT_PLATFORM_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (platform_names); i++)
    if (g_ascii_strcasecmp (name, platform_names[i]) == 0)
      return (RapportPlatform) i;
  return RAPPORT_PLATFORM_UNKNOWN;
}

gboolean
rapport_platform_lists_ids (RapportPlatform platform)
{
  /* Channel titles are no handles: two channels may share one, and a channel may change it.
   * Bluesky's repository names the accounts followed by DID only, and a refresh from the web
   * gives DIDs with the handles: the DID is what an export and a refresh share. */
  return platform == RAPPORT_PLATFORM_TWITTER || platform == RAPPORT_PLATFORM_YOUTUBE ||
         platform == RAPPORT_PLATFORM_BLUESKY;
}

gboolean
rapport_platform_exports_followers (RapportPlatform platform)
{
  return platform != RAPPORT_PLATFORM_MASTODON && platform != RAPPORT_PLATFORM_BLUESKY &&
         platform != RAPPORT_PLATFORM_YOUTUBE && platform != RAPPORT_PLATFORM_MEDIUM;
}

gboolean
rapport_platform_refreshes_from_web (RapportPlatform platform)
{
  return platform == RAPPORT_PLATFORM_BLUESKY || platform == RAPPORT_PLATFORM_MASTODON;
}

/* The characters of the platform's handles beside ASCII letters and digits, as its sign-up
 * allows them; NULL where its exports name accounts by a name, not a handle: YouTube's channel
 * titles, LinkedIn's member names and profile slugs. */
static const char *
handle_extra_chars (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
    case RAPPORT_PLATFORM_THREADS:
    case RAPPORT_PLATFORM_TIKTOK:
      return "._";
    case RAPPORT_PLATFORM_TWITTER:
      return "_";
    case RAPPORT_PLATFORM_FACEBOOK:
      return ".";
    case RAPPORT_PLATFORM_BLUESKY:
      /* A domain name; a DID (with ':') is an id, not a handle. */
      return ".-";
    case RAPPORT_PLATFORM_MEDIUM:
      return "._-";
    case RAPPORT_PLATFORM_MASTODON:
    case RAPPORT_PLATFORM_UNKNOWN:
      /* "user@host", the host perhaps in letters beyond ASCII (checked below). */
      return "._-@";
    case RAPPORT_PLATFORM_YOUTUBE:
    case RAPPORT_PLATFORM_LINKEDIN:
    default:
      return NULL;
    }
}

gboolean
rapport_platform_has_handles (RapportPlatform platform)
{
  return handle_extra_chars (platform) != NULL;
}

gboolean
rapport_platform_is_handle (RapportPlatform  platform,
                            const char      *name)
{
  const char *extra = handle_extra_chars (platform);
  gboolean any_letters = platform == RAPPORT_PLATFORM_MASTODON ||
                         platform == RAPPORT_PLATFORM_UNKNOWN;

  if (extra == NULL || name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 ? !g_ascii_isalnum (c) && strchr (extra, (int) c) == NULL
                   : !any_letters || !g_unichar_isalnum (c))
        return FALSE;
    }
  return TRUE;
}

/* The parts of the address of a post that the platform makes from the id, before the id; FALSE
 * where it makes none.  x.com finds a post by its id alone, whoever wrote it: a renamed
 * account's old addresses still lead to its posts. */
static gboolean
post_url_parts (RapportPlatform  platform,
                const char      *handle,
                const char      *parts[3])
{
  if (platform != RAPPORT_PLATFORM_TWITTER)
    return FALSE;
  parts[0] = "https://x.com/";
  parts[1] = handle != NULL ? handle : "i";
  parts[2] = "/status/";
  return TRUE;
}

char *
rapport_platform_post_url (RapportPlatform  platform,
                           const char      *handle,
                           const char      *post_id)
{
  const char *parts[3];

  g_return_val_if_fail (post_id != NULL, NULL);

  if (!post_url_parts (platform, handle, parts))
    return NULL;
  return g_strconcat (parts[0], parts[1], parts[2], post_id, NULL);
}

gboolean
rapport_platform_post_url_is_made (RapportPlatform  platform,
                                   const char      *handle,
                                   const char      *post_id,
                                   const char      *url)
{
  const char *parts[3];
  const char *rest = url;

  g_return_val_if_fail (post_id != NULL, FALSE);

  /* Compared part by part: the store asks for every post it writes. */
  if (url == NULL || !post_url_parts (platform, handle, parts))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize length = strlen (parts[i]);

      if (strncmp (rest, parts[i], length) != 0)
        return FALSE;
      rest += length;
    }
  return strcmp (rest, post_id) == 0;
}

const char *
rapport_platform_display_name (RapportPlatform platform)
{
  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM: return "Instagram";
    case RAPPORT_PLATFORM_TWITTER: return "X/Twitter";
    case RAPPORT_PLATFORM_TIKTOK: return "TikTok";
    case RAPPORT_PLATFORM_MASTODON: return "Mastodon";
    case RAPPORT_PLATFORM_BLUESKY: return "Bluesky";
    case RAPPORT_PLATFORM_THREADS: return "Threads";
    case RAPPORT_PLATFORM_LINKEDIN: return "LinkedIn";
    case RAPPORT_PLATFORM_YOUTUBE: return "YouTube";
    case RAPPORT_PLATFORM_FACEBOOK: return "Facebook";
    case RAPPORT_PLATFORM_MEDIUM: return "Medium";
    case RAPPORT_PLATFORM_UNKNOWN:
    default:
      return _("Unknown platform");
    }
}

const char *
rapport_post_type_to_string (RapportPostType type)
{
  switch (type)
    {
    case RAPPORT_POST_PHOTO: return "photo";
    case RAPPORT_POST_VIDEO: return "video";
    case RAPPORT_POST_REEL: return "reel";
    case RAPPORT_POST_CAROUSEL: return "carousel";
    case RAPPORT_POST_TEXT: return "text";
    case RAPPORT_POST_REPLY: return "reply";
    case RAPPORT_POST_REPOST: return "repost";
    case RAPPORT_POST_STORY: return "story";
    default: return "text";
    }
}

RapportCountSource
rapport_count_source_from_string (const char *text)
{
  for (RapportCountSource s = RAPPORT_COUNT_SOURCE_SNAPSHOT;
       s <= RAPPORT_COUNT_SOURCE_ANALYTICS;
       s++)
    if (g_strcmp0 (text, rapport_count_source_to_string (s)) == 0)
      return s;

  return RAPPORT_COUNT_SOURCE_SNAPSHOT;
}

RapportDateSource
rapport_date_source_from_string (const char *text)
{
  for (RapportDateSource s = RAPPORT_DATE_SOURCE_UNKNOWN; s <= RAPPORT_DATE_SOURCE_LIVE; s++)
    if (g_strcmp0 (text, rapport_date_source_to_string (s)) == 0)
      return s;

  return RAPPORT_DATE_SOURCE_UNKNOWN;
}

RapportPostType
rapport_post_type_from_string (const char *text)
{
  for (RapportPostType type = RAPPORT_POST_PHOTO; type <= RAPPORT_POST_STORY; type++)
    if (g_strcmp0 (text, rapport_post_type_to_string (type)) == 0)
      return type;

  return RAPPORT_POST_TEXT;
}

const char *
rapport_count_source_to_string (RapportCountSource source)
{
  switch (source)
    {
    case RAPPORT_COUNT_SOURCE_SNAPSHOT: return "snapshot";
    case RAPPORT_COUNT_SOURCE_PROFILE: return "profile";
    case RAPPORT_COUNT_SOURCE_INSIGHTS: return "insights";
    case RAPPORT_COUNT_SOURCE_LIVE: return "live";
    case RAPPORT_COUNT_SOURCE_RECONSTRUCTION: return "reconstruction";
    case RAPPORT_COUNT_SOURCE_ANALYTICS: return "analytics";
    default: return "snapshot";
    }
}

const char *
rapport_date_source_to_string (RapportDateSource source)
{
  switch (source)
    {
    case RAPPORT_DATE_SOURCE_MANIFEST: return "manifest";
    case RAPPORT_DATE_SOURCE_PAYLOAD_DETAILS: return "payload-details";
    case RAPPORT_DATE_SOURCE_NEWEST_TIMESTAMP: return "newest-timestamp";
    case RAPPORT_DATE_SOURCE_ARCHIVE_NAME: return "archive-name";
    case RAPPORT_DATE_SOURCE_FILE_TIME: return "file-time";
    case RAPPORT_DATE_SOURCE_LIVE: return "live";
    case RAPPORT_DATE_SOURCE_UNKNOWN:
    default:
      return "unknown";
    }
}

gint64
rapport_time_max (void)
{
  return g_get_real_time () / G_USEC_PER_SEC
         + RAPPORT_TIME_AHEAD_DAYS * G_GINT64_CONSTANT (86400);
}

gboolean
rapport_time_is_valid (gint64 t)
{
  return t >= RAPPORT_TIME_MIN && t <= rapport_time_max ();
}

gboolean
rapport_count_is_valid (gint64 count)
{
  return count >= 0 && count <= RAPPORT_COUNT_MAX;
}

char *
rapport_time_check (const char *field,
                    gint64      t,
                    gboolean    optional)
{
  g_autofree char *day = NULL;
  gint64 max;

  g_return_val_if_fail (field != NULL, NULL);

  if (optional && t == 0)
    return NULL;
  if (t < RAPPORT_TIME_MIN)
    {
      day = rapport_date_format_day (RAPPORT_TIME_MIN);
      /* Translators: a value out of range: a field's name, its value in Unix seconds, a day. */
      return g_strdup_printf (_("%s %" PRId64 " is before %s"), field, t, day);
    }
  max = rapport_time_max ();
  if (t > max)
    {
      day = rapport_date_format_day (max);
      /* Translators: a value out of range: a field's name, its value in Unix seconds, a day. */
      return g_strdup_printf (_("%s %" PRId64 " is after %s"), field, t, day);
    }
  return NULL;
}

char *
rapport_count_check (const char *field,
                     gint64      count,
                     gboolean    optional)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (optional && count == RAPPORT_COUNT_UNKNOWN)
    return NULL;
  if (count < 0)
    /* Translators: a value out of range: a field's name and its value. */
    return g_strdup_printf (_("%s %" PRId64 " is negative"), field, count);
  if (count > RAPPORT_COUNT_MAX)
    /* Translators: a value out of range: a field's name, its value and the largest allowed. */
    return g_strdup_printf (_("%s %" PRId64 " is more than %" PRId64), field, count,
                            RAPPORT_COUNT_MAX);
  return NULL;
}
