/* rapport-post-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the Posts page: a post of the dataset and its engagement.  The table's cells and
 * sorters read it through its properties.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "core/rapport-format.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-thumbnail-loader.h"

struct _RapportPostItem
{
  GObject                   parent_instance;

  RapportAnalysis          *analysis;   /* owns the post */
  const RapportDatasetPost *post;
  RapportPostEngagement     engagement;
  char                     *account;
  char                     *text_line;
  GdkPaintable             *thumbnail;  /* read in a worker when first asked for */
  gboolean                  thumbnail_asked;
};

G_DEFINE_FINAL_TYPE (RapportPostItem, rapport_post_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_PLATFORM_ID,
  ITEM_PROP_ACCOUNT,
  ITEM_PROP_CREATED_AT,
  ITEM_PROP_TEXT,
  ITEM_PROP_TEXT_LINE,
  ITEM_PROP_TYPE_NAME,
  ITEM_PROP_LIKES,
  ITEM_PROP_COMMENTS,
  ITEM_PROP_SHARES,
  ITEM_PROP_IMPRESSIONS,
  ITEM_PROP_INTERACTIONS,
  ITEM_PROP_RATE,
  ITEM_PROP_RATE_BY_IMPRESSIONS,
  ITEM_PROP_URL,
  ITEM_PROP_THUMBNAIL,
  ITEM_PROP_RATE_FLAGGED,
  ITEM_PROP_RATE_FLAG,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

const char *
rapport_post_type_name (RapportPostType type)
{
  switch (type)
    {
    case RAPPORT_POST_PHOTO:
      return C_("post type", "Photo");
    case RAPPORT_POST_VIDEO:
      return C_("post type", "Video");
    case RAPPORT_POST_REEL:
      return C_("post type", "Reel");
    case RAPPORT_POST_CAROUSEL:
      return C_("post type", "Carousel");
    case RAPPORT_POST_TEXT:
      return C_("post type", "Text");
    case RAPPORT_POST_REPLY:
      return C_("post type", "Reply");
    case RAPPORT_POST_REPOST:
      return C_("post type", "Repost");
    case RAPPORT_POST_STORY:
      return C_("post type", "Story");
    default:
      return C_("post type", "Post");
    }
}

/* The text on one line, for the table: runs of white space (new lines too) become one space,
 * and a long caption is cut, as the cell shows only its beginning anyway. */
char *
rapport_post_text_line (const char *text)
{
  GString *line = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL)
    return g_string_free (line, FALSE);

  for (const char *p = text; *p != '\0' && line->len < 300; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_unichar (line, c);
    }

  return g_string_free (line, FALSE);
}

char *
rapport_post_format_day (gpointer unused,
                         gint64   t)
{
  return rapport_format_day (t);
}

char *
rapport_post_format_count (gpointer unused,
                           gint64   count)
{
  return rapport_format_optional_count (count);
}

char *
rapport_post_format_rate (gpointer unused,
                          double   rate)
{
  return rapport_format_percent (rate);
}

GdkPaintable *
rapport_post_thumbnail_new (RapportAnalysis          *analysis,
                            const RapportDatasetPost *post)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (post != NULL, NULL);

  /* A few KB by primary key: read where it is shown, like the suggestions' state. */
  data = rapport_store_get_post_thumbnail (rapport_analysis_get_store (analysis), post->id,
                                           NULL, &error);
  if (data == NULL)
    {
      if (error != NULL)
        g_debug ("No thumbnail for post %" G_GINT64_FORMAT ": %s", post->id, error->message);
      return NULL;
    }
  texture = gdk_texture_new_from_bytes (data, &error);
  if (texture == NULL)
    g_debug ("Thumbnail of post %" G_GINT64_FORMAT " unreadable: %s", post->id, error->message);
  return GDK_PAINTABLE (texture);
}

