/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-person-editor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-format.h"
#include "cohort-organisation.h"
#include "cohort-person-privacy.h"
#include "cohort-placement.h"
#include "cohort-record-editor.h"
#include "cohort-record-form.h"
#include "cohort-store.h"
#include "cohort-toast.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary-combo.h"
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

  CohortDatabase     *database;
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

  GPtrArray          *history_rows[3];     /* AdwActionRow, by CohortPersonHistory */
  GPtrArray          *history_records[3];  /* CohortRecord of each row */
};

G_DEFINE_FINAL_TYPE (CohortPersonEditor, cohort_person_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PERSON,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds of records listed under the person's fields. */
static const struct
{
  GType      (*get_type) (void);
  const char  *add_tooltip;
  const char  *empty;
} history_kinds[] = {
  { cohort_enrolment_get_type, N_("Add Enrolment"), N_("No enrolments recorded") },
  { cohort_placement_get_type, N_("Add Placement"), N_("No placements recorded") },
  { cohort_career_record_get_type, N_("Add Career Record"), N_("No career records recorded") },
};

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
        cohort_vocabulary_combo_set_code (ADW_COMBO_ROW (row), fields[i].vocabulary, FALSE,
                                          value);
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
      g_ptr_array_set_size (self->history_records[kind], 0);
      gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
    }
}

/* The person's enrolments, placements and career, each a row that opens its editor. */

