/* rapport-linkedin-analytics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinkedIn's creator analytics export: one workbook per period (Content_<dates>.xlsx, from
 * 2026 AggregateAnalytics_<Name>_<start>_<end>.xlsx), opened alone or several in a zip or a
 * folder, with the sheets DISCOVERY, ENGAGEMENT, TOP POSTS, FOLLOWERS and DEMOGRAPHICS.  It
 * gives the top posts with their impressions and engagements, the follower total on the last
 * day and the new followers of each day.
 */

#pragma once

#include "core/rapport-import-sink.h"
#include "import/rapport-archive.h"

G_BEGIN_DECLS

gboolean rapport_linkedin_analytics_recognizes (RapportArchive     *archive);
gboolean rapport_linkedin_analytics_import     (RapportArchive     *archive,
                                                RapportImportSink  *sink,
                                                GCancellable       *cancellable,
                                                GError            **error);

/* The activity id of a post's URL ("…/feed/update/urn:li:activity:7212345678901234567/", the
 * URN alone, percent-encoded, or a public link "…/posts/jo-doe_words-activity-7212…-AbCd"), or
 * NULL. */
char    *rapport_linkedin_activity_id          (const char         *url);

G_END_DECLS
