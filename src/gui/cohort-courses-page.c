/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-courses-page-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cohort-column-sort.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-format.h"
#include "cohort-list-results.h"
#include "cohort-lookup.h"
#include "cohort-organisation.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-programme.h"
#include "cohort-run-stats.h"
#include "cohort-store.h"
#include "cohort-swap-model.h"
#include "cohort-toast.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"



/* What Ctrl+Z takes back: only the last change, of a course, a run or an enrolment. */
typedef enum
{
  UNDO_NONE,
  UNDO_CREATE,  /* undo_id was created: delete it */
  UNDO_EDIT,    /* undo_previous was the stored state of undo_id: save it back */
  UNDO_DELETE,  /* undo_id was deleted: restore it */
} UndoKind;

typedef enum
{
  FIELD_TEXT,
  FIELD_NUMBER,
  FIELD_VOCABULARY,
  FIELD_PROGRAMME,
  FIELD_ORGANISATION,  /* an id, edited as the organisation's exact name */
} FieldKind;

/* A field of an editor: a column of the record and the row that edits it. */
typedef struct
{
  const char       *field;     /* the column, as validation errors name it */
  const char       *property;
  const char       *title;
  FieldKind         kind;
  CohortVocabulary  vocabulary;
  gboolean          optional;  /* a vocabulary field that may be left unset */
} Field;

static const Field course_fields[] = {
  { "code", "code", N_("Code"), FIELD_TEXT },
  { "title", "title", N_("Title"), FIELD_TEXT },
  { "programme_id", "programme-id", N_("Programme"), FIELD_PROGRAMME },
  { "subject", "subject", N_("Subject"), FIELD_TEXT },
  { "description", "description", N_("Description"), FIELD_TEXT },
  { "url", "url", N_("Web address"), FIELD_TEXT },
  { "provider_id", "provider-id", N_("Provider (organisation name)"), FIELD_ORGANISATION },
  { "source", "source", N_("Source"), FIELD_TEXT },
};

static const Field run_fields[] = {
  { "code", "code", N_("Code"), FIELD_TEXT },
  { "start_date", "start-date", N_("Start date (YYYY-MM-DD)"), FIELD_TEXT },
  { "end_date", "end-date", N_("End date (YYYY-MM-DD)"), FIELD_TEXT },
  { "mode", "mode", N_("Mode"), FIELD_VOCABULARY, COHORT_VOCABULARY_RUN_MODE, TRUE },
  { "venue", "venue", N_("Venue"), FIELD_TEXT },
  { "capacity", "capacity", N_("Capacity"), FIELD_NUMBER },
  { "status", "status", N_("Status"), FIELD_VOCABULARY, COHORT_VOCABULARY_RUN_STATUS, FALSE },
  { "fiscal_year", "fiscal-year", N_("Fiscal year"), FIELD_NUMBER },
};

#define MAX_FIELDS 8

G_STATIC_ASSERT (G_N_ELEMENTS (course_fields) <= MAX_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (run_fields) <= MAX_FIELDS);

typedef struct
{
  const Field *fields;
  guint        n_fields;
  GtkListBox  *list;
  GtkWidget   *rows[MAX_FIELDS];
  GtkWidget   *error_row;    /* the message under the field in error, or NULL */
  GtkWidget   *error_field;  /* the row in error, or NULL */
  char        *error_text;
} Editor;

struct _CohortCoursesPage
{
  AdwBin              parent_instance;

  CohortDatabase     *database;
  CohortQueryModel   *model;        /* the courses */
  GtkSingleSelection *selection;
  CohortQueryModel   *runs;         /* of the course shown */
  GtkSingleSelection *run_selection;
  CohortQueryModel   *enrolments;   /* of the run shown */
  GtkSingleSelection *enrolment_selection;
  CohortQueryModel   *persons;      /* for the chooser of "Enrol a Person" */
  GtkSingleSelection *person_selection;
  GArray             *programme_ids;    /* gint64: the choices of the programme row, 0 first */
  GHashTable         *programme_names;  /* gint64 id → name */

  CohortCourse       *course;       /* in the course editor, or NULL; id 0 when new */
  CohortCourseRun    *run;          /* in the run editor, or NULL; id 0 when new */
  Editor              course_editor;
  Editor              run_editor;

  UndoKind            undo_kind;
  GType               undo_type;
  gint64              undo_id;
  CohortRecord       *undo_previous;

  guint               selecting : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkLabel           *results_label;
  GtkSpinner         *spinner;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *programme_column;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  GtkWidget          *back_button;
  GtkListBox         *course_list;
  GtkWidget          *delete_course_button;
  GtkWidget          *runs_box;
  GtkStack           *runs_stack;
  GtkColumnView      *runs_view;
  GtkColumnViewColumn *run_code_column;
  GtkColumnViewColumn *run_start_column;
  GtkColumnViewColumn *run_end_column;
  GtkColumnViewColumn *run_mode_column;
  GtkColumnViewColumn *run_venue_column;
  GtkColumnViewColumn *run_places_column;
  GtkColumnViewColumn *run_status_column;
  GtkWidget          *run_box;
  GtkLabel           *run_heading;
  GtkListBox         *run_list;
  GtkWidget          *enrolments_box;
  GtkLabel           *enrolments_label;
  GtkStack           *enrolments_stack;
  GtkColumnView      *enrolments_view;
  GtkColumnViewColumn *person_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *rank_column;
  GtkDropDown        *status_dropdown;
  GtkLabel           *enrolment_error_label;
  GtkMenuButton      *enrol_button;
  GtkPopover         *enrol_popover;
  GtkSearchEntry     *person_search;
  GtkListView        *person_view;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortCoursesPage, cohort_courses_page, ADW_TYPE_BIN)

static void update_actions (CohortCoursesPage *self);
static GtkSingleSelection *new_selection (CohortQueryModel *model);
static void show_course    (CohortCoursesPage *self,
                            CohortCourse      *course);
static void show_run       (CohortCoursesPage *self,
                            CohortCourseRun   *run);

static gint64
record_id (gpointer record)
{
  return record != NULL ? cohort_record_get_id (COHORT_RECORD (record)) : 0;
}

static void
show_toast (CohortCoursesPage *self,
            const char        *title,
            gboolean           with_undo)
{
  cohort_toast_show (self->toast_overlay, title, with_undo ? "courses.undo" : NULL);
}

static void
show_failure (CohortCoursesPage *self,
              const GError      *error)
{
  cohort_toast_show_failure (self->toast_overlay, error);
}

