/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-trainees-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-cell-factory.h"
#include "cohort-column-sort.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-list-results.h"
#include "cohort-list-view.h"
#include "cohort-organisation.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-store.h"
#include "cohort-toast.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/* What Ctrl+Z takes back: only the last change. */
typedef enum
{
  UNDO_NONE,
  UNDO_CREATE,  /* undo_id was created: delete it */
  UNDO_EDIT,    /* undo_previous was the stored state of undo_id: save it back */
  UNDO_DELETE,  /* undo_id was deleted: restore it */
  UNDO_DELETE_RECORD,  /* the record undo_id of undo_type was deleted: restore it */
} UndoKind;

struct _CohortTraineesPage
{
  AdwBin              parent_instance;

  CohortDatabase     *database;
  CohortQueryModel   *model;
  GtkSingleSelection *selection;
  CohortQueryModel   *runs;         /* for the fiscal years of the filter */
  CohortQueryModel   *courses;      /* for the programmes of the filter */
  GPtrArray          *year_codes;   /* the filter values of year_dropdown, NULL for "any" */
  GPtrArray          *programme_codes;
  AdwMessageDialog   *duplicate_dialog;
  CohortPerson       *duplicate_candidate;
  CohortPerson       *duplicate_match;

  UndoKind            undo_kind;
  gint64              undo_id;
  GType               undo_type;
  CohortPerson       *undo_previous;


  guint               selecting : 1;       /* selecting the editor's person: not a choice */
  guint               updating_filters : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *results_label;
  GtkSpinner         *spinner;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *local_name_column;
  GtkColumnViewColumn *nationality_column;
  GtkColumnViewColumn *gender_column;
  GtkColumnViewColumn *code_column;
  AdwStatusPage      *empty_page;
  GtkDropDown        *programme_dropdown;
  GtkDropDown        *year_dropdown;
  GtkDropDown        *status_dropdown;
  GtkEntry           *nationality_entry;
  GtkDropDown        *gender_dropdown;
  CohortPersonEditor *editor;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortTraineesPage, cohort_trainees_page, ADW_TYPE_BIN)

static void update_actions (CohortTraineesPage *self);

static void
show_toast (CohortTraineesPage *self,
            const char         *title,
            gboolean            with_undo)
{
  cohort_toast_show (self->toast_overlay, title, with_undo ? "trainees.undo" : NULL);
}

static void
show_failure (CohortTraineesPage *self,
              const GError       *error)
{
  cohort_toast_show_failure (self->toast_overlay, error);
}

/* Undo */

static void
forget_undo (CohortTraineesPage *self)
{
  self->undo_kind = UNDO_NONE;
  self->undo_id = 0;
  self->undo_type = G_TYPE_INVALID;
  g_clear_object (&self->undo_previous);
}

static void
remember_undo (CohortTraineesPage *self,
               UndoKind            kind,
               gint64              id,
               CohortPerson       *previous)
{
  forget_undo (self);
  self->undo_kind = kind;
  self->undo_id = id;
  g_set_object (&self->undo_previous, previous);
  update_actions (self);
}

/* The list */

