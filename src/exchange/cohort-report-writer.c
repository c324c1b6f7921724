/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-report"

#include "config.h"

#include "cohort-report-writer.h"

#include <glib/gi18n-lib.h>

#include "cohort-csv-writer.h"
#include "cohort-json.h"

/*
 * The report as text for people (aligned tables, numbers in the user's locale), as CSV and as
 * JSON for machines (stable figure ids and column keys, numbers in the C locale).
 */

/* Text */

/* Notes are wrapped to this many columns, as a terminal shows them. */
#define NOTE_WIDTH 96

/* Columns a string takes in a terminal: wide (East Asian) characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    align_end)
{
  guint length = display_width (text);
  guint padding = length < width ? width - length : 0;

  if (align_end)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!align_end)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (out, ' ');
}

static void
append_rule (GString    *out,
             const char *glyph,
             guint       width)
{
  for (guint i = 0; i < width; i++)
    g_string_append (out, glyph);
  g_string_append_c (out, '\n');
}

/* @text underlined with "=". */
static void
append_heading (GString    *out,
                const char *text)
{
  g_string_append (out, text);
  g_string_append_c (out, '\n');
  append_rule (out, "=", display_width (text));
}

/* One line of a table: the first cell aligned to the start, the numbers to the end. */
static void
append_table_line (GString     *out,
                   const char **cells,
                   const guint *widths,
                   guint        n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, "  ");
      append_padded (out, cells[c], widths[c], c > 0);
    }
  g_string_append_c (out, '\n');
}

/* Appends @text broken at spaces into lines of at most @width columns (a longer word stays
 * whole on its own line). */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = display_width (words[i]);

      if (length == 0)
        continue;

      if (column > 0 && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += length;
    }
  g_string_append_c (out, '\n');
}