/* Undo */

static void
forget_undo (CohortCoursesPage *self)
{
  self->undo_kind = UNDO_NONE;
  self->undo_type = G_TYPE_INVALID;
  self->undo_id = 0;
  g_clear_object (&self->undo_previous);
}

static void
remember_undo (CohortCoursesPage *self,
               UndoKind           kind,
               GType              type,
               gint64             id,
               CohortRecord      *previous)
{
  forget_undo (self);
  self->undo_kind = kind;
  self->undo_type = type;
  self->undo_id = id;
  g_set_object (&self->undo_previous, previous);
  update_actions (self);
}

/* Editors: rows built from the fields, the record's values in and out. */

static GtkStringList *
vocabulary_labels (const Field *field)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  if (field->optional)
    gtk_string_list_append (labels, C_("value", "Not set"));

  terms = cohort_vocabulary_get_terms (field->vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));

  return labels;
}

static void
editor_build (Editor      *editor,
              GtkListBox  *list,
              const Field *fields,
              guint        n_fields)
{
  g_assert (n_fields <= MAX_FIELDS);

  editor->list = list;
  editor->fields = fields;
  editor->n_fields = n_fields;

  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      const char *title = gettext (field->title);
      GtkWidget *row;

      if (field->kind == FIELD_TEXT || field->kind == FIELD_NUMBER ||
          field->kind == FIELD_ORGANISATION)
        {
          row = adw_entry_row_new ();
          if (field->kind == FIELD_NUMBER)
            gtk_editable_set_width_chars (GTK_EDITABLE (row), 6);
        }
      else
        {
          row = adw_combo_row_new ();
          if (field->kind == FIELD_VOCABULARY)
            {
              g_autoptr(GtkStringList) labels = vocabulary_labels (field);

              adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
            }
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_list_box_append (list, row);
      editor->rows[i] = row;
    }
}

