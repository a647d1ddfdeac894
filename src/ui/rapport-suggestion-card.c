/* rapport-suggestion-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One suggestion of the coach as a card: its category and how far to trust it, what it rests
 * on, what to do, a way to the evidence, and buttons to mark it done or dismiss it.  The
 * buttons only name actions: coach.set-state of the Coach page and the window's evidence
 * actions (win.show-range, win.show-posts, win.show-accounts).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui/rapport-suggestion-card.h"

struct _RapportSuggestionCard
{
  GtkWidget                  parent_instance;

  gint64                     account_id;
  char                      *key;
  RapportSuggestionCategory  category;
  char                      *title;
  char                      *explanation;
  char                      *action;
  double                     confidence;
  guint                      sample_size;

  GtkWidget                 *evidence_button;

  /* Template children; content, the card's one child, is bound so that disposing of the
   * template unparents it. */
  GtkWidget                 *content;
  GtkImage                  *category_icon;
  GtkLabel                  *category_label;
  GtkWidget                 *confidence_badge;
  GtkLevelBar               *confidence_meter;
  GtkLabel                  *confidence_label;
  GtkBox                    *posts_box;
  AdwWrapBox                *buttons_box;
  GtkButton                 *done_button;
  GtkButton                 *dismiss_button;
};

G_DEFINE_FINAL_TYPE (RapportSuggestionCard, rapport_suggestion_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_KEY,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_ACTION,
  PROP_CONFIDENCE,
  PROP_SAMPLE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
rapport_suggestion_card_icon_name (RapportSuggestionCategory category)
{
  switch (category)
    {
    case RAPPORT_SUGGESTION_HASHTAGS:
      return "rapport-hashtag-symbolic";
    case RAPPORT_SUGGESTION_COLLABORATION:
      return "system-users-symbolic";
    case RAPPORT_SUGGESTION_CONSISTENCY:
      return "x-office-calendar-symbolic";
    case RAPPORT_SUGGESTION_RECIPROCITY:
      return "media-playlist-repeat-symbolic";
    case RAPPORT_SUGGESTION_CONTENT:
      return "image-x-generic-symbolic";
    case RAPPORT_SUGGESTION_DATA_COVERAGE:
      return "folder-download-symbolic";
    default:
      g_return_val_if_reached ("dialog-information-symbolic");
    }
}

GVariant *
rapport_suggestion_card_state_target (gint64                  account_id,
                                      const char             *key,
                                      RapportSuggestionState  state)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_variant_new ("(xss)", account_id, key, rapport_suggestion_state_to_string (state));
}

static const char *
confidence_title (RapportConfidence confidence)
{
  switch (confidence)
    {
    case RAPPORT_CONFIDENCE_HIGH:
      return _("High confidence");
    case RAPPORT_CONFIDENCE_MEDIUM:
      return _("Medium confidence");
    case RAPPORT_CONFIDENCE_LOW:
    default:
      return _("Low confidence");
    }
}

/* The action and parameter that open @evidence on another page of the window: a range of the
 * chart, posts by their platform ids, or accounts by their 'who'. */
