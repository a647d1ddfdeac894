/* test-coach-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Coach page on the sample data under a headless display: the cards come in the coach's
 * order with its titles, once the rest of a first look is loaded; dismissing or finishing one
 * moves it to the folded section, is kept in the store (a new analysis sees it) and is undone
 * from the toast; "Show Evidence" opens the right evidence through the window's actions; "All
 * accounts" groups the cards by account.  Screenshots of the page go to the build dir.
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-resources.h"
#include "ui/rapport-coach-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-suggestion-card.h"
#include "ui/rapport-window.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* The store's account ids, in the order the sample files import: the first Instagram export
 * writes the Threads account (2) after Instagram's. */
#define INSTAGRAM 1
#define TIKTOK    3

/* What an account's group says when no rule found anything. */
#define NO_SUGGESTIONS "No suggestions for this account from its exports so far."

/* The coach's suggestions for the sample Instagram account, most important first (see the
 * story in build-aux/generate-sample-data.py). */
static const char * const instagram_titles[] = {
  "Review your follow-for-follow pairs",
  "Followers are up, engagement is down",
  "Drop #followforfollow",
  "Drop #f4f",
  "Review the accounts that left after you followed them back",
  "Drop #like4like",
  "Keep using #wheelthrown",
};

typedef struct
{
  char         *data_dir;
  RapportStore *store;
} Fixture;

/* The window's evidence actions, recording what they were asked to show. */
typedef struct
{
  char     *action;
  GVariant *parameter;
} Shown;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->data_dir = rapport_test_make_temp_dir ();
  fixture->store = rapport_test_ui_open_sample_store (fixture->data_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  rapport_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static void
shown_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Shown *shown = user_data;

  g_clear_pointer (&shown->action, g_free);
  g_clear_pointer (&shown->parameter, g_variant_unref);
  shown->action = g_strdup (g_action_get_name (G_ACTION (action)));
  shown->parameter = g_variant_ref (parameter);
}

static void
add_window_actions (GtkWindow *window,
                    Shown     *shown)
{
  static const GActionEntry entries[] = {
    { "show-range", shown_cb, "(xx)", NULL, NULL },
    { "show-posts", shown_cb, "(sas)", NULL, NULL },
    { "show-accounts", shown_cb, "(sas)", NULL, NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), shown);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
}

/* The page in a window of its own that has the window's evidence actions, shown. */
static RapportCoachPage *
present_page (RapportAnalysis *analysis,
              Shown           *shown,
              int              width,
              GtkWindow      **window)
{
  RapportCoachPage *page;

  page = g_object_new (RAPPORT_TYPE_COACH_PAGE, "analysis", analysis, NULL);
  *window = GTK_WINDOW (adw_window_new ());
  add_window_actions (*window, shown);
  gtk_window_set_default_size (*window, width, 760);
  adw_window_set_content (ADW_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (*window);

  rapport_test_ui_wait_allocated (GTK_WIDGET (*window));
  rapport_test_ui_iterate_pending ();

  return page;
}

static gpointer
template_child (RapportCoachPage *page,
                const char       *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_COACH_PAGE, name);
}

/* The widgets under @widget, depth first (the order on screen), with @css_class. */
static void
collect (GtkWidget  *widget,
         const char *css_class,
         GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, css_class, found);
}

static GPtrArray *
find_all (GtkWidget  *widget,
          const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, css_class, found);

  return found;
}

