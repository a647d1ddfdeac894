/* rapport-data-guide-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_DATA_GUIDE_DIALOG (rapport_data_guide_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportDataGuideDialog, rapport_data_guide_dialog, RAPPORT,
                      DATA_GUIDE_DIALOG, AdwDialog)

/* "How to Get Your Data": how to request the export of each platform Rapport reads. */
AdwDialog *rapport_data_guide_dialog_new           (void);
/* Opens the page of one platform: "instagram", "x", "tiktok" or "other". */
gboolean   rapport_data_guide_dialog_show_platform (RapportDataGuideDialog *self,
                                                    const char             *platform);

G_END_DECLS
