/* rapport-chart-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend under a RapportChart: what each line, dot and marker means, each entry with a
 * swatch drawn like the chart draws it.  The swatches take their colours from the chart when
 * they are drawn, so they follow the chart into a dark or a high-contrast style.
 */

#include "config.h"

#include "ui/rapport-chart-legend.h"

struct _RapportChartLegend
{
  GtkWidget     parent_instance;

  RapportChart *chart;

  /* Template children */
  GtkFlowBox   *box;
};

G_DEFINE_FINAL_TYPE (RapportChartLegend, rapport_chart_legend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one swatch draws; the legend owns the swatch, so the pointer back is safe. */
typedef struct
{
  RapportChartLegend *legend;
  RapportChartSwatch  kind;
  guint               series;
} Swatch;

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Swatch *swatch = user_data;
  RapportChart *chart = swatch->legend->chart;
  RapportChartSwatch kind = swatch->kind;
  static const double dash[] = { 5, 4 };
  static const double rule_dash[] = { 3, 3 };
  GdkRGBA color;

  if (chart == NULL)
    return;

  if (kind == RAPPORT_CHART_SWATCH_MARKER_LINE || kind == RAPPORT_CHART_SWATCH_MARKER_BAND)
    rapport_chart_get_marker_color (chart,
                                    kind == RAPPORT_CHART_SWATCH_MARKER_BAND
                                      ? RAPPORT_CHART_MARKER_BAND
                                      : RAPPORT_CHART_MARKER_LINE,
                                    &color);
  else if (swatch->series < rapport_chart_get_n_series (chart))
    rapport_chart_get_series_color (chart, swatch->series, &color);
  else
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);

  switch (kind)
    {
    case RAPPORT_CHART_SWATCH_LINE:
    case RAPPORT_CHART_SWATCH_DASHED:
      if (kind == RAPPORT_CHART_SWATCH_DASHED)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, 1, height / 2.0);
      cairo_line_to (cr, width - 1, height / 2.0);
      cairo_stroke (cr);
      break;

    case RAPPORT_CHART_SWATCH_DOTS:
      color.alpha *= 0.6;
      gdk_cairo_set_source_rgba (cr, &color);
      for (int i = 0; i < 3; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, width * (i + 0.5) / 3, height / 2.0 + (i == 1 ? -3 : 2), 2.5, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      break;

    case RAPPORT_CHART_SWATCH_POINT:
      cairo_move_to (cr, 1, height / 2.0);
      cairo_line_to (cr, width - 1, height / 2.0);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, width / 2.0, height / 2.0, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case RAPPORT_CHART_SWATCH_MARKER_LINE:
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, rule_dash, G_N_ELEMENTS (rule_dash), 0);
      cairo_move_to (cr, width / 2.0 + 0.5, 0);
      cairo_line_to (cr, width / 2.0 + 0.5, height);
      cairo_stroke (cr);
      break;

    case RAPPORT_CHART_SWATCH_MARKER_BAND:
    default:
      cairo_rectangle (cr, width / 2.0 - 6, 0, 12, height);
      cairo_fill (cr);
      break;
    }
}

void
rapport_chart_legend_add (RapportChartLegend *self,
                          RapportChartSwatch  kind,
                          guint               series,
                          const char         *text)
{
  GtkWidget *box;
  GtkWidget *swatch;
  GtkWidget *label;
  Swatch *data;

  g_return_if_fail (RAPPORT_IS_CHART_LEGEND (self));
  g_return_if_fail (kind <= RAPPORT_CHART_SWATCH_MARKER_BAND);
  g_return_if_fail (text != NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  swatch = gtk_drawing_area_new ();
  label = gtk_label_new (text);

  data = g_new0 (Swatch, 1);
  data->legend = self;
  data->kind = kind;
  data->series = series;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, data, g_free);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_can_target (swatch, FALSE);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->box, box);
}

void
rapport_chart_legend_clear (RapportChartLegend *self)
{
  g_return_if_fail (RAPPORT_IS_CHART_LEGEND (self));

  gtk_flow_box_remove_all (self->box);
}

/* Each entry is a flow box child holding a box whose first child is the swatch. */
static void
queue_draw_swatches (RapportChartLegend *self)
{
  g_assert (RAPPORT_IS_CHART_LEGEND (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (entry != NULL && gtk_widget_get_first_child (entry) != NULL)
        gtk_widget_queue_draw (gtk_widget_get_first_child (entry));
    }
}

GtkWidget *
rapport_chart_legend_new (void)
{
  return g_object_new (RAPPORT_TYPE_CHART_LEGEND, NULL);
}

RapportChart *
rapport_chart_legend_get_chart (RapportChartLegend *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART_LEGEND (self), NULL);

  return self->chart;
}

void
rapport_chart_legend_set_chart (RapportChartLegend *self,
                                RapportChart       *chart)
{
  g_return_if_fail (RAPPORT_IS_CHART_LEGEND (self));
  g_return_if_fail (chart == NULL || RAPPORT_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  queue_draw_swatches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
rapport_chart_legend_dispose (GObject *object)
{
  RapportChartLegend *self = RAPPORT_CHART_LEGEND (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CHART_LEGEND);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (rapport_chart_legend_parent_class)->dispose (object);
}

static void
rapport_chart_legend_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportChartLegend *self = RAPPORT_CHART_LEGEND (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, rapport_chart_legend_get_chart (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_chart_legend_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportChartLegend *self = RAPPORT_CHART_LEGEND (object);

  switch (prop_id)
    {
    case PROP_CHART:
      rapport_chart_legend_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_chart_legend_class_init (RapportChartLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_chart_legend_dispose;
  object_class->get_property = rapport_chart_legend_get_property;
  object_class->set_property = rapport_chart_legend_set_property;

  /**
   * RapportChartLegend:chart:
   *
   * The chart whose colours the swatches take.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         RAPPORT_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rapport-chart-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportChartLegend, box);
}

static void
rapport_chart_legend_init (RapportChartLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