static GtkWidget *
find_one (GtkWidget  *widget,
          const char *css_class)
{
  g_autoptr(GPtrArray) found = find_all (widget, css_class);

  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

static guint
count_with_class (gpointer    widget,
                  const char *css_class)
{
  g_autoptr(GPtrArray) found = find_all (widget, css_class);

  return found->len;
}

static GtkWidget *
nth_with_class (gpointer    widget,
                const char *css_class,
                guint       index)
{
  g_autoptr(GPtrArray) found = find_all (widget, css_class);

  g_assert_cmpuint (index, <, found->len);

  return g_ptr_array_index (found, index);
}

static GPtrArray *
cards (RapportCoachPage *page)
{
  return find_all (template_child (page, "groups_box"), "suggestion-card");
}

static GtkWidget *
nth_card (RapportCoachPage *page,
          guint             index)
{
  return nth_with_class (template_child (page, "groups_box"), "suggestion-card", index);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static const char *
card_title (GtkWidget *card)
{
  return gtk_label_get_label (GTK_LABEL (find_one (card, "suggestion-title")));
}

static GtkWidget *
card_with_title (RapportCoachPage *page,
                 const char       *title)
{
  g_autoptr(GPtrArray) all = cards (page);

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (card_title (g_ptr_array_index (all, i)), title))
      return g_ptr_array_index (all, i);

  return NULL;
}

static void
emit_clicked (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));

  /* A split button's main part is a button of its own. */
  if (ADW_IS_SPLIT_BUTTON (button))
    button = gtk_widget_get_first_child (button);
  g_assert_true (GTK_IS_BUTTON (button));

  /* What a click ends with (activating a button presses it for a while first). */
  g_signal_emit_by_name (button, "clicked");
}

/* What the user clicks. */
static void
click (GtkWidget *button)
{
  emit_clicked (button);
  rapport_test_ui_iterate_pending ();
}

/* Clicks @button, which says what it did in the toast @title, and holds that toast (see
 * rapport_test_ui_hold_toast()) before the main loop runs: on a slow run the loop may spend
 * the toast's seconds laying out the cards. */
static AdwToast *
click_for_toast (RapportCoachPage *page,
                 GtkWidget        *button,
                 const char       *title)
{
  AdwToast *toast;

  emit_clicked (button);
  toast = rapport_test_ui_hold_toast (template_child (page, "toast_overlay"), title);
  rapport_test_ui_iterate_pending ();

  return toast;
}

/* A button of the toasts of @page, found by its label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static const RapportSuggestion *
find_suggestion (RapportAnalysis *analysis,
                 const char      *title)
{
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->title, title))
        return suggestion;
    }

  g_assert_not_reached ();
}

/* The state a freshly loaded analysis gives the suggestion: what the store kept. */
static RapportSuggestionState
stored_state (Fixture    *fixture,
              gint64      account_id,
              const char *title)
{
  g_autoptr(RapportAnalysis) reloaded = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            account_id);

  return find_suggestion (reloaded, title)->state;
}

static void
test_coach_page_cards (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);
  g_autoptr(GPtrArray) all = NULL;
  RapportCoachPage *page;
  GtkWidget *badge;
  GtkWindow *window;
  Shown shown = { 0 };

  page = present_page (analysis, &shown, 900, &window);
  g_assert_true (rapport_coach_page_get_analysis (page) == analysis);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==,
                   "suggestions");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "11 Suggestions");

  /* One card per suggestion, in the coach's order of priority, with its title. */
  all = cards (page);
  g_assert_cmpuint (suggestions->len, ==, 11);
  g_assert_cmpuint (all->len, ==, 11);
  for (guint i = 0; i < all->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      GtkWidget *card = g_ptr_array_index (all, i);

      g_assert_cmpstr (card_title (card), ==, suggestion->title);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_one (card, "suggestion-explanation"))),
                       ==, suggestion->explanation);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_one (card, "suggestion-action"))),
                       ==, suggestion->action);
      if (i > 0)
        {
          const RapportSuggestion *previous = g_ptr_array_index (suggestions, i - 1);

          g_assert_cmpfloat (suggestion->priority, <=, previous->priority);
        }
      if (i < G_N_ELEMENTS (instagram_titles))
        g_assert_cmpstr (card_title (card), ==, instagram_titles[i]);
    }

  /* The confidence: a label, and the value with its sample in the tooltip. */
  badge = find_one (g_ptr_array_index (all, 0), "confidence");
  g_assert_true (has_label (badge, "High confidence"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==,
                   "Confidence 0.99 out of 1, from a sample of 777");
  g_assert_true (has_label (g_ptr_array_index (all, 0), "Reciprocity"));
  /* The headline's divergence, with ten posts at each end, comes before the bait tags. */
  g_assert_true (has_label (g_ptr_array_index (all, 1), "Content"));
  g_assert_true (has_label (g_ptr_array_index (all, 2), "Hashtags"));
  badge = find_one (card_with_title (page, "Followers are up, engagement is down"), "confidence");
  g_assert_true (has_label (badge, "High confidence"));

  /* Nothing dismissed yet: no folded section. */
  g_assert_cmpuint (count_with_class (page, "closed-suggestions"), ==, 0);

  rapport_test_ui_destroy_window (window);
  g_clear_pointer (&shown.parameter, g_variant_unref);
}

