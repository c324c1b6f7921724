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

/* A list of @n items "0", "1"… */
static GtkStringList *
numbers (guint from,
         guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = from; i < from + n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (list, text);
    }

  return list;
}

static void
replace_with_numbers (GtkStringList *list,
                      guint          from,
                      guint          n)
{
  g_autoptr(GtkStringList) others = numbers (from, n);
  g_auto(GStrv) texts = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    texts[i] = g_strdup (gtk_string_list_get_string (others, i));
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) texts);
}

/* With a pace, a change in length among the first rows is told a step at a time, the rows
 * past the list's end blank until they go; past those rows, at once. */
static void
test_pace (void)
{
  g_autoptr(GtkStringList) list = numbers (0, 3);
  g_autoptr(CohortRowModel) model = cohort_row_model_new (G_LIST_MODEL (list));
  g_autoptr(CohortRow) row0 = get_row (model, 0);
  Watch watch = { g_string_new (NULL), 0 };

  /* 50 rows kept by the view: 10 come, or 20 go, in a step. */
  cohort_row_model_set_pace (model, NULL, 50, 10, 20);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);

  /* From 3 to 1,000: 10 more rows at once, then a step at a time up to the 50th row; the rest
   * in one go. */
  replace_with_numbers (list, 100, 1000);
  take_changes (&watch, "3,0,10;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 13);
  g_assert_cmpstr (row_text (row0), ==, "100");
  {
    g_autoptr(CohortRow) row12 = get_row (model, 12);

    g_assert_cmpstr (row_text (row12), ==, "112");
  }
  g_assert_true (cohort_row_model_step (model));
  g_assert_true (cohort_row_model_step (model));
  g_assert_true (cohort_row_model_step (model));
  take_changes (&watch, "13,0,10;23,0,10;33,0,10;");
  g_assert_false (cohort_row_model_step (model));
  take_changes (&watch, "43,0,957;");
  g_assert_false (cohort_row_model_step (model));
  take_changes (&watch, "");

  /* From 1,000 to 5: the rows past the 50th go at once, then 20 a step.  The rows past the new
   * end show nothing until they go. */
  {
    g_autoptr(CohortRow) row7 = get_row (model, 7);
    g_autoptr(CohortRow) row40 = get_row (model, 40);

    g_assert_cmpstr (row_text (row7), ==, "107");
    replace_with_numbers (list, 200, 5);
    take_changes (&watch, "30,970,0;");
    g_assert_cmpstr (row_text (row0), ==, "200");
    g_assert_null (cohort_row_get_item (row7));
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 30));
    {
      g_autoptr(CohortRow) blank = get_row (model, 29);

      g_assert_nonnull (blank);
      g_assert_null (cohort_row_get_item (blank));
    }
    g_assert_null (cohort_row_get_item (row40));
  }
  g_assert_true (cohort_row_model_step (model));
  take_changes (&watch, "10,20,0;");
  g_assert_false (cohort_row_model_step (model));
  take_changes (&watch, "5,5,0;");

  /* A change of length past the rows the view keeps: at once. */
  replace_with_numbers (list, 0, 2000);
  take_changes (&watch, "5,0,10;");
  while (cohort_row_model_step (model))
    ;
  g_string_truncate (watch.changes, 0);
  replace_with_numbers (list, 0, 60);
  take_changes (&watch, "60,1940,0;");

  /* Any change on the way is taken as a replacement: the rows show the model's items where
   * they are, and the steps go on to the model's length. */
  replace_with_numbers (list, 300, 1);
  take_changes (&watch, "30,30,0;");
  gtk_string_list_remove (list, 0);
  take_changes (&watch, "10,20,0;");
  gtk_string_list_append (list, "Haddad");
  g_assert_cmpstr (row_text (row0), ==, "Haddad");
  take_changes (&watch, "1,9,0;");
  g_assert_false (cohort_row_model_step (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Once there, other changes are passed on as they are. */
  gtk_string_list_append (list, "Kim");
  take_changes (&watch, "1,0,1;");

  g_string_free (watch.changes, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/row-model/replace-in-place", test_replace_in_place);
  g_test_add_func ("/cohort/row-model/move", test_move);
  g_test_add_func ("/cohort/row-model/rows-not-held", test_rows_not_held);
  g_test_add_func ("/cohort/row-model/pace", test_pace);

  return g_test_run ();
}
