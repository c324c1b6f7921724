/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-ims"

#include "config.h"

#include "cohort-ims-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-xcri-text.h"
#include "cohort-xml-safety.h"

/**
 * CohortImsReader:
 *
 * Reads an IMS Enterprise 1.1 file (the form Moodle's IMS Enterprise enrolment plugin reads,
 * and profiles of it such as the Norwegian PIFU-IMS) as a stream of plain records, each with the
 * line and column of its element:
 *
 * - each `person` becomes a #CohortImportImsPerson (its `sourcedid/id` is the person's code;
 *   IMS gender 1 is female and 2 male);
 * - each `group` a #CohortImportImsGroup (a course run: its `sourcedid/id`, its description
 *   and its timeframe);
 * - each `role` of each `member` of a `membership` a #CohortImportImsMembership: role type 01
 *   (learner) is an enrolment, `enrolled` for IMS status 1 and `withdrawn` for status 0; role
 *   type 02 (instructor) is a trainer; 05, 06 and 08 are a coordinator, a mentor and a
 *   facilitator.
 *
 * Memory does not grow with the file, except for the identifiers of persons and groups kept to
 * find repeats.  The file is read with the same safety as any other XML file (see
 * cohort-xml-safety.h): no entity is expanded, nothing is loaded from the network, and its size
 * and depth are limited.  Elements are matched by their place and local name; the namespace of
 * `<enterprise>` (none in Moodle's files, PIFU's or IMS's own) is the file's, and elements in
 * another namespace are left out with a warning.  What the reader had to interpret or could not
 * use becomes a #CohortImportIssue; a record that cannot be imported comes back with its reason
 * in #CohortImportRecord.rejected.
 */

#define MAX_ISSUES 10000
#define MAX_ONCE_KEYS 2000

typedef enum
{
  EL_OTHER,
  EL_ENTERPRISE,
  EL_PROPERTIES,
  EL_PERSON,
  EL_GROUP,
  EL_MEMBERSHIP,
  EL_MEMBER,
  EL_ROLE,
  EL_SOURCEDID,
  EL_SOURCE,
  EL_ID,
  EL_USERID,
  EL_NAME,
  EL_FN,
  EL_N,
  EL_FAMILY,
  EL_GIVEN,
  EL_EMAIL,
  EL_DEMOGRAPHICS,
  EL_GENDER,
  EL_BDAY,
  EL_DESCRIPTION,
  EL_SHORT,
  EL_LONG,
  EL_FULL,
  EL_TIMEFRAME,
  EL_BEGIN,
  EL_END,
  EL_STATUS,
  EL_IDTYPE,
} Element;

static const struct
{
  const char *name;
  Element     element;
} known_elements[] = {
  { "enterprise", EL_ENTERPRISE },
  { "properties", EL_PROPERTIES },
  { "person", EL_PERSON },
  { "group", EL_GROUP },
  { "membership", EL_MEMBERSHIP },
  { "member", EL_MEMBER },
  { "role", EL_ROLE },
  { "sourcedid", EL_SOURCEDID },
  { "source", EL_SOURCE },
  { "id", EL_ID },
  { "userid", EL_USERID },
  { "name", EL_NAME },
  { "fn", EL_FN },
  { "n", EL_N },
  { "family", EL_FAMILY },
  { "given", EL_GIVEN },
  { "email", EL_EMAIL },
  { "demographics", EL_DEMOGRAPHICS },
  { "gender", EL_GENDER },
  { "bday", EL_BDAY },
  { "description", EL_DESCRIPTION },
  { "short", EL_SHORT },
  { "long", EL_LONG },
  { "full", EL_FULL },
  { "timeframe", EL_TIMEFRAME },
  { "begin", EL_BEGIN },
  { "end", EL_END },
  { "status", EL_STATUS },
  { "idtype", EL_IDTYPE },
};

/* Namespaces that IMS Enterprise files are written in. */
static const char * const known_namespaces[] = {
  "http://www.imsglobal.org/xsd/imsep_rootv1p01",
  "http://www.imsproject.org/xsd/imsep_rootv1p01",
  "http://pifu.no/xsd/pifu-ims_sas/pifu-ims_sas-v1",
};

/* How good a `sourcedid` is, by its `sourcedidtype`: a new identifier wins over an old one. */
typedef enum
{
  RANK_NONE,
  RANK_OLD,
  RANK_DUPLICATE,
  RANK_PLAIN,
  RANK_NEW,
} Rank;

typedef struct
{
  CohortImportIssue *issue;  /* owned by the issues array */
  guint              count;
} Once;

typedef struct
{
  Rank  rank;      /* of the sourcedid being read */
  char *source;    /* of the sourcedid being read */
  char *id;        /* of the sourcedid being read */
} SourcedId;

typedef struct
{
  guint    line;
  guint    column;
  char    *roletype;
  gboolean deleted;
  char    *status;
  char    *start_date;
  char    *end_date;
} RoleState;

struct _CohortImsReader
{
  GObject                    parent_instance;

  GFile                     *file;
  GInputStream              *input;
  char                      *file_name;
  CohortXmlStream           *stream;

