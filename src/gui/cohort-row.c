/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-row.h"

/**
 * CohortRow:
 *
 * One row of a #CohortRowModel: a place in the list that shows an item, whatever item is
 * there now.  When the list's items are replaced, the row stays and its #CohortRow:item
 * changes, so the view keeps the widgets it built for the row and only shows the new item.
 * The new item is read from the list when someone asks for it (cohort_row_invalidate()):
 * rows out of sight cost nothing until they come into sight.
 */

struct _CohortRow
{
  GObject     parent_instance;

  GObject    *item;
  GListModel *source;    /* while item is out of date: where to read the new one */
  guint       position;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortRow, cohort_row, G_TYPE_OBJECT)

static void
cohort_row_dispose (GObject *object)
{
  CohortRow *self = (CohortRow *)object;

  g_clear_object (&self->item);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (cohort_row_parent_class)->dispose (object);
}

static void
cohort_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CohortRow *self = COHORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, cohort_row_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_row_class_init (CohortRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohort_row_dispose;
  object_class->get_property = cohort_row_get_property;

  /**
   * CohortRow:item:
   *
   * What the row shows now: an item of the model the #CohortRowModel passes on.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_row_init (CohortRow *self)
{
}

/**
 * cohort_row_new:
 * @item: (type GObject) (nullable): what the row shows, or %NULL for a row on its way out
 * @position: where the row is in its list
 *
 * Returns: (transfer full): a new row
 */
CohortRow *
cohort_row_new (gpointer item,
                guint    position)
{
  CohortRow *self;

  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), NULL);

  self = g_object_new (COHORT_TYPE_ROW, NULL);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->position = position;

  return self;
}

/**
 * cohort_row_get_item:
 *
 * Returns: (transfer none) (type GObject) (nullable): what the row shows now: %NULL past the
 *   end of the list, for a row the view is about to lose
 */
gpointer
cohort_row_get_item (CohortRow *self)
{
  g_return_val_if_fail (COHORT_IS_ROW (self), NULL);

  if (self->source != NULL)
    {
      g_autoptr(GListModel) source = g_steal_pointer (&self->source);
      g_autoptr(GObject) item = g_list_model_get_item (source, self->position);

      /* Past the end: the row is on its way out of the list, and shows nothing. */
      g_set_object (&self->item, item);
    }

  return self->item;
}

/**
 * cohort_row_invalidate:
 * @source: the list the row is a place of
 *
 * For the row's model: the list has a new item at the row's place.  The row reads it from
 * @source when it is asked for its item.
 */
void
cohort_row_invalidate (CohortRow  *self,
                       GListModel *source)
{
  g_return_if_fail (COHORT_IS_ROW (self));
  g_return_if_fail (G_IS_LIST_MODEL (source));

  g_set_object (&self->source, source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * cohort_row_get_position:
 *
 * Returns: where the row is in its list
 */
guint
cohort_row_get_position (CohortRow *self)
{
  g_return_val_if_fail (COHORT_IS_ROW (self), 0);

  return self->position;
}

/**
 * cohort_row_set_position:
 *
 * For the row's model: rows before this one were added or removed.
 */
void
cohort_row_set_position (CohortRow *self,
                         guint      position)
{
  g_return_if_fail (COHORT_IS_ROW (self));

  self->position = position;
}
