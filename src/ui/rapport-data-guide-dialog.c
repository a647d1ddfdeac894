/* rapport-data-guide-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text lives in the template: one navigation page per platform, pushed by the rows of the
 * first page through the navigation view's own "navigation.push" action.
 */

#include "config.h"

#include "rapport-data-guide-dialog.h"

struct _RapportDataGuideDialog
{
  AdwDialog          parent_instance;

  /* Template children */
  AdwNavigationView *navigation_view;
};

G_DEFINE_FINAL_TYPE (RapportDataGuideDialog, rapport_data_guide_dialog, ADW_TYPE_DIALOG)

static void
rapport_data_guide_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_DATA_GUIDE_DIALOG);

  G_OBJECT_CLASS (rapport_data_guide_dialog_parent_class)->dispose (object);
}

static void
rapport_data_guide_dialog_class_init (RapportDataGuideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_data_guide_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-data-guide-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDataGuideDialog, navigation_view);
}

static void
rapport_data_guide_dialog_init (RapportDataGuideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
rapport_data_guide_dialog_new (void)
{
  return g_object_new (RAPPORT_TYPE_DATA_GUIDE_DIALOG, NULL);
}

gboolean
rapport_data_guide_dialog_show_platform (RapportDataGuideDialog *self,
                                         const char             *platform)
{
  g_return_val_if_fail (RAPPORT_IS_DATA_GUIDE_DIALOG (self), FALSE);
  g_return_val_if_fail (platform != NULL, FALSE);

  if (adw_navigation_view_find_page (self->navigation_view, platform) == NULL)
    return FALSE;

  adw_navigation_view_push_by_tag (self->navigation_view, platform);

  return TRUE;
}