  gboolean                   started;
  gboolean                   finished;
  gboolean                   failed;
  gboolean                   issues_finished;
  gboolean                   has_error_location;
  guint                      error_line;
  guint                      error_column;

  GArray                    *path;        /* Element, from <enterprise> down */
  const xmlChar             *namespace;   /* of <enterprise>, interned; NULL for none */
  GString                   *text;
  gboolean                   text_overflow;
  GQueue                     ready;       /* CohortImportRecord, to hand out */

  GPtrArray                 *issues;      /* CohortImportIssue */
  GHashTable                *once;        /* key -> Once */
  guint                      n_suppressed;
  GHashTable                *person_codes;  /* code -> line */
  GHashTable                *group_codes;   /* code -> line */

  /* The record being read. */
  CohortImportImsPerson     *person;
  Rank                       person_rank;
  gboolean                   person_userid_typed;
  CohortImportImsGroup      *group;
  Rank                       group_rank;
  SourcedId                  sourcedid;

  /* The membership being read. */
  gboolean                   in_membership;
  char                      *membership_group;
  gboolean                   in_member;
  char                      *member_code;
  char                      *member_idtype;
  guint                      member_line;
  guint                      member_column;
  guint                      member_n_roles;
  gboolean                   in_role;
  RoleState                  role;
};

G_DEFINE_FINAL_TYPE (CohortImsReader, cohort_ims_reader, G_TYPE_OBJECT)

/* Warnings */

static void
warn (CohortImsReader       *self,
      CohortImportIssueKind  kind,
      guint                  line,
      guint                  column,
      const char            *message)
{
  if (self->issues->len >= MAX_ISSUES)
    {
      self->n_suppressed++;
      return;
    }

  g_ptr_array_add (self->issues, cohort_import_issue_new (kind, line, column, message));
}

/* A warning given once for the whole file, with the number of times at the end. */
static void
warn_once (CohortImsReader       *self,
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
finish_issues (CohortImsReader *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->issues_finished)
    return;
  self->issues_finished = TRUE;

  g_hash_table_iter_init (&iter, self->once);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Once *once = value;

      if (once->count > 1)
        {
          char *message;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s (and once more later in the file)",
                                                  "%s (and %u more times later in the file)",
                                                  once->count - 1),
                                     once->issue->message, once->count - 1);
          g_free (once->issue->message);
          once->issue->message = message;
        }
      once->count = 1;
    }

  if (self->n_suppressed > 0)
    {
      char *message;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u more warning was left out.",
                                              "%u more warnings were left out.",
                                              self->n_suppressed),
                                 self->n_suppressed);
      g_ptr_array_add (self->issues,
                       cohort_import_issue_new (COHORT_IMPORT_ISSUE_VALUE, 0, 0, message));
      g_free (message);
      self->n_suppressed = 0;
    }

  g_ptr_array_sort (self->issues, cohort_import_issue_compare);
}

static void
on_stream_issue (CohortImportIssueKind  kind,
                 guint                  line,
                 guint                  column,
                 const char            *message,
                 gpointer               user_data)
{
  CohortImsReader *self = user_data;
  g_autofree char *key = g_strconcat ("stream:", message, NULL);

  warn_once (self, key, kind, line, column, message);
}

/* Positions, names, values */

static xmlTextReaderPtr
get_reader (CohortImsReader *self)
{
  return cohort_xml_stream_get_reader (self->stream);
}

static void
get_position (CohortImsReader *self,
              guint           *line,
              guint           *column)
{
  cohort_xml_stream_get_position (self->stream, line, column);
}