gboolean
rapport_posts_have_thumbnails (RapportAnalysis *analysis)
{
  GPtrArray *accounts;

  g_return_val_if_fail (RAPPORT_IS_ANALYSIS (analysis), FALSE);

  accounts = rapport_analysis_get_accounts (analysis);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const RapportAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(GError) error = NULL;
      gboolean any = FALSE;

      if (!rapport_store_account_has_thumbnails (rapport_analysis_get_store (analysis),
                                                 account->id, &any, &error))
        g_debug ("Thumbnails of account %" G_GINT64_FORMAT ": %s", account->id, error->message);
      if (any)
        return TRUE;
    }
  return FALSE;
}

/* The picture of this very item: a row bound to another one by now watches that one's. */
static void
thumbnail_ready_cb (GObject      *receiver,
                    gint64        post_id,
                    GdkPaintable *picture)
{
  RapportPostItem *self = RAPPORT_POST_ITEM (receiver);

  if (picture != NULL && self->post->id == post_id && g_set_object (&self->thumbnail, picture))
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_THUMBNAIL]);
}

GdkPaintable *
rapport_post_item_get_thumbnail (RapportPostItem *self)
{
  RapportThumbnailLoader *loader;
  GdkPaintable *picture = NULL;

  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  if (!self->thumbnail_asked)
    {
      self->thumbnail_asked = TRUE;
      loader = rapport_thumbnail_loader_get (self->analysis);
      /* Read before (another row of the post, the read-out): at once, without a blank. */
      if (rapport_thumbnail_loader_lookup (loader, self->post->id, &picture))
        g_set_object (&self->thumbnail, picture);
      else
        rapport_thumbnail_loader_request (loader, self->post->id, G_OBJECT (self),
                                          thumbnail_ready_cb);
    }
  return self->thumbnail;
}

char *
rapport_post_item_dup_rate_flag (RapportPostItem *self)
{
  const RapportPostEngagement *engagement;
  g_autofree char *followers = NULL;

  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  engagement = &self->engagement;
  if (!engagement->rate_unreliable)
    return NULL;
  if (engagement->rate > RAPPORT_RATE_RELIABLE_MAX)
    return g_strdup (_("Above 100 %: more interactions than followers that day, so the "
                       "follower count is too low to divide by. Not used in headlines."));

  followers = rapport_format_count (engagement->followers);
  /* Translators: %s is a small count of followers, "12"; %d is 100. */
  return g_strdup_printf (_("Rests on %s followers rebuilt from follow dates, under the %d a "
                            "rate needs. Not used in headlines."),
                          followers, RAPPORT_HEADLINE_MIN_FOLLOWERS);
}

RapportPostItem *
rapport_post_item_new (RapportAnalysis             *analysis,
                       const RapportPostEngagement *engagement,
                       const char                  *account)
{
  RapportPostItem *self = g_object_new (RAPPORT_TYPE_POST_ITEM, NULL);

  self->analysis = g_object_ref (analysis);
  self->engagement = *engagement;
  self->post = engagement->post;
  self->account = g_strdup (account);
  self->text_line = rapport_post_text_line (self->post->text);

  return self;
}

const RapportDatasetPost *
rapport_post_item_get_post (RapportPostItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  return self->post;
}

const RapportPostEngagement *
rapport_post_item_get_engagement (RapportPostItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  return &self->engagement;
}

const char *
rapport_post_item_get_account (RapportPostItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  return self->account;
}

const RapportPeople *
rapport_post_item_get_names (RapportPostItem *self)
{
  const RapportDataset *dataset;

  g_return_val_if_fail (RAPPORT_IS_POST_ITEM (self), NULL);

  dataset = rapport_analysis_get_dataset (self->analysis);
  return dataset != NULL ? dataset->names : NULL;
}

static void
rapport_post_item_finalize (GObject *object)
{
  RapportPostItem *self = RAPPORT_POST_ITEM (object);

  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->text_line, g_free);
  g_clear_object (&self->thumbnail);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_post_item_parent_class)->finalize (object);
}

