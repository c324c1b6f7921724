/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-chart"

#include "config.h"

#include "cohort-chart.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/*
 * Every chart is laid out left to right, then mirrored as it is drawn when the style says
 * right-to-left: rectangles and lines are reflected about the middle of the chart and text boxes
 * move to the other side with their alignment swapped, while the text itself is never reflected.
 */

#define PAD         6.0   /* around the chart */
#define GAP         6.0   /* between an axis' labels and the plot */
#define SWATCH      10.0  /* a legend's colour square */
#define MARKER      3.5   /* a line's point marker, radius */
#define MIN_TICKS   2
#define MAX_SERIES_SHOWN COHORT_CHART_MAX_SERIES

typedef struct
{
  cairo_t                *cr;
  const CohortChartStyle *style;
  CohortReportFigure     *figure;
  double                  width;
  double                  height;
  gboolean                rtl;
  PangoLayout            *layout;  /* reused for every label */
  double                  line_height;

  GArray                 *series;  /* guint: the figure's series columns */
  GArray                 *rows;    /* guint: the figure's rows that are drawn (not totals) */
  CohortReportValueKind   kind;    /* of the value axis */
} Chart;

typedef struct
{
  double lo;
  double hi;
  double step;
  int    decimals;
} Axis;

/* Style */

G_DEFINE_BOXED_TYPE (CohortChartStyle, cohort_chart_style,
                     cohort_chart_style_copy, cohort_chart_style_free)

static CohortChartColor
rgb (guint32 hex)
{
  CohortChartColor color = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };

  return color;
}

static CohortChartColor
rgba (double red,
      double green,
      double blue,
      double alpha)
{
  CohortChartColor color = { red, green, blue, alpha };

  return color;
}

/* Okabe and Ito's colour-blind-safe palette, ordered so that neighbours differ in lightness
 * (they stay apart on a black-and-white printer) and, on a dark background, lightest first. */
static const guint32 light_palette[COHORT_CHART_MAX_SERIES] = {
  0x0072B2,  /* blue */
  0xE69F00,  /* orange */
  0x009E73,  /* bluish green */
  0xCC79A7,  /* reddish purple */
  0xD55E00,  /* vermilion */
  0x56B4E9,  /* sky blue */
  0x000000,  /* black */
  0xF0E442,  /* yellow */
};

static const guint32 dark_palette[COHORT_CHART_MAX_SERIES] = {
  0x56B4E9,  /* sky blue */
  0xE69F00,  /* orange */
  0x009E73,  /* bluish green */
  0xF0E442,  /* yellow */
  0xCC79A7,  /* reddish purple */
  0xD55E00,  /* vermilion */
  0xFFFFFF,  /* white */
  0x0072B2,  /* blue */
};

CohortChartStyle *
cohort_chart_style_new (CohortChartScheme scheme)
{
  CohortChartStyle *style = g_new0 (CohortChartStyle, 1);
  const guint32 *palette;

  if (scheme == COHORT_CHART_SCHEME_DARK)
    {
      style->foreground = rgba (1.0, 1.0, 1.0, 1.0);
      style->muted = rgba (1.0, 1.0, 1.0, 0.7);
      style->grid = rgba (1.0, 1.0, 1.0, 0.15);
      style->background = rgb (0x242424);
      palette = dark_palette;
    }
  else
    {
      style->foreground = rgba (0.0, 0.0, 0.0, 0.85);
      style->muted = rgba (0.0, 0.0, 0.0, 0.6);
      style->grid = rgba (0.0, 0.0, 0.0, 0.12);
      style->background = rgb (0xFFFFFF);
      palette = light_palette;
    }

  for (guint i = 0; i < COHORT_CHART_MAX_SERIES; i++)
    style->series[i] = rgb (palette[i]);
  style->n_series = COHORT_CHART_MAX_SERIES;
  style->font = pango_font_description_from_string ("Sans 10");
  style->direction = cohort_chart_get_locale_direction ();

  return style;
}

CohortChartStyle *
cohort_chart_style_copy (const CohortChartStyle *style)
{
  CohortChartStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font = style->font != NULL ? pango_font_description_copy (style->font) : NULL;

  return copy;
}

void
cohort_chart_style_free (CohortChartStyle *style)
{
  if (style == NULL)
    return;

  g_clear_pointer (&style->font, pango_font_description_free);
  g_free (style);
}

void
cohort_chart_style_set_font (CohortChartStyle *style,
                             const char       *font)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (font != NULL);

  g_clear_pointer (&style->font, pango_font_description_free);
  style->font = pango_font_description_from_string (font);
}

