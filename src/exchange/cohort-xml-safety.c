/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xml"

#include "config.h"

#include "cohort-xml-safety.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <string.h>

/**
 * SECTION:cohort-xml-safety
 *
 * Every XML file Cohort reads comes from outside and is never trusted.  This module is the one
 * place where libxml2 is set up for that:
 *
 * - cohort_xml_init() installs an external entity loader that never touches the network and
 *   loads nothing at all from inside a document being read (no external DTD, no external
 *   entity), and maps the remote addresses of known XML schemas onto local copies;
 * - #CohortXmlStream reads a #GInputStream with an `xmlTextReader` (so memory does not grow
 *   with the file) with #COHORT_XML_PARSE_OPTIONS, limits the file's size and the depth of its
 *   elements, refuses a document that declares entities, collects libxml2's errors through a
 *   structured error handler with their line and column, and remembers where each element was.
 */

struct _CohortXmlStream
{
  GInputStream          *input;
  char                  *file_name;
  goffset                size_limit;
  goffset                n_read;
  GCancellable          *cancellable;     /* borrowed for the length of one read */
  GError                *io_error;        /* set by the read callback */

  xmlTextReaderPtr       reader;
  xmlSchemaPtr           schema;          /* borrowed */
  xmlSchemaValidCtxtPtr  schema_ctxt;
  xmlRegisterNodeFunc    previous_register;
  xmlStructuredErrorFunc previous_handler;
  void                  *previous_context;
  xmlGenericErrorFunc    previous_generic;
  void                  *previous_generic_context;
  CohortXmlStream       *previous_active;
  guint                  entered;         /* cohort_xml_stream_enter() nesting */

  CohortXmlIssueFunc     issue_func;
  gpointer               issue_data;

  /* The first fatal error libxml2 reported. */
  int                    fatal_domain;
  int                    fatal_code;
  guint                  fatal_line;
  guint                  fatal_column;
  char                  *fatal_message;

  /* Where the error returned to the caller is, if it has a place. */
  gboolean               has_error_location;
  guint                  error_line;
  guint                  error_column;

  guint                  failed : 1;
  guint                  at_end : 1;
  guint                  checked_doctype : 1;
  guint                  warned_entity_reference : 1;
};

typedef struct
{
  char *url;         /* an exact address, or a prefix ending in '/' */
  char *local_path;  /* a file, or a folder for a prefix */
} UrlMapping;

/* What a schema load collects (see cohort_xml_schema_load()). */
typedef struct
{
  char *first_error;
  char *refused_url;
} SchemaLoad;

static GMutex    url_mappings_lock;
static GPtrArray *url_mappings;
static GPrivate  active_stream;
static GPrivate  active_schema_load;

static char *
dup_clean_message (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_free (copy);
      copy = g_utf8_make_valid (message, -1);
    }

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_plain_file_name (const char *name)
{
  if (name[0] == '\0' || name[0] == '.')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* The local copy of a known remote address, or NULL. */
static char *
dup_mapped_path (const char *url)
{
  char *path = NULL;

  g_mutex_lock (&url_mappings_lock);

  for (guint i = 0; url_mappings != NULL && i < url_mappings->len && path == NULL; i++)
    {
      UrlMapping *mapping = g_ptr_array_index (url_mappings, i);
      gsize len = strlen (mapping->url);

      if (g_str_has_suffix (mapping->url, "/"))
        {
          if (strncmp (url, mapping->url, len) == 0 && is_plain_file_name (url + len))
            path = g_build_filename (mapping->local_path, url + len, NULL);
        }
      else if (strcmp (url, mapping->url) == 0)
        {
          path = g_strdup (mapping->local_path);
        }
    }

  g_mutex_unlock (&url_mappings_lock);

  return path;
}

static void
note_refused (const char *url)
{
  SchemaLoad *load = g_private_get (&active_schema_load);

  if (load != NULL && load->refused_url == NULL)
    load->refused_url = g_strdup (url);
}

/* Replaces libxml2's default loader for the whole process (see cohort_xml_init()). */
static xmlParserInputPtr
safe_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  g_autofree char *local = NULL;
  const char *scheme;

  if (url == NULL)
    return NULL;

  /* Inside a document parsed with Cohort's options, an external DTD or entity is never
   * loaded: libxml2 does not ask for one without XML_PARSE_DTDLOAD or XML_PARSE_NOENT, and
   * should it ever, the answer is no. */
  if (ctxt != NULL && (ctxt->options & XML_PARSE_NONET) != 0 && ctxt->inputNr > 0)
    {
      note_refused (url);
      return NULL;
    }

  local = dup_mapped_path (url);
  if (local != NULL)
    return xmlNewInputFromFile (ctxt, local);

  /* Anything with a scheme other than file: is on the network (or somewhere else that is
   * not a local file): never fetched. */
  scheme = g_uri_peek_scheme (url);  /* lower case and interned */
  if (scheme != NULL && strlen (scheme) > 1 && scheme != g_intern_static_string ("file"))
    {
      note_refused (url);
      return NULL;
    }

  return xmlNewInputFromFile (ctxt, url);
}

