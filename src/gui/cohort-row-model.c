/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-row-model.h"

#include "cohort-row.h"

/**
 * CohortRowModel:
 *
 * The items of another list model, each in a #CohortRow, for a list view whose rows should
 * stay when the items are replaced.
 *
 * A query model replaces all its rows at once (a search, a sort, a change in the database)
 * and says so in one items-changed (0, removed, added).  GTK 4.8 builds new widgets for every
 * row a view shows whenever its item changes, and only when the same item comes back does it
 * keep them: at 100,000 trainees, building the rows of each search's results held the window
 * up for 80 ms and more.  This model keeps one row object for each place in the list, for as
 * long as someone (the view) holds it; a replacement gives the rows the new items in place and
 * tells the views only of the change in length, at the end of the list.  The view keeps its
 * widgets, which show the row's new item (they watch #CohortRow:item).  Any other change is
 * passed on as it is, the rows after it moving with their items.
 *
 * Since a replacement does not tell the views that the items at the places they hold changed,
 * whoever keeps a selection over this model looks again after each replacement (the model
 * passed on emits its items-changed after this one's).
 */

struct _CohortRowModel
{
  GObject     parent_instance;

  GListModel *model;
  GHashTable *rows;     /* position -> CohortRow, not owned: the rows someone holds */
  guint       n_items;  /* what the views were told */
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CohortRowModel, cohort_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A row nobody holds any more: a later look at its place builds a new one. */
static void
on_row_finalized_cb (gpointer  user_data,
                     GObject  *where_the_row_was)
{
  CohortRowModel *self = user_data;
  gpointer key = GUINT_TO_POINTER (cohort_row_get_position ((CohortRow *) where_the_row_was));

  if (g_hash_table_lookup (self->rows, key) == (gpointer) where_the_row_was)
    g_hash_table_remove (self->rows, key);
}

/* The rows someone holds, and the model no longer tracks them. */
static GPtrArray *
steal_rows (CohortRowModel *self)
{
  GPtrArray *rows = g_ptr_array_new_full (g_hash_table_size (self->rows), g_object_unref);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_object_weak_unref (row, on_row_finalized_cb, self);
      g_ptr_array_add (rows, g_object_ref (row));
    }
  g_hash_table_remove_all (self->rows);

  return rows;
}

static void
track_row (CohortRowModel *self,
           CohortRow      *row)
{
  g_object_weak_ref (G_OBJECT (row), on_row_finalized_cb, self);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (cohort_row_get_position (row)), row);
}

static GType
cohort_row_model_get_item_type (GListModel *list)
{
  return COHORT_TYPE_ROW;
}

static guint
cohort_row_model_get_n_items (GListModel *list)
{
  CohortRowModel *self = COHORT_ROW_MODEL (list);

  return self->n_items;
}

static gpointer
cohort_row_model_get_item (GListModel *list,
                           guint       position)
{
  CohortRowModel *self = COHORT_ROW_MODEL (list);
  g_autoptr(GObject) item = NULL;
  CohortRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  item = g_list_model_get_item (self->model, position);
  if (item == NULL)
    return NULL;

  row = cohort_row_new (item, position);
  track_row (self, row);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cohort_row_model_get_item_type;
  iface->get_n_items = cohort_row_model_get_n_items;
  iface->get_item = cohort_row_model_get_item;
}

/* Every item replaced: the rows stay where they are and show the new items. */
static void
replace_items (CohortRowModel *self,
               guint           old_n,
               guint           new_n)
{
  g_autoptr(GPtrArray) rows = steal_rows (self);

  self->n_items = new_n;

  /* Rows past the new end go with the removal below; the others take their new items, read
   * when they are shown.  The rows are tracked again first: showing one may look at another. */
  for (guint i = 0; i < rows->len; i++)
    {
      CohortRow *row = g_ptr_array_index (rows, i);

      if (cohort_row_get_position (row) < new_n)
        track_row (self, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      CohortRow *row = g_ptr_array_index (rows, i);

      if (cohort_row_get_position (row) < new_n)
        cohort_row_invalidate (row, self->model);
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

/* Some items removed or added: the rows after them move with their items. */
static void
move_rows (CohortRowModel *self,
           guint           position,
           guint           removed,
           guint           added)
{
  g_autoptr(GPtrArray) rows = steal_rows (self);

  for (guint i = 0; i < rows->len; i++)
    {
      CohortRow *row = g_ptr_array_index (rows, i);
      guint at = cohort_row_get_position (row);

      if (at < position)
        {
          track_row (self, row);
        }
      else if (at >= position + removed)
        {
          cohort_row_set_position (row, at - removed + added);
          track_row (self, row);
        }
    }

  self->n_items = g_list_model_get_n_items (self->model);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_items_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     CohortRowModel *self)
{
  if (position == 0 && removed == self->n_items && removed > 0)
    replace_items (self, removed, added);
  else
    move_rows (self, position, removed, added);
}

static void
cohort_row_model_dispose (GObject *object)
{
  CohortRowModel *self = (CohortRowModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  if (self->rows != NULL)
    g_ptr_array_unref (steal_rows (self));

  G_OBJECT_CLASS (cohort_row_model_parent_class)->dispose (object);
}

static void
cohort_row_model_finalize (GObject *object)
{
  CohortRowModel *self = (CohortRowModel *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (cohort_row_model_parent_class)->finalize (object);
}

static void
cohort_row_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CohortRowModel *self = COHORT_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_row_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CohortRowModel *self = COHORT_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      self->n_items = g_list_model_get_n_items (self->model);
      g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_row_model_class_init (CohortRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohort_row_model_dispose;
  object_class->finalize = cohort_row_model_finalize;
  object_class->get_property = cohort_row_model_get_property;
  object_class->set_property = cohort_row_model_set_property;

  /**
   * CohortRowModel:model:
   *
   * The model whose items the rows show.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_row_model_init (CohortRowModel *self)
{
  self->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
}

/**
 * cohort_row_model_new:
 * @model: the model whose items to show
 *
 * Returns: (transfer full): a new model of #CohortRow over the items of @model
 */
CohortRowModel *
cohort_row_model_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (COHORT_TYPE_ROW_MODEL, "model", model, NULL);
}

GListModel *
cohort_row_model_get_model (CohortRowModel *self)
{
  g_return_val_if_fail (COHORT_IS_ROW_MODEL (self), NULL);

  return self->model;
}