/* A card shows the suggestion it is made from, and says when one of its properties changes,
 * only then. */
static void
test_coach_page_suggestion_card (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  const RapportSuggestion *suggestion;
  const RapportReport *report;
  RapportSuggestionCard *card;
  GtkWidget *badge;
  GtkWindow *window;
  GVariant *target;
  guint title_notifies = 0;
  guint confidence_notifies = 0;
  gint64 account_id;
  const char *key;
  const char *state;

  suggestion = g_ptr_array_index (rapport_analysis_get_suggestions (analysis), 0);
  report = rapport_analysis_get_report (analysis);
  card = RAPPORT_SUGGESTION_CARD (rapport_suggestion_card_new (INSTAGRAM, report, suggestion));
  window = rapport_test_ui_show_in_window (GTK_WIDGET (card), 700, 500);

  g_assert_cmpstr (rapport_suggestion_card_get_title (card), ==, instagram_titles[0]);
  g_assert_cmpstr (card_title (GTK_WIDGET (card)), ==, instagram_titles[0]);
  g_assert_cmpstr (rapport_suggestion_card_get_key (card), ==, suggestion->key);
  g_assert_cmpint (rapport_suggestion_card_get_category (card), ==, RAPPORT_SUGGESTION_RECIPROCITY);
  g_assert_true (has_label (GTK_WIDGET (card), "Reciprocity"));
  badge = find_one (GTK_WIDGET (card), "confidence");
  g_assert_true (has_label (badge, "High confidence"));
  g_assert_nonnull (find_one (GTK_WIDGET (card), "evidence"));

  /* Mark Done puts this suggestion of this account in the state "done". */
  target = gtk_actionable_get_action_target_value (
             GTK_ACTIONABLE (find_one (GTK_WIDGET (card), "mark-done")));
  g_variant_get (target, "(x&s&s)", &account_id, &key, &state);
  g_assert_cmpint (account_id, ==, INSTAGRAM);
  g_assert_cmpstr (key, ==, suggestion->key);
  g_assert_cmpstr (state, ==, "done");

  g_signal_connect (card, "notify::title",
                    G_CALLBACK (rapport_test_ui_count_notify_cb), &title_notifies);
  g_signal_connect (card, "notify::confidence",
                    G_CALLBACK (rapport_test_ui_count_notify_cb), &confidence_notifies);

  rapport_suggestion_card_set_title (card, instagram_titles[0]);
  g_assert_cmpuint (title_notifies, ==, 0);
  rapport_suggestion_card_set_title (card, "Drop #f4f");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpstr (card_title (GTK_WIDGET (card)), ==, "Drop #f4f");

  /* 0.3 is medium (from 0.25), as the coach labels it. */
  g_object_set (card, "confidence", 0.3, NULL);
  g_object_set (card, "confidence", 0.3, NULL);
  g_assert_cmpuint (confidence_notifies, ==, 1);
  g_assert_true (has_label (badge, "Medium confidence"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==,
                   "Confidence 0.30 out of 1, from a sample of 777");

  /* Another key: Dismiss acts on that suggestion. */
  g_object_set (card, "key", "hashtags.drop-bait:f4f", NULL);
  target = gtk_actionable_get_action_target_value (
             GTK_ACTIONABLE (find_one (GTK_WIDGET (card), "dismiss")));
  g_variant_get (target, "(x&s&s)", &account_id, &key, &state);
  g_assert_cmpstr (key, ==, "hashtags.drop-bait:f4f");
  g_assert_cmpstr (state, ==, "dismissed");

  rapport_test_ui_destroy_window (window);
}

/* Suggestions come with the rest of the analysis: until then the page says they load. */
static void
test_coach_page_loading (Fixture       *fixture,
                         gconstpointer  user_data)
{
  RapportAnalysis *analysis = rapport_test_ui_load_first_look (fixture->store, "mira.makes");
  g_autofree char *labels = NULL;
  gpointer weak = analysis;
  g_autoptr(GPtrArray) all = NULL;
  GtkWidget *loading;
  RapportCoachPage *page;
  GtkWindow *window;
  Shown shown = { 0 };

  page = present_page (analysis, &shown, 900, &window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==,
                   "loading");
  labels = rapport_test_ui_visible_labels (GTK_WIDGET (page));
  g_assert_cmpstr (labels, ==, "Loading Suggestions|"
                               "The coach needs your followers and the accounts you follow, "
                               "which are still loading|");
  loading = template_child (page, "loading_page");
  g_assert_true (ADW_IS_SPINNER_PAINTABLE (adw_status_page_get_paintable (
                   ADW_STATUS_PAGE (gtk_widget_get_first_child (loading)))));

  rapport_test_ui_complete_analysis (analysis);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==,
                   "suggestions");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "11 Suggestions");
  all = cards (page);
  g_assert_cmpuint (all->len, ==, 11);
  g_assert_cmpstr (card_title (g_ptr_array_index (all, 0)), ==, instagram_titles[0]);

  rapport_test_ui_destroy_window (window);
  g_clear_pointer (&shown.parameter, g_variant_unref);

  /* The thread that loaded the rest may let go of the analysis a moment later. */
  g_object_add_weak_pointer (G_OBJECT (analysis), &weak);
  g_object_unref (analysis);
  while (g_atomic_pointer_get (&weak) != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_coach_page_dismiss (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RapportCoachPage *page;
  GtkWidget *card;
  GtkWidget *expander;
  GtkWidget *undo;
  GtkWindow *window;
  g_autoptr(AdwToast) toast = NULL;
  Shown shown = { 0 };
  guint changes = 0;

  page = present_page (analysis, &shown, 900, &window);
  g_signal_connect_swapped (analysis, "suggestions-changed", G_CALLBACK (count_cb), &changes);

  /* Dismissing the fourth card. */
  card = card_with_title (page, "Drop #f4f");
  g_assert_nonnull (card);
  toast = click_for_toast (page, find_one (card, "dismiss"), "“Drop #f4f” dismissed");
  g_assert_cmpuint (changes, ==, 1);

  /* It leaves the cards for the folded section... */
  after = cards (page);
  g_assert_cmpuint (after->len, ==, 10);
  g_assert_null (card_with_title (page, "Drop #f4f"));
  g_assert_cmpstr (card_title (g_ptr_array_index (after, 3)), ==,
                   "Review the accounts that left after you followed them back");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "10 Suggestions");
  closed = find_all (GTK_WIDGET (page), "closed-suggestions");
  g_assert_cmpuint (closed->len, ==, 1);
  expander = GTK_WIDGET (gtk_list_box_get_row_at_index (g_ptr_array_index (closed, 0), 0));
  g_assert_true (ADW_IS_EXPANDER_ROW (expander));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   "Dismissed and Done");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "1 suggestion");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  rapport_test_ui_iterate_pending ();
  g_assert_true (has_label (expander, "Drop #f4f"));
  g_assert_true (has_label (expander, "Dismissed · Hashtags"));

  /* ...a toast says so... */
  g_assert_true (has_label (GTK_WIDGET (page), "“Drop #f4f” dismissed"));

  /* ...and the store keeps it: a new analysis has it dismissed. */
  g_assert_cmpint (find_suggestion (analysis, "Drop #f4f")->state, ==,
                   RAPPORT_SUGGESTION_DISMISSED);
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Drop #f4f"), ==,
                   RAPPORT_SUGGESTION_DISMISSED);

  /* Undo in the toast brings it back, in its place, and the store forgets. */
  undo = find_button (GTK_WIDGET (page), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  g_assert_cmpuint (changes, ==, 2);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cards (page);
  g_assert_cmpuint (after->len, ==, 11);
  g_assert_cmpstr (card_title (g_ptr_array_index (after, 3)), ==, "Drop #f4f");
  g_assert_cmpuint (count_with_class (page, "closed-suggestions"), ==, 0);
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Drop #f4f"), ==, RAPPORT_SUGGESTION_OPEN);

  rapport_test_ui_destroy_window (window);
}

