/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-report-document"

#include "config.h"

#include "cohort-report-document.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cohort-chart.h"

/*
 * The document is laid out by walking through its content once per purpose: to count the pages,
 * and again to draw one page, drawing only what falls on that page.  Every measurement comes from
 * the same Pango layouts either way, so the pages drawn are the pages counted.
 *
 * Units are points (1/72 inch); text is set at 72 dpi so a font's size is its size on paper.
 */

#define A4_WIDTH      595.2756
#define A4_HEIGHT     841.8898
#define MARGIN        50.0
#define FOOTER_GAP    14.0
#define CELL_PAD_X    5.0
#define CELL_PAD_Y    2.5
#define FONT_FAMILY   "Sans"
#define CHART_DPI_SCALE (72.0 / 96.0)  /* the chart's text is set at Cairo's default 96 dpi */

struct _CohortReportDocument
{
  GObject         parent_instance;

  CohortReport   *report;
  char           *database_name;
  PangoDirection  direction;
  double          width;
  double          height;
  guint           n_pages;  /* 0 until paginated */
  char           *footer;   /* the filter and the date */
};

G_DEFINE_FINAL_TYPE (CohortReportDocument, cohort_report_document, G_TYPE_OBJECT)

/* The walk through the document */
typedef struct
{
  CohortReportDocument *self;
  cairo_t              *cr;
  guint                 target;  /* the page to draw, or G_MAXUINT to only count */
  guint                 page;    /* the current page, from 0 */
  double                y;       /* where the next block goes on the current page */
  double                left;
  double                content_width;
  double                bottom;  /* the lowest y content may reach */
  gboolean              rtl;
} Walk;

static void
cohort_report_document_finalize (GObject *object)
{
  CohortReportDocument *self = (CohortReportDocument *)object;

  g_clear_object (&self->report);
  g_free (self->database_name);
  g_free (self->footer);

  G_OBJECT_CLASS (cohort_report_document_parent_class)->finalize (object);
}

static void
cohort_report_document_class_init (CohortReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohort_report_document_finalize;
}

static void
cohort_report_document_init (CohortReportDocument *self)
{
  self->direction = cohort_chart_get_locale_direction ();
  self->width = A4_WIDTH;
  self->height = A4_HEIGHT;
}

/* Text */

