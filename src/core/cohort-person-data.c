/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-person-data"

#include "config.h"

#include "cohort-person-data.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cohort-database-private.h"
#include "cohort-json.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/*
 * "Everything we hold on this person": the person's own row, their other nationalities, every
 * enrolment (with the course and run), placement (with the organisations), career record, run
 * they taught, placement they supervised, and the audit history of their row and of the rows
 * that are theirs.  Collected in one read transaction, so the sections agree with each other,
 * and kept as plain text tables that the JSON writer here and the PDF writer in the exchange
 * layer both walk.
 *
 * Erasing is the other end: the person and every row that is theirs are deleted for good, the
 * audit log keeps only that they were (an `erase` entry with the id and the time), and the values
 * of every earlier audit entry about those rows are scrubbed.  The copies in the database's
 * backups folder are erased the same way, so that the person is not kept there either.
 */

typedef struct
{
  const char *name;
  const char *title;
  const char *sql;
} SectionSpec;

static const SectionSpec section_specs[] = {
  { "person", N_("Personal details"),
    "SELECT p.id, p.code, p.family_name, p.given_name, p.family_name_local, p.given_name_local, "
    "p.name_order, p.gender, p.gender_self, p.birth_date, p.nationality, p.email, p.phone, "
    "o.name AS affiliation, p.notes, p.anonymised_at, p.created_at, p.updated_at, p.deleted_at "
    "FROM person p LEFT JOIN organisation o ON o.id = p.affiliation_id WHERE p.id = :id" },
  { "nationalities", N_("Other nationalities"),
    "SELECT country FROM person_nationality WHERE person_id = :id ORDER BY country" },
  { "enrolments", N_("Enrolments"),
    "SELECT e.id, c.code AS course_code, c.title AS course_title, r.code AS run_code, "
    "r.start_date AS run_start_date, r.end_date AS run_end_date, e.status, e.reserve_rank, "
    "e.decided_on, e.completed_on, e.certificate_number, e.withdrawal_reason, e.created_at, "
    "e.updated_at, e.deleted_at "
    "FROM enrolment e JOIN course_run r ON r.id = e.run_id JOIN course c ON c.id = r.course_id "
    "WHERE e.person_id = :id ORDER BY r.start_date, e.id" },
  { "placements", N_("Placements"),
    "SELECT pl.id, h.name AS host, f.name AS office, pl.duty_station, pl.country, "
    "pl.position_title, pl.modality, pl.funded_by, s.code AS supervisor, pl.start_date, "
    "pl.end_date, pl.actual_end_date, pl.status, pl.evaluation, r.code AS run_code, "
    "pl.created_at, pl.updated_at, pl.deleted_at "
    "FROM placement pl LEFT JOIN organisation h ON h.id = pl.host_id "
    "LEFT JOIN organisation f ON f.id = pl.office_id "
    "LEFT JOIN person s ON s.id = pl.supervisor_id "
    "LEFT JOIN enrolment e ON e.id = pl.enrolment_id "
    "LEFT JOIN course_run r ON r.id = e.run_id "
    "WHERE pl.person_id = :id ORDER BY pl.start_date, pl.id" },
  { "career_records", N_("Career"),
    "SELECT cr.id, o.name AS organisation, cr.position_title, cr.sector, cr.country, "
    "cr.start_date, cr.end_date, cr.source, cr.verified_on, cr.created_at, cr.updated_at, "
    "cr.deleted_at "
    "FROM career_record cr LEFT JOIN organisation o ON o.id = cr.organisation_id "
    "WHERE cr.person_id = :id ORDER BY cr.start_date, cr.id" },
  { "teaching", N_("Runs taught"),
    "SELECT rt.id, c.code AS course_code, c.title AS course_title, r.code AS run_code, "
    "rt.role, rt.created_at, rt.updated_at, rt.deleted_at "
    "FROM run_trainer rt JOIN course_run r ON r.id = rt.run_id "
    "JOIN course c ON c.id = r.course_id WHERE rt.person_id = :id ORDER BY r.start_date, rt.id" },
  { "supervision", N_("Placements supervised"),
    "SELECT pl.id, h.name AS host, f.name AS office, pl.duty_station, pl.start_date, "
    "pl.end_date, pl.status "
    "FROM placement pl LEFT JOIN organisation h ON h.id = pl.host_id "
    "LEFT JOIN organisation f ON f.id = pl.office_id "
    "WHERE pl.supervisor_id = :id AND pl.person_id <> :id ORDER BY pl.start_date, pl.id" },
  { "history", N_("History"),
    "SELECT a.id, a.at, a.table_name, a.row_id, a.action, "
    "CASE WHEN json_valid(a.changes) AND json_type(a.changes) = 'object' THEN a.changes "
    "ELSE json_quote(a.changes) END AS changes FROM audit_log a "
    "WHERE (a.table_name = 'person' AND a.row_id = :id) "
    "OR (a.table_name = 'enrolment' AND a.row_id IN "
    "(SELECT id FROM enrolment WHERE person_id = :id)) "
    "OR (a.table_name = 'placement' AND a.row_id IN "
    "(SELECT id FROM placement WHERE person_id = :id)) "
    "OR (a.table_name = 'career_record' AND a.row_id IN "
    "(SELECT id FROM career_record WHERE person_id = :id)) "
    "OR (a.table_name = 'run_trainer' AND a.row_id IN "
    "(SELECT id FROM run_trainer WHERE person_id = :id)) "
    "ORDER BY a.id" },
};