static char *
dup_attribute (CohortImsReader *self,
               const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (get_reader (self), (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = cohort_xcri_text_dup_line ((const char *) value);
  xmlFree (value);

  return copy;
}

static Element
classify (const char *local_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    {
      if (strcmp (known_elements[i].name, local_name) == 0)
        return known_elements[i].element;
    }

  return EL_OTHER;
}

static gboolean
path_is (CohortImsReader *self,
         guint            n,
         ...)
{
  va_list args;
  gboolean same = TRUE;

  if (self->path->len != n)
    return FALSE;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      Element expected = va_arg (args, Element);

      if (g_array_index (self->path, Element, i) != expected)
        {
          same = FALSE;
          break;
        }
    }
  va_end (args);

  return same;
}

/* The text of the element just ended, on one line, or NULL when empty. */
static char *
dup_text (CohortImsReader *self)
{
  char *line = cohort_xcri_text_dup_line (self->text->str);

  if (line[0] == '\0')
    g_clear_pointer (&line, g_free);

  return line;
}

static void
set_first (char **field,
           char  *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

/* A date as `YYYY-MM-DD`, from a date or a date-time; NULL (with a warning) otherwise. */
static char *
read_date (CohortImsReader *self,
           const char      *text,
           const char      *what)
{
  guint line, column;
  g_autofree char *message = NULL;

  if (text == NULL)
    return NULL;

  if (strlen (text) >= 10 && (text[10] == '\0' || text[10] == 'T' || text[10] == ' ') &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && text[4] == '-' && g_ascii_isdigit (text[5]) &&
      g_ascii_isdigit (text[6]) && text[7] == '-' && g_ascii_isdigit (text[8]) &&
      g_ascii_isdigit (text[9]))
    {
      guint year = (guint) g_ascii_strtoull (text, NULL, 10);
      guint month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
      guint day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

      if (year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return g_strndup (text, 10);
    }

  get_position (self, &line, &column);
  /* Translators: the first %s is what the date is (a birth date, a start date). */
  message = g_strdup_printf (_("The %s “%s” is not a date of the form YYYY-MM-DD; it was left "
                               "out."), what, text);
  warn (self, COHORT_IMPORT_ISSUE_VALUE, line, column, message);

  return NULL;
}

/* Records */

static void
clear_sourcedid (SourcedId *sourcedid)
{
  sourcedid->rank = RANK_NONE;
  g_clear_pointer (&sourcedid->source, g_free);
  g_clear_pointer (&sourcedid->id, g_free);
}

static Rank
rank_for_type (const char *type)
{
  if (type == NULL)
    return RANK_PLAIN;
  if (g_ascii_strcasecmp (type, "New") == 0)
    return RANK_NEW;
  if (g_ascii_strcasecmp (type, "Old") == 0)
    return RANK_OLD;
  if (g_ascii_strcasecmp (type, "Duplicate") == 0)
    return RANK_DUPLICATE;
  return RANK_PLAIN;
}

static void
clear_role (RoleState *role)
{
  g_clear_pointer (&role->roletype, g_free);
  g_clear_pointer (&role->status, g_free);
  g_clear_pointer (&role->start_date, g_free);
  g_clear_pointer (&role->end_date, g_free);
  role->deleted = FALSE;
  role->line = 0;
  role->column = 0;
}

static gboolean
is_deleted (CohortImsReader *self)
{
  g_autofree char *recstatus = dup_attribute (self, "recstatus");

  return g_strcmp0 (recstatus, "3") == 0;
}

static void
reject_repeat (CohortImsReader    *self,
               GHashTable         *codes,
               const char         *code,
               CohortImportRecord *record)
{
  gpointer earlier;

  if (code == NULL || codes == NULL)
    return;

  if (g_hash_table_lookup_extended (codes, code, NULL, &earlier))
    {
      g_autofree char *reason = NULL;

      if (record->kind == COHORT_IMPORT_RECORD_IMS_PERSON)
        reason = g_strdup_printf (_("A person earlier in the file (line %u) has the same "
                                    "identifier."), GPOINTER_TO_UINT (earlier));
      else
        reason = g_strdup_printf (_("A group earlier in the file (line %u) has the same "
                                    "identifier."), GPOINTER_TO_UINT (earlier));

      cohort_import_record_reject (record, reason);
      return;
    }

  g_hash_table_insert (codes, g_strdup (code), GUINT_TO_POINTER (record->line));
}

static void
begin_person (CohortImsReader *self)
{
  guint line, column;

  get_position (self, &line, &column);
  self->person = (CohortImportImsPerson *)
    cohort_import_record_new (COHORT_IMPORT_RECORD_IMS_PERSON, line, column);
  self->person->deleted = is_deleted (self);
  self->person_rank = RANK_NONE;
  self->person_userid_typed = FALSE;
}

static void
end_person (CohortImsReader *self)
{
  CohortImportImsPerson *person = g_steal_pointer (&self->person);
  CohortImportRecord *record = &person->record;

  if (person->code == NULL)
    cohort_import_record_reject (record, _("The person has no identifier (sourcedid/id)."));
  else if (person->deleted)
    cohort_import_record_reject (record, _("The file asks for this person to be deleted; "
                                           "Cohort never deletes anyone on import."));
  else if (person->family_name == NULL && person->given_name == NULL &&
           person->full_name == NULL)
    cohort_import_record_reject (record, _("The person has no name."));

  if (person->code != NULL)
    reject_repeat (self, self->person_codes, person->code, record);

  g_queue_push_tail (&self->ready, record);
}

static void
begin_group (CohortImsReader *self)
{
  guint line, column;

  get_position (self, &line, &column);
  self->group = (CohortImportImsGroup *)
    cohort_import_record_new (COHORT_IMPORT_RECORD_IMS_GROUP, line, column);
  self->group->deleted = is_deleted (self);
  self->group_rank = RANK_NONE;
}

static void
end_group (CohortImsReader *self)
{
  CohortImportImsGroup *group = g_steal_pointer (&self->group);
  CohortImportRecord *record = &group->record;

  if (group->code == NULL)
    cohort_import_record_reject (record, _("The group has no identifier (sourcedid/id)."));
  else if (group->deleted)
    cohort_import_record_reject (record, _("The file asks for this group to be deleted; "
                                           "Cohort never deletes a course run on import."));

  if (group->start_date != NULL && group->end_date != NULL &&
      strcmp (group->end_date, group->start_date) < 0)
    warn (self, COHORT_IMPORT_ISSUE_VALUE, record->line, record->column,
          _("The group ends before it begins; its end date was left out."));
  if (group->start_date != NULL && group->end_date != NULL &&
      strcmp (group->end_date, group->start_date) < 0)
    g_clear_pointer (&group->end_date, g_free);

  if (group->code != NULL)
    reject_repeat (self, self->group_codes, group->code, record);

  g_queue_push_tail (&self->ready, record);
}

static const char *
role_for_roletype (const char *roletype)
{
  static const struct { const char *type; const char *role; } roles[] = {
    { "01", "learner" },
    { "02", "trainer" },
    { "05", "coordinator" },
    { "06", "mentor" },
    { "08", "facilitator" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (g_strcmp0 (roletype, roles[i].type) == 0)
        return roles[i].role;
    }

  return NULL;
}

/* One role of the current member becomes one record. */
static void
emit_membership (CohortImsReader *self,
                 RoleState       *role)
{
  CohortImportImsMembership *membership;
  CohortImportRecord *record;
  const char *roletype = role->roletype != NULL ? role->roletype : "01";

  membership = (CohortImportImsMembership *)
    cohort_import_record_new (COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
                              role->line > 0 ? role->line : self->member_line,
                              role->line > 0 ? role->column : self->member_column);
  record = &membership->record;
  membership->group_code = g_strdup (self->membership_group);
  membership->person_code = g_strdup (self->member_code);
  membership->roletype = g_strdup (roletype);
  membership->role = g_strdup (role_for_roletype (roletype));
  membership->start_date = g_strdup (role->start_date);
  membership->end_date = g_strdup (role->end_date);

  if (role->status == NULL || strcmp (role->status, "1") == 0)
    {
      membership->active = TRUE;
    }
  else if (strcmp (role->status, "0") == 0)
    {
      membership->active = FALSE;
    }
  else
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The membership status “%s” is neither 1 (active) nor 0 "
                                   "(inactive); it was read as active."), role->status);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, record->line, record->column, message);
      membership->active = TRUE;
    }

  if (role->deleted)
    membership->active = FALSE;

  if (g_strcmp0 (membership->role, "learner") == 0)
    membership->status = g_strdup (membership->active ? "enrolled" : "withdrawn");

  if (membership->group_code == NULL)
    cohort_import_record_reject (record, _("The membership does not say which group it is "
                                           "for (sourcedid/id)."));
  else if (membership->person_code == NULL)
    cohort_import_record_reject (record, _("The member has no identifier (sourcedid/id)."));
  else if (self->member_idtype != NULL && strcmp (self->member_idtype, "2") == 0)
    cohort_import_record_reject (record, _("The member is a group, not a person; Cohort has "
                                           "no place for groups inside groups."));
  else if (membership->role == NULL)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("The role type “%s” has no counterpart in Cohort (01 learner, "
                                  "02 instructor, 05 manager, 06 mentor and 08 teaching "
                                  "assistant are read)."), roletype);
      cohort_import_record_reject (record, reason);
    }

  g_queue_push_tail (&self->ready, record);
}

