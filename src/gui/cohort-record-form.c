/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-record-form.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-chooser-row.h"
#include "cohort-course-run.h"
#include "cohort-enrolment.h"
#include "cohort-placement.h"
#include "cohort-store.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary-combo.h"

/**
 * CohortRecordForm:
 *
 * The fields of one enrolment, placement or career record as rows of a preferences page,
 * built from the record kind's list of fields: text and dates, terms of a vocabulary, people,
 * organisations and runs chosen from a searchable list, and (for a placement) one of the
 * person's enrolments.  A refusal from core shows under the field it concerns.
 */

typedef enum
{
  FIELD_TEXT,       /* free text, a date */
  FIELD_COUNTRY,    /* a country code, kept in capitals */
  FIELD_NUMBER,     /* a whole number, empty for none */
  FIELD_TERM,       /* a term of a vocabulary */
  FIELD_CHOICE,     /* a person, organisation or run, from a searchable list */
  FIELD_ENROLMENT,  /* one of the person's enrolments */
} FieldKind;

typedef struct
{
  const char       *field;     /* the column, as core's errors name it */
  const char       *property;
  const char       *title;
  FieldKind         kind;
  guint             group;     /* index in the kind's group titles */
  CohortVocabulary  vocabulary;
  CohortQueryKind   choice;
} Field;

typedef struct
{
  GType          (*get_type) (void);
  const char      *groups[3];
  const Field     *fields;
  guint            n_fields;
} Form;

#define TEXT(f, p, t, g) { f, p, t, FIELD_TEXT, g, 0, 0 }
#define TERM(f, p, t, g, v) { f, p, t, FIELD_TERM, g, v, 0 }
#define CHOICE(f, p, t, g, k) { f, p, t, FIELD_CHOICE, g, 0, k }

static const Field enrolment_fields[] = {
  CHOICE ("run_id", "run-id", N_("Course run"), 0, COHORT_QUERY_KIND_COURSE_RUNS),
  TERM ("status", "status", N_("Status"), 0, COHORT_VOCABULARY_ENROLMENT_STATUS),
  { "reserve_rank", "reserve-rank", N_("Reserve rank"), FIELD_NUMBER, 0, 0, 0 },
  TEXT ("decided_on", "decided-on", N_("Decided on (YYYY-MM-DD)"), 1),
  TEXT ("completed_on", "completed-on", N_("Completed on (YYYY-MM-DD)"), 1),
  TEXT ("certificate_number", "certificate-number", N_("Certificate number"), 1),
  TEXT ("withdrawal_reason", "withdrawal-reason", N_("Reason for withdrawal"), 1),
};

static const Field placement_fields[] = {
  CHOICE ("person_id", "person-id", N_("Person"), 0, COHORT_QUERY_KIND_PERSONS),
  { "enrolment_id", "enrolment-id", N_("Enrolment"), FIELD_ENROLMENT, 0, 0, 0 },
  CHOICE ("host_id", "host-id", N_("Host organisation"), 0, COHORT_QUERY_KIND_ORGANISATIONS),
  CHOICE ("office_id", "office-id", N_("Field office"), 0, COHORT_QUERY_KIND_ORGANISATIONS),
  TEXT ("duty_station", "duty-station", N_("Duty station"), 0),
  { "country", "country", N_("Country (two-letter code, e.g. KE)"), FIELD_COUNTRY, 0, 0, 0 },
  TEXT ("position_title", "position-title", N_("Position"), 0),
  TERM ("status", "status", N_("Status"), 1, COHORT_VOCABULARY_PLACEMENT_STATUS),
  TEXT ("start_date", "start-date", N_("Start date (YYYY-MM-DD)"), 1),
  TEXT ("end_date", "end-date", N_("Planned end date (YYYY-MM-DD)"), 1),
  TEXT ("actual_end_date", "actual-end-date", N_("Actual end date (YYYY-MM-DD)"), 1),
  TERM ("modality", "modality", N_("Modality"), 2, COHORT_VOCABULARY_PLACEMENT_MODALITY),
  TEXT ("funded_by", "funded-by", N_("Funded by"), 2),
  CHOICE ("supervisor_id", "supervisor-id", N_("Supervisor"), 2, COHORT_QUERY_KIND_PERSONS),
  TEXT ("evaluation", "evaluation", N_("Evaluation"), 2),
};