static GVariant *
evidence_target (const RapportReport   *report,
                 const RapportEvidence *evidence,
                 const char           **action_name)
{
  GVariantBuilder items;
  const char *title = evidence->label != NULL ? evidence->label : "";

  switch (evidence->kind)
    {
    case RAPPORT_EVIDENCE_DATE_RANGE:
      *action_name = "win.show-range";
      return g_variant_new ("(xx)", evidence->start, evidence->end);

    case RAPPORT_EVIDENCE_POSTS:
      *action_name = "win.show-posts";
      g_variant_builder_init (&items, G_VARIANT_TYPE_STRING_ARRAY);
      for (guint i = 0; evidence->posts != NULL && i < evidence->posts->len; i++)
        {
          const RapportDatasetPost *post;

          post = rapport_report_find_post (report, g_array_index (evidence->posts, gint64, i));
          if (post != NULL && post->platform_id != NULL)
            g_variant_builder_add (&items, "s", post->platform_id);
        }
      return g_variant_new ("(sas)", title, &items);

    case RAPPORT_EVIDENCE_ACCOUNTS:
      *action_name = "win.show-accounts";
      g_variant_builder_init (&items, G_VARIANT_TYPE_STRING_ARRAY);
      for (guint i = 0; evidence->accounts != NULL && i < evidence->accounts->len; i++)
        g_variant_builder_add (&items, "s", g_ptr_array_index (evidence->accounts, i));
      return g_variant_new ("(sas)", title, &items);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* One button for the first piece of evidence; with more, the others are in its menu. */
static GtkWidget *
create_evidence_button (const RapportReport *report,
                        GPtrArray           *evidence)
{
  const RapportEvidence *first;
  const char *action_name = NULL;
  GVariant *target;
  GtkWidget *button;

  first = g_ptr_array_index (evidence, 0);
  target = evidence_target (report, first, &action_name);

  if (evidence->len == 1)
    {
      button = gtk_button_new_with_label (_("Show Evidence"));
    }
  else
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      for (guint i = 0; i < evidence->len; i++)
        {
          const RapportEvidence *item_evidence = g_ptr_array_index (evidence, i);
          g_autoptr(GMenuItem) item = NULL;
          const char *item_action = NULL;
          GVariant *item_target = evidence_target (report, item_evidence, &item_action);

          item = g_menu_item_new (item_evidence->label, NULL);
          g_menu_item_set_action_and_target_value (item, item_action, item_target);
          g_menu_append_item (menu, item);
        }

      button = adw_split_button_new ();
      adw_split_button_set_label (ADW_SPLIT_BUTTON (button), _("Show Evidence"));
      adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (button), G_MENU_MODEL (menu));
      adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (button), _("More Evidence"));
    }

  gtk_widget_add_css_class (button, "evidence");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  /* One account: its whole id (a DID the card shows shortened, if at all) in the tooltip. */
  if (first->kind == RAPPORT_EVIDENCE_ACCOUNTS && first->label != NULL &&
      first->accounts != NULL && first->accounts->len == 1)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s (%s)", first->label,
                                                  (const char *) g_ptr_array_index (first->accounts,
                                                                                    0));

      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else if (first->label != NULL)
    gtk_widget_set_tooltip_text (button, first->label);

  return button;
}

void
rapport_suggestion_card_set_evidence (RapportSuggestionCard *self,
                                      const RapportReport   *report,
                                      GPtrArray             *evidence)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (self->evidence_button != NULL)
    {
      adw_wrap_box_remove (self->buttons_box, self->evidence_button);
      self->evidence_button = NULL;
    }

  if (evidence == NULL || evidence->len == 0)
    return;

  self->evidence_button = create_evidence_button (report, evidence);
  /* Alone on its line the box would stretch it. */
  gtk_widget_set_halign (self->evidence_button, GTK_ALIGN_START);
  adw_wrap_box_prepend (self->buttons_box, self->evidence_button);
}

void
rapport_suggestion_card_add_post (RapportSuggestionCard *self,
                                  GdkPaintable          *picture,
                                  const char            *text)
{
  GtkWidget *row;
  GtkWidget *image;
  GtkWidget *label;

  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));
  g_return_if_fail (GDK_IS_PAINTABLE (picture));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* An image keeps to its size whatever the thumbnail's (up to 160 px). */
  image = gtk_image_new_from_paintable (picture);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 40);
  gtk_widget_set_overflow (image, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (image, "post-thumbnail");
  gtk_box_append (GTK_BOX (row), image);
  /* A caption from an export: plain text, never markup. */
  label = gtk_label_new (text != NULL ? text : "");
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (self->posts_box, row);
  gtk_widget_set_visible (GTK_WIDGET (self->posts_box), TRUE);
}

/* Mark Done and Dismiss act on this suggestion once the card knows which it is. */
static void
update_state_targets (RapportSuggestionCard *self)
{
  g_assert (RAPPORT_IS_SUGGESTION_CARD (self));

  if (self->key == NULL)
    return;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->done_button), "coach.set-state");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button),
                                          rapport_suggestion_card_state_target (
                                            self->account_id, self->key,
                                            RAPPORT_SUGGESTION_DONE));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->dismiss_button), "coach.set-state");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->dismiss_button),
                                          rapport_suggestion_card_state_target (
                                            self->account_id, self->key,
                                            RAPPORT_SUGGESTION_DISMISSED));
}