/* Elements */

static void
handle_start (CohortImsReader *self)
{
  guint n = self->path->len;

  if (path_is (self, 2, EL_ENTERPRISE, EL_PERSON))
    begin_person (self);
  else if (path_is (self, 2, EL_ENTERPRISE, EL_GROUP))
    begin_group (self);
  else if (path_is (self, 2, EL_ENTERPRISE, EL_MEMBERSHIP))
    {
      self->in_membership = TRUE;
      g_clear_pointer (&self->membership_group, g_free);
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER))
    {
      self->in_member = TRUE;
      self->member_n_roles = 0;
      g_clear_pointer (&self->member_code, g_free);
      g_clear_pointer (&self->member_idtype, g_free);
      get_position (self, &self->member_line, &self->member_column);
    }
  else if (path_is (self, 4, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_ROLE))
    {
      self->in_role = TRUE;
      clear_role (&self->role);
      get_position (self, &self->role.line, &self->role.column);
      self->role.roletype = dup_attribute (self, "roletype");
      self->role.deleted = is_deleted (self);
    }
  else if (path_is (self, 4, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_IDTYPE))
    {
      /* Moodle's examples write <idtype idtype="1"/>; the specification <idtype>1</idtype>. */
      set_first (&self->member_idtype, dup_attribute (self, "idtype"));
    }
  else if (n >= 3 && g_array_index (self->path, Element, n - 1) == EL_SOURCEDID)
    {
      g_autofree char *type = dup_attribute (self, "sourcedidtype");

      clear_sourcedid (&self->sourcedid);
      self->sourcedid.rank = rank_for_type (type);
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_PERSON, EL_USERID) && self->person != NULL)
    {
      g_autofree char *type = dup_attribute (self, "useridtype");

      /* PIFU gives several: the user name is the one to keep. */
      if (g_strcmp0 (type, "username") == 0 && !self->person_userid_typed)
        {
          self->person_userid_typed = TRUE;
          g_clear_pointer (&self->person->userid, g_free);
        }
    }
}