/* Labels for the columns that are not the name of a column of a table. */
static const struct {
  const char *column;
  const char *label;
} column_labels[] = {
  { "action", N_("Change") },
  { "affiliation", N_("Affiliation") },
  { "at", N_("When") },
  { "changes", N_("Values") },
  { "course_code", N_("Course code") },
  { "course_title", N_("Course") },
  { "created_at", N_("Created") },
  { "deleted_at", N_("Deleted") },
  { "host", N_("Host organisation") },
  { "office", N_("Field office") },
  { "organisation", N_("Organisation") },
  { "role", N_("Role") },
  { "row_id", N_("Record") },
  { "run_code", N_("Run") },
  { "run_end_date", N_("Run ends") },
  { "run_start_date", N_("Run starts") },
  { "supervisor", N_("Supervisor") },
  { "table_name", N_("Kind of record") },
  { "updated_at", N_("Last changed") },
};

typedef struct
{
  const SectionSpec *spec;
  GPtrArray         *columns;  /* char * */
  GPtrArray         *rows;     /* GPtrArray of char * (NULL for SQL NULL) */
} Section;

struct _CohortPersonData
{
  GObject  parent_instance;

  gint64   person_id;
  char    *made_at;
  GArray  *sections;  /* Section */
};

G_DEFINE_FINAL_TYPE (CohortPersonData, cohort_person_data, G_TYPE_OBJECT)

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_clear_pointer (&section->columns, g_ptr_array_unref);
  g_clear_pointer (&section->rows, g_ptr_array_unref);
}

static void
cohort_person_data_finalize (GObject *object)
{
  CohortPersonData *self = COHORT_PERSON_DATA (object);

  g_clear_pointer (&self->made_at, g_free);
  g_clear_pointer (&self->sections, g_array_unref);

  G_OBJECT_CLASS (cohort_person_data_parent_class)->finalize (object);
}

static void
cohort_person_data_class_init (CohortPersonDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohort_person_data_finalize;
}

static void
cohort_person_data_init (CohortPersonData *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
}

