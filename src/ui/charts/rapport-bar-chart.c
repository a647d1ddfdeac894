/* rapport-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ui/charts/rapport-bar-chart.h"

/* Pixels. */
#define BAR_THICKNESS 14
#define ROW_GAP       10
#define LABEL_GAP     12
#define VALUE_GAP      6
#define MIN_WIDTH    200
#define NAT_WIDTH    480
/* Narrower than this, each label goes above its bar, which then has the full width. */
#define STACKED_BELOW 480
#define LABEL_SPACING  2

typedef struct
{
  char     *label;
  double    value;
  char     *value_text;
  gboolean  warning;
} Bar;

/* What the cached render node was drawn for. */
typedef struct
{
  int      width;
  int      height;
  GdkRGBA  foreground;
  GdkRGBA  accent;
  gboolean dark;
  guint    font_hash;
} DrawKey;

struct _RapportBarChart
{
  GtkWidget      parent_instance;

  GArray        *bars;   /* Bar */

  GskRenderNode *cache;
  DrawKey        cache_key;
};

G_DEFINE_FINAL_TYPE (RapportBarChart, rapport_bar_chart, GTK_TYPE_WIDGET)

/* libadwaita's named warning colour (--warning-bg-color), the semantic colour of a flag. */
static const GdkRGBA warning_light = { 0xe5 / 255.f, 0xa5 / 255.f, 0x0a / 255.f, 1.f };
static const GdkRGBA warning_dark = { 0xcd / 255.f, 0x93 / 255.f, 0x09 / 255.f, 1.f };

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->value_text, g_free);
}

static void
drop_cache (RapportBarChart *self)
{
  g_assert (RAPPORT_IS_BAR_CHART (self));

  g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "#Xg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static gboolean
is_stacked (int width)
{
  return width < STACKED_BELOW;
}

/* The height of one bar with its label: side by side, or the label above. */
static int
row_height (RapportBarChart *self,
            int              width)
{
  int text = line_height (GTK_WIDGET (self));

  g_assert (RAPPORT_IS_BAR_CHART (self));

  if (is_stacked (width))
    return text + LABEL_SPACING + MAX (text, BAR_THICKNESS) + ROW_GAP;

  return MAX (text, BAR_THICKNESS) + ROW_GAP;
}

static PangoLayout *
create_layout (GtkWidget  *widget,
               const char *text,
               gboolean    numeric)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (numeric)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      /* Figures of equal width keep the values' digits in line. */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
    }

  return layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Everything but the hover: labels, bars, values and the zero line.  The widths come from the
 * texts themselves, so the node depends on the size, the colours and the font only. */
