/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cohort-chart.h"
#include "cohort-report.h"

G_BEGIN_DECLS

#define COHORT_TYPE_CHART_VIEW (cohort_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CohortChartView, cohort_chart_view, COHORT, CHART_VIEW, GtkWidget)

GtkWidget          *cohort_chart_view_new        (CohortReportFigure *figure);
CohortReportFigure *cohort_chart_view_get_figure (CohortChartView    *self);
void                cohort_chart_view_set_figure (CohortChartView    *self,
                                                  CohortReportFigure *figure);
/* The style the view draws with now: its colours, font and direction. */
CohortChartStyle   *cohort_chart_view_dup_style  (CohortChartView    *self);

G_END_DECLS