static gboolean
read_section (CohortDatabase     *db,
              const SectionSpec  *spec,
              gint64              person_id,
              Section            *out,
              GError            **error)
{
  CohortStatement *stmt;
  gboolean has_row = TRUE;
  int n_columns;

  stmt = cohort_database_prepare (db, spec->sql, error);
  if (stmt == NULL)
    return FALSE;

  out->spec = spec;
  out->columns = g_ptr_array_new_with_free_func (g_free);
  out->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  n_columns = cohort_statement_get_n_columns (stmt);
  for (int c = 0; c < n_columns; c++)
    g_ptr_array_add (out->columns, g_strdup (cohort_statement_get_column_name (stmt, c)));

  cohort_statement_bind_int64 (stmt, ":id", person_id);
  for (;;)
    {
      GPtrArray *row;

      if (!cohort_statement_step (stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      row = g_ptr_array_new_with_free_func (g_free);
      for (int c = 0; c < n_columns; c++)
        g_ptr_array_add (row, cohort_statement_is_null (stmt, c)
                                ? NULL : g_strdup (cohort_statement_get_text (stmt, c)));
      g_ptr_array_add (out->rows, row);
    }
  cohort_statement_reset (stmt);

  return TRUE;
}

static void
set_not_found_error (GError **error)
{
  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, "id",
                               _("The person no longer exists"));
}

/**
 * cohort_person_data_collect:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Reads everything the database holds on a person, deleted rows included, in one consistent
 * read.
 *
 * Returns: (transfer full): the data, or %NULL with @error set (%COHORT_VALIDATION_ERROR_NOT_FOUND
 *   when there is no such person)
 */
CohortPersonData *
cohort_person_data_collect (CohortDatabase  *db,
                            gint64           person_id,
                            GError         **error)
{
  g_autoptr(CohortPersonData) self = NULL;
  gboolean own_transaction;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COHORT_TYPE_PERSON_DATA, NULL);
  self->person_id = person_id;
  self->made_at = cohort_dup_timestamp_now ();

  /* A read transaction, which waits for no writer: every section sees the same data. */
  own_transaction = !cohort_database_in_transaction (db);
  if (own_transaction && !cohort_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (section_specs); i++)
    {
      Section section = { NULL, };

      if (!read_section (db, &section_specs[i], person_id, &section, error))
        {
          section_clear (&section);
          if (own_transaction)
            cohort_database_exec (db, "ROLLBACK", NULL);
          return NULL;
        }
      g_array_append_val (self->sections, section);
    }

  if (own_transaction)
    cohort_database_exec (db, "COMMIT", NULL);

  if (g_array_index (self->sections, Section, 0).rows->len == 0)
    {
      set_not_found_error (error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gint64
cohort_person_data_get_person_id (CohortPersonData *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), 0);

  return self->person_id;
}

/**
 * cohort_person_data_get_made_at:
 *
 * Returns: when the data was read, as a UTC timestamp (`2026-11-27T10:15:00.000Z`)
 */
const char *
cohort_person_data_get_made_at (CohortPersonData *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);

  return self->made_at;
}

static const char *
person_value (CohortPersonData *self,
              const char       *column)
{
  Section *section = &g_array_index (self->sections, Section, 0);
  GPtrArray *row = g_ptr_array_index (section->rows, 0);

  for (guint c = 0; c < section->columns->len; c++)
    if (strcmp (g_ptr_array_index (section->columns, c), column) == 0)
      return g_ptr_array_index (row, c);

  return NULL;
}

static char *
join_name (const char *first,
           const char *second,
           const char *separator)
{
  first = cohort_str_empty_to_null (first);
  second = cohort_str_empty_to_null (second);

  if (first != NULL && second != NULL)
    return g_strconcat (first, separator, second, NULL);
  if (first != NULL || second != NULL)
    return g_strdup (first != NULL ? first : second);

  return NULL;
}

/**
 * cohort_person_data_dup_name:
 *
 * Returns: (transfer full) (nullable): the romanised name in the person's name order, or their
 *   code when they have none (an anonymised person)
 */
char *
cohort_person_data_dup_name (CohortPersonData *self)
{
  const char *family;
  const char *given;
  char *name;

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);

  family = person_value (self, "family_name");
  given = person_value (self, "given_name");
  if (g_strcmp0 (person_value (self, "name_order"), "family_first") == 0)
    name = join_name (family, given, " ");
  else
    name = join_name (given, family, " ");

  return name != NULL ? name : g_strdup (person_value (self, "code"));
}

