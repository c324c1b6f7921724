/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-csv"

#include "config.h"

#include "cohort-csv-writer.h"

#include <string.h>

/**
 * CohortCsvWriter:
 *
 * Writes RFC 4180 CSV (UTF-8, CRLF line ends, quoted where needed) to a stream.  A cell that a
 * spreadsheet would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return — is written with a leading `'`, so an exported list cannot carry a formula into
 * someone's spreadsheet.
 */
struct _CohortCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *line;
};

G_DEFINE_FINAL_TYPE (CohortCsvWriter, cohort_csv_writer, G_TYPE_OBJECT)

static void
cohort_csv_writer_finalize (GObject *object)
{
  CohortCsvWriter *self = (CohortCsvWriter *)object;

  g_clear_object (&self->stream);
  g_string_free (self->line, TRUE);

  G_OBJECT_CLASS (cohort_csv_writer_parent_class)->finalize (object);
}

static void
cohort_csv_writer_class_init (CohortCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_csv_writer_finalize;
}

static void
cohort_csv_writer_init (CohortCsvWriter *self)
{
  self->line = g_string_new (NULL);
}

static void
append_cell (GString    *out,
             const char *value)
{
  gboolean neutralise;
  gboolean quote;

  if (value == NULL || value[0] == '\0')
    return;

  neutralise = strchr ("=+-@\t\r", value[0]) != NULL;
  quote = neutralise || strpbrk (value, ",;\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

/**
 * cohort_csv_dup_cell:
 * @value: (nullable): a cell's text
 *
 * Returns: (transfer full): @value as it appears in a CSV file: quoted when needed and
 *   neutralised when a spreadsheet would take it for a formula.
 */
char *
cohort_csv_dup_cell (const char *value)
{
  GString *out = g_string_new (NULL);

  append_cell (out, value);
  return g_string_free (out, FALSE);
}

/**
 * cohort_csv_writer_new:
 * @stream: where to write
 *
 * Returns: (transfer full): a writer that writes rows to @stream
 */
CohortCsvWriter *
cohort_csv_writer_new (GOutputStream *stream)
{
  CohortCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (COHORT_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);

  return self;
}

/**
 * cohort_csv_writer_write_row:
 * @cells: (array length=n_cells): the cells, %NULL for an empty one
 * @n_cells: the number of cells, or -1 when @cells is %NULL-terminated
 *
 * Writes one row, ended by CRLF.
 */
gboolean
cohort_csv_writer_write_row (CohortCsvWriter     *self,
                             const char * const  *cells,
                             gssize               n_cells,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_return_val_if_fail (COHORT_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);

  if (n_cells < 0)
    n_cells = (gssize) g_strv_length ((char **) cells);

  g_string_truncate (self->line, 0);
  for (gssize i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      append_cell (self->line, cells[i]);
    }
  g_string_append (self->line, "\r\n");

  return g_output_stream_write_all (self->stream, self->line->str, self->line->len,
                                    NULL, cancellable, error);
}
