/* rapport-person-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of a RapportPeopleModel: an account of a follower or following list, with both
 * follow dates and the address of its profile.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-format.h"

#include "ui/models/rapport-person-item.h"

struct _RapportPersonItem
{
  GObject  parent_instance;

  char    *who;
  char    *handle;
  char    *label;
  char    *platform_id;
  char    *profile_url;
  gint64   follows_since;
  gint64   you_follow_since;
};

G_DEFINE_FINAL_TYPE (RapportPersonItem, rapport_person_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_WHO,
  ITEM_PROP_HANDLE,
  ITEM_PROP_LABEL,
  ITEM_PROP_PLATFORM_ID,
  ITEM_PROP_FOLLOWS_SINCE,
  ITEM_PROP_YOU_FOLLOW_SINCE,
  ITEM_PROP_PROFILE_URL,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
rapport_person_item_finalize (GObject *object)
{
  RapportPersonItem *self = RAPPORT_PERSON_ITEM (object);

  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->platform_id, g_free);
  g_clear_pointer (&self->profile_url, g_free);

  G_OBJECT_CLASS (rapport_person_item_parent_class)->finalize (object);
}

static void
rapport_person_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportPersonItem *self = RAPPORT_PERSON_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_WHO:
      g_value_set_string (value, rapport_person_item_get_who (self));
      break;

    case ITEM_PROP_HANDLE:
      g_value_set_string (value, rapport_person_item_get_handle (self));
      break;

    case ITEM_PROP_LABEL:
      g_value_set_string (value, rapport_person_item_get_label (self));
      break;

    case ITEM_PROP_PLATFORM_ID:
      g_value_set_string (value, rapport_person_item_get_platform_id (self));
      break;

    case ITEM_PROP_FOLLOWS_SINCE:
      g_value_set_int64 (value, rapport_person_item_get_follows_since (self));
      break;

    case ITEM_PROP_YOU_FOLLOW_SINCE:
      g_value_set_int64 (value, rapport_person_item_get_you_follow_since (self));
      break;

    case ITEM_PROP_PROFILE_URL:
      g_value_set_string (value, rapport_person_item_get_profile_url (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_person_item_class_init (RapportPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_person_item_finalize;
  object_class->get_property = rapport_person_item_get_property;

  item_properties[ITEM_PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_HANDLE] =
    g_param_spec_string ("handle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PLATFORM_ID] =
    g_param_spec_string ("platform-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_FOLLOWS_SINCE] =
    g_param_spec_int64 ("follows-since", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_YOU_FOLLOW_SINCE] =
    g_param_spec_int64 ("you-follow-since", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_PROFILE_URL] =
    g_param_spec_string ("profile-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
rapport_person_item_init (RapportPersonItem *self)
{
}

RapportPersonItem *
rapport_person_item_new (RapportPlatform      platform,
                         const RapportPerson *person,
                         gint64               follows_since,
                         gint64               you_follow_since)
{
  RapportPersonItem *self;

  g_return_val_if_fail (person != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_PERSON_ITEM, NULL);
  self->who = g_strdup (person->who);
  self->handle = g_strdup (person->handle != NULL ? person->handle
                           : person->platform_id != NULL ? person->platform_id
                           : person->who);
  self->label = person->handle != NULL ? g_strdup (person->handle)
                                       : rapport_format_short_id (self->handle);
  self->platform_id = g_strdup (person->platform_id);
  self->follows_since = follows_since;
  self->you_follow_since = you_follow_since;
  self->profile_url = rapport_profile_url (platform, person->handle, person->platform_id);

  return self;
}

const char *
rapport_person_item_get_who (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), NULL);

  return self->who;
}

const char *
rapport_person_item_get_handle (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), NULL);

  return self->handle;
}

const char *
rapport_person_item_get_label (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), NULL);

  return self->label;
}

const char *
rapport_person_item_get_platform_id (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), NULL);

  return self->platform_id;
}

gint64
rapport_person_item_get_follows_since (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), 0);

  return self->follows_since;
}

gint64
rapport_person_item_get_you_follow_since (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), 0);

  return self->you_follow_since;
}

const char *
rapport_person_item_get_profile_url (RapportPersonItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_PERSON_ITEM (self), NULL);

  return self->profile_url;
}

/**
 * rapport_profile_url:
 * @platform: the platform of the account
 * @handle: (nullable): the handle, without '@'
 * @platform_id: (nullable): the platform's id of the account
 *
 * Returns: (transfer full) (nullable): the address of the account's profile
 */
