/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-history"

#include "config.h"

#include "cohort-history.h"
#include "cohort-utils.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/*
 * The audit log of a record, in words: each entry says when, who, what happened to which kind of
 * record, and which fields changed from what to what.  The values are the ones the log holds,
 * so an anonymised or erased person's entries show the field names without values.
 */

struct _CohortHistoryEntry
{
  GObject  parent_instance;

  char    *at;
  char    *actor;
  char    *table_name;
  gint64   row_id;
  char    *action;
  char    *changes;
};

enum {
  PROP_0,
  PROP_AT,
  PROP_ACTOR,
  PROP_WHO,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  PROP_ACTION,
  PROP_CHANGES,
  PROP_WHEN,
  PROP_TITLE,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortHistoryEntry, cohort_history_entry, G_TYPE_OBJECT)

static const struct {
  const char *table;
  const char *label;
} table_labels[] = {
  { "career_record", N_("Career record") },
  { "enrolment", N_("Enrolment") },
  { "person", N_("Personal details") },
  { "placement", N_("Placement") },
  { "run_trainer", N_("Run taught") },
};

static const char *
table_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (strcmp (table_labels[i].table, table) == 0)
      return _(table_labels[i].label);

  return table;
}

static const char *
action_label (const char *action)
{
  if (strcmp (action, "insert") == 0)
    return C_("history", "created");
  if (strcmp (action, "update") == 0)
    return C_("history", "changed");
  if (strcmp (action, "delete") == 0)
    return C_("history", "deleted");
  if (strcmp (action, "restore") == 0)
    return C_("history", "restored");
  if (strcmp (action, "anonymise") == 0)
    return C_("history", "anonymised");
  if (strcmp (action, "erase") == 0)
    return C_("history", "erased");

  return action;
}

static void
cohort_history_entry_finalize (GObject *object)
{
  CohortHistoryEntry *self = COHORT_HISTORY_ENTRY (object);

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->changes, g_free);

  G_OBJECT_CLASS (cohort_history_entry_parent_class)->finalize (object);
}