static gboolean
has_filters (CohortTraineesPage *self)
{
  static const CohortQueryFilter filters[] = {
    COHORT_QUERY_FILTER_NATIONALITY, COHORT_QUERY_FILTER_GENDER, COHORT_QUERY_FILTER_PROGRAMME,
    COHORT_QUERY_FILTER_FISCAL_YEAR, COHORT_QUERY_FILTER_STATUS,
  };

  if (cohort_str_empty_to_null (cohort_query_model_get_search (self->model)) != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (cohort_query_model_get_filter (self->model, filters[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
update_results (CohortTraineesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the number of trainees listed, e.g. "1,234 trainees" */
  text = g_strdup_printf (g_dngettext (NULL, "%s trainee", "%s trainees", n), number);
  cohort_list_results_show (self->model, self->results_label, self->content_stack, text,
                            has_filters (self));
}

/* The row of the person in the editor is the selected one, when the list has it. */
static void
select_editor_person (CohortTraineesPage *self)
{
  CohortPerson *person = cohort_person_editor_get_person (self->editor);
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 id = person != NULL ? cohort_record_get_id (COHORT_RECORD (person)) : 0;

  if (id != 0 && !cohort_query_model_find_id (self->model, id, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
on_items_changed_cb (CohortTraineesPage *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *model)
{
  select_editor_person (self);
  update_results (self);
}

static void
on_loading_changed_cb (CohortTraineesPage *self,
                       GParamSpec         *pspec,
                       CohortQueryModel   *model)
{
  gboolean loading = cohort_query_model_get_loading (model);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  update_results (self);
}

static void
open_person (CohortTraineesPage *self,
             CohortPerson       *person)
{
  cohort_person_editor_set_person (self->editor, person);
  select_editor_person (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  update_actions (self);
}

static void
on_selected_changed_cb (CohortTraineesPage *self,
                        GParamSpec         *pspec,
                        GtkSingleSelection *selection)
{
  CohortPerson *shown = cohort_person_editor_get_person (self->editor);
  CohortPerson *item;

  if (self->selecting)
    return;

  /* A refresh of the list unselects: the editor keeps its person. */
  item = cohort_list_view_get_selected (selection);
  if (item == NULL)
    return;

  if (shown != NULL &&
      cohort_record_get_id (COHORT_RECORD (shown)) == cohort_record_get_id (COHORT_RECORD (item)))
    return;

  cohort_person_editor_set_person (self->editor, item);
  update_actions (self);
}

static void
on_column_view_activate_cb (CohortTraineesPage *self,
                            guint               position,
                            GtkColumnView      *column_view)
{
  g_autoptr(CohortPerson) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL)
    return;

  open_person (self, item);
  cohort_person_editor_focus_first (self->editor);
}

static void
on_search_changed_cb (CohortTraineesPage *self,
                      GtkSearchEntry     *entry)
{
  if (self->model != NULL)
    cohort_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Sorting: in SQL, by the column the view shows as sorted (see cohort-column-sort.h). */

static void
on_view_sorter_changed_cb (CohortTraineesPage *self,
                           GtkSorterChange     change,
                           GtkSorter          *sorter)
{
  cohort_column_sort_apply (sorter, self->model);
}

/* Filters */

/* A drop-down of "any" and a vocabulary's labels. */
static void
fill_vocabulary_dropdown (GtkDropDown      *dropdown,
                          CohortVocabulary  vocabulary,
                          const char       *any)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  gtk_string_list_append (labels, any);
  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

static const char *
vocabulary_dropdown_code (GtkDropDown      *dropdown,
                          CohortVocabulary  vocabulary)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint selected = gtk_drop_down_get_selected (dropdown);

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > n_terms)
    return NULL;

  return terms[selected - 1].code;
}

static const char *
list_dropdown_code (GtkDropDown *dropdown,
                    GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || selected >= codes->len)
    return NULL;

  return g_ptr_array_index (codes, selected);
}

static void
on_filter_changed_cb (CohortTraineesPage *self)
{
  g_autofree char *nationality = NULL;

  /* The drop-downs are filled before the model exists, and emptied after it is gone. */
  if (self->updating_filters || self->model == NULL)
    return;

  nationality = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->nationality_entry)),
                               -1);
  g_strstrip (nationality);

  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_GENDER,
                                 vocabulary_dropdown_code (self->gender_dropdown,
                                                           COHORT_VOCABULARY_GENDER));
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_STATUS,
                                 vocabulary_dropdown_code (self->status_dropdown,
                                                           COHORT_VOCABULARY_ENROLMENT_STATUS));
  /* Half a country code filters nothing yet. */
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_NATIONALITY,
                                 strlen (nationality) == 2 ? nationality : NULL);
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_FISCAL_YEAR,
                                 list_dropdown_code (self->year_dropdown, self->year_codes));
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_PROGRAMME,
                                 list_dropdown_code (self->programme_dropdown,
                                                     self->programme_codes));
}

