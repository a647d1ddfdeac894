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

G_END_DECLS