static void
take_sourcedid (CohortImsReader *self,
                char           **code,
                char           **source,
                Rank            *rank)
{
  if (self->sourcedid.id == NULL || self->sourcedid.rank <= *rank)
    return;

  *rank = self->sourcedid.rank;
  g_free (*code);
  *code = g_steal_pointer (&self->sourcedid.id);
  g_free (*source);
  *source = g_steal_pointer (&self->sourcedid.source);
}

static void
read_gender (CohortImsReader *self,
             char            *text)
{
  g_autofree char *value = text;

  if (value == NULL || strcmp (value, "0") == 0)
    return;

  if (strcmp (value, "1") == 0)
    {
      set_first (&self->person->gender, g_strdup ("female"));
    }
  else if (strcmp (value, "2") == 0)
    {
      set_first (&self->person->gender, g_strdup ("male"));
    }
  else
    {
      g_autofree char *message = NULL;
      guint line, column;

      get_position (self, &line, &column);
      message = g_strdup_printf (_("The gender “%s” is none of IMS’s 0 (unknown), 1 (female) "
                                   "and 2 (male); it was left out."), value);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, line, column, message);
    }
}

static void
handle_end (CohortImsReader *self)
{
  Element element = g_array_index (self->path, Element, self->path->len - 1);

  /* The sourcedid of a person, a group, a membership or a member. */
  if (self->path->len >= 4 &&
      g_array_index (self->path, Element, self->path->len - 2) == EL_SOURCEDID &&
      (element == EL_ID || element == EL_SOURCE))
    {
      if (element == EL_ID)
        set_first (&self->sourcedid.id, dup_text (self));
      else
        set_first (&self->sourcedid.source, dup_text (self));
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_PERSON, EL_SOURCEDID) && self->person != NULL)
    {
      take_sourcedid (self, &self->person->code, &self->person->source, &self->person_rank);
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_GROUP, EL_SOURCEDID) && self->group != NULL)
    {
      take_sourcedid (self, &self->group->code, &self->group->source, &self->group_rank);
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_MEMBERSHIP, EL_SOURCEDID))
    {
      set_first (&self->membership_group, g_steal_pointer (&self->sourcedid.id));
    }
  else if (path_is (self, 4, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_SOURCEDID))
    {
      set_first (&self->member_code, g_steal_pointer (&self->sourcedid.id));
    }
  else if (self->person != NULL && self->path->len >= 3)
    {
      if (path_is (self, 3, EL_ENTERPRISE, EL_PERSON, EL_USERID))
        set_first (&self->person->userid, dup_text (self));
      else if (path_is (self, 4, EL_ENTERPRISE, EL_PERSON, EL_NAME, EL_FN))
        set_first (&self->person->full_name, dup_text (self));
      else if (path_is (self, 5, EL_ENTERPRISE, EL_PERSON, EL_NAME, EL_N, EL_FAMILY))
        set_first (&self->person->family_name, dup_text (self));
      else if (path_is (self, 5, EL_ENTERPRISE, EL_PERSON, EL_NAME, EL_N, EL_GIVEN))
        set_first (&self->person->given_name, dup_text (self));
      else if (path_is (self, 3, EL_ENTERPRISE, EL_PERSON, EL_EMAIL))
        set_first (&self->person->email, dup_text (self));
      else if (path_is (self, 4, EL_ENTERPRISE, EL_PERSON, EL_DEMOGRAPHICS, EL_GENDER))
        read_gender (self, dup_text (self));
      else if (path_is (self, 4, EL_ENTERPRISE, EL_PERSON, EL_DEMOGRAPHICS, EL_BDAY))
        {
          g_autofree char *text = dup_text (self);

          set_first (&self->person->birth_date, read_date (self, text, _("birth date")));
        }
    }
  else if (self->group != NULL && self->path->len >= 4)
    {
      if (path_is (self, 4, EL_ENTERPRISE, EL_GROUP, EL_DESCRIPTION, EL_SHORT))
        set_first (&self->group->title, dup_text (self));
      else if (path_is (self, 4, EL_ENTERPRISE, EL_GROUP, EL_DESCRIPTION, EL_LONG))
        set_first (&self->group->long_title, dup_text (self));
      else if (path_is (self, 4, EL_ENTERPRISE, EL_GROUP, EL_DESCRIPTION, EL_FULL))
        {
          char *text = cohort_xcri_text_dup_paragraphs (self->text->str);

          if (text != NULL && text[0] == '\0')
            g_clear_pointer (&text, g_free);
          set_first (&self->group->description, text);
        }
      else if (path_is (self, 4, EL_ENTERPRISE, EL_GROUP, EL_TIMEFRAME, EL_BEGIN))
        {
          g_autofree char *text = dup_text (self);

          set_first (&self->group->start_date, read_date (self, text, _("start date")));
        }
      else if (path_is (self, 4, EL_ENTERPRISE, EL_GROUP, EL_TIMEFRAME, EL_END))
        {
          g_autofree char *text = dup_text (self);

          set_first (&self->group->end_date, read_date (self, text, _("end date")));
        }
    }
  else if (self->in_role)
    {
      if (path_is (self, 5, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_ROLE, EL_STATUS))
        set_first (&self->role.status, dup_text (self));
      else if (path_is (self, 6, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_ROLE,
                        EL_TIMEFRAME, EL_BEGIN))
        {
          g_autofree char *text = dup_text (self);

          set_first (&self->role.start_date, read_date (self, text, _("start date")));
        }
      else if (path_is (self, 6, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_ROLE,
                        EL_TIMEFRAME, EL_END))
        {
          g_autofree char *text = dup_text (self);

          set_first (&self->role.end_date, read_date (self, text, _("end date")));
        }
    }
  else if (path_is (self, 4, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_IDTYPE))
    {
      set_first (&self->member_idtype, dup_text (self));
    }

  /* The end of a record or a part of one. */
  if (path_is (self, 4, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER, EL_ROLE) && self->in_role)
    {
      self->in_role = FALSE;
      self->member_n_roles++;
      emit_membership (self, &self->role);
      clear_role (&self->role);
    }
  else if (path_is (self, 3, EL_ENTERPRISE, EL_MEMBERSHIP, EL_MEMBER) && self->in_member)
    {
      self->in_member = FALSE;
      if (self->member_n_roles == 0)
        {
          /* As Moodle does: a member without a role is an active learner. */
          clear_role (&self->role);
          emit_membership (self, &self->role);
        }
    }
  else if (path_is (self, 2, EL_ENTERPRISE, EL_MEMBERSHIP))
    {
      self->in_membership = FALSE;
      g_clear_pointer (&self->membership_group, g_free);
    }
  else if (path_is (self, 2, EL_ENTERPRISE, EL_PERSON) && self->person != NULL)
    {
      end_person (self);
    }
  else if (path_is (self, 2, EL_ENTERPRISE, EL_GROUP) && self->group != NULL)
    {
      end_group (self);
    }
}