/* Replaces a drop-down's choices, keeping the one chosen if it is still there. */
static void
replace_list_dropdown (CohortTraineesPage  *self,
                       GtkDropDown         *dropdown,
                       GPtrArray          **codes,
                       GPtrArray           *new_codes,
                       GtkStringList       *labels)
{
  const char *current = list_dropdown_code (dropdown, *codes);
  guint position = 0;

  for (guint i = 1; current != NULL && i < new_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (new_codes, i), current) == 0)
      position = i;

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position);
  g_clear_pointer (codes, g_ptr_array_unref);
  *codes = g_ptr_array_ref (new_codes);
  self->updating_filters = FALSE;

  if (current != NULL && position == 0)
    on_filter_changed_cb (self);
}

static void
on_runs_changed_cb (CohortTraineesPage *self,
                    guint               position,
                    guint               removed,
                    guint               added,
                    GListModel         *runs)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int last_year = -1;

  g_ptr_array_add (codes, NULL);
  gtk_string_list_append (labels, _("Any year"));

  /* Newest first: the model sorts the runs by fiscal year, descending. */
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CohortCourseRun) run = g_list_model_get_item (runs, i);
      int year = cohort_course_run_get_fiscal_year (run);

      if (year <= 0 || year == last_year)
        continue;

      last_year = year;
      g_ptr_array_add (codes, g_strdup_printf ("%d", year));
      gtk_string_list_take (labels, g_strdup_printf ("%d", year));
    }

  replace_list_dropdown (self, self->year_dropdown, &self->year_codes, codes, labels);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  char * const *pair_a = *(char * const * const *) a;
  char * const *pair_b = *(char * const * const *) b;

  return g_utf8_collate (pair_a[1], pair_b[1]);
}

static void
on_courses_changed_cb (CohortTraineesPage *self,
                       guint               position,
                       guint               removed,
                       guint               added,
                       GListModel         *courses)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
    {
      g_autoptr(CohortCourse) course = g_list_model_get_item (courses, i);
      g_autoptr(CohortRecord) programme = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = cohort_course_get_programme_id (course);
      gint64 *key;
      char **pair;

      if (id == 0 || g_hash_table_contains (seen, &id))
        continue;

      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_add (seen, key);

      programme = cohort_store_load (self->database, COHORT_TYPE_PROGRAMME, id, &error);
      if (programme == NULL)
        {
          g_debug ("Could not read programme %" G_GINT64_FORMAT ": %s", id, error->message);
          continue;
        }

      pair = g_new0 (char *, 3);
      pair[0] = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      pair[1] = g_strdup (cohort_programme_get_name (COHORT_PROGRAMME (programme)));
      g_ptr_array_add (pairs, pair);
    }

  g_ptr_array_sort (pairs, compare_labels);

  g_ptr_array_add (codes, NULL);
  gtk_string_list_append (labels, _("Any programme"));
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);

      g_ptr_array_add (codes, g_strdup (pair[0]));
      gtk_string_list_append (labels, pair[1]);
    }

  replace_list_dropdown (self, self->programme_dropdown, &self->programme_codes, codes, labels);
}

/* A record of the person deleted from the editor: Undo brings it back. */

static void
on_record_deleted_cb (CohortTraineesPage *self,
                      GType               type,
                      gint64              id,
                      CohortPersonEditor *editor)
{
  const char *title;

  remember_undo (self, UNDO_DELETE_RECORD, id, NULL);
  self->undo_type = type;

  if (type == COHORT_TYPE_ENROLMENT)
    title = _("Enrolment deleted");
  else if (type == COHORT_TYPE_PLACEMENT)
    title = _("Placement deleted");
  else
    title = _("Career record deleted");
  show_toast (self, title, TRUE);
}