/**
 * cohort_xml_init:
 *
 * Initialises libxml2 for Cohort, once per process: call it (every reader does) before any
 * other libxml2 function, from the main thread before workers start if possible.  It installs
 * the safe external entity loader described above.
 */
void
cohort_xml_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (safe_entity_loader);
      g_once_init_leave (&initialised, 1);
    }
}

/**
 * cohort_xml_add_url_mapping:
 * @url: a remote address (a prefix when it ends with `/`)
 * @local_path: the local file (a folder for a prefix) that stands for it
 *
 * Lets XML schemas that import others by their remote address (`http://www.w3.org/2001/xml.xsd`)
 * load the local copies instead.  Under a prefix, only plain file names are mapped.
 */
void
cohort_xml_add_url_mapping (const char *url,
                            const char *local_path)
{
  UrlMapping *mapping = NULL;

  g_return_if_fail (url != NULL);
  g_return_if_fail (local_path != NULL);

  cohort_xml_init ();

  g_mutex_lock (&url_mappings_lock);

  if (url_mappings == NULL)
    url_mappings = g_ptr_array_new ();

  for (guint i = 0; i < url_mappings->len && mapping == NULL; i++)
    {
      if (strcmp (((UrlMapping *) g_ptr_array_index (url_mappings, i))->url, url) == 0)
        mapping = g_ptr_array_index (url_mappings, i);
    }

  if (mapping == NULL)
    {
      mapping = g_new0 (UrlMapping, 1);
      mapping->url = g_strdup (url);
      g_ptr_array_add (url_mappings, mapping);
    }

  g_free (mapping->local_path);
  mapping->local_path = g_strdup (local_path);

  g_mutex_unlock (&url_mappings_lock);
}

static void
on_schema_parser_error (void        *user_data,
                        xmlErrorPtr  error)
{
  SchemaLoad *load = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || load->first_error != NULL)
    return;

  if (error->file != NULL && error->line > 0)
    {
      g_autofree char *message = dup_clean_message (error->message);
      load->first_error = g_strdup_printf ("%s:%d: %s", error->file, error->line, message);
    }
  else
    {
      load->first_error = dup_clean_message (error->message);
    }
}

/**
 * cohort_xml_schema_load:
 * @path: a local XML schema (XSD)
 * @error: return location for a #GError
 *
 * Loads and compiles an XML schema.  What it imports is loaded through the safe loader: known
 * remote addresses from their local copies (cohort_xml_add_url_mapping()), never anything from
 * the network.  A schema that needs something from the network is an error.
 *
 * Returns: (transfer full): the schema, to free with xmlSchemaFree(); %NULL on error
 */
xmlSchemaPtr
cohort_xml_schema_load (const char  *path,
                        GError     **error)
{
  SchemaLoad load = { NULL, NULL };
  xmlSchemaParserCtxtPtr pctxt;
  xmlSchemaPtr schema = NULL;
  xmlStructuredErrorFunc old_handler;
  void *old_context;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cohort_xml_init ();

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_SCHEMA,
                   _("The XML schema %s is missing; Cohort cannot check files against it."),
                   path);
      return NULL;
    }

  /* Errors of the documents the schema parser reads have no handler of their own: catch them
   * on this thread rather than let them reach stderr. */
  old_handler = xmlStructuredError;
  old_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&load, on_schema_parser_error);
  g_private_set (&active_schema_load, &load);

  pctxt = xmlSchemaNewParserCtxt (path);
  if (pctxt != NULL)
    {
      xmlSchemaSetParserStructuredErrors (pctxt, on_schema_parser_error, &load);
      schema = xmlSchemaParse (pctxt);
      xmlSchemaFreeParserCtxt (pctxt);
    }

  g_private_set (&active_schema_load, NULL);
  xmlSetStructuredErrorFunc (old_context, old_handler);

  if (load.refused_url != NULL)
    {
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_SCHEMA,
                   _("The XML schema %s needs %s, which is not among Cohort’s local copies; "
                     "Cohort never loads anything from the network."),
                   path, load.refused_url);
      g_clear_pointer (&schema, xmlSchemaFree);
    }
  else if (schema == NULL)
    {
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_SCHEMA,
                   _("The XML schema %s could not be loaded: %s"),
                   path, load.first_error != NULL ? load.first_error : _("unknown error"));
    }

  g_free (load.first_error);
  g_free (load.refused_url);

  return schema;
}

