/* rapport-linkedin-member.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinkedIn's member data export ("Get a copy of your data": Basic_LinkedInDataExport_<date>.zip
 * or Complete_…, a zip of CSV files, or the folder or one of its files): the connections with
 * the day each began, the member's posts (Shares.csv), comments and reactions, and the name in
 * Profile.csv.  It has no counts of any kind.
 */

#pragma once

#include "core/rapport-import-sink.h"
#include "import/rapport-archive.h"

G_BEGIN_DECLS

gboolean rapport_linkedin_member_recognizes (RapportArchive     *archive);
gboolean rapport_linkedin_member_import     (RapportArchive     *archive,
                                             RapportImportSink  *sink,
                                             GCancellable       *cancellable,
                                             GError            **error);

G_END_DECLS