/* Actions */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);
  g_autoptr(CohortPerson) person = cohort_person_new ();

  open_person (self, person);
  cohort_person_editor_focus_first (self->editor);
}

static gboolean
save_person (CohortTraineesPage *self,
             CohortPerson       *edited)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortRecord) previous = NULL;
  gint64 id = cohort_record_get_id (COHORT_RECORD (edited));

  if (id != 0)
    {
      previous = cohort_store_load (self->database, COHORT_TYPE_PERSON, id, &error);
      if (previous == NULL)
        {
          cohort_person_editor_show_error (self->editor, error);
          return FALSE;
        }
    }

  if (!cohort_store_save (self->database, COHORT_RECORD (edited), &error))
    {
      cohort_person_editor_show_error (self->editor, error);
      return FALSE;
    }

  remember_undo (self, id == 0 ? UNDO_CREATE : UNDO_EDIT,
                 cohort_record_get_id (COHORT_RECORD (edited)),
                 previous != NULL ? COHORT_PERSON (previous) : NULL);
  cohort_person_editor_set_person (self->editor, edited);
  select_editor_person (self);
  update_actions (self);

  return TRUE;
}

static void
on_duplicate_response_cb (CohortTraineesPage *self,
                          const char         *response,
                          AdwMessageDialog   *dialog)
{
  g_autoptr(CohortPerson) candidate = g_steal_pointer (&self->duplicate_candidate);
  g_autoptr(CohortPerson) match = g_steal_pointer (&self->duplicate_match);

  self->duplicate_dialog = NULL;

  if (g_strcmp0 (response, "save") == 0)
    save_person (self, candidate);
  else if (g_strcmp0 (response, "open") == 0)
    open_person (self, match);
}