/* Elements Cohort reads nothing from, said once per name where a record's own child is. */
static void
note_unused (CohortImsReader *self,
             const char      *qname)
{
  Element parent;
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;
  guint line, column;

  if (self->path->len < 2 || self->path->len > 4)
    return;

  parent = g_array_index (self->path, Element, self->path->len - 1);
  if (parent != EL_PERSON && parent != EL_GROUP && parent != EL_MEMBER && parent != EL_ROLE &&
      parent != EL_ENTERPRISE)
    return;

  get_position (self, &line, &column);
  key = g_strconcat ("unused:", qname, NULL);
  message = g_strdup_printf (_("Cohort has no place for <%s>; it was left out."), qname);
  warn_once (self, key, COHORT_IMPORT_ISSUE_UNUSED, line, column, message);
}

static gboolean
known_child (CohortImsReader *self,
             Element          element)
{
  Element parent = g_array_index (self->path, Element, self->path->len - 1);

  switch (element)
    {
    case EL_PROPERTIES:
    case EL_PERSON:
    case EL_GROUP:
    case EL_MEMBERSHIP:
      return parent == EL_ENTERPRISE;
    case EL_SOURCEDID:
      return parent == EL_PERSON || parent == EL_GROUP || parent == EL_MEMBERSHIP ||
             parent == EL_MEMBER;
    case EL_SOURCE:
    case EL_ID:
      return parent == EL_SOURCEDID;
    case EL_USERID:
    case EL_NAME:
    case EL_EMAIL:
    case EL_DEMOGRAPHICS:
      return parent == EL_PERSON;
    case EL_FN:
    case EL_N:
      return parent == EL_NAME;
    case EL_FAMILY:
    case EL_GIVEN:
      return parent == EL_N;
    case EL_GENDER:
    case EL_BDAY:
      return parent == EL_DEMOGRAPHICS;
    case EL_DESCRIPTION:
      return parent == EL_GROUP;
    case EL_SHORT:
    case EL_LONG:
    case EL_FULL:
      return parent == EL_DESCRIPTION;
    case EL_TIMEFRAME:
      return parent == EL_GROUP || parent == EL_ROLE;
    case EL_BEGIN:
    case EL_END:
      return parent == EL_TIMEFRAME;
    case EL_MEMBER:
      return parent == EL_MEMBERSHIP;
    case EL_ROLE:
    case EL_IDTYPE:
      return parent == EL_MEMBER;
    case EL_STATUS:
      return parent == EL_ROLE;
    case EL_ENTERPRISE:
    case EL_OTHER:
    default:
      return FALSE;
    }
}

static gboolean
start_root (CohortImsReader  *self,
            GError          **error)
{
  xmlTextReaderPtr reader = get_reader (self);
  const char *local = (const char *) xmlTextReaderConstLocalName (reader);
  const xmlChar *uri = xmlTextReaderConstNamespaceUri (reader);

  if (local == NULL || strcmp (local, "enterprise") != 0)
    {
      guint line, column;

      get_position (self, &line, &column);
      self->has_error_location = TRUE;
      self->error_line = line;
      self->error_column = column;
      g_set_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_WRONG_FORMAT,
                   _("%s:%u:%u: This is not an IMS Enterprise file: it begins with <%s>, not "
                     "<enterprise>."),
                   self->file_name, line, column, local != NULL ? local : "");
      return FALSE;
    }

  self->namespace = uri != NULL ? xmlTextReaderConstString (reader, uri) : NULL;

  if (uri != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
        known = known || strcmp ((const char *) uri, known_namespaces[i]) == 0;

      if (!known)
        {
          g_autofree char *message = NULL;
          guint line, column;

          get_position (self, &line, &column);
          message = g_strdup_printf (_("The file’s namespace %s is not one of IMS Enterprise’s; "
                                       "it was read as IMS Enterprise 1.1 all the same."),
                                     (const char *) uri);
          warn (self, COHORT_IMPORT_ISSUE_NAMESPACE, line, column, message);
        }
    }

  return TRUE;
}