/* Element positions.  libxml2 2.9 keeps no column on a node, and caps its line at 65535; while
 * one of our readers parses, this callback (libxml2's per-thread node registration hook) notes
 * the parser's position — the end of the element's start tag — in the node's unused psvi. */

static gpointer
pack_position (guint line,
               guint column)
{
#if GLIB_SIZEOF_VOID_P >= 8
  return GSIZE_TO_POINTER (((gsize) line << 32) | (gsize) column);
#else
  return GSIZE_TO_POINTER ((gsize) line);
#endif
}

static void
unpack_position (gpointer  packed,
                 guint    *line,
                 guint    *column)
{
#if GLIB_SIZEOF_VOID_P >= 8
  *line = (guint) (GPOINTER_TO_SIZE (packed) >> 32);
  *column = (guint) (GPOINTER_TO_SIZE (packed) & G_MAXUINT32);
#else
  *line = (guint) GPOINTER_TO_SIZE (packed);
  *column = 0;
#endif
}

static void
on_node_registered (xmlNodePtr node)
{
  CohortXmlStream *self = g_private_get (&active_stream);

  if (self == NULL)
    return;

  if (node != NULL && node->type == XML_ELEMENT_NODE && self->reader != NULL)
    {
      int line = xmlTextReaderGetParserLineNumber (self->reader);
      int column = xmlTextReaderGetParserColumnNumber (self->reader);

      node->psvi = pack_position ((guint) CLAMP (line, 1, G_MAXINT),
                                  (guint) CLAMP (column, 0, G_MAXINT));
    }

  if (self->previous_register != NULL && self->previous_register != on_node_registered)
    self->previous_register (node);
}

static void
node_get_position (xmlNodePtr  node,
                   guint      *line,
                   guint      *column)
{
  long node_line;

  *line = 0;
  *column = 0;

  if (node == NULL)
    return;

  if (node->type == XML_ELEMENT_NODE && node->psvi != NULL)
    {
      unpack_position (node->psvi, line, column);
      return;
    }

  if (node->type == XML_ELEMENT_NODE || node->type == XML_TEXT_NODE ||
      node->type == XML_CDATA_SECTION_NODE || node->type == XML_COMMENT_NODE ||
      node->type == XML_PI_NODE)
    {
      node_line = xmlGetLineNo (node);
      if (node_line > 0)
        *line = (guint) MIN (node_line, (long) G_MAXUINT);
    }
  else if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    {
      /* An entity reference, say: where its element is. */
      node_get_position (node->parent, line, column);
    }
}

static void
emit_issue (CohortXmlStream       *self,
            CohortImportIssueKind  kind,
            guint                  line,
            guint                  column,
            const char            *message)
{
  if (self->issue_func != NULL)
    self->issue_func (kind, line, column, message, self->issue_data);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  CohortXmlStream *self = user_data;
  g_autofree char *message = NULL;
  guint line = 0;
  guint column = 0;

  if (error == NULL || error->code == XML_ERR_OK)
    return;

  message = dup_clean_message (error->message);
  if (error->line > 0)
    line = (guint) error->line;
  if (error->int2 > 0)
    column = (guint) error->int2;

  /* libxml2 reports a text node over its limit ("huge text node") as an out-of-memory error
   * of level XML_ERR_ERROR, and stops: it is as fatal as any. */
  if (error->level == XML_ERR_FATAL || error->code == XML_ERR_NO_MEMORY)
    {
      if (self->fatal_message == NULL)
        {
          self->fatal_domain = error->domain;
          self->fatal_code = error->code;
          self->fatal_line = line;
          self->fatal_column = column;
          self->fatal_message = g_steal_pointer (&message);
        }
      return;
    }

  /* Nothing after a fatal error is worth reporting. */
  if (self->fatal_message != NULL)
    return;

  if (error->domain == XML_FROM_SCHEMASV || error->domain == XML_FROM_SCHEMASP)
    {
      if (error->node != NULL)
        {
          guint node_line, node_column;

          node_get_position (error->node, &node_line, &node_column);
          if (node_line > 0)
            {
              line = node_line;
              column = node_column;
            }
        }
      emit_issue (self, COHORT_IMPORT_ISSUE_SCHEMA, line, column, message);
    }
  else if (error->domain == XML_FROM_NAMESPACE)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Namespace problem; what it concerns was not read: %s"), message);
      emit_issue (self, COHORT_IMPORT_ISSUE_NAMESPACE, line, column, text);
    }
  else
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("The XML parser noted a problem: %s"), message);
      emit_issue (self, COHORT_IMPORT_ISSUE_STRUCTURE, line, column, text);
    }
}