static void
ask_about_duplicate (CohortTraineesPage *self,
                     CohortPerson       *candidate,
                     CohortPerson       *match)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = cohort_dup_person_display_name (match);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* TRANSLATORS: %1$s is a person's name, %2$s their code in the database */
  body = g_strdup_printf (_("%1$s (%2$s) has the same name and date of birth, or the same "
                            "email address. Saving would record the same person twice."),
                          name, cohort_person_get_code (match));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ?
                                                       GTK_WINDOW (root) : NULL,
                                                       _("This Person May Already Be Recorded"),
                                                       body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    "open", _("_Open Existing Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_set_object (&self->duplicate_candidate, candidate);
  g_set_object (&self->duplicate_match, match);
  self->duplicate_dialog = dialog;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);
  g_autoptr(CohortPerson) edited = cohort_person_editor_dup_edited (self->editor);

  if (edited == NULL)
    return;

  cohort_person_editor_clear_error (self->editor);

  /* A new person who looks like one already recorded: ask first. */
  if (cohort_record_get_id (COHORT_RECORD (edited)) == 0 &&
      cohort_record_validate (COHORT_RECORD (edited), NULL))
    {
      g_autoptr(GPtrArray) similar = NULL;
      g_autoptr(GError) error = NULL;

      similar = cohort_store_find_similar_persons (self->database, edited, &error);
      if (similar == NULL)
        {
          show_failure (self, error);
          return;
        }

      if (similar->len > 0)
        {
          ask_about_duplicate (self, edited, g_ptr_array_index (similar, 0));
          return;
        }
    }

  save_person (self, edited);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);
  CohortPerson *person = cohort_person_editor_get_person (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (person == NULL || (id = cohort_record_get_id (COHORT_RECORD (person))) == 0)
    return;

  if (!cohort_store_delete (self->database, COHORT_TYPE_PERSON, id, &error))
    {
      show_failure (self, error);
      return;
    }

  name = cohort_dup_person_display_name (person);
  remember_undo (self, UNDO_DELETE, id, NULL);
  cohort_person_editor_set_person (self->editor, NULL);
  select_editor_person (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_actions (self);

  /* TRANSLATORS: %s is the name of the person just deleted */
  title = g_strdup_printf (_("Deleted %s"), name);
  show_toast (self, title, TRUE);
}

static void
reopen (CohortTraineesPage *self,
        gint64              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortRecord) person = NULL;

  person = cohort_store_load (self->database, COHORT_TYPE_PERSON, id, &error);
  if (person == NULL)
    {
      show_failure (self, error);
      return;
    }

  open_person (self, COHORT_PERSON (person));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortPerson) previous = g_steal_pointer (&self->undo_previous);
  UndoKind kind = self->undo_kind;
  gint64 id = self->undo_id;
  GType type = self->undo_type;

  forget_undo (self);
  update_actions (self);

  switch (kind)
    {
    case UNDO_NONE:
      return;

    case UNDO_CREATE:
      if (!cohort_store_delete (self->database, COHORT_TYPE_PERSON, id, &error))
        {
          show_failure (self, error);
          return;
        }
      cohort_person_editor_set_person (self->editor, NULL);
      select_editor_person (self);
      break;

    case UNDO_EDIT:
      {
        g_autoptr(CohortRecord) current = NULL;

        /* The previous state goes back over whatever is stored now. */
        current = cohort_store_load (self->database, COHORT_TYPE_PERSON, id, &error);
        if (current == NULL)
          {
            show_failure (self, error);
            return;
          }
        cohort_record_set_updated_at (COHORT_RECORD (previous),
                                      cohort_record_get_updated_at (current));
        if (!cohort_store_save (self->database, COHORT_RECORD (previous), &error))
          {
            show_failure (self, error);
            return;
          }
        open_person (self, previous);
      }
      break;

    case UNDO_DELETE:
      if (!cohort_store_undelete (self->database, COHORT_TYPE_PERSON, id, &error))
        {
          show_failure (self, error);
          return;
        }
      reopen (self, id);
      break;

    case UNDO_DELETE_RECORD:
      if (!cohort_store_undelete (self->database, type, id, &error))
        {
          show_failure (self, error);
          return;
        }
      cohort_person_editor_reload_records (self->editor);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->gender_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->programme_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->nationality_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  cohort_query_model_clear_filters (self->model);
  cohort_query_model_set_search (self->model, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_actions (CohortTraineesPage *self)
{
  CohortPerson *person = cohort_person_editor_get_person (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainees.save", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainees.delete",
                                 person != NULL &&
                                 cohort_record_get_id (COHORT_RECORD (person)) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainees.undo",
                                 self->undo_kind != UNDO_NONE);
}

/* The empty state says how to fill the database. */
static void
describe_empty (CohortTraineesPage *self)
{
  const char *path = cohort_database_get_path (self->database);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *quoted = g_shell_quote (display_path);
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the database file, as typed in a terminal */
  description = g_markup_printf_escaped (
    _("Trainees are the people enrolled in a course. Add a person, or load a demonstration "
      "programme to see how Cohort works (in a terminal: “cohort --database %s demo”)."),
    quoted);
  adw_status_page_set_description (self->empty_page, description);
}

static void
cohort_trainees_page_constructed (GObject *object)
{
  CohortTraineesPage *self = (CohortTraineesPage *)object;

  G_OBJECT_CLASS (cohort_trainees_page_parent_class)->constructed (object);

  if (self->database == NULL)
    {
      g_critical ("A CohortTraineesPage needs a database");
      return;
    }

  describe_empty (self);
  cohort_person_editor_set_database (self->editor, self->database);

  self->model = cohort_query_model_new (self->database, COHORT_QUERY_KIND_TRAINEES);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A search or a sort replaces every row: the rows take the new people in place, a few a
   * frame, see cohort-list-view.c.  The view must know the new rows before one of them is
   * chosen: the selection is looked at again after the rows, the selection and the view have
   * seen a change, on the list's own items-changed (a replacement of every row keeps the rows
   * where they are, and tells the selection only of a change in length), and after each step. */
  self->selection = cohort_list_view_set_query_model (self->column_view, self->model);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (select_editor_person),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  self->runs = cohort_query_model_new (self->database, COHORT_QUERY_KIND_COURSE_RUNS);
  cohort_query_model_set_sort (self->runs, COHORT_QUERY_SORT_FISCAL_YEAR, TRUE);
  g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (on_runs_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->courses = cohort_query_model_new (self->database, COHORT_QUERY_KIND_COURSES);
  g_signal_connect_object (self->courses, "items-changed", G_CALLBACK (on_courses_changed_cb),
                           self, G_CONNECT_SWAPPED);

  cohort_query_model_refresh (self->model);
  cohort_query_model_refresh (self->runs);
  cohort_query_model_refresh (self->courses);
  on_loading_changed_cb (self, NULL, self->model);
}

static void
cohort_trainees_page_dispose (GObject *object)
{
  CohortTraineesPage *self = (CohortTraineesPage *)object;

  if (self->duplicate_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->duplicate_dialog, on_duplicate_response_cb,
                                            self);
      gtk_window_destroy (GTK_WINDOW (self->duplicate_dialog));
      self->duplicate_dialog = NULL;
    }

  /* A query in flight keeps its model alive past the page; taking the columns away
   * changes the view's sorter. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_data (self->runs, self);
  if (self->courses != NULL)
    g_signal_handlers_disconnect_by_data (self->courses, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  /* AdwBin keeps a pointer to its child: let it go before the template unparents it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_TRAINEES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->runs);
  g_clear_object (&self->courses);
  g_clear_object (&self->duplicate_candidate);
  g_clear_object (&self->duplicate_match);
  forget_undo (self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_trainees_page_parent_class)->dispose (object);
}

static void
cohort_trainees_page_finalize (GObject *object)
{
  CohortTraineesPage *self = (CohortTraineesPage *)object;

  g_clear_pointer (&self->year_codes, g_ptr_array_unref);
  g_clear_pointer (&self->programme_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (cohort_trainees_page_parent_class)->finalize (object);
}

static void
cohort_trainees_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (object);

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
cohort_trainees_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CohortTraineesPage *self = COHORT_TRAINEES_PAGE (object);

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
cohort_trainees_page_class_init (CohortTraineesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_trainees_page_constructed;
  object_class->dispose = cohort_trainees_page_dispose;
  object_class->finalize = cohort_trainees_page_finalize;
  object_class->get_property = cohort_trainees_page_get_property;
  object_class->set_property = cohort_trainees_page_set_property;

  /**
   * CohortTraineesPage:database:
   *
   * The database the page lists and edits.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list item templates look up properties of CohortPerson by name. */
  g_type_ensure (COHORT_TYPE_PERSON);
  g_type_ensure (COHORT_TYPE_PERSON_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-trainees-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, local_name_column);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, nationality_column);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, gender_column);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, code_column);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, nationality_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, gender_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortTraineesPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "trainees.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "trainees.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "trainees.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "trainees.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "trainees.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "trainees.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "trainees.back", NULL, back_action);

  /* Within the page; text fields keep Ctrl+Z for their own text.  Listed in
   * gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "trainees.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "trainees.undo", NULL);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  const char          *first_property,
                  const char          *second_property,
                  CohortCellStyle      style,
                  guint                width_chars)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  factory = cohort_cell_factory_new (first_property, second_property, style, width_chars);
  gtk_column_view_column_set_factory (column, factory);
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
cohort_trainees_page_init (CohortTraineesPage *self)
{
  g_autoptr(GtkListItemFactory) gender_factory = NULL;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Results as soon as the typing pauses: a search runs in a worker, a newer one cancels an
   * older one, and the rows take the results in place (see cohort-row-model.c). */
  gtk_search_entry_set_search_delay (self->search_entry, COHORT_LIST_SEARCH_DELAY);

  /* Cells built in code: see cohort-cell-factory.c.  The gender column shows the translated
   * label of the code. */
  gender_factory = cohort_cell_factory_new_vocabulary ("gender", COHORT_VOCABULARY_GENDER);
  gtk_column_view_column_set_factory (self->gender_column, gender_factory);
  set_cell_factory (self->name_column, "family-name", "given-name", COHORT_CELL_FIRST_BOLD, 24);
  set_cell_factory (self->local_name_column, "family-name-local", "given-name-local",
                    COHORT_CELL_PLAIN, 16);
  set_cell_factory (self->nationality_column, "nationality", NULL, COHORT_CELL_PLAIN, 4);
  set_cell_factory (self->code_column, "code", NULL, COHORT_CELL_NUMERIC, 9);

  cohort_column_sort_attach (self->name_column, COHORT_QUERY_SORT_FAMILY_NAME);
  cohort_column_sort_attach (self->local_name_column, COHORT_QUERY_SORT_LOCAL_NAME);
  cohort_column_sort_attach (self->nationality_column, COHORT_QUERY_SORT_NATIONALITY);
  cohort_column_sort_attach (self->gender_column, COHORT_QUERY_SORT_GENDER);
  cohort_column_sort_attach (self->code_column, COHORT_QUERY_SORT_CODE);

  fill_vocabulary_dropdown (self->gender_dropdown, COHORT_VOCABULARY_GENDER, _("Any gender"));
  fill_vocabulary_dropdown (self->status_dropdown, COHORT_VOCABULARY_ENROLMENT_STATUS,
                            _("Any status"));
  {
    g_autoptr(GtkStringList) any_year = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) any_programme = gtk_string_list_new (NULL);

    gtk_string_list_append (any_year, _("Any year"));
    gtk_string_list_append (any_programme, _("Any programme"));
    gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (any_year));
    gtk_drop_down_set_model (self->programme_dropdown, G_LIST_MODEL (any_programme));
  }

  /* Ctrl+F and Ctrl+N work wherever the focus is in the window. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_f, GDK_CONTROL_MASK,
                                                         "trainees.find"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_n, GDK_CONTROL_MASK,
                                                         "trainees.new"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete deletes the chosen person from the list, not a character of a field. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_Delete, 0, "trainees.delete"));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  /* Narrow, the editor covers the list: a click opens it, and a button goes back. */
  g_object_bind_property (self->leaflet, "folded",
                          self->column_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded",
                          cohort_person_editor_get_back_button (self->editor), "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->editor, "record-deleted", G_CALLBACK (on_record_deleted_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_actions (self);
}