static gboolean
language_is_rtl (const char *language)
{
  PangoLanguage *pango_language = pango_language_from_string (language);
  const PangoScript *scripts;
  int n_scripts = 0;

  scripts = pango_language_get_scripts (pango_language, &n_scripts);
  for (int i = 0; i < n_scripts; i++)
    {
      switch (scripts[i])
        {
        case PANGO_SCRIPT_ARABIC:
        case PANGO_SCRIPT_HEBREW:
        case PANGO_SCRIPT_SYRIAC:
        case PANGO_SCRIPT_THAANA:
        case PANGO_SCRIPT_NKO:
          return TRUE;
        default:
          break;
        }
    }

  return FALSE;
}

PangoDirection
cohort_chart_get_locale_direction (void)
{
  const char * const *languages = g_get_language_names ();

  /* The first language the user reads that is not the untranslated "C". */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (strcmp (languages[i], "C") == 0 || g_str_has_prefix (languages[i], "C."))
        continue;

      return language_is_rtl (languages[i]) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    }

  return PANGO_DIRECTION_LTR;
}

/* Drawing helpers, in left-to-right coordinates */

static void
set_color (cairo_t                *cr,
           const CohortChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static const CohortChartColor *
series_color (Chart *chart,
              guint  index)
{
  guint n = MAX (chart->style->n_series, 1);

  return &chart->style->series[MIN (index % n, COHORT_CHART_MAX_SERIES - 1)];
}

static double
mirror_x (Chart  *chart,
          double  x)
{
  return chart->rtl ? chart->width - x : x;
}

static void
fill_rect (Chart                  *chart,
           double                  x,
           double                  y,
           double                  w,
           double                  h,
           const CohortChartColor *color)
{
  if (w <= 0 || h <= 0)
    return;

  set_color (chart->cr, color);
  cairo_rectangle (chart->cr, chart->rtl ? chart->width - x - w : x, y, w, h);
  cairo_fill (chart->cr);
}

static void
stroke_line (Chart                  *chart,
             double                  x0,
             double                  y0,
             double                  x1,
             double                  y1,
             const CohortChartColor *color)
{
  set_color (chart->cr, color);
  cairo_set_line_width (chart->cr, 1.0);
  cairo_move_to (chart->cr, mirror_x (chart, x0), y0);
  cairo_line_to (chart->cr, mirror_x (chart, x1), y1);
  cairo_stroke (chart->cr);
}

static void
set_text (Chart      *chart,
          const char *text,
          double      max_width)
{
  pango_layout_set_text (chart->layout, text, -1);
  pango_layout_set_width (chart->layout,
                          max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
}

static double
text_width (Chart      *chart,
            const char *text)
{
  int width = 0;

  set_text (chart, text, -1);
  pango_layout_get_pixel_size (chart->layout, &width, NULL);

  return width;
}

/* Draws @text in the box (@x, @y, @w) — left to right coordinates — aligned to the box's start
 * (PANGO_ALIGN_LEFT), middle or end, ellipsized when it does not fit. */
static void
draw_text (Chart                  *chart,
           const char             *text,
           double                  x,
           double                  y,
           double                  w,
           PangoAlignment          align,
           const CohortChartColor *color)
{
  int text_w = 0;
  double left;

  if (w <= 1)
    return;

  set_text (chart, text, w);
  pango_layout_get_pixel_size (chart->layout, &text_w, NULL);
  text_w = MIN (text_w, (int) ceil (w));

  if (chart->rtl)
    {
      x = chart->width - x - w;
      if (align == PANGO_ALIGN_LEFT)
        align = PANGO_ALIGN_RIGHT;
      else if (align == PANGO_ALIGN_RIGHT)
        align = PANGO_ALIGN_LEFT;
    }

  if (align == PANGO_ALIGN_LEFT)
    left = x;
  else if (align == PANGO_ALIGN_RIGHT)
    left = x + w - text_w;
  else
    left = x + (w - text_w) / 2;

  /* The layout is as wide as the box; put its ink where it belongs within it. */
  pango_layout_set_width (chart->layout, text_w * PANGO_SCALE + PANGO_SCALE);
  pango_layout_set_alignment (chart->layout, PANGO_ALIGN_LEFT);
  set_color (chart->cr, color);
  cairo_move_to (chart->cr, left, y);
  pango_cairo_show_layout (chart->cr, chart->layout);
}

/* Draws @text centred in the box (@x, @y, @w), on up to two lines. */
static void
draw_wrapped_text (Chart                  *chart,
                   const char             *text,
                   double                  x,
                   double                  y,
                   double                  w,
                   const CohortChartColor *color)
{
  if (w <= 1)
    return;

  pango_layout_set_single_paragraph_mode (chart->layout, FALSE);
  pango_layout_set_wrap (chart->layout, PANGO_WRAP_WORD);
  pango_layout_set_height (chart->layout, -2);
  pango_layout_set_alignment (chart->layout, PANGO_ALIGN_CENTER);
  set_text (chart, text, w);

  set_color (chart->cr, color);
  cairo_move_to (chart->cr, chart->rtl ? chart->width - x - w : x, y);
  pango_cairo_show_layout (chart->cr, chart->layout);

  pango_layout_set_height (chart->layout, -1);
  pango_layout_set_single_paragraph_mode (chart->layout, TRUE);
}

/* Numbers and axes */

static gboolean
value_is_drawn (double value)
{
  return isfinite (value);
}

/* The step of 1, 2 or 5 times a power of ten that cuts @lo…@hi into the number of intervals
 * closest to @n_ticks (the larger step when two are as close). */
static double
nice_step (double lo,
           double hi,
           int    n_ticks)
{
  static const double factors[] = { 0.5, 1, 2, 5, 10 };
  double raw = (hi - lo) / n_ticks;
  double magnitude;
  double best = 1;
  double best_distance = G_MAXDOUBLE;

  if (!(raw > 0) || !isfinite (raw))
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double step = factors[i] * magnitude;
      double n = ceil (hi / step) - floor (lo / step);
      double distance = fabs (n - n_ticks);

      if (step > 0 && isfinite (n) && distance <= best_distance)
        {
          best = step;
          best_distance = distance;
        }
    }

  return best;
}

/* An axis from @lo to @hi (which include 0) in steps of 1, 2 or 5 times a power of ten, with about
 * @n_ticks ticks; counts and days never step by less than one. */
static Axis
make_axis (double                lo,
           double                hi,
           int                   n_ticks,
           CohortReportValueKind kind)
{
  Axis axis;

  lo = MIN (lo, 0);
  hi = MAX (hi, 0);
  if (hi - lo <= 0)
    hi = lo + 1;

  axis.step = nice_step (lo, hi, MAX (n_ticks, MIN_TICKS));
  if (kind != COHORT_REPORT_VALUE_PERCENT && axis.step < 1)
    axis.step = 1;
  /* A share never goes past 100 %: the axis need not either. */
  axis.lo = floor (lo / axis.step) * axis.step;
  axis.hi = ceil (hi / axis.step) * axis.step;
  if (kind == COHORT_REPORT_VALUE_PERCENT && hi <= 100 && axis.hi > 100)
    axis.hi = 100;
  if (!isfinite (axis.hi) || !isfinite (axis.lo))
    {
      axis.lo = 0;
      axis.hi = 1;
    }
  axis.decimals = axis.step >= 1 ? 0 : (int) ceil (-log10 (axis.step) - 1e-9);

  return axis;
}

static char *
format_tick (double                value,
             int                   decimals,
             CohortReportValueKind kind)
{
  g_autofree char *number = g_strdup_printf ("%'.*f", decimals, value);

  if (kind == COHORT_REPORT_VALUE_PERCENT)
    /* Translators: a share on a chart's axis, e.g. "40 %"; %s is the number, already in the local
     * format.  Use your language's form. */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}

/* The data */

static void
collect (Chart *chart)
{
  CohortReportFigure *figure = chart->figure;
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);

  chart->series = g_array_new (FALSE, FALSE, sizeof (guint));
  chart->rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 1; c < n_columns; c++)
    if (cohort_report_figure_column_is_series (figure, c) && chart->series->len < MAX_SERIES_SHOWN)
      g_array_append_val (chart->series, c);

  for (guint r = 0; r < n_rows; r++)
    if (!cohort_report_figure_row_is_total (figure, r))
      g_array_append_val (chart->rows, r);

  chart->kind = chart->series->len > 0
                ? cohort_report_figure_get_column_kind (figure,
                                                        g_array_index (chart->series, guint, 0))
                : COHORT_REPORT_VALUE_COUNT;
}