static void
push (CohortImsReader *self,
      Element          element)
{
  g_array_append_val (self->path, element);
  g_string_truncate (self->text, 0);
  self->text_overflow = FALSE;
}

static void
append_text (CohortImsReader *self)
{
  const char *value = (const char *) xmlTextReaderConstValue (get_reader (self));
  gsize len;

  if (value == NULL || self->text_overflow)
    return;

  len = strlen (value);
  if (self->text->len + len > COHORT_XML_MAX_FIELD_LENGTH)
    {
      guint line, column;

      self->text_overflow = TRUE;
      get_position (self, &line, &column);
      warn (self, COHORT_IMPORT_ISSUE_VALUE, line, column,
            _("A text is longer than 1 MB; only its beginning was read."));
      len = COHORT_XML_MAX_FIELD_LENGTH - self->text->len;
      while (len > 0 && (value[len] & 0xC0) == 0x80)
        len--;
    }

  g_string_append_len (self->text, value, (gssize) len);
}

/* Reads nodes until a record is ready or the document ends. */
static gboolean
fill (CohortImsReader  *self,
      GCancellable     *cancellable,
      GError          **error)
{
  while (g_queue_is_empty (&self->ready) && !self->finished)
    {
      xmlTextReaderPtr reader;
      int ret;
      int type;

      ret = cohort_xml_stream_read (self->stream, FALSE, cancellable, error);
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
          break;
        }

      reader = get_reader (self);
      type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
          const xmlChar *uri = xmlTextReaderConstNamespaceUri (reader);
          const char *local = (const char *) xmlTextReaderConstLocalName (reader);
          Element element;

          if (self->path->len == 0)
            {
              if (!start_root (self, error))
                return FALSE;
              element = EL_ENTERPRISE;
            }
          else
            {
              gboolean same_namespace;

              if (uri != NULL)
                uri = xmlTextReaderConstString (reader, uri);
              same_namespace = uri == self->namespace;
              element = same_namespace ? classify (local) : EL_OTHER;

              if (element != EL_OTHER && !known_child (self, element))
                element = EL_OTHER;

              if (element == EL_OTHER)
                {
                  if (same_namespace)
                    {
                      note_unused (self, (const char *) xmlTextReaderConstName (reader));
                    }
                  else if (self->path->len <= 4)
                    {
                      g_autofree char *key = NULL;
                      g_autofree char *message = NULL;
                      guint line, column;

                      get_position (self, &line, &column);
                      key = g_strconcat ("namespace:", uri != NULL ? (const char *) uri : "",
                                         NULL);
                      message = g_strdup_printf (_("<%s> is in the namespace %s, not the file’s; "
                                                   "it was left out."),
                                                 (const char *) xmlTextReaderConstName (reader),
                                                 uri != NULL ? (const char *) uri
                                                             : _("(none)"));
                      warn_once (self, key, COHORT_IMPORT_ISSUE_NAMESPACE, line, column,
                                 message);
                    }
                }
            }

          push (self, element);
          handle_start (self);
          if (empty)
            {
              handle_end (self);
              g_array_set_size (self->path, self->path->len - 1);
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (self->path->len > 0)
            {
              handle_end (self);
              g_array_set_size (self->path, self->path->len - 1);
              g_string_truncate (self->text, 0);
            }
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_WHITESPACE)
        {
          if (self->path->len > 0)
            append_text (self);
        }
    }

  return TRUE;
}

static gboolean
start (CohortImsReader  *self,
       GCancellable     *cancellable,
       GError          **error)
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

  return TRUE;
}

static void
discard_ready (CohortImsReader *self)
{
  CohortImportRecord *record;

  while ((record = g_queue_pop_head (&self->ready)) != NULL)
    cohort_import_record_free (record);
}

static CohortImsReader *
reader_new (const char *file_name)
{
  CohortImsReader *self = g_object_new (COHORT_TYPE_IMS_READER, NULL);

  self->file_name = g_strdup (file_name);

  return self;
}