static const Field career_fields[] = {
  CHOICE ("organisation_id", "organisation-id", N_("Organisation"), 0,
          COHORT_QUERY_KIND_ORGANISATIONS),
  TEXT ("position_title", "position-title", N_("Position"), 0),
  TERM ("sector", "sector", N_("Sector"), 0, COHORT_VOCABULARY_CAREER_SECTOR),
  { "country", "country", N_("Country (two-letter code, e.g. KE)"), FIELD_COUNTRY, 0, 0, 0 },
  TEXT ("start_date", "start-date", N_("Start (YYYY, YYYY-MM or YYYY-MM-DD)"), 1),
  TEXT ("end_date", "end-date", N_("End (YYYY, YYYY-MM or YYYY-MM-DD)"), 1),
  TERM ("source", "source", N_("Source"), 2, COHORT_VOCABULARY_CAREER_SOURCE),
  TEXT ("verified_on", "verified-on", N_("Verified on (YYYY-MM-DD)"), 2),
};

#undef TEXT
#undef TERM
#undef CHOICE

static const Form forms[] = {
  { cohort_enrolment_get_type,
    { N_("Course"), N_("Outcome"), NULL },
    enrolment_fields, G_N_ELEMENTS (enrolment_fields) },
  { cohort_placement_get_type,
    { N_("Who and Where"), N_("When"), N_("Terms") },
    placement_fields, G_N_ELEMENTS (placement_fields) },
  { cohort_career_record_get_type,
    { N_("Position"), N_("Dates"), N_("Verification") },
    career_fields, G_N_ELEMENTS (career_fields) },
};

struct _CohortRecordForm
{
  AdwBin              parent_instance;

