/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-person-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/* The rows of the form, one per column of `person` the editor changes. */
typedef struct
{
  const char       *field;       /* the column, as validation errors name it */
  const char       *property;    /* the CohortPerson property */
  gssize            row_offset;  /* of the row in CohortPersonEditor */
  gboolean          is_combo;
  CohortVocabulary  vocabulary;  /* of a combo row */
} Field;

struct _CohortPersonEditor
{
  AdwBin              parent_instance;

  CohortPerson       *person;       /* the stored state being edited, or a new person */
  GtkWidget          *error_row;    /* the message under the row in error, or NULL */
  GtkWidget          *error_field;  /* the row in error, or NULL */
  char               *error_text;
  guint               loading : 1;  /* filling the rows: not a change */
  guint               modified : 1;

  /* Template widgets */
  GtkStack           *stack;
  GtkLabel           *heading;
  GtkWidget          *back_button;
  AdwPreferencesPage *form_page;
  AdwEntryRow        *code_row;
  AdwEntryRow        *family_name_row;
  AdwEntryRow        *given_name_row;
  AdwEntryRow        *family_name_local_row;
  AdwEntryRow        *given_name_local_row;
  AdwComboRow        *name_order_row;
  AdwComboRow        *gender_row;
  AdwEntryRow        *gender_self_row;
  AdwEntryRow        *birth_date_row;
  AdwEntryRow        *nationality_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *phone_row;
  AdwEntryRow        *notes_row;
  AdwPreferencesGroup *enrolments_group;
  AdwPreferencesGroup *placements_group;
  AdwPreferencesGroup *careers_group;

  GPtrArray          *history_rows[3];  /* AdwActionRow, by CohortPersonHistory */
};

G_DEFINE_FINAL_TYPE (CohortPersonEditor, cohort_person_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ENTRY(f, p) { #f, p, G_STRUCT_OFFSET (CohortPersonEditor, f##_row), FALSE, 0 }
#define COMBO(f, p, v) { #f, p, G_STRUCT_OFFSET (CohortPersonEditor, f##_row), TRUE, v }

static const Field fields[] = {
  ENTRY (code, "code"),
  ENTRY (family_name, "family-name"),
  ENTRY (given_name, "given-name"),
  ENTRY (family_name_local, "family-name-local"),
  ENTRY (given_name_local, "given-name-local"),
  COMBO (name_order, "name-order", COHORT_VOCABULARY_NAME_ORDER),
  COMBO (gender, "gender", COHORT_VOCABULARY_GENDER),
  ENTRY (gender_self, "gender-self"),
  ENTRY (birth_date, "birth-date"),
  ENTRY (nationality, "nationality"),
  ENTRY (email, "email"),
  ENTRY (phone, "phone"),
  ENTRY (notes, "notes"),
};

#undef ENTRY
#undef COMBO

static GtkWidget *
field_row (CohortPersonEditor *self,
           const Field        *field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field->row_offset);
}

static void
set_modified (CohortPersonEditor *self,
              gboolean            modified)
{
  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_field_changed_cb (CohortPersonEditor *self)
{
  if (!self->loading)
    set_modified (self, TRUE);
}

/* A combo row lists its vocabulary's translated labels in the vocabulary's order. */
static void
fill_combo (AdwComboRow      *row,
            CohortVocabulary  vocabulary)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static guint
combo_position (CohortVocabulary  vocabulary,
                const char       *code)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  if (cohort_str_empty_to_null (code) == NULL)
    code = cohort_vocabulary_get_default (vocabulary);

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; code != NULL && i < n_terms; i++)
    if (strcmp (terms[i].code, code) == 0)
      return i;

  return 0;
}

static void
update_heading (CohortPersonEditor *self)
{
  g_autofree char *heading = NULL;
  const char *family = NULL;
  const char *given = NULL;

  if (self->person != NULL)
    {
      family = cohort_str_empty_to_null (cohort_person_get_family_name (self->person));
      given = cohort_str_empty_to_null (cohort_person_get_given_name (self->person));
    }

  if (self->person == NULL || cohort_record_get_id (COHORT_RECORD (self->person)) == 0)
    heading = g_strdup (_("New Person"));
  else if (family != NULL && given != NULL)
    /* TRANSLATORS: a person's family name, then given name, as in a list */
    heading = g_strdup_printf (C_("person name", "%s, %s"), family, given);
  else
    heading = g_strdup (family != NULL ? family : given != NULL ? given : "");

  gtk_label_set_text (self->heading, heading);
}

static void
fill_rows (CohortPersonEditor *self)
{
  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = field_row (self, &fields[i]);
      g_autofree char *value = NULL;

      if (self->person != NULL)
        g_object_get (self->person, fields[i].property, &value, NULL);

      if (fields[i].is_combo)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                    combo_position (fields[i].vocabulary, value));
      else
        gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
    }

  self->loading = FALSE;
  set_modified (self, FALSE);
  update_heading (self);
}

