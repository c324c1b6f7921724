/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-gui-test-tour.h"

#include "cohort-courses-page-private.h"
#include "cohort-demo.h"
#include "cohort-graduates-page-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-import-dialog-private.h"
#include "cohort-placements-page-private.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-private.h"

/* The pages of the window, by their name in its view stack. */
static const char * const page_names[] = {
  "trainees", "courses", "placements", "graduates", "reports", "overview",
};

typedef struct
{
  CohortGuiTestVisitFunc  visit;
  gpointer                user_data;
} Tour;

/* Selects the first row of @selection, if it has one, and waits for what that shows. */
static gboolean
select_first (CohortWindow       *window,
              GtkSingleSelection *selection)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0)
    return FALSE;

  gtk_single_selection_set_selected (selection, 0);
  cohort_gui_test_wait_until_loaded (window);
  return TRUE;
}

/* The windows shown now that were not in @before. */
static GList *
new_windows (GList *before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GList *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (toplevel) && g_list_find (before, toplevel) == NULL)
        found = g_list_append (found, toplevel);
    }

  return found;
}

static GList *
shown_windows (void)
{
  return new_windows (NULL);
}

/* Visits each window that appeared since @before (while @where), then closes it. */
static void
visit_new_windows (Tour         *tour,
                   CohortWindow *window,
                   GList        *before,
                   const char   *where)
{
  GList *found = new_windows (before);

  for (GList *l = found; l != NULL; l = l->next)
    {
      g_autofree char *name = g_strdup_printf ("%s/%s", where, G_OBJECT_TYPE_NAME (l->data));

      cohort_gui_test_wait_until_mapped (l->data);
      cohort_gui_test_wait_until_loaded (window);
      tour->visit (l->data, name, tour->user_data);
      gtk_window_destroy (GTK_WINDOW (l->data));
    }
  g_list_free (found);
  cohort_gui_test_wait_until_loaded (window);
}

/* The person editor of the Trainees page: its record editors and the person's history. */
static void
visit_person_windows (Tour         *tour,
                      CohortWindow *window,
                      const char   *where)
{
  GtkWidget *trainees = cohort_gui_test_window_page (window, "trainees");
  CohortTraineesPage *page = COHORT_TRAINEES_PAGE (trainees);
  CohortPersonEditor *editor = cohort_trainees_page_get_editor (page);
  GList *before = shown_windows ();

  for (guint kind = COHORT_PERSON_HISTORY_ENROLMENT; kind <= COHORT_PERSON_HISTORY_CAREER; kind++)
    {
      g_autofree char *adding = g_strdup_printf ("%s/add-record-%u", where, kind);
      g_autofree char *editing = g_strdup_printf ("%s/edit-record-%u", where, kind);

      cohort_person_editor_add_record (editor, kind);
      visit_new_windows (tour, window, before, adding);

      if (cohort_person_editor_get_n_history (editor, kind) > 0)
        {
          cohort_person_editor_edit_record (editor, kind, 0);
          visit_new_windows (tour, window, before, editing);
        }
    }

  if (gtk_widget_activate_action (GTK_WIDGET (editor), "person.show-history", NULL))
    {
      g_autofree char *history = g_strdup_printf ("%s/history", where);

      visit_new_windows (tour, window, before, history);
    }

  g_list_free (before);
}

static void
visit_pages (Tour           *tour,
             CohortDatabase *db,
             const char     *label)
{
  CohortWindow *window = cohort_gui_test_open_window (db, NULL);
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW,
                                                  "view_stack");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = cohort_gui_test_window_page (window, page_names[i]);
      g_autofree char *where = g_strdup_printf ("%s/%s", label, page_names[i]);
      g_autofree char *selected = g_strdup_printf ("%s/%s/selected", label, page_names[i]);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), page_names[i]);
      cohort_gui_test_wait_until_loaded (window);
      tour->visit (GTK_WIDGET (window), where, tour->user_data);

      if (COHORT_IS_TRAINEES_PAGE (page) &&
          select_first (window, cohort_trainees_page_get_selection (COHORT_TRAINEES_PAGE (page))))
        {
          tour->visit (GTK_WIDGET (window), selected, tour->user_data);
          visit_person_windows (tour, window, selected);
        }
      else if (COHORT_IS_COURSES_PAGE (page))
        {
          CohortCoursesPage *courses = COHORT_COURSES_PAGE (page);

          if (select_first (window, cohort_courses_page_get_selection (courses)))
            {
              select_first (window, cohort_courses_page_get_run_selection (courses));
              select_first (window, cohort_courses_page_get_enrolment_selection (courses));
              tour->visit (GTK_WIDGET (window), selected, tour->user_data);
            }
        }
      else if (COHORT_IS_PLACEMENTS_PAGE (page) &&
               select_first (window,
                             cohort_placements_page_get_selection (COHORT_PLACEMENTS_PAGE (page))))
        {
          tour->visit (GTK_WIDGET (window), selected, tour->user_data);
        }
      else if (COHORT_IS_GRADUATES_PAGE (page) &&
               select_first (window,
                             cohort_graduates_page_get_selection (COHORT_GRADUATES_PAGE (page))))
        {
          tour->visit (GTK_WIDGET (window), selected, tour->user_data);
        }
    }

  cohort_gui_test_close_window (window);
}

static void
visit_import_dialog (Tour           *tour,
                     CohortDatabase *db,
                     const char     *label)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "trainees-intl.csv",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *where = g_strdup_printf ("%s/import", label);
  CohortImportDialog *dialog = g_object_ref (cohort_import_dialog_new_for_file (NULL, db, file));

  gtk_window_present (GTK_WINDOW (dialog));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  cohort_gui_test_drain_main_context ();
  while (cohort_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();

  tour->visit (GTK_WIDGET (dialog), where, tour->user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);
}

/**
 * cohort_gui_test_tour:
 * @dir: a temporary folder for the databases
 * @visit: called on each window once it shows something new
 * @user_data: for @visit
 *
 * Shows every page of the window on an empty database and on a small demonstration
 * programme, selects the first row of each list, opens the record editors, the history of a
 * person and the import dialog, and calls @visit on each.
 */
void
cohort_gui_test_tour (const char             *dir,
                      CohortGuiTestVisitFunc  visit,
                      gpointer                user_data)
{
  Tour tour = { visit, user_data };
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *demo_path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(CohortDatabase) empty = NULL;
  g_autoptr(CohortDatabase) demo = NULL;
  g_autoptr(GError) error = NULL;

  empty = cohort_database_open (empty_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  visit_pages (&tour, empty, "empty");

  demo = cohort_database_open (demo_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_demo_generate (demo, 40, 7, "2026-09-10", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  visit_pages (&tour, demo, "demo");
  visit_import_dialog (&tour, demo, "demo");
}
