/* rapport-suggestion-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "coach/rapport-coach.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SUGGESTION_CARD (rapport_suggestion_card_get_type ())

G_DECLARE_FINAL_TYPE (RapportSuggestionCard, rapport_suggestion_card, RAPPORT, SUGGESTION_CARD,
                      GtkWidget)

/* A card showing @suggestion of the account of @report; its buttons activate coach.set-state
 * with @account_id and the suggestion's key, and the window's evidence actions. */
GtkWidget  *rapport_suggestion_card_new              (gint64                     account_id,
                                                      const RapportReport       *report,
                                                      const RapportSuggestion   *suggestion);

gint64      rapport_suggestion_card_get_account_id   (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_account_id   (RapportSuggestionCard     *self,
                                                      gint64                     account_id);
const char *rapport_suggestion_card_get_key          (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_key          (RapportSuggestionCard     *self,
                                                      const char                *key);
RapportSuggestionCategory
            rapport_suggestion_card_get_category     (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_category     (RapportSuggestionCard     *self,
                                                      RapportSuggestionCategory  category);
const char *rapport_suggestion_card_get_title        (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_title        (RapportSuggestionCard     *self,
                                                      const char                *title);
const char *rapport_suggestion_card_get_explanation  (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_explanation  (RapportSuggestionCard     *self,
                                                      const char                *explanation);
const char *rapport_suggestion_card_get_action       (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_action       (RapportSuggestionCard     *self,
                                                      const char                *action);
double      rapport_suggestion_card_get_confidence   (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_confidence   (RapportSuggestionCard     *self,
                                                      double                     confidence);
guint       rapport_suggestion_card_get_sample_size  (RapportSuggestionCard     *self);
void        rapport_suggestion_card_set_sample_size  (RapportSuggestionCard     *self,
                                                      guint                      sample_size);
/* The button to @evidence (RapportEvidence) of a suggestion about the account of @report:
 * one button, with a menu of the others when there are more.  No button without evidence. */
void        rapport_suggestion_card_set_evidence     (RapportSuggestionCard     *self,
                                                      const RapportReport       *report,
                                                      GPtrArray                 *evidence);

/* A post of the evidence beside its text: @picture, its thumbnail (never NULL: a post without
 * one is not shown), and @text on one line. */
void        rapport_suggestion_card_add_post         (RapportSuggestionCard     *self,
                                                      GdkPaintable              *picture,
                                                      const char                *text);

/* The symbolic icon of a category of suggestions. */
const char *rapport_suggestion_card_icon_name        (RapportSuggestionCategory  category);
/* The parameter of coach.set-state (xss) that puts the suggestion @key of @account_id in
 * @state. */
GVariant   *rapport_suggestion_card_state_target     (gint64                     account_id,
                                                      const char                *key,
                                                      RapportSuggestionState     state);

G_END_DECLS