static void
cohort_ims_reader_finalize (GObject *object)
{
  CohortImsReader *self = (CohortImsReader *)object;

  discard_ready (self);
  g_clear_object (&self->file);
  g_clear_object (&self->input);
  g_free (self->file_name);
  g_clear_pointer (&self->stream, cohort_xml_stream_free);
  g_array_unref (self->path);
  g_string_free (self->text, TRUE);
  g_hash_table_unref (self->once);
  g_ptr_array_unref (self->issues);
  g_hash_table_unref (self->person_codes);
  g_hash_table_unref (self->group_codes);
  g_clear_pointer ((CohortImportRecord **) &self->person, cohort_import_record_free);
  g_clear_pointer ((CohortImportRecord **) &self->group, cohort_import_record_free);
  clear_sourcedid (&self->sourcedid);
  g_free (self->membership_group);
  g_free (self->member_code);
  g_free (self->member_idtype);
  clear_role (&self->role);

  G_OBJECT_CLASS (cohort_ims_reader_parent_class)->finalize (object);
}

static void
cohort_ims_reader_class_init (CohortImsReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_ims_reader_finalize;
}

static void
cohort_ims_reader_init (CohortImsReader *self)
{
  self->path = g_array_new (FALSE, FALSE, sizeof (Element));
  self->text = g_string_new (NULL);
  g_queue_init (&self->ready);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_issue_free);
  self->once = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->person_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->group_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cohort_ims_reader_new:
 * @file: the IMS Enterprise file to read
 *
 * The file is opened by the first cohort_ims_reader_next().
 *
 * Returns: (transfer full): a new reader
 */
CohortImsReader *
cohort_ims_reader_new (GFile *file)
{
  CohortImsReader *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  self = reader_new (name);
  self->file = g_object_ref (file);

  return self;
}

/**
 * cohort_ims_reader_new_for_stream:
 * @stream: the file to read; it is read, not closed
 * @file_name: the file's name as the user knows it, for messages
 *
 * Returns: (transfer full): a new reader
 */
CohortImsReader *
cohort_ims_reader_new_for_stream (GInputStream *stream,
                                  const char   *file_name)
{
  CohortImsReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = reader_new (file_name);
  self->input = g_object_ref (stream);

  return self;
}

/**
 * cohort_ims_reader_new_for_bytes:
 * @bytes: the file's contents
 * @file_name: a name for it, for messages
 *
 * Returns: (transfer full): a new reader
 */
CohortImsReader *
cohort_ims_reader_new_for_bytes (GBytes     *bytes,
                                 const char *file_name)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return cohort_ims_reader_new_for_stream (stream, file_name);
}

const char *
cohort_ims_reader_get_file_name (CohortImsReader *self)
{
  g_return_val_if_fail (COHORT_IS_IMS_READER (self), NULL);

  return self->file_name;
}

/**
 * cohort_ims_reader_next:
 * @self: a reader
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads on to the next record.  When the file is refused (not well-formed, not IMS Enterprise,
 * too large, too deep, declaring entities), @error is set, its message reads
 * `FILE:LINE:COLUMN: message` where the problem has a place, and every record returned before
 * must be discarded.
 *
 * Returns: (transfer full) (nullable): the next record, to free with
 *   cohort_import_record_free(); %NULL at the end of the file (@error unset) or on error
 */
CohortImportRecord *
cohort_ims_reader_next (CohortImsReader  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  gboolean filled;

  g_return_val_if_fail (COHORT_IS_IMS_READER (self), NULL);
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

  if (g_queue_is_empty (&self->ready) && self->finished)
    {
      finish_issues (self);
      return NULL;
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

  if (self->finished && g_queue_is_empty (&self->ready))
    finish_issues (self);

  return g_queue_pop_head (&self->ready);
}

static CohortImportRecord *
next_record (gpointer       reader,
             GCancellable  *cancellable,
             GError       **error)
{
  return cohort_ims_reader_next (reader, cancellable, error);
}

/**
 * cohort_ims_reader_read_all:
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
cohort_ims_reader_read_all (CohortImsReader  *self,
                            GPtrArray       **out_records,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_return_val_if_fail (COHORT_IS_IMS_READER (self), FALSE);
  g_return_val_if_fail (out_records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_records = NULL;
  return cohort_import_read_all (self, next_record, out_records, cancellable, error);
}

/**
 * cohort_ims_reader_get_issues:
 * @self: a reader
 *
 * The warnings about the file.  Once the whole file is read they are in file order, and a
 * warning whose cause came back many times is given once with the number of times.
 *
 * Returns: (transfer none) (element-type CohortImportIssue): the warnings so far
 */
GPtrArray *
cohort_ims_reader_get_issues (CohortImsReader *self)
{
  g_return_val_if_fail (COHORT_IS_IMS_READER (self), NULL);

  return self->issues;
}

/**
 * cohort_ims_reader_get_error_location:
 * @self: a reader
 * @line: (out) (optional): the line of the error that refused the file
 * @column: (out) (optional): its column, or 0 when not known
 *
 * Returns: %TRUE if the file was refused for an error that has a place in it
 */
gboolean
cohort_ims_reader_get_error_location (CohortImsReader *self,
                                      guint           *line,
                                      guint           *column)
{
  g_return_val_if_fail (COHORT_IS_IMS_READER (self), FALSE);

  if (line != NULL)
    *line = self->has_error_location ? self->error_line : 0;
  if (column != NULL)
    *column = self->has_error_location ? self->error_column : 0;

  return self->failed && self->has_error_location;
}
