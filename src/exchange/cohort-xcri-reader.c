/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xcri"

#include "config.h"

#include "cohort-xcri-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-xcri-schema.h"
#include "cohort-xcri-text.h"
#include "cohort-xml-safety.h"

/**
 * CohortXcriReader:
 *
 * Reads an XCRI-CAP 1.2 course catalogue (`http://xcri.org/profiles/1.2/catalog`) as a stream
 * of plain records: each `provider` becomes a #CohortImportOrganisation, each `course` a
 * #CohortImportCourse and each `presentation` a #CohortImportCourseRun, with the line and
 * column of its element.  Memory does not grow with the size of the file (except for the
 * identifiers remembered to find duplicates, see %COHORT_XCRI_READER_NO_DUPLICATE_CHECK).
 *
 * Records come in this order: a course, then its runs; a provider after its courses (its
 * address may follow them in the file), so courses name their provider by
 * #CohortImportCourse.provider_index.
 *
 * Real feeds are messy, and the reader takes what is usable from them: namespaces are matched
 * by URI (near misses such as Dublin Core without its final `/` are accepted with a warning),
 * elements in the wrong namespace or with the wrong capitals are read with a warning, the
 * provider's own code is preferred among several identifiers, descriptions in XHTML, in HTML
 * escaped into text, in CDATA or in plain text become plain text, dates are read from `dtf`,
 * ISO text or free text ("September 2012" becomes 2012-09, with a warning).  Whatever it had to
 * interpret or could not use becomes a #CohortImportIssue.  A course without a title or an
 * identifier is returned rejected, with the reason.
 *
 * A file that is not well-formed (or too large, too deep, or declaring entities) is refused as
 * a whole: cohort_xcri_reader_next() fails with a #GError whose message reads
 * `FILE:LINE:COLUMN: message`, and whatever records came before must be discarded
 * (cohort_xcri_reader_read_all() does so).
 */

#define MAX_ISSUES 10000
#define MAX_ONCE_KEYS 2000

typedef enum
{
  NS_NONE,
  NS_XCRI,
  NS_XCRI_TERMS,
  NS_DC,
  NS_DCTERMS,
  NS_MLO,
  NS_CREDIT,
  NS_XHTML,
  NS_XSI,
  NS_OTHER,
} Ns;

static const struct
{
  const char *uri;
  Ns          ns;
  const char *prefix;
} known_namespaces[] = {
  { "http://xcri.org/profiles/1.2/catalog", NS_XCRI, "" },
  { "http://xcri.org/profiles/1.2/catalog/terms", NS_XCRI_TERMS, "xcriTerms:" },
  { "http://purl.org/dc/elements/1.1/", NS_DC, "dc:" },
  { "http://purl.org/dc/terms/", NS_DCTERMS, "dcterms:" },
  { "http://purl.org/net/mlo", NS_MLO, "mlo:" },
  { "http://purl.org/net/cm", NS_CREDIT, "credit:" },
  { "http://www.w3.org/1999/xhtml", NS_XHTML, "xhtml:" },
  { "http://www.w3.org/2001/XMLSchema-instance", NS_XSI, "xsi:" },
};

/* Namespaces that are not XCRI-CAP 1.2's but stand for one of them. */
static const struct
{
  const char *uri;
  Ns          ns;
} near_namespaces[] = {
  { "http://xcri.org/profiles/catalog", NS_XCRI },              /* XCRI-CAP 1.1 */
  { "http://xcri.org/profiles/catalog/terms", NS_XCRI_TERMS },  /* XCRI-CAP 1.1 */
};

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

typedef enum
{
  EL_OTHER,
  EL_CATALOG,
  EL_PROVIDER,
  EL_COURSE,
  EL_PRESENTATION,
  EL_VENUE,
  EL_LOCATION,
  EL_IDENTIFIER,
  EL_TITLE,
  EL_DESCRIPTION,
  EL_SUBJECT,
  EL_URL,
  EL_ABSTRACT,
  EL_START,
  EL_END,
  EL_STUDY_MODE,
  EL_ATTENDANCE_MODE,
  EL_ATTENDANCE_PATTERN,
  EL_PLACES,
  EL_COST,
  EL_APPLY_TO,
  EL_TOWN,
  EL_POSTCODE,
  EL_COUNTRY,
  EL_UNUSED,  /* part of XCRI-CAP 1.2, but nothing in Cohort holds it */
} Element;

static const struct
{
  const char *name;
  Ns          ns;
  Element     element;
} known_elements[] = {
  { "catalog", NS_XCRI, EL_CATALOG },
  { "provider", NS_XCRI, EL_PROVIDER },
  { "course", NS_XCRI, EL_COURSE },
  { "presentation", NS_XCRI, EL_PRESENTATION },
  { "venue", NS_XCRI, EL_VENUE },
  { "location", NS_MLO, EL_LOCATION },
  { "identifier", NS_DC, EL_IDENTIFIER },
  { "title", NS_DC, EL_TITLE },
  { "description", NS_DC, EL_DESCRIPTION },
  { "subject", NS_DC, EL_SUBJECT },
  { "url", NS_MLO, EL_URL },
  { "abstract", NS_XCRI, EL_ABSTRACT },
  { "start", NS_MLO, EL_START },
  { "end", NS_XCRI, EL_END },
  { "studyMode", NS_XCRI, EL_STUDY_MODE },
  { "attendanceMode", NS_XCRI, EL_ATTENDANCE_MODE },
  { "attendancePattern", NS_XCRI, EL_ATTENDANCE_PATTERN },
  { "places", NS_MLO, EL_PLACES },
  { "cost", NS_MLO, EL_COST },
  { "applyTo", NS_XCRI, EL_APPLY_TO },
  { "town", NS_MLO, EL_TOWN },
  { "postcode", NS_MLO, EL_POSTCODE },
  /* Not in the XCRI-CAP 1.2 profile of MLO, but where a feed says it, it is worth reading. */
  { "country", NS_MLO, EL_COUNTRY },
  /* XCRI-CAP 1.2 elements Cohort has no place for. */
  { "hasPart", NS_MLO, EL_UNUSED },
  { "isPartOf", NS_MLO, EL_UNUSED },
  { "contributor", NS_DC, EL_UNUSED },
  { "date", NS_DC, EL_UNUSED },
  { "type", NS_DC, EL_UNUSED },
  { "image", NS_XCRI, EL_UNUSED },
  { "applicationProcedure", NS_XCRI, EL_UNUSED },
  { "learningOutcome", NS_XCRI, EL_UNUSED },
  { "regulations", NS_XCRI, EL_UNUSED },
  { "assessment", NS_MLO, EL_UNUSED },
  { "objective", NS_MLO, EL_UNUSED },
  { "prerequisite", NS_MLO, EL_UNUSED },
  { "level", NS_MLO, EL_UNUSED },
  { "qualification", NS_MLO, EL_UNUSED },
  { "credit", NS_MLO, EL_UNUSED },
  { "startUntil", NS_XCRI, EL_UNUSED },
  { "endFrom", NS_XCRI, EL_UNUSED },
  { "duration", NS_MLO, EL_UNUSED },
  { "applyFrom", NS_XCRI, EL_UNUSED },
  { "applyUntil", NS_XCRI, EL_UNUSED },
  { "engagement", NS_MLO, EL_UNUSED },
  { "languageOfInstruction", NS_MLO, EL_UNUSED },
  { "languageOfAssessment", NS_XCRI, EL_UNUSED },
  { "age", NS_XCRI, EL_UNUSED },
  { "street", NS_MLO, EL_UNUSED },
  { "address", NS_MLO, EL_UNUSED },
  { "phone", NS_MLO, EL_UNUSED },
  { "fax", NS_MLO, EL_UNUSED },
  { "email", NS_MLO, EL_UNUSED },
  { "abbr", NS_XCRI, EL_UNUSED },
  { "awardedBy", NS_XCRI, EL_UNUSED },
  { "accreditedBy", NS_XCRI, EL_UNUSED },
  { "educationLevel", NS_DCTERMS, EL_UNUSED },
};

typedef enum
{
  CTX_DOCUMENT,
  CTX_CATALOG,
  CTX_PROVIDER,
  CTX_LOCATION,
  CTX_COURSE,
  CTX_PRESENTATION,
  CTX_VENUE,
  CTX_VENUE_PROVIDER,
  CTX_VENUE_LOCATION,
  CTX_AFTER,
} Context;

typedef enum
{
  ACT_IGNORE,
  ACT_PUSH,
  ACT_FIELD,
  ACT_UNUSED,
  ACT_MISPLACED,
  ACT_UNKNOWN,
} Action;

typedef enum
{
  MATCH_EXACT,
  MATCH_OTHER_NAMESPACE,  /* the right name in another XCRI-CAP namespace */
  MATCH_OTHER_CASE,       /* the right name with the wrong capitals */
  MATCH_NONE,
} Match;

typedef struct
{
  Context context;
  int     depth;
} Frame;

/* The text of the element being read as a field. */
typedef struct
{
  gboolean  active;
  Element   element;
  Context   context;
  int       depth;
  guint     line;
  guint     column;
  char     *lang;
  char     *xsi_type;
  char     *dtf;
  char     *vocabulary_id;  /* the `identifier` attribute of a vocabulary term */
  GString  *raw;            /* all the text, markup left out */
  CohortXcriText *rich;     /* the text rendered from XHTML, once a child element appears */
  gboolean  overflow;
} Field;

