/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "cohort-report.h"

G_BEGIN_DECLS

/*
 * A figure of the programme report drawn as a chart with Cairo and Pango: bars, stacked bars,
 * horizontal bars or lines, with axes, grid lines and a legend.  The figure's title is not drawn:
 * whatever shows the chart (the window, the PDF) shows the title beside it.
 */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CohortChartColor;

typedef enum
{
  COHORT_CHART_SCHEME_LIGHT,  /* dark text on a light background; also for paper */
  COHORT_CHART_SCHEME_DARK,   /* light text on a dark background */
} CohortChartScheme;

#define COHORT_CHART_MAX_SERIES 8

typedef struct
{
  CohortChartColor      foreground;  /* text, axes */
  CohortChartColor      muted;       /* tick labels, the empty message */
  CohortChartColor      grid;        /* grid lines */
  CohortChartColor      background;  /* alpha 0: the surface is left as it is */
  /* Series colours, used in turn; told apart by lightness as well as hue, so they survive
   * colour blindness and a black-and-white printer. */
  CohortChartColor      series[COHORT_CHART_MAX_SERIES];
  guint                 n_series;
  PangoFontDescription *font;        /* family and size of every label */
  PangoDirection        direction;   /* PANGO_DIRECTION_RTL mirrors the chart */
} CohortChartStyle;

#define COHORT_TYPE_CHART_STYLE (cohort_chart_style_get_type ())

GType             cohort_chart_style_get_type (void) G_GNUC_CONST;
/* A style for @scheme, in "Sans 10", in the direction of the user's language. */
CohortChartStyle *cohort_chart_style_new      (CohortChartScheme       scheme);
CohortChartStyle *cohort_chart_style_copy     (const CohortChartStyle *style);
void              cohort_chart_style_free     (CohortChartStyle       *style);
void              cohort_chart_style_set_font (CohortChartStyle       *style,
                                               const char             *font);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortChartStyle, cohort_chart_style_free)

/* The direction of the user's language (right-to-left for Arabic, Hebrew…). */
PangoDirection    cohort_chart_get_locale_direction (void);

/* Draws @figure in the rectangle (0, 0, @width, @height) of @cr.  @style NULL: a light style. */
void              cohort_chart_draw           (cairo_t                *cr,
                                               CohortReportFigure     *figure,
                                               const CohortChartStyle *style,
                                               double                  width,
                                               double                  height);

/* The height at which @figure reads well at @width: horizontal bars need a line per row. */
double            cohort_chart_get_natural_height (CohortReportFigure     *figure,
                                                   const CohortChartStyle *style,
                                                   double                  width);

/* A sentence describing the chart for screen readers: what it shows and its largest values. */
char             *cohort_chart_dup_summary    (CohortReportFigure     *figure);

gboolean          cohort_chart_write_png      (CohortReportFigure     *figure,
                                               const CohortChartStyle *style,
                                               int                     width,
                                               int                     height,
                                               GFile                  *file,
                                               GError                **error);
gboolean          cohort_chart_write_svg      (CohortReportFigure     *figure,
                                               const CohortChartStyle *style,
                                               double                  width,
                                               double                  height,
                                               GFile                  *file,
                                               GError                **error);

G_END_DECLS