GtkWidget *
cohort_trainees_page_new (CohortDatabase *database)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_TRAINEES_PAGE, "database", database, NULL);
}

CohortDatabase *
cohort_trainees_page_get_database (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return self->database;
}

/* Private: for tests. */

CohortQueryModel *
cohort_trainees_page_get_model (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return self->model;
}

GtkSingleSelection *
cohort_trainees_page_get_selection (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return self->selection;
}

CohortPersonEditor *
cohort_trainees_page_get_editor (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return self->editor;
}

/**
 * cohort_trainees_page_get_visible_state:
 *
 * Returns: what the list shows: "list", "no-match" or "empty"
 */
const char *
cohort_trainees_page_get_visible_state (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

AdwMessageDialog *
cohort_trainees_page_get_duplicate_dialog (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), NULL);

  return self->duplicate_dialog;
}

/**
 * cohort_trainees_page_is_busy:
 *
 * Returns: whether a list of the page is being read, or the view not yet told all its rows
 */
gboolean
cohort_trainees_page_is_busy (CohortTraineesPage *self)
{
  g_return_val_if_fail (COHORT_IS_TRAINEES_PAGE (self), FALSE);

  return cohort_query_model_get_loading (self->model) ||
         cohort_query_model_get_loading (self->runs) ||
         cohort_query_model_get_loading (self->courses) ||
         cohort_list_view_is_pacing (self->selection);
}