static void
test_coach_page_done (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(AdwToast) toast = NULL;
  RapportCoachPage *page;
  GtkWidget *expander;
  GtkWindow *window;
  Shown shown = { 0 };

  page = present_page (analysis, &shown, 900, &window);

  /* Marking the first card done, and dismissing the second. */
  toast = click_for_toast (page,
                           find_one (card_with_title (page, "Review your follow-for-follow pairs"),
                                     "mark-done"),
                           "“Review your follow-for-follow pairs” marked as done");
  g_assert_true (has_label (GTK_WIDGET (page),
                            "“Review your follow-for-follow pairs” marked as done"));
  adw_toast_dismiss (toast);
  click (find_one (card_with_title (page, "Drop #followforfollow"), "dismiss"));
  g_assert_cmpuint (count_with_class (template_child (page, "groups_box"), "suggestion-card"),
                    ==, 9);
  g_assert_cmpstr (card_title (nth_card (page, 0)), ==,
                   "Followers are up, engagement is down");
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Review your follow-for-follow pairs"), ==,
                   RAPPORT_SUGGESTION_DONE);

  /* Both in the folded section, by priority; each can be restored. */
  closed = find_all (GTK_WIDGET (page), "closed-suggestions");
  g_assert_cmpuint (closed->len, ==, 1);
  expander = GTK_WIDGET (gtk_list_box_get_row_at_index (g_ptr_array_index (closed, 0), 0));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "2 suggestions");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  rapport_test_ui_iterate_pending ();
  g_assert_true (has_label (expander, "Done · Reciprocity"));
  g_assert_true (has_label (expander, "Dismissed · Hashtags"));

  g_clear_object (&toast);
  toast = click_for_toast (page, nth_with_class (expander, "restore", 0),
                           "“Review your follow-for-follow pairs” restored");
  g_assert_true (has_label (GTK_WIDGET (page),
                            "“Review your follow-for-follow pairs” restored"));
  adw_toast_dismiss (toast);
  g_assert_cmpstr (card_title (nth_card (page, 0)), ==, "Review your follow-for-follow pairs");
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Review your follow-for-follow pairs"), ==,
                   RAPPORT_SUGGESTION_OPEN);
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Drop #followforfollow"), ==,
                   RAPPORT_SUGGESTION_DISMISSED);

  rapport_test_ui_destroy_window (window);
}