static void
update_confidence (RapportSuggestionCard *self)
{
  RapportConfidence level = rapport_coach_confidence_label (self->confidence);
  g_autofree char *tooltip = NULL;

  g_assert (RAPPORT_IS_SUGGESTION_CARD (self));

  gtk_level_bar_set_value (self->confidence_meter, level + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confidence_meter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, confidence_title (level),
                                  -1);
  gtk_label_set_label (self->confidence_label, confidence_title (level));

  /* Translators: the tooltip of a suggestion's confidence: a value from 0 to 1 and the
   * sample it rests on, "Confidence 0.83 out of 1, from a sample of 24". */
  tooltip = g_strdup_printf (_("Confidence %.2f out of 1, from a sample of %u"),
                             self->confidence, self->sample_size);
  gtk_widget_set_tooltip_text (self->confidence_badge, tooltip);
}

GtkWidget *
rapport_suggestion_card_new (gint64                   account_id,
                             const RapportReport     *report,
                             const RapportSuggestion *suggestion)
{
  RapportSuggestionCard *self;

  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_SUGGESTION_CARD,
                       "account-id", account_id,
                       "key", suggestion->key,
                       "category", suggestion->category,
                       "title", suggestion->title,
                       "explanation", suggestion->explanation,
                       "action", suggestion->action,
                       "confidence", suggestion->confidence,
                       "sample-size", suggestion->n,
                       NULL);
  rapport_suggestion_card_set_evidence (self, report, suggestion->evidence);

  return GTK_WIDGET (self);
}

gint64
rapport_suggestion_card_get_account_id (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), 0);

  return self->account_id;
}

void
rapport_suggestion_card_set_account_id (RapportSuggestionCard *self,
                                        gint64                 account_id)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  update_state_targets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
rapport_suggestion_card_get_key (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), NULL);

  return self->key;
}

void
rapport_suggestion_card_set_key (RapportSuggestionCard *self,
                                 const char            *key)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (!g_set_str (&self->key, key))
    return;

  update_state_targets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

RapportSuggestionCategory
rapport_suggestion_card_get_category (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), RAPPORT_SUGGESTION_HASHTAGS);

  return self->category;
}

static void
update_category (RapportSuggestionCard *self)
{
  g_assert (RAPPORT_IS_SUGGESTION_CARD (self));

  gtk_image_set_from_icon_name (self->category_icon,
                                rapport_suggestion_card_icon_name (self->category));
  gtk_label_set_label (self->category_label,
                       rapport_suggestion_category_title (self->category));
}

void
rapport_suggestion_card_set_category (RapportSuggestionCard     *self,
                                      RapportSuggestionCategory  category)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));
  g_return_if_fail (category <= RAPPORT_SUGGESTION_DATA_COVERAGE);

  if (self->category == category)
    return;

  self->category = category;
  update_category (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
rapport_suggestion_card_get_title (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), NULL);

  return self->title;
}

void
rapport_suggestion_card_set_title (RapportSuggestionCard *self,
                                   const char            *title)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (!g_set_str (&self->title, title))
    return;

  /* What a screen reader calls the card. */
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rapport_suggestion_card_get_explanation (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), NULL);

  return self->explanation;
}

void
rapport_suggestion_card_set_explanation (RapportSuggestionCard *self,
                                         const char            *explanation)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (g_set_str (&self->explanation, explanation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}

const char *
rapport_suggestion_card_get_action (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), NULL);

  return self->action;
}

void
rapport_suggestion_card_set_action (RapportSuggestionCard *self,
                                    const char            *action)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (g_set_str (&self->action, action))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

double
rapport_suggestion_card_get_confidence (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), 0);

  return self->confidence;
}

void
rapport_suggestion_card_set_confidence (RapportSuggestionCard *self,
                                        double                 confidence)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (self->confidence == confidence)
    return;

  self->confidence = confidence;
  update_confidence (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

guint
rapport_suggestion_card_get_sample_size (RapportSuggestionCard *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUGGESTION_CARD (self), 0);

  return self->sample_size;
}

