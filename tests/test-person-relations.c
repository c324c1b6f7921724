/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-person-relations"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-chooser-row.h"
#include "cohort-enrolment.h"
#include "cohort-gui-test-utils.h"
#include "cohort-organisation.h"
#include "cohort-placement.h"
#include "cohort-record-editor.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"
#include "cohort-vocabulary.h"

/* The enrolments, placements and career records of a trainee, edited from the person editor. */

/* One trainee (id 1) in run 1, a second run, two organisations and one career record. */
static void
fill_database (CohortDatabase *db)
{
  cohort_gui_test_exec_sql (db, "INSERT INTO programme (id, code, name, created_at, updated_at) "
                                "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO course (id, code, title, programme_id, created_at, "
                                "updated_at) VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO course_run (id, course_id, code, fiscal_year, "
                                "created_at, updated_at) VALUES "
                                "(1, 1, 'R1', 2023, :now, :now), (2, 1, 'R2', 2024, :now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO organisation (id, name, acronym, kind, country, "
                                "created_at, updated_at) VALUES "
                                "(1, 'United Nations Development Programme', 'UNDP', "
                                "'un_agency', NULL, :now, :now), "
                                "(2, 'Ministry of Foreign Affairs', NULL, 'government', 'JP', "
                                ":now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO person (id, code, family_name, given_name, gender, "
                                "nationality, created_at, updated_at) VALUES "
                                "(1, 'P-001', 'Tanaka', 'Aiko', 'female', 'JP', :now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO enrolment (id, person_id, run_id, status, "
                                "created_at, updated_at) VALUES "
                                "(1, 1, 1, 'completed', :now, :now)");
  cohort_gui_test_exec_sql (db, "INSERT INTO career_record (id, person_id, organisation_id, "
                                "position_title, sector, start_date, created_at, updated_at) "
                                "VALUES (1, 1, 2, 'Officer', 'government', '2022', :now, :now)");
}

typedef struct
{
  GtkWindow          *window;
  CohortTraineesPage *page;
  CohortPersonEditor *editor;
} Shown;

/* The page, with the trainee chosen in the list. */
static Shown
show_trainee (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  shown.page = COHORT_TRAINEES_PAGE (cohort_trainees_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));
  shown.editor = cohort_trainees_page_get_editor (shown.page);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cohort_trainees_page_get_model
                                                            (shown.page))), ==, 1);
  gtk_single_selection_set_selected (cohort_trainees_page_get_selection (shown.page), 0);
  g_assert_nonnull (cohort_person_editor_get_person (shown.editor));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static GtkWidget *
field_row (CohortRecordEditor *editor,
           const char         *field)
{
  GtkWidget *row = cohort_record_form_get_field_row (cohort_record_editor_get_form (editor),
                                                     field);

  g_assert_nonnull (row);
  return row;
}

static void
set_text (CohortRecordEditor *editor,
          const char         *field,
          const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field_row (editor, field)), text);
}

static void
choose (CohortRecordEditor *editor,
        const char         *field,
        gint64              id)
{
  cohort_chooser_row_set_id (COHORT_CHOOSER_ROW (field_row (editor, field)), id);
}

/* Selects the term of @code in a combo row by its translated label. */
static void
choose_term (CohortRecordEditor *editor,
             const char         *field,
             CohortVocabulary    vocabulary,
             const char         *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (field_row (editor, field));
  GListModel *labels = adw_combo_row_get_model (row);
  const char *label = cohort_vocabulary_get_label (vocabulary, code);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (strcmp (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_assert_not_reached ();
}

static guint
n_stored (CohortDatabase      *db,
          CohortPersonHistory  kind)
{
  g_autoptr(GListStore) records = NULL;
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case COHORT_PERSON_HISTORY_ENROLMENT:
      records = cohort_store_list_enrolments (db, 1, &error);
      break;
    case COHORT_PERSON_HISTORY_PLACEMENT:
      records = cohort_store_list_placements (db, 1, &error);
      break;
    case COHORT_PERSON_HISTORY_CAREER:
      records = cohort_store_list_career_records (db, 1, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);

  return g_list_model_get_n_items (G_LIST_MODEL (records));
}

/* Tests */

static void
test_list (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;

  fill_database (fixture->db);
  shown = show_trainee (fixture->db);

  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_ENROLMENT), ==, 1);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_PLACEMENT), ==, 0);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_CAREER), ==, 1);

  /* A new person, not saved yet, has no records to add to. */
  cohort_gui_test_activate (shown.page, "trainees.new");
  g_assert_null (cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_CAREER));
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_CAREER), ==, 0);

  close_page (&shown);
}

