/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-chart"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "cohort-chart.h"

#define WIDTH  480
#define HEIGHT 320

/* A figure of @kind with @n_series series columns and @n_rows rows (plus a total row that
 * charts leave out), row r of series s holding values[r] * (s + 1). */
static CohortReportFigure *
make_figure (CohortReportChartKind  kind,
             guint                  n_series,
             guint                  n_rows,
             const double          *values,
             const char           **labels)
{
  CohortReportFigure *figure = cohort_report_figure_new ("test", "Trainees by year", kind);
  double total = 0;
  guint row;

  cohort_report_figure_add_column (figure, "year", "Fiscal year", COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *key = g_strdup_printf ("series%u", s);
      g_autofree char *title = g_strdup_printf ("Series %u", s + 1);

      cohort_report_figure_add_column (figure, key, title, COHORT_REPORT_VALUE_COUNT, TRUE);
    }
  cohort_report_figure_add_column (figure, "note", "Not drawn", COHORT_REPORT_VALUE_COUNT, FALSE);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *label = labels != NULL ? g_strdup (labels[r]) : g_strdup_printf ("%u", 2010 + r);

      row = cohort_report_figure_add_row (figure, label, FALSE);
      for (guint s = 0; s < n_series; s++)
        cohort_report_figure_set_value (figure, row, s + 1, values[r] * (s + 1));
      cohort_report_figure_set_value (figure, row, n_series + 1, 1);
      if (isfinite (values[r]))
        total += values[r];
    }

  if (n_rows > 0)
    {
      /* A total far above every row: if it were drawn, the rows' bars would be tiny. */
      row = cohort_report_figure_add_row (figure, "Total", TRUE);
      for (guint s = 0; s < n_series; s++)
        cohort_report_figure_set_value (figure, row, s + 1, total * 1000);
    }

  return figure;
}

static cairo_surface_t *
draw (CohortReportFigure     *figure,
      const CohortChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cohort_chart_draw (cr, figure, style, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_of (const CohortChartColor *color)
{
  return 0xff000000u |
         ((guint32) lround (color->red * 255) << 16) |
         ((guint32) lround (color->green * 255) << 8) |
         (guint32) lround (color->blue * 255);
}

/* How many pixels of @color there are with x in [@x0, @x1). */
static guint
count_pixels (cairo_surface_t        *surface,
              const CohortChartColor *color,
              int                     x0,
              int                     x1)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 wanted = pixel_of (color);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = x0; x < x1; x++)
      if (((const guint32 *) (gconstpointer) (data + y * stride))[x] == wanted)
        n++;

  return n;
}

/* Pixels that are not the background: text, axes, bars. */
static guint
count_ink (cairo_surface_t        *surface,
           const CohortChartStyle *style)
{
  guint background = count_pixels (surface, &style->background, 0, WIDTH);

  return WIDTH * HEIGHT - background;
}

static CohortChartStyle *
ltr_style (CohortChartScheme scheme)
{
  CohortChartStyle *style = cohort_chart_style_new (scheme);

  style->direction = PANGO_DIRECTION_LTR;

  return style;
}

static const CohortReportChartKind drawn_kinds[] = {
  COHORT_REPORT_CHART_BARS,
  COHORT_REPORT_CHART_STACKED_BARS,
  COHORT_REPORT_CHART_HBARS,
  COHORT_REPORT_CHART_LINES,
};

static void
test_kinds_paint_series (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  const double values[] = { 12, 30, 7, 22, 18 };

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    for (guint n_series = 1; n_series <= 3; n_series++)
      {
        g_autoptr(CohortReportFigure) figure = make_figure (drawn_kinds[k], n_series, 5, values,
                                                            NULL);
        cairo_surface_t *surface = draw (figure, style);

        /* Every series is drawn in its own colour, and something else (axes, labels) too. */
        for (guint s = 0; s < n_series; s++)
          g_assert_cmpuint (count_pixels (surface, &style->series[s], 0, WIDTH), >, 20);
        g_assert_cmpuint (count_pixels (surface, &style->series[n_series], 0, WIDTH), ==, 0);
        g_assert_cmpuint (count_ink (surface, style), >, 500);
        cairo_surface_destroy (surface);
      }
}

