/* rapport-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rapport-screenshot.h"

/* The first frame can still lack late-arriving content (icons decoded off the main thread, a
 * style change that lands with the next frame), so a few more frames are let through. */
#define SETTLE_FRAMES 3

/* How long a resize may take to arrive from the display server, in frames. */
#define RESIZE_FRAMES 120

/* GNOME's interface font: Adwaita Sans since GNOME 48, Cantarell before. */
#define GNOME_INTERFACE_FONT "Adwaita Sans, Cantarell 11"

typedef struct
{
  GFile *file;
  int    width;
  int    requested_default_width;
  guint  n_frames;
  guint  n_resize_frames;
  guint  tick_id;
  gulong unmap_id;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_free (save);
}

/**
 * rapport_screenshot_set_up_display:
 *
 * Makes a headless display look like a GNOME desktop.  Without a desktop session (under Xvfb)
 * nothing tells GTK the interface font, and GTK falls back to "Sans 10", which is not what
 * GNOME users see; GNOME's font is used then.  A font that the desktop did set is kept.
 * Animations are turned off, so that what is captured is the settled state.
 */
void
rapport_screenshot_set_up_display (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  GParamSpec *pspec;

  g_return_if_fail (settings != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings), "gtk-font-name");
  g_object_get (settings, "gtk-font-name", &font, NULL);

  if (g_strcmp0 (font, g_value_get_string (g_param_spec_get_default_value (pspec))) == 0)
    g_object_set (settings, "gtk-font-name", GNOME_INTERFACE_FONT, NULL);

  /* A picture shows where things settle, not a revealer or a banner halfway there. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
}

/* What a window shows is its children: the frame around them (the resize border of a window
 * without a compositor, or its shadow) belongs to the desktop, not to the application. */
static gboolean
compute_capture_area (GtkWidget       *widget,
                      graphene_rect_t *area)
{
  gboolean found = FALSE;

  g_assert (GTK_IS_WIDGET (widget));

  if (!GTK_IS_WINDOW (widget))
    return gtk_widget_compute_bounds (widget, widget, area);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t child_bounds;

      if (!gtk_widget_get_visible (child) ||
          !gtk_widget_compute_bounds (child, widget, &child_bounds))
        continue;

      if (found)
        graphene_rect_union (area, &child_bounds, area);
      else
        *area = child_bounds;

      found = TRUE;
    }

  return found && area->size.width >= 1 && area->size.height >= 1;
}

/**
 * rapport_screenshot_render:
 * @widget: a mapped widget
 * @error: return location for an error
 *
 * Renders @widget as it looks now with the renderer of its window, at the scale of the
 * window's surface, so the image matches what is on screen.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
GdkTexture *
rapport_screenshot_render (GtkWidget  *widget,
                           GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  graphene_rect_t area;
  graphene_rect_t viewport;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GskRenderer *renderer;
  double scale;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  native = gtk_widget_get_native (widget);

  if (native == NULL || !gtk_widget_get_mapped (widget))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window is not shown, so there is nothing to capture"));
      return NULL;
    }

  renderer = gtk_native_get_renderer (native);
  scale = gdk_surface_get_scale (gtk_native_get_surface (native));

  if (renderer == NULL ||
      !gtk_widget_compute_bounds (widget, widget, &bounds) ||
      !compute_capture_area (widget, &area))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window has not been drawn yet"));
      return NULL;
    }

  /* The paintable draws the widget's bounds from their top left corner. */
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
  node = gtk_snapshot_free_to_node (snapshot);

  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window has not been drawn yet"));
      return NULL;
    }

  graphene_rect_init (&viewport,
                      round ((area.origin.x - bounds.origin.x) * scale),
                      round ((area.origin.y - bounds.origin.y) * scale),
                      round (area.size.width * scale),
                      round (area.size.height * scale));

  return gsk_renderer_render_texture (renderer, node, &viewport);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_png (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *save = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  texture = rapport_screenshot_render (GTK_WIDGET (g_task_get_source_object (task)), &error);

  if (texture == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  png = gdk_texture_save_to_png_bytes (texture);
  g_file_replace_contents_bytes_async (save->file,
                                       png,
                                       NULL,
                                       FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task),
                                       replace_contents_cb,
                                       g_object_ref (task));
}

/* Whether the window still has to become save->width pixels wide.  The default size means
 * different things on different displays (without a compositor it includes the resize border
 * around the window), so it is corrected by what the allocation turns out to be. */
static gboolean
fit_width (GtkWindow *window,
           SaveData  *save)
{
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int default_width;

  if (save->width <= 0 || width == save->width)
    return FALSE;

  gtk_window_get_default_size (window, &default_width, NULL);

  /* Ask once, then wait for the display server's answer. */
  if (default_width != save->requested_default_width)
    {
      save->requested_default_width = default_width + save->width - width;
      g_object_set (window, "default-width", save->requested_default_width, NULL);
    }

  save->n_frames = 0;
  save->n_resize_frames++;

  return TRUE;
}

static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return G_SOURCE_REMOVE;

  /* Not laid out yet. */
  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;

  if (fit_width (GTK_WINDOW (widget), save))
    return save->n_resize_frames < RESIZE_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;

  /* Tick n runs before frame n is painted, so frames 1 … n-1 are on screen by now. */
  save->n_frames++;

  return save->n_frames > SETTLE_FRAMES ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* The task holds the window, so closing the window cannot end the wait by itself. */
static void
window_unmapped_cb (GtkWidget *widget,
                    GTask     *task)
{
  SaveData *save = g_task_get_task_data (task);

  /* This ends up in settle_finished(). */
  gtk_widget_remove_tick_callback (widget, save->tick_id);
}

/* Called once when the tick callback goes away: after enough frames, on cancellation, or
 * because the window was closed before it was drawn. */
static void
settle_finished (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (task);

  g_clear_signal_handler (&save->unmap_id, g_task_get_source_object (task));
  save->tick_id = 0;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (save->n_resize_frames >= RESIZE_FRAMES)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The window could not be made %d pixels wide"), save->width);
      return;
    }

  if (save->n_frames <= SETTLE_FRAMES)
    {
      g_task_return_new_error_literal (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                       _("The window was closed before it was drawn"));
      return;
    }

  /* An idle runs after the frame that is being processed has been painted. */
  g_idle_add_once (save_png, g_steal_pointer (&task));
}

/**
 * rapport_screenshot_save_async:
 * @window: a window, usually one that is about to be presented
 * @width: the width in pixels the window should have in the image, or 0 for its current one
 * @file: where to write the PNG image
 * @cancellable: (nullable): a cancellable
 * @callback: called when the image is written or the capture failed
 * @user_data: data for @callback
 *
 * Waits until @window has drawn a few real frames at the asked width, renders it with
 * rapport_screenshot_render() and writes the result to @file as PNG.
 */
void
rapport_screenshot_save_async (GtkWindow           *window,
                               int                  width,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (width >= 0);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->width = width;

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_screenshot_save_async);
  g_task_set_task_data (task, save, save_data_free);

  save->unmap_id = g_signal_connect (window, "unmap", G_CALLBACK (window_unmapped_cb), task);
  save->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window),
                                                settle_tick_cb,
                                                g_steal_pointer (&task),
                                                settle_finished);
}

gboolean
rapport_screenshot_save_finish (GtkWindow     *window,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_screenshot_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