typedef struct
{
  char  *text;
  char  *lang;
  guint  line;
  guint  column;
} Description;

typedef struct
{
  CohortImportCourse *record;
  GPtrArray          *runs;         /* CohortImportCourseRun, read but not emitted yet */
  Description         main;         /* the first untyped dc:description */
  Description         abstract;
  Description         typed;        /* the first dc:description with an xsi:type */
} CourseState;

typedef struct
{
  CohortImportCourseRun *record;
  char                  *attendance_id;
  char                  *study_id;
  guint                  attendance_line;
  guint                  attendance_column;
  GPtrArray             *venue_names;
  char                  *venue_town;
} RunState;

typedef struct
{
  CohortImportIssue *issue;  /* owned by the issues array */
  guint              count;
} Once;

/* What an element name stands for, remembered by the addresses of its local name and namespace,
 * which libxml2 interns in the reader's dictionary: no string is compared twice. */
typedef struct
{
  const char *local;
  const char *uri;
  Ns          ns;
  Element     element;
  Match       match;
  guint       index;
} Classification;

#define CLASSIFICATION_CACHE_SIZE 256

struct _CohortXcriReader
{
  GObject                    parent_instance;

  CohortXcriReaderFlags      flags;
  GFile                     *file;
  GInputStream              *input;
  char                      *file_name;
  CohortXmlStream           *stream;

  gboolean                   started;
  gboolean                   finished;
  gboolean                   failed;
  gboolean                   skip_next;
  gboolean                   has_error_location;
  guint                      error_line;
  guint                      error_column;

  GArray                    *frames;      /* Frame */
  GQueue                     ready;       /* CohortImportRecord, to hand out */

  GPtrArray                 *issues;      /* CohortImportIssue */
  GHashTable                *once;        /* key -> Once */
  guint                      n_suppressed;
  GHashTable                *namespaces;  /* uri -> classification */
  GHashTable                *course_codes;  /* code -> line */
  GHashTable                *run_codes;     /* code -> line */

  gboolean                   no_namespace;  /* a <catalog> without namespace */

  Classification             classifications[CLASSIFICATION_CACHE_SIZE];

  Field                      field;
  guint                      n_providers;
  CohortImportOrganisation  *provider;
  CourseState                course;
  RunState                   run;
};

G_DEFINE_FINAL_TYPE (CohortXcriReader, cohort_xcri_reader, G_TYPE_OBJECT)

/* Warnings */

static void
add_issue (CohortXcriReader      *self,
           CohortImportIssue     *issue)
{
  if (self->issues->len >= MAX_ISSUES)
    {
      self->n_suppressed++;
      cohort_import_issue_free (issue);
      return;
    }

  g_ptr_array_add (self->issues, issue);
}

static void
warn (CohortXcriReader      *self,
      CohortImportIssueKind  kind,
      guint                  line,
      guint                  column,
      const char            *message)
{
  add_issue (self, cohort_import_issue_new (kind, line, column, message));
}

/* A warning said once for the whole file, however often its cause comes back: the first place
 * is given, and the number of times is added at the end. */
static void
warn_once (CohortXcriReader      *self,
           const char            *key,
           CohortImportIssueKind  kind,
           guint                  line,
           guint                  column,
           const char            *message)
{
  Once *once = g_hash_table_lookup (self->once, key);

  if (once != NULL)
    {
      once->count++;
      return;
    }

  if (g_hash_table_size (self->once) >= MAX_ONCE_KEYS || self->issues->len >= MAX_ISSUES)
    {
      warn (self, kind, line, column, message);
      return;
    }

  once = g_new0 (Once, 1);
  once->issue = cohort_import_issue_new (kind, line, column, message);
  once->count = 1;
  g_ptr_array_add (self->issues, once->issue);
  g_hash_table_insert (self->once, g_strdup (key), once);
}

static void
finish_issues (CohortXcriReader *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->once);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Once *once = value;

      if (once->count > 1)
        {
          char *message;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s (%u time in the file; this is the first)",
                                                  "%s (%u times in the file; this is the first)",
                                                  once->count),
                                     once->issue->message, once->count);
          g_free (once->issue->message);
          once->issue->message = message;
        }
    }
  g_hash_table_remove_all (self->once);

  g_ptr_array_sort (self->issues, cohort_import_issue_compare);

  if (self->n_suppressed > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u more warning was not listed.",
                                              "%u more warnings were not listed.",
                                              self->n_suppressed),
                                 self->n_suppressed);
      g_ptr_array_add (self->issues,
                       cohort_import_issue_new (COHORT_IMPORT_ISSUE_VALUE, 0, 0, message));
    }
}

/* Schema messages name elements as {namespace}name: give them the usual prefixes. */
static char *
dup_readable_schema_message (const char *message)
{
  GString *text = g_string_new (message);

  for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
    {
      g_autofree char *braced = g_strdup_printf ("{%s}", known_namespaces[i].uri);

      g_string_replace (text, braced, known_namespaces[i].prefix, 0);
    }

  return g_string_free (text, FALSE);
}

static void
on_stream_issue (CohortImportIssueKind  kind,
                 guint                  line,
                 guint                  column,
                 const char            *message,
                 gpointer               user_data)
{
  CohortXcriReader *self = user_data;

  if (kind == COHORT_IMPORT_ISSUE_SCHEMA)
    {
      g_autofree char *readable = dup_readable_schema_message (message);
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;

      text = g_strdup_printf (_("This does not follow the XCRI-CAP 1.2 schema (the data was "
                                "still read): %s"), readable);
      key = g_strconcat ("schema:", readable, NULL);
      warn_once (self, key, kind, line, column, text);
      return;
    }

  {
    g_autofree char *key = g_strconcat ("stream:", message, NULL);

    warn_once (self, key, kind, line, column, message);
  }
}

/* Positions and names */

static void
get_position (CohortXcriReader *self,
              guint            *line,
              guint            *column)
{
  cohort_xml_stream_get_position (self->stream, line, column);
}

static xmlTextReaderPtr
get_reader (CohortXcriReader *self)
{
  return cohort_xml_stream_get_reader (self->stream);
}

/* The name of the current element as the file writes it (`dc:title`), for messages. */
static const char *
current_qname (CohortXcriReader *self)
{
  const char *qname = (const char *) xmlTextReaderConstName (get_reader (self));

  return qname != NULL ? qname : "";
}

static char *
dup_attribute (CohortXcriReader *self,
               const char       *name,
               const char       *namespace_uri)
{
  xmlChar *value;
  char *copy;

  if (namespace_uri != NULL)
    value = xmlTextReaderGetAttributeNs (get_reader (self), (const xmlChar *) name,
                                         (const xmlChar *) namespace_uri);
  else
    value = xmlTextReaderGetAttribute (get_reader (self), (const xmlChar *) name);

  if (value == NULL)
    return NULL;

  copy = cohort_xcri_text_dup_line ((const char *) value);
  xmlFree (value);

  return copy;
}

/* Namespaces */

static char *
dup_namespace_key (const char *uri)
{
  GString *key = g_string_new (NULL);
  const char *p = uri;

  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    p += 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    p += 7;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;

  for (; *p != '\0'; p++)
    g_string_append_c (key, g_ascii_tolower (*p));
  while (key->len > 0 && (key->str[key->len - 1] == '/' || key->str[key->len - 1] == '#' ||
                          g_ascii_isspace (key->str[key->len - 1])))
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

static const char *
get_namespace_uri (Ns ns)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
    {
      if (known_namespaces[i].ns == ns)
        return known_namespaces[i].uri;
    }

  return "";
}

static const char *
get_namespace_prefix (Ns ns)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
    {
      if (known_namespaces[i].ns == ns)
        return known_namespaces[i].prefix;
    }

  return "";
}

/* Which namespace @uri stands for; a near miss is accepted once with a warning. */
static Ns
classify_namespace (CohortXcriReader *self,
                    const char       *uri)
{
  gpointer cached;
  g_autofree char *key = NULL;
  Ns ns = NS_OTHER;
  gboolean near = FALSE;

  if (uri == NULL || uri[0] == '\0')
    return NS_NONE;

  if (g_hash_table_lookup_extended (self->namespaces, uri, NULL, &cached))
    return (Ns) GPOINTER_TO_INT (cached);

  for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
    {
      if (strcmp (uri, known_namespaces[i].uri) == 0)
        {
          ns = known_namespaces[i].ns;
          break;
        }
    }

  if (ns == NS_OTHER)
    {
      key = dup_namespace_key (uri);

      for (guint i = 0; i < G_N_ELEMENTS (known_namespaces) && ns == NS_OTHER; i++)
        {
          g_autofree char *known = dup_namespace_key (known_namespaces[i].uri);

          if (strcmp (key, known) == 0)
            ns = known_namespaces[i].ns;
        }
      for (guint i = 0; i < G_N_ELEMENTS (near_namespaces) && ns == NS_OTHER; i++)
        {
          g_autofree char *known = dup_namespace_key (near_namespaces[i].uri);

          if (strcmp (key, known) == 0)
            ns = near_namespaces[i].ns;
        }
      near = ns != NS_OTHER;
    }

  if (near)
    {
      g_autofree char *message = NULL;
      guint line, column;

      get_position (self, &line, &column);
      message = g_strdup_printf (_("The namespace “%s” is not the one XCRI-CAP 1.2 uses (“%s”), "
                                   "but near enough: Cohort read it as that one."),
                                 uri, get_namespace_uri (ns));
      warn (self, COHORT_IMPORT_ISSUE_NAMESPACE, line, column, message);
    }

  if (g_hash_table_size (self->namespaces) < 1000)
    g_hash_table_insert (self->namespaces, g_strdup (uri), GINT_TO_POINTER (ns));

  return ns;
}