/* The widest word of the rows' labels. */
static double
widest_word (Chart *chart)
{
  double widest = 0;

  for (guint r = 0; r < chart->rows->len; r++)
    {
      g_auto(GStrv) words = g_strsplit (cohort_report_figure_get_row_label (
                                          chart->figure, g_array_index (chart->rows, guint, r)),
                                        " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        widest = MAX (widest, text_width (chart, words[i]));
    }

  return widest;
}

static double
value_at (Chart *chart,
          guint  row_index,
          guint  series_index)
{
  return cohort_report_figure_get_value (chart->figure,
                                         g_array_index (chart->rows, guint, row_index),
                                         g_array_index (chart->series, guint, series_index));
}

static const char *
row_label (Chart *chart,
           guint  row_index)
{
  return cohort_report_figure_get_row_label (chart->figure,
                                             g_array_index (chart->rows, guint, row_index));
}

static void
value_range (Chart  *chart,
             double *out_lo,
             double *out_hi)
{
  double lo = 0;
  double hi = 0;
  gboolean stacked = cohort_report_figure_get_chart_kind (chart->figure) ==
                     COHORT_REPORT_CHART_STACKED_BARS;

  for (guint r = 0; r < chart->rows->len; r++)
    {
      double positive = 0;
      double negative = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double value = value_at (chart, r, s);

          if (!value_is_drawn (value))
            continue;

          if (stacked)
            {
              if (value > 0)
                positive += value;
              else
                negative += value;
            }
          else
            {
              lo = MIN (lo, value);
              hi = MAX (hi, value);
            }
        }

      if (stacked)
        {
          lo = MIN (lo, negative);
          hi = MAX (hi, positive);
        }
    }

  /* Sums of enormous values overflow; such a chart shows what it can. */
  *out_lo = isfinite (lo) ? lo : -G_MAXDOUBLE / 4;
  *out_hi = isfinite (hi) ? hi : G_MAXDOUBLE / 4;
}