/* What libxml2 prints without a structured error: notes for developers, such as the schema
 * validator's "Unimplemented block" when it meets an entity reference it does not expand.
 * Everything that matters to the user comes through on_structured_error(). */
static void G_GNUC_PRINTF (2, 3)
on_generic_error (void       *context,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("libxml2: %s", g_strchomp (message));
}

static int
on_io_read (void *context,
            char *buffer,
            int   len)
{
  CohortXmlStream *self = context;
  gssize n;

  if (self->io_error != NULL || len <= 0)
    return -1;

  n = g_input_stream_read (self->input, buffer, (gsize) len, self->cancellable, &self->io_error);
  if (n < 0)
    return -1;

  self->n_read += n;
  if (self->size_limit > 0 && self->n_read > self->size_limit)
    {
      g_set_error (&self->io_error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %d is a size in megabytes */
                   _("The file is larger than %d MB; Cohort does not read files this large."),
                   (int) (self->size_limit / (1024 * 1024)));
      return -1;
    }

  return (int) n;
}

static int
on_io_close (void *context)
{
  return 0;
}

/**
 * cohort_xml_stream_new:
 * @input: the stream to read; it is read, never closed
 * @file_name: the file's name as the user knows it, for messages
 * @size_limit: the largest number of bytes read, or 0 for #COHORT_XML_MAX_FILE_SIZE
 * @issue_func: (nullable): receives the warnings
 * @user_data: for @issue_func
 *
 * Returns: (transfer full): a new stream; nothing is read before cohort_xml_stream_read()
 */
CohortXmlStream *
cohort_xml_stream_new (GInputStream       *input,
                       const char         *file_name,
                       goffset             size_limit,
                       CohortXmlIssueFunc  issue_func,
                       gpointer            user_data)
{
  CohortXmlStream *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  cohort_xml_init ();

  self = g_new0 (CohortXmlStream, 1);
  self->input = g_object_ref (input);
  self->file_name = g_strdup (file_name);
  self->size_limit = size_limit > 0 ? size_limit : COHORT_XML_MAX_FILE_SIZE;
  self->issue_func = issue_func;
  self->issue_data = user_data;

  return self;
}

void
cohort_xml_stream_free (CohortXmlStream *self)
{
  if (self == NULL)
    return;

  while (self->entered > 0)
    cohort_xml_stream_leave (self);
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->schema_ctxt, xmlSchemaFreeValidCtxt);
  g_clear_object (&self->input);
  g_clear_error (&self->io_error);
  g_free (self->fatal_message);
  g_free (self->file_name);
  g_free (self);
}

/**
 * cohort_xml_stream_set_schema:
 * @self: a stream not read yet
 * @schema: a schema from cohort_xml_schema_load(), which must outlive @self
 * @error: return location for a #GError
 *
 * Validates the document against @schema while it is read.  What does not follow the schema
 * becomes a %COHORT_IMPORT_ISSUE_SCHEMA warning; it never stops the reading.
 */