static void
test_coach_page_evidence (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  const RapportDataset *dataset = rapport_analysis_get_dataset (analysis);
  const RapportSuggestion *divergence;
  const RapportEvidence *range;
  g_autofree const char **items = NULL;
  RapportCoachPage *page;
  GtkWidget *button;
  GMenuModel *menu;
  GtkWindow *window;
  Shown shown = { 0 };
  const char *title;
  g_autoptr(GVariant) target = NULL;
  gint64 start;
  gint64 end;

  page = present_page (analysis, &shown, 900, &window);

  /* Follow-for-follow pairs: the accounts, by 'who', on the Audience page. */
  click (find_one (card_with_title (page, "Review your follow-for-follow pairs"), "evidence"));
  g_assert_cmpstr (shown.action, ==, "show-accounts");
  g_variant_get (shown.parameter, "(&s^a&s)", &title, &items);
  g_assert_cmpstr (title, ==, "Follow-for-follow pairs");
  g_assert_cmpuint (g_strv_length ((char **) items), ==, 630);
  g_assert_cmpstr (items[0], ==, "anna.craft");
  g_clear_pointer (&items, g_free);

  /* A bait tag: its posts, by their platform ids, on the Posts page. */
  click (find_one (card_with_title (page, "Drop #followforfollow"), "evidence"));
  g_assert_cmpstr (shown.action, ==, "show-posts");
  g_variant_get (shown.parameter, "(&s^a&s)", &title, &items);
  g_assert_cmpstr (title, ==, "Posts with #followforfollow");
  g_assert_cmpuint (g_strv_length ((char **) items), ==, 11);
  for (guint i = 0; items[i] != NULL; i++)
    {
      gboolean tagged = FALSE;

      for (guint j = 0; j < dataset->posts->len; j++)
        {
          const RapportDatasetPost *post = g_ptr_array_index (dataset->posts, j);

          if (g_strcmp0 (post->platform_id, items[i]) == 0)
            tagged = g_strv_contains ((const char * const *) post->hashtags, "followforfollow");
        }
      g_assert_true (tagged);
    }
  g_clear_pointer (&items, g_free);

  /* Three pieces of evidence: the first on the button, all three in its menu. */
  divergence = find_suggestion (analysis, "Followers are up, engagement is down");
  g_assert_cmpuint (divergence->evidence->len, ==, 3);
  button = find_one (card_with_title (page, "Followers are up, engagement is down"), "evidence");
  g_assert_true (ADW_IS_SPLIT_BUTTON (button));
  click (button);
  g_assert_cmpstr (shown.action, ==, "show-posts");
  g_variant_get (shown.parameter, "(&s^a&s)", &title, &items);
  g_assert_cmpstr (title, ==, "Posts of the first window");
  g_assert_cmpuint (g_strv_length ((char **) items), ==, 10);

  menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  range = g_ptr_array_index (divergence->evidence, 2);
  g_assert_cmpint (range->kind, ==, RAPPORT_EVIDENCE_DATE_RANGE);
  {
    g_autofree char *action = NULL;
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (menu, 2, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "The range compared");
    g_assert_true (g_menu_model_get_item_attribute (menu, 2, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &action));
    g_assert_cmpstr (action, ==, "win.show-range");
    target = g_menu_model_get_item_attribute_value (menu, 2, G_MENU_ATTRIBUTE_TARGET,
                                                    G_VARIANT_TYPE ("(xx)"));
    g_assert_nonnull (target);
    g_variant_get (target, "(xx)", &start, &end);
    g_assert_cmpint (start, ==, range->start);
    g_assert_cmpint (end, ==, range->end);
    /* 24 Jun 2022 to 5 Jul 2024. */
    g_assert_cmpint (start, ==, 1656028800);
    g_assert_cmpint (end, ==, 1720137600);

    /* What the menu item does: the range on the Overview. */
    gtk_widget_activate_action_variant (button, action, target);
    g_assert_cmpstr (shown.action, ==, "show-range");
    g_assert_true (g_variant_equal (shown.parameter, target));
  }

  rapport_test_ui_destroy_window (window);
  g_clear_pointer (&shown.action, g_free);
  g_clear_pointer (&shown.parameter, g_variant_unref);
}

