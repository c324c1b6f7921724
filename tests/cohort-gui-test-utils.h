/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: the main loop, showing a page in a window of its own, opening
 * the main window, and rows written straight into the database. */

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-window.h"

G_BEGIN_DECLS

/* The time the rows written by cohort_gui_test_exec_sql() were created and updated at. */
#define COHORT_GUI_TEST_NOW "2024-05-01T09:00:00Z"

void       cohort_gui_test_init               (int            *argc,
                                               char         ***argv);
void       cohort_gui_test_drain_main_context (void);
void       cohort_gui_test_assert_finalized   (gpointer        object);
void       cohort_gui_test_wait_until_mapped  (GtkWidget      *widget);
gboolean   cohort_gui_test_page_is_busy       (GtkWidget      *page);
void       cohort_gui_test_wait_until_idle    (gpointer        page);
void       cohort_gui_test_exec_sql           (CohortDatabase *db,
                                               const char     *sql);
void       cohort_gui_test_insert_person      (CohortDatabase *db,
                                               const char     *code);
GtkWindow *cohort_gui_test_new_window         (void);
void       cohort_gui_test_present_page       (GtkWindow      *window,
                                               GtkWidget      *page);
void       cohort_gui_test_close_page         (GtkWindow      *window,
                                               gpointer        page);
GObject   *cohort_gui_test_page_child         (gpointer        page,
                                               const char     *name);
void       cohort_gui_test_activate           (gpointer        page,
                                               const char     *action);
char      *cohort_gui_test_dup_widget_path    (GtkWidget      *widget);

CohortWindow *cohort_gui_test_open_window         (CohortDatabase *db,
                                                   const char     *page);
void          cohort_gui_test_wait_until_loaded   (CohortWindow   *window);
void          cohort_gui_test_close_window        (CohortWindow   *window);
GtkWidget    *cohort_gui_test_window_page         (CohortWindow   *window,
                                                   const char     *name);
const char   *cohort_gui_test_window_visible_page (CohortWindow   *window);

G_END_DECLS