char *
rapport_profile_url (RapportPlatform  platform,
                     const char      *handle,
                     const char      *platform_id)
{
  g_autofree char *name = NULL;

  /* Handles are plain names on every platform, but an export is not to be trusted with
   * what ends up in an address. */
  if (handle != NULL && handle[0] != '\0')
    name = g_uri_escape_string (handle, "@", FALSE);

  switch (platform)
    {
    case RAPPORT_PLATFORM_INSTAGRAM:
      return name != NULL ? g_strdup_printf ("https://www.instagram.com/%s", name) : NULL;

    case RAPPORT_PLATFORM_TIKTOK:
      return name != NULL ? g_strdup_printf ("https://www.tiktok.com/@%s", name) : NULL;

    case RAPPORT_PLATFORM_THREADS:
      return name != NULL ? g_strdup_printf ("https://www.threads.net/@%s", name) : NULL;

    case RAPPORT_PLATFORM_TWITTER:
      /* Ids survive renames; archives list followers by id only anyway. */
      if (platform_id != NULL && platform_id[0] != '\0')
        {
          g_autofree char *id = g_uri_escape_string (platform_id, NULL, FALSE);

          return g_strdup_printf ("https://x.com/i/user/%s", id);
        }
      return name != NULL ? g_strdup_printf ("https://x.com/%s", name) : NULL;

    case RAPPORT_PLATFORM_BLUESKY:
      /* The repository's lists name accounts by DID alone, which bsky.app opens as well. */
      if (name == NULL && platform_id != NULL && g_str_has_prefix (platform_id, "did:"))
        name = g_uri_escape_string (platform_id, ":", FALSE);
      return name != NULL ? g_strdup_printf ("https://bsky.app/profile/%s", name) : NULL;

    case RAPPORT_PLATFORM_MASTODON:
      {
        const char *at;

        /* "user@instance" lives at https://instance/@user. */
        if (handle == NULL || (at = strchr (handle, '@')) == NULL || at == handle || at[1] == '\0')
          return NULL;
        {
          g_autofree char *name_part = g_strndup (handle, at - handle);
          g_autofree char *user = g_uri_escape_string (name_part, NULL, FALSE);
          g_autofree char *host = g_uri_escape_string (at + 1, NULL, FALSE);

          return g_strdup_printf ("https://%s/@%s", host, user);
        }
      }

    case RAPPORT_PLATFORM_FACEBOOK:
      /* A page's numeric id leads to it; its name (with spaces, repeated) does not. */
      if (platform_id != NULL && platform_id[0] != '\0' &&
          strspn (platform_id, "0123456789") == strlen (platform_id))
        return g_strdup_printf ("https://www.facebook.com/%s", platform_id);
      return NULL;

    case RAPPORT_PLATFORM_YOUTUBE:
      /* Takeout names channels by id and title; a title is no address. */
      if (platform_id != NULL && platform_id[0] != '\0')
        {
          g_autofree char *id = g_uri_escape_string (platform_id, NULL, FALSE);

          return g_strdup_printf ("https://www.youtube.com/channel/%s", id);
        }
      return NULL;

    case RAPPORT_PLATFORM_MEDIUM:
      return name != NULL ? g_strdup_printf ("https://medium.com/@%s", name) : NULL;

    case RAPPORT_PLATFORM_UNKNOWN:
    case RAPPORT_PLATFORM_LINKEDIN:
    default:
      return NULL;
    }
}