static GskRenderNode *
draw (RapportBarChart *self,
      const DrawKey   *key)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  GtkSnapshot *snapshot;
  GdkRGBA muted;
  GdkRGBA dimmed;
  GdkRGBA axis;
  int max_label = 0;
  int max_value = 0;
  int label_width;
  int row;
  int text_line;
  gboolean stacked;
  double lowest = 0;
  double highest = 0;
  double left_room;
  double right_room;
  double span;
  double scale;
  double zero_x;
  double plot_x;

  g_assert (RAPPORT_IS_BAR_CHART (self));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      PangoLayout *label = create_layout (widget, bar->label, FALSE);
      PangoLayout *value = create_layout (widget, bar->value_text, TRUE);
      int width;

      pango_layout_get_pixel_size (label, &width, NULL);
      max_label = MAX (max_label, width);
      pango_layout_get_pixel_size (value, &width, NULL);
      max_value = MAX (max_value, width);
      g_ptr_array_add (labels, label);
      g_ptr_array_add (values, value);

      if (!isnan (bar->value))
        {
          lowest = MIN (lowest, bar->value);
          highest = MAX (highest, bar->value);
        }
    }

  stacked = is_stacked (key->width);
  row = row_height (self, key->width);
  text_line = line_height (widget);

  /* Side by side, long tags give way to the bars: at most two fifths of the width, then
   * ellipsized.  Stacked, they have the whole width above their bar. */
  label_width = stacked ? MAX (1, key->width - max_value - LABEL_GAP)
                        : MIN (max_label, key->width * 2 / 5);
  plot_x = stacked ? 0 : label_width + LABEL_GAP;
  /* Side by side, each value is written at its bar's end; stacked, at the end of its label's
   * line, and the bars have all the width. */
  left_room = !stacked ? max_value + VALUE_GAP : 0;
  right_room = !stacked ? max_value + VALUE_GAP : 0;

  /* Zero in the middle, both sides at one scale: which way a bar goes reads at a glance, and
   * a lone bar does not look as long as the largest could be. */
  highest = MAX (highest, -lowest);
  lowest = -highest;
  span = MAX (1.0, key->width - plot_x - left_room - right_room);
  scale = highest - lowest > 0 ? span / (highest - lowest) : 0;
  zero_x = round (plot_x + left_room - lowest * scale);

  muted = key->foreground;
  muted.alpha *= 0.38f;
  dimmed = key->foreground;
  dimmed.alpha *= 0.75f;
  axis = key->foreground;
  axis.alpha *= 0.3f;

  snapshot = gtk_snapshot_new ();

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      PangoLayout *label = g_ptr_array_index (labels, i);
      PangoLayout *value = g_ptr_array_index (values, i);
      double top = i * row;
      double center;
      int text_height;
      int value_width;

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, stacked ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (label, NULL, &text_height);

      if (stacked)
        {
          append_layout (snapshot, label, 0, top, &key->foreground);
          center = top + text_line + LABEL_SPACING + MAX (text_line, BAR_THICKNESS) / 2.0;
        }
      else
        {
          center = top + row / 2.0;
          append_layout (snapshot, label, 0, round (center - text_height / 2.0), &key->foreground);
        }

      pango_layout_get_pixel_size (value, &value_width, &text_height);

      if (!isnan (bar->value))
        {
          const GdkRGBA *color;
          GskRoundedRect rounded;
          double length = MAX (2.0, fabs (bar->value) * scale);
          double x = bar->value >= 0 ? zero_x : zero_x - length;
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x, round (center - BAR_THICKNESS / 2.0),
                                                     length, BAR_THICKNESS);

          if (bar->warning)
            color = key->dark ? &warning_dark : &warning_light;
          else if (bar->value >= 0)
            color = &key->accent;
          else
            color = &muted;

          gsk_rounded_rect_init_from_rect (&rounded, &rect, MIN (4.0, length / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, color, &rect);
          gtk_snapshot_pop (snapshot);

          if (stacked)
            append_layout (snapshot, value, key->width - value_width, top, &dimmed);
          else
            {
              x = bar->value >= 0 ? x + length + VALUE_GAP : x - VALUE_GAP - value_width;
              append_layout (snapshot, value, round (x), round (center - text_height / 2.0),
                             &dimmed);
            }
        }
      else if (stacked)
        {
          append_layout (snapshot, value, key->width - value_width, top, &dimmed);
        }
      else
        {
          /* No bar: the value (a dash) sits at the zero line. */
          append_layout (snapshot, value, zero_x + VALUE_GAP, round (center - text_height / 2.0),
                         &dimmed);
        }

      /* Stacked, the zero line runs beside the bars only, not through the labels. */
      if (stacked)
        gtk_snapshot_append_color (snapshot, &axis,
                                   &GRAPHENE_RECT_INIT (zero_x - 0.5f,
                                                        center - (BAR_THICKNESS + ROW_GAP) / 2.0,
                                                        1, BAR_THICKNESS + ROW_GAP));
    }

  if (!stacked)
    gtk_snapshot_append_color (snapshot, &axis,
                               &GRAPHENE_RECT_INIT (zero_x - 0.5f, 0, 1, key->height));

  return gtk_snapshot_free_to_node (snapshot);
}

