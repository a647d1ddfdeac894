/* rapport-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toasts of plain text.  What a toast says often comes from an export (an account's name, a
 * file's name, an error naming a file), and libadwaita reads a toast's title as markup by
 * default: a name with '&' or '<' would show wrong or not at all.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast showing @message as it is, with @priority (HIGH for the answer to what the user just
 * did, NORMAL to queue it behind the one shown). */
AdwToast *rapport_toast_new  (const char       *message,
                              AdwToastPriority  priority);
/* Shows @toast (taking it) in the toast overlay that holds @widget, and returns it, borrowed;
 * NULL, with @toast dropped, when @widget is in no overlay. */
AdwToast *rapport_toast_show (GtkWidget        *widget,
                              AdwToast         *toast);

G_END_DECLS
