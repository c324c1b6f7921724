/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-column-sort.h"

/* What a probe found: the first column asked answers for the view. */
typedef struct
{
  CohortQuerySort sort;
  gboolean        probed;
} Probe;

#define PROBE_KEY "cohort-column-sort-probe"

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CohortQuerySort *sort = user_data;
  Probe *probe = NULL;

  /* Only the things compared by cohort_column_sort_probe() carry a probe. */
  if (G_IS_OBJECT (a))
    probe = g_object_get_data (G_OBJECT (a), PROBE_KEY);

  if (probe != NULL && !probe->probed)
    {
      probe->probed = TRUE;
      probe->sort = *sort;
    }

  return GTK_ORDERING_SMALLER;
}

/**
 * cohort_column_sort_attach:
 * @column: a column of a view whose list is sorted in SQL
 * @sort: what the column sorts by
 *
 * Gives @column a sorter that cohort_column_sort_probe() recognises as @sort.
 */
void
cohort_column_sort_attach (GtkColumnViewColumn *column,
                           CohortQuerySort      sort)
{
  CohortQuerySort *data;
  g_autoptr(GtkSorter) sorter = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  data = g_new (CohortQuerySort, 1);
  *data = sort;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, data, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

/**
 * cohort_column_sort_probe:
 * @view_sorter: the sorter of a GtkColumnView whose columns have cohort_column_sort_attach()ed
 *   sorters
 * @sort: (out): what the view sorts by
 * @descending: (out): whether the view sorts descending
 *
 * Returns: %TRUE when the view sorts by one of its columns; %FALSE when it does not sort,
 *   and @sort and @descending are left alone.
 */
gboolean
cohort_column_sort_probe (GtkSorter       *view_sorter,
                          CohortQuerySort *sort,
                          gboolean        *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  Probe probe = { 0, FALSE };
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);
  g_return_val_if_fail (sort != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (a, PROBE_KEY, &probe);
  g_object_set_data (b, PROBE_KEY, &probe);
  order = gtk_sorter_compare (view_sorter, a, b);
  if (!probe.probed || order == GTK_ORDERING_EQUAL)
    return FALSE;

  *sort = probe.sort;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

/**
 * cohort_column_sort_apply:
 * @view_sorter: as for cohort_column_sort_probe()
 * @model: the list the view shows
 *
 * Sorts @model as the view shows it sorted; by the default of its kind, ascending, when the
 * view does not sort.
 */
void
cohort_column_sort_apply (GtkSorter        *view_sorter,
                          CohortQueryModel *model)
{
  CohortQuerySort sort;
  gboolean descending;

  g_return_if_fail (GTK_IS_SORTER (view_sorter));
  g_return_if_fail (COHORT_IS_QUERY_MODEL (model));

  if (!cohort_column_sort_probe (view_sorter, &sort, &descending))
    {
      sort = cohort_query_kind_get_default_sort (cohort_query_model_get_kind (model));
      descending = FALSE;
    }

  cohort_query_model_set_sort (model, sort, descending);
}
