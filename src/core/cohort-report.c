/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-report"
/*
 * The report's containers: the filter, the figures (tables that say how they are best drawn) and the
 * report that holds them.  What the figures count is computed in cohort-report-compute.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cohort-report.h"
#include "cohort-utils.h"

/* Filter */

G_DEFINE_BOXED_TYPE (CohortReportFilter, cohort_report_filter,
                     cohort_report_filter_copy, cohort_report_filter_free)

CohortReportFilter *
cohort_report_filter_new (void)
{
  return g_new0 (CohortReportFilter, 1);
}

CohortReportFilter *
cohort_report_filter_copy (const CohortReportFilter *filter)
{
  CohortReportFilter *copy = cohort_report_filter_new ();

  if (filter == NULL)
    return copy;

  copy->programme_code = g_strdup (filter->programme_code);
  copy->from_year = filter->from_year;
  copy->to_year = filter->to_year;
  copy->today = g_strdup (filter->today);

  return copy;
}

void
cohort_report_filter_free (CohortReportFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->programme_code);
  g_free (filter->today);
  g_free (filter);
}

char *
cohort_report_filter_describe (const CohortReportFilter *filter)
{
  g_autofree char *programme = NULL;
  g_autofree char *years = NULL;
  gboolean all_programmes = filter == NULL || filter->programme_code == NULL ||
                            filter->programme_code[0] == '\0';
  int from = filter != NULL ? filter->from_year : 0;
  int to = filter != NULL ? filter->to_year : 0;

  if (all_programmes)
    programme = g_strdup (_("All programmes"));
  else
    /* Translators: %s is a programme's code, e.g. "PRIMARY" */
    programme = g_strdup_printf (_("Programme %s"), filter->programme_code);

  if (from > 0 && to > 0 && from == to)
    /* Translators: %d is a fiscal year, e.g. 2024 */
    years = g_strdup_printf (_("fiscal year %d"), from);
  else if (from > 0 && to > 0)
    /* Translators: a range of fiscal years, e.g. "fiscal years 2019–2024" */
    years = g_strdup_printf (_("fiscal years %d–%d"), from, to);
  else if (from > 0)
    /* Translators: %d is a fiscal year */
    years = g_strdup_printf (_("fiscal years from %d"), from);
  else if (to > 0)
    /* Translators: %d is a fiscal year */
    years = g_strdup_printf (_("fiscal years up to %d"), to);
  else
    years = g_strdup (_("all fiscal years"));

  /* Translators: the filter of a report: "All programmes, fiscal years 2019–2024" */
  return g_strdup_printf (_("%s, %s"), programme, years);
}

/* Figure */

typedef struct
{
  char                 *key;
  char                 *title;
  CohortReportValueKind kind;
  gboolean              is_series;
} Column;

typedef struct
{
  char     *label;
  gboolean  is_total;
  GArray   *values;  /* double, one per column; index 0 unused */
} Row;

struct _CohortReportFigure
{
  GObject               parent_instance;

  char                 *id;
  char                 *title;
  char                 *note;
  CohortReportChartKind chart_kind;
  GArray               *columns;  /* Column */
  GPtrArray            *rows;     /* Row* */
};

G_DEFINE_FINAL_TYPE (CohortReportFigure, cohort_report_figure, G_TYPE_OBJECT)

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->key);
  g_free (column->title);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_array_unref (row->values);
  g_free (row);
}

static void
cohort_report_figure_finalize (GObject *object)
{
  CohortReportFigure *self = COHORT_REPORT_FIGURE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->note);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cohort_report_figure_parent_class)->finalize (object);
}

static void
cohort_report_figure_class_init (CohortReportFigureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohort_report_figure_finalize;
}

