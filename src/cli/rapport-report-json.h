/* rapport-report-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report and its suggestions as JSON for scripts (the shape is documented in
 * docs/report-json.md and docs/report.schema.json).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

/* Version of the JSON shape; changes that break scripts raise it. */
#define RAPPORT_REPORT_JSON_VERSION 2
/* Entries given of a list that grows with the data (followers, posts, tags, …). */
#define RAPPORT_REPORT_JSON_SAMPLE 50

/* One JSON object for the report of one account. */
JsonNode *rapport_report_to_json (const RapportReport *report,
                                  GPtrArray           *suggestions);

G_END_DECLS