/* Parts */

static void
draw_message (Chart      *chart,
              const char *message)
{
  pango_layout_set_alignment (chart->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (chart->layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (chart->layout, PANGO_ELLIPSIZE_NONE);
  set_text (chart, message, chart->width - 2 * PAD);
  set_color (chart->cr, &chart->style->muted);
  {
    int h = 0;

    pango_layout_get_pixel_size (chart->layout, NULL, &h);
    cairo_move_to (chart->cr, PAD, (chart->height - h) / 2);
  }
  pango_cairo_show_layout (chart->cr, chart->layout);
}

/* The legend along the top, wrapping onto more lines when needed; returns its height. */
static double
draw_legend (Chart    *chart,
             gboolean  draw)
{
  double x = PAD;
  double y = PAD;
  double max_x = chart->width - PAD;

  if (chart->series->len < 2)
    return 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      guint column = g_array_index (chart->series, guint, s);
      const char *title = cohort_report_figure_get_column_title (chart->figure, column);
      double label_w = MIN (text_width (chart, title), max_x - PAD - SWATCH - 4);
      double entry_w = SWATCH + 4 + label_w;

      if (x > PAD && x + entry_w > max_x)
        {
          x = PAD;
          y += chart->line_height + 2;
        }

      if (draw)
        {
          fill_rect (chart, x, y + (chart->line_height - SWATCH) / 2, SWATCH, SWATCH,
                     series_color (chart, s));
          draw_text (chart, title, x + SWATCH + 4, y, label_w + 1, PANGO_ALIGN_LEFT,
                     &chart->style->foreground);
        }

      x += entry_w + 14;
    }

  return y + chart->line_height + GAP - PAD;
}

static int
tick_count (double length,
            double line_height)
{
  return CLAMP ((int) (length / (line_height * 2.5)), MIN_TICKS, 10);
}

/* The widest label of @axis. */
static double
axis_label_width (Chart      *chart,
                  const Axis *axis)
{
  double widest = 0;

  for (double v = axis->lo; v <= axis->hi + axis->step / 2; v += axis->step)
    {
      g_autofree char *label = format_tick (v, axis->decimals, chart->kind);

      widest = MAX (widest, text_width (chart, label));
      if (axis->step <= 0 || (axis->hi - axis->lo) / axis->step > 50)
        break;
    }

  return widest;
}

/* Vertical charts: bars, stacked bars, lines */

static void
draw_vertical (Chart *chart)
{
  CohortReportChartKind kind = cohort_report_figure_get_chart_kind (chart->figure);
  guint n_rows = chart->rows->len;
  guint n_series = chart->series->len;
  double legend_h = draw_legend (chart, TRUE);
  double top = PAD + legend_h + chart->line_height / 2;
  double bottom = chart->height - PAD - chart->line_height - GAP;
  double lo, hi, axis_w, left, right, plot_w, plot_h, slot;
  double widest_label = 0;
  guint every = 1;
  Axis axis;

  gboolean wrap_labels = FALSE;

  value_range (chart, &lo, &hi);
  plot_h = MAX (bottom - top, 1);
  axis = make_axis (lo, hi, tick_count (plot_h, chart->line_height), chart->kind);
  axis_w = MIN (axis_label_width (chart, &axis), chart->width * 0.4);
  left = PAD + axis_w + GAP;
  right = chart->width - PAD;
  plot_w = MAX (right - left, 1);
  slot = plot_w / MAX (n_rows, 1);

  /* Labels wider than their slot ("Participated only") go on two lines when each of their
   * words fits; only when not does the axis leave some labels out. */
  for (guint r = 0; r < n_rows; r++)
    widest_label = MAX (widest_label, text_width (chart, row_label (chart, r)));
  if (widest_label + GAP > slot && widest_word (chart) + GAP <= slot)
    {
      wrap_labels = TRUE;
      bottom -= chart->line_height;
      plot_h = MAX (bottom - top, 1);
      axis = make_axis (lo, hi, tick_count (plot_h, chart->line_height), chart->kind);
    }

#define Y_OF(v) (bottom - ((v) - axis.lo) / (axis.hi - axis.lo) * plot_h)

  /* Grid lines and the value axis' labels */
  for (double v = axis.lo; v <= axis.hi + axis.step / 2; v += axis.step)
    {
      g_autofree char *label = format_tick (v, axis.decimals, chart->kind);
      double y = round (Y_OF (v)) + 0.5;

      stroke_line (chart, left, y, right, y,
                   v == 0 ? &chart->style->muted : &chart->style->grid);
      draw_text (chart, label, PAD, y - chart->line_height / 2, axis_w, PANGO_ALIGN_RIGHT,
                 &chart->style->muted);
      if ((axis.hi - axis.lo) / axis.step > 50)
        break;
    }

  /* Category labels under the plot: every one that fits, evenly spaced */
  if (wrap_labels)
    {
      for (guint r = 0; r < n_rows; r++)
        draw_wrapped_text (chart, row_label (chart, r), left + slot * r + GAP / 2,
                           bottom + GAP / 2, slot - GAP, &chart->style->muted);
    }
  else
    {
      every = (guint) ceil ((MIN (widest_label, 12 * chart->line_height) + GAP) / slot);
      every = MAX (every, 1);
      for (guint r = 0; r < n_rows; r += every)
        draw_text (chart, row_label (chart, r), left + slot * r - slot * (every - 1) / 2.0,
                   bottom + GAP / 2, slot * every, PANGO_ALIGN_CENTER, &chart->style->muted);
    }

  if (kind == COHORT_REPORT_CHART_LINES)
    {
      for (guint s = 0; s < n_series; s++)
        {
          const CohortChartColor *color = series_color (chart, s);
          gboolean drawing = FALSE;

          set_color (chart->cr, color);
          cairo_set_line_width (chart->cr, 2.0);
          cairo_set_line_join (chart->cr, CAIRO_LINE_JOIN_ROUND);
          for (guint r = 0; r < n_rows; r++)
            {
              double value = value_at (chart, r, s);
              double x = mirror_x (chart, left + slot * (r + 0.5));

              if (!value_is_drawn (value))
                {
                  drawing = FALSE;
                  continue;
                }

              if (drawing)
                cairo_line_to (chart->cr, x, Y_OF (value));
              else
                cairo_move_to (chart->cr, x, Y_OF (value));
              drawing = TRUE;
            }
          cairo_stroke (chart->cr);

          /* A different marker for each series, for those who cannot tell the colours apart */
          for (guint r = 0; r < n_rows; r++)
            {
              double value = value_at (chart, r, s);
              double x = mirror_x (chart, left + slot * (r + 0.5));
              double y;

              if (!value_is_drawn (value))
                continue;

              y = Y_OF (value);
              switch (s % 4)
                {
                case 0:
                  cairo_arc (chart->cr, x, y, MARKER, 0, 2 * G_PI);
                  break;
                case 1:
                  cairo_rectangle (chart->cr, x - MARKER, y - MARKER, 2 * MARKER, 2 * MARKER);
                  break;
                case 2:
                  cairo_move_to (chart->cr, x, y - MARKER * 1.3);
                  cairo_line_to (chart->cr, x + MARKER * 1.2, y + MARKER);
                  cairo_line_to (chart->cr, x - MARKER * 1.2, y + MARKER);
                  cairo_close_path (chart->cr);
                  break;
                default:
                  cairo_move_to (chart->cr, x, y - MARKER * 1.3);
                  cairo_line_to (chart->cr, x + MARKER * 1.3, y);
                  cairo_line_to (chart->cr, x, y + MARKER * 1.3);
                  cairo_line_to (chart->cr, x - MARKER * 1.3, y);
                  cairo_close_path (chart->cr);
                  break;
                }
              set_color (chart->cr, color);
              cairo_fill_preserve (chart->cr);
              set_color (chart->cr, &chart->style->background);
              cairo_set_line_width (chart->cr, 1.0);
              cairo_stroke (chart->cr);
            }
        }
    }
  else
    {
      double group_w = slot * (n_rows > 1 ? 0.75 : 0.5);
      double bar_w;

      /* A few rows on a wide chart: bars of a readable width, not slabs */
      if (kind == COHORT_REPORT_CHART_BARS)
        {
          group_w = MIN (group_w, 3 * chart->line_height * MAX (n_series, 1));
          bar_w = group_w / MAX (n_series, 1);
        }
      else
        {
          group_w = MIN (group_w, 5 * chart->line_height);
          bar_w = group_w;
        }

      for (guint r = 0; r < n_rows; r++)
        {
          double group_x = left + slot * r + (slot - group_w) / 2;
          double up = 0;
          double down = 0;

          for (guint s = 0; s < n_series; s++)
            {
              double value = value_at (chart, r, s);
              double from, to, x;

              if (!value_is_drawn (value))
                continue;

              if (kind == COHORT_REPORT_CHART_BARS)
                {
                  from = 0;
                  to = value;
                  x = group_x + bar_w * s;
                }
              else if (value >= 0)
                {
                  from = up;
                  to = up += value;
                  x = group_x;
                }
              else
                {
                  from = down;
                  to = down += value;
                  x = group_x;
                }

              from = Y_OF (from);
              to = Y_OF (to);
              fill_rect (chart, x, MIN (from, to), bar_w, fabs (from - to),
                         series_color (chart, s));
              /* A hairline of the background between neighbours */
              if (bar_w > 4 && n_series > 1)
                {
                  set_color (chart->cr, &chart->style->background);
                  cairo_set_line_width (chart->cr, 1.0);
                  cairo_rectangle (chart->cr,
                                   chart->rtl ? chart->width - x - bar_w : x,
                                   MIN (from, to), bar_w, fabs (from - to));
                  cairo_stroke (chart->cr);
                }
            }
        }
    }

#undef Y_OF
}

/* Horizontal bars: a row per line, its label beside it */

static double
hbar_row_height (double line_height)
{
  return round (line_height * 1.5);
}

static void
draw_horizontal (Chart *chart)
{
  guint n_rows = chart->rows->len;
  guint n_series = chart->series->len;
  double legend_h = draw_legend (chart, TRUE);
  double top = PAD + legend_h;
  double bottom = chart->height - PAD - chart->line_height - GAP;
  double widest_label = 0;
  double lo, hi, label_w, left, right, plot_w, band, bar_h;
  double value_w = 0;
  guint n_shown = n_rows;
  Axis axis;

  value_range (chart, &lo, &hi);

  for (guint r = 0; r < n_rows; r++)
    widest_label = MAX (widest_label, text_width (chart, row_label (chart, r)));
  label_w = MIN (widest_label + 1, chart->width * 0.35);
  left = PAD + label_w + GAP;
  right = chart->width - PAD;

  /* Room at the end of the longest bar for its value */
  {
    g_autofree char *widest_value = format_tick (hi, chart->kind == COHORT_REPORT_VALUE_PERCENT ? 1 : 0,
                                                 chart->kind);

    if (n_series == 1)
      value_w = text_width (chart, widest_value) + GAP;
  }

  plot_w = MAX (right - left - value_w, 1);
  axis = make_axis (lo, hi, CLAMP ((int) (plot_w / (chart->line_height * 5)), MIN_TICKS, 8),
                    chart->kind);
  /* More rows than lines to draw them on: the first ones, and a word on the rest, which the
   * table lists (a report's rows come largest first). */
  if (n_rows > 2 && (bottom - top) / n_rows < chart->line_height * 1.15)
    {
      n_shown = MAX ((guint) ((bottom - top) / (chart->line_height * 1.15)), 2) - 1;
      n_shown = MIN (n_shown, n_rows);
    }
  band = MAX (bottom - top, 1) / MAX (n_shown + (n_shown < n_rows ? 1 : 0), 1);
  bar_h = MIN (band * 0.7, chart->line_height * 1.2);

#define X_OF(v) (left + ((v) - axis.lo) / (axis.hi - axis.lo) * plot_w)

  for (double v = axis.lo; v <= axis.hi + axis.step / 2; v += axis.step)
    {
      g_autofree char *label = format_tick (v, axis.decimals, chart->kind);
      double x = round (X_OF (v)) + 0.5;
      double w = text_width (chart, label) + 2;

      stroke_line (chart, x, top, x, bottom, v == 0 ? &chart->style->muted : &chart->style->grid);
      draw_text (chart, label, x - w / 2, bottom + GAP / 2, w, PANGO_ALIGN_CENTER,
                 &chart->style->muted);
      if ((axis.hi - axis.lo) / axis.step > 50)
        break;
    }

  if (n_shown < n_rows)
    {
      guint n_more = n_rows - n_shown;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: below a chart that
                                                             * shows only its largest rows */
                                                            "and %u more, in the table",
                                                            "and %u more, in the table",
                                                            n_more),
                                               n_more);

      draw_text (chart, more, left, top + band * n_shown + (band - chart->line_height) / 2,
                 right - left, PANGO_ALIGN_LEFT, &chart->style->muted);
    }

  for (guint r = 0; r < n_shown; r++)
    {
      double band_y = top + band * r;
      double y = band_y + (band - bar_h) / 2;
      double sub_h = bar_h / MAX (n_series, 1);

      /* Too many rows for their labels: leave some out rather than overprint them */
      if (band >= chart->line_height * 0.9 || r % (guint) ceil (chart->line_height / band) == 0)
        draw_text (chart, row_label (chart, r), PAD, band_y + (band - chart->line_height) / 2,
                   label_w, PANGO_ALIGN_RIGHT, &chart->style->foreground);

      for (guint s = 0; s < n_series; s++)
        {
          double value = value_at (chart, r, s);
          double x0, x1;

          if (!value_is_drawn (value))
            continue;

          x0 = X_OF (MIN (value, 0));
          x1 = X_OF (MAX (value, 0));
          fill_rect (chart, x0, y + sub_h * s, MAX (x1 - x0, value != 0 ? 1 : 0), sub_h,
                     series_color (chart, s));

          if (n_series == 1 && band >= chart->line_height * 0.9)
            {
              guint row = g_array_index (chart->rows, guint, r);
              guint column = g_array_index (chart->series, guint, s);
              g_autofree char *text = cohort_report_figure_format_value (chart->figure, row, column);

              draw_text (chart, text, x1 + GAP / 2, band_y + (band - chart->line_height) / 2,
                         value_w, PANGO_ALIGN_LEFT, &chart->style->muted);
            }
        }
    }

