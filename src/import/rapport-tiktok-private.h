/* rapport-tiktok-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the TikTok importer's files share, and what tests and the fuzz target need: the long
 * lists of small exports read in batches.
 */

#pragma once

#include "import/rapport-json-array.h"
#include "rapport-tiktok-importer.h"

G_BEGIN_DECLS

/* Lists longer than this are read in batches instead of as part of the document's tree. */
#define RAPPORT_TIKTOK_LONG_LIST_BYTES (64 << 10)

/* rapport_tiktok_import() with lists longer than @long_list_bytes read in batches. */
gboolean rapport_tiktok_import_with_limit (RapportArchive     *archive,
                                           RapportImportSink  *sink,
                                           gsize               long_list_bytes,
                                           GCancellable       *cancellable,
                                           GError            **error);

/* rapport-tiktok-layouts.c */

/* The parts of an export Rapport reads, each NULL when the export lacks it. */
typedef struct
{
  const RapportJsonValue *followers; /* holds FansList */
  const RapportJsonValue *following; /* holds Following */
  const RapportJsonValue *videos;    /* holds VideoList */
  const RapportJsonValue *profile;   /* the ProfileMap */
  const RapportJsonValue *comments;  /* holds CommentsList */
} RapportTiktokSections;

/* Finds the parts in @root, the document's object, whatever its layout.  FALSE when none
 * describes the audience or the videos (the profile, a follow list, the videos). */
gboolean rapport_tiktok_find_sections (const RapportJsonValue *root,
                                       RapportTiktokSections  *sections);
/* The sections of @root with their parts, for a message: "Comment (Comments), App Settings";
 * NULL when @root has none. */
char    *rapport_tiktok_describe      (const RapportJsonValue *root);

G_END_DECLS
