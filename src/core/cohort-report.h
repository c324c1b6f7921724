/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

/*
 * The programme's report: numbers, not pictures.
 *
 * A report is computed for a filter (a programme or all, a range of fiscal years, and the day that
 * "within the last year" counts back from) and holds an ordered list of figures.  Every figure is a
 * table: column 0 holds the row labels (a year, a country, a sector…), the other columns hold numbers
 * of one kind each.  A figure also says how it is best drawn (its chart kind and which columns are the
 * chart's series), so every face (the window's Reports page, the PDF, the command line's text, CSV and
 * JSON) draws the same figures from the same numbers without knowing what each one means.
 *
 * Figures are identified by a stable id ("pipeline", "gender-stages", "women-share",
 * "nationalities", "regions", "placements-host", "placements-office", "placements-country",
 * "placements-modality", "placements-status", "placement-length", "graduate-sectors",
 * "cumulative"), which CSV and JSON use and which never changes; titles and column titles are
 * translated.
 */

typedef enum
{
  COHORT_REPORT_CHART_NONE,          /* a table only (e.g. lengths in days) */
  COHORT_REPORT_CHART_BARS,          /* one group per row, one bar per series column, side by side */
  COHORT_REPORT_CHART_STACKED_BARS,  /* one bar per row, the series columns stacked */
  COHORT_REPORT_CHART_HBARS,         /* one horizontal bar per row (long labels: countries, hosts) */
  COHORT_REPORT_CHART_LINES,         /* rows along the x axis, one line per series column */
} CohortReportChartKind;

typedef enum
{
  COHORT_REPORT_VALUE_COUNT,    /* a whole number of people, placements… */
  COHORT_REPORT_VALUE_PERCENT,  /* a share from 0 to 100, shown with one decimal */
  COHORT_REPORT_VALUE_DAYS,     /* a length in days, shown with no decimals */
} CohortReportValueKind;

typedef struct
{
  char *programme_code;  /* NULL or "": every programme */
  int   from_year;       /* first fiscal year included; 0: from the first */
  int   to_year;         /* last fiscal year included; 0: to the last */
  char *today;           /* YYYY-MM-DD the report is made on; NULL: today (UTC) */
} CohortReportFilter;

#define COHORT_TYPE_REPORT_FILTER (cohort_report_filter_get_type ())

GType               cohort_report_filter_get_type      (void) G_GNUC_CONST;
CohortReportFilter *cohort_report_filter_new           (void);
CohortReportFilter *cohort_report_filter_copy          (const CohortReportFilter *filter);
void                cohort_report_filter_free          (CohortReportFilter       *filter);
/* A one-line description in words, translated: "All programmes, fiscal years 2019–2024". */
char               *cohort_report_filter_describe      (const CohortReportFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortReportFilter, cohort_report_filter_free)

#define COHORT_TYPE_REPORT_FIGURE (cohort_report_figure_get_type ())

G_DECLARE_FINAL_TYPE (CohortReportFigure, cohort_report_figure, COHORT, REPORT_FIGURE, GObject)

const char           *cohort_report_figure_get_id            (CohortReportFigure *self);
const char           *cohort_report_figure_get_title         (CohortReportFigure *self);
/* How the figure was counted, in a sentence, or NULL ("Counting only careers verified since …;
 * 12 graduates not confirmed."). */
const char           *cohort_report_figure_get_note          (CohortReportFigure *self);
CohortReportChartKind cohort_report_figure_get_chart_kind    (CohortReportFigure *self);

guint                 cohort_report_figure_get_n_columns     (CohortReportFigure *self);
/* Column 0 is the row labels' column. */
const char           *cohort_report_figure_get_column_title  (CohortReportFigure *self,
                                                              guint               column);
/* A stable machine name for the column (CSV header, JSON key): "year", "female", "share_female". */
const char           *cohort_report_figure_get_column_key    (CohortReportFigure *self,
                                                              guint               column);