static void
editor_clear_error (Editor *editor)
{
  if (editor->error_field != NULL)
    {
      gtk_widget_remove_css_class (editor->error_field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (editor->error_field),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (editor->error_field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      editor->error_field = NULL;
    }

  if (editor->error_row != NULL)
    {
      gtk_list_box_remove (editor->list, editor->error_row);
      editor->error_row = NULL;
    }

  g_clear_pointer (&editor->error_text, g_free);
}

static GtkWidget *
editor_get_row (Editor     *editor,
                const char *field)
{
  for (guint i = 0; i < editor->n_fields; i++)
    if (g_strcmp0 (editor->fields[i].field, field) == 0)
      return editor->rows[i];

  return NULL;
}

/* The message goes in a row of its own right under the field it concerns; a message about no
 * field of the form goes first. */
static void
editor_show_error (Editor       *editor,
                   const GError *error)
{
  GtkWidget *row = editor_get_row (editor, cohort_validation_error_get_field (error));
  GtkWidget *label;
  int index = 0;

  editor_clear_error (editor);

  editor->error_text = g_strdup (error->message);
  if (row != NULL)
    {
      editor->error_field = row;
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1;
    }

  label = gtk_label_new (error->message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");

  editor->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (editor->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (editor->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (editor->error_row), label);
  gtk_list_box_insert (editor->list, editor->error_row, index);

  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static char *
dup_row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static guint
vocabulary_position (const Field *field,
                     const char  *code)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint offset = field->optional ? 1 : 0;

  terms = cohort_vocabulary_get_terms (field->vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      return i + offset;

  if (!field->optional)
    return vocabulary_position (&(Field) { .vocabulary = field->vocabulary, .optional = TRUE },
                                cohort_vocabulary_get_default (field->vocabulary)) - 1;

  return 0;
}

static guint
programme_position (CohortCoursesPage *self,
                    gint64             id)
{
  for (guint i = 0; i < self->programme_ids->len; i++)
    if (g_array_index (self->programme_ids, gint64, i) == id)
      return i;

  return 0;
}

static void
editor_set (CohortCoursesPage *self,
            Editor            *editor,
            GObject           *record)
{
  editor_clear_error (editor);

  for (guint i = 0; i < editor->n_fields; i++)
    {
      const Field *field = &editor->fields[i];
      GtkWidget *row = editor->rows[i];

      switch (field->kind)
        {
        case FIELD_TEXT:
          {
            g_autofree char *value = NULL;

            if (record != NULL)
              g_object_get (record, field->property, &value, NULL);
            gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
          }
          break;

        case FIELD_NUMBER:
          {
            int value = 0;
            g_autofree char *text = NULL;

            if (record != NULL)
              g_object_get (record, field->property, &value, NULL);
            text = value != 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
            gtk_editable_set_text (GTK_EDITABLE (row), text);
          }
          break;

        case FIELD_VOCABULARY:
          {
            g_autofree char *value = NULL;

            if (record != NULL)
              g_object_get (record, field->property, &value, NULL);
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), vocabulary_position (field, value));
          }
          break;

        case FIELD_PROGRAMME:
          {
            gint64 value = 0;

            if (record != NULL)
              g_object_get (record, field->property, &value, NULL);
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), programme_position (self, value));
          }
          break;

        case FIELD_ORGANISATION:
          {
            gint64 value = 0;
            g_autoptr(CohortRecord) organisation = NULL;

            if (record != NULL)
              g_object_get (record, field->property, &value, NULL);
            if (value != 0)
              organisation = cohort_store_load (self->database, COHORT_TYPE_ORGANISATION, value,
                                                NULL);
            gtk_editable_set_text (GTK_EDITABLE (row),
                                   organisation == NULL ? "" :
                                   cohort_organisation_get_name (
                                     COHORT_ORGANISATION (organisation)));
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Copies the rows into @record; only a number that is not one is refused here, the rest is for
 * core's rules. */
static gboolean
editor_read (CohortCoursesPage  *self,
             Editor             *editor,
             GObject            *record,
             GError            **error)
{
  for (guint i = 0; i < editor->n_fields; i++)
    {
      const Field *field = &editor->fields[i];
      GtkWidget *row = editor->rows[i];

      switch (field->kind)
        {
        case FIELD_TEXT:
          {
            g_autofree char *text = dup_row_text (row);

            g_object_set (record, field->property, text[0] != '\0' ? text : NULL, NULL);
          }
          break;

        case FIELD_NUMBER:
          {
            g_autofree char *text = dup_row_text (row);
            gint64 value = 0;

            if (text[0] != '\0' &&
                !g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
              {
                cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field->field,
                                             /* TRANSLATORS: %s is a field, e.g. "Capacity" */
                                             _("%s must be a whole number, like 25"),
                                             gettext (field->title));
                return FALSE;
              }
            g_object_set (record, field->property, (int) value, NULL);
          }
          break;

        case FIELD_VOCABULARY:
          {
            const CohortVocabularyTerm *terms;
            guint n_terms = 0;
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
            const char *code = NULL;

            terms = cohort_vocabulary_get_terms (field->vocabulary, &n_terms);
            if (field->optional && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
                selected <= n_terms)
              code = terms[selected - 1].code;
            else if (!field->optional && selected < n_terms)
              code = terms[selected].code;
            g_object_set (record, field->property, code, NULL);
          }
          break;

        case FIELD_ORGANISATION:
          {
            g_autofree char *text = dup_row_text (row);
            g_autoptr(CohortOrganisation) organisation = NULL;

            if (!cohort_lookup_organisation_by_name (self->database, text, &organisation, error))
              return FALSE;
            if (text[0] != '\0' && organisation == NULL)
              {
                cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND,
                                             field->field,
                                             /* TRANSLATORS: %s is what was typed as a name */
                                             _("No organisation is called “%s”: type its name "
                                               "exactly as it is recorded"),
                                             text);
                return FALSE;
              }
            g_object_set (record, field->property, record_id (organisation), NULL);
          }
          break;

        case FIELD_PROGRAMME:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
            gint64 id = 0;

            if (selected < self->programme_ids->len)
              id = g_array_index (self->programme_ids, gint64, selected);
            g_object_set (record, field->property, id, NULL);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/* Programmes: the choices of the course's programme row and the names of the list's column. */

static void
reload_programmes (CohortCoursesPage *self)
{
  g_autoptr(GListStore) programmes = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  GtkWidget *row = editor_get_row (&self->course_editor, "programme_id");
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  gint64 current = selected < self->programme_ids->len ?
                   g_array_index (self->programme_ids, gint64, selected) : 0;

  programmes = cohort_run_stats_list_programmes (self->database, &error);
  if (programmes == NULL)
    {
      g_debug ("Could not list programmes: %s", error->message);
      return;
    }

  g_array_set_size (self->programme_ids, 0);
  g_hash_table_remove_all (self->programme_names);
  g_array_append_val (self->programme_ids, none);
  gtk_string_list_append (labels, C_("programme", "None"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (programmes)); i++)
    {
      g_autoptr(CohortProgramme) programme = g_list_model_get_item (G_LIST_MODEL (programmes), i);
      gint64 id = record_id (programme);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_array_append_val (self->programme_ids, id);
      gtk_string_list_append (labels, cohort_programme_get_name (programme));
      g_hash_table_insert (self->programme_names, key,
                           g_strdup (cohort_programme_get_name (programme)));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), programme_position (self, current));
}

/* The list of courses */

static void
update_results (CohortCoursesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;
  gboolean filtered =
    cohort_str_empty_to_null (cohort_query_model_get_search (self->model)) != NULL;

  /* TRANSLATORS: the number of courses listed, e.g. "12 courses" */
  text = g_strdup_printf (g_dngettext (NULL, "%s course", "%s courses", n), number);
  cohort_list_results_show (self->model, self->results_label, self->content_stack, text,
                            filtered);
}

/* Keeps the selection of a list on the record shown. */
static void
select_id (CohortCoursesPage  *self,
           GtkSingleSelection *selection,
           CohortQueryModel   *model,
           gint64              id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (id != 0 && !cohort_query_model_find_id (model, id, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (selection) == position)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (selection, position);
  self->selecting = FALSE;
}

static void
on_items_changed_cb (CohortCoursesPage *self)
{
  select_id (self, self->selection, self->model, record_id (self->course));
  update_results (self);
}

static void
on_loading_changed_cb (CohortCoursesPage *self)
{
  gboolean loading = cohort_query_model_get_loading (self->model);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  update_results (self);
}

static void
on_selected_changed_cb (CohortCoursesPage *self)
{
  CohortCourse *item;

  if (self->selecting)
    return;

  /* A refresh of the list unselects: the editor keeps its course. */
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL || record_id (item) == record_id (self->course))
    return;

  show_course (self, item);
}

static void
on_column_view_activate_cb (CohortCoursesPage *self,
                            guint              position)
{
  g_autoptr(CohortCourse) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL)
    return;

  show_course (self, item);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (self->course_editor.rows[0]);
}

static void
on_search_changed_cb (CohortCoursesPage *self,
                      GtkSearchEntry    *entry)
{
  if (self->model != NULL)
    cohort_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Runs and enrolments */

static void
on_runs_changed_cb (CohortCoursesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->runs));

  select_id (self, self->run_selection, self->runs, record_id (self->run));
  if (!cohort_query_model_get_loading (self->runs))
    gtk_stack_set_visible_child_name (self->runs_stack, n > 0 ? "list" : "empty");
}

static void
on_run_selected_cb (CohortCoursesPage *self)
{
  CohortCourseRun *item;

  if (self->selecting)
    return;

  item = gtk_single_selection_get_selected_item (self->run_selection);
  if (item == NULL || record_id (item) == record_id (self->run))
    return;

  show_run (self, item);
}

static void
on_enrolments_changed_cb (CohortCoursesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->enrolments));
  g_autofree char *heading = NULL;

  if (cohort_query_model_get_loading (self->enrolments))
    return;

  gtk_stack_set_visible_child_name (self->enrolments_stack, n > 0 ? "list" : "empty");
  /* TRANSLATORS: the heading of the people enrolled in a run, with their number */
  heading = g_strdup_printf (g_dngettext (NULL, "%u Person Enrolled", "%u People Enrolled", n), n);
  gtk_label_set_text (self->enrolments_label, heading);
  update_actions (self);
}

static void
on_enrolment_selected_cb (CohortCoursesPage *self)
{
  CohortEnrolment *item = gtk_single_selection_get_selected_item (self->enrolment_selection);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  update_actions (self);
  if (item == NULL)
    return;

  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_ENROLMENT_STATUS, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].code, cohort_enrolment_get_status (item)) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}

static void
clear_enrolment_error (CohortCoursesPage *self)
{
  gtk_label_set_text (self->enrolment_error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->enrolment_error_label), FALSE);
}

static void
show_enrolment_error (CohortCoursesPage *self,
                      const GError      *error)
{
  gtk_label_set_text (self->enrolment_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->enrolment_error_label), TRUE);
}

