/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-gui-test-utils.h"

#include "cohort-courses-page-private.h"
#include "cohort-database-private.h"
#include "cohort-graduates-page-private.h"
#include "cohort-placements-page-private.h"
#include "cohort-trainees-page-private.h"

/* G_TEST_OPTION_ISOLATE_DIRS empties XDG_DATA_DIRS for each test, which hides the MIME
 * database; gdk-pixbuf needs it to recognise the SVG icons GTK draws. */
static void
keep_mime_database (void)
{
  const char * const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (data_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
}

/* g_test_init() with G_TEST_OPTION_ISOLATE_DIRS, then GTK and libadwaita. */
void
cohort_gui_test_init (int    *argc,
                      char ***argv)
{
  keep_mime_database ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Widget tests need a display; without one this fails rather than skips. */
  gtk_init ();
  adw_init ();
}

void
cohort_gui_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
cohort_gui_test_wait_until_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

/* Whether a page of the window is reading a list (its queries hold the database). */
gboolean
cohort_gui_test_page_is_busy (GtkWidget *page)
{
  if (COHORT_IS_TRAINEES_PAGE (page))
    return cohort_trainees_page_is_busy (COHORT_TRAINEES_PAGE (page));
  if (COHORT_IS_COURSES_PAGE (page))
    return cohort_courses_page_is_busy (COHORT_COURSES_PAGE (page));
  if (COHORT_IS_PLACEMENTS_PAGE (page))
    return cohort_placements_page_is_busy (COHORT_PLACEMENTS_PAGE (page));
  if (COHORT_IS_GRADUATES_PAGE (page))
    return cohort_graduates_page_is_busy (COHORT_GRADUATES_PAGE (page));

  return FALSE;
}

/* Until the page has read its lists, and what that set off has run. */
void
cohort_gui_test_wait_until_idle (gpointer page)
{
  g_assert_true (GTK_IS_WIDGET (page));

  cohort_gui_test_drain_main_context ();
  while (cohort_gui_test_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
}

/* Runs @sql with :now bound to COHORT_GUI_TEST_NOW. */
void
cohort_gui_test_exec_sql (CohortDatabase *db,
                          const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":now", COHORT_GUI_TEST_NOW);
  g_assert_true (cohort_statement_execute (stmt, &error));
  g_assert_no_error (error);
}

/* A window for one page, with a reference of the caller's to check that it is freed. */
GtkWindow *
cohort_gui_test_new_window (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, 1200, 700);

  return window;
}

/* Shows @page (new, floating) in @window and waits until it has read its lists.  Takes a
 * reference of the caller's to @page, to check that it is freed. */
void
cohort_gui_test_present_page (GtkWindow *window,
                              GtkWidget *page)
{
  g_object_ref (page);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  cohort_gui_test_wait_until_mapped (page);
  cohort_gui_test_wait_until_idle (page);
}

/* Closes the window of cohort_gui_test_new_window() and asserts that it and @page are freed. */
void
cohort_gui_test_close_page (GtkWindow *window,
                            gpointer   page)
{
  cohort_gui_test_wait_until_idle (page);
  gtk_window_destroy (window);
  cohort_gui_test_drain_main_context ();
  g_assert_finalize_object (window);
  cohort_gui_test_drain_main_context ();
  g_assert_finalize_object (page);
}

/* A widget of the page's template, by its id. */
GObject *
cohort_gui_test_page_child (gpointer    page,
                            const char *name)
{
  GObject *child;

  g_assert_true (GTK_IS_WIDGET (page));

  child = gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name);
  g_assert_nonnull (child);
  return child;
}

void
cohort_gui_test_activate (gpointer    page,
                          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  cohort_gui_test_wait_until_idle (page);
}