CohortReportValueKind cohort_report_figure_get_column_kind   (CohortReportFigure *self,
                                                              guint               column);
/* Whether the column is one of the chart's series (column 0 never is). */
gboolean              cohort_report_figure_column_is_series  (CohortReportFigure *self,
                                                              guint               column);

guint                 cohort_report_figure_get_n_rows        (CohortReportFigure *self);
const char           *cohort_report_figure_get_row_label     (CohortReportFigure *self,
                                                              guint               row);
/* Whether the row is a total (drawn in bold in tables, left out of charts). */
gboolean              cohort_report_figure_row_is_total      (CohortReportFigure *self,
                                                              guint               row);
/* column >= 1.  NAN when the value does not exist (a share of nobody). */
double                cohort_report_figure_get_value         (CohortReportFigure *self,
                                                              guint               row,
                                                              guint               column);
/* The value as text in the current locale ("1,234", "45.3 %", "—" for NAN). */
char                 *cohort_report_figure_format_value      (CohortReportFigure *self,
                                                              guint               row,
                                                              guint               column);
/* The value as text for machines (C locale: "1234", "45.3", "" for NAN). */
char                 *cohort_report_figure_format_value_c    (CohortReportFigure *self,
                                                              guint               row,
                                                              guint               column);

#define COHORT_TYPE_REPORT (cohort_report_get_type ())

G_DECLARE_FINAL_TYPE (CohortReport, cohort_report, COHORT, REPORT, GObject)

/* Computes every figure on @db, in one read transaction. */
CohortReport             *cohort_report_compute        (CohortDatabase            *db,
                                                        const CohortReportFilter  *filter,
                                                        GCancellable              *cancellable,
                                                        GError                   **error);
/* The same, off the main thread, on a read-only connection of its own to @db's file. */
void                      cohort_report_compute_async  (CohortDatabase            *db,
                                                        const CohortReportFilter  *filter,
                                                        GCancellable              *cancellable,
                                                        GAsyncReadyCallback        callback,
                                                        gpointer                   user_data);
CohortReport             *cohort_report_compute_finish (GAsyncResult              *result,
                                                        GError                   **error);

const CohortReportFilter *cohort_report_get_filter     (CohortReport              *self);
/* The fiscal years the report covers after the filter was applied to the data (0 when none). */
int                       cohort_report_get_first_year (CohortReport              *self);
int                       cohort_report_get_last_year  (CohortReport              *self);
/* When it was computed, UTC ISO 8601. */
const char               *cohort_report_get_created_at (CohortReport              *self);
guint                     cohort_report_get_n_figures  (CohortReport              *self);
CohortReportFigure       *cohort_report_get_figure     (CohortReport              *self,
                                                        guint                      index);
CohortReportFigure       *cohort_report_find_figure    (CohortReport              *self,
                                                        const char                *id);

/* Building figures (for core's report code and for tests of the faces). */
CohortReportFigure       *cohort_report_figure_new         (const char             *id,
                                                            const char             *title,
                                                            CohortReportChartKind   chart_kind);
void                      cohort_report_figure_set_note    (CohortReportFigure     *self,
                                                            const char             *note);
/* Appends a column; returns its index. */
guint                     cohort_report_figure_add_column  (CohortReportFigure     *self,
                                                            const char             *key,
                                                            const char             *title,
                                                            CohortReportValueKind   kind,
                                                            gboolean                is_series);
/* Appends a row of NAN values; returns its index. */
guint                     cohort_report_figure_add_row     (CohortReportFigure     *self,
                                                            const char             *label,
                                                            gboolean                is_total);
void                      cohort_report_figure_set_value   (CohortReportFigure     *self,
                                                            guint                   row,
                                                            guint                   column,
                                                            double                  value);
CohortReport             *cohort_report_new                (const CohortReportFilter *filter,
                                                            int                       first_year,
                                                            int                       last_year);
void                      cohort_report_add_figure         (CohortReport           *self,
                                                            CohortReportFigure     *figure);

G_END_DECLS