static void
show_run (CohortCoursesPage *self,
          CohortCourseRun   *run)
{
  g_autofree char *id_text = NULL;
  gint64 id;

  g_set_object (&self->run, run);
  id = record_id (run);

  gtk_widget_set_visible (self->run_box, run != NULL);
  editor_set (self, &self->run_editor, G_OBJECT (run));
  clear_enrolment_error (self);

  if (run != NULL && id == 0)
    gtk_label_set_text (self->run_heading, _("New Run"));
  else if (run != NULL)
    {
      /* TRANSLATORS: the heading of a course run's details, %s is its code */
      g_autofree char *heading = g_strdup_printf (_("Run %s"), cohort_course_run_get_code (run));

      gtk_label_set_text (self->run_heading, heading);
    }

  gtk_widget_set_visible (self->enrolments_box, id != 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  cohort_query_model_set_filter (self->enrolments, COHORT_QUERY_FILTER_RUN, id_text);

  select_id (self, self->run_selection, self->runs, id);
  update_actions (self);
}

static void
show_course (CohortCoursesPage *self,
             CohortCourse      *course)
{
  g_autofree char *id_text = NULL;
  gint64 id;

  g_set_object (&self->course, course);
  id = record_id (course);

  if (course != NULL)
    reload_programmes (self);
  editor_set (self, &self->course_editor, G_OBJECT (course));
  gtk_stack_set_visible_child_name (self->detail_stack, course != NULL ? "course" : "none");
  gtk_widget_set_visible (self->runs_box, id != 0);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  cohort_query_model_set_filter (self->runs, COHORT_QUERY_FILTER_COURSE, id_text);
  show_run (self, NULL);

  select_id (self, self->selection, self->model, id);
  update_actions (self);
}

/* Sorting: in SQL, by the column the view shows as sorted (see cohort-column-sort.h). */

static void
on_courses_sorter_changed_cb (CohortCoursesPage *self,
                              GtkSorterChange    change,
                              GtkSorter         *sorter)
{
  cohort_column_sort_apply (sorter, self->model);
}

static void
on_runs_sorter_changed_cb (CohortCoursesPage *self,
                           GtkSorterChange    change,
                           GtkSorter         *sorter)
{
  cohort_column_sort_apply (sorter, self->runs);
}

static void
on_enrolments_sorter_changed_cb (CohortCoursesPage *self,
                                 GtkSorterChange    change,
                                 GtkSorter         *sorter)
{
  cohort_column_sort_apply (sorter, self->enrolments);
}

/* Cells: a label each, filled from the item. */

typedef char *(*CellText) (CohortCoursesPage *self,
                           gpointer           item);

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A long text (a course title) takes a second line before it is cut short. */
  if (g_object_get_data (G_OBJECT (factory), "cell-wrap") != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CohortCoursesPage        *self)
{
  CellText cell_text = g_object_get_data (G_OBJECT (factory), "cell-text");
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item != NULL ? cell_text (self, item) : NULL;
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* What does not fit is read in full in the tooltip. */
  gtk_widget_set_tooltip_text (label, cohort_str_empty_to_null (text));
}

static void
set_cell_text (CohortCoursesPage   *self,
               GtkColumnViewColumn *column,
               CellText             cell_text)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "cell-text", cell_text);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), self);
  gtk_column_view_column_set_factory (column, factory);
}

static char *
course_code_text (CohortCoursesPage *self,
                  gpointer           item)
{
  return g_strdup (cohort_course_get_code (item));
}

static char *
course_title_text (CohortCoursesPage *self,
                   gpointer           item)
{
  return g_strdup (cohort_course_get_title (item));
}

static char *
course_programme_text (CohortCoursesPage *self,
                       gpointer           item)
{
  gint64 id = cohort_course_get_programme_id (item);

  if (g_hash_table_size (self->programme_names) == 0)
    reload_programmes (self);

  return g_strdup (g_hash_table_lookup (self->programme_names, &id));
}

static char *
run_code_text (CohortCoursesPage *self,
               gpointer           item)
{
  return g_strdup (cohort_course_run_get_code (item));
}

static char *
run_start_text (CohortCoursesPage *self,
                gpointer           item)
{
  return cohort_format_date (cohort_course_run_get_start_date (item));
}

static char *
run_end_text (CohortCoursesPage *self,
              gpointer           item)
{
  return cohort_format_date (cohort_course_run_get_end_date (item));
}

static char *
run_mode_text (CohortCoursesPage *self,
               gpointer           item)
{
  return g_strdup (cohort_vocabulary_get_label (COHORT_VOCABULARY_RUN_MODE,
                                                cohort_course_run_get_mode (item)));
}

static char *
run_venue_text (CohortCoursesPage *self,
                gpointer           item)
{
  return g_strdup (cohort_course_run_get_venue (item));
}

static char *
run_places_text (CohortCoursesPage *self,
                 gpointer           item)
{
  g_autoptr(GError) error = NULL;
  int capacity = cohort_course_run_get_capacity (item);
  guint taken = 0;

  if (!cohort_run_stats_count_taken (self->database, record_id (item), &taken, &error))
    {
      g_debug ("Could not count the places taken: %s", error->message);
      return NULL;
    }

  if (capacity > 0)
    /* TRANSLATORS: places taken of the places in a run, e.g. "18 of 25" */
    return g_strdup_printf (C_("places", "%u of %d"), taken, capacity);

  return g_strdup_printf ("%u", taken);
}

static char *
run_status_text (CohortCoursesPage *self,
                 gpointer           item)
{
  return g_strdup (cohort_vocabulary_get_label (COHORT_VOCABULARY_RUN_STATUS,
                                                cohort_course_run_get_status (item)));
}

static char *
enrolment_person_text (CohortCoursesPage *self,
                       gpointer           item)
{
  g_autoptr(CohortRecord) person = NULL;
  g_autoptr(GError) error = NULL;

  person = cohort_store_load (self->database, COHORT_TYPE_PERSON,
                              cohort_enrolment_get_person_id (item), &error);
  if (person == NULL)
    {
      g_debug ("Could not read a person: %s", error->message);
      return g_strdup (_("Unknown person"));
    }

  return cohort_dup_person_display_name (COHORT_PERSON (person));
}

static char *
enrolment_status_text (CohortCoursesPage *self,
                       gpointer           item)
{
  return g_strdup (cohort_vocabulary_get_label (COHORT_VOCABULARY_ENROLMENT_STATUS,
                                                cohort_enrolment_get_status (item)));
}