static gboolean
is_xcri_family (Ns ns)
{
  return ns == NS_XCRI || ns == NS_XCRI_TERMS || ns == NS_DC || ns == NS_DCTERMS ||
         ns == NS_MLO;
}

static Element
classify_element (Ns          ns,
                  const char *local,
                  Match      *match,
                  guint      *index)
{
  *match = MATCH_NONE;
  *index = 0;

  if (!is_xcri_family (ns))
    return EL_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    {
      if (strcmp (local, known_elements[i].name) != 0)
        continue;

      *index = i;
      /* A dcterms element is a refinement of the dc element of the same name. */
      if (known_elements[i].ns == ns || (known_elements[i].ns == NS_DC && ns == NS_DCTERMS))
        *match = MATCH_EXACT;
      else
        *match = MATCH_OTHER_NAMESPACE;
      return known_elements[i].element;
    }

  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    {
      if (g_ascii_strcasecmp (local, known_elements[i].name) == 0)
        {
          *index = i;
          *match = MATCH_OTHER_CASE;
          return known_elements[i].element;
        }
    }

  return EL_OTHER;
}

static Action
lookup_action (Context context,
               Element element)
{
  switch (context)
    {
    case CTX_CATALOG:
      if (element == EL_PROVIDER || element == EL_COURSE)
        return ACT_PUSH;
      break;

    case CTX_PROVIDER:
      if (element == EL_COURSE || element == EL_LOCATION)
        return ACT_PUSH;
      if (element == EL_IDENTIFIER || element == EL_TITLE || element == EL_URL)
        return ACT_FIELD;
      break;

    case CTX_COURSE:
      if (element == EL_PRESENTATION)
        return ACT_PUSH;
      if (element == EL_IDENTIFIER || element == EL_TITLE || element == EL_SUBJECT ||
          element == EL_DESCRIPTION || element == EL_ABSTRACT || element == EL_URL)
        return ACT_FIELD;
      break;

    case CTX_PRESENTATION:
      if (element == EL_VENUE)
        return ACT_PUSH;
      if (element == EL_IDENTIFIER || element == EL_START || element == EL_END ||
          element == EL_STUDY_MODE || element == EL_ATTENDANCE_MODE ||
          element == EL_ATTENDANCE_PATTERN || element == EL_PLACES || element == EL_COST ||
          element == EL_APPLY_TO)
        return ACT_FIELD;
      break;

    case CTX_VENUE:
      if (element == EL_PROVIDER)
        return ACT_PUSH;
      break;

    case CTX_VENUE_PROVIDER:
      if (element == EL_LOCATION)
        return ACT_PUSH;
      if (element == EL_TITLE)
        return ACT_FIELD;
      break;

    case CTX_LOCATION:
    case CTX_VENUE_LOCATION:
      if (element == EL_TOWN || element == EL_POSTCODE || element == EL_COUNTRY)
        return ACT_FIELD;
      break;

    case CTX_DOCUMENT:
    case CTX_AFTER:
    default:
      return ACT_IGNORE;
    }

  switch (element)
    {
    case EL_OTHER:
      return ACT_UNKNOWN;

    /* Elements with a proper place elsewhere. */
    case EL_CATALOG:
    case EL_PROVIDER:
    case EL_COURSE:
    case EL_PRESENTATION:
    case EL_VENUE:
    case EL_START:
    case EL_END:
    case EL_STUDY_MODE:
    case EL_ATTENDANCE_MODE:
    case EL_ATTENDANCE_PATTERN:
    case EL_PLACES:
    case EL_COST:
    case EL_APPLY_TO:
      return ACT_MISPLACED;

    default:
      return ACT_UNUSED;
    }
}

static const char *
context_element_name (Context context)
{
  switch (context)
    {
    case CTX_CATALOG:
      return "catalog";
    case CTX_PROVIDER:
      return "provider";
    case CTX_LOCATION:
    case CTX_VENUE_LOCATION:
      return "mlo:location";
    case CTX_COURSE:
      return "course";
    case CTX_PRESENTATION:
      return "presentation";
    case CTX_VENUE:
      return "venue";
    case CTX_VENUE_PROVIDER:
      return "venue/provider";
    case CTX_DOCUMENT:
    case CTX_AFTER:
    default:
      return "";
    }
}

/* Identifiers */

/* Whether @value starts with the URI scheme @scheme and its colon (g_uri_peek_scheme() would
 * intern every scheme it sees). */
static gboolean
has_scheme (const char *value,
            const char *scheme)
{
  gsize len = strlen (scheme);

  return g_ascii_strncasecmp (value, scheme, len) == 0 && value[len] == ':';
}

static gboolean
is_global_identifier (const char *value,
                      gboolean   *is_url)
{
  static const char * const url_schemes[] = { "http", "https", "ftp" };
  static const char * const other_schemes[] = { "urn", "info", "tag", "doi", "mailto", "file" };

  *is_url = FALSE;

  if (g_ascii_strncasecmp (value, "www.", 4) == 0)
    {
      *is_url = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (url_schemes); i++)
    {
      if (has_scheme (value, url_schemes[i]))
        {
          *is_url = TRUE;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (other_schemes); i++)
    {
      if (has_scheme (value, other_schemes[i]))
        return TRUE;
    }

  return FALSE;
}

/* Splits a text such as `UCAS: G403` into its label and value. */
static gboolean
split_labelled_identifier (const char  *value,
                           char       **out_label,
                           char       **out_value)
{
  const char *colon = strchr (value, ':');
  const char *rest;

  if (colon == NULL || colon == value || colon - value > 32 || !g_ascii_isalpha (value[0]))
    return FALSE;

  for (const char *p = value; p < colon; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != ' ' && *p != '_' && *p != '-' && *p != '.')
        return FALSE;
    }

  rest = colon + 1;
  while (*rest == ' ')
    rest++;
  if (*rest == '\0')
    return FALSE;

  *out_label = g_strstrip (g_strndup (value, (gsize) (colon - value)));
  *out_value = g_strdup (rest);

  return TRUE;
}

static CohortImportIdentifier *
read_identifier (CohortXcriReader *self,
                 const char       *text)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  gboolean is_url = FALSE;

  if (text == NULL || text[0] == '\0')
    return NULL;

  if (is_global_identifier (text, &is_url))
    return cohort_import_identifier_new (text, self->field.xsi_type, is_url,
                                         self->field.line, self->field.column);

  if (self->field.xsi_type == NULL && split_labelled_identifier (text, &label, &value))
    {
      g_autofree char *message = NULL;
      g_autofree char *key = NULL;

      message = g_strdup_printf (_("Cohort read the identifier “%s” as “%s” of the kind “%s”."),
                                 text, value, label);
      key = g_strconcat ("labelled:", label, NULL);
      warn_once (self, key, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column,
                 message);
      return cohort_import_identifier_new (value, label, FALSE, self->field.line,
                                           self->field.column);
    }

  return cohort_import_identifier_new (text, self->field.xsi_type, FALSE, self->field.line,
                                       self->field.column);
}

/* Lower is better: the provider's own code first, web addresses last. */
static int
identifier_rank (const CohortImportIdentifier *identifier)
{
  gboolean is_url;

  if (is_global_identifier (identifier->value, &is_url))
    return identifier->scheme == NULL ? 4 : 5;
  if (identifier->scheme == NULL)
    return 1;
  if (strstr (identifier->scheme, "internal") != NULL ||
      strstr (identifier->scheme, "Internal") != NULL)
    return 0;
  /* Another kind of code: a UCAS code, a UKPRN, a text such as `UCAS: G403`. */
  return 2;
}

static const CohortImportIdentifier *
choose_identifier (GPtrArray *identifiers)
{
  const CohortImportIdentifier *best = NULL;
  int best_rank = G_MAXINT;

  for (guint i = 0; i < identifiers->len; i++)
    {
      const CohortImportIdentifier *identifier = g_ptr_array_index (identifiers, i);
      int rank = identifier_rank (identifier);

      if (rank < best_rank)
        {
          best = identifier;
          best_rank = rank;
        }
    }

  return best;
}

static const char *
first_url_identifier (GPtrArray *identifiers)
{
  for (guint i = 0; i < identifiers->len; i++)
    {
      const CohortImportIdentifier *identifier = g_ptr_array_index (identifiers, i);

      if (identifier->is_url)
        return identifier->value;
    }

  return NULL;
}

static void
add_identifier (GPtrArray              *identifiers,
                CohortImportIdentifier *identifier)
{
  if (identifier == NULL)
    return;

  for (guint i = 0; i < identifiers->len; i++)
    {
      const CohortImportIdentifier *other = g_ptr_array_index (identifiers, i);

      if (strcmp (other->value, identifier->value) == 0 &&
          g_strcmp0 (other->scheme, identifier->scheme) == 0)
        {
          cohort_import_identifier_free (identifier);
          return;
        }
    }

  g_ptr_array_add (identifiers, identifier);
}

