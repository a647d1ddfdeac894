/* rapport-sha256.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHA-256, as GChecksum computes it, with the processor's SHA instructions where it has them:
 * hashing every byte of a 190 MB export took GLib's portable code a fifth of the import's
 * processor time.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RapportSha256 RapportSha256;

RapportSha256 *rapport_sha256_new        (void);
void           rapport_sha256_update     (RapportSha256 *self,
                                          const guint8  *data,
                                          gsize          size);
/* The digest in lower-case hex, as g_checksum_get_string(); no update may follow. */
const char    *rapport_sha256_get_string (RapportSha256 *self);
void           rapport_sha256_free       (RapportSha256 *self);
/* Whether the processor's instructions are used, for tests. */
gboolean       rapport_sha256_is_accelerated (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportSha256, rapport_sha256_free)

G_END_DECLS