static void
rapport_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (widget);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent = NULL;
  DrawKey key;

  if (self->bars->len == 0)
    return;

  /* Compared byte by byte: no stray padding. */
  memset (&key, 0, sizeof key);

  key.width = gtk_widget_get_width (widget);
  key.height = gtk_widget_get_height (widget);
  gtk_widget_get_color (widget, &key.foreground);
  accent = adw_style_manager_get_accent_color_rgba (style_manager);
  key.accent = *accent;
  key.dark = adw_style_manager_get_dark (style_manager);
  key.font_hash = pango_font_description_hash (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));

  if (self->cache == NULL || memcmp (&key, &self->cache_key, sizeof key) != 0)
    {
      drop_cache (self);
      self->cache = draw (self, &key);
      self->cache_key = key;
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
}

static GtkSizeRequestMode
rapport_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      /* Without a width, as wide as it would like to be. */
      int width = for_size < 0 ? NAT_WIDTH : for_size;

      *minimum = *natural = self->bars->len * row_height (self, width);
    }
}

int
rapport_bar_chart_get_bar_at (RapportBarChart *self,
                              double           y)
{
  int row;

  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), -1);

  if (y < 0 || self->bars->len == 0)
    return -1;

  row = (int) (y / row_height (self, gtk_widget_get_width (GTK_WIDGET (self))));

  return row < (int) self->bars->len ? row : -1;
}

static gboolean
rapport_bar_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_tooltip,
                                 GtkTooltip *tooltip)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (widget);
  g_autofree char *text = NULL;
  const Bar *bar;
  int index;

  if (keyboard_tooltip || (index = rapport_bar_chart_get_bar_at (self, y)) < 0)
    return FALSE;

  bar = &g_array_index (self->bars, Bar, index);
  /* Translators: the tooltip of a bar: the bar's label and its value, "#pottery: -4.8 %". */
  text = g_strdup_printf (C_("bar tooltip", "%s: %s"), bar->label, bar->value_text);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
style_changed_cb (RapportBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rapport_bar_chart_dispose (GObject *object)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  drop_cache (self);

  G_OBJECT_CLASS (rapport_bar_chart_parent_class)->dispose (object);
}

static void
rapport_bar_chart_finalize (GObject *object)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (rapport_bar_chart_parent_class)->finalize (object);
}

static void
rapport_bar_chart_class_init (RapportBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_bar_chart_dispose;
  object_class->finalize = rapport_bar_chart_finalize;

  widget_class->snapshot = rapport_bar_chart_snapshot;
  widget_class->get_request_mode = rapport_bar_chart_get_request_mode;
  widget_class->measure = rapport_bar_chart_measure;
  widget_class->query_tooltip = rapport_bar_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_bar_chart_init (RapportBarChart *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* The accent colour is not part of the widget's CSS state. */
  g_signal_connect_swapped (style_manager, "notify::accent-color-rgba",
                            G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (style_manager, "notify::dark",
                            G_CALLBACK (style_changed_cb), self);
}

GtkWidget *
rapport_bar_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_BAR_CHART, NULL);
}

/**
 * rapport_bar_chart_set_bars:
 * @self: a bar chart
 * @bars: (array length=n_bars): the bars, top to bottom
 * @n_bars: the number of bars
 *
 * Replaces the bars.  The longest bar of each side sets the scale of both, so bars compare
 * across the zero line.
 */
void
rapport_bar_chart_set_bars (RapportBarChart  *self,
                            const RapportBar *bars,
                            guint             n_bars)
{
  g_return_if_fail (RAPPORT_IS_BAR_CHART (self));
  g_return_if_fail (bars != NULL || n_bars == 0);

  g_array_set_size (self->bars, 0);

  for (guint i = 0; i < n_bars; i++)
    {
      Bar bar = {
        .label = g_strdup (bars[i].label != NULL ? bars[i].label : ""),
        .value = bars[i].value,
        .value_text = g_strdup (bars[i].value_text != NULL ? bars[i].value_text : ""),
        .warning = bars[i].warning,
      };

      g_array_append_val (self->bars, bar);
    }

  drop_cache (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
rapport_bar_chart_get_n_bars (RapportBarChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

const char *
rapport_bar_chart_get_bar_label (RapportBarChart *self,
                                 guint            index)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, index).label;
}

double
rapport_bar_chart_get_bar_value (RapportBarChart *self,
                                 guint            index)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < self->bars->len, NAN);

  return g_array_index (self->bars, Bar, index).value;
}