/* Values */

static char *
read_url (CohortXcriReader *self,
          const char       *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;

  if ((has_scheme (text, "http") || has_scheme (text, "https")) &&
      g_uri_is_valid (text, G_URI_FLAGS_PARSE_RELAXED, NULL) && strchr (text, ' ') == NULL)
    return g_strdup (text);

  if (g_ascii_strncasecmp (text, "www.", 4) == 0 && strchr (text, ' ') == NULL)
    {
      g_autofree char *url = g_strconcat ("http://", text, NULL);
      g_autofree char *message = NULL;

      if (g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL))
        {
          message = g_strdup_printf (_("The web address “%s” has no “http://”; Cohort read it "
                                       "as %s."), text, url);
          warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);
          return g_steal_pointer (&url);
        }
    }

  {
    g_autofree char *message = NULL;

    message = g_strdup_printf (_("“%s” in <%s> is not a web address; Cohort left it out."),
                               text, current_qname (self));
    warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);
  }

  return NULL;
}

/* A date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; %NULL when there is none. */
static char *
read_date (CohortXcriReader *self,
           const char       *text,
           const char       *what)
{
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  CohortXcriDateHow how = COHORT_XCRI_DATE_ISO;

  if (self->field.dtf != NULL && self->field.dtf[0] != '\0')
    {
      date = cohort_xcri_text_parse_iso_date (self->field.dtf);
      if (date == NULL)
        {
          message = g_strdup_printf (_("The date dtf=\"%s\" of <%s> is not a date; Cohort read "
                                       "the element’s text instead."),
                                     self->field.dtf, current_qname (self));
          warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);
          g_clear_pointer (&message, g_free);
        }
    }

  if (date == NULL)
    {
      if (text == NULL || text[0] == '\0')
        return NULL;

      date = cohort_xcri_text_parse_date (text, &how);
      if (date == NULL)
        {
          g_autofree char *key = g_strconcat ("nodate:", text, NULL);

          message = g_strdup_printf (_("Cohort could not read “%s” as a date; the %s was left "
                                       "empty."), text, what);
          warn_once (self, key, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column,
                     message);
          return NULL;
        }

      if (how != COHORT_XCRI_DATE_ISO)
        {
          g_autofree char *key = g_strconcat ("date:", text, NULL);

          if (how == COHORT_XCRI_DATE_DAY_MONTH_YEAR)
            message = g_strdup_printf (_("Cohort read the date “%s” as day/month/year: %s."),
                                       text, date);
          else
            message = g_strdup_printf (_("Cohort read the date “%s” as %s."), text, date);
          warn_once (self, key, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column,
                     message);
          g_clear_pointer (&message, g_free);
        }
    }

  if (g_str_equal (date, "1900-01-01"))
    {
      message = g_strdup_printf (_("The date 1900-01-01 stands for “no date”; the %s was left "
                                   "empty."), what);
      warn_once (self, "date:1900-01-01", COHORT_IMPORT_ISSUE_VALUE, self->field.line,
                 self->field.column, message);
      return NULL;
    }

  if (strncmp (date, "1900", 4) < 0 || strncmp (date, "2200", 4) > 0)
    {
      message = g_strdup_printf (_("The date %s is not a believable %s; it was left empty."),
                                 date, what);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);
      return NULL;
    }

  return g_steal_pointer (&date);
}

/* An ISO 3166-1 alpha-2 code, from a code or from the names UK feeds use. */
static char *
read_country (CohortXcriReader *self,
              const char       *text)
{
  static const char * const united_kingdom[] = {
    "united kingdom", "uk", "great britain", "england", "scotland", "wales",
    "northern ireland",
  };
  g_autofree char *message = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;

  if (strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
    return g_ascii_strup (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (united_kingdom); i++)
    {
      if (g_ascii_strcasecmp (text, united_kingdom[i]) == 0)
        return g_strdup ("GB");
    }

  message = g_strdup_printf (_("Cohort could not tell which country “%s” is; the provider has "
                               "no country."), text);
  warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);

  return NULL;
}

static guint
read_places (CohortXcriReader *self,
             const char       *text)
{
  guint64 places = 0;
  g_autofree char *message = NULL;

  if (text == NULL || text[0] == '\0')
    return 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &places, NULL))
    {
      message = g_strdup_printf (_("Cohort could not read “%s” as a number of places; the run "
                                   "has no capacity."), text);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, self->field.line, self->field.column, message);
      return 0;
    }

  if (places == 0)
    {
      warn_once (self, "places:0", COHORT_IMPORT_ISSUE_VALUE, self->field.line,
                 self->field.column,
                 _("0 places was read as “not known”: the run has no capacity."));
      return 0;
    }

  return (guint) places;
}

static const char *
mode_for_attendance_id (const char *identifier)
{
  static const struct { const char *id; const char *mode; } modes[] = {
    { "CM", "in_person" },  /* Campus */
    { "NC", "in_person" },  /* Face-to-face non-campus */
    { "WB", "in_person" },  /* Work-based */
    { "DS", "online" },     /* Distance without attendance */
    { "ON", "online" },     /* Online (no attendance) */
    { "DA", "hybrid" },     /* Distance with attendance */
    { "MM", "hybrid" },     /* Mixed mode */
  };

  if (identifier == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (g_ascii_strcasecmp (identifier, modes[i].id) == 0)
        return modes[i].mode;
    }

  return NULL;
}

static const char *
mode_for_words (const char *text,
                gboolean    in_person_too)
{
  g_autofree char *lower = NULL;
  static const char * const hybrid[] = {
    "distance with attendance", "mixed", "blended", "hybrid",
  };
  static const char * const online[] = {
    "without attendance", "online", "on-line", "distance", "e-learning", "elearning",
    "self-study", "self study", "open learning", "correspondence", "remote",
  };
  static const char * const in_person[] = {
    "campus", "face-to-face", "face to face", "classroom", "in person", "in-person",
    "work-based", "work based", "workplace", "on site", "on-site",
  };

  if (text == NULL)
    return NULL;

  lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (hybrid); i++)
    {
      if (strstr (lower, hybrid[i]) != NULL)
        return "hybrid";
    }
  for (guint i = 0; i < G_N_ELEMENTS (online); i++)
    {
      if (strstr (lower, online[i]) != NULL)
        return "online";
    }
  if (in_person_too)
    {
      for (guint i = 0; i < G_N_ELEMENTS (in_person); i++)
        {
          if (strstr (lower, in_person[i]) != NULL)
            return "in_person";
        }
    }

  return NULL;
}

/* Fields: the text of an element, with its XHTML rendered as plain text */

static void
clear_field (Field *field)
{
  field->active = FALSE;
  g_clear_pointer (&field->lang, g_free);
  g_clear_pointer (&field->xsi_type, g_free);
  g_clear_pointer (&field->dtf, g_free);
  g_clear_pointer (&field->vocabulary_id, g_free);
  if (field->raw != NULL)
    g_string_truncate (field->raw, 0);
  g_clear_pointer (&field->rich, cohort_xcri_text_free);
  field->overflow = FALSE;
}

static void
field_append (Field      *field,
              const char *text)
{
  gsize len;

  if (field->overflow || text == NULL)
    return;

  len = strlen (text);
  if (field->raw->len + len > COHORT_XML_MAX_FIELD_LENGTH)
    {
      field->overflow = TRUE;
      return;
    }

  g_string_append_len (field->raw, text, (gssize) len);
  if (field->rich != NULL)
    cohort_xcri_text_append (field->rich, text, (gssize) len);
}

static void
field_start_child (Field      *field,
                   const char *local)
{
  if (field->rich == NULL)
    {
      field->rich = cohort_xcri_text_new ();
      cohort_xcri_text_append (field->rich, field->raw->str, (gssize) field->raw->len);
    }

  cohort_xcri_text_start_element (field->rich, local);
}

static void
field_end_child (Field      *field,
                 const char *local)
{
  if (field->rich != NULL)
    cohort_xcri_text_end_element (field->rich, local);
}

/* The field's text: one line, or (@paragraphs) paragraphs separated by empty lines.  Where
 * the text holds HTML written as text (@html_allowed), it is turned into plain text. */
