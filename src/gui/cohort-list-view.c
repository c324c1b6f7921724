/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-list-view.h"

#include "cohort-row-model.h"
#include "cohort-row.h"

/*
 * What a list of the whole database (trainees, placements, graduates) needs from GTK 4.8 to keep
 * up with typing at 100,000 rows:
 *
 * - Rows in place.  A search replaces every item; the view would drop the widgets of the ~200
 *   rows it keeps and build new ones.  The view shows a CohortRowModel instead, whose rows take
 *   the new items in place (cohort-row-model.c); its cells come from cohort-cell-factory.c,
 *   which watch their row.
 * - Paced.  A change in the number of rows among those ~200 still builds or drops their widgets
 *   (for the five columns of Trainees, about 0.3 ms a row to build, 0.1 ms to drop): it is told a
 *   step a frame, as many rows as make 120 cells built (24 rows of Trainees, a window 800 pixels
 *   high; 13 of the nine columns of Placements) or 300 dropped.
 * - A new query from the top.  When a search, a filter or an order starts, the view scrolls to
 *   the top while it still shows the old rows, which GTK does by moving the widgets it has; the
 *   results then take them in place.  Scrolled only after the results came, the view dropped the
 *   widgets where it was and built 200 more at the top (70-100 ms).  A refresh of the same query
 *   (a change in the database) stays where it is.
 *
 * The selection's items are CohortRow: cohort_list_view_get_selected() gives the record.  The row
 * the page wants chosen may come a few frames after the results: the page looks again on the
 * selection's items-changed.
 */

/* GTK 4.8 keeps the widgets of 200 rows (and a few either side).  A frame builds the cells of
 * 120 (24 rows of the five columns of Trainees, a window 800 pixels high), or drops 300. */
#define ROWS_KEPT 208
#define CELLS_BUILT_PER_FRAME 120
#define CELLS_DROPPED_PER_FRAME 300

typedef struct
{
  GtkColumnView    *view;         /* not owned: the list lives on the view */
  CohortQueryModel *model;        /* not owned */
  char             *shown_query;  /* the query whose rows the view shows */
} ListView;

static void
list_view_free (gpointer data)
{
  ListView *list = data;

  g_free (list->shown_query);
  g_free (list);
}

/* What the list is asked for: its search, filters and order. */
static char *
dup_query_key (CohortQueryModel *model)
{
  GString *key = g_string_new (NULL);
  const char *search = cohort_query_model_get_search (model);

  g_string_append_printf (key, "%d %d\x1f%s", cohort_query_model_get_sort (model),
                          cohort_query_model_get_descending (model),
                          search != NULL ? search : "");
  for (int filter = COHORT_QUERY_FILTER_NATIONALITY;
       filter <= COHORT_QUERY_FILTER_ORGANISATION_KIND; filter++)
    {
      const char *value = cohort_query_model_get_filter (model, filter);

      g_string_append_printf (key, "\x1f%s", value != NULL ? value : "");
    }

  return g_string_free (key, FALSE);
}

static void
show_new_query_from_top (ListView *list)
{
  g_autofree char *key = dup_query_key (list->model);
  GtkAdjustment *vadjustment;

  if (g_strcmp0 (key, list->shown_query) == 0)
    return;

  g_free (list->shown_query);
  list->shown_query = g_steal_pointer (&key);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list->view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
on_loading_changed_cb (GtkColumnView    *view,
                       GParamSpec       *pspec,
                       CohortQueryModel *model)
{
  if (cohort_query_model_get_loading (model))
    show_new_query_from_top (g_object_get_data (G_OBJECT (view), "cohort-list-view"));
}

/* A query the model ran without saying it was loading. */
static void
on_items_changed_cb (GtkColumnView *view,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  show_new_query_from_top (g_object_get_data (G_OBJECT (view), "cohort-list-view"));
}

/* A column view wider than its place scrolls sideways.  Right to left, GTK 4.8 lays the first
 * column out at the right but starts the scrolling at the left, so the first column (the name)
 * was out of sight.  The view keeps to its right end while it is there, as it keeps to its left
 * end left to right. */
static gboolean
at_right_end (GtkAdjustment *hadjustment)
{
  return gtk_adjustment_get_value (hadjustment) >=
         gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment) - 1;
}