static char *
dup_organisation_name (CohortPersonEditor *self,
                       gint64              id)
{
  g_autoptr(CohortRecord) organisation = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return NULL;

  organisation = cohort_store_load (self->database, COHORT_TYPE_ORGANISATION, id, &error);
  if (organisation == NULL)
    {
      g_debug ("Could not read organisation %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  return g_strdup (cohort_organisation_get_name (COHORT_ORGANISATION (organisation)));
}

/* "10/01/2024 – 30/06/2024" (in the reader's date format), or one end of it. */
static char *
dup_period (const char *start,
            const char *end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  start = cohort_str_empty_to_null (start);
  end = cohort_str_empty_to_null (end);
  from = cohort_format_date (start);
  to = cohort_format_date (end);

  if (start != NULL && end != NULL)
    /* TRANSLATORS: a period from one date to another */
    return g_strdup_printf (C_("period", "%s – %s"), from, to);
  if (start != NULL)
    /* TRANSLATORS: a period with a start and no end yet */
    return g_strdup_printf (C_("period", "from %s"), from);

  return end != NULL ? g_steal_pointer (&to) : NULL;
}

/* Two details of a record, either of which may be missing, as one line. */
static char *
dup_details (const char *first,
             const char *second)
{
  first = cohort_str_empty_to_null (first);
  second = cohort_str_empty_to_null (second);

  if (first != NULL && second != NULL)
    /* TRANSLATORS: two details of a record, e.g. "FY2024-A · Enrolled" */
    return g_strdup_printf (C_("details", "%s · %s"), first, second);

  return g_strdup (first != NULL ? first : second);
}

static void
describe_enrolment (CohortPersonEditor  *self,
                    CohortEnrolment     *enrolment,
                    char               **out_title,
                    char               **out_subtitle)
{
  g_autoptr(CohortRecord) run = NULL;
  g_autoptr(CohortRecord) course = NULL;
  const char *status;

  run = cohort_store_load (self->database, COHORT_TYPE_COURSE_RUN,
                           cohort_enrolment_get_run_id (enrolment), NULL);
  if (run != NULL)
    course = cohort_store_load (self->database, COHORT_TYPE_COURSE,
                                cohort_course_run_get_course_id (COHORT_COURSE_RUN (run)), NULL);

  status = cohort_vocabulary_get_label (COHORT_VOCABULARY_ENROLMENT_STATUS,
                                        cohort_enrolment_get_status (enrolment));
  *out_title = g_strdup (course != NULL ? cohort_course_get_title (COHORT_COURSE (course)) :
                         _("Unknown course"));
  *out_subtitle = dup_details (run != NULL ? cohort_course_run_get_code (COHORT_COURSE_RUN (run)) :
                               NULL,
                               status);
}

static void
describe_placement (CohortPersonEditor  *self,
                    CohortPlacement     *placement,
                    char               **out_title,
                    char               **out_subtitle)
{
  g_autofree char *host = dup_organisation_name (self, cohort_placement_get_host_id (placement));
  g_autofree char *office = dup_organisation_name (self,
                                                   cohort_placement_get_office_id (placement));
  g_autofree char *period = dup_period (cohort_placement_get_start_date (placement),
                                        cohort_placement_get_end_date (placement));
  const char *status = cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_STATUS,
                                                    cohort_placement_get_status (placement));
  g_autofree char *where = dup_details (host, office);

  *out_title = where != NULL ? g_steal_pointer (&where) : g_strdup (_("Host not recorded"));
  *out_subtitle = dup_details (period, status);
}

static void
describe_career (CohortPersonEditor  *self,
                 CohortCareerRecord  *record,
                 char               **out_title,
                 char               **out_subtitle)
{
  g_autofree char *organisation = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  const char *sector = cohort_vocabulary_get_label (COHORT_VOCABULARY_CAREER_SECTOR,
                                                    cohort_career_record_get_sector (record));

  organisation = dup_organisation_name (self, cohort_career_record_get_organisation_id (record));
  title = dup_details (cohort_career_record_get_position_title (record), organisation);
  period = dup_period (cohort_career_record_get_start_date (record),
                       cohort_career_record_get_end_date (record));
  *out_title = title != NULL ? g_steal_pointer (&title) : g_strdup (_("Position not recorded"));
  *out_subtitle = dup_details (sector, period);
}

static void
add_history_row (CohortPersonEditor  *self,
                 CohortPersonHistory  kind,
                 CohortRecord        *record)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  gint64 id = cohort_record_get_id (record);
  GtkWidget *row;
  GtkWidget *delete_button;
  GtkWidget *arrow;

  switch (kind)
    {
    case COHORT_PERSON_HISTORY_ENROLMENT:
      describe_enrolment (self, COHORT_ENROLMENT (record), &title, &subtitle);
      break;
    case COHORT_PERSON_HISTORY_PLACEMENT:
      describe_placement (self, COHORT_PLACEMENT (record), &title, &subtitle);
      break;
    case COHORT_PERSON_HISTORY_CAREER:
      describe_career (self, COHORT_CAREER_RECORD (record), &title, &subtitle);
      break;
    default:
      g_assert_not_reached ();
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Activating the row (a click, Enter) opens the record's editor. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "person.edit-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ux)", (guint32) kind, id);

  /* TRANSLATORS: %s describes the record, e.g. a course or a host organisation */
  delete_label = g_strdup_printf (_("Delete “%s”"), title);
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "person.delete-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "(ux)", (guint32) kind, id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  adw_preferences_group_add (history_group (self, kind), row);
  g_ptr_array_add (self->history_rows[kind], row);
  g_ptr_array_add (self->history_records[kind], g_object_ref (record));
}

static GListStore *
list_records (CohortPersonEditor  *self,
              CohortPersonHistory  kind,
              gint64               person_id,
              GError             **error)
{
  switch (kind)
    {
    case COHORT_PERSON_HISTORY_ENROLMENT:
      return cohort_store_list_enrolments (self->database, person_id, error);
    case COHORT_PERSON_HISTORY_PLACEMENT:
      return cohort_store_list_placements (self->database, person_id, error);
    case COHORT_PERSON_HISTORY_CAREER:
      return cohort_store_list_career_records (self->database, person_id, error);
    default:
      g_assert_not_reached ();
    }
}

/* The records are read again: after the person is shown, and after any of them changed. */
static void
list_history (CohortPersonEditor *self)
{
  gint64 person_id = self->person != NULL ? cohort_record_get_id (COHORT_RECORD (self->person)) : 0;

  clear_history (self);

  /* A person not saved yet has no records. */
  if (person_id == 0 || self->database == NULL)
    return;

  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    {
      AdwPreferencesGroup *group = history_group (self, kind);
      g_autoptr(GListStore) records = NULL;
      g_autoptr(GError) error = NULL;
      guint n;

      records = list_records (self, kind, person_id, &error);
      if (records == NULL)
        {
          adw_preferences_group_set_description (group, error->message);
          gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
          continue;
        }

      n = g_list_model_get_n_items (G_LIST_MODEL (records));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CohortRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);

          add_history_row (self, kind, record);
        }

      adw_preferences_group_set_description (group, n == 0 ? _(history_kinds[kind].empty) :
                                             NULL);
      gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
    }
}

static CohortRecord *
find_history_record (CohortPersonEditor  *self,
                     CohortPersonHistory  kind,
                     gint64               id,
                     guint               *out_position)
{
  for (guint i = 0; i < self->history_records[kind]->len; i++)
    {
      CohortRecord *record = g_ptr_array_index (self->history_records[kind], i);

      if (cohort_record_get_id (record) == id)
        {
          if (out_position != NULL)
            *out_position = i;
          return record;
        }
    }

  return NULL;
}

