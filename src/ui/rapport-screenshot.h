/* rapport-screenshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        rapport_screenshot_set_up_display (void);

GdkTexture *rapport_screenshot_render         (GtkWidget            *widget,
                                               GError              **error);
void        rapport_screenshot_save_async     (GtkWindow            *window,
                                               int                   width,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    rapport_screenshot_save_finish    (GtkWindow            *window,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
