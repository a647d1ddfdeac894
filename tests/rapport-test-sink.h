/* rapport-test-sink.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import sink that keeps deep copies of everything in memory, so importer tests can assert
 * exactly what an importer produced without a database.
 */

#pragma once

#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

typedef struct
{
  RapportImportSink parent;

  guint n_set_account;
  RapportPlatform platform;
  char *handle;
  char *platform_id;
  char *display_name;
  gboolean provisional;

  gboolean has_follower_list;
  gboolean has_following_list;
  GPtrArray *followers;    /* RapportRelation with owned strings */
  GPtrArray *following;    /* RapportRelation with owned strings */
  GPtrArray *posts;        /* RapportPost with owned strings and arrays */
  GArray *counts;          /* RapportFollowerCount */
  GArray *gains;           /* RapportFollowerGain */
  GPtrArray *interactions; /* RapportInteraction with owned strings */
  gint64 exported_at;
  RapportDateSource date_source;
  GPtrArray *skipped;      /* "entry: reason" */

  /* When > 0, the sink fails with G_IO_ERROR_FAILED once this many records were added. */
  guint fail_after;
  guint n_added;
} RapportTestSink;

RapportTestSink       *rapport_test_sink_new           (void);
void                   rapport_test_sink_free          (RapportTestSink  *sink);
const RapportRelation *rapport_test_sink_find_relation (RapportTestSink  *sink,
                                                        RapportDirection  direction,
                                                        const char       *handle_or_id);
const RapportPost     *rapport_test_sink_find_post     (RapportTestSink  *sink,
                                                        const char       *platform_id);
gboolean               rapport_test_post_has_hashtag   (const RapportPost *post,
                                                        const char        *tag);
gboolean               rapport_test_post_has_mention   (const RapportPost *post,
                                                        const char        *handle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTestSink, rapport_test_sink_free)

G_END_DECLS
