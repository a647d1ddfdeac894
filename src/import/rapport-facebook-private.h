/* rapport-facebook-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of Facebook's importer share.
 */

#pragma once

#include "core/rapport-import-sink.h"

G_BEGIN_DECLS

/* A name longer than this is no name. */
#define RAPPORT_FACEBOOK_MAX_NAME_BYTES 512

/* The people of one direction's lists, which name people only by their display name: a name
 * met twice in one file with two dates is two people, the earlier "Name", the later
 * "Name (2)", and so on, and the n-th of a name in one file is the n-th in another.
 *
 * The lists are read twice.  The first reading counts every name
 * (rapport_facebook_people_count()); the second hands each person whose name is met once
 * straight on, and gives the others to rapport_facebook_people_keep(), to be numbered file by
 * file and merged across files (the earliest date wins) by
 * rapport_facebook_people_hand_on().  A page's followers are hundreds of thousands of names,
 * so only a key of each is held for the first reading, and only the people of repeated names
 * for the second. */
typedef struct _RapportFacebookPeople RapportFacebookPeople;

RapportFacebookPeople *rapport_facebook_people_new          (void);
void                   rapport_facebook_people_free         (RapportFacebookPeople  *self);
void                   rapport_facebook_people_count        (RapportFacebookPeople  *self,
                                                             const char             *name);
/* Ends the first reading. */
void                   rapport_facebook_people_end_counting (RapportFacebookPeople  *self);
/* Keeps the person @name of @since when the name is one that repeats; FALSE, keeping nothing,
 * when it is met once: the caller hands it on as it is. */
gboolean               rapport_facebook_people_keep         (RapportFacebookPeople  *self,
                                                             const char             *name,
                                                             gint64                  since);
/* Ends a file of the second reading: its people of one name are numbered. */
void                   rapport_facebook_people_end_file     (RapportFacebookPeople  *self);
/* Merges the people kept and hands them to @sink as @direction, giving their memory back as
 * it goes.  FALSE with the sink's error. */
gboolean               rapport_facebook_people_hand_on      (RapportFacebookPeople  *self,
                                                             RapportImportSink      *sink,
                                                             RapportDirection        direction,
                                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportFacebookPeople, rapport_facebook_people_free)

G_END_DECLS