static void
rapport_post_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportPostItem *self = RAPPORT_POST_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_PLATFORM_ID:
      g_value_set_string (value, self->post->platform_id);
      break;

    case ITEM_PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    case ITEM_PROP_CREATED_AT:
      g_value_set_int64 (value, self->post->created_at);
      break;

    case ITEM_PROP_TEXT:
      g_value_set_string (value, self->post->text);
      break;

    case ITEM_PROP_TEXT_LINE:
      g_value_set_string (value, self->text_line);
      break;

    case ITEM_PROP_TYPE_NAME:
      g_value_set_string (value, rapport_post_type_name (self->post->type));
      break;

    case ITEM_PROP_LIKES:
      g_value_set_int64 (value, self->post->likes);
      break;

    case ITEM_PROP_COMMENTS:
      g_value_set_int64 (value, self->post->comments);
      break;

    case ITEM_PROP_SHARES:
      g_value_set_int64 (value, self->post->shares);
      break;

    case ITEM_PROP_IMPRESSIONS:
      g_value_set_int64 (value, self->post->impressions);
      break;

    case ITEM_PROP_INTERACTIONS:
      g_value_set_int64 (value, self->engagement.interactions);
      break;

    case ITEM_PROP_RATE:
      g_value_set_double (value, self->engagement.rate);
      break;

    case ITEM_PROP_RATE_BY_IMPRESSIONS:
      g_value_set_double (value, self->engagement.rate_by_impressions);
      break;

    case ITEM_PROP_URL:
      g_value_set_string (value, self->post->url);
      break;

    case ITEM_PROP_THUMBNAIL:
      g_value_set_object (value, rapport_post_item_get_thumbnail (self));
      break;

    case ITEM_PROP_RATE_FLAGGED:
      g_value_set_boolean (value, self->engagement.rate_unreliable);
      break;

    case ITEM_PROP_RATE_FLAG:
      g_value_take_string (value, rapport_post_item_dup_rate_flag (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_post_item_class_init (RapportPostItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_post_item_finalize;
  object_class->get_property = rapport_post_item_get_property;

  item_properties[ITEM_PROP_PLATFORM_ID] =
    g_param_spec_string ("platform-id", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TEXT_LINE] =
    g_param_spec_string ("text-line", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  /* Counts are RAPPORT_COUNT_UNKNOWN (-1) and rates NAN where no export said. */
  item_properties[ITEM_PROP_LIKES] =
    g_param_spec_int64 ("likes", NULL, NULL, -1, G_MAXINT64, -1, flags);
  item_properties[ITEM_PROP_COMMENTS] =
    g_param_spec_int64 ("comments", NULL, NULL, -1, G_MAXINT64, -1, flags);
  item_properties[ITEM_PROP_SHARES] =
    g_param_spec_int64 ("shares", NULL, NULL, -1, G_MAXINT64, -1, flags);
  item_properties[ITEM_PROP_IMPRESSIONS] =
    g_param_spec_int64 ("impressions", NULL, NULL, -1, G_MAXINT64, -1, flags);
  item_properties[ITEM_PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_RATE_BY_IMPRESSIONS] =
    g_param_spec_double ("rate-by-impressions", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_INTERACTIONS] =
    g_param_spec_int64 ("interactions", NULL, NULL, -1, G_MAXINT64, -1, flags);
  item_properties[ITEM_PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  /* The post's picture, NULL when it has none. */
  item_properties[ITEM_PROP_THUMBNAIL] =
    g_param_spec_object ("thumbnail", NULL, NULL, GDK_TYPE_PAINTABLE, flags);
  /* The rate is not to be trusted (RapportPostEngagement.rate_unreliable), and why. */
  item_properties[ITEM_PROP_RATE_FLAGGED] =
    g_param_spec_boolean ("rate-flagged", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_RATE_FLAG] =
    g_param_spec_string ("rate-flag", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
rapport_post_item_init (RapportPostItem *self)
{
}