static gboolean
is_spaceless_script (const char *text)
{
  gunichar c;

  if (text == NULL || *text == '\0')
    return FALSE;

  c = g_utf8_get_char_validated (text, -1);
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * cohort_person_data_dup_name_local:
 *
 * Returns: (transfer full) (nullable): the name in the person's own script, family name first
 *   for a name in Chinese characters or kana (written without a space), or %NULL
 */
char *
cohort_person_data_dup_name_local (CohortPersonData *self)
{
  const char *family;
  const char *given;

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);

  family = person_value (self, "family_name_local");
  given = person_value (self, "given_name_local");
  if (is_spaceless_script (family))
    return join_name (family, given, "");
  if (g_strcmp0 (person_value (self, "name_order"), "family_first") == 0)
    return join_name (family, given, " ");

  return join_name (given, family, " ");
}

static Section *
get_section (CohortPersonData *self,
             guint             section)
{
  g_return_val_if_fail (section < self->sections->len, NULL);

  return &g_array_index (self->sections, Section, section);
}

guint
cohort_person_data_get_n_sections (CohortPersonData *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), 0);

  return self->sections->len;
}

/**
 * cohort_person_data_get_section_name:
 *
 * Returns: the stable name of a section (`person`, `nationalities`, `enrolments`, `placements`,
 *   `career_records`, `teaching`, `supervision`, `history`), as used in the JSON
 */
const char *
cohort_person_data_get_section_name (CohortPersonData *self,
                                     guint             section)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  return get_section (self, section)->spec->name;
}

const char *
cohort_person_data_get_section_title (CohortPersonData *self,
                                      guint             section)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  return _(get_section (self, section)->spec->title);
}

guint
cohort_person_data_get_n_columns (CohortPersonData *self,
                                  guint             section)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), 0);
  g_return_val_if_fail (section < self->sections->len, 0);

  return get_section (self, section)->columns->len;
}

const char *
cohort_person_data_get_column_name (CohortPersonData *self,
                                    guint             section,
                                    guint             column)
{
  Section *s;

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  s = get_section (self, section);
  g_return_val_if_fail (column < s->columns->len, NULL);

  return g_ptr_array_index (s->columns, column);
}

/**
 * cohort_person_data_get_column_label:
 *
 * Returns: the translated name of a column, as a reader sees it ("Date of birth")
 */
const char *
cohort_person_data_get_column_label (CohortPersonData *self,
                                     guint             section,
                                     guint             column)
{
  const char *name = cohort_person_data_get_column_name (self, section, column);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (strcmp (column_labels[i].column, name) == 0)
      return _(column_labels[i].label);

  return cohort_validation_get_field_label (name);
}

guint
cohort_person_data_get_n_rows (CohortPersonData *self,
                               guint             section)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), 0);
  g_return_val_if_fail (section < self->sections->len, 0);

  return get_section (self, section)->rows->len;
}

/**
 * cohort_person_data_get_value:
 *
 * Returns: (nullable): the value as the database holds it, or %NULL when it has none
 */
const char *
cohort_person_data_get_value (CohortPersonData *self,
                              guint             section,
                              guint             row,
                              guint             column)
{
  Section *s;
  GPtrArray *values;

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  s = get_section (self, section);
  g_return_val_if_fail (row < s->rows->len, NULL);
  g_return_val_if_fail (column < s->columns->len, NULL);

  values = g_ptr_array_index (s->rows, row);
  return g_ptr_array_index (values, column);
}

/**
 * cohort_person_data_count:
 * @section_name: a section's stable name, e.g. `enrolments`
 *
 * Returns: the number of rows in that section (0 for a name that is not a section)
 */
guint
cohort_person_data_count (CohortPersonData *self,
                          const char       *section_name)
{
  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), 0);
  g_return_val_if_fail (section_name != NULL, 0);

  for (guint i = 0; i < self->sections->len; i++)
    if (strcmp (get_section (self, i)->spec->name, section_name) == 0)
      return get_section (self, i)->rows->len;

  return 0;
}