#undef X_OF
}

/* Public */

void
cohort_chart_draw (cairo_t                *cr,
                   CohortReportFigure     *figure,
                   const CohortChartStyle *style,
                   double                  width,
                   double                  height)
{
  g_autoptr(CohortChartStyle) default_style = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  CohortReportChartKind kind;
  Chart chart = { 0 };
  int line_height = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (COHORT_IS_REPORT_FIGURE (figure));

  if (style == NULL)
    style = default_style = cohort_chart_style_new (COHORT_CHART_SCHEME_LIGHT);

  if (!(width > 2 * PAD) || !(height > 2 * PAD))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);
  pango_context_set_base_dir (pango_layout_get_context (layout), style->direction);
  pango_layout_context_changed (layout);
  if (style->font != NULL)
    pango_layout_set_font_description (layout, style->font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);

  chart.cr = cr;
  chart.style = style;
  chart.figure = figure;
  chart.width = width;
  chart.height = height;
  chart.rtl = style->direction == PANGO_DIRECTION_RTL;
  chart.layout = layout;
  chart.line_height = MAX (line_height, 1);
  collect (&chart);
  series = chart.series;
  rows = chart.rows;

  kind = cohort_report_figure_get_chart_kind (figure);
  if (kind == COHORT_REPORT_CHART_NONE || series->len == 0)
    draw_message (&chart, _("This figure is a table only"));
  else if (rows->len == 0)
    draw_message (&chart, _("No data for this selection"));
  else if (kind == COHORT_REPORT_CHART_HBARS)
    draw_horizontal (&chart);
  else
    draw_vertical (&chart);

  cairo_restore (cr);
}