static AdwPreferencesGroup *
history_group (CohortPersonEditor  *self,
               CohortPersonHistory  kind)
{
  switch (kind)
    {
    case COHORT_PERSON_HISTORY_ENROLMENT:
      return self->enrolments_group;
    case COHORT_PERSON_HISTORY_PLACEMENT:
      return self->placements_group;
    case COHORT_PERSON_HISTORY_CAREER:
      return self->careers_group;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
clear_history (CohortPersonEditor *self)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    {
      AdwPreferencesGroup *group = history_group (self, kind);

      for (guint i = 0; i < self->history_rows[kind]->len; i++)
        adw_preferences_group_remove (group, g_ptr_array_index (self->history_rows[kind], i));
      g_ptr_array_set_size (self->history_rows[kind], 0);
      gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
    }
}

static void
cohort_person_editor_dispose (GObject *object)
{
  CohortPersonEditor *self = (CohortPersonEditor *)object;

  /* AdwBin keeps a pointer to its child: let it go before the template unparents it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_PERSON_EDITOR);
  self->error_row = NULL;
  self->error_field = NULL;
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cohort_person_editor_parent_class)->dispose (object);
}

static void
cohort_person_editor_finalize (GObject *object)
{
  CohortPersonEditor *self = (CohortPersonEditor *)object;

  g_free (self->error_text);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    g_ptr_array_unref (self->history_rows[kind]);

  G_OBJECT_CLASS (cohort_person_editor_parent_class)->finalize (object);
}

static void
cohort_person_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CohortPersonEditor *self = COHORT_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_person_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CohortPersonEditor *self = COHORT_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      cohort_person_editor_set_person (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_person_editor_class_init (CohortPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohort_person_editor_dispose;
  object_class->finalize = cohort_person_editor_finalize;
  object_class->get_property = cohort_person_editor_get_property;
  object_class->set_property = cohort_person_editor_set_property;

  /**
   * CohortPersonEditor:person:
   *
   * The person being edited, as stored (an id of 0 for a new person), or %NULL.
   */
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         COHORT_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CohortPersonEditor:modified:
   *
   * Whether a field was changed since the person was shown.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, family_name_local_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, given_name_local_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, name_order_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, gender_self_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, enrolments_group);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, placements_group);
  gtk_widget_class_bind_template_child (widget_class, CohortPersonEditor, careers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
cohort_person_editor_init (CohortPersonEditor *self)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    self->history_rows[kind] = g_ptr_array_new ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combo (self->name_order_row, COHORT_VOCABULARY_NAME_ORDER);
  fill_combo (self->gender_row, COHORT_VOCABULARY_GENDER);

  /* The rows speak their titles; entry rows also say what a field expects. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = field_row (self, &fields[i]);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                      -1);
    }

  self->loading = FALSE;
}

GtkWidget *
cohort_person_editor_new (void)
{
  return g_object_new (COHORT_TYPE_PERSON_EDITOR, NULL);
}

/**
 * cohort_person_editor_get_person:
 *
 * Returns: (transfer none) (nullable): the person shown, as stored
 */
CohortPerson *
cohort_person_editor_get_person (CohortPersonEditor *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  return self->person;
}

/**
 * cohort_person_editor_set_person:
 * @person: (nullable): the person to show (an id of 0 for a new one), or %NULL for none
 *
 * Shows @person in the form, forgetting any change and any error shown.
 */
void
cohort_person_editor_set_person (CohortPersonEditor *self,
                                 CohortPerson       *person)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));
  g_return_if_fail (person == NULL || COHORT_IS_PERSON (person));

  g_set_object (&self->person, person);
  cohort_person_editor_clear_error (self);
  clear_history (self);
  fill_rows (self);
  gtk_stack_set_visible_child_name (self->stack, person != NULL ? "form" : "none");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

/**
 * cohort_person_editor_dup_edited:
 *
 * Returns: (transfer full) (nullable): a new person: the one shown with the form's values, or
 *   %NULL when none is shown
 */