/* Which vocabulary the codes of a column come from, in a section. */
static const struct {
  const char       *section;
  const char       *column;
  CohortVocabulary  vocabulary;
} column_vocabularies[] = {
  { "person", "gender", COHORT_VOCABULARY_GENDER },
  { "person", "name_order", COHORT_VOCABULARY_NAME_ORDER },
  { "enrolments", "status", COHORT_VOCABULARY_ENROLMENT_STATUS },
  { "placements", "status", COHORT_VOCABULARY_PLACEMENT_STATUS },
  { "placements", "modality", COHORT_VOCABULARY_PLACEMENT_MODALITY },
  { "supervision", "status", COHORT_VOCABULARY_PLACEMENT_STATUS },
  { "career_records", "sector", COHORT_VOCABULARY_CAREER_SECTOR },
  { "career_records", "source", COHORT_VOCABULARY_CAREER_SOURCE },
  { "teaching", "role", COHORT_VOCABULARY_TRAINER_ROLE },
};

/**
 * cohort_person_data_get_display_value:
 *
 * Like cohort_person_data_get_value(), but with codes from a list (a status, a sector, a
 * gender) as their translated labels, for a reader.
 *
 * Returns: (nullable): the value to show, or %NULL when there is none
 */
const char *
cohort_person_data_get_display_value (CohortPersonData *self,
                                      guint             section,
                                      guint             row,
                                      guint             column)
{
  const char *value = cohort_person_data_get_value (self, section, row, column);
  const char *section_name;
  const char *column_name;

  if (value == NULL)
    return NULL;

  section_name = cohort_person_data_get_section_name (self, section);
  column_name = cohort_person_data_get_column_name (self, section, column);
  for (guint i = 0; i < G_N_ELEMENTS (column_vocabularies); i++)
    if (strcmp (column_vocabularies[i].section, section_name) == 0 &&
        strcmp (column_vocabularies[i].column, column_name) == 0)
      {
        const char *label = cohort_vocabulary_get_label (column_vocabularies[i].vocabulary,
                                                         value);

        return label != NULL ? label : value;
      }

  return value;
}

static gboolean
is_number_column (const char *column)
{
  return strcmp (column, "id") == 0 || strcmp (column, "row_id") == 0 ||
         strcmp (column, "reserve_rank") == 0;
}

static void
append_value (GString    *out,
              const char *column,
              const char *value)
{
  gint64 number;
  char *end = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  if (is_number_column (column))
    {
      number = g_ascii_strtoll (value, &end, 10);
      if (end != value && *end == '\0')
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT, number);
          return;
        }
    }

  /* The audit log's changes are JSON written by SQLite's json functions, and the query has
   * checked that they are a JSON object (anything else comes quoted, as a string): embedded as
   * they are. */
  if (strcmp (column, "changes") == 0 && value[0] == '{' &&
      g_utf8_validate (value, -1, NULL))
    {
      g_string_append (out, value);
      return;
    }

  cohort_json_append_string (out, value);
}

static void
append_row (GString   *out,
            Section   *section,
            GPtrArray *row,
            guint      indent)
{
  g_string_append_c (out, '{');
  for (guint c = 0; c < section->columns->len; c++)
    {
      const char *column = g_ptr_array_index (section->columns, c);

      g_string_append_printf (out, "%s\n%*s", c == 0 ? "" : ",", (int) indent + 2, "");
      cohort_json_append_string (out, column);
      g_string_append (out, ": ");
      append_value (out, column, g_ptr_array_index (row, c));
    }
  g_string_append_printf (out, "\n%*s}", (int) indent, "");
}

/**
 * cohort_person_data_to_json:
 *
 * Writes the data as one JSON object: `format` (`cohort-person-data`), `version` (1),
 * `made_at`, `person` (an object of the person's columns) and one array of objects for each
 * other section, named as cohort_person_data_get_section_name() names them.  Every value is a
 * string or `null`, except ids and ranks (numbers) and each history entry's `changes` (an
 * object `{"column": [old, new]}` as the audit log holds it).
 *
 * Returns: (transfer full): UTF-8 JSON text, ending with a newline
 */