static char *
enrolment_rank_text (CohortCoursesPage *self,
                     gpointer           item)
{
  int rank = cohort_enrolment_get_reserve_rank (item);

  return rank > 0 ? g_strdup_printf ("%d", rank) : NULL;
}

/* The chooser of a person to enrol. */

static void
setup_person_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_person_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  CohortPerson *person = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *name = person != NULL ? cohort_dup_person_display_name (person) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), name != NULL ? name : "");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)),
                      person != NULL ? cohort_person_get_code (person) : "");
}

/* Everyone is read when the chooser is first used, not when the window opens. */
static void
ensure_persons (CohortCoursesPage *self)
{
  if (self->persons != NULL || self->database == NULL)
    return;

  self->persons = cohort_query_model_new (self->database, COHORT_QUERY_KIND_PERSONS);
  cohort_query_model_set_search (self->persons,
                                 gtk_editable_get_text (GTK_EDITABLE (self->person_search)));
  self->person_selection = new_selection (self->persons);
  gtk_list_view_set_model (self->person_view, GTK_SELECTION_MODEL (self->person_selection));
}

static void
on_enrol_popover_show_cb (CohortCoursesPage *self)
{
  ensure_persons (self);
}

static void
on_person_search_changed_cb (CohortCoursesPage *self,
                             GtkSearchEntry    *entry)
{
  ensure_persons (self);
  if (self->persons != NULL)
    cohort_query_model_set_search (self->persons, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
enrol_person (CohortCoursesPage *self,
              gint64             person_id)
{
  g_autoptr(CohortEnrolment) enrolment = cohort_enrolment_new ();
  g_autoptr(CohortRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (record_id (self->run) == 0)
    return;

  clear_enrolment_error (self);
  cohort_enrolment_set_person_id (enrolment, person_id);
  cohort_enrolment_set_run_id (enrolment, record_id (self->run));
  cohort_enrolment_set_status (enrolment, "applied");

  if (!cohort_store_save (self->database, COHORT_RECORD (enrolment), &error))
    {
      show_enrolment_error (self, error);
      return;
    }

  remember_undo (self, UNDO_CREATE, COHORT_TYPE_ENROLMENT, record_id (enrolment), NULL);
  person = cohort_store_load (self->database, COHORT_TYPE_PERSON, person_id, NULL);
  name = person != NULL ? cohort_dup_person_display_name (COHORT_PERSON (person)) : NULL;
  /* TRANSLATORS: %s is the name of the person just enrolled */
  title = g_strdup_printf (_("Enrolled %s"), name != NULL ? name : "");
  show_toast (self, title, TRUE);
}

static void
on_person_activate_cb (CohortCoursesPage *self,
                       guint              position)
{
  gint64 id = cohort_query_model_get_id (self->persons, position);

  gtk_popover_popdown (self->enrol_popover);
  if (id != 0)
    enrol_person (self, id);
}

/* Actions */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(CohortCourse) course = cohort_course_new ();

  show_course (self, course);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (self->course_editor.rows[0]);
}

static void
new_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();

  if (record_id (self->course) == 0)
    return;

  cohort_course_run_set_course_id (run, record_id (self->course));
  show_run (self, run);
  gtk_widget_grab_focus (self->run_editor.rows[0]);
}

/* Saves what @editor shows over @shown (or as a new record of @type); on success returns the
 * stored record, and remembers how to take it back. */
static CohortRecord *
save_editor (CohortCoursesPage *self,
             Editor            *editor,
             GType              type,
             CohortRecord      *shown)
{
  g_autoptr(CohortRecord) edited = NULL;
  g_autoptr(CohortRecord) previous = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = record_id (shown);

  editor_clear_error (editor);

  if (id != 0)
    {
      previous = cohort_store_load (self->database, type, id, &error);
      if (previous == NULL)
        {
          editor_show_error (editor, error);
          return NULL;
        }
      edited = cohort_store_load (self->database, type, id, &error);
    }
  else
    edited = g_object_ref (shown);

  if (edited == NULL || !editor_read (self, editor, G_OBJECT (edited), &error) ||
      !cohort_store_save (self->database, edited, &error))
    {
      editor_show_error (editor, error);
      return NULL;
    }

  remember_undo (self, id == 0 ? UNDO_CREATE : UNDO_EDIT, type, record_id (edited), previous);

  return g_steal_pointer (&edited);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(CohortRecord) saved = NULL;

  if (self->course == NULL)
    return;

  /* A new course is not the one in the editor until it is saved. */
  if (record_id (self->course) == 0)
    {
      g_autoptr(CohortCourse) fresh = cohort_course_new ();

      saved = save_editor (self, &self->course_editor, COHORT_TYPE_COURSE, COHORT_RECORD (fresh));
    }
  else
    saved = save_editor (self, &self->course_editor, COHORT_TYPE_COURSE,
                         COHORT_RECORD (self->course));

  if (saved != NULL)
    show_course (self, COHORT_COURSE (saved));
}

static void
save_run_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(CohortRecord) saved = NULL;

  if (self->run == NULL)
    return;

  if (record_id (self->run) == 0)
    {
      g_autoptr(CohortCourseRun) fresh = cohort_course_run_new ();

      cohort_course_run_set_course_id (fresh, cohort_course_run_get_course_id (self->run));
      saved = save_editor (self, &self->run_editor, COHORT_TYPE_COURSE_RUN, COHORT_RECORD (fresh));
    }
  else
    saved = save_editor (self, &self->run_editor, COHORT_TYPE_COURSE_RUN,
                         COHORT_RECORD (self->run));

  if (saved != NULL)
    show_run (self, COHORT_COURSE_RUN (saved));
}

/* Ctrl+S saves the run when the focus is in its editor, else the course. */
static void
save_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->run_list)))
    gtk_widget_activate_action (widget, "courses.save-run", NULL);
  else
    gtk_widget_activate_action (widget, "courses.save", NULL);
}

