/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-swap-model.h"

/*
 * CohortSwapModel: the items of another list model, for a list view.
 *
 * A query model replaces all its rows at once (a search, a sort, a change in the database)
 * and says so in one items-changed (0, removed, added).  When a row the view keeps track of
 * (the one at the top, the focused one) is among the removed, GTK 4.8 looks for its item
 * among every added one, building each: at 100,000 rows, a search held the window up for
 * most of a second.  This model passes such a replacement on as two changes, the removal
 * and then the addition, which the view takes in constant time.  Any other change is passed
 * on as it is.
 */

struct _CohortSwapModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;  /* what the views were told */
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cohort_swap_model_get_item_type (GListModel *list)
{
  CohortSwapModel *self = COHORT_SWAP_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
cohort_swap_model_get_n_items (GListModel *list)
{
  CohortSwapModel *self = COHORT_SWAP_MODEL (list);

  return self->n_items;
}

static gpointer
cohort_swap_model_get_item (GListModel *list,
                            guint       position)
{
  CohortSwapModel *self = COHORT_SWAP_MODEL (list);

  if (position >= self->n_items)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
cohort_swap_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cohort_swap_model_get_item_type;
  iface->get_n_items = cohort_swap_model_get_n_items;
  iface->get_item = cohort_swap_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CohortSwapModel, cohort_swap_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cohort_swap_model_list_model_init))

static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     CohortSwapModel *self)
{
  if (position == 0 && removed == self->n_items && removed > 0 && added > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      self->n_items = added;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
      return;
    }

  self->n_items = g_list_model_get_n_items (model);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
cohort_swap_model_dispose (GObject *object)
{
  CohortSwapModel *self = (CohortSwapModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cohort_swap_model_parent_class)->dispose (object);
}

static void
cohort_swap_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CohortSwapModel *self = COHORT_SWAP_MODEL (object);

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
cohort_swap_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CohortSwapModel *self = COHORT_SWAP_MODEL (object);

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
cohort_swap_model_class_init (CohortSwapModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohort_swap_model_dispose;
  object_class->get_property = cohort_swap_model_get_property;
  object_class->set_property = cohort_swap_model_set_property;

  /**
   * CohortSwapModel:model:
   *
   * The model whose items this one passes on.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_swap_model_init (CohortSwapModel *self)
{
}

/**
 * cohort_swap_model_new:
 * @model: the model to pass on
 *
 * Returns: (transfer full): a new model with the items of @model
 */
CohortSwapModel *
cohort_swap_model_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (COHORT_TYPE_SWAP_MODEL, "model", model, NULL);
}

GListModel *
cohort_swap_model_get_model (CohortSwapModel *self)
{
  g_return_val_if_fail (COHORT_IS_SWAP_MODEL (self), NULL);

  return self->model;
}