static void
cohort_report_figure_init (CohortReportFigure *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

CohortReportFigure *
cohort_report_figure_new (const char            *id,
                          const char            *title,
                          CohortReportChartKind  chart_kind)
{
  CohortReportFigure *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (COHORT_TYPE_REPORT_FIGURE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->chart_kind = chart_kind;

  return self;
}

void
cohort_report_figure_set_note (CohortReportFigure *self,
                               const char         *note)
{
  g_return_if_fail (COHORT_IS_REPORT_FIGURE (self));

  cohort_set_str (&self->note, note);
}

guint
cohort_report_figure_add_column (CohortReportFigure    *self,
                                 const char            *key,
                                 const char            *title,
                                 CohortReportValueKind  kind,
                                 gboolean               is_series)
{
  Column column = { 0 };

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), 0);
  g_return_val_if_fail (key != NULL && title != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  column.key = g_strdup (key);
  column.title = g_strdup (title);
  column.kind = kind;
  column.is_series = self->columns->len > 0 && is_series;
  g_array_append_val (self->columns, column);

  return self->columns->len - 1;
}

guint
cohort_report_figure_add_row (CohortReportFigure *self,
                              const char         *label,
                              gboolean            is_total)
{
  Row *row;

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (self->columns->len > 0, 0);

  row = g_new0 (Row, 1);
  row->label = g_strdup (label);
  row->is_total = is_total;
  row->values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    {
      double nothing = NAN;

      g_array_append_val (row->values, nothing);
    }
  g_ptr_array_add (self->rows, row);

  return self->rows->len - 1;
}

void
cohort_report_figure_set_value (CohortReportFigure *self,
                                guint               row,
                                guint               column,
                                double              value)
{
  Row *r;

  g_return_if_fail (COHORT_IS_REPORT_FIGURE (self));
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column >= 1 && column < self->columns->len);

  r = g_ptr_array_index (self->rows, row);
  g_array_index (r->values, double, column) = value;
}

const char *
cohort_report_figure_get_id (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), NULL);

  return self->id;
}

const char *
cohort_report_figure_get_title (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), NULL);

  return self->title;
}

const char *
cohort_report_figure_get_note (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), NULL);

  return self->note;
}

CohortReportChartKind
cohort_report_figure_get_chart_kind (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), COHORT_REPORT_CHART_NONE);

  return self->chart_kind;
}

guint
cohort_report_figure_get_n_columns (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), 0);

  return self->columns->len;
}

static Column *
get_column (CohortReportFigure *self,
            guint               column)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, Column, column);
}

const char *
cohort_report_figure_get_column_title (CohortReportFigure *self,
                                       guint               column)
{
  Column *c = get_column (self, column);

  return c != NULL ? c->title : NULL;
}

const char *
cohort_report_figure_get_column_key (CohortReportFigure *self,
                                     guint               column)
{
  Column *c = get_column (self, column);

  return c != NULL ? c->key : NULL;
}

CohortReportValueKind
cohort_report_figure_get_column_kind (CohortReportFigure *self,
                                      guint               column)
{
  Column *c = get_column (self, column);

  return c != NULL ? c->kind : COHORT_REPORT_VALUE_COUNT;
}

gboolean
cohort_report_figure_column_is_series (CohortReportFigure *self,
                                       guint               column)
{
  Column *c = get_column (self, column);

  return c != NULL && c->is_series;
}

guint
cohort_report_figure_get_n_rows (CohortReportFigure *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), 0);

  return self->rows->len;
}

static Row *
get_row (CohortReportFigure *self,
         guint               row)
{
  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

const char *
cohort_report_figure_get_row_label (CohortReportFigure *self,
                                    guint               row)
{
  Row *r = get_row (self, row);

  return r != NULL ? r->label : NULL;
}

gboolean
cohort_report_figure_row_is_total (CohortReportFigure *self,
                                   guint               row)
{
  Row *r = get_row (self, row);

  return r != NULL && r->is_total;
}

double
cohort_report_figure_get_value (CohortReportFigure *self,
                                guint               row,
                                guint               column)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (column >= 1 && column < self->columns->len, NAN);

  return r != NULL ? g_array_index (r->values, double, column) : NAN;
}