static void
delete_record (CohortCoursesPage *self,
               GType              type,
               gint64             id,
               const char        *title)
{
  g_autoptr(GError) error = NULL;

  if (!cohort_store_delete (self->database, type, id, &error))
    {
      show_failure (self, error);
      return;
    }

  remember_undo (self, UNDO_DELETE, type, id, NULL);
  show_toast (self, title, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autofree char *title = NULL;
  gint64 id = record_id (self->course);

  if (id == 0)
    return;

  /* TRANSLATORS: %s is the title of the course just deleted */
  title = g_strdup_printf (_("Deleted %s"), cohort_course_get_title (self->course));
  delete_record (self, COHORT_TYPE_COURSE, id, title);
  if (self->undo_kind == UNDO_DELETE && self->undo_id == id)
    {
      show_course (self, NULL);
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
}

static void
delete_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autofree char *title = NULL;
  gint64 id = record_id (self->run);

  if (id == 0)
    return;

  /* TRANSLATORS: %s is the code of the course run just deleted */
  title = g_strdup_printf (_("Deleted run %s"), cohort_course_run_get_code (self->run));
  delete_record (self, COHORT_TYPE_COURSE_RUN, id, title);
  if (self->undo_kind == UNDO_DELETE && self->undo_id == id)
    show_run (self, NULL);
}

/* Shows @id again if it is a course or a run. */
static void
reopen (CohortCoursesPage *self,
        GType              type,
        gint64             id)
{
  g_autoptr(CohortRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (type != COHORT_TYPE_COURSE && type != COHORT_TYPE_COURSE_RUN)
    return;

  record = cohort_store_load (self->database, type, id, &error);
  if (record == NULL)
    {
      show_failure (self, error);
      return;
    }

  if (type == COHORT_TYPE_COURSE)
    show_course (self, COHORT_COURSE (record));
  else if (record_id (self->course) ==
           cohort_course_run_get_course_id (COHORT_COURSE_RUN (record)))
    show_run (self, COHORT_COURSE_RUN (record));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortRecord) previous = g_steal_pointer (&self->undo_previous);
  UndoKind kind = self->undo_kind;
  GType type = self->undo_type;
  gint64 id = self->undo_id;

  forget_undo (self);
  update_actions (self);

  switch (kind)
    {
    case UNDO_NONE:
      return;

    case UNDO_CREATE:
      if (!cohort_store_delete (self->database, type, id, &error))
        {
          show_failure (self, error);
          return;
        }
      if (type == COHORT_TYPE_COURSE && record_id (self->course) == id)
        show_course (self, NULL);
      else if (type == COHORT_TYPE_COURSE_RUN && record_id (self->run) == id)
        show_run (self, NULL);
      break;

    case UNDO_EDIT:
      {
        g_autoptr(CohortRecord) current = NULL;

        /* The previous state goes back over whatever is stored now. */
        current = cohort_store_load (self->database, type, id, &error);
        if (current == NULL)
          {
            show_failure (self, error);
            return;
          }
        cohort_record_set_updated_at (previous, cohort_record_get_updated_at (current));
        if (!cohort_store_save (self->database, previous, &error))
          {
            show_failure (self, error);
            return;
          }
        reopen (self, type, id);
      }
      break;

    case UNDO_DELETE:
      if (!cohort_store_undelete (self->database, type, id, &error))
        {
          show_failure (self, error);
          return;
        }
      reopen (self, type, id);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  CohortEnrolment *item = gtk_single_selection_get_selected_item (self->enrolment_selection);
  g_autoptr(CohortRecord) previous = NULL;
  g_autoptr(CohortRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  const char *status;
  gint64 id = record_id (item);

  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_ENROLMENT_STATUS, &n_terms);
  if (id == 0 || selected >= n_terms)
    return;

  clear_enrolment_error (self);
  status = terms[selected].code;
  previous = cohort_store_load (self->database, COHORT_TYPE_ENROLMENT, id, &error);
  if (previous != NULL)
    edited = cohort_store_load (self->database, COHORT_TYPE_ENROLMENT, id, &error);
  if (edited == NULL)
    {
      show_enrolment_error (self, error);
      return;
    }

  if (g_strcmp0 (cohort_enrolment_get_status (COHORT_ENROLMENT (edited)), status) == 0)
    return;

  /* A new reserve goes to the end of the reserve list; anyone else has no rank. */
  if (g_strcmp0 (status, "reserve") == 0)
    {
      int last = 0;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->enrolments)); i++)
        {
          g_autoptr(CohortEnrolment) other = NULL;

          other = g_list_model_get_item (G_LIST_MODEL (self->enrolments), i);

          last = MAX (last, cohort_enrolment_get_reserve_rank (other));
        }
      cohort_enrolment_set_reserve_rank (COHORT_ENROLMENT (edited), last + 1);
    }
  else
    cohort_enrolment_set_reserve_rank (COHORT_ENROLMENT (edited), 0);

  cohort_enrolment_set_status (COHORT_ENROLMENT (edited), status);
  if (!cohort_store_save (self->database, edited, &error))
    {
      show_enrolment_error (self, error);
      return;
    }

  remember_undo (self, UNDO_EDIT, COHORT_TYPE_ENROLMENT, id, previous);
}

static void
promote_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = record_id (self->run);

  if (id == 0)
    return;

  clear_enrolment_error (self);
  if (!cohort_run_stats_promote_reserve (self->database, id, NULL, &error))
    {
      show_enrolment_error (self, error);
      return;
    }

  /* Several records changed at once: Ctrl+Z does not take this back. */
  forget_undo (self);
  update_actions (self);
  show_toast (self, _("The first on the reserve list is now selected"), FALSE);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cohort_query_model_set_search (self->model, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_actions (CohortCoursesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_run = record_id (self->run) != 0;

  gtk_widget_action_set_enabled (widget, "courses.save", self->course != NULL);
  gtk_widget_action_set_enabled (widget, "courses.delete", record_id (self->course) != 0);
  gtk_widget_action_set_enabled (widget, "courses.new-run", record_id (self->course) != 0);
  gtk_widget_action_set_enabled (widget, "courses.save-run", self->run != NULL);
  gtk_widget_action_set_enabled (widget, "courses.delete-run", has_run);
  gtk_widget_action_set_enabled (widget, "courses.promote", has_run);
  gtk_widget_action_set_enabled (widget, "courses.change-status",
                                 has_run && self->enrolment_selection != NULL &&
                                 gtk_single_selection_get_selected_item (
                                   self->enrolment_selection) != NULL);
  gtk_widget_action_set_enabled (widget, "courses.undo", self->undo_kind != UNDO_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrol_button), has_run);
}

/* The empty state says how to fill the database. */
static void
describe_empty (CohortCoursesPage *self)
{
  const char *path = cohort_database_get_path (self->database);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *quoted = g_shell_quote (display_path);
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the database file, as typed in a terminal */
  description = g_markup_printf_escaped (
    _("The catalogue lists the courses of the programmes and their runs. Add a course with the "
      "New Course button, or load a demonstration programme by running “cohort --database %s "
      "demo” in a terminal."),
    quoted);
  adw_status_page_set_description (self->empty_page, description);
}

