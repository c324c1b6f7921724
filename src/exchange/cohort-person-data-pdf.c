/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-person-data-pdf"

#include "config.h"

#include "cohort-person-data-pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cohort-history.h"

/*
 * "Everything we hold on this person" as a document a person can read: A4 pages with a title,
 * the person's name in Latin letters and in their own script, the date it was made, then one
 * section per kind of record.  Each record is a table of field and value (fields without a value
 * are left out); the history is one table of when, what and which values.  Text is laid out with
 * Pango, so Arabic runs right to left and Japanese finds a font.  The pages are laid out twice:
 * once to count them, once to draw them with "Page N of M".
 */

#define PAGE_WIDTH   595.276  /* A4, in points */
#define PAGE_HEIGHT  841.890
#define MARGIN       56.0
#define CELL_PADDING 3.0
#define FOOTER_SPACE 28.0
#define MAX_CELL_CHARS 1000
#define MAX_CELL_LINES 40

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *body_font;
  PangoFontDescription *bold_font;
  PangoFontDescription *heading_font;
  PangoFontDescription *title_font;
  PangoFontDescription *name_font;
  gboolean              draw;
  double                y;
  guint                 page;
  guint                 n_pages;
  char                 *footer_left;
  const char          **header;         /* repeated at the top of each page, or NULL */
  const double         *header_widths;
  guint                 n_header;
} Writer;

static double
content_width (void)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN - FOOTER_SPACE;
}

/* Text for Pango: valid UTF-8 always, whatever the database held, and no more of it than a
 * cell can show on a page (a value of a megabyte would take minutes to lay out, and pages to
 * print; the JSON export has all of it). */