static void
test_dark (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_DARK);
  g_autoptr(CohortChartStyle) light = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  const double values[] = { 3, 5 };
  g_autoptr(CohortReportFigure) figure = make_figure (COHORT_REPORT_CHART_BARS, 2, 2, values, NULL);
  cairo_surface_t *surface = draw (figure, style);

  /* A dark background, and series colours that are not the light style's first one (dark blue
   * on dark grey cannot be read). */
  g_assert_cmpuint (count_pixels (surface, &style->background, 0, WIDTH), >, WIDTH * HEIGHT / 2);
  g_assert_cmpuint (count_pixels (surface, &style->series[0], 0, WIDTH), >, 20);
  g_assert_cmpuint (count_pixels (surface, &light->series[0], 0, WIDTH), ==, 0);
  g_assert_cmpfloat (style->background.red, <, 0.3);
  g_assert_cmpfloat (style->foreground.red, >, 0.7);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    {
      g_autoptr(CohortReportFigure) figure = make_figure (drawn_kinds[k], 2, 0, NULL, NULL);
      cairo_surface_t *surface = draw (figure, style);
      guint ink = count_ink (surface, style);

      /* The message is drawn, and no bar or line. */
      g_assert_cmpuint (ink, >, 100);
      g_assert_cmpuint (count_pixels (surface, &style->series[0], 0, WIDTH), ==, 0);
      cairo_surface_destroy (surface);
    }
}