static void
cohort_history_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CohortHistoryEntry *self = COHORT_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_WHO:
      g_value_set_string (value, cohort_history_entry_get_who (self));
      break;
    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;
    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_CHANGES:
      g_value_set_string (value, self->changes);
      break;
    case PROP_WHEN:
      g_value_take_string (value, cohort_history_entry_dup_when (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, cohort_history_entry_dup_title (self));
      break;
    case PROP_DETAILS:
      g_value_take_string (value, cohort_history_entry_dup_details (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_history_entry_class_init (CohortHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_history_entry_finalize;
  object_class->get_property = cohort_history_entry_get_property;

  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] =
    g_param_spec_string ("changes", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_history_entry_init (CohortHistoryEntry *self)
{
}

const char *
cohort_history_entry_get_at (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return self->at;
}

/**
 * cohort_history_entry_get_actor:
 *
 * Returns: who made the change, as the audit log holds it: "amina (window)"; empty for entries
 *   written before the log recorded it
 */
const char *
cohort_history_entry_get_actor (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return self->actor;
}

/**
 * cohort_history_entry_get_who:
 *
 * Returns: who made the change, for display: the actor, or "Unknown" when the log does not say
 */
const char *
cohort_history_entry_get_who (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  if (self->actor == NULL || self->actor[0] == '\0')
    /* Translators: who made a change in the history, for changes recorded before Cohort
     * recorded who made them */
    return C_("history", "Unknown");

  return self->actor;
}

const char *
cohort_history_entry_get_table_name (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return self->table_name;
}

gint64
cohort_history_entry_get_row_id (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), 0);

  return self->row_id;
}

const char *
cohort_history_entry_get_action (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return self->action;
}

/**
 * cohort_history_entry_get_changes:
 *
 * Returns: the changed columns as the audit log holds them: JSON, `{"column": [old, new]}` for
 *   a change, `{"column": value}` for a new record
 */
const char *
cohort_history_entry_get_changes (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return self->changes;
}

/**
 * cohort_history_entry_dup_when:
 *
 * Returns: (transfer full): the time of the entry in the local time zone, in the locale's
 *   format, or the stored text when it cannot be read
 */
char *
cohort_history_entry_dup_when (CohortHistoryEntry *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  utc = g_date_time_new_from_iso8601 (self->at, NULL);
  if (utc == NULL)
    return g_strdup (self->at);

  local = g_date_time_to_local (utc);
  /* Translators: how a time in the history is shown; see the strftime-like formats of
   * g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%x %X"));
}

/**
 * cohort_history_format_title:
 * @table_name: the audit log's table name (`person`, `enrolment`, …)
 * @row_id: the row's id
 * @action: the audit log's action (`insert`, `update`, …)
 *
 * Returns: (transfer full): what happened, in words: "Enrolment 12 changed"
 */
char *
cohort_history_format_title (const char *table_name,
                             gint64      row_id,
                             const char *action)
{
  g_return_val_if_fail (table_name != NULL, NULL);
  g_return_val_if_fail (action != NULL, NULL);

  if (strcmp (table_name, "person") == 0)
    /* Translators: "Personal details changed"; the second %s is a verb such as "changed" */
    return g_strdup_printf (C_("history", "%s %s"), table_label (table_name),
                            action_label (action));

  /* Translators: "Enrolment 12 changed": a kind of record, its number, and a verb */
  return g_strdup_printf (C_("history", "%s %lld %s"),
                          table_label (table_name), (long long) row_id, action_label (action));
}

/**
 * cohort_history_entry_dup_title:
 *
 * Returns: (transfer full): what happened, in words: "Enrolment 12 changed"
 */
char *
cohort_history_entry_dup_title (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return cohort_history_format_title (self->table_name, self->row_id, self->action);
}

/* One JSON scalar of the audit log (a string, number, or null) as text. */
static char *
dup_scalar (const char **p)
{
  GString *out = g_string_new (NULL);
  const char *s = *p;

  while (*s == ' ')
    s++;

  if (*s == '"')
    {
      s++;
      while (*s != '\0' && *s != '"')
        {
          if (*s == '\\' && s[1] != '\0')
            {
              s++;
              switch (*s)
                {
                case 'n': g_string_append_c (out, '\n'); break;
                case 't': g_string_append_c (out, '\t'); break;
                case 'r': g_string_append_c (out, '\r'); break;
                case 'b': g_string_append_c (out, '\b'); break;
                case 'f': g_string_append_c (out, '\f'); break;
                case 'u':
                  {
                    char hex[5] = { 0, };
                    gunichar c;

                    if (strlen (s + 1) < 4)
                      break;
                    memcpy (hex, s + 1, 4);
                    c = (gunichar) g_ascii_strtoull (hex, NULL, 16);
                    s += 4;
                    if (c >= 0xd800 && c < 0xdc00 && s[1] == '\\' && s[2] == 'u' &&
                        strlen (s + 3) >= 4)
                      {
                        gunichar low;

                        memcpy (hex, s + 3, 4);
                        low = (gunichar) g_ascii_strtoull (hex, NULL, 16);
                        if (low >= 0xdc00 && low < 0xe000)
                          {
                            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                            s += 6;
                          }
                      }
                    if (g_unichar_validate (c))
                      g_string_append_unichar (out, c);
                    break;
                  }
                default:
                  g_string_append_c (out, *s);
                }
              s++;
            }
          else
            g_string_append_c (out, *s++);
        }
      if (*s == '"')
        s++;
      *p = s;
      return g_string_free (out, FALSE);
    }

  while (*s != '\0' && *s != ',' && *s != ']' && *s != '}' && *s != ' ')
    g_string_append_c (out, *s++);
  *p = s;

  if (strcmp (out->str, "null") == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* Which columns hold a code from a list, shown by its label. */
static const struct {
  const char       *table;
  const char       *column;
  CohortVocabulary  vocabulary;
} coded_columns[] = {
  { "person", "gender", COHORT_VOCABULARY_GENDER },
  { "person", "name_order", COHORT_VOCABULARY_NAME_ORDER },
  { "enrolment", "status", COHORT_VOCABULARY_ENROLMENT_STATUS },
  { "placement", "status", COHORT_VOCABULARY_PLACEMENT_STATUS },
  { "placement", "modality", COHORT_VOCABULARY_PLACEMENT_MODALITY },
  { "career_record", "sector", COHORT_VOCABULARY_CAREER_SECTOR },
  { "career_record", "source", COHORT_VOCABULARY_CAREER_SOURCE },
  { "run_trainer", "role", COHORT_VOCABULARY_TRAINER_ROLE },
};

/* A value longer than a reader takes in at a glance, shortened in place, saying how much is
 * left out (the export of the person's data has all of it). */
#define MAX_SHOWN_CHARS 300

static void
shorten (char **value)
{
  glong length;

  if (*value == NULL)
    return;

  length = g_utf8_strlen (*value, -1);
  if (length > MAX_SHOWN_CHARS)
    {
      g_autofree char *start = g_utf8_substring (*value, 0, MAX_SHOWN_CHARS);

      g_free (*value);
      /* Translators: the end of a value too long to show in full; %ld is a number */
      *value = g_strdup_printf (C_("history", "%s… (%ld more characters)"), start,
                                length - MAX_SHOWN_CHARS);
    }
}

/* Whether @column holds a date (YYYY, YYYY-MM or YYYY-MM-DD): birth_date, start_date,
 * verified_on, decided_on… */
static gboolean
is_date_column (const char *column)
{
  return g_str_has_suffix (column, "_date") || g_str_has_suffix (column, "_on");
}

/* @value as the reader should see it: a code by its label, a date in their locale. */
static char *
dup_shown (const char *table_name,
           const char *column,
           const char *value)
{
  if (value == NULL)
    /* Translators: shown in the history for a field that had no value */
    return g_strdup (C_("history", "(empty)"));

  for (guint i = 0; table_name != NULL && i < G_N_ELEMENTS (coded_columns); i++)
    if (strcmp (coded_columns[i].table, table_name) == 0 &&
        strcmp (coded_columns[i].column, column) == 0)
      {
        const char *label = cohort_vocabulary_get_label (coded_columns[i].vocabulary, value);

        return g_strdup (label != NULL ? label : value);
      }

  if (is_date_column (column))
    return cohort_format_date (value);

  return g_strdup (value);
}

/**
 * cohort_history_format_details:
 * @table_name: (nullable): the audit log's table name, to show codes from a list by their
 *   labels
 * @changes: (nullable): an audit log entry's changes (JSON)
 *
 * Returns: (transfer full): one line per field, with translated field labels: "Family name:
 *   Tanaka → Suzuki" for a change, "Family name: Tanaka" for a new record, "Family name" alone
 *   when the log holds no value (anonymised or erased); an empty string when there are none
 */
char *
cohort_history_format_details (const char *table_name,
                               const char *changes)
{
  GString *out = g_string_new (NULL);
  const char *p;

  /* The changes are written by the schema's triggers with SQLite's json functions: an object
   * whose keys are column names (no quotes or escapes in them) and whose values are scalars or
   * arrays of two scalars. */
  p = changes;
  while (p != NULL && *p != '\0')
    {
      g_autofree char *key = NULL;
      const char *label;

      p = strchr (p, '"');
      if (p == NULL)
        break;
      key = dup_scalar (&p);
      if (key == NULL)
        break;
      while (*p == ' ' || *p == ':')
        p++;

      label = cohort_validation_get_field_label (key);
      if (out->len > 0)
        g_string_append_c (out, '\n');

      if (*p == '[')
        {
          g_autofree char *old_value = NULL;
          g_autofree char *new_value = NULL;
          g_autofree char *old_shown = NULL;
          g_autofree char *new_shown = NULL;

          p++;
          old_value = dup_scalar (&p);
          while (*p == ' ' || *p == ',')
            p++;
          new_value = dup_scalar (&p);
          while (*p != '\0' && *p != ']')
            p++;
          if (*p == ']')
            p++;
          shorten (&old_value);
          shorten (&new_value);
          old_shown = dup_shown (table_name, key, old_value);
          new_shown = dup_shown (table_name, key, new_value);

          /* Translators: a field in the history, its old and its new value */
          g_string_append_printf (out, C_("history", "%s: %s → %s"), label, old_shown,
                                  new_shown);
        }
      else
        {
          g_autofree char *value = dup_scalar (&p);

          shorten (&value);
          if (value == NULL)
            g_string_append (out, label);
          else
            {
              g_autofree char *value_shown = dup_shown (table_name, key, value);

              /* Translators: a field in the history and its value */
              g_string_append_printf (out, C_("history", "%s: %s"), label, value_shown);
            }
        }

      while (*p == ' ' || *p == ',')
        p++;
    }

  return g_string_free (out, FALSE);
}

/**
 * cohort_history_entry_dup_details:
 *
 * Returns: (transfer full): the changed fields in words, as cohort_history_format_details()
 */
char *
cohort_history_entry_dup_details (CohortHistoryEntry *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_ENTRY (self), NULL);

  return cohort_history_format_details (self->table_name, self->changes);
}

/**
 * cohort_history_list_person:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * The audit log of a person's own row and of the rows that are theirs (enrolments, placements,
 * career records, runs taught), oldest first.
 *
 * Returns: (transfer full): a list of #CohortHistoryEntry, or %NULL with @error set
 */
GListModel *
cohort_history_list_person (CohortDatabase  *db,
                            gint64           person_id,
                            GError         **error)
{
  g_autoptr(GListStore) store = NULL;
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = cohort_database_prepare (db,
                                  "SELECT at, table_name, row_id, action, changes, actor "
                                  "FROM audit_log WHERE (table_name = 'person' AND row_id = :id) "
                                  "OR (table_name = 'enrolment' AND row_id IN "
                                  "(SELECT id FROM enrolment WHERE person_id = :id)) "
                                  "OR (table_name = 'placement' AND row_id IN "
                                  "(SELECT id FROM placement WHERE person_id = :id)) "
                                  "OR (table_name = 'career_record' AND row_id IN "
                                  "(SELECT id FROM career_record WHERE person_id = :id)) "
                                  "OR (table_name = 'run_trainer' AND row_id IN "
                                  "(SELECT id FROM run_trainer WHERE person_id = :id)) "
                                  "ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (COHORT_TYPE_HISTORY_ENTRY);
  cohort_statement_bind_int64 (stmt, ":id", person_id);
  for (;;)
    {
      g_autoptr(CohortHistoryEntry) entry = NULL;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      entry = g_object_new (COHORT_TYPE_HISTORY_ENTRY, NULL);
      entry->at = g_strdup (cohort_statement_get_text (stmt, 0));
      entry->table_name = g_strdup (cohort_statement_get_text (stmt, 1));
      entry->row_id = cohort_statement_get_int64 (stmt, 2);
      entry->action = g_strdup (cohort_statement_get_text (stmt, 3));
      entry->changes = g_strdup (cohort_statement_get_text (stmt, 4));
      entry->actor = g_strdup (cohort_statement_get_text (stmt, 5));
      g_list_store_append (store, entry);
    }
  cohort_statement_reset (stmt);

  return G_LIST_MODEL (g_steal_pointer (&store));
}
