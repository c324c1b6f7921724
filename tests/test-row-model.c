/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-row-model"

#include "config.h"

#include <gtk/gtk.h>

#include "cohort-row-model.h"
#include "cohort-row.h"

/* The changes a model told its views, as "position,removed,added" lines. */
typedef struct
{
  GString *changes;
  guint    n_notified;
} Watch;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  g_string_append_printf (watch->changes, "%u,%u,%u;", position, removed, added);
}

static void
on_row_item_cb (CohortRow  *row,
                GParamSpec *pspec,
                Watch      *watch)
{
  watch->n_notified++;
}

static const char *
row_text (CohortRow *row)
{
  return gtk_string_object_get_string (cohort_row_get_item (row));
}

static CohortRow *
get_row (CohortRowModel *model,
         guint           position)
{
  return g_list_model_get_item (G_LIST_MODEL (model), position);
}

static void
take_changes (Watch      *watch,
              const char *expected)
{
  g_assert_cmpstr (watch->changes->str, ==, expected);
  g_string_truncate (watch->changes, 0);
}

/* A replacement of every item keeps the rows the view holds, with the new items, and tells
 * the view only of the change in length. */
static void
test_replace_in_place (void)
{
  const char * const first[] = { "Okafor", "Silva", "Tanaka", NULL };
  const char * const second[] = { "Andersson", "Haddad", "Mensah", NULL };
  const char * const one[] = { "Nguyen", NULL };
  const char * const four[] = { "Ito", "Kim", "Rahman", "Sato", NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (first);
  g_autoptr(CohortRowModel) model = cohort_row_model_new (G_LIST_MODEL (list));
  g_autoptr(CohortRow) row0 = NULL;
  g_autoptr(CohortRow) row2 = NULL;
  Watch watch = { g_string_new (NULL), 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == COHORT_TYPE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);

  row0 = get_row (model, 0);
  row2 = get_row (model, 2);
  g_signal_connect (row0, "notify::item", G_CALLBACK (on_row_item_cb), &watch);
  g_assert_cmpstr (row_text (row0), ==, "Okafor");
  g_assert_cmpstr (row_text (row2), ==, "Tanaka");

  /* As many as before: nothing for the view to add or remove; the rows show the new items. */
  gtk_string_list_splice (list, 0, 3, second);
  take_changes (&watch, "");
  g_assert_cmpuint (watch.n_notified, ==, 1);
  g_assert_true (get_row (model, 0) == row0);
  g_object_unref (row0);
  g_assert_cmpstr (row_text (row0), ==, "Andersson");
  g_assert_cmpstr (row_text (row2), ==, "Mensah");

  /* Fewer: the rows past the end go. */
  gtk_string_list_splice (list, 0, 3, one);
  take_changes (&watch, "1,2,0;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpstr (row_text (row0), ==, "Nguyen");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1));

  /* More: the new places come at the end. */
  gtk_string_list_splice (list, 0, 1, four);
  take_changes (&watch, "1,0,3;");
  g_assert_cmpstr (row_text (row0), ==, "Ito");
  {
    g_autoptr(CohortRow) row3 = get_row (model, 3);

    g_assert_true (row3 != row2);
    g_assert_cmpstr (row_text (row3), ==, "Sato");
  }

  /* Emptied, then filled again. */
  gtk_string_list_splice (list, 0, 4, NULL);
  take_changes (&watch, "0,4,0;");
  gtk_string_list_splice (list, 0, 0, first);
  take_changes (&watch, "0,0,3;");
  {
    g_autoptr(CohortRow) row = get_row (model, 0);

    g_assert_cmpstr (row_text (row), ==, "Okafor");
  }

  g_string_free (watch.changes, TRUE);
}

/* Any other change is passed on as it is, and the rows after it move with their items. */
static void
test_move (void)
{
  const char * const items[] = { "Okafor", "Silva", "Tanaka", "Yamamoto", NULL };
  const char * const added[] = { "Haddad", "Kim", NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);
  g_autoptr(CohortRowModel) model = cohort_row_model_new (G_LIST_MODEL (list));
  g_autoptr(CohortRow) first = get_row (model, 0);
  g_autoptr(CohortRow) tanaka = get_row (model, 2);
  g_autoptr(CohortRow) moved = NULL;
  Watch watch = { g_string_new (NULL), 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);

  /* Silva leaves: Tanaka's row moves up one. */
  gtk_string_list_remove (list, 1);
  take_changes (&watch, "1,1,0;");
  moved = get_row (model, 1);
  g_assert_true (moved == tanaka);
  g_assert_cmpstr (row_text (tanaka), ==, "Tanaka");
  g_assert_cmpstr (row_text (first), ==, "Okafor");
  g_clear_object (&moved);

  /* Two come in front: it moves down two. */
  gtk_string_list_splice (list, 0, 0, added);
  take_changes (&watch, "0,0,2;");
  moved = get_row (model, 3);
  g_assert_true (moved == tanaka);
  g_assert_cmpstr (row_text (tanaka), ==, "Tanaka");
  g_clear_object (&moved);

  /* The row in front moved too, and the new places have new rows. */
  moved = get_row (model, 2);
  g_assert_true (moved == first);
  g_clear_object (&moved);
  moved = get_row (model, 0);
  g_assert_true (moved != first);
  g_assert_cmpstr (row_text (moved), ==, "Haddad");

  g_string_free (watch.changes, TRUE);
}

/* A row nobody holds is forgotten; a row may outlive its model. */
static void
test_rows_not_held (void)
{
  const char * const items[] = { "Okafor", "Silva", NULL };
  const char * const others[] = { "Mensah", "Nguyen", NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);
  CohortRowModel *model = cohort_row_model_new (G_LIST_MODEL (list));
  CohortRow *row = get_row (model, 1);
  CohortRow *kept;

  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_object_unref (row);
  g_assert_null (row);

  /* Nobody held the row: the replacement does not look at it, and its place gets a new row. */
  gtk_string_list_splice (list, 0, 2, others);
  row = get_row (model, 1);
  g_assert_cmpstr (row_text (row), ==, "Nguyen");

  kept = row;
  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &model);
  g_object_unref (model);
  g_assert_null (model);
  g_assert_cmpstr (row_text (kept), ==, "Nguyen");
  g_object_unref (kept);

  /* The list changing after the model went is nobody's business. */
  gtk_string_list_splice (list, 0, 2, items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/row-model/replace-in-place", test_replace_in_place);
  g_test_add_func ("/cohort/row-model/move", test_move);
  g_test_add_func ("/cohort/row-model/rows-not-held", test_rows_not_held);

  return g_test_run ();
}