gboolean
cohort_xml_stream_set_schema (CohortXmlStream  *self,
                              xmlSchemaPtr      schema,
                              GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (self->reader == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->schema = schema;
  return TRUE;
}

static void
fail_at (CohortXmlStream  *self,
         GError          **error,
         int               code,
         guint             line,
         guint             column,
         const char       *message)
{
  self->failed = TRUE;
  self->has_error_location = line > 0;
  self->error_line = line;
  self->error_column = column;

  if (line > 0 && column > 0)
    g_set_error (error, COHORT_IMPORT_ERROR, code, "%s:%u:%u: %s",
                 self->file_name, line, column, message);
  else if (line > 0)
    g_set_error (error, COHORT_IMPORT_ERROR, code, "%s:%u: %s", self->file_name, line, message);
  else
    g_set_error (error, COHORT_IMPORT_ERROR, code, "%s: %s", self->file_name, message);
}

static void
fail_with_fatal (CohortXmlStream  *self,
                 GError          **error)
{
  g_autofree char *message = NULL;
  int code = COHORT_IMPORT_ERROR_NOT_WELL_FORMED;
  const char *detail = self->fatal_message != NULL ? self->fatal_message : "";

  switch (self->fatal_code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      message = g_strdup (_("The file is empty; there is nothing to import."));
      break;

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_I18N_CONV_FAILED:
      message = g_strdup_printf (_("The file contains bytes that are not text in its encoding, "
                                   "so nothing was imported; save it again as UTF-8 (%s)"),
                                 detail);
      break;

    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_PE_INTERNAL:
      /* The place libxml2 gives is inside the entity's text, not in the file. */
      code = COHORT_IMPORT_ERROR_UNSAFE;
      self->fatal_line = 0;
      self->fatal_column = 0;
      message = g_strdup_printf (_("The file defines entities that expand without end (a "
                                   "“billion laughs” attack); Cohort does not read it (%s)"),
                                 detail);
      break;

    case XML_ERR_NO_MEMORY:
      if (strstr (detail, "huge") != NULL)
        {
          code = COHORT_IMPORT_ERROR_TOO_LARGE;
          message = g_strdup (_("A text in the file is longer than 10 MB; Cohort does not read "
                                "files with texts this long."));
        }
      break;

    case XML_ERR_INTERNAL_ERROR:
      if (strstr (detail, "depth") != NULL)
        {
          code = COHORT_IMPORT_ERROR_TOO_DEEP;
          message = g_strdup_printf (_("The elements in the file are nested more than %d deep; "
                                       "Cohort does not read such files."),
                                     COHORT_XML_MAX_DEPTH);
        }
      break;

    case XML_ERR_NAME_TOO_LONG:
      code = COHORT_IMPORT_ERROR_TOO_LARGE;
      break;

    default:
      break;
    }

  if (message == NULL)
    message = g_strdup_printf (_("This is not well-formed XML, so nothing was imported: %s"),
                               self->fatal_message != NULL ? self->fatal_message
                                                           : _("the file could not be read"));

  fail_at (self, error, code, self->fatal_line, self->fatal_column, message);
}

static void
fail_with_io_error (CohortXmlStream  *self,
                    GError          **error)
{
  self->failed = TRUE;
  self->has_error_location = FALSE;

  if (self->io_error->domain == COHORT_IMPORT_ERROR)
    g_set_error (error, COHORT_IMPORT_ERROR, self->io_error->code, "%s: %s",
                 self->file_name, self->io_error->message);
  else
    g_set_error (error, self->io_error->domain, self->io_error->code, "%s: %s",
                 self->file_name, self->io_error->message);
}

static gboolean
create_reader (CohortXmlStream  *self,
               GError          **error)
{
  self->reader = xmlReaderForIO (on_io_read, on_io_close, self, NULL, NULL,
                                 COHORT_XML_PARSE_OPTIONS);
  if (self->reader == NULL)
    {
      if (self->io_error != NULL)
        fail_with_io_error (self, error);
      else
        fail_at (self, error, COHORT_IMPORT_ERROR_NOT_WELL_FORMED, 0, 0,
                 _("The file could not be read as XML."));
      return FALSE;
    }

  xmlTextReaderSetStructuredErrorHandler (self->reader, on_structured_error, self);

  if (self->schema != NULL)
    {
      self->schema_ctxt = xmlSchemaNewValidCtxt (self->schema);
      if (self->schema_ctxt == NULL ||
          xmlTextReaderSchemaValidateCtxt (self->reader, self->schema_ctxt, 0) != 0)
        {
          self->failed = TRUE;
          g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_SCHEMA,
                       _("%s: The file could not be checked against its XML schema."),
                       self->file_name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
dtd_declares_entities (xmlDtdPtr dtd)
{
  if (dtd == NULL)
    return FALSE;

  return (dtd->entities != NULL && xmlHashSize (dtd->entities) > 0) ||
         (dtd->pentities != NULL && xmlHashSize (dtd->pentities) > 0);
}

/* The position of the first element of the document, for messages about its DOCTYPE. */
static void
get_root_position (xmlNodePtr  node,
                   guint      *line,
                   guint      *column)
{
  xmlNodePtr child;

  *line = 0;
  *column = 0;

  if (node == NULL || node->doc == NULL)
    return;

  for (child = node->doc->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          node_get_position (child, line, column);
          return;
        }
    }
}

static gboolean
check_doctype (CohortXmlStream  *self,
               GError          **error)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  guint line, column;

  if (node == NULL || node->doc == NULL || node->doc->intSubset == NULL)
    return TRUE;

  get_root_position (node, &line, &column);

  if (dtd_declares_entities (node->doc->intSubset))
    {
      fail_at (self, error, COHORT_IMPORT_ERROR_UNSAFE, line, column,
               _("The file declares entities in its document type (DOCTYPE); such files can "
                 "attack the computer that reads them (“billion laughs”, external entities), so "
                 "Cohort does not read it."));
      return FALSE;
    }

  emit_issue (self, COHORT_IMPORT_ISSUE_UNSAFE, line, column,
              _("The file has a document type declaration (DOCTYPE); Cohort ignored it and "
                "loaded nothing it refers to."));
  return TRUE;
}

/**
 * cohort_xml_stream_enter:
 * @self: a stream
 *
 * Installs, on this thread, what a read needs around libxml2 (the error handler for errors
 * without a parser, the hook that notes element positions) until cohort_xml_stream_leave().
 * cohort_xml_stream_read() does it by itself; a reader that reads many nodes in a row calls
 * this once around them instead of paying for it at every node.  Between the two, use no other
 * libxml2 document on this thread.
 */
void
cohort_xml_stream_enter (CohortXmlStream *self)
{
  g_return_if_fail (self != NULL);

  if (self->entered++ > 0)
    return;

  self->previous_active = g_private_get (&active_stream);
  g_private_set (&active_stream, self);
  self->previous_handler = xmlStructuredError;
  self->previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (self, on_structured_error);
  self->previous_generic = xmlGenericError;
  self->previous_generic_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (self, on_generic_error);
  self->previous_register = xmlRegisterNodeDefault (on_node_registered);
}

/**
 * cohort_xml_stream_leave:
 * @self: a stream
 *
 * Undoes cohort_xml_stream_enter().
 */
void
cohort_xml_stream_leave (CohortXmlStream *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->entered > 0);

  if (--self->entered > 0)
    return;

  xmlRegisterNodeDefault (self->previous_register);
  self->previous_register = NULL;
  xmlSetStructuredErrorFunc (self->previous_context, self->previous_handler);
  self->previous_handler = NULL;
  self->previous_context = NULL;
  xmlSetGenericErrorFunc (self->previous_generic_context, self->previous_generic);
  self->previous_generic = NULL;
  self->previous_generic_context = NULL;
  g_private_set (&active_stream, self->previous_active);
  self->previous_active = NULL;
}

/**
 * cohort_xml_stream_read:
 * @self: a stream
 * @skip_subtree: %TRUE to skip the current node's children (`xmlTextReaderNext()`), %FALSE to
 *   go into them (`xmlTextReaderRead()`)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Moves to the next node.  A document with a fatal error (not well-formed, too large, too
 * deep, declaring entities) sets @error, whose message reads `FILE:LINE:COLUMN: message`, and
 * every later call fails too.
 *
 * Returns: 1 when on a node, 0 at the end of the document, -1 on error
 */
int
cohort_xml_stream_read (CohortXmlStream  *self,
                        gboolean          skip_subtree,
                        GCancellable     *cancellable,
                        GError          **error)
{
  int ret;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (self->failed)
    {
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                   _("%s: The file was refused."), self->file_name);
      return -1;
    }
  if (self->at_end)
    return 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  cohort_xml_stream_enter (self);
  self->cancellable = cancellable;

  if (self->reader == NULL && !create_reader (self, error))
    ret = -2;
  else if (skip_subtree)
    ret = xmlTextReaderNext (self->reader);
  else
    ret = xmlTextReaderRead (self->reader);

  self->cancellable = NULL;
  cohort_xml_stream_leave (self);

  if (ret == -2)
    return -1;

  if (self->io_error != NULL)
    {
      fail_with_io_error (self, error);
      return -1;
    }

  if (ret < 0 || self->fatal_message != NULL)
    {
      fail_with_fatal (self, error);
      return -1;
    }

  if (ret == 0)
    {
      self->at_end = TRUE;
      return 0;
    }

  if (!self->checked_doctype)
    {
      self->checked_doctype = TRUE;
      if (!check_doctype (self, error))
        return -1;
    }

  if (xmlTextReaderDepth (self->reader) > COHORT_XML_MAX_DEPTH)
    {
      g_autofree char *message = NULL;
      guint line, column;

      cohort_xml_stream_get_position (self, &line, &column);
      message = g_strdup_printf (_("The elements in the file are nested more than %d deep; "
                                   "Cohort does not read such files."),
                                 COHORT_XML_MAX_DEPTH);
      fail_at (self, error, COHORT_IMPORT_ERROR_TOO_DEEP, line, column, message);
      return -1;
    }

  if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ENTITY_REFERENCE &&
      !self->warned_entity_reference)
    {
      g_autofree char *message = NULL;
      guint line, column;

      self->warned_entity_reference = TRUE;
      cohort_xml_stream_get_position (self, &line, &column);
      message = g_strdup_printf (_("The entity reference &%s; was not expanded: Cohort never "
                                   "expands entities, and left it out."),
                                 (const char *) xmlTextReaderConstLocalName (self->reader));
      emit_issue (self, COHORT_IMPORT_ISSUE_UNSAFE, line, column, message);
    }

  return 1;
}