static char *
dup_field_text (CohortXcriReader *self,
                gboolean          paragraphs,
                gboolean          html_allowed,
                gboolean         *out_html)
{
  g_autofree char *text = NULL;

  if (out_html != NULL)
    *out_html = FALSE;

  if (self->field.rich != NULL)
    text = cohort_xcri_text_finish (self->field.rich);
  else if (html_allowed && cohort_xcri_text_looks_like_html (self->field.raw->str))
    {
      text = cohort_xcri_text_dup_from_html (self->field.raw->str);
      if (out_html != NULL)
        *out_html = TRUE;
    }
  else if (paragraphs)
    text = cohort_xcri_text_dup_paragraphs (self->field.raw->str);
  else
    text = cohort_xcri_text_dup_line (self->field.raw->str);

  if (!paragraphs && self->field.rich != NULL)
    {
      g_autofree char *line = cohort_xcri_text_dup_line (text);

      g_free (text);
      text = g_steal_pointer (&line);
    }

  if (text == NULL || text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
set_description (Description *description,
                 char        *text,
                 const Field *field)
{
  if (description->text != NULL || text == NULL)
    {
      g_free (text);
      return;
    }

  description->text = text;
  description->lang = g_strdup (field->lang);
  description->line = field->line;
  description->column = field->column;
}

static void
clear_description (Description *description)
{
  g_clear_pointer (&description->text, g_free);
  g_clear_pointer (&description->lang, g_free);
}

static void
finish_field (CohortXcriReader *self)
{
  Field *field = &self->field;
  g_autofree char *text = NULL;
  gboolean html = FALSE;

  if (field->overflow)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The text of <%s> is longer than %d MB; Cohort left it out."),
                                 current_qname (self),
                                 COHORT_XML_MAX_FIELD_LENGTH / (1024 * 1024));
      warn (self, COHORT_IMPORT_ISSUE_VALUE, field->line, field->column, message);
      clear_field (field);
      return;
    }

  switch (field->context)
    {
    case CTX_PROVIDER:
      text = dup_field_text (self, FALSE, field->element == EL_TITLE, NULL);
      if (field->element == EL_IDENTIFIER)
        add_identifier (self->provider->identifiers, read_identifier (self, text));
      else if (field->element == EL_TITLE && self->provider->name == NULL)
        self->provider->name = g_steal_pointer (&text);
      else if (field->element == EL_URL && self->provider->url == NULL)
        self->provider->url = read_url (self, text);
      break;

    case CTX_LOCATION:
      text = dup_field_text (self, FALSE, FALSE, NULL);
      if (field->element == EL_TOWN && self->provider->city == NULL)
        self->provider->city = g_steal_pointer (&text);
      else if (field->element == EL_POSTCODE && self->provider->postcode == NULL)
        self->provider->postcode = g_steal_pointer (&text);
      else if (field->element == EL_COUNTRY && self->provider->country == NULL)
        self->provider->country = read_country (self, text);
      break;

    case CTX_COURSE:
      switch (field->element)
        {
        case EL_IDENTIFIER:
          text = dup_field_text (self, FALSE, FALSE, NULL);
          add_identifier (self->course.record->identifiers, read_identifier (self, text));
          break;

        case EL_TITLE:
          text = dup_field_text (self, FALSE, TRUE, &html);
          if (text != NULL && self->course.record->title == NULL)
            self->course.record->title = g_steal_pointer (&text);
          break;

        case EL_SUBJECT:
          text = dup_field_text (self, FALSE, FALSE, NULL);
          if (text != NULL && !g_ptr_array_find_with_equal_func (self->course.record->subjects,
                                                                 text, g_str_equal, NULL))
            g_ptr_array_add (self->course.record->subjects, g_steal_pointer (&text));
          break;

        case EL_DESCRIPTION:
          text = dup_field_text (self, TRUE, TRUE, &html);
          if (field->xsi_type == NULL)
            set_description (&self->course.main, g_steal_pointer (&text), field);
          else
            set_description (&self->course.typed, g_steal_pointer (&text), field);
          break;

        case EL_ABSTRACT:
          text = dup_field_text (self, TRUE, TRUE, &html);
          set_description (&self->course.abstract, g_steal_pointer (&text), field);
          break;

        case EL_URL:
          text = dup_field_text (self, FALSE, FALSE, NULL);
          if (self->course.record->url == NULL)
            self->course.record->url = read_url (self, text);
          break;

        default:
          break;
        }
      break;

    case CTX_PRESENTATION:
      {
        CohortImportCourseRun *run = self->run.record;

        text = dup_field_text (self, FALSE, FALSE, NULL);

        switch (field->element)
          {
          case EL_IDENTIFIER:
            add_identifier (run->identifiers, read_identifier (self, text));
            break;

          case EL_START:
            if (run->start_date == NULL)
              run->start_date = read_date (self, text, _("start date"));
            break;

          case EL_END:
            if (run->end_date == NULL)
              run->end_date = read_date (self, text, _("end date"));
            break;

          case EL_STUDY_MODE:
            if (run->study_mode == NULL && self->run.study_id == NULL)
              {
                run->study_mode = g_steal_pointer (&text);
                self->run.study_id = g_strdup (field->vocabulary_id);
              }
            break;

          case EL_ATTENDANCE_MODE:
            if (run->attendance_mode == NULL && self->run.attendance_id == NULL)
              {
                run->attendance_mode = g_steal_pointer (&text);
                self->run.attendance_id = g_strdup (field->vocabulary_id);
                self->run.attendance_line = field->line;
                self->run.attendance_column = field->column;
              }
            break;

          case EL_ATTENDANCE_PATTERN:
            if (run->attendance_pattern == NULL)
              run->attendance_pattern = g_steal_pointer (&text);
            break;

          case EL_PLACES:
            if (run->capacity == 0)
              run->capacity = read_places (self, text);
            break;

          case EL_COST:
            if (run->cost == NULL)
              run->cost = g_steal_pointer (&text);
            break;

          case EL_APPLY_TO:
            if (run->apply_to == NULL)
              run->apply_to = g_steal_pointer (&text);
            break;

          default:
            break;
          }
      }
      break;

    case CTX_VENUE_PROVIDER:
      text = dup_field_text (self, FALSE, FALSE, NULL);
      if (field->element == EL_TITLE && text != NULL)
        g_ptr_array_add (self->run.venue_names, g_steal_pointer (&text));
      break;

    case CTX_VENUE_LOCATION:
      text = dup_field_text (self, FALSE, FALSE, NULL);
      if (field->element == EL_TOWN && self->run.venue_town == NULL)
        self->run.venue_town = g_steal_pointer (&text);
      break;

    case CTX_DOCUMENT:
    case CTX_CATALOG:
    case CTX_VENUE:
    case CTX_AFTER:
    default:
      break;
    }

  if (html)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("<%s> holds HTML written as text; Cohort turned it into plain "
                                   "text."), current_qname (self));
      warn_once (self, "html", COHORT_IMPORT_ISSUE_VALUE, field->line, field->column, message);
    }

  clear_field (field);
}

static void
start_field (CohortXcriReader *self,
             Element           element,
             Context           context,
             int               depth)
{
  Field *field = &self->field;
  const xmlChar *lang;
  g_autofree char *xsi_type = NULL;

  clear_field (field);
  field->active = TRUE;
  field->element = element;
  field->context = context;
  field->depth = depth;
  get_position (self, &field->line, &field->column);

  /* Only what is used is looked up: these walk the attributes (xml:lang those of every
   * ancestor too). */
  if (element == EL_DESCRIPTION || element == EL_ABSTRACT)
    {
      lang = xmlTextReaderConstXmlLang (get_reader (self));
      if (lang != NULL && lang[0] != '\0')
        field->lang = g_strdup ((const char *) lang);
    }

  if (element == EL_IDENTIFIER || element == EL_DESCRIPTION)
    xsi_type = dup_attribute (self, "type", XSI_NS);
  if (xsi_type != NULL && xsi_type[0] != '\0')
    {
      g_autofree char *type_ns = NULL;

      field->xsi_type = cohort_xml_stream_dup_qname (self->stream, xsi_type, &type_ns);
      if (type_ns != NULL)
        classify_namespace (self, type_ns);
    }

  if (element == EL_START || element == EL_END)
    field->dtf = dup_attribute (self, "dtf", NULL);
  if (element == EL_STUDY_MODE || element == EL_ATTENDANCE_MODE)
    field->vocabulary_id = dup_attribute (self, "identifier", NULL);
}

/* Contexts */

static void
clear_run_state (RunState *run)
{
  g_clear_pointer ((CohortImportRecord **) &run->record, cohort_import_record_free);
  g_clear_pointer (&run->attendance_id, g_free);
  g_clear_pointer (&run->study_id, g_free);
  g_ptr_array_set_size (run->venue_names, 0);
  g_clear_pointer (&run->venue_town, g_free);
}

static void
clear_course_state (CourseState *course)
{
  g_clear_pointer ((CohortImportRecord **) &course->record, cohort_import_record_free);
  g_ptr_array_set_size (course->runs, 0);
  clear_description (&course->main);
  clear_description (&course->abstract);
  clear_description (&course->typed);
}

static void
push_frame (CohortXcriReader *self,
            Context           context,
            int               depth)
{
  Frame frame = { context, depth };

  g_array_append_val (self->frames, frame);
}

/* The frame of the document itself is never popped: there is always a top frame. */
static Frame *
top_frame (CohortXcriReader *self)
{
  g_assert (self->frames->len > 0);

  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static void
begin_provider (CohortXcriReader *self)
{
  guint line, column;

  get_position (self, &line, &column);
  self->n_providers++;
  g_clear_pointer ((CohortImportRecord **) &self->provider, cohort_import_record_free);
  self->provider = (CohortImportOrganisation *)
    cohort_import_record_new (COHORT_IMPORT_RECORD_ORGANISATION, line, column);
  self->provider->index = self->n_providers;
}

static void
end_provider (CohortXcriReader *self)
{
  CohortImportOrganisation *provider = g_steal_pointer (&self->provider);
  const CohortImportIdentifier *own;

  own = choose_identifier (provider->identifiers);
  if (own != NULL && !own->is_url)
    provider->code = g_strdup (own->value);
  if (provider->url == NULL && first_url_identifier (provider->identifiers) != NULL)
    provider->url = g_strdup (first_url_identifier (provider->identifiers));

  if (provider->name == NULL)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("The provider at line %u has no name (dc:title)."),
                                provider->record.line);
      cohort_import_record_reject (&provider->record, reason);
    }

  g_queue_push_tail (&self->ready, provider);
}