static GtkSingleSelection *
new_selection (CohortQueryModel *model)
{
  /* A search or a sort replaces every row: see cohort-swap-model.c. */
  GtkSingleSelection *selection = gtk_single_selection_new (
    G_LIST_MODEL (cohort_swap_model_new (G_LIST_MODEL (model))));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);

  return selection;
}

static void
cohort_courses_page_constructed (GObject *object)
{
  CohortCoursesPage *self = (CohortCoursesPage *)object;

  G_OBJECT_CLASS (cohort_courses_page_parent_class)->constructed (object);

  if (self->database == NULL)
    {
      g_critical ("A CohortCoursesPage needs a database");
      return;
    }

  describe_empty (self);
  reload_programmes (self);

  /* The courses */
  self->model = cohort_query_model_new (self->database, COHORT_QUERY_KIND_COURSES);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->selection = new_selection (self->model);
  /* The selection follows the course shown once the view has seen the change: hence after. */
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_courses_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->title_column, GTK_SORT_ASCENDING);

  /* The runs of the course shown: none until one is. */
  self->runs = cohort_query_model_new (self->database, COHORT_QUERY_KIND_COURSE_RUNS);
  cohort_query_model_set_filter (self->runs, COHORT_QUERY_FILTER_COURSE, "0");
  self->run_selection = new_selection (self->runs);
  g_signal_connect_object (self->run_selection, "notify::selected",
                           G_CALLBACK (on_run_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_selection, "items-changed",
                           G_CALLBACK (on_runs_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->runs, "notify::loading", G_CALLBACK (on_runs_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->runs_view, GTK_SELECTION_MODEL (self->run_selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->runs_view), "changed",
                           G_CALLBACK (on_runs_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The latest intake first: the one being prepared or run. */
  gtk_column_view_sort_by_column (self->runs_view, self->run_start_column, GTK_SORT_DESCENDING);

  /* The enrolments of the run shown. */
  self->enrolments = cohort_query_model_new (self->database, COHORT_QUERY_KIND_ENROLMENTS);
  cohort_query_model_set_filter (self->enrolments, COHORT_QUERY_FILTER_RUN, "0");
  self->enrolment_selection = new_selection (self->enrolments);
  g_signal_connect_object (self->enrolment_selection, "notify::selected",
                           G_CALLBACK (on_enrolment_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->enrolment_selection, "items-changed",
                           G_CALLBACK (on_enrolments_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->enrolments, "notify::loading",
                           G_CALLBACK (on_enrolments_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->enrolments_view,
                             GTK_SELECTION_MODEL (self->enrolment_selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->enrolments_view), "changed",
                           G_CALLBACK (on_enrolments_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->enrolments_view, self->person_column,
                                  GTK_SORT_ASCENDING);

  cohort_query_model_refresh (self->model);
  on_loading_changed_cb (self);
  show_course (self, NULL);
}

static void
cohort_courses_page_dispose (GObject *object)
{
  CohortCoursesPage *self = (CohortCoursesPage *)object;

  /* A query in flight keeps its model alive past the page; taking the columns away changes
   * the views' sorters. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->run_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->run_selection, self);
  if (self->enrolment_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->enrolment_selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_data (self->runs, self);
  if (self->enrolments != NULL)
    g_signal_handlers_disconnect_by_data (self->enrolments, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  if (self->runs_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->runs_view), self);
      gtk_column_view_set_model (self->runs_view, NULL);
    }
  if (self->enrolments_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->enrolments_view),
                                            self);
      gtk_column_view_set_model (self->enrolments_view, NULL);
    }
  if (self->person_view != NULL)
    gtk_list_view_set_model (self->person_view, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_COURSES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->run_selection);
  g_clear_object (&self->runs);
  g_clear_object (&self->enrolment_selection);
  g_clear_object (&self->enrolments);
  g_clear_object (&self->person_selection);
  g_clear_object (&self->persons);
  g_clear_object (&self->course);
  g_clear_object (&self->run);
  g_clear_pointer (&self->course_editor.error_text, g_free);
  g_clear_pointer (&self->run_editor.error_text, g_free);
  forget_undo (self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_courses_page_parent_class)->dispose (object);
}

static void
cohort_courses_page_finalize (GObject *object)
{
  CohortCoursesPage *self = (CohortCoursesPage *)object;

  g_clear_pointer (&self->programme_ids, g_array_unref);
  g_clear_pointer (&self->programme_names, g_hash_table_unref);

  G_OBJECT_CLASS (cohort_courses_page_parent_class)->finalize (object);
}

static void
cohort_courses_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_courses_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortCoursesPage *self = COHORT_COURSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_courses_page_class_init (CohortCoursesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_courses_page_constructed;
  object_class->dispose = cohort_courses_page_dispose;
  object_class->finalize = cohort_courses_page_finalize;
  object_class->get_property = cohort_courses_page_get_property;
  object_class->set_property = cohort_courses_page_set_property;

  /**
   * CohortCoursesPage:database:
   *
   * The database the page lists and edits.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-courses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, code_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, programme_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, course_list);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, delete_course_button);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, runs_box);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, runs_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, runs_view);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_code_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_start_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_end_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_mode_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_venue_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_places_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_status_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_box);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_heading);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, run_list);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrolments_box);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrolments_label);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrolments_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrolments_view);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, person_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, rank_column);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrolment_error_label);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, enrol_popover);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, person_search);
  gtk_widget_class_bind_template_child (widget_class, CohortCoursesPage, person_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enrol_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "courses.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "courses.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "courses.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "courses.save-focused", NULL,
                                   save_focused_action);
  gtk_widget_class_install_action (widget_class, "courses.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "courses.new-run", NULL, new_run_action);
  gtk_widget_class_install_action (widget_class, "courses.save-run", NULL, save_run_action);
  gtk_widget_class_install_action (widget_class, "courses.delete-run", NULL, delete_run_action);
  gtk_widget_class_install_action (widget_class, "courses.change-status", NULL,
                                   change_status_action);
  gtk_widget_class_install_action (widget_class, "courses.promote", NULL, promote_action);
  gtk_widget_class_install_action (widget_class, "courses.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "courses.clear-search", NULL,
                                   clear_search_action);
  gtk_widget_class_install_action (widget_class, "courses.back", NULL, back_action);

  /* Within the page; text fields keep Ctrl+Z for their own text.  Listed in
   * gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "courses.save-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "courses.undo", NULL);
}

static GtkShortcut *
action_shortcut (guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *action_name)
{
  return gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                           gtk_named_action_new (action_name));
}

static void
cohort_courses_page_init (CohortCoursesPage *self)
{
  g_autoptr(GtkListItemFactory) person_factory = NULL;
  GtkEventController *controller;

  self->programme_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->programme_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  editor_build (&self->course_editor, self->course_list, course_fields,
                G_N_ELEMENTS (course_fields));
  editor_build (&self->run_editor, self->run_list, run_fields, G_N_ELEMENTS (run_fields));

  set_cell_text (self, self->code_column, course_code_text);
  set_cell_text (self, self->title_column, course_title_text);
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->title_column)),
                     "cell-wrap", GINT_TO_POINTER (TRUE));
  set_cell_text (self, self->programme_column, course_programme_text);
  set_cell_text (self, self->run_code_column, run_code_text);
  set_cell_text (self, self->run_start_column, run_start_text);
  set_cell_text (self, self->run_end_column, run_end_text);
  set_cell_text (self, self->run_mode_column, run_mode_text);
  set_cell_text (self, self->run_venue_column, run_venue_text);
  set_cell_text (self, self->run_places_column, run_places_text);
  set_cell_text (self, self->run_status_column, run_status_text);
  set_cell_text (self, self->person_column, enrolment_person_text);
  set_cell_text (self, self->status_column, enrolment_status_text);
  set_cell_text (self, self->rank_column, enrolment_rank_text);

  cohort_column_sort_attach (self->code_column, COHORT_QUERY_SORT_CODE);
  cohort_column_sort_attach (self->title_column, COHORT_QUERY_SORT_TITLE);
  cohort_column_sort_attach (self->run_code_column, COHORT_QUERY_SORT_CODE);
  cohort_column_sort_attach (self->run_start_column, COHORT_QUERY_SORT_START_DATE);
  cohort_column_sort_attach (self->run_status_column, COHORT_QUERY_SORT_STATUS);
  cohort_column_sort_attach (self->person_column, COHORT_QUERY_SORT_PERSON);
  cohort_column_sort_attach (self->status_column, COHORT_QUERY_SORT_STATUS);
  cohort_column_sort_attach (self->rank_column, COHORT_QUERY_SORT_RESERVE_RANK);

  {
    const Field status_field = { .vocabulary = COHORT_VOCABULARY_ENROLMENT_STATUS };
    g_autoptr(GtkStringList) labels = vocabulary_labels (&status_field);

    gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  }

  person_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (person_factory, "setup", G_CALLBACK (setup_person_cb), NULL);
  g_signal_connect (person_factory, "bind", G_CALLBACK (bind_person_cb), NULL);
  gtk_list_view_set_factory (self->person_view, person_factory);

  /* Ctrl+F and Ctrl+N work wherever the focus is in the window, while the page shows. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_f, GDK_CONTROL_MASK,
                                                         "courses.find"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_n, GDK_CONTROL_MASK,
                                                         "courses.new"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete deletes the chosen course from the list, not a character of a field. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_Delete, 0, "courses.delete"));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  /* Narrow, the details cover the list: a click opens them, and a button goes back. */
  g_object_bind_property (self->leaflet, "folded", self->column_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

GtkWidget *
cohort_courses_page_new (CohortDatabase *database)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_COURSES_PAGE, "database", database, NULL);
}

CohortDatabase *
cohort_courses_page_get_database (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->database;
}

/* Private: for tests. */

CohortQueryModel *
cohort_courses_page_get_model (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->model;
}

CohortQueryModel *
cohort_courses_page_get_runs (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->runs;
}

CohortQueryModel *
cohort_courses_page_get_enrolments (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->enrolments;
}

/**
 * cohort_courses_page_get_persons:
 *
 * Returns: (nullable): the people of the chooser of "Enrol a Person", once it was used
 */
CohortQueryModel *
cohort_courses_page_get_persons (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->persons;
}

GtkSingleSelection *
cohort_courses_page_get_selection (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->selection;
}

GtkSingleSelection *
cohort_courses_page_get_run_selection (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->run_selection;
}

GtkSingleSelection *
cohort_courses_page_get_enrolment_selection (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return self->enrolment_selection;
}

static Editor *
editor_by_name (CohortCoursesPage *self,
                const char        *editor)
{
  return g_strcmp0 (editor, "run") == 0 ? &self->run_editor : &self->course_editor;
}

/**
 * cohort_courses_page_get_field_row:
 * @editor: "course" or "run"
 * @field: a column, e.g. `end_date`
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
cohort_courses_page_get_field_row (CohortCoursesPage *self,
                                   const char        *editor,
                                   const char        *field)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return editor_get_row (editor_by_name (self, editor), field);
}

/**
 * cohort_courses_page_get_error_text:
 * @editor: "course", "run" or "enrolment"
 *
 * Returns: (nullable): the message shown in that part of the page, or %NULL
 */
const char *
cohort_courses_page_get_error_text (CohortCoursesPage *self,
                                    const char        *editor)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  if (g_strcmp0 (editor, "enrolment") == 0)
    return gtk_widget_get_visible (GTK_WIDGET (self->enrolment_error_label)) ?
           gtk_label_get_text (self->enrolment_error_label) : NULL;

  return editor_by_name (self, editor)->error_text;
}

/**
 * cohort_courses_page_get_visible_state:
 *
 * Returns: what the list shows: "list", "no-match" or "empty"
 */
const char *
cohort_courses_page_get_visible_state (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* What choosing a person in the chooser of "Enrol a Person" does. */
void
cohort_courses_page_enrol_person (CohortCoursesPage *self,
                                  gint64             person_id)
{
  g_return_if_fail (COHORT_IS_COURSES_PAGE (self));

  enrol_person (self, person_id);
}

/**
 * cohort_courses_page_is_busy:
 *
 * Returns: whether a list of the page is being read
 */
gboolean
cohort_courses_page_is_busy (CohortCoursesPage *self)
{
  g_return_val_if_fail (COHORT_IS_COURSES_PAGE (self), FALSE);

  return cohort_query_model_get_loading (self->model) ||
         cohort_query_model_get_loading (self->runs) ||
         cohort_query_model_get_loading (self->enrolments) ||
         (self->persons != NULL && cohort_query_model_get_loading (self->persons));
}
