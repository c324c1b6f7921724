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
 * A change in length still builds or drops the widgets of the rows that come or go, and a
 * GTK 4.8 view keeps widgets for about 200 rows: a search whose results go from a handful to
 * thousands built 200 rows' widgets in one go, 40 to 60 ms.  With cohort_row_model_set_pace(),
 * a change in length among the first rows is told a few rows at a time, one step a frame of the
 * view: the rows in sight come first, and the window draws a frame between steps.  Until the
 * list is shorter, the rows past its end are blank (their item is %NULL).
 *
 * Since a replacement does not tell the views that the items at the places they hold changed,
 * whoever keeps a selection over this model looks again after each replacement (the model
 * passed on emits its items-changed after this one's), and after each step.
 */

struct _CohortRowModel
{
  GObject     parent_instance;

  GListModel *model;
  GHashTable *rows;           /* position -> CohortRow, not owned: the rows someone holds */
  guint       n_items;        /* what the views were told */
  guint       model_n_items;  /* what the model had after its last change */

  /* Pace: see cohort_row_model_set_pace() */
  GtkWidget  *view;
  guint       tick_id;
  guint       rows_kept;
  guint       built_per_frame;
  guint       dropped_per_frame;
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

  /* Past the model's end, the place of a row on its way out: a blank row. */
  item = g_list_model_get_item (self->model, position);
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

/* Tells the views the list is @length long.  Rows that come are built when they are asked
 * for; rows that go are forgotten, and go when the views drop them. */
static void
set_length (CohortRowModel *self,
            guint           length)
{
  guint old_length = self->n_items;

  if (length < old_length)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        if (cohort_row_get_position (row) >= length)
          {
            g_object_weak_unref (row, on_row_finalized_cb, self);
            g_hash_table_iter_remove (&iter);
          }

      self->n_items = length;
      g_list_model_items_changed (G_LIST_MODEL (self), length, old_length - length, 0);
    }
  else if (length > old_length)
    {
      self->n_items = length;
      g_list_model_items_changed (G_LIST_MODEL (self), old_length, 0, length - old_length);
    }
}

/* The next length to tell the views on the way to @target: a step at a time while views
 * would build or drop the widgets of the first rows_kept rows, at once past them. */
static guint
next_length (CohortRowModel *self,
             guint           target)
{
  guint now = self->n_items;

  if (self->built_per_frame == 0 || now == target)
    return target;

  if (target > now)
    {
      if (now >= self->rows_kept || MIN (target, self->rows_kept) - now <= self->built_per_frame)
        return target;

      return now + self->built_per_frame;
    }

  if (target >= self->rows_kept || MIN (now, self->rows_kept) - target <= self->dropped_per_frame)
    return target;

  return MIN (now, self->rows_kept) - self->dropped_per_frame;
}

static gboolean on_tick_cb (GtkWidget     *widget,
                            GdkFrameClock *frame_clock,
                            gpointer       user_data);

static void
stop_pacing (CohortRowModel *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
}

/* One step towards the model's length; the next, if any, on the view's next frame.  A view
 * that is not realized has no frames to put between the steps: it is told at once. */
static void
advance (CohortRowModel *self)
{
  guint target = g_list_model_get_n_items (self->model);

  if (self->view != NULL && !gtk_widget_get_realized (self->view))
    set_length (self, target);
  else
    set_length (self, next_length (self, target));

  if (self->n_items == target)
    stop_pacing (self);
  else if (self->tick_id == 0 && self->view != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->view, on_tick_cb, self, NULL);
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  CohortRowModel *self = user_data;

  set_length (self, next_length (self, g_list_model_get_n_items (self->model)));
  if (self->n_items != g_list_model_get_n_items (self->model))
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Every item replaced: the rows stay where they are and show the new items, read when they
 * are shown; rows past the new end are blank until they go. */
static void
replace_items (CohortRowModel *self)
{
  g_autoptr(GPtrArray) rows = steal_rows (self);

  /* The rows are tracked again first: showing one may look at another. */
  for (guint i = 0; i < rows->len; i++)
    track_row (self, g_ptr_array_index (rows, i));

  for (guint i = 0; i < rows->len; i++)
    cohort_row_invalidate (g_ptr_array_index (rows, i), self->model);

  advance (self);
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
  guint before = self->model_n_items;

  self->model_n_items = g_list_model_get_n_items (model);

  /* While the views are on their way to the model's length, they do not hold the model's
   * places: any change is taken as a replacement. */
  if ((position == 0 && removed == before) || self->n_items != before)
    replace_items (self);
  else
    move_rows (self, position, removed, added);
}

static void
cohort_row_model_dispose (GObject *object)
{
  CohortRowModel *self = (CohortRowModel *)object;

  stop_pacing (self);
  g_clear_weak_pointer (&self->view);
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
      self->model_n_items = self->n_items;
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

/**
 * cohort_row_model_set_pace:
 * @view: (nullable): the view whose frames to pace the steps with, or %NULL for steps taken
 *   only by cohort_row_model_step()
 * @rows_kept: how many rows, from the top, the view keeps widgets for
 * @built_per_frame: at most how many of those rows come in one step, or 0 for no pace
 * @dropped_per_frame: at most how many of those rows go in one step
 *
 * Tells a change in length among the first @rows_kept rows a step at a time, one step a
 * frame of @view: see #CohortRowModel.  The first step is taken at once.  While @view is not
 * realized, the whole change is told at once.
 */
void
cohort_row_model_set_pace (CohortRowModel *self,
                           GtkWidget      *view,
                           guint           rows_kept,
                           guint           built_per_frame,
                           guint           dropped_per_frame)
{
  g_return_if_fail (COHORT_IS_ROW_MODEL (self));
  g_return_if_fail (view == NULL || GTK_IS_WIDGET (view));
  g_return_if_fail (built_per_frame == 0 || dropped_per_frame > 0);

  stop_pacing (self);
  g_set_weak_pointer (&self->view, view);
  self->rows_kept = rows_kept;
  self->built_per_frame = built_per_frame;
  self->dropped_per_frame = dropped_per_frame;

  set_length (self, g_list_model_get_n_items (self->model));
}

/**
 * cohort_row_model_step:
 *
 * Takes the next step towards the model's length now, as the next frame would.
 *
 * Returns: %TRUE if the views were not yet told the model's length after it
 */
gboolean
cohort_row_model_step (CohortRowModel *self)
{
  g_return_val_if_fail (COHORT_IS_ROW_MODEL (self), FALSE);

  advance (self);

  return self->n_items != g_list_model_get_n_items (self->model);
}
