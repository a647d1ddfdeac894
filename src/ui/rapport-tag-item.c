/* rapport-tag-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the Hashtags page's uplift table, a tag of the report with its figures, and how
 * the table sorts by them.
 */

#include "config.h"

#include <math.h>

#include "ui/rapport-tag-item.h"

struct _RapportTagItem
{
  GObject  parent_instance;

  char    *tag;
  gboolean is_bait;
  guint    n;
  double   median_with;
  double   median_without;
  double   uplift;
  double   p_value;
  guint    confidence;
};

G_DEFINE_FINAL_TYPE (RapportTagItem, rapport_tag_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_TAG,
  ITEM_PROP_IS_BAIT,
  ITEM_PROP_N,
  ITEM_PROP_MEDIAN_WITH,
  ITEM_PROP_MEDIAN_WITHOUT,
  ITEM_PROP_UPLIFT,
  ITEM_PROP_P_VALUE,
  ITEM_PROP_CONFIDENCE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
rapport_tag_item_finalize (GObject *object)
{
  RapportTagItem *self = RAPPORT_TAG_ITEM (object);

  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (rapport_tag_item_parent_class)->finalize (object);
}

static void
rapport_tag_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportTagItem *self = RAPPORT_TAG_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    case ITEM_PROP_IS_BAIT:
      g_value_set_boolean (value, self->is_bait);
      break;

    case ITEM_PROP_N:
      g_value_set_uint (value, self->n);
      break;

    case ITEM_PROP_MEDIAN_WITH:
      g_value_set_double (value, self->median_with);
      break;

    case ITEM_PROP_MEDIAN_WITHOUT:
      g_value_set_double (value, self->median_without);
      break;

    case ITEM_PROP_UPLIFT:
      g_value_set_double (value, self->uplift);
      break;

    case ITEM_PROP_P_VALUE:
      g_value_set_double (value, self->p_value);
      break;

    case ITEM_PROP_CONFIDENCE:
      g_value_set_uint (value, self->confidence);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_tag_item_class_init (RapportTagItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_tag_item_finalize;
  object_class->get_property = rapport_tag_item_get_property;

  /* Read-only: an item is made once per report row.  NAN stands for unknown. */
  item_properties[ITEM_PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_IS_BAIT] = g_param_spec_boolean ("is-bait", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_N] = g_param_spec_uint ("n", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_MEDIAN_WITH] =
    g_param_spec_double ("median-with", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_MEDIAN_WITHOUT] =
    g_param_spec_double ("median-without", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_UPLIFT] =
    g_param_spec_double ("uplift", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_P_VALUE] =
    g_param_spec_double ("p-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  item_properties[ITEM_PROP_CONFIDENCE] =
    g_param_spec_uint ("confidence", NULL, NULL, 0, RAPPORT_CONFIDENCE_HIGH, 0, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
rapport_tag_item_init (RapportTagItem *self)
{
}

RapportTagItem *
rapport_tag_item_new (const RapportTagUplift *uplift)
{
  RapportTagItem *self = g_object_new (RAPPORT_TYPE_TAG_ITEM, NULL);

  self->tag = g_strdup (uplift->tag);
  self->is_bait = uplift->is_bait;
  self->n = uplift->uplift.n_with;
  self->median_with = uplift->uplift.median_with;
  self->median_without = uplift->uplift.median_without;
  self->uplift = uplift->uplift.uplift;
  self->p_value = uplift->uplift.p_value;
  self->confidence = uplift->uplift.confidence;

  return self;
}

/* Unknown (NAN) values sort after known ones. */
static int
compare_double (double a,
                double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);

  return (a > b) - (a < b);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gsize offset = GPOINTER_TO_SIZE (user_data);

  return compare_double (G_STRUCT_MEMBER (double, a, offset),
                         G_STRUCT_MEMBER (double, b, offset));
}

GtkSorter *
rapport_tag_item_sorter_new (const char *property)
{
  /* Rates and p-values compare with unknown ones (NAN) after the known ones, which a numeric
   * sorter does not do. */
  static const struct
  {
    const char *property;
    gsize       offset;
  } doubles[] = {
    { "median-with", G_STRUCT_OFFSET (RapportTagItem, median_with) },
    { "median-without", G_STRUCT_OFFSET (RapportTagItem, median_without) },
    { "uplift", G_STRUCT_OFFSET (RapportTagItem, uplift) },
    { "p-value", G_STRUCT_OFFSET (RapportTagItem, p_value) },
  };
  GtkExpression *expression;

  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    if (g_str_equal (property, doubles[i].property))
      return GTK_SORTER (gtk_custom_sorter_new (compare_items,
                                                GSIZE_TO_POINTER (doubles[i].offset), NULL));

  expression = gtk_property_expression_new (RAPPORT_TYPE_TAG_ITEM, NULL, property);
  if (g_str_equal (property, "tag"))
    return GTK_SORTER (gtk_string_sorter_new (expression));

  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}