static void
append_figure_text (GString            *out,
                    CohortReportFigure *figure)
{
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autofree const char **titles = g_new0 (const char *, n_columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *title = cohort_report_figure_get_title (figure);
  const char *note = cohort_report_figure_get_note (figure);
  guint total_width = 0;

  append_heading (out, title);
  g_string_append_c (out, '\n');

  for (guint c = 0; c < n_columns; c++)
    {
      titles[c] = cohort_report_figure_get_column_title (figure, c);
      widths[c] = display_width (titles[c]);
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char *cell = c == 0 ? g_strdup (cohort_report_figure_get_row_label (figure, r))
                            : cohort_report_figure_format_value (figure, r, c);

        widths[c] = MAX (widths[c], display_width (cell));
        g_ptr_array_add (cells, cell);
      }

  for (guint c = 0; c < n_columns; c++)
    total_width += widths[c] + (c > 0 ? 2 : 0);

  append_table_line (out, titles, widths, n_columns);
  append_rule (out, "-", total_width);

  for (guint r = 0; r < n_rows; r++)
    {
      if (cohort_report_figure_row_is_total (figure, r))
        append_rule (out, "-", total_width);

      append_table_line (out, (const char **) &cells->pdata[r * n_columns], widths, n_columns);
    }

  if (note != NULL)
    {
      g_string_append_c (out, '\n');
      append_wrapped (out, note, NOTE_WIDTH);
    }

  g_string_append_c (out, '\n');
}

static gboolean
write_string (GOutputStream  *stream,
              GString        *out,
              GError        **error)
{
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * cohort_report_write_text:
 * @report: a report
 * @stream: where to write
 * @error: where to put an error
 *
 * Writes @report for people to read: a heading with what the report covers, then each figure
 * as a table with aligned columns (numbers in the user's locale) and its note.
 *
 * Returns: %TRUE, or %FALSE with @error set (the stream could not be written)
 */
gboolean
cohort_report_write_text (CohortReport   *report,
                          GOutputStream  *stream,
                          GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *description = NULL;
  int first = cohort_report_get_first_year (report);
  int last = cohort_report_get_last_year (report);

  g_return_val_if_fail (COHORT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  append_heading (out, _("Programme report"));
  description = cohort_report_filter_describe (cohort_report_get_filter (report));
  g_string_append_printf (out, "%s\n", description);
  if (first > 0 && first == last)
    /* Translators: %d is a fiscal year */
    g_string_append_printf (out, _("Data for fiscal year %d"), first);
  else if (first > 0)
    /* Translators: the fiscal years that have data, e.g. "Data for fiscal years 2019–2024" */
    g_string_append_printf (out, _("Data for fiscal years %d–%d"), first, last);
  else
    g_string_append (out, _("No course runs in these fiscal years"));
  g_string_append_c (out, '\n');
  /* Translators: %s is a UTC time stamp, e.g. 2024-03-31T09:12:00Z */
  g_string_append_printf (out, _("Made %s"), cohort_report_get_created_at (report));
  g_string_append (out, "\n\n");

  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    append_figure_text (out, cohort_report_get_figure (report, i));

  return write_string (stream, out, error);
}

/* CSV */

static gboolean
write_csv_table (CohortCsvWriter     *writer,
                 CohortReportFigure  *figure,
                 gboolean             titles,
                 GError             **error)
{
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (titles ? cohort_report_figure_get_column_title (figure, c)
                                             : cohort_report_figure_get_column_key (figure, c)));
  if (!cohort_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len,
                                    NULL, error))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup (cohort_report_figure_get_row_label (figure, r)));
      for (guint c = 1; c < n_columns; c++)
        g_ptr_array_add (cells, cohort_report_figure_format_value_c (figure, r, c));

      if (!cohort_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len,
                                        NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cohort_report_write_csv:
 * @report: a report
 * @stream: where to write
 * @error: where to put an error
 *
 * Writes every figure of @report as a block of CSV: a line with the figure's id and title, a
 * header line of the column keys, one line per row (its label, then the numbers in the C
 * locale, an empty cell where there is no value), and an empty line between blocks.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cohort_report_write_csv (CohortReport   *report,
                         GOutputStream  *stream,
                         GError        **error)
{
  g_autoptr(CohortCsvWriter) writer = NULL;

  g_return_val_if_fail (COHORT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  writer = cohort_csv_writer_new (stream);
  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    {
      CohortReportFigure *figure = cohort_report_get_figure (report, i);
      const char *heading[] = {
        cohort_report_figure_get_id (figure), cohort_report_figure_get_title (figure),
      };

      if ((i > 0 && !cohort_csv_writer_write_row (writer, NULL, 0, NULL, error)) ||
          !cohort_csv_writer_write_row (writer, heading, G_N_ELEMENTS (heading), NULL, error) ||
          !write_csv_table (writer, figure, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cohort_report_write_csv_figure:
 * @figure: one figure of a report
 * @stream: where to write
 * @error: where to put an error
 *
 * Writes @figure as one CSV table for a spreadsheet: a header line of the column titles (as
 * the table shows them), then one line per row with the numbers in the C locale.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cohort_report_write_csv_figure (CohortReportFigure  *figure,
                                GOutputStream       *stream,
                                GError             **error)
{
  g_autoptr(CohortCsvWriter) writer = NULL;

  g_return_val_if_fail (COHORT_IS_REPORT_FIGURE (figure), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  writer = cohort_csv_writer_new (stream);
  return write_csv_table (writer, figure, TRUE, error);
}

/* JSON */

static const char *
chart_kind_name (CohortReportChartKind kind)
{
  switch (kind)
    {
    case COHORT_REPORT_CHART_BARS:
      return "bars";
    case COHORT_REPORT_CHART_STACKED_BARS:
      return "stacked-bars";
    case COHORT_REPORT_CHART_HBARS:
      return "hbars";
    case COHORT_REPORT_CHART_LINES:
      return "lines";
    case COHORT_REPORT_CHART_NONE:
    default:
      return "none";
    }
}

static const char *
value_kind_name (CohortReportValueKind kind)
{
  switch (kind)
    {
    case COHORT_REPORT_VALUE_PERCENT:
      return "percent";
    case COHORT_REPORT_VALUE_DAYS:
      return "days";
    case COHORT_REPORT_VALUE_COUNT:
    default:
      return "count";
    }
}

static void
append_json_year (GString *out,
                  int      year)
{
  if (year > 0)
    g_string_append_printf (out, "%d", year);
  else
    g_string_append (out, "null");
}

static void
append_figure_json (GString            *out,
                    CohortReportFigure *figure)
{
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);

  g_string_append (out, "{\"id\":");
  cohort_json_append_string (out, cohort_report_figure_get_id (figure));
  g_string_append (out, ",\"title\":");
  cohort_json_append_string (out, cohort_report_figure_get_title (figure));
  g_string_append (out, ",\"note\":");
  cohort_json_append_string (out, cohort_report_figure_get_note (figure));
  g_string_append (out, ",\"chart\":");
  cohort_json_append_string (out, chart_kind_name (cohort_report_figure_get_chart_kind (figure)));

  g_string_append (out, ",\"columns\":[");
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"key\":");
      cohort_json_append_string (out, cohort_report_figure_get_column_key (figure, c));
      g_string_append (out, ",\"title\":");
      cohort_json_append_string (out, cohort_report_figure_get_column_title (figure, c));
      g_string_append (out, ",\"kind\":");
      /* Column 0 holds the rows' labels. */
      cohort_json_append_string (out, c == 0 ? "label"
                                             : value_kind_name (
                                                 cohort_report_figure_get_column_kind (figure,
                                                                                       c)));
      g_string_append (out, ",\"series\":");
      g_string_append (out, cohort_report_figure_column_is_series (figure, c) ? "true"
                                                                               : "false");
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"rows\":[");
  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "\n{\"label\":");
      cohort_json_append_string (out, cohort_report_figure_get_row_label (figure, r));
      g_string_append (out, ",\"total\":");
      g_string_append (out, cohort_report_figure_row_is_total (figure, r) ? "true" : "false");
      g_string_append (out, ",\"values\":{");
      for (guint c = 1; c < n_columns; c++)
        {
          g_autofree char *number = cohort_report_figure_format_value_c (figure, r, c);

          if (c > 1)
            g_string_append_c (out, ',');
          cohort_json_append_string (out, cohort_report_figure_get_column_key (figure, c));
          g_string_append_c (out, ':');
          /* format_value_c gives a plain C-locale number, or "" where there is none. */
          g_string_append (out, number[0] != '\0' ? number : "null");
        }
      g_string_append (out, "}}");
    }
  g_string_append (out, "]}");
}

/**
 * cohort_report_write_json:
 * @report: a report
 * @stream: where to write
 * @error: where to put an error
 *
 * Writes @report as one JSON object: `filter` (programme, from_year, to_year, today, and its
 * description in words), `years` (`first`, `last`: the fiscal years with data, or null),
 * `created_at`, and `figures`, each with its `id`, `title`, `note`, `chart`, `columns`
 * (`key`, `title`, `kind`, `series`) and `rows` (`label`, `total`, and `values` by column key:
 * a number, or null where there is none).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cohort_report_write_json (CohortReport   *report,
                          GOutputStream  *stream,
                          GError        **error)
{
  const CohortReportFilter *filter;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *description = NULL;
  const char *programme;

  g_return_val_if_fail (COHORT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  filter = cohort_report_get_filter (report);
  programme = filter->programme_code != NULL && filter->programme_code[0] != '\0'
              ? filter->programme_code : NULL;
  description = cohort_report_filter_describe (filter);

  g_string_append (out, "{\"filter\":{\"programme\":");
  cohort_json_append_string (out, programme);
  g_string_append (out, ",\"from_year\":");
  append_json_year (out, filter->from_year);
  g_string_append (out, ",\"to_year\":");
  append_json_year (out, filter->to_year);
  g_string_append (out, ",\"today\":");
  cohort_json_append_string (out, filter->today);
  g_string_append (out, ",\"description\":");
  cohort_json_append_string (out, description);
  g_string_append (out, "},\n\"years\":{\"first\":");
  append_json_year (out, cohort_report_get_first_year (report));
  g_string_append (out, ",\"last\":");
  append_json_year (out, cohort_report_get_last_year (report));
  g_string_append (out, "},\n\"created_at\":");
  cohort_json_append_string (out, cohort_report_get_created_at (report));
  g_string_append (out, ",\n\"figures\":[");
  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '\n');
      append_figure_json (out, cohort_report_get_figure (report, i));
    }
  g_string_append (out, "]}\n");

  return write_string (stream, out, error);
}