static void
on_record_saved_cb (CohortPersonEditor *self,
                    CohortRecord       *record,
                    CohortRecordEditor *editor)
{
  list_history (self);
}

static CohortRecordEditor *
open_record_editor (CohortPersonEditor *self,
                    CohortRecord       *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = cohort_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->database, record);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_record_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return COHORT_RECORD_EDITOR (editor);
}

static void
add_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cohort_person_editor_add_record (COHORT_PERSON_EDITOR (widget),
                                   g_variant_get_uint32 (parameter));
}

/* The record an action's `(ux)` parameter names (its kind and id), if the editor shows it. */
static gboolean
find_action_record (CohortPersonEditor *self,
                    GVariant           *parameter,
                    guint32            *kind,
                    guint              *position)
{
  gint64 id;

  g_variant_get (parameter, "(ux)", kind, &id);

  return *kind < G_N_ELEMENTS (self->history_rows) &&
         find_history_record (self, *kind, id, position) != NULL;
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CohortPersonEditor *self = COHORT_PERSON_EDITOR (widget);
  guint32 kind;
  guint position;

  if (find_action_record (self, parameter, &kind, &position))
    cohort_person_editor_edit_record (self, kind, position);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortPersonEditor *self = COHORT_PERSON_EDITOR (widget);
  guint32 kind;
  guint position;

  g_autoptr(GError) error = NULL;

  if (!find_action_record (self, parameter, &kind, &position))
    return;

  if (!cohort_person_editor_delete_record (self, kind, position, &error) && error != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        cohort_toast_show_failure (ADW_TOAST_OVERLAY (overlay), error);
      else
        g_warning ("Could not delete the record: %s", error->message);
    }
}

static GtkWidget *
create_add_button (CohortPersonHistory kind)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  const char *tooltip = _(history_kinds[kind].add_tooltip);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* TRANSLATORS: a button above a list of records (enrolments, placements, career) */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), C_("record", "Add…"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.add-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", (guint32) kind);

  return button;
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
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_person_editor_parent_class)->dispose (object);
}

static void
cohort_person_editor_finalize (GObject *object)
{
  CohortPersonEditor *self = (CohortPersonEditor *)object;

  g_free (self->error_text);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    {
      g_ptr_array_unref (self->history_rows[kind]);
      g_ptr_array_unref (self->history_records[kind]);
    }

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
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

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
    case PROP_DATABASE:
      cohort_person_editor_set_database (self, g_value_get_object (value));
      break;

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
   * CohortPersonEditor:database:
   *
   * Where the person's enrolments, placements and career records are read and saved.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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

  /**
   * CohortPersonEditor::record-deleted:
   * @type: the type of the record: #CohortEnrolment, #CohortPlacement or #CohortCareerRecord
   * @id: its id
   *
   * A record of the person was deleted (softly: cohort_store_undelete() brings it back).
   */
  signals[RECORD_DELETED] =
    g_signal_new ("record-deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);

  /* The editor of each record, a window of its own, is part of this one. */
  g_type_ensure (COHORT_TYPE_RECORD_EDITOR);

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

  gtk_widget_class_install_action (widget_class, "person.add-record", "u", add_record_action);
  gtk_widget_class_install_action (widget_class, "person.edit-record", "(ux)",
                                   edit_record_action);
  gtk_widget_class_install_action (widget_class, "person.delete-record", "(ux)",
                                   delete_record_action);
  cohort_person_privacy_install_actions (widget_class);
}

static void
cohort_person_editor_init (CohortPersonEditor *self)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    {
      self->history_rows[kind] = g_ptr_array_new ();
      self->history_records[kind] = g_ptr_array_new_with_free_func (g_object_unref);
    }

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < G_N_ELEMENTS (self->history_rows); kind++)
    adw_preferences_group_set_header_suffix (history_group (self, kind),
                                             create_add_button (kind));

  cohort_vocabulary_combo_fill (self->name_order_row, COHORT_VOCABULARY_NAME_ORDER, FALSE);
  cohort_vocabulary_combo_fill (self->gender_row, COHORT_VOCABULARY_GENDER, FALSE);

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
  list_history (self);
  fill_rows (self);
  gtk_stack_set_visible_child_name (self->stack, person != NULL ? "form" : "none");
  cohort_person_privacy_update_actions (self);
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
        g_object_set (edited, fields[i].property,
                      cohort_vocabulary_combo_get_code (ADW_COMBO_ROW (row),
                                                        fields[i].vocabulary, FALSE),
                      NULL);
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
  /* The message goes in a row of its own right under the field. */
  self->error_row = cohort_record_form_mark_row (row, error->message);
}

