/* rapport-coach-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Coach page: the coach's suggestions as cards, most important first, each with what it
 * rests on, what to do, how far to trust it, and a way to the evidence.  Dismissing one or
 * marking it done is remembered in the store and can be undone from the toast; those move to
 * a collapsed section at the end.  "All accounts" shows every account's suggestions, grouped
 * by account, since advice is always about one account.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui/rapport-account-row.h"
#include "ui/rapport-coach-page.h"
#include "ui/rapport-loading-page.h"
#include "ui/rapport-post-item.h"
#include "ui/rapport-suggestion-card.h"
#include "ui/rapport-toast.h"

struct _RapportCoachPage
{
  AdwBin           parent_instance;

  RapportAnalysis *analysis;
  /* The analyses whose ::suggestions-changed the page follows: the one shown, or its
   * children for all accounts. */
  GPtrArray       *watched;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  RapportLoadingPage *loading_page;
  GtkScrolledWindow *scrolled_window;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkBox          *groups_box;

  /* The analysis changed while the page was hidden: built when it is shown. */
  guint            needs_rebuild : 1;
};

G_DEFINE_FINAL_TYPE (RapportCoachPage, rapport_coach_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_label (const char *text,
              const char *first_class,
              ...)
{
  GtkWidget *label = gtk_label_new (text);
  const char *css_class;
  va_list args;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  va_start (args, first_class);
  for (css_class = first_class; css_class != NULL; css_class = va_arg (args, const char *))
    gtk_widget_add_css_class (label, css_class);
  va_end (args);

  return label;
}

/* The dismissed and done suggestions of @analysis, folded away, each with a way back. */
static GtkWidget *
create_closed_section (RapportAnalysis *analysis,
                       GPtrArray       *closed)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *list;
  GtkWidget *expander;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "closed-suggestions");

  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Dismissed and Done"));
  subtitle = g_strdup_printf (ngettext ("%u suggestion", "%u suggestions", closed->len),
                              closed->len);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                               gtk_image_new_from_icon_name ("object-select-symbolic"));

  for (guint i = 0; i < closed->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (closed, i);
      g_autofree char *row_subtitle = NULL;
      GtkWidget *row;
      GtkWidget *restore;

      /* Translators: "Dismissed · Hashtags": the state of a suggestion and its category. */
      row_subtitle = g_strdup_printf (C_("closed suggestion", "%s · %s"),
                                      suggestion->state == RAPPORT_SUGGESTION_DONE
                                        ? _("Done") : _("Dismissed"),
                                      rapport_suggestion_category_title (suggestion->category));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), suggestion->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), row_subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (
                                   rapport_suggestion_card_icon_name (suggestion->category)));

      restore = gtk_button_new_with_label (_("Restore"));
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (restore, "flat");
      gtk_widget_add_css_class (restore, "restore");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "coach.set-state");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (restore),
                                              rapport_suggestion_card_state_target (
                                                rapport_analysis_get_account_id (analysis),
                                                suggestion->key,
                                                RAPPORT_SUGGESTION_OPEN));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  gtk_list_box_append (GTK_LIST_BOX (list), expander);

  return list;
}

/* The cards of one account, then its closed suggestions; with @heading, the account above. */
/* Evidence posts shown with their pictures, and posts looked up for them: a card is built once
 * per analysis, and a long list of posts without pictures costs no more than this. */
#define EVIDENCE_PICTURES     3
#define EVIDENCE_POSTS_LOOKED 12

/* The first posts of @suggestion's evidence that have a picture, each beside its text; posts
 * without one are left out, so that a card never shows an empty frame. */
