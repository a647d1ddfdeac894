/* rapport-dates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date formats found in platform exports, parsed without the C library's locale: month and
 * weekday names are always English, whatever language the user runs Rapport in.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each parser returns FALSE and leaves *out untouched when the text does not parse. */

/* "Sat Nov 09 12:14:18 +0000 2024" (Twitter's created_at). */
gboolean rapport_date_parse_twitter   (const char *text,
                                       gint64     *out);
/* "2025-10-01 09:31:12", "2025-10-01 09:31" or "2025-10-01", without a zone: taken as UTC;
 * "2025-10-01 09:31:12 UTC" too. */
gboolean rapport_date_parse_naive_utc (const char *text,
                                       gint64     *out);
/* "2024-05-01T10:00:00Z", "2024-05-01T12:00:00.250+02:00"; UTC when no zone is given. */
gboolean rapport_date_parse_iso8601   (const char *text,
                                       gint64     *out);
/* "2019-01-31 23:32 +0000" (Twitter analytics). */
gboolean rapport_date_parse_analytics (const char *text,
                                       gint64     *out);
/* "Jul 5, 2024, 2:34 PM", "May 07, 2026 7:26:55pm", "July 5, 2024 14:34", "Jul 5, 2024", as
 * Meta's HTML pages and later JSON files write them; taken as UTC, since they do not say which
 * zone they were written in. */
gboolean rapport_date_parse_meta_text (const char *text,
                                       gint64     *out);
/* "30 May 2024" (LinkedIn's Connections.csv since 2020), or month first with a two-digit
 * year and a 12-hour clock, "1/8/18, 6:14 PM" (2018); taken as UTC. */
gboolean rapport_date_parse_linkedin  (const char *text,
                                       gint64     *out);
/* The first plausible date written as YYYY-MM-DD or YYYYMMDD in a file name
 * ("instagram-jo-2026-01-04-abc.zip", "jo_20220731.zip"), as midnight UTC; or written
 * YYYY-Mon-DD, with the time when -HH-MM-SS follows ("meta-2026-Jan-04-10-15-30"), as UTC. */
gboolean rapport_date_find_in_name    (const char *name,
                                       gint64     *out);
/* "05/26/2026 10:23", "5/26/2026 10:23:05" or "05/26/2026" (month first, as Meta Business
 * Suite writes them in English), without a zone: taken as UTC. */
gboolean rapport_date_parse_us        (const char *text,
                                       gint64     *out);
/* "27-09-2024", "27.09.2024" or "27/09/2024", with an optional "14:05" or "14:05:30" (day
 * first, as spreadsheet programs in most of Europe re-save dates), without a zone: taken as
 * UTC. */
gboolean rapport_date_parse_day_first (const char *text,
                                       gint64     *out);
/* The last date written Mon-DD-YYYY in a name, as midnight UTC: the end of the range that Meta
 * Business Suite names its exports by ("May-25-2026_Jun-21-2026_1784.csv" → 2026-06-21). */
gboolean rapport_date_find_last_month_day_year (const char *name,
                                                gint64     *out);
/* "2024-05-01" (UTC); NULL when @unix_seconds is outside the years 1–9999. */
char    *rapport_date_format_day      (gint64      unix_seconds);

G_END_DECLS