double
cohort_chart_get_natural_height (CohortReportFigure     *figure,
                                 const CohortChartStyle *style,
                                 double                  width)
{
  g_autoptr(CohortChartStyle) default_style = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int line_height = 0;
  guint n_rows = 0;
  guint n_series = 0;
  double height;

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (figure), 0);

  if (style == NULL)
    style = default_style = cohort_chart_style_new (COHORT_CHART_SCHEME_LIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  if (style->font != NULL)
    pango_layout_set_font_description (layout, style->font);
  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
    if (!cohort_report_figure_row_is_total (figure, r))
      n_rows++;
  for (guint c = 1; c < cohort_report_figure_get_n_columns (figure); c++)
    if (cohort_report_figure_column_is_series (figure, c))
      n_series++;

  if (cohort_report_figure_get_chart_kind (figure) == COHORT_REPORT_CHART_HBARS && n_rows > 0)
    {
      double legend = n_series > 1 ? line_height + GAP : 0;

      /* Beyond 25 rows the chart shows the first ones, the table all of them */
      height = 2 * PAD + legend + line_height + GAP +
               CLAMP (n_rows, 3, 25) * hbar_row_height (line_height) * (n_series > 2 ? 1.5 : 1);
    }
  else
    {
      height = CLAMP (width * 0.5, line_height * 14, line_height * 22);
    }

  return ceil (height);
}