static void
add_evidence_pictures (RapportSuggestionCard   *card,
                       RapportAnalysis         *analysis,
                       const RapportSuggestion *suggestion)
{
  const RapportReport *report = rapport_analysis_get_report (analysis);
  guint looked = 0;
  guint shown = 0;

  for (guint e = 0; suggestion->evidence != NULL && e < suggestion->evidence->len; e++)
    {
      const RapportEvidence *evidence = g_ptr_array_index (suggestion->evidence, e);

      if (evidence->kind != RAPPORT_EVIDENCE_POSTS || evidence->posts == NULL)
        continue;
      for (guint i = 0; i < evidence->posts->len; i++)
        {
          const RapportDatasetPost *post;
          g_autoptr(GdkPaintable) picture = NULL;
          g_autofree char *text = NULL;

          if (shown == EVIDENCE_PICTURES || looked == EVIDENCE_POSTS_LOOKED)
            return;
          post = rapport_report_find_post (report, g_array_index (evidence->posts, gint64, i));
          if (post == NULL)
            continue;
          looked++;
          picture = rapport_post_thumbnail_new (analysis, post);
          if (picture == NULL)
            continue;
          text = rapport_post_text_line (post->text);
          rapport_suggestion_card_add_post (card, picture, text);
          shown++;
        }
    }
}

static GtkWidget *
create_group (RapportAnalysis *analysis,
              gboolean         heading)
{
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);
  g_autoptr(GPtrArray) closed = g_ptr_array_new ();
  GtkWidget *group;
  guint n_open = 0;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (group, "suggestion-group");

  if (heading)
    {
      const RapportAccount *account = rapport_analysis_get_account (analysis);
      GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *title;

      if (account != NULL)
        {
          GtkWidget *icon;

          icon = gtk_image_new_from_icon_name (rapport_platform_icon_name (account->platform));

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          rapport_platform_display_name (account->platform),
                                          -1);
          gtk_box_append (GTK_BOX (title_box), icon);
        }

      title = gtk_label_new (rapport_analysis_get_title (analysis));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (title, "title-4");
      gtk_box_append (GTK_BOX (title_box), title);
      gtk_box_append (GTK_BOX (group), title_box);
    }

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->state == RAPPORT_SUGGESTION_OPEN)
        {
          GtkWidget *card = rapport_suggestion_card_new (rapport_analysis_get_account_id (analysis),
                                                         rapport_analysis_get_report (analysis),
                                                         suggestion);

          add_evidence_pictures (RAPPORT_SUGGESTION_CARD (card), analysis, suggestion);
          gtk_box_append (GTK_BOX (group), card);
          n_open++;
        }
      else
        {
          g_ptr_array_add (closed, (gpointer) suggestion);
        }
    }

  if (n_open == 0)
    gtk_box_append (GTK_BOX (group),
                    create_label (closed->len > 0
                                    ? _("No open suggestions: every one is dismissed or done.")
                                    : _("No suggestions for this account from its exports so "
                                        "far."),
                                  "dimmed", NULL));

  if (closed->len > 0)
    gtk_box_append (GTK_BOX (group), create_closed_section (analysis, closed));

  return group;
}

static void
count_suggestions (RapportAnalysis *analysis,
                   guint           *n_open,
                   guint           *n_total)
{
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      *n_total += 1;
      if (suggestion->state == RAPPORT_SUGGESTION_OPEN)
        *n_open += 1;
    }
}

static void
rebuild (RapportCoachPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;
  guint n_open = 0;
  guint n_total = 0;

  g_assert (RAPPORT_IS_COACH_PAGE (self));

  self->needs_rebuild = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  /* The suggestions come with the rest of the analysis. */
  if (self->analysis != NULL && !rapport_analysis_has_details (self->analysis))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  for (guint i = 0; i < self->watched->len; i++)
    count_suggestions (g_ptr_array_index (self->watched, i), &n_open, &n_total);

  if (self->analysis == NULL || n_total == 0)
    {
      g_autofree char *description = NULL;

      /* The description is markup; the title is the account's name, from its export. */
      if (self->analysis != NULL)
        description = g_markup_printf_escaped (_("The coach has no advice for %s from the "
                                                 "exports imported so far. It speaks up when "
                                                 "your own numbers show something worth "
                                                 "changing; newer exports give it more to go "
                                                 "on."),
                                               rapport_analysis_get_title (self->analysis));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (n_open > 0)
    title = g_strdup_printf (ngettext ("%u Suggestion", "%u Suggestions", n_open), n_open);
  else
    title = g_strdup (_("All Caught Up"));

  if (rapport_analysis_is_all_accounts (self->analysis))
    subtitle = g_strdup_printf (ngettext ("For your account, most important first.",
                                          "For each of your %u accounts, most important first.",
                                          self->watched->len),
                                self->watched->len);
  else
    /* Translators: %s is an account, "@mira.makes". */
    subtitle = g_strdup_printf (_("For %s, most important first. Each one rests on your own "
                                  "numbers: Show Evidence opens them."),
                                rapport_analysis_get_title (self->analysis));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);

  for (guint i = 0; i < self->watched->len; i++)
    gtk_box_append (self->groups_box,
                    create_group (g_ptr_array_index (self->watched, i),
                                  rapport_analysis_is_all_accounts (self->analysis)));

  gtk_stack_set_visible_child_name (self->stack, "suggestions");
}

