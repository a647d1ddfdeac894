/* rapport-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui/rapport-toast.h"

AdwToast *
rapport_toast_new (const char       *message,
                   AdwToastPriority  priority)
{
  AdwToast *toast;

  g_return_val_if_fail (message != NULL, NULL);

  toast = adw_toast_new (message);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_priority (toast, priority);
  return toast;
}

AdwToast *
rapport_toast_show (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  /* An overlay that is itself asked for shows the toast; else the nearest one above. */
  overlay = ADW_IS_TOAST_OVERLAY (widget)
            ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return NULL;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}