/**
 * cohort_xml_stream_get_reader:
 * @self: a stream
 *
 * Returns: (transfer none) (nullable): the underlying reader, to ask about the current node;
 *   move it only through cohort_xml_stream_read(); %NULL before the first read
 */
xmlTextReaderPtr
cohort_xml_stream_get_reader (CohortXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->reader;
}

const char *
cohort_xml_stream_get_file_name (CohortXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file_name;
}

/**
 * cohort_xml_stream_get_position:
 * @self: a stream
 * @line: (out): the line of the current node, or 0
 * @column: (out): the column of the end of the current element's start tag, or 0
 */
void
cohort_xml_stream_get_position (CohortXmlStream *self,
                                guint           *line,
                                guint           *column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (line != NULL && column != NULL);

  *line = 0;
  *column = 0;

  if (self->reader == NULL)
    return;

  node_get_position (xmlTextReaderCurrentNode (self->reader), line, column);

  if (*line == 0)
    {
      int parser_line = xmlTextReaderGetParserLineNumber (self->reader);

      *line = parser_line > 0 ? (guint) parser_line : 0;
    }
}

/**
 * cohort_xml_stream_get_error_location:
 * @self: a stream
 * @line: (out) (optional): the line of the error that refused the file
 * @column: (out) (optional): its column, or 0
 *
 * Returns: %TRUE if the file was refused for an error that has a place in it
 */