static RapportAnalysis *
find_analysis (RapportCoachPage *self,
               gint64            account_id)
{
  g_assert (RAPPORT_IS_COACH_PAGE (self));

  for (guint i = 0; i < self->watched->len; i++)
    {
      RapportAnalysis *analysis = g_ptr_array_index (self->watched, i);

      if (rapport_analysis_get_account_id (analysis) == account_id)
        return analysis;
    }

  return NULL;
}

static const RapportSuggestion *
find_suggestion (RapportAnalysis *analysis,
                 const char      *key)
{
  GPtrArray *suggestions = rapport_analysis_get_suggestions (analysis);

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->key, key))
        return suggestion;
    }

  return NULL;
}

static void
show_error_toast (RapportCoachPage *self,
                  const GError     *error)
{
  g_assert (RAPPORT_IS_COACH_PAGE (self));

  rapport_toast_show (GTK_WIDGET (self->toast_overlay),
                      rapport_toast_new (error->message, ADW_TOAST_PRIORITY_HIGH));
}

/* coach.set-state (xss): account id, suggestion key, new state.  Says what happened in a
 * toast whose Undo brings the previous state back. */
static void
rapport_coach_page_set_state_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  const RapportSuggestion *suggestion;
  RapportSuggestionState previous;
  RapportSuggestionState state;
  g_autofree char *key = NULL;
  g_autofree char *state_name = NULL;
  RapportAnalysis *analysis;
  gint64 account_id;
  AdwToast *toast;

  /* Copies: the button that holds the parameter goes away with the cards it rebuilds. */
  g_variant_get (parameter, "(xss)", &account_id, &key, &state_name);
  state = rapport_suggestion_state_from_string (state_name);

  if ((analysis = find_analysis (self, account_id)) == NULL ||
      (suggestion = find_suggestion (analysis, key)) == NULL)
    return;

  previous = suggestion->state;
  title = g_strdup (suggestion->title);

  if (!rapport_analysis_set_suggestion_state (analysis, key, state, &error))
    {
      show_error_toast (self, error);
      return;
    }

  switch (state)
    {
    case RAPPORT_SUGGESTION_DISMISSED:
      /* Translators: a toast, %s is the suggestion's title. */
      message = g_strdup_printf (_("“%s” dismissed"), title);
      break;

    case RAPPORT_SUGGESTION_DONE:
      /* Translators: a toast, %s is the suggestion's title. */
      message = g_strdup_printf (_("“%s” marked as done"), title);
      break;

    case RAPPORT_SUGGESTION_OPEN:
    default:
      /* Translators: a toast, %s is the suggestion's title. */
      message = g_strdup_printf (_("“%s” restored"), title);
      break;
    }

  toast = rapport_toast_new (message, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "coach.undo");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new ("(xss)", account_id, key,
                                                    rapport_suggestion_state_to_string (previous)));
  rapport_toast_show (GTK_WIDGET (self->toast_overlay), toast);
}