void
rapport_suggestion_card_set_sample_size (RapportSuggestionCard *self,
                                         guint                  sample_size)
{
  g_return_if_fail (RAPPORT_IS_SUGGESTION_CARD (self));

  if (self->sample_size == sample_size)
    return;

  self->sample_size = sample_size;
  update_confidence (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE_SIZE]);
}

static void
rapport_suggestion_card_dispose (GObject *object)
{
  RapportSuggestionCard *self = RAPPORT_SUGGESTION_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SUGGESTION_CARD);
  self->evidence_button = NULL;

  G_OBJECT_CLASS (rapport_suggestion_card_parent_class)->dispose (object);
}

static void
rapport_suggestion_card_finalize (GObject *object)
{
  RapportSuggestionCard *self = RAPPORT_SUGGESTION_CARD (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->action, g_free);

  G_OBJECT_CLASS (rapport_suggestion_card_parent_class)->finalize (object);
}

static void
rapport_suggestion_card_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportSuggestionCard *self = RAPPORT_SUGGESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, rapport_suggestion_card_get_account_id (self));
      break;

    case PROP_KEY:
      g_value_set_string (value, rapport_suggestion_card_get_key (self));
      break;

    case PROP_CATEGORY:
      g_value_set_uint (value, rapport_suggestion_card_get_category (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rapport_suggestion_card_get_title (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, rapport_suggestion_card_get_explanation (self));
      break;

    case PROP_ACTION:
      g_value_set_string (value, rapport_suggestion_card_get_action (self));
      break;

    case PROP_CONFIDENCE:
      g_value_set_double (value, rapport_suggestion_card_get_confidence (self));
      break;

    case PROP_SAMPLE_SIZE:
      g_value_set_uint (value, rapport_suggestion_card_get_sample_size (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_suggestion_card_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportSuggestionCard *self = RAPPORT_SUGGESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      rapport_suggestion_card_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_KEY:
      rapport_suggestion_card_set_key (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      rapport_suggestion_card_set_category (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      rapport_suggestion_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_EXPLANATION:
      rapport_suggestion_card_set_explanation (self, g_value_get_string (value));
      break;

    case PROP_ACTION:
      rapport_suggestion_card_set_action (self, g_value_get_string (value));
      break;

    case PROP_CONFIDENCE:
      rapport_suggestion_card_set_confidence (self, g_value_get_double (value));
      break;

    case PROP_SAMPLE_SIZE:
      rapport_suggestion_card_set_sample_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_suggestion_card_class_init (RapportSuggestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_suggestion_card_dispose;
  object_class->finalize = rapport_suggestion_card_finalize;
  object_class->get_property = rapport_suggestion_card_get_property;
  object_class->set_property = rapport_suggestion_card_set_property;

  /**
   * RapportSuggestionCard:account-id:
   *
   * The store's id of the account the suggestion is about.
   */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  /**
   * RapportSuggestionCard:key:
   *
   * The suggestion's key, which its state is kept under.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, flags);

  /**
   * RapportSuggestionCard:category:
   *
   * The suggestion's RapportSuggestionCategory, shown with its icon.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_uint ("category", NULL, NULL,
                       0, RAPPORT_SUGGESTION_DATA_COVERAGE, RAPPORT_SUGGESTION_HASHTAGS,
                       flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * RapportSuggestionCard:explanation:
   *
   * What the suggestion rests on, with its figures.
   */
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, flags);

  /**
   * RapportSuggestionCard:action:
   *
   * The one thing to do, under "What to Do".
   */
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, flags);

  /**
   * RapportSuggestionCard:confidence:
   *
   * How far to trust the suggestion, from 0 to 1: shown as low, medium or high as the coach
   * labels it (rapport_coach_confidence_label()), with the value in the tooltip.
   */
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0, 1, 0, flags);

  /**
   * RapportSuggestionCard:sample-size:
   *
   * The sample the confidence rests on.
   */
  properties[PROP_SAMPLE_SIZE] =
    g_param_spec_uint ("sample-size", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-suggestion-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, content);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, category_icon);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, category_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, confidence_badge);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, confidence_meter);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, confidence_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, posts_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSuggestionCard, dismiss_button);
}

static void
rapport_suggestion_card_init (RapportSuggestionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The values before any property is set: a hashtag suggestion of low confidence. */
  update_category (self);
  update_confidence (self);
}