static PangoLayout *
make_layout (Walk           *walk,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (walk->cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_base_dir (context, walk->self->direction);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  /* "Left" means the start of the line: the right in a right-to-left document. */
  if (walk->rtl && align == PANGO_ALIGN_LEFT)
    align = PANGO_ALIGN_RIGHT;
  else if (walk->rtl && align == PANGO_ALIGN_RIGHT)
    align = PANGO_ALIGN_LEFT;
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static gboolean
drawing (Walk *walk)
{
  return walk->page == walk->target;
}

/* x of a box of width @w that starts @x after the start of the line */
static double
box_x (Walk   *walk,
       double  x,
       double  w)
{
  return walk->rtl ? walk->self->width - x - w : x;
}

static void
show_layout (Walk        *walk,
             PangoLayout *layout,
             double       x,
             double       y,
             double       w)
{
  if (!drawing (walk))
    return;

  cairo_set_source_rgb (walk->cr, 0, 0, 0);
  cairo_move_to (walk->cr, box_x (walk, x, w), y);
  pango_cairo_show_layout (walk->cr, layout);
}

static void
new_page (Walk *walk)
{
  walk->page++;
  walk->y = MARGIN;
}

/* Puts a block of text of the full width at the current position, on a new page if it does not
 * fit on this one. */
static void
add_text (Walk       *walk,
          const char *text,
          double      size,
          gboolean    bold,
          double      gray,
          double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (walk, text, size, bold, walk->content_width,
                                               PANGO_ALIGN_LEFT);
  double h = layout_height (layout);

  if (walk->y + h > walk->bottom && walk->y > MARGIN)
    new_page (walk);

  if (drawing (walk))
    {
      cairo_set_source_rgb (walk->cr, gray, gray, gray);
      cairo_move_to (walk->cr, walk->left, walk->y);
      pango_cairo_show_layout (walk->cr, layout);
    }
  walk->y += h + space_after;
}

/* The footer: the filter and date at the start, "Page N of M" at the end, on every page. */
static void
draw_footer (Walk  *walk,
             guint  page,
             guint  n_pages)
{
  CohortReportDocument *self = walk->self;
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) start = NULL;
  g_autoptr(PangoLayout) end = NULL;
  double y = self->height - MARGIN + FOOTER_GAP;
  int end_width = 0;
  double end_w;

  /* Translators: the footer of every page of a report, e.g. "Page 2 of 14" */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  end = make_layout (walk, page_text, 8, FALSE, -1, PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (end, &end_width, NULL);
  end_w = end_width;
  start = make_layout (walk, self->footer, 8, FALSE, walk->content_width - end_w - 18,
                       PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (start, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (walk->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (walk->cr, 0.5);
  cairo_move_to (walk->cr, MARGIN, y - 5);
  cairo_line_to (walk->cr, self->width - MARGIN, y - 5);
  cairo_stroke (walk->cr);

  cairo_set_source_rgb (walk->cr, 0.35, 0.35, 0.35);
  cairo_move_to (walk->cr, box_x (walk, MARGIN, walk->content_width - end_w - 18), y);
  pango_cairo_show_layout (walk->cr, start);
  cairo_move_to (walk->cr, box_x (walk, self->width - MARGIN - end_w, end_w), y);
  pango_cairo_show_layout (walk->cr, end);
}

/* The cover */

static char *
dup_date (const char *timestamp)
{
  g_autoptr(GDateTime) when = NULL;

  if (timestamp != NULL)
    when = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (when == NULL)
    when = g_date_time_new_now_utc ();

  return g_date_time_format (when, "%Y-%m-%d");
}

static void
add_cover (Walk *walk)
{
  CohortReport *report = walk->self->report;
  int first = cohort_report_get_first_year (report);
  int last = cohort_report_get_last_year (report);
  g_autofree char *filter = cohort_report_filter_describe (cohort_report_get_filter (report));
  g_autofree char *date = dup_date (cohort_report_get_created_at (report));
  g_autofree char *years = NULL;
  g_autofree char *made = NULL;

  if (first > 0 && last > 0 && first != last)
    /* Translators: the fiscal years a report covers, e.g. "Fiscal years 2019–2024" */
    years = g_strdup_printf (_("Fiscal years %d–%d"), first, last);
  else if (first > 0 || last > 0)
    /* Translators: the one fiscal year a report covers */
    years = g_strdup_printf (_("Fiscal year %d"), first > 0 ? first : last);
  else
    years = g_strdup (_("No fiscal year has data for this selection"));

  /* Translators: %s is a date, e.g. "Made on 2026-11-27" */
  made = g_strdup_printf (_("Made on %s"), date);

  walk->y = walk->self->height * 0.28;
  add_text (walk, _("Programme report"), 28, TRUE, 0.0, 18);
  add_text (walk, filter, 14, FALSE, 0.15, 6);
  add_text (walk, years, 14, FALSE, 0.15, 24);
  add_text (walk, made, 11, FALSE, 0.35, 4);

  if (walk->self->database_name != NULL)
    {
      /* Translators: %s is the database's file name, e.g. "From the database cohort.db" */
      g_autofree char *from = g_strdup_printf (_("From the database %s"),
                                               walk->self->database_name);

      add_text (walk, from, 11, FALSE, 0.35, 4);
    }
}

/* A figure's table */

typedef struct
{
  double *widths;     /* one per column */
  double  size;       /* font size */
} Table;

static double
text_width (Walk       *walk,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (walk, text, size, bold, -1, PANGO_ALIGN_LEFT);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
measure_table (Walk               *walk,
               CohortReportFigure *figure,
               Table              *table)
{
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  double numbers = 0;
  double label = 0;
  double label_room;

  table->size = n_columns > 6 ? 7.5 : 8.5;
  table->widths = g_new0 (double, n_columns);

  for (guint c = 1; c < n_columns; c++)
    {
      const char *title = cohort_report_figure_get_column_title (figure, c);
      g_auto(GStrv) words = g_strsplit (title, " ", -1);
      /* A header wraps between its words, past 70 points */
      double w = MIN (text_width (walk, title, table->size, TRUE), 70);

      for (guint i = 0; words[i] != NULL; i++)
        w = MAX (w, text_width (walk, words[i], table->size, TRUE));

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *value = cohort_report_figure_format_value (figure, r, c);

          w = MAX (w, text_width (walk, value, table->size, TRUE));
        }
      table->widths[c] = w + 2 * CELL_PAD_X;
      numbers += table->widths[c];
    }

  for (guint r = 0; r < n_rows; r++)
    label = MAX (label, text_width (walk, cohort_report_figure_get_row_label (figure, r),
                                    table->size, TRUE));
  label = MAX (label, text_width (walk, cohort_report_figure_get_column_title (figure, 0),
                                  table->size, TRUE));
  label += 2 * CELL_PAD_X;

  /* The labels keep at least a quarter of the line (long ones are cut short); the numbers
   * share the rest, narrower when they must be. */
  label_room = MIN (label, walk->content_width * 0.25);
  if (numbers > walk->content_width - label_room)
    {
      double scale = (walk->content_width - label_room) / numbers;

      for (guint c = 1; c < n_columns; c++)
        table->widths[c] *= scale;
      numbers = walk->content_width - label_room;
    }

  table->widths[0] = MIN (label, walk->content_width - numbers);
}

/* Draws (or measures) one row of cells at walk->y; returns its height. */
static double
table_row (Walk               *walk,
           CohortReportFigure *figure,
           Table              *table,
           int                 row,  /* -1: the header */
           gboolean            draw)
{
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  gboolean header = row < 0;
  gboolean bold = header || cohort_report_figure_row_is_total (figure, row);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;
  double x = walk->left;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = NULL;
      PangoLayout *layout;

      if (header)
        text = g_strdup (cohort_report_figure_get_column_title (figure, c));
      else if (c == 0)
        text = g_strdup (cohort_report_figure_get_row_label (figure, row));
      else
        text = cohort_report_figure_format_value (figure, row, c);

      layout = make_layout (walk, text, table->size, bold, table->widths[c] - 2 * CELL_PAD_X,
                            c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      if (!header)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (header && c > 0)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      height = MAX (height, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  height += 2 * CELL_PAD_Y;

  if (draw && drawing (walk))
    {
      double total_w = 0;

      for (guint c = 0; c < n_columns; c++)
        total_w += table->widths[c];

      if (header || cohort_report_figure_row_is_total (figure, row))
        {
          cairo_set_source_rgb (walk->cr, header ? 0.9 : 0.95, header ? 0.9 : 0.95,
                                header ? 0.9 : 0.95);
          cairo_rectangle (walk->cr, box_x (walk, walk->left, total_w), walk->y, total_w, height);
          cairo_fill (walk->cr);
        }
      cairo_set_source_rgb (walk->cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (walk->cr, 0.5);
      cairo_move_to (walk->cr, box_x (walk, walk->left, total_w), walk->y + height);
      cairo_rel_line_to (walk->cr, total_w, 0);
      cairo_stroke (walk->cr);

      for (guint c = 0; c < n_columns; c++)
        {
          double w = table->widths[c];

          show_layout (walk, g_ptr_array_index (layouts, c), x + CELL_PAD_X,
                       walk->y + CELL_PAD_Y, w - 2 * CELL_PAD_X);
          x += w;
        }
    }

  return height;
}

static double
measure_table_height (Walk               *walk,
                      CohortReportFigure *figure)
{
  Table table = { 0 };
  double height;

  measure_table (walk, figure, &table);
  height = table_row (walk, figure, &table, -1, FALSE);
  for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
    height += table_row (walk, figure, &table, r, FALSE);
  g_free (table.widths);

  return height;
}

/* The row to break the page before when the rows from @start on are drawn from @y: never leave
 * fewer than three rows (a total alone, say) to go over onto the next page. */
static guint
find_break (Walk               *walk,
            CohortReportFigure *figure,
            Table              *table,
            guint               start,
            double              y)
{
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  guint r = start;

  while (r < n_rows)
    {
      double h = table_row (walk, figure, table, r, FALSE);

      if (y + h > walk->bottom)
        break;
      y += h;
      r++;
    }

  if (r < n_rows && n_rows - r < 3 && r - start > 6)
    r -= 3 - (n_rows - r);

  return r;
}

static void
add_table (Walk               *walk,
           CohortReportFigure *figure)
{
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  Table table = { 0 };
  guint page_break;
  double header_h;

  measure_table (walk, figure, &table);
  header_h = table_row (walk, figure, &table, -1, FALSE);

  /* The header and at least one row together */
  if (n_rows > 0 && walk->y + header_h + table_row (walk, figure, &table, 0, FALSE) > walk->bottom)
    new_page (walk);
  walk->y += table_row (walk, figure, &table, -1, TRUE);
  page_break = find_break (walk, figure, &table, 0, walk->y);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r == page_break && r > 0)
        {
          /* Translators: a table's title on the page it continues on,
           * e.g. "Nationalities (continued)" */
          g_autofree char *continued = g_strdup_printf (_("%s (continued)"),
                                                        cohort_report_figure_get_title (figure));

          new_page (walk);
          add_text (walk, continued, 10, TRUE, 0.35, 4);
          walk->y += table_row (walk, figure, &table, -1, TRUE);
          page_break = find_break (walk, figure, &table, r, walk->y);
        }
      walk->y += table_row (walk, figure, &table, r, TRUE);
    }

  if (n_rows == 0)
    add_text (walk, _("No data for this selection"), 9, FALSE, 0.35, 0);

  g_free (table.widths);
}

/* A figure: title, note, chart, table */

static void
add_chart (Walk               *walk,
           CohortReportFigure *figure,
           double              table_height)
{
  g_autoptr(CohortChartStyle) style = cohort_chart_style_new (COHORT_CHART_SCHEME_LIGHT);
  double width = walk->content_width / CHART_DPI_SCALE;
  double available = (walk->bottom - walk->y) / CHART_DPI_SCALE - 16;
  double beside_table = available - table_height / CHART_DPI_SCALE - 12;
  double height;

  style->direction = walk->self->direction;
  style->background.alpha = 0;
  cohort_chart_style_set_font (style, FONT_FAMILY " 10");

  height = cohort_chart_get_natural_height (figure, style, width);
  if (cohort_report_figure_get_chart_kind (figure) != COHORT_REPORT_CHART_HBARS)
    height = MIN (height, width * 0.55);
  /* A little shorter, the chart leaves room for its table on the same page */
  if (height > beside_table && beside_table >= MAX (height * 0.6, 200))
    height = beside_table;
  height = MIN (height, available);

  if (drawing (walk))
    {
      cairo_save (walk->cr);
      cairo_translate (walk->cr, walk->left, walk->y);
      cairo_scale (walk->cr, CHART_DPI_SCALE, CHART_DPI_SCALE);
      cohort_chart_draw (walk->cr, figure, style, width, height);
      cairo_restore (walk->cr);
    }

  walk->y += height * CHART_DPI_SCALE + 12;
}

static void
add_figure (Walk               *walk,
            CohortReportFigure *figure)
{
  const char *note = cohort_report_figure_get_note (figure);

  new_page (walk);
  add_text (walk, cohort_report_figure_get_title (figure), 16, TRUE, 0.0, 6);
  if (note != NULL && note[0] != '\0')
    add_text (walk, note, 9.5, FALSE, 0.3, 8);
  else
    walk->y += 4;

  if (cohort_report_figure_get_chart_kind (figure) != COHORT_REPORT_CHART_NONE &&
      cohort_report_figure_get_n_rows (figure) > 0)
    add_chart (walk, figure, measure_table_height (walk, figure));

  add_table (walk, figure);
}

/* Walks the whole document; draws page @target (G_MAXUINT: none).  Returns the number of pages. */
static guint
walk_document (CohortReportDocument *self,
               cairo_t              *cr,
               guint                 target)
{
  Walk walk = { 0 };

  walk.self = self;
  walk.cr = cr;
  walk.target = target;
  walk.page = 0;
  walk.y = MARGIN;
  walk.left = MARGIN;
  walk.content_width = self->width - 2 * MARGIN;
  walk.bottom = self->height - MARGIN;
  walk.rtl = self->direction == PANGO_DIRECTION_RTL;

  add_cover (&walk);
  for (guint i = 0; i < cohort_report_get_n_figures (self->report); i++)
    add_figure (&walk, cohort_report_get_figure (self->report, i));

  return walk.page + 1;
}

/* Public */

CohortReportDocument *
cohort_report_document_new (CohortReport *report)
{
  CohortReportDocument *self;
  g_autofree char *filter = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (COHORT_IS_REPORT (report), NULL);

  self = g_object_new (COHORT_TYPE_REPORT_DOCUMENT, NULL);
  self->report = g_object_ref (report);

  filter = cohort_report_filter_describe (cohort_report_get_filter (report));
  date = dup_date (cohort_report_get_created_at (report));
  /* Translators: the start of every page's footer: the report's filter, then the date it was
   * made, e.g. "All programmes, all fiscal years — 2026-11-27" */
  self->footer = g_strdup_printf (_("%s — %s"), filter, date);

  return self;
}

CohortReport *
cohort_report_document_get_report (CohortReportDocument *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_DOCUMENT (self), NULL);

  return self->report;
}

void
cohort_report_document_set_database_name (CohortReportDocument *self,
                                          const char           *name)
{
  g_return_if_fail (COHORT_IS_REPORT_DOCUMENT (self));

  g_free (self->database_name);
  self->database_name = g_strdup (name);
  self->n_pages = 0;
}

void
cohort_report_document_set_direction (CohortReportDocument *self,
                                      PangoDirection        direction)
{
  g_return_if_fail (COHORT_IS_REPORT_DOCUMENT (self));

  self->direction = direction == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  self->n_pages = 0;
}

guint
cohort_report_document_paginate (CohortReportDocument *self,
                                 cairo_t              *cr,
                                 double                width,
                                 double                height)
{
  g_return_val_if_fail (COHORT_IS_REPORT_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 4 * MARGIN && height > 4 * MARGIN, 0);

  self->width = width;
  self->height = height;
  cairo_save (cr);
  self->n_pages = walk_document (self, cr, G_MAXUINT);
  cairo_restore (cr);

  return self->n_pages;
}

guint
cohort_report_document_get_n_pages (CohortReportDocument *self)
{
  g_return_val_if_fail (COHORT_IS_REPORT_DOCUMENT (self), 0);

  return self->n_pages;
}

void
cohort_report_document_draw_page (CohortReportDocument *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  Walk walk = { 0 };

  g_return_if_fail (COHORT_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->n_pages > 0);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  walk_document (self, cr, page);

  walk.self = self;
  walk.cr = cr;
  walk.left = MARGIN;
  walk.content_width = self->width - 2 * MARGIN;
  walk.rtl = self->direction == PANGO_DIRECTION_RTL;
  draw_footer (&walk, page, self->n_pages);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

gboolean
cohort_report_document_save_pdf (CohortReportDocument  *self,
                                 GFile                 *file,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  CohortReport *report;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (COHORT_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = self->report;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  title = cohort_report_filter_describe (cohort_report_get_filter (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Programme report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cohort " PACKAGE_VERSION);
  cr = cairo_create (surface);

  n_pages = cohort_report_document_paginate (self, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }

      cohort_report_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the drawing library's reason */
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file name */
      g_prefix_error (error, _("Could not save the report as %s: "), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
cohort_report_document_write_pdf (CohortReport  *report,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(CohortReportDocument) self = NULL;

  g_return_val_if_fail (COHORT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = cohort_report_document_new (report);

  return cohort_report_document_save_pdf (self, file, cancellable, error);
}