/* coach.undo (xss): puts a suggestion back in the state it had, quietly. */
static void
rapport_coach_page_undo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *state_name = NULL;
  RapportAnalysis *analysis;
  gint64 account_id;

  g_variant_get (parameter, "(xss)", &account_id, &key, &state_name);

  if ((analysis = find_analysis (self, account_id)) == NULL)
    return;

  if (!rapport_analysis_set_suggestion_state (analysis, key,
                                              rapport_suggestion_state_from_string (state_name),
                                              &error))
    show_error_toast (self, error);
}

static void
unwatch (RapportCoachPage *self)
{
  g_assert (RAPPORT_IS_COACH_PAGE (self));

  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* Cards for hundreds of suggestions take a moment: a hidden page waits until it is shown. */
static void
queue_rebuild (RapportCoachPage *self)
{
  g_assert (RAPPORT_IS_COACH_PAGE (self));

  self->needs_rebuild = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
watch (RapportCoachPage *self,
       RapportAnalysis  *analysis)
{
  g_assert (RAPPORT_IS_COACH_PAGE (self));

  g_ptr_array_add (self->watched, g_object_ref (analysis));
  g_signal_connect_swapped (analysis, "suggestions-changed", G_CALLBACK (queue_rebuild), self);
}

static void
analysis_complete_cb (RapportCoachPage *self)
{
  queue_rebuild (self);
}

static void
rapport_coach_page_map (GtkWidget *widget)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (widget);

  /* Before the children are mapped, so the first frame shows the new cards. */
  if (self->needs_rebuild)
    rebuild (self);

  GTK_WIDGET_CLASS (rapport_coach_page_parent_class)->map (widget);
}

RapportAnalysis *
rapport_coach_page_get_analysis (RapportCoachPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_COACH_PAGE (self), NULL);

  return self->analysis;
}

void
rapport_coach_page_set_analysis (RapportCoachPage *self,
                                 RapportAnalysis  *analysis)
{
  g_return_if_fail (RAPPORT_IS_COACH_PAGE (self));
  g_return_if_fail (analysis == NULL || RAPPORT_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, analysis_complete_cb, self);
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL && !rapport_analysis_has_details (analysis))
    g_signal_connect_swapped (analysis, "notify::has-details", G_CALLBACK (analysis_complete_cb),
                              self);

  unwatch (self);

  if (analysis != NULL && rapport_analysis_is_all_accounts (analysis))
    {
      for (guint i = 0; i < rapport_analysis_get_n_children (analysis); i++)
        watch (self, rapport_analysis_get_child (analysis, i));
    }
  else if (analysis != NULL)
    {
      watch (self, analysis);
    }

  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
rapport_coach_page_dispose (GObject *object)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (object);

  if (self->watched != NULL)
    unwatch (self);

  /* The bin holds its child, a template child, too: it lets go first, so that the child is
   * unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_COACH_PAGE);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, analysis_complete_cb, self);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rapport_coach_page_parent_class)->dispose (object);
}

static void
rapport_coach_page_finalize (GObject *object)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_coach_page_parent_class)->finalize (object);
}

static void
rapport_coach_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, rapport_coach_page_get_analysis (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_coach_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportCoachPage *self = RAPPORT_COACH_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      rapport_coach_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_coach_page_class_init (RapportCoachPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_coach_page_dispose;
  object_class->finalize = rapport_coach_page_finalize;
  object_class->get_property = rapport_coach_page_get_property;
  object_class->set_property = rapport_coach_page_set_property;

  widget_class->map = rapport_coach_page_map;

  /**
   * RapportCoachPage:analysis:
   *
   * The analysis whose suggestions are shown, or %NULL.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         RAPPORT_TYPE_ANALYSIS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_LOADING_PAGE);
  g_type_ensure (RAPPORT_TYPE_SUGGESTION_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-coach-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCoachPage, groups_box);

  gtk_widget_class_install_action (widget_class, "coach.set-state", "(xss)",
                                   rapport_coach_page_set_state_action);
  gtk_widget_class_install_action (widget_class, "coach.undo", "(xss)",
                                   rapport_coach_page_undo_action);
}

static void
rapport_coach_page_init (RapportCoachPage *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