static const char *
kind_name (CohortReportChartKind kind)
{
  switch (kind)
    {
    case COHORT_REPORT_CHART_BARS:
      return _("Bar chart");
    case COHORT_REPORT_CHART_STACKED_BARS:
      return _("Stacked bar chart");
    case COHORT_REPORT_CHART_HBARS:
      return _("Horizontal bar chart");
    case COHORT_REPORT_CHART_LINES:
      return _("Line chart");
    case COHORT_REPORT_CHART_NONE:
    default:
      return C_("kind of figure", "Table");
    }
}

char *
cohort_chart_dup_summary (CohortReportFigure *figure)
{
  GString *summary;
  guint n_rows = 0;
  guint first_series = 0;
  guint best_row = G_MAXUINT;
  double best = -INFINITY;
  g_autoptr(GPtrArray) series_titles = g_ptr_array_new ();

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (figure), NULL);

  for (guint c = 1; c < cohort_report_figure_get_n_columns (figure); c++)
    if (cohort_report_figure_column_is_series (figure, c))
      {
        if (first_series == 0)
          first_series = c;
        g_ptr_array_add (series_titles,
                         (gpointer) cohort_report_figure_get_column_title (figure, c));
      }
  g_ptr_array_add (series_titles, NULL);

  for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
    {
      double value;

      if (cohort_report_figure_row_is_total (figure, r))
        continue;
      n_rows++;
      if (first_series == 0)
        continue;
      value = cohort_report_figure_get_value (figure, r, first_series);
      if (isfinite (value) && value > best)
        {
          best = value;
          best_row = r;
        }
    }

  summary = g_string_new (NULL);
  /* Translators: how a chart is described to screen readers: "Bar chart: Trainees by year." */
  g_string_append_printf (summary, _("%s: %s."), kind_name (cohort_report_figure_get_chart_kind (figure)),
                          cohort_report_figure_get_title (figure));

  if (n_rows == 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("No data for this selection"));
      g_string_append_c (summary, '.');
      return g_string_free (summary, FALSE);
    }

  if (series_titles->len > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) series_titles->pdata);

      g_string_append_c (summary, ' ');
      /* Translators: %u is a number of rows, %s the names of the chart's series */
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u row of %s.", "%u rows of %s.",
                                           n_rows),
                              n_rows, joined);
    }

  if (best_row != G_MAXUINT)
    {
      g_autofree char *value = cohort_report_figure_format_value (figure, best_row, first_series);

      g_string_append_c (summary, ' ');
      /* Translators: the largest value of a chart, e.g. "Highest: Kenya, 12 (Placements)." */
      g_string_append_printf (summary, _("Highest: %s, %s (%s)."),
                              cohort_report_figure_get_row_label (figure, best_row), value,
                              cohort_report_figure_get_column_title (figure, first_series));
    }

  g_string_append_c (summary, ' ');
  g_string_append (summary, _("The table lists every value."));

  return g_string_free (summary, FALSE);
}