static void
begin_course (CohortXcriReader *self,
              gboolean          in_provider)
{
  guint line, column;
  CohortImportCourse *course;

  get_position (self, &line, &column);
  clear_course_state (&self->course);
  course = (CohortImportCourse *) cohort_import_record_new (COHORT_IMPORT_RECORD_COURSE,
                                                            line, column);
  self->course.record = course;

  if (in_provider && self->provider != NULL)
    {
      const CohortImportIdentifier *own = choose_identifier (self->provider->identifiers);

      course->provider_index = self->provider->index;
      course->provider_name = g_strdup (self->provider->name);
      if (own != NULL && !own->is_url)
        course->provider_code = g_strdup (own->value);
    }
  else
    {
      warn (self, COHORT_IMPORT_ISSUE_STRUCTURE, line, column,
            _("This course is not inside a <provider>; Cohort read it without a provider."));
    }
}

static void
finish_run (CohortXcriReader      *self,
            CohortImportCourse    *course,
            CohortImportCourseRun *run,
            guint                  position)
{
  const CohortImportIdentifier *own = choose_identifier (run->identifiers);

  run->course_code = g_strdup (course->code);
  run->course_line = course->record.line;

  if (own != NULL)
    {
      run->code = g_strdup (own->value);
    }
  else if (course->code != NULL)
    {
      g_autofree char *message = NULL;

      run->code = g_strdup_printf ("%s#%u", course->code, position);
      run->code_derived = TRUE;
      message = g_strdup_printf (_("This presentation has no identifier; Cohort calls it “%s”."),
                                 run->code);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, run->record.line, run->record.column, message);
    }

  if (course->record.rejected != NULL)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("Its course, at line %u, was rejected."),
                                course->record.line);
      cohort_import_record_reject (&run->record, reason);
    }
  else if (run->code != NULL && self->run_codes != NULL)
    {
      gpointer other = g_hash_table_lookup (self->run_codes, run->code);

      if (other != NULL)
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("Another presentation in this file, at line %u, has the "
                                      "same identifier “%s”."),
                                    GPOINTER_TO_UINT (other), run->code);
          cohort_import_record_reject (&run->record, reason);
        }
      else
        {
          g_hash_table_insert (self->run_codes, g_strdup (run->code),
                               GUINT_TO_POINTER (run->record.line));
        }
    }
}

static void
end_course (CohortXcriReader *self)
{
  CohortImportCourse *course = self->course.record;
  const CohortImportIdentifier *own = choose_identifier (course->identifiers);
  Description *description = NULL;
  const char *url_identifier = first_url_identifier (course->identifiers);

  if (own != NULL)
    course->code = g_strdup (own->value);
  course->url_identifier = g_strdup (url_identifier);

  if (course->code == NULL && course->url != NULL)
    {
      course->code = g_strdup (course->url);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, course->record.line, course->record.column,
            _("This course has no identifier; Cohort used its web address (mlo:url) instead."));
    }

  if (self->course.main.text != NULL)
    description = &self->course.main;
  else if (self->course.abstract.text != NULL)
    description = &self->course.abstract;
  else if (self->course.typed.text != NULL)
    description = &self->course.typed;
  if (description != NULL)
    {
      course->description = g_steal_pointer (&description->text);
      course->description_lang = g_steal_pointer (&description->lang);
    }

  if (course->title == NULL)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("The course at line %u has no title (dc:title)."),
                                course->record.line);
      cohort_import_record_reject (&course->record, reason);
    }
  else if (course->code == NULL)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("The course “%s” at line %u has no identifier (dc:identifier), "
                                  "so Cohort could not recognise it when the file is imported "
                                  "again."),
                                course->title, course->record.line);
      cohort_import_record_reject (&course->record, reason);
    }
  else if (self->course_codes != NULL)
    {
      gpointer other = g_hash_table_lookup (self->course_codes, course->code);

      if (other != NULL)
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("Another course in this file, at line %u, has the same "
                                      "identifier “%s”."),
                                    GPOINTER_TO_UINT (other), course->code);
          cohort_import_record_reject (&course->record, reason);
        }
      else
        {
          g_hash_table_insert (self->course_codes, g_strdup (course->code),
                               GUINT_TO_POINTER (course->record.line));
        }
    }

  self->course.record = NULL;
  g_queue_push_tail (&self->ready, course);

  for (guint i = 0; i < self->course.runs->len; i++)
    {
      CohortImportCourseRun *run = g_ptr_array_index (self->course.runs, i);

      finish_run (self, course, run, i + 1);
      g_ptr_array_index (self->course.runs, i) = NULL;
      g_queue_push_tail (&self->ready, run);
    }

  clear_course_state (&self->course);
}

static void
begin_run (CohortXcriReader *self)
{
  guint line, column;

  get_position (self, &line, &column);
  clear_run_state (&self->run);
  self->run.record = (CohortImportCourseRun *)
    cohort_import_record_new (COHORT_IMPORT_RECORD_COURSE_RUN, line, column);
}

static void
end_run (CohortXcriReader *self)
{
  CohortImportCourseRun *run = self->run.record;
  const char *mode;

  mode = mode_for_attendance_id (self->run.attendance_id);
  if (mode == NULL)
    mode = mode_for_words (run->attendance_mode, TRUE);
  if (mode == NULL && run->attendance_mode == NULL)
    mode = mode_for_words (run->study_mode, FALSE);
  run->mode = g_strdup (mode);

  if (mode == NULL && (run->attendance_mode != NULL || self->run.attendance_id != NULL))
    {
      g_autofree char *message = NULL;
      g_autofree char *key = NULL;
      const char *words = run->attendance_mode != NULL ? run->attendance_mode
                                                       : self->run.attendance_id;

      message = g_strdup_printf (_("Cohort could not tell from the attendance mode “%s” whether "
                                   "a run is in person, online or both; such runs have no "
                                   "mode."), words);
      key = g_strconcat ("mode:", words, NULL);
      warn_once (self, key, COHORT_IMPORT_ISSUE_VALUE, self->run.attendance_line,
                 self->run.attendance_column, message);
    }

  if (self->run.venue_names->len > 0)
    {
      g_ptr_array_add (self->run.venue_names, NULL);
      run->venue = g_strjoinv ("; ", (char **) self->run.venue_names->pdata);
    }
  else if (self->run.venue_town != NULL)
    {
      run->venue = g_strdup (self->run.venue_town);
    }

  if (run->start_date != NULL && run->end_date != NULL)
    {
      gsize len = MIN (strlen (run->start_date), strlen (run->end_date));

      if (strncmp (run->start_date, run->end_date, len) > 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("This presentation starts on %s but ends on %s, before it "
                                       "starts; both dates were kept."),
                                     run->start_date, run->end_date);
          warn (self, COHORT_IMPORT_ISSUE_VALUE, run->record.line, run->record.column, message);
        }
    }

  self->run.record = NULL;
  g_ptr_array_add (self->course.runs, run);
  clear_run_state (&self->run);
}

static void
pop_frame (CohortXcriReader *self)
{
  Frame frame = *top_frame (self);

  g_array_set_size (self->frames, self->frames->len - 1);

  switch (frame.context)
    {
    case CTX_CATALOG:
      push_frame (self, CTX_AFTER, -1);
      break;
    case CTX_PROVIDER:
      end_provider (self);
      break;
    case CTX_COURSE:
      end_course (self);
      break;
    case CTX_PRESENTATION:
      end_run (self);
      break;
    case CTX_DOCUMENT:
    case CTX_LOCATION:
    case CTX_VENUE:
    case CTX_VENUE_PROVIDER:
    case CTX_VENUE_LOCATION:
    case CTX_AFTER:
    default:
      break;
    }
}

static Context
context_for_push (Context context,
                  Element element)
{
  switch (element)
    {
    case EL_PROVIDER:
      return context == CTX_VENUE ? CTX_VENUE_PROVIDER : CTX_PROVIDER;
    case EL_COURSE:
      return CTX_COURSE;
    case EL_PRESENTATION:
      return CTX_PRESENTATION;
    case EL_VENUE:
      return CTX_VENUE;
    case EL_LOCATION:
      return context == CTX_VENUE_PROVIDER ? CTX_VENUE_LOCATION : CTX_LOCATION;
    default:
      g_assert_not_reached ();
    }
}

/* Near-miss namespaces declared on the root are noted even if no element uses them. */
static void
note_namespace_declarations (CohortXcriReader *self)
{
  xmlTextReaderPtr reader = get_reader (self);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return;

  do
    {
      if (xmlTextReaderIsNamespaceDecl (reader) == 1 && uris->len < 100)
        g_ptr_array_add (uris, g_strdup ((const char *) xmlTextReaderConstValue (reader)));
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);

  /* Back on the element, so that the warnings have its position. */
  xmlTextReaderMoveToElement (reader);

  for (guint i = 0; i < uris->len; i++)
    classify_namespace (self, g_ptr_array_index (uris, i));
}