static void
test_add_records (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  CohortRecordEditor *editor;
  g_autoptr(CohortRecord) stored = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_trainee (fixture->db);

  /* An enrolment in the second run, as a reserve. */
  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_ENROLMENT);
  g_assert_nonnull (editor);
  choose (editor, "run_id", 2);
  choose_term (editor, "status", COHORT_VOCABULARY_ENROLMENT_STATUS, "reserve");
  set_text (editor, "reserve_rank", "2");
  set_text (editor, "decided_on", "2024-03-01");
  g_assert_true (cohort_record_editor_save (editor));
  cohort_gui_test_drain_main_context ();
  g_assert_cmpuint (n_stored (fixture->db, COHORT_PERSON_HISTORY_ENROLMENT), ==, 2);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_ENROLMENT), ==, 2);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT reserve_rank FROM enrolment WHERE run_id = 2 "
                                            "AND person_id = 1 AND status = 'reserve' AND "
                                            "decided_on = '2024-03-01'"), ==, 2);

  /* A placement at UNDP, following the first enrolment. */
  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_PLACEMENT);
  g_assert_nonnull (editor);
  choose (editor, "host_id", 1);
  set_text (editor, "duty_station", "Nairobi");
  set_text (editor, "country", "ke");
  choose_term (editor, "status", COHORT_VOCABULARY_PLACEMENT_STATUS, "on_assignment");
  choose_term (editor, "modality", COHORT_VOCABULARY_PLACEMENT_MODALITY, "un_volunteer");
  set_text (editor, "start_date", "2024-09-01");
  set_text (editor, "end_date", "2025-08-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_row (editor, "enrolment_id")), 1);
  g_assert_true (cohort_record_editor_save (editor));
  cohort_gui_test_drain_main_context ();
  g_assert_cmpuint (n_stored (fixture->db, COHORT_PERSON_HISTORY_PLACEMENT), ==, 1);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_PLACEMENT), ==, 1);
  stored = g_object_ref (cohort_person_editor_get_history_record (shown.editor,
                                                                  COHORT_PERSON_HISTORY_PLACEMENT,
                                                                  0));
  g_assert_cmpint (cohort_placement_get_host_id (COHORT_PLACEMENT (stored)), ==, 1);
  g_assert_cmpint (cohort_placement_get_enrolment_id (COHORT_PLACEMENT (stored)), ==, 1);
  g_assert_cmpstr (cohort_placement_get_country (COHORT_PLACEMENT (stored)), ==, "KE");
  g_assert_cmpstr (cohort_placement_get_status (COHORT_PLACEMENT (stored)), ==, "on_assignment");
  g_assert_cmpstr (cohort_placement_get_modality (COHORT_PLACEMENT (stored)), ==, "un_volunteer");
  g_clear_object (&stored);

  /* A career record dated by month. */
  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_CAREER);
  g_assert_nonnull (editor);
  choose (editor, "organisation_id", 1);
  set_text (editor, "position_title", "Programme Analyst");
  choose_term (editor, "sector", COHORT_VOCABULARY_CAREER_SECTOR, "un_international");
  set_text (editor, "start_date", "2025-10");
  choose_term (editor, "source", COHORT_VOCABULARY_CAREER_SOURCE, "survey");
  set_text (editor, "verified_on", "2025-11-02");
  g_assert_true (cohort_record_editor_save (editor));
  cohort_gui_test_drain_main_context ();
  g_assert_cmpuint (n_stored (fixture->db, COHORT_PERSON_HISTORY_CAREER), ==, 2);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM career_record WHERE "
                                            "person_id = 1 AND organisation_id = 1 AND "
                                            "position_title = 'Programme Analyst' AND "
                                            "start_date = '2025-10' AND source = 'survey' AND "
                                            "verified_on = '2025-11-02'"), ==, 1);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_CAREER), ==, 2);

  close_page (&shown);
}

static void
assert_error_under (CohortRecordEditor *editor,
                    const char         *field)
{
  CohortRecordForm *form = cohort_record_editor_get_form (editor);
  GtkWidget *row = field_row (editor, field);
  GtkWidget *message = gtk_widget_get_next_sibling (row);

  g_assert_cmpstr (cohort_record_form_get_error_field (form), ==, field);
  g_assert_nonnull (cohort_record_form_get_error_text (form));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_widget_get_name (message), ==, "error-message");
}