/* Groups the digits of a whole number with the locale's thousands separator. */
static char *
format_grouped (double value)
{
  /* The ' flag groups digits as the locale says (POSIX); glib's printf passes it through. */
  return g_strdup_printf ("%'.0f", value);
}

char *
cohort_report_figure_format_value (CohortReportFigure *self,
                                   guint               row,
                                   guint               column)
{
  double value = cohort_report_figure_get_value (self, row, column);

  if (isnan (value))
    return g_strdup ("—");

  switch (cohort_report_figure_get_column_kind (self, column))
    {
    case COHORT_REPORT_VALUE_PERCENT:
      /* Translators: a share in a report, e.g. "45.3 %"; use your language's form
       * (the number is already in the local format) */
      return g_strdup_printf (_("%'.1f %%"), value);
    case COHORT_REPORT_VALUE_DAYS:
    case COHORT_REPORT_VALUE_COUNT:
    default:
      return format_grouped (value);
    }
}

char *
cohort_report_figure_format_value_c (CohortReportFigure *self,
                                     guint               row,
                                     guint               column)
{
  double value = cohort_report_figure_get_value (self, row, column);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  switch (cohort_report_figure_get_column_kind (self, column))
    {
    case COHORT_REPORT_VALUE_PERCENT:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
    case COHORT_REPORT_VALUE_DAYS:
    case COHORT_REPORT_VALUE_COUNT:
    default:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
    }
}

/* Report */

struct _CohortReport
{
  GObject             parent_instance;

  CohortReportFilter *filter;
  int                 first_year;
  int                 last_year;
  char               *created_at;
  GPtrArray          *figures;  /* CohortReportFigure* */
};

G_DEFINE_FINAL_TYPE (CohortReport, cohort_report, G_TYPE_OBJECT)

static void
cohort_report_finalize (GObject *object)
{
  CohortReport *self = COHORT_REPORT (object);

  cohort_report_filter_free (self->filter);
  g_free (self->created_at);
  g_ptr_array_unref (self->figures);

  G_OBJECT_CLASS (cohort_report_parent_class)->finalize (object);
}

static void
cohort_report_class_init (CohortReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohort_report_finalize;
}

static void
cohort_report_init (CohortReport *self)
{
  self->figures = g_ptr_array_new_with_free_func (g_object_unref);
  self->created_at = cohort_dup_timestamp_now ();
}

CohortReport *
cohort_report_new (const CohortReportFilter *filter,
                   int                       first_year,
                   int                       last_year)
{
  CohortReport *self = g_object_new (COHORT_TYPE_REPORT, NULL);

  self->filter = cohort_report_filter_copy (filter);
  self->first_year = first_year;
  self->last_year = last_year;

  return self;
}

void
cohort_report_add_figure (CohortReport       *self,
                          CohortReportFigure *figure)
{
  g_return_if_fail (COHORT_IS_REPORT (self));
  g_return_if_fail (COHORT_IS_REPORT_FIGURE (figure));

  g_ptr_array_add (self->figures, g_object_ref (figure));
}

const CohortReportFilter *
cohort_report_get_filter (CohortReport *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), NULL);

  return self->filter;
}

int
cohort_report_get_first_year (CohortReport *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), 0);

  return self->first_year;
}

int
cohort_report_get_last_year (CohortReport *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), 0);

  return self->last_year;
}

const char *
cohort_report_get_created_at (CohortReport *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), NULL);

  return self->created_at;
}

guint
cohort_report_get_n_figures (CohortReport *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), 0);

  return self->figures->len;
}

CohortReportFigure *
cohort_report_get_figure (CohortReport *self,
                          guint         index)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->figures->len, NULL);

  return g_ptr_array_index (self->figures, index);
}

CohortReportFigure *
cohort_report_find_figure (CohortReport *self,
                           const char   *id)
{
  g_return_val_if_fail (COHORT_IS_REPORT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->figures->len; i++)
    {
      CohortReportFigure *figure = g_ptr_array_index (self->figures, i);

      if (g_strcmp0 (figure->id, id) == 0)
        return figure;
    }

  return NULL;
}
