/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-gui-test-utils.h"

#include "cohort-courses-page-private.h"
#include "cohort-database-private.h"
#include "cohort-graduates-page-private.h"
#include "cohort-placements-page-private.h"
#include "cohort-reports-page-private.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-private.h"

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

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Drops the caller's reference to @object and checks that it is finalised.  A worker thread of
 * the object (a GTask run in a thread) may still hold its reference for a moment after its
 * result reached the main loop, so this waits for that, and gives up only if the object is
 * still alive after a minute: a leak, not a slow machine. */
void
cohort_gui_test_assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_autoptr(GSource) wake = g_timeout_source_new (5);

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);

  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, NULL);
  while (weak != NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (wake);

  g_assert_null (weak);
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
  if (COHORT_IS_REPORTS_PAGE (page))
    return cohort_reports_page_is_busy (COHORT_REPORTS_PAGE (page));
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

/* A person, Aiko Tanaka, with the code @code. */
void
cohort_gui_test_insert_person (CohortDatabase *db,
                               const char     *code)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db,
                                                   "INSERT INTO person (code, family_name, "
                                                   "given_name, created_at, updated_at) "
                                                   "VALUES (:code, 'Tanaka', 'Aiko', :now, :now)",
                                                   &error);

  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":code", code);
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
  cohort_gui_test_assert_finalized (window);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (page);
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

/* The widget and its named ancestors: the classes of the project and the ids of the templates,
 * e.g. `CohortWindow > view_stack > CohortReportsPage > figures_box > GtkLabel#title`. */
char *
cohort_gui_test_dup_widget_path (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      const char *type = G_OBJECT_TYPE_NAME (w);

      if (w == widget && id != NULL && !g_str_has_prefix (id, "___object_"))
        g_ptr_array_insert (parts, 0, g_strdup_printf ("%s#%s", type, id));
      else if (w == widget || g_str_has_prefix (type, "Cohort"))
        g_ptr_array_insert (parts, 0, g_strdup (type));
      else if (id != NULL && !g_str_has_prefix (id, "___object_") && !g_str_equal (id, type))
        g_ptr_array_insert (parts, 0, g_strdup (id));
    }

  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (path, "%s%s", i > 0 ? " > " : "", (char *) parts->pdata[i]);

  return g_string_free (path, FALSE);
}

static GObject *
window_view_stack (CohortWindow *window)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, "view_stack");
}

/* Whether a page of the window is still reading its lists. */
static gboolean
window_pages_are_busy (CohortWindow *window)
{
  g_autoptr(GtkSelectionModel) pages =
    adw_view_stack_get_pages (ADW_VIEW_STACK (window_view_stack (window)));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (ADW_IS_BIN (child) && cohort_gui_test_page_is_busy (adw_bin_get_child (ADW_BIN (child))))
        return TRUE;
    }

  return FALSE;
}

/* A window of the caller's: a reference to check that it is freed, shown on @page (a name in
 * its view stack, e.g. `overview`, or NULL for the page it opens on) and done loading. */
CohortWindow *
cohort_gui_test_open_window (CohortDatabase *db,
                             const char     *page)
{
  CohortWindow *window = g_object_ref (cohort_window_new (NULL, db));

  if (page != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_view_stack (window)), page);
  gtk_window_present (GTK_WINDOW (window));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (window));
  cohort_gui_test_wait_until_loaded (window);

  return window;
}

/* Until the window has counted and every page has read its lists, and what that set off has
 * run. */
void
cohort_gui_test_wait_until_loaded (CohortWindow *window)
{
  cohort_gui_test_drain_main_context ();
  while (cohort_window_is_loading (window) || window_pages_are_busy (window))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
}

/* Closes the window of cohort_gui_test_open_window() and asserts that it is freed. */
/* Whether a toast shows below @widget. */
static gboolean
has_toast (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_toast (child))
      return TRUE;

  return FALSE;
}

void
cohort_gui_test_close_window (CohortWindow *window)
{
  g_autoptr(GSource) wake = g_timeout_source_new (50);
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  cohort_gui_test_wait_until_loaded (window);

  /* Toasts still on show time out by themselves first: libadwaita 1.2 can remove a toast's
   * timeout twice when its window is destroyed just as the timeout fires. */
  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, NULL);
  while (has_toast (GTK_WIDGET (window)) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (wake);

  gtk_window_destroy (GTK_WINDOW (window));
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (window);
}

/* The page of the window named @name in its view stack (what its bin holds, for a page made
 * when it is first shown). */
GtkWidget *
cohort_gui_test_window_page (CohortWindow *window,
                             const char   *name)
{
  GObject *stack = window_view_stack (window);
  GtkWidget *child = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name);

  g_assert_nonnull (child);
  if (ADW_IS_BIN (child) && adw_bin_get_child (ADW_BIN (child)) != NULL)
    return adw_bin_get_child (ADW_BIN (child));
  return child;
}

/* The name of the page the window shows. */
const char *
cohort_gui_test_window_visible_page (CohortWindow *window)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_view_stack (window)));
}