void
cohort_person_editor_clear_error (CohortPersonEditor *self)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));

  cohort_record_form_unmark_row (self->error_field, self->error_row);
  self->error_field = NULL;
  self->error_row = NULL;

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
 * cohort_person_editor_get_database:
 *
 * Returns: (transfer none) (nullable): where the person's records are read and saved
 */
CohortDatabase *
cohort_person_editor_get_database (CohortPersonEditor *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  return self->database;
}

void
cohort_person_editor_set_database (CohortPersonEditor *self,
                                   CohortDatabase     *database)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));
  g_return_if_fail (database == NULL || COHORT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  list_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * cohort_person_editor_reload_records:
 *
 * Reads the person's enrolments, placements and career records again, e.g. after one was
 * restored.
 */
void
cohort_person_editor_reload_records (CohortPersonEditor *self)
{
  g_return_if_fail (COHORT_IS_PERSON_EDITOR (self));

  list_history (self);
}

/**
 * cohort_person_editor_get_history_record:
 * @kind: which list
 * @position: the row, counted from 0
 *
 * Returns: (transfer none) (nullable): the record the row shows, as stored
 */
CohortRecord *
cohort_person_editor_get_history_record (CohortPersonEditor  *self,
                                         CohortPersonHistory  kind,
                                         guint                position)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (kind <= COHORT_PERSON_HISTORY_CAREER, NULL);

  if (position >= self->history_records[kind]->len)
    return NULL;

  return g_ptr_array_index (self->history_records[kind], position);
}

/**
 * cohort_person_editor_add_record:
 * @kind: which kind of record
 *
 * Opens the editor of a new record of the person shown, which must be saved already.
 *
 * Returns: (transfer none) (nullable): the editor, a window of its own
 */
CohortRecordEditor *
cohort_person_editor_add_record (CohortPersonEditor  *self,
                                 CohortPersonHistory  kind)
{
  g_autoptr(CohortRecord) record = NULL;
  gint64 person_id;

  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (kind <= COHORT_PERSON_HISTORY_CAREER, NULL);

  person_id = self->person != NULL ? cohort_record_get_id (COHORT_RECORD (self->person)) : 0;
  if (person_id == 0 || self->database == NULL)
    return NULL;

  record = g_object_new (history_kinds[kind].get_type (), "person-id", person_id, NULL);

  return open_record_editor (self, record);
}

/**
 * cohort_person_editor_edit_record:
 * @kind: which list
 * @position: the row, counted from 0
 *
 * Returns: (transfer none) (nullable): the editor of the record, a window of its own
 */
CohortRecordEditor *
cohort_person_editor_edit_record (CohortPersonEditor  *self,
                                  CohortPersonHistory  kind,
                                  guint                position)
{
  CohortRecord *record;

  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), NULL);

  record = cohort_person_editor_get_history_record (self, kind, position);
  if (record == NULL || self->database == NULL)
    return NULL;

  return open_record_editor (self, record);
}

/**
 * cohort_person_editor_delete_record:
 * @kind: which list
 * @position: the row, counted from 0
 *
 * Deletes the record (softly) and emits #CohortPersonEditor::record-deleted.
 *
 * Returns: whether the record was deleted
 */
gboolean
cohort_person_editor_delete_record (CohortPersonEditor   *self,
                                    CohortPersonHistory   kind,
                                    guint                 position,
                                    GError              **error)
{
  g_autoptr(CohortRecord) record = NULL;
  CohortRecord *shown;
  GType type;
  gint64 id;

  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  shown = cohort_person_editor_get_history_record (self, kind, position);
  if (shown == NULL || self->database == NULL)
    return FALSE;

  record = g_object_ref (shown);
  type = G_OBJECT_TYPE (record);
  id = cohort_record_get_id (record);
  if (!cohort_store_delete (self->database, type, id, error))
    return FALSE;

  list_history (self);
  g_signal_emit (self, signals[RECORD_DELETED], 0, type, id);

  return TRUE;
}

guint
cohort_person_editor_get_n_history (CohortPersonEditor  *self,
                                    CohortPersonHistory  kind)
{
  g_return_val_if_fail (COHORT_IS_PERSON_EDITOR (self), 0);
  g_return_val_if_fail (kind <= COHORT_PERSON_HISTORY_CAREER, 0);

  return self->history_rows[kind]->len;
}
