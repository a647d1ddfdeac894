/* rapport-coverage-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences of the coverage notes (rapport-coverage-notes.c), for rapport-coverage.c:
 * what each platform's exports say of a figure, or NULL where they say all of it.
 */

#pragma once

#include "analysis/rapport-audience.h"
#include "analysis/rapport-coverage.h"

G_BEGIN_DECLS

/* Whether some export of @platform provides @figure (rapport-coverage.c). */
gboolean    _rapport_coverage_provides        (RapportFigure          figure,
                                               RapportPlatform        platform);
/* "@first @second", or @first alone when @second is NULL (rapport-coverage-notes.c). */
char       *_rapport_join_sentences           (const char            *first,
                                               const char            *second);

char       *_rapport_note_follower_history    (RapportPlatform        platform,
                                               gboolean               reconstructed);
char       *_rapport_note_follow_dates        (RapportPlatform        platform,
                                               gboolean               has_list,
                                               gboolean               live);
char       *_rapport_note_post_engagement     (RapportPlatform        platform);
char       *_rapport_note_impressions         (RapportPlatform        platform);
char       *_rapport_note_comments_received   (RapportPlatform        platform);
const char *_rapport_note_lists               (RapportPlatform        platform);
char       *_rapport_note_churn               (RapportPlatform        platform,
                                               gboolean               live);
char       *_rapport_note_candidates_followed (RapportPlatform        platform,
                                               gboolean               has_following,
                                               guint                  n_targets);
char       *_rapport_note_candidates          (RapportPlatform        platform,
                                               gboolean               has_lists,
                                               gboolean               ids_only,
                                               const RapportNamedIds *named,
                                               guint                  n_targets);

G_END_DECLS