static void
test_only_totals (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  g_autoptr(CohortReportFigure) figure = cohort_report_figure_new ("t", "Totals",
                                                                   COHORT_REPORT_CHART_BARS);
  cairo_surface_t *surface;
  guint row;

  cohort_report_figure_add_column (figure, "x", "X", COHORT_REPORT_VALUE_COUNT, FALSE);
  cohort_report_figure_add_column (figure, "n", "N", COHORT_REPORT_VALUE_COUNT, TRUE);
  row = cohort_report_figure_add_row (figure, "Total", TRUE);
  cohort_report_figure_set_value (figure, row, 1, 50);

  /* A total is not a bar: this is an empty chart. */
  surface = draw (figure, style);
  g_assert_cmpuint (count_pixels (surface, &style->series[0], 0, WIDTH), ==, 0);
  g_assert_cmpuint (count_ink (surface, style), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_nan_and_extremes (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  const double nan_values[] = { NAN, 4, NAN, 9 };
  const double all_nan[] = { NAN, NAN };
  const double zeros[] = { 0, 0, 0 };
  const double huge[] = { 1e15, 3e14, 2.5e15 };
  const double enormous[] = { G_MAXDOUBLE, G_MAXDOUBLE, 1 };
  const double infinite[] = { INFINITY, -INFINITY, 5 };
  const double shares[] = { 0.04, 0.01, 0.02 };
  const double negative[] = { -5, 10, -20 };
  struct { const double *values; guint n; gboolean painted; } cases[] = {
    { nan_values, G_N_ELEMENTS (nan_values), TRUE },
    { all_nan, G_N_ELEMENTS (all_nan), FALSE },
    { zeros, G_N_ELEMENTS (zeros), FALSE },
    { huge, G_N_ELEMENTS (huge), TRUE },
    { enormous, G_N_ELEMENTS (enormous), TRUE },
    { infinite, G_N_ELEMENTS (infinite), TRUE },
    { shares, G_N_ELEMENTS (shares), TRUE },
    { negative, G_N_ELEMENTS (negative), TRUE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(CohortReportFigure) figure = make_figure (drawn_kinds[k], 2, cases[c].n,
                                                            cases[c].values, NULL);
        cairo_surface_t *surface = draw (figure, style);

        g_assert_cmpuint (count_ink (surface, style), >, 100);
        if (cases[c].painted)
          g_assert_cmpuint (count_pixels (surface, &style->series[0], 0, WIDTH), >, 0);
        cairo_surface_destroy (surface);
      }
}

static void
test_one_row (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  const double values[] = { 42 };

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    {
      g_autoptr(CohortReportFigure) figure = make_figure (drawn_kinds[k], 1, 1, values, NULL);
      cairo_surface_t *surface = draw (figure, style);

      g_assert_cmpuint (count_pixels (surface, &style->series[0], 0, WIDTH), >, 10);
      cairo_surface_destroy (surface);
    }
}

static void
test_tiny_surface (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  const double values[] = { 1, 2, 3 };

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    {
      g_autoptr(CohortReportFigure) figure = make_figure (drawn_kinds[k], 3, 3, values, NULL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 20);
      cairo_t *cr = cairo_create (surface);

      cohort_chart_draw (cr, figure, style, 30, 20);
      cohort_chart_draw (cr, figure, style, 0, 0);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The first row's bar (the only one with a value) is in the left half left to right, and in the
 * right half right to left. */
static void
test_rtl_mirrors (void)
{
  const double values[] = { 10, NAN, NAN, NAN };

  for (guint k = 0; k < G_N_ELEMENTS (drawn_kinds); k++)
    {
      g_autoptr(CohortReportFigure) figure = NULL;
      g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
      cairo_surface_t *ltr;
      cairo_surface_t *rtl;

      if (drawn_kinds[k] == COHORT_REPORT_CHART_HBARS)
        continue;

      figure = make_figure (drawn_kinds[k], 1, 4, values, NULL);
      ltr = draw (figure, style);
      style->direction = PANGO_DIRECTION_RTL;
      rtl = draw (figure, style);

      g_assert_cmpuint (count_pixels (ltr, &style->series[0], 0, WIDTH / 2), >, 0);
      g_assert_cmpuint (count_pixels (ltr, &style->series[0], WIDTH / 2, WIDTH), ==, 0);
      g_assert_cmpuint (count_pixels (rtl, &style->series[0], 0, WIDTH / 2), ==, 0);
      g_assert_cmpuint (count_pixels (rtl, &style->series[0], WIDTH / 2, WIDTH), >, 0);
      cairo_surface_destroy (ltr);
      cairo_surface_destroy (rtl);
    }
}

/* Horizontal bars grow from the labels: rightwards left to right, leftwards right to left.  A
 * long label is cut short rather than pushing the bars off the chart. */
static void
test_hbars_long_labels (void)
{
  const double values[] = { 1, 100 };
  const char *labels[] = {
    "United Nations Office for the Coordination of Humanitarian Affairs, Regional Office for "
    "Southern and Eastern Africa",
    "Democratic Republic of the Congo",
  };
  g_autoptr(CohortReportFigure) figure = make_figure (COHORT_REPORT_CHART_HBARS, 1, 2, values,
                                                      labels);
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  cairo_surface_t *ltr = draw (figure, style);
  cairo_surface_t *rtl;

  style->direction = PANGO_DIRECTION_RTL;
  rtl = draw (figure, style);

  /* The longest bar covers most of the width beyond the label column. */
  g_assert_cmpuint (count_pixels (ltr, &style->series[0], WIDTH / 2, WIDTH * 3 / 4), >, 100);
  g_assert_cmpuint (count_pixels (ltr, &style->series[0], 0, WIDTH / 5), ==, 0);
  g_assert_cmpuint (count_pixels (rtl, &style->series[0], WIDTH / 4, WIDTH / 2), >, 100);
  g_assert_cmpuint (count_pixels (rtl, &style->series[0], WIDTH * 4 / 5, WIDTH), ==, 0);
  cairo_surface_destroy (ltr);
  cairo_surface_destroy (rtl);
}

static void
test_natural_height (void)
{
  g_autoptr(CohortChartStyle) style = ltr_style (COHORT_CHART_SCHEME_LIGHT);
  double values[60];
  g_autoptr(CohortReportFigure) few = NULL;
  g_autoptr(CohortReportFigure) many = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = i;
  few = make_figure (COHORT_REPORT_CHART_HBARS, 1, 5, values, NULL);
  many = make_figure (COHORT_REPORT_CHART_HBARS, 1, 60, values, NULL);

  /* Each row of horizontal bars gets a line of its own, up to 25 rows (the table lists the
   * others). */
  g_assert_cmpfloat (cohort_chart_get_natural_height (many, style, 400), >,
                     4 * cohort_chart_get_natural_height (few, style, 400));
  g_assert_cmpfloat (cohort_chart_get_natural_height (many, style, 400), <,
                     6 * cohort_chart_get_natural_height (few, style, 400));
}

static void
test_summary (void)
{
  const double values[] = { 12, 30, 7 };
  g_autoptr(CohortReportFigure) figure = make_figure (COHORT_REPORT_CHART_BARS, 2, 3, values, NULL);
  g_autoptr(CohortReportFigure) empty = make_figure (COHORT_REPORT_CHART_LINES, 1, 0, NULL, NULL);
  g_autofree char *summary = cohort_chart_dup_summary (figure);
  g_autofree char *empty_summary = cohort_chart_dup_summary (empty);

  g_assert_nonnull (strstr (summary, "Trainees by year"));
  g_assert_nonnull (strstr (summary, "Series 1, Series 2"));
  /* The highest row is named, not the total. */
  g_assert_nonnull (strstr (summary, "2011, 30"));
  g_assert_nonnull (strstr (empty_summary, "No data"));
}

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohort-chart-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const double values[] = { 5, 8, 13 };
  g_autoptr(CohortReportFigure) figure = make_figure (COHORT_REPORT_CHART_STACKED_BARS, 2, 3,
                                                      values, NULL);
  cairo_surface_t *read_back;
  xmlDocPtr doc;
  gsize length = 0;

  g_assert_true (cohort_chart_write_png (figure, NULL, 640, 360, png, &error));
  g_assert_no_error (error);
  read_back = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (read_back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read_back), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (read_back), ==, 360);
  cairo_surface_destroy (read_back);

  g_assert_true (cohort_chart_write_svg (figure, NULL, 640, 360, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  doc = xmlReadMemory (contents, (int) length, "chart.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);

  /* A folder that does not exist: an error that names the file, and no file. */
  g_assert_false (cohort_chart_write_png (figure, NULL, 100, 100, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);

  g_unlink (png_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

static void
test_locale_direction (void)
{
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* g_get_language_names () caches by the variables' values */
  g_assert_cmpint (cohort_chart_get_locale_direction (), ==, PANGO_DIRECTION_RTL);
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_cmpint (cohort_chart_get_locale_direction (), ==, PANGO_DIRECTION_LTR);
  g_setenv ("LANGUAGE", "he:en", TRUE);
  g_assert_cmpint (cohort_chart_get_locale_direction (), ==, PANGO_DIRECTION_RTL);
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/chart/kinds/paint-series", test_kinds_paint_series);
  g_test_add_func ("/cohort/chart/dark", test_dark);
  g_test_add_func ("/cohort/chart/empty", test_empty);
  g_test_add_func ("/cohort/chart/only-totals", test_only_totals);
  g_test_add_func ("/cohort/chart/nan-and-extremes", test_nan_and_extremes);
  g_test_add_func ("/cohort/chart/one-row", test_one_row);
  g_test_add_func ("/cohort/chart/tiny-surface", test_tiny_surface);
  g_test_add_func ("/cohort/chart/rtl-mirrors", test_rtl_mirrors);
  g_test_add_func ("/cohort/chart/hbars-long-labels", test_hbars_long_labels);
  g_test_add_func ("/cohort/chart/natural-height", test_natural_height);
  g_test_add_func ("/cohort/chart/summary", test_summary);
  g_test_add_func ("/cohort/chart/files", test_files);
  g_test_add_func ("/cohort/chart/locale-direction", test_locale_direction);

  return g_test_run ();
}
