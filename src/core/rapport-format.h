/* rapport-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures as people read them, the same in the window, the printed report and the coach's
 * sentences: days, counts, percentages, changes, p-values and account names.  Each function
 * returns a new string; a figure that is unknown reads as RAPPORT_FORMAT_NONE.
 */

#pragma once

#include <glib.h>

#include "core/rapport-records.h"

G_BEGIN_DECLS

/* What an unknown or missing figure reads as. */
#define RAPPORT_FORMAT_NONE "—"

/* "3 Mar 2025" (UTC; the format is translated).  NONE for 0 or less, which the records use for
 * "unknown" (no export dates anything before 1970), and beyond the year 9999. */
char *rapport_format_day            (gint64      t);
/* "2025-03-03" (UTC), for tables; NONE as for rapport_format_day(). */
char *rapport_format_iso_day        (gint64      t);
/* "1204", rounded half away from zero, with the locale's thousands separator where it has one
 * ("1,204"); NONE for NAN and infinities. */
char *rapport_format_count          (double      value);
/* A count an export may not give: as rapport_format_count(), NONE when negative (-1). */
char *rapport_format_optional_count (gint64      count);
/* A change of a count, always signed: "+878", "-3", "+0"; NONE for NAN and infinities. */
char *rapport_format_signed_count   (double      value);
/* "4.1 %" for 0.041; NONE for NAN. */
char *rapport_format_percent        (double      fraction);
/* A relative change, always signed: "+75.9 %" for 0.759; NONE for NAN. */
char *rapport_format_change         (double      fraction);
/* How often posts come, for a figure titled "posts per week": "2.5" (one decimal) from one a
 * week on, "1 every 32 weeks" below that, so that a slow rhythm does not read "0.0"; "0" for
 * 0; NONE for NAN, infinities and negative values. */
char *rapport_format_per_week       (double      posts_per_week);
/* The same in a sentence: "2.5 posts a week", "1 post a week", "1 post every 32 weeks", "no
 * posts"; NONE as for rapport_format_per_week(). */
char *rapport_format_posts_per_week (double      posts_per_week);
/* "0.03", two decimals; NONE for NAN. */
char *rapport_format_p_value        (double      p_value);
/* How far a Mann–Whitney p-value can be trusted, with the value: "p = 0.03, unlikely to be
 * chance" below 0.05, "a lead worth testing" below 0.2, "could well be chance" from 0.2 on;
 * "not tested" for NAN. */
char *rapport_format_significance   (double      p_value);
/* What to call an account or a person of its lists by the name the store keeps for it:
 * "@jo" where @name can be a handle on @platform (rapport_platform_is_handle()), else @name as
 * it is, so that no name reads as a made-up handle: "Mira Makes" (a YouTube channel's title),
 * "Jo Doe" (a LinkedIn member), "tiktok-download" (a stand-in made of an export's name).  For
 * NULL, "@?", or "?" on a platform without handles. */
char *rapport_format_name           (RapportPlatform platform,
                                     const char     *name);
/* An account id short enough to read: "did:plc:abcd…wxyz" for a DID of the PLC method, whose
 * 24 letters say nothing to a person; any other id whole. */
char *rapport_format_short_id       (const char *id);
/* What to call an account: by its name as rapport_format_name(), else by its id as
 * rapport_format_short_id(). */
char *rapport_format_account        (RapportPlatform platform,
                                     const char     *name,
                                     const char     *id);
/* An account a post mentions, as posts write it, on any platform: "@jo"; one mentioned by id
 * alone (Bluesky's DIDs) without a known @handle, by its id as rapport_format_short_id(); "@?"
 * for neither. */
char *rapport_format_mention        (const char *handle,
                                     const char *id);

/* @text in a cell of |@width| characters, not bytes, so that "—" and "ä" take one column:
 * right-aligned for a positive @width, left-aligned for a negative one, as printf's "%*s";
 * a longer text is returned whole. */
char *rapport_format_pad            (const char *text,
                                     int         width);

G_END_DECLS