static void
test_coach_page_all_accounts (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store, 0);
  g_autoptr(GPtrArray) groups = NULL;
  RapportCoachPage *page;
  GtkWindow *window;
  Shown shown = { 0 };
  GtkWidget *card;

  page = present_page (analysis, &shown, 900, &window);

  /* One group per account, in the sidebar's order, each with its own cards. */
  groups = find_all (template_child (page, "groups_box"), "suggestion-group");
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_true (has_label (g_ptr_array_index (groups, 0), "@mira.makes"));
  g_assert_true (has_label (g_ptr_array_index (groups, 1), "@mira.makes"));
  g_assert_true (has_label (g_ptr_array_index (groups, 2), "@miramakes"));
  g_assert_true (has_label (g_ptr_array_index (groups, 3), "@miramakes"));
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 0), "suggestion-card"), ==, 11);
  g_assert_false (has_label (g_ptr_array_index (groups, 0), NO_SUGGESTIONS));
  /* Threads: its posts carry no counts, it has no follow-for-follow pairs, and it posts
   * steadily (spread 0.37, 4 of 63 weeks without a post): no rule speaks; the group says so. */
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 1), "suggestion-card"), ==, 0);
  g_assert_true (has_label (g_ptr_array_index (groups, 1), NO_SUGGESTIONS));
  /* TikTok Studio's daily totals leave no call for more real follower totals; its Content.csv
   * would add the comment counts. */
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 2), "suggestion-card"), ==, 4);
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 3), "suggestion-card"), ==, 5);
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "title_label")), ==,
                   "20 Suggestions");
  g_assert_cmpstr (gtk_label_get_label (template_child (page, "subtitle_label")), ==,
                   "For each of your 4 accounts, most important first.");

  /* Dismissing TikTok's first one is kept for that account. */
  card = nth_with_class (g_ptr_array_index (groups, 2), "suggestion-card", 0);
  g_assert_cmpstr (card_title (card), ==, "Post on a steadier rhythm");
  click (find_one (card, "dismiss"));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = find_all (template_child (page, "groups_box"), "suggestion-group");
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 2), "suggestion-card"), ==, 3);
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 2), "closed-suggestions"), ==, 1);
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 0), "suggestion-card"), ==, 11);
  g_assert_cmpuint (count_with_class (g_ptr_array_index (groups, 1), "suggestion-card"), ==, 0);
  g_assert_cmpint (stored_state (fixture, TIKTOK, "Post on a steadier rhythm"), ==,
                   RAPPORT_SUGGESTION_DISMISSED);
  g_assert_cmpint (stored_state (fixture, INSTAGRAM, "Post on a steadier rhythm"), ==,
                   RAPPORT_SUGGESTION_OPEN);

  /* Without an analysis, nothing. */
  rapport_coach_page_set_analysis (page, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==, "empty");
  g_assert_cmpuint (count_with_class (template_child (page, "groups_box"), "suggestion-card"),
                    ==, 0);

  rapport_test_ui_destroy_window (window);
}

