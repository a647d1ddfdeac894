/* rapport-loading-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a page shows while the rest of an analysis loads (the people lists, and the suggestions
 * that need them): a status page with a turning spinner, a title and a description.
 */

#include "config.h"

#include "ui/rapport-loading-page.h"

struct _RapportLoadingPage
{
  GtkWidget  parent_instance;

  GtkWidget *status_page;
};

G_DEFINE_FINAL_TYPE (RapportLoadingPage, rapport_loading_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rapport_loading_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_LOADING_PAGE, NULL);
}

const char *
rapport_loading_page_get_title (RapportLoadingPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_LOADING_PAGE (self), NULL);

  return adw_status_page_get_title (ADW_STATUS_PAGE (self->status_page));
}

void
rapport_loading_page_set_title (RapportLoadingPage *self,
                                const char         *title)
{
  g_return_if_fail (RAPPORT_IS_LOADING_PAGE (self));

  /* The status page keeps "" for NULL. */
  if (g_strcmp0 (rapport_loading_page_get_title (self), title != NULL ? title : "") == 0)
    return;

  adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rapport_loading_page_get_description (RapportLoadingPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_LOADING_PAGE (self), NULL);

  return adw_status_page_get_description (ADW_STATUS_PAGE (self->status_page));
}

void
rapport_loading_page_set_description (RapportLoadingPage *self,
                                      const char         *description)
{
  g_return_if_fail (RAPPORT_IS_LOADING_PAGE (self));

  if (g_strcmp0 (rapport_loading_page_get_description (self),
                 description != NULL ? description : "") == 0)
    return;

  adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page), description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
rapport_loading_page_dispose (GObject *object)
{
  RapportLoadingPage *self = RAPPORT_LOADING_PAGE (object);

  g_clear_pointer (&self->status_page, gtk_widget_unparent);

  G_OBJECT_CLASS (rapport_loading_page_parent_class)->dispose (object);
}

static void
rapport_loading_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportLoadingPage *self = RAPPORT_LOADING_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, rapport_loading_page_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, rapport_loading_page_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_loading_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportLoadingPage *self = RAPPORT_LOADING_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rapport_loading_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rapport_loading_page_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_loading_page_class_init (RapportLoadingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_loading_page_dispose;
  object_class->get_property = rapport_loading_page_get_property;
  object_class->set_property = rapport_loading_page_set_property;

  /**
   * RapportLoadingPage:title:
   *
   * What is loading, "Loading Followers".
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * RapportLoadingPage:description:
   *
   * What the page waits for, or %NULL.
   */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_loading_page_init (RapportLoadingPage *self)
{
  g_autoptr(AdwSpinnerPaintable) spinner = NULL;

  self->status_page = adw_status_page_new ();
  gtk_widget_set_parent (self->status_page, GTK_WIDGET (self));

  /* A paintable, not an AdwSpinner: the status page draws it at its icon's size. */
  spinner = adw_spinner_paintable_new (self->status_page);
  adw_status_page_set_paintable (ADW_STATUS_PAGE (self->status_page), GDK_PAINTABLE (spinner));
}
