/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xml"

#include "config.h"

#include "cohort-xml-output.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "cohort-xml-safety.h"

struct _CohortXmlOutput
{
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GError           *error;       /* of the stream */
  xmlTextWriterPtr  writer;
  gboolean          failed;
  gboolean          finished;
};

static int
on_write (void       *context,
          const char *buffer,
          int         len)
{
  CohortXmlOutput *self = context;
  gsize written = 0;

  if (self->error != NULL)
    return -1;

  if (len > 0 && !g_output_stream_write_all (self->stream, buffer, (gsize) len, &written,
                                             self->cancellable, &self->error))
    return -1;

  return len;
}

static int
on_close (void *context)
{
  return 0;
}

/**
 * cohort_xml_output_new:
 * @stream: where to write; it is written to, never closed
 * @cancellable: (nullable): a #GCancellable
 *
 * Starts a UTF-8 document, indented by two spaces.
 *
 * Returns: (transfer full): a new output
 */
CohortXmlOutput *
cohort_xml_output_new (GOutputStream *stream,
                       GCancellable  *cancellable)
{
  CohortXmlOutput *self;
  xmlOutputBufferPtr buffer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  cohort_xml_init ();

  self = g_new0 (CohortXmlOutput, 1);
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  buffer = xmlOutputBufferCreateIO (on_write, on_close, self, NULL);
  if (buffer != NULL)
    self->writer = xmlNewTextWriter (buffer);
  if (self->writer == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      self->failed = TRUE;
      return self;
    }

  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, (const xmlChar *) "  ");
  if (xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL) < 0)
    self->failed = TRUE;

  return self;
}

void
cohort_xml_output_free (CohortXmlOutput *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self);
}

static void
check (CohortXmlOutput *self,
       int              rc)
{
  if (rc < 0)
    self->failed = TRUE;
}

void
cohort_xml_output_start (CohortXmlOutput *self,
                         const char      *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (!self->failed)
    check (self, xmlTextWriterStartElement (self->writer, (const xmlChar *) name));
}

void
cohort_xml_output_end (CohortXmlOutput *self)
{
  g_return_if_fail (self != NULL);

  if (!self->failed)
    check (self, xmlTextWriterEndElement (self->writer));
}

/* Text that cannot be in an XML 1.0 document (control characters, invalid UTF-8) is left out
 * rather than written into a file no reader accepts. */
static char *
dup_xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
          (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

void
cohort_xml_output_attribute (CohortXmlOutput *self,
                             const char      *name,
                             const char      *value)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (self->failed || value == NULL)
    return;

  clean = dup_xml_text (value);
  check (self, xmlTextWriterWriteAttribute (self->writer, (const xmlChar *) name,
                                            (const xmlChar *) clean));
}

void
cohort_xml_output_text (CohortXmlOutput *self,
                        const char      *text)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (self != NULL);

  if (self->failed || text == NULL)
    return;

  clean = dup_xml_text (text);
  check (self, xmlTextWriterWriteString (self->writer, (const xmlChar *) clean));
}

/**
 * cohort_xml_output_element:
 * @self: an output
 * @name: the element's name (with its prefix)
 * @text: (nullable): its text; nothing is written when %NULL or empty
 */
void
cohort_xml_output_element (CohortXmlOutput *self,
                           const char      *name,
                           const char      *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (self->failed || text == NULL || text[0] == '\0')
    return;

  cohort_xml_output_start (self, name);
  cohort_xml_output_text (self, text);
  cohort_xml_output_end (self);
}

gboolean
cohort_xml_output_has_failed (CohortXmlOutput *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->failed;
}

/**
 * cohort_xml_output_finish:
 * @self: an output
 * @error: return location for a #GError
 *
 * Closes every open element, ends the document and writes out what is buffered.
 *
 * Returns: %TRUE if everything was written
 */
gboolean
cohort_xml_output_finish (CohortXmlOutput  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->failed && !self->finished)
    {
      self->finished = TRUE;
      check (self, xmlTextWriterEndDocument (self->writer));
      if (!self->failed)
        check (self, xmlTextWriterFlush (self->writer));
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      self->failed = TRUE;
      return FALSE;
    }

  if (self->failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The XML file could not be written."));
      return FALSE;
    }

  return TRUE;
}

/**
 * cohort_xml_output_write_file:
 * @file: the file to write; it is replaced only once everything is written
 * @write: (scope call): writes the document to a stream
 * @user_data: data for @write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Runs @write into a replacement of @file.  When @write fails, an old file is left as it was
 * and a new one is removed.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_xml_output_write_file (GFile               *file,
                              CohortXmlWriteFunc   write,
                              gpointer             user_data,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  existed = g_file_query_exists (file, cancellable);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           error);
  if (stream == NULL)
    return FALSE;

  if (!write (G_OUTPUT_STREAM (stream), user_data, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable leaves an old file as it was; a new one is
       * removed. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