char *
cohort_person_data_to_json (CohortPersonData *self)
{
  GString *out;

  g_return_val_if_fail (COHORT_IS_PERSON_DATA (self), NULL);

  out = g_string_new ("{\n  \"format\": \"cohort-person-data\",\n  \"version\": 1,\n"
                      "  \"made_at\": ");
  cohort_json_append_string (out, self->made_at);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = get_section (self, i);

      g_string_append (out, ",\n  ");
      cohort_json_append_string (out, section->spec->name);
      g_string_append (out, ": ");

      if (i == 0)
        {
          append_row (out, section, g_ptr_array_index (section->rows, 0), 2);
          continue;
        }

      g_string_append_c (out, '[');
      for (guint r = 0; r < section->rows->len; r++)
        {
          g_string_append (out, r == 0 ? "\n    " : ",\n    ");
          append_row (out, section, g_ptr_array_index (section->rows, r), 4);
        }
      g_string_append (out, section->rows->len > 0 ? "\n  ]" : "]");
    }
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

/* Erasing */

static const char * const erase_sql[] = {
  /* The values the audit log holds about the person's rows go first, while the rows still say
   * whose they are.  The keys stay: that a column changed is not personal. */
  "UPDATE audit_log SET changes = (SELECT json_group_object(key, NULL) "
  "FROM json_each(audit_log.changes)) "
  "WHERE (table_name = 'person' AND row_id = :id) "
  "OR (table_name = 'enrolment' AND row_id IN (SELECT id FROM enrolment WHERE person_id = :id)) "
  "OR (table_name = 'placement' AND row_id IN (SELECT id FROM placement WHERE person_id = :id)) "
  "OR (table_name = 'career_record' AND row_id IN "
  "(SELECT id FROM career_record WHERE person_id = :id)) "
  "OR (table_name = 'run_trainer' AND row_id IN "
  "(SELECT id FROM run_trainer WHERE person_id = :id))",
  /* Someone else's placement keeps its row, without this person as the supervisor. */
  "UPDATE placement SET supervisor_id = NULL, updated_at = :now "
  "WHERE supervisor_id = :id AND person_id <> :id",
  "UPDATE placement SET enrolment_id = NULL, updated_at = :now "
  "WHERE person_id <> :id AND enrolment_id IN (SELECT id FROM enrolment WHERE person_id = :id)",
  "DELETE FROM placement WHERE person_id = :id",
  "DELETE FROM career_record WHERE person_id = :id",
  "DELETE FROM run_trainer WHERE person_id = :id",
  "DELETE FROM enrolment WHERE person_id = :id",
  "DELETE FROM person_nationality WHERE person_id = :id",
  /* The schema's trigger writes the `erase` entry: the id and the time, no values. */
  "DELETE FROM person WHERE id = :id",
  /* Merges the search index's segments, so that the deleted names leave the index too. */
  "INSERT INTO person_fts (person_fts) VALUES ('optimize')",
};