static void
test_invalid_placement (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  CohortRecordEditor *editor;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_trainee (fixture->db);
  before = cohort_test_dup_database_checksum (fixture->path);

  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_PLACEMENT);
  g_object_ref (editor);
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (editor));

  /* An end before the start. */
  choose (editor, "host_id", 1);
  set_text (editor, "country", "KE");
  set_text (editor, "start_date", "2024-09-01");
  set_text (editor, "end_date", "2024-03-31");
  g_assert_false (cohort_record_editor_save (editor));
  assert_error_under (editor, "end_date");
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_next_sibling (field_row (editor,
                                                                                "end_date"))));
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* On assignment, without a host. */
  set_text (editor, "end_date", "2025-08-31");
  choose (editor, "host_id", 0);
  choose_term (editor, "status", COHORT_VOCABULARY_PLACEMENT_STATUS, "on_assignment");
  g_assert_false (cohort_record_editor_save (editor));
  assert_error_under (editor, "host_id");
  g_assert_false (gtk_widget_has_css_class (field_row (editor, "end_date"), "error"));
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A reserve rank that is no number is refused too, not dropped. */
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_PLACEMENT), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
  cohort_gui_test_assert_finalized (editor);

  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_ENROLMENT);
  g_object_ref (editor);
  choose (editor, "run_id", 2);
  choose_term (editor, "status", COHORT_VOCABULARY_ENROLMENT_STATUS, "reserve");
  set_text (editor, "reserve_rank", "second");
  g_assert_false (cohort_record_editor_save (editor));
  assert_error_under (editor, "reserve_rank");
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (editor));
  cohort_gui_test_assert_finalized (editor);

  close_page (&shown);
}

static void
test_edit_delete_undo (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  CohortRecordEditor *editor;
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  CohortRecord *shown_record;
  Shown shown;

  fill_database (fixture->db);
  shown = show_trainee (fixture->db);

  /* Edited: the form shows what is stored, and the change is saved. */
  editor = cohort_person_editor_edit_record (shown.editor, COHORT_PERSON_HISTORY_CAREER, 0);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (editor, "position_title"))),
                   ==, "Officer");
  g_assert_cmpint (cohort_chooser_row_get_id (COHORT_CHOOSER_ROW (field_row (editor,
                                                                             "organisation_id"))),
                   ==, 2);
  set_text (editor, "position_title", "Senior Officer");
  set_text (editor, "end_date", "2024-06");
  g_assert_true (cohort_record_editor_save (editor));
  cohort_gui_test_drain_main_context ();

  stored = cohort_store_load (fixture->db, COHORT_TYPE_CAREER_RECORD, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_career_record_get_position_title (COHORT_CAREER_RECORD (stored)), ==,
                   "Senior Officer");
  g_assert_cmpstr (cohort_career_record_get_end_date (COHORT_CAREER_RECORD (stored)), ==,
                   "2024-06");
  g_assert_cmpstr (cohort_career_record_get_sector (COHORT_CAREER_RECORD (stored)), ==,
                   "government");
  g_clear_object (&stored);
  shown_record = cohort_person_editor_get_history_record (shown.editor,
                                                          COHORT_PERSON_HISTORY_CAREER, 0);
  g_assert_cmpstr (cohort_career_record_get_position_title (COHORT_CAREER_RECORD (shown_record)),
                   ==, "Senior Officer");

  /* Deleted from its row's button: gone from the list, kept (deleted) in the database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.editor), "person.delete-record",
                                             "(ux)", (guint32) COHORT_PERSON_HISTORY_CAREER,
                                             (gint64) 1));
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_CAREER), ==, 0);
  g_assert_cmpuint (n_stored (fixture->db, COHORT_PERSON_HISTORY_CAREER), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM career_record WHERE id = 1 "
                                            "AND deleted_at IS NOT NULL"), ==, 1);

  /* Undo brings it back, as it was. */
  cohort_gui_test_activate (shown.page, "trainees.undo");
  g_assert_cmpuint (n_stored (fixture->db, COHORT_PERSON_HISTORY_CAREER), ==, 1);
  g_assert_cmpuint (cohort_person_editor_get_n_history (shown.editor,
                                                        COHORT_PERSON_HISTORY_CAREER), ==, 1);
  shown_record = cohort_person_editor_get_history_record (shown.editor,
                                                          COHORT_PERSON_HISTORY_CAREER, 0);
  g_assert_cmpint (cohort_record_get_id (shown_record), ==, 1);
  g_assert_cmpstr (cohort_career_record_get_position_title (COHORT_CAREER_RECORD (shown_record)),
                   ==, "Senior Officer");

  close_page (&shown);
}

