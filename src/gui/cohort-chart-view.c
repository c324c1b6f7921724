/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/**
 * CohortChartView:
 *
 * A figure of the report drawn as a chart, in the colours, font and direction of the widget.
 * To screen readers it is an image with the figure's title as its name and a summary as its
 * description; the figure's table beside it holds every value.
 */
struct _CohortChartView
{
  GtkWidget           parent_instance;

  CohortReportFigure *figure;
};

enum {
  PROP_0,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortChartView, cohort_chart_view, GTK_TYPE_WIDGET)

#define MIN_WIDTH     240
#define NATURAL_WIDTH 520

static void
update_accessible (CohortChartView *self)
{
  g_autofree char *summary = NULL;

  if (self->figure == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  summary = cohort_chart_dup_summary (self->figure);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cohort_report_figure_get_title (self->figure),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
on_dark_changed_cb (CohortChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
cohort_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cohort_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CohortChartView *self = COHORT_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else if (self->figure == NULL)
    {
      *minimum = *natural = 0;
    }
  else
    {
      g_autoptr(CohortChartStyle) style = cohort_chart_view_dup_style (self);
      double width = for_size > 0 ? for_size : NATURAL_WIDTH;
      int height = (int) cohort_chart_get_natural_height (self->figure, style, width);

      /* Shorter, the labels would overprint each other */
      *minimum = height;
      *natural = height;
    }
}

static void
cohort_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CohortChartView *self = COHORT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(CohortChartStyle) style = NULL;
  cairo_t *cr;

  if (self->figure == NULL || width <= 0 || height <= 0)
    return;

  style = cohort_chart_view_dup_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cohort_chart_draw (cr, self->figure, style, width, height);
  cairo_destroy (cr);
}

static void
cohort_chart_view_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous_direction)
{
  GTK_WIDGET_CLASS (cohort_chart_view_parent_class)->direction_changed (widget,
                                                                         previous_direction);
  gtk_widget_queue_draw (widget);
}

static void
cohort_chart_view_dispose (GObject *object)
{
  CohortChartView *self = (CohortChartView *)object;

  g_clear_object (&self->figure);

  G_OBJECT_CLASS (cohort_chart_view_parent_class)->dispose (object);
}

static void
cohort_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CohortChartView *self = COHORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      g_value_set_object (value, self->figure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CohortChartView *self = COHORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      cohort_chart_view_set_figure (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_chart_view_class_init (CohortChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohort_chart_view_dispose;
  object_class->get_property = cohort_chart_view_get_property;
  object_class->set_property = cohort_chart_view_set_property;

  widget_class->get_request_mode = cohort_chart_view_get_request_mode;
  widget_class->measure = cohort_chart_view_measure;
  widget_class->snapshot = cohort_chart_view_snapshot;
  widget_class->direction_changed = cohort_chart_view_direction_changed;

  /**
   * CohortChartView:figure:
   *
   * The figure drawn.
   */
  properties[PROP_FIGURE] =
    g_param_spec_object ("figure", NULL, NULL,
                         COHORT_TYPE_REPORT_FIGURE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cohort_chart_view_init (CohortChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cohort_chart_view_new (CohortReportFigure *figure)
{
  g_return_val_if_fail (figure == NULL || COHORT_IS_REPORT_FIGURE (figure), NULL);

  return g_object_new (COHORT_TYPE_CHART_VIEW, "figure", figure, NULL);
}

CohortReportFigure *
cohort_chart_view_get_figure (CohortChartView *self)
{
  g_return_val_if_fail (COHORT_IS_CHART_VIEW (self), NULL);

  return self->figure;
}

void
cohort_chart_view_set_figure (CohortChartView    *self,
                              CohortReportFigure *figure)
{
  g_return_if_fail (COHORT_IS_CHART_VIEW (self));
  g_return_if_fail (figure == NULL || COHORT_IS_REPORT_FIGURE (figure));

  if (!g_set_object (&self->figure, figure))
    return;

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

CohortChartStyle *
cohort_chart_view_dup_style (CohortChartView *self)
{
  gboolean dark;
  CohortChartStyle *style;
  PangoContext *context;
  const PangoFontDescription *font;
  GdkRGBA color;

  g_return_val_if_fail (COHORT_IS_CHART_VIEW (self), NULL);

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style = cohort_chart_style_new (dark ? COHORT_CHART_SCHEME_DARK : COHORT_CHART_SCHEME_LIGHT);

  /* The text in the colour of the widget's text; the rest follows from it. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  style->foreground = (CohortChartColor) { color.red, color.green, color.blue, color.alpha };
  style->muted = (CohortChartColor) { color.red, color.green, color.blue, color.alpha * 0.7 };
  style->grid = (CohortChartColor) { color.red, color.green, color.blue, color.alpha * 0.15 };
  /* The window's background (libadwaita's @window_bg_color), drawn between neighbouring bars */
  style->background = dark ? (CohortChartColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 }
                           : (CohortChartColor) { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  if (font != NULL)
    {
      pango_font_description_free (style->font);
      style->font = pango_font_description_copy (font);
    }

  style->direction = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                     ? PANGO_DIRECTION_RTL
                     : PANGO_DIRECTION_LTR;

  return style;
}