static gboolean
start_root (CohortXcriReader  *self,
            Ns                 ns,
            const char        *local,
            const char        *uri,
            GError           **error)
{
  const char *qname = current_qname (self);
  guint line, column;

  get_position (self, &line, &column);

  if (g_ascii_strcasecmp (local, "catalog") != 0 ||
      (ns != NS_XCRI && ns != NS_NONE))
    {
      g_autofree char *message = NULL;

      if (g_ascii_strcasecmp (local, "catalog") != 0)
        message = g_strdup_printf (_("This is not an XCRI-CAP course catalogue: the file starts "
                                     "with <%s>, where a catalogue starts with <catalog>."),
                                   qname);
      else
        message = g_strdup_printf (_("This is not an XCRI-CAP course catalogue: its <%s> is in "
                                     "the namespace “%s”, not “%s”."),
                                   qname, uri, get_namespace_uri (NS_XCRI));

      self->has_error_location = TRUE;
      self->error_line = line;
      self->error_column = column;
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_WRONG_FORMAT,
                   "%s:%u:%u: %s", self->file_name, line, column, message);
      return FALSE;
    }

  if (ns == NS_NONE)
    {
      self->no_namespace = TRUE;
      warn (self, COHORT_IMPORT_ISSUE_NAMESPACE, line, column,
            _("The catalogue has no namespace (XCRI-CAP 1.2’s is "
              "“http://xcri.org/profiles/1.2/catalog”); Cohort read its elements as "
              "XCRI-CAP 1.2."));
    }

  if (strcmp (local, "catalog") != 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The element <%s> is written with the wrong capitals "
                                   "(XCRI-CAP 1.2 says <catalog>); Cohort read it as that."),
                                 qname);
      warn (self, COHORT_IMPORT_ISSUE_STRUCTURE, line, column, message);
    }

  note_namespace_declarations (self);

  return TRUE;
}

static void
note_match (CohortXcriReader *self,
            Match             match,
            guint             index,
            Ns                ns,
            const char       *uri)
{
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  g_autofree char *canonical = NULL;
  const char *qname;
  guint line, column;

  if (match == MATCH_EXACT || match == MATCH_NONE)
    return;

  qname = current_qname (self);

  /* In a catalogue without namespace, that is said once at its start. */
  if (self->no_namespace && (uri == NULL || uri[0] == '\0') &&
      match == MATCH_OTHER_NAMESPACE)
    return;

  get_position (self, &line, &column);
  canonical = g_strconcat (get_namespace_prefix (known_elements[index].ns),
                           known_elements[index].name, NULL);
  key = g_strdup_printf ("match:%s:%s", uri != NULL ? uri : "", qname);

  if (match == MATCH_OTHER_NAMESPACE)
    message = g_strdup_printf (_("The element <%s> is in the namespace “%s”, where XCRI-CAP 1.2 "
                                 "has <%s> in “%s”; Cohort read it as that."),
                               qname, uri != NULL && uri[0] != '\0' ? uri : _("(none)"),
                               canonical, get_namespace_uri (known_elements[index].ns));
  else
    message = g_strdup_printf (_("The element <%s> is written with the wrong capitals (XCRI-CAP "
                                 "1.2 says <%s>); Cohort read it as that."),
                               qname, canonical);

  warn_once (self, key,
             match == MATCH_OTHER_NAMESPACE ? COHORT_IMPORT_ISSUE_NAMESPACE
                                            : COHORT_IMPORT_ISSUE_STRUCTURE,
             line, column, message);
}

static void
note_left_out (CohortXcriReader *self,
               Action            action,
               Context           context,
               const char       *uri)
{
  const char *qname = current_qname (self);
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  guint line, column;
  CohortImportIssueKind kind = COHORT_IMPORT_ISSUE_UNUSED;

  get_position (self, &line, &column);
  key = g_strdup_printf ("left:%d:%d:%s:%s", action, context, uri != NULL ? uri : "", qname);

  switch (action)
    {
    case ACT_MISPLACED:
      kind = COHORT_IMPORT_ISSUE_STRUCTURE;
      message = g_strdup_printf (_("<%s> cannot be used inside <%s>; Cohort left it out."),
                                 qname, context_element_name (context));
      break;

    case ACT_UNKNOWN:
      if (uri != NULL && uri[0] != '\0')
        message = g_strdup_printf (_("Cohort does not know the element <%s> (namespace “%s”) "
                                     "and left it out."), qname, uri);
      else
        message = g_strdup_printf (_("Cohort does not know the element <%s> and left it out."),
                                   qname);
      break;

    case ACT_UNUSED:
    case ACT_IGNORE:
    case ACT_PUSH:
    case ACT_FIELD:
    default:
      message = g_strdup_printf (_("Cohort has no place for <%s> in <%s>; it was left out."),
                                 qname, context_element_name (context));
      break;
    }

  warn_once (self, key, kind, line, column, message);
}

static gboolean
handle_start (CohortXcriReader  *self,
              GError           **error)
{
  xmlTextReaderPtr reader = get_reader (self);
  const char *local = (const char *) xmlTextReaderConstLocalName (reader);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);
  int depth = xmlTextReaderDepth (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  Frame *top = top_frame (self);
  Context context = top->context;
  Classification *slot;
  Element element;
  Match match;
  guint index;
  Ns ns;
  Action action;

  if (local == NULL)
    return TRUE;

  if (context == CTX_DOCUMENT)
    {
      ns = classify_namespace (self, uri);
      if (!start_root (self, ns, local, uri, error))
        return FALSE;
      push_frame (self, CTX_CATALOG, depth);
      if (empty)
        pop_frame (self);
      return TRUE;
    }

  if (context == CTX_AFTER)
    return TRUE;

  slot = &self->classifications[((GPOINTER_TO_SIZE (local) >> 4) ^
                                  (GPOINTER_TO_SIZE (uri) >> 3)) %
                                 CLASSIFICATION_CACHE_SIZE];
  if (slot->local == local && slot->uri == uri)
    {
      ns = slot->ns;
      element = slot->element;
      match = slot->match;
      index = slot->index;
    }
  else
    {
      ns = classify_namespace (self, uri);
      if (ns == NS_NONE && self->no_namespace)
        ns = NS_XCRI;
      element = classify_element (ns, local, &match, &index);

      slot->local = local;
      slot->uri = uri;
      slot->ns = ns;
      slot->element = element;
      slot->match = match;
      slot->index = index;
    }

  action = lookup_action (context, element);

  switch (action)
    {
    case ACT_PUSH:
      note_match (self, match, index, ns, uri);
      switch (context_for_push (context, element))
        {
        case CTX_PROVIDER:
          begin_provider (self);
          break;
        case CTX_COURSE:
          begin_course (self, context == CTX_PROVIDER);
          break;
        case CTX_PRESENTATION:
          begin_run (self);
          break;
        case CTX_DOCUMENT:
        case CTX_CATALOG:
        case CTX_LOCATION:
        case CTX_VENUE:
        case CTX_VENUE_PROVIDER:
        case CTX_VENUE_LOCATION:
        case CTX_AFTER:
        default:
          break;
        }
      push_frame (self, context_for_push (context, element), depth);
      if (empty)
        pop_frame (self);
      break;

    case ACT_FIELD:
      note_match (self, match, index, ns, uri);
      start_field (self, element, context, depth);
      if (empty)
        finish_field (self);
      break;

    case ACT_UNUSED:
    case ACT_MISPLACED:
    case ACT_UNKNOWN:
      note_match (self, match, index, ns, uri);
      note_left_out (self, action, context, uri);
      self->skip_next = !empty;
      break;

    case ACT_IGNORE:
    default:
      self->skip_next = !empty;
      break;
    }

  return TRUE;
}

static void
handle_end (CohortXcriReader *self)
{
  int depth = xmlTextReaderDepth (get_reader (self));
  Frame *top = top_frame (self);

  if (top->depth == depth && top->context != CTX_DOCUMENT && top->context != CTX_AFTER)
    pop_frame (self);
}

static void
handle_field_node (CohortXcriReader *self,
                   int               type)
{
  xmlTextReaderPtr reader = get_reader (self);

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      {
        const char *local = (const char *) xmlTextReaderConstLocalName (reader);

        field_start_child (&self->field, local);
        if (xmlTextReaderIsEmptyElement (reader) == 1)
          field_end_child (&self->field, local);
      }
      break;

    case XML_READER_TYPE_END_ELEMENT:
      if (xmlTextReaderDepth (reader) == self->field.depth)
        finish_field (self);
      else
        field_end_child (&self->field, (const char *) xmlTextReaderConstLocalName (reader));
      break;

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      field_append (&self->field, (const char *) xmlTextReaderConstValue (reader));
      break;

    default:
      break;
    }
}

/* Reading */

static gboolean
start (CohortXcriReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  if (self->input == NULL)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      GFileInputStream *input;

      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
          g_file_info_get_size (info) > COHORT_XML_MAX_FILE_SIZE)
        {
          g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: %s is a file name, %d a size in megabytes */
                       _("%s: The file is larger than %d MB; Cohort does not read files this "
                         "large."),
                       self->file_name, (int) (COHORT_XML_MAX_FILE_SIZE / (1024 * 1024)));
          return FALSE;
        }

      input = g_file_read (self->file, cancellable, &local_error);
      if (input == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                       self->file_name, local_error->message);
          return FALSE;
        }
      self->input = G_INPUT_STREAM (input);
    }

  self->stream = cohort_xml_stream_new (self->input, self->file_name, COHORT_XML_MAX_FILE_SIZE,
                                        on_stream_issue, self);

  if ((self->flags & COHORT_XCRI_READER_VALIDATE) != 0)
    {
      g_autoptr(GError) local_error = NULL;
      xmlSchemaPtr schema = cohort_xcri_schema_get (&local_error);

      if (schema == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                       self->file_name, local_error->message);
          return FALSE;
        }
      if (!cohort_xml_stream_set_schema (self->stream, schema, error))
        return FALSE;
    }

  push_frame (self, CTX_DOCUMENT, -1);

  return TRUE;
}