static gboolean
erase_in_transaction (CohortDatabase  *db,
                      gint64           person_id,
                      GError         **error)
{
  g_autofree char *now = cohort_dup_timestamp_now ();
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (db, "SELECT id FROM person WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  cohort_statement_bind_int64 (stmt, ":id", person_id);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;
  cohort_statement_reset (stmt);

  if (!has_row)
    {
      set_not_found_error (error);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (erase_sql); i++)
    {
      stmt = cohort_database_prepare (db, erase_sql[i], error);
      if (stmt == NULL)
        return FALSE;

      if (strstr (erase_sql[i], ":id") != NULL)
        cohort_statement_bind_int64 (stmt, ":id", person_id);
      if (strstr (erase_sql[i], ":now") != NULL)
        cohort_statement_bind_text (stmt, ":now", now);

      if (!cohort_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Erases in one file: overwriting what it deletes, all or nothing. */
static gboolean
erase_in_database (CohortDatabase  *db,
                   gint64           person_id,
                   GError         **error)
{
  gboolean ok;

  if (!cohort_database_exec (db, "PRAGMA secure_delete = ON", error))
    return FALSE;

  ok = cohort_database_begin (db, error);
  if (ok && !erase_in_transaction (db, person_id, error))
    {
      cohort_database_rollback (db);
      ok = FALSE;
    }
  if (ok)
    ok = cohort_database_commit (db, error);

  /* Best effort: a reader in another process may keep the log from being emptied now; SQLite
   * then overwrites it later. */
  if (ok)
    cohort_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  cohort_database_exec (db, "PRAGMA secure_delete = OFF", NULL);

  return ok;
}

/* Who the person is, in a way that a copy of the database made earlier recognises: the code
 * (stable and unique), or the same id created at the same time (the code may have changed
 * since the copy was made). */
typedef struct
{
  gint64  id;
  char   *code;
  char   *created_at;
} ErasedPerson;

static void
erased_person_clear (ErasedPerson *person)
{
  g_clear_pointer (&person->code, g_free);
  g_clear_pointer (&person->created_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ErasedPerson, erased_person_clear)

static gboolean
read_erased_person (CohortDatabase  *db,
                    gint64           person_id,
                    ErasedPerson    *out_person,
                    GError         **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (db, "SELECT code, created_at FROM person WHERE id = :id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  cohort_statement_bind_int64 (stmt, ":id", person_id);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      out_person->id = person_id;
      out_person->code = g_strdup (cohort_statement_get_text (stmt, 0));
      out_person->created_at = g_strdup (cohort_statement_get_text (stmt, 1));
    }
  cohort_statement_reset (stmt);

  if (!has_row)
    {
      set_not_found_error (error);
      return FALSE;
    }

  return TRUE;
}

/* The ids under which a copy holds the person; empty when it does not hold them. */
static GArray *
find_in_copy (CohortDatabase      *copy,
              const ErasedPerson  *person,
              GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CohortStatement *stmt;

  stmt = cohort_database_prepare (copy,
                                  "SELECT id FROM person WHERE code = :code "
                                  "OR (id = :id AND created_at = :created_at) ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;
  cohort_statement_bind_text (stmt, ":code", person->code);
  cohort_statement_bind_int64 (stmt, ":id", person->id);
  cohort_statement_bind_text (stmt, ":created_at", person->created_at);
  for (;;)
    {
      gboolean has_row = FALSE;
      gint64 id;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = cohort_statement_get_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&ids);
}

/* Erases the person in one backup.  Returns whether the backup held them (and no longer does)
 * in @out_cleaned; %FALSE with @error set when the backup could not be cleaned. */
static gboolean
erase_in_backup (CohortDatabase      *db,
                 const char          *path,
                 const ErasedPerson  *person,
                 gboolean            *out_cleaned,
                 GError             **error)
{
  g_autoptr(CohortDatabase) copy = NULL;
  g_autoptr(GArray) ids = NULL;
  int latest = cohort_database_get_latest_schema_version ();
  int version;
  GStatBuf st;
  gboolean have_times;
  gboolean ok = TRUE;

  *out_cleaned = FALSE;

  /* Read-only first: a copy from an older Cohort is not upgraded behind the user's back (it
   * is what they would restore to go back to that version). */
  copy = cohort_database_open_backup (path, error);
  if (copy == NULL)
    return FALSE;
  version = cohort_database_get_schema_version (copy);
  if (version != latest)
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NEEDS_UPGRADE,
                   /* Translators: %d is a number, the version of the database's layout */
                   _("it was made by an older version of Cohort (schema %d) and was left as "
                     "it was; delete it if it is no longer needed"), version);
      return FALSE;
    }
  ids = find_in_copy (copy, person, error);
  if (ids == NULL)
    return FALSE;
  g_clear_object (&copy);
  if (ids->len == 0)
    return TRUE;

  /* The backups are kept newest first by the time they were written: keep that time. */
  have_times = g_stat (path, &st) == 0;

  copy = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, error);
  if (copy == NULL)
    return FALSE;
  cohort_database_set_actor (copy, cohort_database_get_actor (db));

  for (guint i = 0; ok && i < ids->len; i++)
    ok = erase_in_database (copy, g_array_index (ids, gint64, i), error);

  /* A backup is read by no one else: rewrite it whole, so that nothing of the person is left
   * in free pages, and leave it a single file again, as cohort_database_backup_to() wrote it
   * (opening it switched it to a write-ahead log). */
  if (ok)
    ok = cohort_database_exec (copy, "VACUUM", error);
  if (ok)
    ok = cohort_database_exec (copy, "PRAGMA journal_mode = DELETE", error);
  else
    cohort_database_exec (copy, "PRAGMA journal_mode = DELETE", NULL);
  g_clear_object (&copy);
  if (!ok)
    return FALSE;

  if (have_times)
    {
      struct timespec times[2] = { st.st_atim, st.st_mtim };

      utimensat (AT_FDCWD, path, times, 0);
    }

  *out_cleaned = TRUE;
  return TRUE;
}

/**
 * cohort_person_data_erase_full:
 * @db: a database
 * @person_id: the person's id
 * @out_n_cleaned: (out) (optional): how many backups held the person and no longer do
 * @out_not_cleaned: (out) (optional) (transfer full): the backups that could not be cleaned,
 *   one line each: the file's name and why ("an older version of Cohort", unreadable); an
 *   empty list when all could
 * @error: return location for a #GError
 *
 * Erases the person as cohort_person_data_erase() does, then does the same in each backup of
 * the database in its backups folder (cohort_database_list_backups()) that holds them and has
 * the same schema version, and rewrites that backup with `VACUUM`, keeping its time.  Backups
 * of an older schema are not changed (upgrading them would change what restoring them means):
 * they are listed in @out_not_cleaned, as are those that cannot be read or written.  The
 * database itself is erased all or nothing; a backup that fails is left as it was.
 *
 * Returns: %TRUE when the person was erased from the database (whatever happened to the
 *   backups), %FALSE with @error set otherwise
 */
gboolean
cohort_person_data_erase_full (CohortDatabase   *db,
                               gint64            person_id,
                               guint            *out_n_cleaned,
                               char           ***out_not_cleaned,
                               GError          **error)
{
  g_auto(ErasedPerson) person = { 0, };
  g_autoptr(GStrvBuilder) not_cleaned = g_strv_builder_new ();
  g_auto(GStrv) backups = NULL;
  guint n_cleaned = 0;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!cohort_database_in_transaction (db), FALSE);

  if (!read_erased_person (db, person_id, &person, error) ||
      !erase_in_database (db, person_id, error))
    return FALSE;

  backups = cohort_database_list_backups (db);
  for (guint i = 0; backups[i] != NULL; i++)
    {
      g_autoptr(GError) backup_error = NULL;
      gboolean cleaned = FALSE;

      if (erase_in_backup (db, backups[i], &person, &cleaned, &backup_error))
        {
          if (cleaned)
            n_cleaned++;
        }
      else
        {
          g_autofree char *name = g_path_get_basename (backups[i]);
          g_autofree char *display = g_filename_display_name (name);
          g_autofree char *line = NULL;

          g_debug ("Could not erase person %" G_GINT64_FORMAT " from the backup %s: %s",
                     person_id, backups[i], backup_error->message);
          /* Translators: a backup that still holds an erased person: its file name, and why */
          line = g_strdup_printf (C_("erase", "%s: %s"), display, backup_error->message);
          g_strv_builder_add (not_cleaned, line);
        }
    }

  if (out_n_cleaned != NULL)
    *out_n_cleaned = n_cleaned;
  if (out_not_cleaned != NULL)
    *out_not_cleaned = g_strv_builder_end (not_cleaned);

  return TRUE;
}

/**
 * cohort_person_data_erase:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Deletes a person for good, with every row that is theirs: enrolments, placements, career
 * records, runs taught and other nationalities.  Placements of other people that named them as
 * supervisor keep their rows without a supervisor.  The audit log keeps an `erase` entry for
 * each deleted row (id and time, no values) and keeps the earlier entries about those rows with
 * their values removed; the search index forgets the names.  The deleted pages are overwritten
 * (SQLite's secure_delete) and the write-ahead log is checkpointed afterwards, so the values
 * do not linger in the file.  All or nothing.  The backups are cleaned too, as
 * cohort_person_data_erase_full() says, without telling how it went.
 *
 * Unlike cohort_store_anonymise_person(), this changes the statistics: the person no longer
 * counts anywhere.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cohort_person_data_erase (CohortDatabase  *db,
                          gint64           person_id,
                          GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!cohort_database_in_transaction (db), FALSE);

  return cohort_person_data_erase_full (db, person_id, NULL, NULL, error);
}
