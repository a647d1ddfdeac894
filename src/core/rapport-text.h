/* rapport-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers shared by the importers and the live refresh: the repair of Meta's
 * double-encoded strings, the extraction of hashtags and mentions from post text and the plain
 * text of HTML content.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Meta exports write each UTF-8 byte as its own \u00XX escape, in whole strings or (Threads) in
 * parts of them.  Returns a newly allocated string where each run of code points below 256
 * that spells a UTF-8 character is that character; other text is copied as it was. */
char  *rapport_text_repair_mojibake  (const char *text);

/* A value from a file as a message may quote it: valid UTF-8, surrounding spaces trimmed, at
 * most RAPPORT_TEXT_EXCERPT_CHARS characters and "…" where it went on; "" for NULL. */
#define RAPPORT_TEXT_EXCERPT_CHARS 40
char  *rapport_text_excerpt          (const char *value);

/* Lower-cased, without '#' or '@', unique, in order of appearance; never NULL. */
char **rapport_text_extract_hashtags (const char *text);
char **rapport_text_extract_mentions (const char *text);

/* Plain text of a post's HTML content (Mastodon's, in an archive or from its API): tags
 * dropped, entities decoded, a line break for <br> and a blank line between paragraphs,
 * surrounding space trimmed; valid UTF-8.  NULL when nothing is left. */
char  *rapport_text_from_html        (const char *html);
/* A handle as follow lists compare it, or a post's tag: lower-cased (nearly all are ASCII,
 * which needs no Unicode tables).  Newly allocated. */
char  *rapport_text_fold_handle      (const char *handle);

G_END_DECLS
