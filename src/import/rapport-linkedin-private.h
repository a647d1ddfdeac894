/* rapport-linkedin-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What LinkedIn's two readers share: the id a post is stored under, taken from its URL, so
 * that a post of the member export and the same post of the creator analytics join as one.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The activity id of a post's URL ("…/feed/update/urn:li:activity:7212345678901234567/", the
 * URN alone, percent-encoded, or a public link "…/posts/jo-doe_words-activity-7212…-AbCd"), or
 * NULL. */
char *rapport_linkedin_activity_id (const char *url);
/* The id a post is stored under: its activity id, else the number of the share or the ugcPost
 * its URL names, marked as such ("ugcPost:72…"); NULL when the URL names none. */
char *rapport_linkedin_post_id     (const char *url);

G_END_DECLS