static void
set_text (Writer                     *w,
          const PangoFontDescription *font,
          double                      width,
          const char                 *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  glong length;

  /* As many lines as fit on a page; a paragraph that wraps is cut by Pango below. */
  {
    const char *p = valid;
    guint n_lines = 0;

    while ((p = strchr (p, '\n')) != NULL && ++n_lines < MAX_CELL_LINES)
      p++;

    if (p != NULL)
      {
        g_autofree char *shown = g_strndup (valid, p - valid);
        guint n_more = 0;

        for (const char *q = p; q != NULL; q = strchr (q + 1, '\n'))
          n_more++;
        g_free (valid);
        /* Translators: the end of a value with too many lines to print in full; %u is a
         * number */
        valid = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n… (%u more line)",
                                              "%s\n… (%u more lines)", n_more),
                                 shown, n_more);
      }
  }

  length = g_utf8_strlen (valid, -1);
  if (length > MAX_CELL_CHARS)
    {
      g_autofree char *shown = g_utf8_substring (valid, 0, MAX_CELL_CHARS);

      g_free (valid);
      /* Translators: the end of a value too long to print in full; %ld is a number */
      valid = g_strdup_printf (_("%s… (%ld more characters)"), shown,
                               length - MAX_CELL_CHARS);
    }

  pango_layout_set_font_description (w->layout, font);
  pango_layout_set_width (w->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (w->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (w->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (w->layout, -MAX_CELL_LINES);
  pango_layout_set_alignment (w->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (w->layout, valid, -1);
}

static double
text_height (Writer *w)
{
  int height = 0;

  pango_layout_get_size (w->layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_footer (Writer *w)
{
  g_autofree char *page = NULL;
  int width = 0;

  if (!w->draw)
    return;

  cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.35);
  set_text (w, w->body_font, content_width (), w->footer_left);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - MARGIN - 12);
  pango_cairo_show_layout (w->cr, w->layout);

  /* Translators: the page number at the foot of a page */
  page = g_strdup_printf (_("Page %u of %u"), w->page, w->n_pages);
  set_text (w, w->body_font, content_width (), page);
  pango_layout_set_width (w->layout, -1);
  pango_layout_get_size (w->layout, &width, NULL);
  cairo_move_to (w->cr, PAGE_WIDTH - MARGIN - (double) width / PANGO_SCALE,
                 PAGE_HEIGHT - MARGIN - 12);
  pango_cairo_show_layout (w->cr, w->layout);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void table_row (Writer         *w,
                       const char    **cells,
                       const double   *widths,
                       guint           n_cells,
                       gboolean        bold_first,
                       gboolean        header);

static void
new_page (Writer *w)
{
  draw_footer (w);
  if (w->draw)
    cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;

  /* A table that goes on: its header again. */
  if (w->header != NULL)
    table_row (w, w->header, w->header_widths, w->n_header, FALSE, TRUE);
}

/* Makes room for @height on this page, or starts the next. */
static void
need (Writer *w,
      double  height)
{
  if (w->y + height > bottom () && w->y > MARGIN)
    new_page (w);
}

static void
paragraph (Writer                     *w,
           const PangoFontDescription *font,
           const char                 *text,
           double                      space_after)
{
  double height;

  set_text (w, font, content_width (), text);
  height = text_height (w);
  need (w, height);
  if (w->draw)
    {
      cairo_move_to (w->cr, MARGIN, w->y);
      pango_cairo_show_layout (w->cr, w->layout);
    }
  w->y += height + space_after;
}

static double
row_height (Writer         *w,
            const char    **cells,
            const double   *widths,
            guint           n_cells,
            gboolean        bold_first,
            gboolean        header)
{
  double height = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      set_text (w, (header || (bold_first && i == 0)) ? w->bold_font : w->body_font,
                widths[i] - 2 * CELL_PADDING, cells[i]);
      height = MAX (height, text_height (w));
    }

  return height + 2 * CELL_PADDING;
}

/* One table row of cells with the given widths; the first cell in bold if @bold_first.  Breaks
 * to the next page before the row when it does not fit. */
static void
table_row (Writer         *w,
           const char    **cells,
           const double   *widths,
           guint           n_cells,
           gboolean        bold_first,
           gboolean        header)
{
  double height = row_height (w, cells, widths, n_cells, bold_first, header);
  double x = MARGIN;

  need (w, height);

  if (w->draw)
    {
      if (header)
        {
          cairo_set_source_rgb (w->cr, 0.92, 0.92, 0.92);
          cairo_rectangle (w->cr, MARGIN, w->y, content_width (), height);
          cairo_fill (w->cr);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
        }

      for (guint i = 0; i < n_cells; i++)
        {
          set_text (w, (header || (bold_first && i == 0)) ? w->bold_font : w->body_font,
                    widths[i] - 2 * CELL_PADDING, cells[i]);
          cairo_move_to (w->cr, x + CELL_PADDING, w->y + CELL_PADDING);
          pango_cairo_show_layout (w->cr, w->layout);
          x += widths[i];
        }

      cairo_set_source_rgb (w->cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (w->cr, 0.5);
      cairo_move_to (w->cr, MARGIN, w->y + height);
      cairo_line_to (w->cr, MARGIN + content_width (), w->y + height);
      cairo_stroke (w->cr);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
    }

  w->y += height;
}

static char *
dup_local_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %X");
}

/* A value as a reader sees it: a timestamp in local time, a code as its label. */
static char *
dup_cell (CohortPersonData *data,
          guint             section,
          guint             row,
          guint             column)
{
  const char *name = cohort_person_data_get_column_name (data, section, column);
  const char *value = cohort_person_data_get_display_value (data, section, row, column);

  if (value == NULL || value[0] == '\0')
    return NULL;
  if (g_str_has_suffix (name, "_at"))
    return dup_local_time (value);

  return g_strdup (value);
}

/* One record as a table of field and value, kept on one page when it fits on one. */
static void
record_table (Writer           *w,
              CohortPersonData *data,
              guint             section,
              guint             row)
{
  double widths[2] = { content_width () * 0.32, content_width () * 0.68 };
  guint n_columns = cohort_person_data_get_n_columns (data, section);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *cells[2];

      g_ptr_array_add (values, dup_cell (data, section, row, c));
      cells[0] = cohort_person_data_get_column_label (data, section, c);
      cells[1] = g_ptr_array_index (values, c);
      if (cells[1] != NULL)
        height += row_height (w, cells, widths, 2, TRUE, FALSE);
    }

  if (height < bottom () - MARGIN)
    need (w, height);

  if (w->draw)
    {
      cairo_set_source_rgb (w->cr, 0.4, 0.4, 0.4);
      cairo_set_line_width (w->cr, 1.0);
      cairo_move_to (w->cr, MARGIN, w->y);
      cairo_line_to (w->cr, MARGIN + content_width (), w->y);
      cairo_stroke (w->cr);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *cells[2];

      cells[0] = cohort_person_data_get_column_label (data, section, c);
      cells[1] = g_ptr_array_index (values, c);
      if (cells[1] != NULL)
        table_row (w, cells, widths, 2, TRUE, FALSE);
    }
}

static guint
find_column (CohortPersonData *data,
             guint             section,
             const char       *name)
{
  for (guint c = 0; c < cohort_person_data_get_n_columns (data, section); c++)
    if (strcmp (cohort_person_data_get_column_name (data, section, c), name) == 0)
      return c;

  g_assert_not_reached ();
}

static void
history_table (Writer           *w,
               CohortPersonData *data,
               guint             section)
{
  double widths[3] = { content_width () * 0.24, content_width () * 0.24,
                       content_width () * 0.52 };
  const char *header[3] = { C_("history", "When"), C_("history", "What"),
                            C_("history", "Fields") };
  guint at = find_column (data, section, "at");
  guint table = find_column (data, section, "table_name");
  guint row_id = find_column (data, section, "row_id");
  guint action = find_column (data, section, "action");
  guint changes = find_column (data, section, "changes");

  table_row (w, header, widths, 3, FALSE, TRUE);
  w->header = header;
  w->header_widths = widths;
  w->n_header = 3;

  for (guint r = 0; r < cohort_person_data_get_n_rows (data, section); r++)
    {
      g_autofree char *when = dup_local_time (cohort_person_data_get_value (data, section, r, at));
      g_autofree char *what = NULL;
      g_autofree char *fields = NULL;
      const char *cells[3];

      const char *id_text = cohort_person_data_get_value (data, section, r, row_id);

      what = cohort_history_format_title (cohort_person_data_get_value (data, section, r, table),
                                          g_ascii_strtoll (id_text, NULL, 10),
                                          cohort_person_data_get_value (data, section, r, action));
      fields = cohort_history_format_details (cohort_person_data_get_value (data, section, r,
                                                                            table),
                                              cohort_person_data_get_value (data, section, r,
                                                                            changes));
      cells[0] = when;
      cells[1] = what;
      cells[2] = fields;
      table_row (w, cells, widths, 3, FALSE, FALSE);
    }

  w->header = NULL;
}

static void
layout_document (Writer           *w,
                 CohortPersonData *data)
{
  g_autofree char *name = cohort_person_data_dup_name (data);
  g_autofree char *name_local = cohort_person_data_dup_name_local (data);
  g_autofree char *made = dup_local_time (cohort_person_data_get_made_at (data));
  g_autofree char *made_line = NULL;

  w->page = 1;
  w->y = MARGIN;

  paragraph (w, w->title_font, _("Personal data held by Cohort"), 10);
  paragraph (w, w->name_font, name, 4);
  if (name_local != NULL)
    paragraph (w, w->name_font, name_local, 4);
  /* Translators: %s is a date and time */
  made_line = g_strdup_printf (_("Everything the database holds on this person, as of %s."),
                               made);
  paragraph (w, w->body_font, made_line, 14);

  for (guint s = 0; s < cohort_person_data_get_n_sections (data); s++)
    {
      guint n_rows = cohort_person_data_get_n_rows (data, s);

      need (w, 60);
      paragraph (w, w->heading_font, cohort_person_data_get_section_title (data, s), 6);

      if (n_rows == 0)
        {
          paragraph (w, w->body_font, C_("person data", "None."), 12);
          continue;
        }

      if (strcmp (cohort_person_data_get_section_name (data, s), "history") == 0)
        history_table (w, data, s);
      else
        for (guint r = 0; r < n_rows; r++)
          {
            record_table (w, data, s, r);
            w->y += 8;
          }
      w->y += 10;
    }

  draw_footer (w);
  w->n_pages = w->page;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, bytes, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * cohort_person_data_write_pdf:
 * @data: what is held on a person
 * @path: the file to write (replaced if it exists; written to a temporary file first)
 * @error: return location for a #GError
 *
 * Writes @data as a readable PDF document on A4 pages.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cohort_person_data_write_pdf (CohortPersonData  *data,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *made = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *measure_surface;
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer w = { NULL, };

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (data), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  w.body_font = pango_font_description_from_string ("Sans 9");
  w.bold_font = pango_font_description_from_string ("Sans Bold 9");
  w.heading_font = pango_font_description_from_string ("Sans Bold 13");
  w.title_font = pango_font_description_from_string ("Sans Bold 18");
  w.name_font = pango_font_description_from_string ("Sans 15");
  made = dup_local_time (cohort_person_data_get_made_at (data));
  name = cohort_person_data_dup_name (data);
  /* Translators: at the foot of each page: a person's name and the date the document was made */
  w.footer_left = g_strdup_printf (_("%s — %s"), name, made);

  /* First pass: count the pages. */
  measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  w.cr = cairo_create (measure_surface);
  w.layout = pango_cairo_create_layout (w.cr);
  w.draw = FALSE;
  layout_document (&w, data);
  g_clear_object (&w.layout);
  g_clear_pointer (&w.cr, cairo_destroy);
  cairo_surface_destroy (measure_surface);

  /* Second pass: draw them. */
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, PAGE_WIDTH,
                                                 PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Personal data held by Cohort"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cohort");
  w.cr = cairo_create (surface);
  w.layout = pango_cairo_create_layout (w.cr);
  w.draw = TRUE;
  layout_document (&w, data);
  cairo_show_page (w.cr);
  g_clear_object (&w.layout);
  g_clear_pointer (&w.cr, cairo_destroy);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  pango_font_description_free (w.body_font);
  pango_font_description_free (w.bold_font);
  pango_font_description_free (w.heading_font);
  pango_font_description_free (w.title_font);
  pango_font_description_free (w.name_font);
  g_free (w.footer_left);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second a technical reason */
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      /* Closing a cancelled replacement leaves the file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
