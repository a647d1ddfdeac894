/* rapport-person-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/rapport-dataset.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PERSON_ITEM (rapport_person_item_get_type ())

G_DECLARE_FINAL_TYPE (RapportPersonItem, rapport_person_item, RAPPORT, PERSON_ITEM, GObject)

/* The row of @person on @platform, with its follow dates (Unix seconds, 0 for unknown). */
RapportPersonItem *rapport_person_item_new (RapportPlatform      platform,
                                            const RapportPerson *person,
                                            gint64               follows_since,
                                            gint64               you_follow_since);

const char *rapport_person_item_get_who              (RapportPersonItem *self);
/* The handle as exported, or the platform id when the export has only ids. */
const char *rapport_person_item_get_handle           (RapportPersonItem *self);
/* What the row shows: the handle, or an id too long to read shortened ("did:plc:abcd…wxyz"),
 * with the whole id in the platform id. */
const char *rapport_person_item_get_label            (RapportPersonItem *self);
/* NULL when the export has only names. */
const char *rapport_person_item_get_platform_id      (RapportPersonItem *self);
/* Unix seconds; 0 when unknown or when they do not follow the creator. */
gint64      rapport_person_item_get_follows_since    (RapportPersonItem *self);
/* Unix seconds; 0 when unknown or when the creator does not follow them. */
gint64      rapport_person_item_get_you_follow_since (RapportPersonItem *self);
/* NULL when the platform has no profile address Rapport knows. */
const char *rapport_person_item_get_profile_url      (RapportPersonItem *self);

/* The profile page of an account: by id where the platform links ids (X), else by handle.
 * NULL when neither gives an address on @platform. */
char       *rapport_profile_url                      (RapportPlatform    platform,
                                                      const char        *handle,
                                                      const char        *platform_id);

G_END_DECLS
