/* rapport-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers shared by the importers: the repair of Meta's double-encoded strings and the
 * extraction of hashtags and mentions from post text.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Meta exports write each UTF-8 byte as its own \u00XX escape.  Returns a newly allocated
 * string: the repaired text, or a copy of @text when no repair applies. */
char  *rapport_text_repair_mojibake  (const char *text);

/* A value from a file as a message may quote it: valid UTF-8, surrounding spaces trimmed, at
 * most RAPPORT_TEXT_EXCERPT_CHARS characters and "…" where it went on; "" for NULL. */
#define RAPPORT_TEXT_EXCERPT_CHARS 40
char  *rapport_text_excerpt          (const char *value);

/* Lower-cased, without '#' or '@', unique, in order of appearance; never NULL. */
char **rapport_text_extract_hashtags (const char *text);
char **rapport_text_extract_mentions (const char *text);

/* A handle as follow lists compare it: lower-cased (nearly all are ASCII, which needs no
 * Unicode tables).  Newly allocated. */
char  *rapport_text_fold_handle      (const char *handle);

G_END_DECLS