/* In the window, the evidence actions lead to the pages that show the evidence. */
static void
test_coach_page_window_evidence (void)
{
  g_autoptr(RapportApplication) app = rapport_application_new ();
  g_autoptr(GError) error = NULL;
  RapportCoachPage *page;
  AdwViewStack *view_stack;
  RapportWindow *window;
  GtkWidget *button;
  GMenuModel *menu;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  /* Test programs run side by side on one session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = rapport_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rapport_window_explore_sample_data (window);
  while (rapport_window_get_busy (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  rapport_test_ui_iterate_pending ();

  g_assert_true (rapport_window_set_page (window, "coach"));
  view_stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              RAPPORT_TYPE_WINDOW,
                                                              "view_stack"));
  page = RAPPORT_COACH_PAGE (adw_view_stack_get_child_by_name (view_stack, "coach"));
  g_assert_true (rapport_coach_page_get_analysis (page) == rapport_window_get_analysis (window));
  rapport_test_ui_iterate_pending ();

  /* Accounts: the Audience page. */
  click (find_one (card_with_title (page, "Review your follow-for-follow pairs"), "evidence"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "audience");

  /* Posts: the Posts page. */
  rapport_window_set_page (window, "coach");
  click (find_one (card_with_title (page, "Drop #f4f"), "evidence"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "posts");

  /* A range: the Overview. */
  rapport_window_set_page (window, "coach");
  button = find_one (card_with_title (page, "Followers are up, engagement is down"), "evidence");
  menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (button));
  g_assert_true (g_menu_model_get_item_attribute (menu, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (menu, 2, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_true (gtk_widget_activate_action_variant (button, action, target));
  rapport_test_ui_iterate_pending ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "overview");

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

/* The top of the page and, with one card done and one dismissed, its end. */
static void
shoot (Fixture        *fixture,
       AdwColorScheme  scheme,
       int             width,
       const char     *name)
{
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis_by_id (fixture->store,
                                                                            INSTAGRAM);
  g_autofree char *end_name = g_strconcat (name, "-end", NULL);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) closed = NULL;
  RapportCoachPage *page;
  GtkAdjustment *adjustment;
  GtkWindow *window;
  Shown shown = { 0 };

  adw_style_manager_set_color_scheme (style_manager, scheme);

  page = present_page (analysis, &shown, width, &window);
  rapport_test_ui_settle ();
  rapport_test_ui_render_screenshot (window, name);

  click (find_one (card_with_title (page, "Keep using #wheelthrown"), "mark-done"));
  click (find_one (card_with_title (page, "Drop #like4like"), "dismiss"));
  closed = find_all (GTK_WIDGET (page), "closed-suggestions");
  adw_expander_row_set_expanded (
    ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (g_ptr_array_index (closed, 0), 0)), TRUE);
  rapport_test_ui_settle ();
  adjustment = gtk_scrolled_window_get_vadjustment (template_child (page, "scrolled_window"));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  rapport_test_ui_settle ();
  rapport_test_ui_render_screenshot (window, end_name);

  /* Open again for the next picture. */
  for (guint i = 0; i < 2; i++)
    {
      const char *title = i == 0 ? "Keep using #wheelthrown" : "Drop #like4like";
      g_autoptr(GError) error = NULL;

      rapport_analysis_set_suggestion_state (analysis, find_suggestion (analysis, title)->key,
                                             RAPPORT_SUGGESTION_OPEN, &error);
      g_assert_no_error (error);
    }

  rapport_test_ui_destroy_window (window);
  g_clear_pointer (&shown.action, g_free);
  g_clear_pointer (&shown.parameter, g_variant_unref);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_coach_page_screenshots (Fixture       *fixture,
                             gconstpointer  user_data)
{
  shoot (fixture, ADW_COLOR_SCHEME_FORCE_LIGHT, 900, "coach-page-light");
  shoot (fixture, ADW_COLOR_SCHEME_FORCE_DARK, 900, "coach-page-dark");
  shoot (fixture, ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "coach-page-narrow");

  /* All accounts, grouped. */
  {
    g_autoptr(RapportAnalysis) all = rapport_test_ui_load_analysis_by_id (fixture->store, 0);
    RapportCoachPage *page;
    GtkWindow *window;
    Shown shown = { 0 };

    page = present_page (all, &shown, 900, &window);
    g_assert_true (RAPPORT_IS_COACH_PAGE (page));
    rapport_test_ui_settle ();
    rapport_test_ui_render_screenshot (window, "coach-page-all");
    rapport_test_ui_destroy_window (window);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A reference links the resources (templates, icons) in from the static library. */
  g_assert_nonnull (rapport_get_resource ());
  rapport_screenshot_set_up_display ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/coach-page/cards", test_coach_page_cards);
  ADD ("/coach-page/suggestion-card", test_coach_page_suggestion_card);
  ADD ("/coach-page/loading", test_coach_page_loading);
  ADD ("/coach-page/dismiss", test_coach_page_dismiss);
  ADD ("/coach-page/done", test_coach_page_done);
  ADD ("/coach-page/evidence", test_coach_page_evidence);
  ADD ("/coach-page/all-accounts", test_coach_page_all_accounts);
  ADD ("/coach-page/screenshots", test_coach_page_screenshots);

#undef ADD

  g_test_add_func ("/coach-page/window-evidence", test_coach_page_window_evidence);

  return g_test_run ();
}