static void
test_add_organisation (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  CohortRecordEditor *editor;
  CohortChooserRow *chooser;
  g_autoptr(CohortChooserRow) other = NULL;
  g_autoptr(CohortRecord) organisation = NULL;
  g_autoptr(GError) error = NULL;
  CohortQueryModel *model;
  guint position;
  gint64 id;
  Shown shown;

  fill_database (fixture->db);
  shown = show_trainee (fixture->db);

  editor = cohort_person_editor_add_record (shown.editor, COHORT_PERSON_HISTORY_CAREER);
  chooser = COHORT_CHOOSER_ROW (field_row (editor, "organisation_id"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.new-organisation",
                                             NULL));

  /* Without a name it is refused, and nothing is recorded. */
  gtk_editable_set_text (GTK_EDITABLE (cohort_chooser_row_get_form_row (chooser, "name")), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.save-organisation",
                                             NULL));
  g_assert_nonnull (cohort_chooser_row_get_error_text (chooser));
  g_assert_true (gtk_widget_has_css_class (cohort_chooser_row_get_form_row (chooser, "name"),
                                           "error"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "organisation"), ==, 2);
  g_assert_cmpint (cohort_chooser_row_get_id (chooser), ==, 0);

  /* Named, part of UNDP, it is recorded and chosen. */
  gtk_editable_set_text (GTK_EDITABLE (cohort_chooser_row_get_form_row (chooser, "name")),
                         "UNDP Kenya Country Office");
  gtk_editable_set_text (GTK_EDITABLE (cohort_chooser_row_get_form_row (chooser, "acronym")),
                         "UNDP-KE");
  gtk_editable_set_text (GTK_EDITABLE (cohort_chooser_row_get_form_row (chooser, "country")),
                         "ke");
  cohort_chooser_row_set_id (COHORT_CHOOSER_ROW (cohort_chooser_row_get_form_row (chooser,
                                                                                  "parent_id")),
                             1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.save-organisation",
                                             NULL));
  g_assert_null (cohort_chooser_row_get_error_text (chooser));
  id = cohort_chooser_row_get_id (chooser);
  g_assert_cmpint (id, >, 2);

  organisation = cohort_store_load (fixture->db, COHORT_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_organisation_get_name (COHORT_ORGANISATION (organisation)), ==,
                   "UNDP Kenya Country Office");
  g_assert_cmpstr (cohort_organisation_get_acronym (COHORT_ORGANISATION (organisation)), ==,
                   "UNDP-KE");
  g_assert_cmpstr (cohort_organisation_get_country (COHORT_ORGANISATION (organisation)), ==,
                   "KE");
  g_assert_cmpint (cohort_organisation_get_parent_id (COHORT_ORGANISATION (organisation)), ==, 1);

  /* Any chooser of organisations finds it. */
  other = g_object_ref_sink (COHORT_CHOOSER_ROW (
    cohort_chooser_row_new (fixture->db, COHORT_QUERY_KIND_ORGANISATIONS, "Organisation")));
  model = cohort_chooser_row_get_model (other);
  cohort_query_model_set_search (model, "Kenya");
  g_assert_true (cohort_query_model_refresh_sync (model, &error));
  g_assert_no_error (error);
  g_assert_true (cohort_query_model_find_id (model, id, &position));

  /* The career record is saved with it. */
  set_text (editor, "position_title", "Programme Analyst");
  g_assert_true (cohort_record_editor_save (editor));
  cohort_gui_test_drain_main_context ();
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT organisation_id FROM career_record WHERE "
                                            "position_title = 'Programme Analyst'"), ==, id);

  close_page (&shown);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/person-relations/list", test_list);
  cohort_test_add ("/cohort/person-relations/add-records", test_add_records);
  cohort_test_add ("/cohort/person-relations/invalid-placement", test_invalid_placement);
  cohort_test_add ("/cohort/person-relations/edit-delete-undo", test_edit_delete_undo);
  cohort_test_add ("/cohort/person-relations/add-organisation", test_add_organisation);

  return g_test_run ();
}
