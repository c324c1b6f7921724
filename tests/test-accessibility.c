/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-accessibility"

#include "config.h"

#include <adwaita.h>

#include "cohort-courses-page-private.h"
#include "cohort-demo.h"
#include "cohort-graduates-page-private.h"
#include "cohort-gui-test-tour.h"
#include "cohort-gui-test-utils.h"
#include "cohort-placements-page-private.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-private.h"

/* Every control a person can reach has a name that a screen reader says, and the keyboard
 * reaches the search entry and the list of each page.  GTK's test accessibility backend
 * (GTK_A11Y=test) records what the widgets tell assistive technologies.
 *
 * A name, as GTK 4.8 computes it (gtk_at_context_get_name), is the LABEL property or the names
 * of the LABELLED_BY relation; a button made with a label and a check button with a label set
 * the relation themselves.  A placeholder or a tooltip is not a
 * name: GTK gives them as a placeholder and a description, which a screen reader says after the
 * name, if at all. */

typedef struct
{
  GString    *failures;
  GHashTable *reported;  /* paths already reported */
  guint       n_controls;
} Check;

/* Widgets whose parts are checked as one control: the part that takes the focus may carry the
 * name, or the whole. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_COLUMN_VIEW (widget);
}

/* Widgets of GTK and libadwaita whose inner controls are theirs to name. */
static gboolean
is_platform_composite (GtkWidget *widget)
{
  return ADW_IS_VIEW_SWITCHER (widget) || ADW_IS_VIEW_SWITCHER_TITLE (widget) ||
         ADW_IS_VIEW_SWITCHER_BAR (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle");
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_TEXT (widget) || is_composite (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
part_has_name (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_name (child) || part_has_name (child))
      return TRUE;

  return FALSE;
}

/* Whether @widget, or for a composite a part of it, has a name. */
static gboolean
control_has_name (GtkWidget *widget)
{
  return has_name (widget) || (is_composite (widget) && part_has_name (widget));
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget))
                   : GTK_IS_MENU_BUTTON (widget)
                     ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) : NULL;

  if (icon != NULL)
    g_string_append_printf (out, ", icon %s", icon);
  if (tooltip != NULL)
    g_string_append_printf (out, ", tooltip \"%s\"", tooltip);
}

static void
check_widget (Check      *check,
              const char *where,
              GtkWidget  *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      is_platform_composite (widget))
    return;

  if (is_control (widget))
    {
      check->n_controls++;

      if (!control_has_name (widget))
        {
          g_autofree char *path = cohort_gui_test_dup_widget_path (widget);

          if (g_hash_table_add (check->reported, g_strdup (path)))
            {
              g_string_append_printf (check->failures, "  %s (%s", path, where);
              describe (check->failures, widget);
              g_string_append (check->failures, ")\n");
            }
        }

      if (is_composite (widget))
        return;  /* its parts were checked with it */
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (check, where, child);
}

static void
visit (GtkWidget  *root,
       const char *where,
       gpointer    user_data)
{
  check_widget (user_data, where, root);
}

/* Tests */

/* Every control of every page, editor and dialog has a name. */
static void
test_names (void)
{
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  Check check = { 0 };

  check.failures = g_string_new (NULL);
  check.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cohort_gui_test_tour (dir, visit, &check);

  g_test_message ("%u controls checked", check.n_controls);
  g_assert_cmpuint (check.n_controls, >, 100);
  if (check.failures->len > 0)
    g_error ("Controls without an accessible name:\n%s", check.failures->str);

  g_string_free (check.failures, TRUE);
  g_hash_table_unref (check.reported);
  cohort_test_remove_tree (dir);
}

/* Tab, from the top of the window, reaches @target (or a widget inside it) before it comes back
 * to where it started. */
static gboolean
tab_reaches (GtkWindow *window,
             GtkWidget *target)
{
  GtkWidget *first;

  gtk_window_set_focus (window, NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  first = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (first);

  for (guint i = 0; i < 500; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus == target || gtk_widget_is_ancestor (focus, target))
        return TRUE;
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          /* The end of the chain: the window wraps around to its first widget. */
          gtk_window_set_focus (window, NULL);
          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
        }
      if (gtk_root_get_focus (GTK_ROOT (window)) == first)
        return FALSE;
    }

  return FALSE;
}

/* On each list page of a demonstration programme, Tab reaches the search entry and the list. */
static void
test_keyboard (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  static const char * const pages[] = { "trainees", "courses", "placements", "graduates" };
  g_autoptr(GError) error = NULL;
  CohortWindow *window;
  GObject *stack;

  g_assert_true (cohort_demo_generate (fixture->db, 20, 7, "2026-09-10", NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);

  window = cohort_gui_test_open_window (fixture->db, NULL);
  stack = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, "view_stack");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *bin = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), pages[i]);
      GtkWidget *page = adw_bin_get_child (ADW_BIN (bin));
      GtkWidget *search;
      GtkWidget *list;

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), pages[i]);
      cohort_gui_test_wait_until_idle (page);

      search = GTK_WIDGET (cohort_gui_test_page_child (page, "search_entry"));
      list = GTK_WIDGET (cohort_gui_test_page_child (page, "column_view"));

      if (!tab_reaches (GTK_WINDOW (window), search))
        g_error ("Tab does not reach the search entry of the %s page", pages[i]);
      if (!tab_reaches (GTK_WINDOW (window), list))
        g_error ("Tab does not reach the list of the %s page", pages[i]);
    }

  cohort_gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* What the widgets tell assistive technologies, recorded for the tests to read. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  cohort_gui_test_init (&argc, &argv);

  g_test_add_func ("/cohort/accessibility/names", test_names);
  cohort_test_add ("/cohort/accessibility/keyboard", test_keyboard);

  return g_test_run ();
}