static void
discard_ready (CohortXcriReader *self)
{
  CohortImportRecord *record;

  while ((record = g_queue_pop_head (&self->ready)) != NULL)
    cohort_import_record_free (record);
}

/* Reads nodes until a record is ready or the document ends. */
static gboolean
fill (CohortXcriReader  *self,
      GCancellable      *cancellable,
      GError           **error)
{
  while (g_queue_is_empty (&self->ready) && !self->finished)
    {
      int ret;
      int type;
      gboolean skip = self->skip_next;

      self->skip_next = FALSE;
      ret = cohort_xml_stream_read (self->stream, skip, cancellable, error);
      if (ret < 0)
        {
          if (cohort_xml_stream_get_error_location (self->stream, &self->error_line,
                                                    &self->error_column))
            self->has_error_location = TRUE;
          return FALSE;
        }
      if (ret == 0)
        {
          self->finished = TRUE;
          if (top_frame (self)->context == CTX_DOCUMENT)
            {
              g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_WRONG_FORMAT,
                           _("%s: This is not an XCRI-CAP course catalogue: it has no "
                             "<catalog>."), self->file_name);
              return FALSE;
            }
          finish_issues (self);
          break;
        }

      type = xmlTextReaderNodeType (get_reader (self));

      if (self->field.active)
        {
          handle_field_node (self, type);
          continue;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (!handle_start (self, error))
            return FALSE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          handle_end (self);
        }
    }

  return TRUE;
}


static CohortXcriReader *
reader_new (const char            *file_name,
            CohortXcriReaderFlags  flags)
{
  CohortXcriReader *self = g_object_new (COHORT_TYPE_XCRI_READER, NULL);

  self->file_name = g_strdup (file_name);
  self->flags = flags;
  if ((flags & COHORT_XCRI_READER_NO_DUPLICATE_CHECK) == 0)
    {
      self->course_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->run_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  return self;
}

static void
cohort_xcri_reader_finalize (GObject *object)
{
  CohortXcriReader *self = (CohortXcriReader *)object;
  CohortImportRecord *record;

  g_clear_object (&self->file);
  g_clear_object (&self->input);
  g_free (self->file_name);
  g_clear_pointer (&self->stream, cohort_xml_stream_free);
  g_array_unref (self->frames);
  while ((record = g_queue_pop_head (&self->ready)) != NULL)
    cohort_import_record_free (record);
  g_hash_table_unref (self->once);
  g_ptr_array_unref (self->issues);
  g_hash_table_unref (self->namespaces);
  g_clear_pointer (&self->course_codes, g_hash_table_unref);
  g_clear_pointer (&self->run_codes, g_hash_table_unref);

  clear_field (&self->field);
  if (self->field.raw != NULL)
    g_string_free (self->field.raw, TRUE);
  g_clear_pointer ((CohortImportRecord **) &self->provider, cohort_import_record_free);
  clear_course_state (&self->course);
  g_ptr_array_unref (self->course.runs);
  clear_run_state (&self->run);
  g_ptr_array_unref (self->run.venue_names);

  G_OBJECT_CLASS (cohort_xcri_reader_parent_class)->finalize (object);
}

static void
cohort_xcri_reader_class_init (CohortXcriReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_xcri_reader_finalize;
}

static void
cohort_xcri_reader_init (CohortXcriReader *self)
{
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_queue_init (&self->ready);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_issue_free);
  self->once = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->namespaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->field.raw = g_string_new (NULL);
  self->course.runs =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_record_free);
  self->run.venue_names = g_ptr_array_new_with_free_func (g_free);
}

/**
 * cohort_xcri_reader_new:
 * @file: the catalogue to read
 * @flags: how to read it
 *
 * The file is opened by the first cohort_xcri_reader_next().
 *
 * Returns: (transfer full): a new reader
 */
CohortXcriReader *
cohort_xcri_reader_new (GFile                 *file,
                        CohortXcriReaderFlags  flags)
{
  CohortXcriReader *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  self = reader_new (name, flags);
  self->file = g_object_ref (file);

  return self;
}

/**
 * cohort_xcri_reader_new_for_stream:
 * @stream: the catalogue to read; it is read, not closed
 * @file_name: the file's name as the user knows it, for messages
 * @flags: how to read it
 *
 * Returns: (transfer full): a new reader
 */
CohortXcriReader *
cohort_xcri_reader_new_for_stream (GInputStream          *stream,
                                   const char            *file_name,
                                   CohortXcriReaderFlags  flags)
{
  CohortXcriReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = reader_new (file_name, flags);
  self->input = g_object_ref (stream);

  return self;
}

/**
 * cohort_xcri_reader_new_for_bytes:
 * @bytes: the catalogue to read
 * @file_name: a name for it, for messages
 * @flags: how to read it
 *
 * Returns: (transfer full): a new reader
 */
CohortXcriReader *
cohort_xcri_reader_new_for_bytes (GBytes                *bytes,
                                  const char            *file_name,
                                  CohortXcriReaderFlags  flags)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return cohort_xcri_reader_new_for_stream (stream, file_name, flags);
}

const char *
cohort_xcri_reader_get_file_name (CohortXcriReader *self)
{
  g_return_val_if_fail (COHORT_IS_XCRI_READER (self), NULL);

  return self->file_name;
}

/**
 * cohort_xcri_reader_next:
 * @self: a reader
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads on to the next record.  When the file is refused (not well-formed, not XCRI-CAP, too
 * large, too deep, declaring entities, or the schemas cannot be loaded for
 * %COHORT_XCRI_READER_VALIDATE), @error is set, its message reads `FILE:LINE:COLUMN: message`
 * where the problem has a place, and every record returned before must be discarded.
 *
 * Returns: (transfer full) (nullable): the next record, to free with
 *   cohort_import_record_free(); %NULL at the end of the file (@error unset) or on error
 */
CohortImportRecord *
cohort_xcri_reader_next (CohortXcriReader  *self,
                         GCancellable      *cancellable,
                         GError           **error)
{
  gboolean filled;

  g_return_val_if_fail (COHORT_IS_XCRI_READER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->failed)
    {
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                   _("%s: The file was refused."), self->file_name);
      return NULL;
    }

  if (!self->started)
    {
      self->started = TRUE;
      if (!start (self, cancellable, error))
        {
          self->failed = TRUE;
          finish_issues (self);
          return NULL;
        }
    }

  cohort_xml_stream_enter (self->stream);
  filled = fill (self, cancellable, error);
  cohort_xml_stream_leave (self->stream);

  if (!filled)
    {
      self->failed = TRUE;
      discard_ready (self);
      finish_issues (self);
      return NULL;
    }

  return g_queue_pop_head (&self->ready);
}

static CohortImportRecord *
next_record (gpointer       reader,
             GCancellable  *cancellable,
             GError       **error)
{
  return cohort_xcri_reader_next (reader, cancellable, error);
}

/**
 * cohort_xcri_reader_read_all:
 * @self: a reader
 * @out_records: (out) (transfer full) (element-type CohortImportRecord): every record, in
 *   file order
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the whole file: all of it, or (when the file is refused) none of it.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_xcri_reader_read_all (CohortXcriReader  *self,
                             GPtrArray        **out_records,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_return_val_if_fail (COHORT_IS_XCRI_READER (self), FALSE);
  g_return_val_if_fail (out_records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_records = NULL;
  return cohort_import_read_all (self, next_record, out_records, cancellable, error);
}

/**
 * cohort_xcri_reader_get_issues:
 * @self: a reader
 *
 * The warnings about the file: what the reader had to interpret or could not use.  Once the
 * whole file is read they are in file order, and a warning whose cause came back many times is
 * given once with the number of times.
 *
 * Returns: (transfer none) (element-type CohortImportIssue): the warnings so far
 */
GPtrArray *
cohort_xcri_reader_get_issues (CohortXcriReader *self)
{
  g_return_val_if_fail (COHORT_IS_XCRI_READER (self), NULL);

  return self->issues;
}

/**
 * cohort_xcri_reader_get_error_location:
 * @self: a reader
 * @line: (out) (optional): the line of the error that refused the file
 * @column: (out) (optional): its column, or 0 when not known
 *
 * Returns: %TRUE if the file was refused for an error that has a place in it
 */
gboolean
cohort_xcri_reader_get_error_location (CohortXcriReader *self,
                                       guint            *line,
                                       guint            *column)
{
  g_return_val_if_fail (COHORT_IS_XCRI_READER (self), FALSE);

  if (line != NULL)
    *line = self->has_error_location ? self->error_line : 0;
  if (column != NULL)
    *column = self->has_error_location ? self->error_column : 0;

  return self->failed && self->has_error_location;
}