static void
on_hadjustment_changed_cb (GtkAdjustment *hadjustment,
                           GtkWidget     *view)
{
  if (gtk_widget_get_direction (view) == GTK_TEXT_DIR_RTL &&
      g_object_get_data (G_OBJECT (hadjustment), "cohort-left-end") == NULL)
    gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment) -
                                           gtk_adjustment_get_page_size (hadjustment));
}

static void
on_hadjustment_value_changed_cb (GtkAdjustment *hadjustment,
                                 GtkWidget     *view)
{
  g_object_set_data (G_OBJECT (hadjustment), "cohort-left-end",
                     at_right_end (hadjustment) ? NULL : GINT_TO_POINTER (TRUE));
}

static void
on_hadjustment_notify_cb (GtkWidget  *view,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  if (hadjustment == NULL)
    return;

  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (on_hadjustment_changed_cb), view,
                           G_CONNECT_AFTER);
  g_signal_connect_object (hadjustment, "value-changed",
                           G_CALLBACK (on_hadjustment_value_changed_cb), view,
                           G_CONNECT_DEFAULT);
}

/**
 * cohort_list_view_set_query_model:
 * @view: a column view whose cells come from cohort-cell-factory.c
 * @model: the list to show
 *
 * Shows @model in @view, in rows that take the items of each result set in place, a few a
 * frame, and from the top for a new query.  Nothing is chosen at first, and a click can unchoose.
 *
 * Returns: (transfer full): the selection @view shows, whose items are #CohortRow
 */
GtkSingleSelection *
cohort_list_view_set_query_model (GtkColumnView    *view,
                                  CohortQueryModel *model)
{
  g_autoptr(CohortRowModel) rows = NULL;
  GtkSingleSelection *selection;
  ListView *list;
  guint n_columns;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (model), NULL);

  n_columns = MAX (1, g_list_model_get_n_items (gtk_column_view_get_columns (view)));
  rows = cohort_row_model_new (G_LIST_MODEL (model));
  cohort_row_model_set_pace (rows, GTK_WIDGET (view), ROWS_KEPT,
                             MAX (8, CELLS_BUILT_PER_FRAME / n_columns),
                             MAX (20, CELLS_DROPPED_PER_FRAME / n_columns));

  list = g_new0 (ListView, 1);
  list->view = view;
  list->model = model;
  g_object_set_data_full (G_OBJECT (view), "cohort-list-view", list, list_view_free);
  g_signal_connect_object (model, "notify::loading", G_CALLBACK (on_loading_changed_cb), view,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), view,
                           G_CONNECT_SWAPPED);

  g_signal_connect (view, "notify::hadjustment", G_CALLBACK (on_hadjustment_notify_cb), NULL);
  on_hadjustment_notify_cb (GTK_WIDGET (view), NULL, NULL);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));

  return selection;
}

/**
 * cohort_list_view_get_selected:
 * @selection: a selection of cohort_list_view_set_query_model()
 *
 * Returns: (transfer none) (type GObject) (nullable): the record in the chosen row, if any
 */
gpointer
cohort_list_view_get_selected (GtkSingleSelection *selection)
{
  CohortRow *row;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);

  row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? cohort_row_get_item (row) : NULL;
}

/**
 * cohort_list_view_is_pacing:
 * @selection: a selection of cohort_list_view_set_query_model()
 *
 * Returns: whether the view is still being told, a step a frame, of a change in its rows
 */
gboolean
cohort_list_view_is_pacing (GtkSingleSelection *selection)
{
  CohortRowModel *rows;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), FALSE);

  rows = COHORT_ROW_MODEL (gtk_single_selection_get_model (selection));

  return g_list_model_get_n_items (G_LIST_MODEL (rows)) !=
         g_list_model_get_n_items (cohort_row_model_get_model (rows));
}