  CohortDatabase     *database;
  CohortRecord       *record;         /* as stored, or new */
  const Form         *form;
  GPtrArray          *rows;           /* GtkWidget by field, NULL for a field not shown */
  GArray             *enrolment_ids;  /* gint64, the choices of the enrolment row; 0 first */
  GtkWidget          *error_row;
  GtkWidget          *error_field_row;
  char               *error_field;
  char               *error_text;
  guint               filling : 1;    /* filling the rows: no field was edited */

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (CohortRecordForm, cohort_record_form, ADW_TYPE_BIN)

static gboolean
term_is_optional (CohortVocabulary vocabulary)
{
  return cohort_vocabulary_get_default (vocabulary) == NULL;
}

static GtkWidget *
field_row (CohortRecordForm *self,
           guint             index)
{
  return g_ptr_array_index (self->rows, index);
}

/* The enrolments of a person, for a placement: which intake it follows. */
static void
fill_enrolments (CohortRecordForm *self,
                 AdwComboRow      *row,
                 gint64            person_id,
                 gint64            chosen)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListStore) enrolments = NULL;
  guint selected = 0;

  g_array_set_size (self->enrolment_ids, 0);
  g_array_append_val (self->enrolment_ids, (gint64) { 0 });
  gtk_string_list_append (labels, _("None"));

  if (person_id != 0)
    {
      g_autoptr(GError) error = NULL;

      enrolments = cohort_store_list_enrolments (self->database, person_id, &error);
      if (enrolments == NULL)
        g_debug ("Could not list enrolments: %s", error->message);
    }

  for (guint i = 0; enrolments != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (enrolments));
       i++)
    {
      g_autoptr(CohortEnrolment) enrolment = g_list_model_get_item (G_LIST_MODEL (enrolments), i);
      g_autoptr(CohortRecord) run = NULL;
      gint64 id = cohort_record_get_id (COHORT_RECORD (enrolment));
      const char *status = cohort_vocabulary_get_label (COHORT_VOCABULARY_ENROLMENT_STATUS,
                                                        cohort_enrolment_get_status (enrolment));

      run = cohort_store_load (self->database, COHORT_TYPE_COURSE_RUN,
                               cohort_enrolment_get_run_id (enrolment), NULL);
      if (id == chosen)
        selected = self->enrolment_ids->len;
      g_array_append_val (self->enrolment_ids, id);
      /* TRANSLATORS: an enrolment: the code of the course run, and the enrolment's status */
      gtk_string_list_take (labels,
                            g_strdup_printf (C_("enrolment", "%s · %s"),
                                             run != NULL ?
                                             cohort_course_run_get_code (COHORT_COURSE_RUN (run)) :
                                             _("Unknown run"),
                                             status != NULL ? status : ""));
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

/* The person of the record: the one chosen in the form, or the record's own. */
static gint64
form_person_id (CohortRecordForm *self)
{
  GtkWidget *row = cohort_record_form_get_field_row (self, "person_id");
  gint64 person_id = 0;

  if (row != NULL)
    return cohort_chooser_row_get_id (COHORT_CHOOSER_ROW (row));

  if (self->record != NULL)
    g_object_get (self->record, "person-id", &person_id, NULL);
  return person_id;
}

/* Another person chosen: their enrolments are the choices. */
static void
on_person_chosen_cb (CohortRecordForm *self,
                     GParamSpec       *pspec,
                     CohortChooserRow *row)
{
  GtkWidget *enrolment_row = cohort_record_form_get_field_row (self, "enrolment_id");

  if (!self->filling && enrolment_row != NULL)
    fill_enrolments (self, ADW_COMBO_ROW (enrolment_row), cohort_chooser_row_get_id (row), 0);
}

static GtkWidget *
create_row (CohortRecordForm *self,
            const Field      *field)
{
  GtkWidget *row = NULL;
  const char *title = _(field->title);

  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_COUNTRY:
    case FIELD_NUMBER:
      row = adw_entry_row_new ();
      if (field->kind == FIELD_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;

    case FIELD_TERM:
      row = adw_combo_row_new ();
      cohort_vocabulary_combo_fill (ADW_COMBO_ROW (row), field->vocabulary,
                                    term_is_optional (field->vocabulary));
      break;

    case FIELD_CHOICE:
      row = cohort_chooser_row_new (self->database, field->choice, title);
      if (strcmp (field->field, "person_id") == 0)
        g_signal_connect_object (row, "notify::id", G_CALLBACK (on_person_chosen_cb), self,
                                 G_CONNECT_SWAPPED);
      break;

    case FIELD_ENROLMENT:
      row = adw_combo_row_new ();
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, field->field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return row;
}

static void
fill_rows (CohortRecordForm *self)
{
  self->filling = TRUE;

  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const Field *field = &self->form->fields[i];
      GtkWidget *row = field_row (self, i);

      if (row == NULL)
        continue;

      switch (field->kind)
        {
        case FIELD_TEXT:
        case FIELD_COUNTRY:
          {
            g_autofree char *value = NULL;

            g_object_get (self->record, field->property, &value, NULL);
            gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
          }
          break;

        case FIELD_NUMBER:
          {
            g_autofree char *text = NULL;
            int value = 0;

            g_object_get (self->record, field->property, &value, NULL);
            if (value != 0)
              text = g_strdup_printf ("%d", value);
            gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
          }
          break;

        case FIELD_TERM:
          {
            g_autofree char *value = NULL;

            g_object_get (self->record, field->property, &value, NULL);
            cohort_vocabulary_combo_set_code (ADW_COMBO_ROW (row), field->vocabulary,
                                              term_is_optional (field->vocabulary), value);
          }
          break;

        case FIELD_CHOICE:
          {
            gint64 value = 0;

            g_object_get (self->record, field->property, &value, NULL);
            cohort_chooser_row_set_id (COHORT_CHOOSER_ROW (row), value);
          }
          break;

        case FIELD_ENROLMENT:
          {
            gint64 value = 0;

            g_object_get (self->record, field->property, &value, NULL);
            fill_enrolments (self, ADW_COMBO_ROW (row), form_person_id (self), value);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->filling = FALSE;
}

static void
cohort_record_form_dispose (GObject *object)
{
  CohortRecordForm *self = (CohortRecordForm *)object;

  /* AdwBin keeps a pointer to its child: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->page = NULL;
  self->error_row = NULL;
  self->error_field_row = NULL;
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->record);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_record_form_parent_class)->dispose (object);
}

static void
cohort_record_form_finalize (GObject *object)
{
  CohortRecordForm *self = (CohortRecordForm *)object;

  g_ptr_array_unref (self->rows);
  g_array_unref (self->enrolment_ids);
  g_free (self->error_field);
  g_free (self->error_text);

  G_OBJECT_CLASS (cohort_record_form_parent_class)->finalize (object);
}

static void
cohort_record_form_class_init (CohortRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohort_record_form_dispose;
  object_class->finalize = cohort_record_form_finalize;
}

static void
cohort_record_form_init (CohortRecordForm *self)
{
  self->rows = g_ptr_array_new ();
  self->enrolment_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}

GtkWidget *
cohort_record_form_new (void)
{
  return g_object_new (COHORT_TYPE_RECORD_FORM, NULL);
}

/**
 * cohort_record_form_build:
 * @type: %COHORT_TYPE_ENROLMENT, %COHORT_TYPE_PLACEMENT or %COHORT_TYPE_CAREER_RECORD
 * @choose_person: whether the person is a field of the form (a placement edited on its own),
 *   or fixed by the record (a record edited from its person)
 *
 * Builds the rows, once.
 */
void
cohort_record_form_build (CohortRecordForm *self,
                          CohortDatabase   *database,
                          GType             type,
                          gboolean          choose_person)
{
  AdwPreferencesGroup *groups[G_N_ELEMENTS (forms[0].groups)] = { NULL, };

  g_return_if_fail (COHORT_IS_RECORD_FORM (self));
  g_return_if_fail (COHORT_IS_DATABASE (database));
  g_return_if_fail (self->form == NULL);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (type == forms[i].get_type ())
      self->form = &forms[i];
  g_return_if_fail (self->form != NULL);

  self->database = g_object_ref (database);

  for (guint i = 0; i < G_N_ELEMENTS (groups) && self->form->groups[i] != NULL; i++)
    {
      groups[i] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[i], _(self->form->groups[i]));
      adw_preferences_page_add (self->page, groups[i]);
    }

  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const Field *field = &self->form->fields[i];
      GtkWidget *row = NULL;

      if (choose_person || strcmp (field->field, "person_id") != 0)
        {
          row = create_row (self, field);
          adw_preferences_group_add (groups[field->group], row);
        }
      g_ptr_array_add (self->rows, row);
    }
}

/**
 * cohort_record_form_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown, as stored (or new)
 */
CohortRecord *
cohort_record_form_get_record (CohortRecordForm *self)
{
  g_return_val_if_fail (COHORT_IS_RECORD_FORM (self), NULL);

  return self->record;
}

/**
 * cohort_record_form_set_record:
 * @record: (nullable): a record of the form's type, as stored or new
 *
 * Shows @record in the rows, forgetting any error shown.
 */
void
cohort_record_form_set_record (CohortRecordForm *self,
                               CohortRecord     *record)
{
  g_return_if_fail (COHORT_IS_RECORD_FORM (self));
  g_return_if_fail (self->form != NULL);
  g_return_if_fail (record == NULL || G_OBJECT_TYPE (record) == self->form->get_type ());

  g_set_object (&self->record, record);
  cohort_record_form_clear_error (self);
  if (record != NULL)
    fill_rows (self);
}

/**
 * cohort_record_copy:
 *
 * Returns: (transfer full): a new record of the same type with every property of @record
 */
CohortRecord *
cohort_record_copy (CohortRecord *record)
{
  CohortRecord *copy;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_val_if_fail (COHORT_IS_RECORD (record), NULL);

  copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return copy;
}

/**
 * cohort_record_form_dup_edited:
 * @error: why a value could not be read (a number that is none)
 *
 * Returns: (transfer full) (nullable): a new record: the one shown with the form's values, or
 *   %NULL with @error set when a field cannot be read (nothing typed is silently dropped)
 */
CohortRecord *
cohort_record_form_dup_edited (CohortRecordForm  *self,
                               GError           **error)
{
  g_autoptr(CohortRecord) edited = NULL;

  g_return_val_if_fail (COHORT_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->record == NULL)
    return NULL;

  edited = cohort_record_copy (self->record);
  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const Field *field = &self->form->fields[i];
      GtkWidget *row = field_row (self, i);

      if (row == NULL)
        continue;

      switch (field->kind)
        {
        case FIELD_TEXT:
        case FIELD_COUNTRY:
          {
            g_autofree char *value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

            g_strstrip (value);
            if (field->kind == FIELD_COUNTRY)
              {
                char *upper = g_ascii_strup (value, -1);

                g_free (value);
                value = upper;
              }
            g_object_set (edited, field->property, cohort_str_empty_to_null (value), NULL);
          }
          break;

        case FIELD_NUMBER:
          {
            g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
            guint64 value = 0;

            g_strstrip (text);
            if (text[0] != '\0' &&
                !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
              {
                /* TRANSLATORS: %s is a field, e.g. "Reserve rank" */
                cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field->field,
                                             _("%s must be a whole number from 1 up"),
                                             _(field->title));
                return NULL;
              }
            g_object_set (edited, field->property, (int) value, NULL);
          }
          break;

        case FIELD_TERM:
          g_object_set (edited, field->property,
                        cohort_vocabulary_combo_get_code (ADW_COMBO_ROW (row), field->vocabulary,
                                                          term_is_optional (field->vocabulary)),
                        NULL);
          break;

        case FIELD_CHOICE:
          g_object_set (edited, field->property,
                        cohort_chooser_row_get_id (COHORT_CHOOSER_ROW (row)), NULL);
          break;

        case FIELD_ENROLMENT:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

            g_object_set (edited, field->property,
                          selected < self->enrolment_ids->len ?
                          g_array_index (self->enrolment_ids, gint64, selected) : (gint64) 0,
                          NULL);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_steal_pointer (&edited);
}

void
cohort_record_form_clear_error (CohortRecordForm *self)
{
  g_return_if_fail (COHORT_IS_RECORD_FORM (self));

  cohort_record_form_unmark_row (self->error_field_row, self->error_row);
  self->error_field_row = NULL;
  self->error_row = NULL;

  g_clear_pointer (&self->error_field, g_free);
  g_clear_pointer (&self->error_text, g_free);
}

/**
 * cohort_record_form_show_error:
 * @error: why the record could not be saved
 *
 * Marks the row of the field @error concerns and shows the message right under it; an error
 * about no field of the form shows under the first row.
 */
void
cohort_record_form_show_error (CohortRecordForm *self,
                               const GError     *error)
{
  const char *field = NULL;
  GtkWidget *row = NULL;

  g_return_if_fail (COHORT_IS_RECORD_FORM (self));
  g_return_if_fail (error != NULL);
  g_return_if_fail (self->form != NULL);

  cohort_record_form_clear_error (self);

  if (error->domain == COHORT_VALIDATION_ERROR)
    field = cohort_validation_error_get_field (error);
  if (field != NULL)
    row = cohort_record_form_get_field_row (self, field);
  for (guint i = 0; row == NULL && i < self->rows->len; i++)
    row = field_row (self, i);

  self->error_field = g_strdup (field);
  self->error_text = g_strdup (error->message);
  self->error_field_row = row;
  self->error_row = cohort_record_form_mark_row (row, error->message);
}

/**
 * cohort_record_form_mark_row:
 * @row: a row of a #GtkListBox, the field in error
 * @message: what is wrong with it
 *
 * Marks @row as in error (its style, and for assistive technologies its state and
 * description), shows @message in a row of its own right under it and gives @row the focus.
 *
 * Returns: (transfer none): the row of the message, for cohort_record_form_unmark_row()
 */
GtkWidget *
cohort_record_form_mark_row (GtkWidget  *row,
                             const char *message)
{
  GtkWidget *message_row;
  GtkWidget *label;
  int index;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX (gtk_widget_get_parent (row)), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);

  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  message_row = gtk_list_box_row_new ();
  gtk_widget_set_name (message_row, "error-message");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (row)), message_row, index + 1);

  gtk_widget_grab_focus (row);

  return message_row;
}

/**
 * cohort_record_form_unmark_row:
 * @row: (nullable): a row marked by cohort_record_form_mark_row()
 * @message_row: (nullable): the row of its message
 *
 * Undoes cohort_record_form_mark_row(): @row looks as before and the message is removed.
 */
void
cohort_record_form_unmark_row (GtkWidget *row,
                               GtkWidget *message_row)
{
  g_return_if_fail (row == NULL || GTK_IS_WIDGET (row));
  g_return_if_fail (message_row == NULL || GTK_IS_LIST_BOX_ROW (message_row));

  if (row != NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (message_row != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (message_row)), message_row);
}

/**
 * cohort_record_form_get_field_row:
 * @field: a column of the record's table, e.g. `end_date`
 *
 * Returns: (transfer none) (nullable): the row of @field
 */
GtkWidget *
cohort_record_form_get_field_row (CohortRecordForm *self,
                                  const char       *field)
{
  g_return_val_if_fail (COHORT_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; self->form != NULL && i < self->form->n_fields; i++)
    if (strcmp (self->form->fields[i].field, field) == 0)
      return field_row (self, i);

  return NULL;
}

/**
 * cohort_record_form_get_error_field:
 *
 * Returns: (nullable): the field whose row shows the last refusal, if any
 */
const char *
cohort_record_form_get_error_field (CohortRecordForm *self)
{
  g_return_val_if_fail (COHORT_IS_RECORD_FORM (self), NULL);

  return self->error_field;
}

/**
 * cohort_record_form_get_error_text:
 *
 * Returns: (nullable): the message shown under a field, or %NULL
 */
const char *
cohort_record_form_get_error_text (CohortRecordForm *self)
{
  g_return_val_if_fail (COHORT_IS_RECORD_FORM (self), NULL);

  return self->error_text;
}

void
cohort_record_form_focus_first (CohortRecordForm *self)
{
  g_return_if_fail (COHORT_IS_RECORD_FORM (self));

  for (guint i = 0; i < self->rows->len; i++)
    if (field_row (self, i) != NULL)
      {
        gtk_widget_grab_focus (field_row (self, i));
        return;
      }
}