gboolean
cohort_xml_stream_get_error_location (CohortXmlStream *self,
                                      guint           *line,
                                      guint           *column)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (line != NULL)
    *line = self->has_error_location ? self->error_line : 0;
  if (column != NULL)
    *column = self->has_error_location ? self->error_column : 0;

  return self->failed && self->has_error_location;
}

/**
 * cohort_xml_stream_dup_qname:
 * @self: a stream positioned on an element
 * @qname: a qualified name written in an attribute value (`xsi:type="prefix:local"`)
 * @out_namespace: (out) (optional) (transfer full) (nullable): the namespace the prefix stands
 *   for on the current element, %NULL when it is not declared
 *
 * Returns: (transfer full): the local part of @qname
 */
char *
cohort_xml_stream_dup_qname (CohortXmlStream  *self,
                             const char       *qname,
                             char            **out_namespace)
{
  const char *colon;
  g_autofree char *prefix = NULL;
  xmlChar *uri;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (qname != NULL, NULL);

  colon = strchr (qname, ':');
  if (colon != NULL)
    prefix = g_strndup (qname, (gsize) (colon - qname));

  if (out_namespace != NULL)
    {
      *out_namespace = NULL;
      if (self->reader != NULL)
        {
          uri = xmlTextReaderLookupNamespace (self->reader, (const xmlChar *) prefix);
          if (uri != NULL)
            {
              *out_namespace = g_strdup ((const char *) uri);
              xmlFree (uri);
            }
        }
    }

  return g_strdup (colon != NULL ? colon + 1 : qname);
}