/* Files */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
replace_contents (GFile       *file,
                  GByteArray  *bytes,
                  GError     **error)
{
  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file name */
      g_prefix_error (error, _("Could not save the chart as %s: "), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the drawing library's reason */
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static void
draw_on_surface (cairo_surface_t        *surface,
                 CohortReportFigure     *figure,
                 const CohortChartStyle *style,
                 double                  width,
                 double                  height)
{
  cairo_t *cr = cairo_create (surface);

  cohort_chart_draw (cr, figure, style, width, height);
  cairo_destroy (cr);
}

gboolean
cohort_chart_write_png (CohortReportFigure     *figure,
                        const CohortChartStyle *style,
                        int                     width,
                        int                     height,
                        GFile                  *file,
                        GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (figure), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  draw_on_surface (surface, figure, style, width, height);
  cairo_surface_flush (surface);

  ok = check_surface (surface, error);
  if (ok && cairo_surface_write_to_png_stream (surface, append_bytes, bytes) != CAIRO_STATUS_SUCCESS)
    ok = check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok && replace_contents (file, bytes, error);
}

gboolean
cohort_chart_write_svg (CohortReportFigure     *figure,
                        const CohortChartStyle *style,
                        double                  width,
                        double                  height,
                        GFile                  *file,
                        GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (figure), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
  draw_on_surface (surface, figure, style, width, height);
  cairo_surface_finish (surface);
  ok = check_surface (surface, error);
  cairo_surface_destroy (surface);

  return ok && replace_contents (file, bytes, error);
}
