/* rapport-test-instagram.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Instagram importer's tests share: importing a fixture or a zip written on the spot
 * into a RapportTestSink, and assertions on what the sink got.
 */

#pragma once

#include "rapport-test-sink.h"

G_BEGIN_DECLS

/* "😂" */
#define TEARS_OF_JOY "\xf0\x9f\x98\x82"

/* A row of a follow list, which a file of one row may also hold bare. */
#define FOLLOWER_ROW(name, when) \
  "{\"title\": \"\", \"media_list_data\": [], \"string_list_data\": [{\"href\": " \
  "\"https://www.instagram.com/" name "\", \"value\": \"" name "\", \"timestamp\": " when "}]}"

#define PROFILE_ENTRY "personal_information/personal_information/personal_information.json"
#define PROFILE_JSON \
  "{\"profile_user\": [{\"string_map_data\": {\"Username\": {\"value\": \"jo.doe\"}}}]}"

/* Imports the export at @path, which must succeed and be recognized. */
RapportTestSink   *rapport_test_instagram_import   (const char              *path);
/* The same for tests/fixtures/instagram/@name. */
RapportTestSink   *rapport_test_instagram_fixture  (const char              *name);
/* The same for a zip named @zip_name in @dir, written from up to three pairs of entry name and
 * content, NULL-terminated. */
RapportTestSink   *rapport_test_instagram_zip      (const char              *dir,
                                                    const char              *zip_name,
                                                    ...) G_GNUC_NULL_TERMINATED;

void               rapport_test_assert_relation    (RapportTestSink         *sink,
                                                    RapportDirection         direction,
                                                    guint                    index,
                                                    const char              *handle,
                                                    gint64                   since);
const RapportPost *rapport_test_assert_post        (RapportTestSink         *sink,
                                                    const char              *id,
                                                    RapportPostType          type,
                                                    gint64                   created_at,
                                                    const char              *text);
/* @actual joined with "|" ("" for NULL) is @expected. */
void               rapport_test_assert_strv        (const char * const      *actual,
                                                    const char              *expected);
void               rapport_test_assert_no_counts   (const RapportPost       *post);
void               rapport_test_assert_interaction (RapportTestSink         *sink,
                                                    guint                    index,
                                                    RapportInteractionKind   kind,
                                                    const char              *target,
                                                    gint64                   at,
                                                    const char              *text);
void               rapport_test_assert_skipped     (RapportTestSink         *sink,
                                                    guint                    index,
                                                    const char              *message);
/* The posts the sink got, by kind: feed posts (photos, videos and carousels), reels and
 * stories, and how many of them all were archived. */
void               rapport_test_assert_kinds       (RapportTestSink         *sink,
                                                    guint                    feed,
                                                    guint                    reels,
                                                    guint                    stories,
                                                    guint                    archived);

G_END_DECLS
