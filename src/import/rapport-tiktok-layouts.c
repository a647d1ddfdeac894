/* rapport-tiktok-layouts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each part of user_data.json sits in the three layouts of the export: until 2024
 * ("Activity", "Video"), 2025 ("Your Activity", "Post"), and since about January 2026, when
 * the follow lists, the profile and the block list moved to "Profile And Settings" (likes and
 * favourites to "Likes and Favorites", "Video Browsing History" became "Watch History").
 * Names are compared without case; where a file holds several layouts the newest one's part
 * is read.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-tiktok-private.h"

/* At most this many sections, and parts of each, are named in a message. */
#define MAX_NAMED 8

/* The first of the @parts of any of the @sections of @root, tried in order; an object. */
static const RapportJsonValue *
find_part (const RapportJsonValue *root,
           const char * const     *sections,
           const char * const     *parts)
{
  for (guint i = 0; sections[i] != NULL; i++)
    {
      const RapportJsonValue *section = rapport_json_value_get_object (root, sections[i]);

      for (guint j = 0; section != NULL && parts[j] != NULL; j++)
        {
          const RapportJsonValue *part = rapport_json_value_get_object (section, parts[j]);

          if (part != NULL)
            return part;
        }
    }
  return NULL;
}

gboolean
rapport_tiktok_find_sections (const RapportJsonValue *root,
                              RapportTiktokSections  *sections)
{
  static const char * const lists[] = {
    "Profile And Settings", "Your Activity", "Activity", NULL
  };
  static const char * const followers[] = { "Follower", "Follower List", NULL };
  static const char * const following[] = { "Following", "Following List", NULL };
  static const char * const posts[] = { "Post", "Video", NULL };
  static const char * const videos[] = { "Posts", "Videos", NULL };
  static const char * const profiles[] = { "Profile And Settings", "Profile", NULL };
  static const char * const profile[] = { "Profile Info", "Profile Information", NULL };
  static const char * const comment[] = { "Comment", NULL };
  static const char * const comments[] = { "Comments", NULL };

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (sections != NULL, FALSE);

  sections->followers = find_part (root, lists, followers);
  sections->following = find_part (root, lists, following);
  sections->videos = find_part (root, posts, videos);
  sections->profile = rapport_json_value_get_object (find_part (root, profiles, profile),
                                                     "ProfileMap");
  sections->comments = find_part (root, comment, comments);

  /* The creator's comments on other videos alone say nothing about the account. */
  return sections->followers != NULL ||
         sections->following != NULL ||
         sections->videos != NULL ||
         sections->profile != NULL;
}

/* "a (x, y), b" of the first MAX_NAMED members of @object, with the first MAX_NAMED parts of
 * each that is an object when @with_parts, then "and N more". */
static void
append_names (GString                *out,
              const RapportJsonValue *object,
              gboolean                with_parts)
{
  for (guint i = 0; i < object->length && i < MAX_NAMED; i++)
    {
      const RapportJsonMember *member = &object->members[i];

      if (i > 0)
        g_string_append (out, ", ");
      /* The message is one line whatever the names hold. */
      for (const char *p = member->name; *p != '\0'; p++)
        g_string_append_c (out, g_ascii_iscntrl (*p) ? ' ' : *p);
      if (with_parts && member->value.kind == RAPPORT_JSON_OBJECT && member->value.length > 0)
        {
          g_string_append (out, " (");
          append_names (out, &member->value, FALSE);
          g_string_append_c (out, ')');
        }
    }
  if (object->length > MAX_NAMED)
    g_string_append_printf (out, _(" and %u more"), object->length - MAX_NAMED);
}

char *
rapport_tiktok_describe (const RapportJsonValue *root)
{
  GString *out;

  g_return_val_if_fail (root != NULL, NULL);

  if (root->kind != RAPPORT_JSON_OBJECT || root->length == 0)
    return NULL;

  out = g_string_new (NULL);
  append_names (out, root, TRUE);
  return g_string_free (out, FALSE);
}