CohortPerson *
cohort_person_editor_dup_edited (CohortPersonEditor *self)
{
  CohortPerson *edited;
  CohortRecord *record;

  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  if (self->person == NULL)
    return NULL;

  edited = cohort_person_new ();
  record = COHORT_RECORD (edited);
  cohort_record_set_id (record, cohort_record_get_id (COHORT_RECORD (self->person)));
  cohort_record_set_created_at (record,
                                cohort_record_get_created_at (COHORT_RECORD (self->person)));
  cohort_record_set_updated_at (record,
                                cohort_record_get_updated_at (COHORT_RECORD (self->person)));
  cohort_record_set_deleted_at (record,
                                cohort_record_get_deleted_at (COHORT_RECORD (self->person)));
  cohort_person_set_affiliation_id (edited, cohort_person_get_affiliation_id (self->person));
  cohort_person_set_anonymised_at (edited, cohort_person_get_anonymised_at (self->person));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = field_row (self, &fields[i]);

      if (fields[i].is_combo)
        {
          const CohortVocabularyTerm *terms;
          guint n_terms = 0;
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

          terms = cohort_vocabulary_get_terms (fields[i].vocabulary, &n_terms);
          g_object_set (edited, fields[i].property,
                        selected < n_terms ? terms[selected].code : NULL, NULL);
        }
      else
        {
          g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

          g_strstrip (text);

          g_object_set (edited, fields[i].property, text[0] != '\0' ? text : NULL, NULL);
        }
    }

  return edited;
}

gboolean
cohort_person_editor_get_modified (CohortPersonEditor *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), FALSE);

  return self->modified;
}

/**
 * cohort_person_editor_get_field_row:
 * @field: a column of `person`, e.g. `birth_date`
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
cohort_person_editor_get_field_row (CohortPersonEditor *self,
                                    const char         *field)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].field, field) == 0)
      return field_row (self, &fields[i]);

  return NULL;
}

/**
 * cohort_person_editor_show_error:
 * @error: why the person could not be saved
 *
 * Marks the row of the field @error concerns and shows the message under it; an error about
 * no field of the form shows under the first group.
 */
void
cohort_person_editor_show_error (CohortPersonEditor *self,
                                 const GError       *error)
{
  const char *field = NULL;
  GtkWidget *row = NULL;
  GtkWidget *list;
  GtkWidget *label;
  int index;

  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));
  g_return_if_fail (error != NULL);

  cohort_person_editor_clear_error (self);

  if (error->domain == COHORT_VALIDATION_ERROR)
    field = cohort_validation_error_get_field (error);
  if (field != NULL)
    row = cohort_person_editor_get_field_row (self, field);
  /* A person's name is its family name or its given name: both are the name. */
  if (row == NULL && g_strcmp0 (field, "name") == 0)
    row = GTK_WIDGET (self->family_name_row);
  if (row == NULL)
    row = GTK_WIDGET (self->code_row);

  self->error_text = g_strdup (error->message);
  self->error_field = row;
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                  -1);

  /* The message goes in a row of its own right under the field. */
  list = gtk_widget_get_parent (row);
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  label = gtk_label_new (error->message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");

  self->error_row = gtk_list_box_row_new ();
  gtk_widget_set_name (self->error_row, "error-message");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->error_row), label);
  gtk_list_box_insert (GTK_LIST_BOX (list), self->error_row, index + 1);

  gtk_widget_grab_focus (row);
}

void
cohort_person_editor_clear_error (CohortPersonEditor *self)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));

  if (self->error_field != NULL)
    {
      gtk_widget_remove_css_class (self->error_field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->error_field),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->error_field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->error_field = NULL;
    }

  if (self->error_row != NULL)
    {
      gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (self->error_row)),
                           self->error_row);
      self->error_row = NULL;
    }

  g_clear_pointer (&self->error_text, g_free);
}

/**
 * cohort_person_editor_get_error_text:
 *
 * Returns: (nullable): the message shown under a field, or %NULL
 */
const char *
cohort_person_editor_get_error_text (CohortPersonEditor *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  return self->error_text;
}

void
cohort_person_editor_focus_first (CohortPersonEditor *self)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

/**
 * cohort_person_editor_get_back_button:
 *
 * Returns: (transfer none): the button back to the list, for the page to show when the editor
 *   covers the list
 */
GtkWidget *
cohort_person_editor_get_back_button (CohortPersonEditor *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  return self->back_button;
}

/**
 * cohort_person_editor_add_history:
 * @kind: which list
 * @title: what the row says first, e.g. the course
 * @subtitle: (nullable): the details, e.g. the run and the status
 *
 * Lists a record of the person shown, read-only, until another person is shown.
 */
void
cohort_person_editor_add_history (CohortPersonEditor  *self,
                                  CohortPersonHistory  kind,
                                  const char          *title,
                                  const char          *subtitle)
{
  AdwPreferencesGroup *group;
  GtkWidget *row;

  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));
  g_return_if_fail (kind <= COHORT_PERSON_HISTORY_CAREER);
  g_return_if_fail (title != NULL);

  group = history_group (self, kind);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->history_rows[kind], row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

guint
cohort_person_editor_get_n_history (CohortPersonEditor  *self,
                                    CohortPersonHistory  kind)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), 0);
  g_return_val_if_fail (kind <= COHORT_PERSON_HISTORY_CAREER, 0);

  return self->history_rows[kind]->len;
}
